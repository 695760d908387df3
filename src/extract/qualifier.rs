//! The qualifier of a figure, read from the words right before it: "trên 74%" is over 74 %.
//!
//! A qualifier binds only the number it precedes ("hơn 800 … và 1.500 …": only 800 is over),
//! so only the words immediately before the number count. This module knows the Vietnamese
//! qualifier words; it does not decide whether the number is a figure at all.

use super::context::ends_with_phrase;
use crate::model::Qualifier;

/// Qualifier phrases, longest first so that "không quá" wins over "quá".
const PHRASES: &[(&str, Qualifier)] = &[
    ("không vượt quá", Qualifier::AtMost),
    ("không ít hơn", Qualifier::AtLeast),
    ("không dưới", Qualifier::AtLeast),
    ("không quá", Qualifier::AtMost),
    ("không đến", Qualifier::Under),
    ("chưa đến", Qualifier::Under),
    ("chưa tới", Qualifier::Under),
    ("chưa đầy", Qualifier::Under),
    ("tối thiểu", Qualifier::AtLeast),
    ("ít nhất", Qualifier::AtLeast),
    ("tối đa", Qualifier::AtMost),
    ("nhiều nhất", Qualifier::AtMost),
    ("xấp xỉ", Qualifier::About),
    ("ước tính", Qualifier::About),
    ("ước đạt", Qualifier::About),
    ("khoảng", Qualifier::About),
    ("chừng", Qualifier::About),
    ("gần như", Qualifier::Nearly),
    ("vượt quá", Qualifier::Over),
    ("vượt", Qualifier::Over),
    ("trên", Qualifier::Over),
    ("hơn", Qualifier::Over),
    ("gần", Qualifier::Nearly),
    ("dưới", Qualifier::Under),
];

/// The qualifier the words `before` a number give it, and the length in bytes of the phrase
/// (0 for [`Qualifier::Exact`]) within the trimmed text.
pub(super) fn qualifier(before: &str) -> (Qualifier, usize) {
    PHRASES
        .iter()
        .find(|(phrase, _)| ends_with_phrase(before, phrase))
        .map_or((Qualifier::Exact, 0), |(phrase, qualifier)| {
            (*qualifier, phrase.len())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_word_right_before_the_number() {
        for (before, expected) in [
            ("phủ sóng trên ", Qualifier::Over),
            ("vốn đối ứng của tỉnh là hơn ", Qualifier::Over),
            ("phấn đấu tối thiểu ", Qualifier::AtLeast),
            ("với khoảng ", Qualifier::About),
            ("cho gần ", Qualifier::Nearly),
            ("không quá ", Qualifier::AtMost),
            ("chưa đến ", Qualifier::Under),
            ("đạt tỷ lệ ", Qualifier::Exact),
            ("hơn 800 lượt doanh nghiệp và ", Qualifier::Exact),
        ] {
            assert_eq!(qualifier(before).0, expected, "{before:?}");
        }
    }

    #[test]
    fn a_qualifier_word_inside_another_word_is_not_one() {
        assert_eq!(qualifier("tổng hơn").0, Qualifier::Over);
        assert_eq!(qualifier("khoảnghơn").0, Qualifier::Exact);
    }
}
