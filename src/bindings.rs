//! The JavaScript face of the engine, and the only module that knows JavaScript exists.
//!
//! One opaque handle, [`JsDataset`] (`Dataset` in JavaScript), with one method per user
//! action. Requests arrive as JS objects decoded into typed structs that reject unknown fields;
//! results leave as small serialisable structs; errors leave as a JS `Error` whose `name` is
//! `IctCompareError` and whose `cause` is `{ kind, file, line, column, message }`. Everything
//! here composes core calls; nothing here computes.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::{
    AggregateSpec, AverageSpec, CompareSpec, Dataset, Error, FigurePageSpec, Indicator,
    IndicatorCoverage, Observation, Province, RankRecord, RankSpec, Region, SeriesSpec, Source,
    SourceEntry, SourcePageSpec, Unit,
};

/// The `name` of every error the engine throws.
const ERROR_NAME: &str = "IctCompareError";

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
// The view-ready answers' types are generated from the Rust types (src/view/types.rs).
import type { DenseMatrix, FigureRef, ProvinceView, ProvinceViewSpec } from "../www/types/engine";
export type { DenseMatrix, FigureRef, ProvinceView, ProvinceViewSpec };
/**
 * The `cause` of an `IctCompareError`. Lines and columns are 1-based; columns count characters;
 * `field` is the 1-based field of the CSV record ("field 3"), which a page shows rather than the
 * column. `kind` is stable: a page words its message by it, from `detail` (the kind's own
 * values: the column's name, the text found, what was expected …); `message` is English.
 */
export interface IctCompareErrorCause {
  kind: string;
  file: string | null;
  line: number | null;
  column: number | null;
  field: number | null;
  detail: { kind: string; [value: string]: unknown };
  message: string;
}

export type ProvinceId = string;
export type Qualifier = "exact" | "over" | "at_least" | "about" | "nearly" | "under" | "at_most";

/** A published table: how to find its cells in the stored copy, and whom to credit. */
export interface TableSource {
  format: "csv" | "json"; rowKey: string; rowFilter: { column: string; value: string } | null;
  scheme: Scheme; period: string; attribution: string; copiedFrom: string;
}

/** A report (quoted) or, when `table` is set, a published table (cited by cell). */
export interface Source {
  id: string; title: string; outlet: string; author: string; published: string | null;
  url: string | null; province: ProvinceId | null; file: string; language: string;
  table: TableSource | null;
}

/** The table cell stating a figure: the row as published, the column, the text as stored. */
export interface TableCell { row: string; column: string; text: string; }

export interface Observation {
  id: string; province: ProvinceId; indicator: string; period: string; value: number;
  outOf: number | null; qualifier: Qualifier; isTarget: boolean; scope: string;
  source: string; quote: string; cell: TableCell | null; note: string; origin: "bundled" | "user";
}

/** A methodology edition of an index; a series crossing from one to the next has a break. */
export interface Edition { id: string; first: string; last: string | null; noteVi: string; noteEn: string; }

export interface Indicator {
  id: string; family: string; pillar: string; nameVi: string; nameEn: string; unit: string;
  denominator: string | null; aggregation: string; better: "higher" | "lower" | "none";
  partOf: string | null; definitionVi: string; definitionEn: string;
  methodologyVi: string; methodologyEn: string; editions: Edition[];
}

export interface Province {
  id: ProvinceId; name: string; nameFull: string; slug: string; region: string | null;
  mergedInto: ProvinceId | null; mergedFrom: ProvinceId[];
}

/** A source with its origin (a reader's source's `file` is the reader's file) and figure count. */
export interface SourceEntry extends Source { origin: "bundled" | "user"; figures: number; }
export interface SourcePageSpec { offset?: number; limit: number; }
export interface SourcePage { total: number; offset: number; sources: SourceEntry[]; }
export interface FigurePageSpec { source: string; offset?: number; limit: number; }
export interface FigurePage { source: string; total: number; offset: number; observations: Observation[]; }
/** What a reader's file added: provinces and indicators with the most figures first. */
export interface UserFigures { figures: number; sources: number; provinces: ProvinceId[]; indicators: string[]; }

export type PeriodSpec = "latest" | number | string;
export type Scheme = "p63" | "p34";

export interface Region { code: string; nameVi: string; nameEn: string; }

export interface IndicatorCoverage { indicator: string; observations: number; provinces: ProvinceId[]; periods: string[]; }

/** How values of a unit are shown: at most `decimals` decimals. */
export interface UnitDisplay { unit: string; decimals: number; }

export interface Catalog {
  provinces: Province[];
  regions: Region[];
  indicators: Indicator[];
  sources: SourceEntry[];
  coverage: IndicatorCoverage[];
  units: UnitDisplay[];
  dti: { province: ProvinceId; year: number; rank: number }[];
  population: { province: ProvinceId; year: number; population: number; households: number | null; areaKm2: number | null }[];
}

export interface Provenance {
  observation: string; province: ProvinceId; value: number; qualifier: Qualifier; period: string;
  source: string; quote: string; cell: TableCell | null; origin: "bundled" | "user";
}

export interface Derivation {
  kind: "rollUp" | "perCapita"; members: number; reported: number;
  /** The aggregation rule a roll-up followed: "sum", "mean", "weighted_mean:<weight>" or "none". */
  rule: string | null;
  /** The weight used by a weighted mean: the rule's, or "population" in its place. */
  weight: string | null;
  /** Why the weight used is not the rule's ("in place of households, not known for p63:84"). */
  fallback: string | null;
  populationYear: number | null;
  /** Why the members' figures were not combined (rule "none", or targets). */
  refused: string | null;
  note: string;
}

/** A published figure checked against the same figure rolled up from the former provinces. */
export interface CrossCheck { value: number | null; difference: number | null; agrees: boolean | null; derivation: Derivation; }

export interface Figure {
  value: number | null; qualifier: Qualifier; period: string; mixedPeriods: boolean;
  outOf: number | null; isTarget: boolean; origin: "bundled" | "user";
  provenance: Provenance[]; derived: Derivation | null; crossCheck: CrossCheck | null;
}

/** How several provinces' figures were combined. */
export interface Method { rule: string; weight: string | null; fallback: string | null; populationYear: number | null; }

/** A national or regional average: a line to draw beside the provinces, never ranked. */
export interface ReferenceLine {
  kind: "national" | "regional"; region: string | null; nameVi: string; nameEn: string;
  value: number | null; basis: "mean" | "weightedMean" | "meanPerProvince"; method: Method | null;
  refused: string | null; scheme: Scheme; years: number[]; reported: number; provinces: number;
}
export interface References { lines: ReferenceLine[]; refused: string | null; }
export interface AverageSpec { indicator: string; period?: PeriodSpec; regions?: string[] | null; }

export interface CompareSpec {
  provinces: ProvinceId[]; indicators: string[]; period?: PeriodSpec; perCapita?: boolean;
  scheme?: Scheme | null; targets?: boolean; includePartial?: boolean;
  /** Give each column its national and regional averages (off by default). */
  references?: boolean;
}
export interface Cell extends Figure { best: boolean; }
export interface Warning { code: "mixedPeriods" | "lookAlike" | "partial" | "perCapitaNotApplicable"; indicators: string[]; message: string; }
export interface Matrix {
  period: string;
  columns: { indicator: string; unit: string; mixedPeriods: boolean; periods: string[]; references: References }[];
  rows: { province: ProvinceId; cells: (Cell | null)[] }[];
  warnings: Warning[];
}

export interface RankSpec { indicator: string; period?: PeriodSpec; scheme?: Scheme | null; perCapita?: boolean; targets?: boolean; }
export interface Ranking {
  indicator: string; better: "higher" | "lower" | "none"; scheme: Scheme; unit: string;
  perCapita: boolean; perCapitaRefused: string | null; mixedPeriods: boolean; missing: number;
  entries: { rank: number; province: ProvinceId; figure: Figure; tied: boolean; uncertainWith: ProvinceId[] }[];
  references: References;
}

export interface SeriesSpec {
  province: ProvinceId; indicator: string; period?: PeriodSpec; from?: number | null; to?: number | null;
  scheme?: Scheme | null; perCapita?: boolean; targets?: boolean;
}
/** A change of method between two periods of a series. */
export interface Break { fromEdition: string; toEdition: string; at: string; noteVi: string; noteEn: string; }
export interface Change {
  from: string; to: string; absolute: number; relative: number | null; yearlyRate: number | null;
  years: number; qualifier: Qualifier; derived: boolean; break: Break | null;
}
export interface SeriesPoint extends Figure { edition: string | null; change: Change | null; }
export interface Series {
  province: ProvinceId; indicator: string; points: SeriesPoint[]; change: Change | null;
  perCapita: boolean; perCapitaRefused: string | null; breaks: Break[]; references: References;
}

export interface AggregateSpec {
  indicator?: string | null; groupBy?: "nation" | "none" | "region" | "year" | "pillar";
  period?: PeriodSpec; scheme?: Scheme | null; targets?: boolean;
}
export interface AggregateResult {
  indicator: string | null; groupBy: "nation" | "region" | "year" | "pillar"; scheme: Scheme;
  period: string; rule: string | null; weight: string | null;
  groups: {
    key: string; value: number | null; method: Method | null; refused: string | null;
    count: number; sum: number | null; mean: number | null; median: number | null;
    min: number | null; max: number | null; reported: number; provinces: number; years: number[];
  }[];
}

export interface Comparability { comparable: boolean; code: "sameIndicator" | "differentDefinition" | "differentIndicators"; reason: string; }

export interface Profile {
  province: ProvinceId; members: ProvinceId[]; figures: number;
  pillars: { pillar: string; entries: { indicator: string; province: ProvinceId; scope: string; figures: Figure[] }[] }[];
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
    set(
        "field",
        position
            .and_then(|p| p.field)
            .map_or(JsValue::NULL, |field| JsValue::from_f64(field as f64)),
    );
    // The kind's values, for a message worded in the reader's language. An error kind is
    // plain data; serialising it cannot fail, and the cause is still whole if it did.
    set(
        "detail",
        error
            .kind()
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or(JsValue::NULL),
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

/// Decodes a request object into its typed spec; unknown fields are refused by name.
///
/// serde-wasm-bindgen reads only the fields a struct declares, so `deny_unknown_fields` would
/// never see a misspelt one (`perCapta`): the object's own keys are checked against the
/// declared fields first.
fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let refuse = |message: String| to_js_error(&Error::request(format!("{what}: {message}")));
    let fields = declared_fields::<T>();
    if !fields.is_empty() && value.is_object() && !js_sys::Array::is_array(&value) {
        let object: &js_sys::Object = value.unchecked_ref();
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !fields.contains(&key.as_str()) {
                return Err(refuse(format!(
                    "unknown field `{key}`, expected one of `{}`",
                    fields.join("`, `")
                )));
            }
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| refuse(e.to_string()))
}

/// The field names a struct's `Deserialize` declares (none for other types), read by asking
/// it to deserialise from a deserializer that only records what it is told.
fn declared_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};

    struct Fields<'a>(&'a mut &'static [&'static str]);

    impl<'de> de::Deserializer<'de> for Fields<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("fields recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Fields(&mut fields));
    fields
}

/// Runs a core call and returns its answer as plain JS objects, or throws.
fn answer<T: Serialize>(result: crate::Result<T>) -> Result<JsValue, JsValue> {
    result
        .map_err(|e| to_js_error(&e))
        .and_then(|value| to_js(&value))
}

/// How the values of one unit are shown.
#[derive(Serialize)]
struct UnitDisplay {
    unit: Unit,
    decimals: u8,
}

/// Everything the page's pickers and views need to know up front, in one call.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Catalog<'a> {
    provinces: &'a [Province],
    regions: &'a [Region],
    indicators: &'a [Indicator],
    sources: Vec<SourceEntry<'a>>,
    coverage: Vec<IndicatorCoverage>,
    units: Vec<UnitDisplay>,
    dti: &'a [RankRecord],
    population: Vec<crate::PopulationRecord>,
}

/// The fields of a [`crate::DenseMatrix`] that are not columns of numbers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DenseHead<'a> {
    period: &'a str,
    provinces: &'a [crate::ProvinceId],
    columns: &'a [crate::IndicatorSummary],
    qualifier_codes: &'a [crate::Qualifier],
    mark_codes: &'a [crate::FigureMark],
    best: &'a [Option<u32>],
}

/// A dense matrix as a JS object whose columns of numbers are typed arrays, copied in one go.
fn dense_to_js(dense: &crate::DenseMatrix) -> Result<JsValue, JsValue> {
    let head = to_js(&DenseHead {
        period: &dense.period,
        provinces: &dense.provinces,
        columns: &dense.columns,
        qualifier_codes: &dense.qualifier_codes,
        mark_codes: &dense.mark_codes,
        best: &dense.best,
    })?;
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&head, &JsValue::from_str(key), &value);
    };
    set(
        "values",
        js_sys::Float64Array::from(dense.values.as_slice()).into(),
    );
    set(
        "years",
        js_sys::Uint16Array::from(dense.years.as_slice()).into(),
    );
    set(
        "qualifiers",
        js_sys::Uint8Array::from(dense.qualifiers.as_slice()).into(),
    );
    set(
        "marks",
        js_sys::Uint8Array::from(dense.marks.as_slice()).into(),
    );
    Ok(head)
}

/// The dataset: bundled figures and, optionally, a user's own.
#[wasm_bindgen(js_name = Dataset)]
pub struct JsDataset {
    inner: Dataset,
}

/// A dataset whose observations arrive in pieces (`push`), so that a long text is never copied
/// into the engine whole; `finish` hands back the `Dataset`. After an error, or once finished,
/// the loader refuses further pieces.
#[wasm_bindgen(js_name = DatasetLoader)]
pub struct JsDatasetLoader {
    inner: Option<crate::DatasetLoader>,
}

#[wasm_bindgen(js_class = DatasetLoader)]
impl JsDatasetLoader {
    /// A loader of observations citing these indicators and sources (CSV texts, in the bundled
    /// formats), over the bundled reference data; `expectedLength`, the observations' length
    /// if known (0 otherwise), lets the engine size its columns once.
    #[wasm_bindgen(constructor)]
    pub fn new(
        indicators: &str,
        sources: &str,
        #[wasm_bindgen(js_name = expectedLength)] expected_length: u32,
    ) -> Result<JsDatasetLoader, JsValue> {
        crate::DatasetLoader::with_bundled_reference(sources, indicators, expected_length as usize)
            .map(|inner| JsDatasetLoader { inner: Some(inner) })
            .map_err(|e| to_js_error(&e))
    }

    /// Reads the next piece of the observations' text (any length, split anywhere).
    pub fn push(&mut self, piece: &str) -> Result<(), JsValue> {
        let loader = self.inner.as_mut().ok_or_else(Self::spent)?;
        loader.push(piece).map_err(|e| {
            self.inner = None;
            to_js_error(&e)
        })
    }

    /// Reads the rest and returns the dataset.
    pub fn finish(&mut self) -> Result<JsDataset, JsValue> {
        let loader = self.inner.take().ok_or_else(Self::spent)?;
        loader
            .finish()
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    fn spent() -> JsValue {
        to_js_error(&Error::request(
            "this loader has finished or failed: start a new one".to_owned(),
        ))
    }
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

    /// A dataset of one's own CSV files (observations, indicators, sources, in the bundled
    /// formats) over the bundled reference data.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        observations: &str,
        indicators: &str,
        sources: &str,
    ) -> Result<JsDataset, JsValue> {
        Dataset::with_bundled_reference(sources, indicators, observations)
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// The wasm module's linear memory, in bytes (it only grows).
    #[wasm_bindgen(js_name = wasmMemoryBytes)]
    #[must_use]
    pub fn wasm_memory_bytes() -> f64 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0.0, |memory| {
                memory
                    .buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0.0, |b| f64::from(b.byte_length()))
            })
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

    /// The bundled dataset plus the observations of a user's file, given as its bytes, so that
    /// a file saved in another encoding is refused with the place of its first bad byte rather
    /// than silently altered by a lossy decoder.
    #[wasm_bindgen(js_name = withUserFile)]
    pub fn with_user_file(&self, bytes: &[u8], file_name: &str) -> Result<JsDataset, JsValue> {
        crate::decode_utf8(bytes, Some(file_name))
            .and_then(|text| self.inner.with_user_file(text, file_name))
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// Number of observations.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn size(&self) -> usize {
        self.inner.len()
    }

    /// Approximate bytes of wasm memory the observations and their index hold.
    #[wasm_bindgen(getter, js_name = memoryBytes)]
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        self.inner.memory_bytes()
    }

    /// Provinces, regions, indicators, sources, and which indicator has figures where.
    #[wasm_bindgen(unchecked_return_type = "Catalog")]
    pub fn catalog(&self) -> Result<JsValue, JsValue> {
        let reference = self.inner.reference();
        let population = reference
            .provinces_of(crate::Scheme::P63)
            .flat_map(|p| {
                (2020..=2024).filter_map(move |year| {
                    reference
                        .population(p.id, year)
                        .filter(|r| r.year == year)
                        .copied()
                })
            })
            .collect();
        to_js(&Catalog {
            provinces: reference.provinces(),
            regions: reference.regions(),
            indicators: self.inner.indicators(),
            sources: crate::source_entries(&self.inner),
            coverage: crate::coverage(&self.inner),
            units: Unit::ALL
                .iter()
                .map(|&unit| UnitDisplay {
                    unit,
                    decimals: unit.decimals(),
                })
                .collect(),
            dti: reference.dti(),
            population,
        })
    }

    /// Provinces × indicators for a period: one cell per pair, with warnings.
    #[wasm_bindgen(unchecked_return_type = "Matrix")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: CompareSpec = from_js(spec, "compare spec")?;
        answer(crate::compare(&self.inner, &spec))
    }

    /// "My province among all": the whole first screen (headlines, ranking, series, map,
    /// availability, report figures, sources, warnings) in one call.
    #[wasm_bindgen(js_name = provinceView, unchecked_return_type = "ProvinceView")]
    pub fn province_view(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProvinceViewSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: crate::ProvinceViewSpec = from_js(spec, "province view spec")?;
        answer(crate::province_view(&self.inner, &spec))
    }

    /// The comparison table as columns: `values` a `Float64Array` (`NaN` where there is no
    /// figure), `years` a `Uint16Array`, `qualifiers` and `marks` `Uint8Array`s of codes. A
    /// number's quotes are fetched by `provenance` when a reader opens it.
    #[wasm_bindgen(js_name = compareDense, unchecked_return_type = "DenseMatrix")]
    pub fn compare_dense(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: CompareSpec = from_js(spec, "compare spec")?;
        let dense = crate::compare_dense(&self.inner, &spec).map_err(|e| to_js_error(&e))?;
        dense_to_js(&dense)
    }

    /// The figure behind one number of an answer (its `ref`), with every quote or table cell
    /// it rests on.
    #[wasm_bindgen(unchecked_return_type = "Figure")]
    pub fn provenance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FigureRef")] at: JsValue,
    ) -> Result<JsValue, JsValue> {
        let at: crate::FigureRef = from_js(at, "figure ref")?;
        answer(crate::figure_provenance(&self.inner, &at))
    }

    /// Every figure with its provenance as CSV for Excel in a Vietnamese locale (UTF-8 with a
    /// byte-order mark, `;` between fields, decimal commas, CRLF).
    #[wasm_bindgen(js_name = exportCsv)]
    #[must_use]
    pub fn export_csv(&self) -> String {
        crate::export_csv(&self.inner)
    }

    /// A file of one's own figures to fill in: the header and an example row.
    #[wasm_bindgen(js_name = userFileTemplate)]
    #[must_use]
    pub fn user_file_template() -> String {
        crate::user_file_template()
    }

    /// One indicator across provinces, ranked, with ties and uncertain orders.
    #[wasm_bindgen(unchecked_return_type = "Ranking")]
    pub fn rank(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RankSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: RankSpec = from_js(spec, "rank spec")?;
        answer(crate::rank(&self.inner, &spec))
    }

    /// One province and indicator over time, with the change between two periods.
    #[wasm_bindgen(unchecked_return_type = "Series")]
    pub fn series(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SeriesSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: SeriesSpec = from_js(spec, "series spec")?;
        answer(crate::series(&self.inner, &spec))
    }

    /// One indicator combined by its rule over the nation, each region or each year (or the
    /// figures per pillar), with count, mean, median, min, max and a sum where the rule adds.
    #[wasm_bindgen(unchecked_return_type = "AggregateResult")]
    pub fn aggregate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AggregateSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: AggregateSpec = from_js(spec, "aggregate spec")?;
        answer(crate::aggregate(&self.inner, &spec))
    }

    /// The national average of an indicator and its regions' averages, with coverage: reference
    /// lines, never ranked.
    #[wasm_bindgen(unchecked_return_type = "References")]
    pub fn averages(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AverageSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: AverageSpec = from_js(spec, "average spec")?;
        answer(crate::averages(&self.inner, &spec))
    }

    /// Everything known about one province, by pillar, with periods and quotes.
    #[wasm_bindgen(unchecked_return_type = "Profile")]
    pub fn profile(&self, province: &str) -> Result<JsValue, JsValue> {
        let id: crate::ProvinceId = province.parse().map_err(|()| {
            to_js_error(&Error::request(format!(
                "province {province:?}: expected p63:NN or p34:NN"
            )))
        })?;
        answer(crate::profile(&self.inner, id))
    }

    /// Whether these indicators may be ranked or charted together, and why not.
    #[wasm_bindgen(unchecked_return_type = "Comparability")]
    pub fn comparability(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] indicators: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ids: Vec<String> = from_js(indicators, "indicator list")?;
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        answer(crate::comparability(&self.inner, &ids))
    }

    /// One page of the sources, each with its origin and number of figures.
    #[wasm_bindgen(js_name = sourcePage, unchecked_return_type = "SourcePage")]
    pub fn source_page(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SourcePageSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: SourcePageSpec = from_js(spec, "source page spec")?;
        answer(crate::source_page(&self.inner, spec))
    }

    /// One page of the figures of one source.
    #[wasm_bindgen(js_name = figurePage, unchecked_return_type = "FigurePage")]
    pub fn figure_page(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FigurePageSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: FigurePageSpec = from_js(spec, "figure page spec")?;
        answer(crate::figure_page(&self.inner, &spec))
    }

    /// What a reader's file added, or `null` when there is none.
    #[wasm_bindgen(js_name = userFigures, unchecked_return_type = "UserFigures | null")]
    pub fn user_figures(&self) -> Result<JsValue, JsValue> {
        to_js(&crate::user_figures(&self.inner))
    }

    /// Every observation with the sources they come from: for small datasets and tests; a
    /// view asks for a page at a time (`sourcePage`, `figurePage`).
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

// ---- the extraction assistant (`--features extractor`) ----------------------------------
//
// Built into a module of its own, which the page loads when a report is added; the engine's
// module above does not carry it.

#[cfg(feature = "extractor")]
use crate::{Extraction, TextSpan};

#[cfg(feature = "extractor")]
#[wasm_bindgen(typescript_custom_section)]
const EXTRACT_TYPES: &str = r#"
export type ExtractUnit = "count" | "percent" | "per_100_people" | "per_100_households" | "vnd_billion" | "vnd_million" | "km" | "mbps" | "gbps" | "people_per_point" | "hours";
export type Reason = "date" | "duration" | "documentNumber" | "contact" | "pageFurniture" | "name" | "structure" | "elsewhere" | "notIct" | "restatement" | "unreadable";
/** Offsets into `text` in UTF-16 code units, as JavaScript strings count them; end exclusive. */
export interface TextSpan { start: number; end: number; }
export interface ExtractSpec { province?: ProvinceId | null; published?: string | null; }
export interface Candidate {
  written: string; span: TextSpan; value: number; scale: number; outOf: number | null; upTo: number | null;
  qualifier: Qualifier; unit: ExtractUnit; counted: string; quote: string; quoteSpan: TextSpan;
  period: string | null; periodBasis: "stated" | "rangeEnd" | "targetYear" | "publication" | "unknown";
  isTarget: boolean; suggestions: { indicator: string; score: number }[]; confidence: number;
}
export interface Rejected { written: string; span: TextSpan; reason: Reason; restates: number | null; }
export interface Extraction { text: string; candidates: Candidate[]; rejected: Rejected[]; }
export interface AcceptedFigure {
  value: number; scale: number; unit: ExtractUnit; outOf?: number | null; indicator: string; period: string;
  qualifier: Qualifier; isTarget: boolean; scope?: string | null; quote: string;
}
export interface ReportRowsSpec {
  report: { id: string; title: string; outlet?: string; author?: string; published: string; url?: string | null; province: ProvinceId };
  figures: AcceptedFigure[];
}
export interface ReportRows { observations: string; sources: string; textFile: string; }
"#;

/// What the page knows of a report it asks the extractor about.
#[cfg(feature = "extractor")]
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct ExtractSpec {
    province: Option<String>,
    published: Option<String>,
}

/// The extractor's answer with the text its offsets refer to (decoded, without a byte-order
/// mark), offsets in UTF-16 code units.
#[cfg(feature = "extractor")]
#[derive(Serialize)]
struct ExtractAnswer {
    text: String,
    #[serde(flatten)]
    extraction: Extraction,
}

/// Re-counts the extraction's character offsets in UTF-16 code units, as JavaScript indexes
/// strings.
#[cfg(feature = "extractor")]
fn in_utf16(text: &str, extraction: &mut Extraction) {
    let mut units = Vec::with_capacity(text.len() + 1);
    let mut count = 0;
    for c in text.chars() {
        units.push(count);
        count += c.len_utf16();
    }
    units.push(count);
    let convert = |span: &mut TextSpan| {
        span.start = units.get(span.start).copied().unwrap_or(count);
        span.end = units.get(span.end).copied().unwrap_or(count);
    };
    for candidate in &mut extraction.candidates {
        convert(&mut candidate.span);
        convert(&mut candidate.quote_span);
    }
    for rejected in &mut extraction.rejected {
        convert(&mut rejected.span);
    }
}

/// The extraction assistant, in the module built with `--features extractor`, which the page
/// loads only when a report is added: its code stays out of the first view. It holds the
/// bundled indicator list and provinces, against which it suggests and checks.
#[cfg(feature = "extractor")]
#[wasm_bindgen]
pub struct Extractor {
    dataset: crate::Dataset,
}

#[cfg(feature = "extractor")]
#[wasm_bindgen]
impl Extractor {
    /// The extractor over the bundled indicator list.
    pub fn bundled() -> Result<Extractor, JsValue> {
        crate::Dataset::bundled()
            .map(|dataset| Extractor { dataset })
            .map_err(|e| to_js_error(&e))
    }

    /// Proposes the figures of a report's text (its bytes, so that a file in another encoding
    /// or a binary file is refused with a place), each with its quote, for a person to confirm.
    #[wasm_bindgen(unchecked_return_type = "Extraction")]
    pub fn extract(
        &self,
        bytes: &[u8],
        file_name: &str,
        #[wasm_bindgen(unchecked_param_type = "ExtractSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: ExtractSpec = if spec.is_undefined() || spec.is_null() {
            ExtractSpec::default()
        } else {
            from_js(spec, "extract spec")?
        };
        let province = spec
            .province
            .as_deref()
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<crate::ProvinceId>().map_err(|()| {
                    to_js_error(&Error::request(format!(
                        "province {p:?}: expected p63:NN or p34:NN"
                    )))
                })
            })
            .transpose()?;
        let published = spec
            .published
            .as_deref()
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<crate::Period>().map_err(|()| {
                    to_js_error(&Error::request(format!(
                        "published {p:?}: expected YYYY-MM-DD"
                    )))
                })
            })
            .transpose()?;
        let text = crate::report_text(bytes, Some(file_name)).map_err(|e| to_js_error(&e))?;
        let options = crate::ExtractOptions::for_report(
            province,
            published,
            self.dataset.reference().provinces(),
        );
        let mut extraction = crate::extract(text, self.dataset.indicators(), &options);
        in_utf16(text, &mut extraction);
        to_js(&ExtractAnswer {
            text: text.to_owned(),
            extraction,
        })
    }

    /// The rows a new report and its accepted figures add to `observations.csv` and
    /// `sources.csv`, checked against the indicator list.
    #[wasm_bindgen(js_name = reportRows, unchecked_return_type = "ReportRows")]
    pub fn report_rows(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReportRowsSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: crate::ReportRowsSpec = from_js(spec, "report rows spec")?;
        answer(crate::report_rows(&spec, self.dataset.indicators()))
    }
}
