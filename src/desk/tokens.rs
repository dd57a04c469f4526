//! Store tokens: `cst_` and 32 random Crockford base32 symbols (160 bits from a CSPRNG), shown
//! once in clear when issued. Only their SHA-256 is stored, so the database file does not hold
//! any token. Owns issuing, revoking and authenticating; no ticket rules.

use chrono::{DateTime, Utc};
use rand::Rng;
use sha2::{Digest, Sha256};

use super::storage::Db;
use super::{DeskError, stores};
use crate::domain::store::StoreUrl;
use crate::domain::timestamp::format_utc;

const PREFIX: &str = "cst_";
const SYMBOLS: usize = 32;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new token in clear.
fn generate() -> String {
    // `rand::rng()` is a ChaCha CSPRNG seeded from the OS: a token is a credential.
    let mut rng = rand::rng();
    let mut token = String::with_capacity(PREFIX.len() + SYMBOLS);
    token.push_str(PREFIX);
    for _ in 0..SYMBOLS {
        token.push(char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]));
    }
    token
}

/// What is stored of a token.
fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Whether `token` has the shape of one of ours; anything else is refused without a query.
fn well_formed(token: &str) -> bool {
    token.strip_prefix(PREFIX).is_some_and(|symbols| {
        symbols.len() == SYMBOLS && symbols.bytes().all(|b| ALPHABET.contains(&b))
    })
}

/// A token as support sees it in `token list`: never the token itself.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TokenInfo {
    pub id: i64,
    pub store: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
    /// The machine a `login` issued it to; `None` for `token create`.
    pub name: Option<String>,
}

/// How stale `last_used_at` may get before a request writes it again: a token used all day costs
/// one write a minute, not one per request.
const LAST_USED_EVERY: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

/// A new token and its id.
pub(crate) fn create(
    db: &Db,
    store: &StoreUrl,
    now: DateTime<Utc>,
) -> Result<(i64, String), DeskError> {
    let token = generate();
    let now = format_utc(now);
    let id = db.write(|tx| {
        let store_id = stores::ensure(tx, store.as_str(), &now)?;
        tx.value(
            "INSERT INTO tokens (store_id, hash, created_at) VALUES (?1, ?2, ?3) RETURNING id",
            &[&store_id, &hash(&token), &now],
        )
    })?;
    Ok((id, token))
}

/// A new token of store row `store_id` named `name`, inside the caller's transaction (a login
/// issues it with the code's use): its id and the token in clear.
pub(crate) fn insert_named(
    conn: &dyn super::storage::Conn,
    store_id: i64,
    name: &str,
    now: &str,
) -> Result<(i64, String), DeskError> {
    let token = generate();
    let id = conn.value(
        "INSERT INTO tokens (store_id, hash, created_at, name) VALUES (?1, ?2, ?3, ?4)
         RETURNING id",
        &[&store_id, &hash(&token), &now, &name],
    )?;
    Ok((id, token))
}

/// The token's own row, as `token list` shows it: what `doctor` tells the merchant.
pub(crate) fn info(db: &Db, token: &str) -> Result<TokenInfo, DeskError> {
    let token = token.trim();
    if !well_formed(token) {
        return Err(DeskError::Unauthorized);
    }
    db.read(|conn| {
        conn.row(
            "SELECT t.id, s.url, t.created_at, t.last_used_at, t.revoked_at, t.name
             FROM tokens t JOIN stores s ON s.id = t.store_id
             WHERE t.hash = ?1 AND t.revoked_at IS NULL",
            &[&hash(token)],
            |row| {
                Ok(TokenInfo {
                    id: row.get(0)?,
                    store: row.get(1)?,
                    created_at: row.get(2)?,
                    last_used_at: row.get(3)?,
                    revoked_at: row.get(4)?,
                    name: row.get(5)?,
                })
            },
        )
    })?
    .ok_or(DeskError::Unauthorized)
}

/// Every token (of `store`, if given), oldest first.
pub(crate) fn list(db: &Db, store: Option<&StoreUrl>) -> Result<Vec<TokenInfo>, DeskError> {
    db.read(|conn| {
        conn.rows(
            "SELECT t.id, s.url, t.created_at, t.last_used_at, t.revoked_at, t.name
             FROM tokens t JOIN stores s ON s.id = t.store_id
             WHERE CAST(?1 AS TEXT) IS NULL OR s.url = ?1 ORDER BY t.id",
            &[&store.map(StoreUrl::as_str)],
            |row| {
                Ok(TokenInfo {
                    id: row.get(0)?,
                    store: row.get(1)?,
                    created_at: row.get(2)?,
                    last_used_at: row.get(3)?,
                    revoked_at: row.get(4)?,
                    name: row.get(5)?,
                })
            },
        )
    })
}

/// Revoke the token with row id `id`. Returns whether an active one was revoked.
pub(crate) fn revoke_id(db: &Db, id: i64, now: DateTime<Utc>) -> Result<bool, DeskError> {
    let now = format_utc(now);
    db.write(|tx| {
        Ok(tx.execute(
            "UPDATE tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
            &[&id, &now],
        )? > 0)
    })
}

pub(crate) fn revoke(db: &Db, token: &str, now: DateTime<Utc>) -> Result<bool, DeskError> {
    let token = token.trim();
    if !well_formed(token) {
        return Ok(false);
    }
    let now = format_utc(now);
    db.write(|tx| {
        Ok(tx.execute(
            "UPDATE tokens SET revoked_at = ?2 WHERE hash = ?1 AND revoked_at IS NULL",
            &[&hash(token), &now],
        )? > 0)
    })
}

pub(crate) fn authenticate(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<StoreUrl, DeskError> {
    // Tokens pasted from a file or an environment variable often carry a newline.
    let token = token.trim();
    if !well_formed(token) {
        return Err(DeskError::Unauthorized);
    }
    let found: Option<(i64, String, Option<String>)> = db.read(|conn| {
        conn.row(
            "SELECT t.id, s.url, t.last_used_at FROM tokens t JOIN stores s ON s.id = t.store_id
             WHERE t.hash = ?1 AND t.revoked_at IS NULL",
            &[&hash(token)],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
    })?;
    let Some((id, url, last_used)) = found else {
        return Err(DeskError::Unauthorized);
    };
    let stale = last_used
        .as_deref()
        .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
        .is_none_or(|at| now.signed_duration_since(at) >= LAST_USED_EVERY);
    if stale {
        let now = format_utc(now);
        db.write(|tx| {
            tx.execute(
                "UPDATE tokens SET last_used_at = ?2 WHERE id = ?1",
                &[&id, &now],
            )?;
            Ok(())
        })?;
    }
    stores::stored_url(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::testing::{desk, store_url, t0};

    #[test]
    fn tokens_have_the_documented_shape_and_differ() {
        let a = generate();
        let b = generate();
        assert!(well_formed(&a), "{a}");
        assert_eq!(a.len(), 36);
        assert_ne!(a, b);
        assert!(!well_formed("cst_short"));
        assert!(!well_formed(&a.replace("cst_", "tok_")));
    }

    #[test]
    fn a_token_authenticates_its_store_until_revoked() {
        let (_dir, core) = desk();
        let store = store_url("https://cool-shop.myshopify.com");
        let token = core.create_token(&store, t0()).unwrap();
        assert_eq!(core.authenticate(&token, t0()).unwrap(), store);
        assert_eq!(
            core.authenticate(&format!(" {token}\n"), t0()).unwrap(),
            store
        );

        assert!(core.revoke_token(&token, t0()).unwrap());
        assert!(!core.revoke_token(&token, t0()).unwrap(), "already revoked");
        assert!(matches!(
            core.authenticate(&token, t0()),
            Err(DeskError::Unauthorized)
        ));
    }

    #[test]
    fn tokens_are_listed_without_their_value_and_revoked_by_id() {
        let (_dir, core) = desk();
        let store = store_url("https://cool-shop.myshopify.com");
        let (id, token) = core.issue_token(&store, t0()).unwrap();
        core.authenticate(&token, crate::desk::testing::later(5))
            .unwrap();
        let listed = core.tokens(Some(&store)).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].id, id);
        assert_eq!(
            listed[0].last_used_at.as_deref(),
            Some("2026-11-18T10:05:00Z")
        );
        // Within a minute of the last write, a request does not write again.
        core.authenticate(
            &token,
            crate::desk::testing::later(5) + chrono::TimeDelta::seconds(30),
        )
        .unwrap();
        assert_eq!(
            core.tokens(None).unwrap()[0].last_used_at.as_deref(),
            Some("2026-11-18T10:05:00Z")
        );
        assert!(
            core.tokens(Some(&store_url("https://other.myshopify.com")))
                .unwrap()
                .is_empty()
        );
        assert!(core.revoke_token_id(id, t0()).unwrap());
        assert!(!core.revoke_token_id(id, t0()).unwrap());
        assert!(core.tokens(None).unwrap()[0].revoked_at.is_some());
        assert!(core.authenticate(&token, t0()).is_err());
    }

    #[test]
    fn unknown_and_malformed_tokens_are_unauthorized() {
        let (_dir, core) = desk();
        for token in ["", "Bearer x", &generate()] {
            assert!(matches!(
                core.authenticate(token, t0()),
                Err(DeskError::Unauthorized)
            ));
        }
        assert!(!core.revoke_token(&generate(), t0()).unwrap());
    }

    #[test]
    fn only_the_hash_of_a_token_reaches_the_file() {
        let (dir, core) = desk();
        let store = store_url("https://cool-shop.myshopify.com");
        let token = core.create_token(&store, t0()).unwrap();
        let stored: Vec<u8> = core
            .db
            .read(|conn| conn.value("SELECT hash FROM tokens", &[]))
            .unwrap();
        assert_eq!(stored, hash(&token).to_vec());
        drop(core);

        // The main file and any WAL left beside it.
        let mut bytes = Vec::new();
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
        }
        let clear = token.as_bytes();
        assert!(!bytes.windows(clear.len()).any(|w| w == clear));
        assert!(bytes.windows(32).any(|w| w == hash(&token)));
    }
}
