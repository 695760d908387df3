use super::*;

/// The catalogue of the synthetic files, over the bundled reference.
fn synthetic_catalogue() -> Dataset {
    Dataset::own_catalogue(&crate::synthetic_sources(), &crate::synthetic_indicators())
        .expect("the synthetic catalogue")
}

#[test]
fn room_is_made_for_the_rest_of_a_long_file_whatever_the_width_of_usize() {
    // 358 MB read in pieces of 1 MiB of 29 000 lines: about ten million rows.
    let expected = expected_rows(29_000, 1 << 20, 358_000_000 - (1 << 20));
    assert!((10_000_000..10_500_000).contains(&expected), "{expected}");
    assert_eq!(expected_rows(10, 0, 0), 10);
    assert_eq!(expected_rows(7, 100, 0), 7);
}

#[test]
fn a_long_text_read_in_pieces_loads_or_fails_as_read_whole() {
    use std::fmt::Write as _;
    const QUOTE: &str = "\"a quote,\nover two lines\"";

    let synthetic = crate::synthetic_observations(40_000, 11);
    // The same rows with a quote column, quotes over two lines around the first piece's end.
    let mut text = String::from("province,indicator_id,period,value,qualifier,source_id,quote\n");
    for line in synthetic.lines().skip(1) {
        let quote = if text.len().abs_diff(PIECE) < 300 {
            QUOTE
        } else {
            ""
        };
        let _ = writeln!(text, "{line},{quote}");
    }
    // One of them has the first piece's end inside it.
    let across = |(at, _): (usize, &str)| at < PIECE && PIECE < at + QUOTE.len();
    assert!(text.match_indices(QUOTE).any(across));
    // And with a value refused in its last row.
    let refused = format!("{text}p63:01,ind_001,2024,-5,exact,s01,\n");
    for text in [&text, &refused] {
        let read = |whole: bool| {
            let mut dataset = synthetic_catalogue();
            let taken = HashSet::default();
            let load = Load::new(&dataset, "o.csv", Origin::Bundled, text.len());
            let read = if whole {
                load.finish(&mut dataset, text, &taken)
            } else {
                load.read_all(&mut dataset, text, &taken)
            };
            match read {
                Ok(columns) => format!("{columns:?}"),
                Err(error) => format!("error {error} at {:?}", error.position()),
            }
        };
        let whole = read(true);
        assert_eq!(whole.starts_with("error"), text.len() == refused.len());
        assert_eq!(read(false), whole);
    }
}

#[test]
fn a_file_read_in_many_pieces_is_stored_without_room_grown_by_doubling() {
    let text = crate::synthetic_observations(20_000, 7);
    // Its length given, as the page gives it, given short, and not given.
    for expected_bytes in [text.len(), text.len() * 9 / 10, 0] {
        let mut dataset = synthetic_catalogue();
        let taken = HashSet::default();
        let mut load = Load::new(&dataset, "o.csv", Origin::Bundled, expected_bytes);
        // Pieces of about 100 rows: those that fit in the room left are let through
        // without counting their lines.
        for piece in text.as_bytes().chunks(4096) {
            let piece = std::str::from_utf8(piece).expect("the synthetic file is ASCII");
            load.push(&mut dataset, piece, &taken)
                .expect("a piece reads");
        }
        let columns = load
            .finish(&mut dataset, "", &taken)
            .expect("the file loads");
        assert_eq!(columns.len(), 20_000);
        // Room grown by doubling would leave about as much spare as was filled.
        assert!(
            columns.room() < columns.len() / 20,
            "{expected_bytes} bytes expected: {} rows, room for {} more",
            columns.len(),
            columns.room()
        );
    }
}

#[test]
fn a_dataset_of_more_indicators_or_sources_than_the_columns_hold_is_refused_where_one_is_named() {
    use std::fmt::Write as _;
    const HELD: usize = 1 << 16;

    let mut indicators = crate::synthetic_indicators();
    for i in 0..=HELD {
        let _ = writeln!(
            indicators,
            "many_{i},f,infrastructure,v,e,count,,sum,higher,,d,d"
        );
    }
    // The synthetic file's indicators come first: `many_0` is at 200, and the last is past
    // the 65 536 the columns hold.
    let many = HELD - 200;
    let observations = format!(
        "province,indicator_id,period,value,source_id\n\
         p63:84,many_0,2024,1,s01\n\
         p63:84,many_{},2024,1,s01\n\
         p63:84,many_{many},2024,1,s01\n",
        many - 1
    );
    let sources = crate::synthetic_sources();
    let error = Dataset::with_bundled_reference(&sources, &indicators, &observations)
        .expect_err("an indicator past the columns' 16 bits");
    assert!(
        matches!(error.kind(), ErrorKind::InvalidValue { column, .. } if column == "indicator_id")
    );
    let at = |error: &crate::Error| error.position().map(|p| (p.file.clone(), p.line, p.field));
    assert_eq!(
        at(&error),
        Some((Some("observations.csv".into()), 4, Some(2)))
    );
    let held = observations.lines().take(3).collect::<Vec<_>>().join("\n");
    let dataset = Dataset::with_bundled_reference(&sources, &indicators, &held)
        .expect("the indicators the columns hold");
    assert_eq!(dataset.len(), 2);

    // A reader's file names a new source of its own in each row.
    let bundled = Dataset::bundled().expect("the bundled dataset");
    let first = HELD - bundled.sources.len();
    let mut file = String::from("province,indicator_id,period,value,source_id\n");
    for s in 0..=first {
        let _ = writeln!(file, "p63:84,bts_stations,2024,1,mine_{s}");
    }
    let error = bundled
        .with_user_file(&file, "mine.csv")
        .expect_err("too many sources");
    assert!(
        matches!(error.kind(), ErrorKind::InvalidValue { column, .. } if column == "source_id")
    );
    let line = u64::try_from(first).expect("a line") + 2;
    assert_eq!(at(&error), Some((Some("mine.csv".into()), line, Some(5))));
    let held = file.lines().take(first + 1).collect::<Vec<_>>().join("\n");
    let loaded = bundled
        .with_user_file(&held, "mine.csv")
        .expect("the sources the columns hold");
    assert_eq!(loaded.len(), bundled.len() + first);
}

#[test]
fn a_fractional_count_is_said_as_written_and_read_as_thousands_where_that_is_whole() {
    let sources = crate::synthetic_sources();
    let indicators = crate::synthetic_indicators();
    let count = crate::synthetic_indicator_id(0);
    let refused = |value: &str| {
        let observations = format!(
            "province,indicator_id,period,value,source_id\np63:84,{count},2024,{value},s01\n"
        );
        Dataset::with_bundled_reference(&sources, &indicators, &observations)
            .expect_err(value)
            .kind()
            .clone()
    };
    for (value, written) in [
        ("1.3", "1300"),
        ("7.301", "7301"),
        ("\"1.208,5\"", "1208500"),
    ] {
        let ErrorKind::InvalidValue { text, expected, .. } = refused(value) else {
            panic!("{value}: not an invalid value");
        };
        assert_eq!(text, value.trim_matches('"'));
        assert_eq!(
            expected,
            Allowed::WholeCount {
                found: value.trim_matches('"').to_owned(),
                written: written.to_owned()
            }
        );
    }
    // No whole number of thousands: only the rule.
    let ErrorKind::InvalidValue { expected, .. } = refused("7.3015") else {
        panic!("not an invalid value");
    };
    assert!(matches!(expected, Allowed::Words { .. }), "{expected:?}");
}
