//! What can go wrong, as data ([`ErrorKind`], [`PathRule`]), and the wording of each: the
//! messages in English that the command line prints and the page replaces with its own words
//! from the kind's values. Knows nothing of where an error was found (that is [`super::Position`]).

use std::fmt;

use crate::shortest::Shortest;

/// What went wrong. Variants carry the data a message or a program needs.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input has no header row at all.
    EmptyFile,
    /// The input has a header but no records.
    NoRows,
    /// The input is larger than the engine accepts.
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The largest accepted size in bytes.
        limit: u64,
    },
    /// A report's text holds more numbers than the extraction assistant reads in one go.
    TooManyNumbers {
        /// How many numbers the text holds.
        count: u64,
        /// The most a text may hold.
        limit: u64,
    },
    /// The bytes are not UTF-8 (a Windows-1258 export, say).
    InvalidUtf8,
    /// The bytes are not text at all: they hold control characters only binary files have.
    NotText,
    /// A quoted field is never closed.
    UnterminatedQuote,
    /// A quote character appears inside an unquoted field, or text follows a closing quote.
    StrayQuote,
    /// The header is one field holding `;`: the file was saved with semicolons between fields
    /// (a spreadsheet in a locale whose decimal mark is a comma), and commas are expected.
    SemicolonSeparated,
    /// The header lacks a required column.
    MissingColumn {
        /// The column's name.
        name: String,
    },
    /// The header names a column this format does not have.
    UnexpectedColumn {
        /// The column's name as written.
        name: String,
    },
    /// The header names the same column twice.
    DuplicateColumn {
        /// The column's name.
        name: String,
    },
    /// A record has more or fewer fields than the header.
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in this record.
        found: usize,
    },
    /// A required field is empty.
    EmptyField {
        /// The column's name.
        column: String,
    },
    /// A field does not hold a number.
    InvalidNumber {
        /// The column's name.
        column: String,
        /// The text found.
        text: String,
    },
    /// A field holds a value outside the set its column allows.
    InvalidValue {
        /// The column's name.
        column: String,
        /// The text found.
        text: String,
        /// What the column allows.
        expected: super::Allowed,
    },
    /// A province id names no province of its scheme.
    UnknownProvince {
        /// The id as written (`p63:99`).
        id: String,
    },
    /// An indicator id is not in the indicator list.
    UnknownIndicator {
        /// The id as written.
        id: String,
    },
    /// A source id is not in the source list.
    UnknownSource {
        /// The id as written.
        id: String,
    },
    /// An id that must be unique appears again.
    DuplicateId {
        /// The id.
        id: String,
        /// 1-based line of its first appearance.
        first_line: u64,
    },
    /// A reader's file uses the id of a bundled report or figure, which would let it speak for
    /// that report.
    BundledId {
        /// The column (`source_id`, `observation_id`).
        column: String,
        /// The id as written.
        id: String,
    },
    /// A value is impossible for its unit (a share above 100 %, a negative count).
    Implausible {
        /// The value.
        value: f64,
        /// The rule it breaks.
        reason: super::Implausibility,
    },
    /// A quote does not occur in the text of its source.
    QuoteNotInSource {
        /// The source's id.
        source_id: String,
    },
    /// A cited table cell is not in the stored copy of its table, or reads otherwise there.
    CellNotInTable {
        /// The table's id.
        source_id: String,
        /// The row cited (the province as published).
        row: String,
        /// The column cited.
        column: String,
        /// What the stored copy holds at that row and column, when it has such a cell.
        stored: Option<String>,
    },
    /// A non-empty cell of a cited column of a stored table is cited by no figure, or by several:
    /// the figures of a table must be its cells, each once.
    CellCitations {
        /// The table's id.
        source_id: String,
        /// The row (the province as published).
        row: String,
        /// The column.
        column: String,
        /// How many figures cite it: zero, or more than one.
        citations: usize,
    },
    /// A stored copy of a table cannot be read as its format says.
    InvalidTable {
        /// What is wrong, as the reader says it.
        message: String,
    },
    /// A province name in a published table maps to no province of the table's list, by
    /// name or by the aliases of the reference list.
    UnmappedName {
        /// The name as published.
        name: String,
        /// The list searched (`p63`, `p34`).
        scheme: String,
    },
    /// A request from the caller (a query spec, a command-line flag) is malformed.
    InvalidRequest {
        /// What is wrong with it.
        message: String,
    },
    /// Figures were asked to be compared whose definitions differ.
    Incomparable {
        /// Why they cannot be compared.
        reason: String,
    },
    /// A file could not be read, or the output written (CLI only).
    Io {
        /// What could not be done, with the operating system's message.
        message: String,
    },
    /// The bytes are UTF-16 (with or without a byte-order mark), not UTF-8.
    Utf16,
    /// A number whose meaning depends on the writer's convention: `1,234` is 1.234 with a
    /// decimal comma and 1234 with English thousands grouping.
    AmbiguousNumber {
        /// The column's name.
        column: String,
        /// The text found.
        text: String,
    },
    /// An id holds a character that cannot be seen: a byte-order mark, a zero-width space, a
    /// direction control, a control character.
    InvisibleCharacter {
        /// The column's name.
        column: String,
        /// The character's code point.
        code_point: u32,
    },
    /// `part_of` links lead back to where they started.
    PartOfCycle {
        /// The indicators of the cycle, in link order, the first repeated at the end.
        cycle: Vec<String>,
    },
    /// A path a data folder names breaks one of the rules for reading it (CLI only).
    PathRefused {
        /// The path as written.
        path: String,
        /// The rule it breaks.
        rule: PathRule,
    },
    /// An observation names a province other than its report's (or a part of it).
    ProvinceNotOfSource {
        /// The observation's province.
        province: String,
        /// The report's id.
        source_id: String,
        /// The report's province.
        source_province: String,
    },
    /// A reported (non-target) figure is dated after the report that states it.
    AfterReport {
        /// The figure's period.
        period: String,
        /// The report's publication date.
        published: String,
    },
    /// A value computed from figures is too large to be represented.
    Overflow {
        /// What was being computed.
        what: String,
    },
}

/// The rules a path named by a data folder must follow before anything is read from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum PathRule {
    /// Paths are relative to the data folder: `/etc/passwd`, `C:\x` and `\\host\x` are not.
    Relative,
    /// No `..` (nor `.`, nor an empty part): a path names a file below the folder.
    NoParent,
    /// Plain characters only: no control character, backslash or colon.
    PlainCharacters,
    /// After following links, the file is still inside the data folder.
    InsideFolder,
    /// A regular file: not a directory, device, FIFO or socket.
    RegularFile,
    /// No larger than the limit for one file.
    SizeLimit,
}

impl PathRule {
    /// The rule in words, for messages.
    #[must_use]
    pub fn explain(self) -> &'static str {
        match self {
            PathRule::Relative => "a path must be relative to the data folder, not absolute",
            PathRule::NoParent => "a path must not contain `..`, `.` or an empty part",
            PathRule::PlainCharacters => {
                "a path must not contain control characters, backslashes or colons"
            }
            PathRule::InsideFolder => {
                "after following links, a file must lie inside the data folder"
            }
            PathRule::RegularFile => {
                "only regular files are read, not directories, devices, FIFOs or sockets"
            }
            PathRule::SizeLimit => "the file is larger than the limit for one file",
        }
    }
}

impl ErrorKind {
    /// A stable, machine-readable name for the kind, e.g. `"invalidNumber"`; the same string the
    /// serialised form carries in its `kind` field.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::EmptyFile => "emptyFile",
            ErrorKind::NoRows => "noRows",
            ErrorKind::TooLarge { .. } => "tooLarge",
            ErrorKind::TooManyNumbers { .. } => "tooManyNumbers",
            ErrorKind::InvalidUtf8 => "invalidUtf8",
            ErrorKind::NotText => "notText",
            ErrorKind::UnterminatedQuote => "unterminatedQuote",
            ErrorKind::StrayQuote => "strayQuote",
            ErrorKind::SemicolonSeparated => "semicolonSeparated",
            ErrorKind::MissingColumn { .. } => "missingColumn",
            ErrorKind::UnexpectedColumn { .. } => "unexpectedColumn",
            ErrorKind::DuplicateColumn { .. } => "duplicateColumn",
            ErrorKind::FieldCount { .. } => "fieldCount",
            ErrorKind::EmptyField { .. } => "emptyField",
            ErrorKind::InvalidNumber { .. } => "invalidNumber",
            ErrorKind::InvalidValue { .. } => "invalidValue",
            ErrorKind::UnknownProvince { .. } => "unknownProvince",
            ErrorKind::UnknownIndicator { .. } => "unknownIndicator",
            ErrorKind::UnknownSource { .. } => "unknownSource",
            ErrorKind::DuplicateId { .. } => "duplicateId",
            ErrorKind::BundledId { .. } => "bundledId",
            ErrorKind::Implausible { .. } => "implausible",
            ErrorKind::QuoteNotInSource { .. } => "quoteNotInSource",
            ErrorKind::CellNotInTable { .. } => "cellNotInTable",
            ErrorKind::UnmappedName { .. } => "unmappedName",
            ErrorKind::CellCitations { .. } => "cellCitations",
            ErrorKind::InvalidTable { .. } => "invalidTable",
            ErrorKind::InvalidRequest { .. } => "invalidRequest",
            ErrorKind::Incomparable { .. } => "incomparable",
            ErrorKind::Io { .. } => "io",
            ErrorKind::Utf16 => "utf16",
            ErrorKind::AmbiguousNumber { .. } => "ambiguousNumber",
            ErrorKind::InvisibleCharacter { .. } => "invisibleCharacter",
            ErrorKind::PartOfCycle { .. } => "partOfCycle",
            ErrorKind::PathRefused { .. } => "pathRefused",
            ErrorKind::ProvinceNotOfSource { .. } => "provinceNotOfSource",
            ErrorKind::AfterReport { .. } => "afterReport",
            ErrorKind::Overflow { .. } => "overflow",
        }
    }
}

impl fmt::Display for ErrorKind {
    // One arm per kind, each a line or two: splitting the match would only hide which message
    // belongs to which kind.
    #[allow(clippy::too_many_lines)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::EmptyFile => f.write_str("empty file: expected a header row"),
            ErrorKind::NoRows => f.write_str("no records after the header"),
            ErrorKind::TooLarge { size, limit } => {
                write!(f, "file too large: {size} bytes, the limit is {limit}")
            }
            ErrorKind::TooManyNumbers { count, limit } => write!(
                f,
                "the text holds {count} numbers, more than the {limit} a report is read with: \
                 split it and read each part"
            ),
            ErrorKind::InvalidUtf8 => {
                f.write_str("invalid UTF-8: save the file as UTF-8 (not Windows-1258)")
            }
            ErrorKind::NotText => f.write_str(
                "not a text file: save the report as plain text (UTF-8), not as a document or image",
            ),
            ErrorKind::UnterminatedQuote => f.write_str("quoted field is never closed"),
            ErrorKind::StrayQuote => {
                f.write_str("stray quote: quote the whole field and double inner quotes")
            }
            ErrorKind::SemicolonSeparated => f.write_str(
                "the fields are separated by `;`: save the file as CSV with commas between fields",
            ),
            ErrorKind::MissingColumn { name } => write!(f, "missing column `{name}`"),
            ErrorKind::UnexpectedColumn { name } => write!(f, "unexpected column `{name}`"),
            ErrorKind::DuplicateColumn { name } => write!(f, "column `{name}` appears twice"),
            ErrorKind::FieldCount { expected, found } => {
                write!(f, "expected {expected} fields, found {found}")
            }
            ErrorKind::EmptyField { column } => write!(f, "empty `{column}`"),
            ErrorKind::InvalidNumber { column, text } => {
                write!(f, "invalid number in `{column}`: {text:?}")
            }
            ErrorKind::InvalidValue {
                column,
                text,
                expected,
            } => write!(f, "invalid `{column}` {text:?}: expected {expected}"),
            ErrorKind::UnknownProvince { id } => write!(f, "unknown province {id:?}"),
            ErrorKind::UnknownIndicator { id } => write!(f, "unknown indicator {id:?}"),
            ErrorKind::UnknownSource { id } => write!(f, "unknown source {id:?}"),
            ErrorKind::DuplicateId { id, first_line } => {
                write!(f, "duplicate id {id:?}, first used on line {first_line}")
            }
            ErrorKind::BundledId { column, id } if column == "observation_id" => write!(
                f,
                "`{column}` {id:?} is a bundled figure's id: a file of your own cannot stand \
                 in for a bundled figure; give the row an id of its own"
            ),
            ErrorKind::BundledId { column, id } => write!(
                f,
                "`{column}` {id:?} is a bundled report's id: a file of your own cannot add \
                 figures to a bundled report; give your source an id of its own"
            ),
            ErrorKind::Implausible { value, reason } => {
                // 1e308 written out is 309 digits.
                if value.abs() >= 1e15 {
                    write!(f, "implausible value {:e}: {reason}", Shortest(*value))
                } else {
                    write!(f, "implausible value {}: {reason}", Shortest(*value))
                }
            }
            ErrorKind::QuoteNotInSource { source_id } => {
                write!(f, "quote not found in the text of source {source_id:?}")
            }
            ErrorKind::CellNotInTable {
                source_id,
                row,
                column,
                stored: None,
            } => write!(
                f,
                "table {source_id:?} has no cell at row {row:?}, column {column:?}"
            ),
            ErrorKind::CellNotInTable {
                source_id,
                row,
                column,
                stored: Some(stored),
            } => write!(
                f,
                "the cell at row {row:?}, column {column:?} of table {source_id:?} reads {stored:?}"
            ),
            ErrorKind::CellCitations {
                source_id,
                row,
                column,
                citations: 0,
            } => write!(
                f,
                "the cell at row {row:?}, column {column:?} of table {source_id:?} is cited by no figure"
            ),
            ErrorKind::CellCitations {
                source_id,
                row,
                column,
                citations,
            } => write!(
                f,
                "the cell at row {row:?}, column {column:?} of table {source_id:?} is cited by {citations} figures"
            ),
            ErrorKind::InvalidTable { message } => write!(f, "cannot read the table: {message}"),
            ErrorKind::UnmappedName { name, scheme } => write!(
                f,
                "province name {name:?} matches no {scheme} province, by name or alias"
            ),
            ErrorKind::InvalidRequest { message } => write!(f, "invalid request: {message}"),
            ErrorKind::Incomparable { reason } => write!(f, "not comparable: {reason}"),
            ErrorKind::Io { message } => f.write_str(message),
            ErrorKind::Utf16 => f.write_str("the file is UTF-16: save it as UTF-8"),
            ErrorKind::AmbiguousNumber { column, text } => write!(
                f,
                "ambiguous number in `{column}`: {text:?} reads as a decimal comma in Vietnamese \
                 and as thousands in English; write it without grouping, with `.` for decimals \
                 (1234 or 1.234)"
            ),
            ErrorKind::InvisibleCharacter { column, code_point } => write!(
                f,
                "invisible character U+{code_point:04X} in `{column}`: ids are plain text; retype the id"
            ),
            ErrorKind::PartOfCycle { cycle } => {
                write!(f, "`part_of` goes round in a circle: {}", cycle.join(" → "))
            }
            ErrorKind::PathRefused { path, rule } => {
                write!(f, "path {path:?} refused: {}", rule.explain())
            }
            ErrorKind::ProvinceNotOfSource {
                province,
                source_id,
                source_province,
            } => write!(
                f,
                "province {province} is not that of report {source_id:?} ({source_province}) nor a part of it"
            ),
            ErrorKind::AfterReport { period, published } => write!(
                f,
                "a reported figure dated {period} is after its report ({published}); only a target may be"
            ),
            ErrorKind::Overflow { what } => {
                write!(
                    f,
                    "{what} is too large to compute: check the figures it is made of"
                )
            }
        }
    }
}
