//! `ict-compare validate <data folder>`: every figure against the report text or the stored
//! table it was read from, the conventions of `data/README.md`, the counts per source, and the
//! consistency findings.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use ict_compare::{
    Allowed, Dataset, Error, ErrorKind, Position, Scheme, SourceList, consistency, conventions,
    exclusions, provenance, table_provenance, where_file_is_named,
};
use serde::Serialize;

use crate::Format;
use crate::folder::Folder;
use crate::output::{escaped, json, write_err, write_out};

/// Loads the data folder, checks every figure against its report or stored table and the
/// folder's conventions, and prints what it holds, per source, with the consistency findings.
/// Fails on any error.
pub(crate) fn validate(root: &Path, format: Format) -> Result<ExitCode, Error> {
    let folder = Folder::read(root)?;
    let dataset = Dataset::from_files(&folder.files())?;
    let errors = errors_of(&folder, &dataset)?;
    let findings = consistency(&dataset);
    let counts = Counts::of(&dataset);
    if format != Format::Table {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Report<'a> {
            sources: usize,
            indicators: usize,
            observations: usize,
            per_source: BTreeMap<&'a str, usize>,
            findings: &'a [ict_compare::Finding],
            errors: Vec<String>,
        }
        json(&Report {
            sources: dataset.sources().len(),
            indicators: dataset.indicators().len(),
            observations: dataset.len(),
            per_source: counts
                .per_source
                .iter()
                .map(|(id, count)| (id.as_str(), *count))
                .collect(),
            findings: &findings,
            errors: errors.iter().map(ToString::to_string).collect(),
        })?;
        return Ok(if errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }

    let mut out = String::new();
    let _ = writeln!(out, "data folder {}", root.display());
    counts.write(&dataset, &mut out);
    let _ = writeln!(
        out,
        "\nconsistency findings (reported, not fixed): {}",
        findings.len()
    );
    for finding in &findings {
        let _ = writeln!(
            out,
            "  [{}] {}",
            finding.kind,
            escaped(&finding.message, false)
        );
    }
    if errors.is_empty() {
        let _ = writeln!(out, "\nok: no errors");
        write_out(&out)?;
        Ok(ExitCode::SUCCESS)
    } else {
        write_out(&out)?;
        write_errors(&errors);
        Ok(ExitCode::FAILURE)
    }
}

/// What `validate` refuses in a folder the dataset loaded from: figures against their reports
/// and stored tables, and the folder's conventions.
pub(crate) fn errors_of(folder: &Folder, dataset: &Dataset) -> Result<Vec<Error>, Error> {
    let mut errors = check_figures(folder, dataset)?;
    errors.extend(conventions(
        dataset,
        folder.text("sources.csv"),
        folder.text("observations.csv"),
        "observations.csv",
    )?);
    Ok(errors)
}

/// The errors on standard error, one a line, then their count.
pub(crate) fn write_errors(errors: &[Error]) {
    let mut report = String::from("\n");
    for error in errors {
        let _ = writeln!(report, "error: {}", escaped(&error.to_string(), false));
    }
    let _ = writeln!(report, "{} errors", errors.len());
    write_err(&report);
}

/// Every figure against its source: quotes against the report texts, cells against the stored
/// copies of the tables. Every file is read under the folder's rules.
fn check_figures(folder: &Folder, dataset: &Dataset) -> Result<Vec<Error>, Error> {
    // Report texts by source id; stored copies of tables by their path (one copy may hold
    // several tables, PAPI's years).
    let mut texts = HashMap::new();
    let mut copies = HashMap::new();
    for source in dataset.sources() {
        // A file that cannot be read is said where its list names it.
        let read = |list: SourceList, name: &'static str| {
            folder.read_text(&source.file).map_err(|error| {
                error.or_at(where_file_is_named(
                    folder.text(name),
                    Some(name),
                    list,
                    &source.id,
                ))
            })
        };
        if source.is_table() {
            if !copies.contains_key(&source.file) {
                copies.insert(source.file.clone(), read(SourceList::Tables, "tables.csv")?);
            }
        } else {
            texts.insert(source.id.clone(), read(SourceList::Reports, "sources.csv")?);
        }
    }
    let observation_files: Vec<(&str, &str)> = ["observations.csv", "table_observations.csv"]
        .into_iter()
        .map(|name| (name, folder.text(name)))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    let mut errors = Vec::new();
    for &(name, text) in &observation_files {
        errors.extend(provenance(dataset, text, name, &texts)?);
    }
    let tables_list = folder.text("tables.csv");
    errors.extend(table_provenance(
        dataset,
        tables_list,
        &observation_files,
        &copies,
    )?);
    errors.extend(uncited_tables(folder, dataset));
    if let Some(text) = folder.optional_text("exclusions.csv")? {
        errors.extend(exclusions(&text, "exclusions.csv", &texts)?);
    }
    Ok(errors)
}

/// A table `tables.csv` lists that no figure cites: listed for nothing, most often because its
/// figures' file (`table_observations.csv`) is missing, which would drop them all unseen.
fn uncited_tables(folder: &Folder, dataset: &Dataset) -> Vec<Error> {
    dataset
        .sources()
        .iter()
        .filter(|source| source.is_table())
        .filter(|table| !dataset.observations().any(|o| o.source == table.id))
        .map(|table| {
            let at = where_file_is_named(
                folder.text("tables.csv"),
                Some("tables.csv"),
                SourceList::Tables,
                &table.id,
            )
            .map(|p| Position::new(Some("tables.csv"), p.line, 1).in_field(1));
            Error::new(ErrorKind::InvalidValue {
                column: "source_id".to_owned(),
                text: table.id.clone(),
                expected: Allowed::Words {
                    text: "a table some figure of table_observations.csv cites".to_owned(),
                },
            })
            .or_at(at)
        })
        .collect()
}

/// Figures per source, and those read from tables per indicator and list of provinces.
struct Counts {
    per_source: Vec<(String, usize)>,
    from_tables: BTreeMap<(String, Scheme), usize>,
}

impl Counts {
    fn of(dataset: &Dataset) -> Counts {
        let mut per_source: Vec<(String, usize)> = dataset
            .sources()
            .iter()
            .map(|s| (s.id.clone(), 0))
            .collect();
        let mut from_tables = BTreeMap::new();
        for o in dataset.observations() {
            if let Some((_, count)) = per_source.iter_mut().find(|(id, _)| *id == o.source) {
                *count += 1;
            }
            if o.cell.is_some() {
                *from_tables
                    .entry((o.indicator.clone(), o.province.scheme))
                    .or_insert(0) += 1;
            }
        }
        Counts {
            per_source,
            from_tables,
        }
    }

    /// The summary for people. Titles and credits are text from the data, escaped before they
    /// reach the terminal.
    fn write(&self, dataset: &Dataset, out: &mut String) {
        let tables = dataset.sources().iter().filter(|s| s.is_table()).count();
        let _ = writeln!(
            out,
            "  {} reports, {tables} published tables, {} indicators, {} observations",
            dataset.sources().len() - tables,
            dataset.indicators().len(),
            dataset.len()
        );
        let _ = writeln!(out, "\nobservations per source:");
        for (source, (_, count)) in dataset.sources().iter().zip(&self.per_source) {
            let credit = match &source.table {
                Some(table) => table.attribution.clone(),
                None => source
                    .published
                    .map_or_else(|| "undated".to_owned(), |p| p.to_string()),
            };
            let _ = writeln!(
                out,
                "  {:<13} {count:>4}  {} ({})",
                source.id,
                escaped(&source.title, false),
                escaped(&credit, false)
            );
        }
        if !self.from_tables.is_empty() {
            let _ = writeln!(
                out,
                "\nobservations read from published tables, per indicator and list:"
            );
            for ((indicator, scheme), count) in &self.from_tables {
                let _ = writeln!(out, "  {indicator:<20} {scheme}  {count:>4}");
            }
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
            let _ = writeln!(out, "  {:<22} {count:>4}", pillar.as_str());
        }
    }
}
