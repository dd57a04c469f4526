//! Filing a ticket: validation through the domain, the store a token may file for, idempotent
//! replays, the duplicate guard, and the one transaction that writes the ticket, its attachments
//! and its idempotency key together (or nothing).
//!
//! Everything that needs no database (validation, hashing, the due time) happens before the
//! writer lock is taken, so the lock is held only for a few indexed statements.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::db::Db;
use super::views::{self, TicketRow};
use super::{CreateRequest, Created, DeskError, Scope, attachments, idempotency, stores};
use crate::api::Status;
use crate::domain::calendar::Calendar;
use crate::domain::screenshot::Screenshot;
use crate::domain::ticket::{Context, Ticket, examine};
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;
use crate::domain::{Field, FieldError};

/// A fresh tracking number colliding with a stored one has odds of 1 in 32^8 per stored ticket;
/// a few tries make a failure a sign of a broken random source, not bad luck.
const TRACKING_ATTEMPTS: usize = 8;

/// A create request that validated, with everything computed that needs no database.
struct Filing {
    ticket: Ticket,
    screenshots: Vec<Screenshot>,
    idempotency: Option<(String, [u8; 32])>,
    force_new: bool,
    row: TicketRow,
}

pub(crate) fn create(
    db: &Db,
    calendar: &Calendar,
    scope: &Scope,
    request: CreateRequest,
    now: DateTime<Utc>,
) -> Result<Created, DeskError> {
    let filing = prepare(calendar, scope, request, now)?;
    let now_text = format_utc(now);
    db.write(|tx| {
        let store_id = stores::ensure(tx, filing.ticket.store.as_str(), &now_text)?;
        if let Some((key, fingerprint)) = &filing.idempotency
            && let Some(ticket_id) = idempotency::earlier(tx, store_id, key, fingerprint)?
        {
            let row = views::ticket_by_id(tx, ticket_id)?;
            return Ok(Created {
                ticket: views::view(tx, row, &now_text)?,
                replayed: true,
            });
        }
        if !filing.force_new
            && let Some(existing) = open_ticket_of_order(tx, store_id, filing.row.order.as_str())?
        {
            return Err(DeskError::Duplicate {
                existing,
                store: filing.row.store.clone(),
                order: filing.row.order.clone(),
            });
        }
        let mut row = filing.row.clone();
        row.id = insert_ticket(tx, store_id, &mut row)?;
        attachments::insert(tx, row.id, None, &filing.screenshots)?;
        if let Some((key, fingerprint)) = &filing.idempotency {
            idempotency::remember(tx, store_id, key, fingerprint, row.id, now)?;
        }
        let shown = filing
            .screenshots
            .iter()
            .map(|s| crate::api::AttachmentView {
                name: s.name.clone(),
                kind: s.kind.name().to_string(),
                size: s.bytes.len() as u64,
            })
            .collect();
        Ok(Created {
            ticket: row.into_view(&now_text, Vec::new(), shown)?,
            replayed: false,
        })
    })
}

/// Validate the request and compute what the transaction will write.
fn prepare(
    calendar: &Calendar,
    scope: &Scope,
    request: CreateRequest,
    now: DateTime<Utc>,
) -> Result<Filing, DeskError> {
    let CreateRequest {
        mut input,
        attachments: uploads,
        idempotency_key,
        force_new,
    } = request;
    attachments::refuse_oversized(&uploads)?;
    let idempotency_key = idempotency_key
        .map(|key| idempotency::check_key(&key))
        .transpose()?;
    // A store token says which store is filing: a body without `store` means that one.
    if let Scope::Store(store) = scope
        && input.store.as_deref().is_none_or(|s| s.trim().is_empty())
    {
        input.store = Some(store.to_string());
    }

    // The desk validates against UTC: a time without a zone is refused anyway, and UTC is the
    // one reading that means the same to every merchant.
    let context = Context {
        now,
        local: chrono_tz::UTC,
    };
    let exam = examine(&input, attachments::check(uploads), &context);
    let (ticket, screenshots) = exam
        .into_ticket(|field| format!("missing; give `{field}` in the ticket"))
        .map_err(DeskError::Invalid)?;
    if let Scope::Store(store) = scope
        && ticket.store != *store
    {
        return Err(DeskError::Invalid(vec![FieldError::new(
            Field::Store,
            ticket.store.to_string(),
            "other_store",
            format!(
                "this store token belongs to {store}; file the ticket for {store}, or use a \
                 token issued for {} (`cartsaver-desk token create --store {}`)",
                ticket.store, ticket.store
            ),
        )]));
    }

    let idempotency = match idempotency_key {
        Some(key) => Some((key, idempotency::fingerprint(&ticket, &screenshots)?)),
        None => None,
    };
    let created_at = format_utc(now);
    let row = TicketRow {
        id: 0,
        tracking: TrackingNumber::generate(),
        store: ticket.store.to_string(),
        order: ticket.order.to_string(),
        phone: ticket.phone.e164.clone(),
        channel: ticket.channel.name().to_string(),
        at: format_utc(ticket.at),
        tried: ticket.tried.clone(),
        summary: ticket.summary.clone(),
        details: ticket.details.clone(),
        email: ticket.email.to_string(),
        plan: ticket.plan.name().to_string(),
        urgent: ticket.urgent,
        outage: ticket.outage,
        pin: ticket.pin.as_ref().map(|pin| pin.reveal().to_string()),
        allow_access: ticket.allow_access,
        subject: ticket.subject(),
        status: Status::Open,
        created_at: created_at.clone(),
        updated_at: created_at,
        first_response_due: format_utc(calendar.first_response_due(ticket.plan, now)),
        first_response_at: None,
    };
    Ok(Filing {
        ticket,
        screenshots,
        idempotency,
        force_new,
        row,
    })
}

/// The newest unresolved ticket of this store and order.
fn open_ticket_of_order(
    conn: &Connection,
    store_id: i64,
    order: &str,
) -> Result<Option<TrackingNumber>, DeskError> {
    let mut stmt = conn.prepare_cached(
        "SELECT tracking_number FROM tickets
         WHERE store_id = ?1 AND order_number = ?2 AND status <> 'resolved'
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )?;
    Ok(stmt
        .query_row(params![store_id, order], |row| {
            views::decoded(row, 0, views::stored_tracking)
        })
        .optional()?)
}

/// Insert the ticket row, drawing a new tracking number if the one drawn is taken. Returns the
/// row id.
fn insert_ticket(conn: &Connection, store_id: i64, row: &mut TicketRow) -> Result<i64, DeskError> {
    let tried = serde_json::to_string(&row.tried)
        .map_err(|e| DeskError::Storage(format!("cannot serialize `tried`: {e}")))?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO tickets (tracking_number, store_id, order_number, phone, channel, at, tried,
             summary, details, email, plan, urgent, outage, pin, allow_access, subject, status,
             created_at, updated_at, first_response_due, first_response_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
             ?19, ?20, NULL)
         ON CONFLICT (tracking_number) DO NOTHING",
    )?;
    for _ in 0..TRACKING_ATTEMPTS {
        let inserted = stmt.execute(params![
            row.tracking.to_string(),
            store_id,
            row.order,
            row.phone,
            row.channel,
            row.at,
            tried,
            row.summary,
            row.details,
            row.email,
            row.plan,
            row.urgent,
            row.outage,
            row.pin,
            row.allow_access,
            row.subject,
            row.status.name(),
            row.created_at,
            row.updated_at,
            row.first_response_due,
        ])?;
        if inserted == 1 {
            return Ok(conn.last_insert_rowid());
        }
        row.tracking = TrackingNumber::generate();
    }
    Err(DeskError::Storage(format!(
        "{TRACKING_ATTEMPTS} fresh tracking numbers in a row were already taken; the random \
         source looks broken"
    )))
}
