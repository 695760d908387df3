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
use crate::model::{Origin, ProvinceId, Source};

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
/// formula in a spreadsheet, so it gets an apostrophe in front; a signed decimal (`-3.5`, `+12`)
/// is left alone, since a spreadsheet reads it as the number it is. An exponent (`-1e5`) gets
/// the apostrophe too: it is kept as written rather than read.
#[must_use]
pub fn spreadsheet_safe(field: &str) -> Cow<'_, str> {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && !is_signed_decimal(field) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// A sign, then digits with at most one point among or around them (`-3.5`, `+.5`, `-12.`).
fn is_signed_decimal(field: &str) -> bool {
    let Some(body) = field.strip_prefix(['+', '-']) else {
        return false;
    };
    let mut points = 0;
    let mut digits = 0;
    for byte in body.bytes() {
        match byte {
            b'0'..=b'9' => digits += 1,
            b'.' => points += 1,
            _ => return false,
        }
    }
    digits > 0 && points <= 1
}

/// The reader's file a figure came from; empty for a bundled figure.
fn user_file(source: Option<&Source>, origin: Origin) -> &str {
    match (source, origin) {
        (Some(s), Origin::User) => s.file.as_str(),
        _ => "",
    }
}

/// Opens an export: the byte-order mark (so that Excel reads UTF-8) and the header line.
fn write_header(out: &mut String, header: &[&str]) {
    out.push('\u{feff}');
    out.push_str(&header.join(&EXPORT_SEPARATOR.to_string()));
    out.push_str("\r\n");
}

/// The seven fields that open every row of both exports, each followed by the separator: the
/// province's id and name, the indicator's id and names, the unit and the period.
fn write_head(
    out: &mut String,
    dataset: &Dataset,
    province: ProvinceId,
    indicator: &str,
    unit: &str,
    period: &str,
) {
    let name = dataset.reference().province(province);
    let definition = dataset.indicator(indicator);
    let head: [&str; 7] = [
        &province.to_string(),
        name.map_or("", |p| p.name.as_str()),
        indicator,
        definition.map_or("", |i| i.name_vi.as_str()),
        definition.map_or("", |i| i.name_en.as_str()),
        unit,
        period,
    ];
    for text in head {
        text_field(out, text);
        out.push(EXPORT_SEPARATOR);
    }
}

/// The `origin` column's word for a figure's origin.
fn origin_text(origin: Origin) -> &'static str {
    match origin {
        Origin::Bundled => "bundled",
        Origin::User => "user",
    }
}

/// A source's title, publisher, table credit and address, each empty where it has none.
fn source_texts(source: Option<&Source>) -> [&str; 4] {
    [
        source.map_or("", |s| s.title.as_str()),
        source.map_or("", |s| s.outlet.as_str()),
        source
            .and_then(|s| s.table.as_ref())
            .map_or("", |t| t.attribution.as_str()),
        source.and_then(|s| s.url.as_deref()).unwrap_or(""),
    ]
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
    let text = crate::shortest::Shortest(value).to_string();
    out.push_str(&text.replace('.', ","));
}

/// Every figure of `dataset`, bundled and the reader's, with its provenance, in load order.
#[must_use]
pub fn export_csv(dataset: &Dataset) -> String {
    let sources = dataset.sources();
    let mut out = String::with_capacity(256 * (dataset.len() + 1));
    write_header(&mut out, &HEADER);
    for observation in dataset.observations() {
        let indicator = dataset.indicator(&observation.indicator);
        let (source, position) = sources
            .iter()
            .enumerate()
            .find(|(_, s)| s.id == observation.source)
            .map_or((None, None), |(i, s)| (Some(s), Some(i)));
        let origin = position.map_or(observation.origin, |i| dataset.source_origin(i));
        let cell = observation.cell.as_ref();
        write_head(
            &mut out,
            dataset,
            observation.province,
            &observation.indicator,
            indicator.map_or("", |i| i.unit.as_str()),
            &observation.period.to_string(),
        );
        number_field(&mut out, observation.value);
        out.push(EXPORT_SEPARATOR);
        if let Some(out_of) = observation.out_of {
            number_field(&mut out, out_of);
        }
        out.push(EXPORT_SEPARATOR);
        let [title, publisher, attribution, url] = source_texts(source);
        let rest: [&str; 14] = [
            observation.qualifier.as_str(),
            if observation.is_target {
                "true"
            } else {
                "false"
            },
            &observation.scope,
            origin_text(origin),
            user_file(source, origin),
            &observation.source,
            title,
            publisher,
            attribution,
            url,
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
            ("-1e5", "'-1e5"),
            ("-.", "'-."),
            ("-1.2.3", "'-1.2.3"),
            ("+.5", "+.5"),
            ("-12.", "-12."),
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
