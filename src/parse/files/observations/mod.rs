//! `observations.csv` and `table_observations.csv`: the figures, one row each.

mod stream;

use super::province_id;
use crate::error::{Allowed, ErrorKind, Implausibility, Result};
use crate::model::{Period, ProvinceId, Qualifier};
use crate::parse::record::Record;
use crate::parse::table::{Schema, Table};
use stream::read_whole;

pub(crate) use stream::{ObservationStream, RowSink};

/// Column slots of `observations.csv`, for callers that place their own errors.
pub mod observation_column {
    /// `province`
    pub const PROVINCE: usize = 0;
    /// `indicator_id`
    pub const INDICATOR: usize = 1;
    /// `period`
    pub const PERIOD: usize = 2;
    /// `value`
    pub const VALUE: usize = 3;
    /// `source_id`
    pub const SOURCE: usize = 4;
    /// `observation_id`
    pub const ID: usize = 5;
    /// `out_of`
    pub const OUT_OF: usize = 6;
    /// `qualifier`
    pub const QUALIFIER: usize = 7;
    /// `is_target`
    pub const IS_TARGET: usize = 8;
    /// `scope`
    pub const SCOPE: usize = 9;
    /// `quote`
    pub const QUOTE: usize = 10;
    /// `note`
    pub const NOTE: usize = 11;
    /// `table_row`
    pub const TABLE_ROW: usize = 12;
    /// `table_column`
    pub const TABLE_COLUMN: usize = 13;
    /// `cell`
    pub const CELL: usize = 14;
}

/// `observation_id` is optional so that a long file of figures (a benchmark, an export from
/// another system) can be read without inventing ids; the bundled data always has them.
static OBSERVATIONS: Schema = Schema {
    required: &["province", "indicator_id", "period", "value", "source_id"],
    optional: &[
        "observation_id",
        "out_of",
        "qualifier",
        "is_target",
        "scope",
        "quote",
        "note",
        "table_row",
        "table_column",
        "cell",
    ],
};

/// The most rows a piece of `bytes` bytes of the file can complete: the record of a row has
/// each required column non-empty, the commas between them and a line end, at least two bytes
/// for each required column; the piece's last record may lack its line end, and its first may
/// have begun in the piece before it.
pub(crate) fn most_rows(bytes: usize) -> usize {
    bytes / (2 * OBSERVATIONS.required.len()) + 2
}

/// A file a reader can fill in: the header of the observation schema (required columns, then
/// the optional ones a reader writes) and one example row, written from [`OBSERVATIONS`] so
/// that it cannot drift from what is read.
#[must_use]
pub fn user_file_template() -> String {
    let example = |column: &str| match column {
        "province" => "p63:84",
        "indicator_id" => "bts_stations",
        "period" => "2024",
        "value" => "1234",
        "source_id" => "my-report-2024",
        "qualifier" => "exact",
        "scope" => "province",
        "quote" => "\"Toàn tỉnh có 1.234 trạm BTS\"",
        _ => "",
    };
    let columns: Vec<&str> = OBSERVATIONS
        .required
        .iter()
        .chain(OBSERVATIONS.optional)
        .copied()
        .filter(|c| !matches!(*c, "table_row" | "table_column" | "cell"))
        .collect();
    let row: Vec<&str> = columns.iter().map(|c| example(c)).collect();
    format!("{}\n{}\n", columns.join(","), row.join(","))
}

/// The cell of a published table a row cites, its text borrowed from the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef<'a> {
    /// `table_row`: the row as the table names it.
    pub row: &'a str,
    /// `table_column`.
    pub column: &'a str,
    /// `cell`: the cell's text as stored.
    pub text: &'a str,
}

/// One row of `observations.csv`, its text borrowed from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRow<'a> {
    /// `observation_id`, empty when the file has none.
    pub id: &'a str,
    /// `province`.
    pub province: ProvinceId,
    /// `indicator_id`, not yet checked against the indicator list.
    pub indicator: &'a str,
    /// `period`.
    pub period: Period,
    /// `value`.
    pub value: f64,
    /// `out_of`.
    pub out_of: Option<f64>,
    /// `qualifier`, `exact` when absent.
    pub qualifier: Qualifier,
    /// `is_target`, `false` when absent.
    pub is_target: bool,
    /// `scope`, `province` when absent.
    pub scope: &'a str,
    /// `source_id`, not yet checked against the source list.
    pub source: &'a str,
    /// `quote`, possibly empty.
    pub quote: &'a str,
    /// `note`, possibly empty.
    pub note: &'a str,
    /// `table_row`, `table_column` and `cell`, for a figure read from a table.
    pub cell: Option<CellRef<'a>>,
}

/// A figure rests on a quote or on a table cell, never on both, and a cell is cited whole:
/// row, column and text.
fn cell<R: Record>(t: &R) -> Result<Option<CellRef<'_>>> {
    use observation_column as c;
    let parts = [c::TABLE_ROW, c::TABLE_COLUMN, c::CELL].map(|slot| t.optional(slot));
    match parts {
        [None, None, None] => Ok(None),
        [Some(row), Some(column), Some(text)] => {
            if t.optional(c::QUOTE).is_some() {
                return Err(t.invalid_as(c::QUOTE, t.text(c::QUOTE), Allowed::QuoteOrCell));
            }
            Ok(Some(CellRef { row, column, text }))
        }
        _ => {
            let (slot, name) = [
                (c::TABLE_ROW, "table_row"),
                (c::TABLE_COLUMN, "table_column"),
                (c::CELL, "cell"),
            ]
            .into_iter()
            .zip(parts)
            .find_map(|(place, part)| part.is_none().then_some(place))
            .unwrap_or((c::CELL, "cell"));
            Err(t.error(
                slot,
                ErrorKind::EmptyField {
                    column: format!("{name} (a table cell is cited by row, column and text)"),
                },
            ))
        }
    }
}

/// Reads `observations.csv`, calling `sink` with each row and the table (to place errors).
/// Values that are impossible whatever the indicator (negative, or above `out_of`) are refused
/// here; unit checks need the indicator list and are the caller's.
pub fn parse_observations(
    text: &str,
    file: Option<&str>,
    mut sink: impl FnMut(&dyn Record, ObservationRow<'_>) -> Result<()>,
) -> Result<()> {
    let mut header = None;
    let mut line = 1;
    read_whole(text, file, &mut header, &mut line, &mut sink)?;
    if header.is_none() {
        // Nothing but blank lines: the empty-file error, from the table that finds it.
        Table::open(text, file, &OBSERVATIONS)?;
    }
    Ok(())
}

fn read_row<R: Record>(t: &R) -> Result<ObservationRow<'_>> {
    use observation_column as c;
    let value = t.number(c::VALUE)?;
    if value < 0.0 {
        let reason = Implausibility::Negative;
        return Err(t.error(c::VALUE, ErrorKind::Implausible { value, reason }));
    }
    let out_of = t.optional_number(c::OUT_OF)?;
    if let Some(whole) = out_of
        && whole < 0.0
    {
        let reason = Implausibility::Negative;
        return Err(t.error(
            c::OUT_OF,
            ErrorKind::Implausible {
                value: whole,
                reason,
            },
        ));
    }
    if let Some(whole) = out_of
        && !(whole > 0.0 && value <= whole)
    {
        let reason = Implausibility::OutsideWhole { whole };
        return Err(t.error(c::VALUE, ErrorKind::Implausible { value, reason }));
    }
    Ok(ObservationRow {
        id: t.optional_id(c::ID)?.unwrap_or(""),
        province: province_id(t, c::PROVINCE)?,
        indicator: t.id(c::INDICATOR)?,
        period: t.parsed_as(c::PERIOD, || Allowed::Period, |text| text.parse().ok())?,
        value,
        out_of,
        qualifier: match t.optional(c::QUALIFIER) {
            None => Qualifier::Exact,
            Some(_) => t.parsed_as(
                c::QUALIFIER,
                || Allowed::OneOf {
                    codes: Qualifier::expected(),
                },
                |text| text.parse().ok(),
            )?,
        },
        is_target: match t.optional(c::IS_TARGET) {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => return Err(t.invalid_as(c::IS_TARGET, other, Allowed::Flag)),
        },
        scope: t.optional(c::SCOPE).unwrap_or("province"),
        source: t.id(c::SOURCE)?,
        quote: t.text(c::QUOTE),
        note: t.text(c::NOTE),
        cell: cell(t)?,
    })
}

#[cfg(test)]
mod tests;
