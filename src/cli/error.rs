//! The CLI's error type, the exit status each error means, and the one place errors are
//! reported (through the [`Printer`]). Commands return their verdicts as errors — a checklist
//! with a bad field, a bulk run with failed rows, a ticket declined at the preview — and never
//! print `error:` or choose an exit code themselves.

use crate::client::{ErrorCode, RequestError};
use crate::domain::FieldError;
use crate::line;

use super::printer::Printer;
use crate::exit::ExitStatus;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Invalid field values: every one of the run, reported together. Nothing was sent.
    #[error("{}", count_fields(.0))]
    Invalid(Vec<FieldError>),
    /// Bad usage that clap could not see (an unreadable `CARTSAVER_NOW`, say). Nothing was sent.
    #[error("{0}")]
    Usage(String),
    /// Every problem was shown already (the checklist, each row's `line N, FIELD: message`);
    /// this sums them up. Nothing was sent (exit 2).
    #[error("{0}; nothing was sent")]
    Rejected(String),
    /// Part of the work failed, the details shown already (a bulk run's failed rows): exit 1.
    #[error("{0}")]
    PartlyFailed(String),
    /// A remote desk with no store token to give it: exit 1, like a token it refuses.
    #[error("{0}")]
    NoToken(String),
    /// Declined at the preview or at the duplicate offer: the merchant's own choice, exit 1 so
    /// that `TN=$(cartsaver-support new) && ...` stops there.
    #[error("Not filed: nothing was sent.")]
    NotFiled,
    /// Reported in full already (doctor's failing checks): only the exit status is left.
    #[error("exit status {0:?}")]
    Reported(ExitStatus),
    /// The desk refused, or could not be reached.
    #[error(transparent)]
    Desk(#[from] RequestError),
    /// Esc at a prompt (Ctrl-C exits from its handler, see `interactive::interrupt`).
    #[error("cancelled; nothing was sent")]
    Interrupted,
    /// Anything else.
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

impl CliError {
    /// Several problems with the command line found together, each on its own line.
    pub fn usage_problems(problems: Vec<String>) -> CliError {
        match <[String; 1]>::try_from(problems) {
            Ok([one]) => CliError::Usage(one),
            Err(problems) => CliError::Usage(format!(
                "{} problems; nothing was sent:\n  {}",
                problems.len(),
                problems.join("\n  ")
            )),
        }
    }

    pub fn exit_status(&self) -> ExitStatus {
        match self {
            CliError::Invalid(_) | CliError::Usage(_) | CliError::Rejected(_) => {
                ExitStatus::Invalid
            }
            // A token for another store is an auth refusal, not bad input: exit 1 (README).
            CliError::Desk(refusal) if is_other_store(refusal) => ExitStatus::Failure,
            // The desk found the input invalid (or too large): nothing was filed.
            CliError::Desk(refusal)
                if matches!(
                    refusal.code(),
                    Some(ErrorCode::Invalid | ErrorCode::TooLarge)
                ) =>
            {
                ExitStatus::Invalid
            }
            CliError::Desk(_)
            | CliError::Failed(_)
            | CliError::PartlyFailed(_)
            | CliError::NoToken(_)
            | CliError::NotFiled => ExitStatus::Failure,
            CliError::Reported(status) => *status,
            CliError::Interrupted => ExitStatus::Interrupted,
        }
    }
}

/// `8 required fields are missing: store, order, …` when nothing but missing fields is wrong;
/// else `3 fields are invalid`.
fn count_fields(errors: &[FieldError]) -> String {
    let missing = errors.iter().all(|error| error.code == "missing");
    match (errors.len(), missing) {
        (1, true) => format!("a required field is missing: {}", errors[0].field),
        (count, true) => {
            let names: Vec<&str> = errors.iter().map(|error| error.field.name()).collect();
            format!("{count} required fields are missing: {}", names.join(", "))
        }
        (1, false) => "1 field is invalid".to_string(),
        (count, false) => format!("{count} fields are invalid"),
    }
}

/// The desk's store-mismatch refusal: the token belongs to another store.
fn is_other_store(refusal: &RequestError) -> bool {
    matches!(refusal, RequestError::Refused { detail, .. }
        if detail.fields.iter().any(|field| field.code == "other_store"))
}

/// A refusal in the merchant's words: the desk's own mention of `cartsaver-desk token create`
/// is a support-side command, so the merchant is told to ask Cartsaver support instead.
fn merchant_words(refusal: &RequestError) -> String {
    match refusal {
        RequestError::Refused { detail, .. } if detail.code == ErrorCode::Unauthorized => {
            "the desk refused the store token (401: unknown or revoked); ask Cartsaver support for a \
             new token, then run `cartsaver-support config set token -` (or set CARTSAVER_TOKEN)"
                .to_string()
        }
        RequestError::Refused { detail, .. } if is_other_store(refusal) => {
            let problem = detail.fields.iter().find(|f| f.code == "other_store");
            let store = problem.and_then(|p| p.input.clone()).unwrap_or_default();
            let owner = problem
                .and_then(|p| p.message.strip_prefix("this store token belongs to "))
                .and_then(|rest| rest.split(';').next())
                .unwrap_or("another store");
            format!(
                "the desk refused the ticket: this store token belongs to {owner}, not {store}; \
                 file the ticket for {owner}, or ask Cartsaver support for a token for {store}"
            )
        }
        other => other.to_string(),
    }
}

/// Report an error once, with its causes, on stderr.
pub fn report(error: &CliError, out: &Printer) {
    match error {
        CliError::Invalid(errors) => {
            out.error(format!("{error}; nothing was sent:"));
            for field_error in errors {
                out.say(format!("  {field_error}"));
            }
        }
        // The merchant's own choices: not worded as errors.
        CliError::Interrupted | CliError::NotFiled => out.say(error.to_string()),
        CliError::Reported(_) => {}
        CliError::Desk(refusal) => out.error(merchant_words(refusal)),
        CliError::Failed(failure) => {
            out.error(failure.to_string());
            for cause in failure.chain().skip(1) {
                out.say(line!["  caused by: ", cause.to_string()]);
            }
        }
        CliError::Usage(_)
        | CliError::Rejected(_)
        | CliError::PartlyFailed(_)
        | CliError::NoToken(_) => out.error(error.to_string()),
    }
}
