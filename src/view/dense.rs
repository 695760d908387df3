//! The comparison table in columns rather than one object per cell, so that handing it to
//! JavaScript copies a few arrays instead of building thousands of objects; and the provenance
//! of one number of any answer, fetched when a reader opens it.

use crate::compare::{CompareSpec, compare};
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::Qualifier;
use crate::query::{Figure, Options, PeriodSpec, Selector, has_per_capita, per_capita};

use super::province::{indicator_summary, view_figure};
use super::{DenseMatrix, FigureMark, FigureRef};

/// The marks in code order: a cell's `marks` entry is an index into this.
const MARKS: [FigureMark; 5] = [
    FigureMark::Published,
    FigureMark::Derived,
    FigureMark::LowerBound,
    FigureMark::Partial,
    FigureMark::User,
];

/// `compare`'s answer as columns of numbers and codes.
pub fn compare_dense(dataset: &Dataset, spec: &CompareSpec) -> Result<DenseMatrix> {
    let matrix = compare(dataset, spec)?;
    let cells = matrix.rows.len() * matrix.columns.len();
    let mut values = Vec::with_capacity(cells);
    let mut years = Vec::with_capacity(cells);
    let mut qualifiers = Vec::with_capacity(cells);
    let mut marks = Vec::with_capacity(cells);
    let mut best: Vec<Option<u32>> = vec![None; matrix.columns.len()];
    for (r, row) in matrix.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else {
                values.push(f64::NAN);
                years.push(0);
                qualifiers.push(0);
                marks.push(0);
                continue;
            };
            let indicator = matrix
                .columns
                .get(c)
                .map_or("", |col| col.indicator.as_str());
            let shown = view_figure(&cell.figure, row.province, indicator, spec.per_capita);
            values.push(cell.figure.value.unwrap_or(f64::NAN));
            years.push(cell.figure.period.calendar_year());
            qualifiers.push(
                Qualifier::ALL
                    .iter()
                    .position(|q| *q == cell.figure.qualifier)
                    .unwrap_or(0) as u8,
            );
            marks.push(MARKS.iter().position(|m| *m == shown.mark).unwrap_or(0) as u8);
            if cell.best
                && let Some(slot) = best.get_mut(c)
            {
                *slot = Some(r as u32);
            }
        }
    }
    let columns = matrix
        .columns
        .iter()
        .filter_map(|col| {
            let definition = dataset.indicator(&col.indicator)?;
            let applied = spec.per_capita && has_per_capita(&definition.aggregation);
            Some(indicator_summary(definition, applied))
        })
        .collect();
    Ok(DenseMatrix {
        period: matrix.period.to_string(),
        provinces: matrix.rows.iter().map(|r| r.province).collect(),
        columns,
        values,
        years,
        qualifiers,
        marks,
        qualifier_codes: Qualifier::ALL.to_vec(),
        mark_codes: MARKS.to_vec(),
        best,
    })
}

/// The figure behind one number of an answer, with the provenance of every observation it
/// rests on (a partial roll-up included, since its parts are what a reader wants to see).
pub fn provenance(dataset: &Dataset, at: &FigureRef) -> Result<Figure> {
    let indicator = dataset.require_indicator(&at.indicator)?;
    dataset.reference().require(at.province)?;
    let selector = Selector::new(dataset);
    let options = Options {
        targets: false,
        include_partial: true,
    };
    let missing = || {
        Error::request(format!(
            "no figure of {} for {} in {}",
            at.indicator, at.province, at.year
        ))
    };
    let figure = selector
        .figure(indicator, at.province, PeriodSpec::Year(at.year), options)
        .ok_or_else(missing)?;
    let definition = dataset
        .indicators()
        .get(indicator as usize)
        .ok_or_else(missing)?;
    if !at.per_capita {
        return Ok(figure);
    }
    if !has_per_capita(&definition.aggregation) {
        return Err(super::province::not_per_capita(definition));
    }
    per_capita(selector, &figure, &definition.aggregation, at.province).ok_or_else(missing)
}
