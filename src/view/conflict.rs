//! A reader's figure and a published one for the same province, indicator and period: both
//! stay in the dataset and the views say so, rather than one silently hiding the other.

use crate::dataset::Dataset;
use crate::model::{ProvinceId, Scheme};

/// The provinces of `scheme` (a 2025 province through its former provinces) for which the
/// reader's file gives a province-wide figure of `indicator` that a bundled figure also gives
/// for the same period.
pub(super) fn conflicts(dataset: &Dataset, indicator: u32, scheme: Scheme) -> Vec<ProvinceId> {
    let mut found: Vec<ProvinceId> = dataset
        .conflicting_figures(indicator)
        .into_iter()
        .filter_map(|province| {
            if province.scheme == scheme {
                return Some(province);
            }
            let p = dataset.reference().province(province)?;
            match scheme {
                Scheme::P34 => p.merged_into,
                Scheme::P63 => None,
            }
        })
        .collect();
    crate::order::sort_distinct(&mut found);
    found
}

/// The published figure of `indicator` for a 63-list `province` in `period` (the
/// province-wide achievement last loaded from the bundled data), to show beside a reader's
/// figure for the same province, indicator and period.
pub(super) fn published_beside(
    dataset: &Dataset,
    indicator: u32,
    province: ProvinceId,
    period: crate::model::Period,
) -> Option<crate::query::Figure> {
    let position = dataset.reference().position(province)?;
    let row = dataset
        .index()
        .of(indicator, position)
        .iter()
        .rev()
        .copied()
        .find(|&r| {
            dataset.row(r as usize).is_some_and(|row| {
                row.origin == crate::model::Origin::Bundled
                    && row.scope == 0
                    && !row.is_target
                    && row.period == period
            })
        })?;
    crate::query::Selector::new(dataset).plain(row)
}
