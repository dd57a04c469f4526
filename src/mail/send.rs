//! Sending one queued mail over SMTP with lettre: the submission URL (`smtp://` with STARTTLS,
//! `smtps://` with implicit TLS; plain `smtp://` only to a loopback host), AUTH from the URL or
//! a password file, and the message as RFC 5322 (UTF-8 `text/plain`, RFC 2047 subjects by
//! lettre, threading headers, `Auto-Submitted` and the desk's loop header on automatic mail).
//!
//! What to retry is this module's word: a 5xx answer is permanent, anything else (a refused
//! connection, a timeout, a 4xx) is worth another try. The queue's bookkeeping is
//! `desk/mail/queue.rs`'s.

use std::net::IpAddr;
use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{SmtpTransport, Transport as _};

use super::{LOOP_HEADER, LOOP_VALUE};

/// A mail as the queue holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub message_id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub in_reply_to: Option<String>,
    pub references: Option<String>,
    pub automatic: bool,
}

/// Who the desk writes as: `--mail-from`, and `--mail-reply-to` (the address it receives on).
#[derive(Debug, Clone)]
pub struct Identity {
    pub from: Mailbox,
    pub reply_to: Option<Mailbox>,
}

/// Why a mail did not go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Worth another try later: the server is down, busy, or said 4xx.
    Temporary(String),
    /// Never going to work (a 5xx, a recipient the message cannot be built for).
    Permanent(String),
}

/// An address given on the command line, as a mailbox (`Desk <support@example.com>` or bare).
pub fn mailbox(given: &str) -> Result<Mailbox, String> {
    given
        .trim()
        .parse::<Mailbox>()
        .map_err(|error| format!("`{given}` is not an email address ({error})"))
}

/// The RFC 5322 message of a queued mail.
pub fn message(mail: &Outgoing, identity: &Identity) -> Result<Message, Failure> {
    let to = mailbox(&mail.recipient).map_err(Failure::Permanent)?;
    let mut builder = Message::builder()
        .from(identity.from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(mail.message_id.clone()))
        .date_now()
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str(LOOP_HEADER),
            LOOP_VALUE.to_string(),
        ));
    if let Some(reply_to) = &identity.reply_to {
        builder = builder.reply_to(reply_to.clone());
    }
    if let Some(parent) = &mail.in_reply_to {
        builder = builder.in_reply_to(parent.clone());
    }
    if let Some(chain) = &mail.references {
        builder = builder.references(chain.clone());
    }
    if mail.automatic {
        builder = builder.raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-replied".to_string(),
        ));
    }
    builder
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|error| Failure::Permanent(format!("the message cannot be built: {error}")))
}

/// An SMTP submission server, ready to send.
pub struct Smtp {
    transport: SmtpTransport,
    /// The URL without its password, for messages.
    pub shown: String,
}

impl Smtp {
    /// `smtp://[USER[:PASSWORD]@]HOST[:PORT]` (STARTTLS, port 587; to a loopback host STARTTLS
    /// when the server offers it, plain otherwise) or `smtps://…` (implicit TLS, port 465).
    /// `password` (from `--smtp-password-file`) stands in for one missing from the URL; `ca`
    /// (PEM, from `--smtp-ca-file`) is a certificate authority to trust beside the usual ones.
    pub fn from_url(
        given: &str,
        password: Option<&str>,
        ca: Option<&[u8]>,
    ) -> Result<Smtp, String> {
        let url = url::Url::parse(given.trim()).map_err(|error| {
            format!("`--smtp`: not a URL ({error}); write e.g. smtps://USER@mail.example.com")
        })?;
        let host = url
            .host_str()
            .ok_or("`--smtp`: the URL has no host; write e.g. smtps://USER@mail.example.com")?
            .trim_matches(['[', ']'])
            .to_string();
        let loopback =
            host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
        let params = || -> Result<TlsParameters, String> {
            let mut builder = TlsParameters::builder(host.clone());
            if let Some(pem) = ca {
                if !pem
                    .windows(27)
                    .any(|window| window == b"-----BEGIN CERTIFICATE-----")
                {
                    return Err("`--smtp-ca-file`: no PEM certificate in the file".to_string());
                }
                let certificate = Certificate::from_pem(pem)
                    .map_err(|e| format!("`--smtp-ca-file`: not a PEM certificate ({e})"))?;
                builder = builder.add_root_certificate(certificate);
            }
            builder.build().map_err(|e| e.to_string())
        };
        let (port, tls) = match url.scheme() {
            "smtps" => (url.port().unwrap_or(465), Tls::Wrapper(params()?)),
            "smtp" if loopback => (url.port().unwrap_or(587), Tls::Opportunistic(params()?)),
            "smtp" => (url.port().unwrap_or(587), Tls::Required(params()?)),
            other => {
                return Err(format!(
                    "`--smtp`: scheme `{other}` is not one the desk sends with; use smtp:// \
                     (STARTTLS, port 587) or smtps:// (TLS, port 465)"
                ));
            }
        };
        let mut builder = SmtpTransport::builder_dangerous(host.as_str())
            .port(port)
            .tls(tls)
            .timeout(Some(Duration::from_secs(30)));
        if !url.username().is_empty() {
            let user = decoded(url.username());
            let secret = url
                .password()
                .map(decoded)
                .or_else(|| password.map(str::to_string))
                .ok_or_else(|| {
                    format!(
                        "`--smtp`: user `{user}` has no password; put it in a file and give \
                         --smtp-password-file FILE"
                    )
                })?;
            builder = builder.credentials(Credentials::new(user, secret));
        }
        let mut shown = url.clone();
        let _ = shown.set_password(None);
        Ok(Smtp {
            transport: builder.build(),
            shown: shown.to_string(),
        })
    }

    /// Send one mail (blocking).
    pub fn send(&self, mail: &Outgoing, identity: &Identity) -> Result<(), Failure> {
        let message = message(mail, identity)?;
        self.transport.send(&message).map(|_| ()).map_err(|error| {
            let text = one_line(&error);
            if error.is_permanent() {
                Failure::Permanent(text)
            } else {
                Failure::Temporary(text)
            }
        })
    }
}

fn decoded(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={text}").as_bytes())
        .next()
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

/// An error and its causes on one line.
fn one_line(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text.replace(['\r', '\n'], " ")
}

/// How long a mail waits before try `attempts + 1`: 2, 4, 8… seconds, at most a minute.
pub fn backoff(attempts: u32) -> Duration {
    Duration::from_secs(2u64.saturating_pow(attempts.clamp(1, 6)).min(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing() -> Outgoing {
        Outgoing {
            message_id: "<abc.CS-7KQ-2M4-X9C@cartsaver-desk>".into(),
            recipient: "owner@cool-shop.com".into(),
            subject: "[CS-7KQ-2M4-X9C] Cartsaver — OTP not arriving — Order #1052".into(),
            body: "Thank you.\n".into(),
            in_reply_to: Some("<parent@cartsaver-desk>".into()),
            references: Some("<first@cartsaver-desk> <parent@cartsaver-desk>".into()),
            automatic: true,
        }
    }

    #[test]
    fn the_message_carries_threading_loop_and_auto_submitted_headers() {
        let identity = Identity {
            from: mailbox("Cartsaver support <support@cartsaver.example>").unwrap(),
            reply_to: Some(mailbox("desk@cartsaver.example").unwrap()),
        };
        let text = String::from_utf8(message(&outgoing(), &identity).unwrap().formatted()).unwrap();
        for header in [
            "Message-ID: <abc.CS-7KQ-2M4-X9C@cartsaver-desk>",
            "In-Reply-To: <parent@cartsaver-desk>",
            "References: <first@cartsaver-desk> <parent@cartsaver-desk>",
            "Auto-Submitted: auto-replied",
            "X-Cartsaver-Loop: cartsaver-desk",
            "Reply-To: desk@cartsaver.example",
            "Subject: [CS-7KQ-2M4-X9C] Cartsaver =?utf-8?b?4oCU?= OTP",
        ] {
            assert!(text.contains(header), "{header} missing in\n{text}");
        }
        let human = Outgoing {
            automatic: false,
            ..outgoing()
        };
        let text = String::from_utf8(message(&human, &identity).unwrap().formatted()).unwrap();
        assert!(!text.contains("Auto-Submitted"), "{text}");
    }

    #[test]
    fn plain_smtp_only_to_loopback_and_users_need_a_password() {
        assert!(Smtp::from_url("smtp://127.0.0.1:2525", None, None).is_ok());
        assert!(Smtp::from_url("smtp://mail.example.com", None, None).is_ok());
        assert!(Smtp::from_url("smtps://mail.example.com", None, None).is_ok());
        let error = Smtp::from_url("smtp://desk@mail.example.com", None, None)
            .err()
            .unwrap();
        assert!(error.contains("--smtp-password-file"), "{error}");
        let smtp = Smtp::from_url("smtps://desk:s3cret@mail.example.com", None, None).unwrap();
        assert!(!smtp.shown.contains("s3cret"), "{}", smtp.shown);
        assert!(Smtp::from_url("http://mail.example.com", None, None).is_err());
        let error = Smtp::from_url("smtps://mail.example.com", None, Some(b"nope"))
            .err()
            .unwrap();
        assert!(error.contains("--smtp-ca-file"), "{error}");
    }

    #[test]
    fn backoff_grows_to_a_minute() {
        assert_eq!(backoff(1), Duration::from_secs(2));
        assert_eq!(backoff(3), Duration::from_secs(8));
        assert_eq!(backoff(20), Duration::from_secs(60));
    }
}
