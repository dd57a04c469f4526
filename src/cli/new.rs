//! `new`: gather the checklist (flags, then the config file's defaults; at a terminal, the
//! interactive checklist asks for the rest), validate it whole, then file it and print the
//! tracking number alone on stdout (`TN=$(cartsaver-support new ...)` works); the subject, the
//! normalized fields, the warnings, where it went and the expected first response go to stderr.
//!
//! Two ways in: [`from_flags`] (a script, `--no-input`) and [`at_terminal`] (the checklist, the
//! duplicate check as soon as the order is known, the preview with "change a field"). Both file
//! through [`file`] and report through [`report_created`].

use serde_json::json;

use crate::api::{Status, TicketView};
use crate::client::{Created, Desk, ErrorCode, ListFilter, RequestError};
use crate::domain::calendar::Calendar;
use crate::domain::screenshot::Screenshot;
use crate::domain::ticket::{Context, Ticket, examine};
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;
use crate::domain::{Field, Note};
use crate::line;

use super::args::{GlobalArgs, NewArgs};
use super::connect;
use super::error::CliError;
use super::fields::{GivenFields, gather};
use super::filing::{create_request, duplicate_message, existing_ticket};
use super::interactive::duplicate::{self, Choice};
use super::interactive::preview::{self, Decision};
use super::interactive::{self, Prompter, checklist, interrupt, rescue};
use super::outbox;
use super::printer::{DIM, Printer, WARN, paint};
use super::settings::Settings;
use super::show::{filed_json, ticket_preview};

pub fn run(args: &NewArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    let mut given = gather(&args.ticket);
    let from_config = settings.fill_defaults(&mut given.input)?;
    if interactive::is_interactive(global) {
        at_terminal(args, &settings, given, &from_config, out)
    } else {
        from_flags(args, &settings, given, out)
    }
}

/// A script, or `--no-input`: every field from the flags and the config; nothing is asked.
fn from_flags(
    args: &NewArgs,
    settings: &Settings,
    given: GivenFields,
    out: &Printer,
) -> Result<(), CliError> {
    let context = settings.context;
    let validated = validated(given, &context)?;
    print_warnings(&validated.notes, out);
    if args.dry_run {
        print_dry_run(&validated, &context, &destination(settings, true)?, out);
        return Ok(());
    }
    let desk = connect::open(settings)?;
    match file(desk.as_ref(), &validated, args.force_new) {
        Err(refusal) if refusal.code() == Some(ErrorCode::Duplicate) => {
            Err(duplicate_refusal(&refusal, &validated.ticket))
        }
        Err(error) if may_keep(args, desk.as_ref(), &error) => Err(keep_in_outbox(
            desk.as_ref(),
            &validated,
            args.force_new,
            &context,
            error,
        )),
        filed => report_created(filed?, desk.as_ref(), &validated, &context, out, true),
    }
}

/// Whether a ticket that failed to reach the desk goes into the outbox: a remote desk that
/// could not be reached or is failing, unless `--no-outbox`.
fn may_keep(args: &NewArgs, desk: &dyn Desk, error: &RequestError) -> bool {
    !args.no_outbox && !desk.is_local() && outbox::worth_keeping(error)
}

/// Keep the ticket in the outbox: "kept in the outbox as N" (exit 1, nothing on stdout).
fn keep_in_outbox(
    desk: &dyn Desk,
    validated: &Validated,
    force_new: bool,
    context: &Context,
    error: RequestError,
) -> CliError {
    let request = create_request(&validated.ticket, validated.screenshots.clone(), force_new);
    outbox::command::keep(
        &request,
        validated.ticket.subject(),
        desk,
        context.now,
        error,
    )
}

/// At a terminal: open the desk first, so that a desk that cannot be used is said before the
/// merchant answers a dozen questions, not after; ask it for an open ticket of the same order as
/// soon as the order is known; preview, with "change a field", until the merchant decides.
fn at_terminal(
    args: &NewArgs,
    settings: &Settings,
    given: GivenFields,
    from_config: &[Field],
    out: &Printer,
) -> Result<(), CliError> {
    let context = settings.context;
    let prompter = Prompter::new(out);
    let desk = if args.dry_run {
        None
    } else {
        let desk = connect::open(settings)?;
        rescue::check_desk_first(desk.as_ref())?;
        Some(desk)
    };
    let mut early = EarlyDuplicate {
        force_new: args.force_new,
        follow_up: None,
    };
    let mut walk = checklist::walk(
        &prompter,
        given,
        from_config,
        &context,
        &mut |store, order| match &desk {
            Some(desk) if !early.force_new => early.ask(&prompter, desk.as_ref(), store, order),
            _ => Ok(()),
        },
    )?;
    let destination = destination(settings, args.dry_run)?;
    // Asked once: the words of the due time in the preview are the desk's.
    let calendar = desk_calendar(desk.as_deref());
    let validated = loop {
        let gathered = walk.gathered();
        let validated = validated(
            GivenFields {
                input: gathered.input,
                screenshots: gathered.screenshots,
                read_errors: Vec::new(),
            },
            &context,
        );
        let validated = match validated {
            Ok(validated) => validated,
            Err(CliError::Invalid(errors)) => {
                // Answers that hold one by one but not together (URGENT on another plan): say
                // so and ask again.
                for error in &errors {
                    prompter.error(error);
                }
                walk.change(errors[0].field)?;
                continue;
            }
            Err(error) => return Err(error),
        };
        if desk.is_none() {
            print_warnings(&validated.notes, out);
            print_dry_run(&validated, &context, &destination, out);
            return Ok(());
        }
        let where_to = match early.follow_up {
            Some(existing) => format!("Will be added as a follow-up on {existing}."),
            None => destination.clone(),
        };
        let shots = &validated.screenshots;
        match preview::decide(
            &prompter,
            &validated.ticket,
            shots,
            &context,
            &calendar,
            &where_to,
        )? {
            Decision::File => break validated,
            Decision::Change(field) => walk.change(field)?,
            Decision::Cancel => return Err(CliError::NotFiled),
        }
    };
    let desk = desk.expect("a dry run returned above");
    interrupt::sending(true);
    if let Some(existing) = early.follow_up {
        return follow_up(desk.as_ref(), existing, &validated, out);
    }
    match file(desk.as_ref(), &validated, early.force_new) {
        Err(refusal) if refusal.code() == Some(ErrorCode::Duplicate) => {
            let Some(existing) = existing_ticket(&refusal) else {
                return Err(duplicate_refusal(&refusal, &validated.ticket));
            };
            interrupt::sending(false);
            after_duplicate(&prompter, desk.as_ref(), existing, &validated, &context)
        }
        Err(error) if may_keep(args, desk.as_ref(), &error) => Err(keep_in_outbox(
            desk.as_ref(),
            &validated,
            early.force_new,
            &context,
            error,
        )),
        Err(error) => {
            let shots = validated.screenshots.len();
            Err(rescue::keep_answers(error, &validated.ticket, shots, out))
        }
        Ok(created) => report_created(created, desk.as_ref(), &validated, &context, out, false),
    }
}

/// The duplicate check as soon as the store and order are known: an open ticket of the same
/// order is offered for a follow-up before the other questions are asked.
struct EarlyDuplicate {
    force_new: bool,
    /// The open ticket to add the answers to instead of filing.
    follow_up: Option<TrackingNumber>,
}

impl EarlyDuplicate {
    fn ask(
        &mut self,
        p: &Prompter,
        desk: &dyn Desk,
        store: &str,
        order: &str,
    ) -> Result<(), CliError> {
        let filter = ListFilter {
            order: Some(order.to_string()),
            limit: Some(50),
            ..ListFilter::default()
        };
        // The desk checks again when filing; a list that fails here is no reason to stop.
        let Ok(page) = desk.list(&filter) else {
            return Ok(());
        };
        let open = page
            .tickets
            .iter()
            .find(|ticket| ticket.store == store && ticket.status != Status::Resolved);
        let Some(open) = open else {
            return Ok(());
        };
        match duplicate::choose_early(p, open.tracking_number, store, order)? {
            Choice::FollowUp => self.follow_up = Some(open.tracking_number),
            Choice::FileAnyway => self.force_new = true,
            Choice::Cancel => return Err(CliError::NotFiled),
        }
        Ok(())
    }
}

/// The desk refused a duplicate the early check did not see (filed meanwhile): offer the same
/// choice as early on.
fn after_duplicate(
    p: &Prompter,
    desk: &dyn Desk,
    existing: TrackingNumber,
    validated: &Validated,
    context: &Context,
) -> Result<(), CliError> {
    let out = p.printer();
    match duplicate::choose(p, existing, &validated.ticket)? {
        Choice::FollowUp => {
            interrupt::sending(true);
            follow_up(desk, existing, validated, out)
        }
        Choice::FileAnyway => {
            interrupt::sending(true);
            let created = file(desk, validated, true).map_err(|error| {
                rescue::keep_answers(error, &validated.ticket, validated.screenshots.len(), out)
            })?;
            report_created(created, desk, validated, context, out, false)
        }
        Choice::Cancel => Err(CliError::NotFiled),
    }
}

/// The answers as a message on the open ticket, and its tracking number alone on stdout.
fn follow_up(
    desk: &dyn Desk,
    existing: TrackingNumber,
    validated: &Validated,
    out: &Printer,
) -> Result<(), CliError> {
    let view = desk.reply(
        &existing,
        &duplicate::follow_up_text(&validated.ticket),
        create_request(&validated.ticket, validated.screenshots.clone(), false).attachments,
    )?;
    duplicate::report_follow_up(&view, desk, out);
    Ok(())
}

/// Where the ticket goes, said before it is sent: "Will be filed on the local desk at … — only
/// on this machine" or "Will be filed with https://…".
fn destination(settings: &Settings, dry_run: bool) -> Result<String, CliError> {
    let desk = connect::describe(settings)?;
    let verb = if dry_run { "Would be" } else { "Will be" };
    Ok(if desk.starts_with("the local desk") {
        format!(
            "{verb} filed on {desk} — only on this machine; to reach Cartsaver's support, set \
             --desk (or CARTSAVER_DESK) to the desk URL and a store token support gave you"
        )
    } else {
        format!("{verb} filed with {desk}.")
    })
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
    out: &Printer,
    show_ticket: bool,
) -> Result<(), CliError> {
    let view = &created.ticket;
    if out.is_json() {
        out.json(&filed_json(view, created.replayed, desk));
    } else {
        out.data(view.tracking_number.to_string());
    }
    let ticket = show_ticket.then_some(&validated.ticket);
    print_filed(view, created.replayed, desk, ticket, context, out);
    Ok(())
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
    let notes = exam.notes();
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

/// `warning: phone: …`, one line each, on stderr: the same warnings wherever a ticket is examined.
fn print_warnings(notes: &[(Field, Note)], out: &Printer) {
    for (field, note) in notes.iter().filter(|(_, note)| note.is_warning()) {
        out.note(line![
            paint(WARN, "warning:"),
            format!(" {field}: "),
            &note.text
        ]);
    }
}

/// `warnings` and `notes` of `--dry-run --json`: `[{"field", "text"}]`.
fn notes_json(notes: &[(Field, Note)], warnings: bool) -> Vec<serde_json::Value> {
    notes
        .iter()
        .filter(|(_, note)| note.is_warning() == warnings)
        .map(|(field, note)| json!({"field": field.name(), "text": note.text}))
        .collect()
}

/// The desk's calendar, for the words of the due time; Cartsaver's when there is no desk (a dry
/// run) or the desk does not say (an older desk without `/v1/calendar`).
fn desk_calendar(desk: Option<&dyn Desk>) -> Calendar {
    desk.and_then(|desk| desk.calendar().ok())
        .unwrap_or_else(Calendar::cartsaver)
}

fn print_filed(
    view: &TicketView,
    replayed: bool,
    desk: &dyn Desk,
    ticket: Option<&Ticket>,
    context: &Context,
    out: &Printer,
) {
    if let Some(ticket) = ticket {
        let names: Vec<String> = view.attachments.iter().map(|a| a.name.clone()).collect();
        let due = chrono::DateTime::parse_from_rfc3339(&view.first_response_due)
            .map(|at| at.with_timezone(&chrono::Utc))
            .unwrap_or(context.now);
        let calendar = desk_calendar(Some(desk));
        for line in ticket_preview(ticket, &names, due, &calendar, context.local) {
            out.note(line);
        }
    }
    if replayed {
        out.note("This ticket was already filed: same tracking number, nothing new was created.");
    }
    if desk.is_local() {
        out.note(format!(
            "Filed on {} — it stays on this machine; point --desk (or CARTSAVER_DESK) at your support desk to send tickets there.",
            desk.describe()
        ));
    } else {
        out.note(format!("Filed with the desk at {}.", desk.describe()));
    }
    out.note(format!(
        "Keep {} for every follow-up.",
        view.tracking_number
    ));
}

/// The ticket that would be sent, on stdout (or as one JSON object), its warnings already on
/// stderr; where it would go.
fn print_dry_run(validated: &Validated, context: &Context, destination: &str, out: &Printer) {
    let Validated {
        ticket,
        screenshots,
        notes,
    } = validated;
    let due = Calendar::cartsaver().first_response_due(ticket.plan, context.now);
    let mut body = ticket.to_input();
    body.pin = ticket.pin.as_ref().map(|pin| pin.masked());
    if out.is_json() {
        let shots: Vec<_> = screenshots
            .iter()
            .map(|s| json!({"name": s.name, "type": s.kind.name(), "size": s.bytes.len()}))
            .collect();
        out.json(&json!({
            "dry_run": true,
            "subject": ticket.subject(),
            "ticket": body,
            "attachments": shots,
            "first_response_due": format_utc(due),
            "warnings": notes_json(notes, true),
            "notes": notes_json(notes, false),
            "destination": destination,
        }));
        return;
    }
    let names: Vec<String> = screenshots.iter().map(|s| s.name.clone()).collect();
    for line in ticket_preview(ticket, &names, due, &Calendar::cartsaver(), context.local) {
        out.data(line);
    }
    out.note(destination);
    out.data(paint(DIM, "Dry run: nothing was sent."));
}
