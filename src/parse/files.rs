//! The dataset's file formats: which columns each has and how each field is read.
//!
//! This is the only code that knows column names. Each function reads one file into model
//! values; cross-file checks (does this indicator exist?) are left to the caller, which gets
//! the [`Table`] to place its errors. Formats are documented in `data/README.md`.

use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::model::{
    Better, Indicator, Period, Pillar, Province, ProvinceId, Qualifier, Region, Scheme, Source,
    Unit, is_snake_case,
};
use crate::parse::table::{Schema, Table};
use crate::parse::text::{is_web_address, relative_path_problem};

fn vocabulary<T: std::str::FromStr>(
    table: &Table<'_>,
    slot: usize,
    expected: impl FnOnce() -> String,
) -> Result<T> {
    table.parsed(slot, expected, |text| text.parse().ok())
}

fn province_id(table: &Table<'_>, slot: usize) -> Result<ProvinceId> {
    let text = table.id(slot)?;
    text.parse()
        .map_err(|()| table.invalid(slot, text, "a province id such as p63:84 or p34:80".into()))
}

fn id(table: &Table<'_>, slot: usize) -> Result<String> {
    let text = table.id(slot)?;
    if is_snake_case(text) {
        Ok(text.to_owned())
    } else {
        Err(table.invalid(slot, text, "lower snake_case ASCII".into()))
    }
}

/// A GSO code as the reference files write it: two digits, leading zero.
fn code(table: &Table<'_>, slot: usize) -> Result<u8> {
    table.parsed(
        slot,
        || "a two-digit GSO code".into(),
        |text| {
            (text.len() == 2)
                .then(|| text.parse().ok())
                .flatten()
                .filter(|&code| code > 0)
        },
    )
}

/// Collects rows, refusing a repeated id; `first_line` names where the id was first seen.
fn unique_ids<T>(
    table: &mut Table<'_>,
    id_slot: usize,
    mut read: impl FnMut(&Table<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut seen = std::collections::HashMap::new();
    let mut rows = Vec::new();
    while table.next()? {
        let id = table.required(id_slot)?.to_owned();
        if let Some(&first_line) = seen.get(&id) {
            return Err(table.error(id_slot, ErrorKind::DuplicateId { id, first_line }));
        }
        seen.insert(id, table.line());
        rows.push(read(table)?);
    }
    Ok(rows)
}

pub(crate) static SOURCES: Schema = Schema {
    required: &[
        "source_id",
        "title",
        "outlet",
        "author",
        "published",
        "url",
        "province",
        "file",
        "language",
    ],
    optional: &[],
};

/// Reads `sources.csv`.
pub fn parse_sources(text: &str, file: Option<&str>) -> Result<Vec<Source>> {
    let mut table = Table::open(text, file, &SOURCES)?;
    unique_ids(&mut table, 0, |t| {
        let id = t.id(0)?;
        if !id
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
        {
            let expected = "an id of lower-case letters, digits and hyphens".into();
            return Err(t.invalid(0, id, expected));
        }
        let url = t.optional(5);
        if let Some(url) = url
            && !is_web_address(url)
        {
            let expected = "an http:// or https:// address, or nothing".into();
            return Err(t.invalid(5, url, expected));
        }
        let file = t.required(7)?;
        if let Some(rule) = relative_path_problem(file) {
            let path = excerpt(file);
            return Err(t.error(7, ErrorKind::PathRefused { path, rule }));
        }
        Ok(Source {
            id: id.to_owned(),
            title: t.required(1)?.to_owned(),
            outlet: t.required(2)?.to_owned(),
            author: t.text(3).to_owned(),
            published: t.parsed(
                4,
                || "a date YYYY-MM-DD".into(),
                |text| (text.len() == 10).then(|| text.parse().ok()).flatten(),
            )?,
            url: url.map(str::to_owned),
            province: province_id(t, 6)?,
            file: file.to_owned(),
            language: t.required(8)?.to_owned(),
        })
    })
}

static INDICATORS: Schema = Schema {
    required: &[
        "indicator_id",
        "family",
        "pillar",
        "name_vi",
        "name_en",
        "unit",
        "denominator",
        "aggregation",
        "better",
        "part_of",
        "definition_vi",
        "definition_en",
    ],
    optional: &[],
};

/// Reads `indicators.csv`. A `part_of` naming no indicator of the file is an error.
pub fn parse_indicators(text: &str, file: Option<&str>) -> Result<Vec<Indicator>> {
    let mut table = Table::open(text, file, &INDICATORS)?;
    let mut part_of_places = Vec::new();
    let indicators = unique_ids(&mut table, 0, |t| {
        let part_of = t.optional_id(9)?.map(str::to_owned);
        if part_of.is_some() {
            part_of_places.push(t.position(9));
        }
        Ok(Indicator {
            id: id(t, 0)?,
            family: id(t, 1)?,
            pillar: vocabulary(t, 2, Pillar::expected)?,
            name_vi: t.required(3)?.to_owned(),
            name_en: t.required(4)?.to_owned(),
            unit: vocabulary(t, 5, Unit::expected)?,
            denominator: t
                .optional_id(6)?
                .map(|text| {
                    is_snake_case(text).then(|| text.to_owned()).ok_or_else(|| {
                        t.invalid(6, text, "lower snake_case ASCII, or empty".into())
                    })
                })
                .transpose()?,
            aggregation: vocabulary(t, 7, || "sum, none or weighted_mean:<weight>".into())?,
            better: vocabulary(t, 8, Better::expected)?,
            part_of,
            definition_vi: t.required(10)?.to_owned(),
            definition_en: t.required(11)?.to_owned(),
        })
    })?;
    let positions: std::collections::HashMap<&str, usize> = indicators
        .iter()
        .enumerate()
        .map(|(i, indicator)| (indicator.id.as_str(), i))
        .collect();
    let mut places = part_of_places.into_iter();
    for (start, indicator) in indicators.iter().enumerate() {
        let Some(total) = &indicator.part_of else {
            continue;
        };
        let at = |kind: ErrorKind, place: Option<crate::error::Position>| match place {
            Some(position) => Error::at(kind, position),
            None => Error::new(kind),
        };
        let place = places.next();
        if !positions.contains_key(total.as_str()) {
            let kind = ErrorKind::UnknownIndicator { id: total.clone() };
            return Err(at(kind, place));
        }
        if let Some(cycle) = part_of_cycle(&indicators, &positions, start) {
            return Err(at(ErrorKind::PartOfCycle { cycle }, place));
        }
    }
    Ok(indicators)
}

/// The cycle of `part_of` links through indicator `start`, if its totals lead back to it.
fn part_of_cycle(
    indicators: &[Indicator],
    positions: &std::collections::HashMap<&str, usize>,
    start: usize,
) -> Option<Vec<String>> {
    let mut path = vec![indicators.get(start)?.id.clone()];
    let mut current = start;
    // A chain longer than the list has repeated itself; one that never returns to `start`
    // either ends or circles elsewhere, and is reported from an indicator of that circle.
    for _ in 0..indicators.len() {
        let total = indicators.get(current)?.part_of.as_deref()?;
        current = *positions.get(total)?;
        path.push(total.to_owned());
        if current == start {
            return Some(path);
        }
    }
    None
}

/// Column slots of `observations.csv`, for callers that place their own errors.
pub mod observation_column {
    /// `province`
    pub const PROVINCE: usize = 0;
    /// `indicator_id`
    pub const INDICATOR: usize = 1;
    /// `period`
    pub const PERIOD: usize = 2;
    /// `value`
    pub const VALUE: usize = 3;
    /// `source_id`
    pub const SOURCE: usize = 4;
    /// `observation_id`
    pub const ID: usize = 5;
    /// `out_of`
    pub const OUT_OF: usize = 6;
    /// `qualifier`
    pub const QUALIFIER: usize = 7;
    /// `is_target`
    pub const IS_TARGET: usize = 8;
    /// `scope`
    pub const SCOPE: usize = 9;
    /// `quote`
    pub const QUOTE: usize = 10;
    /// `note`
    pub const NOTE: usize = 11;
}

/// `observation_id` is optional so that a long file of figures (a benchmark, an export from
/// another system) can be read without inventing ids; the bundled data always has them.
static OBSERVATIONS: Schema = Schema {
    required: &["province", "indicator_id", "period", "value", "source_id"],
    optional: &[
        "observation_id",
        "out_of",
        "qualifier",
        "is_target",
        "scope",
        "quote",
        "note",
    ],
};

/// One row of `observations.csv`, its text borrowed from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRow<'a> {
    /// `observation_id`, empty when the file has none.
    pub id: &'a str,
    /// `province`.
    pub province: ProvinceId,
    /// `indicator_id`, not yet checked against the indicator list.
    pub indicator: &'a str,
    /// `period`.
    pub period: Period,
    /// `value`.
    pub value: f64,
    /// `out_of`.
    pub out_of: Option<f64>,
    /// `qualifier`, `exact` when absent.
    pub qualifier: Qualifier,
    /// `is_target`, `false` when absent.
    pub is_target: bool,
    /// `scope`, `province` when absent.
    pub scope: &'a str,
    /// `source_id`, not yet checked against the source list.
    pub source: &'a str,
    /// `quote`, possibly empty.
    pub quote: &'a str,
    /// `note`, possibly empty.
    pub note: &'a str,
}

/// Reads `observations.csv`, calling `sink` with each row and the table (to place errors).
/// Values that are impossible whatever the indicator (negative, or above `out_of`) are refused
/// here; unit checks need the indicator list and are the caller's.
pub fn parse_observations(
    text: &str,
    file: Option<&str>,
    mut sink: impl FnMut(&Table<'_>, ObservationRow<'_>) -> Result<()>,
) -> Result<()> {
    use observation_column as c;
    let mut table = Table::open(text, file, &OBSERVATIONS)?;
    while table.next()? {
        let t = &table;
        let value = t.number(c::VALUE)?;
        if value < 0.0 {
            let reason = "figures are counts, shares or amounts, never negative".into();
            return Err(t.error(c::VALUE, ErrorKind::Implausible { value, reason }));
        }
        let out_of = t.optional_number(c::OUT_OF)?;
        if let Some(whole) = out_of
            && !(whole > 0.0 && value <= whole)
        {
            let reason = format!("a part of {whole} must lie between 0 and {whole}");
            return Err(t.error(c::VALUE, ErrorKind::Implausible { value, reason }));
        }
        let row = ObservationRow {
            id: t.optional_id(c::ID)?.unwrap_or(""),
            province: province_id(t, c::PROVINCE)?,
            indicator: t.id(c::INDICATOR)?,
            period: vocabulary(t, c::PERIOD, || "YYYY, YYYY-MM or YYYY-MM-DD".into())?,
            value,
            out_of,
            qualifier: match t.optional(c::QUALIFIER) {
                None => Qualifier::Exact,
                Some(_) => vocabulary(t, c::QUALIFIER, Qualifier::expected)?,
            },
            is_target: match t.optional(c::IS_TARGET) {
                None | Some("false") => false,
                Some("true") => true,
                Some(other) => return Err(t.invalid(c::IS_TARGET, other, "true or false".into())),
            },
            scope: t.optional(c::SCOPE).unwrap_or("province"),
            source: t.id(c::SOURCE)?,
            quote: t.text(c::QUOTE),
            note: t.text(c::NOTE),
        };
        sink(t, row)?;
    }
    Ok(())
}

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
                let reason = format!("a province's {what} lies between {low} and {high:e}");
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
    use crate::error::PathRule;

    const OBSERVATIONS_HEADER: &str = "observation_id,province,indicator_id,period,value,out_of,qualifier,is_target,scope,source_id,quote,note\n";

    fn rows(body: &str) -> Result<Vec<String>> {
        let text = format!("{OBSERVATIONS_HEADER}{body}");
        let mut out = Vec::new();
        parse_observations(&text, Some("observations.csv"), |_, row| {
            out.push(format!(
                "{} {} {} {} {:?} {}",
                row.province, row.indicator, row.period, row.value, row.out_of, row.qualifier
            ));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn reads_an_observation_with_every_column() {
        let got = rows(
            "qb-2023-001,p63:44,lan_share,2022,98.7,,over,false,province,qb-2023,\"trên 98,7%\",\n",
        )
        .unwrap();
        assert_eq!(got, ["p63:44 lan_share 2022 98.7 None over"]);
    }

    #[test]
    fn keeps_both_numbers_of_a_ratio() {
        let got =
            rows("x-1,p63:44,communes,2022,151,151,exact,false,province,qb-2023,151/151 xã,\n")
                .unwrap();
        assert_eq!(got, ["p63:44 communes 2022 151 Some(151.0) exact"]);
    }

    #[test]
    fn rejects_a_bare_province_code() {
        let error = rows("x-1,84,bts,2022,1,,exact,false,province,s,q,\n").unwrap_err();
        assert_eq!(error.position().map(|p| (p.line, p.column)), Some((2, 5)));
        assert!(error.to_string().contains("p63:84"), "{error}");
    }

    #[test]
    fn rejects_negative_and_over_whole_values() {
        let error = rows("x-1,p63:84,bts,2022,-5,,exact,false,province,s,q,\n").unwrap_err();
        assert_eq!(error.kind().code(), "implausible");
        let error = rows("x-1,p63:84,bts,2022,90,85,exact,false,province,s,q,\n").unwrap_err();
        assert_eq!(error.kind().code(), "implausible");
    }

    #[test]
    fn rejects_unknown_qualifier_with_the_allowed_list() {
        let error = rows("x-1,p63:84,bts,2022,5,,roughly,false,province,s,q,\n").unwrap_err();
        assert!(
            error.to_string().contains("expected exact, over, at_least"),
            "{error}"
        );
    }

    #[test]
    fn minimal_user_file_needs_only_the_required_columns() {
        let text = "province,indicator_id,period,value,source_id,observation_id\np63:01,bts,2024,12,mine,a\n";
        let mut count = 0;
        parse_observations(text, None, |_, row| {
            assert_eq!(
                (row.qualifier, row.is_target, row.scope),
                (Qualifier::Exact, false, "province")
            );
            count += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(count, 1);
    }

    const INDICATORS_HEADER: &str = "indicator_id,family,pillar,name_vi,name_en,unit,denominator,aggregation,better,part_of,definition_vi,definition_en\n";

    fn indicator_rows(part_of: &[(&str, &str)]) -> String {
        let mut text = INDICATORS_HEADER.to_owned();
        for (id, total) in part_of {
            text += &[
                *id,
                "f,infrastructure,A,A,count,,sum,higher",
                total,
                "d,d\n",
            ]
            .join(",");
        }
        text
    }

    #[test]
    fn a_part_of_cycle_is_refused_with_its_links() {
        let text = indicator_rows(&[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]);
        let error = parse_indicators(&text, Some("indicators.csv")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "indicators.csv:2:42: `part_of` goes round in a circle: a → b → c → a"
        );
        let error = parse_indicators(&indicator_rows(&[("a", "a")]), None).unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::PartOfCycle {
                cycle: vec!["a".into(), "a".into()]
            }
        );
        let chain = indicator_rows(&[("a", "b"), ("b", "c"), ("c", "")]);
        assert_eq!(parse_indicators(&chain, None).unwrap().len(), 3);
    }

    const SOURCES_HEADER: &str =
        "source_id,title,outlet,author,published,url,province,file,language\n";

    fn source(url: &str, file: &str) -> Result<Vec<Source>> {
        let text = format!("{SOURCES_HEADER}tv-2016,T,O,A,2016-09-10,{url},p63:84,{file},vi\n");
        parse_sources(&text, Some("sources.csv"))
    }

    #[test]
    fn a_source_links_only_to_web_addresses() {
        assert!(source("https://baotravinh.vn/a-1.html", "sources/a.txt").is_ok());
        assert!(source("HTTP://example.vn/", "sources/a.txt").is_ok());
        assert!(source("", "sources/a.txt").is_ok());
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            " javascript:alert(1)",
            "https://",
            "https:///x",
            "//example.vn/",
            "https://a b",
            "https://a\u{202e}b",
        ] {
            let error = source(&format!("\"{url}\""), "sources/a.txt").unwrap_err();
            assert_eq!(error.kind().code(), "invalidValue", "{url}");
            assert!(error.to_string().contains("http:// or https://"), "{error}");
            assert_eq!(error.position().map(|p| p.line), Some(2), "{url}");
        }
    }

    #[test]
    fn a_source_file_is_a_plain_relative_path() {
        assert!(source("", "sources/tv-2016.txt").is_ok());
        for (file, rule) in [
            ("/etc/passwd", PathRule::Relative),
            ("\\\\host\\share", PathRule::Relative),
            ("C:\\x.txt", PathRule::PlainCharacters),
            ("sources\\x.txt", PathRule::PlainCharacters),
            ("sources/\u{200b}x.txt", PathRule::PlainCharacters),
            ("../etc/passwd", PathRule::NoParent),
            ("sources/../../x", PathRule::NoParent),
            ("sources//x", PathRule::NoParent),
            ("./x", PathRule::NoParent),
            ("sources/", PathRule::NoParent),
        ] {
            let error = source("", file).unwrap_err();
            assert_eq!(
                error.kind(),
                &ErrorKind::PathRefused {
                    path: file.into(),
                    rule
                },
                "{file}"
            );
            assert!(error.to_string().starts_with("sources.csv:2:"), "{error}");
        }
    }

    #[test]
    fn invisible_characters_in_observation_ids_are_refused() {
        let error = rows("qb-2023\u{200b}-001,p63:44,x,2022,1,,,,,qb-2023,q,\n").unwrap_err();
        assert_eq!(error.kind().code(), "invisibleCharacter");
        let error = rows("x-1,p63:44,x,2022,1,,,,,\u{feff}qb-2023,q,\n").unwrap_err();
        assert_eq!(error.position().map(|p| (p.line, p.column)), Some((2, 25)));
    }

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

    #[test]
    fn part_of_must_name_an_indicator() {
        let header = "indicator_id,family,pillar,name_vi,name_en,unit,denominator,aggregation,better,part_of,definition_vi,definition_en\n";
        let text = format!(
            "{header}a,f,infrastructure,A,A,count,,sum,higher,,d,d\nb,f,infrastructure,B,B,count,,sum,higher,zz,d,d\n"
        );
        let error = parse_indicators(&text, Some("indicators.csv")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "indicators.csv:3:42: unknown indicator \"zz\""
        );
    }
}
