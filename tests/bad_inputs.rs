//! The gallery of bad inputs (`tests/bad-inputs/`): realistic mistakes and attacks, each loaded
//! through the engine as a user's file. Each gives exactly the error kind and position listed in
//! `expected.csv` (or loads, for text that is only dangerous elsewhere), nothing panics, nothing
//! loads partly, and the bundled data answers the same afterwards.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::fmt::Write;
use std::fs;
use std::path::Path;

use ict_compare::{
    CompareSpec, Dataset, Matrix, PeriodSpec, compare, conventions, decode_utf8, provenance,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-inputs");

struct Expected {
    file: String,
    kind: Option<String>,
    place: Option<(u64, u64)>,
}

fn expectations() -> Vec<Expected> {
    let text = fs::read_to_string(Path::new(DIR).join("expected.csv")).expect("expected.csv");
    text.lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.splitn(5, ',').collect();
            let number = |i: usize| fields[i].parse::<u64>().ok();
            Expected {
                file: fields[0].to_owned(),
                kind: Some(fields[1].to_owned()).filter(|k| !k.is_empty()),
                place: number(2).zip(number(3)),
            }
        })
        .collect()
}

/// A question whose answer must not change, whatever was loaded before.
fn probe(dataset: &Dataset) -> Matrix {
    let spec = CompareSpec {
        provinces: ["p63:84", "p63:44", "p63:72", "p63:30"]
            .iter()
            .map(|p| p.parse().expect("id"))
            .collect(),
        indicators: dataset.indicators().iter().map(|i| i.id.clone()).collect(),
        period: PeriodSpec::Latest,
        per_capita: false,
        scheme: None,
        targets: false,
        include_partial: false,
        references: false,
    };
    compare(dataset, &spec).expect("compares")
}

/// Loads a user's file as the page does: decode, then add to the bundled data; for files that
/// load, check their quotes against the bundled reports as `validate` does.
fn load(bundled: &Dataset, name: &str, bytes: &[u8]) -> Result<Dataset, ict_compare::Error> {
    let text = decode_utf8(bytes, Some(name))?;
    let dataset = bundled.with_user_file(text, name)?;
    // The bundled reports' texts (a reader's sources name the reader's file, not a report).
    let reports: HashMap<String, String> = bundled
        .sources()
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                fs::read_to_string(
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("data")
                        .join(&s.file),
                )
                .expect("report"),
            )
        })
        .collect();
    let known_sources: Vec<&str> = bundled.sources().iter().map(|s| s.id.as_str()).collect();
    let checked: HashMap<String, String> = reports
        .into_iter()
        .filter(|(id, _)| known_sources.contains(&id.as_str()))
        .collect();
    // Only rows that cite a bundled report can be checked against its text.
    let cited: String = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 || checked.keys().any(|id| line.contains(&format!(",{id},"))) {
                line
            } else {
                ""
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    if cited.lines().filter(|l| !l.is_empty()).count() > 1 {
        let errors = provenance(&dataset, &cited, name, &checked)?;
        let quote_errors: Vec<_> = errors
            .into_iter()
            .filter(|e| e.kind().code() == "quoteNotInSource")
            .collect();
        if let Some(error) = quote_errors.into_iter().next() {
            return Err(error);
        }
        // A figure that cites a bundled report must describe its province and not be dated
        // after it; a reader's own ids need not follow the bundled numbering.
        let sources =
            fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sources.csv"))
                .expect("sources.csv");
        let broken = conventions(&dataset, &sources, &cited, name)?
            .into_iter()
            .find(|e| matches!(e.kind().code(), "provinceNotOfSource" | "afterReport"));
        if let Some(error) = broken {
            return Err(error);
        }
    }
    Ok(dataset)
}

#[test]
fn the_gallery_has_at_least_thirty_files_each_with_an_expectation() {
    let files: Vec<String> = fs::read_dir(DIR)
        .expect("the gallery")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name != "expected.csv")
        .collect();
    assert!(files.len() >= 30, "{} files", files.len());
    let expected: Vec<String> = expectations().into_iter().map(|e| e.file).collect();
    for file in &files {
        assert!(expected.contains(file), "{file} has an expectation");
    }
    assert_eq!(files.len(), expected.len());
}

#[test]
fn every_bad_input_fails_exactly_as_expected_and_the_bundled_data_is_untouched() {
    let bundled = Dataset::bundled().expect("loads");
    let before = probe(&bundled);
    let size = bundled.len();
    let mut report = String::new();
    for expected in expectations() {
        let bytes = fs::read(Path::new(DIR).join(&expected.file)).expect("a file");
        let outcome = load(&bundled, &expected.file, &bytes);
        match (&outcome, &expected.kind) {
            (Ok(dataset), None) => {
                if dataset.len() <= size {
                    writeln!(report, "{}: loaded but added nothing", expected.file)
                        .expect("writes");
                }
            }
            (Err(error), Some(kind)) => {
                let place = error.position().map(|p| (p.line, p.column));
                let named = error.position().and_then(|p| p.file.as_deref())
                    == Some(expected.file.as_str());
                if error.kind().code() != kind || place != expected.place || !named {
                    writeln!(
                        report,
                        "{}: got {} at {place:?} ({error}), expected {kind} at {:?}",
                        expected.file,
                        error.kind().code(),
                        expected.place
                    )
                    .expect("writes");
                }
            }
            (Ok(_), Some(kind)) => {
                writeln!(report, "{}: loaded, expected {kind}", expected.file).expect("writes");
            }
            (Err(error), None) => writeln!(
                report,
                "{}: failed ({error}), expected to load",
                expected.file
            )
            .expect("writes"),
        }
        assert_eq!(
            bundled.len(),
            size,
            "{}: the bundled data is unchanged",
            expected.file
        );
    }
    assert!(report.is_empty(), "\n{report}");
    assert_eq!(probe(&bundled), before, "the bundled data answers the same");
}

/// Valid rows of a user's file, `rows` of them.
fn rows(rows: usize) -> String {
    let mut text = String::from("observation_id,province,indicator_id,period,value,source_id\n");
    for i in 0..rows {
        writeln!(
            text,
            "u-{i},p63:{:02},bts_stations,{},{},mine",
            [1, 84, 44, 72, 30][i % 5],
            2010 + i % 15,
            i % 5000
        )
        .expect("writes");
    }
    text
}

#[test]
fn a_50_mb_file_with_one_bad_row_at_its_end_loads_nothing() {
    let bundled = Dataset::bundled().expect("loads");
    let mut text = rows(1);
    while text.len() < 50 * 1024 * 1024 {
        text = rows(text.lines().count() * 2);
    }
    let last = text.lines().count() + 1;
    text.push_str("u-last,p63:84,bts_stations,2024,twelve,mine\n");
    let error = bundled
        .with_user_file(&text, "big.csv")
        .expect_err("refused");
    assert_eq!(error.kind().code(), "invalidNumber");
    assert_eq!(error.position().map(|p| p.line), Some(last as u64));
    assert_eq!(probe(&bundled), probe(&Dataset::bundled().expect("loads")));
}

#[test]
fn a_single_10_mb_line_gives_a_short_error() {
    let bundled = Dataset::bundled().expect("loads");
    let line = "x".repeat(10 * 1024 * 1024);
    let error = bundled
        .with_user_file(&line, "line.csv")
        .expect_err("refused");
    assert_eq!(error.kind().code(), "unexpectedColumn");
    assert!(
        error.to_string().len() < 200,
        "{} bytes of message",
        error.to_string().len()
    );
    let quoted = format!(
        "observation_id,province,indicator_id,period,value,source_id\nu-1,p63:84,bts_stations,2024,\"{line}"
    );
    let error = bundled
        .with_user_file(&quoted, "line.csv")
        .expect_err("refused");
    assert_eq!(error.kind().code(), "unterminatedQuote");
    assert_eq!(error.position().map(|p| (p.line, p.column)), Some((2, 30)));
}
