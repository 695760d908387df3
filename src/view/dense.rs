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
        // Every column's indicator was found by the comparison: an error here would be a bug,
        // but never a column left out, which would shift every cell after it.
        let (_, definition) = dataset.require_definition(&column.indicator)?;
        let applied = spec.per_capita && has_per_capita(&definition.aggregation);
        let (unit, shown) = shown_unit(definition, applied);
        dense.indicators.push(definition.id.clone());
        dense.units.push(unit);
        dense.decimals.push(shown);
        dense.per_capita.push(applied);
    }
    Ok(dense)
}

/// A qualifier's code: its index in `Qualifier::ALL`, the list of every qualifier.
fn qualifier_code(qualifier: Qualifier) -> u8 {
    Qualifier::ALL
        .iter()
        .position(|q| *q == qualifier)
        .map_or(0, |i| i as u8)
}

/// A mark's code: its index in [`MARKS`]. A match rather than a search, so that a new mark
/// cannot go uncoded (a test holds the two to each other).
fn mark_code(mark: FigureMark) -> u8 {
    match mark {
        FigureMark::Published => 0,
        FigureMark::Derived => 1,
        FigureMark::LowerBound => 2,
        FigureMark::Partial => 3,
        FigureMark::User => 4,
    }
}

/// An origin's code: its index in [`ORIGINS`], by a match as a mark's is.
fn origin_code(origin: Origin) -> u8 {
    match origin {
        Origin::Bundled => 0,
        Origin::User => 1,
    }
}

impl DenseMatrix {
    /// Adds the next cell, row by row: `figure`, or nothing reported.
    fn push(&mut self, figure: Option<&Figure>) {
        let Some(figure) = figure else {
            self.present.push(false);
            self.values.push(f64::NAN);
            self.out_of.push(f64::NAN);
            self.periods.push(0);
            self.qualifiers.push(0);
            self.marks.push(0);
            self.origins.push(0);
            self.targets.push(false);
            self.derived.push(false);
            self.members.push(0);
            self.reported.push(0);
            return;
        };
        self.present.push(true);
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
        // A dataset has far fewer than 65 536 distinct periods (years, and the dates a file
        // may give), so the index fits.
        self.periods.push(u16::try_from(period).unwrap_or(u16::MAX));
        self.qualifiers.push(qualifier_code(figure.qualifier));
        self.marks.push(mark_code(figure_mark(figure)));
        self.origins.push(origin_code(figure.origin));
        self.targets.push(figure.is_target);
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let (derived, members, reported) = figure.derived.as_ref().map_or((false, 0, 0), |d| {
            (true, count(d.members), count(d.reported))
        });
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
    use std::fmt::Write as _;

    use super::*;
    use crate::compare::compare;
    use crate::model::{Period, ProvinceId, Scheme};
    use crate::query::PeriodSpec;

    /// One cell as a table reads it: what the full comparison's cell says, or what the dense
    /// answer's arrays say once their codes are read through the answer's lists.
    #[derive(Debug, PartialEq)]
    struct Shown {
        period: Period,
        qualifier: Qualifier,
        mark: FigureMark,
        origin: Origin,
        target: bool,
        /// Members and members reported, of a derived figure.
        derived: Option<(u16, u16)>,
        /// The bits of the value and of `out_of`, so that `NaN`s compare.
        value: u64,
        out_of: u64,
    }

    /// The full comparison's cells, row by row; its figures carry their provenance.
    fn from_full(dataset: &Dataset, spec: &CompareSpec) -> Vec<Option<Shown>> {
        let matrix = compare(dataset, spec).expect("compares");
        let bits = |value: Option<f64>| value.unwrap_or(f64::NAN).to_bits();
        let mut out = Vec::new();
        for row in &matrix.rows {
            for cell in &row.cells {
                out.push(cell.as_ref().map(|cell| {
                    let figure = &cell.figure;
                    assert!(!figure.provenance.is_empty(), "the full answer carries it");
                    Shown {
                        period: figure.period,
                        qualifier: figure.qualifier,
                        mark: figure_mark(figure),
                        origin: figure.origin,
                        target: figure.is_target,
                        derived: figure
                            .derived
                            .as_ref()
                            .map(|d| (d.members as u16, d.reported as u16)),
                        value: bits(figure.value),
                        out_of: bits(figure.out_of),
                    }
                }));
            }
        }
        out
    }

    /// The dense answer's cells, each read through its codes.
    fn cells(dense: &DenseMatrix) -> Vec<Option<Shown>> {
        (0..dense.values.len())
            .map(|i| {
                dense.present[i].then(|| Shown {
                    period: dense.period_codes[usize::from(dense.periods[i])],
                    qualifier: dense.qualifier_codes[usize::from(dense.qualifiers[i])],
                    mark: dense.mark_codes[usize::from(dense.marks[i])],
                    origin: dense.origin_codes[usize::from(dense.origins[i])],
                    target: dense.targets[i],
                    derived: dense.derived[i].then(|| (dense.members[i], dense.reported[i])),
                    value: dense.values[i].to_bits(),
                    out_of: dense.out_of[i].to_bits(),
                })
            })
            .collect()
    }

    #[test]
    fn each_code_is_its_values_place_in_the_answers_list() {
        for (i, qualifier) in Qualifier::ALL.iter().enumerate() {
            assert_eq!(usize::from(qualifier_code(*qualifier)), i);
        }
        for (i, mark) in MARKS.iter().enumerate() {
            assert_eq!(usize::from(mark_code(*mark)), i);
        }
        for (i, origin) in ORIGINS.iter().enumerate() {
            assert_eq!(usize::from(origin_code(*origin)), i);
        }
    }

    #[test]
    fn the_dense_answer_built_without_provenance_is_the_full_answers_cells() {
        let dataset = Dataset::bundled().expect("the bundled dataset loads");
        let provinces: Vec<ProvinceId> = ["p63:72", "p63:44", "p34:86", "p34:01", "p34:79"]
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
            let shown = full_cells.iter().flatten();
            assert!(shown.clone().any(|c| !f64::from_bits(c.value).is_nan()));
            derived_seen |= shown.clone().any(|c| c.derived.is_some());
            assert_eq!(cells(&dense), full_cells, "{per_capita} {scheme:?}");
            let full = compare(&dataset, &spec).expect("compares");
            assert_eq!(dense.warnings, full.warnings);
            let provinces: Vec<ProvinceId> = full.rows.iter().map(|r| r.province).collect();
            assert_eq!(dense.provinces, provinces);
            let indicators: Vec<&str> = full.columns.iter().map(|c| c.indicator.as_str()).collect();
            assert_eq!(dense.indicators, indicators);
            let units: Vec<&str> = full.columns.iter().map(|c| c.unit.as_str()).collect();
            assert_eq!(dense.units, units);
            // Each column per capita as each of its cells' address in the full answer says.
            for (c, per_capita) in dense.per_capita.iter().enumerate() {
                for row in &full.rows {
                    if let Some(Some(cell)) = row.cells.get(c) {
                        assert_eq!(cell.figure_ref.per_capita, *per_capita);
                    }
                }
            }
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

    #[test]
    fn a_roll_up_of_a_readers_figures_is_the_readers_and_derived_both() {
        let bundled = Dataset::bundled().expect("the bundled dataset loads");
        let reference = bundled.reference();
        let former: ProvinceId = "p63:72".parse().expect("an id");
        let merged = reference
            .province(former)
            .and_then(|p| p.merged_into)
            .expect("merged in 2025");
        let mut csv = String::from("province,indicator_id,period,value,source_id\n");
        for member in reference.provinces() {
            if member.merged_into == Some(merged) {
                let _ = writeln!(csv, "{},bts_stations,2024,1000,mine", member.id);
            }
        }
        let mine = bundled.with_user_file(&csv, "mine.csv").expect("loads");
        let spec = CompareSpec {
            provinces: vec![merged],
            indicators: vec!["bts_stations".to_owned()],
            period: PeriodSpec::Year(2024),
            per_capita: false,
            scheme: Some(Scheme::P34),
            targets: false,
            include_partial: true,
            references: false,
        };
        let dense = compare_dense(&mine, &spec).expect("answers");
        let shown = cells(&dense);
        assert_eq!(shown, from_full(&mine, &spec));
        let cell = shown[0].as_ref().expect("a figure");
        assert_eq!((cell.origin, cell.mark), (Origin::User, FigureMark::User));
        assert!(cell.derived.is_some(), "{cell:?}");
    }
}
