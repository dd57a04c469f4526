//! Support agents, who sign in to the browser inbox (SPEC §10): `cartsaver-desk agent
//! add|list|remove`, the password check of a sign-in, and the slowing of failed sign-ins.
//!
//! Owns the `agents` and `signin_failures` tables. A password is kept only as an argon2id PHC
//! string (memory-hard: a stolen database is slow to guess from). A failed sign-in is counted
//! against the account and against the client address; past [`FREE_FAILURES`] on either, the
//! next try must wait, twice as long after each further failure, up to [`MAX_WAIT`]. The counts
//! are in the database, so every desk instance slows the same guesser. Knows nothing of HTTP:
//! the client address is whatever the caller says it is.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, TimeDelta, Utc};

use super::DeskError;
use super::storage::{Conn, Db};
use crate::domain::email::parse_email;
use crate::domain::timestamp::format_utc;

/// The shortest password an agent may have.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Failed sign-ins (of an account, or from a client) allowed before the next one must wait.
pub const FREE_FAILURES: i64 = 5;
/// The longest wait between tries.
pub const MAX_WAIT: TimeDelta = TimeDelta::minutes(15);
/// Failures older than this are forgotten.
const FAILURES_KEPT: TimeDelta = TimeDelta::hours(1);

/// An agent as `agent list` shows one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AgentInfo {
    pub id: i64,
    pub email: String,
    pub created_at: String,
}

/// What a sign-in found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    /// The agent, by id and email.
    Agent { id: i64, email: String },
    /// Wrong email or password (the same answer for both).
    Refused,
    /// Too many failures lately: try again after this many seconds.
    Wait(i64),
}

/// The argon2id hasher: OWASP's second recommended setting (19 MiB, 2 passes, 1 lane).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// `password` as an argon2id PHC string, with a fresh random salt.
pub(crate) fn hash_password(password: &str) -> Result<String, DeskError> {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
    let salt = SaltString::encode_b64(&bytes)
        .map_err(|error| DeskError::Storage(format!("cannot encode a salt: {error}")))?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| DeskError::Storage(format!("cannot hash the password: {error}")))
}

/// Whether `password` is the one `stored` was made from (constant time inside argon2).
pub(crate) fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .is_ok_and(|hash| hasher().verify_password(password.as_bytes(), &hash).is_ok())
}

/// A password good enough for an agent, or why not.
pub(crate) fn check_password(password: &str) -> Result<(), DeskError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(DeskError::BadRequest(format!(
            "the password has {chars} characters; an agent's password needs at least \
             {MIN_PASSWORD_CHARS} (a passphrase of a few words is easiest)"
        )));
    }
    if password.trim() != password {
        return Err(DeskError::BadRequest(
            "the password starts or ends with a space; remove it (a file's final newline is \
             already removed)"
                .to_string(),
        ));
    }
    Ok(())
}

/// An agent's address, checked, all lowercase: `Agent@Desk.example` signs in as
/// `agent@desk.example`.
fn agent_email(email: &str) -> Result<String, DeskError> {
    parse_email(email)
        .map(|parsed| parsed.value.as_str().to_lowercase())
        .map_err(|error| DeskError::Invalid(vec![error]))
}

/// Add an agent, or set a new password for one that exists. Returns whether it was new.
pub(crate) fn add(
    db: &Db,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<bool, DeskError> {
    let email = agent_email(email)?;
    check_password(password)?;
    let hash = hash_password(password)?;
    let now = format_utc(now);
    db.write(|tx| {
        let existing: Option<i64> =
            tx.row("SELECT id FROM agents WHERE email = ?1", &[&email], |row| {
                row.get(0)
            })?;
        match existing {
            Some(id) => {
                tx.execute(
                    "UPDATE agents SET password_hash = ?2 WHERE id = ?1",
                    &[&id, &hash],
                )?;
                // A new password ends every session of the old one.
                tx.execute("DELETE FROM agent_sessions WHERE agent_id = ?1", &[&id])?;
                Ok(false)
            }
            None => {
                tx.execute(
                    "INSERT INTO agents (email, password_hash, created_at) VALUES (?1, ?2, ?3)",
                    &[&email, &hash, &now],
                )?;
                Ok(true)
            }
        }
    })
}

pub(crate) fn list(db: &Db) -> Result<Vec<AgentInfo>, DeskError> {
    db.read(|conn| {
        conn.rows(
            "SELECT id, email, created_at FROM agents ORDER BY email",
            &[],
            |row| {
                Ok(AgentInfo {
                    id: row.get(0)?,
                    email: row.get(1)?,
                    created_at: row.get(2)?,
                })
            },
        )
    })
}

/// Remove an agent and end their sessions. Returns whether there was one.
pub(crate) fn remove(db: &Db, email: &str) -> Result<bool, DeskError> {
    let email = agent_email(email)?;
    db.write(|tx| {
        let id: Option<i64> =
            tx.row("SELECT id FROM agents WHERE email = ?1", &[&email], |row| {
                row.get(0)
            })?;
        let Some(id) = id else {
            return Ok(false);
        };
        tx.execute("DELETE FROM agent_sessions WHERE agent_id = ?1", &[&id])?;
        tx.execute("DELETE FROM agents WHERE id = ?1", &[&id])?;
        Ok(true)
    })
}

/// How long a key with `failures` failures, the last at `last`, must wait from `now`; zero when
/// it may try.
pub(crate) fn wait_for(failures: i64, last: DateTime<Utc>, now: DateTime<Utc>) -> TimeDelta {
    if failures < FREE_FAILURES || now - last > FAILURES_KEPT {
        return TimeDelta::zero();
    }
    let doublings = u32::try_from((failures - FREE_FAILURES).min(20)).unwrap_or(20);
    let wait = TimeDelta::seconds(1i64 << doublings).min(MAX_WAIT);
    (last + wait - now).max(TimeDelta::zero())
}

fn failure_keys(email: &str, client: &str) -> [String; 2] {
    [
        format!("account:{}", email.trim().to_lowercase()),
        format!("client:{client}"),
    ]
}

fn longest_wait(conn: &dyn Conn, keys: &[String; 2], now: DateTime<Utc>) -> Result<i64, DeskError> {
    let mut wait = TimeDelta::zero();
    for key in keys {
        let found = conn.row(
            "SELECT failures, last_failure_at FROM signin_failures WHERE key = ?1",
            &[key],
            |row| {
                Ok((
                    row.get::<i64>(0)?,
                    row.decoded(1, |text| {
                        text.parse::<DateTime<Utc>>()
                            .map_err(|e| format!("unreadable failure time `{text}`: {e}"))
                    })?,
                ))
            },
        )?;
        if let Some((failures, last)) = found {
            wait = wait.max(wait_for(failures, last, now));
        }
    }
    // Whole seconds, rounded up: "wait 0 s" would invite a try that is refused.
    Ok((wait.num_milliseconds() + 999) / 1000)
}

/// Check an email and password from `client` (an address, for the count per client).
pub(crate) fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<SignIn, DeskError> {
    let keys = failure_keys(email, client);
    let wait = db.read(|conn| longest_wait(conn, &keys, now))?;
    if wait > 0 {
        return Ok(SignIn::Wait(wait));
    }
    let email = agent_email(email).ok();
    let stored = match &email {
        Some(email) => db.read(|conn| {
            conn.row(
                "SELECT id, password_hash FROM agents WHERE email = ?1",
                &[&email],
                |row| Ok((row.get::<i64>(0)?, row.get::<String>(1)?)),
            )
        })?,
        None => None,
    };
    // An unknown account costs a hash too, so timing does not tell which accounts exist.
    let matched = match &stored {
        Some((_, hash)) => password_matches(password, hash),
        None => {
            let _ = password_matches(password, DUMMY_HASH);
            false
        }
    };
    let now_text = format_utc(now);
    if let (true, Some((id, _)), Some(email)) = (matched, &stored, &email) {
        db.write(|tx| {
            for key in &keys {
                tx.execute("DELETE FROM signin_failures WHERE key = ?1", &[key])?;
            }
            Ok(())
        })?;
        return Ok(SignIn::Agent {
            id: *id,
            email: email.clone(),
        });
    }
    db.write(|tx| {
        for key in &keys {
            tx.execute(
                "INSERT INTO signin_failures (key, failures, last_failure_at) VALUES (?1, 1, ?2)
                 ON CONFLICT (key) DO UPDATE SET failures = signin_failures.failures + 1,
                     last_failure_at = excluded.last_failure_at",
                &[key, &now_text],
            )?;
        }
        Ok(())
    })?;
    Ok(SignIn::Refused)
}

/// A hash of a password nobody has, checked when the account is unknown.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2r8mcbHZ0AcD3ANN/RVGM5m3Vw3ajlQbT6j8mRRpQzE";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::testing::*;

    #[test]
    fn passwords_are_argon2id_with_a_salt_each() {
        let one = hash_password("correct horse battery").unwrap();
        let two = hash_password("correct horse battery").unwrap();
        assert!(one.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{one}");
        assert_ne!(one, two);
        assert!(password_matches("correct horse battery", &one));
        assert!(!password_matches("correct horse batter", &one));
        assert!(!password_matches("anything", "not a hash"));
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn short_or_padded_passwords_are_refused_with_the_fix() {
        let short = check_password("short").unwrap_err().to_string();
        assert!(
            short.contains("5 characters") && short.contains("at least 12"),
            "{short}"
        );
        assert!(check_password(" twelve chars ok").is_err());
        assert!(check_password("twelve chars ok").is_ok());
    }

    #[test]
    fn failures_past_five_wait_twice_as_long_each_time() {
        let now = t0();
        assert_eq!(wait_for(4, now, now), TimeDelta::zero());
        assert_eq!(wait_for(5, now, now), TimeDelta::seconds(1));
        assert_eq!(wait_for(8, now, now), TimeDelta::seconds(8));
        assert_eq!(wait_for(60, now, now), MAX_WAIT);
        assert_eq!(
            wait_for(8, now, now + TimeDelta::seconds(3)),
            TimeDelta::seconds(5)
        );
        assert_eq!(
            wait_for(60, now, now + TimeDelta::hours(2)),
            TimeDelta::zero()
        );
    }

    #[test]
    fn sign_in_checks_the_password_and_slows_guessing_per_account_and_client() {
        let (_dir, core) = desk();
        assert!(
            core.add_agent("Agent@Desk.example", "a long passphrase", t0())
                .unwrap()
        );
        assert!(
            !core
                .add_agent("agent@desk.example", "another passphrase", t0())
                .unwrap()
        );
        let ok = core
            .sign_in("agent@desk.example", "another passphrase", "10.0.0.1", t0())
            .unwrap();
        assert!(matches!(ok, SignIn::Agent { ref email, .. } if email == "agent@desk.example"));
        for _ in 0..FREE_FAILURES {
            let refused = core
                .sign_in("agent@desk.example", "wrong", "10.0.0.1", t0())
                .unwrap();
            assert_eq!(refused, SignIn::Refused);
        }
        // Even the right password waits now, from this client and from another.
        let waiting = core
            .sign_in("agent@desk.example", "another passphrase", "10.0.0.2", t0())
            .unwrap();
        assert_eq!(waiting, SignIn::Wait(1));
        let other_account = core
            .sign_in("nobody@desk.example", "x", "10.0.0.1", t0())
            .unwrap();
        assert_eq!(other_account, SignIn::Wait(1));
        let later = t0() + TimeDelta::seconds(2);
        let ok = core
            .sign_in(
                "agent@desk.example",
                "another passphrase",
                "10.0.0.3",
                later,
            )
            .unwrap();
        assert!(matches!(ok, SignIn::Agent { .. }));
        assert!(core.remove_agent("agent@desk.example").unwrap());
        assert!(!core.remove_agent("agent@desk.example").unwrap());
        assert!(core.agents().unwrap().is_empty());
    }
}
