//! The answer types of the three charts of a province view: the ranked bars with their
//! reference lines, the lines over the years with their break marks, and the map with its
//! legend. Like every answer type, each derives its TypeScript declaration in tests.

use serde::Serialize;

use crate::compare::Break;
use crate::model::{ProvinceId, Qualifier};
use crate::query::{AverageBasis, ReferenceKind};

use super::types::{FigureMark, Place, ViewFigure};

/// One province of a ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RankRow {
    /// The province.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// Its short name.
    pub name: String,
    /// Its place; `null` for a lower bound, which cannot be put in order.
    pub place: Option<Place>,
    /// Whether it is the reader's province.
    pub chosen: bool,
    /// Provinces whose order relative to this one the qualifiers leave open.
    #[cfg_attr(test, ts(type = "ProvinceId[]"))]
    pub uncertain_with: Vec<ProvinceId>,
    /// The figure.
    pub figure: ViewFigure,
    /// For a reader's figure, the published figure for the same province, indicator and
    /// period, shown beside it: a reader's figure never silently replaces a published one.
    pub published: Option<ViewFigure>,
}

/// A national or regional average drawn beside a ranking or a series, never ranked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReferenceMark {
    /// National or regional.
    pub kind: ReferenceKind,
    /// The region's code, for a regional average.
    pub region: Option<String>,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// The average, or `null` when it cannot be taken (see `refused`).
    pub value: Option<f64>,
    /// How it was taken.
    pub basis: AverageBasis,
    /// Why there is no value.
    pub refused: Option<String>,
    /// Provinces that reported (k of n).
    pub reported: u32,
    /// Provinces of the group.
    pub provinces: u32,
}

/// The ranked bar chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RankingView {
    /// Provinces with a figure, first first.
    pub rows: Vec<RankRow>,
    /// Provinces of the list with no figure.
    pub missing: u32,
    /// The national average and the province's region's (others on request).
    pub references: Vec<ReferenceMark>,
    /// Whether the figures come from different years (period `latest`).
    pub mixed_periods: bool,
}

/// Whose line a series line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum LineKind {
    /// The reader's province.
    Province,
    /// The average of its region.
    Regional,
    /// The national average.
    National,
}

/// One point of a series line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LinePoint {
    /// The calendar year.
    pub year: u16,
    /// The value, or `null` for a year without one (the line breaks there).
    pub value: Option<f64>,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// How the value was arrived at; averages are marked derived.
    pub mark: FigureMark,
    /// Whether the line reaches this point across a change of method from the point before:
    /// the two are not like for like, and the segment between them is drawn apart.
    pub across_break: bool,
}

/// One line of the chart over the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SeriesLine {
    /// Province, region or nation.
    pub kind: LineKind,
    /// The label at the line's end (Vietnamese).
    pub label_vi: String,
    /// The label at the line's end (English).
    pub label_en: String,
    /// Points, oldest first.
    pub points: Vec<LinePoint>,
}

/// A change of methodology to mark on the time axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BreakMark {
    /// The first year of the new method.
    pub year: u16,
    /// The edition before.
    pub from_edition: String,
    /// The edition after.
    pub to_edition: String,
    /// What changed (Vietnamese).
    pub note_vi: String,
    /// What changed (English).
    pub note_en: String,
}

impl From<&Break> for BreakMark {
    fn from(found: &Break) -> Self {
        BreakMark {
            year: found.at.calendar_year(),
            from_edition: found.from_edition.clone(),
            to_edition: found.to_edition.clone(),
            note_vi: found.note_vi.clone(),
            note_en: found.note_en.clone(),
        }
    }
}

/// The line chart over the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SeriesView {
    /// The province first, then its region, then the nation.
    pub lines: Vec<SeriesLine>,
    /// Methodology changes within the years shown.
    pub breaks: Vec<BreakMark>,
}

/// Why a map cannot be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum MapRefusal {
    /// No province has a figure for the indicator in that year.
    NoFigures,
    /// Only one province has one: a map would compare nothing.
    OneProvince,
    /// No indicator is chosen.
    NoIndicator,
    /// The 2025 provinces have only partial figures (some former provinces did not report).
    OnlyPartial,
}

/// One province's colour on the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MapValue {
    /// The province.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// The value.
    pub value: f64,
    /// "over", "about" … as reported.
    pub qualifier: Qualifier,
    /// The figure's period.
    pub period: String,
    /// The index of its legend bin.
    pub bin: u32,
    /// How it was arrived at.
    pub mark: FigureMark,
}

/// One bin of the map's legend: values from `from` up to `to` (the last bin includes `to`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LegendBin {
    /// Lower edge (included).
    pub from: f64,
    /// Upper edge (excluded, but for the last bin).
    pub to: f64,
    /// Provinces in the bin.
    pub count: u32,
}

/// The choropleth map of the focus indicator in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MapView {
    /// The indicator drawn: always the focus indicator, never another.
    pub indicator: String,
    /// The year drawn (the latest year with figures for `latest`).
    pub year: Option<u16>,
    /// Why there is no map, when there is none.
    pub refused: Option<MapRefusal>,
    /// Provinces with a value, in rank order (first first).
    pub values: Vec<MapValue>,
    /// The legend, lowest first; every value falls in one bin.
    pub bins: Vec<LegendBin>,
    /// Decimals that show every legend edge as it is.
    pub legend_decimals: u8,
    /// The province to outline, if any.
    #[cfg_attr(test, ts(type = "ProvinceId | null"))]
    pub outlined: Option<ProvinceId>,
}
