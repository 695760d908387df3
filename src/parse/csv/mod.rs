//! A small RFC 4180 reader that remembers where every field starts.
//!
//! It owns quoting, line endings, the byte-order mark and positions; it knows nothing of what the
//! columns mean. Fields borrow from the input unless they contain doubled quotes, so reading a
//! large file allocates little. Columns are computed only when an error needs one, because
//! counting characters for every field would cost more than the parse itself.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Position, Result};

/// One field of a record, with the byte offsets needed to place it.
#[derive(Debug, Clone)]
pub(crate) struct Field<'a> {
    pub(crate) text: Cow<'a, str>,
    /// Byte offset of the field's first character (its opening quote, if quoted).
    start: usize,
    /// 1-based number of the field within its record.
    number: u32,
}

/// A cursor over CSV text.
pub(crate) struct Reader<'a> {
    text: &'a str,
    file: Option<&'a str>,
    offset: usize,
    line: u64,
    line_start: usize,
    record_line: u64,
    record_line_start: usize,
    /// The most fields a record keeps; the rest are counted, not kept, so that a line of a
    /// million commas costs no memory for them.
    keep: usize,
    /// How many fields the last record had, kept or not.
    found: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `text`; a leading byte-order mark is skipped, as spreadsheets write one.
    pub(crate) fn new(text: &'a str, file: Option<&'a str>) -> Self {
        let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Reader {
            text,
            file,
            offset,
            line: 1,
            line_start: offset,
            record_line: 1,
            record_line_start: offset,
            keep: usize::MAX,
            found: 0,
        }
    }

    /// A reader over a later piece of a text whose earlier pieces ended on a record boundary;
    /// `line` is the 1-based line the piece starts on.
    pub(crate) fn continuing(text: &'a str, file: Option<&'a str>, line: u64) -> Self {
        Reader {
            text,
            file,
            offset: 0,
            line,
            line_start: 0,
            record_line: line,
            record_line_start: 0,
            keep: usize::MAX,
            found: 0,
        }
    }

    /// Keeps at most `keep` fields of each record from now on; [`Reader::found`] still counts
    /// them all.
    pub(crate) fn keep_at_most(&mut self, keep: usize) {
        self.keep = keep;
    }

    /// How many fields the last record read had, kept or not.
    pub(crate) fn found(&self) -> usize {
        self.found
    }

    /// The 1-based line just after what has been read.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// The byte offset just after what has been read.
    pub(crate) fn offset(&self) -> usize {
        self.offset
    }

    /// Moves to `offset`, the start of a line on 1-based `line`.
    pub(crate) fn seek(&mut self, offset: usize, line: u64) {
        self.offset = offset;
        self.line = line;
        self.line_start = offset;
    }

    /// Decodes `bytes` as UTF-8, or says where the first bad byte is. UTF-16 is recognised and
    /// named, with or without a byte-order mark: its ASCII text is valid UTF-8 with a NUL
    /// between letters, which would otherwise surface as a baffling header error.
    pub(crate) fn decode<'b>(bytes: &'b [u8], file: Option<&str>) -> Result<&'b str> {
        if looks_like_utf16(bytes) {
            return Err(Error::at(ErrorKind::Utf16, Position::new(file, 1, 1)));
        }
        std::str::from_utf8(bytes).map_err(|error| {
            let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
            // The prefix is valid UTF-8 by construction; counting in it is safe.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (breaks, line_text) = lines_in(prefix);
            let line = breaks + 1;
            let column = line_text.chars().count() as u64 + 1;
            Error::at(ErrorKind::InvalidUtf8, Position::new(file, line, column))
        })
    }

    /// 1-based line on which the last record returned by [`Reader::next_record`] starts.
    pub(crate) fn record_line(&self) -> u64 {
        self.record_line
    }

    /// The position of a field of the last record.
    pub(crate) fn position_of(&self, field: &Field<'_>) -> Position {
        self.position_at(field.start)
            .in_field(u64::from(field.number))
    }

    /// The position just past the end of the last record's first line, for "missing field"
    /// errors that have no field to point at.
    pub(crate) fn record_end(&self) -> Position {
        let end = self.text[self.record_line_start..]
            .find(['\r', '\n'])
            .map_or(self.text.len(), |i| self.record_line_start + i);
        self.position_at(end)
    }

    fn position_at(&self, offset: usize) -> Position {
        // Fields of a multi-line record may start on a later line than the record.
        let before = self
            .text
            .get(self.record_line_start..offset)
            .unwrap_or_default();
        let (extra_lines, line_text) = lines_in(before);
        let column = line_text.chars().count() as u64 + 1;
        Position::new(self.file, self.record_line + extra_lines, column)
    }

    fn error_here(&self, kind: ErrorKind, offset: usize) -> Error {
        Error::at(kind, self.position_at(offset))
    }

    /// Reads the next non-blank record into `fields`; `Ok(false)` at the end of the input.
    pub(crate) fn next_record(&mut self, fields: &mut Vec<Field<'a>>) -> Result<bool> {
        fields.clear();
        self.found = 0;
        let bytes = self.text.as_bytes();
        // Skip blank lines, as spreadsheets leave them at the end.
        loop {
            match bytes.get(self.offset) {
                None => return Ok(false),
                Some(b'\r') if bytes.get(self.offset + 1) == Some(&b'\n') => {
                    self.new_line(self.offset + 2);
                }
                // A lone carriage return is a line end too (old Mac exports).
                Some(b'\n' | b'\r') => self.new_line(self.offset + 1),
                Some(_) => break,
            }
        }
        self.record_line = self.line;
        self.record_line_start = self.line_start;
        loop {
            let start = self.offset;
            let (text, end) = if bytes.get(start) == Some(&b'"') {
                self.quoted(start)?
            } else {
                let end = field_end(bytes, start);
                if bytes.get(end) == Some(&b'"') {
                    return Err(self.error_here(ErrorKind::StrayQuote, end));
                }
                (Cow::Borrowed(&self.text[start..end]), end)
            };
            self.found += 1;
            if fields.len() < self.keep {
                let number = fields.len() as u32 + 1;
                fields.push(Field {
                    text,
                    start,
                    number,
                });
            }
            match bytes.get(end) {
                Some(b',') => self.offset = end + 1,
                Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => {
                    self.new_line(end + 2);
                    return Ok(true);
                }
                // A lone carriage return ends a record too (old Mac exports).
                Some(b'\n' | b'\r') => {
                    self.new_line(end + 1);
                    return Ok(true);
                }
                None => {
                    self.offset = end;
                    return Ok(true);
                }
                Some(_) => return Err(self.error_here(ErrorKind::StrayQuote, end)),
            }
        }
    }

    fn new_line(&mut self, offset: usize) {
        self.offset = offset;
        self.line += 1;
        self.line_start = offset;
    }

    /// Reads a quoted field starting at the quote at `start`; returns its text and the offset
    /// just past the closing quote.
    fn quoted(&mut self, start: usize) -> Result<(Cow<'a, str>, usize)> {
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        let mut piece = start + 1;
        let mut i = start + 1;
        loop {
            match bytes.get(i) {
                None => return Err(self.error_here(ErrorKind::UnterminatedQuote, start)),
                Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                    let buffer = owned.get_or_insert_with(String::new);
                    buffer.push_str(&self.text[piece..=i]);
                    i += 2;
                    piece = i;
                }
                Some(b'"') => {
                    let text = match owned {
                        Some(mut buffer) => {
                            buffer.push_str(&self.text[piece..i]);
                            Cow::Owned(buffer)
                        }
                        None => Cow::Borrowed(&self.text[piece..i]),
                    };
                    return Ok((text, i + 1));
                }
                Some(b'\n') => {
                    // Keep line numbers right for the records after a multi-line field.
                    self.line += 1;
                    self.line_start = i + 1;
                    i += 1;
                }
                Some(b'\r') => {
                    // CR LF is one line end; a lone CR is one too.
                    let width = if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    self.line += 1;
                    self.line_start = i + width;
                    i += width;
                }
                Some(_) => i += 1,
            }
        }
    }
}

/// The offset of the first `,`, line end or quote at or after `start` (the end of an unquoted
/// field), or the length of `bytes`. Eight bytes at a time: this scan is most of reading a
/// long file, and a byte-by-byte one costs several instructions a byte.
fn field_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start;
    while let Some(word) = word_at(bytes, at) {
        let found = zero_bytes(word ^ splat(b','))
            | zero_bytes(word ^ splat(b'\n'))
            | zero_bytes(word ^ splat(b'\r'))
            | zero_bytes(word ^ splat(b'"'));
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .position(|&b| matches!(b, b',' | b'\n' | b'\r' | b'"'))
        .map_or(bytes.len(), |i| at + i)
}

/// The high bit of each byte of `x` that is zero, and no other bit: exact, since no carry
/// crosses from one byte to the next. Eight bytes are compared with a byte at once by
/// `zero_bytes(word ^ splat(byte))`.
#[inline(always)]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW) + LOW) | x | LOW)
}

/// Whether any byte of `x` is below `bound` (at most 128): exact for the word as a whole,
/// though not byte by byte, since a borrow can flag a byte above one that is below. A cheap
/// test before exact ones that most words fail.
#[inline(always)]
pub(crate) fn any_below(x: u64, bound: u8) -> bool {
    x.wrapping_sub(splat(bound)) & !x & splat(0x80) != 0
}

/// `byte` in each of eight bytes.
#[inline(always)]
pub(crate) const fn splat(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// The eight bytes of `bytes` from `at` as one little-endian word, if there are eight. One
/// load: copying into an array first becomes a call to `memcpy` in a module built for size.
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let eight = bytes.get(at..at.checked_add(8)?)?;
    <[u8; 8]>::try_from(eight).ok().map(u64::from_le_bytes)
}

/// How many times `needle` occurs in `bytes`, eight bytes at a time: a zero byte of
/// `word ^ needle × 0x0101…` is a match, counted without a branch per byte.
pub(crate) fn count_byte(bytes: &[u8], needle: u8) -> usize {
    let pattern = splat(needle);
    let mut count = 0;
    // By `word_at`, one load a word: a chunk turned into an array was a call to `memcpy` per
    // word in the size-first build.
    let mut at = 0;
    // A word is counted only if it has a byte as low as `needle` (below 0x80): for a quote or
    // a line end, only the words that end a line or hold a space or a tab in a long file of
    // figures.
    let rare = needle < 0x80;
    while let Some(word) = word_at(bytes, at) {
        if !rare || any_below(word, needle + 1) {
            count += zero_bytes(word ^ pattern).count_ones() as usize;
        }
        at += 8;
    }
    for &byte in bytes.get(at..).unwrap_or_default() {
        count += usize::from(byte == needle);
    }
    count
}

/// The number of line ends in `text`, a bound on the records it holds: line feeds, or carriage
/// returns where there are more of them (old Mac files end lines with them alone).
pub fn line_ends(text: &str) -> usize {
    // Both counted in one pass over the text: it is read for every piece of a long file.
    let bytes = text.as_bytes();
    let (mut feeds, mut returns) = (0, 0);
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        // Most words of a line have no byte as low as a line end's.
        if any_below(word, b'\r' + 1) {
            feeds += zero_bytes(word ^ splat(b'\n')).count_ones() as usize;
            returns += zero_bytes(word ^ splat(b'\r')).count_ones() as usize;
        }
        at += 8;
    }
    for &byte in bytes.get(at..).unwrap_or_default() {
        feeds += usize::from(byte == b'\n');
        returns += usize::from(byte == b'\r');
    }
    feeds.max(returns)
}

/// How many bytes of a text's head [`looks_like_utf16`] reads.
pub(crate) const UTF16_SNIFF: usize = 512;

/// Whether `bytes` start as UTF-16 text: a UTF-16 byte-order mark, or, in the first 512 bytes,
/// NUL in at least a third of the odd (little-endian) or even (big-endian) positions and almost
/// never in the others. CSV text in UTF-8 has no NUL at all; the header of a UTF-16 file is
/// ASCII, so half its bytes are NUL.
pub(crate) fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    let head = bytes
        .get(..bytes.len().min(UTF16_SNIFF))
        .unwrap_or_default();
    let pairs = head.len() / 2;
    if pairs == 0 {
        return false;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let many = |n: usize| n * 3 >= pairs;
    let few = |n: usize| n * 20 <= pairs;
    (many(odd) && few(even)) || (many(even) && few(odd))
}

/// The number of line ends in `text` (LF, CR LF or a lone CR, each counted once) and the text
/// after the last of them.
pub(crate) fn lines_in(text: &str) -> (u64, &str) {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut last_start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let ends_line = byte == b'\n' || (byte == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            count += 1;
            last_start = i + 1;
        }
    }
    (count, text.get(last_start..).unwrap_or_default())
}

#[cfg(test)]
mod tests;
