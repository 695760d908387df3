//! Which of many quotes occur word for word in a report's text, found in one pass over the
//! text whatever their number.
//!
//! Looking for each quote on its own (`str::contains`) reads the whole report once per quote: a
//! long report that many rows cite would keep `validate` busy for hours. Here the quotes are
//! put in one Aho–Corasick automaton and the text is read once. The states the reading reaches
//! are marked, and the marks passed down the failure links, longest first: a quote occurs when
//! its state is marked. Listing every match instead could take as long as before, since quotes
//! that end one another ("a", "aa", "aaa" in "aaaa…") all match at each byte. The time is the
//! text's length plus the quotes'. This module knows nothing of files, rows or figures.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use rustc_hash::FxHashMap;

/// The automaton's start: the empty prefix.
const ROOT: u32 = 0;
/// No node (the end of a list of children).
const NONE: u32 = u32::MAX;

/// For each report of `asked` (quotes by source id), the quotes that occur in its text in
/// `texts`, each report read once; a report `texts` lacks holds only the empty quote.
pub(super) fn occurring_by_report<'q>(
    asked: &'q HashMap<&str, Vec<String>>,
    texts: &HashMap<String, String, impl BuildHasher>,
) -> HashMap<&'q str, HashSet<&'q str>> {
    asked
        .iter()
        .map(|(&source, quotes)| {
            let text = texts.get(source).map_or("", String::as_str);
            (source, occurring(text, quotes))
        })
        .collect()
}

/// The quotes of `quotes` that occur in `text`, byte for byte, as [`str::contains`] would find
/// them (the empty quote occurs in every text).
pub(super) fn occurring<'q>(text: &str, quotes: &'q [String]) -> HashSet<&'q str> {
    // A node for each byte of the quotes at most, numbered in 32 bits: more than a data
    // folder's files can hold, but a caller of the library might pass them.
    if quotes.iter().map(String::len).sum::<usize>() >= NONE as usize {
        return quotes
            .iter()
            .map(String::as_str)
            .filter(|quote| text.contains(quote))
            .collect();
    }
    let mut trie = Trie::default();
    let ends: Vec<u32> = quotes.iter().map(|q| trie.insert(q.as_bytes())).collect();
    let order = trie.link();
    let mut reached = vec![false; trie.byte.len()];
    reached[ROOT as usize] = true;
    let mut state = ROOT;
    for &byte in text.as_bytes() {
        state = trie.step(state, byte);
        reached[state as usize] = true;
    }
    // What a state reaches, its failure link (its longest proper suffix that is a prefix of a
    // quote) reaches too. Breadth-first order puts every link before the states linked to it.
    for &node in order.iter().rev() {
        if reached[node as usize] {
            reached[trie.fail[node as usize] as usize] = true;
        }
    }
    quotes
        .iter()
        .zip(ends)
        .filter(|&(_, end)| reached[end as usize])
        .map(|(quote, _)| quote.as_str())
        .collect()
}

/// The quotes' prefixes, one node each. A node's child by a byte is found in one map for all
/// nodes (a text's bytes can be any of 256, and most nodes have one child), and its children
/// are also listed, for the breadth-first walk.
#[derive(Debug)]
struct Trie {
    /// The byte that leads to each node (unused for the root).
    byte: Vec<u8>,
    /// Each node's child by each byte, keyed by the node and the byte.
    children: FxHashMap<(u32, u8), u32>,
    first_child: Vec<u32>,
    next_sibling: Vec<u32>,
    /// Each node's longest proper suffix that is also a node ([`Trie::link`]).
    fail: Vec<u32>,
}

impl Default for Trie {
    fn default() -> Self {
        Trie {
            byte: vec![0],
            children: FxHashMap::default(),
            first_child: vec![NONE],
            next_sibling: vec![NONE],
            fail: vec![ROOT],
        }
    }
}

impl Trie {
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        self.children.get(&(node, byte)).copied()
    }

    /// Adds `quote` and returns the node it ends at.
    fn insert(&mut self, quote: &[u8]) -> u32 {
        let mut node = ROOT;
        for &byte in quote {
            if let Some(child) = self.child(node, byte) {
                node = child;
                continue;
            }
            // Below `NONE`: [`occurring`] counts the quotes' bytes first.
            let child = self.byte.len() as u32;
            self.byte.push(byte);
            self.first_child.push(NONE);
            self.next_sibling.push(self.first_child[node as usize]);
            self.fail.push(ROOT);
            self.first_child[node as usize] = child;
            self.children.insert((node, byte), child);
            node = child;
        }
        node
    }

    /// The state after `byte` from `state`: its child by `byte`, or else the same from its
    /// failure link, down to the root.
    fn step(&self, mut state: u32, byte: u8) -> u32 {
        loop {
            if let Some(child) = self.child(state, byte) {
                return child;
            }
            if state == ROOT {
                return ROOT;
            }
            state = self.fail[state as usize];
        }
    }

    /// Sets every node's failure link, and returns the nodes in breadth-first order (the root
    /// first), in which every link comes before the nodes linked to it.
    fn link(&mut self) -> Vec<u32> {
        let mut order = Vec::with_capacity(self.byte.len());
        order.push(ROOT);
        let mut next = 0;
        while let Some(&node) = order.get(next) {
            next += 1;
            let mut child = self.first_child[node as usize];
            while child != NONE {
                self.fail[child as usize] = if node == ROOT {
                    ROOT
                } else {
                    self.step(self.fail[node as usize], self.byte[child as usize])
                };
                order.push(child);
                child = self.next_sibling[child as usize];
            }
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn found(text: &str, quotes: &[&str]) -> Vec<String> {
        let quotes: Vec<String> = quotes.iter().map(|&q| q.to_owned()).collect();
        let found = occurring(text, &quotes);
        let mut found: Vec<String> = found.into_iter().map(str::to_owned).collect();
        found.sort();
        found
    }

    #[test]
    fn finds_the_quotes_a_text_holds_and_only_those() {
        let text = "Toàn tỉnh có 1.208 trạm BTS, phủ sóng 4G đạt 99,5%.";
        let quotes = [
            "1.208 trạm BTS",
            "phủ sóng 4G đạt 99,5%",
            "Toàn",
            "1.209 trạm BTS",
            "99,5%.",
            "99,5%. ",
            "",
        ];
        assert_eq!(
            found(text, &quotes),
            [
                "",
                "1.208 trạm BTS",
                "99,5%.",
                "Toàn",
                "phủ sóng 4G đạt 99,5%"
            ]
        );
    }

    #[test]
    fn a_quote_inside_another_or_ending_it_is_found_by_its_link() {
        // "bc" is only ever reached as the end of "abc"; "c" as the end of both.
        assert_eq!(
            found("xabcx", &["abc", "bc", "c", "bd"]),
            ["abc", "bc", "c"]
        );
        assert_eq!(found("aaaa", &["a", "aa", "aaa", "aaaa", "aaaaa"]).len(), 4);
    }

    proptest! {
        #[test]
        fn agrees_with_contains(
            text in "[ab ạ]{0,40}",
            quotes in proptest::collection::vec("[ab ạ]{0,6}", 0..12),
        ) {
            let owned: Vec<String> = quotes.clone();
            let found = occurring(&text, &owned);
            for quote in &quotes {
                prop_assert_eq!(found.contains(quote.as_str()), text.contains(quote.as_str()), "{:?}", quote);
            }
        }
    }
}
