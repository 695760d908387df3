//! The public loader of observations that arrive in pieces, as text or as bytes: the bytes
//! decoded as they come, a character split between two pieces joined, and a text that is not
//! UTF-8 refused where the whole text would be. The rows themselves are read by `load`.

use rustc_hash::FxHashSet as HashSet;

use super::Dataset;
use super::load::Load;
use crate::error::{Error, ErrorKind, Position, Result};
use crate::model::Origin;
use crate::parse::{UTF16_SNIFF, looks_like_utf16};

/// A dataset whose observations arrive in pieces, over the bundled reference data: a long
/// file is read as it comes (from the network, or from a page that slices a long text) and
/// never held whole. Every row and every error is what [`Dataset::with_bundled_reference`]
/// gives for the whole text.
///
/// ```
/// use ict_compare::{DatasetLoader, synthetic_indicators, synthetic_sources};
/// let (sources, indicators) = (synthetic_sources(), synthetic_indicators());
/// let mut loader = DatasetLoader::with_bundled_reference(&sources, &indicators, 0)?;
/// loader.push("province,indicator_id,period,value,source_id\np63:84,ind_000,20")?;
/// loader.push("24,12,s01\n")?;
/// assert_eq!(loader.finish()?.len(), 1);
/// # Ok::<(), ict_compare::Error>(())
/// ```
pub struct DatasetLoader {
    dataset: Dataset,
    load: Load,
    /// Bytes not yet decoded: the head of the text until it is long enough to tell UTF-16 from
    /// UTF-8, then the first bytes of a character that the next piece completes.
    undecoded: Vec<u8>,
    head_checked: bool,
}

impl DatasetLoader {
    /// A loader of observations that cite `sources` and `indicators` (whole texts, in the
    /// bundled formats); `expected_bytes`, the observations' length if known (0 otherwise),
    /// lets the columns be sized once.
    pub fn with_bundled_reference(
        sources: &str,
        indicators: &str,
        expected_bytes: usize,
    ) -> Result<Self> {
        let dataset = Dataset::own_catalogue(sources, indicators)?;
        let load = Load::new(
            &dataset,
            "observations.csv",
            Origin::Bundled,
            expected_bytes,
        );
        Ok(DatasetLoader {
            dataset,
            load,
            undecoded: Vec::new(),
            head_checked: false,
        })
    }

    /// Reads the rows that `piece`, the next part of the text, completes.
    pub fn push(&mut self, piece: &str) -> Result<()> {
        if !self.undecoded.is_empty() {
            // Bytes wait before it (a head too short to check, a character begun): in order.
            return self.push_bytes(piece.as_bytes());
        }
        self.read(piece)
    }

    /// Reads the rows that `piece`, the next bytes of the text in UTF-8, completes: a file's
    /// bytes as they arrive, split anywhere, a character too. A text in UTF-16, or a byte that
    /// is not UTF-8, is refused where [`decode_utf8`](crate::decode_utf8) places it in the
    /// whole text, unless a row before it is refused first. Bytes and text may be mixed: they
    /// are read in the order given.
    pub fn push_bytes(&mut self, piece: &[u8]) -> Result<()> {
        if !self.head_checked {
            if self.undecoded.is_empty() && piece.len() >= UTF16_SNIFF {
                // A head long enough to tell, read where it lies.
                self.head_checked = true;
                self.refuse_utf16(piece)?;
                return self.decode(piece);
            }
            self.undecoded.extend_from_slice(piece);
            return if self.undecoded.len() < UTF16_SNIFF {
                Ok(())
            } else {
                self.decode_head()
            };
        }
        let mut piece = piece;
        // The rest of a character that the last piece began, a byte at a time (at most three).
        while !self.undecoded.is_empty() {
            let Some((&byte, rest)) = piece.split_first() else {
                return Ok(());
            };
            self.undecoded.push(byte);
            piece = rest;
            match std::str::from_utf8(&self.undecoded) {
                Ok(character) => {
                    let character = character.to_owned();
                    self.undecoded.clear();
                    self.read(&character)?;
                }
                Err(error) if error.error_len().is_none() => {}
                Err(_) => return Err(self.not_utf8()),
            }
        }
        self.decode(piece)
    }

    /// Reads the rest and indexes the dataset.
    pub fn finish(mut self) -> Result<Dataset> {
        if !self.head_checked {
            self.decode_head()?;
        }
        if !self.undecoded.is_empty() {
            // The text ends inside a character.
            return Err(self.not_utf8());
        }
        let DatasetLoader {
            mut dataset, load, ..
        } = self;
        let columns = load.finish(&mut dataset, "", &HashSet::default())?;
        dataset.set_columns(columns);
        Ok(dataset)
    }

    /// Decodes the head of the text, held until it was long enough to be told from UTF-16.
    fn decode_head(&mut self) -> Result<()> {
        self.head_checked = true;
        let head = std::mem::take(&mut self.undecoded);
        self.refuse_utf16(&head)?;
        self.decode(&head)
    }

    fn refuse_utf16(&self, head: &[u8]) -> Result<()> {
        if looks_like_utf16(head) {
            return Err(Error::at(
                ErrorKind::Utf16,
                Position::new(Some(self.load.file()), 1, 1),
            ));
        }
        Ok(())
    }

    /// Reads `bytes` up to a character that the next piece completes, which waits for it.
    fn decode(&mut self, bytes: &[u8]) -> Result<()> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.read(text),
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                self.read(std::str::from_utf8(valid).unwrap_or_default())?;
                if error.error_len().is_some() {
                    return Err(self.not_utf8());
                }
                self.undecoded = rest.to_vec();
                Ok(())
            }
        }
    }

    /// Reads the rows that `text`, the next part of the text, completes.
    fn read(&mut self, text: &str) -> Result<()> {
        self.load.push(&mut self.dataset, text, &HashSet::default())
    }

    /// A byte that is not UTF-8 where the text read so far ends.
    fn not_utf8(&self) -> Error {
        Error::at(ErrorKind::InvalidUtf8, self.load.end_position())
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::*;
    use crate::{decode_utf8, synthetic_indicators, synthetic_sources};

    /// Rows with characters of one to four bytes in their notes, ending without a line end.
    fn text() -> String {
        let mut text = String::from("province,indicator_id,period,value,source_id,note\r\n");
        for i in 0..40 {
            let note = ["Trà Vinh – ước", "\"1.234 trạm, ≈ 86,18 %\"", "𝔸 ✓", ""][i % 4];
            let (indicator, year) = (i % 7, 10 + i % 15);
            // Writing to a String cannot fail.
            let _ = writeln!(text, "p63:84,ind_{indicator:03},20{year:02},{i},s01,{note}");
        }
        text.push_str("p63:72,ind_001,2024,5,s01,cuối");
        text
    }

    fn loader() -> DatasetLoader {
        let (sources, indicators) = (synthetic_sources(), synthetic_indicators());
        DatasetLoader::with_bundled_reference(&sources, &indicators, 0).expect("a loader")
    }

    fn from_bytes(bytes: &[u8], size: usize) -> Result<Dataset> {
        let mut loader = loader();
        for piece in bytes.chunks(size) {
            loader.push_bytes(piece)?;
        }
        loader.finish()
    }

    /// Every row, keys, numbers and texts, in load order.
    fn transcript(dataset: &Dataset) -> Vec<String> {
        (0..dataset.len())
            .map(|r| format!("{:?} {:?}", dataset.row(r), dataset.row_text(r)))
            .collect()
    }

    /// The transcript of `text` pushed whole.
    fn whole(text: &str) -> Vec<String> {
        let mut loader = loader();
        loader.push(text).expect("the text");
        transcript(&loader.finish().expect("loads"))
    }

    #[test]
    fn bytes_split_anywhere_load_as_the_whole_text() {
        let text = text();
        let whole = whole(&text);
        assert_eq!(whole.len(), 41);
        for size in [1, 2, 3, 4, 5, 7, 64, 511, 512, 600, text.len()] {
            let dataset = from_bytes(text.as_bytes(), size).expect("loads in pieces");
            assert_eq!(transcript(&dataset), whole, "pieces of {size}");
        }
    }

    #[test]
    fn bytes_and_text_mixed_are_read_in_the_order_given() {
        let text = text();
        let whole = whole(&text);
        // A short head of bytes, text, then a character cut between bytes and text.
        let cut = text.find('ư').expect("a two-byte letter") + 1;
        let mut mixed = loader();
        mixed.push_bytes(&text.as_bytes()[..10]).expect("bytes");
        mixed.push(&text[10..cut - 1]).expect("text");
        mixed
            .push_bytes(&text.as_bytes()[cut - 1..cut])
            .expect("half a letter");
        let rest = text.as_bytes()[cut..].to_vec();
        mixed.push_bytes(&rest[..1]).expect("the other half");
        mixed
            .push(std::str::from_utf8(&rest[1..]).expect("UTF-8"))
            .expect("text");
        assert_eq!(transcript(&mixed.finish().expect("loads")), whole);
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_refused_where_the_whole_text_places_it() {
        let text = text();
        let inside = text.find("cuối").expect("the last note");
        let mut broken = Vec::new();
        // A Latin-1 letter, a character cut short, a stray continuation byte, a cut at the end.
        for (at, bytes) in [
            (40, &[0xe9][..]),
            (inside + 2, &[0xe1, 0xba][..]),
            (300, &[0x80][..]),
        ] {
            let mut bytes_of = text.clone().into_bytes();
            bytes_of.splice(at..at, bytes.iter().copied());
            broken.push(bytes_of);
        }
        // "cuối" without the last byte of its "ố" and the "i" after it.
        let mut cut = text.clone().into_bytes();
        cut.truncate(cut.len() - 2);
        broken.push(cut);
        for bytes in &broken {
            let expected = decode_utf8(bytes, Some("observations.csv")).expect_err("not UTF-8");
            assert_eq!(expected.kind(), &ErrorKind::InvalidUtf8);
            for size in [1, 2, 3, 5, 64, 600, bytes.len()] {
                let error = from_bytes(bytes, size).expect_err("refused");
                assert_eq!(error, expected, "pieces of {size}");
            }
        }
    }

    #[test]
    fn a_text_in_utf16_is_named_whatever_the_pieces() {
        let text = text();
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let with_mark: Vec<u8> = [0xff, 0xfe].into_iter().chain(little.clone()).collect();
        for bytes in [little, with_mark] {
            let expected = decode_utf8(&bytes, Some("observations.csv")).expect_err("UTF-16");
            assert_eq!(expected.kind(), &ErrorKind::Utf16);
            for size in [1, 3, 511, 600, bytes.len()] {
                assert_eq!(from_bytes(&bytes, size).expect_err("refused"), expected);
            }
        }
    }
}
