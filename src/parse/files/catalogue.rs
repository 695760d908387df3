//! `sources.csv`, `tables.csv`, `indicators.csv` and `editions.csv`: what the figures are and
//! where they come from.

use super::{id, province_id, unique_ids, vocabulary};
use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::model::{
    Better, Edition, Indicator, Period, Pillar, RowFilter, Source, TableFormat, TableSource, Unit,
    is_snake_case,
};
use crate::parse::table::{Schema, Table};
use crate::parse::text::{is_web_address, relative_path_problem};

/// A source id: lower-case letters, digits and hyphens (`tv-2016`, `dti-2024-p34`), with no
/// invisible character.
fn source_id(table: &Table<'_>, slot: usize) -> Result<String> {
    let id = table.id(slot)?;
    if id
        .bytes()
        .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
    {
        Ok(id.to_owned())
    } else {
        let expected = "an id of lower-case letters, digits and hyphens".into();
        Err(table.invalid(slot, id, expected))
    }
}

/// An address a reader may follow: `http` or `https` with a host, so that no `javascript:` or
/// `data:` link can reach the page.
fn web_address(table: &Table<'_>, slot: usize) -> Result<Option<String>> {
    table
        .optional(slot)
        .map(|text| {
            if is_web_address(text) {
                Ok(text.to_owned())
            } else {
                let expected = "an http:// or https:// address, or nothing".into();
                Err(table.invalid(slot, text, expected))
            }
        })
        .transpose()
}

/// A file the folder names: a plain relative path (it is checked again, against the folder,
/// when it is read).
fn relative_file(table: &Table<'_>, slot: usize) -> Result<String> {
    let file = table.required(slot)?;
    if let Some(rule) = relative_path_problem(file) {
        let path = excerpt(file);
        return Err(table.error(slot, ErrorKind::PathRefused { path, rule }));
    }
    Ok(file.to_owned())
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
        Ok(Source {
            id: source_id(t, 0)?,
            title: t.required(1)?.to_owned(),
            outlet: t.required(2)?.to_owned(),
            author: t.text(3).to_owned(),
            published: Some(t.parsed(
                4,
                || "a date YYYY-MM-DD".into(),
                |text| (text.len() == 10).then(|| text.parse().ok()).flatten(),
            )?),
            url: web_address(t, 5)?,
            province: Some(province_id(t, 6)?),
            file: relative_file(t, 7)?,
            language: t.required(8)?.to_owned(),
            table: None,
        })
    })
}

/// Column slots of `tables.csv`.
mod table_column {
    pub(super) const ID: usize = 0;
    pub(super) const TITLE: usize = 1;
    pub(super) const PUBLISHER: usize = 2;
    pub(super) const URL: usize = 3;
    pub(super) const ATTRIBUTION: usize = 4;
    pub(super) const SCHEME: usize = 5;
    pub(super) const PERIOD: usize = 6;
    pub(super) const FILE: usize = 7;
    pub(super) const FORMAT: usize = 8;
    pub(super) const ROW_KEY: usize = 9;
    pub(super) const ROW_FILTER: usize = 10;
    pub(super) const COPIED_FROM: usize = 11;
    pub(super) const LANGUAGE: usize = 12;
    pub(super) const PUBLISHED: usize = 13;
}

static TABLES: Schema = Schema {
    required: &[
        "source_id",
        "title",
        "publisher",
        "url",
        "attribution",
        "scheme",
        "period",
        "file",
        "format",
        "row_key",
        "row_filter",
        "copied_from",
        "language",
    ],
    optional: &["published"],
};

/// Reads `tables.csv`: the published tables figures are read from, as sources whose
/// [`Source::table`] says how to find a cell in the stored copy. The publisher's page is
/// required: it is what a reader follows from a figure. A table's id may not be one of the
/// `reports`' ids, since figures name their source by id alone.
pub fn parse_tables(text: &str, file: Option<&str>, reports: &[Source]) -> Result<Vec<Source>> {
    use table_column as c;
    let mut table = Table::open(text, file, &TABLES)?;
    unique_ids(&mut table, c::ID, |t| {
        let id = source_id(t, c::ID)?;
        if reports.iter().any(|report| report.id == id) {
            let expected = "an id no report of sources.csv uses".into();
            return Err(t.invalid(c::ID, &id, expected));
        }
        let url = web_address(t, c::URL)?.ok_or_else(|| {
            t.error(
                c::URL,
                ErrorKind::EmptyField {
                    column: "url".into(),
                },
            )
        })?;
        let row_filter = t
            .optional(c::ROW_FILTER)
            .map(|text| {
                text.split_once('=')
                    .filter(|(column, value)| !column.is_empty() && !value.is_empty())
                    .map(|(column, value)| RowFilter {
                        column: column.to_owned(),
                        value: value.to_owned(),
                    })
                    .ok_or_else(|| t.invalid(c::ROW_FILTER, text, "column=value, or empty".into()))
            })
            .transpose()?;
        Ok(Source {
            id,
            title: t.required(c::TITLE)?.to_owned(),
            outlet: t.required(c::PUBLISHER)?.to_owned(),
            author: String::new(),
            published: t
                .optional(c::PUBLISHED)
                .map(|_| vocabulary(t, c::PUBLISHED, || "YYYY, YYYY-MM or YYYY-MM-DD".into()))
                .transpose()?,
            url: Some(url),
            province: None,
            file: relative_file(t, c::FILE)?,
            language: t.required(c::LANGUAGE)?.to_owned(),
            table: Some(TableSource {
                format: vocabulary(t, c::FORMAT, TableFormat::expected)?,
                row_key: t.required(c::ROW_KEY)?.to_owned(),
                row_filter,
                scheme: vocabulary(t, c::SCHEME, || "p63 or p34".into())?,
                period: vocabulary::<Period>(t, c::PERIOD, || "YYYY".into())?,
                attribution: t.required(c::ATTRIBUTION)?.to_owned(),
                copied_from: t.required(c::COPIED_FROM)?.to_owned(),
            }),
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
    optional: &["methodology_vi", "methodology_en"],
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
            aggregation: vocabulary(t, 7, || "sum, mean, none or weighted_mean:<weight>".into())?,
            better: vocabulary(t, 8, Better::expected)?,
            part_of,
            definition_vi: t.required(10)?.to_owned(),
            definition_en: t.required(11)?.to_owned(),
            methodology_vi: t.text(12).to_owned(),
            methodology_en: t.text(13).to_owned(),
            editions: Vec::new(),
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

static EDITIONS: Schema = Schema {
    required: &[
        "indicator_id",
        "edition",
        "first_period",
        "last_period",
        "note_vi",
        "note_en",
    ],
    optional: &[],
};

/// Reads `editions.csv` into the indicators it names. An indicator's editions must follow one
/// another in time without overlapping, and only the last may be open-ended: a period belongs
/// to one edition at most, so a break in a series is never ambiguous.
pub fn parse_editions(text: &str, file: Option<&str>, indicators: &mut [Indicator]) -> Result<()> {
    let mut table = Table::open(text, file, &EDITIONS)?;
    while table.next()? {
        let t = &table;
        let indicator_id = t.required(0)?;
        let indicator = indicators
            .iter_mut()
            .find(|i| i.id == indicator_id)
            .ok_or_else(|| {
                t.error(
                    0,
                    ErrorKind::UnknownIndicator {
                        id: crate::error::excerpt(indicator_id),
                    },
                )
            })?;
        let year = || "a year YYYY".to_owned();
        let period = |slot| {
            t.parsed(slot, year, |text| {
                (text.len() == 4)
                    .then(|| text.parse::<Period>().ok())
                    .flatten()
            })
        };
        let first = period(2)?;
        let last = t.optional(3).map(|_| period(3)).transpose()?;
        if last.is_some_and(|last| last < first) {
            return Err(t.invalid(3, t.text(3), "a year no earlier than first_period".into()));
        }
        let edition = Edition {
            id: t.required(1)?.to_owned(),
            first,
            last,
            note_vi: t.required(4)?.to_owned(),
            note_en: t.required(5)?.to_owned(),
        };
        if let Some(previous) = indicator.editions.last() {
            let follows = previous.last.is_some_and(|end| end < first);
            if previous.id == edition.id || !follows {
                let reason = format!(
                    "edition {:?} of {} must start after edition {:?} ends, which must end",
                    edition.id, indicator.id, previous.id
                );
                return Err(t.invalid(2, t.text(2), reason));
            }
        }
        indicator.editions.push(edition);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::PathRule;
    use crate::model::Scheme;

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

    const EDITIONS_HEADER: &str = "indicator_id,edition,first_period,last_period,note_vi,note_en\n";

    fn one_index() -> Vec<Indicator> {
        let text = format!(
            "{INDICATORS_HEADER}dti,dti,digital_government,DTI,DTI,score_0_1,,mean,higher,,d,d\n"
        );
        parse_indicators(&text, Some("indicators.csv")).unwrap()
    }

    #[test]
    fn editions_attach_to_their_indicator_in_time_order() {
        let mut indicators = one_index();
        let text = format!(
            "{EDITIONS_HEADER}dti,2022,2022,2023,9 chỉ số,9 indices\ndti,2024,2024,,8 chỉ số,8 indices\n"
        );
        parse_editions(&text, Some("editions.csv"), &mut indicators).unwrap();
        let dti = &indicators[0];
        assert_eq!(dti.aggregation, crate::model::Aggregation::Mean);
        let ids: Vec<&str> = dti.editions.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["2022", "2024"]);
        let year = |y: u16| Period::year(y);
        assert_eq!(
            dti.edition_of(year(2023)).map(|e| e.id.as_str()),
            Some("2022")
        );
        assert_eq!(
            dti.edition_of(year(2030)).map(|e| e.id.as_str()),
            Some("2024")
        );
        assert_eq!(dti.edition_of(year(2020)), None);
    }

    #[test]
    fn overlapping_editions_are_refused_where_they_start() {
        let mut indicators = one_index();
        let text = format!("{EDITIONS_HEADER}dti,a,2022,2023,x,x\ndti,b,2023,,y,y\n");
        let error = parse_editions(&text, Some("editions.csv"), &mut indicators).unwrap_err();
        assert_eq!(error.position().map(|p| (p.line, p.column)), Some((3, 7)));
        let text = format!("{EDITIONS_HEADER}dti,a,2022,,x,x\ndti,b,2024,,y,y\n");
        assert!(parse_editions(&text, Some("editions.csv"), &mut one_index()).is_err());
    }

    #[test]
    fn an_edition_of_an_unknown_indicator_names_it() {
        let text = format!("{EDITIONS_HEADER}papi,a,2018,,x,x\n");
        let error = parse_editions(&text, Some("editions.csv"), &mut one_index()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "editions.csv:2:1: unknown indicator \"papi\""
        );
    }

    const TABLES_HEADER: &str = "source_id,title,publisher,url,attribution,scheme,period,file,format,row_key,row_filter,copied_from,language\n";

    #[test]
    fn reads_a_published_table() {
        let text = format!(
            "{TABLES_HEADER}papi-2018,PAPI 2018,UNDP,https://papi.org.vn,\"PAPI 2018, UNDP/CECODES\",p63,2018,tables/papi.csv,csv,province,year=2018,repo@abc,vi\n"
        );
        let sources = parse_tables(&text, Some("tables.csv"), &[]).unwrap();
        let table = sources[0].table.as_ref().unwrap();
        assert_eq!(
            table.row_filter,
            Some(RowFilter {
                column: "year".into(),
                value: "2018".into()
            })
        );
        assert_eq!(
            (table.scheme, table.format),
            (Scheme::P63, TableFormat::Csv)
        );
        assert_eq!(sources[0].province, None);
        assert_eq!(sources[0].published, None);
    }

    #[test]
    fn a_table_needs_a_web_address_a_reader_can_follow() {
        for (url, column) in [("javascript:alert(1)", 12), ("", 12)] {
            let text = format!(
                "{TABLES_HEADER}t-2018,T,P,{url},A,p63,2018,tables/t.csv,csv,province,,r,vi\n"
            );
            let error = parse_tables(&text, Some("tables.csv"), &[]).unwrap_err();
            assert_eq!(
                error.position().map(|p| (p.line, p.column)),
                Some((2, column)),
                "{error}"
            );
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
