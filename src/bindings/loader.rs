//! The `DatasetLoader` handle: observations read in pieces, so a long text is never copied
//! into the engine whole.

use wasm_bindgen::prelude::*;

use super::dataset::JsDataset;
use super::to_js_error;
use crate::Error;

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
        self.read(|loader| loader.push(piece))
    }

    /// Reads the next piece of the observations' bytes in UTF-8 (a `Uint8Array`, split
    /// anywhere, a character too), as a file or a response body arrives: bytes one has need not
    /// be decoded to a string first. A text one has goes to `push`: in Chromium that is faster
    /// than encoding it for this.
    #[wasm_bindgen(js_name = pushBytes)]
    pub fn push_bytes(&mut self, piece: &[u8]) -> Result<(), JsValue> {
        self.read(|loader| loader.push_bytes(piece))
    }

    /// Reads the rest and returns the dataset.
    pub fn finish(&mut self) -> Result<JsDataset, JsValue> {
        let loader = self.inner.take().ok_or_else(Self::spent)?;
        loader
            .finish()
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// Reads a piece with `read`; after an error the loader takes no more.
    fn read(
        &mut self,
        read: impl FnOnce(&mut crate::DatasetLoader) -> crate::Result<()>,
    ) -> Result<(), JsValue> {
        let loader = self.inner.as_mut().ok_or_else(Self::spent)?;
        read(loader).map_err(|e| {
            self.inner = None;
            to_js_error(&e)
        })
    }

    fn spent() -> JsValue {
        to_js_error(&Error::request(
            "this loader has finished or failed: start a new one".to_owned(),
        ))
    }
}
