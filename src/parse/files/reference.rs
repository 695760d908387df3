//! The reference tables about provinces: the two lists, the 2025 mapping, GSO population, the
//! DTI 2022 ranking. Each is held to the lists it names, and a contradiction is refused at its
//! line: a region with two codes, a mapping the 2025 list does not hold, a province without a
//! mapping, a population or rank of an unknown province or twice in a year would each weigh,
//! rank or move one province's figures as another's.

use super::{code, unique_ids};
use crate::error::{Allowed, Error, ErrorKind, Implausibility, Position, Result};
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
        let (name_vi, name_en) = (t.required(5)?, t.required(6)?);
        // One code a region, one name a code: a second code for a region's name would split
        // its provinces into two regions of one name.
        match regions
            .iter()
            .find(|r| r.code == region || r.name_vi == name_vi || r.name_en == name_en)
        {
            Some(known) if known.code != region => {
                let expected = format!(
                    "{}, the code of {} on an earlier line",
                    known.code, known.name_vi
                );
                return Err(t.invalid(4, &region, expected));
            }
            Some(known)
                if (known.name_vi.as_str(), known.name_en.as_str()) != (name_vi, name_en) =>
            {
                let expected = format!(
                    "{} / {}, the names of {} on an earlier line",
                    known.name_vi, known.name_en, known.code
                );
                return Err(t.invalid(5, name_vi, expected));
            }
            Some(_) => {}
            None => regions.push(Region {
                code: region.clone(),
                name_vi: name_vi.to_owned(),
                name_en: name_en.to_owned(),
            }),
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
    Ok((not_empty(provinces, file)?, regions))
}

/// A list of provinces, which has one at least: an empty one is refused where its first row
/// would be, rather than at the first row of another file that names a province of it.
fn not_empty(provinces: Vec<Province>, file: Option<&str>) -> Result<Vec<Province>> {
    if provinces.is_empty() {
        return Err(Error::at(ErrorKind::NoRows, Position::new(file, 2, 1)));
    }
    Ok(provinces)
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
    let provinces = unique_ids(&mut table, 0, |t| {
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
    })?;
    not_empty(provinces, file)
}

static MERGER: Schema = Schema {
    required: &["old_code", "new_code"],
    optional: &["old_name", "new_name"],
};

/// Reads the 2025 mapping (`reference/merger_2025.csv`): each 63-list province and the
/// 34-list province it became part of, held to the two lists: a row's old province is one of
/// `p63`, its new one of `p34` and among the provinces that one lists as merged from
/// (`merged_from_codes`), and every province of `p63` has a row. A mapping the lists
/// contradict would move one province's figures into another's.
pub fn parse_merger(
    text: &str,
    file: Option<&str>,
    p63: &[Province],
    p34: &[Province],
) -> Result<Vec<(ProvinceId, ProvinceId)>> {
    let mut table = Table::open(text, file, &MERGER)?;
    let rows = unique_ids(&mut table, 0, |t| {
        let old = ProvinceId::new(Scheme::P63, code(t, 0)?);
        let new = ProvinceId::new(Scheme::P34, code(t, 1)?);
        let unknown = |slot: usize, id: ProvinceId| {
            t.error(slot, ErrorKind::UnknownProvince { id: id.to_string() })
        };
        if !p63.iter().any(|p| p.id == old) {
            return Err(unknown(0, old));
        }
        let Some(merged) = p34.iter().find(|p| p.id == new) else {
            return Err(unknown(1, new));
        };
        if !merged.merged_from.contains(&old) {
            let expected = format!(
                "a province whose merged_from_codes in provinces_2025.csv hold {:02}",
                old.code
            );
            return Err(t.invalid(1, t.text(1), expected));
        }
        Ok((old, new))
    })?;
    // Every former province maps somewhere, and every province a new one lists maps to it.
    let unmapped = p63
        .iter()
        .map(|p| p.id)
        .find(|old| !rows.iter().any(|(from, _)| from == old))
        .or_else(|| {
            p34.iter().find_map(|p| {
                p.merged_from
                    .iter()
                    .copied()
                    .find(|old| !rows.contains(&(*old, p.id)))
            })
        });
    if let Some(old) = unmapped {
        return Err(Error::at(
            ErrorKind::InvalidValue {
                column: "old_code".to_owned(),
                text: format!("{:02}", old.code),
                expected: Allowed::Words {
                    text: "a row for every province of provinces_2024.csv, to the 2025 province \
                           whose merged_from_codes hold it"
                        .to_owned(),
                },
            },
            Position::new(file, table.next_line(), 1),
        ));
    }
    Ok(rows)
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

/// Reads `reference/population.csv`: rows of provinces of `p63`, one a province and year.
pub fn parse_population(
    text: &str,
    file: Option<&str>,
    p63: &[Province],
) -> Result<Vec<PopulationRecord>> {
    let mut table = Table::open(text, file, &POPULATION)?;
    let mut rows: Vec<PopulationRecord> = Vec::new();
    let mut years = OnceAYear::of(p63);
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
        let record = PopulationRecord {
            province: ProvinceId::new(Scheme::P63, code(t, 0)?),
            year: t.parsed(
                1,
                || "a year".into(),
                |text| text.parse::<Period>().ok().map(Period::calendar_year),
            )?,
            population,
            households,
            area_km2,
        };
        years.check(t, 0, record.province, record.year)?;
        rows.push(record);
    }
    Ok(rows)
}

/// Rows about the provinces of a list, one a province and year: a second row would weigh or
/// rank the province by whichever came last.
struct OnceAYear<'a> {
    p63: &'a [Province],
    lines: std::collections::HashMap<(ProvinceId, u16), u64>,
}

impl<'a> OnceAYear<'a> {
    fn of(p63: &'a [Province]) -> Self {
        OnceAYear {
            p63,
            lines: std::collections::HashMap::new(),
        }
    }

    /// Refuses, at the province's field `slot`, a province not of the list or seen before
    /// that year.
    fn check(&mut self, t: &Table<'_>, slot: usize, province: ProvinceId, year: u16) -> Result<()> {
        if !self.p63.iter().any(|p| p.id == province) {
            let id = province.to_string();
            return Err(t.error(slot, ErrorKind::UnknownProvince { id }));
        }
        if let Some(&first_line) = self.lines.get(&(province, year)) {
            let id = format!("{:02} {year}", province.code);
            return Err(t.error(slot, ErrorKind::DuplicateId { id, first_line }));
        }
        self.lines.insert((province, year), t.line());
        Ok(())
    }
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

/// Reads `reference/dti_2022_provincial_rank.csv`: a rank for provinces of `p63`, once a year
/// each, from 1 to the number of provinces.
pub fn parse_dti(text: &str, file: Option<&str>, p63: &[Province]) -> Result<Vec<RankRecord>> {
    let mut table = Table::open(text, file, &DTI)?;
    let mut rows = Vec::new();
    let mut years = OnceAYear::of(p63);
    let last = p63.len().max(1) as u16;
    while table.next()? {
        let t = &table;
        let record = RankRecord {
            year: t.parsed(
                0,
                || "a year".into(),
                |text| text.parse::<Period>().ok().map(Period::calendar_year),
            )?,
            province: ProvinceId::new(Scheme::P63, code(t, 1)?),
            rank: t.parsed(
                2,
                || format!("a rank from 1 to {last}"),
                |text| {
                    text.parse()
                        .ok()
                        .filter(|rank: &u16| (1..=last).contains(rank))
                },
            )?,
        };
        years.check(t, 1, record.province, record.year)?;
        rows.push(record);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> (Vec<Province>, Vec<Province>) {
        let p63 = "code,name,name_full,slug,region_code,region_vi,region_en\n\
                   02,Hà Giang,Tỉnh Hà Giang,ha-giang,NMM,Miền núi,Mountains\n\
                   08,Tuyên Quang,Tỉnh Tuyên Quang,tuyen-quang,NMM,Miền núi,Mountains\n\
                   04,Cao Bằng,Tỉnh Cao Bằng,cao-bang,NMM,Miền núi,Mountains\n";
        let p34 = "code,name,name_full,slug,merged_from_codes\n\
                   08,Tuyên Quang,Tỉnh Tuyên Quang,tuyen-quang,02;08\n\
                   04,Cao Bằng,Tỉnh Cao Bằng,cao-bang,04\n";
        let (p63, _) = parse_provinces_p63(p63, None).expect("the 63-list");
        (p63, parse_provinces_p34(p34, None).expect("the 34-list"))
    }

    #[test]
    fn the_mapping_is_held_to_both_lists_with_the_place_of_a_contradiction() {
        let (p63, p34) = lists();
        let header = "old_code,new_code\n";
        let whole = format!("{header}02,08\n08,08\n04,04\n");
        assert_eq!(
            parse_merger(&whole, None, &p63, &p34)
                .expect("a mapping")
                .len(),
            3
        );
        for (rows, said) in [
            // Hà Giang into Cao Bằng, which does not list it.
            (
                "02,04\n08,08\n04,04\n",
                "m.csv:2:4: invalid `new_code` \"04\"",
            ),
            // A province of neither list.
            (
                "02,08\n08,08\n04,04\n99,04\n",
                "m.csv:5:1: unknown province",
            ),
            ("02,08\n08,08\n04,77\n", "m.csv:4:4: unknown province"),
            // Hà Giang left out: its figures would join no 2025 province.
            ("08,08\n04,04\n", "m.csv:4:1: invalid `old_code` \"02\""),
        ] {
            let error = parse_merger(&format!("{header}{rows}"), Some("m.csv"), &p63, &p34)
                .expect_err(rows);
            assert!(error.to_string().starts_with(said), "{rows}: {error}");
        }
    }

    #[test]
    fn an_empty_list_of_provinces_is_refused_where_its_first_row_would_be() {
        let p63 = "code,name,name_full,slug,region_code,region_vi,region_en\n";
        let error = parse_provinces_p63(p63, Some("p63.csv")).expect_err("no province");
        assert_eq!(
            error.to_string(),
            "p63.csv:2:1: no records after the header"
        );
        let p34 = "code,name,name_full,slug,merged_from_codes\n";
        let error = parse_provinces_p34(p34, Some("p34.csv")).expect_err("no province");
        assert_eq!(
            error.to_string(),
            "p34.csv:2:1: no records after the header"
        );
    }

    #[test]
    fn a_region_has_one_code_and_one_name() {
        let header = "code,name,name_full,slug,region_code,region_vi,region_en\n";
        let first = "01,Hà Nội,Thành phố Hà Nội,ha-noi,RRD,Đồng bằng sông Hồng,Red River Delta\n";
        for (second, said) in [
            (
                "22,Quảng Ninh,Tỉnh Quảng Ninh,quang-ninh,ZZZ,Đồng bằng sông Hồng,Red River Delta",
                "r.csv:3:42: invalid `region_code` \"ZZZ\": expected RRD",
            ),
            (
                "22,Quảng Ninh,Tỉnh Quảng Ninh,quang-ninh,RRD,Đông Bắc,Red River Delta",
                "r.csv:3:46: invalid `region_vi` \"Đông Bắc\"",
            ),
        ] {
            let error = parse_provinces_p63(&format!("{header}{first}{second}\n"), Some("r.csv"))
                .expect_err(second);
            assert!(error.to_string().starts_with(said), "{error}");
        }
    }

    #[test]
    fn population_and_ranks_are_of_known_provinces_once_a_year() {
        let (p63, _) = lists();
        let header = "code,year,population,households,area_km2\n";
        let twice = format!("{header}02,2024,900000,,7900\n02,2024,99999999,,7900\n");
        let error = parse_population(&twice, Some("p.csv"), &p63).expect_err("twice");
        assert!(error.to_string().starts_with("p.csv:3:1: "), "{error}");
        assert!(matches!(
            error.kind(),
            ErrorKind::DuplicateId { first_line: 2, .. }
        ));
        let unknown = format!("{header}99,2024,900000,,7900\n");
        let error = parse_population(&unknown, Some("p.csv"), &p63).expect_err("unknown");
        assert!(
            matches!(error.kind(), ErrorKind::UnknownProvince { .. }),
            "{error}"
        );

        let header = "year,code,dti_rank\n";
        assert_eq!(
            parse_dti(&format!("{header}2022,02,3\n2022,08,1\n"), None, &p63)
                .expect("ranks")
                .len(),
            2
        );
        for rows in ["2022,02,4\n", "2022,99,1\n", "2022,02,1\n2022,02,2\n"] {
            let error = parse_dti(&format!("{header}{rows}"), Some("d.csv"), &p63).expect_err(rows);
            assert!(error.position().is_some(), "{rows}: {error}");
        }
    }

    #[test]
    fn population_and_area_are_bounded() {
        let p63 = [Province {
            id: ProvinceId::new(Scheme::P63, 84),
            ..lists().0[0].clone()
        }];
        let header = "code,year,population,households,area_km2\n";
        assert_eq!(
            parse_population(&format!("{header}84,2022,1019000,,2390.8\n"), None, &p63)
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
            let error =
                parse_population(&format!("{header}{row}\n"), Some("p.csv"), &p63).unwrap_err();
            assert!(
                matches!(error.kind().code(), "implausible" | "invalidNumber"),
                "{row}: {error}"
            );
            assert!(error.to_string().len() < 200, "{error}");
        }
    }
}
