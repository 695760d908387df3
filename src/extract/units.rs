//! What a number counts: its unit (`%`, `tỷ đồng`, `/100 dân`, `km`) and the noun after it
//! (`trạm BTS`, `máy chủ`, `thuê bao điện thoại di động`).
//!
//! Reads the words right after a number as Vietnamese reports write them: a `%` with or without
//! a space, a scale word (`nghìn`, `ngàn`, `triệu`, `tỷ`) that multiplies the number, a currency
//! (`đồng`), a rate per 100 people or households written after the noun (`thuê bao/100 dân`),
//! people per point (`người/điểm`). It knows nothing of indicators.

use std::ops::Range;

use super::context::{skip_spaces, strip_phrase};
use super::text_tables::Cell;
use crate::model::Unit;
use crate::parse::{QuotedRow, parse_vietnamese_number, scale_at};

/// Words that end the noun phrase after a number: conjunctions, prepositions, linking verbs.
const STOP_WORDS: &[&str] = &[
    "và",
    "với",
    "của",
    "là",
    "được",
    "đã",
    "để",
    "trong",
    "tại",
    "cho",
    "từ",
    "đến",
    "tới",
    "theo",
    "thì",
    "nhưng",
    "có",
    "đang",
    "sẽ",
    "gồm",
    "trên",
    "hơn",
    "đạt",
    "nhằm",
    "cùng",
    "như",
    "so",
    "khi",
    "còn",
    "vào",
    "phục",
    "thường",
    "chiếm",
];

/// Currencies other than the đồng, in which no indicator of the catalogue is counted: a figure
/// in one is money, never a count of the currency ("120 triệu USD"). Read where running text
/// writes them, after the number, and in any place a table's row names its unit.
const FOREIGN_CURRENCIES: &[&str] = &["usd", "đô la", "đôla", "đô-la", "eur", "euro"];

/// The longest noun phrase kept, in words.
const NOUN_WORDS: usize = 8;

/// What the words after a number say it counts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reading {
    /// The unit the words name; a bare number counts things.
    pub unit: Unit,
    /// The factor of a scale word (`triệu` is 10^6), 1 without one.
    pub scale: f64,
    /// The noun phrase counted, as written (`trạm BTS`); may be empty.
    pub counted: String,
    /// Byte length, from the end of the number, of everything read (unit and noun).
    pub read_len: usize,
    /// Byte range, relative to the end of the number, of a rate's `100` (`/100 dân`).
    pub rate_digits: Option<Range<usize>>,
    /// A smaller amount written after the scale word, part of the same figure (the `500` of
    /// `25 tỷ 500 triệu đồng`): its value in the number's scale, and the byte range, relative
    /// to the end of the number, from its digits to the end of its scale word.
    pub remainder: Option<(f64, Range<usize>)>,
    /// Whether the figure is an amount of a currency other than the đồng, which no unit of the
    /// catalogue measures: it fits no indicator.
    pub foreign_money: bool,
    /// Whether its table's column heading names a unit that scales it ("Kinh phí (tỷ đồng)"),
    /// which its quote, the row, does not hold: its value is known in no indicator's unit, so
    /// it fits none.
    pub scaled_elsewhere: bool,
}

/// Reads what comes after a number (`rest` is the text right after its last digit).
pub(super) fn read(rest: &str) -> Reading {
    let offset = |tail: &str| rest.len() - tail.len();
    let spaced = skip_spaces(rest);
    let mut unit = Unit::Count;
    let mut scale = 1.0;
    let mut tail = rest;
    let mut remainder = None;
    if let Some(after) = spaced.strip_prefix('%') {
        unit = Unit::Percent;
        tail = after;
    } else if let Some((factor, after)) = scale_at(spaced) {
        scale = factor;
        tail = after;
        if let Some((value, from, after)) = smaller_amount(after, factor) {
            remainder = Some((value, offset(from)..offset(after)));
            tail = after;
        }
        let after = tail;
        if let Some(after) = ["đồng", "đ", "vnđ", "vnd"]
            .iter()
            .find_map(|currency| strip_phrase(skip_spaces(after), currency))
        {
            unit = if factor >= 1e9 {
                Unit::VndBillion
            } else {
                Unit::VndMillion
            };
            tail = after;
        }
    } else if let Some(after) = strip_phrase(rest, "km").or_else(|| strip_phrase(spaced, "km")) {
        unit = Unit::Km;
        tail = after;
    } else if let Some(after) = strip_phrase(spaced, "mbps") {
        unit = Unit::Mbps;
        tail = after;
    } else if let Some(after) = strip_phrase(spaced, "gbps") {
        unit = Unit::Gbps;
        tail = after;
    }
    let noun = skip_spaces(tail);
    let noun_start = offset(noun);
    let noun_len = noun_phrase(noun);
    let mut read_len = noun_start + noun_len;
    let mut rate_digits = None;
    if let Some((rate, digits, rate_len)) = rate_after(&rest[read_len..], &noun[..noun_len]) {
        if unit == Unit::Count || unit == Unit::Km && rate == Unit::PeoplePerPoint {
            unit = rate;
        }
        rate_digits = digits.map(|d| read_len + d.start..read_len + d.end);
        read_len += rate_len;
    }
    let counted = rest[noun_start..read_len].trim_end();
    Reading {
        unit,
        scale,
        foreign_money: unit == Unit::Count
            && FOREIGN_CURRENCIES
                .iter()
                .any(|currency| strip_phrase(counted, currency).is_some()),
        counted: counted.to_owned(),
        read_len,
        rate_digits,
        remainder,
        scaled_elsewhere: false,
    }
}

/// What a number in a table's cell counts (`number` is where its digits lie): a unit written
/// in the cell itself ("85,2%", "3 tỷ đồng"), else its row's ([`in_row`]); what it counts is
/// the row's label.
pub(super) fn in_cell(text: &str, number: Range<usize>, cell: &Cell) -> Reading {
    let own = read(&text[number.end..cell.span.end.max(number.end)]);
    let in_quote = |range: &Range<usize>| {
        (cell.row.start <= range.start && range.end <= cell.row.end)
            .then(|| range.start - cell.row.start..range.end - cell.row.start)
    };
    let units_column = cell.unit.as_ref().and_then(in_quote);
    // The figure's cell ends the quote or lies in it.
    let number = number.start - cell.row.start..number.end - cell.row.start;
    let mut reading = in_row(own, &text[cell.row.clone()], number, units_column);
    text[cell.label.clone()].clone_into(&mut reading.counted);
    // A unit the column's heading names ("Tỷ lệ (%)", "Kinh phí (tỷ đồng)"), which the quote,
    // the row, does not hold: taken only when it scales nothing, so that the figure is still
    // the value its quote states; otherwise the figure fits no indicator.
    if let Some(heading) = &cell.heading_unit
        && reading.unit == Unit::Count
        && reading.scale == 1.0
    {
        let named = read(&text[heading.clone()]);
        reading.foreign_money |= named.foreign_money;
        if named.scale == 1.0 && !named.foreign_money {
            if named.unit != Unit::Count {
                reading.unit = named.unit;
            }
        } else {
            reading.scaled_elsewhere = true;
        }
    }
    reading
}

/// `reading`, of the number whose digits lie at `number` in `quote`, with its unit and scale
/// read as `validate` reads the quote when the quote is a row of a table's cells: within the
/// number's cell, and, when the number has no unit of its own, the row's
/// (`parse::QuotedRow`). The row's scale wins, wherever it writes one; without one, its
/// cell in a column of units (`units_column`, in the quote), else its first place for a unit
/// that names one ("%" in a column of another heading, the label's bracket). This also reads a
/// number of running text whose quote is nonetheless a row ("Kinh phí\ttỷ đồng\t25", a row of
/// no table found); a number before the quote's first tab or `|` is read as running text, a
/// tab after it a space ("đạt 1.250\ttỷ đồng", as text copied from a document has it).
pub(super) fn in_row(
    reading: Reading,
    quote: &str,
    number: Range<usize>,
    units_column: Option<Range<usize>>,
) -> Reading {
    // Before the row's first tab or `|`, running text, read as it is.
    let Some(row) = QuotedRow::of(quote).filter(|row| row.is_figure(number.start)) else {
        return reading;
    };
    let after = &quote[number.end..];
    let own = read(row.in_cell(after));
    let unit = if row.gives_unit_to(number.start, after) {
        let mut unit = match row.scale() {
            Some((unit, _)) => read(&quote[unit]),
            None => unit_named(quote, &row, units_column),
        };
        // A currency the figure's own cell names ("45 USD") is no unit of the row's rule,
        // but the money is still another currency's.
        unit.foreign_money |= own.foreign_money;
        unit
    } else {
        own
    };
    Reading {
        unit: unit.unit,
        scale: unit.scale,
        foreign_money: unit.foreign_money,
        ..reading
    }
}

/// The unit of a row without a scale: its cell in a column of units (`units_column`), else its
/// first place for a unit that names one (`parse::QuotedRow::units`), read from `quote`.
fn unit_named(quote: &str, row: &QuotedRow, units_column: Option<Range<usize>>) -> Reading {
    let column = units_column.map(|unit| read(&quote[unit]));
    // A column of units that names what is counted ("Doanh nghiệp") is the row's unit, whatever
    // currency the label's bracket names.
    let counts = column.as_ref().is_some_and(|column| {
        column.unit == Unit::Count && !column.foreign_money && !column.counted.is_empty()
    });
    column
        .into_iter()
        .chain(row.units().iter().map(|unit| read(&quote[unit.clone()])))
        // Another currency than the đồng ("USD" in a column of units, "(USD)" after the label)
        // names the row's unit as well as a unit of the catalogue does.
        .find(|unit| unit.unit != Unit::Count || unit.foreign_money && !counts)
        // A scale the row's rule does not see (in a cell with a digit before its bracket) is
        // not read.
        .filter(|unit| unit.scale == 1.0)
        .unwrap_or_else(|| read(""))
}

/// The smaller amount of an amount in two scales that `rest`, the text right after a number,
/// goes on with, as [`Reading::remainder`] gives it: all of the reading a number set aside
/// needs, so that its smaller part is set aside with it.
pub(super) fn remainder(rest: &str) -> Option<(f64, Range<usize>)> {
    let (factor, after) = scale_at(rest)?;
    let (value, from, after) = smaller_amount(after, factor)?;
    Some((value, rest.len() - from.len()..rest.len() - after.len()))
}

/// A number and a smaller scale word right after a scale word of `factor` (`500 triệu` after
/// `25 tỷ`): the number in `factor`'s units, the text from its digits on, and the text after
/// its scale word.
fn smaller_amount(after_scale: &str, factor: f64) -> Option<(f64, &str, &str)> {
    let from = skip_spaces(after_scale);
    let rest = after_digits(from);
    let digits = from.len() - rest.len();
    let number = parse_vietnamese_number(&from[..digits])?;
    let (smaller, after) = scale_at(rest).filter(|&(smaller, _)| smaller < factor)?;
    Some((number * smaller / factor, from, after))
}

/// `text` after the number it starts with: digits, and dots or commas between them.
fn after_digits(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = 0;
    while end < bytes.len()
        && (bytes[end].is_ascii_digit()
            || matches!(bytes[end], b'.' | b',')
                && end > 0
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
    {
        end += 1;
    }
    &text[end..]
}

/// What the figure whose digits lie at `number` counts, read in its table's `cell` or after it
/// in running text; a number with decimals that counts nothing is a score (see
/// [`score_or_count`]).
pub(super) fn of_figure(
    text: &str,
    number: Range<usize>,
    value: f64,
    cell: Option<&Cell>,
) -> Reading {
    let mut reading = match cell {
        Some(cell) => in_cell(text, number.clone(), cell),
        None => read(&text[number.end..]),
    };
    // Alone in its cell, where neither the row nor the column's heading names a unit.
    let alone_in_cell = cell.is_some_and(|cell| {
        cell.heading_unit.is_none() && text[number.end..cell.span.end].trim().is_empty()
    });
    reading.unit = score_or_count(&reading, value, alone_in_cell);
    reading
}

/// A bare number with decimals counts nothing: where it is not a change in points ("6,2 điểm
/// phần trăm"), it is an index's score, on the scale its size allows ("Chỉ số DTI đạt 0,4526",
/// "đạt 7,25 điểm"), and so is one alone in a table's cell (`alone_in_cell`), whose row and
/// column named no unit: "Chỉ số DTI\t0,4821", a province's "0,4821" under "DTI".
fn score_or_count(reading: &Reading, value: f64, alone_in_cell: bool) -> Unit {
    let counted = reading.counted.to_lowercase();
    let bare = alone_in_cell || counted.is_empty() || counted == "điểm";
    if reading.unit != Unit::Count || reading.scale != 1.0 || value.fract() == 0.0 || !bare {
        return reading.unit;
    }
    match value {
        v if (0.0..=1.0).contains(&v) => Unit::Score0To1,
        v if (1.0..=10.0).contains(&v) => Unit::Score1To10,
        _ => Unit::Count,
    }
}

/// The noun phrase at the start of `text`, in bytes: words up to punctuation, a line break or a
/// stop word, at most [`NOUN_WORDS`] words.
fn noun_phrase(text: &str) -> usize {
    let mut previous: Option<String> = None;
    let mut end = 0;
    let mut words = 0;
    let mut at = 0;
    while words < NOUN_WORDS {
        let rest = &text[at..];
        let spaces = rest.len() - skip_spaces(rest).len();
        let word_len: usize = rest[spaces..]
            .chars()
            .take_while(|&c| c.is_alphanumeric() || matches!(c, '&' | '-'))
            .map(char::len_utf8)
            .sum();
        let word = &rest[spaces..spaces + word_len];
        // A number is never part of what another counts ("4G" is a word).
        if word_len == 0 || word.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        let word = word.to_lowercase();
        if STOP_WORDS.contains(&word.as_str())
            || moves(&word, previous.as_deref(), &rest[spaces + word_len..])
        {
            break;
        }
        previous = Some(word);
        at += spaces + word_len;
        end = at;
        words += 1;
    }
    end
}

/// Whether `word` (in lower case, after `previous`, before `rest`) says where a level moves,
/// which no noun holds: the level a change reaches ("từ 0,41 lên 0,55", "giảm từ 1.200 xuống
/// 1.150"), or "trở lên", at least ("200 doanh nghiệp trở lên"); but "lượt tải xuống" (a
/// download) and "trở ngại" (an obstacle) are nouns.
fn moves(word: &str, previous: Option<&str>, rest: &str) -> bool {
    match word {
        "lên" | "xuống" => previous != Some("tải"),
        "trở" => {
            let next: String = skip_spaces(rest)
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            matches!(next.as_str(), "lên" | "xuống")
        }
        _ => false,
    }
}

/// A rate written right after the noun: `/100 dân`, `/100 hộ`, or `/điểm` after `người`.
/// Returns the unit, the byte range of the `100`, and the length read.
fn rate_after(text: &str, noun: &str) -> Option<(Unit, Option<Range<usize>>, usize)> {
    let per = text.strip_prefix('/')?;
    let digits = per.bytes().take_while(u8::is_ascii_digit).count();
    let after = skip_spaces(&per[digits..]);
    let word_len: usize = after
        .chars()
        .take_while(|&c| c.is_alphanumeric() || c == ' ')
        .map(char::len_utf8)
        .sum();
    let words = after[..word_len].trim_end();
    let lower = words.to_lowercase();
    let unit = match &per[..digits] {
        "100" if lower.starts_with("hộ") => Unit::Per100Households,
        "100" if lower.starts_with("dân") || lower.starts_with("người") => Unit::Per100People,
        "" if lower.starts_with("điểm") && noun.to_lowercase().ends_with("người") => {
            Unit::PeoplePerPoint
        }
        _ => return None,
    };
    let length = text.len() - after.len() + words.len();
    Some((unit, (digits > 0).then_some(1..1 + digits), length))
}

#[cfg(test)]
mod tests {
    use super::super::proposal;
    use super::*;

    fn unit_and_noun(rest: &str) -> (Unit, f64, String) {
        let reading = read(rest);
        (reading.unit, reading.scale, reading.counted)
    }

    #[test]
    fn two_scale_words_multiply_when_the_second_is_the_larger() {
        assert_eq!(
            unit_and_noun(" nghìn tỷ đồng cho hạ tầng"),
            (Unit::VndBillion, 1e12, String::new())
        );
        assert_eq!(
            unit_and_noun(" triệu tỷ đồng"),
            (Unit::VndBillion, 1e15, String::new())
        );
        assert_eq!(read(" tỷ lệ hộ").scale, 1.0);
        // A smaller second is the smaller part of the amount, not a factor.
        let reading = read(" tỷ 500 triệu đồng");
        assert_eq!((reading.scale, reading.unit), (1e9, Unit::VndBillion));
        assert!(reading.remainder.is_some());
        let amount = proposal::value_in(1.1, 1e15, Unit::VndBillion, Unit::VndBillion);
        assert_eq!(amount, Some(1_100_000.0));
    }

    #[test]
    fn reads_percentages_money_and_counts() {
        assert_eq!(
            unit_and_noun("% trạm 4G), trên"),
            (Unit::Percent, 1.0, "trạm 4G".into())
        );
        assert_eq!(
            unit_and_noun(" % hộ gia đình có điện"),
            (Unit::Percent, 1.0, "hộ gia đình".into())
        );
        assert_eq!(
            unit_and_noun(" triệu đồng; vốn"),
            (Unit::VndMillion, 1e6, String::new())
        );
        assert_eq!(
            unit_and_noun(" tỷ đồng."),
            (Unit::VndBillion, 1e9, String::new())
        );
        assert_eq!(
            unit_and_noun(" trạm BTS (86,18%"),
            (Unit::Count, 1.0, "trạm BTS".into())
        );
        assert_eq!(
            unit_and_noun(" máy chủ vật lý, 140"),
            (Unit::Count, 1.0, "máy chủ vật lý".into())
        );
        assert_eq!(
            unit_and_noun(" xã có điểm phục vụ"),
            (Unit::Count, 1.0, "xã".into())
        );
        // The level a change reaches, and any number, end the noun; a technology does not.
        assert_eq!(
            unit_and_noun(" lên 0,5456 điểm"),
            (Unit::Count, 1.0, String::new())
        );
        assert_eq!(
            unit_and_noun(" trạm xuống 1.150 trạm"),
            (Unit::Count, 1.0, "trạm".into())
        );
        assert_eq!(
            unit_and_noun(" trạm BTS 4G 2024"),
            (Unit::Count, 1.0, "trạm BTS 4G".into())
        );
        for (rest, noun) in [
            (" doanh nghiệp trở lên”.", "doanh nghiệp"),
            (" trở ngại chính", "trở ngại chính"),
            (" lượt tải xuống", "lượt tải xuống"),
        ] {
            assert_eq!(unit_and_noun(rest).2, noun, "{rest}");
        }
    }

    #[test]
    fn reads_rates_and_distances() {
        let per_people = read(" thuê bao Internet băng rộng di động/100 dân; 8,3");
        assert_eq!(per_people.unit, Unit::Per100People);
        assert_eq!(
            per_people.counted,
            "thuê bao Internet băng rộng di động/100 dân"
        );
        assert!(per_people.rate_digits.is_some());
        assert_eq!(
            read(" máy tính/100 hộ dân; 768").unit,
            Unit::Per100Households
        );
        assert_eq!(read(" người/điểm; 112").unit, Unit::PeoplePerPoint);
        assert_eq!(read("km/điểm, phục vụ").unit, Unit::Km);
        assert_eq!(read(" km bờ biển").counted, "bờ biển");
    }
}
