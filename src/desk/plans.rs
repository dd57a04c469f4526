//! Test support: holding a query to its plan. `EXPLAIN QUERY PLAN` on a migrated (empty) desk
//! tells which index SQLite reads a table through; no `ANALYZE` is run, neither here nor in a
//! served desk, so the plan is the one production gets whatever the data. A query whose cost
//! must not grow with the desk reads `tickets` and `messages` only through a range of a named
//! index (or, for a desk-wide list, in the order of a named index up to its `LIMIT`), and sorts
//! nothing itself.

use rusqlite::Connection;

use super::{DeskCore, DeskError};

/// Run `check` on a connection of a SQLite desk (plans are SQLite's).
pub(crate) fn on_sqlite<T>(
    core: &DeskCore,
    check: impl FnOnce(&Connection) -> Result<T, DeskError>,
) -> Result<T, DeskError> {
    core.db.sqlite().expect("a SQLite desk").raw(check)
}

/// The tables (and the aliases the desk's SQL gives them) that grow with the desk.
const DESK_TABLES: [&str; 4] = ["tickets", "t", "messages", "m"];

/// How a query must read its table.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reads {
    /// A range of this index (`SEARCH … USING [COVERING] INDEX name (…)`).
    Range(&'static str),
    /// This index from its start (or a cursor), in its order, until the `LIMIT` (`SCAN … USING
    /// [COVERING] INDEX name`): only for queries whose every condition on the table is the
    /// index's own.
    Ordered(&'static str),
    /// A range of this index that holds few rows whatever the desk (one order's tickets; for
    /// support's lists of one store, that store's), sorted after: the one case where a sort of
    /// its own is allowed.
    Narrow(&'static str),
}

/// The plan's lines.
pub(crate) fn plan(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap_or_else(|e| panic!("{e}: {sql}"));
    // Unbound values plan as NULLs would: the plan is about the shape of the query.
    let nulls = vec![rusqlite::types::Value::Null; stmt.parameter_count()];
    stmt.query_map(rusqlite::params_from_iter(nulls), |row| {
        row.get::<_, String>(3)
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Assert that `sql` reads `alias` (a table or its alias in the query) as `reads` says, scans
/// no ticket or message otherwise, and needs no sort of its own.
pub(crate) fn assert_reads(conn: &Connection, sql: &str, alias: &str, reads: Reads) {
    let lines = plan(conn, sql);
    let shown = || format!("plan {lines:#?}\nof {sql}");
    let (verb, index) = match reads {
        Reads::Range(index) | Reads::Narrow(index) => ("SEARCH", index),
        Reads::Ordered(index) => ("SCAN", index),
    };
    let through = |line: &str, covering: &str| {
        let head = format!("{verb} {alias} USING {covering}INDEX {index}");
        match reads {
            Reads::Range(_) | Reads::Narrow(_) => line.starts_with(&format!("{head} (")),
            // With a cursor, the same order starts at the cursor: a range.
            Reads::Ordered(_) => line == head || line.starts_with(&format!("SEARCH{}", &head[4..])),
        }
    };
    assert!(
        lines
            .iter()
            .any(|line| through(line, "") || through(line, "COVERING ")),
        "{alias} is not read through {index} as {reads:?}: {}",
        shown()
    );
    for line in &lines {
        let sorts = !matches!(reads, Reads::Narrow(_)) && line.contains("TEMP B-TREE");
        assert!(!sorts, "a sort: {}", shown());
        let table = line.split(' ').nth(1).unwrap_or("");
        let scan = line.starts_with("SCAN ") && DESK_TABLES.contains(&table);
        assert!(
            !scan || through(line, "") || through(line, "COVERING "),
            "a scan: {}",
            shown()
        );
    }
}
