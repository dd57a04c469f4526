//! Filing a ticket: validation through the domain, the store a token may file for, idempotent
//! replays, the duplicate guard, and the one transaction that writes the ticket, its attachments,
//! its idempotency key and its store's count of open tickets together (or nothing).
//!
//! Everything that needs no database (validation, hashing, the due time) happens before the
//! writer lock is taken, so the lock is held only for a few indexed statements.

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};

use super::secret::{self, DeskSecret};
use super::storage::{Conn, Db};
use super::views::{self, TicketRow};
use super::{
    CreateRequest, Created, DeskError, Scope, attachments, counts, idempotency, mail, stores,
};
use crate::api::Status;
use crate::domain::calendar::Calendar;
use crate::domain::field::Note;
use crate::domain::screenshot::Screenshot;
use crate::domain::ticket::{Context, Ticket, examine, fingerprint};
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;
use crate::domain::{Field, FieldError};
use crate::mail::compose::{self, Promise};

/// A fresh tracking number colliding with a stored one has odds of 1 in 32^8 per stored ticket;
/// a few tries make a failure a sign of a broken random source, not bad luck.
const TRACKING_ATTEMPTS: usize = 8;

/// A create request that validated, with everything computed that needs no database.
struct Filing {
    ticket: Ticket,
    screenshots: Vec<Screenshot>,
    idempotency: Option<Idempotency>,
    force_new: bool,
    row: TicketRow,
    /// The keyed hash of the PIN (`secret::pin_hash`); the row keeps only its last two characters.
    pin_hash: Option<[u8; 32]>,
    /// The diagnosis of the fields, for the acknowledgement.
    notes: Vec<(Field, Note)>,
    /// The acknowledgement's expected first response.
    promise: Promise,
}

/// A create's idempotency key as given (for messages) and as stored, with its body's keyed
/// fingerprint.
struct Idempotency {
    given: String,
    stored: String,
    fingerprint: [u8; 32],
}

pub(crate) fn create(
    db: &Db,
    calendar: &Calendar,
    scope: &Scope,
    request: CreateRequest,
    now: DateTime<Utc>,
) -> Result<Created, DeskError> {
    let filing = prepare(calendar, &db.secret, scope, request, now)?;
    let now_text = format_utc(now);
    db.write(|tx| {
        let store_id = stores::ensure(tx, filing.ticket.store.as_str(), &now_text)?;
        // Creates of one store and order take turns across desk processes, so the idempotency
        // check and the duplicate guard below see each other's commits.
        tx.lock(order_lock(store_id, &filing.row.order))?;
        if let Some(key) = &filing.idempotency
            && let Some(ticket_id) =
                idempotency::earlier(tx, store_id, &key.stored, &key.given, &key.fingerprint)?
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
        row.id = insert_ticket(tx, store_id, &mut row, filing.pin_hash)?;
        counts::filed(tx, store_id, row.id)?;
        attachments::insert(tx, row.id, None, &filing.screenshots)?;
        if let Some(key) = &filing.idempotency {
            idempotency::remember(tx, store_id, &key.stored, &key.fingerprint, row.id, now)?;
        }
        // The acknowledgement is queued with the ticket: filed is mailed (SPEC §9).
        let draft = compose::acknowledgement(
            &row.tracking,
            &filing.ticket,
            &filing.notes,
            filing.screenshots.len(),
            &filing.promise,
        );
        mail::queue::queue(tx, row.id, &row.tracking, &row.email, &draft, &now_text)?;
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
    secret: &DeskSecret,
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
    let written_as_now = input
        .at
        .as_deref()
        .is_some_and(|at| at.trim().eq_ignore_ascii_case("now"));
    let exam = examine(&input, attachments::check(uploads), &context);
    let notes = exam.notes();
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

    let idempotency = idempotency_key.map(|key| {
        // `at: now` reads the clock, so a retry of the very same body would normalize to another
        // second and look like another ticket: fingerprint it as written.
        let plain = if written_as_now {
            let as_written = Ticket {
                at: DateTime::UNIX_EPOCH,
                ..ticket.clone()
            };
            fingerprint(&as_written, &screenshots)
        } else {
            fingerprint(&ticket, &screenshots)
        };
        Idempotency {
            stored: secret::stored_key(secret, &key),
            given: key,
            fingerprint: secret.mac("fingerprint", &plain),
        }
    });
    let pin_hash = ticket
        .pin
        .as_ref()
        .map(|pin| secret::pin_hash(secret, pin.reveal()));
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
        pin_hint: ticket
            .pin
            .as_ref()
            .map(|pin| secret::pin_hint(pin.reveal())),
        allow_access: ticket.allow_access,
        subject: ticket.subject(),
        status: Status::Open,
        created_at: created_at.clone(),
        updated_at: created_at,
        first_response_due: format_utc(calendar.first_response_due(ticket.plan, now)),
        first_response_at: None,
        via: crate::api::Via::Api,
        missing: Vec::new(),
    };
    let promise = Promise {
        due: calendar.first_response_due(ticket.plan, now),
        zone: calendar.zone,
        target: calendar.describe_target(ticket.plan),
    };
    Ok(Filing {
        ticket,
        screenshots,
        idempotency,
        force_new,
        row,
        pin_hash,
        notes,
        promise,
    })
}

/// The statement of [`open_ticket_of_order`]: a range of `tickets_store_order` (one order's few
/// tickets), newest first.
const DUPLICATE_GUARD: &str = "SELECT tracking_number FROM tickets
     WHERE store_id = ?1 AND order_number = ?2 AND status <> 'resolved'
     ORDER BY created_at DESC, id DESC LIMIT 1";

/// The newest unresolved ticket of this store and order.
pub(crate) fn open_ticket_of_order(
    conn: &dyn Conn,
    store_id: i64,
    order: &str,
) -> Result<Option<TrackingNumber>, DeskError> {
    conn.row(DUPLICATE_GUARD, &[&store_id, &order], |row| {
        row.decoded(0, views::stored_tracking)
    })
}

/// The lock key of a store's order ([`Conn::lock`]): 63 bits of a hash, so that unrelated
/// orders rarely share a key (and then only wait for each other).
pub(crate) fn order_lock(store_id: i64, order: &str) -> i64 {
    let mut hash = Sha256::new();
    hash.update(b"order\0");
    hash.update(store_id.to_be_bytes());
    hash.update(order.as_bytes());
    let bytes: [u8; 8] = hash.finalize()[..8].try_into().expect("8 bytes");
    i64::from_be_bytes(bytes) & i64::MAX
}

/// Insert the ticket row, drawing a new tracking number if the one drawn is taken. Returns the
/// row id.
pub(crate) fn insert_ticket(
    conn: &dyn Conn,
    store_id: i64,
    row: &mut TicketRow,
    pin_hash: Option<[u8; 32]>,
) -> Result<i64, DeskError> {
    let tried = serde_json::to_string(&row.tried)
        .map_err(|e| DeskError::Storage(format!("cannot serialize `tried`: {e}")))?;
    let sql =
        "INSERT INTO tickets (tracking_number, store_id, order_number, phone, channel, at, tried,
             summary, details, email, plan, urgent, outage, pin_hint, allow_access, subject, status,
             created_at, updated_at, first_response_due, first_response_at, pin_hash, via, missing)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
             ?19, ?20, NULL, ?21, ?22, ?23)
         ON CONFLICT (tracking_number) DO NOTHING RETURNING id";
    for _ in 0..TRACKING_ATTEMPTS {
        let inserted: Option<i64> = conn.row(
            sql,
            &[
                &row.tracking.to_string(),
                &store_id,
                &row.order,
                &row.phone,
                &row.channel,
                &row.at,
                &tried,
                &row.summary,
                &row.details,
                &row.email,
                &row.plan,
                &row.urgent,
                &row.outage,
                &row.pin_hint,
                &row.allow_access,
                &row.subject,
                &row.status.name(),
                &row.created_at,
                &row.updated_at,
                &row.first_response_due,
                &pin_hash,
                &row.via.as_str(),
                &row.missing.join(","),
            ],
            |found| found.get(0),
        )?;
        if let Some(id) = inserted {
            return Ok(id);
        }
        row.tracking = TrackingNumber::generate();
    }
    Err(DeskError::Storage(format!(
        "{TRACKING_ATTEMPTS} fresh tracking numbers in a row were already taken; the random \
         source looks broken"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::testing::*;
    use crate::desk::{DeskCore, Upload};

    #[test]
    fn the_duplicate_guard_reads_one_orders_tickets() {
        let (_dir, core) = desk();
        crate::desk::plans::on_sqlite(&core, |conn| {
            use crate::desk::plans::{Reads, assert_reads};
            let one_order = Reads::Range("tickets_store_order");
            assert_reads(conn, DUPLICATE_GUARD, "tickets", one_order);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn the_core_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<DeskCore>();
    }

    #[test]
    fn a_filed_ticket_reads_back_normalized_with_the_pin_masked() {
        let (_dir, core) = desk();
        let mut given = input("Cool-Shop.myshopify.com", "1052");
        given.details = Some("OTP sent, never delivered".to_string());
        given.allow_access = true;
        let created = core
            .create_ticket(&Scope::Everything, request(given), t0())
            .unwrap();
        assert!(!created.replayed);
        let view = created.ticket;
        assert_eq!(view.store, SHOP);
        assert_eq!(view.order, "#1052");
        assert_eq!(view.phone, "+201001234567");
        assert_eq!(view.channel, "whatsapp");
        assert_eq!(view.at, "2026-11-18T09:30:00Z");
        assert_eq!(view.tried, ["resent the OTP"]);
        assert_eq!(view.summary, "OTP not arriving via WhatsApp");
        assert_eq!(view.details.as_deref(), Some("OTP sent, never delivered"));
        assert_eq!(view.plan, "advanced");
        assert!(view.allow_access && !view.urgent && !view.outage);
        assert_eq!(view.pin.as_deref(), Some("••••ab"));
        assert_eq!(view.status, Status::Open);
        assert_eq!(
            view.subject,
            "Cartsaver — OTP not arriving via WhatsApp — Order #1052"
        );
        assert_eq!(view.created_at, "2026-11-18T10:00:00Z");
        assert_eq!(view.updated_at, view.created_at);
        // Wednesday 12:00 in Cairo (UTC+2 in November) plus 24 business hours.
        assert_eq!(view.first_response_due, "2026-11-19T10:00:00Z");
        assert!(!view.overdue);
        assert!(view.messages.is_empty(), "the details are not a message");

        let read = core
            .ticket(&store_scope(SHOP), &view.tracking_number, t0())
            .unwrap();
        assert_eq!(read, view);
    }

    #[test]
    fn another_stores_ticket_is_not_found_like_a_missing_one() {
        let (_dir, core) = desk();
        let tn = file(&core, SHOP, "1052", t0()).tracking_number;
        let other = store_scope(OTHER_SHOP);
        let missing = TrackingNumber::generate();
        for tracking in [tn, missing] {
            let error = core.ticket(&other, &tracking, t0()).unwrap_err();
            assert!(
                matches!(&error, DeskError::NotFound(shown) if *shown == tracking.to_string()),
                "{error:?}"
            );
            assert!(matches!(
                core.resolve(&other, &tracking, t0()),
                Err(DeskError::NotFound(_))
            ));
            assert!(matches!(
                core.add_message(
                    &other,
                    &tracking,
                    crate::api::Author::Merchant,
                    "hi",
                    Vec::new(),
                    t0()
                ),
                Err(DeskError::NotFound(_))
            ));
        }
        assert_eq!(
            core.ticket(&store_scope(SHOP), &tn, t0()).unwrap().status,
            Status::Open
        );
    }

    #[test]
    fn a_store_token_files_for_its_own_store_only() {
        let (_dir, core) = desk();
        let scope = store_scope(SHOP);
        let error = core
            .create_ticket(&scope, request(input(OTHER_SHOP, "1052")), t0())
            .unwrap_err();
        let DeskError::Invalid(errors) = error else {
            panic!("{error:?}")
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].field, errors[0].code),
            (Field::Store, "other_store")
        );
        assert!(errors[0].message.contains(SHOP), "{}", errors[0].message);
        assert_eq!(count(&core, "tickets"), 0);

        // Without `store`, the token's store is meant.
        let mut given = input(SHOP, "1052");
        given.store = None;
        let view = core
            .create_ticket(&scope, request(given), t0())
            .unwrap()
            .ticket;
        assert_eq!(view.store, SHOP);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let (_dir, core) = desk();
        let mut given = input(SHOP, "1052");
        given.phone = Some("+20 10".to_string());
        given.email = Some("not an address".to_string());
        given.plan = None;
        let error = core
            .create_ticket(&Scope::Everything, request(given), t0())
            .unwrap_err();
        let DeskError::Invalid(errors) = error else {
            panic!("{error:?}")
        };
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Phone, Field::Email, Field::Plan]);
        assert!(errors[2].message.contains("give `plan`"), "{}", errors[2]);
    }

    fn keyed(order: &str, key: &str) -> CreateRequest {
        CreateRequest {
            idempotency_key: Some(key.to_string()),
            ..request(input(SHOP, order))
        }
    }

    #[test]
    fn a_replay_returns_the_same_ticket_and_files_nothing_new() {
        let (_dir, core) = desk();
        let first = core
            .create_ticket(&Scope::Everything, keyed("1052", "row-1"), t0())
            .unwrap();
        assert!(!first.replayed);
        // The same body written differently is the same body once normalized.
        let again = core
            .create_ticket(&Scope::Everything, keyed("#1052", "row-1"), later(5))
            .unwrap();
        assert!(again.replayed);
        assert_eq!(again.ticket.tracking_number, first.ticket.tracking_number);
        assert_eq!(count(&core, "tickets"), 1);

        // Still a replay once the ticket has moved on.
        let tn = first.ticket.tracking_number;
        core.resolve(&Scope::Everything, &tn, later(10)).unwrap();
        let late = core
            .create_ticket(&Scope::Everything, keyed("1052", "row-1"), later(20))
            .unwrap();
        assert!(late.replayed);
        assert_eq!(late.ticket.status, Status::Resolved);
        assert_eq!(count(&core, "tickets"), 1);
    }

    #[test]
    fn a_retried_body_with_at_now_is_a_replay_though_the_clock_moved() {
        let (_dir, core) = desk();
        let with_now = |key: &str| {
            let mut request = keyed("1052", key);
            request.input.at = Some("now".into());
            request
        };
        let first = core
            .create_ticket(&Scope::Everything, with_now("k-now"), t0())
            .unwrap();
        let retry = core
            .create_ticket(&Scope::Everything, with_now("k-now"), later(1))
            .unwrap();
        assert!(retry.replayed);
        assert_eq!(retry.ticket.tracking_number, first.ticket.tracking_number);
        assert_eq!(
            retry.ticket.at, first.ticket.at,
            "the time first filed stays"
        );

        // `now` and an explicit time are different bodies.
        let mut explicit = keyed("1052", "k-now");
        explicit.input.at = Some(first.ticket.at.clone());
        assert!(matches!(
            core.create_ticket(&Scope::Everything, explicit, later(2)),
            Err(DeskError::IdempotencyConflict(_))
        ));
    }

    #[test]
    fn a_key_reused_for_another_body_is_a_conflict() {
        let (_dir, core) = desk();
        core.create_ticket(&Scope::Everything, keyed("1052", "k"), t0())
            .unwrap();
        let error = core
            .create_ticket(&Scope::Everything, keyed("1053", "k"), t0())
            .unwrap_err();
        assert!(
            matches!(&error, DeskError::IdempotencyConflict(key) if key == "k"),
            "{error:?}"
        );

        // Another attachment makes another body too.
        let mut with_file = keyed("1052", "k");
        with_file.attachments = vec![png("error.png", 1)];
        assert!(matches!(
            core.create_ticket(&Scope::Everything, with_file, t0()),
            Err(DeskError::IdempotencyConflict(_))
        ));
        assert_eq!(count(&core, "tickets"), 1);
        assert_eq!(count(&core, "idempotency_keys"), 1);
    }

    #[test]
    fn keys_belong_to_a_store() {
        let (_dir, core) = desk();
        core.create_ticket(&Scope::Everything, keyed("1052", "k"), t0())
            .unwrap();
        let mut other = request(input(OTHER_SHOP, "1052"));
        other.idempotency_key = Some("k".to_string());
        let created = core.create_ticket(&Scope::Everything, other, t0()).unwrap();
        assert!(!created.replayed);
        assert_eq!(count(&core, "tickets"), 2);
    }

    #[test]
    fn an_unresolved_ticket_of_the_same_order_is_a_duplicate_unless_forced() {
        let (_dir, core) = desk();
        let first = file(&core, SHOP, "1052", t0()).tracking_number;
        let error = core
            .create_ticket(&Scope::Everything, request(input(SHOP, "#1052")), later(1))
            .unwrap_err();
        match error {
            DeskError::Duplicate {
                existing,
                store,
                order,
            } => {
                assert_eq!(existing, first);
                assert_eq!((store.as_str(), order.as_str()), (SHOP, "#1052"));
            }
            other => panic!("{other:?}"),
        }
        // Another store's order 1052 is another order.
        file(&core, OTHER_SHOP, "1052", later(1));

        let forced = CreateRequest {
            force_new: true,
            ..request(input(SHOP, "1052"))
        };
        let second = core
            .create_ticket(&Scope::Everything, forced, later(2))
            .unwrap()
            .ticket
            .tracking_number;
        assert_ne!(second, first);

        // Once both are resolved, the order may be filed again.
        for tn in [first, second] {
            core.resolve(&Scope::Everything, &tn, later(3)).unwrap();
        }
        file(&core, SHOP, "1052", later(4));
        assert_eq!(count(&core, "tickets"), 4);
    }

    #[test]
    fn attachments_are_stored_with_their_ticket() {
        let (_dir, core) = desk();
        let mut with_files = request(input(SHOP, "1052"));
        with_files.attachments = vec![png("error.png", 1), png("dir/second.png", 2)];
        let view = core
            .create_ticket(&Scope::Everything, with_files, t0())
            .unwrap()
            .ticket;
        let names: Vec<&str> = view.attachments.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["error.png", "second.png"]);
        let size = png("", 1).bytes.len() as u64;
        assert!(
            view.attachments
                .iter()
                .all(|a| a.kind == "png" && a.size == size)
        );
        let read = core
            .ticket(&Scope::Everything, &view.tracking_number, t0())
            .unwrap();
        assert_eq!(read.attachments, view.attachments);
        let stored: Vec<u8> = core
            .db
            .read(|conn| conn.value("SELECT bytes FROM attachments ORDER BY id LIMIT 1", &[]))
            .unwrap();
        assert_eq!(stored, png("", 1).bytes);
    }

    #[test]
    fn a_bad_attachment_stores_nothing_at_all() {
        let (_dir, core) = desk();
        let mut bad = request(input(SHOP, "1052"));
        bad.idempotency_key = Some("k".to_string());
        bad.attachments = vec![
            png("error.png", 1),
            Upload {
                name: "notes.txt".to_string(),
                bytes: b"just text".to_vec(),
            },
        ];
        let error = core
            .create_ticket(&Scope::Everything, bad, t0())
            .unwrap_err();
        let DeskError::Invalid(errors) = error else {
            panic!("{error:?}")
        };
        assert_eq!(errors[0].field, Field::Screenshot);
        assert!(errors[0].to_string().contains("notes.txt"), "{}", errors[0]);

        let mut huge = request(input(SHOP, "1052"));
        let mut bytes = png("big.png", 1).bytes;
        bytes.resize(11 * 1024 * 1024, 0);
        huge.attachments = vec![
            png("ok.png", 1),
            Upload {
                name: "big.png".to_string(),
                bytes,
            },
        ];
        let error = core
            .create_ticket(&Scope::Everything, huge, t0())
            .unwrap_err();
        assert!(
            matches!(&error, DeskError::TooLarge(e) if e.input == "big.png" && e.message.contains("over the 10 MiB limit")),
            "{error:?}"
        );
        for table in ["tickets", "attachments", "idempotency_keys", "stores"] {
            assert_eq!(count(&core, table), 0, "{table}");
        }
    }

    #[test]
    fn a_failure_after_the_ticket_row_rolls_the_ticket_back() {
        let (_dir, core) = desk();
        // Make the attachment insert fail inside the create's transaction, after the ticket row.
        core.db
            .write(|tx| {
                tx.batch(
                    "CREATE TRIGGER refuse BEFORE INSERT ON attachments
                     BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
                )
            })
            .unwrap();
        let mut with_file = request(input(SHOP, "1052"));
        with_file.attachments = vec![png("error.png", 1)];
        let error = core
            .create_ticket(&Scope::Everything, with_file, t0())
            .unwrap_err();
        assert!(
            matches!(&error, DeskError::Storage(m) if m.contains("disk full")),
            "{error:?}"
        );
        assert_eq!(count(&core, "tickets"), 0);
        assert_eq!(count(&core, "stores"), 0);
    }

    #[test]
    fn concurrent_creates_all_land() {
        let (_dir, core) = desk();
        std::thread::scope(|threads| {
            for thread in 0..8 {
                let core = &core;
                threads.spawn(move || {
                    for n in 0..25 {
                        let order = format!("{}", 1000 + thread * 100 + n);
                        file(core, SHOP, &order, t0());
                    }
                });
            }
        });
        assert_eq!(count(&core, "tickets"), 200);
    }
}

#[cfg(test)]
mod pin_tests {
    use super::super::testing::{desk, input, request, t0};
    use super::super::{PinCheck, Scope};

    #[test]
    fn a_pin_is_checked_against_its_keyed_hash_and_never_stored_in_clear() {
        let (dir, core) = desk();
        let mut given = input("cool-shop.myshopify.com", "1052");
        given.pin = Some("Zq7Wx94k".to_string());
        let mut keyed = request(given);
        keyed.idempotency_key = Some("cs1-0123".to_string());
        let tn = core
            .create_ticket(&Scope::Everything, keyed, t0())
            .unwrap()
            .ticket
            .tracking_number;
        let mut no_pin = input("cool-shop.myshopify.com", "1053");
        no_pin.pin = None;
        let other = core
            .create_ticket(&Scope::Everything, request(no_pin), t0())
            .unwrap()
            .ticket
            .tracking_number;
        assert_eq!(core.check_pin(&tn, "Zq7Wx94k").unwrap(), PinCheck::Matches);
        assert_eq!(
            core.check_pin(&tn, " Zq7Wx94k\n").unwrap(),
            PinCheck::Matches
        );
        assert_eq!(
            core.check_pin(&tn, "zq7wx94k").unwrap(),
            PinCheck::DoesNotMatch
        );
        assert_eq!(core.check_pin(&other, "Zq7Wx94k").unwrap(), PinCheck::NoPin);
        drop(core);
        let mut bytes = Vec::new();
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
        }
        assert!(
            !bytes.windows(8).any(|w| w == b"Zq7Wx94k"),
            "PIN in clear on disk"
        );
        assert!(
            !bytes.windows(8).any(|w| w == b"cs1-0123"),
            "key in clear on disk"
        );
    }
}
