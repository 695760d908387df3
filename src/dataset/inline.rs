//! Small datasets written inline in unit tests: the bundled reference data (provinces, the 2025
//! mapping, population) with the test's own indicators, sources and observations.

use super::{Dataset, DatasetFiles, bundled};
use crate::error::Result;

/// The header of an inline `indicators.csv`.
const INDICATORS_HEADER: &str = "indicator_id,family,pillar,name_vi,name_en,unit,denominator,aggregation,better,part_of,definition_vi,definition_en\n";

/// The header of an inline `editions.csv`.
const EDITIONS_HEADER: &str = "indicator_id,edition,first_period,last_period,note_vi,note_en\n";

/// One source, `t`, for inline observations to cite.
const SOURCES: &str = "source_id,title,outlet,author,published,url,province,file,language\n\
t,Báo cáo thử,Thử,Thử,2025-01-01,,p63:01,sources/t.txt,vi\n";

/// A dataset of the bundled reference data and the given indicator rows (after
/// [`INDICATORS_HEADER`]) and observation rows (`province,indicator_id,period,value`, one a line,
/// with `,true` after the value for a target).
pub(crate) fn dataset(indicators: &str, observations: &str) -> Result<Dataset> {
    with_editions(indicators, "", observations)
}

/// As [`dataset`], with methodology editions (rows of `editions.csv` after its header).
pub(crate) fn with_editions(
    indicators: &str,
    editions: &str,
    observations: &str,
) -> Result<Dataset> {
    let editions = if editions.is_empty() {
        String::new()
    } else {
        format!("{EDITIONS_HEADER}{editions}")
    };
    let indicators = format!("{INDICATORS_HEADER}{indicators}");
    let mut rows =
        String::from("observation_id,province,indicator_id,period,value,is_target,source_id\n");
    for (i, line) in (0..).zip(observations.lines().filter(|l| !l.trim().is_empty())) {
        rows.push_str("o-");
        rows.push_str(&i.to_string());
        rows.push(',');
        let line = line.trim();
        rows.push_str(line);
        rows.push_str(if line.ends_with(",true") {
            ""
        } else {
            ",false"
        });
        rows.push_str(",t\n");
    }
    Dataset::from_files(&DatasetFiles {
        sources: SOURCES,
        indicators: &indicators,
        editions: &editions,
        observations: &rows,
        tables: "",
        table_observations: "",
        ..bundled::FILES
    })
}
