//! The two gates that bound what the desk takes on at once; past either, the answer is 429 with
//! `Retry-After` instead of a queue (or a heap) that grows without bound.
//!
//! - The in-flight gate ([`MAX_IN_FLIGHT`] permits): one permit per call into the core, held
//!   while it runs on the blocking pool. It bounds the work queued behind SQLite.
//! - The body budget: bytes of request bodies held in memory, reserved *as they arrive* (never
//!   from a declared `Content-Length`, which costs an attacker nothing), and kept until the
//!   handler is done with the attachments. Three bounds, so that no store can crowd out another:
//!   - the whole desk holds at most [`BODY_BUDGET_BYTES`] (16 bodies at the largest size);
//!   - one store holds at most [`STORE_SHARE_BYTES`] (4 bodies at the largest size), whatever
//!     its tokens do;
//!   - one token has at most [`LARGE_UPLOADS_PER_TOKEN`] *large* bodies (past
//!     [`LARGE_BODY_BYTES`], i.e. bodies with attachments) in flight. Ordinary JSON creates and
//!     messages never count as large: a script may send 64 at once with one token.
//!
//! A body that arrives too slowly is cut off by the body reader (`body.rs`), which releases what
//! it had reserved, so holding the budget costs a client a real transfer rate.
//!
//! Handlers authenticate before reading a body, so an anonymous request never reserves memory.
//! This module knows nothing of routes or tickets.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use sha2::{Digest, Sha256};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::{ApiError, MAX_BODY_BYTES};

/// Requests that may wait for the core at once.
pub const MAX_IN_FLIGHT: usize = 1024;

/// Bytes of request bodies the desk holds at once: 16 bodies at the largest size (~816 MiB).
pub const BODY_BUDGET_BYTES: usize = 16 * MAX_BODY_BYTES;

/// Bytes of request bodies one store holds at once: 4 bodies at the largest size.
pub const STORE_SHARE_BYTES: usize = 4 * MAX_BODY_BYTES;

/// A body past this size is a large upload (it carries attachments).
pub const LARGE_BODY_BYTES: usize = 1024 * 1024;

/// Large uploads one token may have in flight at once.
pub const LARGE_UPLOADS_PER_TOKEN: usize = 4;

/// Seconds a client is asked to wait when a gate is full.
pub const RETRY_AFTER_SECONDS: u64 = 1;

/// The in-flight gate.
#[derive(Clone)]
pub struct InFlight(Arc<Semaphore>);

impl InFlight {
    pub fn new(permits: usize) -> InFlight {
        InFlight(Arc::new(Semaphore::new(permits)))
    }

    /// Calls into the core holding a permit now.
    pub fn in_use(&self) -> usize {
        MAX_IN_FLIGHT.saturating_sub(self.0.available_permits())
    }

    /// A permit to call the core, or 429.
    pub fn enter(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        Arc::clone(&self.0)
            .try_acquire_owned()
            .map_err(|_| ApiError::rate_limited("other requests", RETRY_AFTER_SECONDS))
    }
}

/// The bounds of the body budget.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimits {
    pub desk: usize,
    pub store: usize,
    pub large: usize,
    pub large_per_token: usize,
}

impl Default for BodyLimits {
    fn default() -> BodyLimits {
        BodyLimits {
            desk: BODY_BUDGET_BYTES,
            store: STORE_SHARE_BYTES,
            large: LARGE_BODY_BYTES,
            large_per_token: LARGE_UPLOADS_PER_TOKEN,
        }
    }
}

/// The body budget, shared by every request.
#[derive(Clone)]
pub struct BodyBudget(Arc<Mutex<Ledger>>);

/// What is held, by whom.
struct Ledger {
    limits: BodyLimits,
    held: usize,
    by_store: HashMap<String, usize>,
    /// Large uploads in flight per token, keyed by the token's SHA-256 (no token kept in clear).
    large_by_token: HashMap<[u8; 32], usize>,
}

impl BodyBudget {
    pub fn new(limits: BodyLimits) -> BodyBudget {
        BodyBudget(Arc::new(Mutex::new(Ledger {
            limits,
            held: 0,
            by_store: HashMap::new(),
            large_by_token: HashMap::new(),
        })))
    }

    /// An empty reservation for a body sent by `token` of `store`; it grows as bytes arrive.
    pub fn open(&self, store: &str, token: &str) -> Reservation {
        Reservation {
            budget: self.clone(),
            store: store.to_string(),
            token: Sha256::digest(token.as_bytes()).into(),
            bytes: 0,
            large: false,
        }
    }

    fn ledger(&self) -> std::sync::MutexGuard<'_, Ledger> {
        // The ledger is plain counts, updated in one step each: a panic cannot leave it torn.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Bytes held now, by the whole desk.
    #[cfg(test)]
    pub fn held(&self) -> usize {
        self.ledger().held
    }
}

/// The room one body holds in the budget; released when dropped.
pub struct Reservation {
    budget: BodyBudget,
    store: String,
    token: [u8; 32],
    bytes: usize,
    large: bool,
}

impl Reservation {
    /// Take room for `more` bytes that have just arrived, or 429 naming the bound that is full.
    pub fn grow(&mut self, more: usize) -> Result<(), ApiError> {
        let mut ledger = self.budget.ledger();
        let limits = ledger.limits;
        let total = self.bytes + more;
        let becomes_large = !self.large && total > limits.large;
        if becomes_large {
            let uploads = ledger.large_by_token.get(&self.token).copied().unwrap_or(0);
            if uploads >= limits.large_per_token {
                return Err(ApiError::rate_limited(
                    &format!(
                        "{uploads} other uploads with attachments from this token (at most {} at once per token)",
                        limits.large_per_token
                    ),
                    RETRY_AFTER_SECONDS,
                ));
            }
        }
        let store_held = ledger.by_store.get(&self.store).copied().unwrap_or(0);
        if store_held + more > limits.store {
            return Err(ApiError::rate_limited(
                &format!(
                    "other uploads of this store ({} MiB held, at most {} MiB at once per store)",
                    store_held / (1024 * 1024),
                    limits.store / (1024 * 1024)
                ),
                RETRY_AFTER_SECONDS,
            ));
        }
        if ledger.held + more > limits.desk {
            return Err(ApiError::rate_limited(
                "other uploads (their bodies are held in memory until handled)",
                RETRY_AFTER_SECONDS,
            ));
        }
        ledger.held += more;
        *ledger.by_store.entry(self.store.clone()).or_insert(0) += more;
        if becomes_large {
            *ledger.large_by_token.entry(self.token).or_insert(0) += 1;
            self.large = true;
        }
        self.bytes = total;
        Ok(())
    }

    /// The bytes reserved so far.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        let mut ledger = self.budget.ledger();
        ledger.held -= self.bytes;
        if let Some(held) = ledger.by_store.get_mut(&self.store) {
            *held -= self.bytes;
            if *held == 0 {
                ledger.by_store.remove(&self.store);
            }
        }
        if self.large
            && let Some(uploads) = ledger.large_by_token.get_mut(&self.token)
        {
            *uploads -= 1;
            if *uploads == 0 {
                ledger.large_by_token.remove(&self.token);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    const MIB: usize = 1024 * 1024;

    fn small() -> BodyBudget {
        BodyBudget::new(BodyLimits {
            desk: 10 * MIB,
            store: 8 * MIB,
            large: MIB,
            large_per_token: 2,
        })
    }

    #[test]
    fn nothing_is_reserved_before_bytes_arrive() {
        let budget = small();
        let held: Vec<_> = (0..10_000).map(|_| budget.open("a", "t")).collect();
        assert_eq!(budget.held(), 0);
        drop(held);
    }

    #[test]
    fn one_store_cannot_take_more_than_its_share_and_others_still_can() {
        let budget = small();
        let mut a = budget.open("a", "t1");
        a.grow(6 * MIB).unwrap();
        let mut a2 = budget.open("a", "t2");
        let refused = a2.grow(3 * MIB).unwrap_err();
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(refused.retry_after, Some(RETRY_AFTER_SECONDS));
        assert!(
            refused.detail.message.contains("this store"),
            "{}",
            refused.detail.message
        );
        let mut b = budget.open("b", "t3");
        b.grow(3 * MIB).unwrap();
        drop(a);
        a2.grow(3 * MIB).unwrap();
        drop((a2, b));
        assert_eq!(budget.held(), 0);
    }

    #[test]
    fn a_token_has_a_few_large_uploads_but_any_number_of_small_bodies() {
        let budget = small();
        let mut large: Vec<_> = (0..2)
            .map(|_| {
                let mut r = budget.open("a", "t");
                r.grow(MIB + 1).unwrap();
                r
            })
            .collect();
        let mut third = budget.open("a", "t");
        third.grow(MIB).unwrap();
        let refused = third.grow(1).unwrap_err();
        assert!(
            refused.detail.message.contains("per token"),
            "{}",
            refused.detail.message
        );
        let small_bodies: Vec<_> = (0..64)
            .map(|_| {
                let mut r = budget.open("a", "t");
                r.grow(4_000).unwrap();
                r
            })
            .collect();
        let mut other_token = budget.open("a", "u");
        other_token.grow(MIB + 1).unwrap();
        large.pop();
        third.grow(1).unwrap();
        drop((large, third, small_bodies, other_token));
        assert_eq!(budget.held(), 0);
    }

    #[test]
    fn the_whole_desk_is_bounded_too() {
        let budget = BodyBudget::new(BodyLimits {
            desk: 2 * MIB,
            ..BodyLimits::default()
        });
        let mut a = budget.open("a", "t");
        a.grow(2 * MIB).unwrap();
        let mut b = budget.open("b", "u");
        assert!(b.grow(1).is_err());
        drop(a);
        b.grow(1).unwrap();
    }

    #[test]
    fn a_full_in_flight_gate_answers_429() {
        let gate = InFlight::new(1);
        let held = gate.enter().unwrap();
        assert_eq!(
            gate.enter().unwrap_err().status,
            StatusCode::TOO_MANY_REQUESTS
        );
        drop(held);
        assert!(gate.enter().is_ok());
    }
}
