//! The writer against `serde_json`: every shape serde gives, every kind of answer, any number
//! and any text.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::to_json;
use crate::Dataset;

/// Whether two JSON values are the same to a reader of JSON: numbers by their value (`1`
/// and `1.0` are one number to `JSON.parse`), everything else as it is.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.keys().eq(b.keys())
                && a.iter()
                    .all(|(key, value)| b.get(key).is_some_and(|b| same(value, b)))
        }
        _ => a == b,
    }
}

/// `value` written here reads as `serde_json` writes it.
fn reads_as_serde_json<T: Serialize + ?Sized>(value: &T, what: &str) {
    let ours = to_json(value).expect("written");
    let read: Value =
        serde_json::from_str(&ours).unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {ours}"));
    let theirs: Value =
        serde_json::from_str(&serde_json::to_string(value).expect("serde_json writes it"))
            .expect("serde_json's JSON");
    assert!(
        same(&read, &theirs),
        "{what}:\n ours   {read}\n theirs {theirs}"
    );
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Shape {
    Unit,
    Newtype(i32),
    Tuple(u8, String),
    Struct { a: Option<f64>, b: Vec<bool> },
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Tagged {
    One { value: f32 },
    Two,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
enum Side {
    Left,
    #[serde(rename = "")]
    Nameless,
}

#[derive(Serialize)]
struct Inner {
    text: String,
    list: Vec<Shape>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Every {
    empty: (),
    nothing: Option<u8>,
    small: i8,
    big: i128,
    unsigned: u64,
    char: char,
    bytes: Vec<u8>,
    tuple: (u16, &'static str),
    shapes: Vec<Shape>,
    tagged: Vec<Tagged>,
    by_number: BTreeMap<u32, &'static str>,
    by_sign: BTreeMap<i64, bool>,
    by_flag: BTreeMap<bool, u8>,
    by_text: BTreeMap<String, Vec<f64>>,
    by_char: BTreeMap<char, u8>,
    by_side: BTreeMap<Side, Option<&'static str>>,
    #[serde(flatten)]
    inner: Inner,
}

#[test]
fn every_shape_serde_gives_reads_as_serde_json_writes_it() {
    let every = Every {
        empty: (),
        nothing: None,
        small: -8,
        big: -9_007_199_254_740_993,
        unsigned: u64::MAX,
        char: 'ữ',
        bytes: vec![0, 255],
        tuple: (7, "bảy"),
        shapes: vec![
            Shape::Unit,
            Shape::Newtype(-3),
            Shape::Tuple(1, "x".into()),
            Shape::Struct {
                a: Some(86.18),
                b: vec![true, false],
            },
            Shape::Struct { a: None, b: vec![] },
        ],
        tagged: vec![Tagged::One { value: 0.1 }, Tagged::Two],
        by_number: BTreeMap::from([(1, "một"), (20, "hai mươi")]),
        by_sign: BTreeMap::from([(-1, true)]),
        by_flag: BTreeMap::from([(false, 0)]),
        by_text: BTreeMap::from([
            ("\"quoted\"\\".into(), vec![f64::NAN, f64::INFINITY, -0.0]),
            (String::new(), vec![1e300, 5e-324, 1.0, 1e21, 123_456.789]),
        ]),
        by_char: BTreeMap::from([('"', 1), ('\n', 2), ('ữ', 3)]),
        by_side: BTreeMap::from([(Side::Left, Some("trái")), (Side::Nameless, None)]),
        inner: Inner {
            text: "dòng\nmới\r\t\u{0}\u{1f}\u{7f}\u{2028}\"\\/".into(),
            list: vec![Shape::Unit],
        },
    };
    reads_as_serde_json(&every, "every shape");
}

#[test]
fn a_map_keyed_by_anything_but_a_string_an_integer_or_a_flag_has_no_json() {
    let keyed = BTreeMap::from([((1, 2), 3)]);
    assert!(to_json(&keyed).is_err());
    assert!(serde_json::to_string(&keyed).is_err());
    // serde_json names a figure's key as it spells the figure (`"1.0"`); a key here would be
    // named otherwise (`"1"`), so it is refused, and a figure as a value is still written.
    assert!(to_json(&KeyedBy(&[(Figure(1.0), 7u8)])).is_err());
    assert!(serde_json::to_string(&KeyedBy(&[(Figure(1.0), 7u8)])).is_ok());
    assert_eq!(to_json(&[Figure(1.0)]).expect("a figure as a value"), "[1]");
}

/// A figure, serialised as serde serialises an `f64` (`f64` itself is no map key in Rust).
struct Figure(f64);

impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0)
    }
}

/// Pairs written as a map.
struct KeyedBy<'a, K, V>(&'a [(K, V)]);

impl<K: Serialize, V: Serialize> Serialize for KeyedBy<'_, K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

proptest! {
    /// Integers are written digit for digit, beyond what a figure (2^53) holds exactly.
    #[test]
    fn any_integer_is_written_as_its_digits(signed in any::<i64>(), unsigned in any::<u64>(), wide in any::<i128>()) {
        prop_assert_eq!(to_json(&signed).expect("written"), signed.to_string());
        prop_assert_eq!(to_json(&unsigned).expect("written"), unsigned.to_string());
        prop_assert_eq!(to_json(&wide).expect("written"), wide.to_string());
        let keyed = BTreeMap::from([(signed, 0u8)]);
        prop_assert_eq!(to_json(&keyed).expect("written"), format!("{{\"{signed}\":0}}"));
    }
}

proptest! {
    #[test]
    fn any_number_reads_back_as_itself(value in any::<f64>()) {
        let text = to_json(&value).expect("written");
        if value.is_finite() {
            // JSON's grammar for a number, and the very same number read back (by Rust's
            // reader: serde_json's is not correctly rounded for long digit strings, which
            // `JSON.parse` is).
            let digits = text.strip_prefix('-').unwrap_or(&text);
            let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "1"));
            prop_assert!(whole == "0" || !whole.starts_with('0'), "{}", text);
            prop_assert!(!whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()), "{}", text);
            prop_assert!(!fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()), "{}", text);
            prop_assert_eq!(text.parse::<f64>().ok(), Some(value));
        } else {
            prop_assert_eq!(text, "null");
        }
    }

    #[test]
    fn any_text_reads_back_as_itself(text in any::<String>()) {
        let read: String = serde_json::from_str(&to_json(&text).expect("written"))
            .expect("JSON");
        prop_assert_eq!(read, text);
    }
}

fn spec<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("a spec")
}

#[test]
fn every_kind_of_answer_reads_as_serde_json_writes_it() -> crate::Result<()> {
    let dataset = Dataset::bundled()?;
    for province in ["p63:72", "p63:84", "p34:01"] {
        let view = spec(&format!(r#"{{"province": "{province}"}}"#));
        reads_as_serde_json(&crate::province_view(&dataset, &view)?, "province view");
        reads_as_serde_json(
            &crate::profile(&dataset, province.parse().expect("an id"))?,
            "profile",
        );
    }
    let choice: crate::CompareSpec = spec(
        r#"{"provinces": ["p63:72", "p63:84", "p63:01"], "indicators": ["dti_score", "bts_stations", "papi_e_governance"]}"#,
    );
    reads_as_serde_json(&crate::compare(&dataset, &choice)?, "comparison");
    reads_as_serde_json(&crate::compare_dense(&dataset, &choice)?, "dense");
    reads_as_serde_json(&crate::table_conflicts(&dataset, &choice)?, "conflicts");
    let graphics = crate::GraphicsSpec::of_choice(choice, Some("dti_score".into()));
    reads_as_serde_json(&crate::chart_view(&dataset, &graphics)?, "chart");
    reads_as_serde_json(&crate::map_tab_view(&dataset, &graphics)?, "map");
    let by_region: crate::AggregateSpec =
        spec(r#"{"indicator": "dti_score", "groupBy": "region"}"#);
    reads_as_serde_json(&crate::aggregate(&dataset, &by_region)?, "aggregate");
    let average: crate::AverageSpec = spec(r#"{"indicator": "dti_score"}"#);
    reads_as_serde_json(&crate::averages(&dataset, &average)?, "averages");
    let ranking: crate::RankSpec = spec(r#"{"indicator": "dti_score", "period": 2022}"#);
    reads_as_serde_json(&crate::rank(&dataset, &ranking)?, "rank");
    let series: crate::SeriesSpec = spec(r#"{"province": "p63:84", "indicator": "dti_score"}"#);
    reads_as_serde_json(&crate::series(&dataset, &series)?, "series");
    reads_as_serde_json(
        &crate::comparability(&dataset, &["dti_score", "bts_stations"])?,
        "comparability",
    );
    let page: crate::SourcePageSpec = spec(r#"{"limit": 50}"#);
    reads_as_serde_json(&crate::source_page(&dataset, page)?, "sources");
    reads_as_serde_json(&crate::coverage(&dataset), "coverage");
    reads_as_serde_json(&crate::unit_displays(), "units");
    reads_as_serde_json(&crate::qualifier_displays(), "qualifiers");
    let error = crate::compare(
        &dataset,
        &spec(r#"{"provinces": ["p63:99"], "indicators": ["x"]}"#),
    )
    .expect_err("an unknown province");
    reads_as_serde_json(error.kind(), "an error's detail");
    Ok(())
}
