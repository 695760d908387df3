//! What one figure says: its period, its qualifier, and where it was read.
//!
//! Observations are stored column by column in the dataset; this module owns the small value
//! types of one row ([`Period`], [`Qualifier`], [`TableCell`]) and the row as handed out
//! ([`Observation`]).

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use super::indicator::vocabulary;
use super::province::ProvinceId;

vocabulary! {
    /// How a report qualifies a number: "trên 74 %" is over 74 %, not 74 %.
    Qualifier {
        /// The number as stated.
        Exact = "exact",
        /// trên, hơn: strictly more.
        Over = "over",
        /// tối thiểu, ít nhất: this or more.
        AtLeast = "at_least",
        /// khoảng: approximately.
        About = "about",
        /// gần: a little less.
        Nearly = "nearly",
        /// dưới: strictly less.
        Under = "under",
        /// tối đa: this or less.
        AtMost = "at_most",
    }
}

/// The relative half-width given to "about" and the depth given to "nearly": five per cent.
/// Reports round to two significant figures at most when they hedge, so 5 % keeps "khoảng
/// 2.500" apart from 2.700 and together with 2.450.
pub const APPROXIMATION: f64 = 0.05;

impl Qualifier {
    /// The interval of true values a qualified number allows; `ceiling` bounds "over" and
    /// "at least" (100 for shares, infinity otherwise).
    #[must_use]
    pub fn interval(self, value: f64, ceiling: f64) -> Interval {
        let spread = value.abs() * APPROXIMATION;
        // Reported figures are never negative unless the value itself is.
        let floor = if value >= 0.0 { 0.0 } else { f64::NEG_INFINITY };
        let interval = match self {
            Qualifier::Exact => Interval::closed(value, value),
            Qualifier::Over => Interval {
                low: value,
                high: ceiling.max(value),
                low_open: true,
                high_open: false,
            },
            Qualifier::AtLeast => Interval::closed(value, ceiling.max(value)),
            Qualifier::About => Interval::closed(value - spread, value + spread),
            Qualifier::Nearly => Interval {
                low: value - spread,
                high: value,
                low_open: false,
                high_open: true,
            },
            Qualifier::Under => Interval {
                low: floor,
                high: value,
                low_open: false,
                high_open: true,
            },
            Qualifier::AtMost => Interval::closed(floor, value),
        };
        // "Nearly 0" or "over 100 %" would be empty; read them as the number itself.
        if interval.low >= interval.high {
            Interval::closed(value, value)
        } else {
            interval
        }
    }

    /// A short symbol written before the value: `>`, `≥`, `≈`, `≲`, `<`, `≤`, or nothing.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::Over => ">",
            Qualifier::AtLeast => "≥",
            Qualifier::About => "≈",
            Qualifier::Nearly => "≲",
            Qualifier::Under => "<",
            Qualifier::AtMost => "≤",
        }
    }
}

/// A set of true values a qualified figure allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// Whether `low` itself is excluded.
    pub low_open: bool,
    /// Whether `high` itself is excluded.
    pub high_open: bool,
}

impl Interval {
    /// `[low, high]`.
    #[must_use]
    pub fn closed(low: f64, high: f64) -> Self {
        Interval {
            low,
            high,
            low_open: false,
            high_open: false,
        }
    }

    /// Whether every value of `self` is above every value of `other`.
    #[must_use]
    pub fn entirely_above(&self, other: &Interval) -> bool {
        self.low > other.high || (self.low == other.high && (self.low_open || other.high_open))
    }
}

/// The time a figure refers to: a year, a month or a day.
///
/// Ordered by time; a year sorts before any month of it. Stored as one `u32`
/// (`year * 10_000 + month * 100 + day`, zero for a missing part) so that columns of periods
/// compare as integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period(u32);

impl Period {
    /// The years a period can have: a report's or a table's, never a typing slip's.
    pub const YEARS: RangeInclusive<u16> = 1900..=2100;

    /// A whole year.
    #[must_use]
    pub fn year(year: u16) -> Self {
        Period(u32::from(year) * 10_000)
    }

    /// A year, month and optional day, or `None` if the date does not exist.
    #[must_use]
    pub fn date(year: u16, month: u8, day: Option<u8>) -> Option<Self> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year.is_multiple_of(4)
                && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => return None,
        };
        if let Some(day) = day
            && !(1..=days).contains(&day)
        {
            return None;
        }
        Some(Period(
            u32::from(year) * 10_000 + u32::from(month) * 100 + u32::from(day.unwrap_or(0)),
        ))
    }

    /// The year written as four digits in `bytes` (`2024`), if that is all they are and the
    /// year is one a period can have ([`Period::YEARS`]): what almost every period of a data file
    /// is, read from its bytes.
    #[must_use]
    pub fn of_year_digits(bytes: &[u8]) -> Option<Self> {
        let &[a, b, c, d] = bytes else {
            return None;
        };
        // Digit by digit, with no iterator: this runs once per row of a long file, and the
        // size-first build kept the iterators' calls.
        let digit = |byte: u8| match byte {
            b'0'..=b'9' => Some(u16::from(byte - b'0')),
            _ => None,
        };
        let year = digit(a)? * 1000 + digit(b)? * 100 + digit(c)? * 10 + digit(d)?;
        Period::YEARS.contains(&year).then(|| Period::year(year))
    }

    /// The packed form, ordered as periods are.
    #[must_use]
    pub fn as_u32(self) -> u32 {
        self.0
    }

    /// The calendar year.
    #[must_use]
    pub fn calendar_year(self) -> u16 {
        (self.0 / 10_000) as u16
    }

    /// The period as a fractional year (mid-month, mid-day), for yearly rates of change.
    #[must_use]
    pub fn as_year_fraction(self) -> f64 {
        let year = f64::from(self.calendar_year());
        let month = (self.0 / 100) % 100;
        let day = self.0 % 100;
        match (month, day) {
            (0, _) => year,
            (m, 0) => year + (f64::from(m) - 0.5) / 12.0,
            (m, d) => year + (f64::from(m) - 1.0) / 12.0 + (f64::from(d) - 0.5) / 365.0,
        }
    }
}

impl FromStr for Period {
    type Err = ();
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in [`Period::YEARS`].
    fn from_str(text: &str) -> Result<Self, ()> {
        // The common case, a bare year, without splitting.
        if let [a, b, c, d] = *text.as_bytes()
            && [a, b, c, d].iter().all(u8::is_ascii_digit)
        {
            return Period::of_year_digits(text.as_bytes()).ok_or(());
        }
        let mut parts = text.split('-');
        let year = parts.next().ok_or(())?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        let year: u16 = year.parse().map_err(|_| ())?;
        if !Period::YEARS.contains(&year) {
            return Err(());
        }
        let two = |part: Option<&str>| -> Result<Option<u8>, ()> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| ())
                }
                Some(_) => Err(()),
            }
        };
        let month = two(parts.next())?;
        let day = two(parts.next())?;
        if parts.next().is_some() {
            return Err(());
        }
        match month {
            None => Ok(Period::year(year)),
            Some(month) => Period::date(year, month, day).ok_or(()),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = (self.0 / 100) % 100;
        let day = self.0 % 100;
        write!(f, "{:04}", self.calendar_year())?;
        if month > 0 {
            write!(f, "-{month:02}")?;
        }
        if day > 0 {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Where a figure came from: the bundled reports or a file the user opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Origin {
    /// The dataset compiled into the engine.
    Bundled,
    /// A file opened by the user.
    User,
}

/// The cell of a published table that states a figure: the row as the table names it, the
/// column, and the cell's text exactly as the stored copy holds it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableCell {
    /// The row: the province exactly as published (`Hoà Bình`, `TP. Hồ Chí Minh`).
    pub row: String,
    /// The column (`pdti`, `d8_e_governance`).
    pub column: String,
    /// The cell's text as stored (`0.8002`, `3.4226997`).
    pub text: String,
}

/// One figure, as handed out by the dataset.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// Its id (`tv-2016-001`).
    pub id: String,
    /// The province it describes.
    pub province: ProvinceId,
    /// What it measures.
    pub indicator: String,
    /// When.
    pub period: Period,
    /// The number, in the indicator's unit.
    pub value: f64,
    /// For ratios written `85/85`, the second number.
    pub out_of: Option<f64>,
    /// How the report qualifies the number.
    pub qualifier: Qualifier,
    /// Whether it is a target rather than an achievement.
    pub is_target: bool,
    /// `province`, or the part of it the figure covers.
    pub scope: String,
    /// The report it was read in.
    pub source: String,
    /// The report's own words stating it; empty for a figure read from a table.
    pub quote: String,
    /// The table cell stating it; `None` for a figure read from a report.
    pub cell: Option<TableCell>,
    /// A note for readers.
    pub note: String,
    /// Bundled or the user's.
    pub origin: Origin,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_write_and_order() {
        let year: Period = "2023".parse().unwrap();
        let month: Period = "2023-01".parse().unwrap();
        let day: Period = "2023-01-13".parse().unwrap();
        assert!(year < month && month < day && day < "2024".parse().unwrap());
        assert_eq!(day.to_string(), "2023-01-13");
        assert_eq!(month.to_string(), "2023-01");
        assert_eq!(day.calendar_year(), 2023);
    }

    #[test]
    fn rejects_impossible_periods() {
        for text in [
            "23",
            "2023-13",
            "2023-02-29",
            "2023-1-5",
            "20233",
            "2023-01-01-01",
            "1800",
            "",
            "２０２３",
        ] {
            assert!(text.parse::<Period>().is_err(), "{text}");
        }
        assert!("2024-02-29".parse::<Period>().is_ok());
    }

    #[test]
    fn qualified_intervals_order_only_when_certain() {
        let over_74 = Qualifier::Over.interval(74.0, 100.0);
        let exactly_75 = Qualifier::Exact.interval(75.0, 100.0);
        let exactly_74 = Qualifier::Exact.interval(74.0, 100.0);
        assert!(!exactly_75.entirely_above(&over_74));
        assert!(!over_74.entirely_above(&exactly_75));
        assert!(over_74.entirely_above(&exactly_74));
        let about = Qualifier::About.interval(2500.0, f64::INFINITY);
        assert!(!about.entirely_above(&Qualifier::Exact.interval(2450.0, f64::INFINITY)));
        assert!(
            Qualifier::Exact
                .interval(2700.0, f64::INFINITY)
                .entirely_above(&about)
        );
    }
}
