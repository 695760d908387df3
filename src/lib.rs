//! ict-compare: compare the ICT and digital-transformation indicators of Vietnam's provinces.
//!
//! Every figure comes from a published provincial report or a published national table and
//! keeps its provenance: the report, the date and the Vietnamese sentence that states it, or the
//! table (the ministry's DTI ranking, PAPI's provincial scores), the row as published, the column
//! and the cell's text. The engine parses and validates the dataset, keeps it in memory column
//! by column, and answers the questions a comparison page asks, refusing to compare figures
//! whose definitions differ.
//!
//! ```text
//!   data/*.csv ──parse──▶ model values ──dataset──▶ columns + index ──query/compare──▶ results
//!   (outside input)        (Province,      (loaded whole      (one call per            │
//!                           Indicator, …)   or not at all)     user action)            ▼
//!                                               ▲                            bindings (wasm) ─▶ www/
//!   bundled.pack (data/ packed at build time) ──┘                            bin/ict-compare (CLI)
//! ```
//!
//! The core knows nothing of the browser: only `bindings`, compiled for `wasm32`, imports
//! wasm-bindgen, js-sys and web-sys.
//!
//! ```
//! use ict_compare::{Dataset, ProvinceId};
//!
//! let dataset = Dataset::bundled()?;
//! let tra_vinh: ProvinceId = "p63:84".parse().expect("a province id");
//! let figures = dataset.observations().filter(|o| o.province == tra_vinh).count();
//! assert!(figures > 0);
//! # Ok::<(), ict_compare::Error>(())
//! ```

mod check;
mod compare;
mod conventions;
mod dataset;
mod error;
mod export;
mod extract;
mod model;
mod order;
mod parse;
mod query;
mod shortest;
mod synthetic;
mod view;

#[cfg(target_arch = "wasm32")]
mod bindings;

/// The extraction assistant's handle, reachable from the wasm tests in `tests/web_extract.rs`.
#[cfg(all(target_arch = "wasm32", feature = "extractor"))]
#[doc(hidden)]
pub mod extractor_for_tests {
    pub use crate::bindings::Extractor;
}

/// The JavaScript-facing handle, reachable from the wasm tests in `tests/web.rs`.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod bindings_for_tests {
    pub use crate::bindings::JsDataset;
    #[cfg(feature = "own-datasets")]
    pub use crate::bindings::{JsDatasetLoader, PART};
}

pub use check::{
    Finding, Statement, consistency, exclusions, provenance, statements_in, table_provenance,
};
pub use compare::{
    Break, Cell, Change, Column, Comparability, ComparabilityCode, CompareSpec, MAX_REQUEST_ITEMS,
    Matrix, Profile, ProfileEntry, ProfilePillar, RankEntry, RankSpec, Ranking, Row, Series,
    SeriesPoint, SeriesSpec, Warning, WarningCode, comparability, compare,
    compare_without_provenance, ensure_comparable, profile, rank, series,
};
pub use conventions::conventions;
pub use dataset::{Dataset, DatasetFiles, DatasetLoader, Packs, Reference};
pub use error::{Allowed, Error, ErrorKind, Implausibility, PathRule, Position, Result, excerpt};
pub use export::{EXPORT_SEPARATOR, export_csv, spreadsheet_safe, table_csv};
pub use extract::{
    AcceptedFigure, Candidate, ExtractOptions, Extraction, MAX_TEXT_BYTES, NewReport,
    OBSERVATION_HEADER, PeriodBasis, Reason, Rejected, ReportRows, ReportRowsSpec, SOURCE_HEADER,
    SUGGESTIONS, Suggester, Suggestion, TextSpan, extract, extract_bytes, extract_with,
    report_rows, report_text,
};
pub use model::{
    APPROXIMATION, Aggregation, Better, Edition, Indicator, Interval, Observation, Origin, Period,
    Pillar, Province, ProvinceId, Qualifier, Region, RowFilter, Scheme, Source, TableCell,
    TableFormat, TableSource, Unit, is_snake_case, is_source_id,
};
pub use parse::{
    NumberInText, PopulationRecord, RankRecord, SourceList, StoredCell, StoredTable,
    TableSelection, decode_utf8, format_vietnamese_number, is_ambiguous_grouping, is_invisible,
    is_web_address, numbers_in_text, parse_data_number, parse_vietnamese_number, read_request,
    relative_path_problem, user_file_template, where_file_is_named, where_table_selects,
};
pub use query::{
    AggregateResult, AggregateSpec, AverageBasis, AverageSpec, CROSS_CHECK_TOLERANCE, CrossCheck,
    Derivation, DerivationKind, Figure, FigurePage, FigurePageSpec, Group, GroupBy,
    IndicatorCoverage, MAX_PAGE, Method, Options, PER_CAPITA_BASE, PER_CAPITA_DECIMALS,
    PER_CAPITA_UNIT, PeriodSpec, Provenance, ReferenceKind, ReferenceLine, References, SourceEntry,
    SourcePage, SourcePageSpec, Stats, Summary, UserFigures, aggregate, averages, coverage,
    figure_page, source_entries, source_page, user_figures,
};
pub use synthetic::{
    SYNTHETIC_HEADER, SYNTHETIC_INDICATORS, SYNTHETIC_MAX_ROWS, SYNTHETIC_SOURCES, SYNTHETIC_YEARS,
    SplitMix, synthetic_indicator_id, synthetic_indicators, synthetic_observations,
    synthetic_sources,
};
pub use view::{
    Attribution, Availability, BreakMark, Conflict, DEFAULT_FOCUS, DenseMatrix, FigureMark,
    FigureRef, HEADLINE_INDICATORS, Headline, HeadlineChange, IndicatorAvailability,
    IndicatorSummary, LegendBin, LineKind, LinePoint, MapRefusal, MapValue, MapView, Place,
    ProvinceAvailability, ProvinceSummary, ProvinceView, ProvinceViewSpec, RankRow, RankingView,
    ReferenceMark, ReportFigure, SeriesLine, SeriesView, ViewFigure, ViewWarning, ViewWarningCode,
    availability, availability_of, compare_dense, provenance as figure_provenance, province_view,
    table_conflicts,
};
pub use view::{
    ChartBar, ChartKind, ChartLine, ChartPoint, ChartRefusal, ChartView, GraphicsSpec,
    IndicatorDefinition, InitialChoice, MapTabView, PeriodChoice, QualifierDisplay, UnitDisplay,
    chart_view, indicator_definition, initial_choice, map_tab_view, period_choices,
    qualifier_displays, unit_displays,
};
