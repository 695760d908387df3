//! The national indices on the bundled data, pinned to the numbers the ministry and UNDP/CECODES
//! publish: the DTI national averages, the 34 published 2024 values against the roll-up of the
//! 63, ties, a 2025 province's series across the change of method, and the refusals.
#![cfg(not(target_arch = "wasm32"))]

use ict_compare::{
    AggregateSpec, AverageBasis, CROSS_CHECK_TOLERANCE, Dataset, DerivationKind, GroupBy,
    PeriodSpec, ProvinceId, RankSpec, Ranking, ReferenceKind, Scheme, SeriesSpec, aggregate,
    consistency, rank, series,
};

fn id(text: &str) -> ProvinceId {
    text.parse().expect("a province id")
}

fn dataset() -> Dataset {
    Dataset::bundled().expect("the bundled dataset loads")
}

fn dti(dataset: &Dataset, year: u16, scheme: Scheme) -> Ranking {
    rank(
        dataset,
        &RankSpec {
            indicator: "dti_score".into(),
            period: PeriodSpec::Year(year),
            scheme: Some(scheme),
            per_capita: false,
            targets: false,
        },
    )
    .expect("ranks")
}

/// A value as the ministry prints it: four decimals.
fn four(value: f64) -> String {
    format!("{value:.4}")
}

#[test]
fn the_dti_national_average_is_the_ministrys() {
    let dataset = dataset();
    for (year, published) in [(2023, "0.6783"), (2024, "0.6961")] {
        let ranking = dti(&dataset, year, Scheme::P63);
        let national = ranking
            .references
            .lines
            .iter()
            .find(|l| l.kind == ReferenceKind::National)
            .expect("a national average");
        assert_eq!(four(national.value.expect("a value")), published, "{year}");
        assert_eq!(national.basis, AverageBasis::Mean);
        assert_eq!((national.reported, national.provinces), (63, 63));
        // Six regions come with it, covering the 63 provinces between them.
        let regions: Vec<_> = ranking
            .references
            .lines
            .iter()
            .filter(|l| l.kind == ReferenceKind::Regional)
            .collect();
        assert_eq!(regions.len(), 6);
        assert_eq!(regions.iter().map(|l| l.provinces).sum::<usize>(), 63);
        // The same average, asked of aggregate.
        let nation = aggregate(
            &dataset,
            &AggregateSpec {
                indicator: Some("dti_score".into()),
                group_by: GroupBy::Nation,
                period: PeriodSpec::Year(year),
                scheme: None,
                targets: false,
            },
        )
        .expect("aggregates");
        assert_eq!(four(nation.groups[0].value.expect("a value")), published);
    }
}

#[test]
fn a_2025_ranking_uses_the_national_average_of_the_63() {
    let ranking = dti(&dataset(), 2024, Scheme::P34);
    let [national] = ranking.references.lines.as_slice() else {
        panic!("one reference line: {:?}", ranking.references.lines);
    };
    assert_eq!(four(national.value.expect("a value")), "0.6961");
    assert_eq!(national.scheme, Scheme::P63);
}

#[test]
fn every_published_2025_dti_value_is_its_roll_up_within_rounding() {
    let dataset = dataset();
    let ranking = dti(&dataset, 2024, Scheme::P34);
    assert_eq!(ranking.entries.len(), 34);
    for entry in &ranking.entries {
        let figure = &entry.figure;
        assert_eq!(figure.derived, None, "{} is published", entry.province);
        let check = figure.cross_check.as_ref().expect("a cross-check");
        assert_eq!(check.derivation.kind, DerivationKind::RollUp);
        assert_eq!(check.derivation.rule.as_deref(), Some("mean"));
        let difference = check.difference.expect("a difference").abs();
        assert!(
            difference <= CROSS_CHECK_TOLERANCE + 1e-12,
            "{}: published {:?}, derived {:?}",
            entry.province,
            figure.value,
            check.value
        );
        assert_eq!(check.agrees, Some(true));
    }
    assert!(
        consistency(&dataset)
            .iter()
            .all(|f| f.kind != "publishedDiffersFromDerived")
    );
    // TP. Hồ Chí Minh is the one rounded apart: 0.7770 published, 0.7769 derived.
    let hcm = ranking
        .entries
        .iter()
        .find(|e| e.province == id("p34:79"))
        .expect("ranked");
    assert_eq!(hcm.figure.value, Some(0.777));
    let derived = hcm.figure.cross_check.as_ref().and_then(|c| c.value);
    assert_eq!(derived.map(four).as_deref(), Some("0.7769"));
}

#[test]
fn a_published_value_its_members_do_not_give_is_a_finding() {
    let csv = "observation_id,province,indicator_id,period,value,source_id\nu-1,p34:80,dti_score,2024,0.7,mine\n";
    let dataset = dataset().with_user_file(csv, "mine.csv").expect("loads");
    let findings = consistency(&dataset);
    let finding = findings
        .iter()
        .find(|f| f.kind == "publishedDiffersFromDerived")
        .expect("a finding");
    assert_eq!(finding.observations, ["u-1"]);
    assert!(finding.message.contains("dti_score for p34:80 2024"));
}

#[test]
fn both_lists_rank_with_their_leader() {
    let dataset = dataset();
    let p34 = dti(&dataset, 2024, Scheme::P34);
    assert_eq!((p34.entries.len(), p34.missing), (34, 0));
    let first = &p34.entries[0];
    assert_eq!((first.rank, first.province), (1, id("p34:01")));
    assert_eq!(first.figure.value, Some(0.8241));
    let p63 = dti(&dataset, 2024, Scheme::P63);
    assert_eq!((p63.entries.len(), p63.missing), (63, 0));
    let first = &p63.entries[0];
    assert_eq!((first.rank, first.province), (1, id("p63:79")));
    assert_eq!(first.figure.value, Some(0.8373));
}

#[test]
fn ties_share_a_rank() {
    let dataset = dataset();
    for (year, a, b, value) in [
        (2022, "p63:38", "p63:15", 0.635),
        (2023, "p63:89", "p63:54", 0.5582),
    ] {
        let ranking = dti(&dataset, year, Scheme::P63);
        let entry = |p: &str| {
            ranking
                .entries
                .iter()
                .find(|e| e.province == id(p))
                .expect("ranked")
        };
        let (a, b) = (entry(a), entry(b));
        assert_eq!((a.figure.value, b.figure.value), (Some(value), Some(value)));
        assert_eq!(a.rank, b.rank, "{year}");
        assert!(a.tied && b.tied);
        // The next province down skips the shared place.
        let next = ranking
            .entries
            .iter()
            .find(|e| e.figure.value < Some(value))
            .expect("a province below");
        assert_eq!(next.rank, a.rank + 2, "{year}");
    }
}

fn series_spec(province: &str, indicator: &str, scheme: Option<Scheme>) -> SeriesSpec {
    SeriesSpec {
        province: id(province),
        indicator: indicator.into(),
        period: PeriodSpec::Latest,
        from: None,
        to: None,
        scheme,
        per_capita: false,
        targets: false,
    }
}

#[test]
fn a_2025_dti_series_rolls_up_the_years_before_2024_and_breaks_at_2024() {
    let answer = series(&dataset(), &series_spec("p34:80", "dti_score", None)).expect("a series");
    let years: Vec<u16> = answer
        .points
        .iter()
        .map(|p| p.figure.period.calendar_year())
        .collect();
    assert_eq!(years, [2022, 2023, 2024]);
    let derived: Vec<Option<DerivationKind>> = answer
        .points
        .iter()
        .map(|p| p.figure.derived.as_ref().map(|d| d.kind))
        .collect();
    assert_eq!(
        derived,
        [
            Some(DerivationKind::RollUp),
            Some(DerivationKind::RollUp),
            None
        ]
    );
    let editions: Vec<Option<&str>> = answer.points.iter().map(|p| p.edition.as_deref()).collect();
    assert_eq!(
        editions,
        [Some("2022-2023"), Some("2022-2023"), Some("2024")]
    );
    let [only] = answer.breaks.as_slice() else {
        panic!("one break: {:?}", answer.breaks);
    };
    assert_eq!(only.at.calendar_year(), 2024);
    assert!(only.note_en.contains("47 components"), "{}", only.note_en);
    let change = answer.change.expect("a change 2022 to 2024");
    assert!(change.derived && change.edition_break.is_some());
    // Each year carries the national average of that year.
    let national: Vec<String> = answer
        .references
        .lines
        .iter()
        .filter(|l| l.kind == ReferenceKind::National)
        .filter_map(|l| l.value.map(four))
        .collect();
    assert_eq!(national[1..], ["0.6783", "0.6961"]);
}

#[test]
fn a_papi_series_on_either_list() {
    let dataset = dataset();
    let old =
        series(&dataset, &series_spec("p63:72", "papi_e_governance", None)).expect("a series");
    assert_eq!(old.points.len(), 7, "2018 to 2024");
    assert!(old.points.iter().all(|p| p.figure.derived.is_none()));
    assert!(old.points[1..].iter().all(|p| p.change.is_some()));
    assert!(old.breaks.is_empty());
    let regional = old
        .references
        .lines
        .iter()
        .filter(|l| l.kind == ReferenceKind::Regional)
        .count();
    assert_eq!(regional, 7, "the South East's average each year");
    // Followed into the 2025 list, Tây Ninh is rolled up with Long An, weighted by population.
    let new = series(
        &dataset,
        &series_spec("p63:72", "papi_e_governance", Some(Scheme::P34)),
    )
    .expect("a series");
    assert_eq!(new.province, id("p34:80"));
    assert_eq!(new.points.len(), 7);
    for point in &new.points {
        let derivation = point.figure.derived.as_ref().expect("every value derived");
        assert_eq!(derivation.kind, DerivationKind::RollUp);
        assert_eq!(derivation.weight.as_deref(), Some("population"));
        assert_eq!(derivation.fallback, None);
        let (low, high) = point
            .figure
            .provenance
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
                (l.min(p.value), h.max(p.value))
            });
        let value = point.figure.value.expect("a value");
        assert!(
            low <= value && value <= high,
            "{value} outside {low}..{high}"
        );
    }
}

#[test]
fn what_does_not_combine_is_refused_with_its_reason() {
    let dataset = dataset();
    let spec = |indicator: &str, group_by, scheme, targets| AggregateSpec {
        indicator: Some(indicator.into()),
        group_by,
        period: PeriodSpec::Latest,
        scheme,
        targets,
    };
    let none = aggregate(
        &dataset,
        &spec("telecom_service_providers", GroupBy::Nation, None, false),
    )
    .expect_err("refused");
    assert!(none.to_string().contains("`none`"), "{none}");
    let targets = aggregate(&dataset, &spec("bts_stations", GroupBy::Nation, None, true))
        .expect_err("refused");
    assert!(targets.to_string().contains("targets are never combined"));
    let regions = aggregate(
        &dataset,
        &spec("dti_score", GroupBy::Region, Some(Scheme::P34), false),
    )
    .expect_err("refused");
    assert!(regions.to_string().contains("no official regions"));
    // Per capita is not applied to an index, and the answer says so.
    let per_capita = rank(
        &dataset,
        &RankSpec {
            indicator: "dti_score".into(),
            period: PeriodSpec::Year(2024),
            scheme: None,
            per_capita: true,
            targets: false,
        },
    )
    .expect("ranks as published");
    assert!(!per_capita.per_capita);
    assert_eq!(per_capita.unit, "score_0_1");
    assert_eq!(per_capita.entries[0].figure.value, Some(0.8373));
    let why = per_capita.per_capita_refused.expect("the reason");
    assert!(why.contains("only indicators aggregated by sum"), "{why}");
    // A 2025 province's figure of a `none` indicator is not a number, and says why.
    let ranking = rank(
        &dataset,
        &RankSpec {
            indicator: "telecom_service_providers".into(),
            period: PeriodSpec::Latest,
            scheme: Some(Scheme::P34),
            per_capita: false,
            targets: false,
        },
    )
    .expect("ranks");
    assert!(ranking.references.refused.is_some());
}

#[test]
fn the_weight_of_a_weighted_mean_is_named_in_the_answer() {
    let answer = aggregate(
        &dataset(),
        &AggregateSpec {
            indicator: Some("papi_e_governance".into()),
            group_by: GroupBy::Region,
            period: PeriodSpec::Year(2024),
            scheme: None,
            targets: false,
        },
    )
    .expect("aggregates");
    assert_eq!(answer.weight.as_deref(), Some("population"));
    for group in &answer.groups {
        let method = group.method.as_ref().expect("a method");
        assert_eq!(method.weight.as_deref(), Some("population"));
        assert_eq!(method.population_year, Some(2024));
        assert!(group.stats.sum.is_none(), "scores have no sum");
    }
    assert_eq!(
        answer.groups.iter().map(|g| g.reported).sum::<usize>(),
        61,
        "2024 lacks Vĩnh Phúc and Tiền Giang"
    );
}

#[test]
fn a_comparison_carries_averages_when_asked() {
    let dataset = dataset();
    let mut spec = ict_compare::CompareSpec {
        provinces: vec![id("p63:84"), id("p63:01")],
        indicators: vec!["dti_score".into()],
        period: PeriodSpec::Year(2024),
        per_capita: false,
        scheme: None,
        targets: false,
        include_partial: false,
        references: false,
    };
    let plain = ict_compare::compare(&dataset, &spec).expect("compares");
    assert!(
        plain.columns[0].references.lines.is_empty(),
        "off by default"
    );
    spec.references = true;
    let matrix = ict_compare::compare(&dataset, &spec).expect("compares");
    let lines = &matrix.columns[0].references.lines;
    let regions: Vec<Option<&str>> = lines.iter().map(|l| l.region.as_deref()).collect();
    // The nation, then the regions of the rows: the Red River Delta and the Mekong Delta.
    assert_eq!(regions, [None, Some("RRD"), Some("MRD")]);
    assert_eq!(four(lines[0].value.expect("a value")), "0.6961");
    assert_eq!((lines[2].reported, lines[2].provinces), (13, 13));
}
