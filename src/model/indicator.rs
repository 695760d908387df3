//! Indicators: what a figure measures, in which unit, and how it may be combined.
//!
//! An indicator is one definition. Figures that look alike but are counted differently
//! (smartphones per person and per household) are different indicators of one family, so that
//! nothing downstream can rank them together. This module knows the closed vocabularies of the
//! indicator list and the methodology editions of an index; it knows nothing of observations.

use std::fmt;
use std::str::FromStr;

use super::observation::Period;

/// Defines a closed vocabulary: an enum that reads and writes its `snake_case` names.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name as written in data files.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value named by `bytes`; [`FromStr`] reads a text's bytes with it.
            // Compared name by name, not by a search over `ALL`: a long file's qualifier is
            // read with it on every row, and the search's closure and `as_str` were calls
            // each time in the size-first build.
            #[must_use]
            pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
                $(if bytes == $text.as_bytes() {
                    return Some($name::$variant);
                })+
                None
            }

            /// The allowed names, for error messages.
            #[must_use]
            pub fn expected() -> String {
                [$($text),+].join(", ")
            }
        }

        impl FromStr for $name {
            type Err = ();
            fn from_str(text: &str) -> Result<Self, ()> {
                Self::from_bytes(text.as_bytes()).ok_or(())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// The area of ICT an indicator belongs to.
    Pillar {
        /// Telecom, broadband, mobile coverage.
        Infrastructure = "infrastructure",
        /// Government IT, online public services, document processing.
        DigitalGovernment = "digital_government",
        /// Enterprises, e-commerce, digital payments.
        DigitalEconomy = "digital_economy",
        /// Internet and smartphone use, community digital teams.
        DigitalSociety = "digital_society",
        /// Training and ICT staff.
        Workforce = "workforce",
        /// Information security.
        Security = "security",
        /// The postal network.
        Postal = "postal",
        /// Press, radio and television.
        Media = "media",
        /// Plans, programmes and policy documents.
        Institutions = "institutions",
        /// Composite indices of digital transformation as a whole (the provincial DTI).
        DigitalTransformation = "digital_transformation",
    }
}

vocabulary! {
    /// The unit a value is expressed in.
    Unit {
        /// A number of things.
        Count = "count",
        /// A share, 0 to 100.
        Percent = "percent",
        /// Per 100 people.
        Per100People = "per_100_people",
        /// Per 100 households.
        Per100Households = "per_100_households",
        /// Billions of đồng.
        VndBillion = "vnd_billion",
        /// Millions of đồng.
        VndMillion = "vnd_million",
        /// Kilometres.
        Km = "km",
        /// Megabits per second.
        Mbps = "mbps",
        /// Gigabits per second.
        Gbps = "gbps",
        /// People served per service point.
        PeoplePerPoint = "people_per_point",
        /// Hours.
        Hours = "hours",
        /// A composite index score from 0 to 1 (the provincial DTI).
        Score0To1 = "score_0_1",
        /// A score from 1 to 10 (a PAPI dimension).
        Score1To10 = "score_1_10",
    }
}

impl Unit {
    /// Whether figures in this unit add up across provinces (a count, money, a length of line,
    /// hours): a sum of shares, rates, speeds or scores means nothing.
    #[must_use]
    pub fn adds_up(self) -> bool {
        matches!(
            self,
            Unit::Count | Unit::VndBillion | Unit::VndMillion | Unit::Km | Unit::Hours
        )
    }

    /// How many of the base quantity one unit is, for reading figures out of text:
    /// `15 tỷ đồng` is 15 in `vnd_billion`.
    #[must_use]
    pub fn base(self) -> f64 {
        match self {
            Unit::VndBillion => 1e9,
            Unit::VndMillion => 1e6,
            _ => 1.0,
        }
    }

    /// Whether values of this unit add up across provinces or parts (counts, money, lengths),
    /// as opposed to shares and ratios.
    #[must_use]
    pub fn is_additive(self) -> bool {
        matches!(
            self,
            Unit::Count | Unit::VndBillion | Unit::VndMillion | Unit::Km | Unit::Hours
        )
    }

    /// The largest possible value, where the unit has one (a share cannot pass 100 %): the
    /// ceiling of an "over" or "at least" interval.
    #[must_use]
    pub fn maximum(self) -> Option<f64> {
        match self {
            Unit::Percent => Some(100.0),
            Unit::Score0To1 => Some(1.0),
            Unit::Score1To10 => Some(10.0),
            _ => None,
        }
    }

    /// How many decimals to show at most: four for index scores, which their publishers print
    /// to four decimals (DTI 0,8241; PAPI 3,4227), three for everything else (4,822 tỷ đồng).
    #[must_use]
    pub fn decimals(self) -> u8 {
        match self {
            Unit::Score0To1 | Unit::Score1To10 => 4,
            _ => 3,
        }
    }

    /// The smallest plausible value, where the unit has one above zero (a PAPI dimension
    /// scores from 1).
    #[must_use]
    pub fn minimum(self) -> Option<f64> {
        match self {
            Unit::Score1To10 => Some(1.0),
            _ => None,
        }
    }

    /// The largest value one province's figure can plausibly take in this unit. Far above any
    /// real figure (Vietnam has about 100 million people and a GDP of about 10 million billion
    /// đồng), these bounds are there to refuse typing slips and hostile files whose sums would
    /// leave the range of numbers (1e308 counts roll up to infinity).
    #[must_use]
    pub fn plausible_maximum(self) -> f64 {
        match self {
            Unit::Percent => 100.0,
            // Index scores have a published scale.
            Unit::Score0To1 => 1.0,
            Unit::Score1To10 => 10.0,
            // Subscriptions or devices per 100: above 1 000 is ten each.
            Unit::Per100People | Unit::Per100Households => 1_000.0,
            // A count: a thousand times the country's population. Millions of đồng: ten times
            // the country's yearly product. Hours: ten thousand years of one person's time,
            // or hours summed over many people.
            Unit::Count | Unit::VndMillion | Unit::Hours => 1e11,
            // Billions of đồng: ten times the yearly product; kilometres: a hundred times every
            // road of the country.
            Unit::VndBillion | Unit::Km => 1e8,
            // A petabit per second; more than the country's population per service point.
            Unit::Gbps | Unit::PeoplePerPoint => 1e9,
            Unit::Mbps => 1e12,
        }
    }
}

vocabulary! {
    /// Which direction is an improvement.
    Better {
        /// More is better.
        Higher = "higher",
        /// Less is better.
        Lower = "lower",
        /// Neither: the figure describes, it does not score.
        None = "none",
    }
}

/// How figures of one indicator combine across provinces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Aggregation {
    /// Counts: add them up.
    Sum,
    /// Shares: average, weighted by the named denominator (`population`, `households`, …).
    WeightedMean(String),
    /// Composite indices: the unweighted mean of the members' values, which is how the
    /// ministry rolls the provincial DTI up to the 2025 provinces.
    Mean,
    /// Not combinable (targets, ranks, per-point ratios).
    None,
}

impl FromStr for Aggregation {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        match text {
            "sum" => Ok(Aggregation::Sum),
            "mean" => Ok(Aggregation::Mean),
            "none" => Ok(Aggregation::None),
            _ => match text.strip_prefix("weighted_mean:") {
                Some(weight) if is_snake_case(weight) => {
                    Ok(Aggregation::WeightedMean(weight.to_owned()))
                }
                _ => Err(()),
            },
        }
    }
}

impl fmt::Display for Aggregation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Aggregation::Sum => f.write_str("sum"),
            Aggregation::WeightedMean(weight) => write!(f, "weighted_mean:{weight}"),
            Aggregation::Mean => f.write_str("mean"),
            Aggregation::None => f.write_str("none"),
        }
    }
}

impl serde::Serialize for Aggregation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Lower `snake_case` ASCII, the shape of every id in the data files.
#[must_use]
pub fn is_snake_case(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_'))
        && text.as_bytes()[0].is_ascii_lowercase()
}

impl Unit {
    /// The unit as written after a number in Vietnamese (`tỷ đồng`, `%`); empty for a count.
    #[must_use]
    pub fn label_vi(self) -> &'static str {
        match self {
            Unit::Count => "",
            Unit::Percent => "%",
            Unit::Per100People => "/100 dân",
            Unit::Per100Households => "/100 hộ",
            Unit::VndBillion => "tỷ đồng",
            Unit::VndMillion => "triệu đồng",
            Unit::Km => "km",
            Unit::Mbps => "Mbps",
            Unit::Gbps => "Gbps",
            Unit::PeoplePerPoint => "người/điểm",
            Unit::Hours => "giờ",
            Unit::Score0To1 | Unit::Score1To10 => "điểm",
        }
    }

    /// The words under a column's or a legend's name, in Vietnamese and English (`trên 100
    /// dân`, `per 100 people`); empty for a count. Longer than [`Unit::label_vi`], which
    /// follows a number in a sentence (`12 /100 dân`), since a heading is read alone.
    #[must_use]
    pub fn heading(self) -> (&'static str, &'static str) {
        match self {
            Unit::Count => ("", ""),
            Unit::Percent => ("%", "%"),
            Unit::Per100People => ("trên 100 dân", "per 100 people"),
            Unit::Per100Households => ("trên 100 hộ", "per 100 households"),
            Unit::VndBillion => ("tỷ đồng", "billion đồng"),
            Unit::VndMillion => ("triệu đồng", "million đồng"),
            Unit::Km => ("km", "km"),
            Unit::Mbps => ("Mbps", "Mbps"),
            Unit::Gbps => ("Gbps", "Gbps"),
            Unit::PeoplePerPoint => ("người/điểm", "people per point"),
            Unit::Hours => ("giờ", "hours"),
            Unit::Score0To1 => ("điểm (0–1)", "score (0–1)"),
            Unit::Score1To10 => ("điểm (1–10)", "score (1–10)"),
        }
    }
}

/// One indicator: a single definition of what is counted.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    /// Its id (`households_fibre_share`).
    pub id: String,
    /// The family of look-alike indicators it belongs to.
    pub family: String,
    /// Its area of ICT.
    pub pillar: Pillar,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// The unit of its values.
    pub unit: Unit,
    /// What a share is a share of (`households`); `None` for counts.
    pub denominator: Option<String>,
    /// How values combine across provinces.
    pub aggregation: Aggregation,
    /// Which direction is an improvement.
    pub better: Better,
    /// The total this indicator is a component of, if the reports present it as a breakdown.
    pub part_of: Option<String>,
    /// Vietnamese definition.
    pub definition_vi: String,
    /// English definition.
    pub definition_en: String,
    /// How the figures are produced, in Vietnamese (who computes the index, from what, how
    /// precisely it is published); empty for a figure read from a report.
    pub methodology_vi: String,
    /// The same in English.
    pub methodology_en: String,
    /// The methodology editions of an index whose method changed, in time order; empty when
    /// the method never changed. A series or change that crosses from one edition to the next
    /// is a break in the series.
    pub editions: Vec<Edition>,
}

impl Indicator {
    /// The edition whose periods cover `period`, if the indicator declares editions.
    #[must_use]
    pub fn edition_of(&self, period: Period) -> Option<&Edition> {
        self.editions.iter().find(|edition| edition.covers(period))
    }
}

/// One methodology edition of an index: the periods computed one way (DTI 2022–2023: 9 main
/// indices and 98 components; DTI 2024: 8 main indices and 47 components).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Edition {
    /// Its id, unique within the indicator (`2022`).
    pub id: String,
    /// The first period it covers.
    pub first: Period,
    /// The last period it covers; `None` while it is the current method.
    pub last: Option<Period>,
    /// What changed, in Vietnamese.
    pub note_vi: String,
    /// What changed, in English.
    pub note_en: String,
}

impl Edition {
    /// Whether `period` falls in this edition: compared by calendar year, so a month of 2023
    /// belongs to the edition that covers the year 2023.
    #[must_use]
    pub fn covers(&self, period: Period) -> bool {
        let year = period.calendar_year();
        year >= self.first.calendar_year()
            && self.last.is_none_or(|last| year <= last.calendar_year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_round_trip() {
        for unit in Unit::ALL {
            assert_eq!(unit.as_str().parse::<Unit>(), Ok(*unit));
        }
        for pillar in Pillar::ALL {
            assert_eq!(pillar.to_string().parse::<Pillar>(), Ok(*pillar));
        }
        assert!("Percent".parse::<Unit>().is_err());
    }

    #[test]
    fn every_unit_has_a_finite_plausible_maximum_that_admits_its_real_ceiling() {
        for unit in Unit::ALL {
            let bound = unit.plausible_maximum();
            assert!(bound.is_finite() && bound > 0.0, "{unit}");
            assert!(unit.maximum().is_none_or(|m| m <= bound), "{unit}");
            // Sixty-three provinces' figures at the bound still add up to a number.
            assert!((bound * 63.0 * 1e5).is_finite(), "{unit}");
        }
    }

    #[test]
    fn aggregation_names_its_weight() {
        assert_eq!(
            "weighted_mean:households".parse::<Aggregation>(),
            Ok(Aggregation::WeightedMean("households".into()))
        );
        assert!("weighted_mean:".parse::<Aggregation>().is_err());
        assert_eq!("mean".parse::<Aggregation>(), Ok(Aggregation::Mean));
        assert_eq!(Aggregation::Mean.to_string(), "mean");
        assert!("average".parse::<Aggregation>().is_err());
        assert_eq!(
            Aggregation::WeightedMean("population".into()).to_string(),
            "weighted_mean:population"
        );
    }
}
