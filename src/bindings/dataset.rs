//! The `Dataset` handle: one method per user action, each composing core calls.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{answer, from_js, to_js, to_js_error};
use crate::{CompareSpec, Dataset, Edition, Indicator, Province, Region, SourceEntry, Unit};

/// An indicator as the lists give it: everything but its definition and methodology, which a
/// reader asks for one at a time (`definition`) and which may not be attached yet.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct IndicatorEntry<'a> {
    id: &'a str,
    family: &'a str,
    pillar: crate::Pillar,
    name_vi: &'a str,
    name_en: &'a str,
    unit: Unit,
    denominator: Option<&'a str>,
    aggregation: &'a crate::Aggregation,
    better: crate::Better,
    part_of: Option<&'a str>,
    editions: &'a [Edition],
}

pub(super) fn indicator_entries(indicators: &[Indicator]) -> Vec<IndicatorEntry<'_>> {
    indicators
        .iter()
        .map(|x| IndicatorEntry {
            id: &x.id,
            family: &x.family,
            pillar: x.pillar,
            name_vi: &x.name_vi,
            name_en: &x.name_en,
            unit: x.unit,
            denominator: x.denominator.as_deref(),
            aggregation: &x.aggregation,
            better: x.better,
            part_of: x.part_of.as_deref(),
            editions: &x.editions,
        })
        .collect()
}

/// Everything the page's pickers and views need to know up front, in one call.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Catalog<'a> {
    provinces: &'a [Province],
    regions: &'a [Region],
    indicators: Vec<IndicatorEntry<'a>>,
    sources: Vec<SourceEntry<'a>>,
    units: Vec<crate::UnitDisplay>,
    qualifiers: Vec<crate::QualifierDisplay>,
    /// For each list (63 then 34 provinces), how many provinces and years each indicator has,
    /// whether it has a per-capita form, and how many indicators each province has: what the
    /// pickers and the per-capita option show.
    availability: [crate::Availability; 2],
    initial: crate::InitialChoice,
    periods: Vec<crate::PeriodChoice>,
}

/// The dataset: bundled figures and, optionally, a user's own.
#[wasm_bindgen(js_name = Dataset)]
pub struct JsDataset {
    pub(super) inner: Dataset,
}

impl JsDataset {
    /// The dataset, refused while its long texts are pending: for the answers that show a
    /// definition, a quote, a note or a table cell's place.
    pub(super) fn complete(&self) -> Result<&Dataset, JsValue> {
        self.inner.require_texts().map_err(|e| to_js_error(&e))?;
        Ok(&self.inner)
    }
}

/// The fields of a [`crate::DenseMatrix`] that are not per-cell arrays.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DenseHead<'a> {
    period: crate::PeriodSpec,
    provinces: &'a [crate::ProvinceId],
    indicators: &'a [String],
    units: &'a [String],
    decimals: &'a [u8],
    per_capita: &'a [bool],
    warnings: &'a [crate::Warning],
    period_codes: &'a [crate::Period],
    qualifier_codes: &'a [crate::Qualifier],
    mark_codes: &'a [crate::FigureMark],
    origin_codes: &'a [crate::Origin],
    best: &'a [Option<u32>],
}

/// A dense matrix as a JS object whose per-cell arrays are typed arrays, each copied in one go.
fn dense_to_js(dense: &crate::DenseMatrix) -> Result<JsValue, JsValue> {
    // Taken apart field by field, so that a field added to the type cannot be left out here.
    let crate::DenseMatrix {
        period,
        provinces,
        indicators,
        units,
        decimals,
        per_capita,
        warnings,
        present,
        values,
        out_of,
        periods,
        qualifiers,
        marks,
        origins,
        targets,
        derived,
        members,
        reported,
        period_codes,
        qualifier_codes,
        mark_codes,
        origin_codes,
        best,
    } = dense;
    let head = to_js(&DenseHead {
        period: *period,
        provinces,
        indicators,
        units,
        decimals,
        per_capita,
        warnings,
        period_codes,
        qualifier_codes,
        mark_codes,
        origin_codes,
        best,
    })?;
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&head, &JsValue::from_str(key), &value);
    };
    let bytes = |values: &[u8]| JsValue::from(js_sys::Uint8Array::from(values));
    let flags = |values: &[bool]| bytes(&values.iter().map(|&b| u8::from(b)).collect::<Vec<_>>());
    let shorts = |values: &[u16]| JsValue::from(js_sys::Uint16Array::from(values));
    let numbers = |values: &[f64]| JsValue::from(js_sys::Float64Array::from(values));
    set("present", flags(present));
    set("values", numbers(values));
    set("outOf", numbers(out_of));
    set("periods", shorts(periods));
    set("qualifiers", bytes(qualifiers));
    set("marks", bytes(marks));
    set("origins", bytes(origins));
    set("targets", flags(targets));
    set("derived", flags(derived));
    set("members", shorts(members));
    set("reported", shorts(reported));
    Ok(head)
}

#[wasm_bindgen(js_class = Dataset)]
impl JsDataset {
    /// The dataset compiled into the engine. The page's engine is built without the long
    /// texts (definitions, quotes, notes): `textsPending` is true until `attachTexts`.
    pub fn bundled() -> Result<JsDataset, JsValue> {
        Dataset::bundled()
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// The identity of the bundled data this engine was built with: the same in two modules
    /// only if they bundle the same pack (see `Dataset::bundled_id`).
    #[wasm_bindgen(js_name = bundledId)]
    #[must_use]
    pub fn bundled_id() -> String {
        Dataset::bundled_id()
    }

    /// Whether the long texts are still to be attached; until they are, every call that would
    /// show one throws (`definition`, `provenance`, `compare`, `profile`, `figurePage`, the
    /// downloads and, where they are built in, `rank`, `series`, `observations` and adding a
    /// reader's file).
    #[wasm_bindgen(getter, js_name = textsPending)]
    #[must_use]
    pub fn texts_pending(&self) -> bool {
        self.inner.texts_pending()
    }

    /// Attaches the texts pack built with this engine (`ict_compare_texts.pack`), to this
    /// dataset and the reader's rows it holds. Throws, changing nothing, for another build's.
    #[wasm_bindgen(js_name = attachTexts)]
    pub fn attach_texts(&mut self, pack: &[u8]) -> Result<(), JsValue> {
        self.inner.attach_texts(pack).map_err(|e| to_js_error(&e))
    }

    /// What an indicator counts and how its figures are made.
    #[wasm_bindgen(unchecked_return_type = "IndicatorDefinition")]
    pub fn definition(&self, indicator: &str) -> Result<JsValue, JsValue> {
        answer(crate::indicator_definition(&self.inner, indicator))
    }

    /// A dataset of one's own CSV files (observations, indicators, sources, in the bundled
    /// formats) over the bundled reference data.
    #[cfg(feature = "own-datasets")]
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
    #[cfg(feature = "reader-files")]
    #[wasm_bindgen(js_name = withUserCsv)]
    pub fn with_user_csv(&self, text: &str, file_name: &str) -> Result<JsDataset, JsValue> {
        self.complete()?
            .with_user_file(text, file_name)
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// The bundled dataset plus the observations of a user's file, given as its bytes, so that
    /// a file saved in another encoding is refused with the place of its first bad byte rather
    /// than silently altered by a lossy decoder.
    #[cfg(feature = "reader-files")]
    #[wasm_bindgen(js_name = withUserFile)]
    pub fn with_user_file(&self, bytes: &[u8], file_name: &str) -> Result<JsDataset, JsValue> {
        let dataset = self.complete()?;
        crate::decode_utf8(bytes, Some(file_name))
            .and_then(|text| dataset.with_user_file(text, file_name))
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

    /// Provinces, regions, indicators, sources, which indicator has figures where, the view a
    /// page opens with and the years of its period picker.
    #[wasm_bindgen(unchecked_return_type = "Catalog")]
    pub fn catalog(&self) -> Result<JsValue, JsValue> {
        let reference = self.inner.reference();
        let sources = crate::source_entries(&self.inner);
        // One pass over the rows serves the choices and both lists' availability.
        let coverage = crate::coverage(&self.inner);
        to_js(&Catalog {
            provinces: reference.provinces(),
            regions: reference.regions(),
            indicators: indicator_entries(self.inner.indicators()),
            initial: crate::initial_choice(&sources, &coverage),
            periods: crate::period_choices(&coverage),
            sources,
            units: crate::unit_displays(),
            qualifiers: crate::qualifier_displays(),
            availability: [
                crate::availability_of(&self.inner, crate::Scheme::P63, &coverage),
                crate::availability_of(&self.inner, crate::Scheme::P34, &coverage),
            ],
        })
    }

    /// The comparison table as columns (`DenseMatrix`): a few typed arrays of numbers and codes
    /// instead of an object for every cell, what the page's table draws. A number's quotes are
    /// asked of `provenance` by its address when a reader opens it.
    #[wasm_bindgen(js_name = compareDense, unchecked_return_type = "DenseMatrix")]
    pub fn compare_dense(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] spec: &JsValue,
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
        #[wasm_bindgen(unchecked_param_type = "FigureRef")] at: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let at: crate::FigureRef = from_js(at, "figure ref")?;
        answer(crate::figure_provenance(self.complete()?, &at))
    }

    /// The reader's figures among the provinces and indicators of a comparison that a
    /// published figure also gives for the same province and period, each with both figures.
    #[wasm_bindgen(unchecked_return_type = "Conflict[]")]
    pub fn conflicts(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: CompareSpec = from_js(spec, "compare spec")?;
        answer(crate::table_conflicts(&self.inner, &spec))
    }

    /// A file of one's own figures to fill in: the header and an example row.
    #[wasm_bindgen(js_name = userFileTemplate)]
    #[must_use]
    pub fn user_file_template() -> String {
        crate::user_file_template()
    }

    /// What a reader's file added, or `null` when there is none: only a dataset with a
    /// reader's file (`withUserFile`) has any.
    #[cfg(feature = "reader-files")]
    #[wasm_bindgen(js_name = userFigures, unchecked_return_type = "UserFigures | null")]
    pub fn user_figures(&self) -> Result<JsValue, JsValue> {
        to_js(&crate::user_figures(&self.inner))
    }
}
