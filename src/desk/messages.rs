//! The life of a filed ticket: messages in its thread and status changes (SPEC §7).
//!
//! `open` (awaiting support) → `answered` (support replied) → `resolved`. A merchant message sets
//! `open` again, also on a resolved ticket; a support message sets `answered` and records the
//! first response. The merchant resolves; support may set any status. A status change moves the
//! ticket between its store's counts (`counts.rs`) in the same transaction.

use super::storage::{Conn, Db};
use super::views::{self, TicketRow};
use super::{DeskError, Scope, Upload, attachments, counts, mail};
use crate::api::{Author, Status, TicketView, Via};
use crate::domain::screenshot::{Screenshot, check_screenshot_count};
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;
use crate::mail::compose;
use chrono::{DateTime, Utc};

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
    let (body, screenshots) = checked(body, uploads)?;
    let now_text = format_utc(now);
    db.write(|tx| {
        let row = views::require_ticket_to_change(tx, scope, tracking)?;
        let via = match from {
            Author::Merchant => Via::Api,
            Author::Support => Via::Desk,
        };
        write(tx, &row, (from, via), &body, &screenshots, &now_text).map(|(view, _)| view)
    })
}

/// A message's text trimmed and its attachments checked as §2 screenshots, every problem at once.
pub(crate) fn checked(
    body: &str,
    uploads: Vec<Upload>,
) -> Result<(String, Vec<Screenshot>), DeskError> {
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
    Ok((body.to_string(), screenshots))
}

/// Write a checked message on the ticket `row` (locked by the caller's transaction), from
/// `from` by the channel `via`, queue the mail a support reply is, and set the status it
/// implies. Returns the ticket as it now is and the message's row id.
pub(crate) fn write(
    tx: &dyn Conn,
    row: &TicketRow,
    (from, via): (Author, Via),
    body: &str,
    screenshots: &[Screenshot],
    now_text: &str,
) -> Result<(TicketView, i64), DeskError> {
    let message_id: i64 = tx.value(
        "INSERT INTO messages (ticket_id, store_id, author, body, at, via)
         VALUES (?1, (SELECT store_id FROM tickets WHERE id = ?1), ?2, ?3, ?4, ?5) RETURNING id",
        &[
            &row.id,
            &views::author_name(from),
            &body,
            &now_text,
            &via.as_str(),
        ],
    )?;
    attachments::insert(tx, row.id, Some(message_id), screenshots)?;
    if from == Author::Support {
        let draft = compose::reply(&row.tracking, &row.subject, body);
        mail::queue::queue(tx, row.id, &row.tracking, &row.email, &draft, now_text)?;
    }
    let status = match from {
        Author::Merchant => Status::Open,
        Author::Support => Status::Answered,
    };
    change_status(tx, row, status, now_text)?;
    let row = views::ticket_by_id(tx, row.id)?;
    Ok((views::view(tx, row, now_text)?, message_id))
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
        let row = views::require_ticket_to_change(tx, scope, tracking)?;
        if row.status == status {
            return views::view(tx, row, &now_text);
        }
        change_status(tx, &row, status, &now_text)?;
        if status == Status::Resolved {
            let draft = compose::resolved(&row.tracking, &row.subject);
            mail::queue::queue(tx, row.id, &row.tracking, &row.email, &draft, &now_text)?;
        }
        let row = views::ticket_by_id(tx, row.id)?;
        views::view(tx, row, &now_text)
    })
}

/// Set `status` and touch `updated_at` (a message touches it even when the status stays).
/// `answered` records the first response if there was none: support marking a ticket answered
/// (after a phone call, say) has responded, and an answered ticket is never overdue.
fn change_status(
    conn: &dyn Conn,
    row: &TicketRow,
    status: Status,
    now: &str,
) -> Result<(), DeskError> {
    conn.execute(
        "UPDATE tickets SET status = ?2, updated_at = ?3,
             first_response_at = CASE WHEN ?2 = 'answered' THEN coalesce(first_response_at, ?3)
                                      ELSE first_response_at END
         WHERE id = ?1",
        &[&row.id, &status.name(), &now],
    )?;
    counts::moved(conn, row.id, row.status, status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::testing::*;

    fn reply(
        core: &crate::desk::DeskCore,
        scope: &Scope,
        tn: &TrackingNumber,
        from: Author,
        minutes: i64,
    ) -> TicketView {
        core.add_message(scope, tn, from, "  see logs  ", Vec::new(), later(minutes))
            .unwrap()
    }

    #[test]
    fn statuses_follow_the_thread() {
        let (_dir, core) = desk();
        let merchant = store_scope(SHOP);
        let tn = file(&core, SHOP, "1052", t0()).tracking_number;

        let answered = reply(&core, &Scope::Everything, &tn, Author::Support, 30);
        assert_eq!(answered.status, Status::Answered);
        assert_eq!(answered.updated_at, "2026-11-18T10:30:00Z");
        assert_eq!(answered.messages.len(), 1);
        assert_eq!(answered.messages[0].from, Author::Support);
        assert_eq!(answered.messages[0].body, "see logs");

        let reopened = reply(&core, &merchant, &tn, Author::Merchant, 40);
        assert_eq!(reopened.status, Status::Open);

        let resolved = core.resolve(&merchant, &tn, later(50)).unwrap();
        assert_eq!(resolved.status, Status::Resolved);
        assert_eq!(resolved.updated_at, "2026-11-18T10:50:00Z");
        // Resolving again changes nothing.
        let again = core.resolve(&merchant, &tn, later(55)).unwrap();
        assert_eq!(again.updated_at, resolved.updated_at);

        // A merchant writing on a resolved ticket opens it again.
        let after = reply(&core, &merchant, &tn, Author::Merchant, 60);
        assert_eq!(after.status, Status::Open);
        let froms: Vec<Author> = after.messages.iter().map(|m| m.from).collect();
        assert_eq!(froms, [Author::Support, Author::Merchant, Author::Merchant]);

        // Support may set any status.
        for status in [Status::Resolved, Status::Answered, Status::Open] {
            assert_eq!(
                core.set_status(&tn, status, later(70)).unwrap().status,
                status
            );
        }
    }

    #[test]
    fn a_store_token_cannot_write_as_support_nor_send_nothing() {
        let (_dir, core) = desk();
        let tn = file(&core, SHOP, "1052", t0()).tracking_number;
        let merchant = store_scope(SHOP);
        for (from, body) in [(Author::Support, "hello"), (Author::Merchant, "  \n")] {
            let error = core
                .add_message(&merchant, &tn, from, body, Vec::new(), t0())
                .unwrap_err();
            assert!(matches!(error, DeskError::BadRequest(_)), "{error:?}");
        }
        // A screenshot alone is a message.
        let view = core
            .add_message(
                &merchant,
                &tn,
                Author::Merchant,
                "",
                vec![png("again.png", 3)],
                t0(),
            )
            .unwrap();
        assert_eq!(view.messages.len(), 1);
        assert_eq!(view.attachments.len(), 1);
        assert_eq!(count(&core, "messages"), 1);
    }

    #[test]
    fn a_bad_attachment_drops_the_whole_message() {
        let (_dir, core) = desk();
        let tn = file(&core, SHOP, "1052", t0()).tracking_number;
        let files = vec![
            png("a.png", 1),
            Upload {
                name: "b.exe".to_string(),
                bytes: b"MZ".to_vec(),
            },
        ];
        let error = core
            .add_message(&Scope::Everything, &tn, Author::Merchant, "x", files, t0())
            .unwrap_err();
        assert!(
            matches!(error, DeskError::Invalid(ref e) if e.len() == 1),
            "{error:?}"
        );
        assert_eq!(count(&core, "messages"), 0);
        assert_eq!(count(&core, "attachments"), 0);
    }

    #[test]
    fn overdue_until_support_answers_or_the_ticket_is_resolved() {
        let (_dir, core) = desk();
        let view = file(&core, SHOP, "1052", t0());
        let tn = view.tracking_number;
        let due: chrono::DateTime<chrono::Utc> = view.first_response_due.parse().unwrap();
        let just_before = due - chrono::TimeDelta::seconds(1);
        let just_after = due + chrono::TimeDelta::seconds(1);
        let overdue_at = |now| core.ticket(&Scope::Everything, &tn, now).unwrap().overdue;
        assert!(!overdue_at(just_before));
        assert!(!overdue_at(due));
        assert!(overdue_at(just_after));

        // A merchant nudge is not a response.
        core.add_message(
            &Scope::Everything,
            &tn,
            Author::Merchant,
            "any news?",
            Vec::new(),
            just_after,
        )
        .unwrap();
        assert!(overdue_at(just_after));

        core.resolve(&Scope::Everything, &tn, just_after).unwrap();
        assert!(!overdue_at(just_after));
        core.set_status(&tn, Status::Open, just_after).unwrap();
        assert!(overdue_at(just_after));

        // A late answer still ends it, and so does a reopening afterwards.
        reply(&core, &Scope::Everything, &tn, Author::Support, 60 * 48);
        reply(&core, &Scope::Everything, &tn, Author::Merchant, 60 * 49);
        assert!(!overdue_at(just_after + chrono::TimeDelta::days(3)));
    }

    #[test]
    fn setting_answered_counts_as_the_first_response() {
        let (_dir, core) = desk();
        let tn = file(&core, SHOP, "1052", t0()).tracking_number;
        core.set_status(&tn, Status::Answered, later(90)).unwrap();
        let stats = core.stats(&Scope::Everything, later(60 * 24 * 7)).unwrap();
        assert_eq!(stats.median_first_response_seconds, Some(90 * 60));
        assert!(stats.overdue.is_empty());
    }
}
