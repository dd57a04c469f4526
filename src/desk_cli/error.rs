//! `cartsaver-desk`'s error type and the one place it prints errors (stderr). Exit statuses are
//! the merchant CLI's (`crate::exit`): 2 for bad usage or input, 1 for anything else.

use crate::desk::DeskError;
use crate::domain::FieldError;
use crate::exit::ExitStatus;

#[derive(Debug, thiserror::Error)]
pub enum DeskCliError {
    /// Invalid values, every one of them. Nothing was changed.
    #[error("{} invalid", if .0.len() == 1 { "1 value is".to_string() } else { format!("{} values are", .0.len()) })]
    Invalid(Vec<FieldError>),
    /// Bad usage clap could not see. Nothing was changed.
    #[error("{0}")]
    Usage(String),
    /// Anything else.
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
    /// `mail receive`: a message that can never be taken (exit 65), with the one-line reason.
    #[error("{0}")]
    DataError(String),
    /// `mail receive`: the database is unreachable now (exit 75, so the MTA retries).
    #[error("{0}")]
    TempFail(String),
}

impl DeskCliError {
    pub fn exit_status(&self) -> ExitStatus {
        match self {
            DeskCliError::Invalid(_) | DeskCliError::Usage(_) => ExitStatus::Invalid,
            DeskCliError::Failed(_) => ExitStatus::Failure,
            DeskCliError::DataError(_) => ExitStatus::DataError,
            DeskCliError::TempFail(_) => ExitStatus::TempFail,
        }
    }
}

impl From<DeskError> for DeskCliError {
    fn from(error: DeskError) -> DeskCliError {
        match error {
            DeskError::Invalid(problems) => DeskCliError::Invalid(problems),
            DeskError::TooLarge(problem) => DeskCliError::Invalid(vec![problem]),
            DeskError::BadRequest(message) => DeskCliError::Usage(message),
            DeskError::NotFound(tn) => DeskCliError::Failed(anyhow::anyhow!(
                "ticket {tn} not found in this desk database; check the number, or --db"
            )),
            other => DeskCliError::Failed(anyhow::Error::new(other)),
        }
    }
}

impl From<FieldError> for DeskCliError {
    fn from(error: FieldError) -> DeskCliError {
        DeskCliError::Invalid(vec![error])
    }
}

/// Print an error once, with its causes, on stderr.
pub fn report(error: &DeskCliError) {
    match error {
        DeskCliError::Invalid(problems) => {
            eprintln!("error: {error}; nothing was changed:");
            for problem in problems {
                eprintln!("  {problem}");
            }
        }
        DeskCliError::Usage(message)
        | DeskCliError::DataError(message)
        | DeskCliError::TempFail(message) => eprintln!("error: {message}"),
        DeskCliError::Failed(failure) => {
            eprintln!("error: {failure}");
            for cause in failure.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_input_exits_2_and_failures_1() {
        let invalid = DeskCliError::from(DeskError::Invalid(vec![]));
        assert_eq!(invalid.exit_status(), ExitStatus::Invalid);
        let not_found = DeskCliError::from(DeskError::NotFound("CS-7KQ-2M4-X9C".into()));
        assert_eq!(not_found.exit_status(), ExitStatus::Failure);
        assert!(not_found.to_string().contains("CS-7KQ-2M4-X9C"));
    }
}
