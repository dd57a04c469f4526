//! `order`: the Shopify order name as shown in the admin (`#1052`, `#EG1052`, `#1052-B`).
//!
//! Owns the order-name rules: one optional leading `#` (always present in the normalized value),
//! then ASCII letters, digits, `-` and `_`; at most 32 characters *including* the `#`, so what is
//! stored is what is counted. Case is kept (`#EG1052`), inner spaces are refused (the fix is shown),
//! and a long bare number is flagged as the internal order ID from the admin URL.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Field, FieldError, Note, Parsed};

/// An order name, always with its leading `#`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrderNumber(String);

impl OrderNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The longest order name accepted, counting its `#`.
pub const MAX_ORDER_CHARS: usize = 32;

/// Digits from which a bare number is more likely Shopify's internal order ID than an order
/// number: stores would need a billion orders to reach it.
const INTERNAL_ID_DIGITS: usize = 10;

const EXAMPLE: &str = "e.g. #1052 (the number at the top of the order page in the Shopify admin)";

/// `1052` and `#1052` both give `#1052`; prefixes and suffixes (`EG1052`, `1052-B`) are kept.
pub fn parse_order(input: &str) -> Result<Parsed<OrderNumber>, FieldError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(FieldError::missing(
            Field::Order,
            format!("missing; give the order number, {EXAMPLE}"),
        ));
    }
    let refuse = |code, message: String| FieldError::new(Field::Order, raw, code, message);

    if raw.contains("/orders/") || raw.contains("://") {
        return Err(refuse(
            "url",
            format!(
                "is a link, not an order number; give the order number shown on that page, {EXAMPLE}"
            ),
        ));
    }
    let body = raw.strip_prefix('#').unwrap_or(raw);
    if body.is_empty() {
        return Err(refuse(
            "missing_number",
            format!("has no number after `#`; {EXAMPLE}"),
        ));
    }
    if body.starts_with('#') {
        return Err(refuse(
            "bad_character",
            format!(
                "has more than one `#`; write one: #{}",
                body.trim_start_matches('#')
            ),
        ));
    }
    if body.chars().any(char::is_whitespace) {
        return Err(refuse("whitespace", space_message(body)));
    }
    if let Some(c) = body.chars().find(|&c| !is_order_char(c)) {
        return Err(refuse(
            "bad_character",
            format!(
                "{} is not allowed; order numbers use letters A–Z, digits, `-` and `_`, {EXAMPLE}",
                describe_char(c)
            ),
        ));
    }
    let name = format!("#{body}");
    let chars = name.chars().count();
    if chars > MAX_ORDER_CHARS {
        return Err(refuse(
            "too_long",
            format!("{chars} characters, at most {MAX_ORDER_CHARS} (with the `#`); {EXAMPLE}"),
        ));
    }
    let notes = order_notes(body);
    Ok(Parsed {
        value: OrderNumber(name),
        notes,
    })
}

/// What to say about an order name with spaces: a joined suggestion only if it is itself valid
/// (`# 1052` → `#1052`); `Order #1052` → the part after the label.
fn space_message(body: &str) -> String {
    let last_word = body.split_whitespace().last().unwrap_or(body);
    let candidates = [
        body.split_whitespace().collect::<String>(),
        last_word.to_string(),
    ];
    let suggestion = candidates.into_iter().find_map(|candidate| {
        let candidate = candidate.trim_start_matches('#').to_string();
        let valid = !candidate.is_empty()
            && candidate.chars().all(is_order_char)
            && candidate.chars().any(|c| c.is_ascii_digit());
        valid.then(|| format!("#{candidate}"))
    });
    match suggestion {
        Some(order) => {
            format!("contains a space; order numbers have none: did you mean {order}?")
        }
        None => format!("contains a space; order numbers have none, {EXAMPLE}"),
    }
}

fn is_order_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// `` `/` `` for a visible character, `U+200B` for one that would not show.
fn describe_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() || !c.is_ascii() && !c.is_alphanumeric() {
        format!("character U+{:04X}", c as u32)
    } else {
        format!("`{c}`")
    }
}

fn order_notes(body: &str) -> Vec<Note> {
    let mut notes = Vec::new();
    let all_digits = body.bytes().all(|b| b.is_ascii_digit());
    if all_digits && body.len() >= INTERNAL_ID_DIGITS {
        notes.push(Note::warning(
            "looks like Shopify's internal order ID (the long number in the admin URL \
             …/orders/5678901234567), not the order number shown to the customer like #1052; \
             the order number is at the top of the order page and in the confirmation email",
        ));
    } else if !body.bytes().any(|b| b.is_ascii_digit()) {
        notes.push(Note::warning(
            "has no digits; a Shopify order number contains the number, like #1052 or #EG1052",
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(input: &str) -> String {
        match parse_order(input) {
            Ok(p) => p.value.to_string(),
            Err(e) => panic!("{input:?} refused: {e}"),
        }
    }

    fn assert_refused(input: &str, code: &str, says: &str) {
        match parse_order(input) {
            Ok(p) => panic!("{input:?} accepted as {}", p.value),
            Err(e) => {
                assert_eq!(e.code, code, "{input:?}: {e}");
                assert!(e.message.contains(says), "{input:?}: {e}");
            }
        }
    }

    #[test]
    fn bare_number_and_hash_number_both_give_hash_number() {
        assert_eq!(value("1052"), "#1052");
        assert_eq!(value("#1052"), "#1052");
        assert_eq!(value("  #1052 \n"), "#1052");
        assert!(parse_order("#1052").unwrap().notes.is_empty());
    }

    #[test]
    fn prefixes_and_suffixes_are_kept_with_their_case() {
        assert_eq!(value("#EG1052"), "#EG1052");
        assert_eq!(value("EG1052"), "#EG1052");
        assert_eq!(value("#1052-B"), "#1052-B");
        assert_eq!(value("eg_1052"), "#eg_1052");
        assert_eq!(value("0001052"), "#0001052");
    }

    #[test]
    fn at_most_32_characters_counting_the_hash() {
        let longest = format!("#{}", "1".repeat(31));
        assert_eq!(value(&longest), longest);
        assert_eq!(value(&"1".repeat(31)), longest);
        assert_refused(&"1".repeat(32), "too_long", "33 characters, at most 32");
    }

    #[test]
    fn long_bare_number_warns_it_is_the_internal_id() {
        let p = parse_order("5678901234567").unwrap();
        assert_eq!(p.value.as_str(), "#5678901234567");
        assert_eq!(p.notes.len(), 1);
        assert!(p.notes[0].is_warning());
        assert!(p.notes[0].text.contains("internal order ID"));
        assert!(p.notes[0].text.contains("#1052"));
        assert!(parse_order("#1234567890").unwrap().notes[0].is_warning());
        assert!(parse_order("123456789").unwrap().notes.is_empty());
        assert!(parse_order("EG1234567890").unwrap().notes.is_empty());
    }

    #[test]
    fn a_name_without_digits_gets_a_warning() {
        let p = parse_order("ABC").unwrap();
        assert_eq!(p.value.as_str(), "#ABC");
        assert!(p.notes[0].is_warning() && p.notes[0].text.contains("no digits"));
    }

    #[test]
    fn missing_and_empty_numbers_are_refused() {
        assert_refused("", "missing", "#1052");
        assert_refused("  ", "missing", "#1052");
        assert_refused("#", "missing_number", "#1052");
    }

    #[test]
    fn only_one_leading_hash() {
        assert_refused("##1052", "bad_character", "write one: #1052");
        assert_refused("10#52", "bad_character", "`#` is not allowed");
    }

    #[test]
    fn inner_spaces_are_refused_with_the_joined_form() {
        assert_refused("# 1052", "whitespace", "did you mean #1052?");
        assert_refused("EG 1052", "whitespace", "did you mean #EG1052?");
        // A label in front: the suggestion is the number, never something itself invalid.
        assert_refused("Order #1052", "whitespace", "did you mean #1052?");
        assert_refused("no number here", "whitespace", "e.g. #1052");
    }

    #[test]
    fn errors_name_the_bad_character() {
        assert_refused("1052.", "bad_character", "`.` is not allowed");
        assert_refused("#1052/B", "bad_character", "`/` is not allowed");
        assert_refused("طلب1052", "bad_character", "`ط` is not allowed");
        assert_refused("10\u{200B}52", "bad_character", "U+200B");
        assert_refused("١٠٥٢", "bad_character", "`١`");
    }

    #[test]
    fn an_admin_link_is_refused_with_where_to_look() {
        assert_refused(
            "https://admin.shopify.com/store/cool-shop/orders/5678901234567",
            "url",
            "top of the order page",
        );
    }

    #[test]
    fn error_display_puts_field_and_input_first() {
        let e = parse_order("10.52").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("order `10.52`: `.` is not allowed"),
            "{e}"
        );
    }
}
