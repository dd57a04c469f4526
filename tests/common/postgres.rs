//! PostgreSQL for the tests: which backend a test binary's desks use, and a throw-away database
//! per test env on the test server.
//!
//! The server is `CARTSAVER_TEST_POSTGRES` (a URL of a database to connect to for creating
//! others), else the `PG*` variables `pg_virtualenv` sets. The `on_postgres` test binary runs the
//! desk suites with every desk on PostgreSQL; it is compiled with its suites only when a server
//! is known at build time (`cfg(postgres_tests)`, see build.rs).

use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The backend of this test binary's desks: PostgreSQL in `on_postgres`, SQLite elsewhere.
pub fn backend() -> Backend {
    let exe = std::env::current_exe().expect("the test binary's path");
    let name = exe.file_name().map(|n| n.to_string_lossy().into_owned());
    if name.is_some_and(|name| name.starts_with("on_postgres")) {
        Backend::Postgres
    } else {
        Backend::Sqlite
    }
}

/// The URL of the test server's maintenance database, if one is known.
pub fn admin_url() -> Option<String> {
    if let Some(url) = std::env::var("CARTSAVER_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
    {
        return Some(url);
    }
    let host = std::env::var("PGHOST").ok().filter(|h| !h.is_empty())?;
    let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    let user = var("PGUSER", "postgres");
    let password = std::env::var("PGPASSWORD").ok();
    let port = var("PGPORT", "5432");
    let credentials = match password {
        Some(password) => format!("{}:{}", encode(&user), encode(&password)),
        None => encode(&user),
    };
    Some(format!("postgres://{credentials}@{host}:{port}/postgres"))
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The message of a PostgreSQL test that found no server.
pub const SKIPPED: &str = "skipped: no PostgreSQL server for the tests; run them with \
    `pg_virtualenv cargo test` (Debian's postgresql package), or set \
    CARTSAVER_TEST_POSTGRES=postgres://USER:PASSWORD@HOST:PORT/postgres";

/// A database of one test, dropped (with its connections) when the test ends.
pub struct Database {
    pub name: String,
    pub url: String,
    admin: String,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Database {
    pub fn create() -> Database {
        let admin = admin_url().unwrap_or_else(|| panic!("{SKIPPED}"));
        let name = format!(
            "cs_test_{}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            rand_suffix()
        );
        psql(&admin, &format!("CREATE DATABASE {name}"));
        let mut url = url::Url::parse(&admin).expect("CARTSAVER_TEST_POSTGRES is a URL");
        url.set_path(&name);
        Database {
            name,
            url: url.to_string(),
            admin,
        }
    }

    /// Run SQL in this database (to look at what the desk wrote); the output of `psql -At`.
    pub fn sql(&self, sql: &str) -> String {
        psql(&self.url, sql)
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let _ = std::process::Command::new("psql")
            .args([
                &self.admin,
                "-qAtc",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .output();
    }
}

fn rand_suffix() -> u32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    nanos % 100_000
}

/// `psql URL -At -c SQL`, which must succeed.
pub fn psql(url: &str, sql: &str) -> String {
    let output = std::process::Command::new("psql")
        .args([url, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .output()
        .expect("run psql (Debian's postgresql-client)");
    assert!(
        output.status.success(),
        "psql failed on `{sql}`: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}
