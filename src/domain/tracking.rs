//! Tracking numbers (SPEC §4): `CS-XXX-XXX-XXX`, 8 random Crockford base32 symbols and a Luhn
//! mod 32 check symbol.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::FieldError;

/// A tracking number whose check symbol is right. Always shown as `CS-XXX-XXX-XXX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrackingNumber([u8; 9]);

impl TrackingNumber {
    /// A new random number from a CSPRNG.
    pub fn generate() -> TrackingNumber {
        todo!()
    }
}

impl fmt::Display for TrackingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        todo!()
    }
}

/// Case-insensitive; dashes and spaces ignored; `O` reads as `0`, `I` and `L` as `1`; the `CS`
/// prefix optional. A wrong check symbol is refused ("check character does not match — a typo?").
pub fn parse_tracking(input: &str) -> Result<TrackingNumber, FieldError> {
    let _ = input;
    todo!()
}

impl FromStr for TrackingNumber {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_tracking(s)
    }
}

impl Serialize for TrackingNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TrackingNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_tracking(&text).map_err(serde::de::Error::custom)
    }
}
