//! The bundled dataset against its reports: every quote occurs in its source, every value and
//! qualifier follows from its quote, every exclusion is a real sentence, and the known
//! inconsistencies of the reports are found.
#![cfg(not(target_arch = "wasm32"))]

mod data_folder;

use std::collections::HashMap;

use data_folder::{Data, read};
use ict_compare::{Dataset, ErrorKind, consistency, provenance};

/// The provenance errors of a data folder's observations.
fn provenance_errors(data: &Data) -> Vec<ict_compare::Error> {
    let dataset = data.dataset().expect("loads");
    provenance(
        &dataset,
        data.get("observations.csv"),
        "observations.csv",
        &source_texts(&dataset),
    )
    .expect("parses")
}

fn source_texts(dataset: &Dataset) -> HashMap<String, String> {
    dataset
        .sources()
        .iter()
        .map(|s| (s.id.clone(), read(&s.file)))
        .collect()
}

#[test]
fn the_files_on_disk_are_the_bundled_dataset() {
    let from_disk = Data::load().dataset().expect("the data folder loads");
    let bundled = Dataset::bundled().expect("the bundled dataset loads");
    assert_eq!(
        from_disk.observations().collect::<Vec<_>>(),
        bundled.observations().collect::<Vec<_>>()
    );
}

#[test]
fn every_quote_is_in_its_report_and_states_its_value() {
    let data = Data::load();
    let errors = provenance_errors(&data);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages.is_empty(),
        "provenance errors:\n{}",
        messages.join("\n")
    );
}

#[test]
fn provenance_catches_a_misread_value_and_a_wrong_qualifier() {
    let data = Data::load();
    let original = data.get("observations.csv");
    // Change the value of the Quảng Bình computer count: 7301 → 7310.
    let misread = original.replacen(",7301,", ",7310,", 1);
    assert_ne!(misread, original, "the row to corrupt exists");
    let data = Data::load().with("observations.csv", misread);
    let errors = provenance_errors(&data);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        matches!(errors[0].kind(), ErrorKind::InvalidValue { column, .. } if column == "value")
    );
    assert!(errors[0].to_string().contains("7301"), "{}", errors[0]);

    // A quote that is not verbatim (diacritics stripped) is refused.
    let edited = original.replacen("7.301 máy tính", "7.301 may tinh", 1);
    let data = Data::load().with("observations.csv", edited);
    let errors = provenance_errors(&data);
    assert!(
        matches!(errors.as_slice(), [e] if matches!(e.kind(), ErrorKind::QuoteNotInSource { .. })),
        "{errors:?}"
    );
}

#[test]
fn every_exclusion_quotes_its_report() {
    let dataset = Dataset::bundled().expect("loads");
    let texts = source_texts(&dataset);
    let exclusions = read("exclusions.csv");
    let reader = exclusions.lines().skip(1);
    let mut count = 0;
    // Exclusion quotes are simple enough to split by hand: `source,"quote",reason`.
    for line in reader {
        let (source, rest) = line.split_once(',').expect("a source id");
        let quote = if let Some(quoted) = rest.strip_prefix('"') {
            quoted
                .split_once("\",")
                .map(|(q, _)| q.replace("\"\"", "\""))
                .expect("a closed quote")
        } else {
            rest.split_once(',')
                .map(|(q, _)| q.to_owned())
                .expect("a reason")
        };
        assert!(
            texts[source].contains(&quote),
            "exclusion {quote:?} is not in {source}"
        );
        count += 1;
    }
    assert!(count > 50, "{count} exclusions");
}

#[test]
fn more_than_a_hundred_figures_from_all_five_reports() {
    let dataset = Dataset::bundled().expect("loads");
    assert!(dataset.len() > 100, "{} observations", dataset.len());
    assert!(
        dataset.observations().all(|o| !o.id.is_empty()),
        "every bundled figure has an id"
    );
    for source in dataset.sources() {
        assert!(
            dataset.observations().any(|o| o.source == source.id),
            "{} has figures",
            source.id
        );
    }
}

#[test]
fn achievements_are_not_dated_after_their_report() {
    let dataset = Dataset::bundled().expect("loads");
    // Every report is dated; a published table need not be (its period is checked at load).
    let published: HashMap<&str, _> = dataset
        .sources()
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.published?)))
        .collect();
    assert_eq!(published.len(), 5, "the five reports are dated");
    for o in dataset.observations().filter(|o| !o.is_target) {
        let Some(&limit) = published.get(o.source.as_str()) else {
            continue;
        };
        assert!(
            o.period.calendar_year() <= limit.calendar_year(),
            "{} is dated {} after {limit}",
            o.id,
            o.period
        );
    }
}

#[test]
fn look_alike_figures_are_separate_indicators_of_one_family() {
    let dataset = Dataset::bundled().expect("loads");
    let smartphones: Vec<_> = dataset
        .indicators()
        .iter()
        .filter(|i| i.family == "smartphone_ownership")
        .collect();
    assert!(smartphones.len() >= 3, "{smartphones:?}");
    let mut denominators: Vec<_> = smartphones.iter().map(|i| i.denominator.clone()).collect();
    denominators.sort();
    denominators.dedup();
    assert_eq!(
        denominators.len(),
        smartphones.len(),
        "each has its own denominator"
    );
}

#[test]
fn server_counts_of_unstated_kind_are_not_set_beside_virtual_ones() {
    let dataset = Dataset::bundled().expect("loads");
    let indicator_of = |id: &str| {
        dataset
            .observations()
            .find(|o| o.id == id)
            .map(|o| o.indicator)
            .expect("the figure")
    };
    // Trà Vinh's 171 servers (140 of them virtual) and Hải Dương's 37 of unstated kind.
    let (tra_vinh, hai_duong) = (indicator_of("tv-2023-015"), indicator_of("hd-2016-012"));
    assert_ne!(tra_vinh, hai_duong);
    let family = |id: &str| dataset.indicator(id).map(|i| i.family.clone());
    assert_eq!(family(&tra_vinh), family(&hai_duong));
    let unstated = dataset.indicator(&hai_duong).expect("an indicator");
    assert_eq!(unstated.aggregation, ict_compare::Aggregation::None);
}

#[test]
fn consistency_reports_the_computers_that_do_not_add_up() {
    let dataset = Dataset::bundled().expect("loads");
    let findings = consistency(&dataset);
    let computers = findings.iter().find(|f| {
        f.kind == "partsDoNotAddUp" && f.message.contains("7194") && f.message.contains("7301")
    });
    assert!(computers.is_some(), "{findings:#?}");
    assert!(
        findings.iter().all(|f| f.kind != "duplicate"),
        "{findings:#?}"
    );
}

#[test]
fn consistency_reports_a_duplicate() {
    let data = Data::load();
    let observations = data.get("observations.csv").to_owned();
    let row = observations
        .lines()
        .find(|l| l.contains(",7301,"))
        .expect("the row")
        .to_owned();
    let doubled = format!(
        "{observations}{}\n",
        row.replacen("qb-2023-", "qb-2023-9", 1)
    );
    let dataset = Data::load()
        .with("observations.csv", doubled)
        .dataset()
        .expect("loads");
    assert!(consistency(&dataset).iter().any(|f| f.kind == "duplicate"));
}
