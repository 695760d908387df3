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

use std::collections::{BTreeMap, HashMap};

use crate::dataset::Dataset;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ProvinceId, Qualifier, Scheme, Unit};
use crate::parse::{numbers_in_text, observation_column as column, parse_observations, scale_of};
use crate::query::{Options, PeriodSpec, Selector};

pub use cells::table_provenance;
pub use exclusions::exclusions;

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
        } else if !matching.iter().any(|s| s.qualifier == row.qualifier) {
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

/// A figure stated in running text: its value in a unit, the second number of a ratio, and the
/// qualifier of the words just before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The value, in the unit asked for.
    pub value: f64,
    /// For `85/85`, the second number.
    pub out_of: Option<f64>,
    /// From the words before the number.
    pub qualifier: Qualifier,
}

/// Reads every figure stated in `text` as it would be recorded in `unit`: Vietnamese numbers,
/// scaled by a following `nghìn`, `triệu` or `tỷ` (two in a row multiplying) and converted to
/// the unit's base. An amount in two scales (`25 tỷ 500 triệu`) states its whole, as the
/// extractor reads it, besides each of its parts.
#[must_use]
pub fn statements_in(text: &str, unit: Unit) -> Vec<Statement> {
    let numbers = numbers_in_text(text);
    let row = row_scale(text);
    let scales: Vec<f64> = numbers
        .iter()
        .map(|number| {
            let own = scale_after(&text[number.span.end..]);
            match row {
                Some((from, factor)) if own == 1.0 && number.span.start >= from => factor,
                _ => own,
            }
        })
        .collect();
    let mut statements = Vec::with_capacity(numbers.len());
    for (i, number) in numbers.iter().enumerate() {
        let next = numbers.get(i + 1);
        let between = next.map(|next| text[number.span.end..next.span.start].trim());
        let qualifier = qualifier_before(&text[..number.span.start]);
        let out_of = next.filter(|_| between == Some("/")).map(|next| next.value);
        let (scale, base) = (scales[i], unit.base());
        statements.push(Statement {
            value: number.value * scale / base,
            out_of,
            qualifier,
        });
        // The smaller part right after the larger's one scale word, itself scaled smaller.
        let smaller = scales.get(i + 1).copied().unwrap_or(1.0);
        let one_word = between.is_some_and(|w| scale_of(&w.to_lowercase()) == Some(scale));
        if let Some(next) = next.filter(|_| one_word && smaller > 1.0 && smaller < scale) {
            statements.push(Statement {
                value: (number.value * scale + next.value * smaller) / base,
                out_of: None,
                qualifier,
            });
        }
    }
    // A scale word can carry a huge number past the range of numbers; such a figure states
    // nothing a value could match.
    statements.retain(|statement| statement.value.is_finite());
    statements
}

/// The scale a table's row gives the numbers after its unit, when `quote` is a row of a table
/// written in a report (cells parted by tabs or `|`, as the extractor quotes one): a cell
/// without digits that starts with a scale word ("tỷ đồng", "nghìn thuê bao"), or a bracket
/// ending a cell ("Doanh thu (triệu đồng)"). Gives where the numbers it scales start, and the
/// factor.
fn row_scale(quote: &str) -> Option<(usize, f64)> {
    let separator = ['\t', '|'].into_iter().find(|&s| quote.contains(s))?;
    let mut start = 0;
    for (index, cell) in quote.split(separator).enumerate() {
        let end = start + cell.len();
        start = end + separator.len_utf8();
        let cell = cell.trim();
        let bracket = cell
            .strip_suffix(')')
            .and_then(|c| c.rfind('(').map(|open| &c[open + 1..]));
        // The label names what is counted: only its bracket is a unit.
        let Some(unit) = bracket.or((index > 0).then_some(cell)) else {
            continue;
        };
        if unit.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let factor = scale_after(unit);
        if factor != 1.0 {
            return Some((end, factor));
        }
    }
    None
}

/// Whether two finite numbers agree to nine significant digits. An infinity agrees with
/// nothing: relative to it every difference would look small.
fn same(a: f64, b: f64) -> bool {
    a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The factor of the scale words right after a number (`rest`), 1 without one; two in a row
/// multiply when the second is the larger (`2 nghìn tỷ`), as the extractor reads them.
fn scale_after(rest: &str) -> f64 {
    const SPACES: [char; 3] = [' ', '\t', '\u{a0}'];
    /// The word that `text` starts with, in lower case, and what follows it: the word ends at
    /// the first character that is no letter, as the extractor's words do (`tỷ/năm`, `tỷ:`).
    fn word(text: &str) -> (String, &str) {
        let end = text
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(text.len());
        (text[..end].to_lowercase(), &text[end..])
    }
    let (first, after) = word(rest.trim_start_matches(SPACES));
    let Some(factor) = scale_of(&first) else {
        return 1.0;
    };
    let next = after.trim_start_matches(SPACES);
    let spaced = next.len() < after.len();
    match word(next).0.as_str() {
        // "tỷ lệ" is a share, not a scale.
        "lệ" if spaced => 1.0,
        second => match scale_of(second) {
            Some(larger) if larger > factor && spaced => factor * larger,
            _ => factor,
        },
    }
}

fn qualifier_before(before: &str) -> Qualifier {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let last = words.first().map_or("", String::as_str);
    let pair = words
        .get(1)
        .map_or(String::new(), |w| format!("{w} {last}"));
    match (pair.as_str(), last) {
        ("tối thiểu" | "ít nhất", _) => Qualifier::AtLeast,
        ("tối đa", _) => Qualifier::AtMost,
        (_, "trên" | "hơn") => Qualifier::Over,
        (_, "khoảng") => Qualifier::About,
        (_, "gần") => Qualifier::Nearly,
        (_, "dưới") => Qualifier::Under,
        _ => Qualifier::Exact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, unit: Unit) -> Statement {
        statements_in(text, unit).into_iter().next().unwrap()
    }

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

    #[test]
    fn reads_vietnamese_figures_with_their_qualifiers() {
        assert_eq!(
            first("Toàn tỉnh có 7.301 máy tính", Unit::Count).value,
            7301.0
        );
        let s = first("đạt trên 98,7% hộ gia đình", Unit::Percent);
        assert_eq!((s.value, s.qualifier), (98.7, Qualifier::Over));
        assert_eq!(
            first("khoảng 2.500 người", Unit::Count).qualifier,
            Qualifier::About
        );
        assert_eq!(
            first("gần 100% xã", Unit::Percent).qualifier,
            Qualifier::Nearly
        );
        assert_eq!(
            first("tối thiểu 80% dịch vụ", Unit::Percent).qualifier,
            Qualifier::AtLeast
        );
        assert_eq!(
            first("trên địa bàn có 5 trạm", Unit::Count).qualifier,
            Qualifier::Exact
        );
    }

    #[test]
    fn scales_money_and_counts_to_the_unit() {
        assert_eq!(
            first("tổng kinh phí 15 tỷ đồng", Unit::VndBillion).value,
            15.0
        );
        assert_eq!(first("500 triệu đồng", Unit::VndBillion).value, 0.5);
        assert_eq!(first("1,2 triệu thuê bao", Unit::Count).value, 1_200_000.0);
        // Two scale words multiply when the second is the larger.
        assert_eq!(first("đạt 2 nghìn tỷ đồng", Unit::VndBillion).value, 2000.0);
        assert!(same(
            first("1,1 triệu tỷ đồng", Unit::VndBillion).value,
            1_100_000.0
        ));
        let parts: Vec<f64> = statements_in("25 tỷ 500 triệu đồng", Unit::VndBillion)
            .iter()
            .map(|s| s.value)
            .collect();
        assert_eq!(parts, [25.0, 25.5, 0.5]);
        assert_eq!(first("2 nghìn, tỷ lệ", Unit::Count).value, 2000.0);
        assert_eq!(first("đạt 2 nghìn tỷ/năm", Unit::VndBillion).value, 2000.0);
        // A table's row: its unit cell, or its label's bracket, scales the numbers after it.
        let row = |quote: &str, unit| {
            statements_in(quote, unit)
                .iter()
                .map(|s| s.value)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            row(
                "Kinh phí đầu tư hạ tầng số | tỷ đồng | 12,5 | 20",
                Unit::VndBillion
            ),
            [12.5, 20.0]
        );
        assert_eq!(
            row("Số thuê bao di động\tnghìn thuê bao\t1.250", Unit::Count),
            [1_250_000.0]
        );
        assert_eq!(
            row(
                "Doanh thu viễn thông (triệu đồng) | 350.000",
                Unit::VndBillion
            ),
            [350.0]
        );
        assert_eq!(
            row("Số trạm BTS | trạm | 2 | 3 tỷ", Unit::Count),
            [2.0, 3e9]
        );
    }

    #[test]
    fn a_number_scaled_past_the_range_of_numbers_states_nothing() {
        let huge = format!("có {} tỷ đồng", "9".repeat(300));
        assert!(statements_in(&huge, Unit::Count).is_empty());
        assert!(!same(f64::INFINITY, 5.0));
        assert!(!same(f64::INFINITY, f64::INFINITY));
    }

    #[test]
    fn keeps_both_numbers_of_a_ratio() {
        let s = first("sẵn sàng kết nối đến 151/151 xã", Unit::Count);
        assert_eq!((s.value, s.out_of), (151.0, Some(151.0)));
    }
}
