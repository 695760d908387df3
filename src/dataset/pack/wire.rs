//! The pack's primitives: whole numbers as LEB128, numbers of figures as a whole number of
//! some decimal place (`86.18` as 8618 hundredths: three bytes, and read back by one exact
//! division, so that the engine that reads a pack needs no general decimal reader), texts with
//! their length first, and closed vocabularies by their place in the list.
//!
//! The writer runs at build time; the reader at every start, on bytes the build made, and
//! still refuses, with the byte it stopped at, anything it cannot read as what the writer
//! writes: a whole number too long or not in its shortest form, digits past 2^53, an unknown
//! header, a text past the end or not UTF-8, a position past its list.

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Period, ProvinceId, Scheme};
use crate::parse::plain_decimal;

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

/// The bytes of a pack being written.
#[derive(Default)]
pub(super) struct Writer {
    pub(super) bytes: Vec<u8>,
}

impl Writer {
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
        self.bytes.extend_from_slice(text.as_bytes());
    }

    /// An optional text: 0 for none, else its length plus one.
    pub(super) fn optional_text(&mut self, text: Option<&str>) {
        match text {
            None => self.count(0),
            Some(text) => {
                self.count(text.len() + 1);
                self.bytes.extend_from_slice(text.as_bytes());
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

/// The bytes of a pack being read.
///
/// A read that fails records where and why, and hands back a neutral value (an empty text, a
/// zero) so that decoding goes on without an error path per field; every later read then
/// finds the pack at its end. [`Reader::finish`] says whether anything failed. This keeps the
/// decoder small, since each `?` of a field would add the dropping of every field before it.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    damage: Option<(usize, &'static str)>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            at: 0,
            damage: None,
        }
    }

    /// Records the first damage found and stops reading.
    pub(super) fn fail(&mut self, what: &'static str) {
        if self.damage.is_none() {
            self.damage = Some((self.at, what));
        }
        self.at = self.bytes.len();
    }

    /// The error of the first damage found, if any.
    pub(super) fn check(&self) -> Result<()> {
        match self.damage {
            None => Ok(()),
            Some((at, what)) => Err(Error::new(ErrorKind::Io {
                message: format!("the bundled dataset's pack is damaged at byte {at}: {what}"),
            })),
        }
    }

    /// Every byte read and nothing damaged.
    pub(super) fn finish(mut self) -> Result<()> {
        if self.at != self.bytes.len() {
            self.fail("bytes after the last column");
        }
        self.check()
    }

    fn byte(&mut self) -> u8 {
        if let Some(&byte) = self.bytes.get(self.at) {
            self.at += 1;
            return byte;
        }
        self.fail("it ends early");
        0
    }

    pub(super) fn count(&mut self) -> usize {
        let value = self.whole();
        usize::try_from(value).unwrap_or_else(|_| {
            self.fail("a number too long");
            0
        })
    }

    fn whole(&mut self) -> u64 {
        let mut value = 0_u64;
        for shift in (0..u64::BITS).step_by(7) {
            let byte = self.byte();
            let bits = u64::from(byte & 0x7f);
            // The tenth byte holds the 64th bit alone.
            if bits << shift >> shift != bits {
                break;
            }
            // A last byte of 0 after others: not the shortest form, all the writer writes.
            if byte == 0 && shift > 0 {
                self.fail("a number not in its shortest form");
                return 0;
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return value;
            }
        }
        self.fail("a number too long");
        0
    }

    /// A count of items that each take at least one byte: never more than the bytes left, so
    /// that a damaged count cannot ask for a huge allocation.
    pub(super) fn items(&mut self) -> usize {
        let n = self.count();
        if n > self.bytes.len() - self.at {
            self.fail("more items than bytes");
            return 0;
        }
        n
    }

    /// A position in a list of `len` items.
    pub(super) fn position(&mut self, len: usize) -> usize {
        let at = self.count();
        if at >= len {
            self.fail("a position past its list");
            return 0;
        }
        at
    }

    pub(super) fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.fail("a flag neither 0 nor 1");
                false
            }
        }
    }

    fn slice(&mut self, len: usize) -> &'a str {
        let bytes = self.bytes;
        let text = self
            .at
            .checked_add(len)
            .and_then(|end| bytes.get(self.at..end))
            .map(std::str::from_utf8);
        match text {
            Some(Ok(text)) => {
                self.at += len;
                text
            }
            Some(Err(_)) => {
                self.fail("a text not in UTF-8");
                ""
            }
            None => {
                self.fail("a text past the end");
                ""
            }
        }
    }

    /// Eight bytes, least significant first: the texts pack's fingerprint, a number's bits.
    pub(super) fn eight_bytes(&mut self) -> u64 {
        (0..64)
            .step_by(8)
            .fold(0, |value, shift| value | u64::from(self.byte()) << shift)
    }

    pub(super) fn text(&mut self) -> &'a str {
        let len = self.count();
        self.slice(len)
    }

    pub(super) fn string(&mut self) -> String {
        self.text().to_owned()
    }

    pub(super) fn optional_text(&mut self) -> Option<&'a str> {
        match self.count() {
            0 => None,
            len => Some(self.slice(len - 1)),
        }
    }

    pub(super) fn optional_string(&mut self) -> Option<String> {
        self.optional_text().map(str::to_owned)
    }

    /// The number a table cell's text gives, for a figure that the writer found to be its
    /// cell's (see [`exact_decimal`]); 0 and the damage recorded for any other text.
    pub(super) fn number_in(&mut self, text: &str) -> f64 {
        exact_decimal(text).unwrap_or_else(|| {
            self.fail("not a number");
            0.0
        })
    }

    pub(super) fn number(&mut self) -> f64 {
        let code = self.count();
        self.number_of(code)
    }

    pub(super) fn optional_number(&mut self) -> Option<f64> {
        match self.count() {
            0 => None,
            code => Some(self.number_of(code - 1)),
        }
    }

    fn number_of(&mut self, code: usize) -> f64 {
        match NumberHeader::from_code(code) {
            Some(NumberHeader::Decimal { places, negative }) => {
                let digits = self.whole();
                if digits >= MAX_EXACT {
                    self.fail("a number's digits past 2^53");
                    return 0.0;
                }
                // Below 2^53 the digits are exact as a double, and so is the power of ten: the
                // division is correctly rounded, the very division the writer checked.
                #[allow(clippy::cast_precision_loss)]
                let value = digits as f64 / POWERS_OF_TEN[places];
                if negative { -value } else { value }
            }
            Some(NumberHeader::Bits) => f64::from_bits(self.eight_bytes()),
            None => {
                self.fail("not a number");
                0.0
            }
        }
    }

    fn period_of(&mut self, packed: usize) -> Period {
        let period = u32::try_from(packed).ok().and_then(unpacked_period);
        period.unwrap_or_else(|| {
            self.fail("not a period");
            Period::year(0)
        })
    }

    pub(super) fn period(&mut self) -> Period {
        let packed = self.count();
        self.period_of(packed)
    }

    pub(super) fn optional_period(&mut self) -> Option<Period> {
        match self.count() {
            0 => None,
            packed => Some(self.period_of(packed - 1)),
        }
    }

    fn province_of(&mut self, packed: usize) -> ProvinceId {
        unpacked_province(packed).unwrap_or_else(|| {
            self.fail("not a province");
            ProvinceId::new(Scheme::P63, 0)
        })
    }

    pub(super) fn province(&mut self) -> ProvinceId {
        let packed = self.count();
        self.province_of(packed)
    }

    pub(super) fn optional_province(&mut self) -> Option<ProvinceId> {
        match self.count() {
            0 => None,
            packed => Some(self.province_of(packed - 1)),
        }
    }

    /// A value of a closed vocabulary by its place in `all`; `or` when the place is past it.
    pub(super) fn word<T: Copy>(&mut self, all: &[T], or: T) -> T {
        let at = self.position(all.len());
        all.get(at).copied().unwrap_or(or)
    }

    pub(super) fn strings(&mut self) -> Vec<String> {
        self.list(Reader::string)
    }

    /// A list: its length, then its items.
    pub(super) fn list<T>(&mut self, read: fn(&mut Reader<'a>) -> T) -> Vec<T> {
        let n = self.items();
        self.column(n, read)
    }

    /// `n` items, one after the other.
    pub(super) fn column<T>(&mut self, n: usize, read: fn(&mut Reader<'a>) -> T) -> Vec<T> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(read(self));
        }
        items
    }

    /// `n` positions in a list of `len` items, each of which the columns hold in 16 bits.
    pub(super) fn positions(&mut self, n: usize, len: usize) -> Vec<u16> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            let position = u16::try_from(self.position(len)).unwrap_or_else(|_| {
                self.fail("a position past the columns' 16 bits");
                0
            });
            items.push(position);
        }
        items
    }
}

fn unpacked_province(packed: usize) -> Option<ProvinceId> {
    let scheme = match packed / 100 {
        0 => Scheme::P63,
        1 => Scheme::P34,
        _ => return None,
    };
    Some(ProvinceId::new(scheme, (packed % 100) as u8))
}

/// The period packed as `year * 10_000 + month * 100 + day`, if it is one.
fn unpacked_period(packed: u32) -> Option<Period> {
    let year = u16::try_from(packed / 10_000).ok()?;
    let (month, day) = ((packed / 100 % 100) as u8, (packed % 100) as u8);
    let period = match (month, day) {
        (0, 0) => Period::year(year),
        (0, _) => return None,
        (_, 0) => Period::date(year, month, None)?,
        _ => Period::date(year, month, Some(day))?,
    };
    (period.as_u32() == packed).then_some(period)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_was_written() {
        let mut w = Writer::default();
        w.count(0);
        w.count(300);
        w.count(usize::MAX);
        w.text("Trà Vinh");
        w.optional_text(None);
        w.optional_text(Some(""));
        w.number(0.1 + 0.2);
        w.optional_number(None);
        w.optional_number(Some(-0.0));
        w.period(Period::date(2024, 2, Some(29)).unwrap());
        w.optional_period(Some(Period::year(2016)));
        w.province(ProvinceId::new(Scheme::P34, 86));
        w.optional_province(None);
        w.flag(true);
        w.word(&Scheme::P34, &[Scheme::P63, Scheme::P34]);
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.count(), 0);
        assert_eq!(r.count(), 300);
        assert_eq!(r.count(), usize::MAX);
        assert_eq!(r.text(), "Trà Vinh");
        assert_eq!(r.optional_text(), None);
        assert_eq!(r.optional_text(), Some(""));
        assert_eq!(r.number().to_bits(), (0.1_f64 + 0.2).to_bits());
        assert_eq!(r.optional_number(), None);
        assert_eq!(
            r.optional_number().map(f64::to_bits),
            Some((-0.0_f64).to_bits())
        );
        assert_eq!(r.period().to_string(), "2024-02-29");
        assert_eq!(r.optional_period(), Some(Period::year(2016)));
        assert_eq!(r.province(), ProvinceId::new(Scheme::P34, 86));
        assert_eq!(r.optional_province(), None);
        assert!(r.flag());
        assert_eq!(
            r.word(&[Scheme::P63, Scheme::P34], Scheme::P63),
            Scheme::P34
        );
        r.finish().unwrap();
    }

    #[test]
    fn refuses_bytes_the_writer_cannot_have_made() {
        let damaged = |bytes: &[u8], read: fn(&mut Reader<'_>)| {
            let mut reader = Reader::new(bytes);
            read(&mut reader);
            let error = reader.finish().unwrap_err();
            assert_eq!(error.kind().code(), "io", "{error}");
        };
        damaged(&[], |r| {
            let _ = r.count();
        });
        damaged(&[0xff; 11], |r| {
            let _ = r.count();
        });
        damaged(&[5, b'a'], |r| {
            let _ = r.text();
        });
        damaged(&[2, 0xc3, 0x28], |r| {
            let _ = r.text();
        });
        // A header past the eight bytes' code, digits of 2^53, a whole number not in its
        // shortest form.
        damaged(&[33], |r| {
            let _ = r.number();
        });
        damaged(&[0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10], |r| {
            let _ = r.number();
        });
        damaged(&[0x80, 0], |r| {
            let _ = r.count();
        });
        damaged(&[2], |r| {
            let _ = r.flag();
        });
        damaged(&[200, 1], |r| {
            let _ = r.items();
        });
        damaged(&[250, 1], |r| {
            let _ = r.province();
        });
        damaged(&[7], |r| {
            let _ = r.word(&[1, 2, 3], 1);
        });
        damaged(&[1, 1], |r| {
            let _ = r.count();
        });
        // 2023-02-30 does not exist, nor does a day without its month.
        for packed in [20_230_230, 20_230_005] {
            let mut w = Writer::default();
            w.count(packed);
            damaged(&w.bytes, |r| {
                let _ = r.period();
            });
        }
    }

    #[test]
    fn numbers_read_back_bit_for_bit_in_as_few_bytes_as_their_places_need() {
        let written = |value: f64| {
            let mut w = Writer::default();
            w.number(value);
            let mut r = Reader::new(&w.bytes);
            assert_eq!(r.number().to_bits(), value.to_bits(), "{value}");
            r.finish().unwrap();
            w.bytes
        };
        // 8618 hundredths: the header and two bytes of digits.
        assert_eq!(written(86.18), [4, 0xaa, 0x43]);
        // 2.01 × 100 is 200.99999999999997 in doubles: still 201 hundredths.
        assert_eq!(written(2.01), [4, 0xc9, 0x01]);
        assert_eq!(written(-3.0), [1, 3]);
        assert_eq!(written(-0.0), [1, 0]);
        assert_eq!(written(1_208_000.0), [0, 0xc0, 0xdd, 0x49]);
        for value in [
            0.1 + 0.2,
            1.0 / 3.0,
            f64::INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            1e300,
            9_007_199_254_740_994.0,
        ] {
            let bytes = written(value);
            assert_eq!(bytes.len(), 9, "{value}: the header and eight bytes");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_number_reads_back_bit_for_bit(bits: u64, places in 0..=15_usize, digits in 0..1_u64 << 53) {
            for value in [f64::from_bits(bits), digits as f64 / POWERS_OF_TEN[places]] {
                let mut w = Writer::default();
                w.optional_number(Some(value));
                let mut r = Reader::new(&w.bytes);
                proptest::prop_assert_eq!(r.optional_number().map(f64::to_bits), Some(value.to_bits()));
                proptest::prop_assert!(r.finish().is_ok());
            }
        }

        /// A number of at most six places and a million whole units, as figures are, is never
        /// written as its eight bytes.
        #[test]
        fn a_decimal_takes_its_digits_not_eight_bytes(units in 0..1_000_000_000_000_u64, places in 0..=6_usize) {
            let value = units as f64 / POWERS_OF_TEN[places];
            let mut w = Writer::default();
            w.number(value);
            proptest::prop_assert!(w.bytes.len() < 9, "{} took {:?}", value, w.bytes);
        }
    }

    #[test]
    fn a_cell_that_is_not_a_plain_decimal_is_damage() {
        let mut r = Reader::new(&[]);
        assert_eq!(r.number_in("86.18").to_bits(), 86.18_f64.to_bits());
        r.number_in("1e5");
        let message = r.finish().unwrap_err().to_string();
        assert!(message.contains("byte 0: not a number"), "{message}");
    }

    #[test]
    fn the_first_damage_is_the_one_reported() {
        let mut r = Reader::new(&[2, 1]);
        assert!(!r.flag());
        // Nothing more is read once the pack is damaged, though a 1 follows.
        assert!(!r.flag());
        assert_eq!(r.text(), "");
        let message = r.finish().unwrap_err().to_string();
        assert!(
            message.contains("byte 1: a flag neither 0 nor 1"),
            "{message}"
        );
    }
}
