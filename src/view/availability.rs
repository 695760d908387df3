//! Which indicators and provinces of a list have figures: what the pickers show beside each
//! choice, so that an indicator with one province says so before it is chosen.

use crate::dataset::Dataset;
use crate::model::{Province, ProvinceId, Scheme};
use crate::query::{IndicatorCoverage, coverage, has_per_capita};

use super::{Availability, IndicatorAvailability, ProvinceAvailability};

/// Whether `coverage` has a figure for `province`: its own, or for a 2025 province one of a
/// former province it was formed from (its figures roll up).
fn covers(coverage: &IndicatorCoverage, province: &Province) -> bool {
    let has = |id: &ProvinceId| coverage.provinces.binary_search(id).is_ok();
    has(&province.id) || province.merged_from.iter().any(has)
}

/// The availability of every indicator and every province of `scheme`.
pub(super) fn availability(dataset: &Dataset, scheme: Scheme, chosen: &Province) -> Availability {
    let covered = coverage(dataset);
    let provinces: Vec<&Province> = dataset.reference().provinces_of(scheme).collect();
    let indicators = covered
        .iter()
        .zip(dataset.indicators())
        .map(|(c, definition)| {
            let mut years: Vec<u16> = c.periods.iter().map(|p| p.calendar_year()).collect();
            years.dedup();
            IndicatorAvailability {
                indicator: c.indicator.clone(),
                provinces: provinces.iter().filter(|p| covers(c, p)).count() as u32,
                years,
                chosen_has_data: covers(c, chosen),
                per_capita: has_per_capita(&definition.aggregation),
            }
        })
        .collect();
    let provinces = provinces
        .iter()
        .map(|p| ProvinceAvailability {
            province: p.id,
            indicators: covered.iter().filter(|c| covers(c, p)).count() as u32,
        })
        .collect();
    Availability {
        indicators,
        provinces,
    }
}
