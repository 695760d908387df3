//! `DatasetLoader` in the browser: a text in pieces, as bytes or as strings of any length, gives
//! the dataset or the error of the whole text.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{get, spec};
use ict_compare::bindings_for_tests::{JsDataset, JsDatasetLoader};

/// `text` with a note in Vietnamese on every row (the header's column named `note`).
fn with_notes(text: &str) -> String {
    text.replace('\n', ",Trà Vinh ước\n")
        .replacen(",Trà Vinh ước\n", ",note\n", 1)
}

#[wasm_bindgen_test]
fn a_text_loaded_in_pieces_gives_the_dataset_or_the_error_of_the_whole() {
    let indicators = ict_compare::synthetic_indicators();
    let sources = ict_compare::synthetic_sources();
    let text = ict_compare::synthetic_observations(500, 7);
    let whole = JsDataset::from_csv(&text, &indicators, &sources).expect("loads whole");
    let mut loader =
        JsDatasetLoader::new(&indicators, &sources, text.len() as u32).expect("a loader");
    for piece in text.as_bytes().chunks(97) {
        let piece = js_sys::JsString::from(std::str::from_utf8(piece).expect("ASCII"));
        loader.push(&piece).expect("a piece");
    }
    let pieces = loader.finish().expect("loads in pieces");
    assert_eq!(pieces.size(), 500);
    let question = spec(r#"{"indicator":"ind_001","groupBy":"year"}"#);
    let same = |d: &JsDataset| js_sys::JSON::stringify(&d.aggregate(&question).expect("answers"));
    assert_eq!(same(&pieces).ok(), same(&whole).ok());
    // The answer of what `feed` gives a new loader.
    let answer_of = |feed: &dyn Fn(&mut JsDatasetLoader)| {
        let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
        feed(&mut loader);
        same(&loader.finish().expect("loads")).ok()
    };
    // The same text as bytes, in pieces that cut characters (a note in Vietnamese).
    let noted = with_notes(&text);
    let whole = JsDataset::from_csv(&noted, &indicators, &sources).expect("loads whole");
    let bytes = answer_of(&|loader| {
        for piece in noted.as_bytes().chunks(7) {
            loader
                .push_bytes(&js_sys::Uint8Array::from(piece))
                .expect("a piece of bytes");
        }
    });
    assert_eq!(bytes, same(&whole).ok());
    // And as text, in pieces of a few characters: each is written into the engine as UTF-8.
    let characters: Vec<char> = noted.chars().collect();
    let text_pieces = answer_of(&|loader| {
        for piece in characters.chunks(5) {
            let piece: String = piece.iter().collect();
            loader
                .push(&js_sys::JsString::from(piece.as_str()))
                .expect("a piece of text");
        }
    });
    assert_eq!(text_pieces, same(&whole).ok());

    // A text longer than the engine writes at once, pushed whole: it is written in parts,
    // none ending inside a character.
    let long_text = with_notes(&ict_compare::synthetic_observations(60_000, 7));
    assert!(long_text.len() > 3 << 20, "{}", long_text.len());
    let whole = JsDataset::from_csv(&long_text, &indicators, &sources).expect("loads whole");
    let text_whole = answer_of(&|loader| {
        loader
            .push(&js_sys::JsString::from(long_text.as_str()))
            .expect("the whole text");
    });
    assert_eq!(text_whole, same(&whole).ok());
    // And as bytes, pushed whole: copied into the engine in parts, some of which end inside a
    // character.
    let bytes_whole = answer_of(&|loader| {
        loader
            .push_bytes(&js_sys::Uint8Array::from(long_text.as_bytes()))
            .expect("the whole file's bytes");
    });
    assert_eq!(bytes_whole, same(&whole).ok());
    // Anything but a string is refused, and the loader takes no more.
    let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
    let number: js_sys::JsString = JsValue::from_f64(7.0).unchecked_into();
    assert!(loader.push(&number).is_err());
    assert!(loader.push(&js_sys::JsString::from("")).is_err());

    // The first row's source, not the header's `source_id`.
    let body = text.find('\n').expect("a header line");
    let (header, rows) = text.split_at(body);
    let bad = format!("{header}{}", rows.replacen(",s", ",nowhere", 1));
    let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
    let (head, tail) = bad.split_at(bad.len() / 2);
    let error = loader
        .push(&js_sys::JsString::from(head))
        .expect_err("the unknown source is refused");
    let cause = get(&error, "cause");
    assert_eq!(
        get(&cause, "kind").as_string().as_deref(),
        Some("unknownSource")
    );
    assert_eq!(get(&cause, "line").as_f64(), Some(2.0));
    assert!(
        loader.push(&js_sys::JsString::from(tail)).is_err(),
        "a failed loader takes no more"
    );
}

#[wasm_bindgen_test]
fn a_long_string_is_never_cut_inside_a_character() {
    use ict_compare::bindings_for_tests::PART;

    let indicators = ict_compare::synthetic_indicators();
    let sources = ict_compare::synthetic_sources();
    let rows = ict_compare::synthetic_observations(4_000, 11);
    let (header, body) = rows.split_at(rows.find('\n').expect("a header") + 1);
    // Rows with a note, then, where the string is cut into parts, a note of emoji (two UTF-16
    // units each) whose first high surrogate is the part's last unit, or the one before it.
    let part = PART as usize;
    for before in [1, 2] {
        let mut text = format!("{},note\n", header.trim_end());
        let mut lines = body.lines();
        while text.encode_utf16().count() < part - 200 {
            text.push_str(lines.next().expect("rows enough"));
            text.push_str(",Trà Vinh ước\n");
        }
        let row = lines.next().expect("rows enough");
        text.push_str(row);
        text.push(',');
        let padding = part - before - text.encode_utf16().count();
        text.push_str(&"x".repeat(padding));
        text.push_str("📶📶📶\n");
        for line in lines.take(500) {
            text.push_str(line);
            text.push_str(",📶 ước\n");
        }
        let high = text.encode_utf16().nth(part - before);
        assert!(high.is_some_and(|unit| (0xd800..0xdc00).contains(&unit)));

        let whole = JsDataset::from_csv(&text, &indicators, &sources).expect("loads whole");
        let mut loader = JsDatasetLoader::new(&indicators, &sources, 0).expect("a loader");
        loader
            .push(&js_sys::JsString::from(text.as_str()))
            .expect("the whole text");
        let pieces = loader.finish().expect("loads in parts");
        let notes = |d: &JsDataset| {
            let list = d.observations().expect("the figures");
            js_sys::JSON::stringify(&list)
                .ok()
                .and_then(|t| t.as_string())
        };
        let (parts, whole) = (notes(&pieces), notes(&whole));
        assert!(whole.as_deref().is_some_and(|t| t.contains("📶📶📶")));
        assert_eq!(parts, whole);
    }
}
