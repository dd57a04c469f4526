//! From what a person typed to a leading `+` and ASCII digits: the digit scripts customers use,
//! separators. Letters and other symbols are refused. International prefixes (`00`, `011`...)
//! are left to `parse`, which knows the region's.

/// The typed number as `+` (if it had one) and ASCII digits.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Digits {
    pub plus: bool,
    pub digits: String,
}

/// Why the text is not a number, before any metadata is consulted.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// The letter and its 1-based position.
    Letter(char, usize),
    /// Another character that has no place in a number, and its position.
    Symbol(char, usize),
    /// A `+` after the first digit, and its position.
    PlusInside(usize),
    /// `++…`.
    PlusTwice,
    /// A `+` after the last digit, and its position.
    PlusAtEnd(usize),
    NoDigits,
}

pub(super) fn normalize(input: &str) -> Result<Digits, Refusal> {
    let mut plus = false;
    let mut digits = String::with_capacity(input.len());
    for (i, (at, c)) in input.char_indices().enumerate() {
        let position = i + 1;
        if let Some(d) = ascii_digit(c) {
            digits.push(d);
        } else if c == '+' || c == '\u{FF0B}' {
            if digits.is_empty() && plus {
                return Err(Refusal::PlusTwice);
            }
            if !digits.is_empty() {
                let rest = &input[at + c.len_utf8()..];
                if rest.chars().any(|c| ascii_digit(c).is_some()) {
                    return Err(Refusal::PlusInside(position));
                }
                return Err(Refusal::PlusAtEnd(position));
            }
            plus = true;
        } else if is_separator(c) {
        } else if c.is_alphabetic() {
            return Err(Refusal::Letter(c, position));
        } else {
            return Err(Refusal::Symbol(c, position));
        }
    }
    if digits.is_empty() {
        return Err(Refusal::NoDigits);
    }
    Ok(Digits { plus, digits })
}

/// ASCII, Arabic-Indic, Extended Arabic-Indic (Persian, Urdu) and full-width digits.
fn ascii_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => return Some(c),
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

/// Grouping characters, and the invisible direction marks that come along when a number is copied
/// out of Arabic or Persian text.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '-'
            | '.'
            | '('
            | ')'
            | '/'
            | '[' // libphonenumber's punctuation: brackets, and the tilde of a "wait for the
            | ']' // dial tone" in international prefixes such as Russia's `8~10`
            | '~'
            | '\u{00A0}' // no-break space
            | '\u{00AD}' // soft hyphen
            | '\u{2000}'..='\u{200F}' // spaces, zero-width space, LRM, RLM
            | '\u{2010}'..='\u{2015}' // hyphens and dashes
            | '\u{2212}' // minus sign
            | '\u{2053}' // swung dash
            | '\u{223C}' // tilde operator
            | '\u{202A}'..='\u{202F}' // bidi embeddings, narrow no-break space
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{3000}'
            | '\u{FEFF}'
            | '\u{FF08}' // full-width parentheses
            | '\u{FF09}'
            | '\u{FF0D}' // full-width hyphen-minus
            | '\u{FF0E}' // full-width full stop
            | '\u{FF0F}' // full-width solidus
            | '\u{FF3B}' // full-width brackets
            | '\u{FF3D}'
            | '\u{FF5E}' // full-width tilde
            | '\u{30FC}' // katakana long vowel mark, typed as a dash
    )
}
