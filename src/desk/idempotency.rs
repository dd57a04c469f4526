//! Idempotency keys of creates: a key names one request body per store. The fingerprint is a
//! SHA-256 over the normalized ticket (so `1052` and `#1052` are the same body) and over each
//! attachment's name and content hash (`domain::ticket::fingerprint`). Both the key and the
//! fingerprint are stored as keyed hashes (`schema::stored_key`, the desk key): they are computed
//! over the ticket's PIN too. Owns the key rules and the key table; what a replay answers is
//! decided by the create.

use super::storage::Conn;
use chrono::{DateTime, Utc};

use super::DeskError;
use crate::domain::timestamp::format_utc;

const MAX_KEY_CHARS: usize = 200;

/// A key as given, checked: 1 to 200 visible ASCII characters.
pub(crate) fn check_key(key: &str) -> Result<String, DeskError> {
    let fix = format!(
        "use 1 to {MAX_KEY_CHARS} visible ASCII characters (letters, digits, punctuation), e.g. a \
         UUID"
    );
    if key.is_empty() {
        return Err(DeskError::BadRequest(format!(
            "the idempotency key is empty; {fix}, or leave the header out"
        )));
    }
    if key.len() > MAX_KEY_CHARS || !key.bytes().all(|b| b.is_ascii_graphic()) {
        let shown: String = key.chars().take(40).collect();
        return Err(DeskError::BadRequest(format!(
            "idempotency key `{shown}{}` is not usable; {fix}",
            if shown.len() < key.len() { "…" } else { "" }
        )));
    }
    Ok(key.to_string())
}

/// The ticket an earlier request with this key filed, if the body was the same; a conflict if it
/// was not.
pub(crate) fn earlier(
    conn: &dyn Conn,
    store_id: i64,
    key: &str,
    given: &str,
    fingerprint: &[u8; 32],
) -> Result<Option<i64>, DeskError> {
    let found: Option<(Vec<u8>, i64)> = conn.row(
        "SELECT fingerprint, ticket_id FROM idempotency_keys WHERE store_id = ?1 AND key = ?2",
        &[&store_id, &key],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    match found {
        None => Ok(None),
        Some((stored, ticket_id)) if stored == fingerprint => Ok(Some(ticket_id)),
        Some(_) => Err(DeskError::IdempotencyConflict(given.to_string())),
    }
}

pub(crate) fn remember(
    conn: &dyn Conn,
    store_id: i64,
    key: &str,
    fingerprint: &[u8; 32],
    ticket_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DeskError> {
    // A key claimed by another process at the same moment fails this insert (a unique
    // violation), and the create runs again to find it: see `storage/postgres`.
    conn.execute(
        "INSERT INTO idempotency_keys (store_id, key, fingerprint, ticket_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        &[&store_id, &key, fingerprint, &ticket_id, &format_utc(now)],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_must_be_short_visible_ascii() {
        assert_eq!(check_key("row-7:abc").unwrap(), "row-7:abc");
        for bad in ["", "has space", "ünïcode", &"k".repeat(201)] {
            let error = check_key(bad).unwrap_err();
            assert!(
                matches!(error, DeskError::BadRequest(_)),
                "{bad}: {error:?}"
            );
        }
    }
}
