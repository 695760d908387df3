//! "My province among all": the first screen's answer, composed from ranks, series, averages
//! and the province's profile. Nothing here computes a figure: it picks, orders and marks.

use crate::compare::{RankSpec, Ranking, profile, rank};
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::{Indicator, Province, ProvinceId, Scheme};
use crate::query::{
    Figure, Options, PER_CAPITA_DECIMALS, PER_CAPITA_UNIT, PeriodSpec, ReferenceKind,
    ReferenceLine, Selector, has_per_capita,
};

use super::availability::availability;
use super::map::map_view;
use super::{
    Attribution, DEFAULT_FOCUS, FigureMark, FigureRef, HEADLINE_INDICATORS, IndicatorSummary,
    Place, ProvinceSummary, ProvinceView, ProvinceViewSpec, RankRow, RankingView, ReferenceMark,
    ReportFigure, ViewFigure,
};

/// The first screen for one province.
pub fn province_view(dataset: &Dataset, spec: &ProvinceViewSpec) -> Result<ProvinceView> {
    let reference = dataset.reference();
    let asked = reference.require(spec.province)?;
    let scheme = spec.scheme.unwrap_or(spec.province.scheme);
    let province = in_list(reference.provinces(), asked, scheme)?;
    let focus = spec.indicator.as_deref().unwrap_or(DEFAULT_FOCUS);
    let period = spec.period.unwrap_or_default();
    let per_capita = spec.per_capita.unwrap_or(false);
    let (indicator, definition) = dataset.require_definition(focus)?;
    // Per capita means nothing for a figure that does not add up: refused, not shown as
    // published under a per-capita label.
    if per_capita && !has_per_capita(&definition.aggregation) {
        return Err(not_per_capita(definition));
    }

    let ranked = rank(
        dataset,
        &RankSpec {
            indicator: focus.to_owned(),
            period,
            scheme: Some(scheme),
            per_capita,
            targets: false,
        },
    )?;
    let ranking = ranking_view(dataset, &ranked, indicator, province, period, per_capita);
    let series = super::series::series_view(dataset, focus, province, scheme, per_capita)?;
    // The same years as the chart's and the map tab's timelines.
    let (timeline, _) = super::chart::timeline_of(dataset, indicator, period);
    let mut map = map_view(
        dataset,
        focus,
        Some(province.id),
        scheme,
        period,
        per_capita,
        &timeline,
    )?;
    if map.refused == Some(super::MapRefusal::NoFigures)
        && ranking.rows.iter().any(|r| r.place.is_none())
    {
        map.refused = Some(super::MapRefusal::OnlyPartial);
    }
    let headlines = HEADLINE_INDICATORS
        .iter()
        .filter(|id| dataset.indicator(id).is_some())
        .map(|id| super::series::headline(dataset, id, province))
        .collect::<Result<Vec<_>>>()?;
    let availability = availability(dataset, scheme);
    let report = report_figures(dataset, province, &availability)?;

    let conflicts = super::conflict::conflicts_in_list(dataset, (indicator, focus), scheme, period);
    let warnings = super::warnings::view_warnings(&super::warnings::Shown {
        scheme,
        mixed_periods: ranked.mixed_periods,
        ranking: &ranking,
        series: &series,
        conflicts: &conflicts,
    });
    let mut shown: Vec<&ViewFigure> = ranking.rows.iter().map(|r| &r.figure).collect();
    shown.extend(headlines.iter().filter_map(|h| h.figure.as_ref()));
    shown.extend(report.iter().map(|r| &r.figure));
    let sources = attributions(dataset, &shown);

    Ok(ProvinceView {
        province: summary(province),
        scheme,
        indicator: indicator_summary(definition, per_capita),
        period: period.to_string(),
        headlines,
        ranking,
        series,
        map,
        availability,
        timeline,
        report,
        sources,
        warnings,
        conflicts,
    })
}

/// The error of a per-capita request for an indicator that does not add up across provinces.
pub(super) fn not_per_capita(definition: &Indicator) -> Error {
    Error::request(format!(
        "{}: per 100 000 people applies only to indicators that add up across provinces (rule sum); its rule is {}",
        definition.id, definition.aggregation
    ))
}

/// `asked` in `scheme`: itself, or the 2025 province a 63-list province merged into. A 2025
/// province has no single 63-list province, so it cannot be asked for in `p63`.
fn in_list<'a>(
    provinces: &'a [Province],
    asked: &'a Province,
    scheme: Scheme,
) -> Result<&'a Province> {
    if asked.id.scheme == scheme {
        return Ok(asked);
    }
    let target = match scheme {
        Scheme::P34 => asked.merged_into,
        Scheme::P63 => None,
    };
    target
        .and_then(|id| provinces.iter().find(|p| p.id == id))
        .ok_or_else(|| {
            Error::request(format!(
                "province {}: it has no single province in the {scheme} list",
                asked.id
            ))
        })
}

pub(super) fn summary(province: &Province) -> ProvinceSummary {
    ProvinceSummary {
        id: province.id,
        name: province.name.clone(),
        region: province.region.clone(),
        merged_from: province.merged_from.clone(),
    }
}

pub(super) fn indicator_summary(definition: &Indicator, per_capita: bool) -> IndicatorSummary {
    let (unit, decimals) = shown_unit(definition, per_capita);
    IndicatorSummary {
        id: definition.id.clone(),
        name_vi: definition.name_vi.clone(),
        name_en: definition.name_en.clone(),
        unit,
        decimals,
        better: definition.better,
        per_capita,
    }
}

/// The unit of an indicator's values as shown, and the decimals to show them with.
pub(super) fn shown_unit(definition: &Indicator, per_capita: bool) -> (String, u8) {
    if per_capita {
        (PER_CAPITA_UNIT.to_owned(), PER_CAPITA_DECIMALS)
    } else {
        (
            definition.unit.as_str().to_owned(),
            definition.unit.decimals(),
        )
    }
}

/// How a figure was arrived at: the reader's, published, derived, or a partial roll-up.
pub(crate) fn figure_mark(figure: &Figure) -> FigureMark {
    if figure.origin == crate::model::Origin::User {
        return FigureMark::User;
    }
    match &figure.derived {
        Some(d) if d.reported < d.members && d.rule.as_deref() == Some("sum") => {
            FigureMark::LowerBound
        }
        Some(d) if d.reported < d.members => FigureMark::Partial,
        Some(_) => FigureMark::Derived,
        None => FigureMark::Published,
    }
}

/// The address of a figure of one year: what a series point, a report's figure or a figure
/// beside a reader's one opens.
pub(super) fn of_year(
    figure: &Figure,
    province: ProvinceId,
    indicator: &str,
    per_capita: bool,
) -> FigureRef {
    let year = PeriodSpec::Year(figure.period.calendar_year());
    FigureRef::of(figure, province, indicator, year, per_capita)
}

/// A figure as a view shows it, with the address that finds it again: for a figure the view
/// chose by the period it was asked (`latest`, a range), that period, since a 2025 province's
/// figure then rolls up each former province's own latest figure.
pub(super) fn view_figure(figure: &Figure, at: FigureRef) -> ViewFigure {
    let mark = figure_mark(figure);
    let mut sources: Vec<String> = figure.provenance.iter().map(|p| p.source.clone()).collect();
    crate::order::sort_distinct(&mut sources);
    ViewFigure {
        value: figure.value,
        qualifier: figure.qualifier,
        period: figure.period.to_string(),
        mark,
        reported: figure.derived.as_ref().map(|d| d.reported as u32),
        members: figure.derived.as_ref().map(|d| d.members as u32),
        sources,
        figure_ref: at,
    }
}

fn reference_mark(line: &ReferenceLine) -> ReferenceMark {
    ReferenceMark {
        kind: line.kind,
        region: line.region.clone(),
        name_vi: line.name_vi.clone(),
        name_en: line.name_en.clone(),
        value: line.value,
        basis: line.basis,
        refused: line.refused.clone(),
        reported: line.reported as u32,
        provinces: line.provinces as u32,
    }
}

/// The ranked rows, then the lower bounds that cannot be ranked (a 2025 province whose former
/// provinces did not all report), then the national and the province's regional average.
fn ranking_view(
    dataset: &Dataset,
    ranked: &Ranking,
    indicator: u32,
    province: &Province,
    period: PeriodSpec,
    per_capita: bool,
) -> RankingView {
    let reference = dataset.reference();
    let of = ranked.entries.len() as u32;
    let name = |id: ProvinceId| {
        reference
            .province(id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    // A row's figure is found again by the period the ranking was asked, as the ranking found it.
    let asked = |province: ProvinceId, per_capita: bool, figure: &Figure| {
        FigureRef::of(figure, province, &ranked.indicator, period, per_capita)
    };
    let mut rows: Vec<RankRow> = ranked
        .entries
        .iter()
        .map(|e| RankRow {
            province: e.province,
            name: name(e.province),
            place: Some(Place {
                rank: e.rank as u32,
                of,
                tied: e.tied,
            }),
            chosen: e.province == province.id,
            uncertain_with: e.uncertain_with.clone(),
            figure: view_figure(&e.figure, asked(e.province, ranked.per_capita, &e.figure)),
            published: (e.figure.origin == crate::model::Origin::User && !ranked.per_capita)
                .then(|| {
                    super::conflict::published_beside(
                        dataset,
                        indicator,
                        e.province,
                        e.figure.period,
                    )
                })
                .flatten()
                .map(|f| {
                    let at = of_year(&f, e.province, &ranked.indicator, false);
                    view_figure(&f, at)
                }),
        })
        .collect();
    if !per_capita {
        let selector = Selector::new(dataset);
        let partial = Options {
            targets: false,
            include_partial: true,
        };
        for p in reference.provinces_of(ranked.scheme) {
            if rows.iter().any(|r| r.province == p.id) {
                continue;
            }
            let Some(figure) = selector.figure(indicator, p.id, period, partial) else {
                continue;
            };
            if figure.value.is_none() {
                continue;
            }
            rows.push(RankRow {
                province: p.id,
                name: p.name.clone(),
                place: None,
                chosen: p.id == province.id,
                uncertain_with: Vec::new(),
                figure: view_figure(&figure, asked(p.id, false, &figure)),
                published: None,
            });
        }
    }
    let references = ranked
        .references
        .lines
        .iter()
        .filter(|l| {
            l.kind == ReferenceKind::National || (l.region.is_some() && l.region == province.region)
        })
        .map(reference_mark)
        .collect();
    RankingView {
        missing: ranked
            .missing
            .saturating_sub(rows.len() - ranked.entries.len()) as u32,
        rows,
        references,
        mixed_periods: ranked.mixed_periods,
    }
}

/// The province's own figures (for a 2025 province, its own and then its former provinces'),
/// latest of each indicator, those other provinces report too first (most provinces first).
fn report_figures(
    dataset: &Dataset,
    province: &Province,
    availability: &super::Availability,
) -> Result<Vec<ReportFigure>> {
    let found = profile(dataset, province.id)?;
    let mut report: Vec<ReportFigure> = Vec::new();
    for entry in found.pillars.iter().flat_map(|p| &p.entries) {
        if entry.scope != "province" {
            continue;
        }
        let Some(latest) = entry
            .figures
            .iter()
            .filter(|f| !f.is_target && f.value.is_some())
            .max_by_key(|f| f.period)
        else {
            continue;
        };
        if report
            .iter()
            .any(|r| r.indicator == entry.indicator && r.province == entry.province)
        {
            continue;
        }
        let available = availability
            .indicators
            .iter()
            .find(|a| a.indicator == entry.indicator);
        report.push(ReportFigure {
            indicator: entry.indicator.clone(),
            province: entry.province,
            comparable: available.is_some_and(|a| a.comparable),
            provinces: available.map_or(0, |a| a.provinces),
            figure: view_figure(
                latest,
                of_year(latest, entry.province, &entry.indicator, false),
            ),
        });
    }
    // Stable: within a group, the profile's order (pillar, then the province's own first).
    crate::order::sort_by(&mut report, |a, b| {
        b.comparable
            .cmp(&a.comparable)
            .then(b.provinces.cmp(&a.provinces))
    });
    Ok(report)
}

/// The sources of the figures shown, each once, in the dataset's order.
fn attributions(dataset: &Dataset, shown: &[&ViewFigure]) -> Vec<Attribution> {
    let mut ids: Vec<&str> = shown
        .iter()
        .flat_map(|f| f.sources.iter().map(String::as_str))
        .collect();
    crate::order::sort_distinct(&mut ids);
    dataset
        .sources()
        .iter()
        .enumerate()
        .filter(|(_, s)| ids.binary_search(&s.id.as_str()).is_ok())
        .map(|(position, s)| Attribution {
            id: s.id.clone(),
            title: s.title.clone(),
            publisher: s.outlet.clone(),
            table: s.table.as_ref().map(|t| t.attribution.clone()),
            url: s.url.clone(),
            origin: dataset.source_origin(position),
        })
        .collect()
}
