//! The free-text fields: `tried`, `summary`, `details`, `email` and `pin`.
//!
//! Choices where SPEC §2 is silent:
//! - `tried`: at most 20 steps of one line and at most 500 characters each; `none` (any case) is
//!   normalized to `none` and must stand alone.
//! - `summary`: one line, 3–120 characters (not bytes) after trimming.
//! - `details`: optional; blank gives `Err(missing)`, which callers treat as "not given". Line
//!   endings become `\n`; at most 10,000 characters; control characters other than tab and newline
//!   are refused (they could rewrite a support engineer's terminal).
//! - `email`: a pragmatic check, not RFC 5322: one `@`, a dot-atom local part (case kept, quoted
//!   forms refused), a DNS domain with a dot (lowercased, IDN to punycode), at most 254 characters.
//!   Common misspellings of big providers' domains get a warning.
//! - `pin`: never appears in an error: the error's input is the masked form.
//!
//! Errors on long texts carry a short excerpt as their input, not the whole text.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::channel::Channel;
use super::store::dns_name_problem;
use super::{Field, FieldError, Note, Parsed};

/// The most steps a ticket lists.
pub const MAX_TRIED_STEPS: usize = 20;
/// The longest step, in characters.
pub const MAX_STEP_CHARS: usize = 500;
/// Summary length bounds, in characters after trimming.
pub const SUMMARY_CHARS: std::ops::RangeInclusive<usize> = 3..=120;
/// The longest details text, in characters after trimming.
pub const MAX_DETAILS_CHARS: usize = 10_000;
/// The longest email address (RFC 5321 path limit less the angle brackets).
pub const MAX_EMAIL_CHARS: usize = 254;
/// PIN length bounds.
pub const PIN_CHARS: std::ops::RangeInclusive<usize> = 4..=12;

/// What an explicit "nothing tried yet" is normalized to.
pub const TRIED_NONE: &str = "none";

/// Steps already tried, at least one; `none` is an explicit answer. Steps are trimmed and blank
/// ones dropped.
pub fn parse_tried(steps: &[String]) -> Result<Parsed<Vec<String>>, FieldError> {
    let steps: Vec<&str> = steps
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if steps.is_empty() {
        return Err(FieldError::missing(
            Field::Tried,
            "missing; list the steps already tried, one per step (e.g. `resent the OTP`), \
             or `none` if nothing was tried yet",
        ));
    }
    if steps.iter().any(|s| s.eq_ignore_ascii_case(TRIED_NONE)) {
        if steps.len() > 1 {
            return Err(FieldError::new(
                Field::Tried,
                "",
                "none_with_steps",
                "`none` means nothing was tried, yet other steps are listed; \
                 keep either `none` alone or the steps",
            ));
        }
        return Ok(Parsed::new(vec![TRIED_NONE.to_string()]));
    }
    if steps.len() > MAX_TRIED_STEPS {
        return Err(FieldError::new(
            Field::Tried,
            "",
            "too_many",
            format!(
                "{} steps, at most {MAX_TRIED_STEPS}; merge related ones, and put the rest in details",
                steps.len()
            ),
        ));
    }
    for step in &steps {
        check_step(step)?;
    }
    Ok(Parsed::new(steps.into_iter().map(str::to_string).collect()))
}

fn check_step(step: &str) -> Result<(), FieldError> {
    let refuse =
        |code, message: String| FieldError::new(Field::Tried, excerpt(step), code, message);
    if step.contains(['\n', '\r']) {
        return Err(refuse(
            "multi_line",
            "a step spans several lines; give each step separately (one per line in a file)"
                .to_string(),
        ));
    }
    if let Some(c) = step.chars().find(|&c| c.is_control() && c != '\t') {
        return Err(refuse("control_character", control_message(c)));
    }
    let chars = step.chars().count();
    if chars > MAX_STEP_CHARS {
        return Err(refuse(
            "too_long",
            format!(
                "a step of {chars} characters, at most {MAX_STEP_CHARS}; shorten it, and put \
                 long output in details"
            ),
        ));
    }
    Ok(())
}

/// The steps in a `--tried-file`: one per non-blank line, trimmed. A leading byte-order mark and
/// CRLF line endings are handled. (`|` is the bulk CSV separator and means nothing here.)
pub fn split_tried_lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// `OTP not arriving via WhatsApp` (or SMS).
pub fn default_summary(channel: Channel) -> String {
    format!("OTP not arriving via {}", channel.label())
}

/// One line, 3–120 characters after trimming.
pub fn parse_summary(input: &str) -> Result<Parsed<String>, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::missing(
            Field::Summary,
            "missing; give a one-line summary, e.g. `OTP not arriving via WhatsApp`",
        ));
    }
    let refuse =
        |code, message: String| FieldError::new(Field::Summary, excerpt(text), code, message);
    if text.contains(['\n', '\r']) {
        return Err(refuse(
            "multi_line",
            "must be one line; keep the headline here and put the rest in details".to_string(),
        ));
    }
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(refuse("control_character", control_message(c)));
    }
    let chars = text.chars().count();
    if chars < *SUMMARY_CHARS.start() {
        return Err(refuse(
            "too_short",
            format!(
                "{chars} character{}, at least {}; say what goes wrong, e.g. `OTP not arriving via SMS`",
                if chars == 1 { "" } else { "s" },
                SUMMARY_CHARS.start()
            ),
        ));
    }
    if chars > *SUMMARY_CHARS.end() {
        return Err(refuse(
            "too_long",
            format!(
                "{chars} characters, at most {}; keep the headline here and put the rest in details",
                SUMMARY_CHARS.end()
            ),
        ));
    }
    Ok(Parsed::new(text.to_string()))
}

/// Optional free text; trimmed; bounded in size. Blank gives `Err` with code `missing`, which
/// callers treat as "not given". Line endings are normalized to `\n`.
pub fn parse_details(input: &str) -> Result<Parsed<String>, FieldError> {
    let text = input.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldError::missing(
            Field::Details,
            "not given; optionally describe what you expected and what happened instead",
        ));
    }
    let refuse =
        |code, message: String| FieldError::new(Field::Details, excerpt(text), code, message);
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(refuse("control_character", control_message(c)));
    }
    let chars = text.chars().count();
    if chars > MAX_DETAILS_CHARS {
        return Err(refuse(
            "too_long",
            format!(
                "{chars} characters, at most {MAX_DETAILS_CHARS}; keep the essentials (expected, \
                 actual, error text) and attach long logs as a PDF screenshot"
            ),
        ));
    }
    Ok(Parsed::new(text.to_string()))
}

/// The first 40 characters of `text` on one line, for naming a long input in an error.
fn excerpt(text: &str) -> String {
    const SHOWN: usize = 40;
    let mut shown: String = text
        .chars()
        .take(SHOWN)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(SHOWN).is_some() {
        shown.push('…');
    }
    shown
}

fn control_message(c: char) -> String {
    format!(
        "contains the control character U+{:04X}; remove it (copied terminal output often has them)",
        c as u32
    )
}

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

/// A support PIN, 4–12 letters or digits. Never printed in full: `Display` masks it.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pin(String);

impl Pin {
    /// The PIN in clear, for storage and comparison only.
    pub fn reveal(&self) -> &str {
        &self.0
    }

    /// `••••12`: the last two characters, the rest as dots.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

/// Always four dots, so that the length is not shown; then the last two characters, unless the
/// text is too short to spare them.
fn mask(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    let mut masked = "••••".to_string();
    if chars.len() >= *PIN_CHARS.start() {
        masked.extend(&chars[chars.len() - 2..]);
    }
    masked
}

impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pin({})", self.masked())
    }
}

/// 4–12 ASCII letters or digits, trimmed, case kept. Errors show only the masked input and never
/// name a character of it.
pub fn parse_pin(input: &str) -> Result<Parsed<Pin>, FieldError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(FieldError::missing(
            Field::Pin,
            "not given; a support PIN is 4–12 letters or digits (optional)",
        ));
    }
    let refuse = |code, message: &str| FieldError::new(Field::Pin, mask(raw), code, message);
    if !raw.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(refuse(
            "bad_character",
            "a PIN has only letters A–Z and digits 0–9; check it and type it again",
        ));
    }
    let len = raw.len();
    if len < *PIN_CHARS.start() {
        return Err(refuse(
            "too_short",
            &format!("a PIN has 4–12 letters or digits, this one {len}; check it"),
        ));
    }
    if len > *PIN_CHARS.end() {
        return Err(refuse(
            "too_long",
            &format!("a PIN has 4–12 letters or digits, this one {len}; check it"),
        ));
    }
    Ok(Parsed::new(Pin(raw.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(steps: &[&str]) -> Vec<String> {
        steps.iter().map(|s| s.to_string()).collect()
    }

    fn tried(steps: &[&str]) -> Result<Vec<String>, FieldError> {
        parse_tried(&strings(steps)).map(|p| p.value)
    }

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

    // --- tried ---

    #[test]
    fn tried_steps_are_trimmed_and_blank_ones_dropped() {
        assert_eq!(
            tried(&["  resent the OTP ", "", "   ", "checked the\tnumber"]).unwrap(),
            strings(&["resent the OTP", "checked the\tnumber"])
        );
    }

    #[test]
    fn tried_needs_at_least_one_step() {
        for steps in [&[][..], &["", "  "][..]] {
            let e = tried(steps).unwrap_err();
            assert_eq!(e.code, "missing");
            assert!(e.message.contains("`none`"), "{e}");
        }
    }

    #[test]
    fn tried_none_in_any_case_is_normalized_and_must_stand_alone() {
        assert_eq!(tried(&[" NONE "]).unwrap(), strings(&["none"]));
        assert_eq!(tried(&["None", ""]).unwrap(), strings(&["none"]));
        let e = tried(&["none", "resent the OTP"]).unwrap_err();
        assert_eq!(e.code, "none_with_steps");
        assert!(e.message.contains("either `none` alone or the steps"));
        // `none` inside a sentence is just a step.
        assert_eq!(tried(&["none of the fixes worked"]).unwrap().len(), 1);
    }

    #[test]
    fn tried_allows_twenty_steps_and_refuses_more() {
        let twenty: Vec<String> = (1..=20).map(|i| format!("step {i}")).collect();
        assert_eq!(parse_tried(&twenty).unwrap().value.len(), 20);
        let mut many = twenty;
        many.push("step 21".into());
        let e = parse_tried(&many).unwrap_err();
        assert_eq!(e.code, "too_many");
        assert!(e.message.starts_with("21 steps, at most 20"), "{e}");
    }

    #[test]
    fn tried_step_is_one_line_of_at_most_500_characters() {
        assert!(tried(&[&"a".repeat(500)]).is_ok());
        let e = tried(&["ok", &"é".repeat(501)]).unwrap_err();
        assert_eq!(e.code, "too_long");
        assert!(e.message.contains("501 characters, at most 500"));
        assert_eq!(
            e.input.chars().count(),
            41,
            "input is an excerpt: {}",
            e.input
        );
        let e = tried(&["resent\nrestarted"]).unwrap_err();
        assert_eq!(e.code, "multi_line");
        assert_eq!(e.input, "resent restarted");
        assert_eq!(
            tried(&["x\u{1b}[31m"]).unwrap_err().code,
            "control_character"
        );
    }

    #[test]
    fn tried_file_has_one_step_per_non_blank_line() {
        assert_eq!(
            split_tried_lines("\u{FEFF}resent the OTP\r\n\r\n  checked balance | topped up  \n\n"),
            strings(&["resent the OTP", "checked balance | topped up"])
        );
        assert!(split_tried_lines(" \n\t\n").is_empty());
    }

    // --- summary ---

    #[test]
    fn default_summary_names_the_channel() {
        assert_eq!(
            default_summary(Channel::Whatsapp),
            "OTP not arriving via WhatsApp"
        );
        assert_eq!(default_summary(Channel::Sms), "OTP not arriving via SMS");
    }

    #[test]
    fn summary_is_trimmed_and_bounded_in_characters() {
        assert_eq!(parse_summary("  OTP late \n").unwrap().value, "OTP late");
        assert_eq!(parse_summary("abc").unwrap().value, "abc");
        let e = parse_summary(" ab ").unwrap_err();
        assert_eq!((e.code, e.input.as_str()), ("too_short", "ab"));
        assert!(e.message.starts_with("2 characters, at least 3"));
        // 120 two-byte characters are 120 characters, not 240.
        assert!(parse_summary(&"é".repeat(120)).is_ok());
        let e = parse_summary(&"é".repeat(121)).unwrap_err();
        assert_eq!(e.code, "too_long");
        assert!(e.message.starts_with("121 characters, at most 120"));
    }

    #[test]
    fn summary_is_one_line() {
        let e = parse_summary("OTP late\nsince Monday").unwrap_err();
        assert_eq!(e.code, "multi_line");
        assert!(e.message.contains("details"));
        assert_eq!(
            parse_summary("OTP\u{7}late").unwrap_err().code,
            "control_character"
        );
        assert_eq!(parse_summary("").unwrap_err().code, "missing");
    }

    // --- details ---

    #[test]
    fn details_keeps_lines_and_normalizes_line_endings() {
        let p = parse_details("\n Expected: OTP in 10 s.\r\nActual:\tnothing.\r\n").unwrap();
        assert_eq!(p.value, "Expected: OTP in 10 s.\nActual:\tnothing.");
    }

    #[test]
    fn blank_details_is_missing_so_callers_treat_it_as_absent() {
        assert_eq!(parse_details("  \r\n ").unwrap_err().code, "missing");
    }

    #[test]
    fn details_is_at_most_ten_thousand_characters() {
        assert!(parse_details(&"ж".repeat(10_000)).is_ok());
        let e = parse_details(&"ж".repeat(10_001)).unwrap_err();
        assert_eq!(e.code, "too_long");
        assert!(e.message.contains("10001 characters, at most 10000"));
        assert!(e.input.ends_with('…'));
    }

    #[test]
    fn details_refuses_terminal_escapes() {
        let e = parse_details("log:\n\u{1b}[2J").unwrap_err();
        assert_eq!(e.code, "control_character");
        assert!(e.message.contains("U+001B"));
    }

    // --- email ---

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

    // --- pin ---

    #[test]
    fn pin_is_trimmed_with_case_kept_and_masked_with_four_dots() {
        let pin = parse_pin(" aB3412 ").unwrap().value;
        assert_eq!(pin.reveal(), "aB3412");
        assert_eq!(pin.masked(), "••••12");
        assert_eq!(pin.to_string(), "••••12");
        assert_eq!(format!("{pin:?}"), "Pin(••••12)");
        assert_eq!(parse_pin("9876").unwrap().value.masked(), "••••76");
        assert_eq!(parse_pin("ABCDEFGHIJ12").unwrap().value.masked(), "••••12");
    }

    #[test]
    fn pin_length_is_four_to_twelve() {
        assert_eq!(parse_pin("123").unwrap_err().code, "too_short");
        assert_eq!(parse_pin("1234567890123").unwrap_err().code, "too_long");
        assert_eq!(parse_pin("").unwrap_err().code, "missing");
    }

    #[test]
    fn pin_refuses_anything_but_ascii_letters_and_digits() {
        for input in ["12 34", "12-34", "١٢٣٤", "pässwort"] {
            assert_eq!(
                parse_pin(input).unwrap_err().code,
                "bad_character",
                "{input}"
            );
        }
    }

    #[test]
    fn pin_errors_never_show_the_pin() {
        for (input, shown) in [
            ("secret-99", "••••99"),
            ("123", "••••"),
            ("1234567890123", "••••23"),
            ("ab!", "••••"),
        ] {
            let e = parse_pin(input).unwrap_err();
            assert_eq!(e.input, shown);
            let text = e.to_string();
            assert!(!text.contains(input), "{text}");
            assert!(!text.contains("secret"), "{text}");
            assert!(text.starts_with(&format!("pin `{shown}`: ")), "{text}");
        }
    }
}
