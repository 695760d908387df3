//! Ranking the provinces on one indicator, honestly.
//!
//! Ranks are competition ranks (1, 2, 2, 4): provinces with the same value and qualifier share
//! one. A qualified figure is an interval, so "over 74 %" and "75 %" cannot be put in order;
//! each entry lists the provinces its order is uncertain with. The order never contradicts the
//! intervals: a province certainly ahead of another is ranked before it.
//!
//! The national average, and for the 63-province list each region's, come with the ranking as
//! reference lines: drawn beside the provinces, never ranked among them.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::compare::matrix::in_scheme;
use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{Better, ProvinceId, Qualifier, Scheme};
use crate::query::{
    Figure, Options, PER_CAPITA_UNIT, PeriodSpec, References, Selector, has_per_capita, per_capita,
    references,
};

/// A ranking request.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RankSpec {
    /// The one indicator ranked.
    pub indicator: String,
    /// Which period.
    #[serde(default)]
    pub period: PeriodSpec,
    /// Rank the 63 provinces (default) or the 34 of 2025 (by roll-up).
    #[serde(default)]
    pub scheme: Option<Scheme>,
    /// Counts and amounts per 100 000 people.
    #[serde(default)]
    pub per_capita: bool,
    /// Targets instead of achievements.
    #[serde(default)]
    pub targets: bool,
}

/// One ranked province.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RankEntry {
    /// 1-based competition rank.
    pub rank: usize,
    /// The province.
    pub province: ProvinceId,
    /// Its figure.
    pub figure: Figure,
    /// Whether another province shares the rank.
    pub tied: bool,
    /// Provinces whose order relative to this one the qualifiers leave open.
    pub uncertain_with: Vec<ProvinceId>,
}

/// The answer to a [`RankSpec`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ranking {
    /// The indicator.
    pub indicator: String,
    /// The direction ranked in (`none` ranks from the largest).
    pub better: Better,
    /// Ranked provinces, first first.
    pub entries: Vec<RankEntry>,
    /// The list ranked.
    pub scheme: Scheme,
    /// The unit of the values (`per_100000_people` per capita).
    pub unit: String,
    /// Whether the values are per capita.
    pub per_capita: bool,
    /// Why per capita was asked for and not applied: the figures are shown as published.
    pub per_capita_refused: Option<String>,
    /// Whether the figures come from different years.
    pub mixed_periods: bool,
    /// Provinces of the scheme with no figure.
    pub missing: usize,
    /// The national average and, for the 63-province list, the six regions' (not ranked).
    pub references: References,
}

/// Ranks every province of the scheme that reports the indicator.
pub fn rank(dataset: &Dataset, spec: &RankSpec) -> Result<Ranking> {
    let (indicator, definition) = dataset.require_definition(&spec.indicator)?;
    let scheme = spec.scheme.unwrap_or(Scheme::P63);
    let normalise = spec.per_capita && has_per_capita(&definition.aggregation);
    let selector = Selector::new(dataset);
    let options = Options {
        targets: spec.targets,
        include_partial: false,
    };
    let all: Vec<ProvinceId> = dataset
        .reference()
        .provinces_of(scheme)
        .map(|p| p.id)
        .collect();
    let provinces = in_scheme(dataset, &all, Some(scheme))?;
    let mut figures = ranked_figures(selector, spec, indicator, &provinces, normalise, options)?;
    let missing = provinces.len() - figures.len();
    let descending = definition.better != Better::Lower;
    crate::order::sort_by(&mut figures, |(pa, a), (pb, b)| {
        order(a, b, descending).then(pa.cmp(pb))
    });
    let ceiling = definition.unit.maximum().unwrap_or(f64::INFINITY);
    let intervals: Vec<_> = figures
        .iter()
        .filter_map(|(_, f)| f.interval(ceiling))
        .collect();
    let mut entries: Vec<RankEntry> = Vec::with_capacity(figures.len());
    for (i, (province, figure)) in figures.iter().enumerate() {
        let same_as_previous = i > 0 && same(&figures[i - 1].1, figure);
        let rank = if same_as_previous {
            entries[i - 1].rank
        } else {
            i + 1
        };
        let uncertain_with = figures
            .iter()
            .enumerate()
            .filter(|&(j, (_, other))| {
                j != i
                    && !same(figure, other)
                    && !intervals[i].entirely_above(&intervals[j])
                    && !intervals[j].entirely_above(&intervals[i])
            })
            .map(|(_, (p, _))| *p)
            .collect();
        entries.push(RankEntry {
            rank,
            province: *province,
            figure: figure.clone(),
            tied: false,
            uncertain_with,
        });
    }
    for i in 0..entries.len() {
        let tied = entries
            .iter()
            .enumerate()
            .any(|(j, e)| j != i && e.rank == entries[i].rank);
        entries[i].tied = tied;
    }
    let mixed_periods = {
        let mut years: Vec<u16> = figures
            .iter()
            .map(|(_, f)| f.period.calendar_year())
            .collect();
        crate::order::sort_distinct(&mut years);
        years.len() > 1
    };
    let references = ranking_references(selector, indicator, scheme, normalise, spec, options);
    Ok(Ranking {
        indicator: spec.indicator.clone(),
        better: definition.better,
        scheme,
        per_capita: normalise,
        per_capita_refused: (spec.per_capita && !normalise).then(|| not_per_capita(definition)),
        unit: if normalise {
            PER_CAPITA_UNIT.to_owned()
        } else {
            definition.unit.as_str().to_owned()
        },
        entries,
        mixed_periods,
        missing,
        references,
    })
}

/// The figure of every province that has one, per capita when `normalise`; an infinite one
/// is an overflow error.
fn ranked_figures(
    selector: Selector<'_>,
    spec: &RankSpec,
    indicator: u32,
    provinces: &[ProvinceId],
    normalise: bool,
    options: Options,
) -> Result<Vec<(ProvinceId, Figure)>> {
    let definition = &selector.dataset.indicators()[indicator as usize];
    let mut figures = Vec::with_capacity(provinces.len());
    for &province in provinces {
        let Some(figure) = selector.figure(indicator, province, spec.period, options) else {
            continue;
        };
        let figure = if normalise {
            match per_capita(selector, &figure, &definition.aggregation, province) {
                Some(figure) => figure,
                None => continue,
            }
        } else {
            figure
        };
        figure.ensure_finite(|| format!("{} for {province}", spec.indicator))?;
        if figure.value.is_some() {
            figures.push((province, figure));
        }
    }
    Ok(figures)
}

/// Why an indicator has no per-capita form (it does not add up across provinces).
pub(crate) fn not_per_capita(definition: &crate::model::Indicator) -> String {
    format!(
        "{} has no per-capita form: only indicators aggregated by sum do (its rule is {}); shown as published",
        definition.id, definition.aggregation
    )
}

/// The national average, and each region's for the 63-province list; none per capita.
fn ranking_references(
    selector: Selector<'_>,
    indicator: u32,
    scheme: Scheme,
    normalise: bool,
    spec: &RankSpec,
    options: Options,
) -> References {
    if normalise {
        return References::not_per_capita();
    }
    let regions: Vec<String> = match scheme {
        Scheme::P63 => selector
            .dataset
            .reference()
            .regions()
            .iter()
            .map(|r| r.code.clone())
            .collect(),
        Scheme::P34 => Vec::new(),
    };
    references(selector, indicator, spec.period, &regions, options)
}

/// A qualifier's lean: where within the stated number the truth lies.
fn lean(q: Qualifier) -> i8 {
    match q {
        Qualifier::Over | Qualifier::AtLeast => 1,
        Qualifier::Exact | Qualifier::About => 0,
        Qualifier::Nearly | Qualifier::Under | Qualifier::AtMost => -1,
    }
}

fn order(a: &Figure, b: &Figure, descending: bool) -> Ordering {
    let key = |f: &Figure| (f.value.unwrap_or(f64::NEG_INFINITY), lean(f.qualifier));
    let (va, la) = key(a);
    let (vb, lb) = key(b);
    let ascending = va.total_cmp(&vb).then(la.cmp(&lb));
    if descending {
        ascending.reverse()
    } else {
        ascending
    }
}

fn same(a: &Figure, b: &Figure) -> bool {
    a.value == b.value && a.qualifier == b.qualifier
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn figure(value: f64, qualifier: Qualifier) -> Figure {
        Figure::reported(2023, value, qualifier)
    }

    #[test]
    fn over_sorts_above_the_same_exact_number() {
        let over = figure(74.0, Qualifier::Over);
        let exact = figure(74.0, Qualifier::Exact);
        assert_eq!(order(&over, &exact, true), Ordering::Less);
    }

    #[test]
    fn per_capita_on_a_share_ranks_as_reported_and_says_why() {
        let dataset = Dataset::bundled().unwrap();
        let spec = |per_capita| RankSpec {
            indicator: "households_fibre_share".into(),
            period: PeriodSpec::Latest,
            scheme: None,
            per_capita,
            targets: false,
        };
        let plain = rank(&dataset, &spec(false)).unwrap();
        let asked = rank(&dataset, &spec(true)).unwrap();
        assert_eq!(plain.per_capita_refused, None);
        assert_eq!(asked.entries, plain.entries);
        assert!(!asked.entries.is_empty());
        let why = asked.per_capita_refused.expect("the reason");
        assert!(why.contains("weighted_mean"), "{why}");
    }

    proptest! {
        #[test]
        fn sorted_order_never_contradicts_the_intervals(
            values in proptest::collection::vec((0_u8..20, 0_usize..7), 2..30)
        ) {
            let figures: Vec<Figure> = values
                .iter()
                .map(|&(v, q)| figure(f64::from(v) * 5.0, Qualifier::ALL[q]))
                .collect();
            let mut sorted = figures.clone();
            sorted.sort_by(|a, b| order(a, b, true));
            // A permutation of the input.
            prop_assert_eq!(sorted.len(), figures.len());
            for (i, a) in sorted.iter().enumerate() {
                for b in &sorted[i + 1..] {
                    let (ia, ib) = (a.interval(100.0).unwrap(), b.interval(100.0).unwrap());
                    prop_assert!(!ib.entirely_above(&ia), "{a:?} ranked before {b:?}");
                }
            }
        }
    }
}
