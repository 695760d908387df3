//! One province and one indicator over time: every period, the change from each period to the
//! next and between any two, the national and regional averages of each year, and breaks where
//! the indicator's method changed.
//!
//! Change is absolute, relative and as a yearly rate (compound, over the exact time between the
//! periods). It is computed only between figures of one indicator, so a 2016 count of agencies
//! issued certificates and a 2023 count of active certificates never make a trend; and a change
//! across two methodology editions of an index carries a `break`, as statistical offices mark
//! breaks in series. A 2025 province's series takes its published figures where there are some
//! and rolls its former provinces up for the other years, each point saying which it is.

use serde::{Deserialize, Serialize};

use crate::compare::matrix::in_scheme;
use crate::compare::rank::not_per_capita;
use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{Indicator, Period, ProvinceId, Qualifier, Scheme};
use crate::query::{
    Figure, Options, PeriodSpec, References, Selector, has_per_capita, per_capita, references,
};

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
    /// Show the province in this list: a 63-list province is followed as the 2025 province
    /// that holds it with `p34`.
    #[serde(default)]
    pub scheme: Option<Scheme>,
    /// Counts and amounts per 100 000 people.
    #[serde(default)]
    pub per_capita: bool,
    /// Targets instead of achievements.
    #[serde(default)]
    pub targets: bool,
}

/// A change of method between two periods of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Break {
    /// The edition of the earlier period.
    pub from_edition: String,
    /// The edition of the later period.
    pub to_edition: String,
    /// Where the new method starts: the first period of the later edition, or the later figure's
    /// period when that edition starts outside the two.
    pub at: Period,
    /// What changed, in Vietnamese.
    pub note_vi: String,
    /// What changed, in English.
    pub note_en: String,
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
    /// Whether either end is derived (a roll-up or per capita) rather than published.
    pub derived: bool,
    /// The change of method between the two periods, if the indicator's method changed.
    #[serde(rename = "break")]
    pub edition_break: Option<Break>,
}

/// One period of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesPoint {
    /// The figure.
    #[serde(flatten)]
    pub figure: Figure,
    /// The methodology edition the period belongs to, for an indicator that declares editions.
    pub edition: Option<String>,
    /// The change from the previous point with a value.
    pub change: Option<Change>,
}

impl SeriesPoint {
    /// Whether the point is reached across a change of method from the point with a value
    /// before it: the two are not like for like.
    #[must_use]
    pub fn across_break(&self) -> bool {
        self.change
            .as_ref()
            .is_some_and(|c| c.edition_break.is_some())
    }
}

/// The answer to a [`SeriesSpec`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    /// The province, in the list asked for.
    pub province: ProvinceId,
    /// The indicator.
    pub indicator: String,
    /// One point per period, oldest first.
    pub points: Vec<SeriesPoint>,
    /// The change between `from` and `to`, when there are two figures.
    pub change: Option<Change>,
    /// Whether the values are per capita.
    pub per_capita: bool,
    /// Why per capita was asked for and not applied: the figures are shown as published.
    pub per_capita_refused: Option<String>,
    /// Every change of method within the series.
    pub breaks: Vec<Break>,
    /// The national average, and the province's region's, for each year of the series.
    pub references: References,
}

/// The figures of one province and indicator over time, their changes and averages.
pub fn series(dataset: &Dataset, spec: &SeriesSpec) -> Result<Series> {
    let (indicator, definition) = dataset.require_definition(&spec.indicator)?;
    let normalise = spec.per_capita && has_per_capita(&definition.aggregation);
    let province = match in_scheme(dataset, &[spec.province], spec.scheme)?.first() {
        Some(&province) => province,
        None => spec.province,
    };
    let selector = Selector::new(dataset);
    let options = Options {
        targets: spec.targets,
        include_partial: false,
    };
    let mut figures: Vec<Figure> = selector
        .years(indicator, province, spec.period, options)
        .into_iter()
        .filter_map(|year| selector.figure(indicator, province, PeriodSpec::Year(year), options))
        .collect();
    if normalise {
        figures = figures
            .iter()
            .filter_map(|f| per_capita(selector, f, &definition.aggregation, province))
            .collect();
    }
    for figure in &figures {
        figure.ensure_finite(|| {
            format!(
                "{} for {} in {}",
                spec.indicator, spec.province, figure.period
            )
        })?;
    }
    let mut points: Vec<SeriesPoint> = Vec::with_capacity(figures.len());
    let mut previous: Option<&Figure> = None;
    for figure in &figures {
        let change = previous.and_then(|p| change_between(definition, p, figure));
        if figure.value.is_some() {
            previous = Some(figure);
        }
        points.push(SeriesPoint {
            figure: figure.clone(),
            edition: edition_of(definition, figure.period),
            change,
        });
    }
    let pick = |year: Option<u16>, last: bool| -> Option<&Figure> {
        let mut with_value = figures.iter().filter(|f| f.value.is_some());
        match year {
            Some(y) => with_value.rfind(|f| f.period.calendar_year() == y),
            None if last => with_value.next_back(),
            None => with_value.next(),
        }
    };
    let change = match (pick(spec.from, false), pick(spec.to, true)) {
        (Some(a), Some(b)) if a.period < b.period => change_between(definition, a, b),
        _ => None,
    };
    let breaks = points
        .iter()
        .filter_map(|p| p.change.as_ref()?.edition_break.clone())
        .collect();
    Ok(Series {
        province,
        indicator: spec.indicator.clone(),
        references: yearly_references(selector, indicator, province, &figures, normalise, options),
        per_capita: normalise,
        per_capita_refused: (spec.per_capita && !normalise).then(|| not_per_capita(definition)),
        points,
        change,
        breaks,
    })
}

/// The averages of each year of the series: national, and the province's region's.
fn yearly_references(
    selector: Selector<'_>,
    indicator: u32,
    province: ProvinceId,
    figures: &[Figure],
    normalise: bool,
    options: Options,
) -> References {
    if normalise {
        return References::not_per_capita();
    }
    let regions: Vec<String> = selector
        .dataset
        .reference()
        .province(province)
        .and_then(|p| p.region.clone())
        .into_iter()
        .collect();
    let mut years: Vec<u16> = figures.iter().map(|f| f.period.calendar_year()).collect();
    years.dedup();
    let mut all = References::default();
    for year in years {
        let found = references(
            selector,
            indicator,
            PeriodSpec::Year(year),
            &regions,
            options,
        );
        all.refused = all.refused.or(found.refused);
        all.lines.extend(found.lines);
    }
    all
}

/// The edition of the indicator's method that `period` belongs to.
fn edition_of(definition: &Indicator, period: Period) -> Option<String> {
    definition.edition_of(period).map(|e| e.id.clone())
}

/// The change of method between two periods, for an indicator that declares editions: the two
/// editions differ, or one period lies outside every declared edition.
fn edition_break(definition: &Indicator, a: &Figure, b: &Figure) -> Option<Break> {
    if definition.editions.is_empty() {
        return None;
    }
    let (from, to) = (
        definition.edition_of(a.period),
        definition.edition_of(b.period),
    );
    if from.map(|e| &e.id) == to.map(|e| &e.id) && from.is_some() {
        return None;
    }
    let id = |e: Option<&crate::model::Edition>| {
        e.map_or_else(|| "undeclared".to_owned(), |e| e.id.clone())
    };
    let note = |e: Option<&crate::model::Edition>, vi: bool| {
        e.map_or_else(
            || {
                if vi {
                    "phương pháp không được khai báo".to_owned()
                } else {
                    "a method not declared".to_owned()
                }
            },
            |e| {
                if vi {
                    e.note_vi.clone()
                } else {
                    e.note_en.clone()
                }
            },
        )
    };
    Some(Break {
        from_edition: id(from),
        to_edition: id(to),
        at: to
            .map(|e| e.first)
            .filter(|&first| a.period < first && first <= b.period)
            .unwrap_or(b.period),
        note_vi: format!("{} → {}", note(from, true), note(to, true)),
        note_en: format!("{} → {}", note(from, false), note(to, false)),
    })
}

fn change_between(definition: &Indicator, a: &Figure, b: &Figure) -> Option<Change> {
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
        derived: a.derived.is_some() || b.derived.is_some(),
        edition_break: edition_break(definition, a, b),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(year: u16, value: f64) -> Figure {
        Figure::reported(year, value, Qualifier::Exact)
    }

    fn indicator() -> Indicator {
        crate::parse::parse_indicators(
            "indicator_id,family,pillar,name_vi,name_en,unit,denominator,aggregation,better,part_of,definition_vi,definition_en\n\
             bts_stations,mobile,infrastructure,Trạm BTS,BTS,count,,sum,higher,,Số trạm.,Stations.\n",
            None,
        )
        .expect("one indicator")
        .remove(0)
    }

    #[test]
    fn change_is_absolute_relative_and_yearly() {
        let indicator = indicator();
        let change =
            change_between(&indicator, &figure(2016, 100.0), &figure(2018, 121.0)).unwrap();
        assert_eq!(change.absolute, 21.0);
        assert!((change.relative.unwrap() - 21.0).abs() < 1e-9);
        assert!((change.yearly_rate.unwrap() - 10.0).abs() < 1e-9);
        assert_eq!(change.years, 2.0);
    }

    #[test]
    fn no_relative_change_that_leaves_the_range_of_numbers() {
        let change =
            change_between(&indicator(), &figure(2016, 1e-300), &figure(2023, 1e11)).unwrap();
        assert_eq!((change.relative, change.yearly_rate), (None, None));
        assert_eq!(change.absolute, 1e11 - 1e-300);
    }

    #[test]
    fn a_change_across_two_editions_carries_a_break() {
        let dataset = crate::dataset::inline::with_editions(
            "index,index,digital_government,Chỉ số,Index,percent,,mean,higher,,Chỉ số.,Index.\n",
            "index,old,2022,2023,Cũ,Old method\nindex,new,2024,,Mới,New method\n",
            "p63:01,index,2022,0.5\np63:01,index,2023,0.6\np63:01,index,2024,0.7\n",
        )
        .expect("loads");
        let spec = SeriesSpec {
            province: "p63:01".parse().expect("an id"),
            indicator: "index".into(),
            period: PeriodSpec::Latest,
            from: None,
            to: None,
            scheme: None,
            per_capita: false,
            targets: false,
        };
        let answer = series(&dataset, &spec).expect("a series");
        let editions: Vec<Option<&str>> =
            answer.points.iter().map(|p| p.edition.as_deref()).collect();
        assert_eq!(editions, [Some("old"), Some("old"), Some("new")]);
        let steps: Vec<bool> = answer
            .points
            .iter()
            .map(|p| p.change.as_ref().is_some_and(|c| c.edition_break.is_some()))
            .collect();
        assert_eq!(steps, [false, false, true]);
        let [only] = answer.breaks.as_slice() else {
            panic!("one break: {:?}", answer.breaks);
        };
        assert_eq!(
            (only.from_edition.as_str(), only.to_edition.as_str()),
            ("old", "new")
        );
        assert_eq!(only.at, Period::year(2024));
        assert_eq!(only.note_en, "Old method → New method");
        let whole = answer.change.expect("a change 2022 to 2024");
        assert!(
            whole.edition_break.is_some(),
            "the whole change crosses it too"
        );
    }

    #[test]
    fn an_indicator_without_editions_has_no_breaks() {
        let indicator = indicator();
        let change = change_between(&indicator, &figure(2016, 1.0), &figure(2024, 2.0));
        assert_eq!(change.and_then(|c| c.edition_break), None);
    }

    #[test]
    fn no_relative_change_from_zero() {
        let change = change_between(&indicator(), &figure(2016, 0.0), &figure(2023, 5.0)).unwrap();
        assert_eq!((change.relative, change.yearly_rate), (None, None));
    }
}
