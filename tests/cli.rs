//! The command line as a program uses it: stable CSV and JSON, errors on stderr with a
//! non-zero exit, no panic on a closed pipe or a full disk. `validate` is in `cli_validate.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use std::fs;

use cli_support::{cli, data_copy, edit, run, stdout, validate_fails};

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
fn a_closed_pipe_or_a_full_disk_ends_with_a_message_not_a_panic() {
    let full = fs::File::create("/dev/full").expect("/dev/full opens");
    let output = cli()
        .args(["indicators"])
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("ict-compare: cannot write to standard output"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    let mut child = cli()
        .args(["synthetic", "--rows", "2000000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut first = [0_u8; 64];
    std::io::Read::read_exact(child.stdout.as_mut().expect("a pipe"), &mut first).expect("reads");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ends");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Broken pipe"), "{stderr}");
    assert!(stderr.lines().count() == 1, "{stderr}");
}

#[test]
fn absurd_or_empty_arguments_are_refused() {
    let output = run(&["synthetic", "--rows", "100000000000"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("expected a count from 0 to"));
    for provinces in ["", " ", "p63:84,,p63:44"] {
        let output = run(&[
            "compare",
            "--provinces",
            provinces,
            "--indicators",
            "bts_stations",
        ]);
        assert_eq!(output.status.code(), Some(2), "{provinces:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("with none empty"),
            "{provinces:?}"
        );
    }
    // An option given twice is refused, not kept at one of its values.
    for repeated in [
        &[
            "compare",
            "--provinces",
            "p63:84",
            "--provinces",
            "p63:44",
            "--indicators",
            "dti_score",
        ][..],
        &["pack", "data", "-o", "a.pack", "--output", "b.pack"],
    ] {
        let output = run(repeated);
        assert_eq!(output.status.code(), Some(2), "{repeated:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("is given twice"),
            "{repeated:?}"
        );
    }
}

#[test]
fn rank_per_capita_on_a_share_says_why_it_does_not_apply() {
    let output = run(&[
        "rank",
        "--indicator",
        "households_fibre_share",
        "--per-capita",
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("1     Tây Ninh    92,64 % (2024)"), "{text}");
    assert!(
        text.contains("note: households_fibre_share has no per-capita form: only indicators aggregated by sum do"),
        "{text}"
    );
}

#[test]
fn text_from_data_is_escaped_on_the_terminal_and_defused_in_csv() {
    let folder = data_copy("hostile-text");
    edit(
        &folder,
        "sources.csv",
        "Trà Vinh tập trung",
        "\u{1b}[2J\u{202e}Trà Vinh tập trung",
    );
    edit(
        &folder,
        "observations.csv",
        "\"92,64% hộ gia đình",
        "\"=HYPERLINK(\"\"http://example.invalid\"\")\u{9b}31m 92,64% hộ gia đình",
    );
    let data = folder.to_str().expect("UTF-8 path");
    let output = run(&["validate", data]);
    let text = stdout(&output);
    assert!(
        text.contains("\\u001b[2J\\u202eTrà Vinh tập trung"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );

    let header = data_copy("hostile-header");
    edit(
        &header,
        "observations.csv",
        "observation_id,",
        "\u{1b}]0;owned\u{7}observation_id,",
    );
    let stderr = validate_fails(&header);
    assert!(
        stderr.contains("unexpected column `\\u001b]0;owned\\u0007observation_id`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr}"
    );

    let args = [
        "rank",
        "--indicator",
        "households_fibre_share",
        "--data",
        data,
    ];
    let output = run(&[&args[..], &["--format", "csv"]].concat());
    assert!(output.status.success());
    let row = stdout(&output).lines().nth(1).expect("a row").to_owned();
    assert!(
        row.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\")\\u009b31m 92,64% hộ gia đình đã có đường truyền cáp quang internet băng rộng\","),
        "{row}"
    );
    let output = run(&[&args[..], &["--format", "json"]].concat());
    let json = stdout(&output);
    assert!(json.contains("\\u009b31m"), "{json}");
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
    let quote = parsed["entries"][0]["figure"]["provenance"][0]["quote"]
        .as_str()
        .expect("a quote");
    assert!(
        quote.contains('\u{9b}'),
        "the data itself is unchanged: {quote}"
    );
}
