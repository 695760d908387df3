//! Everything known about one province, by pillar: every figure of every period, targets and
//! figures for a part of the province included, each with its quote.
//!
//! A 2025 province's profile lists its own published figures first, then those of the provinces
//! it was formed from, each under its own name, rather than rolling them up: a profile is for
//! reading, not for ranking.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::{Pillar, ProvinceId, Scheme};
use crate::query::{Figure, Selector};

/// One indicator's figures in a profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileEntry {
    /// The indicator.
    pub indicator: String,
    /// The province the figures describe (a former province, in a 2025 province's profile).
    pub province: ProvinceId,
    /// `province`, or the part of it the figures cover.
    pub scope: String,
    /// The figures, oldest first; targets after achievements.
    pub figures: Vec<Figure>,
}

/// One pillar of a profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfilePillar {
    /// The pillar.
    pub pillar: Pillar,
    /// Its indicators with figures.
    pub entries: Vec<ProfileEntry>,
}

/// Everything known about a province.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The province.
    pub province: ProvinceId,
    /// The provinces whose figures are listed besides its own: itself for a 63-list province, the
    /// former provinces for a 2025 province.
    pub members: Vec<ProvinceId>,
    /// Pillars with figures, in the order of [`Pillar::ALL`].
    pub pillars: Vec<ProfilePillar>,
    /// How many figures in all.
    pub figures: usize,
}

/// The profile of one province of either scheme.
pub fn profile(dataset: &Dataset, province: ProvinceId) -> Result<Profile> {
    let reference = dataset.reference();
    let found = reference.require(province)?;
    let members = match province.scheme {
        Scheme::P63 => vec![province],
        Scheme::P34 => found.merged_from.clone(),
    };
    // A 2025 province's own published figures come first.
    let listed: Vec<ProvinceId> = match province.scheme {
        Scheme::P63 => members.clone(),
        Scheme::P34 => std::iter::once(province)
            .chain(members.iter().copied())
            .collect(),
    };
    let selector = Selector::new(dataset);
    let mut pillars: Vec<ProfilePillar> = Vec::new();
    let mut total = 0;
    for &pillar in Pillar::ALL {
        let mut entries = Vec::new();
        for (i, indicator) in dataset.indicators().iter().enumerate() {
            if indicator.pillar != pillar {
                continue;
            }
            for &member in &listed {
                let Some(position) = reference.position(member) else {
                    continue;
                };
                let rows = dataset.index().of(i as u32, position);
                // One entry per scope, achievements before targets, each oldest first.
                let stored: Vec<(u32, crate::dataset::Row)> = rows
                    .iter()
                    .filter_map(|&r| Some((r, dataset.row(r as usize)?)))
                    .collect();
                let mut scopes: Vec<u32> = stored.iter().map(|(_, row)| row.scope).collect();
                crate::order::sort_distinct(&mut scopes);
                for scope in scopes {
                    let mut figures: Vec<(bool, Figure)> = stored
                        .iter()
                        .filter(|(_, row)| row.scope == scope)
                        .filter_map(|&(r, row)| Some((row.is_target, selector.plain(r)?)))
                        .collect();
                    crate::order::sort_by_key(&mut figures, |(target, f)| (*target, f.period));
                    total += figures.len();
                    entries.push(ProfileEntry {
                        indicator: indicator.id.clone(),
                        province: member,
                        scope: dataset.scope_name(scope).to_owned(),
                        figures: figures.into_iter().map(|(_, f)| f).collect(),
                    });
                }
            }
        }
        if !entries.is_empty() {
            pillars.push(ProfilePillar { pillar, entries });
        }
    }
    Ok(Profile {
        province,
        members,
        pillars,
        figures: total,
    })
}
