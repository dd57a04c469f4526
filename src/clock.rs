//! The clock every part of the project reads: the system clock, or the fixed time in
//! `CARTSAVER_NOW` (RFC 3339), for reproducible runs and tests.

use chrono::{DateTime, Utc};

pub const NOW_VAR: &str = "CARTSAVER_NOW";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// `CARTSAVER_NOW` if set (and not blank), else the system clock. The error names the value
    /// and the fix.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var(NOW_VAR) {
            Ok(text) if !text.trim().is_empty() => parse_fixed(&text).map(Clock::Fixed),
            _ => Ok(Clock::System),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => *at,
        }
    }
}

fn parse_fixed(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim()).map(|at| at.with_timezone(&Utc)).map_err(|_| {
        format!(
            "{NOW_VAR} `{text}` is not an RFC 3339 time; set it like 2026-11-20T14:03:00Z, or unset it to use the clock"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_time_is_rfc3339_normalized_to_utc() {
        let at = parse_fixed("2026-11-20T16:03:00+02:00").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-11-20T14:03:00+00:00");
    }

    #[test]
    fn unreadable_value_names_the_variable_and_the_fix() {
        let error = parse_fixed("yesterday").unwrap_err();
        assert!(error.contains("CARTSAVER_NOW `yesterday`"), "{error}");
        assert!(error.contains("2026-11-20T14:03:00Z"), "{error}");
    }
}
