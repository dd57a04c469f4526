//! Incoming mail (SPEC §9), once `mail/receive.rs` has read it: what it becomes, in one
//! transaction with everything it causes.
//!
//! - A message answering a stored Message-ID (In-Reply-To/References), else one whose subject
//!   carries a checked `[CS-…]` tag, names a ticket. It becomes a merchant message there
//!   (reopening the ticket) only when it comes from the ticket's contact email or an address
//!   registered for its store; from anyone else it is held for the engineer, and the sender is
//!   told nothing (knowing a tracking number gives no way into a ticket).
//! - A new mail (naming no ticket) from an address registered for a store is a ticket of that
//!   store: the checklist read from its words (`mail/checklist.rs`) through the §2 parsers;
//!   what it lacks or what does not hold up is stored empty and listed, each with its fix, in
//!   the acknowledgement, so the merchant answers once.
//! - Anything else is held; a person (not an automatic message) gets one polite automatic
//!   answer saying how to file, at most one a day per address.
//! - Automatic mail (an out-of-office, a bounce, a list, the desk's own mail come back) is
//!   held and answered by nothing, even on a ticket's thread.
//! - The same Message-ID twice is taken once.
//!
//! Attachments are checked as §2 screenshots; others are left out of the thread (the message
//! says so) and kept in `refused_attachments` with the reason, for the engineer.
//! A ticket filed by mail is marked `via = email` with the fields it lacks; a later reply that
//! gives them completes it (`completion.rs`).

use chrono::{DateTime, TimeDelta, Utc};

use super::queue;
use crate::api::{Author, Via};
use crate::desk::storage::{Conn, Db};
use crate::desk::views::{self, TicketRow};
use crate::desk::{DeskError, Upload, attachments, messages};
use crate::domain::calendar::Calendar;
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
    /// A new ticket, filed by email from a registered store address.
    Filed(TrackingNumber),
    /// A Message-ID already taken.
    Duplicate,
}

pub(crate) fn receive(
    db: &Db,
    calendar: &Calendar,
    incoming: &Incoming,
    now: DateTime<Utc>,
) -> Result<Received, DeskError> {
    let now_text = format_utc(now);
    let since = format_utc(now - TimeDelta::hours(NOTICE_EVERY_HOURS));
    let (body, screenshots, refused) = body_and_screenshots(incoming);
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
            return thread(tx, calendar, row, incoming, (&body, &screenshots, &refused), now);
        }
        if !incoming.automatic
            && let Some(store) = store_of_address(tx, &incoming.from, &incoming.text)?
        {
            if let Some(row) = open_ticket_of_mail(tx, incoming, &store, &body)? {
                // The duplicate guard (§7): a second mail about an order with an unresolved
                // ticket is a message on it, not a second ticket.
                return thread(tx, calendar, &row, incoming, (&body, &screenshots, &refused), now);
            }
            return file(tx, calendar, incoming, &store, (&body, &screenshots, &refused), now)
                .map(Received::Filed);
        }
        let reason = if incoming.looped {
            "the desk's own mail came back"
        } else if incoming.automatic {
            "automatic mail naming no ticket"
        } else {
            "new mail from an address no store registered"
        };
        let answered = !incoming.automatic && !noticed_since(tx, &incoming.from, &since)?;
        hold(tx, incoming, None, reason, &now_text)?;
        if answered {
            let draft = compose::how_to_file(&incoming.subject);
            queue::queue_loose(
                tx,
                &incoming.from,
                &draft,
                Some(&incoming.message_id),
                &now_text,
            )?;
        }
        Ok(Received::Held {
            reason: reason.to_string(),
            answered,
        })
    })
}

/// An attachment the §2 screenshot checks refused: kept aside with why, for the engineer.
struct Refused {
    upload: Upload,
    reason: String,
}

/// The message's text with a line for each attachment left out, the screenshots, and the
/// attachments refused.
fn body_and_screenshots(incoming: &Incoming) -> (String, Vec<Upload>, Vec<Refused>) {
    let mut body = incoming.text.clone();
    let mut kept = Vec::new();
    let mut refused = Vec::new();
    for attachment in &incoming.attachments {
        let upload = Upload {
            name: attachment.name.clone(),
            bytes: attachment.bytes.clone(),
        };
        match attachments::check(vec![upload.clone()]).pop() {
            Some(Ok(_)) => kept.push(upload),
            Some(Err(error)) => {
                body.push_str(&format!(
                    "\n\n[attachment `{}` left out: {}]",
                    attachment.name, error.message
                ));
                refused.push(Refused {
                    upload,
                    reason: error.message.clone(),
                });
            }
            None => {}
        }
    }
    (body, kept, refused)
}

/// Keep the refused attachments of a mail on its ticket (and message, for a reply).
fn keep_refused(
    tx: &dyn Conn,
    ticket_id: i64,
    message_id: Option<i64>,
    refused: &[Refused],
    now: &str,
) -> Result<(), DeskError> {
    for item in refused {
        tx.execute(
            "INSERT INTO refused_attachments (ticket_id, message_id, name, reason, size, bytes, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            &[
                &ticket_id,
                &message_id,
                &item.upload.name,
                &item.reason,
                &(item.upload.bytes.len() as i64),
                &item.upload.bytes,
                &now,
            ],
        )?;
    }
    Ok(())
}

/// A merchant message by email on the ticket `row` (locked): the text and the screenshots that
/// pass, the refused ones kept aside; on a ticket filed by email, the fields it lacked that the
/// reply gives complete it.
fn thread(
    tx: &dyn Conn,
    calendar: &Calendar,
    row: &TicketRow,
    incoming: &Incoming,
    (body, screenshots, refused): (&str, &[Upload], &[Refused]),
    now: DateTime<Utc>,
) -> Result<Received, DeskError> {
    let now_text = format_utc(now);
    let (text, shots) = match messages::checked(body, screenshots.to_vec()) {
        Ok(checked) => checked,
        Err(_) if body.trim().is_empty() => {
            return hold(tx, incoming, Some(row.id), "an empty reply", &now_text);
        }
        // Attachments that fail as a set (too many): the text alone.
        Err(_) => messages::checked(body, Vec::new())?,
    };
    let (_, message_id) = messages::write(
        tx,
        row,
        (Author::Merchant, Via::Email),
        &text,
        &shots,
        &now_text,
    )?;
    keep_refused(tx, row.id, Some(message_id), refused, &now_text)?;
    queue::remember(tx, row.id, &incoming.message_id, "in", &now_text)?;
    if row.via == Via::Email && !row.missing.is_empty() {
        super::completion::complete(tx, calendar, row, &text, now)?;
    }
    Ok(Received::Threaded(row.tracking))
}

/// The unresolved ticket of the store and order a new mail names, locked: the duplicate guard.
fn open_ticket_of_mail(
    tx: &dyn Conn,
    incoming: &Incoming,
    (store_id, store): &(i64, String),
    body: &str,
) -> Result<Option<TicketRow>, DeskError> {
    let region = store_region(tx, store)?;
    let input = crate::mail::checklist::read(
        &incoming.subject,
        body,
        &incoming.from,
        store,
        region.as_deref(),
    );
    let Some(order) = input.order.as_deref() else {
        return Ok(None);
    };
    let Ok(order) = crate::domain::order::parse_order(order) else {
        return Ok(None);
    };
    let order = order.value.to_string();
    tx.lock(crate::desk::filing::order_lock(*store_id, &order))?;
    match crate::desk::filing::open_ticket_of_order(tx, *store_id, &order)? {
        Some(tracking) => lock(tx, &tracking),
        None => Ok(None),
    }
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
    match views::require_ticket_to_change(conn, &crate::desk::Scope::Everything, tracking) {
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

/// The store `sender` is registered for: the one whose URL the text names when it is registered
/// for several, else the first registered.
fn store_of_address(
    conn: &dyn Conn,
    sender: &str,
    text: &str,
) -> Result<Option<(i64, String)>, DeskError> {
    let stores: Vec<(i64, String)> = conn.rows(
        "SELECT s.id, s.url FROM store_addresses a JOIN stores s ON s.id = a.store_id
         WHERE a.address = ?1 ORDER BY a.id",
        &[&sender],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let named = stores
        .iter()
        .find(|(_, url)| text.contains(url.trim_start_matches("https://")));
    Ok(named.or(stores.first()).cloned())
}

/// A new ticket from a plain mail: the checklist read from its words through the §2 parsers;
/// what it lacks or what does not hold up is stored empty and listed in the acknowledgement,
/// each with its fix. The mail's Message-ID joins the ticket's thread.
fn file(
    tx: &dyn Conn,
    calendar: &Calendar,
    incoming: &Incoming,
    (store_id, store): &(i64, String),
    (body, screenshots, refused): (&str, &[Upload], &[Refused]),
    now: DateTime<Utc>,
) -> Result<TrackingNumber, DeskError> {
    use crate::domain::Field;
    use crate::domain::plan::Plan;
    use crate::domain::ticket::{Context, REQUIRED, examine};
    use crate::mail::checklist;

    let now_text = format_utc(now);
    let region = store_region(tx, store)?;
    let input = checklist::read(
        &incoming.subject,
        body,
        &incoming.from,
        store,
        region.as_deref(),
    );
    let context = Context {
        now,
        local: chrono_tz::UTC,
    };
    let exam = examine(&input, attachments::check(screenshots.to_vec()), &context);
    let notes = exam.notes();
    let mut problems: Vec<String> = exam.errors().map(ToString::to_string).collect();
    let mut missing = Vec::new();
    for field in REQUIRED {
        match exam.entries.iter().find(|entry| entry.field == field) {
            None => {
                problems.push(format!(
                    "{}: {}",
                    field.name(),
                    checklist::how_to_give(field)
                ));
                missing.push(field.name().to_string());
            }
            Some(entry) if entry.outcome.is_err() => missing.push(field.name().to_string()),
            Some(_) => {}
        }
    }
    let value = |field: Field| -> Option<serde_json::Value> {
        exam.entries
            .iter()
            .find(|entry| entry.field == field)
            .and_then(|entry| entry.outcome.as_ref().ok())
            .map(|accepted| accepted.value.clone())
    };
    let text = |field: Field| -> String {
        value(field)
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    };
    let tried: Vec<String> = value(Field::Tried)
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let plan = crate::domain::plan::parse_plan(&text(Field::Plan))
        .map(|parsed| parsed.value)
        .unwrap_or(Plan::Free);
    let urgent = value(Field::Urgent)
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let order = text(Field::Order);
    let summary = match text(Field::Summary) {
        s if s.is_empty() => "Email to Cartsaver support".to_string(),
        s => s,
    };
    let subject = super::completion::subject_of(urgent, &summary, &order);
    let checked: Vec<crate::domain::screenshot::Screenshot> =
        attachments::check(screenshots.to_vec())
            .into_iter()
            .filter_map(Result::ok)
            .map(|parsed| parsed.value)
            .collect();
    let due = calendar.first_response_due(plan, now);
    let mut row = TicketRow {
        id: 0,
        tracking: TrackingNumber::generate(),
        store: store.clone(),
        order,
        phone: text(Field::Phone),
        channel: text(Field::Channel),
        at: text(Field::At),
        tried,
        summary,
        details: Some(body.to_string()).filter(|b| !b.trim().is_empty()),
        email: incoming.from.clone(),
        plan: text(Field::Plan),
        urgent,
        outage: value(Field::Outage)
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        pin_hint: None,
        allow_access: false,
        subject: subject.clone(),
        status: crate::api::Status::Open,
        created_at: now_text.clone(),
        updated_at: now_text.clone(),
        first_response_due: format_utc(due),
        first_response_at: None,
        via: Via::Email,
        missing,
    };
    row.id = crate::desk::filing::insert_ticket(tx, *store_id, &mut row, None)?;
    crate::desk::counts::filed(tx, *store_id, row.id)?;
    attachments::insert(tx, row.id, None, &checked)?;
    keep_refused(tx, row.id, None, refused, &now_text)?;
    queue::remember(tx, row.id, &incoming.message_id, "in", &now_text)?;
    let lines: Vec<(Field, String)> = [
        (Field::Store, row.store.clone()),
        (Field::Order, row.order.clone()),
        (Field::Phone, row.phone.clone()),
        (Field::Channel, row.channel.clone()),
        (Field::At, row.at.clone()),
        (Field::Screenshot, format!("{} attached", checked.len())),
        (Field::Tried, row.tried.join("; ")),
        (Field::Summary, row.summary.clone()),
        (Field::Plan, row.plan.clone()),
    ]
    .into_iter()
    .map(|(field, value)| {
        let shown = if value.is_empty() {
            "(missing)".to_string()
        } else {
            value
        };
        (field, shown)
    })
    .collect();
    let promise = compose::Promise {
        due,
        zone: calendar.zone,
        target: calendar.describe_target(plan),
    };
    let draft = compose::acknowledgement_of_mail(
        &row.tracking,
        &subject,
        &lines,
        &notes,
        &problems,
        &promise,
    );
    queue::queue(tx, row.id, &row.tracking, &row.email, &draft, &now_text)?;
    Ok(row.tracking)
}

/// The region of a store's customers, for numbers a mail writes in national form: the country of
/// the phone on the store's latest ticket that has one.
pub(crate) fn store_region(conn: &dyn Conn, store: &str) -> Result<Option<String>, DeskError> {
    let phone: Option<String> = conn.row(
        "SELECT t.phone FROM tickets t JOIN stores s ON s.id = t.store_id
         WHERE s.url = ?1 AND t.phone LIKE '+%' ORDER BY t.id DESC LIMIT 1",
        &[&store],
        |row| row.get(0),
    )?;
    Ok(phone.and_then(|e164| {
        crate::domain::phone::parse_phone(&e164, None)
            .ok()
            .and_then(|parsed| parsed.value.country)
    }))
}

/// Whether an automatic answer on how to file went to `address` since `since` (a login code
/// mailed to the same address does not count).
fn noticed_since(conn: &dyn Conn, address: &str, since: &str) -> Result<bool, DeskError> {
    conn.value(
        "SELECT EXISTS (SELECT 1 FROM mail_outbox
                        WHERE recipient = ?1 AND kind = ?2 AND created_at > ?3)",
        &[&address, &compose::Kind::HowToFile.name(), &since],
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
