//! The `DatasetLoader` handle: observations read in pieces, so a long text is never copied
//! into the engine whole.

use js_sys::{JsString, WebAssembly};
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
    fn encode_into(this: &Encoder, text: &JsString, into: &View) -> Written;

    /// What `encodeInto` read (UTF-16 units) and wrote (bytes).
    type Written;

    #[wasm_bindgen(method, getter)]
    fn read(this: &Written) -> u32;

    #[wasm_bindgen(method, getter)]
    fn written(this: &Written) -> u32;

    /// A `Uint8Array` over the engine's memory.
    #[wasm_bindgen(js_name = Uint8Array)]
    type View;

    /// A view of `length` bytes of `buffer` from `offset`; an error, not a throw through the
    /// engine, if the buffer was detached meanwhile (the engine's memory grew).
    #[wasm_bindgen(catch, constructor, js_class = "Uint8Array")]
    fn new(buffer: &JsValue, offset: u32, length: u32) -> Result<View, JsValue>;
}

/// The most UTF-16 units of a piece of text written into the engine at once (one more when the
/// last would be the first half of a surrogate pair): a longer piece is written and read in
/// parts. Short, because Chromium's encoder is: in its profile, writing a piece of 1 MiB spent a
/// third of its time in the call before any byte was written (the string made ready for the
/// encoder), and a text of 36 MB pushed in pieces of 1 MiB loads in about 0.9x the time when
/// written in parts of this length (docs/PERFORMANCE.md). A file's bytes are copied into the
/// same buffer in parts of as many bytes: no faster, but no copy of a whole piece is allocated
/// for each call, which left the allocator's high-water mark 8 % higher where a text and then
/// a file's bytes were loaded in one engine.
pub const PART: u32 = 1 << 16;

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
    /// The browser writes the text as UTF-8 straight into the engine's memory (`encodeInto`,
    /// a part of [`PART`] units at a time), which for a long text is faster in Chromium than the
    /// copy a `&str` argument makes, a character at a time in JavaScript.
    pub fn push(&mut self, piece: &JsString) -> Result<(), JsValue> {
        let encoder = &self.encoder;
        Self::read(&mut self.inner, &mut self.staging, |loader, staging| {
            if !piece.is_string() {
                return Err(Error::request(
                    "push takes a string; bytes go to pushBytes".to_owned(),
                ));
            }
            write_in_parts(encoder, staging, piece, |text| loader.push(text))
        })
    }

    /// Reads the next piece of the observations' bytes in UTF-8 (a `Uint8Array`, split
    /// anywhere, a character too), as a file or a response body arrives: bytes one has need not
    /// be decoded to a string first. They are copied into the engine's memory a part of
    /// [`PART`] bytes at a time. A text one has goes to `push`, which encodes it straight into
    /// the engine's memory.
    #[wasm_bindgen(js_name = pushBytes)]
    pub fn push_bytes(&mut self, piece: &js_sys::Uint8Array) -> Result<(), JsValue> {
        Self::read(&mut self.inner, &mut self.staging, |loader, staging| {
            copy_in_parts(piece, staging, |part| loader.push_bytes(part))
        })
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

    /// Reads a piece with `read`, through the buffer `staging`; after an error the loader
    /// takes no more, and gives its buffer back.
    fn read(
        inner: &mut Option<crate::DatasetLoader>,
        staging: &mut Vec<u8>,
        read: impl FnOnce(&mut crate::DatasetLoader, &mut Vec<u8>) -> crate::Result<()>,
    ) -> Result<(), JsValue> {
        let loader = inner.as_mut().ok_or_else(Self::spent)?;
        read(loader, staging).map_err(|e| {
            *inner = None;
            *staging = Vec::new();
            to_js_error(&e)
        })
    }

    fn spent() -> JsValue {
        to_js_error(&Error::request(
            "this loader has finished or failed: start a new one".to_owned(),
        ))
    }
}

/// Writes `text` as UTF-8 into `staging` a part at a time and hands each part to `read`. Every
/// part ends on a whole character: none is cut between the halves of a surrogate pair, and
/// `encodeInto`, short of room, stops before a character rather than within it.
fn write_in_parts(
    encoder: &Encoder,
    staging: &mut Vec<u8>,
    text: &JsString,
    mut read: impl FnMut(&str) -> crate::Result<()>,
) -> crate::Result<()> {
    let length = text.length();
    // Room for a part at three bytes a UTF-16 unit.
    let room = (length.min(PART) as usize * 3).max(4);
    if staging.len() < room {
        staging.resize(room, 0);
    }
    let mut done = 0;
    while done < length {
        let mut end = length.min(done + PART);
        if end < length && is_high_surrogate(text.char_code_at(end - 1)) {
            end += 1;
        }
        let part = if done == 0 && end == length {
            text.clone()
        } else {
            text.slice(done, end)
        };
        let (units, bytes) = encode(encoder, staging, &part)?;
        let part = staging.get(..bytes).unwrap_or_default();
        let part = std::str::from_utf8(part).map_err(|_| {
            Error::request("the browser's encoder wrote bytes that are not UTF-8".to_owned())
        })?;
        read(part)?;
        done += units;
    }
    Ok(())
}

/// Copies `bytes` into `staging` a part of [`PART`] bytes at a time and hands each part to
/// `read`.
fn copy_in_parts(
    bytes: &js_sys::Uint8Array,
    staging: &mut Vec<u8>,
    mut read: impl FnMut(&[u8]) -> crate::Result<()>,
) -> crate::Result<()> {
    let length = bytes.length();
    let room = length.min(PART) as usize;
    if staging.len() < room {
        staging.resize(room, 0);
    }
    let mut done = 0;
    while done < length {
        let end = length.min(done + PART);
        let part = staging.get_mut(..(end - done) as usize).unwrap_or_default();
        bytes.subarray(done, end).copy_to(part);
        read(part)?;
        done = end;
    }
    Ok(())
}

/// Whether a UTF-16 unit (as `charCodeAt` gives it) is the first half of a surrogate pair (0xD800
/// to 0xDBFF): a part ending there would have the encoder write a replacement character for it.
fn is_high_surrogate(unit: f64) -> bool {
    (55_296.0..56_320.0).contains(&unit)
}

/// Writes the head of `text` into `staging` and says how many UTF-16 units it read and how
/// many bytes it wrote. Asking JavaScript for anything can grow the engine's memory, which
/// detaches a view made before: the writing is tried again once on a fresh view, and a second
/// failure to write anything is an error, never a piece silently lost.
fn encode(encoder: &Encoder, staging: &mut [u8], text: &JsString) -> crate::Result<(u32, usize)> {
    let at = staging.as_mut_ptr() as usize as u32;
    for _ in 0..2 {
        let memory: WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        let Ok(into) = View::new(&memory.buffer(), at, staging.len() as u32) else {
            continue;
        };
        let written = encoder.encode_into(text, &into);
        if written.read() > 0 {
            return Ok((written.read(), written.written() as usize));
        }
    }
    Err(Error::request(
        "the text could not be written into the engine's memory".to_owned(),
    ))
}
