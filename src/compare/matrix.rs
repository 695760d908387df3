//! The comparison table: provinces down, indicators across, one answer per cell.
//!
//! Each column is one indicator, so its cells are comparable by construction; the best cell is
//! marked only where the order is certain and the cells share a year. Columns of one family
//! (look-alikes), columns mixing years, and partial roll-ups are reported as warnings.

use serde::{Deserialize, Serialize};

use crate::compare::MAX_REQUEST_ITEMS;
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::{Better, ProvinceId, Scheme, Unit};
use crate::query::{
    Figure, FigureRef, Options, PER_CAPITA_UNIT, PeriodSpec, References, Selector, has_per_capita,
    per_capita, references,
};

/// A comparison request.
// Each flag is an independent switch of the request, spelt as the JavaScript object spells it.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompareSpec {
    /// Provinces, of either scheme.
    pub provinces: Vec<ProvinceId>,
    /// Indicator ids.
    pub indicators: Vec<String>,
    /// Which period.
    #[serde(default)]
    pub period: PeriodSpec,
    /// Counts and amounts per 100 000 people.
    #[serde(default)]
    pub per_capita: bool,
    /// Show the provinces in this scheme (63-list provinces roll up into their 2025 province).
    #[serde(default)]
    pub scheme: Option<Scheme>,
    /// Targets instead of achievements.
    #[serde(default)]
    pub targets: bool,
    /// Give partial roll-ups a value anyway.
    #[serde(default)]
    pub include_partial: bool,
    /// Give each column the national average and its rows' regions' averages. Off by default:
    /// a comparison of a few provinces is answered without a pass over all 63.
    #[serde(default)]
    pub references: bool,
}

/// One cell: a figure, or nothing reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// The answer.
    #[serde(flatten)]
    pub figure: Figure,
    /// Whether this is the column's best value, with certainty.
    pub best: bool,
    /// What to pass to `Dataset.provenance` for the quotes behind this number, when the
    /// answer left them out ([`compare_without_provenance`]).
    #[serde(rename = "ref")]
    pub figure_ref: FigureRef,
}

/// One column: an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// The indicator's id.
    pub indicator: String,
    /// The unit of the column's values (`per_100000_people` when normalised).
    pub unit: String,
    /// Whether the column's cells come from different years.
    pub mixed_periods: bool,
    /// The distinct periods of the column, oldest first.
    pub periods: Vec<crate::model::Period>,
    /// The national average, and the averages of the regions of the rows' provinces (63-list),
    /// for the period asked, when the spec asks for them: reference lines, not rows.
    pub references: References,
}

/// One row: a province.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// The province.
    pub province: ProvinceId,
    /// One cell per column; `None` where nothing is reported.
    pub cells: Vec<Option<Cell>>,
}

/// What a [`Warning`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum WarningCode {
    /// A column's figures are of different years (each province's latest).
    MixedPeriods,
    /// Indicators that look alike are defined differently.
    LookAlike,
    /// Some figures add up only some of the former provinces.
    Partial,
    /// Per 100 000 people was asked of an indicator that does not add up across provinces.
    PerCapitaNotApplicable,
    /// In the chart tab's answer: its lines cross a change of method.
    MethodBreak,
}

impl WarningCode {
    /// The code as an answer spells it (`mixedPeriods` …), for the command line.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            WarningCode::MixedPeriods => "mixedPeriods",
            WarningCode::LookAlike => "lookAlike",
            WarningCode::Partial => "partial",
            WarningCode::PerCapitaNotApplicable => "perCapitaNotApplicable",
            WarningCode::MethodBreak => "methodBreak",
        }
    }
}

/// Something the reader must know to read the table (or the chart) right.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Warning {
    /// What it is about: the page words it in the reader's language from this.
    pub code: WarningCode,
    /// The indicators concerned.
    pub indicators: Vec<String>,
    /// In words (English; the page words it itself from the code).
    pub message: String,
}

/// The answer to a [`CompareSpec`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// The period asked for.
    pub period: PeriodSpec,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Row>,
    /// Warnings, for the page to show in words.
    pub warnings: Vec<Warning>,
}

/// Answers a comparison request in one pass over the index.
pub fn compare(dataset: &Dataset, spec: &CompareSpec) -> Result<Matrix> {
    with_look_alikes(Selector::new(dataset), spec)
}

/// The comparison as [`compare`] answers it, its figures without their provenance: a reader
/// opening a number asks for it by the cell's `ref`. What the page's table draws (as columns,
/// `view::compare_dense`), so that it needs none of the long texts (quotes, table-cell places)
/// a reader may never open.
pub fn compare_without_provenance(dataset: &Dataset, spec: &CompareSpec) -> Result<Matrix> {
    with_look_alikes(Selector::without_provenance(dataset), spec)
}

/// The answer with the warnings about look-alike columns.
fn with_look_alikes(selector: Selector<'_>, spec: &CompareSpec) -> Result<Matrix> {
    let dataset = selector.dataset;
    let mut matrix = answer(selector, spec)?;
    let indicators = spec
        .indicators
        .iter()
        .map(|id| dataset.require_indicator(id))
        .collect::<Result<Vec<u32>>>()?;
    matrix.warnings.extend(look_alikes(dataset, &indicators)?);
    Ok(matrix)
}

/// The cells, columns and per-column warnings of a comparison, its figures read by `selector`.
fn answer(selector: Selector<'_>, spec: &CompareSpec) -> Result<Matrix> {
    let dataset = selector.dataset;
    if spec.provinces.len() > MAX_REQUEST_ITEMS || spec.indicators.len() > MAX_REQUEST_ITEMS {
        return Err(Error::request(format!(
            "at most {MAX_REQUEST_ITEMS} provinces and indicators per request"
        )));
    }
    let provinces = in_scheme(dataset, &spec.provinces, spec.scheme)?;
    let indicators = spec
        .indicators
        .iter()
        .map(|id| dataset.require_indicator(id))
        .collect::<Result<Vec<u32>>>()?;
    let options = Options {
        targets: spec.targets,
        include_partial: spec.include_partial,
    };
    let mut warnings = Vec::new();

    let mut rows: Vec<Row> = provinces
        .iter()
        .map(|&province| Row {
            province,
            cells: Vec::with_capacity(indicators.len()),
        })
        .collect();
    let mut columns = Vec::new();
    for (&indicator, id) in indicators.iter().zip(&spec.indicators) {
        let column = fill_column(
            selector,
            spec,
            options,
            (indicator, id),
            &mut rows,
            &mut warnings,
        )?;
        columns.push(column);
    }
    Ok(Matrix {
        period: spec.period,
        columns,
        rows,
        warnings,
    })
}

/// The averages drawn beside a column when the spec asks for them: the nation's and those of
/// the compared provinces' regions; none per capita.
fn column_references(
    selector: Selector<'_>,
    spec: &CompareSpec,
    indicator: u32,
    rows: &[Row],
    normalise: bool,
    options: Options,
) -> References {
    if !spec.references {
        return References::default();
    }
    if normalise {
        return References::not_per_capita();
    }
    let dataset = selector.dataset;
    let mut regions: Vec<String> = rows
        .iter()
        .filter_map(|r| dataset.reference().province(r.province)?.region.clone())
        .collect();
    crate::order::sort_distinct(&mut regions);
    references(selector, indicator, spec.period, &regions, options)
}

/// Fills one column (an indicator) of every row, and says what the reader must know about it.
fn fill_column(
    selector: Selector<'_>,
    spec: &CompareSpec,
    options: Options,
    (indicator, id): (u32, &String),
    rows: &mut [Row],
    warnings: &mut Vec<Warning>,
) -> Result<Column> {
    let dataset = selector.dataset;
    let column_index = rows.first().map_or(0, |r| r.cells.len());
    let definition = &dataset.indicators()[indicator as usize];
    let normalise = spec.per_capita && has_per_capita(&definition.aggregation);
    if spec.per_capita && !normalise {
        warnings.push(Warning {
            code: WarningCode::PerCapitaNotApplicable,
            indicators: vec![id.clone()],
            message: format!(
                "{id} is not a count that adds up across provinces (its rule is {}); shown as reported",
                definition.aggregation
            ),
        });
    }
    let mut partial = false;
    for row in rows.iter_mut() {
        let figure = selector
            .figure(indicator, row.province, spec.period, options)
            .and_then(|figure| {
                if normalise {
                    per_capita(selector, &figure, &definition.aggregation, row.province)
                } else {
                    Some(figure)
                }
            });
        if let Some(figure) = &figure {
            figure.ensure_finite(|| format!("{id} for {}", row.province))?;
        }
        partial |= figure
            .as_ref()
            .and_then(|f| f.derived.as_ref())
            .is_some_and(|d| d.reported < d.members);
        row.cells.push(figure.map(|figure| Cell {
            figure_ref: FigureRef::of(&figure, row.province, id, spec.period, normalise),
            figure,
            best: false,
        }));
    }
    let mut periods: Vec<_> = rows
        .iter()
        .filter_map(|r| r.cells[column_index].as_ref())
        .filter(|c| c.figure.value.is_some())
        .map(|c| c.figure.period)
        .collect();
    crate::order::sort_distinct(&mut periods);
    let mut years: Vec<_> = periods.iter().map(|p| p.calendar_year()).collect();
    years.dedup();
    let mixed = years.len() > 1
        || rows.iter().any(|r| {
            r.cells[column_index]
                .as_ref()
                .is_some_and(|c| c.figure.mixed_periods)
        });
    if mixed {
        warnings.push(Warning {
            code: WarningCode::MixedPeriods,
            indicators: vec![id.clone()],
            message: format!(
                "{id}: figures from different years ({}) are shown side by side",
                years
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    } else {
        mark_best(rows, column_index, definition.better, definition.unit);
    }
    if partial {
        warnings.push(Warning {
            code: WarningCode::Partial,
            indicators: vec![id.clone()],
            message: format!(
                "{id}: some 2025 provinces have figures for only some of their former provinces"
            ),
        });
    }
    let references = column_references(selector, spec, indicator, rows, normalise, options);
    Ok(Column {
        indicator: id.clone(),
        references,
        unit: if normalise {
            PER_CAPITA_UNIT.to_owned()
        } else {
            definition.unit.as_str().to_owned()
        },
        mixed_periods: mixed,
        periods,
    })
}

/// One warning per family that has several columns: its members are defined differently by
/// construction.
fn look_alikes(dataset: &Dataset, indicators: &[u32]) -> Result<Vec<Warning>> {
    let mut warnings = Vec::new();
    let family_of = |i: u32| dataset.indicators()[i as usize].family.as_str();
    for (i, &a) in indicators.iter().enumerate() {
        let family = family_of(a);
        // Each family once, at its first column; most columns are a family of their own.
        let first = !indicators[..i].iter().any(|&b| family_of(b) == family);
        let shared = indicators[i + 1..].iter().any(|&b| family_of(b) == family);
        if !first || !shared {
            continue;
        }
        let mut members: Vec<String> = indicators[i..]
            .iter()
            .filter(|&&b| family_of(b) == family)
            .map(|&b| dataset.indicators()[b as usize].id.clone())
            .collect();
        crate::order::sort_distinct(&mut members);
        if members.len() > 1 {
            let ids: Vec<&str> = members.iter().map(String::as_str).collect();
            let verdict = crate::compare::comparability(dataset, &ids)?;
            warnings.push(Warning {
                code: WarningCode::LookAlike,
                message: verdict.reason,
                indicators: members,
            });
        }
    }
    Ok(warnings)
}

/// The provinces to show: as given, or mapped into `scheme` (63-list provinces into the 2025
/// province that holds them, without repeats).
pub(crate) fn in_scheme(
    dataset: &Dataset,
    provinces: &[ProvinceId],
    scheme: Option<Scheme>,
) -> Result<Vec<ProvinceId>> {
    let reference = dataset.reference();
    let mut out: Vec<ProvinceId> = Vec::new();
    for &id in provinces {
        let province = reference.require(id)?;
        let mapped = match (scheme, id.scheme) {
            (Some(Scheme::P34), Scheme::P63) => province.merged_into.unwrap_or(id),
            (Some(Scheme::P63), Scheme::P34) => {
                return Err(Error::request(format!(
                    "{id} is a 2025 province; it cannot be shown in the 63-province list (name its former provinces)"
                )));
            }
            _ => id,
        };
        if !out.contains(&mapped) {
            out.push(mapped);
        }
    }
    // A province beside the 2025 province that holds it would be compared with a sum or mean
    // of itself and its neighbours.
    for &id in &out {
        let Some(whole) = reference.require(id)?.merged_into else {
            continue;
        };
        if out.contains(&whole) {
            return Err(Error::request(format!(
                "{id} is part of {whole}: a province is not compared with the 2025 province that holds it (choose one list, or a scheme to bring both to it)"
            )));
        }
    }
    Ok(out)
}

/// Marks the column's best cell where it is certainly ahead of every other.
fn mark_best(rows: &mut [Row], column: usize, better: Better, unit: Unit) {
    let ceiling = unit.maximum().unwrap_or(f64::INFINITY);
    let intervals: Vec<(usize, crate::model::Interval)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            r.cells[column]
                .as_ref()
                .and_then(|c| c.figure.interval(ceiling))
                .map(|iv| (i, iv))
        })
        .collect();
    if intervals.len() < 2 {
        return;
    }
    let ahead = |a: &crate::model::Interval, b: &crate::model::Interval| match better {
        Better::Higher => a.entirely_above(b),
        Better::Lower => b.entirely_above(a),
        Better::None => false,
    };
    for (i, candidate) in &intervals {
        if intervals
            .iter()
            .all(|(j, other)| i == j || ahead(candidate, other))
            && let Some(cell) = rows[*i].cells[column].as_mut()
        {
            cell.best = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::WarningCode;

    #[test]
    fn a_warnings_code_is_how_an_answer_spells_it() {
        for code in [
            WarningCode::MixedPeriods,
            WarningCode::LookAlike,
            WarningCode::Partial,
            WarningCode::PerCapitaNotApplicable,
            WarningCode::MethodBreak,
        ] {
            let spelt = serde_json::to_value(code).expect("a code serialises");
            assert_eq!(spelt.as_str(), Some(code.code()));
        }
    }
}
