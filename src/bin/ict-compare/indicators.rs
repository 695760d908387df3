//! `indicators`: the indicator list, with how many figures each has.

use std::process::ExitCode;

use ict_compare::Error;
use serde::Serialize;

use crate::output::{json, print_rows};
use crate::{Format, Options};

pub(crate) fn run_indicators(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let counts: Vec<usize> = dataset
        .indicators()
        .iter()
        .map(|i| {
            dataset
                .observations()
                .filter(|o| o.indicator == i.id)
                .count()
        })
        .collect();
    match options.format {
        Format::Json => {
            #[derive(Serialize)]
            struct Entry<'a> {
                #[serde(flatten)]
                indicator: &'a ict_compare::Indicator,
                observations: usize,
            }
            let entries: Vec<Entry<'_>> = dataset
                .indicators()
                .iter()
                .zip(&counts)
                .map(|(indicator, &observations)| Entry {
                    indicator,
                    observations,
                })
                .collect();
            json(&entries)?;
        }
        Format::Csv | Format::Table => {
            let header = [
                "indicator_id",
                "family",
                "pillar",
                "unit",
                "denominator",
                "aggregation",
                "better",
                "observations",
                "name_vi",
                "name_en",
            ];
            let rows: Vec<Vec<String>> = dataset
                .indicators()
                .iter()
                .zip(&counts)
                .map(|(i, count)| {
                    vec![
                        i.id.clone(),
                        i.family.clone(),
                        i.pillar.to_string(),
                        i.unit.to_string(),
                        i.denominator.clone().unwrap_or_default(),
                        i.aggregation.to_string(),
                        i.better.to_string(),
                        count.to_string(),
                        i.name_vi.clone(),
                        i.name_en.clone(),
                    ]
                })
                .collect();
            print_rows(options.format, &header, rows)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
