//! Reading observations into columns: the cross-file checks the parser cannot make (unknown
//! provinces, indicators and sources, values impossible for their unit, repeated ids), whether
//! the text arrives whole or a piece at a time.
//!
//! A long file read in pieces is never held whole: each piece is parsed as it arrives and only
//! the columns remain, sized from the input rather than doubled. This module knows the stored
//! form and the parser's rows; it knows nothing of the questions asked afterwards.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Columns, Dataset, RowKeys};
use crate::error::{ErrorKind, Position, Result, excerpt};
use crate::model::{Origin, Source, Unit};
use crate::parse::{
    ObservationRow, ObservationStream, Table, line_ends, observation_column as column,
};

/// The rows of one file being loaded, with what the checks remember between rows.
pub(super) struct Load {
    file: String,
    origin: Origin,
    stream: ObservationStream,
    rows: Rows,
    /// The bytes the whole file is expected to have, and those seen so far: the columns are
    /// sized from them.
    expected_bytes: usize,
    seen_bytes: usize,
}

struct Rows {
    columns: Columns,
    ids: HashMap<String, u64>,
    // Consecutive rows mostly repeat their source and scope: remember the last of each.
    last_source: Option<(String, u32)>,
    last_scope: Option<(String, u32)>,
    scope_ids: HashMap<String, u32>,
}

impl Load {
    /// A load of `file` into `dataset`, whose observations are expected to take about
    /// `expected_bytes` of text.
    pub(super) fn new(
        dataset: &Dataset,
        file: &str,
        origin: Origin,
        expected_bytes: usize,
    ) -> Self {
        Load {
            file: file.to_owned(),
            origin,
            stream: ObservationStream::new(Some(file)),
            rows: Rows {
                columns: Columns::default(),
                ids: HashMap::default(),
                last_source: None,
                last_scope: None,
                scope_ids: dataset
                    .scopes
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.clone(), i as u32))
                    .collect(),
            },
            expected_bytes,
            seen_bytes: 0,
        }
    }

    /// Reads the rows `piece` completes. A user's file may not use an observation id in
    /// `taken`, nor a source id `dataset` already has.
    pub(super) fn push(
        &mut self,
        dataset: &mut Dataset,
        piece: &str,
        taken: &HashSet<&str>,
    ) -> Result<()> {
        self.make_room(piece);
        let (rows, file, origin) = (&mut self.rows, self.file.as_str(), self.origin);
        self.stream.push(piece, |table, row| {
            rows.add(dataset, table, &row, file, origin, taken)
        })
    }

    /// Reads `last`, the last piece (all the text, when it came whole), and what is left, and
    /// hands back the columns.
    pub(super) fn finish(
        mut self,
        dataset: &mut Dataset,
        last: &str,
        taken: &HashSet<&str>,
    ) -> Result<Columns> {
        self.make_room(last);
        let Load {
            file,
            origin,
            stream,
            mut rows,
            ..
        } = self;
        stream.finish(last, |table, row| {
            rows.add(dataset, table, &row, &file, origin, taken)
        })?;
        if rows.columns.len() == 0 {
            return Err(crate::Error::at(
                ErrorKind::NoRows,
                Position::new(Some(&file), 2, 1),
            ));
        }
        Ok(rows.columns)
    }

    /// Room in the columns for every row `piece` can complete (one per line end, and one
    /// unfinished), and, when the room must grow, for the rest of the file at this piece's
    /// density and a fiftieth more, so that the columns are allocated once or twice, not
    /// doubled a dozen times.
    fn make_room(&mut self, piece: &str) {
        let lines = line_ends(piece) + 1;
        self.seen_bytes += piece.len();
        let remaining = self.expected_bytes.saturating_sub(self.seen_bytes);
        let rest = remaining.saturating_mul(lines) / piece.len().max(1);
        let expected = lines.saturating_add(rest + rest / 50);
        self.rows.columns.make_room(lines, expected);
    }
}

impl Rows {
    fn add(
        &mut self,
        dataset: &mut Dataset,
        table: &Table<'_>,
        row: &ObservationRow<'_>,
        file: &str,
        origin: Origin,
        taken: &HashSet<&str>,
    ) -> Result<()> {
        let province = dataset.reference.position(row.province).ok_or_else(|| {
            table.error(
                column::PROVINCE,
                ErrorKind::UnknownProvince {
                    id: row.province.to_string(),
                },
            )
        })?;
        let indicator = dataset.indicator_position(row.indicator).ok_or_else(|| {
            table.error(
                column::INDICATOR,
                ErrorKind::UnknownIndicator {
                    id: excerpt(row.indicator),
                },
            )
        })?;
        check_value(table, dataset.indicators[indicator as usize].unit, row)?;
        let source = remembered(&mut self.last_source, row.source, || {
            dataset.resolve_source(table, row.source, row.province, origin, file)
        })?;
        if !row.id.is_empty() {
            if taken.contains(row.id) {
                let kind = ErrorKind::BundledId {
                    column: "observation_id".to_owned(),
                    id: excerpt(row.id),
                };
                return Err(table.error(column::ID, kind));
            }
            if let Some(first_line) = self.ids.insert(row.id.to_owned(), table.line()) {
                let kind = ErrorKind::DuplicateId {
                    id: excerpt(row.id),
                    first_line,
                };
                return Err(table.error(column::ID, kind));
            }
        }
        check_evidence(table, &dataset.sources[source as usize], origin, row)?;
        let scope_ids = &mut self.scope_ids;
        let scope = remembered(&mut self.last_scope, row.scope, || {
            Ok(*scope_ids.entry(row.scope.to_owned()).or_insert_with(|| {
                dataset.scopes.push(row.scope.to_owned());
                (dataset.scopes.len() - 1) as u32
            }))
        })?;
        self.columns.push(
            row,
            RowKeys {
                province,
                indicator,
                scope,
                source,
                origin,
            },
        );
        Ok(())
    }
}

/// Refuses values impossible for the indicator's unit: a fractional count (most often a
/// Vietnamese thousands separator read as a decimal point), or a value or whole above the
/// unit's plausible maximum (a share above 100 %, whether or not it is written `a/b`).
fn check_value(table: &Table<'_>, unit: Unit, row: &ObservationRow<'_>) -> Result<()> {
    if unit == Unit::Count && row.value.fract() != 0.0 {
        let text = row.value.to_string();
        let expected = format!(
            "a whole number for a count (write {} for {text} thousand)",
            text.replace('.', "")
        );
        return Err(table.invalid(column::VALUE, &text, expected));
    }
    if let Some(minimum) = unit.minimum()
        && row.value < minimum
    {
        let reason = format!("a {unit} value cannot be below {minimum}");
        return Err(table.error(
            column::VALUE,
            ErrorKind::Implausible {
                value: row.value,
                reason,
            },
        ));
    }
    let maximum = unit.plausible_maximum();
    for (slot, value) in [
        (column::VALUE, Some(row.value)),
        (column::OUT_OF, row.out_of),
    ] {
        if let Some(value) = value
            && value > maximum
        {
            let reason = format!("a {unit} figure cannot exceed {maximum}");
            return Err(table.error(slot, ErrorKind::Implausible { value, reason }));
        }
    }
    Ok(())
}

/// A figure of a published table cites one of its cells, for a province of the table's list and
/// the period the table covers; a figure of a report cites no cell. A user's own source may
/// carry either.
fn check_evidence(
    table: &Table<'_>,
    source: &Source,
    origin: Origin,
    row: &ObservationRow<'_>,
) -> Result<()> {
    match (&source.table, row.cell) {
        (Some(published), Some(_)) => {
            if row.province.scheme != published.scheme {
                let expected = format!(
                    "a {} province, as table {} lists",
                    published.scheme, source.id
                );
                return Err(table.invalid(column::PROVINCE, &row.province.to_string(), expected));
            }
            if row.period != published.period {
                let expected = format!("{}, the period of table {}", published.period, source.id);
                return Err(table.invalid(column::PERIOD, &row.period.to_string(), expected));
            }
            Ok(())
        }
        (Some(_), None) => Err(table.error(
            column::TABLE_ROW,
            ErrorKind::EmptyField {
                column: format!("table_row (a figure of table {} cites its cell)", source.id),
            },
        )),
        (None, Some(_)) if origin == Origin::Bundled => {
            let expected = format!("no cell: {} is a report, cited by a quote", source.id);
            Err(table.invalid(column::TABLE_ROW, row.cell.map_or("", |c| c.row), expected))
        }
        (None, _) => Ok(()),
    }
}

/// Looks `key` up through a one-entry memory: consecutive rows mostly repeat their source and
/// scope, and a string comparison is cheaper than a hash. The memory's string is reused, so a
/// miss allocates nothing.
fn remembered(
    last: &mut Option<(String, u32)>,
    key: &str,
    lookup: impl FnOnce() -> Result<u32>,
) -> Result<u32> {
    if let Some((previous, value)) = last
        && previous == key
    {
        return Ok(*value);
    }
    let value = lookup()?;
    match last {
        Some((previous, remembered)) => {
            previous.clear();
            previous.push_str(key);
            *remembered = value;
        }
        None => *last = Some((key.to_owned(), value)),
    }
    Ok(value)
}

/// A dataset whose observations arrive in pieces, over the bundled reference data: a long
/// file is read as it comes (from the network, or from a page that slices a long text) and
/// never held whole. Every row and every error is what [`Dataset::with_bundled_reference`]
/// gives for the whole text.
///
/// ```
/// use ict_compare::{DatasetLoader, synthetic_indicators, synthetic_sources};
/// let (sources, indicators) = (synthetic_sources(), synthetic_indicators());
/// let mut loader = DatasetLoader::with_bundled_reference(&sources, &indicators, 0)?;
/// loader.push("province,indicator_id,period,value,source_id\np63:84,ind_000,20")?;
/// loader.push("24,12,s01\n")?;
/// assert_eq!(loader.finish()?.len(), 1);
/// # Ok::<(), ict_compare::Error>(())
/// ```
pub struct DatasetLoader {
    dataset: Dataset,
    load: Load,
}

impl DatasetLoader {
    /// A loader of observations that cite `sources` and `indicators` (whole texts, in the
    /// bundled formats); `expected_bytes`, the observations' length if known (0 otherwise),
    /// lets the columns be sized once.
    pub fn with_bundled_reference(
        sources: &str,
        indicators: &str,
        expected_bytes: usize,
    ) -> Result<Self> {
        let dataset = Dataset::own_catalogue(sources, indicators)?;
        let load = Load::new(
            &dataset,
            "observations.csv",
            Origin::Bundled,
            expected_bytes,
        );
        Ok(DatasetLoader { dataset, load })
    }

    /// Reads the rows that `piece`, the next part of the text, completes.
    pub fn push(&mut self, piece: &str) -> Result<()> {
        self.load
            .push(&mut self.dataset, piece, &HashSet::default())
    }

    /// Reads the rest and indexes the dataset.
    pub fn finish(self) -> Result<Dataset> {
        let DatasetLoader { mut dataset, load } = self;
        let columns = load.finish(&mut dataset, "", &HashSet::default())?;
        dataset.set_columns(columns);
        Ok(dataset)
    }
}
