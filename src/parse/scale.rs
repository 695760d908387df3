//! The words that scale a number in Vietnamese text (`25 tỷ`, `2 nghìn tỷ`), and the unit a row
//! of a table written in text gives the figures in its cells.
//!
//! The extraction assistant proposes a figure from its quote and `validate` checks the figure
//! against the same quote: both read scales here, so that they cannot read one quote two ways.
//! This module knows words and cells, not indicators or units of the catalogue.

use std::ops::Range;

/// The words that scale the number before them (`25 tỷ`), in lower case, with their factors.
/// Two in a row multiply (`2 nghìn tỷ` is 2 000 tỷ, `1,1 triệu tỷ` 1,1 million tỷ) when the
/// second is the larger; a smaller second starts a smaller part (`25 tỷ 500 triệu`) or nothing.
const SCALE_WORDS: &[(&str, f64)] = &[
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
];

/// Spaces as reports type them between a number and its words.
const SPACES: [char; 3] = [' ', '\t', '\u{a0}'];

/// The most words in a bracket that names a unit ("(nghìn thuê bao)"); a longer one is an
/// aside ("(không kể các điểm của doanh nghiệp)").
const UNIT_BRACKET_WORDS: usize = 3;

/// The scale words `text` starts with, after any spaces: their factor and the text after them,
/// in any case ("Tỷ", "TRIỆU"). A word ends where its letters do (`tỷ/năm`, `tỷ:`). "tỷ lệ" is
/// a share, not a scale.
#[must_use]
pub(crate) fn scale_at(text: &str) -> Option<(f64, &str)> {
    let (factor, after) = one_scale_word(text)?;
    let (next, _) = word_at(after.trim_start_matches(SPACES));
    if is_in_lower_case(next, "lệ") {
        return None;
    }
    Some(match one_scale_word(after) {
        Some((larger, after_larger)) if larger > factor => (factor * larger, after_larger),
        _ => (factor, after),
    })
}

/// Whether `word`, in lower case, is `lower`.
fn is_in_lower_case(word: &str, lower: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// The one scale word `text` starts with, after any spaces, and the text after it.
fn one_scale_word(text: &str) -> Option<(f64, &str)> {
    let (word, after) = word_at(text.trim_start_matches(SPACES));
    SCALE_WORDS
        .iter()
        .find(|(scale, _)| is_in_lower_case(word, scale))
        .map(|&(_, factor)| (factor, after))
}

/// The word `text` starts with (empty when it starts with no letter or digit), and the text
/// after it.
fn word_at(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// The inside of the bracket that ends `cell` ("Doanh thu (tỷ đồng)"), when it is short enough
/// to name a unit: its byte range in `cell`.
#[must_use]
pub(crate) fn unit_bracket(cell: &str) -> Option<Range<usize>> {
    let open = cell.strip_suffix(')')?.rfind('(')?;
    let inside = open + 1..cell.len() - 1;
    (cell[inside.clone()].split_whitespace().count() <= UNIT_BRACKET_WORDS).then_some(inside)
}

/// Where a row of a table may write the unit of its figures, as the row is quoted (its cells
/// parted by tabs or `|`, its label first): each later cell without a digit (a column of units,
/// "tỷ đồng"), whole or its bracket, then the label's bracket ("… (%)"). Byte ranges in `quote`,
/// in that order; none when `quote` is no row of cells.
#[must_use]
pub(crate) fn row_units(quote: &str) -> Vec<Range<usize>> {
    cells_of_row(quote).map_or_else(Vec::new, |(units, ..)| units)
}

/// The scale a row of a table gives the figures in its cells, from its unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowScale {
    /// The factor of the unit's scale words.
    pub factor: f64,
    /// Where the unit is written in the row.
    pub unit: Range<usize>,
    /// Where the cells after the label start: the figures the scale applies to.
    pub figures_from: usize,
    /// What parts the row's cells: a figure's own words end at it.
    pub separator: char,
}

impl RowScale {
    /// The words of a figure's own cell after its digits (`after`, the row's text after them).
    #[must_use]
    pub(crate) fn in_cell<'a>(&self, after: &'a str) -> &'a str {
        after.split(self.separator).next().unwrap_or(after)
    }
}

/// The scale a row of a table gives the figures in its cells (`quote` as [`row_units`] takes
/// it): its first place for a unit that starts with scale words. A scale wins over a unit
/// without one, wherever the row writes it, so that a row that names both is read one way.
#[must_use]
pub(crate) fn row_scale(quote: &str) -> Option<RowScale> {
    let (units, figures_from, separator) = cells_of_row(quote)?;
    units.into_iter().find_map(|unit| {
        scale_at(&quote[unit.clone()]).map(|(factor, _)| RowScale {
            factor,
            unit,
            figures_from,
            separator,
        })
    })
}

/// The places for a unit of the row `quote` ([`row_units`]), where its second cell starts, and
/// what parts its cells.
fn cells_of_row(quote: &str) -> Option<(Vec<Range<usize>>, usize, char)> {
    let separator = ['\t', '|'].into_iter().find(|&s| quote.contains(s))?;
    let has_digit =
        |range: &Range<usize>| quote[range.clone()].contains(|c: char| c.is_ascii_digit());
    let mut units = Vec::new();
    let mut label = None;
    let mut start = 0;
    let mut figures_from = quote.len();
    for (index, part) in quote.split(separator).enumerate() {
        let lead = part.len() - part.trim_start().len();
        let cell = start + lead..start + lead + part.trim().len();
        let bracket = unit_bracket(&quote[cell.clone()])
            .map(|inside| cell.start + inside.start..cell.start + inside.end);
        if index == 0 {
            label = bracket;
        } else {
            figures_from = figures_from.min(start);
            if !cell.is_empty() && !has_digit(&cell) {
                units.push(bracket.unwrap_or(cell));
            }
        }
        start += part.len() + separator.len_utf8();
    }
    units.extend(label.filter(|l| !has_digit(l)));
    Some((units, figures_from, separator))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_words_are_read_in_any_case_and_two_in_a_row_multiply() {
        assert_eq!(scale_at(" tỷ đồng"), Some((1e9, " đồng")));
        assert_eq!(scale_at("\u{a0}Triệu"), Some((1e6, "")));
        assert_eq!(scale_at(" nghìn tỷ"), Some((1e12, "")));
        assert_eq!(scale_at(" triệu  tỷ đồng"), Some((1e15, " đồng")));
        // A smaller second is a part of its own, and a word must end where its letters do.
        assert_eq!(scale_at(" tỷ 500 triệu"), Some((1e9, " 500 triệu")));
        assert_eq!(scale_at(" tỷ triệu"), Some((1e9, " triệu")));
        assert_eq!(scale_at(" tỷ/năm"), Some((1e9, "/năm")));
        assert_eq!(scale_at(" tỷ-nghìn"), Some((1e9, "-nghìn")));
        assert_eq!(scale_at(" tỷlệ"), None);
        assert_eq!(scale_at(" triệuphú"), None);
        assert_eq!(scale_at(" trạm"), None);
    }

    #[test]
    fn a_share_is_no_scale() {
        for share in [" tỷ lệ", " Tỷ lệ hộ", " tỉ\u{a0}lệ", " TỶ  LỆ"] {
            assert_eq!(scale_at(share), None, "{share}");
        }
    }

    #[test]
    fn a_row_writes_its_unit_in_a_cell_of_its_own_before_its_labels_bracket() {
        let units = |quote: &str| -> Vec<String> {
            row_units(quote)
                .into_iter()
                .map(|r| quote[r].to_owned())
                .collect()
        };
        assert_eq!(
            units("Doanh thu (tỷ đồng) | triệu đồng | 5 | 6"),
            ["triệu đồng", "tỷ đồng"]
        );
        assert_eq!(units("Tỷ lệ (%)\t80\tĐạt (loại A)"), ["loại A", "%"]);
        // A bracket with a figure in it, or too long to be a unit, is none.
        assert_eq!(units("Số xã (năm 2023) | 12"), Vec::<String>::new());
        assert_eq!(
            units("Số điểm (không kể các điểm của doanh nghiệp) | 12"),
            Vec::<String>::new()
        );
        assert_eq!(units("Doanh thu đạt 25 tỷ đồng"), Vec::<String>::new());
    }

    #[test]
    fn a_rows_scale_wins_over_a_unit_without_one() {
        let scale = |quote: &str| row_scale(quote).map(|r| r.factor);
        assert_eq!(scale("Doanh thu | % | tỷ đồng | 5"), Some(1e9));
        assert_eq!(scale("Doanh thu (nghìn tỷ đồng) | 1,5"), Some(1e12));
        assert_eq!(scale("Tỷ lệ (%) | 80 | Đạt"), None);
        // "Tỷ lệ" opens a label; as a unit it is no scale either.
        assert_eq!(scale("Chỉ tiêu | tỷ lệ | 80"), None);
        let row = row_scale("Kinh phí | tỷ đồng | 25").expect("a scale");
        assert_eq!((row.unit, row.figures_from), (12..24, 11));
    }
}
