//! libphonenumber's `parse` and `isValidNumber`, ported: the calling code (after `+`, `00`
//! without a region, or the region's own international prefix), the national prefix and its
//! transform rule, the possible-length test that decides whether a strip is kept, then the
//! region and type of the national number.
//!
//! Why ported rather than called: the `phonenumber` crate shortcuts these steps (it read `+049 …`
//! as +49, always took `00` as the international prefix, stripped national prefixes twice) and
//! bundles older metadata. The algorithm is short; this runs it on libphonenumber's own metadata
//! (`data/phone/metadata.json`), function by function, with libphonenumber's names in the docs so
//! that the two can be read side by side. `tests/phone_parity.rs` holds it to libphonenumber's
//! answers.

use std::sync::Arc;

use super::PhoneType;
use super::metadata::{self, CodeMetadata, Region};
use super::normalize::Digits;

/// libphonenumber's bounds for a national significant number.
const MIN_NATIONAL_LENGTH: usize = 2;
const MAX_NATIONAL_LENGTH: usize = 17;

/// A valid number: its calling code's metadata, national significant number, region and type.
pub(super) struct Valid {
    pub meta: Arc<CodeMetadata>,
    pub national: String,
    /// Index of the number's region in `meta.regions`.
    pub region: usize,
    pub kind: PhoneType,
}

impl Valid {
    pub fn region(&self) -> &Region {
        &self.meta.regions[self.region]
    }

    pub fn e164(&self) -> String {
        format!("+{}{}", self.meta.code, self.national)
    }
}

/// Why a number is not valid, in libphonenumber's terms.
pub(super) enum Failure {
    /// No `+`, no international prefix, and no region to read a national number in.
    NoCountryCode,
    /// What follows the `+` or international prefix begins no calling code (`0…`, `999…`).
    InvalidCountryCode { after_prefix: String },
    /// An international prefix with at most two digits after it.
    TooShortAfterPrefix,
    /// A national significant number shorter than 2 digits.
    TooShort { meta: Arc<CodeMetadata> },
    /// A national significant number longer than 17 digits.
    TooLong { meta: Arc<CodeMetadata> },
    /// Parsed, but no number type of its region matches (`place`: that region, if found).
    Invalid {
        meta: Arc<CodeMetadata>,
        national: String,
        place: Option<String>,
    },
}

/// Parse and validate `typed` as libphonenumber's `parse(number, region)` followed by
/// `isValidNumber` does. One addition, SPEC §2: without a region, a leading `00` is the
/// international prefix (libphonenumber would refuse the number for want of a region).
pub(super) fn read(typed: &Digits, region: Option<&str>) -> Result<Valid, Failure> {
    let default = region.and_then(|id| Some((metadata::for_code(metadata::region_code(id)?)?, id)));
    let rules = default.as_ref().and_then(|(meta, id)| meta.region(id));
    let (plus, digits) = match (typed.plus, rules, typed.digits.strip_prefix("00")) {
        (false, None, Some(rest)) => (true, rest),
        _ => (typed.plus, typed.digits.as_str()),
    };
    let extracted = extract_country_code(plus, digits, rules)?;
    let (meta, rules, national) = match extracted {
        Some((code, national)) => {
            let meta = metadata::for_code(code).expect("extracted codes are known");
            (meta, None, national)
        }
        None => {
            let (meta, _) = default.clone().ok_or(Failure::NoCountryCode)?;
            (meta, rules, digits.to_owned())
        }
    };
    // The number's own code's main region, or the given region for a national number, as
    // libphonenumber's `parseHelper` picks the metadata it strips the national prefix with.
    let rules = rules.unwrap_or(meta.main());
    if national.len() < MIN_NATIONAL_LENGTH {
        return Err(Failure::TooShort { meta });
    }
    let national = strip_national_prefix(rules, &national);
    if national.len() < MIN_NATIONAL_LENGTH {
        return Err(Failure::TooShort { meta });
    }
    if national.len() > MAX_NATIONAL_LENGTH {
        return Err(Failure::TooLong { meta });
    }
    validate(meta, national)
}

/// libphonenumber's `isValidNumber`: the region of the number (`getRegionCodeForNumber`) has a
/// number type whose descriptor it matches.
fn validate(meta: Arc<CodeMetadata>, national: String) -> Result<Valid, Failure> {
    let found = region_of(&meta, &national);
    let kind = found.map_or(PhoneType::Unknown, |i| type_of(&meta.regions[i], &national));
    match found {
        Some(region) if kind != PhoneType::Unknown => Ok(Valid {
            meta,
            national,
            region,
            kind,
        }),
        _ => {
            let place = found.map(|i| meta.regions[i].id.clone());
            Err(Failure::Invalid {
                meta,
                national,
                place,
            })
        }
    }
}

/// libphonenumber's `maybeExtractCountryCode`, with `parseHelper`'s second try: a `+` whose
/// digits begin no calling code is dropped and the digits read again, so that `+0011 …` under a
/// region whose international prefix is 0011 is still read (and `+049 …` is not).
fn extract_country_code(
    plus: bool,
    digits: &str,
    rules: Option<&Region>,
) -> Result<Option<(u16, String)>, Failure> {
    match maybe_extract_country_code(plus, digits, rules) {
        Err(Failure::InvalidCountryCode { after_prefix }) if plus => {
            match maybe_extract_country_code(false, digits, rules) {
                Ok(Some(found)) => Ok(Some(found)),
                Ok(None) | Err(_) => Err(Failure::InvalidCountryCode { after_prefix }),
            }
        }
        other => other,
    }
}

/// The calling code and the rest, when the number has one: after `+`, after the region's
/// international prefix, or the region's own code written without `+` (`201001234567` in EG).
fn maybe_extract_country_code(
    plus: bool,
    digits: &str,
    rules: Option<&Region>,
) -> Result<Option<(u16, String)>, Failure> {
    let after_prefix = if plus {
        Some(digits)
    } else {
        rules.and_then(|r| strip_international_prefix(r, digits))
    };
    if let Some(rest) = after_prefix {
        if rest.len() <= MIN_NATIONAL_LENGTH {
            return Err(Failure::TooShortAfterPrefix);
        }
        let Some(code) = metadata::code_prefix(rest) else {
            return Err(Failure::InvalidCountryCode {
                after_prefix: rest.to_owned(),
            });
        };
        return Ok(Some((code, rest[code.to_string().len()..].to_owned())));
    }
    let Some(rules) = rules else {
        return Ok(None);
    };
    let code = rules.code.to_string();
    let Some(rest) = digits.strip_prefix(code.as_str()) else {
        return Ok(None);
    };
    // Keep the code stripped if the whole was not a national number and the rest is, or if the
    // whole is too long to be one.
    let rest = national_prefix_stripped(rules, rest).unwrap_or_else(|| rest.to_owned());
    let general = rules.general.pattern.get();
    if (!general.is_match(digits) && general.is_match(&rest))
        || test_length(rules, digits.len()) == Length::TooLong
    {
        return Ok(Some((rules.code, rest)));
    }
    Ok(None)
}

/// libphonenumber's `parsePrefixAsIdd`: the digits after the region's international prefix,
/// unless they begin with 0 (no calling code does: `000 …` in UY stays a national number).
fn strip_international_prefix<'a>(rules: &Region, digits: &'a str) -> Option<&'a str> {
    let found = rules.international_prefix.as_ref()?.get().find(digits)?;
    let rest = &digits[found.end()..];
    (!rest.starts_with('0')).then_some(rest)
}

/// `parseHelper`'s national prefix strip: kept only if what is left has a possible length (the
/// original could be a valid short number). `8 800 555 35 35` in RU is the toll-free
/// +78005553535.
fn strip_national_prefix(rules: &Region, number: &str) -> String {
    match national_prefix_stripped(rules, number) {
        Some(stripped)
            if !matches!(
                test_length(rules, stripped.len()),
                Length::TooShort | Length::LocalOnly | Length::Invalid
            ) =>
        {
            stripped
        }
        _ => number.to_owned(),
    }
}

/// libphonenumber's `maybeStripNationalPrefixAndCarrierCode`: the number without its national
/// prefix (and carrier code), transformed by the region's rule when it has one (AR's `0 11 15 …`
/// becomes `9 11 …`); `None` when nothing is stripped, or when a viable number would become a
/// non-viable one.
fn national_prefix_stripped(rules: &Region, number: &str) -> Option<String> {
    if number.is_empty() {
        return None;
    }
    let pattern = rules.national_prefix_for_parsing.as_ref()?.get();
    let captures = pattern.captures(number)?;
    let end = captures.get(0).map_or(0, |m| m.end());
    let groups = captures.len() - 1;
    let last_group_matched = groups > 0 && captures.get(groups).is_some();
    let stripped = match &rules.national_prefix_transform_rule {
        Some(rule) if last_group_matched => {
            let mut transformed = String::new();
            captures.expand(rule, &mut transformed);
            transformed + &number[end..]
        }
        _ => number[end..].to_owned(),
    };
    let general = rules.general.pattern.get();
    if general.is_match(number) && !general.is_match(&stripped) {
        return None;
    }
    Some(stripped)
}

/// libphonenumber's `ValidationResult`.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Length {
    Possible,
    LocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

/// libphonenumber's `testNumberLength` for an unknown type: the general descriptor's lengths.
pub(super) fn test_length(rules: &Region, length: usize) -> Length {
    let lengths = &rules.general.lengths;
    let length = u16::try_from(length).unwrap_or(u16::MAX);
    let (Some(&min), Some(&max)) = (lengths.first(), lengths.last()) else {
        return Length::Invalid;
    };
    if rules.general.local_lengths.contains(&length) {
        Length::LocalOnly
    } else if length == min {
        Length::Possible
    } else if length < min {
        Length::TooShort
    } else if length > max {
        Length::TooLong
    } else if lengths.contains(&length) {
        Length::Possible
    } else {
        Length::Invalid
    }
}

/// libphonenumber's `getRegionCodeForNumberFromRegionList`: the first region of the calling code
/// whose leading digits begin the number, or (for regions without them) that has a type for it.
fn region_of(meta: &CodeMetadata, national: &str) -> Option<usize> {
    if meta.regions.len() == 1 {
        return Some(0);
    }
    meta.regions
        .iter()
        .position(|region| match &region.leading_digits {
            Some(pattern) => pattern.get().is_match(national),
            None => type_of(region, national) != PhoneType::Unknown,
        })
}

/// libphonenumber's `getNumberTypeHelper`.
pub(super) fn type_of(region: &Region, national: &str) -> PhoneType {
    if !region.general.matches(national) {
        return PhoneType::Unknown;
    }
    let matching = |kind| region.descriptor(kind).is_some_and(|d| d.matches(national));
    let special = region
        .types
        .iter()
        .filter(|t| !matches!(t.kind, PhoneType::FixedLine | PhoneType::Mobile))
        .find(|t| t.descriptor.matches(national));
    if let Some(found) = special {
        return found.kind;
    }
    if matching(PhoneType::FixedLine) {
        if region.same_mobile_and_fixed_line_pattern || matching(PhoneType::Mobile) {
            return PhoneType::FixedLineOrMobile;
        }
        return PhoneType::FixedLine;
    }
    if !region.same_mobile_and_fixed_line_pattern && matching(PhoneType::Mobile) {
        return PhoneType::Mobile;
    }
    PhoneType::Unknown
}
