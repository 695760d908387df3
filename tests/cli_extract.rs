//! `ict-compare extract` as an editor uses it: its CSV, completed with indicator ids and
//! appended to a data folder, passes `ict-compare validate`; bad input is refused clearly.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use cli_support::{cli, run};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(path)
}

/// A scratch folder under the target directory, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("a folder");
    for entry in fs::read_dir(from).expect("a readable folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("a copy");
        }
    }
}

/// The fields of a CSV record without line breaks in fields.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().expect("a field").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().expect("a field").push(c),
        }
    }
    out
}

fn record(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    quoted.join(",")
}

#[test]
fn its_csv_completed_by_an_editor_passes_validate() {
    let dir = scratch("extract-validate");
    copy_dir(&data(""), &dir);
    // The Trà Vinh 2023 article, added again as if it were a new report.
    fs::copy(
        data("sources/tv-2023.txt"),
        dir.join("sources/tvx-2023.txt"),
    )
    .expect("a copy");
    let mut sources = fs::read_to_string(dir.join("sources.csv")).expect("sources.csv");
    sources.push_str(
        "tvx-2023,Một báo cáo mới,Báo Trà Vinh,,2023-01-13,,p63:84,sources/tvx-2023.txt,vi\n",
    );
    fs::write(dir.join("sources.csv"), sources).expect("sources.csv written");

    let file = dir.join("sources/tvx-2023.txt");
    let output = run(&[
        "extract",
        file.to_str().expect("a UTF-8 path"),
        "--province",
        "p63:84",
        "--published",
        "2023-01-13",
        "--format",
        "csv",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = String::from_utf8(output.stdout).expect("UTF-8");
    let mut lines = csv.lines();
    let header = lines.next().expect("a header");
    let observations = fs::read_to_string(dir.join("observations.csv")).expect("observations.csv");
    let data_header = observations.lines().next().expect("a header");
    assert_eq!(header, format!("{data_header},suggestions,confidence"));

    // The editor's part: the best suggestion as the indicator, the last two columns dropped.
    let mut appended = observations.clone();
    let mut rows = 0;
    for line in lines {
        let mut row = fields(line);
        assert_eq!(row.len(), 14, "{line}");
        let best = row[12].split(' ').next().unwrap_or("").to_owned();
        assert!(!best.is_empty(), "a suggestion for {line}");
        assert_eq!(row[1], "p63:84");
        assert_eq!(row[9], "tvx-2023");
        row[2] = best;
        row.truncate(12);
        appended.push_str(&record(&row));
        appended.push('\n');
        rows += 1;
    }
    assert!(rows >= 30, "{rows} candidate rows");
    fs::write(dir.join("observations.csv"), appended).expect("observations.csv written");

    let validate = run(&["validate", dir.to_str().expect("a UTF-8 path")]);
    let summary = String::from_utf8_lossy(&validate.stdout);
    assert!(
        validate.status.success(),
        "{summary}\n{}",
        String::from_utf8_lossy(&validate.stderr)
    );
    // The report figures before, those of the published tables, and the new report's.
    let tables = fs::read_to_string(dir.join("table_observations.csv"))
        .map_or(0, |text| text.lines().count().saturating_sub(1));
    let total = observations.lines().count() - 1 + tables + rows;
    assert!(
        summary.contains(&format!("{total} observations")),
        "{summary}"
    );
}

#[test]
fn binary_and_non_utf8_files_are_refused_with_a_place() {
    let dir = scratch("extract-bad-input");
    let binary = dir.join("report.pdf");
    fs::write(&binary, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01").expect("written");
    let output = run(&["extract", binary.to_str().expect("a path")]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("report.pdf:") && message.contains("not a text file"),
        "{message}"
    );

    let latin = dir.join("windows-1258.txt");
    fs::write(&latin, b"C\xf3 1.208 tr\xe1m BTS").expect("written");
    let output = run(&["extract", latin.to_str().expect("a path")]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("windows-1258.txt:1:2") && message.contains("UTF-8"),
        "{message}"
    );
}

/// A stream without end is refused once it passes the limit, not read forever: the test
/// finishes only if the reading stops.
#[cfg(unix)]
#[test]
fn an_endless_stream_is_refused_as_too_large() {
    let output = run(&["extract", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("file too large"), "{message}");
}

#[test]
fn unknown_provinces_and_dates_are_refused() {
    let file = data("sources/hd-2016.txt");
    let path = file.to_str().expect("a path");
    let output = run(&["extract", path, "--province", "p63:99"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("p63:99"));
    let output = run(&["extract", path, "--published", "26/8/2016"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--published"));
}

#[test]
fn json_is_the_engine_extraction_and_a_closed_pipe_is_no_error() {
    let file = data("sources/qb-2023.txt");
    let output = run(&[
        "extract",
        file.to_str().expect("a path"),
        "--format",
        "json",
    ]);
    assert!(output.status.success());
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let first = &found["candidates"][0];
    assert_eq!(first["written"], "100");
    assert_eq!(first["unit"], "percent");
    assert!(found["rejected"].as_array().is_some_and(|r| !r.is_empty()));

    // A reader that stops at once (`| head -0`): the pipe is closed before anything is written.
    let mut child = cli()
        .args(["extract", file.to_str().expect("a path")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the CLI ends");
    assert!(output.status.success());
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}
