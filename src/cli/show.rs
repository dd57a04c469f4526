//! How tickets look when printed: the status view, list lines, the checklist before and after
//! filing, `new --json`, and times in UTC, Cairo and local time.

use std::io::Write;

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::api::{Author, Status, TicketSummary, TicketView};
use crate::client::Desk;
use crate::domain::calendar::Calendar;
use crate::domain::screenshot::human_size;
use crate::domain::ticket::Ticket;
use crate::domain::timestamp::format_utc;

use super::style::{BAD, BOLD, DIM, OK, WARN, paint};

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

/// The status in its colour, padded to `width` before colouring so that columns line up with
/// and without colour; then `(overdue)` when it is.
pub fn status_word(status: Status, overdue: bool, width: usize) -> String {
    let style = match status {
        Status::Open => WARN,
        Status::Answered => OK,
        Status::Resolved => DIM,
    };
    let word = paint(style, &format!("{:width$}", status.name()));
    if overdue {
        format!("{word} {}", paint(BAD, "(overdue)"))
    } else {
        word
    }
}

/// Text that came from the desk (a subject, a support message), made safe for a terminal:
/// control characters other than line breaks and tabs are shown escaped, so no message can
/// retitle, recolour or clear the merchant's terminal.
pub fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The whole ticket for a person; `local` is the zone the due time is also shown in.
pub fn print_ticket(
    out: &mut impl Write,
    ticket: &TicketView,
    local: chrono_tz::Tz,
) -> std::io::Result<()> {
    let heading = format!("{} ", ticket.tracking_number);
    writeln!(
        out,
        "{}{}",
        paint(BOLD, &heading),
        status_word(ticket.status, ticket.overdue, 0)
    )?;
    writeln!(out, "{}", terminal_safe(&ticket.subject))?;
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
    let due = match DateTime::parse_from_rfc3339(&ticket.first_response_due) {
        Ok(due) => due_in_words(due.with_timezone(&Utc), local),
        Err(_) => ticket.first_response_due.clone(),
    };
    let due = if ticket.overdue {
        format!("{due} {}", paint(BAD, "overdue"))
    } else {
        due
    };
    rows.push(("response due", due));
    for (name, value) in rows {
        let value = terminal_safe(&value);
        writeln!(out, "  {}  {value}", paint(DIM, &format!("{name:12}")))?;
    }
    for attachment in &ticket.attachments {
        let size = human_size(attachment.size);
        writeln!(
            out,
            "  {}  {} ({}, {size})",
            paint(DIM, "attachment  "),
            terminal_safe(&attachment.name),
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
        for line in terminal_safe(&message.body).lines() {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// One line of a list: columns that line up, `(overdue)` last so it shifts nothing.
pub fn print_summary_line(out: &mut impl Write, ticket: &TicketSummary) -> std::io::Result<()> {
    let overdue = if ticket.overdue {
        format!(" {}", paint(BAD, "(overdue)"))
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}  {}  {}  {}{overdue}",
        ticket.tracking_number,
        status_word(ticket.status, false, 8),
        paint(DIM, &ticket.created_at),
        terminal_safe(&ticket.subject)
    )
}

/// `new --json` (SPEC §3): the filed ticket in brief, whether it was a replay, and the desk.
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
    if let Some(pin) = &ticket.pin {
        rows.push(("pin", pin.masked()));
    }
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
pub fn write_ticket(
    out: &mut impl Write,
    ticket: &Ticket,
    attachment_names: &[String],
    due: chrono::DateTime<chrono::Utc>,
    local: chrono_tz::Tz,
) {
    let _ = writeln!(out, "{}", paint(BOLD, &ticket.subject()));
    for (name, value) in field_rows(ticket, attachment_names) {
        let _ = writeln!(out, "  {}  {value}", paint(DIM, &format!("{name:11}")));
    }
    let _ = writeln!(
        out,
        "First response {}: due {}",
        Calendar::cartsaver().describe_target(ticket.plan),
        due_in_words(due, local)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desk_text_cannot_drive_the_terminal() {
        let hostile = "fixed\u{1b}]0;pwned\u{7}\u{1b}[31mRED\nsecond line\tok";
        let safe = terminal_safe(hostile);
        assert!(
            !safe.contains('\u{1b}') && !safe.contains('\u{7}'),
            "{safe:?}"
        );
        assert!(safe.contains("\\u{1b}]0;pwned"), "{safe:?}");
        assert!(
            safe.contains("\nsecond line\tok"),
            "line breaks and tabs stay: {safe:?}"
        );
    }

    #[test]
    fn status_columns_are_padded_before_colouring() {
        let plain = |text: String| anstream::adapter::strip_str(&text).to_string();
        assert_eq!(plain(status_word(Status::Open, false, 8)), "open    ");
        assert_eq!(
            plain(status_word(Status::Answered, true, 8)),
            "answered (overdue)"
        );
    }
}
