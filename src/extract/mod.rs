//! The extraction assistant: from a report's text to the figures it states, each with its
//! quote, for a person to confirm.
//!
//! ```text
//!   text ──tokens──▶ number-shaped tokens ──layout, reasons──▶ rejected (with a reason)
//!                                          └─qualifier, units, quote, periods, suggest──▶ candidates
//! ```
//!
//! Every number of the text comes out exactly once: as a [`Candidate`] (the number as written
//! and as a value, its qualifier, unit and counted noun, the shortest quote stating it, a period
//! hint, a target flag and ranked indicator suggestions) or as a [`Rejected`] number with the
//! [`Reason`] it is not a figure. The rules are those of Vietnamese writing (number shapes,
//! qualifier words, unit nouns, document numbers, dates, page furniture), never of a
//! particular report. The extractor proposes; it never decides: nothing here touches a
//! dataset. It depends on `parse` (Vietnamese numbers) and `model`; only the bindings and the
//! command line use it.

mod context;
mod language;
mod layout;
mod periods;
mod proposal;
mod quote;
mod reader;
mod reasons;
mod rows;
mod suggest;
mod text_tables;
mod tokens;
mod units;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Indicator, Period, Province, ProvinceId};
use crate::parse::{decode_utf8, lines_in};

pub use periods::PeriodBasis;
pub use proposal::{Candidate, Extraction, Rejected, TextSpan};
pub use reasons::Reason;
pub use rows::{
    AcceptedFigure, NewReport, OBSERVATION_HEADER, ReportRows, ReportRowsSpec, SOURCE_HEADER,
    report_rows,
};
pub use suggest::{SUGGESTIONS, Suggester, Suggestion};

/// The largest text the extractor reads, in bytes: a long article is a few tens of kilobytes,
/// a year's report a few hundred.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// The most numbers a text the extractor reads may hold, as it reads them (`1.208`, `86,18`,
/// `10/1/2024` and `749/QĐ-TTg` are one each): a year's report holds a few thousand. Every
/// number is read with up to a kilobyte of words on either side, so a text of numbers with no
/// full stop between them costs about 60 µs a number natively: a megabyte of them, 350 000
/// numbers, took 20 seconds, which the page would spend frozen. The limit keeps the worst to
/// about a second.
pub const MAX_NUMBERS: usize = 20_000;

/// What the caller knows of the report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractOptions {
    /// The publication date, which dates "đến nay" and unmarked figures.
    pub published: Option<Period>,
    /// Names of the provinces the report is *not* about (`Bắc Giang`), so that a figure of a
    /// sentence naming one of them is set aside.
    pub other_provinces: Vec<String>,
}

impl ExtractOptions {
    /// Options for a report about `province` (when known), published on `published`: the
    /// names of all other provinces of `provinces` are set aside.
    #[must_use]
    pub fn for_report(
        province: Option<ProvinceId>,
        published: Option<Period>,
        provinces: &[Province],
    ) -> Self {
        let own = province.and_then(|id| provinces.iter().find(|p| p.id == id));
        let other_provinces = match own {
            Some(own) => {
                let mut names: Vec<String> = provinces
                    .iter()
                    .filter(|p| p.name != own.name)
                    .map(|p| p.name.clone())
                    .collect();
                names.sort();
                names.dedup();
                names
            }
            None => Vec::new(),
        };
        ExtractOptions {
            published,
            other_provinces,
        }
    }
}

/// Reads a file's bytes as a report's text: UTF-8 (a leading byte-order mark is dropped), not
/// binary, at most [`MAX_TEXT_BYTES`], holding at most [`MAX_NUMBERS`] numbers.
pub fn report_text<'a>(bytes: &'a [u8], file: Option<&str>) -> Result<&'a str> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(Error::new(ErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_TEXT_BYTES as u64,
        }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(at) = binary_byte(bytes) {
        let line = bytes[..at].split(|&b| b == b'\n').count() as u64;
        let column = bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b != b'\n')
            .count() as u64
            + 1;
        return Err(Error::at(
            ErrorKind::NotText,
            crate::error::Position::new(file, line, column),
        ));
    }
    let text = decode_utf8(bytes, file)?;
    let numbers = tokens::tokens(text);
    if let Some(past) = numbers.get(MAX_NUMBERS).map(|t| t.span.start) {
        // Placed at the first number past the limit.
        let (breaks, line_text) = lines_in(&text[..past]);
        let (line, column) = (breaks + 1, line_text.chars().count() as u64 + 1);
        return Err(Error::at(
            ErrorKind::TooManyNumbers {
                count: numbers.len() as u64,
                limit: MAX_NUMBERS as u64,
            },
            crate::error::Position::new(file, line, column),
        ));
    }
    Ok(text)
}

/// The first byte that only binary files hold (NUL and other control characters but tab,
/// line breaks and form feed), if any.
fn binary_byte(bytes: &[u8]) -> Option<usize> {
    bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
}

/// Proposes the figures of a report's bytes; see [`extract`]. Non-UTF-8 or binary input is an
/// error that says where.
pub fn extract_bytes(
    bytes: &[u8],
    file: Option<&str>,
    indicators: &[Indicator],
    options: &ExtractOptions,
) -> Result<Extraction> {
    let text = report_text(bytes, file)?;
    Ok(extract(text, indicators, options))
}

/// Proposes every figure of a report's text and says why each other number is not one.
///
/// ```
/// use ict_compare::{Dataset, ExtractOptions, Qualifier, extract};
///
/// let dataset = Dataset::bundled()?;
/// let text = "Nghị quyết số 09/NQ-TU. Toàn tỉnh có 1.208 trạm BTS, trên 74% người dân sử dụng internet.";
/// let found = extract(text, dataset.indicators(), &ExtractOptions::default());
/// assert_eq!(found.candidates[0].value, 1208.0);
/// assert_eq!(found.candidates[0].suggestions[0].indicator, "bts_stations");
/// assert_eq!(found.candidates[1].qualifier, Qualifier::Over);
/// assert_eq!(found.rejected[0].written, "09/NQ-TU");
/// # Ok::<(), ict_compare::Error>(())
/// ```
#[must_use]
pub fn extract(text: &str, indicators: &[Indicator], options: &ExtractOptions) -> Extraction {
    let suggester = Suggester::new(indicators);
    extract_with(text, &suggester, options)
}

/// [`extract`] with an indicator list already read, for callers that extract many texts.
#[must_use]
pub fn extract_with(text: &str, suggester: &Suggester<'_>, options: &ExtractOptions) -> Extraction {
    reader::read(text, suggester, options)
}

#[cfg(test)]
mod tests;
