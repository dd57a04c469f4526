//! Connections to the desk database: one writer behind a mutex and a few readers beside it.
//!
//! SQLite takes one writer at a time anyway: queuing writers on an in-process mutex is cheaper and
//! fairer than letting them collide on `SQLITE_BUSY`. WAL lets the readers run while a write is
//! under way. Owns opening (pragmas, migrations), transactions and the mapping of SQLite errors to
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

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use super::secret::{self, DeskSecret};
use super::{DeskError, files, schema};

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

pub(crate) struct Db {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    checkpointer: Option<Checkpointer>,
    /// Said once at open: the file is readable by other users.
    pub(crate) warning: Option<String>,
    /// The desk key (`secret.rs`), verified against the database.
    pub(crate) secret: DeskSecret,
}

/// The background checkpoint thread; it stops when its channel is dropped.
struct Checkpointer {
    stop: Sender<()>,
    thread: JoinHandle<()>,
}

impl Db {
    pub(crate) fn open(path: &Path, key_path: &Path) -> Result<Db, DeskError> {
        Db::open_unnamed(path, key_path).map_err(|error| match error {
            // Name the file: "file is not a database" alone does not say which.
            DeskError::Storage(message) => DeskError::Storage(format!(
                "cannot open the desk database `{}`: {message}",
                path.display()
            )),
            other => other,
        })
    }

    fn open_unnamed(path: &Path, key_path: &Path) -> Result<Db, DeskError> {
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
        schema::migrate(&mut writer, &secret)?;
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
        Ok(Db {
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
            checkpointer: Some(Checkpointer::start(checkpoints)),
            warning,
            secret,
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

impl Drop for Db {
    fn drop(&mut self) {
        if let Some(Checkpointer { stop, thread }) = self.checkpointer.take() {
            drop(stop);
            // The thread only checkpoints; had it panicked, there would be nothing to recover.
            let _ = thread.join();
        }
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
        let Err(error) = Db::open(&path, &dir.path().join("key")) else {
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
        let db = std::sync::Arc::new(Db::open(&path, &dir.path().join("key")).unwrap());
        db.write(|tx| {
            tx.execute_batch("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)")?;
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
                            .read(|conn| {
                                Ok(conn.query_row("SELECT count(*) FROM blobs", [], |r| r.get(0))?)
                            })
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
                tx.execute("INSERT INTO blobs (data) VALUES (?1)", [&blob])?;
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
        let db = Db::open(&path, &dir.path().join("key")).unwrap();
        let mode: String = db
            .read(|conn| Ok(conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(mode, "wal");
        let writes_refused = db.read(|conn| Ok(conn.execute("DELETE FROM stores", [])?));
        assert!(writes_refused.is_err(), "readers are query-only");
    }
}
