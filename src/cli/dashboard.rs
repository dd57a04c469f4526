//! `dashboard`: counts by status, median first response, overdue tickets, recent activity.

use crate::api::Author;
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
        let heading = format!("overdue ({}):", stats.overdue.len());
        out.data(line!["  ", paint(BAD, heading)]);
        for ticket in &stats.overdue {
            out.data(line!["    "].append(summary_line(ticket)));
        }
    }
    if !stats.recent.is_empty() {
        out.data("  recent activity:");
        for activity in &stats.recent {
            let who = match activity.from {
                Author::Merchant => "you wrote on",
                Author::Support => "support replied on",
            };
            out.data(line![
                "    ",
                paint(DIM, &activity.at),
                format!(" {who} {} — ", activity.tracking_number),
                &activity.subject
            ]);
        }
    }
    Ok(())
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
