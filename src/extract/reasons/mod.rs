//! Why a number is not proposed as a figure: the closed set of reasons, and the rules that
//! give them.
//!
//! The rules are linguistic: the shape of the token (a date, a document code), the words right
//! before it (`Nghị quyết số`, `lần thứ`, `năm`), the noun right after it (`năm qua`, `giai
//! đoạn`, `tấn`), markers of the whole country or another province, and where it sits on the
//! page (furniture, addresses). They never look at a particular report.

mod names;
mod words;

use super::context::{
    contains_phrase, ends_with_phrase, find_phrase, is_space, opens_item, starts_with_phrase,
};
use super::layout::Layout;
use super::tokens::{Shape, is_year, within_years};
use crate::parse::is_invisible;
use names::is_name;
use words::{
    CHANGE_WORDS, CONTACT_WORDS, DIFFERENCE_UNITS, DOCUMENTS, ELSEWHERE_NOUNS, ELSEWHERE_PHRASES,
    LEVEL_WORDS, NOT_ICT, PASSED, RANK_PLACES, RANK_WORDS, RANKS_PASSED, SHARE_OF, STRUCTURE_NOUNS,
    TIME_NOUNS, TIME_WORDS,
};

/// Why a number of the text is not a candidate figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// A date, a time of day, a year or a span of years that says when, not how much.
    Date,
    /// A length of time ("sau 8 năm", "12 năm qua").
    Duration,
    /// The number of a document ("749/QĐ-TTg", "Nghị quyết số 09").
    DocumentNumber,
    /// A phone number, a postal or web address.
    Contact,
    /// Page furniture: datelines, counters, ratings, menus, appended articles.
    PageFurniture,
    /// Part of a name or a label: ordinals ("lần thứ 3"), versions ("4.0"), technologies
    /// ("4G", "IPv6"), titles, numbered names ("một cửa", "Fanpage 1022 Tây Ninh").
    Name,
    /// A count of the text's own parts: phases, kinds, pillars ("2 giai đoạn", "trên 3 trụ cột").
    Structure,
    /// About the whole country or another province ("một trong 27 tỉnh", "dân số cả nước").
    Elsewhere,
    /// Not about ICT: coastline, tonnage, power, land area, ethnic make-up, tourism.
    NotIct,
    /// A figure already proposed earlier in the text, stated again.
    Restatement,
    /// A change between two times, not a level: "tăng 6,2 điểm phần trăm", "giảm 3 bậc",
    /// "tăng thêm 120 trạm", a signed "-2,5%" (but "tăng lên 80%" states the level reached);
    /// or the earlier level a change starts from, the 0,41 of "tăng từ 0,41 lên 0,55".
    Change,
    /// Digits that are no number under Vietnamese rules ("7,197,870").
    Unreadable,
    /// A number of a text in English, whose numbers follow other rules ("2,860" is two
    /// thousand eight hundred and sixty), which the assistant does not read.
    OtherLanguage,
}

impl Reason {
    /// Every reason, in declaration order.
    pub const ALL: &'static [Reason] = &[
        Reason::Date,
        Reason::Duration,
        Reason::DocumentNumber,
        Reason::Contact,
        Reason::PageFurniture,
        Reason::Name,
        Reason::Structure,
        Reason::Elsewhere,
        Reason::NotIct,
        Reason::Restatement,
        Reason::Change,
        Reason::Unreadable,
        Reason::OtherLanguage,
    ];

    /// The stable name, as serialised (`documentNumber`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Date => "date",
            Reason::Duration => "duration",
            Reason::DocumentNumber => "documentNumber",
            Reason::Contact => "contact",
            Reason::PageFurniture => "pageFurniture",
            Reason::Name => "name",
            Reason::Structure => "structure",
            Reason::Elsewhere => "elsewhere",
            Reason::NotIct => "notIct",
            Reason::Restatement => "restatement",
            Reason::Change => "change",
            Reason::Unreadable => "unreadable",
            Reason::OtherLanguage => "otherLanguage",
        }
    }
}

/// What a rule can see of a number.
pub(super) struct Sight<'a> {
    /// The text.
    pub text: &'a str,
    /// The token's byte range start and end.
    pub start: usize,
    /// Byte just after the token.
    pub end: usize,
    /// The token's shape.
    pub shape: Shape,
    /// Lower-cased words before, on the same line.
    pub before: &'a str,
    /// Lower-cased words after, on the same line.
    pub after: &'a str,
    /// Lower-cased clause before the number (since the last `.`, `;` or line break).
    pub clause_before: &'a str,
    /// Lower-cased clause after the number (to the next `.`, `;` or line break).
    pub clause_after: &'a str,
    /// Lower-cased names of other provinces, when the caller gave them.
    pub other_provinces: &'a [String],
    /// Whether it is a rank, and how surely ([`rank_of`] of `before`, `clause_before` and
    /// `shape`).
    pub rank: Option<Rank>,
}

/// How surely a number is a rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rank {
    /// After "xếp thứ", "đứng thứ", "thứ hạng" and the like: a rank, whatever follows it.
    Certain,
    /// After "xếp hạng", which also ranks things counted ("xếp hạng 20 trang thông tin"): a
    /// rank unless the words after it name what it counts ([`ranks_nothing_counted`]).
    OrCount,
}

/// Whether the number after `before` (the lower-cased words before it on its line, in
/// `clause_before`, its clause's) is a rank, and how surely: "xếp thứ 12/63 tỉnh", and a second
/// one the same clause ranks ("đứng thứ 9 cả nước và thứ 2 khu vực").
pub(super) fn rank_of(before: &str, clause_before: &str, shape: Shape) -> Option<Rank> {
    // A place out of all the provinces ("ở vị trí 12/63 tỉnh"), whatever the verb.
    if let Shape::Ratio(_, out_of) = shape
        && (out_of == 63.0 || out_of == 34.0)
        && ends_with_phrase(before, "vị trí")
    {
        return Some(Rank::Certain);
    }
    // "và thứ 2", ", thứ 2": not an ordinal's "thứ" ("lần thứ 3 liên tiếp").
    let again = before
        .trim_end_matches(is_space)
        .strip_suffix("thứ")
        .map(|head| head.trim_end_matches(is_space))
        .is_some_and(|head| {
            head.ends_with([',', ';'])
                || ["và", "còn", "là"]
                    .iter()
                    .any(|w| ends_with_phrase(head, w))
        });
    let ranked_again = again
        && RANK_WORDS
            .iter()
            .any(|(w, _)| contains_phrase(clause_before, w));
    if ranked_again {
        return Some(Rank::Certain);
    }
    RANK_WORDS
        .iter()
        .find(|(w, _)| ends_with_phrase(before, w))
        .map(|&(_, rank)| rank)
}

/// Whether `counted`, the words after a number ranked "xếp hạng", name where it ranks
/// ("12/63 tỉnh", "năm 2023", "ở khu vực") or nothing: a rank, and not a count of what is
/// ranked.
pub(super) fn ranks_nothing_counted(counted: &str) -> bool {
    let counted = counted.to_lowercase();
    counted.trim().is_empty() || RANK_PLACES.iter().any(|w| starts_with_phrase(&counted, w))
}

/// The reason a number is not a figure, or `None` when it may be one.
pub(super) fn reason(sight: &Sight<'_>, layout: &Layout) -> Option<Reason> {
    if layout.is_address(sight.start) {
        return Some(Reason::Contact);
    }
    if layout.is_furniture(sight.start) {
        return Some(Reason::PageFurniture);
    }
    if split_by_invisible(sight.text, sight.start, sight.end) {
        return Some(Reason::Unreadable);
    }
    let written = &sight.text[sight.start..sight.end];
    if is_phone_number(sight.text, sight.start)
        && !matches!(sight.shape, Shape::Date | Shape::DocumentCode)
    {
        return Some(Reason::Contact);
    }
    // After a contact word (with or without its colon) a number is a phone number or an
    // address, even one shaped as a year ("Hotline: 1900 1022").
    let before = sight.before.trim_end_matches(is_space);
    let before = before.strip_suffix(':').unwrap_or(before);
    if CONTACT_WORDS.iter().any(|w| ends_with_phrase(before, w)) {
        return Some(Reason::Contact);
    }
    match sight.shape {
        Shape::Date | Shape::Time => return Some(Reason::Date),
        Shape::DocumentCode => return Some(Reason::DocumentNumber),
        Shape::Version | Shape::Technology | Shape::Glued => return Some(Reason::Name),
        Shape::Unreadable => return Some(Reason::Unreadable),
        Shape::Range(low, high)
            if is_year_value(low) && is_year_value(high) && !written.contains('.') =>
        {
            return Some(Reason::Date);
        }
        Shape::Number(_) if is_year(written) => return Some(Reason::Date),
        _ => {}
    }
    let before = sight.before;
    let after = sight.after;
    // The level or the rank a change starts from, an earlier time's ("từ vị trí thứ 30 lên
    // vị trí thứ 20").
    if starts_a_change(before, after) {
        return Some(Reason::Change);
    }
    // A rank is a figure of the province, even out of all provinces: "xếp thứ 12/63 tỉnh", and
    // so is a second one the same clause ranks ("đứng thứ 9 cả nước và thứ 2 khu vực"); unless
    // its part of the sentence names another province ("tỉnh Hà Tĩnh xếp thứ 15").
    if sight.rank.is_some() {
        return names_other_province(part_before(sight), sight.other_provinces)
            .then_some(Reason::Elsewhere);
    }
    if is_change(before, after) || is_signed(sight.text, sight.start) {
        return Some(Reason::Change);
    }
    if DOCUMENTS
        .iter()
        .any(|d| ends_with_phrase(before, d) || ends_with_phrase(before, &format!("{d} số")))
    {
        return Some(Reason::DocumentNumber);
    }
    if ["đường", "phố", "ngõ", "hẻm", "ngách"]
        .iter()
        .any(|w| starts_with_phrase(after, w))
    {
        return Some(Reason::Contact);
    }
    if TIME_WORDS.iter().any(|w| ends_with_phrase(before, w)) {
        return Some(Reason::Date);
    }
    if numbers_a_line(sight) {
        return Some(Reason::Structure);
    }
    if is_name(sight) {
        return Some(Reason::Name);
    }
    if TIME_NOUNS.iter().any(|w| starts_with_phrase(after, w)) {
        return Some(Reason::Duration);
    }
    if STRUCTURE_NOUNS.iter().any(|w| starts_with_phrase(after, w)) {
        return Some(Reason::Structure);
    }
    if is_elsewhere(sight) {
        return Some(Reason::Elsewhere);
    }
    let noun = words(after, 4);
    if NOT_ICT.iter().any(|w| contains_phrase(&noun, w)) && !contains_phrase(&noun, "tấn công") {
        return Some(Reason::NotIct);
    }
    None
}

/// Whether the number says by how much something moved: after a verb of change (past its
/// qualifier), before a unit of difference, or after "vượt" with what it passed named in its
/// part of the clause ("vượt 20% kế hoạch", "vượt 3 bậc").
fn is_change(before: &str, after: &str) -> bool {
    let (_, back) = crate::parse::qualifier_before(before);
    let (verb, qualifier) = before.split_at(before.len() - back);
    CHANGE_WORDS.iter().any(|w| ends_with_phrase(verb, w))
        || DIFFERENCE_UNITS
            .iter()
            .any(|u| starts_with_phrase(after, u))
        || qualifier.starts_with("vượt") && passes_by(after)
}

/// Whether the number is the level a change starts from, an earlier time's and not the one
/// the text reports: "từ" before it, past the words that name a level or a rank ("từ mức",
/// "từ vị trí thứ"), and within eight words on in its part of the sentence, before any "để",
/// "lên" or "xuống" with the level reached right after ("tăng từ 0,41 lên 0,55 điểm", "từ 45%
/// năm 2022 lên 78%", "giảm từ 1.200 xuống còn 1.150 trạm", "từ vị trí thứ 30 lên vị trí thứ
/// 20"). Not "từ 200 doanh nghiệp trở lên", which is at least 200, nor "từ 150 Mbps tải
/// xuống", a download, nor "từ 50 triệu đồng để nâng cấp đường truyền lên 100 Mbps".
fn starts_a_change(before: &str, after: &str) -> bool {
    let from = before
        .split_whitespace()
        .rev()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .take(4)
        .find(|word| !LEVEL_WORDS.contains(word));
    if from != Some("từ") {
        return false;
    }
    // Its part of the sentence: a dot followed by a space ends a sentence; one between digits
    // groups them ("1.150").
    let sentence = after.split(". ").next().unwrap_or(after);
    let part = sentence
        .split([',', ';', ':', '(', ')', '!', '?', '…'])
        .next()
        .unwrap_or(sentence);
    // A purpose ("để nâng cấp … lên 100 Mbps") is another clause.
    let words: Vec<&str> = part
        .split_whitespace()
        .take_while(|&w| w != "để")
        .take(8)
        .collect();
    words.iter().enumerate().any(|(i, &word)| {
        // The level reached, past the words that name it ("lên vị trí thứ 20", "xuống còn").
        let reached = words[i + 1..]
            .iter()
            .find(|w| !LEVEL_WORDS.contains(w) && !matches!(**w, "còn" | "đến" | "tới"));
        matches!(word, "lên" | "xuống")
            && (i == 0 || !matches!(words[i - 1], "trở" | "tải"))
            && reached.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Whether the words after a number that "vượt" qualifies name what it passed, in its part of
/// the clause: a plan or an earlier time a few words on, or a rank right after it.
fn passes_by(after: &str) -> bool {
    let part = after
        .split([',', ';', '.', ':', '('])
        .next()
        .unwrap_or(after);
    // Far enough for an amount's unit and what it counts ("vượt 1.200 thuê bao so với cùng kỳ").
    let named = words(part, 8);
    let mut next = part.split_whitespace().skip_while(|w| *w == "%");
    let (first, second) = (next.next(), next.next());
    let rank = first.is_some_and(|w| RANKS_PASSED.contains(&w))
        && !second.is_some_and(|w| w == "học" || w == "mục");
    rank || PASSED.iter().any(|w| contains_phrase(&named, w))
        && !SHARE_OF.iter().any(|w| contains_phrase(&named, w))
}

/// The first `count` words of `text`, one space between each.
fn words(text: &str, count: usize) -> String {
    text.split_whitespace()
        .take(count)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the number at `start` carries a sign of its own ("tăng trưởng -2,5%", "giảm −12%",
/// "+5,3%"): a signed number is a difference, never a level. A hyphen or a plus that opens a
/// list item is its mark, written without its space ("-100% xã có cáp quang"); the minus sign
/// (U+2212) is only ever a sign.
fn is_signed(text: &str, start: usize) -> bool {
    let head = &text[..start];
    match head.chars().next_back() {
        Some('\u{2212}') => true,
        Some(sign @ ('-' | '+')) => {
            let at = start - sign.len_utf8();
            text[..at].ends_with([' ', '(', '\u{a0}']) && !opens_item(text, at)
        }
        _ => false,
    }
}

/// Whether the digits from `start` to `end` are part of a number that an invisible character
/// splits ("1\u{200b}234", as pages copied from the web can hold): read apart, each part would
/// be a number of its own, and the one after the character a figure it is not.
fn split_by_invisible(text: &str, start: usize, end: usize) -> bool {
    let splits = |mut side: std::str::Chars<'_>, backwards: bool| {
        let mut next = || {
            if backwards {
                side.next_back()
            } else {
                side.next()
            }
        };
        next().is_some_and(|c| is_invisible(c) && !c.is_whitespace())
            && next().is_some_and(|c| c.is_ascii_digit())
    };
    splits(text[..start].chars(), true) || splits(text[end..].chars(), false)
}

/// Whether the number numbers a heading or an item of a list: the first thing on its line
/// (after any bullet), one or two digits, then a full stop or a bracket, a space and a capital
/// ("1. Hạ tầng số", "2) Chính quyền số"), after a line that ends its sentence or is short.
fn numbers_a_line(sight: &Sight<'_>) -> bool {
    let text = sight.text;
    let written = &text[sight.start..sight.end];
    let opens_line = sight
        .before
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '*' | '-' | '+'))
        .is_empty();
    let heading = [". ", ") ", ".\t", ")\t"].iter().any(|mark| {
        text[sight.end..]
            .strip_prefix(mark)
            .and_then(|rest| rest.trim_start().chars().next())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    // A line wrapped inside a sentence ("… có người phục vụ là\n95. Tỷ lệ …") goes on: the line
    // before a heading is blank, ends its own sentence, or is a heading itself, short.
    let line_start = text[..sight.start].rfind('\n').map_or(0, |i| i + 1);
    let previous = line_start
        .checked_sub(1)
        .map(|end| text[..end].rsplit('\n').next().unwrap_or_default().trim());
    let after_a_break = previous.is_none_or(|line| {
        line.is_empty()
            || line.ends_with(['.', ':', ';', '!', '?', ')'])
            || line.split_whitespace().count() <= 8
    });
    opens_line
        && heading
        && after_a_break
        && (1..=2).contains(&written.len())
        && written.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the number at byte `start` begins a phone number: a run of digit groups joined by
/// single spaces, dots or hyphens that starts with 0 and has nine digits or more (a
/// subscriber's number, "0263 3822 456"), or starts with 1800 or 1900 as a group of its own
/// and has eight to ten (a service's, "1900 9090", whose first group reads as a year). The
/// groups after the first are set aside with it, as the reader sets aside what continues a
/// contact.
fn is_phone_number(text: &str, start: usize) -> bool {
    let run = &text[start..];
    let digits = phone_digits(run);
    // A service's number in groups: "19000000 đồng" is an amount.
    let grouped = matches!(run.as_bytes().get(4), Some(b' ' | b'.' | b'-'));
    (run.starts_with('0') && digits >= 9)
        || ((run.starts_with("1900") || run.starts_with("1800"))
            && grouped
            && (8..=10).contains(&digits))
}

/// The digits of the groups that start `text`, separated by one space, dot or hyphen each
/// ("0271 3879 123", "0913.456.789"): a phone number's, when they are nine or more.
fn phone_digits(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut digits, mut at) = (0, 0);
    loop {
        let run = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run == 0 {
            return digits;
        }
        digits += run;
        at += run;
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b' ' | b'.' | b'-'), Some(next)) if next.is_ascii_digit() => at += 1,
            _ => return digits,
        }
    }
}

fn is_year_value(value: f64) -> bool {
    within_years(value) && value.fract() == 0.0
}

/// "Một trong 27 tỉnh", "dân số cả nước", counts of provinces, or another province named in
/// the clause.
fn is_elsewhere(sight: &Sight<'_>) -> bool {
    if ends_with_phrase(sight.before, "một trong") {
        return true;
    }
    if ELSEWHERE_NOUNS
        .iter()
        .any(|w| starts_with_phrase(sight.after, w))
    {
        return true;
    }
    // Only the comma parts of the number: "65 km bờ biển, …, 1,13% dân số cả nước" places the
    // last figure, not the first, outside the province; "đạt 55%, cả nước đạt 75%" the second;
    // "đạt 55%, thấp hơn tỉnh Khánh Hòa (61%)" the second.
    let (before, after) = (part_before(sight), part_after(sight));
    if ELSEWHERE_PHRASES
        .iter()
        .any(|w| contains_phrase(after, w) || names_the_whole_before(before, w))
    {
        return true;
    }
    names_other_province(before, sight.other_provinces)
        || names_other_province(after, sight.other_provinces)
}

/// The number's part of its clause before it, from the last comma.
fn part_before<'a>(sight: &Sight<'a>) -> &'a str {
    sight.clause_before.rsplit(',').next().unwrap_or("")
}

/// The number's part of its clause after it, to the next comma.
fn part_after<'a>(sight: &Sight<'a>) -> &'a str {
    sight.clause_after.split(',').next().unwrap_or("")
}

/// Whether `phrase` ("cả nước") before the number makes the country its subject ("cả nước đạt
/// 75%"), not the range of a rank before it ("thứ 5 cả nước … với 0,85 điểm").
fn names_the_whole_before(before: &str, phrase: &str) -> bool {
    find_phrase(before, phrase).is_some_and(|at| {
        !before[..at]
            .trim_end_matches(is_space)
            .ends_with(|c: char| c.is_ascii_digit())
    })
}

/// Whether `clause` (lower-cased) says "tỉnh X", "thành phố X" or "TP X" for an X of `others`.
/// Whether `name`, a table's row label or column heading as written, is one of `others` (in
/// lower case), with or without its kind ("Đồng Nai", "Tỉnh Đồng Nai", "TP. Cần Thơ").
pub(super) fn is_other_province(name: &str, others: &[String]) -> bool {
    let name = name.trim().to_lowercase();
    let bare = ["tỉnh ", "thành phố ", "tp. ", "tp "]
        .iter()
        .find_map(|kind| name.strip_prefix(kind))
        .unwrap_or(&name)
        .trim();
    others.iter().any(|other| other == bare)
}

fn names_other_province(clause: &str, others: &[String]) -> bool {
    if others.is_empty() {
        return false;
    }
    ["tỉnh ", "thành phố ", "tp. ", "tp "].iter().any(|kind| {
        clause.match_indices(kind).any(|(i, _)| {
            let rest = &clause[i + kind.len()..];
            others.iter().any(|name| {
                rest.strip_prefix(name.as_str())
                    .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            })
        })
    })
}
