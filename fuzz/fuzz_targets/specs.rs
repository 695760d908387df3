//! Request specs as the page sends them (JSON objects): decoding any bytes into a spec and
//! answering it never panics; an answer or a clean error, nothing else.
#![no_main]

use std::sync::LazyLock;

use ict_compare::{aggregate, compare, rank, series, AggregateSpec, CompareSpec, Dataset, RankSpec, SeriesSpec};
use libfuzzer_sys::fuzz_target;

static BUNDLED: LazyLock<Dataset> = LazyLock::new(|| Dataset::bundled().expect("the bundled dataset loads"));

fuzz_target!(|bytes: &[u8]| {
    let dataset = &*BUNDLED;
    if let Ok(spec) = serde_json::from_slice::<CompareSpec>(bytes) {
        let _ = compare(dataset, &spec);
    }
    if let Ok(spec) = serde_json::from_slice::<RankSpec>(bytes) {
        let _ = rank(dataset, &spec);
    }
    if let Ok(spec) = serde_json::from_slice::<SeriesSpec>(bytes) {
        let _ = series(dataset, &spec);
    }
    if let Ok(spec) = serde_json::from_slice::<AggregateSpec>(bytes) {
        let _ = aggregate(dataset, &spec);
    }
});
