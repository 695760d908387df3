//! The tables of a text: what a cell's figure takes from its row and its column.

use super::*;

const TABLE: &str = "Bảng 1. Hạ tầng số\n\
    | Chỉ tiêu | Đơn vị | 2022 | Năm 2023 | Kế hoạch 2025 |\n\
    |---|---|---|---|---|\n\
    | Tỷ lệ hộ gia đình có cáp quang | % | 75,2 | 80,1 | 90 |\n\
    | Số trạm BTS | trạm | 1.950 | 2.104 | 2.500 |\n\
    Sau bảng, 12 xã.\n";

fn cell_of(text: &str, number: &str) -> Option<(String, Option<String>, Option<u16>, bool)> {
    let tables = TextTables::of(text);
    let at = text.find(number)?;
    let cell = tables.cell_at(text, at)?;
    Some((
        text[cell.label].to_owned(),
        cell.unit.map(|u| text[u].to_owned()),
        cell.year,
        cell.is_target,
    ))
}

#[test]
fn a_figure_takes_its_rows_label_and_unit_and_its_columns_year() {
    assert_eq!(
        cell_of(TABLE, "80,1"),
        Some((
            "Tỷ lệ hộ gia đình có cáp quang".into(),
            Some("%".into()),
            Some(2023),
            false
        ))
    );
    assert_eq!(
        cell_of(TABLE, "1.950"),
        Some(("Số trạm BTS".into(), Some("trạm".into()), Some(2022), false))
    );
    assert_eq!(
        cell_of(TABLE, "2.500"),
        Some(("Số trạm BTS".into(), Some("trạm".into()), Some(2025), true))
    );
    let tables = TextTables::of(TABLE);
    let at = TABLE.find("80,1").unwrap_or_default();
    let row = tables.cell_at(TABLE, at).map(|c| TABLE[c.row].to_owned());
    assert_eq!(
        row.as_deref(),
        Some("Tỷ lệ hộ gia đình có cáp quang | % | 75,2 | 80,1")
    );
}

#[test]
fn a_column_of_row_numbers_leads_to_the_label_and_counts_nothing() {
    let text = "| STT | Chỉ tiêu | ĐVT | Năm 2023 |\n\
                | 1 | Số trạm BTS | trạm | 2.104 |\n";
    let tables = TextTables::of(text);
    assert!(tables.is_row_number(text.find("| 1 |").unwrap_or(0) + 2));
    assert_eq!(
        cell_of(text, "2.104"),
        Some(("Số trạm BTS".into(), Some("trạm".into()), Some(2023), false))
    );
}

#[test]
fn indented_paragraphs_and_prose_with_tabs_are_no_table() {
    let text = "\tNăm 2022, kế hoạch được triển khai.\n\tToàn tỉnh có 1.208 trạm BTS.\n";
    assert_eq!(cell_of(text, "1.208"), None);
    let text = "Năm 2023 tỉnh đã triển khai đồng bộ nhiều giải pháp chuyển đổi số\tquan trọng.\n\
                Toàn tỉnh có\t1.208 trạm BTS.\n";
    assert_eq!(cell_of(text, "1.208"), None);
}

#[test]
fn headings_labels_units_and_the_text_around_are_no_cells_of_figures() {
    for number in ["2022", "Bảng 1", "12 xã"] {
        assert_eq!(cell_of(TABLE, number), None, "{number}");
    }
    // A line with one bar is no table, nor one line alone.
    assert_eq!(cell_of("Tỷ lệ | 80,1\nHết.\n", "80,1"), None);
    assert_eq!(cell_of("A | B | C\n", "B"), None);
}

#[test]
fn a_row_too_long_to_quote_is_quoted_from_as_far_back_as_fits() {
    let values: Vec<String> = (1..=400).map(|n| n.to_string()).collect();
    let years: Vec<String> = (0..400).map(|n| (1990 + n % 100).to_string()).collect();
    let text = format!(
        "Chỉ tiêu|{}\nSố trạm BTS|{}\n",
        years.join("|"),
        values.join("|")
    );
    let tables = TextTables::of(&text);
    let at = text.find("|399|").map_or(0, |i| i + 1);
    let cell = tables.cell_at(&text, at).expect("a cell of figures");
    assert!(
        cell.row.len() <= LONGEST && cell.row.contains(&at),
        "{:?}",
        cell.row
    );
    assert_eq!(&text[cell.row.end - 3..cell.row.end], "399");
    // It starts at a cell's start.
    assert_eq!(text.as_bytes()[cell.row.start - 1], b'|');
    assert_eq!(&text[cell.label], "Số trạm BTS");
}

#[test]
fn a_clause_after_a_tab_is_no_cell_of_figures() {
    let text = "Toàn tỉnh có 1.208 trạm BTS.\tTỷ lệ hộ có cáp quang đạt 85,2%.\n\
                Ngoài ra có 25 điểm\tvà 300 trạm 5G\n\
                Còn lại\tKhoảng 1.250 nghìn thuê bao di động\n\
                Doanh thu\t1.020 tỷ đồng (tăng 15% so với năm 2022)\n";
    assert_eq!(cell_of(text, "300"), None);
    assert_eq!(cell_of(text, "15%"), None);
    let label = |number| cell_of(text, number).map(|c| c.0);
    assert_eq!(label("1.250"), Some("Còn lại".to_owned()));
    assert_eq!(label("1.020"), Some("Doanh thu".to_owned()));
}

#[test]
fn a_rows_number_in_letters_is_no_label_and_a_sub_row_keeps_its_columns() {
    let text = "STT\tChỉ tiêu\tĐơn vị\t2023\n\
                II\tDoanh thu\ttỷ đồng\t25\n\
                \tTrong đó: di động\tthuê bao\t1.100\n\
                a)\tCáp quang\tthuê bao\t300\n";
    let label = |number| cell_of(text, number).map(|c| (c.0, c.2));
    assert_eq!(label("25"), Some(("Doanh thu".into(), Some(2023))));
    assert_eq!(
        label("1.100"),
        Some(("Trong đó: di động".into(), Some(2023)))
    );
    assert_eq!(label("300"), Some(("Cáp quang".into(), Some(2023))));
    assert!(is_row_mark("IV.") && is_row_mark("b)") && !is_row_mark("Đạt"));
}

#[test]
fn a_row_parted_by_tabs_may_end_before_its_empty_cells() {
    let text = "Chỉ tiêu\tĐVT\t2023\tGhi chú\t\nDoanh thu\ttỷ đồng\t25\t\t\nTỷ lệ\t%\t80,5\n";
    assert_eq!(
        cell_of(text, "25").map(|c| c.0),
        Some("Doanh thu".to_owned())
    );
    assert_eq!(cell_of(text, "80,5").map(|c| c.2), Some(Some(2023)));
}

#[test]
fn a_quote_runs_on_to_a_column_of_units_after_the_figure() {
    let text = "| Chỉ tiêu | 2022 | 2023 | Đơn vị |\n|---|---|---|---|\n\
                | Kinh phí đầu tư | 12,5 | 20 | tỷ đồng |\n";
    let tables = TextTables::of(text);
    let cell = tables
        .cell_at(text, text.find("12,5").expect("a figure"))
        .expect("a cell");
    assert_eq!(&text[cell.row], "Kinh phí đầu tư | 12,5 | 20 | tỷ đồng");
    assert_eq!(cell.unit.map(|u| &text[u]), Some("tỷ đồng"));
    // Not when that would make the quote too long: the unit is then not the quote's.
    let long = format!(
        "| Chỉ tiêu | 2023 | Ghi chú | Đơn vị |\n| Kinh phí | 20 | {} | tỷ đồng |\n",
        "x".repeat(LONGEST)
    );
    let tables = TextTables::of(&long);
    let cell = tables
        .cell_at(&long, long.find("20 ").expect("a figure"))
        .expect("a cell");
    assert_eq!(&long[cell.row], "Kinh phí | 20");
}

#[test]
fn tabs_part_cells_and_a_unit_in_brackets_is_no_part_of_the_label() {
    let text = "Chỉ tiêu\t2021-2025\t2023\n\
                Tỷ lệ dân số có điện thoại thông minh (%)\t70,5\t78,3\n";
    assert_eq!(
        cell_of(text, "78,3"),
        Some((
            "Tỷ lệ dân số có điện thoại thông minh".into(),
            None,
            Some(2023),
            false
        ))
    );
    // A span of years heads no year.
    assert_eq!(cell_of(text, "70,5").and_then(|c| c.2), None);
}

#[test]
fn a_row_led_by_its_year_takes_its_columns_heading_as_its_label() {
    let text = "Năm\tĐiểm DTI\tTỷ lệ hồ sơ trực tuyến (%)\tXếp hạng\n\
                2022\t0,4203\t45,2\t28\n\
                2023\t0,4821\t52,3\t18\n";
    assert_eq!(
        cell_of(text, "0,4821"),
        Some(("Điểm DTI".into(), None, Some(2023), false))
    );
    let tables = TextTables::of(text);
    let cell = |number| {
        let at = text.find(number).expect("a figure");
        tables.cell_at(text, at).expect("a cell of figures")
    };
    let share = cell("52,3");
    assert_eq!(&text[share.label], "Tỷ lệ hồ sơ trực tuyến");
    assert_eq!(share.heading_unit.map(|u| &text[u]), Some("%"));
    assert_eq!(&text[share.row], "2023\t0,4821\t52,3");
    let rank = tables
        .cell_at(text, text.find("\t18").expect("a rank") + 1)
        .expect("a cell of figures");
    assert!(rank.is_rank && !share.is_rank);
    assert_eq!(rank.year, Some(2023));
    // A row led by a number that is no year is no row of a year.
    let text = "STT\tĐiểm DTI\n1\t0,4203\n";
    assert_eq!(cell_of(text, "0,4203"), None);
}

#[test]
fn a_column_heading_names_what_a_provinces_figure_is() {
    let text = "Tỉnh\tDTI\tXếp hạng\nBình Định\t0,4821\t18\n";
    let tables = TextTables::of(text);
    let at = |number: &str| text.find(number).expect("a figure");
    let score = tables.cell_at(text, at("0,4821")).expect("a cell");
    assert_eq!(
        (&text[score.label.clone()], score.heading.map(|h| &text[h])),
        ("Bình Định", Some("DTI"))
    );
    let rank = tables.cell_at(text, at("\t18") + 1).expect("a cell");
    assert!(rank.is_rank);
    // A heading of years names no rank.
    let cell = TextTables::of(TABLE).cell_at(TABLE, TABLE.find("80,1").expect("a figure"));
    assert!(cell.is_some_and(|cell| !cell.is_rank));
}
