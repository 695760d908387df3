//! The bundled dataset in a compact binary form, made at build time from the files of
//! `data/` (`ict-compare pack data/ -o src/dataset/bundled.pack`) and decoded at every start
//! instead of parsing CSV: the reference, catalogue and table readers then stay out of the
//! WebAssembly module, and the start does no parsing.
//!
//! The CSV files stay the source of truth: `validate` checks them, and a test checks that the
//! committed pack is the one they give and that decoding it gives every row, every source and
//! every provenance that parsing them gives. The pack holds the loaded form (positions
//! instead of ids, columns instead of rows); the index is rebuilt, it is never stored.
//!
//! The long texts (definitions, methodology, quotes, notes, table-cell places) are a second
//! pack (`texts`), which the page fetches when a reader may first open one.
//!
//! This module owns the packs' layout; it knows the stored form, no file format.

#[cfg(test)]
mod tests;
mod texts;
mod wire;

use std::sync::Arc;

use super::{Columns, Dataset, Reference};
use crate::error::Result;
use crate::model::{
    Aggregation, Better, Edition, Indicator, Origin, Pillar, Province, Qualifier, Region,
    RowFilter, Scheme, Source, TableFormat, TableSource, Unit,
};
use crate::parse::{PopulationRecord, RankRecord};
pub(crate) use texts::Texts;
pub(super) use texts::fingerprint;
use wire::{Reader, Writer};

/// The first bytes of a pack, with its layout's version.
const MAGIC: &[u8] = b"ict-compare pack 5\n";

/// The bundled dataset's two packs: the figures and everything the views draw, and the long
/// texts a reader opens one at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packs {
    /// The main pack, compiled into the engine.
    pub main: Vec<u8>,
    /// The texts pack, fetched by the page or compiled in with the `bundled-texts` feature.
    pub texts: Vec<u8>,
}

const ORIGINS: [Origin; 2] = [Origin::Bundled, Origin::User];
const SCHEMES: [Scheme; 2] = [Scheme::P63, Scheme::P34];

impl Dataset {
    /// The dataset in the binary form the engine bundles: a build step writes it, and
    /// [`Dataset::bundled`] reads it back. The same dataset always gives the same bytes.
    #[must_use]
    pub fn to_packs(&self) -> Packs {
        let texts = texts::write_body(self);
        let fingerprint = texts::fingerprint(&texts);
        let mut w = Writer::default();
        w.bytes.extend_from_slice(&fingerprint.to_le_bytes());
        write_reference(&mut w, &self.reference);
        w.count(self.indicators.len());
        for indicator in &self.indicators {
            write_indicator(&mut w, indicator);
        }
        w.count(self.sources.len());
        for (position, source) in self.sources.iter().enumerate() {
            write_source(&mut w, source);
            w.word(&self.source_origin(position), &ORIGINS);
        }
        w.texts(self.scopes.iter().map(String::as_str));
        write_columns(&mut w, &self.columns);
        let mut main = MAGIC.to_vec();
        main.extend_from_slice(&w.finish());
        Packs {
            main,
            texts: texts::framed(&texts, fingerprint),
        }
    }

    /// The dataset a main pack holds, indexed, its long texts pending
    /// ([`Dataset::attach_texts`]). Until they are attached, an answer that shows a quote, a
    /// note or a definition shows it empty: callers check [`Dataset::require_texts`] first, as
    /// the bindings do for every such answer.
    pub fn from_pack(bytes: &[u8]) -> Result<Dataset> {
        let mut r = reader(bytes);
        let fingerprint = r.eight_bytes();
        let reference = read_reference(&mut r)?;
        let indicators = r.list(read_indicator);
        let n = r.items();
        let mut sources = Vec::with_capacity(n);
        let mut source_origins = Vec::with_capacity(n);
        for _ in 0..n {
            sources.push(read_source(&mut r));
            source_origins.push(r.word(&ORIGINS, Origin::Bundled));
        }
        let mut dataset = Dataset::catalogue(Arc::new(reference), indicators, sources);
        dataset.source_origins = source_origins;
        dataset.scopes = r.strings();
        let columns = read_columns(&mut r, &dataset);
        r.finish()?;
        dataset.texts = Texts::Pending {
            fingerprint,
            indicators: dataset.indicators.len(),
            rows: columns.len(),
        };
        dataset.set_columns(columns);
        Ok(dataset)
    }

    /// The reference data of a pack, alone: what a dataset of one's own files is read over.
    pub(crate) fn reference_from_pack(bytes: &[u8]) -> Result<Reference> {
        let mut r = reader(bytes);
        r.eight_bytes();
        read_reference(&mut r)
    }
}

/// A reader of the pack's contents, past its first bytes (a damaged reader if they are not a
/// pack's of this version).
fn reader(bytes: &[u8]) -> Reader<'_> {
    if let Some(contents) = bytes.strip_prefix(MAGIC) {
        return Reader::new(contents);
    }
    let mut r = Reader::new(bytes);
    r.fail("not a pack of this version");
    r
}

fn write_reference(w: &mut Writer, reference: &Reference) {
    w.count(reference.provinces().len());
    for p in reference.provinces() {
        w.province(p.id);
        w.text(&p.name);
        w.text(&p.name_full);
        w.text(&p.slug);
        w.optional_text(p.region.as_deref());
        w.optional_province(p.merged_into);
        w.count(p.merged_from.len());
        for &member in &p.merged_from {
            w.province(member);
        }
        w.texts(p.aliases.iter().map(String::as_str));
    }
    w.count(reference.regions().len());
    for region in reference.regions() {
        w.text(&region.code);
        w.text(&region.name_vi);
        w.text(&region.name_en);
    }
    // Column by column, as the observations are: a province's records lie together, year
    // after year, and its figures, alike from one year to the next (its area the same), lie
    // together where gzip finds them.
    let records: Vec<&PopulationRecord> = reference.population_records().collect();
    w.count(records.len());
    for record in &records {
        w.province(record.province);
    }
    for record in &records {
        w.count(usize::from(record.year));
    }
    for record in &records {
        w.number(record.population);
    }
    for record in &records {
        w.optional_number(record.households);
    }
    for record in &records {
        w.optional_number(record.area_km2);
    }
    w.count(reference.dti().len());
    for record in reference.dti() {
        w.province(record.province);
        w.count(usize::from(record.year));
        w.count(usize::from(record.rank));
    }
}

fn read_reference(r: &mut Reader<'_>) -> Result<Reference> {
    let provinces = r.list(|r| Province {
        id: r.province(),
        name: r.string(),
        name_full: r.string(),
        slug: r.string(),
        region: r.optional_string(),
        merged_into: r.optional_province(),
        merged_from: r.list(Reader::province),
        aliases: r.strings(),
    });
    let regions = r.list(|r| Region {
        code: r.string(),
        name_vi: r.string(),
        name_en: r.string(),
    });
    // The records, then each of their columns in turn.
    let mut population = r.list(|r| PopulationRecord {
        province: r.province(),
        year: 0,
        population: 0.0,
        households: None,
        area_km2: None,
    });
    for record in &mut population {
        record.year = small(r);
    }
    for record in &mut population {
        record.population = r.number();
    }
    for record in &mut population {
        record.households = r.optional_number();
    }
    for record in &mut population {
        record.area_km2 = r.optional_number();
    }
    let dti = r.list(|r| RankRecord {
        province: r.province(),
        year: small(r),
        rank: small(r),
    });
    r.check()?;
    Reference::from_parts(provinces, regions, population, dti)
}

/// A year or a rank: a whole number that fits in 16 bits.
fn small(r: &mut Reader<'_>) -> u16 {
    let n = r.count();
    u16::try_from(n).unwrap_or_else(|_| {
        r.fail("a year or rank too large");
        0
    })
}

fn write_indicator(w: &mut Writer, x: &Indicator) {
    w.text(&x.id);
    w.text(&x.family);
    w.word(&x.pillar, Pillar::ALL);
    w.text(&x.name_vi);
    w.text(&x.name_en);
    w.word(&x.unit, Unit::ALL);
    w.optional_text(x.denominator.as_deref());
    w.text(&x.aggregation.to_string());
    w.word(&x.better, Better::ALL);
    w.optional_text(x.part_of.as_deref());
    w.count(x.editions.len());
    for edition in &x.editions {
        w.text(&edition.id);
        w.period(edition.first);
        w.optional_period(edition.last);
        w.text(&edition.note_vi);
        w.text(&edition.note_en);
    }
}

fn read_indicator(r: &mut Reader<'_>) -> Indicator {
    Indicator {
        id: r.string(),
        family: r.string(),
        pillar: r.word(Pillar::ALL, Pillar::Infrastructure),
        name_vi: r.string(),
        name_en: r.string(),
        unit: r.word(Unit::ALL, Unit::Count),
        denominator: r.optional_string(),
        aggregation: {
            let text = r.text();
            text.parse::<Aggregation>().unwrap_or_else(|()| {
                r.fail("not an aggregation rule");
                Aggregation::None
            })
        },
        better: r.word(Better::ALL, Better::None),
        part_of: r.optional_string(),
        // In the texts pack.
        definition_vi: String::new(),
        definition_en: String::new(),
        methodology_vi: String::new(),
        methodology_en: String::new(),
        editions: r.list(|r| Edition {
            id: r.string(),
            first: r.period(),
            last: r.optional_period(),
            note_vi: r.string(),
            note_en: r.string(),
        }),
    }
}

fn write_source(w: &mut Writer, s: &Source) {
    w.text(&s.id);
    w.text(&s.title);
    w.text(&s.outlet);
    w.text(&s.author);
    w.optional_period(s.published);
    w.optional_text(s.url.as_deref());
    w.optional_province(s.province);
    w.text(&s.file);
    w.text(&s.language);
    w.flag(s.table.is_some());
    if let Some(t) = &s.table {
        w.word(&t.format, TableFormat::ALL);
        w.text(&t.row_key);
        w.flag(t.row_filter.is_some());
        if let Some(filter) = &t.row_filter {
            w.text(&filter.column);
            w.text(&filter.value);
        }
        w.word(&t.scheme, &SCHEMES);
        w.period(t.period);
        w.text(&t.attribution);
        w.text(&t.copied_from);
    }
}

fn read_source(r: &mut Reader<'_>) -> Source {
    Source {
        id: r.string(),
        title: r.string(),
        outlet: r.string(),
        author: r.string(),
        published: r.optional_period(),
        url: r.optional_string(),
        province: r.optional_province(),
        file: r.string(),
        language: r.string(),
        table: r.flag().then(|| TableSource {
            format: r.word(TableFormat::ALL, TableFormat::Csv),
            row_key: r.string(),
            row_filter: r.flag().then(|| RowFilter {
                column: r.string(),
                value: r.string(),
            }),
            scheme: r.word(&SCHEMES, Scheme::P63),
            period: r.period(),
            attribution: r.string(),
            copied_from: r.string(),
        }),
    }
}

/// The columns one after the other, so that like values sit together and compress well.
fn write_columns(w: &mut Writer, c: &Columns) {
    let n = c.len();
    w.count(n);
    // Ids follow a pattern (`dti-2022-001`, `dti-2022-002`): each is written as the length of
    // the start it shares with the id before, then the rest.
    let mut previous = "";
    for row in 0..n {
        let id = c.id.get(row);
        let shared = id.floor_char_boundary(
            id.bytes()
                .zip(previous.bytes())
                .take_while(|(a, b)| a == b)
                .count(),
        );
        w.count(shared);
        w.text(&id[shared..]);
        previous = id;
    }
    c.province.iter().for_each(|&p| w.count(usize::from(p)));
    c.indicator.iter().for_each(|&i| w.count(usize::from(i)));
    c.period.iter().for_each(|&p| w.period(p));
    c.qualifier.iter().for_each(|q| w.word(q, Qualifier::ALL));
    c.is_target.iter().for_each(|t| w.flag(t));
    c.scope.iter().for_each(|s| w.count(s as usize));
    c.source.iter().for_each(|&s| w.count(usize::from(s)));
    // The quotes, notes and table-cell places are in the texts pack; the cells' texts are
    // here, since most figures are read from them.
    for row in 0..n {
        w.text(c.cell.get(row));
    }
    // A table's figure is most often its cell's text read as a number: then none is
    // written, and the reader reads the cell.
    for (row, &value) in c.value.iter().enumerate() {
        let cell = wire::exact_decimal(c.cell.get(row));
        let cells = cell.map(f64::to_bits) == Some(value.to_bits());
        w.optional_number((!cells).then_some(value));
    }
    (0..n).for_each(|row| w.optional_number(c.out_of(row)));
    c.origin.iter().for_each(|o| w.word(&o, &ORIGINS));
}

/// Reads the columns, every position checked against the list it points into.
fn read_columns(r: &mut Reader<'_>, dataset: &Dataset) -> Columns {
    let n = r.items();
    let mut c = Columns::default();
    let mut id = String::new();
    for _ in 0..n {
        let shared = r.count();
        if id.is_char_boundary(shared) {
            id.truncate(shared);
        } else {
            r.fail("an id sharing more than the one before");
            id.clear();
        }
        id.push_str(r.text());
        c.id.push(&id);
    }
    c.province = r.positions(n, dataset.reference.provinces().len());
    c.indicator = r.positions(n, dataset.indicators.len());
    c.period = r.column(n, Reader::period);
    c.qualifier = r.column(n, |r| r.word(Qualifier::ALL, Qualifier::Exact));
    c.is_target = (0..n).map(|_| r.flag()).collect();
    c.scope = (0..n)
        .map(|_| r.position(dataset.scopes.len()) as u32)
        .collect();
    c.source = r.positions(n, dataset.sources.len());
    for _ in 0..n {
        c.cell.push(r.text());
        for arena in [
            &mut c.quote,
            &mut c.note,
            &mut c.table_row,
            &mut c.table_column,
        ] {
            arena.push("");
        }
    }
    c.value = Vec::with_capacity(n);
    for row in 0..n {
        let value = match r.optional_number() {
            None => r.number_in(c.cell.get(row)),
            Some(value) => value,
        };
        c.value.push(value);
    }
    c.wholes = (0..n)
        .map(|_| r.optional_number().unwrap_or(f64::NAN))
        .collect();
    c.origin = (0..n).map(|_| r.word(&ORIGINS, Origin::Bundled)).collect();
    c
}
