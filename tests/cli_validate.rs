//! `validate` as an editor uses it: the bundled data passes, and a damaged copy of the data
//! folder is refused with the file, line and column of each error and the rule it breaks; `pack`
//! packs only what `validate` passes.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use std::fs;
use std::path::Path;
use std::process::Command;

use cli_support::{data_copy, edit, run, stdout, validate_fails};

/// The 1-based number of the first line of `file` in `folder` that `is_it` picks out.
fn line_of(folder: &Path, file: &str, is_it: impl Fn(&str) -> bool) -> usize {
    let text = fs::read_to_string(folder.join(file)).expect("reads");
    text.lines().position(is_it).expect("the line") + 1
}

#[test]
fn validate_passes_the_bundled_data_and_names_the_place_of_an_error() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    assert!(run(&["validate", data]).status.success());

    let copy = data_copy("bad-data");
    edit(&copy, "observations.csv", ",7301,", ",7.301.5,");
    let stderr = validate_fails(&copy);
    let line = line_of(&copy, "observations.csv", |l| l.contains(",7.301.5,"));
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
    let copy = data_copy("bad-table");
    edit(
        &copy,
        "tables/papi_2018_2024.csv",
        ",3.4226997,",
        ",3.4226998,",
    );
    let stderr = validate_fails(&copy);
    let line = line_of(&copy, "table_observations.csv", |l| {
        l.starts_with("papi-2018-001,")
    });
    assert!(
        stderr.contains(&format!("table_observations.csv:{line}:")),
        "{stderr}"
    );
    assert!(stderr.contains("reads \"3.4226998\""), "{stderr}");
    assert!(stderr.contains("1 errors"), "{stderr}");
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
        // A report's file is refused where sources.csv names it.
        if name != "linked-sources" {
            assert!(stderr.contains("sources.csv:2:"), "{name}: {stderr}");
        }
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
fn a_missing_report_or_table_copy_is_said_where_its_list_names_it() {
    let report = data_copy("missing-report");
    fs::remove_file(report.join("sources/tv-2016.txt")).expect("removes");
    let stderr = validate_fails(&report);
    let line = line_of(&report, "sources.csv", |l| l.starts_with("tv-2016,"));
    assert!(
        stderr.contains(&format!("sources.csv:{line}:"))
            && stderr.contains("cannot read sources/tv-2016.txt"),
        "{stderr}"
    );
    // The folder's own place is not in the message: the name the folder gives is.
    assert!(
        !stderr.contains(report.to_str().expect("UTF-8 path")),
        "{stderr}"
    );

    let table = data_copy("missing-table-copy");
    let tables = fs::read_to_string(table.join("tables.csv")).expect("reads");
    // The first table's stored copy: its file is the one field that starts `tables/`.
    let first = tables.lines().nth(1).expect("a table");
    let copy = first
        .split(',')
        .find(|field| field.starts_with("tables/"))
        .expect("its file");
    fs::remove_file(table.join(copy)).expect("removes");
    let stderr = validate_fails(&table);
    assert!(
        stderr.contains("tables.csv:2:") && stderr.contains(&format!("cannot read {copy}")),
        "{stderr}"
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
fn pack_refuses_a_folder_validate_refuses_and_writes_nothing() {
    let folder = data_copy("pack-refused");
    edit(&folder, "observations.csv", ",7301,", ",7302,");
    let out = folder.join("refused.pack");
    let output = run(&[
        "pack",
        folder.to_str().expect("UTF-8 path"),
        "-o",
        out.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = line_of(&folder, "observations.csv", |l| l.contains(",7302,"));
    assert!(
        stderr.contains(&format!("observations.csv:{line}:")) && stderr.contains("7301"),
        "{stderr}"
    );
    assert!(!out.exists() && !folder.join("refused-texts.pack").exists());

    // The folder as it is packs to the bundled pack, byte for byte.
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("data.pack");
    let output = run(&["pack", data, "-o", out.to_str().expect("UTF-8 path")]);
    assert!(output.status.success());
    let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/src/dataset/bundled.pack");
    assert!(fs::read(&out).expect("written") == fs::read(bundled).expect("bundled"));
}

#[test]
fn a_listed_table_no_figure_cites_is_refused_at_its_line() {
    let folder = data_copy("tables-uncited");
    fs::remove_file(folder.join("table_observations.csv")).expect("removes");
    let stderr = validate_fails(&folder);
    let tables = fs::read_to_string(folder.join("tables.csv")).expect("reads");
    let listed = tables
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    let refused = stderr.matches("invalid `source_id`").count();
    assert_eq!(refused, listed, "{stderr}");
    assert!(
        stderr.contains("tables.csv:2:1: invalid `source_id`"),
        "{stderr}"
    );
}

#[test]
fn a_scope_is_province_or_a_part_of_it_as_the_report_names_it() {
    // The first figure covers the whole province: a capital letter made it a part no report
    // names, and took it out of every comparison.
    let (from, to) = (",province,tv-2016,", ",Province,tv-2016,");
    refused_where_edited(
        "scope-unnamed",
        "observations.csv",
        from,
        to,
        "invalid `scope` \"Province\"",
    );
}

#[test]
fn an_exclusion_quotes_its_report_as_a_figure_does() {
    let (from, to) = ("10/09/2016 16:26", "10/09/2016 16:27");
    refused_where_edited(
        "exclusion-unquoted",
        "exclusions.csv",
        from,
        to,
        "quote not found",
    );
}

/// A copy of the data with `from` edited to `to` in `file` is refused at the line now holding
/// `to`, saying `said`.
fn refused_where_edited(name: &str, file: &str, from: &str, to: &str, said: &str) {
    let folder = data_copy(name);
    edit(&folder, file, from, to);
    let stderr = validate_fails(&folder);
    let line = line_of(&folder, file, |l| l.contains(to));
    assert!(
        stderr.contains(&format!("{file}:{line}:")) && stderr.contains(said),
        "{stderr}"
    );
}
