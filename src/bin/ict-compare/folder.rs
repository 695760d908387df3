//! Reading a data folder from disk: every file's text, decoded, before anything is parsed.
//!
//! A data folder is outside input, and so are the paths it names (`file` in `sources.csv`).
//! Every file is read through [`Folder::read_text`] and its rules, checked in this order, each
//! named in the error when broken: the path is relative, with no `..`, `.` or empty part and
//! plain characters only; after following links it still lies inside the folder; it is a regular
//! file (a FIFO would block for ever, `/dev/zero` would never end); and it is no larger than
//! [`FILE_LIMIT`]. The type is checked before the file is opened, the file is opened without
//! blocking and without following a last link, and checked again once open, so that a file
//! swapped in between is still refused; reading stops at the limit whatever the size said.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use ict_compare::{
    DatasetFiles, Error, ErrorKind, PathRule, decode_utf8, excerpt, relative_path_problem,
};

/// The largest file a data folder may hold: far above any report or list of figures, and small
/// enough to read into memory.
pub(crate) const FILE_LIMIT: u64 = 64 * 1024 * 1024;

/// The text of every file of a data folder, read before anything is parsed.
pub(crate) struct Folder {
    /// The folder, with its links resolved: every file must lie below it.
    root: PathBuf,
    texts: HashMap<&'static str, String>,
}

impl Folder {
    pub(crate) fn read(root: &Path) -> Result<Folder, Error> {
        let resolved = fs::canonicalize(root).map_err(|error| cannot_read(root, &error))?;
        if !resolved.is_dir() {
            return Err(Error::new(ErrorKind::Io {
                message: format!("{}: not a folder", root.display()),
            }));
        }
        let mut folder = Folder {
            root: resolved,
            texts: HashMap::new(),
        };
        for name in DatasetFiles::NAMES {
            // A folder of reports alone has no published tables.
            if DatasetFiles::OPTIONAL.contains(&name) && !folder.root.join(name).exists() {
                continue;
            }
            let text = folder.read_text(name)?;
            folder.texts.insert(name, text);
        }
        Ok(folder)
    }

    /// The text of a file the folder may leave out (`exclusions.csv`), under the folder's
    /// rules when it is there.
    pub(crate) fn optional_text(&self, relative: &str) -> Result<Option<String>, Error> {
        if !self.root.join(relative).exists() {
            return Ok(None);
        }
        self.read_text(relative).map(Some)
    }

    pub(crate) fn text(&self, name: &str) -> &str {
        self.texts.get(name).map_or("", String::as_str)
    }

    pub(crate) fn files(&self) -> DatasetFiles<'_> {
        DatasetFiles::from_names(|name| self.text(name))
    }

    /// The text of the file at `relative` (as the folder names it), under the folder's rules.
    pub(crate) fn read_text(&self, relative: &str) -> Result<String, Error> {
        let refused = |rule: PathRule| {
            Error::new(ErrorKind::PathRefused {
                path: excerpt(relative),
                rule,
            })
        };
        if let Some(rule) = relative_path_problem(relative) {
            return Err(refused(rule));
        }
        let path = self.root.join(relative);
        // Said by the name the folder gives it: the folder's own place says nothing new, and a
        // long one would push the name out of the message.
        let named = Path::new(relative);
        let resolved = fs::canonicalize(&path).map_err(|error| cannot_read(named, &error))?;
        if !resolved.starts_with(&self.root) {
            return Err(refused(PathRule::InsideFolder));
        }
        let metadata = fs::metadata(&resolved).map_err(|error| cannot_read(named, &error))?;
        if !metadata.is_file() {
            return Err(refused(PathRule::RegularFile));
        }
        if metadata.len() > FILE_LIMIT {
            return Err(refused(PathRule::SizeLimit));
        }
        let file = open(&resolved).map_err(|error| cannot_read(named, &error))?;
        let opened = file
            .metadata()
            .map_err(|error| cannot_read(named, &error))?;
        if !opened.is_file() {
            return Err(refused(PathRule::RegularFile));
        }
        let mut bytes = Vec::new();
        file.take(FILE_LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| cannot_read(named, &error))?;
        if bytes.len() as u64 > FILE_LIMIT {
            return Err(refused(PathRule::SizeLimit));
        }
        decode_utf8(&bytes, Some(relative)).map(str::to_owned)
    }
}

fn cannot_read(path: &Path, error: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io {
        message: format!(
            "cannot read {}: {error}",
            excerpt(&path.display().to_string())
        ),
    })
}

/// Opens `path` for reading without blocking (a FIFO put in place after the type was checked
/// must not hang the program) and without following a link in its last part.
#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const FLAGS: i32 = 0o4000 | 0o400_000; // O_NONBLOCK | O_NOFOLLOW
    #[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
    const FLAGS: i32 = 0x0004 | 0x0100; // O_NONBLOCK | O_NOFOLLOW
    #[cfg(not(any(
        target_os = "linux",
        target_os = "android",
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd"
    )))]
    const FLAGS: i32 = 0;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(FLAGS)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<File> {
    File::open(path)
}
