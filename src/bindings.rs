//! The JavaScript face of the engine, and the only module that knows JavaScript exists.
//!
//! One opaque handle, [`JsDataset`] (`Dataset` in JavaScript), with one method per user
//! action. Requests arrive as JS objects decoded into typed structs that reject unknown fields;
//! results leave as small serialisable structs; errors leave as a JS `Error` whose `name` is
//! `IctCompareError` and whose `cause` is `{ kind, file, line, column, message }`. Everything
//! here composes core calls; nothing here computes.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Dataset, Error, Indicator, Observation, Province, Source};

/// The `name` of every error the engine throws.
const ERROR_NAME: &str = "IctCompareError";

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The `cause` of an `IctCompareError`. Lines and columns are 1-based; columns count characters. */
export interface IctCompareErrorCause {
  kind: string;
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

export type ProvinceId = string;
export type Qualifier = "exact" | "over" | "at_least" | "about" | "nearly" | "under" | "at_most";

export interface Source {
  id: string; title: string; outlet: string; author: string; published: string;
  url: string | null; province: ProvinceId; file: string; language: string;
}

export interface Observation {
  id: string; province: ProvinceId; indicator: string; period: string; value: number;
  outOf: number | null; qualifier: Qualifier; isTarget: boolean; scope: string;
  source: string; quote: string; note: string; origin: "bundled" | "user";
}

export interface Indicator {
  id: string; family: string; pillar: string; nameVi: string; nameEn: string; unit: string;
  denominator: string | null; aggregation: string; better: "higher" | "lower" | "none";
  partOf: string | null; definitionVi: string; definitionEn: string;
}

export interface Province {
  id: ProvinceId; name: string; nameFull: string; slug: string; region: string | null;
  mergedInto: ProvinceId | null; mergedFrom: ProvinceId[];
}

export interface ObservationList {
  total: number;
  sources: Source[];
  indicators: Indicator[];
  provinces: Province[];
  observations: Observation[];
}
"#;

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
    set("message", JsValue::from_str(&error.kind().to_string()));
    let _ = js_sys::Reflect::set(&js, &JsValue::from_str("cause"), &cause);
    js.into()
}

/// Serialises a result as plain JS objects (maps as objects, `None` as `null`).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|error| {
        to_js_error(&Error::request(format!(
            "cannot serialise a result: {error}"
        )))
    })
}

/// The dataset: bundled figures and, optionally, a user's own.
#[wasm_bindgen(js_name = Dataset)]
pub struct JsDataset {
    inner: Dataset,
}

#[derive(Serialize)]
struct ObservationList<'a> {
    total: usize,
    sources: &'a [Source],
    indicators: &'a [Indicator],
    provinces: &'a [Province],
    observations: Vec<Observation>,
}

#[wasm_bindgen(js_class = Dataset)]
impl JsDataset {
    /// The dataset compiled into the engine.
    pub fn bundled() -> Result<JsDataset, JsValue> {
        Dataset::bundled()
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// The bundled dataset plus the observations of a user's CSV file. Throws an
    /// `IctCompareError` naming the line and column of the first problem; nothing loads then.
    #[wasm_bindgen(js_name = withUserCsv)]
    pub fn with_user_csv(&self, text: &str, file_name: &str) -> Result<JsDataset, JsValue> {
        self.inner
            .with_user_file(text, file_name)
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// Number of observations.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.len()
    }

    /// Every observation with the sources they come from.
    #[wasm_bindgen(unchecked_return_type = "ObservationList")]
    pub fn observations(&self) -> Result<JsValue, JsValue> {
        to_js(&ObservationList {
            total: self.inner.len(),
            sources: self.inner.sources(),
            indicators: self.inner.indicators(),
            provinces: self.inner.reference().provinces(),
            observations: self.inner.observations().collect(),
        })
    }
}
