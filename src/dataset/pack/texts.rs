//! The bundled dataset's long texts in a pack of their own: each indicator's definition and
//! methodology, and each row's quote, note and table-cell place. They are about half the
//! bundled data (compressed and raw) and no view of the first screen shows them, so the page's engine is built
//! without them and the page fetches them once a reader may open one ("i", a number's
//! sources, a download); a dataset waits for them in [`Texts::Pending`].
//!
//! The main pack records a fingerprint of this one, and attaching checks it: texts made from
//! another version of `data/` are refused, never shown beside figures they do not belong to.

use super::wire::{Reader, Writer};
use crate::dataset::Dataset;
use crate::dataset::store::Arena;
use crate::error::{Error, Result};

/// The first bytes of a texts pack, with its layout's version.
const MAGIC: &[u8] = b"ict-compare texts 2\n";

/// Whether a dataset holds the long texts of its bundled indicators and rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Texts {
    /// Every text is in the dataset.
    Complete,
    /// The first `indicators` indicators and `rows` rows, read from a main pack, wait for the
    /// texts pack whose fingerprint is `fingerprint` ([`Dataset::attach_texts`]).
    Pending {
        fingerprint: u64,
        indicators: usize,
        rows: usize,
    },
}

/// The texts pack's contents after its first bytes and fingerprint.
pub(super) fn write_body(dataset: &Dataset) -> Vec<u8> {
    let mut w = Writer::default();
    w.count(dataset.indicators.len());
    w.count(dataset.columns.len());
    for x in &dataset.indicators {
        for text in [
            &x.definition_vi,
            &x.definition_en,
            &x.methodology_vi,
            &x.methodology_en,
        ] {
            w.text(text);
        }
    }
    let c = &dataset.columns;
    for arena in [&c.quote, &c.note, &c.table_row, &c.table_column] {
        for row in 0..c.len() {
            w.text(arena.get(row));
        }
    }
    w.finish()
}

/// A texts pack: its first bytes, `fingerprint` (of `body`, recorded in the main pack too),
/// then `body`.
pub(super) fn framed(body: &[u8], fingerprint: u64) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(MAGIC.len() + 8 + body.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&fingerprint.to_le_bytes());
    bytes.extend_from_slice(body);
    bytes
}

/// FNV-1a, 64 bits: enough to tell one build's texts from another's, and a few lines.
pub(in crate::dataset) fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Dataset {
    /// Whether the long texts of the bundled indicators and rows (definitions, methodology,
    /// quotes, notes, table-cell places) are still to be attached. Until they are, every answer
    /// that would show one is refused by the bindings; the others are the same either way.
    #[must_use]
    pub fn texts_pending(&self) -> bool {
        self.texts != Texts::Complete
    }

    /// Refuses, while the long texts are pending, an answer that would show one.
    pub fn require_texts(&self) -> Result<()> {
        if self.texts_pending() {
            return Err(Error::request(
                "the dataset's definitions, quotes and notes are not attached yet (attach_texts)",
            ));
        }
        Ok(())
    }

    /// Attaches the texts pack the build made beside the main pack this dataset was read
    /// from, to it and to the reader's rows added since. Texts of another build, or damaged,
    /// are refused and nothing changes; a dataset with its texts already is left as it is.
    pub fn attach_texts(&mut self, pack: &[u8]) -> Result<()> {
        let Texts::Pending {
            fingerprint: expected,
            indicators,
            rows,
        } = self.texts
        else {
            return Ok(());
        };
        let refused = |what: &str| {
            Error::request(format!(
                "the texts pack {what}: it must be the one built with this engine"
            ))
        };
        let framed = pack
            .strip_prefix(MAGIC)
            .ok_or_else(|| refused("is not one"))?;
        let (head, body) = framed
            .split_at_checked(8)
            .ok_or_else(|| refused("is cut short"))?;
        let recorded = u64::from_le_bytes(head.try_into().unwrap_or_default());
        if recorded != expected {
            return Err(refused("was made for another dataset"));
        }
        if fingerprint(body) != recorded {
            return Err(refused("is damaged"));
        }
        let mut r = Reader::new(body);
        if r.count() != indicators || r.count() != rows {
            r.fail("counts not those of the dataset");
        }
        let definitions: Vec<[String; 4]> = (0..indicators)
            .map(|_| [r.string(), r.string(), r.string(), r.string()])
            .collect();
        let c = &self.columns;
        let arenas = [&c.quote, &c.note, &c.table_row, &c.table_column].map(|reader_rows| {
            let mut arena = Arena::default();
            for _ in 0..rows {
                arena.push(r.text());
            }
            // The reader's rows follow the bundled ones and keep their texts.
            for row in rows..c.len() {
                arena.push(reader_rows.get(row));
            }
            arena
        });
        r.finish()?;
        for (x, [dvi, den, mvi, men]) in self.indicators.iter_mut().zip(definitions) {
            (x.definition_vi, x.definition_en) = (dvi, den);
            (x.methodology_vi, x.methodology_en) = (mvi, men);
        }
        let c = &mut self.columns;
        [c.quote, c.note, c.table_row, c.table_column] = arenas;
        self.texts = Texts::Complete;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::dataset::Dataset;
    use crate::dataset::bundled::FILES;

    fn pending() -> (Dataset, Vec<u8>) {
        let packs = Dataset::from_files(&FILES).unwrap().to_packs();
        (Dataset::from_pack(&packs.main).unwrap(), packs.texts)
    }

    #[test]
    fn only_the_long_texts_wait() {
        let parsed = Dataset::from_files(&FILES).unwrap();
        let (dataset, _) = pending();
        let quoted = (0..parsed.len())
            .filter(|&row| !parsed.observation(row).unwrap().quote.is_empty())
            .count();
        assert!(quoted > 50);
        for row in 0..parsed.len() {
            let (a, b) = (
                dataset.observation(row).unwrap(),
                parsed.observation(row).unwrap(),
            );
            assert_eq!(
                (a.id, a.value.to_bits(), a.period),
                (b.id, b.value.to_bits(), b.period)
            );
            assert!(a.quote.is_empty() && a.note.is_empty(), "row {row}");
            assert_eq!(a.cell.map(|c| c.text), b.cell.map(|c| c.text));
        }
        for (a, b) in dataset.indicators().iter().zip(parsed.indicators()) {
            assert!(a.definition_vi.is_empty() && a.methodology_en.is_empty());
            assert_eq!((&a.name_vi, &a.editions), (&b.name_vi, &b.editions));
        }
    }

    #[test]
    fn a_readers_rows_keep_their_texts_when_the_bundled_ones_arrive() {
        let (dataset, texts) = pending();
        let csv = "observation_id,province,indicator_id,period,value,source_id,quote,note\n\
                   mine-1,p63:84,bts_stations,2024,1300,my-count,\"1.300 trạm\",counted\n";
        let mut mine = dataset.with_user_file(csv, "mine.csv").unwrap();
        assert!(mine.texts_pending());
        mine.attach_texts(&texts).unwrap();
        let complete = Dataset::from_files(&FILES).unwrap();
        let complete = complete.with_user_file(csv, "mine.csv").unwrap();
        assert_eq!(mine.len(), complete.len());
        for row in 0..complete.len() {
            assert_eq!(
                mine.observation(row),
                complete.observation(row),
                "row {row}"
            );
        }
        assert_eq!(mine.indicators(), complete.indicators());
        let last = mine.observation(mine.len() - 1).unwrap();
        assert_eq!(
            (last.quote.as_str(), last.note.as_str()),
            ("1.300 trạm", "counted")
        );
        // Once complete, a second attach changes nothing.
        mine.attach_texts(b"anything").unwrap();
        assert_eq!(mine.observation(0), complete.observation(0));
    }

    #[test]
    fn texts_of_another_build_or_damaged_are_refused_and_nothing_changes() {
        let (dataset, texts) = pending();
        let refused = |bytes: &[u8]| {
            let mut d = dataset.clone();
            let message = d.attach_texts(bytes).unwrap_err().to_string();
            assert!(d.texts_pending());
            assert!(d.observations().all(|o| o.quote.is_empty()));
            message
        };
        assert!(refused(b"").contains("is not one"));
        assert!(refused(&texts[..25]).contains("is cut short"));
        let mut other = texts.clone();
        other[MAGIC_LEN] ^= 1;
        assert!(refused(&other).contains("another dataset"));
        let mut damaged = texts.clone();
        *damaged.last_mut().unwrap() ^= 0x20;
        assert!(refused(&damaged).contains("is damaged"));
        // A body that hashes to the fingerprint but does not fit the dataset.
        let body = super::write_body(&Dataset::from_files(&FILES).unwrap().with_user_file(
            "observation_id,province,indicator_id,period,value,source_id\nu,p63:84,bts_stations,2024,1,s\n",
            "mine.csv",
        ).unwrap());
        let framed = super::framed(&body, super::fingerprint(&body));
        let mut fitted = dataset.clone();
        if let super::Texts::Pending { fingerprint, .. } = &mut fitted.texts {
            *fingerprint = super::fingerprint(&body);
        }
        let message = fitted.attach_texts(&framed).unwrap_err().to_string();
        assert!(
            message.contains("counts not those of the dataset"),
            "{message}"
        );
        assert!(fitted.texts_pending());
    }

    const MAGIC_LEN: usize = super::MAGIC.len();
}
