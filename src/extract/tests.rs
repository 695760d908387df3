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

#[test]
fn a_year_compared_with_dates_no_figure_and_the_title_dates_the_rest() {
    let found = results();
    let by = |w: &str| found.candidates.iter().find(|c| c.written == w).cloned();
    // "so với năm 2021" is the comparison's base: the share, with no time of its own, is of
    // the year the title names.
    let share = by("78,5").expect("a share");
    assert_eq!(share.period, Some(Period::year(2022)));
    assert_eq!(share.period_basis, PeriodBasis::Title);
    let score = by("0,4526").expect("a score");
    assert_eq!(
        (score.period, score.period_basis),
        (Some(Period::year(2022)), PeriodBasis::Stated)
    );
    // "Hiện nay" is the publication's time, whatever the title says.
    let now = by("2.100").expect("stations now");
    assert_eq!(
        (now.period, now.period_basis),
        (Some(Period::year(2023)), PeriodBasis::Publication)
    );
}

#[test]
fn a_figure_in_a_table_of_the_text_takes_its_rows_words_and_its_columns_year() {
    let text = "BÁO CÁO\nKết quả chuyển đổi số năm 2023\n\n\
                Bảng 1. Một số chỉ tiêu\n\
                | Chỉ tiêu | Đơn vị | 2022 | 2023 | Kế hoạch 2025 |\n\
                |---|---|---|---|---|\n\
                | Tỷ lệ hộ gia đình có cáp quang | % | 75,2 | 80,1 | 90 |\n\
                | Số xã có cáp quang | xã | 460 | 460 | 460 |\n\
                | Kinh phí đầu tư hạ tầng số | tỷ đồng | 12,5 | 20 | 35 |\n";
    let found = read(text, Period::date(2024, 1, Some(18)), &[]);
    let by = |w: &str| -> Vec<Candidate> {
        found
            .candidates
            .iter()
            .filter(|c| c.written == w)
            .cloned()
            .collect()
    };
    let share = &by("80,1")[0];
    assert_eq!(
        (
            share.unit,
            share.period,
            share.period_basis,
            share.is_target
        ),
        (
            Unit::Percent,
            Some(Period::year(2023)),
            PeriodBasis::Column,
            false
        )
    );
    assert_eq!(share.counted, "Tỷ lệ hộ gia đình có cáp quang");
    assert_eq!(
        share.quote,
        "Tỷ lệ hộ gia đình có cáp quang | % | 75,2 | 80,1"
    );
    let goal = &by("90")[0];
    assert_eq!(
        (goal.is_target, goal.period),
        (true, Some(Period::year(2025)))
    );
    // The same count in three columns is three years' figures, none a restatement.
    let communes: Vec<Option<Period>> = by("460").iter().map(|c| c.period).collect();
    assert_eq!(communes, [2022, 2023, 2025].map(|y| Some(Period::year(y))));
    let money = &by("20")[0];
    assert_eq!(
        (money.unit, money.scale, money.value_in(Unit::VndBillion)),
        (Unit::VndBillion, 1e9, Some(20.0))
    );
    // Validate reads every proposed figure's value from its quote, the row's unit included.
    for candidate in &found.candidates {
        let value = candidate.value_in(candidate.unit);
        let stated = crate::statements_in(&candidate.quote, candidate.unit);
        assert!(
            stated.iter().any(|s| Some(s.value) == value),
            "{candidate:?} against {stated:?}"
        );
    }
}

#[test]
fn a_signed_number_is_a_change_and_a_mark_before_it_is_not_a_sign() {
    let text = "Doanh thu bưu chính tăng trưởng -2,5% so với năm 2022. Thuê bao 2G giảm \u{2212}12% \
                so với năm trước; số dịch vụ công tăng (+5,3%).\n-100% xã có cáp quang.\n";
    let found = read(text, Period::date(2023, 1, Some(20)), &[]);
    for signed in ["2,5", "12", "5,3"] {
        assert_eq!(reason_of(&found, signed), Some(Reason::Change), "{signed}");
    }
    let marked = found.candidates.iter().find(|c| c.written == "100");
    assert_eq!(
        marked.map(|c| c.quote.as_str()),
        Some("100% xã có cáp quang")
    );
}

#[test]
fn millions_abbreviated_before_the_currency_are_money() {
    let text = "Kinh phí đầu tư hạ tầng số năm 2023 là 1.250 Tr.đồng.\n\
                Chỉ tiêu\tĐơn vị\tNăm 2023\n\
                Kinh phí thuê dịch vụ CNTT\ttr.đ\t830,5\n\
                Doanh thu bưu chính đạt 45 trđ/tháng.\n";
    let found = read(text, Period::date(2024, 1, Some(20)), &[]);
    for (written, value) in [("1.250", 1250.0), ("830,5", 830.5), ("45", 45.0)] {
        let candidate = found.candidates.iter().find(|c| c.written == written);
        let candidate = candidate.expect(written);
        assert_eq!(candidate.unit, Unit::VndMillion, "{written}");
        assert_eq!(
            candidate.value_in(Unit::VndMillion),
            Some(value),
            "{written}"
        );
    }
    stated_by_quotes(text).expect("every figure stated by its quote");
    let spaced = read("Doanh thu đạt 5 tr đồng.", None, &[]);
    assert_eq!(
        spaced.candidates.first().map(|c| c.unit),
        Some(Unit::VndMillion)
    );
}

#[test]
fn a_lines_last_word_is_not_the_next_lines_qualifier() {
    let text = "Đánh giá chung về các kết quả nêu trên\n85% số xã đã có điểm phục vụ bưu \
                chính.\r\nChất lượng dịch vụ ngày càng tốt hơn\r\n72% hộ gia đình dùng cáp quang.\n";
    let found = read(text, Period::date(2024, 1, Some(20)), &[]);
    for written in ["85", "72"] {
        let candidate = found.candidates.iter().find(|c| c.written == written);
        let candidate = candidate.expect(written);
        assert_eq!(candidate.qualifier, Qualifier::Exact, "{written}");
        assert!(!candidate.quote.contains(['\n', '\r']), "{candidate:?}");
    }
}

#[test]
fn a_qualifier_wrapped_inside_its_phrase_is_read_whole_and_quoted() {
    for end in ["\n", "\r\n"] {
        let text = format!(
            "Tỷ lệ hồ sơ trực tuyến toàn trình phải đạt không{end}dưới 80% tổng số hồ sơ.{end}\
             Toàn tỉnh có ít{end}hơn 15 doanh nghiệp công nghệ số.{end}"
        );
        let found = read(&text, Period::date(2024, 1, Some(20)), &[]);
        for (written, qualifier, phrase) in [
            ("80", Qualifier::AtLeast, format!("không{end}dưới 80%")),
            ("15", Qualifier::Under, format!("ít{end}hơn 15 doanh")),
        ] {
            let candidate = found.candidates.iter().find(|c| c.written == written);
            let candidate = candidate.expect(written);
            assert_eq!(candidate.qualifier, qualifier, "{candidate:?}");
            assert!(candidate.quote.contains(&phrase), "{candidate:?}");
        }
        stated_by_quotes(&text).expect("validate reads the quotes alike");
        // A change wrapped after its verb's qualifier is a change wherever the line breaks.
        let text = format!(
            "Doanh thu dịch vụ viễn thông tăng không{end}dưới 10% so với năm trước. Số thuê \
             bao vượt{end}quá 20% kế hoạch năm.{end}"
        );
        let found = read(&text, Period::date(2024, 1, Some(20)), &[]);
        for change in ["10", "20"] {
            assert_eq!(reason_of(&found, change), Some(Reason::Change), "{change}");
        }
    }
}

#[test]
fn passing_a_plan_by_a_number_is_a_change_and_passing_a_level_is_over_it() {
    let text = "Doanh thu dịch vụ viễn thông vượt 12% kế hoạch năm. Số thuê bao băng rộng \
                vượt 8,5% so với cùng kỳ. Chỉ số DTI của tỉnh vượt 3 bậc. Doanh thu bưu chính \
                vượt 6% so với năm 2022. Doanh thu đạt 1.250 tỷ đồng, vượt 150 tỷ đồng so với \
                cùng kỳ năm trước. Số thuê bao vượt 1.200 thuê bao so với cùng kỳ. Tỷ lệ hồ sơ \
                vượt 7% so với dự kiến. Doanh thu viễn thông vượt kế hoạch 15%.\n\
                Tỷ lệ phủ sóng 4G vượt 95%, so với năm trước cao hơn. Tỷ lệ hộ có cáp quang \
                vượt quá 70% số hộ. Tỷ lệ trường học có Internet băng rộng vượt 96% trường các \
                bậc học. Tỷ lệ hồ sơ trực tuyến vượt 90% so với tổng số hồ sơ. Đã hoàn thành \
                vượt 91% hạng mục. Tỷ lệ hộ có điện thoại thông minh đạt 85%, vượt mục tiêu \
                80% đề ra.\n";
    let found = read(text, Period::date(2024, 1, Some(20)), &[]);
    for passed in ["12", "8,5", "3", "6", "150", "1.200", "7", "15"] {
        assert_eq!(reason_of(&found, passed), Some(Reason::Change), "{passed}");
    }
    // A level passed: over it, its part of the clause naming no plan, time or rank.
    for level in ["95", "70", "96", "90", "91"] {
        let candidate = found.candidates.iter().find(|c| c.written == level);
        assert_eq!(
            candidate.map(|c| c.qualifier),
            Some(Qualifier::Over),
            "{level}"
        );
    }
    // The goal's own value.
    assert!(found.candidates.iter().any(|c| c.written == "80"));
}

#[test]
fn money_in_another_currency_fits_no_indicator() {
    let text = "Kim ngạch xuất khẩu sản phẩm điện tử, phần mềm đạt 120 triệu USD. Vốn FDI vào \
                công nghệ thông tin đạt 15,5 triệu đô la Mỹ. Toàn tỉnh có 120 trạm BTS và 5 đô \
                thị thông minh.\n";
    let found = read(text, Period::date(2024, 1, Some(10)), &[]);
    let by = |quoted: &str| found.candidates.iter().find(|c| c.quote.contains(quoted));
    for money in ["120 triệu USD", "15,5 triệu đô la"] {
        let candidate = by(money).expect(money);
        assert!(candidate.suggestions.is_empty(), "{candidate:?}");
    }
    // A count, and "đô thị" (towns), are no money.
    for count in ["120 trạm BTS", "5 đô thị"] {
        assert!(
            by(count).is_some_and(|c| !c.suggestions.is_empty()),
            "{count}"
        );
    }
}

#[test]
fn money_in_another_currency_named_by_a_tables_row_fits_no_indicator() {
    let text = "| Chỉ tiêu | Đơn vị | 2023 |\n|---|---|---|\n\
                | Kim ngạch xuất khẩu sản phẩm công nghệ số | triệu USD | 120 |\n\
                | Doanh thu công nghiệp ICT | tỷ đồng | 350 |\n\n\
                Chỉ tiêu\tĐVT\t2023\nKim ngạch xuất khẩu phần mềm\tTriệu đô la\t45\n\
                Vốn đầu tư nước ngoài (triệu USD)\t\t38\nDoanh thu phần mềm (USD)\t\t9.000\n\
                Số trạm BTS\tTrạm\t1.250\n";
    let found = read(text, Period::date(2024, 1, Some(10)), &[]);
    let by = |written: &str| {
        let candidate = found.candidates.iter().find(|c| c.written == written);
        candidate.unwrap_or_else(|| panic!("{written} in {found:?}"))
    };
    for money in ["120", "45", "38", "9.000"] {
        assert!(by(money).suggestions.is_empty(), "{:?}", by(money));
    }
    // In đồng, and a count: suggested.
    for other in ["350", "1.250"] {
        assert!(!by(other).suggestions.is_empty(), "{:?}", by(other));
    }
    // The scale of "triệu USD" is still the figure's.
    assert_eq!(by("120").value_in(Unit::Count), Some(120e6));
    // The currency in the figure's own cell; a column of units that names a count.
    let text = "| Chỉ tiêu | 2022 | 2023 |\n|---|---|---|\n\
                | Kim ngạch xuất khẩu sản phẩm công nghệ số | 45 USD | 50 USD |\n\n\
                | Chỉ tiêu | Đơn vị | 2023 |\n|---|---|---|\n\
                | Doanh thu phần mềm (USD) | Doanh nghiệp | 38 |\n";
    let found = read(text, Period::date(2024, 1, Some(10)), &[]);
    let by = |written: &str| {
        let candidate = found.candidates.iter().find(|c| c.written == written);
        candidate.unwrap_or_else(|| panic!("{written} in {found:?}"))
    };
    for money in ["45", "50"] {
        assert!(by(money).suggestions.is_empty(), "{:?}", by(money));
    }
    assert!(!by("38").suggestions.is_empty(), "{:?}", by("38"));
}

#[test]
fn a_change_is_set_aside_and_a_listed_level_is_a_name() {
    let found = results();
    assert_eq!(reason_of(&found, "6,2"), Some(Reason::Change));
    assert_eq!(reason_of(&found, "7"), Some(Reason::Change));
    // "mức độ 3 và 4": both are levels; the rank stays a figure.
    assert_eq!(reason_of(&found, "3"), Some(Reason::Name));
    assert_eq!(reason_of(&found, "4"), Some(Reason::Name));
    assert!(found.candidates.iter().any(|c| c.written == "38/63"));
}

#[test]
fn a_rank_is_a_figure_that_no_indicator_measures() {
    let found = beside();
    // "xếp thứ 20", and the second rank of a clause, "đứng thứ 9 cả nước và thứ 2 khu vực".
    for rank in ["20", "9", "2"] {
        let candidate = found.candidates.iter().find(|c| c.written == rank);
        let candidate = candidate.unwrap_or_else(|| panic!("{rank} in {found:?}"));
        assert!(candidate.suggestions.is_empty(), "{candidate:?}");
    }
    // A count in the same text is suggested, and so is a count of what is ranked.
    let systems = found.candidates.iter().find(|c| c.written == "24");
    assert!(
        systems.is_some_and(|c| !c.suggestions.is_empty()),
        "{systems:?}"
    );
    let text = "Chỉ số DTI của tỉnh năm 2023 đứng ở vị trí 12, tăng 3 bậc. Thứ hạng 15 của \
                PAPI giữ nguyên. Camera được lắp tại 120 vị trí.\n";
    let found = read(text, Period::date(2024, 1, Some(5)), &[]);
    for rank in ["12", "15"] {
        let candidate = found.candidates.iter().find(|c| c.written == rank);
        let candidate = candidate.unwrap_or_else(|| panic!("{rank} in {found:?}"));
        assert!(candidate.suggestions.is_empty(), "{candidate:?}");
    }
    let places = found.candidates.iter().find(|c| c.written == "120");
    assert!(
        places.is_some_and(|c| !c.suggestions.is_empty()),
        "{places:?}"
    );
    let text = "Năm 2023, Sở đã đánh giá, xếp hạng 20 trang thông tin điện tử thành phần.\n";
    let found = read(text, Period::date(2024, 1, Some(5)), &[]);
    let pages = found.candidates.iter().find(|c| c.written == "20");
    assert!(
        pages.is_some_and(|c| !c.suggestions.is_empty()),
        "{pages:?}"
    );
}

#[test]
fn a_goal_reaches_what_follows_it_and_its_own_part_only() {
    let found = results();
    let by = |w: &str| found.candidates.iter().find(|c| c.written == w).cloned();
    let spent = by("45,6").expect("this year's budget");
    assert!(!spent.is_target);
    assert_eq!(spent.period, Some(Period::year(2022)));
    let planned = by("120").expect("a planned budget");
    assert!(planned.is_target);
    assert_eq!(planned.period, Some(Period::year(2025)));
    assert!(by("500").expect("planned stations").is_target);
}

#[test]
fn a_year_or_a_level_before_a_figure_stays_in_its_quote() {
    let found = results();
    let by = |w: &str| found.candidates.iter().find(|c| c.written == w).cloned();
    let score = by("0,4526").expect("a score");
    assert_eq!(score.quote, "Chỉ số DTI năm 2022 của tỉnh đạt 0,4526");
    // A bare number with decimals is a score, and the index it names is suggested.
    assert_eq!(score.unit, Unit::Score0To1);
    assert_eq!(score.suggestions[0].indicator, "dti_score");
    assert_eq!(score.value_in(Unit::Score0To1), Some(0.4526));
    assert_eq!(score.value_in(Unit::Percent), None);
    let share = by("41,67").expect("a share");
    assert_eq!(share.quote, "tỷ lệ hồ sơ trực tuyến mức độ 4 đạt 41,67%");
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

#[test]
fn the_country_and_other_provinces_are_set_aside_in_their_own_part_only() {
    let found = beside();
    let proposed = |w: &str| found.candidates.iter().any(|c| c.written == w);
    for own in ["55", "38", "20", "24", "9", "2"] {
        assert!(proposed(own), "{own}");
    }
    for elsewhere in ["75", "61", "85", "15"] {
        assert_eq!(
            reason_of(&found, elsewhere),
            Some(Reason::Elsewhere),
            "{elsewhere}"
        );
    }
    assert_eq!(reason_of(&found, "3"), Some(Reason::Name));
    for contact in ["0277", "3851", "234", "1900", "1022"] {
        assert_eq!(
            reason_of(&found, contact),
            Some(Reason::Contact),
            "{contact}"
        );
    }
}

#[test]
fn a_plans_count_of_targets_sets_no_goal_and_a_paragraphs_year_dates_its_figures() {
    let found = beside();
    let by = |w: &str| found.candidates.iter().find(|c| c.written == w).cloned();
    assert_eq!(reason_of(&found, "9"), Some(Reason::Structure));
    assert_eq!(reason_of(&found, "7"), Some(Reason::Structure));
    let post = by("100").expect("post offices in every commune");
    assert!(!post.is_target);
    assert_eq!(post.period, Some(Period::year(2023)));
    let pages = by("1.325.000").expect("pages");
    assert_eq!(
        (pages.period, pages.period_basis),
        (Some(Period::year(2023)), PeriodBasis::Paragraph)
    );
    // The situation said inside a goal is no goal.
    assert!(!by("23").expect("villages without signal").is_target);
    // The year of "cùng kỳ" is the base of the figure before it, the time of the one after.
    assert_ne!(
        by("64,7").expect("this year").period,
        Some(Period::year(2023))
    );
    assert_eq!(
        by("41,3").expect("a year before").period,
        Some(Period::year(2023))
    );
    // A goal's year is its own clause's, not a later clause's horizon; "từ 15 đến 20" is one
    // range.
    let plan = by("70").expect("this year's plan");
    assert_eq!(
        (plan.is_target, plan.period),
        (true, Some(Period::year(2024)))
    );
    let share = by("15 đến 20").expect("a range");
    assert_eq!((share.value, share.up_to), (15.0, Some(20.0)));
    assert_eq!(
        (share.is_target, share.period),
        (true, Some(Period::year(2025)))
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
fn a_review_is_dated_by_its_title_and_a_bracketed_comparison_keeps_its_own_year() {
    let found = review();
    let by = |w: &str| found.candidates.iter().find(|c| c.written == w).cloned();
    // The title's second line names the year reviewed; the year of the work it announces is
    // not the report's.
    let stations = by("2.240").expect("stations");
    assert_eq!(
        (stations.period, stations.period_basis),
        (Some(Period::year(2023)), PeriodBasis::Title)
    );
    // "(năm 2022 là 31,2%)" dates the 31,2, not the figure before it.
    let share = by("47,8").expect("this year's share");
    assert_eq!(share.period, Some(Period::year(2023)));
    assert_eq!(
        by("31,2").expect("last year's share").period,
        Some(Period::year(2022))
    );
    // A goal's own clause names its year, before a horizon of an earlier clause.
    let horizon = by("90").expect("the plan's horizon");
    assert_eq!(
        (horizon.is_target, horizon.period),
        (true, Some(Period::year(2025)))
    );
    let this_year = by("60").expect("this year's goal");
    assert_eq!(
        (this_year.is_target, this_year.period),
        (true, Some(Period::year(2024)))
    );
    // An amount in two scales is one figure, in the larger; its second number is part of it.
    let amount = by("25 tỷ 500 triệu").expect("an amount in billions and millions");
    assert_eq!(
        (amount.value, amount.scale, amount.unit),
        (25.5, 1e9, Unit::VndBillion)
    );
    // Validate reads the same figure from its quote.
    let stated = crate::statements_in(&amount.quote, amount.unit);
    assert!(stated.iter().any(|s| s.value == 25.5), "{stated:?}");
    assert_eq!(
        found
            .candidates
            .iter()
            .filter(|c| c.written.contains("500"))
            .count(),
        1
    );
    // A sentence that opens with its year, six words in, dates the next of its paragraph.
    let part = by("0,6012").expect("a part of the index");
    assert_eq!(
        (part.period, part.period_basis),
        (Some(Period::year(2022)), PeriodBasis::Paragraph)
    );
    // A label's bracketed aside stays in the quote with the label.
    assert_eq!(
        by("62").expect("a labelled share").quote,
        "Tỷ lệ người dân có tài khoản định danh điện tử (mức độ 4): 62%"
    );
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

#[test]
fn a_tables_unit_is_read_from_its_quote_as_validate_reads_it() {
    let reading = |text: &str, written: &str| {
        let found = read(text, Period::date(2024, 1, Some(18)), &[]);
        let candidate = found
            .candidates
            .iter()
            .find(|c| c.written == written)
            .unwrap_or_else(|| panic!("{written} in {found:?}"))
            .clone();
        (
            candidate.unit,
            candidate.value_in(candidate.unit),
            candidate.quote,
        )
    };
    // A column of units after the figures: the quote runs on to it.
    let after = "| Chỉ tiêu | 2023 | Đơn vị |\n|---|---|---|\n| Kinh phí đầu tư | 25 | tỷ đồng |\n";
    assert_eq!(
        reading(after, "25"),
        (
            Unit::VndBillion,
            Some(25.0),
            "Kinh phí đầu tư | 25 | tỷ đồng".into()
        )
    );
    // A column of units under a heading the assistant does not know.
    let unnamed = "| Chỉ tiêu | ĐV | 2023 |\n|---|---|---|\n| Kinh phí đầu tư | tỷ đồng | 25 |\n\
                   | Tỷ lệ xã có cáp quang | % | 80,5 |\n";
    assert_eq!(reading(unnamed, "25").0, Unit::VndBillion);
    assert_eq!(reading(unnamed, "80,5").0, Unit::Percent);
    // A row that names a scale in its label and another in its column of units is read one way.
    let both = "Chỉ tiêu\tĐơn vị\t2023\nDoanh thu viễn thông (tỷ đồng)\ttriệu đồng\t5\n";
    assert_eq!(reading(both, "5").0, Unit::VndMillion);
    // A figure with a unit of its own keeps it in a row with a scale.
    let own = "| Chỉ tiêu | 2023 |\n|---|---|\n| Doanh thu (tỷ đồng) | 85,2% |\n";
    assert_eq!(reading(own, "85,2").0, Unit::Percent);
    // Units written with capitals, a note after a figure, a short row without a unit.
    let capitals = "Chỉ tiêu\tĐVT\t2022\t2023\nDoanh thu\tTỷ Đồng\t25\t25 tr\n\
                    Thuê bao\tNghìn Thuê Bao\t1.250\t1.300\nTổng\t1.250\n";
    assert_eq!(reading(capitals, "25").0, Unit::VndBillion);
    let found = read(capitals, Period::date(2024, 1, Some(18)), &[]);
    let values: Vec<(f64, Unit)> = found
        .candidates
        .iter()
        .map(|c| (c.value * c.scale, c.unit))
        .collect();
    assert!(values.contains(&(1.3e6, Unit::Count)), "{values:?}");
    assert_eq!(values.iter().filter(|v| v.1 == Unit::VndBillion).count(), 2);
    assert!(
        found
            .candidates
            .iter()
            .any(|c| c.written == "1.250" && c.scale == 1.0)
    );
    // A tab in running text is a space.
    let running =
        "Năm 2023, doanh thu đạt 1.250\ttỷ đồng, tăng 5%; 85,2\t% hộ gia đình có cáp quang.\n";
    assert_eq!(reading(running, "1.250").0, Unit::VndBillion);
    assert_eq!(reading(running, "85,2").0, Unit::Percent);
    // A number in the column of units names the unit.
    let rate = "| Chỉ tiêu | Đơn vị | 2023 |\n|---|---|---|\n| Thuê bao di động | thuê bao/100 dân | 125,4 |\n";
    let found = read(rate, Period::date(2024, 1, Some(18)), &[]);
    assert_eq!(reason_of(&found, "100"), Some(Reason::Name));
    assert_eq!(reading(rate, "125,4").0, Unit::Per100People);
    for text in [after, unnamed, both, own, rate, capitals, running] {
        stated_by_quotes(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    }
}

/// Figures as tables write them: bare, with a unit or a scale of their own, an aside, a
/// qualifier, two scales.
const FIGURES: [&str; 13] = [
    "12,5",
    "20",
    "85,2%",
    "3 tỷ đồng",
    "1.250",
    "45 Mbps",
    "1.250 km",
    "12 thuê bao/100 dân",
    "520 (ước)",
    "Trên 3 tỷ 500 triệu đồng",
    "Không dưới 80",
    "Ước đạt 520",
    "25 tr",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Tables of every layout: a column of units before or after the figures, under a heading
    /// the assistant knows or not, a label with a bracket or without, figures with a unit of
    /// their own or without.
    #[test]
    fn every_figure_of_a_table_is_stated_by_its_quote(
        rows in proptest::collection::vec(
            (0usize..4, 0usize..12, proptest::sample::subsequence(FIGURES.to_vec(), 1..3)),
            1..4,
        ),
        heading in proptest::sample::select(vec!["Đơn vị", "ĐV", "Ghi chú"]),
        units_after in proptest::bool::ANY,
        tabs in proptest::bool::ANY,
        trailing_tab in proptest::bool::ANY,
    ) {
        const LABELS: [&str; 4] = ["Kinh phí đầu tư", "Doanh thu (tỷ đồng)", "Tỷ lệ xã có cáp quang (%)", "Số thuê bao (nghìn thuê bao)"];
        const UNITS: [&str; 12] = ["", "%", "tỷ đồng", "triệu đồng", "nghìn thuê bao", "Đạt", "thuê bao/100 dân", "Tỷ đồng (giá SS 2010)", "nghìn TB 4G", "Triệu Sơn", "Tỷ giá", "Tỷ Đồng"];
        let end = if trailing_tab { "\t" } else { "" };
        let line = |cells: Vec<String>| if tabs { format!("{}{end}\n", cells.join("\t")) } else { format!("| {} |\n", cells.join(" | ")) };
        let figures = rows.iter().map(|(_, _, f)| f.len()).max().unwrap_or(1);
        let years: Vec<String> = (0..figures).map(|y| (2021 + y).to_string()).collect();
        let arrange = |label: String, unit: String, figures: Vec<String>| {
            let mut cells = vec![label];
            if !units_after { cells.push(unit.clone()); }
            cells.extend(figures);
            if units_after { cells.push(unit); }
            cells
        };
        let mut text = line(arrange("Chỉ tiêu".into(), heading.into(), years));
        for (label, unit, written) in &rows {
            let mut written: Vec<String> = written.iter().map(|w| (*w).to_owned()).collect();
            written.resize(figures, "-".into());
            text += &line(arrange(LABELS[*label].into(), UNITS[*unit].into(), written));
        }
        proptest::prop_assert!(stated_by_quotes(&text).is_ok(), "{}\n{:?}", text, stated_by_quotes(&text));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    /// Texts of report fragments in any order: every figure proposed from any of them is stated
    /// by its quote as `validate` reads it.
    #[test]
    fn every_figure_of_any_text_is_stated_by_its_quote(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "Toàn tỉnh có ", "đạt ", "trên ", "Khoảng ", "không dưới ", "ước đạt ", "và ", "tăng ",
            "1.250", "85,2", "3", "25", "12,5", "2.104", "500",
            " tỷ đồng", " triệu đồng", " nghìn", "%", " trạm BTS", " thuê bao/100 dân", " km", " Mbps",
            " hộ gia đình", " (ước)", " tỷ lệ", " Triệu Sơn", " Tỷ Đồng",
            "\t", " | ", ". ", "; ", "\n", "\n| Chỉ tiêu | Đơn vị | 2023 |\n", "(", ")", "năm 2023 ",
            "hơn ", "gần ", " tỷ 500 triệu", " triệu tỷ", "/", "-", "\u{2212}", "Tổng\t", "II\t",
            "\nChỉ tiêu\tĐVT\t2022\t2023\n", "\u{a0}", "tối thiểu ", "Trên ",
        ]), 1..40),
    ) {
        let text: String = parts.concat();
        proptest::prop_assert!(stated_by_quotes(&text).is_ok(), "{:?}\n{:?}", text, stated_by_quotes(&text));
    }
}
