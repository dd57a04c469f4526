//! `cartsaver-desk tickets list|show|check-pin`, `reply` and `set-status`: the support
//! engineer's view of the tickets, working on the database directly with [`Scope::Everything`]
//! (or one store's scope).

use std::io::{Read, Write};

use anyhow::Context as _;

use crate::api::{Author, Status, TicketSummary, TicketView};
use crate::desk::{ListFilter, MAX_LIMIT, PinCheck, Queue, Scope};
use crate::domain::store::parse_store;
use crate::domain::tracking::{TrackingNumber, parse_tracking};

use super::args::{GlobalArgs, ListArgs, ReplyArgs, SetStatusArgs};
use super::error::DeskCliError;
use super::open;

/// Tickets fetched per page while listing; each page is printed as it arrives.
const PAGE: usize = 200;
const _: () = assert!(PAGE <= MAX_LIMIT, "a page the core would refuse");

pub fn list(global: &GlobalArgs, args: &ListArgs) -> Result<(), DeskCliError> {
    let status = args.status.as_deref().map(parse_status).transpose()?;
    let scope = match &args.store {
        Some(store) => Scope::Store(parse_store(store)?.value),
        None => Scope::Everything,
    };
    let now = open::clock()?.now();
    let desk = open::desk(global)?;
    let mut out = std::io::stdout().lock();
    let mut table = Table::default();
    let mut shown = 0;
    let mut cursor = None;
    loop {
        let wanted = args.limit.map_or(PAGE, |limit| (limit - shown).min(PAGE));
        if wanted == 0 {
            break;
        }
        let filter = ListFilter {
            status,
            order: args.order.clone(),
            limit: Some(wanted),
            cursor,
        };
        let queue = Queue {
            urgent: args.urgent,
            overdue: args.overdue,
            by_due: true,
        };
        let page = desk.queue(&scope, &filter, &queue, now)?;
        shown += page.tickets.len();
        if global.json {
            for ticket in &page.tickets {
                let line =
                    serde_json::to_string(ticket).context("cannot encode a ticket as JSON")?;
                writeln!(out, "{line}").context("cannot write to stdout")?;
            }
        } else {
            write!(out, "{}", table.rows(&page.tickets)).context("cannot write to stdout")?;
        }
        // Shown now, also through a pipe: the next page may take a moment.
        out.flush().context("cannot write to stdout")?;
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    if shown == 0 && !global.json {
        eprintln!("no tickets");
    }
    Ok(())
}

/// `tickets show TN`: the ticket whole, as JSON with `--json`, or for a person.
pub fn show(global: &GlobalArgs, tracking: &str) -> Result<(), DeskCliError> {
    let tracking = parse_ticket(tracking)?;
    let now = open::clock()?.now();
    let view = open::desk(global)?.ticket(&Scope::Everything, &tracking, now)?;
    let mut out = std::io::stdout().lock();
    let text = if global.json {
        serde_json::to_string(&view).context("cannot encode the ticket as JSON")? + "\n"
    } else {
        super::show::ticket(&view)
    };
    out.write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    Ok(())
}

/// `tickets check-pin TN PIN`: exit 0 when it matches, 1 when not (or no PIN was given).
pub fn check_pin(global: &GlobalArgs, tracking: &str, pin: &str) -> Result<(), DeskCliError> {
    let tracking = parse_ticket(tracking)?;
    match open::desk(global)?.check_pin(&tracking, pin)? {
        PinCheck::Matches => {
            eprintln!("the PIN matches the one given with {tracking}");
            Ok(())
        }
        PinCheck::DoesNotMatch => Err(DeskCliError::Failed(anyhow::anyhow!(
            "the PIN does not match the one given with {tracking}; ask the merchant to read it again (letters are case-sensitive)"
        ))),
        PinCheck::NoPin => Err(DeskCliError::Failed(anyhow::anyhow!(
            "{tracking} was filed without a support PIN; there is nothing to check it against"
        ))),
    }
}

pub fn reply(global: &GlobalArgs, args: &ReplyArgs) -> Result<(), DeskCliError> {
    let tracking = parse_ticket(&args.tracking)?;
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
    let tracking = parse_ticket(&args.tracking)?;
    let status = parse_status(&args.status)?;
    let now = open::clock()?.now();
    let view = open::desk(global)?.set_status(&tracking, status, now)?;
    print_view(global, &view, "updated")
}

/// A tracking number as support types it. The domain's typo hint sends merchants to
/// `cartsaver-support list`; support looks in the desk's own list.
pub(super) fn parse_ticket(text: &str) -> Result<TrackingNumber, DeskCliError> {
    parse_tracking(text).map_err(|mut error| {
        if error.code == "check_mismatch" {
            error.message = "check character does not match — a typo? Copy the number from \
                             `cartsaver-desk tickets list`"
                .to_string();
        }
        DeskCliError::from(error)
    })
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

/// A plain table printed a page at a time: the header before the first row, columns padded to
/// the widest cell seen so far (a later page with a wider cell widens the columns from there on).
#[derive(Default)]
struct Table {
    widths: Option<[usize; 6]>,
}

const HEADER: [&str; 6] = ["TRACKING", "STATUS", "DUE", "STORE", "ORDER", "SUBJECT"];

impl Table {
    /// The lines of `tickets`, after the header if these are the first rows.
    fn rows(&mut self, tickets: &[TicketSummary]) -> String {
        if tickets.is_empty() {
            return String::new();
        }
        let rows: Vec<[String; 6]> = tickets.iter().map(cells).collect();
        let header = HEADER.map(String::from);
        let first = self.widths.is_none();
        let widths = self
            .widths
            .get_or_insert_with(|| header.clone().map(|h| h.chars().count()));
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let widths = *widths;
        let mut text = String::new();
        let lines = first.then_some(&header).into_iter().chain(&rows);
        for row in lines {
            let padded: Vec<String> = row
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
            text.push_str(&padded.join("  "));
            text.push('\n');
        }
        text
    }
}

fn cells(ticket: &TicketSummary) -> [String; 6] {
    let due = if ticket.overdue {
        format!("{} overdue", ticket.first_response_due)
    } else {
        ticket.first_response_due.clone()
    };
    [
        ticket.tracking_number.to_string(),
        ticket.status.to_string(),
        due,
        ticket.store.clone(),
        ticket.order.clone(),
        // The subject holds the merchant's summary: never raw to the terminal.
        super::show::safe(&ticket.subject),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_the_choices() {
        assert_eq!(parse_status("Answered").unwrap(), Status::Answered);
        let error = parse_status("closed").unwrap_err().to_string();
        assert!(
            error.contains("`closed`") && error.contains("open, answered, resolved"),
            "{error}"
        );
    }

    fn summary(order: &str, overdue: bool) -> TicketSummary {
        TicketSummary {
            tracking_number: TrackingNumber::generate(),
            status: Status::Open,
            subject: format!("Cartsaver — OTP not arriving via WhatsApp — Order {order}"),
            store: "https://cool-shop.myshopify.com".into(),
            order: order.into(),
            created_at: "2026-11-20T14:03:00Z".into(),
            updated_at: "2026-11-20T14:03:00Z".into(),
            first_response_due: "2026-11-22T14:03:00Z".into(),
            overdue,
        }
    }

    #[test]
    fn table_aligns_columns_and_marks_overdue() {
        let text = Table::default().rows(&[summary("#1052", true)]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[1].contains("overdue"));
        assert_eq!(lines[0].find("STATUS"), lines[1].find("open"));
    }

    #[test]
    fn table_pages_print_the_header_once_and_only_widen() {
        let mut table = Table::default();
        assert_eq!(table.rows(&[]), "");
        let first = table.rows(&[summary("#1", false)]);
        let second = table.rows(&[summary("#20000000001", false)]);
        let third = table.rows(&[summary("#2", false)]);
        assert!(first.starts_with("TRACKING"));
        assert_eq!(first.lines().count(), 2);
        assert!(!second.contains("TRACKING") && !third.contains("TRACKING"));
        let subject_at = |text: &str| text.lines().last().unwrap().find("Cartsaver");
        assert!(subject_at(&second) > subject_at(&first));
        assert_eq!(subject_at(&third), subject_at(&second));
    }

    #[test]
    fn a_mistyped_tracking_number_points_to_the_desks_list() {
        let DeskCliError::Invalid(problems) = parse_ticket("CS-7KQ-2M4-X9D").unwrap_err() else {
            panic!("not an invalid value")
        };
        let message = &problems[0].message;
        assert!(message.contains("typo"), "{message}");
        assert!(message.contains("cartsaver-desk tickets list"), "{message}");
        assert!(!message.contains("cartsaver-support"), "{message}");
        assert!(parse_ticket("CS-7KQ-2M4-X9C").is_ok());
    }
}
