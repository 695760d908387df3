//! A CSV file with a known set of columns: header checks and typed, placed access to fields.
//!
//! Every file format of the dataset is a [`Schema`]: required and optional column names. This
//! module checks a header against one and hands out fields by column with their positions, so
//! that every error names the file, line and column. It knows no particular file.

use crate::error::{Error, ErrorKind, Position, Result, excerpt};
use crate::parse::csv::{Field, Reader};
use crate::parse::record::Record;

/// The columns of one file format.
pub(crate) struct Schema {
    /// Columns that must be present, in their documented order.
    pub(crate) required: &'static [&'static str],
    /// Columns that may be present.
    pub(crate) optional: &'static [&'static str],
}

impl Schema {
    fn slot(&self, name: &str) -> Option<usize> {
        self.required
            .iter()
            .chain(self.optional)
            .position(|&column| column == name)
    }

    pub(crate) fn name(&self, slot: usize) -> &'static str {
        self.required
            .iter()
            .chain(self.optional)
            .nth(slot)
            .copied()
            .unwrap_or("?")
    }
}

/// Where a file's columns are, as its header says: what a later piece of the file needs to be
/// read without its header.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// For each schema slot, the field index in the file, if the column is present.
    slots: Vec<Option<usize>>,
    width: usize,
}

impl Header {
    /// The number of fields of every record.
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// For each schema slot, the field index in the file, if the column is present.
    pub(crate) fn slots(&self) -> &[Option<usize>] {
        &self.slots
    }
}

/// A CSV file read against a [`Schema`].
pub(crate) struct Table<'a> {
    reader: Reader<'a>,
    schema: &'static Schema,
    /// For each schema slot, the field index in the file, if the column is present.
    slots: Vec<Option<usize>>,
    width: usize,
    fields: Vec<Field<'a>>,
}

impl<'a> Table<'a> {
    /// Reads and checks the header of `text`.
    pub(crate) fn open(
        text: &'a str,
        file: Option<&'a str>,
        schema: &'static Schema,
    ) -> Result<Self> {
        let mut reader = Reader::new(text, file);
        let mut fields = Vec::new();
        // A header names each column once: past the schema's columns and one more (the first
        // unexpected or repeated name, which is refused), fields are only counted.
        reader.keep_at_most(schema.required.len() + schema.optional.len() + 1);
        if !reader.next_record(&mut fields)? {
            return Err(Error::at(ErrorKind::EmptyFile, Position::new(file, 1, 1)));
        }
        // A header of one field with semicolons in it, whose parts name this format's columns,
        // is a file saved with `;` between fields: say so rather than "unexpected column".
        if let [only] = fields.as_slice()
            && only.text.contains(';')
            && only
                .text
                .split(';')
                .any(|name| schema.slot(name.trim()).is_some())
        {
            return Err(Error::at(
                ErrorKind::SemicolonSeparated,
                Position::new(file, 1, 1),
            ));
        }
        let count = schema.required.len() + schema.optional.len();
        let mut slots = vec![None; count];
        for (index, field) in fields.iter().enumerate() {
            let name = field.text.trim();
            let place = || reader.position_of(field);
            let slot = schema.slot(name).ok_or_else(|| {
                Error::at(
                    ErrorKind::UnexpectedColumn {
                        name: excerpt(name),
                    },
                    place(),
                )
            })?;
            if slots[slot].replace(index).is_some() {
                return Err(Error::at(
                    ErrorKind::DuplicateColumn {
                        name: excerpt(name),
                    },
                    place(),
                ));
            }
        }
        if let Some(missing) = (0..schema.required.len()).find(|&slot| slots[slot].is_none()) {
            return Err(Error::at(
                ErrorKind::MissingColumn {
                    name: schema.name(missing).to_owned(),
                },
                reader.record_end(),
            ));
        }
        let width = fields.len();
        // A record keeps its width and one field more, the first extra one, where a wrong
        // count is placed.
        reader.keep_at_most(width + 1);
        Ok(Table {
            reader,
            schema,
            slots,
            width,
            fields,
        })
    }

    /// A later piece of a file whose header has been read, starting on a record boundary on
    /// 1-based `line`.
    pub(crate) fn resume(
        text: &'a str,
        file: Option<&'a str>,
        schema: &'static Schema,
        header: &Header,
        line: u64,
    ) -> Self {
        let mut reader = Reader::continuing(text, file, line);
        reader.keep_at_most(header.width + 1);
        Table {
            reader,
            schema,
            slots: header.slots.clone(),
            width: header.width,
            fields: Vec::with_capacity(header.width),
        }
    }

    /// The columns as the header placed them.
    pub(crate) fn header(&self) -> Header {
        Header {
            slots: self.slots.clone(),
            width: self.width,
        }
    }

    /// The 1-based line just after what has been read.
    pub(crate) fn next_line(&self) -> u64 {
        self.reader.line()
    }

    /// Moves to the next record; `Ok(false)` at the end.
    pub(crate) fn next(&mut self) -> Result<bool> {
        if !self.reader.next_record(&mut self.fields)? {
            return Ok(false);
        }
        if self.reader.found() != self.width {
            let place = match self.fields.get(self.width) {
                Some(extra) => self.reader.position_of(extra),
                None => self.reader.record_end(),
            };
            return Err(Error::at(
                ErrorKind::FieldCount {
                    expected: self.width,
                    found: self.reader.found(),
                },
                place,
            ));
        }
        Ok(true)
    }

    /// The offset just past what has been read, in the text the table reads.
    pub(crate) fn offset(&self) -> usize {
        self.reader.offset()
    }

    /// Moves the reader to `offset`, the start of a line on 1-based `line`, so that the next
    /// record read is the one there: the line-at-once tokeniser hands the records it does not
    /// take (quoted fields, lone carriage returns, wrong field counts) back to this reader.
    pub(crate) fn seek(&mut self, offset: usize, line: u64) {
        self.reader.seek(offset, line);
    }

    fn field(&self, slot: usize) -> Option<&Field<'a>> {
        self.slots
            .get(slot)
            .copied()
            .flatten()
            .and_then(|index| self.fields.get(index))
    }
}

impl Record for Table<'_> {
    fn schema(&self) -> &'static Schema {
        self.schema
    }

    fn line(&self) -> u64 {
        self.reader.record_line()
    }

    fn text(&self, slot: usize) -> &str {
        self.field(slot).map_or("", |field| trim(&field.text))
    }

    fn position(&self, slot: usize) -> Position {
        match self.field(slot) {
            Some(field) => self.reader.position_of(field),
            None => self.reader.record_end(),
        }
    }
}

/// Trims surrounding whitespace, checking the ends first: almost no field has any, and a full
/// `trim` costs a Unicode scan per field.
// Forced: see `LineRecord::bytes`.
#[inline(always)]
pub(crate) fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last))
            if !first.is_ascii_whitespace()
                && !last.is_ascii_whitespace()
                && *first < 0x80
                && *last < 0x80 =>
        {
            text
        }
        _ => text.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SCHEMA: Schema = Schema {
        required: &["id", "value"],
        optional: &["note"],
    };

    #[test]
    fn reads_columns_in_any_order() {
        let mut table = Table::open("value,note,id\n1.5,hi,a\n", None, &SCHEMA).unwrap();
        assert!(table.next().unwrap());
        assert_eq!(table.required(0).unwrap(), "a");
        assert_eq!(table.number(1).unwrap(), 1.5);
        assert_eq!(table.optional(2), Some("hi"));
        assert!(!table.next().unwrap());
    }

    #[test]
    fn optional_columns_may_be_absent() {
        let mut table = Table::open("id,value\na,1\n", None, &SCHEMA).unwrap();
        table.next().unwrap();
        assert_eq!(table.optional(2), None);
    }

    #[test]
    fn positions_carry_the_field_number_not_only_the_character_column() {
        let mut table = Table::open("id,value\nTrà Vinh,abc\n", None, &SCHEMA).unwrap();
        table.next().unwrap();
        let error = table.number(1).err().unwrap();
        let position = error.position().unwrap();
        assert_eq!((position.column, position.field), (10, Some(2)));
        let error = Table::open("id,valu\n", None, &SCHEMA).err().unwrap();
        assert_eq!(error.position().unwrap().field, Some(2));
    }

    #[test]
    fn a_semicolon_separated_header_is_named_as_such() {
        let error = Table::open("id;value\na;1\n", None, &SCHEMA).err().unwrap();
        assert_eq!(error.kind().code(), "semicolonSeparated");
        // A lone unknown column with a semicolon that names nothing is only a wrong column.
        let error = Table::open("x;y,value\n", None, &SCHEMA).err().unwrap();
        assert_eq!(error.kind().code(), "unexpectedColumn");
    }

    #[test]
    fn header_errors_name_the_column_and_place() {
        let error = Table::open("id,valu\n", Some("x.csv"), &SCHEMA)
            .err()
            .unwrap();
        assert_eq!(error.to_string(), "x.csv:1:4: unexpected column `valu`");
        let error = Table::open("id\n", Some("x.csv"), &SCHEMA).err().unwrap();
        assert_eq!(error.to_string(), "x.csv:1:3: missing column `value`");
        let error = Table::open("id,value,id\n", None, &SCHEMA).err().unwrap();
        assert_eq!(
            error.kind(),
            &ErrorKind::DuplicateColumn { name: "id".into() }
        );
        let error = Table::open("", Some("x.csv"), &SCHEMA).err().unwrap();
        assert_eq!(error.kind(), &ErrorKind::EmptyFile);
    }

    #[test]
    fn field_count_errors_point_at_the_extra_field() {
        let mut table = Table::open("id,value\na,1,2\n", None, &SCHEMA).unwrap();
        let error = table.next().unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::FieldCount {
                expected: 2,
                found: 3
            }
        );
        assert_eq!(error.position().map(|p| p.column), Some(5));
        // A line of a million commas is counted whole, not held field by field.
        let text = format!("id,value\na,1{}\n", ",".repeat(1_000_000));
        let mut table = Table::open(&text, None, &SCHEMA).unwrap();
        let error = table.next().unwrap_err();
        assert!(
            matches!(
                error.kind(),
                ErrorKind::FieldCount {
                    expected: 2,
                    found: 1_000_002
                }
            ),
            "{error}"
        );
        assert!(table.fields.capacity() <= 8, "{}", table.fields.capacity());
    }

    #[test]
    fn a_number_ambiguous_between_conventions_is_refused_as_such() {
        let mut table = Table::open("id,value\na,\"1,234\"\n", Some("x.csv"), &SCHEMA).unwrap();
        table.next().unwrap();
        let error = table.number(1).unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::AmbiguousNumber {
                column: "value".into(),
                text: "1,234".into()
            }
        );
        let message = error.to_string();
        assert!(
            message.starts_with("x.csv:2:3: ambiguous number"),
            "{message}"
        );
        assert!(message.contains("1234 or 1.234"), "{message}");
    }

    #[test]
    fn ids_with_invisible_characters_are_refused_by_code_point() {
        for (id, code_point) in [
            ("\u{feff}a", 0xfeff),
            ("a\u{200b}", 0x200b),
            ("a\u{202e}b", 0x202e),
            ("a\u{2066}b", 0x2066),
            ("a\u{1b}[31mb", 0x1b),
        ] {
            let text = format!("id,value\n\"x,{id}\",1\n");
            let text = text.replacen("\"x,", "\"", 1);
            let mut table = Table::open(&text, Some("x.csv"), &SCHEMA).unwrap();
            table.next().unwrap();
            let error = table.id(0).unwrap_err();
            assert_eq!(
                error.kind(),
                &ErrorKind::InvisibleCharacter {
                    column: "id".into(),
                    code_point
                },
                "{id:?}"
            );
            assert_eq!(error.position().map(|p| (p.line, p.column)), Some((2, 1)));
        }
        let mut table = Table::open("id,value\nTrà-Vinh,1\n", None, &SCHEMA).unwrap();
        table.next().unwrap();
        assert_eq!(table.id(0).unwrap(), "Trà-Vinh");
        assert_eq!(table.optional_id(2).unwrap(), None);
    }

    #[test]
    fn english_grouping_is_refused_with_a_hint() {
        let mut table = Table::open("id,value\na,\"1,234,567\"\n", None, &SCHEMA).unwrap();
        table.next().unwrap();
        let error = table.number(1).unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 2, column 3: invalid `value` \"1,234,567\": expected a number without thousands separators, `.` for decimals (1234567.5)"
        );
    }

    #[test]
    fn number_errors_say_what_was_found() {
        let mut table = Table::open("id,value\na,\"1,2,3\"\n", None, &SCHEMA).unwrap();
        table.next().unwrap();
        let error = table.number(1).unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 2, column 3: invalid number in `value`: \"1,2,3\""
        );
    }
}
