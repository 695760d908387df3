//! `ict-compare extract` as an editor uses it: its CSV, completed with indicator ids and
//! appended to a data folder, passes `ict-compare validate`; bad input is refused clearly.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use std::fmt::Write as _;
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

/// The records of a CSV text, its fields unquoted; a quoted field may hold line breaks.
fn records(csv: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut record = vec![String::new()];
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        let field = record.last_mut().expect("a field");
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(String::new()),
            ('\n', false) => out.push(std::mem::replace(&mut record, vec![String::new()])),
            (c, _) => field.push(c),
        }
    }
    out
}

/// One CSV record, its fields quoted where they must be.
fn record(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    quoted.join(",")
}

/// Adds a report of Trà Vinh (p63:84) published on `published` to the data folder `dir`, as
/// `sources/{id}.txt` with `text`.
fn add_report(dir: &Path, id: &str, published: &str, text: &[u8]) -> PathBuf {
    let file = dir.join(format!("sources/{id}.txt"));
    fs::write(&file, text).expect("the report written");
    let mut sources = fs::read_to_string(dir.join("sources.csv")).expect("sources.csv");
    let _ = writeln!(
        sources,
        "{id},Một báo cáo mới,Báo Trà Vinh,,{published},,p63:84,sources/{id}.txt,vi"
    );
    fs::write(dir.join("sources.csv"), sources).expect("sources.csv written");
    file
}

/// Extracts the report `file` as CSV and appends its rows to the data folder `dir` as an
/// editor completes them: the best suggestion as the indicator, the last two columns dropped.
/// Returns how many rows it appended.
fn append_extracted(dir: &Path, file: &Path, id: &str, published: &str) -> usize {
    let output = run(&[
        "extract",
        file.to_str().expect("a UTF-8 path"),
        "--province",
        "p63:84",
        "--published",
        published,
        "--format",
        "csv",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = String::from_utf8(output.stdout).expect("UTF-8");
    let mut rows = records(&csv).into_iter();
    let header = rows.next().expect("a header");
    let observations = fs::read_to_string(dir.join("observations.csv")).expect("observations.csv");
    let data_header = observations.lines().next().expect("a header");
    assert_eq!(
        header.join(","),
        format!("{data_header},suggestions,confidence")
    );

    let mut appended = observations.clone();
    let mut count = 0;
    for mut row in rows {
        assert_eq!(row.len(), 14, "{row:?}");
        let best = row[12].split(' ').next().unwrap_or("").to_owned();
        assert!(!best.is_empty(), "a suggestion for {row:?}");
        assert_eq!(row[1], "p63:84");
        assert_eq!(row[9], id);
        row[2] = best;
        row.truncate(12);
        appended.push_str(&record(&row));
        appended.push('\n');
        count += 1;
    }
    fs::write(dir.join("observations.csv"), appended).expect("observations.csv written");
    count
}

/// `validate`'s summary of the data folder `dir`, which must pass.
fn validated(dir: &Path) -> String {
    let validate = run(&["validate", dir.to_str().expect("a UTF-8 path")]);
    let summary = String::from_utf8_lossy(&validate.stdout).into_owned();
    assert!(
        validate.status.success(),
        "{summary}\n{}",
        String::from_utf8_lossy(&validate.stderr)
    );
    summary
}

#[test]
fn its_csv_completed_by_an_editor_passes_validate() {
    let dir = scratch("extract-validate");
    copy_dir(&data(""), &dir);
    let observations = fs::read_to_string(dir.join("observations.csv")).expect("observations.csv");
    // The Trà Vinh 2023 article, added again as if it were a new report.
    let text = fs::read(data("sources/tv-2023.txt")).expect("the article");
    let file = add_report(&dir, "tvx-2023", "2023-01-13", &text);
    let rows = append_extracted(&dir, &file, "tvx-2023", "2023-01-13");
    assert!(rows >= 30, "{rows} candidate rows");

    let summary = validated(&dir);
    // The report figures before, those of the published tables, and the new report's.
    let tables = fs::read_to_string(dir.join("table_observations.csv"))
        .map_or(0, |text| text.lines().count().saturating_sub(1));
    let total = observations.lines().count() - 1 + tables + rows;
    assert!(
        summary.contains(&format!("{total} observations")),
        "{summary}"
    );
}

/// A qualifier's phrase wrapped inside ("không" / "dưới 80%") is quoted with its line break,
/// the carriage return of CRLF line ends included, and `validate` finds the quote in the report
/// and reads the qualifier the extractor proposed.
#[test]
fn a_wrapped_qualifier_is_quoted_verbatim_and_passes_validate() {
    let dir = scratch("extract-wrapped");
    copy_dir(&data(""), &dir);
    let text = "Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh phải đạt không\r\n\
                dưới 80% tổng số hồ sơ.\r\nToàn tỉnh đã xây dựng được 1.250 trạm BTS, phủ \
                sóng tối\r\nthiểu 98% dân số.\r\n";
    let file = add_report(&dir, "tvw-2024", "2024-12-20", text.as_bytes());
    assert!(append_extracted(&dir, &file, "tvw-2024", "2024-12-20") >= 2);
    let appended = fs::read_to_string(dir.join("observations.csv")).expect("observations.csv");
    for (value, qualifier, phrase) in [
        ("80", "at_least", "không\r\ndưới 80%"),
        ("98", "at_least", "tối\r\nthiểu 98%"),
    ] {
        let row = records(&appended)
            .into_iter()
            .find(|row| row[9] == "tvw-2024" && row[4] == value)
            .unwrap_or_else(|| panic!("{value} in {appended}"));
        assert_eq!(row[6], qualifier, "{row:?}");
        assert!(row[10].contains(phrase), "{row:?}");
    }
    validated(&dir);
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
