//! The pack's reader: every primitive the writer writes, read back and checked, with the
//! first damage found kept for [`Reader::finish`] to report.

use super::{MAX_EXACT, NumberHeader, POWERS_OF_TEN, exact_decimal};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Period, ProvinceId, Scheme};

/// The bytes of a pack being read.
///
/// A read that fails records where and why, and hands back a neutral value (an empty text, a
/// zero) so that decoding goes on without an error path per field; every later read then
/// finds the pack at its end. [`Reader::finish`] says whether anything failed. This keeps the
/// decoder small, since each `?` of a field would add the dropping of every field before it.
pub(in crate::dataset::pack) struct Reader<'a> {
    /// The contents up to the end of the numbers: `at` counts from the contents' start.
    bytes: &'a [u8],
    at: usize,
    /// The texts, after the numbers, and where the next one starts.
    texts: &'a str,
    text_at: usize,
    damage: Option<(usize, &'static str)>,
}

impl<'a> Reader<'a> {
    /// A reader of a pack's contents, as [`Writer::finish`](super::Writer::finish) made them;
    /// a damaged one if their framing or their texts are not.
    pub(in crate::dataset::pack) fn new(contents: &'a [u8]) -> Self {
        let mut r = Reader {
            bytes: contents,
            at: 0,
            texts: "",
            text_at: 0,
            damage: None,
        };
        let len = r.count();
        let Some((numbers, texts)) =
            r.at.checked_add(len)
                .and_then(|end| contents.split_at_checked(end))
        else {
            r.fail("numbers longer than the pack");
            return r;
        };
        r.bytes = numbers;
        match std::str::from_utf8(texts) {
            Ok(texts) => r.texts = texts,
            Err(_) => r.fail("texts not in UTF-8"),
        }
        r
    }

    /// Records the first damage found and stops reading.
    pub(in crate::dataset::pack) fn fail(&mut self, what: &'static str) {
        if self.damage.is_none() {
            self.damage = Some((self.at, what));
        }
        self.at = self.bytes.len();
        self.text_at = self.texts.len();
    }

    /// The error of the first damage found, if any.
    pub(in crate::dataset::pack) fn check(&self) -> Result<()> {
        match self.damage {
            None => Ok(()),
            Some((at, what)) => Err(Error::new(ErrorKind::Io {
                message: format!("the bundled dataset's pack is damaged at byte {at}: {what}"),
            })),
        }
    }

    /// Every byte read and nothing damaged.
    pub(in crate::dataset::pack) fn finish(mut self) -> Result<()> {
        if self.at != self.bytes.len() {
            self.fail("bytes after the last column");
        }
        if self.text_at != self.texts.len() {
            self.fail("texts after the last");
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

    pub(in crate::dataset::pack) fn count(&mut self) -> usize {
        let value = self.whole();
        usize::try_from(value).unwrap_or_else(|_| {
            self.fail("a number too long");
            0
        })
    }

    fn whole(&mut self) -> u64 {
        // Most numbers are one byte, read in place: in the page's size-first build `byte` is
        // a call.
        if let Some(&byte) = self.bytes.get(self.at)
            && byte < 0x80
        {
            self.at += 1;
            return u64::from(byte);
        }
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
    pub(in crate::dataset::pack) fn items(&mut self) -> usize {
        let n = self.count();
        if n > self.bytes.len() - self.at {
            self.fail("more items than bytes");
            return 0;
        }
        n
    }

    /// A position in a list of `len` items.
    pub(in crate::dataset::pack) fn position(&mut self, len: usize) -> usize {
        let at = self.count();
        if at >= len {
            self.fail("a position past its list");
            return 0;
        }
        at
    }

    pub(in crate::dataset::pack) fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.fail("a flag neither 0 nor 1");
                false
            }
        }
    }

    /// The next `len` bytes of the texts, which were checked as UTF-8 whole: a slice that
    /// starts or ends inside a character is damage.
    fn slice(&mut self, len: usize) -> &'a str {
        let texts = self.texts;
        let text = self
            .text_at
            .checked_add(len)
            .and_then(|end| texts.get(self.text_at..end));
        if let Some(text) = text {
            self.text_at += len;
            return text;
        }
        self.fail("a text past the end or cut inside a character");
        ""
    }

    /// Eight bytes, least significant first: the texts pack's fingerprint, a number's bits.
    pub(in crate::dataset::pack) fn eight_bytes(&mut self) -> u64 {
        (0..64)
            .step_by(8)
            .fold(0, |value, shift| value | u64::from(self.byte()) << shift)
    }

    pub(in crate::dataset::pack) fn text(&mut self) -> &'a str {
        let len = self.count();
        self.slice(len)
    }

    pub(in crate::dataset::pack) fn string(&mut self) -> String {
        self.text().to_owned()
    }

    /// An optional value: 0 for none, else one more than the value's own code.
    fn optional<T>(&mut self, read: impl FnOnce(&mut Self, usize) -> T) -> Option<T> {
        match self.count() {
            0 => None,
            code => Some(read(self, code - 1)),
        }
    }

    pub(in crate::dataset::pack) fn optional_text(&mut self) -> Option<&'a str> {
        self.optional(Self::slice)
    }

    pub(in crate::dataset::pack) fn optional_string(&mut self) -> Option<String> {
        self.optional_text().map(str::to_owned)
    }

    /// The number a table cell's text gives, for a figure that the writer found to be its
    /// cell's (see [`exact_decimal`]); 0 and the damage recorded for any other text.
    pub(in crate::dataset::pack) fn number_in(&mut self, text: &str) -> f64 {
        exact_decimal(text).unwrap_or_else(|| {
            self.fail("not a number");
            0.0
        })
    }

    pub(in crate::dataset::pack) fn number(&mut self) -> f64 {
        let code = self.count();
        self.number_of(code)
    }

    pub(in crate::dataset::pack) fn optional_number(&mut self) -> Option<f64> {
        self.optional(Self::number_of)
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

    pub(in crate::dataset::pack) fn period(&mut self) -> Period {
        let packed = self.count();
        self.period_of(packed)
    }

    pub(in crate::dataset::pack) fn optional_period(&mut self) -> Option<Period> {
        self.optional(Self::period_of)
    }

    fn province_of(&mut self, packed: usize) -> ProvinceId {
        unpacked_province(packed).unwrap_or_else(|| {
            self.fail("not a province");
            ProvinceId::new(Scheme::P63, 0)
        })
    }

    pub(in crate::dataset::pack) fn province(&mut self) -> ProvinceId {
        let packed = self.count();
        self.province_of(packed)
    }

    pub(in crate::dataset::pack) fn optional_province(&mut self) -> Option<ProvinceId> {
        self.optional(Self::province_of)
    }

    /// A value of a closed vocabulary by its place in `all`; `or` when the place is past it.
    pub(in crate::dataset::pack) fn word<T: Copy>(&mut self, all: &[T], or: T) -> T {
        let at = self.position(all.len());
        all.get(at).copied().unwrap_or(or)
    }

    pub(in crate::dataset::pack) fn strings(&mut self) -> Vec<String> {
        self.list(Reader::string)
    }

    /// A list: its length, then its items.
    pub(in crate::dataset::pack) fn list<T>(&mut self, read: fn(&mut Reader<'a>) -> T) -> Vec<T> {
        let n = self.items();
        self.column(n, read)
    }

    /// `n` items, one after the other.
    pub(in crate::dataset::pack) fn column<T>(
        &mut self,
        n: usize,
        read: fn(&mut Reader<'a>) -> T,
    ) -> Vec<T> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(read(self));
        }
        items
    }

    /// `n` positions in a list of `len` items, each of which the columns hold in 16 bits.
    pub(in crate::dataset::pack) fn positions(&mut self, n: usize, len: usize) -> Vec<u16> {
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
