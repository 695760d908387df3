//! Choosing the observation that answers a question, through the index.
//!
//! For an indicator, a province and a period spec, the answer is the latest province-wide
//! observation of the period (targets only when asked for). When one period has several
//! observations, the last loaded wins, so a user's file overrides the bundled figure it
//! repeats. A province of the 2025 list is answered by its own published figure where there is
//! one, with the roll-up of its former provinces for the same year kept beside it as a
//! cross-check; otherwise (or when the roll-up is of a later year) by the roll-up.

use crate::dataset::Dataset;
use crate::model::{ProvinceId, Scheme};
use crate::query::{CrossCheck, Figure, Options, PeriodSpec, Provenance, roll_up};

/// Scope id 0 is `province`, interned first by the dataset.
const WHOLE_PROVINCE: u32 = 0;

/// Reads figures out of one dataset.
#[derive(Clone, Copy)]
pub(crate) struct Selector<'d> {
    pub(crate) dataset: &'d Dataset,
    /// Whether figures carry their provenance (ids, sources and quotes copied out).
    provenance: bool,
}

impl<'d> Selector<'d> {
    /// A selector whose figures carry their provenance.
    pub(crate) fn new(dataset: &'d Dataset) -> Self {
        Selector {
            dataset,
            provenance: true,
        }
    }

    /// A selector whose figures carry no provenance, for answers that return only values,
    /// qualifiers, periods and marks: a reader opening a number asks for its provenance then.
    pub(crate) fn without_provenance(dataset: &'d Dataset) -> Self {
        Selector {
            dataset,
            provenance: false,
        }
    }

    /// Whether a row may answer: province-wide, a target only when targets are asked for, in
    /// the period.
    fn answers(self, row: u32, period: PeriodSpec, options: Options) -> bool {
        self.dataset.selection(row as usize).is_some_and(|r| {
            r.scope == WHOLE_PROVINCE && r.is_target == options.targets && period.admits(r.period)
        })
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
        let period_of = |row: u32| self.dataset.period_of(row as usize);
        let rows = self.dataset.index().of(indicator, province);
        let mut out: Vec<u32> = Vec::new();
        for &row in rows {
            if !self.answers(row, period, options) {
                continue;
            }
            match out.last_mut() {
                Some(last) if period_of(*last) == period_of(row) => *last = row,
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
        let position = self.dataset.reference().position(province)?;
        let published = self
            .pick(indicator, position, period, options)
            .and_then(|row| self.plain(row));
        match province.scheme {
            Scheme::P63 => published,
            Scheme::P34 => {
                let derived = roll_up::roll_up(self, indicator, province, period, options);
                self.prefer_published(indicator, province, published, derived, options)
            }
        }
    }

    /// A 2025 province's published figure over its roll-up, unless the roll-up is of a later
    /// year; the published one carries the roll-up of its own year as a cross-check.
    fn prefer_published(
        self,
        indicator: u32,
        province: ProvinceId,
        published: Option<Figure>,
        derived: Option<Figure>,
        options: Options,
    ) -> Option<Figure> {
        let Some(mut published) = published else {
            return derived;
        };
        let year = published.period.calendar_year();
        if let Some(derived) = derived {
            if derived.value.is_some() && derived.period.calendar_year() > year {
                return Some(derived);
            }
            let same_year = if derived.period.calendar_year() == year && !derived.mixed_periods {
                Some(derived)
            } else {
                roll_up::roll_up(self, indicator, province, PeriodSpec::Year(year), options)
            };
            published.cross_check = same_year.and_then(|d| CrossCheck::of(&published, d));
        }
        Some(published)
    }

    /// Every calendar year in which some province, of either list, answers for the indicator.
    pub(crate) fn years_of_indicator(
        self,
        indicator: u32,
        period: PeriodSpec,
        options: Options,
    ) -> Vec<u16> {
        let mut years: Vec<u16> = self
            .dataset
            .index()
            .of_indicator(indicator)
            .iter()
            .filter(|&&row| self.answers(row, period, options))
            .filter_map(|&row| self.dataset.period_of(row as usize))
            .map(crate::model::Period::calendar_year)
            .collect();
        crate::order::sort_distinct(&mut years);
        years
    }

    /// Every calendar year with a figure of one province of either list for an indicator,
    /// within the period spec: for a 2025 province, its own figures' and its former provinces'.
    pub(crate) fn years(
        self,
        indicator: u32,
        province: ProvinceId,
        period: PeriodSpec,
        options: Options,
    ) -> Vec<u16> {
        let reference = self.dataset.reference();
        let mut provinces = vec![province];
        if let Some(found) = reference.province(province) {
            provinces.extend(&found.merged_from);
        }
        let mut years: Vec<u16> = provinces
            .iter()
            .filter_map(|&p| reference.position(p))
            .flat_map(|position| self.series(indicator, position, period, options))
            .filter_map(|row| self.dataset.period_of(row as usize))
            .map(crate::model::Period::calendar_year)
            .collect();
        crate::order::sort_distinct(&mut years);
        years
    }

    /// The provenance of one row.
    pub(crate) fn provenance(self, row: u32) -> Option<Provenance> {
        let r = self.dataset.row(row as usize)?;
        let text = self.dataset.row_text(row as usize)?;
        Some(Provenance {
            observation: text.id.to_owned(),
            province: self.dataset.reference().at(r.province).id,
            value: r.value,
            qualifier: r.qualifier,
            period: r.period,
            source: self.dataset.sources().get(r.source as usize)?.id.clone(),
            quote: text.quote.to_owned(),
            cell: text.cell,
            origin: r.origin,
        })
    }

    /// A row as a figure, as reported.
    pub(crate) fn plain(self, row: u32) -> Option<Figure> {
        let r = self.dataset.row(row as usize)?;
        Some(Figure {
            value: Some(r.value),
            qualifier: r.qualifier,
            period: r.period,
            mixed_periods: false,
            out_of: r.out_of,
            is_target: r.is_target,
            origin: r.origin,
            provenance: if self.provenance {
                vec![self.provenance(row)?]
            } else {
                Vec::new()
            },
            derived: None,
            cross_check: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::inline;
    use crate::query::DerivationKind;

    const INDICATORS: &str =
        "index,index,digital_government,Chỉ số,Index,percent,,mean,higher,,Chỉ số.,Index.\n";

    fn figure(observations: &str, province: &str, period: PeriodSpec) -> Option<Figure> {
        let dataset = inline::dataset(INDICATORS, observations).expect("loads");
        let indicator = dataset.indicator_position("index").expect("an indicator");
        let province: ProvinceId = province.parse().expect("an id");
        Selector::new(&dataset).figure(indicator, province, period, Options::default())
    }

    /// Vĩnh Long (2025) is Bến Tre, Trà Vinh and Vĩnh Long.
    const MEMBERS_2024: &str =
        "p63:83,index,2024,0.5\np63:84,index,2024,0.6\np63:86,index,2024,0.7\n";

    #[test]
    fn a_published_2025_figure_is_shown_with_its_roll_up_as_a_check() {
        let rows = format!("{MEMBERS_2024}p34:86,index,2024,0.6\n");
        let shown = figure(&rows, "p34:86", PeriodSpec::Year(2024)).expect("a figure");
        assert_eq!(shown.value, Some(0.6));
        assert_eq!(shown.derived, None, "published, not derived");
        assert_eq!(shown.provenance.len(), 1);
        let check = shown.cross_check.expect("the roll-up is kept");
        assert!((check.value.expect("a derived value") - 0.6).abs() < 1e-12);
        assert_eq!(check.agrees, Some(true));
        assert_eq!(check.derivation.kind, DerivationKind::RollUp);
        assert_eq!(check.derivation.rule.as_deref(), Some("mean"));
    }

    #[test]
    fn a_published_figure_far_from_its_roll_up_does_not_agree() {
        let rows = format!("{MEMBERS_2024}p34:86,index,2024,0.9\n");
        let shown = figure(&rows, "p34:86", PeriodSpec::Latest).expect("a figure");
        assert_eq!(shown.value, Some(0.9));
        let check = shown.cross_check.expect("the roll-up is kept");
        assert_eq!(check.agrees, Some(false));
        assert!((check.difference.expect("a difference") - 0.3).abs() < 1e-9);
    }

    #[test]
    fn without_a_published_figure_the_roll_up_answers() {
        let shown = figure(MEMBERS_2024, "p34:86", PeriodSpec::Latest).expect("a figure");
        assert!((shown.value.expect("a value") - 0.6).abs() < 1e-12);
        assert_eq!(shown.derived.map(|d| d.kind), Some(DerivationKind::RollUp));
        assert_eq!(shown.cross_check, None);
    }

    #[test]
    fn a_later_roll_up_is_the_latest_figure() {
        let rows = "p34:86,index,2023,0.4\np63:83,index,2024,0.5\np63:84,index,2024,0.6\np63:86,index,2024,0.7\n";
        let latest = figure(rows, "p34:86", PeriodSpec::Latest).expect("a figure");
        assert_eq!(latest.period.calendar_year(), 2024);
        assert!(latest.derived.is_some());
        let earlier = figure(rows, "p34:86", PeriodSpec::Year(2023)).expect("a figure");
        assert_eq!(earlier.value, Some(0.4));
        assert_eq!(earlier.cross_check, None, "no roll-up for 2023");
    }
}
