//! Asking the dataset for figures: which observation answers "indicator i, province p, period
//! t" (for a 2025 province, its published figure or the roll-up of its former provinces), how
//! several provinces' figures combine by the indicator's rule, per-capita figures, aggregates,
//! and the national and regional averages that answers carry as reference lines.
//!
//! Every answer is a [`Figure`]: a value with its qualifier and period, the provenance of every
//! observation it was made from, when the engine computed it, how, and for a published figure it
//! can also derive, the derivation as a cross-check. Queries read the
//! dataset's index; none scans or re-parses. This module knows nothing of how answers are
//! arranged for display (that is `compare`) or of JavaScript.

mod aggregate;
mod average;
mod combine;
mod conflict;
mod listing;
mod normalise;
mod roll_up;
mod select;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Origin, Period, ProvinceId, Qualifier, TableCell};

pub use aggregate::{
    AggregateSpec, Aggregation as AggregateResult, Group, GroupBy, Stats, Summary, aggregate,
};
pub(crate) use aggregate::{group, members_of};
pub(crate) use average::references;
pub use average::{AverageBasis, AverageSpec, ReferenceKind, ReferenceLine, References, averages};
pub use combine::Method;
pub(crate) use conflict::conflicts;
pub use listing::{
    FigurePage, FigurePageSpec, IndicatorCoverage, MAX_PAGE, SourceEntry, SourcePage,
    SourcePageSpec, UserFigures, coverage, figure_page, source_entries, source_page, user_figures,
};
pub use normalise::{PER_CAPITA_BASE, PER_CAPITA_DECIMALS, PER_CAPITA_UNIT};
pub(crate) use normalise::{has_per_capita, per_capita};
pub(crate) use select::Selector;

/// Which period a query asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeriodSpec {
    /// The most recent figure of each province.
    #[default]
    Latest,
    /// Figures of one calendar year.
    Year(u16),
    /// The most recent figure within these calendar years (inclusive).
    Range(u16, u16),
}

impl PeriodSpec {
    /// Whether `period` falls within the spec.
    #[must_use]
    pub fn admits(self, period: Period) -> bool {
        let year = period.calendar_year();
        match self {
            PeriodSpec::Latest => true,
            PeriodSpec::Year(y) => year == y,
            PeriodSpec::Range(from, to) => (from..=to).contains(&year),
        }
    }
}

impl std::str::FromStr for PeriodSpec {
    type Err = Error;
    /// Reads `latest`, `2023` or `2016-2023`.
    fn from_str(text: &str) -> Result<Self> {
        let year = |t: &str| {
            t.parse::<Period>()
                .ok()
                .filter(|p| p.to_string().len() == 4)
                .map(Period::calendar_year)
        };
        let bad = || {
            Error::request(format!(
                "period {text:?}: expected latest, YYYY or YYYY-YYYY"
            ))
        };
        if text == "latest" {
            return Ok(PeriodSpec::Latest);
        }
        if let Some(y) = year(text) {
            return Ok(PeriodSpec::Year(y));
        }
        let (from, to) = text.split_once('-').ok_or_else(bad)?;
        match (year(from), year(to)) {
            (Some(from), Some(to)) if from <= to => Ok(PeriodSpec::Range(from, to)),
            _ => Err(bad()),
        }
    }
}

impl std::fmt::Display for PeriodSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PeriodSpec::Latest => f.write_str("latest"),
            PeriodSpec::Year(y) => write!(f, "{y}"),
            PeriodSpec::Range(a, b) => write!(f, "{a}-{b}"),
        }
    }
}

impl Serialize for PeriodSpec {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Read as a year (a whole number) or as text (`latest`, `2023`, `2016-2020`), by one visitor:
/// trying one form and then the other would build and drop an error for every request, which in
/// the browser is a JavaScript `Error` with its stack.
impl<'de> Deserialize<'de> for PeriodSpec {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Spec;

        impl serde::de::Visitor<'_> for Spec {
            type Value = PeriodSpec;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a year, or `latest`, `YYYY` or `YYYY-YYYY`")
            }

            fn visit_u64<E: serde::de::Error>(
                self,
                year: u64,
            ) -> std::result::Result<PeriodSpec, E> {
                u16::try_from(year)
                    .map(PeriodSpec::Year)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(year), &self))
            }

            fn visit_i64<E: serde::de::Error>(
                self,
                year: i64,
            ) -> std::result::Result<PeriodSpec, E> {
                u64::try_from(year)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(year), &self))
                    .and_then(|year| self.visit_u64(year))
            }

            fn visit_f64<E: serde::de::Error>(
                self,
                year: f64,
            ) -> std::result::Result<PeriodSpec, E> {
                // JavaScript has one number type: a whole one is a year.
                if year.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&year) {
                    #[expect(clippy::cast_sign_loss, reason = "a whole number in 0..=65535")]
                    return Ok(PeriodSpec::Year(year as u16));
                }
                Err(E::invalid_value(serde::de::Unexpected::Float(year), &self))
            }

            fn visit_str<E: serde::de::Error>(
                self,
                text: &str,
            ) -> std::result::Result<PeriodSpec, E> {
                text.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_any(Spec)
    }
}

/// The address of one number of an answer, to fetch its provenance when a reader opens it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FigureRef {
    /// The province, in the list answered.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// The indicator.
    pub indicator: String,
    /// The period the answer asked for (`latest`, a year, a range): the figure is found again
    /// as the answer found it, a roll-up of members' latest figures included.
    #[cfg_attr(test, ts(type = "PeriodSpec"))]
    pub period: PeriodSpec,
    /// Per 100 000 people.
    pub per_capita: bool,
    /// A target rather than an achievement (a comparison of targets).
    #[serde(default)]
    pub target: bool,
}

impl FigureRef {
    /// The address of `figure`, read for `province` and `indicator` by the period spec
    /// `period` (per capita or not): a target when the figure is one.
    #[must_use]
    pub fn of(
        figure: &Figure,
        province: ProvinceId,
        indicator: &str,
        period: PeriodSpec,
        per_capita: bool,
    ) -> Self {
        FigureRef {
            province,
            indicator: indicator.to_owned(),
            period,
            per_capita,
            target: figure.is_target,
        }
    }
}

/// Where one number of an answer was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// The observation's id.
    pub observation: String,
    /// The province it describes (a 63-list province for a roll-up's member).
    pub province: ProvinceId,
    /// Its value as reported.
    pub value: f64,
    /// Its qualifier as reported.
    pub qualifier: Qualifier,
    /// Its period.
    pub period: Period,
    /// The source's id: a report or a published table.
    pub source: String,
    /// The report's words; empty for a figure read from a table.
    pub quote: String,
    /// The table cell stating the figure; `None` for a figure read from a report.
    pub cell: Option<TableCell>,
    /// Bundled or the user's.
    pub origin: Origin,
}

/// How the engine computed a figure that no report states.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Derivation {
    /// `rollUp` or `perCapita`.
    pub kind: DerivationKind,
    /// Members of a roll-up (1 for a province the merger left whole).
    pub members: usize,
    /// Members that reported the figure.
    pub reported: usize,
    /// The indicator's aggregation rule a roll-up followed (`sum`, `mean`,
    /// `weighted_mean:<weight>`, `none`).
    pub rule: Option<String>,
    /// The weight of a weighted mean as used: the rule's, or `population` in its place.
    pub weight: Option<String>,
    /// Why the weight used is not the rule's, when it is not.
    pub fallback: Option<String>,
    /// The GSO population year used, where population was used.
    pub population_year: Option<u16>,
    /// Why the members' figures were not combined (the rule is `none`, or they are targets).
    pub refused: Option<String>,
    /// What was done, in words (English; the page words it itself from the fields above).
    pub note: String,
}

/// A published figure checked against the same figure derived from the former provinces.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CrossCheck {
    /// The derived value (`None` when the derivation is partial or refused).
    pub value: Option<f64>,
    /// Published minus derived.
    pub difference: Option<f64>,
    /// Whether the two agree within [`CROSS_CHECK_TOLERANCE`] (`None` without a derived value).
    pub agrees: Option<bool>,
    /// How the derived value was made.
    pub derivation: Derivation,
}

/// How far a published figure may be from its derivation and still agree: published figures
/// are rounded (DTI to four decimals, and the ministry averages sub-indices before scoring), so
/// one unit of the fourth decimal, relative to the figure's size beyond 1, is rounding.
pub const CROSS_CHECK_TOLERANCE: f64 = 1e-4;

impl CrossCheck {
    /// `published` checked against `derived`.
    pub(crate) fn of(published: &Figure, derived: Figure) -> Option<CrossCheck> {
        let derivation = derived.derived?;
        let difference = published.value.zip(derived.value).map(|(p, d)| p - d);
        let agrees = published.value.zip(difference).map(|(p, difference)| {
            // The last term absorbs the binary representation of decimal figures.
            difference.abs() <= CROSS_CHECK_TOLERANCE * p.abs().max(1.0) + 1e-12
        });
        Some(CrossCheck {
            value: derived.value,
            difference,
            agrees,
            derivation,
        })
    }
}

/// The kinds of derived figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DerivationKind {
    /// 63-list provinces combined into a 2025 province.
    RollUp,
    /// A count divided by population, per [`PER_CAPITA_BASE`] people.
    PerCapita,
}

/// One answer: a value with everything needed to trust it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The value; `None` for a partial roll-up, which is not a number unless asked for.
    pub value: Option<f64>,
    /// How certain the value is ("over", "about" …), carried through derivations.
    pub qualifier: Qualifier,
    /// The period (the latest of a roll-up's members).
    pub period: Period,
    /// Whether members of a roll-up report different periods.
    pub mixed_periods: bool,
    /// For ratios written `85/85`, the second number.
    pub out_of: Option<f64>,
    /// Whether the figure is a target.
    pub is_target: bool,
    /// Bundled, or (if any part is) the user's.
    pub origin: Origin,
    /// Every observation the figure rests on.
    pub provenance: Vec<Provenance>,
    /// How it was computed, if it was.
    pub derived: Option<Derivation>,
    /// For a published figure that the engine can also derive (a 2025 province's figure
    /// published and rolled up from its former provinces), the derivation, kept as a check.
    pub cross_check: Option<CrossCheck>,
}

impl Figure {
    /// A reported figure of `year` with nothing derived and no provenance, for tests.
    #[cfg(test)]
    pub(crate) fn reported(year: u16, value: f64, qualifier: Qualifier) -> Figure {
        Figure {
            value: Some(value),
            qualifier,
            period: Period::year(year),
            mixed_periods: false,
            out_of: None,
            is_target: false,
            origin: Origin::Bundled,
            provenance: Vec::new(),
            derived: None,
            cross_check: None,
        }
    }

    /// Checks that every number of the figure is finite, or says that computing `what`
    /// overflowed. Loading bounds every value by its unit, so sums and ratios of them stay
    /// finite; this is the last guard before an answer leaves the engine, so that no infinity
    /// is ever shown as ∞ or sent as `null`.
    pub(crate) fn ensure_finite(&self, what: impl FnOnce() -> String) -> Result<()> {
        let finite = self.value.is_none_or(f64::is_finite)
            && self.out_of.is_none_or(f64::is_finite)
            && self.provenance.iter().all(|p| p.value.is_finite());
        if finite {
            Ok(())
        } else {
            Err(Error::new(crate::error::ErrorKind::Overflow {
                what: what(),
            }))
        }
    }

    /// The interval of true values the figure allows (see [`Qualifier::interval`]).
    #[must_use]
    pub fn interval(&self, ceiling: f64) -> Option<crate::model::Interval> {
        self.value.map(|v| self.qualifier.interval(v, ceiling))
    }
}

/// What a query asks of each selected observation besides indicator, province and period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Whether targets are answered instead of achievements.
    pub targets: bool,
    /// Whether a partial roll-up still gets a value (the sum or mean of the members that
    /// reported).
    pub include_partial: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_read_from_a_number_or_a_text() {
        let read = |json: &str| serde_json::from_str::<PeriodSpec>(json);
        assert_eq!(read("2023").unwrap(), PeriodSpec::Year(2023));
        // JavaScript's numbers arrive as doubles.
        assert_eq!(read("2023.0").unwrap(), PeriodSpec::Year(2023));
        assert_eq!(read(r#""latest""#).unwrap(), PeriodSpec::Latest);
        assert_eq!(
            read(r#""2016-2020""#).unwrap(),
            PeriodSpec::Range(2016, 2020)
        );
        assert_eq!(read(r#""2023""#).unwrap(), PeriodSpec::Year(2023));
        for bad in ["2023.5", "-1", "70000", "true", "null", r#""soon""#] {
            let error = read(bad).unwrap_err().to_string();
            assert!(!error.is_empty(), "{bad}");
        }
        let error = read("true").unwrap_err().to_string();
        assert!(error.contains("a year, or `latest`"), "{error}");
    }

    #[test]
    fn a_figure_with_an_infinite_number_is_an_overflow_error() {
        let mut figure = Figure::reported(2023, 1.0, Qualifier::Exact);
        assert!(figure.ensure_finite(|| "x".into()).is_ok());
        figure.value = None;
        assert!(figure.ensure_finite(|| "x".into()).is_ok());
        for (value, out_of) in [(Some(f64::INFINITY), None), (Some(1.0), Some(f64::NAN))] {
            figure.value = value;
            figure.out_of = out_of;
            let error = figure
                .ensure_finite(|| "the sum of bts_stations for p34:86".into())
                .unwrap_err();
            assert_eq!(error.kind().code(), "overflow");
            assert!(
                error
                    .to_string()
                    .starts_with("the sum of bts_stations for p34:86 is too large")
            );
        }
    }

    #[test]
    fn period_specs_read_and_admit() {
        assert_eq!("latest".parse::<PeriodSpec>().unwrap(), PeriodSpec::Latest);
        assert_eq!(
            "2023".parse::<PeriodSpec>().unwrap(),
            PeriodSpec::Year(2023)
        );
        let range: PeriodSpec = "2016-2023".parse().unwrap();
        assert_eq!(range, PeriodSpec::Range(2016, 2023));
        assert!(range.admits("2020-05".parse().unwrap()));
        assert!(!range.admits("2024".parse().unwrap()));
        for bad in ["", "2023-2016", "last", "23", "2023-01"] {
            assert!(bad.parse::<PeriodSpec>().is_err(), "{bad}");
        }
    }
}
