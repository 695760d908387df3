use super::*;
use crate::dataset::{DatasetFiles, bundled};

/// The files of `data/` as they are on disk now, not as they were compiled in.
fn data_folder() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    DatasetFiles::NAMES
        .iter()
        .map(|name| std::fs::read_to_string(root.join(name)).unwrap())
        .collect()
}

#[test]
fn the_bundled_pack_is_the_one_the_data_files_give() {
    let texts = data_folder();
    let files = DatasetFiles::from_names(|name| {
        let at = DatasetFiles::NAMES.iter().position(|n| *n == name).unwrap();
        texts[at].as_str()
    });
    let packs = Dataset::from_files(&files).unwrap().to_packs();
    assert!(
        packs.main == bundled::PACK,
        "src/dataset/bundled.pack is not the pack of data/: run `make pack`"
    );
    let texts = include_bytes!("../bundled-texts.pack");
    assert!(
        packs.texts == texts,
        "src/dataset/bundled-texts.pack is not the texts of data/: run `make pack`"
    );
}

#[test]
fn decoding_the_pack_gives_what_parsing_the_files_gives() {
    let parsed = Dataset::from_files(&bundled::FILES).unwrap();
    let packs = parsed.to_packs();
    let mut packed = Dataset::from_pack(&packs.main).unwrap();
    assert!(packed.texts_pending());
    packed.attach_texts(&packs.texts).unwrap();
    assert!(!packed.texts_pending());
    assert!(packed.len() > 700);
    assert_eq!(packed.len(), parsed.len());
    for row in 0..parsed.len() {
        assert_eq!(
            packed.observation(row),
            parsed.observation(row),
            "row {row}"
        );
        let (a, b) = (packed.row(row).unwrap(), parsed.row(row).unwrap());
        assert_eq!(a.value.to_bits(), b.value.to_bits(), "row {row}");
        assert_eq!(a.out_of.map(f64::to_bits), b.out_of.map(f64::to_bits));
        assert_eq!(packed.row_text(row), parsed.row_text(row));
    }
    assert_eq!(packed.indicators(), parsed.indicators());
    assert_eq!(packed.sources(), parsed.sources());
    assert_eq!(packed.source_origins, parsed.source_origins);
    assert_eq!(packed.scopes, parsed.scopes);
    assert_eq!(packed.indicator_ids, parsed.indicator_ids);
    assert_eq!(packed.source_ids, parsed.source_ids);
    let (a, b) = (packed.reference(), parsed.reference());
    assert_eq!(a.provinces(), b.provinces());
    assert_eq!(a.regions(), b.regions());
    assert_eq!(a.dti(), b.dti());
    let records = |r: &Reference| r.population_records().copied().collect::<Vec<_>>();
    assert_eq!(records(a), records(b));
    assert!(records(a).len() > 300);
    for province in b.provinces() {
        assert_eq!(a.position(province.id), b.position(province.id));
        for year in 2015..2027 {
            assert_eq!(
                a.population(province.id, year),
                b.population(province.id, year)
            );
        }
    }
    for indicator in 0..parsed.indicators().len() as u32 {
        assert_eq!(
            packed.index().of_indicator(indicator),
            parsed.index().of_indicator(indicator)
        );
    }
    assert_eq!(packed.to_packs(), packs);
}

#[test]
fn the_bundled_dataset_is_the_pack_decoded() {
    let bundled = Dataset::bundled().unwrap();
    let parsed = Dataset::from_files(&bundled::FILES).unwrap();
    assert_eq!(
        bundled.texts_pending(),
        cfg!(not(feature = "bundled-texts"))
    );
    if !bundled.texts_pending() {
        assert_eq!(bundled.to_packs(), parsed.to_packs());
    }
}

#[test]
fn a_damaged_pack_is_refused_not_read() {
    let pack = bundled::PACK;
    assert!(Dataset::from_pack(b"ict-compare pack 1\n").is_err());
    assert_eq!(
        Dataset::from_pack(&pack[..pack.len() - 1])
            .unwrap_err()
            .kind()
            .code(),
        "io"
    );
    assert!(Dataset::from_pack(b"ict-compare pack 0\n").is_err());
    let mut longer = pack.to_vec();
    longer.push(0);
    assert!(Dataset::from_pack(&longer).is_err());
    // Every cut short is refused, none panics.
    for end in (MAGIC.len()..pack.len()).step_by(97) {
        assert!(Dataset::from_pack(&pack[..end]).is_err(), "cut at {end}");
    }
    // A changed byte is refused or read as some other dataset, never a panic; an id that
    // claims more of the id before than it has is refused.
    for at in (MAGIC.len()..pack.len()).step_by(1009) {
        for byte in [0x00, 0x7f, 0xff] {
            let mut changed = pack.to_vec();
            changed[at] = byte;
            let _ = Dataset::from_pack(&changed);
        }
    }
    let parsed = Dataset::from_files(&bundled::FILES).unwrap();
    let mut w = Writer::default();
    w.count(2);
    w.count(0);
    w.text("ab");
    w.count(5);
    w.text("c");
    let contents = w.finish();
    let mut r = Reader::new(&contents);
    let _ = read_columns(&mut r, &parsed);
    let message = r.check().unwrap_err().to_string();
    assert!(
        message.contains("an id sharing more than the one before"),
        "{message}"
    );
}
