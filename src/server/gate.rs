//! The two gates that bound what the desk takes on at once; past either, the answer is 429 with
//! `Retry-After` instead of a queue (or a heap) that grows without bound.
//!
//! - The in-flight gate ([`MAX_IN_FLIGHT`] permits): one permit per call into the core, held
//!   while it runs on the blocking pool. It bounds the work queued behind SQLite.
//! - The body budget ([`BODY_BUDGET_BYTES`], counted in KiB): a request with a body (create, add a
//!   message) reserves what its body may occupy *before* reading it, and keeps the reservation
//!   until the handler is done with the attachments. The reservation is the declared
//!   `Content-Length` (hyper never delivers more than that), or the whole body limit when the
//!   length is not declared (chunked). So the budget holds 16 bodies at the largest size, or
//!   thousands of ordinary JSON creates: small requests are not turned away because uploads
//!   are large, and N parallel 50 MiB uploads cannot cost more than the budget (give or take the
//!   one file each request is reading, which may briefly hold twice its size while it grows).
//!
//! A count of concurrent bodies (say 16) would bound memory as well, but would also refuse the
//! 17th small JSON create while 16 others are in flight, which `bulk --concurrency 64` does
//! routinely; reserving bytes refuses only what would really cost memory.
//!
//! Handlers authenticate before reserving a body, so an anonymous request never reserves memory.
//! This module knows nothing of routes or tickets.

use std::sync::Arc;

use axum::http::{HeaderMap, header};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::{ApiError, MAX_BODY_BYTES};

/// Requests that may wait for the core at once.
pub const MAX_IN_FLIGHT: usize = 1024;

/// Bytes of request bodies the desk holds at once: 16 bodies at the largest size (~816 MiB).
pub const BODY_BUDGET_BYTES: usize = 16 * MAX_BODY_BYTES;

/// Seconds a client is asked to wait when a gate is full.
pub const RETRY_AFTER_SECONDS: u64 = 1;

/// The budget counts KiB, not bytes: a semaphore's permits are capped (`usize::MAX >> 3`, too
/// few for 816 MiB of bytes on a 32-bit target) and taken at most `u32::MAX` at a time.
const UNIT: usize = 1024;

/// The in-flight gate.
#[derive(Clone)]
pub struct InFlight(Arc<Semaphore>);

impl InFlight {
    pub fn new(permits: usize) -> InFlight {
        InFlight(Arc::new(Semaphore::new(permits)))
    }

    /// A permit to call the core, or 429.
    pub fn enter(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        Arc::clone(&self.0)
            .try_acquire_owned()
            .map_err(|_| ApiError::rate_limited("other requests", RETRY_AFTER_SECONDS))
    }
}

/// The body budget.
#[derive(Clone)]
pub struct BodyBudget(Arc<Semaphore>);

impl BodyBudget {
    pub fn new(bytes: usize) -> BodyBudget {
        BodyBudget(Arc::new(Semaphore::new(bytes.div_ceil(UNIT))))
    }

    /// Reserve room for the body of a request with `headers`, before reading it; the body is
    /// released with the returned permit. 429 when the budget is spent.
    pub fn reserve(&self, headers: &HeaderMap) -> Result<OwnedSemaphorePermit, ApiError> {
        let units = declared_size(headers).div_ceil(UNIT);
        // At most MAX_BODY_BYTES / UNIT, far below u32::MAX.
        let units = u32::try_from(units).unwrap_or(u32::MAX);
        Arc::clone(&self.0)
            .try_acquire_many_owned(units)
            .map_err(|_| {
                ApiError::rate_limited(
                    "other uploads (their bodies are held in memory until handled)",
                    RETRY_AFTER_SECONDS,
                )
            })
    }
}

/// What a body may occupy: its `Content-Length`, capped at the body limit (a longer one is
/// refused 413 while reading), or the limit itself when no length is declared.
fn declared_size(headers: &HeaderMap) -> usize {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<usize>().ok())
        .map_or(MAX_BODY_BYTES, |length| length.min(MAX_BODY_BYTES))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderValue, StatusCode};

    fn with_length(length: usize) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        headers
    }

    #[test]
    fn a_body_reserves_its_declared_length_or_the_whole_limit() {
        assert_eq!(declared_size(&with_length(2_000)), 2_000);
        assert_eq!(declared_size(&with_length(usize::MAX)), MAX_BODY_BYTES);
        assert_eq!(declared_size(&HeaderMap::new()), MAX_BODY_BYTES);
    }

    #[test]
    fn a_spent_budget_answers_429_until_a_body_is_released() {
        let budget = BodyBudget::new(2 * MAX_BODY_BYTES);
        let first = budget.reserve(&HeaderMap::new()).unwrap();
        let second = budget.reserve(&with_length(MAX_BODY_BYTES)).unwrap();
        let refused = budget.reserve(&with_length(10)).unwrap_err();
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(refused.retry_after, Some(RETRY_AFTER_SECONDS));
        assert!(refused.detail.message.contains("uploads"));
        drop(first);
        let small: Vec<_> = (0..1000)
            .map(|_| budget.reserve(&with_length(4_000)).unwrap())
            .collect();
        drop((second, small));
    }

    #[test]
    fn the_default_budget_takes_16_of_the_largest_bodies() {
        let budget = BodyBudget::new(BODY_BUDGET_BYTES);
        let held: Vec<_> = (0..16)
            .map(|_| budget.reserve(&HeaderMap::new()).unwrap())
            .collect();
        assert!(budget.reserve(&HeaderMap::new()).is_err());
        drop(held);
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
