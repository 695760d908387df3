//! `validate`: checks a data folder and prints a summary, the findings and the errors.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use ict_compare::{Dataset, Error, consistency, provenance};
use serde::Serialize;

use crate::Format;
use crate::folder::{Folder, read_text};
use crate::output::json;

pub(crate) fn validate(root: &Path, format: Format) -> Result<ExitCode, Error> {
    let folder = Folder::read(root)?;
    let dataset = Dataset::from_files(&folder.files())?;
    let mut texts = HashMap::new();
    for source in dataset.sources() {
        texts.insert(
            source.id.clone(),
            read_text(&folder.root.join(&source.file), &source.file)?,
        );
    }
    let errors = provenance(
        &dataset,
        folder.text("observations.csv"),
        "observations.csv",
        &texts,
    )?;
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
        });
        return Ok(if errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }

    println!("data folder {}", root.display());
    println!(
        "  {} sources, {} indicators, {} observations",
        dataset.sources().len(),
        dataset.indicators().len(),
        dataset.len()
    );
    println!("\nobservations per source:");
    for source in dataset.sources() {
        let count = dataset
            .observations()
            .filter(|o| o.source == source.id)
            .count();
        println!(
            "  {:<10} {count:>4}  {} ({})",
            source.id,
            source.title,
            source
                .published
                .map_or_else(|| "undated".to_owned(), |p| p.to_string())
        );
    }
    println!("\nobservations per pillar:");
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
        println!("  {:<20} {count:>4}", pillar.as_str());
    }
    println!(
        "\nconsistency findings (reported, not fixed): {}",
        findings.len()
    );
    for finding in &findings {
        println!("  [{}] {}", finding.kind, finding.message);
    }
    if errors.is_empty() {
        println!("\nok: no errors");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!();
        for error in &errors {
            eprintln!("error: {error}");
        }
        eprintln!("{} errors", errors.len());
        Ok(ExitCode::FAILURE)
    }
}
