//! The `Dataset` handle's analyses that no view of the page asks for: a ranking, a series, an
//! aggregate, the averages, whether indicators compare, the comparison with every figure's
//! quotes or without them, and every observation at once. They are for those who use
//! the JavaScript API themselves and for the benchmarks; the page's first-view engine is built
//! without them (the `analysis` feature), and its views get what they draw of them inside
//! their own answers (`provinceView`, `chartView`, `mapView`). Like the rest of `bindings` it
//! composes core calls and computes nothing; it knows no view of the page.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::dataset::{IndicatorEntry, JsDataset, indicator_entries};
use super::{answer, from_js, to_js};
use crate::{
    AggregateSpec, AverageSpec, CompareSpec, Observation, Province, RankSpec, SeriesSpec, Source,
};

/// Every observation with what it refers to.
#[derive(Serialize)]
struct ObservationList<'a> {
    total: usize,
    sources: &'a [Source],
    indicators: Vec<IndicatorEntry<'a>>,
    provinces: &'a [Province],
    observations: Vec<Observation>,
}

#[wasm_bindgen(js_class = Dataset)]
impl JsDataset {
    /// Provinces × indicators for a period: one cell per pair, with warnings, each figure with
    /// its quotes. The page's table asks `compareWithoutProvenance`, and a number's quotes when
    /// a reader opens it.
    #[wasm_bindgen(unchecked_return_type = "Matrix")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: CompareSpec = from_js(spec, "compare spec")?;
        answer(crate::compare(self.complete()?, &spec))
    }

    /// The comparison as `compare` answers it, its figures without their quotes: each cell's
    /// `ref` asks `provenance` for them. (The page's table asks `compareDense`.)
    #[wasm_bindgen(js_name = compareWithoutProvenance, unchecked_return_type = "Matrix")]
    pub fn compare_without_provenance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: CompareSpec = from_js(spec, "compare spec")?;
        answer(crate::compare_without_provenance(&self.inner, &spec))
    }

    /// One indicator across provinces, ranked, with ties and uncertain orders.
    #[wasm_bindgen(unchecked_return_type = "Ranking")]
    pub fn rank(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RankSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: RankSpec = from_js(spec, "rank spec")?;
        answer(crate::rank(self.complete()?, &spec))
    }

    /// One province and indicator over time, with the change between two periods.
    #[wasm_bindgen(unchecked_return_type = "Series")]
    pub fn series(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SeriesSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: SeriesSpec = from_js(spec, "series spec")?;
        answer(crate::series(self.complete()?, &spec))
    }

    /// One indicator combined by its rule over the nation, each region or each year (or the
    /// figures per pillar), with count, mean, median, min, max and a sum where the rule adds.
    #[wasm_bindgen(unchecked_return_type = "AggregateResult")]
    pub fn aggregate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AggregateSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: AggregateSpec = from_js(spec, "aggregate spec")?;
        answer(crate::aggregate(&self.inner, &spec))
    }

    /// The national average of an indicator and its regions' averages, with coverage: reference
    /// lines, never ranked.
    #[wasm_bindgen(unchecked_return_type = "References")]
    pub fn averages(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AverageSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: AverageSpec = from_js(spec, "average spec")?;
        answer(crate::averages(&self.inner, &spec))
    }

    /// Whether these indicators may be ranked or charted together, and why not.
    #[wasm_bindgen(unchecked_return_type = "Comparability")]
    pub fn comparability(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] indicators: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let ids: Vec<String> = from_js(indicators, "indicator list")?;
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        answer(crate::comparability(&self.inner, &ids))
    }

    /// Every observation with the sources they come from: for small datasets and tests; a
    /// view asks for a page at a time (`sourcePage`, `figurePage`).
    #[wasm_bindgen(unchecked_return_type = "ObservationList")]
    pub fn observations(&self) -> Result<JsValue, JsValue> {
        let dataset = self.complete()?;
        to_js(&ObservationList {
            total: dataset.len(),
            sources: dataset.sources(),
            indicators: indicator_entries(dataset.indicators()),
            provinces: dataset.reference().provinces(),
            observations: dataset.observations().collect(),
        })
    }
}
