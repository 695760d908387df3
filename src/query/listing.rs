//! Long lists, a page at a time: the sources with how many figures each holds, the figures of
//! one source, what each indicator has, and what a reader's file added.
//!
//! A reader's file may hold a hundred thousand rows or twenty thousand sources; a view shows a
//! screenful. These answers let the caller ask for one page and learn the total, so that no
//! caller ever receives (or draws) a whole long list. This module reads the stored columns in
//! one pass each and knows nothing of how a page is drawn.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::model::{Observation, Origin, Period, ProvinceId, Source};

/// The longest page a request may ask for: far more than a screen, far less than a file.
pub const MAX_PAGE: usize = 500;

/// A page of sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourcePageSpec {
    /// How many sources to skip.
    #[serde(default)]
    pub offset: usize,
    /// How many to return, 1 to [`MAX_PAGE`].
    pub limit: usize,
}

/// A page of the figures of one source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FigurePageSpec {
    /// The source's id.
    pub source: String,
    /// How many figures to skip.
    #[serde(default)]
    pub offset: usize,
    /// How many to return, 1 to [`MAX_PAGE`].
    pub limit: usize,
}

/// A source with where it comes from and how many figures it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceEntry<'a> {
    /// The source itself.
    #[serde(flatten)]
    pub source: &'a Source,
    /// A bundled report, or a source named by a reader's file (whose `file` is that file).
    pub origin: Origin,
    /// How many figures of the dataset it holds.
    pub figures: usize,
}

/// One page of the sources: a reader's first (the one they have just opened is what they look
/// for), then the bundled ones, each group in load order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourcePage<'a> {
    /// How many sources there are in all.
    pub total: usize,
    /// The position of the first one returned.
    pub offset: usize,
    /// At most `limit` sources.
    pub sources: Vec<SourceEntry<'a>>,
}

/// One page of the figures of a source, in load order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FigurePage {
    /// The source's id.
    pub source: String,
    /// How many figures the source holds in all.
    pub total: usize,
    /// The position of the first one returned.
    pub offset: usize,
    /// At most `limit` figures.
    pub observations: Vec<Observation>,
}

/// What the dataset has of one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorCoverage {
    /// The indicator's id.
    pub indicator: String,
    /// How many figures.
    pub observations: usize,
    /// The provinces with a figure, in id order.
    pub provinces: Vec<ProvinceId>,
    /// The periods with a figure, oldest first.
    pub periods: Vec<Period>,
}

/// What a reader's file added to the dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserFigures {
    /// How many figures.
    pub figures: usize,
    /// How many sources the file named.
    pub sources: usize,
    /// The provinces it gives figures for, most figures first (ties in id order).
    pub provinces: Vec<ProvinceId>,
    /// The indicators it gives figures for, most figures first (ties in id order).
    pub indicators: Vec<String>,
}

fn check_limit(limit: usize) -> Result<()> {
    if (1..=MAX_PAGE).contains(&limit) {
        Ok(())
    } else {
        Err(Error::request(format!(
            "a page holds 1 to {MAX_PAGE} items, not {limit}"
        )))
    }
}

/// A page of the dataset's sources, each with its origin and number of figures.
///
/// ```
/// use ict_compare::{Dataset, SourcePageSpec, source_page};
///
/// let dataset = Dataset::bundled()?;
/// let page = source_page(&dataset, SourcePageSpec { offset: 1, limit: 2 })?;
/// assert_eq!(page.total, dataset.sources().len());
/// assert_eq!(page.sources.len(), 2);
/// assert!(page.sources.iter().all(|s| s.figures > 0));
/// # Ok::<(), ict_compare::Error>(())
/// ```
pub fn source_page(dataset: &Dataset, spec: SourcePageSpec) -> Result<SourcePage<'_>> {
    check_limit(spec.limit)?;
    let entries = source_entries(dataset);
    let total = entries.len();
    let offset = spec.offset.min(total);
    Ok(SourcePage {
        total,
        offset,
        sources: entries.into_iter().skip(offset).take(spec.limit).collect(),
    })
}

/// Every source with its origin and number of figures, a reader's first, then the bundled ones,
/// each group in load order (the catalog's list: small unless a reader's file names many sources,
/// which [`source_page`] serves a page at a time).
#[must_use]
pub fn source_entries(dataset: &Dataset) -> Vec<SourceEntry<'_>> {
    let figures = dataset.figures_by_source();
    let (mut entries, bundled): (Vec<_>, Vec<_>) = dataset
        .sources()
        .iter()
        .zip(figures)
        .enumerate()
        .map(|(i, (source, figures))| SourceEntry {
            source,
            origin: dataset.source_origin(i),
            figures,
        })
        .partition(|entry| entry.origin == Origin::User);
    entries.extend(bundled);
    entries
}

/// A page of the figures of one source.
///
/// ```
/// use ict_compare::{Dataset, FigurePageSpec, figure_page};
///
/// let dataset = Dataset::bundled()?;
/// let spec = FigurePageSpec { source: "tv-2016".into(), offset: 20, limit: 25 };
/// let page = figure_page(&dataset, &spec)?;
/// assert_eq!(page.observations.len(), page.total - 20);
/// # Ok::<(), ict_compare::Error>(())
/// ```
pub fn figure_page(dataset: &Dataset, spec: &FigurePageSpec) -> Result<FigurePage> {
    check_limit(spec.limit)?;
    let position = dataset
        .sources()
        .iter()
        .position(|s| s.id == spec.source)
        .ok_or_else(|| {
            Error::new(ErrorKind::UnknownSource {
                id: excerpt(&spec.source),
            })
        })?;
    let rows = dataset
        .rows()
        .enumerate()
        .filter(|(_, row)| row.source as usize == position)
        .map(|(row, _)| row);
    let mut total = 0;
    let mut observations = Vec::new();
    for row in rows {
        if total >= spec.offset
            && observations.len() < spec.limit
            && let Some(observation) = dataset.observation(row)
        {
            observations.push(observation);
        }
        total += 1;
    }
    Ok(FigurePage {
        source: spec.source.clone(),
        total,
        offset: spec.offset,
        observations,
    })
}

/// What each indicator has, in indicator order: one pass over the stored columns.
#[must_use]
pub fn coverage(dataset: &Dataset) -> Vec<IndicatorCoverage> {
    let indicators = dataset.indicators();
    let mut counts = vec![0_usize; indicators.len()];
    let mut provinces: Vec<Vec<u16>> = vec![Vec::new(); indicators.len()];
    let mut periods: Vec<Vec<Period>> = vec![Vec::new(); indicators.len()];
    for row in dataset.rows() {
        let i = row.indicator as usize;
        if let (Some(count), Some(p), Some(t)) =
            (counts.get_mut(i), provinces.get_mut(i), periods.get_mut(i))
        {
            *count += 1;
            // Rows of one file mostly repeat their neighbours: skip the obvious repeats here,
            // sort and deduplicate once below.
            if p.last() != Some(&row.province) {
                p.push(row.province);
            }
            if t.last() != Some(&row.period) {
                t.push(row.period);
            }
        }
    }
    let reference = dataset.reference();
    indicators
        .iter()
        .zip(counts)
        .zip(provinces.into_iter().zip(periods))
        .map(|((indicator, observations), (mut p, mut t))| {
            crate::order::sort_distinct(&mut p);
            crate::order::sort_distinct(&mut t);
            let mut provinces: Vec<ProvinceId> =
                p.into_iter().map(|at| reference.at(at).id).collect();
            crate::order::sort_by(&mut provinces, Ord::cmp);
            IndicatorCoverage {
                indicator: indicator.id.clone(),
                observations,
                provinces,
                periods: t,
            }
        })
        .collect()
}

/// What a reader's file added, or `None` when the dataset holds no figure of a reader's.
///
/// ```
/// let bundled = ict_compare::Dataset::bundled()?;
/// assert!(ict_compare::user_figures(&bundled).is_none());
/// let csv = "observation_id,province,indicator_id,period,value,source_id\n\
///            u-1,p63:01,bts_stations,2024,15000,mine\n";
/// let mine = bundled.with_user_file(csv, "mine.csv")?;
/// let added = ict_compare::user_figures(&mine).expect("a reader's figures");
/// assert_eq!((added.figures, added.sources), (1, 1));
/// # Ok::<(), ict_compare::Error>(())
/// ```
#[must_use]
pub fn user_figures(dataset: &Dataset) -> Option<UserFigures> {
    let mut figures = 0;
    let mut provinces: HashMap<u16, usize> = HashMap::default();
    let mut indicators: HashMap<u32, usize> = HashMap::default();
    for row in dataset.rows().filter(|row| row.origin == Origin::User) {
        figures += 1;
        *provinces.entry(row.province).or_default() += 1;
        *indicators.entry(row.indicator).or_default() += 1;
    }
    if figures == 0 {
        return None;
    }
    let reference = dataset.reference();
    let mut provinces: Vec<(usize, ProvinceId)> = provinces
        .into_iter()
        .map(|(at, n)| (n, reference.at(at).id))
        .collect();
    crate::order::sort_by(&mut provinces, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut indicators: Vec<(usize, &str)> = indicators
        .into_iter()
        .filter_map(|(i, n)| Some((n, dataset.indicators().get(i as usize)?.id.as_str())))
        .collect();
    crate::order::sort_by(&mut indicators, |a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let sources = (0..dataset.sources().len())
        .filter(|&s| dataset.source_origin(s) == Origin::User)
        .count();
    Some(UserFigures {
        figures,
        sources,
        provinces: provinces.into_iter().map(|(_, id)| id).collect(),
        indicators: indicators
            .into_iter()
            .map(|(_, id)| id.to_owned())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    const HEADER: &str = "observation_id,province,indicator_id,period,value,source_id\n";

    fn with_rows(rows: &str) -> Dataset {
        let bundled = Dataset::bundled().expect("the bundled data loads");
        bundled
            .with_user_file(&format!("{HEADER}{rows}"), "mine.csv")
            .expect("the file loads")
    }

    #[test]
    fn pages_of_sources_cover_every_source_once_with_its_figures() {
        let mut rows = String::new();
        for s in 0..23 {
            for f in 0..=s % 3 {
                writeln!(rows, "u-{s}-{f},p63:01,bts_stations,2024,{f},src-{s}").expect("writes");
            }
        }
        let bundled = Dataset::bundled().expect("loads").sources().len();
        let dataset = with_rows(&rows);
        let mut seen = Vec::new();
        let mut offset = 0;
        loop {
            let page = source_page(&dataset, SourcePageSpec { offset, limit: 4 }).expect("a page");
            assert_eq!(page.total, bundled + 23);
            assert!(page.sources.len() <= 4);
            if page.sources.is_empty() {
                break;
            }
            offset += page.sources.len();
            seen.extend(
                page.sources
                    .into_iter()
                    .map(|s| (s.source.id.clone(), s.origin, s.figures)),
            );
        }
        assert_eq!(seen.len(), bundled + 23);
        // The reader's sources come first, in the order of their file, then the bundled ones.
        assert!(
            seen[23..]
                .iter()
                .all(|(_, origin, n)| *origin == Origin::Bundled && *n > 0)
        );
        for (s, (id, origin, n)) in seen[..23].iter().enumerate() {
            assert_eq!(
                (id.as_str(), *origin, *n),
                (format!("src-{s}").as_str(), Origin::User, s % 3 + 1)
            );
        }
    }

    #[test]
    fn a_users_source_is_credited_to_the_users_file() {
        let dataset = with_rows("u-1,p63:01,bts_stations,2024,1,mine\n");
        let entries = source_entries(&dataset);
        let mine = entries
            .iter()
            .find(|s| s.source.id == "mine")
            .expect("listed");
        assert_eq!(
            (mine.origin, mine.source.file.as_str(), mine.figures),
            (Origin::User, "mine.csv", 1)
        );
    }

    #[test]
    fn a_page_of_figures_is_a_window_on_the_sources_figures() {
        let mut rows = String::new();
        for f in 0..60 {
            writeln!(rows, "u-{f},p63:01,bts_stations,{},{f},mine", 1950 + f).expect("writes");
        }
        let dataset = with_rows(&rows);
        let spec = FigurePageSpec {
            source: "mine".into(),
            offset: 50,
            limit: 25,
        };
        let page = figure_page(&dataset, &spec).expect("a page");
        assert_eq!(page.total, 60);
        let values: Vec<f64> = page.observations.iter().map(|o| o.value).collect();
        assert_eq!(values, (50..60).map(f64::from).collect::<Vec<_>>());
        assert!(page.observations.iter().all(|o| o.origin == Origin::User));
    }

    #[test]
    fn pages_are_bounded_and_name_known_sources() {
        let dataset = Dataset::bundled().expect("loads");
        assert!(
            source_page(
                &dataset,
                SourcePageSpec {
                    offset: 0,
                    limit: 0
                }
            )
            .is_err()
        );
        assert!(
            source_page(
                &dataset,
                SourcePageSpec {
                    offset: 0,
                    limit: MAX_PAGE + 1
                }
            )
            .is_err()
        );
        let far = source_page(
            &dataset,
            SourcePageSpec {
                offset: usize::MAX,
                limit: 10,
            },
        )
        .expect("empty");
        assert!(far.sources.is_empty());
        let spec = FigurePageSpec {
            source: "nope".into(),
            offset: 0,
            limit: 10,
        };
        assert_eq!(
            figure_page(&dataset, &spec)
                .expect_err("unknown")
                .kind()
                .code(),
            "unknownSource"
        );
    }

    #[test]
    fn coverage_counts_every_figure_of_each_indicator() {
        let dataset =
            with_rows("u-1,p63:01,bts_stations,2019,1,mine\nu-2,p63:01,bts_stations,2019,2,mine\n");
        let bts = coverage(&dataset)
            .into_iter()
            .find(|c| c.indicator == "bts_stations")
            .expect("listed");
        let bundled: Vec<Observation> = dataset
            .observations()
            .filter(|o| o.indicator == "bts_stations")
            .collect();
        assert_eq!(bts.observations, bundled.len());
        assert_eq!(
            bts.provinces.first().map(ToString::to_string).as_deref(),
            Some("p63:01")
        );
        assert_eq!(
            bts.periods.first().map(ToString::to_string).as_deref(),
            Some("2019")
        );
        let mut provinces: Vec<ProvinceId> = bundled.iter().map(|o| o.province).collect();
        provinces.sort();
        provinces.dedup();
        assert_eq!(bts.provinces, provinces);
    }

    #[test]
    fn user_figures_rank_provinces_and_indicators_by_how_many_figures() {
        let dataset = with_rows(
            "u-1,p63:84,bts_stations,2019,1,a\nu-2,p63:01,households_fibre_share,2019,2,b\nu-3,p63:01,bts_stations,2020,3,b\n",
        );
        let added = user_figures(&dataset).expect("added");
        assert_eq!((added.figures, added.sources), (3, 2));
        let provinces: Vec<String> = added.provinces.iter().map(ToString::to_string).collect();
        assert_eq!(provinces, ["p63:01", "p63:84"]);
        assert_eq!(added.indicators, ["bts_stations", "households_fibre_share"]);
    }
}
