//! How answers are written: aligned tables for people, CSV records and JSON for programs.
//!
//! Everything the program writes goes through [`write_out`] and [`write_err`], so that a closed
//! pipe (`| head -1`) or a full disk (`> /dev/full`) ends it with a short message and a non-zero
//! exit rather than a panic. Text from data reaches the terminal with its invisible characters
//! escaped (no escape sequence in a report's title can move the cursor or recolour the screen),
//! and CSV fields that a spreadsheet would run as formulas are neutralised by the library's rule
//! (`ict_compare::spreadsheet_safe`, which the whole-dataset export follows too).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write as _;

use ict_compare::{
    Dataset, Error, ErrorKind, Figure, PER_CAPITA_BASE, PER_CAPITA_UNIT, ProvinceId, ReferenceLine,
    Unit, format_vietnamese_number, is_invisible, spreadsheet_safe,
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
        Err(()) if unit == PER_CAPITA_UNIT => {
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

/// Writes `text` to standard output; a closed pipe or a full disk is an error, not a panic.
pub(crate) fn write_out(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|error| {
            Error::new(ErrorKind::Io {
                message: format!("cannot write to standard output: {error}"),
            })
        })
}

/// Writes `text` to standard error, escaped; if even that fails there is no one left to tell.
pub(crate) fn write_err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(escaped(text, true).as_bytes());
}

/// Writes `value` as pretty JSON. `serde_json` escapes the C0 controls; the rest of what cannot
/// be seen (C1 controls, direction overrides, zero-width characters) is escaped here, as JSON
/// `\uXXXX`, since JSON is often read on a terminal too.
pub(crate) fn json<T: Serialize>(value: &T) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value).map_err(|error| {
        Error::new(ErrorKind::Io {
            message: format!("cannot write JSON: {error}"),
        })
    })?;
    write_out(&format!("{}\n", escaped(&text, true)))
}

pub(crate) fn print_rows(
    format: Format,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> Result<(), Error> {
    if format == Format::Csv {
        let mut out = csv_line(header);
        for row in &rows {
            out.push_str(&csv_line(
                &row.iter().map(String::as_str).collect::<Vec<_>>(),
            ));
        }
        write_out(&out)
    } else {
        let mut table = vec![header.iter().map(|h| (*h).to_owned()).collect()];
        table.extend(rows);
        write_out(&aligned(&table))
    }
}

/// `text` with every character that cannot be seen written as `\uXXXX` (valid in JSON too);
/// line breaks and tabs are kept when `keep_layout`, for text that is several lines on purpose
/// or a quote, which must stay verbatim. A carriage return is kept only before a line feed, as
/// a report with CRLF line ends wraps a quoted phrase: alone it would send a terminal's cursor
/// back over what was written.
pub(crate) fn escaped(text: &str, keep_layout: bool) -> Cow<'_, str> {
    let kept = |c: char, after: &str| match c {
        '\n' | '\t' => keep_layout,
        '\r' => keep_layout && after.starts_with('\n'),
        _ => !is_invisible(c),
    };
    let mut out = String::new();
    let mut copied = 0;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if !kept(c, &text[end..]) {
            out.push_str(&text[copied..at]);
            let _ = write!(out, "\\u{:04x}", u32::from(c));
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// One CSV record (RFC 4180: fields with a comma, quote or line break are quoted), each field
/// neutralised for spreadsheets and with its invisible characters escaped.
pub(crate) fn csv_line(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            let safe = spreadsheet_safe(f);
            let f = escaped(&safe, true);
            if f.contains([',', '"', '\n', '\r', '\t']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.into_owned()
            }
        })
        .collect();
    format!("{}\n", quoted.join(","))
}

/// Columns padded to their widest cell, counted in characters; cells from data are escaped.
pub(crate) fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let rows: Vec<Vec<Cow<'_, str>>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| escaped(cell, false)).collect())
        .collect();
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
    for row in &rows {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_records_neutralise_formulas_and_quote_commas() {
        assert_eq!(csv_line(&["=1+2", "a,b", "-3.5"]), "'=1+2,\"a,b\",-3.5\n");
    }

    #[test]
    fn invisible_characters_are_escaped_and_visible_text_is_not() {
        assert_eq!(escaped("a\u{1b}[2Jb", false), "a\\u001b[2Jb");
        assert_eq!(escaped("x\u{202e}y\u{9b}", false), "x\\u202ey\\u009b");
        assert_eq!(escaped("Quảng Bình\u{a0}%", false), "Quảng Bình\u{a0}%");
        assert_eq!(escaped("a\nb", false), "a\\u000ab");
        assert_eq!(escaped("a\nb", true), "a\nb");
        assert_eq!(escaped("a\tb", true), "a\tb");
        assert_eq!(escaped("a\tb", false), "a\\u0009b");
        assert_eq!(escaped("a\r\nb", true), "a\r\nb");
        assert_eq!(escaped("a\r\nb", false), "a\\u000d\\u000ab");
        assert_eq!(
            escaped("secret\rshown\r", true),
            "secret\\u000dshown\\u000d"
        );
        let table = aligned(&[vec!["\u{1b}]0;x\u{7}".to_owned(), "y".to_owned()]]);
        assert_eq!(table, "\\u001b]0;x\\u0007  y\n");
    }
}
