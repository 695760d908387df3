//! The JavaScript API, exercised from WebAssembly in headless Chromium: results decode to the
//! documented shapes, and errors arrive as `IctCompareError` with a structured cause.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

// The longer groups of tests, in files of their own.
#[path = "web/gallery.rs"]
mod gallery;
#[path = "web/loader.rs"]
mod loader;
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
        .compare(&spec(
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
        .compare(&spec(
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
        .rank(&spec(r#"{"indicator": "households_fibre_share"}"#))
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
        .compare(&spec(
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
fn a_request_that_is_not_an_object_of_plain_values_is_refused_with_what_is_wrong() {
    let dataset = bundled();
    let refusal = |request: &JsValue| {
        let error = dataset.compare(request).expect_err("refused");
        let error: js_sys::Error = error.dyn_into().expect("a JS Error");
        assert_eq!(
            get(&get(&error, "cause"), "kind").as_string().as_deref(),
            Some("invalidRequest")
        );
        String::from(error.message())
    };
    assert!(refusal(&JsValue::UNDEFINED).contains("compare spec"));
    // NaN has no JSON form: it arrives as null, which is no period.
    let request = spec(r#"{"provinces": ["p63:84"], "indicators": ["bts_stations"]}"#);
    js_sys::Reflect::set(&request, &"period".into(), &JsValue::from_f64(f64::NAN)).expect("set");
    assert!(refusal(&request).contains("invalid type: null"));
    // A year with a fraction is quoted as it was written, not rounded.
    let request =
        spec(r#"{"provinces": ["p63:84"], "indicators": ["bts_stations"], "period": 2023.5}"#);
    assert!(refusal(&request).contains("number 2023.5"));
    let request = spec(r#"{"provinces": "p63:84", "indicators": ["bts_stations"]}"#);
    assert!(refusal(&request).contains("invalid type: string \"p63:84\", expected a sequence"));
}

#[wasm_bindgen_test]
fn comparability_refuses_look_alikes_with_a_reason() {
    let dataset = bundled();
    let verdict = dataset
        .comparability(&spec(
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
            .source_page(&object(r#"{"offset": 0, "limit": 10}"#))
            .expect("a page"),
        "total",
    )
    .as_f64()
    .expect("a total");
    let last = mine
        .source_page(&object(&format!(r#"{{"offset": {before}, "limit": 10}}"#)))
        .expect("a page");
    let last: js_sys::Array = get(&last, "sources").dyn_into().expect("an array");
    assert_eq!(last.length(), 1);
    assert_eq!(
        get(&last.get(0), "origin").as_string().as_deref(),
        Some("bundled")
    );
    let page = mine
        .source_page(&object(r#"{"offset": 0, "limit": 1}"#))
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
        .figure_page(&object(
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
        let error = mine.source_page(&object(spec)).expect_err("refused");
        let cause = get(&error, "cause");
        assert_eq!(
            get(&cause, "kind").as_string().as_deref(),
            Some("invalidRequest"),
            "{spec}"
        );
    }
}

/// A number as the ministry prints it: four decimals.
fn four(value: &JsValue) -> String {
    format!("{:.4}", value.as_f64().expect("a number"))
}

#[wasm_bindgen_test]
fn a_ranking_of_the_34_shows_published_figures_checked_and_the_national_average_apart() {
    let dataset = bundled();
    let ranking = dataset
        .rank(&spec(
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
        .series(&spec(r#"{"province": "p34:80", "indicator": "dti_score"}"#))
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
        .averages(&spec(r#"{"indicator": "dti_score", "period": 2023}"#))
        .expect("averages");
    let lines: js_sys::Array = get(&averages, "lines").dyn_into().expect("lines");
    assert_eq!(lines.length(), 7, "the nation and six regions");
    assert_eq!(four(&get(&lines.get(0), "value")), "0.6783");
    let papi = dataset
        .aggregate(&spec(
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
        .aggregate(&spec(r#"{"indicator": "telecom_service_providers"}"#))
        .expect_err("refused");
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    assert_eq!(String::from(error.name()), "IctCompareError");
    assert!(String::from(error.message()).contains("`none`"));
}

#[wasm_bindgen_test]
fn a_comparison_gives_its_averages_only_when_asked() {
    let dataset = bundled();
    let lines_of = |json: &str| -> js_sys::Array {
        let matrix = dataset.compare(&spec(json)).expect("a matrix");
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
