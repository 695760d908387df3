//! When a figure holds, and whether it is a goal: the period hint and the target flag.
//!
//! A year stated with the figure wins ("năm 2022", "(2012-2015)" → the end year); "đến nay",
//! "hiện nay" or no time at all → the publication date; a target's horizon ("đến năm 2025") →
//! that year. A figure is never dated after its report unless it is a target. A figure is a
//! target when its sentence sets a goal ("mục tiêu", "phấn đấu", "kế hoạch … đến năm") and does
//! not report it as done ("đã phấn đấu đạt": achieved). This module reads sentences; it knows
//! nothing of units or indicators.

mod plans;
mod title;

use std::ops::Range;

use super::context::{contains_phrase, ends_with_phrase, is_space, phrase_positions};
use super::tokens::{Shape, Token, is_year, within_years};
use crate::model::Period;
pub(super) use plans::Plans;
pub(super) use title::Dating;

/// Words that set a goal.
const GOAL_WORDS: &[&str] = &["mục tiêu", "phấn đấu", "chỉ tiêu", "dự kiến", "sẽ"];

/// Names in which a goal word names a programme, not a goal ("Chương trình mục tiêu quốc gia").
const PROGRAMME_NAMES: &[&str] = &["chương trình mục tiêu", "mục tiêu quốc gia"];

/// Words that report a goal as reached.
const DONE_WORDS: &[&str] = &["đã", "đạt được", "hoàn thành"];

/// How a period hint was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PeriodBasis {
    /// A year or date stated in the figure's sentence.
    Stated,
    /// The end year of a range of years in the sentence ("giai đoạn 2021-2025").
    RangeEnd,
    /// The horizon of a target ("đến năm 2025").
    TargetYear,
    /// The year heading the figure's column in a table of the text ("Năm 2023").
    Column,
    /// No time stated in the sentence, and an earlier sentence of its paragraph states a year,
    /// not after the publication ("Kết quả năm 2023 cho thấy, … . Tỉnh đã …"): that year.
    Paragraph,
    /// No time stated in the sentence or its paragraph, and the report's title names one year,
    /// not after its publication ("Kết quả chuyển đổi số năm 2022"): that year.
    Title,
    /// No time stated, or "đến nay", "hiện nay": the publication date.
    Publication,
    /// Nothing to go on: no time stated and no publication date given.
    Unknown,
}

/// Words that date a figure at the publication whatever the title says.
const NOW_WORDS: &[&str] = &["hiện nay", "đến nay", "hiện tại", "tới nay", "nay"];

/// The most words before the year a sentence opens with, "năm" included ("Kết quả năm 2023 cho
/// thấy", "Theo Bộ chỉ số DTI năm 2023 công bố …").
const OPENING_WORDS: usize = 6;

/// Words that introduce the time a figure is compared with ("tăng 6,2 điểm so với năm 2021",
/// "so với cùng kỳ năm trước"): a year after them is a comparison's base, not the figure's.
const COMPARED_WITH: &[&str] = &["so với", "so cùng kỳ", "so với cùng kỳ", "cùng kỳ"];

/// The most words between "so với" and the year it compares with ("so với cùng kỳ năm").
const COMPARISON_REACH: usize = 4;

/// How far before a year, in bytes, the words that say how it is meant are read ("so với cùng
/// kỳ năm", "tính đến ngày").
const MENTION_WINDOW: usize = 80;

/// A year mentioned in a sentence, where, and how.
struct Mention {
    at: usize,
    year: u16,
    basis: PeriodBasis,
    horizon: bool,
    /// A comparison's base ("so với năm 2021"): never the period of a figure.
    compared: bool,
    /// A figure follows it in its part of the sentence ("(năm 2022 là 38,1%)", ", năm 2022
    /// đạt 38,1%"): it is that figure's year, not one's before it.
    leads: bool,
}

/// Whether the words before a year (`before`, lower-cased) make it what a figure is compared
/// with: "so với" a few words before it, with no number between.
fn is_comparison_base(before: &str) -> bool {
    COMPARED_WITH
        .iter()
        .filter_map(|words| before.rfind(words).map(|i| &before[i + words.len()..]))
        .any(|between| {
            !between.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';'))
                && between.split_whitespace().count() <= COMPARISON_REACH
        })
}

/// The years a sentence mentions: `năm 2022`, `(2012-2015)`, `giai đoạn 2021 - 2025`,
/// `tính đến ngày 31/12/2022`; dates of events and documents are left out.
fn mentions(text: &str, sentence: &Range<usize>, tokens: &[Token]) -> Vec<Mention> {
    let first = tokens.partition_point(|t| t.span.start < sentence.start);
    tokens[first..]
        .iter()
        .take_while(|t| t.span.start < sentence.end)
        .filter_map(|token| {
            let written = &text[token.span.clone()];
            let (year, basis) = match token.shape {
                Shape::Number(_) if is_year(written) => {
                    (written.parse().ok()?, PeriodBasis::Stated)
                }
                Shape::Range(low, high) if within_years(low) && within_years(high) => {
                    (format!("{high}").parse().ok()?, PeriodBasis::RangeEnd)
                }
                Shape::Date => {
                    let year = written.rsplit(['/', '-']).next().filter(|y| is_year(y))?;
                    (year.parse().ok()?, PeriodBasis::Stated)
                }
                _ => return None,
            };
            // The words that say how a year is meant are right before it: a window of them,
            // not the whole sentence, which a text without full stops makes long.
            let from = text.ceil_char_boundary(
                token
                    .span
                    .start
                    .saturating_sub(MENTION_WINDOW)
                    .max(sentence.start),
            );
            let before = text[from..token.span.start].to_lowercase();
            let leads = leads_a_figure(text, token.span.end, sentence.end, tokens);
            if token.shape == Shape::Date {
                // A date says when a figure holds only as its cut-off ("tính đến ngày 31/12").
                return ends_with_phrase(&before, "đến ngày").then_some(Mention {
                    at: token.span.start,
                    year,
                    basis,
                    horizon: false,
                    compared: false,
                    leads,
                });
            }
            Some(Mention {
                at: token.span.start,
                year,
                basis,
                horizon: ends_with_phrase(&before, "đến năm")
                    || ends_with_phrase(&before, "tới năm")
                    || ends_with_phrase(&before, "đến"),
                compared: is_comparison_base(&before),
                leads,
            })
        })
        .collect()
}

/// Whether a number that may be a figure (not a year, a date or a code) follows byte `from`
/// in its part of the sentence: up to the next comma, semicolon or bracket, or `end`.
fn leads_a_figure(text: &str, from: usize, end: usize, tokens: &[Token]) -> bool {
    let part_end = text[from..end]
        .find([',', ';', '(', ')'])
        .map_or(end, |i| from + i);
    let first = tokens.partition_point(|t| t.span.start < from);
    tokens[first..]
        .iter()
        .take_while(|t| t.span.start < part_end)
        .any(|t| t.shape.value().is_some() && !is_year(&text[t.span.clone()]))
}

/// Whether a figure is a target. `before` is its sentence up to it and `rest` the rest of its
/// part of the sentence (to the next comma or semicolon), both lower-cased; `future_horizon`
/// whether the sentence, up to the end of that part, names a horizon after the publication.
///
/// A goal word before the figure makes it a target unless the sentence reports the goal done
/// before naming it ("đã phấn đấu đạt"); so does one later in its own part ("500 trạm sẽ được
/// xây dựng"); but a goal word of a later part leaves it a report ("năm 2022 là 45,6 tỷ đồng,
/// dự kiến năm 2025 nâng lên 120 tỷ đồng").
pub(super) fn is_target(before: &str, rest: &str, future_horizon: bool) -> bool {
    // What its own part or its brackets say is now ("(hiện nay còn 23 thôn chưa có sóng)") is
    // the situation, whatever goal the sentence sets.
    // Its own part: a semicolon parts another clause ("Hiện nay … 1.200 trạm; phấn đấu đạt
    // 1.500 trạm" sets a goal).
    let own = before.rsplit([',', '(', ';']).next().unwrap_or(before);
    if NOW_WORDS.iter().any(|w| contains_phrase(own, w)) {
        return false;
    }
    goal(before)
        .or_else(|| goal(rest))
        .unwrap_or(future_horizon)
}

/// Whether a figure of the section of a plan for `year`, after `before` (lower-cased) in its
/// sentence, in its own clause `clause`, is a goal: unless its sentence reports it done ("đã
/// đạt"; in a plan "hoàn thành" and "đạt được" are commands), or its clause says now or names
/// an earlier time ("Đến nay, 95% hộ …", "Năm 2024 toàn tỉnh có 1.100 trạm BTS; năm 2025 phấn
/// đấu …", "Trong năm qua, …").
pub(super) fn is_planned(before: &str, clause: &str, year: u16) -> bool {
    let lower = clause.to_lowercase();
    let now = NOW_WORDS
        .iter()
        .chain(&["năm qua", "năm trước"])
        .any(|w| contains_phrase(&lower, w));
    let earlier = clause
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<u16>().ok())
        .any(|stated| (1990..year).contains(&stated));
    !contains_phrase(before, "đã") && !earlier && !now
}

/// Whether `words` (lower-cased) set a goal, not reported done before it; `None` when they
/// name none.
fn goal(words: &str) -> Option<bool> {
    let mut unnamed = words.to_owned();
    for name in PROGRAMME_NAMES {
        unnamed = unnamed.replace(name, &" ".repeat(name.len()));
    }
    // "9 chỉ tiêu" counts a plan's targets; it sets none.
    let counted = |at: usize| {
        unnamed[..at]
            .trim_end_matches(is_space)
            .ends_with(|c: char| c.is_ascii_digit())
    };
    let goal_at = GOAL_WORDS
        .iter()
        .filter_map(|word| phrase_positions(&unnamed, word).find(|&at| !counted(at)))
        .min()?;
    Some(
        !DONE_WORDS
            .iter()
            .any(|word| contains_phrase(&words[..goal_at], word)),
    )
}

/// The period hint of a figure at byte `at` in `sentence`; `context` are the sentences before it
/// in its paragraph, nearest first, where a target's horizon may be stated.
pub(super) fn period(
    text: &str,
    at: usize,
    sentence: &Range<usize>,
    context: &[Range<usize>],
    tokens: &[Token],
    dating: Dating,
    target: bool,
) -> (Option<Period>, PeriodBasis) {
    let published = dating.published;
    // A year a figure is compared with is its base, not its time; but a figure after it in
    // its own part is of that year ("64,7% (cùng kỳ năm 2023 là 41,3%)": the 41,3 is of 2023).
    let mut here = mentions(text, sentence, tokens);
    here.retain(|m| !m.compared || m.at < at && !text[m.at..at].contains([',', ')', ';']));
    // Nor is a year after it that leads a figure of its own ("đạt 52,3% (năm 2022 là
    // 38,1%)": 2022 is the 38,1's).
    here.retain(|m| m.at < at || !m.leads);
    let publication = published.map_or((None, PeriodBasis::Unknown), |p| {
        (
            Some(Period::year(p.calendar_year())),
            PeriodBasis::Publication,
        )
    });
    // Without a time of its own, a figure is of the publication when its sentence says now
    // ("hiện nay", "đến nay"); else of the year an earlier sentence of its paragraph opens with
    // ("Năm 2023, …", "Kết quả năm 2023 cho thấy, … . Tỉnh đã hoàn thành …"), else of the
    // title's. A year later in a sentence is that sentence's figure's ("… hỗ trợ năm 2023."),
    // not the paragraph's. Worked out only for a figure that needs it.
    let said_now = || {
        let lower = text[sentence.clone()].to_lowercase();
        NOW_WORDS.iter().any(|w| contains_phrase(&lower, w))
    };
    let paragraph_year = || {
        context.iter().find_map(|earlier| {
            mentions(text, earlier, tokens)
                .into_iter()
                .find(|m| {
                    let opening = &text[earlier.start..m.at];
                    !m.horizon
                        && !m.compared
                        && published.is_none_or(|p| m.year <= p.calendar_year())
                        && !opening.contains(|c: char| c.is_ascii_digit() || c == ',')
                        && opening.split_whitespace().count() <= OPENING_WORDS
                })
                .map(|m| m.year)
        })
    };
    let untimed = || {
        if said_now() {
            publication
        } else if let Some(year) = paragraph_year() {
            (Some(Period::year(year)), PeriodBasis::Paragraph)
        } else if let Some(year) = dating.title_year {
            (Some(Period::year(year)), PeriodBasis::Title)
        } else {
            publication
        }
    };
    // A year of the figure's own clause (between semicolons) wins; otherwise one stated earlier
    // in the sentence carries over ("(2012-2015) hơn 4.822 triệu đồng; vốn … hơn 952 triệu
    // đồng"), but never one of a later clause ("…; 544 hộ … năm 2023").
    let clause = clause_of(text, sentence, at);
    if target {
        // A year of the goal's own clause, a horizon first ("chỉ tiêu năm 2024 là 100%" after
        // "…đến năm 2025 đạt 80%;"); else a horizon before it, never one of a later clause
        // ("… tối thiểu 70%; đến năm 2025, kinh tế số chiếm …").
        // A year that leads another figure is that figure's ("tỷ lệ năm 2023 là 60%, phấn
        // đấu đạt 90%"), unless it leads this one too.
        let own = here
            .iter()
            .filter(|m| {
                clause.contains(&m.at)
                    && (m.horizon
                        || !m.leads
                        || !text[m.at.min(at)..m.at.max(at)].contains([',', ';', '(', ')']))
            })
            .min_by_key(|m| (!m.horizon, m.at.abs_diff(at)));
        let horizon = own.or_else(|| {
            here.iter()
                .filter(|m| m.horizon && m.at < clause.start)
                .max_by_key(|m| m.at)
        });
        if let Some(m) = horizon {
            return (Some(Period::year(m.year)), PeriodBasis::TargetYear);
        }
        for earlier in context {
            if let Some(m) = mentions(text, earlier, tokens)
                .into_iter()
                .rfind(|m| m.horizon)
            {
                return (Some(Period::year(m.year)), PeriodBasis::TargetYear);
            }
        }
        // A year elsewhere in the sentence, stated without "đến" ("Kế hoạch năm 2024, …;
        // …"), only from the publication on.
        let year_of_goal = here
            .iter()
            .filter(|m| published.is_none_or(|p| m.year >= p.calendar_year()))
            .min_by_key(|m| m.at.abs_diff(at));
        return year_of_goal.map_or((None, PeriodBasis::Unknown), |m| {
            (Some(Period::year(m.year)), PeriodBasis::TargetYear)
        });
    }
    let in_clause = here
        .iter()
        .filter(|m| !m.horizon && clause.contains(&m.at))
        .min_by_key(|m| (m.at.abs_diff(at), m.at > at));
    let nearest = in_clause.or_else(|| {
        here.iter()
            .filter(|m| !m.horizon && m.at < clause.start)
            .max_by_key(|m| m.at)
    });
    match nearest {
        Some(m) => {
            let stated = Period::year(m.year);
            match publication.0 {
                Some(p) if stated > p => untimed(),
                _ => (Some(stated), m.basis),
            }
        }
        None => untimed(),
    }
}

/// The clause (between semicolons) of `sentence` that holds byte `at`.
pub(super) fn clause_of(text: &str, sentence: &Range<usize>, at: usize) -> Range<usize> {
    let start = text[sentence.start..at]
        .rfind(';')
        .map_or(sentence.start, |i| sentence.start + i + 1);
    let end = text[at..sentence.end]
        .find(';')
        .map_or(sentence.end, |i| at + i);
    start..end
}

/// Whether the sentence states a year after the publication as a horizon ("đến năm 2025" in a
/// 2023 article), which makes its figures goals.
pub(super) fn names_future_horizon(
    text: &str,
    sentence: &Range<usize>,
    tokens: &[Token],
    published: Option<Period>,
) -> bool {
    let Some(published) = published else {
        return false;
    };
    mentions(text, sentence, tokens)
        .iter()
        .any(|m| m.horizon && m.year > published.calendar_year())
}

#[cfg(test)]
mod tests;
