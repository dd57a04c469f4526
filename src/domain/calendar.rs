//! The business-hours calendar (docs/contract.md §6) as data, and the first-response due time it gives.
//!
//! A calendar is a time zone, the business days, optional daily opening hours and a target per
//! plan. Cartsaver's is Sunday to Thursday, whole days, `Africa/Cairo` with its real DST rules; a
//! desk with other hours is a different value of [`Calendar`], not different code. It serializes
//! to a flat config form:
//!
//! ```toml
//! zone = "America/Los_Angeles"
//! business_days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
//! hours = "08:00-17:00"            # omit for whole days
//! free = { kind = "calendar_hours", hours = 48 }
//! advanced = { kind = "business_hours", hours = 4 }
//! ```
//!
//! What a business hour is: one real hour of elapsed time inside business time. A business day
//! runs from the first instant the local clock reads its opening time (00:00 for whole days) to the
//! first instant it reads its closing time (the next local midnight), so a whole business day on
//! which the clocks change lasts 23 or 25 real hours, and "24 business hours" is always 24 hours
//! that support is actually at work, never an hour more or less because of DST. Cairo's changes
//! fall at Thursday/Friday midnight: in spring the Thursday ends an hour early by local reckoning
//! (Friday 00:00 never happens), in autumn the last Thursday of October has 25 hours.

use std::fmt;

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc,
    Weekday,
};
use serde::{Deserialize, Serialize};

use super::plan::Plan;

/// How long support has to answer a plan's ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "hours")]
pub enum Target {
    /// Wall-clock hours, 24/7.
    CalendarHours(u32),
    /// Hours counted only inside business time.
    BusinessHours(u32),
}

impl Target {
    fn hours(self) -> u32 {
        match self {
            Target::CalendarHours(hours) | Target::BusinessHours(hours) => hours,
        }
    }
}

/// The per-plan targets and business time of a desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub zone: chrono_tz::Tz,
    /// Business days, `Sun`..`Sat` (in config: `"Sun"`, `"sunday"`, ...).
    pub business_days: Vec<chrono::Weekday>,
    /// Daily opening hours in `zone`; `None` means whole days. In config: `"08:00-17:00"`.
    #[serde(
        default,
        with = "opening_hours",
        skip_serializing_if = "Option::is_none"
    )]
    pub hours: Option<(chrono::NaiveTime, chrono::NaiveTime)>,
    pub free: Target,
    pub advanced: Target,
    pub unlimited: Target,
    pub scale: Target,
}

/// Why a calendar from config cannot be used; lists every problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid support calendar: {}", .problems.join("; "))]
pub struct CalendarError {
    pub problems: Vec<String>,
}

impl Calendar {
    /// Cartsaver's calendar.
    pub fn cartsaver() -> Calendar {
        use Weekday::{Mon, Sun, Thu, Tue, Wed};
        Calendar {
            zone: chrono_tz::Africa::Cairo,
            business_days: vec![Sun, Mon, Tue, Wed, Thu],
            hours: None,
            free: Target::CalendarHours(48),
            advanced: Target::BusinessHours(24),
            unlimited: Target::BusinessHours(12),
            scale: Target::CalendarHours(2),
        }
    }

    pub fn target(&self, plan: Plan) -> Target {
        match plan {
            Plan::Free => self.free,
            Plan::Advanced => self.advanced,
            Plan::Unlimited => self.unlimited,
            Plan::Scale => self.scale,
        }
    }

    /// A calendar from its TOML config form, with every problem of the file at once: each
    /// unknown key, each missing one, each value that does not read, then (when it all reads)
    /// every rule [`Calendar::validate`] checks. Only a file that is not TOML at all stops at
    /// its first error.
    pub fn from_toml(text: &str) -> Result<Calendar, CalendarError> {
        const KEYS: [&str; 7] = [
            "zone",
            "business_days",
            "hours",
            "free",
            "advanced",
            "unlimited",
            "scale",
        ];
        let table: toml::Table = toml::from_str(text).map_err(|error| CalendarError {
            problems: vec![error.to_string().trim_end().to_string()],
        })?;
        let mut problems = Vec::new();
        for key in table.keys().filter(|key| !KEYS.contains(&key.as_str())) {
            problems.push(format!(
                "unknown key `{key}`; the keys are {}",
                KEYS.join(", ")
            ));
        }
        for key in KEYS.iter().filter(|key| **key != "hours") {
            if !table.contains_key(*key) {
                problems.push(format!("`{key}` is missing"));
            }
        }
        // Each value read on its own, in an otherwise good calendar, so that every bad one is
        // named rather than only the first.
        let good = toml::Table::try_from(Calendar::cartsaver()).expect("a calendar serializes");
        for (key, value) in table.iter().filter(|(key, _)| KEYS.contains(&key.as_str())) {
            let mut probe = good.clone();
            probe.insert(key.clone(), value.clone());
            if let Err(error) = toml::Value::Table(probe).try_into::<Calendar>() {
                problems.push(format!("`{key}`: {}", error.message().trim_end()));
            }
        }
        if !problems.is_empty() {
            return Err(CalendarError { problems });
        }
        let calendar: Calendar =
            toml::Value::Table(table)
                .try_into()
                .map_err(|error: toml::de::Error| CalendarError {
                    problems: vec![error.message().trim_end().to_string()],
                })?;
        calendar.validate()?;
        Ok(calendar)
    }

    /// Checks a calendar read from config: at least one business day, none twice, opening hours
    /// that open before they close, and targets of at least one hour.
    pub fn validate(&self) -> Result<(), CalendarError> {
        let mut problems = Vec::new();
        if self.business_days.is_empty() {
            problems.push(
                "business_days is empty; list at least one day, e.g. [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\"]"
                    .to_string(),
            );
        }
        for (i, day) in self.business_days.iter().enumerate() {
            if self.business_days[..i].contains(day) {
                problems.push(format!("business_days lists {day} more than once"));
            }
        }
        if let Some((open, close)) = self.hours
            && open >= close
        {
            problems.push(format!(
                "hours {} must open before they close, e.g. \"08:00-17:00\" (hours past midnight are not supported; leave hours out for whole days)",
                format_hours(open, close)
            ));
        }
        for plan in Plan::ALL {
            if self.target(plan).hours() == 0 {
                problems.push(format!("the {plan} target is 0 hours; give at least 1"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CalendarError { problems })
        }
    }

    /// When the first response is due for a ticket of `plan` filed at `filed`.
    pub fn first_response_due(&self, plan: Plan, filed: DateTime<Utc>) -> DateTime<Utc> {
        match self.target(plan) {
            Target::CalendarHours(hours) => filed + TimeDelta::hours(hours.into()),
            // A calendar without any business time would never come due; `validate` refuses
            // one, and counting wall-clock hours is the least surprising fallback.
            Target::BusinessHours(hours) if !self.has_business_time() => {
                filed + TimeDelta::hours(hours.into())
            }
            Target::BusinessHours(hours) => {
                self.add_business_time(filed, TimeDelta::hours(hours.into()))
            }
        }
    }

    /// What a merchant is promised, in words: "within 24 business hours (Sun–Thu, Africa/Cairo)".
    ///
    /// The free plan promises nothing firm, so its target reads as a typical range: "subject to
    /// availability, typically 24–48 hours" for a 48-hour target (half the target to the target).
    pub fn describe_target(&self, plan: Plan) -> String {
        let promise = match self.target(plan) {
            Target::CalendarHours(hours) if plan == Plan::Free => {
                format!("{}–{hours} hours", hours / 2)
            }
            Target::CalendarHours(hours) => format!("within {}, 24/7", plural_hours(hours)),
            Target::BusinessHours(hours) => format!(
                "within {} business hour{} ({})",
                hours,
                if hours == 1 { "" } else { "s" },
                self.describe_business_time()
            ),
        };
        if plan == Plan::Free {
            format!("subject to availability, typically {promise}")
        } else {
            promise
        }
    }

    /// "Sun–Thu, Africa/Cairo" or "Mon–Fri 08:00–17:00, America/Los_Angeles".
    pub fn describe_business_time(&self) -> String {
        let days = describe_days(&self.business_days);
        match self.hours {
            Some((open, close)) => {
                format!("{days} {}, {}", format_hours(open, close), self.zone.name())
            }
            None => format!("{days}, {}", self.zone.name()),
        }
    }

    fn has_business_time(&self) -> bool {
        !self.business_days.is_empty() && self.hours.is_none_or(|(open, close)| open < close)
    }

    /// Walks business intervals day by day from the filing day, spending `remaining` real time.
    fn add_business_time(&self, filed: DateTime<Utc>, mut remaining: TimeDelta) -> DateTime<Utc> {
        let mut day = filed.with_timezone(&self.zone).date_naive();
        loop {
            if self.business_days.contains(&day.weekday()) {
                let (open, close) = self.business_interval(day);
                let start = open.max(filed);
                if close > start {
                    let available = close - start;
                    if remaining <= available {
                        return start + remaining;
                    }
                    remaining -= available;
                }
            }
            day = day.succ_opt().expect("due date within chrono's range");
        }
    }

    /// The real instants a business day `day` opens and closes.
    fn business_interval(&self, day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
        let (open, close) = match self.hours {
            Some((open, close)) => (day.and_time(open), day.and_time(close)),
            None => {
                let next = day.succ_opt().expect("date within chrono's range");
                (day.and_time(NaiveTime::MIN), next.and_time(NaiveTime::MIN))
            }
        };
        (
            self.instant_clock_reaches(open),
            self.instant_clock_reaches(close),
        )
    }

    /// The first real instant at which the local clock reads `local` or later. On a repeated
    /// (autumn) hour that is the first reading; in a skipped (spring) hour it is the instant the
    /// clock jumps, so consecutive days tile time without gaps or overlaps.
    fn instant_clock_reaches(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.zone.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.to_utc(),
            LocalResult::None => self.end_of_gap(local),
        }
    }

    /// `local` was skipped by a clock change: finds the jump by bisection on real time. UTC
    /// offsets lie within -12h..+14h, so the jump is within a day of `local` read as UTC; this
    /// runs at most twice a year per zone, so the ~17 steps cost nothing in bulk.
    fn end_of_gap(&self, local: NaiveDateTime) -> DateTime<Utc> {
        // Bisect on whole seconds: zone transitions fall on whole seconds.
        let wall_clock = |t: i64| {
            let instant = DateTime::from_timestamp(t, 0).expect("within chrono's range");
            instant.with_timezone(&self.zone).naive_local()
        };
        let local_as_utc = local.and_utc().timestamp();
        let mut before = local_as_utc - 15 * 3600;
        let mut reached = local_as_utc + 13 * 3600;
        while reached - before > 1 {
            let middle = before + (reached - before) / 2;
            if wall_clock(middle) >= local {
                reached = middle;
            } else {
                before = middle;
            }
        }
        DateTime::from_timestamp(reached, 0).expect("within chrono's range")
    }
}

fn plural_hours(hours: u32) -> String {
    if hours == 1 {
        "1 hour".to_string()
    } else {
        format!("{hours} hours")
    }
}

fn format_hours(open: NaiveTime, close: NaiveTime) -> String {
    format!("{}–{}", open.format("%H:%M"), close.format("%H:%M"))
}

/// Runs of consecutive days as ranges: `Sun–Thu`, `Mon, Wed, Fri`, `Sat, Sun`.
fn describe_days(days: &[Weekday]) -> String {
    let mut runs: Vec<Vec<Weekday>> = Vec::new();
    for &day in days {
        match runs.last_mut() {
            Some(run) if run.last().map(|d| d.succ()) == Some(day) => run.push(day),
            _ => runs.push(vec![day]),
        }
    }
    runs.iter()
        .map(|run| match run.as_slice() {
            [first, .., last] if run.len() >= 3 => format!("{first}–{last}"),
            days => days
                .iter()
                .map(Weekday::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::CalendarHours(hours) => write!(f, "{} (24/7)", plural_hours(*hours)),
            Target::BusinessHours(hours) => write!(f, "{hours} business hours"),
        }
    }
}

/// Opening hours in config as one string, `"08:00-17:00"` (an en dash and seconds also read).
mod opening_hours {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    type Hours = Option<(NaiveTime, NaiveTime)>;

    pub fn serialize<S: Serializer>(hours: &Hours, serializer: S) -> Result<S::Ok, S::Error> {
        match hours {
            Some((open, close)) => serializer.collect_str(&format_args!(
                "{}-{}",
                open.format("%H:%M"),
                close.format("%H:%M")
            )),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Hours, D::Error> {
        let Some(text) = Option::<String>::deserialize(deserializer)? else {
            return Ok(None);
        };
        parse(&text).map(Some).ok_or_else(|| {
            D::Error::custom(format!(
                "hours `{text}`: expected opening-closing in 24-hour time, e.g. \"08:00-17:00\""
            ))
        })
    }

    fn parse(text: &str) -> Option<(NaiveTime, NaiveTime)> {
        let (open, close) = text.split_once(['-', '–'])?;
        Some((time(open)?, time(close)?))
    }

    fn time(text: &str) -> Option<NaiveTime> {
        let text = text.trim();
        NaiveTime::parse_from_str(text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use chrono::Offset;

    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn due(plan: Plan, filed: &str) -> String {
        Calendar::cartsaver()
            .first_response_due(plan, utc(filed))
            .to_rfc3339()
    }

    fn cairo_offset_hours(at: &str) -> i32 {
        utc(at)
            .with_timezone(&chrono_tz::Africa::Cairo)
            .offset()
            .fix()
            .local_minus_utc()
            / 3600
    }

    /// Mon–Fri 08:00–17:00 in Los Angeles, 4 business hours: a config value, not code.
    fn los_angeles() -> Calendar {
        let json = r#"{
            "zone": "America/Los_Angeles",
            "business_days": ["Mon", "Tue", "Wed", "Thu", "Fri"],
            "hours": "08:00-17:00",
            "free": {"kind": "business_hours", "hours": 16},
            "advanced": {"kind": "business_hours", "hours": 8},
            "unlimited": {"kind": "business_hours", "hours": 4},
            "scale": {"kind": "calendar_hours", "hours": 1}
        }"#;
        let calendar: Calendar = serde_json::from_str(json).unwrap();
        calendar.validate().unwrap();
        calendar
    }

    fn la_due(filed: &str) -> String {
        los_angeles()
            .first_response_due(Plan::Unlimited, utc(filed))
            .to_rfc3339()
    }

    #[test]
    fn cartsaver_calendar_is_valid_and_has_the_spec_targets() {
        let calendar = Calendar::cartsaver();
        calendar.validate().unwrap();
        assert_eq!(calendar.target(Plan::Free), Target::CalendarHours(48));
        assert_eq!(calendar.target(Plan::Advanced), Target::BusinessHours(24));
        assert_eq!(calendar.target(Plan::Unlimited), Target::BusinessHours(12));
        assert_eq!(calendar.target(Plan::Scale), Target::CalendarHours(2));
    }

    #[test]
    fn cairo_uses_summer_time_since_2023() {
        assert_eq!(cairo_offset_hours("2026-07-14T10:00:00Z"), 3);
        assert_eq!(cairo_offset_hours("2026-01-13T10:00:00Z"), 2);
        // Last Friday of April: 00:00 (+2) jumps to 01:00 (+3) at 2026-04-23T22:00Z.
        assert_eq!(cairo_offset_hours("2026-04-23T21:59:59Z"), 2);
        assert_eq!(cairo_offset_hours("2026-04-23T22:00:00Z"), 3);
        // Last Thursday of October: 24:00 (+3) falls back to 23:00 (+2) at 2026-10-29T21:00Z.
        assert_eq!(cairo_offset_hours("2026-10-29T20:59:59Z"), 3);
        assert_eq!(cairo_offset_hours("2026-10-29T21:00:00Z"), 2);
    }

    #[test]
    fn summer_business_hours_count_in_cairo_summer_time() {
        // Tue 13:00 Cairo (+3).
        assert_eq!(
            due(Plan::Advanced, "2026-07-14T10:00:00Z"),
            "2026-07-15T10:00:00+00:00"
        );
        assert_eq!(
            due(Plan::Unlimited, "2026-07-14T10:00:00Z"),
            "2026-07-14T22:00:00+00:00"
        );
    }

    #[test]
    fn winter_business_hours_count_in_cairo_winter_time() {
        // Tue 12:00 Cairo (+2).
        assert_eq!(
            due(Plan::Advanced, "2026-01-13T10:00:00Z"),
            "2026-01-14T10:00:00+00:00"
        );
        // Wed 12:00 (+2) plus 12 hours ends exactly at Thursday's end, Friday 00:00 Cairo.
        assert_eq!(
            due(Plan::Unlimited, "2026-01-14T10:00:00Z"),
            "2026-01-14T22:00:00+00:00"
        );
    }

    #[test]
    fn weekend_filing_starts_counting_sunday_midnight_cairo() {
        // Fri 12:00 Cairo; Sunday 00:00 Cairo is Saturday 21:00Z.
        assert_eq!(
            due(Plan::Advanced, "2026-07-17T09:00:00Z"),
            "2026-07-19T21:00:00+00:00"
        );
        assert_eq!(
            due(Plan::Unlimited, "2026-07-18T20:59:59Z"),
            "2026-07-19T09:00:00+00:00"
        );
        assert_eq!(
            due(Plan::Unlimited, "2026-07-18T21:00:00Z"),
            "2026-07-19T09:00:00+00:00"
        );
    }

    #[test]
    fn filing_late_on_thursday_spans_the_weekend() {
        // Thu 12:00 Cairo: 12 hours on Thursday, 12 on Sunday.
        assert_eq!(
            due(Plan::Advanced, "2026-07-16T09:00:00Z"),
            "2026-07-19T09:00:00+00:00"
        );
        // Thu 23:00 Cairo: 1 hour on Thursday, 11 on Sunday.
        assert_eq!(
            due(Plan::Unlimited, "2026-07-16T20:00:00Z"),
            "2026-07-19T08:00:00+00:00"
        );
    }

    #[test]
    fn spring_forward_thursday_ends_at_the_jump() {
        // Thu 2026-04-23 22:00 Cairo (+2): Thursday ends at the jump, 2 real hours later; Sunday
        // opens at 00:00 (+3) = Saturday 21:00Z, and 10 more hours make Sunday 10:00 Cairo.
        assert_eq!(
            due(Plan::Unlimited, "2026-04-23T20:00:00Z"),
            "2026-04-26T07:00:00+00:00"
        );
        // Thu 12:00 (+2): 12 hours to Thursday's end, 12 on Sunday (+3).
        assert_eq!(
            due(Plan::Advanced, "2026-04-23T10:00:00Z"),
            "2026-04-26T09:00:00+00:00"
        );
    }

    #[test]
    fn fall_back_thursday_has_25_business_hours() {
        // Thu 2026-10-29 00:00 Cairo (+3) = Wed 21:00Z; 24 real hours later the clock reads
        // 23:00 (+2) on the same Thursday: the repeated hour is business time too.
        assert_eq!(
            due(Plan::Advanced, "2026-10-28T21:00:00Z"),
            "2026-10-29T21:00:00+00:00"
        );
        // Thu 12:00 Cairo (+3) = 09:00Z: 13 real hours left on Thursday, then 11 on Sunday
        // (+2, opening Saturday 22:00Z).
        assert_eq!(
            due(Plan::Advanced, "2026-10-29T09:00:00Z"),
            "2026-11-01T09:00:00+00:00"
        );
        assert_eq!(
            due(Plan::Unlimited, "2026-10-29T09:00:00Z"),
            "2026-10-29T21:00:00+00:00"
        );
    }

    #[test]
    fn business_day_boundaries_tile_time_across_transitions() {
        let calendar = Calendar::cartsaver();
        for (day, hours) in [
            ("2026-04-23", 24),
            ("2026-04-24", 23),
            ("2026-10-29", 25),
            ("2026-10-30", 24),
        ] {
            let day: NaiveDate = day.parse().unwrap();
            let (open, close) = calendar.business_interval(day);
            assert_eq!((close - open).num_hours(), hours, "{day}");
            assert_eq!(
                calendar.business_interval(day.succ_opt().unwrap()).0,
                close,
                "{day}"
            );
        }
    }

    #[test]
    fn free_and_scale_count_calendar_hours_through_weekends() {
        // Thu 23:00 Cairo: 48 wall-clock hours, weekend or not.
        assert_eq!(
            due(Plan::Free, "2026-07-16T20:00:00Z"),
            "2026-07-18T20:00:00+00:00"
        );
        assert_eq!(
            due(Plan::Scale, "2026-07-17T23:30:00Z"),
            "2026-07-18T01:30:00+00:00"
        );
        assert_eq!(
            due(Plan::Scale, "2026-10-29T20:30:00Z"),
            "2026-10-29T22:30:00+00:00"
        );
    }

    #[test]
    fn describe_target_reads_as_the_spec_promises() {
        let calendar = Calendar::cartsaver();
        assert_eq!(
            calendar.describe_target(Plan::Free),
            "subject to availability, typically 24–48 hours"
        );
        assert_eq!(
            calendar.describe_target(Plan::Advanced),
            "within 24 business hours (Sun–Thu, Africa/Cairo)"
        );
        assert_eq!(
            calendar.describe_target(Plan::Unlimited),
            "within 12 business hours (Sun–Thu, Africa/Cairo)"
        );
        assert_eq!(
            calendar.describe_target(Plan::Scale),
            "within 2 hours, 24/7"
        );
    }

    #[test]
    fn describe_target_shows_opening_hours_and_odd_day_sets() {
        let mut calendar = los_angeles();
        assert_eq!(
            calendar.describe_target(Plan::Unlimited),
            "within 4 business hours (Mon–Fri 08:00–17:00, America/Los_Angeles)"
        );
        assert_eq!(calendar.describe_target(Plan::Scale), "within 1 hour, 24/7");
        assert_eq!(
            calendar.describe_target(Plan::Free),
            "subject to availability, typically within 16 business hours (Mon–Fri 08:00–17:00, America/Los_Angeles)"
        );
        calendar.business_days = vec![Weekday::Mon, Weekday::Wed, Weekday::Fri, Weekday::Sat];
        assert!(
            calendar
                .describe_business_time()
                .starts_with("Mon, Wed, Fri, Sat 08:00")
        );
    }

    #[test]
    fn opening_hours_friday_afternoon_is_due_monday_morning() {
        // Fri 2026-03-06 15:00 PST: 2 hours on Friday, then Monday 08:00 PDT (DST began Sunday
        // 03-08) plus 2 hours = 10:00 PDT.
        assert_eq!(la_due("2026-03-06T23:00:00Z"), "2026-03-09T17:00:00+00:00");
        // Fri 2026-10-30 15:00 PDT to Monday 11-02 10:00 PST (DST ended Sunday 11-01).
        assert_eq!(la_due("2026-10-30T22:00:00Z"), "2026-11-02T18:00:00+00:00");
    }

    #[test]
    fn opening_hours_before_opening_after_closing_and_on_weekends() {
        // Mon 06:00 PDT: counting starts at 08:00.
        assert_eq!(la_due("2026-07-13T13:00:00Z"), "2026-07-13T19:00:00+00:00");
        // Tue 18:00 PDT: after closing; Wednesday 12:00.
        assert_eq!(la_due("2026-07-15T01:00:00Z"), "2026-07-15T19:00:00+00:00");
        // Sat 10:00 PDT: Monday 12:00.
        assert_eq!(la_due("2026-07-18T17:00:00Z"), "2026-07-20T19:00:00+00:00");
        // Thu 16:00 PDT, 8 hours: 1 on Thursday, 7 on Friday: Friday 15:00.
        let calendar = los_angeles();
        let due = calendar.first_response_due(Plan::Advanced, utc("2026-07-16T23:00:00Z"));
        assert_eq!(due.to_rfc3339(), "2026-07-17T22:00:00+00:00");
    }

    #[test]
    fn calendar_round_trips_through_json_in_its_config_form() {
        let calendar = los_angeles();
        let json = serde_json::to_value(&calendar).unwrap();
        assert_eq!(json["zone"], "America/Los_Angeles");
        assert_eq!(json["business_days"][0], "Mon");
        assert_eq!(json["hours"], "08:00-17:00");
        assert_eq!(
            json["unlimited"],
            serde_json::json!({"kind": "business_hours", "hours": 4})
        );
        assert_eq!(serde_json::from_value::<Calendar>(json).unwrap(), calendar);

        let cartsaver = serde_json::to_value(Calendar::cartsaver()).unwrap();
        assert!(cartsaver.get("hours").is_none());
        assert_eq!(
            serde_json::from_value::<Calendar>(cartsaver).unwrap(),
            Calendar::cartsaver()
        );
    }

    #[test]
    fn config_reads_day_names_and_hours_leniently() {
        let json = r#"{"zone": "Africa/Cairo", "business_days": ["sunday", "MON"], "hours": "8:30 – 16:00:00",
            "free": {"kind": "calendar_hours", "hours": 1}, "advanced": {"kind": "calendar_hours", "hours": 1},
            "unlimited": {"kind": "calendar_hours", "hours": 1}, "scale": {"kind": "calendar_hours", "hours": 1}}"#;
        let calendar: Calendar = serde_json::from_str(json).unwrap();
        assert_eq!(calendar.business_days, vec![Weekday::Sun, Weekday::Mon]);
        assert_eq!(
            calendar.hours,
            Some((
                NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
                NaiveTime::from_hms_opt(16, 0, 0).unwrap()
            ))
        );
    }

    #[test]
    fn config_with_bad_hours_or_unknown_keys_is_refused_with_an_example() {
        let mut json = serde_json::to_value(los_angeles()).unwrap();
        json["hours"] = "9 to 5".into();
        let err = serde_json::from_value::<Calendar>(json.clone())
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"08:00-17:00\""), "{err}");
        json["hours"] = "09:00-17:00".into();
        json["timezone"] = "UTC".into();
        assert!(serde_json::from_value::<Calendar>(json).is_err());
    }

    #[test]
    fn from_toml_names_every_problem_of_the_file_at_once() {
        let error = Calendar::from_toml(
            r#"
            zone = "Mars/Base"
            days = ["Mon"]
            business_days = ["Funday"]
            hours = "25:00-26:00"
            free = { kind = "calendar_hours", hours = 48 }
            advanced = { kind = "business_hours", hours = 4 }
            unlimited = { kind = "business_hours", hours = 4 }
            "#,
        )
        .unwrap_err();
        let all = error.problems.join("\n");
        assert_eq!(error.problems.len(), 5, "{all}");
        for words in [
            "unknown key `days`",
            "`scale` is missing",
            "`zone`",
            "`business_days`",
            "`hours`",
        ] {
            assert!(all.contains(words), "{words:?} in {all}");
        }
        let example = include_str!("../../docs/calendar-example.toml");
        assert!(Calendar::from_toml(example).is_ok());
    }

    #[test]
    fn validate_lists_every_problem_clearly() {
        let mut calendar = los_angeles();
        calendar.business_days = vec![];
        calendar.hours = Some((
            NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        ));
        calendar.scale = Target::CalendarHours(0);
        let err = calendar.validate().unwrap_err();
        assert_eq!(err.problems.len(), 3, "{err}");
        let text = err.to_string();
        assert!(
            text.starts_with("invalid support calendar: business_days is empty"),
            "{text}"
        );
        assert!(
            text.contains("hours 17:00–08:00 must open before they close"),
            "{text}"
        );
        assert!(text.contains("the scale target is 0 hours"), "{text}");

        let mut calendar = Calendar::cartsaver();
        calendar.business_days.push(Weekday::Sun);
        assert_eq!(
            calendar.validate().unwrap_err().problems,
            vec!["business_days lists Sun more than once"]
        );
    }

    #[test]
    fn calendar_without_business_time_falls_back_to_wall_clock_hours() {
        let mut calendar = Calendar::cartsaver();
        calendar.business_days.clear();
        let filed = utc("2026-07-14T10:00:00Z");
        assert_eq!(
            calendar.first_response_due(Plan::Advanced, filed),
            filed + TimeDelta::hours(24)
        );
    }

    #[test]
    fn due_time_is_never_before_filing_and_grows_with_the_target() {
        let calendar = Calendar::cartsaver();
        let mut filed = utc("2026-01-01T00:00:00Z");
        while filed < utc("2027-01-01T00:00:00Z") {
            let unlimited = calendar.first_response_due(Plan::Unlimited, filed);
            let advanced = calendar.first_response_due(Plan::Advanced, filed);
            assert!(
                filed + TimeDelta::hours(12) <= unlimited && unlimited < advanced,
                "{filed}"
            );
            filed += TimeDelta::minutes(97);
        }
    }

    #[test]
    #[ignore = "timing; run with --ignored --nocapture"]
    fn measure_first_response_due_in_bulk() {
        let calendar = Calendar::cartsaver();
        let start = std::time::Instant::now();
        let mut filed = utc("2026-01-01T00:00:00Z");
        for _ in 0..100_000 {
            std::hint::black_box(calendar.first_response_due(Plan::Advanced, filed));
            filed += TimeDelta::minutes(5);
        }
        println!("100k advanced due times: {:?}", start.elapsed());
    }
}
