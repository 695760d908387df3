//! The page's TypeScript types, generated from the answer types: `www/types/engine.d.ts`.
//!
//! The test fails when the committed file differs from what the types generate; run it with
//! `WRITE_TS_TYPES=1` (as `make lint` does) to rewrite the file.

use ts_rs::TS;

use super::catalog::*;
use super::charts::*;
use super::graphics::*;
use super::types::*;

/// The aliases the generated declarations refer to (types serialised as text).
const PRELUDE: &str = "\
// Generated from the engine's result types (src/view/types.rs) by `make lint`; do not edit.\n\
/** A province id: `p63:NN` (the 63 provinces until 30 June 2025) or `p34:NN`. */\n\
export type ProvinceId = string;\n\
/** `latest`, a year, or `YYYY-YYYY`. */\n\
export type PeriodSpec = \"latest\" | number | string;\n";

fn declarations() -> String {
    let mut out = String::from(PRELUDE);
    let mut add = |decl: String, docs: Option<String>| {
        out.push('\n');
        if let Some(docs) = docs {
            out.push_str(&docs);
        }
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    };
    macro_rules! each {
        ($($t:ty),+ $(,)?) => { $( add(<$t as TS>::decl(&ts_rs::Config::default()), <$t as TS>::docs()); )+ };
    }
    each!(
        crate::model::Scheme,
        crate::model::Qualifier,
        crate::model::Better,
        crate::model::Origin,
        crate::query::ReferenceKind,
        crate::query::AverageBasis,
        ProvinceViewSpec,
        ProvinceView,
        ProvinceSummary,
        IndicatorSummary,
        Place,
        HeadlineChange,
        Headline,
        FigureMark,
        ViewFigure,
        FigureRef,
        RankRow,
        ReferenceMark,
        RankingView,
        LineKind,
        LinePoint,
        SeriesLine,
        BreakMark,
        SeriesView,
        MapRefusal,
        MapValue,
        LegendBin,
        MapView,
        IndicatorAvailability,
        ProvinceAvailability,
        Availability,
        ReportFigure,
        Attribution,
        ViewWarningCode,
        ViewWarning,
        Conflict,
        DenseMatrix,
        ChartKind,
        ChartRefusal,
        ChartBar,
        ChartPoint,
        ChartLine,
        crate::compare::WarningCode,
        crate::compare::Warning,
        ChartView,
        MapTabView,
        InitialChoice,
        IndicatorDefinition,
        UnitDisplay,
        QualifierDisplay,
        PeriodChoice,
    );
    out
}

#[test]
fn the_committed_typescript_types_are_the_generated_ones() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/types/engine.d.ts");
    let generated = declarations();
    if std::env::var_os("WRITE_TS_TYPES").is_some() {
        std::fs::write(path, &generated).expect("www/types/engine.d.ts is writable");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "www/types/engine.d.ts is out of date: run `make lint` (WRITE_TS_TYPES=1 cargo test --lib view::typescript)"
    );
}
