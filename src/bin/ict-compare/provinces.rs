//! `provinces`: the provinces of a list.

use std::process::ExitCode;

use ict_compare::{Error, Scheme};

use crate::output::{json, print_rows};
use crate::{Format, Options};

pub(crate) fn run_provinces(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let scheme = options.scheme.unwrap_or(Scheme::P63);
    let provinces: Vec<&ict_compare::Province> = dataset.reference().provinces_of(scheme).collect();
    match options.format {
        Format::Json => json(&provinces)?,
        Format::Csv | Format::Table => {
            let header = ["province", "name", "region", "merged_into", "merged_from"];
            let rows = provinces
                .iter()
                .map(|p| {
                    vec![
                        p.id.to_string(),
                        p.name.clone(),
                        p.region.clone().unwrap_or_default(),
                        p.merged_into.map(|m| m.to_string()).unwrap_or_default(),
                        p.merged_from
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(";"),
                    ]
                })
                .collect();
            print_rows(options.format, &header, rows)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
