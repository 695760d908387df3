//! Reference data about provinces: the two lists, the 2025 mapping, GSO population, the DTI
//! ranking. Read once from the bundled reference files and shared by every dataset.
//!
//! This module owns province lookup by identity and the nearest-year rule for population; it
//! knows nothing of indicators or observations.

use rustc_hash::FxHashMap as HashMap;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Province, ProvinceId, Region, Scheme};
use crate::parse::{
    PopulationRecord, RankRecord, parse_dti, parse_merger, parse_population, parse_provinces_p34,
    parse_provinces_p63,
};

fn slot(id: ProvinceId) -> usize {
    let scheme = match id.scheme {
        Scheme::P63 => 0,
        Scheme::P34 => 100,
    };
    scheme + usize::from(id.code)
}

/// The reference files, as text, by the names `data/README.md` gives them.
pub(crate) struct ReferenceFiles<'a> {
    pub(crate) provinces_p63: &'a str,
    pub(crate) provinces_p34: &'a str,
    pub(crate) merger: &'a str,
    pub(crate) population: &'a str,
    pub(crate) dti: &'a str,
}

/// Provinces of both schemes and the facts about them.
#[derive(Debug)]
pub struct Reference {
    provinces: Vec<Province>,
    /// Position of each province by `scheme * 100 + code`: a lookup per loaded row, so an
    /// array rather than a hash.
    index: Vec<Option<u16>>,
    regions: Vec<Region>,
    population: HashMap<ProvinceId, Vec<PopulationRecord>>,
    dti: Vec<RankRecord>,
}

impl Reference {
    pub(crate) fn parse(files: &ReferenceFiles<'_>) -> Result<Self> {
        let (mut provinces, regions) =
            parse_provinces_p63(files.provinces_p63, Some("reference/provinces_2024.csv"))?;
        let p34 = parse_provinces_p34(files.provinces_p34, Some("reference/provinces_2025.csv"))?;
        let merger = parse_merger(
            files.merger,
            Some("reference/merger_2025.csv"),
            &provinces,
            &p34,
        )?;
        // Every old province is one of the list: the mapping was held to it.
        for (old, new) in merger {
            if let Some(province) = provinces.iter_mut().find(|p| p.id == old) {
                province.merged_into = Some(new);
            }
        }
        let population = parse_population(
            files.population,
            Some("reference/population.csv"),
            &provinces,
        )?;
        let dti = parse_dti(
            files.dti,
            Some("reference/dti_2022_provincial_rank.csv"),
            &provinces,
        )?;
        provinces.extend(p34);
        Reference::from_parts(provinces, regions, population, dti)
    }

    /// Reference data from its parts, each province with its mapping already set: the lists
    /// as read from the reference files, or from the bundled pack.
    pub(super) fn from_parts(
        provinces: Vec<Province>,
        regions: Vec<Region>,
        records: Vec<PopulationRecord>,
        dti: Vec<RankRecord>,
    ) -> Result<Self> {
        let mut index = vec![None; 200];
        for (i, province) in provinces.iter().enumerate() {
            index[slot(province.id)] = Some(i as u16);
        }
        // Every member of a new province and every mapping target must exist.
        for province in &provinces {
            for member in province.merged_from.iter().chain(&province.merged_into) {
                if index[slot(*member)].is_none() {
                    return Err(Error::new(ErrorKind::UnknownProvince {
                        id: member.to_string(),
                    }));
                }
            }
        }
        let mut population: HashMap<ProvinceId, Vec<PopulationRecord>> = HashMap::default();
        for record in records {
            population.entry(record.province).or_default().push(record);
        }
        for records in population.values_mut() {
            crate::order::sort_by_key(records, |r| r.year);
        }
        Ok(Reference {
            provinces,
            index,
            regions,
            population,
            dti,
        })
    }

    /// Every province of both schemes: the 63-list first, then the 34-list.
    #[must_use]
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    /// The provinces of one scheme.
    pub fn provinces_of(&self, scheme: Scheme) -> impl Iterator<Item = &Province> {
        self.provinces.iter().filter(move |p| p.id.scheme == scheme)
    }

    /// The provinces of `scheme` that `name` names, exactly, by name or by alias: one for a
    /// name that maps, none for one that does not, several for an ambiguous one.
    #[must_use]
    pub fn named(&self, scheme: Scheme, name: &str) -> Vec<&Province> {
        self.provinces_of(scheme)
            .filter(|p| p.is_named(name))
            .collect()
    }

    /// The province with this identity.
    #[must_use]
    pub fn province(&self, id: ProvinceId) -> Option<&Province> {
        self.position(id)
            .and_then(|i| self.provinces.get(usize::from(i)))
    }

    /// The province a request names, or an `unknownProvince` error.
    pub(crate) fn require(&self, id: ProvinceId) -> Result<&Province> {
        self.province(id)
            .ok_or_else(|| Error::new(ErrorKind::UnknownProvince { id: id.to_string() }))
    }

    pub(crate) fn position(&self, id: ProvinceId) -> Option<u16> {
        self.index.get(slot(id)).copied().flatten()
    }

    pub(crate) fn at(&self, position: u16) -> &Province {
        &self.provinces[usize::from(position)]
    }

    /// The six GSO regions.
    #[must_use]
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The population record of `province` (63-list) for `year`, or of the nearest year GSO
    /// publishes (the earlier one on a tie), so callers can name the year they used.
    #[must_use]
    pub fn population(&self, province: ProvinceId, year: u16) -> Option<&PopulationRecord> {
        self.population
            .get(&province)?
            .iter()
            .min_by_key(|r| (r.year.abs_diff(year), r.year))
    }

    /// Every population record, by province in the order of the lists, then by year.
    pub(super) fn population_records(&self) -> impl Iterator<Item = &PopulationRecord> {
        self.provinces
            .iter()
            .filter_map(|p| self.population.get(&p.id))
            .flatten()
    }

    /// The DTI ranks of the 63 provinces.
    #[must_use]
    pub fn dti(&self) -> &[RankRecord] {
        &self.dti
    }
}
