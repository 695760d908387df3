//! The extraction assistant's handle (`--features extractor`), built into a module of its own
//! that the page loads when a report is added; the engine's module does not carry it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{answer, from_js, to_js, to_js_error};
use crate::{Error, Extraction, TextSpan};

#[wasm_bindgen(typescript_custom_section)]
const EXTRACT_TYPES: &str = r#"
export type ExtractUnit = "count" | "percent" | "per_100_people" | "per_100_households" | "vnd_billion" | "vnd_million" | "km" | "mbps" | "gbps" | "people_per_point" | "hours" | "score_0_1" | "score_1_10";
export type Reason = "date" | "duration" | "documentNumber" | "contact" | "pageFurniture" | "name" | "structure" | "elsewhere" | "notIct" | "restatement" | "change" | "unreadable" | "otherLanguage";
/** Offsets into `text` in UTF-16 code units, as JavaScript strings count them; end exclusive. */
export interface TextSpan { start: number; end: number; }
export interface ExtractSpec { province?: ProvinceId | null; published?: string | null; }
export interface Candidate {
  written: string; span: TextSpan; value: number; scale: number; outOf: number | null; upTo: number | null;
  qualifier: Qualifier; unit: ExtractUnit; counted: string; quote: string; quoteSpan: TextSpan;
  period: string | null; periodBasis: "stated" | "rangeEnd" | "targetYear" | "column" | "paragraph" | "title" | "publication" | "unknown";
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
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct ExtractSpec {
    province: Option<String>,
    published: Option<String>,
}

/// The extractor's answer with the text its offsets refer to (decoded, without a byte-order
/// mark), offsets in UTF-16 code units.
#[derive(Serialize)]
struct ExtractAnswer {
    text: String,
    #[serde(flatten)]
    extraction: Extraction,
}

/// Re-counts the extraction's character offsets in UTF-16 code units, as JavaScript indexes
/// strings.
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
#[wasm_bindgen]
pub struct Extractor {
    dataset: crate::Dataset,
}

#[wasm_bindgen]
impl Extractor {
    /// The extractor over the bundled indicator list.
    pub fn bundled() -> Result<Extractor, JsValue> {
        crate::Dataset::bundled()
            .map(|dataset| Extractor { dataset })
            .map_err(|e| to_js_error(&e))
    }

    /// The largest text, in bytes, that `extract` reads: a page refuses a larger file before
    /// reading it.
    #[wasm_bindgen(getter, js_name = maxBytes)]
    #[must_use]
    pub fn max_bytes(&self) -> u32 {
        crate::MAX_TEXT_BYTES as u32
    }

    /// Proposes the figures of a report's text (its bytes, so that a file in another encoding
    /// or a binary file is refused with a place), each with its quote, for a person to confirm.
    #[wasm_bindgen(unchecked_return_type = "Extraction")]
    pub fn extract(
        &self,
        bytes: &[u8],
        file_name: &str,
        #[wasm_bindgen(unchecked_param_type = "ExtractSpec")] spec: &JsValue,
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
        #[wasm_bindgen(unchecked_param_type = "ReportRowsSpec")] spec: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: crate::ReportRowsSpec = from_js(spec, "report rows spec")?;
        answer(crate::report_rows(&spec, self.dataset.indicators()))
    }
}
