//! When a figure holds, and whether it is a goal: the period hint and the target flag.
//!
//! A year stated with the figure wins ("năm 2022", "(2012-2015)" → the end year); "đến nay",
//! "hiện nay" or no time at all → the publication date; a target's horizon ("đến năm 2025") →
//! that year. A figure is never dated after its report unless it is a target. A figure is a
//! target when its sentence sets a goal ("mục tiêu", "phấn đấu", "kế hoạch … đến năm") and does
//! not report it as done ("đã phấn đấu đạt": achieved). This module reads sentences; it knows
//! nothing of units or indicators.

use std::ops::Range;

use super::context::{contains_phrase, ends_with_phrase, find_phrase};
use super::tokens::{Shape, Token, is_year};
use crate::model::Period;

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
    /// No time stated, or "đến nay", "hiện nay": the publication date.
    Publication,
    /// Nothing to go on: no time stated and no publication date given.
    Unknown,
}

/// A year mentioned in a sentence, where, and how.
struct Mention {
    at: usize,
    year: u16,
    basis: PeriodBasis,
    horizon: bool,
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
            let before = text[sentence.start..token.span.start].to_lowercase();
            let horizon = ends_with_phrase(&before, "đến năm")
                || ends_with_phrase(&before, "tới năm")
                || ends_with_phrase(&before, "đến");
            match token.shape {
                Shape::Number(_) if is_year(written) => Some(Mention {
                    at: token.span.start,
                    year: written.parse().ok()?,
                    basis: PeriodBasis::Stated,
                    horizon,
                }),
                Shape::Range(low, high)
                    if (1900.0..=2100.0).contains(&low) && (1900.0..=2100.0).contains(&high) =>
                {
                    Some(Mention {
                        at: token.span.start,
                        year: format!("{high}").parse().ok()?,
                        basis: PeriodBasis::RangeEnd,
                        horizon,
                    })
                }
                Shape::Date
                    if ends_with_phrase(&before, "tính đến ngày")
                        || ends_with_phrase(&before, "đến ngày") =>
                {
                    let year = written.rsplit(['/', '-']).next()?;
                    is_year(year).then(|| Mention {
                        at: token.span.start,
                        year: year.parse().unwrap_or(0),
                        basis: PeriodBasis::Stated,
                        horizon: false,
                    })
                }
                _ => None,
            }
        })
        .collect()
}

/// Whether a figure of a sentence (`sentence_lower`, lower-cased) is a target: the sentence sets
/// a goal and does not report it done before naming it, or it names a horizon after the
/// publication (`future_horizon`).
pub(super) fn is_target(sentence_lower: &str, future_horizon: bool) -> bool {
    let mut unnamed = sentence_lower.to_owned();
    for name in PROGRAMME_NAMES {
        unnamed = unnamed.replace(name, &" ".repeat(name.len()));
    }
    let goal_at = GOAL_WORDS
        .iter()
        .filter_map(|word| find_phrase(&unnamed, word))
        .min();
    match goal_at {
        Some(at) => !DONE_WORDS
            .iter()
            .any(|word| contains_phrase(&sentence_lower[..at], word)),
        None => future_horizon,
    }
}

/// The period hint of a figure at byte `at` in `sentence`; `context` are the sentences before it
/// in its paragraph, nearest first, where a target's horizon may be stated.
pub(super) fn period(
    text: &str,
    at: usize,
    sentence: &Range<usize>,
    context: &[Range<usize>],
    tokens: &[Token],
    published: Option<Period>,
    target: bool,
) -> (Option<Period>, PeriodBasis) {
    let here = mentions(text, sentence, tokens);
    let publication = published.map_or((None, PeriodBasis::Unknown), |p| {
        (
            Some(Period::year(p.calendar_year())),
            PeriodBasis::Publication,
        )
    });
    if target {
        let horizon = here
            .iter()
            .filter(|m| m.horizon)
            .min_by_key(|m| m.at.abs_diff(at));
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
        // "Năm 2024, tỉnh phấn đấu …": a goal for a year stated without "đến".
        let year_of_goal = here
            .iter()
            .filter(|m| published.is_none_or(|p| m.year >= p.calendar_year()))
            .min_by_key(|m| m.at.abs_diff(at));
        return year_of_goal.map_or((None, PeriodBasis::Unknown), |m| {
            (Some(Period::year(m.year)), PeriodBasis::TargetYear)
        });
    }
    // A year of the figure's own clause (between semicolons) wins; otherwise one stated earlier
    // in the sentence carries over ("(2012-2015) hơn 4.822 triệu đồng; vốn … hơn 952 triệu
    // đồng"), but never one of a later clause ("…; 544 hộ … năm 2023").
    let clause = clause_of(text, sentence, at);
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
                Some(p) if stated > p => publication,
                _ => (Some(stated), m.basis),
            }
        }
        None => publication,
    }
}

/// The clause (between semicolons) of `sentence` that holds byte `at`.
fn clause_of(text: &str, sentence: &Range<usize>, at: usize) -> Range<usize> {
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
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    #[test]
    fn a_goal_is_a_target_unless_reported_done() {
        assert!(is_target("phấn đấu tối thiểu 30% doanh nghiệp", false));
        assert!(is_target("mục tiêu: 100% hồ sơ trực tuyến", false));
        assert!(!is_target(
            "các doanh nghiệp đã sát cánh phấn đấu đạt các chỉ tiêu: 288 điểm",
            false
        ));
        assert!(!is_target(
            "chương trình mục tiêu quốc gia với tổng kinh phí 4.822 triệu đồng",
            false
        ));
        assert!(is_target("đến năm 2025, 100% xã có cáp quang", true));
        assert!(!is_target("toàn tỉnh có 1.208 trạm", false));
    }

    fn hint(
        text: &str,
        number: &str,
        published: Option<Period>,
        target: bool,
    ) -> (Option<String>, PeriodBasis) {
        let found = tokens(text);
        let at = text.find(number).unwrap_or(0);
        let (period, basis) = period(text, at, &(0..text.len()), &[], &found, published, target);
        (period.map(|p| p.to_string()), basis)
    }

    #[test]
    fn the_clause_year_wins_then_an_earlier_one_then_the_publication() {
        let published = Period::date(2024, 8, Some(14));
        let text = "Hiện nay 96,89% hộ có điện thoại; 544 hộ được hỗ trợ năm 2023.";
        assert_eq!(
            hint(text, "96,89", published, false),
            (Some("2024".into()), PeriodBasis::Publication)
        );
        assert_eq!(
            hint(text, "544", published, false),
            (Some("2023".into()), PeriodBasis::Stated)
        );
        let range = "Tổng kinh phí (2012-2015) hơn 4.822 triệu đồng; vốn đối ứng 952 triệu đồng.";
        assert_eq!(
            hint(range, "952", published, false),
            (Some("2015".into()), PeriodBasis::RangeEnd)
        );
        // A figure is never dated after its report unless it is a target.
        let later = "Giai đoạn 2021-2025 hỗ trợ 50% chi phí.";
        assert_eq!(
            hint(later, "50", published, false),
            (Some("2024".into()), PeriodBasis::Publication)
        );
        let goal = "Đến năm 2025, phấn đấu 100% hồ sơ trực tuyến.";
        assert_eq!(
            hint(goal, "100", published, true),
            (Some("2025".into()), PeriodBasis::TargetYear)
        );
        assert_eq!(
            hint("Có 12 trạm.", "12", None, false),
            (None, PeriodBasis::Unknown)
        );
        let this_year = "Năm 2024, tỉnh phấn đấu có ít nhất 80% người dùng.";
        assert_eq!(
            hint(this_year, "80", published, true),
            (Some("2024".into()), PeriodBasis::TargetYear)
        );
    }
}
