//! `cartsaver-desk tickets show`: a ticket as a support engineer reads it at a terminal: every
//! field with the diagnosis the domain gives it (phone type and country, the landline warning,
//! the time in UTC and Cairo, the store's reading), the thread and the attachments.
//!
//! Everything here came from a merchant: it is made terminal-safe (control characters and bidi
//! overrides shown escaped) before it is printed.

use chrono::{DateTime, Utc};

use crate::api::{Author, TicketView, Via};
use crate::domain::field::{Note, NoteLevel};
use crate::domain::phone::parse_phone;
use crate::domain::store::parse_store;

/// Support's time zone, in which times are shown beside UTC.
const SUPPORT_ZONE: chrono_tz::Tz = chrono_tz::Africa::Cairo;

/// The ticket as text, ending with a newline.
pub fn ticket(view: &TicketView) -> String {
    let mut text = String::new();
    let mut line = |label: &str, value: &str| {
        text.push_str(&format!("{label:<13}{}\n", safe(value)));
    };
    line("ticket", &view.tracking_number.to_string());
    line("subject", &view.subject);
    let status = if view.overdue {
        format!("{} (overdue)", view.status)
    } else {
        view.status.to_string()
    };
    line("status", &status);
    line("due", &both_zones(&view.first_response_due));
    let filed = both_zones(&view.created_at);
    match view.via {
        Via::Email => line("filed", &format!("{filed}, by email")),
        _ => line("filed", &filed),
    }
    if !view.missing.is_empty() {
        line("missing", &view.missing.join(", "));
    }
    line("store", &view.store);
    line("order", &view.order);
    line("phone", &view.phone);
    line("channel", &view.channel);
    line("at", &both_zones(&view.at));
    line("tried", &view.tried.join(" | "));
    line("summary", &view.summary);
    if let Some(details) = &view.details {
        line("details", &details.replace('\n', "\n             "));
    }
    line("email", &view.email);
    line("plan", &view.plan);
    let urgent = match (view.urgent, view.outage) {
        (true, true) => "URGENT (outage: orders stopped)",
        (true, false) => "URGENT",
        (false, true) => "no (outage reported)",
        (false, false) => "no",
    };
    line("urgent", urgent);
    line("pin", view.pin.as_deref().unwrap_or("(none)"));
    line(
        "access",
        if view.allow_access {
            "support may open the store"
        } else {
            "not allowed"
        },
    );
    for note in diagnosis(view) {
        let prefix = match note.level {
            NoteLevel::Warning => "warning: ",
            _ => "",
        };
        text.push_str(&format!("{:<13}{prefix}{}\n", "", safe(&note.text)));
    }
    text.push_str(&format!("\nthread ({} messages)\n", view.messages.len()));
    for message in &view.messages {
        let from = match message.from {
            Author::Merchant => "merchant",
            Author::Support => "support",
        };
        let via = if message.via == Via::Email {
            " (by email)"
        } else {
            ""
        };
        text.push_str(&format!("  {} {from}{via}:\n", both_zones(&message.at)));
        for body_line in message.body.lines() {
            text.push_str(&format!("    {}\n", safe(body_line)));
        }
    }
    text.push_str(&format!("\nattachments ({})\n", view.attachments.len()));
    for attachment in &view.attachments {
        text.push_str(&format!(
            "  {}  {}  {} bytes\n",
            safe(&attachment.name),
            attachment.kind,
            attachment.size
        ));
    }
    text
}

/// What the domain says of the stored fields today: phone type and country (with the landline
/// warning), the store's reading.
fn diagnosis(view: &TicketView) -> Vec<Note> {
    let mut notes = Vec::new();
    match parse_phone(&view.phone, None) {
        Ok(parsed) => notes.extend(parsed.notes),
        Err(error) => notes.push(Note::warning(format!("phone: {error}"))),
    }
    if let Ok(parsed) = parse_store(&view.store) {
        notes.extend(parsed.notes);
    }
    notes
}

/// `2026-11-20T14:03:00Z (16:03 Cairo)`.
fn both_zones(utc: &str) -> String {
    match utc.parse::<DateTime<Utc>>() {
        Ok(at) => format!(
            "{utc} ({} Cairo)",
            at.with_timezone(&SUPPORT_ZONE).format("%a %d %b %H:%M")
        ),
        Err(_) => utc.to_string(),
    }
}

/// Text from a merchant, safe to print: control characters and bidi controls escaped.
pub(super) fn safe(text: &str) -> String {
    crate::terminal::terminal_safe(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_utc_and_cairo() {
        assert_eq!(
            both_zones("2026-11-20T14:03:00Z"),
            "2026-11-20T14:03:00Z (Fri 20 Nov 16:03 Cairo)"
        );
    }
}
