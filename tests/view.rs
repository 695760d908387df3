//! The view-ready answers against the bundled data: the province view's headline, ranking,
//! series, map, availability, report figures, sources and warnings; the dense comparison; the
//! provenance of one number; the whole-dataset export and the template of a reader's file.

use ict_compare::{
    CompareSpec, Dataset, FigureMark, LineKind, MapRefusal, PeriodSpec, ProvinceView,
    ProvinceViewSpec, Result, Scheme, ViewWarningCode, compare, compare_dense, export_csv,
    figure_provenance, province_view, user_file_template,
};

fn spec(province: &str) -> ProvinceViewSpec {
    ProvinceViewSpec {
        province: province.parse().expect("a province id"),
        indicator: None,
        period: None,
        scheme: None,
        per_capita: None,
    }
}

fn view(dataset: &Dataset, spec: &ProvinceViewSpec) -> ProvinceView {
    province_view(dataset, spec).expect("a province view")
}

#[test]
fn tay_ninh_headline_is_dti_2024_rank_53_of_63_down_since_2023_across_a_method_change() -> Result<()>
{
    let dataset = Dataset::bundled()?;
    let answer = view(&dataset, &spec("p63:72"));
    let dti = &answer.headlines[0];
    assert_eq!(dti.indicator.id, "dti_score");
    assert_eq!(dti.indicator.decimals, 4);
    let figure = dti.figure.as_ref().expect("a DTI figure");
    assert_eq!(
        (figure.value, figure.period.as_str()),
        (Some(0.6274), "2024")
    );
    assert_eq!(figure.mark, FigureMark::Published);
    let place = dti.place.expect("a rank");
    assert_eq!((place.rank, place.of, place.tied), (53, 63, false));
    let change = dti.change.as_ref().expect("a change");
    assert_eq!(change.from, "2023");
    assert_eq!(format!("{:.4}", change.absolute), "-0.0543");
    assert!(change.edition_break, "DTI 2024 is a new edition");
    let papi = &answer.headlines[1];
    assert_eq!(papi.indicator.id, "papi_e_governance");
    let place = papi.place.expect("a PAPI rank");
    assert_eq!((place.rank, place.of), (5, 61));
    assert!(!papi.change.as_ref().expect("a change").edition_break);
    Ok(())
}

#[test]
fn the_ranking_lists_every_province_in_rank_order_with_the_chosen_one_flagged() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let answer = view(&dataset, &spec("p63:72"));
    let rows = &answer.ranking.rows;
    assert_eq!(rows.len(), 63);
    assert_eq!(answer.ranking.missing, 0);
    let ranks: Vec<u32> = rows.iter().map(|r| r.place.expect("ranked").rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    let values: Vec<f64> = rows.iter().filter_map(|r| r.figure.value).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "higher is better");
    let chosen: Vec<_> = rows.iter().filter(|r| r.chosen).collect();
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0].province.to_string(), "p63:72");
    assert_eq!(chosen[0].place.expect("ranked").rank, 53);
    let lines: Vec<(String, u32, u32)> = answer
        .ranking
        .references
        .iter()
        .map(|l| (l.name_en.clone(), l.reported, l.provinces))
        .collect();
    assert_eq!(
        lines.len(),
        2,
        "the nation and Tây Ninh's region only: {lines:?}"
    );
    assert_eq!(lines[0].1, 63);
    assert_eq!(
        format!(
            "{:.4}",
            answer.ranking.references[0].value.unwrap_or_default()
        ),
        "0.6961"
    );
    assert_eq!(answer.ranking.references[1].region.as_deref(), Some("SE"));
    Ok(())
}

#[test]
fn the_series_has_the_province_its_region_and_the_nation_with_the_2024_break() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let answer = view(&dataset, &spec("p63:72"));
    let kinds: Vec<LineKind> = answer.series.lines.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [LineKind::Province, LineKind::Regional, LineKind::National]
    );
    let province: Vec<(u16, Option<f64>)> = answer.series.lines[0]
        .points
        .iter()
        .map(|p| (p.year, p.value))
        .collect();
    assert_eq!(
        province,
        [
            (2022, Some(0.5638)),
            (2023, Some(0.6817)),
            (2024, Some(0.6274))
        ]
    );
    assert_eq!(answer.series.breaks.len(), 1);
    assert_eq!(answer.series.breaks[0].year, 2024);
    // Every line reaches 2024 across the change of method, and no other year.
    for line in &answer.series.lines {
        let across: Vec<u16> = line
            .points
            .iter()
            .filter(|p| p.across_break)
            .map(|p| p.year)
            .collect();
        assert_eq!(across, [2024], "{:?}", line.kind);
    }
    assert_eq!(answer.timeline, [2022, 2023, 2024]);
    assert!(
        answer
            .warnings
            .iter()
            .any(|w| w.code == ViewWarningCode::MethodBreak)
    );
    Ok(())
}

#[test]
fn the_map_draws_the_focus_indicator_in_the_year_asked_and_every_value_has_its_bin() -> Result<()> {
    let dataset = Dataset::bundled()?;
    for (period, year) in [(None, 2024), (Some(PeriodSpec::Year(2023)), 2023)] {
        let mut asked = spec("p63:72");
        asked.period = period;
        let answer = view(&dataset, &asked);
        let map = &answer.map;
        assert_eq!(
            (map.indicator.as_str(), map.year),
            ("dti_score", Some(year))
        );
        assert_eq!(map.outlined, Some("p63:72".parse().expect("an id")));
        assert_eq!(map.values.len(), 63);
        let counted: u32 = map.bins.iter().map(|b| b.count).sum();
        assert_eq!(counted, 63);
        for value in &map.values {
            let bin = map.bins[value.bin as usize];
            assert!(
                bin.from <= value.value && value.value <= bin.to,
                "{value:?} {bin:?}"
            );
        }
        // The ranking follows the same year.
        assert!(
            answer
                .ranking
                .rows
                .iter()
                .all(|r| r.figure.period == year.to_string())
        );
    }
    Ok(())
}

#[test]
fn an_indicator_with_one_province_has_no_map_and_says_why() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let one = ict_compare::coverage(&dataset)
        .into_iter()
        .find(|c| c.provinces.len() == 1 && c.provinces[0].scheme == Scheme::P63)
        .expect("an indicator of one province");
    let mut asked = spec(&one.provinces[0].to_string());
    asked.indicator = Some(one.indicator.clone());
    let answer = view(&dataset, &asked);
    assert_eq!(answer.map.refused, Some(MapRefusal::OneProvince));
    assert!(answer.map.values.is_empty() && answer.map.bins.is_empty());
    let availability = answer
        .availability
        .indicators
        .iter()
        .find(|a| a.indicator == one.indicator)
        .expect("listed");
    assert_eq!(availability.provinces, 1);
    let province = answer
        .availability
        .provinces
        .iter()
        .find(|p| p.province == one.provinces[0])
        .expect("the province listed");
    assert!(province.indicators > 0);
    Ok(())
}

#[test]
fn the_34_province_view_has_published_dti_and_marks_lower_bounds_and_partial_means() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let mut asked = spec("p63:72");
    asked.scheme = Some(Scheme::P34);
    let answer = view(&dataset, &asked);
    assert_eq!(answer.province.id.to_string(), "p34:80");
    let dti = &answer.headlines[0];
    assert_eq!(dti.figure.as_ref().and_then(|f| f.value), Some(0.6959));
    assert_eq!(dti.place.map(|p| (p.rank, p.of)), Some((21, 34)));
    assert!(
        answer
            .warnings
            .iter()
            .any(|w| w.code == ViewWarningCode::Merger)
    );

    // A count reported by one of Vĩnh Long's three former provinces: at least that many.
    asked.province = "p34:86".parse().expect("an id");
    asked.indicator = Some("bts_stations".into());
    let answer = view(&dataset, &asked);
    let row = answer
        .ranking
        .rows
        .iter()
        .find(|r| r.chosen)
        .expect("a lower bound");
    assert_eq!(row.figure.mark, FigureMark::LowerBound);
    assert_eq!(
        (row.figure.reported, row.figure.members),
        (Some(1), Some(3))
    );
    assert!(row.place.is_none(), "a lower bound is not ranked");
    assert_eq!(answer.map.refused, Some(MapRefusal::OnlyPartial));
    assert!(
        answer
            .warnings
            .iter()
            .any(|w| w.code == ViewWarningCode::Partial)
    );

    // A share averaged over one of three: not a bound of anything.
    asked.indicator = Some("bts_4g_share".into());
    let answer = view(&dataset, &asked);
    let row = answer
        .ranking
        .rows
        .iter()
        .find(|r| r.chosen)
        .expect("a row");
    assert_eq!(row.figure.mark, FigureMark::Partial);
    Ok(())
}

#[test]
fn per_capita_is_offered_only_for_indicators_that_add_up() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let answer = view(&dataset, &spec("p63:72"));
    for a in &answer.availability.indicators {
        let definition = dataset.indicator(&a.indicator).expect("an indicator");
        assert_eq!(
            a.per_capita,
            definition.aggregation == ict_compare::Aggregation::Sum,
            "{}",
            a.indicator
        );
    }
    // Asked of an index (the default focus), per capita is refused, naming the indicator.
    let mut asked = spec("p63:72");
    asked.per_capita = Some(true);
    let refused = province_view(&dataset, &asked).expect_err("refused");
    assert!(refused.to_string().contains("dti_score"), "{refused}");
    asked.indicator = Some("bts_stations".into());
    let answer = view(&dataset, &asked);
    assert!(answer.indicator.per_capita);
    assert_eq!(answer.indicator.unit, "per_100000_people");
    Ok(())
}

#[test]
fn report_figures_put_the_comparable_ones_first_and_every_shown_source_is_credited() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let answer = view(&dataset, &spec("p63:72"));
    assert!(answer.report.len() > 2);
    let comparable: Vec<bool> = answer.report.iter().map(|r| r.comparable).collect();
    assert!(
        comparable.windows(2).all(|w| w[0] >= w[1]),
        "{comparable:?}"
    );
    assert!(answer.report.iter().any(|r| !r.comparable));
    let credited: Vec<&str> = answer.sources.iter().map(|s| s.id.as_str()).collect();
    for figure in answer
        .ranking
        .rows
        .iter()
        .map(|r| &r.figure)
        .chain(answer.report.iter().map(|r| &r.figure))
    {
        for source in &figure.sources {
            assert!(credited.contains(&source.as_str()), "{source} not credited");
        }
    }
    assert!(answer.sources.iter().any(|s| s.table.is_some()));
    Ok(())
}

#[test]
fn a_readers_figure_beside_a_published_one_is_a_conflict_not_a_replacement() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let csv = "province,indicator_id,period,value,source_id\np63:72,dti_score,2024,0.9,mine\n";
    let mine = dataset.with_user_file(csv, "mine.csv")?;
    let answer = view(&mine, &spec("p63:72"));
    let conflict = answer
        .warnings
        .iter()
        .find(|w| w.code == ViewWarningCode::Conflict)
        .expect("a conflict notice");
    assert_eq!(conflict.provinces.len(), 1);
    assert_eq!(conflict.provinces[0].to_string(), "p63:72");
    let row = answer
        .ranking
        .rows
        .iter()
        .find(|r| r.chosen)
        .expect("Tây Ninh's row");
    assert_eq!(row.figure.mark, FigureMark::User);
    assert_eq!(row.figure.value, Some(0.9));
    let published = row
        .published
        .as_ref()
        .expect("the published figure beside it");
    assert_eq!(
        (published.value, published.mark),
        (Some(0.6274), FigureMark::Published)
    );
    // The notice's list: both figures, each marked.
    assert_eq!(answer.conflicts.len(), 1, "{:?}", answer.conflicts);
    let listed = &answer.conflicts[0];
    assert_eq!(
        (listed.province.to_string(), listed.period.as_str()),
        ("p63:72".to_owned(), "2024")
    );
    assert_eq!(
        (listed.user.value, listed.user.mark),
        (Some(0.9), FigureMark::User)
    );
    assert_eq!(
        (listed.published.value, listed.published.mark),
        (Some(0.6274), FigureMark::Published)
    );
    let plain = view(&dataset, &spec("p63:72"));
    assert!(plain.conflicts.is_empty());
    assert!(plain.ranking.rows.iter().all(|r| r.published.is_none()));
    assert!(
        plain
            .warnings
            .iter()
            .all(|w| w.code != ViewWarningCode::Conflict)
    );
    Ok(())
}

#[test]
fn the_dense_comparison_holds_the_same_numbers_as_the_comparison() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let spec = CompareSpec {
        provinces: ["p63:72", "p63:84", "p63:01"]
            .iter()
            .map(|p| p.parse().expect("an id"))
            .collect(),
        indicators: vec!["dti_score".into(), "bts_stations".into()],
        period: PeriodSpec::Latest,
        per_capita: false,
        scheme: None,
        targets: false,
        include_partial: false,
        references: false,
    };
    let dense = compare_dense(&dataset, &spec)?;
    let matrix = compare(&dataset, &spec)?;
    assert_eq!(dense.values.len(), 6);
    for (r, row) in matrix.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let value = dense.values[r * 2 + c];
            match cell.as_ref().and_then(|cell| cell.figure.value) {
                Some(expected) => assert_eq!(value, expected),
                None => assert!(value.is_nan()),
            }
        }
    }
    assert_eq!(dense.decimals[0], 4);
    Ok(())
}

#[test]
fn a_rows_ref_fetches_the_figure_with_its_provenance() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let answer = view(&dataset, &spec("p63:72"));
    let row = answer
        .ranking
        .rows
        .iter()
        .find(|r| r.chosen)
        .expect("a row");
    let figure = figure_provenance(&dataset, &row.figure.figure_ref)?;
    assert_eq!(figure.value, row.figure.value);
    assert_eq!(figure.provenance.len(), 1);
    assert_eq!(figure.provenance[0].source, "dti-2024-p63");
    Ok(())
}

#[test]
fn the_export_is_every_figure_for_excel_in_a_vietnamese_locale() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let csv = "province,indicator_id,period,value,source_id,quote\n\
               p63:72,households_fibre_share,2024,64.5,mine,\"=HYPERLINK(\"\"x\"\")\"\n";
    let mine = dataset.with_user_file(csv, "mine.csv")?;
    let text = export_csv(&mine);
    assert!(text.starts_with("\u{feff}province;province_name;indicator;"));
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), mine.len() + 1);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("p63:72;Tây Ninh;dti_score;") && l.contains(";2024;0,6274;"))
    );
    let user = lines.last().expect("the reader's row");
    assert!(user.contains(";64,5;"), "{user}");
    assert!(user.contains(";\"'=HYPERLINK(\"\"x\"\")\";"), "{user}");
    Ok(())
}

#[test]
fn the_template_is_a_file_the_engine_reads() -> Result<()> {
    let template = user_file_template();
    let header = template.lines().next().unwrap_or_default();
    for column in ["province", "indicator_id", "period", "value", "source_id"] {
        assert!(header.split(',').any(|c| c == column), "{column}");
    }
    let dataset = Dataset::bundled()?;
    let mine = dataset.with_user_file(&template, "template.csv")?;
    assert_eq!(mine.len(), dataset.len() + 1);
    Ok(())
}

#[test]
fn every_indicator_in_both_lists_answers_a_view_whose_order_bins_and_marks_hold() -> Result<()> {
    let dataset = Dataset::bundled()?;
    for indicator in dataset.indicators() {
        for (province, scheme) in [("p63:84", Scheme::P63), ("p34:86", Scheme::P34)] {
            let mut asked = spec(province);
            asked.indicator = Some(indicator.id.clone());
            asked.scheme = Some(scheme);
            let answer = view(&dataset, &asked);
            let what = format!("{} in {scheme}", indicator.id);
            assert_eq!(
                answer.map.indicator, indicator.id,
                "{what}: the map's indicator"
            );
            let rows = &answer.ranking.rows;
            let ranked = rows.iter().take_while(|r| r.place.is_some()).count();
            assert!(
                rows[ranked..].iter().all(|r| r.place.is_none()),
                "{what}: unranked rows come last"
            );
            let places: Vec<_> = rows.iter().filter_map(|r| r.place).collect();
            assert!(places.windows(2).all(|w| w[0].rank <= w[1].rank), "{what}");
            assert!(places.iter().all(|p| p.of as usize == ranked), "{what}");
            assert!(rows.iter().filter(|r| r.chosen).count() <= 1, "{what}");
            for row in &rows[ranked..] {
                assert!(
                    matches!(
                        row.figure.mark,
                        FigureMark::LowerBound | FigureMark::Partial
                    ),
                    "{what}: an unranked row is a lower bound or partial"
                );
            }
            let counted: u32 = answer.map.bins.iter().map(|b| b.count).sum();
            assert_eq!(counted as usize, answer.map.values.len(), "{what}");
            for value in &answer.map.values {
                let bin = answer.map.bins[value.bin as usize];
                assert!(bin.from <= value.value && value.value <= bin.to, "{what}");
            }
            assert_eq!(
                answer.map.refused.is_none(),
                answer.map.values.len() > 1,
                "{what}: a map is drawn exactly when it compares"
            );
        }
    }
    Ok(())
}
