//! Putting a list in order. Every sort of the engine's answers goes through this module, so
//! that sorting code, which Rust compiles anew for every element type and every comparison,
//! is in the WebAssembly module once: a stable merge sort of positions under a comparison
//! passed by reference, followed by moving the items to their places.
//!
//! The lists sorted here are short (the provinces of a ranking, the years of a series, the
//! figures of a group); the long ones (the index of a million rows) are put in order by
//! counting, in `dataset`. This module knows nothing of what it sorts.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably: items that compare equal keep their order.
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    // Many lists sorted here have one item (a column's only year, a family of one indicator):
    // nothing to allocate for them.
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items = &*items;
        // Positions come from `0..items.len()`, so every look-up finds its item.
        positions(&mut order, &|a, b| match (items.get(a), items.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        });
    }
    place(items, &order);
}

/// Sorts `items` by a key, stably.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order and drops repeats: a list of distinct values.
pub(crate) fn sort_distinct<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, Ord::cmp);
    items.dedup();
}

/// The engine's one sort: positions merged in runs that double each pass (a bottom-up merge
/// sort), stable, in O(n log n) comparisons. The standard library's stable sort is faster on
/// long lists but about 4 KB of the WebAssembly module once compiled, and the lists sorted here
/// are short; this is a tenth of that.
#[inline(never)]
fn positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    let n = order.len();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        for (start, out) in (0..n).step_by(2 * width).zip(merged.chunks_mut(2 * width)) {
            let (left, right) = order[start..start + out.len()].split_at(width.min(out.len()));
            merge(left, right, out, compare);
        }
        order.copy_from_slice(&merged);
        width *= 2;
    }
}

/// Merges two ordered runs into `out`, which is as long as both; on a tie the left run's item
/// comes first, which keeps the sort stable.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    compare: &dyn Fn(usize, usize) -> Ordering,
) {
    let (mut i, mut j) = (0, 0);
    for slot in out {
        match (left.get(i), right.get(j)) {
            (Some(&a), Some(&b)) if compare(b, a) == Ordering::Less => {
                *slot = b;
                j += 1;
            }
            (Some(&a), _) => {
                *slot = a;
                i += 1;
            }
            (None, Some(&b)) => {
                *slot = b;
                j += 1;
            }
            (None, None) => break,
        }
    }
}

/// Moves each item to its place: `order[i]` is the position, before, of the item that goes
/// to `i`. Follows each cycle of the permutation with swaps, so nothing is cloned.
fn place<T>(items: &mut [T], order: &[usize]) {
    // `goes_to[j]`: where the item now at `j` belongs.
    let mut goes_to = vec![0; order.len()];
    for (to, &from) in order.iter().enumerate() {
        if let Some(slot) = goes_to.get_mut(from) {
            *slot = to;
        }
    }
    for i in 0..items.len().min(goes_to.len()) {
        loop {
            let to = goes_to[i];
            if to == i || to >= items.len() {
                break;
            }
            items.swap(i, to);
            goes_to.swap(i, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn distinct_values_in_order() {
        let mut years = vec![2024_u16, 2016, 2024, 2023, 2016];
        sort_distinct(&mut years);
        assert_eq!(years, [2016, 2023, 2024]);
        let mut empty: Vec<u16> = Vec::new();
        sort_distinct(&mut empty);
        assert!(empty.is_empty());
    }

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0_u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut standard = items;
            standard.sort_by_key(|item| std::cmp::Reverse(item.0));
            prop_assert_eq!(ours, standard);
        }
    }
}
