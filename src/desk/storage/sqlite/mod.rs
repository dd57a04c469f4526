//! The SQLite backend: one writer behind a mutex and a few readers beside it, over one file.
//!
//! SQLite takes one writer at a time anyway: queuing writers on an in-process mutex is cheaper and
//! fairer than letting them collide on `SQLITE_BUSY`. WAL lets the readers run while a write is
//! under way. Owns opening (pragmas, migrations: `schema.rs`; the file's modes: `files.rs`),
//! transactions, [`Conn`] over a SQLite connection and the mapping of SQLite errors to
//! [`DeskError::Storage`]; knows no ticket rules and no SQL about tickets.
//!
//! Checkpoints (copying the WAL back into the database file, with an fsync) run on a background
//! thread rather than inside whichever commit crosses SQLite's threshold: with
//! `synchronous=NORMAL` a commit is then only a write to the WAL, and no create pays for a
//! checkpoint. A passive checkpoint never waits, but it cannot start the WAL over while readers
//! hold older snapshots, so under steady reads and writes the WAL would grow without end: past
//! [`WAL_RESTART_PAGES`] the thread runs a RESTART checkpoint (which waits for those readers,
//! holding new writes back for that moment), and `journal_size_limit` truncates the file back
//! to [`WAL_SIZE_LIMIT`] bytes once it starts over.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags};

use super::{Conn, Row, ToValue, Value};
use crate::desk::DeskError;
use crate::desk::secret::{self, DeskSecret};

mod files;
mod group;
pub(crate) mod schema;

/// Readers beside the writer. The server calls the core from a blocking pool at a concurrency of
/// about 16; reads are short, so a few connections keep the lock waits rare.
const READERS: usize = 4;
/// How long a connection waits for a lock held by another process before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How often the background checkpoint runs.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);
/// WAL pages after which a commit checkpoints by itself anyway: a backstop should the background
/// checkpoint fall behind (SQLite's default is 1,000 pages).
const AUTOCHECKPOINT_PAGES: u32 = 20_000;
/// WAL pages (4 KiB each) past which the background checkpoint insists on starting the WAL over.
const WAL_RESTART_PAGES: i64 = 4_096;
/// The size the WAL file is cut back to when it starts over.
const WAL_SIZE_LIMIT: i64 = 16 * 1024 * 1024;

impl From<rusqlite::Error> for DeskError {
    fn from(error: rusqlite::Error) -> DeskError {
        DeskError::Storage(error.to_string())
    }
}

pub(crate) struct Sqlite {
    writer: group::GroupWriter,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    checkpointer: Option<Checkpointer>,
}

/// The background checkpoint thread; it stops when its channel is dropped.
struct Checkpointer {
    stop: Sender<()>,
    thread: JoinHandle<()>,
}

/// What opening gives: the backend, the verified desk key, a warning for whoever runs the desk.
type Opened = (Sqlite, DeskSecret, Option<String>);

impl Sqlite {
    /// Open (creating as needed) the file at `path`; with `migrate`, apply missing migrations,
    /// else refuse a file that lacks some.
    pub(crate) fn open(path: &Path, key_path: &Path, migrate: bool) -> Result<Opened, DeskError> {
        Sqlite::open_unnamed(path, key_path, migrate).map_err(|error| match error {
            // Name the file: "file is not a database" alone does not say which.
            DeskError::Storage(message) => DeskError::Storage(format!(
                "cannot open the desk database `{}`: {message}",
                path.display()
            )),
            other => other,
        })
    }

    fn open_unnamed(path: &Path, key_path: &Path, migrate: bool) -> Result<Opened, DeskError> {
        let unwritable = |error: &dyn std::fmt::Display| {
            DeskError::Storage(format!(
                "{error}; check that its folder exists and is writable, or choose another file"
            ))
        };
        let warning = files::prepare(path)?;
        let mut writer = Connection::open(path).map_err(|e| unwritable(&e))?;
        schema::configure(&writer, BUSY_TIMEOUT)?;
        schema::enable_wal(&writer)?;
        let recorded = schema::recorded_key_check(&writer)?;
        let secret = secret::load(key_path, recorded.is_none())?;
        if let Some(recorded) = &recorded {
            secret::verify(&secret, recorded, key_path)?;
        }
        if migrate {
            schema::migrate(&mut writer, &secret)?;
        } else {
            schema::require_current(&writer)?;
        }
        writer.pragma_update(None, "wal_autocheckpoint", AUTOCHECKPOINT_PAGES)?;
        writer.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)?;

        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let reader = Connection::open_with_flags(path, flags)?;
            schema::configure(&reader, BUSY_TIMEOUT)?;
            // A reader never writes: say so to SQLite, so a slip is an error, not a second writer.
            reader.pragma_update(None, "query_only", "ON")?;
            readers.push(Mutex::new(reader));
        }
        let checkpoints = Connection::open(path)?;
        schema::configure(&checkpoints, BUSY_TIMEOUT)?;
        checkpoints.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)?;
        let sqlite = Sqlite {
            writer: group::GroupWriter::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
            checkpointer: Some(Checkpointer::start(checkpoints)),
        };
        Ok((sqlite, secret, warning))
    }

    /// Run `f` in a read transaction (one consistent snapshot across its queries).
    pub(crate) fn read<T>(
        &self,
        f: impl FnOnce(&dyn Conn) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        let conn = self.reader();
        let tx = conn.unchecked_transaction()?;
        let value = f(&*tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Run `f` in an immediate write transaction: committed if it returns `Ok`, rolled back (by
    /// dropping the transaction) if it returns `Err`.
    ///
    /// Writes that arrive together share one commit (`group.rs`).
    pub(crate) fn write<T>(
        &self,
        f: impl FnMut(&dyn Conn) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        self.writer.write(f)
    }

    /// Run `f` on a reader connection itself (query plans in tests, pragmas).
    #[cfg(test)]
    pub(crate) fn raw<T>(&self, f: impl FnOnce(&Connection) -> T) -> T {
        f(&self.reader())
    }

    /// The schema version of the file.
    pub(crate) fn version(&self) -> Result<u32, DeskError> {
        schema::version(&self.reader())
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

impl Checkpointer {
    fn start(conn: Connection) -> Checkpointer {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(CHECKPOINT_EVERY) {
                // PASSIVE never waits for, nor blocks, readers and the writer. A failure (say,
                // a full disk) leaves the WAL to grow until the writer's own backstop
                // checkpoint, which reports the error to a caller.
                let frames: rusqlite::Result<i64> =
                    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| row.get(1));
                if frames.is_ok_and(|frames| frames > WAL_RESTART_PAGES) {
                    // Waits (up to the busy timeout) for readers of older snapshots; the next
                    // write then starts the WAL over and truncates it to the limit.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(RESTART)", [], |_| Ok(()));
                }
            }
        });
        Checkpointer { stop, thread }
    }
}

impl Drop for Sqlite {
    fn drop(&mut self) {
        if let Some(Checkpointer { stop, thread }) = self.checkpointer.take() {
            drop(stop);
            // The thread only checkpoints; had it panicked, there would be nothing to recover.
            let _ = thread.join();
        }
    }
}

impl Conn for Connection {
    fn execute(&self, sql: &str, params: &[&dyn ToValue]) -> Result<u64, DeskError> {
        let values = values(params);
        let changed = self
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(values.iter()))?;
        Ok(changed as u64)
    }

    fn query(&self, sql: &str, params: &[&dyn ToValue]) -> Result<Vec<Row>, DeskError> {
        let values = values(params);
        let mut stmt = self.prepare_cached(sql)?;
        let columns = stmt.column_count();
        let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |row| {
            (0..columns)
                .map(|i| row.get_ref(i).map(read_value))
                .collect::<rusqlite::Result<Vec<Value>>>()
                .map(Row)
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn batch(&self, sql: &str) -> Result<(), DeskError> {
        Ok(self.execute_batch(sql)?)
    }
}

fn values(params: &[&dyn ToValue]) -> Vec<Value> {
    params.iter().map(|param| param.to_value()).collect()
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(n) => ValueRef::Integer(*n),
            Value::Real(x) => ValueRef::Real(*x),
            Value::Text(text) => ValueRef::Text(text.as_bytes()),
            Value::Blob(bytes) => ValueRef::Blob(bytes),
        }))
    }
}

fn read_value(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Int(n),
        ValueRef::Real(x) => Value::Real(x),
        ValueRef::Text(text) => Value::Text(String::from_utf8_lossy(text).into_owned()),
        ValueRef::Blob(bytes) => Value::Blob(bytes.to_vec()),
    }
}

/// A panic while a connection was held dropped its transaction, which rolled back: the
/// connection is still good, so a poisoned lock is taken over rather than failing every caller.
fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_database_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "x".repeat(4096)).unwrap();
        let Err(error) = Sqlite::open(&path, &dir.path().join("key"), true) else {
            panic!("opened a text file as the desk")
        };
        let message = error.to_string();
        assert!(
            message.contains("notes.txt") && message.contains("not a database"),
            "{message}"
        );
    }

    #[test]
    fn the_wal_stays_bounded_under_steady_writes_and_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        let db = std::sync::Arc::new(
            Sqlite::open(&path, &dir.path().join("key"), true)
                .unwrap()
                .0,
        );
        db.write(|tx| {
            tx.batch("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)")?;
            Ok(())
        })
        .unwrap();
        let wal = dir.path().join("desk.sqlite3-wal");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let readers: Vec<_> = (0..3)
            .map(|_| {
                let db = std::sync::Arc::clone(&db);
                let stop = std::sync::Arc::clone(&stop);
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        let _: i64 = db
                            .read(|conn| conn.value("SELECT count(*) FROM blobs", &[]))
                            .unwrap();
                    }
                })
            })
            .collect();
        let blob = vec![7u8; 512 * 1024];
        let mut largest = 0;
        // 120 MiB written in all, a little at a time.
        for _ in 0..240 {
            db.write(|tx| {
                tx.execute("INSERT INTO blobs (data) VALUES (?1)", &[&blob])?;
                Ok(())
            })
            .unwrap();
            largest = largest.max(std::fs::metadata(&wal).map_or(0, |m| m.len()));
            std::thread::sleep(Duration::from_millis(2));
        }
        stop.store(true, Ordering::Relaxed);
        readers.into_iter().for_each(|r| r.join().unwrap());
        assert!(
            largest < 64 * 1024 * 1024,
            "the WAL reached {largest} bytes"
        );
    }

    #[test]
    fn opening_creates_the_folder_and_uses_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/folder/desk.sqlite3");
        let db = Sqlite::open(&path, &dir.path().join("key"), true)
            .unwrap()
            .0;
        let mode: String = db
            .read(|conn| conn.value("PRAGMA journal_mode", &[]))
            .unwrap();
        assert_eq!(mode, "wal");
        let writes_refused = db.read(|conn| conn.execute("DELETE FROM stores", &[]));
        assert!(writes_refused.is_err(), "readers are query-only");
    }
}
