//! Reading a request: the JSON text of a plain object (as `JSON.stringify` writes what a page
//! asks) into the request's typed spec, through the spec's own `Deserialize`.
//!
//! A small reader of its own rather than a general one: a request is a few strings, whole
//! numbers, booleans and lists. A number is read as a float only where a spec asks for one (a
//! figure the report assistant was given), so that an engine whose specs ask for none reads no
//! float; a refusal quotes a number as it was written. Every key is handed to the spec, so that
//! its `deny_unknown_fields` refuses a misspelt one by name. It knows JSON, not what a request
//! means, nor where the text came from.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeOwned, Expected, Unexpected};

use crate::shortest::Shortest;

mod reader;
mod value;

#[cfg(test)]
mod tests;

use reader::Reader;

/// The deepest a request nests (a list in an object is two): deeper text is refused, not read
/// by a recursion the stack may not hold.
const MAX_DEPTH: usize = 16;

/// Reads `text`, the JSON text of one request, as its spec; refused as an `InvalidRequest`
/// that names the request (`what`, as "compare spec") and says what is wrong.
///
/// # Errors
///
/// When the text is not one JSON value, or not the spec's (a field missing, unknown or of
/// another type).
pub fn read_request<T: DeserializeOwned>(text: &str, what: &str) -> crate::Result<T> {
    from_json(text)
        .map_err(|RequestError(message)| crate::Error::request(format!("{what}: {message}")))
}

/// Reads `text`, one JSON value, as a `T`.
fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, RequestError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.blank();
    if reader.at < text.len() {
        return Err(reader.error("text after the request"));
    }
    T::deserialize(value)
}

/// Why a request was refused, in words: the reader's own error, as serde requires one, made an
/// [`crate::Error`] by [`read_request`].
///
/// The words are boxed, so that the result of every step of serde's reading is one word
/// wide on the path that does not fail: a `String` made each of them three, returned through
/// memory, at every field of every spec (1.8 KB of the WebAssembly module).
#[derive(Debug, Clone, PartialEq, Eq)]
#[expect(
    clippy::box_collection,
    reason = "a thin pointer; `Box<str>` is two words and costs more code than it saves"
)]
struct RequestError(Box<String>);

impl RequestError {
    fn new(message: String) -> Self {
        RequestError(Box::new(message))
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RequestError {}

impl de::Error for RequestError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        RequestError::new(message.to_string())
    }

    // serde's own wording of these prints an unexpected float with `Display`, which would link
    // the standard library's float formatting into every engine that reads a request.
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        RequestError::new(format!(
            "invalid type: {}, expected {expected}",
            Described(unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        RequestError::new(format!(
            "invalid value: {}, expected {expected}",
            Described(unexpected)
        ))
    }
}

/// An unexpected value in words, as serde words it, a float written by [`Shortest`].
struct Described<'a>(Unexpected<'a>);

impl fmt::Display for Described<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unsigned(n) => write!(f, "integer `{n}`"),
            Unexpected::Signed(n) => write!(f, "integer `{n}`"),
            Unexpected::Float(v) => write!(f, "floating point `{}`", Shortest(v)),
            Unexpected::Char(c) => write!(f, "character `{c}`"),
            Unexpected::Str(s) => write!(f, "string {s:?}"),
            Unexpected::Bytes(_) => f.write_str("bytes"),
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Option => f.write_str("an optional value"),
            Unexpected::NewtypeStruct => f.write_str("a newtype struct"),
            Unexpected::Seq => f.write_str("a list"),
            Unexpected::Map => f.write_str("an object"),
            Unexpected::Enum => f.write_str("an enum"),
            Unexpected::UnitVariant => f.write_str("a unit variant"),
            Unexpected::NewtypeVariant => f.write_str("a newtype variant"),
            Unexpected::TupleVariant => f.write_str("a tuple variant"),
            Unexpected::StructVariant => f.write_str("a struct variant"),
            Unexpected::Other(other) => f.write_str(other),
        }
    }
}

/// One JSON value of a request, its strings borrowed from the text unless they had escapes.
#[derive(Debug, Clone, PartialEq)]
enum Value<'a> {
    Null,
    Bool(bool),
    /// A number as written: read as a whole number when a spec asks for one.
    Number(&'a str),
    Text(Cow<'a, str>),
    List(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}
