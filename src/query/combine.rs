//! How the figures of several provinces combine into one figure, by the indicator's rule.
//!
//! The rule is the indicator's `aggregation`, never its unit: `sum` adds (counts, amounts),
//! `mean` takes the unweighted mean (composite indices: how the ministry rolls the provincial
//! DTI up to the 2025 provinces), `weighted_mean:<weight>` weights each figure by `<weight>`
//! (GSO population or area, or the indicator of the dataset named like the weight), and `none`
//! is refused with its reason. A weight unknown for some province is replaced by population for
//! all of them, and the answer says so: a substituted weight is never silent. Targets are never
//! combined: each province sets its own.
//!
//! Roll-ups into the 2025 provinces and averages over the country and its regions both combine
//! through here, so the two can never follow different rules. This module knows nothing of which
//! provinces are combined, or why.

use serde::Serialize;

use crate::model::{Aggregation, Indicator, ProvinceId, Scheme};
use crate::query::{Options, PeriodSpec, Selector};
use crate::shortest::Shortest;

/// The weight population stands in for when another weight is unknown.
const POPULATION: &str = "population";

/// How a combined figure was made: the rule, and the weight actually used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Method {
    /// The indicator's rule as written in `indicators.csv` (`sum`, `mean`,
    /// `weighted_mean:households`).
    pub rule: String,
    /// The weight the figures were weighted by, for a weighted mean: the rule's own weight, or
    /// `population` in its place (see `fallback`).
    pub weight: Option<String>,
    /// Why the weight used is not the rule's, when it is not (`in place of households, not known
    /// for p63:84`).
    pub fallback: Option<String>,
    /// The GSO population year used, where population was the weight.
    pub population_year: Option<u16>,
}

impl Method {
    /// The method in a few words (`mean weighted by population`).
    #[must_use]
    pub fn describe(&self) -> String {
        match (&self.weight, &self.fallback) {
            (Some(weight), Some(fallback)) => format!("mean weighted by {weight} ({fallback})"),
            (Some(weight), None) => format!("mean weighted by {weight}"),
            (None, _) if self.rule == "sum" => "sum".to_owned(),
            (None, _) => "unweighted mean".to_owned(),
        }
    }
}

/// One province's figure, to be combined with others'.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Member {
    pub(crate) province: ProvinceId,
    pub(crate) value: f64,
    /// The calendar year of the figure, for the population or area that weights it.
    pub(crate) year: u16,
}

/// Several provinces' figures made into one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Combined {
    pub(crate) value: f64,
    pub(crate) method: Method,
}

/// Why figures were not combined, in words.
pub(crate) type Refusal = String;

/// Whether the indicator's figures may be combined at all, and if not, why.
pub(crate) fn refusal(definition: &Indicator, options: Options) -> Option<Refusal> {
    if options.targets {
        return Some(format!(
            "{}: targets are never combined across provinces (each province sets its own)",
            definition.id
        ));
    }
    match definition.aggregation {
        Aggregation::None => Some(format!(
            "{}: its rule is `none`: figures of different provinces do not combine",
            definition.id
        )),
        _ => None,
    }
}

/// Combines `members` by the rule of `definition`. `period` and `options` pick the figures of
/// an indicator used as a weight.
pub(crate) fn combine(
    selector: Selector<'_>,
    definition: &Indicator,
    members: &[Member],
    period: PeriodSpec,
    options: Options,
) -> Result<Combined, Refusal> {
    if let Some(reason) = refusal(definition, options) {
        return Err(reason);
    }
    let values: Vec<f64> = members.iter().map(|m| m.value).collect();
    if values.is_empty() {
        return Err(format!("{}: no figure to combine", definition.id));
    }
    let rule = definition.aggregation.to_string();
    let plain = |value: f64| Combined {
        value,
        method: Method {
            rule: rule.clone(),
            weight: None,
            fallback: None,
            population_year: None,
        },
    };
    match &definition.aggregation {
        Aggregation::Sum => Ok(plain(values.iter().sum())),
        Aggregation::Mean => Ok(plain(values.iter().sum::<f64>() / values.len() as f64)),
        Aggregation::WeightedMean(weight) => {
            let weights = weights(selector, weight, members, period, options)?;
            let total: f64 = weights.values.iter().sum();
            if total <= 0.0 || !total.is_finite() {
                return Err(format!(
                    "{}: the weights ({}) add up to {}: no weighted mean",
                    definition.id,
                    weights.name,
                    Shortest(total)
                ));
            }
            let value = values
                .iter()
                .zip(&weights.values)
                .map(|(v, w)| v * w)
                .sum::<f64>()
                / total;
            Ok(Combined {
                value,
                method: Method {
                    rule,
                    weight: Some(weights.name),
                    fallback: weights.fallback,
                    population_year: weights.population_year,
                },
            })
        }
        Aggregation::None => Err(format!("{}: its rule is `none`", definition.id)),
    }
}

/// The weight of each member, and which weight it is.
struct Weights {
    values: Vec<f64>,
    name: String,
    fallback: Option<String>,
    population_year: Option<u16>,
}

/// The rule's weight for every member, or population for every member (saying why) when the
/// rule's weight is unknown for any of them.
fn weights(
    selector: Selector<'_>,
    weight: &str,
    members: &[Member],
    period: PeriodSpec,
    options: Options,
) -> Result<Weights, Refusal> {
    let mut population_year = None;
    let found: Vec<Option<f64>> = members
        .iter()
        .map(|&member| {
            weight_of(
                selector,
                weight,
                member,
                period,
                options,
                &mut population_year,
            )
        })
        .collect();
    let lacking: Vec<String> = members
        .iter()
        .zip(&found)
        .filter(|(_, w)| w.is_none())
        .map(|(member, _)| member.province.to_string())
        .collect();
    if lacking.is_empty() {
        return Ok(Weights {
            values: found.into_iter().flatten().collect(),
            name: weight.to_owned(),
            fallback: None,
            population_year: if weight == POPULATION {
                population_year
            } else {
                None
            },
        });
    }
    let why =
        if is_reference_weight(weight) || selector.dataset.indicator_position(weight).is_some() {
            format!("in place of {weight}, not known for {}", lacking.join(", "))
        } else {
            format!("in place of {weight}, neither a GSO figure nor an indicator of the dataset")
        };
    if weight == POPULATION {
        return Err(format!("no GSO population for {}", lacking.join(", ")));
    }
    let mut population_year = None;
    let values = members
        .iter()
        .map(|&member| {
            weight_of(
                selector,
                POPULATION,
                member,
                period,
                options,
                &mut population_year,
            )
            .ok_or_else(|| format!("{why}; and no GSO population for {}", member.province))
        })
        .collect::<Result<Vec<f64>, Refusal>>()?;
    Ok(Weights {
        values,
        name: POPULATION.to_owned(),
        fallback: Some(why),
        population_year,
    })
}

/// Weights GSO publishes with population (households only where the reference file has them).
fn is_reference_weight(weight: &str) -> bool {
    matches!(weight, "population" | "area" | "households")
}

/// One member's weight: GSO population or area of the figure's year (or the nearest
/// published), or the member's figure for the indicator named `weight`.
fn weight_of(
    selector: Selector<'_>,
    weight: &str,
    Member { province, year, .. }: Member,
    period: PeriodSpec,
    options: Options,
    population_year: &mut Option<u16>,
) -> Option<f64> {
    let dataset = selector.dataset;
    let reference = dataset.reference();
    // A 2025 province's population and area are its former provinces' together.
    let former: &[ProvinceId] = match province.scheme {
        Scheme::P63 => std::slice::from_ref(&province),
        Scheme::P34 => &reference.province(province)?.merged_from,
    };
    let value = match weight {
        "population" => former.iter().try_fold(0.0, |total, &member| {
            let record = reference.population(member, year)?;
            *population_year = Some(record.year);
            Some(total + record.population)
        }),
        "area" => former.iter().try_fold(0.0, |total, &member| {
            Some(total + reference.population(member, year)?.area_km2?)
        }),
        "households" => former.iter().try_fold(0.0, |total, &member| {
            Some(total + reference.population(member, year)?.households?)
        }),
        other => {
            let indicator = dataset.indicator_position(other)?;
            let weight_options = Options {
                targets: false,
                ..options
            };
            selector
                .figure(indicator, province, period, weight_options)?
                .value
        }
    };
    value.filter(|w| w.is_finite() && *w >= 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Dataset, inline};
    use proptest::prelude::*;

    const INDICATORS: &str = "\
boxes,boxes,infrastructure,Hộp,Boxes,count,,sum,higher,,Số hộp.,Boxes.
index,index,digital_government,Chỉ số,Index,percent,,mean,higher,,Chỉ số.,Index.
by_people,share,infrastructure,Tỷ lệ,Share,percent,population,weighted_mean:population,higher,,Tỷ lệ.,Share.
by_area,coverage,media,Phủ sóng,Coverage,percent,area,weighted_mean:area,higher,,Phủ sóng.,Coverage.
by_homes,homes,infrastructure,Hộ,Homes,percent,households,weighted_mean:households,higher,,Hộ.,Homes.
by_boxes,boxes_share,infrastructure,Hộp tốt,Good boxes,percent,boxes,weighted_mean:boxes,higher,,Hộp tốt.,Good boxes.
ranks,ranks,institutions,Hạng,Rank,count,,none,lower,,Hạng.,Rank.
";

    /// The test's observations, after one that no test combines (a dataset has rows).
    fn dataset(observations: &str) -> Dataset {
        let observations = format!("p63:01,ranks,2024,1\n{observations}");
        inline::dataset(INDICATORS, &observations).expect("the inline dataset loads")
    }

    fn id(text: &str) -> ProvinceId {
        text.parse().expect("a province id")
    }

    fn members(values: &[(&str, f64)]) -> Vec<Member> {
        values
            .iter()
            .map(|&(province, value)| Member {
                province: id(province),
                value,
                year: 2024,
            })
            .collect()
    }

    fn combined(
        dataset: &Dataset,
        indicator: &str,
        values: &[(&str, f64)],
    ) -> Result<Combined, Refusal> {
        let position = dataset.indicator_position(indicator).expect("an indicator");
        let definition = &dataset.indicators()[position as usize];
        combine(
            Selector::new(dataset),
            definition,
            &members(values),
            PeriodSpec::Year(2024),
            Options::default(),
        )
    }

    /// Bến Tre and Trà Vinh, two provinces of different size and area.
    const PAIR: [(&str, f64); 2] = [("p63:83", 40.0), ("p63:84", 60.0)];

    fn gso(dataset: &Dataset, province: &str) -> (f64, f64) {
        let record = dataset
            .reference()
            .population(id(province), 2024)
            .expect("GSO population");
        (record.population, record.area_km2.expect("GSO area"))
    }

    #[test]
    fn counts_add_up_and_indices_average_without_weights() {
        let dataset = dataset("");
        let sum = combined(&dataset, "boxes", &PAIR).expect("a sum");
        assert_eq!(sum.value, 100.0);
        assert_eq!((sum.method.rule.as_str(), sum.method.weight), ("sum", None));
        let mean = combined(&dataset, "index", &PAIR).expect("a mean");
        assert_eq!(mean.value, 50.0);
        assert_eq!(mean.method.describe(), "unweighted mean");
    }

    #[test]
    fn an_area_weight_is_area_not_population() {
        let dataset = dataset("");
        let (people_83, area_83) = gso(&dataset, "p63:83");
        let (people_84, area_84) = gso(&dataset, "p63:84");
        let by_area = combined(&dataset, "by_area", &PAIR).expect("a weighted mean");
        let expected = (40.0 * area_83 + 60.0 * area_84) / (area_83 + area_84);
        assert!((by_area.value - expected).abs() < 1e-9, "{}", by_area.value);
        assert_eq!(by_area.method.weight.as_deref(), Some("area"));
        assert_eq!(by_area.method.fallback, None);
        let by_people = combined(&dataset, "by_people", &PAIR).expect("a weighted mean");
        let expected = (40.0 * people_83 + 60.0 * people_84) / (people_83 + people_84);
        assert!((by_people.value - expected).abs() < 1e-9);
        assert_eq!(by_people.method.population_year, Some(2024));
        assert_ne!(by_area.value, by_people.value);
    }

    #[test]
    fn an_unknown_weight_is_replaced_by_population_and_the_answer_says_so() {
        let dataset = dataset("");
        let homes = combined(&dataset, "by_homes", &PAIR).expect("a weighted mean");
        let people = combined(&dataset, "by_people", &PAIR).expect("a weighted mean");
        assert_eq!(homes.value, people.value);
        assert_eq!(homes.method.weight.as_deref(), Some("population"));
        assert!(homes.method.describe().contains("in place of households"));
        let fallback = homes.method.fallback.expect("the substitute is stated");
        assert!(
            fallback.starts_with("in place of households, not known for p63:83"),
            "{fallback}"
        );
    }

    #[test]
    fn an_indicator_named_as_weight_weights_by_its_figures() {
        let dataset = dataset("p63:83,boxes,2024,1\np63:84,boxes,2024,3");
        let weighted = combined(&dataset, "by_boxes", &PAIR).expect("a weighted mean");
        assert_eq!(weighted.value, (40.0 + 3.0 * 60.0) / 4.0);
        assert_eq!(weighted.method.weight.as_deref(), Some("boxes"));
        // One member without the weight: population for both, said with the member named.
        let dataset = self::dataset("p63:83,boxes,2024,1");
        let weighted = combined(&dataset, "by_boxes", &PAIR).expect("a weighted mean");
        assert_eq!(weighted.method.weight.as_deref(), Some("population"));
        let fallback = weighted.method.fallback.expect("stated");
        assert_eq!(fallback, "in place of boxes, not known for p63:84");
    }

    #[test]
    fn none_and_targets_are_refused_with_the_reason() {
        let dataset = dataset("");
        let refused = combined(&dataset, "ranks", &PAIR).expect_err("refused");
        assert!(refused.contains("none"), "{refused}");
        let position = dataset.indicator_position("boxes").expect("an indicator");
        let targets = combine(
            Selector::new(&dataset),
            &dataset.indicators()[position as usize],
            &members(&PAIR),
            PeriodSpec::Year(2024),
            Options {
                targets: true,
                include_partial: false,
            },
        )
        .expect_err("refused");
        assert!(targets.contains("targets are never combined"), "{targets}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_mean_lies_between_its_members(
            values in proptest::collection::vec(0.0_f64..1.0, 1..6),
            weighted in any::<bool>(),
        ) {
            let dataset = dataset("");
            let provinces = ["p63:01", "p63:83", "p63:84", "p63:86", "p63:02", "p63:79"];
            let pairs: Vec<(&str, f64)> = provinces.iter().copied().zip(values.iter().copied()).collect();
            let indicator = if weighted { "by_people" } else { "index" };
            let mean = combined(&dataset, indicator, &pairs).expect("a mean").value;
            let low = values.iter().copied().fold(f64::INFINITY, f64::min);
            let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(mean >= low - 1e-12 && mean <= high + 1e-12, "{mean} outside {low}..{high}");
        }
    }
}
