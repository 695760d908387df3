//! The choropleth map of one indicator in one year: its values and the legend's bins, or why
//! there is no map. The map draws the indicator asked for or nothing, never another. The
//! province view's map and the map tab are both this one rule.
//!
//! A map needs two provinces with a figure: one alone compares nothing, but two already show
//! which is higher, and every other province is drawn hatched as "no data", so the map itself
//! says how little it holds. A higher threshold would hide a real comparison the table and
//! the chart show, and no count between two and the whole list is less arbitrary than two.

use crate::compare::{RankSpec, rank};
use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{ProvinceId, Scheme};
use crate::query::PeriodSpec;

use super::province::figure_mark;
use super::{LegendBin, MapRefusal, MapValue, MapView};

/// The most bins a legend has (one more when rounding the edges outward needs it).
const BINS: usize = 5;

/// The map of `indicator` for the year asked or, for `latest`, for the latest year of
/// `timeline` that has a map: a year in which one province alone has reported so far would
/// otherwise hide the year before, which the others reported. When no year has a map, the
/// latest year's refusal is the answer.
pub(super) fn map_view(
    dataset: &Dataset,
    indicator: &str,
    outlined: Option<ProvinceId>,
    scheme: Scheme,
    period: PeriodSpec,
    per_capita: bool,
    timeline: &[u16],
) -> Result<MapView> {
    let candidates: Vec<u16> = match period {
        PeriodSpec::Year(y) | PeriodSpec::Range(_, y) => vec![y],
        PeriodSpec::Latest => timeline.iter().rev().copied().collect(),
    };
    let empty = |year| MapView {
        indicator: indicator.to_owned(),
        year,
        refused: None,
        values: Vec::new(),
        bins: Vec::new(),
        legend_decimals: 0,
        outlined,
    };
    let mut newest: Option<MapView> = None;
    for year in candidates {
        let map = binned(
            empty(Some(year)),
            values_of(dataset, indicator, scheme, year, per_capita)?,
        );
        if map.refused.is_none() {
            return Ok(map);
        }
        newest.get_or_insert(map);
    }
    Ok(newest.unwrap_or_else(|| binned(empty(None), Vec::new())))
}

/// Every province's value of `indicator` in `year`, in the ranking's order: the map's table
/// lists its provinces first first.
fn values_of(
    dataset: &Dataset,
    indicator: &str,
    scheme: Scheme,
    year: u16,
    per_capita: bool,
) -> Result<Vec<MapValue>> {
    let ranked = rank(
        dataset,
        &RankSpec {
            indicator: indicator.to_owned(),
            period: PeriodSpec::Year(year),
            scheme: Some(scheme),
            per_capita,
            targets: false,
        },
    )?;
    Ok(ranked
        .entries
        .iter()
        .filter_map(|e| {
            Some(MapValue {
                province: e.province,
                value: e.figure.value?,
                qualifier: e.figure.qualifier,
                period: e.figure.period.to_string(),
                bin: 0,
                mark: figure_mark(&e.figure),
            })
        })
        .collect())
}

/// `map` with `values` placed in legend bins, or refused when fewer than two provinces have
/// a value (see the module's comment).
pub(super) fn binned(mut map: MapView, mut values: Vec<MapValue>) -> MapView {
    match values.len() {
        0 => map.refused = Some(MapRefusal::NoFigures),
        1 => map.refused = Some(MapRefusal::OneProvince),
        _ => {
            let all: Vec<f64> = values.iter().map(|v| v.value).collect();
            let mut bins = legend(&all);
            for value in &mut values {
                let bin = bin_of(&bins, value.value);
                if let Some(b) = bins.get_mut(bin) {
                    b.count += 1;
                }
                value.bin = bin as u32;
            }
            map.values = values;
            map.legend_decimals = legend_decimals(&bins);
            map.bins = bins;
        }
    }
    map
}

/// The fewest decimals (at most four) that write every edge of `bins` as it is: the legend's
/// edges are round, so a label never shows a rounded edge that differs from the true one.
pub(super) fn legend_decimals(bins: &[LegendBin]) -> u8 {
    let exact = |edge: f64, decimals: i32| {
        let scaled = edge * 10_f64.powi(decimals);
        (scaled - scaled.round()).abs() <= 1e-6 * scaled.abs().max(1.0)
    };
    (0_u8..4)
        .find(|&d| {
            let d = i32::from(d);
            bins.iter().all(|b| exact(b.from, d) && exact(b.to, d))
        })
        .unwrap_or(4)
}

/// The bin `value` falls in: the last whose lower edge it reaches.
fn bin_of(bins: &[LegendBin], value: f64) -> usize {
    bins.iter().rposition(|b| value >= b.from).unwrap_or(0)
}

/// A round step near `raw`, as a mantissa (1, 2, 2.5, 5 or 10) and a power of ten, so that
/// edges are computed as `k × mantissa` scaled once (0.6, not 0.6000000000000001).
fn round_step(raw: f64) -> (f64, i32) {
    let exponent = raw.log10().floor() as i32;
    let fraction = raw / 10_f64.powi(exponent);
    let mantissa = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|&n| fraction <= n)
        .unwrap_or(10.0);
    (mantissa, exponent)
}

/// `multiple × mantissa × 10^exponent`, rounded once.
fn edge(multiple: f64, (mantissa, exponent): (f64, i32)) -> f64 {
    if exponent >= 0 {
        multiple * mantissa * 10_f64.powi(exponent)
    } else {
        multiple * mantissa / 10_f64.powi(-exponent)
    }
}

/// Equal bins with round edges covering every value: at most [`BINS`] (plus one when the
/// rounded edges need it), one bin when all values are equal. Empty for no values.
pub(super) fn legend(values: &[f64]) -> Vec<LegendBin> {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (Some(low), Some(high)) = (finite.clone().reduce(f64::min), finite.reduce(f64::max)) else {
        return Vec::new();
    };
    if low == high {
        return vec![LegendBin {
            from: low,
            to: high,
            count: 0,
        }];
    }
    let step = round_step((high - low) / BINS as f64);
    let first = (low / edge(1.0, step)).floor();
    let mut bins: Vec<LegendBin> = Vec::with_capacity(BINS + 2);
    let mut from = edge(first, step);
    while from <= high && bins.len() <= BINS + 1 {
        let to = edge(first + (bins.len() + 1) as f64, step);
        bins.push(LegendBin { from, to, count: 0 });
        from = to;
    }
    // The first bin reaches down to the lowest value and the last up to the highest, whatever
    // the rounding did.
    if let Some(first) = bins.first_mut() {
        first.from = first.from.min(low);
    }
    if let Some(last) = bins.last_mut() {
        last.to = last.to.max(high);
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dti_like_scores_get_round_edges() {
        let bins = legend(&[0.4512, 0.5, 0.6274, 0.81]);
        let edges: Vec<f64> = bins.iter().map(|b| b.from).collect();
        assert_eq!(edges.len(), bins.len());
        assert!(bins.len() <= BINS + 1, "{bins:?}");
        assert!((bins[1].from - bins[0].from - 0.1).abs() < 1e-9, "{bins:?}");
    }

    #[test]
    fn legend_edges_are_written_with_the_decimals_they_need() {
        assert_eq!(legend_decimals(&legend(&[0.4512, 0.5, 0.6274, 0.81])), 1);
        assert_eq!(legend_decimals(&legend(&[1.0, 63.0])), 0);
        assert_eq!(legend_decimals(&legend(&[0.0, 0.001])), 4);
        assert_eq!(legend_decimals(&[]), 0);
    }

    #[test]
    fn fewer_than_two_values_refuse_the_map_and_two_draw_it() {
        let empty = || MapView {
            indicator: "x".to_owned(),
            year: Some(2024),
            refused: None,
            values: Vec::new(),
            bins: Vec::new(),
            legend_decimals: 0,
            outlined: None,
        };
        let value = |v: f64| MapValue {
            province: "p63:01".parse().expect("an id"),
            value: v,
            qualifier: crate::model::Qualifier::Exact,
            period: "2024".to_owned(),
            bin: 0,
            mark: super::super::FigureMark::Published,
        };
        assert_eq!(binned(empty(), vec![]).refused, Some(MapRefusal::NoFigures));
        assert_eq!(
            binned(empty(), vec![value(1.0)]).refused,
            Some(MapRefusal::OneProvince)
        );
        let two = binned(empty(), vec![value(1.0), value(3.0)]);
        assert_eq!(two.refused, None);
        assert_eq!(two.values.len(), 2);
        assert!(two.values[0].bin < two.values[1].bin, "{two:?}");
        assert_eq!(two.bins.iter().map(|b| b.count).sum::<u32>(), 2);
    }

    #[test]
    fn equal_values_make_one_bin() {
        assert_eq!(legend(&[3.0, 3.0]).len(), 1);
        assert!(legend(&[]).is_empty());
    }

    proptest! {
        #[test]
        fn every_value_falls_in_a_bin_that_holds_it(values in prop::collection::vec(-1e9_f64..1e9, 2..80)) {
            let bins = legend(&values);
            prop_assert!(!bins.is_empty() && bins.len() <= BINS + 1);
            for pair in bins.windows(2) {
                prop_assert!(pair[0].to == pair[1].from && pair[0].from < pair[0].to);
            }
            for &v in &values {
                let b = &bins[bin_of(&bins, v)];
                prop_assert!(b.from <= v && v <= b.to, "{v} not in {b:?}");
            }
        }
    }
}
