//! How tickets look when printed: the status view, list lines, the checklist before and after
//! filing, `new --json`, and times in UTC, Cairo and local time. Everything here is built as
//! [`Line`]s; the [`Printer`](super::printer::Printer) writes them and makes them terminal-safe.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::api::{Author, Status, TicketSummary, TicketView, Via};
use crate::client::Desk;
use crate::domain::calendar::Calendar;
use crate::domain::channel::parse_channel;
use crate::domain::screenshot::human_size;
use crate::domain::ticket::Ticket;
use crate::domain::timestamp::format_utc;
use crate::line;

use super::printer::{BAD, BOLD, DIM, Line, OK, Span, WARN, paint};

/// `2026-11-22T22:00:00Z — Mon 2026-11-23 00:00 Cairo time, Sun 2026-11-22 23:00 your time
/// (Europe/Berlin)`: a due time as the merchant and the support team each read it.
pub fn due_in_words(due: DateTime<Utc>, local: chrono_tz::Tz) -> String {
    let cairo = due.with_timezone(&chrono_tz::Africa::Cairo);
    let mine = due.with_timezone(&local);
    format!(
        "{} — {} Cairo time, {} your time ({})",
        crate::domain::timestamp::format_utc(due),
        cairo.format("%a %Y-%m-%d %H:%M"),
        mine.format("%a %Y-%m-%d %H:%M"),
        local.name()
    )
}

/// The status in its colour, padded to `width` so that columns line up with and without colour.
pub fn status_word(status: Status, width: usize) -> Span {
    let style = match status {
        Status::Open => WARN,
        Status::Answered => OK,
        Status::Resolved => DIM,
    };
    paint(style, format!("{:width$}", status.name()))
}

/// `whatsapp` as a person writes it, `WhatsApp`, everywhere a ticket is shown.
fn channel_label(name: &str) -> String {
    parse_channel(name)
        .map(|parsed| parsed.value.label().to_string())
        .unwrap_or_else(|_| name.to_string())
}

/// One `  name          value` row; a value of several lines is indented under its first.
fn row(name: &str, value: Line) -> Line {
    line![paint(DIM, format!("  {name:12}")), "  "].append(value.indent_lines(16))
}

/// The whole ticket for a person; `local` is the zone the due time is also shown in.
pub fn ticket_lines(ticket: &TicketView, local: chrono_tz::Tz) -> Vec<Line> {
    let mut heading = line![
        paint(BOLD, format!("{} ", ticket.tracking_number)),
        status_word(ticket.status, 0)
    ];
    if ticket.overdue {
        heading = heading.push(" ").push(paint(BAD, "(overdue)"));
    }
    let mut lines = vec![heading, Line::from(&ticket.subject)];
    let mut rows: Vec<(&str, Line)> = vec![
        ("store", Line::from(&ticket.store)),
        ("order", Line::from(&ticket.order)),
        ("phone", Line::from(&ticket.phone)),
        ("channel", Line::from(channel_label(&ticket.channel))),
        ("at", Line::from(&ticket.at)),
        ("tried", Line::from(ticket.tried.join("; "))),
        ("email", Line::from(&ticket.email)),
        ("plan", Line::from(&ticket.plan)),
    ];
    if let Some(details) = &ticket.details {
        rows.push(("details", Line::from(details)));
    }
    if let Some(pin) = &ticket.pin {
        rows.push(("pin", Line::from(pin)));
    }
    if ticket.allow_access {
        rows.push(("access", Line::from("support may open the store account")));
    }
    if ticket.via == Via::Email {
        rows.push((
            "filed",
            Line::from(format!("{} by email", ticket.created_at)),
        ));
    } else {
        rows.push(("filed", Line::from(&ticket.created_at)));
    }
    if !ticket.missing.is_empty() {
        let value = format!(
            "{} (reply to the acknowledgement mail with them)",
            ticket.missing.join(", ")
        );
        rows.push(("missing", Line::from(value)));
    }
    rows.push(("updated", Line::from(&ticket.updated_at)));
    rows.push(response_row(ticket, local));
    lines.extend(rows.into_iter().map(|(name, value)| row(name, value)));
    for attachment in &ticket.attachments {
        let size = human_size(attachment.size);
        let value = format!("{} ({}, {size})", attachment.name, attachment.kind);
        lines.push(row("attachment", Line::from(value)));
    }
    if ticket.messages.is_empty() {
        lines.push(line![paint(DIM, "  no messages yet")]);
    }
    for message in &ticket.messages {
        let who = match message.from {
            Author::Merchant => paint(BOLD, "you"),
            Author::Support => paint(OK, "support"),
        };
        let mut heading = line!["  ", who, " ", paint(DIM, &message.at)];
        if message.via == Via::Email {
            heading = heading.push(" ").push(paint(DIM, "by email"));
        }
        lines.push(heading);
        for text in message.body.lines() {
            lines.push(line!["    ", text]);
        }
    }
    lines
}

/// After support's first reply, when it came; before it, when it is due (and overdue).
fn response_row(ticket: &TicketView, local: chrono_tz::Tz) -> (&'static str, Line) {
    let first_reply = ticket
        .messages
        .iter()
        .find(|message| message.from == Author::Support);
    if let Some(reply) = first_reply {
        return ("answered", Line::from(format!("answered at {}", reply.at)));
    }
    let due = match DateTime::parse_from_rfc3339(&ticket.first_response_due) {
        Ok(due) => due_in_words(due.with_timezone(&Utc), local),
        Err(_) => ticket.first_response_due.clone(),
    };
    let mut value = Line::from(due);
    if ticket.overdue {
        value = value.push(" ").push(paint(BAD, "overdue"));
    }
    ("response due", value)
}

/// One line of a list: columns that line up, `(overdue)` last so it shifts nothing.
pub fn summary_line(ticket: &TicketSummary) -> Line {
    let mut line = line![
        ticket.tracking_number.to_string(),
        "  ",
        status_word(ticket.status, 8),
        "  ",
        paint(DIM, &ticket.created_at),
        "  ",
        &ticket.subject
    ];
    if ticket.overdue {
        line = line.push(" ").push(paint(BAD, "(overdue)"));
    }
    line
}

/// `new --json` (docs/contract.md §3): the filed ticket in brief, whether it was a replay, and the desk.
pub fn filed_json(view: &TicketView, replayed: bool, desk: &dyn Desk) -> serde_json::Value {
    json!({
        "tracking_number": view.tracking_number,
        "status": view.status,
        "subject": view.subject,
        "created_at": view.created_at,
        "first_response_due": view.first_response_due,
        "replayed": replayed,
        "desk": desk.describe(),
    })
}

/// The normalized fields a person checks before and after filing.
pub fn field_rows(ticket: &Ticket, screenshots: &[String]) -> Vec<(&'static str, String)> {
    let mut rows = vec![
        ("store", ticket.store.to_string()),
        ("order", ticket.order.to_string()),
        ("phone", describe_phone(ticket)),
        ("channel", ticket.channel.label().to_string()),
        ("at", format_utc(ticket.at)),
        ("tried", ticket.tried.join("; ")),
        ("email", ticket.email.to_string()),
        ("plan", ticket.plan.to_string()),
    ];
    if let Some(details) = &ticket.details {
        rows.push(("details", details.clone()));
    }
    if !screenshots.is_empty() {
        rows.push(("screenshots", screenshots.join(", ")));
    }
    let pin = match &ticket.pin {
        Some(pin) => pin.masked(),
        None => "(none)".to_string(),
    };
    rows.push(("pin", pin));
    rows.push((
        "access",
        if ticket.allow_access {
            "allowed"
        } else {
            "not allowed"
        }
        .into(),
    ));
    rows
}

fn describe_phone(ticket: &Ticket) -> String {
    match &ticket.phone.country {
        Some(country) => format!("{} ({}, {country})", ticket.phone.e164, ticket.phone.kind),
        None => format!("{} ({})", ticket.phone.e164, ticket.phone.kind),
    }
}

/// The subject, the normalized fields and the expected first response: what a person checks
/// before (preview, dry run) and after filing.
pub fn ticket_preview(
    ticket: &Ticket,
    attachment_names: &[String],
    due: chrono::DateTime<chrono::Utc>,
    calendar: &Calendar,
    local: chrono_tz::Tz,
) -> Vec<Line> {
    let mut lines = vec![line![paint(BOLD, ticket.subject())]];
    for (name, value) in field_rows(ticket, attachment_names) {
        let value = Line::from(value).indent_lines(15);
        lines.push(line![paint(DIM, format!("  {name:11}")), "  "].append(value));
    }
    lines.push(Line::from(format!(
        "First response {}: due {}",
        calendar.describe_target(ticket.plan),
        due_in_words(due, local)
    )));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_columns_are_padded() {
        assert_eq!(Line::from(status_word(Status::Open, 8)).plain(), "open    ");
    }

    #[test]
    fn channels_are_written_as_people_write_them() {
        assert_eq!(channel_label("whatsapp"), "WhatsApp");
        assert_eq!(channel_label("sms"), "SMS");
    }

    #[test]
    fn multi_line_values_are_indented_under_the_first_line() {
        let line = row("details", Line::from("first\nsecond"));
        assert_eq!(
            line.plain(),
            format!("  details       first\n{}second", " ".repeat(16))
        );
    }
}
