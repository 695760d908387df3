//! Request specs as the page sends them (the JSON text of an object, read by the engine's own
//! reader of requests): reading any text as a spec and answering it never panics; an answer or
//! a clean error, nothing else.
#![no_main]

use std::sync::LazyLock;

use ict_compare::{
    aggregate, compare, rank, read_request, series, AggregateSpec, CompareSpec, Dataset, RankSpec,
    SeriesSpec,
};
use libfuzzer_sys::fuzz_target;

static BUNDLED: LazyLock<Dataset> = LazyLock::new(|| Dataset::bundled().expect("the bundled dataset loads"));

fuzz_target!(|bytes: &[u8]| {
    let dataset = &*BUNDLED;
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(spec) = read_request::<CompareSpec>(text, "compare spec") {
        let _ = compare(dataset, &spec);
    }
    if let Ok(spec) = read_request::<RankSpec>(text, "rank spec") {
        let _ = rank(dataset, &spec);
    }
    if let Ok(spec) = read_request::<SeriesSpec>(text, "series spec") {
        let _ = series(dataset, &spec);
    }
    if let Ok(spec) = read_request::<AggregateSpec>(text, "aggregate spec") {
        let _ = aggregate(dataset, &spec);
    }
});
