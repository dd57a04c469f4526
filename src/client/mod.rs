//! The CLI's side of the desk: one [`Desk`] trait with two implementations, the embedded desk
//! (the desk core in-process on a local SQLite file) and a remote `cartsaver-desk` over HTTP.
//! Commands talk to `dyn Desk` and do not care which.

pub mod embedded;
pub mod http;
pub mod location;

use std::fmt;

use crate::api::{ErrorDetail, Health, Stats, TicketPage, TicketView};
use crate::domain::calendar::Calendar;
use crate::domain::tracking::TrackingNumber;

pub use location::{DeskLocation, parse_desk};
// What a client sends and gets back, through this door: the merchant CLI imports them from
// here, not from the desk core (which the embedded desk runs, and the CLI otherwise never sees).
pub use crate::api::ErrorCode;
pub use crate::desk::location::default_db_path;
pub use crate::desk::{CreateRequest, Created, ListFilter, MAX_LIMIT, Upload};

pub trait Desk: Send + Sync {
    /// Where this desk is, for messages: `local desk at /path/desk.sqlite3`, `https://...`.
    fn describe(&self) -> String;
    /// The embedded desk: tickets stay on this machine.
    fn is_local(&self) -> bool;
    fn create(&self, request: CreateRequest) -> Result<Created, RequestError>;
    fn ticket(&self, tracking: &TrackingNumber) -> Result<TicketView, RequestError>;
    fn list(&self, filter: &ListFilter) -> Result<TicketPage, RequestError>;
    fn reply(
        &self,
        tracking: &TrackingNumber,
        body: &str,
        attachments: Vec<Upload>,
    ) -> Result<TicketView, RequestError>;
    fn resolve(&self, tracking: &TrackingNumber) -> Result<TicketView, RequestError>;
    fn stats(&self) -> Result<Stats, RequestError>;
    fn health(&self) -> Result<Health, RequestError>;
    /// The support calendar this desk counts first-response due times in (its hours, zone and
    /// targets), so that the CLI words them as the desk counts them.
    fn calendar(&self) -> Result<Calendar, RequestError>;

    /// The ticket once its ETag is no longer `etag`, waiting at most `wait` (`watch`). The
    /// default looks at the ticket every second: what the embedded desk does, on its local
    /// database; a remote desk holds the request instead (its long poll).
    fn wait_for_change(
        &self,
        tracking: &TrackingNumber,
        etag: Option<&str>,
        wait: std::time::Duration,
    ) -> Result<Polled, RequestError> {
        let until = std::time::Instant::now() + wait;
        loop {
            let view = self.ticket(tracking)?;
            let now = crate::api::ticket_etag(&view);
            if etag != Some(now.as_str()) {
                return Ok(Polled::Changed(Box::new(view), Some(now)));
            }
            let left = until.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return Ok(Polled::Unchanged);
            }
            std::thread::sleep(left.min(std::time::Duration::from_secs(1)));
        }
    }
}

/// What one wait for a change of a ticket found.
#[derive(Debug)]
pub enum Polled {
    /// The ticket as it is now, and its ETag (`None`: the desk gave none, so it offers no long
    /// poll and the caller polls with backoff instead).
    Changed(Box<TicketView>, Option<String>),
    /// The wait passed with the ticket unchanged.
    Unchanged,
    /// The desk is busy: ask again after this long (its `Retry-After`).
    RetryAfter(std::time::Duration),
}

/// Why a request to the desk did not succeed.
#[derive(Debug)]
pub enum RequestError {
    /// The desk answered and refused: the status and its error body.
    Refused { status: u16, detail: ErrorDetail },
    /// The desk could not be reached, or did not answer in time (after the retries that were safe).
    /// `maybe_received` is set when the request may have reached the desk (the connection was
    /// made, the answer never came): what to do then, e.g. that re-running a create is safe.
    Unreachable {
        desk: String,
        reason: String,
        maybe_received: Option<&'static str>,
    },
    /// The desk answered something this client does not understand.
    Protocol { desk: String, reason: String },
}

impl RequestError {
    /// The desk's refusal code, when the desk answered and refused.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            RequestError::Refused { detail, .. } => Some(detail.code),
            _ => None,
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Refused { status, detail } => {
                write!(
                    f,
                    "the desk refused the request ({status}): {}",
                    detail.message
                )?;
                for problem in &detail.fields {
                    let line = match &problem.input {
                        Some(input) => format!("{} `{input}`: {}", problem.field, problem.message),
                        None => format!("{}: {}", problem.field, problem.message),
                    };
                    // A refusal about one field already says it in its message.
                    if line != detail.message {
                        write!(f, "\n  {line}")?;
                    }
                }
                Ok(())
            }
            RequestError::Unreachable {
                desk,
                reason,
                maybe_received: Some(what_now),
            } => write!(
                f,
                "no answer from the desk at {desk}: {reason}; the request may have reached it: {what_now}"
            ),
            RequestError::Unreachable { desk, reason, .. } => write!(
                f,
                "cannot reach the desk at {desk}: {reason}; check the address (--desk, CARTSAVER_DESK \
                 or the config file) and that the desk is running, or file on this machine with \
                 --desk local"
            ),
            RequestError::Protocol { desk, reason } => write!(
                f,
                "the desk at {desk} answered something unexpected: {reason}; is that address a \
                 Cartsaver desk?"
            ),
        }
    }
}

impl std::error::Error for RequestError {}
