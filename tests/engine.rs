//! The engine's answers on the real bundled data, pinned: comparisons, rankings, roll-ups into
//! the 2025 provinces, per-capita figures and the refusal to compare look-alikes.
#![cfg(not(target_arch = "wasm32"))]

use ict_compare::{
    AggregateSpec, ComparabilityCode, CompareSpec, Dataset, DerivationKind, ErrorKind, GroupBy,
    PeriodSpec, ProvinceId, Qualifier, RankSpec, Scheme, SeriesSpec, WarningCode, aggregate,
    comparability, compare, ensure_comparable, rank, series,
};

fn id(text: &str) -> ProvinceId {
    text.parse().expect("a province id")
}

fn dataset() -> Dataset {
    Dataset::bundled().expect("the bundled dataset loads")
}

fn compare_spec(provinces: &[&str], indicators: &[&str]) -> CompareSpec {
    CompareSpec {
        provinces: provinces.iter().map(|p| id(p)).collect(),
        indicators: indicators.iter().map(|i| (*i).to_owned()).collect(),
        period: PeriodSpec::Latest,
        per_capita: false,
        scheme: None,
        targets: false,
        include_partial: false,
        references: false,
    }
}

#[test]
fn households_with_fibre_tay_ninh_leads_tra_vinh_and_quang_binh() {
    let ranking = rank(
        &dataset(),
        &RankSpec {
            indicator: "households_fibre_share".into(),
            period: PeriodSpec::Latest,
            scheme: None,
            per_capita: false,
            targets: false,
        },
    )
    .expect("ranks");
    let order: Vec<String> = ranking
        .entries
        .iter()
        .map(|e| e.province.to_string())
        .collect();
    assert_eq!(
        order.first().map(String::as_str),
        Some("p63:72"),
        "{order:?}"
    );
    let position = |p: &str| order.iter().position(|o| o == p).expect("ranked");
    assert!(position("p63:72") < position("p63:84"));
    assert!(position("p63:72") < position("p63:44"));
    let years: Vec<u16> = ranking
        .entries
        .iter()
        .map(|e| e.figure.period.calendar_year())
        .collect();
    assert!(years.contains(&2024) && years.contains(&2023));
    assert!(ranking.mixed_periods, "2023 and 2024 figures are flagged");
    assert_eq!(ranking.missing, 63 - ranking.entries.len());
}

#[test]
fn the_four_smartphone_figures_are_never_ranked_together() {
    let dataset = dataset();
    let family = [
        "population_smartphone_share",
        "adults_smartphone_share",
        "households_smartphone_share",
    ];
    let verdict = comparability(&dataset, &family).expect("known indicators");
    assert!(!verdict.comparable);
    assert_eq!(verdict.code, ComparabilityCode::DifferentDefinition);
    assert!(
        verdict.reason.contains("adults") || verdict.reason.contains("population"),
        "{}",
        verdict.reason
    );
    let error = ensure_comparable(&dataset, &family[..2]).expect_err("refused");
    assert!(matches!(error.kind(), ErrorKind::Incomparable { .. }));
    // Each indicator ranks only its own figures: households are Quảng Bình and Tây Ninh.
    for (indicator, expected) in [
        ("population_smartphone_share", vec!["p63:84"]),
        ("adults_smartphone_share", vec!["p63:44"]),
        ("households_smartphone_share", vec!["p63:72", "p63:44"]),
    ] {
        let ranking = rank(
            &dataset,
            &RankSpec {
                indicator: indicator.into(),
                period: PeriodSpec::Latest,
                scheme: None,
                per_capita: false,
                targets: false,
            },
        )
        .expect("ranks");
        let got: Vec<String> = ranking
            .entries
            .iter()
            .map(|e| e.province.to_string())
            .collect();
        assert_eq!(got, expected, "{indicator}");
    }
    // A table may show them side by side, with a warning that they are look-alikes.
    let matrix = compare(
        &dataset,
        &compare_spec(&["p63:84", "p63:44", "p63:72"], &family),
    )
    .expect("compares");
    assert!(
        matrix
            .warnings
            .iter()
            .any(|w| w.code == WarningCode::LookAlike && w.indicators.len() == 3),
        "{:?}",
        matrix.warnings
    );
}

#[test]
fn vinh_long_2025_bts_roll_up_is_partial_one_of_three() {
    let dataset = dataset();
    let mut spec = compare_spec(&["p34:86"], &["bts_stations"]);
    let matrix = compare(&dataset, &spec).expect("compares");
    let cell = matrix.rows[0].cells[0].as_ref().expect("a partial cell");
    let derived = cell.figure.derived.as_ref().expect("derived");
    assert_eq!(
        (derived.kind, derived.reported, derived.members),
        (DerivationKind::RollUp, 1, 3)
    );
    assert_eq!(
        cell.figure.value, None,
        "a partial roll-up is not a number unless asked"
    );
    assert_eq!(cell.figure.provenance[0].province, id("p63:84"));
    assert!(
        matrix
            .warnings
            .iter()
            .any(|w| w.code == WarningCode::Partial)
    );
    spec.include_partial = true;
    let matrix = compare(&dataset, &spec).expect("compares");
    let cell = matrix.rows[0].cells[0].as_ref().expect("a cell");
    assert_eq!(cell.figure.value, Some(1208.0));
    assert_eq!(
        cell.figure.qualifier,
        Qualifier::AtLeast,
        "missing members could only add"
    );
}

#[test]
fn the_63_list_maps_into_the_2025_provinces() {
    let dataset = dataset();
    let mut spec = compare_spec(&["p63:84", "p63:72", "p63:44"], &["bts_stations"]);
    spec.scheme = Some(Scheme::P34);
    let matrix = compare(&dataset, &spec).expect("compares");
    let provinces: Vec<String> = matrix.rows.iter().map(|r| r.province.to_string()).collect();
    assert_eq!(provinces, ["p34:86", "p34:80", "p34:44"]);
    spec.provinces = vec![id("p34:80")];
    spec.scheme = Some(Scheme::P63);
    assert!(
        compare(&dataset, &spec).is_err(),
        "a 2025 province has no single 63-list counterpart"
    );
}

#[test]
fn a_province_left_whole_keeps_its_figure_marked_as_derived() {
    // Hà Nội (01) was not merged: a user's figure for p63:01 answers p34:01 as 1 of 1.
    let csv = "observation_id,province,indicator_id,period,value,source_id\nu-1,p63:01,bts_stations,2024,15000,hn\n";
    let dataset = dataset().with_user_file(csv, "hn.csv").expect("loads");
    let matrix =
        compare(&dataset, &compare_spec(&["p34:01"], &["bts_stations"])).expect("compares");
    let cell = matrix.rows[0].cells[0].as_ref().expect("a cell");
    assert_eq!(cell.figure.value, Some(15000.0));
    let derived = cell.figure.derived.as_ref().expect("derived");
    assert_eq!((derived.reported, derived.members), (1, 1));
}

#[test]
fn per_capita_uses_the_nearest_gso_year_and_names_it() {
    let dataset = dataset();
    let mut spec = compare_spec(&["p63:84"], &["bts_stations", "households_fibre_share"]);
    spec.per_capita = true;
    let matrix = compare(&dataset, &spec).expect("compares");
    let bts = matrix.rows[0].cells[0].as_ref().expect("a cell");
    let derived = bts.figure.derived.as_ref().expect("derived");
    assert_eq!(derived.kind, DerivationKind::PerCapita);
    assert_eq!(derived.population_year, Some(2023));
    let population = dataset
        .reference()
        .population(id("p63:84"), 2023)
        .expect("on record")
        .population;
    let expected = 1208.0 / population * 100_000.0;
    assert!((bts.figure.value.expect("a value") - expected).abs() < 1e-9);
    assert_eq!(matrix.columns[0].unit, "per_100000_people");
    // A share is left as reported, with a warning.
    assert_eq!(matrix.columns[1].unit, "percent");
    assert!(
        matrix
            .warnings
            .iter()
            .any(|w| w.code == WarningCode::PerCapitaNotApplicable)
    );
}

#[test]
fn every_cell_carries_its_quote_or_its_table_cell() {
    let dataset = dataset();
    let ids: Vec<&str> = dataset.indicators().iter().map(|i| i.id.as_str()).collect();
    let matrix = compare(
        &dataset,
        &compare_spec(&["p63:84", "p63:44", "p63:72", "p63:30"], &ids),
    )
    .expect("compares");
    let mut cells = 0;
    for row in &matrix.rows {
        for cell in row.cells.iter().flatten() {
            assert!(!cell.figure.provenance.is_empty());
            for p in &cell.figure.provenance {
                let table_cell = p.cell.as_ref().filter(|c| !c.text.is_empty());
                assert!(p.quote.is_empty() != table_cell.is_none(), "{p:?}");
            }
            cells += 1;
        }
    }
    assert!(cells > 80, "{cells} cells");
}

fn series_spec(province: &str, indicator: &str) -> SeriesSpec {
    SeriesSpec {
        province: id(province),
        indicator: indicator.into(),
        period: PeriodSpec::Latest,
        from: None,
        to: None,
        scheme: None,
        per_capita: false,
        targets: false,
    }
}

#[test]
fn no_trend_is_drawn_across_two_definitions() {
    // The two Trà Vinh reports share no indicator: every series of Trà Vinh read from the
    // reports has one point (the national indices, read from tables, have one a year).
    let dataset = dataset();
    let from_tables = |indicator: &str| {
        dataset
            .observations()
            .any(|o| o.indicator == indicator && o.cell.is_some())
    };
    for indicator in dataset.indicators().iter().filter(|i| !from_tables(&i.id)) {
        let s = series(&dataset, &series_spec("p63:84", &indicator.id)).expect("a series");
        assert!(s.points.len() <= 1, "{}", indicator.id);
        assert!(s.change.is_none());
    }
}

#[test]
fn change_over_time_with_a_users_earlier_figure() {
    let csv = "observation_id,province,indicator_id,period,value,source_id\nu-1,p63:84,bts_stations,2020,1000,mine\n";
    let dataset = dataset().with_user_file(csv, "mine.csv").expect("loads");
    let s = series(&dataset, &series_spec("p63:84", "bts_stations")).expect("a series");
    let values: Vec<Option<f64>> = s.points.iter().map(|p| p.figure.value).collect();
    assert_eq!(values, [Some(1000.0), Some(1208.0)]);
    let change = s.change.expect("a change");
    assert_eq!(change.absolute, 208.0);
    assert!((change.relative.expect("relative") - 20.8).abs() < 1e-9);
    let yearly = (1.208_f64.powf(1.0 / 3.0) - 1.0) * 100.0;
    assert!((change.yearly_rate.expect("yearly") - yearly).abs() < 1e-9);
    // The 2025 province's series is rolled up year by year, partial (1 of 3) so without values.
    let s = series(&dataset, &series_spec("p34:86", "bts_stations")).expect("a series");
    assert_eq!(s.points.len(), 2);
    assert!(s.points.iter().all(|p| p.figure.value.is_none()));
}

#[test]
fn aggregates_by_region_year_and_pillar_with_coverage() {
    let dataset = dataset();
    let spec = AggregateSpec {
        indicator: Some("households_smartphone_share".into()),
        group_by: GroupBy::Region,
        period: PeriodSpec::Latest,
        scheme: None,
        targets: false,
    };
    let result = aggregate(&dataset, &spec).expect("aggregates");
    assert_eq!(result.groups.len(), 6);
    let reported: usize = result.groups.iter().map(|g| g.reported).sum();
    assert_eq!(reported, 2);
    assert_eq!(result.groups.iter().map(|g| g.provinces).sum::<usize>(), 63);
    assert!(
        result.groups.iter().all(|g| g.stats.sum.is_none()),
        "shares have no sum"
    );
    let by_year = aggregate(
        &dataset,
        &AggregateSpec {
            group_by: GroupBy::Year,
            ..spec.clone()
        },
    )
    .expect("aggregates");
    let keys: Vec<&str> = by_year.groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["2023", "2024"]);
    let pillars = aggregate(
        &dataset,
        &AggregateSpec {
            indicator: None,
            group_by: GroupBy::Pillar,
            ..spec
        },
    )
    .expect("aggregates");
    let total: usize = pillars.groups.iter().map(|g| g.stats.count).sum();
    // Figures of the 63-province list: the 2025 provinces' own are counted with theirs.
    assert_eq!(
        total,
        dataset
            .observations()
            .filter(|o| !o.is_target && o.province.scheme == Scheme::P63)
            .count()
    );
}

#[test]
fn unknown_names_are_errors_not_empty_answers() {
    let dataset = dataset();
    let error =
        compare(&dataset, &compare_spec(&["p63:84"], &["no_such_indicator"])).expect_err("refused");
    assert!(matches!(error.kind(), ErrorKind::UnknownIndicator { .. }));
    let error =
        compare(&dataset, &compare_spec(&["p34:99"], &["bts_stations"])).expect_err("refused");
    assert!(matches!(error.kind(), ErrorKind::UnknownProvince { .. }));
}

#[test]
fn a_profile_lists_every_figure_of_a_province_by_pillar() {
    let dataset = dataset();
    let tra_vinh = ict_compare::profile(&dataset, id("p63:84")).expect("a profile");
    let expected = dataset
        .observations()
        .filter(|o| o.province == id("p63:84"))
        .count();
    assert_eq!(tra_vinh.figures, expected);
    let listed: usize = tra_vinh
        .pillars
        .iter()
        .flat_map(|p| &p.entries)
        .map(|e| e.figures.len())
        .sum();
    assert_eq!(listed, expected);
    // The 2025 Vĩnh Long lists its own published figures (DTI 2024), then the figures of its
    // former provinces under their names.
    let vinh_long = ict_compare::profile(&dataset, id("p34:86")).expect("a profile");
    let members = [id("p34:86"), id("p63:83"), id("p63:84"), id("p63:86")];
    let expected = dataset
        .observations()
        .filter(|o| members.contains(&o.province))
        .count();
    assert_eq!(vinh_long.figures, expected);
    let entries: Vec<_> = vinh_long.pillars.iter().flat_map(|p| &p.entries).collect();
    assert!(entries.iter().all(|e| members.contains(&e.province)));
    assert!(entries.iter().any(|e| e.province == id("p63:84")));
    let own = entries
        .iter()
        .find(|e| e.province == id("p34:86") && e.indicator == "dti_score")
        .expect("the published 2025 figure is listed");
    assert_eq!(own.figures.len(), 1);
}

#[test]
fn a_province_is_not_compared_with_the_2025_province_that_holds_it() {
    let dataset = dataset();
    // Trà Vinh (p63:84) became part of Vĩnh Long (p34:86).
    let error = compare(
        &dataset,
        &compare_spec(&["p34:86", "p63:84"], &["dti_score"]),
    )
    .expect_err("a part beside its whole");
    assert_eq!(error.kind().code(), "invalidRequest");
    assert!(
        error.to_string().contains("p63:84 is part of p34:86"),
        "{error}"
    );
    // Brought to one list, the two are one province.
    let mut one_list = compare_spec(&["p34:86", "p63:84"], &["dti_score"]);
    one_list.scheme = Some(Scheme::P34);
    assert_eq!(
        compare(&dataset, &one_list).expect("one list").rows.len(),
        1
    );
    // Provinces of two lists that do not hold one another may stand side by side.
    let apart = compare(
        &dataset,
        &compare_spec(&["p34:01", "p63:84"], &["dti_score"]),
    );
    assert_eq!(apart.expect("apart").rows.len(), 2);
}
