//! What a quote states: its numbers read as Vietnamese text writes them, each scaled by its
//! words or by its table row's unit, with the qualifier the words before it give. `validate`
//! holds every recorded figure to one of them.
//!
//! The scales are read by `parse`, as the extraction assistant reads them, so that a figure it
//! proposes is one its quote states. This module knows no dataset.

use crate::model::{Qualifier, Unit};
use crate::parse::{
    QuotedRow, RANGE_DASHES, RANGE_WORDS, is_in_lower_case, numbers_in_text, qualifier_after,
    qualifier_before, qualifier_by_convention, scale_at,
};

/// A figure stated in running text: its value in a unit, the second number of a ratio, and the
/// qualifier of the words just before it, or else of a phrase after it ("80% trở lên").
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The value, in the unit asked for.
    pub value: f64,
    /// For `85/85`, the second number.
    pub out_of: Option<f64>,
    /// From the words before the number, as the report assistant reads them (`không dưới` is
    /// at least, `ước đạt` about), or without them from a phrase after it (`trở lên`).
    pub qualifier: Qualifier,
    /// From the word right before the number, by the data folder's rule (data/README.md),
    /// which a recorded figure may follow instead.
    pub by_convention: Qualifier,
}

/// Reads every figure stated in `text` as it would be recorded in `unit`: Vietnamese numbers,
/// scaled by a following `nghìn`, `triệu` or `tỷ` (two in a row multiplying) and converted to
/// the unit's base. An amount in two scales (`25 tỷ 500 triệu`) states its whole, as the
/// extractor reads it, besides each of its parts. When `text` is a row of a table's cells, a
/// figure after the label is read within its cell, and without a unit of its own is in the
/// row's scale (`parse::QuotedRow`: "Kinh phí | tỷ đồng | 25", "Doanh thu (triệu đồng) | 25").
#[must_use]
pub fn statements_in(text: &str, unit: Unit) -> Vec<Statement> {
    let numbers = numbers_in_text(text);
    let row = QuotedRow::of(text);
    let scales: Vec<f64> = numbers
        .iter()
        .map(|number| {
            let after = &text[number.span.end..];
            match &row {
                // A figure in a table's cell after the label: its own words end at its cell,
                // and without a unit of their own it is in the row's scale.
                Some(row) if row.gives_unit_to(number.span.start, after) => {
                    row.scale().map_or(1.0, |(_, factor)| factor)
                }
                Some(row) if row.is_figure(number.span.start) => {
                    scale_at(row.in_cell(after)).map_or(1.0, |(own, _)| own)
                }
                // Before the first tab or `|`, running text: a tab there is a space.
                _ => scale_at(after).map_or(1.0, |(own, _)| own),
            }
        })
        .collect();
    let mut statements = Vec::with_capacity(numbers.len());
    for (i, number) in numbers.iter().enumerate() {
        let next = numbers.get(i + 1);
        let between = next.map(|next| text[number.span.end..next.span.start].trim());
        let before = &text[..number.span.start];
        let qualifier = match qualifier_before(before) {
            (Qualifier::Exact, _) => qualifier_after(&text[number.span.end..])
                .map_or(Qualifier::Exact, |(qualifier, _)| qualifier),
            (qualifier, _) => qualifier,
        };
        let by_convention = qualifier_by_convention(before);
        let out_of = next.filter(|_| between == Some("/")).map(|next| next.value);
        let (scale, base) = (scales[i], unit.base());
        // The next number's scale.
        let next_scale = scales.get(i + 1).copied().unwrap_or(1.0);
        let stated = |value: f64, out_of| Statement {
            value: value / base,
            out_of,
            qualifier,
            by_convention,
        };
        statements.push(stated(number.value * scale, out_of));
        // The words after a ratio's or a range's second number count its first too ("85/1.250
        // tỷ đồng", "12,5-20 tỷ đồng"), as the extractor reads them.
        // A ratio's slash, or what joins a range, stands between the two numbers.
        let pair = between.is_some_and(|w| {
            w == "/"
                || RANGE_DASHES.contains(&w)
                || RANGE_WORDS.iter().any(|to| is_in_lower_case(w, to))
        });
        if pair && scale == 1.0 && next_scale > 1.0 {
            statements.push(stated(number.value * next_scale, out_of));
        }
        // The smaller part right after the larger's one scale word, itself scaled smaller.
        let one_word = between.is_some_and(|w| scale_at(w) == Some((scale, "")));
        if let Some(next) = next.filter(|_| one_word && next_scale > 1.0 && next_scale < scale) {
            statements.push(stated(number.value * scale + next.value * next_scale, None));
        }
    }
    // A scale word can carry a huge number past the range of numbers; such a figure states
    // nothing a value could match.
    statements.retain(|statement| statement.value.is_finite());
    statements
}

/// Whether two finite numbers agree to nine significant digits. An infinity agrees with
/// nothing: relative to it every difference would look small.
pub(super) fn same(a: f64, b: f64) -> bool {
    a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, unit: Unit) -> Statement {
        statements_in(text, unit).into_iter().next().unwrap()
    }

    #[test]
    fn reads_vietnamese_figures_with_their_qualifiers() {
        assert_eq!(
            first("Toàn tỉnh có 7.301 máy tính", Unit::Count).value,
            7301.0
        );
        let s = first("đạt trên 98,7% hộ gia đình", Unit::Percent);
        assert_eq!((s.value, s.qualifier), (98.7, Qualifier::Over));
        assert_eq!(
            first("khoảng 2.500 người", Unit::Count).qualifier,
            Qualifier::About
        );
        assert_eq!(
            first("gần 100% xã", Unit::Percent).qualifier,
            Qualifier::Nearly
        );
        assert_eq!(
            first("tối thiểu 80% dịch vụ", Unit::Percent).qualifier,
            Qualifier::AtLeast
        );
        assert_eq!(
            first("trên địa bàn có 5 trạm", Unit::Count).qualifier,
            Qualifier::Exact
        );
        // A phrase after the number, when none before it qualifies it.
        let qualifiers = |text| -> Vec<Qualifier> {
            statements_in(text, Unit::Percent)
                .iter()
                .map(|s| s.qualifier)
                .collect()
        };
        assert_eq!(
            qualifiers("70% xã, 80% hộ trở lên"),
            [Qualifier::Exact, Qualifier::AtLeast]
        );
        assert_eq!(qualifiers("trên 80% trở lên"), [Qualifier::Over]);
    }

    #[test]
    fn scales_money_and_counts_to_the_unit() {
        assert_eq!(
            first("tổng kinh phí 15 tỷ đồng", Unit::VndBillion).value,
            15.0
        );
        assert_eq!(first("500 triệu đồng", Unit::VndBillion).value, 0.5);
        assert_eq!(first("1,2 triệu thuê bao", Unit::Count).value, 1_200_000.0);
        // Two scale words multiply when the second is the larger.
        assert_eq!(first("đạt 2 nghìn tỷ đồng", Unit::VndBillion).value, 2000.0);
        assert!(same(
            first("1,1 triệu tỷ đồng", Unit::VndBillion).value,
            1_100_000.0
        ));
        let parts: Vec<f64> = statements_in("25 tỷ 500 triệu đồng", Unit::VndBillion)
            .iter()
            .map(|s| s.value)
            .collect();
        assert_eq!(parts, [25.0, 25.5, 0.5]);
        assert_eq!(first("2 nghìn, tỷ lệ", Unit::Count).value, 2000.0);
        assert_eq!(first("đạt 2 nghìn tỷ/năm", Unit::VndBillion).value, 2000.0);
        // A table's row: its unit cell, or its label's bracket, scales the numbers after it.
        let row = |quote: &str, unit| {
            statements_in(quote, unit)
                .iter()
                .map(|s| s.value)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            row(
                "Kinh phí đầu tư hạ tầng số | tỷ đồng | 12,5 | 20",
                Unit::VndBillion
            ),
            [12.5, 20.0]
        );
        assert_eq!(
            row("Số thuê bao di động\tnghìn thuê bao\t1.250", Unit::Count),
            [1_250_000.0]
        );
        assert_eq!(
            row(
                "Doanh thu viễn thông (triệu đồng) | 350.000",
                Unit::VndBillion
            ),
            [350.0]
        );
        assert_eq!(
            row("Số trạm BTS | trạm | 2 | 3 tỷ", Unit::Count),
            [2.0, 3e9]
        );
        // Wherever the row writes its unit; a figure's own words end at its cell, and a share
        // in a scaled row is its own.
        assert_eq!(row("Kinh phí | 25 | tỷ đồng", Unit::VndBillion), [25.0]);
        assert_eq!(
            row("Kinh phí\ttriệu đồng\t25\ttỷ đồng", Unit::VndMillion),
            [25.0]
        );
        assert_eq!(row("Doanh thu (tỷ đồng) | 85,2 %", Unit::Percent), [85.2]);
        assert_eq!(row("Băng thông (tỷ đồng) | 45 Mbps", Unit::Mbps), [45.0]);
        assert_eq!(
            row("GRDP\t25\tTỷ đồng (giá SS 2010)", Unit::VndBillion)[0],
            25.0
        );
        assert_eq!(
            row("Kinh phí | tỷ đồng | 520 (ước)", Unit::VndBillion),
            [520.0]
        );
    }

    #[test]
    fn a_number_scaled_past_the_range_of_numbers_states_nothing() {
        let huge = format!("có {} tỷ đồng", "9".repeat(300));
        assert!(statements_in(&huge, Unit::Count).is_empty());
        assert!(!same(f64::INFINITY, 5.0));
        assert!(!same(f64::INFINITY, f64::INFINITY));
    }

    #[test]
    fn a_figure_may_follow_the_data_folders_rule_for_its_qualifier() {
        let s = first("Doanh thu ước đạt 1.200 tỷ đồng", Unit::VndBillion);
        assert_eq!(
            (s.qualifier, s.by_convention),
            (Qualifier::About, Qualifier::Exact)
        );
        let s = first("không dưới 80%", Unit::Percent);
        assert_eq!(
            (s.qualifier, s.by_convention),
            (Qualifier::AtLeast, Qualifier::Under)
        );
        // A tab in running text is a space: the unit after it is the number's.
        assert_eq!(
            first("đạt 1.250\ttỷ đồng, tăng 5%", Unit::VndBillion).value,
            1250.0
        );
    }

    #[test]
    fn keeps_both_numbers_of_a_ratio() {
        let s = first("sẵn sàng kết nối đến 151/151 xã", Unit::Count);
        assert_eq!((s.value, s.out_of), (151.0, Some(151.0)));
        // The words after the second number count the first too, as the extractor reads them.
        let values = |text| -> Vec<f64> {
            statements_in(text, Unit::VndBillion)
                .iter()
                .map(|s| s.value)
                .collect()
        };
        assert!(values("giải ngân 85,2/1.250 tỷ đồng").contains(&85.2));
        assert!(values("từ 12,5 đến 20 tỷ đồng").contains(&12.5));
    }
}
