//! `at`: when the issue happened, normalized to UTC with seconds precision (docs/contract.md §2).
//!
//! Owns the `at` parser used by the prompt, `--at`, the bulk column and the desk API. It reads
//! RFC 3339 / ISO 8601 (extended or basic format) with `Z` or an offset, and `now`. Parsing is
//! hand-rolled over bytes because bulk submission calls it once per row: no regex, no allocation
//! unless a note or an error has to be written. The clock and the local zone are arguments; this
//! file never reads them itself.

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc,
};

use super::{Field, FieldError, Note, Parsed};

/// How far ahead of the clock a time may be: clocks drift, and "now" typed a minute later is fine.
const FUTURE_TOLERANCE: TimeDelta = TimeDelta::minutes(5);
/// Past this age the provider logs support needs may be gone.
const LOGS_KEPT_DAYS: i64 = 30;

const EXAMPLES: &str =
    "e.g. 2026-11-20T14:03:00Z (UTC), 2026-11-20T16:03+02:00, 20261120T140300Z, or now";

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
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldError::missing(
            Field::At,
            format!("missing; give when the issue happened, with its zone, {EXAMPLES}"),
        ));
    }
    // Everything is compared at seconds precision, like the value we return.
    let now = truncate_to_seconds(now);
    if input.eq_ignore_ascii_case("now") {
        return Ok(Parsed::new(now));
    }
    if let Some(error) = unix_time_error(input) {
        return Err(error);
    }
    let Some(written) = lex(input.as_bytes()) else {
        return Err(unparseable(input));
    };
    let wall = wall_clock(input, &written)?;
    let (at, mut parsed) = match written.zone {
        Zone::Missing => return Err(no_zone(input, wall, local)),
        Zone::Utc => {
            let at = wall.and_utc();
            (at, Parsed::new(at))
        }
        Zone::Offset(offset) => from_offset(input, wall, offset)?,
    };
    if at - now > FUTURE_TOLERANCE {
        return Err(future(input, at, now, &written, wall, local));
    }
    if at.year() < EARLIEST_YEAR {
        return Err(FieldError::new(
            Field::At,
            input,
            "too_old",
            format!(
                "is in {}, before Cartsaver existed; check the year, {EXAMPLES}",
                at.year()
            ),
        ));
    }
    let age = now - at;
    if age > TimeDelta::days(LOGS_KEPT_DAYS) {
        parsed.notes.push(Note::warning(format!(
            "{} days before now; provider logs older than {LOGS_KEPT_DAYS} days may have expired, \
             so support may not find this attempt in them",
            age.num_days()
        )));
    }
    Ok(parsed)
}

/// Anything earlier is a typo in the year (or a placeholder like `0000-01-01`), and would not
/// sort as text with the times the desk stores.
const EARLIEST_YEAR: i32 = 2000;

fn truncate_to_seconds(at: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(at.timestamp(), 0).unwrap_or(at)
}

// ---------------------------------------------------------------------------------------------
// Reading the text: a small byte cursor and the ISO 8601 shapes we accept.

/// What the text says, before any range check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    year: i32,
    month: u32,
    day: u32,
    /// `None` for a date alone.
    time: Option<WallTime>,
    zone: Zone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WallTime {
    hour: u32,
    minute: u32,
    second: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Missing,
    Utc,
    /// As written, not yet range-checked.
    Offset(WrittenOffset),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WrittenOffset {
    negative: bool,
    hours: u32,
    minutes: u32,
}

impl WrittenOffset {
    /// Seconds east of UTC, if this is a real zone's offset: they run from -12:00 to +14:00.
    fn seconds(self) -> Option<i32> {
        let seconds = (self.hours * 3600 + self.minutes * 60) as i32;
        let seconds = if self.negative { -seconds } else { seconds };
        let in_use = (-12 * 3600..=14 * 3600).contains(&seconds);
        (self.minutes < 60 && in_use).then_some(seconds)
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Cursor<'a> {
        Cursor { bytes, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn eat(&mut self, wanted: u8) -> bool {
        self.eat_any(&[wanted])
    }

    fn eat_any(&mut self, set: &[u8]) -> bool {
        match self.peek() {
            Some(b) if set.contains(&b) => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }

    fn eat_word_ignore_case(&mut self, word: &[u8]) -> bool {
        let end = self.pos + word.len();
        match self.bytes.get(self.pos..end) {
            Some(found) if found.eq_ignore_ascii_case(word) => {
                self.pos = end;
                true
            }
            _ => false,
        }
    }

    /// Exactly `width` ASCII digits; the cursor does not move when they are not there.
    fn number(&mut self, width: usize) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + width)?;
        let mut value = 0;
        for &b in digits {
            if !b.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(b - b'0');
        }
        self.pos += width;
        Some(value)
    }

    fn skip_digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }
}

/// `YYYY-MM-DD` or `YYYYMMDD`, then optionally `T`/`t`/space, a time and a zone.
fn lex(bytes: &[u8]) -> Option<Written> {
    let mut c = Cursor::new(bytes);
    let year = c.number(4)?;
    let extended = c.eat(b'-');
    let month = c.number(2)?;
    if extended && !c.eat(b'-') {
        return None;
    }
    let day = c.number(2)?;
    let mut written = Written {
        year: year as i32,
        month,
        day,
        time: None,
        zone: Zone::Missing,
    };
    if c.at_end() {
        return Some(written);
    }
    if !c.eat_any(b"Tt ") {
        return None;
    }
    written.time = Some(lex_time(&mut c)?);
    // "14:03 UTC", "14:03 +02:00": people put a space before the zone.
    c.eat(b' ');
    written.zone = lex_zone(&mut c)?;
    c.at_end().then_some(written)
}

/// `HH:MM[:SS[.fff]]` or `HHMM[SS[.fff]]`; a fraction (`.` or `,`) only after seconds.
fn lex_time(c: &mut Cursor) -> Option<WallTime> {
    let hour = c.number(2)?;
    let extended = c.eat(b':');
    let minute = c.number(2)?;
    let second = if !extended {
        c.number(2)
    } else if c.eat(b':') {
        Some(c.number(2)?)
    } else {
        None
    };
    if second.is_some() && c.eat_any(b".,") && c.skip_digits() == 0 {
        return None;
    }
    Some(WallTime {
        hour,
        minute,
        second: second.unwrap_or(0),
    })
}

/// `Z`, `+HH:MM`, `+HHMM`, `+HH`, `UTC`/`GMT`, or nothing.
fn lex_zone(c: &mut Cursor) -> Option<Zone> {
    match c.peek() {
        None => Some(Zone::Missing),
        Some(b'Z' | b'z') => {
            c.pos += 1;
            Some(Zone::Utc)
        }
        Some(sign @ (b'+' | b'-')) => {
            c.pos += 1;
            let hours = c.number(2)?;
            let minutes = if c.eat(b':') {
                c.number(2)?
            } else {
                c.number(2).unwrap_or(0)
            };
            Some(Zone::Offset(WrittenOffset {
                negative: sign == b'-',
                hours,
                minutes,
            }))
        }
        _ if c.eat_word_ignore_case(b"UTC") || c.eat_word_ignore_case(b"GMT") => Some(Zone::Utc),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Checking what was read.

/// The written date and time as a calendar value, or why it is not one.
fn wall_clock(input: &str, w: &Written) -> Result<NaiveDateTime, FieldError> {
    let date = calendar_date(input, w)?;
    let Some(time) = w.time else {
        return Err(FieldError::new(
            Field::At,
            input,
            "no_time",
            format!(
                "a date alone is not enough to find the logs; add the time and its zone, \
                 e.g. {date}T14:03:00Z (UTC) or {date}T16:03+02:00"
            ),
        ));
    };
    let out_of_range = |what: &str, value: u32, range: &str| {
        FieldError::new(
            Field::At,
            input,
            "bad_time",
            format!("{what} {value:02} does not exist; {what}s run {range}, e.g. 14:03:00"),
        )
    };
    if time.hour > 23 {
        return Err(out_of_range("hour", time.hour, "00–23"));
    }
    if time.minute > 59 {
        return Err(out_of_range("minute", time.minute, "00–59"));
    }
    if time.second > 60 {
        return Err(out_of_range("second", time.second, "00–59"));
    }
    // A leap second (:60) is real in RFC 3339; at seconds precision it is the second before.
    let second = time.second.min(59);
    Ok(date
        .and_hms_opt(time.hour, time.minute, second)
        .expect("time checked above"))
}

fn calendar_date(input: &str, w: &Written) -> Result<NaiveDate, FieldError> {
    let bad_date = |why: String| {
        FieldError::new(
            Field::At,
            input,
            "bad_date",
            format!("{why}; dates are year-month-day, e.g. 2026-11-20T14:03:00Z"),
        )
    };
    if !(1..=12).contains(&w.month) {
        return Err(bad_date(format!(
            "month {:02} does not exist (months run 01–12)",
            w.month
        )));
    }
    NaiveDate::from_ymd_opt(w.year, w.month, w.day).ok_or_else(|| {
        let days = days_in_month(w.year, w.month);
        let month = MONTHS[w.month as usize - 1];
        bad_date(format!(
            "day {:02} does not exist: {month} {} has {days} days",
            w.day, w.year
        ))
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

fn from_offset(
    input: &str,
    wall: NaiveDateTime,
    written: WrittenOffset,
) -> Result<(DateTime<Utc>, Parsed<DateTime<Utc>>), FieldError> {
    let Some(offset_seconds) = written.seconds() else {
        let sign = if written.negative { '-' } else { '+' };
        return Err(FieldError::new(
            Field::At,
            input,
            "bad_offset",
            format!(
                "the offset {sign}{:02}:{:02} is not a time zone; offsets run from -12:00 to \
                 +14:00, e.g. 2026-11-20T16:03+02:00",
                written.hours, written.minutes
            ),
        ));
    };
    let at = wall.and_utc() - TimeDelta::seconds(i64::from(offset_seconds));
    let mut parsed = Parsed::new(at);
    if offset_seconds != 0 {
        parsed.notes.push(Note::info(format!(
            "converted from {}: {} is {}",
            offset_text(offset_seconds),
            format_with_offset(wall, offset_seconds),
            format_utc(at)
        )));
    }
    Ok((at, parsed))
}

/// `+02:00`, `-05:30`.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `2026-11-20T16:03:00+02:00`.
fn format_with_offset(wall: NaiveDateTime, offset_seconds: i32) -> String {
    format!(
        "{}{}",
        wall.format("%Y-%m-%dT%H:%M:%S"),
        offset_text(offset_seconds)
    )
}

// ---------------------------------------------------------------------------------------------
// Errors that need more than one line of reasoning.

/// A time without a zone could be UTC or local time: show both readings rather than guess.
fn no_zone<Tz: TimeZone>(input: &str, wall: NaiveDateTime, local: &Tz) -> FieldError
where
    Tz::Offset: std::fmt::Display,
{
    let as_utc = format_utc(wall.and_utc());
    let message = match local.from_local_datetime(&wall) {
        LocalResult::Single(t) if t.offset().fix().local_minus_utc() == 0 => {
            let zone = match t.offset().to_string() {
                name if name == "UTC" => "your local zone is UTC".to_string(),
                name => format!("your local zone ({name}) is UTC at that date"),
            };
            format!(
                "no time zone given; {zone}, so it reads {as_utc} either way; add `Z` to say \
                 so: {as_utc}"
            )
        }
        LocalResult::Single(t) => format!(
            "no time zone given, so it is ambiguous: as UTC it is {as_utc}; as local time ({}) \
             it is {}; add `Z` if it is UTC or the offset if it is local time, e.g. {}",
            zone_label(&t),
            local_reading(&t),
            format_with_offset(wall, t.offset().fix().local_minus_utc())
        ),
        LocalResult::Ambiguous(a, b) => format!(
            "no time zone given, so it is ambiguous: as UTC it is {as_utc}; as local time it \
             happened twice (the clocks went back): {} ({}) or {} ({}); add `Z` if it is UTC or \
             the offset you meant, e.g. {}",
            local_reading(&a),
            zone_label(&a),
            local_reading(&b),
            zone_label(&b),
            format_with_offset(wall, a.offset().fix().local_minus_utc())
        ),
        LocalResult::None => format!(
            "no time zone given: as UTC it is {as_utc}; as local time it does not exist (the \
             clocks went forward over it); add `Z` if it is UTC or the offset you meant, \
             e.g. {}",
            format_with_offset(wall, 0).replace("+00:00", "Z")
        ),
    };
    FieldError::new(Field::At, input, "no_zone", message)
}

/// `EET, +02:00` for a named zone; `+02:00` when the zone has no other name.
fn zone_label<Tz: TimeZone>(t: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let numeric = offset_text(t.offset().fix().local_minus_utc());
    let name = t.offset().to_string();
    if name.is_empty() || name == numeric {
        numeric
    } else {
        format!("{name}, {numeric}")
    }
}

/// `2026-11-20T14:03:00+02:00 = 2026-11-20T12:03:00Z`.
fn local_reading<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    format!(
        "{} = {}",
        format_with_offset(t.naive_local(), t.offset().fix().local_minus_utc()),
        format_utc(t.with_timezone(&Utc))
    )
}

/// A time in the future is usually local time written with `Z` (or the wrong date).
fn future<Tz: TimeZone>(
    input: &str,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    written: &Written,
    wall: NaiveDateTime,
    local: &Tz,
) -> FieldError
where
    Tz::Offset: std::fmt::Display,
{
    // Rounded up: 5 min 1 s ahead is past the tolerance, so it must not read "5 min".
    let ahead = human_duration(at - now + TimeDelta::seconds(59));
    let now_text = format_utc(now);
    let local_hint = match (written.zone, local.from_local_datetime(&wall)) {
        (Zone::Utc, LocalResult::Single(t))
            if t.offset().fix().local_minus_utc() != 0
                && t.with_timezone(&Utc) - now <= FUTURE_TOLERANCE =>
        {
            format!(
                "; if {} was your local time ({}), write {}",
                wall.format("%H:%M"),
                zone_label(&t),
                format_with_offset(wall, t.offset().fix().local_minus_utc())
            )
        }
        _ => String::new(),
    };
    FieldError::new(
        Field::At,
        input,
        "future",
        format!(
            "{ahead} after now ({now_text}); check the date and the zone — a time in the future \
             is often local time written with `Z`{local_hint}"
        ),
    )
}

/// `7 min`, `2 h 15 min`, `3 days`.
fn human_duration(d: TimeDelta) -> String {
    let minutes = d.num_minutes();
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) if h < 48 => format!("{h} h"),
        (h, m) if h < 48 => format!("{h} h {m} min"),
        (h, _) => format!("{} days", h / 24),
    }
}

/// 9–13 digits alone: seconds (or, with 13, milliseconds) since 1970, as logs and APIs print.
fn unix_time_error(input: &str) -> Option<FieldError> {
    let (whole, fraction) = input.split_once('.').unwrap_or((input, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(9..=13).contains(&whole.len()) || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let number: i64 = whole.parse().ok()?;
    let (seconds, unit) = if whole.len() == 13 {
        (number / 1000, "milliseconds")
    } else {
        (number, "seconds")
    };
    let as_iso = DateTime::from_timestamp(seconds, 0).map(format_utc)?;
    Some(FieldError::new(
        Field::At,
        input,
        "unix_time",
        format!(
            "looks like a Unix time ({unit} since 1970-01-01 UTC); write it in ISO 8601 instead: \
             --at {as_iso}"
        ),
    ))
}

fn unparseable(input: &str) -> FieldError {
    let hint = if input.contains('/') {
        "; write the date year-first with dashes (2026-11-20): 11/12/2026 means different days \
         in different countries"
    } else {
        ""
    };
    FieldError::new(
        Field::At,
        input,
        "unparseable",
        format!(
            "not a date and time this can read{hint}; write ISO 8601 with the zone, {EXAMPLES}"
        ),
    )
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;
    use chrono_tz::Africa::Cairo;

    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-20T15:00:00.750Z".parse().unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn ok(input: &str) -> Parsed<DateTime<Utc>> {
        parse_at(input, now(), &Cairo).unwrap_or_else(|e| panic!("{input}: {e}"))
    }

    fn accepted(input: &str) -> String {
        format_utc(ok(input).value)
    }

    fn err(input: &str) -> FieldError {
        match parse_at(input, now(), &Cairo) {
            Ok(p) => panic!("{input} accepted as {}", format_utc(p.value)),
            Err(e) => e,
        }
    }

    #[test]
    fn format_utc_writes_z_and_seconds() {
        assert_eq!(
            format_utc(utc("2026-11-20T14:03:00.999Z")),
            "2026-11-20T14:03:00Z"
        );
    }

    #[test]
    fn extended_utc_forms_normalize_to_seconds() {
        for input in [
            "2026-11-20T14:03:00Z",
            "2026-11-20T14:03Z",
            "2026-11-20 14:03:00Z",
            "2026-11-20t14:03:00z",
            "  2026-11-20T14:03:00Z  ",
            "2026-11-20T14:03:00+00:00",
            "2026-11-20T14:03:00-00:00",
            "2026-11-20 14:03 UTC",
            "2026-11-20 14:03 gmt",
        ] {
            assert_eq!(accepted(input), "2026-11-20T14:03:00Z", "{input}");
        }
    }

    #[test]
    fn fractions_are_truncated_not_rounded() {
        assert_eq!(accepted("2026-11-20T14:03:00.123Z"), "2026-11-20T14:03:00Z");
        assert_eq!(
            accepted("2026-11-20T14:03:59.999999999Z"),
            "2026-11-20T14:03:59Z"
        );
        assert_eq!(accepted("2026-11-20T14:03:05,5Z"), "2026-11-20T14:03:05Z");
        assert_eq!(accepted("20261120T140300.5Z"), "2026-11-20T14:03:00Z");
    }

    #[test]
    fn basic_format_is_accepted() {
        assert_eq!(accepted("20261120T140300Z"), "2026-11-20T14:03:00Z");
        assert_eq!(accepted("20261120T1403Z"), "2026-11-20T14:03:00Z");
        assert_eq!(accepted("20261120T160300+0200"), "2026-11-20T14:03:00Z");
        assert_eq!(accepted("20261120T1603+02"), "2026-11-20T14:03:00Z");
    }

    #[test]
    fn utc_input_has_no_notes() {
        assert!(ok("2026-11-20T14:03:00Z").notes.is_empty());
        assert!(ok("2026-11-20T14:03:00+00:00").notes.is_empty());
    }

    #[test]
    fn offset_is_converted_with_a_note() {
        let parsed = ok("2026-11-20T16:03+02:00");
        assert_eq!(format_utc(parsed.value), "2026-11-20T14:03:00Z");
        assert_eq!(
            parsed.notes,
            vec![Note::info(
                "converted from +02:00: 2026-11-20T16:03:00+02:00 is 2026-11-20T14:03:00Z"
            )]
        );
        let west = ok("2026-11-20T09:33:00-04:30");
        assert_eq!(format_utc(west.value), "2026-11-20T14:03:00Z");
        assert!(west.notes[0].text.starts_with("converted from -04:30:"));
    }

    #[test]
    fn offset_crossing_midnight_changes_the_date() {
        assert_eq!(
            accepted("2026-11-20T01:30:00+05:30"),
            "2026-11-19T20:00:00Z"
        );
    }

    #[test]
    fn leap_second_reads_as_the_second_before() {
        assert_eq!(accepted("2026-06-30T23:59:60Z"), "2026-06-30T23:59:59Z");
    }

    #[test]
    fn now_is_the_clock_truncated_to_seconds_in_any_case() {
        for input in ["now", "NOW", " Now "] {
            let parsed = ok(input);
            assert_eq!(format_utc(parsed.value), "2026-11-20T15:00:00Z");
            assert_eq!(parsed.value.timestamp_subsec_nanos(), 0);
            assert!(parsed.notes.is_empty());
        }
    }

    #[test]
    fn empty_input_is_missing_with_examples() {
        let e = err("  ");
        assert_eq!(e.code, "missing");
        assert!(e.message.contains("2026-11-20T14:03:00Z") && e.message.contains("now"));
    }

    #[test]
    fn no_zone_shows_utc_and_local_readings() {
        for input in ["2026-11-20 14:03", "2026-11-20T14:03:00", "20261120T1403"] {
            let e = err(input);
            assert_eq!(e.code, "no_zone", "{input}");
            assert_eq!(e.input, input);
            assert!(
                e.message.contains("as UTC it is 2026-11-20T14:03:00Z"),
                "{}",
                e.message
            );
            assert!(
                e.message.contains(
                    "(EET, +02:00) it is 2026-11-20T14:03:00+02:00 = 2026-11-20T12:03:00Z"
                ),
                "{}",
                e.message
            );
            assert!(e.message.contains("add `Z`"), "{}", e.message);
        }
    }

    #[test]
    fn no_zone_with_a_fixed_offset_local_zone_names_the_offset_once() {
        let local = FixedOffset::west_opt(5 * 3600).unwrap();
        let e = parse_at("2026-11-20T09:03", now(), &local).unwrap_err();
        assert_eq!(e.code, "no_zone");
        assert!(
            e.message.contains(
                "as local time (-05:00) it is 2026-11-20T09:03:00-05:00 = 2026-11-20T14:03:00Z"
            ),
            "{}",
            e.message
        );
    }

    #[test]
    fn no_zone_when_local_is_utc_says_both_readings_agree() {
        let e = parse_at("2026-11-20 14:03", now(), &Utc).unwrap_err();
        assert_eq!(e.code, "no_zone");
        assert!(
            e.message.contains("your local zone is UTC, so"),
            "{}",
            e.message
        );
        assert_eq!(
            e.message.matches("2026-11-20T14:03:00Z").count(),
            2,
            "{}",
            e.message
        );
        assert!(!e.message.contains("ambiguous"), "{}", e.message);
    }

    #[test]
    fn no_zone_when_local_is_at_utc_offset_names_the_zone() {
        let london = chrono_tz::Europe::London;
        let e = parse_at("2026-11-20 14:03", now(), &london).unwrap_err();
        assert_eq!(e.code, "no_zone");
        assert!(
            e.message
                .contains("your local zone (GMT) is UTC at that date"),
            "{}",
            e.message
        );
    }

    #[test]
    fn no_zone_in_a_dst_gap_says_the_local_time_does_not_exist() {
        // Egypt springs forward at 00:00 on the last Friday of April (2026-04-24).
        let e = parse_at("2026-04-24T00:30", now(), &Cairo).unwrap_err();
        assert_eq!(e.code, "no_zone");
        assert!(e.message.contains("does not exist"), "{}", e.message);
        assert!(e.message.contains("2026-04-24T00:30:00Z"), "{}", e.message);
    }

    #[test]
    fn no_zone_in_a_dst_overlap_shows_both_local_readings() {
        // Egypt falls back at 24:00 on the last Thursday of October (2026-10-29).
        let e = parse_at("2026-10-29T23:30", now(), &Cairo).unwrap_err();
        assert_eq!(e.code, "no_zone");
        assert!(
            e.message
                .contains("2026-10-29T23:30:00+03:00 = 2026-10-29T20:30:00Z"),
            "{}",
            e.message
        );
        assert!(
            e.message
                .contains("2026-10-29T23:30:00+02:00 = 2026-10-29T21:30:00Z"),
            "{}",
            e.message
        );
    }

    #[test]
    fn date_alone_asks_for_a_time() {
        for input in ["2026-11-20", "20261120"] {
            let e = err(input);
            assert_eq!(e.code, "no_time", "{input}");
            assert!(e.message.contains("add the time"), "{}", e.message);
            assert!(e.message.contains("2026-11-20T14:03:00Z"), "{}", e.message);
        }
    }

    #[test]
    fn up_to_five_minutes_ahead_is_accepted() {
        assert_eq!(accepted("2026-11-20T15:05:00Z"), "2026-11-20T15:05:00Z");
    }

    #[test]
    fn one_second_past_the_tolerance_does_not_read_as_five_minutes() {
        let e = err("2026-11-20T15:05:01Z");
        assert_eq!(e.code, "future");
        assert!(e.message.starts_with("6 min after now"), "{}", e.message);
    }

    #[test]
    fn a_year_before_2000_is_a_typo() {
        let e = err("0000-01-01T00:00:00+14:00");
        assert_eq!(e.code, "too_old");
        assert!(e.message.contains("check the year"), "{}", e.message);
        assert_eq!(err("1999-12-31T23:59:59Z").code, "too_old");
    }

    #[test]
    fn more_than_five_minutes_ahead_is_future_and_suggests_local_time() {
        let e = err("2026-11-20T16:30:00Z");
        assert_eq!(e.code, "future");
        assert!(
            e.message
                .contains("1 h 30 min after now (2026-11-20T15:00:00Z)"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("local time written with `Z`"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("write 2026-11-20T16:30:00+02:00"),
            "{}",
            e.message
        );
    }

    #[test]
    fn far_future_does_not_suggest_a_local_reading_that_is_also_future() {
        let e = err("2027-01-05T10:00:00Z");
        assert_eq!(e.code, "future");
        assert!(e.message.contains("45 days after now"), "{}", e.message);
        assert!(!e.message.contains("+02:00"), "{}", e.message);
    }

    #[test]
    fn future_with_an_offset_is_checked_after_conversion() {
        assert_eq!(accepted("2026-11-20T17:00+02:00"), "2026-11-20T15:00:00Z");
        assert_eq!(err("2026-11-20T17:10+02:00").code, "future");
    }

    #[test]
    fn older_than_thirty_days_warns_that_logs_may_have_expired() {
        let parsed = ok("2026-10-01T10:00:00Z");
        assert_eq!(format_utc(parsed.value), "2026-10-01T10:00:00Z");
        assert_eq!(parsed.notes.len(), 1);
        assert!(parsed.notes[0].is_warning());
        assert!(
            parsed.notes[0].text.starts_with("50 days before now"),
            "{}",
            parsed.notes[0]
        );
        assert!(parsed.notes[0].text.contains("logs"));
    }

    #[test]
    fn thirty_days_exactly_has_no_warning() {
        assert!(ok("2026-10-21T15:00:00Z").notes.is_empty());
    }

    #[test]
    fn old_offset_input_gets_both_conversion_note_and_warning() {
        let parsed = ok("2026-09-01T12:00+02:00");
        assert_eq!(parsed.notes.len(), 2);
        assert!(!parsed.notes[0].is_warning());
        assert!(parsed.notes[1].is_warning());
    }

    #[test]
    fn unix_seconds_suggest_the_iso_form() {
        let seconds = utc("2026-11-20T14:03:00Z").timestamp().to_string();
        let e = err(&seconds);
        assert_eq!(e.code, "unix_time");
        assert!(e.message.contains("seconds since 1970"), "{}", e.message);
        assert!(
            e.message.ends_with("--at 2026-11-20T14:03:00Z"),
            "{}",
            e.message
        );
        assert_eq!(err(&format!("{seconds}.25")).code, "unix_time");
        assert_eq!(err("999999999").code, "unix_time");
    }

    #[test]
    fn unix_milliseconds_suggest_the_iso_form() {
        let millis = (utc("2026-11-20T14:03:00Z").timestamp() * 1000 + 456).to_string();
        let e = err(&millis);
        assert_eq!(e.code, "unix_time");
        assert!(
            e.message.contains("milliseconds since 1970"),
            "{}",
            e.message
        );
        assert!(
            e.message.ends_with("--at 2026-11-20T14:03:00Z"),
            "{}",
            e.message
        );
    }

    #[test]
    fn digit_runs_outside_unix_lengths_are_unparseable() {
        assert_eq!(err("12345678901234").code, "unparseable");
        assert_eq!(err("1234567").code, "unparseable");
    }

    #[test]
    fn unparseable_text_lists_accepted_forms() {
        for input in [
            "yesterday",
            "14:03",
            "2026-11-20T14Z",
            "2026-11-20T14:03:00.Z",
            "2026-11-20T14:03:00 EET",
            "2026-1120T14:03Z",
            "2026-11-20T14:03:00Zjunk",
            "2026-11-20X14:03Z",
        ] {
            let e = err(input);
            assert_eq!(e.code, "unparseable", "{input}");
            assert!(e.message.contains("2026-11-20T14:03:00Z"), "{}", e.message);
            assert!(e.message.contains("20261120T140300Z"), "{}", e.message);
        }
    }

    #[test]
    fn slash_dates_are_told_to_go_year_first() {
        let e = err("20/11/2026 14:03");
        assert_eq!(e.code, "unparseable");
        assert!(e.message.contains("year-first"), "{}", e.message);
    }

    #[test]
    fn impossible_dates_are_bad_date_with_the_month_length() {
        let e = err("2026-02-30T10:00Z");
        assert_eq!(e.code, "bad_date");
        assert!(
            e.message.contains("February 2026 has 28 days"),
            "{}",
            e.message
        );
        assert_eq!(accepted("2024-02-29T10:00Z"), "2024-02-29T10:00:00Z");
        let e = err("2026-13-01T10:00Z");
        assert_eq!(e.code, "bad_date");
        assert!(e.message.contains("month 13"), "{}", e.message);
        assert_eq!(err("2026-11-00T10:00Z").code, "bad_date");
    }

    #[test]
    fn impossible_times_are_bad_time() {
        let e = err("2026-11-20T24:00Z");
        assert_eq!(e.code, "bad_time");
        assert!(e.message.contains("hours run 00–23"), "{}", e.message);
        assert_eq!(err("2026-11-20T12:60Z").code, "bad_time");
        assert_eq!(err("2026-11-20T12:00:61Z").code, "bad_time");
    }

    #[test]
    fn out_of_range_offsets_are_bad_offset() {
        for (input, shown) in [
            ("2026-11-20T14:03+15:00", "+15:00"),
            ("2026-11-20T14:03-13:00", "-13:00"),
            ("2026-11-20T14:03+02:75", "+02:75"),
            ("20261120T1403+9900", "+99:00"),
        ] {
            let e = err(input);
            assert_eq!(e.code, "bad_offset", "{input}");
            assert!(e.message.contains(shown), "{}", e.message);
            assert!(e.message.contains("-12:00 to +14:00"), "{}", e.message);
        }
        assert_eq!(accepted("2026-11-21T04:03+14:00"), "2026-11-20T14:03:00Z");
    }

    #[test]
    fn messages_do_not_repeat_the_field_or_input() {
        for input in [
            "2026-11-20 14:03",
            "yesterday",
            "2026-02-30T10:00Z",
            "1763647380",
        ] {
            let e = err(input);
            assert!(!e.message.contains(input), "{}", e.message);
            assert!(!e.message.starts_with("at"), "{}", e.message);
        }
    }
}
