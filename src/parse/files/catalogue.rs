//! `sources.csv` and `indicators.csv`: what the figures are and where they come from.

use super::{id, province_id, unique_ids, vocabulary};
use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::model::{Better, Indicator, Pillar, Source, Unit, is_snake_case};
use crate::parse::table::{Schema, Table};
use crate::parse::text::{is_web_address, relative_path_problem};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::PathRule;

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
