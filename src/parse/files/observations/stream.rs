//! `observations.csv` read as it arrives, a piece at a time, and the records of one piece: the
//! record boundaries that let a piece be read alone, and the choice between the line-at-once
//! tokeniser and the general reader for each record.
//!
//! What receives the rows is a [`RowSink`]: a closure given every row read and checked, or a
//! sink that may also take a plain record whole, before any reading of it (the loader's columns).

use super::{OBSERVATIONS, ObservationRow, read_row};
use crate::error::{Position, Result};
use crate::parse::csv::{count_byte, lines_in};
use crate::parse::lines::{Layout, LineRecord};
use crate::parse::record::Record;
use crate::parse::table::{Header, Table};

/// What receives the records of `observations.csv`.
pub(crate) trait RowSink {
    /// Takes a record split by the line-at-once tokeniser as it stands, without the reading and
    /// checks of [`RowSink::row`], and says whether it did. A sink takes only records that those
    /// would accept and store the same: every other is read in full and handed to `row`, so that
    /// every error comes from the one general reading.
    fn plain(&mut self, _record: &LineRecord<'_, '_>) -> bool {
        false
    }

    /// Takes a row read and checked; `record` places its errors.
    fn row(&mut self, record: &dyn Record, row: ObservationRow<'_>) -> Result<()>;
}

impl<F: FnMut(&dyn Record, ObservationRow<'_>) -> Result<()>> RowSink for F {
    fn row(&mut self, record: &dyn Record, row: ObservationRow<'_>) -> Result<()> {
        self(record, row)
    }
}

/// `observations.csv` read as it arrives, a piece at a time, so that a long file is never held
/// whole: each piece is read up to its last complete record, and the rest waits for the next.
/// Every row and every error is the same as [`parse_observations`] gives on the whole text.
#[derive(Debug, Default)]
pub(crate) struct ObservationStream {
    file: Option<String>,
    /// The start of a record the pieces so far have not completed.
    pending: String,
    header: Option<Header>,
    /// The 1-based line `pending` starts on.
    line: u64,
}

impl ObservationStream {
    /// A stream of the file named `file`.
    #[must_use]
    pub(crate) fn new(file: Option<&str>) -> Self {
        ObservationStream {
            file: file.map(str::to_owned),
            pending: String::new(),
            header: None,
            line: 1,
        }
    }

    /// Reads every record that `piece` completes, calling `sink` as [`parse_observations`] does.
    pub(crate) fn push(&mut self, piece: &str, mut sink: impl RowSink) -> Result<()> {
        let mut piece = piece;
        if !self.pending.is_empty() && self.header.is_some() {
            // Complete the waiting record with the head of the piece, and read the rest of the
            // piece where it lies: copying every piece behind the few bytes left of the last
            // would copy the whole text once more.
            let odd = count_byte(self.pending.as_bytes(), b'"') % 2 == 1;
            let Some(head) = first_boundary(piece, odd) else {
                self.pending.push_str(piece);
                return Ok(());
            };
            let (head, rest) = piece.split_at(head);
            self.pending.push_str(head);
            let file = self.file.as_deref();
            read_piece(
                &self.pending,
                file,
                &mut self.header,
                &mut self.line,
                &mut sink,
            )?;
            self.pending.clear();
            piece = rest;
        }
        let mut pending = std::mem::take(&mut self.pending);
        let text = if pending.is_empty() {
            piece
        } else {
            pending.push_str(piece);
            pending.as_str()
        };
        let mut split = record_boundary(text);
        if self.header.is_none() && text.get(..split).is_some_and(is_blank) {
            // No header yet: wait for it, keeping the blank lines so that lines count right.
            split = 0;
        }
        let (complete, rest) = text.split_at(split);
        if !complete.is_empty() {
            let file = self.file.as_deref();
            read_piece(complete, file, &mut self.header, &mut self.line, &mut sink)?;
        }
        rest.clone_into(&mut self.pending);
        Ok(())
    }

    /// Where the text read so far ends: the line and column (in characters) that its next
    /// character will have, as [`decode_utf8`](crate::decode_utf8) places a bad byte there.
    pub(crate) fn end_position(&self) -> Position {
        // `pending` starts a line: it is what follows the last record read.
        let (breaks, last) = lines_in(&self.pending);
        let column = last.chars().count() as u64 + 1;
        Position::new(self.file.as_deref(), self.line + breaks, column)
    }

    /// Reads `last`, the last piece (or the whole text), and what is left before it.
    pub(crate) fn finish(mut self, last: &str, mut sink: impl RowSink) -> Result<()> {
        let mut rest = std::mem::take(&mut self.pending);
        let rest = if rest.is_empty() {
            last
        } else {
            rest.push_str(last);
            rest.as_str()
        };
        let file = self.file.as_deref();
        read_piece(rest, file, &mut self.header, &mut self.line, &mut sink)?;
        if self.header.is_none() {
            Table::open(rest, file, &OBSERVATIONS)?;
        }
        Ok(())
    }
}

/// Whether `text` holds no record at all: only line ends and a byte-order mark.
pub(super) fn is_blank(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .bytes()
        .all(|b| b == b'\n' || b == b'\r')
}

/// The offset just past the last line end of `text` that ends a record, 0 if none does. A line
/// end ends a record when an even number of quotes comes before it: quotes pair up in text a
/// reader accepts, and text it refuses is refused the same whether or not it is split, since
/// the reader never looks past a line end outside quotes. A carriage return at the very end is
/// not taken, as the next piece may begin with its line feed.
fn record_boundary(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut quotes_after = 0;
    let total = count_byte(bytes, b'"');
    for (i, &byte) in bytes.iter().enumerate().rev() {
        match byte {
            b'"' => quotes_after += 1,
            b'\r' if i + 1 == bytes.len() => {}
            b'\n' | b'\r' if (total - quotes_after).is_multiple_of(2) => return i + 1,
            _ => {}
        }
    }
    0
}

/// The offset just past the first line end of `text` that ends a record, for a text that
/// follows an odd number of quotes when `odd`; `None` if no line end of `text` does. As in
/// [`record_boundary`], a carriage return at the very end is not taken.
fn first_boundary(text: &str, odd: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut odd = odd;
    let mut at = 0;
    while let Some(found) = bytes
        .get(at..)?
        .iter()
        .position(|&b| matches!(b, b'"' | b'\n' | b'\r'))
    {
        let i = at + found;
        at = i + 1;
        match bytes.get(i) {
            Some(b'"') => odd = !odd,
            Some(b'\r') if i + 1 == bytes.len() => return None,
            Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') && !odd => return Some(i + 2),
            _ if !odd => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Reads the records of `text`, which starts on a record boundary on `line`: the header too,
/// if `header` is still unknown. A record on one plain line is split by the line-at-once
/// tokeniser; any other is read by the general reader, as it always was.
pub(super) fn read_piece(
    text: &str,
    file: Option<&str>,
    header: &mut Option<Header>,
    line: &mut u64,
    sink: &mut impl RowSink,
) -> Result<()> {
    let mut table = match header {
        Some(header) => Table::resume(text, file, &OBSERVATIONS, header, *line),
        None if is_blank(text) => return Ok(()),
        None => {
            let table = Table::open(text, file, &OBSERVATIONS)?;
            *header = Some(table.header());
            table
        }
    };
    let Some(layout) = header.as_ref().and_then(Layout::new) else {
        while table.next()? {
            let row = read_row(&table)?;
            sink.row(&table, row)?;
        }
        *line = table.next_line();
        return Ok(());
    };
    let mut record = LineRecord::new(text, file, &OBSERVATIONS, &layout);
    let bytes = text.as_bytes();
    let (mut at, mut number) = (table.offset(), table.next_line());
    while let Some(&first) = bytes.get(at) {
        if first == b'\n' {
            // A blank line.
            at += 1;
            number += 1;
        } else if let Some(next) = record.split(at, number) {
            if !sink.plain(&record) {
                let row = read_row(&record)?;
                sink.row(&record, row)?;
            }
            if matches!(bytes.get(next.wrapping_sub(1)), Some(b'\n')) {
                number += 1;
            }
            at = next;
        } else {
            table.seek(at, number);
            if table.next()? {
                let row = read_row(&table)?;
                sink.row(&table, row)?;
            }
            (at, number) = (table.offset(), table.next_line());
        }
    }
    *line = number;
    Ok(())
}
