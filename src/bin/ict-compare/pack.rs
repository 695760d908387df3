//! `ict-compare pack <data folder> -o <file>`: the dataset of a folder in the binary form the
//! engine bundles (`src/dataset/bundled.pack`, made by `make pack`), so that the engine starts
//! without parsing CSV. The folder's files stay the source of truth: `validate` checks them.

use std::path::Path;
use std::process::ExitCode;

use ict_compare::{Dataset, Error, ErrorKind};

use crate::folder::Folder;

/// Loads the folder as `validate` does (every file parsed and checked) and writes its pack.
/// The same folder always gives the same bytes.
pub(crate) fn pack(root: &Path, output: &Path) -> Result<ExitCode, Error> {
    let folder = Folder::read(root)?;
    let dataset = Dataset::from_files(&folder.files())?;
    std::fs::write(output, dataset.to_pack()).map_err(|error| {
        Error::new(ErrorKind::Io {
            message: format!("cannot write {}: {error}", output.display()),
        })
    })?;
    Ok(ExitCode::SUCCESS)
}
