//! A report's text, any bytes: the extractor never panics, refuses what is not UTF-8 text
//! with a place, and everything it hands out points into the text: every quote occurs where
//! its span says, holds its figure, and every number comes out once.
#![no_main]

use std::sync::LazyLock;

use ict_compare::{Dataset, ExtractOptions, Suggester, extract_with, report_text};
use libfuzzer_sys::fuzz_target;

static BUNDLED: LazyLock<Dataset> = LazyLock::new(|| Dataset::bundled().expect("the bundled dataset loads"));
static SUGGESTER: LazyLock<Suggester<'static>> = LazyLock::new(|| Suggester::new(BUNDLED.indicators()));

fuzz_target!(|bytes: &[u8]| {
    let text = match report_text(bytes, Some("fuzz.txt")) {
        Ok(text) => text,
        Err(error) => {
            assert!(error.position().is_some() || bytes.len() > ict_compare::MAX_TEXT_BYTES, "{error}");
            return;
        }
    };
    let options = ExtractOptions::for_report(
        Some("p63:84".parse().expect("a province id")),
        "2024-06-03".parse().ok(),
        BUNDLED.reference().provinces(),
    );
    let found = extract_with(text, &SUGGESTER, &options);
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: usize, end: usize| -> String { chars[start..end].iter().collect() };
    let mut spans = Vec::new();
    for candidate in &found.candidates {
        let (quote, span) = (candidate.quote_span, candidate.span);
        assert!(quote.start <= span.start && span.end <= quote.end && quote.end <= chars.len());
        assert_eq!(slice(quote.start, quote.end), candidate.quote);
        assert_eq!(slice(span.start, span.end), candidate.written);
        assert!(candidate.value.is_finite() && (0.0..=1.0).contains(&candidate.confidence));
        spans.push((span.start, span.end));
    }
    for rejected in &found.rejected {
        assert_eq!(slice(rejected.span.start, rejected.span.end), rejected.written);
        spans.push((rejected.span.start, rejected.span.end));
    }
    spans.sort_unstable();
    assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "numbers overlap");
});
