//! `outbox list|send [ID…]|drop ID`, and [`keep`], what `new` (flags or checklist) does with a
//! ticket it could not deliver. `send` files each entry on the desk of this run's settings with
//! the entry's own idempotency key, prints its tracking number alone on stdout (a line each),
//! and removes the entry; one that fails again stays, with its new error. Exit 1 when any fails.

use serde_json::json;

use crate::cli::args::{GlobalArgs, OutboxAction};
use crate::cli::connect;
use crate::cli::error::CliError;
use crate::cli::printer::Printer;
use crate::cli::settings::Settings;
use crate::client::{CreateRequest, Desk, ErrorCode, RequestError};
use crate::domain::timestamp::format_utc;

use super::{Entry, Outbox};

pub fn run(action: &OutboxAction, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let outbox = Outbox::open()?;
    match action {
        OutboxAction::List => list(&outbox, out),
        OutboxAction::Send { ids } => send(&outbox, ids, global, out),
        OutboxAction::Drop { id } => drop_one(&outbox, id, out),
    }
}

/// Keep a ticket `new` could not deliver; the error that says so (exit 1, nothing on stdout).
pub fn keep(
    request: &CreateRequest,
    subject: String,
    desk: &dyn Desk,
    now: chrono::DateTime<chrono::Utc>,
    error: RequestError,
) -> CliError {
    let entry = Entry::new(
        request,
        subject,
        desk.describe(),
        format_utc(now),
        &error.to_string(),
    );
    let kept = Outbox::open().and_then(|outbox| outbox.keep(&entry));
    match kept {
        Ok(()) => CliError::PartlyFailed(format!(
            "{error}\nkept in the outbox as {}; `cartsaver-support outbox send` files it",
            entry.id
        )),
        Err(failure) => CliError::Failed(anyhow::anyhow!(
            "{error}\nand the ticket could not be kept in the outbox either: {failure}"
        )),
    }
}

fn report_unreadable(unreadable: &[(std::path::PathBuf, String)], out: &Printer) {
    for (path, why) in unreadable {
        out.warning(format!(
            "{} is not an outbox entry this version reads ({why}); move it away or remove it",
            path.display()
        ));
    }
}

fn list(outbox: &Outbox, out: &Printer) -> Result<(), CliError> {
    let (entries, unreadable) = outbox.entries();
    report_unreadable(&unreadable, out);
    if entries.is_empty() {
        out.note(format!("The outbox is empty ({}).", outbox.dir().display()));
        return Ok(());
    }
    for entry in &entries {
        if out.is_json() {
            out.json(&json!({
                "id": entry.id,
                "kept_at": entry.kept_at,
                "subject": entry.subject,
                "desk": entry.desk,
                "screenshots": entry.screenshots.len(),
                "tries": entry.tries,
                "last_error": entry.last_error,
            }));
        } else {
            // The reason, without the advice that follows it.
            let first = entry.last_error.lines().next().unwrap_or("");
            let error = first.split("; ").next().unwrap_or(first);
            out.data(format!(
                "{}  {}  {}  ({error})",
                entry.id, entry.kept_at, entry.subject
            ));
        }
    }
    Ok(())
}

fn unknown_ids(outbox: &Outbox, missing: &[String]) -> CliError {
    let (entries, _) = outbox.entries();
    let known: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    let known = if known.is_empty() {
        "the outbox is empty".to_string()
    } else {
        format!("it holds {}", known.join(", "))
    };
    CliError::usage_problems(
        missing
            .iter()
            .map(|id| format!("no ticket `{id}` in the outbox ({known}); `cartsaver-support outbox list` shows them"))
            .collect(),
    )
}

fn send(
    outbox: &Outbox,
    ids: &[String],
    global: &GlobalArgs,
    out: &Printer,
) -> Result<(), CliError> {
    let (entries, unreadable) = outbox.entries();
    report_unreadable(&unreadable, out);
    let missing: Vec<String> = ids
        .iter()
        .filter(|id| !entries.iter().any(|e| &e.id == *id))
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Err(unknown_ids(outbox, &missing));
    }
    let chosen: Vec<Entry> = entries
        .into_iter()
        .filter(|e| ids.is_empty() || ids.contains(&e.id))
        .collect();
    if chosen.is_empty() {
        out.note("The outbox is empty: nothing to send.");
        return Ok(());
    }
    let settings = Settings::resolve(global)?;
    let desk = connect::open(&settings)?;
    if desk.is_local() {
        // Kept for a remote desk: filing them on this machine would hide them from support.
        let meant: Vec<&str> = chosen.iter().map(|e| e.desk.as_str()).collect();
        return Err(CliError::Usage(format!(
            "the outbox's tickets were kept for {}, and this run's desk is {}; give the desk with --desk URL (or CARTSAVER_DESK, or `cartsaver-support config set desk URL`)",
            meant.first().copied().unwrap_or("a remote desk"),
            desk.describe()
        )));
    }
    let mut failed = 0;
    for mut entry in chosen {
        let request = match entry.request() {
            Ok(request) => request,
            Err(why) => {
                out.error(format!(
                    "{}: {why}; drop it with `cartsaver-support outbox drop {}`",
                    entry.id, entry.id
                ));
                failed += 1;
                continue;
            }
        };
        match desk.create(request) {
            Ok(created) => {
                let tn = created.ticket.tracking_number;
                if out.is_json() {
                    out.json(&json!({"id": entry.id, "tracking_number": tn.to_string(), "replayed": created.replayed}));
                } else {
                    out.data(tn.to_string());
                }
                let how = if created.replayed {
                    " (it had been filed already: the desk answered with that ticket, nothing new was created)"
                } else {
                    ""
                };
                let elsewhere = if entry.desk == desk.describe() {
                    String::new()
                } else {
                    format!(" on {} (it was kept for {})", desk.describe(), entry.desk)
                };
                out.note(format!("{} filed as {tn}{elsewhere}{how}.", entry.id));
                outbox.drop_entry(&entry.id)?;
            }
            Err(error) => {
                failed += 1;
                let hint = match error.code() {
                    Some(ErrorCode::Duplicate) => format!(
                        "; follow up on the open ticket instead and `cartsaver-support outbox drop {}`",
                        entry.id
                    ),
                    _ => String::new(),
                };
                out.error(format!("{} not sent: {error}{hint}", entry.id));
                entry.last_error = error.to_string();
                entry.tries += 1;
                outbox.keep(&entry)?;
            }
        }
    }
    if failed > 0 {
        return Err(CliError::Reported(crate::exit::ExitStatus::Failure));
    }
    Ok(())
}

fn drop_one(outbox: &Outbox, id: &str, out: &Printer) -> Result<(), CliError> {
    if !outbox.drop_entry(id)? {
        return Err(unknown_ids(outbox, &[id.to_string()]));
    }
    out.note(format!(
        "Dropped {id} from the outbox: it will not be sent."
    ));
    Ok(())
}
