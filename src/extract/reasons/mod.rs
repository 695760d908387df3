//! Why a number is not proposed as a figure: the closed set of reasons, and the rules that
//! give them.
//!
//! The rules are linguistic: the shape of the token (a date, a document code), the words right
//! before it (`Nghị quyết số`, `lần thứ`, `năm`), the noun right after it (`năm qua`, `giai
//! đoạn`, `tấn`), markers of the whole country or another province, and where it sits on the
//! page (furniture, addresses). They never look at a particular report.

mod names;
mod words;

use super::context::{contains_phrase, ends_with_phrase, is_space, starts_with_phrase};
use super::layout::Layout;
use super::tokens::{Shape, is_year};
use names::is_name;
use words::{
    CHANGE_WORDS, CONTACT_WORDS, DIFFERENCE_UNITS, DOCUMENTS, ELSEWHERE_NOUNS, ELSEWHERE_PHRASES,
    NOT_ICT, RANK_WORDS, STRUCTURE_NOUNS, TIME_NOUNS, TIME_WORDS,
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
    /// "tăng thêm 120 trạm" (but "tăng lên 80%" states the level reached).
    Change,
    /// Digits that are no number under Vietnamese rules ("7,197,870").
    Unreadable,
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
}

/// The reason a number is not a figure, or `None` when it may be one.
pub(super) fn reason(sight: &Sight<'_>, layout: &Layout) -> Option<Reason> {
    if layout.is_address(sight.start) {
        return Some(Reason::Contact);
    }
    if layout.is_furniture(sight.start) {
        return Some(Reason::PageFurniture);
    }
    let written = &sight.text[sight.start..sight.end];
    let digits = written.bytes().filter(u8::is_ascii_digit).count();
    if written.starts_with('0')
        && digits >= 9
        && !matches!(sight.shape, Shape::Date | Shape::DocumentCode)
    {
        // Vietnamese phone numbers start with 0 and have ten or eleven digits, in groups.
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
    // A rank is a figure of the province, even out of all provinces: "xếp thứ 12/63 tỉnh".
    if RANK_WORDS.iter().any(|w| ends_with_phrase(before, w)) {
        return None;
    }
    if is_change(before, after) {
        return Some(Reason::Change);
    }
    if DOCUMENTS
        .iter()
        .any(|d| ends_with_phrase(before, d) || ends_with_phrase(before, &format!("{d} số")))
    {
        return Some(Reason::DocumentNumber);
    }
    if CONTACT_WORDS.iter().any(|w| ends_with_phrase(before, w))
        || ["đường", "phố", "ngõ", "hẻm", "ngách"]
            .iter()
            .any(|w| starts_with_phrase(after, w))
    {
        return Some(Reason::Contact);
    }
    if TIME_WORDS.iter().any(|w| ends_with_phrase(before, w)) {
        return Some(Reason::Date);
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
    let noun: String = after
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    if NOT_ICT.iter().any(|w| contains_phrase(&noun, w)) && !contains_phrase(&noun, "tấn công") {
        return Some(Reason::NotIct);
    }
    None
}

/// Whether the number says by how much something moved: after a verb of change (past its
/// qualifier) or before a unit of difference.
fn is_change(before: &str, after: &str) -> bool {
    let (_, qualifier_len) = super::qualifier::qualifier(before);
    let trimmed = before.trim_end_matches(is_space);
    let verb = &trimmed[..trimmed.len() - qualifier_len];
    CHANGE_WORDS.iter().any(|w| ends_with_phrase(verb, w))
        || DIFFERENCE_UNITS
            .iter()
            .any(|u| starts_with_phrase(after, u))
}

fn is_year_value(value: f64) -> bool {
    (1900.0..=2100.0).contains(&value) && value.fract() == 0.0
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
    // Only the comma part of the number: "65 km bờ biển, …, 1,13% dân số cả nước" places the
    // last figure, not the first, outside the province.
    let part = sight.clause_after.split(',').next().unwrap_or("");
    if ELSEWHERE_PHRASES.iter().any(|w| contains_phrase(part, w)) {
        return true;
    }
    names_other_province(sight.clause_before, sight.other_provinces)
        || names_other_province(sight.clause_after, sight.other_provinces)
}

/// Whether `clause` (lower-cased) says "tỉnh X" or "thành phố X" for an X of `others`.
fn names_other_province(clause: &str, others: &[String]) -> bool {
    if others.is_empty() {
        return false;
    }
    ["tỉnh ", "thành phố "].iter().any(|kind| {
        clause.match_indices(kind).any(|(i, _)| {
            let rest = &clause[i + kind.len()..];
            others.iter().any(|name| {
                rest.strip_prefix(name.as_str())
                    .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            })
        })
    })
}
