//! The dataset compiled into the engine: the files of `data/`, included at build time so that
//! the page needs no request to load them. The report texts and the stored copies of the
//! published tables are not included: only `validate`, which is native and reads the folder,
//! needs them.

use super::DatasetFiles;

pub(super) static FILES: DatasetFiles<'static> = DatasetFiles {
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
