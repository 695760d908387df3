//! `ict-compare`: the engine on the command line.
//!
//! Reads a data folder, validates it, and answers the same questions the page asks. Output is a
//! table for people, or CSV and JSON in stable formats for programs (documented in
//! `docs/CLI.md`). Errors go to standard error with a non-zero exit.

mod aggregate;
mod compare;
mod extract;
mod folder;
mod indicators;
mod output;
mod pack;
mod provinces;
mod rank;
mod series;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use ict_compare::{Dataset, Error, PeriodSpec, SYNTHETIC_MAX_ROWS, Scheme};

use crate::folder::Folder;

const USAGE: &str = "\
usage: ict-compare <command> [options]

commands:
  validate <dir>         check a data folder: every file parses, every quote occurs in its
                         report, every value follows from its quote; print a summary and the
                         reports' inconsistencies; exit 1 on any error
  pack <dir> -o <file>   write the dataset of a data folder in the binary form the engine
                         bundles (src/dataset/bundled.pack; `make pack`), and its long texts
                         beside it, named with -texts (bundled-texts.pack)
  compare                provinces x indicators
      --provinces p63:84,p63:44   (required)
      --indicators ID,ID          (required)
      [--period latest|YYYY|YYYY-YYYY] [--per-capita] [--scheme p63|p34] [--include-partial]
  rank --indicator ID    provinces ranked on one indicator, with ties shared, and the national
                         and regional averages below (not ranked)
      [--period latest|YYYY|YYYY-YYYY] [--per-capita] [--scheme p63|p34]
  series --province p63:72 --indicator ID
                         every period of one province, with the change, the yearly rate,
                         breaks of method and the averages of each year
      [--period latest|YYYY-YYYY] [--per-capita] [--scheme p63|p34]
  aggregate --indicator ID [--by nation|region|year|pillar]
                         the indicator combined by its rule over the nation, each region or
                         each year (or the figures per pillar)
      [--period latest|YYYY|YYYY-YYYY] [--scheme p63|p34]
  indicators             the indicator list, with how many figures each has
  provinces [--scheme p63|p34]
                         the provinces of a list
  extract <file.txt>     propose the figures of a report's text, each with its quote,
                         qualifier, unit, period and indicator suggestions, and say why the
                         other numbers are not figures; csv is observations.csv's format
      [--province p63:NN] [--published YYYY-MM-DD]
  synthetic --rows N [--seed S] [--part observations|indicators|sources]
                         deterministic synthetic data for benchmarks (CSV on stdout)

options for every command:
  --format table|csv|json    output format (default table); csv and json are documented in
                             docs/CLI.md and stable
  --data <dir>               use a data folder instead of the bundled dataset
  -h, --help                 print this help
";

/// How results are written.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            output::write_err(&format!("ict-compare: {error}\n"));
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
            output::write_out(USAGE)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(usage(other.unexpected().to_string())),
    };
    let mut options = Options::default();
    // An option given twice would keep one of its values silently.
    let mut given: Vec<String> = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| usage(e.to_string()))? {
        let name = match &arg {
            Short('o') => Some("output".to_owned()),
            Long(name) => Some((*name).to_owned()),
            _ => None,
        };
        if let Some(name) = name {
            if given.contains(&name) {
                return Err(usage(format!("--{name} is given twice: give it once")));
            }
            given.push(name);
        }
        match arg {
            Long("format") => {
                options.format = match value(&mut parser, "format")?.as_str() {
                    "table" => Format::Table,
                    "csv" => Format::Csv,
                    "json" => Format::Json,
                    other => {
                        return Err(usage(format!(
                            "unknown format {other:?}: expected table, csv or json"
                        )));
                    }
                }
            }
            Long("data") => options.data = Some(PathBuf::from(value(&mut parser, "data")?)),
            Long("provinces") => options.provinces = Some(value(&mut parser, "provinces")?),
            Long("indicators") => options.indicators = Some(value(&mut parser, "indicators")?),
            Long("indicator") => options.indicator = Some(value(&mut parser, "indicator")?),
            Long("province") => options.province = Some(value(&mut parser, "province")?),
            Long("by") => options.by = Some(value(&mut parser, "by")?),
            Long("period") => options.period = value(&mut parser, "period")?.parse()?,
            Long("scheme") => {
                let text = value(&mut parser, "scheme")?;
                options.scheme = Some(text.parse().map_err(|()| {
                    usage(format!("unknown scheme {text:?}: expected p63 or p34"))
                })?);
            }
            Long("per-capita") => options.per_capita = true,
            Long("rows") => {
                let text = value(&mut parser, "rows")?;
                options.rows = text
                    .parse()
                    .ok()
                    .filter(|&rows| rows <= SYNTHETIC_MAX_ROWS)
                    .ok_or_else(|| {
                        usage(format!(
                            "--rows {text:?}: expected a count from 0 to {SYNTHETIC_MAX_ROWS}"
                        ))
                    })?;
            }
            Long("seed") => {
                let text = value(&mut parser, "seed")?;
                options.seed = text
                    .parse()
                    .map_err(|_| usage(format!("--seed {text:?}: expected a number")))?;
            }
            Long("part") => options.part = Some(value(&mut parser, "part")?),
            Short('o') | Long("output") => {
                options.output = Some(PathBuf::from(value(&mut parser, "output")?));
            }
            Long("include-partial") => options.include_partial = true,
            Long("published") => options.published = Some(value(&mut parser, "published")?),
            Short('h') | Long("help") => {
                output::write_out(USAGE)?;
                return Ok(ExitCode::SUCCESS);
            }
            Value(dir)
                if matches!(command.as_str(), "validate" | "pack") && options.data.is_none() =>
            {
                options.data = Some(PathBuf::from(dir));
            }
            Value(file) if command == "extract" && options.file.is_none() => {
                options.file = Some(PathBuf::from(file));
            }
            other => return Err(usage(other.unexpected().to_string())),
        }
    }
    dispatch(&command, &options)
}

/// Runs `command` with its options.
fn dispatch(command: &str, options: &Options) -> Result<ExitCode, Error> {
    let usage = |message: String| Error::request(format!("{message}\n\n{USAGE}"));
    match command {
        "validate" => {
            let dir = options
                .data
                .clone()
                .ok_or_else(|| usage("validate needs a data folder".into()))?;
            validate::validate(&dir, options.format)
        }
        "pack" => {
            let (Some(dir), Some(output)) = (&options.data, &options.output) else {
                return Err(usage("pack needs a data folder and -o <file>".into()));
            };
            pack::pack(dir, output)
        }
        "compare" => compare::run_compare(options),
        "extract" => extract::run_extract(options),
        "rank" => rank::run_rank(options),
        "series" => series::run_series(options),
        "aggregate" => aggregate::run_aggregate(options),
        "indicators" => indicators::run_indicators(options),
        "provinces" => provinces::run_provinces(options),
        "synthetic" => {
            let text = match options.part.as_deref().unwrap_or("observations") {
                "observations" => ict_compare::synthetic_observations(options.rows, options.seed),
                "indicators" => ict_compare::synthetic_indicators(),
                "sources" => ict_compare::synthetic_sources(),
                other => return Err(usage(format!("unknown part {other:?}"))),
            };
            output::write_out(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        other => Err(usage(format!("unknown command {other:?}"))),
    }
}

/// The value after a flag (`--format csv`).
fn value(parser: &mut lexopt::Parser, name: &str) -> Result<String, Error> {
    use lexopt::ValueExt;
    parser
        .value()
        .map_err(|_| Error::request(format!("--{name} needs a value\n\n{USAGE}")))?
        .string()
        .map_err(|text| Error::request(format!("--{name}: not UTF-8: {text:?}")))
}

/// The command line's options, all optional until a command needs one.
#[derive(Default)]
pub(crate) struct Options {
    pub(crate) format: Format,
    pub(crate) data: Option<PathBuf>,
    pub(crate) provinces: Option<String>,
    pub(crate) indicators: Option<String>,
    pub(crate) indicator: Option<String>,
    pub(crate) province: Option<String>,
    pub(crate) by: Option<String>,
    pub(crate) period: PeriodSpec,
    pub(crate) scheme: Option<Scheme>,
    pub(crate) per_capita: bool,
    pub(crate) include_partial: bool,
    pub(crate) rows: usize,
    pub(crate) seed: u64,
    pub(crate) part: Option<String>,
    pub(crate) file: Option<PathBuf>,
    pub(crate) output: Option<PathBuf>,
    pub(crate) published: Option<String>,
}

impl Options {
    pub(crate) fn dataset(&self) -> Result<Dataset, Error> {
        match &self.data {
            Some(dir) => Dataset::from_files(&Folder::read(dir)?.files()),
            None => Dataset::bundled(),
        }
    }
}

/// The comma-separated items of a flag's value; an empty value or an empty item is an error,
/// not a silent "nothing".
pub(crate) fn list(text: Option<&String>, flag: &str) -> Result<Vec<String>, Error> {
    let text = text.ok_or_else(|| Error::request(format!("--{flag} is required")))?;
    let items: Vec<String> = text.split(',').map(|s| s.trim().to_owned()).collect();
    if items.iter().any(String::is_empty) {
        return Err(Error::request(format!(
            "--{flag} {text:?}: expected ids separated by commas, with none empty"
        )));
    }
    Ok(items)
}
