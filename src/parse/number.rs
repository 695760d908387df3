//! Numbers as Vietnamese reports write them, and as data files store them.
//!
//! Vietnamese uses `.` to group thousands and `,` as the decimal mark: `1.208` is 1208 and
//! `86,18%` is 86.18. Data files store plain numbers (`1208`, `86.18`). The two meet in one
//! ambiguous shape, a single dot followed by exactly three digits (`1.208`), which a data field
//! reads as plain notation; the dataset then refuses a fractional count, which is how a
//! Vietnamese `1.208` typed into a count column shows itself. This module knows nothing of
//! columns or indicators.

use std::ops::Range;

/// The dashes that join two numbers into a range ("60-80%", "2021 – 2025").
pub(crate) const RANGE_DASHES: [&str; 3] = ["-", "–", "—"];

/// The words that join a range's two numbers after "từ" ("từ 60 đến 80"), in lower case.
pub(crate) const RANGE_WORDS: [&str; 2] = ["đến", "tới"];

/// Parses a number written the Vietnamese way: optional sign, digits grouped by `.` in threes,
/// an optional `,` decimal part, an optional `%` (with or without a space before it).
/// Leading zeros are allowed (`06`), as reports write small counts.
///
/// ```
/// use ict_compare::parse_vietnamese_number;
/// assert_eq!(parse_vietnamese_number("1.208"), Some(1208.0));
/// assert_eq!(parse_vietnamese_number("86,18%"), Some(86.18));
/// assert_eq!(parse_vietnamese_number("96,89 %"), Some(96.89));
/// assert_eq!(parse_vietnamese_number("06"), Some(6.0));
/// assert_eq!(parse_vietnamese_number("1,2,3"), None);
/// ```
#[must_use]
pub fn parse_vietnamese_number(text: &str) -> Option<f64> {
    let text = strip_percent(text.trim());
    let (negative, body) = split_sign(text);
    let (integer, fraction) = match body.split_once(',') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (body, None),
    };
    let mut digits = String::with_capacity(body.len() + 1);
    if negative {
        digits.push('-');
    }
    push_grouped(integer, '.', &mut digits)?;
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push('.');
        digits.push_str(fraction);
    }
    digits.parse().ok().filter(|value: &f64| value.is_finite())
}

/// Parses a number in a data field: plain notation (`1208`, `86.18`, `-3`, `1.208`), or
/// Vietnamese notation where it cannot be mistaken for plain (`86,18`, `1.208.000`, `1.208,5`).
///
/// Never returns NaN or an infinity: `NaN`, `inf` and exponents are not numbers here. Nor does
/// it guess at `1,234`, which is 1.234 to a Vietnamese writer and 1234 to an English one (see
/// [`is_ambiguous_grouping`]).
///
/// ```
/// use ict_compare::parse_data_number;
/// assert_eq!(parse_data_number("86.18"), Some(86.18));
/// assert_eq!(parse_data_number("86,18"), Some(86.18));
/// assert_eq!(parse_data_number("1.208.000"), Some(1_208_000.0));
/// assert_eq!(parse_data_number("NaN"), None);
/// assert_eq!(parse_data_number("1,234"), None);
/// ```
#[must_use]
pub fn parse_data_number(text: &str) -> Option<f64> {
    if let Some(value) = plain_decimal(text.as_bytes()) {
        return Some(value);
    }
    let text = text.trim();
    if is_ambiguous_grouping(text) {
        return None;
    }
    let (_, body) = split_sign(text);
    let (mut commas, mut dots) = (0, 0);
    for byte in body.bytes() {
        match byte {
            b',' => commas += 1,
            b'.' => dots += 1,
            _ => {}
        }
    }
    if commas > 0 || dots > 1 {
        return parse_vietnamese_number(text);
    }
    // By byte: this runs once per row of every file loaded.
    let (integer, fraction) = match body.bytes().position(|b| b == b'.') {
        Some(dot) => (&body[..dot], &body[dot + 1..]),
        None => (body, "0"),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(integer) && digits(fraction)) {
        return None;
    }
    text.parse().ok().filter(|value: &f64| value.is_finite())
}

/// The shapes almost every data field has, `1234` and `12.34`, read without `f64::from_str`:
/// at most 15 digits, so that the digits are an exact integer below 2^53, and a power of ten
/// that is exact too; one division of two exact doubles is then correctly rounded (Clinger's
/// fast path), the very value `f64::from_str` gives. Anything else is `None`, for the general
/// reader to decide.
pub(crate) fn plain_decimal(bytes: &[u8]) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut dot = None;
    for (i, &byte) in bytes.iter().enumerate() {
        match byte {
            b'0'..=b'9' => mantissa = mantissa * 10 + u64::from(byte - b'0'),
            b'.' if dot.is_none() => dot = Some(i),
            _ => return None,
        }
    }
    let decimals = match dot {
        None if bytes.len() <= 15 => 0,
        // Digits on both sides of the dot, as the general reader demands.
        Some(dot) if dot > 0 && dot + 1 < bytes.len() => bytes.len() - dot - 1,
        _ => return None,
    };
    let power = POWERS.get(decimals)?;
    Some(mantissa as f64 / power)
}

/// Whether `text` is a number that reads differently by convention: one comma followed by
/// exactly three digits, after one to three digits not starting with 0 (`1,234`, `-12,500`).
/// A Vietnamese writer means a decimal comma (1.234), an English one thousands (1234). `0,125`
/// and `86,18` are not ambiguous: English grouping neither starts with 0 nor has two digits.
///
/// ```
/// use ict_compare::is_ambiguous_grouping;
/// assert!(is_ambiguous_grouping("1,234"));
/// assert!(!is_ambiguous_grouping("86,18"));
/// assert!(!is_ambiguous_grouping("0,125"));
/// ```
#[must_use]
pub fn is_ambiguous_grouping(text: &str) -> bool {
    let (_, body) = split_sign(text.trim());
    let Some((integer, fraction)) = body.split_once(',') else {
        return false;
    };
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&integer.len())
        && !integer.starts_with('0')
        && digits(integer)
        && fraction.len() == 3
        && digits(fraction)
}

/// Whether `text` is grouped the English way past any doubt: commas between groups of three
/// after one to three digits, at least two commas or a `.` decimal part (`1,234,567`,
/// `1,234.5`). Such a number is not read (data fields use no grouping); the hint says why.
pub(crate) fn is_english_grouping(text: &str) -> bool {
    let (_, body) = split_sign(text.trim());
    let (integer, decimals) = match body.split_once('.') {
        Some((integer, decimals)) => (integer, Some(decimals)),
        None => (body, None),
    };
    let mut groups = integer.split(',');
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&first.len())
        && digits(first)
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && digits(g))
        && decimals.is_none_or(digits)
        && (rest.len() > 1 || decimals.is_some())
}

/// Formats `value` the Vietnamese way with at most `decimals` decimals, trailing zeros dropped:
/// `1208` → `1.208`, `86.18` → `86,18`.
///
/// ```
/// use ict_compare::format_vietnamese_number;
/// assert_eq!(format_vietnamese_number(1208.0, 2), "1.208");
/// assert_eq!(format_vietnamese_number(86.18, 2), "86,18");
/// assert_eq!(format_vietnamese_number(-1234567.5, 1), "-1.234.567,5");
/// ```
#[must_use]
pub fn format_vietnamese_number(value: f64, decimals: usize) -> String {
    let plain = format!("{:.*}", decimals, value.abs());
    let (integer, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 2);
    if value < 0.0 && plain.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        out.push('-');
    }
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// A number found in running Vietnamese text, with the byte range it occupies.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberInText {
    /// Its value under Vietnamese rules.
    pub value: f64,
    /// Byte range of the number in the text (without any `%`).
    pub span: Range<usize>,
}

/// Finds every number in running text under Vietnamese rules. Sentence punctuation after a
/// number (`có 06.`) is not part of it; `23/25` yields two numbers; tokens that are not valid
/// Vietnamese numbers (`1.5`) are skipped rather than guessed at.
#[must_use]
pub fn numbers_in_text(text: &str) -> Vec<NumberInText> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_token = bytes[i].is_ascii_digit()
            && (i == 0
                || !matches!(bytes[i - 1], b'0'..=b'9' | b'.' | b',' | b'a'..=b'z' | b'A'..=b'Z'));
        if !starts_token {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && matches!(bytes[end], b'0'..=b'9' | b'.' | b',') {
            end += 1;
        }
        let mut token_end = end;
        while token_end > i && matches!(bytes[token_end - 1], b'.' | b',') {
            token_end -= 1;
        }
        // 3G, 4G and 5G name technologies, not figures; other letters after a number are its
        // unit (`1,44km`).
        let generation = bytes.get(end) == Some(&b'G')
            && !bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric);
        let glued = generation;
        if let Some(value) = parse_vietnamese_number(&text[i..token_end]).filter(|_| !glued) {
            found.push(NumberInText {
                value,
                span: i..token_end,
            });
        }
        i = end;
    }
    found
}

fn strip_percent(text: &str) -> &str {
    text.strip_suffix('%').map_or(text, str::trim_end)
}

fn split_sign(text: &str) -> (bool, &str) {
    match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    }
}

/// Appends the digits of `integer`, checking that `separator` groups them in threes.
fn push_grouped(integer: &str, separator: char, out: &mut String) -> Option<()> {
    let mut groups = integer.split(separator);
    let first = groups.next()?;
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let grouped = integer.contains(separator);
    if grouped && first.len() > 3 {
        return None;
    }
    out.push_str(first);
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(group);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_the_forms_reports_use() {
        for (text, value) in [
            ("1.208", 1208.0),
            ("86,18%", 86.18),
            ("96,89 %", 96.89),
            ("06", 6.0),
            ("1.234.567,5", 1_234_567.5),
            ("0,5", 0.5),
            ("100%", 100.0),
        ] {
            assert_eq!(parse_vietnamese_number(text), Some(value), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_vietnamese_number() {
        for text in [
            "", "1,2,3", "1.20", "1234.567", ",5", "5,", "abc", "1.2", "NaN", "inf", "%",
        ] {
            assert_eq!(parse_vietnamese_number(text), None, "{text}");
        }
    }

    #[test]
    fn data_numbers_accept_plain_and_unambiguous_vietnamese() {
        for (text, value) in [
            ("1208", 1208.0),
            ("86.18", 86.18),
            ("-3", -3.0),
            ("0.125", 0.125),
            ("4.822", 4.822),
            ("86,18", 86.18),
            ("0,125", 0.125),
            ("1,2345", 1.2345),
            ("1.208.000", 1_208_000.0),
            ("1.208,5", 1208.5),
            ("1234.5678", 1234.5678),
        ] {
            assert_eq!(parse_data_number(text), Some(value), "{text}");
        }
    }

    #[test]
    fn data_numbers_reject_nan_infinity_and_lists() {
        for text in [
            "NaN", "inf", "-inf", "1e5", "1,2,3", "", "-", "1.", ".5", "12 000", "0x10",
        ] {
            assert_eq!(parse_data_number(text), None, "{text}");
        }
    }

    #[test]
    fn comma_then_three_digits_is_ambiguous_and_not_read() {
        for text in ["1,234", "12,345", "123,456", "-1,234", " 1,234 ", "+9,999"] {
            assert!(is_ambiguous_grouping(text), "{text}");
            assert_eq!(parse_data_number(text), None, "{text}");
        }
        for text in [
            "1234,567",
            "0,125",
            "1,23",
            "1,2345",
            "1.234,567",
            "1,234,567",
            "1234",
        ] {
            assert!(!is_ambiguous_grouping(text), "{text}");
        }
        // Vietnamese report text is not data: there `1,234` is a decimal comma.
        assert_eq!(parse_vietnamese_number("1,234"), Some(1.234));
    }

    #[test]
    fn english_grouping_is_recognised_only_where_it_is_certain() {
        for text in ["1,234,567", "1,234.5", "-12,345,678.25"] {
            assert!(is_english_grouping(text), "{text}");
            assert_eq!(parse_data_number(text), None, "{text}");
        }
        for text in [
            "1,234",
            "1,2,3",
            "1234,567.5",
            "1,234,56",
            "1.234,5",
            "1234",
        ] {
            assert!(!is_english_grouping(text), "{text}");
        }
    }

    #[test]
    fn a_number_too_large_for_a_double_is_not_a_number() {
        // Found by fuzzing: four hundred digits parsed to infinity.
        let digits = "1".repeat(400);
        assert_eq!(parse_vietnamese_number(&digits), None);
        assert_eq!(parse_data_number(&digits), None);
        assert!(numbers_in_text(&format!("có {digits} trạm")).is_empty());
    }

    #[test]
    fn finds_numbers_in_running_text() {
        let text = "Toàn tỉnh có 7.301 máy tính và 116 máy chủ, đạt 98,7%; 151/151 xã.";
        let values: Vec<f64> = numbers_in_text(text).iter().map(|n| n.value).collect();
        assert_eq!(values, [7301.0, 116.0, 98.7, 151.0, 151.0]);
        let first = &numbers_in_text(text)[0];
        assert_eq!(&text[first.span.clone()], "7.301");
    }

    #[test]
    fn numbers_in_names_are_not_figures_but_units_may_be_glued() {
        assert!(numbers_in_text("IPv4 sang IPv6, 4G").is_empty());
        let values: Vec<f64> = numbers_in_text("bán kính 1,44km/điểm")
            .iter()
            .map(|n| n.value)
            .collect();
        assert_eq!(values, [1.44]);
    }

    proptest! {
        #[test]
        fn formatting_then_parsing_gives_the_number_back(cents in -10_000_000_000_i64..10_000_000_000) {
            let value = cents as f64 / 100.0;
            let text = format_vietnamese_number(value, 2);
            let parsed = parse_vietnamese_number(&text);
            prop_assert!(parsed.is_some(), "{text}");
            prop_assert!((parsed.unwrap_or(f64::NAN) - value).abs() < 1e-6, "{text}");
        }

        #[test]
        fn data_numbers_read_back_what_rust_prints(value in -1e12_f64..1e12) {
            prop_assert_eq!(parse_data_number(&value.to_string()), Some(value));
        }

        #[test]
        fn the_direct_reading_is_exactly_the_general_one(
            integer in "[0-9]{1,16}",
            fraction in proptest::option::of("[0-9]{1,16}"),
        ) {
            let text = match &fraction {
                Some(fraction) => format!("{integer}.{fraction}"),
                None => integer.clone(),
            };
            let general: Option<f64> = text.parse().ok();
            if let Some(direct) = plain_decimal(text.as_bytes()) {
                prop_assert_eq!(Some(direct.to_bits()), general.map(f64::to_bits), "{}", text);
            }
            prop_assert_eq!(parse_data_number(&text), general);
        }

        #[test]
        fn never_panics_on_any_text(text in ".{0,40}") {
            let _ = parse_vietnamese_number(&text);
            let _ = parse_data_number(&text);
            let _ = numbers_in_text(&text);
        }
    }
}
