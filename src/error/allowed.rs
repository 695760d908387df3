//! What a field allows, as data, for the refusals a reader's own file meets most (a period, a
//! qualifier, `is_target`, a province id, a figure's number): the page words them in the
//! reader's language from the rule; the rest are English words, as the command line prints
//! them all.

use crate::model::Period;
use std::fmt;

/// What a field allows ([`super::ErrorKind::InvalidValue`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "rule", rename_all = "camelCase")]
#[non_exhaustive]
pub enum Allowed {
    /// A period: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Period,
    /// One of a vocabulary's codes.
    OneOf {
        /// The codes, comma-separated as written in a file (`exact, about, over`).
        codes: String,
    },
    /// `true` or `false`.
    Flag,
    /// A province id: `p63:84`, `p34:80`.
    ProvinceId,
    /// A figure rests on a quote or on a table cell, not on both.
    QuoteOrCell,
    /// A number without thousands separators, `.` for decimals.
    PlainNumber,
    /// A whole number, for a count.
    WholeCount {
        /// The value as found (`1.3`), perhaps a count in thousands.
        found: String,
        /// That count written whole (`1300`).
        written: String,
    },
    /// Anything else, in English words.
    Words {
        /// The words.
        text: String,
    },
}

impl fmt::Display for Allowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Allowed::Period => write!(
                f,
                "YYYY, YYYY-MM or YYYY-MM-DD, the year from {} to {}",
                Period::YEARS.start(),
                Period::YEARS.end()
            ),
            Allowed::OneOf { codes } => f.write_str(codes),
            Allowed::Flag => f.write_str("true or false"),
            Allowed::ProvinceId => f.write_str("a province id such as p63:84 or p34:80"),
            Allowed::QuoteOrCell => {
                f.write_str("a figure rests on a quote or on a table cell, not on both")
            }
            Allowed::PlainNumber => {
                f.write_str("a number without thousands separators, `.` for decimals (1234567.5)")
            }
            Allowed::WholeCount { found, written } => write!(
                f,
                "a whole number for a count (write {written} for {found} thousand)"
            ),
            Allowed::Words { text } => f.write_str(text),
        }
    }
}
