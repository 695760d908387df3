//! `validate`: checks a data folder and prints a summary, the findings and the errors.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use ict_compare::{Dataset, Error, consistency, conventions, provenance};
use serde::Serialize;

use crate::Format;
use crate::folder::Folder;
use crate::output::{escaped, json, write_err, write_out};

pub(crate) fn validate(root: &Path, format: Format) -> Result<ExitCode, Error> {
    let folder = Folder::read(root)?;
    let dataset = Dataset::from_files(&folder.files())?;
    let mut texts = HashMap::new();
    for source in dataset.sources() {
        texts.insert(source.id.clone(), folder.read_text(&source.file)?);
    }
    let mut errors = provenance(
        &dataset,
        folder.text("observations.csv"),
        "observations.csv",
        &texts,
    )?;
    errors.extend(conventions(
        &dataset,
        folder.text("sources.csv"),
        folder.text("observations.csv"),
        "observations.csv",
    )?);
    let findings = consistency(&dataset);
    if format != Format::Table {
        #[derive(Serialize)]
        struct Report<'a> {
            sources: usize,
            indicators: usize,
            observations: usize,
            findings: &'a [ict_compare::Finding],
            errors: Vec<String>,
        }
        json(&Report {
            sources: dataset.sources().len(),
            indicators: dataset.indicators().len(),
            observations: dataset.len(),
            findings: &findings,
            errors: errors.iter().map(ToString::to_string).collect(),
        })?;
        return Ok(if errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }

    let mut out = summary(root, &dataset, &findings);
    if errors.is_empty() {
        let _ = writeln!(out, "\nok: no errors");
        write_out(&out)?;
        Ok(ExitCode::SUCCESS)
    } else {
        write_out(&out)?;
        let mut report = String::from("\n");
        for error in &errors {
            let _ = writeln!(report, "error: {}", escaped(&error.to_string(), false));
        }
        let _ = writeln!(report, "{} errors", errors.len());
        write_err(&report);
        Ok(ExitCode::FAILURE)
    }
}

/// The summary for people: counts per source and pillar, then the findings. Titles and
/// findings are text from the data, escaped before they reach the terminal.
fn summary(root: &Path, dataset: &Dataset, findings: &[ict_compare::Finding]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "data folder {}", root.display());
    let _ = writeln!(
        out,
        "  {} sources, {} indicators, {} observations",
        dataset.sources().len(),
        dataset.indicators().len(),
        dataset.len()
    );
    let _ = writeln!(out, "\nobservations per source:");
    for source in dataset.sources() {
        let count = dataset
            .observations()
            .filter(|o| o.source == source.id)
            .count();
        let _ = writeln!(
            out,
            "  {:<10} {count:>4}  {} ({})",
            source.id,
            escaped(&source.title, false),
            source.published
        );
    }
    let _ = writeln!(out, "\nobservations per pillar:");
    let mut pillars: Vec<_> = dataset.indicators().iter().map(|i| i.pillar).collect();
    pillars.sort();
    pillars.dedup();
    for pillar in pillars {
        let count = dataset
            .observations()
            .filter(|o| {
                dataset
                    .indicator(&o.indicator)
                    .is_some_and(|i| i.pillar == pillar)
            })
            .count();
        let _ = writeln!(out, "  {:<20} {count:>4}", pillar.as_str());
    }
    let _ = writeln!(
        out,
        "\nconsistency findings (reported, not fixed): {}",
        findings.len()
    );
    for finding in findings {
        let _ = writeln!(
            out,
            "  [{}] {}",
            finding.kind,
            escaped(&finding.message, false)
        );
    }
    out
}
