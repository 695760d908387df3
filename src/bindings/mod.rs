//! The JavaScript face of the engine, and the only module that knows JavaScript exists.
//!
//! One opaque handle, [`JsDataset`] (`Dataset` in JavaScript), with one method per user
//! action. Requests arrive as JS objects decoded into typed structs that reject unknown fields;
//! results leave as small serialisable structs; errors leave as a JS `Error` whose `name` is
//! `IctCompareError` and whose `cause` is `{ kind, file, line, column, field, detail, message }`
//! (`detail`: the kind's values, for a message worded in the reader's language; `null` in an
//! engine built without the `reader-files` feature). Everything here composes core calls;
//! nothing here computes.

#[cfg(feature = "analysis")]
mod analysis;
mod dataset;
#[cfg(feature = "own-datasets")]
mod loader;
mod types;
#[cfg(feature = "views")]
mod views;

#[cfg(feature = "extractor")]
mod extractor;

pub use dataset::JsDataset;
#[cfg(feature = "extractor")]
pub use extractor::Extractor;
#[cfg(feature = "own-datasets")]
pub use loader::{JsDatasetLoader, PART};

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::Error;

/// The module's allocator: Talc, in place of the standard library's dlmalloc, for its size
/// (the first view's engine 2.8 KB lighter compressed); the parse and the answers take as long
/// with either (docs/PERFORMANCE.md). It grows the module's memory by what an allocation
/// lacks, extending its one heap; it is made for a module of one thread, as ours are.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The `name` of every error the engine throws.
const ERROR_NAME: &str = "IctCompareError";

/// Installs a panic hook that writes the panic's message to the console, so that a bug (never
/// bad data, which is an `Error`) is readable in development.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("ict-compare: {info}")));
    }));
}

/// A JS `Error` named `IctCompareError` with a structured `cause`.
fn to_js_error(error: &Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name(ERROR_NAME);
    let cause = js_sys::Object::new();
    let position = error.position();
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&cause, &JsValue::from_str(key), &value);
    };
    set("kind", JsValue::from_str(error.kind().code()));
    set(
        "file",
        position
            .and_then(|p| p.file.as_deref())
            .map_or(JsValue::NULL, JsValue::from_str),
    );
    set(
        "line",
        position.map_or(JsValue::NULL, |p| JsValue::from_f64(p.line as f64)),
    );
    set(
        "column",
        position.map_or(JsValue::NULL, |p| JsValue::from_f64(p.column as f64)),
    );
    set(
        "field",
        position
            .and_then(|p| p.field)
            .map_or(JsValue::NULL, |field| JsValue::from_f64(field as f64)),
    );
    // The kind's values, for a message worded in the reader's language. The page words the
    // refusals of a reader's file and of a report's rows, both read by its second module; the
    // first view's engine, built without `reader-files`, reads neither and leaves the values
    // out (every kind's serialiser: 3.3 KB compressed). An error kind is plain data;
    // serialising it cannot fail, and the cause is still whole if it did.
    #[cfg(feature = "reader-files")]
    set("detail", to_js(error.kind()).unwrap_or(JsValue::NULL));
    #[cfg(not(feature = "reader-files"))]
    set("detail", JsValue::NULL);
    set("message", JsValue::from_str(&error.kind().to_string()));
    let _ = js_sys::Reflect::set(&js, &JsValue::from_str("cause"), &cause);
    js.into()
}

/// Serialises a result as plain JS objects (maps as objects, `None` as `null`).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    parsed(crate::view::to_json(value).ok())
}

/// The JSON text of an answer as JS objects. Apart from [`to_js`], so that only the writing of
/// the JSON is compiled once per answer type.
#[inline(never)]
fn parsed(text: Option<String>) -> Result<JsValue, JsValue> {
    // An answer is plain data: writing it cannot fail, nor can its text fail to parse.
    text.and_then(|text| js_sys::JSON::parse(&text).ok())
        .ok_or_else(|| to_js_error(&Error::request("cannot serialise a result".to_owned())))
}

/// Decodes a request object into its typed spec; unknown fields are refused by name.
///
/// The object is read as the JSON text `JSON.stringify` writes of it, by the engine's own
/// reader of requests ([`crate::read_request`]), which hands every key to the spec: plain values
/// arrive as they are, and what JSON has no form for (`undefined`, a function) is left out or
/// written as `null` (`NaN`), which the spec then refuses or takes as absent.
fn from_js<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    crate::read_request(&request_text(value, what)?, what).map_err(|e| to_js_error(&e))
}

/// A request object's JSON text. Apart from [`from_js`], so that it is compiled once, not
/// once per spec.
#[inline(never)]
fn request_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            to_js_error(&Error::request(format!(
                "{what}: expected an object of plain values"
            )))
        })
}

/// Runs a core call and returns its answer as plain JS objects, or throws.
fn answer<T: Serialize>(result: crate::Result<T>) -> Result<JsValue, JsValue> {
    result
        .map_err(|e| to_js_error(&e))
        .and_then(|value| to_js(&value))
}
