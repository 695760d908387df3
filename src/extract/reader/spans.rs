//! Where the parts of a number's text lie: its sentence clipped around it, its clause on
//! either side, the part of the sentence it is in, the sentences before it in its paragraph,
//! the gap before it; and byte offsets turned into character offsets on the way out. It knows
//! ranges of text, not what the words in them mean.

use std::ops::Range;

use crate::extract::proposal::TextSpan;

/// How far a sentence reaches on either side of a number, in bytes: a text without full stops
/// is one long "sentence", and reading all of it for every number would cost the square of its
/// length.
const SENTENCE_REACH: usize = 1000;

/// `sentence`, clipped to [`SENTENCE_REACH`] bytes around `token`, on character boundaries.
pub(super) fn around(text: &str, sentence: Range<usize>, token: &Range<usize>) -> Range<usize> {
    let start = text.ceil_char_boundary(
        sentence
            .start
            .max(token.start.saturating_sub(SENTENCE_REACH)),
    );
    let end = text.floor_char_boundary(sentence.end.min(token.end + SENTENCE_REACH));
    start.min(token.start)..end.max(token.end)
}

/// The length of the one or two spaces, dots or dashes right before byte `at`: what separates
/// the groups of a phone number (`0276 3855 123`, `0913.456.789`).
pub(super) fn gap_before(text: &str, at: usize) -> usize {
    text[..at]
        .bytes()
        .rev()
        .take(2)
        .take_while(|b| matches!(b, b' ' | b'.' | b'-'))
        .count()
}

/// The lower-cased part of `text` after its last `;` or `:`.
pub(super) fn clause_tail(text: &str) -> String {
    text.rsplit([';', ':'])
        .next()
        .unwrap_or(text)
        .to_lowercase()
}

/// The lower-cased part of `text` before its first `;` or `:`.
pub(super) fn clause_head(text: &str) -> String {
    text.split([';', ':']).next().unwrap_or(text).to_lowercase()
}

/// Where the part of a sentence holding a number that ends at `from` ends: at the next comma
/// followed by a space or semicolon (a decimal comma has digits on both sides), or at the
/// sentence's end.
pub(super) fn part_end(text: &str, from: usize, sentence_end: usize) -> usize {
    let end = sentence_end.max(from);
    text[from..end]
        .match_indices([';', ','])
        .find(|&(i, mark)| {
            mark == ";" || !text[from + i + 1..end].starts_with(|c: char| c.is_ascii_digit())
        })
        .map_or(end, |(i, _)| from + i)
}

/// The sentences before sentence `index` in its paragraph (up to three), nearest first.
pub(super) fn paragraph_before(
    text: &str,
    sentences: &[Range<usize>],
    index: usize,
) -> Vec<Range<usize>> {
    sentences[..index.min(sentences.len())]
        .iter()
        .rev()
        .take_while(|s| !text[(*s).clone()].contains('\n'))
        .take(3)
        .cloned()
        .collect()
}

/// Turns byte offsets into character offsets, remembering where it last counted so that a pass
/// over a text in order costs one walk over it.
pub(super) struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            return self.chars - self.text[byte..self.byte].chars().count();
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }

    pub(super) fn span(&mut self, range: &Range<usize>) -> TextSpan {
        let start = self.at(range.start);
        let end = self.at(range.end);
        TextSpan { start, end }
    }
}
