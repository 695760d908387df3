//! `compare`: provinces × indicators, as a table, CSV or JSON.

use std::fmt::Write as _;
use std::process::ExitCode;

use ict_compare::{CompareSpec, Error, ProvinceId, compare};

use crate::output::{
    CELL_HEADER, aligned, cell_line, csv_line, json, province_name, shown, write_out,
};
use crate::{Format, Options, list};

pub(crate) fn run_compare(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let provinces = list(options.provinces.as_ref(), "provinces")?
        .iter()
        .map(|p| {
            p.parse::<ProvinceId>()
                .map_err(|()| Error::request(format!("province {p:?}: expected p63:NN or p34:NN")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let spec = CompareSpec {
        provinces,
        indicators: list(options.indicators.as_ref(), "indicators")?,
        period: options.period,
        per_capita: options.per_capita,
        scheme: options.scheme,
        targets: false,
        include_partial: options.include_partial,
        references: true,
    };
    let matrix = compare(&dataset, &spec)?;
    match options.format {
        Format::Json => json(&matrix)?,
        Format::Csv => {
            let mut out = csv_line(&CELL_HEADER);
            for row in &matrix.rows {
                for (column, cell) in matrix.columns.iter().zip(&row.cells) {
                    out.push_str(&cell_line(
                        &dataset,
                        row.province,
                        &column.indicator,
                        &column.unit,
                        cell.as_ref().map(|c| &c.figure),
                    ));
                }
            }
            write_out(&out)?;
        }
        Format::Table => {
            let mut table = vec![
                std::iter::once("province".to_owned())
                    .chain(matrix.columns.iter().map(|c| c.indicator.clone()))
                    .collect::<Vec<_>>(),
            ];
            for row in &matrix.rows {
                let mut line = vec![province_name(&dataset, row.province)];
                for (cell, column) in row.cells.iter().zip(&matrix.columns) {
                    line.push(cell.as_ref().map_or_else(
                        || "–".to_owned(),
                        |c| {
                            let best = if c.best { " *" } else { "" };
                            format!("{}{best}", shown(&c.figure, &column.unit))
                        },
                    ));
                }
                table.push(line);
            }
            let mut out = aligned(&table);
            for warning in &matrix.warnings {
                let line = vec![format!(
                    "warning [{}]: {}",
                    warning.code.code(),
                    warning.message
                )];
                out += &aligned(&[line]);
            }
            let _ = writeln!(out, "* best, where the order is certain");
            for column in &matrix.columns {
                if !column.references.lines.is_empty() {
                    let _ = write!(out, "\n{}:", column.indicator);
                    crate::rank::write_references(&mut out, &column.references, &column.unit);
                }
            }
            write_out(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
