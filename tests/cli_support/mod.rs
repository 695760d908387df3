//! The command line run as a program, for the integration tests of its commands.
// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The command line, built for these tests, ready for its arguments.
pub fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ict-compare"))
}

/// The command line run with `args` to its end.
pub fn run(args: &[&str]) -> Output {
    cli().args(args).output().expect("the CLI runs")
}

/// What a run wrote to standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
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
pub fn data_copy(name: &str) -> PathBuf {
    let copy = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&copy);
    copy_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data")),
        &copy,
    );
    copy
}

/// Replaces the first `from` of a file of `folder` with `to`.
pub fn edit(folder: &Path, file: &str, from: &str, to: &str) {
    let path = folder.join(file);
    let text = fs::read_to_string(&path).expect("reads");
    assert!(text.contains(from), "{file} holds {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("writes");
}

/// `validate` on `folder`, which must end (a FIFO must not hang it) and fail with exit 1 or 2.
pub fn validate_fails(folder: &Path) -> String {
    let mut child = cli()
        .args(["validate", folder.to_str().expect("UTF-8 path")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
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
