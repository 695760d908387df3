use super::*;

/// A pack's contents of `numbers` and `texts` as they stand, as
/// [`Writer::finish`] frames them: for bytes a writer cannot have made.
fn contents(numbers: &[u8], texts: &[u8]) -> Vec<u8> {
    let mut w = Writer::default();
    w.count(numbers.len());
    w.bytes.extend_from_slice(numbers);
    w.bytes.extend_from_slice(texts);
    w.bytes
}

#[test]
fn reads_back_what_was_written() {
    let mut w = Writer::default();
    w.count(0);
    w.count(300);
    w.count(usize::MAX);
    w.text("Trà Vinh");
    w.optional_text(None);
    w.optional_text(Some(""));
    w.number(0.1 + 0.2);
    w.optional_number(None);
    w.optional_number(Some(-0.0));
    w.period(Period::date(2024, 2, Some(29)).unwrap());
    w.optional_period(Some(Period::year(2016)));
    w.province(ProvinceId::new(Scheme::P34, 86));
    w.optional_province(None);
    w.flag(true);
    w.word(&Scheme::P34, &[Scheme::P63, Scheme::P34]);
    w.text("Hải Dương");
    let contents = w.finish();
    let mut r = Reader::new(&contents);
    assert_eq!(r.count(), 0);
    assert_eq!(r.count(), 300);
    assert_eq!(r.count(), usize::MAX);
    assert_eq!(r.text(), "Trà Vinh");
    assert_eq!(r.optional_text(), None);
    assert_eq!(r.optional_text(), Some(""));
    assert_eq!(r.number().to_bits(), (0.1_f64 + 0.2).to_bits());
    assert_eq!(r.optional_number(), None);
    assert_eq!(
        r.optional_number().map(f64::to_bits),
        Some((-0.0_f64).to_bits())
    );
    assert_eq!(r.period().to_string(), "2024-02-29");
    assert_eq!(r.optional_period(), Some(Period::year(2016)));
    assert_eq!(r.province(), ProvinceId::new(Scheme::P34, 86));
    assert_eq!(r.optional_province(), None);
    assert!(r.flag());
    assert_eq!(
        r.word(&[Scheme::P63, Scheme::P34], Scheme::P63),
        Scheme::P34
    );
    assert_eq!(r.text(), "Hải Dương");
    r.finish().unwrap();
}

#[test]
fn refuses_bytes_the_writer_cannot_have_made() {
    let damaged_with_texts = |bytes: &[u8], texts: &[u8], read: fn(&mut Reader<'_>)| {
        let contents = contents(bytes, texts);
        let mut reader = Reader::new(&contents);
        read(&mut reader);
        let error = reader.finish().unwrap_err();
        assert_eq!(error.kind().code(), "io", "{error}");
    };
    let damaged = |bytes: &[u8], read: fn(&mut Reader<'_>)| damaged_with_texts(bytes, b"", read);
    damaged(&[], |r| {
        let _ = r.count();
    });
    damaged(&[0xff; 11], |r| {
        let _ = r.count();
    });
    // A text past the texts' end, texts not in UTF-8, a text that ends inside a character,
    // texts left after the last.
    damaged_with_texts(&[5], b"a", |r| {
        let _ = r.text();
    });
    damaged_with_texts(&[2], &[0xc3, 0x28], |r| {
        let _ = r.text();
    });
    damaged_with_texts(&[1, 1], "à".as_bytes(), |r| {
        let _ = r.text();
        let _ = r.text();
    });
    damaged_with_texts(&[1], b"ab", |r| {
        let _ = r.text();
    });
    // Numbers said to run past the contents.
    for framing in [[9, 0], [0x80, 0x01]] {
        let mut reader = Reader::new(&framing);
        let _ = reader.count();
        assert!(reader.finish().is_err(), "{framing:?}");
    }
    // A header past the eight bytes' code, digits of 2^53, a whole number not in its
    // shortest form.
    damaged(&[33], |r| {
        let _ = r.number();
    });
    damaged(&[0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10], |r| {
        let _ = r.number();
    });
    damaged(&[0x80, 0], |r| {
        let _ = r.count();
    });
    damaged(&[2], |r| {
        let _ = r.flag();
    });
    damaged(&[200, 1], |r| {
        let _ = r.items();
    });
    damaged(&[250, 1], |r| {
        let _ = r.province();
    });
    damaged(&[7], |r| {
        let _ = r.word(&[1, 2, 3], 1);
    });
    damaged(&[1, 1], |r| {
        let _ = r.count();
    });
    // 2023-02-30 does not exist, nor does a day without its month.
    for packed in [20_230_230, 20_230_005] {
        let mut w = Writer::default();
        w.count(packed);
        damaged(&w.bytes, |r| {
            let _ = r.period();
        });
    }
}

#[test]
fn numbers_read_back_bit_for_bit_in_as_few_bytes_as_their_places_need() {
    let written = |value: f64| {
        let mut w = Writer::default();
        w.number(value);
        let numbers = w.bytes.clone();
        let contents = w.finish();
        let mut r = Reader::new(&contents);
        assert_eq!(r.number().to_bits(), value.to_bits(), "{value}");
        r.finish().unwrap();
        numbers
    };
    // 8618 hundredths: the header and two bytes of digits.
    assert_eq!(written(86.18), [4, 0xaa, 0x43]);
    // 2.01 × 100 is 200.99999999999997 in doubles: still 201 hundredths.
    assert_eq!(written(2.01), [4, 0xc9, 0x01]);
    assert_eq!(written(-3.0), [1, 3]);
    assert_eq!(written(-0.0), [1, 0]);
    assert_eq!(written(1_208_000.0), [0, 0xc0, 0xdd, 0x49]);
    for value in [
        0.1 + 0.2,
        1.0 / 3.0,
        f64::INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        1e300,
        9_007_199_254_740_994.0,
    ] {
        let bytes = written(value);
        assert_eq!(bytes.len(), 9, "{value}: the header and eight bytes");
    }
}

proptest::proptest! {
    #[test]
    fn any_number_reads_back_bit_for_bit(bits: u64, places in 0..=15_usize, digits in 0..1_u64 << 53) {
        for value in [f64::from_bits(bits), digits as f64 / POWERS_OF_TEN[places]] {
            let mut w = Writer::default();
            w.optional_number(Some(value));
            let contents = w.finish();
            let mut r = Reader::new(&contents);
            proptest::prop_assert_eq!(r.optional_number().map(f64::to_bits), Some(value.to_bits()));
            proptest::prop_assert!(r.finish().is_ok());
        }
    }

    /// A number of at most six places and a million whole units, as figures are, is never
    /// written as its eight bytes.
    #[test]
    fn a_decimal_takes_its_digits_not_eight_bytes(units in 0..1_000_000_000_000_u64, places in 0..=6_usize) {
        let value = units as f64 / POWERS_OF_TEN[places];
        let mut w = Writer::default();
        w.number(value);
        proptest::prop_assert!(w.bytes.len() < 9, "{} took {:?}", value, w.bytes);
    }
}

#[test]
fn a_cell_that_is_not_a_plain_decimal_is_damage() {
    let contents = contents(&[], b"");
    let mut r = Reader::new(&contents);
    assert_eq!(r.number_in("86.18").to_bits(), 86.18_f64.to_bits());
    r.number_in("1e5");
    let message = r.finish().unwrap_err().to_string();
    // Byte 0 holds the numbers' length.
    assert!(message.contains("byte 1: not a number"), "{message}");
}

#[test]
fn the_first_damage_is_the_one_reported() {
    let contents = contents(&[2, 1], b"");
    let mut r = Reader::new(&contents);
    assert!(!r.flag());
    // Nothing more is read once the pack is damaged, though a 1 follows.
    assert!(!r.flag());
    assert_eq!(r.text(), "");
    let message = r.finish().unwrap_err().to_string();
    assert!(
        message.contains("byte 2: a flag neither 0 nor 1"),
        "{message}"
    );
}
