//! Ids already resolved while loading a file, found again by their bytes.

use rustc_hash::FxHashMap as HashMap;

use crate::error::Result;
use crate::parse::Packed;

/// Ids already resolved while loading a file (indicators, sources), found again by their bytes
/// without hashing a string: an id of up to 15 bytes is packed with its length into one
/// 128-bit key, and a direct-mapped table of keys remembers the last id seen at each place.
/// A long file names a few hundred ids over and over, so almost every lookup is one multiply
/// and one comparison. Two ids that share a place (a few dozen of two hundred do) are found
/// again in a map of every id resolved, which puts the one asked for back in its place; a new
/// id, or a longer one, asks `lookup`. Only what `lookup` found is remembered, so an error is
/// raised again at every row that would raise it.
pub(super) struct Interned {
    slots: Vec<(u128, u16)>,
    every: HashMap<u128, u16>,
}

impl Default for Interned {
    fn default() -> Self {
        Interned {
            slots: vec![(0, 0); Interned::SLOTS],
            every: HashMap::default(),
        }
    }
}

impl Interned {
    const SLOTS: usize = 1 << 10;

    /// The value remembered for `id`, or what `lookup` finds for it (remembered when found).
    pub(super) fn get(&mut self, id: &str, lookup: impl FnOnce() -> Result<u16>) -> Result<u16> {
        let packed = Packed::of(id.as_bytes());
        if let Some(value) = packed.and_then(|packed| self.known(packed)) {
            return Ok(value);
        }
        let value = lookup()?;
        if let Some(packed) = packed {
            let (key, place) = Interned::key(packed);
            self.every.insert(key, value);
            if let Some(slot) = self.slots.get_mut(place) {
                *slot = (key, value);
            }
        }
        Ok(value)
    }

    /// The value remembered for the id `packed`, if it is: it was resolved before, with every
    /// check its resolution makes.
    // Forced: asked twice for every row of a long file (see `inline_always` in Cargo.toml).
    #[inline(always)]
    pub(super) fn known(&mut self, packed: Packed) -> Option<u16> {
        let (key, place) = Interned::key(packed);
        let slot = self.slots.get_mut(place)?;
        if slot.0 == key {
            return Some(slot.1);
        }
        let value = *self.every.get(&key)?;
        *slot = (key, value);
        Some(value)
    }

    /// An id's key (its bytes little-endian, its length in the last) and place.
    #[inline(always)]
    fn key(packed: Packed) -> (u128, usize) {
        let high = packed.high | (packed.len as u64) << 56;
        let key = u128::from(high) << 64 | u128::from(packed.low);
        let mixed = (packed.low ^ high.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let place = (mixed >> (64 - Interned::SLOTS.trailing_zeros())) as usize;
        (key, place)
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
        // More ids than places: some were displaced, and each was found again without a second
        // lookup, none confused with another.
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
