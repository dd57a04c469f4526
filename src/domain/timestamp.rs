//! `at`: when the issue happened, normalized to UTC with seconds precision (SPEC §2).

use chrono::{DateTime, TimeZone, Utc};

use super::{FieldError, Parsed};

/// `2026-11-20T14:03:00Z`: the one way the project writes a UTC time.
pub fn format_utc(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Parse RFC 3339 / ISO 8601 with `Z` or an offset (extended or basic format, seconds optional,
/// fractions allowed) or `now`. `now` is the clock (`CARTSAVER_NOW` in tests); `local` is the zone
/// used to show the local reading of a time written without a zone.
pub fn parse_at<Tz: TimeZone>(
    input: &str,
    now: DateTime<Utc>,
    local: &Tz,
) -> Result<Parsed<DateTime<Utc>>, FieldError>
where
    Tz::Offset: std::fmt::Display,
{
    let _ = (input, now, local);
    todo!()
}
