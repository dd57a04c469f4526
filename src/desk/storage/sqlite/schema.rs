//! The database schema as an ordered list of migrations, and the pragmas every connection gets.
//!
//! `PRAGMA user_version` records how many migrations a file has had; opening applies the missing
//! ones in one transaction, so a file is never left half-migrated. A migration, once released, is
//! never edited: a change is a new step at the end. A step is SQL, or code when it must compute
//! (hash what was stored in clear). No ticket rules here.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::desk::DeskError;
use crate::desk::secret::{DeskSecret, KEY_CHECK};
#[cfg(test)]
use crate::desk::secret::{pin_hash, stored_key};

/// One schema step.
enum Step {
    Sql(&'static str),
    Code(fn(&Transaction<'_>, &DeskSecret) -> Result<(), DeskError>),
}

/// Every schema step, oldest first. Times are RFC 3339 UTC text (`2026-11-20T14:03:00Z`), which
/// sorts as time does, so SQL compares them as text.
const MIGRATIONS: &[Step] = &[
    // 1: the first schema.
    Step::Sql(
        r"
    CREATE TABLE stores (
        id         INTEGER PRIMARY KEY,
        url        TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );

    -- Only the SHA-256 of a token is kept: a copy of the file does not give anyone a token.
    CREATE TABLE tokens (
        id         INTEGER PRIMARY KEY,
        store_id   INTEGER NOT NULL REFERENCES stores(id),
        hash       BLOB NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    );

    CREATE TABLE tickets (
        id                 INTEGER PRIMARY KEY,
        tracking_number    TEXT NOT NULL UNIQUE,
        store_id           INTEGER NOT NULL REFERENCES stores(id),
        order_number       TEXT NOT NULL,
        phone              TEXT NOT NULL,
        channel            TEXT NOT NULL,
        at                 TEXT NOT NULL,
        tried              TEXT NOT NULL,  -- JSON array of strings
        summary            TEXT NOT NULL,
        details            TEXT,
        email              TEXT NOT NULL,
        plan               TEXT NOT NULL,
        urgent             INTEGER NOT NULL,
        outage             INTEGER NOT NULL,
        pin                TEXT,           -- views mask it
        allow_access       INTEGER NOT NULL,
        subject            TEXT NOT NULL,
        status             TEXT NOT NULL CHECK (status IN ('open', 'answered', 'resolved')),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        first_response_due TEXT NOT NULL,
        first_response_at  TEXT
    );
    CREATE INDEX tickets_newest ON tickets (created_at DESC, id DESC);
    CREATE INDEX tickets_store_newest ON tickets (store_id, created_at DESC, id DESC);
    -- The duplicate guard looks for a store's newest unresolved ticket of an order on every
    -- create; the order filter of lists uses it too.
    CREATE INDEX tickets_store_order ON tickets (store_id, order_number, created_at DESC, id DESC);

    CREATE TABLE messages (
        id        INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        author    TEXT NOT NULL CHECK (author IN ('merchant', 'support')),
        body      TEXT NOT NULL,
        at        TEXT NOT NULL
    );
    CREATE INDEX messages_ticket ON messages (ticket_id, id);
    CREATE INDEX messages_newest ON messages (at DESC, id DESC);

    CREATE TABLE attachments (
        id         INTEGER PRIMARY KEY,
        ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
        message_id INTEGER REFERENCES messages(id),
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL,
        size       INTEGER NOT NULL,
        bytes      BLOB NOT NULL
    );
    CREATE INDEX attachments_ticket ON attachments (ticket_id, id);

    CREATE TABLE idempotency_keys (
        store_id    INTEGER NOT NULL REFERENCES stores(id),
        key         TEXT NOT NULL,
        fingerprint BLOB NOT NULL,
        ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
        created_at  TEXT NOT NULL,
        PRIMARY KEY (store_id, key)
    ) WITHOUT ROWID;
    ",
    ),
    // 2: no PIN in clear, and keyed hashes of idempotency keys and fingerprints.
    Step::Code(keyed_secrets),
    // 3: support's queue (by due time), and when each token was last used.
    Step::Sql(
        r"
    CREATE INDEX tickets_due ON tickets (first_response_due, id);
    ALTER TABLE tokens ADD COLUMN last_used_at TEXT;
    ",
    ),
    // 4: reads whose cost does not grow with the desk (issue 11). Counts by status kept per
    // store (`counts.rs` maintains them in the transactions that create tickets and change their
    // status); messages carry their ticket's store, so a store's latest activity is a range of
    // an index; an index for the store API's status filter and for support's queue by status;
    // partial indexes for the tickets still waiting for a first response (overdue lists) and
    // for first responses (the median). Every index a create writes costs it a page in the WAL
    // (about 30 µs a commit here): lists that only support runs on one store, or on the whole
    // embedded desk newest first, sort that store's (or small desk's) tickets instead.
    Step::Sql(
        r"
    CREATE TABLE ticket_counts (
        store_id INTEGER NOT NULL REFERENCES stores(id),
        status   TEXT NOT NULL CHECK (status IN ('open', 'answered', 'resolved')),
        tickets  INTEGER NOT NULL,
        PRIMARY KEY (store_id, status)
    ) WITHOUT ROWID;
    INSERT INTO ticket_counts (store_id, status, tickets)
        SELECT store_id, status, count(*) FROM tickets GROUP BY store_id, status;

    ALTER TABLE messages ADD COLUMN store_id INTEGER REFERENCES stores(id);
    UPDATE messages SET store_id = (SELECT t.store_id FROM tickets t WHERE t.id = messages.ticket_id);
    CREATE INDEX messages_store_newest ON messages (store_id, at DESC, id DESC);

    CREATE INDEX tickets_store_status_newest ON tickets (store_id, status, created_at DESC, id DESC);
    CREATE INDEX tickets_status_due ON tickets (status, first_response_due, id);
    CREATE INDEX tickets_waiting ON tickets (first_response_due, id)
        WHERE first_response_at IS NULL AND status <> 'resolved';
    CREATE INDEX tickets_store_waiting ON tickets (store_id, first_response_due, id)
        WHERE first_response_at IS NULL AND status <> 'resolved';
    CREATE INDEX tickets_responded ON tickets (first_response_at, created_at)
        WHERE first_response_at IS NOT NULL;
    CREATE INDEX tickets_store_responded ON tickets (store_id, first_response_at, created_at)
        WHERE first_response_at IS NOT NULL;
    ",
    ),
    // 5: each count split over slots (`counts.rs` says why).
    Step::Sql(
        r"
    CREATE TABLE ticket_counts_slots (
        store_id INTEGER NOT NULL REFERENCES stores(id),
        status   TEXT NOT NULL CHECK (status IN ('open', 'answered', 'resolved')),
        slot     INTEGER NOT NULL,
        tickets  INTEGER NOT NULL,
        PRIMARY KEY (store_id, status, slot)
    ) WITHOUT ROWID;
    INSERT INTO ticket_counts_slots (store_id, status, slot, tickets)
        SELECT store_id, status, 0, tickets FROM ticket_counts;
    DROP TABLE ticket_counts;
    ALTER TABLE ticket_counts_slots RENAME TO ticket_counts;
    ",
    ),
    // 6: email (issue 12). The addresses registered for a store (mail from them may file and
    // answer its tickets); the outgoing mail, queued in the transaction of the event it tells
    // of and sent by `serve --smtp`; every Message-ID of a ticket's thread, both ways, for
    // threading and for taking the same incoming message once; mail held for the engineer.
    Step::Sql(
        r"
    CREATE TABLE store_addresses (
        id         INTEGER PRIMARY KEY,
        store_id   INTEGER NOT NULL REFERENCES stores(id),
        address    TEXT NOT NULL,  -- lowercase
        created_at TEXT NOT NULL,
        UNIQUE (store_id, address)
    );
    CREATE INDEX store_addresses_address ON store_addresses (address);

    CREATE TABLE mail_outbox (
        id              INTEGER PRIMARY KEY,
        ticket_id       INTEGER REFERENCES tickets(id),
        kind            TEXT NOT NULL,
        message_id      TEXT NOT NULL UNIQUE,
        recipient       TEXT NOT NULL,
        subject         TEXT NOT NULL,
        body            TEXT NOT NULL,
        in_reply_to     TEXT,
        refs            TEXT,
        automatic       INTEGER NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts        INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        last_error      TEXT,
        created_at      TEXT NOT NULL,
        sent_at         TEXT
    );
    CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE status = 'queued';

    CREATE TABLE mail_ids (
        id         INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
        direction  TEXT NOT NULL CHECK (direction IN ('out', 'in')),
        at         TEXT NOT NULL
    );
    CREATE INDEX mail_ids_ticket ON mail_ids (ticket_id, id);

    -- Mail taken but not let into a ticket (a stranger, an automatic message, a mail that
    -- names no ticket), kept for the engineer: `cartsaver-desk mail held`.
    CREATE TABLE mail_held (
        id         INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        sender     TEXT NOT NULL,
        subject    TEXT NOT NULL,
        reason     TEXT NOT NULL,
        ticket_id  INTEGER REFERENCES tickets(id),
        body       TEXT NOT NULL,
        at         TEXT NOT NULL
    );
    ",
    ),
    // 7: which channel each message and ticket came by (issue 12: `via`, "api", "email" or
    // "desk"); for a ticket filed by email, the checklist fields it still lacks (a later reply
    // may give them); attachments an email carried that the §2 checks refused, kept with why.
    Step::Sql(
        r"
    ALTER TABLE messages ADD COLUMN via TEXT NOT NULL DEFAULT 'api';
    UPDATE messages SET via = 'desk' WHERE author = 'support';
    ALTER TABLE tickets ADD COLUMN via TEXT NOT NULL DEFAULT 'api';
    ALTER TABLE tickets ADD COLUMN missing TEXT NOT NULL DEFAULT '';  -- field names, comma-separated

    CREATE TABLE refused_attachments (
        id         INTEGER PRIMARY KEY,
        ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
        message_id INTEGER REFERENCES messages(id),
        name       TEXT NOT NULL,
        reason     TEXT NOT NULL,
        size       INTEGER NOT NULL,
        bytes      BLOB NOT NULL,
        at         TEXT NOT NULL
    );
    CREATE INDEX refused_attachments_ticket ON refused_attachments (ticket_id, id);
    ",
    ),
    // 8: the support inbox (issue 13; `desk/agents.rs`, `desk/sessions.rs`, `desk/notes.rs`).
    // Agents with their password as an argon2id PHC string; sessions kept by the SHA-256 of their
    // id (a copy of the database opens no session); failed sign-ins counted per account and per
    // client, to slow guessing; internal notes on tickets, in a table of their own so that no
    // query of the thread (API, `status`, mail) can pick one up. Indexes for the inbox's search
    // by phone, email and order across stores.
    Step::Sql(
        r"
    CREATE TABLE agents (
        id            INTEGER PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE,  -- lowercase
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
    );
    CREATE TABLE agent_sessions (
        id_hash      BLOB PRIMARY KEY,
        agent_id     INTEGER NOT NULL REFERENCES agents(id),
        created_at   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
    );
    CREATE INDEX agent_sessions_agent ON agent_sessions (agent_id);
    CREATE TABLE signin_failures (
        key             TEXT PRIMARY KEY,  -- `account:EMAIL` or `client:ADDRESS`
        failures        INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL
    );
    CREATE TABLE ticket_notes (
        id        INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        author    TEXT NOT NULL,  -- the agent's email when it was written
        body      TEXT NOT NULL,
        at        TEXT NOT NULL
    );
    CREATE INDEX ticket_notes_ticket ON ticket_notes (ticket_id, id);
    CREATE INDEX tickets_phone ON tickets (phone);
    CREATE INDEX tickets_email ON tickets (lower(email));
    CREATE INDEX tickets_order ON tickets (order_number);
    ",
    ),
    // 9: login by emailed code (issue 14): a token keeps the name of the machine it was issued to;
    // one-time codes, kept only as a keyed hash, with their tries; the login requests of the
    // last hour, by what they are limited on (store, address, client address), each as a keyed
    // hash too, for the rate limits.
    Step::Sql(
        r"
    ALTER TABLE tokens ADD COLUMN name TEXT;

    CREATE TABLE login_codes (
        id         INTEGER PRIMARY KEY,
        store      TEXT NOT NULL,
        address    TEXT NOT NULL,  -- lowercase
        code_hash  BLOB NOT NULL,  -- HMAC-SHA256 under the desk key
        tries      INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at    TEXT
    );
    CREATE INDEX login_codes_for ON login_codes (store, address, id);

    CREATE TABLE login_requests (
        id      INTEGER PRIMARY KEY,
        subject BLOB NOT NULL,  -- keyed hash of `store:URL`, `address:EMAIL` or `client:IP`
        at      TEXT NOT NULL
    );
    CREATE INDEX login_requests_by ON login_requests (subject, at);
    CREATE INDEX login_requests_at ON login_requests (at);
    ",
    ),
];

/// Migration 2. A ticket keeps an HMAC of its PIN (to check one a store says) and its last two
/// characters (for the masked view), never the PIN. Idempotency keys and body fingerprints are
/// hashed over the ticket's fields, PIN included, so they are keyed too.
fn keyed_secrets(tx: &Transaction<'_>, secret: &DeskSecret) -> Result<(), DeskError> {
    tx.execute_batch(
        "CREATE TABLE desk_meta (
             name  TEXT PRIMARY KEY,
             value BLOB NOT NULL
         ) WITHOUT ROWID;
         ALTER TABLE tickets ADD COLUMN pin_hash BLOB;  -- HMAC-SHA256 under the desk key
         ALTER TABLE tickets ADD COLUMN pin_hint TEXT;  -- the PIN's last two characters",
    )?;
    crate::desk::storage::hash_stored_secrets(&**tx, secret)?;
    // With `secure_delete` (set on every connection) the dropped values are overwritten.
    tx.execute_batch("ALTER TABLE tickets DROP COLUMN pin")?;
    Ok(())
}

/// The schema version this build writes.
pub(crate) const VERSION: u32 = MIGRATIONS.len() as u32;

#[cfg(test)]
fn current_version() -> u32 {
    VERSION
}

/// Pragmas of every connection. WAL lets readers run beside the writer; `synchronous=NORMAL` is
/// durable across application crashes (a power cut may lose the last commits, never corrupt);
/// the busy timeout covers another process (the CLI's embedded desk) holding the write lock.
pub(crate) fn configure(
    conn: &Connection,
    busy_timeout: std::time::Duration,
) -> rusqlite::Result<()> {
    conn.busy_timeout(busy_timeout)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted content (a dropped clear-text column, say) is overwritten, not left in free pages.
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// Switch the file to WAL (a property of the file, kept once set).
pub(crate) fn enable_wal(conn: &Connection) -> Result<(), DeskError> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if mode.eq_ignore_ascii_case("wal") {
        Ok(())
    } else {
        Err(DeskError::Storage(format!(
            "the database stays in `{mode}` journal mode instead of WAL; put it on a local disk \
             (WAL needs shared memory, which network file systems lack)"
        )))
    }
}

/// The schema version a file has (0 for a new one).
pub(crate) fn version(conn: &Connection) -> Result<u32, DeskError> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Refuse a file that lacks migrations (a desk started with `--no-migrate`) or has newer ones.
pub(crate) fn require_current(conn: &Connection) -> Result<(), DeskError> {
    let found = version(conn)?;
    if found > VERSION {
        return Err(crate::desk::storage::newer_schema(found));
    }
    if found < VERSION {
        return Err(crate::desk::storage::older_schema(found));
    }
    Ok(())
}

/// The check value of the desk key the database was made with, if it records one.
pub(crate) fn recorded_key_check(conn: &Connection) -> Result<Option<Vec<u8>>, DeskError> {
    use rusqlite::OptionalExtension as _;
    if version(conn)? < 2 {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT value FROM desk_meta WHERE name = ?1",
            [KEY_CHECK],
            |row| row.get(0),
        )
        .optional()?)
}

/// Apply the missing migrations in one immediate transaction (another process opening the same
/// file at the same moment waits, then finds the work done).
pub(crate) fn migrate(conn: &mut Connection, secret: &DeskSecret) -> Result<(), DeskError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: u32 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let known = VERSION;
    if version > known {
        return Err(crate::desk::storage::newer_schema(version));
    }
    for step in &MIGRATIONS[version as usize..] {
        match step {
            Step::Sql(sql) => tx.execute_batch(sql)?,
            Step::Code(run) => run(&tx, secret)?,
        }
    }
    if version < known {
        // `user_version` takes no bound parameter; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {known}"))?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_reopening_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn, &DeskSecret::fixed(7)).unwrap();
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(version, current_version());
        let schema = |conn: &Connection| -> Vec<String> {
            let mut stmt = conn
                .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
                .unwrap();
            stmt.query_map([], |row| row.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        let before = schema(&conn);
        drop(conn);

        let mut again = Connection::open(&path).unwrap();
        migrate(&mut again, &DeskSecret::fixed(7)).unwrap();
        migrate(&mut again, &DeskSecret::fixed(7)).unwrap();
        assert_eq!(schema(&again), before);
    }

    #[test]
    fn a_newer_schema_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("desk.sqlite")).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", current_version() + 1))
            .unwrap();
        let error = migrate(&mut conn, &DeskSecret::fixed(7))
            .unwrap_err()
            .to_string();
        assert!(error.contains("newer release"), "{error}");
    }
}

#[cfg(test)]
mod upgrade_tests {
    use super::*;

    /// A database as the first release left it, with a clear PIN and an idempotency key.
    fn version_1(path: &std::path::Path) {
        let conn = Connection::open(path).unwrap();
        let Step::Sql(first) = &MIGRATIONS[0] else {
            panic!("the first step is SQL")
        };
        conn.execute_batch(first).unwrap();
        conn.execute_batch(
            "INSERT INTO stores VALUES (1, 'https://cool-shop.myshopify.com', '2026-11-01T00:00:00Z');
             INSERT INTO tickets VALUES (1, 'CS-7KQ-2M4-X9C', 1, '#1052', '+201001234567', 'whatsapp',
                 '2026-11-01T00:00:00Z', '[\"resent\"]', 'OTP not arriving via WhatsApp', NULL,
                 'owner@cool-shop.com', 'advanced', 0, 0, 'Zq7Wx94k', 0, 'subject', 'open',
                 '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', NULL);
             INSERT INTO idempotency_keys VALUES (1, 'cs1-abc', x'00', 1, '2026-11-01T00:00:00Z');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }

    #[test]
    fn upgrading_a_first_release_database_hashes_its_pins_and_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        version_1(&path);
        let secret = DeskSecret::fixed(9);
        let mut conn = Connection::open(&path).unwrap();
        configure(&conn, std::time::Duration::from_secs(1)).unwrap();
        migrate(&mut conn, &secret).unwrap();
        assert_eq!(version(&conn).unwrap(), current_version());
        let (hash, hint): (Vec<u8>, String) = conn
            .query_row("SELECT pin_hash, pin_hint FROM tickets", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(hash, pin_hash(&secret, "Zq7Wx94k"));
        assert_eq!(hint, "4k");
        let columns: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info('tickets')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!columns.iter().any(|c| c == "pin"), "{columns:?}");
        let (key, fingerprint): (String, Vec<u8>) = conn
            .query_row("SELECT key, fingerprint FROM idempotency_keys", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(key, stored_key(&secret, "cs1-abc"));
        assert_eq!(fingerprint, secret.mac("fingerprint", &[0]));
        assert_eq!(
            recorded_key_check(&conn).unwrap(),
            Some(secret.check_value().to_vec())
        );
        drop(conn);
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(8).any(|w| w == b"Zq7Wx94k"),
            "PIN left in the file"
        );
    }

    /// A database as release 3 left it: two stores, tickets in every status, messages.
    fn version_3(path: &std::path::Path, secret: &DeskSecret) {
        let mut conn = Connection::open(path).unwrap();
        let tx = conn.transaction().unwrap();
        for step in &MIGRATIONS[..3] {
            match step {
                Step::Sql(sql) => tx.execute_batch(sql).unwrap(),
                Step::Code(run) => run(&tx, secret).unwrap(),
            }
        }
        tx.execute_batch(
            "INSERT INTO stores VALUES (1, 'https://cool-shop.myshopify.com', '2026-11-01T00:00:00Z');
             INSERT INTO stores VALUES (2, 'https://other-shop.myshopify.com', '2026-11-01T00:00:00Z');",
        )
        .unwrap();
        for (id, store, status, answered) in [
            (1, 1, "open", None),
            (2, 1, "answered", Some("2026-11-01T01:00:00Z")),
            (3, 1, "resolved", Some("2026-11-01T03:00:00Z")),
            (4, 1, "open", None),
            (5, 2, "answered", Some("2026-11-01T00:10:00Z")),
        ] {
            tx.execute(
                "INSERT INTO tickets (id, tracking_number, store_id, order_number, phone, channel,
                     at, tried, summary, email, plan, urgent, outage, allow_access, subject,
                     status, created_at, updated_at, first_response_due, first_response_at)
                 VALUES (?1, ?2, ?3, ?4, '+201001234567', 'whatsapp', '2026-11-01T00:00:00Z',
                     '[]', 's', 'a@b.co', 'advanced', 0, 0, 0, 'subject', ?5,
                     '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', ?6)",
                rusqlite::params![
                    id,
                    crate::domain::tracking::TrackingNumber::generate().to_string(),
                    store,
                    format!("#{id}"),
                    status,
                    answered
                ],
            )
            .unwrap();
        }
        tx.execute_batch(
            "INSERT INTO messages (ticket_id, author, body, at) VALUES
                 (2, 'support', 'on it', '2026-11-01T01:00:00Z'),
                 (5, 'support', 'on it', '2026-11-01T00:10:00Z'),
                 (1, 'merchant', 'any news?', '2026-11-01T02:00:00Z');
             PRAGMA user_version = 3;",
        )
        .unwrap();
        tx.commit().unwrap();
    }

    #[test]
    fn upgrading_a_release_3_database_counts_its_tickets_and_files_its_messages_by_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        let secret = DeskSecret::fixed(9);
        version_3(&path, &secret);
        let mut conn = Connection::open(&path).unwrap();
        configure(&conn, std::time::Duration::from_secs(1)).unwrap();
        migrate(&mut conn, &secret).unwrap();
        assert_eq!(version(&conn).unwrap(), current_version());
        let rows = |sql: &str| -> Vec<(i64, String)> {
            conn.prepare(sql)
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        let counts = rows(
            "SELECT store_id, status || ' ' || tickets FROM ticket_counts ORDER BY store_id, status",
        );
        let expected = [
            (1, "answered 1"),
            (1, "open 2"),
            (1, "resolved 1"),
            (2, "answered 1"),
        ];
        assert_eq!(
            counts,
            expected.map(|(store, count)| (store, count.to_string()))
        );
        let stores = rows("SELECT ticket_id, 'store ' || store_id FROM messages ORDER BY id");
        let expected = [(2, "store 1"), (5, "store 2"), (1, "store 1")];
        assert_eq!(
            stores,
            expected.map(|(ticket, store)| (ticket, store.to_string()))
        );
    }
}

#[cfg(test)]
mod upgrade_to_6_tests {
    use super::*;

    #[test]
    fn upgrading_a_release_4_database_splits_its_counts_adds_the_mail_tables_and_keeps_its_tickets_and_messages()
     {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        let secret = DeskSecret::fixed(9);
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        for step in &MIGRATIONS[..4] {
            match step {
                Step::Sql(sql) => tx.execute_batch(sql).unwrap(),
                Step::Code(run) => run(&tx, &secret).unwrap(),
            }
        }
        tx.execute_batch(
            "INSERT INTO stores VALUES (1, 'https://cool-shop.myshopify.com', '2026-11-01T00:00:00Z');
             INSERT INTO tickets (id, tracking_number, store_id, order_number, phone, channel,
                 at, tried, summary, email, plan, urgent, outage, allow_access, subject,
                 status, created_at, updated_at, first_response_due)
             VALUES (1, 'CS-7KQ-2M4-X9C', 1, '#1052', '+201001234567', 'whatsapp',
                 '2026-11-01T00:00:00Z', '[]', 's', 'a@b.co', 'advanced', 0, 0, 0, 'subject',
                 'open', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
             INSERT INTO messages (ticket_id, store_id, author, body, at)
             VALUES (1, 1, 'support', 'hello', '2026-11-01T01:00:00Z'),
                    (1, 1, 'merchant', 'hi', '2026-11-01T02:00:00Z');
             PRAGMA user_version = 4;",
        )
        .unwrap();
        tx.commit().unwrap();
        configure(&conn, std::time::Duration::from_secs(1)).unwrap();
        migrate(&mut conn, &secret).unwrap();
        assert_eq!(version(&conn).unwrap(), current_version());
        // Step 7: what was there came by the API, support's replies from the desk.
        let via: Vec<String> = conn
            .prepare("SELECT via FROM messages ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(via, ["desk", "api"]);
        let ticket: (String, String) = conn
            .query_row("SELECT via, missing FROM tickets WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(ticket, ("api".to_string(), String::new()));
        conn.execute_batch(
            "INSERT INTO store_addresses (store_id, address, created_at)
                 VALUES (1, 'owner@cool-shop.com', '2026-11-02T00:00:00Z');
             INSERT INTO mail_ids (message_id, ticket_id, direction, at)
                 VALUES ('<a@b>', 1, 'in', '2026-11-02T00:00:00Z');
             INSERT INTO mail_outbox (ticket_id, kind, message_id, recipient, subject, body,
                 automatic, status, attempts, next_attempt_at, created_at)
             VALUES (1, 'reply', '<c@d>', 'a@b.co', 's', 'b', 0, 'queued', 0,
                 '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z');",
        )
        .unwrap();
        let tickets: i64 = conn
            .query_row("SELECT count(*) FROM tickets", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tickets, 1);
        // The same address twice for one store is one row.
        assert!(
            conn.execute_batch(
                "INSERT INTO store_addresses (store_id, address, created_at)
                     VALUES (1, 'owner@cool-shop.com', '2026-11-03T00:00:00Z')"
            )
            .is_err()
        );
    }
}
