//! The requests and answers of the chart and map tabs: one request for both (the provinces and
//! indicators chosen, the focus, the year, the list), and one view-ready answer each, with the
//! bars already in rank order, the lines oldest first, the map's legend bins and the reason
//! when there is nothing to draw. Like every answer type, each derives its TypeScript
//! declaration in tests.

use serde::Serialize;

use crate::compare::{CompareSpec, Warning};

use crate::model::{ProvinceId, Scheme};
use crate::query::PeriodSpec;

use super::charts::{BreakMark, MapView};
use super::types::{IndicatorSummary, ViewFigure};

/// What the chart and map tabs are asked: the reader's choice of provinces and indicators (as
/// the table is asked it), the focus among those indicators, the year and the list.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphicsSpec {
    /// The provinces chosen (the chart's bars and lines; the map draws every province).
    pub provinces: Vec<ProvinceId>,
    /// The indicators chosen.
    pub indicators: Vec<String>,
    /// The indicator to draw, if one of `indicators`; otherwise the first of them with a figure.
    pub focus: Option<String>,
    /// `latest` (default) or a year.
    pub period: Option<PeriodSpec>,
    /// The list to draw in (`p63` when absent).
    pub scheme: Option<Scheme>,
    /// Counts per 100 000 people, for indicators that add up.
    pub per_capita: Option<bool>,
    /// The province to outline on the map, if any.
    pub outlined: Option<ProvinceId>,
}

impl GraphicsSpec {
    /// The chart's and the map's request for the choice a comparison is asked, and a focus.
    /// The page sends the one spec it sends the table, so that the three tabs draw one choice.
    #[must_use]
    pub fn of_choice(choice: CompareSpec, focus: Option<String>) -> GraphicsSpec {
        GraphicsSpec {
            provinces: choice.provinces,
            indicators: choice.indicators,
            focus,
            period: Some(choice.period),
            scheme: choice.scheme,
            per_capita: Some(choice.per_capita),
            outlined: None,
        }
    }
}

/// How the chart draws its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ChartKind {
    /// One bar per province, in rank order: no province has more than one year.
    Bars,
    /// One line per province over the years: some province has two years or more.
    Lines,
}

/// Why the chart has nothing to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ChartRefusal {
    /// No indicator is chosen.
    NoIndicator,
    /// None of the provinces chosen has a figure of the indicator.
    NoFigures,
}

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChartBar {
    /// The province.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// Its short name.
    pub name: String,
    /// The figure: always with a value, its qualifier, period and mark.
    pub figure: ViewFigure,
    /// Whether the engine computed it (a roll-up or per capita) rather than a report stating it.
    pub derived: bool,
    /// Whether it comes from the reader's own file.
    pub user: bool,
    /// Whether it is the best of the bars, with certainty (same year, qualifiers that allow it).
    pub best: bool,
}

/// One province's line over the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChartLine {
    /// The province.
    #[cfg_attr(test, ts(type = "ProvinceId"))]
    pub province: ProvinceId,
    /// Its short name.
    pub name: String,
    /// Its figures with a value, oldest first.
    pub points: Vec<ChartPoint>,
}

/// One point of a province's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChartPoint {
    /// The figure: always with a value.
    pub figure: ViewFigure,
    /// Whether the line reaches it across a change of method from the point before: the two
    /// are not like for like, and the segment between them is drawn apart.
    pub across_break: bool,
}

/// The chart tab's answer: everything it draws, or why it draws nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChartView {
    /// The indicator drawn, with its unit and decimals; `null` when none is chosen.
    pub indicator: Option<IndicatorSummary>,
    /// The period asked: `latest` or a year.
    pub period: String,
    /// The timeline's year: the one asked, or the indicator's latest.
    pub year: Option<u16>,
    /// The years the timeline offers, oldest first.
    pub timeline: Vec<u16>,
    /// Bars or lines.
    pub kind: ChartKind,
    /// The provinces with a figure of the year asked, in rank order by the indicator's
    /// direction (lowest first when lower is better); ties keep the order the provinces were
    /// chosen in.
    pub bars: Vec<ChartBar>,
    /// The provinces with a figure in some year, in the order chosen.
    pub lines: Vec<ChartLine>,
    /// Every period of the lines, oldest first: the time axis.
    pub periods: Vec<String>,
    /// The changes of method that a line crosses, oldest first: its figures on either side of
    /// one are not like for like. None for bars, which are all of one year.
    pub breaks: Vec<BreakMark>,
    /// What a reader must know to read the chart right.
    pub warnings: Vec<Warning>,
    /// Why there is nothing to draw.
    pub refused: Option<ChartRefusal>,
}

/// The map tab's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MapTabView {
    /// The indicator drawn; `null` when none is chosen.
    pub indicator: Option<IndicatorSummary>,
    /// The list whose boundaries are drawn.
    pub scheme: Scheme,
    /// The values (in rank order, first first), the legend's bins (the highest drawn
    /// darkest), or why there is no map.
    pub map: MapView,
    /// The years the timeline offers, oldest first (none when no indicator is chosen).
    pub timeline: Vec<u16>,
    /// The year `latest` maps: the latest year of the timeline that has a map, so that the
    /// timeline's stop for `latest` is the year drawn for it.
    pub latest: Option<u16>,
}
