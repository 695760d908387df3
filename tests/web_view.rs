//! The view-ready calls through the JavaScript API in headless Chromium: one call answers the
//! first screen, the dense comparison arrives as typed arrays, a number's provenance is fetched
//! by its `ref`, errors carry a stable kind, its values and the field number, per capita is
//! refused where it means nothing, and a comparison's conflicts and CSV come from the engine.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use ict_compare::bindings_for_tests::JsDataset;

mod web_support;
use web_support::bundled;

wasm_bindgen_test_configure!(run_in_browser);

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).expect("a readable property")
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("valid JSON")
}

fn array(value: &JsValue) -> js_sys::Array {
    value.clone().dyn_into().expect("an array")
}

#[wasm_bindgen_test]
fn one_call_answers_the_first_screen_for_tay_ninh() {
    let dataset = bundled();
    let view = dataset
        .province_view(&json(r#"{"province": "p63:72"}"#))
        .expect("a province view");
    let headline = array(&get(&view, "headlines")).get(0);
    let figure = get(&headline, "figure");
    assert_eq!(get(&figure, "value").as_f64(), Some(0.6274));
    assert_eq!(
        get(&figure, "mark").as_string().as_deref(),
        Some("published")
    );
    let place = get(&headline, "place");
    assert_eq!(
        (get(&place, "rank").as_f64(), get(&place, "of").as_f64()),
        (Some(53.0), Some(63.0))
    );
    assert_eq!(
        get(&get(&headline, "indicator"), "decimals").as_f64(),
        Some(4.0)
    );
    let rows = array(&get(&get(&view, "ranking"), "rows"));
    assert_eq!(rows.length(), 63);
    let chosen: Vec<JsValue> = rows
        .iter()
        .filter(|r| get(r, "chosen").as_bool() == Some(true))
        .collect();
    assert_eq!(chosen.len(), 1);
    let map = get(&view, "map");
    assert_eq!(
        get(&map, "indicator").as_string().as_deref(),
        Some("dti_score")
    );
    assert!(get(&map, "refused").is_null());
    assert_eq!(array(&get(&map, "values")).length(), 63);
    assert_eq!(
        array(&get(&get(&view, "series"), "lines")).length(),
        3,
        "province, region, nation"
    );
}

#[wasm_bindgen_test]
fn a_misspelt_field_of_the_view_spec_is_refused_by_name() {
    let dataset = bundled();
    let error = dataset
        .province_view(&json(r#"{"province": "p63:72", "perCapta": true}"#))
        .expect_err("an error");
    let message = String::from(
        error
            .dyn_into::<js_sys::Error>()
            .expect("an Error")
            .message(),
    );
    assert!(message.contains("perCapta"), "{message}");
}

#[wasm_bindgen_test]
fn a_rows_ref_fetches_its_quotes() {
    let dataset = bundled();
    let view = dataset
        .province_view(&json(r#"{"province": "p63:72", "period": 2023}"#))
        .expect("a view");
    let rows = array(&get(&get(&view, "ranking"), "rows"));
    let row = rows
        .iter()
        .find(|r| get(r, "chosen").as_bool() == Some(true))
        .expect("the chosen row");
    let figure = dataset
        .provenance(&get(&get(&row, "figure"), "ref"))
        .expect("a figure");
    assert_eq!(
        get(&figure, "value").as_f64(),
        get(&get(&row, "figure"), "value").as_f64()
    );
    let provenance = array(&get(&figure, "provenance"));
    assert_eq!(provenance.length(), 1);
    assert!(!get(&provenance.get(0), "cell").is_null(), "a table's cell");
}

/// The page's engine answers the first view before the long texts arrive, and refuses, by a
/// named error, what would show one; once attached, the same calls answer with the texts.
#[cfg(not(feature = "bundled-texts"))]
#[wasm_bindgen_test]
fn the_first_view_answers_before_the_texts_arrive() {
    let mut dataset = JsDataset::bundled().expect("loads");
    assert!(dataset.texts_pending());
    let catalog = dataset.catalog().expect("a catalog");
    let first = array(&get(&catalog, "indicators")).get(0);
    assert!(get(&first, "nameVi").is_string());
    assert!(
        get(&first, "definitionVi").is_undefined(),
        "asked one at a time"
    );
    let view = dataset
        .province_view(&json(r#"{"province": "p63:72", "period": 2023}"#))
        .expect("the first view answers");
    let chosen = array(&get(&get(&view, "ranking"), "rows"))
        .iter()
        .find(|r| get(r, "chosen").as_bool() == Some(true))
        .expect("the chosen row");
    let at = get(&get(&chosen, "figure"), "ref");
    let table = dataset
        .compare_dense(&json(
            r#"{"provinces": ["p63:72", "p63:84"], "indicators": ["dti_score"]}"#,
        ))
        .expect("the table answers");
    let present: js_sys::Uint8Array = get(&table, "present").dyn_into().expect("a Uint8Array");
    assert_eq!(present.to_vec(), [1, 1]);
    let refused = |result: Result<JsValue, JsValue>| {
        let error = result.expect_err("refused while the texts are pending");
        assert_eq!(
            get(&error, "name").as_string().as_deref(),
            Some("IctCompareError")
        );
        let message = get(&error, "message").as_string().expect("a message");
        assert!(message.contains("not attached yet"), "{message}");
    };
    refused(dataset.provenance(&at.clone()));
    refused(dataset.definition("dti_score"));
    refused(dataset.export_csv().map(JsValue::from));
    refused(dataset.with_user_csv("", "mine.csv").map(JsValue::from));
    assert!(dataset.attach_texts(b"ict-compare texts 2\n").is_err());
    assert!(dataset.texts_pending(), "a refused pack changes nothing");
    dataset.attach_texts(web_support::TEXTS).expect("attaches");
    assert!(!dataset.texts_pending());
    let definition = dataset.definition("dti_score").expect("a definition");
    assert!(
        !get(&definition, "definitionVi")
            .as_string()
            .expect("text")
            .is_empty()
    );
    let figure = dataset.provenance(&at).expect("a figure");
    let cell = get(&array(&get(&figure, "provenance")).get(0), "cell");
    assert!(!get(&cell, "row").as_string().expect("a row").is_empty());
}

#[wasm_bindgen_test]
fn the_dense_comparison_arrives_as_typed_arrays() {
    let dataset = bundled();
    let dense = dataset
        .compare_dense(&json(
            r#"{"provinces": ["p63:72", "p63:84"], "indicators": ["dti_score", "bts_stations"]}"#,
        ))
        .expect("a dense matrix");
    let values: js_sys::Float64Array = get(&dense, "values").dyn_into().expect("a Float64Array");
    assert_eq!(values.length(), 4);
    assert_eq!(values.get_index(0), 0.6274);
    let marks: js_sys::Uint8Array = get(&dense, "marks").dyn_into().expect("a Uint8Array");
    assert_eq!(marks.length(), 4);
    let codes = array(&get(&dense, "markCodes"));
    assert_eq!(
        codes
            .get(u32::from(marks.get_index(0)))
            .as_string()
            .as_deref(),
        Some("published")
    );
    let periods: js_sys::Uint16Array = get(&dense, "periods").dyn_into().expect("a Uint16Array");
    let period = array(&get(&dense, "periodCodes")).get(u32::from(periods.get_index(0)));
    assert_eq!(period.as_string().as_deref(), Some("2024"));
    // Every other per-cell array is typed and has a code or a number for each cell.
    for field in [
        "present",
        "qualifiers",
        "marks",
        "origins",
        "targets",
        "derived",
    ] {
        let codes: js_sys::Uint8Array = get(&dense, field).dyn_into().expect("a Uint8Array");
        assert_eq!(codes.length(), 4, "{field}");
    }
    for field in ["members", "reported"] {
        let counts: js_sys::Uint16Array = get(&dense, field).dyn_into().expect("a Uint16Array");
        assert_eq!(counts.length(), 4, "{field}");
    }
    let out_of: js_sys::Float64Array = get(&dense, "outOf").dyn_into().expect("a Float64Array");
    assert!(out_of.get_index(0).is_nan());
    // The columns are named by their ids; the names are the catalog's.
    let column = |field: &str, c: u32| array(&get(&dense, field)).get(c);
    assert_eq!(
        column("indicators", 1).as_string().as_deref(),
        Some("bts_stations")
    );
    assert_eq!(column("units", 1).as_string().as_deref(), Some("count"));
    assert_eq!(column("decimals", 0).as_f64(), Some(4.0));
}

#[wasm_bindgen_test]
fn the_export_and_the_template_come_from_the_engine() {
    let dataset = bundled();
    let csv = dataset.export_csv().expect("a CSV");
    assert!(csv.starts_with("\u{feff}province;"));
    assert_eq!(csv.matches("\r\n").count(), dataset.size() + 1);
    let template = JsDataset::user_file_template();
    let mine = dataset
        .with_user_csv(&template, "template.csv")
        .expect("the template loads");
    assert_eq!(mine.size(), dataset.size() + 1);
}

#[wasm_bindgen_test]
fn errors_carry_the_field_number_and_the_kinds_values() {
    let dataset = bundled();
    let csv = "province,indicator_id,period,value,source_id\n\
               p63:84,bts_stations,2024,nhiều,mine\n";
    let error = dataset
        .with_user_csv(csv, "mine.csv")
        .err()
        .expect("an error");
    let cause = get(&error, "cause");
    assert_eq!(get(&cause, "field").as_f64(), Some(4.0));
    assert_eq!(get(&cause, "column").as_f64(), Some(26.0));
    let detail = get(&cause, "detail");
    assert_eq!(
        get(&detail, "kind").as_string(),
        get(&cause, "kind").as_string()
    );
    assert_eq!(get(&detail, "text").as_string().as_deref(), Some("nhiều"));

    let semicolons = "province;indicator_id;period;value;source_id\n\
                      p63:84;bts_stations;2024;12;mine\n";
    let error = dataset
        .with_user_csv(semicolons, "mine.csv")
        .err()
        .expect("an error");
    assert_eq!(
        get(&get(&error, "cause"), "kind").as_string().as_deref(),
        Some("semicolonSeparated")
    );
}

#[wasm_bindgen_test]
fn per_capita_of_an_index_is_refused_and_the_catalog_says_where_it_applies() {
    let dataset = bundled();
    let error = dataset
        .province_view(&json(
            r#"{"province": "p63:72", "indicator": "dti_score", "perCapita": true}"#,
        ))
        .expect_err("refused");
    let error: js_sys::Error = error.dyn_into().expect("an Error");
    assert_eq!(String::from(error.name()), "IctCompareError");
    assert!(String::from(error.message()).contains("dti_score"));
    let catalog = dataset.catalog().expect("a catalog");
    let lists = array(&get(&catalog, "availability"));
    assert_eq!(
        lists
            .iter()
            .map(|l| get(&l, "scheme").as_string().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["p63", "p34"]
    );
    let per_capita = |id: &str| {
        array(&get(&lists.get(0), "indicators"))
            .iter()
            .find(|a| get(a, "indicator").as_string().as_deref() == Some(id))
            .map(|a| get(&a, "perCapita").as_bool())
    };
    assert_eq!(per_capita("dti_score"), Some(Some(false)));
    assert_eq!(per_capita("bts_stations"), Some(Some(true)));
}

#[wasm_bindgen_test]
fn a_comparisons_conflicts_and_csv_come_from_the_engine() {
    let bundled = bundled();
    let mine = bundled
        .with_user_csv(
            "province,indicator_id,period,value,source_id,quote\np63:72,dti_score,2024,0.9,mine,=1+2\n",
            "mine.csv",
        )
        .expect("a reader's file");
    let spec = || json(r#"{"provinces": ["p63:72"], "indicators": ["dti_score"]}"#);
    let conflicts = array(&mine.conflicts(&spec()).expect("conflicts"));
    assert_eq!(conflicts.length(), 1);
    let conflict = conflicts.get(0);
    assert_eq!(get(&get(&conflict, "user"), "value").as_f64(), Some(0.9));
    assert_eq!(
        get(&get(&conflict, "published"), "value").as_f64(),
        Some(0.6274)
    );
    assert_eq!(
        array(&bundled.conflicts(&spec()).expect("none")).length(),
        0
    );
    let csv = mine.table_csv(&spec()).expect("a file");
    assert!(csv.starts_with("\u{feff}province;"), "{csv}");
    assert!(
        csv.contains(";0,9;exact;user;;user;mine.csv;mine;mine;;;;'=1+2;"),
        "{csv}"
    );
    assert!(
        csv.contains(";0,6274;exact;published;;bundled;;dti-2024-p63;"),
        "{csv}"
    );
}

#[wasm_bindgen_test]
fn one_call_answers_the_chart_tab_with_its_bars_in_rank_order() {
    let dataset = bundled();
    let view = dataset
        .chart_view(
            &json(
                r#"{"provinces": ["p63:72", "p63:01", "p63:44"], "indicators": ["dti_score"], "period": 2024}"#,
            ),
            None,
        )
        .expect("a chart view");
    assert_eq!(
        get(&get(&view, "indicator"), "id").as_string().as_deref(),
        Some("dti_score")
    );
    assert_eq!(get(&view, "year").as_f64(), Some(2024.0));
    let values: Vec<f64> = array(&get(&view, "bars"))
        .iter()
        .filter_map(|b| get(&get(&b, "figure"), "value").as_f64())
        .collect();
    assert_eq!(values.len(), 3);
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    assert!(array(&get(&view, "timeline")).length() >= 2);
    assert!(get(&view, "refused").is_null());
    let refused = dataset
        .chart_view(
            &json(r#"{"provinces": ["p63:72"], "indicators": []}"#),
            None,
        )
        .expect("a refused chart");
    assert_eq!(
        get(&refused, "refused").as_string().as_deref(),
        Some("noIndicator")
    );
}

#[wasm_bindgen_test]
fn one_call_answers_the_map_tab_or_says_why_there_is_no_map() {
    let dataset = bundled();
    let view = dataset
        .map_view(
            &json(r#"{"provinces": [], "indicators": ["papi_e_governance", "dti_score"], "scheme": "p63"}"#),
            Some("dti_score".to_owned()),
        )
        .expect("a map view");
    assert_eq!(
        get(&get(&view, "indicator"), "id").as_string().as_deref(),
        Some("dti_score"),
        "the focus chosen"
    );
    let map = get(&view, "map");
    assert_eq!(array(&get(&map, "values")).length(), 63);
    assert!(array(&get(&map, "bins")).length() >= 2);
    let refused = dataset
        .map_view(
            &json(r#"{"provinces": [], "indicators": ["vn_domain_names"]}"#),
            None,
        )
        .expect("a refused map");
    assert_eq!(
        get(&get(&refused, "map"), "refused").as_string().as_deref(),
        Some("oneProvince")
    );
    let none = dataset
        .map_view(&json(r#"{"provinces": [], "indicators": []}"#), None)
        .expect("no map");
    assert_eq!(
        get(&get(&none, "map"), "refused").as_string().as_deref(),
        Some("noIndicator")
    );
    assert!(
        dataset
            .map_view(
                &json(r#"{"provinces": [], "indicatrs": ["dti_score"]}"#),
                None
            )
            .is_err(),
        "a misspelt field is refused"
    );
}
