//! The process exit statuses both binaries promise (README, Exit codes), in one place: the
//! merchant CLI and `cartsaver-desk` alike (0 success, 1 anything else, 2 bad usage or input,
//! 130 interrupted; `cartsaver-desk mail receive` adds sysexits' 65 and 75 for MTAs).

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything asked for was done.
    Success,
    /// Anything else: desk unreachable, rejected, not found, auth.
    Failure,
    /// Bad usage or invalid input; nothing was sent.
    Invalid,
    /// Ctrl-C or Esc at a prompt; nothing was sent.
    Interrupted,
    /// `mail receive`: the message can never be taken (sysexits' EX_DATAERR).
    DataError,
    /// `mail receive`: the database cannot be reached now; the MTA should retry (EX_TEMPFAIL).
    TempFail,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Invalid => 2,
            ExitStatus::Interrupted => 130,
            ExitStatus::DataError => 65,
            ExitStatus::TempFail => 75,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status.code())
    }
}

#[cfg(test)]
mod tests {
    use super::ExitStatus;

    #[test]
    fn codes_match_the_documented_contract() {
        assert_eq!(ExitStatus::Success.code(), 0);
        assert_eq!(ExitStatus::Failure.code(), 1);
        assert_eq!(ExitStatus::Invalid.code(), 2);
        assert_eq!(ExitStatus::Interrupted.code(), 130);
        assert_eq!(ExitStatus::DataError.code(), 65);
        assert_eq!(ExitStatus::TempFail.code(), 75);
    }
}
