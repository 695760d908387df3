//! Tables written in a report's text: one row a line, its cells parted by `|` or by tabs, as a
//! table copied from a document or a web page comes.
//!
//! In a table a figure's words are not around it: what it counts is its row's label, the first
//! cell with a letter ("Tỷ lệ hộ gia đình có cáp quang", after a row number under "STT"), its
//! unit in a column of units ("Đơn vị": `%`, `trạm`) or the label's bracket ("… (%)"), and its
//! year its column's heading ("2023", "Năm 2023"; "Kế hoạch 2025" for a goal). A row led by
//! its year under headings that name each column ("Năm | Điểm DTI | Xếp hạng") takes its
//! column's heading as its label; a column headed "Xếp hạng" holds ranks. This module finds the
//! tables and says, for a byte of the text, which row and column it lies in and what they say:
//! the row's quote, its label, its cell in a column of units, its column's heading and the
//! unit in that heading's bracket. It knows nothing of numbers' shapes, units or indicators;
//! `units` reads the unit from the quote.

use std::ops::Range;

use super::context::find_phrase_in_any_case;
use super::quote::LONGEST;
use crate::parse::{qualifier_before, unit_bracket};

/// What a table says of a number in one of its cells.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    /// The row as written from its label to the figure's cell, without borders: the figure's
    /// quote (on a long row, the cells that lead to it, as many as fit; on to the row's column
    /// of units when that follows the figure's cell and fits).
    pub row: Range<usize>,
    /// The row's label, without a bracketed unit at its end: what the figure counts.
    pub label: Range<usize>,
    /// The cell itself, without its spaces.
    pub span: Range<usize>,
    /// The row's cell in a column of units ("Đơn vị"), when the heading names one: the quote
    /// runs on to it when it follows the figure's cell and still fits.
    pub unit: Option<Range<usize>>,
    /// The year heading the column, when it names one.
    pub year: Option<u16>,
    /// Whether the column's heading names a goal ("Kế hoạch 2025", "Mục tiêu").
    pub is_target: bool,
    /// Whether the column's heading names a rank ("Xếp hạng"): a figure no indicator measures.
    pub is_rank: bool,
    /// The column's heading, when it has words ("Điểm DTI" over a province's row): what the
    /// figure is, where the row's label says whose it is.
    pub heading: Option<Range<usize>>,
    /// The heading over the row's labels ("Tỉnh" over "Đồng Nai"), when the label is a row's.
    pub label_heading: Option<Range<usize>>,
    /// The unit the column's heading names in its bracket ("Tỷ lệ (%)", "Kinh phí (tỷ
    /// đồng)"), which the quote, the row, does not hold: `units` takes it when it scales
    /// nothing, and otherwise knows the figure's unit is not its quote's.
    pub heading_unit: Option<Range<usize>>,
}

/// The tables of a text.
#[derive(Debug, Default)]
pub(super) struct TextTables {
    /// Every row below a heading, in the order of the text.
    rows: Vec<Row>,
    headings: Vec<Heading>,
}

#[derive(Debug)]
struct Row {
    line: Range<usize>,
    cells: Vec<Range<usize>>,
    heading: usize,
}

/// What a table's first row says of its columns.
#[derive(Debug)]
struct Heading {
    /// The heading's cells, as its row's.
    cells: Vec<Range<usize>>,
    years: Vec<Option<u16>>,
    targets: Vec<bool>,
    ranks: Vec<bool>,
    units: Option<usize>,
    /// A column of row numbers ("STT", "TT").
    row_numbers: Option<usize>,
}

/// Headings of a column of row numbers.
const ROW_NUMBER_HEADINGS: &[&str] = &["stt", "tt", "số tt", "số thứ tự"];

/// The most words a column's heading has ("Ước thực hiện năm 2024 so với kế hoạch (%)" has
/// nine); a sentence of prose is longer.
const HEADING_WORDS: usize = 10;

/// Headings of a column of units.
const UNIT_HEADINGS: &[&str] = &["đơn vị tính", "đơn vị", "đvt"];

/// Words of a column heading that make its figures goals.
const GOAL_HEADINGS: &[&str] = &["kế hoạch", "mục tiêu", "chỉ tiêu năm", "phấn đấu"];

/// Words of a column heading that make its figures ranks ("Xếp hạng", "Thứ hạng DTI"); "Hạng"
/// alone heads one too, but not "Số hạng mục".
const RANK_HEADINGS: &[&str] = &["xếp hạng", "thứ hạng", "vị trí xếp hạng", "xếp thứ"];

impl TextTables {
    /// Finds the tables of `text`: runs of at least two lines parted the same way into the
    /// same number of cells (two or more of them not empty; a line parted by tabs may have
    /// fewer, its last empty ones dropped), the first of them the heading. A line of only
    /// dashes and borders (`|---|---|`) neither counts nor breaks a run.
    pub(super) fn of(text: &str) -> Self {
        let mut tables = TextTables::default();
        let mut run: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
        let mut parted_by = None;
        let mut start = 0;
        for whole in text.split_inclusive('\n') {
            // Without the spaces and tabs around it: an indented paragraph is no row.
            let lead = whole.len() - whole.trim_start().len();
            let mut range = start + lead..start + lead + whole.trim().len();
            let line = &text[range.clone()];
            if is_rule(line) {
                start += whole.len();
                continue;
            }
            let separator = separator_of(line);
            let mut cells = separator
                .map(|s| cells_of_line(text, &range, s))
                .unwrap_or_default();
            // In a table parted by tabs, a row whose first cells are empty (a sub-row without
            // its number: "\tTrong đó: di động\t…") starts with their tabs, which are then no
            // indent: its cells stay under their columns.
            let spaced = whole.len() - whole.trim_start_matches([' ', '\u{a0}']).len();
            if parted_by == Some('\t') && whole[spaced..].starts_with('\t') {
                let kept = start + spaced..range.end;
                let all = cells_of_line(text, &kept, '\t');
                if run
                    .first()
                    .is_some_and(|(_, first)| first.len() == all.len())
                {
                    (range, cells) = (kept, all);
                }
            }
            start += whole.len();
            // A line parted by tabs may end before its last empty cells, whose tabs an editor
            // drops: it has no more cells than the heading, aligned from the left.
            let continues = separator.is_some()
                && separator == parted_by
                && run.first().is_some_and(|(_, first)| {
                    first.len() == cells.len()
                        || separator == Some('\t') && cells.len() < first.len()
                });
            if !continues {
                tables.close(text, std::mem::take(&mut run));
                parted_by = separator;
            }
            if cells.iter().filter(|cell| !cell.is_empty()).count() >= 2 {
                run.push((range, cells));
            }
        }
        tables.close(text, run);
        tables
    }

    /// Keeps `run` as a table if it has a heading and a row.
    fn close(&mut self, text: &str, run: Vec<(Range<usize>, Vec<Range<usize>>)>) {
        let mut lines = run.into_iter();
        let Some((_, heading)) = lines.next() else {
            return;
        };
        let rows: Vec<_> = lines.collect();
        // A heading names its columns in a few words each: prose that happens to hold tabs has
        // a sentence in a cell.
        let names_columns = heading
            .iter()
            .all(|cell| text[cell.clone()].split_whitespace().count() <= HEADING_WORDS);
        if rows.is_empty() || !names_columns {
            return;
        }
        let words: Vec<String> = heading
            .iter()
            .map(|cell| text[cell.clone()].to_lowercase())
            .collect();
        let index = self.headings.len();
        let naming = |list: &[&str]| -> Vec<bool> {
            words
                .iter()
                .map(|w| list.iter().any(|g| find_phrase_in_any_case(w, g).is_some()))
                .collect()
        };
        self.headings.push(Heading {
            years: words.iter().map(|w| year_of(w)).collect(),
            targets: naming(GOAL_HEADINGS),
            ranks: naming(RANK_HEADINGS)
                .into_iter()
                .zip(&words)
                .map(|(ranks, w)| ranks || w.trim_end_matches(':') == "hạng")
                .collect(),
            units: words
                .iter()
                .position(|w| UNIT_HEADINGS.iter().any(|u| w.trim_end_matches(':') == *u)),
            row_numbers: words
                .iter()
                .position(|w| ROW_NUMBER_HEADINGS.contains(&w.trim_end_matches(['.', ':']))),
            cells: heading,
        });
        self.rows.extend(rows.into_iter().map(|(line, cells)| Row {
            line,
            cells,
            heading: index,
        }));
    }

    /// The row and the column of byte `at`, when it lies in a table's row.
    fn place(&self, at: usize) -> Option<(&Row, usize)> {
        let index = self.rows.partition_point(|row| row.line.start <= at);
        let row = self.rows.get(index.checked_sub(1)?)?;
        if !row.line.contains(&at) {
            return None;
        }
        // Cells are in the order of the line: found by halves, as a hostile line may have
        // thousands.
        let column = row
            .cells
            .partition_point(|cell| cell.start <= at)
            .checked_sub(1)?;
        row.cells[column].contains(&at).then_some((row, column))
    }

    /// Whether byte `at` lies in a table's column of units ("thuê bao/100 dân" under "Đơn
    /// vị"): a number there is part of a unit's name.
    pub(super) fn is_in_units_column(&self, text: &str, at: usize) -> bool {
        // A number alone in it is a short row's figure, without a unit ("Tổng\t1.250").
        self.place(at).is_some_and(|(row, column)| {
            self.headings[row.heading].units == Some(column)
                && text[row.cells[column].clone()].contains(char::is_alphabetic)
        })
    }

    /// The cells of the heading of the table byte `at` lies in, if any.
    pub(super) fn headings_at(&self, at: usize) -> &[Range<usize>] {
        self.place(at)
            .map_or(&[], |(row, _)| &self.headings[row.heading].cells)
    }

    /// Whether byte `at` lies in a table's column of row numbers ("STT").
    pub(super) fn is_row_number(&self, at: usize) -> bool {
        self.place(at)
            .is_some_and(|(row, column)| self.headings[row.heading].row_numbers == Some(column))
    }

    /// What the table says of the number at byte `at`, when it lies in a table's cell of
    /// figures: after the row's label (its first cell with a letter), or in a row of figures
    /// led by its year under headings that name what each column counts ("Năm | Điểm DTI |
    /// Xếp hạng", whose headings are then the labels); not in a column of units or of row
    /// numbers, not in the heading, and opening its cell, after a qualifier at most.
    pub(super) fn cell_at(&self, text: &str, at: usize) -> Option<Cell> {
        let (row, column) = self.place(at)?;
        let heading = &self.headings[row.heading];
        let labelled = row.cells.iter().position(|cell| {
            let written = &text[cell.clone()];
            written.chars().any(char::is_alphabetic) && !is_row_mark(written)
        });
        let named = heading
            .cells
            .get(column)
            .filter(|cell| text[(*cell).clone()].chars().any(char::is_alphabetic))
            .cloned();
        let (lead, label, year) = match labelled {
            Some(labelled) if column > labelled => (
                Some(labelled),
                label_of(text, row.cells[labelled].clone()),
                heading.years.get(column).copied().flatten(),
            ),
            // No label before the figure (a note may follow it, "Ghi chú"): a row led by its
            // year, under a heading that names the column.
            _ => {
                let year = row
                    .cells
                    .first()
                    .and_then(|first| year_of(&text[first.clone()]))?;
                let named = named.clone().filter(|_| column > 0)?;
                (None, label_of(text, named), Some(year))
            }
        };
        if heading.units == Some(column) {
            return None;
        }
        let heading_unit = named.as_ref().and_then(|named| {
            unit_bracket(&text[named.clone()])
                .map(|inside| named.start + inside.start..named.start + inside.end)
        });
        let unit = heading
            .units
            .and_then(|u| row.cells.get(u).cloned())
            .filter(|u| !u.is_empty());
        let span = row.cells[column].clone();
        // A figure's cell opens with the figure, or a qualifier before it ("Trên 90%", "Ước
        // đạt 520"); other words before it make a clause ("và 300 trạm 5G" after a tab, "1.020
        // tỷ đồng (tăng 15%)"), read as running text, as is text in a table's frame.
        let before = text[span.start..at.max(span.start)].trim_end();
        let (_, qualifier) = qualifier_before(before);
        let opens = !before[..before.len() - qualifier].contains(char::is_alphanumeric);
        if span.len() > LONGEST || !opens {
            return None;
        }
        let mut quote = row.cells[lead.unwrap_or(0)].start..span.end;
        if quote.len() > LONGEST {
            // A row too long to quote whole (a hostile one may fill the text): the cells that
            // lead to the figure, as many as fit, each whole.
            let from = span.end.saturating_sub(LONGEST);
            let first = row.cells[..column].partition_point(|cell| cell.start < from);
            quote = row.cells.get(first).map_or(span.start, |cell| cell.start)..span.end;
        }
        // A column of units after the figure's: the quote runs on to it, when it fits, so
        // that the quote says the figure's unit.
        if let Some(unit) = unit
            .as_ref()
            .filter(|u| u.end > quote.end && u.end - quote.start <= LONGEST)
        {
            quote.end = unit.end;
        }
        let label = label.start..text.floor_char_boundary(label.end.min(label.start + LONGEST));
        Some(Cell {
            row: quote,
            label,
            span,
            unit,
            year,
            is_target: heading.targets.get(column).copied().unwrap_or(false),
            is_rank: heading.ranks.get(column).copied().unwrap_or(false),
            heading: named,
            label_heading: lead.and_then(|lead| heading.cells.get(lead).cloned()),
            heading_unit,
        })
    }
}

/// How a line parts its cells: tabs, or `|` when it has at least one inside its text.
fn separator_of(line: &str) -> Option<char> {
    if line.contains('\t') {
        Some('\t')
    } else if line.trim().trim_matches('|').contains('|') {
        Some('|')
    } else {
        None
    }
}

/// A row's number written in letters: a Roman numeral ("II", "IV.") or one letter ("a)", "b."),
/// as a table's parts and sub-rows are numbered. It is no label.
fn is_row_mark(cell: &str) -> bool {
    let mark = cell.trim_end_matches(['.', ')']);
    let roman = !mark.is_empty() && mark.len() <= 6 && mark.chars().all(|c| "IVXL".contains(c));
    let letter = mark.chars().count() == 1 && mark.chars().all(|c| c.is_ascii_lowercase());
    roman || letter
}

/// A line of dashes, colons, pluses and borders only, as a table's rule.
fn is_rule(line: &str) -> bool {
    line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | '+' | '=') || c.is_whitespace())
}

/// The cells of the line at `range`, each without its spaces; the empty cells a border makes
/// at either end are not cells.
fn cells_of_line(text: &str, range: &Range<usize>, separator: char) -> Vec<Range<usize>> {
    let line = &text[range.clone()];
    let mut cells = Vec::new();
    let mut start = range.start;
    for part in line.split(separator) {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        cells.push(start + lead..start + lead + trimmed.len());
        start += part.len() + separator.len_utf8();
    }
    if separator == '|' {
        if cells.first().is_some_and(Range::is_empty) {
            cells.remove(0);
        }
        if cells.last().is_some_and(Range::is_empty) {
            cells.pop();
        }
    }
    cells
}

/// A row's first cell without the bracket ending it when that names a unit ("Tỷ lệ dân số có
/// điện thoại thông minh (%)"): what the row's figures count.
fn label_of(text: &str, cell: Range<usize>) -> Range<usize> {
    let written = &text[cell.clone()];
    match unit_bracket(written) {
        // Without the bracket's opening one, and the spaces before it.
        Some(inside) => cell.start..cell.start + written[..inside.start - 1].trim_end().len(),
        None => cell,
    }
}

/// The one year a column heading names ("2023", "Năm 2023", "KH 2025"); none for a span
/// ("2021-2025") or two years.
fn year_of(heading: &str) -> Option<u16> {
    let mut years = heading
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<u16>().ok())
        .filter(|year| (1990..=2100).contains(year));
    let year = years.next()?;
    let spans = heading.contains(['-', '–']);
    (years.next().is_none() && !spans).then_some(year)
}

#[cfg(test)]
mod tests;
