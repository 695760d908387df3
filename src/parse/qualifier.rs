//! The qualifier a number's words give it: "trên 74%" is over 74 %.
//!
//! The extraction assistant proposes a figure's qualifier and `validate` holds a recorded
//! figure's qualifier to its quote's: both read it here, so that they read one quote alike. A
//! qualifier binds only the number it precedes ("hơn 800 … và 1.500 …": only 800 is over), so
//! only the words immediately before the number count; without them, a phrase a few words
//! after it ("80% trở lên"). This module knows the Vietnamese qualifier words; it does not
//! decide whether the number is a figure at all.

use super::SPACES;
use super::words::{ends_with_word, is_in_lower_case};
use crate::model::Qualifier;

/// The spaces that part two words of a line: a tab parts cells.
const INLINE_SPACES: [char; 2] = [' ', '\u{a0}'];

/// Qualifier phrases, longest first so that "không quá" wins over "quá".
const PHRASES: &[(&str, Qualifier)] = &[
    ("không vượt quá", Qualifier::AtMost),
    ("không ít hơn", Qualifier::AtLeast),
    ("không dưới", Qualifier::AtLeast),
    ("không quá", Qualifier::AtMost),
    ("không đến", Qualifier::Under),
    ("không tới", Qualifier::Under),
    ("chưa đến", Qualifier::Under),
    ("chưa tới", Qualifier::Under),
    ("chưa đầy", Qualifier::Under),
    ("tối thiểu", Qualifier::AtLeast),
    ("ít nhất", Qualifier::AtLeast),
    // Fewer than: not the "hơn" of "nhiều hơn" (more than).
    ("ít hơn", Qualifier::Under),
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

/// Qualifier phrases written after the number, past its unit and what it counts: "80% trở
/// lên" is at least 80 %, as are "từ 15 tuổi trở lên" and "200 doanh nghiệp trở lên"; "50 triệu
/// đồng trở xuống" at most.
const AFTER: &[(&str, Qualifier)] = &[
    ("trở lên", Qualifier::AtLeast),
    ("trở xuống", Qualifier::AtMost),
];

/// The most words between a number and a phrase of [`AFTER`]: a unit and a short noun.
const WORDS_BEFORE_AFTER: usize = 4;

/// The qualifier a phrase written `after` a number gives it ([`AFTER`], in any case), and where
/// in `after` the phrase ends. The phrase is in the number's part of its line, a few words on,
/// with no other number between and not after a degree ([`LEVELS`]): "80% trở lên" is at
/// least, but in "80%, 90% trở lên" only 90 is, and "40 công chức đại học trở lên" is 40. A
/// number the words before it qualify keeps that qualifier; callers read this one only for a
/// number they do not.
#[must_use]
pub(crate) fn qualifier_after(after: &str) -> Option<(Qualifier, usize)> {
    let part_end = after
        .find([
            '\n', '\r', '\t', ',', ';', '.', ':', '(', ')', '|', '!', '?', '…', '"', '“', '”',
        ])
        .unwrap_or(after.len());
    let part = &after[..part_end];
    let words: Vec<(usize, &str)> = part
        .split(char::is_whitespace)
        .filter(|word| !word.is_empty())
        // Each word's offset in `part`, which it is a slice of.
        .map(|word| (word.as_ptr() as usize - part.as_ptr() as usize, word))
        .take(WORDS_BEFORE_AFTER + 2)
        .collect();
    words.windows(2).enumerate().find_map(|(i, pair)| {
        let [(_, first), (last_at, last)] = pair else {
            return None;
        };
        // Another number ("50 - 60% trở lên", the "-60%" of "50 -60%", the "/151" of a
        // ratio), or a level that the phrase is of ("40 công chức đại học trở lên").
        let number = |word: &str| {
            word.trim_start_matches(['-', '–', '—', '/'])
                .starts_with(|c: char| c.is_ascii_digit())
        };
        if words[..i].iter().any(|(_, w)| number(w)) || is_level(&words[..i]) {
            return None;
        }
        AFTER.iter().find_map(|&(phrase, qualifier)| {
            let (turn, direction) = phrase.split_once(' ')?;
            (is_in_lower_case(first, turn) && is_in_lower_case(last, direction))
                .then_some((qualifier, last_at + last.len()))
        })
    })
}

/// Words of a level that "trở lên" may follow ("đại học trở lên", a degree or higher): in "40
/// công chức đại học trở lên" the phrase is the degree's, not the count's.
const LEVELS: &[&str] = &[
    "đại học",
    "cao đẳng",
    "trung cấp",
    "sơ cấp",
    "thạc sĩ",
    "tiến sĩ",
];

/// Whether `words` end with a word of [`LEVELS`].
fn is_level(words: &[(usize, &str)]) -> bool {
    let last_two: Vec<&str> = words.iter().rev().take(2).rev().map(|(_, w)| *w).collect();
    let last_two = last_two.join(" ");
    LEVELS
        .iter()
        .any(|level| ends_with_word(&last_two, level).is_some())
}

/// The qualifier the words `before` a number give it, in any case ("Trên 90%" opening a table's
/// cell), and how many bytes before the end of `before` its phrase starts, its spaces included
/// (0 for [`Qualifier::Exact`]). The phrase ends on the number's own line: a line that ends with
/// a qualifier's word is as often a heading or a finished clause ("các kết quả nêu trên", "ngày
/// càng tốt hơn") as a sentence wrapped before its number. A phrase of several words may be
/// wrapped inside ("không" / "dưới 80%" is at least 80, never under it), into a line that runs
/// on in lower case (`before_gap`), and a quote that starts with the phrase holds that break.
#[must_use]
pub(crate) fn qualifier_before(before: &str) -> (Qualifier, usize) {
    let trimmed = before.trim_end_matches(SPACES);
    PHRASES
        .iter()
        .find_map(|&(phrase, qualifier)| {
            ends_with_phrase(trimmed, phrase)
                .map(|len| (qualifier, before.len() - trimmed.len() + len))
        })
        .unwrap_or((Qualifier::Exact, 0))
}

/// The length in bytes of the end of `text` that is `phrase` (in lower case, its words parted
/// by one space) in any case, if it is one, its words parted as [`before_gap`] allows.
fn ends_with_phrase(text: &str, phrase: &str) -> Option<usize> {
    let mut rest = text;
    let mut later = "";
    for (i, word) in phrase.rsplit(' ').enumerate() {
        if i > 0 {
            rest = before_gap(rest, later)?;
        }
        let start = rest.len() - ends_with_word(rest, word)?;
        (rest, later) = rest.split_at(start);
    }
    Some(text.len() - rest.len())
}

/// `text` without the gap at its end that parts two words of a phrase, the later one written
/// `later`: one space in any case ("KHÔNG DƯỚI"); else spaces or one line break between them
/// only before a word in lower case, as a sentence wrapped inside the phrase runs on ("không" /
/// "dưới 80%"). A line that the next one opens with a capital ends a heading or a list's item
/// ("… còn ít" / "Hơn 60% …"); a tab, a blank line or a table's row ("…\tKhông" / "dưới 50%")
/// parts cells or paragraphs.
fn before_gap<'t>(text: &'t str, later: &str) -> Option<&'t str> {
    let unspaced = |text: &str| !text.ends_with(char::is_whitespace);
    if let Some(rest) = text
        .strip_suffix(INLINE_SPACES)
        .filter(|rest| unspaced(rest))
    {
        return Some(rest);
    }
    let spaced = text.trim_end_matches(INLINE_SPACES);
    // A heading in capitals runs on too ("KHÔNG  DƯỚI"), where cells aligned by spaces are
    // parted by more of them, or each open with one ("Không      Dưới").
    let capitals = |word: &str| !word.chars().any(char::is_lowercase);
    let heading = capitals(later)
        && text[spaced.len()..].chars().count() <= 3
        && !spaced.ends_with('\n')
        && spaced
            .split(char::is_whitespace)
            .next_back()
            .is_some_and(capitals);
    if !(later.starts_with(char::is_lowercase) || heading) {
        return None;
    }
    let rest = match spaced.strip_suffix('\n') {
        Some(line) => {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if ends_a_tables_row(&line[line.rfind('\n').map_or(0, |at| at + 1)..]) {
                return None;
            }
            line.trim_end_matches(INLINE_SPACES)
        }
        None => spaced,
    };
    (rest.len() < text.len() && unspaced(rest)).then_some(rest)
}

/// Whether `line` is a table's row, whose last cell ends it: cells parted by tabs or `|`, the
/// last of a few words at most. A tab that indents the line, or follows its list mark ("a)\t"
/// and a sentence), parts no cells.
fn ends_a_tables_row(line: &str) -> bool {
    let line = line.trim_start();
    let last_cell = line.rsplit(['\t', '|']).next().unwrap_or(line);
    last_cell.len() < line.len() && last_cell.split_whitespace().count() <= 3
}

/// The qualifier of a number by the data folder's rule (data/README.md): the word right before
/// it, `trên`/`hơn` over, `tối thiểu`/`ít nhất` at least, `khoảng` about, `gần` nearly,
/// `dưới` under, `tối đa` at most, in any case and across line breaks. A figure recorded by
/// that rule is kept where [`qualifier_before`] reads the words more closely (`không dưới`
/// is at least, `ước đạt` about).
#[must_use]
pub(crate) fn qualifier_by_convention(before: &str) -> Qualifier {
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
    let last = words.next().unwrap_or_default();
    let pair = format!("{} {last}", words.next().unwrap_or_default());
    match (pair.as_str(), last.as_str()) {
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
            ("| Trên ", Qualifier::Over),
            ("KHÔNG DƯỚI ", Qualifier::AtLeast),
            ("Ước đạt\u{a0}", Qualifier::About),
        ] {
            assert_eq!(qualifier_before(before).0, expected, "{before:?}");
        }
    }

    #[test]
    fn a_phrase_after_the_number_its_unit_and_noun_qualifies_it() {
        for (after, expected) in [
            ("% trở lên", Some((Qualifier::AtLeast, "% trở lên".len()))),
            (
                " tuổi trở lên, có",
                Some((Qualifier::AtLeast, " tuổi trở lên".len())),
            ),
            (
                "\u{a0}doanh nghiệp TRỞ LÊN",
                Some((Qualifier::AtLeast, "\u{a0}doanh nghiệp TRỞ LÊN".len())),
            ),
            (
                " triệu đồng trở xuống",
                Some((Qualifier::AtMost, " triệu đồng trở xuống".len())),
            ),
            ("% trở lên”.", Some((Qualifier::AtLeast, "% trở lên".len()))),
            // Another number, a mark, a line's end or five words come between, or the phrase
            // is a degree's.
            ("%, 90% trở lên", None),
            (" - 60% trở lên", None),
            (" -60% trở lên", None),
            ("/151 xã trở lên", None),
            (" công chức đại học trở lên", None),
            ("% và 90% trở lên", None),
            (" trạm\ntrở lên", None),
            (" máy tính để bàn mới trở lên", None),
            // Another phrase.
            (" người trở thành", None),
            (" người trở", None),
        ] {
            assert_eq!(qualifier_after(after), expected, "{after:?}");
        }
    }

    #[test]
    fn the_data_folders_rule_reads_the_word_right_before_the_number() {
        for (before, expected) in [
            ("Doanh thu ước đạt ", Qualifier::Exact),
            ("không dưới ", Qualifier::Under),
            ("phủ sóng trên\n", Qualifier::Over),
            ("phấn đấu Tối thiểu ", Qualifier::AtLeast),
            ("(khoảng ", Qualifier::About),
        ] {
            assert_eq!(qualifier_by_convention(before), expected, "{before:?}");
        }
    }

    #[test]
    fn a_qualifier_is_read_on_the_numbers_line_alone() {
        for (before, expected) in [
            ("phủ sóng trên ", (Qualifier::Over, "trên ".len())),
            (
                "đạt khoảng\u{a0}\t",
                (Qualifier::About, "khoảng\u{a0}\t".len()),
            ),
            ("các kết quả nêu trên\n", (Qualifier::Exact, 0)),
            ("ngày càng tốt hơn\r\n", (Qualifier::Exact, 0)),
        ] {
            assert_eq!(qualifier_before(before), expected, "{before:?}");
        }
    }

    #[test]
    fn a_phrase_wrapped_inside_is_read_whole() {
        for (before, expected) in [
            (
                "tỷ lệ không\ndưới ",
                (Qualifier::AtLeast, "không\ndưới ".len()),
            ),
            (
                "tỷ lệ KHÔNG \r\n  dưới ",
                (Qualifier::AtLeast, "KHÔNG \r\n  dưới ".len()),
            ),
            ("đạt tối\nthiểu ", (Qualifier::AtLeast, "tối\nthiểu ".len())),
            (
                "không\u{a0}quá ",
                (Qualifier::AtMost, "không\u{a0}quá ".len()),
            ),
            (
                "của tỉnh không\nít\nhơn ",
                (Qualifier::AtLeast, "không\nít\nhơn ".len()),
            ),
            ("có ít\nhơn ", (Qualifier::Under, "ít\nhơn ".len())),
            ("nhiều hơn ", (Qualifier::Over, "hơn ".len())),
            // A blank line parts paragraphs: the phrase is the number's line's alone.
            ("tỷ lệ không\n\ndưới ", (Qualifier::Under, "dưới ".len())),
            (
                "tỷ lệ không\r\n\r\ndưới ",
                (Qualifier::Under, "dưới ".len()),
            ),
            // A line that the next opens with a capital is a heading's or an item's.
            ("doanh nghiệp còn ít\nHơn ", (Qualifier::Over, "Hơn ".len())),
            (
                "chưa có sóng: không\r\nDưới ",
                (Qualifier::Under, "Dưới ".len()),
            ),
            // Cells of a table: parted by a tab, by spaces in columns, or a row above.
            (
                "Xã có cáp quang\tKhông\tDưới ",
                (Qualifier::Under, "Dưới ".len()),
            ),
            (
                "Xã có cáp quang:   Không      Dưới ",
                (Qualifier::Under, "Dưới ".len()),
            ),
            (
                "TỶ LỆ KHÔNG  DƯỚI ",
                (Qualifier::AtLeast, "KHÔNG  DƯỚI ".len()),
            ),
            ("TỶ LỆ KHÔNG\nDƯỚI ", (Qualifier::Under, "DƯỚI ".len())),
            (
                "TRÊN 80%      KHÔNG      DƯỚI ",
                (Qualifier::Under, "DƯỚI ".len()),
            ),
            ("Xã\tCó\tKhông\ndưới ", (Qualifier::Under, "dưới ".len())),
            ("| Xã | Không |\ndưới ", (Qualifier::Under, "dưới ".len())),
            // A tab that indents a line, or follows its list mark, parts no cells.
            (
                "\tTỷ lệ hộ đạt không\ndưới ",
                (Qualifier::AtLeast, "không\ndưới ".len()),
            ),
            (
                "a)\tTỷ lệ hộ của tỉnh đạt không\ndưới ",
                (Qualifier::AtLeast, "không\ndưới ".len()),
            ),
            // No space at all between two words makes one word, no phrase.
            ("khôngdưới ", (Qualifier::Exact, 0)),
        ] {
            assert_eq!(qualifier_before(before), expected, "{before:?}");
        }
    }

    #[test]
    fn a_qualifier_word_inside_another_word_is_not_one() {
        assert_eq!(qualifier_before("tổng hơn").0, Qualifier::Over);
        assert_eq!(qualifier_before("khoảnghơn").0, Qualifier::Exact);
    }
}
