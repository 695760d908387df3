use super::stream::is_blank;
use super::*;

#[test]
fn no_piece_of_a_file_completes_more_rows_than_its_length_allows() {
    use std::fmt::Write as _;

    // Rows about as short as rows read: one-character ids and values.
    let header = "province,indicator_id,period,value,source_id\n";
    let mut text = header.to_owned();
    for i in 0..200 {
        let _ = writeln!(text, "p63:{},a,2020,{},s", 1 + i % 9, i % 10);
    }
    let mut read = 0;
    parse_observations(&text, None, |_, _| {
        read += 1;
        Ok(())
    })
    .expect("the rows read");
    assert_eq!(read, 200);
    let body = &text[header.len()..];
    for start in (0..body.len()).step_by(7) {
        for end in (start..=body.len()).step_by(13) {
            let piece = &body[start..end];
            // The records whose line end is in the piece, and the last, ended by the text's.
            let completed = piece.matches('\n').count() + 1;
            assert!(
                completed <= most_rows(piece.len()),
                "{completed} rows in {} bytes",
                piece.len()
            );
        }
    }
}

const OBSERVATIONS_HEADER: &str = "observation_id,province,indicator_id,period,value,out_of,qualifier,is_target,scope,source_id,quote,note\n";

fn rows(body: &str) -> Result<Vec<String>> {
    let text = format!("{OBSERVATIONS_HEADER}{body}");
    let mut out = Vec::new();
    parse_observations(&text, Some("observations.csv"), |_, row| {
        out.push(format!(
            "{} {} {} {} {:?} {}",
            row.province, row.indicator, row.period, row.value, row.out_of, row.qualifier
        ));
        Ok(())
    })?;
    Ok(out)
}

#[test]
fn reads_an_observation_with_every_column() {
    let got = rows(
        "qb-2023-001,p63:44,lan_share,2022,98.7,,over,false,province,qb-2023,\"trên 98,7%\",\n",
    )
    .unwrap();
    assert_eq!(got, ["p63:44 lan_share 2022 98.7 None over"]);
}

#[test]
fn keeps_both_numbers_of_a_ratio() {
    let got = rows("x-1,p63:44,communes,2022,151,151,exact,false,province,qb-2023,151/151 xã,\n")
        .unwrap();
    assert_eq!(got, ["p63:44 communes 2022 151 Some(151.0) exact"]);
}

#[test]
fn rejects_a_bare_province_code() {
    let error = rows("x-1,84,bts,2022,1,,exact,false,province,s,q,\n").unwrap_err();
    assert_eq!(error.position().map(|p| (p.line, p.column)), Some((2, 5)));
    assert!(error.to_string().contains("p63:84"), "{error}");
}

#[test]
fn rejects_negative_and_over_whole_values() {
    let error = rows("x-1,p63:84,bts,2022,-5,,exact,false,province,s,q,\n").unwrap_err();
    assert_eq!(error.kind().code(), "implausible");
    let error = rows("x-1,p63:84,bts,2022,90,85,exact,false,province,s,q,\n").unwrap_err();
    assert_eq!(error.kind().code(), "implausible");
    // A negative whole is refused as itself, at its own field.
    let error = rows("x-1,p63:84,bts,2022,85,-5,exact,false,province,s,q,\n").unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::Implausible {
                value,
                reason: Implausibility::Negative
            } if *value == -5.0
        ),
        "{error}"
    );
    assert_eq!(error.position().and_then(|p| p.field), Some(6));
}

#[test]
fn rejects_unknown_qualifier_with_the_allowed_list() {
    let error = rows("x-1,p63:84,bts,2022,5,,roughly,false,province,s,q,\n").unwrap_err();
    assert!(
        error.to_string().contains("expected exact, over, at_least"),
        "{error}"
    );
}

#[test]
fn minimal_user_file_needs_only_the_required_columns() {
    let text =
        "province,indicator_id,period,value,source_id,observation_id\np63:01,bts,2024,12,mine,a\n";
    let mut count = 0;
    parse_observations(text, None, |_, row| {
        assert_eq!(
            (row.qualifier, row.is_target, row.scope),
            (Qualifier::Exact, false, "province")
        );
        count += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(count, 1);
}

#[test]
fn invisible_characters_in_observation_ids_are_refused() {
    let error = rows("qb-2023\u{200b}-001,p63:44,x,2022,1,,,,,qb-2023,q,\n").unwrap_err();
    assert_eq!(error.kind().code(), "invisibleCharacter");
    let error = rows("x-1,p63:44,x,2022,1,,,,,\u{feff}qb-2023,q,\n").unwrap_err();
    assert_eq!(error.position().map(|p| (p.line, p.column)), Some((2, 25)));
}

#[test]
fn a_province_id_is_checked_for_invisible_characters_before_its_shape() {
    let code = |province: &str| {
        rows(&format!("x-1,{province},x,2022,1,,,,,s,q,\n"))
            .unwrap_err()
            .kind()
            .code()
    };
    assert_eq!(code("p63:\u{200b}44"), "invisibleCharacter");
    assert_eq!(code("p63:44\u{00ad}"), "invisibleCharacter");
    assert_eq!(code("p63:4x"), "invalidValue");
    assert_eq!(code("p63:０４"), "invalidValue");
    assert_eq!(code(" "), "emptyField");
}

/// Every row, then the error if any, as text: what a reading gives, to compare readings.
fn transcript(
    read: impl FnOnce(&mut dyn FnMut(&dyn Record, ObservationRow<'_>) -> Result<()>) -> Result<()>,
) -> Vec<String> {
    let mut out = Vec::new();
    let result = read(&mut |table, row| {
        out.push(format!("{} {row:?}", table.line()));
        Ok(())
    });
    if let Err(error) = result {
        out.push(format!("error {error} {:?}", error.position()));
    }
    out
}

fn in_pieces(text: &str, size: usize) -> Vec<String> {
    transcript(|sink| {
        let mut stream = ObservationStream::new(Some("o.csv"));
        let mut rest = text;
        while !rest.is_empty() {
            let end = rest.ceil_char_boundary(size);
            let (piece, after) = rest.split_at(end);
            stream.push(piece, &mut *sink)?;
            rest = after;
        }
        stream.finish("", sink)
    })
}

/// The general reader alone, record by record: what every reading must give.
fn general(text: &str) -> Vec<String> {
    transcript(|sink| {
        if is_blank(text) {
            Table::open(text, Some("o.csv"), &OBSERVATIONS)?;
            return Ok(());
        }
        let mut table = Table::open(text, Some("o.csv"), &OBSERVATIONS)?;
        while table.next()? {
            let row = read_row(&table)?;
            sink(&table, row)?;
        }
        Ok(())
    })
}

#[test]
fn the_line_tokeniser_reads_and_places_as_the_general_reader() {
    let header = "observation_id,province,indicator_id,period,value,out_of,qualifier,is_target,scope,source_id,quote,note";
    let mut texts = Vec::new();
    for body in [
        "a-1,p63:84,bts,2022,1,,exact,false,province,s,q,\n",
        "a-1,p63:84,bts,2022,1,,exact,false,province,s,q,\r\na-2,p63:84,bts,2023,2,,,,,s,,\r\n",
        "a-1,p63:84,bts,2022,1,,exact,false,province,s,q,\ra-2,p63:84,bts,2023,x,,,,,s,,\r",
        "\n\na-1,p63:84,bts,2022,1,,exact,false,province,s,q,\n\r\n\na-2,p63:84,bts,2023,1,,,,,s,q,",
        "a-1,p63:84,bts,2022,1,,exact,false,province,s,q\n",
        "a-1,p63:84,bts,2022,1,,exact,false,province,s,q,,\n",
        "a-1,p63:84,bts,2022,1,,exact,false,province,s,\"q, \"\"r\"\"\",\n",
        "a-1,p63:84,bts,2022,1,,exact,false,province,s,q\"x,\n",
        " a-1 , p63:84 ,bts , 2022,1.5 ,,over ,true, province,s,Trà Vinh,\u{a0}\n",
        "a-1,Trà Vinh,bts,2022,1,,exact,false,province,s,q,\n",
        "Trà-1,p63:84,bts,2022,1,,exact,false,province,s,q,\n",
        "a\u{200b}1,p63:84,bts,2022,1,,exact,false,province,s,q,\n",
        "a-1,p63:84,,2022,1,,exact,false,province,s,q,\n",
        "a-1,p63:84,bts,20x2,1,,exact,false,province,s,q,\n",
        "a-1,p63:84,bts,2022,\"1,234\",,exact,false,province,s,q,\n",
        "a-1,p63:84,bts,2022,1.234.5,,exact,false,province,s,q,\n",
        "a-1,p63:84,bts,2022,-1,,exact,false,province,s,q,\n",
        "a-1,p63:84,bts,2022,9,8,exact,false,province,s,q,\n",
        "a-1,p63:84,bts,2022,5,-8,exact,false,province,s,q,\n",
        "a-1,p63:84,bts,2022,1,,roughly,false,province,s,q,\n",
        "a-1,p63:84,bts,2022,1,,exact,yes,province,s,q,\n",
        "a-1,p63:84,bts,2022,1,,exact,false,province,,q,\n",
    ] {
        texts.push(format!("{header}\n{body}"));
        texts.push(format!("\u{feff}{header}\r\n{body}"));
    }
    let short = "province,indicator_id,period,value,source_id";
    for body in [
        "p63:84,bts,2022,1,s\np63:84,bts,2022,,s\n",
        "p63:84,bts,2022,1,s,\n",
        "p63:84,bts,2022,1\n",
        "p63:84,bts,2022,12345678901234567,s",
        "Trà Vinh,bts,2022,1,s\n",
    ] {
        texts.push(format!("{short}\n{body}"));
    }
    texts.extend(gallery());
    for text in &texts {
        let fast = transcript(|sink| parse_observations(text, Some("o.csv"), sink));
        assert_eq!(fast, general(text), "{text:?}");
    }
}

/// The texts of the gallery of bad files (`tests/bad-inputs/`).
fn gallery() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-inputs");
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
        .collect()
}

proptest::proptest! {
    #[test]
    fn any_body_reads_and_places_as_the_general_reader(
        body in "(p63:8[4x]|bts|20[02]2|1[.,]5|-1|s|q|Trà| |,|\"|\r|\n|\u{200b}){0,40}"
    ) {
        let text = format!("province,indicator_id,period,value,source_id,quote\n{body}");
        let fast = transcript(|sink| parse_observations(&text, Some("o.csv"), sink));
        proptest::prop_assert_eq!(fast, general(&text));
    }
}

proptest::proptest! {
    #[test]
    fn any_text_read_in_pieces_reads_as_the_whole_text(
        header in "province,indicator_id,period,value,source_id,(quote|\"quote\"|\"quo\nte\")\r?\n",
        body in "(p63:84|bts|2022|1|s|q|\"|\"\"|\r|\n|\r\n|,|Trà|x){0,60}",
        size in 1_usize..48,
    ) {
        let text = format!("{header}{body}");
        let whole = transcript(|sink| parse_observations(&text, Some("o.csv"), sink));
        proptest::prop_assert_eq!(in_pieces(&text, size), whole, "pieces of {}", size);
    }
}

#[test]
fn a_text_read_in_pieces_reads_as_the_whole_text() {
    let mut texts = gallery();
    assert!(texts.len() > 20, "the gallery is there");
    let header = "province,indicator_id,period,value,source_id,quote\n";
    for body in [
        "p63:84,a,2024,1,s,\"two\nlines\"\r\np63:84,b,2024,2,s,\"say \"\"hi\"\"\"\n",
        "\r\n\np63:84,a,2024,1,s,q\rp63:84,a,2024,x,s,q\r",
        "p63:84,a,2024,1,s,\"open\np63:84,a,2024,1,s,q\n",
        "p63:84,a,2024,1,s,q\"x\np63:84,a,2024,1,s,q\n",
        "p63:84,a,2024,1,s,Trà Vinh\np63:84,a,2024,1,s,\"x\",y\n",
    ] {
        texts.push(format!("{header}{body}"));
        texts.push(format!("\u{feff}\n\n{header}{body}"));
    }
    texts.push(String::new());
    texts.push("\n\r\n".into());
    for text in &texts {
        let whole = transcript(|sink| parse_observations(text, Some("o.csv"), sink));
        for size in [1, 2, 3, 5, 8, 13, 64, 1 << 20] {
            assert_eq!(in_pieces(text, size), whole, "pieces of {size} of {text:?}");
        }
    }
}
