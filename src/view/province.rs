//! "My province among all": the first screen's answer, composed from ranks, series and
//! averages.

use crate::dataset::Dataset;
use crate::error::{Error, Result};

use super::types::{ProvinceView, ProvinceViewSpec};

/// The first screen for one province.
pub fn province_view(_dataset: &Dataset, spec: &ProvinceViewSpec) -> Result<ProvinceView> {
    Err(Error::request(format!(
        "province view for {}: not answered yet",
        spec.province
    )))
}
