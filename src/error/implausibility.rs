//! Why a number cannot be a figure: the rule it breaks, as data, so that the page words it in
//! the reader's language from the rule and its values, and the English the command line
//! prints. Knows the units only by their codes, which the catalog names for the page.

use std::fmt;

use crate::shortest::Shortest;

/// The rule a value breaks ([`super::ErrorKind::Implausible`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "rule", rename_all = "camelCase")]
#[non_exhaustive]
pub enum Implausibility {
    /// Figures are counts, shares or amounts: none is negative.
    Negative,
    /// A part lies between 0 and its whole.
    OutsideWhole {
        /// The whole.
        whole: f64,
    },
    /// A value of a unit with a least value (an index's scale) is below it.
    BelowMinimum {
        /// The unit's code (`percent`).
        unit: String,
        /// Its least value.
        minimum: f64,
    },
    /// A figure is above the most its unit allows (a share above 100).
    AboveMaximum {
        /// The unit's code.
        unit: String,
        /// The most it allows.
        maximum: f64,
    },
    /// A province's population, households or area lies outside the bounds a slip would leave.
    OutsideBounds {
        /// What was measured (`population`).
        what: String,
        /// The least value.
        low: f64,
        /// The largest value.
        high: f64,
    },
}

impl fmt::Display for Implausibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Implausibility::Negative => {
                f.write_str("figures are counts, shares or amounts, never negative")
            }
            Implausibility::OutsideWhole { whole } => {
                write!(
                    f,
                    "a part of {0} must lie between 0 and {0}",
                    Shortest(*whole)
                )
            }
            Implausibility::BelowMinimum { unit, minimum } => {
                write!(f, "a {unit} value cannot be below {}", Shortest(*minimum))
            }
            Implausibility::AboveMaximum { unit, maximum } => {
                write!(f, "a {unit} figure cannot exceed {}", Shortest(*maximum))
            }
            Implausibility::OutsideBounds { what, low, high } => {
                write!(
                    f,
                    "a province's {what} lies between {} and {:e}",
                    Shortest(*low),
                    Shortest(*high)
                )
            }
        }
    }
}
