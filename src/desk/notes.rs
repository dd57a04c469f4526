//! Internal notes on a ticket (SPEC §10): what agents write for each other, which the merchant
//! never sees.
//!
//! Owns the `ticket_notes` table, apart from `messages` on purpose: the thread of the API,
//! `status`, `tickets show --json` and every mail are read from `messages`, so no note can reach
//! them by a missed filter. A note does not change the ticket (not its status, not
//! `updated_at`): nothing the merchant can see moves.

use chrono::{DateTime, Utc};

use super::storage::Db;
use super::{DeskError, Scope, views};
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;

/// A note is a few lines for a colleague; the same bound as a message.
const MAX_NOTE_CHARS: usize = 20_000;

/// A note as the inbox shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The agent's email when it was written.
    pub author: String,
    pub body: String,
    pub at: String,
}

fn checked(body: &str) -> Result<&str, DeskError> {
    let body = body.trim();
    if body.is_empty() {
        return Err(DeskError::BadRequest(
            "the note is empty; write what a colleague should know about this ticket".to_string(),
        ));
    }
    let chars = body.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(DeskError::BadRequest(format!(
            "the note has {chars} characters, over the {MAX_NOTE_CHARS} a note may have; shorten it"
        )));
    }
    Ok(body)
}

pub(crate) fn add(
    db: &Db,
    tracking: &TrackingNumber,
    author: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), DeskError> {
    let body = checked(body)?;
    let now = format_utc(now);
    db.write(|tx| {
        let row = views::require_ticket(tx, &Scope::Everything, tracking)?;
        tx.execute(
            "INSERT INTO ticket_notes (ticket_id, author, body, at) VALUES (?1, ?2, ?3, ?4)",
            &[&row.id, &author, &body, &now],
        )?;
        Ok(())
    })
}

/// A ticket's notes, oldest first.
pub(crate) fn list(db: &Db, tracking: &TrackingNumber) -> Result<Vec<Note>, DeskError> {
    db.read(|conn| {
        let row = views::require_ticket(conn, &Scope::Everything, tracking)?;
        conn.rows(
            "SELECT author, body, at FROM ticket_notes WHERE ticket_id = ?1 ORDER BY id",
            &[&row.id],
            |row| {
                Ok(Note {
                    author: row.get(0)?,
                    body: row.get(1)?,
                    at: row.get(2)?,
                })
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::testing::*;

    #[test]
    fn notes_stay_out_of_the_ticket_and_its_thread() {
        let (_dir, core) = desk();
        let filed = file(&core, SHOP, "1052", t0());
        let tn = filed.tracking_number;
        core.add_note(&tn, "agent@desk.example", "  called the store  ", later(5))
            .unwrap();
        let notes = core.notes(&tn).unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].body, "called the store");
        let view = core.ticket(&Scope::Everything, &tn, later(6)).unwrap();
        assert!(view.messages.is_empty());
        assert_eq!(view.updated_at, filed.updated_at);
        assert_eq!(view.status, filed.status);
        assert!(core.add_note(&tn, "a@b.co", "   ", t0()).is_err());
    }
}
