//! The dataset: reference data, indicators, sources and observations, loaded whole or not at
//! all, and kept in memory in a form fast to query.
//!
//! This module owns loading (the cross-file checks the parser cannot make: unknown provinces,
//! indicators and sources, values impossible for their unit) and the stored form. It knows
//! nothing of the questions asked of it; those are `query` and `compare`.

mod bundled;
#[cfg(test)]
pub(crate) mod inline;
mod load;
mod loader;
mod pack;
mod reference;
mod rows;
mod store;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use crate::error::{ErrorKind, Result, excerpt};
use crate::model::{Indicator, Observation, Origin, ProvinceId, Source};
use crate::parse::{
    Record, observation_column as column, parse_editions, parse_indicators, parse_sources,
    parse_tables,
};
use load::Load;

pub use loader::DatasetLoader;
pub use pack::Packs;
use pack::Texts;
pub use reference::Reference;
pub(crate) use reference::ReferenceFiles;
pub(crate) use rows::Row;
pub(crate) use store::{Columns, Index, Plain, PlainRun, RowKeys};

/// The text of a dataset's files, by the names `data/README.md` gives them.
///
/// `tables`, `editions` and `table_observations` may be empty (no bytes): a dataset of reports
/// alone, like a provincial office's own folder, has no published tables.
#[derive(Debug, Clone, Copy)]
pub struct DatasetFiles<'a> {
    /// `sources.csv`
    pub sources: &'a str,
    /// `tables.csv`
    pub tables: &'a str,
    /// `indicators.csv`
    pub indicators: &'a str,
    /// `editions.csv`
    pub editions: &'a str,
    /// `observations.csv`
    pub observations: &'a str,
    /// `table_observations.csv`
    pub table_observations: &'a str,
    /// `reference/provinces_2024.csv`
    pub provinces_p63: &'a str,
    /// `reference/provinces_2025.csv`
    pub provinces_p34: &'a str,
    /// `reference/merger_2025.csv`
    pub merger: &'a str,
    /// `reference/population.csv`
    pub population: &'a str,
    /// `reference/dti_2022_provincial_rank.csv`
    pub dti: &'a str,
}

impl<'a> DatasetFiles<'a> {
    /// The files of a data folder, relative to it, in the order of the fields.
    pub const NAMES: [&'static str; 11] = [
        "sources.csv",
        "tables.csv",
        "indicators.csv",
        "editions.csv",
        "observations.csv",
        "table_observations.csv",
        "reference/provinces_2024.csv",
        "reference/provinces_2025.csv",
        "reference/merger_2025.csv",
        "reference/population.csv",
        "reference/dti_2022_provincial_rank.csv",
    ];

    /// The files a data folder may leave out (read as empty): those of published tables.
    pub const OPTIONAL: [&'static str; 3] =
        ["tables.csv", "editions.csv", "table_observations.csv"];

    /// The files' texts, each looked up by its name in [`DatasetFiles::NAMES`].
    pub fn from_names(text: impl Fn(&'static str) -> &'a str) -> Self {
        let [
            sources,
            tables,
            indicators,
            editions,
            observations,
            table_observations,
            provinces_p63,
            provinces_p34,
            merger,
            population,
            dti,
        ] = Self::NAMES.map(text);
        DatasetFiles {
            sources,
            tables,
            indicators,
            editions,
            observations,
            table_observations,
            provinces_p63,
            provinces_p34,
            merger,
            population,
            dti,
        }
    }
}

/// Everything the engine knows, indexed for queries. Cheap to share: the reference data is
/// behind an [`Arc`].
///
/// ```
/// let dataset = ict_compare::Dataset::bundled()?;
/// assert!(dataset.len() > 100);
/// let reports = dataset.sources().iter().filter(|s| !s.is_table()).count();
/// assert_eq!(reports, 5);
/// # Ok::<(), ict_compare::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Dataset {
    reference: Arc<Reference>,
    indicators: Vec<Indicator>,
    indicator_ids: HashMap<String, u32>,
    sources: Vec<Source>,
    source_origins: Vec<Origin>,
    source_ids: HashMap<String, u32>,
    scopes: Vec<String>,
    columns: Columns,
    index: Index,
    texts: Texts,
}

impl Dataset {
    /// The dataset compiled into the engine, decoded from the pack the build made of `data/`.
    /// With the `bundled-texts` feature (a default) it is complete; without it, as the page's
    /// engine is built, its long texts wait for [`Dataset::attach_texts`].
    pub fn bundled() -> Result<Self> {
        let dataset = Dataset::from_pack(bundled::PACK)?;
        #[cfg(feature = "bundled-texts")]
        let dataset = {
            let mut dataset = dataset;
            dataset.attach_texts(bundled::TEXTS)?;
            dataset
        };
        Ok(dataset)
    }

    /// A dataset from the text of its files. Every error names the file, line and column.
    pub fn from_files(files: &DatasetFiles<'_>) -> Result<Self> {
        let reference = Reference::parse(&ReferenceFiles {
            provinces_p63: files.provinces_p63,
            provinces_p34: files.provinces_p34,
            merger: files.merger,
            population: files.population,
            dti: files.dti,
        })?;
        let mut indicators = parse_indicators(files.indicators, Some("indicators.csv"))?;
        if !files.editions.is_empty() {
            parse_editions(files.editions, Some("editions.csv"), &mut indicators)?;
        }
        let mut sources = parse_sources(files.sources, Some("sources.csv"))?;
        check_source_provinces(&reference, &sources)?;
        if !files.tables.is_empty() {
            let tables = parse_tables(files.tables, Some("tables.csv"), &sources)?;
            sources.extend(tables);
        }
        let mut dataset = Dataset::catalogue(Arc::new(reference), indicators, sources);
        let mut columns = dataset.load("observations.csv", files.observations)?;
        if !files.table_observations.is_empty() {
            columns.append(&dataset.load("table_observations.csv", files.table_observations)?);
        }
        dataset.set_columns(columns);
        Ok(dataset)
    }

    /// The rows of one bundled file of observations (or of one's own), which came whole.
    fn load(&mut self, file: &str, text: &str) -> Result<Columns> {
        let load = Load::new(self, file, Origin::Bundled, text.len());
        load.read_all(self, text, &HashSet::default())
    }

    /// Installs the dataset's rows and indexes them: the index is always of these columns.
    fn set_columns(&mut self, columns: Columns) {
        self.index = Index::build(
            &columns,
            self.indicators.len(),
            self.reference.provinces().len(),
        );
        self.columns = columns;
    }

    /// Everything but the observations: reference data, indicators and sources, with no rows.
    fn catalogue(
        reference: Arc<Reference>,
        indicators: Vec<Indicator>,
        sources: Vec<Source>,
    ) -> Self {
        Dataset {
            reference,
            indicator_ids: indicators
                .iter()
                .enumerate()
                .map(|(i, x)| (x.id.clone(), i as u32))
                .collect(),
            indicators,
            source_origins: vec![Origin::Bundled; sources.len()],
            source_ids: sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), i as u32))
                .collect(),
            sources,
            scopes: vec!["province".to_owned()],
            columns: Columns::default(),
            index: Index::default(),
            texts: Texts::Complete,
        }
    }

    /// The catalogue of one's own `indicators.csv` and `sources.csv` over the bundled reference
    /// data, without published tables.
    fn own_catalogue(sources: &str, indicators: &str) -> Result<Self> {
        let reference = Dataset::reference_from_pack(bundled::PACK)?;
        let indicators = parse_indicators(indicators, Some("indicators.csv"))?;
        let sources = parse_sources(sources, Some("sources.csv"))?;
        check_source_provinces(&reference, &sources)?;
        Ok(Dataset::catalogue(Arc::new(reference), indicators, sources))
    }

    /// A dataset of one's own files (sources, indicators, observations) over the bundled
    /// reference data: provinces, the 2025 mapping, population. It has no published tables.
    pub fn with_bundled_reference(
        sources: &str,
        indicators: &str,
        observations: &str,
    ) -> Result<Self> {
        let mut dataset = Dataset::own_catalogue(sources, indicators)?;
        let columns = dataset.load("observations.csv", observations)?;
        dataset.set_columns(columns);
        Ok(dataset)
    }

    /// This dataset with the observations of a user's file added, marked as the user's.
    ///
    /// The file is in the format of `observations.csv` (only `observation_id`, `province`,
    /// `indicator_id`, `period`, `value` and `source_id` are required); its indicators must be
    /// known, and each source id names a new source of the user's, attributed to `file`. A
    /// source id or observation id this dataset already holds is refused
    /// ([`ErrorKind::BundledId`]): a reader's file must never be able to credit a published
    /// report with its figures, nor pass its figures off as the report's. The file loads whole
    /// or not at all, and `self` is never changed.
    ///
    /// ```
    /// let bundled = ict_compare::Dataset::bundled()?;
    /// let csv = "observation_id,province,indicator_id,period,value,source_id\n\
    ///            u-1,p63:84,bts_stations,2024,1300,tv-2016\n";
    /// let error = bundled.with_user_file(csv, "mine.csv").unwrap_err();
    /// assert_eq!(error.kind().code(), "bundledId");
    /// # Ok::<(), ict_compare::Error>(())
    /// ```
    pub fn with_user_file(&self, text: &str, file: &str) -> Result<Dataset> {
        let mut dataset = Dataset {
            reference: Arc::clone(&self.reference),
            indicators: self.indicators.clone(),
            indicator_ids: self.indicator_ids.clone(),
            sources: self.sources.clone(),
            source_origins: self.source_origins.clone(),
            source_ids: self.source_ids.clone(),
            scopes: self.scopes.clone(),
            columns: Columns::default(),
            index: Index::default(),
            texts: self.texts,
        };
        let taken: HashSet<&str> = (0..self.columns.len())
            .map(|row| self.columns.id.get(row))
            .filter(|id| !id.is_empty())
            .collect();
        let load = Load::new(&dataset, file, Origin::User, text.len());
        let user = load.read_all(&mut dataset, text, &taken)?;
        let mut columns = self.columns.clone();
        columns.append(&user);
        dataset.set_columns(columns);
        Ok(dataset)
    }

    /// The source a row cites: a bundled one for bundled rows; for a reader's file, its own
    /// sources (added on first sight, credited to the file), never a bundled one.
    pub(super) fn resolve_source(
        &mut self,
        table: &dyn Record,
        id: &str,
        province: ProvinceId,
        origin: Origin,
        file: &str,
    ) -> Result<u32> {
        match self.source_ids.get(id) {
            Some(&source)
                if origin == Origin::User
                    && self.source_origin(source as usize) == Origin::Bundled =>
            {
                Err(table.error(
                    column::SOURCE,
                    ErrorKind::BundledId {
                        column: "source_id".to_owned(),
                        id: excerpt(id),
                    },
                ))
            }
            Some(&source) => Ok(source),
            None if origin == Origin::User => Ok(self.add_user_source(id, province, file)),
            None => Err(table.error(column::SOURCE, ErrorKind::UnknownSource { id: excerpt(id) })),
        }
    }

    /// A source named only by a user's file: its id is all it has, and its `file` is the user's
    /// file, so that every figure of it is credited to that file.
    pub(super) fn add_user_source(&mut self, id: &str, province: ProvinceId, file: &str) -> u32 {
        self.sources.push(Source {
            id: id.to_owned(),
            title: id.to_owned(),
            outlet: String::new(),
            author: String::new(),
            published: None,
            url: None,
            province: Some(province),
            file: file.to_owned(),
            language: String::new(),
            table: None,
        });
        self.source_origins.push(Origin::User);
        let position = (self.sources.len() - 1) as u32;
        self.source_ids.insert(id.to_owned(), position);
        position
    }

    /// The number of observations.
    #[must_use]
    pub fn len(&self) -> usize {
        self.columns.len()
    }

    /// Whether there are no observations.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The reference data.
    #[must_use]
    pub fn reference(&self) -> &Reference {
        &self.reference
    }

    /// Every indicator, in file order.
    #[must_use]
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The indicator with this id.
    #[must_use]
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicator_position(id)
            .map(|i| &self.indicators[i as usize])
    }

    pub(crate) fn indicator_position(&self, id: &str) -> Option<u32> {
        self.indicator_ids.get(id).copied()
    }

    /// The position of an indicator a request names, or an `unknownIndicator` error.
    pub(crate) fn require_indicator(&self, id: &str) -> Result<u32> {
        self.indicator_position(id)
            .ok_or_else(|| crate::Error::new(ErrorKind::UnknownIndicator { id: excerpt(id) }))
    }

    /// The position and the definition of an indicator a request names, or an
    /// `unknownIndicator` error: for the answers that need both.
    pub(crate) fn require_definition(&self, id: &str) -> Result<(u32, &Indicator)> {
        let position = self.require_indicator(id)?;
        self.indicators
            .get(position as usize)
            .map(|definition| (position, definition))
            .ok_or_else(|| crate::Error::new(ErrorKind::UnknownIndicator { id: excerpt(id) }))
    }

    /// Every source: the bundled reports, then any named by a user's file.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// How many observations each source backs, in the order of [`Dataset::sources`].
    #[must_use]
    pub fn figures_by_source(&self) -> Vec<usize> {
        let mut counts = vec![0; self.sources.len()];
        for &source in &self.columns.source {
            if let Some(count) = counts.get_mut(source as usize) {
                *count += 1;
            }
        }
        counts
    }

    /// Whether a source is bundled or the user's.
    #[must_use]
    pub fn source_origin(&self, position: usize) -> Origin {
        self.source_origins
            .get(position)
            .copied()
            .unwrap_or(Origin::User)
    }

    /// Whether a reader's file named any source, that is, whether the dataset can hold a
    /// figure of the reader's at all.
    pub(crate) fn has_user_sources(&self) -> bool {
        self.source_origins.contains(&Origin::User)
    }

    /// Observation `row` (0-based, in load order), as a self-contained value.
    #[must_use]
    pub fn observation(&self, row: usize) -> Option<Observation> {
        let c = &self.columns;
        Some(Observation {
            id: c.id.get(row).to_owned(),
            province: self.reference.at(*c.province.get(row)?).id,
            indicator: self.indicators[usize::from(*c.indicator.get(row)?)]
                .id
                .clone(),
            period: c.period[row],
            value: c.value[row],
            out_of: c.out_of(row),
            qualifier: c.qualifier[row],
            is_target: c.is_target.get(row)?,
            scope: self.scopes[c.scope.get(row)? as usize].clone(),
            source: self.sources[usize::from(c.source[row])].id.clone(),
            quote: c.quote.get(row).to_owned(),
            cell: c.table_cell(row),
            note: c.note.get(row).to_owned(),
            origin: c.origin.get(row)?,
        })
    }

    /// The name of an interned scope (`province`, or a part of one).
    pub(crate) fn scope_name(&self, scope: u32) -> &str {
        self.scopes
            .get(scope as usize)
            .map_or("province", String::as_str)
    }

    /// Every observation's value, in load order: the column itself, for bulk numeric work.
    #[must_use]
    pub fn values(&self) -> &[f64] {
        &self.columns.value
    }

    /// Every observation in load order.
    pub fn observations(&self) -> impl Iterator<Item = Observation> + '_ {
        (0..self.len()).filter_map(|row| self.observation(row))
    }

    pub(crate) fn index(&self) -> &Index {
        &self.index
    }

    /// Approximate heap bytes held by the observations and their index.
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        self.columns.bytes() + self.index.bytes()
    }
}

/// Every province a report names is one of the reference lists'.
fn check_source_provinces(reference: &Reference, sources: &[Source]) -> Result<()> {
    for source in sources {
        if let Some(province) = source.province
            && reference.province(province).is_none()
        {
            return Err(crate::Error::new(ErrorKind::UnknownProvince {
                id: province.to_string(),
            })
            .in_file("sources.csv"));
        }
    }
    Ok(())
}
