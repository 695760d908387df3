//! Numbers that are part of a name or a label: ordinals and the levels listed after them,
//! one-stop shops, short titles in quotation marks, numbers between two capitalised words.

use super::Sight;
use super::words::ORDINAL_WORDS;
use crate::extract::context::{ends_with_phrase, first_word, is_space, starts_with_phrase};

/// Ordinals, numbered names, one-stop shops, titles in quotation marks, and numbers between two
/// capitalised words of a name (`Fanpage 1022 Tây Ninh`, `Duyên Hải 1)`).
pub(super) fn is_name(sight: &Sight<'_>) -> bool {
    let before = sight.before;
    let counted_after_so = ["tổng số", "có số", "với số", "là số"]
        .iter()
        .any(|w| ends_with_phrase(before, w));
    // A listed level or ordinal is a small whole number ("mức độ 3 và 4"), never "1.500".
    let small = sight.end - sight.start <= 2
        && sight.text[sight.start..sight.end]
            .bytes()
            .all(|b| b.is_ascii_digit());
    // An ordinal or a numbered name is whole: a decimal is an amount ("Chính quyền số
    // 0,5890", "ở mức 2,5%", "đạt mức 7,5 điểm"), but for a list of two levels written with
    // a comma and nothing after it ("mức độ 3,4", "cấp độ 2,3").
    let written = &sight.text[sight.start..sight.end];
    let amount = written.contains(',') && !lists_levels(before, written, sight.after);
    if !counted_after_so && !amount && (is_ordinal(before) || small && continues_ordinal(before)) {
        return true;
    }
    if starts_with_phrase(sight.after, "cửa") {
        return true;
    }
    if in_title(sight.text, sight.start) {
        return true;
    }
    between_capitalised_words(sight.text, sight.start, sight.end)
}

/// Words that number levels ("mức độ 3", "cấp độ 2"), which a comma may list ("mức độ 3,4").
const LEVEL_NAMES: &[&str] = &["mức độ", "cấp độ", "mức"];

/// Words after a number that make it an amount: a share, points, a scale, a currency.
const AMOUNT_WORDS: &[&str] = &["điểm", "triệu", "nghìn", "ngàn", "tỷ", "tỉ", "đồng", "lần"];

/// Whether `written`, after `before` and before `after`, lists two levels with a comma ("mức
/// độ 3,4"): one digit either side, and neither a share nor a unit after it.
fn lists_levels(before: &str, written: &str, after: &str) -> bool {
    let digit = |part: &str| part.len() == 1 && part.bytes().all(|b| b.is_ascii_digit());
    let two = written
        .split_once(',')
        .is_some_and(|(first, second)| digit(first) && digit(second));
    let unit_after = after.trim_start().starts_with('%')
        || AMOUNT_WORDS.iter().any(|w| starts_with_phrase(after, w));
    two && !unit_after && LEVEL_NAMES.iter().any(|w| ends_with_phrase(before, w))
}

fn is_ordinal(before: &str) -> bool {
    ORDINAL_WORDS.iter().any(|w| ends_with_phrase(before, w))
}

/// Words that list one number after another ("mức độ 3 và 4", "lần 2, 3 hoặc 4").
const LIST_JOINTS: &[&str] = &["và", "hoặc", ","];

/// Whether the number follows the numbers of an ordinal in a list: "mức độ 3 và 4" (the 4 is
/// a level, as the 3 is), "mức 2, 3 và 4".
fn continues_ordinal(before: &str) -> bool {
    let mut rest = before.trim_end_matches(is_space);
    // A list is short: a few numbers each after a joint.
    for _ in 0..4 {
        let Some(joint) = LIST_JOINTS.iter().find_map(|j| {
            rest.strip_suffix(j)
                .filter(|_| ends_with_phrase(rest, j) || *j == ",")
        }) else {
            return false;
        };
        let number = joint.trim_end_matches(is_space);
        let head = number.trim_end_matches(|c: char| c.is_ascii_digit());
        if head.len() == number.len() || head.ends_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        if is_ordinal(head) {
            return true;
        }
        rest = head.trim_end_matches(is_space);
    }
    false
}

/// The longest title, in bytes (80 Vietnamese characters take up to about 240).
const TITLE_REACH: usize = 240;

/// Whether byte `at` is inside a short title in typographic quotation marks (“…”).
fn in_title(text: &str, at: usize) -> bool {
    // A title is short: look no further than its longest length either side.
    let reach = text.ceil_char_boundary(at.saturating_sub(TITLE_REACH));
    let line_start = text[reach..at].rfind('\n').map_or(reach, |i| reach + i + 1);
    let Some(open) = text[line_start..at].rfind('“').map(|i| line_start + i) else {
        return false;
    };
    if text[open..at].contains('”') {
        return false;
    }
    let end = text.floor_char_boundary(at + TITLE_REACH);
    let Some(close) = text[at..end].find('”').map(|i| at + i) else {
        return false;
    };
    let title = &text[open + '“'.len_utf8()..close];
    title.chars().count() <= 80
        && title.chars().next().is_some_and(char::is_uppercase)
        && !title.contains(['.', ';'])
}

/// Whether the number sits between a capitalised word that does not start its sentence and a
/// capitalised word or a closing bracket: part of a proper name.
fn between_capitalised_words(text: &str, start: usize, end: usize) -> bool {
    let head = text[..start].trim_end_matches([' ', '\u{a0}']);
    if head.len() == start {
        return false;
    }
    let previous_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let previous = &head[previous_start..];
    let titlecase = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    };
    if !titlecase(previous) {
        return false;
    }
    let before_previous = head[..previous_start].trim_end_matches([' ', '\u{a0}']);
    let starts_sentence = before_previous.chars().next_back().is_none_or(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '\n' | ':' | '“' | '"' | '(' | '•' | '…'
        )
    });
    if starts_sentence {
        return false;
    }
    let tail = text[end..].trim_start_matches([' ', '\u{a0}']);
    tail.starts_with(')') || first_word(tail).is_some_and(|w| titlecase(w) && tail.starts_with(w))
}
