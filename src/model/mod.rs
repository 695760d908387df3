//! The domain's nouns: provinces, indicators (with their methodology editions), sources (reports
//! and published tables) and observations, and the small value types they are made of.
//!
//! Nothing here parses files or answers queries; the types are plain data with the rules that
//! belong to the values themselves (what `p63:84` means, how "trên 74 %" bounds the truth).

mod indicator;
mod observation;
mod province;
mod source;

pub use indicator::{Aggregation, Better, Edition, Indicator, Pillar, Unit, is_snake_case};
pub use observation::{APPROXIMATION, Interval, Observation, Origin, Period, Qualifier, TableCell};
pub use province::{Province, ProvinceId, Region, Scheme};
pub use source::{RowFilter, Source, TableFormat, TableSource, is_source_id};
