use proptest::prelude::*;
use serde_json::Value as Json;

use super::*;
use crate::{CompareSpec, PeriodSpec, ProvinceId};

/// Any JSON value without a fraction, as a page's request may hold one.
fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(Json::from),
        any::<u64>().prop_map(Json::from),
        any::<String>().prop_map(Json::String),
        "[\"\\\\/\u{0}-\u{1f}é😀a-z]{0,8}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_value_reads_as_serde_json_reads_it(value in any_json(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        }
        .expect("writes");
        prop_assert_eq!(from_json::<Json>(&text), Ok(value));
    }

    #[test]
    fn a_comparison_request_reads_as_serde_json_reads_it(
        provinces in prop::collection::vec("p63:[0-9]{2}|p34:[0-9]{2}|x[a-z]{0,3}", 0..4),
        indicators in prop::collection::vec("[a-z_]{1,12}|\u{1ea1}\\\\n", 0..4),
        period in prop_oneof![
            Just(Json::Null),
            (1990_u32..2040).prop_map(Json::from),
            Just(Json::from("latest")),
            Just(Json::from("2016-2020")),
            Just(Json::from("later")),
        ],
        per_capita in prop_oneof![Just(Json::Null), any::<bool>().prop_map(Json::Bool)],
        misspelt in any::<bool>(),
    ) {
        let mut request = serde_json::json!({ "provinces": provinces, "indicators": indicators });
        if !period.is_null() {
            request["period"] = period;
        }
        if !per_capita.is_null() {
            request["perCapita"] = per_capita;
        }
        if misspelt {
            request["perCapta"] = Json::Bool(true);
        }
        let text = request.to_string();
        let ours = from_json::<CompareSpec>(&text);
        let theirs = serde_json::from_str::<CompareSpec>(&text);
        prop_assert_eq!(ours.as_ref().ok(), theirs.as_ref().ok(), "{}", text);
        if misspelt {
            prop_assert!(ours.is_err_and(|e| e.to_string().contains("`perCapta`")));
        }
    }
}

#[test]
fn a_year_is_a_whole_number_or_text() {
    assert_eq!(from_json::<PeriodSpec>("2023"), Ok(PeriodSpec::Year(2023)));
    assert_eq!(
        from_json::<PeriodSpec>("\"2023\""),
        Ok(PeriodSpec::Year(2023))
    );
    assert_eq!(
        from_json::<PeriodSpec>("\"latest\""),
        Ok(PeriodSpec::Latest)
    );
    for bad in ["2023.5", "2e3", "-2023", "99999999999999999999"] {
        let error = from_json::<PeriodSpec>(bad).expect_err(bad).to_string();
        // The number as it was written, never rewritten as a float.
        assert!(
            error.contains(bad.trim_start_matches('-')) || error.contains("integer `-2023`"),
            "{bad}: {error}"
        );
    }
}

#[test]
fn a_province_is_read_from_its_text_with_escapes() {
    assert_eq!(
        from_json::<Vec<ProvinceId>>(r#"["p63:84", "p\u0036\u0033:01"]"#).map(|p| p.len()),
        Ok(2)
    );
    let error = from_json::<ProvinceId>("true").expect_err("a boolean");
    assert!(error.to_string().contains("boolean `true`"), "{error}");
}

#[test]
fn text_that_is_not_one_json_value_is_refused_with_its_place() {
    for (text, place) in [
        ("{\"provinces\": [\"p63:84\"]", "byte 24"),
        ("{} {}", "byte 3"),
        ("[1, 2,]", "byte 6"),
        ("\"\\ud83d\"", "byte 7"),
        ("\"\\udc00\"", "byte 7"),
        ("\"a\tb\"", "byte 2"),
        ("\"\\x\"", "byte 3"),
        ("nul", "byte 0"),
        ("", "byte 0"),
    ] {
        let error = from_json::<Json>(text).expect_err(text).to_string();
        assert!(error.contains(place), "{text:?}: {error}");
    }
}

#[test]
fn a_request_nested_deeper_than_any_spec_is_refused_not_recursed_into() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let error = from_json::<Json>(&deep).expect_err("too deep").to_string();
    assert!(error.contains("too deep"), "{error}");
    let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(from_json::<Json>(&fine).is_ok());
}

#[test]
fn a_float_is_read_where_a_spec_asks_for_one_and_only_as_json_writes_it() {
    assert_eq!(from_json::<f64>("96.5"), Ok(96.5));
    assert_eq!(from_json::<f64>("-1.5e3"), Ok(-1500.0));
    assert_eq!(from_json::<f64>("15"), Ok(15.0));
    assert_eq!(from_json::<Vec<f64>>("[0, 2.345E2]"), Ok(vec![0.0, 234.5]));
    for bad in ["1.", ".5", "01", "1e", "-", "1e400", "1.5.5", "--1"] {
        assert!(from_json::<f64>(bad).is_err(), "{bad}");
    }
    // Where a whole number is asked for, a fraction is refused, not rounded.
    assert!(from_json::<u32>("96.5").is_err());
}

proptest! {
    #[test]
    fn any_float_written_as_json_reads_back_as_itself(value in any::<f64>()) {
        prop_assume!(value.is_finite());
        let text = serde_json::to_string(&value).expect("writes");
        prop_assert_eq!(from_json::<f64>(&text), Ok(value));
    }
}
