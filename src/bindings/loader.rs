//! The `DatasetLoader` handle: observations read in pieces, so a long text is never copied
//! into the engine whole.

use js_sys::{JsString, Uint8Array, WebAssembly};
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
    encoder: Encoder,
    /// Where the browser writes each piece of text as UTF-8: as long as the longest piece
    /// needed, and reused.
    staging: Vec<u8>,
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `TextEncoder`, which writes a string as UTF-8 into the memory it is given.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Encoder;

    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encodeInto)]
    fn encode_into(this: &Encoder, text: &JsString, into: &Uint8Array) -> Written;

    /// What `encodeInto` wrote.
    type Written;

    #[wasm_bindgen(method, getter)]
    fn written(this: &Written) -> u32;
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
            .map(|inner| JsDatasetLoader {
                inner: Some(inner),
                encoder: Encoder::new(),
                staging: Vec::new(),
            })
            .map_err(|e| to_js_error(&e))
    }

    /// Reads the next piece of the observations' text (any length, split anywhere).
    ///
    /// The browser writes the piece as UTF-8 straight into the engine's memory (`encodeInto`),
    /// which for a long text is about a fifth faster in Chromium than the copy a `&str`
    /// argument makes, a character at a time in JavaScript.
    pub fn push(&mut self, piece: &JsString) -> Result<(), JsValue> {
        let loader = self.inner.as_mut().ok_or_else(Self::spent)?;
        // At most three bytes for each UTF-16 unit; the room only ever grows.
        let most = piece.length() as usize * 3;
        if self.staging.len() < most {
            self.staging.resize(most, 0);
        }
        let memory: WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        let into = Uint8Array::new_with_byte_offset_and_length(
            &memory.buffer(),
            self.staging.as_mut_ptr() as usize as u32,
            most as u32,
        );
        let written = self.encoder.encode_into(piece, &into).written() as usize;
        let bytes = self.staging.get(..written).unwrap_or_default();
        // What `encodeInto` writes is UTF-8 (a lone surrogate becomes U+FFFD, as for any string
        // handed to the engine): read as the text it is, not as bytes of a file.
        let read = std::str::from_utf8(bytes)
            .map_err(|_| {
                Error::request("the browser's encoder wrote bytes that are not UTF-8".to_owned())
            })
            .and_then(|text| loader.push(text));
        read.map_err(|e| {
            // A failed loader takes no more, and gives its buffer back.
            self.inner = None;
            self.staging = Vec::new();
            to_js_error(&e)
        })
    }

    /// Reads the next piece of the observations' bytes in UTF-8 (a `Uint8Array`, split
    /// anywhere, a character too), as a file or a response body arrives: bytes one has need not
    /// be decoded to a string first. A text one has goes to `push`, which encodes it straight
    /// into the engine's memory.
    #[wasm_bindgen(js_name = pushBytes)]
    pub fn push_bytes(&mut self, piece: &[u8]) -> Result<(), JsValue> {
        Self::read(&mut self.inner, |loader| loader.push_bytes(piece))
    }

    /// Reads the rest and returns the dataset.
    pub fn finish(&mut self) -> Result<JsDataset, JsValue> {
        // The buffer is given back now: the handle lives on until JavaScript frees it.
        self.staging = Vec::new();
        let loader = self.inner.take().ok_or_else(Self::spent)?;
        loader
            .finish()
            .map(|inner| JsDataset { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// Reads a piece with `read`; after an error the loader takes no more.
    fn read(
        inner: &mut Option<crate::DatasetLoader>,
        read: impl FnOnce(&mut crate::DatasetLoader) -> crate::Result<()>,
    ) -> Result<(), JsValue> {
        let loader = inner.as_mut().ok_or_else(Self::spent)?;
        read(loader).map_err(|e| {
            *inner = None;
            to_js_error(&e)
        })
    }

    fn spent() -> JsValue {
        to_js_error(&Error::request(
            "this loader has finished or failed: start a new one".to_owned(),
        ))
    }
}
