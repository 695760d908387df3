//! A reader's figure and a published one for the same province, indicator and period: both
//! stay in the dataset and the views list them, each figure marked, rather than one silently
//! hiding the other.

use crate::compare::{CompareSpec, in_scheme};
use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{ProvinceId, Scheme};
use crate::query::PeriodSpec;

use super::Conflict;
use super::province::{of_year, view_figure};

/// The conflicts of `indicator` (by position; `id` is its name) among `provinces`, within
/// `period`, as a view lists them.
pub(super) fn conflicts_of(
    dataset: &Dataset,
    (indicator, id): (u32, &str),
    provinces: &[ProvinceId],
    period: PeriodSpec,
) -> Vec<Conflict> {
    let reference = dataset.reference();
    crate::query::conflicts(dataset, indicator, provinces)
        .into_iter()
        .filter(|c| period.admits(c.user.period))
        .map(|c| Conflict {
            province: c.province,
            province_name: reference
                .province(c.province)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            shown_in: c.shown_in,
            indicator: id.to_owned(),
            scope: c.scope,
            period: c.user.period.to_string(),
            user: view_figure(&c.user, of_year(&c.user, c.province, id, false)),
            published: view_figure(&c.published, of_year(&c.published, c.province, id, false)),
        })
        .collect()
}

/// Every conflict of a province view's focus indicator among the provinces of `scheme`, in the
/// years of `period` (every year for `latest`, whose figures may come from any of them).
pub(super) fn conflicts_in_list(
    dataset: &Dataset,
    (indicator, id): (u32, &str),
    scheme: Scheme,
    period: PeriodSpec,
) -> Vec<Conflict> {
    let provinces: Vec<ProvinceId> = dataset
        .reference()
        .provinces_of(scheme)
        .map(|p| p.id)
        .collect();
    conflicts_of(dataset, (indicator, id), &provinces, period)
}

/// The conflicts among the provinces and indicators of a comparison, within its period: the
/// table lists them beside its cells, each with the reader's figure and the published one.
///
/// ```
/// use ict_compare::{CompareSpec, Dataset, FigureMark, PeriodSpec, table_conflicts};
///
/// let bundled = Dataset::bundled()?;
/// let csv = "province,indicator_id,period,value,source_id\np63:72,dti_score,2024,0.9,mine\n";
/// let mine = bundled.with_user_file(csv, "mine.csv")?;
/// let spec = CompareSpec {
///     provinces: vec!["p63:72".parse().expect("an id")],
///     indicators: vec!["dti_score".into()],
///     period: PeriodSpec::Latest,
///     per_capita: false,
///     scheme: None,
///     targets: false,
///     include_partial: false,
///     references: false,
/// };
/// let found = table_conflicts(&mine, &spec)?;
/// assert_eq!((found[0].user.value, found[0].published.value), (Some(0.9), Some(0.6274)));
/// assert_eq!(found[0].published.mark, FigureMark::Published);
/// assert!(table_conflicts(&bundled, &spec)?.is_empty());
/// # Ok::<(), ict_compare::Error>(())
/// ```
pub fn table_conflicts(dataset: &Dataset, spec: &CompareSpec) -> Result<Vec<Conflict>> {
    let provinces = in_scheme(dataset, &spec.provinces, spec.scheme)?;
    let mut found = Vec::new();
    if spec.targets {
        // Targets are not figures: a reader's target beside a published one is no conflict.
        return Ok(found);
    }
    for id in &spec.indicators {
        let indicator = dataset.require_indicator(id)?;
        found.extend(conflicts_of(
            dataset,
            (indicator, id),
            &provinces,
            spec.period,
        ));
    }
    Ok(found)
}

/// The published figure of `indicator` for a 63-list `province` in `period` (the
/// province-wide achievement last loaded from the bundled data), to show beside a reader's
/// figure for the same province, indicator and period.
pub(super) fn published_beside(
    dataset: &Dataset,
    indicator: u32,
    province: ProvinceId,
    period: crate::model::Period,
) -> Option<crate::query::Figure> {
    let position = dataset.reference().position(province)?;
    let row = dataset
        .index()
        .of(indicator, position)
        .iter()
        .rev()
        .copied()
        .find(|&r| {
            dataset.row(r as usize).is_some_and(|row| {
                row.origin == crate::model::Origin::Bundled
                    && row.scope == 0
                    && !row.is_target
                    && row.period == period
            })
        })?;
    crate::query::Selector::new(dataset).plain(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::FigureMark;

    fn spec(provinces: &[&str], indicators: &[&str], period: PeriodSpec) -> CompareSpec {
        CompareSpec {
            provinces: provinces
                .iter()
                .map(|p| p.parse().expect("an id"))
                .collect(),
            indicators: indicators.iter().map(|&i| i.to_owned()).collect(),
            period,
            per_capita: false,
            scheme: None,
            targets: false,
            include_partial: false,
            references: false,
        }
    }

    #[test]
    fn a_marks_code_is_how_an_answer_spells_it() {
        for mark in [
            FigureMark::Published,
            FigureMark::Derived,
            FigureMark::LowerBound,
            FigureMark::Partial,
            FigureMark::User,
        ] {
            let spelt = serde_json::to_value(mark).expect("a mark serialises");
            assert_eq!(spelt.as_str(), Some(mark.code()));
        }
    }

    #[test]
    fn a_tables_conflicts_are_those_of_its_provinces_indicators_and_period() {
        let bundled = Dataset::bundled().expect("the bundled data");
        let csv = "province,indicator_id,period,value,source_id\n\
                   p63:72,dti_score,2024,0.9,mine\n\
                   p63:84,dti_score,2023,0.1,mine\n";
        let mine = bundled.with_user_file(csv, "mine.csv").expect("a file");
        let both = spec(&["p63:72", "p63:84"], &["dti_score"], PeriodSpec::Latest);
        let found = table_conflicts(&mine, &both).expect("an answer");
        let at: Vec<(String, &str)> = found
            .iter()
            .map(|c| (c.province.to_string(), c.period.as_str()))
            .collect();
        assert_eq!(
            at,
            [("p63:72".into(), "2024"), ("p63:84".into(), "2023")],
            "{found:?}"
        );
        let first = &found[0];
        assert_eq!(first.province_name, "Tây Ninh");
        assert_eq!(first.user.mark, FigureMark::User);
        assert_eq!(first.published.mark, FigureMark::Published);
        assert_eq!(first.published.sources, ["dti-2024-p63"]);

        let one_year = spec(
            &["p63:72", "p63:84"],
            &["dti_score"],
            PeriodSpec::Year(2024),
        );
        assert_eq!(
            table_conflicts(&mine, &one_year).expect("an answer").len(),
            1
        );
        let other = spec(&["p63:01"], &["dti_score"], PeriodSpec::Latest);
        assert!(
            table_conflicts(&mine, &other)
                .expect("an answer")
                .is_empty()
        );
        let unknown = spec(&["p63:72"], &["nope"], PeriodSpec::Latest);
        assert!(table_conflicts(&mine, &unknown).is_err());
    }
}
