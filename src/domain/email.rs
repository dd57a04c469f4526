//! The contact address for support's replies (`--email`): a pragmatic check, not RFC 5322:
//! one `@`, a dot-atom local part (case kept, quoted forms refused), a DNS domain with a dot
//! (lowercased, IDN to punycode, the same DNS rules as the store's host), at most 254
//! characters. Common misspellings of big providers' domains get a warning.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::store::dns_name_problem;
use super::{Field, FieldError, Note, Parsed};

/// The longest email address (RFC 5321 path limit less the angle brackets).
pub const MAX_EMAIL_CHARS: usize = 254;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const EMAIL_EXAMPLE: &str = "e.g. you@example.com";

/// A contact address: `Owner@Example.COM` gives `Owner@example.com`; an IDN domain is punycoded.
pub fn parse_email(input: &str) -> Result<Parsed<Email>, FieldError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(FieldError::missing(
            Field::Email,
            format!("missing; give the address support should reply to, {EMAIL_EXAMPLE}"),
        ));
    }
    let refuse = |code, message: String| FieldError::new(Field::Email, raw, code, message);
    let mut notes = Vec::new();
    let address = match strip_prefix_ignore_case(raw, "mailto:") {
        Some(rest) => {
            notes.push(Note::info("read without its `mailto:`"));
            rest
        }
        None => raw,
    };
    if let Some(inner) = address
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
    {
        return Err(refuse(
            "display_name",
            format!("give the address alone: {}", inner.0.trim()),
        ));
    }
    if address.chars().any(char::is_whitespace) {
        return Err(refuse(
            "whitespace",
            format!("contains a space; remove it, {EMAIL_EXAMPLE}"),
        ));
    }
    let (local, domain) = match address.split('@').count() {
        1 => return Err(refuse("no_at", format!("has no `@`; {EMAIL_EXAMPLE}"))),
        2 => address.split_once('@').unwrap_or_default(),
        _ => {
            return Err(refuse(
                "several_at",
                format!("has more than one `@`; {EMAIL_EXAMPLE}"),
            ));
        }
    };
    check_local_part(local).map_err(|(code, message)| refuse(code, message))?;
    let domain = email_domain(domain).map_err(|(code, message)| refuse(code, message))?;
    let email = format!("{local}@{domain}");
    let chars = email.chars().count();
    if chars > MAX_EMAIL_CHARS {
        return Err(refuse(
            "too_long",
            format!("{chars} characters, at most {MAX_EMAIL_CHARS}; give a shorter address"),
        ));
    }
    if let Some(fix) = domain_typo_fix(&domain) {
        notes.push(Note::warning(format!(
            "did you mean {local}@{fix}? support's replies would not reach a misspelt address"
        )));
    }
    Ok(Parsed {
        value: Email(email),
        notes,
    })
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The dot-atom of RFC 5322, plus non-ASCII letters and digits (RFC 6531 addresses).
fn check_local_part(local: &str) -> Result<(), (&'static str, String)> {
    const ATEXT_SYMBOLS: &str = "!#$%&'*+/=?^_`{|}~-";
    if local.is_empty() {
        return Err((
            "bad_local_part",
            format!("has nothing before `@`; {EMAIL_EXAMPLE}"),
        ));
    }
    if local.chars().count() > 64 {
        return Err((
            "too_long",
            "the part before `@` is longer than 64 characters; check the address".to_string(),
        ));
    }
    let allowed = |c: char| {
        c.is_ascii_alphanumeric()
            || c == '.'
            || ATEXT_SYMBOLS.contains(c)
            || !c.is_ascii() && c.is_alphanumeric()
    };
    if let Some(c) = local.chars().find(|&c| !allowed(c)) {
        return Err((
            "bad_character",
            format!("`{c}` is not allowed before `@`; {EMAIL_EXAMPLE}"),
        ));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err((
            "bad_local_part",
            "the part before `@` starts or ends with a dot, or has two in a row; check the address"
                .to_string(),
        ));
    }
    Ok(())
}

/// The domain after `@`, lowercase ASCII (punycode), without a trailing dot.
fn email_domain(domain: &str) -> Result<String, (&'static str, String)> {
    let bad = |message: String| ("bad_domain", message);
    if domain.is_empty() {
        return Err(bad(format!("has nothing after `@`; {EMAIL_EXAMPLE}")));
    }
    if domain.starts_with('[') {
        return Err((
            "ip_domain",
            format!("an IP address after `@` is not accepted; give a domain, {EMAIL_EXAMPLE}"),
        ));
    }
    let ascii = idna::domain_to_ascii(domain).map_err(|_| {
        bad(format!(
            "`{domain}` is not a valid domain name; {EMAIL_EXAMPLE}"
        ))
    })?;
    let ascii = ascii.strip_suffix('.').unwrap_or(&ascii).to_string();
    if let Some(problem) = dns_name_problem(&ascii) {
        return Err(bad(format!(
            "`{domain}` is not a valid domain name: {problem}; {EMAIL_EXAMPLE}"
        )));
    }
    if !ascii.contains('.') {
        return Err(bad(format!(
            "the domain `{domain}` has no dot; give the full domain, {EMAIL_EXAMPLE}"
        )));
    }
    Ok(ascii)
}

/// The intended domain for a common misspelling of a big mail provider's domain.
fn domain_typo_fix(domain: &str) -> Option<String> {
    const TYPOS: &[(&str, &str)] = &[
        ("gmial.com", "gmail.com"),
        ("gmai.com", "gmail.com"),
        ("gamil.com", "gmail.com"),
        ("gmal.com", "gmail.com"),
        ("gmaill.com", "gmail.com"),
        ("gnail.com", "gmail.com"),
        ("gmail.co", "gmail.com"),
        ("gmail.cm", "gmail.com"),
        ("gmail.om", "gmail.com"),
        ("googlemail.co", "googlemail.com"),
        ("hotmial.com", "hotmail.com"),
        ("hotmal.com", "hotmail.com"),
        ("hotmai.com", "hotmail.com"),
        ("hotmail.co", "hotmail.com"),
        ("hotmil.com", "hotmail.com"),
        ("yaho.com", "yahoo.com"),
        ("yahooo.com", "yahoo.com"),
        ("yhoo.com", "yahoo.com"),
        ("outlok.com", "outlook.com"),
        ("outllook.com", "outlook.com"),
        ("outlook.co", "outlook.com"),
        ("iclod.com", "icloud.com"),
        ("icoud.com", "icloud.com"),
        ("icloud.co", "icloud.com"),
    ];
    if let Some((_, fix)) = TYPOS.iter().find(|(typo, _)| *typo == domain) {
        return Some(fix.to_string());
    }
    // No real top-level domain is spelt like these; `.com` was meant.
    ["con", "cmo", "ocm", "vom", "comm"].iter().find_map(|tld| {
        let name = domain.strip_suffix(tld)?.strip_suffix('.')?;
        let fixed = format!("{name}.com");
        Some(domain_typo_fix(&fixed).unwrap_or(fixed))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(input: &str) -> Parsed<Email> {
        parse_email(input).unwrap_or_else(|e| panic!("{input:?} refused: {e}"))
    }

    fn email_refused(input: &str, code: &str, says: &str) {
        match parse_email(input) {
            Ok(p) => panic!("{input:?} accepted as {}", p.value),
            Err(e) => {
                assert_eq!(e.code, code, "{input:?}: {e}");
                assert!(e.message.contains(says), "{input:?}: {e}");
            }
        }
    }

    #[test]
    fn email_lowercases_the_domain_and_keeps_the_local_part() {
        let p = email("  Owner.Name+cs@Example.COM ");
        assert_eq!(p.value.as_str(), "Owner.Name+cs@example.com");
        assert!(p.notes.is_empty());
        assert_eq!(email("a@b.co").value.as_str(), "a@b.co");
        assert_eq!(
            email("me@shop.example.com.").value.as_str(),
            "me@shop.example.com"
        );
    }

    #[test]
    fn email_idn_domain_becomes_punycode() {
        assert_eq!(
            email("owner@Café.example").value.as_str(),
            "owner@xn--caf-dma.example"
        );
        assert_eq!(
            email("مالك@مثال.example").value.as_str(),
            "مالك@xn--mgbh0fb.example"
        );
    }

    #[test]
    fn email_mailto_prefix_is_dropped_with_a_note() {
        let p = email("mailto:me@example.com");
        assert_eq!(p.value.as_str(), "me@example.com");
        assert!(p.notes[0].text.contains("mailto:"));
    }

    #[test]
    fn email_needs_exactly_one_at() {
        email_refused("", "missing", "you@example.com");
        email_refused("me.example.com", "no_at", "you@example.com");
        email_refused("me@@example.com", "several_at", "more than one");
        email_refused("me@x@example.com", "several_at", "more than one");
    }

    #[test]
    fn email_local_part_rules() {
        email_refused("@example.com", "bad_local_part", "nothing before");
        email_refused(".me@example.com", "bad_local_part", "dot");
        email_refused("me.@example.com", "bad_local_part", "dot");
        email_refused("m..e@example.com", "bad_local_part", "two in a row");
        email_refused("m,e@example.com", "bad_character", "`,` is not allowed");
        email_refused("\"me\"@example.com", "bad_character", "`\"`");
        email_refused(&format!("{}@example.com", "a".repeat(65)), "too_long", "64");
        assert!(parse_email(&format!("{}@example.com", "a".repeat(64))).is_ok());
    }

    #[test]
    fn email_domain_must_be_a_dns_name_with_a_dot() {
        email_refused("me@", "bad_domain", "nothing after");
        email_refused("me@localhost", "bad_domain", "no dot");
        email_refused("me@exa_mple.com", "bad_domain", "underscore");
        email_refused("me@-example.com", "bad_domain", "hyphen");
        email_refused("me@example..com", "bad_domain", "empty part");
        email_refused("me@example.123", "bad_domain", "all digits");
        email_refused("me@[192.168.0.1]", "ip_domain", "domain");
        email_refused("me@exa!mple.com", "bad_domain", "`!`");
    }

    #[test]
    fn email_is_at_most_254_characters() {
        let domain = format!(
            "{}.{}.{}.com",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(57)
        );
        let at_limit = format!("{}@{domain}", "x".repeat(64));
        assert_eq!(at_limit.len(), 254);
        assert!(parse_email(&at_limit).is_ok());
        email_refused(
            &at_limit.replace(".com", ".comx"),
            "too_long",
            "255 characters, at most 254",
        );
    }

    #[test]
    fn email_spaces_and_display_names_are_refused_with_the_fix() {
        email_refused("me @example.com", "whitespace", "remove it");
        email_refused(
            "Amal Saleh <Amal@Example.com>",
            "display_name",
            "Amal@Example.com",
        );
    }

    #[test]
    fn email_common_domain_typos_get_a_warning_with_the_fix() {
        for (input, fix) in [
            ("Me@gmial.com", "did you mean Me@gmail.com?"),
            ("me@gmail.con", "did you mean me@gmail.com?"),
            ("me@hotmial.com", "did you mean me@hotmail.com?"),
            ("me@gmial.con", "did you mean me@gmail.com?"),
            ("me@shop.example.con", "did you mean me@shop.example.com?"),
        ] {
            let p = email(input);
            assert_eq!(
                p.value.as_str(),
                input,
                "{input}: the value is kept as given"
            );
            assert!(
                p.notes
                    .iter()
                    .any(|n| n.is_warning() && n.text.contains(fix)),
                "{input}: {:?}",
                p.notes
            );
        }
        assert!(email("me@gmail.co.uk").notes.is_empty());
        assert!(email("me@example.co").notes.is_empty());
    }
}
