//! Whether figures may be ranked or charted together.
//!
//! Only figures of one indicator (one definition, one denominator, one scope) are. Indicators of
//! one family look alike and are the dangerous case: smartphones per person and per household
//! read alike on a chart and are not the same thing. The reason is returned in words, with a
//! stable code, for the page to show.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Indicator;

/// Which verdict a [`Comparability`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ComparabilityCode {
    /// They are one indicator.
    SameIndicator,
    /// They are of one family but defined differently (unit or denominator).
    DifferentDefinition,
    /// They measure different things.
    DifferentIndicators,
}

/// The verdict on a set of indicators.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparability {
    /// Whether they may be ranked or charted together.
    pub comparable: bool,
    /// Which verdict it is: the page words it from this.
    pub code: ComparabilityCode,
    /// Why, in words.
    pub reason: String,
}

/// Judges whether the indicators `ids` may be ranked or charted together.
pub fn comparability(dataset: &Dataset, ids: &[&str]) -> Result<Comparability> {
    let indicators = ids
        .iter()
        .map(|id| {
            dataset
                .require_indicator(id)
                .map(|i| &dataset.indicators()[i as usize])
        })
        .collect::<Result<Vec<&Indicator>>>()?;
    let Some(first) = indicators.first() else {
        return Err(Error::request("comparability needs at least one indicator"));
    };
    if indicators.iter().all(|i| i.id == first.id) {
        return Ok(Comparability {
            comparable: true,
            code: ComparabilityCode::SameIndicator,
            reason: format!("one indicator: {}", first.id),
        });
    }
    let other = indicators
        .iter()
        .find(|i| i.id != first.id)
        .copied()
        .unwrap_or(first);
    if indicators.iter().all(|i| i.family == first.family) {
        let mut differences = Vec::new();
        if first.denominator != other.denominator {
            differences.push(format!(
                "{} is a share of {}, {} of {}",
                first.id,
                first.denominator.as_deref().unwrap_or("nothing (a count)"),
                other.id,
                other.denominator.as_deref().unwrap_or("nothing (a count)")
            ));
        }
        if first.unit != other.unit {
            differences.push(format!(
                "{} is in {}, {} in {}",
                first.id, first.unit, other.id, other.unit
            ));
        }
        if differences.is_empty() {
            differences.push(format!(
                "{} and {} count different things or cover different areas",
                first.id, other.id
            ));
        }
        return Ok(Comparability {
            comparable: false,
            code: ComparabilityCode::DifferentDefinition,
            reason: format!(
                "look alike but are defined differently: {}",
                differences.join("; ")
            ),
        });
    }
    Ok(Comparability {
        comparable: false,
        code: ComparabilityCode::DifferentIndicators,
        reason: format!("{} and {} measure different things", first.id, other.id),
    })
}

/// Fails with [`ErrorKind::Incomparable`] unless the indicators may be ranked together.
pub fn ensure_comparable(dataset: &Dataset, ids: &[&str]) -> Result<()> {
    let verdict = comparability(dataset, ids)?;
    if verdict.comparable {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::Incomparable {
            reason: verdict.reason,
        }))
    }
}
