//! The PostgreSQL backend: a pool of connections (`deadpool-postgres` over `tokio-postgres`)
//! shared by every `cartsaver-desk serve` process on the database. The rules that must hold
//! across processes are the database's: unique constraints (tracking numbers, idempotency keys
//! per store), row locks where a row is read then changed (`Conn::for_update`), advisory locks
//! for "one open ticket per store and order" (`Conn::lock`), and transactions that run again
//! when PostgreSQL reports a collision (SQLSTATE 40001, 40P01, or 23505 on a key another
//! transaction claimed at the same moment).
//!
//! The desk core is synchronous (the server calls it from its blocking pool, one hop per
//! request); this backend owns a small runtime that drives the connections, and waits on it.
//! Migrations are in `schema.rs`.

use std::cell::Cell;
use std::time::Duration;

use bytes::BytesMut;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::{IsNull, ToSql, Type, to_sql_checked};

use super::{Conn, OpenOptions, PoolState, Row, ToValue, Value};
use crate::desk::DeskError;
use crate::desk::secret::DeskSecret;

pub(crate) mod schema;

/// Connections per process unless `--pool-size` says otherwise.
pub const DEFAULT_POOL: usize = 16;
/// How often a transaction that collided with another runs again before the error is returned.
const ATTEMPTS: u32 = 8;
/// How long a request waits for a free connection, and a new connection for the server.
const POOL_WAIT: Duration = Duration::from_secs(10);

impl From<tokio_postgres::Error> for DeskError {
    fn from(error: tokio_postgres::Error) -> DeskError {
        DeskError::Storage(describe(&error))
    }
}

/// The server's message (with its detail) rather than the client's "db error".
fn describe(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("PostgreSQL: {} ({detail})", db.message()),
            None => format!("PostgreSQL: {}", db.message()),
        },
        None => format!("PostgreSQL: {error}"),
    }
}

/// A `postgres://` URL as given to `--db`. Shown (and debugged) without its password.
#[derive(Clone, PartialEq, Eq)]
pub struct Url {
    given: String,
    config: tokio_postgres::Config,
}

impl Url {
    pub fn parse(given: &str) -> Result<Url, String> {
        let config: tokio_postgres::Config = given.parse().map_err(|e| {
            format!(
                "`{}` is not a PostgreSQL URL ({e}); write it as postgres://USER@HOST:PORT/DATABASE",
                masked(given)
            )
        })?;
        Ok(Url {
            given: given.to_string(),
            config,
        })
    }

    pub(crate) fn config(&self) -> &tokio_postgres::Config {
        &self.config
    }
}

impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&masked(&self.given))
    }
}

impl std::fmt::Debug for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Url({self})")
    }
}

/// `postgres://user:secret@host/db` as `postgres://user:***@host/db`; a `password=` query
/// parameter likewise.
fn masked(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return "the --db URL".to_string();
    };
    if parsed.password().is_some() {
        let _ = parsed.set_password(Some("***"));
    }
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .map(|(k, v)| {
            let hidden = k.eq_ignore_ascii_case("password");
            (
                k.into_owned(),
                if hidden { "***".into() } else { v.into_owned() },
            )
        })
        .collect();
    if !pairs.is_empty() {
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

pub(crate) struct Postgres {
    runtime: Option<tokio::runtime::Runtime>,
    pool: Pool,
}

impl Postgres {
    /// Connect, then migrate (or check the schema, with `--no-migrate`) and verify the desk key.
    pub(crate) fn open(
        url: &Url,
        options: &OpenOptions,
    ) -> Result<(Postgres, DeskSecret), DeskError> {
        let key_path = options.key_file.clone().ok_or_else(|| {
            DeskError::Storage(
                "a PostgreSQL desk keeps its key in a file of its own: give --key-file FILE (or \
                 CARTSAVER_DESK_KEY_FILE), the same file on every instance; it is made on first use"
                    .to_string(),
            )
        })?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("desk-postgres")
            .enable_all()
            .build()
            .map_err(|e| DeskError::Storage(format!("cannot start the PostgreSQL driver: {e}")))?;
        let manager = Manager::from_config(
            url.config().clone(),
            tokio_postgres::NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(options.pool_size.max(1))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(POOL_WAIT))
            .create_timeout(Some(POOL_WAIT))
            .build()
            .map_err(|e| DeskError::Storage(format!("cannot make the PostgreSQL pool: {e}")))?;
        let db = Postgres {
            runtime: Some(runtime),
            pool,
        };
        let secret = db
            .with_client(|conn| schema::open(conn, &key_path, options.migrate))
            .map_err(|error| match error {
                DeskError::Storage(message) => {
                    DeskError::Storage(format!("cannot open the desk database {url}: {message}"))
                }
                other => other,
            })?;
        Ok((db, secret))
    }

    fn runtime(&self) -> &tokio::runtime::Runtime {
        self.runtime.as_ref().expect("the runtime lives until drop")
    }

    /// A pooled connection, given to `f` as a [`Conn`] outside any transaction.
    fn with_client<T>(
        &self,
        f: impl FnOnce(&PgConn<'_>) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        let runtime = self.runtime();
        let client = runtime
            .block_on(self.pool.get())
            .map_err(|e| DeskError::Storage(format!("PostgreSQL is unreachable: {e}")))?;
        let conn = PgConn {
            client: &client,
            runtime,
            failure: Cell::new(None),
        };
        f(&conn)
    }

    /// A read-only transaction with one snapshot across its queries.
    pub(crate) fn read<T>(
        &self,
        read: impl FnOnce(&dyn Conn) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        self.with_client(|conn| {
            conn.batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
            let value = read(conn);
            let end = conn.batch(if value.is_ok() { "COMMIT" } else { "ROLLBACK" });
            let value = value?;
            end?;
            Ok(value)
        })
    }

    /// A read-committed write transaction, run again after a collision (see the header).
    pub(crate) fn write<T>(
        &self,
        mut write: impl FnMut(&dyn Conn) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let outcome = self.with_client(|conn| {
                conn.batch("BEGIN ISOLATION LEVEL READ COMMITTED")?;
                let value = write(conn).and_then(|value| conn.batch("COMMIT").map(|()| value));
                if value.is_err() {
                    let _ = conn.batch("ROLLBACK");
                }
                Ok((value, conn.failure.take()))
            })?;
            match outcome {
                (Ok(value), _) => return Ok(value),
                (Err(_), Some(code)) if retryable(&code) && attempt < ATTEMPTS => {
                    std::thread::sleep(backoff(attempt));
                }
                (Err(error), _) => return Err(error),
            }
        }
    }

    pub(crate) fn version(&self) -> Result<u32, DeskError> {
        self.with_client(|conn| schema::version(conn))
    }

    pub(crate) fn pool_state(&self) -> PoolState {
        let status = self.pool.status();
        PoolState {
            in_use: status.size.saturating_sub(status.available),
            idle: status.available,
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.pool.close();
        // Dropping a runtime blocks, which panics where the desk is dropped inside async code.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// What makes a transaction worth running again.
fn retryable(code: &SqlState) -> bool {
    *code == SqlState::T_R_SERIALIZATION_FAILURE
        || *code == SqlState::T_R_DEADLOCK_DETECTED
        || *code == SqlState::UNIQUE_VIOLATION
}

/// A short, growing, jittered pause before the next attempt.
fn backoff(attempt: u32) -> Duration {
    let base = 2u64.pow(attempt.min(6));
    Duration::from_millis(base + rand::random_range(0..=base))
}

/// A pooled connection; remembers the SQLSTATE of the last statement that failed.
pub(crate) struct PgConn<'a> {
    client: &'a deadpool_postgres::Client,
    runtime: &'a tokio::runtime::Runtime,
    failure: Cell<Option<SqlState>>,
}

impl PgConn<'_> {
    fn failed(&self, error: tokio_postgres::Error) -> DeskError {
        if let Some(code) = error.code() {
            self.failure.set(Some(code.clone()));
        }
        DeskError::from(error)
    }

    fn params(params: &[&dyn ToValue]) -> Vec<Value> {
        params.iter().map(|param| param.to_value()).collect()
    }
}

impl Conn for PgConn<'_> {
    fn execute(&self, sql: &str, params: &[&dyn ToValue]) -> Result<u64, DeskError> {
        let sql = numbered(sql);
        let values = PgConn::params(params);
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as _).collect();
        self.runtime.block_on(async {
            let stmt = self
                .client
                .prepare_cached(&sql)
                .await
                .map_err(|e| self.failed(e))?;
            self.client
                .execute(&stmt, &refs)
                .await
                .map_err(|e| self.failed(e))
        })
    }

    fn query(&self, sql: &str, params: &[&dyn ToValue]) -> Result<Vec<Row>, DeskError> {
        let sql = numbered(sql);
        let values = PgConn::params(params);
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as _).collect();
        let rows = self.runtime.block_on(async {
            let stmt = self
                .client
                .prepare_cached(&sql)
                .await
                .map_err(|e| self.failed(e))?;
            self.client
                .query(&stmt, &refs)
                .await
                .map_err(|e| self.failed(e))
        })?;
        rows.iter().map(read_row).collect()
    }

    fn batch(&self, sql: &str) -> Result<(), DeskError> {
        self.runtime
            .block_on(self.client.batch_execute(sql))
            .map_err(|e| self.failed(e))
    }

    fn lock(&self, key: i64) -> Result<(), DeskError> {
        self.execute("SELECT pg_advisory_xact_lock(?1)", &[&key])
            .map(|_| ())
    }

    fn for_update(&self, table: &str) -> String {
        format!(" FOR UPDATE OF {table}")
    }

    /// `table` is one of the desk's own table names, never input.
    fn sync_ids(&self, table: &str) -> Result<(), DeskError> {
        self.batch(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))
    }

    fn skip_locked(&self, table: &str) -> String {
        format!(" FOR UPDATE OF {table} SKIP LOCKED")
    }
}

/// `?1` placeholders as PostgreSQL's `$1`. The desk's SQL has no `?` inside string literals.
fn numbered(sql: &str) -> String {
    sql.replace('?', "$")
}

fn read_row(row: &tokio_postgres::Row) -> Result<Row, DeskError> {
    let mut values = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let value = match *column.type_() {
            Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map(Value::Int),
            Type::INT4 => row
                .try_get::<_, Option<i32>>(i)?
                .map(|n| Value::Int(n.into())),
            Type::INT2 => row
                .try_get::<_, Option<i16>>(i)?
                .map(|n| Value::Int(n.into())),
            Type::BOOL => row
                .try_get::<_, Option<bool>>(i)?
                .map(|b| Value::Int(b.into())),
            Type::FLOAT8 => row.try_get::<_, Option<f64>>(i)?.map(Value::Real),
            Type::FLOAT4 => row
                .try_get::<_, Option<f32>>(i)?
                .map(|x| Value::Real(x.into())),
            Type::TEXT | Type::VARCHAR | Type::NAME | Type::BPCHAR => {
                row.try_get::<_, Option<String>>(i)?.map(Value::Text)
            }
            Type::BYTEA => row.try_get::<_, Option<Vec<u8>>>(i)?.map(Value::Blob),
            ref other => {
                return Err(DeskError::Storage(format!(
                    "column `{}` has PostgreSQL type {other}, which the desk does not read; cast it in the query",
                    column.name()
                )));
            }
        };
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(Row(values))
}

/// A [`Value`] sent as whatever type PostgreSQL inferred for the parameter.
impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(n) => match *ty {
                Type::INT8 => n.to_sql(ty, out),
                Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*n)?.to_sql(ty, out),
                Type::BOOL => (*n != 0).to_sql(ty, out),
                #[allow(clippy::cast_precision_loss)]
                Type::FLOAT8 => (*n as f64).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => n.to_string().to_sql(ty, out),
                _ => Err(format!("an integer cannot be sent as {ty}").into()),
            },
            Value::Real(x) => match *ty {
                #[allow(clippy::cast_possible_truncation)]
                Type::FLOAT4 => (*x as f32).to_sql(ty, out),
                _ => x.to_sql(ty, out),
            },
            Value::Text(text) => text.as_str().to_sql(ty, out),
            Value::Blob(bytes) => bytes.as_slice().to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_is_never_shown() {
        for given in [
            "postgres://desk:s3cret@db.internal:5432/desk",
            "postgres://desk@db.internal/desk?password=s3cret&application_name=x",
        ] {
            let url = Url::parse(given).unwrap();
            for shown in [url.to_string(), format!("{url:?}")] {
                assert!(!shown.contains("s3cret"), "{shown}");
                assert!(shown.contains("db.internal"), "{shown}");
            }
        }
        let bad = Url::parse("postgres://desk:s3cret@db.internal:notaport/desk").unwrap_err();
        assert!(!bad.contains("s3cret"), "{bad}");
    }

    #[test]
    fn placeholders_are_numbered_the_postgresql_way() {
        assert_eq!(
            numbered("SELECT id FROM t WHERE a = ?1 AND (?2 IS NULL OR b = ?2)"),
            "SELECT id FROM t WHERE a = $1 AND ($2 IS NULL OR b = $2)"
        );
    }
}
