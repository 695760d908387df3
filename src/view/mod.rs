//! View-ready answers: one call per reader's action returns everything one screen draws, in
//! the order it is drawn, with the display decisions (decimals, ranks "k of n", legend bins,
//! marks for derived and partial figures, the sources to credit, the warnings to show) already
//! taken, so that the page only draws.
//!
//! This module composes `query` and `compare` (ranks, series, averages, roll-ups); it computes
//! no figure of its own beyond arranging theirs. It knows nothing of JavaScript: `bindings`
//! serialises its answers, and the TypeScript types of those answers are generated from the
//! types here (`typescript`, tests only), so a renamed field breaks the page's type check.

mod availability;
mod catalog;
mod chart;
mod charts;
mod conflict;
mod dense;
mod graphics;
// Answers as JSON text: how `bindings` hands them to the page.
#[cfg(any(target_arch = "wasm32", test))]
mod json;
mod map;
mod map_tab;
mod province;
mod series;
mod types;

#[cfg(test)]
mod typescript;
mod warnings;

pub use availability::{availability, availability_of};
pub use catalog::{
    IndicatorDefinition, InitialChoice, PeriodChoice, QualifierDisplay, UnitDisplay,
    indicator_definition, initial_choice, period_choices, qualifier_displays, unit_displays,
};
pub use chart::chart_view;
pub use charts::*;
pub use conflict::table_conflicts;
pub use dense::{compare_dense, provenance};
pub use graphics::*;
#[cfg(target_arch = "wasm32")]
pub(crate) use json::to_json;
pub use map_tab::map_tab_view;
pub(crate) use province::figure_mark;
pub use province::province_view;
pub use types::*;
