//! `rank`: the provinces ranked on one indicator, with the national and regional averages as
//! reference lines below them (never ranked).

use std::fmt::Write as _;
use std::process::ExitCode;

use ict_compare::{Error, RankSpec, rank};

use crate::output::{
    aligned, csv_line, how, json, province_name, reference_line, shown, write_out,
};
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
        Format::Json => json(&ranking)?,
        Format::Csv => write_out(&csv(&dataset, &ranking, unit))?,
        Format::Table => write_out(&table(&dataset, &ranking, unit))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The reference lines under a table, apart from its ranked rows.
pub(crate) fn write_references(out: &mut String, references: &ict_compare::References, unit: &str) {
    if let Some(reason) = &references.refused {
        let _ = writeln!(out, "no averages: {reason}");
    }
    if references.lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\naverages (reference lines, not ranked):");
    let rows: Vec<Vec<String>> = references
        .lines
        .iter()
        .map(|line| {
            let (name, text) = reference_line(line, unit);
            vec![format!("  {name}"), text]
        })
        .collect();
    out.push_str(&aligned(&rows));
}

fn csv(dataset: &ict_compare::Dataset, ranking: &ict_compare::Ranking, unit: &str) -> String {
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
    out
}

fn table(dataset: &ict_compare::Dataset, ranking: &ict_compare::Ranking, unit: &str) -> String {
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
    let mut out = aligned(&table);
    if ranking.mixed_periods {
        let _ = writeln!(out, "warning: the figures come from different years");
    }
    let _ = writeln!(out, "{} provinces report no figure", ranking.missing);
    if let Some(reason) = &ranking.per_capita_refused {
        out += &aligned(&[vec![format!("note: {reason}")]]);
    }
    write_references(&mut out, &ranking.references, unit);
    out
}
