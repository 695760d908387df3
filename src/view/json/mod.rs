//! Answers as JSON text, the form in which they cross to the page (one `JSON.parse` there is
//! faster than building the objects field by field across the boundary).
//!
//! A `serde` serializer written for size rather than speed: `serde`'s derives compile one copy
//! of the field-writing code per field type of every answer, so whatever a serializer inlines
//! into that code is paid a few hundred times over. Here every piece of punctuation, every key
//! and every scalar is written by one shared function, and the per-field code is a call or two.
//! The text it writes is JSON that parses to what `serde_json` writes for the same value (a
//! unit test holds it to that over every kind of answer); a figure may be spelt otherwise
//! (`1` for `1.0`), so a map keyed by figures, which no answer has, is refused rather than
//! given other names. A figure that is not finite is written as `null`, as `serde_json` does.
//!
//! This module knows no answer type and nothing of JavaScript.

use std::fmt::{self, Display, Write as _};

use crate::shortest::Shortest;
use serde::Serialize;
use serde::ser;

/// `value` as JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Unwritable> {
    let mut json = Json {
        out: String::new(),
        writing_key: false,
    };
    value.serialize(&mut json)?;
    Ok(json.out)
}

/// That a value has no JSON form: a map key that is not a string, an integer, a flag or a unit
/// variant, or a `Serialize` implementation's own error. No answer has one.
///
/// It carries no words, so that the result of writing each field of every answer is a flag
/// rather than three words returned through memory: that made the WebAssembly module 10.9 KB
/// larger (1.0 KB compressed). Its one caller, the bindings, words the refusal itself.
#[derive(Debug)]
pub struct Unwritable;

impl Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value with no JSON form")
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: Display>(_: T) -> Self {
        Unwritable
    }
}

/// The text written so far.
struct Json {
    out: String,
    /// Whether a map key is being written: a key that is a figure is refused, since its JSON
    /// name would depend on how the figure is spelt (`1` or `1.0`), which `number` chooses
    /// freely for a value. No answer has one.
    writing_key: bool,
}

impl Json {
    /// A string, quoted and escaped as JSON requires (quote, backslash, control characters).
    #[inline(never)]
    fn string(&mut self, text: &str) {
        let out = &mut self.out;
        out.push('"');
        let mut start = 0;
        for (at, byte) in text.bytes().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..0x20 => "",
                _ => continue,
            };
            out.push_str(&text[start..at]);
            if escape.is_empty() {
                let _ = write!(out, "\\u{byte:04x}");
            } else {
                out.push_str(escape);
            }
            start = at + 1;
        }
        out.push_str(&text[start..]);
        out.push('"');
    }

    /// Anything whose `Display` is its JSON form: 128-bit integers, `true`, `false`, a figure
    /// with a fraction.
    #[inline(never)]
    fn display(&mut self, value: &dyn Display) {
        let _ = write!(self.out, "{value}");
    }

    /// An integer, without the formatting machinery: most numbers of an answer are counts,
    /// positions and years.
    #[inline(never)]
    fn integer(&mut self, negative: bool, mut magnitude: u64) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (magnitude % 10) as u8;
            magnitude /= 10;
            if magnitude == 0 {
                break;
            }
        }
        if negative {
            self.out.push('-');
        }
        for &digit in &digits[start..] {
            self.out.push(char::from(digit));
        }
    }

    /// A figure; `null` when it is not finite. A whole number below 2^53 is written as an
    /// integer; any other as `Display` writes it ([`Shortest`]), in the shortest digits that
    /// read back as the same number, never in exponent form, which JSON allows.
    #[inline(never)]
    fn number(&mut self, value: f64) {
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if value.fract() == 0.0
            && value.abs() < EXACT
            && !(value == 0.0 && value.is_sign_negative())
        {
            // A whole magnitude below 2^53: the cast is exact, and `abs` has no sign to lose.
            #[allow(clippy::cast_sign_loss)]
            let magnitude = value.abs() as u64;
            self.integer(value < 0.0, magnitude);
        } else if value.is_finite() {
            self.display(&Shortest(value));
        } else {
            self.out.push_str("null");
        }
    }

    /// The punctuation before an element or a member: a comma unless it is the first.
    #[inline(never)]
    fn next(&mut self, first: &mut bool) {
        if !std::mem::take(first) {
            self.out.push(',');
        }
    }

    /// A member's name and its colon.
    #[inline(never)]
    fn key(&mut self, first: &mut bool, name: &str) {
        self.next(first);
        self.string(name);
        self.out.push(':');
    }

    /// Opens `{"variant":` for an enum variant with content, closed by [`Compound::close`].
    #[inline(never)]
    fn variant(&mut self, variant: &str) {
        self.out.push('{');
        self.string(variant);
        self.out.push(':');
    }

    /// Refuses a figure as a map key (see [`Json::writing_key`]).
    #[inline(never)]
    fn not_a_key(&self) -> Result<(), Unwritable> {
        if self.writing_key {
            return Err(Unwritable);
        }
        Ok(())
    }

    fn compound(&mut self, open: char, close: &'static str) -> Compound<'_> {
        self.out.push(open);
        Compound {
            json: self,
            first: true,
            close,
        }
    }
}

/// An array, an object or an enum variant's content, being written.
struct Compound<'a> {
    json: &'a mut Json,
    first: bool,
    /// What closes it: `]` or `}`, followed by `}` for a variant's content.
    close: &'static str,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.json.next(&mut self.first);
        value.serialize(&mut *self.json)
    }

    fn member<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), Unwritable> {
        self.json.key(&mut self.first, name);
        value.serialize(&mut *self.json)
    }

    fn close(self) {
        self.json.out.push_str(self.close);
    }
}

macro_rules! displayed {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, value: $type) -> Result<(), Unwritable> {
            self.display(&value);
            Ok(())
        })*
    };
}

macro_rules! integers {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, value: $type) -> Result<(), Unwritable> {
            self.integer(value < 0, u64::from(value.unsigned_abs()));
            Ok(())
        })*
    };
}

macro_rules! naturals {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, value: $type) -> Result<(), Unwritable> {
            self.integer(false, u64::from(value));
            Ok(())
        })*
    };
}

impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    displayed!(serialize_bool: bool, serialize_i128: i128, serialize_u128: u128);
    integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64);
    naturals!(serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);

    fn serialize_f32(self, value: f32) -> Result<(), Unwritable> {
        self.not_a_key()?;
        if value.is_finite() {
            self.display(&value);
        } else {
            self.out.push_str("null");
        }
        Ok(())
    }

    fn serialize_f64(self, value: f64) -> Result<(), Unwritable> {
        self.not_a_key()?;
        self.number(value);
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Unwritable> {
        self.string(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), Unwritable> {
        self.string(value);
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), Unwritable> {
        ser::Serializer::collect_seq(self, value)
    }

    fn serialize_none(self) -> Result<(), Unwritable> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unwritable> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unwritable> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unwritable> {
        self.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        self.variant(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unwritable> {
        Ok(self.compound('[', "]"))
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Unwritable> {
        Ok(self.compound('[', "]"))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Unwritable> {
        Ok(self.compound('[', "]"))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Unwritable> {
        self.variant(variant);
        Ok(self.compound('[', "]}"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Unwritable> {
        Ok(self.compound('{', "}"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Unwritable> {
        Ok(self.compound('{', "}"))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Unwritable> {
        self.variant(variant);
        Ok(self.compound('{', "}}"))
    }
}

/// The four kinds of array serde writes (a sequence, a tuple, a tuple struct, a tuple variant's
/// content), each element after a comma.
macro_rules! arrays {
    ($($kind:ident::$method:ident),*) => {
        $(impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Unwritable;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
                self.element(value)
            }

            fn end(self) -> Result<(), Unwritable> {
                self.close();
                Ok(())
            }
        })*
    };
}

arrays!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;

    /// A key is written as its value is, then quoted if it was a number or a boolean (as
    /// `serde_json` does); any other kind of key has no JSON form.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        self.json.next(&mut self.first);
        let start = self.json.out.len();
        self.json.writing_key = true;
        let written = key.serialize(&mut *self.json);
        self.json.writing_key = false;
        written?;
        quote_key(&mut self.json.out, start)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.json.out.push(':');
        value.serialize(&mut *self.json)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.close();
        Ok(())
    }
}

/// Quotes the key written from `start` if it is an integer or a boolean; refuses anything but
/// a string.
#[inline(never)]
fn quote_key(out: &mut String, start: usize) -> Result<(), Unwritable> {
    match out.as_bytes().get(start) {
        Some(b'"') => Ok(()),
        Some(b'-' | b'0'..=b'9' | b't' | b'f') => {
            out.insert(start, '"');
            out.push('"');
            Ok(())
        }
        _ => Err(Unwritable),
    }
}

/// The two kinds of object serde writes with named members: a struct and a struct variant's
/// content.
macro_rules! objects {
    ($($kind:ident),*) => {
        $(impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Unwritable;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), Unwritable> {
                self.member(name, value)
            }

            fn end(self) -> Result<(), Unwritable> {
                self.close();
                Ok(())
            }
        })*
    };
}

objects!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests;
