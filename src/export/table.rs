//! The comparison table on screen as one CSV file, written like the whole dataset's export (the
//! same byte-order mark, separator, decimal comma, line ends and formula rule): one row per
//! cell, province by province, with the figure's mark and the provenance of every observation
//! it rests on. Where a reader's figure and a published one exist for the same province,
//! indicator and period, the published one follows the reader's, on a row of its own.

use std::borrow::Cow;

use crate::compare::{CompareSpec, compare};
use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{Origin, ProvinceId, Source};
use crate::query::Figure;
use crate::view::figure_mark;

use super::{
    EXPORT_SEPARATOR, number_field, origin_text, source_texts, text_field, user_file, write_head,
    write_header,
};

/// The table export's columns, in order. Provenance columns hold one entry per observation
/// the figure rests on (several for a roll-up), separated by [`JOIN`].
const HEADER: [&str; 21] = [
    "province",
    "province_name",
    "indicator",
    "indicator_name_vi",
    "indicator_name_en",
    "unit",
    "period",
    "value",
    "qualifier",
    "mark",
    "derivation",
    "origin",
    "user_file",
    "source_id",
    "source_title",
    "publisher",
    "table_attribution",
    "url",
    "quote",
    "table_cell",
    "observation_id",
];

/// Between the entries of one provenance column.
const JOIN: &str = " | ";

/// What one row of the table export says.
struct Line<'a> {
    province: ProvinceId,
    indicator: &'a str,
    unit: &'a str,
    figure: Option<&'a Figure>,
}

/// The comparison `spec` asks for, as the table shows it, for Excel in a Vietnamese locale.
///
/// ```
/// use ict_compare::{CompareSpec, Dataset, PeriodSpec, table_csv};
///
/// let dataset = Dataset::bundled()?;
/// let spec = CompareSpec {
///     provinces: vec!["p63:72".parse().expect("an id")],
///     indicators: vec!["dti_score".into()],
///     period: PeriodSpec::Year(2024),
///     per_capita: false,
///     scheme: None,
///     targets: false,
///     include_partial: false,
///     references: false,
/// };
/// let csv = table_csv(&dataset, &spec)?;
/// assert!(csv.starts_with("\u{feff}province;province_name;indicator;"));
/// assert!(csv.contains("p63:72;Tây Ninh;dti_score;"));
/// assert!(csv.contains(";2024;0,6274;exact;published;;bundled;;dti-2024-p63;"));
/// # Ok::<(), ict_compare::Error>(())
/// ```
pub fn table_csv(dataset: &Dataset, spec: &CompareSpec) -> Result<String> {
    let matrix = compare(dataset, spec)?;
    let mut out = String::with_capacity(512 * (matrix.rows.len() * matrix.columns.len() + 1));
    write_header(&mut out, &HEADER);
    for row in &matrix.rows {
        for (c, column) in matrix.columns.iter().enumerate() {
            let figure = row
                .cells
                .get(c)
                .and_then(Option::as_ref)
                .map(|cell| &cell.figure);
            let line = Line {
                province: row.province,
                indicator: &column.indicator,
                unit: &column.unit,
                figure,
            };
            write_line(&mut out, dataset, &line);
            let Some(shown) = figure.filter(|f| f.origin == Origin::User) else {
                continue;
            };
            // The published figure the reader's stands beside, on its own row, as published.
            let Some(indicator) = dataset.indicator_position(&column.indicator) else {
                continue;
            };
            let unit = dataset
                .indicator(&column.indicator)
                .map_or("", |i| i.unit.as_str());
            for conflict in crate::query::conflicts(dataset, indicator, &[row.province])
                .iter()
                .filter(|k| k.province == row.province && k.user.period == shown.period)
            {
                let line = Line {
                    province: row.province,
                    indicator: &column.indicator,
                    unit,
                    figure: Some(&conflict.published),
                };
                write_line(&mut out, dataset, &line);
            }
        }
    }
    Ok(out)
}

fn write_line(out: &mut String, dataset: &Dataset, line: &Line<'_>) {
    let period = line
        .figure
        .map(|f| f.period.to_string())
        .unwrap_or_default();
    write_head(
        out,
        dataset,
        line.province,
        line.indicator,
        line.unit,
        &period,
    );
    if let Some(value) = line.figure.and_then(|f| f.value) {
        number_field(out, value);
    }
    out.push(EXPORT_SEPARATOR);
    let Some(figure) = line.figure else {
        // No figure: the row says so by its empty fields, as the table's dash does.
        for _ in 9..HEADER.len() {
            out.push(EXPORT_SEPARATOR);
        }
        out.push_str("\r\n");
        return;
    };
    let origin = origin_text(figure.origin);
    let note = figure.derived.as_ref().map_or("", |d| d.note.as_str());
    for text in [
        figure.qualifier.as_str(),
        figure_mark(figure).code(),
        note,
        origin,
    ] {
        text_field(out, text);
        out.push(EXPORT_SEPARATOR);
    }
    for column in 0..PROVENANCE_COLUMNS {
        if column > 0 {
            out.push(EXPORT_SEPARATOR);
        }
        provenance_field(out, dataset, figure, column);
    }
    out.push_str("\r\n");
}

/// The provenance columns: the reader's file, the source's id, title, publisher, the table's
/// credit, the address, the quote, the cited cell and the observation's id.
const PROVENANCE_COLUMNS: usize = 9;

/// One provenance column: that text of each observation the figure rests on, each once, joined;
/// empty when none has one (no quote for a table's figure).
fn provenance_field(out: &mut String, dataset: &Dataset, figure: &Figure, column: usize) {
    let mut parts: Vec<Cow<'_, str>> = Vec::new();
    for p in &figure.provenance {
        // A table is a few cells: finding each one's source by id costs nothing worth an index.
        let source: Option<&Source> = dataset.sources().iter().find(|s| s.id == p.source);
        let [title, publisher, attribution, url] = source_texts(source);
        let text: Cow<'_, str> = match column {
            0 => user_file(source, p.origin).into(),
            1 => p.source.as_str().into(),
            2 => title.into(),
            3 => publisher.into(),
            4 => attribution.into(),
            5 => url.into(),
            6 => p.quote.as_str().into(),
            7 => p.cell.as_ref().map_or(Cow::Borrowed(""), |c| {
                format!("{} / {} / {}", c.row, c.column, c.text).into()
            }),
            _ => p.observation.as_str().into(),
        };
        if !parts.contains(&text) {
            parts.push(text);
        }
    }
    if parts.iter().any(|t| !t.is_empty()) {
        text_field(out, &parts.join(JOIN));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::PeriodSpec;

    fn spec(provinces: &[&str], indicators: &[&str]) -> CompareSpec {
        CompareSpec {
            provinces: provinces
                .iter()
                .map(|p| p.parse().expect("an id"))
                .collect(),
            indicators: indicators.iter().map(|&i| i.to_owned()).collect(),
            period: PeriodSpec::Latest,
            per_capita: false,
            scheme: None,
            targets: false,
            include_partial: false,
            references: false,
        }
    }

    fn lines(csv: &str) -> Vec<Vec<&str>> {
        csv.trim_start_matches('\u{feff}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| l.split(';').collect())
            .collect()
    }

    #[test]
    fn one_row_per_cell_with_an_empty_row_where_the_table_has_a_dash() {
        let dataset = Dataset::bundled().expect("the bundled data");
        let csv = table_csv(
            &dataset,
            &spec(&["p63:72", "p63:84"], &["dti_score", "bts_stations"]),
        )
        .expect("a file");
        let rows = lines(&csv);
        assert_eq!(rows[0], HEADER);
        assert_eq!(rows.len(), 1 + 4);
        assert!(rows.iter().all(|r| r.len() == HEADER.len()), "{csv}");
        let dti = rows
            .iter()
            .find(|r| r[0] == "p63:72" && r[2] == "dti_score")
            .expect("Tây Ninh's DTI");
        assert_eq!((dti[6], dti[7], dti[9]), ("2024", "0,6274", "published"));
        assert!(dti[19].contains("Tây Ninh"), "the cited cell: {}", dti[19]);
        // A province with no count of base stations: its row has no value and no source.
        let empty = rows
            .iter()
            .find(|r| r[7].is_empty())
            .expect("an empty cell");
        assert!(empty[11..].iter().all(|f| f.is_empty()), "{empty:?}");
    }

    #[test]
    fn a_readers_hostile_text_is_neutralised_and_the_published_figure_follows_the_readers() {
        let dataset = Dataset::bundled().expect("the bundled data");
        let file = "province,indicator_id,period,value,source_id,quote\n\
                    p63:72,dti_score,2024,0.9,mine,\"=HYPERLINK(\"\"http://x\"\")\"\n\
                    p63:84,dti_score,2024,0.5,mine,@SUM(A1)\n";
        let mine = dataset.with_user_file(file, "mine.csv").expect("a file");
        let csv = table_csv(&mine, &spec(&["p63:72", "p63:84"], &["dti_score"])).expect("a file");
        assert!(csv.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";"), "{csv}");
        assert!(csv.contains(";'@SUM(A1);"), "{csv}");
        let rows = lines(&csv);
        let tay_ninh: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "p63:72").collect();
        assert_eq!(tay_ninh.len(), 2, "{csv}");
        assert_eq!(
            (tay_ninh[0][7], tay_ninh[0][9], tay_ninh[0][11]),
            ("0,9", "user", "user")
        );
        assert_eq!(
            (tay_ninh[1][7], tay_ninh[1][9], tay_ninh[1][11]),
            ("0,6274", "published", "bundled")
        );
        assert_eq!(tay_ninh[0][12], "mine.csv");
        assert_eq!((tay_ninh[1][12], tay_ninh[1][13]), ("", "dti-2024-p63"));
    }
}
