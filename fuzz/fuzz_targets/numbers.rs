//! Vietnamese and plain numbers: no text panics the parsers, nothing parses to NaN or an
//! infinity, and what the formatter writes reads back.
#![no_main]

use ict_compare::{format_vietnamese_number, numbers_in_text, parse_data_number, parse_vietnamese_number};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for value in [parse_vietnamese_number(text), parse_data_number(text)].into_iter().flatten() {
        assert!(value.is_finite(), "{text:?} gave {value}");
        if value.abs() < 1e15 {
            let written = format_vietnamese_number(value, 6);
            let read = parse_vietnamese_number(&written).expect("the formatter's output parses");
            assert!((read - value).abs() <= 1e-6 * value.abs().max(1.0), "{text:?} → {written} → {read}");
        }
    }
    for number in numbers_in_text(text) {
        assert!(number.value.is_finite());
        assert!(text.get(number.span.clone()).is_some(), "spans fall on character boundaries");
    }
});
