//! The command line as a program uses it: stable CSV and JSON, errors on stderr with a
//! non-zero exit, `validate` naming the file, line and column of a bad data folder.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ict-compare"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

#[test]
fn rank_csv_has_a_header_and_one_row_per_province() {
    let output = run(&[
        "rank",
        "--indicator",
        "households_fibre_share",
        "--format",
        "csv",
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "rank,tied,uncertain_with,province,province_name,value,qualifier,period,source,observation,quote,unit,derived,cross_check"
        )
    );
    let first: Vec<&str> = lines.next().expect("a row").splitn(7, ',').collect();
    assert_eq!(
        &first[..6],
        ["1", "false", "", "p63:72", "Tây Ninh", "92.64"]
    );
    assert_eq!(text.lines().count(), 4);
}

#[test]
fn compare_json_is_the_engine_matrix() {
    let output = run(&[
        "compare",
        "--provinces",
        "p63:84,p63:44",
        "--indicators",
        "households_fibre_share",
        "--format",
        "json",
    ]);
    assert!(output.status.success());
    let matrix: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(matrix["rows"][0]["province"], "p63:84");
    assert_eq!(matrix["rows"][0]["cells"][0]["value"], 59.25);
    assert_eq!(
        matrix["rows"][1]["cells"][0]["provenance"][0]["source"],
        "qb-2023"
    );
}

#[test]
fn compare_csv_rolls_up_into_the_2025_provinces() {
    let output = run(&[
        "compare",
        "--provinces",
        "p63:84",
        "--indicators",
        "bts_stations",
        "--scheme",
        "p34",
        "--format",
        "csv",
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    let row = text.lines().nth(1).expect("a row");
    assert!(
        row.starts_with("p34:86,Vĩnh Long,bts_stations,count,,at_least,2023,"),
        "{row}"
    );
    assert!(
        row.contains(",true,tv-2023,tv-2023-006,"),
        "partial, from Trà Vinh's report: {row}"
    );
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let output = run(&[
        "compare",
        "--provinces",
        "84",
        "--indicators",
        "bts_stations",
    ]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("expected p63:NN or p34:NN"));
    let output = run(&["rank", "--indicator", "nope"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown indicator \"nope\""));
}

#[test]
fn validate_passes_the_bundled_data_and_names_the_place_of_an_error() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    assert!(run(&["validate", data]).status.success());

    let copy = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-data");
    let _ = fs::remove_dir_all(&copy);
    copy_dir(Path::new(data), &copy);
    let observations = copy.join("observations.csv");
    let text = fs::read_to_string(&observations).expect("reads");
    fs::write(&observations, text.replacen(",7301,", ",7.301.5,", 1)).expect("writes");
    let output = run(&["validate", copy.to_str().expect("UTF-8 path")]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = text
        .lines()
        .position(|l| l.contains(",7301,"))
        .expect("the row")
        + 1;
    assert!(
        stderr.contains(&format!("observations.csv:{line}:")),
        "{stderr}"
    );
    assert!(
        stderr.contains("invalid number in `value`: \"7.301.5\""),
        "{stderr}"
    );
}

#[test]
fn validate_checks_table_cells_against_the_stored_copies() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let output = run(&["validate", data]);
    let text = stdout(&output);
    // The counts per source and per indicator of the national indices.
    for expected in [
        "dti-2024-p34    34",
        "papi-2021       60",
        "dti_score            p63   189",
        "dti_score            p34    34",
        "papi_e_governance    p63   433",
        "PAPI 2018, UNDP/CECODES",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }

    // The stored copy of PAPI changed under a figure: validate fails at the figure's cell.
    let copy = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-table");
    let _ = fs::remove_dir_all(&copy);
    copy_dir(Path::new(data), &copy);
    let papi = copy.join("tables/papi_2018_2024.csv");
    let stored = fs::read_to_string(&papi).expect("reads");
    fs::write(&papi, stored.replacen(",3.4226997,", ",3.4226998,", 1)).expect("writes");
    let output = run(&["validate", copy.to_str().expect("UTF-8 path")]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let figures = fs::read_to_string(copy.join("table_observations.csv")).expect("reads");
    let line = figures
        .lines()
        .position(|l| l.starts_with("papi-2018-001,"))
        .expect("the figure")
        + 1;
    assert!(
        stderr.contains(&format!("table_observations.csv:{line}:")),
        "{stderr}"
    );
    assert!(stderr.contains("reads \"3.4226998\""), "{stderr}");
    assert!(stderr.contains("1 errors"), "{stderr}");
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("creates");
    for entry in fs::read_dir(from).expect("lists") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copies");
        }
    }
}
