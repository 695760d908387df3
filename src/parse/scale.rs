//! The words that scale a number in Vietnamese text (`25 tỷ`, `2 nghìn tỷ`), and the unit a row
//! of a table written in text gives the figures in its cells.
//!
//! The extraction assistant proposes a figure from its quote and `validate` checks the figure
//! against the same quote: both read scales here, so that they cannot read one quote two ways.
//! This module knows words and cells, not indicators or units of the catalogue.

use std::ops::Range;

use super::SPACES;
use super::words::is_in_lower_case;

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

/// The most words in a bracket that names a unit ("(nghìn thuê bao)"); a longer one is an
/// aside ("(không kể các điểm của doanh nghiệp)").
const UNIT_BRACKET_WORDS: usize = 3;

/// What a scale word counts when a heading writes both with capitals ("Tỷ Đồng", "Nghìn Thuê
/// Bao"): with any other capitalised word it makes a name ("Triệu Sơn").
const SCALED_NOUNS: &[&str] = &[
    "đồng", "đ", "thuê", "người", "hộ", "lượt", "máy", "trạm", "usd",
];

/// The units a figure may write after it in a table's cell besides `%` and scale words, as the
/// report assistant reads them (src/extract/units.rs): a speed, a length; a rate has a `/`.
const OWN_UNITS: &[&str] = &["km", "mbps", "gbps"];

/// Words that make a scale word part of another word: "tỷ lệ" is a share, "tỷ trọng" a
/// proportion, "tỷ giá" a rate of exchange, "tỷ suất" a rate, "tỷ số" a ratio.
const NOT_SCALED_BY: &[&str] = &["lệ", "trọng", "giá", "suất", "số"];

/// The scale words `text` starts with, after any spaces: their factor and the text after them,
/// in any case ("Tỷ", "TRIỆU"). A word ends where its letters do (`tỷ/năm`, `tỷ:`). Neither
/// "tỷ lệ" and its like ([`NOT_SCALED_BY`]) nor a name written with capitals ("Triệu Sơn", a
/// district) is a scale.
#[must_use]
pub(crate) fn scale_at(text: &str) -> Option<(f64, &str)> {
    let (word, _) = word_at(text.trim_start_matches(SPACES));
    let (factor, after) = one_scale_word(text)?;
    let (next, _) = word_at(after.trim_start_matches(SPACES));
    let name = is_capitalised(word)
        && is_capitalised(next)
        && !SCALED_NOUNS.iter().any(|w| is_in_lower_case(next, w));
    if name || NOT_SCALED_BY.iter().any(|w| is_in_lower_case(next, w)) {
        return None;
    }
    Some(match one_scale_word(after) {
        Some((larger, after_larger)) if larger > factor => (factor * larger, after_larger),
        _ => (factor, after),
    })
}

/// Whether `word` is written as a name is: a capital, then small letters ("Sơn", not "SƠN").
fn is_capitalised(word: &str) -> bool {
    let mut letters = word.chars();
    letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase)
}

/// The one scale word `text` starts with, after any spaces, and the text after it. Millions
/// abbreviated before the currency, as tables and budgets write them ("Tr.đồng", "tr.đ",
/// "trđ", "tr đồng"), are a scale word too, the currency after it; "tr." alone abbreviates a
/// page.
fn one_scale_word(text: &str) -> Option<(f64, &str)> {
    let spaced = text.trim_start_matches(SPACES);
    let (word, after) = word_at(spaced);
    if is_in_lower_case(word, "tr") || is_in_lower_case(word, "trđ") {
        // "tr" is two bytes in any case; the currency follows it, right after a dot, or after
        // a space or nothing: a dot and then a space end a page's abbreviation ("45 tr.
        // Đồng thời, …").
        let rest = &spaced[2..];
        let currency = rest
            .strip_prefix('.')
            .unwrap_or_else(|| rest.trim_start_matches(SPACES));
        let (word, _) = word_at(currency);
        return (is_in_lower_case(word, "đ") || is_in_lower_case(word, "đồng"))
            .then_some((1e6, currency));
    }
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

/// A row of a table's cells as quoted (parted by tabs or `|`, its label first), as the
/// extractor and `validate` both read it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuotedRow {
    /// What parts the row's cells: a figure's own words end at it.
    separator: char,
    /// Where the cells after the label start: the figures.
    figures_from: usize,
    /// Where the row may write the unit of its figures, in order ([`QuotedRow::units`]).
    units: Vec<Range<usize>>,
    /// The first of them that starts with scale words, and their factor.
    scale: Option<(Range<usize>, f64)>,
}

impl QuotedRow {
    /// The row `quote` is, if it holds cells.
    #[must_use]
    pub(crate) fn of(quote: &str) -> Option<QuotedRow> {
        let separator = ['\t', '|'].into_iter().find(|&s| quote.contains(s))?;
        let mut units = Vec::new();
        let mut label_bracket = None;
        let mut start = 0;
        let mut figures_from = quote.len();
        for (index, part) in quote.split(separator).enumerate() {
            let lead = part.len() - part.trim_start().len();
            let cell = start + lead..start + lead + part.trim().len();
            if index == 0 {
                label_bracket = unit_bracket(&quote[cell.clone()])
                    .map(|inside| cell.start + inside.start..cell.start + inside.end)
                    .filter(|inside| !has_digit(&quote[inside.clone()]));
            } else {
                if index == 1 {
                    figures_from = start;
                }
                units.extend(unit_cell(quote, cell));
            }
            start += part.len() + separator.len_utf8();
        }
        units.extend(label_bracket);
        let scale = units.iter().find_map(|unit| {
            scale_at(&quote[unit.clone()]).map(|(factor, _)| (unit.clone(), factor))
        });
        Some(QuotedRow {
            separator,
            figures_from,
            units,
            scale,
        })
    }

    /// Where the row may write the unit of its figures, as byte ranges of the quote: each cell
    /// after the label that is no figure (a column of units: "tỷ đồng", "Tỷ đồng (giá 2010)",
    /// "(%)"), then the label's bracket ("… (%)").
    #[must_use]
    pub(crate) fn units(&self) -> &[Range<usize>] {
        &self.units
    }

    /// The row's scale: its first place for a unit that starts with scale words, with their
    /// factor. It wins over a unit without one, wherever the row writes it, so that a row
    /// that names two units is read one way.
    #[must_use]
    pub(crate) fn scale(&self) -> Option<(Range<usize>, f64)> {
        self.scale.clone()
    }

    /// The words of a figure's own cell after its digits (`after`, the quote after them).
    #[must_use]
    pub(crate) fn in_cell<'a>(&self, after: &'a str) -> &'a str {
        after.split(self.separator).next().unwrap_or(after)
    }

    /// Whether byte `at` of the quote lies in a cell after the label, where figures are; before
    /// it, the quote is read as running text.
    #[must_use]
    pub(crate) fn is_figure(&self, at: usize) -> bool {
        at >= self.figures_from
    }

    /// Whether the number at byte `at` of the quote, `after` being the quote after its digits,
    /// is in the row's unit: in a cell after the label, and without a unit of its own after
    /// it in its cell ("85,2%", "3 tỷ đồng", "45 Mbps", "12 thuê bao/100 dân"; "25 (ước)" and
    /// "25 tr" have none).
    #[must_use]
    pub(crate) fn gives_unit_to(&self, at: usize, after: &str) -> bool {
        self.is_figure(at) && !writes_own_unit(self.in_cell(after))
    }
}

/// Whether a figure's own words after it (`own`) write a unit: `%`, scale words, a speed or a
/// length ([`OWN_UNITS`]), or a rate (a `/` before any bracket).
fn writes_own_unit(own: &str) -> bool {
    let spaced = own.trim_start_matches(SPACES);
    let (word, _) = word_at(spaced);
    let head = own.split('(').next().unwrap_or(own);
    spaced.starts_with('%')
        || scale_at(spaced).is_some()
        || OWN_UNITS.iter().any(|unit| is_in_lower_case(word, unit))
        || head.contains('/')
}

/// The unit a cell after a row's label writes, if it is no figure: the cell, when it has no
/// digit before any bracket, or the bracket it is ("(%)").
fn unit_cell(quote: &str, cell: Range<usize>) -> Option<Range<usize>> {
    let written = &quote[cell.clone()];
    let head = written.split('(').next().unwrap_or(written).trim();
    if head.is_empty() {
        let inside = unit_bracket(written)?;
        let inside = cell.start + inside.start..cell.start + inside.end;
        return (!has_digit(&quote[inside.clone()]) && !inside.is_empty()).then_some(inside);
    }
    (!has_digit(head)).then_some(cell)
}

fn has_digit(text: &str) -> bool {
    text.contains(|c: char| c.is_ascii_digit())
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
    fn compounds_and_names_are_no_scales() {
        for text in [
            " tỷ trọng",
            " Tỷ giá bình quân",
            " tỷ suất",
            " tỉ số",
            " Triệu Sơn",
            " Triệu Phong",
        ] {
            assert_eq!(scale_at(text), None, "{text}");
        }
        assert_eq!(scale_at(" Tỷ đồng"), Some((1e9, " đồng")));
        for (text, rest) in [
            (" Tr.đồng", "đồng"),
            (" tr.đ/năm", "đ/năm"),
            ("trđ", "đ"),
            (" TR.Đ", "Đ"),
            (" Tr.Đ", "Đ"),
            (" tr đồng", "đồng"),
        ] {
            assert_eq!(scale_at(text), Some((1e6, rest)), "{text:?}");
        }
        // A page, or a word that starts the same.
        for text in [" tr. 12", " trạm", " tr.", " trđồng x", " tr. Đồng thời"] {
            assert_eq!(scale_at(text), None, "{text:?}");
        }
        assert_eq!(scale_at(" Tỷ Đồng"), Some((1e9, " Đồng")));
        assert_eq!(scale_at(" Nghìn Thuê Bao"), Some((1e3, " Thuê Bao")));
        assert_eq!(scale_at(" TRIỆU ĐỒNG"), Some((1e6, " ĐỒNG")));
    }

    fn units(quote: &str) -> Vec<&str> {
        QuotedRow::of(quote).map_or_else(Vec::new, |row| {
            row.units().iter().map(|r| &quote[r.clone()]).collect()
        })
    }

    #[test]
    fn a_row_writes_its_unit_in_a_cell_of_its_own_before_its_labels_bracket() {
        assert_eq!(
            units("Doanh thu (tỷ đồng) | triệu đồng | 5 | 6"),
            ["triệu đồng", "tỷ đồng"]
        );
        assert_eq!(units("Tỷ lệ (%)\t80\tĐạt (loại 1)"), ["Đạt (loại 1)", "%"]);
        assert_eq!(
            units("GRDP ngành\t25\tTỷ đồng (giá SS 2010)\t(%)"),
            ["Tỷ đồng (giá SS 2010)", "%"]
        );
        // A bracket with a figure in it, or too long to be a unit, is none.
        assert_eq!(units("Số xã (năm 2023) | 12"), Vec::<&str>::new());
        assert_eq!(
            units("Số điểm (không kể các điểm của doanh nghiệp) | 12"),
            Vec::<&str>::new()
        );
        assert!(QuotedRow::of("Doanh thu đạt 25 tỷ đồng").is_none());
    }

    #[test]
    fn a_rows_scale_wins_over_a_unit_without_one() {
        let scale = |quote: &str| QuotedRow::of(quote).and_then(|r| r.scale()).map(|s| s.1);
        assert_eq!(scale("Doanh thu | % | tỷ đồng | 5"), Some(1e9));
        assert_eq!(scale("Doanh thu (nghìn tỷ đồng) | 1,5"), Some(1e12));
        assert_eq!(scale("GRDP\t25\tTỷ đồng (giá SS 2010)"), Some(1e9));
        assert_eq!(scale("Tỷ lệ (%) | 80 | Đạt"), None);
        assert_eq!(scale("Chỉ tiêu | tỷ lệ | 80"), None);
        assert_eq!(scale("Xã Minh Sơn | Triệu Sơn | 12"), None);
        let row = QuotedRow::of("Kinh phí | tỷ đồng | 25").expect("a row");
        assert_eq!(
            (row.scale().map(|s| s.0), row.figures_from),
            (Some(12..24), 11)
        );
    }

    #[test]
    fn a_figure_with_words_of_its_own_is_not_in_the_rows_unit() {
        let row = QuotedRow::of("Kinh phí | tỷ đồng | 25 | 45 Mbps | 85,2% | 25 (ước) | 3 tỷ")
            .expect("a row");
        let quote = "Kinh phí | tỷ đồng | 25 | 45 Mbps | 85,2% | 25 (ước) | 3 tỷ";
        let given = |number: &str, nth: usize| {
            let at = quote.match_indices(number).nth(nth).expect("the number").0;
            row.gives_unit_to(at, &quote[at + number.len()..])
        };
        assert!(given("25", 0));
        assert!(!given("45", 0));
        assert!(!given("85,2", 0));
        assert!(given("25", 1));
        assert!(!given("3", 0));
        // Nor a number of the label.
        let row = QuotedRow::of("Số xã có 2 trạm | tỷ đồng | 5").expect("a row");
        assert!(!row.gives_unit_to(9, " trạm | tỷ đồng | 5"));
    }
}
