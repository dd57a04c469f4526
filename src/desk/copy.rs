//! Copying a whole desk from one database to another (`cartsaver-desk copy`), between any two
//! backends: stores, tokens, tickets, messages, attachments, idempotency keys, the mail tables
//! (store addresses, the thread's Message-IDs, the outgoing queue as it stands, held mail,
//! refused attachments), the inbox's internal notes and `desk_meta` (the desk key's check value); `ticket_counts` is
//! derived, so it is recounted on the target.
//!
//! The source is read in one snapshot (one read transaction, paged by keyset on `id`), so a
//! desk still being written to gives a consistent copy of the moment the copy started; the
//! target is written a batch at a time (at most [`BATCH_ROWS`] rows, or [`BATCH_BYTES`] of
//! attachments, per write transaction), with a [`Progress`] report after each. An empty target
//! (a new file, a new PostgreSQL database: opening it creates the schema) keeps every id; a
//! target that holds a desk is refused unless `append`, which gives the rows new ids (see
//! [`Remap`]) and refuses, before writing anything, tracking numbers, token hashes and
//! idempotency keys the target holds already.
//!
//! PIN hashes, idempotency keys and fingerprints are keyed by the desk key (`secret.rs`), so the
//! target must have the source's key: its key file is written with it when missing, and refused
//! when it holds another.
//!
//! Verification reads both desks again and compares, per table, the number of rows and a
//! checksum: the sum (mod 2²⁵⁶) of the SHA-256 of every row, each row encoded with its ids
//! replaced by what they stand for (a store by its URL, a ticket by its tracking number, a
//! message by its author and time). A sum does not depend on the order of rows nor on the ids,
//! so after `append` the target's checksum must be its own before the copy plus the copied rows'.
//! Knows no ticket rule, and nothing of the command line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::DeskError;
use super::secret::{self, Installed};
use super::storage::{Conn, Db, Location, OpenOptions, Row, ToValue, Value, params};

/// Rows per write transaction on the target.
pub const BATCH_ROWS: usize = 1_000;
/// Attachment bytes per write transaction (a batch holds at least one attachment).
pub const BATCH_BYTES: i64 = 16 * 1024 * 1024;
/// Parameters per `INSERT` (rows × columns): well under SQLite's and PostgreSQL's limits.
const STATEMENT_PARAMS: usize = 2_000;

/// What to copy where.
#[derive(Debug, Clone)]
pub struct CopyRequest {
    pub from: Location,
    /// The source's key file; `None` is `<db>.key` for a SQLite source.
    pub from_key: Option<PathBuf>,
    pub to: Location,
    /// The target's key file; `None` is `<db>.key` for a SQLite target.
    pub to_key: Option<PathBuf>,
    /// Add to a target that holds a desk already, with new ids.
    pub append: bool,
}

/// A batch written: `done` of the `total` rows of `table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub table: &'static str,
    pub done: u64,
    pub total: u64,
}

/// The rows of a table and their checksum (see the header).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Checksum {
    pub rows: u64,
    /// Little-endian limbs of a 256-bit sum.
    sum: [u64; 4],
}

impl Checksum {
    fn add(&mut self, values: &[Value]) {
        let hash = row_hash(values);
        self.rows += 1;
        let mut carry = false;
        for (limb, chunk) in self.sum.iter_mut().zip(hash.chunks_exact(8)) {
            let part = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            let (sum, over) = limb.overflowing_add(part);
            let (sum, over_carry) = sum.overflowing_add(u64::from(carry));
            *limb = sum;
            carry = over || over_carry;
        }
    }

    fn plus(self, other: Checksum) -> Checksum {
        let mut out = Checksum {
            rows: self.rows + other.rows,
            sum: [0; 4],
        };
        let mut carry = false;
        for i in 0..4 {
            let (sum, over) = self.sum[i].overflowing_add(other.sum[i]);
            let (sum, over_carry) = sum.overflowing_add(u64::from(carry));
            out.sum[i] = sum;
            carry = over || over_carry;
        }
        out
    }

    fn minus(self, other: Checksum) -> Checksum {
        let mut out = Checksum {
            rows: self.rows.saturating_sub(other.rows),
            sum: [0; 4],
        };
        let mut borrow = false;
        for i in 0..4 {
            let (diff, under) = self.sum[i].overflowing_sub(other.sum[i]);
            let (diff, under_borrow) = diff.overflowing_sub(u64::from(borrow));
            out.sum[i] = diff;
            borrow = under || under_borrow;
        }
        out
    }

    /// The first 8 bytes of the sum in hex, for the report.
    pub fn short(&self) -> String {
        format!("{:016x}", self.sum[3])
    }
}

/// SHA-256 of a row in a canonical encoding: a tag per type, lengths before text and bytes, so
/// that no two rows encode alike. Both backends read booleans as 0/1 integers.
fn row_hash(values: &[Value]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for value in values {
        match value {
            Value::Null => hasher.update([0]),
            Value::Int(n) => {
                hasher.update([1]);
                hasher.update(n.to_be_bytes());
            }
            Value::Real(x) => {
                hasher.update([2]);
                hasher.update(x.to_bits().to_be_bytes());
            }
            Value::Text(text) => {
                hasher.update([3]);
                hasher.update((text.len() as u64).to_be_bytes());
                hasher.update(text.as_bytes());
            }
            Value::Blob(bytes) => {
                hasher.update([4]);
                hasher.update((bytes.len() as u64).to_be_bytes());
                hasher.update(bytes);
            }
        }
    }
    hasher.finalize().into()
}

/// One table's verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableReport {
    pub table: &'static str,
    /// The source's rows.
    pub source: Checksum,
    /// Rows the copy wrote (the source's, less what the target had already: a store of the
    /// same URL with `append`, the key check).
    pub copied: u64,
    /// What the target must hold: what it held before, plus the copied rows.
    pub expected: Checksum,
    /// What it holds.
    pub target: Checksum,
}

impl TableReport {
    pub fn matches(&self) -> bool {
        self.expected == self.target
    }
}

/// What a copy did, and what verifying it found.
#[derive(Debug, Clone)]
pub struct CopyReport {
    pub tables: Vec<TableReport>,
    /// The target's key file, and whether the copy wrote it.
    pub key_file: PathBuf,
    pub key_written: bool,
}

impl CopyReport {
    pub fn verified(&self) -> bool {
        self.tables.iter().all(TableReport::matches)
    }
}

/// The tables in the order they are copied (each after those it refers to).
pub const TABLES: [&str; 13] = [
    "stores",
    "tokens",
    "tickets",
    "messages",
    "attachments",
    "idempotency_keys",
    "store_addresses",
    "mail_ids",
    "mail_outbox",
    "mail_held",
    "refused_attachments",
    "ticket_notes",
    "desk_meta",
];

/// How a table is paged.
#[derive(Clone, Copy)]
enum Keyset {
    /// `?1` the last id seen, `?2` the batch size; column 0 is the id.
    Id,
    /// `?1` the last id seen, `?2` the last id of the batch (bounded by the bytes of the
    /// table's `size` column: `attachments`, `refused_attachments`).
    Bytes(&'static str),
    /// `?1`, `?2` the last (store_id, key) seen, `?3` the batch size; columns 0 and 1.
    StoreKey,
    /// The whole table at once (a few rows).
    Whole,
}

/// A paged `SELECT` and where each row's checksummed part starts.
struct Scan {
    sql: &'static str,
    keyset: Keyset,
    /// Columns before this one are the paging key, not checksummed.
    from_column: usize,
}

/// Call `each` with every batch of rows of `scan`.
fn scan(
    conn: &dyn Conn,
    scan: &Scan,
    batch: usize,
    mut each: impl FnMut(&[Row]) -> Result<(), DeskError>,
) -> Result<(), DeskError> {
    let mut after: (i64, String) = (0, String::new());
    loop {
        let rows = match scan.keyset {
            Keyset::Id => conn.query(scan.sql, &[&after.0, &batch])?,
            Keyset::Bytes(table) => match bytes_batch_end(conn, table, after.0, batch)? {
                Some(last) => conn.query(scan.sql, &[&after.0, &last])?,
                None => Vec::new(),
            },
            Keyset::StoreKey => conn.query(scan.sql, &[&after.0, &after.1, &batch])?,
            Keyset::Whole => {
                let rows = conn.query(scan.sql, &[])?;
                return if rows.is_empty() { Ok(()) } else { each(&rows) };
            }
        };
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = match scan.keyset {
            Keyset::StoreKey => (last.get(0)?, last.get(1)?),
            _ => (last.get(0)?, String::new()),
        };
        each(&rows)?;
    }
}

/// The last id of `table`'s batch after `after`: at most `batch` rows, and no more than
/// [`BATCH_BYTES`] unless one alone is larger.
fn bytes_batch_end(
    conn: &dyn Conn,
    table: &str,
    after: i64,
    batch: usize,
) -> Result<Option<i64>, DeskError> {
    let sizes = conn.rows(
        &format!("SELECT id, size FROM {table} WHERE id > ?1 ORDER BY id LIMIT ?2"),
        &[&after, &batch],
        |row| Ok((row.get::<i64>(0)?, row.get::<i64>(1)?)),
    )?;
    let mut total = 0;
    let mut last = None;
    for (id, size) in sizes {
        if last.is_some() && total + size > BATCH_BYTES {
            break;
        }
        total += size;
        last = Some(id);
    }
    Ok(last)
}

/// What verification reads: each row with its ids replaced by what they stand for.
const CHECKS: [Scan; 13] = [
    Scan {
        sql: "SELECT id, url, created_at FROM stores WHERE id > ?1 ORDER BY id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT k.id, s.url, k.hash, k.created_at, k.revoked_at, k.last_used_at
              FROM tokens k JOIN stores s ON s.id = k.store_id
              WHERE k.id > ?1 ORDER BY k.id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT t.id, t.tracking_number, s.url, t.order_number, t.phone, t.channel, t.at,
                     t.tried, t.summary, t.details, t.email, t.plan, t.urgent, t.outage,
                     t.allow_access, t.subject, t.status, t.created_at, t.updated_at,
                     t.first_response_due, t.first_response_at, t.pin_hash, t.pin_hint, t.via,
                     t.missing
              FROM tickets t JOIN stores s ON s.id = t.store_id
              WHERE t.id > ?1 ORDER BY t.id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT m.id, t.tracking_number, m.author, m.body, m.at, s.url, m.via
              FROM messages m JOIN tickets t ON t.id = m.ticket_id
              LEFT JOIN stores s ON s.id = m.store_id
              WHERE m.id > ?1 ORDER BY m.id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT a.id, t.tracking_number, m.author, m.at, a.name, a.kind, a.size, a.bytes
              FROM attachments a JOIN tickets t ON t.id = a.ticket_id
              LEFT JOIN messages m ON m.id = a.message_id
              WHERE a.id > ?1 AND a.id <= ?2 ORDER BY a.id",
        keyset: Keyset::Bytes("attachments"),
        from_column: 1,
    },
    Scan {
        sql: "SELECT i.store_id, i.key, s.url, i.fingerprint, t.tracking_number, i.created_at
              FROM idempotency_keys i JOIN stores s ON s.id = i.store_id
              JOIN tickets t ON t.id = i.ticket_id
              WHERE (i.store_id, i.key) > (?1, ?2) ORDER BY i.store_id, i.key LIMIT ?3",
        keyset: Keyset::StoreKey,
        from_column: 2,
    },
    Scan {
        sql: "SELECT a.id, s.url, a.address, a.created_at
              FROM store_addresses a JOIN stores s ON s.id = a.store_id
              WHERE a.id > ?1 ORDER BY a.id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT m.id, m.message_id, t.tracking_number, m.direction, m.at
              FROM mail_ids m JOIN tickets t ON t.id = m.ticket_id
              WHERE m.id > ?1 ORDER BY m.id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT o.id, t.tracking_number, o.kind, o.message_id, o.recipient, o.subject, o.body,
                     o.in_reply_to, o.refs, o.automatic, o.status, o.attempts, o.next_attempt_at,
                     o.last_error, o.created_at, o.sent_at
              FROM mail_outbox o LEFT JOIN tickets t ON t.id = o.ticket_id
              WHERE o.id > ?1 ORDER BY o.id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT h.id, h.message_id, h.sender, h.subject, h.reason, t.tracking_number, h.body,
                     h.at
              FROM mail_held h LEFT JOIN tickets t ON t.id = h.ticket_id
              WHERE h.id > ?1 ORDER BY h.id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT r.id, t.tracking_number, m.author, m.at, r.name, r.reason, r.size, r.bytes,
                     r.at
              FROM refused_attachments r JOIN tickets t ON t.id = r.ticket_id
              LEFT JOIN messages m ON m.id = r.message_id
              WHERE r.id > ?1 AND r.id <= ?2 ORDER BY r.id",
        keyset: Keyset::Bytes("refused_attachments"),
        from_column: 1,
    },
    Scan {
        sql: "SELECT n.id, t.tracking_number, n.author, n.body, n.at
              FROM ticket_notes n JOIN tickets t ON t.id = n.ticket_id
              WHERE n.id > ?1 ORDER BY n.id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    },
    Scan {
        sql: "SELECT name, value FROM desk_meta ORDER BY name",
        keyset: Keyset::Whole,
        from_column: 0,
    },
];

/// Every table's checksum, in one snapshot.
fn checksums(db: &Db) -> Result<Vec<Checksum>, DeskError> {
    db.read(|conn| {
        CHECKS
            .iter()
            .map(|check| {
                let mut sum = Checksum::default();
                scan(conn, check, BATCH_ROWS, |rows| {
                    for row in rows {
                        sum.add(&row.0[check.from_column..]);
                    }
                    Ok(())
                })?;
                Ok(sum)
            })
            .collect()
    })
}

/// How the source's ids become the target's. Without `append` every id stays. With it, a
/// store whose URL the target has is that store; the other rows of each table get their
/// source id plus the largest id the target had, so they follow its rows in the same order.
#[derive(Debug, Default)]
struct Remap {
    /// Source store id → (target store id, whether the target had it already).
    stores: HashMap<i64, (i64, bool)>,
    /// Added to the ids of each table of [`WITH_IDS`], in its order.
    offsets: [i64; 11],
    /// The (target store id, address) pairs the target has: a matched store's address that the
    /// target registered already is left out.
    addresses: std::collections::HashSet<(i64, String)>,
}

const STORES: usize = 0;
const TOKENS: usize = 1;
const TICKETS: usize = 2;
const MESSAGES: usize = 3;
const ATTACHMENTS: usize = 4;
const STORE_ADDRESSES: usize = 5;
const MAIL_IDS: usize = 6;
const MAIL_OUTBOX: usize = 7;
const MAIL_HELD: usize = 8;
const REFUSED_ATTACHMENTS: usize = 9;
const NOTES: usize = 10;

impl Remap {
    fn store(&self, value: &Value) -> Result<Value, DeskError> {
        let Value::Int(id) = value else {
            return Ok(value.clone());
        };
        self.stores
            .get(id)
            .map(|(target, _)| Value::Int(*target))
            .ok_or_else(|| {
                DeskError::Storage(format!(
                    "a row refers to store {id}, which the source does not have"
                ))
            })
    }

    fn shift(&self, table: usize, value: &Value) -> Value {
        match value {
            Value::Int(id) => Value::Int(id + self.offsets[table]),
            other => other.clone(),
        }
    }
}

/// A table as copied: its columns (the same in both backends) and how its ids are remapped.
struct Copied {
    table: &'static str,
    columns: &'static str,
    read: Scan,
    /// Rewrite a row's ids for the target; `false` leaves the row out (the target has it).
    remap: fn(&Remap, &mut [Value]) -> Result<bool, DeskError>,
}

const COPIED: [Copied; 12] = [
    Copied {
        table: "stores",
        columns: "id, url, created_at",
        read: Scan {
            sql: "SELECT id, url, created_at FROM stores WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            let Value::Int(id) = row[0] else {
                return Err(DeskError::Storage("a store without an id".into()));
            };
            let (target, had) = remap.stores.get(&id).copied().unwrap_or((id, false));
            row[0] = Value::Int(target);
            Ok(!had)
        },
    },
    Copied {
        table: "tokens",
        columns: "id, store_id, hash, created_at, revoked_at, last_used_at, name",
        read: Scan {
            sql: "SELECT id, store_id, hash, created_at, revoked_at, last_used_at, name
                  FROM tokens WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(TOKENS, &row[0]);
            row[1] = remap.store(&row[1])?;
            Ok(true)
        },
    },
    Copied {
        table: "tickets",
        columns: "id, tracking_number, store_id, order_number, phone, channel, at, tried, \
                  summary, details, email, plan, urgent, outage, allow_access, subject, status, \
                  created_at, updated_at, first_response_due, first_response_at, pin_hash, pin_hint, \
                  via, missing",
        read: Scan {
            sql: "SELECT id, tracking_number, store_id, order_number, phone, channel, at, tried,
                         summary, details, email, plan, urgent, outage, allow_access, subject,
                         status, created_at, updated_at, first_response_due, first_response_at,
                         pin_hash, pin_hint, via, missing
                  FROM tickets WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(TICKETS, &row[0]);
            row[2] = remap.store(&row[2])?;
            Ok(true)
        },
    },
    Copied {
        table: "messages",
        columns: "id, ticket_id, author, body, at, store_id, via",
        read: Scan {
            sql: "SELECT id, ticket_id, author, body, at, store_id, via
                  FROM messages WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(MESSAGES, &row[0]);
            row[1] = remap.shift(TICKETS, &row[1]);
            row[5] = remap.store(&row[5])?;
            Ok(true)
        },
    },
    Copied {
        table: "attachments",
        columns: "id, ticket_id, message_id, name, kind, size, bytes",
        read: Scan {
            sql: "SELECT id, ticket_id, message_id, name, kind, size, bytes
                  FROM attachments WHERE id > ?1 AND id <= ?2 ORDER BY id",
            keyset: Keyset::Bytes("attachments"),
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(ATTACHMENTS, &row[0]);
            row[1] = remap.shift(TICKETS, &row[1]);
            row[2] = remap.shift(MESSAGES, &row[2]);
            Ok(true)
        },
    },
    Copied {
        table: "idempotency_keys",
        columns: "store_id, key, fingerprint, ticket_id, created_at",
        read: Scan {
            sql: "SELECT store_id, key, fingerprint, ticket_id, created_at FROM idempotency_keys
                  WHERE (store_id, key) > (?1, ?2) ORDER BY store_id, key LIMIT ?3",
            keyset: Keyset::StoreKey,
            from_column: 0,
        },
        remap: |remap, row| {
            row[0] = remap.store(&row[0])?;
            row[3] = remap.shift(TICKETS, &row[3]);
            Ok(true)
        },
    },
    Copied {
        table: "store_addresses",
        columns: "id, store_id, address, created_at",
        read: Scan {
            sql: "SELECT id, store_id, address, created_at FROM store_addresses
                  WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(STORE_ADDRESSES, &row[0]);
            row[1] = remap.store(&row[1])?;
            let (Value::Int(store), Value::Text(address)) = (&row[1], &row[2]) else {
                return Ok(true);
            };
            Ok(!remap.addresses.contains(&(*store, address.clone())))
        },
    },
    Copied {
        table: "mail_ids",
        columns: "id, message_id, ticket_id, direction, at",
        read: Scan {
            sql: "SELECT id, message_id, ticket_id, direction, at FROM mail_ids
                  WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(MAIL_IDS, &row[0]);
            row[2] = remap.shift(TICKETS, &row[2]);
            Ok(true)
        },
    },
    Copied {
        table: "mail_outbox",
        columns: "id, ticket_id, kind, message_id, recipient, subject, body, in_reply_to, refs, \
                  automatic, status, attempts, next_attempt_at, last_error, created_at, sent_at",
        read: Scan {
            sql: "SELECT id, ticket_id, kind, message_id, recipient, subject, body, in_reply_to,
                         refs, automatic, status, attempts, next_attempt_at, last_error,
                         created_at, sent_at
                  FROM mail_outbox WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(MAIL_OUTBOX, &row[0]);
            row[1] = remap.shift(TICKETS, &row[1]);
            Ok(true)
        },
    },
    Copied {
        table: "mail_held",
        columns: "id, message_id, sender, subject, reason, ticket_id, body, at",
        read: Scan {
            sql: "SELECT id, message_id, sender, subject, reason, ticket_id, body, at
                  FROM mail_held WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(MAIL_HELD, &row[0]);
            row[5] = remap.shift(TICKETS, &row[5]);
            Ok(true)
        },
    },
    Copied {
        table: "refused_attachments",
        columns: "id, ticket_id, message_id, name, reason, size, bytes, at",
        read: Scan {
            sql: "SELECT id, ticket_id, message_id, name, reason, size, bytes, at
                  FROM refused_attachments WHERE id > ?1 AND id <= ?2 ORDER BY id",
            keyset: Keyset::Bytes("refused_attachments"),
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(REFUSED_ATTACHMENTS, &row[0]);
            row[1] = remap.shift(TICKETS, &row[1]);
            row[2] = remap.shift(MESSAGES, &row[2]);
            Ok(true)
        },
    },
    // The inbox's internal notes (agents and their sessions stay with the desk they were
    // made on: add agents again on the target, they sign in again).
    Copied {
        table: "ticket_notes",
        columns: "id, ticket_id, author, body, at",
        read: Scan {
            sql: "SELECT id, ticket_id, author, body, at
                  FROM ticket_notes WHERE id > ?1 ORDER BY id LIMIT ?2",
            keyset: Keyset::Id,
            from_column: 1,
        },
        remap: |remap, row| {
            row[0] = remap.shift(NOTES, &row[0]);
            row[1] = remap.shift(TICKETS, &row[1]);
            Ok(true)
        },
    },
];

/// The tables whose ids the database generates (`Conn::sync_ids` after explicit ids).
const WITH_IDS: [&str; 11] = [
    "stores",
    "tokens",
    "tickets",
    "messages",
    "attachments",
    "store_addresses",
    "mail_ids",
    "mail_outbox",
    "mail_held",
    "refused_attachments",
    "ticket_notes",
];

/// Copy the desk at `request.from` to `request.to`, then verify the copy; `progress` hears of
/// every batch written. A copy that does not verify is `Ok`, with a report that says so
/// ([`CopyReport::verified`]): the caller decides what a mismatch means.
pub fn copy(
    request: &CopyRequest,
    progress: &mut dyn FnMut(Progress),
) -> Result<CopyReport, DeskError> {
    let from_key = key_path(&request.from, request.from_key.as_deref(), "--from")?;
    let to_key = key_path(&request.to, request.to_key.as_deref(), "--to")?;
    refuse_same(request)?;
    if let Location::Sqlite(path) = &request.from
        && !path.is_file()
    {
        return Err(DeskError::BadRequest(format!(
            "--from {}: no such desk database file; give the path of the desk to copy",
            path.display()
        )));
    }
    let options = |key_file: &Path, migrate| OpenOptions {
        key_file: Some(key_file.to_path_buf()),
        pool_size: 2,
        migrate,
    };
    // The source is only read: an older schema is refused rather than migrated.
    let source = Db::open_at(&request.from, &options(&from_key, false))
        .map_err(|error| named("--from", &request.from, error))?;
    let installed = secret::install(&to_key, &source.secret)
        .map_err(|error| named("--to", &request.to, error))?;
    let target = match Db::open_at(&request.to, &options(&to_key, true)) {
        Ok(target) => target,
        Err(error) => {
            if installed == Installed::Written {
                // Written for this copy only: a key file for a desk that did not open is noise.
                let _ = std::fs::remove_file(&to_key);
            }
            return Err(named("--to", &request.to, error));
        }
    };
    let held = target.read(|conn| desk_rows(conn))?;
    if held > 0 && !request.append {
        return Err(DeskError::BadRequest(format!(
            "--to {}: the database already holds a desk ({held} rows of stores, tokens and \
             tickets); copy into a new or empty database, or add --append to add this desk's \
             tickets to it (with new ids)",
            request.to.shown()
        )));
    }
    let before = checksums(&target)?;
    let (source_sums, skipped) = source
        .read(|src| copy_snapshot(src, &target, request.append, progress))
        .map_err(|error| match error {
            DeskError::Storage(message) => DeskError::Storage(format!(
                "the copy stopped: {message}; --to {} may hold part of the desk: drop that \
                 database (or remove the file) and copy again{}",
                request.to.shown(),
                if request.append {
                    " from a backup of it"
                } else {
                    ""
                }
            )),
            other => other,
        })?;
    target.write(|tx| {
        for table in WITH_IDS {
            tx.sync_ids(table)?;
        }
        tx.batch(super::counts::RECOUNT)
    })?;
    let after = checksums(&target)?;
    let tables = TABLES
        .iter()
        .enumerate()
        .map(|(i, table)| {
            let copied = source_sums[i].minus(skipped[i]);
            TableReport {
                table,
                source: source_sums[i],
                copied: copied.rows,
                expected: before[i].plus(copied),
                target: after[i],
            }
        })
        .collect();
    Ok(CopyReport {
        tables,
        key_file: to_key,
        key_written: installed == Installed::Written,
    })
}

/// Inside the source's snapshot: its checksums, the copy, and the checksums of the rows the
/// target had already (left out).
fn copy_snapshot(
    src: &dyn Conn,
    target: &Db,
    append: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<Checksum>, Vec<Checksum>), DeskError> {
    let source_sums: Vec<Checksum> = CHECKS
        .iter()
        .map(|check| {
            let mut sum = Checksum::default();
            scan(src, check, BATCH_ROWS, |rows| {
                rows.iter()
                    .for_each(|row| sum.add(&row.0[check.from_column..]));
                Ok(())
            })?;
            Ok(sum)
        })
        .collect::<Result<_, DeskError>>()?;
    let remap = if append {
        let remap = target.read(|conn| plan_append(src, conn))?;
        target.read(|conn| refuse_conflicts(src, conn, &remap))?;
        remap
    } else {
        let mut remap = Remap::default();
        scan(src, &COPIED[STORES].read, BATCH_ROWS, |rows| {
            for row in rows {
                let id: i64 = row.get(0)?;
                remap.stores.insert(id, (id, false));
            }
            Ok(())
        })?;
        remap
    };
    let mut skipped = vec![Checksum::default(); TABLES.len()];
    for (index, copied) in COPIED.iter().enumerate() {
        let total = source_sums[index].rows;
        let mut done = 0;
        scan(src, &copied.read, BATCH_ROWS, |rows| {
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let mut values = row.0.clone();
                if (copied.remap)(&remap, &mut values)? {
                    out.push(values);
                } else {
                    skipped[index].add(&row.0[copied.read.from_column..]);
                }
            }
            target.write(|tx| insert(tx, copied.table, copied.columns, &out))?;
            done += rows.len() as u64;
            progress(Progress {
                table: copied.table,
                done,
                total,
            });
            Ok(())
        })?;
    }
    let meta = TABLES.len() - 1;
    let rows = src.query("SELECT name, value FROM desk_meta ORDER BY name", &[])?;
    let inserted = target.write(|tx| {
        let mut inserted = Vec::new();
        for row in &rows {
            let changed = tx.execute(
                "INSERT INTO desk_meta (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
                &params(&row.0),
            )?;
            inserted.push(changed > 0);
        }
        Ok(inserted)
    })?;
    for (row, inserted) in rows.iter().zip(inserted) {
        if !inserted {
            skipped[meta].add(&row.0);
        }
    }
    progress(Progress {
        table: TABLES[meta],
        done: rows.len() as u64,
        total: rows.len() as u64,
    });
    Ok((source_sums, skipped))
}

/// `rows` into `table` in multi-row `INSERT`s.
fn insert(tx: &dyn Conn, table: &str, columns: &str, rows: &[Vec<Value>]) -> Result<(), DeskError> {
    let Some(width) = rows.first().map(Vec::len) else {
        return Ok(());
    };
    for chunk in rows.chunks((STATEMENT_PARAMS / width).max(1)) {
        let mut sql = format!("INSERT INTO {table} ({columns}) VALUES ");
        let mut number = 0;
        for (i, _) in chunk.iter().enumerate() {
            sql.push_str(if i == 0 { "(" } else { ", (" });
            for column in 0..width {
                number += 1;
                if column > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("?{number}"));
            }
            sql.push(')');
        }
        let values: Vec<&dyn ToValue> = chunk
            .iter()
            .flat_map(|row| row.iter().map(|value| value as &dyn ToValue))
            .collect();
        tx.execute(&sql, &values)?;
    }
    Ok(())
}

/// With `append`: match stores by URL, and the offsets past the target's largest ids.
fn plan_append(src: &dyn Conn, target: &dyn Conn) -> Result<Remap, DeskError> {
    let mut remap = Remap::default();
    for (i, table) in WITH_IDS.iter().enumerate() {
        remap.offsets[i] =
            target.value(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}"), &[])?;
    }
    remap.addresses = target
        .rows(
            "SELECT store_id, address FROM store_addresses",
            &[],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?
        .into_iter()
        .collect();
    scan(src, &COPIED[STORES].read, BATCH_ROWS, |rows| {
        let urls: Vec<Value> = rows.iter().map(|row| row.0[1].clone()).collect();
        let known: HashMap<String, i64> = target
            .rows(
                &format!(
                    "SELECT url, id FROM stores WHERE url IN ({})",
                    placeholders(urls.len())
                ),
                &params(&urls),
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?
            .into_iter()
            .collect();
        for row in rows {
            let (id, url): (i64, String) = (row.get(0)?, row.get(1)?);
            let mapped = match known.get(&url) {
                Some(target_id) => (*target_id, true),
                None => (id + remap.offsets[STORES], false),
            };
            remap.stores.insert(id, mapped);
        }
        Ok(())
    })?;
    Ok(remap)
}

/// With `append`: refuse, before anything is written, rows the target's unique keys hold
/// already (tracking numbers, token hashes, a matched store's idempotency keys).
fn refuse_conflicts(src: &dyn Conn, target: &dyn Conn, remap: &Remap) -> Result<(), DeskError> {
    let mut found: Vec<String> = Vec::new();
    let mut count = 0usize;
    let read = Scan {
        sql: "SELECT id, tracking_number FROM tickets WHERE id > ?1 ORDER BY id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    };
    scan(src, &read, BATCH_ROWS, |rows| {
        let numbers: Vec<Value> = rows.iter().map(|row| row.0[1].clone()).collect();
        let sql = format!(
            "SELECT tracking_number FROM tickets WHERE tracking_number IN ({})",
            placeholders(numbers.len())
        );
        for number in target.rows(&sql, &params(&numbers), |row| row.get::<String>(0))? {
            count += 1;
            if found.len() < 5 {
                found.push(number);
            }
        }
        Ok(())
    })?;
    if count > 0 {
        return Err(DeskError::BadRequest(format!(
            "--append: {count} tracking number(s) of the source are in the target already ({}{}); \
             nothing was copied. Was this desk appended before? Tracking numbers must stay unique: \
             copy into another database, or remove those tickets from one of the desks",
            found.join(", "),
            if count > found.len() { ", …" } else { "" }
        )));
    }
    let read = Scan {
        sql: "SELECT id, hash FROM tokens WHERE id > ?1 ORDER BY id LIMIT ?2",
        keyset: Keyset::Id,
        from_column: 1,
    };
    scan(src, &read, BATCH_ROWS, |rows| {
        let hashes: Vec<Value> = rows.iter().map(|row| row.0[1].clone()).collect();
        let sql = format!(
            "SELECT count(*) FROM tokens WHERE hash IN ({})",
            placeholders(hashes.len())
        );
        count += usize::try_from(target.value::<i64>(&sql, &params(&hashes))?).unwrap_or(0);
        Ok(())
    })?;
    if count > 0 {
        return Err(DeskError::BadRequest(format!(
            "--append: {count} store token(s) of the source are in the target already; nothing \
             was copied. Was this desk appended before? Copy into another database"
        )));
    }
    let read = Scan {
        sql: "SELECT store_id, key FROM idempotency_keys
              WHERE (store_id, key) > (?1, ?2) ORDER BY store_id, key LIMIT ?3",
        keyset: Keyset::StoreKey,
        from_column: 0,
    };
    scan(src, &read, 100, |rows| {
        let mut values = Vec::new();
        for row in rows {
            let store: i64 = row.get(0)?;
            if let Some((target_store, true)) = remap.stores.get(&store) {
                values.push(Value::Int(*target_store));
                values.push(row.0[1].clone());
            }
        }
        if values.is_empty() {
            return Ok(());
        }
        let pairs: Vec<String> = (0..values.len() / 2)
            .map(|i| format!("(store_id = ?{} AND key = ?{})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql = format!(
            "SELECT count(*) FROM idempotency_keys WHERE {}",
            pairs.join(" OR ")
        );
        count += usize::try_from(target.value::<i64>(&sql, &params(&values))?).unwrap_or(0);
        Ok(())
    })?;
    if count > 0 {
        return Err(DeskError::BadRequest(format!(
            "--append: {count} idempotency key(s) of a store both desks have were used in both; \
             nothing was copied. Copy into another database"
        )));
    }
    Ok(())
}

/// `?1, ?2, … ?n`.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows of a desk's own (stores, tokens, tickets and what hangs on them): 0 for an empty one.
fn desk_rows(conn: &dyn Conn) -> Result<i64, DeskError> {
    let mut rows = 0;
    for table in [
        "stores",
        "tokens",
        "tickets",
        "messages",
        "attachments",
        "idempotency_keys",
        "store_addresses",
        "mail_ids",
        "mail_outbox",
        "mail_held",
        "refused_attachments",
        "ticket_notes",
    ] {
        rows += conn.value::<i64>(&format!("SELECT count(*) FROM {table}"), &[])?;
    }
    Ok(rows)
}

/// The key file of a side: given, or `<db>.key` for SQLite; PostgreSQL needs one given.
fn key_path(location: &Location, given: Option<&Path>, side: &str) -> Result<PathBuf, DeskError> {
    match (given, location) {
        (Some(path), _) => Ok(path.to_path_buf()),
        (None, Location::Sqlite(path)) => Ok(secret::default_key_path(path)),
        (None, Location::Postgres(url)) => Err(DeskError::BadRequest(format!(
            "{side} {url}: a PostgreSQL desk keeps its key in a file of its own; give it with \
             {side}-key-file FILE{}",
            if side == "--to" {
                " (a new file there is written with the source's key; give the same file to \
                 every `cartsaver-desk serve --key-file` of that desk)"
            } else {
                " (the file its `serve --key-file` is given)"
            }
        ))),
    }
}

/// A desk copied onto itself would be refused as non-empty, or with `--append` doubled.
fn refuse_same(request: &CopyRequest) -> Result<(), DeskError> {
    let same = match (&request.from, &request.to) {
        (Location::Sqlite(a), Location::Sqlite(b)) => {
            a == b
                || matches!(
                    (a.canonicalize(), b.canonicalize()),
                    (Ok(a), Ok(b)) if a == b
                )
        }
        (a, b) => a == b,
    };
    if same {
        return Err(DeskError::BadRequest(format!(
            "--from and --to are the same desk ({}); give another database to copy to",
            request.to.shown()
        )));
    }
    Ok(())
}

/// An error of one side, naming it (the URL without its password).
fn named(side: &str, location: &Location, error: DeskError) -> DeskError {
    match error {
        DeskError::Storage(message) => {
            DeskError::Storage(format!("{side} {}: {message}", location.shown()))
        }
        DeskError::BadRequest(message) => {
            DeskError::BadRequest(format!("{side} {}: {message}", location.shown()))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Author, Status};
    use crate::desk::testing::{OTHER_SHOP, SHOP, input, later, png, request, store_url, t0};
    use crate::desk::{DeskCore, PinCheck, Scope};
    use crate::domain::calendar::Calendar;

    /// A desk with two stores, tokens, tickets with PINs, idempotency keys, messages and
    /// attachments (on the ticket and on a message).
    fn filled(path: &Path, shops: &[&str], orders: u32) -> Vec<String> {
        let core = DeskCore::open(path, Calendar::cartsaver()).unwrap();
        let mut numbers = Vec::new();
        for (s, shop) in shops.iter().enumerate() {
            core.create_token(&store_url(shop), t0()).unwrap();
            for order in 0..orders {
                let mut create = request(input(shop, &format!("{}", 1000 + order)));
                create.idempotency_key = Some(format!("key-{order}"));
                if order % 3 == 0 {
                    create.attachments = vec![png("shot.png", order as u8)];
                }
                let minutes = i64::from(order) + 100 * s as i64;
                let ticket = core
                    .create_ticket(&Scope::Everything, create, later(minutes))
                    .unwrap()
                    .ticket;
                if order % 2 == 0 {
                    core.add_message(
                        &Scope::Everything,
                        &ticket.tracking_number,
                        Author::Support,
                        "Looking at it",
                        vec![png("reply.png", 200)],
                        later(minutes + 1),
                    )
                    .unwrap();
                }
                if order % 4 == 0 {
                    core.add_note(
                        &ticket.tracking_number,
                        "agent@desk.example",
                        "called the store",
                        later(minutes + 2),
                    )
                    .unwrap();
                }
                if order % 5 == 0 {
                    core.set_status(
                        &ticket.tracking_number,
                        Status::Resolved,
                        later(minutes + 2),
                    )
                    .unwrap();
                }
                numbers.push(ticket.tracking_number.to_string());
            }
        }
        numbers
    }

    /// The mail tables of a store: an address, a mail filed from it with an attachment the
    /// checks refuse, and a stranger's mail held.
    fn mail(path: &Path, shop: &str, s: usize) {
        let core = DeskCore::open(path, Calendar::cartsaver()).unwrap();
        let address = format!("owner{s}@cool-shop.com");
        let email = crate::domain::email::parse_email(&address).unwrap().value;
        core.add_store_address(&store_url(shop), &email, t0())
            .unwrap();
        let raw = |from: &str, id: &str| {
            format!(
                "From: {from}\r\nSubject: OTP not arriving\r\nMessage-ID: <{id}@x>\r\n\
                 MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
                 --b\r\nContent-Type: text/plain\r\n\r\nNo code for the customer.\r\n\
                 --b\r\nContent-Type: application/pdf\r\n\
                 Content-Disposition: attachment; filename=x.pdf\r\n\r\nnot a pdf\r\n--b--\r\n"
            )
        };
        for (from, id) in [
            (address.as_str(), format!("filed{s}")),
            ("someone@else.example", format!("held{s}")),
        ] {
            let incoming = crate::mail::receive::parse(raw(from, &id).as_bytes()).unwrap();
            let received = core.receive_mail(&incoming, later(500)).unwrap();
            assert!(
                !matches!(received, crate::desk::Received::Duplicate),
                "{received:?}"
            );
        }
    }

    fn request_for(from: &Path, to: &Path, append: bool) -> CopyRequest {
        CopyRequest {
            from: Location::Sqlite(from.to_path_buf()),
            from_key: None,
            to: Location::Sqlite(to.to_path_buf()),
            to_key: None,
            append,
        }
    }

    #[test]
    fn a_checksum_ignores_row_order_and_sums_like_the_rows() {
        let rows = [
            vec![Value::Text("a".into()), Value::Int(1)],
            vec![Value::Null, Value::Blob(vec![1, 2])],
            vec![Value::Text("a".into()), Value::Int(1)],
        ];
        let mut forward = Checksum::default();
        rows.iter().for_each(|row| forward.add(row));
        let mut backward = Checksum::default();
        rows.iter().rev().for_each(|row| backward.add(row));
        assert_eq!(forward, backward);
        let mut first = Checksum::default();
        first.add(&rows[0]);
        let mut rest = Checksum::default();
        rows[1..].iter().for_each(|row| rest.add(row));
        assert_eq!(first.plus(rest), forward);
        assert_eq!(forward.minus(rest), first);
        // Text and bytes of the same content, or split differently, differ.
        assert_ne!(
            row_hash(&[Value::Text("ab".into())]),
            row_hash(&[Value::Blob(b"ab".to_vec())])
        );
        assert_ne!(
            row_hash(&[Value::Text("ab".into()), Value::Text("c".into())]),
            row_hash(&[Value::Text("a".into()), Value::Text("bc".into())])
        );
    }

    #[test]
    fn a_desk_copies_whole_keeps_its_key_and_verifies() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
        let numbers = filled(&from, &[SHOP, OTHER_SHOP], 12);
        mail(&from, SHOP, 0);
        mail(&from, OTHER_SHOP, 1);
        let mut seen = Vec::new();
        let report = copy(&request_for(&from, &to, false), &mut |p| seen.push(p)).unwrap();
        assert!(report.verified(), "{report:#?}");
        assert!(report.key_written);
        let rows = |name: &str| {
            let table = report.tables.iter().find(|t| t.table == name).unwrap();
            (table.source.rows, table.target.rows)
        };
        assert_eq!(rows("stores"), (2, 2));
        // 12 a store by the API, one a store by mail.
        assert_eq!(rows("tickets"), (26, 26));
        assert_eq!(rows("idempotency_keys"), (24, 24));
        assert_eq!(rows("desk_meta"), (1, 1));
        assert!(rows("attachments").0 > 0 && rows("messages").0 > 0);
        assert_eq!(rows("ticket_notes"), (6, 6));
        for table in [
            "store_addresses",
            "mail_ids",
            "mail_outbox",
            "mail_held",
            "refused_attachments",
        ] {
            assert!(
                rows(table).0 >= 2 && rows(table).0 == rows(table).1,
                "{table}"
            );
        }
        assert!(
            seen.iter()
                .any(|p| p.table == "tickets" && p.done == 26 && p.total == 26)
        );

        let source = DeskCore::open(&from, Calendar::cartsaver()).unwrap();
        let target = DeskCore::open(&to, Calendar::cartsaver()).unwrap();
        for number in &numbers {
            let tn = number.parse().unwrap();
            assert_eq!(
                source.ticket(&Scope::Everything, &tn, t0()).unwrap(),
                target.ticket(&Scope::Everything, &tn, t0()).unwrap()
            );
            assert_eq!(target.check_pin(&tn, "4321ab").unwrap(), PinCheck::Matches);
        }
        assert_eq!(
            source.stats(&Scope::Everything, t0()).unwrap(),
            target.stats(&Scope::Everything, t0()).unwrap()
        );
        // New rows get ids past the copied ones.
        crate::desk::testing::file(&target, SHOP, "9999", later(500));
    }

    #[test]
    fn a_desk_in_the_target_is_refused_without_append_and_merged_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a.sqlite3"),
            dir.path().join("b.sqlite3"),
            dir.path().join("c.sqlite3"),
        );
        filled(&a, &[SHOP], 4);
        copy(&request_for(&a, &b, false), &mut |_| {}).unwrap();
        let error = copy(&request_for(&a, &b, false), &mut |_| {})
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("already holds a desk") && error.contains("--append"),
            "{error}"
        );
        let error = copy(&request_for(&a, &b, true), &mut |_| {})
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("tracking number") && error.contains("nothing was copied"),
            "{error}"
        );

        // Another desk with the same key: one store in common, one new.
        let key = secret::default_key_path(&a);
        let d = dir.path().join("d.sqlite3");
        let core = DeskCore::open_with_key(&d, &key, Calendar::cartsaver()).unwrap();
        let mut create = request(input(SHOP, "8000"));
        create.idempotency_key = Some("key-0".into());
        core.create_ticket(&Scope::Everything, create, later(5))
            .unwrap();
        drop(core);
        let mut request_d = request_for(&d, &b, true);
        request_d.from_key = Some(key.clone());
        let error = copy(&request_d, &mut |_| {}).unwrap_err().to_string();
        assert!(error.contains("idempotency key"), "{error}");

        let core = DeskCore::open_with_key(&c, &key, Calendar::cartsaver()).unwrap();
        let shared = crate::desk::testing::file(&core, SHOP, "7000", later(10));
        let own = crate::desk::testing::file(&core, OTHER_SHOP, "7001", later(11));
        drop(core);
        let mut request = request_for(&c, &b, true);
        request.from_key = Some(key.clone());
        let report = copy(&request, &mut |_| {}).unwrap();
        assert!(report.verified(), "{report:#?}");
        let stores = &report.tables[STORES];
        assert_eq!(
            (stores.source.rows, stores.copied, stores.target.rows),
            (2, 1, 2)
        );
        let target = DeskCore::open(&b, Calendar::cartsaver()).unwrap();
        assert_eq!(crate::desk::testing::count(&target, "tickets"), 6);
        for ticket in [&shared, &own] {
            let copied = target
                .ticket(&Scope::Everything, &ticket.tracking_number, t0())
                .unwrap();
            assert_eq!(copied.store, ticket.store);
        }
        let shop_tickets = target
            .list(
                &crate::desk::testing::store_scope(SHOP),
                &Default::default(),
                t0(),
            )
            .unwrap();
        assert_eq!(shop_tickets.tickets.len(), 5);
    }

    #[test]
    fn the_target_key_file_must_hold_the_source_key() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
        filled(&from, &[SHOP], 1);
        std::fs::write(secret::default_key_path(&to), [9u8; 32]).unwrap();
        let error = copy(&request_for(&from, &to, false), &mut |_| {})
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("another desk key") && error.contains("--to"),
            "{error}"
        );
        assert!(!to.exists(), "nothing made before the key was settled");
    }

    #[test]
    fn a_missing_source_the_same_desk_and_a_postgres_side_without_key_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (
            dir.path().join("none.sqlite3"),
            dir.path().join("b.sqlite3"),
        );
        let error = copy(&request_for(&from, &to, false), &mut |_| {}).unwrap_err();
        assert!(
            error.to_string().contains("no such desk database"),
            "{error}"
        );
        assert!(!to.exists());
        filled(&to, &[SHOP], 1);
        let error = copy(&request_for(&to, &to, false), &mut |_| {}).unwrap_err();
        assert!(error.to_string().contains("the same desk"), "{error}");
        let mut request = request_for(&to, &to, false);
        request.to = Location::parse("postgres://desk:s3cret@db.internal/desk").unwrap();
        let error = copy(&request, &mut |_| {}).unwrap_err().to_string();
        assert!(
            error.contains("--to-key-file") && !error.contains("s3cret"),
            "{error}"
        );
    }

    #[test]
    fn verification_sees_a_changed_row() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
        filled(&from, &[SHOP], 3);
        copy(&request_for(&from, &to, false), &mut |_| {}).unwrap();
        let source = Db::open(&from, &secret::default_key_path(&from)).unwrap();
        let target = Db::open(&to, &secret::default_key_path(&to)).unwrap();
        assert_eq!(checksums(&source).unwrap(), checksums(&target).unwrap());
        target
            .write(|tx| tx.execute("UPDATE messages SET body = 'changed' WHERE id = 1", &[]))
            .unwrap();
        let (before, after) = (checksums(&source).unwrap(), checksums(&target).unwrap());
        assert_ne!(before[MESSAGES], after[MESSAGES]);
        assert_eq!(before[MESSAGES].rows, after[MESSAGES].rows);
        assert_eq!(before[TICKETS], after[TICKETS]);
    }
}
