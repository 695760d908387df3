//! A [`Value`] read as a spec asks: serde's `Deserializer`, and the lists and objects it walks.

use std::borrow::Cow;

use serde::de::{self, Expected, IntoDeserializer, Unexpected, Visitor};

use super::reader::is_json_number;
use super::{RequestError, Value};

/// The refusal of a number, as written, that its type cannot hold.
fn out_of_range(number: &str) -> RequestError {
    RequestError::new(format!("number {number} out of range"))
}

/// A number written as a whole one, as a spec reads it.
enum Whole {
    Signed(i64),
    Unsigned(u64),
}

impl<'de> Value<'de> {
    /// The refusal of this value where a spec expected something else.
    #[inline(never)]
    fn mismatch(&self, expected: &dyn Expected) -> RequestError {
        let number;
        let unexpected = match self {
            Value::Null => Unexpected::Unit,
            Value::Bool(b) => Unexpected::Bool(*b),
            Value::Number(n) => {
                number = format!("number {n}");
                Unexpected::Other(&number)
            }
            Value::Text(t) => Unexpected::Str(t),
            Value::List(_) => Unexpected::Seq,
            Value::Object(_) => Unexpected::Map,
        };
        de::Error::invalid_type(unexpected, expected)
    }

    /// The value as a whole number, if it is a number written as one.
    #[inline(never)]
    fn whole(&self, expected: &dyn Expected) -> Result<Whole, RequestError> {
        let Value::Number(number) = *self else {
            return Err(self.mismatch(expected));
        };
        let plain = |digits: &str| {
            !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits == "0" || !digits.starts_with('0'))
        };
        match number.strip_prefix('-') {
            Some(digits) if plain(digits) => number
                .parse()
                .map(Whole::Signed)
                .map_err(|_| out_of_range(number)),
            None if plain(number) => number
                .parse()
                .map(Whole::Unsigned)
                .map_err(|_| out_of_range(number)),
            _ => Err(self.mismatch(expected)),
        }
    }

    /// The value as a float, if it is a number as JSON writes one.
    #[inline(never)]
    fn float(&self, expected: &dyn Expected) -> Result<f64, RequestError> {
        match *self {
            Value::Number(number) if is_json_number(number) => number
                .parse()
                .ok()
                .filter(|value: &f64| value.is_finite())
                .ok_or_else(|| out_of_range(number)),
            _ => Err(self.mismatch(expected)),
        }
    }

    fn visit_whole<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        match self.whole(&visitor)? {
            Whole::Signed(n) => visitor.visit_i64(n),
            Whole::Unsigned(n) => visitor.visit_u64(n),
        }
    }

    fn visit_text<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        match self {
            Value::Text(Cow::Borrowed(t)) => visitor.visit_borrowed_str(t),
            Value::Text(Cow::Owned(t)) => visitor.visit_string(t),
            other => Err(other.mismatch(&visitor)),
        }
    }
}

/// `deserialize_*` methods that each hand the value to one of [`Value`]'s visits.
macro_rules! by {
    ($visit:ident: $($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
                self.$visit(visitor)
            }
        )*
    };
}

/// Each kind of value a spec asks for is handed only to the visitor's method for it, so that
/// a visitor's others (a struct's reading from a list, say) are never compiled in; only
/// `deserialize_any`, for a spec that takes more than one kind, hands any.
impl<'de> de::Deserializer<'de> for Value<'de> {
    type Error = RequestError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(_) => self.visit_whole(visitor),
            Value::Text(_) => self.visit_text(visitor),
            Value::List(items) => visitor.visit_seq(Items(items.into_iter())),
            Value::Object(members) => visitor.visit_map(Members {
                members: members.into_iter(),
                value: None,
            }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        match self {
            Value::Bool(b) => visitor.visit_bool(b),
            other => Err(other.mismatch(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        match self {
            Value::List(items) => visitor.visit_seq(Items(items.into_iter())),
            other => Err(other.mismatch(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        match self {
            Value::Object(members) => visitor.visit_map(Members {
                members: members.into_iter(),
                value: None,
            }),
            other => Err(other.mismatch(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, RequestError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        match self {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(value),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        match self {
            Value::Null => visitor.visit_unit(),
            other => Err(other.mismatch(&visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, RequestError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, RequestError> {
        // A request's enums are names: a unit variant written as its string.
        match self {
            Value::Text(name) => visitor.visit_enum(name.into_deserializer()),
            other => Err(other.mismatch(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, RequestError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf tuple tuple_struct
    }

    by! { visit_whole:
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
    }

    by! { visit_text: deserialize_str deserialize_string deserialize_char deserialize_identifier }

    // The floats are read only where a spec asks for one.

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RequestError> {
        let value = self.float(&visitor)?;
        visitor.visit_f64(value)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, RequestError> {
        self.deserialize_unit(visitor)
    }
}

/// A list's items, handed to a spec one at a time.
struct Items<'de>(std::vec::IntoIter<Value<'de>>);

impl<'de> de::SeqAccess<'de> for Items<'de> {
    type Error = RequestError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, RequestError> {
        self.0.next().map(|item| seed.deserialize(item)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// An object's members, each key then its value.
struct Members<'de> {
    members: std::vec::IntoIter<(Cow<'de, str>, Value<'de>)>,
    value: Option<Value<'de>>,
}

impl<'de> de::MapAccess<'de> for Members<'de> {
    type Error = RequestError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, RequestError> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(Value::Text(key)).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, RequestError> {
        seed.deserialize(self.value.take().unwrap_or(Value::Null))
    }
}
