//! `dashboard`: counts by status, median first response, overdue tickets (the first page the
//! desk gives, saying when more are overdue), recent activity.

use std::io::Write;

use crate::api::Author;

use super::args::GlobalArgs;
use super::connect::open_desk;
use super::error::CliError;
use super::exit::ExitStatus;
use super::show::{print_summary_line, terminal_safe};
use super::style::{BAD, BOLD, DIM, paint};

pub fn run(global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    let desk = open_desk(global)?;
    let stats = desk.stats()?;
    if global.json {
        anstream::println!(
            "{}",
            serde_json::to_string(&stats).map_err(anyhow::Error::from)?
        );
        return Ok(ExitStatus::Success);
    }
    let mut out = anstream::stdout().lock();
    let _ = writeln!(
        out,
        "{}",
        paint(BOLD, &format!("Tickets on {}", desk.describe()))
    );
    let _ = writeln!(
        out,
        "  open {} · answered {} · resolved {}",
        stats.open, stats.answered, stats.resolved
    );
    let median = stats
        .median_first_response_seconds
        .map(duration_in_words)
        .unwrap_or_else(|| "no answered tickets yet".into());
    let _ = writeln!(out, "  median first response: {median}");
    if stats.overdue.is_empty() {
        let _ = writeln!(out, "  {}", paint(DIM, "nothing overdue"));
    } else {
        // The desk answers the most overdue first, a page at a time.
        let count = if stats.overdue_next_cursor.is_some() {
            format!("the {} most overdue", stats.overdue.len())
        } else {
            stats.overdue.len().to_string()
        };
        let _ = writeln!(out, "  {}", paint(BAD, &format!("overdue ({count}):")));
        for ticket in &stats.overdue {
            let _ = write!(out, "    ");
            let _ = print_summary_line(&mut out, ticket);
        }
        if stats.overdue_next_cursor.is_some() {
            let _ = writeln!(out, "    {}", paint(DIM, "and more overdue"));
        }
    }
    if !stats.recent.is_empty() {
        let _ = writeln!(out, "  recent activity:");
        for activity in &stats.recent {
            let who = match activity.from {
                Author::Merchant => "you wrote on",
                Author::Support => "support replied on",
            };
            let _ = writeln!(
                out,
                "    {} {who} {} — {}",
                paint(DIM, &activity.at),
                activity.tracking_number,
                terminal_safe(&activity.subject)
            );
        }
    }
    Ok(ExitStatus::Success)
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
