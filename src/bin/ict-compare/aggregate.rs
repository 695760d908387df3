//! `aggregate`: one indicator combined over the nation, each region or each year by its rule,
//! or the number of figures per pillar.

use std::process::ExitCode;

use ict_compare::{AggregateResult, AggregateSpec, Dataset, Error, GroupBy, aggregate};

use crate::output::{json, number, print_rows, with_unit, write_out};
use crate::{Format, Options};

pub(crate) fn run_aggregate(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let group_by = match options.by.as_deref() {
        Some(text) => text.parse::<GroupBy>()?,
        None => GroupBy::Nation,
    };
    let spec = AggregateSpec {
        indicator: options.indicator.clone(),
        group_by,
        period: options.period,
        scheme: options.scheme,
        targets: false,
    };
    let answer = aggregate(&dataset, &spec)?;
    let unit = spec
        .indicator
        .as_deref()
        .and_then(|id| dataset.indicator(id))
        .map_or("count", |i| i.unit.as_str());
    match options.format {
        Format::Json => json(&answer)?,
        Format::Csv => csv(&dataset, &answer, group_by)?,
        Format::Table => table(&dataset, &answer, group_by, unit)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn csv(dataset: &Dataset, answer: &AggregateResult, group_by: GroupBy) -> Result<(), Error> {
    let header = [
        "key",
        "name",
        "value",
        "rule",
        "weight",
        "fallback",
        "count",
        "sum",
        "mean",
        "median",
        "min",
        "max",
        "reported",
        "provinces",
        "years",
    ];
    let text = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let rows = answer
        .groups
        .iter()
        .map(|g| {
            let method = g.method.as_ref();
            vec![
                g.key.clone(),
                group_name(dataset, group_by, &g.key),
                text(g.value),
                answer.rule.clone().unwrap_or_default(),
                method.and_then(|m| m.weight.clone()).unwrap_or_default(),
                method.and_then(|m| m.fallback.clone()).unwrap_or_default(),
                g.stats.count.to_string(),
                text(g.stats.sum),
                text(g.stats.mean),
                text(g.stats.median),
                text(g.stats.min),
                text(g.stats.max),
                g.reported.to_string(),
                g.provinces.to_string(),
                g.years
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(";"),
            ]
        })
        .collect();
    print_rows(Format::Csv, &header, rows)
}

fn table(
    dataset: &Dataset,
    answer: &AggregateResult,
    group_by: GroupBy,
    unit: &str,
) -> Result<(), Error> {
    if group_by == GroupBy::Pillar {
        let rows = answer
            .groups
            .iter()
            .map(|g| {
                vec![
                    g.key.clone(),
                    g.stats.count.to_string(),
                    format!("{} of {}", g.reported, g.provinces),
                ]
            })
            .collect();
        return print_rows(Format::Table, &["pillar", "figures", "provinces"], rows);
    }
    let shown = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| with_unit(v, unit));
    let rows = answer
        .groups
        .iter()
        .map(|g| {
            vec![
                group_name(dataset, group_by, &g.key),
                shown(g.value),
                format!("{} of {}", g.reported, g.provinces),
                g.stats.median.map_or_else(String::new, |v| number(v, unit)),
                g.stats.min.map_or_else(String::new, |v| number(v, unit)),
                g.stats.max.map_or_else(String::new, |v| number(v, unit)),
                g.method.as_ref().map_or_else(
                    || g.refused.clone().unwrap_or_default(),
                    ict_compare::Method::describe,
                ),
            ]
        })
        .collect();
    print_rows(
        Format::Table,
        &[
            "group",
            "value",
            "provinces",
            "median",
            "min",
            "max",
            "method",
        ],
        rows,
    )?;
    write_out(&format!(
        "{}, {} list, {}; value by the rule {}\n",
        answer.indicator.as_deref().unwrap_or(""),
        answer.scheme,
        answer.period,
        answer.rule.as_deref().unwrap_or("")
    ))
}

/// A group's name for people: the region's Vietnamese name, the year, or the pillar.
fn group_name(dataset: &Dataset, group_by: GroupBy, key: &str) -> String {
    match group_by {
        GroupBy::Nation => "Cả nước".to_owned(),
        GroupBy::Region => dataset
            .reference()
            .regions()
            .iter()
            .find(|r| r.code == key)
            .map_or_else(|| key.to_owned(), |r| r.name_vi.clone()),
        GroupBy::Year | GroupBy::Pillar => key.to_owned(),
    }
}
