//! The desk core: the rules of SPEC §7 (status transitions, store
//! isolation, idempotency, the duplicate guard, validation through the domain). One core, used
//! in-process by the CLI's embedded desk and behind HTTP by `cartsaver-desk serve`.
//!
//! It knows nothing of HTTP or terminals. Every operation takes the caller's [`Scope`] and the
//! time `now` explicitly (so `CARTSAVER_NOW` applies everywhere).
//!
//! `DeskCore` is `Send + Sync`: the server calls it from many threads at once. Storage is
//! `storage/`: one interface ([`storage::Conn`]) and a backend per folder, SQLite (one file, the
//! default and the embedded desk) and PostgreSQL (several desk processes on one database), each
//! with its migrations under the same numbers. The rules' files:
//! `secret.rs` (the desk key for PIN and idempotency hashes), `stores.rs`,
//! `tokens.rs`, `filing.rs` (create), `idempotency.rs`, `attachments.rs`, `messages.rs` (thread
//! and status), `counts.rs` (tickets by status per store), `views.rs` (rows to API shapes),
//! `listing.rs`, `stats.rs`, `addresses.rs` (a store's email addresses), `mail/queue.rs` (the mail
//! queue, written in the transaction of each event a mail tells of), `mail/incoming.rs` (incoming mail);
//! `copy.rs` moves a whole desk to another database. The browser inbox's rules (SPEC §10):
//! `agents.rs` (agents, passwords, slowed sign-ins), `sessions.rs` (sessions and CSRF tokens),
//! `notes.rs` (internal notes, never in the thread), `support_queue.rs` (the queue, its filters
//! and search).
//!
//! Choices where SPEC §7 is silent:
//! - A store token filing for another store is an invalid `store` field (422, code
//!   `other_store`), reported with the other bad fields; with a store token, a body without
//!   `store` files for the token's store.
//! - A ticket's `details` are not a message: the thread starts empty and holds follow-ups only.
//! - The duplicate guard (an unresolved ticket of the same store and order) runs inside the
//!   create's transaction, after the idempotency check: a replay is answered even when the
//!   ticket it filed is the "duplicate".
//! - A replay answers the ticket as it is now (answered, resolved...), with `replayed: true`.
//! - Support setting `answered` (`set-status`) counts as the first response if there was none.
//! - Setting the status a ticket already has changes nothing, not even `updated_at`.
//! - `list`: a `limit` outside 1..=500 and a cursor this desk did not give out are 400s; an
//!   invalid `order` filter is a 422 on field `order`.
//! - `stats.recent` holds messages only (filing is not an activity); `overdue` comes a page at a
//!   time (50 by default, at most 500) with `overdue_next_cursor`; the median is over the latest
//!   1,000 first responses (`stats.rs` says why).
//! - An attachment over 10 MiB is refused as 413 before the rest of the request is examined.

pub mod answer;
pub mod copy;
pub mod location;

pub use addresses::StoreAddress;
pub use agents::{AgentInfo, SignIn};
pub use attachments::RefusedAttachment;
/// For the read benchmark's fill, which writes tickets with plain SQL (`counts.rs`).
#[doc(hidden)]
pub use counts::RECOUNT as RECOUNT_SQL;
pub use listing::{DEFAULT_LIMIT, MAX_LIMIT};
pub use login::{Limits as LoginLimits, Requested as LoginRequested, Verified as LoginVerified};
pub use mail::incoming::{HeldMail, Received};
pub use mail::queue::{Claimed, Outcome, QueuedMail};
pub use notes::Note;
pub use sessions::{ABSOLUTE as SESSION_ABSOLUTE, IDLE as SESSION_IDLE, Session};
pub use stats::DEFAULT_OVERDUE;
pub use storage::{Location, OpenOptions, PoolState};
pub use support_queue::{
    PAGE_SIZE as QUEUE_PAGE_SIZE, QueueFilter, QueuePage, QueueRow, Search, StatusFilter,
    parse_search,
};
pub use tokens::TokenInfo;

use std::path::Path;

use chrono::{DateTime, Utc};

mod addresses;
mod agents;
mod attachments;
mod counts;
mod filing;
mod idempotency;
mod listing;
mod login;
mod mail;
#[cfg(test)]
mod measure;
mod messages;
mod notes;
#[cfg(test)]
mod plans;
mod secret;
mod sessions;
mod stats;
pub(crate) mod storage;
mod stores;
mod support_queue;
#[cfg(test)]
mod testing;
mod tokens;
mod views;

use crate::api::{Author, Stats, Status, TicketPage, TicketView};
use crate::domain::FieldError;
use crate::domain::calendar::Calendar;
use crate::domain::store::StoreUrl;
use crate::domain::ticket::TicketInput;
use crate::domain::tracking::TrackingNumber;

/// Who is asking. A store token sees only its store's tickets; another store's ticket is "not
/// found", exactly like one that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// A merchant authenticated by a store token.
    Store(StoreUrl),
    /// The owner of the database file: the embedded desk, and the support engineer's commands.
    Everything,
}

/// An attachment as received: the name given and the bytes. The core checks it through the
/// domain (type by content, size).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A create request.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateRequest {
    pub input: TicketInput,
    pub attachments: Vec<Upload>,
    /// A replay of the same key and body returns the same ticket; same key, other body: conflict.
    pub idempotency_key: Option<String>,
    /// File even when the store and order already have an open ticket.
    pub force_new: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub ticket: TicketView,
    /// Answered from an earlier request with the same idempotency key.
    pub replayed: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListFilter {
    pub status: Option<Status>,
    pub order: Option<String>,
    /// At most this many (default 50, at most 500).
    pub limit: Option<usize>,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// Which overdue tickets a stats answer holds: at most `limit` (default 50, at most 500), after
/// `cursor` (a previous answer's `overdue_next_cursor`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverduePage {
    pub limit: Option<usize>,
    pub cursor: Option<String>,
}

/// What [`DeskCore::check_pin`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinCheck {
    Matches,
    DoesNotMatch,
    /// The ticket was filed without a PIN.
    NoPin,
}

/// Support's view of a list, beyond [`ListFilter`]: only urgent or overdue tickets, and the
/// order of a queue (by first-response due time, soonest first) instead of newest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Queue {
    pub urgent: bool,
    pub overdue: bool,
    pub by_due: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// Bad fields, every one of them (HTTP 422).
    #[error("the ticket has {} invalid field(s)", .0.len())]
    Invalid(Vec<FieldError>),
    /// An attachment or body over the limit (HTTP 413).
    #[error("{0}")]
    TooLarge(FieldError),
    /// Unknown ticket, or one of another store (HTTP 404).
    #[error("ticket {0} not found")]
    NotFound(String),
    /// Missing, unknown or revoked token (HTTP 401).
    #[error("the store token is missing, unknown or revoked")]
    Unauthorized,
    /// The store and order already have an open ticket and `force_new` was not given (HTTP 409).
    #[error("order {order} of {store} already has an open ticket, {existing}")]
    Duplicate {
        existing: TrackingNumber,
        store: String,
        order: String,
    },
    /// Same idempotency key, other body (HTTP 409).
    #[error("idempotency key `{0}` was already used for a different ticket")]
    IdempotencyConflict(String),
    /// A request the rules refuse (HTTP 400): a store token writing as support, an unusable
    /// idempotency key, a bad cursor or limit, an empty message.
    #[error("{0}")]
    BadRequest(String),
    /// The database failed (HTTP 500).
    #[error("desk storage failed: {0}")]
    Storage(String),
}

/// The desk: its database and the support calendar.
pub struct DeskCore {
    db: storage::Db,
    calendar: Calendar,
}

impl DeskCore {
    /// Open (creating and migrating as needed) the database at `path`, in WAL mode, with the
    /// desk key beside it (`<path>.key`, made when the database is new).
    pub fn open(path: &Path, calendar: Calendar) -> Result<DeskCore, DeskError> {
        DeskCore::open_with_key(path, &secret::default_key_path(path), calendar)
    }

    /// [`DeskCore::open`] with the desk key in another file.
    pub fn open_with_key(
        path: &Path,
        key_path: &Path,
        calendar: Calendar,
    ) -> Result<DeskCore, DeskError> {
        Ok(DeskCore {
            db: storage::Db::open(path, key_path)?,
            calendar,
        })
    }

    /// Open the desk at `location` (a SQLite file or a PostgreSQL URL) as `options` say.
    pub fn open_at(
        location: &Location,
        options: &OpenOptions,
        calendar: Calendar,
    ) -> Result<DeskCore, DeskError> {
        Ok(DeskCore {
            db: storage::Db::open_at(location, options)?,
            calendar,
        })
    }

    /// The PostgreSQL pool's connections in use and idle (`None` on SQLite).
    pub fn pool(&self) -> Option<PoolState> {
        self.db.pool()
    }

    /// What opening found worth telling whoever runs the desk (a database readable by others).
    pub fn warning(&self) -> Option<&str> {
        self.db.warning.as_deref()
    }

    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Validate and store a ticket with its attachments, in one transaction.
    pub fn create_ticket(
        &self,
        scope: &Scope,
        request: CreateRequest,
        now: DateTime<Utc>,
    ) -> Result<Created, DeskError> {
        filing::create(&self.db, &self.calendar, scope, request, now)
    }

    pub fn ticket(
        &self,
        scope: &Scope,
        tracking: &TrackingNumber,
        now: DateTime<Utc>,
    ) -> Result<TicketView, DeskError> {
        let now = crate::domain::timestamp::format_utc(now);
        self.db.read(|conn| {
            let row = views::require_ticket(conn, scope, tracking)?;
            views::view(conn, row, &now)
        })
    }

    /// The scope's tickets, newest first (see [`ListFilter`]).
    pub fn list(
        &self,
        scope: &Scope,
        filter: &ListFilter,
        now: DateTime<Utc>,
    ) -> Result<TicketPage, DeskError> {
        listing::list(&self.db, scope, filter, &Queue::default(), now)
    }

    /// [`DeskCore::list`] with support's filters and order.
    pub fn queue(
        &self,
        scope: &Scope,
        filter: &ListFilter,
        queue: &Queue,
        now: DateTime<Utc>,
    ) -> Result<TicketPage, DeskError> {
        listing::list(&self.db, scope, filter, queue, now)
    }

    /// A message in the thread. A merchant message sets `open` (also on a resolved ticket); a
    /// support message sets `answered` and records the first response.
    pub fn add_message(
        &self,
        scope: &Scope,
        tracking: &TrackingNumber,
        from: Author,
        body: &str,
        attachments: Vec<Upload>,
        now: DateTime<Utc>,
    ) -> Result<TicketView, DeskError> {
        messages::add(&self.db, scope, tracking, from, body, attachments, now)
    }

    pub fn resolve(
        &self,
        scope: &Scope,
        tracking: &TrackingNumber,
        now: DateTime<Utc>,
    ) -> Result<TicketView, DeskError> {
        messages::resolve(&self.db, scope, tracking, now)
    }

    /// The support engineer's `set-status`.
    pub fn set_status(
        &self,
        tracking: &TrackingNumber,
        status: Status,
        now: DateTime<Utc>,
    ) -> Result<TicketView, DeskError> {
        messages::set_status(&self.db, tracking, status, now)
    }

    /// The dashboard figures, with the first page of overdue tickets.
    pub fn stats(&self, scope: &Scope, now: DateTime<Utc>) -> Result<Stats, DeskError> {
        stats::stats(&self.db, scope, &OverduePage::default(), now)
    }

    /// [`DeskCore::stats`] with another page of overdue tickets.
    pub fn stats_page(
        &self,
        scope: &Scope,
        overdue: &OverduePage,
        now: DateTime<Utc>,
    ) -> Result<Stats, DeskError> {
        stats::stats(&self.db, scope, overdue, now)
    }

    /// Whether `pin` is the support PIN given with the ticket (support checking what a store
    /// says on the phone). The PIN is stored only as a keyed hash, compared in constant time.
    pub fn check_pin(&self, tracking: &TrackingNumber, pin: &str) -> Result<PinCheck, DeskError> {
        use subtle::ConstantTimeEq as _;

        let stored: Option<Vec<u8>> = self.db.read(|conn| {
            let row = views::require_ticket(conn, &Scope::Everything, tracking)?;
            conn.value("SELECT pin_hash FROM tickets WHERE id = ?1", &[&row.id])
        })?;
        let Some(stored) = stored else {
            return Ok(PinCheck::NoPin);
        };
        let given = secret::pin_hash(&self.db.secret, pin.trim());
        Ok(if bool::from(given.as_slice().ct_eq(&stored)) {
            PinCheck::Matches
        } else {
            PinCheck::DoesNotMatch
        })
    }

    /// A new token for `store`, returned in clear once; only its hash is stored.
    pub fn create_token(&self, store: &StoreUrl, now: DateTime<Utc>) -> Result<String, DeskError> {
        tokens::create(&self.db, store, now).map(|(_, token)| token)
    }

    /// [`DeskCore::create_token`], with the new token's id (what `token list` and
    /// `token revoke ID` show and take).
    pub fn issue_token(
        &self,
        store: &StoreUrl,
        now: DateTime<Utc>,
    ) -> Result<(i64, String), DeskError> {
        tokens::create(&self.db, store, now)
    }

    /// Every token (of `store`, if given): id, store, times; never the token.
    pub fn tokens(&self, store: Option<&StoreUrl>) -> Result<Vec<TokenInfo>, DeskError> {
        tokens::list(&self.db, store)
    }

    /// Revoke a token by its id. Returns whether an active one was revoked.
    pub fn revoke_token_id(&self, id: i64, now: DateTime<Utc>) -> Result<bool, DeskError> {
        tokens::revoke_id(&self.db, id, now)
    }

    /// A ticket's attachments with their content, for support to save.
    pub fn attachment_files(
        &self,
        tracking: &TrackingNumber,
    ) -> Result<Vec<(crate::api::AttachmentView, Vec<u8>)>, DeskError> {
        self.db.read(|conn| {
            let row = views::require_ticket(conn, &Scope::Everything, tracking)?;
            attachments::files(conn, row.id)
        })
    }

    /// The attachments mail brought to a ticket that the §2 checks refused, oldest first.
    pub fn refused_attachments(
        &self,
        tracking: &TrackingNumber,
    ) -> Result<Vec<RefusedAttachment>, DeskError> {
        self.db.read(|conn| {
            let row = views::require_ticket(conn, &Scope::Everything, tracking)?;
            attachments::refused(conn, row.id)
        })
    }

    /// Revoke a token (given in full). Returns whether one was revoked.
    pub fn revoke_token(&self, token: &str, now: DateTime<Utc>) -> Result<bool, DeskError> {
        tokens::revoke(&self.db, token, now)
    }

    /// Whether the desk can serve: the database answers a query and its schema version is the
    /// one this build writes (a newer release may have migrated it under a running instance).
    /// The version, or why not.
    pub fn ready(&self) -> Result<u32, DeskError> {
        let version = self.db.version()?;
        let known = storage::current_version();
        if version == known {
            Ok(version)
        } else {
            Err(DeskError::BadRequest(format!(
                "the database has schema version {version} and this cartsaver-desk knows {known}; upgrade this instance to the release that wrote it"
            )))
        }
    }

    /// Register `email` for `store`: mail from it may file and answer the store's tickets.
    /// Returns whether it was new.
    pub fn add_store_address(
        &self,
        store: &StoreUrl,
        email: &crate::domain::email::Email,
        now: DateTime<Utc>,
    ) -> Result<bool, DeskError> {
        addresses::add(&self.db, store, email, now)
    }

    /// The registered addresses (of `store`, if given).
    pub fn store_addresses(
        &self,
        store: Option<&StoreUrl>,
    ) -> Result<Vec<StoreAddress>, DeskError> {
        addresses::list(&self.db, store)
    }

    /// The next mail due to be sent, claimed for this process (see `mail/queue.rs`).
    pub fn claim_mail(&self, now: DateTime<Utc>) -> Result<Option<Claimed>, DeskError> {
        mail::queue::claim(&self.db, now)
    }

    /// What became of a claimed mail.
    pub fn record_mail(
        &self,
        id: i64,
        outcome: &Outcome,
        now: DateTime<Utc>,
    ) -> Result<(), DeskError> {
        mail::queue::record(&self.db, id, outcome, now)
    }

    /// The mail queue, newest first: what is not sent yet (and, with `sent`, the rest).
    pub fn mail_queue(&self, sent: bool, limit: usize) -> Result<Vec<QueuedMail>, DeskError> {
        mail::queue::list(&self.db, sent, limit)
    }

    /// Take an incoming message (SPEC §9): a merchant message on the ticket it names, or held.
    pub fn receive_mail(
        &self,
        incoming: &crate::mail::receive::Incoming,
        now: DateTime<Utc>,
    ) -> Result<Received, DeskError> {
        mail::incoming::receive(&self.db, &self.calendar, incoming, now)
    }

    /// The mail held for the engineer, newest first.
    pub fn held_mail(&self, limit: usize) -> Result<Vec<HeldMail>, DeskError> {
        mail::incoming::held(&self.db, limit)
    }

    /// How many mails wait to be sent.
    pub fn mail_waiting(&self) -> Result<i64, DeskError> {
        mail::queue::waiting(&self.db)
    }

    /// Add an agent of the inbox, or give one a new password (which ends their sessions).
    /// Returns whether the agent is new.
    pub fn add_agent(
        &self,
        email: &str,
        password: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DeskError> {
        agents::add(&self.db, email, password, now)
    }

    /// The agents, by email.
    pub fn agents(&self) -> Result<Vec<AgentInfo>, DeskError> {
        agents::list(&self.db)
    }

    /// Remove an agent and end their sessions. Returns whether there was one.
    pub fn remove_agent(&self, email: &str) -> Result<bool, DeskError> {
        agents::remove(&self.db, email)
    }

    /// Check a sign-in from `client` (slowed after repeated failures of the account or client).
    pub fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: &str,
        now: DateTime<Utc>,
    ) -> Result<SignIn, DeskError> {
        agents::sign_in(&self.db, email, password, client, now)
    }

    /// A new session of agent `agent_id`; its id, for the browser's cookie.
    pub fn open_session(&self, agent_id: i64, now: DateTime<Utc>) -> Result<String, DeskError> {
        sessions::open(&self.db, agent_id, now)
    }

    /// The live session of `id`, if any.
    pub fn session(&self, id: &str, now: DateTime<Utc>) -> Result<Option<Session>, DeskError> {
        sessions::find(&self.db, id, now)
    }

    /// End a session (sign-out).
    pub fn close_session(&self, id: &str) -> Result<(), DeskError> {
        sessions::close(&self.db, id)
    }

    /// The CSRF token of forms shown under `id` (a session id, or the sign-in form's
    /// pre-session value).
    pub fn csrf_token(&self, id: &str) -> String {
        sessions::csrf_token(&self.db.secret, id)
    }

    /// Whether `given` is the CSRF token of `id`.
    pub fn csrf_matches(&self, id: &str, given: &str) -> bool {
        sessions::csrf_matches(&self.db.secret, id, given)
    }

    /// A new random value for the sign-in form's pre-session cookie.
    pub fn new_form_id(&self) -> String {
        sessions::new_id()
    }

    /// An internal note on a ticket, by the agent `author`; the merchant never sees it.
    pub fn add_note(
        &self,
        tracking: &TrackingNumber,
        author: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<(), DeskError> {
        notes::add(&self.db, tracking, author, body, now)
    }

    /// A ticket's internal notes, oldest first.
    pub fn notes(&self, tracking: &TrackingNumber) -> Result<Vec<Note>, DeskError> {
        notes::list(&self.db, tracking)
    }

    /// A page of the inbox's queue: every store's tickets, overdue first, then by due time.
    pub fn support_queue(
        &self,
        filter: &QueueFilter,
        now: DateTime<Utc>,
    ) -> Result<QueuePage, DeskError> {
        support_queue::page(&self.db, filter, now)
    }

    /// Every store the desk knows, by URL.
    pub fn store_urls(&self) -> Result<Vec<StoreUrl>, DeskError> {
        support_queue::store_urls(&self.db)
    }

    /// The `index`th attachment of a ticket (as listed in its view), with its content.
    pub fn attachment_file(
        &self,
        tracking: &TrackingNumber,
        index: usize,
    ) -> Result<Option<(crate::api::AttachmentView, Vec<u8>)>, DeskError> {
        self.db.read(|conn| {
            let row = views::require_ticket(conn, &Scope::Everything, tracking)?;
            attachments::file(conn, row.id, index)
        })
    }

    /// Ask for a login code for `store` and `email` (mailed if the address is registered for
    /// the store; answered the same either way). See `login.rs`.
    pub fn request_login(
        &self,
        limits: &LoginLimits,
        store: &StoreUrl,
        email: &crate::domain::email::Email,
        client: Option<std::net::IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<LoginRequested, DeskError> {
        login::request(&self.db, limits, store, email, client, now)
    }

    /// Exchange a login code for a new token named `name`.
    #[allow(clippy::too_many_arguments)]
    pub fn verify_login(
        &self,
        limits: &LoginLimits,
        store: &StoreUrl,
        email: &crate::domain::email::Email,
        code: &str,
        name: &str,
        client: Option<std::net::IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<LoginVerified, DeskError> {
        let name = login::token_name(Some(name));
        login::verify(&self.db, limits, store, email, code, &name, client, now)
    }

    /// The token's row (its store and name), for the merchant's `doctor`.
    pub fn token_info(&self, token: &str) -> Result<TokenInfo, DeskError> {
        tokens::info(&self.db, token)
    }

    /// The store a token belongs to; notes when the token was used (at most once a minute).
    pub fn authenticate(&self, token: &str, now: DateTime<Utc>) -> Result<StoreUrl, DeskError> {
        tokens::authenticate(&self.db, token, now)
    }
}
