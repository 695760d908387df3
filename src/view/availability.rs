//! Which indicators and provinces of a list have figures: what the pickers show beside each
//! choice (how many provinces and years an indicator has, how many indicators a province has,
//! whether per 100 000 people means anything for it), so that an indicator with one province
//! says so before it is chosen.

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
///
/// ```
/// use ict_compare::{Dataset, Scheme, availability};
///
/// let dataset = Dataset::bundled()?;
/// let list = availability(&dataset, Scheme::P63);
/// let dti = list.indicators.iter().find(|a| a.indicator == "dti_score").expect("listed");
/// assert_eq!((dti.provinces, dti.years.as_slice()), (63, &[2022, 2023, 2024][..]));
/// // An index has no per-capita form; a count has one.
/// assert!(!dti.per_capita);
/// let bts = list.indicators.iter().find(|a| a.indicator == "bts_stations").expect("listed");
/// assert!(bts.per_capita);
/// # Ok::<(), ict_compare::Error>(())
/// ```
#[must_use]
pub fn availability(dataset: &Dataset, scheme: Scheme) -> Availability {
    availability_of(dataset, scheme, &coverage(dataset))
}

/// [`availability`] from the dataset's [`coverage`], already read: a caller answering for both
/// lists (the catalog) reads the rows once.
#[must_use]
pub fn availability_of(
    dataset: &Dataset,
    scheme: Scheme,
    covered: &[IndicatorCoverage],
) -> Availability {
    let provinces: Vec<&Province> = dataset.reference().provinces_of(scheme).collect();
    let indicators = covered
        .iter()
        .zip(dataset.indicators())
        .map(|(c, definition)| {
            let mut years: Vec<u16> = c.periods.iter().map(|p| p.calendar_year()).collect();
            years.dedup();
            let count = provinces.iter().filter(|p| covers(c, p)).count() as u32;
            IndicatorAvailability {
                indicator: c.indicator.clone(),
                provinces: count,
                comparable: count >= 2,
                years,
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
        scheme,
        indicators,
        provinces,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indicator_one_province_reports_is_not_comparable_and_an_index_is() {
        let dataset = Dataset::bundled().expect("the bundled dataset");
        let answer = availability(&dataset, Scheme::P63);
        let of = |id: &str| {
            answer
                .indicators
                .iter()
                .find(|a| a.indicator == id)
                .expect("listed")
        };
        let dti = of("dti_score");
        assert!(dti.comparable && dti.provinces == 63);
        let alone = answer
            .indicators
            .iter()
            .find(|a| a.provinces == 1)
            .expect("a report's indicator only its province has");
        assert!(!alone.comparable, "{}", alone.indicator);
        assert!(
            answer
                .indicators
                .iter()
                .all(|a| a.comparable == (a.provinces >= 2))
        );
    }
}
