//! The lines over the years of a province view (the province, its region, the nation, with
//! the method's breaks) and its headline figures (latest value, rank in its year, change since
//! the previous year), read from the engine's series and ranks.

use crate::compare::{RankSpec, SeriesSpec, rank, series};
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::{Province, Scheme};
use crate::query::{PeriodSpec, ReferenceKind, ReferenceLine};

use super::province::{figure_mark, indicator_summary, of_year, view_figure};
use super::{
    BreakMark, FigureMark, Headline, HeadlineChange, LineKind, LinePoint, Place, SeriesLine,
    SeriesView,
};

/// The province, its region and the nation over every year of the indicator.
pub(super) fn series_view(
    dataset: &Dataset,
    indicator: &str,
    province: &Province,
    scheme: Scheme,
    per_capita: bool,
) -> Result<SeriesView> {
    let found = series(
        dataset,
        &SeriesSpec {
            province: province.id,
            indicator: indicator.to_owned(),
            period: PeriodSpec::Latest,
            from: None,
            to: None,
            scheme: Some(scheme),
            per_capita,
            targets: false,
        },
    )?;
    let mut breaks: Vec<BreakMark> = found.breaks.iter().map(BreakMark::from).collect();
    breaks.dedup_by(|a, b| a.year == b.year && a.to_edition == b.to_edition);
    let mut lines = vec![SeriesLine {
        kind: LineKind::Province,
        label_vi: province.name.clone(),
        label_en: province.name.clone(),
        points: found
            .points
            .iter()
            .map(|p| LinePoint {
                year: p.figure.period.calendar_year(),
                value: p.figure.value,
                qualifier: p.figure.qualifier,
                mark: figure_mark(&p.figure),
                // The change is from the point with a value before: where that is not the
                // point just before, no segment reaches this one.
                across_break: p.across_break(),
            })
            .collect(),
    }];
    for kind in [ReferenceKind::Regional, ReferenceKind::National] {
        let of_kind: Vec<&ReferenceLine> = found
            .references
            .lines
            .iter()
            .filter(|l| l.kind == kind)
            .collect();
        let Some(first) = of_kind.first() else {
            continue;
        };
        let mut points: Vec<LinePoint> = of_kind
            .iter()
            .filter_map(|l| {
                Some(LinePoint {
                    year: *l.years.iter().max()?,
                    value: l.value,
                    qualifier: crate::model::Qualifier::Exact,
                    mark: FigureMark::Derived,
                    across_break: false,
                })
            })
            .collect();
        crate::order::sort_by_key(&mut points, |p| p.year);
        points.dedup_by_key(|p| p.year);
        // An average crosses the province's changes of method where its years do: it is the
        // same indicator, averaged year by year.
        for i in 1..points.len() {
            let (before, year) = (points[i - 1].year, points[i].year);
            points[i].across_break = breaks.iter().any(|b| before < b.year && b.year <= year);
        }
        lines.push(SeriesLine {
            kind: match kind {
                ReferenceKind::Regional => LineKind::Regional,
                ReferenceKind::National => LineKind::National,
            },
            label_vi: first.name_vi.clone(),
            label_en: first.name_en.clone(),
            points,
        });
    }
    Ok(SeriesView { lines, breaks })
}

/// One headline: the latest figure, its rank in its year, and the change since the previous
/// figure (with the break flag when an edition boundary lies between).
pub(super) fn headline(dataset: &Dataset, id: &str, province: &Province) -> Result<Headline> {
    let definition = dataset
        .indicator(id)
        .ok_or_else(|| Error::request(format!("no indicator {id}")))?;
    let scheme = province.id.scheme;
    let found = series(
        dataset,
        &SeriesSpec {
            province: province.id,
            indicator: id.to_owned(),
            period: PeriodSpec::Latest,
            from: None,
            to: None,
            scheme: Some(scheme),
            per_capita: false,
            targets: false,
        },
    )?;
    let latest = found.points.iter().rev().find(|p| p.figure.value.is_some());
    let Some(latest) = latest else {
        return Ok(Headline {
            indicator: indicator_summary(definition, false),
            figure: None,
            place: None,
            change: None,
        });
    };
    let year = latest.figure.period.calendar_year();
    let ranked = rank(
        dataset,
        &RankSpec {
            indicator: id.to_owned(),
            period: PeriodSpec::Year(year),
            scheme: Some(scheme),
            per_capita: false,
            targets: false,
        },
    )?;
    let of = ranked.entries.len() as u32;
    let place = ranked
        .entries
        .iter()
        .find(|e| e.province == province.id)
        .map(|e| Place {
            rank: e.rank as u32,
            of,
            tied: e.tied,
        });
    let change = latest.change.as_ref().map(|c| HeadlineChange {
        from: c.from.to_string(),
        absolute: c.absolute,
        qualifier: c.qualifier,
        edition_break: c.edition_break.is_some(),
        break_note_vi: c.edition_break.as_ref().map(|b| b.note_vi.clone()),
        break_note_en: c.edition_break.as_ref().map(|b| b.note_en.clone()),
    });
    Ok(Headline {
        indicator: indicator_summary(definition, false),
        figure: Some(view_figure(
            &latest.figure,
            of_year(&latest.figure, province.id, id, false),
        )),
        place,
        change,
    })
}
