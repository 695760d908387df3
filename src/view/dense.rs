//! The comparison table in columns rather than one object per cell, so that handing it to
//! JavaScript copies a few arrays instead of building an object for every cell (the page's
//! table, and at 5 × 20 cells about a third of the time of the same answer as objects); and
//! the provenance of one number of any answer, fetched when a reader opens it.

use crate::compare::{CompareSpec, compare_without_provenance};
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::{Origin, Qualifier};
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

/// The origins in code order.
const ORIGINS: [Origin; 2] = [Origin::Bundled, Origin::User];

/// `compare`'s answer as columns of numbers and codes, its warnings included. No provenance
/// is built: the cells are read without it, and a reader opening a number asks [`provenance`]
/// for it.
pub fn compare_dense(dataset: &Dataset, spec: &CompareSpec) -> Result<DenseMatrix> {
    let matrix = compare_without_provenance(dataset, spec)?;
    let cells = matrix.rows.len() * matrix.columns.len();
    let mut dense = DenseMatrix {
        period: matrix.period,
        provinces: matrix.rows.iter().map(|r| r.province).collect(),
        indicators: Vec::with_capacity(matrix.columns.len()),
        units: Vec::with_capacity(matrix.columns.len()),
        decimals: Vec::with_capacity(matrix.columns.len()),
        per_capita: Vec::with_capacity(matrix.columns.len()),
        warnings: matrix.warnings,
        present: Vec::with_capacity(cells),
        values: Vec::with_capacity(cells),
        out_of: Vec::with_capacity(cells),
        periods: Vec::with_capacity(cells),
        qualifiers: Vec::with_capacity(cells),
        marks: Vec::with_capacity(cells),
        origins: Vec::with_capacity(cells),
        targets: Vec::with_capacity(cells),
        derived: Vec::with_capacity(cells),
        members: Vec::with_capacity(cells),
        reported: Vec::with_capacity(cells),
        period_codes: Vec::new(),
        qualifier_codes: Qualifier::ALL.to_vec(),
        mark_codes: MARKS.to_vec(),
        origin_codes: ORIGINS.to_vec(),
        best: vec![None; matrix.columns.len()],
    };
    for (r, row) in matrix.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            dense.push(cell.as_ref().map(|cell| &cell.figure));
            if cell.as_ref().is_some_and(|cell| cell.best)
                && let Some(slot) = dense.best.get_mut(c)
            {
                *slot = Some(r as u32);
            }
        }
    }
    for column in &matrix.columns {
        let Some(definition) = dataset.indicator(&column.indicator) else {
            continue;
        };
        let applied = spec.per_capita && has_per_capita(&definition.aggregation);
        let (unit, shown) = shown_unit(definition, applied);
        dense.indicators.push(definition.id.clone());
        dense.units.push(unit);
        dense.decimals.push(shown);
        dense.per_capita.push(applied);
    }
    Ok(dense)
}

/// The index of `item` in `codes`: every value of the closed sets coded here is in its list.
fn code<T: PartialEq>(codes: &[T], item: &T) -> u8 {
    codes.iter().position(|c| c == item).unwrap_or(0) as u8
}

impl DenseMatrix {
    /// Adds the next cell, row by row: `figure`, or nothing reported.
    fn push(&mut self, figure: Option<&Figure>) {
        let Some(figure) = figure else {
            self.present.push(0);
            self.values.push(f64::NAN);
            self.out_of.push(f64::NAN);
            self.periods.push(0);
            self.qualifiers.push(0);
            self.marks.push(0);
            self.origins.push(0);
            self.targets.push(0);
            self.derived.push(0);
            self.members.push(0);
            self.reported.push(0);
            return;
        };
        self.present.push(1);
        self.values.push(figure.value.unwrap_or(f64::NAN));
        self.out_of.push(figure.out_of.unwrap_or(f64::NAN));
        let period = self
            .period_codes
            .iter()
            .position(|p| *p == figure.period)
            .unwrap_or_else(|| {
                self.period_codes.push(figure.period);
                self.period_codes.len() - 1
            });
        // A dataset's distinct periods are far fewer than 65 536.
        self.periods.push(u16::try_from(period).unwrap_or(u16::MAX));
        self.qualifiers
            .push(code(Qualifier::ALL, &figure.qualifier));
        self.marks.push(code(&MARKS, &figure_mark(figure)));
        self.origins.push(code(&ORIGINS, &figure.origin));
        self.targets.push(u8::from(figure.is_target));
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let (derived, members, reported) = figure
            .derived
            .as_ref()
            .map_or((0, 0, 0), |d| (1, count(d.members), count(d.reported)));
        self.derived.push(derived);
        self.members.push(members);
        self.reported.push(reported);
    }
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
    use crate::model::{Period, ProvinceId, Scheme};
    use crate::query::PeriodSpec;

    /// One cell as the dense answer codes it, read off a cell of the full comparison.
    type Coded = (u8, Option<Period>, u8, u8, u8, u8, u8, u16, u16, u64, u64);

    /// The dense answer's cells read off the full comparison, whose figures carry their
    /// provenance.
    fn from_full(dataset: &Dataset, spec: &CompareSpec) -> Vec<Coded> {
        let matrix = compare(dataset, spec).expect("compares");
        let none = f64::NAN.to_bits();
        let mut out = Vec::new();
        for row in &matrix.rows {
            for cell in &row.cells {
                let Some(cell) = cell else {
                    out.push((0, None, 0, 0, 0, 0, 0, 0, 0, none, none));
                    continue;
                };
                let figure = &cell.figure;
                assert!(!figure.provenance.is_empty(), "the full answer carries it");
                let (derived, members, reported) = figure
                    .derived
                    .as_ref()
                    .map_or((0, 0, 0), |d| (1, d.members as u16, d.reported as u16));
                out.push((
                    1,
                    Some(figure.period),
                    code(Qualifier::ALL, &figure.qualifier),
                    code(&MARKS, &figure_mark(figure)),
                    u8::from(figure.origin == Origin::User),
                    u8::from(figure.is_target),
                    derived,
                    members,
                    reported,
                    figure.value.unwrap_or(f64::NAN).to_bits(),
                    figure.out_of.unwrap_or(f64::NAN).to_bits(),
                ));
            }
        }
        out
    }

    /// The dense answer's cells, each read through its codes.
    fn cells(dense: &DenseMatrix) -> Vec<Coded> {
        (0..dense.values.len())
            .map(|i| {
                let present = dense.present[i];
                let period =
                    (present == 1).then(|| dense.period_codes[usize::from(dense.periods[i])]);
                (
                    present,
                    period,
                    dense.qualifiers[i],
                    dense.marks[i],
                    u8::from(dense.origin_codes[usize::from(dense.origins[i])] == Origin::User),
                    dense.targets[i],
                    dense.derived[i],
                    dense.members[i],
                    dense.reported[i],
                    dense.values[i].to_bits(),
                    dense.out_of[i].to_bits(),
                )
            })
            .collect()
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
        let mut derived_seen = false;
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
            let full_cells = from_full(&dataset, &spec);
            assert!(full_cells.iter().any(|c| !f64::from_bits(c.9).is_nan()));
            derived_seen |= full_cells.iter().any(|c| c.6 == 1);
            assert_eq!(cells(&dense), full_cells, "{per_capita} {scheme:?}");
            let full = compare(&dataset, &spec).expect("compares");
            assert_eq!(dense.warnings, full.warnings);
            let provinces: Vec<ProvinceId> = full.rows.iter().map(|r| r.province).collect();
            assert_eq!(dense.provinces, provinces);
            let indicators: Vec<&str> = full.columns.iter().map(|c| c.indicator.as_str()).collect();
            assert_eq!(dense.indicators, indicators);
            let units: Vec<&str> = full.columns.iter().map(|c| c.unit.as_str()).collect();
            assert_eq!(dense.units, units);
            let per_capita_columns: Vec<bool> = dense
                .units
                .iter()
                .map(|u| u == crate::query::PER_CAPITA_UNIT)
                .collect();
            assert_eq!(dense.per_capita, per_capita_columns);
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
        assert!(
            derived_seen,
            "a roll-up or a figure per capita among the cells"
        );
    }
}
