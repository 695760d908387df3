//! The conventions `data/README.md` sets for a data folder's reports and figures, which loading
//! does not enforce so that synthetic data and a reader's own file can load.
//!
//! `validate` checks them: a `source_id` is `<province>-<year>` (a letter may follow), an
//! `observation_id` is `<source_id>-NNN`, a figure describes its report's province (or, for a
//! report on a 2025 province, one of the provinces it was formed from), and a reported figure is
//! not dated after its report; only a target may be. Each broken convention is an error placed
//! at its field. This module reads the files and the dataset; it changes nothing.

use rustc_hash::FxHashMap as HashMap;

use crate::dataset::Dataset;
use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::model::{Period, ProvinceId, Scheme, is_source_id};
use crate::parse::{Record, SOURCES, Table, observation_column as column, parse_observations};

/// `sources.csv` columns read here.
const SOURCE_ID: usize = 0;

/// What a figure is checked against: its report's province and publication date.
struct Report {
    province: ProvinceId,
    published: Period,
}

/// Checks the conventions of `sources.csv` and of a file of observations named `file` (their
/// texts as loaded into `dataset`). Returns every broken convention, each placed at its field.
pub fn conventions(
    dataset: &Dataset,
    sources_csv: &str,
    observations_csv: &str,
    file: &str,
) -> Result<Vec<Error>> {
    let mut errors = Vec::new();
    let mut table = Table::open(sources_csv, Some("sources.csv"), &SOURCES)?;
    while table.next()? {
        let id = table.text(SOURCE_ID);
        if !is_source_id(id) {
            errors.push(
                table.invalid(
                    SOURCE_ID,
                    id,
                    "<province abbreviation>-<year of publication>, a letter after the year if \
                 taken (tv-2016, tv-2024b)"
                        .into(),
                ),
            );
        }
    }
    // Reports have a province and a date; published tables, which cover every province, have
    // neither, and their figures are checked against the tables themselves.
    let reports: HashMap<&str, Report> = dataset
        .sources()
        .iter()
        .filter_map(|s| {
            let report = Report {
                province: s.province?,
                published: s.published?,
            };
            Some((s.id.as_str(), report))
        })
        .collect();
    let reference = dataset.reference();
    parse_observations(observations_csv, Some(file), |table, row| {
        match observation_number(row.id, row.source) {
            Some(_) => {}
            None if row.id.is_empty() => errors.push(table.error(
                column::ID,
                ErrorKind::EmptyField {
                    column: "observation_id".into(),
                },
            )),
            None => errors.push(table.invalid(
                column::ID,
                row.id,
                format!("{}-NNN, three digits from 001", excerpt(row.source)),
            )),
        }
        let Some(report) = reports.get(row.source) else {
            // Loading has refused an unknown source already.
            return Ok(());
        };
        let part_of_report = report.province.scheme == Scheme::P34
            && reference
                .province(report.province)
                .is_some_and(|p| p.merged_from.contains(&row.province));
        if row.province != report.province && !part_of_report {
            errors.push(table.error(
                column::PROVINCE,
                ErrorKind::ProvinceNotOfSource {
                    province: row.province.to_string(),
                    source_id: excerpt(row.source),
                    source_province: report.province.to_string(),
                },
            ));
        }
        if !row.is_target && row.period > report.published {
            errors.push(table.error(
                column::PERIOD,
                ErrorKind::AfterReport {
                    period: row.period.to_string(),
                    published: report.published.to_string(),
                },
            ));
        }
        Ok(())
    })?;
    Ok(errors)
}

/// The sequence number of `<source>-NNN`, if `id` has that shape and NNN is at least 1.
fn observation_number(id: &str, source: &str) -> Option<u16> {
    let number = id.strip_prefix(source)?.strip_prefix('-')?;
    if number.len() != 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

    fn file(name: &str) -> String {
        std::fs::read_to_string(format!("{DATA}/{name}")).expect("a bundled file")
    }

    /// The bundled folder with `edit` applied to one line of `observations.csv`.
    fn errors_after(edit: impl Fn(&str) -> String) -> Vec<String> {
        let sources = file("sources.csv");
        let observations = file("observations.csv");
        let mut lines: Vec<String> = observations.lines().map(str::to_owned).collect();
        lines[1] = edit(&lines[1]);
        let observations = lines.join("\n") + "\n";
        let dataset =
            Dataset::with_bundled_reference(&sources, &file("indicators.csv"), &observations)
                .expect("loads");
        conventions(&dataset, &sources, &observations, "observations.csv")
            .expect("parses")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_bundled_data_follows_every_convention() {
        let dataset = Dataset::bundled().expect("loads");
        let (sources, observations) = (file("sources.csv"), file("observations.csv"));
        assert_eq!(
            conventions(&dataset, &sources, &observations, "observations.csv").expect("parses"),
            []
        );
    }

    #[test]
    fn a_figure_of_another_province_than_its_reports_is_an_error() {
        let line = file("observations.csv")
            .lines()
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        assert!(line.starts_with("tv-2016-001,p63:84,"), "{line}");
        let errors = errors_after(|l| l.replacen(",p63:84,", ",p63:01,", 1));
        assert_eq!(
            errors,
            [
                "observations.csv:2:13: province p63:01 is not that of report \"tv-2016\" (p63:84) nor a part of it"
            ]
        );
    }

    #[test]
    fn a_reported_figure_after_its_report_is_an_error_and_a_target_is_not() {
        let later = |l: &str| {
            let fields: Vec<&str> = l.splitn(5, ',').collect();
            format!(
                "{},{},{},2017,{}",
                fields[0], fields[1], fields[2], fields[4]
            )
        };
        let errors = errors_after(later);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("a reported figure dated 2017 is after its report (2016-09-10)"),
            "{errors:?}"
        );
        let target = |l: &str| later(l).replacen(",false,", ",true,", 1);
        assert_eq!(errors_after(target), Vec::<String>::new());
    }

    #[test]
    fn observation_ids_follow_their_source() {
        let errors = errors_after(|l| l.replacen("tv-2016-001", "tv-2016-1", 1));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("observations.csv:2:1: invalid `observation_id`"),
            "{errors:?}"
        );
        assert_eq!(observation_number("tv-2016-000", "tv-2016"), None);
        assert_eq!(observation_number("tv-2016-012", "tv-2016"), Some(12));
        assert_eq!(observation_number("tv-2023-012", "tv-2016"), None);
    }

    #[test]
    fn source_ids_are_province_and_year() {
        for id in ["tv-2016", "tv-2024b", "hd-2016"] {
            assert!(is_source_id(id), "{id}");
        }
        for id in [
            "tv2016",
            "tv-16",
            "TV-2016",
            "tv-2016-b",
            "-2016",
            "tv-2016bb",
            "mine",
        ] {
            assert!(!is_source_id(id), "{id}");
        }
    }
}
