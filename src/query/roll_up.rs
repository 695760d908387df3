//! Rolling the 63 provinces of the old list up into the 34 of 2025.
//!
//! Counts are summed; shares are averaged, weighted by their denominator where the engine knows
//! it (population and area from GSO, or another indicator of the dataset named like the
//! denominator) and by population otherwise, which the answer says. A province whose members
//! did not all report is "partial, k of n" and gets no value unless the caller asks for one.
//! Qualifiers are carried through: a sum of "over" figures is "over".

use crate::model::{Aggregation, ProvinceId, Qualifier};
use crate::query::{Derivation, DerivationKind, Figure, Options, PeriodSpec, Selector};

/// The weight population stands in for when a denominator is unknown.
const POPULATION: &str = "population";

pub(crate) fn roll_up(
    selector: Selector<'_>,
    indicator: u32,
    province: ProvinceId,
    period: PeriodSpec,
    options: Options,
) -> Option<Figure> {
    let dataset = selector.dataset;
    let reference = dataset.reference();
    let members = &reference.province(province)?.merged_from;
    let rows: Vec<(ProvinceId, u32)> = members
        .iter()
        .filter_map(|&member| {
            let position = reference.position(member)?;
            selector
                .pick(indicator, position, period, options)
                .map(|row| (member, row))
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let definition = &dataset.indicators()[indicator as usize];
    let figures: Vec<Figure> = rows.iter().map(|&(_, row)| selector.plain(row)).collect();
    let n = members.len();
    let k = rows.len();
    let partial = k < n;
    let period_max = figures.iter().map(|f| f.period).max()?;
    let mixed_periods = figures.iter().any(|f| f.period != period_max);
    let mut qualifier = combine(figures.iter().map(|f| f.qualifier));
    let mut weight_note = None;
    let mut population_year = None;

    let value: Option<f64> = match (&definition.aggregation, n) {
        // A province the merger left whole keeps its figure, whatever the aggregation.
        (_, 1) => figures[0].value,
        (Aggregation::Sum, _) => Some(figures.iter().filter_map(|f| f.value).sum()),
        (Aggregation::WeightedMean(weight), _) => {
            let mean = weighted_mean(selector, weight, &rows, &figures, period, options)?;
            population_year = mean.population_year;
            weight_note = Some(mean.weight);
            mean.value
        }
        (Aggregation::Mean, _) => {
            let values: Vec<f64> = figures.iter().filter_map(|f| f.value).collect();
            (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
        }
        (Aggregation::None, _) => None,
    };
    let combinable = !matches!(definition.aggregation, Aggregation::None) || n == 1;
    let value = if partial && !options.include_partial {
        None
    } else {
        value
    };
    if partial && matches!(definition.aggregation, Aggregation::Sum) {
        // The members that did not report would only add to a sum.
        qualifier = combine([qualifier, Qualifier::AtLeast]);
    }
    let out_of = if figures.iter().all(|f| f.out_of.is_some())
        && matches!(definition.aggregation, Aggregation::Sum)
    {
        Some(figures.iter().filter_map(|f| f.out_of).sum())
    } else if n == 1 {
        figures[0].out_of
    } else {
        None
    };
    let how = match (&definition.aggregation, n) {
        (_, 1) => "unchanged by the 2025 merger".to_owned(),
        (Aggregation::Sum, _) => "sum".to_owned(),
        (Aggregation::WeightedMean(_), _) => {
            format!("mean weighted by {}", weight_note.as_deref().unwrap_or("?"))
        }
        (Aggregation::Mean, _) => "unweighted mean".to_owned(),
        (Aggregation::None, _) => "not combinable across provinces".to_owned(),
    };
    let note = format!(
        "{how} of {k} of {n} former provinces ({}){}",
        rows.iter()
            .map(|(id, _)| id.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        if partial { "; partial" } else { "" }
    );
    Some(Figure {
        value: if combinable { value } else { None },
        qualifier,
        period: period_max,
        mixed_periods,
        out_of,
        is_target: options.targets,
        origin: if figures
            .iter()
            .any(|f| f.origin == crate::model::Origin::User)
        {
            crate::model::Origin::User
        } else {
            crate::model::Origin::Bundled
        },
        provenance: figures.into_iter().flat_map(|f| f.provenance).collect(),
        derived: Some(Derivation {
            kind: DerivationKind::RollUp,
            members: n,
            reported: k,
            weight: weight_note,
            population_year,
            note,
        }),
    })
}

/// A weighted mean of members' figures, and the weight it used.
struct WeightedMean {
    value: Option<f64>,
    weight: String,
    population_year: Option<u16>,
}

fn weighted_mean(
    selector: Selector<'_>,
    weight: &str,
    rows: &[(ProvinceId, u32)],
    figures: &[Figure],
    period: PeriodSpec,
    options: Options,
) -> Option<WeightedMean> {
    let (weights, name, population_year) =
        if let Some((weights, year)) = weights_for(selector, weight, rows, period, options) {
            (weights, weight.to_owned(), year)
        } else {
            let (weights, year) = weights_for(selector, POPULATION, rows, period, options)?;
            (
                weights,
                format!("{POPULATION} (in place of {weight}, unknown)"),
                year,
            )
        };
    let total: f64 = weights.iter().sum();
    let value = (total > 0.0).then(|| {
        figures
            .iter()
            .zip(&weights)
            .filter_map(|(f, w)| f.value.map(|v| v * w))
            .sum::<f64>()
            / total
    });
    Some(WeightedMean {
        value,
        weight: name,
        population_year,
    })
}

/// The weight of each member row: GSO population or area of the row's year (nearest
/// published), or the member's figure for the indicator named `weight`. `None` if any member
/// lacks it. The second value is the population year used, if population was.
fn weights_for(
    selector: Selector<'_>,
    weight: &str,
    rows: &[(ProvinceId, u32)],
    period: PeriodSpec,
    options: Options,
) -> Option<(Vec<f64>, Option<u16>)> {
    let dataset = selector.dataset;
    let reference = dataset.reference();
    let columns = dataset.columns();
    let mut year_used = None;
    let weights = rows
        .iter()
        .map(|&(member, row)| {
            let year = columns.period[row as usize].calendar_year();
            match weight {
                "population" | "area" => {
                    let record = reference.population(member, year)?;
                    year_used = Some(record.year);
                    if weight == "area" {
                        record.area_km2
                    } else {
                        Some(record.population)
                    }
                }
                other => {
                    let indicator = dataset.indicator_position(other)?;
                    let position = reference.position(member)?;
                    let row = selector.pick(indicator, position, period, options)?;
                    Some(columns.value[row as usize])
                }
            }
        })
        .collect::<Option<Vec<f64>>>()?;
    Some((
        weights,
        if weight == "population" {
            year_used
        } else {
            None
        },
    ))
}

/// The qualifier of a sum or mean of qualified figures: exact only if all are; a one-sided
/// bound if all bounds are on one side; "about" otherwise.
pub(crate) fn combine(qualifiers: impl IntoIterator<Item = Qualifier>) -> Qualifier {
    let (mut above, mut strictly_above, mut below, mut strictly_below, mut fuzzy) =
        (false, false, false, false, false);
    for q in qualifiers {
        match q {
            Qualifier::Exact => {}
            Qualifier::Over => strictly_above = true,
            Qualifier::AtLeast => above = true,
            Qualifier::Under => strictly_below = true,
            Qualifier::AtMost => below = true,
            Qualifier::About | Qualifier::Nearly => fuzzy = true,
        }
    }
    let up = above || strictly_above;
    let down = below || strictly_below;
    match (fuzzy || (up && down), up, down) {
        (true, _, _) => Qualifier::About,
        (false, true, false) if strictly_above => Qualifier::Over,
        (false, true, false) => Qualifier::AtLeast,
        (false, false, true) if strictly_below => Qualifier::Under,
        (false, false, true) => Qualifier::AtMost,
        _ => Qualifier::Exact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_combine_like_intervals() {
        use Qualifier::*;
        assert_eq!(combine([Exact, Exact]), Exact);
        assert_eq!(combine([Exact, Over]), Over);
        assert_eq!(combine([AtLeast, Exact]), AtLeast);
        assert_eq!(combine([AtLeast, Over]), Over);
        assert_eq!(combine([Under, Exact]), Under);
        assert_eq!(combine([Over, Under]), About);
        assert_eq!(combine([Exact, Nearly]), About);
        assert_eq!(combine([]), Exact);
    }
}
