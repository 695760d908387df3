//! The comparison table in columns rather than one object per cell, so that handing it to
//! JavaScript copies a few arrays instead of building thousands of objects; and the provenance
//! of one number of any answer, fetched when a reader opens it.

use crate::compare::{CompareSpec, compare_values};
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::Qualifier;
use crate::query::{Figure, Options, Selector, has_per_capita, per_capita};

use super::province::{figure_mark, shown_unit};
use super::{DenseMatrix, FigureMark, FigureRef};

/// The marks in code order: a cell's `marks` entry is an index into this.
const MARKS: [FigureMark; 5] = [
    FigureMark::Published,
    FigureMark::Derived,
    FigureMark::LowerBound,
    FigureMark::Partial,
    FigureMark::User,
];

/// `compare`'s answer as columns of numbers and codes. No provenance is built: the cells are
/// read without it, and a reader opening a number asks [`provenance`] for it.
pub fn compare_dense(dataset: &Dataset, spec: &CompareSpec) -> Result<DenseMatrix> {
    let matrix = compare_values(dataset, spec)?;
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
            values.push(cell.figure.value.unwrap_or(f64::NAN));
            years.push(cell.figure.period.calendar_year());
            qualifiers.push(
                Qualifier::ALL
                    .iter()
                    .position(|q| *q == cell.figure.qualifier)
                    .unwrap_or(0) as u8,
            );
            let mark = figure_mark(&cell.figure);
            marks.push(MARKS.iter().position(|m| *m == mark).unwrap_or(0) as u8);
            if cell.best
                && let Some(slot) = best.get_mut(c)
            {
                *slot = Some(r as u32);
            }
        }
    }
    let mut indicators = Vec::with_capacity(matrix.columns.len());
    let mut units = Vec::with_capacity(matrix.columns.len());
    let mut decimals = Vec::with_capacity(matrix.columns.len());
    for column in &matrix.columns {
        let Some(definition) = dataset.indicator(&column.indicator) else {
            continue;
        };
        let applied = spec.per_capita && has_per_capita(&definition.aggregation);
        let (unit, shown) = shown_unit(definition, applied);
        indicators.push(definition.id.clone());
        units.push(unit);
        decimals.push(shown);
    }
    Ok(DenseMatrix {
        period: matrix.period.to_string(),
        provinces: matrix.rows.iter().map(|r| r.province).collect(),
        indicators,
        units,
        decimals,
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
        targets: at.target,
        include_partial: true,
    };
    let missing = || {
        Error::request(format!(
            "no figure of {} for {} in {}",
            at.indicator, at.province, at.period
        ))
    };
    let figure = selector
        .figure(indicator, at.province, at.period, options)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::model::{ProvinceId, Scheme};
    use crate::query::PeriodSpec;

    /// The dense answer read off the full comparison, whose figures carry their provenance.
    fn from_full(dataset: &Dataset, spec: &CompareSpec) -> (Vec<u16>, Vec<u8>, Vec<u8>, Vec<u64>) {
        let matrix = compare(dataset, spec).expect("compares");
        let mut out = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for row in &matrix.rows {
            for cell in &row.cells {
                let Some(cell) = cell else {
                    out.0.push(0);
                    out.1.push(0);
                    out.2.push(0);
                    out.3.push(f64::NAN.to_bits());
                    continue;
                };
                let figure = &cell.figure;
                assert!(!figure.provenance.is_empty(), "the full answer carries it");
                out.0.push(figure.period.calendar_year());
                let qualifier = Qualifier::ALL.iter().position(|q| *q == figure.qualifier);
                out.1.push(qualifier.unwrap_or(0) as u8);
                let mark = MARKS.iter().position(|m| *m == figure_mark(figure));
                out.2.push(mark.unwrap_or(0) as u8);
                out.3.push(figure.value.unwrap_or(f64::NAN).to_bits());
            }
        }
        out
    }

    #[test]
    fn the_dense_answer_built_without_provenance_is_the_full_answers_cells() {
        let dataset = Dataset::bundled().expect("the bundled dataset loads");
        let provinces: Vec<ProvinceId> = ["p63:72", "p63:84", "p34:86", "p34:01", "p34:79"]
            .iter()
            .map(|p| p.parse().expect("an id"))
            .collect();
        let indicators = [
            "dti_score",
            "bts_stations",
            "households_fibre_share",
            "papi_e_governance",
        ];
        for (per_capita, scheme, period) in [
            (false, None, PeriodSpec::Latest),
            (true, None, PeriodSpec::Latest),
            (false, Some(Scheme::P34), PeriodSpec::Year(2023)),
            (true, Some(Scheme::P34), PeriodSpec::Latest),
        ] {
            let spec = CompareSpec {
                provinces: provinces.clone(),
                indicators: indicators.iter().map(|&i| i.to_owned()).collect(),
                period,
                per_capita,
                scheme,
                targets: false,
                include_partial: true,
                references: false,
            };
            let dense = compare_dense(&dataset, &spec).expect("answers");
            let (years, qualifiers, marks, values) = from_full(&dataset, &spec);
            assert!(values.iter().any(|v| !f64::from_bits(*v).is_nan()));
            assert_eq!(dense.years, years, "{per_capita} {scheme:?}");
            assert_eq!(dense.qualifiers, qualifiers);
            assert_eq!(dense.marks, marks);
            let dense_values: Vec<u64> = dense.values.iter().map(|v| v.to_bits()).collect();
            assert_eq!(dense_values, values);
            let full = compare(&dataset, &spec).expect("compares");
            let best: Vec<Option<u32>> = (0..full.columns.len())
                .map(|c| {
                    let best = full.rows.iter().position(|r| {
                        r.cells
                            .get(c)
                            .and_then(Option::as_ref)
                            .is_some_and(|x| x.best)
                    });
                    best.map(|r| r as u32)
                })
                .collect();
            assert_eq!(dense.best, best);
        }
    }
}
