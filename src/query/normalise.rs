//! Figures per head of population.
//!
//! A figure of an indicator aggregated by `sum` (a count, an amount) is divided by the
//! province's GSO average population of the figure's year, or of the nearest year GSO
//! publishes, which the answer names. The rule decides, not the unit: shares, ratios, indices
//! and anything that does not add up across provinces are left alone. A 2025 province's
//! population is the sum of its members'.

use crate::model::{Aggregation, ProvinceId, Scheme};
use crate::query::{Derivation, DerivationKind, Figure, Selector};
use crate::shortest::Shortest;

/// Per-capita figures are per this many people.
pub const PER_CAPITA_BASE: f64 = 100_000.0;

/// The unit answers give a per-capita figure in: per [`PER_CAPITA_BASE`] people.
pub const PER_CAPITA_UNIT: &str = "per_100000_people";

/// Per-capita figures are shown with two decimals, whatever their count's: they are small rates.
pub const PER_CAPITA_DECIMALS: u8 = 2;

/// Whether figures aggregated by `rule` have a per-capita form.
pub(crate) fn has_per_capita(rule: &Aggregation) -> bool {
    *rule == Aggregation::Sum
}

/// `figure` per [`PER_CAPITA_BASE`] people of `province`, or `None` where that makes no sense
/// (an indicator not aggregated by `sum`, a figure with no value, a province with no population
/// on record).
pub(crate) fn per_capita(
    selector: Selector<'_>,
    figure: &Figure,
    rule: &Aggregation,
    province: ProvinceId,
) -> Option<Figure> {
    if !has_per_capita(rule) {
        return None;
    }
    let value = figure.value?;
    let year = figure.period.calendar_year();
    let reference = selector.dataset.reference();
    let members = match province.scheme {
        Scheme::P63 => vec![province],
        Scheme::P34 => reference.province(province)?.merged_from.clone(),
    };
    let mut population = 0.0;
    let mut used = None;
    for member in members {
        let record = reference.population(member, year)?;
        population += record.population;
        used = Some(record.year);
    }
    let used = used?;
    let mut derived = figure.derived.clone().unwrap_or(Derivation {
        kind: DerivationKind::PerCapita,
        members: 1,
        reported: 1,
        rule: None,
        weight: None,
        fallback: None,
        population_year: None,
        refused: None,
        note: String::new(),
    });
    let nearest = if used == year {
        String::new()
    } else {
        format!(", the nearest year to {year} published")
    };
    let said = format!(
        "per {} people, GSO average population of {used}{nearest}",
        Shortest(PER_CAPITA_BASE)
    );
    derived.note = if derived.note.is_empty() {
        said
    } else {
        format!("{}; {said}", derived.note)
    };
    derived.kind = DerivationKind::PerCapita;
    derived.population_year = Some(used);
    Some(Figure {
        value: Some(value / population * PER_CAPITA_BASE),
        out_of: None,
        derived: Some(derived),
        ..figure.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_per_capita_unit_names_the_base() {
        assert_eq!(PER_CAPITA_UNIT, format!("per_{PER_CAPITA_BASE}_people"));
    }
}
