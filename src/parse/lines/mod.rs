//! The line-at-once tokeniser of long files: a record on one line, with no quote and no lone
//! carriage return, split at its commas in one pass over its bytes, a block at a time (see
//! [`marks`]), and its fields read in place by column.
//!
//! No field's position is kept: only where each field ends (at a comma or the line's end),
//! and an error counts the characters before its field when it needs a column. Every other
//! record (a quoted field, a lone carriage return, a blank line, a wrong number of fields) is
//! left to the general reader (`csv.rs`), which reads and places it exactly as it always has,
//! so that rows and errors are the same whichever reader took a record. It also packs a short
//! field's bytes into words ([`Packed`]), the form in which the loader looks up an id it has
//! seen. This module knows what a line looks like, not what its columns mean.

mod marks;

use self::marks::{BLOCK, Marks, marks};
use crate::error::Position;
use crate::parse::csv::word_at;
use crate::parse::record::Record;
use crate::parse::table::{Header, Schema, trim};

/// The most fields a record of a schema can have: each column at most once.
const MAX_FIELDS: usize = 16;

/// Marks a schema slot whose column the file does not have.
const ABSENT: u8 = u8::MAX;

/// A file's columns as its header placed them, resolved once for the whole file: the field
/// each column is in.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    field_of_slot: [u8; MAX_FIELDS],
    /// Bit `slot` set for each column the file has.
    present: u32,
    width: usize,
}

impl Layout {
    /// The layout of `header`; `None` for a schema too wide for this tokeniser.
    pub(crate) fn new(header: &Header) -> Option<Layout> {
        let width = header.width();
        if width == 0 || width > MAX_FIELDS || header.slots().len() > MAX_FIELDS {
            return None;
        }
        let mut field_of_slot = [ABSENT; MAX_FIELDS];
        let mut present = 0;
        for (slot, field) in header.slots().iter().enumerate() {
            if let Some(field) = *field {
                *field_of_slot.get_mut(slot)? = u8::try_from(field).ok()?;
                present |= 1 << slot;
            }
        }
        Some(Layout {
            field_of_slot,
            present,
            width,
        })
    }
}

/// One record split in place: where each of its fields ends in the text.
pub(crate) struct LineRecord<'a, 'l> {
    text: &'a str,
    file: Option<&'a str>,
    schema: &'static Schema,
    layout: &'l Layout,
    line: u64,
    /// Where the separator before each field is, and the line end after the last: field `i`
    /// runs from just past `breaks[i]` to `breaks[i + 1]`. The first field's separator is taken
    /// as the byte before the record (wrapping, for a record at the text's start), so that a
    /// comma found is one store and every field is read the same way.
    breaks: [usize; MAX_FIELDS + 1],
}

impl<'a, 'l> LineRecord<'a, 'l> {
    /// A splitter of the records of `text`, a file of `schema` laid out as `layout`.
    pub(crate) fn new(
        text: &'a str,
        file: Option<&'a str>,
        schema: &'static Schema,
        layout: &'l Layout,
    ) -> Self {
        LineRecord {
            text,
            file,
            schema,
            layout,
            line: 1,
            breaks: [0; MAX_FIELDS + 1],
        }
    }

    /// Splits the record that starts at `start`, on 1-based `line`, and returns the offset of
    /// the line after it; `None` if the record is not one this tokeniser takes (see the
    /// module's documentation), for the general reader to read.
    pub(crate) fn split(&mut self, start: usize, line: u64) -> Option<usize> {
        self.breaks[0] = start.wrapping_sub(1);
        self.line = line;
        let bytes = self.text.as_bytes();
        let last = self.layout.width - 1;
        let mut fields = 0;
        let mut at = start;
        while let Some(Marks { mut commas, stops }) = marks(bytes, at) {
            if stops != 0 {
                // Only the commas before the first stop belong to this record.
                commas &= (stops & stops.wrapping_neg()) - 1;
            }
            while commas != 0 {
                if fields == last {
                    return None;
                }
                fields += 1;
                self.breaks[fields] = at + Marks::offset(commas);
                commas &= commas - 1;
            }
            if stops != 0 {
                return self.end(fields, at + Marks::offset(stops));
            }
            at += BLOCK;
        }
        // The last bytes of the text, fewer than a block.
        while let Some(&byte) = bytes.get(at) {
            match byte {
                b',' if fields == last => return None,
                b',' => {
                    fields += 1;
                    self.breaks[fields] = at;
                }
                b'\n' | b'\r' | b'"' => return self.end(fields, at),
                _ => {}
            }
            at += 1;
        }
        self.end(fields, at)
    }

    /// Ends the record's last field at `end`, a line end, a quote or the end of the text.
    fn end(&mut self, fields: usize, end: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        if fields + 1 != self.layout.width || end == self.start() {
            return None;
        }
        let next = match bytes.get(end) {
            None => end,
            Some(b'\n') => end + 1,
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            // A lone carriage return or a quote: the general reader's.
            Some(_) => return None,
        };
        *self.breaks.get_mut(fields + 1)? = end;
        Some(next)
    }

    /// The bytes of a column, without the ASCII whitespace at either end; empty for an absent
    /// column. Unlike [`Record::text`] no Unicode whitespace is trimmed and the text is not
    /// sliced as a string (which checks both ends are character boundaries): what the loader's
    /// reading of a plain record needs, which refuses anything but ASCII where it is not an id.
    // Forced, as the few other functions called for every field of every record are (see
    // `inline_always` in Cargo.toml): in a size-first build (`opt-level = "z"`), which never
    // inlines on a hint, a call per field of every row was over a quarter of the parse.
    #[inline(always)]
    pub(crate) fn bytes(&self, slot: usize) -> &'a [u8] {
        match self.field_of(slot) {
            Some(field) => {
                let (start, end) = self.range(field);
                trim_ascii(self.text.as_bytes().get(start..end).unwrap_or_default())
            }
            None => b"",
        }
    }

    /// The bytes of a column as [`bytes`](Self::bytes) reads them, packed (see [`Packed`]):
    /// one or two loads of the line's words, masked to the field, when the field has no
    /// whitespace at either end and eight bytes of the text follow each word's start; a byte at
    /// a time otherwise. `None` for an empty field or one longer than 15 bytes.
    // Forced: the loader asks it for two ids of every record of a long file.
    #[inline(always)]
    pub(crate) fn packed(&self, slot: usize) -> Option<Packed> {
        let (start, end) = self.range(self.field_of(slot)?);
        let bytes = self.text.as_bytes();
        let len = end.saturating_sub(start);
        let plain_ends = match (bytes.get(start), bytes.get(end.wrapping_sub(1))) {
            (Some(first), Some(last)) => {
                !first.is_ascii_whitespace() && !last.is_ascii_whitespace()
            }
            _ => false,
        };
        if (1..=Packed::MAX).contains(&len) && plain_ends {
            let high = if len > 8 {
                word_at(bytes, start + 8)
            } else {
                Some(0)
            };
            if let (Some(low), Some(high)) = (word_at(bytes, start), high) {
                return Some(Packed {
                    low: low & low_bytes(len),
                    high: high & low_bytes(len.saturating_sub(8)),
                    len,
                });
            }
        }
        Packed::of(self.bytes(slot))
    }

    /// Whether the columns of `slots` (see [`slots`]) are all empty in this record, as
    /// [`bytes`](Self::bytes) reads them; asked of the columns the file has, so nothing at all
    /// is read for a file without them.
    #[inline(always)]
    pub(crate) fn all_empty(&self, slots: u32) -> bool {
        let mut present = self.layout.present & slots;
        while present != 0 {
            if !self.bytes(present.trailing_zeros() as usize).is_empty() {
                return false;
            }
            present &= present - 1;
        }
        true
    }

    /// The byte range of field `field` of the record.
    #[inline(always)]
    fn range(&self, field: usize) -> (usize, usize) {
        match (self.breaks.get(field), self.breaks.get(field + 1)) {
            (Some(&before), Some(&end)) => (before.wrapping_add(1), end),
            _ => (self.start(), self.start()),
        }
    }

    /// The offset of the record's first byte.
    #[inline(always)]
    fn start(&self) -> usize {
        self.breaks[0].wrapping_add(1)
    }

    #[inline(always)]
    fn field_of(&self, slot: usize) -> Option<usize> {
        match self.layout.field_of_slot.get(slot) {
            Some(&field) if field != ABSENT => Some(usize::from(field)),
            _ => None,
        }
    }

    /// The position of byte `offset` of the record's line, in characters.
    fn position_at(&self, offset: usize) -> Position {
        let before = self.text.get(self.start()..offset).unwrap_or_default();
        let column = before.chars().count() as u64 + 1;
        Position::new(self.file, self.line, column)
    }
}

/// A field of 1 to 15 bytes packed into two little-endian words, zero past its end, and its
/// length: how the loader finds an id it has seen without hashing a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Packed {
    /// The first eight bytes.
    pub(crate) low: u64,
    /// The next seven at most.
    pub(crate) high: u64,
    /// How many bytes the field has.
    pub(crate) len: usize,
}

impl Packed {
    /// The longest field packed.
    pub(crate) const MAX: usize = 15;

    /// `bytes` packed a byte at a time; `None` when empty or longer than [`Packed::MAX`].
    pub(crate) fn of(bytes: &[u8]) -> Option<Packed> {
        if bytes.is_empty() || bytes.len() > Packed::MAX {
            return None;
        }
        // Shifted in one by one: copying the bytes into an array was a call to `memcpy` in the
        // size-first build.
        let (mut low, mut high) = (0_u64, 0_u64);
        for (i, &byte) in bytes.iter().enumerate() {
            if i < 8 {
                low |= u64::from(byte) << (8 * i);
            } else {
                high |= u64::from(byte) << (8 * (i - 8));
            }
        }
        Some(Packed {
            low,
            high,
            len: bytes.len(),
        })
    }
}

/// A mask of the low `count` bytes of a word (all of them from eight).
#[inline(always)]
fn low_bytes(count: usize) -> u64 {
    if count >= 8 {
        u64::MAX
    } else {
        (1 << (8 * count)) - 1
    }
}

/// A set of column slots, as [`LineRecord::all_empty`] asks about them.
pub(crate) const fn slots(slots: &[usize]) -> u32 {
    let mut set = 0;
    let mut i = 0;
    while i < slots.len() {
        set |= 1 << slots[i];
        i += 1;
    }
    set
}

/// `bytes` without the ASCII whitespace at either end, the usual field (nothing to trim, or
/// empty) decided inline: the standard library's `trim_ascii` was a call for every field of
/// every record in the size-first build, 4 % of a long file's parse in Chromium.
#[inline(always)]
fn trim_ascii(bytes: &[u8]) -> &[u8] {
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) if first.is_ascii_whitespace() || last.is_ascii_whitespace() => {
            bytes.trim_ascii()
        }
        _ => bytes,
    }
}

impl Record for LineRecord<'_, '_> {
    fn schema(&self) -> &'static Schema {
        self.schema
    }

    fn line(&self) -> u64 {
        self.line
    }

    // Sliced and trimmed when asked for, not for every field of every record: the loader
    // stores most records of a long file from their bytes without asking. Not forced inline
    // (as `bytes` is): only the records read in full ask, and inlining it at each of their
    // checks cost 2 KB.
    fn text(&self, slot: usize) -> &str {
        match self.field_of(slot) {
            Some(field) => {
                let (start, end) = self.range(field);
                trim(self.text.get(start..end).unwrap_or_default())
            }
            None => "",
        }
    }

    fn position(&self, slot: usize) -> Position {
        match self.field_of(slot) {
            Some(field) => {
                let (start, _) = self.range(field);
                self.position_at(start).in_field(field as u64 + 1)
            }
            // The record's end, as the general reader places a missing field.
            None => self.position_at(self.range(self.layout.width - 1).1),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::parse::table::Table;

    static FOUR: Schema = Schema {
        required: &["a", "b", "c", "d"],
        optional: &[],
    };

    proptest! {
        #[test]
        fn a_field_packed_from_the_line_is_its_bytes_packed_one_at_a_time(
            fields in prop::collection::vec("[ \t\u{b}a-z0-9_:é]{0,18}", 4),
            tail in "[a-z\n]{0,12}",
        ) {
            let text = format!("a,b,c,d\n{}\n{tail}", fields.join(","));
            let table = Table::open(&text, None, &FOUR).expect("the header reads");
            let layout = Layout::new(&table.header()).expect("four columns fit");
            let mut record = LineRecord::new(&text, None, &FOUR, &layout);
            prop_assume!(record.split(table.offset(), 2).is_some());
            for slot in 0..4 {
                prop_assert_eq!(record.packed(slot), Packed::of(record.bytes(slot)), "{}", slot);
            }
        }
    }
}
