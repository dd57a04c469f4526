//! `watch TN...` (SPEC §11): wait until support answers on any of the tickets — a support
//! message or a status change — print that ticket as `status` does (or as JSON with `--json`)
//! and exit 0; `--timeout DURATION` exits 1 when it passes first; Ctrl-C exits 130 quietly.
//!
//! A remote desk is asked with its long poll (`GET /v1/tickets/{tn}?wait=` and the last ETag),
//! one thread per ticket, each request held by the desk for up to [`LONG_POLL`]. A desk that
//! gives no ETag offers no long poll: then the ticket is polled with backoff ([`Backoff`], from
//! ~5 s to ~60 s, with jitter), as is a desk that is busy (its `Retry-After` honoured) or
//! unreachable for a while. The embedded desk is watched on the local database (the `Desk`
//! trait's default: a look every second). Never hammers a desk: at most one request in flight
//! per ticket, and none sooner than the backoff says after anything but a held answer.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use rand::Rng as _;

use crate::api::{Author, Status, TicketView, ticket_etag};
use crate::client::{Desk, Polled, RequestError};
use crate::domain::tracking::{TrackingNumber, parse_tracking};

use super::args::{GlobalArgs, WatchArgs};
use super::connect;
use super::error::CliError;
use super::printer::Printer;
use super::settings::{self, Settings};
use super::show::ticket_lines;
use crate::exit::ExitStatus;

/// How long one long poll asks the desk to hold the request.
const LONG_POLL: Duration = Duration::from_secs(30);

/// Polling's waits: from `first`, doubled each time, up to `cap`, each with ±20 % jitter.
#[derive(Debug, Clone)]
pub struct Backoff {
    next: Duration,
    first: Duration,
    cap: Duration,
}

impl Backoff {
    pub fn new() -> Backoff {
        Backoff {
            next: Duration::from_secs(5),
            first: Duration::from_secs(5),
            cap: Duration::from_secs(60),
        }
    }

    /// The next wait, at least `asked` (a `Retry-After`).
    pub fn wait(&mut self, asked: Option<Duration>) -> Duration {
        let base = self.next;
        self.next = (self.next * 2).min(self.cap);
        let jitter = rand::rng().random_range(0.8..1.2);
        base.mul_f64(jitter).max(asked.unwrap_or(Duration::ZERO))
    }

    /// After an answer: start again from the first wait.
    pub fn reset(&mut self) {
        self.next = self.first;
    }
}

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff::new()
    }
}

/// What support has done on a ticket so far: its support messages and its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    support_messages: usize,
    status: Status,
}

impl Seen {
    fn of(view: &TicketView) -> Seen {
        Seen {
            support_messages: view
                .messages
                .iter()
                .filter(|m| m.from == Author::Support)
                .count(),
            status: view.status,
        }
    }

    /// A support message or a status change since.
    fn answered_in(self, view: &TicketView) -> bool {
        let now = Seen::of(view);
        now.support_messages > self.support_messages || now.status != self.status
    }
}

fn parse_timeout(text: &str) -> Result<Duration, CliError> {
    match humantime::parse_duration(text.trim()) {
        Ok(duration) if !duration.is_zero() => Ok(duration),
        Ok(_) => Err(CliError::Usage(format!(
            "--timeout `{text}` is zero; give how long to wait for support, e.g. 10m or 2h"
        ))),
        Err(error) => Err(CliError::Usage(format!(
            "--timeout `{text}` is not a duration ({error}); write e.g. 30s, 10m or 2h"
        ))),
    }
}

/// What a watcher thread tells the command.
enum Event {
    Answered(Box<TicketView>),
    Failed(TrackingNumber, RequestError),
}

pub fn run(args: &WatchArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    // Every problem of the command line at once.
    let mut problems = Vec::new();
    let timeout = match args.timeout.as_deref().map(parse_timeout).transpose() {
        Ok(timeout) => timeout,
        Err(error) => {
            problems.push(error.to_string());
            None
        }
    };
    let mut numbers = Vec::new();
    for input in &args.tracking {
        match parse_tracking(input) {
            Ok(number) => numbers.push(number),
            Err(error) => problems.push(format!(
                "`{}` is not a tracking number: {}; nothing was watched",
                input.trim(),
                error.message
            )),
        }
    }
    if !problems.is_empty() {
        return Err(CliError::usage_problems(problems));
    }
    numbers.dedup();
    // Ctrl-C: exit 130 without a word (the shell shows ^C).
    let _ = ctrlc::set_handler(|| std::process::exit(ExitStatus::Interrupted.code().into()));
    let desk: std::sync::Arc<dyn Desk> = std::sync::Arc::from(connect::open(&settings)?);
    let deadline = timeout.map(|t| Instant::now() + t);
    // Where each ticket stands now: what a change is measured from.
    let mut start = Vec::new();
    for number in &numbers {
        let view = desk
            .ticket(number)
            .map_err(|error| CliError::Failed(anyhow::anyhow!("cannot watch {number}: {error}")))?;
        start.push((*number, Seen::of(&view), ticket_etag(&view)));
    }
    out.note(format!(
        "Watching {} for support's answer{}…",
        numbers
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        timeout.map_or(String::new(), |t| format!(
            " (at most {})",
            humantime::format_duration(t)
        ))
    ));
    let (events, inbox) = mpsc::channel();
    for (number, seen, etag) in start {
        let desk = std::sync::Arc::clone(&desk);
        let events = events.clone();
        std::thread::spawn(move || watch_one(desk.as_ref(), number, seen, etag, deadline, &events));
    }
    drop(events);
    let event = match deadline {
        Some(deadline) => inbox.recv_timeout(deadline.saturating_duration_since(Instant::now())),
        None => inbox
            .recv()
            .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
    };
    match event {
        Ok(Event::Answered(view)) => {
            out.note(format!("{}: support answered.", view.tracking_number));
            if out.is_json() {
                out.json(&view);
            } else {
                for line in ticket_lines(&view, settings::local_zone()) {
                    out.data(line);
                }
            }
            Ok(())
        }
        Ok(Event::Failed(number, error)) => Err(CliError::Failed(anyhow::anyhow!(
            "stopped watching {number}: {error}"
        ))),
        Err(_) => Err(CliError::Failed(anyhow::anyhow!(
            "no answer from support on {} within {}; run `cartsaver-support watch` again to keep waiting",
            numbers
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            humantime::format_duration(timeout.unwrap_or_default())
        ))),
    }
}

/// One ticket's watch, until support answers, the deadline, or an error that waiting will not
/// mend (a ticket not found, a refused token).
fn watch_one(
    desk: &dyn Desk,
    number: TrackingNumber,
    seen: Seen,
    etag: String,
    deadline: Option<Instant>,
    events: &mpsc::Sender<Event>,
) {
    let mut etag = Some(etag);
    let mut backoff = Backoff::new();
    let mut long_poll = true;
    loop {
        let left = deadline.map_or(LONG_POLL, |d| d.saturating_duration_since(Instant::now()));
        if left.is_zero() {
            return;
        }
        let wait = if long_poll {
            left.min(LONG_POLL)
        } else {
            Duration::ZERO
        };
        let pause = match desk.wait_for_change(&number, etag.as_deref(), wait) {
            Ok(Polled::Changed(view, tag)) => {
                if seen.answered_in(&view) {
                    let _ = events.send(Event::Answered(view));
                    return;
                }
                // Changed, but not by support (the merchant's own message): keep waiting.
                long_poll = tag.is_some();
                etag = tag.or_else(|| Some(ticket_etag(&view)));
                if long_poll {
                    backoff.reset();
                    None
                } else {
                    Some(backoff.wait(None))
                }
            }
            Ok(Polled::Unchanged) => {
                backoff.reset();
                None
            }
            Ok(Polled::RetryAfter(asked)) => Some(backoff.wait(Some(asked))),
            Err(RequestError::Unreachable { .. }) => Some(backoff.wait(None)),
            Err(error) => {
                let _ = events.send(Event::Failed(number, error));
                return;
            }
        };
        if let Some(pause) = pause {
            std::thread::sleep(
                pause.min(deadline.map_or(pause, |d| d.saturating_duration_since(Instant::now()))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_a_minute_with_jitter_and_honours_retry_after() {
        let mut backoff = Backoff::new();
        let waits: Vec<Duration> = (0..6).map(|_| backoff.wait(None)).collect();
        assert!(waits[0] >= Duration::from_secs(4) && waits[0] <= Duration::from_secs(6));
        assert!(waits[5] >= Duration::from_secs(48) && waits[5] <= Duration::from_secs(72));
        assert!(backoff.wait(Some(Duration::from_secs(120))) >= Duration::from_secs(120));
        backoff.reset();
        assert!(backoff.wait(None) <= Duration::from_secs(6));
    }

    #[test]
    fn timeouts_are_durations_named_when_refused() {
        assert_eq!(parse_timeout("2s").unwrap(), Duration::from_secs(2));
        let refused = parse_timeout("soon").unwrap_err().to_string();
        assert!(
            refused.contains("`soon`") && refused.contains("10m"),
            "{refused}"
        );
        assert!(parse_timeout("0s").is_err());
    }
}
