//! Number-shaped tokens of running text: every run of digits, with the shape it is written in.
//!
//! This module knows how Vietnamese texts write numbers and things made of digits: `1.208`,
//! `86,18`, `06`, ratios `85/85`, ranges `60-80` and `2021 - 2025`, dates `26/8/2016` and
//! `7-2-2023`, times `16:26`, document codes `749/QĐ-TTg`, versions `4.0`, technologies `4G`, and
//! digits glued to a word (`IPv6`, a counter `truy cập86`). It reads values through
//! [`crate::parse`]. Of the words around a token it reads only the few that decide its shape:
//! "từ … đến" joining two numbers into a range, read through [`super::context`] as every rule
//! reads words, and a day word ("ngày", "sáng") making a `d/m` a date. The other parts of the
//! extractor weigh the rest.

use std::ops::Range;

use super::context::{ends_with_phrase_in_any_case, is_space};
use crate::model::Period;
use crate::parse::{RANGE_DASHES, RANGE_WORDS, is_in_lower_case, parse_vietnamese_number};

/// A run of digits and the separators that bind it, with its shape.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// How it is written.
    pub shape: Shape,
}

/// How a token is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Shape {
    /// A number under Vietnamese rules.
    Number(f64),
    /// `a/b`: a count out of a total.
    Ratio(f64, f64),
    /// `a-b`: a range (of values or of years).
    Range(f64, f64),
    /// A calendar date: day, month and year, or day and month.
    Date,
    /// A time of day, `hh:mm`.
    Time,
    /// The number of a document: `749/QĐ-TTg`, `36-NQ/TW`, `43/2011/NĐ-CP`.
    DocumentCode,
    /// A version or an edition: `4.0`, `2.0`.
    Version,
    /// A mobile generation: `3G`, `4G`, `5G`.
    Technology,
    /// Digits right after letters: `IPv6`, `truy cập86`, `post207402`.
    Glued,
    /// Digits that are no number under Vietnamese rules (`7,197,870`, `1.2.3`).
    Unreadable,
}

impl Shape {
    /// The value a candidate figure would have, for the shapes that can be figures.
    pub fn value(self) -> Option<f64> {
        match self {
            Shape::Number(value) | Shape::Ratio(value, _) | Shape::Range(value, _) => Some(value),
            _ => None,
        }
    }
}

/// Whether a value looks like a calendar year of a report (written without a thousands dot).
pub(super) fn is_year(text: &str) -> bool {
    Period::of_year_digits(text.as_bytes()).is_some()
}

/// Whether a value lies within the years a period can have ([`Period::YEARS`]).
pub(super) fn within_years(value: f64) -> bool {
    (f64::from(*Period::YEARS.start())..=f64::from(*Period::YEARS.end())).contains(&value)
}

/// Every number-shaped token of `text`, in order.
pub(super) fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut found: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let glued = text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let mut end = start;
        let mut separators = Vec::new();
        loop {
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            match (bytes.get(end), bytes.get(end + 1)) {
                (Some(&sep @ (b'.' | b',' | b'/' | b':' | b'-')), Some(next))
                    if next.is_ascii_digit() =>
                {
                    separators.push(sep);
                    end += 1;
                }
                _ => break,
            }
        }
        if let Some(code_end) = document_code_end(text, end) {
            found.push(Token {
                span: start..code_end,
                shape: Shape::DocumentCode,
            });
            i = code_end;
            continue;
        }
        let core = &text[start..end];
        let shape = if glued {
            Shape::Glued
        } else if bytes.get(end) == Some(&b'G')
            && !bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            end += 1;
            Shape::Technology
        } else {
            shape_of(core, &separators, &text[..start])
        };
        found.push(Token {
            span: start..end,
            shape,
        });
        i = end;
    }
    join_spaced_ranges(text, found)
}

/// Where a document code that starts with the digits ending at `end` ends, if one does:
/// the digits are followed by `/` or `-` and an upper-case letter, or by one lower-case letter
/// and `/` (`36a/NQ-CP`).
fn document_code_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let mut chars = rest.chars();
    let first = chars.next()?;
    let second = chars.next()?;
    let opens = match first {
        '/' | '-' => second.is_uppercase(),
        c if c.is_ascii_lowercase() => {
            second == '/' && chars.next().is_some_and(char::is_uppercase)
        }
        _ => false,
    };
    if !opens {
        return None;
    }
    let length: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.'))
        .map(char::len_utf8)
        .sum();
    // A code never ends on punctuation: `07-ĐA/TU,` keeps its comma outside.
    let code = rest[..length].trim_end_matches(['/', '-', '.']);
    Some(end + code.len())
}

fn shape_of(core: &str, separators: &[u8], before: &str) -> Shape {
    let has = |sep: u8| separators.contains(&sep);
    if has(b':') {
        let parts: Vec<&str> = core.split(':').collect();
        return match parts.as_slice() {
            [h, m] if h.len() <= 2 && m.len() == 2 => Shape::Time,
            _ => Shape::Unreadable,
        };
    }
    if has(b'/') || has(b'-') {
        let separator = if has(b'/') { '/' } else { '-' };
        let parts: Vec<&str> = core.split(separator).collect();
        let small = |part: &str, most: u32| {
            part.len() <= 2 && part.parse::<u32>().is_ok_and(|n| (1..=most).contains(&n))
        };
        return match parts.as_slice() {
            [d, m, y] if small(d, 31) && small(m, 12) && (is_year(y) || y.len() == 2) => {
                Shape::Date
            }
            [m, y] if separator == '/' && small(m, 12) && is_year(y) => Shape::Date,
            [d, m]
                if separator == '/' && small(d, 31) && small(m, 12) && after_day_word(before) =>
            {
                Shape::Date
            }
            [a, b] => match (parse_vietnamese_number(a), parse_vietnamese_number(b)) {
                (Some(a), Some(b)) if separator == '/' => Shape::Ratio(a, b),
                (Some(a), Some(b)) if a < b => Shape::Range(a, b),
                _ => Shape::Unreadable,
            },
            _ => Shape::Unreadable,
        };
    }
    if let Some(value) = parse_vietnamese_number(core) {
        return Shape::Number(value);
    }
    match core.split_once('.') {
        Some((major, minor))
            if !major.is_empty()
                && major.len() <= 2
                && (1..=2).contains(&minor.len())
                && !minor.contains('.')
                && !core.contains(',') =>
        {
            Shape::Version
        }
        _ => Shape::Unreadable,
    }
}

/// Whether the words before a `d/m` are "ngày" (day) or a part of the day, which makes it a date.
fn after_day_word(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let word = word.to_lowercase();
    matches!(
        word.as_str(),
        "ngày" | "nay," | "nay" | "sáng" | "chiều" | "tối" | "hôm"
    )
}

/// Joins `2021 - 2025` and `2016- 2020` (a dash with spaces), and `từ 60 đến 80` (from … to),
/// into one range token.
fn join_spaced_ranges(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut joined: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let (Some(previous), Shape::Number(high)) = (joined.last_mut(), token.shape)
            && let Shape::Number(low) = previous.shape
            && low < high
            && (is_dash_between(&text[previous.span.end..token.span.start])
                || is_from_to(
                    text,
                    previous.span.start,
                    &text[previous.span.end..token.span.start],
                ))
        {
            previous.span.end = token.span.end;
            previous.shape = Shape::Range(low, high);
            continue;
        }
        joined.push(token);
    }
    joined
}

/// Whether a number at `start` is the low end of "từ X đến Y" (or "tới"), in any case ("Từ"
/// at a sentence's start, "TỪ … ĐẾN" in a heading): "từ" right before it, and only the
/// connector in the `gap` to the next number, across the spaces every rule reads across (a
/// no-break space too).
fn is_from_to(text: &str, start: usize, gap: &str) -> bool {
    ends_with_phrase_in_any_case(&text[..start], "từ")
        && RANGE_WORDS
            .iter()
            .any(|to| is_in_lower_case(gap.trim_matches(is_space), to))
}

/// Whether `gap` is a dash between spaces (a no-break space too), short enough to join a range.
/// Not between tabs: "5,5\t-\t6,5" is a table's two cells and an empty one between them.
fn is_dash_between(gap: &str) -> bool {
    let trimmed = gap.trim_matches(is_space);
    gap.chars().count() <= 5 && RANGE_DASHES.contains(&trimmed) && !gap.contains('\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(&str, Shape)> {
        tokens(text)
            .into_iter()
            .map(|t| (&text[t.span.clone()], t.shape))
            .collect()
    }

    #[test]
    fn reads_vietnamese_numbers_ratios_and_ranges() {
        assert_eq!(
            shapes("có 1.208 trạm, 86,18% và 06 sở; 85/85 xã; 60-80%; từ 60 đến 80%; 15 đến 20"),
            [
                ("1.208", Shape::Number(1208.0)),
                ("86,18", Shape::Number(86.18)),
                ("06", Shape::Number(6.0)),
                ("85/85", Shape::Ratio(85.0, 85.0)),
                ("60-80", Shape::Range(60.0, 80.0)),
                ("60 đến 80", Shape::Range(60.0, 80.0)),
                // Without "từ", "đến" joins nothing.
                ("15", Shape::Number(15.0)),
                ("20", Shape::Number(20.0)),
            ]
        );
    }

    #[test]
    fn a_range_reads_across_no_break_spaces_and_tabs() {
        assert_eq!(
            shapes("Từ\u{a0}60\u{a0}đến\u{a0}80%; từ\t15 tới\t20 xã; 2021\u{a0}–\u{a0}2025"),
            [
                ("60\u{a0}đến\u{a0}80", Shape::Range(60.0, 80.0)),
                ("15 tới\t20", Shape::Range(15.0, 20.0)),
                ("2021\u{a0}–\u{a0}2025", Shape::Range(2021.0, 2025.0)),
            ]
        );
        // A dash in a cell of its own parts two cells' figures.
        assert_eq!(
            shapes("5,5\t-\t6,5"),
            [("5,5", Shape::Number(5.5)), ("6,5", Shape::Number(6.5))]
        );
    }

    #[test]
    fn a_range_reads_in_capitals() {
        assert_eq!(
            shapes("TỪ 60 ĐẾN 80% XÃ; Từ 15 Tới 20; kể từ 3 đếnx 4"),
            [
                ("60 ĐẾN 80", Shape::Range(60.0, 80.0)),
                ("15 Tới 20", Shape::Range(15.0, 20.0)),
                ("3", Shape::Number(3.0)),
                ("4", Shape::Number(4.0)),
            ]
        );
    }

    #[test]
    fn tells_dates_times_and_year_ranges() {
        assert_eq!(
            shapes("10/09/2016 16:26, ngày 3/11/2008, 7-2-2023, tháng 6/2020, ngày 26/8"),
            [
                ("10/09/2016", Shape::Date),
                ("16:26", Shape::Time),
                ("3/11/2008", Shape::Date),
                ("7-2-2023", Shape::Date),
                ("6/2020", Shape::Date),
                ("26/8", Shape::Date),
            ]
        );
        assert_eq!(
            shapes("giai đoạn 2021 - 2025 và 2016- 2020, (2012-2015)"),
            [
                ("2021 - 2025", Shape::Range(2021.0, 2025.0)),
                ("2016- 2020", Shape::Range(2016.0, 2020.0)),
                ("2012-2015", Shape::Range(2012.0, 2015.0)),
            ]
        );
    }

    #[test]
    fn document_codes_versions_and_names_are_shapes_of_their_own() {
        assert_eq!(
            shapes("749/QĐ-TTg, 36-NQ/TW, 36a/NQ-CP, 43/2011/NĐ-CP; 4.0 và IPv6, 4G, cập86"),
            [
                ("749/QĐ-TTg", Shape::DocumentCode),
                ("36-NQ/TW", Shape::DocumentCode),
                ("36a/NQ-CP", Shape::DocumentCode),
                ("43/2011/NĐ-CP", Shape::DocumentCode),
                ("4.0", Shape::Version),
                ("6", Shape::Glued),
                ("4G", Shape::Technology),
                ("86", Shape::Glued),
            ]
        );
    }

    #[test]
    fn grouping_by_commas_is_not_vietnamese() {
        assert_eq!(shapes("7,197,870"), [("7,197,870", Shape::Unreadable)]);
        assert_eq!(shapes("1,44km/điểm"), [("1,44", Shape::Number(1.44))]);
    }
}
