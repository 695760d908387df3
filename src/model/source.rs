//! Where figures are read: the text of a report, or a cell of a published table.
//!
//! A report is an article or a provincial page whose figures are backed by a verbatim quote; a
//! table is a ranking or a dataset a publisher put online (the ministry's DTI pages, PAPI's
//! provincial scores), whose figures are backed by a cell: the row as published, the column,
//! and the cell's text as stored. This module describes both; reading them is `parse`'s.

use std::fmt;
use std::str::FromStr;

use super::indicator::vocabulary;
use super::observation::Period;
use super::province::{ProvinceId, Scheme};

/// A published source of figures: a report, or a table with [`Source::table`] set.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Its id (`tv-2016`, `dti-2022`, `papi-2018`).
    pub id: String,
    /// A report's headline, verbatim; a table's title.
    pub title: String,
    /// The publication that printed a report; the publisher of a table.
    pub outlet: String,
    /// The author, as printed (empty for a table).
    pub author: String,
    /// The publication date, where the source states it.
    pub published: Option<Period>,
    /// The address the text gives for itself; for a table, the publisher's page.
    pub url: Option<String>,
    /// The province a report is about; `None` for a table of every province.
    pub province: Option<ProvinceId>,
    /// The stored copy (the report's text, the table's file), relative to the data folder.
    pub file: String,
    /// Its language (`vi`).
    pub language: String,
    /// For a table, how to find its cells and whom to credit; `None` for a report.
    pub table: Option<TableSource>,
}

impl Source {
    /// Whether the figures of this source are cells of a table rather than quotes.
    #[must_use]
    pub fn is_table(&self) -> bool {
        self.table.is_some()
    }
}

vocabulary! {
    /// The format of a stored table.
    TableFormat {
        /// CSV with a header row (RFC 4180).
        Csv = "csv",
        /// A JSON array of flat objects, one per row.
        Json = "json",
    }
}

/// A published table: which rows of the stored copy it is, which column names a row, and the
/// credit every figure from it carries.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableSource {
    /// The stored copy's format.
    pub format: TableFormat,
    /// The column whose cell names a row: the province, exactly as published.
    pub row_key: String,
    /// When the copy holds several tables (PAPI's years in one file), the rows of this one.
    pub row_filter: Option<RowFilter>,
    /// The list the rows' provinces belong to.
    pub scheme: Scheme,
    /// The period the figures refer to.
    pub period: Period,
    /// The credit shown with every figure from the table ("PAPI 2018, UNDP/CECODES").
    pub attribution: String,
    /// Where the stored copy was taken from: repository, commit and path, and the terms.
    pub copied_from: String,
}

/// The rows of a stored copy whose `column` holds exactly `value`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowFilter {
    /// A column of the copy (`year`).
    pub column: String,
    /// The text its cell must hold (`2018`).
    pub value: String,
}

/// `<province>-<year>`, with a letter when the id is taken (`tv-2024b`): lower-case letters, a
/// dash, four digits, perhaps one more letter.
#[must_use]
pub fn is_source_id(text: &str) -> bool {
    text.split_once('-').is_some_and(|(place, rest)| {
        let year = rest
            .strip_suffix(|c: char| c.is_ascii_lowercase())
            .unwrap_or(rest);
        !place.is_empty()
            && place.bytes().all(|b| b.is_ascii_lowercase())
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
    })
}
