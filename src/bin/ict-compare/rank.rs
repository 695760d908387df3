//! `rank`: the provinces ranked on one indicator.

use std::process::ExitCode;

use ict_compare::{Error, RankSpec, rank};

use std::fmt::Write as _;

use crate::output::{aligned, csv_line, json, province_name, shown, write_out};
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
    let unit = dataset
        .indicator(&spec.indicator)
        .map_or("", |i| i.unit.as_str());
    match options.format {
        Format::Json => json(&ranking)?,
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
            write_out(&out)?;
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
            let mut out = aligned(&table);
            for warning in &ranking.warnings {
                let line = vec![format!("warning [{}]: {}", warning.code, warning.message)];
                out += &aligned(&[line]);
            }
            if ranking.mixed_periods {
                let _ = writeln!(out, "warning: the figures come from different years");
            }
            let _ = writeln!(out, "{} provinces report no figure", ranking.missing);
            write_out(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
