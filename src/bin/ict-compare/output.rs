//! How answers are written: aligned tables for people, CSV records and JSON for programs.

use ict_compare::{
    Dataset, Figure, PER_CAPITA_BASE, ProvinceId, ReferenceLine, Unit, format_vietnamese_number,
};
use serde::Serialize;

use crate::Format;

pub(crate) const CELL_HEADER: [&str; 13] = [
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
    "cross_check",
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
        &figure
            .cross_check
            .as_ref()
            .and_then(|c| c.value)
            .map(|v| v.to_string())
            .unwrap_or_default(),
    ])
}

pub(crate) fn province_name(dataset: &Dataset, id: ProvinceId) -> String {
    dataset
        .reference()
        .province(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// A number of a unit (a unit id of an answer) for people, in Vietnamese notation, with at most
/// the unit's decimals (four for index scores, as published; three otherwise) and no trailing
/// zeros: 0,8241 điểm, 4,822 tỷ đồng, 1.208.
pub(crate) fn number(value: f64, unit: &str) -> String {
    let decimals = unit.parse::<Unit>().map_or(3, Unit::decimals);
    format_vietnamese_number(value, usize::from(decimals))
}

/// The unit after a number (`tỷ đồng`, `%`), from a unit id of an answer.
pub(crate) fn unit_label(unit: &str) -> String {
    match unit.parse::<Unit>() {
        Ok(unit) => unit.label_vi().to_owned(),
        Err(()) if unit == format!("per_{PER_CAPITA_BASE}_people") => {
            format!("/{} dân", number(PER_CAPITA_BASE, "count"))
        }
        Err(()) => unit.to_owned(),
    }
}

/// A number and its unit (`4,822 tỷ đồng`).
pub(crate) fn with_unit(value: f64, unit: &str) -> String {
    let label = unit_label(unit);
    if label.is_empty() {
        number(value, unit)
    } else {
        format!("{} {label}", number(value, unit))
    }
}

/// A figure for people: qualifier symbol, Vietnamese number, unit, period.
pub(crate) fn shown(figure: &Figure, unit: &str) -> String {
    match figure.value {
        Some(value) => format!(
            "{}{} ({})",
            figure.qualifier.symbol(),
            with_unit(value, unit),
            figure.period
        ),
        None => match &figure.derived {
            Some(d) if d.refused.is_some() => "not combined".to_owned(),
            Some(d) => format!("partial, {} of {}", d.reported, d.members),
            None => "–".to_owned(),
        },
    }
}

/// How a figure was obtained, for people: published (with its cross-check), or how derived.
pub(crate) fn how(figure: &Figure, unit: &str) -> String {
    if let Some(derived) = &figure.derived {
        return format!("derived: {}", derived.note);
    }
    match &figure.cross_check {
        Some(check) => match (check.value, check.agrees) {
            (Some(value), Some(true)) => {
                format!(
                    "published; the roll-up gives {} (agrees)",
                    with_unit(value, unit)
                )
            }
            (Some(value), _) => format!(
                "published; the roll-up gives {} (differs)",
                with_unit(value, unit)
            ),
            (None, _) => "published; no complete roll-up".to_owned(),
        },
        None => String::new(),
    }
}

/// A reference line for people: `Cả nước 0,6961 (unweighted mean, 63 of 63 provinces, 2024)`.
pub(crate) fn reference_line(line: &ReferenceLine, unit: &str) -> (String, String) {
    let Some(value) = line.value else {
        let why = line.refused.as_deref().unwrap_or("no figure");
        return (
            line.name_vi.clone(),
            format!(
                "– ({why}; {} of {} provinces)",
                line.reported, line.provinces
            ),
        );
    };
    let value = with_unit(value, unit);
    let method = match &line.method {
        _ if line.basis == ict_compare::AverageBasis::MeanPerProvince => {
            "mean per province".to_owned()
        }
        Some(method) => method.describe(),
        None => String::new(),
    };
    let years = line
        .years
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    (
        line.name_vi.clone(),
        format!(
            "{value} ({method}; {} of {} provinces; {years})",
            line.reported, line.provinces
        ),
    )
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
