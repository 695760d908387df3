//! One province and one indicator over time, and the change between two of its periods.
//!
//! Change is absolute, relative and as a yearly rate (compound, over the exact time between the
//! periods). It is computed only between figures of one indicator, so a 2016 count of agencies
//! issued certificates and a 2023 count of active certificates never make a trend.

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{Period, ProvinceId, Qualifier, Scheme};
use crate::query::{Figure, Options, PeriodSpec, Selector, per_capita};

/// A series request.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeriesSpec {
    /// The province, of either scheme.
    pub province: ProvinceId,
    /// The indicator.
    pub indicator: String,
    /// The years to include (`latest` means every year).
    #[serde(default)]
    pub period: PeriodSpec,
    /// The start of the change (default: the first figure).
    #[serde(default)]
    pub from: Option<u16>,
    /// The end of the change (default: the last figure).
    #[serde(default)]
    pub to: Option<u16>,
    /// Counts and amounts per 100 000 people.
    #[serde(default)]
    pub per_capita: bool,
    /// Targets instead of achievements.
    #[serde(default)]
    pub targets: bool,
}

/// Change between two figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The earlier period.
    pub from: Period,
    /// The later period.
    pub to: Period,
    /// Later minus earlier.
    pub absolute: f64,
    /// Absolute change as a share of the earlier value, in per cent; `None` from zero.
    pub relative: Option<f64>,
    /// The compound yearly rate, in per cent; `None` from zero or for less than a month.
    pub yearly_rate: Option<f64>,
    /// Years between the two periods.
    pub years: f64,
    /// How certain the change is: exact only if both figures are.
    pub qualifier: Qualifier,
}

/// The answer to a [`SeriesSpec`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    /// The province.
    pub province: ProvinceId,
    /// The indicator.
    pub indicator: String,
    /// One figure per period, oldest first.
    pub points: Vec<Figure>,
    /// The change between `from` and `to`, when there are two figures.
    pub change: Option<Change>,
}

/// The figures of one province and indicator over time, and their change.
pub fn series(dataset: &Dataset, spec: &SeriesSpec) -> Result<Series> {
    let indicator = dataset.require_indicator(&spec.indicator)?;
    let reference = dataset.reference();
    let province = reference.require(spec.province)?;
    let unit = dataset.indicators()[indicator as usize].unit;
    let selector = Selector::new(dataset);
    let options = Options {
        targets: spec.targets,
        include_partial: false,
    };
    let mut points: Vec<Figure> = match spec.province.scheme {
        Scheme::P63 => {
            let position = reference.position(spec.province).unwrap_or_default();
            selector
                .series(indicator, position, spec.period, options)
                .into_iter()
                .map(|row| selector.plain(row))
                .collect()
        }
        Scheme::P34 => {
            let mut years: Vec<u16> = province
                .merged_from
                .iter()
                .filter_map(|member| reference.position(*member))
                .flat_map(|position| selector.series(indicator, position, spec.period, options))
                .map(|row| dataset.columns().period[row as usize].calendar_year())
                .collect();
            years.sort_unstable();
            years.dedup();
            years
                .into_iter()
                .filter_map(|year| {
                    selector.figure(indicator, spec.province, PeriodSpec::Year(year), options)
                })
                .collect()
        }
    };
    if spec.per_capita {
        points = points
            .iter()
            .filter_map(|f| per_capita(selector, f, unit, spec.province))
            .collect();
    }
    for point in &points {
        point.ensure_finite(|| {
            format!(
                "{} for {} in {}",
                spec.indicator, spec.province, point.period
            )
        })?;
    }
    let pick = |year: Option<u16>, last: bool| -> Option<&Figure> {
        match year {
            Some(y) => points
                .iter()
                .rfind(|p| p.value.is_some() && p.period.calendar_year() == y),
            None if last => points.iter().rfind(|p| p.value.is_some()),
            None => points.iter().find(|p| p.value.is_some()),
        }
    };
    let change = match (pick(spec.from, false), pick(spec.to, true)) {
        (Some(a), Some(b)) if a.period < b.period => change_between(a, b),
        _ => None,
    };
    Ok(Series {
        province: spec.province,
        indicator: spec.indicator.clone(),
        points,
        change,
    })
}

fn change_between(a: &Figure, b: &Figure) -> Option<Change> {
    let (va, vb) = (a.value?, b.value?);
    let years = b.period.as_year_fraction() - a.period.as_year_fraction();
    // From a value near zero a relative change leaves the range of numbers: like a change
    // from zero, it is not given.
    let relative = (va != 0.0)
        .then(|| (vb - va) / va * 100.0)
        .filter(|r| r.is_finite());
    let yearly_rate = (va > 0.0 && vb >= 0.0 && years >= 1.0 / 12.0)
        .then(|| ((vb / va).powf(1.0 / years) - 1.0) * 100.0)
        .filter(|r| r.is_finite());
    let qualifier = if a.qualifier == Qualifier::Exact && b.qualifier == Qualifier::Exact {
        Qualifier::Exact
    } else {
        Qualifier::About
    };
    Some(Change {
        from: a.period,
        to: b.period,
        absolute: vb - va,
        relative,
        yearly_rate,
        years,
        qualifier,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn figure(year: u16, value: f64) -> Figure {
        Figure {
            value: Some(value),
            qualifier: Qualifier::Exact,
            period: Period::year(year),
            mixed_periods: false,
            out_of: None,
            is_target: false,
            origin: Origin::Bundled,
            provenance: Vec::new(),
            derived: None,
        }
    }

    #[test]
    fn change_is_absolute_relative_and_yearly() {
        let change = change_between(&figure(2016, 100.0), &figure(2018, 121.0)).unwrap();
        assert_eq!(change.absolute, 21.0);
        assert!((change.relative.unwrap() - 21.0).abs() < 1e-9);
        assert!((change.yearly_rate.unwrap() - 10.0).abs() < 1e-9);
        assert_eq!(change.years, 2.0);
    }

    #[test]
    fn no_relative_change_that_leaves_the_range_of_numbers() {
        let change = change_between(&figure(2016, 1e-300), &figure(2023, 1e11)).unwrap();
        assert_eq!((change.relative, change.yearly_rate), (None, None));
        assert_eq!(change.absolute, 1e11 - 1e-300);
    }

    #[test]
    fn no_relative_change_from_zero() {
        let change = change_between(&figure(2016, 0.0), &figure(2023, 5.0)).unwrap();
        assert_eq!((change.relative, change.yearly_rate), (None, None));
    }
}
