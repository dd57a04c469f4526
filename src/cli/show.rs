//! How tickets look to a person: the status view, list lines, times in UTC, Cairo and local.

use std::io::Write;

use chrono::{DateTime, Utc};

use crate::api::{Author, Status, TicketSummary, TicketView};
use crate::domain::screenshot::human_size;

use super::style::{BAD, BOLD, DIM, OK, WARN, paint};

/// `2026-11-22T22:00:00Z (Mon 00:00 in Cairo, 2026-11-22 22:00 UTC local)`: a due time as the
/// merchant and the support team each read it.
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

pub fn status_word(status: Status, overdue: bool) -> String {
    let word = match status {
        Status::Open => paint(WARN, "open"),
        Status::Answered => paint(OK, "answered"),
        Status::Resolved => paint(DIM, "resolved"),
    };
    if overdue {
        format!("{word} {}", paint(BAD, "(overdue)"))
    } else {
        word
    }
}

pub fn print_ticket(out: &mut impl Write, ticket: &TicketView) -> std::io::Result<()> {
    let heading = format!("{} ", ticket.tracking_number);
    writeln!(
        out,
        "{}{}",
        paint(BOLD, &heading),
        status_word(ticket.status, ticket.overdue)
    )?;
    writeln!(out, "{}", ticket.subject)?;
    let mut rows = vec![
        ("store", ticket.store.clone()),
        ("order", ticket.order.clone()),
        ("phone", ticket.phone.clone()),
        ("channel", ticket.channel.clone()),
        ("at", ticket.at.clone()),
        ("tried", ticket.tried.join("; ")),
        ("email", ticket.email.clone()),
        ("plan", ticket.plan.clone()),
    ];
    if let Some(details) = &ticket.details {
        rows.push(("details", details.clone()));
    }
    if let Some(pin) = &ticket.pin {
        rows.push(("pin", pin.clone()));
    }
    if ticket.allow_access {
        rows.push(("access", "support may open the store account".into()));
    }
    rows.push(("filed", ticket.created_at.clone()));
    rows.push(("updated", ticket.updated_at.clone()));
    let due = if ticket.overdue {
        format!("{} {}", ticket.first_response_due, paint(BAD, "overdue"))
    } else {
        ticket.first_response_due.clone()
    };
    rows.push(("response due", due));
    for (name, value) in rows {
        writeln!(out, "  {}  {value}", paint(DIM, &format!("{name:12}")))?;
    }
    for attachment in &ticket.attachments {
        let size = human_size(attachment.size);
        writeln!(
            out,
            "  {}  {} ({}, {size})",
            paint(DIM, "attachment  "),
            attachment.name,
            attachment.kind
        )?;
    }
    if ticket.messages.is_empty() {
        writeln!(out, "  {}", paint(DIM, "no messages yet"))?;
    }
    for message in &ticket.messages {
        let who = match message.from {
            Author::Merchant => paint(BOLD, "you"),
            Author::Support => paint(OK, "support"),
        };
        writeln!(out, "  {who} {}", paint(DIM, &message.at))?;
        for line in message.body.lines() {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

pub fn print_summary_line(out: &mut impl Write, ticket: &TicketSummary) -> std::io::Result<()> {
    writeln!(
        out,
        "{}  {:9}  {}  {}",
        ticket.tracking_number,
        status_word(ticket.status, ticket.overdue),
        paint(DIM, &ticket.created_at),
        ticket.subject
    )
}
