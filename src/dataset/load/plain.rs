//! The plain records of a long file, stored without their rows being built: a figure with its
//! province, indicator, period, value, source and perhaps a qualifier or `is_target`, whose
//! indicator and source earlier records resolved. That is what a long file of figures is made
//! of, and reading such a record in full (its row, the checks of each field as errors, the
//! resolution of its ids) was most of loading one.
//!
//! Every check the full reading and [`Rows::add`](super::Rows) make is made here as a question:
//! a record that fails one, or has anything else (an id, a whole, a scope, a quote, a note, a
//! cited cell, an id not seen yet), is not taken, and the full reading reads it, so that every
//! error is the one it gives. Taking less is always safe; taking a record it would refuse, or
//! store otherwise, is not, and the tests compare the two readings row by row.

use super::{Rows, value_fault};
use crate::dataset::{Dataset, Plain, RowKeys};
use crate::model::{Period, ProvinceId, Qualifier};
use crate::parse::{LineRecord, observation_column as column, plain_decimal, slots};

/// The columns a plain record leaves empty.
const EMPTY: u32 = slots(&[
    column::ID,
    column::OUT_OF,
    column::SCOPE,
    column::QUOTE,
    column::NOTE,
    column::TABLE_ROW,
    column::TABLE_COLUMN,
    column::CELL,
]);

impl Rows {
    /// Stores `record` if it is plain (see the module's documentation) and says whether it did.
    pub(super) fn plain(&mut self, dataset: &Dataset, record: &LineRecord<'_, '_>) -> bool {
        if !self.plain_records {
            return false;
        }
        let Some(keys) = self.plain_keys(dataset, record) else {
            return false;
        };
        let Some(figure) = plain_figure(record) else {
            return false;
        };
        let Some(indicator) = dataset.indicators.get(usize::from(keys.indicator)) else {
            return false;
        };
        // A value its unit cannot have. (Nor can it be negative, as the full reading requires:
        // a plain decimal has no sign.)
        if value_fault(indicator.unit, figure.value, None).is_some() {
            return false;
        }
        self.columns.push_plain(&mut self.plain_run, figure, keys);
        self.stored_plain += 1;
        true
    }

    /// Appends the records stored as they stood that the columns have not taken yet: before
    /// any other row, and at the end of each piece, so that the columns are whole whenever
    /// anything but this reading sees them.
    pub(super) fn append_plain(&mut self) {
        self.columns.append_run(&mut self.plain_run);
    }

    /// The record's province, indicator, source and scope, if it is plain and they were all
    /// resolved before.
    fn plain_keys(&mut self, dataset: &Dataset, record: &LineRecord<'_, '_>) -> Option<RowKeys> {
        if !record.all_empty(EMPTY) {
            return None;
        }
        // A province id that reads is printable ASCII: the check for invisible characters
        // would pass. An indicator or source id found was read in full before, byte for byte,
        // trimmed; so no id found has whitespace at either end that `packed` left.
        let province = ProvinceId::from_bytes(record.bytes(column::PROVINCE))?;
        let indicator = self.indicators.known(record.packed(column::INDICATOR)?)?;
        let source = self.sources.known(record.packed(column::SOURCE)?)?;
        // A figure of a published table cites its cell, which a plain record has not.
        if dataset.sources.get(source as usize)?.is_table() {
            return None;
        }
        Some(RowKeys {
            province: dataset.reference.position(province)?,
            indicator,
            scope: self.province_scope?,
            source,
            origin: self.origin,
        })
    }
}

/// The record's figure, if its period is a year, its value a plain decimal (`1234`, `12.34`:
/// read as the full reading reads them), and its qualifier and `is_target` are ones the full
/// reading accepts. Every parse here refuses whitespace, so a field with whitespace at an end
/// that `bytes` kept (non-ASCII, or a vertical tab) is left to the full reading too.
fn plain_figure(record: &LineRecord<'_, '_>) -> Option<Plain> {
    let period = Period::of_year_digits(record.bytes(column::PERIOD))?;
    let value = plain_decimal(record.bytes(column::VALUE))?;
    let qualifier = match record.bytes(column::QUALIFIER) {
        b"" => Qualifier::Exact,
        bytes => Qualifier::from_bytes(bytes)?,
    };
    let is_target = match record.bytes(column::IS_TARGET) {
        b"" | b"false" => false,
        b"true" => true,
        _ => return None,
    };
    Some(Plain {
        period,
        value,
        qualifier,
        is_target,
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use proptest::prelude::*;
    use rustc_hash::FxHashSet as HashSet;

    use super::super::Load;
    use crate::dataset::Dataset;
    use crate::model::{Origin, Unit};

    /// The columns `text` loads into (or its error) and how many records were stored plain.
    fn read(dataset: &Dataset, text: &str, origin: Origin, plain: bool) -> (String, usize) {
        let mut dataset = dataset.clone();
        let taken = HashSet::default();
        let mut load = Load::new(&dataset, "o.csv", origin, text.len());
        load.rows.plain_records = plain;
        let pushed = load.push(&mut dataset, text, &taken);
        let stored_plain = load.rows.stored_plain;
        let loaded = pushed.and_then(|()| load.finish(&mut dataset, "", &taken));
        let shown = match loaded {
            Ok(columns) => format!("{columns:?}"),
            Err(error) => format!("error {error} at {:?}", error.position()),
        };
        (shown, stored_plain)
    }

    /// Ids of the bundled catalogue: a count and a share, a report and a published table.
    fn ids(dataset: &Dataset) -> [String; 4] {
        let indicator = |unit| {
            dataset
                .indicators()
                .iter()
                .find(|i| i.unit == unit)
                .map(|i| i.id.clone())
                .expect("an indicator of the unit")
        };
        let source = |table: bool| {
            dataset
                .sources
                .iter()
                .find(|s| s.table.is_some() == table)
                .map(|s| s.id.clone())
                .expect("a source")
        };
        [
            indicator(Unit::Count),
            indicator(Unit::Percent),
            source(false),
            source(true),
        ]
    }

    #[test]
    fn a_long_file_of_plain_records_is_stored_as_the_full_reading_stores_it() {
        let dataset = Dataset::bundled().expect("the bundled dataset");
        let [count, share, report, _] = ids(&dataset);
        let provinces: Vec<String> = dataset
            .reference
            .provinces()
            .iter()
            .map(|p| p.id.to_string())
            .filter(|id| id.starts_with("p63:"))
            .collect();
        let mut text = String::from("province,indicator_id,period,value,qualifier,source_id\n");
        for i in 0..500 {
            let (indicator, value) = if i % 2 == 0 {
                (&count, format!("{i}"))
            } else {
                (&share, format!("{}.{}", i % 100, i % 7))
            };
            let qualifier = ["", "exact", "about", "over"][i % 4];
            let province = &provinces[i % provinces.len()];
            let _ = writeln!(
                text,
                "{province},{indicator},{},{value},{qualifier},{report}",
                2010 + i % 15
            );
        }
        let (full, none) = read(&dataset, &text, Origin::Bundled, false);
        let (plain, stored) = read(&dataset, &text, Origin::Bundled, true);
        assert_eq!(none, 0);
        assert!(!full.starts_with("error"), "{full}");
        assert_eq!(plain, full);
        // Every record after the first of its indicator, of a province that exists.
        assert!(stored > 400, "{stored} of 500 stored plain");
    }

    #[test]
    fn a_figure_of_a_table_without_its_cell_is_left_to_the_full_reading() {
        let dataset = Dataset::bundled().expect("the bundled dataset");
        let [count, _, _, table] = ids(&dataset);
        let published = dataset
            .sources
            .iter()
            .find_map(|s| s.table.as_ref().filter(|_| s.id == table))
            .expect("the table");
        let province = dataset
            .reference
            .provinces()
            .iter()
            .find(|p| p.id.scheme == published.scheme)
            .expect("a province of the table's list")
            .id;
        let period = published.period;
        // The table is resolved by a figure citing its cell; the next cites none.
        let text = format!(
            "province,indicator_id,period,value,source_id,table_row,table_column,cell\n\
             {province},{count},{period},5,{table},r,c,5\n\
             {province},{count},{period},6,{table},,,\n"
        );
        let (full, _) = read(&dataset, &text, Origin::Bundled, false);
        assert!(full.contains("o.csv:3"), "{full}");
        assert_eq!(read(&dataset, &text, Origin::Bundled, true).0, full);
    }

    /// A field's text: mostly one of `good`, sometimes one of `odd` (whitespace, an invisible
    /// or unknown id, a value the full reading refuses, a column a plain record leaves empty).
    fn field(
        good: &'static [&'static str],
        odd: &'static [&'static str],
    ) -> impl Strategy<Value = &'static str> {
        prop_oneof![24 => prop::sample::select(good), 1 => prop::sample::select(odd)]
    }

    /// The position of an id in a list whose first `good` ids read.
    fn pick(good: usize, all: usize) -> impl Strategy<Value = usize> {
        prop_oneof![24 => 0..good, 1 => 0..all]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn every_file_loads_or_fails_the_same_with_or_without_plain_records(
            optional in prop::sample::subsequence(
                vec!["qualifier", "is_target", "scope", "note", "observation_id", "out_of",
                     "quote", "table_row", "table_column", "cell"], 0..=10).prop_shuffle(),
            rows in prop::collection::vec((
                field(&["p63:84", "p63:72", "p34:01"], &[" p63:84", "p63:84\u{a0}", "p63:99", "p63:\u{200b}84", ""]),
                pick(2, 7),
                field(&["2023", "2024"], &[" 2023", "2023-06", "1899", "2023\u{a0}", "2023\u{b}", ""]),
                field(&["12", "0", "100", "7"], &["12.5", "-3", "1.208.000", " 7", "7\u{a0}", "101", "99999999999999999", "1e3", ""]),
                pick(1, 6),
                (field(&["", "exact", "about"], &[" over", "bogus"]), field(&["", "false"], &["true", "yes"]),
                 field(&[""], &["province", "district"]), field(&[""], &["x"]), field(&[""], &["a", "b"]),
                 field(&[""], &["100", "5"])),
                (field(&["", "q"], &[" "]), field(&[""], &["r"]), field(&[""], &["c"]), field(&[""], &["5"])),
            ), 1..30),
            crlf in any::<bool>(),
            user in any::<bool>(),
        ) {
            let dataset = Dataset::bundled().expect("the bundled dataset");
            let [count, share, report, table] = ids(&dataset);
            let indicators = [count.clone(), share, format!(" {count}"), format!("{count}\u{a0}"), "unknown_x".into(), String::new(), format!("{count}\u{b}")];
            let sources = [report.clone(), table, format!(" {report}"), format!("{report}\u{a0}"), "nope".into(), String::new()];
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("province,indicator_id,period,value,source_id,{}{end}", optional.join(","));
            for (province, indicator, period, value, source, (qualifier, target, scope, note, id, out_of), (quote, row, column, cell)) in &rows {
                let extra: Vec<&str> = optional.iter().map(|name| match *name {
                    "qualifier" => *qualifier,
                    "is_target" => *target,
                    "scope" => *scope,
                    "note" => *note,
                    "observation_id" => *id,
                    "out_of" => *out_of,
                    "quote" => *quote,
                    "table_row" => *row,
                    "table_column" => *column,
                    _ => *cell,
                }).collect();
                let _ = write!(text, "{province},{},{period},{value},{},{}{end}", indicators[*indicator], sources[*source], extra.join(","));
            }
            let origin = if user { Origin::User } else { Origin::Bundled };
            let (full, _) = read(&dataset, &text, origin, false);
            let (plain, _) = read(&dataset, &text, origin, true);
            prop_assert_eq!(plain, full, "{}", text);
        }
    }
}
