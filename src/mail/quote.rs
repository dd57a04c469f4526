//! What the merchant wrote in a reply, without what they quoted or signed: the text above the
//! desk's "reply above this line" marker, above an attribution line (`On … wrote:`, Outlook's
//! `-----Original Message-----` or its `From:` block, `Le … a écrit :`, the Spanish, Italian,
//! Portuguese and Arabic forms), without `>` lines, and cut at a signature (`-- `, "Sent from my
//! iPhone"). Pure text in, text out. Whole messages in the forms mail clients write them are in
//! `tests/data/mail/replies/` (read by `receive.rs`'s tests).

use std::sync::LazyLock;

use regex::Regex;

use super::REPLY_ABOVE;

/// Lines where the quoted part of a reply begins, as mail clients write them.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^\s*(
            on\s.+\bwrote:\s*$                      # Gmail, Apple Mail, Thunderbird
          | le\s.+\ba\s+écrit\s*:\s*$                # French clients
          | am\s.+\bschrieb\s.*:\s*$                 # German clients
          | el\s.+\bescribió\s*:\s*$                # Spanish clients
          | em\s.+\bescreveu\s*:\s*$                # Portuguese clients
          | il\s.+\bha\s+scritto\s*:\s*$            # Italian clients
          | .*تمت\s+كتابة\s+ما\s+يلي\s+بواسطة          # Gmail in Arabic: written by
          | .+\sكتب\s*:\s*$                          # other clients in Arabic: wrote
          | -{2,}\s*original\s+message\s*-{2,}       # Outlook
          | -{2,}\s*forwarded\s+message\s*-{2,}
          | _{10,}\s*$                               # Outlook's rule before its From: block
          | from:\s.+\s*$                            # Outlook's header block
        )",
    )
    .expect("a valid regex")
});

/// Lines where a signature begins.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(--\s?|sent from my \w+.*|get outlook for \w+.*|envoyé de mon \w+.*)$")
        .expect("a valid regex")
});

/// The new text of a reply.
pub fn strip(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut kept: Vec<&str> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        if line.contains(REPLY_ABOVE) {
            break;
        }
        // Gmail folds a long attribution over two lines: "On Tue, 1 Dec 2026 at 12:00, Desk\n<x@y> wrote:".
        let joined = lines
            .get(index + 1)
            .map(|next| format!("{line} {next}"))
            .unwrap_or_default();
        if ATTRIBUTION.is_match(line)
            || (line.trim_start().to_lowercase().starts_with("on ")
                && ATTRIBUTION.is_match(&joined)
                && lines[index + 1].trim_end().ends_with("wrote:"))
        {
            break;
        }
        if SIGNATURE.is_match(line.trim_end_matches('\r')) {
            break;
        }
        if line.trim_start().starts_with('>') {
            continue;
        }
        kept.push(line);
    }
    kept.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gmail_reply_keeps_only_the_new_text() {
        let text = "Thanks, it works now.\r\n\r\nOn Tue, 1 Dec 2026 at 12:00, Cartsaver support <support@cartsaver.example> wrote:\r\n> ## Reply above this line to add to the ticket ##\r\n> The template was paused.\r\n";
        assert_eq!(strip(text), "Thanks, it works now.");
    }

    #[test]
    fn gmail_folded_attribution_is_recognized() {
        let text = "Still broken.\n\nOn Tue, 1 Dec 2026 at 12:00, Cartsaver support\n<support@cartsaver.example> wrote:\n\n> earlier\n";
        assert_eq!(strip(text), "Still broken.");
    }

    #[test]
    fn outlook_reply_with_its_header_block_and_signature() {
        let text = "Order 1052 again, customer +201001234567.\n\nBest regards,\nSara\n\n________________________________\nFrom: Cartsaver support <support@cartsaver.example>\nSent: Tuesday, December 1, 2026 12:00 PM\nSubject: Re: [CS-7KQ-2M4-X9C] …\n";
        assert_eq!(
            strip(text),
            "Order 1052 again, customer +201001234567.\n\nBest regards,\nSara"
        );
        let text = "Yes.\n-----Original Message-----\nFrom: x\n";
        assert_eq!(strip(text), "Yes.");
    }

    #[test]
    fn apple_mail_signature_and_the_desk_marker_cut_the_text() {
        let text =
            "Done, thanks\n\nSent from my iPhone\n\n> On 1 Dec 2026, at 12:00, Desk wrote:\n";
        assert_eq!(strip(text), "Done, thanks");
        let text = format!("New text\n\n{REPLY_ABOVE}\nold text");
        assert_eq!(strip(&text), "New text");
        let text = "Merci\n\nLe mar. 1 déc. 2026 à 12:00, Cartsaver <s@c.example> a écrit :\n> x";
        assert_eq!(strip(text), "Merci");
        let text = "Hi\n-- \nSara, cool-shop\n";
        assert_eq!(strip(text), "Hi");
    }
}
