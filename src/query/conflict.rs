//! A reader's figure and a published one for the same province, indicator, scope and period.
//! Both stay in the dataset and an answer shows both; this finds the pairs, so that a view or
//! an export can list them rather than let the reader's figure silently stand in for the
//! published one.

use crate::dataset::Dataset;
use crate::model::{Origin, ProvinceId};
use crate::query::{Figure, Selector};

/// One province, indicator, scope and period with both a reader's figure and a published one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Conflict {
    /// The province both figures are stored for (a 63-list province or a 2025 one).
    pub(crate) province: ProvinceId,
    /// The province of the answer it is shown in: the same, or the 2025 province a 63-list
    /// province merged into.
    pub(crate) shown_in: ProvinceId,
    /// The part of the province both figures cover (`province` for the whole of it).
    pub(crate) scope: String,
    /// The reader's figure.
    pub(crate) user: Figure,
    /// The published figure of the same province, indicator, scope and period.
    pub(crate) published: Figure,
}

/// The conflicts of `indicator` for each of `provinces` (a 2025 province through its own
/// figures and those of the provinces it was formed from), in the order asked and oldest period
/// first, each stored province, scope and period once. Targets are not figures and are left out. Reads the
/// index's slice of each province: no scan.
pub(crate) fn conflicts(
    dataset: &Dataset,
    indicator: u32,
    provinces: &[ProvinceId],
) -> Vec<Conflict> {
    let mut found = Vec::new();
    // The bundled data alone has no reader's figure: the table asks at every redraw.
    if !dataset.has_user_sources() {
        return found;
    }
    let reference = dataset.reference();
    let selector = Selector::new(dataset);
    for &shown_in in provinces {
        let Some(province) = reference.province(shown_in) else {
            continue;
        };
        let stored = std::iter::once(shown_in).chain(province.merged_from.iter().copied());
        for id in stored {
            let Some(position) = reference.position(id) else {
                continue;
            };
            let rows: Vec<(u32, crate::dataset::Row)> = dataset
                .index()
                .of(indicator, position)
                .iter()
                .filter_map(|&r| Some((r, dataset.row(r as usize)?)))
                .filter(|(_, row)| !row.is_target)
                .collect();
            // The index orders a province's rows by period, so that each period's rows lie
            // together and the conflicts come oldest first. Within a period the rows are put
            // in order of scope (stably), so that each scope's rows lie together too: one pass,
            // however many rows a reader's file repeats.
            let mut rest = rows.as_slice();
            while let Some(&(_, first)) = rest.first() {
                let end = rest
                    .iter()
                    .position(|(_, row)| row.period != first.period)
                    .unwrap_or(rest.len());
                let (period, after) = rest.split_at(end);
                rest = after;
                let mut period = period.to_vec();
                crate::order::sort_by(&mut period, |a, b| a.1.scope.cmp(&b.1.scope));
                for scope in period.chunk_by(|a, b| a.1.scope == b.1.scope) {
                    // The last of each origin: what a query of the scope and period would read.
                    let last = |origin: Origin| {
                        scope
                            .iter()
                            .rev()
                            .find(|(_, row)| row.origin == origin)
                            .copied()
                    };
                    let (Some((user, row)), Some((bundled, _))) =
                        (last(Origin::User), last(Origin::Bundled))
                    else {
                        continue;
                    };
                    let (Some(user), Some(published)) =
                        (selector.plain(user), selector.plain(bundled))
                    else {
                        continue;
                    };
                    found.push(Conflict {
                        province: id,
                        shown_in,
                        scope: dataset.scope_name(row.scope).to_owned(),
                        user,
                        published,
                    });
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_readers_figure_for_a_published_period_is_a_conflict_with_both_figures() {
        let dataset = Dataset::bundled().expect("the bundled data");
        let csv = "province,indicator_id,period,value,source_id\n\
                   p63:72,dti_score,2024,0.9,mine\n\
                   p63:72,dti_score,2019,0.5,mine\n";
        let mine = dataset.with_user_file(csv, "mine.csv").expect("a file");
        let dti = mine.require_indicator("dti_score").expect("dti");
        let tay_ninh: ProvinceId = "p63:72".parse().expect("an id");
        let found = conflicts(&mine, dti, &[tay_ninh]);
        // 2019 has no published DTI: a figure of the reader's alone is no conflict.
        assert_eq!(found.len(), 1, "{found:?}");
        let conflict = &found[0];
        assert_eq!(conflict.province, tay_ninh);
        assert_eq!(conflict.scope, "province");
        assert_eq!(conflict.user.value, Some(0.9));
        assert_eq!(conflict.user.origin, Origin::User);
        assert_eq!(conflict.published.value, Some(0.6274));
        assert_eq!(conflict.published.origin, Origin::Bundled);
        assert_eq!(conflict.published.provenance[0].source, "dti-2024-p63");
        assert!(conflicts(&dataset, dti, &[tay_ninh]).is_empty());
    }

    #[test]
    fn each_period_and_scope_is_one_conflict_whatever_the_order_of_the_readers_rows() {
        let dataset = Dataset::bundled().expect("the bundled data");
        // Two years of published DTI; the reader's rows interleave them and another scope.
        let csv = "province,indicator_id,period,value,source_id,scope\n\
                   p63:72,dti_score,2024,0.9,mine,province\n\
                   p63:72,dti_score,2023,0.7,mine,province\n\
                   p63:72,dti_score,2024,0.4,mine,Tây Ninh city\n";
        let mine = dataset.with_user_file(csv, "mine.csv").expect("a file");
        let dti = mine.require_indicator("dti_score").expect("dti");
        let found = conflicts(&mine, dti, &["p63:72".parse().expect("an id")]);
        let seen: Vec<(String, &str, Option<f64>)> = found
            .iter()
            .map(|c| (c.user.period.to_string(), c.scope.as_str(), c.user.value))
            .collect();
        // The city has no published figure: no conflict; each year once, oldest first.
        assert_eq!(
            seen,
            [
                ("2023".to_owned(), "province", Some(0.7)),
                ("2024".to_owned(), "province", Some(0.9)),
            ]
        );
    }

    #[test]
    fn a_2025_province_shows_the_conflicts_of_the_provinces_it_was_formed_from() {
        let dataset = Dataset::bundled().expect("the bundled data");
        let csv = "province,indicator_id,period,value,source_id\np63:72,dti_score,2023,0.8,mine\n";
        let mine = dataset.with_user_file(csv, "mine.csv").expect("a file");
        let dti = mine.require_indicator("dti_score").expect("dti");
        let merged = mine
            .reference()
            .province("p63:72".parse().expect("an id"))
            .and_then(|p| p.merged_into)
            .expect("Tây Ninh merged");
        let found = conflicts(&mine, dti, &[merged]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].province.to_string(), "p63:72");
        assert_eq!(found[0].shown_in, merged);
    }
}
