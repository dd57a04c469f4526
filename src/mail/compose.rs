//! The desk's mails in words: the acknowledgement of a filed ticket (the tracking number and how
//! to use it, the checklist as filed with its diagnosis, the expected first response in the
//! calendar's zone and in UTC, and what is still needed), a support reply, the resolve notice.
//!
//! Pure functions of the ticket's facts: no SQL, no SMTP, no clock. The subject is the §2
//! subject line with the tracking number in brackets before it; a reply's starts with `Re: `.

use chrono::{DateTime, Utc};

use crate::domain::Field;
use crate::domain::field::Note;
use crate::domain::ticket::Ticket;
use crate::domain::tracking::TrackingNumber;

use super::REPLY_ABOVE;

/// A mail ready for the queue: what it is, its subject and text, and whether it is automatic
/// (`Auto-Submitted: auto-replied`) or written by a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub kind: Kind,
    pub subject: String,
    pub body: String,
    pub automatic: bool,
}

/// Which of the desk's mails a draft is (stored as its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Acknowledgement,
    Reply,
    Resolved,
    /// The answer to mail the desk could not take: how to file.
    HowToFile,
    /// A one-time code for `cartsaver-support login`.
    LoginCode,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Acknowledgement => "acknowledgement",
            Kind::Reply => "reply",
            Kind::Resolved => "resolved",
            Kind::HowToFile => "how_to_file",
            Kind::LoginCode => "login_code",
        }
    }
}

/// `[CS-7KQ-2M4-X9C] Cartsaver — OTP not arriving via WhatsApp — Order #1052`.
pub fn tagged_subject(tracking: &TrackingNumber, subject: &str) -> String {
    format!("[{tracking}] {subject}")
}

/// What the acknowledgement says about the expected first response.
#[derive(Debug, Clone)]
pub struct Promise {
    /// The due time.
    pub due: DateTime<Utc>,
    /// The support calendar's zone (Africa/Cairo for Cartsaver's).
    pub zone: chrono_tz::Tz,
    /// The plan's target in words ("within 24 business hours (Sun–Thu, Africa/Cairo)").
    pub target: String,
}

/// The acknowledgement of a filed ticket.
pub fn acknowledgement(
    tracking: &TrackingNumber,
    ticket: &Ticket,
    notes: &[(Field, Note)],
    screenshots: usize,
    promise: &Promise,
) -> Draft {
    let lines = checklist(ticket, screenshots);
    let needed = still_needed(ticket, notes, screenshots);
    Draft {
        kind: Kind::Acknowledgement,
        subject: tagged_subject(tracking, &ticket.subject()),
        body: acknowledgement_body(tracking, &lines, notes, &needed, promise),
        automatic: true,
    }
}

/// The acknowledgement of a ticket filed by email: the fields the mail gave, and each one it
/// lacked or that did not hold up, with its fix, first among what is still needed.
pub fn acknowledgement_of_mail(
    tracking: &TrackingNumber,
    subject: &str,
    lines: &[(Field, String)],
    notes: &[(Field, Note)],
    problems: &[String],
    promise: &Promise,
) -> Draft {
    Draft {
        kind: Kind::Acknowledgement,
        subject: tagged_subject(tracking, subject),
        body: acknowledgement_body(tracking, lines, notes, problems, promise),
        automatic: true,
    }
}

fn acknowledgement_body(
    tracking: &TrackingNumber,
    lines: &[(Field, String)],
    notes: &[(Field, Note)],
    needed: &[String],
    promise: &Promise,
) -> String {
    let mut body = String::new();
    body.push_str(REPLY_ABOVE);
    body.push_str("\n\n");
    body.push_str(&format!(
        "Thank you: your ticket is filed. Its tracking number is\n\n    {tracking}\n\n\
         Reply to this mail to add to the ticket (keep the number in the subject), or follow it \
         with\n\n    cartsaver-support status {tracking}\n\n"
    ));
    body.push_str("Expected first response\n");
    let local = promise.due.with_timezone(&promise.zone);
    body.push_str(&format!(
        "  {}\n  by {} ({})\n  by {}\n\n",
        promise.target,
        local.format("%Y-%m-%d %H:%M %Z"),
        promise.zone.name(),
        promise.due.format("%Y-%m-%d %H:%M UTC")
    ));
    body.push_str("The checklist as filed\n");
    for (field, value) in lines {
        body.push_str(&format!("  {:<12} {value}\n", format!("{}:", field.name())));
        for (_, note) in notes.iter().filter(|(f, _)| f == field) {
            body.push_str(&format!("  {:<12}   {note}\n", ""));
        }
    }
    body.push('\n');
    if needed.is_empty() {
        body.push_str("Still needed: nothing; support has what it needs to start.\n");
    } else {
        body.push_str("Still needed (reply to this mail with these, all at once)\n");
        for item in needed {
            body.push_str(&format!("  - {item}\n"));
        }
    }
    body.push_str("\n-- \nCartsaver support\n");
    body
}

/// The checklist's fields as the ticket holds them, PIN masked.
fn checklist(ticket: &Ticket, screenshots: usize) -> Vec<(Field, String)> {
    let mut lines = vec![
        (Field::Store, ticket.store.to_string()),
        (Field::Order, ticket.order.to_string()),
        (Field::Phone, ticket.phone.e164.clone()),
        (Field::Channel, ticket.channel.name().to_string()),
        (
            Field::At,
            crate::domain::timestamp::format_utc(ticket.at).to_string(),
        ),
        (Field::Screenshot, format!("{screenshots} attached")),
        (Field::Tried, ticket.tried.join("; ")),
        (Field::Summary, ticket.summary.clone()),
        (Field::Plan, ticket.plan.name().to_string()),
    ];
    if ticket.urgent {
        lines.push((Field::Urgent, "yes".to_string()));
    }
    lines
}

/// What support will still ask for, each with its fix: a number that cannot receive OTPs, a time
/// whose provider logs may be gone, a visual issue without a screenshot, no step tried.
pub fn still_needed(ticket: &Ticket, notes: &[(Field, Note)], screenshots: usize) -> Vec<String> {
    let mut needed = Vec::new();
    if ticket.phone.kind.cannot_receive_otp() {
        needed.push(format!(
            "phone {} is a {} number, which cannot receive WhatsApp or SMS OTPs (the commonest \
             cause): check the customer's mobile number and reply with it in international form \
             (+20…)",
            ticket.phone.e164,
            ticket.phone.kind.words()
        ));
    }
    if notes
        .iter()
        .any(|(field, note)| *field == Field::At && note.is_warning())
    {
        needed.push(
            "time: the issue is more than 30 days old and provider logs may have expired; if it \
             happened again since, reply with the time of a recent one (UTC, e.g. \
             2026-11-20T14:03:00Z)"
                .to_string(),
        );
    }
    if screenshots == 0 && looks_visual(ticket) {
        needed.push(
            "screenshot: you describe an error on screen but attached none; reply with a \
             screenshot of it attached (PNG, JPEG, GIF, WebP or PDF, at most 10 MiB)"
                .to_string(),
        );
    }
    if ticket
        .tried
        .iter()
        .all(|step| step.trim().eq_ignore_ascii_case("none"))
    {
        needed.push(
            "tried: no step tried yet; reply with what you tried (resent the OTP, checked the \
             WhatsApp template…), so support does not repeat it"
                .to_string(),
        );
    }
    needed
}

/// Whether the summary or details speak of something seen on screen.
fn looks_visual(ticket: &Ticket) -> bool {
    let text = format!(
        "{} {}",
        ticket.summary,
        ticket.details.as_deref().unwrap_or_default()
    )
    .to_lowercase();
    [
        "error",
        "screen",
        "message shows",
        "popup",
        "pop-up",
        "blank",
        "page",
    ]
    .iter()
    .any(|word| text.contains(word))
}

/// A support reply on the ticket's thread.
pub fn reply(tracking: &TrackingNumber, subject: &str, message: &str) -> Draft {
    Draft {
        kind: Kind::Reply,
        subject: format!("Re: {}", tagged_subject(tracking, subject)),
        body: format!(
            "{REPLY_ABOVE}\n\n{}\n\n-- \nCartsaver support · ticket {tracking}\n\
             Reply to this mail to answer, or: cartsaver-support status {tracking}\n",
            message.trim_end()
        ),
        automatic: false,
    }
}

/// The notice that a ticket is resolved, and that a reply opens it again.
pub fn resolved(tracking: &TrackingNumber, subject: &str) -> Draft {
    Draft {
        kind: Kind::Resolved,
        subject: format!("Re: {}", tagged_subject(tracking, subject)),
        body: format!(
            "{REPLY_ABOVE}\n\nTicket {tracking} is resolved. If the problem is back or not \
             solved after all, reply to this mail: your reply opens the ticket again.\n\n-- \n\
             Cartsaver support\n"
        ),
        automatic: true,
    }
}

/// The one polite answer to mail the desk could not take (a sender no store registered, mail
/// naming no ticket). It says how to file and nothing of any ticket.
pub fn how_to_file(subject: &str) -> Draft {
    let subject = if subject.trim().is_empty() {
        "Re: your mail to Cartsaver support".to_string()
    } else if subject.to_lowercase().starts_with("re:") {
        subject.to_string()
    } else {
        format!("Re: {subject}")
    };
    Draft {
        kind: Kind::HowToFile,
        subject,
        body: "Thank you for writing to Cartsaver support.\n\n\
               This address takes mail from the addresses registered for a store, and replies on \
               existing tickets from their contact. To file a ticket, run\n\n    \
               cartsaver-support new\n\n\
               (it walks you through the checklist support needs: store URL, order number, \
               customer phone, channel, time, screenshot, steps tried), or ask support to \
               register your address for your store.\n\n\
               This is an automatic answer; you will get it at most once a day.\n\n-- \n\
               Cartsaver support\n"
            .to_string(),
        automatic: true,
    }
}

/// The one-time code of `cartsaver-support login`, as 8 digits in a row (easy to copy), with
/// what it is for and what to do if the merchant did not ask for it.
pub fn login_code(store: &str, code: &str, minutes: i64) -> Draft {
    Draft {
        kind: Kind::LoginCode,
        subject: format!("Cartsaver support — your login code {code}"),
        body: format!(
            "Someone (you, we hope) asked to sign in to Cartsaver support for {store} with \
             `cartsaver-support login`.\n\n\
             Your code:\n\n    {code}\n\n\
             Type it where `cartsaver-support login` asks, or run\n\n    \
             cartsaver-support login --code {code}\n\n\
             It works once, for {minutes} minutes. If you did not ask for it, ignore this mail: \
             nobody can sign in without the code.\n\n-- \nCartsaver support\n"
        ),
        automatic: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ticket::{Context, TicketInput, examine};

    fn ticket(phone: &str, tried: &str, details: Option<&str>) -> (Ticket, Vec<(Field, Note)>) {
        let input = TicketInput {
            store: Some("cool-shop.myshopify.com".into()),
            order: Some("1052".into()),
            phone: Some(phone.into()),
            channel: Some("whatsapp".into()),
            at: Some("2026-11-18T09:00:00Z".into()),
            tried: vec![tried.into()],
            summary: Some("OTP not arriving via WhatsApp".into()),
            details: details.map(String::from),
            email: Some("owner@cool-shop.com".into()),
            plan: Some("advanced".into()),
            ..TicketInput::default()
        };
        let context = Context {
            now: "2026-11-18T10:00:00Z".parse().unwrap(),
            local: chrono_tz::UTC,
        };
        let exam = examine(&input, Vec::new(), &context);
        let notes = exam.notes();
        (exam.into_ticket(|f| f.name().to_string()).unwrap().0, notes)
    }

    fn promise() -> Promise {
        Promise {
            due: "2026-11-19T10:00:00Z".parse().unwrap(),
            zone: chrono_tz::Africa::Cairo,
            target: "within 24 business hours".into(),
        }
    }

    #[test]
    fn the_acknowledgement_has_the_number_the_due_time_in_both_zones_and_what_is_missing() {
        let tn: TrackingNumber = "CS-7KQ-2M4-X9C".parse().unwrap();
        let (landline, notes) = ticket("+20 2 23456789", "none", Some("an error page shows"));
        let draft = acknowledgement(&tn, &landline, &notes, 0, &promise());
        assert_eq!(
            draft.subject,
            "[CS-7KQ-2M4-X9C] Cartsaver — OTP not arriving via WhatsApp — Order #1052"
        );
        assert!(draft.automatic);
        let body = &draft.body;
        assert!(
            body.contains("cartsaver-support status CS-7KQ-2M4-X9C"),
            "{body}"
        );
        assert!(body.contains("2026-11-19 12:00 EET"), "{body}");
        assert!(body.contains("2026-11-19 10:00 UTC"), "{body}");
        assert!(body.contains("Still needed"), "{body}");
        assert!(
            body.contains("cannot receive WhatsApp or SMS OTPs"),
            "{body}"
        );
        assert!(body.contains("screenshot: you describe an error"), "{body}");
        assert!(body.contains("tried: no step tried yet"), "{body}");

        let (mobile, notes) = ticket("+201001234567", "resent the OTP", None);
        let draft = acknowledgement(&tn, &mobile, &notes, 0, &promise());
        assert!(
            draft.body.contains("Still needed: nothing"),
            "{}",
            draft.body
        );
    }

    #[test]
    fn replies_and_the_resolve_notice_thread_under_re() {
        let tn: TrackingNumber = "CS-7KQ-2M4-X9C".parse().unwrap();
        let draft = reply(
            &tn,
            "Cartsaver — OTP — Order #1052",
            "Fixed the template.\n",
        );
        assert_eq!(
            draft.subject,
            "Re: [CS-7KQ-2M4-X9C] Cartsaver — OTP — Order #1052"
        );
        assert!(!draft.automatic);
        assert!(draft.body.contains("Fixed the template.\n\n-- "));
        let notice = resolved(&tn, "s");
        assert!(notice.automatic && notice.body.contains("opens the ticket again"));
    }
}
