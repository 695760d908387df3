//! What the extractor hands out: candidate figures, rejected numbers and where they are.
//!
//! Plain data, serialisable for the page and the command line; the only rule here is how a
//! candidate's value reads in an indicator's unit.

use super::periods::PeriodBasis;
use super::reasons::Reason;
use super::suggest::Suggestion;
use crate::model::{Period, Qualifier, Unit};

/// A range of the text in characters (Unicode scalar values), 0-based, end exclusive: the
/// dataset's convention for offsets into source texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TextSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A number the extractor proposes as a figure.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    /// The number as written (`1.208`, `86,18`, `85/85`, `60-80`), an amount in two scales
    /// with both and its scale words (`25 tỷ 500 triệu`).
    pub written: String,
    /// Where it is written.
    pub span: TextSpan,
    /// Its value under Vietnamese rules, before any scale word (`4.822` in `4.822 triệu` is 4822).
    pub value: f64,
    /// The factor of a scale word after it (`triệu` 10^6), 1 without one.
    pub scale: f64,
    /// For a ratio `85/85`, the second number.
    pub out_of: Option<f64>,
    /// For a range `60-80`, its upper end (`value` is the lower).
    pub up_to: Option<f64>,
    /// The qualifier from the words before it.
    pub qualifier: Qualifier,
    /// The unit the words after it name (a bare number counts things).
    pub unit: Unit,
    /// What it counts, as written (`trạm BTS`); may be empty.
    pub counted: String,
    /// The shortest verbatim span of the text that states it.
    pub quote: String,
    /// Where the quote is.
    pub quote_span: TextSpan,
    /// The period it most likely refers to.
    pub period: Option<Period>,
    /// How the period was found.
    pub period_basis: PeriodBasis,
    /// Whether the text sets it as a goal.
    pub is_target: bool,
    /// Indicators it may be, best first.
    pub suggestions: Vec<Suggestion>,
    /// A rough ordering aid from 0 to 1 (not a probability): higher when the unit and noun
    /// are clear and an indicator fits well.
    pub confidence: f64,
}

impl Candidate {
    /// The value in `unit`, applying the scale word and the unit's base: `4.822 triệu đồng`
    /// is 4.822 in `vnd_billion`; `None` when the candidate's unit cannot be read as `unit`.
    #[must_use]
    pub fn value_in(&self, unit: Unit) -> Option<f64> {
        value_in(self.value, self.scale, self.unit, unit)
    }
}

/// A number the extractor does not propose, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rejected {
    /// The digits as written (`749/QĐ-TTg`, `10/09/2016`).
    pub written: String,
    /// Where they are written.
    pub span: TextSpan,
    /// Why they are not a figure.
    pub reason: Reason,
    /// The figure this one restates, for [`Reason::Restatement`]: the index of the candidate.
    pub restates: Option<usize>,
}

/// Everything the extractor found in a text.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extraction {
    /// Proposed figures, in order of appearance.
    pub candidates: Vec<Candidate>,
    /// Numbers set aside, in order of appearance.
    pub rejected: Vec<Rejected>,
}

/// A number read in unit `from` (with the factor of its scale word) expressed in unit `to`:
/// money converts between millions and billions of đồng; a bare number (a count, or a score
/// read from its decimals) reads in any unit but money and shares; otherwise the units must
/// agree.
#[must_use]
pub(super) fn value_in(value: f64, scale: f64, from: Unit, to: Unit) -> Option<f64> {
    let money = |u: Unit| matches!(u, Unit::VndBillion | Unit::VndMillion);
    if money(from) && money(to) {
        // By an exact power of ten, in one rounding: `1,1 triệu tỷ` is 1 100 000 tỷ, not
        // 1 100 000,000 000 000 2, as 1,1 × 10^15 ÷ 10^9 gives.
        let base = to.base();
        return Some(if scale >= base {
            value * (scale / base)
        } else {
            value / (base / scale)
        });
    }
    let bare = matches!(from, Unit::Count | Unit::Score0To1 | Unit::Score1To10);
    let count_reads = bare && !money(to) && to != Unit::Percent;
    (from == to || count_reads).then_some(value * scale)
}
