//! Ids already resolved while loading a file, found again by their bytes.

use crate::error::Result;
use crate::parse::Packed;

/// Ids already resolved while loading a file (indicators, sources), found again by their bytes
/// without hashing a string: an id of up to 15 bytes is packed with its length into one
/// 128-bit key, kept in an open-addressed table at most half full, so that a lookup is one
/// multiply and, almost always, one comparison. Every id resolved stays in the table: a long
/// file names a few hundred ids in any order, and a table that forgot an id whose place
/// another took (a few dozen of two hundred share one) would look it up again, and again,
/// for every row of a file whose rows are not in the ids' order. A new id, or a longer one,
/// asks `lookup`. Only what `lookup` found is remembered, so an error is raised again at every
/// row that would raise it.
pub(super) struct Interned {
    /// Keys and values; the key 0 marks an empty place (a key holds its id's length, never 0).
    slots: Vec<(u128, u16)>,
    /// How many places are taken.
    held: usize,
}

impl Default for Interned {
    fn default() -> Self {
        Interned {
            slots: vec![(0, 0); Interned::FIRST_SLOTS],
            held: 0,
        }
    }
}

impl Interned {
    /// The places of a new table: room for 512 ids before it grows.
    const FIRST_SLOTS: usize = 1 << 10;

    /// The value remembered for `id`, or what `lookup` finds for it (remembered when found).
    pub(super) fn get(&mut self, id: &str, lookup: impl FnOnce() -> Result<u16>) -> Result<u16> {
        let packed = Packed::of(id.as_bytes());
        if let Some(value) = packed.and_then(|packed| self.known(packed)) {
            return Ok(value);
        }
        let value = lookup()?;
        if let Some(packed) = packed {
            if 2 * (self.held + 1) > self.slots.len() {
                self.grow();
            }
            self.insert(Interned::key(packed), value);
            self.held += 1;
        }
        Ok(value)
    }

    /// The value remembered for the id `packed`, if it is: it was resolved before, with every
    /// check its resolution makes.
    // Forced: asked twice for every row of a long file (see `inline_always` in Cargo.toml).
    #[inline(always)]
    pub(super) fn known(&self, packed: Packed) -> Option<u16> {
        let key = Interned::key(packed);
        let mask = self.slots.len() - 1;
        let mut place = Interned::place_of(key, mask);
        // Ends: the table is never more than half full, so an empty place comes.
        loop {
            let &(stored, value) = self.slots.get(place)?;
            if stored == key {
                return Some(value);
            }
            if stored == 0 {
                return None;
            }
            place = (place + 1) & mask;
        }
    }

    /// Puts `key` in the first empty place from its own (there is one: the table is never full).
    fn insert(&mut self, key: u128, value: u16) {
        let mask = self.slots.len() - 1;
        let mut place = Interned::place_of(key, mask);
        while self.slots.get(place).is_some_and(|slot| slot.0 != 0) {
            place = (place + 1) & mask;
        }
        if let Some(slot) = self.slots.get_mut(place) {
            *slot = (key, value);
        }
    }

    /// Doubles the table and puts every key back.
    fn grow(&mut self) {
        let doubled = vec![(0, 0); 2 * self.slots.len()];
        let old = std::mem::replace(&mut self.slots, doubled);
        for (key, value) in old {
            if key != 0 {
                self.insert(key, value);
            }
        }
    }

    /// An id's key: its bytes little-endian, its length in the last.
    #[inline(always)]
    fn key(packed: Packed) -> u128 {
        let high = packed.high | (packed.len as u64) << 56;
        u128::from(high) << 64 | u128::from(packed.low)
    }

    /// The place a key is first looked for in a table of `mask + 1` places.
    #[inline(always)]
    fn place_of(key: u128, mask: usize) -> usize {
        // Both words mixed into the product's high bits, which depend on every bit below them:
        // the low bits of ids that differ in their last bytes (`ind_001`, `ind_002`) do not.
        let (low, high) = (key as u64, (key >> 64) as u64);
        let mixed = (low ^ high.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - (mask + 1).trailing_zeros())) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn packed(id: &str) -> Packed {
        Packed::of(id.as_bytes()).expect("a short id")
    }

    #[test]
    fn interned_ids_are_found_again_and_errors_are_never_remembered() {
        let mut interned = Interned::default();
        let mut lookups = 0;
        let ids: Vec<String> = (0..3000).map(|i| format!("ind_{i:03}")).collect();
        for round in 0..2 {
            for (i, id) in ids.iter().enumerate() {
                let found = interned.get(id, || {
                    lookups += 1;
                    Ok(i as u16)
                });
                assert_eq!(found.unwrap(), i as u16, "{id} in round {round}");
            }
        }
        // More ids than a new table has places: it grew, and each id was found again without
        // a second lookup, none confused with another.
        assert_eq!(lookups, ids.len());
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(interned.known(packed(id)), Some(i as u16), "{id}");
        }
        assert_eq!(interned.known(packed("ind_3000")), None);
        let again = interned.get("ind_2999", || panic!("remembered"));
        assert_eq!(again.unwrap(), 2999);
        let long = "an_indicator_id_of_many_bytes";
        for _ in 0..2 {
            let mut asked = false;
            let found = interned.get(long, || {
                asked = true;
                Ok(7)
            });
            assert_eq!((found.unwrap(), asked), (7, true));
        }
        let refused = || Err(crate::Error::new(ErrorKind::NoRows));
        assert!(interned.get("unknown", refused).is_err());
        assert!(interned.get("unknown", refused).is_err());
        // Ids that differ only in length or in a late byte are different ids.
        assert_eq!(interned.get("s1", || Ok(1)).unwrap(), 1);
        assert_eq!(interned.get("s1\0", || Ok(2)).unwrap(), 2);
        assert_eq!(interned.get("s1", || Ok(1)).unwrap(), 1);
    }
}
