//! The optional support PIN (`--pin`): 4–12 letters or digits, case kept. It never appears in
//! full anywhere: `Display` and `Debug` mask it, and an error's input is the masked form.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Field, FieldError, Parsed};

/// A PIN's length, in letters or digits.
pub const PIN_CHARS: std::ops::RangeInclusive<usize> = 4..=12;

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
