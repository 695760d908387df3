//! Reading a data folder from disk: every file's text, decoded, before anything is parsed.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use ict_compare::{DatasetFiles, Error, ErrorKind, decode_utf8};

/// The text of every file of a data folder, read before anything is parsed.
pub(crate) struct Folder {
    pub(crate) root: PathBuf,
    texts: HashMap<&'static str, String>,
}

impl Folder {
    pub(crate) fn read(root: &Path) -> Result<Folder, Error> {
        let mut texts = HashMap::new();
        for name in DatasetFiles::NAMES {
            let path = root.join(name);
            // A folder of reports alone has no published tables.
            if DatasetFiles::OPTIONAL.contains(&name) && !path.exists() {
                continue;
            }
            texts.insert(name, read_text(&path, name)?);
        }
        Ok(Folder {
            root: root.to_owned(),
            texts,
        })
    }

    pub(crate) fn text(&self, name: &str) -> &str {
        self.texts.get(name).map_or("", String::as_str)
    }

    pub(crate) fn files(&self) -> DatasetFiles<'_> {
        DatasetFiles::from_names(|name| self.text(name))
    }
}

pub(crate) fn read_text(path: &Path, name: &str) -> Result<String, Error> {
    let bytes = fs::read(path).map_err(|error| {
        Error::new(ErrorKind::Io {
            message: format!("{}: {error}", path.display()),
        })
    })?;
    decode_utf8(&bytes, Some(name)).map(str::to_owned)
}
