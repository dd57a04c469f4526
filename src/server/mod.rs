//! The desk's HTTP API (SPEC §7; `docs/openapi.yaml`): an axum router that puts [`DeskCore`]
//! behind JSON over HTTP.
//!
//! Owns the wire: routes, authentication headers, body and query parsing, status codes, and the
//! hop from async handlers to the synchronous core (`spawn_blocking`). It must not hold ticket
//! rules: validation, store isolation, idempotency and the duplicate guard are the core's.
//!
//! Load is bounded by two gates (`gate.rs`), both answered 429 with `Retry-After` when full: an
//! in-flight gate around every call into the core, and a budget of body bytes that a request
//! with a body reserves (by its `Content-Length`) before the body is read, so that memory stays
//! bounded however many large uploads arrive at once. Every handler authenticates first.

mod auth;
mod body;
pub mod error;
mod gate;
mod meta;
mod query;
pub mod routes;
mod tickets;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::serve::ListenerExt;
use chrono::{DateTime, Utc};
use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::desk::{DeskCore, DeskError, Scope};
use crate::domain::screenshot::{MAX_SCREENSHOT_BYTES, MAX_SCREENSHOTS};

pub use error::ApiError;
pub use gate::{BODY_BUDGET_BYTES, MAX_IN_FLIGHT};
pub use routes::Endpoint;

/// The largest request body: every screenshot a ticket may carry, at their largest, plus 1 MiB for
/// the ticket JSON and the multipart framing.
pub const MAX_BODY_BYTES: usize = MAX_SCREENSHOTS * MAX_SCREENSHOT_BYTES as usize + 1024 * 1024;

/// What every handler shares: the core, the clock and the gates.
#[derive(Clone)]
pub struct AppState {
    core: Arc<DeskCore>,
    clock: Clock,
    in_flight: gate::InFlight,
    bodies: gate::BodyBudget,
}

impl AppState {
    pub fn new(core: DeskCore, clock: Clock) -> AppState {
        AppState {
            core: Arc::new(core),
            clock,
            in_flight: gate::InFlight::new(MAX_IN_FLIGHT),
            bodies: gate::BodyBudget::new(BODY_BUDGET_BYTES),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Run `job` on the core off the async workers: the core is synchronous (SQLite).
    async fn run<T, F>(&self, job: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&DeskCore, DateTime<Utc>) -> Result<T, DeskError> + Send + 'static,
    {
        let permit = self.in_flight.enter()?;
        let core = Arc::clone(&self.core);
        let now = self.now();
        let outcome = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            job(&core, now)
        })
        .await
        .map_err(|failure| {
            ApiError::internal(format!("the desk failed handling the request: {failure}"))
        })?;
        outcome.map_err(ApiError::from)
    }

    /// The scope of a bearer token: the store it belongs to.
    async fn authenticate(&self, token: String) -> Result<Scope, ApiError> {
        self.run(move |core, _| core.authenticate(&token).map(Scope::Store))
            .await
    }
}

/// The API, ready to serve.
pub fn router(state: AppState) -> Router {
    routes::router(state)
}

/// Serve on `listener` until `shutdown` completes, then finish the requests in flight.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Small JSON answers: don't let Nagle's algorithm hold them back.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
