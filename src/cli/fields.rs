//! Gather the checklist from the field flags: read `--tried-file`, `--details-file` and the
//! screenshots, and hand the domain a `TicketInput`. Read failures are field errors, reported
//! with the others.

use std::io::Read;
use std::path::Path;

use crate::domain::screenshot::{Screenshot, load_screenshot};
use crate::domain::text::{parse_tried, split_tried_lines};
use crate::domain::ticket::TicketInput;
use crate::domain::{Field, FieldError, Parsed};

use super::args::TicketArgs;

/// What the flags give, ready for `domain::ticket::examine`.
pub struct GivenFields {
    pub input: TicketInput,
    pub screenshots: Vec<Result<Parsed<Screenshot>, FieldError>>,
    /// Files that could not be read (`--tried-file`, `--details-file`).
    pub read_errors: Vec<FieldError>,
}

pub fn gather(args: &TicketArgs) -> GivenFields {
    let mut read_errors = Vec::new();
    // `--tried ''` among other steps is still a flag given empty (SPEC §2): an error, in the
    // domain's words, and not a step.
    let (mut tried, blank): (Vec<String>, Vec<String>) = args
        .tried
        .iter()
        .cloned()
        .partition(|step| !step.trim().is_empty());
    if !blank.is_empty() {
        let error = parse_tried(&[]).expect_err("no steps is refused");
        read_errors.push(error.into_empty());
    }
    if let Some(path) = &args.tried_file {
        match read_text(path) {
            Ok(text) if text.trim().is_empty() => read_errors.push(empty_file(Field::Tried, path)),
            Ok(text) => tried.extend(split_tried_lines(&text)),
            Err(error) => read_errors.push(file_error(Field::Tried, path, error)),
        }
    }
    let mut details = args.details.clone();
    let stdin_taken = args.tried_file.as_deref() == Some(Path::new("-"));
    if let Some(path) = &args.details_file {
        if stdin_taken && path == Path::new("-") {
            // Standard input can be read once: the second reader would silently get nothing.
            read_errors.push(FieldError::new(
                Field::Details,
                "-",
                "stdin_taken",
                "standard input is already read by --tried-file -; give the details with \
                 --details TEXT or --details-file FILE",
            ));
        } else {
            match read_text(path) {
                Ok(text) if text.trim().is_empty() => {
                    read_errors.push(empty_file(Field::Details, path));
                }
                Ok(text) => details = Some(text),
                Err(error) => read_errors.push(file_error(Field::Details, path, error)),
            }
        }
    }
    let input = TicketInput {
        store: args.store.clone(),
        order: args.order.clone(),
        phone: args.phone.clone(),
        region: args.region.clone(),
        channel: args.channel.clone(),
        at: args.at.clone(),
        tried,
        summary: args.summary.clone(),
        details,
        email: args.email.clone(),
        plan: args.plan.clone(),
        urgent: args.urgent,
        outage: args.outage,
        pin: args.pin.clone(),
        allow_access: args.allow_access,
    };
    let screenshots = args
        .screenshot
        .iter()
        .map(|path| load_screenshot(path))
        .collect();
    GivenFields {
        input,
        screenshots,
        read_errors,
    }
}

/// A file's text, or standard input for `-`.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path)
    }
}

/// A `--tried-file` or `--details-file` with nothing in it: given, so an error (SPEC §2).
fn empty_file(field: Field, path: &Path) -> FieldError {
    let message = match field {
        Field::Tried => {
            "the file is empty; list the steps already tried in it, one per line \
                         (or `none`), or give them with --tried"
        }
        _ => {
            "the file is empty; write the details in it (what you expected, what happened \
              instead), give them with --details, or leave --details-file out"
        }
    };
    FieldError::new(field, path.display().to_string(), "empty", message)
}

fn file_error(field: Field, path: &Path, error: std::io::Error) -> FieldError {
    FieldError::new(
        field,
        path.display().to_string(),
        "unreadable",
        format!(
            "cannot read the file: {error}; check the path, or give the text with --{field} instead"
        ),
    )
}
