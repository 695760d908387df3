//! The bad-input gallery in the browser: every file refused where, and as, it is natively, and
//! the bundled data unchanged after each.

use wasm_bindgen_test::wasm_bindgen_test;

use super::{bundled, get};

/// The gallery of bad inputs, compiled in: the browser has no file system.
const GALLERY: &[(&str, &[u8])] = &[
    ("01-empty.csv", include_bytes!("../bad-inputs/01-empty.csv")),
    (
        "02-header-only.csv",
        include_bytes!("../bad-inputs/02-header-only.csv"),
    ),
    (
        "03-misspelt-header.csv",
        include_bytes!("../bad-inputs/03-misspelt-header.csv"),
    ),
    (
        "04-missing-column.csv",
        include_bytes!("../bad-inputs/04-missing-column.csv"),
    ),
    (
        "05-duplicate-column.csv",
        include_bytes!("../bad-inputs/05-duplicate-column.csv"),
    ),
    (
        "06-extra-field.csv",
        include_bytes!("../bad-inputs/06-extra-field.csv"),
    ),
    (
        "07-missing-field.csv",
        include_bytes!("../bad-inputs/07-missing-field.csv"),
    ),
    ("08-bom.csv", include_bytes!("../bad-inputs/08-bom.csv")),
    ("09-crlf.csv", include_bytes!("../bad-inputs/09-crlf.csv")),
    (
        "10-windows-1258.csv",
        include_bytes!("../bad-inputs/10-windows-1258.csv"),
    ),
    (
        "11-latin1-header.csv",
        include_bytes!("../bad-inputs/11-latin1-header.csv"),
    ),
    (
        "12-unbalanced-quote.csv",
        include_bytes!("../bad-inputs/12-unbalanced-quote.csv"),
    ),
    (
        "13-stray-quote.csv",
        include_bytes!("../bad-inputs/13-stray-quote.csv"),
    ),
    ("14-nan.csv", include_bytes!("../bad-inputs/14-nan.csv")),
    (
        "15-infinity.csv",
        include_bytes!("../bad-inputs/15-infinity.csv"),
    ),
    (
        "16-list-in-number.csv",
        include_bytes!("../bad-inputs/16-list-in-number.csv"),
    ),
    (
        "17-share-of-140.csv",
        include_bytes!("../bad-inputs/17-share-of-140.csv"),
    ),
    (
        "18-negative-count.csv",
        include_bytes!("../bad-inputs/18-negative-count.csv"),
    ),
    (
        "19-unknown-province.csv",
        include_bytes!("../bad-inputs/19-unknown-province.csv"),
    ),
    (
        "20-unknown-indicator.csv",
        include_bytes!("../bad-inputs/20-unknown-indicator.csv"),
    ),
    (
        "21-63-code-as-34-code.csv",
        include_bytes!("../bad-inputs/21-63-code-as-34-code.csv"),
    ),
    (
        "22-bare-code.csv",
        include_bytes!("../bad-inputs/22-bare-code.csv"),
    ),
    (
        "23-duplicate-id.csv",
        include_bytes!("../bad-inputs/23-duplicate-id.csv"),
    ),
    (
        "24-formula-in-text.csv",
        include_bytes!("../bad-inputs/24-formula-in-text.csv"),
    ),
    (
        "25-html-in-text.csv",
        include_bytes!("../bad-inputs/25-html-in-text.csv"),
    ),
    (
        "26-right-to-left-override.csv",
        include_bytes!("../bad-inputs/26-right-to-left-override.csv"),
    ),
    (
        "27-impossible-date.csv",
        include_bytes!("../bad-inputs/27-impossible-date.csv"),
    ),
    (
        "28-unknown-qualifier.csv",
        include_bytes!("../bad-inputs/28-unknown-qualifier.csv"),
    ),
    (
        "29-yes-as-target.csv",
        include_bytes!("../bad-inputs/29-yes-as-target.csv"),
    ),
    (
        "30-thousands-separator-in-count.csv",
        include_bytes!("../bad-inputs/30-thousands-separator-in-count.csv"),
    ),
    (
        "31-empty-province.csv",
        include_bytes!("../bad-inputs/31-empty-province.csv"),
    ),
    (
        "32-part-above-whole.csv",
        include_bytes!("../bad-inputs/32-part-above-whole.csv"),
    ),
    (
        "33-exponent.csv",
        include_bytes!("../bad-inputs/33-exponent.csv"),
    ),
    (
        "34-semicolons.csv",
        include_bytes!("../bad-inputs/34-semicolons.csv"),
    ),
    (
        "35-quote-not-in-source.csv",
        include_bytes!("../bad-inputs/35-quote-not-in-source.csv"),
    ),
    (
        "36-year-as-words.csv",
        include_bytes!("../bad-inputs/36-year-as-words.csv"),
    ),
    (
        "37-ambiguous-grouping.csv",
        include_bytes!("../bad-inputs/37-ambiguous-grouping.csv"),
    ),
    (
        "38-count-of-1e308.csv",
        include_bytes!("../bad-inputs/38-count-of-1e308.csv"),
    ),
    (
        "39-share-150-of-200.csv",
        include_bytes!("../bad-inputs/39-share-150-of-200.csv"),
    ),
    (
        "40-carriage-returns-only.csv",
        include_bytes!("../bad-inputs/40-carriage-returns-only.csv"),
    ),
    (
        "41-utf16-without-bom.csv",
        include_bytes!("../bad-inputs/41-utf16-without-bom.csv"),
    ),
    (
        "42-utf16-with-bom.csv",
        include_bytes!("../bad-inputs/42-utf16-with-bom.csv"),
    ),
    (
        "43-zero-width-space-in-id.csv",
        include_bytes!("../bad-inputs/43-zero-width-space-in-id.csv"),
    ),
    (
        "44-byte-order-mark-in-source-id.csv",
        include_bytes!("../bad-inputs/44-byte-order-mark-in-source-id.csv"),
    ),
    (
        "45-direction-override-in-indicator.csv",
        include_bytes!("../bad-inputs/45-direction-override-in-indicator.csv"),
    ),
    (
        "46-figure-dated-after-its-report.csv",
        include_bytes!("../bad-inputs/46-figure-dated-after-its-report.csv"),
    ),
    (
        "47-province-not-of-its-report.csv",
        include_bytes!("../bad-inputs/47-province-not-of-its-report.csv"),
    ),
    (
        "48-english-thousands.csv",
        include_bytes!("../bad-inputs/48-english-thousands.csv"),
    ),
    (
        "49-bundled-source-id.csv",
        include_bytes!("../bad-inputs/49-bundled-source-id.csv"),
    ),
    (
        "50-bundled-observation-id.csv",
        include_bytes!("../bad-inputs/50-bundled-observation-id.csv"),
    ),
    (
        "51-cell-without-column.csv",
        include_bytes!("../bad-inputs/51-cell-without-column.csv"),
    ),
    (
        "52-quote-and-cell.csv",
        include_bytes!("../bad-inputs/52-quote-and-cell.csv"),
    ),
    (
        "53-index-score-as-percent.csv",
        include_bytes!("../bad-inputs/53-index-score-as-percent.csv"),
    ),
    (
        "54-score-below-its-scale.csv",
        include_bytes!("../bad-inputs/54-score-below-its-scale.csv"),
    ),
    (
        "55-published-table-other-year.csv",
        include_bytes!("../bad-inputs/55-published-table-other-year.csv"),
    ),
    (
        "56-published-table-without-cell.csv",
        include_bytes!("../bad-inputs/56-published-table-without-cell.csv"),
    ),
];

#[wasm_bindgen_test]
fn the_bad_input_gallery_fails_in_the_browser_as_it_does_natively() {
    let bundled = bundled();
    let size = bundled.size();
    let expected = include_str!("../bad-inputs/expected.csv");
    assert_eq!(
        GALLERY.len(),
        expected.lines().count() - 1,
        "every file is compiled in"
    );
    for line in expected.lines().skip(1) {
        let fields: Vec<&str> = line.splitn(5, ',').collect();
        let (file, kind) = (fields[0], fields[1]);
        let bytes = GALLERY
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, b)| *b)
            .expect("compiled in");
        // The page hands the engine the file's bytes, as here.
        let outcome = bundled.with_user_file(bytes, file);
        // A reader's file cannot cite a bundled report (`bundledId`), so every check against a
        // report's text or its conventions is decided in the page exactly as natively.
        let loads = kind.is_empty();
        match outcome {
            Ok(_) => assert!(loads, "{file} loaded, expected {kind}"),
            Err(error) => {
                assert!(!loads, "{file} failed, expected to load");
                let cause = get(&error, "cause");
                assert_eq!(
                    get(&cause, "kind").as_string().as_deref(),
                    Some(kind),
                    "{file}"
                );
                assert_eq!(
                    get(&cause, "line")
                        .as_f64()
                        .map(|l| l.to_string())
                        .as_deref(),
                    Some(fields[2]),
                    "{file}"
                );
                assert_eq!(
                    get(&cause, "column")
                        .as_f64()
                        .map(|c| c.to_string())
                        .as_deref(),
                    Some(fields[3]),
                    "{file}"
                );
            }
        }
        assert_eq!(
            bundled.size(),
            size,
            "{file}: the bundled data is unchanged"
        );
    }
}
