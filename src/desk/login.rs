//! Login by emailed code (SPEC §11): `cartsaver-support login` asks for a one-time code for a
//! store and an address; the desk mails it when the address is registered for the store
//! (`cartsaver-desk store add URL --email ADDR`), through the mail queue, in the same
//! transaction; the code, typed back, is exchanged for a new store token named after the
//! merchant's machine.
//!
//! The rules, all here: a code is 8 random digits from a CSPRNG, kept only as a keyed hash
//! (HMAC under the desk key: 10⁸ codes would be quick to try against a plain hash), valid
//! [`CODE_MINUTES`] minutes, used once, [`MAX_TRIES`] tries (the next one fails even with the
//! right code); asking again replaces the code. A request is answered the same whether or not
//! the store or the address is known, doing the same work either way (the rate-limit rows, a
//! hash, a lookup), so neither the answer nor its timing tells; requests are counted per store,
//! per address and per client address over the last hour ([`Limits`]), each subject kept as a
//! keyed hash, and past a limit the answer is "retry in N seconds". No HTTP, no words of the
//! mail (`mail/compose.rs`).

use std::net::IpAddr;

use chrono::{DateTime, TimeDelta, Utc};
use rand::Rng as _;
use subtle::ConstantTimeEq as _;

use super::DeskError;
use super::mail::queue;
use super::secret::DeskSecret;
use super::storage::{Conn, Db};
use super::{stores, tokens};
use crate::domain::email::Email;
use crate::domain::store::StoreUrl;
use crate::domain::timestamp::format_utc;

/// How long a code works.
pub const CODE_MINUTES: i64 = 10;
/// Tries of one code; the next one fails even with the right code.
pub const MAX_TRIES: i64 = 5;
/// The window the rate limits count in.
const WINDOW: TimeDelta = TimeDelta::hours(1);
/// The longest a token name may be; longer ones are cut.
const MAX_NAME: usize = 64;

/// How many requests each subject may make in [`WINDOW`].
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Codes asked for one store.
    pub per_store: i64,
    /// Codes asked for one address.
    pub per_address: i64,
    /// Codes asked, and codes tried, from one client address (each counted apart).
    pub per_client: i64,
    /// Codes tried for one store.
    pub tries_per_store: i64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            per_store: 20,
            per_address: 10,
            per_client: 60,
            tries_per_store: 30,
        }
    }
}

/// What became of a code request. The same for a store or address the desk does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requested {
    /// A code was mailed if the address is registered for the store.
    Accepted,
    /// Too many requests: retry in this many seconds.
    RateLimited { seconds: u64 },
}

/// What became of a code typed back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verified {
    /// A new token (in clear, this once) for the store, with the name it was given.
    Token {
        token: String,
        store: StoreUrl,
        name: String,
    },
    /// Wrong, expired, used, out of tries, or never sent: the same answer for all.
    Refused,
    RateLimited {
        seconds: u64,
    },
}

/// A new code in clear: 8 digits, leading zeros kept.
fn new_code() -> String {
    format!("{:08}", rand::rng().random_range(0..100_000_000u32))
}

fn code_hash(secret: &DeskSecret, store: &str, address: &str, code: &str) -> [u8; 32] {
    secret.mac(
        "login-code",
        format!("{store}\n{address}\n{code}").as_bytes(),
    )
}

fn subject(secret: &DeskSecret, kind: &str, value: &str) -> [u8; 32] {
    secret.mac("login-limit", format!("{kind}:{value}").as_bytes())
}

/// Count a request of `subject`; if it had used its `limit` already, the seconds until the
/// oldest counted one leaves the window (the request is not counted then).
fn count(
    conn: &dyn Conn,
    subject: &[u8; 32],
    limit: i64,
    now: DateTime<Utc>,
) -> Result<Option<u64>, DeskError> {
    let since = format_utc(now - WINDOW);
    let (used, oldest): (i64, Option<String>) = conn
        .row(
            "SELECT CAST(count(*) AS BIGINT), min(at) FROM login_requests
             WHERE subject = ?1 AND at > ?2",
            &[subject, &since],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?
        .unwrap_or((0, None));
    if used >= limit {
        let oldest = oldest
            .and_then(|text| DateTime::parse_from_rfc3339(&text).ok())
            .map_or(now, |at| at.with_timezone(&Utc));
        let seconds = (oldest + WINDOW - now).num_seconds().max(1);
        return Ok(Some(u64::try_from(seconds).unwrap_or(1)));
    }
    conn.execute(
        "INSERT INTO login_requests (subject, at) VALUES (?1, ?2)",
        &[subject, &format_utc(now)],
    )?;
    Ok(None)
}

/// Count a request against every subject it is limited on; the longest wait if any is over.
fn count_all(
    conn: &dyn Conn,
    subjects: &[([u8; 32], i64)],
    now: DateTime<Utc>,
) -> Result<Option<u64>, DeskError> {
    let mut wait = None;
    for (subject, limit) in subjects {
        if let Some(seconds) = count(conn, subject, *limit, now)? {
            wait = Some(wait.map_or(seconds, |w: u64| w.max(seconds)));
        }
    }
    Ok(wait)
}

/// Whether `address` is registered for `store`.
fn registered(conn: &dyn Conn, store: &str, address: &str) -> Result<bool, DeskError> {
    let found: Option<i64> = conn.row(
        "SELECT a.id FROM store_addresses a JOIN stores s ON s.id = a.store_id
         WHERE s.url = ?1 AND a.address = ?2",
        &[&store, &address],
        |row| row.get(0),
    )?;
    Ok(found.is_some())
}

fn client_text(client: Option<IpAddr>) -> String {
    client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string())
}

/// Ask for a code for `store` and `email` from `client`: mailed (queued in this transaction)
/// only when the address is registered for the store; answered the same either way.
pub(crate) fn request(
    db: &Db,
    limits: &Limits,
    store: &StoreUrl,
    email: &Email,
    client: Option<IpAddr>,
    now: DateTime<Utc>,
) -> Result<Requested, DeskError> {
    let store = store.as_str().to_string();
    let address = email.as_str().to_lowercase();
    let client = client_text(client);
    let secret = &db.secret;
    let subjects = [
        (subject(secret, "store", &store), limits.per_store),
        (subject(secret, "address", &address), limits.per_address),
        (subject(secret, "client-login", &client), limits.per_client),
    ];
    let now_text = format_utc(now);
    let expires = format_utc(now + TimeDelta::minutes(CODE_MINUTES));
    let stale = format_utc(now - WINDOW);
    let spent = format_utc(now - TimeDelta::days(1));
    db.write(|tx| {
        // What no limit counts any more, and codes a day past: gone, so the tables stay small.
        tx.execute("DELETE FROM login_requests WHERE at <= ?1", &[&stale])?;
        tx.execute("DELETE FROM login_codes WHERE expires_at <= ?1", &[&spent])?;
        if let Some(seconds) = count_all(tx, &subjects, now)? {
            return Ok(Requested::RateLimited { seconds });
        }
        let code = new_code();
        // Hashed whether or not it is kept: the same work for an unknown store.
        let hash = code_hash(secret, &store, &address, &code);
        if !registered(tx, &store, &address)? {
            return Ok(Requested::Accepted);
        }
        // Asking again replaces the code: only the newest works.
        tx.execute(
            "UPDATE login_codes SET used_at = ?3
             WHERE store = ?1 AND address = ?2 AND used_at IS NULL",
            &[&store, &address, &now_text],
        )?;
        tx.execute(
            "INSERT INTO login_codes (store, address, code_hash, tries, created_at, expires_at)
             VALUES (?1, ?2, ?3, 0, ?4, ?5)",
            &[&store, &address, &hash, &now_text, &expires],
        )?;
        let draft = crate::mail::compose::login_code(&store, &code, CODE_MINUTES);
        queue::queue_loose(tx, &address, &draft, None, &now_text)?;
        Ok(Requested::Accepted)
    })
}

/// A token name as kept: printable, one line, at most [`MAX_NAME`] characters; a machine with no
/// name gets `cartsaver-support login`.
pub fn token_name(given: Option<&str>) -> String {
    let cleaned: String = given
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "cartsaver-support login".to_string()
    } else {
        cleaned.to_string()
    }
}

/// Exchange `code` for a new token of `store`, named `name` (the merchant's machine).
#[allow(clippy::too_many_arguments)]
pub(crate) fn verify(
    db: &Db,
    limits: &Limits,
    store: &StoreUrl,
    email: &Email,
    code: &str,
    name: &str,
    client: Option<IpAddr>,
    now: DateTime<Utc>,
) -> Result<Verified, DeskError> {
    let store_text = store.as_str().to_string();
    let address = email.as_str().to_lowercase();
    let client = client_text(client);
    let secret = &db.secret;
    let subjects = [
        (
            subject(secret, "store-verify", &store_text),
            limits.tries_per_store,
        ),
        (subject(secret, "client-verify", &client), limits.per_client),
    ];
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let given = code_hash(secret, &store_text, &address, &code);
    let now_text = format_utc(now);
    db.write(|tx| {
        if let Some(seconds) = count_all(tx, &subjects, now)? {
            return Ok(Verified::RateLimited { seconds });
        }
        let sql = format!(
            "SELECT c.id, c.code_hash, c.tries, c.expires_at FROM login_codes c
             WHERE c.store = ?1 AND c.address = ?2 AND c.used_at IS NULL
             ORDER BY c.id DESC LIMIT 1{}",
            tx.for_update("c")
        );
        let found: Option<(i64, Vec<u8>, i64, String)> =
            tx.row(&sql, &[&store_text, &address], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?;
        let Some((id, stored, tries, expires_at)) = found else {
            return Ok(Verified::Refused);
        };
        if expires_at <= now_text {
            return Ok(Verified::Refused);
        }
        let tries = tries + 1;
        let matches = bool::from(given.as_slice().ct_eq(&stored));
        let spent = tries >= MAX_TRIES || matches;
        let used_at = spent.then(|| now_text.clone());
        tx.execute(
            "UPDATE login_codes SET tries = ?2, used_at = COALESCE(CAST(?3 AS TEXT), used_at)
             WHERE id = ?1",
            &[&id, &tries, &used_at],
        )?;
        // The sixth try fails even with the right code: the code is spent after five.
        if !matches || tries > MAX_TRIES || !registered(tx, &store_text, &address)? {
            return Ok(Verified::Refused);
        }
        let store_id = stores::ensure(tx, &store_text, &now_text)?;
        let (_, token) = tokens::insert_named(tx, store_id, name, &now_text)?;
        Ok(Verified::Token {
            token,
            store: store.clone(),
            name: name.to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::testing::*;
    use crate::domain::email::parse_email;

    fn email(text: &str) -> Email {
        parse_email(text).unwrap().value
    }

    /// The code of the latest login mail to `to`, read from the queue as the mail says it.
    fn mailed_code(core: &crate::desk::DeskCore) -> String {
        let claimed = core.claim_mail(later(1)).unwrap().expect("a login mail");
        let body = claimed.mail.body;
        body.split_whitespace()
            .find(|word| word.len() == 8 && word.chars().all(|c| c.is_ascii_digit()))
            .expect("8 digits in the mail")
            .to_string()
    }

    fn registered_desk() -> (tempfile::TempDir, crate::desk::DeskCore) {
        let (dir, core) = desk();
        core.add_store_address(&store_url(SHOP), &email("owner@cool-shop.com"), t0())
            .unwrap();
        (dir, core)
    }

    #[test]
    fn codes_are_eight_digits_and_differ() {
        let a = new_code();
        assert_eq!(a.len(), 8);
        assert!(a.chars().all(|c| c.is_ascii_digit()));
        assert!((0..20).map(|_| new_code()).any(|b| b != a));
    }

    #[test]
    fn a_mailed_code_gives_one_named_token_once() {
        let (_dir, core) = registered_desk();
        let owner = email("Owner@Cool-Shop.com");
        let limits = Limits::default();
        let asked = core
            .request_login(&limits, &store_url(SHOP), &owner, None, t0())
            .unwrap();
        assert_eq!(asked, Requested::Accepted);
        let code = mailed_code(&core);
        let Verified::Token { token, name, .. } = core
            .verify_login(
                &limits,
                &store_url(SHOP),
                &owner,
                &code,
                "laptop",
                None,
                t0(),
            )
            .unwrap()
        else {
            panic!("the right code is refused");
        };
        assert_eq!(name, "laptop");
        assert_eq!(core.authenticate(&token, t0()).unwrap(), store_url(SHOP));
        assert_eq!(
            core.tokens(None).unwrap()[0].name.as_deref(),
            Some("laptop")
        );
        // Used once.
        let again = core
            .verify_login(
                &limits,
                &store_url(SHOP),
                &owner,
                &code,
                "laptop",
                None,
                t0(),
            )
            .unwrap();
        assert_eq!(again, Verified::Refused);
        // Only the hash is stored.
        let stored: Vec<u8> = core
            .db
            .read(|conn| conn.value("SELECT code_hash FROM login_codes", &[]))
            .unwrap();
        assert_ne!(stored, code.as_bytes());
    }

    #[test]
    fn the_sixth_try_fails_even_with_the_right_code_and_codes_expire() {
        let (_dir, core) = registered_desk();
        let owner = email("owner@cool-shop.com");
        let limits = Limits::default();
        core.request_login(&limits, &store_url(SHOP), &owner, None, t0())
            .unwrap();
        let code = mailed_code(&core);
        let wrong = if code == "00000000" {
            "11111111"
        } else {
            "00000000"
        };
        for _ in 0..5 {
            let refused = core
                .verify_login(&limits, &store_url(SHOP), &owner, wrong, "m", None, t0())
                .unwrap();
            assert_eq!(refused, Verified::Refused);
        }
        let sixth = core
            .verify_login(&limits, &store_url(SHOP), &owner, &code, "m", None, t0())
            .unwrap();
        assert_eq!(sixth, Verified::Refused);

        core.request_login(&limits, &store_url(SHOP), &owner, None, t0())
            .unwrap();
        let code = mailed_code(&core);
        let late = t0() + TimeDelta::minutes(CODE_MINUTES);
        let expired = core
            .verify_login(&limits, &store_url(SHOP), &owner, &code, "m", None, late)
            .unwrap();
        assert_eq!(expired, Verified::Refused);
    }

    #[test]
    fn unknown_stores_and_addresses_get_the_same_answer_and_no_mail() {
        let (_dir, core) = registered_desk();
        let limits = Limits::default();
        for (store, address) in [
            (OTHER_SHOP, "owner@cool-shop.com"),
            (SHOP, "stranger@example.com"),
        ] {
            let asked = core
                .request_login(&limits, &store_url(store), &email(address), None, t0())
                .unwrap();
            assert_eq!(asked, Requested::Accepted);
        }
        assert!(core.claim_mail(later(1)).unwrap().is_none());
    }

    #[test]
    fn requests_past_a_limit_wait_until_the_window_frees_one() {
        let (_dir, core) = registered_desk();
        let limits = Limits {
            per_address: 2,
            ..Limits::default()
        };
        let owner = email("owner@cool-shop.com");
        for minute in 0..2 {
            let asked = core
                .request_login(&limits, &store_url(SHOP), &owner, None, later(minute))
                .unwrap();
            assert_eq!(asked, Requested::Accepted);
        }
        let limited = core
            .request_login(&limits, &store_url(SHOP), &owner, None, later(10))
            .unwrap();
        assert_eq!(limited, Requested::RateLimited { seconds: 50 * 60 });
        // An hour on, the window has room again, and the old rows are gone.
        let later_on = later(61);
        let asked = core
            .request_login(&limits, &store_url(SHOP), &owner, None, later_on)
            .unwrap();
        assert_eq!(asked, Requested::Accepted);
        let kept: i64 = core
            .db
            .read(|conn| conn.value("SELECT CAST(count(*) AS BIGINT) FROM login_requests", &[]))
            .unwrap();
        // This request's three subjects and the refused one's store and client (counted too):
        // none of the rows an hour old.
        assert_eq!(kept, 5);
    }

    #[test]
    fn token_names_are_one_printable_line() {
        assert_eq!(token_name(Some(" laptop\n")), "laptop");
        assert_eq!(token_name(None), "cartsaver-support login");
        assert_eq!(token_name(Some(&"x".repeat(100))).len(), MAX_NAME);
    }
}
