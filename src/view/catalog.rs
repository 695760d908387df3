//! The choices the page offers before any view: the view it opens with, the years of the
//! period picker, how each unit is shown and each qualifier's sign. They come with the catalog,
//! so that the page orders nothing and knows no unit or qualifier itself. An indicator's
//! definition is not in the catalog: a reader asks for it ("i"), one at a time.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{Origin, ProvinceId, Qualifier, Scheme, Unit};
use crate::query::{IndicatorCoverage, PER_CAPITA_DECIMALS, PER_CAPITA_UNIT, SourceEntry};

/// How the values of one unit are shown: every unit an answer gives values in (an indicator's,
/// or per capita) has one, so that the page writes a column's heading and a value's sign by
/// reading this, never by knowing the units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UnitDisplay {
    /// The unit as answers name it (`percent`, `per_100000_people`).
    pub unit: String,
    /// At most this many decimals.
    pub decimals: u8,
    /// The words under a column's or legend's name, in Vietnamese (`trên 100 dân`); empty
    /// for a count.
    pub heading_vi: String,
    /// The same in English.
    pub heading_en: String,
    /// Written after each value, in Vietnamese (` %`: a space before the sign); empty for
    /// units said once in the heading.
    pub suffix_vi: String,
    /// The same in English (`%`).
    pub suffix_en: String,
}

/// How every unit an answer can give values in is shown.
#[must_use]
pub fn unit_displays() -> Vec<UnitDisplay> {
    let display = |unit: &str, decimals, (heading_vi, heading_en): (&str, &str)| {
        let (suffix_vi, suffix_en) = if unit == Unit::Percent.as_str() {
            (" %", "%")
        } else {
            ("", "")
        };
        UnitDisplay {
            unit: unit.to_owned(),
            decimals,
            heading_vi: heading_vi.to_owned(),
            heading_en: heading_en.to_owned(),
            suffix_vi: suffix_vi.to_owned(),
            suffix_en: suffix_en.to_owned(),
        }
    };
    Unit::ALL
        .iter()
        .map(|&unit| display(unit.as_str(), unit.decimals(), unit.heading()))
        .chain([display(
            PER_CAPITA_UNIT,
            PER_CAPITA_DECIMALS,
            ("trên 100.000 dân", "per 100,000 people"),
        )])
        .collect()
}

/// The sign a qualified value is written with (`≈ 2.500`, `> 74 %`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct QualifierDisplay {
    /// The qualifier.
    pub qualifier: Qualifier,
    /// Its sign, empty for an exact value.
    pub symbol: &'static str,
}

/// The sign of every qualifier.
#[must_use]
pub fn qualifier_displays() -> Vec<QualifierDisplay> {
    Qualifier::ALL
        .iter()
        .map(|&qualifier| QualifierDisplay {
            qualifier,
            symbol: qualifier.symbol(),
        })
        .collect()
}

/// What an indicator counts and how its figures are made, as the "i" beside its name shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndicatorDefinition {
    /// The indicator's id.
    pub indicator: String,
    /// Its definition, in Vietnamese.
    pub definition_vi: String,
    /// Its definition, in English.
    pub definition_en: String,
    /// How its figures are produced, in Vietnamese; empty for a figure read from a report.
    pub methodology_vi: String,
    /// The same in English.
    pub methodology_en: String,
}

/// The definition of indicator `id`; refused while the dataset's long texts are pending.
pub fn indicator_definition(dataset: &Dataset, id: &str) -> Result<IndicatorDefinition> {
    dataset.require_texts()?;
    let (_, x) = dataset.require_definition(id)?;
    Ok(IndicatorDefinition {
        indicator: x.id.clone(),
        definition_vi: x.definition_vi.clone(),
        definition_en: x.definition_en.clone(),
        methodology_vi: x.methodology_vi.clone(),
        methodology_en: x.methodology_en.clone(),
    })
}

/// The view a page opens with when nothing asks for another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InitialChoice {
    /// The provinces of the bundled reports (63-list), most figures first; ties in the order
    /// of the sources.
    #[cfg_attr(test, ts(type = "ProvinceId[]"))]
    pub provinces: Vec<ProvinceId>,
    /// The indicators at least two of them share, in catalogue order (the national indices
    /// cover them all); when none is shared, the first eight with figures.
    pub indicators: Vec<String>,
}

/// One year of the period picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PeriodChoice {
    /// The calendar year.
    pub year: u16,
    /// The indicators with a figure in that year, in catalogue order.
    pub indicators: Vec<String>,
}

/// The view a page opens with, from the sources and the coverage of the catalog.
#[must_use]
pub fn initial_choice(
    sources: &[SourceEntry<'_>],
    coverage: &[IndicatorCoverage],
) -> InitialChoice {
    // Each reporting province and its figures, in the sources' order.
    let mut reported: Vec<(ProvinceId, usize)> = Vec::new();
    for entry in sources {
        let source = entry.source;
        let Some(province) = source.province else {
            continue;
        };
        if entry.origin != Origin::Bundled || source.table.is_some() {
            continue;
        }
        match reported.iter_mut().find(|(p, _)| *p == province) {
            Some((_, figures)) => *figures += entry.figures,
            None => reported.push((province, entry.figures)),
        }
    }
    let shared = |c: &&IndicatorCoverage| {
        c.provinces
            .iter()
            .filter(|p| reported.iter().any(|(r, _)| r == *p))
            .count()
            >= 2
    };
    let mut indicators: Vec<String> = coverage
        .iter()
        .filter(shared)
        .map(|c| c.indicator.clone())
        .collect();
    if indicators.is_empty() {
        indicators = coverage
            .iter()
            .filter(|c| c.observations > 0)
            .take(8)
            .map(|c| c.indicator.clone())
            .collect();
    }
    // Most figures first; the sort is stable, so that equal counts keep the sources' order.
    let mut provinces: Vec<(ProvinceId, usize)> = reported.into_iter().collect();
    crate::order::sort_by(&mut provinces, |a, b| b.1.cmp(&a.1));
    InitialChoice {
        provinces: provinces
            .into_iter()
            .map(|(p, _)| p)
            .filter(|p| p.scheme == Scheme::P63)
            .collect(),
        indicators,
    }
}

/// Every year with a figure, newest first, each with the indicators that have one then.
#[must_use]
pub fn period_choices(coverage: &[IndicatorCoverage]) -> Vec<PeriodChoice> {
    let mut years: Vec<u16> = coverage
        .iter()
        .flat_map(|c| c.periods.iter().map(|p| p.calendar_year()))
        .collect();
    crate::order::sort_distinct(&mut years);
    years
        .into_iter()
        .rev()
        .map(|year| PeriodChoice {
            year,
            indicators: coverage
                .iter()
                .filter(|c| c.periods.iter().any(|p| p.calendar_year() == year))
                .map(|c| c.indicator.clone())
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::error::Result;
    use crate::query::{coverage, source_entries};

    #[test]
    fn the_opening_view_is_the_reported_provinces_most_figures_first_on_shared_indicators()
    -> Result<()> {
        let dataset = Dataset::bundled()?;
        let sources = source_entries(&dataset);
        let covered = coverage(&dataset);
        let choice = initial_choice(&sources, &covered);
        let figures = |p: ProvinceId| -> usize {
            sources
                .iter()
                .filter(|s| s.source.province == Some(p) && s.source.table.is_none())
                .map(|s| s.figures)
                .sum()
        };
        assert!(choice.provinces.len() >= 2, "{choice:?}");
        assert!(
            choice
                .provinces
                .windows(2)
                .all(|w| figures(w[0]) >= figures(w[1]))
        );
        assert!(choice.indicators.iter().any(|i| i == "dti_score"));
        for id in &choice.indicators {
            let c = covered
                .iter()
                .find(|c| &c.indicator == id)
                .expect("a covered indicator");
            let shared = choice
                .provinces
                .iter()
                .filter(|p| c.provinces.contains(p))
                .count();
            assert!(shared >= 2, "{id} is shared by {shared}");
        }
        Ok(())
    }

    #[test]
    fn the_years_run_newest_first_each_with_its_indicators() -> Result<()> {
        let dataset = Dataset::bundled()?;
        let covered = coverage(&dataset);
        let years = period_choices(&covered);
        assert!(years.windows(2).all(|w| w[0].year > w[1].year));
        let dti: Vec<u16> = years
            .iter()
            .filter(|y| y.indicators.iter().any(|i| i == "dti_score"))
            .map(|y| y.year)
            .collect();
        assert!(dti.contains(&2023) && dti.contains(&2024), "{dti:?}");
        Ok(())
    }

    #[test]
    fn every_unit_an_answer_gives_is_shown_with_words_in_both_languages() {
        let shown = unit_displays();
        let units: Vec<&str> = shown.iter().map(|u| u.unit.as_str()).collect();
        for unit in Unit::ALL {
            assert!(units.contains(&unit.as_str()), "{unit:?}");
        }
        assert!(units.contains(&PER_CAPITA_UNIT));
        assert_eq!(units.len(), Unit::ALL.len() + 1, "each once");
        for u in &shown {
            let is_count = u.unit == Unit::Count.as_str();
            assert_eq!(u.heading_vi.is_empty(), is_count, "{}", u.unit);
            assert_eq!(u.heading_en.is_empty(), is_count, "{}", u.unit);
        }
        let per_capita = shown.iter().find(|u| u.unit == PER_CAPITA_UNIT);
        assert_eq!(per_capita.map(|u| u.decimals), Some(PER_CAPITA_DECIMALS));
        let percent = shown.iter().find(|u| u.unit == "percent");
        assert_eq!(percent.map(|u| u.suffix_vi.as_str()), Some(" %"));
    }

    #[test]
    fn every_qualifier_but_exact_has_a_sign_of_its_own() {
        let shown = qualifier_displays();
        assert_eq!(shown.len(), Qualifier::ALL.len());
        for q in &shown {
            assert_eq!(
                q.symbol.is_empty(),
                q.qualifier == Qualifier::Exact,
                "{q:?}"
            );
        }
        let mut symbols: Vec<&str> = shown.iter().map(|q| q.symbol).collect();
        symbols.sort_unstable();
        symbols.dedup();
        assert_eq!(symbols.len(), shown.len(), "two qualifiers share a sign");
    }
}
