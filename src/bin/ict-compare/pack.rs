//! `ict-compare pack <data folder> -o <file>`: the dataset of a folder in the binary form the
//! engine bundles (`src/dataset/bundled.pack`, made by `make pack`), so that the engine starts
//! without parsing CSV, and its long texts beside it (`bundled-texts.pack`), which the page
//! fetches. The folder's files stay the source of truth: a folder `validate` refuses is never
//! packed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ict_compare::{Dataset, Error, ErrorKind};

use crate::folder::Folder;
use crate::validate::{errors_of, write_errors};

/// Loads and checks the folder as `validate` does and, when it finds no error, writes its packs;
/// otherwise it writes nothing and says the errors as `validate` does. The same folder always
/// gives the same bytes.
pub(crate) fn pack(root: &Path, output: &Path) -> Result<ExitCode, Error> {
    let folder = Folder::read(root)?;
    let dataset = Dataset::from_files(&folder.files())?;
    let errors = errors_of(&folder, &dataset)?;
    if !errors.is_empty() {
        write_errors(&errors);
        return Ok(ExitCode::FAILURE);
    }
    let packs = dataset.to_packs();
    write(output, &packs.main)?;
    write(&texts_path(output), &packs.texts)?;
    Ok(ExitCode::SUCCESS)
}

/// Where the texts pack goes: beside the main pack, its name ending in `-texts`.
fn texts_path(output: &Path) -> PathBuf {
    let stem = output.file_stem().unwrap_or_default().to_string_lossy();
    let extension = output
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    output.with_file_name(format!("{stem}-texts{extension}"))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|error| {
        Error::new(ErrorKind::Io {
            message: format!("cannot write {}: {error}", path.display()),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_texts_go_beside_the_pack() {
        assert_eq!(
            texts_path(Path::new("src/dataset/bundled.pack")),
            Path::new("src/dataset/bundled-texts.pack")
        );
        assert_eq!(texts_path(Path::new("out")), Path::new("out-texts"));
    }
}
