//! `ict-compare`: the engine on the command line.
//!
//! Reads a data folder, validates it, and answers the same questions the page asks. Output is a
//! table for people, or CSV and JSON in stable formats for programs (documented in
//! `docs/CLI.md`). Errors go to standard error with a non-zero exit.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ict_compare::{
    CompareSpec, Dataset, DatasetFiles, Error, ErrorKind, Figure, PeriodSpec, ProvinceId, RankSpec,
    Scheme, compare, decode_utf8, rank,
};
use serde::Serialize;

// The crate root is src/bin/ict-compare.rs: its modules live in src/bin/ict-compare/.
#[path = "ict-compare/validate.rs"]
mod validate;
use validate::validate;

const USAGE: &str = "\
usage: ict-compare <command> [options]

commands:
  validate <dir>         check a data folder: every file parses, every quote occurs in its
                         report, every value follows from its quote; print a summary and the
                         reports' inconsistencies; exit 1 on any error
  compare                provinces x indicators
      --provinces p63:84,p63:44   (required)
      --indicators ID,ID          (required)
      [--period latest|YYYY|YYYY-YYYY] [--per-capita] [--scheme p63|p34] [--include-partial]
  rank --indicator ID    provinces ranked on one indicator
      [--period latest|YYYY|YYYY-YYYY] [--per-capita] [--scheme p63|p34]
  indicators             the indicator list, with how many figures each has
  provinces [--scheme p63|p34]
                         the provinces of a list
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
enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

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
    let mut options = Options::default();
    while let Some(arg) = parser.next().map_err(|e| usage(e.to_string()))? {
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
                    .map_err(|_| usage(format!("--rows {text:?}: expected a count")))?;
            }
            Long("seed") => {
                let text = value(&mut parser, "seed")?;
                options.seed = text
                    .parse()
                    .map_err(|_| usage(format!("--seed {text:?}: expected a number")))?;
            }
            Long("part") => options.part = Some(value(&mut parser, "part")?),
            Long("include-partial") => options.include_partial = true,
            Short('h') | Long("help") => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Value(dir) if command == "validate" && options.data.is_none() => {
                options.data = Some(PathBuf::from(dir));
            }
            other => return Err(usage(other.unexpected().to_string())),
        }
    }
    match command.as_str() {
        "validate" => {
            let dir = options
                .data
                .clone()
                .ok_or_else(|| usage("validate needs a data folder".into()))?;
            validate(&dir, options.format)
        }
        "compare" => run_compare(&options),
        "rank" => run_rank(&options),
        "indicators" => run_indicators(&options),
        "provinces" => run_provinces(&options),
        "synthetic" => {
            let text = match options.part.as_deref().unwrap_or("observations") {
                "observations" => ict_compare::synthetic_observations(options.rows, options.seed),
                "indicators" => ict_compare::synthetic_indicators(),
                "sources" => ict_compare::synthetic_sources(),
                other => return Err(usage(format!("unknown part {other:?}"))),
            };
            print!("{text}");
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
struct Options {
    format: Format,
    data: Option<PathBuf>,
    provinces: Option<String>,
    indicators: Option<String>,
    indicator: Option<String>,
    period: PeriodSpec,
    scheme: Option<Scheme>,
    per_capita: bool,
    include_partial: bool,
    rows: usize,
    seed: u64,
    part: Option<String>,
}

impl Options {
    fn dataset(&self) -> Result<Dataset, Error> {
        match &self.data {
            Some(dir) => Dataset::from_files(&Folder::read(dir)?.files()),
            None => Dataset::bundled(),
        }
    }
}

fn list(text: Option<&String>, flag: &str) -> Result<Vec<String>, Error> {
    let text = text.ok_or_else(|| Error::request(format!("--{flag} is required")))?;
    Ok(text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect())
}

fn run_compare(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let provinces = list(options.provinces.as_ref(), "provinces")?
        .iter()
        .map(|p| {
            p.parse::<ProvinceId>()
                .map_err(|()| Error::request(format!("province {p:?}: expected p63:NN or p34:NN")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let spec = CompareSpec {
        provinces,
        indicators: list(options.indicators.as_ref(), "indicators")?,
        period: options.period,
        per_capita: options.per_capita,
        scheme: options.scheme,
        targets: false,
        include_partial: options.include_partial,
    };
    let matrix = compare(&dataset, &spec)?;
    match options.format {
        Format::Json => json(&matrix),
        Format::Csv => {
            let mut out = csv_line(&CELL_HEADER);
            for row in &matrix.rows {
                for (column, cell) in matrix.columns.iter().zip(&row.cells) {
                    out.push_str(&cell_line(
                        &dataset,
                        row.province,
                        &column.indicator,
                        &column.unit,
                        cell.as_ref().map(|c| &c.figure),
                    ));
                }
            }
            print!("{out}");
        }
        Format::Table => {
            let mut table = vec![
                std::iter::once("province".to_owned())
                    .chain(matrix.columns.iter().map(|c| c.indicator.clone()))
                    .collect::<Vec<_>>(),
            ];
            for row in &matrix.rows {
                let mut line = vec![province_name(&dataset, row.province)];
                for (cell, column) in row.cells.iter().zip(&matrix.columns) {
                    line.push(cell.as_ref().map_or_else(
                        || "–".to_owned(),
                        |c| {
                            let best = if c.best { " *" } else { "" };
                            format!("{}{best}", shown(&c.figure, &column.unit))
                        },
                    ));
                }
                table.push(line);
            }
            print!("{}", aligned(&table));
            for warning in &matrix.warnings {
                println!("warning [{}]: {}", warning.code, warning.message);
            }
            println!("* best, where the order is certain");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_rank(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let spec = RankSpec {
        indicator: options
            .indicator
            .clone()
            .ok_or_else(|| Error::request("--indicator is required"))?,
        period: options.period,
        scheme: options.scheme,
        per_capita: options.per_capita,
        targets: false,
    };
    let ranking = rank(&dataset, &spec)?;
    let unit = dataset
        .indicator(&spec.indicator)
        .map_or("", |i| i.unit.as_str());
    match options.format {
        Format::Json => json(&ranking),
        Format::Csv => {
            let mut out = csv_line(&[
                "rank",
                "tied",
                "uncertain_with",
                "province",
                "province_name",
                "value",
                "qualifier",
                "period",
                "source",
                "observation",
                "quote",
            ]);
            for entry in &ranking.entries {
                let first = entry.figure.provenance.first();
                out.push_str(&csv_line(&[
                    &entry.rank.to_string(),
                    &entry.tied.to_string(),
                    &entry
                        .uncertain_with
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(";"),
                    &entry.province.to_string(),
                    &province_name(&dataset, entry.province),
                    &entry
                        .figure
                        .value
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    entry.figure.qualifier.as_str(),
                    &entry.figure.period.to_string(),
                    first.map_or("", |p| p.source.as_str()),
                    first.map_or("", |p| p.observation.as_str()),
                    first.map_or("", |p| p.quote.as_str()),
                ]));
            }
            print!("{out}");
        }
        Format::Table => {
            let mut table = vec![vec![
                "rank".to_owned(),
                "province".to_owned(),
                "value".to_owned(),
                "note".to_owned(),
            ]];
            for entry in &ranking.entries {
                let mut note = Vec::new();
                if entry.tied {
                    note.push("tied".to_owned());
                }
                if !entry.uncertain_with.is_empty() {
                    let names: Vec<String> = entry
                        .uncertain_with
                        .iter()
                        .map(|p| province_name(&dataset, *p))
                        .collect();
                    note.push(format!("order uncertain with {}", names.join(", ")));
                }
                table.push(vec![
                    entry.rank.to_string(),
                    province_name(&dataset, entry.province),
                    shown(&entry.figure, unit),
                    note.join("; "),
                ]);
            }
            print!("{}", aligned(&table));
            if ranking.mixed_periods {
                println!("warning: the figures come from different years");
            }
            println!("{} provinces report no figure", ranking.missing);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_indicators(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let counts: Vec<usize> = dataset
        .indicators()
        .iter()
        .map(|i| {
            dataset
                .observations()
                .filter(|o| o.indicator == i.id)
                .count()
        })
        .collect();
    match options.format {
        Format::Json => {
            #[derive(Serialize)]
            struct Entry<'a> {
                #[serde(flatten)]
                indicator: &'a ict_compare::Indicator,
                observations: usize,
            }
            let entries: Vec<Entry<'_>> = dataset
                .indicators()
                .iter()
                .zip(&counts)
                .map(|(indicator, &observations)| Entry {
                    indicator,
                    observations,
                })
                .collect();
            json(&entries);
        }
        Format::Csv | Format::Table => {
            let header = [
                "indicator_id",
                "family",
                "pillar",
                "unit",
                "denominator",
                "aggregation",
                "better",
                "observations",
                "name_vi",
                "name_en",
            ];
            let rows: Vec<Vec<String>> = dataset
                .indicators()
                .iter()
                .zip(&counts)
                .map(|(i, count)| {
                    vec![
                        i.id.clone(),
                        i.family.clone(),
                        i.pillar.to_string(),
                        i.unit.to_string(),
                        i.denominator.clone().unwrap_or_default(),
                        i.aggregation.to_string(),
                        i.better.to_string(),
                        count.to_string(),
                        i.name_vi.clone(),
                        i.name_en.clone(),
                    ]
                })
                .collect();
            print_rows(options.format, &header, rows);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_provinces(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let scheme = options.scheme.unwrap_or(Scheme::P63);
    let provinces: Vec<&ict_compare::Province> = dataset.reference().provinces_of(scheme).collect();
    match options.format {
        Format::Json => json(&provinces),
        Format::Csv | Format::Table => {
            let header = ["province", "name", "region", "merged_into", "merged_from"];
            let rows = provinces
                .iter()
                .map(|p| {
                    vec![
                        p.id.to_string(),
                        p.name.clone(),
                        p.region.clone().unwrap_or_default(),
                        p.merged_into.map(|m| m.to_string()).unwrap_or_default(),
                        p.merged_from
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(";"),
                    ]
                })
                .collect();
            print_rows(options.format, &header, rows);
        }
    }
    Ok(ExitCode::SUCCESS)
}

const CELL_HEADER: [&str; 12] = [
    "province",
    "province_name",
    "indicator",
    "unit",
    "value",
    "qualifier",
    "period",
    "derived",
    "partial",
    "source",
    "observation",
    "quote",
];

fn cell_line(
    dataset: &Dataset,
    province: ProvinceId,
    indicator: &str,
    unit: &str,
    figure: Option<&Figure>,
) -> String {
    let empty = String::new();
    let Some(figure) = figure else {
        return csv_line(&[
            &province.to_string(),
            &province_name(dataset, province),
            indicator,
            unit,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]);
    };
    let join = |f: &dyn Fn(&ict_compare::Provenance) -> String| {
        figure
            .provenance
            .iter()
            .map(f)
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let derived = figure.derived.as_ref();
    csv_line(&[
        &province.to_string(),
        &province_name(dataset, province),
        indicator,
        unit,
        &figure.value.map_or(empty, |v| v.to_string()),
        figure.qualifier.as_str(),
        &figure.period.to_string(),
        &derived.map(|d| d.note.clone()).unwrap_or_default(),
        &derived.is_some_and(|d| d.reported < d.members).to_string(),
        &join(&|p| p.source.clone()),
        &join(&|p| p.observation.clone()),
        &join(&|p| p.quote.clone()),
    ])
}

fn province_name(dataset: &Dataset, id: ProvinceId) -> String {
    dataset
        .reference()
        .province(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// A figure for people: qualifier symbol, Vietnamese number, `%` for shares, period.
fn shown(figure: &Figure, unit: &str) -> String {
    match figure.value {
        Some(value) => format!(
            "{}{}{} ({})",
            figure.qualifier.symbol(),
            ict_compare::format_vietnamese_number(value, 2),
            if unit == "percent" { " %" } else { "" },
            figure.period
        ),
        None => match &figure.derived {
            Some(d) => format!("partial, {} of {}", d.reported, d.members),
            None => "–".to_owned(),
        },
    }
}

fn json<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(error) => eprintln!("ict-compare: cannot write JSON: {error}"),
    }
}

fn print_rows(format: Format, header: &[&str], rows: Vec<Vec<String>>) {
    if format == Format::Csv {
        let mut out = csv_line(header);
        for row in &rows {
            out.push_str(&csv_line(
                &row.iter().map(String::as_str).collect::<Vec<_>>(),
            ));
        }
        print!("{out}");
    } else {
        let mut table = vec![header.iter().map(|h| (*h).to_owned()).collect()];
        table.extend(rows);
        print!("{}", aligned(&table));
    }
}

/// One CSV record (RFC 4180: fields with a comma, quote or line break are quoted).
fn csv_line(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                (*f).to_owned()
            }
        })
        .collect();
    format!("{}\n", quoted.join(","))
}

/// Columns padded to their widest cell, counted in characters.
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &width)| format!("{cell:<width$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The text of every file of a data folder, read before anything is parsed.
struct Folder {
    root: PathBuf,
    texts: HashMap<&'static str, String>,
}

impl Folder {
    fn read(root: &Path) -> Result<Folder, Error> {
        let mut texts = HashMap::new();
        for name in DatasetFiles::NAMES {
            let path = root.join(name);
            // A folder of reports alone has no published tables.
            if DatasetFiles::OPTIONAL.contains(&name) && !path.exists() {
                continue;
            }
            texts.insert(name, read_text(&path, name)?);
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
        DatasetFiles::from_names(|name| self.text(name))
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
