//! The index of the observation columns: which rows hold indicator `i` for province `p`,
//! ordered by period, so that a lookup is one slice. Built once, after loading, in time linear
//! in the rows; it reads the columns and knows no question asked of it.

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
    /// Rows grouped by (indicator, province), each group ordered by period with one period's
    /// rows in load order (bundled before user). A long file's rows are placed by one counting
    /// sort by group and period together, linear in the rows, when the groups times the
    /// distinct periods are not many more than the rows (a file of ten million rows has a few
    /// million cells at most); otherwise, in a short file of many groups or one of periods too
    /// spread out for a count (never in real data), each group is sorted alone.
    pub(crate) fn build(columns: &Columns, indicators: usize, provinces: usize) -> Self {
        let provinces = provinces.max(1);
        let groups = indicators * provinces;
        let group = |row: usize| {
            columns.indicator[row] as usize * provinces + usize::from(columns.province[row])
        };
        if let Some((ranks, distinct)) = period_ranks(&columns.period)
            && let Some(cells) = groups
                .checked_mul(distinct)
                .filter(|&cells| cells <= (4 * columns.len()).max(1 << 16))
                .filter(|&cells| u32::try_from(cells).is_ok())
        {
            return Index::by_group_and_period(columns.len(), cells, distinct, provinces, |row| {
                // Below `cells`, checked to fit in 32 bits.
                #[allow(clippy::cast_possible_truncation)]
                let cell = (group(row) * distinct + ranks[row] as usize) as u32;
                cell
            });
        }
        let mut buckets = vec![0_u32; groups + 1];
        for row in 0..columns.len() {
            buckets[group(row) + 1] += 1;
        }
        for i in 1..buckets.len() {
            buckets[i] += buckets[i - 1];
        }
        let mut next = buckets.clone();
        let mut rows = vec![0_u32; columns.len()];
        for row in 0..columns.len() {
            let slot = &mut next[group(row)];
            rows[*slot as usize] = row as u32;
            *slot += 1;
        }
        for window in buckets.windows(2) {
            let group = &mut rows[window[0] as usize..window[1] as usize];
            if group.len() > 1 {
                // The row number in the key keeps one period's rows in load order.
                crate::order::sort_by_key(group, |&row| (columns.period[row as usize], row));
            }
        }
        Index {
            rows,
            buckets,
            provinces,
        }
    }

    /// One counting sort of `len` rows by their cell (`cell_of`: group × `distinct` + the
    /// period's rank) over `cells` cells; a group's bucket starts at its first period's cell.
    fn by_group_and_period(
        len: usize,
        cells: usize,
        distinct: usize,
        provinces: usize,
        cell_of: impl Fn(usize) -> u32,
    ) -> Self {
        let cell: Vec<u32> = (0..len).map(cell_of).collect();
        let mut starts = vec![0_u32; cells + 1];
        for &cell in &cell {
            starts[cell as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let buckets = starts.iter().step_by(distinct.max(1)).copied().collect();
        let mut rows = vec![0_u32; len];
        for (row, &cell) in cell.iter().enumerate() {
            let slot = &mut starts[cell as usize];
            rows[*slot as usize] = row as u32;
            *slot += 1;
        }
        Index {
            rows,
            buckets,
            provinces,
        }
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

/// Each row's period as its rank among the distinct periods (0 for the least), and how many
/// there are; `None` when the years span too much to count the periods in a dense table of
/// (year, month, day).
fn period_ranks(periods: &[Period]) -> Option<(Vec<u32>, usize)> {
    // Months 0 to 12 and days 0 to 31 in 13 × 32 slots per year.
    const PER_YEAR: usize = 13 * 32;
    if periods.is_empty() {
        return None;
    }
    // Packed periods order as periods do: the first and last years are the least's and the
    // greatest's.
    let (least, greatest) = periods
        .iter()
        .fold((u32::MAX, 0), |(least, greatest), period| {
            (least.min(period.as_u32()), greatest.max(period.as_u32()))
        });
    let first = least as usize / 10_000;
    let slots = (greatest as usize / 10_000 - first + 1).checked_mul(PER_YEAR)?;
    if slots > 1 << 20 {
        return None;
    }
    // Each row's slot, worked out once; then turned into its rank in place.
    let mut keys: Vec<u32> = periods
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
    let mut rank = vec![0_u32; slots];
    for &key in &keys {
        rank[key as usize] = 1;
    }
    let mut distinct = 0;
    for slot in &mut rank {
        let used = *slot;
        *slot = distinct;
        distinct += used;
    }
    for key in &mut keys {
        *key = rank[*key as usize];
    }
    Some((keys, distinct as usize))
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
            columns.indicator.push(indicator);
            columns.province.push(province);
            columns.period.push(period);
            columns.value.push(1.0);
        }
        columns
    }

    #[test]
    fn index_groups_by_indicator_then_province_and_period() {
        let mut columns = Columns::default();
        for (indicator, province, year) in [
            (1, 5, 2020),
            (0, 3, 2021),
            (1, 2, 2019),
            (1, 5, 2018),
            (0, 3, 2016),
        ] {
            columns.indicator.push(indicator);
            columns.province.push(province);
            columns.period.push(Period::year(year));
            columns.value.push(1.0);
        }
        let index = Index::build(&columns, 3, 6);
        let dates = [(2018, 12, Some(31)), (2018, 1, None), (2019, 2, Some(1))];
        for (year, month, day) in dates {
            columns.indicator.push(0);
            columns.province.push(3);
            columns.period.push(Period::date(year, month, day).unwrap());
            columns.value.push(1.0);
        }
        columns.indicator.push(0);
        columns.province.push(3);
        columns.period.push(Period::year(2016));
        columns.value.push(1.0);
        // By date, and one date's rows in load order.
        let by_date = Index::build(&columns, 3, 6);
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
            // Many groups for the rows: each group sorted alone.
            many_groups in any::<bool>(),
            // Years too far apart for a count of periods: each group sorted alone.
            far_apart in any::<bool>(),
        ) {
            let mut rows = rows;
            if far_apart {
                rows.extend([(1, 2, Period::year(1)), (1, 2, Period::year(9999))]);
            }
            let columns = columns_of(&rows);
            let index = Index::build(&columns, if many_groups { 20_000 } else { 4 }, 5);
            let mut read = Vec::new();
            for indicator in 0..4 {
                let of_indicator: Vec<u32> =
                    (0..5).flat_map(|p| index.of(indicator, p).to_vec()).collect();
                prop_assert_eq!(index.of_indicator(indicator), &of_indicator[..]);
                read.extend(of_indicator);
            }
            prop_assert_eq!(read, sorted(&columns));
        }
    }
}
