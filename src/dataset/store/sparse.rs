//! A column whose rows nearly all hold one value: no whole, the whole province, not a target,
//! the bundled origin. It holds only its length until a row holds another value, so that a long
//! file of plain figures spends no memory on it: four such columns were 14 of a row's 37 bytes,
//! and memory touched for the first time costs a load time as well as room (natively, 0.93× the
//! time of loading 1e6 rows). It knows nothing of what its rows mean.

/// The value nearly every row of a [`Sparse`] column holds.
pub(crate) trait Usual: Copy {
    const USUAL: Self;

    fn is_usual(self) -> bool;
}

impl Usual for bool {
    const USUAL: Self = false;

    fn is_usual(self) -> bool {
        !self
    }
}

impl Usual for u32 {
    const USUAL: Self = 0;

    fn is_usual(self) -> bool {
        self == 0
    }
}

/// A missing number: NaN, which no figure read is.
impl Usual for f64 {
    const USUAL: Self = f64::NAN;

    fn is_usual(self) -> bool {
        self.is_nan()
    }
}

impl Usual for crate::model::Origin {
    const USUAL: Self = crate::model::Origin::Bundled;

    fn is_usual(self) -> bool {
        self == Self::USUAL
    }
}

/// A column of `len` rows: `values` holds each row's value once a row held an unusual one, and
/// is empty while every row holds [`Usual::USUAL`].
#[derive(Debug, Clone)]
pub(crate) struct Sparse<T> {
    values: Vec<T>,
    len: usize,
}

impl<T> Default for Sparse<T> {
    fn default() -> Self {
        Sparse {
            values: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Usual> Sparse<T> {
    // Forced, as `Arena::push` is: once for every row of a long file, and while the column is
    // all usual a test and an increment.
    #[inline(always)]
    pub(crate) fn push(&mut self, value: T) {
        if self.values.is_empty() && value.is_usual() {
            self.len += 1;
        } else {
            self.push_value(value);
        }
    }

    /// `rows` rows of `value`.
    pub(crate) fn push_many(&mut self, value: T, rows: usize) {
        if self.values.is_empty() && value.is_usual() {
            self.len += rows;
        } else {
            (0..rows).for_each(|_| self.push_value(value));
        }
    }

    fn push_value(&mut self, value: T) {
        if self.values.len() < self.len {
            // The first unusual value: every row before it held the usual one.
            self.values.resize(self.len, T::USUAL);
        }
        self.values.push(value);
        self.len += 1;
    }

    /// Row `row`'s value, or `None` past the end.
    pub(crate) fn get(&self, row: usize) -> Option<T> {
        if row >= self.len {
            return None;
        }
        Some(self.values.get(row).copied().unwrap_or(T::USUAL))
    }

    /// Every row's value, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = T> + '_ {
        (0..self.len).map(|row| self.values.get(row).copied().unwrap_or(T::USUAL))
    }

    /// Room for `rows` more rows, made only once the column holds its values.
    pub(super) fn reserve_exact(&mut self, rows: usize) {
        if !self.values.is_empty() {
            self.values.reserve_exact(rows);
        }
    }

    pub(super) fn extend(&mut self, other: &Sparse<T>) {
        other.iter().for_each(|value| self.push(value));
    }

    pub(super) fn bytes(&self) -> usize {
        self.values.capacity() * size_of::<T>()
    }
}

impl<T: Usual> FromIterator<T> for Sparse<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut column = Sparse::default();
        values.into_iter().for_each(|value| column.push(value));
        column
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparse_column_holds_no_values_until_one_is_unusual() {
        let mut column: Sparse<u32> = [0, 0].into_iter().collect();
        assert_eq!(column.bytes(), 0);
        column.push(7);
        column.push(0);
        assert!(column.bytes() >= 4 * size_of::<u32>());
        let values: Vec<u32> = column.iter().collect();
        assert_eq!(values, [0, 0, 7, 0]);
        assert_eq!((column.get(2), column.get(4)), (Some(7), None));

        let mut all_usual: Sparse<f64> = Sparse::default();
        all_usual.push(f64::NAN);
        assert_eq!(all_usual.get(0).map(f64::is_nan), Some(true));
        assert_eq!(all_usual.get(1), None);

        let mut joined: Sparse<u32> = [0].into_iter().collect();
        joined.extend(&[0, 0].into_iter().collect());
        assert_eq!(joined.bytes(), 0);
        joined.extend(&column);
        let values: Vec<u32> = joined.iter().collect();
        assert_eq!(values, [0, 0, 0, 0, 0, 7, 0]);
    }

    #[test]
    fn rows_pushed_at_once_are_as_many_pushed_one_by_one() {
        let mut at_once: Sparse<u32> = Sparse::default();
        at_once.push_many(0, 2);
        assert_eq!(at_once.bytes(), 0);
        at_once.push_many(7, 2);
        at_once.push_many(0, 3);
        let values: Vec<u32> = at_once.iter().collect();
        assert_eq!(values, [0, 0, 7, 7, 0, 0, 0]);
        assert_eq!(at_once.get(7), None);
    }
}
