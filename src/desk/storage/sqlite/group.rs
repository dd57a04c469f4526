//! Group commit: the one writer connection runs each write in a savepoint of a transaction that
//! stays open while more writers are queued, and commits once for all of them.
//!
//! A commit in WAL mode writes every page the transaction changed (a ticket touches about a
//! dozen index pages) plus a commit frame; sixteen creates that arrive together and commit
//! one by one write those pages sixteen times. Here they write them once. What each caller sees
//! is unchanged: its write is all or nothing (a failed write rolls back to its savepoint only),
//! and `write` returns only after the commit that holds the write succeeded (if that commit
//! fails, every write in it gets the error, and none of them is stored).
//!
//! How a batch ends: a writer that finishes its write and sees no other writer queued behind it
//! (or the batch full at [`MAX_BATCH`]) commits; the others wait until their batch is finished.
//! At most one batch is open, and the writer holding the lock always either commits or hands
//! the open batch to a writer already queued, so no one waits for a commit that never comes.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use rusqlite::Connection;

use crate::desk::DeskError;
use crate::desk::storage::Conn;

/// Writes one commit may hold: bounds the wait of the first one in a batch.
const MAX_BATCH: usize = 64;
/// Failed batches remembered for their members to read (a member reads its own at once).
const FAILURES_KEPT: usize = 64;

pub(crate) struct GroupWriter {
    state: Mutex<State>,
    finished: Condvar,
    /// Writers waiting for the lock: while there are some, a batch stays open for them.
    queued: AtomicUsize,
}

struct State {
    conn: Connection,
    /// The open batch's number, if one is open; batches are numbered from 1.
    open: Option<u64>,
    last: u64,
    members: usize,
    /// The highest batch number that is finished (committed or failed).
    finished: u64,
    failures: VecDeque<(u64, String)>,
}

impl GroupWriter {
    pub(crate) fn new(conn: Connection) -> GroupWriter {
        GroupWriter {
            state: Mutex::new(State {
                conn,
                open: None,
                last: 0,
                members: 0,
                finished: 0,
                failures: VecDeque::new(),
            }),
            finished: Condvar::new(),
            queued: AtomicUsize::new(0),
        }
    }

    /// Run `write` in its own savepoint of the open batch; return once the batch committed.
    pub(crate) fn write<T>(
        &self,
        mut write: impl FnMut(&dyn Conn) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        self.queued.fetch_add(1, Ordering::SeqCst);
        let mut state = lock(&self.state);
        self.queued.fetch_sub(1, Ordering::SeqCst);
        let batch = match state.begin() {
            Ok(batch) => batch,
            Err(error) => {
                self.end_if_last(&mut state);
                return Err(error);
            }
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| state.run(&mut write)));
        self.end_if_last(&mut state);
        let value = match outcome {
            Ok(value) => value?,
            Err(panic) => {
                drop(state);
                resume_unwind(panic)
            }
        };
        while state.finished < batch {
            state = self
                .finished
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        match state.failures.iter().find(|(number, _)| *number == batch) {
            Some((_, reason)) => Err(DeskError::Storage(reason.clone())),
            None => Ok(value),
        }
    }

    /// Commit the open batch unless a queued writer will add to it.
    fn end_if_last(&self, state: &mut State) {
        let last = self.queued.load(Ordering::SeqCst) == 0 || state.members >= MAX_BATCH;
        if last && state.open.is_some() {
            state.finish();
            self.finished.notify_all();
        }
    }

    /// The connection itself, between batches (migrations, tests).
    #[cfg(test)]
    pub(crate) fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> T) -> T {
        f(&lock(&self.state).conn)
    }
}

impl State {
    /// The open batch's number, opening one if none is.
    fn begin(&mut self) -> Result<u64, DeskError> {
        if let Some(batch) = self.open {
            return Ok(batch);
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        self.last += 1;
        self.open = Some(self.last);
        self.members = 0;
        Ok(self.last)
    }

    /// One write in a savepoint: kept if it returns `Ok`, rolled back to the savepoint if not.
    fn run<T>(
        &mut self,
        write: &mut impl FnMut(&dyn Conn) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        self.conn.execute_batch("SAVEPOINT one_write")?;
        let value = {
            // If `write` panics, the savepoint is rolled back below, on the way out.
            let guard = RollbackOnPanic(&self.conn);
            let value = write(&self.conn);
            std::mem::forget(guard);
            value
        };
        match &value {
            Ok(_) => {
                self.conn.execute_batch("RELEASE one_write")?;
                self.members += 1;
            }
            Err(_) => self.undo(),
        }
        value
    }

    /// Undo the current write. Some failures (a full disk) make SQLite roll back the whole
    /// transaction: then the batch is lost, and its earlier members are told so.
    fn undo(&mut self) {
        let undone = self
            .conn
            .execute_batch("ROLLBACK TO one_write; RELEASE one_write");
        if undone.is_err() || self.conn.is_autocommit() {
            self.fail("the transaction was rolled back by SQLite after an error".to_string());
        }
    }

    /// Commit the open batch (roll it back if it holds no write).
    fn finish(&mut self) {
        let Some(batch) = self.open else { return };
        if self.members == 0 {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.close(batch);
            return;
        }
        match self.conn.execute_batch("COMMIT") {
            Ok(()) => self.close(batch),
            Err(error) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                self.fail(format!("the commit failed: {error}"));
            }
        }
    }

    fn fail(&mut self, reason: String) {
        if let Some(batch) = self.open {
            if !self.conn.is_autocommit() {
                let _ = self.conn.execute_batch("ROLLBACK");
            }
            self.failures.push_back((batch, reason));
            if self.failures.len() > FAILURES_KEPT {
                self.failures.pop_front();
            }
            self.close(batch);
        }
    }

    fn close(&mut self, batch: u64) {
        self.open = None;
        self.members = 0;
        self.finished = batch;
    }
}

/// Rolls back to the savepoint if dropped while a write is unwinding.
struct RollbackOnPanic<'a>(&'a Connection);

impl Drop for RollbackOnPanic<'_> {
    fn drop(&mut self) {
        let _ = self
            .0
            .execute_batch("ROLLBACK TO one_write; RELEASE one_write");
    }
}

/// A panic while the lock was held rolled its write back (above): the state is still good.
fn lock(mutex: &Mutex<State>) -> MutexGuard<'_, State> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn writer() -> (tempfile::TempDir, Arc<GroupWriter>) {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("g.sqlite3")).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;
             CREATE TABLE t (n INTEGER PRIMARY KEY, v TEXT UNIQUE);
             CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);",
        )
        .unwrap();
        (dir, Arc::new(GroupWriter::new(conn)))
    }

    fn count(writer: &GroupWriter) -> i64 {
        writer.with_conn(|c| {
            c.query_row("SELECT count(*) FROM t", [], |r| r.get(0))
                .unwrap()
        })
    }

    #[test]
    fn concurrent_writes_all_commit_and_a_failed_one_alone_is_undone() {
        let (_dir, writer) = writer();
        std::thread::scope(|threads| {
            for t in 0..8 {
                let writer = &writer;
                threads.spawn(move || {
                    for i in 0..50 {
                        let v = format!("{t}-{i}");
                        writer
                            .write(|c| c.execute("INSERT INTO t (v) VALUES (?1)", &[&v]))
                            .unwrap();
                        // The same value again breaks the unique constraint: only it is undone.
                        let again = writer.write(|c| {
                            c.execute("INSERT INTO t (v) VALUES (?1)", &[&format!("x{t}-{i}")])?;
                            c.execute("INSERT INTO t (v) VALUES (?1)", &[&v])
                        });
                        assert!(again.is_err());
                    }
                });
            }
        });
        assert_eq!(count(&writer), 400);
        assert!(
            lock(&writer.state).conn.is_autocommit(),
            "no batch left open"
        );
    }

    #[test]
    fn a_panicking_write_is_undone_and_the_writer_goes_on() {
        let (_dir, writer) = writer();
        let panicked = catch_unwind(AssertUnwindSafe(|| {
            writer.write(|c| -> Result<(), DeskError> {
                c.execute("INSERT INTO t (v) VALUES ('lost')", &[])?;
                panic!("a bug")
            })
        }));
        assert!(panicked.is_err());
        writer
            .write(|c| c.execute("INSERT INTO t (v) VALUES ('kept')", &[]))
            .unwrap();
        assert_eq!(count(&writer), 1);
    }

    #[test]
    fn a_failed_commit_reaches_every_write_of_the_batch() {
        let (_dir, writer) = writer();
        // A deferred constraint is checked at the commit: the write itself succeeds, then the
        // commit of its batch fails.
        let error = writer
            .write(|c| c.execute("INSERT INTO child (p) VALUES (42)", &[]))
            .unwrap_err();
        assert!(error.to_string().contains("commit failed"), "{error}");
        assert_eq!(
            writer.with_conn(|c| c
                .query_row("SELECT count(*) FROM child", [], |r| r.get::<_, i64>(0))
                .unwrap()),
            0
        );
    }
}
