//! Reading tickets back as the API shows them: a row of `tickets` becomes a [`TicketView`] (with
//! its messages and attachment metadata) or a [`TicketSummary`]; the PIN is masked and `overdue`
//! computed against the caller's `now`. Owns the scoped lookup that makes another store's ticket
//! look exactly like a missing one. Writes nothing.

use super::storage::{Conn, Row};

use super::{DeskError, Scope};
use crate::api::{AttachmentView, Author, MessageView, Status, TicketSummary, TicketView, Via};
use crate::domain::tracking::TrackingNumber;

/// The columns of [`TicketRow::read`], over `tickets t JOIN stores s`.
pub(crate) const TICKET_COLUMNS: &str = "t.id, t.tracking_number, s.url, t.order_number, t.phone, \
     t.channel, t.at, t.tried, t.summary, t.details, t.email, t.plan, t.urgent, t.outage, t.pin_hint, \
     t.allow_access, t.subject, t.status, t.created_at, t.updated_at, t.first_response_due, \
     t.first_response_at, t.via, t.missing";

/// The columns of [`summary_from_row`], over `tickets t JOIN stores s`.
pub(crate) const SUMMARY_COLUMNS: &str = "t.tracking_number, t.status, t.subject, s.url, \
     t.order_number, t.created_at, t.updated_at, t.first_response_due, t.first_response_at";

/// A ticket as stored, every value already normalized.
#[derive(Debug, Clone)]
pub(crate) struct TicketRow {
    pub id: i64,
    pub tracking: TrackingNumber,
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
    /// The PIN's last two characters; the PIN itself is not stored.
    pub pin_hint: Option<String>,
    pub allow_access: bool,
    pub subject: String,
    pub status: Status,
    pub created_at: String,
    pub updated_at: String,
    pub first_response_due: String,
    pub first_response_at: Option<String>,
    pub via: Via,
    /// Checklist fields a ticket filed by mail still lacks (§2 names).
    pub missing: Vec<String>,
}

impl TicketRow {
    fn read(row: &Row) -> Result<TicketRow, DeskError> {
        Ok(TicketRow {
            id: row.get(0)?,
            tracking: row.decoded(1, stored_tracking)?,
            store: row.get(2)?,
            order: row.get(3)?,
            phone: row.get(4)?,
            channel: row.get(5)?,
            at: row.get(6)?,
            tried: row.decoded(7, |text| {
                serde_json::from_str(text).map_err(|e| format!("unreadable `tried`: {e}"))
            })?,
            summary: row.get(8)?,
            details: row.get(9)?,
            email: row.get(10)?,
            plan: row.get(11)?,
            urgent: row.get(12)?,
            outage: row.get(13)?,
            pin_hint: row.get(14)?,
            allow_access: row.get(15)?,
            subject: row.get(16)?,
            status: row.decoded(17, stored_status)?,
            created_at: row.get(18)?,
            updated_at: row.get(19)?,
            first_response_due: row.get(20)?,
            first_response_at: row.get(21)?,
            via: row.decoded(22, stored_via)?,
            missing: row.decoded(23, |text| Ok(split_missing(text)))?,
        })
    }

    pub(crate) fn overdue(&self, now: &str) -> bool {
        overdue(
            self.status,
            self.first_response_at.as_deref(),
            &self.first_response_due,
            now,
        )
    }

    /// The whole view, given the thread and attachments.
    pub(crate) fn into_view(
        self,
        now: &str,
        messages: Vec<MessageView>,
        attachments: Vec<AttachmentView>,
    ) -> Result<TicketView, DeskError> {
        let overdue = self.overdue(now);
        let pin = self.pin_hint.as_deref().map(masked_pin);
        Ok(TicketView {
            tracking_number: self.tracking,
            status: self.status,
            subject: self.subject,
            store: self.store,
            order: self.order,
            phone: self.phone,
            channel: self.channel,
            at: self.at,
            tried: self.tried,
            summary: self.summary,
            details: self.details,
            email: self.email,
            plan: self.plan,
            urgent: self.urgent,
            outage: self.outage,
            pin,
            allow_access: self.allow_access,
            created_at: self.created_at,
            updated_at: self.updated_at,
            first_response_due: self.first_response_due,
            overdue,
            via: self.via,
            missing: self.missing,
            messages,
            attachments,
        })
    }
}

/// Overdue: support has not answered yet, the ticket is not resolved, and the due time has
/// passed. Times are compared as their sortable RFC 3339 UTC text.
pub(crate) fn overdue(
    status: Status,
    first_response_at: Option<&str>,
    first_response_due: &str,
    now: &str,
) -> bool {
    first_response_at.is_none() && status != Status::Resolved && now > first_response_due
}

/// The store URL a scope restricts to, for a `(?N IS NULL OR s.url = ?N)` condition.
pub(crate) fn scope_store(scope: &Scope) -> Option<&str> {
    match scope {
        Scope::Store(store) => Some(store.as_str()),
        Scope::Everything => None,
    }
}

/// The ticket `tracking` as `scope` may see it: `None` when it does not exist or belongs to
/// another store, the two cases being indistinguishable on purpose.
pub(crate) fn find_ticket(
    conn: &dyn Conn,
    scope: &Scope,
    tracking: &TrackingNumber,
) -> Result<Option<TicketRow>, DeskError> {
    conn.row(
        &find_sql(),
        &[&tracking.to_string(), &scope_store(scope)],
        TicketRow::read,
    )
}

/// The statement of [`find_ticket`]: the tracking number is unique, so the scope's condition is
/// checked on the one row it finds.
fn find_sql() -> String {
    format!(
        "SELECT {TICKET_COLUMNS} FROM tickets t JOIN stores s ON s.id = t.store_id
         WHERE t.tracking_number = ?1 AND (CAST(?2 AS TEXT) IS NULL OR s.url = ?2)"
    )
}

/// Like [`find_ticket`], with "not found" as the error.
pub(crate) fn require_ticket(
    conn: &dyn Conn,
    scope: &Scope,
    tracking: &TrackingNumber,
) -> Result<TicketRow, DeskError> {
    find_ticket(conn, scope, tracking)?.ok_or_else(|| DeskError::NotFound(tracking.to_string()))
}

/// [`require_ticket`] in a write that changes the ticket: its row is locked until the write
/// ends, so two processes changing one ticket take turns (and each sees the other's status).
pub(crate) fn require_ticket_to_change(
    conn: &dyn Conn,
    scope: &Scope,
    tracking: &TrackingNumber,
) -> Result<TicketRow, DeskError> {
    let sql = format!("{}{}", find_sql(), conn.for_update("t"));
    conn.row(
        &sql,
        &[&tracking.to_string(), &scope_store(scope)],
        TicketRow::read,
    )?
    .ok_or_else(|| DeskError::NotFound(tracking.to_string()))
}

/// The ticket with row id `id` (already known to be visible to the caller).
pub(crate) fn ticket_by_id(conn: &dyn Conn, id: i64) -> Result<TicketRow, DeskError> {
    conn.row(
        &format!(
            "SELECT {TICKET_COLUMNS} FROM tickets t JOIN stores s ON s.id = t.store_id WHERE t.id = ?1"
        ),
        &[&id],
        TicketRow::read,
    )?
    .ok_or_else(|| DeskError::Storage(format!("ticket row {id} is gone")))
}

/// The full view of a stored ticket: the row, its thread (oldest first) and its attachments.
pub(crate) fn view(conn: &dyn Conn, row: TicketRow, now: &str) -> Result<TicketView, DeskError> {
    let messages = messages(conn, row.id)?;
    let attachments = attachments(conn, row.id)?;
    row.into_view(now, messages, attachments)
}

fn messages(conn: &dyn Conn, ticket_id: i64) -> Result<Vec<MessageView>, DeskError> {
    conn.rows(
        "SELECT author, body, at, via FROM messages WHERE ticket_id = ?1 ORDER BY id",
        &[&ticket_id],
        |row| {
            Ok(MessageView {
                from: row.decoded(0, stored_author)?,
                body: row.get(1)?,
                at: row.get(2)?,
                via: row.decoded(3, stored_via)?,
            })
        },
    )
}

fn attachments(conn: &dyn Conn, ticket_id: i64) -> Result<Vec<AttachmentView>, DeskError> {
    conn.rows(
        "SELECT name, kind, size FROM attachments WHERE ticket_id = ?1 ORDER BY id",
        &[&ticket_id],
        |row| {
            Ok(AttachmentView {
                name: row.get(0)?,
                kind: row.get(1)?,
                size: row.get::<i64>(2)?.unsigned_abs(),
            })
        },
    )
}

/// A summary from a row of [`SUMMARY_COLUMNS`].
pub(crate) fn summary_from_row(row: &Row, now: &str) -> Result<TicketSummary, DeskError> {
    let status = row.decoded(1, stored_status)?;
    let first_response_due: String = row.get(7)?;
    let first_response_at: Option<String> = row.get(8)?;
    Ok(TicketSummary {
        tracking_number: row.decoded(0, stored_tracking)?,
        status,
        subject: row.get(2)?,
        store: row.get(3)?,
        order: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        overdue: overdue(
            status,
            first_response_at.as_deref(),
            &first_response_due,
            now,
        ),
        first_response_due,
    })
}

pub(crate) fn stored_tracking(text: &str) -> Result<TrackingNumber, String> {
    text.parse()
        .map_err(|e| format!("stored tracking number `{text}` is unreadable: {e}"))
}

pub(crate) fn stored_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| format!("stored status `{text}` is unknown"))
}

pub(crate) fn stored_author(text: &str) -> Result<Author, String> {
    match text {
        "merchant" => Ok(Author::Merchant),
        "support" => Ok(Author::Support),
        other => Err(format!("stored message author `{other}` is unknown")),
    }
}

pub(crate) fn stored_via(text: &str) -> Result<Via, String> {
    Via::parse(text).ok_or_else(|| format!("unknown channel `{text}`"))
}

/// The stored list of missing fields (`order,phone`) as names.
pub(crate) fn split_missing(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|name| !name.is_empty())
        .map(String::from)
        .collect()
}

pub(crate) fn author_name(author: Author) -> &'static str {
    match author {
        Author::Merchant => "merchant",
        Author::Support => "support",
    }
}

/// The masked PIN from its stored last two characters: the same text as `Pin::masked`.
fn masked_pin(hint: &str) -> String {
    format!("••••{hint}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_is_found_by_its_unique_tracking_number() {
        let (_dir, core) = crate::desk::testing::desk();
        crate::desk::plans::on_sqlite(&core, |conn| {
            use crate::desk::plans::{Reads, assert_reads};
            let unique = Reads::Range("sqlite_autoindex_tickets_1");
            assert_reads(conn, &find_sql(), "t", unique);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn a_pin_masked_from_its_hint_reads_as_the_domain_masks_it() {
        let pin = crate::domain::text::parse_pin("4321ab").unwrap().value;
        assert_eq!(masked_pin("ab"), pin.masked());
    }

    #[test]
    fn overdue_needs_no_answer_an_unresolved_ticket_and_a_passed_due_time() {
        let due = "2026-11-20T16:00:00Z";
        let after = "2026-11-20T16:00:01Z";
        assert!(overdue(Status::Open, None, due, after));
        assert!(!overdue(Status::Open, None, due, due), "due exactly now");
        assert!(!overdue(Status::Resolved, None, due, after));
        assert!(!overdue(
            Status::Open,
            Some("2026-11-20T15:00:00Z"),
            due,
            after
        ));
        // Answered late still counts as answered: the promise is about the first response.
        assert!(!overdue(
            Status::Answered,
            Some("2026-11-21T00:00:00Z"),
            due,
            after
        ));
    }
}
