//! The dataset's file formats: which columns each has and how each field is read.
//!
//! This is the only code that knows column names. Each function reads one file into model
//! values; cross-file checks (does this indicator exist?) are left to the caller, which gets
//! the [`Table`] to place its errors. Formats are documented in `data/README.md`.
//!
//! `sources` reads where figures come from (reports and published tables), `indicators` what
//! they are (and the editions of a method), `observations` the figures themselves, `reference`
//! the reference tables about provinces.

mod indicators;
mod observations;
mod reference;
mod sources;

pub use indicators::{parse_editions, parse_indicators};
pub use observations::{
    CellRef, ObservationRow, observation_column, parse_observations, user_file_template,
};
pub(crate) use observations::{ObservationStream, RowSink, most_rows};
pub use reference::{
    PopulationRecord, RankRecord, parse_dti, parse_merger, parse_population, parse_provinces_p34,
    parse_provinces_p63,
};
pub(crate) use sources::SOURCES;
pub use sources::{
    SourceList, TableSelection, parse_sources, parse_tables, where_file_is_named,
    where_table_selects,
};

use crate::error::{Allowed, ErrorKind, Result};
use crate::model::{ProvinceId, is_snake_case};
use crate::parse::record::Record;
use crate::parse::table::Table;

pub(super) fn vocabulary<T: std::str::FromStr, R: Record>(
    table: &R,
    slot: usize,
    expected: impl FnOnce() -> String,
) -> Result<T> {
    table.parsed(slot, expected, |text| text.parse().ok())
}

pub(super) fn province_id<R: Record>(table: &R, slot: usize) -> Result<ProvinceId> {
    let text = table.required(slot)?;
    // Read first, checked for invisible characters only if that fails: an id that reads is
    // printable ASCII, and this runs for every row. The errors are those of `id` then `parse`.
    text.parse().or_else(|()| {
        table.visible(slot, text)?;
        Err(table.invalid_as(slot, text, Allowed::ProvinceId))
    })
}

pub(super) fn id(table: &Table<'_>, slot: usize) -> Result<String> {
    let text = table.id(slot)?;
    if is_snake_case(text) {
        Ok(text.to_owned())
    } else {
        Err(table.invalid(slot, text, "lower snake_case ASCII".into()))
    }
}

/// A GSO code as the reference files write it: two digits, leading zero.
pub(super) fn code(table: &Table<'_>, slot: usize) -> Result<u8> {
    table.parsed(
        slot,
        || "a two-digit GSO code".into(),
        |text| {
            (text.len() == 2)
                .then(|| text.parse().ok())
                .flatten()
                .filter(|&code| code > 0)
        },
    )
}

/// Collects rows, refusing a repeated id; `first_line` names where the id was first seen.
pub(super) fn unique_ids<T>(
    table: &mut Table<'_>,
    id_slot: usize,
    mut read: impl FnMut(&Table<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut seen = std::collections::HashMap::new();
    let mut rows = Vec::new();
    while table.next()? {
        let id = table.required(id_slot)?.to_owned();
        if let Some(&first_line) = seen.get(&id) {
            return Err(table.error(id_slot, ErrorKind::DuplicateId { id, first_line }));
        }
        seen.insert(id, table.line());
        rows.push(read(table)?);
    }
    Ok(rows)
}
