//! Rolling the 63 provinces of the old list up into the 34 of 2025.
//!
//! The members' figures combine by the indicator's rule (see `combine`): counts are summed,
//! composite indices averaged, shares weighted by their denominator, with any substituted weight
//! stated; an indicator whose rule is `none`, and any target, gives no value and says why. A
//! province whose members did not all report is "partial, k of n" and gets no value unless the
//! caller asks for one. Qualifiers are carried through: a sum of "over" figures is "over".

use crate::model::{Aggregation, Origin, ProvinceId, Qualifier};
use crate::query::combine::{Member, Method, combine};
use crate::query::{Derivation, DerivationKind, Figure, Options, PeriodSpec, Selector};

pub(crate) fn roll_up(
    selector: Selector<'_>,
    indicator: u32,
    province: ProvinceId,
    period: PeriodSpec,
    options: Options,
) -> Option<Figure> {
    let dataset = selector.dataset;
    let reference = dataset.reference();
    let members = &reference.province(province)?.merged_from;
    let rows: Vec<(ProvinceId, u32)> = members
        .iter()
        .filter_map(|&member| {
            let position = reference.position(member)?;
            selector
                .pick(indicator, position, period, options)
                .map(|row| (member, row))
        })
        .collect();
    let definition = dataset.indicators().get(indicator as usize)?;
    let (provinces, figures): (Vec<ProvinceId>, Vec<Figure>) = rows
        .iter()
        .filter_map(|&(member, row)| Some((member, selector.plain(row)?)))
        .unzip();
    let (n, k) = (members.len(), rows.len());
    let reported = || as_members(&provinces, &figures);
    let partial = k < n;
    let period_max = figures.iter().map(|f| f.period).max()?;
    let mixed_periods = figures.iter().any(|f| f.period != period_max);
    let mut qualifier = combine_qualifiers(figures.iter().map(|f| f.qualifier));
    let is_sum = definition.aggregation == Aggregation::Sum;

    // A province the merger left whole keeps its figure, whatever the rule: nothing combines.
    let (value, method, refused) = match figures.as_slice() {
        [only] if n == 1 => (only.value, None, None),
        _ => match combine(selector, definition, &reported(), period, options) {
            Ok(combined) => (Some(combined.value), Some(combined.method), None),
            Err(reason) => (None, None, Some(reason)),
        },
    };
    let value = if partial && !options.include_partial {
        None
    } else {
        value
    };
    if partial && is_sum {
        // The members that did not report would only add to a sum.
        qualifier = combine_qualifiers([qualifier, Qualifier::AtLeast]);
    }
    let out_of = match figures.as_slice() {
        [only] if n == 1 => only.out_of,
        _ if is_sum && figures.iter().all(|f| f.out_of.is_some()) => {
            Some(figures.iter().filter_map(|f| f.out_of).sum())
        }
        _ => None,
    };
    let how = match (&method, n) {
        (_, 1) => "unchanged by the 2025 merger".to_owned(),
        (Some(method), _) => method.describe(),
        (None, _) => "not combined".to_owned(),
    };
    let note = format!(
        "{how} of {k} of {n} former provinces ({}){}{}",
        rows.iter()
            .map(|(id, _)| id.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        if partial { "; partial" } else { "" },
        refused
            .as_deref()
            .map(|reason| format!("; {reason}"))
            .unwrap_or_default(),
    );
    let Method {
        weight,
        fallback,
        population_year,
        ..
    } = method.unwrap_or_else(|| Method {
        rule: String::new(),
        weight: None,
        fallback: None,
        population_year: None,
    });
    Some(Figure {
        value,
        qualifier,
        period: period_max,
        mixed_periods,
        out_of,
        is_target: options.targets,
        origin: if figures.iter().any(|f| f.origin == Origin::User) {
            Origin::User
        } else {
            Origin::Bundled
        },
        provenance: figures.into_iter().flat_map(|f| f.provenance).collect(),
        derived: Some(Derivation {
            kind: DerivationKind::RollUp,
            members: n,
            reported: k,
            rule: Some(definition.aggregation.to_string()),
            weight,
            fallback,
            population_year,
            refused,
            note,
        }),
        cross_check: None,
    })
}

/// The members' figures that have a value, to be combined; `provinces` are the members the
/// figures are of, in the same order.
fn as_members(provinces: &[ProvinceId], figures: &[Figure]) -> Vec<Member> {
    provinces
        .iter()
        .zip(figures)
        .filter_map(|(&province, f)| {
            Some(Member {
                province,
                value: f.value?,
                year: f.period.calendar_year(),
            })
        })
        .collect()
}

/// The qualifier of a sum or mean of qualified figures: exact only if all are; a one-sided
/// bound if all bounds are on one side; "about" otherwise.
pub(crate) fn combine_qualifiers(qualifiers: impl IntoIterator<Item = Qualifier>) -> Qualifier {
    let (mut above, mut strictly_above, mut below, mut strictly_below, mut fuzzy) =
        (false, false, false, false, false);
    for q in qualifiers {
        match q {
            Qualifier::Exact => {}
            Qualifier::Over => strictly_above = true,
            Qualifier::AtLeast => above = true,
            Qualifier::Under => strictly_below = true,
            Qualifier::AtMost => below = true,
            Qualifier::About | Qualifier::Nearly => fuzzy = true,
        }
    }
    let up = above || strictly_above;
    let down = below || strictly_below;
    match (fuzzy || (up && down), up, down) {
        (true, _, _) => Qualifier::About,
        (false, true, false) if strictly_above => Qualifier::Over,
        (false, true, false) => Qualifier::AtLeast,
        (false, false, true) if strictly_below => Qualifier::Under,
        (false, false, true) => Qualifier::AtMost,
        _ => Qualifier::Exact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::inline;

    const INDICATORS: &str = "\
boxes,boxes,infrastructure,Hộp,Boxes,count,,sum,higher,,Số hộp.,Boxes.
ranks,ranks,institutions,Hạng,Rank,count,,none,lower,,Hạng.,Rank.
";

    fn rolled_up(observations: &str, indicator: &str, province: &str, targets: bool) -> Figure {
        let dataset = inline::dataset(INDICATORS, observations).expect("loads");
        let indicator = dataset.indicator_position(indicator).expect("an indicator");
        let options = Options {
            targets,
            include_partial: false,
        };
        roll_up(
            Selector::new(&dataset),
            indicator,
            province.parse().expect("an id"),
            PeriodSpec::Latest,
            options,
        )
        .expect("a figure")
    }

    #[test]
    fn targets_and_a_rule_of_none_are_not_combined_and_say_why() {
        // Vĩnh Long (2025) is Bến Tre, Trà Vinh and Vĩnh Long.
        let targets =
            "p63:83,boxes,2025,10,true\np63:84,boxes,2025,20,true\np63:86,boxes,2025,30,true";
        let figure = rolled_up(targets, "boxes", "p34:86", true);
        assert_eq!(figure.value, None);
        let derivation = figure.derived.expect("a derivation");
        assert!(derivation.refused.is_some_and(|r| r.contains("targets")));
        let achieved = targets.replace(",true", "");
        let figure = rolled_up(&achieved, "boxes", "p34:86", false);
        assert_eq!(figure.value, Some(60.0));
        let ranks = achieved.replace("boxes", "ranks");
        let figure = rolled_up(&ranks, "ranks", "p34:86", false);
        assert_eq!(figure.value, None);
        assert!(
            figure
                .derived
                .and_then(|d| d.refused)
                .is_some_and(|r| r.contains("`none`"))
        );
        // A province the merger left whole keeps its own target: nothing is combined.
        let figure = rolled_up("p63:01,boxes,2025,7,true", "boxes", "p34:01", true);
        assert_eq!(figure.value, Some(7.0));
    }

    #[test]
    fn qualifiers_combine_like_intervals() {
        use Qualifier::*;
        assert_eq!(combine_qualifiers([Exact, Exact]), Exact);
        assert_eq!(combine_qualifiers([Exact, Over]), Over);
        assert_eq!(combine_qualifiers([AtLeast, Exact]), AtLeast);
        assert_eq!(combine_qualifiers([AtLeast, Over]), Over);
        assert_eq!(combine_qualifiers([Under, Exact]), Under);
        assert_eq!(combine_qualifiers([Over, Under]), About);
        assert_eq!(combine_qualifiers([Exact, Nearly]), About);
        assert_eq!(combine_qualifiers([]), Exact);
    }
}
