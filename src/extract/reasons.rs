//! Why a number is not proposed as a figure: the closed set of reasons, and the rules that
//! give them.
//!
//! The rules are linguistic: the shape of the token (a date, a document code), the words right
//! before it (`Nghị quyết số`, `lần thứ`, `năm`), the noun right after it (`năm qua`, `giai
//! đoạn`, `tấn`), markers of the whole country or another province, and where it sits on the
//! page (furniture, addresses). They never look at a particular report.

use super::context::{contains_phrase, ends_with_phrase, first_word, is_space, starts_with_phrase};
use super::layout::Layout;
use super::tokens::{Shape, is_year};

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

/// Kinds of document whose numbers are written after their name, with or without "số".
const DOCUMENTS: &[&str] = &[
    "nghị quyết",
    "nghị định",
    "quyết định",
    "thông tư",
    "chỉ thị",
    "kế hoạch",
    "công văn",
    "hướng dẫn",
    "đề án",
    "luật",
    "thông báo",
    "tờ trình",
    "kết luận",
    "công điện",
    "quy định",
    "văn bản",
    "báo cáo",
    "chương trình",
];

/// Words after which a number is a place in a sequence or part of a name.
const ORDINAL_WORDS: &[&str] = &[
    "thứ",
    "giai đoạn",
    "phiên bản",
    "khóa",
    "khoá",
    "lần",
    "đợt",
    "kỳ",
    "mục",
    "điều",
    "khoản",
    "chương",
    "phần",
    "tổ máy",
    "số",
    "mức độ",
    "mức",
];

/// Words after which a number is a phone number or an address.
const CONTACT_WORDS: &[&str] = &[
    "điện thoại",
    "điện thoại:",
    "đt",
    "đt:",
    "sđt",
    "hotline",
    "hotline:",
    "đường dây nóng",
    "tổng đài",
    "fax",
    "fax:",
    "số nhà",
    "địa chỉ",
    "địa chỉ:",
];

/// Nouns of time: a number before them is a duration.
const TIME_NOUNS: &[&str] = &[
    "năm",
    "tháng",
    "tuần",
    "ngày",
    "phút",
    "giây",
    "thập kỷ",
    "thế kỷ",
];

/// Words before a number that make it a point in time.
const TIME_WORDS: &[&str] = &["ngày", "tháng", "quý", "tuần", "năm"];

/// Nouns that count the parts of the text itself.
const STRUCTURE_NOUNS: &[&str] = &[
    "giai đoạn",
    "loại hình",
    "trụ cột",
    "khâu đột phá",
    "đột phá",
    "nhóm giải pháp",
    "nhóm nhiệm vụ",
    "nhiệm vụ trọng tâm",
    "giải pháp",
    "nội dung",
    "mục tiêu",
    "quan điểm",
    "nguyên tắc",
    "bước",
];

/// Nouns after a number that place it outside the province.
const ELSEWHERE_NOUNS: &[&str] = &[
    "tỉnh",
    "tỉnh thành",
    "tỉnh, thành",
    "tỉnh, thành phố",
    "địa phương",
    "quốc gia",
    "nước",
];

/// Phrases that place a statement outside the province.
const ELSEWHERE_PHRASES: &[&str] = &["cả nước", "toàn quốc", "thế giới", "toàn cầu"];

/// Words of figures that are not about ICT.
const NOT_ICT: &[&str] = &[
    "bờ biển",
    "tấn",
    "mw",
    "kw",
    "kwh",
    "gw",
    "ha",
    "héc-ta",
    "hecta",
    "km2",
    "km²",
    "m2",
    "m²",
    "người khmer",
    "dân tộc",
    "tham quan",
    "du khách",
    "lượt khách",
    "khách du lịch",
    "giường bệnh",
    "tổ máy",
    "công suất",
];

/// Verbs of change: the number right after one (past a qualifier, "tăng hơn 5%") is by how much
/// a figure moved. "Tăng lên", "giảm còn" and "giảm xuống" end in another word and state the
/// level reached.
const CHANGE_WORDS: &[&str] = &[
    "tăng",
    "giảm",
    "tăng thêm",
    "giảm thêm",
    "tăng được",
    "giảm được",
];

/// Units of a difference, whatever the verb: "cao hơn 5 điểm phần trăm".
const DIFFERENCE_UNITS: &[&str] = &["điểm phần trăm", "điểm %"];

/// Words after which a number is a rank.
const RANK_WORDS: &[&str] = &["xếp thứ", "đứng thứ", "xếp hạng", "hạng thứ", "đứng hạng"];

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

/// Ordinals, numbered names, one-stop shops, titles in quotation marks, and numbers between two
/// capitalised words of a name (`Fanpage 1022 Tây Ninh`, `Duyên Hải 1)`).
fn is_name(sight: &Sight<'_>) -> bool {
    let before = sight.before;
    let counted_after_so = ["tổng số", "có số", "với số", "là số"]
        .iter()
        .any(|w| ends_with_phrase(before, w));
    // A listed level or ordinal is a small whole number ("mức độ 3 và 4"), never "1.500".
    let small = sight.end - sight.start <= 2
        && sight.text[sight.start..sight.end]
            .bytes()
            .all(|b| b.is_ascii_digit());
    if !counted_after_so && (is_ordinal(before) || small && continues_ordinal(before)) {
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
