//! The period hint and the target flag on sentences written for these tests.

use super::*;
use crate::extract::tokens::tokens;

#[test]
fn a_goal_is_a_target_unless_reported_done() {
    assert!(is_target("phấn đấu tối thiểu ", "30% doanh nghiệp", false));
    assert!(is_target("mục tiêu: ", "100% hồ sơ trực tuyến", false));
    assert!(!is_target(
        "các doanh nghiệp đã sát cánh phấn đấu đạt các chỉ tiêu: ",
        "288 điểm",
        false
    ));
    assert!(!is_target(
        "chương trình mục tiêu quốc gia với tổng kinh phí ",
        "4.822 triệu đồng",
        false
    ));
    assert!(is_target("đến năm 2025, ", "100% xã có cáp quang", true));
    assert!(!is_target("toàn tỉnh có ", "1.208 trạm", false));
}

#[test]
fn a_goal_word_governs_what_follows_it_and_its_own_part() {
    // The goal of a later part of the sentence leaves a figure before it a report.
    assert!(!is_target(
        "ngân sách dành cho chuyển đổi số năm 2022 là ",
        "45,6 tỷ đồng",
        false
    ));
    assert!(is_target(
        "ngân sách năm 2022 là 45,6 tỷ đồng, dự kiến năm 2025 nâng lên ",
        "120 tỷ đồng",
        false
    ));
    // A goal word after the figure, in its own part.
    assert!(is_target(
        "trong năm tới, ",
        "500 trạm bts sẽ được xây dựng",
        false
    ));
    assert!(!is_target("", "100% xã đã hoàn thành mục tiêu", false));
}

fn hint(
    text: &str,
    number: &str,
    published: Option<Period>,
    target: bool,
) -> (Option<String>, PeriodBasis) {
    let found = tokens(text);
    let at = text.find(number).unwrap_or(0);
    let dating = Dating {
        published,
        title_year: None,
    };
    let (period, basis) = period(text, at, &(0..text.len()), &[], &found, dating, target);
    (period.map(|p| p.to_string()), basis)
}

#[test]
fn the_clause_year_wins_then_an_earlier_one_then_the_publication() {
    let published = Period::date(2024, 8, Some(14));
    let text = "Hiện nay 96,89% hộ có điện thoại; 544 hộ được hỗ trợ năm 2023.";
    assert_eq!(
        hint(text, "96,89", published, false),
        (Some("2024".into()), PeriodBasis::Publication)
    );
    assert_eq!(
        hint(text, "544", published, false),
        (Some("2023".into()), PeriodBasis::Stated)
    );
    let range = "Tổng kinh phí (2012-2015) hơn 4.822 triệu đồng; vốn đối ứng 952 triệu đồng.";
    assert_eq!(
        hint(range, "952", published, false),
        (Some("2015".into()), PeriodBasis::RangeEnd)
    );
    // A figure is never dated after its report unless it is a target.
    let later = "Giai đoạn 2021-2025 hỗ trợ 50% chi phí.";
    assert_eq!(
        hint(later, "50", published, false),
        (Some("2024".into()), PeriodBasis::Publication)
    );
    let goal = "Đến năm 2025, phấn đấu 100% hồ sơ trực tuyến.";
    assert_eq!(
        hint(goal, "100", published, true),
        (Some("2025".into()), PeriodBasis::TargetYear)
    );
    assert_eq!(
        hint("Có 12 trạm.", "12", None, false),
        (None, PeriodBasis::Unknown)
    );
    let this_year = "Năm 2024, tỉnh phấn đấu có ít nhất 80% người dùng.";
    assert_eq!(
        hint(this_year, "80", published, true),
        (Some("2024".into()), PeriodBasis::TargetYear)
    );
}
