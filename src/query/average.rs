//! Averages as reference lines: the national and regional averages of an indicator for a
//! period, with their coverage (k of n provinces), for answers to draw beside the provinces and
//! never to rank among them.
//!
//! An average follows the indicator's rule: the unweighted mean of the provinces for `mean` (for
//! the DTI this is how the ministry publishes its national average), the weighted mean for
//! `weighted_mean:<weight>` (a population-weighted PAPI score is the average citizen's answer),
//! and for `sum` the mean per province (a national total is not a level a province compares
//! with). A rule of `none`, and targets, have no average, and the answer says why.
//!
//! Averages are over the 63-province list: the list the six GSO regions and the national indices
//! belong to (a 2025 province's figure is itself a combination of those). Only where no
//! province of that list reported is the national average taken over the 34 of 2025.

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{Aggregation, Province, Scheme};
use crate::query::combine::{Method, refusal};
use crate::query::{Options, PeriodSpec, Selector, group, members_of};

/// Which average a reference line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ReferenceKind {
    /// Over every province of the list.
    National,
    /// Over the provinces of one GSO region.
    Regional,
}

/// How an average was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum AverageBasis {
    /// The unweighted mean of the provinces (rule `mean`).
    Mean,
    /// The mean weighted by the rule's weight, or by population in its place.
    WeightedMean,
    /// The mean per province of a figure that adds up (rule `sum`).
    MeanPerProvince,
}

/// A national or regional average: a line to draw, not a province to rank.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceLine {
    /// National or regional.
    pub kind: ReferenceKind,
    /// The region's GSO code (`RRD` …), for a regional average.
    pub region: Option<String>,
    /// Vietnamese name (`Cả nước`, or the region's).
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// The average; `None` when no province reported or the figures could not be weighted.
    pub value: Option<f64>,
    /// How it was taken.
    pub basis: AverageBasis,
    /// The rule, the weight used and any substitute for it.
    pub method: Option<Method>,
    /// Why there is no value although provinces reported.
    pub refused: Option<String>,
    /// The list the average is over.
    pub scheme: Scheme,
    /// The calendar years of the figures averaged, oldest first.
    pub years: Vec<u16>,
    /// Provinces that reported (k).
    pub reported: usize,
    /// Provinces of the group (n).
    pub provinces: usize,
}

/// The reference lines of one answer, or why there are none.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct References {
    /// National first, then regions in GSO order.
    pub lines: Vec<ReferenceLine>,
    /// Why the indicator has no averages (its rule is `none`, or targets were asked for).
    pub refused: Option<String>,
}

impl References {
    /// None, since figures per capita are compared: averages are of the figures as published.
    #[must_use]
    pub fn not_per_capita() -> References {
        References {
            lines: Vec::new(),
            refused: Some("averages are of the figures as published, not per capita".to_owned()),
        }
    }
}

/// A request for the averages of one indicator.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AverageSpec {
    /// The indicator.
    pub indicator: String,
    /// Which period.
    #[serde(default)]
    pub period: PeriodSpec,
    /// The regions wanted, by GSO code; every region when absent, none when empty.
    #[serde(default)]
    pub regions: Option<Vec<String>>,
}

/// The national average of an indicator and its regions' averages, as reference lines.
///
/// ```
/// use ict_compare::{AverageSpec, Dataset, PeriodSpec, averages};
///
/// let dataset = Dataset::bundled()?;
/// let spec = AverageSpec {
///     indicator: "dti_score".into(),
///     period: PeriodSpec::Year(2024),
///     regions: Some(Vec::new()),
/// };
/// let national = &averages(&dataset, &spec)?.lines[0];
/// // The ministry's national average: the unweighted mean of the 63 provinces.
/// assert_eq!(format!("{:.4}", national.value.unwrap_or_default()), "0.6961");
/// assert_eq!((national.reported, national.provinces), (63, 63));
/// # Ok::<(), ict_compare::Error>(())
/// ```
pub fn averages(dataset: &Dataset, spec: &AverageSpec) -> Result<References> {
    let indicator = dataset.require_indicator(&spec.indicator)?;
    let regions: Vec<String> = spec.regions.clone().unwrap_or_else(|| {
        dataset
            .reference()
            .regions()
            .iter()
            .map(|r| r.code.clone())
            .collect()
    });
    Ok(references(
        Selector::new(dataset),
        indicator,
        spec.period,
        &regions,
        Options::default(),
    ))
}

/// The national average of `indicator` for `period`, and the averages of the regions named by
/// code in `regions` (ignored where the average is over the 2025 list, which has no regions).
pub(crate) fn references(
    selector: Selector<'_>,
    indicator: u32,
    period: PeriodSpec,
    regions: &[String],
    options: Options,
) -> References {
    let dataset = selector.dataset;
    let Some(definition) = dataset.indicators().get(indicator as usize) else {
        return References::default();
    };
    if let Some(reason) = refusal(definition, options) {
        return References {
            lines: Vec::new(),
            refused: Some(reason),
        };
    }
    let reference = dataset.reference();
    let mut scheme = Scheme::P63;
    let mut provinces: Vec<&Province> = reference.provinces_of(scheme).collect();
    let mut members = members_of(selector, indicator, &provinces, period, options);
    if members.is_empty() {
        scheme = Scheme::P34;
        provinces = reference.provinces_of(scheme).collect();
        members = members_of(selector, indicator, &provinces, period, options);
    }
    let basis = match definition.aggregation {
        Aggregation::Sum => AverageBasis::MeanPerProvince,
        Aggregation::Mean => AverageBasis::Mean,
        _ => AverageBasis::WeightedMean,
    };
    let line = |kind, region: Option<&crate::model::Region>, provinces: usize| {
        // A member belongs to a region by the reference's own record of it: one lookup each.
        let own: Vec<_> = members
            .iter()
            .filter(|m| {
                region.is_none_or(|r| {
                    reference
                        .province(m.province)
                        .is_some_and(|p| p.region.as_deref() == Some(r.code.as_str()))
                })
            })
            .copied()
            .collect();
        let key = region.map_or_else(|| "nation".to_owned(), |r| r.code.clone());
        let group = group(selector, definition, key, &own, provinces);
        ReferenceLine {
            kind,
            region: region.map(|r| r.code.clone()),
            name_vi: region.map_or_else(|| "Cả nước".to_owned(), |r| r.name_vi.clone()),
            name_en: region.map_or_else(|| "National".to_owned(), |r| r.name_en.clone()),
            value: match basis {
                AverageBasis::MeanPerProvince => group.stats.mean,
                _ => group.value,
            },
            basis,
            method: group.method,
            refused: group.refused,
            scheme,
            years: group.years,
            reported: group.reported,
            provinces: group.provinces,
        }
    };
    let mut lines = vec![line(ReferenceKind::National, None, provinces.len())];
    if scheme == Scheme::P63 {
        for region in reference.regions() {
            if !regions.contains(&region.code) {
                continue;
            }
            let size = provinces
                .iter()
                .filter(|p| p.region.as_deref() == Some(region.code.as_str()))
                .count();
            lines.push(line(ReferenceKind::Regional, Some(region), size));
        }
    }
    References {
        lines,
        refused: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Dataset, inline};

    const INDICATORS: &str = "\
index,index,digital_government,Chỉ số,Index,percent,,mean,higher,,Chỉ số.,Index.
boxes,boxes,infrastructure,Hộp,Boxes,count,,sum,higher,,Số hộp.,Boxes.
ranks,ranks,institutions,Hạng,Rank,count,,none,lower,,Hạng.,Rank.
";

    fn lines(dataset: &Dataset, indicator: &str, regions: &[&str]) -> References {
        let indicator = dataset.indicator_position(indicator).expect("an indicator");
        let regions: Vec<String> = regions.iter().map(|r| (*r).to_owned()).collect();
        references(
            Selector::new(dataset),
            indicator,
            PeriodSpec::Year(2024),
            &regions,
            Options::default(),
        )
    }

    /// Hà Nội and Hải Phòng are in the Red River Delta (11 provinces), Trà Vinh in the Mekong
    /// Delta (13).
    const ROWS: &str = "p63:01,index,2024,0.8\np63:31,index,2024,0.6\np63:84,index,2024,0.4\n\
        p63:01,boxes,2024,10\np63:84,boxes,2024,30\np63:01,ranks,2024,1\n";

    #[test]
    fn national_and_regional_averages_say_their_coverage() {
        let dataset = inline::dataset(INDICATORS, ROWS).expect("loads");
        let found = lines(&dataset, "index", &["RRD", "MRD"]);
        assert_eq!(found.refused, None);
        let [national, delta, mekong] = found.lines.as_slice() else {
            panic!("three lines: {:?}", found.lines);
        };
        assert_eq!(national.kind, ReferenceKind::National);
        assert!((national.value.expect("a value") - 0.6).abs() < 1e-12);
        assert_eq!((national.reported, national.provinces), (3, 63));
        assert_eq!(national.basis, AverageBasis::Mean);
        assert_eq!(delta.region.as_deref(), Some("RRD"));
        assert!((delta.value.expect("a value") - 0.7).abs() < 1e-12);
        assert_eq!((delta.reported, delta.provinces), (2, 11));
        assert_eq!((mekong.reported, mekong.provinces), (1, 13));
        assert_eq!(national.years, [2024]);
    }

    #[test]
    fn a_count_averages_per_province_and_none_has_no_average() {
        let dataset = inline::dataset(INDICATORS, ROWS).expect("loads");
        let counts = lines(&dataset, "boxes", &[]);
        let [national] = counts.lines.as_slice() else {
            panic!("one line: {:?}", counts.lines);
        };
        assert_eq!(national.basis, AverageBasis::MeanPerProvince);
        assert_eq!(national.value, Some(20.0));
        let ranks = lines(&dataset, "ranks", &["RRD"]);
        assert!(ranks.lines.is_empty());
        assert!(ranks.refused.expect("a reason").contains("none"));
    }

    #[test]
    fn only_2025_figures_average_over_the_2025_list_without_regions() {
        let rows = "p34:01,index,2024,0.8\np34:86,index,2024,0.4\n";
        let dataset = inline::dataset(INDICATORS, rows).expect("loads");
        let found = lines(&dataset, "index", &["RRD"]);
        let [national] = found.lines.as_slice() else {
            panic!("one line: {:?}", found.lines);
        };
        assert_eq!(national.scheme, Scheme::P34);
        assert_eq!((national.reported, national.provinces), (2, 34));
        assert!((national.value.expect("a value") - 0.6).abs() < 1e-12);
    }
}
