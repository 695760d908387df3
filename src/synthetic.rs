//! Deterministic synthetic data at any size, for benchmarks and for tests that need volume.
//!
//! The same seed and size always give the same bytes, on every platform, so that native and
//! in-browser benchmarks, and the comparison with other engines, read identical input. The
//! shape is the dataset's own: `sources.csv`, `indicators.csv` and a long `observations.csv`
//! (`province,indicator_id,period,value,qualifier,source_id`) over the 63 provinces, a few
//! hundred indicators and the years 2010 to 2025.

use std::fmt::Write;

/// Indicators in a synthetic dataset.
pub const SYNTHETIC_INDICATORS: usize = 200;
/// Sources in a synthetic dataset.
pub const SYNTHETIC_SOURCES: usize = 20;
/// First and last year of a synthetic dataset.
pub const SYNTHETIC_YEARS: (u16, u16) = (2010, 2025);

/// The 63 GSO codes of the provinces before 2025.
const CODES: [u8; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

/// A small, fast, portable pseudo-random generator (`SplitMix64`).
#[derive(Debug, Clone)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator from a seed.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// The id of synthetic indicator `i`: `ind_000` …; even ones are counts, odd ones shares.
#[must_use]
pub fn synthetic_indicator_id(i: usize) -> String {
    format!("ind_{i:03}")
}

/// `sources.csv` of a synthetic dataset.
#[must_use]
pub fn synthetic_sources() -> String {
    let mut out =
        String::from("source_id,title,outlet,author,published,url,province,file,language\n");
    for s in 0..SYNTHETIC_SOURCES {
        let code = CODES[s % CODES.len()];
        let _ = writeln!(
            out,
            "s{s:02},Synthetic report {s},Synthetic,,2025-01-01,,p63:{code:02},synthetic,vi"
        );
    }
    out
}

/// `indicators.csv` of a synthetic dataset: even indicators count (summed), odd ones are shares
/// of population (weighted means).
#[must_use]
pub fn synthetic_indicators() -> String {
    let mut out = String::from(
        "indicator_id,family,pillar,name_vi,name_en,unit,denominator,aggregation,better,part_of,definition_vi,definition_en\n",
    );
    for i in 0..SYNTHETIC_INDICATORS {
        let id = synthetic_indicator_id(i);
        let (unit, denominator, aggregation) = if i.is_multiple_of(2) {
            ("count", "", "sum")
        } else {
            ("percent", "population", "weighted_mean:population")
        };
        let _ = writeln!(
            out,
            "{id},fam_{:03},infrastructure,Chỉ số {i},Indicator {i},{unit},{denominator},{aggregation},higher,,Định nghĩa {i},Definition {i}",
            i / 2
        );
    }
    out
}

/// The most rows a synthetic `observations.csv` may have: about 1.5 GB of text, past any
/// benchmark here (ten million rows is the largest) and short of exhausting a laptop's memory.
pub const SYNTHETIC_MAX_ROWS: usize = 40_000_000;

/// The header of a synthetic `observations.csv`.
pub const SYNTHETIC_HEADER: &str = "province,indicator_id,period,value,qualifier,source_id\n";

/// A synthetic `observations.csv` of `rows` rows (at most [`SYNTHETIC_MAX_ROWS`]) from `seed`.
#[must_use]
pub fn synthetic_observations(rows: usize, seed: u64) -> String {
    let rows = rows.min(SYNTHETIC_MAX_ROWS);
    let mut out = String::with_capacity(SYNTHETIC_HEADER.len() + rows * 40);
    out.push_str(SYNTHETIC_HEADER);
    let mut rng = SplitMix::new(seed);
    let years = u64::from(SYNTHETIC_YEARS.1 - SYNTHETIC_YEARS.0 + 1);
    for _ in 0..rows {
        let code = CODES[rng.below(CODES.len() as u64) as usize];
        let indicator = rng.below(SYNTHETIC_INDICATORS as u64) as usize;
        let year = SYNTHETIC_YEARS.0 + rng.below(years) as u16;
        let source = rng.below(SYNTHETIC_SOURCES as u64);
        let qualifier = match rng.below(20) {
            0 => "over",
            1 => "about",
            _ => "exact",
        };
        let _ = if indicator.is_multiple_of(2) {
            writeln!(
                out,
                "p63:{code:02},ind_{indicator:03},{year},{},{qualifier},s{source:02}",
                rng.below(100_000)
            )
        } else {
            let hundredths = rng.below(10_001);
            writeln!(
                out,
                "p63:{code:02},ind_{indicator:03},{year},{}.{:02},{qualifier},s{source:02}",
                hundredths / 100,
                hundredths % 100
            )
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        assert_eq!(
            synthetic_observations(100, 7),
            synthetic_observations(100, 7)
        );
        assert_ne!(
            synthetic_observations(100, 7),
            synthetic_observations(100, 8)
        );
        assert_eq!(synthetic_observations(10, 1).lines().count(), 11);
    }

    #[test]
    fn synthetic_data_loads_into_the_engine() {
        let dataset = crate::Dataset::with_bundled_reference(
            &synthetic_sources(),
            &synthetic_indicators(),
            &synthetic_observations(1000, 3),
        )
        .expect("loads");
        assert_eq!(dataset.len(), 1000);
        assert_eq!(dataset.indicators().len(), SYNTHETIC_INDICATORS);
    }
}
