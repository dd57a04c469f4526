//! The stores the desk knows: a row per store URL, made on first use (a token issued, a ticket
//! filed). Other tables refer to a store by its row id. No token or ticket rules here.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use serde::de::value::{Error as ValueError, StringDeserializer};

use super::DeskError;
use crate::domain::store::StoreUrl;

/// The row id of `url`, if the desk has seen that store.
pub(crate) fn find(conn: &Connection, url: &str) -> Result<Option<i64>, DeskError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM stores WHERE url = ?1")?;
    Ok(stmt.query_row([url], |row| row.get(0)).optional()?)
}

/// The row id of `url`, adding the store if it is new.
pub(crate) fn ensure(conn: &Connection, url: &str, now: &str) -> Result<i64, DeskError> {
    if let Some(id) = find(conn, url)? {
        return Ok(id);
    }
    let mut stmt = conn.prepare_cached("INSERT INTO stores (url, created_at) VALUES (?1, ?2)")?;
    stmt.execute(params![url, now])?;
    Ok(conn.last_insert_rowid())
}

/// A store URL read back from the database. It was normalized by `parse_store` when written, so
/// it is taken as it is rather than parsed again.
pub(crate) fn stored_url(text: String) -> Result<StoreUrl, DeskError> {
    StoreUrl::deserialize(StringDeserializer::<ValueError>::new(text))
        .map_err(|e| DeskError::Storage(format!("a stored store URL is unreadable: {e}")))
}
