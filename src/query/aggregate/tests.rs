//! Unit tests of the aggregation rules and of the summaries they read.

use super::*;

#[test]
fn a_sum_past_the_range_of_numbers_is_an_overflow_error() {
    let stats = summary(&[f64::MAX, f64::MAX]).stats(&Rule::Sum);
    let error = stats.ensure_finite(|| "the sum".into()).unwrap_err();
    assert_eq!(error.kind().code(), "overflow");
    assert!(
        summary(&[1e11])
            .stats(&Rule::Sum)
            .ensure_finite(String::new)
            .is_ok()
    );
}

fn summary(values: &[f64]) -> Summary {
    let mut s = Summary::default();
    for &v in values {
        s.add(v);
    }
    s
}

#[test]
fn summaries_merge_like_one_pass() {
    let mut a = summary(&[1.0, 5.0]);
    a.merge(&summary(&[3.0]));
    let stats = a.stats(&Rule::Sum);
    assert_eq!(stats.count, 3);
    assert_eq!(stats.sum, Some(9.0));
    assert_eq!(stats.mean, Some(3.0));
    assert_eq!(stats.median, Some(3.0));
    assert_eq!((stats.min, stats.max), (Some(1.0), Some(5.0)));
}

#[test]
fn only_the_sum_rule_gives_a_sum() {
    let s = summary(&[40.0, 60.0]);
    for rule in [Rule::Mean, Rule::WeightedMean("households".into())] {
        let stats = s.stats(&rule);
        assert_eq!(stats.sum, None, "{rule}");
        assert_eq!(stats.mean, Some(50.0));
        assert_eq!(stats.median, Some(50.0));
    }
    assert_eq!(Summary::default().stats(&Rule::Sum).mean, None);
    assert_eq!(Summary::default().stats(&Rule::Sum).sum, None);
}

#[test]
fn groupings_read_their_names() {
    assert_eq!("nation".parse::<GroupBy>().ok(), Some(GroupBy::Nation));
    assert_eq!("region".parse::<GroupBy>().ok(), Some(GroupBy::Region));
    assert!("country".parse::<GroupBy>().is_err());
    let old: GroupBy = serde_json::from_str("\"none\"").expect("the old name still reads");
    assert_eq!(old, GroupBy::Nation);
}
