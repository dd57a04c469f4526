//! `dashboard`: counts by status, median first response, overdue tickets (the first page the
//! desk gives, saying when more are overdue), and recent activity: filings, messages and
//! resolutions, a line of text each.

use crate::api::{Activity, Author, Status};
use crate::client::{Desk, ListFilter};
use crate::line;

use super::args::GlobalArgs;
use super::connect::{self, ReadDesk};
use super::error::CliError;
use super::printer::{BAD, BOLD, DIM, Printer, paint};
use super::settings::Settings;
use super::show::summary_line;

pub fn run(global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    let desk = match connect::open_existing(&settings)? {
        ReadDesk::Open(desk) => desk,
        ReadDesk::Empty(name) => {
            out.note(format!(
                "No tickets on {name}: nothing was filed on this machine yet."
            ));
            return Ok(());
        }
    };
    let stats = desk.stats()?;
    if out.is_json() {
        out.json(&stats);
        return Ok(());
    }
    out.data(paint(BOLD, format!("Tickets on {}", desk.describe())));
    out.data(format!(
        "  open {} · answered {} · resolved {}",
        stats.open, stats.answered, stats.resolved
    ));
    let median = stats
        .median_first_response_seconds
        .map(duration_in_words)
        .unwrap_or_else(|| "no answered tickets yet".into());
    out.data(format!("  median first response: {median}"));
    if stats.overdue.is_empty() {
        out.data(line!["  ", paint(DIM, "nothing overdue")]);
    } else {
        // The desk answers the most overdue first, a page at a time.
        let count = if stats.overdue_next_cursor.is_some() {
            format!("the {} most overdue", stats.overdue.len())
        } else {
            stats.overdue.len().to_string()
        };
        out.data(line!["  ", paint(BAD, format!("overdue ({count}):"))]);
        for ticket in &stats.overdue {
            out.data(line!["    "].append(summary_line(ticket)));
        }
        if stats.overdue_next_cursor.is_some() {
            out.data(line!["    ", paint(DIM, "and more overdue")]);
        }
    }
    let recent = recent_activity(desk.as_ref(), &stats.recent);
    if !recent.is_empty() {
        out.data("  recent activity:");
        for event in recent {
            out.data(line![
                "    ",
                paint(DIM, &event.at),
                format!(" {} {} — ", event.tracking_number, event.what),
                event.text
            ]);
        }
    }
    Ok(())
}

/// How many events the recent activity shows.
const RECENT: usize = 10;

/// One line of recent activity: a ticket filed, a message on it, or its resolution.
struct Event {
    at: String,
    tracking_number: String,
    what: &'static str,
    /// The subject of a filing or a resolution; the first line of a message.
    text: String,
}

/// Filings and resolutions (from the ticket lists) and messages (from the desk's statistics,
/// each with the first line of its text), newest first. A list that fails leaves its kind out:
/// the dashboard still shows the rest.
fn recent_activity(desk: &dyn Desk, messages: &[Activity]) -> Vec<Event> {
    let newest = |status: Option<Status>| {
        let filter = ListFilter {
            status,
            limit: Some(RECENT),
            ..ListFilter::default()
        };
        desk.list(&filter)
            .map(|page| page.tickets)
            .unwrap_or_default()
    };
    let mut events: Vec<Event> = newest(None)
        .into_iter()
        .map(|ticket| Event {
            at: ticket.created_at,
            tracking_number: ticket.tracking_number.to_string(),
            what: "filed",
            text: ticket.subject,
        })
        .collect();
    events.extend(
        newest(Some(Status::Resolved))
            .into_iter()
            .map(|ticket| Event {
                at: ticket.updated_at,
                tracking_number: ticket.tracking_number.to_string(),
                what: "resolved",
                text: ticket.subject,
            }),
    );
    for activity in messages {
        let body = desk
            .ticket(&activity.tracking_number)
            .ok()
            .and_then(|view| {
                view.messages
                    .into_iter()
                    .find(|message| message.at == activity.at && message.from == activity.from)
                    .map(|message| message.body)
            });
        let text = match body {
            Some(body) => first_line(&body),
            None => activity.subject.clone(),
        };
        events.push(Event {
            at: activity.at.clone(),
            tracking_number: activity.tracking_number.to_string(),
            what: match activity.from {
                Author::Merchant => "you wrote",
                Author::Support => "support replied",
            },
            text,
        });
    }
    // RFC 3339 UTC times of one form sort as text.
    events.sort_by(|a, b| b.at.cmp(&a.at));
    events.truncate(RECENT);
    events
}

/// A message's first line, `…` when there is more.
fn first_line(text: &str) -> String {
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let first = lines.next().unwrap_or("").trim().to_string();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first
    }
}

/// `3h 12m`, `2d 4h`, `45m`, `30s`.
pub fn duration_in_words(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (days, hours, minutes) = (
        seconds / 86_400,
        seconds % 86_400 / 3_600,
        seconds % 3_600 / 60,
    );
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds}s"),
        (0, 0, m) => format!("{m}m"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

#[cfg(test)]
mod tests {
    use super::duration_in_words;

    #[test]
    fn durations_read_like_a_person_says_them() {
        assert_eq!(duration_in_words(30), "30s");
        assert_eq!(duration_in_words(45 * 60), "45m");
        assert_eq!(duration_in_words(3 * 3600 + 12 * 60), "3h 12m");
        assert_eq!(duration_in_words(2 * 86_400 + 4 * 3600 + 59), "2d 4h");
    }
}
