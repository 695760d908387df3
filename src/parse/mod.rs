//! Reading outside input: CSV text, the dataset's file formats, stored copies of published
//! tables, Vietnamese numbers.
//!
//! Everything that knows a column name or a number format lives here, and nothing here knows
//! how the dataset stores or answers anything.

mod csv;
mod files;
mod lines;
mod number;
mod qualifier;
mod record;
mod request;
mod scale;
mod stored;
mod table;
mod text;
mod words;

/// Spaces as reports type them between a number and its words: ordinary, no-break and tabs.
const SPACES: [char; 3] = [' ', '\t', '\u{a0}'];

pub(crate) use csv::{UTF16_SNIFF, line_ends, lines_in, looks_like_utf16};
pub(crate) use files::{ObservationStream, RowSink, SOURCES, most_rows};
pub(crate) use lines::{LineRecord, Packed, slots};
pub(crate) use number::{RANGE_DASHES, RANGE_WORDS, plain_decimal};
pub(crate) use qualifier::{qualifier_after, qualifier_before, qualifier_by_convention};
pub(crate) use record::Record;
pub(crate) use scale::{QuotedRow, scale_at, unit_bracket};
pub(crate) use table::{Schema, Table};
pub use text::{is_invisible, is_web_address, relative_path_problem};
pub(crate) use words::{ends_with_word, is_in_lower_case};

pub use files::{
    CellRef, ObservationRow, PopulationRecord, RankRecord, SourceList, TableSelection,
    observation_column, parse_dti, parse_editions, parse_indicators, parse_merger,
    parse_observations, parse_population, parse_provinces_p34, parse_provinces_p63, parse_sources,
    parse_tables, user_file_template, where_file_is_named, where_table_selects,
};
pub use number::{
    NumberInText, format_vietnamese_number, is_ambiguous_grouping, numbers_in_text,
    parse_data_number, parse_vietnamese_number,
};
pub use request::read_request;
pub use stored::{StoredCell, StoredTable, cell_in};

/// Decodes a file's bytes as UTF-8, or says where (line, column) the first invalid byte is.
pub fn decode_utf8<'a>(bytes: &'a [u8], file: Option<&str>) -> crate::Result<&'a str> {
    csv::Reader::decode(bytes, file)
}
