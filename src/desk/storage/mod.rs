//! The storage interface of the desk: what the rules (`filing.rs`, `messages.rs`, `listing.rs`,
//! `stats.rs`, `tokens.rs`…) write their SQL against, and the two backends behind it —
//! `sqlite/` (the default and the embedded desk: one file, one writer) and `postgres/` (several
//! `cartsaver-desk serve` processes on one database).
//!
//! The rules are written once, in the SQL both databases speak: `?1`-style parameters (PostgreSQL
//! is given `$1`), `INSERT … ON CONFLICT`, `RETURNING`, row values, partial indexes; times are
//! RFC 3339 UTC text, booleans are compared as such (`WHERE t.urgent`). Where the dialects must
//! differ, [`Conn`] says how: [`Conn::for_update`] locks rows on PostgreSQL (SQLite's single
//! writer already holds every row), [`Conn::skip_locked`] claims a row no other transaction
//! holds, [`Conn::lock`] takes a transaction-scoped lock on a key.
//!
//! A new table is a migration step in each backend's `schema.rs`, under the same number, and
//! SQL in the module that owns the table. Nothing here knows a ticket rule.

pub(crate) mod postgres;
pub(crate) mod sqlite;

use std::path::{Path, PathBuf};

use super::DeskError;
use super::secret::DeskSecret;

/// A value passed to or read from either database.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

/// Values built up with a statement, as the parameters [`Conn`] takes.
pub(crate) fn params(values: &[Value]) -> Vec<&dyn ToValue> {
    values.iter().map(|value| value as &dyn ToValue).collect()
}

/// A Rust value as a [`Value`] parameter.
pub(crate) trait ToValue {
    fn to_value(&self) -> Value;
}

impl ToValue for i64 {
    fn to_value(&self) -> Value {
        Value::Int(*self)
    }
}
impl ToValue for u32 {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for usize {
    fn to_value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}
impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}
impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}
impl<const N: usize> ToValue for [u8; N] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}
impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

/// A column value read back as a Rust value.
pub(crate) trait FromValue: Sized {
    fn from_value(value: &Value) -> Result<Self, String>;
}

impl FromValue for i64 {
    fn from_value(value: &Value) -> Result<i64, String> {
        match value {
            Value::Int(n) => Ok(*n),
            other => Err(format!("expected an integer, found {other:?}")),
        }
    }
}
impl FromValue for u32 {
    fn from_value(value: &Value) -> Result<u32, String> {
        let n = i64::from_value(value)?;
        u32::try_from(n).map_err(|_| format!("{n} is out of range"))
    }
}
impl FromValue for bool {
    fn from_value(value: &Value) -> Result<bool, String> {
        Ok(i64::from_value(value)? != 0)
    }
}
impl FromValue for f64 {
    fn from_value(value: &Value) -> Result<f64, String> {
        match value {
            Value::Real(x) => Ok(*x),
            #[allow(clippy::cast_precision_loss)]
            Value::Int(n) => Ok(*n as f64),
            other => Err(format!("expected a number, found {other:?}")),
        }
    }
}
impl FromValue for String {
    fn from_value(value: &Value) -> Result<String, String> {
        match value {
            Value::Text(text) => Ok(text.clone()),
            other => Err(format!("expected text, found {other:?}")),
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(value: &Value) -> Result<Vec<u8>, String> {
        match value {
            Value::Blob(bytes) => Ok(bytes.clone()),
            other => Err(format!("expected bytes, found {other:?}")),
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: &Value) -> Result<Option<T>, String> {
        match value {
            Value::Null => Ok(None),
            other => T::from_value(other).map(Some),
        }
    }
}

/// One row of a query's answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    /// Column `index` as `T`; a mismatch is a storage error naming the column.
    pub(crate) fn get<T: FromValue>(&self, index: usize) -> Result<T, DeskError> {
        let value = self
            .0
            .get(index)
            .ok_or_else(|| DeskError::Storage(format!("the query has no column {index}")))?;
        T::from_value(value)
            .map_err(|e| DeskError::Storage(format!("column {index} is unreadable: {e}")))
    }

    /// A text column decoded by `decode`.
    pub(crate) fn decoded<T>(
        &self,
        index: usize,
        decode: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, DeskError> {
        let text: String = self.get(index)?;
        decode(&text).map_err(DeskError::Storage)
    }
}

/// A connection inside a transaction (a read snapshot, or a write), of either backend.
pub(crate) trait Conn {
    /// Run a statement; the number of rows it changed.
    fn execute(&self, sql: &str, params: &[&dyn ToValue]) -> Result<u64, DeskError>;
    /// Run a query; every row of its answer.
    fn query(&self, sql: &str, params: &[&dyn ToValue]) -> Result<Vec<Row>, DeskError>;
    /// Run statements without parameters, separated by `;`.
    fn batch(&self, sql: &str) -> Result<(), DeskError>;
    /// Hold a lock on `key` until the transaction ends: writers of the same key (a store's
    /// order, say) take turns across processes. SQLite's one writer takes turns already.
    fn lock(&self, _key: i64) -> Result<(), DeskError> {
        Ok(())
    }
    /// What ends a `SELECT` that is about to change the rows it reads of `table` (an alias).
    fn for_update(&self, _table: &str) -> String {
        String::new()
    }
    /// After rows went into `table` with their `id` given (a copy between desks, `copy.rs`):
    /// make the ids the database generates from then on start past the largest one. SQLite's
    /// `INTEGER PRIMARY KEY` takes the largest plus one by itself; PostgreSQL's identity
    /// sequence must be moved.
    fn sync_ids(&self, _table: &str) -> Result<(), DeskError> {
        Ok(())
    }

    /// What ends a `SELECT` that claims one of several rows (a queued mail) for this process:
    /// on PostgreSQL the row is locked and rows other transactions hold are passed over, so
    /// several instances each take a different one. SQLite's one writer needs nothing.
    fn skip_locked(&self, _table: &str) -> String {
        String::new()
    }
}

impl dyn Conn + '_ {
    /// The first row, if any.
    pub(crate) fn row<T>(
        &self,
        sql: &str,
        params: &[&dyn ToValue],
        read: impl FnOnce(&Row) -> Result<T, DeskError>,
    ) -> Result<Option<T>, DeskError> {
        self.query(sql, params)?.first().map(read).transpose()
    }

    /// Every row, each read by `read`.
    pub(crate) fn rows<T>(
        &self,
        sql: &str,
        params: &[&dyn ToValue],
        read: impl FnMut(&Row) -> Result<T, DeskError>,
    ) -> Result<Vec<T>, DeskError> {
        self.query(sql, params)?.iter().map(read).collect()
    }

    /// The one value of a query that answers exactly one row.
    pub(crate) fn value<T: FromValue>(
        &self,
        sql: &str,
        params: &[&dyn ToValue],
    ) -> Result<T, DeskError> {
        self.row(sql, params, |row| row.get(0))?
            .ok_or_else(|| DeskError::Storage(format!("no row for `{}`", first_line(sql))))
    }
}

fn first_line(sql: &str) -> &str {
    sql.trim().lines().next().unwrap_or_default()
}

/// Where a desk's data lives, as `--db` gives it: a SQLite file, or a PostgreSQL URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    Postgres(Box<postgres::Url>),
}

impl Location {
    /// `postgres://…` or `postgresql://…` is PostgreSQL; anything else a SQLite file.
    pub fn parse(given: &str) -> Result<Location, String> {
        if given.starts_with("postgres://") || given.starts_with("postgresql://") {
            postgres::Url::parse(given).map(|url| Location::Postgres(Box::new(url)))
        } else {
            Ok(Location::Sqlite(PathBuf::from(given)))
        }
    }

    /// How the location is shown in messages: the file, or the URL without its password.
    pub fn shown(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => url.to_string(),
        }
    }
}

/// How a backend opens: the desk key's file, the PostgreSQL pool size, whether to migrate.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    pub key_file: Option<PathBuf>,
    /// PostgreSQL connections per process.
    pub pool_size: usize,
    /// Apply missing migrations (the default); without, a database behind is refused.
    pub migrate: bool,
}

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions {
            key_file: None,
            pool_size: postgres::DEFAULT_POOL,
            migrate: true,
        }
    }
}

/// Connections in use and idle, for the metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolState {
    pub in_use: usize,
    pub idle: usize,
}

enum Backend {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

/// The desk's database, whichever backend, with the desk key verified against it.
pub(crate) struct Db {
    backend: Backend,
    /// Said once at open: the file is readable by other users.
    pub(crate) warning: Option<String>,
    /// The desk key (`secret.rs`), verified against the database.
    pub(crate) secret: DeskSecret,
}

impl Db {
    /// A SQLite file with its key at `key_path`, migrated.
    pub(crate) fn open(path: &Path, key_path: &Path) -> Result<Db, DeskError> {
        Db::open_sqlite(path, key_path, true)
    }

    fn open_sqlite(path: &Path, key_path: &Path, migrate: bool) -> Result<Db, DeskError> {
        let (backend, secret, warning) = sqlite::Sqlite::open(path, key_path, migrate)?;
        Ok(Db {
            backend: Backend::Sqlite(backend),
            warning,
            secret,
        })
    }

    pub(crate) fn open_at(location: &Location, options: &OpenOptions) -> Result<Db, DeskError> {
        match location {
            Location::Sqlite(path) => {
                let key = options
                    .key_file
                    .clone()
                    .unwrap_or_else(|| super::secret::default_key_path(path));
                Db::open_sqlite(path, &key, options.migrate)
            }
            Location::Postgres(url) => {
                let (backend, secret) = postgres::Postgres::open(url, options)?;
                Ok(Db {
                    backend: Backend::Postgres(backend),
                    warning: None,
                    secret,
                })
            }
        }
    }

    /// Run `read` in a read transaction (one consistent snapshot across its queries).
    pub(crate) fn read<T>(
        &self,
        read: impl FnOnce(&dyn Conn) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        match &self.backend {
            Backend::Sqlite(db) => db.read(read),
            Backend::Postgres(db) => db.read(read),
        }
    }

    /// Run `write` in a write transaction: committed if it returns `Ok`, rolled back if it
    /// returns `Err`. On PostgreSQL a transaction another one collided with (a serialization
    /// failure, a deadlock, a unique key claimed at the same moment) runs again, so `write`
    /// must be repeatable.
    pub(crate) fn write<T>(
        &self,
        write: impl FnMut(&dyn Conn) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        match &self.backend {
            Backend::Sqlite(db) => db.write(write),
            Backend::Postgres(db) => db.write(write),
        }
    }

    /// The schema version the database has.
    pub(crate) fn version(&self) -> Result<u32, DeskError> {
        match &self.backend {
            Backend::Sqlite(db) => db.version(),
            Backend::Postgres(db) => db.version(),
        }
    }

    /// The PostgreSQL pool's connections (SQLite has none to report).
    pub(crate) fn pool(&self) -> Option<PoolState> {
        match &self.backend {
            Backend::Sqlite(_) => None,
            Backend::Postgres(db) => Some(db.pool_state()),
        }
    }

    /// The SQLite backend, for what only it has (query plans in tests, its benches).
    #[cfg(test)]
    pub(crate) fn sqlite(&self) -> Option<&sqlite::Sqlite> {
        match &self.backend {
            Backend::Sqlite(db) => Some(db),
            Backend::Postgres(_) => None,
        }
    }
}

// Every migration exists in both backends, under the same number: a build where one backend
// lacks a step does not compile.
const _: () = assert!(sqlite::schema::VERSION == postgres::schema::VERSION);

/// The schema version this build writes, the same number in both backends.
pub(crate) fn current_version() -> u32 {
    sqlite::schema::VERSION
}

/// The refusal of a database a newer release migrated.
pub(crate) fn newer_schema(found: u32) -> DeskError {
    let known = current_version();
    DeskError::Storage(format!(
        "the database has schema version {found}, but this cartsaver-desk knows only up to \
         {known}; it was written by a newer release: upgrade cartsaver, or use another --db"
    ))
}

/// Migration 2's data, the same in both backends: a ticket keeps an HMAC of its PIN (to check
/// one a store says) and its last two characters (for the masked view); idempotency keys and
/// body fingerprints, hashed over the ticket's fields (PIN included), are keyed too; the database
/// records the key's check value. The backend then drops the clear `pin` column.
pub(crate) fn hash_stored_secrets(conn: &dyn Conn, secret: &DeskSecret) -> Result<(), DeskError> {
    use super::secret::{KEY_CHECK, pin_hash, pin_hint, stored_key};
    let pins = conn.rows(
        "SELECT id, pin FROM tickets WHERE pin IS NOT NULL",
        &[],
        |row| Ok((row.get::<i64>(0)?, row.get::<String>(1)?)),
    )?;
    for (id, pin) in pins {
        conn.execute(
            "UPDATE tickets SET pin_hash = ?2, pin_hint = ?3 WHERE id = ?1",
            &[&id, &pin_hash(secret, &pin), &pin_hint(&pin)],
        )?;
    }
    let keys = conn.rows(
        "SELECT store_id, key, fingerprint FROM idempotency_keys",
        &[],
        |row| {
            Ok((
                row.get::<i64>(0)?,
                row.get::<String>(1)?,
                row.get::<Vec<u8>>(2)?,
            ))
        },
    )?;
    for (store_id, key, fingerprint) in keys {
        conn.execute(
            "UPDATE idempotency_keys SET key = ?3, fingerprint = ?4 WHERE store_id = ?1 AND key = ?2",
            &[
                &store_id,
                &key,
                &stored_key(secret, &key),
                &secret.mac("fingerprint", &fingerprint),
            ],
        )?;
    }
    conn.execute(
        "INSERT INTO desk_meta (name, value) VALUES (?1, ?2)",
        &[&KEY_CHECK, &secret.check_value()],
    )?;
    Ok(())
}

/// The refusal of a database behind this build when migrating is not allowed.
pub(crate) fn older_schema(found: u32) -> DeskError {
    let known = current_version();
    DeskError::Storage(format!(
        "the database has schema version {found} and this cartsaver-desk needs {known}; run \
         `cartsaver-desk migrate` with the same --db, or start without --no-migrate"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_convert_both_ways() {
        assert_eq!(Some(3i64).to_value(), Value::Int(3));
        assert_eq!(None::<String>.to_value(), Value::Null);
        assert_eq!(true.to_value(), Value::Int(1));
        let row = Row(vec![Value::Int(1), Value::Null, Value::Text("x".into())]);
        assert!(row.get::<bool>(0).unwrap());
        assert_eq!(row.get::<Option<String>>(1).unwrap(), None);
        assert_eq!(row.get::<String>(2).unwrap(), "x");
        assert!(row.get::<i64>(2).is_err());
        assert!(row.get::<i64>(9).is_err());
    }

    #[test]
    fn a_postgres_url_is_told_from_a_file() {
        assert!(matches!(
            Location::parse("postgres://desk@db.internal/desk").unwrap(),
            Location::Postgres(_)
        ));
        assert_eq!(
            Location::parse("desk.sqlite3").unwrap(),
            Location::Sqlite(PathBuf::from("desk.sqlite3"))
        );
    }
}
