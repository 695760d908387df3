//! The `Dataset` handle's views beyond the table: a province among all, the chart and the map,
//! a province's profile, the sources page by page, and the downloads. The page's first view
//! (the table, its popovers) needs none of them, so its engine is built without them (the
//! `views` feature) and the page asks another build of the same crate, with them, when a
//! reader first opens another tab or a download. Like the rest of `bindings` it composes core
//! calls and computes nothing; it knows no view of the page.

use wasm_bindgen::prelude::*;

use super::dataset::JsDataset;
use super::{answer, from_js, to_js_error};
use crate::{CompareSpec, Error, FigurePageSpec, SourcePageSpec};

#[wasm_bindgen(js_class = Dataset)]
impl JsDataset {
    /// "My province among all": the whole first screen (headlines, ranking, series, map,
    /// availability, report figures, sources, warnings) in one call.
    #[wasm_bindgen(js_name = provinceView, unchecked_return_type = "ProvinceView")]
    pub fn province_view(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProvinceViewSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: crate::ProvinceViewSpec = from_js(spec, "province view spec")?;
        answer(crate::province_view(&self.inner, &spec))
    }

    /// The chart tab in one call, for the choice the table is asked and the focus among its
    /// indicators: the indicator drawn, its timeline, the bars in rank order
    /// and the lines over the years, the warnings, or why there is nothing to draw.
    #[wasm_bindgen(js_name = chartView, unchecked_return_type = "ChartView")]
    pub fn chart_view(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] choice: &JsValue,
        focus: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let choice: CompareSpec = from_js(choice, "compare spec")?;
        let spec = crate::GraphicsSpec::of_choice(choice, focus);
        answer(crate::chart_view(&self.inner, &spec))
    }

    /// The map tab in one call, for the choice the table is asked and the focus among its
    /// indicators: the indicator drawn, its values with their legend bins, its timeline, or why
    /// there is no map (none when no indicator is chosen: never one the reader did not choose).
    #[wasm_bindgen(js_name = mapView, unchecked_return_type = "MapTabView")]
    pub fn map_view(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] choice: &JsValue,
        focus: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let choice: CompareSpec = from_js(choice, "compare spec")?;
        let spec = crate::GraphicsSpec::of_choice(choice, focus);
        answer(crate::map_tab_view(&self.inner, &spec))
    }

    /// Every figure with its provenance as CSV for Excel in a Vietnamese locale (UTF-8 with a
    /// byte-order mark, `;` between fields, decimal commas, CRLF).
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsValue> {
        Ok(crate::export_csv(self.complete()?))
    }

    /// The comparison `spec` asks for, as the table shows it, in the form of `exportCsv` (for
    /// Excel in a Vietnamese locale): one row per cell with its mark and provenance, and the
    /// published figure after a reader's figure that stands beside it.
    #[wasm_bindgen(js_name = tableCsv)]
    pub fn table_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CompareSpec")] spec: &JsValue,
    ) -> Result<String, JsValue> {
        let spec: CompareSpec = from_js(spec, "compare spec")?;
        crate::table_csv(self.complete()?, &spec).map_err(|e| to_js_error(&e))
    }

    /// Everything known about one province, by pillar, with periods and quotes.
    #[wasm_bindgen(unchecked_return_type = "Profile")]
    pub fn profile(&self, province: &str) -> Result<JsValue, JsValue> {
        let id: crate::ProvinceId = province.parse().map_err(|()| {
            to_js_error(&Error::request(format!(
                "province {province:?}: expected p63:NN or p34:NN"
            )))
        })?;
        answer(crate::profile(self.complete()?, id))
    }

    /// One page of the sources, each with its origin and number of figures.
    #[wasm_bindgen(js_name = sourcePage, unchecked_return_type = "SourcePage")]
    pub fn source_page(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SourcePageSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: SourcePageSpec = from_js(spec, "source page spec")?;
        answer(crate::source_page(&self.inner, spec))
    }

    /// One page of the figures of one source.
    #[wasm_bindgen(js_name = figurePage, unchecked_return_type = "FigurePage")]
    pub fn figure_page(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FigurePageSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: FigurePageSpec = from_js(spec, "figure page spec")?;
        answer(crate::figure_page(self.complete()?, &spec))
    }
}
