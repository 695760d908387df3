//! Stored copies of published tables, read cell by cell with the place of every cell.
//!
//! A copy is CSV with a header row, or JSON: an array of flat objects, one per row. Each cell
//! keeps its text exactly as stored (a CSV field unquoted; a JSON number, `true`, `false` or
//! `null` as the literal written in the file; a JSON string decoded) and its position, so that a
//! figure's cited cell can be compared with the copy and an uncited cell can be pointed at. This
//! module knows nothing of which table, row or column a figure cites.

use std::collections::HashSet;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::error::{Error, ErrorKind, Position, Result};
use crate::model::TableFormat;
use crate::parse::csv::Reader;

/// One cell of a stored table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCell {
    /// Its column (a CSV header field, a JSON member name).
    pub column: String,
    /// Its text as stored.
    pub text: String,
    /// Where it starts in the copy.
    pub position: Position,
}

/// A stored table: its rows, each a list of cells in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredTable {
    /// The rows, in file order.
    pub rows: Vec<Vec<StoredCell>>,
}

impl StoredTable {
    /// Reads a stored copy; every error names the file, line and column.
    pub fn parse(text: &str, file: &str, format: TableFormat) -> Result<StoredTable> {
        match format {
            TableFormat::Csv => parse_csv(text, file),
            TableFormat::Json => parse_json(text, file),
        }
    }
}

/// The cell of `row` in `column`, if the row has one.
#[must_use]
pub fn cell_in<'t>(row: &'t [StoredCell], column: &str) -> Option<&'t StoredCell> {
    row.iter().find(|cell| cell.column == column)
}

fn parse_csv(text: &str, file: &str) -> Result<StoredTable> {
    let mut reader = Reader::new(text, Some(file));
    let mut fields = Vec::new();
    if !reader.next_record(&mut fields)? {
        return Err(Error::at(
            ErrorKind::EmptyFile,
            Position::new(Some(file), 1, 1),
        ));
    }
    let header: Vec<String> = fields.iter().map(|f| f.text.to_string()).collect();
    let mut seen = HashSet::new();
    for (name, field) in header.iter().zip(&fields) {
        if !seen.insert(name.as_str()) {
            let kind = ErrorKind::DuplicateColumn { name: name.clone() };
            return Err(Error::at(kind, reader.position_of(field)));
        }
    }
    let mut rows = Vec::new();
    while reader.next_record(&mut fields)? {
        if fields.len() != header.len() {
            let kind = ErrorKind::FieldCount {
                expected: header.len(),
                found: fields.len(),
            };
            return Err(Error::at(kind, reader.record_end()));
        }
        rows.push(
            header
                .iter()
                .zip(&fields)
                .map(|(column, field)| StoredCell {
                    column: column.clone(),
                    text: field.text.to_string(),
                    position: reader.position_of(field),
                })
                .collect(),
        );
    }
    Ok(StoredTable { rows })
}

/// The members of one JSON object in file order, each value left as written.
struct RawRow<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for RawRow<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = RawRow<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object, one per row")
            }
            fn visit_map<M: MapAccess<'de>>(
                self,
                mut map: M,
            ) -> std::result::Result<Self::Value, M::Error> {
                let mut members: Vec<(String, &'de RawValue)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, &'de RawValue>()? {
                    if members.iter().any(|(seen, _)| *seen == key) {
                        return Err(serde::de::Error::custom(format!(
                            "member {key:?} appears twice in one row"
                        )));
                    }
                    members.push((key, value));
                }
                Ok(RawRow(members))
            }
        }
        deserializer.deserialize_map(Members)
    }
}

fn parse_json(text: &str, file: &str) -> Result<StoredTable> {
    // A byte-order mark, which some editors write, is skipped as the CSV reader skips it:
    // JSON's reader refuses it, and places are counted from the first character after it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows: Vec<RawRow<'_>> = serde_json::from_str(text).map_err(|error| {
        let kind = ErrorKind::InvalidTable {
            message: error.to_string(),
        };
        let line = error.line() as u64;
        // serde_json counts bytes on the line; positions here count characters.
        let column = text
            .lines()
            .nth(error.line().saturating_sub(1))
            .and_then(|l| l.get(..error.column().saturating_sub(1)))
            .map_or(error.column() as u64, |before| {
                before.chars().count() as u64 + 1
            });
        Error::at(kind, Position::new(Some(file), line.max(1), column.max(1)))
    })?;
    let base = text.as_ptr() as usize;
    rows.into_iter()
        .map(|RawRow(members)| {
            members
                .into_iter()
                .map(|(column, raw)| {
                    let literal = raw.get();
                    // A borrowed raw value is a slice of `text`: its address gives its place.
                    let offset = (literal.as_ptr() as usize).saturating_sub(base);
                    let position = position_at(text, file, offset);
                    let cell_text = match literal.as_bytes().first() {
                        Some(b'"') => serde_json::from_str::<String>(literal).map_err(|error| {
                            let message = error.to_string();
                            Error::at(ErrorKind::InvalidTable { message }, position.clone())
                        })?,
                        Some(b'{' | b'[') => {
                            let message = format!("member {column:?} is not a single value");
                            return Err(Error::at(ErrorKind::InvalidTable { message }, position));
                        }
                        _ => literal.to_owned(),
                    };
                    Ok(StoredCell {
                        column,
                        text: cell_text,
                        position,
                    })
                })
                .collect()
        })
        .collect::<Result<Vec<_>>>()
        .map(|rows| StoredTable { rows })
}

/// The 1-based line and character column of byte `offset` of `text`.
fn position_at(text: &str, file: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
    Position::new(Some(file), line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cells(table: &StoredTable) -> Vec<Vec<(String, String, u64, u64)>> {
        table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| {
                        (
                            c.column.clone(),
                            c.text.clone(),
                            c.position.line,
                            c.position.column,
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn json_cells_keep_their_literal_and_their_place() {
        let text = "[\n  {\"province\": \"Hoà Bình\", \"pdti\": 0.6350},\n  {\"province\": \"Huế\", \"pdti\": 7e-1}\n]\n";
        let table = StoredTable::parse(text, "t.json", TableFormat::Json).unwrap();
        assert_eq!(
            cells(&table),
            [
                vec![
                    ("province".into(), "Hoà Bình".into(), 2, 16),
                    ("pdti".into(), "0.6350".into(), 2, 36),
                ],
                vec![
                    ("province".into(), "Huế".into(), 3, 16),
                    ("pdti".into(), "7e-1".into(), 3, 31),
                ],
            ]
        );
    }

    #[test]
    fn a_json_copy_with_a_byte_order_mark_reads_as_without_it() {
        let text = "[{\"province\": \"Huế\", \"pdti\": 0.7}]";
        let marked = format!("\u{feff}{text}");
        let plain = StoredTable::parse(text, "t.json", TableFormat::Json).unwrap();
        let read = StoredTable::parse(&marked, "t.json", TableFormat::Json).unwrap();
        assert_eq!(cells(&read), cells(&plain));
    }

    #[test]
    fn csv_cells_are_named_by_the_header() {
        let text = "name,year,d8\nHà Giang,2018,3.4226997\nQuảng Ninh,2021,\n";
        let table = StoredTable::parse(text, "t.csv", TableFormat::Csv).unwrap();
        assert_eq!(table.rows.len(), 2);
        let d8 = cell_in(&table.rows[0], "d8").unwrap();
        assert_eq!(
            (d8.text.as_str(), d8.position.line, d8.position.column),
            ("3.4226997", 2, 15)
        );
        assert_eq!(
            cell_in(&table.rows[1], "d8").map(|c| c.text.as_str()),
            Some("")
        );
        assert!(cell_in(&table.rows[1], "d9").is_none());
    }

    #[test]
    fn broken_copies_are_refused_with_their_place() {
        for (text, format, line) in [
            ("[{\"a\": 1}, {\"a\": }]", TableFormat::Json, 1),
            ("[{\"a\": {\"b\": 1}}]", TableFormat::Json, 1),
            ("[\n{\"a\": 1, \"a\": 2}]", TableFormat::Json, 2),
            ("{\"a\": 1}", TableFormat::Json, 1),
            ("a,b\n1\n", TableFormat::Csv, 2),
            ("a,a\n1,2\n", TableFormat::Csv, 1),
        ] {
            let error = StoredTable::parse(text, "t", format).unwrap_err();
            assert_eq!(
                error.position().map(|p| p.line),
                Some(line),
                "{text}: {error}"
            );
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_places_every_cell_inside_the_copy(text in "[\\[\\]{}\",:a-zà 0-9.\n-]{0,60}") {
            for format in [TableFormat::Json, TableFormat::Csv] {
                if let Ok(table) = StoredTable::parse(&text, "t", format) {
                    let lines = text.lines().count().max(1) as u64;
                    for cell in table.rows.iter().flatten() {
                        prop_assert!(cell.position.line >= 1 && cell.position.line <= lines);
                    }
                }
            }
        }

        #[test]
        fn json_numbers_are_kept_as_written(value in 0.0_f64..10.0, decimals in 0_usize..8) {
            let literal = format!("{value:.decimals$}");
            let text = format!("[{{\"p\": \"X\", \"v\": {literal}}}]");
            let table = StoredTable::parse(&text, "t", TableFormat::Json).unwrap();
            let cell = cell_in(&table.rows[0], "v").unwrap();
            prop_assert_eq!(&cell.text, &literal);
            prop_assert_eq!(cell.position.column, 18);
        }
    }
}
