//! Where a block of a line's bytes has commas and stops (a line end or a quote): the one step
//! of the line tokeniser that reads every byte. On x86-64, sixteen bytes at a time with SSE2,
//! which every such processor has; elsewhere (the wasm module among them), eight at a time in
//! a word. Each marks a byte with the bits of its place, and [`Marks::offset`] reads them
//! back, so the tokeniser reads either the same way.
//!
//! This module knows bytes, not records: which byte is a separator is the tokeniser's to say.

/// The marks of one block: in `commas` the bits of each comma's place, in `stops` of each
/// stop's, the block's first byte lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marks {
    pub(super) commas: u64,
    pub(super) stops: u64,
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use sse2::BITS_PER_BYTE;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(super) use sse2::{BLOCK, marks};
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
use word::BITS_PER_BYTE;
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
pub(super) use word::{BLOCK, marks};

impl Marks {
    /// The offset in its block of the byte that the lowest set bit of `mask`, a mask of
    /// [`marks`], marks.
    #[inline(always)]
    pub(super) fn offset(mask: u64) -> usize {
        (mask.trailing_zeros() / BITS_PER_BYTE) as usize
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };

    use super::Marks;

    /// How many bytes a block has.
    pub(in crate::parse::lines) const BLOCK: usize = 16;

    /// How many bits of a mask a byte has: one.
    pub(in crate::parse::lines) const BITS_PER_BYTE: u32 = 1;

    /// The marks of the sixteen bytes of `bytes` from `at`, a bit a byte; `None` if fewer
    /// than sixteen are left.
    #[inline(always)]
    pub(in crate::parse::lines) fn marks(bytes: &[u8], at: usize) -> Option<Marks> {
        let block = bytes.get(at..at.checked_add(BLOCK)?)?;
        let block = load_unaligned_m128i(block.try_into().ok()?);
        let equal = |byte: u8| cmp_eq_mask_i8_m128i(block, set_splat_i8_m128i(byte.cast_signed()));
        let stops = bitor_m128i(bitor_m128i(equal(b'\n'), equal(b'\r')), equal(b'"'));
        // A mask's sixteen bits, one a byte; the bits above them are zero.
        let mask = |marked| u64::from(move_mask_i8_m128i(marked).cast_unsigned());
        Some(Marks {
            commas: mask(equal(b',')),
            stops: mask(stops),
        })
    }
}

#[cfg_attr(
    all(target_arch = "x86_64", target_feature = "sse2"),
    allow(
        dead_code,
        reason = "the portable reading, tested against the one in use"
    )
)]
mod word {
    use super::Marks;
    use crate::parse::csv::{any_below, splat, word_at, zero_bytes};

    /// How many bytes a block has.
    pub(in crate::parse::lines) const BLOCK: usize = 8;

    /// How many bits of a mask a byte has: eight, of which the highest is its mark.
    pub(in crate::parse::lines) const BITS_PER_BYTE: u32 = 8;

    /// The marks of the eight bytes of `bytes` from `at`, the high bit of each marked byte;
    /// `None` if fewer than eight are left.
    #[inline(always)]
    pub(in crate::parse::lines) fn marks(bytes: &[u8], at: usize) -> Option<Marks> {
        let word = word_at(bytes, at)?;
        // A stop is a byte below `#`: most words have none, and one test says so before the
        // three exact ones.
        let stops = if any_below(word, b'"' + 1) {
            zero_bytes(word ^ splat(b'\n'))
                | zero_bytes(word ^ splat(b'\r'))
                | zero_bytes(word ^ splat(b'"'))
        } else {
            0
        };
        Some(Marks {
            commas: zero_bytes(word ^ splat(b',')),
            stops,
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{BITS_PER_BYTE, BLOCK, Marks, marks, word};

    /// The offsets `mask` marks, `per_byte` bits a byte.
    fn offsets(mut mask: u64, per_byte: u32) -> Vec<usize> {
        let mut found = Vec::new();
        while mask != 0 {
            found.push((mask.trailing_zeros() / per_byte) as usize);
            mask &= mask - 1;
        }
        found
    }

    /// Whether `found`, the marks of the `block` bytes of `bytes` from `at` (`per_byte` bits a
    /// byte), marks exactly its commas and its stops; and is `None` only past the end.
    fn agrees(
        found: Option<Marks>,
        bytes: &[u8],
        at: usize,
        block: usize,
        per_byte: u32,
    ) -> Result<(), TestCaseError> {
        prop_assert_eq!(found.is_some(), at + block <= bytes.len());
        if let Some(found) = found {
            let expected = |wanted: &[u8]| -> Vec<usize> {
                (0..block)
                    .filter(|&i| wanted.contains(&bytes[at + i]))
                    .collect()
            };
            prop_assert_eq!(offsets(found.commas, per_byte), expected(b","));
            prop_assert_eq!(offsets(found.stops, per_byte), expected(b"\n\r\""));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn a_block_marks_its_commas_and_stops_and_nothing_else(
            bytes in prop::collection::vec(prop_oneof![
                Just(b','), Just(b'\n'), Just(b'\r'), Just(b'"'), Just(b'#'), Just(b' '),
                Just(0xac_u8), any::<u8>(),
            ], 0..40),
            at in 0_usize..40,
        ) {
            agrees(marks(&bytes, at), &bytes, at, BLOCK, BITS_PER_BYTE)?;
            // The word reading too, where it is not the one in use.
            agrees(word::marks(&bytes, at), &bytes, at, word::BLOCK, word::BITS_PER_BYTE)?;
        }
    }
}
