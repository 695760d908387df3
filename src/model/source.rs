//! The reports figures are read from.

use super::observation::Period;
use super::province::ProvinceId;

/// A published report: an article, a press release, a provincial portal's page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Its id (`tv-2016`).
    pub id: String,
    /// The headline, verbatim.
    pub title: String,
    /// The publication, as printed.
    pub outlet: String,
    /// The author, as printed.
    pub author: String,
    /// The publication date.
    pub published: Period,
    /// The address the text gives for itself, if any.
    pub url: Option<String>,
    /// The province the report is about.
    pub province: ProvinceId,
    /// The report's text, relative to the data folder.
    pub file: String,
    /// Its language (`vi`).
    pub language: String,
}
