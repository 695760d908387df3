//! A user's file, any bytes: decoding and loading it never panics, and a failure leaves the
//! bundled data exactly as it was.
#![no_main]

use std::sync::LazyLock;

use ict_compare::{decode_utf8, Dataset};
use libfuzzer_sys::fuzz_target;

static BUNDLED: LazyLock<Dataset> = LazyLock::new(|| Dataset::bundled().expect("the bundled dataset loads"));

fuzz_target!(|bytes: &[u8]| {
    let size = BUNDLED.len();
    match decode_utf8(bytes, Some("fuzz.csv")).and_then(|text| BUNDLED.with_user_file(text, "fuzz.csv")) {
        Ok(dataset) => assert!(dataset.len() > size, "a file that loads adds figures"),
        Err(error) => {
            // Every error from a file says where.
            assert!(error.position().is_some(), "{error}");
            // Quoted text is cut to 60 characters; escaped control characters may lengthen it.
            assert!(error.to_string().len() < 1000, "errors stay short");
        }
    }
    assert_eq!(BUNDLED.len(), size);
});
