//! The JSON shapes of the desk API (SPEC §7; `docs/openapi.yaml` describes them for outsiders).
//!
//! Shared by the desk core (which returns them), the HTTP server (which serializes them), the HTTP
//! client (which reads them) and the CLI (which prints them with `--json`). Plain serde types: no
//! HTTP, no SQL.
//!
//! Answers are read leniently (no `deny_unknown_fields`), so a desk that adds a field does not
//! break CLIs already installed; requests are strict, so a misspelt key is refused. The exact
//! keys of what the CLI prints are pinned by the integration tests.

use serde::{Deserialize, Serialize};

use crate::domain::tracking::TrackingNumber;

/// Header that carries a create's idempotency key.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// Header set to `true` on a create answered from an earlier request with the same key.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";
/// Query parameter of `POST /v1/tickets` that files even when the store and order already have
/// an open ticket (`--force-new`).
pub const FORCE_NEW_PARAM: &str = "force_new";

/// `open` (awaiting support) → `answered` (support replied) → `resolved`; a merchant reply sets
/// `open` again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Answered,
    Resolved,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Open, Status::Answered, Status::Resolved];

    pub fn name(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Answered => "answered",
            Status::Resolved => "resolved",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|status| status.name().eq_ignore_ascii_case(text.trim()))
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Author {
    Merchant,
    Support,
}

/// The channel a ticket or message came by: the API (the CLI, a script), email (SPEC §9), or
/// the desk itself (`cartsaver-desk reply`, the inbox). A desk older than the field sends none:
/// read as `api`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    #[default]
    Api,
    Email,
    Desk,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Api => "api",
            Via::Email => "email",
            Via::Desk => "desk",
        }
    }

    /// The stored name read back; `None` for a name this build does not know.
    pub fn parse(name: &str) -> Option<Via> {
        [Via::Api, Via::Email, Via::Desk]
            .into_iter()
            .find(|via| via.as_str() == name)
    }
}

/// A whole ticket: `GET /v1/tickets/{tn}`, the answer to a create, and `status --json`.
/// Times are RFC 3339 UTC (`2026-11-20T14:03:00Z`); the PIN is masked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketView {
    pub tracking_number: TrackingNumber,
    pub status: Status,
    pub subject: String,
    pub store: String,
    pub order: String,
    pub phone: String,
    pub channel: String,
    pub at: String,
    pub tried: Vec<String>,
    pub summary: String,
    pub details: Option<String>,
    pub email: String,
    pub plan: String,
    pub urgent: bool,
    pub outage: bool,
    pub pin: Option<String>,
    pub allow_access: bool,
    pub created_at: String,
    pub updated_at: String,
    pub first_response_due: String,
    pub overdue: bool,
    /// `email` for a ticket filed by mail.
    #[serde(default)]
    pub via: Via,
    /// For a ticket filed by mail, the checklist fields it still lacks (§2 names); a reply
    /// naming them completes the ticket.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    pub messages: Vec<MessageView>,
    pub attachments: Vec<AttachmentView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from: Author,
    pub body: String,
    pub at: String,
    #[serde(default)]
    pub via: Via,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub size: u64,
}

/// One line of a ticket list: `GET /v1/tickets` and `list --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub tracking_number: TrackingNumber,
    pub status: Status,
    pub subject: String,
    pub store: String,
    pub order: String,
    pub created_at: String,
    pub updated_at: String,
    pub first_response_due: String,
    pub overdue: bool,
}

/// `GET /v1/tickets`: newest first; `next_cursor` fetches the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketPage {
    pub tickets: Vec<TicketSummary>,
    pub next_cursor: Option<String>,
}

/// `POST /v1/tickets/{tn}/messages` as JSON (multipart: a `message` JSON part and `attachment`
/// parts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewMessage {
    pub body: String,
}

/// `GET /v1/stats`: the dashboard figures of the caller's store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub open: u64,
    pub answered: u64,
    pub resolved: u64,
    /// Median time from filing to support's first reply, over the latest 1,000 first replies.
    pub median_first_response_seconds: Option<i64>,
    /// Overdue tickets, most overdue first: one page (`overdue_limit`, default 50).
    pub overdue: Vec<TicketSummary>,
    /// More overdue tickets follow: pass it as `overdue_cursor` for the next page.
    #[serde(default)]
    pub overdue_next_cursor: Option<String>,
    /// The latest messages, newest first.
    pub recent: Vec<Activity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub tracking_number: TrackingNumber,
    pub from: Author,
    pub at: String,
    pub subject: String,
}

/// `GET /v1/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
    /// The desk's clock, for the CLI's skew check.
    pub time: String,
}

/// `GET /v1/ready`: the database answers and its schema is this desk's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ready {
    pub status: String,
    /// The schema version of the database (and of this desk).
    pub schema: u32,
}

/// Why the desk refused a request: one code per kind of refusal, the same on the server and in
/// the CLI, so that what a client does about a refusal follows from its type, not from a string
/// or an HTTP status. A code this build does not know (a newer desk) reads as `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Bad fields, every one listed (422).
    Invalid,
    /// Missing, unknown or revoked token (401).
    Unauthorized,
    /// No such ticket for this store, or no such route (404).
    NotFound,
    /// The store and order already have an open ticket (409).
    Duplicate,
    /// The idempotency key was used for another body (409).
    IdempotencyConflict,
    /// A body or attachment over the limit (413).
    TooLarge,
    /// A malformed request (400).
    BadRequest,
    /// A method the path does not have (405).
    MethodNotAllowed,
    /// The desk holds as much as it will; retry after `Retry-After` (429).
    RateLimited,
    /// The request body stopped arriving or came too slowly (408).
    Timeout,
    /// The desk cannot serve now (503, from `/v1/ready`).
    Unavailable,
    /// The desk's storage failed (500).
    Internal,
    /// A code of a newer desk.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// The code as it travels: `not_found`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::IdempotencyConflict => "idempotency_conflict",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Timeout => "timeout",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::Internal => "internal",
            ErrorCode::Unknown => "unknown",
        }
    }
}

/// Compare with the code as it travels (`code == "not_found"`), as tests of the wire do.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every error answer: `{"error": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetail {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
    /// With `duplicate`: the open ticket of the same store and order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<TrackingNumber>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub message: String,
    /// The value that was refused, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
}

// --- login, the caller's token, the long poll (issue 14) ----------------------------------------

/// Query parameter of `GET /v1/tickets/{tn}` that waits for a change (`?wait=30s`), with the
/// `If-None-Match` of the last answer's `ETag`.
pub const WAIT_PARAM: &str = "wait";
/// The longest a long poll is held; a longer `wait` is cut to it.
pub const MAX_WAIT_SECONDS: u64 = 60;

/// `POST /v1/login`: ask for a one-time code mailed to `email`, an address registered for
/// `store`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub store: String,
    pub email: String,
}

/// The answer to `POST /v1/login` (202), the same whether or not the store or address is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginStarted {
    pub message: String,
    /// How long a mailed code works, in seconds.
    pub expires_in: u64,
}

/// `POST /v1/login/verify`: the code from the mail, for a new store token named `name` (the
/// merchant's machine; optional).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginVerify {
    pub store: String,
    pub email: String,
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The answer to `POST /v1/login/verify`: the new token, shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginToken {
    pub token: String,
    pub store: String,
    pub name: String,
}

/// `GET /v1/token`: the caller's own token (never its value): its store and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenView {
    pub store: String,
    pub name: Option<String>,
    pub created_at: String,
}

/// The `ETag` of a ticket as the long poll compares it: what support changes (status, thread,
/// attachments, `updated_at`), not the `overdue` flag that the clock turns.
pub fn ticket_etag(view: &TicketView) -> String {
    use sha2::Digest as _;
    let seen = format!(
        "{}\n{}\n{}\n{}",
        view.status.name(),
        view.updated_at,
        view.messages.len(),
        view.attachments.len()
    );
    let digest = sha2::Sha256::digest(seen.as_bytes());
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

#[cfg(test)]
mod error_code_tests {
    use super::ErrorCode;

    const ALL: [ErrorCode; 12] = [
        ErrorCode::Invalid,
        ErrorCode::Unauthorized,
        ErrorCode::NotFound,
        ErrorCode::Duplicate,
        ErrorCode::IdempotencyConflict,
        ErrorCode::TooLarge,
        ErrorCode::BadRequest,
        ErrorCode::MethodNotAllowed,
        ErrorCode::RateLimited,
        ErrorCode::Timeout,
        ErrorCode::Unavailable,
        ErrorCode::Internal,
    ];

    #[test]
    fn codes_travel_as_their_snake_case_names_and_a_newer_one_reads_as_unknown() {
        for code in ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
        let newer: ErrorCode = serde_json::from_str("\"payment_required\"").unwrap();
        assert_eq!(newer, ErrorCode::Unknown);
    }

    #[test]
    fn the_openapi_enum_lists_every_code() {
        let schema = include_str!("../docs/openapi.yaml");
        let start = schema
            .find("enum: [invalid, unauthorized")
            .expect("the ErrorDetail code enum");
        let end = start + schema[start..].find(']').unwrap();
        let listed: Vec<&str> = schema[start + "enum: [".len()..end]
            .split(',')
            .map(str::trim)
            .collect();
        let mut ours: Vec<&str> = ALL.iter().map(|code| code.as_str()).collect();
        let mut theirs = listed.clone();
        ours.sort_unstable();
        theirs.sort_unstable();
        assert_eq!(theirs, ours);
    }
}
