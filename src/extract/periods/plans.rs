//! The parts of a report that its outline's headings announce as work to come: under "II.
//! NHIỆM VỤ NĂM 2025" or "3. Phương hướng, nhiệm vụ năm 2025", a figure is a goal of that year
//! until the next heading of the same rank or a higher one. A heading is a short line that does
//! not end a sentence, opened by a mark of the outline (a roman numeral, a number, a letter) or
//! written in capitals. This module reads lines; it knows nothing of figures.

use std::ops::Range;

use crate::extract::context::contains_phrase;
use crate::model::Period;

/// The most words a heading has.
const HEADING_WORDS: usize = 14;

/// Words of a heading that announce work to come.
const PLAN_WORDS: &[&str] = &["nhiệm vụ", "phương hướng", "kế hoạch"];

/// Words of a heading that review work, even work a plan set: "Tình hình thực hiện kế hoạch
/// năm 2024", "Triển khai Kế hoạch chuyển đổi số năm 2024", "Kết quả … và nhiệm vụ năm 2025".
const REVIEW_WORDS: &[&str] = &[
    "kết quả",
    "tổng kết",
    "sơ kết",
    "đánh giá",
    "tình hình",
    "thực hiện",
    "triển khai",
];

/// The sections of a text that announce work to come, each with its year.
#[derive(Debug, Default, Clone)]
pub(in crate::extract) struct Plans {
    sections: Vec<(Range<usize>, u16)>,
}

impl Plans {
    /// The plan sections of `text`: each from the line after its heading to the next heading
    /// of its rank or a higher one ("Nơi nhận:" ends every section). A heading's year must
    /// come after the publication's: a report of December 2024 reviews the plan of 2024 and
    /// announces the one of 2025.
    pub(in crate::extract) fn of(text: &str, published: Option<Period>) -> Self {
        let mut sections = Vec::new();
        let mut open: Option<(usize, u8, u16)> = None;
        let mut end = 0;
        // Whether the line before was a heading in capitals without a mark: a title over two
        // lines ("TÌNH HÌNH … NĂM 2024" / "VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025") is one heading.
        let mut after_capitals = false;
        for line in text.split_inclusive('\n') {
            let start = end;
            end += line.len();
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let rank = heading_rank(line);
            let unmarked = rank == Some(1) && !starts_with_mark(line);
            let continues = unmarked && after_capitals || starts_with_and(line);
            after_capitals = unmarked;
            let Some(rank) = rank.filter(|_| !continues) else {
                continue;
            };
            if let Some((from, plan_rank, year)) = open
                && rank <= plan_rank
            {
                sections.push((from..start, year));
                open = None;
            }
            if open.is_none()
                && let Some(year) = plan_year(line)
                && published.is_none_or(|p| year > p.calendar_year())
            {
                open = Some((end, rank, year));
            }
        }
        if let Some((from, _, year)) = open {
            sections.push((from..text.len(), year));
        }
        Plans { sections }
    }

    /// The year of the plan section byte `at` lies in, if any.
    pub(in crate::extract) fn year_at(&self, at: usize) -> Option<u16> {
        self.sections
            .iter()
            .find(|(section, _)| section.contains(&at))
            .map(|&(_, year)| year)
    }
}

/// Whether `line` opens with a mark of an outline: a roman numeral, a number or a letter with
/// its dot or bracket ("II.", "3.", "b)").
fn starts_with_mark(line: &str) -> bool {
    outline_mark(line).is_some_and(|mark| mark.chars().count() <= 4)
}

/// The first word of `line` without the dot or bracket that ends it, when one does ("II" of
/// "II. NHIỆM VỤ", "b" of "b) Kinh tế số").
fn outline_mark(line: &str) -> Option<&str> {
    let first = line.split_whitespace().next()?;
    let mark = first.trim_end_matches(['.', ')']);
    (first.len() > mark.len() && !mark.is_empty()).then_some(mark)
}

/// Whether `line` opens with "và" (and), in any case: it continues the line before.
fn starts_with_and(line: &str) -> bool {
    line.split_whitespace()
        .next()
        .is_some_and(|word| word.to_lowercase() == "và")
}

/// The rank of `line` in its outline, when it is a heading: 1 for a roman numeral, capitals or
/// the recipients of an official letter ("Nơi nhận:"), 2 for a number, 3 for a letter.
fn heading_rank(line: &str) -> Option<u8> {
    // A table's row, its cells parted by tabs or bars, is no heading.
    if line.is_empty()
        || line.contains(['\t', '|'])
        || line.ends_with(['.', ';', ','])
        || line.split_whitespace().count() > HEADING_WORDS
    {
        return None;
    }
    if line.starts_with("Nơi nhận") {
        return Some(1);
    }
    if let Some(mark) = outline_mark(line) {
        if mark.bytes().all(|b| b"IVXL".contains(&b)) {
            return Some(1);
        }
        if mark.len() <= 2 && mark.bytes().all(|b| b.is_ascii_digit()) {
            return Some(2);
        }
        if mark.chars().count() == 1 && mark.chars().all(char::is_lowercase) {
            return Some(3);
        }
    }
    let capitals = line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
    capitals.then_some(1)
}

/// The one year a heading announces work for ("NHIỆM VỤ NĂM 2025", "Phương hướng, nhiệm vụ
/// năm 2025"); none when it reviews work too ("Kết quả năm 2024 và nhiệm vụ năm 2025", "Tình
/// hình thực hiện kế hoạch năm 2024") or names no year, or two.
fn plan_year(heading: &str) -> Option<u16> {
    let mut years = heading
        .char_indices()
        .filter(|&(at, c)| {
            c.is_ascii_digit() && !heading[..at].ends_with(|p: char| p.is_ascii_digit())
        })
        .filter_map(|(at, _)| {
            let digits: String = heading[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let year: u16 = digits.parse().ok().filter(|_| digits.len() == 4)?;
            (1990..=2100).contains(&year).then_some((at, year))
        });
    let (_, year) = years.next()?;
    let lower = heading.to_lowercase();
    let names = |words: &[&str]| words.iter().any(|w| contains_phrase(&lower, w));
    (years.next().is_none() && names(PLAN_WORDS) && !names(REVIEW_WORDS)).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "BÁO CÁO\nKết quả thực hiện chuyển đổi số năm 2024\n\
        I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Hạ tầng số\n- 100% xã có cáp quang.\n\
        II. NHIỆM VỤ NĂM 2025\n1. Chính quyền số\n- Phấn đấu 90% hồ sơ trực tuyến.\n\
        2. Kinh tế số\n- Kinh tế số chiếm 12% GRDP.\n\
        III. TỔ CHỨC THỰC HIỆN\n- Sở chủ trì 5 nhiệm vụ.\n\
        Nơi nhận:\n- Lưu: VT, 02 bản.\n";

    #[test]
    fn a_heading_of_work_to_come_makes_its_section_a_plan_up_to_the_next_of_its_rank() {
        let plans = Plans::of(REPORT, Period::date(2024, 12, Some(10)));
        let year = |text: &str| plans.year_at(REPORT.find(text).expect("in the report"));
        assert_eq!(year("100% xã"), None);
        assert_eq!(year("90% hồ sơ"), Some(2025));
        // Its own sub-headings do not end it; the next heading of its rank does.
        assert_eq!(year("12% GRDP"), Some(2025));
        assert_eq!(year("5 nhiệm vụ"), None);
        // A plan of the publication's year, or one before it, is reviewed, not announced.
        assert_eq!(
            Plans::of(REPORT, Period::date(2025, 1, Some(5)))
                .year_at(REPORT.find("90%").unwrap_or(0)),
            None
        );
    }

    #[test]
    fn a_title_over_two_lines_opens_no_plan() {
        let report = "BÁO CÁO\nTÌNH HÌNH THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2024\n\
            VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n1. Hạ tầng số\n- Toàn tỉnh có 1.320 trạm BTS.\n\
            II. NHIỆM VỤ NĂM 2025\n- Phấn đấu 1.500 trạm BTS.\n";
        let plans = Plans::of(report, Period::date(2024, 12, Some(10)));
        let year = |text: &str| plans.year_at(report.find(text).expect("in the report"));
        assert_eq!(year("1.320"), None);
        assert_eq!(year("1.500"), Some(2025));
    }

    #[test]
    fn headings_are_short_lines_of_an_outline_or_in_capitals() {
        for (line, rank) in [
            ("II. NHIỆM VỤ NĂM 2025", Some(1)),
            ("PHƯƠNG HƯỚNG NHIỆM VỤ", Some(1)),
            ("3. Phương hướng, nhiệm vụ năm 2025", Some(2)),
            ("b) Kinh tế số", Some(3)),
            ("- Phấn đấu 90% hồ sơ trực tuyến.", None),
            ("Năm 2025 tỉnh phấn đấu", None),
            ("1.1. Hạ tầng", None),
            ("STT\tCHỈ TIÊU\tKẾ HOẠCH NĂM 2025", None),
        ] {
            assert_eq!(heading_rank(line), rank, "{line}");
        }
        for (heading, year) in [
            ("II. NHIỆM VỤ NĂM 2025", Some(2025)),
            ("3. Phương hướng, nhiệm vụ năm 2025", Some(2025)),
            ("Kế hoạch năm 2025", Some(2025)),
            ("I. Kết quả năm 2024 và nhiệm vụ năm 2025", None),
            ("I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2024", None),
            ("1. Triển khai Kế hoạch chuyển đổi số năm 2024", None),
            ("II. KẾT QUẢ VÀ NHIỆM VỤ NĂM 2025", None),
            ("KẾT QUẢ NĂM 2024", None),
            ("Nhiệm vụ giai đoạn 2021 - 2025", None),
        ] {
            assert_eq!(plan_year(heading), year, "{heading}");
        }
    }
}
