//! Resolve what the logic runs with from flags and the environment: the clock
//! (`CARTSAVER_NOW`) and the local time zone.

use chrono::{DateTime, Utc};

use crate::domain::ticket::Context;

use super::error::CliError;

pub const NOW_VAR: &str = "CARTSAVER_NOW";

/// The clock and zone for this run.
pub fn context() -> Result<Context, CliError> {
    Ok(Context {
        now: now()?,
        local: local_zone(),
    })
}

/// `CARTSAVER_NOW` (RFC 3339) stands in for the clock everywhere; otherwise the system clock.
pub fn now() -> Result<DateTime<Utc>, CliError> {
    match std::env::var(NOW_VAR) {
        Ok(text) if !text.trim().is_empty() => parse_now(&text),
        _ => Ok(Utc::now()),
    }
}

fn parse_now(text: &str) -> Result<DateTime<Utc>, CliError> {
    DateTime::parse_from_rfc3339(text.trim()).map(|at| at.with_timezone(&Utc)).map_err(|_| {
        CliError::Usage(format!(
            "{NOW_VAR} `{text}` is not an RFC 3339 time; set it like 2026-11-20T14:03:00Z, or unset it to use the clock"
        ))
    })
}

/// The zone a time written without a zone is also read in: `TZ` if it names an IANA zone, else
/// the system's, else UTC.
pub fn local_zone() -> chrono_tz::Tz {
    let from_env = std::env::var("TZ")
        .ok()
        .map(|tz| tz.trim_start_matches(':').to_string());
    from_env
        .and_then(|name| name.parse().ok())
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|name| name.parse().ok())
        })
        .unwrap_or(chrono_tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_override_is_rfc3339_and_normalized_to_utc() {
        let at = parse_now("2026-11-20T16:03:00+02:00").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-11-20T14:03:00+00:00");
    }

    #[test]
    fn unreadable_now_override_names_the_variable_and_the_fix() {
        let error = parse_now("yesterday").unwrap_err().to_string();
        assert!(error.contains("CARTSAVER_NOW `yesterday`"), "{error}");
        assert!(error.contains("2026-11-20T14:03:00Z"), "{error}");
    }
}
