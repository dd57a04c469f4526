//! Store tokens: `cst_` and 32 random Crockford base32 symbols (160 bits from a CSPRNG), shown
//! once in clear when issued. Only their SHA-256 is stored, so the database file does not hold
//! any token. Owns issuing, revoking and authenticating; no ticket rules.

use chrono::{DateTime, Utc};
use rand::Rng;
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::db::Db;
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

pub(crate) fn create(db: &Db, store: &StoreUrl, now: DateTime<Utc>) -> Result<String, DeskError> {
    let token = generate();
    let now = format_utc(now);
    db.write(|tx| {
        let store_id = stores::ensure(tx, store.as_str(), &now)?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO tokens (store_id, hash, created_at) VALUES (?1, ?2, ?3)",
        )?;
        stmt.execute(params![store_id, hash(&token), now])?;
        Ok(())
    })?;
    Ok(token)
}

pub(crate) fn revoke(db: &Db, token: &str, now: DateTime<Utc>) -> Result<bool, DeskError> {
    let token = token.trim();
    if !well_formed(token) {
        return Ok(false);
    }
    let now = format_utc(now);
    db.write(|tx| {
        let mut stmt = tx.prepare_cached(
            "UPDATE tokens SET revoked_at = ?2 WHERE hash = ?1 AND revoked_at IS NULL",
        )?;
        Ok(stmt.execute(params![hash(token), now])? > 0)
    })
}

pub(crate) fn authenticate(db: &Db, token: &str) -> Result<StoreUrl, DeskError> {
    // Tokens pasted from a file or an environment variable often carry a newline.
    let token = token.trim();
    if !well_formed(token) {
        return Err(DeskError::Unauthorized);
    }
    let url: Option<String> = db.read(|conn| {
        let mut stmt = conn.prepare_cached(
            "SELECT s.url FROM tokens t JOIN stores s ON s.id = t.store_id
             WHERE t.hash = ?1 AND t.revoked_at IS NULL",
        )?;
        Ok(stmt.query_row([hash(token)], |row| row.get(0)).optional()?)
    })?;
    match url {
        Some(url) => stores::stored_url(url),
        None => Err(DeskError::Unauthorized),
    }
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
        assert_eq!(core.authenticate(&token).unwrap(), store);
        assert_eq!(core.authenticate(&format!(" {token}\n")).unwrap(), store);

        assert!(core.revoke_token(&token, t0()).unwrap());
        assert!(!core.revoke_token(&token, t0()).unwrap(), "already revoked");
        assert!(matches!(
            core.authenticate(&token),
            Err(DeskError::Unauthorized)
        ));
    }

    #[test]
    fn unknown_and_malformed_tokens_are_unauthorized() {
        let (_dir, core) = desk();
        for token in ["", "Bearer x", &generate()] {
            assert!(matches!(
                core.authenticate(token),
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
            .read(|conn| Ok(conn.query_row("SELECT hash FROM tokens", [], |r| r.get(0))?))
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
