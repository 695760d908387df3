//! Summaries over provinces: count, sum, mean, median, minimum, maximum and weighted mean of one
//! indicator, grouped by region, by year, or not at all; or the number of figures per pillar.
//!
//! A statistic is an accumulator that figures are added to ([`Summary::add`]) and that merges
//! with another ([`Summary::merge`]), so a group is one pass over the index. Sums are given only
//! for additive units (a sum of shares means nothing); weighted means only for indicators whose
//! aggregation names a weight. Coverage says how many provinces reported.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::{Aggregation as Rule, Pillar, Scheme};
use crate::query::{Options, PeriodSpec, Selector};

/// How to group provinces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GroupBy {
    /// One group of all provinces.
    #[default]
    None,
    /// The six GSO regions (63-list only).
    Region,
    /// Calendar years.
    Year,
    /// Pillars: how many figures each pillar has (no indicator needed).
    Pillar,
}

/// What to aggregate.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AggregateSpec {
    /// The indicator (not needed when grouping by pillar).
    #[serde(default)]
    pub indicator: Option<String>,
    /// The grouping.
    #[serde(default)]
    pub group_by: GroupBy,
    /// The period (ignored when grouping by year, which takes every year).
    #[serde(default)]
    pub period: PeriodSpec,
    /// Targets instead of achievements.
    #[serde(default)]
    pub targets: bool,
}

/// An accumulator of figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    values: Vec<f64>,
    sum: f64,
    weighted_sum: f64,
    weight: f64,
    weighted_count: usize,
}

impl Summary {
    /// Adds a figure, with its weight when it has one.
    pub fn add(&mut self, value: f64, weight: Option<f64>) {
        self.values.push(value);
        self.sum += value;
        if let Some(w) = weight {
            self.weighted_sum += value * w;
            self.weight += w;
            self.weighted_count += 1;
        }
    }

    /// Adds everything another accumulator holds.
    pub fn merge(&mut self, other: &Summary) {
        self.values.extend_from_slice(&other.values);
        self.sum += other.sum;
        self.weighted_sum += other.weighted_sum;
        self.weight += other.weight;
        self.weighted_count += other.weighted_count;
    }

    /// How many figures.
    #[must_use]
    pub fn count(&self) -> usize {
        self.values.len()
    }

    fn stats(&self, additive: bool, weighted: bool) -> Stats {
        let n = self.values.len();
        let mut sorted = self.values.clone();
        sorted.sort_by(f64::total_cmp);
        let median = match n {
            0 => None,
            _ if n % 2 == 1 => Some(sorted[n / 2]),
            _ => Some(f64::midpoint(sorted[n / 2 - 1], sorted[n / 2])),
        };
        Stats {
            count: n,
            sum: (additive && n > 0).then_some(self.sum),
            mean: (n > 0).then(|| self.sum / n as f64),
            median,
            min: sorted.first().copied(),
            max: sorted.last().copied(),
            weighted_mean: (weighted && self.weighted_count == n && self.weight > 0.0)
                .then(|| self.weighted_sum / self.weight),
        }
    }
}

/// The statistics of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Figures in the group.
    pub count: usize,
    /// Their sum, for additive units.
    pub sum: Option<f64>,
    /// Their plain mean.
    pub mean: Option<f64>,
    /// Their median.
    pub median: Option<f64>,
    /// The smallest.
    pub min: Option<f64>,
    /// The largest.
    pub max: Option<f64>,
    /// Their mean weighted by the indicator's weight (population where that is unknown).
    pub weighted_mean: Option<f64>,
}

impl Stats {
    /// Checks that every statistic is finite, or says that computing `what` overflowed (see
    /// `Figure::ensure_finite`).
    fn ensure_finite(&self, what: impl FnOnce() -> String) -> Result<()> {
        let all = [
            self.sum,
            self.mean,
            self.median,
            self.min,
            self.max,
            self.weighted_mean,
        ];
        if all.iter().flatten().all(|v| v.is_finite()) {
            Ok(())
        } else {
            Err(Error::new(crate::error::ErrorKind::Overflow {
                what: what(),
            }))
        }
    }
}

/// One group of an aggregation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The region code, the year, the pillar, or `all`.
    pub key: String,
    /// The statistics.
    #[serde(flatten)]
    pub stats: Stats,
    /// Provinces that reported.
    pub reported: usize,
    /// Provinces in the group.
    pub provinces: usize,
}

/// The answer to an [`AggregateSpec`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Aggregation {
    /// The indicator, if one was asked for.
    pub indicator: Option<String>,
    /// The grouping.
    pub group_by: GroupBy,
    /// The weight used for weighted means, if any.
    pub weight: Option<String>,
    /// The groups, in key order.
    pub groups: Vec<Group>,
}

/// Aggregates one indicator over the 63 provinces (the list regions exist for).
pub fn aggregate(dataset: &Dataset, spec: &AggregateSpec) -> Result<Aggregation> {
    if spec.group_by == GroupBy::Pillar {
        return Ok(by_pillar(dataset, spec));
    }
    let id = spec
        .indicator
        .as_deref()
        .ok_or_else(|| Error::request("aggregate needs an indicator unless grouping by pillar"))?;
    let indicator = dataset.require_indicator(id)?;
    let definition = &dataset.indicators()[indicator as usize];
    let additive = definition.unit.is_additive();
    let weight = match &definition.aggregation {
        Rule::WeightedMean(weight)
            if weight == "population" || dataset.indicator_position(weight).is_some() =>
        {
            Some(weight.clone())
        }
        Rule::WeightedMean(_) => Some("population".to_owned()),
        _ => None,
    };
    let selector = Selector::new(dataset);
    let reference = dataset.reference();
    let options = Options {
        targets: spec.targets,
        include_partial: false,
    };
    let provinces: Vec<_> = reference.provinces_of(Scheme::P63).collect();
    let weight_of = |position: u16, row: u32| -> Option<f64> {
        let weight = weight.as_deref()?;
        let columns = dataset.columns();
        let province = reference.at(position).id;
        if weight == "population" {
            let year = columns.period[row as usize].calendar_year();
            return reference.population(province, year).map(|r| r.population);
        }
        let weight_indicator = dataset.indicator_position(weight)?;
        let weight_row = selector.pick(weight_indicator, position, spec.period, options)?;
        Some(columns.value[weight_row as usize])
    };

    let mut groups: BTreeMap<String, (Summary, usize)> = BTreeMap::new();
    let columns = dataset.columns();
    match spec.group_by {
        GroupBy::Year => {
            groups = by_year_latest(dataset, indicator, options, &weight_of);
            for entry in groups.values_mut() {
                entry.1 = provinces.len();
            }
        }
        GroupBy::Region | GroupBy::None => {
            for province in &provinces {
                let key = match spec.group_by {
                    GroupBy::Region => province.region.clone().unwrap_or_default(),
                    _ => "all".to_owned(),
                };
                let entry = groups.entry(key).or_default();
                entry.1 += 1;
                let Some(position) = reference.position(province.id) else {
                    continue;
                };
                if let Some(row) = selector.pick(indicator, position, spec.period, options) {
                    entry
                        .0
                        .add(columns.value[row as usize], weight_of(position, row));
                }
            }
        }
        GroupBy::Pillar => unreachable!("handled above"),
    }
    let groups: Vec<Group> = groups
        .into_iter()
        .map(|(key, (summary, provinces))| Group {
            key,
            reported: summary.count(),
            stats: summary.stats(additive, weight.is_some()),
            provinces,
        })
        .collect();
    for group in &groups {
        group
            .stats
            .ensure_finite(|| format!("the {id} summary of {}", group.key))?;
    }
    Ok(Aggregation {
        indicator: Some(id.to_owned()),
        group_by: spec.group_by,
        weight: weight.clone(),
        groups,
    })
}

/// One figure per province and calendar year (the latest period within the year).
fn by_year_latest(
    dataset: &Dataset,
    indicator: u32,
    options: Options,
    weight_of: &dyn Fn(u16, u32) -> Option<f64>,
) -> BTreeMap<String, (Summary, usize)> {
    let columns = dataset.columns();
    let mut groups: BTreeMap<String, (Summary, usize)> = BTreeMap::new();
    let mut last: Option<(u16, u16, u32)> = None;
    let flush = |entry: Option<(u16, u16, u32)>,
                 groups: &mut BTreeMap<String, (Summary, usize)>| {
        if let Some((position, year, row)) = entry {
            groups
                .entry(year.to_string())
                .or_default()
                .0
                .add(columns.value[row as usize], weight_of(position, row));
        }
    };
    for &row in dataset.index().of_indicator(indicator) {
        let r = row as usize;
        if columns.scope[r] != 0 || columns.is_target[r] != options.targets {
            continue;
        }
        let position = columns.province[r];
        if dataset.reference().at(position).id.scheme != Scheme::P63 {
            continue;
        }
        let year = columns.period[r].calendar_year();
        match last {
            // Rows are ordered by province then period: a later row of the same year wins.
            Some((p, y, _)) if p == position && y == year => last = Some((position, year, row)),
            _ => {
                flush(last, &mut groups);
                last = Some((position, year, row));
            }
        }
    }
    flush(last, &mut groups);
    groups
}

fn by_pillar(dataset: &Dataset, spec: &AggregateSpec) -> Aggregation {
    let columns = dataset.columns();
    let mut groups: BTreeMap<Pillar, (usize, std::collections::BTreeSet<u16>)> = BTreeMap::new();
    for row in 0..columns.len() {
        if columns.is_target[row] != spec.targets || !spec.period.admits(columns.period[row]) {
            continue;
        }
        let pillar = dataset.indicators()[columns.indicator[row] as usize].pillar;
        let entry = groups.entry(pillar).or_default();
        entry.0 += 1;
        entry.1.insert(columns.province[row]);
    }
    let total = dataset.reference().provinces_of(Scheme::P63).count();
    Aggregation {
        indicator: None,
        group_by: GroupBy::Pillar,
        weight: None,
        groups: groups
            .into_iter()
            .map(|(pillar, (count, provinces))| Group {
                key: pillar.as_str().to_owned(),
                stats: Stats {
                    count,
                    sum: None,
                    mean: None,
                    median: None,
                    min: None,
                    max: None,
                    weighted_mean: None,
                },
                reported: provinces.len(),
                provinces: total,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sum_past_the_range_of_numbers_is_an_overflow_error() {
        let mut summary = Summary::default();
        summary.add(f64::MAX, None);
        summary.add(f64::MAX, None);
        let stats = summary.stats(true, false);
        let error = stats.ensure_finite(|| "the sum".into()).unwrap_err();
        assert_eq!(error.kind().code(), "overflow");
        let mut summary = Summary::default();
        summary.add(1e11, None);
        assert!(
            summary
                .stats(true, false)
                .ensure_finite(String::new)
                .is_ok()
        );
    }

    #[test]
    fn summaries_merge_like_one_pass() {
        let mut a = Summary::default();
        a.add(1.0, Some(10.0));
        a.add(5.0, Some(30.0));
        let mut b = Summary::default();
        b.add(3.0, Some(60.0));
        a.merge(&b);
        let stats = a.stats(true, true);
        assert_eq!(stats.count, 3);
        assert_eq!(stats.sum, Some(9.0));
        assert_eq!(stats.median, Some(3.0));
        assert_eq!((stats.min, stats.max), (Some(1.0), Some(5.0)));
        assert!((stats.weighted_mean.unwrap() - (10.0 + 150.0 + 180.0) / 100.0).abs() < 1e-12);
    }

    #[test]
    fn shares_have_no_sum_and_empty_groups_no_mean() {
        let mut a = Summary::default();
        a.add(40.0, None);
        a.add(60.0, None);
        let stats = a.stats(false, false);
        assert_eq!(
            (stats.sum, stats.mean, stats.median),
            (None, Some(50.0), Some(50.0))
        );
        assert_eq!(Summary::default().stats(true, true).mean, None);
    }
}
