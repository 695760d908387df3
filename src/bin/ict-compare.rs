//! `ict-compare`: the engine on the command line.
//!
//! Reads a data folder, validates it, and answers the same questions the page asks. Output is a
//! table for people, or CSV and JSON in stable formats for programs (documented in
//! `docs/CLI.md`). Errors go to standard error with a non-zero exit.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ict_compare::{Dataset, DatasetFiles, Error, ErrorKind, consistency, decode_utf8, provenance};

const USAGE: &str = "\
usage: ict-compare <command> [options]

commands:
  validate <dir>    check a data folder: every file parses, every quote occurs in its report,
                    every value follows from its quote; print a summary and the reports'
                    inconsistencies; exit 1 on any error

options:
  -h, --help        print this help
";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("ict-compare: {error}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let usage = |message: String| Error::request(format!("{message}\n\n{USAGE}"));
    let command = match parser.next().map_err(|e| usage(e.to_string()))? {
        Some(Value(command)) => command.string().map_err(|e| usage(e.to_string()))?,
        Some(Short('h') | Long("help")) | None => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(usage(other.unexpected().to_string())),
    };
    match command.as_str() {
        "validate" => {
            let mut dir = None;
            while let Some(arg) = parser.next().map_err(|e| usage(e.to_string()))? {
                match arg {
                    Value(value) if dir.is_none() => dir = Some(PathBuf::from(value)),
                    other => return Err(usage(other.unexpected().to_string())),
                }
            }
            validate(&dir.ok_or_else(|| usage("validate needs a data folder".into()))?)
        }
        other => Err(usage(format!("unknown command {other:?}"))),
    }
}

/// The text of every file of a data folder, read before anything is parsed.
struct Folder {
    root: PathBuf,
    texts: HashMap<&'static str, String>,
}

const FILES: [&str; 8] = [
    "sources.csv",
    "indicators.csv",
    "observations.csv",
    "reference/provinces_2024.csv",
    "reference/provinces_2025.csv",
    "reference/merger_2025.csv",
    "reference/population.csv",
    "reference/dti_2022_provincial_rank.csv",
];

impl Folder {
    fn read(root: &Path) -> Result<Folder, Error> {
        let mut texts = HashMap::new();
        for name in FILES {
            texts.insert(name, read_text(&root.join(name), name)?);
        }
        Ok(Folder {
            root: root.to_owned(),
            texts,
        })
    }

    fn text(&self, name: &str) -> &str {
        self.texts.get(name).map_or("", String::as_str)
    }

    fn files(&self) -> DatasetFiles<'_> {
        DatasetFiles {
            sources: self.text(FILES[0]),
            indicators: self.text(FILES[1]),
            observations: self.text(FILES[2]),
            provinces_p63: self.text(FILES[3]),
            provinces_p34: self.text(FILES[4]),
            merger: self.text(FILES[5]),
            population: self.text(FILES[6]),
            dti: self.text(FILES[7]),
        }
    }
}

fn read_text(path: &Path, name: &str) -> Result<String, Error> {
    let bytes = fs::read(path).map_err(|error| {
        Error::new(ErrorKind::Io {
            message: format!("{}: {error}", path.display()),
        })
    })?;
    decode_utf8(&bytes, Some(name)).map(str::to_owned)
}

fn validate(root: &Path) -> Result<ExitCode, Error> {
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
            source.id, source.title, source.published
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
    let findings = consistency(&dataset);
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
