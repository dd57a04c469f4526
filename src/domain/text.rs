//! The free-text fields: `tried`, `summary` and `details`. The email address and the support
//! PIN have their own files (`email.rs`, `pin.rs`); they are re-exported here.
//!
//! Choices where docs/contract.md §2 is silent:
//! - `tried`: at most 20 steps of one line and at most 500 characters each; `none` (any case) is
//!   normalized to `none` and must stand alone.
//! - `summary`: one line, 3–120 characters (not bytes) after trimming.
//! - `details`: optional; blank gives `Err(missing)`, which callers treat as "not given". Line
//!   endings become `\n`; at most 10,000 characters; control characters other than tab and newline
//!   are refused (they could rewrite a support engineer's terminal).
//!
//! Errors on long texts carry a short excerpt as their input, not the whole text.

use super::channel::Channel;
use super::{Field, FieldError, Parsed};

/// The most steps a ticket lists.
pub const MAX_TRIED_STEPS: usize = 20;
/// The longest step, in characters.
pub const MAX_STEP_CHARS: usize = 500;
/// Summary length bounds, in characters after trimming.
pub const SUMMARY_CHARS: std::ops::RangeInclusive<usize> = 3..=120;
/// The longest details text, in characters after trimming.
pub const MAX_DETAILS_CHARS: usize = 10_000;
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

pub use super::email::{Email, MAX_EMAIL_CHARS, parse_email};
pub use super::pin::{PIN_CHARS, Pin, parse_pin};

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(steps: &[&str]) -> Vec<String> {
        steps.iter().map(|s| s.to_string()).collect()
    }

    fn tried(steps: &[&str]) -> Result<Vec<String>, FieldError> {
        parse_tried(&strings(steps)).map(|p| p.value)
    }

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
}
