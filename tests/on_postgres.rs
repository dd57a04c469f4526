//! The desk's suites again, with every desk of the test on PostgreSQL: `common::postgres` gives
//! each test env a database of its own on the test server, and `TestEnv::desk` points
//! `cartsaver-desk` at it. Compiled with the suites only when a server is known at build time
//! (`pg_virtualenv cargo test`, or `CARTSAVER_TEST_POSTGRES`; see build.rs).

// Each suite brings its own `mod common;`: the harness is the same file, loaded once per suite.
#![cfg_attr(postgres_tests, allow(clippy::duplicate_mod))]

#[cfg(postgres_tests)]
mod common;

#[cfg(postgres_tests)]
#[path = "bulk.rs"]
mod bulk;
#[cfg(postgres_tests)]
#[path = "desk_api.rs"]
mod desk_api;
#[cfg(postgres_tests)]
#[path = "desk_cli.rs"]
mod desk_cli;
#[cfg(postgres_tests)]
#[path = "desk_limits.rs"]
mod desk_limits;
#[cfg(postgres_tests)]
#[path = "desk_mail.rs"]
mod desk_mail;
#[cfg(postgres_tests)]
#[path = "inbox.rs"]
mod inbox;
#[cfg(postgres_tests)]
#[path = "lifecycle.rs"]
mod lifecycle;
#[cfg(postgres_tests)]
#[path = "login.rs"]
mod login;
#[cfg(postgres_tests)]
#[path = "postgres/only.rs"]
mod postgres_only;
#[cfg(postgres_tests)]
#[path = "retry.rs"]
mod retry;
#[cfg(postgres_tests)]
#[path = "schema_driven.rs"]
mod schema_driven;
#[cfg(postgres_tests)]
#[path = "two_instances.rs"]
mod two_instances;
#[cfg(postgres_tests)]
#[path = "watch.rs"]
mod watch;

/// Without a server, the one thing this suite can say: its name is what `cargo test` shows.
#[cfg(not(postgres_tests))]
#[test]
fn skipped_no_postgresql_server_run_them_with_pg_virtualenv_cargo_test() {
    // CI installs PostgreSQL and runs under pg_virtualenv: there, a skip is a failure.
    assert!(
        std::env::var_os("CARTSAVER_REQUIRE_POSTGRES").is_none(),
        "CARTSAVER_REQUIRE_POSTGRES is set, but the tests were built without a PostgreSQL server \
         (PGHOST or CARTSAVER_TEST_POSTGRES): run them under pg_virtualenv"
    );
    eprintln!(
        "note: the desk suites on PostgreSQL were skipped: no server was known when the tests \
         were built. Run them with `pg_virtualenv cargo test` (Debian's postgresql), or set \
         CARTSAVER_TEST_POSTGRES=postgres://USER:PASSWORD@HOST:PORT/postgres"
    );
}
