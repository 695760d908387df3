//! The JavaScript API, exercised from WebAssembly in headless Chromium: results decode to the
//! documented shapes, and errors arrive as `IctCompareError` with a structured cause.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use ict_compare::bindings_for_tests::JsDataset;

wasm_bindgen_test_configure!(run_in_browser);

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).expect("a readable property")
}

#[wasm_bindgen_test]
fn bundled_dataset_lists_every_observation_with_its_quote() {
    let dataset = JsDataset::bundled().expect("the bundled dataset loads");
    let list = dataset.observations().expect("a list");
    let total = get(&list, "total").as_f64().expect("a number");
    let observations: js_sys::Array = get(&list, "observations").dyn_into().expect("an array");
    assert_eq!(observations.length() as f64, total);
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
    assert_eq!(sources.length(), 5);
}

#[wasm_bindgen_test]
fn a_bad_user_file_throws_a_named_error_with_its_position() {
    let dataset = JsDataset::bundled().expect("the bundled dataset loads");
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
    assert_eq!(dataset.size(), JsDataset::bundled().expect("loads").size());
}

#[wasm_bindgen_test]
fn a_good_user_file_adds_figures_marked_as_the_users() {
    let dataset = JsDataset::bundled().expect("the bundled dataset loads");
    let csv = "observation_id,province,indicator_id,period,value,source_id\n\
               u-1,p63:01,bts_stations,2024,12000,my-office\n";
    let merged = dataset.with_user_csv(csv, "mine.csv").expect("loads");
    assert_eq!(merged.size(), dataset.size() + 1);
    let list = merged.observations().expect("a list");
    let observations: js_sys::Array = get(&list, "observations").dyn_into().expect("an array");
    let last = observations.get(observations.length() - 1);
    assert_eq!(get(&last, "origin").as_string().as_deref(), Some("user"));
    assert_eq!(get(&last, "value").as_f64(), Some(12000.0));
}
