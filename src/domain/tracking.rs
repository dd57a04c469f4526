//! Tracking numbers (docs/contract.md §4): `CS-XXX-XXX-XXX`, 8 random Crockford base32 symbols and a Luhn
//! mod 32 check symbol.
//!
//! Owns generating them (CSPRNG), showing them and reading them back as people type them. The
//! check symbol lets a typo be caught locally, before any request reaches the desk.

use std::fmt;
use std::str::FromStr;

use rand::Rng;
use serde::{Deserialize, Serialize};

use super::{Field, FieldError};

/// Crockford's base32: digits and letters without I, L, O and U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const N: u32 = ALPHABET.len() as u32;
const RANDOM_SYMBOLS: usize = 8;
const SYMBOLS: usize = RANDOM_SYMBOLS + 1;
const EXAMPLE: &str = "CS-7KQ-2M4-X9C";

/// A tracking number whose check symbol is right. Always shown as `CS-XXX-XXX-XXX`.
///
/// Holds the symbols' values (0..32), the check symbol last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrackingNumber([u8; 9]);

impl TrackingNumber {
    /// A new random number from a CSPRNG.
    pub fn generate() -> TrackingNumber {
        // `rand::rng()` is a ChaCha-based CSPRNG seeded from the OS: the numbers must not be
        // guessable, since a tracking number names a ticket.
        let mut rng = rand::rng();
        let mut payload = [0u8; RANDOM_SYMBOLS];
        for value in &mut payload {
            *value = rng.random_range(0..N) as u8;
        }
        TrackingNumber::from_payload(payload)
    }

    /// The number with these 8 symbol values (each below 32) and its computed check symbol.
    fn from_payload(payload: [u8; RANDOM_SYMBOLS]) -> TrackingNumber {
        let mut symbols = [0u8; SYMBOLS];
        symbols[..RANDOM_SYMBOLS].copy_from_slice(&payload);
        symbols[RANDOM_SYMBOLS] = luhn_check_value(&payload);
        TrackingNumber(symbols)
    }
}

/// Luhn mod N "generate check character": from the rightmost symbol leftwards, double every
/// other value starting with the rightmost, fold each product back below N by adding its base-N
/// digits, and pick the value that brings the sum to a multiple of N.
fn luhn_check_value(values: &[u8]) -> u8 {
    let sum: u32 = values
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &v)| {
            let factor = if i % 2 == 0 { 2 } else { 1 };
            let addend = factor * u32::from(v);
            addend / N + addend % N
        })
        .sum();
    ((N - sum % N) % N) as u8
}

impl fmt::Display for TrackingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CS")?;
        for group in self.0.chunks(3) {
            f.write_str("-")?;
            for &value in group {
                write!(f, "{}", char::from(ALPHABET[usize::from(value)]))?;
            }
        }
        Ok(())
    }
}

/// Case-insensitive; dashes and spaces ignored; `O` reads as `0`, `I` and `L` as `1`; the `CS`
/// prefix optional. A wrong check symbol is refused ("check character does not match — a typo?").
pub fn parse_tracking(input: &str) -> Result<TrackingNumber, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(FieldError::missing(
            Field::Tracking,
            format!("give the tracking number printed when the ticket was filed, e.g. {EXAMPLE}"),
        ));
    }
    let error = |code, message: String| FieldError::new(Field::Tracking, trimmed, code, message);

    let compacted = compact(trimmed);
    let values = without_prefix(&compacted)
        .chars()
        .map(|c| symbol_value(c).ok_or(c))
        .collect::<Result<Vec<u8>, char>>()
        .map_err(|bad| error("bad_character", bad_character_message(bad)))?;
    let values: [u8; SYMBOLS] = values.as_slice().try_into().map_err(|_| {
        error(
            "wrong_length",
            format!(
                "found {} symbol{}, a tracking number has {SYMBOLS} after `CS`, e.g. {EXAMPLE}",
                values.len(),
                if values.len() == 1 { "" } else { "s" },
            ),
        )
    })?;
    let (payload, check) = values.split_at(RANDOM_SYMBOLS);
    if luhn_check_value(payload) != check[0] {
        return Err(error(
            "check_mismatch",
            "check character does not match — a typo? Copy the number from the output of \
             `cartsaver-support new` when the ticket was filed (or find it with `cartsaver-support list`)"
                .to_string(),
        ));
    }
    Ok(TrackingNumber(values))
}

/// Upper case, without the dashes and spaces people put in or copy along.
fn compact(input: &str) -> String {
    input
        .chars()
        .filter(|&c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '‑' | '–' | '—'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Drops the `CS` prefix. `C` and `S` are symbols too, so nine symbols starting with `CS` are
/// read as a number written without its prefix.
fn without_prefix(compact: &str) -> &str {
    match compact.strip_prefix("CS") {
        Some(rest) if compact.chars().count() != SYMBOLS => rest,
        _ => compact,
    }
}

/// The value of a symbol as typed, with Crockford's readings of look-alike letters.
fn symbol_value(c: char) -> Option<u8> {
    let c = match c {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .map(|p| p as u8)
}

fn bad_character_message(bad: char) -> String {
    if bad == 'U' {
        "`U` never appears in a tracking number (they use digits and the letters A–Z except U); \
         check the number in the filing output"
            .to_string()
    } else {
        format!(
            "`{bad}` cannot appear in a tracking number; it has digits and the letters A–Z except U, \
             e.g. {EXAMPLE}"
        )
    }
}

impl FromStr for TrackingNumber {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_tracking(s)
    }
}

impl Serialize for TrackingNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TrackingNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_tracking(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// Luhn mod N written straight from its textbook definition over characters, independent of
    /// the value-based code under test.
    fn reference_check_char(payload: &str) -> char {
        let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let n = alphabet.len();
        let mut factor = 2;
        let mut sum = 0;
        for c in payload.chars().rev() {
            let mut addend = factor * alphabet.find(c).unwrap();
            factor = if factor == 2 { 1 } else { 2 };
            addend = addend / n + addend % n;
            sum += addend;
        }
        alphabet.chars().nth((n - sum % n) % n).unwrap()
    }

    fn display(values: [u8; SYMBOLS]) -> String {
        TrackingNumber(values).to_string()
    }

    #[test]
    fn luhn_mod_32_matches_hand_computed_vectors() {
        // 00000001: only the rightmost 1 counts, doubled: sum 2, check 32 - 2 = 30 = `Y`.
        assert_eq!(reference_check_char("00000001"), 'Y');
        assert_eq!(
            TrackingNumber::from_payload([0, 0, 0, 0, 0, 0, 0, 1]).to_string(),
            "CS-000-000-01Y"
        );
        // 7KQ2M4X9 (from the right, doubling first): 18 + 29 + 8 + 20 + 4 + 23 + (38 → 1 + 6)
        // + 7 = 116; 116 mod 32 = 20; check 12 = `C`.
        assert_eq!(reference_check_char("7KQ2M4X9"), 'C');
        assert_eq!(
            parse_tracking("CS-7KQ-2M4-X9C").unwrap().to_string(),
            "CS-7KQ-2M4-X9C"
        );
        assert_eq!(
            parse_tracking("CS-000-000-000").unwrap().to_string(),
            "CS-000-000-000"
        );
    }

    #[test]
    fn check_symbol_agrees_with_the_reference_definition() {
        for _ in 0..1000 {
            let text = TrackingNumber::generate().to_string().replace(['-'], "");
            let (payload, check) = text[2..].split_at(8);
            assert_eq!(
                check.chars().next(),
                Some(reference_check_char(payload)),
                "{text}"
            );
        }
    }

    #[test]
    fn display_is_cs_and_three_groups_of_three() {
        let tn = TrackingNumber::generate().to_string();
        assert_eq!(tn.len(), 14);
        assert!(tn.starts_with("CS-"));
        assert_eq!(tn.as_bytes()[6], b'-');
        assert_eq!(tn.as_bytes()[10], b'-');
    }

    #[test]
    fn generate_display_parse_round_trips() {
        for _ in 0..1000 {
            let tn = TrackingNumber::generate();
            assert_eq!(parse_tracking(&tn.to_string()).unwrap(), tn);
            assert_eq!(tn.to_string().parse::<TrackingNumber>().unwrap(), tn);
            let json = serde_json::to_string(&tn).unwrap();
            assert_eq!(serde_json::from_str::<TrackingNumber>(&json).unwrap(), tn);
        }
    }

    #[test]
    fn ten_thousand_generated_numbers_are_unique_and_valid() {
        let numbers: HashSet<TrackingNumber> =
            (0..10_000).map(|_| TrackingNumber::generate()).collect();
        assert_eq!(numbers.len(), 10_000);
        for tn in &numbers {
            assert_eq!(luhn_check_value(&tn.0[..8]), tn.0[8]);
        }
    }

    #[test]
    fn generated_symbols_cover_the_whole_alphabet() {
        let seen: HashSet<u8> = (0..2_000)
            .flat_map(|_| TrackingNumber::generate().0[..8].to_vec())
            .collect();
        assert_eq!(seen.len(), 32);
    }

    #[test]
    fn every_single_symbol_substitution_is_detected() {
        for _ in 0..50 {
            let tn = TrackingNumber::generate();
            for position in 0..SYMBOLS {
                for value in 0..32u8 {
                    if value == tn.0[position] {
                        continue;
                    }
                    let mut typo = tn.0;
                    typo[position] = value;
                    let err = parse_tracking(&display(typo)).unwrap_err();
                    assert_eq!(err.code, "check_mismatch", "{}", display(typo));
                }
            }
        }
    }

    #[test]
    fn adjacent_transpositions_are_detected_except_zero_with_z() {
        // Luhn mod N misses exactly one swap of distinct neighbours: the values 0 and N-1
        // (`0` and `Z`), as Luhn mod 10 misses 09 ↔ 90.
        let mut undetected = HashSet::new();
        for position in 0..SYMBOLS - 1 {
            for a in 0..32u8 {
                for b in 0..32u8 {
                    if a == b {
                        continue;
                    }
                    let mut payload = [5u8; RANDOM_SYMBOLS];
                    let tn = if position + 1 < RANDOM_SYMBOLS {
                        payload[position] = a;
                        payload[position + 1] = b;
                        TrackingNumber::from_payload(payload)
                    } else {
                        // Swapping the last payload symbol with the check symbol.
                        let mut values = TrackingNumber::from_payload(payload).0;
                        values[position] = a;
                        values[SYMBOLS - 1] = luhn_check_value(&values[..8]);
                        if values[SYMBOLS - 1] == values[position] {
                            continue;
                        }
                        TrackingNumber(values)
                    };
                    let mut swapped = tn.0;
                    swapped.swap(position, position + 1);
                    if parse_tracking(&display(swapped)).is_ok() {
                        undetected.insert((
                            swapped[position].min(swapped[position + 1]),
                            swapped[position].max(swapped[position + 1]),
                        ));
                    }
                }
            }
        }
        assert_eq!(undetected, HashSet::from([(0, 31)]));
    }

    #[test]
    fn reading_is_case_insensitive_and_ignores_dashes_spaces_and_prefix() {
        let expected = parse_tracking("CS-7KQ-2M4-X9C").unwrap();
        for input in [
            "cs-7kq-2m4-x9c",
            "  CS 7KQ 2M4 X9C ",
            "CS7KQ2M4X9C",
            "7KQ2M4X9C",
            "7kq-2m4-x9c",
            "CS–7KQ–2M4–X9C",
            "cs-7KQ2m4X9c",
        ] {
            assert_eq!(parse_tracking(input).unwrap(), expected, "{input}");
        }
    }

    #[test]
    fn nine_symbols_starting_with_cs_are_a_number_without_prefix() {
        let tn = TrackingNumber::from_payload([12, 25, 1, 2, 3, 4, 5, 6]);
        let bare = tn.to_string().replace('-', "");
        assert_eq!(&bare[..4], "CSCS");
        assert_eq!(parse_tracking(&bare[2..]).unwrap(), tn);
        assert_eq!(parse_tracking(&bare).unwrap(), tn);
    }

    #[test]
    fn o_reads_as_zero_and_i_l_as_one() {
        let tn = TrackingNumber::from_payload([0, 1, 0, 1, 1, 0, 7, 7]);
        let shown = tn.to_string();
        assert_eq!(&shown[..10], "CS-010-110");
        let typed = format!("CS-OIO-lLo{}", &shown[10..]);
        assert_eq!(parse_tracking(&typed).unwrap(), tn);
    }

    #[test]
    fn u_is_refused_by_name() {
        let err = parse_tracking("CS-7KQ-2M4-XUC").unwrap_err();
        assert_eq!(err.code, "bad_character");
        assert_eq!(err.field, Field::Tracking);
        assert!(err.message.starts_with("`U`"), "{}", err.message);
    }

    #[test]
    fn other_characters_are_refused_by_name_with_an_example() {
        for (input, bad) in [
            ("CS-7KQ-2M4-X9*", '*'),
            ("CS_7KQ_2M4_X9C", '_'),
            ("CS-7KQ-2M4-X9É", 'É'),
        ] {
            let err = parse_tracking(input).unwrap_err();
            assert_eq!(err.code, "bad_character", "{input}");
            assert!(
                err.message.starts_with(&format!("`{bad}`")),
                "{}",
                err.message
            );
            assert!(err.message.contains(EXAMPLE));
        }
    }

    #[test]
    fn wrong_length_says_how_many_symbols_were_found() {
        let err = parse_tracking("CS-7KQ-2M4-X9").unwrap_err();
        assert_eq!(err.code, "wrong_length");
        assert!(
            err.message.starts_with("found 8 symbols"),
            "{}",
            err.message
        );
        assert!(err.message.contains("has 9"));
        assert!(err.message.contains(EXAMPLE));
        let err = parse_tracking("CS-7KQ-2M4-X9CC").unwrap_err();
        assert!(
            err.message.starts_with("found 10 symbols"),
            "{}",
            err.message
        );
        let err = parse_tracking("CS").unwrap_err();
        assert!(
            err.message.starts_with("found 0 symbols"),
            "{}",
            err.message
        );
    }

    #[test]
    fn wrong_check_symbol_suggests_a_typo_and_where_to_copy_from() {
        let err = parse_tracking("CS-7KQ-2M4-X9D").unwrap_err();
        assert_eq!(err.code, "check_mismatch");
        assert_eq!(err.input, "CS-7KQ-2M4-X9D");
        assert!(
            err.message
                .starts_with("check character does not match — a typo?")
        );
        assert!(err.message.contains("cartsaver-support new"));
    }

    #[test]
    fn empty_input_is_missing() {
        let err = parse_tracking("   ").unwrap_err();
        assert_eq!(err.code, "missing");
        assert!(err.message.contains("CS-"));
    }

    #[test]
    fn deserializing_a_bad_number_fails_with_the_reason() {
        let err = serde_json::from_str::<TrackingNumber>("\"CS-7KQ-2M4-X9D\"").unwrap_err();
        assert!(err.to_string().contains("check character does not match"));
    }
}
