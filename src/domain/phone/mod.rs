//! `phone` and `region`: the customer's number, parsed and validated as Google's libphonenumber
//! does and written as E.164, with its country and number type as notes.
//!
//! `normalize` turns what was typed into `+` and ASCII digits; `parse` is libphonenumber's parsing
//! and validation, ported; `metadata` loads one calling code's libphonenumber metadata at a time
//! (see `build.rs`; `record` is its format); `messages` words the errors. This file is the field:
//! empty input, the `00` habit under a region that dials abroad otherwise, the notes.

mod countries;
mod messages;
mod metadata;
mod normalize;
mod parse;
mod record;

pub use countries::country_name;
pub use metadata::libphonenumber_version;

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
            format!("missing; give the customer's number, e.g. {MODEL_EXAMPLE}"),
        ));
    }
    let fail = |(code, message): (&'static str, String)| {
        FieldError::new(Field::Phone, input, code, message)
    };
    let typed = normalize::normalize(input).map_err(|r| fail(messages::refusal(r)))?;
    let region_id = region.map(Region::as_str);
    let (valid, habit) = match parse::read(&typed, region_id) {
        Ok(valid) => (valid, None),
        Err(failure) => match double_zero_habit(&typed, region_id) {
            Some(read) => read,
            None => return Err(fail(messages::failure(&failure, region_id))),
        },
    };
    let phone = phone_of(&valid);
    let kind = valid.kind;
    let mut parsed = Parsed::new(phone.clone()).with_note(Note::info(format!(
        "{} number, {}",
        kind.words(),
        describe_origin(&phone, valid.meta.code)
    )));
    if let Some(note) = habit {
        parsed = parsed.with_note(note);
    }
    if kind.cannot_receive_otp() {
        parsed = parsed.with_note(Note::warning(format!(
            "a {} number cannot receive WhatsApp or SMS OTPs, the commonest reason an OTP never \
             arrives; ask the customer for a mobile number",
            kind.words()
        )));
    }
    Ok(parsed)
}

/// A merchant's habit that libphonenumber does not share: `00 44 7400 123456` under a region that
/// dials abroad with another prefix (AU's 0011). libphonenumber reads it as a national number of
/// the region; when that is not valid, and `00` then a calling code is, we take the latter, and
/// say so in a note. A national number that is valid (UY's `000 …`) is never read this way.
fn double_zero_habit(
    typed: &normalize::Digits,
    region: Option<&str>,
) -> Option<(parse::Valid, Option<Note>)> {
    let region = region?;
    let rest = typed.digits.strip_prefix("00").filter(|_| !typed.plus)?;
    let international = normalize::Digits {
        plus: true,
        digits: rest.to_owned(),
    };
    let valid = parse::read(&international, None).ok()?;
    let name = countries::country_name(region).unwrap_or(region);
    let prefix = metadata::for_code(metadata::region_code(region)?)?
        .region(region)?
        .preferred_international_prefix
        .clone();
    let dials = prefix.map_or_else(String::new, |p| {
        format!(" (one dials abroad from there with {p})")
    });
    let note = Note::info(format!(
        "read the leading 00 as the international prefix, giving {}: as a number of {name}{dials} \
         it is not valid",
        valid.e164()
    ));
    Some((valid, Some(note)))
}

fn phone_of(valid: &parse::Valid) -> Phone {
    let country = Some(valid.region().id.as_str())
        .filter(|id| *id != NON_GEOGRAPHIC)
        .map(str::to_owned);
    let country_name = country
        .as_deref()
        .and_then(countries::country_name)
        .map(str::to_owned);
    Phone {
        e164: valid.e164(),
        country,
        country_name,
        kind: valid.kind,
    }
}

/// The metadata's region id for codes that belong to no country (+800, +882, ...).
const NON_GEOGRAPHIC: &str = "001";
use messages::MODEL_EXAMPLE;

fn describe_origin(phone: &Phone, code: u16) -> String {
    match (&phone.country, &phone.country_name) {
        (Some(id), Some(name)) => format!("{name} ({id})"),
        (Some(id), None) => id.clone(),
        _ => format!("international, no country (+{code})"),
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

    // The `phonenumber` crate (used until issue 8) turned `8 800 555 35 35` (RU) and
    // `+7 800 555 35 35` into the invalid +7005553535; libphonenumber gives the toll-free
    // +78005553535.
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

    // The `phonenumber` crate's `number_type` dropped the leading zero of Rome's 06: type unknown,
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

    // Issue 8, "What was seen": each example with libphonenumber 9.0.43's answer.

    #[test]
    fn a_zero_after_the_plus_is_no_calling_code() {
        for input in ["+049 30 123456", "+049 1512 3456789", "+00201001234567"] {
            let e = refused(input, None);
            assert_eq!(e.code, "invalid_country_code", "{input}");
            assert!(
                e.message.starts_with("no country code starts with 0;"),
                "{input}: {}",
                e.message
            );
        }
        // libphonenumber drops the + and tries again: 00 is Germany's international prefix.
        assert_eq!(e164("+0049 30 123456", Some("DE")), "+4930123456");
        assert_eq!(e164("+00201001234567", Some("EG")), "+201001234567");
    }

    #[test]
    fn a_region_strips_its_own_international_prefix() {
        assert_eq!(e164("0011 20 10 01234567", Some("AU")), "+201001234567");
        let us = parsed("008 1 201-555-0123", Some("TH")).value;
        assert_eq!(us.e164, "+12015550123");
        assert_eq!(us.country.as_deref(), Some("US"));
        for (region_id, prefix) in [
            ("AU", "0011"),
            ("CC", "0011"),
            ("CX", "0011"),
            ("GY", "001"),
            ("KH", "001"),
            ("MN", "001"),
            ("HK", "002"),
            ("BO", "0019"),
            ("BR", "0065"),
            ("CO", "00444"),
            ("ID", "009"),
            ("NG", "009"),
            ("KE", "000"),
            ("KR", "00755"),
            ("TW", "006"),
            ("TZ", "006"),
            ("UG", "007"),
        ] {
            let input = format!("{prefix} 20 100 123 4567");
            assert_eq!(
                e164(&input, Some(region_id)),
                "+201001234567",
                "{input} in {region_id}"
            );
        }
    }

    #[test]
    fn national_numbers_that_begin_with_00_stay_national() {
        for (input, region_id, want, kind) in [
            ("000 493 7462", "UY", "+5980004937462", PhoneType::TollFree),
            (
                "00 7803 448 6174",
                "ID",
                "+620078034486174",
                PhoneType::TollFree,
            ),
            (
                "00368 598 8235",
                "KR",
                "+82003685988235",
                PhoneType::TollFree,
            ),
            ("003 0812 3456", "KR", "+8200308123456", PhoneType::TollFree),
            ("0077 7812 34", "JP", "+810077781234", PhoneType::TollFree),
            (
                "0066 1234 5678",
                "JP",
                "+81006612345678",
                PhoneType::TollFree,
            ),
            (
                "000 800 123 4567",
                "IN",
                "+910008001234567",
                PhoneType::TollFree,
            ),
        ] {
            let phone = parsed(input, Some(region_id)).value;
            assert_eq!(phone.e164, want, "{input} in {region_id}");
            assert_eq!(phone.country.as_deref(), Some(region_id), "{input}");
            assert_eq!(phone.kind, kind, "{input}");
        }
    }

    #[test]
    fn double_zero_is_international_without_a_region_and_a_habit_under_one() {
        assert_eq!(e164("0044 7400 123456", None), "+447400123456");
        // AU dials abroad with 0011; libphonenumber reads this as an (invalid) Australian number.
        let p = parsed("00 44 7400 123456", Some("AU"));
        assert_eq!(p.value.e164, "+447400123456");
        assert!(
            p.notes.iter().any(|n| n.text.starts_with(
                "read the leading 00 as the international prefix, giving +447400123456"
            ) && n.text.contains("0011")),
            "{:?}",
            p.notes
        );
        assert_eq!(e164("00 44 7400 123456", Some("TH")), "+447400123456");
        // A valid national reading wins: no note, no other country.
        let uy = parsed("000 493 7462", Some("UY"));
        assert!(uy.notes.iter().all(|n| !n.text.contains("00 as")));
    }

    #[test]
    fn metadata_is_libphonenumber_9_0_43_or_newer() {
        let version: Vec<u32> = libphonenumber_version()
            .split('.')
            .map(|part| part.parse().unwrap())
            .collect();
        assert!(version >= vec![9, 0, 43], "{version:?}");
        for (input, region_id, country, kind) in [
            ("+880 6404-208917", None, "BD", None),
            ("+593 93 181 9619", None, "EC", None),
            ("+254 187 786390", None, "KE", None),
            ("79 120 845", Some("BW"), "BW", Some(PhoneType::Mobile)),
        ] {
            let phone = parsed(input, region_id).value;
            assert_eq!(phone.country.as_deref(), Some(country), "{input}");
            if let Some(kind) = kind {
                assert_eq!(phone.kind, kind, "{input}");
            }
        }
        assert_eq!(e164("+880 6404-208917", None), "+8806404208917");
        assert_eq!(e164("+593 93 181 9619", None), "+593931819619");
        assert_eq!(e164("+254 187 786390", None), "+254187786390");
        assert_eq!(e164("79 120 845", Some("BW")), "+26779120845");
        assert_eq!(refused("+963919557272", None).code, "invalid_number");
    }

    #[test]
    fn doubled_and_trailing_plus_say_what_is_wrong() {
        let e = refused("++201001234567", None);
        assert_eq!(e.code, "bad_character");
        assert!(
            e.message.starts_with("has two `+` signs at the start"),
            "{}",
            e.message
        );
        let e = refused("+201001234567+", None);
        assert_eq!(e.code, "bad_character");
        assert!(
            e.message.starts_with("ends with a `+` (position 14)"),
            "{}",
            e.message
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
            assert!(!region.general.lengths.is_empty(), "{id}");
            assert!(!messages::how_long(&meta, Some(id)).is_empty());
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
