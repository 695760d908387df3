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
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// The error for a pack that is not one the build wrote.
    pub(super) fn damaged(&self, what: &str) -> Error {
        Error::new(ErrorKind::Io {
            message: format!(
                "the bundled dataset's pack is damaged at byte {}: {what}",
                self.at
            ),
        })
    }

    pub(super) fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn byte(&mut self) -> Result<u8> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.damaged("it ends early"))?;
        self.at += 1;
        Ok(byte)
    }

    pub(super) fn count(&mut self) -> Result<usize> {
        let mut value = 0_usize;
        for shift in (0..usize::BITS).step_by(7) {
            let byte = self.byte()?;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.damaged("a number too long"))
    }

    /// A count of items that each take at least one byte: never more than the bytes left, so
    /// that a damaged count cannot ask for a huge allocation.
    pub(super) fn items(&mut self) -> Result<usize> {
        let n = self.count()?;
        if n > self.bytes.len() - self.at {
            return Err(self.damaged("more items than bytes"));
        }
        Ok(n)
    }

    /// A position in a list of `len` items.
    pub(super) fn position(&mut self, len: usize) -> Result<usize> {
        let at = self.count()?;
        if at >= len {
            return Err(self.damaged("a position past its list"));
        }
        Ok(at)
    }

    pub(super) fn flag(&mut self) -> Result<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.damaged("a flag neither 0 nor 1")),
        }
    }

    fn slice(&mut self, len: usize) -> Result<&'a str> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.damaged("a text past the end"))?;
        let text = std::str::from_utf8(&self.bytes[self.at..end])
            .map_err(|_| self.damaged("a text not in UTF-8"))?;
        self.at = end;
        Ok(text)
    }

    pub(super) fn text(&mut self) -> Result<&'a str> {
        let len = self.count()?;
        self.slice(len)
    }

    pub(super) fn string(&mut self) -> Result<String> {
        self.text().map(str::to_owned)
    }

    pub(super) fn optional_text(&mut self) -> Result<Option<&'a str>> {
        match self.count()? {
            0 => Ok(None),
            len => self.slice(len - 1).map(Some),
        }
    }

    pub(super) fn optional_string(&mut self) -> Result<Option<String>> {
        Ok(self.optional_text()?.map(str::to_owned))
    }

    pub(super) fn number(&mut self) -> Result<f64> {
        let text = self.text()?;
        text.parse().map_err(|_| self.damaged("not a number"))
    }

    pub(super) fn optional_number(&mut self) -> Result<Option<f64>> {
        match self.optional_text()? {
            None => Ok(None),
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|_| self.damaged("not a number")),
        }
    }

    pub(super) fn period(&mut self) -> Result<Period> {
        let packed = self.count()?;
        u32::try_from(packed)
            .ok()
            .and_then(unpacked_period)
            .ok_or_else(|| self.damaged("not a period"))
    }

    pub(super) fn optional_period(&mut self) -> Result<Option<Period>> {
        match self.count()? {
            0 => Ok(None),
            packed => u32::try_from(packed - 1)
                .ok()
                .and_then(unpacked_period)
                .map(Some)
                .ok_or_else(|| self.damaged("not a period")),
        }
    }

    pub(super) fn province(&mut self) -> Result<ProvinceId> {
        let packed = self.count()?;
        unpacked_province(packed).ok_or_else(|| self.damaged("not a province"))
    }

    pub(super) fn optional_province(&mut self) -> Result<Option<ProvinceId>> {
        match self.count()? {
            0 => Ok(None),
            packed => unpacked_province(packed - 1)
                .map(Some)
                .ok_or_else(|| self.damaged("not a province")),
        }
    }

    pub(super) fn word<T: Copy>(&mut self, all: &[T]) -> Result<T> {
        let at = self.position(all.len())?;
        Ok(all[at])
    }

    pub(super) fn strings(&mut self) -> Result<Vec<String>> {
        self.list(Reader::string)
    }

    /// A list: its length, then its items. A plain loop, so that each item type adds little
    /// code to the module.
    pub(super) fn list<T>(&mut self, read: fn(&mut Reader<'a>) -> Result<T>) -> Result<Vec<T>> {
        let n = self.items()?;
        self.column(n, read)
    }

    /// `n` items, one after the other.
    pub(super) fn column<T>(
        &mut self,
        n: usize,
        read: fn(&mut Reader<'a>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(read(self)?);
        }
        Ok(items)
    }

    /// `n` positions in a list of `len` items.
    pub(super) fn positions(&mut self, n: usize, len: usize) -> Result<Vec<u32>> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(self.position(len)? as u32);
        }
        Ok(items)
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
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.count().unwrap(), 0);
        assert_eq!(r.count().unwrap(), 300);
        assert_eq!(r.count().unwrap(), usize::MAX);
        assert_eq!(r.text().unwrap(), "Trà Vinh");
        assert_eq!(r.optional_text().unwrap(), None);
        assert_eq!(r.optional_text().unwrap(), Some(""));
        assert_eq!(r.number().unwrap().to_bits(), (0.1_f64 + 0.2).to_bits());
        assert_eq!(r.optional_number().unwrap(), None);
        assert_eq!(
            r.optional_number().unwrap().map(f64::to_bits),
            Some((-0.0_f64).to_bits())
        );
        assert_eq!(r.period().unwrap().to_string(), "2024-02-29");
        assert_eq!(r.optional_period().unwrap(), Some(Period::year(2016)));
        assert_eq!(r.province().unwrap(), ProvinceId::new(Scheme::P34, 86));
        assert_eq!(r.optional_province().unwrap(), None);
        assert!(r.flag().unwrap());
        assert!(r.is_done());
    }

    #[test]
    fn refuses_bytes_the_writer_cannot_have_made() {
        let damaged = |bytes: &[u8], read: fn(&mut Reader<'_>) -> Result<()>| {
            let error = read(&mut Reader::new(bytes)).unwrap_err();
            assert_eq!(error.kind().code(), "io", "{error}");
        };
        damaged(&[], |r| r.count().map(drop));
        damaged(&[0xff; 11], |r| r.count().map(drop));
        damaged(&[5, b'a'], |r| r.text().map(drop));
        damaged(&[2, 0xc3, 0x28], |r| r.text().map(drop));
        damaged(&[3, b'x', b'y', b'z'], |r| r.number().map(drop));
        damaged(&[2], |r| r.flag().map(drop));
        damaged(&[200, 1], |r| r.items().map(drop));
        damaged(&[250, 1], |r| r.province().map(drop));
        // 2023-02-30 does not exist, nor does a day without its month.
        let mut w = Writer::default();
        w.count(20_230_230);
        w.count(20_230_005);
        let bytes = w.bytes;
        damaged(&bytes, |r| r.period().map(drop));
        let mut r = Reader::new(&bytes);
        r.count().unwrap();
        assert_eq!(r.period().unwrap_err().kind().code(), "io");
        damaged(&[7], |r| r.word(&[1, 2, 3]).map(drop));
    }
}
