//! From figures a person accepted to rows of the dataset: `observations.csv` records in the
//! indicator's unit, and the `sources.csv` record of the new report.
//!
//! The page and the command line hand back what the extractor proposed, with the person's
//! choices (indicator, period, qualifier); this module checks the choices against the
//! indicator list and writes the rows in the dataset's formats (`data/README.md`). It reads no
//! dataset and writes no file.

use crate::error::{Error, Result};
use crate::model::{Indicator, Period, ProvinceId, Qualifier, Unit, is_source_id};

use super::proposal::{Candidate, value_in};

/// `observations.csv`'s header.
pub const OBSERVATION_HEADER: &str = "observation_id,province,indicator_id,period,value,out_of,qualifier,is_target,scope,source_id,quote,note";

/// `sources.csv`'s header.
pub const SOURCE_HEADER: &str =
    "source_id,title,outlet,author,published,url,province,file,language";

/// A figure a person accepted, as the page sends it back.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcceptedFigure {
    /// The number as read (before its scale word).
    pub value: f64,
    /// The factor of its scale word.
    pub scale: f64,
    /// The unit the text gives it.
    pub unit: Unit,
    /// For a ratio, the second number.
    #[serde(default)]
    pub out_of: Option<f64>,
    /// The indicator the person chose.
    pub indicator: String,
    /// The period the person confirmed (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub period: String,
    /// The qualifier the person confirmed.
    pub qualifier: Qualifier,
    /// Whether it is a target.
    pub is_target: bool,
    /// `province`, or the part of it the figure covers.
    #[serde(default)]
    pub scope: Option<String>,
    /// The verbatim quote.
    pub quote: String,
}

impl AcceptedFigure {
    /// The figure as the extractor proposed it, with the choices of a person.
    #[must_use]
    pub fn from_candidate(candidate: &Candidate, indicator: &str, period: Period) -> Self {
        AcceptedFigure {
            value: candidate.value,
            scale: candidate.scale,
            unit: candidate.unit,
            out_of: candidate.out_of,
            indicator: indicator.to_owned(),
            period: period.to_string(),
            qualifier: candidate.qualifier,
            is_target: candidate.is_target,
            scope: None,
            quote: candidate.quote.clone(),
        }
    }
}

/// The new report, as `sources.csv` describes one.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewReport {
    /// `<province>-<year>`, lower-case (`bp-2024`).
    pub id: String,
    /// The headline.
    pub title: String,
    /// The outlet that printed it.
    #[serde(default)]
    pub outlet: String,
    /// The author as printed.
    #[serde(default)]
    pub author: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Its address, when the text prints one.
    #[serde(default)]
    pub url: Option<String>,
    /// The province it is about (`p63:NN`).
    pub province: String,
}

/// What to write: the report and its accepted figures.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportRowsSpec {
    /// The report.
    pub report: NewReport,
    /// Its accepted figures, in order of appearance.
    pub figures: Vec<AcceptedFigure>,
}

/// Rows ready to append to the dataset, each file's with its header.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportRows {
    /// `observations.csv`: the header and one record per accepted figure.
    pub observations: String,
    /// `sources.csv`: the header and the report's record.
    pub sources: String,
    /// Where the report's text goes, relative to `data/` (`sources/bp-2024.txt`).
    pub text_file: String,
}

/// Writes the rows of a new report and its accepted figures, checking every choice: a known
/// indicator whose unit the figure can be read in, a real period and date, a province id, a
/// source id of the dataset's shape.
pub fn report_rows(spec: &ReportRowsSpec, indicators: &[Indicator]) -> Result<ReportRows> {
    let report = &spec.report;
    let id = report.id.trim();
    if !is_source_id(id) {
        return Err(Error::request(format!(
            "report id {id:?}: expected <province>-<year>, e.g. bp-2024"
        )));
    }
    let published: Period = report
        .published
        .parse()
        .ok()
        .filter(|p: &Period| p.to_string().len() == 10)
        .ok_or_else(|| {
            Error::request(format!(
                "published {:?}: expected YYYY-MM-DD",
                report.published
            ))
        })?;
    let province: ProvinceId = report.province.parse().map_err(|()| {
        Error::request(format!(
            "province {:?}: expected p63:NN or p34:NN",
            report.province
        ))
    })?;
    if report.title.trim().is_empty() {
        return Err(Error::request("the report needs a title"));
    }
    let text_file = format!("sources/{id}.txt");
    let mut observations = format!("{OBSERVATION_HEADER}\n");
    for (i, figure) in spec.figures.iter().enumerate() {
        let indicator = indicators
            .iter()
            .find(|indicator| indicator.id == figure.indicator)
            .ok_or_else(|| {
                Error::request(format!(
                    "figure {}: unknown indicator {:?}",
                    i + 1,
                    figure.indicator
                ))
            })?;
        let period: Period = figure.period.parse().map_err(|()| {
            Error::request(format!(
                "figure {}: period {:?}: expected YYYY, YYYY-MM or YYYY-MM-DD",
                i + 1,
                figure.period
            ))
        })?;
        let value =
            value_in(figure.value, figure.scale, figure.unit, indicator.unit).ok_or_else(|| {
                Error::request(format!(
                    "figure {}: a figure in {} cannot be recorded in {} ({})",
                    i + 1,
                    figure.unit,
                    indicator.unit,
                    indicator.id
                ))
            })?;
        let scope = figure
            .scope
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or("province");
        observations.push_str(&record(&[
            &format!("{id}-{:03}", i + 1),
            &province.to_string(),
            &indicator.id,
            &period.to_string(),
            &value.to_string(),
            &figure.out_of.map(|v| v.to_string()).unwrap_or_default(),
            figure.qualifier.as_str(),
            &figure.is_target.to_string(),
            scope,
            id,
            &figure.quote,
            "",
        ]));
    }
    let sources = format!(
        "{SOURCE_HEADER}\n{}",
        record(&[
            id,
            report.title.trim(),
            report.outlet.trim(),
            report.author.trim(),
            &published.to_string(),
            report.url.as_deref().unwrap_or("").trim(),
            &province.to_string(),
            &text_file,
            "vi",
        ])
    );
    Ok(ReportRows {
        observations,
        sources,
        text_file,
    })
}

/// One CSV record, RFC 4180: a field with a comma, a quote or a line break is quoted.
fn record(fields: &[&str]) -> String {
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(field);
        }
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Dataset;

    fn spec(figures: Vec<AcceptedFigure>) -> ReportRowsSpec {
        ReportRowsSpec {
            report: NewReport {
                id: "bp-2024".into(),
                title: "Chuyển đổi số, năm 2024".into(),
                outlet: "Báo Bình Phước".into(),
                author: String::new(),
                published: "2024-06-03".into(),
                url: None,
                province: "p63:70".into(),
            },
            figures,
        }
    }

    fn figure(value: f64, scale: f64, unit: Unit, indicator: &str) -> AcceptedFigure {
        AcceptedFigure {
            value,
            scale,
            unit,
            out_of: None,
            indicator: indicator.into(),
            period: "2024".into(),
            qualifier: Qualifier::Over,
            is_target: false,
            scope: None,
            quote: "hơn 4.822 triệu đồng, \"vốn\"".into(),
        }
    }

    #[test]
    fn writes_rows_in_the_dataset_formats_and_units() {
        let dataset = Dataset::bundled().expect("loads");
        let rows = report_rows(
            &spec(vec![
                figure(
                    4822.0,
                    1e6,
                    Unit::VndMillion,
                    "info_grassroots_programme_central_funding",
                ),
                figure(1208.0, 1.0, Unit::Count, "bts_stations"),
            ]),
            dataset.indicators(),
        )
        .expect("rows");
        let lines: Vec<&str> = rows.observations.lines().collect();
        assert_eq!(lines[0], OBSERVATION_HEADER);
        assert_eq!(
            lines[1],
            "bp-2024-001,p63:70,info_grassroots_programme_central_funding,2024,4.822,,over,false,province,bp-2024,\"hơn 4.822 triệu đồng, \"\"vốn\"\"\","
        );
        assert!(lines[2].starts_with("bp-2024-002,p63:70,bts_stations,2024,1208,"));
        assert_eq!(
            rows.sources.lines().nth(1),
            Some(
                "bp-2024,\"Chuyển đổi số, năm 2024\",Báo Bình Phước,,2024-06-03,,p63:70,sources/bp-2024.txt,vi"
            )
        );
        // The rows load as a user's file of the dataset.
        let merged = dataset
            .with_user_file(&rows.observations, "observations.csv")
            .expect("loads");
        assert_eq!(merged.len(), dataset.len() + 2);
    }

    #[test]
    fn refuses_choices_that_do_not_fit() {
        let dataset = Dataset::bundled().expect("loads");
        let share_as_count = spec(vec![figure(86.18, 1.0, Unit::Percent, "bts_stations")]);
        assert!(report_rows(&share_as_count, dataset.indicators()).is_err());
        let unknown = spec(vec![figure(3.0, 1.0, Unit::Count, "no_such_indicator")]);
        assert!(report_rows(&unknown, dataset.indicators()).is_err());
        assert!(is_source_id("tv-2024b") && !is_source_id("tv-24") && !is_source_id("TV-2024"));
        let mut bad_id = spec(Vec::new());
        bad_id.report.id = "Bình Phước 2024".into();
        assert!(report_rows(&bad_id, dataset.indicators()).is_err());
        let mut bad_date = spec(Vec::new());
        bad_date.report.published = "2024".into();
        assert!(report_rows(&bad_date, dataset.indicators()).is_err());
    }
}
