//! The chart tab: the focus indicator for the provinces chosen, as bars in rank order for one
//! year or as lines over the years, with the timeline's years and the warnings. One call
//! answers it whole, so that the page asks nothing more and sorts nothing.

use std::cmp::Ordering;

use crate::compare::{CompareSpec, SeriesSpec, Warning, WarningCode, compare, series};
use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{Better, Origin, Period, Scheme};
use crate::query::{Options, PeriodSpec, Selector, has_per_capita};

use super::province::{indicator_summary, of_year, view_figure};
use super::warnings::METHOD_BREAK;
use super::{
    BreakMark, ChartBar, ChartKind, ChartLine, ChartPoint, ChartRefusal, ChartView, GraphicsSpec,
};

/// The indicator the chart and the map draw: the focus when it is one of the indicators
/// chosen, else the first chosen that has a figure, else the first chosen; `None` when none
/// is chosen. Unknown ids are refused by the calls that use it.
pub(super) fn focus_of(dataset: &Dataset, spec: &GraphicsSpec) -> Option<String> {
    if let Some(focus) = spec.focus.as_ref().filter(|f| spec.indicators.contains(f)) {
        return Some(focus.clone());
    }
    let has_figures = |id: &str| {
        dataset.require_indicator(id).is_ok_and(|i| {
            !Selector::new(dataset)
                .years_of_indicator(i, PeriodSpec::Latest, Options::default())
                .is_empty()
        })
    };
    spec.indicators
        .iter()
        .find(|id| has_figures(id))
        .or_else(|| spec.indicators.first())
        .cloned()
}

/// The years a timeline offers for `indicator`, oldest first, and the year shown: the one
/// asked, or the latest of them.
pub(super) fn timeline_of(
    dataset: &Dataset,
    indicator: u32,
    period: PeriodSpec,
) -> (Vec<u16>, Option<u16>) {
    let years = Selector::new(dataset).years_of_indicator(
        indicator,
        PeriodSpec::Latest,
        Options::default(),
    );
    let year = match period {
        PeriodSpec::Year(y) | PeriodSpec::Range(_, y) => Some(y),
        PeriodSpec::Latest => years.last().copied(),
    };
    (years, year)
}

/// The order of two bars by the indicator's direction: lowest first when lower is better,
/// highest first otherwise (an indicator that only describes is shown largest first, as its
/// ranking is). Equal values are equal: a stable sort keeps them in the order chosen.
fn bar_order(better: Better, a: f64, b: f64) -> Ordering {
    match better {
        Better::Lower => a.total_cmp(&b),
        Better::Higher | Better::None => b.total_cmp(&a),
    }
}

/// The chart tab's answer.
pub fn chart_view(dataset: &Dataset, spec: &GraphicsSpec) -> Result<ChartView> {
    let period = spec.period.unwrap_or_default();
    let mut view = ChartView {
        indicator: None,
        period: period.to_string(),
        year: None,
        timeline: Vec::new(),
        kind: ChartKind::Bars,
        bars: Vec::new(),
        lines: Vec::new(),
        periods: Vec::new(),
        breaks: Vec::new(),
        warnings: Vec::new(),
        refused: Some(ChartRefusal::NoIndicator),
    };
    let Some(focus) = focus_of(dataset, spec) else {
        return Ok(view);
    };
    let (indicator, definition) = dataset.require_definition(&focus)?;
    let per_capita_asked = spec.per_capita.unwrap_or(false);
    let per_capita = per_capita_asked && has_per_capita(&definition.aggregation);
    let scheme = spec.scheme.unwrap_or(Scheme::P63);
    let matrix = compare(
        dataset,
        &CompareSpec {
            provinces: spec.provinces.clone(),
            indicators: vec![focus.clone()],
            period,
            // Only where it means something: the option is not offered for the others, so
            // no warning about it is due either.
            per_capita,
            scheme: Some(scheme),
            targets: false,
            include_partial: false,
            references: false,
        },
    )?;
    let reference = dataset.reference();
    let name = |id| {
        reference
            .province(id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let mut bars: Vec<(f64, ChartBar)> = Vec::with_capacity(matrix.rows.len());
    for row in &matrix.rows {
        let Some(cell) = row.cells.first().and_then(Option::as_ref) else {
            continue;
        };
        let figure = &cell.figure;
        let Some(value) = figure.value else {
            continue;
        };
        bars.push((
            value,
            ChartBar {
                province: row.province,
                name: name(row.province),
                figure: view_figure(figure, cell.figure_ref.clone()),
                derived: figure.derived.is_some(),
                user: figure.origin == Origin::User,
                best: cell.best,
            },
        ));
    }
    // In rank order; the sort is stable, so that ties keep the order chosen.
    crate::order::sort_by(&mut bars, |a, b| bar_order(definition.better, a.0, b.0));
    let bars: Vec<ChartBar> = bars.into_iter().map(|(_, bar)| bar).collect();

    let (lines, periods, breaks) =
        lines_of(dataset, &matrix.rows, &focus, per_capita_asked, per_capita)?;
    let (timeline, year) = timeline_of(dataset, indicator, period);
    view.kind = if lines.iter().any(|l| l.points.len() > 1) {
        ChartKind::Lines
    } else {
        ChartKind::Bars
    };
    // Bars are drawn unless a line has two points: with no bar, that is nothing to draw, even
    // where lines of one point each (other years) exist.
    view.refused = (bars.is_empty() && (lines.is_empty() || view.kind == ChartKind::Bars))
        .then_some(ChartRefusal::NoFigures);
    view.indicator = Some(indicator_summary(definition, per_capita));
    view.year = year;
    view.timeline = timeline;
    view.bars = bars;
    view.lines = lines;
    view.periods = periods.iter().map(ToString::to_string).collect();
    view.warnings = matrix.warnings;
    // A series' breaks lie between two of its figures, so a chart of bars (one figure a line)
    // has none.
    if !breaks.is_empty() {
        view.warnings.push(Warning {
            code: WarningCode::MethodBreak,
            indicators: vec![focus],
            message: METHOD_BREAK.to_owned(),
        });
        view.breaks = breaks;
    }
    Ok(view)
}

/// Each province's line over every year, in the order chosen (a province without a figure
/// has none), every period of the lines, oldest first, and the changes of method the lines
/// cross, oldest first.
fn lines_of(
    dataset: &Dataset,
    rows: &[crate::compare::Row],
    focus: &str,
    per_capita_asked: bool,
    per_capita: bool,
) -> Result<(Vec<ChartLine>, Vec<Period>, Vec<BreakMark>)> {
    let reference = dataset.reference();
    let mut lines = Vec::new();
    let mut periods: Vec<Period> = Vec::new();
    let mut breaks: Vec<BreakMark> = Vec::new();
    for row in rows {
        let found = series(
            dataset,
            &SeriesSpec {
                province: row.province,
                indicator: focus.to_owned(),
                period: PeriodSpec::Latest,
                from: None,
                to: None,
                scheme: None,
                per_capita: per_capita_asked,
                targets: false,
            },
        )?;
        // A point's change is from the point with a value before it, the one its line comes
        // from: it says whether a change of method lies between them.
        let points: Vec<ChartPoint> = found
            .points
            .iter()
            .filter(|p| p.figure.value.is_some())
            .map(|p| ChartPoint {
                figure: view_figure(
                    &p.figure,
                    of_year(&p.figure, row.province, focus, per_capita),
                ),
                across_break: p.across_break(),
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        // A series' breaks lie between two of its figures: each is one its line crosses.
        breaks.extend(found.breaks.iter().map(BreakMark::from));
        periods.extend(
            found
                .points
                .iter()
                .filter(|p| p.figure.value.is_some())
                .map(|p| p.figure.period),
        );
        lines.push(ChartLine {
            province: row.province,
            name: reference
                .province(row.province)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            points,
        });
    }

    crate::order::sort_distinct(&mut periods);
    // One mark for each change, however many lines cross it.
    crate::order::sort_by(&mut breaks, |a, b| {
        (a.year, &a.to_edition).cmp(&(b.year, &b.to_edition))
    });
    breaks.dedup_by(|a, b| a.year == b.year && a.to_edition == b.to_edition);
    Ok((lines, periods, breaks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProvinceId;

    fn spec(provinces: &[&str], indicators: &[&str]) -> GraphicsSpec {
        GraphicsSpec {
            provinces: provinces
                .iter()
                .map(|p| p.parse().expect("a province id"))
                .collect(),
            indicators: indicators.iter().map(|&i| i.to_owned()).collect(),
            focus: None,
            period: None,
            scheme: None,
            per_capita: None,
            outlined: None,
        }
    }

    fn ids(bars: &[ChartBar]) -> Vec<String> {
        bars.iter().map(|b| b.province.to_string()).collect()
    }

    /// The bundled dataset with a reader's figures of `indicator` for 2024.
    fn with_figures(indicator: &str, figures: &[(&str, &str)]) -> Dataset {
        use std::fmt::Write as _;
        let mut text =
            String::from("observation_id,province,indicator_id,period,value,source_id\n");
        for (i, (province, value)) in figures.iter().enumerate() {
            let _ = writeln!(text, "u{i},{province},{indicator},2024,{value},mine");
        }
        Dataset::bundled()
            .and_then(|d| d.with_user_file(&text, "mine.csv"))
            .expect("the reader's file loads")
    }

    #[test]
    fn a_year_with_no_bar_is_refused_though_other_years_have_one_figure_each() -> Result<()> {
        // Each province has one figure, in 2024: no line has two points, so bars are drawn,
        // and 2023 has none of them.
        let dataset = with_figures(
            "people_per_postal_point",
            &[("p63:01", "900"), ("p63:44", "500")],
        );
        let mut asked = spec(&["p63:01", "p63:44"], &["people_per_postal_point"]);
        asked.period = Some(PeriodSpec::Year(2023));
        let view = chart_view(&dataset, &asked)?;
        assert!(view.bars.is_empty());
        assert_eq!(view.kind, ChartKind::Bars);
        assert_eq!(view.refused, Some(ChartRefusal::NoFigures));
        asked.period = Some(PeriodSpec::Year(2024));
        assert_eq!(chart_view(&dataset, &asked)?.refused, None);
        Ok(())
    }

    #[test]
    fn bars_run_highest_first_when_higher_is_better() -> Result<()> {
        let dataset = Dataset::bundled()?;
        let mut asked = spec(&["p63:72", "p63:01", "p63:44"], &["dti_score"]);
        asked.period = Some(PeriodSpec::Year(2024));
        let view = chart_view(&dataset, &asked)?;
        assert_eq!(view.bars.len(), 3);
        assert!(
            view.bars
                .windows(2)
                .all(|w| w[0].figure.value >= w[1].figure.value),
            "{:?}",
            view.bars
        );
        assert!(view.bars.iter().all(|b| b.figure.period == "2024"));
        assert_eq!(view.year, Some(2024));
        assert!(view.timeline.windows(2).all(|w| w[0] < w[1]));
        assert!(view.timeline.contains(&2024));
        Ok(())
    }

    #[test]
    fn bars_run_lowest_first_when_lower_is_better_and_ties_keep_the_order_chosen() -> Result<()> {
        let dataset = with_figures(
            "people_per_postal_point",
            &[("p63:01", "900"), ("p63:44", "500"), ("p63:72", "900")],
        );
        let mut asked = spec(
            &["p63:72", "p63:44", "p63:01"],
            &["people_per_postal_point"],
        );
        asked.period = Some(PeriodSpec::Year(2024));
        let view = chart_view(&dataset, &asked)?;
        assert_eq!(ids(&view.bars), ["p63:44", "p63:72", "p63:01"]);
        assert!(
            view.bars
                .iter()
                .all(|b| b.user && b.figure.mark == super::super::FigureMark::User)
        );
        // The other order of the tied two is kept too.
        asked.provinces.swap(0, 2);
        let view = chart_view(&dataset, &asked)?;
        assert_eq!(ids(&view.bars), ["p63:44", "p63:01", "p63:72"]);
        Ok(())
    }

    #[test]
    fn the_focus_is_the_one_chosen_or_the_first_with_figures() -> Result<()> {
        // The bundled indicators and sources, and one figure: of Trà Vinh's public internet
        // access points.
        let dataset = Dataset::with_bundled_reference(
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sources.csv")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/indicators.csv")),
            "observation_id,province,indicator_id,period,value,source_id\n\
             a,p63:84,public_internet_access_points_project,2016,62,tv-2016\n",
        )?;
        let reported = "public_internet_access_points_project";
        let mut asked = spec(&[], &["bts_stations", reported, "dti_score"]);
        assert_eq!(focus_of(&dataset, &asked).as_deref(), Some(reported));
        asked.focus = Some("dti_score".to_owned());
        assert_eq!(focus_of(&dataset, &asked).as_deref(), Some("dti_score"));
        // A focus that is not among the indicators chosen is not drawn.
        asked.focus = Some("papi_e_governance".to_owned());
        assert_eq!(focus_of(&dataset, &asked).as_deref(), Some(reported));
        // None with a figure: the first chosen, which the chart then says has none.
        let asked = spec(&["p63:84"], &["bts_stations", "dti_score"]);
        assert_eq!(focus_of(&dataset, &asked).as_deref(), Some("bts_stations"));
        assert_eq!(
            chart_view(&dataset, &asked)?.refused,
            Some(ChartRefusal::NoFigures)
        );
        assert_eq!(focus_of(&dataset, &spec(&[], &[])), None);
        Ok(())
    }

    #[test]
    fn no_indicator_and_no_figures_are_refused_with_their_reason() -> Result<()> {
        let dataset = Dataset::bundled()?;
        let view = chart_view(&dataset, &spec(&["p63:72"], &[]))?;
        assert_eq!(view.refused, Some(ChartRefusal::NoIndicator));
        assert!(view.indicator.is_none() && view.bars.is_empty());
        let dataset = with_figures("people_per_postal_point", &[("p63:01", "900")]);
        let view = chart_view(&dataset, &spec(&["p63:84"], &["people_per_postal_point"]))?;
        assert_eq!(view.refused, Some(ChartRefusal::NoFigures));
        assert!(view.bars.is_empty() && view.lines.is_empty());
        Ok(())
    }

    #[test]
    fn provinces_with_several_years_are_lines_over_every_year_oldest_first() -> Result<()> {
        let dataset = Dataset::bundled()?;
        let view = chart_view(&dataset, &spec(&["p63:44", "p63:84"], &["dti_score"]))?;
        assert_eq!(view.kind, ChartKind::Lines);
        assert_eq!(view.lines.len(), 2);
        let first: ProvinceId = "p63:44".parse().expect("an id");
        assert_eq!(view.lines[0].province, first);
        for line in &view.lines {
            assert!(
                line.points
                    .windows(2)
                    .all(|w| w[0].figure.period < w[1].figure.period)
            );
        }
        let years: Vec<u16> = view.periods.iter().filter_map(|p| p.parse().ok()).collect();
        assert_eq!(years, view.timeline);
        assert_eq!(view.year, view.timeline.last().copied());
        Ok(())
    }

    #[test]
    fn lines_across_a_change_of_method_mark_it_once_and_warn() -> Result<()> {
        let dataset = Dataset::bundled()?;
        // The DTI's method changed in 2024 (data/editions.csv); both provinces' lines cross it.
        let view = chart_view(&dataset, &spec(&["p63:44", "p63:84"], &["dti_score"]))?;
        let marks: Vec<(u16, &str, &str)> = view
            .breaks
            .iter()
            .map(|b| (b.year, b.from_edition.as_str(), b.to_edition.as_str()))
            .collect();
        assert_eq!(marks, [(2024, "2022-2023", "2024")]);
        // Each line reaches its 2024 point across it, and no other point.
        for line in &view.lines {
            let across: Vec<&str> = line
                .points
                .iter()
                .filter(|p| p.across_break)
                .map(|p| p.figure.period.as_str())
                .collect();
            assert_eq!(across, ["2024"], "{}", line.name);
        }
        let warned: Vec<WarningCode> = view.warnings.iter().map(|w| w.code).collect();
        assert!(warned.contains(&WarningCode::MethodBreak), "{warned:?}");
        // PAPI's e-governance dimension has one method: no mark, no warning.
        let papi = chart_view(
            &dataset,
            &spec(&["p63:44", "p63:84"], &["papi_e_governance"]),
        )?;
        assert_eq!(papi.kind, ChartKind::Lines);
        assert!(papi.breaks.is_empty());
        assert!(
            papi.lines
                .iter()
                .flat_map(|l| &l.points)
                .all(|p| !p.across_break)
        );
        assert!(
            papi.warnings
                .iter()
                .all(|w| w.code != WarningCode::MethodBreak)
        );
        Ok(())
    }
}
