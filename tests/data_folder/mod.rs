//! A data folder read from disk, for the integration tests of the bundled data: each file by
//! its name, any of them replaceable by an edited text, loaded through the public API.
// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fs;

use ict_compare::{Dataset, DatasetFiles};

/// A file of `data/`, by its path relative to it.
pub fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/data/{path}", env!("CARGO_MANIFEST_DIR"))).expect("a data file")
}

/// Every file of the data folder, by its name in `DatasetFiles::NAMES`.
pub struct Data {
    files: HashMap<&'static str, String>,
}

impl Data {
    pub fn load() -> Data {
        Data {
            files: DatasetFiles::NAMES
                .into_iter()
                .map(|name| (name, read(name)))
                .collect(),
        }
    }

    pub fn with(mut self, name: &'static str, text: String) -> Data {
        self.files.insert(name, text);
        self
    }

    pub fn get(&self, name: &str) -> &str {
        &self.files[name]
    }

    pub fn dataset(&self) -> ict_compare::Result<Dataset> {
        Dataset::from_files(&DatasetFiles::from_names(|name| self.get(name)))
    }
}

/// `text` with the first line containing `marker` changed by `edit`.
pub fn edit_line(text: &str, marker: &str, edit: impl Fn(&str) -> String) -> String {
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if !done && line.contains(marker) {
                done = true;
                edit(line)
            } else {
                line.to_owned()
            }
        })
        .collect();
    assert!(done, "a line with {marker:?}");
    lines.join("\n") + "\n"
}

/// The file, line and column of an error.
pub fn place(error: &ict_compare::Error) -> (String, u64, u64) {
    let p = error.position().expect("a position");
    (p.file.clone().unwrap_or_default(), p.line, p.column)
}
