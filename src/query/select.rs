//! Choosing the observation that answers a question, through the index.
//!
//! For an indicator, a province and a period spec, the answer is the latest province-wide
//! observation of the period (targets only when asked for). When one period has several
//! observations, the last loaded wins, so a user's file overrides the bundled figure it
//! repeats. Provinces of the 2025 list are answered by rolling up their members.

use crate::dataset::Dataset;
use crate::model::{ProvinceId, Scheme};
use crate::query::{Figure, Options, PeriodSpec, Provenance, roll_up};

/// Scope id 0 is `province`, interned first by the dataset.
const WHOLE_PROVINCE: u32 = 0;

/// Reads figures out of one dataset.
#[derive(Clone, Copy)]
pub(crate) struct Selector<'d> {
    pub(crate) dataset: &'d Dataset,
}

impl<'d> Selector<'d> {
    pub(crate) fn new(dataset: &'d Dataset) -> Self {
        Selector { dataset }
    }

    /// Whether a row may answer: province-wide, a target only when targets are asked for, in
    /// the period.
    fn answers(self, row: u32, period: PeriodSpec, options: Options) -> bool {
        let columns = self.dataset.columns();
        let r = row as usize;
        columns.scope[r] == WHOLE_PROVINCE
            && columns.is_target[r] == options.targets
            && period.admits(columns.period[r])
    }

    /// The row answering (indicator, province position, period), if any.
    pub(crate) fn pick(
        self,
        indicator: u32,
        province: u16,
        period: PeriodSpec,
        options: Options,
    ) -> Option<u32> {
        let rows = self.dataset.index().of(indicator, province);
        rows.iter()
            .rev()
            .copied()
            .find(|&row| self.answers(row, period, options))
    }

    /// Every row of an indicator for one province within the period spec, oldest first
    /// (one per period: the last loaded).
    pub(crate) fn series(
        self,
        indicator: u32,
        province: u16,
        period: PeriodSpec,
        options: Options,
    ) -> Vec<u32> {
        let columns = self.dataset.columns();
        let rows = self.dataset.index().of(indicator, province);
        let mut out: Vec<u32> = Vec::new();
        for &row in rows {
            let r = row as usize;
            if !self.answers(row, period, options) {
                continue;
            }
            match out.last_mut() {
                Some(last) if columns.period[*last as usize] == columns.period[r] => *last = row,
                _ => out.push(row),
            }
        }
        out
    }

    /// The figure for an indicator and a province of either scheme.
    pub(crate) fn figure(
        self,
        indicator: u32,
        province: ProvinceId,
        period: PeriodSpec,
        options: Options,
    ) -> Option<Figure> {
        match province.scheme {
            Scheme::P63 => {
                let position = self.dataset.reference().position(province)?;
                self.pick(indicator, position, period, options)
                    .map(|row| self.plain(row))
            }
            Scheme::P34 => roll_up::roll_up(self, indicator, province, period, options),
        }
    }

    /// The provenance of one row.
    pub(crate) fn provenance(self, row: u32) -> Provenance {
        let c = self.dataset.columns();
        let r = row as usize;
        Provenance {
            observation: c.id.get(r).to_owned(),
            province: self.dataset.reference().at(c.province[r]).id,
            value: c.value[r],
            qualifier: c.qualifier[r],
            period: c.period[r],
            source: self.dataset.sources()[c.source[r] as usize].id.clone(),
            quote: c.quote.get(r).to_owned(),
            cell: c.table_cell(r),
            origin: c.origin[r],
        }
    }

    /// A row as a figure, as reported.
    pub(crate) fn plain(self, row: u32) -> Figure {
        let c = self.dataset.columns();
        let r = row as usize;
        Figure {
            value: Some(c.value[r]),
            qualifier: c.qualifier[r],
            period: c.period[r],
            mixed_periods: false,
            out_of: c.out_of(r),
            is_target: c.is_target[r],
            origin: c.origin[r],
            provenance: vec![self.provenance(row)],
            derived: None,
        }
    }
}
