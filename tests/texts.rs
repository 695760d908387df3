//! The bundled dataset's long texts (definitions, methodology, quotes, notes, table-cell places)
//! in a pack of their own: the page's engine answers its first views without them, the same as
//! with them, and refuses what would show one until they are attached.

use ict_compare::{
    AggregateSpec, AverageSpec, CompareSpec, Dataset, GraphicsSpec, ProvinceViewSpec, Result,
    Scheme, SourcePageSpec, aggregate, availability, averages, chart_view, comparability,
    compare_dense, compare_without_provenance, coverage, indicator_definition, map_tab_view,
    province_view, source_entries, source_page, table_conflicts,
};
use serde::Serialize;

fn pending() -> Result<(Dataset, Dataset, Vec<u8>)> {
    let complete = Dataset::bundled()?;
    let packs = complete.to_packs();
    Ok((complete, Dataset::from_pack(&packs.main)?, packs.texts))
}

fn same<T: Serialize>(a: Result<T>, b: Result<T>, what: &str) {
    let json = |x: Result<T>| serde_json::to_string(&x.expect(what)).expect("serialises");
    assert_eq!(json(a), json(b), "{what}");
}

fn spec<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("a spec")
}

#[test]
fn every_answer_of_a_first_view_is_the_same_before_the_texts_arrive() -> Result<()> {
    let (complete, pending, _) = pending()?;
    assert!(pending.texts_pending() && !complete.texts_pending());
    for province in ["p63:72", "p63:84", "p63:01", "p34:01"] {
        let view: ProvinceViewSpec = spec(&format!(r#"{{"province": "{province}"}}"#));
        same(
            province_view(&pending, &view),
            province_view(&complete, &view),
            province,
        );
    }
    for choice in [
        r#"{"provinces": ["p63:72", "p63:84"], "indicators": ["dti_score", "bts_stations"]}"#,
        r#"{"provinces": ["p34:01", "p34:20"], "indicators": ["dti_score"], "scheme": "p34"}"#,
    ] {
        let choice: CompareSpec = spec(choice);
        same(
            compare_dense(&pending, &choice),
            compare_dense(&complete, &choice),
            "dense",
        );
        same(
            compare_without_provenance(&pending, &choice),
            compare_without_provenance(&complete, &choice),
            "table",
        );
        same(
            table_conflicts(&pending, &choice),
            table_conflicts(&complete, &choice),
            "conflicts",
        );
        let graphics = GraphicsSpec::of_choice(choice, Some("dti_score".into()));
        same(
            chart_view(&pending, &graphics),
            chart_view(&complete, &graphics),
            "chart",
        );
        same(
            map_tab_view(&pending, &graphics),
            map_tab_view(&complete, &graphics),
            "map",
        );
    }
    let by_region: AggregateSpec = spec(r#"{"indicator": "dti_score", "groupBy": "region"}"#);
    same(
        aggregate(&pending, &by_region),
        aggregate(&complete, &by_region),
        "aggregate",
    );
    let average: AverageSpec = spec(r#"{"indicator": "dti_score"}"#);
    same(
        averages(&pending, &average),
        averages(&complete, &average),
        "averages",
    );
    same(
        comparability(&pending, &["dti_score", "bts_stations"]),
        comparability(&complete, &["dti_score", "bts_stations"]),
        "comparability",
    );
    let page: SourcePageSpec = spec(r#"{"limit": 50}"#);
    same(
        source_page(&pending, page),
        source_page(&complete, page),
        "sources",
    );
    same(
        Ok(source_entries(&pending)),
        Ok(source_entries(&complete)),
        "entries",
    );
    same(Ok(coverage(&pending)), Ok(coverage(&complete)), "coverage");
    for scheme in [Scheme::P63, Scheme::P34] {
        same(
            Ok(availability(&pending, scheme)),
            Ok(availability(&complete, scheme)),
            "availability",
        );
    }
    Ok(())
}

/// A reader's figure beside a published one is a conflict whether or not the published one's
/// quote has arrived; the conflict answer shows no text.
#[test]
fn a_readers_conflict_is_the_same_before_the_texts_arrive() -> Result<()> {
    let (complete, pending, _) = pending()?;
    let csv = "observation_id,province,indicator_id,period,value,source_id\n\
               mine-1,p63:72,dti_score,2024,0.7,my-count\n";
    let (complete, pending) = (
        complete.with_user_file(csv, "mine.csv")?,
        pending.with_user_file(csv, "mine.csv")?,
    );
    let choice: CompareSpec =
        spec(r#"{"provinces": ["p63:72", "p63:84"], "indicators": ["dti_score"]}"#);
    let conflicts = table_conflicts(&complete, &choice)?;
    assert_eq!(
        conflicts.len(),
        1,
        "the reader's 0.7 beside the published figure"
    );
    same(
        table_conflicts(&pending, &choice),
        Ok(conflicts),
        "conflicts",
    );
    Ok(())
}

#[test]
fn a_definition_waits_for_the_texts_and_then_is_the_one_of_data() -> Result<()> {
    let (complete, mut pending, texts) = pending()?;
    let refused = indicator_definition(&pending, "dti_score").unwrap_err();
    assert_eq!(refused.kind().code(), "invalidRequest");
    pending.attach_texts(&texts)?;
    for indicator in complete.indicators() {
        let definition = indicator_definition(&pending, &indicator.id)?;
        assert_eq!(definition.definition_vi, indicator.definition_vi);
        assert_eq!(definition.methodology_en, indicator.methodology_en);
    }
    assert!(
        !indicator_definition(&pending, "dti_score")?
            .definition_vi
            .is_empty()
    );
    assert_eq!(
        pending.observations().collect::<Vec<_>>(),
        complete.observations().collect::<Vec<_>>()
    );
    Ok(())
}
