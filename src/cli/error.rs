//! The CLI's error type and the one place that prints errors to stderr.

use std::io::Write;

use crate::client::RequestError;
use crate::domain::FieldError;

use super::exit::ExitStatus;
use super::style;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Invalid field values: every one of the run, reported together. Nothing was sent.
    #[error("{} invalid", count_fields(.0.len()))]
    Invalid(Vec<FieldError>),
    /// Bad usage that clap could not see (an unreadable `CARTSAVER_NOW`, say). Nothing was sent.
    #[error("{0}")]
    Usage(String),
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
            CliError::Invalid(_) | CliError::Usage(_) => ExitStatus::Invalid,
            // The desk found the input invalid (or too large): nothing was filed.
            CliError::Desk(RequestError::Refused {
                status: 413 | 422, ..
            }) => ExitStatus::Invalid,
            CliError::Desk(_) | CliError::Failed(_) => ExitStatus::Failure,
            CliError::Interrupted => ExitStatus::Interrupted,
        }
    }
}

fn count_fields(count: usize) -> String {
    if count == 1 {
        "1 field is".to_string()
    } else {
        format!("{count} fields are")
    }
}

/// Print an error once, with its causes, on stderr.
pub fn report(error: &CliError) {
    let mut err = anstream::stderr().lock();
    let label = style::error_label();
    let _ = match error {
        CliError::Invalid(errors) => {
            let _ = writeln!(err, "{label} {error}; nothing was sent:");
            for field_error in errors {
                let _ = writeln!(err, "  {field_error}");
            }
            Ok(())
        }
        CliError::Usage(message) => writeln!(err, "{label} {message}"),
        // The merchant's own choice: not worded as an error.
        CliError::Interrupted => writeln!(err, "{error}"),
        CliError::Desk(refusal) => writeln!(err, "{label} {refusal}"),
        CliError::Failed(failure) => {
            let _ = writeln!(err, "{label} {failure}");
            for cause in failure.chain().skip(1) {
                let _ = writeln!(err, "  caused by: {cause}");
            }
            Ok(())
        }
    };
}
