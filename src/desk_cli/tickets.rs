//! `cartsaver-desk tickets list`, `reply` and `set-status`: the support engineer's view of the
//! tickets, working on the database directly with [`Scope::Everything`] (or one store's scope).

use std::io::{Read, Write};

use anyhow::Context as _;

use crate::api::{Author, Status, TicketSummary, TicketView};
use crate::desk::{ListFilter, Scope};
use crate::domain::store::parse_store;
use crate::domain::tracking::parse_tracking;

use super::args::{GlobalArgs, ListArgs, ReplyArgs, SetStatusArgs};
use super::error::DeskCliError;
use super::open;

/// Tickets fetched per page while listing.
const PAGE: usize = 200;

pub fn list(global: &GlobalArgs, args: &ListArgs) -> Result<(), DeskCliError> {
    let status = args.status.as_deref().map(parse_status).transpose()?;
    let scope = match &args.store {
        Some(store) => Scope::Store(parse_store(store)?.value),
        None => Scope::Everything,
    };
    let now = open::clock()?.now();
    let desk = open::desk(global)?;
    let mut tickets: Vec<TicketSummary> = Vec::new();
    let mut cursor = None;
    loop {
        let wanted = args
            .limit
            .map_or(PAGE, |limit| (limit - tickets.len()).min(PAGE));
        if wanted == 0 {
            break;
        }
        let filter = ListFilter {
            status,
            order: args.order.clone(),
            limit: Some(wanted),
            cursor,
        };
        let page = desk.list(&scope, &filter, now)?;
        tickets.extend(page.tickets);
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    let mut out = std::io::stdout().lock();
    if global.json {
        for ticket in &tickets {
            let line = serde_json::to_string(ticket).context("cannot encode a ticket as JSON")?;
            writeln!(out, "{line}").context("cannot write to stdout")?;
        }
    } else if tickets.is_empty() {
        eprintln!("no tickets");
    } else {
        write!(out, "{}", table(&tickets)).context("cannot write to stdout")?;
    }
    Ok(())
}

pub fn reply(global: &GlobalArgs, args: &ReplyArgs) -> Result<(), DeskCliError> {
    let tracking = parse_tracking(&args.tracking)?;
    let body = match (&args.message, &args.message_file) {
        (Some(text), _) => text.clone(),
        (None, Some(path)) => read_message_file(path)?,
        (None, None) => {
            return Err(DeskCliError::Usage(
                "give the reply with --message TEXT or --message-file FILE|-".to_string(),
            ));
        }
    };
    if body.trim().is_empty() {
        return Err(DeskCliError::Usage(
            "the reply is empty; write it with --message TEXT or --message-file FILE|-".to_string(),
        ));
    }
    let now = open::clock()?.now();
    let view = open::desk(global)?.add_message(
        &Scope::Everything,
        &tracking,
        Author::Support,
        &body,
        Vec::new(),
        now,
    )?;
    print_view(global, &view, "replied to")
}

pub fn set_status(global: &GlobalArgs, args: &SetStatusArgs) -> Result<(), DeskCliError> {
    let tracking = parse_tracking(&args.tracking)?;
    let status = parse_status(&args.status)?;
    let now = open::clock()?.now();
    let view = open::desk(global)?.set_status(&tracking, status, now)?;
    print_view(global, &view, "updated")
}

fn parse_status(text: &str) -> Result<Status, DeskCliError> {
    Status::parse(text).ok_or_else(|| {
        DeskCliError::Usage(format!(
            "status `{text}` is not a ticket status; use one of {}",
            Status::ALL.map(Status::name).join(", ")
        ))
    })
}

fn read_message_file(path: &std::path::Path) -> Result<String, DeskCliError> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read the reply from stdin (it must be UTF-8 text)")?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|error| {
            DeskCliError::Usage(format!(
                "--message-file {}: {error}; give a readable UTF-8 text file, or - for stdin",
                path.display()
            ))
        })
    }
}

/// With `--json` the ticket on stdout; otherwise its number and status on stdout, alone.
fn print_view(global: &GlobalArgs, view: &TicketView, done: &str) -> Result<(), DeskCliError> {
    let mut out = std::io::stdout().lock();
    if global.json {
        let text = serde_json::to_string(view).context("cannot encode the ticket as JSON")?;
        writeln!(out, "{text}").context("cannot write to stdout")?;
    } else {
        writeln!(out, "{} {}", view.tracking_number, view.status)
            .context("cannot write to stdout")?;
        eprintln!("{done} {}: {}", view.tracking_number, view.subject);
    }
    Ok(())
}

/// A plain table, columns padded to their widest cell.
fn table(tickets: &[TicketSummary]) -> String {
    let header = ["TRACKING", "STATUS", "DUE", "STORE", "ORDER", "SUBJECT"].map(String::from);
    let rows: Vec<[String; 6]> = tickets
        .iter()
        .map(|t| {
            let due = if t.overdue {
                format!("{} overdue", t.first_response_due)
            } else {
                t.first_response_due.clone()
            };
            [
                t.tracking_number.to_string(),
                t.status.to_string(),
                due,
                t.store.clone(),
                t.order.clone(),
                t.subject.clone(),
            ]
        })
        .collect();
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut text = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (cell, width))| {
                if i + 1 == row.len() {
                    cell.clone()
                } else {
                    format!("{cell:<width$}")
                }
            })
            .collect();
        text.push_str(&cells.join("  "));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tracking::TrackingNumber;

    #[test]
    fn status_names_the_choices() {
        assert_eq!(parse_status("Answered").unwrap(), Status::Answered);
        let error = parse_status("closed").unwrap_err().to_string();
        assert!(
            error.contains("`closed`") && error.contains("open, answered, resolved"),
            "{error}"
        );
    }

    #[test]
    fn table_aligns_columns_and_marks_overdue() {
        let ticket = TicketSummary {
            tracking_number: TrackingNumber::generate(),
            status: Status::Open,
            subject: "Cartsaver — OTP not arriving via WhatsApp — Order #1052".into(),
            store: "https://cool-shop.myshopify.com".into(),
            order: "#1052".into(),
            created_at: "2026-11-20T14:03:00Z".into(),
            updated_at: "2026-11-20T14:03:00Z".into(),
            first_response_due: "2026-11-22T14:03:00Z".into(),
            overdue: true,
        };
        let text = table(&[ticket]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[1].contains("overdue"));
        assert_eq!(lines[0].find("STATUS"), lines[1].find("open"));
    }
}
