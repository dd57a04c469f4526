//! `phone` and `region`: the customer's number, parsed with the `phonenumber` crate and written
//! as E.164, with its country and number type as notes.
//!
//! `normalize` turns what was typed into `+` and ASCII digits; this file finds the calling code and
//! the national number (stripping prefixes the way Google's libphonenumber does, where the crate
//! differs), has the crate parse and validate `+CC national`, and words the notes and errors.
//! `metadata` loads one calling code's metadata at a time (see `build.rs`).

mod countries;
mod metadata;
mod normalize;

pub use countries::country_name;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Field, FieldError, Note, Parsed};

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

    /// In words, for notes: `mobile`, `fixed-line (landline)`, `toll-free`.
    pub fn words(self) -> &'static str {
        match self {
            PhoneType::Mobile => "mobile",
            PhoneType::FixedLine => "fixed-line (landline)",
            PhoneType::FixedLineOrMobile => "fixed-line or mobile",
            PhoneType::TollFree => "toll-free",
            PhoneType::PremiumRate => "premium-rate",
            PhoneType::SharedCost => "shared-cost",
            PhoneType::Voip => "VoIP",
            PhoneType::PersonalNumber => "personal",
            PhoneType::Pager => "pager",
            PhoneType::Uan => "company (UAN)",
            PhoneType::Voicemail => "voicemail",
            PhoneType::Unknown => "unknown-type",
        }
    }

    /// Numbers of this type cannot receive WhatsApp or SMS OTPs.
    pub fn cannot_receive_otp(self) -> bool {
        matches!(
            self,
            PhoneType::FixedLine | PhoneType::TollFree | PhoneType::PremiumRate
        )
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
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(FieldError::missing(
            Field::Region,
            "missing; give the two-letter country code of the customer's number, e.g. EG",
        ));
    }
    let id = trimmed.to_ascii_uppercase();
    if let Some(code) = metadata::region_code(&id) {
        let name = countries::country_name(&id).unwrap_or(&id);
        let note = Note::info(format!("{name} (+{code})"));
        return Ok(Parsed::new(Region(id)).with_note(note));
    }
    Err(FieldError::new(
        Field::Region,
        trimmed,
        "unknown_region",
        unknown_region_hint(trimmed),
    ))
}

fn unknown_region_hint(input: &str) -> String {
    let calling_code = input.trim_start_matches('+');
    if let Ok(code) = calling_code.parse::<u16>() {
        let ids: Vec<&str> = metadata::regions()
            .iter()
            .filter(|(_, c)| *c == code)
            .map(|(id, _)| *id)
            .collect();
        if let Some(id) = ids.first() {
            return format!(
                "that is a calling code; give the two-letter country code instead, e.g. {id} for +{code}"
            );
        }
    }
    "not a country with a phone calling code; give the two-letter ISO country code, \
     e.g. EG for Egypt, SA for Saudi Arabia, GB for the United Kingdom"
        .to_owned()
}

/// Parse a customer number. `region` is used only when the number has no country code.
/// Notes: country and type ("mobile number, Egypt (EG)"); a warning for types that cannot receive
/// OTPs (see [`PhoneType::cannot_receive_otp`]).
pub fn parse_phone(input: &str, region: Option<&Region>) -> Result<Parsed<Phone>, FieldError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldError::missing(
            Field::Phone,
            format!(
                "missing; give the customer's number with the country code, e.g. {MODEL_EXAMPLE}"
            ),
        ));
    }
    let fail =
        |code: &'static str, message: String| FieldError::new(Field::Phone, input, code, message);
    let typed = normalize::normalize(input).map_err(|refusal| {
        let (code, message) = refusal_message(refusal);
        fail(code, message)
    })?;
    let (code, national) = split(&typed, region).map_err(|(c, m)| fail(c, m))?;
    let meta = metadata::for_code(code).expect("split returns known calling codes");
    let given_region = region
        .map(Region::as_str)
        .filter(|r| meta.region(r).is_some());

    if national.len() < MIN_NATIONAL_LENGTH {
        return Err(fail(
            "too_short",
            length_message("too short", &meta, given_region),
        ));
    }
    if national.len() > MAX_NATIONAL_LENGTH {
        return Err(fail(
            "too_long",
            length_message("too long", &meta, given_region),
        ));
    }
    // The crate parses with the database of the number's region alone (see
    // `CodeMetadata::database`), so it need not search the regions of the code itself.
    let guess = source_of(&meta, &national);
    let database = meta.database(guess.unwrap_or(meta.main()));
    let number =
        phonenumber::parse_with(database, None, format!("+{code}{national}")).map_err(|e| {
            let (code, what) = match e {
                phonenumber::ParseError::TooLong => ("too_long", "too long"),
                _ => ("too_short", "too short"),
            };
            fail(code, length_message(what, &meta, given_region))
        })?;
    let national = number.national().to_string();
    // `PhoneNumber::number_type` and `country()` read the national number without its leading
    // zeros: Rome's `06 1234 5678` (region IT) came out as type unknown and no country, where
    // libphonenumber says fixed_line, IT. And the crate's `is_valid_with`, which finds region and
    // type as `source_of` and `type_of` do here, costs 20 µs for a UK number: its regex cache
    // hashes each multi-kilobyte pattern on every match. So the validity check is ours, on the
    // same metadata: a number is valid when its region has a type whose pattern it matches.
    let source = source_of(&meta, &national);
    let kind = source
        .map(|r| type_of(r, &national))
        .unwrap_or(PhoneType::Unknown);
    if kind == PhoneType::Unknown {
        let place_id = source.map(|r| r.id.as_str()).or(given_region);
        return Err(invalid(&meta, place_id, &national).map_or_else(
            || fail("invalid_number", invalid_message(&meta, place_id)),
            |(code, message)| fail(code, message),
        ));
    }

    let country = source
        .map(|r| r.id.as_str())
        .filter(|id| *id != NON_GEOGRAPHIC)
        .map(str::to_owned);
    let country_name = country
        .as_deref()
        .and_then(countries::country_name)
        .map(str::to_owned);
    let phone = Phone {
        e164: format!("+{code}{national}"),
        country,
        country_name,
        kind,
    };
    let mut parsed = Parsed::new(phone.clone()).with_note(Note::info(format!(
        "{} number, {}",
        kind.words(),
        describe_origin(&phone, code)
    )));
    if kind.cannot_receive_otp() {
        parsed = parsed.with_note(Note::warning(format!(
            "a {} number cannot receive WhatsApp or SMS OTPs, the commonest reason an OTP never \
             arrives; ask the customer for a mobile number",
            kind.words()
        )));
    }
    Ok(parsed)
}

/// libphonenumber's bounds for a national significant number.
const MIN_NATIONAL_LENGTH: usize = 2;
const MAX_NATIONAL_LENGTH: usize = 17;
/// The metadata's region id for codes that belong to no country (+800, +882, ...).
const NON_GEOGRAPHIC: &str = "001";
const MODEL_EXAMPLE: &str = "+20 100 123 4567";

fn describe_origin(phone: &Phone, code: u16) -> String {
    match (&phone.country, &phone.country_name) {
        (Some(id), Some(name)) => format!("{name} ({id})"),
        (Some(id), None) => id.clone(),
        _ => format!("international, no country (+{code})"),
    }
}

fn refusal_message(refusal: normalize::Refusal) -> (&'static str, String) {
    use normalize::Refusal;
    match refusal {
        Refusal::Letter(c, at) => (
            "letter",
            format!(
                "has the letter `{c}` at position {at}; a customer's number has only digits, so \
                 this is a typo (O for 0, l for 1?); write it like {MODEL_EXAMPLE}"
            ),
        ),
        Refusal::Symbol(c, at) => (
            "bad_character",
            format!(
                "`{c}` at position {at} is not part of a phone number; write digits, a leading +, \
                 and spaces or dashes if you like, e.g. {MODEL_EXAMPLE}"
            ),
        ),
        Refusal::PlusInside(at) => (
            "bad_character",
            format!(
                "`+` at position {at}: a + may only come first, before the country code, \
                 e.g. {MODEL_EXAMPLE}"
            ),
        ),
        Refusal::NoDigits => (
            "no_digits",
            format!("has no digits; give the customer's number, e.g. {MODEL_EXAMPLE}"),
        ),
    }
}

/// The calling code and the national significant number of what was typed.
fn split(
    typed: &normalize::Digits,
    region: Option<&Region>,
) -> Result<(u16, String), (&'static str, String)> {
    if typed.plus {
        return international(&typed.digits, region);
    }
    let Some(region) = region else {
        return Err((
            "missing_country_code",
            format!(
                "no country code, and no region to read the number in; write it with + and the \
                 country code, e.g. {MODEL_EXAMPLE}, or give --region CC, e.g. --region EG"
            ),
        ));
    };
    let code = metadata::region_code(region.as_str()).expect("Region holds known regions");
    let meta = metadata::for_code(code).expect("known calling code");
    let rules = meta
        .region(region.as_str())
        .expect("region of its own code");
    // The region's own international prefix: `011 20 100 123 4567` in the US.
    if let Some(idd) = rules
        .international_prefix
        .as_ref()
        .and_then(|re| re.get().find(&typed.digits))
    {
        let rest = &typed.digits[idd.end()..];
        if !rest.is_empty() && !rest.starts_with('0') {
            return international(rest, Some(region));
        }
    }
    let digits = strip_country_code(rules, code, &typed.digits);
    Ok((code, strip_national_prefix(rules, &digits)))
}

/// `digits` begin with a calling code (what came after `+` or an international prefix).
fn international(
    digits: &str,
    region: Option<&Region>,
) -> Result<(u16, String), (&'static str, String)> {
    let Some(code) = metadata::code_prefix(digits) else {
        let shown: String = digits.chars().take(3).collect();
        let example = region
            .and_then(|r| {
                let name = countries::country_name(r.as_str())?;
                let (mobile, fixed) = metadata::examples(r.as_str());
                Some(format!("{} for {name}", mobile.or(fixed)?))
            })
            .unwrap_or_else(|| format!("{MODEL_EXAMPLE} for Egypt"));
        return Err((
            "invalid_country_code",
            format!(
                "no country has a calling code that starts +{shown}; check the digits after the + \
                 (or 00): it should be the country code, e.g. {example}"
            ),
        ));
    };
    let national = &digits[code.to_string().len()..];
    let meta = metadata::for_code(code).expect("known calling code");
    Ok((code, strip_national_prefix(meta.main(), national)))
}

/// A region-relative number that starts with the region's own calling code, written without `+`
/// (`201001234567` in EG): libphonenumber's test, the whole digits not being a valid national
/// number while the rest is, or the whole being too long.
fn strip_country_code(rules: &metadata::Region, code: u16, digits: &str) -> String {
    let code = code.to_string();
    if let Some(rest) = digits.strip_prefix(code.as_str()) {
        let rest_national = strip_national_prefix(rules, rest);
        let whole_fits = rules.general.get().is_match(digits);
        if (!whole_fits && rules.general.get().is_match(&rest_national))
            || test_length(rules, digits.len()) == Length::TooLong
        {
            return rest.to_owned();
        }
    }
    digits.to_owned()
}

/// libphonenumber's `maybeStripNationalPrefixAndCarrierCode`, kept only if the result has a
/// possible length, as its `parseHelper` does. The crate strips twice and does not check what is
/// left; this proves the difference: `8 800 555 35 35` in RU is the toll-free +78005553535.
fn strip_national_prefix(rules: &metadata::Region, number: &str) -> String {
    let Some(captures) = rules
        .national_prefix_for_parsing
        .as_ref()
        .and_then(|re| re.get().captures(number))
    else {
        return number.to_owned();
    };
    let end = captures.get(0).map_or(0, |m| m.end());
    let last_group = captures
        .len()
        .checked_sub(1)
        .filter(|&n| n > 0)
        .and_then(|n| captures.get(n));
    let stripped = match (&rules.national_prefix_transform_rule, last_group) {
        (Some(rule), Some(_)) => {
            let mut transformed = String::new();
            captures.expand(&dollar_groups(rule), &mut transformed);
            transformed + &number[end..]
        }
        _ => number[end..].to_owned(),
    };
    let viable = rules.general.get().is_match(number);
    if viable && !rules.general.get().is_match(&stripped) {
        return number.to_owned();
    }
    match test_length(rules, stripped.len()) {
        Length::TooShort | Length::LocalOnly | Length::Invalid => number.to_owned(),
        Length::Possible | Length::TooLong => stripped,
    }
}

/// Metadata transform rules say `$1`; the regex crate would read `$15` as group 15.
fn dollar_groups(rule: &str) -> String {
    let mut out = String::with_capacity(rule.len() + 4);
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('$', Some(d)) if d.is_ascii_digit() => {
                out.push_str("${");
                out.push(*d);
                out.push('}');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[derive(Debug, PartialEq, Eq)]
enum Length {
    Possible,
    LocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

/// libphonenumber's `testNumberLength` for an unknown type.
fn test_length(rules: &metadata::Region, length: usize) -> Length {
    let length = u16::try_from(length).unwrap_or(u16::MAX);
    let (Some(&min), Some(&max)) = (rules.lengths.first(), rules.lengths.last()) else {
        return Length::Invalid;
    };
    if rules.local_lengths.contains(&length) {
        Length::LocalOnly
    } else if length < min {
        Length::TooShort
    } else if length > max {
        Length::TooLong
    } else if rules.lengths.contains(&length) {
        Length::Possible
    } else {
        Length::Invalid
    }
}

/// A length reason for an invalid number, when the length is what is wrong: shorter or longer than
/// any number of the country, or than the country's example mobile it begins like (`+20 100 123`
/// has a possible length for Egypt, but an Egyptian mobile has 10 digits).
fn invalid(
    meta: &metadata::CodeMetadata,
    place: Option<&str>,
    national: &str,
) -> Option<(&'static str, String)> {
    let rules = place.and_then(|id| meta.region(id)).unwrap_or(meta.main());
    let too = |code, what| Some((code, length_message(what, meta, Some(&rules.id))));
    match test_length(rules, national.len()) {
        Length::TooShort => return too("too_short", "too short"),
        Length::TooLong => return too("too_long", "too long"),
        _ => {}
    }
    let mobile = metadata::examples(&rules.id).0?;
    let mobile: String = mobile
        .chars()
        .filter(char::is_ascii_digit)
        .skip(meta.code.to_string().len())
        .collect();
    // `0100 123` in EG: the 0 stays on when what follows has no possible length.
    let national = match rules
        .national_prefix_for_parsing
        .as_ref()
        .and_then(|re| re.get().find(national))
    {
        Some(prefix) => &national[prefix.end()..],
        None => national,
    };
    let begins_alike = mobile
        .get(..2)
        .is_some_and(|start| national.starts_with(start));
    match national.len().cmp(&mobile.len()) {
        std::cmp::Ordering::Less if begins_alike => too("too_short", "too short"),
        std::cmp::Ordering::Greater if begins_alike => too("too_long", "too long"),
        _ => None,
    }
}

fn length_message(what: &str, meta: &metadata::CodeMetadata, place: Option<&str>) -> String {
    format!(
        "{what} for {}; {}",
        place_name(meta, place),
        how_long(meta, place)
    )
}

fn invalid_message(meta: &metadata::CodeMetadata, place: Option<&str>) -> String {
    format!(
        "not a valid number for {}: no number there begins with these digits; check for a \
         mistyped or missing digit; {}",
        place_name(meta, place),
        how_long(meta, place)
    )
}

/// `Egypt (+20)`.
fn place_name(meta: &metadata::CodeMetadata, place: Option<&str>) -> String {
    let id = place.unwrap_or(&meta.main().id);
    match countries::country_name(id) {
        Some(name) => format!("{name} (+{})", meta.code),
        None => format!("+{}", meta.code),
    }
}

/// `a mobile number there has 10 digits after +20, e.g. +20 100 123 4567`.
fn how_long(meta: &metadata::CodeMetadata, place: Option<&str>) -> String {
    let id = place.unwrap_or(&meta.main().id);
    let code = meta.code;
    let (mobile, fixed) = metadata::examples(id);
    let described = mobile
        .map(|m| ("a mobile number", m))
        .or(fixed.map(|f| ("a number", f)));
    if let Some((what, example)) = described {
        let digits = example.chars().filter(char::is_ascii_digit).count() - code.to_string().len();
        return format!("{what} there has {digits} digits after +{code}, e.g. {example}");
    }
    let rules = meta.region(id).unwrap_or(meta.main());
    match (rules.lengths.first(), rules.lengths.last()) {
        (Some(min), Some(max)) if min == max => {
            format!("a number there has {min} digits after +{code}")
        }
        (Some(min), Some(max)) => format!("a number there has {min} to {max} digits after +{code}"),
        _ => format!("check the digits after +{code}"),
    }
}

/// The region of a number among those that share its calling code (libphonenumber's
/// `getRegionCodeForNumberFromRegionList`).
fn source_of<'a>(meta: &'a metadata::CodeMetadata, national: &str) -> Option<&'a metadata::Region> {
    if let [only] = meta.regions.as_slice() {
        return Some(only);
    }
    meta.regions
        .iter()
        .find(|region| match &region.leading_digits {
            Some(pattern) => pattern.get().is_match(national),
            None => type_of(region, national) != PhoneType::Unknown,
        })
}

/// libphonenumber's `getNumberType`.
fn type_of(region: &metadata::Region, national: &str) -> PhoneType {
    if !region.general.get().is_match(national) {
        return PhoneType::Unknown;
    }
    let Some(found) = region.types.iter().find(|t| t.matches(national)) else {
        return PhoneType::Unknown;
    };
    if found.kind != PhoneType::FixedLine {
        return found.kind;
    }
    let mobile_too = region
        .types
        .iter()
        .any(|t| t.kind == PhoneType::Mobile && t.matches(national));
    if region.fixed_line_is_mobile || mobile_too {
        PhoneType::FixedLineOrMobile
    } else {
        PhoneType::FixedLine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(id: &str) -> Region {
        parse_region(id).unwrap().value
    }

    fn e164(input: &str, region_id: Option<&str>) -> String {
        let region = region_id.map(region);
        match parse_phone(input, region.as_ref()) {
            Ok(parsed) => parsed.value.e164,
            Err(e) => panic!("{input} with {region_id:?}: {e}"),
        }
    }

    fn refused(input: &str, region_id: Option<&str>) -> FieldError {
        let region = region_id.map(region);
        parse_phone(input, region.as_ref()).expect_err(input)
    }

    fn parsed(input: &str, region_id: Option<&str>) -> Parsed<Phone> {
        parse_phone(input, region_id.map(region).as_ref()).unwrap()
    }

    #[test]
    fn international_forms_give_e164() {
        for input in [
            "+201001234567",
            "+20 100 123 4567",
            "+20-100-123-4567",
            "+20 (100) 123.4567",
            "00201001234567",
            "0020 100 123 4567",
            "\u{FF0B}20 100 123 4567",
            "\u{FF0B}\u{FF12}\u{FF10}\u{FF11}\u{FF10}\u{FF10}\u{FF11}\u{FF12}\u{FF13}\u{FF14}\u{FF15}\u{FF16}\u{FF17}",
            "+٢٠ ١٠٠ ١٢٣ ٤٥٦٧",
            "+۲۰ ۱۰۰ ۱۲۳ ۴۵۶۷",
            "\u{200F}+20\u{00A0}100\u{00A0}123\u{00A0}4567",
            "  +20 100 123 4567  ",
            "+20 0100 123 4567",
        ] {
            assert_eq!(e164(input, None), "+201001234567", "{input}");
        }
    }

    #[test]
    fn region_relative_numbers_use_the_region() {
        assert_eq!(e164("01001234567", Some("EG")), "+201001234567");
        assert_eq!(e164("٠١٠٠١٢٣٤٥٦٧", Some("EG")), "+201001234567");
        assert_eq!(e164("201001234567", Some("EG")), "+201001234567");
        assert_eq!(e164("07400 123456", Some("GB")), "+447400123456");
        assert_eq!(e164("(202) 555-0123", Some("US")), "+12025550123");
        assert_eq!(e164("011 20 100 123 4567", Some("US")), "+201001234567");
        assert_eq!(e164("098765 43210", Some("IN")), "+919876543210");
        assert_eq!(e164("0501234567", Some("SA")), "+966501234567");
        assert_eq!(e164("050 123 4567", Some("AE")), "+971501234567");
        assert_eq!(e164("0300 1234567", Some("PK")), "+923001234567");
        assert_eq!(e164("0612345678", Some("MA")), "+212612345678");
        assert_eq!(e164("01512 3456789", Some("DE")), "+4915123456789");
        assert_eq!(e164("06 12 34 56 78", Some("FR")), "+33612345678");
        assert_eq!(e164("(11) 91234-5678", Some("BR")), "+5511912345678");
        assert_eq!(e164("011 15 2345 6789", Some("AR")), "+5491123456789");
        // A number with its own country code ignores the region.
        assert_eq!(e164("+44 7400 123456", Some("EG")), "+447400123456");
    }

    #[test]
    fn other_countries_with_country_code() {
        assert_eq!(e164("+55 11 91234-5678", None), "+5511912345678");
        assert_eq!(e164("+54 9 11 2345 6789", None), "+5491123456789");
        assert_eq!(e164("+52 55 1234 5678", None), "+525512345678");
        assert_eq!(e164("+1 416 555 0123", None), "+14165550123");
        assert_eq!(
            parsed("+1 416 555 0123", None).value.country.as_deref(),
            Some("CA")
        );
        assert_eq!(
            parsed("+7 701 123 4567", None).value.country.as_deref(),
            Some("KZ")
        );
    }

    // Workaround: the crate turned `8 800 555 35 35` (RU) and `+7 800 555 35 35` into the invalid
    // +7005553535; libphonenumber gives the toll-free +78005553535.
    #[test]
    fn russian_8_800_numbers_are_toll_free_as_libphonenumber_says() {
        for (input, region_id) in [
            ("8 800 555 35 35", Some("RU")),
            ("+7 800 555 35 35", None),
            ("88005553535", Some("RU")),
        ] {
            let phone = parsed(input, region_id).value;
            assert_eq!(phone.e164, "+78005553535", "{input}");
            assert_eq!(phone.kind, PhoneType::TollFree, "{input}");
            assert_eq!(phone.country.as_deref(), Some("RU"));
        }
        assert_eq!(e164("8 912 345 67 89", Some("RU")), "+79123456789");
        assert_eq!(e164("+7 812 123 45 67", None), "+78121234567");
    }

    #[test]
    fn italian_mobiles_without_country_code_under_it() {
        for input in ["312 345 6789", "3123456789", "+39 312 345 6789"] {
            let phone = parsed(input, Some("IT")).value;
            assert_eq!(phone.e164, "+393123456789");
            assert_eq!(phone.kind, PhoneType::Mobile);
        }
    }

    // Workaround: the crate's `number_type` drops the leading zero of Rome's 06: type unknown,
    // no country. libphonenumber: fixed_line, IT.
    #[test]
    fn italian_fixed_lines_keep_their_leading_zero() {
        let phone = parsed("06 1234 5678", Some("IT")).value;
        assert_eq!(phone.e164, "+390612345678");
        assert_eq!(phone.kind, PhoneType::FixedLine);
        assert_eq!(phone.country.as_deref(), Some("IT"));
    }

    #[test]
    fn letters_are_refused_naming_the_letter_and_its_position() {
        let e = refused("1-800-FLOWERS", Some("US"));
        assert_eq!(e.code, "letter");
        assert!(e.message.contains("`F` at position 7"), "{}", e.message);
        let e = refused("+20 1OO 123 4567", None);
        assert!(e.message.contains("`O` at position 6"), "{}", e.message);
        assert_eq!(refused("tel:+201001234567", None).code, "letter");
    }

    #[test]
    fn symbols_and_misplaced_plus_are_refused() {
        assert_eq!(refused("+20 100 123 4567#", None).code, "bad_character");
        assert_eq!(refused("20+1001234567", None).code, "bad_character");
        assert_eq!(refused("- -", None).code, "no_digits");
    }

    #[test]
    fn too_short_names_country_and_example() {
        let e = refused("+20 10", None);
        assert_eq!(e.code, "too_short");
        assert_eq!(
            e.message,
            // libphonenumber groups Egyptian mobiles 2 + 8, from the metadata's formats.
            "too short for Egypt (+20); a mobile number there has 10 digits after +20, e.g. +20 10 01234567"
        );
        assert_eq!(refused("+20 100 123", None).code, "too_short");
        assert_eq!(refused("0100 123", Some("EG")).code, "too_short");
    }

    #[test]
    fn too_long_names_country_and_example() {
        let e = refused("+20 100 123 4567 8", None);
        assert_eq!(e.code, "too_long");
        assert!(
            e.message.starts_with("too long for Egypt (+20); "),
            "{}",
            e.message
        );
        assert_eq!(refused("+2010012345678901234", None).code, "too_long");
    }

    #[test]
    fn unknown_country_code_is_refused_with_the_fix() {
        let e = refused("+999 123 4567", None);
        assert_eq!(e.code, "invalid_country_code");
        assert!(e.message.contains("+999"), "{}", e.message);
        assert!(e.message.contains("e.g. +20 100 123 4567"), "{}", e.message);
    }

    #[test]
    fn no_country_code_and_no_region_says_both_fixes() {
        let e = refused("01001234567", None);
        assert_eq!(e.code, "missing_country_code");
        assert!(
            e.message.contains("with + and the country code"),
            "{}",
            e.message
        );
        assert!(e.message.contains("--region"), "{}", e.message);
    }

    #[test]
    fn invalid_number_for_the_country_is_refused() {
        let e = refused("+20 170 123 4567", None);
        assert_eq!(e.code, "invalid_number");
        assert!(
            e.message.starts_with("not a valid number for Egypt (+20)"),
            "{}",
            e.message
        );
        assert!(e.message.contains("e.g. +20 10 01234567"), "{}", e.message);
        // Mexico dropped the mobile `1` in 2019; libphonenumber also refuses it, on length.
        assert_eq!(refused("+52 1 55 1234 5678", None).code, "too_long");
    }

    #[test]
    fn empty_input_is_missing() {
        let e = refused("  ", None);
        assert_eq!(e.code, "missing");
        assert!(e.message.contains("+20 100 123 4567"));
    }

    #[test]
    fn notes_give_type_country_name_and_code() {
        let p = parsed("+201001234567", None);
        assert_eq!(p.notes, vec![Note::info("mobile number, Egypt (EG)")]);
        assert_eq!(p.value.country.as_deref(), Some("EG"));
        assert_eq!(p.value.country_name.as_deref(), Some("Egypt"));
        assert_eq!(p.value.kind, PhoneType::Mobile);
        let us = parsed("+1 202 555 0123", None);
        assert_eq!(
            us.notes,
            vec![Note::info(
                "fixed-line or mobile number, United States (US)"
            )]
        );
        let intl = parsed("+800 1234 5678", None);
        assert_eq!(intl.value.country, None);
        assert_eq!(
            intl.notes[0].text,
            "toll-free number, international, no country (+800)"
        );
    }

    #[test]
    fn landline_toll_free_and_premium_numbers_warn_about_otps() {
        for (input, region_id, kind) in [
            ("0225123456", Some("EG"), PhoneType::FixedLine),
            ("+1 800 555 0123", None, PhoneType::TollFree),
            ("+1 900 555 0123", None, PhoneType::PremiumRate),
        ] {
            let p = parsed(input, region_id);
            assert_eq!(p.value.kind, kind, "{input}");
            let warning = p.notes.iter().find(|n| n.is_warning()).expect(input);
            assert!(
                warning.text.contains("cannot receive WhatsApp or SMS OTPs"),
                "{}",
                warning.text
            );
        }
        assert!(
            parsed("+201001234567", None)
                .notes
                .iter()
                .all(|n| !n.is_warning())
        );
    }

    #[test]
    fn regions_are_uppercased_and_unknown_ones_refused() {
        let r = parse_region(" eg ").unwrap();
        assert_eq!(r.value.as_str(), "EG");
        assert_eq!(r.notes, vec![Note::info("Egypt (+20)")]);
        let e = parse_region("XX").unwrap_err();
        assert_eq!(e.code, "unknown_region");
        assert!(e.message.contains("two-letter"), "{}", e.message);
        let e = parse_region("+20").unwrap_err();
        assert!(e.message.contains("EG for +20"), "{}", e.message);
        assert_eq!(parse_region("").unwrap_err().code, "missing");
    }

    #[test]
    fn every_metadata_region_has_an_english_name() {
        for (id, _) in metadata::regions() {
            assert!(country_name(id).is_some(), "no name for {id}");
        }
    }

    #[test]
    fn every_metadata_pattern_compiles_and_every_region_has_an_example_or_lengths() {
        for (id, code) in metadata::regions() {
            let meta = metadata::for_code(*code).unwrap();
            let region = meta.region(id).unwrap();
            metadata::compile_all(region);
            assert!(!region.lengths.is_empty(), "{id}");
            assert!(!how_long(&meta, Some(id)).is_empty());
        }
    }

    /// `PHONE=+447400123456 cargo test --release --lib phone_timing -- --ignored --nocapture`
    #[test]
    #[ignore = "timing report, run by hand"]
    fn phone_timing() {
        use std::time::Instant;
        let first = std::env::var("PHONE").unwrap_or_else(|_| "+201001234567".to_owned());
        let start = Instant::now();
        let code = metadata::code_prefix(first.trim_start_matches('+')).unwrap();
        metadata::for_code(code).unwrap();
        let loaded = start.elapsed();
        parse_phone(&first, None).unwrap();
        eprintln!(
            "first parse of {first}: {:?} (metadata {loaded:?})",
            start.elapsed()
        );
        let n = 200_000;
        let start = Instant::now();
        for _ in 0..n {
            parse_phone("+20 100 123 4567", None).unwrap();
        }
        let per = start.elapsed() / n;
        eprintln!("warm parse: {per:?} each, {:.0}/s", 1.0 / per.as_secs_f64());
        let start = Instant::now();
        std::thread::scope(|scope| {
            for number in ["+20 100 123 4567", "+44 7400 123456"] {
                scope.spawn(move || {
                    for _ in 0..n {
                        parse_phone(number, None).unwrap();
                    }
                });
            }
        });
        let rate = f64::from(2 * n) / start.elapsed().as_secs_f64();
        eprintln!("two threads: {rate:.0}/s");
    }
}
