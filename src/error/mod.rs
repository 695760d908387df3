//! The one error type of the crate: a kind, saying what went wrong, and an optional position,
//! saying where.
//!
//! This module owns the wording of every message. It knows nothing of CSV columns beyond the
//! names other modules hand it, and nothing of JavaScript: the binding layer turns an [`Error`]
//! into a JS `Error` by reading [`Error::kind`], [`ErrorKind::code`] and [`Error::position`].

use std::fmt;

/// Where in the input an error was found.
///
/// `line` and `column` are 1-based, as an editor shows them; `column` counts characters
/// (Unicode scalar values), not bytes, so that it points at the right place in Vietnamese text.
/// In a CSV file, `field` is the 1-based number of the field within its record, what a
/// spreadsheet shows as a column ("field 3"), which `column` is not.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    /// The file's name as the caller gave it (`observations.csv`), if there is one.
    pub file: Option<String>,
    /// 1-based line number.
    pub line: u64,
    /// 1-based column, in characters.
    pub column: u64,
    /// 1-based field of a CSV record, when the error is in (or about) one field.
    pub field: Option<u64>,
}

impl Position {
    /// A position in a named file.
    #[must_use]
    pub fn new(file: Option<&str>, line: u64, column: u64) -> Self {
        Position {
            file: file.map(str::to_owned),
            line,
            column,
            field: None,
        }
    }

    /// The same position, in the `field`th field (1-based) of its record.
    #[must_use]
    pub fn in_field(mut self, field: u64) -> Self {
        self.field = Some(field);
        self
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{file}:{}:{}", self.line, self.column),
            None => write!(f, "line {}, column {}", self.line, self.column),
        }
    }
}

mod allowed;
mod implausibility;
mod kind;

pub use allowed::Allowed;
pub use implausibility::Implausibility;
pub use kind::{ErrorKind, PathRule};

/// An error: what went wrong, and where when that is known.
///
/// `Display` puts the place first and uses lower case with no trailing period:
/// `observations.csv:12:37: invalid number in `value`: "1,2,3"`.
///
/// One box holds it all, so that an error is one pointer: every check of every field of every
/// row returns a `Result`, and a `Result<(), Error>` then fits in a register where a wider
/// error would be written to memory and copied at each `?`, on the path that does not fail.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq)]
struct Inner {
    kind: ErrorKind,
    position: Option<Position>,
}

impl Error {
    /// An error with no position (a malformed request, say).
    #[must_use]
    pub fn new(kind: ErrorKind) -> Self {
        Error(Box::new(Inner {
            kind,
            position: None,
        }))
    }

    /// An error at a place in the input.
    #[must_use]
    pub fn at(kind: ErrorKind, position: Position) -> Self {
        Error(Box::new(Inner {
            kind,
            position: Some(position),
        }))
    }

    /// Shorthand for [`ErrorKind::InvalidRequest`].
    #[must_use]
    pub fn request(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidRequest {
            message: message.into(),
        })
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Where, when known.
    #[must_use]
    pub fn position(&self) -> Option<&Position> {
        self.0.position.as_ref()
    }

    /// The same error, placed at `position` when it has no position of its own: a file's
    /// problem said where the file is named.
    #[must_use]
    pub fn or_at(mut self, position: Option<Position>) -> Self {
        if self.0.position.is_none() {
            self.0.position = position;
        }
        self
    }

    /// The same error, placed in `file` when it has a position without a file name.
    #[must_use]
    pub fn in_file(mut self, file: &str) -> Self {
        if let Some(position) = &mut self.0.position
            && position.file.is_none()
        {
            position.file = Some(file.to_owned());
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.position {
            Some(position) => write!(f, "{position}: {}", self.0.kind),
            None => write!(f, "{}", self.0.kind),
        }
    }
}

impl std::error::Error for Error {}

/// At most this many characters of outside text go into an error: a 10 MB line must not
/// become a 10 MB message.
const EXCERPT_CHARS: usize = 60;

/// `text`, shortened to 60 characters with an ellipsis, for error messages.
#[must_use]
pub fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_puts_the_place_first() {
        let error = Error::at(
            ErrorKind::InvalidNumber {
                column: "value".into(),
                text: "1,2,3".into(),
            },
            Position::new(Some("observations.csv"), 12, 37),
        );
        assert_eq!(
            error.to_string(),
            r#"observations.csv:12:37: invalid number in `value`: "1,2,3""#
        );
    }

    #[test]
    fn in_file_names_an_unnamed_position_only() {
        let error = Error::at(ErrorKind::EmptyFile, Position::new(None, 1, 1)).in_file("a.csv");
        assert_eq!(
            error.to_string(),
            "a.csv:1:1: empty file: expected a header row"
        );
        let error = error.in_file("b.csv");
        assert_eq!(
            error.position().and_then(|p| p.file.as_deref()),
            Some("a.csv")
        );
    }

    #[test]
    fn an_error_is_one_pointer_wide() {
        // What the box is for: the checks' results on the path that does not fail.
        assert_eq!(size_of::<Result<(), Error>>(), size_of::<usize>());
        assert_eq!(size_of::<Result<&str, Error>>(), size_of::<&str>());
    }

    #[test]
    fn excerpts_keep_short_text_and_cut_long_text() {
        assert_eq!(excerpt("Trà Vinh"), "Trà Vinh");
        let long = "ă".repeat(1000);
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS + 1);
    }

    #[test]
    fn code_matches_the_serialised_tag() {
        let kind = ErrorKind::UnknownIndicator { id: "x".into() };
        let text = format!("{kind:?}");
        assert!(text.starts_with("UnknownIndicator"));
        assert_eq!(kind.code(), "unknownIndicator");
    }
}
