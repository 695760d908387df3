//! The extractor on an article written for these tests, and on hostile input.

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

fn found() -> Extraction {
    let dataset = Dataset::bundled().expect("the bundled dataset loads");
    let options = ExtractOptions {
        published: Period::date(2024, 6, Some(3)),
        other_provinces: vec!["Đồng Nai".into(), "Hà Nội".into()],
    };
    extract(ARTICLE, dataset.indicators(), &options)
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
    let found = found();
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
    let digits = ARTICLE.chars().filter(char::is_ascii_digit).count();
    let covered: usize = spans
        .iter()
        .map(|s| {
            ARTICLE
                .chars()
                .skip(s.start)
                .take(s.end - s.start)
                .filter(char::is_ascii_digit)
                .count()
        })
        .sum();
    assert_eq!(covered, digits);
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

proptest::proptest! {
    #[test]
    fn never_panics_and_quotes_stay_in_the_text(text in "[0-9a-zđươăâêôà-ỹA-Z .,;:/%()“”\n-]{0,200}") {
        let found = extract(&text, &[], &ExtractOptions::default());
        for candidate in &found.candidates {
            proptest::prop_assert!(text.contains(&candidate.quote));
        }
    }
}
