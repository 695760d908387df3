//! The dataset compiled into the engine: the pack of `data/` that the build makes
//! (`ict-compare pack data/ -o src/dataset/bundled.pack`, run by `make pack`), so that the
//! page needs no parsing to load it, and no request but for the long texts (definitions,
//! quotes, notes), which the page's engine leaves to a second pack fetched after the first
//! view. The report texts and the stored copies of the published tables are not included:
//! only `validate`, which is native and reads the folder, needs them.

/// The pack of `data/` (see `dataset::pack`); a test checks it is the one the files give.
pub(super) static PACK: &[u8] = include_bytes!("bundled.pack");

impl super::Dataset {
    /// The identity of the bundled data this engine was built with, as sixteen hex digits: two
    /// engines give the same only if they bundle the same pack (which holds its texts' own
    /// fingerprint). The page compares its two modules' before a reader's figures join the
    /// second's copy of the bundled data, so that a module cached from another build never
    /// shows its figures as this build's.
    #[must_use]
    pub fn bundled_id() -> String {
        format!("{:016x}", super::pack::fingerprint(PACK))
    }
}

/// The long texts of `data/` (see `dataset::pack::texts`): compiled in with the
/// `bundled-texts` feature; the page's engine is built without it and fetches them.
#[cfg(feature = "bundled-texts")]
pub(super) static TEXTS: &[u8] = include_bytes!("bundled-texts.pack");

/// The files of `data/` as text, for the tests that compare the pack with them and for the
/// small datasets of the unit tests, which borrow the reference files.
#[cfg(test)]
pub(super) static FILES: super::DatasetFiles<'static> = super::DatasetFiles {
    sources: include_str!("../../data/sources.csv"),
    tables: include_str!("../../data/tables.csv"),
    indicators: include_str!("../../data/indicators.csv"),
    editions: include_str!("../../data/editions.csv"),
    observations: include_str!("../../data/observations.csv"),
    table_observations: include_str!("../../data/table_observations.csv"),
    provinces_p63: include_str!("../../data/reference/provinces_2024.csv"),
    provinces_p34: include_str!("../../data/reference/provinces_2025.csv"),
    merger: include_str!("../../data/reference/merger_2025.csv"),
    population: include_str!("../../data/reference/population.csv"),
    dti: include_str!("../../data/reference/dti_2022_provincial_rank.csv"),
};

#[cfg(test)]
mod tests {
    use super::PACK;
    use crate::Dataset;

    #[test]
    fn the_bundled_id_names_the_pack_byte_for_byte() {
        let id = Dataset::bundled_id();
        assert_eq!(id.len(), 16);
        assert_eq!(id, Dataset::bundled_id());
        let mut other = PACK.to_vec();
        let last = other.len() - 1;
        other[last] ^= 1;
        assert_ne!(
            format!("{:016x}", crate::dataset::pack::fingerprint(&other)),
            id
        );
    }
}
