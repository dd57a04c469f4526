//! The database schema as an ordered list of migrations, and the pragmas every connection gets.
//!
//! `PRAGMA user_version` records how many migrations a file has had; opening applies the missing
//! ones in one transaction, so a file is never left half-migrated. A migration, once released, is
//! never edited: a change is a new step at the end. No ticket rules here.

use rusqlite::{Connection, TransactionBehavior};

use super::DeskError;

/// Every schema step, oldest first. Times are RFC 3339 UTC text (`2026-11-20T14:03:00Z`), which
/// sorts as time does, so SQL compares them as text.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
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
    -- The duplicate guard looks for a store's unresolved ticket of an order on every create.
    CREATE INDEX tickets_store_order ON tickets (store_id, order_number, status);

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
];

/// The schema version this build writes.
pub(crate) fn current_version() -> u32 {
    MIGRATIONS.len() as u32
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

/// Apply the missing migrations in one immediate transaction (another process opening the same
/// file at the same moment waits, then finds the work done).
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), DeskError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: u32 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let known = current_version();
    if version > known {
        return Err(DeskError::Storage(format!(
            "the database has schema version {version}, but this cartsaver-desk knows only up to \
             {known}; it was written by a newer release: upgrade cartsaver, or use another --db"
        )));
    }
    for step in &MIGRATIONS[version as usize..] {
        tx.execute_batch(step)?;
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
        migrate(&mut conn).unwrap();
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
        migrate(&mut again).unwrap();
        migrate(&mut again).unwrap();
        assert_eq!(schema(&again), before);
    }

    #[test]
    fn a_newer_schema_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("desk.sqlite")).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", current_version() + 1))
            .unwrap();
        let error = migrate(&mut conn).unwrap_err().to_string();
        assert!(error.contains("newer release"), "{error}");
    }
}
