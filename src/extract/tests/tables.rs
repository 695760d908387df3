//! Figures in the tables of a text, and every figure stated by its quote as `validate` reads
//! it.

use super::*;

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

#[test]
fn a_unit_that_only_a_column_heading_scales_leaves_its_figures_unsuggested() {
    let text = "Năm\tDoanh thu (tỷ đồng)\tTỷ lệ (%)\tGhi chú\n\
                2022\t5,5\t45,2\tĐạt\n\n\
                Chỉ tiêu\tSố hạng mục\tKinh phí (tỷ đồng)\n\
                Máy chủ\t12\t5,5\n";
    let found = read(text, Period::date(2024, 3, Some(12)), &[]);
    let all = |written: &str| written_as(&found, written);
    // A row led by its year, a note after its figures; money in a heading's scale.
    for money in all("5,5") {
        assert_eq!(money.unit, Unit::Count, "{money:?}");
        assert!(money.suggestions.is_empty(), "{money:?}");
    }
    assert_eq!(all("5,5").len(), 2);
    assert_eq!(all("45,2").first().map(|c| c.unit), Some(Unit::Percent));
    // "Số hạng mục" heads no ranks.
    assert!(all("12").first().is_some_and(|c| !c.suggestions.is_empty()));
    assert!(
        stated_by_quotes(text).is_ok(),
        "{:?}",
        stated_by_quotes(text)
    );
}

#[test]
fn a_tables_row_or_column_named_for_another_province_is_elsewhere() {
    let text = "Tỉnh\tDTI\tXếp hạng\nBình Định\t0,4821\t18\nTỉnh Đồng Nai\t0,5210\t9\n\n\
                Năm\tBình Định\tĐồng Nai\tBình Dương\n2023\t0,4822\t0,5211\t0,5312\n\n\
                Huyện\tTỷ lệ hộ có cáp quang (%)\nHòa Bình\t80,3\n";
    let found = read(
        text,
        Period::date(2024, 3, Some(12)),
        &["đồng nai", "bình dương", "hòa bình"],
    );
    // Ours, and a district that shares a province's name.
    for ours in ["0,4821", "18", "0,4822", "80,3"] {
        assert_eq!(written_as(&found, ours).len(), 1, "{ours}");
    }
    for theirs in ["0,5210", "9", "0,5211", "0,5312"] {
        assert_eq!(
            reason_of(&found, theirs),
            Some(Reason::Elsewhere),
            "{theirs}"
        );
    }
}

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

#[test]
fn a_tables_scores_and_ranks_are_read_from_its_headings() {
    let text = "Bảng 2. Kết quả chỉ số DTI của tỉnh\n\
                Năm\tĐiểm DTI\tTỷ lệ hồ sơ trực tuyến (%)\tXếp hạng\n\
                2022\t0,4203\t45,2\t28\n\
                2023\t0,4821\t52,3\t18\n\n\
                Bảng 3. So sánh\n\
                Tỉnh\tChỉ số DTI\tChính quyền số\tThứ hạng\n\
                Bình Định\t0,4821\t0,5230\t18\n";
    let found = read(text, Period::date(2024, 3, Some(12)), &[]);
    let all = |written: &str| written_as(&found, written);
    let score = all("0,4203");
    let score = score.first().expect("the score of 2022");
    assert_eq!(
        (score.unit, score.period),
        (Unit::Score0To1, Some(Period::year(2022)))
    );
    assert_eq!(
        score.suggestions.first().map(|s| s.indicator.as_str()),
        Some("dti_score")
    );
    let share = all("52,3");
    assert_eq!(share.first().map(|c| c.unit), Some(Unit::Percent));
    // Ranks, in either table; the part's score has no suggestion of the whole index's.
    for rank in ["28", "18"] {
        let ranks = all(rank);
        assert!(
            !ranks.is_empty() && ranks.iter().all(|c| c.suggestions.is_empty()),
            "{rank}"
        );
    }
    let part = all("0,5230");
    let part = part.first().expect("the part's score");
    assert_eq!(part.unit, Unit::Score0To1);
    assert!(
        !part.suggestions.iter().any(|s| s.indicator == "dti_score"),
        "{part:?}"
    );
    assert!(
        stated_by_quotes(text).is_ok(),
        "{:?}",
        stated_by_quotes(text)
    );
}

#[test]
fn a_dash_in_a_cell_of_its_own_parts_two_figures() {
    for text in [
        "Năm\tSố trạm\tTỷ lệ (%)\tGhi chú\n2023\t5,5\t-\t6,5\n",
        "Chỉ tiêu\t2022\t2023\t2024\nSố trạm BTS 4G\t100\t-\t120\n",
    ] {
        let found = read(text, Period::date(2024, 3, Some(12)), &[]);
        assert_eq!(found.candidates.len(), 2, "{found:?}");
        assert!(
            stated_by_quotes(text).is_ok(),
            "{:?}",
            stated_by_quotes(text)
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Tables of any cells, tabs or bars between them: nothing panics, and every figure is
    /// stated by its quote as `validate` reads it.
    #[test]
    fn any_table_reads_without_panic_and_as_validate_reads_it(
        rows in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(vec![
                "Năm", "2023", "2022", "5,5", "-", "từ 15", "tới", "20", "Số trạm BTS",
                "Tỷ lệ (%)", "Doanh thu (tỷ đồng)", "", "0,4821", "Xếp hạng", "1.250", "trên 90%",
                "50 trở lên", "thứ 15", "Đơn vị", "%", "trạm", "STT", "1", "Ghi chú", "Đạt",
            ]), 1..6),
            1..6,
        ),
        bars in proptest::prelude::any::<bool>(),
    ) {
        let separator = if bars { " | " } else { "\t" };
        let text: String = rows.iter().map(|cells| cells.join(separator) + "\n").collect();
        proptest::prop_assert!(stated_by_quotes(&text).is_ok(), "{:?}", stated_by_quotes(&text));
    }
}

/// The candidates written `written`.
fn written_as<'a>(found: &'a Extraction, written: &str) -> Vec<&'a Candidate> {
    found
        .candidates
        .iter()
        .filter(|c| c.written == written)
        .collect()
}
