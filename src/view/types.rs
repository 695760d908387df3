//! The requests and answers of the view-ready calls. Every answer type derives its TypeScript
//! declaration in tests (`ts_rs::TS`), so the page's types cannot drift from these.
//!
//! Province ids and periods are written as text (`p63:72`, `2024`, `2024-06`); numbers are
//! `null` where there is none, never a sentinel.

use serde::{Deserialize, Serialize};

use crate::model::{Better, Origin, ProvinceId, Qualifier, Scheme};
use crate::query::PeriodSpec;

use super::charts::{MapView, RankingView, SeriesView};

/// The indicator a province view focuses on when the request names none.
pub const DEFAULT_FOCUS: &str = "dti_score";

/// The indicators of a province view's headline, in the order shown: the ministry's DTI and
/// PAPI's e-governance dimension.
pub const HEADLINE_INDICATORS: &[&str] = &["dti_score", "papi_e_governance"];

/// A request for "my province among all".
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProvinceViewSpec {
    /// The reader's province, in either list (`p63:72`, `p34:12`).
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// The indicator of the ranking, series and map ([`DEFAULT_FOCUS`] when absent).
    #[serde(default)]
    #[cfg_attr(test, ts(optional, type = "string"))]
    pub indicator: Option<String>,
    /// `latest` (default) or a year: the ranking and the map follow it.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, type = "PeriodSpec"))]
    pub period: Option<PeriodSpec>,
    /// The list to compare in; the province's own list when absent.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub scheme: Option<Scheme>,
    /// Counts per 100 000 people, for indicators that add up (see
    /// [`IndicatorAvailability::per_capita`]).
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub per_capita: Option<bool>,
}

/// The answer to a [`ProvinceViewSpec`]: the whole first screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProvinceView {
    /// The province, in the list compared (a 63-list province asked for in p34 is answered
    /// for the 2025 province it merged into).
    pub province: ProvinceSummary,
    /// The list compared.
    pub scheme: Scheme,
    /// The focus indicator.
    pub indicator: IndicatorSummary,
    /// The period answered: `latest` or the year chosen.
    pub period: String,
    /// DTI and PAPI e-governance, latest, with rank and change.
    pub headlines: Vec<Headline>,
    /// Every province of the list on the focus indicator, in rank order.
    pub ranking: RankingView,
    /// The province, its region and the nation over the years.
    pub series: SeriesView,
    /// The focus indicator on the map, or why it cannot be drawn.
    pub map: MapView,
    /// Which indicators and provinces have data.
    pub availability: Availability,
    /// The years a timeline offers for the focus indicator, oldest first.
    pub timeline: Vec<u16>,
    /// The province's own report figures, comparable ones first.
    pub report: Vec<ReportFigure>,
    /// Every source of a number shown, to credit under the views.
    pub sources: Vec<Attribution>,
    /// What a reader must know to read the views right.
    pub warnings: Vec<ViewWarning>,
    /// The reader's figures of the focus indicator that a published figure also gives for the
    /// same province and period: both figures of each, to list in a notice.
    pub conflicts: Vec<Conflict>,
}

/// A province as a view names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProvinceSummary {
    /// Its id.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub id: ProvinceId,
    /// Its short name.
    pub name: String,
    /// Its GSO region's code, for a 63-list province.
    pub region: Option<String>,
    /// For a 2025 province, the 63-list provinces it was formed from.
    #[cfg_attr(test, ts(type = "ProvinceId[]"))]
    pub merged_from: Vec<ProvinceId>,
}

/// An indicator as a view labels it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndicatorSummary {
    /// Its id.
    pub id: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// The unit of the values shown (`per_100000_people` per capita).
    pub unit: String,
    /// Decimals to show: four for index scores, as the ministry publishes them.
    pub decimals: u8,
    /// Which way is better.
    pub better: Better,
    /// Whether the values are per 100 000 people.
    pub per_capita: bool,
}

/// A rank among the provinces of a list: "k of n", with ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Place {
    /// 1-based competition rank (1, 2, 2, 4).
    pub rank: u32,
    /// Provinces of the list ranked.
    pub of: u32,
    /// Whether another province shares the rank.
    pub tied: bool,
}

/// The change of a headline figure since the previous year with a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HeadlineChange {
    /// The earlier period.
    pub from: String,
    /// Later minus earlier.
    pub absolute: f64,
    /// How certain the change is.
    pub qualifier: Qualifier,
    /// Whether a methodology edition boundary lies between the two: the change is not like
    /// for like.
    pub edition_break: bool,
    /// What changed in the method, when it did (Vietnamese, English).
    pub break_note_vi: Option<String>,
    /// English note.
    pub break_note_en: Option<String>,
}

/// One headline figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Headline {
    /// The indicator.
    pub indicator: IndicatorSummary,
    /// The latest figure, if the province has one.
    pub figure: Option<ViewFigure>,
    /// Its rank in that figure's year.
    pub place: Option<Place>,
    /// The change since the previous year.
    pub change: Option<HeadlineChange>,
}

/// How a number was arrived at, as a mark beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum FigureMark {
    /// Stated by a report or a published table.
    Published,
    /// Computed by the engine (a roll-up of former provinces, or per capita).
    Derived,
    /// A sum of only some former provinces: the true figure is at least this.
    LowerBound,
    /// An average (or other combination that does not add up) of only some former provinces:
    /// neither the figure nor a bound of it.
    Partial,
    /// From the reader's own file.
    User,
}

impl FigureMark {
    /// The mark as an answer spells it (`published`, `lowerBound` …), for a CSV column.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            FigureMark::Published => "published",
            FigureMark::Derived => "derived",
            FigureMark::LowerBound => "lowerBound",
            FigureMark::Partial => "partial",
            FigureMark::User => "user",
        }
    }
}

/// A number ready to show, with a reference to fetch its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ViewFigure {
    /// The value; `null` when a roll-up is refused.
    pub value: Option<f64>,
    /// "over", "about" … as reported, carried through derivations.
    pub qualifier: Qualifier,
    /// The period of the figure.
    pub period: String,
    /// Published, derived, lower bound or the reader's.
    pub mark: FigureMark,
    /// For a roll-up: former provinces that reported, and how many there were.
    pub reported: Option<u32>,
    /// Former provinces of a roll-up.
    pub members: Option<u32>,
    /// The source ids the figure rests on (see [`ProvinceView::sources`]).
    pub sources: Vec<String>,
    /// What to pass to `Dataset.provenance` for the quotes behind this number.
    #[serde(rename = "ref")]
    pub figure_ref: FigureRef,
}

pub use crate::query::FigureRef;

/// Which provinces and years have figures for one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndicatorAvailability {
    /// The indicator.
    pub indicator: String,
    /// Provinces of the list with a figure in some year.
    pub provinces: u32,
    /// Whether at least two of them have one, so that a comparison, a ranking or a map says
    /// something; a page says so instead of drawing a comparison of one.
    pub comparable: bool,
    /// Calendar years with a figure, oldest first.
    pub years: Vec<u16>,
    /// Whether per 100 000 people is meaningful, and so offered: the indicator adds up across
    /// provinces (rule `sum`). A per-capita request for another indicator is refused.
    pub per_capita: bool,
}

/// How many indicators one province has figures for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProvinceAvailability {
    /// The province.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// Indicators with a figure.
    pub indicators: u32,
}

/// What the pickers show beside each choice, for one list of provinces.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Availability {
    /// The list counted: a 2025 province counts the figures of the provinces it was formed
    /// from.
    pub scheme: Scheme,
    /// Every indicator, in catalogue order.
    pub indicators: Vec<IndicatorAvailability>,
    /// Every province of the list, in code order.
    pub provinces: Vec<ProvinceAvailability>,
}

/// One of the province's own report figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportFigure {
    /// The indicator.
    pub indicator: String,
    /// The province the figure describes: the one asked for, or one it was formed from.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// Whether other provinces report it too (comparable figures come first).
    pub comparable: bool,
    /// Provinces of the list reporting it.
    pub provinces: u32,
    /// The latest figure.
    pub figure: ViewFigure,
}

/// A source to credit: a report, or a published table cited by cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Attribution {
    /// The source's id.
    pub id: String,
    /// The report's or table's title.
    pub title: String,
    /// The publisher.
    pub publisher: String,
    /// For a table, how its publisher asks to be credited.
    pub table: Option<String>,
    /// Where it was read.
    pub url: Option<String>,
    /// Bundled or the reader's.
    pub origin: Origin,
}

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ViewWarningCode {
    /// The ranking mixes years (period `latest`).
    MixedPeriods,
    /// Some 2025 figures are sums of only some former provinces.
    Partial,
    /// Some 2025 figures are derived from the former provinces.
    Derived,
    /// The 2025 merger: the 34-province list is explained once.
    Merger,
    /// The series crosses a methodology change.
    MethodBreak,
    /// A reader's figure and a published one exist for the same province, indicator and
    /// period: both are shown.
    Conflict,
}

/// A reader's figure and a published one for the same province, indicator, scope and period.
/// Both are shown, each marked; neither replaces the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Conflict {
    /// The province both figures are for.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// Its short name.
    pub province_name: String,
    /// The province of the answer it shows in: the same, or for a 63-list province compared
    /// in the 34-province list, the 2025 province it merged into.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub shown_in: ProvinceId,
    /// The indicator.
    pub indicator: String,
    /// The part of the province both figures cover (`province` for the whole).
    pub scope: String,
    /// The period of both figures.
    pub period: String,
    /// The reader's figure (marked `user`).
    pub user: ViewFigure,
    /// The published figure (marked `published`).
    pub published: ViewFigure,
}

/// A warning to show with the views.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ViewWarning {
    /// What it is about; the page words it in the reader's language.
    pub code: ViewWarningCode,
    /// The provinces concerned, if any.
    #[cfg_attr(test, ts(type = "ProvinceId[]"))]
    pub provinces: Vec<ProvinceId>,
    /// The message in English, for logs and tests.
    pub message: String,
}

/// The comparison table as columns of numbers rather than one object per cell: what the
/// page's table draws, handed over as a few typed arrays instead of an object for every cell.
/// Every per-cell array is row-major (`provinces.length × indicators.length`); a code is an
/// index into its `…Codes` list. A reader opening one number asks `Dataset.provenance` with
/// the cell's address: its row's province, its column's indicator and `perCapita`, the
/// answer's `period`, and whether it is a target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DenseMatrix {
    /// The period asked for.
    #[cfg_attr(test, ts(type = "PeriodSpec"))]
    pub period: PeriodSpec,
    /// Rows, in the order asked.
    #[cfg_attr(test, ts(type = "ProvinceId[]"))]
    pub provinces: Vec<ProvinceId>,
    /// Each column's indicator, in the order asked. Its names and which way is better are the
    /// catalog's: an answer asked again at every change of the table does not repeat them.
    pub indicators: Vec<String>,
    /// Each column's unit as its values are given: the indicator's, or `per_100000_people`
    /// where per capita applied.
    pub units: Vec<String>,
    /// The decimals to show each column's values with.
    pub decimals: Vec<u8>,
    /// Whether each column's values are per 100 000 people (asked, and the indicator allows it).
    pub per_capita: Vec<bool>,
    /// What the reader must know to read the table right, in the order `compare` gives it.
    pub warnings: Vec<crate::compare::Warning>,
    /// Whether the cell has a figure (1) or nothing is reported (0): where it has none, the
    /// cell's entries in the other arrays mean nothing.
    #[cfg_attr(test, ts(type = "Uint8Array"))]
    pub present: Vec<bool>,
    /// Each cell's value; `NaN` where there is no figure or the figure is not a number (a
    /// partial roll-up).
    #[cfg_attr(test, ts(type = "Float64Array"))]
    pub values: Vec<f64>,
    /// For a ratio written `85/85`, the second number; `NaN` elsewhere.
    #[cfg_attr(test, ts(type = "Float64Array"))]
    pub out_of: Vec<f64>,
    /// Each cell's period, as its index in `periodCodes`.
    #[cfg_attr(test, ts(type = "Uint16Array"))]
    pub periods: Vec<u16>,
    /// Each cell's qualifier, as its index in `qualifierCodes`.
    #[cfg_attr(test, ts(type = "Uint8Array"))]
    pub qualifiers: Vec<u8>,
    /// Each cell's mark, as its index in `markCodes`.
    #[cfg_attr(test, ts(type = "Uint8Array"))]
    pub marks: Vec<u8>,
    /// Each cell's origin, as its index in `originCodes`.
    #[cfg_attr(test, ts(type = "Uint8Array"))]
    pub origins: Vec<u8>,
    /// Whether the figure is a target (1) or an achievement (0).
    #[cfg_attr(test, ts(type = "Uint8Array"))]
    pub targets: Vec<bool>,
    /// Whether the engine computed the figure (1: a roll-up, per capita) or it is as stated (0).
    #[cfg_attr(test, ts(type = "Uint8Array"))]
    pub derived: Vec<bool>,
    /// Of a derived figure, the members of its roll-up (1 for a figure per capita of a
    /// province the merger left whole); 0 elsewhere.
    #[cfg_attr(test, ts(type = "Uint16Array"))]
    pub members: Vec<u16>,
    /// Of a derived figure, the members that reported it; 0 elsewhere.
    #[cfg_attr(test, ts(type = "Uint16Array"))]
    pub reported: Vec<u16>,
    /// The periods the codes stand for.
    #[cfg_attr(test, ts(type = "string[]"))]
    pub period_codes: Vec<crate::model::Period>,
    /// The qualifiers the codes stand for.
    pub qualifier_codes: Vec<Qualifier>,
    /// The marks the codes stand for.
    pub mark_codes: Vec<FigureMark>,
    /// The origins the codes stand for.
    pub origin_codes: Vec<Origin>,
    /// The best cell of each column (its row): at most one, and none where the order is not
    /// certain (ties, mixed periods).
    pub best: Vec<Option<u32>>,
}
