//! The words of a refused phone number: what is wrong, for which country, and an example of a
//! right one in libphonenumber's grouping (`+20 10 01234567`).

use super::countries;
use super::metadata::{self, CodeMetadata};
use super::normalize::Refusal;
use super::parse::{self, Failure, Length};

/// Written in errors that have no country to take an example from.
pub(super) const MODEL_EXAMPLE: &str = "+20 100 123 4567";

/// The machine code and message of text that is not a number at all.
pub(super) fn refusal(refusal: Refusal) -> (&'static str, String) {
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
        Refusal::PlusTwice => (
            "bad_character",
            format!("has two `+` signs at the start; write one, e.g. {MODEL_EXAMPLE}"),
        ),
        Refusal::PlusAtEnd(at) => (
            "bad_character",
            format!(
                "ends with a `+` (position {at}); a + may only come first, before the country \
                 code, e.g. {MODEL_EXAMPLE}"
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

/// The machine code and message of a number libphonenumber would not accept. `region` is the
/// `--region` given, if any.
pub(super) fn failure(failure: &Failure, region: Option<&str>) -> (&'static str, String) {
    let given = |meta: &CodeMetadata| region.filter(|r| meta.region(r).is_some());
    match failure {
        Failure::NoCountryCode => (
            "missing_country_code",
            format!(
                "no country code, and no region to read the number in; write it with + and the \
                 country code, e.g. {MODEL_EXAMPLE}, or give --region CC, e.g. --region EG"
            ),
        ),
        Failure::InvalidCountryCode { after_prefix } => (
            "invalid_country_code",
            invalid_country_code(after_prefix, region),
        ),
        Failure::TooShortAfterPrefix => (
            "too_short",
            format!(
                "too short: after the + (or the international prefix) come the country code and \
                 the number, e.g. {MODEL_EXAMPLE}"
            ),
        ),
        Failure::TooShort { meta } => ("too_short", length("too short", meta, given(meta))),
        Failure::TooLong { meta } => ("too_long", length("too long", meta, given(meta))),
        Failure::Invalid {
            meta,
            national,
            place,
        } => {
            let place = place.as_deref().or(given(meta));
            invalid_length(meta, place, national)
                .unwrap_or_else(|| ("invalid_number", invalid(meta, place)))
        }
    }
}

fn invalid_country_code(after_prefix: &str, region: Option<&str>) -> String {
    let example = region
        .and_then(|r| {
            let name = countries::country_name(r)?;
            let (mobile, fixed) = metadata::examples(r);
            Some(format!("{} for {name}", mobile.or(fixed)?))
        })
        .unwrap_or_else(|| format!("{MODEL_EXAMPLE} for Egypt"));
    if after_prefix.starts_with('0') {
        let rest = after_prefix.trim_start_matches('0');
        let zeros = &after_prefix[..after_prefix.len() - rest.len()];
        let meant = metadata::code_prefix(rest).map_or_else(String::new, |code| {
            let name = metadata::main_region(code)
                .and_then(countries::country_name)
                .map_or_else(String::new, |name| format!(" ({name})"));
            format!(" if +{code}{name} is meant")
        });
        return format!(
            "no country code starts with 0; right after the + (or 00) comes the country code: \
             drop the {zeros}{meant}, e.g. {example}"
        );
    }
    let shown: String = after_prefix.chars().take(3).collect();
    format!(
        "no country has a calling code that starts +{shown}; check the digits after the + \
         (or 00): it should be the country code, e.g. {example}"
    )
}

/// A length reason for an invalid number, when the length is what is wrong (libphonenumber's
/// `isPossibleNumberWithReason`, then the country's example mobile it begins like: `+20 100 123`
/// has a possible length for Egypt, but an Egyptian mobile has 10 digits).
fn invalid_length(
    meta: &CodeMetadata,
    place: Option<&str>,
    national: &str,
) -> Option<(&'static str, String)> {
    let rules = place.and_then(|id| meta.region(id)).unwrap_or(meta.main());
    let too = |code, what| Some((code, length(what, meta, Some(&rules.id))));
    match parse::test_length(rules, national.len()) {
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

pub(super) fn length(what: &str, meta: &CodeMetadata, place: Option<&str>) -> String {
    format!(
        "{what} for {}; {}",
        place_name(meta, place),
        how_long(meta, place)
    )
}

fn invalid(meta: &CodeMetadata, place: Option<&str>) -> String {
    format!(
        "not a valid number for {}: no number there begins with these digits; check for a \
         mistyped or missing digit; {}",
        place_name(meta, place),
        how_long(meta, place)
    )
}

/// `Egypt (+20)`.
fn place_name(meta: &CodeMetadata, place: Option<&str>) -> String {
    let id = place.unwrap_or(&meta.main().id);
    match countries::country_name(id) {
        Some(name) => format!("{name} (+{})", meta.code),
        None => format!("+{}", meta.code),
    }
}

/// `a mobile number there has 10 digits after +20, e.g. +20 10 01234567`.
pub(super) fn how_long(meta: &CodeMetadata, place: Option<&str>) -> String {
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
    match (rules.general.lengths.first(), rules.general.lengths.last()) {
        (Some(min), Some(max)) if min == max => {
            format!("a number there has {min} digits after +{code}")
        }
        (Some(min), Some(max)) => format!("a number there has {min} to {max} digits after +{code}"),
        _ => format!("check the digits after +{code}"),
    }
}
