//! The warnings a province view carries: what a reader must know to read its views right; the
//! chart tab says a change of method in the same words.

use crate::model::{ProvinceId, Scheme};

use super::{Conflict, FigureMark, RankingView, SeriesView, ViewWarning, ViewWarningCode};

/// What the warnings are decided from.
pub(super) struct Shown<'a> {
    pub(super) scheme: Scheme,
    pub(super) mixed_periods: bool,
    pub(super) ranking: &'a RankingView,
    pub(super) series: &'a SeriesView,
    pub(super) conflicts: &'a [Conflict],
}

/// What a change of method within the years shown means, in the province view's warnings and
/// the chart tab's.
pub(super) const METHOD_BREAK: &str =
    "the method changed within the years shown: changes across a break are not like for like";

fn warning(code: ViewWarningCode, provinces: Vec<ProvinceId>, message: &str) -> ViewWarning {
    ViewWarning {
        code,
        provinces,
        message: message.to_owned(),
    }
}

/// Every warning that applies, in the order shown.
pub(super) fn view_warnings(shown: &Shown<'_>) -> Vec<ViewWarning> {
    let mut warnings = Vec::new();
    if shown.mixed_periods {
        warnings.push(warning(
            ViewWarningCode::MixedPeriods,
            Vec::new(),
            "the ranking mixes years: each province's latest figure is shown",
        ));
    }
    let marked = |mark: FigureMark| -> Vec<ProvinceId> {
        shown
            .ranking
            .rows
            .iter()
            .filter(|r| r.figure.mark == mark)
            .map(|r| r.province)
            .collect()
    };
    let partial = marked(FigureMark::LowerBound);
    if !partial.is_empty() {
        warnings.push(warning(
            ViewWarningCode::Partial,
            partial,
            "some figures add up only some of the former provinces: they are lower bounds",
        ));
    }
    let partial = marked(FigureMark::Partial);
    if !partial.is_empty() {
        warnings.push(warning(
            ViewWarningCode::Partial,
            partial,
            "some figures combine only some of the former provinces: they are not the province's figure",
        ));
    }
    let derived = marked(FigureMark::Derived);
    if !derived.is_empty() {
        warnings.push(warning(
            ViewWarningCode::Derived,
            derived,
            "some figures are computed from the former provinces, not published",
        ));
    }
    if shown.scheme == Scheme::P34 {
        warnings.push(warning(
            ViewWarningCode::Merger,
            Vec::new(),
            "from 1 July 2025 the 63 provinces became 34; earlier figures are combined by each indicator's rule",
        ));
    }
    if !shown.series.breaks.is_empty() {
        warnings.push(warning(
            ViewWarningCode::MethodBreak,
            Vec::new(),
            METHOD_BREAK,
        ));
    }
    // In the list's order already: each province once is enough.
    let mut conflicts: Vec<ProvinceId> = shown.conflicts.iter().map(|c| c.shown_in).collect();
    conflicts.dedup();
    if !conflicts.is_empty() {
        warnings.push(warning(
            ViewWarningCode::Conflict,
            conflicts,
            "a figure of yours and a published one exist for the same province, indicator and period: both are shown",
        ));
    }

    warnings
}
