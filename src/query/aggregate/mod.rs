//! Summaries over provinces: one indicator combined over the nation, each region, or each year,
//! by the indicator's rule; or the number of figures per pillar.
//!
//! Each group says what the rule gives (a total for `sum`, the unweighted mean for `mean`, the
//! weighted mean for `weighted_mean:<weight>`, naming the weight and any substitute for it) and
//! plain statistics beside it: count, mean, median, minimum, maximum, and a sum only where the
//! rule is `sum` (a sum of shares means nothing). An indicator whose rule is `none`, and targets,
//! are refused with the reason. Coverage says how many provinces of the group reported.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::{Aggregation as Rule, Pillar, Province, Scheme};
use crate::query::combine::{Member, Method, combine, refusal};
use crate::query::{Options, PeriodSpec, Selector};

/// How to group provinces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GroupBy {
    /// One group of all the provinces of the list.
    #[default]
    #[serde(alias = "none")]
    Nation,
    /// The six GSO regions (63-list only: the 2025 provinces have no official regions yet).
    Region,
    /// Calendar years.
    Year,
    /// Pillars: how many figures each pillar has (of one indicator, or of all).
    Pillar,
}

impl std::str::FromStr for GroupBy {
    type Err = Error;
    fn from_str(text: &str) -> Result<Self> {
        match text {
            "nation" => Ok(GroupBy::Nation),
            "region" => Ok(GroupBy::Region),
            "year" => Ok(GroupBy::Year),
            "pillar" => Ok(GroupBy::Pillar),
            other => Err(Error::request(format!(
                "group {other:?}: expected nation, region, year or pillar"
            ))),
        }
    }
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
    /// The period (grouping by year takes every year within it).
    #[serde(default)]
    pub period: PeriodSpec,
    /// The list of provinces: the 63 (default) or the 34 of 2025.
    #[serde(default)]
    pub scheme: Option<Scheme>,
    /// Targets instead of achievements: always refused, since targets never combine.
    #[serde(default)]
    pub targets: bool,
}

/// An accumulator of figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    values: Vec<f64>,
}

impl Summary {
    /// Adds a figure.
    pub fn add(&mut self, value: f64) {
        self.values.push(value);
    }

    /// Adds everything another accumulator holds.
    pub fn merge(&mut self, other: &Summary) {
        self.values.extend_from_slice(&other.values);
    }

    /// How many figures.
    #[must_use]
    pub fn count(&self) -> usize {
        self.values.len()
    }

    /// The statistics of the figures; a sum only where the rule adds figures up.
    #[must_use]
    pub fn stats(&self, rule: &Rule) -> Stats {
        let n = self.values.len();
        let mut sorted = self.values.clone();
        crate::order::sort_by(&mut sorted, f64::total_cmp);
        let middle = |i: usize| sorted.get(i).copied();
        let median = match n {
            0 => None,
            _ if n % 2 == 1 => middle(n / 2),
            _ => middle(n / 2 - 1)
                .zip(middle(n / 2))
                .map(|(a, b)| f64::midpoint(a, b)),
        };
        let sum: f64 = self.values.iter().sum();
        Stats {
            count: n,
            sum: (*rule == Rule::Sum && n > 0).then_some(sum),
            mean: (n > 0).then(|| sum / n as f64),
            median,
            min: sorted.first().copied(),
            max: sorted.last().copied(),
        }
    }
}

/// Plain statistics of one group's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Figures in the group.
    pub count: usize,
    /// Their sum, where the rule is `sum`.
    pub sum: Option<f64>,
    /// Their unweighted mean.
    pub mean: Option<f64>,
    /// Their median.
    pub median: Option<f64>,
    /// The smallest.
    pub min: Option<f64>,
    /// The largest.
    pub max: Option<f64>,
}

impl Stats {
    /// Checks that every statistic is finite, or says that computing `what` overflowed (see
    /// `Figure::ensure_finite`).
    fn ensure_finite(&self, what: impl FnOnce() -> String) -> Result<()> {
        let all = [self.sum, self.mean, self.median, self.min, self.max];
        if all.iter().flatten().all(|v| v.is_finite()) {
            Ok(())
        } else {
            Err(Error::new(crate::error::ErrorKind::Overflow {
                what: what(),
            }))
        }
    }
}

impl Group {
    /// Checks that the group's value and statistics are finite (see `Stats::ensure_finite`).
    fn ensure_finite(&self, what: impl FnOnce() -> String) -> Result<()> {
        if self.value.is_some_and(|v| !v.is_finite()) {
            return Err(Error::new(crate::error::ErrorKind::Overflow {
                what: what(),
            }));
        }
        self.stats.ensure_finite(what)
    }
}

/// One group of an aggregation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// `nation`, the region code, the year, or the pillar.
    pub key: String,
    /// What the indicator's rule gives for the group: the total (`sum`), the unweighted mean
    /// (`mean`) or the weighted mean (`weighted_mean:<weight>`). `None` without figures.
    pub value: Option<f64>,
    /// How `value` was made: the rule, the weight used and any substitute for it.
    pub method: Option<Method>,
    /// Why the group's figures have no `value` although they exist (no weight for them).
    pub refused: Option<String>,
    /// The plain statistics.
    #[serde(flatten)]
    pub stats: Stats,
    /// Provinces that reported.
    pub reported: usize,
    /// Provinces in the group.
    pub provinces: usize,
    /// The calendar years of the figures, oldest first.
    pub years: Vec<u16>,
}

/// The answer to an [`AggregateSpec`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Aggregation {
    /// The indicator, if one was asked for.
    pub indicator: Option<String>,
    /// The grouping.
    pub group_by: GroupBy,
    /// The list of provinces.
    pub scheme: Scheme,
    /// The period asked for.
    pub period: PeriodSpec,
    /// The indicator's aggregation rule.
    pub rule: Option<String>,
    /// The weight the rule names, for a weighted mean (each group says the weight it used).
    pub weight: Option<String>,
    /// The groups, in key order.
    pub groups: Vec<Group>,
}

/// One group per GSO region, each of its own members' figures.
fn by_region(
    selector: Selector<'_>,
    definition: &crate::model::Indicator,
    provinces: &[&Province],
    members: &[Member],
) -> Vec<Group> {
    selector
        .dataset
        .reference()
        .regions()
        .iter()
        .map(|region| {
            let in_region: Vec<&Province> = provinces
                .iter()
                .copied()
                .filter(|p| p.region.as_deref() == Some(region.code.as_str()))
                .collect();
            let own: Vec<Member> = members
                .iter()
                .filter(|m| in_region.iter().any(|p| p.id == m.province))
                .copied()
                .collect();
            group(
                selector,
                definition,
                region.code.clone(),
                &own,
                in_region.len(),
            )
        })
        .collect()
}

/// Aggregates one indicator over the provinces of a list, by its rule.
pub fn aggregate(dataset: &Dataset, spec: &AggregateSpec) -> Result<Aggregation> {
    let scheme = spec.scheme.unwrap_or(Scheme::P63);
    if spec.group_by == GroupBy::Pillar {
        return by_pillar(dataset, spec, scheme);
    }
    let id = spec
        .indicator
        .as_deref()
        .ok_or_else(|| Error::request("aggregate needs an indicator unless grouping by pillar"))?;
    let (indicator, definition) = dataset.require_definition(id)?;
    let options = Options {
        targets: spec.targets,
        include_partial: false,
    };
    if let Some(reason) = refusal(definition, options) {
        return Err(Error::request(format!("not aggregated: {reason}")));
    }
    if spec.group_by == GroupBy::Region && scheme == Scheme::P34 {
        return Err(Error::request(
            "not aggregated: the 2025 provinces have no official regions yet; group the 63-province list by region",
        ));
    }
    let selector = Selector::new(dataset);
    let provinces: Vec<&Province> = dataset.reference().provinces_of(scheme).collect();
    let groups = match spec.group_by {
        GroupBy::Year => {
            let years = selector.years_of_indicator(indicator, spec.period, options);
            years
                .into_iter()
                .map(|year| {
                    let members = members_of(
                        selector,
                        indicator,
                        &provinces,
                        PeriodSpec::Year(year),
                        options,
                    );
                    group(
                        selector,
                        definition,
                        year.to_string(),
                        &members,
                        provinces.len(),
                    )
                })
                .collect()
        }
        GroupBy::Region => {
            let members = members_of(selector, indicator, &provinces, spec.period, options);
            by_region(selector, definition, &provinces, &members)
        }
        GroupBy::Nation | GroupBy::Pillar => {
            let members = members_of(selector, indicator, &provinces, spec.period, options);
            vec![group(
                selector,
                definition,
                "nation".to_owned(),
                &members,
                provinces.len(),
            )]
        }
    };
    for group in &groups {
        group.ensure_finite(|| format!("the {id} summary of {}", group.key))?;
    }
    Ok(Aggregation {
        indicator: Some(id.to_owned()),
        group_by: spec.group_by,
        scheme,
        period: spec.period,
        rule: Some(definition.aggregation.to_string()),
        weight: match &definition.aggregation {
            Rule::WeightedMean(weight) => Some(weight.clone()),
            _ => None,
        },
        groups,
    })
}

/// Each province's figure with a value (published, or rolled up for a 2025 province), as the
/// value and year a combination needs: a 63-list province's is read straight from its row.
pub(crate) fn members_of(
    selector: Selector<'_>,
    indicator: u32,
    provinces: &[&Province],
    period: PeriodSpec,
    options: Options,
) -> Vec<Member> {
    let dataset = selector.dataset;
    provinces
        .iter()
        .filter_map(|p| {
            let (value, period) = match p.id.scheme {
                Scheme::P63 => {
                    let position = dataset.reference().position(p.id)?;
                    let row = selector.pick(indicator, position, period, options)? as usize;
                    let row = dataset.row(row)?;
                    (row.value, row.period)
                }
                Scheme::P34 => {
                    let figure = selector.figure(indicator, p.id, period, options)?;
                    (figure.value?, figure.period)
                }
            };
            Some(Member {
                province: p.id,
                value,
                year: period.calendar_year(),
            })
        })
        .collect()
}

/// One group: its members' figures combined by the rule, and their plain statistics.
pub(crate) fn group(
    selector: Selector<'_>,
    definition: &crate::model::Indicator,
    key: String,
    members: &[Member],
    provinces: usize,
) -> Group {
    let mut summary = Summary::default();
    for member in members {
        summary.add(member.value);
    }
    let mut years: Vec<u16> = members.iter().map(|m| m.year).collect();
    crate::order::sort_distinct(&mut years);
    // The weight indicator is read for the same years as the figures.
    let period = match (years.first(), years.last()) {
        (Some(&first), Some(&last)) if first == last => PeriodSpec::Year(first),
        (Some(&first), Some(&last)) => PeriodSpec::Range(first, last),
        _ => PeriodSpec::Latest,
    };
    let (value, method, refused) = if members.is_empty() {
        (None, None, None)
    } else {
        match combine(selector, definition, members, period, Options::default()) {
            Ok(combined) => (Some(combined.value), Some(combined.method), None),
            Err(reason) => (None, None, Some(reason)),
        }
    };
    Group {
        key,
        value,
        method,
        refused,
        stats: summary.stats(&definition.aggregation),
        reported: members.len(),
        provinces,
        years: years.into_iter().collect(),
    }
}

fn by_pillar(dataset: &Dataset, spec: &AggregateSpec, scheme: Scheme) -> Result<Aggregation> {
    let only = spec
        .indicator
        .as_deref()
        .map(|id| dataset.require_indicator(id))
        .transpose()?;
    let reference = dataset.reference();
    let mut groups: BTreeMap<Pillar, (usize, BTreeSet<u16>, BTreeSet<u16>)> = BTreeMap::new();
    for row in dataset.rows() {
        let indicator = row.indicator;
        if only.is_some_and(|i| i != indicator)
            || row.is_target != spec.targets
            || !spec.period.admits(row.period)
        {
            continue;
        }
        let Some(definition) = dataset.indicators().get(indicator as usize) else {
            continue;
        };
        // A 63-list figure counts for the 2025 province that holds it, and the other way not.
        let province = reference.at(row.province);
        let holder = match (scheme, province.id.scheme) {
            (Scheme::P34, Scheme::P63) => province.merged_into.unwrap_or(province.id),
            _ => province.id,
        };
        if holder.scheme != scheme {
            continue;
        }
        let entry = groups.entry(definition.pillar).or_default();
        entry.0 += 1;
        entry.1.insert(u16::from(holder.code));
        entry.2.insert(row.period.calendar_year());
    }
    let total = reference.provinces_of(scheme).count();
    Ok(Aggregation {
        indicator: spec.indicator.clone(),
        group_by: GroupBy::Pillar,
        scheme,
        period: spec.period,
        rule: None,
        weight: None,
        groups: groups
            .into_iter()
            .map(|(pillar, (count, provinces, years))| Group {
                key: pillar.as_str().to_owned(),
                value: None,
                method: None,
                refused: None,
                stats: Stats {
                    count,
                    sum: None,
                    mean: None,
                    median: None,
                    min: None,
                    max: None,
                },
                reported: provinces.len(),
                provinces: total,
                years: years.into_iter().collect(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests;
