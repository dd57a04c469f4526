//! Text from merchants and from the desk, made safe to print on a terminal: shared by the
//! merchant CLI's Printer and the support engineer's `cartsaver-desk` output, so that no
//! escape sequence or bidi override in a summary, a file name or an error reaches a terminal raw.

use std::borrow::Cow;

/// Text made safe for a terminal: control characters other than `\n` and `\t` (ESC, BEL, C1
/// controls...) and the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
/// U+061C) are written as `\u{…}` escapes; everything else is kept.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_for_terminal) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_for_terminal(c) {
            safe.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// What [`terminal_safe`] escapes: control characters other than `\n` and `\t`, and the bidi
/// controls.
pub(crate) fn unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_cannot_drive_the_terminal() {
        let hostile =
            "fixed\u{1b}]0;pwned\u{7}\u{1b}[31mRED\nsecond line\tok \u{202e}gnp.exe \u{9b}";
        let safe = terminal_safe(hostile);
        for c in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
            assert!(!safe.contains(c), "{c:?} in {safe:?}");
        }
        assert!(safe.contains("\\u{1b}]0;pwned\\u{7}"), "{safe:?}");
        assert!(safe.contains("\\u{202e}gnp.exe"), "{safe:?}");
        assert!(safe.contains("\nsecond line\tok"), "{safe:?}");
        assert!(matches!(terminal_safe("plain ✓ #1052"), Cow::Borrowed(_)));
    }
}
