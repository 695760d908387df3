//! Reading observations into columns: the cross-file checks the parser cannot make (unknown
//! provinces, indicators and sources, values impossible for their unit, repeated ids), whether
//! the text arrives whole or a piece at a time.
//!
//! A long file read in pieces is never held whole: each piece is parsed as it arrives and only
//! the columns remain, sized from the input rather than doubled. This module knows the stored
//! form and the parser's rows; it knows nothing of the questions asked afterwards.
//!
//! The records of a long file are mostly plain figures whose ids earlier records resolved:
//! those are stored as they stand (`plain.rs`), and every other record is read in full.

mod interned;
mod plain;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Columns, Dataset, PlainRun, RowKeys};
use crate::error::{Allowed, ErrorKind, Implausibility, Position, Result, excerpt};
use crate::model::{Origin, Source, Unit};
use crate::parse::{
    LineRecord, ObservationRow, ObservationStream, Record, RowSink, line_ends, most_rows,
    observation_column as column,
};
use interned::Interned;

/// The pieces [`Load::read_all`] reads a whole text in.
const PIECE: usize = 1 << 20;

/// The rows of one file being loaded, with what the checks remember between rows.
pub(super) struct Load {
    file: String,
    stream: ObservationStream,
    rows: Rows,
    /// The bytes the whole file is expected to have, and those seen so far: the columns are
    /// sized from them.
    expected_bytes: usize,
    seen_bytes: usize,
}

struct Rows {
    columns: Columns,
    ids: HashMap<String, u64>,
    indicators: Interned,
    sources: Interned,
    // Consecutive rows mostly repeat their scope: remember the last.
    last_scope: Option<(String, u32)>,
    scope_ids: HashMap<String, u32>,
    /// The scope of a record that names none.
    province_scope: Option<u32>,
    /// Whether plain records are stored as they stand (`plain.rs`); when not, every record is
    /// read in full. The tests compare the two.
    plain_records: bool,
    /// How many records were stored as they stood.
    stored_plain: usize,
    /// The records stored as they stood, until the columns take them together
    /// ([`Rows::append_plain`]); boxed, since a run is 5 KB and a load is moved.
    plain_run: Box<PlainRun>,
    /// Whose the rows are: the bundled data's, or a reader's.
    origin: Origin,
}

/// Where the stream hands the records of one file: the rows being loaded, and what they are
/// checked against.
struct Sink<'a> {
    rows: &'a mut Rows,
    dataset: &'a mut Dataset,
    file: &'a str,
    taken: &'a HashSet<&'a str>,
}

impl RowSink for Sink<'_> {
    fn plain(&mut self, record: &LineRecord<'_, '_>) -> bool {
        self.rows.plain(self.dataset, record)
    }

    fn row(&mut self, record: &dyn Record, row: ObservationRow<'_>) -> Result<()> {
        let Sink {
            rows,
            dataset,
            file,
            taken,
        } = self;
        rows.add(dataset, record, &row, file, taken)
    }
}

impl Load {
    /// A load of `file` into `dataset`, whose observations are expected to take about
    /// `expected_bytes` of text.
    pub(super) fn new(
        dataset: &Dataset,
        file: &str,
        origin: Origin,
        expected_bytes: usize,
    ) -> Self {
        let scope_ids: HashMap<String, u32> = dataset
            .scopes
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as u32))
            .collect();
        let province_scope = scope_ids.get("province").copied();
        Load {
            file: file.to_owned(),
            stream: ObservationStream::new(Some(file)),
            rows: Rows {
                columns: Columns::default(),
                ids: HashMap::default(),
                indicators: Interned::default(),
                sources: Interned::default(),
                last_scope: None,
                province_scope,
                scope_ids,
                plain_records: true,
                stored_plain: 0,
                // A file without the province scope has no plain records.
                plain_run: Box::new(PlainRun::new(province_scope.unwrap_or_default(), origin)),
                origin,
            },
            expected_bytes,
            seen_bytes: 0,
        }
    }

    /// Reads the rows `piece` completes. A user's file may not use an observation id in
    /// `taken`, nor a source id `dataset` already has.
    pub(super) fn push(
        &mut self,
        dataset: &mut Dataset,
        piece: &str,
        taken: &HashSet<&str>,
    ) -> Result<()> {
        self.make_room(piece);
        let sink = Sink {
            rows: &mut self.rows,
            dataset,
            file: &self.file,
            taken,
        };
        let read = self.stream.push(piece, sink);
        self.rows.append_plain();
        read
    }

    /// Where the text read so far ends.
    pub(super) fn end_position(&self) -> Position {
        self.stream.end_position()
    }

    /// The file's name, as errors give it.
    pub(super) fn file(&self) -> &str {
        &self.file
    }

    /// Reads all of `text`, which came whole, a piece of about [`PIECE`] bytes at a time, and
    /// hands back the columns: the rows and errors of reading it whole (the pieces' reading
    /// gives the same). Read whole, the text was read twice, its lines counted to size the
    /// columns and then parsed; in pieces only the first piece's lines are counted, the rest
    /// estimated from it, and each piece is parsed while it is still in the cache: natively
    /// 0.85× the time of a load of 1e6 rows, 2 % fewer instructions. And the parse is entered
    /// once a piece instead of once for the file, so that a runtime that optimises a function
    /// between two of its calls, as V8 does WebAssembly's, runs most of a long file's parse
    /// optimised rather than all of it in its first tier.
    pub(super) fn read_all(
        mut self,
        dataset: &mut Dataset,
        text: &str,
        taken: &HashSet<&str>,
    ) -> Result<Columns> {
        let mut rest = text;
        while rest.len() > PIECE {
            let (piece, after) = rest.split_at(rest.ceil_char_boundary(PIECE));
            self.push(dataset, piece, taken)?;
            rest = after;
        }
        self.finish(dataset, rest, taken)
    }

    /// Reads `last`, the last piece (all the text, when it came whole), and what is left, and
    /// hands back the columns.
    pub(super) fn finish(
        mut self,
        dataset: &mut Dataset,
        last: &str,
        taken: &HashSet<&str>,
    ) -> Result<Columns> {
        self.make_room(last);
        let Load {
            file,
            stream,
            mut rows,
            ..
        } = self;
        let sink = Sink {
            rows: &mut rows,
            dataset,
            file: &file,
            taken,
        };
        stream.finish(last, sink)?;
        rows.append_plain();
        if rows.columns.len() == 0 {
            return Err(crate::Error::at(
                ErrorKind::NoRows,
                Position::new(Some(&file), 2, 1),
            ));
        }
        Ok(rows.columns)
    }

    /// Room in the columns for every row `piece` can complete (one per line end, and one
    /// unfinished), and, when the room must grow, for the rest of the file at this piece's
    /// density and a fiftieth more, so that the columns are allocated once or twice, not
    /// doubled a dozen times. Most pieces of a long file fit in the room made at its first:
    /// that is known from their length, without counting their lines.
    fn make_room(&mut self, piece: &str) {
        self.seen_bytes += piece.len();
        if self.rows.columns.room() >= most_rows(piece.len()) {
            return;
        }
        let lines = line_ends(piece) + 1;
        let remaining = self.expected_bytes.saturating_sub(self.seen_bytes);
        let expected = expected_rows(lines, piece.len(), remaining);
        self.rows.columns.make_room(lines, expected);
    }
}

/// The rows to make room for: the `lines` of a piece of `bytes`, and the rest of the file
/// (`remaining` bytes) at the same density, with a fiftieth more. In 64 bits: a 32-bit `usize`
/// (wasm32) overflows at the product of a long file's bytes and a piece's lines (36 MB ×
/// 29 000), which would reserve room for a few thousand rows at each piece and copy every
/// column again each time.
fn expected_rows(lines: usize, bytes: usize, remaining: usize) -> usize {
    let rest = remaining as u64 * lines as u64 / bytes.max(1) as u64;
    let expected = (lines as u64).saturating_add(rest + rest / 50);
    usize::try_from(expected).unwrap_or(usize::MAX)
}

impl Rows {
    fn add(
        &mut self,
        dataset: &mut Dataset,
        table: &dyn Record,
        row: &ObservationRow<'_>,
        file: &str,
        taken: &HashSet<&str>,
    ) -> Result<()> {
        self.append_plain();
        let origin = self.origin;
        let province = dataset.reference.position(row.province).ok_or_else(|| {
            table.error(
                column::PROVINCE,
                ErrorKind::UnknownProvince {
                    id: row.province.to_string(),
                },
            )
        })?;
        let indicator = self.indicators.get(row.indicator, || {
            let position = dataset.indicator_position(row.indicator).ok_or_else(|| {
                table.error(
                    column::INDICATOR,
                    ErrorKind::UnknownIndicator {
                        id: excerpt(row.indicator),
                    },
                )
            })?;
            in_columns(
                table,
                column::INDICATOR,
                row.indicator,
                position,
                "indicators",
            )
        })?;
        let unit = dataset
            .indicators
            .get(usize::from(indicator))
            .map_or(Unit::Count, |i| i.unit);
        check_value(table, unit, row)?;
        let source = self.sources.get(row.source, || {
            let position = dataset.resolve_source(table, row.source, row.province, origin, file)?;
            in_columns(table, column::SOURCE, row.source, position, "sources")
        })?;
        if !row.id.is_empty() {
            if taken.contains(row.id) {
                let kind = ErrorKind::BundledId {
                    column: "observation_id".to_owned(),
                    id: excerpt(row.id),
                };
                return Err(table.error(column::ID, kind));
            }
            if let Some(first_line) = self.ids.insert(row.id.to_owned(), table.line()) {
                let kind = ErrorKind::DuplicateId {
                    id: excerpt(row.id),
                    first_line,
                };
                return Err(table.error(column::ID, kind));
            }
        }
        check_evidence(table, &dataset.sources[usize::from(source)], origin, row)?;
        let scope_ids = &mut self.scope_ids;
        let scope = remembered(&mut self.last_scope, row.scope, || {
            Ok(*scope_ids.entry(row.scope.to_owned()).or_insert_with(|| {
                dataset.scopes.push(row.scope.to_owned());
                (dataset.scopes.len() - 1) as u32
            }))
        })?;
        self.columns.push(
            row,
            RowKeys {
                province,
                indicator,
                scope,
                source,
                origin,
            },
        );
        Ok(())
    }
}

/// `position` in the dataset's list of indicators or sources (`list`), as the columns hold it:
/// in 16 bits, so that a row takes two bytes for each rather than four. A dataset of more is
/// refused at the first row that names one past them.
fn in_columns(table: &dyn Record, slot: usize, id: &str, position: u32, list: &str) -> Result<u16> {
    u16::try_from(position).map_err(|_| {
        let expected = format!("one of the first 65 536 {list}: a dataset holds no more");
        table.invalid(slot, id, expected)
    })
}

/// Refuses values impossible for the indicator's unit: a fractional count (most often a
/// Vietnamese thousands separator read as a decimal point), or a value or whole above the
/// unit's plausible maximum (a share above 100 %, whether or not it is written `a/b`).
fn check_value(table: &dyn Record, unit: Unit, row: &ObservationRow<'_>) -> Result<()> {
    match value_fault(unit, row.value, row.out_of) {
        None => Ok(()),
        Some(ValueFault::Fraction) => {
            // Said as written; and, where it makes a whole number, read as thousands ("1.3",
            // or "1.300" with a Vietnamese thousands dot, is 1300).
            let text = table.text(column::VALUE);
            let thousands = row.value * 1000.0;
            let allowed = if thousands.fract() == 0.0 && thousands.abs() < 1e15 {
                Allowed::WholeCount {
                    written: format!("{thousands:.0}"),
                    found: text.to_owned(),
                }
            } else {
                Allowed::Words {
                    text: "a whole number for a count".to_owned(),
                }
            };
            Err(table.invalid_as(column::VALUE, text, allowed))
        }
        Some(ValueFault::BelowMinimum(minimum)) => {
            let reason = Implausibility::BelowMinimum {
                unit: unit.to_string(),
                minimum,
            };
            Err(table.error(
                column::VALUE,
                ErrorKind::Implausible {
                    value: row.value,
                    reason,
                },
            ))
        }
        Some(ValueFault::AboveMaximum { slot, value }) => {
            let maximum = unit.plausible_maximum();
            let reason = Implausibility::AboveMaximum {
                unit: unit.to_string(),
                maximum,
            };
            Err(table.error(slot, ErrorKind::Implausible { value, reason }))
        }
    }
}

/// Why a value (or its whole) cannot be a figure in its unit.
enum ValueFault {
    /// A count with a fraction.
    Fraction,
    /// Below the unit's minimum, given.
    BelowMinimum(f64),
    /// Above the unit's plausible maximum: the value, or the whole (its column's slot).
    AboveMaximum { slot: usize, value: f64 },
}

/// What is wrong with `value`, a part of `out_of` if given, as a figure in `unit`; the first
/// fault, in the order the error names it.
fn value_fault(unit: Unit, value: f64, out_of: Option<f64>) -> Option<ValueFault> {
    if unit == Unit::Count && value.fract() != 0.0 {
        return Some(ValueFault::Fraction);
    }
    if let Some(minimum) = unit.minimum()
        && value < minimum
    {
        return Some(ValueFault::BelowMinimum(minimum));
    }
    let maximum = unit.plausible_maximum();
    [(column::VALUE, Some(value)), (column::OUT_OF, out_of)]
        .into_iter()
        .find_map(|(slot, value)| {
            value
                .filter(|&value| value > maximum)
                .map(|value| ValueFault::AboveMaximum { slot, value })
        })
}

/// A figure of a published table cites one of its cells, for a province of the table's list and
/// the period the table covers; a figure of a report cites no cell. A user's own source may
/// carry either.
fn check_evidence(
    table: &dyn Record,
    source: &Source,
    origin: Origin,
    row: &ObservationRow<'_>,
) -> Result<()> {
    match (&source.table, row.cell) {
        (Some(published), Some(_)) => {
            if row.province.scheme != published.scheme {
                let expected = format!(
                    "a {} province, as table {} lists",
                    published.scheme, source.id
                );
                return Err(table.invalid(column::PROVINCE, &row.province.to_string(), expected));
            }
            if row.period != published.period {
                let expected = format!("{}, the period of table {}", published.period, source.id);
                return Err(table.invalid(column::PERIOD, &row.period.to_string(), expected));
            }
            Ok(())
        }
        (Some(_), None) => Err(table.error(
            column::TABLE_ROW,
            ErrorKind::EmptyField {
                column: format!("table_row (a figure of table {} cites its cell)", source.id),
            },
        )),
        (None, Some(_)) if origin == Origin::Bundled => {
            let expected = format!("no cell: {} is a report, cited by a quote", source.id);
            Err(table.invalid(column::TABLE_ROW, row.cell.map_or("", |c| c.row), expected))
        }
        (None, _) => Ok(()),
    }
}

/// Looks `key` up through a one-entry memory: consecutive rows mostly repeat their source and
/// scope, and a string comparison is cheaper than a hash. The memory's string is reused, so a
/// miss allocates nothing.
fn remembered(
    last: &mut Option<(String, u32)>,
    key: &str,
    lookup: impl FnOnce() -> Result<u32>,
) -> Result<u32> {
    if let Some((previous, value)) = last
        && previous == key
    {
        return Ok(*value);
    }
    let value = lookup()?;
    match last {
        Some((previous, remembered)) => {
            previous.clear();
            previous.push_str(key);
            *remembered = value;
        }
        None => *last = Some((key.to_owned(), value)),
    }
    Ok(value)
}

#[cfg(test)]
mod tests;
