//! `rank`: the provinces ranked on one indicator, with the national and regional averages as
//! reference lines below them (never ranked).

use std::process::ExitCode;

use ict_compare::{Error, RankSpec, rank};

use crate::output::{aligned, csv_line, how, json, province_name, reference_line, shown};
use crate::{Format, Options};

pub(crate) fn run_rank(options: &Options) -> Result<ExitCode, Error> {
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
    let unit = ranking.unit.as_str();
    match options.format {
        Format::Json => json(&ranking),
        Format::Csv => csv(&dataset, &ranking, unit),
        Format::Table => table(&dataset, &ranking, unit),
    }
    Ok(ExitCode::SUCCESS)
}

/// The reference lines under a table, apart from its ranked rows.
pub(crate) fn print_references(references: &ict_compare::References, unit: &str) {
    if let Some(reason) = &references.refused {
        println!("no averages: {reason}");
    }
    if references.lines.is_empty() {
        return;
    }
    println!("\naverages (reference lines, not ranked):");
    let rows: Vec<Vec<String>> = references
        .lines
        .iter()
        .map(|line| {
            let (name, text) = reference_line(line, unit);
            vec![format!("  {name}"), text]
        })
        .collect();
    print!("{}", aligned(&rows));
}

fn csv(dataset: &ict_compare::Dataset, ranking: &ict_compare::Ranking, unit: &str) {
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
        "unit",
        "derived",
        "cross_check",
    ]);
    for entry in &ranking.entries {
        let first = entry.figure.provenance.first();
        let check = entry.figure.cross_check.as_ref();
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
            &province_name(dataset, entry.province),
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
            unit,
            &entry
                .figure
                .derived
                .as_ref()
                .map(|d| d.note.clone())
                .unwrap_or_default(),
            &check
                .and_then(|c| c.value)
                .map(|v| v.to_string())
                .unwrap_or_default(),
        ]));
    }
    print!("{out}");
}

fn table(dataset: &ict_compare::Dataset, ranking: &ict_compare::Ranking, unit: &str) {
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
                .map(|p| province_name(dataset, *p))
                .collect();
            note.push(format!("order uncertain with {}", names.join(", ")));
        }
        let how = how(&entry.figure, unit);
        if !how.is_empty() {
            note.push(how);
        }
        table.push(vec![
            entry.rank.to_string(),
            province_name(dataset, entry.province),
            shown(&entry.figure, unit),
            note.join("; "),
        ]);
    }
    print!("{}", aligned(&table));
    if ranking.mixed_periods {
        println!("warning: the figures come from different years");
    }
    println!("{} provinces report no figure", ranking.missing);
    if let Some(reason) = &ranking.per_capita_refused {
        println!("note: {reason}");
    }
    print_references(&ranking.references, unit);
}
