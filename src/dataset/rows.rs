//! Reading stored observations one row at a time, for the queries: the row's keys and numbers
//! copied out of the columns, and its texts borrowed. The columns themselves stay private to
//! `dataset`, so that how figures are stored can change without touching a query.

use super::Dataset;
use crate::model::{Origin, Period, Qualifier, TableCell};

/// The keys and numbers of one stored observation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Row {
    /// Position of the province in the reference list.
    pub(crate) province: u16,
    /// Position of the indicator.
    pub(crate) indicator: u32,
    pub(crate) period: Period,
    pub(crate) value: f64,
    pub(crate) out_of: Option<f64>,
    pub(crate) qualifier: Qualifier,
    pub(crate) is_target: bool,
    /// Interned scope: 0 is `province` (the whole province).
    pub(crate) scope: u32,
    /// Position of the source.
    pub(crate) source: u32,
    pub(crate) origin: Origin,
}

/// What decides whether a stored observation answers a question, read without the rest of
/// its row: this is asked of every row a query's index range holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Selection {
    /// Interned scope: 0 is `province` (the whole province).
    pub(crate) scope: u32,
    pub(crate) is_target: bool,
    pub(crate) period: Period,
}

/// The texts of one stored observation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowText<'a> {
    pub(crate) id: &'a str,
    pub(crate) quote: &'a str,
    /// The cited cell of a table figure; `None` for a report's figure.
    pub(crate) cell: Option<TableCell>,
}

impl Dataset {
    /// Row `r` (in load order), or `None` past the end.
    pub(crate) fn row(&self, r: usize) -> Option<Row> {
        let c = &self.columns;
        Some(Row {
            province: *c.province.get(r)?,
            indicator: u32::from(*c.indicator.get(r)?),
            period: *c.period.get(r)?,
            value: *c.value.get(r)?,
            out_of: c.out_of(r),
            qualifier: *c.qualifier.get(r)?,
            is_target: c.is_target.get(r)?,
            scope: c.scope.get(r)?,
            source: u32::from(*c.source.get(r)?),
            origin: c.origin.get(r)?,
        })
    }

    /// Every row, in load order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        (0..self.columns.len()).filter_map(|r| self.row(r))
    }

    /// The scope, target flag and period of row `r`.
    pub(crate) fn selection(&self, r: usize) -> Option<Selection> {
        let c = &self.columns;
        Some(Selection {
            scope: c.scope.get(r)?,
            is_target: c.is_target.get(r)?,
            period: *c.period.get(r)?,
        })
    }

    /// The texts of row `r`.
    pub(crate) fn row_text(&self, r: usize) -> Option<RowText<'_>> {
        let c = &self.columns;
        (r < c.len()).then(|| RowText {
            id: c.id.get(r),
            quote: c.quote.get(r),
            cell: c.table_cell(r),
        })
    }

    /// The period of row `r`: the one column the index's hot paths compare.
    pub(crate) fn period_of(&self, r: usize) -> Option<Period> {
        self.columns.period.get(r).copied()
    }
}
