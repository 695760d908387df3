//! Figures a reader's file gives where a bundled one exists for the same province, indicator,
//! scope and period. Both are kept; this finds them so that answers can say so.

use rustc_hash::FxHashSet;

use super::Dataset;
use crate::model::{Origin, ProvinceId};

impl Dataset {
    /// The provinces (as stored, 63-list or 2025) where the reader's file and the bundled data
    /// both give an achievement of `indicator` for the same scope and period. Empty without a
    /// reader's file; one pass over the indicator's rows otherwise.
    pub(crate) fn conflicting_figures(&self, indicator: u32) -> Vec<ProvinceId> {
        let c = &self.columns;
        if !c.origin.contains(&Origin::User) {
            return Vec::new();
        }
        let rows = || {
            (0..c.len()).filter(move |&r| {
                c.indicator.get(r) == Some(&indicator) && c.is_target.get(r) == Some(&false)
            })
        };
        let key = |r: usize| (c.province[r], c.scope[r], c.period[r]);
        let bundled: FxHashSet<_> = rows()
            .filter(|&r| c.origin[r] == Origin::Bundled)
            .map(key)
            .collect();
        let mut found: Vec<ProvinceId> = rows()
            .filter(|&r| c.origin[r] == Origin::User && bundled.contains(&key(r)))
            .map(|r| self.reference.at(c.province[r]).id)
            .collect();
        crate::order::sort_distinct(&mut found);
        found
    }
}
