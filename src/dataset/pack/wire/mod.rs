//! The pack's primitives: whole numbers as LEB128, numbers of figures as a whole number of
//! some decimal place (`86.18` as 8618 hundredths: three bytes, and read back by one exact
//! division, so that the engine that reads a pack needs no general decimal reader), texts by
//! their length, and closed vocabularies by their place in the list.
//!
//! A text's bytes are not among the numbers: every text is in one region after them, in the
//! order written, so that a reader checks once that the region is UTF-8 rather than once per
//! text, which was a tenth of decoding the bundled dataset in Chromium. A pack's contents are
//! the numbers' length, the numbers, then the texts.
//!
//! The writer runs at build time; the reader at every start, on bytes the build made, and
//! still refuses, with the byte it stopped at, anything it cannot read as what the writer
//! writes: a whole number too long or not in its shortest form, digits past 2^53, an unknown
//! header, texts not in UTF-8, a text past the end or cut inside a character, a position past
//! its list.
//!
//! Here: the number form both sides share, and the writer; in `reader.rs`, the reader.

mod reader;
#[cfg(test)]
mod tests;

use crate::model::{Period, ProvinceId, Scheme};
use crate::parse::plain_decimal;
pub(super) use reader::Reader;

/// 10^0 to 10^15: each exact as a double.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// 2^53: every whole number up to it is exact as a double.
const MAX_EXACT: u64 = 1 << 53;

/// How a number is written: as whole units of its `places`-th decimal place, with its sign
/// apart (code `2 * places + negative`), or as its eight bytes (code 32). The whole number
/// that follows is the digits or the bits.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NumberHeader {
    Decimal { places: usize, negative: bool },
    Bits,
}

impl NumberHeader {
    const BITS: usize = 2 * POWERS_OF_TEN.len();

    /// The fewest places at which `value` rounds to a whole number below 2^53 that one
    /// division by the power of ten gives back bit for bit, and that number; else its bits (an
    /// infinity, NaN, a number of more than fifteen places or past 2^53, such as a computed
    /// share). The reader makes the same division, so the number comes back bit for bit.
    fn of(value: f64) -> (Self, u64) {
        if value.is_finite() {
            let magnitude = value.abs();
            for (places, power) in POWERS_OF_TEN.iter().enumerate() {
                // Rounded: a decimal's double times its power of ten can miss the whole
                // number by a little (2.01 × 100 is 200.99999999999997).
                let digits = (magnitude * power).round();
                #[allow(clippy::cast_precision_loss)]
                let below = digits < MAX_EXACT as f64;
                if below && (digits / power).to_bits() == magnitude.to_bits() {
                    let header = NumberHeader::Decimal {
                        places,
                        negative: value.is_sign_negative(),
                    };
                    // Whole and below 2^53: the cast is exact.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    return (header, digits as u64);
                }
            }
        }
        (NumberHeader::Bits, value.to_bits())
    }

    fn code(self) -> usize {
        match self {
            NumberHeader::Decimal { places, negative } => 2 * places + usize::from(negative),
            NumberHeader::Bits => Self::BITS,
        }
    }

    fn from_code(code: usize) -> Option<Self> {
        match code {
            Self::BITS => Some(NumberHeader::Bits),
            code if code < Self::BITS => Some(NumberHeader::Decimal {
                places: code / 2,
                negative: code % 2 == 1,
            }),
            _ => None,
        }
    }
}

/// A table cell's text read as a number when it is one of the plain shapes that one exact
/// division reads (`0.8002`, `1208`; see [`plain_decimal`]), which `f64::from_str` reads to the
/// same bits; `None` for any other. The writer stores a figure as "its cell's" only when this
/// gives it back, so that reading a pack never needs a general decimal reader.
pub(super) fn exact_decimal(text: &str) -> Option<f64> {
    plain_decimal(text.as_bytes())
}

/// The contents of a pack being written.
#[derive(Default)]
pub(super) struct Writer {
    /// Numbers, flags, positions and each text's length.
    pub(super) bytes: Vec<u8>,
    /// Every text's bytes, in the order written.
    texts: String,
}

impl Writer {
    /// The contents: the numbers' length, the numbers, then the texts.
    pub(super) fn finish(self) -> Vec<u8> {
        let mut framed = Writer::default();
        framed.count(self.bytes.len());
        framed.bytes.extend_from_slice(&self.bytes);
        framed.bytes.extend_from_slice(self.texts.as_bytes());
        framed.bytes
    }

    pub(super) fn count(&mut self, value: usize) {
        self.whole(value as u64);
    }

    /// A whole number as LEB128: seven bits a byte, least significant first.
    fn whole(&mut self, mut value: u64) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub(super) fn flag(&mut self, value: bool) {
        self.bytes.push(u8::from(value));
    }

    pub(super) fn text(&mut self, text: &str) {
        self.count(text.len());
        self.texts.push_str(text);
    }

    /// An optional text: 0 for none, else its length plus one.
    pub(super) fn optional_text(&mut self, text: Option<&str>) {
        match text {
            None => self.count(0),
            Some(text) => {
                self.count(text.len() + 1);
                self.texts.push_str(text);
            }
        }
    }

    /// A number: its header (see [`NumberHeader`]), then its digits as a whole number, or,
    /// for a number no decimal of at most fifteen places gives back bit for bit, its eight
    /// bytes.
    pub(super) fn number(&mut self, value: f64) {
        let (header, body) = NumberHeader::of(value);
        self.count(header.code());
        self.number_body(header, body);
    }

    /// An optional number: 0 for none, else its header plus one.
    pub(super) fn optional_number(&mut self, value: Option<f64>) {
        let Some(value) = value else {
            self.count(0);
            return;
        };
        let (header, body) = NumberHeader::of(value);
        self.count(header.code() + 1);
        self.number_body(header, body);
    }

    fn number_body(&mut self, header: NumberHeader, body: u64) {
        match header {
            NumberHeader::Decimal { .. } => self.whole(body),
            NumberHeader::Bits => self.bytes.extend_from_slice(&body.to_le_bytes()),
        }
    }

    pub(super) fn period(&mut self, period: Period) {
        self.count(period.as_u32() as usize);
    }

    pub(super) fn optional_period(&mut self, period: Option<Period>) {
        self.count(period.map_or(0, |p| p.as_u32() as usize + 1));
    }

    /// A province as `scheme * 100 + code`, plus one so that 0 can mean none.
    pub(super) fn optional_province(&mut self, id: Option<ProvinceId>) {
        self.count(id.map_or(0, |id| packed_province(id) + 1));
    }

    pub(super) fn province(&mut self, id: ProvinceId) {
        self.count(packed_province(id));
    }

    /// A value of a closed vocabulary, by its place in the vocabulary's list.
    pub(super) fn word<T: PartialEq>(&mut self, value: &T, all: &[T]) {
        self.count(all.iter().position(|x| x == value).unwrap_or(all.len()));
    }

    pub(super) fn texts<'a>(&mut self, texts: impl ExactSizeIterator<Item = &'a str>) {
        self.count(texts.len());
        for text in texts {
            self.text(text);
        }
    }
}

fn packed_province(id: ProvinceId) -> usize {
    let scheme = match id.scheme {
        Scheme::P63 => 0,
        Scheme::P34 => 100,
    };
    scheme + usize::from(id.code)
}
