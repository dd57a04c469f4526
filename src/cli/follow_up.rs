//! The follow-up commands on filed tickets: `status`, `reply`, `resolve`, `list`. Tracking
//! numbers are checked locally first: a typo is refused (exit 2) before any request, worded as
//! the lookup it stops. Reading (`status`, `list`) never creates the local desk.

use crate::api::{Status, TicketView};
use crate::client::{Desk, ListFilter, MAX_LIMIT, RequestError, Upload};
use crate::domain::FieldError;
use crate::domain::order::parse_order;
use crate::domain::screenshot::{check_screenshot_count, load_screenshot};
use crate::domain::tracking::{TrackingNumber, parse_tracking};
use crate::line;

use super::args::{GlobalArgs, ListArgs, ReplyArgs, ResolveArgs, StatusArgs};
use super::connect::{self, ReadDesk};
use super::error::CliError;
use super::fields::read_text;
use super::interactive::{self, Prompter};
use super::printer::{Line, Printer};
use super::settings::{self, Settings};
use super::show::{summary_line, ticket_lines};

/// Every tracking number, or every typo among them, worded as the lookup they stop: `no ticket
/// CS-000-000-001 on the local desk at …: the check character does not match — a typo?` (exit 2).
fn tracking_numbers(inputs: &[String], desk: &str) -> Result<Vec<TrackingNumber>, CliError> {
    let mut numbers = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match parse_tracking(input) {
            Ok(number) => numbers.push(number),
            Err(error) => errors.push(format!(
                "no ticket `{}` on {desk}: {}; nothing was looked up",
                input.trim(),
                error.message
            )),
        }
    }
    if errors.is_empty() {
        Ok(numbers)
    } else {
        Err(CliError::usage_problems(errors))
    }
}

pub fn status(args: &StatusArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    let numbers = tracking_numbers(&args.tracking, &connect::describe(&settings)?)?;
    let desk = match connect::open_existing(&settings)? {
        ReadDesk::Open(desk) => desk,
        ReadDesk::Empty(name) => {
            let missing: Vec<String> = numbers
                .iter()
                .map(|number| {
                    format!("no ticket {number} on {name}: nothing was filed on this machine yet")
                })
                .collect();
            return Err(CliError::Failed(anyhow::anyhow!("{}", missing.join("\n"))));
        }
    };
    let mut failed = Vec::new();
    for (index, number) in numbers.iter().enumerate() {
        match desk.ticket(number) {
            Ok(view) if out.is_json() => out.json(&view),
            Ok(view) => {
                if index > 0 {
                    out.data("");
                }
                for line in ticket_lines(&view, settings::local_zone()) {
                    out.data(line);
                }
            }
            Err(error) => failed.push(format!("{number}: {error}")),
        }
    }
    match failed.len() {
        0 => Ok(()),
        _ if numbers.len() == 1 => Err(CliError::Failed(anyhow::anyhow!("{}", failed[0]))),
        _ => Err(CliError::Failed(anyhow::anyhow!(
            "{} of {} tickets could not be shown:\n  {}",
            failed.len(),
            numbers.len(),
            failed.join("\n  ")
        ))),
    }
}

pub fn reply(args: &ReplyArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    let desk_name = connect::describe(&settings)?;
    // Every problem of the command at once: the message, the number, the screenshots.
    let (body, number, uploads) = match (
        message_body(args, global, out),
        tracking_numbers(std::slice::from_ref(&args.tracking), &desk_name),
        uploads(&args.screenshot),
    ) {
        (Ok(body), Ok(mut number), Ok(uploads)) => (body, number.remove(0), uploads),
        (Err(CliError::Usage(body)), number, uploads) => {
            let mut problems = vec![body];
            problems.extend(number.err().map(|error| error.to_string()));
            problems.extend(uploads.err().into_iter().flatten().map(|e| e.to_string()));
            return Err(CliError::usage_problems(problems));
        }
        (Err(other), _, _) => return Err(other),
        (Ok(_), number, uploads) => {
            let mut problems: Vec<String> =
                number.err().map(|e| e.to_string()).into_iter().collect();
            problems.extend(uploads.err().into_iter().flatten().map(|e| e.to_string()));
            return Err(CliError::usage_problems(problems));
        }
    };
    let desk = connect::open(&settings)?;
    let view = desk
        .reply(&number, &body, uploads)
        .map_err(|error| match error {
            // The message may have reached the desk before the connection failed, and a reply
            // carries no idempotency key: say so, rather than invite a second copy.
            RequestError::Unreachable { .. } => CliError::Failed(anyhow::anyhow!(
                "{error}\nthe desk may have received the message before the connection failed: \
             check with `cartsaver-support status {number}` before sending it again"
            )),
            other => other.into(),
        })?;
    let words = format!(
        "Message added to {}; status {}.",
        view.tracking_number, view.status
    );
    print_result(out, &view, words);
    Ok(())
}

pub fn resolve(args: &ResolveArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    let desk_name = connect::describe(&settings)?;
    let number = tracking_numbers(std::slice::from_ref(&args.tracking), &desk_name)?.remove(0);
    let desk = connect::open(&settings)?;
    let view = desk.resolve(&number)?;
    let words = format!("{} is resolved; a reply reopens it.", view.tracking_number);
    print_result(out, &view, words);
    Ok(())
}

pub fn list(args: &ListArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let status = args.status.as_deref().map(|text| {
        Status::parse(text).ok_or_else(|| {
            format!("--status `{text}`: not a status; use open, answered or resolved")
        })
    });
    let order = args.order.as_deref().map(|text| {
        parse_order(text)
            .map(|parsed| parsed.value.to_string())
            .map_err(|error| error.to_string())
    });
    let (status, order) = match (status.transpose(), order.transpose()) {
        (Ok(status), Ok(order)) => (status, order),
        (status, order) => {
            let problems = status.err().into_iter().chain(order.err()).collect();
            return Err(CliError::usage_problems(problems));
        }
    };
    let settings = Settings::resolve(global)?;
    let desk = match connect::open_existing(&settings)? {
        ReadDesk::Open(desk) => desk,
        ReadDesk::Empty(name) => {
            out.note(format!(
                "No tickets on {name}: nothing was filed on this machine yet."
            ));
            return Ok(());
        }
    };
    let limit = if args.all {
        usize::MAX
    } else {
        args.limit as usize
    };
    let mut filter = ListFilter {
        status,
        order,
        limit: Some(limit.min(MAX_LIMIT)), // more than a page follows the cursor
        cursor: None,
    };
    let mut shown = 0;
    let more = loop {
        let page = desk.list(&filter)?;
        let mut tickets = page.tickets.iter();
        for ticket in tickets.by_ref().take(limit - shown) {
            if out.is_json() {
                out.json(ticket);
            } else {
                out.data(summary_line(ticket));
            }
            shown += 1;
        }
        let left_on_page = tickets.next().is_some();
        match page.next_cursor {
            Some(cursor) if shown < limit => filter.cursor = Some(cursor),
            next => break left_on_page || next.is_some(),
        }
    };
    if shown == 0 {
        out.note(format!("No tickets on {}.", desk.describe()));
    } else if more {
        out.note(more_tickets(desk.as_ref(), &filter, shown));
    }
    Ok(())
}

/// `showing 50 of 73; --limit N or --all for more` (the count from the desk's statistics when
/// the list is filtered by status alone, else `showing the 50 newest`).
fn more_tickets(desk: &dyn Desk, filter: &ListFilter, shown: usize) -> Line {
    let total = match (&filter.order, desk.stats()) {
        (None, Ok(stats)) => Some(match filter.status {
            None => stats.open + stats.answered + stats.resolved,
            Some(Status::Open) => stats.open,
            Some(Status::Answered) => stats.answered,
            Some(Status::Resolved) => stats.resolved,
        }),
        _ => None,
    };
    let showing = match total {
        Some(total) => format!("showing {shown} of {total}"),
        None => format!("showing the {shown} newest; there are more"),
    };
    line![showing, "; --limit N or --all for more"]
}

fn print_result(out: &Printer, view: &TicketView, words: String) {
    if out.is_json() {
        out.json(view);
    } else {
        out.note(words);
    }
}

/// The message text from `--message` or `--message-file` (`-` for stdin); at a terminal with
/// neither, asked for. Not blank.
fn message_body(args: &ReplyArgs, global: &GlobalArgs, out: &Printer) -> Result<String, CliError> {
    let text = match (&args.message, &args.message_file) {
        (Some(text), _) => text.clone(),
        (None, Some(path)) => read_text(path).map_err(|error| {
            CliError::Usage(format!(
                "--message-file `{}`: cannot read it: {error}",
                path.display()
            ))
        })?,
        (None, None) if interactive::is_interactive(global) => {
            let p = Prompter::new(out);
            p.say("One line here; for a longer message use --message-file FILE (or - for stdin).");
            p.line("Your message to support", None, None)?
        }
        (None, None) => {
            return Err(CliError::Usage(
                "no message; give --message TEXT, or --message-file FILE (`-` reads stdin)".into(),
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(CliError::Usage(
            "the message is empty; give --message TEXT or --message-file FILE".into(),
        ));
    }
    Ok(text.trim().to_string())
}

fn uploads(paths: &[std::path::PathBuf]) -> Result<Vec<Upload>, Vec<FieldError>> {
    let mut errors = Vec::new();
    if let Err(error) = check_screenshot_count(paths.len()) {
        errors.push(error);
    }
    let mut uploads = Vec::new();
    for path in paths {
        match load_screenshot(path) {
            Ok(parsed) => uploads.push(Upload {
                name: parsed.value.name,
                bytes: parsed.value.bytes,
            }),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(uploads)
    } else {
        Err(errors)
    }
}
