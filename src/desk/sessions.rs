//! Agents' sessions in the inbox (SPEC §10), server-side, and the CSRF tokens of their forms.
//!
//! Owns the `agent_sessions` table. A session id is 32 random bytes (hex in the browser's
//! cookie); the database keeps only its SHA-256, so a copy of the database opens no session. A
//! session ends [`IDLE`] after its last use, [`ABSOLUTE`] after sign-in whatever its use, at
//! sign-out, and when its agent is removed or given a new password. Its last use is written at
//! most once a minute (a page view is not a write).
//!
//! A form's CSRF token is an HMAC of the session id under the desk key: only a page of that
//! session can hold it, another session's token does not match, and nothing more is stored.
//! The sign-in form, before any session, has the same under a pre-session cookie. Knows nothing
//! of cookies or HTTP: ids come in and go out as text.

use chrono::{DateTime, TimeDelta, Utc};
use rand::RngCore as _;
use sha2::Digest as _;
use subtle::ConstantTimeEq as _;

use super::DeskError;
use super::secret::DeskSecret;
use super::storage::Db;
use crate::domain::timestamp::format_utc;

/// A session unused this long has ended.
pub const IDLE: TimeDelta = TimeDelta::hours(2);
/// A session this old has ended, however busy.
pub const ABSOLUTE: TimeDelta = TimeDelta::hours(12);
/// How stale the recorded last use may be before a use writes it again.
const TOUCH_EVERY: TimeDelta = TimeDelta::minutes(1);

/// The agent a live session belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub agent_id: i64,
    pub email: String,
    /// The token every form of this session carries.
    pub csrf: String,
}

/// A new random id, as hex: a session id, or a pre-session value of the sign-in form.
pub(crate) fn new_id() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn id_hash(id: &str) -> [u8; 32] {
    sha2::Sha256::digest(id.as_bytes()).into()
}

/// The CSRF token of forms under `id` (a session id or a pre-session value).
pub(crate) fn csrf_token(secret: &DeskSecret, id: &str) -> String {
    hex(&secret.mac("csrf", id.as_bytes()))
}

/// Whether `given` is the CSRF token of `id`, compared in constant time.
pub(crate) fn csrf_matches(secret: &DeskSecret, id: &str, given: &str) -> bool {
    let expected = csrf_token(secret, id);
    !id.is_empty() && bool::from(expected.as_bytes().ct_eq(given.trim().as_bytes()))
}

/// Whether a session made at `created` and last used at `seen` is still open at `now`.
pub(crate) fn alive(created: DateTime<Utc>, seen: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - seen < IDLE && now - created < ABSOLUTE
}

/// Open a session for `agent_id`; its id, for the cookie.
pub(crate) fn open(db: &Db, agent_id: i64, now: DateTime<Utc>) -> Result<String, DeskError> {
    let id = new_id();
    let hash = id_hash(&id);
    let now_text = format_utc(now);
    let cutoff = format_utc(now - ABSOLUTE);
    db.write(|tx| {
        // Sessions past their absolute end go when a new one comes: the table stays small.
        tx.execute(
            "DELETE FROM agent_sessions WHERE created_at < ?1",
            &[&cutoff],
        )?;
        tx.execute(
            "INSERT INTO agent_sessions (id_hash, agent_id, created_at, last_seen_at)
             VALUES (?1, ?2, ?3, ?3)",
            &[&hash, &agent_id, &now_text],
        )?;
        Ok(())
    })?;
    Ok(id)
}

/// The live session of `id`, if any (and its last use noted).
pub(crate) fn find(db: &Db, id: &str, now: DateTime<Utc>) -> Result<Option<Session>, DeskError> {
    if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let hash = id_hash(id);
    let time = |text: String| {
        text.parse::<DateTime<Utc>>()
            .map_err(|e| DeskError::Storage(format!("unreadable session time `{text}`: {e}")))
    };
    let found = db.read(|conn| {
        conn.row(
            "SELECT s.agent_id, a.email, s.created_at, s.last_seen_at
             FROM agent_sessions s JOIN agents a ON a.id = s.agent_id WHERE s.id_hash = ?1",
            &[&hash],
            |row| {
                Ok((
                    row.get::<i64>(0)?,
                    row.get::<String>(1)?,
                    row.get::<String>(2)?,
                    row.get::<String>(3)?,
                ))
            },
        )
    })?;
    let Some((agent_id, email, created, seen)) = found else {
        return Ok(None);
    };
    let (created, seen) = (time(created)?, time(seen)?);
    if !alive(created, seen, now) {
        close(db, id)?;
        return Ok(None);
    }
    if now - seen >= TOUCH_EVERY {
        let now_text = format_utc(now);
        db.write(|tx| {
            tx.execute(
                "UPDATE agent_sessions SET last_seen_at = ?2 WHERE id_hash = ?1",
                &[&hash, &now_text],
            )
        })?;
    }
    Ok(Some(Session {
        agent_id,
        email,
        csrf: csrf_token(&db.secret, id),
    }))
}

/// End the session of `id` (sign-out). Ending one that is gone is no error.
pub(crate) fn close(db: &Db, id: &str) -> Result<(), DeskError> {
    let hash = id_hash(id);
    db.write(|tx| tx.execute("DELETE FROM agent_sessions WHERE id_hash = ?1", &[&hash]))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::testing::*;

    #[test]
    fn sessions_end_when_idle_or_old() {
        let start = t0();
        assert!(alive(start, start, start + TimeDelta::minutes(119)));
        assert!(!alive(start, start, start + IDLE));
        let busy = start + TimeDelta::hours(11) + TimeDelta::minutes(59);
        assert!(alive(start, busy, busy));
        assert!(!alive(start, busy, start + ABSOLUTE));
    }

    #[test]
    fn a_session_is_found_by_its_id_until_idle_signed_out_or_the_agent_goes() {
        let (_dir, core) = desk();
        core.add_agent("agent@desk.example", "a long passphrase", t0())
            .unwrap();
        let super::super::agents::SignIn::Agent { id, .. } = core
            .sign_in("agent@desk.example", "a long passphrase", "127.0.0.1", t0())
            .unwrap()
        else {
            panic!("sign-in refused")
        };
        let session = core.open_session(id, t0()).unwrap();
        let found = core.session(&session, later(30)).unwrap().unwrap();
        assert_eq!(found.email, "agent@desk.example");
        // Used at 30 min: idle from then, not from sign-in.
        assert!(core.session(&session, later(30 + 119)).unwrap().is_some());
        assert!(
            core.session(&session, later(30 + 119 + 121))
                .unwrap()
                .is_none()
        );
        assert!(core.session("not hex", t0()).unwrap().is_none());

        let second = core.open_session(id, t0()).unwrap();
        assert_ne!(second, session);
        core.close_session(&second).unwrap();
        assert!(core.session(&second, t0()).unwrap().is_none());

        let third = core.open_session(id, t0()).unwrap();
        core.remove_agent("agent@desk.example").unwrap();
        assert!(core.session(&third, t0()).unwrap().is_none());
    }

    #[test]
    fn csrf_tokens_belong_to_one_session() {
        let secret = DeskSecret::fixed(7);
        let (one, two) = (new_id(), new_id());
        let token = csrf_token(&secret, &one);
        assert!(csrf_matches(&secret, &one, &token));
        assert!(!csrf_matches(&secret, &two, &token));
        assert!(!csrf_matches(&secret, &one, ""));
        assert!(!csrf_matches(&secret, &one, &token[..10]));
        assert!(!csrf_matches(&secret, "", &csrf_token(&secret, "")));
        assert_ne!(csrf_token(&DeskSecret::fixed(8), &one), token);
    }
}
