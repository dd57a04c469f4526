//! The outgoing mail queue (SPEC §9): a mail is a row of `mail_outbox`, written in the
//! transaction of the event it tells of (a filing, a support reply, a resolve), so an event
//! recorded is a mail queued, whichever process recorded it. `serve --smtp` sends what is due
//! (`server/mailer.rs`).
//!
//! Every mail's Message-ID is made here, kept in `mail_ids` with the ticket, and stays the same
//! across tries; In-Reply-To and References chain the ticket's thread (both ways: incoming
//! mail's ids are kept there too). A sender claims a due mail by moving its next try past a
//! lease, in a transaction that locks the row and skips rows other senders hold
//! ([`Conn::skip_locked`]), so with several desk instances each mail goes through one. A sender
//! that dies mid-send leaves the mail to be tried again after the lease: a crash may send a
//! mail twice, never lose it. No SMTP here, no words of the mails (`mail/compose.rs`).

use chrono::{DateTime, TimeDelta, Utc};
use rand::Rng as _;

use crate::desk::DeskError;
use crate::desk::storage::{Conn, Db, Row};
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;
use crate::mail::compose::Draft;
use crate::mail::send::Outgoing;

/// The right-hand side of the desk's Message-IDs.
const ID_DOMAIN: &str = "cartsaver-desk";

/// How many ids a References header lists: the thread's first and the latest ones.
const MAX_REFERENCES: usize = 10;

/// How long a claimed mail is left to its sender before another may try it.
pub(crate) const LEASE_SECONDS: i64 = 120;

/// A fresh Message-ID for a mail of ticket `tracking`.
fn new_message_id(tracking: &TrackingNumber) -> String {
    let random: [u8; 16] = rand::rng().random();
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    format!("<{hex}.{tracking}@{ID_DOMAIN}>")
}

/// Queue `draft` to `recipient` on ticket `ticket_id`'s thread. Returns its Message-ID.
pub(crate) fn queue(
    conn: &dyn Conn,
    ticket_id: i64,
    tracking: &TrackingNumber,
    recipient: &str,
    draft: &Draft,
    now: &str,
) -> Result<String, DeskError> {
    let thread: Vec<String> = conn.rows(
        "SELECT message_id FROM mail_ids WHERE ticket_id = ?1 ORDER BY id",
        &[&ticket_id],
        |row| row.get(0),
    )?;
    let in_reply_to = thread.last().cloned();
    let references = (!thread.is_empty()).then(|| {
        let mut chain: Vec<&str> = vec![thread[0].as_str()];
        let start = thread.len().saturating_sub(MAX_REFERENCES - 1).max(1);
        chain.extend(thread[start..].iter().map(String::as_str));
        chain.join(" ")
    });
    let message_id = new_message_id(tracking);
    conn.execute(
        "INSERT INTO mail_outbox (ticket_id, kind, message_id, recipient, subject, body,
             in_reply_to, refs, automatic, status, attempts, next_attempt_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'queued', 0, ?10, ?10)",
        &[
            &ticket_id,
            &draft.kind.name(),
            &message_id,
            &recipient,
            &draft.subject,
            &draft.body,
            &in_reply_to,
            &references,
            &draft.automatic,
            &now,
        ],
    )?;
    remember(conn, ticket_id, &message_id, "out", now)?;
    Ok(message_id)
}

/// Queue `draft` to `recipient` on no ticket: the answer to a held mail (in reply to it), or a
/// login code (in reply to nothing). Returns its Message-ID.
pub(crate) fn queue_loose(
    conn: &dyn Conn,
    recipient: &str,
    draft: &Draft,
    in_reply_to: Option<&str>,
    now: &str,
) -> Result<String, DeskError> {
    let random: [u8; 16] = rand::rng().random();
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let message_id = format!("<{hex}@{ID_DOMAIN}>");
    conn.execute(
        "INSERT INTO mail_outbox (ticket_id, kind, message_id, recipient, subject, body,
             in_reply_to, refs, automatic, status, attempts, next_attempt_at, created_at)
         VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, 'queued', 0, ?8, ?8)",
        &[
            &draft.kind.name(),
            &message_id,
            &recipient,
            &draft.subject,
            &draft.body,
            &in_reply_to,
            &draft.automatic,
            &now,
        ],
    )?;
    Ok(message_id)
}

/// Keep a Message-ID of ticket `ticket_id`'s thread (`out` for the desk's, `in` for received
/// ones). Returns whether it was new.
pub(crate) fn remember(
    conn: &dyn Conn,
    ticket_id: i64,
    message_id: &str,
    direction: &str,
    now: &str,
) -> Result<bool, DeskError> {
    let added = conn.execute(
        "INSERT INTO mail_ids (message_id, ticket_id, direction, at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (message_id) DO NOTHING",
        &[&message_id, &ticket_id, &direction, &now],
    )?;
    Ok(added == 1)
}

/// A queued mail as the sender takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    /// Tries so far, this one included.
    pub attempts: u32,
    pub mail: Outgoing,
}

/// Take the next due mail for this sender, if any: its next try moves a lease ahead, so no other
/// sender takes it meanwhile.
pub(crate) fn claim(db: &Db, now: DateTime<Utc>) -> Result<Option<Claimed>, DeskError> {
    let now_text = format_utc(now);
    let lease = format_utc(now + TimeDelta::seconds(LEASE_SECONDS));
    db.write(|tx| {
        let sql = format!(
            "SELECT o.id, o.attempts, o.message_id, o.recipient, o.subject, o.body,
                 o.in_reply_to, o.refs, o.automatic
             FROM mail_outbox o WHERE o.status = 'queued' AND o.next_attempt_at <= ?1
             ORDER BY o.next_attempt_at, o.id LIMIT 1{}",
            tx.skip_locked("o")
        );
        let Some(mut claimed) = tx.row(&sql, &[&now_text], read_claimed)? else {
            return Ok(None);
        };
        claimed.attempts += 1;
        tx.execute(
            "UPDATE mail_outbox SET attempts = ?2, next_attempt_at = ?3 WHERE id = ?1",
            &[&claimed.id, &claimed.attempts, &lease],
        )?;
        Ok(Some(claimed))
    })
}

fn read_claimed(row: &Row) -> Result<Claimed, DeskError> {
    Ok(Claimed {
        id: row.get(0)?,
        attempts: row.get(1)?,
        mail: Outgoing {
            message_id: row.get(2)?,
            recipient: row.get(3)?,
            subject: row.get(4)?,
            body: row.get(5)?,
            in_reply_to: row.get(6)?,
            references: row.get(7)?,
            automatic: row.get(8)?,
        },
    })
}

/// What became of a claimed mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Try again at this time.
    Retry {
        at: DateTime<Utc>,
        error: String,
    },
    /// Never going to go: kept as failed, with the reason.
    Failed(String),
}

pub(crate) fn record(
    db: &Db,
    id: i64,
    outcome: &Outcome,
    now: DateTime<Utc>,
) -> Result<(), DeskError> {
    let now = format_utc(now);
    db.write(|tx| {
        match outcome {
            Outcome::Sent => tx.execute(
                "UPDATE mail_outbox SET status = 'sent', sent_at = ?2, last_error = NULL
                 WHERE id = ?1",
                &[&id, &now],
            )?,
            Outcome::Retry { at, error } => tx.execute(
                "UPDATE mail_outbox SET next_attempt_at = ?2, last_error = ?3 WHERE id = ?1",
                &[&id, &format_utc(*at), error],
            )?,
            Outcome::Failed(error) => tx.execute(
                "UPDATE mail_outbox SET status = 'failed', last_error = ?2 WHERE id = ?1",
                &[&id, error],
            )?,
        };
        Ok(())
    })
}

/// A row of the queue, as `cartsaver-desk mail queue` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QueuedMail {
    pub id: i64,
    pub tracking_number: Option<String>,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub message_id: String,
    pub status: String,
    pub attempts: u32,
    pub next_attempt_at: String,
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
}

/// The queue, newest first: every mail not sent, then (with `sent`) the sent ones too.
pub(crate) fn list(db: &Db, sent: bool, limit: usize) -> Result<Vec<QueuedMail>, DeskError> {
    db.read(|conn| {
        conn.rows(
            "SELECT o.id, t.tracking_number, o.kind, o.recipient, o.subject, o.message_id,
                 o.status, o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at
             FROM mail_outbox o LEFT JOIN tickets t ON t.id = o.ticket_id
             WHERE ?1 OR o.status <> 'sent'
             ORDER BY o.id DESC LIMIT ?2",
            &[&sent, &limit],
            |row| {
                Ok(QueuedMail {
                    id: row.get(0)?,
                    tracking_number: row.get(1)?,
                    kind: row.get(2)?,
                    recipient: row.get(3)?,
                    subject: row.get(4)?,
                    message_id: row.get(5)?,
                    status: row.get(6)?,
                    attempts: row.get(7)?,
                    next_attempt_at: row.get(8)?,
                    last_error: row.get(9)?,
                    created_at: row.get(10)?,
                    sent_at: row.get(11)?,
                })
            },
        )
    })
}

/// How many mails wait to be sent (the metrics' gauge).
pub(crate) fn waiting(db: &Db) -> Result<i64, DeskError> {
    db.read(|conn| {
        conn.value(
            "SELECT CAST(count(*) AS BIGINT) FROM mail_outbox WHERE status = 'queued'",
            &[],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Author, Status};
    use crate::desk::Scope;
    use crate::desk::testing::*;

    #[test]
    fn filing_replying_and_resolving_queue_a_threaded_mail_each() {
        let (_dir, core) = desk();
        let tn = file(&core, SHOP, "1052", t0()).tracking_number;
        core.add_message(
            &Scope::Everything,
            &tn,
            Author::Support,
            "The template was paused; resumed it.",
            Vec::new(),
            later(5),
        )
        .unwrap();
        // A merchant's message is theirs: no mail back.
        core.add_message(
            &store_scope(SHOP),
            &tn,
            Author::Merchant,
            "works now",
            Vec::new(),
            later(6),
        )
        .unwrap();
        core.resolve(&store_scope(SHOP), &tn, later(7)).unwrap();
        core.resolve(&store_scope(SHOP), &tn, later(8)).unwrap();

        let mut queue = core.mail_queue(true, 10).unwrap();
        queue.reverse();
        let kinds: Vec<&str> = queue.iter().map(|m| m.kind.as_str()).collect();
        assert_eq!(kinds, ["acknowledgement", "reply", "resolved"]);
        assert!(queue.iter().all(|m| m.recipient == "owner@cool-shop.com"));
        assert!(
            queue[0]
                .subject
                .starts_with(&format!("[{tn}] Cartsaver — "))
        );
        assert!(queue[1].subject.starts_with(&format!("Re: [{tn}] ")));

        let mut sent = Vec::new();
        while let Some(claimed) = core.claim_mail(later(10)).unwrap() {
            assert_eq!(claimed.attempts, 1);
            core.record_mail(claimed.id, &Outcome::Sent, later(10))
                .unwrap();
            sent.push(claimed.mail);
        }
        assert_eq!(sent.len(), 3);
        let (ack, reply, notice) = (&sent[0], &sent[1], &sent[2]);
        assert!(ack.automatic && !reply.automatic && notice.automatic);
        assert_eq!(ack.in_reply_to, None);
        assert_eq!(reply.in_reply_to.as_ref(), Some(&ack.message_id));
        assert_eq!(reply.references.as_ref(), Some(&ack.message_id));
        assert_eq!(notice.in_reply_to.as_ref(), Some(&reply.message_id));
        assert_eq!(
            notice.references,
            Some(format!("{} {}", ack.message_id, reply.message_id))
        );
        assert!(ack.message_id.contains(&tn.to_string()));
        assert_eq!(core.mail_waiting().unwrap(), 0);
        assert!(core.mail_queue(false, 10).unwrap().is_empty());
        let _ = Status::Open;
    }

    #[test]
    fn a_mail_that_fails_for_now_waits_its_backoff_and_a_permanent_failure_is_kept() {
        let (_dir, core) = desk();
        file(&core, SHOP, "1052", t0());
        file(&core, SHOP, "1053", t0());
        let first = core.claim_mail(t0()).unwrap().unwrap();
        let second = core.claim_mail(t0()).unwrap().unwrap();
        assert_ne!(first.id, second.id);
        // Claimed mail is not claimed again within its lease.
        assert!(core.claim_mail(t0()).unwrap().is_none());
        core.record_mail(
            first.id,
            &Outcome::Retry {
                at: later(1),
                error: "connection refused".into(),
            },
            t0(),
        )
        .unwrap();
        core.record_mail(
            second.id,
            &Outcome::Failed("550 5.1.1 no such user".into()),
            t0(),
        )
        .unwrap();
        assert!(core.claim_mail(t0()).unwrap().is_none());
        let again = core.claim_mail(later(1)).unwrap().unwrap();
        assert_eq!((again.id, again.attempts), (first.id, 2));
        assert_eq!(again.mail.message_id, first.mail.message_id);

        let queue = core.mail_queue(false, 10).unwrap();
        let failed = queue.iter().find(|m| m.id == second.id).unwrap();
        assert_eq!(failed.status, "failed");
        assert_eq!(failed.last_error.as_deref(), Some("550 5.1.1 no such user"));
        assert_eq!(core.mail_waiting().unwrap(), 1);

        // Past the lease, a mail whose sender died is someone's again.
        let lease = TimeDelta::seconds(LEASE_SECONDS + 1);
        let taken = core.claim_mail(later(1) + lease).unwrap().unwrap();
        assert_eq!(taken.id, first.id);
    }

    #[test]
    fn a_failed_filing_queues_nothing() {
        let (_dir, core) = desk();
        file(&core, SHOP, "1052", t0());
        // The duplicate guard refuses the second: no ticket, no mail.
        assert!(
            core.create_ticket(&Scope::Everything, request(input(SHOP, "1052")), t0())
                .is_err()
        );
        assert_eq!(core.mail_queue(true, 10).unwrap().len(), 1);
    }
}
