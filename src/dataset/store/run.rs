//! Plain rows gathered into a run before the columns take them together. A long file is mostly
//! plain rows (a figure and its ids, with no text and no whole: `dataset/load/plain.rs`). One
//! at a time, each was seven pushes that each checked its column's room, and nine columns that
//! only count such rows counting it one by one; a run is one copy per column and one count:
//! 5 % fewer instructions for a load (docs/PERFORMANCE.md, "The thirteenth round"). This module
//! knows the columns' layout and nothing of files.

use super::{Columns, Plain, RowKeys};
use crate::model::{Origin, Period, Qualifier};

/// Up to [`PlainRun::ROWS`] plain rows of one scope and one origin, column by column, waiting
/// to be appended to the columns ([`Columns::append_run`]).
pub(crate) struct PlainRun {
    scope: u32,
    origin: Origin,
    len: usize,
    province: [u16; PlainRun::ROWS],
    indicator: [u16; PlainRun::ROWS],
    period: [Period; PlainRun::ROWS],
    value: [f64; PlainRun::ROWS],
    qualifier: [Qualifier; PlainRun::ROWS],
    is_target: [bool; PlainRun::ROWS],
    source: [u16; PlainRun::ROWS],
}

impl PlainRun {
    /// The most rows a run holds: 256 take 5 KB, which stay in the cache while they gather.
    const ROWS: usize = 256;

    /// An empty run of rows of `scope` and `origin`.
    pub(crate) fn new(scope: u32, origin: Origin) -> Self {
        PlainRun {
            scope,
            origin,
            len: 0,
            province: [0; PlainRun::ROWS],
            indicator: [0; PlainRun::ROWS],
            period: [Period::year(0); PlainRun::ROWS],
            value: [0.0; PlainRun::ROWS],
            qualifier: [Qualifier::Exact; PlainRun::ROWS],
            is_target: [false; PlainRun::ROWS],
            source: [0; PlainRun::ROWS],
        }
    }
}

impl Columns {
    /// Adds a row with no text (no id, quote, note or cell) and no whole to `run`, whose scope
    /// and origin it has, and appends the run once it is full. Until the run is appended
    /// ([`Columns::append_run`]) its rows are not in the columns: the loader that gathers them
    /// appends it before any other row and before anything else reads the columns.
    // Forced: once for every row of a long file (see `Arena::push`).
    #[inline(always)]
    pub(crate) fn push_plain(&mut self, run: &mut PlainRun, figure: Plain, keys: RowKeys) {
        debug_assert!(keys.scope == run.scope && keys.origin == run.origin);
        // Below `ROWS` already, since a full run is appended at once: the remainder tells the
        // compiler so, and no index below is checked.
        let row = run.len % PlainRun::ROWS;
        run.province[row] = keys.province;
        run.indicator[row] = keys.indicator;
        run.period[row] = figure.period;
        run.value[row] = figure.value;
        run.qualifier[row] = figure.qualifier;
        run.is_target[row] = figure.is_target;
        run.source[row] = keys.source;
        run.len = row + 1;
        if run.len == PlainRun::ROWS {
            self.append_run(run);
        }
    }

    /// Appends the rows of `run`, with its scope and origin, no whole and no text, and empties
    /// it.
    pub(crate) fn append_run(&mut self, run: &mut PlainRun) {
        let rows = run.len;
        if rows == 0 {
            // Asked before every row read in full: most find the run empty.
            return;
        }
        self.province.extend_from_slice(&run.province[..rows]);
        self.indicator.extend_from_slice(&run.indicator[..rows]);
        self.period.extend_from_slice(&run.period[..rows]);
        self.value.extend_from_slice(&run.value[..rows]);
        self.qualifier.extend_from_slice(&run.qualifier[..rows]);
        self.source.extend_from_slice(&run.source[..rows]);
        let is_target = &run.is_target[..rows];
        if is_target.contains(&true) {
            for &t in is_target {
                self.is_target.push(t);
            }
        } else {
            self.is_target.push_many(false, rows);
        }
        self.wholes.push_many(f64::NAN, rows);
        self.scope.push_many(run.scope, rows);
        self.origin.push_many(run.origin, rows);
        for texts in [
            &mut self.id,
            &mut self.quote,
            &mut self.note,
            &mut self.table_row,
            &mut self.table_column,
            &mut self.cell,
        ] {
            texts.push_empty(rows);
        }
        run.len = 0;
    }
}
