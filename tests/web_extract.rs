//! The extraction assistant's JavaScript API (the module built with `--features extractor`),
//! exercised from WebAssembly in headless Chromium.
#![cfg(all(target_arch = "wasm32", feature = "extractor"))]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use ict_compare::extractor_for_tests::Extractor;

wasm_bindgen_test_configure!(run_in_browser);

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).expect("a readable property")
}

#[wasm_bindgen_test]
fn extract_answers_with_utf16_offsets_into_its_text() {
    let extractor = Extractor::bundled().expect("the extractor loads");
    let spec =
        js_sys::JSON::parse(r#"{"province":"p63:84","published":"2023-01-13"}"#).expect("a spec");
    // An emoji before the figure: its two UTF-16 units must be counted.
    let text = "📶 Toàn tỉnh có 1.208 trạm BTS theo Quyết định số 749/QĐ-TTg.";
    let found = extractor
        .extract(text.as_bytes(), "report.txt", &spec)
        .expect("an extraction");
    let candidates: js_sys::Array = get(&found, "candidates").dyn_into().expect("an array");
    let first = candidates.get(0);
    let span = get(&first, "span");
    let text_js: js_sys::JsString = get(&found, "text").dyn_into().expect("a string");
    let offset = |key: &str| {
        u32::try_from(get(&span, key).as_f64().expect("a number") as i64).expect("an offset")
    };
    assert_eq!(
        String::from(text_js.substring(offset("start"), offset("end"))),
        "1.208"
    );
    assert_eq!(get(&first, "unit").as_string().as_deref(), Some("count"));
    let rejected: js_sys::Array = get(&found, "rejected").dyn_into().expect("an array");
    assert_eq!(
        get(&rejected.get(0), "reason").as_string().as_deref(),
        Some("documentNumber")
    );
}

#[wasm_bindgen_test]
fn extract_refuses_binary_files_and_misspelt_specs() {
    let extractor = Extractor::bundled().expect("the extractor loads");
    let error = extractor
        .extract(b"\x89PNG\r\n\x1a\n\x00\x00", "photo.png", &JsValue::NULL)
        .expect_err("a binary file");
    let cause = get(&error, "cause");
    assert_eq!(get(&cause, "kind").as_string().as_deref(), Some("notText"));
    let spec = js_sys::JSON::parse(r#"{"provnice":"p63:84"}"#).expect("a spec");
    let error = extractor
        .extract(b"12 tram", "a.txt", &spec)
        .expect_err("a misspelt field");
    assert!(
        get(&error, "message")
            .as_string()
            .is_some_and(|m| m.contains("provnice"))
    );
}

#[wasm_bindgen_test]
fn report_rows_are_written_for_accepted_figures() {
    let extractor = Extractor::bundled().expect("the extractor loads");
    let spec = js_sys::JSON::parse(
        r#"{"report":{"id":"bp-2024","title":"Báo cáo","published":"2024-06-03","province":"p63:70"},
            "figures":[{"value":1208,"scale":1,"unit":"count","indicator":"bts_stations","period":"2024",
                        "qualifier":"exact","isTarget":false,"quote":"1.208 trạm BTS"}]}"#,
    )
    .expect("a spec");
    let rows = extractor.report_rows(&spec).expect("rows");
    let observations = get(&rows, "observations").as_string().expect("CSV");
    assert!(observations.contains("\nbp-2024-001,p63:70,bts_stations,2024,1208,"));
    let sources = get(&rows, "sources").as_string().expect("CSV");
    assert!(sources.ends_with(",p63:70,sources/bp-2024.txt,vi\n"));
    let bad = js_sys::JSON::parse(
        r#"{"report":{"id":"bp-2024","title":"Báo cáo","published":"2024-06-03","province":"p63:70"},
            "figures":[{"value":86.18,"scale":1,"unit":"percent","indicator":"bts_stations","period":"2024",
                        "qualifier":"exact","isTarget":false,"quote":"86,18% trạm 4G"}]}"#,
    )
    .expect("a spec");
    assert!(
        extractor.report_rows(&bad).is_err(),
        "a share is not a count"
    );
}
