//! `phone` and `region`: the customer's number, parsed with the `phonenumber` crate and written
//! as E.164, with its country and number type as notes.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldError, Parsed};

/// libphonenumber's number types, named in snake_case (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneType {
    Mobile,
    FixedLine,
    FixedLineOrMobile,
    TollFree,
    PremiumRate,
    SharedCost,
    Voip,
    PersonalNumber,
    Pager,
    Uan,
    Voicemail,
    Unknown,
}

impl PhoneType {
    pub fn name(self) -> &'static str {
        match self {
            PhoneType::Mobile => "mobile",
            PhoneType::FixedLine => "fixed_line",
            PhoneType::FixedLineOrMobile => "fixed_line_or_mobile",
            PhoneType::TollFree => "toll_free",
            PhoneType::PremiumRate => "premium_rate",
            PhoneType::SharedCost => "shared_cost",
            PhoneType::Voip => "voip",
            PhoneType::PersonalNumber => "personal_number",
            PhoneType::Pager => "pager",
            PhoneType::Uan => "uan",
            PhoneType::Voicemail => "voicemail",
            PhoneType::Unknown => "unknown",
        }
    }

    /// Numbers of this type cannot receive WhatsApp or SMS OTPs.
    pub fn cannot_receive_otp(self) -> bool {
        matches!(self, PhoneType::FixedLine | PhoneType::TollFree | PhoneType::PremiumRate)
    }
}

impl fmt::Display for PhoneType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A valid customer number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// `+201001234567`
    pub e164: String,
    /// ISO 3166-1 alpha-2 region, `EG`; `None` for non-geographic numbers (+800, +882, ...).
    pub country: Option<String>,
    /// English short name of the region, `Egypt`.
    pub country_name: Option<String>,
    #[serde(rename = "type")]
    pub kind: PhoneType,
}

/// A region code for numbers written without a country code: `EG`, `eg`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Region(String);

impl Region {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Parse `--region`: a two-letter ISO region that has a calling code.
pub fn parse_region(input: &str) -> Result<Parsed<Region>, FieldError> {
    let _ = input;
    todo!()
}

/// Parse a customer number. `region` is used only when the number has no country code.
/// Notes: country and type ("mobile number, Egypt (EG)"); a warning for types that cannot receive
/// OTPs (see [`PhoneType::cannot_receive_otp`]).
pub fn parse_phone(input: &str, region: Option<&Region>) -> Result<Parsed<Phone>, FieldError> {
    let _ = (input, region);
    todo!()
}
