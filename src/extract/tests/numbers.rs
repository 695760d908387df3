//! What a number is: a change, money in đồng or another currency, a rank, a level with its
//! qualifier, wrapped or not.

use super::*;

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
fn the_level_a_change_starts_from_is_set_aside_and_the_level_reached_proposed() {
    let text = "Năm 2024, chỉ số DTI của tỉnh tăng từ 0,4100 lên 0,5456 điểm. Tỷ lệ hồ sơ \
                trực tuyến từ 45% năm 2022 lên 78% năm 2023. Số trạm BTS giảm từ 1.200 \
                                trạm xuống còn 1.150 trạm. Thu hút từ 200 doanh nghiệp trở lên.\n\
                Mỗi hộ được hỗ trợ từ 2 triệu đồng. Số hộ tăng lên 800 hộ. Gói cước có tốc độ \
                từ 150 Mbps tải xuống 50 Mbps tải lên. Chỉ số PAPI tăng 10 bậc, từ vị trí thứ \
                30 lên vị trí thứ 20.\n";
    let found = read(text, Period::date(2024, 6, Some(5)), &[]);
    // Not past its sentence, nor a download; a rank reached is a rank.
    for level in ["2", "150", "20"] {
        assert!(
            found.candidates.iter().any(|c| c.written == level),
            "{level}"
        );
    }
    assert!(!suggested(&found, "20"));
    for start in ["0,4100", "45", "1.200", "30"] {
        assert_eq!(reason_of(&found, start), Some(Reason::Change), "{start}");
    }
    let by = |w: &str| found.candidates.iter().find(|c| c.written == w);
    for reached in ["0,5456", "78", "1.150"] {
        assert!(by(reached).is_some(), "{reached} in {found:?}");
    }
    // "từ … trở lên" is no change: the number is a level, at least 200.
    let least = by("200").expect("at least 200");
    assert_eq!(least.qualifier, Qualifier::AtLeast, "{least:?}");
    assert!(
        least.quote.ends_with("200 doanh nghiệp trở lên"),
        "{least:?}"
    );
    let score = by("0,5456").expect("the score reached");
    assert!(score.quote.ends_with("lên 0,5456 điểm"), "{score:?}");
    assert!(
        stated_by_quotes(text).is_ok(),
        "{:?}",
        stated_by_quotes(text)
    );
}

#[test]
fn a_phrase_after_a_number_qualifies_it_as_validate_reads_its_quote() {
    let text = "Toàn tỉnh có 70% trở lên”. Tỷ lệ đạt 50 - 60% trở lên. Số doanh nghiệp từ 10 \
                đến 50 lao động trở lên. Sở có 40 công chức đại học trở lên.\n";
    let found = read(text, Period::date(2024, 6, Some(5)), &[]);
    let qualifier = |w: &str| {
        found
            .candidates
            .iter()
            .find(|c| c.written == w)
            .map(|c| c.qualifier)
    };
    assert_eq!(qualifier("70"), Some(Qualifier::AtLeast));
    // A range's, and a degree's "trở lên", are not the figure's.
    assert_eq!(qualifier("50 - 60"), Some(Qualifier::Exact));
    assert_eq!(qualifier("40"), Some(Qualifier::Exact));
    assert!(
        stated_by_quotes(text).is_ok(),
        "{:?}",
        stated_by_quotes(text)
    );
}

#[test]
fn a_decimal_after_a_word_that_numbers_names_is_an_amount() {
    let text = "Chỉ số DTI năm 2023 của tỉnh đạt 0,4567 điểm. Trong đó: Chính quyền số 0,5890; \
                Kinh tế số 0,3980. Lãi suất ở mức 2,5%. Theo Nghị quyết số 09, tổ số 3 \
                và mức 2, 3 của dịch vụ. Dịch vụ mức độ 3,4 và hệ thống cấp độ 2,1.\n";
    let found = read(text, Period::date(2024, 6, Some(5)), &[]);
    for amount in ["0,5890", "0,3980", "2,5"] {
        assert!(
            found.candidates.iter().any(|c| c.written == amount),
            "{amount} in {found:?}"
        );
    }
    // A part's score is not the index's.
    for part in ["0,5890", "0,3980"] {
        let candidate = found.candidates.iter().find(|c| c.written == part);
        let suggested = candidate.map(|c| c.suggestions.iter().any(|s| s.indicator == "dti_score"));
        assert_eq!(suggested, Some(false), "{part}");
    }
    for name in ["3", "2", "3,4", "2,1"] {
        assert_eq!(reason_of(&found, name), Some(Reason::Name), "{name}");
    }
    assert_eq!(reason_of(&found, "09"), Some(Reason::DocumentNumber));
}

/// Whether the figure written `written` is proposed with suggestions (it must be proposed).
fn suggested(found: &Extraction, written: &str) -> bool {
    let candidate = found.candidates.iter().find(|c| c.written == written);
    let candidate = candidate.unwrap_or_else(|| panic!("{written} in {found:?}"));
    !candidate.suggestions.is_empty()
}

#[test]
fn a_rank_is_a_figure_that_no_indicator_measures() {
    let found = beside();
    // "xếp thứ 20", and the second rank of a clause, "đứng thứ 9 cả nước và thứ 2 khu vực";
    // a count in the same text.
    for (written, count) in [("20", false), ("9", false), ("2", false), ("24", true)] {
        assert_eq!(suggested(&found, written), count, "{written}");
    }
    let text = "Chỉ số DTI của tỉnh xếp thứ 12 năm 2023. Thứ hạng 15 của PAPI giữ nguyên. \
                Chỉ số DTI xếp hạng 13 ở khu vực Tây Nam Bộ. Camera được lắp tại 120 vị trí. \
                Năm 2023, Sở đã đánh giá, xếp hạng 20 trang thông tin điện tử thành phần. \
                                Chỉ số PAR Index đứng ở vị trí thứ 25/63 tỉnh, lần thứ 3 liên tiếp. Chỉ số \
                PAPI đứng vị trí 31 cả nước. SIPAS xếp vị trí số 8 trong khu vực. Camera được \
                lắp ở vị trí 14 nút giao thông.\n";
    let found = read(text, Period::date(2024, 1, Some(5)), &[]);
    // Ranks, whatever follows them; a count of places, and a count of what is ranked.
    for (written, count) in [
        ("12", false),
        ("15", false),
        ("13", false),
        ("120", true),
        ("20", true),
        ("25/63", false),
        ("31", false),
        ("8", false),
        ("14", true),
    ] {
        assert_eq!(suggested(&found, written), count, "{written}");
    }
    // An ordinal of the clause that ranks is no second rank.
    assert_eq!(reason_of(&found, "3"), Some(Reason::Name));
}

#[test]
fn amounts_after_level_words_ranks_out_of_the_provinces_and_a_purpose_are_read_as_such() {
    let text = "Năm 2023, có 120/151 xã trở lên được phủ sóng. Chỉ số PAPI năm 2023 đạt mức 7,5 \
                điểm. Hỗ trợ ở mức 1,5 triệu đồng. Dịch vụ mức độ 3,4 đạt 85%. Mỗi xã được hỗ \
                trợ từ 50 triệu đồng để nâng cấp đường truyền lên 100 Mbps. Tỉnh Trà Vinh ở vị \
                trí 12/63 tỉnh, thành phố.\n";
    let found = read(text, Period::date(2024, 3, Some(12)), &[]);
    for amount in ["7,5", "1,5", "50", "12/63"] {
        assert!(
            found.candidates.iter().any(|c| c.written == amount),
            "{amount} in {found:?}"
        );
    }
    assert_eq!(reason_of(&found, "3,4"), Some(Reason::Name));
    assert!(!suggested(&found, "12/63"));
    // A ratio takes no "trở lên" after it, as validate reads its first number.
    assert!(
        stated_by_quotes(text).is_ok(),
        "{:?}",
        stated_by_quotes(text)
    );
}
