//! The index of the observation columns: which rows hold indicator `i` for province `p`,
//! ordered by period, so that a lookup is one slice. Built once, after loading, by counting
//! sorts, linear in the rows; only periods too spread out to count (never in real data) are
//! sorted by comparison. It reads the columns and knows no question asked of it.

use super::Columns;
use crate::model::Period;

/// Rows grouped by indicator and province, each group ordered by period.
#[derive(Debug, Default, Clone)]
pub(crate) struct Index {
    /// Row numbers; the rows of indicator `i` and province `p` are
    /// `rows[buckets[i * provinces + p]..buckets[i * provinces + p + 1]]`.
    rows: Vec<u32>,
    buckets: Vec<u32>,
    provinces: usize,
}

impl Index {
    /// Stable counting sorts, linear in the rows: when every period is a whole year and there
    /// are few enough groups times years, the rows bucketed by indicator, then each indicator's
    /// sorted by (province, year); else two sorts, by period then by (indicator, province).
    /// Either leaves each group ordered by period with one period's rows
    /// in load order (bundled before user). Periods too spread out for a counting sort (never in
    /// real data) are sorted group by group instead.
    pub(crate) fn build(columns: &Columns, indicators: usize, provinces: usize) -> Self {
        let provinces = provinces.max(1);
        let years = Years::of(&columns.period);
        // Long files are a reader's or one's own: the engines that hold the bundled data alone,
        // which never takes this path (its groups times years are too many for its rows), are
        // built without it.
        #[cfg(any(feature = "own-datasets", feature = "reader-files"))]
        if let Some(index) = years
            .filter(|years| years.whole)
            .and_then(|years| Self::by_group_and_year(columns, indicators, provinces, years))
        {
            return index;
        }
        Self::by_period_then_group(columns, indicators, provinces, years)
    }

    /// The index by two stable counting sorts, by period then by (indicator, province), the
    /// periods those `years` span; each group sorted alone when they span too much to count.
    fn by_period_then_group(
        columns: &Columns,
        indicators: usize,
        provinces: usize,
        years: Option<Years>,
    ) -> Self {
        let by_period = years.and_then(|years| in_period_order(&columns.period, years));
        // Each row's group, worked out once in row order: placing the rows in period order
        // reads it at random, one word a row rather than two columns.
        let groups: Vec<u32> = columns
            .indicator
            .iter()
            .zip(&columns.province)
            // Below indicators × provinces, the count the index is built for.
            .map(|(&indicator, &province)| group(indicator, province, provinces) as u32)
            .collect();
        let (buckets, mut rows) =
            counting_sort(&groups, indicators * provinces, by_period.as_deref());
        if by_period.is_none() {
            for window in buckets.windows(2) {
                let group = &mut rows[window[0] as usize..window[1] as usize];
                if group.len() > 1 {
                    // The row number in the key keeps one period's rows in load order.
                    crate::order::sort_by_key(group, |&row| (columns.period[row as usize], row));
                }
            }
        }
        Index {
            rows,
            buckets,
            provinces,
        }
    }

    /// The index by (group, year), for periods that are all whole `years` (what the national
    /// indices and most files hold), when there are few enough groups times years to count: the
    /// rows bucketed by indicator, then each indicator's rows sorted by province and year. In a
    /// file whose rows come in any order, each row is written to one of a few hundred places
    /// that move on in step (the indicators' buckets), then within its indicator's few thousand
    /// rows, never to a place anywhere in the index: such writes were most of the time of one
    /// sort by (group, year) (docs/PERFORMANCE.md, "The twenty-second round"). The two sorts by
    /// period then group read each row's group at random. `None` otherwise.
    #[cfg(any(feature = "own-datasets", feature = "reader-files"))]
    fn by_group_and_year(
        columns: &Columns,
        indicators: usize,
        provinces: usize,
        years: Years,
    ) -> Option<Self> {
        // The slots of one indicator's counting sort, and of all of them.
        let per_indicator = provinces.checked_mul(years.span)?;
        let slots = indicators.checked_mul(per_indicator)?;
        // Beyond a few slots a row, clearing and summing the counts costs more than it saves.
        if slots > (4 * columns.len()).max(1 << 16) || u32::try_from(slots).is_err() {
            return None;
        }
        let (bounds, mut rows, places) = by_indicator(columns, indicators, provinces, years);
        let mut buckets = Vec::with_capacity(indicators * provinces + 1);
        // One count, and one copy of an indicator's rows before they are sorted, reused for all.
        let (mut starts, mut unsorted) = (vec![0_u32; per_indicator + 1], Vec::new());
        for window in bounds.windows(2) {
            let (start, end) = (window[0] as usize, window[1] as usize);
            if start == end {
                // No rows of this indicator: each province's group starts, and ends, here.
                buckets.extend(std::iter::repeat_n(window[0], provinces));
                continue;
            }
            let places_of_indicator = &places[start..end];
            count_starts(places_of_indicator, &mut starts);
            // A group's rows start where its first year's do.
            let groups = starts.iter().step_by(years.span).take(provinces);
            buckets.extend(groups.map(|&at| window[0] + at));
            unsorted.clear();
            unsorted.extend_from_slice(&rows[start..end]);
            let sorted = &mut rows[start..end];
            // `starts` now moves on as each place's rows are written.
            for (&row, &place) in unsorted.iter().zip(places_of_indicator) {
                let at = &mut starts[place as usize];
                sorted[*at as usize] = row;
                *at += 1;
            }
        }
        buckets.push(bounds[indicators]);
        Some(Index {
            rows,
            buckets,
            provinces,
        })
    }

    /// The rows of one indicator, ordered by province then period.
    pub(crate) fn of_indicator(&self, indicator: u32) -> &[u32] {
        let first = indicator as usize * self.provinces;
        match (
            self.buckets.get(first),
            self.buckets.get(first + self.provinces),
        ) {
            (Some(&start), Some(&end)) => &self.rows[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The rows of one indicator and province, ordered by period.
    pub(crate) fn of(&self, indicator: u32, province: u16) -> &[u32] {
        let bucket = indicator as usize * self.provinces + usize::from(province);
        if usize::from(province) >= self.provinces {
            return &[];
        }
        match (self.buckets.get(bucket), self.buckets.get(bucket + 1)) {
            (Some(&start), Some(&end)) => &self.rows[start as usize..end as usize],
            _ => &[],
        }
    }

    pub(crate) fn bytes(&self) -> usize {
        (self.rows.capacity() + self.buckets.capacity()) * 4
    }
}

/// The group of an indicator and a province: where its rows lie in the index.
fn group(indicator: u16, province: u16, provinces: usize) -> usize {
    usize::from(indicator) * provinces + usize::from(province)
}

/// The years a column of periods spans, read in one pass.
#[derive(Debug, Clone, Copy)]
struct Years {
    /// The first calendar year.
    first: usize,
    /// How many years from the first to the last, both counted.
    span: usize,
    /// Whether every period is a whole year (read by the builds that sort by group and year).
    #[cfg_attr(
        not(any(feature = "own-datasets", feature = "reader-files")),
        expect(dead_code)
    )]
    whole: bool,
}

impl Years {
    /// `None` for no periods.
    fn of(periods: &[Period]) -> Option<Years> {
        let (mut least, mut greatest, mut whole) = (u32::MAX, 0, true);
        for period in periods {
            let packed = period.as_u32();
            whole &= packed % 10_000 == 0;
            least = least.min(packed);
            greatest = greatest.max(packed);
        }
        // Packed periods order as periods do: the first and last years are the least's and
        // the greatest's.
        let first = (least / 10_000) as usize;
        (!periods.is_empty()).then(|| Years {
            first,
            span: (greatest / 10_000) as usize - first + 1,
            whole,
        })
    }
}

/// The rows ordered by period, ties in load order, by a counting sort over a dense key (year,
/// month, day) across `years`; `None` when they span too much for one.
fn in_period_order(periods: &[Period], years: Years) -> Option<Vec<u32>> {
    // Months 0 to 12 and days 0 to 31 in 13 × 32 slots per year.
    const PER_YEAR: usize = 13 * 32;
    let first = years.first;
    let slots = years.span.checked_mul(PER_YEAR)?;
    if slots > 1 << 20 {
        return None;
    }
    // Each row's slot, worked out once for the count and the placing.
    let keys: Vec<u32> = periods
        .iter()
        .map(|period| {
            let packed = period.as_u32() as usize;
            let within = (packed / 100 % 100) * 32 + packed % 100;
            // Below 2^20 slots (checked above): the key fits.
            #[allow(clippy::cast_possible_truncation)]
            let key = ((packed / 10_000 - first) * PER_YEAR + within.min(PER_YEAR - 1)) as u32;
            key
        })
        .collect();
    Some(counting_sort(&keys, slots, None).1)
}

/// The rows bucketed by indicator, in row order: where each indicator's rows start (with the
/// end last), the rows, and each row's place in its indicator's sort by province and year
/// (below `provinces` × the years' span, which the caller has checked fits in a `u32`). The
/// columns' indicators are below `indicators` and their provinces below `provinces`, as the
/// loaders make them; their periods are whole years, so that the year orders them.
#[cfg(any(feature = "own-datasets", feature = "reader-files"))]
fn by_indicator(
    columns: &Columns,
    indicators: usize,
    provinces: usize,
    years: Years,
) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    // Counted and placed run by run, the run's count and place kept aside: in rows that come
    // in the index's order (as most files do) each row would otherwise wait on the previous
    // row's store to the same count.
    let mut bounds = vec![0_u32; indicators + 1];
    let (mut last, mut run) = (0, 0);
    for &indicator in &columns.indicator {
        let indicator = usize::from(indicator);
        if indicator != last {
            bounds[last + 1] += run;
            (last, run) = (indicator, 0);
        }
        run += 1;
    }
    bounds[last + 1] += run;
    running_total(&mut bounds);
    let mut next = bounds.clone();
    let (mut rows, mut places) = (vec![0_u32; columns.len()], vec![0_u32; columns.len()]);
    let (mut last, mut at) = (0, 0);
    let in_row_order = columns
        .indicator
        .iter()
        .zip(&columns.province)
        .zip(&columns.period);
    for (row, ((&indicator, &province), period)) in (0_u32..).zip(in_row_order) {
        let indicator = usize::from(indicator);
        if indicator != last {
            next[last] = at;
            (last, at) = (indicator, next[indicator]);
        }
        debug_assert!(indicator < indicators && usize::from(province) < provinces);
        let year = usize::from(period.calendar_year()) - years.first;
        rows[at as usize] = row;
        places[at as usize] = (usize::from(province) * years.span + year) as u32;
        at += 1;
    }
    (bounds, rows, places)
}

/// `starts` made where the rows of each key of `keys` start (each key below `starts.len() - 1`),
/// with the end last: the first half of a counting sort, into a count that may be reused.
fn count_starts(keys: &[u32], starts: &mut [u32]) {
    starts.fill(0);
    for &key in keys {
        starts[key as usize + 1] += 1;
    }
    running_total(starts);
}

/// Counts made into where each key's rows start.
fn running_total(counts: &mut [u32]) {
    // A running total rather than `counts[i] += counts[i - 1]`: the keys can be many more than
    // the rows (the bundled dataset's 785 rows fall into 12 126 groups), and in the page's
    // size-first build each index there is a call with its bounds check.
    let mut total = 0;
    for count in counts {
        total += *count;
        *count = total;
    }
}

/// A stable counting sort of the rows by their `keys` (each below `count`), visiting the rows
/// in `order` (row order if none), so that rows of one key keep the order visited. Gives where
/// each key's rows start (with the end last) and the rows.
fn counting_sort(keys: &[u32], count: usize, order: Option<&[u32]>) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0_u32; count + 1];
    count_starts(keys, &mut starts);
    let mut next = starts.clone();
    let mut rows = vec![0_u32; keys.len()];
    // Placed through slices: indexing a slice is the bounds check alone, where indexing a
    // vector is a call in the page's size-first build.
    let (next_slots, placed) = (next.as_mut_slice(), rows.as_mut_slice());
    let mut place = |row: u32| {
        let slot = &mut next_slots[keys[row as usize] as usize];
        placed[*slot as usize] = row;
        *slot += 1;
    };
    match order {
        Some(order) => order.iter().for_each(|&row| place(row)),
        None => (0..keys.len() as u32).for_each(place),
    }
    (starts, rows)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The index as a sort by (indicator, province, period, row) gives it.
    fn sorted(columns: &Columns) -> Vec<u32> {
        let mut rows: Vec<u32> = (0..columns.len() as u32).collect();
        rows.sort_by_key(|&row| {
            let row = row as usize;
            (
                columns.indicator[row],
                columns.province[row],
                columns.period[row],
                row,
            )
        });
        rows
    }

    fn columns_of(rows: &[(u32, u16, Period)]) -> Columns {
        let mut columns = Columns::default();
        for &(indicator, province, period) in rows {
            columns
                .indicator
                .push(u16::try_from(indicator).expect("a small indicator"));
            columns.province.push(province);
            columns.period.push(period);
            columns.value.push(1.0);
        }
        columns
    }

    #[test]
    fn index_groups_by_indicator_then_province_and_period() {
        let mut rows: Vec<(u32, u16, Period)> = [
            (1, 5, 2020),
            (0, 3, 2021),
            (1, 2, 2019),
            (1, 5, 2018),
            (0, 3, 2016),
        ]
        .map(|(indicator, province, year)| (indicator, province, Period::year(year)))
        .to_vec();
        let index = Index::build(&columns_of(&rows), 3, 6);
        let dates = [(2018, 12, Some(31)), (2018, 1, None), (2019, 2, Some(1))];
        for (year, month, day) in dates {
            rows.push((0, 3, Period::date(year, month, day).unwrap()));
        }
        rows.push((0, 3, Period::year(2016)));
        // By date, and one date's rows in load order.
        let by_date = Index::build(&columns_of(&rows), 3, 6);
        assert_eq!(by_date.of(0, 3), [4, 8, 6, 5, 7, 1]);
        assert_eq!(index.of_indicator(0), [4, 1]);
        assert_eq!(index.of_indicator(1), [2, 3, 0]);
        assert_eq!(index.of_indicator(2), [] as [u32; 0]);
        assert_eq!(index.of(1, 5), [3, 0]);
        assert_eq!(index.of(1, 4), [] as [u32; 0]);
        assert_eq!(index.of(1, 60), [] as [u32; 0]);
        assert_eq!(index.of_indicator(7), [] as [u32; 0]);
    }

    proptest! {
        #[test]
        fn the_index_orders_rows_as_a_sort_by_group_period_and_row_does(
            rows in prop::collection::vec(
                (0..4_u32, 0..5_u16, prop_oneof![
                    (2010..2014_u16).prop_map(Period::year),
                    (2010..2012_u16, 1..=12_u8, prop::option::of(1..=28_u8))
                        .prop_filter_map("a date", |(y, m, d)| Period::date(y, m, d)),
                ]),
                0..300),
            // Many groups for the rows.
            many_groups in any::<bool>(),
            // Years too far apart for a count of periods: each group sorted alone.
            far_apart in any::<bool>(),
            // Whole years alone: one sort by group and year.
            years_only in any::<bool>(),
        ) {
            let mut rows = rows;
            if years_only {
                for row in &mut rows {
                    row.2 = Period::year(row.2.calendar_year());
                }
            }
            if far_apart {
                rows.extend([(1, 2, Period::year(1)), (1, 2, Period::year(9999))]);
            }
            let columns = columns_of(&rows);
            let index = Index::build(&columns, if many_groups { 20_000 } else { 4 }, 5);
            let mut read = Vec::new();
            for indicator in 0..4 {
                for province in 0..5 {
                    for &row in index.of(indicator, province) {
                        prop_assert_eq!(u32::from(columns.indicator[row as usize]), indicator);
                        prop_assert_eq!(columns.province[row as usize], province);
                    }
                }
                let of_indicator: Vec<u32> =
                    (0..5).flat_map(|p| index.of(indicator, p).to_vec()).collect();
                prop_assert_eq!(index.of_indicator(indicator), &of_indicator[..]);
                read.extend(of_indicator);
            }
            prop_assert_eq!(read, sorted(&columns));
        }
    }

    #[cfg(any(feature = "own-datasets", feature = "reader-files"))]
    proptest! {
        #[test]
        fn by_group_and_year_is_the_two_sorts_index(
            rows in prop::collection::vec((0..40_u32, 0..7_u16, 2000..2006_u16), 1..400),
            // Indicators with no rows, the last among them.
            more_indicators in 0..30_usize,
            // Rows in the index's order, as most files come: long runs of one indicator.
            in_order in any::<bool>(),
        ) {
            let mut rows: Vec<(u32, u16, Period)> = rows
                .into_iter()
                .map(|(indicator, province, year)| (indicator, province, Period::year(year)))
                .collect();
            if in_order {
                rows.sort_by_key(|&(indicator, _, _)| indicator);
            }
            let (indicators, provinces) = (40 + more_indicators, 7);
            let columns = columns_of(&rows);
            let years = Years::of(&columns.period).expect("rows");
            let index = Index::by_group_and_year(&columns, indicators, provinces, years);
            let index = index.expect("few enough groups times years");
            let sorted = Index::by_period_then_group(&columns, indicators, provinces, Some(years));
            prop_assert_eq!(index.buckets.len(), indicators * provinces + 1);
            prop_assert_eq!(&index.buckets, &sorted.buckets);
            prop_assert_eq!(&index.rows, &sorted.rows);
        }
    }
}
