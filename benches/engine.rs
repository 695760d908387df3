//! Native benchmarks of the engine on deterministic synthetic data (see `synthetic.rs`).
//!
//! Every size is measured next to a baseline from the same run: one pass over the same CSV
//! bytes counting line ends, the least any parser must do. `docs/PERFORMANCE.md` reports the
//! ratios, which hold across machines better than seconds do.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{BenchmarkId, Criterion, Throughput};
    use ict_compare::{
        AggregateSpec, CompareSpec, Dataset, ExtractOptions, GroupBy, PeriodSpec, ProvinceId,
        RankSpec, Suggester, aggregate, compare, compare_dense, extract_with, rank,
        synthetic_indicator_id, synthetic_indicators, synthetic_observations, synthetic_sources,
    };

    const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];
    const SEED: u64 = 2025;

    fn load(observations: &str) -> Dataset {
        Dataset::with_bundled_reference(&synthetic_sources(), &synthetic_indicators(), observations)
            .expect("synthetic data loads")
    }

    pub fn parse(c: &mut Criterion) {
        let mut group = c.benchmark_group("parse");
        group.sample_size(10);
        for rows in SIZES {
            let csv = synthetic_observations(rows, SEED);
            group.throughput(Throughput::Bytes(csv.len() as u64));
            group.bench_with_input(BenchmarkId::new("baseline_scan", rows), &csv, |b, csv| {
                // Touch every byte once: what memory bandwidth alone costs.
                b.iter(|| {
                    black_box(
                        csv.bytes()
                            .fold(0_u64, |sum, byte| sum.wrapping_add(u64::from(byte))),
                    )
                });
            });
            group.bench_with_input(BenchmarkId::new("engine", rows), &csv, |b, csv| {
                b.iter(|| black_box(load(csv).len()));
            });
        }
        group.finish();
    }

    pub fn queries(c: &mut Criterion) {
        let mut group = c.benchmark_group("query");
        for rows in SIZES {
            let dataset = load(&synthetic_observations(rows, SEED));
            let provinces: Vec<ProvinceId> = ["p63:01", "p63:79", "p63:84", "p63:44", "p63:72"]
                .iter()
                .map(|p| p.parse().expect("id"))
                .collect();
            let compare_spec = CompareSpec {
                provinces,
                indicators: (0..20).map(|i| synthetic_indicator_id(i * 7)).collect(),
                period: PeriodSpec::Latest,
                per_capita: false,
                scheme: None,
                targets: false,
                include_partial: false,
                references: false,
            };
            let rank_spec = RankSpec {
                indicator: synthetic_indicator_id(1),
                period: PeriodSpec::Year(2020),
                scheme: None,
                per_capita: false,
                targets: false,
            };
            let group_spec = AggregateSpec {
                indicator: Some(synthetic_indicator_id(3)),
                group_by: GroupBy::Year,
                period: PeriodSpec::Latest,
                scheme: None,
                targets: false,
            };
            // What any answer would cost without the index: one pass over the value column.
            group.bench_function(BenchmarkId::new("baseline_full_scan", rows), |b| {
                b.iter(|| black_box(dataset.values().iter().sum::<f64>()));
            });
            group.bench_function(BenchmarkId::new("compare_5x20", rows), |b| {
                b.iter(|| black_box(compare(&dataset, &compare_spec).expect("compares")));
            });
            // The page's table: the same cells as numbers and codes, without provenance.
            group.bench_function(BenchmarkId::new("compare_dense_5x20", rows), |b| {
                b.iter(|| black_box(compare_dense(&dataset, &compare_spec).expect("compares")));
            });
            group.bench_function(BenchmarkId::new("rank", rows), |b| {
                b.iter(|| black_box(rank(&dataset, &rank_spec).expect("ranks")));
            });
            group.bench_function(BenchmarkId::new("group_by_year", rows), |b| {
                b.iter(|| black_box(aggregate(&dataset, &group_spec).expect("aggregates")));
            });
        }
        group.finish();
    }

    /// An article-like text of at least `bytes`: the dataset's own quotes as sentences, five to
    /// a paragraph, repeated. Every quote states a figure, so every figure is read in full
    /// (the later copies as restatements).
    fn article_of_size(dataset: &Dataset, bytes: usize) -> String {
        let mut paragraph = String::new();
        for (i, observation) in dataset.observations().enumerate() {
            paragraph.push_str(&observation.quote);
            paragraph.push_str(if i % 5 == 4 { ".\n" } else { ". " });
        }
        let mut text = String::with_capacity(bytes + paragraph.len());
        while text.len() < bytes {
            text.push_str(&paragraph);
        }
        text
    }

    /// The extraction assistant on a report-sized text and on a 1 MB one.
    pub fn extract(c: &mut Criterion) {
        let dataset = Dataset::bundled().expect("the bundled dataset loads");
        let suggester = Suggester::new(dataset.indicators());
        let options = ExtractOptions::for_report(
            Some("p63:84".parse().expect("id")),
            None,
            dataset.reference().provinces(),
        );
        let mut group = c.benchmark_group("extract");
        group.sample_size(10);
        for bytes in [16_000, 1_000_000] {
            let text = article_of_size(&dataset, bytes);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new("baseline_scan", bytes),
                &text,
                |b, text| {
                    b.iter(|| black_box(text.bytes().filter(u8::is_ascii_digit).count()));
                },
            );
            group.bench_with_input(BenchmarkId::new("engine", bytes), &text, |b, text| {
                b.iter(|| black_box(extract_with(text, &suggester, &options).candidates.len()));
            });
        }
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::parse, native::queries, native::extract);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
