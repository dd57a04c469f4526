//! The follow-up commands on filed tickets: `status`, `reply`, `resolve`, `list`. Tracking
//! numbers are checked locally first: a typo is refused (exit 2) before any request.

use std::io::Write;

use crate::api::Status;
use crate::client::RequestError;
use crate::desk::{ListFilter, MAX_LIMIT, Upload};
use crate::domain::FieldError;
use crate::domain::order::parse_order;
use crate::domain::screenshot::{check_screenshot_count, load_screenshot};
use crate::domain::tracking::{TrackingNumber, parse_tracking};

use super::args::{GlobalArgs, ListArgs, ReplyArgs, ResolveArgs, StatusArgs};
use super::connect::open_desk;
use super::error::CliError;
use super::exit::ExitStatus;
use super::fields::read_text;
use super::settings;
use super::show::{print_summary_line, print_ticket};

/// Every tracking number, or every typo among them (exit 2).
fn tracking_numbers(inputs: &[String]) -> Result<Vec<TrackingNumber>, CliError> {
    let mut numbers = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match parse_tracking(input) {
            Ok(number) => numbers.push(number),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(numbers)
    } else {
        Err(CliError::Invalid(errors))
    }
}

pub fn status(args: &StatusArgs, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    let numbers = tracking_numbers(&args.tracking)?;
    let desk = open_desk(global)?;
    let mut out = anstream::stdout().lock();
    let mut failed = Vec::new();
    for (index, number) in numbers.iter().enumerate() {
        match desk.ticket(number) {
            Ok(view) if global.json => {
                let _ = writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&view).map_err(anyhow::Error::from)?
                );
            }
            Ok(view) => {
                if index > 0 {
                    let _ = writeln!(out);
                }
                let _ = print_ticket(&mut out, &view, settings::local_zone());
            }
            Err(error) => failed.push(format!("{number}: {error}")),
        }
    }
    match failed.len() {
        0 => Ok(ExitStatus::Success),
        _ if numbers.len() == 1 => Err(CliError::Failed(anyhow::anyhow!("{}", failed[0]))),
        _ => Err(CliError::Failed(anyhow::anyhow!(
            "{} of {} tickets could not be shown:\n  {}",
            failed.len(),
            numbers.len(),
            failed.join("\n  ")
        ))),
    }
}

pub fn reply(args: &ReplyArgs, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    // Every problem of the command at once: the message, the number, the screenshots.
    let (body, number, uploads) = match (
        message_body(args),
        parse_tracking(&args.tracking),
        uploads(&args.screenshot),
    ) {
        (Ok(body), Ok(number), Ok(uploads)) => (body, number, uploads),
        (body, number, uploads) => {
            let mut problems: Vec<String> = body.err().into_iter().collect();
            problems.extend(number.err().map(|error| error.to_string()));
            problems.extend(
                uploads
                    .err()
                    .into_iter()
                    .flatten()
                    .map(|error| error.to_string()),
            );
            return Err(CliError::usage_problems(problems));
        }
    };
    let desk = open_desk(global)?;
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
    print_result(
        global,
        &view,
        &format!(
            "Message added to {}; status {}.",
            view.tracking_number, view.status
        ),
    )
}

pub fn resolve(args: &ResolveArgs, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    let number = tracking_numbers(std::slice::from_ref(&args.tracking))?.remove(0);
    let desk = open_desk(global)?;
    let view = desk.resolve(&number)?;
    print_result(
        global,
        &view,
        &format!("{} is resolved; a reply reopens it.", view.tracking_number),
    )
}

pub fn list(args: &ListArgs, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
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
    let limit = args.limit as usize;
    let desk = open_desk(global)?;
    let mut filter = ListFilter {
        status,
        order,
        limit: Some(limit.min(MAX_LIMIT)), // more than a page follows the cursor
        cursor: None,
    };
    let mut out = anstream::stdout().lock();
    let mut shown = 0;
    loop {
        let page = desk.list(&filter)?;
        for ticket in &page.tickets {
            if shown == limit {
                break;
            }
            if global.json {
                let _ = writeln!(
                    out,
                    "{}",
                    serde_json::to_string(ticket).map_err(anyhow::Error::from)?
                );
            } else {
                let _ = print_summary_line(&mut out, ticket);
            }
            shown += 1;
        }
        match page.next_cursor {
            Some(cursor) if shown < limit => filter.cursor = Some(cursor),
            _ => break,
        }
    }
    if shown == 0 && !global.json && !global.quiet {
        anstream::eprintln!("No tickets on {}.", desk.describe());
    }
    Ok(ExitStatus::Success)
}

fn print_result(
    global: &GlobalArgs,
    view: &crate::api::TicketView,
    words: &str,
) -> Result<ExitStatus, CliError> {
    if global.json {
        anstream::println!(
            "{}",
            serde_json::to_string(view).map_err(anyhow::Error::from)?
        );
    } else if !global.quiet {
        anstream::eprintln!("{words}");
    }
    Ok(ExitStatus::Success)
}

/// The message text from `--message` or `--message-file` (`-` for stdin); not blank.
fn message_body(args: &ReplyArgs) -> Result<String, String> {
    let text = match (&args.message, &args.message_file) {
        (Some(text), _) => text.clone(),
        (None, Some(path)) => read_text(path).map_err(|error| {
            format!(
                "--message-file `{}`: cannot read it: {error}",
                path.display()
            )
        })?,
        (None, None) => String::new(),
    };
    if text.trim().is_empty() {
        return Err("the message is empty; give --message TEXT or --message-file FILE".into());
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
