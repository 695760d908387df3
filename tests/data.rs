//! The bundled dataset against its reports: every quote occurs in its source, every value and
//! qualifier follows from its quote, every exclusion is a real sentence, and the known
//! inconsistencies of the reports are found.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::fs;

use ict_compare::{Dataset, DatasetFiles, ErrorKind, consistency, provenance, table_provenance};

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/data/{path}", env!("CARGO_MANIFEST_DIR"))).expect("a data file")
}

struct Data {
    files: HashMap<&'static str, String>,
}

impl Data {
    fn load() -> Data {
        Data {
            files: DatasetFiles::NAMES
                .into_iter()
                .map(|name| (name, read(name)))
                .collect(),
        }
    }

    fn with(mut self, name: &'static str, text: String) -> Data {
        self.files.insert(name, text);
        self
    }

    fn get(&self, name: &str) -> &str {
        &self.files[name]
    }

    fn dataset(&self) -> ict_compare::Result<Dataset> {
        Dataset::from_files(&DatasetFiles::from_names(|name| self.get(name)))
    }
}

/// The provenance errors of a data folder's observations.
fn provenance_errors(data: &Data) -> Vec<ict_compare::Error> {
    let dataset = data.dataset().expect("loads");
    provenance(
        &dataset,
        data.get("observations.csv"),
        "observations.csv",
        &source_texts(&dataset),
    )
    .expect("parses")
}

fn source_texts(dataset: &Dataset) -> HashMap<String, String> {
    dataset
        .sources()
        .iter()
        .map(|s| (s.id.clone(), read(&s.file)))
        .collect()
}

#[test]
fn the_files_on_disk_are_the_bundled_dataset() {
    let from_disk = Data::load().dataset().expect("the data folder loads");
    let bundled = Dataset::bundled().expect("the bundled dataset loads");
    assert_eq!(
        from_disk.observations().collect::<Vec<_>>(),
        bundled.observations().collect::<Vec<_>>()
    );
}

#[test]
fn every_quote_is_in_its_report_and_states_its_value() {
    let data = Data::load();
    let errors = provenance_errors(&data);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages.is_empty(),
        "provenance errors:\n{}",
        messages.join("\n")
    );
}

#[test]
fn provenance_catches_a_misread_value_and_a_wrong_qualifier() {
    let data = Data::load();
    let original = data.get("observations.csv");
    // Change the value of the Quảng Bình computer count: 7301 → 7310.
    let misread = original.replacen(",7301,", ",7310,", 1);
    assert_ne!(misread, original, "the row to corrupt exists");
    let data = Data::load().with("observations.csv", misread);
    let errors = provenance_errors(&data);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        matches!(errors[0].kind(), ErrorKind::InvalidValue { column, .. } if column == "value")
    );
    assert!(errors[0].to_string().contains("7301"), "{}", errors[0]);

    // A quote that is not verbatim (diacritics stripped) is refused.
    let edited = original.replacen("7.301 máy tính", "7.301 may tinh", 1);
    let data = Data::load().with("observations.csv", edited);
    let errors = provenance_errors(&data);
    assert!(
        matches!(errors.as_slice(), [e] if matches!(e.kind(), ErrorKind::QuoteNotInSource { .. })),
        "{errors:?}"
    );
}

#[test]
fn every_exclusion_quotes_its_report() {
    let dataset = Dataset::bundled().expect("loads");
    let texts = source_texts(&dataset);
    let exclusions = read("exclusions.csv");
    let reader = exclusions.lines().skip(1);
    let mut count = 0;
    // Exclusion quotes are simple enough to split by hand: `source,"quote",reason`.
    for line in reader {
        let (source, rest) = line.split_once(',').expect("a source id");
        let quote = if let Some(quoted) = rest.strip_prefix('"') {
            quoted
                .split_once("\",")
                .map(|(q, _)| q.replace("\"\"", "\""))
                .expect("a closed quote")
        } else {
            rest.split_once(',')
                .map(|(q, _)| q.to_owned())
                .expect("a reason")
        };
        assert!(
            texts[source].contains(&quote),
            "exclusion {quote:?} is not in {source}"
        );
        count += 1;
    }
    assert!(count > 50, "{count} exclusions");
}

#[test]
fn more_than_a_hundred_figures_from_all_five_reports() {
    let dataset = Dataset::bundled().expect("loads");
    assert!(dataset.len() > 100, "{} observations", dataset.len());
    assert!(
        dataset.observations().all(|o| !o.id.is_empty()),
        "every bundled figure has an id"
    );
    for source in dataset.sources() {
        assert!(
            dataset.observations().any(|o| o.source == source.id),
            "{} has figures",
            source.id
        );
    }
}

#[test]
fn achievements_are_not_dated_after_their_report() {
    let dataset = Dataset::bundled().expect("loads");
    // Every report is dated; a published table need not be (its period is checked at load).
    let published: HashMap<&str, _> = dataset
        .sources()
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.published?)))
        .collect();
    assert_eq!(published.len(), 5, "the five reports are dated");
    for o in dataset.observations().filter(|o| !o.is_target) {
        let Some(&limit) = published.get(o.source.as_str()) else {
            continue;
        };
        assert!(
            o.period.calendar_year() <= limit.calendar_year(),
            "{} is dated {} after {limit}",
            o.id,
            o.period
        );
    }
}

#[test]
fn look_alike_figures_are_separate_indicators_of_one_family() {
    let dataset = Dataset::bundled().expect("loads");
    let smartphones: Vec<_> = dataset
        .indicators()
        .iter()
        .filter(|i| i.family == "smartphone_ownership")
        .collect();
    assert!(smartphones.len() >= 3, "{smartphones:?}");
    let mut denominators: Vec<_> = smartphones.iter().map(|i| i.denominator.clone()).collect();
    denominators.sort();
    denominators.dedup();
    assert_eq!(
        denominators.len(),
        smartphones.len(),
        "each has its own denominator"
    );
}

#[test]
fn server_counts_of_unstated_kind_are_not_set_beside_virtual_ones() {
    let dataset = Dataset::bundled().expect("loads");
    let indicator_of = |id: &str| {
        dataset
            .observations()
            .find(|o| o.id == id)
            .map(|o| o.indicator)
            .expect("the figure")
    };
    // Trà Vinh's 171 servers (140 of them virtual) and Hải Dương's 37 of unstated kind.
    let (tra_vinh, hai_duong) = (indicator_of("tv-2023-015"), indicator_of("hd-2016-012"));
    assert_ne!(tra_vinh, hai_duong);
    let family = |id: &str| dataset.indicator(id).map(|i| i.family.clone());
    assert_eq!(family(&tra_vinh), family(&hai_duong));
    let unstated = dataset.indicator(&hai_duong).expect("an indicator");
    assert_eq!(unstated.aggregation, ict_compare::Aggregation::None);
}

#[test]
fn consistency_reports_the_computers_that_do_not_add_up() {
    let dataset = Dataset::bundled().expect("loads");
    let findings = consistency(&dataset);
    let computers = findings.iter().find(|f| {
        f.kind == "partsDoNotAddUp" && f.message.contains("7194") && f.message.contains("7301")
    });
    assert!(computers.is_some(), "{findings:#?}");
    assert!(
        findings.iter().all(|f| f.kind != "duplicate"),
        "{findings:#?}"
    );
}

#[test]
fn consistency_reports_a_duplicate() {
    let data = Data::load();
    let observations = data.get("observations.csv").to_owned();
    let row = observations
        .lines()
        .find(|l| l.contains(",7301,"))
        .expect("the row")
        .to_owned();
    let doubled = format!(
        "{observations}{}\n",
        row.replacen("qb-2023-", "qb-2023-9", 1)
    );
    let dataset = Data::load()
        .with("observations.csv", doubled)
        .dataset()
        .expect("loads");
    assert!(consistency(&dataset).iter().any(|f| f.kind == "duplicate"));
}

// ---- figures read from published tables --------------------------------------------------

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
    table_provenance(&dataset, &files, &stored_copies(&dataset, replace)).expect("parses")
}

/// `text` with the first line containing `marker` changed by `edit`.
fn edit_line(text: &str, marker: &str, edit: impl Fn(&str) -> String) -> String {
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if !done && line.contains(marker) {
                done = true;
                edit(line)
            } else {
                line.to_owned()
            }
        })
        .collect();
    assert!(done, "a line with {marker:?}");
    lines.join("\n") + "\n"
}

fn place(error: &ict_compare::Error) -> (String, u64, u64) {
    let p = error.position().expect("a position");
    (p.file.clone().unwrap_or_default(), p.line, p.column)
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
        ErrorKind::UncitedCell { citations: 0, .. }
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
