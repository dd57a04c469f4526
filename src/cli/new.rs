//! `new`: gather the checklist (flags, then the config file's defaults; at a terminal, the
//! interactive checklist asks for the rest), validate it whole, then file it and print the
//! tracking number alone on stdout (`TN=$(cartsaver-support new ...)` works); the subject, the
//! normalized fields and the expected first response go to stderr.

use std::io::Write;

use serde_json::json;

use crate::api::TicketView;
use crate::client::{Desk, RequestError};
use crate::desk::Created;
use crate::domain::calendar::Calendar;
use crate::domain::screenshot::Screenshot;
use crate::domain::ticket::{Context, Ticket, examine};
use crate::domain::timestamp::format_utc;
use crate::domain::{Field, Note};

use super::args::{GlobalArgs, NewArgs};
use super::connect;
use super::error::CliError;
use super::exit::ExitStatus;
use super::fields::{GivenFields, gather};
use super::filing::{create_request, duplicate_message, existing_ticket};
use super::interactive::duplicate::{self, Choice};
use super::interactive::{self, Prompter, checklist, interrupt, preview, rescue};
use super::settings::Settings;
use super::show::{filed_json, write_ticket};
use super::style::{DIM, WARN, paint};

pub fn run(args: &NewArgs, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    let settings = Settings::resolve(global)?;
    let context = settings.context;
    let mut given = gather(&args.ticket);
    let from_config = settings.fill_defaults(&mut given.input)?;
    let prompter = interactive::is_interactive(global).then(Prompter::new);

    let Some(prompter) = prompter else {
        let validated = validated(given, &context)?;
        if args.dry_run {
            print_dry_run(&validated, &context, global);
            return Ok(ExitStatus::Success);
        }
        if !global.quiet {
            print_notes(&validated.notes);
        }
        let desk = connect::open(&settings)?;
        return match file(desk.as_ref(), &validated, args.force_new) {
            Err(refusal) if refusal.is_code("duplicate") => {
                Err(duplicate_refusal(&refusal, &validated.ticket))
            }
            filed => report_created(filed?, desk.as_ref(), &validated, &context, global, true),
        };
    };

    // At a terminal: open the desk first, so that a desk that cannot be used is said before the
    // merchant answers a dozen questions, not after.
    let desk = if args.dry_run {
        None
    } else {
        let desk = connect::open(&settings)?;
        rescue::check_desk_first(desk.as_ref())?;
        Some(desk)
    };
    let gathered = checklist::walk(&prompter, given, &from_config, &context)?;
    let validated = validated(
        GivenFields {
            input: gathered.input,
            screenshots: gathered.screenshots,
            read_errors: Vec::new(),
        },
        &context,
    )?;
    let Some(desk) = desk else {
        print_dry_run(&validated, &context, global);
        return Ok(ExitStatus::Success);
    };
    if !preview::confirm(
        &prompter,
        &validated.ticket,
        &validated.screenshots,
        &context,
    )? {
        return Ok(not_filed());
    }
    interrupt::sending(true);
    match file(desk.as_ref(), &validated, args.force_new) {
        Err(refusal) if refusal.is_code("duplicate") => {
            let Some(existing) = existing_ticket(&refusal) else {
                return Err(duplicate_refusal(&refusal, &validated.ticket));
            };
            interrupt::sending(false);
            match duplicate::choose(&prompter, existing, &validated.ticket)? {
                Choice::FollowUp => {
                    interrupt::sending(true);
                    let view = desk.reply(
                        &existing,
                        &duplicate::follow_up_text(&validated.ticket),
                        create_request(&validated.ticket, validated.screenshots.clone(), false)
                            .attachments,
                    )?;
                    duplicate::report_follow_up(&view, desk.as_ref(), global);
                    Ok(ExitStatus::Success)
                }
                Choice::FileAnyway => {
                    interrupt::sending(true);
                    let created = file(desk.as_ref(), &validated, true).map_err(|error| {
                        rescue::keep_answers(error, &validated.ticket, validated.screenshots.len())
                    })?;
                    report_created(created, desk.as_ref(), &validated, &context, global, false)
                }
                Choice::Cancel => Ok(not_filed()),
            }
        }
        Err(error) => {
            let shots = validated.screenshots.len();
            Err(rescue::keep_answers(error, &validated.ticket, shots))
        }
        Ok(created) => report_created(created, desk.as_ref(), &validated, &context, global, false),
    }
}

/// Declined at the preview or the duplicate offer: exit 1, so that `TN=$(cartsaver-support new)
/// && ...` stops there; the merchant's own choice is not reported as an error.
fn not_filed() -> ExitStatus {
    anstream::eprintln!("Not filed: nothing was sent.");
    ExitStatus::Failure
}

/// Send the ticket. The idempotency key makes a retry of the same checklist the same ticket.
fn file(desk: &dyn Desk, validated: &Validated, force_new: bool) -> Result<Created, RequestError> {
    let request = create_request(&validated.ticket, validated.screenshots.clone(), force_new);
    desk.create(request)
}

/// The tracking number alone on stdout (or the `--json` object); the rest on stderr, the
/// ticket itself only if the merchant has not just seen it in the preview.
fn report_created(
    created: Created,
    desk: &dyn Desk,
    validated: &Validated,
    context: &Context,
    global: &GlobalArgs,
    show_ticket: bool,
) -> Result<ExitStatus, CliError> {
    let view = &created.ticket;
    if global.json {
        anstream::println!("{}", filed_json(view, created.replayed, desk));
    } else {
        anstream::println!("{}", view.tracking_number);
    }
    if !global.quiet {
        let ticket = show_ticket.then_some(&validated.ticket);
        print_filed(view, created.replayed, desk, ticket, context);
    }
    Ok(ExitStatus::Success)
}

/// A checklist ready to file: the ticket, its screenshots and the notes found on the way.
pub struct Validated {
    pub ticket: Ticket,
    pub screenshots: Vec<Screenshot>,
    pub notes: Vec<(Field, Note)>,
}

/// The ticket, or every problem of the checklist at once (exit 2).
fn validated(given: GivenFields, context: &Context) -> Result<Validated, CliError> {
    let exam = examine(&given.input, given.screenshots, context);
    let notes: Vec<(Field, Note)> = exam
        .entries
        .iter()
        .filter_map(|entry| entry.outcome.as_ref().ok().map(|ok| (entry.field, ok)))
        .flat_map(|(field, ok)| ok.notes.iter().map(move |note| (field, note.clone())))
        .collect();
    match exam.into_ticket(how_to_give) {
        Ok((ticket, screenshots)) if given.read_errors.is_empty() => Ok(Validated {
            ticket,
            screenshots,
            notes,
        }),
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

fn duplicate_refusal(refusal: &RequestError, ticket: &Ticket) -> CliError {
    let anyway = "file a separate ticket anyway with --force-new";
    CliError::Failed(anyhow::anyhow!(
        "{}",
        duplicate_message(refusal, ticket, anyway)
    ))
}

fn print_notes(notes: &[(Field, Note)]) {
    let mut err = anstream::stderr().lock();
    for (field, note) in notes.iter().filter(|(_, note)| note.is_warning()) {
        let _ = writeln!(err, "{} {field}: {}", paint(WARN, "warning:"), note.text);
    }
}

fn print_filed(
    view: &TicketView,
    replayed: bool,
    desk: &dyn Desk,
    ticket: Option<&Ticket>,
    context: &Context,
) {
    let mut err = anstream::stderr().lock();
    if let Some(ticket) = ticket {
        let names: Vec<String> = view.attachments.iter().map(|a| a.name.clone()).collect();
        let due = chrono::DateTime::parse_from_rfc3339(&view.first_response_due)
            .map(|at| at.with_timezone(&chrono::Utc))
            .unwrap_or(context.now);
        write_ticket(&mut err, ticket, &names, due, context.local);
    }
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

fn print_dry_run(validated: &Validated, context: &Context, global: &GlobalArgs) {
    let Validated {
        ticket,
        screenshots,
        ..
    } = validated;
    let due = Calendar::cartsaver().first_response_due(ticket.plan, context.now);
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
    write_ticket(&mut out, ticket, &names, due, context.local);
    let _ = writeln!(out, "{}", paint(DIM, "Dry run: nothing was sent."));
}
