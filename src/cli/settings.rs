//! Resolve what the logic runs with from flags and the environment: the clock
//! (`CARTSAVER_NOW`) and the local time zone.

use crate::clock::Clock;
use crate::domain::ticket::Context;

use super::error::CliError;

/// The clock and zone for this run.
pub fn context() -> Result<Context, CliError> {
    Ok(Context {
        now: clock()?.now(),
        local: local_zone(),
    })
}

/// `CARTSAVER_NOW` stands in for the system clock everywhere.
pub fn clock() -> Result<Clock, CliError> {
    Clock::from_env().map_err(CliError::Usage)
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
