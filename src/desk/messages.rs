//! The life of a filed ticket: messages in its thread and status changes (SPEC §7).
//!
//! `open` (awaiting support) → `answered` (support replied) → `resolved`. A merchant message sets
//! `open` again, also on a resolved ticket; a support message sets `answered` and records the
//! first response. The merchant resolves; support may set any status.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::db::Db;
use super::views::{self, TicketRow};
use super::{DeskError, Scope, Upload, attachments};
use crate::api::{Author, Status, TicketView};
use crate::domain::screenshot::check_screenshot_count;
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;

/// A follow-up is prose; logs belong in an attachment.
const MAX_BODY_CHARS: usize = 20_000;

pub(crate) fn add(
    db: &Db,
    scope: &Scope,
    tracking: &TrackingNumber,
    from: Author,
    body: &str,
    uploads: Vec<Upload>,
    now: DateTime<Utc>,
) -> Result<TicketView, DeskError> {
    if matches!(scope, Scope::Store(_)) && from == Author::Support {
        return Err(DeskError::BadRequest(
            "a store token writes as the merchant; support replies with `cartsaver-desk reply`"
                .to_string(),
        ));
    }
    let body = body.trim();
    check_body(body, !uploads.is_empty())?;
    attachments::refuse_oversized(&uploads)?;
    let mut errors = Vec::new();
    if let Err(error) = check_screenshot_count(uploads.len()) {
        errors.push(error);
    }
    let mut screenshots = Vec::new();
    for checked in attachments::check(uploads) {
        match checked {
            Ok(parsed) => screenshots.push(parsed.value),
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Err(DeskError::Invalid(errors));
    }

    let now_text = format_utc(now);
    db.write(|tx| {
        let row = views::require_ticket(tx, scope, tracking)?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO messages (ticket_id, author, body, at) VALUES (?1, ?2, ?3, ?4)",
        )?;
        stmt.execute(params![row.id, views::author_name(from), body, now_text])?;
        let message_id = tx.last_insert_rowid();
        attachments::insert(tx, row.id, Some(message_id), &screenshots)?;
        let status = match from {
            Author::Merchant => Status::Open,
            Author::Support => Status::Answered,
        };
        change_status(tx, &row, status, &now_text)?;
        let row = views::ticket_by_id(tx, row.id)?;
        views::view(tx, row, &now_text)
    })
}

fn check_body(body: &str, has_attachments: bool) -> Result<(), DeskError> {
    if body.is_empty() && !has_attachments {
        return Err(DeskError::BadRequest(
            "the message is empty; write the follow-up (what changed, what you tried since), or \
             attach a screenshot"
                .to_string(),
        ));
    }
    let chars = body.chars().count();
    if chars > MAX_BODY_CHARS {
        return Err(DeskError::BadRequest(format!(
            "the message has {chars} characters, over the {MAX_BODY_CHARS} a message may have; \
             shorten it, and attach long logs as a PDF"
        )));
    }
    Ok(())
}

/// The merchant's resolve.
pub(crate) fn resolve(
    db: &Db,
    scope: &Scope,
    tracking: &TrackingNumber,
    now: DateTime<Utc>,
) -> Result<TicketView, DeskError> {
    set(db, scope, tracking, Status::Resolved, now)
}

/// Support's `set-status`: any status, any ticket.
pub(crate) fn set_status(
    db: &Db,
    tracking: &TrackingNumber,
    status: Status,
    now: DateTime<Utc>,
) -> Result<TicketView, DeskError> {
    set(db, &Scope::Everything, tracking, status, now)
}

/// A status change; setting the status a ticket already has changes nothing (not even
/// `updated_at`), so a retried request is harmless.
fn set(
    db: &Db,
    scope: &Scope,
    tracking: &TrackingNumber,
    status: Status,
    now: DateTime<Utc>,
) -> Result<TicketView, DeskError> {
    let now_text = format_utc(now);
    db.write(|tx| {
        let row = views::require_ticket(tx, scope, tracking)?;
        if row.status == status {
            return views::view(tx, row, &now_text);
        }
        change_status(tx, &row, status, &now_text)?;
        let row = views::ticket_by_id(tx, row.id)?;
        views::view(tx, row, &now_text)
    })
}

/// Set `status` and touch `updated_at` (a message touches it even when the status stays).
/// `answered` records the first response if there was none: support marking a ticket answered
/// (after a phone call, say) has responded, and an answered ticket is never overdue.
fn change_status(
    conn: &Connection,
    row: &TicketRow,
    status: Status,
    now: &str,
) -> Result<(), DeskError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE tickets SET status = ?2, updated_at = ?3,
             first_response_at = CASE WHEN ?2 = 'answered' THEN coalesce(first_response_at, ?3)
                                      ELSE first_response_at END
         WHERE id = ?1",
    )?;
    stmt.execute(params![row.id, status.name(), now])?;
    Ok(())
}
