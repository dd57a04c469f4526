//! The stores the desk knows: a row per store URL, made on first use (a token issued, a ticket
//! filed). Other tables refer to a store by its row id. No token or ticket rules here.

use super::storage::Conn;
use serde::Deserialize;
use serde::de::value::{Error as ValueError, StringDeserializer};

use super::DeskError;
use crate::domain::store::StoreUrl;

/// The row id of `url`, if the desk has seen that store.
pub(crate) fn find(conn: &dyn Conn, url: &str) -> Result<Option<i64>, DeskError> {
    conn.row("SELECT id FROM stores WHERE url = ?1", &[&url], |row| {
        row.get(0)
    })
}

/// The row id of `url`, adding the store if it is new. Two processes adding the same store at
/// once: one inserts, the other's insert does nothing and the lookup after it finds the row.
pub(crate) fn ensure(conn: &dyn Conn, url: &str, now: &str) -> Result<i64, DeskError> {
    if let Some(id) = find(conn, url)? {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO stores (url, created_at) VALUES (?1, ?2) ON CONFLICT (url) DO NOTHING",
        &[&url, &now],
    )?;
    find(conn, url)?.ok_or_else(|| DeskError::Storage(format!("store {url} was not added")))
}

/// A store URL read back from the database. It was normalized by `parse_store` when written, so
/// it is taken as it is rather than parsed again.
pub(crate) fn stored_url(text: String) -> Result<StoreUrl, DeskError> {
    StoreUrl::deserialize(StringDeserializer::<ValueError>::new(text))
        .map_err(|e| DeskError::Storage(format!("a stored store URL is unreadable: {e}")))
}
