//! Connections to the desk database: one writer behind a mutex and a few readers beside it.
//!
//! SQLite takes one writer at a time anyway: queuing writers on an in-process mutex is cheaper and
//! fairer than letting them collide on `SQLITE_BUSY`. WAL lets the readers run while a write is
//! under way. Owns opening (pragmas, migrations), transactions and the mapping of SQLite errors to
//! [`DeskError::Storage`]; knows no ticket rules and no SQL about tickets.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use super::{DeskError, schema};

/// Readers beside the writer. The server calls the core from a blocking pool at a concurrency of
/// about 16; reads are short, so a few connections keep the lock waits rare.
const READERS: usize = 4;
/// How long a connection waits for a lock held by another process before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

impl From<rusqlite::Error> for DeskError {
    fn from(error: rusqlite::Error) -> DeskError {
        DeskError::Storage(error.to_string())
    }
}

pub(crate) struct Db {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
}

impl Db {
    pub(crate) fn open(path: &Path) -> Result<Db, DeskError> {
        let cannot_open = |error: &dyn std::fmt::Display| {
            DeskError::Storage(format!(
                "cannot open the desk database `{}`: {error}; check that its folder is writable, \
                 or choose another file",
                path.display()
            ))
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| cannot_open(&e))?;
        }
        let mut writer = Connection::open(path).map_err(|e| cannot_open(&e))?;
        schema::configure(&writer, BUSY_TIMEOUT)?;
        schema::enable_wal(&writer)?;
        schema::migrate(&mut writer)?;

        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let reader = Connection::open_with_flags(path, flags).map_err(|e| cannot_open(&e))?;
            schema::configure(&reader, BUSY_TIMEOUT)?;
            // A reader never writes: say so to SQLite, so a slip is an error, not a second writer.
            reader.pragma_update(None, "query_only", "ON")?;
            readers.push(Mutex::new(reader));
        }
        Ok(Db {
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
        })
    }

    /// Run `f` in a read transaction (one consistent snapshot across its queries).
    pub(crate) fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        let conn = self.reader();
        let tx = conn.unchecked_transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Run `f` in an immediate write transaction: committed if it returns `Ok`, rolled back (by
    /// dropping the transaction) if it returns `Err`.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// A free reader if there is one, else wait for the next in turn.
    fn reader(&self) -> MutexGuard<'_, Connection> {
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        for offset in 0..self.readers.len() {
            match self.readers[(start + offset) % self.readers.len()].try_lock() {
                Ok(conn) => return conn,
                Err(TryLockError::Poisoned(poisoned)) => return poisoned.into_inner(),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        lock(&self.readers[start % self.readers.len()])
    }
}

/// A panic while a connection was held dropped its transaction, which rolled back: the
/// connection is still good, so a poisoned lock is taken over rather than failing every caller.
fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
