//! Figures read from published tables, checked against the stored copies of the tables.
//!
//! A table figure cites a cell: the row as the table names it, the column, and the cell's text.
//! The check is as strict as the one for quotes: the row exists once in the rows the table
//! selects, the cell reads exactly as cited, the value follows from it, the row's name maps to
//! the figure's province through the reference list's names and aliases, and every non-empty
//! cell of a cited column is cited by exactly one figure, so that the figures equal the tables.
//! Errors are placed at the field of the figure at fault, or, for a cell no figure cites, at the
//! cell in the stored copy.

use std::collections::{BTreeSet, HashMap};

use crate::dataset::Dataset;
use crate::error::{Allowed, Error, ErrorKind, Result};
use crate::model::{Source, TableSource};
use crate::parse::{
    ObservationRow, Record, StoredCell, StoredTable, TableSelection, cell_in,
    observation_column as column, parse_data_number, parse_observations, where_table_selects,
};

/// A published table of the dataset with the rows of its stored copy it selects.
struct Selected<'a> {
    source: &'a Source,
    spec: &'a TableSource,
    rows: Vec<&'a [StoredCell]>,
}

/// How many figures cite each (table, row of its selection, column), and which columns of each
/// table are cited at all.
#[derive(Default)]
struct Citations<'a> {
    counts: HashMap<(&'a str, usize, String), usize>,
    columns: BTreeSet<(&'a str, String)>,
}

/// Checks every figure that cites a table cell, in each of `observation_files` (name, text),
/// against `stored_copies`, the text of each stored copy by its path relative to the data
/// folder (`tables/papi_2018_2024.csv`). A table whose copy has no column of the name its rows
/// are named by or selected by, or whose filter selects no row, is one error at its record of
/// `tables_list` (the text of `tables.csv`), not one at each of its figures. Figures backed by
/// a quote are left to [`provenance`](crate::provenance). Returns every error found.
pub fn table_provenance(
    dataset: &Dataset,
    tables_list: &str,
    observation_files: &[(&str, &str)],
    stored_copies: &HashMap<String, String, impl std::hash::BuildHasher>,
) -> Result<Vec<Error>> {
    let mut errors = Vec::new();
    let copies = read_copies(dataset, stored_copies, &mut errors);
    let tables = select(dataset, &copies, tables_list, &mut errors);
    let mut citations = Citations::default();
    for &(file, text) in observation_files {
        parse_observations(text, Some(file), |table, row| {
            if row.cell.is_some() {
                check_figure(dataset, &tables, table, &row, &mut citations, &mut errors);
            }
            Ok(())
        })?;
    }
    errors.extend(uncited(&tables, &citations));
    Ok(errors)
}

/// Parses each stored copy once (one copy may hold several tables).
fn read_copies<'d>(
    dataset: &'d Dataset,
    stored_copies: &HashMap<String, String, impl std::hash::BuildHasher>,
    errors: &mut Vec<Error>,
) -> HashMap<&'d str, StoredTable> {
    let mut copies = HashMap::new();
    for source in dataset.sources() {
        let Some(spec) = &source.table else { continue };
        if copies.contains_key(source.file.as_str()) {
            continue;
        }
        match stored_copies.get(&source.file) {
            Some(text) => match StoredTable::parse(text, &source.file, spec.format) {
                Ok(table) => {
                    copies.insert(source.file.as_str(), table);
                }
                Err(error) => errors.push(error),
            },
            None => errors.push(
                Error::new(ErrorKind::Io {
                    message: format!("no stored copy {} for table {}", source.file, source.id),
                })
                .in_file("tables.csv"),
            ),
        }
    }
    copies
}

/// Each table with the rows of its copy its `row_filter` selects; a table whose selection its
/// copy does not bear out is left out, and said in `errors`.
fn select<'a>(
    dataset: &'a Dataset,
    copies: &'a HashMap<&str, StoredTable>,
    tables_list: &str,
    errors: &mut Vec<Error>,
) -> HashMap<&'a str, Selected<'a>> {
    let mut tables = HashMap::new();
    for source in dataset.sources() {
        let Some(spec) = source.table.as_ref() else {
            continue;
        };
        let Some(copy) = copies.get(source.file.as_str()) else {
            continue;
        };
        let rows: Vec<&[StoredCell]> = copy
            .rows
            .iter()
            .map(Vec::as_slice)
            .filter(|row| {
                spec.row_filter.as_ref().is_none_or(|filter| {
                    cell_in(row, &filter.column).is_some_and(|c| c.text == filter.value)
                })
            })
            .collect();
        match misread(source, spec, copy, &rows) {
            Some((selection, error)) => errors.push(error.or_at(where_table_selects(
                tables_list,
                Some("tables.csv"),
                &source.id,
                selection,
            ))),
            None => {
                tables.insert(source.id.as_str(), Selected { source, spec, rows });
            }
        }
    }
    tables
}

/// What of a table's selection its copy does not bear out: no column of its `row_key`'s name,
/// none of its filter's, or no row its filter keeps. Its figures are then not checked one by
/// one, each of which would fail for the same reason.
fn misread(
    source: &Source,
    spec: &TableSource,
    copy: &StoredTable,
    rows: &[&[StoredCell]],
) -> Option<(TableSelection, Error)> {
    let has_column = |name: &str| copy.rows.iter().any(|row| cell_in(row, name).is_some());
    let invalid = |column: &str, text: String, expected: String| {
        Error::new(ErrorKind::InvalidValue {
            column: column.to_owned(),
            text,
            expected: Allowed::Words { text: expected },
        })
    };
    if !has_column(&spec.row_key) {
        let expected = format!("a column of {}", source.file);
        let error = invalid("row_key", spec.row_key.clone(), expected);
        return Some((TableSelection::RowKey, error));
    }
    let filter = spec.row_filter.as_ref()?;
    let written = format!("{}={}", filter.column, filter.value);
    let expected = if !has_column(&filter.column) {
        format!("column=value, with a column of {}", source.file)
    } else if rows.is_empty() {
        format!("column=value that some row of {} holds", source.file)
    } else {
        return None;
    };
    Some((
        TableSelection::RowFilter,
        invalid("row_filter", written, expected),
    ))
}

/// Checks one figure that cites a cell, recording its citation.
fn check_figure<'a>(
    dataset: &Dataset,
    tables: &'a HashMap<&'a str, Selected<'a>>,
    table: &dyn Record,
    row: &ObservationRow<'_>,
    citations: &mut Citations<'a>,
    errors: &mut Vec<Error>,
) {
    let Some(cell) = row.cell else { return };
    let Some((&id, selected)) = tables.get_key_value(row.source) else {
        match dataset.sources().iter().find(|s| s.id == row.source) {
            Some(source) if source.table.is_none() => errors.push(table.invalid(
                column::SOURCE,
                row.source,
                "a table of tables.csv: the figure cites a cell".into(),
            )),
            // A table whose copy could not be read has been reported already.
            Some(_) => {}
            None => errors.push(table.error(
                column::SOURCE,
                ErrorKind::UnknownSource {
                    id: row.source.to_owned(),
                },
            )),
        }
        return;
    };
    let not_found = |stored: Option<String>| ErrorKind::CellNotInTable {
        source_id: id.to_owned(),
        row: cell.row.to_owned(),
        column: cell.column.to_owned(),
        stored,
    };
    let matches: Vec<usize> = (0..selected.rows.len())
        .filter(|&i| {
            selected.rows.get(i).is_some_and(|r| {
                cell_in(r, &selected.spec.row_key).is_some_and(|key| key.text == cell.row)
            })
        })
        .collect();
    let index = match matches.as_slice() {
        [index] => *index,
        [] => return errors.push(table.error(column::TABLE_ROW, not_found(None))),
        several => {
            let expected = format!("a row table {id} names once, not {} times", several.len());
            return errors.push(table.invalid(column::TABLE_ROW, cell.row, expected));
        }
    };
    // Cited, even if it reads otherwise: one fault, one error.
    let count = citations
        .counts
        .entry((id, index, cell.column.to_owned()))
        .or_insert(0);
    *count += 1;
    if *count > 1 {
        let kind = ErrorKind::CellCitations {
            source_id: id.to_owned(),
            row: cell.row.to_owned(),
            column: cell.column.to_owned(),
            citations: *count,
        };
        errors.push(table.error(column::TABLE_ROW, kind));
    }
    citations.columns.insert((id, cell.column.to_owned()));
    let stored = selected
        .rows
        .get(index)
        .and_then(|r| cell_in(r, cell.column));
    let Some(stored) = stored else {
        return errors.push(table.error(column::TABLE_COLUMN, not_found(None)));
    };
    if stored.text != cell.text {
        return errors.push(table.error(column::CELL, not_found(Some(stored.text.clone()))));
    }
    let read = parse_data_number(cell.text)
        .or_else(|| cell.text.parse::<f64>().ok().filter(|v| v.is_finite()));
    match read {
        Some(value) if same(value, row.value) => {}
        Some(value) => errors.push(table.invalid(
            column::VALUE,
            &row.value.to_string(),
            format!("{value}, the number the cell holds"),
        )),
        None => errors.push(table.invalid(column::CELL, cell.text, "a number".into())),
    }
    check_name(dataset, selected, table, row, cell.row, errors);
}

/// The row's name maps to exactly the figure's province, by name or alias.
fn check_name(
    dataset: &Dataset,
    selected: &Selected<'_>,
    table: &dyn Record,
    row: &ObservationRow<'_>,
    name: &str,
    errors: &mut Vec<Error>,
) {
    let scheme = selected.spec.scheme;
    match dataset.reference().named(scheme, name).as_slice() {
        [] => errors.push(table.error(
            column::TABLE_ROW,
            ErrorKind::UnmappedName {
                name: name.to_owned(),
                scheme: scheme.to_string(),
            },
        )),
        [province] if province.id == row.province => {}
        [province] => errors.push(table.invalid(
            column::PROVINCE,
            &row.province.to_string(),
            format!("{}, the province {name:?} names", province.id),
        )),
        several => {
            let ids: Vec<String> = several.iter().map(|p| p.id.to_string()).collect();
            errors.push(table.invalid(
                column::TABLE_ROW,
                name,
                format!("a name of one province, not of {}", ids.join(", ")),
            ));
        }
    }
}

/// Every non-empty cell of a cited column that no figure cites, placed in the stored copy:
/// nothing is dropped silently.
fn uncited(tables: &HashMap<&str, Selected<'_>>, citations: &Citations<'_>) -> Vec<Error> {
    let mut errors = Vec::new();
    for (id, cited) in &citations.columns {
        let Some(selected) = tables.get(id) else {
            continue;
        };
        for (index, row) in selected.rows.iter().enumerate() {
            let Some(cell) = cell_in(row, cited).filter(|c| !c.text.trim().is_empty()) else {
                continue;
            };
            if citations.counts.contains_key(&(*id, index, cited.clone())) {
                continue;
            }
            let name = cell_in(row, &selected.spec.row_key).map_or("", |c| c.text.as_str());
            errors.push(Error::at(
                ErrorKind::CellCitations {
                    source_id: selected.source.id.clone(),
                    row: name.to_owned(),
                    column: cited.clone(),
                    citations: 0,
                },
                cell.position.clone(),
            ));
        }
    }
    errors
}

/// Whether a recorded value is the number a published table's cell holds. Closer than a
/// quote's figure must be (`statements::same`): the cell's number is taken as it is, where a
/// quote's is scaled to the recorded unit, which rounds.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}
