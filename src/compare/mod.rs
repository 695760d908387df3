//! Arranging answers for comparison: the provinces × indicators matrix, rankings with honest
//! uncertainty and shared ties, series and change over time with breaks of method, and the
//! comparability rules that refuse to put differently defined figures side by side on one
//! scale. Matrix columns, rankings and series carry the national and regional averages as
//! reference lines, apart from the rows they are drawn beside.
//!
//! Everything here is built from `query` answers; nothing reads files or knows JavaScript.

mod change;
mod comparability;
mod matrix;
mod profile;
mod rank;

pub use change::{Break, Change, Series, SeriesPoint, SeriesSpec, series};
pub use comparability::{Comparability, ComparabilityCode, comparability, ensure_comparable};
pub(crate) use matrix::in_scheme;
pub use matrix::{
    Cell, Column, CompareSpec, Matrix, Row, Warning, WarningCode, compare,
    compare_without_provenance,
};
pub use profile::{Profile, ProfileEntry, ProfilePillar, profile};
pub use rank::{RankEntry, RankSpec, Ranking, rank};

/// The most provinces or indicators one request may name: a request is one user action.
pub const MAX_REQUEST_ITEMS: usize = 400;
