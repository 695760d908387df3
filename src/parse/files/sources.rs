//! `sources.csv` and `tables.csv`: where the figures come from, reports and published tables.

use super::{province_id, unique_ids, vocabulary};
use crate::error::{ErrorKind, Position, Result, excerpt};
use crate::model::{Period, RowFilter, Source, TableFormat, TableSource};
use crate::parse::record::Record;
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

/// The slot of `sources.csv`'s `file` column.
const SOURCE_FILE: usize = 7;

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
                || {
                    let years = Period::YEARS;
                    format!(
                        "a date YYYY-MM-DD, the year from {} to {}",
                        years.start(),
                        years.end()
                    )
                },
                |text| (text.len() == 10).then(|| text.parse().ok()).flatten(),
            )?),
            url: web_address(t, 5)?,
            province: Some(province_id(t, 6)?),
            file: relative_file(t, SOURCE_FILE)?,
            language: t.required(8)?.to_owned(),
            table: None,
        })
    })
}

/// Where `sources.csv` or `tables.csv` (`list`) names the stored file of source `id`: the place to give an error about that file (missing, refused, unreadable),
/// which the folder knows only by its path. `None` when no record has that id.
#[must_use]
pub fn where_file_is_named(
    text: &str,
    file: Option<&str>,
    list: SourceList,
    id: &str,
) -> Option<Position> {
    let (schema, slot) = match list {
        SourceList::Reports => (&SOURCES, SOURCE_FILE),
        SourceList::Tables => (&TABLES, table_column::FILE),
    };
    field_of_record(text, file, schema, id, slot)
}

/// The place of field `slot` of the record of `id` in a list of sources (`text`, of `schema`).
fn field_of_record(
    text: &str,
    file: Option<&str>,
    schema: &'static Schema,
    id: &str,
    slot: usize,
) -> Option<Position> {
    let mut table = Table::open(text, file, schema).ok()?;
    while table.next().ok()? {
        if table.text(0) == id {
            return Some(table.position(slot));
        }
    }
    None
}

/// Where `tables.csv` (`text`) says how table `id` selects its rows: the field of its record
/// that names the column its rows are named by, or its filter. The place to give an error
/// about a selection the stored copy does not bear out. `None` when no record has that id.
#[must_use]
pub fn where_table_selects(
    text: &str,
    file: Option<&str>,
    id: &str,
    selection: TableSelection,
) -> Option<Position> {
    let slot = match selection {
        TableSelection::RowKey => table_column::ROW_KEY,
        TableSelection::RowFilter => table_column::ROW_FILTER,
    };
    field_of_record(text, file, &TABLES, id, slot)
}

/// How a table of `tables.csv` selects its rows in its stored copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableSelection {
    /// `row_key`: the column that names each row.
    RowKey,
    /// `row_filter`: `column=value`, the rows the table keeps.
    RowFilter,
}

/// Which list of sources a file is named in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceList {
    /// `sources.csv`: the reports.
    Reports,
    /// `tables.csv`: the published tables.
    Tables,
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
                period: vocabulary::<Period, _>(t, c::PERIOD, || "YYYY".into())?,
                attribution: t.required(c::ATTRIBUTION)?.to_owned(),
                copied_from: t.required(c::COPIED_FROM)?.to_owned(),
            }),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::PathRule;
    use crate::model::Scheme;

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
}
