//! The words around a number: what comes right before it and right after it on its line, in
//! lower case, and the sentence it belongs to.
//!
//! Every rule of the extractor reads words through here, so that "the word before" means the
//! same thing everywhere: the nearest word on the same line, across spaces (including no-break
//! spaces) but not across a line break.

use std::ops::Range;

use crate::parse::{ends_with_word, is_in_lower_case, qualifier_before};

/// How far, in bytes, the extractor looks on either side of a number.
const WINDOW: usize = 160;

/// The lower-cased text of the same line before `at`, at most [`WINDOW`] bytes.
pub(super) fn before(text: &str, at: usize) -> String {
    let start = text.ceil_char_boundary(at.saturating_sub(WINDOW));
    let slice = &text[start..at];
    let slice = slice.rsplit('\n').next().unwrap_or(slice);
    slice.to_lowercase()
}

/// [`before`], from the first word of a qualifier's phrase that the line before began ("tăng
/// không" / "dưới 10%" gives "tăng không\ndưới "): what the phrase follows is read as if on
/// one line, as the phrase itself is.
pub(super) fn words_before(text: &str, at: usize) -> String {
    let window = &text[text.ceil_char_boundary(at.saturating_sub(WINDOW))..at];
    let phrase = at - qualifier_before(window).1;
    let mut words = before(text, phrase);
    words.push_str(&text[phrase..at].to_lowercase());
    words
}

/// The lower-cased text of the same line after `at`, at most [`WINDOW`] bytes.
pub(super) fn after(text: &str, at: usize) -> String {
    let end = text.floor_char_boundary(at + WINDOW);
    let slice = &text[at..end];
    let slice = slice.split('\n').next().unwrap_or(slice);
    slice.to_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `text` (the words before a number) ends with the word or phrase `phrase`.
pub(super) fn ends_with_phrase(text: &str, phrase: &str) -> bool {
    let trimmed = text.trim_end_matches(is_space);
    trimmed
        .strip_suffix(phrase)
        .is_some_and(|rest| rest.chars().next_back().is_none_or(|c| !is_word_char(c)))
}

/// Whether `text` (the words after a number) starts with the word or phrase `phrase`.
pub(super) fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    let trimmed = text.trim_start_matches(is_space);
    trimmed
        .strip_prefix(phrase)
        .is_some_and(|rest| rest.chars().next().is_none_or(|c| !is_word_char(c)))
}

/// Whether `text` contains `phrase` as whole words.
pub(super) fn contains_phrase(text: &str, phrase: &str) -> bool {
    find_phrase(text, phrase).is_some()
}

/// The byte offset of the first whole-word occurrence of `phrase` in `text`.
pub(super) fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    phrase_positions(text, phrase).next()
}

/// The byte offsets of every whole-word occurrence of `phrase` in `text`, in order.
pub(super) fn phrase_positions<'a>(
    text: &'a str,
    phrase: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(phrase)
        .map(|(i, _)| i)
        .filter(move |&i| {
            let before_ok = text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            let after_ok = text[i + phrase.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c));
            before_ok && after_ok
        })
}

/// `text` after a leading `phrase` (compared in lower case, as a whole word), if it starts so.
pub(super) fn strip_phrase<'a>(text: &'a str, phrase: &str) -> Option<&'a str> {
    let count = phrase.chars().count();
    let length: usize = text.chars().take(count).map(char::len_utf8).sum();
    let head = text.get(..length)?;
    let rest = &text[length..];
    (is_in_lower_case(head, phrase) && rest.chars().next().is_none_or(|c| !is_word_char(c)))
        .then_some(rest)
}

/// Whether `text` (the words before a number, as written) ends with `phrase` (in lower case),
/// whatever the case it is written in: "từ", "Từ" at a sentence's start, "TỪ" in a heading.
pub(super) fn ends_with_phrase_in_any_case(text: &str, phrase: &str) -> bool {
    ends_with_word(text.trim_end_matches(is_space), phrase).is_some()
}

/// The byte offset in `text` (as written) of the first whole-word occurrence of `phrase` (in
/// lower case), whatever the case it is written in. An offset into `text` itself, which a
/// lower-cased copy would not give: a letter's lower case can be longer than the letter.
pub(super) fn find_phrase_in_any_case(text: &str, phrase: &str) -> Option<usize> {
    let first = phrase.chars().next()?;
    let mut previous = None;
    text.char_indices().find_map(|(at, c)| {
        let starts_word = previous.is_none_or(|p| !is_word_char(p));
        previous = Some(c);
        // Only where a word starts with the phrase's first letter is the rest compared.
        (starts_word && c.to_lowercase().eq([first]) && strip_phrase(&text[at..], phrase).is_some())
            .then_some(at)
    })
}

/// Whether the text before byte `at` holds nothing on its line but spaces and list bullets: a
/// hyphen or a plus there is a list item's mark ("-100% xã …", "- Tỷ lệ …"), not a sign.
pub(super) fn opens_item(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}', '•', '*']);
    before.is_empty() || before.ends_with(['\n', '\r'])
}

/// `text` without its leading spaces.
pub(super) fn skip_spaces(text: &str) -> &str {
    text.trim_start_matches(is_space)
}

/// Spaces as reports type them: ordinary and no-break.
pub(super) fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\t'
}

/// The words of `text`, split on anything that is not a letter or a digit.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// The first word of `text`, if any.
pub(super) fn first_word(text: &str) -> Option<&str> {
    words(text).next()
}

/// Sentences of a text, as byte ranges: split after `.`, `!`, `?` or `…` followed by a space or
/// a line break, and at line breaks. A dot inside a number (`1.208`) or after a short
/// abbreviation (`TP. Đồng Hới`) ends nothing.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '\n' => true,
            '.' | '!' | '?' | '…' => {
                next.is_none_or(char::is_whitespace)
                    && !(c == '.' && is_abbreviation(&text[start..i]))
            }
            _ => false,
        };
        if ends {
            let end = i + c.len_utf8();
            if end > start {
                found.push(start..end);
            }
            start = end;
        }
    }
    if start < text.len() {
        found.push(start..text.len());
    }
    found
}

/// Abbreviations written with a dot before a name: `TP. Đồng Hới`, `TX. Duyên Hải`, `ThS. Lê`.
const ABBREVIATIONS: &[&str] = &[
    "TP", "Tp", "TX", "Tx", "Q", "P", "H", "X", "ThS", "TS", "PGS", "GS", "BS", "KS", "CN", "Ths",
];

/// Whether the text before a dot ends with an abbreviation such as `TP` or `TX`.
pub(super) fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    ABBREVIATIONS.contains(&word)
}

/// The index of the sentence holding byte `at`.
pub(super) fn sentence_at(sentences: &[Range<usize>], at: usize) -> usize {
    sentences
        .partition_point(|s| s.end <= at)
        .min(sentences.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(ends_with_phrase("đạt trên ", "trên"));
        assert!(!ends_with_phrase("phíatrên", "trên"));
        assert!(!ends_with_phrase("ngoàitrên ", "trên"));
        assert!(starts_with_phrase("\u{a0}trạm BTS", "trạm"));
        assert!(!starts_with_phrase("tháng", "th"));
        assert!(contains_phrase("dân số cả nước.", "cả nước"));
    }

    #[test]
    fn phrases_in_any_case_match_whole_words_at_their_own_offsets() {
        assert!(ends_with_phrase_in_any_case("Từ\u{a0}", "từ"));
        assert!(ends_with_phrase_in_any_case("tăng TỪ ", "từ"));
        assert!(ends_with_phrase_in_any_case("từ", "từ"));
        assert!(!ends_with_phrase_in_any_case("Kể tTừ ", "từ"));
        assert!(!ends_with_phrase_in_any_case("ừ ", "từ"));
        let text = "Ký số: LẦN LƯỢT là";
        assert_eq!(find_phrase_in_any_case(text, "lần lượt"), text.find("LẦN"));
        assert_eq!(find_phrase_in_any_case("Lần lượt", "lần lượt"), Some(0));
        assert_eq!(find_phrase_in_any_case("xlần lượt", "lần lượt"), None);
        assert_eq!(find_phrase_in_any_case("lần lượtx", "lần lượt"), None);
        // A near miss, then the phrase.
        let text = "lần lượtx, Lần Lượt";
        assert_eq!(find_phrase_in_any_case(text, "lần lượt"), text.find("Lần"));
        // A capital whose lower case is longer ('Ⱥ', two bytes, lowers to three) before the
        // phrase: the offset is still the phrase's own in the text.
        let text = "Ⱥ lần lượt";
        assert_eq!(find_phrase_in_any_case(text, "lần lượt"), text.find('l'));
    }

    #[test]
    fn windows_stay_on_their_line() {
        let text = "dòng một 5\ndòng hai 7 sau";
        let seven = text.find('7').unwrap_or(0);
        assert_eq!(before(text, seven), "dòng hai ");
        assert_eq!(after(text, text.find('5').unwrap_or(0)), "5");
    }

    #[test]
    fn sentences_end_at_full_stops_but_not_inside_numbers_or_abbreviations() {
        let text = "Có 1.208 trạm. Tại TP. Đồng Hới có 75 điểm.\nHết";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "Có 1.208 trạm.",
                " Tại TP. Đồng Hới có 75 điểm.",
                "\n",
                "Hết"
            ]
        );
    }
}
