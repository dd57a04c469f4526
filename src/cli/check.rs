//! `check`: examine the given fields and show the checklist (or `--json`); sends nothing. The
//! verdict is returned: a bad field is an error (exit 2), reported by the one error path.

use serde_json::{Map, Value, json};

use crate::domain::calendar::Calendar;
use crate::domain::ticket::{Accepted, Entry, Examination, examine, examine_tracking};
use crate::domain::timestamp::format_utc;
use crate::domain::{Field, Note};

use super::args::{CheckArgs, GlobalArgs, TicketArgs};
use super::bulk::{self, DEFAULT_FIELDS, Defaults};
use super::error::CliError;
use super::fields::gather;
use super::printer::{BAD, DIM, Line, OK, Printer, WARN, paint};
use super::settings::Settings;
use crate::line;

pub fn run(args: &CheckArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    if let Some(file) = &args.file {
        return check_file(args, file, &settings, out);
    }
    let context = settings.context;
    let mut given = gather(&args.ticket);
    // The config file's store, email, plan and region complete the fields given, as for `new`
    // (a national number is read in the config's region); alone they are nothing to check.
    if !given_field_flags(&args.ticket).is_empty() {
        settings.fill_defaults(&mut given.input)?;
    }
    let mut exam = examine(&given.input, given.screenshots, &context);
    for error in given.read_errors {
        exam.push(Entry {
            field: error.field,
            outcome: Err(error),
        });
    }
    if let Some(tracking) = &args.tracking {
        exam.push(examine_tracking(tracking));
    }
    if exam.entries.is_empty() {
        return Err(CliError::Usage(
            "nothing to check; give one or more fields, e.g. `check --phone +201001234567`, or see `check --help`".into(),
        ));
    }
    exam.entries.sort_by_key(|entry| entry.field);
    let due = exam.plan().map(|plan| {
        let calendar = Calendar::cartsaver();
        (
            calendar.first_response_due(plan, context.now),
            calendar.describe_target(plan),
        )
    });

    if out.is_json() {
        let mut report = json!({ "valid": exam.is_valid(), "fields": fields_json(&exam) });
        if let Some((due, _)) = due {
            report["first_response_due"] = json!(format_utc(due));
        }
        out.json(&report);
    } else {
        let due = due
            .as_ref()
            .map(|(at, words)| (format_utc(*at), words.as_str()));
        for line in checklist_lines(&exam, due) {
            out.data(line);
        }
    }

    if exam.is_valid() {
        Ok(())
    } else {
        let mut bad: Vec<&str> = exam.errors().map(|e| e.field.name()).collect();
        bad.dedup();
        Err(CliError::Rejected(format!("invalid: {}", bad.join(", "))))
    }
}

/// `{NAME: {"ok": true, "value", "notes"} | {"ok": false, "input", "error"}}`. A field with
/// several errors (several screenshots) shows every input and every error, each error after
/// its input.
fn fields_json(exam: &Examination) -> Map<String, Value> {
    let mut fields = Map::new();
    let mut refused: Vec<(String, Vec<&crate::domain::FieldError>)> = Vec::new();
    for entry in &exam.entries {
        let name = entry.field.name().to_string();
        match &entry.outcome {
            Ok(accepted) => {
                fields.insert(name, accepted_json(accepted));
            }
            Err(error) => match refused.iter_mut().find(|(field, _)| *field == name) {
                Some((_, errors)) => errors.push(error),
                None => refused.push((name, vec![error])),
            },
        }
    }
    for (name, errors) in refused {
        let refusal = match errors.as_slice() {
            [one] => json!({"ok": false, "input": one.input, "error": one.message}),
            several => {
                let inputs: Vec<&str> = several.iter().map(|e| e.input.as_str()).collect();
                let each: Vec<String> = several
                    .iter()
                    .map(|e| format!("`{}`: {}", e.input, e.message))
                    .collect();
                json!({"ok": false, "input": inputs.join(", "), "error": each.join("; ")})
            }
        };
        fields.insert(name, refusal);
    }
    fields
}

fn accepted_json(accepted: &Accepted) -> Value {
    let notes: Vec<String> = accepted.notes.iter().map(Note::to_string).collect();
    let mut object = json!({"ok": true, "value": accepted.value, "notes": notes});
    for (key, value) in &accepted.extra {
        object[*key] = value.clone();
    }
    object
}

fn checklist_lines(exam: &Examination, due: Option<(String, &str)>) -> Vec<Line> {
    let width = exam
        .entries
        .iter()
        .map(|e| e.field.name().len())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for entry in &exam.entries {
        let name = format!(" {:width$}  ", entry.field.name());
        match &entry.outcome {
            Ok(accepted) => lines.extend(accepted_lines(&name, entry.field, accepted, width)),
            Err(error) => lines.push(line![paint(BAD, "✗"), name, error_without_field(error)]),
        }
    }
    if let Some((at, words)) = due {
        lines.push(line![paint(
            DIM,
            format!("first response due {at} ({words})")
        )]);
    }
    lines
}

fn accepted_lines(name: &str, field: Field, accepted: &Accepted, width: usize) -> Vec<Line> {
    let warned = accepted.notes.iter().any(Note::is_warning);
    let mark = if warned {
        paint(WARN, "!")
    } else {
        paint(OK, "✓")
    };
    let mut lines = vec![line![mark, name, shown_value(field, &accepted.value)]];
    for note in &accepted.notes {
        let text = if note.is_warning() {
            paint(WARN, note.to_string())
        } else {
            paint(DIM, &note.text)
        };
        lines.push(line![format!("  {:width$}  ", ""), text]);
    }
    lines
}

/// The value as a person reads it: strings bare, lists joined.
fn shown_value(field: Field, value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) if field == Field::Screenshot => items
            .iter()
            .map(|item| item["name"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Value::Array(items) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| item.to_string())
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// The field is already in the row's first column: show ``  `input`: message`` only.
fn error_without_field(error: &crate::domain::FieldError) -> String {
    if error.input.is_empty() {
        error.message.clone()
    } else {
        format!("`{}`: {}", error.input, error.message)
    }
}

/// `check --file`: validate a bulk file; the field flags that make sense with it are defaults
/// for empty cells, and the config file's values after them.
fn check_file(
    args: &CheckArgs,
    file: &std::path::Path,
    settings: &Settings,
    out: &Printer,
) -> Result<(), CliError> {
    let given = given_field_flags(&args.ticket);
    let stray: Vec<String> = given
        .into_iter()
        .filter(|field| !DEFAULT_FIELDS.contains(field))
        .map(Field::flag)
        .collect();
    if !stray.is_empty() {
        return Err(CliError::Usage(format!(
            "{} cannot be used with --file: the file gives those fields; only --store, --plan, \
             --email and --region apply, as defaults for empty cells",
            stray.join(", ")
        )));
    }
    let ticket = &args.ticket;
    let defaults = Defaults {
        store: ticket.store.clone(),
        plan: ticket.plan.clone(),
        email: ticket.email.clone(),
        region: ticket.region.clone(),
    };
    bulk::check_file(file, args.format, defaults, settings, args.strict, out)
}

/// The checklist flags given on the command line.
fn given_field_flags(ticket: &TicketArgs) -> Vec<Field> {
    let texts = [
        (Field::Store, ticket.store.is_some()),
        (Field::Order, ticket.order.is_some()),
        (Field::Phone, ticket.phone.is_some()),
        (Field::Region, ticket.region.is_some()),
        (Field::Channel, ticket.channel.is_some()),
        (Field::At, ticket.at.is_some()),
        (Field::Screenshot, !ticket.screenshot.is_empty()),
        (
            Field::Tried,
            !ticket.tried.is_empty() || ticket.tried_file.is_some(),
        ),
        (Field::Summary, ticket.summary.is_some()),
        (
            Field::Details,
            ticket.details.is_some() || ticket.details_file.is_some(),
        ),
        (Field::Email, ticket.email.is_some()),
        (Field::Plan, ticket.plan.is_some()),
        (Field::Urgent, ticket.urgent),
        (Field::Outage, ticket.outage),
        (Field::Pin, ticket.pin.is_some()),
        (Field::AllowAccess, ticket.allow_access),
    ];
    texts
        .into_iter()
        .filter(|(_, given)| *given)
        .map(|(field, _)| field)
        .collect()
}
