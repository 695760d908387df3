//! The reference tables about provinces: the two lists, the 2025 mapping, GSO population, the
//! DTI 2022 ranking.

use super::{code, unique_ids};
use crate::error::{ErrorKind, Implausibility, Result};
use crate::model::{Period, Province, ProvinceId, Region, Scheme};
use crate::parse::record::Record;
use crate::parse::table::{Schema, Table};

static PROVINCES_P63: Schema = Schema {
    required: &[
        "code",
        "name",
        "name_full",
        "slug",
        "region_code",
        "region_vi",
        "region_en",
    ],
    optional: &["type", "iso_3166_2", "name_en_gso", "aliases", "note"],
};

/// Reads the 63-province list (`reference/provinces_2024.csv`) and the regions it names.
pub fn parse_provinces_p63(text: &str, file: Option<&str>) -> Result<(Vec<Province>, Vec<Region>)> {
    let mut table = Table::open(text, file, &PROVINCES_P63)?;
    let mut regions: Vec<Region> = Vec::new();
    let provinces = unique_ids(&mut table, 0, |t| {
        let region = t.required(4)?.to_owned();
        if !regions.iter().any(|r| r.code == region) {
            regions.push(Region {
                code: region.clone(),
                name_vi: t.required(5)?.to_owned(),
                name_en: t.required(6)?.to_owned(),
            });
        }
        Ok(Province {
            id: ProvinceId::new(Scheme::P63, code(t, 0)?),
            name: t.required(1)?.to_owned(),
            name_full: t.required(2)?.to_owned(),
            slug: t.required(3)?.to_owned(),
            region: Some(region),
            merged_into: None,
            merged_from: Vec::new(),
            // `aliases`: other spellings, separated by `|`.
            aliases: t
                .text(10)
                .split('|')
                .map(str::trim)
                .filter(|alias| !alias.is_empty())
                .map(str::to_owned)
                .collect(),
        })
    })?;
    Ok((provinces, regions))
}

static PROVINCES_P34: Schema = Schema {
    required: &["code", "name", "name_full", "slug", "merged_from_codes"],
    optional: &[
        "type",
        "type_nso_2026",
        "merged_from_names",
        "n_merged",
        "res202_article",
        "area_km2_res202",
        "population_res202",
        "area_km2_gso2024_sum",
        "population_gso2024_sum",
        "note",
    ],
};

/// Reads the 34-province list (`reference/provinces_2025.csv`) with the provinces each holds.
pub fn parse_provinces_p34(text: &str, file: Option<&str>) -> Result<Vec<Province>> {
    let mut table = Table::open(text, file, &PROVINCES_P34)?;
    unique_ids(&mut table, 0, |t| {
        let members = t.required(4)?;
        let merged_from = members
            .split(';')
            .map(|member| {
                (member.len() == 2)
                    .then(|| member.parse().ok())
                    .flatten()
                    .map(|code| ProvinceId::new(Scheme::P63, code))
                    .ok_or_else(|| t.invalid(4, members, "two-digit codes separated by ';'".into()))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Province {
            id: ProvinceId::new(Scheme::P34, code(t, 0)?),
            name: t.required(1)?.to_owned(),
            name_full: t.required(2)?.to_owned(),
            slug: t.required(3)?.to_owned(),
            region: None,
            merged_into: None,
            merged_from,
            aliases: Vec::new(),
        })
    })
}

static MERGER: Schema = Schema {
    required: &["old_code", "new_code"],
    optional: &["old_name", "new_name"],
};

/// Reads the 2025 mapping (`reference/merger_2025.csv`): each 63-list province and the
/// 34-list province it became part of.
pub fn parse_merger(text: &str, file: Option<&str>) -> Result<Vec<(ProvinceId, ProvinceId)>> {
    let mut table = Table::open(text, file, &MERGER)?;
    unique_ids(&mut table, 0, |t| {
        Ok((
            ProvinceId::new(Scheme::P63, code(t, 0)?),
            ProvinceId::new(Scheme::P34, code(t, 1)?),
        ))
    })
}

/// GSO population and area of one province in one year.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PopulationRecord {
    /// The province (63-list).
    pub province: ProvinceId,
    /// The reference year.
    pub year: u16,
    /// Average population.
    pub population: f64,
    /// Households, where known.
    pub households: Option<f64>,
    /// Area in km².
    pub area_km2: Option<f64>,
}

static POPULATION: Schema = Schema {
    required: &["code", "year", "population", "households", "area_km2"],
    optional: &["source"],
};

/// Reads `reference/population.csv`.
pub fn parse_population(text: &str, file: Option<&str>) -> Result<Vec<PopulationRecord>> {
    let mut table = Table::open(text, file, &POPULATION)?;
    let mut rows = Vec::new();
    while table.next()? {
        let t = &table;
        // Populations and households between one and ten times the country's people, areas
        // between one and ten times its land: anything else is a slip, and would carry an
        // infinity into the weighted means these are weights of.
        let bounded = |slot: usize, value: Option<f64>, low: f64, high: f64, what: &str| match value
        {
            Some(value) if !(low..=high).contains(&value) => {
                let reason = Implausibility::OutsideBounds {
                    what: what.to_owned(),
                    low,
                    high,
                };
                Err(t.error(slot, ErrorKind::Implausible { value, reason }))
            }
            _ => Ok(value),
        };
        let population = t.number(2)?;
        bounded(2, Some(population), 1.0, 1e9, "population")?;
        let households = bounded(3, t.optional_number(3)?, 1.0, 1e9, "households")?;
        let area_km2 = bounded(4, t.optional_number(4)?, 1.0, 4e6, "area in km²")?;
        rows.push(PopulationRecord {
            province: ProvinceId::new(Scheme::P63, code(t, 0)?),
            year: t.parsed(
                1,
                || "a year".into(),
                |text| text.parse::<Period>().ok().map(Period::calendar_year),
            )?,
            population,
            households,
            area_km2,
        });
    }
    Ok(rows)
}

/// A province's place in a published ranking.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RankRecord {
    /// The province (63-list).
    pub province: ProvinceId,
    /// The year ranked.
    pub year: u16,
    /// 1-based rank; tied provinces share one.
    pub rank: u16,
}

static DTI: Schema = Schema {
    required: &["year", "code", "dti_rank"],
    optional: &[
        "name_as_published",
        "idx_nhan_thuc_so",
        "idx_the_che_so",
        "idx_ha_tang_so",
        "idx_nhan_luc_so",
        "idx_an_toan_thong_tin",
        "idx_hd_chinh_quyen_so",
        "idx_hd_kinh_te_so",
        "idx_hd_xa_hoi_so",
        "pdti_score",
        "source",
    ],
};

/// Reads `reference/dti_2022_provincial_rank.csv`.
pub fn parse_dti(text: &str, file: Option<&str>) -> Result<Vec<RankRecord>> {
    let mut table = Table::open(text, file, &DTI)?;
    let mut rows = Vec::new();
    while table.next()? {
        let t = &table;
        rows.push(RankRecord {
            year: t.parsed(
                0,
                || "a year".into(),
                |text| text.parse::<Period>().ok().map(Period::calendar_year),
            )?,
            province: ProvinceId::new(Scheme::P63, code(t, 1)?),
            rank: t.parsed(
                2,
                || "a rank from 1".into(),
                |text| text.parse().ok().filter(|&rank: &u16| rank > 0),
            )?,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn population_and_area_are_bounded() {
        let header = "code,year,population,households,area_km2\n";
        assert_eq!(
            parse_population(&format!("{header}84,2022,1019000,,2390.8\n"), None)
                .unwrap()
                .len(),
            1
        );
        for row in [
            "84,2022,0,,2390.8",
            "84,2022,1e308,,2390.8",
            &format!("84,2022,1019000,,1{}", "0".repeat(300)),
            "84,2022,1019000,0,2390.8",
        ] {
            let error = parse_population(&format!("{header}{row}\n"), Some("p.csv")).unwrap_err();
            assert!(
                matches!(error.kind().code(), "implausible" | "invalidNumber"),
                "{row}: {error}"
            );
            assert!(error.to_string().len() < 200, "{error}");
        }
    }
}
