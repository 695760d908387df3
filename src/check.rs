//! Checks that a dataset is faithful to its reports and consistent with itself.
//!
//! Two kinds of result: *errors* where the data does not follow from its source (a quote not in
//! the report, a value the quote does not state, a qualifier the wording does not support; a
//! table cell not in the stored table, or left out; see `cells`), and
//! *findings* where the reports themselves disagree (parts that do not add up to the total the
//! same report states, the same figure stated twice, a published 2025-province figure that its
//! former provinces' figures do not reproduce). Errors fail validation; findings are reported
//! and never fixed. This module reads the dataset; it changes nothing.

mod cells;
mod exclusions;
mod occurrences;
mod statements;

use std::collections::{BTreeMap, HashMap};

use crate::dataset::Dataset;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ProvinceId, Qualifier, Scheme, Unit};
use crate::parse::{observation_column as column, parse_observations};
use crate::query::{Options, PeriodSpec, Selector};

pub use cells::table_provenance;
pub use exclusions::exclusions;
use statements::same;
pub use statements::{Statement, statements_in};

/// Something the reports say that does not hang together.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// `partsDoNotAddUp`, `duplicate` or `publishedDiffersFromDerived`.
    pub kind: &'static str,
    /// The observations involved.
    pub observations: Vec<String>,
    /// What is wrong, in words.
    pub message: String,
}

/// Reports parts that do not add up to their total, figures stated more than once, and
/// published figures of 2025 provinces that differ from the roll-up of their former provinces by
/// more than [`CROSS_CHECK_TOLERANCE`](crate::CROSS_CHECK_TOLERANCE).
#[must_use]
pub fn consistency(dataset: &Dataset) -> Vec<Finding> {
    let mut findings = parts_and_totals(dataset);
    findings.extend(duplicates(dataset));
    findings.extend(published_and_derived(dataset));
    findings
}

/// Every published figure of a 2025 province checked against the roll-up of the same year.
fn published_and_derived(dataset: &Dataset) -> Vec<Finding> {
    let mut occasions: Vec<(String, ProvinceId, u16)> = dataset
        .observations()
        .filter(|o| o.province.scheme == Scheme::P34 && !o.is_target && o.scope == "province")
        .map(|o| (o.indicator, o.province, o.period.calendar_year()))
        .collect();
    occasions.sort();
    occasions.dedup();
    let selector = Selector::new(dataset);
    let mut findings = Vec::new();
    for (indicator, province, year) in occasions {
        let Some(position) = dataset.indicator_position(&indicator) else {
            continue;
        };
        let options = Options::default();
        let Some(figure) = selector.figure(position, province, PeriodSpec::Year(year), options)
        else {
            continue;
        };
        let Some(check) = figure.cross_check.as_ref() else {
            continue;
        };
        if check.agrees != Some(false) {
            continue;
        }
        let (Some(published), Some(derived)) = (figure.value, check.value) else {
            continue;
        };
        findings.push(Finding {
            kind: "publishedDiffersFromDerived",
            observations: figure
                .provenance
                .iter()
                .map(|p| p.observation.clone())
                .collect(),
            message: format!(
                "{indicator} for {province} {year}: published {published}, but the {} gives {derived} (a difference of {:.6})",
                check.derivation.note,
                published - derived
            ),
        });
    }
    findings
}

/// The key under which figures of one report describe the same thing.
type Occasion = (String, String, String, String, bool);

/// An observation's id, value and qualifier.
type Figure = (String, f64, Qualifier);

fn parts_and_totals(dataset: &Dataset) -> Vec<Finding> {
    let mut by_key: HashMap<(String, Occasion), Vec<Figure>> = HashMap::new();
    for observation in dataset.observations() {
        let occasion = (
            observation.province.to_string(),
            observation.period.to_string(),
            observation.source.clone(),
            observation.scope.clone(),
            observation.is_target,
        );
        by_key
            .entry((observation.indicator.clone(), occasion))
            .or_default()
            .push((observation.id, observation.value, observation.qualifier));
    }
    let mut findings = Vec::new();
    for total in dataset.indicators() {
        let parts: Vec<&str> = dataset
            .indicators()
            .iter()
            .filter(|i| i.part_of.as_deref() == Some(total.id.as_str()))
            .map(|i| i.id.as_str())
            .collect();
        if parts.is_empty() {
            continue;
        }
        let mut occasions: Vec<&Occasion> = by_key
            .keys()
            .filter(|(indicator, _)| *indicator == total.id)
            .map(|(_, o)| o)
            .collect();
        occasions.sort();
        for occasion in occasions {
            let Some([(total_id, total_value, total_qualifier)]) = by_key
                .get(&(total.id.clone(), occasion.clone()))
                .map(Vec::as_slice)
            else {
                continue;
            };
            let found: Vec<&Figure> = parts
                .iter()
                .filter_map(|part| by_key.get(&((*part).to_owned(), occasion.clone())))
                .filter_map(|rows| rows.first())
                .collect();
            if found.is_empty() {
                continue;
            }
            let sum: f64 = found.iter().map(|(_, value, _)| value).sum();
            let exact = *total_qualifier == Qualifier::Exact
                && found
                    .iter()
                    .all(|(_, _, qualifier)| *qualifier == Qualifier::Exact);
            let complete = found.len() == parts.len();
            let wrong = if complete && exact {
                (sum - total_value).abs() > 1e-9 * total_value.abs().max(1.0)
            } else {
                sum > total_value * (1.0 + 1e-9) && exact
            };
            if wrong {
                let mut observations = vec![total_id.clone()];
                observations.extend(found.iter().map(|(id, _, _)| id.clone()));
                findings.push(Finding {
                    kind: "partsDoNotAddUp",
                    message: format!(
                        "{}: parts ({}) add up to {sum}, the report states a total of {total_value} ({} {}, {})",
                        total.id,
                        parts.join(" + "),
                        occasion.0,
                        occasion.1,
                        occasion.2
                    ),
                    observations,
                });
            }
        }
    }
    findings
}

fn duplicates(dataset: &Dataset) -> Vec<Finding> {
    let mut groups: BTreeMap<Occasion, Vec<(String, f64, String)>> = BTreeMap::new();
    for observation in dataset.observations() {
        groups
            .entry((
                observation.indicator.clone(),
                observation.province.to_string(),
                observation.period.to_string(),
                observation.scope.clone(),
                observation.is_target,
            ))
            .or_default()
            .push((observation.id, observation.value, observation.source));
    }
    groups
        .into_iter()
        .filter(|(_, rows)| rows.len() > 1)
        .map(|((indicator, province, period, scope, _), rows)| {
            let values: Vec<String> = rows
                .iter()
                .map(|(id, value, source)| format!("{id}={value} ({source})"))
                .collect();
            Finding {
                kind: "duplicate",
                message: format!(
                    "{indicator} for {province} {period} ({scope}) is stated {} times: {}",
                    rows.len(),
                    values.join(", ")
                ),
                observations: rows.into_iter().map(|(id, _, _)| id).collect(),
            }
        })
        .collect()
}

/// Checks every observation of `observations_csv` against the text of its source: the quote
/// occurs in the text, a number in the quote gives the value (and `out_of`), and the wording
/// before it gives the qualifier. `source_texts` maps source ids to report texts. Figures that
/// cite a table cell are left to [`table_provenance`]. Returns every error found, each placed
/// at its field. Each report is read once for all its quotes, so the time grows with the
/// reports' length plus the quotes', not with their product.
pub fn provenance(
    dataset: &Dataset,
    observations_csv: &str,
    file: &str,
    source_texts: &HashMap<String, String, impl std::hash::BuildHasher>,
) -> Result<Vec<Error>> {
    // What each report is asked for: the quotes, and the parts of the province the figures
    // name, looked for in one reading of each report.
    let mut asked: HashMap<&str, Vec<String>> = HashMap::new();
    parse_observations(observations_csv, Some(file), |_, row| {
        if row.cell.is_some() {
            return Ok(());
        }
        if let Some((source, _)) = source_texts.get_key_value(row.source) {
            let needles = asked.entry(source.as_str()).or_default();
            needles.push(row.quote.to_owned());
            if row.scope != "province" {
                needles.push(row.scope.to_owned());
            }
        }
        Ok(())
    })?;
    let found = occurrences::occurring_by_report(&asked, source_texts);
    let occurs = |source: &str, needle: &str| found.get(source).is_some_and(|f| f.contains(needle));
    let mut errors = Vec::new();
    parse_observations(observations_csv, Some(file), |table, row| {
        if row.cell.is_some() {
            return Ok(());
        }
        if !source_texts.contains_key(row.source) {
            errors.push(table.error(
                column::SOURCE,
                ErrorKind::UnknownSource {
                    id: row.source.to_owned(),
                },
            ));
            return Ok(());
        }
        if row.quote.is_empty() {
            errors.push(table.error(
                column::QUOTE,
                ErrorKind::EmptyField {
                    column: "quote".into(),
                },
            ));
            return Ok(());
        }
        if !occurs(row.source, row.quote) {
            errors.push(table.error(
                column::QUOTE,
                ErrorKind::QuoteNotInSource {
                    source_id: row.source.to_owned(),
                },
            ));
            return Ok(());
        }
        // A part of the province is named as the report names it ("huyện Càng Long"): a scope
        // the report does not name is a slip ("Province"), and would take the figure out of
        // every comparison unseen.
        if row.scope != "province" && !occurs(row.source, row.scope) {
            errors.push(table.invalid(
                column::SCOPE,
                row.scope,
                format!(
                    "province, or a part of it as report {} names it",
                    row.source
                ),
            ));
            return Ok(());
        }
        let unit = dataset
            .indicator(row.indicator)
            .map_or(Unit::Count, |i| i.unit);
        let statements = statements_in(row.quote, unit);
        let matching: Vec<&Statement> = statements
            .iter()
            .filter(|s| {
                same(s.value, row.value)
                    && row
                        .out_of
                        .is_none_or(|whole| s.out_of.is_some_and(|o| same(o, whole)))
            })
            .collect();
        if matching.is_empty() {
            let stated: Vec<String> = statements.iter().map(|s| s.value.to_string()).collect();
            errors.push(table.invalid(
                column::VALUE,
                &row.value.to_string(),
                format!(
                    "a value the quote states (it states {})",
                    if stated.is_empty() {
                        "no number".into()
                    } else {
                        stated.join(", ")
                    }
                ),
            ));
        } else if !matching
            .iter()
            .any(|s| s.qualifier == row.qualifier || s.by_convention == row.qualifier)
        {
            let said = matching[0].qualifier;
            errors.push(table.invalid(
                column::QUALIFIER,
                row.qualifier.as_str(),
                format!("{said}, as the wording before the number says"),
            ));
        }
        Ok(())
    })?;
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_figure_its_former_provinces_do_not_reproduce_is_a_finding() {
        let indicators =
            "index,index,digital_government,Chỉ số,Index,percent,,mean,higher,,Chỉ số.,Index.\n";
        let members = "p63:83,index,2024,0.5\np63:84,index,2024,0.6\np63:86,index,2024,0.7\n";
        let close = format!("{members}p34:86,index,2024,0.6001\n");
        let dataset = crate::dataset::inline::dataset(indicators, &close).expect("loads");
        assert!(
            published_and_derived(&dataset).is_empty(),
            "within rounding"
        );
        let far = format!("{members}p34:86,index,2024,0.6002\n");
        let dataset = crate::dataset::inline::dataset(indicators, &far).expect("loads");
        let findings = consistency(&dataset);
        let finding = findings
            .iter()
            .find(|f| f.kind == "publishedDiffersFromDerived")
            .expect("a finding");
        assert_eq!(finding.observations, ["o-3"]);
        assert!(
            finding.message.contains("p34:86 2024"),
            "{}",
            finding.message
        );
    }
}
