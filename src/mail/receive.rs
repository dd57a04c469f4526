//! An incoming RFC 5322 message read with `mail-parser`: who sent it, its Message-ID and the ids
//! it answers, its subject's `[CS-…]` tag, its text (quoted part and signature stripped:
//! `quote.rs`), its attachments, and whether it is automatic (no automatic answer may go back
//! to it). Refuses what is not worth taking, with a one-line reason: no sender, oversized,
//! too many parts (a MIME bomb). No SQL here: the desk decides what it becomes (`desk/mail/incoming.rs`).

use std::sync::LazyLock;

use mail_parser::{MessageParser, MimeHeaders as _};
use regex::Regex;

use crate::domain::tracking::{TrackingNumber, parse_tracking};

use super::{LOOP_HEADER, quote};

/// The largest message taken: five 10 MiB screenshots in base64, and the text.
pub const MAX_MESSAGE_BYTES: usize = 75 * 1024 * 1024;

/// The most MIME parts a message may have; more is a bomb, not a support mail.
pub const MAX_PARTS: usize = 64;

/// An attachment as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the desk needs of an incoming message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// `<id@host>`; made up from a hash of the message when it has none.
    pub message_id: String,
    /// The sender's address, lowercase.
    pub from: String,
    pub subject: String,
    /// In-Reply-To and References, `<id@host>` each, newest first.
    pub answers: Vec<String>,
    /// The tracking number in the subject's brackets, if its check symbol holds.
    pub tag: Option<TrackingNumber>,
    /// The new text (quoted part and signature stripped).
    pub text: String,
    pub attachments: Vec<Attachment>,
    /// Auto-Submitted (not `no`), Precedence bulk/list/junk, a bounce sender: no automatic
    /// answer goes back.
    pub automatic: bool,
    /// Carries the desk's own loop header: mail of this desk come back.
    pub looped: bool,
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\[\s*(CS-?[0-9A-Z]{3}-?[0-9A-Z]{3}-?[0-9A-Z]{3})\s*\]").expect("a valid regex")
});

/// Read one message; the reason it cannot be taken otherwise (one line).
pub fn parse(raw: &[u8]) -> Result<Incoming, String> {
    if raw.len() > MAX_MESSAGE_BYTES {
        return Err(format!(
            "the message has {} bytes, over the {MAX_MESSAGE_BYTES} the desk takes",
            raw.len()
        ));
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or("not an RFC 5322 message (no header could be read)")?;
    if message.parts.len() > MAX_PARTS {
        return Err(format!(
            "the message has {} MIME parts, over the {MAX_PARTS} the desk takes",
            message.parts.len()
        ));
    }
    let from = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| addr.address())
        .map(|address| address.trim().to_lowercase())
        .filter(|address| address.contains('@'))
        .ok_or("the message has no From address")?;
    let message_id = match message.message_id() {
        Some(id) => format!("<{}>", id.trim_matches(['<', '>'])),
        None => {
            use sha2::{Digest as _, Sha256};
            let digest = Sha256::digest(raw);
            let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
            format!("<{hex}@no-message-id>")
        }
    };
    let mut answers: Vec<String> = Vec::new();
    for value in [message.in_reply_to(), message.references()] {
        if let Some(list) = value.as_text_list() {
            for id in list.iter().rev() {
                let id = format!("<{}>", id.trim_matches(['<', '>']));
                if !answers.contains(&id) {
                    answers.push(id);
                }
            }
        } else if let Some(id) = value.as_text() {
            let id = format!("<{}>", id.trim_matches(['<', '>']));
            if !answers.contains(&id) {
                answers.push(id);
            }
        }
    }
    let subject = message.subject().unwrap_or_default().trim().to_string();
    let tag = TAG
        .captures(&subject)
        .and_then(|captures| parse_tracking(&captures[1]).ok());
    let header = |name: &str| message.header_raw(name).map(|v| v.trim().to_lowercase());
    let auto_submitted = header("Auto-Submitted").is_some_and(|v| v != "no");
    let bulk = header("Precedence").is_some_and(|v| ["bulk", "list", "junk"].contains(&v.as_str()));
    let local = from.split('@').next().unwrap_or_default();
    let bounce = [
        "mailer-daemon",
        "postmaster",
        "bounce",
        "bounces",
        "noreply",
        "no-reply",
    ]
    .iter()
    .any(|name| local == *name || local.starts_with(&format!("{name}+")))
        || header("Return-Path").is_some_and(|v| v == "<>");
    let looped = message.header_raw(LOOP_HEADER).is_some();
    let text = message
        .body_text(0)
        .map(|text| quote::strip(&text))
        .unwrap_or_default();
    let attachments = message
        .attachments()
        .map(|part| Attachment {
            name: part.attachment_name().unwrap_or("attachment").to_string(),
            bytes: part.contents().to_vec(),
        })
        .collect();
    Ok(Incoming {
        message_id,
        from,
        subject,
        answers,
        tag,
        text,
        attachments,
        automatic: auto_submitted || bulk || bounce || looped,
        looped,
    })
}

/// The subject without `Re:`/`Fwd:` prefixes and the tracking tag: a new ticket's summary.
pub fn summary_of(subject: &str) -> String {
    let mut rest = TAG.replace_all(subject, "").trim().to_string();
    loop {
        let lower = rest.to_lowercase();
        let cut = ["re:", "fwd:", "fw:", "aw:", "tr:"]
            .iter()
            .find(|prefix| lower.starts_with(**prefix))
            .map(|prefix| prefix.len());
        match cut {
            Some(n) => rest = rest[n..].trim_start().to_string(),
            None => return rest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replies as Gmail (web, in Arabic, in Spanish), Outlook, Apple Mail, Thunderbird and Yahoo
    /// write them (quoted-printable, base64, windows-1252, HTML alternatives, folded
    /// attributions), each with the text the merchant really wrote beside it.
    #[test]
    fn replies_as_mail_clients_write_them_keep_only_the_new_text() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mail/replies");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "eml") {
                continue;
            }
            let raw = std::fs::read(&path).unwrap();
            let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
            let incoming = parse(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(incoming.text, expected, "{}", path.display());
            assert!(
                incoming.tag.is_some(),
                "{}: the subject's tag",
                path.display()
            );
            seen += 1;
        }
        assert!(seen >= 8, "only {seen} samples in {}", dir.display());
    }

    fn raw(headers: &str, body: &str) -> Vec<u8> {
        format!("{headers}\r\n\r\n{body}").into_bytes()
    }

    #[test]
    fn a_reply_names_its_parents_tag_and_new_text() {
        let mail = raw(
            "From: Sara <Owner@Cool-Shop.com>\r\nTo: desk@cartsaver.example\r\nSubject: Re: [CS-7KQ-2M4-X9C] Cartsaver\r\nMessage-ID: <r1@mail.example>\r\nIn-Reply-To: <b@cartsaver-desk>\r\nReferences: <a@cartsaver-desk> <b@cartsaver-desk>",
            "It works now.\r\n\r\nOn Tue, 1 Dec 2026, Desk wrote:\r\n> old\r\n",
        );
        let incoming = parse(&mail).unwrap();
        assert_eq!(incoming.from, "owner@cool-shop.com");
        assert_eq!(incoming.message_id, "<r1@mail.example>");
        assert_eq!(
            incoming.answers,
            ["<b@cartsaver-desk>", "<a@cartsaver-desk>"]
        );
        assert_eq!(incoming.tag.unwrap().to_string(), "CS-7KQ-2M4-X9C");
        assert_eq!(incoming.text, "It works now.");
        assert!(!incoming.automatic);
    }

    #[test]
    fn a_tag_with_a_wrong_check_symbol_names_nothing() {
        let mail = raw("From: a@b.co\r\nSubject: [CS-7KQ-2M4-X9D] hi", "x");
        assert_eq!(parse(&mail).unwrap().tag, None);
    }

    #[test]
    fn automatic_mail_is_recognized() {
        for header in [
            "Auto-Submitted: auto-replied",
            "Precedence: bulk",
            "X-Cartsaver-Loop: cartsaver-desk",
        ] {
            let mail = raw(&format!("From: a@b.co\r\nSubject: x\r\n{header}"), "x");
            assert!(parse(&mail).unwrap().automatic, "{header}");
        }
        let mail = raw("From: MAILER-DAEMON@b.co\r\nSubject: x", "x");
        assert!(parse(&mail).unwrap().automatic);
        let mail = raw("From: a@b.co\r\nSubject: x\r\nAuto-Submitted: no", "x");
        assert!(!parse(&mail).unwrap().automatic);
    }

    #[test]
    fn other_charsets_are_decoded() {
        let mut mail = b"From: a@b.co\r\nSubject: =?ISO-8859-1?Q?Caf=E9?=\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\nd\xe9j\xe0 vu\r\n".to_vec();
        let incoming = parse(&mail).unwrap();
        assert_eq!(incoming.subject, "Café");
        assert_eq!(incoming.text, "déjà vu");
        mail = b"From: a@b.co\r\nSubject: x\r\nContent-Type: text/plain; charset=windows-1256\r\n\r\n\xe3\xd1\xcd\xc8\xc7\r\n".to_vec();
        assert_eq!(parse(&mail).unwrap().text, "مرحبا");
    }

    #[test]
    fn a_mime_bomb_and_a_sender_less_message_are_refused_with_a_reason() {
        let mut body = String::new();
        for i in 0..100 {
            body.push_str(&format!(
                "--b\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"
            ));
        }
        body.push_str("--b--\r\n");
        let mail = raw(
            "From: a@b.co\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b",
            &body,
        );
        let error = parse(&mail).unwrap_err();
        assert!(error.contains("MIME parts"), "{error}");
        let mut deep = String::from(
            "From: a@b.co\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n",
        );
        for i in 0..200 {
            deep.push_str(&format!(
                "--b{i}\r\nContent-Type: multipart/mixed; boundary=b{}\r\n\r\n",
                i + 1
            ));
        }
        assert!(parse(deep.as_bytes()).is_err());
        assert!(parse(&raw("Subject: x", "x")).unwrap_err().contains("From"));
    }

    #[test]
    fn summaries_lose_their_prefixes_and_tag() {
        assert_eq!(
            summary_of("Re: Fwd: [CS-7KQ-2M4-X9C] OTP missing"),
            "OTP missing"
        );
        assert_eq!(summary_of("OTP missing"), "OTP missing");
    }
}
