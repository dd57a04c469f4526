//! The clock the desk runs on: the system clock, or the fixed time `CARTSAVER_NOW` (RFC 3339)
//! stands in for, for reproducible runs and tests (SPEC §3).
//!
//! Shared by the desk server and `cartsaver-desk`; it knows nothing of HTTP or terminals. The
//! merchant CLI reads the same variable with the same rules (`cli::settings::now`).

use chrono::{DateTime, Utc};

/// The environment variable that stands in for the clock.
pub const NOW_VAR: &str = "CARTSAVER_NOW";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    /// Always this instant: `CARTSAVER_NOW` was set.
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// `CARTSAVER_NOW` when set and not blank, else the system clock. An unreadable value is an
    /// error that names it and says how to fix it.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var(NOW_VAR) {
            Ok(text) if !text.trim().is_empty() => parse_now(&text).map(Clock::Fixed),
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

fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| {
            format!(
                "{NOW_VAR} `{text}` is not an RFC 3339 time; set it like 2026-11-20T14:03:00Z, or unset it to use the clock"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_time_is_normalized_to_utc() {
        let at = parse_now("2026-11-20T16:03:00+02:00").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-11-20T14:03:00+00:00");
        assert_eq!(Clock::Fixed(at).now(), at);
    }

    #[test]
    fn unreadable_time_names_the_variable_and_the_fix() {
        let error = parse_now("yesterday").unwrap_err();
        assert!(error.contains("CARTSAVER_NOW `yesterday`"), "{error}");
        assert!(error.contains("2026-11-20T14:03:00Z"), "{error}");
    }
}
