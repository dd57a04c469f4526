//! Incoming mail (SPEC §9), once `mail/receive.rs` has read it: what it becomes, in one
//! transaction with everything it causes.
//!
//! - A message answering a stored Message-ID (In-Reply-To/References), else one whose subject
//!   carries a checked `[CS-…]` tag, names a ticket. It becomes a merchant message there
//!   (reopening the ticket) only when it comes from the ticket's contact email or an address
//!   registered for its store; from anyone else it is held for the engineer, and the sender is
//!   told nothing (knowing a tracking number gives no way into a ticket).
//! - Anything else is held; a person (not an automatic message) gets one polite automatic
//!   answer saying how to file, at most one a day per address.
//! - Automatic mail (an out-of-office, a bounce, a list, the desk's own mail come back) is
//!   held and answered by nothing, even on a ticket's thread.
//! - The same Message-ID twice is taken once.
//!
//! Attachments are checked as §2 screenshots; others are left out, and the message says so.

use chrono::{DateTime, TimeDelta, Utc};

use super::storage::{Conn, Db};
use super::views::{self, TicketRow};
use super::{DeskError, Upload, attachments, messages, outbox};
use crate::api::Author;
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;
use crate::mail::compose;
use crate::mail::receive::Incoming;

/// How long after an automatic answer to an address the next one may go.
const NOTICE_EVERY_HOURS: i64 = 24;

/// What an incoming message became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// A merchant message on this ticket.
    Threaded(TrackingNumber),
    /// Kept aside for the engineer, with why; `answered` when the sender was told how to file.
    Held { reason: String, answered: bool },
    /// A Message-ID already taken.
    Duplicate,
}

pub(crate) fn receive(
    db: &Db,
    incoming: &Incoming,
    now: DateTime<Utc>,
) -> Result<Received, DeskError> {
    let now_text = format_utc(now);
    let since = format_utc(now - TimeDelta::hours(NOTICE_EVERY_HOURS));
    let (body, screenshots) = body_and_screenshots(incoming);
    db.write(|tx| {
        if seen(tx, &incoming.message_id)? {
            return Ok(Received::Duplicate);
        }
        let ticket = named_ticket(tx, incoming)?;
        if let Some(row) = &ticket {
            if incoming.automatic {
                return hold(tx, incoming, Some(row.id), "automatic mail on a ticket's thread", &now_text);
            }
            if !may_write(tx, row, &incoming.from)? {
                return hold(
                    tx,
                    incoming,
                    Some(row.id),
                    "the sender is neither the ticket's contact email nor an address registered for its store",
                    &now_text,
                );
            }
            let (text, shots) = match messages::checked(&body, screenshots.clone()) {
                Ok(checked) => checked,
                Err(_) if body.trim().is_empty() => {
                    return hold(tx, incoming, Some(row.id), "an empty reply", &now_text);
                }
                // Attachments that fail as a set (too many): the text alone.
                Err(_) => messages::checked(&body, Vec::new())?,
            };
            messages::write(tx, row, Author::Merchant, &text, &shots, &now_text)?;
            outbox::remember(tx, row.id, &incoming.message_id, "in", &now_text)?;
            return Ok(Received::Threaded(row.tracking));
        }
        let reason = if incoming.looped {
            "the desk's own mail came back"
        } else if incoming.automatic {
            "automatic mail naming no ticket"
        } else if known_store_address(tx, &incoming.from)? {
            "new mail from a registered store address: filing a ticket by email is not built yet; file it with `cartsaver-support new` or answer by hand"
        } else {
            "new mail from an address no store registered"
        };
        let answered = !incoming.automatic && !noticed_since(tx, &incoming.from, &since)?;
        hold(tx, incoming, None, reason, &now_text)?;
        if answered {
            let draft = compose::how_to_file(&incoming.subject);
            outbox::queue_loose(tx, &incoming.from, &draft, &incoming.message_id, &now_text)?;
        }
        Ok(Received::Held {
            reason: reason.to_string(),
            answered,
        })
    })
}

/// The message's text with a line for each attachment left out, and the screenshots.
fn body_and_screenshots(incoming: &Incoming) -> (String, Vec<Upload>) {
    let mut body = incoming.text.clone();
    let mut kept = Vec::new();
    for attachment in &incoming.attachments {
        let upload = Upload {
            name: attachment.name.clone(),
            bytes: attachment.bytes.clone(),
        };
        match attachments::check(vec![upload.clone()]).pop() {
            Some(Ok(_)) => kept.push(upload),
            Some(Err(error)) => body.push_str(&format!(
                "\n\n[attachment `{}` left out: {}]",
                attachment.name, error.message
            )),
            None => {}
        }
    }
    (body, kept)
}

fn seen(conn: &dyn Conn, message_id: &str) -> Result<bool, DeskError> {
    conn.value(
        "SELECT EXISTS (SELECT 1 FROM mail_ids WHERE message_id = ?1)
             OR EXISTS (SELECT 1 FROM mail_held WHERE message_id = ?1)",
        &[&message_id],
    )
}

/// The ticket a message answers (by a stored Message-ID), else the one its subject's tag names;
/// locked for the change.
fn named_ticket(conn: &dyn Conn, incoming: &Incoming) -> Result<Option<TicketRow>, DeskError> {
    for id in &incoming.answers {
        let tracking: Option<String> = conn.row(
            "SELECT t.tracking_number FROM mail_ids m JOIN tickets t ON t.id = m.ticket_id
             WHERE m.message_id = ?1",
            &[id],
            |row| row.get(0),
        )?;
        if let Some(tracking) = tracking {
            let tracking = views::stored_tracking(&tracking).map_err(DeskError::Storage)?;
            return lock(conn, &tracking);
        }
    }
    match &incoming.tag {
        Some(tracking) => lock(conn, tracking),
        None => Ok(None),
    }
}

fn lock(conn: &dyn Conn, tracking: &TrackingNumber) -> Result<Option<TicketRow>, DeskError> {
    match views::require_ticket_to_change(conn, &super::Scope::Everything, tracking) {
        Ok(row) => Ok(Some(row)),
        Err(DeskError::NotFound(_)) => Ok(None),
        Err(other) => Err(other),
    }
}

/// Whether `sender` may write into the ticket: its contact, or an address of its store.
fn may_write(conn: &dyn Conn, row: &TicketRow, sender: &str) -> Result<bool, DeskError> {
    if row.email.eq_ignore_ascii_case(sender) {
        return Ok(true);
    }
    conn.value(
        "SELECT EXISTS (SELECT 1 FROM store_addresses a JOIN tickets t ON t.store_id = a.store_id
                        WHERE t.id = ?1 AND a.address = ?2)",
        &[&row.id, &sender],
    )
}

fn known_store_address(conn: &dyn Conn, sender: &str) -> Result<bool, DeskError> {
    conn.value(
        "SELECT EXISTS (SELECT 1 FROM store_addresses WHERE address = ?1)",
        &[&sender],
    )
}

/// Whether an automatic answer went to `address` since `since`.
fn noticed_since(conn: &dyn Conn, address: &str, since: &str) -> Result<bool, DeskError> {
    conn.value(
        "SELECT EXISTS (SELECT 1 FROM mail_outbox
                        WHERE recipient = ?1 AND ticket_id IS NULL AND created_at > ?2)",
        &[&address, &since],
    )
}

fn hold(
    conn: &dyn Conn,
    incoming: &Incoming,
    ticket_id: Option<i64>,
    reason: &str,
    now: &str,
) -> Result<Received, DeskError> {
    conn.execute(
        "INSERT INTO mail_held (message_id, sender, subject, reason, ticket_id, body, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            &incoming.message_id,
            &incoming.from,
            &incoming.subject,
            &reason,
            &ticket_id,
            &incoming.text,
            &now,
        ],
    )?;
    Ok(Received::Held {
        reason: reason.to_string(),
        answered: false,
    })
}

/// A held mail, as `cartsaver-desk mail held` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HeldMail {
    pub id: i64,
    pub message_id: String,
    pub sender: String,
    pub subject: String,
    pub reason: String,
    pub tracking_number: Option<String>,
    pub body: String,
    pub at: String,
}

/// The held mail, newest first.
pub(crate) fn held(db: &Db, limit: usize) -> Result<Vec<HeldMail>, DeskError> {
    db.read(|conn| {
        conn.rows(
            "SELECT h.id, h.message_id, h.sender, h.subject, h.reason, t.tracking_number, h.body,
                 h.at
             FROM mail_held h LEFT JOIN tickets t ON t.id = h.ticket_id
             ORDER BY h.id DESC LIMIT ?1",
            &[&limit],
            |row| {
                Ok(HeldMail {
                    id: row.get(0)?,
                    message_id: row.get(1)?,
                    sender: row.get(2)?,
                    subject: row.get(3)?,
                    reason: row.get(4)?,
                    tracking_number: row.get(5)?,
                    body: row.get(6)?,
                    at: row.get(7)?,
                })
            },
        )
    })
}
