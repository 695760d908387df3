//! The JavaScript API, exercised from WebAssembly in headless Chromium: results decode to the
//! documented shapes, and errors arrive as `IctCompareError` with a structured cause.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use ict_compare::bindings_for_tests::{JsDataset, JsDatasetLoader};

mod web_support;
use web_support::bundled;

wasm_bindgen_test_configure!(run_in_browser);

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).expect("a readable property")
}

#[wasm_bindgen_test]
fn bundled_dataset_lists_every_observation_with_its_quote() {
    let dataset = bundled();
    let list = dataset.observations().expect("a list");
    let total = get(&list, "total").as_f64().expect("a number");
    let observations: js_sys::Array = get(&list, "observations").dyn_into().expect("an array");
    assert_eq!(f64::from(observations.length()), total);
    assert_eq!(dataset.size() as f64, total);
    let first = observations.get(0);
    assert!(
        get(&first, "province")
            .as_string()
            .expect("a string")
            .starts_with("p63:")
    );
    assert!(
        !get(&first, "quote")
            .as_string()
            .expect("a string")
            .is_empty()
    );
    assert_eq!(
        get(&first, "origin").as_string().as_deref(),
        Some("bundled")
    );
    let sources: js_sys::Array = get(&list, "sources").dyn_into().expect("an array");
    let tables = sources
        .iter()
        .filter(|s| !get(s, "table").is_null())
        .count();
    assert_eq!((sources.length(), tables), (16, 11), "5 reports, 11 tables");
}

#[wasm_bindgen_test]
fn a_figure_of_a_published_table_carries_its_cell_and_its_table_its_credit() {
    let dataset = bundled();
    let matrix = dataset
        .compare(spec(
            r#"{"provinces": ["p63:17"], "indicators": ["dti_score"], "period": 2023}"#,
        ))
        .expect("a matrix");
    let rows: js_sys::Array = get(&matrix, "rows").dyn_into().expect("rows");
    let cells: js_sys::Array = get(&rows.get(0), "cells").dyn_into().expect("cells");
    let provenance: js_sys::Array = get(&cells.get(0), "provenance")
        .dyn_into()
        .expect("provenance");
    let first = provenance.get(0);
    assert_eq!(
        get(&first, "source").as_string().as_deref(),
        Some("dti-2023")
    );
    assert_eq!(get(&first, "quote").as_string().as_deref(), Some(""));
    let cell = get(&first, "cell");
    assert_eq!(get(&cell, "row").as_string().as_deref(), Some("Hoà Bình"));
    assert_eq!(get(&cell, "column").as_string().as_deref(), Some("pdti"));
    let text = get(&cell, "text").as_string().expect("the cell's text");
    assert_eq!(
        text.parse::<f64>().ok(),
        get(&cells.get(0), "value").as_f64()
    );

    let catalog = dataset.catalog().expect("a catalog");
    let sources: js_sys::Array = get(&catalog, "sources").dyn_into().expect("sources");
    let table = sources
        .iter()
        .find(|s| get(s, "id").as_string().as_deref() == Some("dti-2023"))
        .expect("the table");
    assert_eq!(
        get(&table, "url").as_string().as_deref(),
        Some("https://dti.gov.vn/xep-hang-2023-all")
    );
    let attribution = get(&get(&table, "table"), "attribution").as_string();
    assert!(attribution.is_some_and(|a| a.contains("DTI 2023")));
    // Each source says how many figures it holds.
    let papi = sources
        .iter()
        .find(|s| get(s, "id").as_string().as_deref() == Some("papi-2021"))
        .expect("PAPI 2021");
    assert_eq!(get(&papi, "figures").as_f64(), Some(60.0));
    // Index scores are shown to four decimals, the rest to three.
    let units: js_sys::Array = get(&catalog, "units").dyn_into().expect("units");
    let decimals = |unit: &str| {
        units
            .iter()
            .find(|u| get(u, "unit").as_string().as_deref() == Some(unit))
            .and_then(|u| get(&u, "decimals").as_f64())
    };
    assert_eq!(
        (decimals("score_0_1"), decimals("percent")),
        (Some(4.0), Some(3.0))
    );
    // The DTI declares its two methodology editions.
    let indicators: js_sys::Array = get(&catalog, "indicators").dyn_into().expect("indicators");
    let dti = indicators
        .iter()
        .find(|i| get(i, "id").as_string().as_deref() == Some("dti_score"))
        .expect("the DTI");
    let editions: js_sys::Array = get(&dti, "editions").dyn_into().expect("editions");
    assert_eq!(editions.length(), 2);
    assert_eq!(
        get(&dti, "aggregation").as_string().as_deref(),
        Some("mean")
    );
}

#[wasm_bindgen_test]
fn a_bad_user_file_throws_a_named_error_with_its_position() {
    let dataset = bundled();
    let csv = "observation_id,province,indicator_id,period,value,source_id\n\
               u-1,p63:84,bts_stations,2024,\"1,2,3\",mine\n";
    let error = dataset
        .with_user_csv(csv, "mine.csv")
        .err()
        .expect("an error");
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    assert_eq!(String::from(error.name()), "IctCompareError");
    let cause = get(&error, "cause");
    assert_eq!(
        get(&cause, "kind").as_string().as_deref(),
        Some("invalidNumber")
    );
    assert_eq!(get(&cause, "file").as_string().as_deref(), Some("mine.csv"));
    assert_eq!(get(&cause, "line").as_f64(), Some(2.0));
    assert_eq!(get(&cause, "column").as_f64(), Some(30.0));
    assert!(String::from(error.message()).starts_with("mine.csv:2:30: invalid number"));
    // The bundled data is untouched.
    assert_eq!(dataset.size(), bundled().size());
}

#[wasm_bindgen_test]
fn a_good_user_file_adds_figures_marked_as_the_users() {
    let dataset = bundled();
    let csv = "observation_id,province,indicator_id,period,value,source_id\n\
               u-1,p63:01,bts_stations,2024,12000,my-office\n";
    let merged = dataset.with_user_csv(csv, "mine.csv").expect("loads");
    assert_eq!(merged.size(), dataset.size() + 1);
    let list = merged.observations().expect("a list");
    let observations: js_sys::Array = get(&list, "observations").dyn_into().expect("an array");
    let added = observations.get(observations.length() - 1);
    assert_eq!(get(&added, "origin").as_string().as_deref(), Some("user"));
    assert_eq!(get(&added, "value").as_f64(), Some(12000.0));
}

fn spec(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

#[wasm_bindgen_test]
fn compare_returns_a_matrix_with_quotes_and_warnings() {
    let dataset = bundled();
    let matrix = dataset
        .compare(spec(
            r#"{"provinces": ["p63:84", "p63:44", "p63:72"],
                "indicators": ["households_fibre_share", "adults_smartphone_share", "households_smartphone_share"]}"#,
        ))
        .expect("a matrix");
    let rows: js_sys::Array = get(&matrix, "rows").dyn_into().expect("rows");
    assert_eq!(rows.length(), 3);
    let tay_ninh = rows.get(2);
    assert_eq!(
        get(&tay_ninh, "province").as_string().as_deref(),
        Some("p63:72")
    );
    let cells: js_sys::Array = get(&tay_ninh, "cells").dyn_into().expect("cells");
    let fibre = cells.get(0);
    assert_eq!(get(&fibre, "value").as_f64(), Some(92.64));
    let provenance: js_sys::Array = get(&fibre, "provenance").dyn_into().expect("provenance");
    assert!(
        get(&provenance.get(0), "quote")
            .as_string()
            .expect("a quote")
            .contains("92,64%")
    );
    assert!(
        cells.get(1).is_null(),
        "Tây Ninh reports no adults' smartphone share"
    );
    let warnings: js_sys::Array = get(&matrix, "warnings").dyn_into().expect("warnings");
    let codes: Vec<String> = warnings
        .iter()
        .filter_map(|w| get(&w, "code").as_string())
        .collect();
    assert!(codes.iter().any(|c| c == "lookAlike"), "{codes:?}");
    assert!(codes.iter().any(|c| c == "mixedPeriods"), "{codes:?}");
}

#[wasm_bindgen_test]
fn rank_puts_tay_ninh_first_on_household_fibre() {
    let dataset = bundled();
    let ranking = dataset
        .rank(spec(r#"{"indicator": "households_fibre_share"}"#))
        .expect("a ranking");
    let entries: js_sys::Array = get(&ranking, "entries").dyn_into().expect("entries");
    assert_eq!(entries.length(), 3);
    assert_eq!(
        get(&entries.get(0), "province").as_string().as_deref(),
        Some("p63:72")
    );
    assert_eq!(get(&entries.get(0), "rank").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn a_misspelt_spec_field_is_refused_by_name() {
    let dataset = bundled();
    let error = dataset
        .compare(spec(
            r#"{"provinces": ["p63:84"], "indicators": ["bts_stations"], "perCapta": true}"#,
        ))
        .expect_err("refused");
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    assert_eq!(String::from(error.name()), "IctCompareError");
    assert_eq!(
        get(&get(&error, "cause"), "kind").as_string().as_deref(),
        Some("invalidRequest")
    );
    assert!(
        String::from(error.message()).contains("perCapta"),
        "{}",
        String::from(error.message())
    );
}

#[wasm_bindgen_test]
fn comparability_refuses_look_alikes_with_a_reason() {
    let dataset = bundled();
    let verdict = dataset
        .comparability(spec(
            r#"["population_smartphone_share", "households_smartphone_share"]"#,
        ))
        .expect("a verdict");
    assert_eq!(get(&verdict, "comparable").as_bool(), Some(false));
    assert_eq!(
        get(&verdict, "code").as_string().as_deref(),
        Some("differentDefinition")
    );
}

#[wasm_bindgen_test]
fn catalog_lists_both_schemes_and_each_indicators_availability_in_both() {
    let dataset = bundled();
    let catalog = dataset.catalog().expect("a catalog");
    let provinces: js_sys::Array = get(&catalog, "provinces").dyn_into().expect("provinces");
    assert_eq!(provinces.length(), 63 + 34);
    let indicators: js_sys::Array = get(&catalog, "indicators").dyn_into().expect("indicators");
    let availability: js_sys::Array = get(&catalog, "availability").dyn_into().expect("two lists");
    for (list, of) in [(availability.get(0), 63.0), (availability.get(1), 34.0)] {
        let each: js_sys::Array = get(&list, "indicators").dyn_into().expect("indicators");
        assert_eq!(each.length(), indicators.length());
        let counted: js_sys::Array = get(&list, "provinces").dyn_into().expect("provinces");
        assert_eq!(f64::from(counted.length()), of);
    }
}

/// The gallery of bad inputs, compiled in: the browser has no file system.
const GALLERY: &[(&str, &[u8])] = &[
    ("01-empty.csv", include_bytes!("bad-inputs/01-empty.csv")),
    (
        "02-header-only.csv",
        include_bytes!("bad-inputs/02-header-only.csv"),
    ),
    (
        "03-misspelt-header.csv",
        include_bytes!("bad-inputs/03-misspelt-header.csv"),
    ),
    (
        "04-missing-column.csv",
        include_bytes!("bad-inputs/04-missing-column.csv"),
    ),
    (
        "05-duplicate-column.csv",
        include_bytes!("bad-inputs/05-duplicate-column.csv"),
    ),
    (
        "06-extra-field.csv",
        include_bytes!("bad-inputs/06-extra-field.csv"),
    ),
    (
        "07-missing-field.csv",
        include_bytes!("bad-inputs/07-missing-field.csv"),
    ),
    ("08-bom.csv", include_bytes!("bad-inputs/08-bom.csv")),
    ("09-crlf.csv", include_bytes!("bad-inputs/09-crlf.csv")),
    (
        "10-windows-1258.csv",
        include_bytes!("bad-inputs/10-windows-1258.csv"),
    ),
    (
        "11-latin1-header.csv",
        include_bytes!("bad-inputs/11-latin1-header.csv"),
    ),
    (
        "12-unbalanced-quote.csv",
        include_bytes!("bad-inputs/12-unbalanced-quote.csv"),
    ),
    (
        "13-stray-quote.csv",
        include_bytes!("bad-inputs/13-stray-quote.csv"),
    ),
    ("14-nan.csv", include_bytes!("bad-inputs/14-nan.csv")),
    (
        "15-infinity.csv",
        include_bytes!("bad-inputs/15-infinity.csv"),
    ),
    (
        "16-list-in-number.csv",
        include_bytes!("bad-inputs/16-list-in-number.csv"),
    ),
    (
        "17-share-of-140.csv",
        include_bytes!("bad-inputs/17-share-of-140.csv"),
    ),
    (
        "18-negative-count.csv",
        include_bytes!("bad-inputs/18-negative-count.csv"),
    ),
    (
        "19-unknown-province.csv",
        include_bytes!("bad-inputs/19-unknown-province.csv"),
    ),
    (
        "20-unknown-indicator.csv",
        include_bytes!("bad-inputs/20-unknown-indicator.csv"),
    ),
    (
        "21-63-code-as-34-code.csv",
        include_bytes!("bad-inputs/21-63-code-as-34-code.csv"),
    ),
    (
        "22-bare-code.csv",
        include_bytes!("bad-inputs/22-bare-code.csv"),
    ),
    (
        "23-duplicate-id.csv",
        include_bytes!("bad-inputs/23-duplicate-id.csv"),
    ),
    (
        "24-formula-in-text.csv",
        include_bytes!("bad-inputs/24-formula-in-text.csv"),
    ),
    (
        "25-html-in-text.csv",
        include_bytes!("bad-inputs/25-html-in-text.csv"),
    ),
    (
        "26-right-to-left-override.csv",
        include_bytes!("bad-inputs/26-right-to-left-override.csv"),
    ),
    (
        "27-impossible-date.csv",
        include_bytes!("bad-inputs/27-impossible-date.csv"),
    ),
    (
        "28-unknown-qualifier.csv",
        include_bytes!("bad-inputs/28-unknown-qualifier.csv"),
    ),
    (
        "29-yes-as-target.csv",
        include_bytes!("bad-inputs/29-yes-as-target.csv"),
    ),
    (
        "30-thousands-separator-in-count.csv",
        include_bytes!("bad-inputs/30-thousands-separator-in-count.csv"),
    ),
    (
        "31-empty-province.csv",
        include_bytes!("bad-inputs/31-empty-province.csv"),
    ),
    (
        "32-part-above-whole.csv",
        include_bytes!("bad-inputs/32-part-above-whole.csv"),
    ),
    (
        "33-exponent.csv",
        include_bytes!("bad-inputs/33-exponent.csv"),
    ),
    (
        "34-semicolons.csv",
        include_bytes!("bad-inputs/34-semicolons.csv"),
    ),
    (
        "35-quote-not-in-source.csv",
        include_bytes!("bad-inputs/35-quote-not-in-source.csv"),
    ),
    (
        "36-year-as-words.csv",
        include_bytes!("bad-inputs/36-year-as-words.csv"),
    ),
    (
        "37-ambiguous-grouping.csv",
        include_bytes!("bad-inputs/37-ambiguous-grouping.csv"),
    ),
    (
        "38-count-of-1e308.csv",
        include_bytes!("bad-inputs/38-count-of-1e308.csv"),
    ),
    (
        "39-share-150-of-200.csv",
        include_bytes!("bad-inputs/39-share-150-of-200.csv"),
    ),
    (
        "40-carriage-returns-only.csv",
        include_bytes!("bad-inputs/40-carriage-returns-only.csv"),
    ),
    (
        "41-utf16-without-bom.csv",
        include_bytes!("bad-inputs/41-utf16-without-bom.csv"),
    ),
    (
        "42-utf16-with-bom.csv",
        include_bytes!("bad-inputs/42-utf16-with-bom.csv"),
    ),
    (
        "43-zero-width-space-in-id.csv",
        include_bytes!("bad-inputs/43-zero-width-space-in-id.csv"),
    ),
    (
        "44-byte-order-mark-in-source-id.csv",
        include_bytes!("bad-inputs/44-byte-order-mark-in-source-id.csv"),
    ),
    (
        "45-direction-override-in-indicator.csv",
        include_bytes!("bad-inputs/45-direction-override-in-indicator.csv"),
    ),
    (
        "46-figure-dated-after-its-report.csv",
        include_bytes!("bad-inputs/46-figure-dated-after-its-report.csv"),
    ),
    (
        "47-province-not-of-its-report.csv",
        include_bytes!("bad-inputs/47-province-not-of-its-report.csv"),
    ),
    (
        "48-english-thousands.csv",
        include_bytes!("bad-inputs/48-english-thousands.csv"),
    ),
    (
        "49-bundled-source-id.csv",
        include_bytes!("bad-inputs/49-bundled-source-id.csv"),
    ),
    (
        "50-bundled-observation-id.csv",
        include_bytes!("bad-inputs/50-bundled-observation-id.csv"),
    ),
    (
        "51-cell-without-column.csv",
        include_bytes!("bad-inputs/51-cell-without-column.csv"),
    ),
    (
        "52-quote-and-cell.csv",
        include_bytes!("bad-inputs/52-quote-and-cell.csv"),
    ),
    (
        "53-index-score-as-percent.csv",
        include_bytes!("bad-inputs/53-index-score-as-percent.csv"),
    ),
    (
        "54-score-below-its-scale.csv",
        include_bytes!("bad-inputs/54-score-below-its-scale.csv"),
    ),
    (
        "55-published-table-other-year.csv",
        include_bytes!("bad-inputs/55-published-table-other-year.csv"),
    ),
    (
        "56-published-table-without-cell.csv",
        include_bytes!("bad-inputs/56-published-table-without-cell.csv"),
    ),
];

#[wasm_bindgen_test]
fn the_bad_input_gallery_fails_in_the_browser_as_it_does_natively() {
    let bundled = bundled();
    let size = bundled.size();
    let expected = include_str!("bad-inputs/expected.csv");
    assert_eq!(
        GALLERY.len(),
        expected.lines().count() - 1,
        "every file is compiled in"
    );
    for line in expected.lines().skip(1) {
        let fields: Vec<&str> = line.splitn(5, ',').collect();
        let (file, kind) = (fields[0], fields[1]);
        let bytes = GALLERY
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, b)| *b)
            .expect("compiled in");
        // The page hands the engine the file's bytes, as here.
        let outcome = bundled.with_user_file(bytes, file);
        // A reader's file cannot cite a bundled report (`bundledId`), so every check against a
        // report's text or its conventions is decided in the page exactly as natively.
        let loads = kind.is_empty();
        match outcome {
            Ok(_) => assert!(loads, "{file} loaded, expected {kind}"),
            Err(error) => {
                assert!(!loads, "{file} failed, expected to load");
                let cause = get(&error, "cause");
                assert_eq!(
                    get(&cause, "kind").as_string().as_deref(),
                    Some(kind),
                    "{file}"
                );
                assert_eq!(
                    get(&cause, "line")
                        .as_f64()
                        .map(|l| l.to_string())
                        .as_deref(),
                    Some(fields[2]),
                    "{file}"
                );
                assert_eq!(
                    get(&cause, "column")
                        .as_f64()
                        .map(|c| c.to_string())
                        .as_deref(),
                    Some(fields[3]),
                    "{file}"
                );
            }
        }
        assert_eq!(
            bundled.size(),
            size,
            "{file}: the bundled data is unchanged"
        );
    }
}

/// A plain JS object from a JSON text, as the page builds its specs.
fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

#[wasm_bindgen_test]
fn long_lists_come_a_page_at_a_time_and_a_readers_sources_name_the_file() {
    use std::fmt::Write;

    let bundled = bundled();
    let mut csv = String::from("observation_id,province,indicator_id,period,value,source_id\n");
    for i in 0..45 {
        writeln!(csv, ",p63:84,bts_stations,{},{i},mine-2024", 1950 + i).expect("writes");
    }
    let mine = bundled.with_user_csv(&csv, "mine.csv").expect("loads");
    // The reader's source comes before every bundled one: the file just opened is what the
    // reader looks for.
    let before = get(
        &bundled
            .source_page(object(r#"{"offset": 0, "limit": 10}"#))
            .expect("a page"),
        "total",
    )
    .as_f64()
    .expect("a total");
    let last = mine
        .source_page(object(&format!(r#"{{"offset": {before}, "limit": 10}}"#)))
        .expect("a page");
    let last: js_sys::Array = get(&last, "sources").dyn_into().expect("an array");
    assert_eq!(last.length(), 1);
    assert_eq!(
        get(&last.get(0), "origin").as_string().as_deref(),
        Some("bundled")
    );
    let page = mine
        .source_page(object(r#"{"offset": 0, "limit": 1}"#))
        .expect("a page");
    assert_eq!(get(&page, "total").as_f64(), Some(before + 1.0));
    let sources: js_sys::Array = get(&page, "sources").dyn_into().expect("an array");
    assert_eq!(sources.length(), 1);
    let source = sources.get(0);
    assert_eq!(get(&source, "origin").as_string().as_deref(), Some("user"));
    assert_eq!(
        get(&source, "file").as_string().as_deref(),
        Some("mine.csv")
    );
    assert_eq!(get(&source, "figures").as_f64(), Some(45.0));
    let figures = mine
        .figure_page(object(
            r#"{"source": "mine-2024", "offset": 40, "limit": 20}"#,
        ))
        .expect("a page");
    assert_eq!(get(&figures, "total").as_f64(), Some(45.0));
    let rows: js_sys::Array = get(&figures, "observations").dyn_into().expect("an array");
    assert_eq!(rows.length(), 5);
    let added = mine.user_figures().expect("a summary");
    assert_eq!(get(&added, "figures").as_f64(), Some(45.0));
    assert!(bundled.user_figures().expect("an answer").is_null());
    // A misspelt field is refused by name, and so is a page longer than the engine serves.
    for spec in [
        r#"{"ofset": 0, "limit": 10}"#,
        r#"{"offset": 0, "limit": 100000}"#,
    ] {
        let error = mine.source_page(object(spec)).expect_err("refused");
        let cause = get(&error, "cause");
        assert_eq!(
            get(&cause, "kind").as_string().as_deref(),
            Some("invalidRequest"),
            "{spec}"
        );
    }
}

#[wasm_bindgen_test]
fn a_text_loaded_in_pieces_gives_the_dataset_or_the_error_of_the_whole() {
    let indicators = ict_compare::synthetic_indicators();
    let sources = ict_compare::synthetic_sources();
    let text = ict_compare::synthetic_observations(500, 7);
    let whole = JsDataset::from_csv(&text, &indicators, &sources).expect("loads whole");
    let mut loader =
        JsDatasetLoader::new(&indicators, &sources, text.len() as u32).expect("a loader");
    for piece in text.as_bytes().chunks(97) {
        let piece = js_sys::JsString::from(std::str::from_utf8(piece).expect("ASCII"));
        loader.push(&piece).expect("a piece");
    }
    let pieces = loader.finish().expect("loads in pieces");
    assert_eq!(pieces.size(), 500);
    let question = spec(r#"{"indicator":"ind_001","groupBy":"year"}"#);
    let same =
        |d: &JsDataset| js_sys::JSON::stringify(&d.aggregate(question.clone()).expect("answers"));
    assert_eq!(same(&pieces).ok(), same(&whole).ok());
    // The same text as bytes, in pieces that cut characters (a note in Vietnamese).
    let noted = text
        .replace('\n', ",Trà Vinh ước\n")
        .replacen(",Trà Vinh ước\n", ",note\n", 1);
    let whole = JsDataset::from_csv(&noted, &indicators, &sources).expect("loads whole");
    let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
    for piece in noted.as_bytes().chunks(7) {
        loader.push_bytes(piece).expect("a piece of bytes");
    }
    assert_eq!(
        same(&loader.finish().expect("loads")).ok(),
        same(&whole).ok()
    );
    // And as text, in pieces of a few characters: each is written into the engine as UTF-8.
    let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
    let characters: Vec<char> = noted.chars().collect();
    for piece in characters.chunks(5) {
        let piece: String = piece.iter().collect();
        loader
            .push(&js_sys::JsString::from(piece.as_str()))
            .expect("a piece of text");
    }
    assert_eq!(
        same(&loader.finish().expect("loads")).ok(),
        same(&whole).ok()
    );

    // A text longer than the engine writes at once, pushed whole: it is written in parts,
    // none ending inside a character.
    let long_text = ict_compare::synthetic_observations(60_000, 7);
    let long_text =
        long_text
            .replace('\n', ",Trà Vinh ước\n")
            .replacen(",Trà Vinh ước\n", ",note\n", 1);
    assert!(long_text.len() > 3 << 20, "{}", long_text.len());
    let whole = JsDataset::from_csv(&long_text, &indicators, &sources).expect("loads whole");
    let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
    loader
        .push(&js_sys::JsString::from(long_text.as_str()))
        .expect("the whole text");
    assert_eq!(
        same(&loader.finish().expect("loads")).ok(),
        same(&whole).ok()
    );
    // Anything but a string is refused, and the loader takes no more.
    let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
    let number: js_sys::JsString = JsValue::from_f64(7.0).unchecked_into();
    assert!(loader.push(&number).is_err());
    assert!(loader.push(&js_sys::JsString::from("")).is_err());

    // The first row's source, not the header's `source_id`.
    let body = text.find('\n').expect("a header line");
    let (header, rows) = text.split_at(body);
    let bad = format!("{header}{}", rows.replacen(",s", ",nowhere", 1));
    let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
    let (head, tail) = bad.split_at(bad.len() / 2);
    let error = loader
        .push(&js_sys::JsString::from(head))
        .expect_err("the unknown source is refused");
    let cause = get(&error, "cause");
    assert_eq!(
        get(&cause, "kind").as_string().as_deref(),
        Some("unknownSource")
    );
    assert_eq!(get(&cause, "line").as_f64(), Some(2.0));
    assert!(
        loader.push(&js_sys::JsString::from(tail)).is_err(),
        "a failed loader takes no more"
    );
}

/// A number as the ministry prints it: four decimals.
fn four(value: &JsValue) -> String {
    format!("{:.4}", value.as_f64().expect("a number"))
}

#[wasm_bindgen_test]
fn a_ranking_of_the_34_shows_published_figures_checked_and_the_national_average_apart() {
    let dataset = bundled();
    let ranking = dataset
        .rank(spec(
            r#"{"indicator": "dti_score", "period": 2024, "scheme": "p34"}"#,
        ))
        .expect("a ranking");
    let entries: js_sys::Array = get(&ranking, "entries").dyn_into().expect("entries");
    assert_eq!(entries.length(), 34);
    let first = entries.get(0);
    assert_eq!(
        get(&first, "province").as_string().as_deref(),
        Some("p34:01")
    );
    let figure = get(&first, "figure");
    assert_eq!(get(&figure, "value").as_f64(), Some(0.8241));
    assert!(get(&figure, "derived").is_null(), "published, not derived");
    let check = get(&figure, "crossCheck");
    assert_eq!(get(&check, "agrees").as_bool(), Some(true));
    assert_eq!(
        get(&get(&check, "derivation"), "rule")
            .as_string()
            .as_deref(),
        Some("mean")
    );
    let lines: js_sys::Array = get(&get(&ranking, "references"), "lines")
        .dyn_into()
        .expect("lines");
    assert_eq!(lines.length(), 1, "national only: the 34 have no regions");
    let national = lines.get(0);
    assert_eq!(
        get(&national, "kind").as_string().as_deref(),
        Some("national")
    );
    assert_eq!(four(&get(&national, "value")), "0.6961");
    assert_eq!(get(&national, "reported").as_f64(), Some(63.0));
}

#[wasm_bindgen_test]
fn a_2025_series_marks_rolled_up_years_and_the_break() {
    let dataset = bundled();
    let series = dataset
        .series(spec(r#"{"province": "p34:80", "indicator": "dti_score"}"#))
        .expect("a series");
    let points: js_sys::Array = get(&series, "points").dyn_into().expect("points");
    assert_eq!(points.length(), 3);
    assert_eq!(
        get(&get(&points.get(0), "derived"), "kind")
            .as_string()
            .as_deref(),
        Some("rollUp")
    );
    assert!(get(&points.get(2), "derived").is_null());
    let step = get(&points.get(2), "change");
    let mark = get(&step, "break");
    assert_eq!(get(&mark, "toEdition").as_string().as_deref(), Some("2024"));
    let breaks: js_sys::Array = get(&series, "breaks").dyn_into().expect("breaks");
    assert_eq!(breaks.length(), 1);
}

#[wasm_bindgen_test]
fn averages_and_aggregates_follow_the_rule_and_refuse_none() {
    let dataset = bundled();
    let averages = dataset
        .averages(spec(r#"{"indicator": "dti_score", "period": 2023}"#))
        .expect("averages");
    let lines: js_sys::Array = get(&averages, "lines").dyn_into().expect("lines");
    assert_eq!(lines.length(), 7, "the nation and six regions");
    assert_eq!(four(&get(&lines.get(0), "value")), "0.6783");
    let papi = dataset
        .aggregate(spec(
            r#"{"indicator": "papi_e_governance", "groupBy": "nation", "period": 2024}"#,
        ))
        .expect("an aggregate");
    let groups: js_sys::Array = get(&papi, "groups").dyn_into().expect("groups");
    let method = get(&groups.get(0), "method");
    assert_eq!(
        get(&method, "weight").as_string().as_deref(),
        Some("population")
    );
    let error = dataset
        .aggregate(spec(r#"{"indicator": "telecom_service_providers"}"#))
        .expect_err("refused");
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    assert_eq!(String::from(error.name()), "IctCompareError");
    assert!(String::from(error.message()).contains("`none`"));
}

#[wasm_bindgen_test]
fn a_comparison_gives_its_averages_only_when_asked() {
    let dataset = bundled();
    let lines_of = |json: &str| -> js_sys::Array {
        let matrix = dataset.compare(spec(json)).expect("a matrix");
        let columns: js_sys::Array = get(&matrix, "columns").dyn_into().expect("columns");
        get(&get(&columns.get(0), "references"), "lines")
            .dyn_into()
            .expect("lines")
    };
    let plain =
        lines_of(r#"{"provinces": ["p63:84"], "indicators": ["dti_score"], "period": 2024}"#);
    assert_eq!(plain.length(), 0);
    let lines = lines_of(
        r#"{"provinces": ["p63:84"], "indicators": ["dti_score"], "period": 2024, "references": true}"#,
    );
    assert_eq!(lines.length(), 2, "the nation and the Mekong Delta");
    assert_eq!(
        get(&lines.get(1), "region").as_string().as_deref(),
        Some("MRD")
    );
    assert_eq!(four(&get(&lines.get(0), "value")), "0.6961");
}
