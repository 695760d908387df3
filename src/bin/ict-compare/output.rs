//! How answers are written: aligned tables for people, CSV records and JSON for programs.

use ict_compare::{Dataset, Figure, ProvinceId};
use serde::Serialize;

use crate::Format;

pub(crate) const CELL_HEADER: [&str; 12] = [
    "province",
    "province_name",
    "indicator",
    "unit",
    "value",
    "qualifier",
    "period",
    "derived",
    "partial",
    "source",
    "observation",
    "quote",
];

pub(crate) fn cell_line(
    dataset: &Dataset,
    province: ProvinceId,
    indicator: &str,
    unit: &str,
    figure: Option<&Figure>,
) -> String {
    let empty = String::new();
    let Some(figure) = figure else {
        return csv_line(&[
            &province.to_string(),
            &province_name(dataset, province),
            indicator,
            unit,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]);
    };
    let join = |f: &dyn Fn(&ict_compare::Provenance) -> String| {
        figure
            .provenance
            .iter()
            .map(f)
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let derived = figure.derived.as_ref();
    csv_line(&[
        &province.to_string(),
        &province_name(dataset, province),
        indicator,
        unit,
        &figure.value.map_or(empty, |v| v.to_string()),
        figure.qualifier.as_str(),
        &figure.period.to_string(),
        &derived.map(|d| d.note.clone()).unwrap_or_default(),
        &derived.is_some_and(|d| d.reported < d.members).to_string(),
        &join(&|p| p.source.clone()),
        &join(&|p| p.observation.clone()),
        &join(&|p| p.quote.clone()),
    ])
}

pub(crate) fn province_name(dataset: &Dataset, id: ProvinceId) -> String {
    dataset
        .reference()
        .province(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// A figure for people: qualifier symbol, Vietnamese number, `%` for shares, period.
pub(crate) fn shown(figure: &Figure, unit: &str) -> String {
    match figure.value {
        Some(value) => format!(
            "{}{}{} ({})",
            figure.qualifier.symbol(),
            ict_compare::format_vietnamese_number(value, 2),
            if unit == "percent" { " %" } else { "" },
            figure.period
        ),
        None => match &figure.derived {
            Some(d) => format!("partial, {} of {}", d.reported, d.members),
            None => "–".to_owned(),
        },
    }
}

pub(crate) fn json<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(error) => eprintln!("ict-compare: cannot write JSON: {error}"),
    }
}

pub(crate) fn print_rows(format: Format, header: &[&str], rows: Vec<Vec<String>>) {
    if format == Format::Csv {
        let mut out = csv_line(header);
        for row in &rows {
            out.push_str(&csv_line(
                &row.iter().map(String::as_str).collect::<Vec<_>>(),
            ));
        }
        print!("{out}");
    } else {
        let mut table = vec![header.iter().map(|h| (*h).to_owned()).collect()];
        table.extend(rows);
        print!("{}", aligned(&table));
    }
}

/// One CSV record (RFC 4180: fields with a comma, quote or line break are quoted).
pub(crate) fn csv_line(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                (*f).to_owned()
            }
        })
        .collect();
    format!("{}\n", quoted.join(","))
}

/// Columns padded to their widest cell, counted in characters.
pub(crate) fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &width)| format!("{cell:<width$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
