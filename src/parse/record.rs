//! The current record of a file read against a schema: its fields by column, checked (not
//! empty, visible, a number) and placed for errors. Both readers of a record implement it, the
//! general table and the line-at-once tokeniser, so every check and every error message is one
//! code whichever read the record. It knows no particular file.

use crate::error::{Allowed, Error, ErrorKind, Position, Result, excerpt};
use crate::parse::number::{is_ambiguous_grouping, is_english_grouping, parse_data_number};
use crate::parse::table::Schema;
use crate::parse::text::is_invisible;

/// The current record of a file read against a [`Schema`]: typed access to its fields by
/// column, and the place of each for errors. A [`Table`] is one; the observations' line-at-once
/// tokeniser makes another, which finds a field's place only when an error needs it.
pub(crate) trait Record {
    /// The file's columns.
    fn schema(&self) -> &'static Schema;

    /// 1-based line of the record.
    fn line(&self) -> u64;

    /// The trimmed text of a column, or `""` if the column is absent.
    fn text(&self, slot: usize) -> &str;

    /// The position of a column of the record (the record's end if the column is absent).
    fn position(&self, slot: usize) -> Position;

    /// The text of a column that must not be empty.
    // Forced, as `id` and `optional` below: see `LineRecord::bytes`.
    #[inline(always)]
    fn required(&self, slot: usize) -> Result<&str> {
        let text = self.text(slot);
        if text.is_empty() {
            return Err(self.error(
                slot,
                ErrorKind::EmptyField {
                    column: self.schema().name(slot).to_owned(),
                },
            ));
        }
        Ok(text)
    }

    /// The text of a required id column: not empty, and with no character that cannot be seen
    /// (two ids that look the same must be the same id).
    #[inline(always)]
    fn id(&self, slot: usize) -> Result<&str> {
        let text = self.required(slot)?;
        self.visible(slot, text)?;
        Ok(text)
    }

    /// The text of an optional id column, `None` when absent or empty; checked as
    /// [`Record::id`].
    fn optional_id(&self, slot: usize) -> Result<Option<&str>> {
        self.optional(slot)
            .map(|text| self.visible(slot, text).map(|()| text))
            .transpose()
    }

    /// Refuses a character that cannot be seen in an id.
    fn visible(&self, slot: usize, text: &str) -> Result<()> {
        // Almost every id is printable ASCII: skip the character scan then.
        if text.bytes().all(|b| b.wrapping_sub(0x20) < 0x5f) {
            return Ok(());
        }
        match text.chars().find(|&c| is_invisible(c)) {
            Some(c) => Err(self.error(
                slot,
                ErrorKind::InvisibleCharacter {
                    column: self.schema().name(slot).to_owned(),
                    code_point: u32::from(c),
                },
            )),
            None => Ok(()),
        }
    }

    /// The text of an optional column, `None` when absent or empty.
    #[inline(always)]
    fn optional(&self, slot: usize) -> Option<&str> {
        Some(self.text(slot)).filter(|text| !text.is_empty())
    }

    /// A required column read with `parse`; `expected` says in words what it allows.
    fn parsed<T>(
        &self,
        slot: usize,
        expected: impl FnOnce() -> String,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T>
    where
        Self: Sized,
    {
        self.parsed_as(slot, || Allowed::Words { text: expected() }, parse)
    }

    /// A required column read with `parse`; `allowed` says what it allows, as a rule.
    fn parsed_as<T>(
        &self,
        slot: usize,
        allowed: impl FnOnce() -> Allowed,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T>
    where
        Self: Sized,
    {
        let text = self.required(slot)?;
        parse(text).ok_or_else(|| self.invalid_as(slot, text, allowed()))
    }

    /// A required number column.
    fn number(&self, slot: usize) -> Result<f64> {
        let text = self.required(slot)?;
        self.number_from(slot, text)
    }

    /// An optional number column.
    fn optional_number(&self, slot: usize) -> Result<Option<f64>> {
        self.optional(slot)
            .map(|text| self.number_from(slot, text))
            .transpose()
    }

    /// `text`, the field of `slot`, read as a number.
    fn number_from(&self, slot: usize, text: &str) -> Result<f64> {
        parse_data_number(text).ok_or_else(|| self.number_error(slot, text))
    }

    /// Why `text`, the field of `slot`, is not a number.
    fn number_error(&self, slot: usize, text: &str) -> Error {
        let column = self.schema().name(slot).to_owned();
        let shown = excerpt(text);
        if is_english_grouping(text) {
            return self.invalid_as(slot, text, Allowed::PlainNumber);
        }
        self.error(
            slot,
            if is_ambiguous_grouping(text) {
                ErrorKind::AmbiguousNumber {
                    column,
                    text: shown,
                }
            } else {
                ErrorKind::InvalidNumber {
                    column,
                    text: shown,
                }
            },
        )
    }

    /// An [`ErrorKind::InvalidValue`] at a column of the record, what it allows in English words.
    fn invalid(&self, slot: usize, text: &str, expected: String) -> Error {
        self.invalid_as(slot, text, Allowed::Words { text: expected })
    }

    /// The value `text` of a column is not one it allows: `allowed`, as a rule the page words.
    fn invalid_as(&self, slot: usize, text: &str, allowed: Allowed) -> Error {
        self.error(
            slot,
            ErrorKind::InvalidValue {
                column: self.schema().name(slot).to_owned(),
                text: excerpt(text),
                expected: allowed,
            },
        )
    }

    /// An error at a column of the record.
    fn error(&self, slot: usize, kind: ErrorKind) -> Error {
        Error::at(kind, self.position(slot))
    }
}
