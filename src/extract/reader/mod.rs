//! One pass over a text: every number-shaped token becomes a candidate or a rejected number.
//!
//! This is where the parts meet: the layout and the reasons decide whether a token may be a
//! figure; the qualifier, the units, the quote, the periods and the suggestions describe it.
//! Byte offsets are used throughout and turned into character offsets on the way out.

mod spans;

use std::collections::HashMap;
use std::ops::Range;

use super::context::{self, after, contains_phrase, sentence_at, sentences, words_before};
use super::layout::Layout;
use super::periods::PeriodBasis;
use super::proposal::{Candidate, Extraction, Rejected};
use super::reasons::{self, Rank, Reason, Sight};
use super::suggest::{Suggester, Suggestion};
use super::text_tables::{Cell, TextTables};
use super::tokens::{self, Shape, Token};
use super::{ExtractOptions, language, periods, quote, units};
use crate::model::{Period, Qualifier, Unit};
use crate::parse::{qualifier_after, qualifier_before};
use spans::{
    CharCounter, around, clause_head, clause_tail, gap_before, paragraph_before, part_end,
};

/// Reads every number of `text`.
pub(super) fn read(text: &str, suggester: &Suggester<'_>, options: &ExtractOptions) -> Extraction {
    let tokens = tokens::tokens(text);
    let mut pass = Pass {
        text,
        layout: Layout::of(text),
        tables: TextTables::of(text),
        sentences: sentences(text),
        other_provinces: options
            .other_provinces
            .iter()
            .map(|name| name.to_lowercase())
            .collect(),
        suggester,
        options,
        chars: CharCounter::new(text),
        extraction: Extraction::default(),
        seen: HashMap::new(),
        consumed: Vec::new(),
        last_end: None,
        reasons: Vec::new(),
        ranks: Vec::new(),
        dating: periods::Dating::of(text, &tokens, options.published),
        plans: periods::Plans::of(text, options.published),
    };
    // Every number's reason not to be a figure, known before any quote is cut: a year or a
    // level does not part a figure from its subject ("Chỉ số DTI năm 2022 của tỉnh đạt
    // 0,4526").
    (pass.reasons, pass.ranks) = if language::reads_as_english(text) {
        // Read under Vietnamese rules, "2,860" would be proposed as 2,86.
        let count = tokens.len();
        (vec![Some(Reason::OtherLanguage); count], vec![None; count])
    } else {
        tokens.iter().map(|token| pass.reason_of(token)).unzip()
    };
    for (index, token) in tokens.iter().enumerate() {
        pass.token(index, token, &tokens);
    }
    pass.extraction
}

/// The state of one pass over a text.
struct Pass<'t, 's> {
    text: &'t str,
    layout: Layout,
    tables: TextTables,
    sentences: Vec<Range<usize>>,
    other_provinces: Vec<String>,
    suggester: &'s Suggester<'s>,
    options: &'s ExtractOptions,
    chars: CharCounter<'t>,
    extraction: Extraction,
    /// Counts proposed so far (value, noun words, candidate index), to find restatements.
    seen: HashMap<u64, Vec<(Vec<String>, usize)>>,
    /// Byte ranges already read as part of a figure (`/100 dân`), whose digits are not numbers.
    consumed: Vec<Range<usize>>,
    /// Where the previous token ended, so that the groups of a phone number stay together.
    last_end: Option<usize>,
    /// Each token's reason not to be a figure, read from its own words.
    reasons: Vec<Option<Reason>>,
    /// Whether each token is a rank, and how surely, read with its reason.
    ranks: Vec<Option<Rank>>,
    /// What dates figures without a time of their own.
    dating: periods::Dating,
    /// The sections whose headings announce work to come.
    plans: periods::Plans,
}

/// What is known of a token once it is found to be a candidate.
struct Reading {
    value: f64,
    sentence_index: usize,
    sentence: Range<usize>,
    /// Whether it is a rank ("xếp thứ 12/63"), and how surely: a figure of the province, but
    /// the catalogue's indicators are measured, never ranked (the views rank them).
    rank: Option<Rank>,
}

impl Pass<'_, '_> {
    fn token(&mut self, index: usize, token: &Token, tokens: &[Token]) {
        let text = self.text;
        if self
            .consumed
            .iter()
            .any(|range| range.contains(&token.span.start))
        {
            return;
        }
        let phone_continued = self.extraction.rejected.last().is_some_and(|last| {
            last.reason == Reason::Contact
                && self.last_end == Some(token.span.start - gap_before(text, token.span.start))
        });
        self.last_end = Some(token.span.end);
        let reason = if phone_continued {
            Some(Reason::Contact)
        } else {
            self.reasons.get(index).copied().flatten()
        };
        if let Some(reason) = reason {
            self.reject(token, reason, None);
            return;
        }
        let Some(value) = token.shape.value() else {
            self.reject(token, Reason::Unreadable, None);
            return;
        };
        let sentence_index = sentence_at(&self.sentences, token.span.start);
        let sentence = self.sentence_around(sentence_index, token);
        let reading = Reading {
            value,
            sentence_index,
            sentence,
            rank: self.ranks.get(index).copied().flatten(),
        };
        self.propose(token, &reading, tokens);
    }

    /// The sentence holding `token` (the one at `index`), clipped around it.
    fn sentence_around(&self, index: usize, token: &Token) -> Range<usize> {
        let whole = self.sentences.get(index).cloned();
        around(self.text, whole.unwrap_or(0..self.text.len()), &token.span)
    }

    /// Why the token is not a figure, if it is not, read from its own words alone, and
    /// whether it is a rank.
    fn reason_of(&self, token: &Token) -> (Option<Reason>, Option<Rank>) {
        // A table's row number ("STT") counts the table's own rows.
        if self.tables.is_row_number(token.span.start) {
            return (Some(Reason::Structure), None);
        }
        // A number in a table's column of units ("thuê bao/100 dân") names the unit.
        if self.tables.is_in_units_column(self.text, token.span.start) {
            return (Some(Reason::Name), None);
        }
        // A table that compares provinces holds other provinces' figures: a row named for one
        // under a heading of provinces ("Tỉnh" over "Đồng Nai | 0,5210"), or a column named for
        // one among others so named. A district may share a province's name ("Hòa Bình").
        if let Some(cell) = self.tables.cell_at(self.text, token.span.start) {
            let other = |name: &Range<usize>| {
                reasons::is_other_province(&self.text[name.clone()], &self.other_provinces)
            };
            let of_provinces = cell.label_heading.as_ref().is_some_and(|heading| {
                contains_phrase(&self.text[heading.clone()].to_lowercase(), "tỉnh")
            });
            let row = of_provinces && other(&cell.label);
            let column = cell.heading.as_ref().is_some_and(other)
                && self
                    .tables
                    .headings_at(token.span.start)
                    .iter()
                    .filter(|h| other(h))
                    .count()
                    >= 2;
            if row || column {
                return (Some(Reason::Elsewhere), None);
            }
        }
        let index = sentence_at(&self.sentences, token.span.start);
        let sentence = self.sentence_around(index, token);
        self.reason(token, &words_before(self.text, token.span.start), &sentence)
    }

    /// Whether the digits at byte `at` may be a figure: not a number with a reason not to be.
    fn may_be_figure(&self, at: usize, tokens: &[Token]) -> bool {
        tokens
            .binary_search_by_key(&at, |t| t.span.start)
            .map_or(true, |i| self.reasons.get(i).is_none_or(Option::is_none))
    }

    /// Why the token is not a figure, if it is not, and whether it is a rank.
    fn reason(
        &self,
        token: &Token,
        before_text: &str,
        sentence: &Range<usize>,
    ) -> (Option<Reason>, Option<Rank>) {
        let text = self.text;
        let after_text = after(text, token.span.end);
        let clause_before =
            clause_tail(&text[sentence.start.min(token.span.start)..token.span.start]);
        let clause_after = clause_head(&text[token.span.end..sentence.end.max(token.span.end)]);
        let sight = Sight {
            text,
            start: token.span.start,
            end: token.span.end,
            shape: token.shape,
            before: before_text,
            after: &after_text,
            clause_before: &clause_before,
            clause_after: &clause_after,
            other_provinces: &self.other_provinces,
            rank: reasons::rank_of(before_text, &clause_before, token.shape),
        };
        (reasons::reason(&sight, &self.layout), sight.rank)
    }

    /// The indicators suggested for a figure of `units` whose digits start at `number`, quoted
    /// by `quote`, in a table's `cell` or not: none for money in another currency, a value
    /// whose scale only its column's heading names, or a rank (in words, or in a column of
    /// ranks, "Xếp hạng"), which no indicator measures.
    fn suggestions(
        &self,
        units: &units::Reading,
        reading: &Reading,
        quote: &Range<usize>,
        number: usize,
        cell: Option<&Cell>,
    ) -> Vec<Suggestion> {
        let rank = match reading.rank {
            Some(Rank::Certain) => true,
            Some(Rank::OrCount) => reasons::ranks_nothing_counted(&units.counted),
            None => cell.is_some_and(|cell| cell.is_rank),
        };
        if units.foreign_money || units.scaled_elsewhere || rank {
            return Vec::new();
        }
        let heading = cell
            .and_then(|cell| cell.heading.clone())
            .map_or("", |heading| &self.text[heading]);
        let sentence = &reading.sentence;
        let text = self.text;
        // The words around the quote tell indicators apart; past a few hundred bytes they are
        // other figures' (and reading them for every number of a long run-on text costs).
        let mut from = text.ceil_char_boundary(
            quote
                .start
                .saturating_sub(SUGGEST_REACH)
                .max(sentence.start),
        );
        let mut to = text.floor_char_boundary((quote.end + SUGGEST_REACH).min(sentence.end));
        // A figure that names what it counts has its own subject: the clauses that a semicolon
        // parts from its own are other figures' ("… điện thoại thông minh ước đạt 82%; khoảng
        // 68% hộ gia đình có kết nối Internet cáp quang"). But a label before a colon that
        // heads the list heads each of them ("Tỷ lệ hộ gia đình có kết nối Internet cáp quang:
        // khu vực thành thị 85% hộ; khu vực nông thôn 60% hộ").
        if !units.counted.is_empty() && from <= quote.start && quote.end <= to {
            let head = &text[from..quote.start];
            if !head[..head.find(';').unwrap_or(head.len())].contains(':') {
                from = head.rfind(';').map_or(from, |at| from + at + 1);
            }
            to = text[quote.end..to]
                .find(';')
                .map_or(to, |at| quote.end + at);
        }
        // A table's column heading names what the figure is, far above it in the text; its
        // subject is the heading and the row's label, not the row's other cells, which are
        // other columns' figures.
        let around = format!("{heading}\n{}", &text[from..to.max(from)]);
        let subject = if heading.is_empty() {
            text[quote.start..number.max(quote.start)].to_owned()
        } else {
            format!("{heading}: {}", units.counted)
        };
        self.suggester.suggest(
            units.unit,
            &units.counted,
            &text[quote.clone()],
            &subject,
            &around,
        )
    }

    fn reject(&mut self, token: &Token, reason: Reason, restates: Option<usize>) {
        let remainder = units::remainder(&self.text[token.span.end..]);
        let (_, written) = self.take_remainder(token, remainder.as_ref());
        let span = self.chars.span(&written);
        self.extraction.rejected.push(Rejected {
            written: self.text[written].to_owned(),
            span,
            reason,
            restates,
        });
    }

    /// Takes the numbers the words after `token` make part of its figure (a rate's `100`, the
    /// smaller amount of `25 tỷ 500 triệu đồng`, one figure of 25,5 tỷ đồng), so that they do
    /// not come out on their own; gives what the smaller amount adds to the figure's value and
    /// the figure's span as written.
    fn take_parts(&mut self, token: &Token, units: &units::Reading) -> (f64, Range<usize>) {
        let end = token.span.end;
        if let Some(digits) = &units.rate_digits {
            self.consumed.push(end + digits.start..end + digits.end);
        }
        self.take_remainder(token, units.remainder.as_ref())
    }

    /// Takes the smaller amount of an amount in two scales (see [`Pass::take_parts`]), whether
    /// the amount is a figure or not: its digits come out with the larger's, and nowhere else.
    fn take_remainder(
        &mut self,
        token: &Token,
        remainder: Option<&(f64, Range<usize>)>,
    ) -> (f64, Range<usize>) {
        let end = token.span.end;
        match remainder {
            Some((more, through)) => {
                self.consumed.push(end + through.start..end + through.end);
                (*more, token.span.start..end + through.end)
            }
            None => (0.0, token.span.clone()),
        }
    }

    /// Describes a candidate, unless it restates an earlier one.
    fn propose(&mut self, token: &Token, reading: &Reading, tokens: &[Token]) {
        let text = self.text;
        let value = reading.value;
        // A number in a table's cell takes its row's words and its column's year.
        // Not a token that runs on past its cell, which its cell cannot describe.
        let cell = self
            .tables
            .cell_at(text, token.span.start)
            .filter(|cell| token.span.end <= cell.span.end);
        let mut units = units::of_figure(text, token.span.clone(), value, cell.as_ref());
        let (more, written) = self.take_parts(token, &units);
        // After a ratio or a range, a smaller amount continues its second number, not its first
        // ("12,5/1.250 tỷ 500 triệu").
        let more = if matches!(token.shape, Shape::Number(_)) {
            more
        } else {
            0.0
        };
        let mut value = value + more;
        // A row gives one figure a column: the same value in another is another year's.
        if cell.is_none() && units.unit != Unit::Percent && token.shape == Shape::Number(value) {
            let noun: Vec<String> = context::words(&units.counted)
                .map(str::to_lowercase)
                .collect();
            let same_value = self.seen.entry(value.to_bits()).or_default();
            if let Some(first) = restated(same_value, &noun) {
                self.reject(token, Reason::Restatement, Some(first));
                return;
            }
            if noun.len() >= 2 {
                same_value.push((noun, self.extraction.candidates.len()));
            }
        }
        // Read in the text itself, so that its offset is the quote's start.
        let (mut qualifier, back) = qualifier_before(&text[..token.span.start]);
        let qualifier_start = token.span.start - back;
        let mut read_end = token.span.end + units.read_len;
        // Without words before it, a phrase after its unit and noun may qualify it ("80% trở
        // lên"): the quote holds the phrase. Not a range's or a ratio's, whose first number
        // `validate` reads alone, with the second between it and the phrase.
        if qualifier == Qualifier::Exact
            && matches!(token.shape, Shape::Number(_))
            && let Some((after, end)) = qualifier_after(&text[token.span.end..])
        {
            qualifier = after;
            read_end = read_end.max(token.span.end + end);
        }
        let names_what_it_counts = units.unit == Unit::Count && !units.counted.is_empty();
        let quote_range = match &cell {
            Some(cell) => cell.row.clone(),
            None => quote::quote(
                text,
                qualifier_start,
                &token.span,
                read_end,
                names_what_it_counts,
                |at| self.may_be_figure(at, tokens),
            ),
        };
        let quote = text[quote_range.clone()].to_owned();
        if cell.is_none() {
            let number = token.span.start - quote_range.start..token.span.end - quote_range.start;
            let read_past_its_cell = (units.unit, units.scale);
            units = units::in_row(units, &quote, number, None);
            if (units.unit, units.scale) != read_past_its_cell {
                // The words read after the number lay in other cells: a smaller amount
                // among them is none of its figure.
                value = reading.value;
            }
        }
        let (is_target, period, period_basis) = self.when(token, reading, cell.as_ref(), tokens);
        let suggestions = self.suggestions(
            &units,
            reading,
            &quote_range,
            token.span.start,
            cell.as_ref(),
        );
        let clarity = if units.counted.is_empty() && units.unit == Unit::Count {
            0.1
        } else {
            0.3
        };
        let fit = suggestions.first().map_or(0.0, |s| s.score);
        let (out_of, up_to) = match token.shape {
            Shape::Ratio(_, b) => (Some(b), None),
            Shape::Range(_, b) => (None, Some(b)),
            _ => (None, None),
        };
        let span = self.chars.span(&written);
        let quote_span = self.chars.span(&quote_range);
        self.extraction.candidates.push(Candidate {
            written: text[written].to_owned(),
            span,
            value,
            scale: units.scale,
            out_of,
            up_to,
            qualifier,
            unit: units.unit,
            counted: units.counted,
            quote,
            quote_span,
            period,
            period_basis,
            is_target,
            suggestions,
            confidence: ((0.3 + clarity + 0.4 * fit) * 100.0).round() / 100.0,
        });
    }

    /// Whether the figure is a goal, and its period with how it was found: from its table's
    /// column, or from its sentence, its paragraph, the title or the publication.
    fn when(
        &self,
        token: &Token,
        reading: &Reading,
        cell: Option<&Cell>,
        tokens: &[Token],
    ) -> (bool, Option<Period>, PeriodBasis) {
        let text = self.text;
        let sentence = &reading.sentence;
        let plan = self.plans.year_at(token.span.start);
        let is_target = if let Some(cell) = cell {
            cell.is_target
        } else {
            // A goal or a horizon reaches the figure from before it in the sentence, or from its
            // own part of it; so does the heading of a plan's section, unless the sentence
            // reports the figure done.
            let part_end = part_end(text, token.span.end, sentence.end);
            let before = text[sentence.start..token.span.start].to_lowercase();
            let future = periods::names_future_horizon(
                text,
                &(sentence.start..part_end),
                tokens,
                self.options.published,
            ) || plan.is_some_and(|year| {
                let clause = periods::clause_of(text, sentence, token.span.start);
                periods::is_planned(&before, &text[clause], year)
            });
            periods::is_target(
                &before,
                &text[token.span.start..part_end].to_lowercase(),
                future,
            )
        };
        if let Some(year) = cell.and_then(|cell| cell.year) {
            return (is_target, Some(Period::year(year)), PeriodBasis::Column);
        }
        let earlier = paragraph_before(text, &self.sentences, reading.sentence_index);
        let (period, basis) = periods::period(
            text,
            token.span.start,
            sentence,
            &earlier,
            tokens,
            self.dating,
            is_target,
        );
        // A goal with no year of its own is of its plan's.
        if let (true, None, Some(year)) = (is_target, period, plan) {
            return (true, Some(Period::year(year)), PeriodBasis::TargetYear);
        }
        (is_target, period, basis)
    }
}

/// How far, in bytes, the words on either side of a quote count towards its indicator.
const SUGGEST_REACH: usize = 300;

/// The earlier candidate of the same value a count restates: counting the same thing (one noun
/// phrase starts the other and the shorter has at least two words: "03 ngôn ngữ" … "3 ngôn
/// ngữ", not "30 camera AI an ninh" … "30 camera AI giao thông").
fn restated(same_value: &[(Vec<String>, usize)], noun: &[String]) -> Option<usize> {
    same_value
        .iter()
        .find(|(earlier, _)| {
            let shorter = earlier.len().min(noun.len());
            shorter >= 2 && earlier[..shorter] == noun[..shorter]
        })
        .map(|(_, index)| *index)
}
