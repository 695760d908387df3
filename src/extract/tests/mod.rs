//! The extractor on articles written for these tests, and on hostile input. The articles and
//! the readings they share are here; the tests of each kind of reading are in a module of
//! their own.

mod around;
mod numbers;
mod tables;

use super::*;
use crate::Dataset;
use crate::model::{Qualifier, Unit};

/// An article written for this test, in the manner of provincial portals: none of the
/// bundled reports says any of it.
const ARTICLE: &str = "Sở TT&TT tỉnh Bình Phước: chuyển đổi số năm 2024\n\
    08:15, Thứ Hai, 3-6-2024\n\
    Thực hiện Quyết định số 123/QĐ-UBND ngày 15/3/2024, đến nay toàn tỉnh có 2.345 trạm BTS, \
    khoảng 96,5% người dân có điện thoại thông minh và 15 tỷ đồng đầu tư hạ tầng. \
    Tính đến ngày 31/12/2023, có 1,5 triệu thuê bao di động. \
    Mục tiêu đến năm 2025, phấn đấu 100% hồ sơ được xử lý trực tuyến; từ 60-80% doanh nghiệp dùng hóa đơn điện tử. \
    Sau 5 năm triển khai, tỉnh Đồng Nai có 3.000 trạm BTS. \
    Toàn tỉnh có 2.345 trạm BTS phủ sóng khắp các xã.\n\
    Chỉ số DTI của tỉnh xếp thứ 12/63 tỉnh, thành phố; hotline 0271.3879.555.\n\
    Điện thoại: 0271 3879 123. Địa chỉ: số 12 đường Trần Hưng Đạo.\n\
    Tin liên quan\n\
    • Hà Nội có 90% hộ gia đình dùng cáp quang\n";

/// The extraction of `text`, published on `published`, about a province other than those of
/// `other_provinces`.
fn read(text: &str, published: Option<Period>, other_provinces: &[&str]) -> Extraction {
    let dataset = Dataset::bundled().expect("the bundled dataset loads");
    let options = ExtractOptions {
        published,
        other_provinces: other_provinces.iter().map(|&p| p.to_owned()).collect(),
    };
    extract(text, dataset.indicators(), &options)
}

fn found() -> Extraction {
    read(
        ARTICLE,
        Period::date(2024, 6, Some(3)),
        &["Đồng Nai", "Hà Nội"],
    )
}

fn reason_of(extraction: &Extraction, written: &str) -> Option<Reason> {
    extraction
        .rejected
        .iter()
        .find(|r| r.written == written)
        .map(|r| r.reason)
}

#[test]
fn proposes_the_figures_of_an_unseen_article_with_their_readings() {
    let found = found();
    let figures: Vec<(&str, f64)> = found
        .candidates
        .iter()
        .map(|c| (c.written.as_str(), c.value))
        .collect();
    assert_eq!(
        figures,
        [
            ("2.345", 2345.0),
            ("96,5", 96.5),
            ("15", 15.0),
            ("1,5", 1.5),
            ("100", 100.0),
            ("60-80", 60.0),
            ("12/63", 12.0)
        ]
    );
    let by = |w: &str| found.candidates.iter().find(|c| c.written == w).cloned();
    let share = by("96,5").expect("a share");
    assert_eq!(
        (share.qualifier, share.unit),
        (Qualifier::About, Unit::Percent)
    );
    assert_eq!(share.period, Some(Period::year(2024)));
    assert_eq!(share.period_basis, PeriodBasis::Publication);
    let money = by("15").expect("money");
    assert_eq!(money.value_in(Unit::VndBillion), Some(15.0));
    assert_eq!(money.value_in(Unit::VndMillion), Some(15_000.0));
    let subscriptions = by("1,5").expect("subscriptions");
    assert_eq!(subscriptions.value_in(Unit::Count), Some(1_500_000.0));
    assert_eq!(subscriptions.period, Some(Period::year(2023)));
    let target = by("100").expect("a target");
    assert!(target.is_target);
    assert_eq!(target.period, Some(Period::year(2025)));
    let range = by("60-80").expect("a range");
    assert_eq!((range.value, range.up_to), (60.0, Some(80.0)));
    assert!(!by("2.345").expect("stations").is_target);
}

#[test]
fn every_quote_occurs_where_it_says() {
    let found = found();
    let chars: Vec<char> = ARTICLE.chars().collect();
    for candidate in &found.candidates {
        let span = candidate.quote_span;
        let at: String = chars[span.start..span.end].iter().collect();
        assert_eq!(at, candidate.quote);
        assert!(
            span.start <= candidate.span.start && candidate.span.end <= span.end,
            "{candidate:?}"
        );
        let written: String = chars[candidate.span.start..candidate.span.end]
            .iter()
            .collect();
        assert_eq!(written, candidate.written);
    }
}

#[test]
fn sets_aside_what_is_not_a_figure_and_says_why() {
    let found = found();
    assert_eq!(reason_of(&found, "2024"), Some(Reason::Date));
    assert_eq!(reason_of(&found, "08:15"), Some(Reason::PageFurniture));
    assert_eq!(
        reason_of(&found, "123/QĐ-UBND"),
        Some(Reason::DocumentNumber)
    );
    assert_eq!(reason_of(&found, "15/3/2024"), Some(Reason::Date));
    assert_eq!(reason_of(&found, "31/12/2023"), Some(Reason::Date));
    assert_eq!(reason_of(&found, "2025"), Some(Reason::Date));
    assert_eq!(reason_of(&found, "5"), Some(Reason::Duration));
    assert_eq!(reason_of(&found, "3.000"), Some(Reason::Elsewhere));
    assert_eq!(reason_of(&found, "0271"), Some(Reason::Contact));
    assert_eq!(reason_of(&found, "3879"), Some(Reason::Contact));
    assert_eq!(reason_of(&found, "0271.3879.555"), Some(Reason::Contact));
    assert_eq!(reason_of(&found, "12"), Some(Reason::Contact));
    assert_eq!(reason_of(&found, "90"), Some(Reason::PageFurniture));
    let again = found
        .rejected
        .iter()
        .find(|r| r.reason == Reason::Restatement)
        .expect("a restatement");
    assert_eq!((again.written.as_str(), again.restates), ("2.345", Some(0)));
}

#[test]
fn every_number_comes_out_once() {
    for (text, found) in [(ARTICLE, found()), (REVIEW, review())] {
        let mut spans: Vec<TextSpan> = found
            .candidates
            .iter()
            .map(|c| c.span)
            .chain(found.rejected.iter().map(|r| r.span))
            .collect();
        spans.sort_by_key(|s| s.start);
        assert!(
            spans.windows(2).all(|w| w[0].end <= w[1].start),
            "{spans:?}"
        );
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let covered: usize = spans
            .iter()
            .map(|s| {
                text.chars()
                    .skip(s.start)
                    .take(s.end - s.start)
                    .filter(char::is_ascii_digit)
                    .count()
            })
            .sum();
        assert_eq!(covered, digits);
    }
}

#[test]
fn binary_and_non_utf8_input_is_refused_with_a_place() {
    let binary = report_text(b"%PDF-1.4\n\x00\x01stream", Some("report.pdf")).expect_err("binary");
    assert_eq!(binary.kind(), &ErrorKind::NotText);
    assert_eq!(binary.position().map(|p| (p.line, p.column)), Some((2, 1)));
    let latin = report_text(b"C\xf3 12 tr\xe1m", None).expect_err("not UTF-8");
    assert_eq!(latin.kind(), &ErrorKind::InvalidUtf8);
    assert_eq!(
        report_text(b"\xEF\xBB\xBFC\xc3\xb3 5", None).ok(),
        Some("Có 5")
    );
}

#[test]
fn a_text_of_more_numbers_than_a_report_holds_is_refused_at_the_first_past_the_limit() {
    // Numbers with no full stop between them, the costliest to read; the limit's own count
    // is read.
    let numbers = |count: usize| "Có 1% và 2,5 tỷ ngày 10/1/2024; ".repeat(count / 3);
    assert!(report_text(numbers(MAX_NUMBERS - 2).as_bytes(), None).is_ok());
    let text = format!("Báo cáo\n{}ấ 5 7 8", numbers(MAX_NUMBERS - 2));
    let refused = report_text(text.as_bytes(), Some("r.txt")).expect_err("too many numbers");
    assert_eq!(
        refused.kind(),
        &ErrorKind::TooManyNumbers {
            count: MAX_NUMBERS as u64 + 1,
            limit: MAX_NUMBERS as u64
        }
    );
    // The first number past the limit is the 8, after the title's line, the numbers'
    // characters and "ấ 5 7 " (the "ấ" one character of three bytes).
    let column = numbers(MAX_NUMBERS - 2).chars().count() as u64 + 7;
    assert_eq!(
        refused
            .position()
            .map(|p| (p.file.as_deref(), p.line, p.column)),
        Some((Some("r.txt"), 2, column))
    );
}

/// A second article written for these tests: a year's results told against the year before,
/// and the next years' plans in the same sentences as this year's figures.
const RESULTS: &str = "Kết quả chuyển đổi số năm 2022\n\
    Tỷ lệ hộ gia đình có cáp quang đạt khoảng 78,5%, tăng 6,2 điểm phần trăm so với năm 2021. \
    Cổng dịch vụ công cung cấp 1.208 dịch vụ công trực tuyến mức độ 3 và 4; tỷ lệ hồ sơ trực tuyến \
    mức độ 4 đạt 41,67%. \
    Chỉ số DTI năm 2022 của tỉnh đạt 0,4526, xếp thứ 38/63 tỉnh, thành phố, tăng 7 bậc so với năm 2021. \
    Ngân sách dành cho chuyển đổi số năm 2022 là 45,6 tỷ đồng, dự kiến năm 2025 nâng lên 120 tỷ đồng. \
    Trong năm 2023, 500 trạm BTS sẽ được xây dựng. Hiện nay toàn tỉnh có 2.100 trạm BTS.\n";

fn results() -> Extraction {
    read(RESULTS, Period::date(2023, 1, Some(20)), &[])
}

/// A third article written for these tests: the country and other provinces beside the
/// province's figures, contacts, a plan's count of targets and the situation inside a goal.
const BESIDE: &str = "Chuyển đổi số tỉnh Bình Định\n\
    Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 55%, cả nước đạt 75%. \
    Tỷ lệ thanh toán trực tuyến đạt 38%, thấp hơn so với tỉnh Khánh Hòa (61%). \
    Trong khi đó, TP Cần Thơ đã đạt 85% dân số có điện thoại thông minh. \
    Chỉ số DTI của tỉnh xếp thứ 20, trong khi tỉnh Hà Tĩnh xếp thứ 15. \
    Chỉ số PAPI của tỉnh đứng thứ 9 cả nước và thứ 2 khu vực. \
    Toàn tỉnh có 24 hệ thống cấp độ 3.\n\
    Kết quả năm 2023 cho thấy, tỉnh đã tiếp nhận 186.720 hồ sơ trực tuyến. \
    Trong tổng số 9 chỉ tiêu giao cho tỉnh, tỉnh hoàn thành 7 chỉ tiêu, trong đó 100% xã có \
    điểm phục vụ bưu chính. Tỉnh đã hoàn thành số hóa 1.325.000 trang tài liệu.\n\
    Đến hết năm 2024, tỉnh phấn đấu 100% thôn có sóng 4G (hiện nay còn 23 thôn chưa có sóng). \
    Tỷ lệ hồ sơ nộp trực tuyến: 64,7% (cùng kỳ năm 2023 là 41,3%).\n\
    Kế hoạch năm 2024, tỉnh phấn đấu tỷ lệ hồ sơ trực tuyến đạt tối thiểu 70%; đến năm 2025, \
    kinh tế số chiếm từ 15 đến 20% GRDP.\n\
    Đường dây nóng: 0277 3851 234. Hotline: 1900 1022\n";

fn beside() -> Extraction {
    read(
        BESIDE,
        Period::date(2024, 1, Some(5)),
        &["khánh hòa", "cần thơ", "hà tĩnh"],
    )
}

proptest::proptest! {
    #[test]
    fn never_panics_and_quotes_stay_in_the_text(text in "[0-9a-zđươăâêôà-ỹA-Z .,;:/%()“”\n-]{0,200}") {
        let found = extract(&text, &[], &ExtractOptions::default());
        let chars: Vec<char> = text.chars().collect();
        let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
                // Digits on both sides of `at`, or of the mark at `at` ("0|,5456"), the digits before
        // it a number's, not a word's ("A0").
        let inside_number = |at: usize| {
            let run = chars[..at].iter().rev().take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.')).count();
            let a_word = at > run && chars[at - run - 1].is_alphabetic();
            at > 0 && digit(at - 1) && !a_word
                && (digit(at) || matches!(chars.get(at), Some(',' | '.')) && digit(at + 1))
        };
        for candidate in &found.candidates {
            proptest::prop_assert!(text.contains(&candidate.quote));
            let span = candidate.quote_span;
            proptest::prop_assert!(!inside_number(span.end), "{:?} ends inside a number", candidate.quote);
        }
    }
}

/// A year's review written for these tests: a title over two lines that also announces the
/// next year's work, numbered headings, a comparison in brackets, an amount in two scales, an
/// index and its part, a plan's goals, a label with an aside, a table's caption, a hotline and
/// an official document's recipients, and an age.
const REVIEW: &str = "BÁO CÁO\n\
    Tổng kết chuyển đổi số năm 2023, phương hướng nhiệm vụ năm 2024\n\
    \n\
    1. Hạ tầng số\n\
    Toàn tỉnh có 2.240 trạm BTS. Tỷ lệ hồ sơ trực tuyến toàn trình đạt 47,8% (năm 2022 là 31,2%).\n\
    Tỉnh đã đầu tư 25 tỷ 500 triệu đồng cho hạ tầng số.\n\
    Theo Bộ chỉ số DTI năm 2022 công bố ngày 10/4/2023, tỉnh đạt 0,5123 điểm. Trong đó, chỉ số \
    chính quyền số đạt 0,6012.\n\
    2) Chính quyền số\n\
    Phấn đấu đến năm 2025 có 90% hồ sơ xử lý trực tuyến; chỉ tiêu năm 2024 là 60% hồ sơ trực tuyến toàn trình.\n\
    - Tỷ lệ người dân có tài khoản định danh điện tử (mức độ 4): 62%\n\
    Bảng 1 tổng hợp các chỉ tiêu, tính cho người từ 15 tuổi trở lên.\n\
    Đường dây nóng hỗ trợ người dân: 1800 6789 hoặc 0258 3811 234.\n\
    Nơi nhận:\n\
    - Sở Thông tin và Truyền thông;\n\
    - Lưu: VT, 02 bản.\n";

fn review() -> Extraction {
    read(REVIEW, Period::date(2024, 1, Some(18)), &[])
}

#[test]
fn headings_captions_and_service_numbers_are_no_figures() {
    let found = review();
    let reasons = |written: &str| -> Vec<Reason> {
        found
            .rejected
            .iter()
            .filter(|r| r.written == written)
            .map(|r| r.reason)
            .collect()
    };
    // The headings "1." and "2)" number the text's parts; "Bảng 1" names a table.
    assert_eq!(
        reasons("1"),
        [Reason::Structure, Reason::Name],
        "{:?}",
        found.rejected
    );
    assert_eq!(reasons("2"), [Reason::Structure]);
    // "1800 6789" is a service's number, its first group shaped as a year; every group of a
    // subscriber's number is one too.
    for group in ["1800", "6789", "0258", "3811", "234"] {
        assert_eq!(reasons(group), [Reason::Contact], "{group}");
    }
    // An age is no figure.
    assert_eq!(reasons("15"), [Reason::Duration]);
    // Neither part of a number an invisible character splits is one.
    let split = read("Có 1\u{200b}234 máy tính và 56 trạm.", None, &[]);
    let parts: Vec<(&str, Reason)> = split
        .rejected
        .iter()
        .map(|r| (r.written.as_str(), r.reason))
        .collect();
    assert_eq!(
        parts,
        [("1", Reason::Unreadable), ("234", Reason::Unreadable)]
    );
    assert_eq!(split.candidates.len(), 1);
    // Below an official document's recipients, its filing note counts copies, not figures.
    assert_eq!(reasons("02"), [Reason::PageFurniture]);
    assert_eq!(found.candidates.len(), 9, "{:?}", found.candidates);
}

#[test]
fn near_misses_of_the_rules_for_headings_service_numbers_titles_and_amounts_stay_figures() {
    let published = Period::date(2024, 1, Some(15));
    let figures = |text: &str| -> Vec<String> {
        read(text, published, &[])
            .candidates
            .iter()
            .map(|c| c.written.clone())
            .collect()
    };
    // An amount that starts with 1900 or 1800 in one group is no service's number.
    assert_eq!(
        figures("Mỗi hộ được hỗ trợ 19000000 đồng, tổng cộng 1800000000 đồng."),
        ["19000000", "1800000000"]
    );
    // A number that opens a line wrapped inside a sentence, or one that a lower-case word
    // follows, numbers no heading.
    assert_eq!(
        figures(
            "Toàn tỉnh có 1.200 điểm bưu điện văn hóa xã có người phục vụ là\n95. Tỷ lệ hộ có \
             cáp quang tăng lên\n12) so với năm 2022."
        ),
        ["1.200", "95", "12"]
    );
    // The lead sentence under a title is not the title: its year dates its own figures only.
    let lead = read(
        "Trà Vinh đẩy mạnh chuyển đổi số\nNăm 2022, tỉnh xếp hạng 20 về chỉ số DTI.\n\nToàn tỉnh \
         có 1.208 trạm BTS.",
        published,
        &[],
    );
    let stations = lead.candidates.iter().find(|c| c.written == "1.208");
    assert_eq!(
        stations.map(|c| (c.period, c.period_basis)),
        Some((Some(Period::year(2024)), PeriodBasis::Publication))
    );
    // An amount in two scales set aside is set aside whole.
    let change = read(
        "Doanh thu tăng 3 tỷ 200 triệu đồng so với năm 2022.",
        published,
        &[],
    );
    assert!(change.candidates.is_empty(), "{:?}", change.candidates);
    assert!(
        change
            .rejected
            .iter()
            .any(|r| r.written == "3 tỷ 200 triệu" && r.reason == Reason::Change)
    );
}

/// Every figure proposed from `text` is one its quote states as `validate` reads it, with the
/// qualifier `validate` reads (to `validate`'s nine significant digits).
fn stated_by_quotes(text: &str) -> Result<(), String> {
    let found = read(text, Period::date(2024, 1, Some(18)), &[]);
    for candidate in &found.candidates {
        let Some(value) = candidate.value_in(candidate.unit) else {
            return Err(format!("{candidate:?} has no value in its unit"));
        };
        let stated = crate::statements_in(&candidate.quote, candidate.unit);
        let same = |s: &crate::Statement| (s.value - value).abs() <= 1e-9 * value.abs().max(1.0);
        if !stated
            .iter()
            .any(|s| same(s) && s.qualifier == candidate.qualifier)
        {
            return Err(format!("{candidate:?} against {stated:?}"));
        }
    }
    Ok(())
}
