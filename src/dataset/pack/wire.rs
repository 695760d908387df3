//! The pack's primitives: whole numbers as LEB128, numbers of figures as their shortest
//! decimal text (which reads back to the same bits and compresses far better than eight raw
//! bytes), texts with their length first, and closed vocabularies by their place in the list.
//!
//! The writer runs at build time; the reader at every start, on bytes the build made, and
//! still refuses, with the byte it stopped at, anything those bytes could not have been.

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Period, ProvinceId, Scheme};

/// The bytes of a pack being written.
#[derive(Default)]
pub(super) struct Writer {
    pub(super) bytes: Vec<u8>,
}

impl Writer {
    pub(super) fn count(&mut self, mut value: usize) {
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

    /// A number as its shortest decimal text, which reads back to the same `f64`.
    pub(super) fn number(&mut self, value: f64) {
        self.text(&value.to_string());
    }

    pub(super) fn optional_number(&mut self, value: Option<f64>) {
        self.optional_text(value.map(|v| v.to_string()).as_deref());
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
        let mut value = 0_usize;
        for shift in (0..usize::BITS).step_by(7) {
            let byte = self.byte();
            value |= usize::from(byte & 0x7f) << shift;
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

    /// Eight bytes, least significant first: the texts pack's fingerprint.
    pub(super) fn fingerprint(&mut self) -> u64 {
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

    /// A number read from `text`, or 0 and the damage recorded.
    pub(super) fn number_in(&mut self, text: &str) -> f64 {
        text.parse().unwrap_or_else(|_| {
            self.fail("not a number");
            0.0
        })
    }

    pub(super) fn number(&mut self) -> f64 {
        let text = self.text();
        self.number_in(text)
    }

    pub(super) fn optional_number(&mut self) -> Option<f64> {
        let text = self.optional_text()?;
        Some(self.number_in(text))
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

    /// `n` positions in a list of `len` items.
    pub(super) fn positions(&mut self, n: usize, len: usize) -> Vec<u32> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(self.position(len) as u32);
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
        damaged(&[3, b'x', b'y', b'z'], |r| {
            let _ = r.number();
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
