//! `observations.csv` read as it arrives, a piece at a time, and the records of one piece: the
//! record boundaries that let a piece be read alone, and the choice between the line-at-once
//! tokeniser and the general reader for each record.
//!
//! What receives the rows is a [`RowSink`]: a closure given every row read and checked, or a
//! sink that may also take a plain record whole, before any reading of it (the loader's columns).

use super::{OBSERVATIONS, ObservationRow, read_row};
use crate::error::{Error, ErrorKind, Position, Result};
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
            // Its end is known, its quotes counted: it is read as a whole text is.
            read_whole(
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
        let mut split = last_line_end(text);
        if self.header.is_none() && text.get(..split).is_some_and(is_blank) {
            // No header yet: wait for it, keeping the blank lines so that lines count right.
            split = 0;
        }
        let (complete, rest) = text.split_at(split);
        let mut waiting = rest;
        if !complete.is_empty() {
            let file = self.file.as_deref();
            let (header, line) = (&mut self.header, &mut self.line);
            if let Some(start) = read_piece(complete, file, header, line, &mut sink, Follows::More)?
            {
                // A quoted field the next pieces close: its record waits for them.
                waiting = text.get(start..).unwrap_or_default();
            }
        }
        waiting.clone_into(&mut self.pending);
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
        read_whole(rest, file, &mut self.header, &mut self.line, &mut sink)?;
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

/// The offset just past the last line end of `text`, 0 if it has none: the end of its last
/// record, unless that line end is inside a quoted field, which the reading finds (see
/// [`Follows`]). A carriage return at the very end is not taken, as the next piece may begin
/// with its line feed.
fn last_line_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let end = bytes.len() - usize::from(bytes.last() == Some(&b'\r'));
    bytes
        .get(..end)
        .unwrap_or_default()
        .iter()
        .rposition(|&b| matches!(b, b'\n' | b'\r'))
        .map_or(0, |i| i + 1)
}

/// What follows a text [`read_piece`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follows {
    /// Nothing: every record in it is read, and every error given.
    Nothing,
    /// More of the file: the text ends at a line end, and a record whose quoted field is still
    /// open there (the line end inside it) is not read but handed back, to be read once the
    /// next pieces close it. Cut at a line end, a text can give no other error that the whole
    /// file would not: a closing quote is never the last byte before the cut, so the only
    /// difference is a quoted field that runs on. Finding it this way spares a count of every
    /// quote of every piece to find the last line end outside quotes.
    More,
}

/// Whether `error` is a quoted field cut short by the end of a text that more follows.
fn runs_on(error: &Error, follows: Follows) -> bool {
    follows == Follows::More && matches!(error.kind(), ErrorKind::UnterminatedQuote)
}

/// What the general reader found at the next record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// A record, read and handed to the sink.
    Read,
    /// The end of the text.
    End,
    /// A record whose quoted field runs on past the text (see [`Follows::More`]), not read.
    RunsOn,
}

/// Reads the general reader's next record and hands its row to `sink`.
fn next_row(table: &mut Table<'_>, sink: &mut impl RowSink, follows: Follows) -> Result<Next> {
    match table.next() {
        Ok(true) => {
            let row = read_row(&*table)?;
            sink.row(&*table, row)?;
            Ok(Next::Read)
        }
        Ok(false) => Ok(Next::End),
        Err(error) if runs_on(&error, follows) => Ok(Next::RunsOn),
        Err(error) => Err(error),
    }
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

/// Reads every record of `text`, nothing following it (see [`read_piece`]).
pub(super) fn read_whole(
    text: &str,
    file: Option<&str>,
    header: &mut Option<Header>,
    line: &mut u64,
    sink: &mut impl RowSink,
) -> Result<()> {
    read_piece(text, file, header, line, sink, Follows::Nothing).map(drop)
}

/// Reads the records of `text`, which starts on a record boundary on `line`: the header too,
/// if `header` is still unknown. A record on one plain line is split by the line-at-once
/// tokeniser; any other is read by the general reader, as it always was. When more of the file
/// follows, a record whose quoted field runs on past the text is left unread: its offset is
/// returned, and `line` is its line.
fn read_piece(
    text: &str,
    file: Option<&str>,
    header: &mut Option<Header>,
    line: &mut u64,
    sink: &mut impl RowSink,
    follows: Follows,
) -> Result<Option<usize>> {
    let mut table = match header {
        Some(header) => Table::resume(text, file, &OBSERVATIONS, header, *line),
        None if is_blank(text) => return Ok(None),
        None => match Table::open(text, file, &OBSERVATIONS) {
            Ok(table) => {
                *header = Some(table.header());
                table
            }
            Err(error) if runs_on(&error, follows) => return Ok(Some(0)),
            Err(error) => return Err(error),
        },
    };
    let Some(layout) = header.as_ref().and_then(Layout::new) else {
        loop {
            let (at, number) = (table.offset(), table.next_line());
            match next_row(&mut table, sink, follows)? {
                Next::Read => {}
                Next::End => break,
                Next::RunsOn => {
                    *line = number;
                    return Ok(Some(at));
                }
            }
        }
        *line = table.next_line();
        return Ok(None);
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
            if next_row(&mut table, sink, follows)? == Next::RunsOn {
                *line = number;
                return Ok(Some(at));
            }
            (at, number) = (table.offset(), table.next_line());
        }
    }
    *line = number;
    Ok(None)
}
