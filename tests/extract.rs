//! The extraction assistant measured on the five bundled reports against the dataset's own
//! `observations.csv` and `exclusions.csv`: the dataset is the reference.
//!
//! Thresholds (docs/EXTRACTION.md): at least 98 % of the observations found (a candidate of the
//! same value inside the observation's quote), their qualifiers right for at least 98 %, every
//! target flagged and targets agreed on for at least 98 %, and at least 90 % of the excluded
//! numbers given a not-a-figure reason of the right kind. The scores are printed
//! (`cargo test --test extract -- --nocapture`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;

use ict_compare::{
    Candidate, Dataset, ExtractOptions, Extraction, Observation, Reason, Suggester, Unit,
    extract_with,
};

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/data/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fields of one CSV line without line breaks inside fields (true of exclusions.csv).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(field) = out.last_mut() {
                    field.push('"');
                }
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => {
                if let Some(field) = out.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    out
}

/// The kinds of reason an exclusion's stated reason accepts, read from its words.
fn accepted(reason: &str) -> Vec<Reason> {
    let reason = reason.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| reason.contains(w));
    let mut kinds = Vec::new();
    for (kind, words) in [
        (
            Reason::Date,
            &["date", "year", "period", "horizon", "target", " day"][..],
        ),
        (
            Reason::DocumentNumber,
            &["document number", "decree number", "and number of"][..],
        ),
        (Reason::Duration, &["duration", "age of"][..]),
        (
            Reason::Name,
            &["name", "title", "ordinal", "version", "protocol", "phases"][..],
        ),
        (
            Reason::Structure,
            &["classification", "pillars", "phases"][..],
        ),
        (
            Reason::Elsewhere,
            &["nationwide", "national", "provinces", "ministry", "country"][..],
        ),
        (Reason::NotIct, &["not ict"][..]),
        (Reason::Restatement, &["restates"][..]),
        (Reason::Contact, &["link", "hotline"][..]),
        (
            Reason::PageFurniture,
            &["page furniture", "appended", "link"][..],
        ),
    ] {
        if has(words) {
            kinds.push(kind);
        }
    }
    kinds
}

/// Byte starts of the written numbers of `quote`: runs of digits joined by `.`, `,`, `/`, `:`
/// or `-` (a date or a document number is one written number).
fn written_numbers(quote: &str) -> Vec<usize> {
    let bytes = quote.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            starts.push(i);
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b'.' | b',' | b'/' | b':' | b'-')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    starts
}

fn char_at(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn occurrences(text: &str, quote: &str) -> Vec<std::ops::Range<usize>> {
    text.match_indices(quote)
        .map(|(i, q)| char_at(text, i)..char_at(text, i) + q.chars().count())
        .collect()
}

#[derive(Default)]
struct Scores {
    observations: usize,
    found: usize,
    qualifiers: usize,
    targets_total: usize,
    targets_flagged: usize,
    targets_agreed: usize,
    periods: usize,
    units: usize,
    top1: usize,
    top3: usize,
    quotes_exact: usize,
    quotes_overlapping: usize,
    excluded: usize,
    excluded_right: usize,
    excluded_wrong: Vec<String>,
    missed: Vec<String>,
    wrong_qualifiers: Vec<String>,
    candidates: usize,
    unmatched_candidates: usize,
    other: Vec<String>,
}

fn pct(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Each report's text and what the extractor finds in it.
type Extractions = BTreeMap<String, (String, Extraction)>;

fn score() -> Scores {
    let dataset = Dataset::bundled().expect("the bundled dataset loads");
    let mut scores = Scores::default();
    let extractions = extract_all(&dataset);
    score_observations(&dataset, &extractions, &mut scores);
    score_exclusions(&extractions, &mut scores);
    scores
}

fn extract_all(dataset: &Dataset) -> Extractions {
    let suggester = Suggester::new(dataset.indicators());
    let mut extractions = Extractions::new();
    // The reports, not the published tables: their figures are cells, not sentences.
    for source in dataset.sources().iter().filter(|s| !s.is_table()) {
        let text = read(&source.file);
        let options = ExtractOptions::for_report(
            source.province,
            source.published,
            dataset.reference().provinces(),
        );
        let extraction = extract_with(&text, &suggester, &options);
        extractions.insert(source.id.clone(), (text, extraction));
    }
    extractions
}

fn score_observations(dataset: &Dataset, extractions: &Extractions, scores: &mut Scores) {
    let units: HashMap<&str, Unit> = dataset
        .indicators()
        .iter()
        .map(|i| (i.id.as_str(), i.unit))
        .collect();
    let mut matched_candidates: HashSet<(String, usize)> = HashSet::new();
    // The report figures: those of published tables are cells, not sentences of a report.
    for observation in dataset.observations().filter(|o| o.cell.is_none()) {
        scores.observations += 1;
        let (text, extraction) = &extractions[&observation.source];
        let unit = units[observation.indicator.as_str()];
        let places = occurrences(text, &observation.quote);
        let matches = |c: &Candidate| {
            places
                .iter()
                .any(|q| q.start <= c.span.start && c.span.end <= q.end)
                && c.value_in(unit).is_some_and(|v| {
                    (v - observation.value).abs() <= 1e-9 * observation.value.abs().max(1.0)
                })
        };
        if observation.is_target {
            scores.targets_total += 1;
        }
        // One candidate per observation where the text allows: a quote stating two figures of the
        // same value ("100% cấp huyện, 100% cấp xã") has two candidates.
        let unmatched = |(i, c): &(usize, &Candidate)| {
            matches(c) && !matched_candidates.contains(&(observation.source.clone(), *i))
        };
        let first = extraction.candidates.iter().enumerate().find(unmatched);
        let Some((index, candidate)) = first.or_else(|| {
            extraction
                .candidates
                .iter()
                .enumerate()
                .find(|(_, c)| matches(c))
        }) else {
            scores.missed.push(format!(
                "{} {} {:?}",
                observation.id, observation.value, observation.quote
            ));
            continue;
        };
        matched_candidates.insert((observation.source.clone(), index));
        scores.found += 1;
        compare(candidate, &observation, unit, &places, scores);
    }
    for (id, (_, extraction)) in extractions {
        scores.candidates += extraction.candidates.len();
        for (i, c) in extraction.candidates.iter().enumerate() {
            if !matched_candidates.contains(&(id.clone(), i)) {
                scores.unmatched_candidates += 1;
                scores.other.push(format!(
                    "{id}: extra candidate {:?} in {:?}",
                    c.written, c.quote
                ));
            }
        }
    }
}

/// Scores a candidate found for an observation.
fn compare(
    candidate: &Candidate,
    observation: &Observation,
    unit: Unit,
    places: &[std::ops::Range<usize>],
    scores: &mut Scores,
) {
    if candidate.qualifier == observation.qualifier {
        scores.qualifiers += 1;
    } else {
        scores.wrong_qualifiers.push(format!(
            "{}: {:?} for {:?}",
            observation.id, candidate.qualifier, observation.qualifier
        ));
    }
    if candidate.period != Some(observation.period)
        || candidate.value_in(unit).is_none()
        || candidate.is_target != observation.is_target
    {
        scores.other.push(format!(
            "{}: period {:?} ({:?}) for {}, unit {:?} for {unit:?}, target {}",
            observation.id,
            candidate.period.map(|p| p.to_string()),
            candidate.period_basis,
            observation.period,
            candidate.unit,
            candidate.is_target
        ));
    }
    if candidate.is_target == observation.is_target {
        scores.targets_agreed += 1;
        if observation.is_target {
            scores.targets_flagged += 1;
        }
    }
    if candidate.period == Some(observation.period) {
        scores.periods += 1;
    }
    if candidate.unit == unit || unit == Unit::VndBillion && candidate.value_in(unit).is_some() {
        scores.units += 1;
    }
    let rank = candidate
        .suggestions
        .iter()
        .position(|s| s.indicator == observation.indicator);
    scores.top1 += usize::from(rank == Some(0));
    scores.top3 += usize::from(rank.is_some_and(|r| r < 3));
    if candidate.quote == observation.quote {
        scores.quotes_exact += 1;
    }
    let q = candidate.quote_span;
    if places.iter().any(|p| q.start < p.end && p.start < q.end) {
        scores.quotes_overlapping += 1;
    }
}

fn score_exclusions(extractions: &Extractions, scores: &mut Scores) {
    let exclusions = read("exclusions.csv");
    let mut searched_from: HashMap<String, usize> = HashMap::new();
    for line in exclusions.lines().skip(1) {
        let [source, quote, reason] = <[String; 3]>::try_from(fields(line)).expect("three fields");
        let (text, extraction) = &extractions[&source];
        let from = searched_from.get(&source).copied().unwrap_or(0);
        // Exclusions are listed in order of appearance: look after the previous one first.
        let Some(at) = text[from..]
            .find(&quote)
            .map(|i| from + i)
            .or_else(|| text.find(&quote))
        else {
            panic!("exclusion {quote:?} is not in {source}");
        };
        searched_from.insert(source.clone(), at);
        let kinds = accepted(&reason);
        for start in written_numbers(&quote) {
            let position = char_at(text, at + start);
            scores.excluded += 1;
            let rejected = extraction
                .rejected
                .iter()
                .find(|r| r.span.start <= position && position < r.span.end);
            match rejected {
                Some(r) if kinds.contains(&r.reason) => scores.excluded_right += 1,
                Some(r) => scores.excluded_wrong.push(format!(
                    "{source} {quote:?}: {:?}, expected one of {kinds:?}",
                    r.reason
                )),
                None => scores.excluded_wrong.push(format!(
                    "{source} {quote:?}: proposed as a figure, expected one of {kinds:?}"
                )),
            }
        }
    }
}

#[test]
fn the_extractor_finds_the_datasets_figures_and_sets_aside_its_exclusions() {
    let s = score();
    let found = pct(s.found, s.observations);
    let qualifiers = pct(s.qualifiers, s.observations);
    let targets = pct(s.targets_agreed, s.observations);
    let excluded = pct(s.excluded_right, s.excluded);
    println!(
        "observations found at their place with their value: {}/{} ({found:.1} %)",
        s.found, s.observations
    );
    println!(
        "qualifiers right: {}/{} ({qualifiers:.1} %)",
        s.qualifiers, s.observations
    );
    println!(
        "targets flagged: {}/{}; target flag agreed: {}/{} ({targets:.1} %)",
        s.targets_flagged, s.targets_total, s.targets_agreed, s.observations
    );
    println!(
        "excluded numbers given a reason of the right kind: {}/{} ({excluded:.1} %)",
        s.excluded_right, s.excluded
    );
    println!(
        "periods right: {}/{} ({:.1} %)",
        s.periods,
        s.found,
        pct(s.periods, s.found)
    );
    println!(
        "units right: {}/{} ({:.1} %)",
        s.units,
        s.found,
        pct(s.units, s.found)
    );
    println!(
        "indicator suggested first: {}/{} ({:.1} %); among the first three: {} ({:.1} %)",
        s.top1,
        s.found,
        pct(s.top1, s.found),
        s.top3,
        pct(s.top3, s.found)
    );
    println!(
        "quotes identical to the dataset's: {} ({:.1} %); overlapping it: {} ({:.1} %)",
        s.quotes_exact,
        pct(s.quotes_exact, s.found),
        s.quotes_overlapping,
        pct(s.quotes_overlapping, s.found)
    );
    println!(
        "candidates: {}, of which not an observation: {}",
        s.candidates, s.unmatched_candidates
    );
    for line in s
        .missed
        .iter()
        .chain(&s.wrong_qualifiers)
        .chain(&s.excluded_wrong)
        .chain(&s.other)
    {
        println!("  {line}");
    }
    assert!(found >= 98.0, "found {found:.1} %");
    assert!(qualifiers >= 98.0, "qualifiers {qualifiers:.1} %");
    assert_eq!(s.targets_flagged, s.targets_total, "every target flagged");
    assert!(targets >= 98.0, "target flag {targets:.1} %");
    assert!(excluded >= 90.0, "exclusions {excluded:.1} %");
}

#[test]
fn every_reason_is_worded_in_both_languages_of_the_page_and_typed() {
    let words = read("../www/i18n/add-report.js");
    let types = read("../src/bindings/extractor.rs");
    for reason in Reason::ALL {
        let name = reason.as_str();
        let worded = words.matches(&format!(" {name}: '")).count();
        assert_eq!(
            worded, 2,
            "{name}: worded {worded} times, once a language wanted"
        );
        assert!(
            types.contains(&format!("\"{name}\"")),
            "{name} missing from the Reason type"
        );
    }
}
