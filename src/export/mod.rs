//! The whole dataset as one CSV file a spreadsheet opens as it is: every figure with its
//! province, indicator, unit and provenance (source, publisher, quote or table cell).
//!
//! The file is written for Excel in a Vietnamese locale, the spreadsheet most of the page's
//! readers have (the reasons are in the README, "Download all data"): UTF-8 with a byte-order
//! mark, fields separated by `;`, decimals written with a comma, lines ended by CRLF. Text that
//! a spreadsheet would run as a formula is neutralised by [`spreadsheet_safe`], the one rule the
//! command line's CSV output follows too. `table` writes the comparison on screen the same way.
//! This module reads the dataset through its public accessors and the comparison's answer; it
//! knows nothing of JavaScript or files.

mod table;

use std::borrow::Cow;

use crate::dataset::Dataset;

pub use table::table_csv;

/// The field separator of the export: Excel in a Vietnamese locale splits a double-clicked
/// `.csv` at the list separator of Windows' regional settings, `;` where the decimal mark is a
/// comma.
pub const EXPORT_SEPARATOR: char = ';';

/// The export's columns, in order.
const HEADER: [&str; 23] = [
    "province",
    "province_name",
    "indicator",
    "indicator_name_vi",
    "indicator_name_en",
    "unit",
    "period",
    "value",
    "out_of",
    "qualifier",
    "is_target",
    "scope",
    "origin",
    "user_file",
    "source_id",
    "source_title",
    "publisher",
    "table_attribution",
    "url",
    "quote",
    "table_row",
    "table_column",
    "cell",
];

/// Text whose first character is `=`, `+`, `-`, `@`, a tab or a carriage return would run as a
/// formula in a spreadsheet, so it gets an apostrophe in front; text that reads as a finite
/// number (`-3.5`) is left alone, since a spreadsheet reads it as the number it is.
#[must_use]
pub fn spreadsheet_safe(field: &str) -> Cow<'_, str> {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = field.parse::<f64>().is_ok_and(f64::is_finite);
    if formula && !number {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// The reader's file a figure came from; empty for a bundled figure.
fn user_file(source: Option<&crate::model::Source>, origin: crate::model::Origin) -> &str {
    match (source, origin) {
        (Some(s), crate::model::Origin::User) => s.file.as_str(),
        _ => "",
    }
}

/// One text field: neutralised, and quoted when it holds the separator, a quote or a line break.
fn text_field(out: &mut String, field: &str) {
    let safe = spreadsheet_safe(field);
    if safe.contains([EXPORT_SEPARATOR, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&safe.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&safe);
    }
}

/// A number with a decimal comma and no grouping, to full precision (`0,6274`, `-12`, `1234,5`).
fn number_field(out: &mut String, value: f64) {
    let text = value.to_string();
    out.push_str(&text.replace('.', ","));
}

/// Every figure of `dataset`, bundled and the reader's, with its provenance, in load order.
#[must_use]
pub fn export_csv(dataset: &Dataset) -> String {
    let reference = dataset.reference();
    let sources = dataset.sources();
    let mut out = String::with_capacity(256 * (dataset.len() + 1));
    out.push('\u{feff}');
    let separator = EXPORT_SEPARATOR.to_string();
    out.push_str(&HEADER.join(&separator));
    out.push_str("\r\n");
    for observation in dataset.observations() {
        let province = reference.province(observation.province);
        let indicator = dataset.indicator(&observation.indicator);
        let (source, position) = sources
            .iter()
            .enumerate()
            .find(|(_, s)| s.id == observation.source)
            .map_or((None, None), |(i, s)| (Some(s), Some(i)));
        let origin = position.map_or(observation.origin, |i| dataset.source_origin(i));
        let cell = observation.cell.as_ref();
        let texts: [&str; 7] = [
            &observation.province.to_string(),
            province.map_or("", |p| p.name.as_str()),
            &observation.indicator,
            indicator.map_or("", |i| i.name_vi.as_str()),
            indicator.map_or("", |i| i.name_en.as_str()),
            indicator.map_or("", |i| i.unit.as_str()),
            &observation.period.to_string(),
        ];
        for text in texts {
            text_field(&mut out, text);
            out.push(EXPORT_SEPARATOR);
        }
        number_field(&mut out, observation.value);
        out.push(EXPORT_SEPARATOR);
        if let Some(out_of) = observation.out_of {
            number_field(&mut out, out_of);
        }
        out.push(EXPORT_SEPARATOR);
        let rest: [&str; 14] = [
            observation.qualifier.as_str(),
            if observation.is_target {
                "true"
            } else {
                "false"
            },
            &observation.scope,
            match origin {
                crate::model::Origin::Bundled => "bundled",
                crate::model::Origin::User => "user",
            },
            user_file(source, origin),
            &observation.source,
            source.map_or("", |s| s.title.as_str()),
            source.map_or("", |s| s.outlet.as_str()),
            source
                .and_then(|s| s.table.as_ref())
                .map_or("", |t| t.attribution.as_str()),
            source.and_then(|s| s.url.as_deref()).unwrap_or(""),
            &observation.quote,
            cell.map_or("", |c| c.row.as_str()),
            cell.map_or("", |c| c.column.as_str()),
            cell.map_or("", |c| c.text.as_str()),
        ];
        for (i, text) in rest.iter().enumerate() {
            if i > 0 {
                out.push(EXPORT_SEPARATOR);
            }
            text_field(&mut out, text);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_get_an_apostrophe_and_numbers_do_not() {
        for (field, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+84 90", "'+84 90"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("-3.5", "-3.5"),
            ("12", "12"),
            ("Trà Vinh", "Trà Vinh"),
            ("-inf", "'-inf"),
        ] {
            assert_eq!(spreadsheet_safe(field), written, "{field:?}");
        }
    }

    #[test]
    fn fields_with_the_separator_or_quotes_are_quoted() {
        let mut out = String::new();
        text_field(&mut out, "a;b \"c\"");
        assert_eq!(out, "\"a;b \"\"c\"\"\"");
        let mut out = String::new();
        text_field(&mut out, "=1;2");
        assert_eq!(out, "\"'=1;2\"");
        let mut out = String::new();
        number_field(&mut out, -0.6274);
        assert_eq!(out, "-0,6274");
    }
}
