//! `new`: validate the whole checklist, then file it and print the tracking number alone on
//! stdout (`TN=$(cartsaver-support new ...)` works); the subject, the normalized fields and the
//! expected first response go to stderr.

use std::io::Write;

use serde_json::json;

use crate::api::TicketView;
use crate::client::Desk;
use crate::desk::{CreateRequest, Upload};
use crate::domain::calendar::Calendar;
use crate::domain::screenshot::Screenshot;
use crate::domain::ticket::{Context, Ticket, examine, idempotency_key};
use crate::domain::timestamp::format_utc;
use crate::domain::{Field, Note};

use super::args::{GlobalArgs, NewArgs};
use super::connect::open_desk;
use super::error::CliError;
use super::exit::ExitStatus;
use super::fields::gather;
use super::settings;
use super::show::due_in_words;
use super::style::{DIM, WARN, paint};

pub fn run(args: &NewArgs, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    let context = settings::context()?;
    let (ticket, screenshots, notes) = validated(args, &context)?;
    let calendar = Calendar::cartsaver();
    let due = calendar.first_response_due(ticket.plan, context.now);

    if args.dry_run {
        print_dry_run(&ticket, &screenshots, &calendar, due, &context, global);
        return Ok(ExitStatus::Success);
    }
    if !global.quiet {
        print_notes(&notes);
    }
    let desk = open_desk(global)?;
    let request = CreateRequest {
        input: ticket.to_input(),
        idempotency_key: Some(idempotency_key(&ticket, &screenshots)),
        attachments: screenshots
            .into_iter()
            .map(|shot| Upload {
                name: shot.name,
                bytes: shot.bytes,
            })
            .collect(),
        force_new: args.force_new,
    };
    let created = match desk.create(request) {
        Ok(created) => created,
        Err(refusal) if refusal.is_code("duplicate") => {
            return Err(duplicate_refusal(&refusal, &ticket));
        }
        Err(refusal) => return Err(refusal.into()),
    };
    let view = &created.ticket;

    if global.json {
        let object = json!({
            "tracking_number": view.tracking_number,
            "status": view.status,
            "subject": view.subject,
            "created_at": view.created_at,
            "first_response_due": view.first_response_due,
            "replayed": created.replayed,
            "desk": desk_name(desk.as_ref()),
        });
        anstream::println!("{object}");
    } else {
        anstream::println!("{}", view.tracking_number);
    }
    if !global.quiet {
        print_filed(
            view,
            created.replayed,
            desk.as_ref(),
            &calendar,
            &ticket,
            &context,
        );
    }
    Ok(ExitStatus::Success)
}

/// The ticket, or every problem of the checklist at once (exit 2).
fn validated(
    args: &NewArgs,
    context: &Context,
) -> Result<(Ticket, Vec<Screenshot>, Vec<(Field, Note)>), CliError> {
    let given = gather(&args.ticket);
    let exam = examine(&given.input, given.screenshots, context);
    let notes: Vec<(Field, Note)> = exam
        .entries
        .iter()
        .filter_map(|entry| entry.outcome.as_ref().ok().map(|ok| (entry.field, ok)))
        .flat_map(|(field, ok)| ok.notes.iter().map(move |note| (field, note.clone())))
        .collect();
    match exam.into_ticket(how_to_give) {
        Ok((ticket, screenshots)) if given.read_errors.is_empty() => {
            Ok((ticket, screenshots, notes))
        }
        Ok(_) => Err(CliError::Invalid(given.read_errors)),
        Err(mut errors) => {
            errors.extend(given.read_errors);
            errors.sort_by_key(|error| error.field);
            Err(CliError::Invalid(errors))
        }
    }
}

/// The fix for a missing field: the flag that gives it.
pub fn how_to_give(field: Field) -> String {
    let example = match field {
        Field::Store => "--store cool-shop.myshopify.com",
        Field::Order => "--order 1052",
        Field::Phone => "--phone +201001234567",
        Field::Channel => "--channel whatsapp (or sms)",
        Field::At => "--at 2026-11-20T14:03:00Z (or --at now)",
        Field::Tried => {
            "--tried \"resent the OTP\" (repeatable; --tried none if nothing was tried)"
        }
        Field::Email => "--email you@example.com",
        Field::Plan => "--plan free|advanced|unlimited|scale",
        other => return format!("missing; give {}", other.flag()),
    };
    format!("missing; give {example}")
}

fn duplicate_refusal(refusal: &crate::client::RequestError, ticket: &Ticket) -> CliError {
    let existing = match refusal {
        crate::client::RequestError::Refused { detail, .. } => detail.tracking_number,
        _ => None,
    };
    let existing = existing
        .map(|tn| tn.to_string())
        .unwrap_or_else(|| "an open ticket".into());
    CliError::Failed(anyhow::anyhow!(
        "order {} of {} already has an open ticket, {existing}; don't create duplicate tickets: \
         follow up on it with `cartsaver-support reply {existing} --message TEXT`, \
         or file a separate ticket anyway with --force-new",
        ticket.order,
        ticket.store
    ))
}

fn desk_name(desk: &dyn Desk) -> String {
    desk.describe()
}

fn print_notes(notes: &[(Field, Note)]) {
    let mut err = anstream::stderr().lock();
    for (field, note) in notes.iter().filter(|(_, note)| note.is_warning()) {
        let _ = writeln!(err, "{} {field}: {}", paint(WARN, "warning:"), note.text);
    }
}

/// The normalized fields a person checks before and after filing.
fn field_rows(ticket: &Ticket, screenshots: &[String]) -> Vec<(&'static str, String)> {
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

fn print_filed(
    view: &TicketView,
    replayed: bool,
    desk: &dyn Desk,
    calendar: &Calendar,
    ticket: &Ticket,
    context: &Context,
) {
    let mut err = anstream::stderr().lock();
    let names: Vec<String> = view.attachments.iter().map(|a| a.name.clone()).collect();
    let _ = writeln!(err, "{}", view.subject);
    for (name, value) in field_rows(ticket, &names) {
        let _ = writeln!(err, "  {}  {value}", paint(DIM, &format!("{name:11}")));
    }
    let due = chrono::DateTime::parse_from_rfc3339(&view.first_response_due)
        .map(|at| at.with_timezone(&chrono::Utc))
        .unwrap_or(context.now);
    let _ = writeln!(
        err,
        "First response {}: due {}",
        calendar.describe_target(ticket.plan),
        due_in_words(due, context.local)
    );
    if replayed {
        let _ = writeln!(
            err,
            "This ticket was already filed: same tracking number, nothing new was created."
        );
    }
    if desk.is_local() {
        let _ = writeln!(
            err,
            "Filed on {} — it stays on this machine; point --desk (or CARTSAVER_DESK) at your support desk to send tickets there.",
            desk.describe()
        );
    } else {
        let _ = writeln!(err, "Filed with the desk at {}.", desk.describe());
    }
    let _ = writeln!(err, "Keep {} for every follow-up.", view.tracking_number);
}

fn print_dry_run(
    ticket: &Ticket,
    screenshots: &[Screenshot],
    calendar: &Calendar,
    due: chrono::DateTime<chrono::Utc>,
    context: &Context,
    global: &GlobalArgs,
) {
    let mut body = ticket.to_input();
    body.pin = ticket.pin.as_ref().map(|pin| pin.masked());
    if global.json {
        let shots: Vec<_> = screenshots
            .iter()
            .map(|s| json!({"name": s.name, "type": s.kind.name(), "size": s.bytes.len()}))
            .collect();
        let object = json!({
            "dry_run": true,
            "subject": ticket.subject(),
            "ticket": body,
            "attachments": shots,
            "first_response_due": format_utc(due),
        });
        anstream::println!("{object}");
        return;
    }
    let mut out = anstream::stdout().lock();
    let names: Vec<String> = screenshots.iter().map(|s| s.name.clone()).collect();
    let _ = writeln!(out, "{}", ticket.subject());
    for (name, value) in field_rows(ticket, &names) {
        let _ = writeln!(out, "  {}  {value}", paint(DIM, &format!("{name:11}")));
    }
    let _ = writeln!(
        out,
        "First response {}: due {}",
        calendar.describe_target(ticket.plan),
        due_in_words(due, context.local)
    );
    let _ = writeln!(out, "{}", paint(DIM, "Dry run: nothing was sent."));
}
