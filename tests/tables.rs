//! The national indices against the stored copies of their published tables: every figure is a
//! cell of its table, read as cited, with its province mapped from the name as published; none
//! is left out; the counts, gaps, ties and editions are those published; every mismatch is an
//! error at its file, line and column; and the rows are reproduced from the copies.
#![cfg(not(target_arch = "wasm32"))]

mod data_folder;

use std::collections::HashMap;
use std::fmt::Write;

use data_folder::{Data, edit_line, place, read};
use ict_compare::{Dataset, ErrorKind, StoredTable, table_provenance};

/// The stored copies of the tables, by their path, with `replace` applied to one of them.
fn stored_copies(
    dataset: &Dataset,
    replace: Option<(&str, &str, &str)>,
) -> HashMap<String, String> {
    let mut copies: HashMap<String, String> = dataset
        .sources()
        .iter()
        .filter(|s| s.is_table())
        .map(|s| (s.file.clone(), read(&s.file)))
        .collect();
    if let Some((file, from, to)) = replace {
        let text = copies.get_mut(file).expect("a stored copy");
        let changed = text.replacen(from, to, 1);
        assert_ne!(&changed, text, "{from:?} is in {file}");
        *text = changed;
    }
    copies
}

/// The errors of the table figures of `data` against the stored copies.
fn cell_errors(data: &Data, replace: Option<(&str, &str, &str)>) -> Vec<ict_compare::Error> {
    let dataset = data.dataset().expect("loads");
    let files = [
        ("observations.csv", data.get("observations.csv")),
        ("table_observations.csv", data.get("table_observations.csv")),
    ];
    let copies = stored_copies(&dataset, replace);
    table_provenance(&dataset, data.get("tables.csv"), &files, &copies).expect("parses")
}

#[test]
fn every_table_figure_is_a_cell_of_its_stored_table() {
    let data = Data::load();
    let errors = cell_errors(&data, None);
    assert!(errors.is_empty(), "{errors:#?}");
    let dataset = data.dataset().expect("loads");
    let from_tables: Vec<_> = dataset
        .observations()
        .filter(|o| o.cell.is_some())
        .collect();
    assert_eq!(from_tables.len(), 656);
    for o in &from_tables {
        let source = dataset
            .sources()
            .iter()
            .find(|s| s.id == o.source)
            .expect("a source");
        let table = source.table.as_ref().expect("a table");
        assert!(o.quote.is_empty(), "{}", o.id);
        assert_eq!(o.period, table.period, "{}", o.id);
        assert_eq!(o.province.scheme, table.scheme, "{}", o.id);
        assert!(
            source
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://"))
        );
        assert!(!table.attribution.is_empty());
    }
    // Every report figure has a quote and no cell.
    assert!(
        dataset
            .observations()
            .filter(|o| o.cell.is_none())
            .all(|o| !o.quote.is_empty())
    );
}

#[test]
fn every_bundled_id_is_unique_and_names_its_source() {
    let dataset = Dataset::bundled().expect("loads");
    let mut seen = std::collections::HashSet::new();
    for o in dataset.observations() {
        let number = o.id.strip_prefix(&format!("{}-", o.source));
        assert!(
            number.is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit())),
            "{} is <source_id>-NNN",
            o.id
        );
        assert!(seen.insert(o.id.clone()), "{} appears twice", o.id);
    }
}

#[test]
fn the_national_indices_are_all_bundled() {
    let dataset = Dataset::bundled().expect("loads");
    let count = |indicator: &str, scheme: &str, year: Option<u16>| {
        dataset
            .observations()
            .filter(|o| o.indicator == indicator && o.province.scheme.as_str() == scheme)
            .filter(|o| year.is_none_or(|y| o.period.calendar_year() == y))
            .count()
    };
    assert_eq!(count("dti_score", "p63", None), 189);
    assert_eq!(count("dti_score", "p34", None), 34);
    assert_eq!(count("papi_e_governance", "p63", None), 433);
    for year in [2022, 2023, 2024] {
        let provinces: std::collections::BTreeSet<_> = dataset
            .observations()
            .filter(|o| o.indicator == "dti_score" && o.period.calendar_year() == year)
            .filter(|o| o.province.scheme.as_str() == "p63")
            .map(|o| o.province)
            .collect();
        assert_eq!(provinces.len(), 63, "DTI {year}: each of the 63 once");
    }
    // The gaps of PAPI e-governance are exactly those the copy leaves empty.
    let mut gaps = Vec::new();
    for year in 2018..=2024 {
        for province in dataset.reference().provinces_of(ict_compare::Scheme::P63) {
            let found = dataset.observations().any(|o| {
                o.indicator == "papi_e_governance"
                    && o.province == province.id
                    && o.period.calendar_year() == year
            });
            if !found {
                gaps.push(format!("{year} {}", province.name));
            }
        }
    }
    assert_eq!(
        gaps,
        [
            "2021 Quảng Ninh",
            "2021 Bắc Giang",
            "2021 Bắc Ninh",
            "2022 Bắc Ninh",
            "2023 Quảng Ninh",
            "2023 Bình Dương",
            "2024 Vĩnh Phúc",
            "2024 Tiền Giang",
        ]
    );
    // Ties are kept as published.
    let dti_2022 = |code: &str| {
        dataset
            .observations()
            .find(|o| o.source == "dti-2022" && o.province.to_string() == code)
            .map(|o| o.value)
    };
    assert_eq!(dti_2022("p63:38"), Some(0.635));
    assert_eq!(dti_2022("p63:15"), Some(0.635));
    // Names as published are kept: the copies spell Hòa Bình "Hoà Bình".
    let hoa_binh = dataset
        .observations()
        .find(|o| o.source == "dti-2023" && o.province.to_string() == "p63:17")
        .and_then(|o| o.cell)
        .expect("a cell");
    assert_eq!(
        (hoa_binh.row.as_str(), hoa_binh.column.as_str()),
        ("Hoà Bình", "pdti")
    );
}

#[test]
fn the_dti_declares_its_methodology_editions() {
    let dataset = Dataset::bundled().expect("loads");
    let dti = dataset.indicator("dti_score").expect("the DTI");
    assert_eq!(dti.aggregation, ict_compare::Aggregation::Mean);
    let edition = |year: u16| {
        dti.edition_of(ict_compare::Period::year(year))
            .map(|e| e.id.as_str())
    };
    assert_eq!(edition(2022), edition(2023));
    assert_ne!(edition(2023), edition(2024));
    assert_eq!(edition(2020), None, "DTI 2020 is on another method");
    assert!(
        dti.editions
            .iter()
            .all(|e| !e.note_vi.is_empty() && !e.note_en.is_empty())
    );
    assert!(!dti.methodology_vi.is_empty() && !dti.methodology_en.is_empty());
    let papi = dataset.indicator("papi_e_governance").expect("PAPI");
    assert_eq!(papi.aggregation.to_string(), "weighted_mean:population");
}

#[test]
fn a_cell_that_reads_otherwise_fails_with_file_line_and_column() {
    // The figure cites 0.8003 where the stored copy holds 0.8002.
    let data = Data::load();
    let edited = edit_line(
        data.get("table_observations.csv"),
        "dti-2022-001,",
        |line| line.replace("pdti,0.8002", "pdti,0.8003"),
    );
    let errors = cell_errors(&Data::load().with("table_observations.csv", edited), None);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(matches!(
        errors[0].kind(),
        ErrorKind::CellNotInTable { stored: Some(s), .. } if s == "0.8002"
    ));
    // `dti-2022-001,p63:48,dti_score,2022,0.8002,dti-2022,Đà Nẵng,pdti,`: the cell is field 9.
    assert_eq!(place(&errors[0]), ("table_observations.csv".into(), 2, 65));

    // The stored copy changed under the figure: the same error, at the same place.
    let errors = cell_errors(
        &Data::load(),
        Some(("tables/opendx_dti_2022_map.json", "0.8002", "0.8012")),
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(place(&errors[0]), ("table_observations.csv".into(), 2, 65));

    // A value that does not follow from its cell.
    let edited = edit_line(
        data.get("table_observations.csv"),
        "dti-2022-001,",
        |line| line.replacen(",0.8002,", ",0.8020,", 1),
    );
    let errors = cell_errors(&Data::load().with("table_observations.csv", edited), None);
    assert!(
        matches!(errors.as_slice(), [e] if matches!(e.kind(), ErrorKind::InvalidValue { column, .. } if column == "value")),
        "{errors:#?}"
    );
    assert_eq!(place(&errors[0]).1, 2);

    // A row the table does not have.
    let edited = edit_line(
        data.get("table_observations.csv"),
        "papi-2019-005,",
        |line| line.replace("Lào Cai", "Lao Cai"),
    );
    let errors = cell_errors(&Data::load().with("table_observations.csv", edited), None);
    assert!(
        errors
            .iter()
            .any(|e| matches!(e.kind(), ErrorKind::CellNotInTable { stored: None, .. })),
        "{errors:#?}"
    );
}

#[test]
fn a_province_name_that_maps_to_none_is_an_error_naming_it() {
    // Hòa Bình renamed in the copy and in the figure: the cell is found, the name maps to none.
    let data = Data::load();
    let renamed = data.get("table_observations.csv").replacen(
        "dti-2022,Hoà Bình,",
        "dti-2022,Hoà Bình mới,",
        1,
    );
    let errors = cell_errors(
        &Data::load().with("table_observations.csv", renamed),
        Some((
            "tables/opendx_dti_2022_map.json",
            "\"Hoà Bình\"",
            "\"Hoà Bình mới\"",
        )),
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].to_string().contains("\"Hoà Bình mới\""),
        "{}",
        errors[0]
    );
    assert!(matches!(errors[0].kind(), ErrorKind::UnmappedName { .. }));
    assert_eq!(place(&errors[0]).0, "table_observations.csv");

    // A name that maps, but to another province than the figure's.
    let moved = edit_line(
        data.get("table_observations.csv"),
        "dti-2022-001,",
        |line| line.replace("p63:48", "p63:49"),
    );
    let errors = cell_errors(&Data::load().with("table_observations.csv", moved), None);
    assert!(
        errors.iter().any(|e| e
            .to_string()
            .contains("p63:48, the province \"Đà Nẵng\" names")),
        "{errors:#?}"
    );
}

#[test]
fn a_selection_the_stored_copy_does_not_bear_out_is_one_error_at_the_table() {
    // The column that names the rows, renamed in tables.csv: one error at that field, none at
    // the table's figures, which all fail for it.
    let data = Data::load();
    let renamed = edit_line(data.get("tables.csv"), "dti-2022,", |line| {
        line.replacen(",json,province,", ",json,tỉnh,", 1)
    });
    let line = renamed.lines().nth(1).expect("dti-2022's line");
    let column = line[..=line.find(",tỉnh,").expect("the renamed key")]
        .chars()
        .count()
        + 1;
    let errors = cell_errors(&Data::load().with("tables.csv", renamed.clone()), None);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        place(&errors[0]),
        ("tables.csv".to_owned(), 2, column as u64),
        "{}",
        errors[0]
    );
    assert!(
        errors[0]
            .to_string()
            .contains("`row_key` \"tỉnh\": expected a column of tables/opendx_dti_2022_map.json"),
        "{}",
        errors[0]
    );
    // A filter whose column the copy has, keeping no row; then one whose column it has not.
    for (filter, expected) in [
        ("year=2018=x", "that some row of"),
        ("năm=2018", "with a column of"),
    ] {
        let filtered = edit_line(data.get("tables.csv"), "papi-2018,", |line| {
            line.replacen("year=2018", filter, 1)
        });
        let errors = cell_errors(&Data::load().with("tables.csv", filtered), None);
        assert_eq!(errors.len(), 1, "{filter}: {errors:#?}");
        let (file, line, _) = place(&errors[0]);
        assert_eq!(file, "tables.csv");
        assert!(
            data.get("tables.csv")
                .lines()
                .nth(line as usize - 1)
                .is_some_and(|l| l.starts_with("papi-2018,"))
        );
        assert!(errors[0].to_string().contains(expected), "{}", errors[0]);
    }
}

#[test]
fn a_figure_left_out_of_a_table_is_found_in_the_stored_copy() {
    let data = Data::load();
    let shorter: String = data
        .get("table_observations.csv")
        .lines()
        .filter(|line| !line.starts_with("papi-2024-010,"))
        .flat_map(|line| [line, "\n"])
        .collect();
    let errors = cell_errors(&Data::load().with("table_observations.csv", shorter), None);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(matches!(
        errors[0].kind(),
        ErrorKind::CellCitations { citations: 0, .. }
    ));
    let (file, line, _) = place(&errors[0]);
    assert_eq!(file, "tables/papi_2018_2024.csv");
    let copy = read("tables/papi_2018_2024.csv");
    let stored_line = copy.lines().nth(line as usize - 1).expect("the line");
    assert!(stored_line.contains(",2024,"), "{stored_line}");
}

#[test]
fn a_table_figure_must_match_its_table_where_it_loads() {
    let data = Data::load();
    for (edit, column) in [
        (("dti_score,2022,", "dti_score,2023,"), "period"),
        (("dti-2022-001,p63:48", "dti-2022-001,p34:48"), "province"),
    ] {
        let edited = data
            .get("table_observations.csv")
            .replacen(edit.0, edit.1, 1);
        let error = Data::load()
            .with("table_observations.csv", edited)
            .dataset()
            .expect_err("refused");
        assert!(
            matches!(error.kind(), ErrorKind::InvalidValue { column: c, .. } if c == column),
            "{error}"
        );
        assert_eq!(place(&error).0, "table_observations.csv");
    }
    // A report figure citing a cell is refused as well.
    let observations = data.get("observations.csv");
    let header = observations.lines().next().expect("a header");
    let with_cells: String = observations
        .lines()
        .map(|line| match line {
            _ if line == header => format!("{line},table_row,table_column,cell\n"),
            _ if line.contains(",7301,") => format!("{line},Quảng Bình,pdti,7301\n"),
            _ => format!("{line},,,\n"),
        })
        .collect();
    let error = Data::load()
        .with("observations.csv", with_cells)
        .dataset()
        .expect_err("refused");
    assert_eq!(place(&error).0, "observations.csv", "{error}");
    assert!(
        error.to_string().contains("quote or on a table cell"),
        "{error}"
    );
}

/// A CSV field, quoted when it must be.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The reproducible step behind `table_observations.csv`: for each table, and each column and
/// indicator its figures cite, one row per non-empty cell of the column in the copy's order,
/// the name as published mapped to its province through the reference names and aliases. The
/// rows must equal the checked-in file; if they do not, the reproduced file is written under
/// the target folder to compare.
#[test]
fn the_rows_are_reproduced_from_the_stored_copies() {
    let dataset = Dataset::bundled().expect("loads");
    let mut cited: Vec<(String, String, String)> = Vec::new();
    for o in dataset.observations() {
        if let Some(cell) = o.cell {
            let key = (o.source, cell.column, o.indicator);
            if !cited.contains(&key) {
                cited.push(key);
            }
        }
    }
    let mut out = String::from(
        "observation_id,province,indicator_id,period,value,source_id,table_row,table_column,cell\n",
    );
    for (id, column, indicator) in &cited {
        let source = dataset
            .sources()
            .iter()
            .find(|s| &s.id == id)
            .expect("a source");
        let table = source.table.as_ref().expect("a table");
        let copy = StoredTable::parse(&read(&source.file), &source.file, table.format)
            .expect("the stored copy reads");
        let text_of = |row: &[ict_compare::StoredCell], name: &str| {
            row.iter()
                .find(|c| c.column == name)
                .map(|c| c.text.clone())
        };
        let mut n = 0;
        for row in &copy.rows {
            if let Some(filter) = &table.row_filter
                && text_of(row, &filter.column).as_deref() != Some(filter.value.as_str())
            {
                continue;
            }
            let Some(text) = text_of(row, column).filter(|t| !t.is_empty()) else {
                continue;
            };
            let name = text_of(row, &table.row_key).expect("a row name");
            let named = dataset.reference().named(table.scheme, &name);
            let [province] = named.as_slice() else {
                panic!("{name:?} in {id} names {} provinces", named.len());
            };
            n += 1;
            writeln!(
                out,
                "{id}-{n:03},{},{indicator},{},{text},{id},{},{column},{text}",
                province.id,
                table.period,
                field(&name)
            )
            .expect("writes");
        }
    }
    let checked_in = read("table_observations.csv");
    if out != checked_in {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("table_observations.csv");
        std::fs::write(&path, &out).expect("writes");
        panic!(
            "table_observations.csv differs from the rows the stored copies give: see {}",
            path.display()
        );
    }
}
