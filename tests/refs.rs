//! Every number a view shows opens, by its `ref`, the very figure it shows: the table's cells
//! (and by the address the dense answer gives them), the province view's ranking, headlines
//! and report figures, and the chart's bars, in both lists of provinces, for the latest
//! figures and for a year. A 2025 province's figure for
//! `latest` rolls up each former province's own latest figure, so the ref carries the period
//! the view was asked, not the year of the figure.

use ict_compare::{
    CompareSpec, Dataset, Figure, FigureRef, GraphicsSpec, ProvinceViewSpec, Result, Scheme,
    ViewFigure, chart_view, compare, compare_dense, compare_without_provenance, figure_provenance,
    province_view,
};

fn spec<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("a spec")
}

/// The figure `shown` opens is the one it shows.
fn opens_what_it_shows(dataset: &Dataset, shown: &ViewFigure) -> Result<()> {
    let Some(value) = shown.value else {
        return Ok(());
    };
    let opened: Figure = figure_provenance(dataset, &shown.figure_ref)?;
    assert_eq!(opened.value, Some(value), "{:?}", shown.figure_ref);
    assert_eq!(
        opened.period.to_string(),
        shown.period,
        "{:?}",
        shown.figure_ref
    );
    Ok(())
}

#[test]
fn every_figure_of_a_province_view_opens_the_figure_it_shows() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let provinces: Vec<String> = dataset
        .reference()
        .provinces()
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    let mut opened = 0;
    for province in &provinces {
        for indicator in ["dti_score", "papi_e_governance"] {
            for period in ["", r#", "period": 2023"#] {
                let view: ProvinceViewSpec = spec(&format!(
                    r#"{{"province": "{province}", "indicator": "{indicator}"{period}}}"#
                ));
                let answer = province_view(&dataset, &view)?;
                for row in &answer.ranking.rows {
                    opens_what_it_shows(&dataset, &row.figure)?;
                    opened += 1;
                }
                for headline in &answer.headlines {
                    if let Some(figure) = &headline.figure {
                        opens_what_it_shows(&dataset, figure)?;
                    }
                }
                for report in &answer.report {
                    opens_what_it_shows(&dataset, &report.figure)?;
                }
            }
        }
    }
    assert!(opened > 10_000, "{opened}");
    Ok(())
}

#[test]
fn every_bar_of_the_chart_opens_the_figure_it_shows() -> Result<()> {
    let dataset = Dataset::bundled()?;
    for (scheme, period) in [("p63", "latest"), ("p34", "latest"), ("p34", "2023")] {
        let provinces: Vec<String> = dataset
            .reference()
            .provinces()
            .iter()
            .filter(|p| p.id.to_string().starts_with(scheme))
            .map(|p| p.id.to_string())
            .collect();
        let period = if period == "latest" {
            "\"latest\"".to_owned()
        } else {
            period.to_owned()
        };
        for indicator in ["dti_score", "papi_e_governance"] {
            let choice: CompareSpec = spec(&format!(
                r#"{{"provinces": {}, "indicators": ["{indicator}"], "period": {period}, "scheme": "{scheme}"}}"#,
                serde_json::to_string(&provinces).expect("json"),
            ));
            let answer = chart_view(&dataset, &GraphicsSpec::of_choice(choice, None))?;
            assert!(!answer.bars.is_empty());
            for bar in &answer.bars {
                opens_what_it_shows(&dataset, &bar.figure)?;
            }
        }
    }
    Ok(())
}

/// The table draws figures without provenance; a number it shows, opened by its `ref`, is the
/// figure the full comparison gives, with that figure's provenance.
#[test]
fn every_cell_of_the_table_opens_to_the_figure_it_shows() -> Result<()> {
    let dataset = Dataset::bundled()?;
    let all63: Vec<String> = dataset
        .reference()
        .provinces()
        .iter()
        .filter(|p| p.id.scheme == Scheme::P63)
        .map(|p| p.id.to_string())
        .collect();
    let indicators: Vec<String> = dataset.indicators().iter().map(|x| x.id.clone()).collect();
    let mut opened = 0;
    for extra in [
        "",
        r#", "perCapita": true"#,
        r#", "scheme": "p34""#,
        r#", "scheme": "p34", "includePartial": true"#,
        r#", "targets": true"#,
        r#", "period": 2023"#,
        r#", "period": "2016-2020""#,
    ] {
        for chunk in indicators.chunks(30) {
            let choice: CompareSpec = spec(&format!(
                r#"{{"provinces": {}, "indicators": {}{extra}}}"#,
                serde_json::to_string(&all63[..50]).expect("json"),
                serde_json::to_string(chunk).expect("json"),
            ));
            let lean = compare_without_provenance(&dataset, &choice)?;
            let full = compare(&dataset, &choice)?;
            assert_eq!(lean.warnings, full.warnings);
            let dense = compare_dense(&dataset, &choice)?;
            let width = dense.indicators.len();
            for (r, (lean_row, full_row)) in lean.rows.iter().zip(&full.rows).enumerate() {
                for (c, (lean_cell, full_cell)) in
                    lean_row.cells.iter().zip(&full_row.cells).enumerate()
                {
                    let (Some(lean_cell), Some(full_cell)) = (lean_cell, full_cell) else {
                        assert_eq!(lean_cell.is_none(), full_cell.is_none());
                        continue;
                    };
                    assert!(lean_cell.figure.provenance.is_empty());
                    assert_eq!(lean_cell.figure_ref, full_cell.figure_ref);
                    // The table's address of a cell of the dense answer, as its type documents it.
                    let i = r * width + c;
                    let dense_ref = FigureRef {
                        province: dense.provinces[r],
                        indicator: dense.indicators[c].clone(),
                        period: dense.period,
                        per_capita: dense.per_capita[c],
                        target: dense.targets[i],
                    };
                    assert_eq!(dense_ref, full_cell.figure_ref);
                    if lean_cell.figure.value.is_none() {
                        continue;
                    }
                    let at = figure_provenance(&dataset, &lean_cell.figure_ref)?;
                    assert_eq!(
                        (at.value, at.period, at.qualifier, &at.derived),
                        (
                            full_cell.figure.value,
                            full_cell.figure.period,
                            full_cell.figure.qualifier,
                            &full_cell.figure.derived
                        ),
                        "{:?}{extra}",
                        lean_cell.figure_ref
                    );
                    assert_eq!(at.provenance, full_cell.figure.provenance);
                    opened += 1;
                }
            }
        }
    }
    assert!(opened > 500, "{opened}");
    Ok(())
}
