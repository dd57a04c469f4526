//! `bulk FILE|-` (docs/contract.md §5): many tickets from a CSV or JSON Lines file, and `check --file`, the
//! same validation without sending.
//!
//! Two passes over the file, never holding it: the first validates every row through the domain
//! and reports every problem as `line N, FIELD: message` (nothing is sent if any row is invalid,
//! unless `--skip-invalid` sends the rest and writes the bad rows to a rejects file); the second
//! reads it again and sends (`send.rs`). stdin is spooled to a temp file to be read twice.
//!
//! The files: `source.rs` (input, format, paths), `reader.rs` (rows and the column ↔ field
//! mapping), `row.rs` (a row to a ticket), `problem.rs`, `validate.rs` (first pass),
//! `rejects.rs`, `send.rs` (second pass), `results.rs`, `progress.rs`.
//!
//! Choices where docs/contract.md §5 is silent:
//! - A row whose store and order already have an open ticket is `failed`, its error naming that
//!   ticket; `--force-new` files it anyway. A row filed by an earlier run is `replayed` first.
//! - `at` must be a real time in a bulk row: `now` would change between runs and defeat the
//!   idempotency key.
//! - With `--skip-invalid`, rejected rows are in the rejects file, not in the results; the exit
//!   status is about the rows sent. If no row is valid, nothing is sent and the exit is 2.
//! - When the desk cannot be reached or refuses the token, sending stops; the rest are `failed`
//!   (`not sent: ...`), and running the file again sends them.
//! - Results follow the file's order. Cells of several values (`tried`, `screenshot`) are split
//!   on `|` in CSV; urgent/outage/allow_access take true/false, yes/no, 1/0, or empty for no.

mod problem;
mod progress;
mod reader;
mod rejects;
mod results;
mod row;
mod send;
mod source;
mod validate;

use std::io::Write;

use crate::domain::phone::parse_region;
use crate::domain::plan::parse_plan;
use crate::domain::store::parse_store;
use crate::domain::text::parse_email;
use crate::domain::ticket::TicketInput;
use crate::domain::{Field, FieldError};

use super::args::{BulkArgs, BulkFormat, GlobalArgs};
use super::connect;
use super::error::CliError;
use super::printer::{OK, Printer, WARN, paint};
use super::settings::Settings;
use crate::exit::ExitStatus;
use crate::line;
use rejects::Rejects;
use results::Results;
pub use row::Defaults;
use send::{Counts, Input, Options, Output};
use source::Source;
use validate::{Tally, Warnings, describe_invalid, validate};

fn warnings_mode(strict: bool) -> Warnings {
    if strict {
        Warnings::Refused
    } else {
        Warnings::Shown
    }
}

pub fn run(args: &BulkArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    let context = settings.context;
    let defaults = resolve_defaults(
        Defaults {
            store: args.store.clone(),
            plan: args.plan.clone(),
            email: args.email.clone(),
            region: args.region.clone(),
        },
        &settings,
    )?;
    let mut source = Source::open(&args.file, args.format)?;
    source.allow_outside_paths = args.allow_outside_paths;
    let results_path = args.results.as_deref();
    if let Some(path) = results_path
        && source.is_same_file(path)
    {
        return Err(CliError::Usage(format!(
            "--results {} is the input file; write the results elsewhere",
            path.display()
        )));
    }
    // Fail on the desk's settings (a missing token) before a long validation, not after.
    let desk = connect::open(&settings)?;

    let mut rejects = if args.skip_invalid {
        let path = args
            .rejects
            .clone()
            .unwrap_or_else(|| source.default_rejects());
        if source.is_same_file(&path) {
            return Err(CliError::Usage(format!(
                "--rejects {} is the input file; give another path",
                path.display()
            )));
        }
        Some(Rejects::new(path))
    } else {
        None
    };
    let tally = validate(
        &source,
        &defaults,
        &context,
        warnings_mode(args.strict),
        |problem| {
            if problem.warning {
                out.note(problem.to_string());
            } else {
                out.say(problem.to_string());
            }
        },
        rejects.as_mut(),
    )?;
    if tally.rows == 0 {
        return Err(CliError::Usage(format!(
            "{} has no rows to send{}",
            source.shown,
            if source.format == BulkFormat::Csv {
                " (only a header)"
            } else {
                ""
            }
        )));
    }
    stop_after_validation(&tally, &source, rejects.as_ref(), out)?;

    let mut results = Results::create(results_path, out.is_json())?;
    let bar = progress::bar(tally.valid(), out.shows_progress());
    let share_terminal = results_path.is_none() && !bar.is_hidden();
    let options = Options {
        concurrency: usize::from(args.concurrency),
        force_new: args.force_new,
        all_valid: tally.invalid == 0,
        strict: args.strict,
    };
    send::stop_on_ctrl_c(out);
    let counts = send::send_all(
        Input {
            source: &source,
            defaults: &defaults,
            context: &context,
        },
        desk.as_ref(),
        Output {
            results: &mut results,
            bar: &bar,
            share_terminal,
        },
        &options,
    )?;
    bar.finish_and_clear();
    summarize(&counts, &tally, desk.describe(), out)
}

/// An error (exit 2) when a row is invalid and `--skip-invalid` is not given, or when no row is
/// left; the skipped rows said otherwise.
fn stop_after_validation(
    tally: &Tally,
    source: &Source,
    rejects: Option<&Rejects>,
    out: &Printer,
) -> Result<(), CliError> {
    if tally.invalid == 0 {
        return Ok(());
    }
    let invalid = describe_invalid(tally, &source.shown);
    let Some(rejects) = rejects else {
        return Err(CliError::Rejected(format!(
            "{invalid}. Fix the rows above and run again, or send the valid rows with \
             --skip-invalid (the invalid ones then go to a rejects file)"
        )));
    };
    let written = format!(
        "{} written to {}, to fix and send with `cartsaver-support bulk {}`",
        if rejects.count == 1 {
            "the invalid row is"
        } else {
            "the invalid rows are"
        },
        rejects.path.display(),
        rejects.path.display()
    );
    if tally.valid() == 0 {
        return Err(CliError::Rejected(format!(
            "{invalid}: no valid row; {written}"
        )));
    }
    out.say(line![
        paint(WARN, "warning:"),
        format!(" {invalid}, skipped: {written}")
    ]);
    Ok(())
}

/// `600 rows: 580 created, 20 replayed, 0 failed` on stderr; an error (exit 1) when any failed,
/// exit 130 when Ctrl-C stopped the run.
fn summarize(counts: &Counts, tally: &Tally, desk: String, out: &Printer) -> Result<(), CliError> {
    let sent = counts.created + counts.replayed + counts.failed - counts.not_sent;
    if counts.interrupted {
        out.say(format!(
            "interrupted: {sent} of {} rows sent; run the same command again to finish (rows \
             already filed are replayed, not filed twice)",
            tally.valid()
        ));
        return Err(CliError::Reported(ExitStatus::Interrupted));
    }
    if let Some(reason) = &counts.stopped {
        out.error(format!(
            "sending stopped: {reason}; {} rows were not sent. Running the same file again \
             sends them, and replays the rows already filed",
            counts.not_sent
        ));
    }
    let warned = match tally.warnings {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    };
    let sent = counts.created + counts.replayed + counts.failed;
    if counts.failed > 0 {
        return Err(CliError::PartlyFailed(format!(
            "{} of {sent} rows failed (see their `error` in the results); {} created, {} \
             replayed at {desk}{warned}",
            counts.failed, counts.created, counts.replayed
        )));
    }
    let skipped = if tally.invalid > 0 {
        format!(", {} invalid skipped", tally.invalid)
    } else {
        String::new()
    };
    out.note(format!(
        "{sent} rows: {} created, {} replayed (filed by an earlier run), 0 failed{skipped}{warned}; \
         desk: {desk}",
        counts.created, counts.replayed
    ));
    Ok(())
}

/// The defaults for empty cells: the flags, then the config file's values (`settings`). They are
/// checked once, as flags: a bad `--store` is one error, not one per row.
fn resolve_defaults(flags: Defaults, settings: &Settings) -> Result<Defaults, CliError> {
    let mut input = TicketInput {
        store: flags.store,
        plan: flags.plan,
        email: flags.email,
        region: flags.region,
        ..TicketInput::default()
    };
    settings.fill_defaults(&mut input)?;
    checked_defaults(Defaults {
        store: input.store,
        plan: input.plan,
        email: input.email,
        region: input.region,
    })
}

fn checked_defaults(defaults: Defaults) -> Result<Defaults, CliError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut check = |value: &Option<String>, parse: &dyn Fn(&str) -> Option<FieldError>| {
        if let Some(error) = value.as_deref().and_then(parse) {
            // A default flag given empty (`--store ''`) is an error, not "no default".
            errors.push(error.into_empty());
        }
    };
    check(&defaults.store, &|text| parse_store(text).err());
    check(&defaults.plan, &|text| parse_plan(text).err());
    check(&defaults.email, &|text| parse_email(text).err());
    check(&defaults.region, &|text| parse_region(text).err());
    if errors.is_empty() {
        Ok(defaults)
    } else {
        errors.sort_by_key(|error| error.field);
        Err(CliError::Invalid(errors))
    }
}

/// `check --file`: the first pass alone. Problems and warnings on stdout (`line N, FIELD:
/// message`, or one JSON object each with `--json`, then a JSON summary object), the verdict
/// on stderr; an invalid row is an error (exit 2).
pub fn check_file(
    file: &std::path::Path,
    format: Option<BulkFormat>,
    defaults: Defaults,
    settings: &Settings,
    strict: bool,
    out: &Printer,
) -> Result<(), CliError> {
    let context = settings.context;
    let defaults = resolve_defaults(defaults, settings)?;
    let source = Source::open(file, format)?;
    let tally = validate(
        &source,
        &defaults,
        &context,
        warnings_mode(strict),
        |problem| {
            if out.is_json() {
                out.json(&problem.to_json());
            } else {
                out.data(problem.to_string());
            }
        },
        None,
    )?;
    std::io::stdout().flush().map_err(anyhow::Error::from)?;
    if out.is_json() {
        out.json(&serde_json::json!({
            "summary": true,
            "valid": tally.invalid == 0,
            "rows": tally.rows,
            "invalid_rows": tally.invalid,
            "problems": tally.problems,
            "warnings": tally.warnings,
        }));
    }
    if tally.invalid > 0 {
        return Err(CliError::Rejected(describe_invalid(&tally, &source.shown)));
    }
    let rows = if tally.rows == 1 { "row" } else { "rows" };
    let warned = match tally.warnings {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    };
    out.note(line![
        paint(OK, "✓"),
        format!(
            " {} {rows} of {} valid{warned}; nothing was sent",
            tally.rows, source.shown
        )
    ]);
    Ok(())
}

/// The fields that `check --file` accepts as defaults; the others make no sense with a file.
pub const DEFAULT_FIELDS: [Field; 4] = [Field::Store, Field::Plan, Field::Email, Field::Region];
