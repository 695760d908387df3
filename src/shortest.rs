//! Writing a figure as text: the fewest digits that read back as the same number, laid out
//! exactly as `f64`'s `Display` (`0.0000001`, `1200`, `-0`) and `LowerExp` (`1.2e3`) lay them
//! out. The digits are `Display`'s but for a value exactly halfway between two shortest texts
//! (583894010866245.25), which Ryū writes with the even digit, as JavaScript does, and
//! `Display` with the higher. Every figure the engine writes (an answer's JSON, an exported
//! CSV, a refusal's words) goes through [`Shortest`].
//!
//! The digits come from Ryū with its small tables: the standard library's float formatting
//! carries two algorithms and their tables (about 15 KB of the WebAssembly module), and a
//! figure written anywhere through `Display` keeps all of it linked. This module knows numbers,
//! not what they count.

use std::fmt;

/// A figure written as `f64`'s `Display` (`{}`) or `LowerExp` (`{:e}`) writes it (a tie broken
/// to the even digit; see the module). A value that is not finite is written as `inf`, `-inf`
/// or `NaN`, as they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shortest(pub f64);

/// A finite value's shortest digits: `0.DIGITS × 10^point`, the digits without leading or
/// trailing zeros (none at all for zero).
struct Decimal<'a> {
    negative: bool,
    digits: &'a str,
    point: i32,
}

impl Shortest {
    /// The special text of a value that is not finite.
    fn special(self) -> Option<&'static str> {
        if self.0.is_nan() {
            Some("NaN")
        } else if self.0.is_infinite() {
            Some(if self.0 < 0.0 { "-inf" } else { "inf" })
        } else {
            None
        }
    }

    /// Ryū's text of the value (`-1.25e-7`, `120.0`), read back as its digits and exponent.
    /// The digits are copied into `out`, without the point.
    fn digits(self, out: &mut [u8; 24]) -> Decimal<'_> {
        let mut buffer = ryu::Buffer::new();
        let text = buffer.format_finite(self.0);
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match text.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, exponent.parse().unwrap_or(0)),
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut len = 0;
        for byte in whole.bytes().chain(fraction.bytes()) {
            if let Some(slot) = out.get_mut(len) {
                *slot = byte;
                len += 1;
            }
        }
        let all = out.get(..len).unwrap_or_default();
        let leading = all.iter().take_while(|&&b| b == b'0').count();
        let trailing = all.iter().rev().take_while(|&&b| b == b'0').count();
        let digits = if leading == len {
            ""
        } else {
            std::str::from_utf8(all.get(leading..len - trailing).unwrap_or_default())
                .unwrap_or_default()
        };
        // The counts are of at most 24 bytes: no cast can overflow.
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        let point = whole.len() as i32 + exponent - leading as i32;
        Decimal {
            negative,
            digits,
            point,
        }
    }

    /// Writes the value: its special text if it is not finite; else its sign, then `zero` for a
    /// zero and `layout` of its digits and point for any other.
    fn write(
        self,
        f: &mut fmt::Formatter<'_>,
        zero: &str,
        layout: fn(&mut fmt::Formatter<'_>, &str, i32) -> fmt::Result,
    ) -> fmt::Result {
        if let Some(special) = self.special() {
            return f.write_str(special);
        }
        let mut out = [0; 24];
        let Decimal {
            negative,
            digits,
            point,
        } = self.digits(&mut out);
        if negative {
            f.write_str("-")?;
        }
        if digits.is_empty() {
            f.write_str(zero)
        } else {
            layout(f, digits, point)
        }
    }
}

/// Writes `count` zeros.
fn zeros(f: &mut fmt::Formatter<'_>, count: i32) -> fmt::Result {
    for _ in 0..count {
        f.write_str("0")?;
    }
    Ok(())
}

/// `0.DIGITS × 10^point` as `Display` writes it: `0.00012`, `1.2`, `1200`.
fn decimal(f: &mut fmt::Formatter<'_>, digits: &str, point: i32) -> fmt::Result {
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if point <= 0 {
        f.write_str("0.")?;
        zeros(f, -point)?;
        f.write_str(digits)
    } else if point < len {
        let (whole, fraction) = digits.split_at(point.unsigned_abs() as usize);
        f.write_str(whole)?;
        f.write_str(".")?;
        f.write_str(fraction)
    } else {
        f.write_str(digits)?;
        zeros(f, point - len)
    }
}

/// `0.DIGITS × 10^point` as `LowerExp` writes it: `1.2e-4`, `1.2e3`.
fn exponent(f: &mut fmt::Formatter<'_>, digits: &str, point: i32) -> fmt::Result {
    let (first, rest) = digits.split_at(1);
    f.write_str(first)?;
    if !rest.is_empty() {
        f.write_str(".")?;
        f.write_str(rest)?;
    }
    write!(f, "e{}", point - 1)
}

impl fmt::Display for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, "0", decimal)
    }
}

impl fmt::LowerExp for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, "0e0", exponent)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Whether `ours` is `display` (the standard library's text of `value`), or, where the
    /// value lies exactly halfway between two shortest texts, the other one, ending in an even
    /// digit: Ryū breaks such a tie to the even digit, as JavaScript's `Number.prototype.toString`
    /// does, and the standard library upward. Either reads back as the value.
    fn as_display_writes_it(ours: &str, display: &str, value: f64) -> bool {
        if ours == display {
            return true;
        }
        let digit_before = |text: &str| {
            let end = text.find('e').unwrap_or(text.len());
            let digit = text[..end].bytes().last();
            (text[..end - 1].to_owned(), digit)
        };
        let ((head, ours_last), (display_head, display_last)) =
            (digit_before(ours), digit_before(display));
        let (Some(ours_last), Some(display_last)) = (ours_last, display_last) else {
            return false;
        };
        head == display_head
            && ours[head.len() + 1..] == display[head.len() + 1..]
            && ours_last.abs_diff(display_last) == 1
            && ours_last % 2 == 0
            && ours.parse::<f64>().ok() == Some(value)
    }

    proptest! {
        #[test]
        fn any_figure_is_written_as_display_and_lower_exp_write_it(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            let (ours, display) = (Shortest(value).to_string(), format!("{value}"));
            prop_assert!(as_display_writes_it(&ours, &display, value), "{} {}", ours, display);
            let (ours, display) = (format!("{:e}", Shortest(value)), format!("{value:e}"));
            prop_assert!(as_display_writes_it(&ours, &display, value), "{} {}", ours, display);
        }

        #[test]
        fn a_figure_of_few_digits_is_written_as_display_writes_it(
            whole in -100_000_000_i64..100_000_000,
            places in 0_i32..12,
        ) {
            // The usual figures: a count, a share, a decimal of a few places.
            let value = whole as f64 / 10_f64.powi(places);
            prop_assert_eq!(Shortest(value).to_string(), format!("{value}"));
            prop_assert_eq!(format!("{:e}", Shortest(value)), format!("{value:e}"));
        }
    }

    #[test]
    fn a_tie_between_two_shortest_texts_goes_to_the_even_digit() {
        // 583894010866245.25 exactly: 583894010866245.2 and .3 are as near and as short.
        let value = f64::from_bits(4_828_026_353_000_731_178);
        assert_eq!(value * 4.0, 2_335_576_043_464_981.0);
        assert_eq!(Shortest(value).to_string(), "583894010866245.2");
        assert_eq!(format!("{value}"), "583894010866245.3");
        assert!(as_display_writes_it(
            "583894010866245.2",
            "583894010866245.3",
            value
        ));
        assert!(!as_display_writes_it(
            "583894010866245.4",
            "583894010866245.3",
            value
        ));
    }

    #[test]
    fn the_edges_are_written_as_display_writes_them() {
        for value in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.3,
            1e15,
            1e16,
            1e17,
            1e21,
            1e-5,
            1e-6,
            1e-7,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(Shortest(value).to_string(), format!("{value}"));
            assert_eq!(format!("{:e}", Shortest(value)), format!("{value:e}"));
        }
    }
}
