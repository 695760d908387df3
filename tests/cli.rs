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

/// A fresh copy of the bundled data folder under `name`, for a test to damage.
fn data_copy(name: &str) -> std::path::PathBuf {
    let copy = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&copy);
    copy_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data")),
        &copy,
    );
    copy
}

/// Replaces the first `from` of a file of `folder` with `to`.
fn edit(folder: &Path, file: &str, from: &str, to: &str) {
    let path = folder.join(file);
    let text = fs::read_to_string(&path).expect("reads");
    assert!(text.contains(from), "{file} holds {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("writes");
}

/// `validate` on `folder`, which must end (a FIFO must not hang it) and fail with exit 1 or 2.
fn validate_fails(folder: &Path) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ict-compare"))
        .args(["validate", folder.to_str().expect("UTF-8 path")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while child.try_wait().expect("polls").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("validate {} did not end", folder.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("ends");
    let code = output.status.code();
    assert!(matches!(code, Some(1 | 2)), "exit {code:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Something done to a copy of the data folder.
type Damage<'a> = Box<dyn Fn(&Path) + 'a>;

#[test]
fn validate_reads_only_regular_files_inside_the_folder_and_names_the_rule_broken() {
    let secret = Path::new(env!("CARGO_TARGET_TMPDIR")).join("outside-secret.txt");
    fs::write(&secret, "secret,line,of,another,file\n").expect("writes");
    let secret = secret.to_str().expect("UTF-8 path").to_owned();
    let report = "sources/tv-2016.txt";
    let cases: Vec<(&str, Damage<'_>, &str)> = vec![
        (
            "absolute",
            Box::new(|d| edit(d, "sources.csv", report, "/etc/passwd")),
            "sources.csv:2:",
        ),
        (
            "parent",
            Box::new(|d| edit(d, "sources.csv", report, "sources/../../outside-secret.txt")),
            "a path must not contain `..`",
        ),
        (
            "link-out",
            Box::new(|d| {
                fs::remove_file(d.join(report)).expect("removes");
                std::os::unix::fs::symlink(&secret, d.join(report)).expect("links");
            }),
            "after following links, a file must lie inside the data folder",
        ),
        (
            "linked-sources",
            Box::new(|d| {
                fs::remove_file(d.join("sources.csv")).expect("removes");
                std::os::unix::fs::symlink(&secret, d.join("sources.csv")).expect("links");
            }),
            "path \"sources.csv\" refused: after following links",
        ),
        (
            "linked-folder",
            Box::new(|d| {
                let outside = Path::new(env!("CARGO_TARGET_TMPDIR")).join("outside-sources");
                let _ = fs::remove_dir_all(&outside);
                fs::rename(d.join("sources"), &outside).expect("moves");
                std::os::unix::fs::symlink(&outside, d.join("sources")).expect("links");
            }),
            "after following links, a file must lie inside the data folder",
        ),
        (
            "device",
            Box::new(|d| {
                fs::remove_file(d.join(report)).expect("removes");
                std::os::unix::fs::symlink("/dev/zero", d.join(report)).expect("links");
            }),
            "after following links, a file must lie inside the data folder",
        ),
        (
            "fifo",
            Box::new(|d| {
                fs::remove_file(d.join(report)).expect("removes");
                let made = Command::new("mkfifo").arg(d.join(report)).status();
                assert!(made.expect("mkfifo runs").success());
            }),
            "only regular files are read",
        ),
        (
            "folder",
            Box::new(|d| {
                fs::remove_file(d.join(report)).expect("removes");
                fs::create_dir(d.join(report)).expect("creates");
            }),
            "only regular files are read",
        ),
        (
            "huge",
            Box::new(|d| {
                let file = fs::File::create(d.join(report)).expect("creates");
                file.set_len(65 * 1024 * 1024).expect("grows");
            }),
            "larger than the limit for one file",
        ),
    ];
    for (name, damage, said) in cases {
        let folder = data_copy(&format!("paths-{name}"));
        damage(&folder);
        let stderr = validate_fails(&folder);
        assert!(stderr.contains(said), "{name}: {stderr}");
        assert!(stderr.contains("refused"), "{name}: {stderr}");
        assert!(!stderr.contains("secret,line"), "{name} echoes: {stderr}");
        assert!(!stderr.contains("root:"), "{name} echoes: {stderr}");
    }
    // A link that stays inside the folder is followed.
    let folder = data_copy("paths-link-inside");
    fs::rename(folder.join(report), folder.join("sources/moved.txt")).expect("moves");
    std::os::unix::fs::symlink("moved.txt", folder.join(report)).expect("links");
    let output = run(&["validate", folder.to_str().expect("UTF-8 path")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn validate_accepts_only_web_links_for_a_report() {
    let folder = data_copy("script-link");
    edit(
        &folder,
        "sources.csv",
        "2016-09-10,,p63:84",
        "2016-09-10,javascript:alert(1),p63:84",
    );
    let stderr = validate_fails(&folder);
    assert!(stderr.contains("sources.csv:2:"), "{stderr}");
    assert!(
        stderr.contains("expected an http:// or https:// address"),
        "{stderr}"
    );
}

#[test]
fn validate_checks_the_province_and_date_of_each_figure_against_its_report() {
    let folder = data_copy("conventions");
    edit(
        &folder,
        "observations.csv",
        "tv-2016-001,p63:84,",
        "tv-2016-001,p63:01,",
    );
    let stderr = validate_fails(&folder);
    assert!(
        stderr.contains("observations.csv:2:13: province p63:01 is not that of report \"tv-2016\""),
        "{stderr}"
    );
    assert!(stderr.contains("1 errors"), "{stderr}");
}

#[test]
fn a_closed_pipe_or_a_full_disk_ends_with_a_message_not_a_panic() {
    let full = fs::File::create("/dev/full").expect("/dev/full opens");
    let output = Command::new(env!("CARGO_BIN_EXE_ict-compare"))
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

    let mut child = Command::new(env!("CARGO_BIN_EXE_ict-compare"))
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
