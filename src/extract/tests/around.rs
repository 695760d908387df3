//! What around a figure dates it, makes it a goal, or gives it to the country or another
//! province.

use super::*;

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
fn a_figure_that_names_what_it_counts_is_suggested_from_its_own_clause() {
    let first = |text: &str, written: &str| {
        let found = read(text, Period::date(2024, 3, Some(12)), &[]);
        let candidate = found.candidates.into_iter().find(|c| c.written == written);
        candidate.and_then(|c| c.suggestions.into_iter().next().map(|s| s.indicator))
    };
    let text = "Tỷ lệ người dân trưởng thành có điện thoại thông minh ước đạt 82%; khoảng 68% hộ \
                gia đình có kết nối Internet cáp quang.\n";
    assert_eq!(first(text, "68").as_deref(), Some("households_fibre_share"));
    assert_eq!(
        first(text, "82").as_deref(),
        Some("adults_smartphone_share")
    );
    // A label before a colon heads every clause of its list.
    let text = "Tỷ lệ hộ gia đình có kết nối Internet cáp quang: khu vực thành thị 85% hộ; khu \
                vực nông thôn 60% hộ.\n";
    assert_eq!(first(text, "60").as_deref(), Some("households_fibre_share"));
}

#[test]
fn a_figure_under_a_heading_of_work_to_come_is_a_goal_of_its_year() {
    let text = "TRÀ VINH ĐẨY MẠNH THỰC HIỆN KẾ HOẠCH NĂM 2024\n\
                I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2024\n\
                - Tỷ lệ hồ sơ trực tuyến toàn trình đạt 62%.\n\
                STT\tCHỈ TIÊU\tKẾ HOẠCH NĂM 2025\n1\tTrạm BTS\t1.500\n\
                Năm 2024, toàn tỉnh có 1.320 trạm BTS.\n\
                II. NHIỆM VỤ NĂM 2025\n1. Chính quyền số\n\
                - Nâng tỷ lệ hồ sơ trực tuyến toàn trình lên 80%.\n\
                - Năm 2024 đã có 1.250 trạm BTS.\n\
                - Năm 2024 toàn tỉnh có 1.100 điểm Wi-Fi; năm 2025 có 1.400 điểm Wi-Fi.\n\
                                - Hoàn thành cấp chữ ký số cho 95% cán bộ.\n\
                - Đến nay, 91% hộ gia đình có kết nối Internet cáp quang.\n\
                - Trong năm qua, toàn tỉnh cấp 5.000 chữ ký số.\n\
                Nơi nhận:\n- Lưu: VT.\n";
    let found = read(text, Period::date(2024, 12, Some(10)), &[]);
    let by = |w: &str| found.candidates.iter().find(|c| c.written == w);
    for goal in ["80", "1.400", "95"] {
        let goal = by(goal).expect("a goal");
        assert_eq!(
            (goal.is_target, goal.period),
            (true, Some(Period::year(2025))),
            "{goal:?}"
        );
    }
    // Results: under a heading that reviews a plan, after a table's row in capitals, or of a
    // year the figure's clause names.
    for done in ["62", "1.320", "1.250", "1.100", "91", "5.000"] {
        let figure = by(done).expect("a figure");
        assert!(!figure.is_target, "{figure:?}");
    }
}

#[test]
fn a_goal_after_a_semicolon_is_not_now() {
    let text = "Hiện nay toàn tỉnh có 1.200 trạm BTS; phấn đấu đạt 1.500 trạm BTS.\n";
    let found = read(text, Period::date(2024, 3, Some(12)), &[]);
    let target = |w: &str| {
        found
            .candidates
            .iter()
            .find(|c| c.written == w)
            .map(|c| c.is_target)
    };
    assert_eq!(
        (target("1.200"), target("1.500")),
        (Some(false), Some(true))
    );
}
