//! Words of Vietnamese text compared whatever the case they are written in ("từ", "Từ" at a
//! sentence's start, "TỪ" in a heading), without a lower-cased copy: offsets stay those of the
//! text as written, which a copy would not keep, a letter's lower case being longer at times.
//! This module knows no word list.

/// Whether `text`, in lower case, is `lower`.
#[must_use]
pub(crate) fn is_in_lower_case(text: &str, lower: &str) -> bool {
    // A capital in `lower` would never match, silently.
    debug_assert!(
        !lower.chars().any(char::is_uppercase),
        "{lower} is not in lower case"
    );
    text.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// The length in bytes of the end of `text` that is the word or phrase `phrase` (in lower case)
/// in any case, if it is one: a whole word, no letter or digit before it.
#[must_use]
pub(crate) fn ends_with_word(text: &str, phrase: &str) -> Option<usize> {
    let count = phrase.chars().count();
    let (start, _) = text.char_indices().rev().nth(count.checked_sub(1)?)?;
    let tail = &text[start..];
    let whole_word = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    (whole_word && is_in_lower_case(tail, phrase)).then_some(tail.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_at_the_end_in_any_case_and_whole() {
        assert_eq!(ends_with_word("phủ sóng Trên", "trên"), Some("Trên".len()));
        assert_eq!(
            ends_with_word("KHÔNG DƯỚI", "không dưới"),
            Some("KHÔNG DƯỚI".len())
        );
        assert_eq!(ends_with_word("khoảnghơn", "hơn"), None);
        assert_eq!(ends_with_word("", "hơn"), None);
        assert!(is_in_lower_case("Tỷ", "tỷ") && !is_in_lower_case("Tỷ", "tỉ"));
    }
}
