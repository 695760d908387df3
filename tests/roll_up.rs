//! Properties of rolling the 63 provinces up into the 34: a count rolled up is the sum of its
//! parts; a share, and an index averaged by the unweighted `mean` rule, lie between their
//! members' values.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;

use ict_compare::{CompareSpec, Dataset, PeriodSpec, compare};
use proptest::prelude::*;

/// Vĩnh Long (2025) holds Bến Tre (83), Trà Vinh (84) and Vĩnh Long (86).
const MEMBERS: [&str; 3] = ["p63:83", "p63:84", "p63:86"];

fn rolled_up(bundled: &Dataset, indicator: &str, values: &[f64]) -> Option<f64> {
    rolled_up_in(bundled, indicator, 2024, values)
}

fn rolled_up_in(bundled: &Dataset, indicator: &str, year: u16, values: &[f64]) -> Option<f64> {
    let mut csv = String::from("observation_id,province,indicator_id,period,value,source_id\n");
    for (i, (member, value)) in MEMBERS.iter().zip(values).enumerate() {
        writeln!(csv, "u-{i},{member},{indicator},{year},{value},mine").expect("writes");
    }
    let dataset = bundled.with_user_file(&csv, "mine.csv").expect("loads");
    let spec = CompareSpec {
        provinces: vec!["p34:86".parse().expect("an id")],
        indicators: vec![indicator.to_owned()],
        period: PeriodSpec::Year(year),
        per_capita: false,
        scheme: None,
        targets: false,
        include_partial: false,
        references: false,
    };
    let matrix = compare(&dataset, &spec).expect("compares");
    matrix.rows[0].cells[0]
        .as_ref()
        .and_then(|c| c.figure.value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_count_rolled_up_is_the_sum_of_its_parts(values in proptest::collection::vec(0_u32..100_000, 3)) {
        let bundled = Dataset::bundled().expect("loads");
        let values: Vec<f64> = values.into_iter().map(f64::from).collect();
        let sum: f64 = values.iter().sum();
        prop_assert_eq!(rolled_up(&bundled, "bts_stations", &values), Some(sum));
    }

    #[test]
    fn a_share_rolled_up_lies_between_its_members(values in proptest::collection::vec(0_u32..=10_000, 3)) {
        let bundled = Dataset::bundled().expect("loads");
        let values: Vec<f64> = values.into_iter().map(|v| f64::from(v) / 100.0).collect();
        let share = rolled_up(&bundled, "households_fibre_share", &values).expect("a value");
        let low = values.iter().copied().fold(f64::INFINITY, f64::min);
        let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        prop_assert!(share >= low - 1e-9 && share <= high + 1e-9, "{share} outside {low}..{high}");
    }

    #[test]
    fn an_index_rolled_up_is_the_plain_mean_of_its_members(values in proptest::collection::vec(0_u32..=10_000, 3)) {
        let bundled = Dataset::bundled().expect("loads");
        let values: Vec<f64> = values.into_iter().map(|v| f64::from(v) / 10_000.0).collect();
        // 2023: Vĩnh Long (2025) has no published DTI that year, so the roll-up answers.
        let index = rolled_up_in(&bundled, "dti_score", 2023, &values).expect("a value");
        let low = values.iter().copied().fold(f64::INFINITY, f64::min);
        let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        prop_assert!(index >= low - 1e-12 && index <= high + 1e-12, "{index} outside {low}..{high}");
        let mean = values.iter().sum::<f64>() / 3.0;
        prop_assert!((index - mean).abs() < 1e-12, "{index} is not the plain mean {mean}");
    }
}
