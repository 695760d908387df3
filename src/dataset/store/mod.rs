//! Observations column by column, and the index that answers "which rows hold indicator i for
//! province p" without a scan (`index.rs`).
//!
//! Numbers live in `Vec<f64>`, ids in small integer columns, text in one arena per column, and
//! a column whose rows nearly all hold one value in a [`Sparse`] column. A long file's plain
//! rows reach them a run at a time (`run.rs`). This module knows no file format and no query.

mod index;
mod run;
mod sparse;

pub(crate) use index::Index;
pub(crate) use run::PlainRun;
pub(crate) use sparse::Sparse;

use crate::model::{Origin, Period, Qualifier, TableCell};
use crate::parse::{CellRef, ObservationRow};

/// Many strings in one allocation; string `i` is `text[ends[i-1]..ends[i]]`.
///
/// A column of empty strings (no quotes in a long synthetic file) costs nothing: `ends` is only
/// filled once a non-empty string arrives, so ten million rows without notes add no memory.
#[derive(Debug, Default, Clone)]
pub(crate) struct Arena {
    text: String,
    ends: Vec<u32>,
    len: usize,
}

impl Arena {
    // Six text columns take a string each row, mostly empty: an empty one into a column with
    // no text yet is a test and an increment, inlined even in the size-first build, which
    // never inlines on a hint.
    #[inline(always)]
    pub(crate) fn push(&mut self, value: &str) {
        if value.is_empty() && self.ends.is_empty() {
            self.len += 1;
        } else {
            self.push_text(value);
        }
    }

    /// `rows` empty strings.
    pub(crate) fn push_empty(&mut self, rows: usize) {
        if !self.ends.is_empty() {
            // Text came before: each empty string ends where it stands.
            let end = self.text.len() as u32;
            self.ends.resize(self.ends.len() + rows, end);
        }
        self.len += rows;
    }

    fn push_text(&mut self, value: &str) {
        if !value.is_empty() && self.ends.len() < self.len {
            // The first non-empty string: the empty ones before it all end at 0.
            self.ends.resize(self.len, 0);
        }
        self.len += 1;
        if !value.is_empty() || !self.ends.is_empty() {
            self.text.push_str(value);
            self.ends.push(self.text.len() as u32);
        }
    }

    pub(crate) fn get(&self, row: usize) -> &str {
        let start = match row.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(row).copied().unwrap_or(start);
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    fn extend(&mut self, other: &Arena) {
        if other.ends.is_empty() {
            for _ in 0..other.len {
                self.push("");
            }
            return;
        }
        if self.ends.len() < self.len {
            self.ends.resize(self.len, 0);
        }
        let offset = self.text.len() as u32;
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|end| end + offset));
        self.len += other.len;
    }

    fn bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4
    }
}

/// The observation columns. Row `r` of every column is one observation.
#[derive(Debug, Default, Clone)]
pub(crate) struct Columns {
    pub(super) id: Arena,
    pub(super) province: Vec<u16>,
    pub(super) indicator: Vec<u16>,
    pub(super) period: Vec<Period>,
    pub(super) value: Vec<f64>,
    /// The whole of a part (`151` of `151/151`); NaN when the figure has none, so that the
    /// column costs 8 bytes a row rather than an `Option`'s 16 once a figure has one. Read it
    /// with [`Columns::out_of`].
    pub(super) wholes: Sparse<f64>,
    pub(super) qualifier: Vec<Qualifier>,
    pub(super) is_target: Sparse<bool>,
    /// Interned: index into the dataset's scope names; 0 is `province`.
    pub(super) scope: Sparse<u32>,
    pub(super) source: Vec<u16>,
    pub(super) quote: Arena,
    pub(super) note: Arena,
    /// The cited cell of a table figure: row, column and text (empty for a report's figure).
    pub(super) table_row: Arena,
    pub(super) table_column: Arena,
    pub(super) cell: Arena,
    pub(super) origin: Sparse<Origin>,
}

/// A figure with nothing but its numbers: what a row of a long file of figures holds besides
/// its ids.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plain {
    pub(crate) period: Period,
    pub(crate) value: f64,
    pub(crate) qualifier: Qualifier,
    pub(crate) is_target: bool,
}

/// What a row is resolved to while loading: positions in the dataset's lists.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowKeys {
    pub(crate) province: u16,
    pub(crate) indicator: u16,
    pub(crate) scope: u32,
    pub(crate) source: u16,
    pub(crate) origin: Origin,
}

impl Columns {
    /// Appends one parsed row, its ids resolved.
    pub(crate) fn push(&mut self, row: &ObservationRow<'_>, keys: RowKeys) {
        self.province.push(keys.province);
        self.indicator.push(keys.indicator);
        self.period.push(row.period);
        self.value.push(row.value);
        self.wholes.push(row.out_of.unwrap_or(f64::NAN));
        self.qualifier.push(row.qualifier);
        self.is_target.push(row.is_target);
        self.scope.push(keys.scope);
        self.source.push(keys.source);
        self.origin.push(keys.origin);
        self.id.push(row.id);
        self.quote.push(row.quote);
        self.note.push(row.note);
        let cell = row.cell.unwrap_or(CellRef {
            row: "",
            column: "",
            text: "",
        });
        self.table_row.push(cell.row);
        self.table_column.push(cell.column);
        self.cell.push(cell.text);
    }

    pub(crate) fn len(&self) -> usize {
        self.value.len()
    }

    /// The whole `row` is a part of, if any.
    pub(crate) fn out_of(&self, row: usize) -> Option<f64> {
        self.wholes.get(row).filter(|whole| !whole.is_nan())
    }

    /// How many more rows the columns hold without allocating.
    pub(crate) fn room(&self) -> usize {
        self.value.capacity() - self.value.len()
    }

    /// Room for `rows` more rows, or for `expected` more if that is larger, allocated exactly:
    /// columns sized from the input instead of doubled (ten million rows would otherwise
    /// hold room for sixteen). Nothing is allocated when the room is already there.
    pub(crate) fn make_room(&mut self, rows: usize, expected: usize) {
        if self.room() >= rows {
            return;
        }
        let rows = rows.max(expected);
        self.province.reserve_exact(rows);
        self.indicator.reserve_exact(rows);
        self.period.reserve_exact(rows);
        self.value.reserve_exact(rows);
        self.wholes.reserve_exact(rows);
        self.qualifier.reserve_exact(rows);
        self.is_target.reserve_exact(rows);
        self.scope.reserve_exact(rows);
        self.source.reserve_exact(rows);
        self.origin.reserve_exact(rows);
    }

    pub(crate) fn append(&mut self, other: &Columns) {
        self.id.extend(&other.id);
        self.province.extend_from_slice(&other.province);
        self.indicator.extend_from_slice(&other.indicator);
        self.period.extend_from_slice(&other.period);
        self.value.extend_from_slice(&other.value);
        self.wholes.extend(&other.wholes);
        self.qualifier.extend_from_slice(&other.qualifier);
        self.is_target.extend(&other.is_target);
        self.scope.extend(&other.scope);
        self.source.extend_from_slice(&other.source);
        self.quote.extend(&other.quote);
        self.note.extend(&other.note);
        self.table_row.extend(&other.table_row);
        self.table_column.extend(&other.table_column);
        self.cell.extend(&other.cell);
        self.origin.extend(&other.origin);
    }

    /// The table cell row `row` cites, if it cites one.
    pub(crate) fn table_cell(&self, row: usize) -> Option<TableCell> {
        let text = self.cell.get(row);
        (!text.is_empty()).then(|| TableCell {
            row: self.table_row.get(row).to_owned(),
            column: self.table_column.get(row).to_owned(),
            text: text.to_owned(),
        })
    }

    /// Approximate heap bytes held, for the benchmarks' memory figures.
    pub(crate) fn bytes(&self) -> usize {
        self.id.bytes()
            + self.quote.bytes()
            + self.note.bytes()
            + self.table_row.bytes()
            + self.table_column.bytes()
            + self.cell.bytes()
            + (self.province.capacity() + self.indicator.capacity() + self.source.capacity()) * 2
            + self.period.capacity() * 4
            + self.value.capacity() * 8
            + self.qualifier.capacity()
            + self.wholes.bytes()
            + self.scope.bytes()
            + self.is_target.bytes()
            + self.origin.bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arena_hands_back_each_string() {
        let mut arena = Arena::default();
        for text in ["Trà Vinh", "", "Quảng Bình"] {
            arena.push(text);
        }
        assert_eq!(
            [arena.get(0), arena.get(1), arena.get(2)],
            ["Trà Vinh", "", "Quảng Bình"]
        );
        assert_eq!(arena.get(9), "");
    }

    #[test]
    fn an_arena_of_empty_strings_holds_no_offsets_until_it_must() {
        let mut arena = Arena::default();
        arena.push("");
        arena.push("");
        assert_eq!(arena.bytes(), 0);
        arena.push("x");
        arena.push("");
        assert_eq!(
            [arena.get(0), arena.get(1), arena.get(2), arena.get(3)],
            ["", "", "x", ""]
        );
        let mut other = Arena::default();
        other.push("");
        other.push("y");
        arena.extend(&other);
        assert_eq!([arena.get(4), arena.get(5)], ["", "y"]);
        let mut empty = Arena::default();
        empty.extend(&other);
        assert_eq!([empty.get(0), empty.get(1)], ["", "y"]);
    }

    #[test]
    fn empty_strings_pushed_at_once_are_as_many_pushed_one_by_one() {
        let mut at_once = Arena::default();
        at_once.push_empty(2);
        assert_eq!(at_once.bytes(), 0);
        at_once.push("z");
        at_once.push_empty(3);
        at_once.push("w");
        let mut one_by_one = Arena::default();
        for text in ["", "", "z", "", "", "", "w"] {
            one_by_one.push(text);
        }
        let strings = |arena: &Arena| {
            (0..8)
                .map(|row| arena.get(row).to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(strings(&at_once), strings(&one_by_one));
        assert_eq!(at_once.len, 7);
    }
}
