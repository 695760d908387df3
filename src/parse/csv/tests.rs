//! Unit tests of the CSV reader: records, quotes, line ends and the positions of its errors.

use super::*;

fn records(text: &str) -> Result<Vec<Vec<String>>> {
    let mut reader = Reader::new(text, Some("t.csv"));
    let mut fields = Vec::new();
    let mut out = Vec::new();
    while reader.next_record(&mut fields)? {
        out.push(fields.iter().map(|f| f.text.to_string()).collect());
    }
    Ok(out)
}

#[test]
fn reads_plain_and_quoted_fields() {
    let got = records("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n").unwrap();
    assert_eq!(got, [vec!["a", "b", "c"], vec!["1", "x, y", "say \"hi\""]]);
}

#[test]
fn accepts_crlf_bom_and_blank_lines() {
    let got = records("\u{feff}a,b\r\n\r\n1,2\r\n\n").unwrap();
    assert_eq!(got, [vec!["a", "b"], vec!["1", "2"]]);
}

#[test]
fn lone_carriage_returns_end_lines_and_count_as_lines() {
    assert_eq!(
        records("a,b\r1,2\r\r3,4\r").unwrap(),
        [vec!["a", "b"], vec!["1", "2"], vec!["3", "4"]]
    );
    let mut reader = Reader::new("a,b\r1,\"x\ry\"\r\r3,\"4", Some("t.csv"));
    let mut fields = Vec::new();
    assert!(reader.next_record(&mut fields).unwrap());
    assert!(reader.next_record(&mut fields).unwrap());
    assert_eq!(reader.record_line(), 2);
    let error = reader.next_record(&mut fields).unwrap_err();
    assert_eq!(error.to_string(), "t.csv:5:3: quoted field is never closed");
}

#[test]
fn a_multi_line_field_with_crlf_counts_each_line_once() {
    let mut reader = Reader::new("a,\"x\r\ny\"\r\nb,\"c\r\n", None);
    let mut fields = Vec::new();
    assert!(reader.next_record(&mut fields).unwrap());
    let error = reader.next_record(&mut fields).unwrap_err();
    assert_eq!(error.position().map(|p| (p.line, p.column)), Some((3, 3)));
}

#[test]
fn decode_counts_lone_carriage_returns_as_lines() {
    let error = Reader::decode(b"a,b\rx\ry\xe0\r", None).unwrap_err();
    assert_eq!(error.position().map(|p| (p.line, p.column)), Some((3, 2)));
}

fn utf16(text: &str, big_endian: bool, mark: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if mark {
        bytes.extend(if big_endian {
            [0xfe, 0xff]
        } else {
            [0xff, 0xfe]
        });
    }
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_is_named_with_or_without_a_byte_order_mark() {
    let text = "province,indicator_id\np63:84,Trà Vinh\n";
    for big_endian in [false, true] {
        for mark in [false, true] {
            let bytes = utf16(text, big_endian, mark);
            let error = Reader::decode(&bytes, Some("u.csv")).unwrap_err();
            assert_eq!(
                error.to_string(),
                "u.csv:1:1: the file is UTF-16: save it as UTF-8",
                "big endian {big_endian}, mark {mark}"
            );
        }
    }
}

#[test]
fn utf8_with_a_stray_nul_is_not_taken_for_utf16() {
    assert!(Reader::decode(b"a,b\n1,\x002\n", None).is_ok());
    assert!(Reader::decode("Trà Vinh,Quảng Bình\n".as_bytes(), None).is_ok());
    assert!(Reader::decode(b"a", None).is_ok());
}

#[test]
fn a_field_ends_at_the_first_delimiter_wherever_it_falls() {
    let text = b"abcdefghij,klmnopqrstuvwxyz0123456789\"x\r\n\xc3\xa0,";
    for start in 0..text.len() {
        let naive = text[start..]
            .iter()
            .position(|&b| matches!(b, b',' | b'\n' | b'\r' | b'"'))
            .map_or(text.len(), |i| start + i);
        assert_eq!(field_end(text, start), naive, "from {start}");
    }
    assert_eq!(field_end(b"abcdefghijklmnop", 0), 16);
}

#[test]
fn bytes_are_counted_wherever_they_fall() {
    let text = b"a\nb\n\n\"x\"\n\n\n\n\n\n\n\n\r\n,\n";
    for start in 0..text.len() {
        let part = &text[start..];
        for needle in [b'\n', b'\r', b'"', b',', b'z', 0x8a] {
            let naive = part
                .iter()
                .map(|&b| usize::from(b == needle))
                .sum::<usize>();
            assert_eq!(count_byte(part, needle), naive, "{needle} from {start}");
        }
    }
    assert_eq!(line_ends("a\r\nb\r\n"), 2);
    assert_eq!(line_ends("a\rb\rc"), 2);
    // Line ends on either side of a word's edge, and in the bytes after the last word.
    let long = "ab\ncd\r\nefgh\n\nij,\"k\"\rlmnopqrs\n\r\n";
    for start in 0..long.len() {
        let part = &long[start..];
        let count = |needle| part.bytes().filter(|&b| b == needle).count();
        assert_eq!(
            line_ends(part),
            count(b'\n').max(count(b'\r')),
            "from {start}"
        );
    }
}

#[test]
fn keeps_empty_trailing_field() {
    assert_eq!(records("a,\n").unwrap(), [vec!["a", ""]]);
}

#[test]
fn multi_line_field_keeps_later_lines_right() {
    let mut reader = Reader::new("a,\"x\ny\"\nb,c\n", None);
    let mut fields = Vec::new();
    assert!(reader.next_record(&mut fields).unwrap());
    assert_eq!(fields[1].text, "x\ny");
    assert!(reader.next_record(&mut fields).unwrap());
    assert_eq!(reader.record_line(), 3);
    assert_eq!(reader.position_of(&fields[1]).column, 3);
}

#[test]
fn rejects_unterminated_quote_at_its_start() {
    let error = records("a,b\n1,\"open\n").unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::UnterminatedQuote);
    assert_eq!(error.to_string(), "t.csv:2:3: quoted field is never closed");
}

#[test]
fn rejects_stray_quote() {
    let error = records("a,b\n1,x\"y\n").unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::StrayQuote);
    assert_eq!(error.position().map(|p| (p.line, p.column)), Some((2, 4)));
    let error = records("\"a\"b\n").unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::StrayQuote);
}

#[test]
fn columns_count_characters_not_bytes() {
    let mut reader = Reader::new("Trà Vinh,Quảng Bình,x\n", None);
    let mut fields = Vec::new();
    reader.next_record(&mut fields).unwrap();
    assert_eq!(reader.position_of(&fields[2]).column, 21);
}

#[test]
fn decode_points_at_the_first_bad_byte() {
    let error = Reader::decode(b"a,b\nx\xe0y\n", Some("f.csv")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "f.csv:2:2: invalid UTF-8: save the file as UTF-8 (not Windows-1258)"
    );
}

proptest::proptest! {
    #[test]
    fn a_word_has_a_byte_below_a_bound_exactly_when_one_of_its_bytes_is(
        bytes in proptest::prelude::any::<[u8; 8]>(),
        bound in 0..=128_u8,
    ) {
        let word = u64::from_le_bytes(bytes);
        proptest::prop_assert_eq!(any_below(word, bound), bytes.iter().any(|&b| b < bound));
    }

    #[test]
    fn bytes_and_line_ends_are_counted_in_any_text(
        bytes in proptest::collection::vec(proptest::sample::select(
            vec![b'a', b',', b'"', b'\n', b'\r', b' ', b'\t', 0, 0x7f, 0x80, 0xc3, 0xff]), 0..40),
    ) {
        for needle in [b'\n', b'\r', b'"', b',', 0x80, 0xff] {
            let naive: usize = bytes.iter().map(|&b| usize::from(b == needle)).sum();
            proptest::prop_assert_eq!(count_byte(&bytes, needle), naive);
        }
        let text = String::from_utf8_lossy(&bytes);
        let feeds: usize = text.bytes().map(|b| usize::from(b == b'\n')).sum();
        let returns: usize = text.bytes().map(|b| usize::from(b == b'\r')).sum();
        proptest::prop_assert_eq!(line_ends(&text), feeds.max(returns));
    }
}

#[test]
fn a_record_keeps_a_few_fields_and_counts_them_all() {
    let line = format!("a,\"b,c\",{}\nd,e\n", ",".repeat(100_000));
    let mut reader = Reader::new(&line, Some("t.csv"));
    reader.keep_at_most(3);
    let mut fields = Vec::new();
    assert!(reader.next_record(&mut fields).unwrap());
    assert_eq!(reader.found(), 100_003);
    assert_eq!(fields.len(), 3);
    assert!(fields.capacity() < 100, "{}", fields.capacity());
    assert_eq!(reader.position_of(&fields[2]).column, 9);
    assert!(reader.next_record(&mut fields).unwrap());
    assert_eq!((reader.found(), fields.len()), (2, 2));
}
