//! Provinces and their identity.
//!
//! A province is named by a scheme and a code together: code 80 is Long An in the 63-province
//! list used until mid-2025 and Tây Ninh in the 34-province list since, so a bare code is never
//! enough. This module knows the two schemes; the lists themselves come from the reference data.

use std::fmt;
use std::str::FromStr;

/// Which list of provinces a code belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Scheme {
    /// The 63 provinces and cities until 30 June 2025.
    P63,
    /// The 34 provinces and cities from 1 July 2025 (Resolution 202/2025/QH15).
    P34,
}

impl Scheme {
    /// `"p63"` or `"p34"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::P63 => "p63",
            Scheme::P34 => "p34",
        }
    }
}

impl FromStr for Scheme {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        match text {
            "p63" => Ok(Scheme::P63),
            "p34" => Ok(Scheme::P34),
            _ => Err(()),
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A province's identity: scheme and GSO code, written `p63:84`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvinceId {
    /// The list the code belongs to.
    pub scheme: Scheme,
    /// The GSO code, 1 to 99.
    pub code: u8,
}

impl ProvinceId {
    /// The province `code` of `scheme`.
    #[must_use]
    pub fn new(scheme: Scheme, code: u8) -> Self {
        ProvinceId { scheme, code }
    }

    /// Reads `p63:84` or `p34:01` from its bytes, as [`FromStr`] reads it from text.
    #[must_use]
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        // Byte by byte: this runs once per row of every file loaded.
        let (scheme, code) = match bytes {
            [b'p', b'6', b'3', b':', code @ ..] => (Scheme::P63, code),
            [b'p', b'3', b'4', b':', code @ ..] => (Scheme::P34, code),
            _ => return None,
        };
        let code = match *code {
            [d] if d.is_ascii_digit() => d - b'0',
            [t, d] if t.is_ascii_digit() && d.is_ascii_digit() => (t - b'0') * 10 + (d - b'0'),
            _ => return None,
        };
        (code != 0).then_some(ProvinceId { scheme, code })
    }
}

impl fmt::Display for ProvinceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:02}", self.scheme, self.code)
    }
}

impl FromStr for ProvinceId {
    type Err = ();
    /// Reads `p63:84` or `p34:01`; a bare code (`84`) is refused.
    fn from_str(text: &str) -> Result<Self, ()> {
        ProvinceId::from_bytes(text.as_bytes()).ok_or(())
    }
}

impl serde::Serialize for ProvinceId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ProvinceId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(|()| {
            serde::de::Error::custom(format!(
                "invalid province id {text:?}: expected p63:NN or p34:NN"
            ))
        })
    }
}

/// One of the six GSO socio-economic regions (63-province list only).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// `RRD`, `NMM`, `NCC`, `CH`, `SE` or `MRD`.
    pub code: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
}

/// A province or centrally-run city of one scheme.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Province {
    /// Its identity.
    pub id: ProvinceId,
    /// Short name (`Trà Vinh`).
    pub name: String,
    /// Full name (`Tỉnh Trà Vinh`).
    pub name_full: String,
    /// ASCII slug (`tra-vinh`).
    pub slug: String,
    /// Region code, for the 63-province list.
    pub region: Option<String>,
    /// The 34-list province it became part of (63-list only).
    pub merged_into: Option<ProvinceId>,
    /// The 63-list provinces it was formed from (34-list only).
    pub merged_from: Vec<ProvinceId>,
    /// Other spellings published tables use for it (`Hoà Bình`, `Hồ Chí Minh`), from the
    /// reference list; used to map a table's rows to provinces, not shown.
    #[serde(skip)]
    pub aliases: Vec<String>,
}

impl Province {
    /// Whether `name` is this province's name or one of its aliases, exactly.
    #[must_use]
    pub fn is_named(&self, name: &str) -> bool {
        self.name == name || self.aliases.iter().any(|alias| alias == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_scheme_and_code() {
        let id: ProvinceId = "p63:84".parse().unwrap();
        assert_eq!(id, ProvinceId::new(Scheme::P63, 84));
        assert_eq!(
            "p34:01".parse::<ProvinceId>().unwrap().to_string(),
            "p34:01"
        );
    }

    #[test]
    fn rejects_bare_or_malformed_codes() {
        for text in [
            "84", "p63:", "p63:100", "p64:01", "p63:00", "p63:+1", "P63:84", "p63:8 ",
        ] {
            assert!(text.parse::<ProvinceId>().is_err(), "{text}");
        }
    }

    #[test]
    fn same_code_in_two_schemes_is_two_provinces() {
        let long_an: ProvinceId = "p63:80".parse().unwrap();
        let tay_ninh: ProvinceId = "p34:80".parse().unwrap();
        assert_ne!(long_an, tay_ninh);
    }
}
