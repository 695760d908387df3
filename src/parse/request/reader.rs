//! The text of a request read into a [`Value`]: JSON's grammar, and nothing of a spec.

use std::borrow::Cow;

use super::{MAX_DEPTH, RequestError, Value};

/// A reader of JSON text, at byte `at`.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn error(&self, what: &str) -> RequestError {
        RequestError::new(format!("not a JSON request: {what} at byte {}", self.at))
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    pub(super) fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Takes `byte` after any blanks, or says it is missing.
    fn expect(&mut self, byte: u8, what: &str) -> Result<(), RequestError> {
        self.blank();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    pub(super) fn value(&mut self, depth: usize) -> Result<Value<'a>, RequestError> {
        if depth > MAX_DEPTH {
            return Err(self.error("a request nested too deep"));
        }
        self.blank();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.list(depth),
            Some(b'"') => self.string().map(Value::Text),
            Some(b'-' | b'0'..=b'9') => Ok(Value::Number(self.number())),
            _ => {
                let rest = self.text.get(self.at..).unwrap_or_default();
                for (word, value) in [
                    ("null", Value::Null),
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                ] {
                    if rest.starts_with(word) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("a value expected"))
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, RequestError> {
        self.elements(b'}', |reader| {
            reader.blank();
            if reader.peek() != Some(b'"') {
                return Err(reader.error("a key expected"));
            }
            let key = reader.string()?;
            reader.expect(b':', "`:` expected")?;
            Ok((key, reader.value(depth + 1)?))
        })
        .map(Value::Object)
    }

    fn list(&mut self, depth: usize) -> Result<Value<'a>, RequestError> {
        self.elements(b']', |reader| reader.value(depth + 1))
            .map(Value::List)
    }

    /// The elements of an object or a list, from its opening byte to `close`, each read by
    /// `element` and followed by a comma or `close`.
    fn elements<T>(
        &mut self,
        close: u8,
        mut element: impl FnMut(&mut Self) -> Result<T, RequestError>,
    ) -> Result<Vec<T>, RequestError> {
        self.at += 1;
        let mut elements = Vec::new();
        self.blank();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(elements);
        }
        loop {
            elements.push(element(self)?);
            self.blank();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(byte) if byte == close => {
                    self.at += 1;
                    return Ok(elements);
                }
                _ => {
                    let expected = format!("`,` or `{}` expected", char::from(close));
                    return Err(self.error(&expected));
                }
            }
        }
    }

    /// A number's text, as JSON writes one (its shape is checked when it is read as one).
    fn number(&mut self) -> &'a str {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.at += 1;
        }
        self.text.get(start..self.at).unwrap_or_default()
    }

    /// A string, from its opening quote: borrowed from the text when it has no escape.
    fn string(&mut self) -> Result<Cow<'a, str>, RequestError> {
        self.at += 1;
        // The text is copied only from the first escape on, a run between escapes at a time.
        let mut owned: Option<String> = None;
        let mut run = self.at;
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error("an unterminated string"));
            };
            match byte {
                b'"' => {
                    let tail = self.text.get(run..self.at).unwrap_or_default();
                    self.at += 1;
                    return Ok(match owned {
                        Some(mut text) => {
                            text.push_str(tail);
                            Cow::Owned(text)
                        }
                        None => Cow::Borrowed(tail),
                    });
                }
                b'\\' => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(self.text.get(run..self.at).unwrap_or_default());
                    self.at += 1;
                    text.push(self.escape()?);
                    run = self.at;
                }
                0..0x20 => return Err(self.error("a control character in a string")),
                _ => self.at += 1,
            }
        }
    }

    /// The character of an escape, from the byte after its backslash.
    fn escape(&mut self) -> Result<char, RequestError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("an unterminated string"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.unit()?;
                let code = if (0xd800..0xdc00).contains(&first) {
                    // The first half of a pair: the second must follow as an escape too.
                    if self.text.get(self.at..self.at + 2) != Some("\\u") {
                        return Err(self.error("half of a surrogate pair"));
                    }
                    self.at += 2;
                    let second = self.unit()?;
                    if !(0xdc00..0xe000).contains(&second) {
                        return Err(self.error("half of a surrogate pair"));
                    }
                    0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(|| self.error("half of a surrogate pair"))?
            }
            _ => return Err(self.error("an unknown escape")),
        })
    }

    /// The four hexadecimal digits of a `\u` escape.
    fn unit(&mut self) -> Result<u32, RequestError> {
        let digits = self.text.get(self.at..self.at + 4);
        let unit = digits
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("a `\\u` escape without four hexadecimal digits"))?;
        self.at += 4;
        Ok(unit)
    }
}

/// Whether `text` is a number in JSON's grammar: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
/// (`f64::from_str` takes more: `inf`, `1.`, `.5`).
pub(super) fn is_json_number(text: &str) -> bool {
    let digits = |text: &str| text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.strip_prefix('-').unwrap_or(text);
    let whole = digits(rest);
    if whole == 0 || (whole > 1 && rest.starts_with('0')) {
        return false;
    }
    let mut rest = rest.get(whole..).unwrap_or_default();
    if let Some(fraction) = rest.strip_prefix('.') {
        let count = digits(fraction);
        if count == 0 {
            return false;
        }
        rest = fraction.get(count..).unwrap_or_default();
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        let count = digits(exponent);
        return count > 0 && count == exponent.len();
    }
    rest.is_empty()
}
