//! The desk's HTTP API (SPEC §7; `docs/openapi.yaml`): an axum router that puts [`DeskCore`]
//! behind JSON over HTTP.
//!
//! Owns the wire: routes, authentication headers, body and query parsing, status codes, and the
//! hop from async handlers to the synchronous core (`spawn_blocking`). It must not hold ticket
//! rules: validation, store isolation, idempotency and the duplicate guard are the core's.
//!
//! Load is bounded at three depths: connections (`connections.rs`: how many, header and idle
//! timeouts, a shutdown deadline), bodies (`body.rs`: a minimum pace; `gate.rs`: a budget of
//! body bytes reserved as they arrive, with a share per store and a cap on large uploads per
//! token), and calls into the core (`gate.rs`: an in-flight gate). Past a gate the answer is 429
//! with `Retry-After`. Every handler authenticates first, so an anonymous request holds nothing.

mod auth;
mod body;
pub mod connections;
pub mod error;
mod gate;
mod inbox;
mod login_routes;
mod long_poll;
pub mod mailer;
mod meta;
pub mod ops;
mod query;
pub mod routes;
pub mod smtp_listen;
mod ticket_routes;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use chrono::{DateTime, Utc};
use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::desk::{DeskCore, DeskError, Scope};
use crate::domain::screenshot::{MAX_SCREENSHOT_BYTES, MAX_SCREENSHOTS};

pub use body::Pace;
pub use connections::Limits;
pub use error::ApiError;
pub use gate::{BODY_BUDGET_BYTES, BodyLimits, MAX_IN_FLIGHT};
pub use routes::Endpoint;

/// The largest request body: every screenshot a ticket may carry, at their largest, plus 1 MiB for
/// the ticket JSON and the multipart framing.
pub const MAX_BODY_BYTES: usize = MAX_SCREENSHOTS * MAX_SCREENSHOT_BYTES as usize + 1024 * 1024;

/// How the desk bounds what clients hold: connections, body pace, body memory.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tuning {
    pub connections: Limits,
    pub pace: Pace,
    pub bodies: BodyLimits,
}

/// What every handler shares: the core, the clock and the gates.
#[derive(Clone)]
pub struct AppState {
    core: Arc<DeskCore>,
    clock: Clock,
    in_flight: gate::InFlight,
    bodies: gate::BodyBudget,
    pace: Pace,
    metrics: Arc<ops::Metrics>,
    recent: Arc<auth::RecentTokens>,
    /// Whether the inbox's cookies are `Secure`: yes unless the desk listens on loopback.
    secure_cookies: bool,
}

impl AppState {
    pub fn new(core: DeskCore, clock: Clock, tuning: &Tuning) -> AppState {
        AppState {
            core: Arc::new(core),
            clock,
            in_flight: gate::InFlight::new(MAX_IN_FLIGHT),
            bodies: gate::BodyBudget::new(tuning.bodies),
            pace: tuning.pace,
            metrics: Arc::new(ops::Metrics::new()),
            recent: Arc::new(auth::RecentTokens::new()),
            secure_cookies: true,
        }
    }

    /// Say where the desk listens: on loopback the inbox's cookies are not `Secure` (a browser
    /// on this machine reaches it over plain HTTP) unless `secure` (`serve --cookie-secure`, for
    /// a TLS proxy on this machine); anywhere else they are (SPEC §10).
    pub fn listening_on(mut self, address: std::net::SocketAddr, secure: bool) -> AppState {
        self.secure_cookies = secure || !address.ip().is_loopback();
        self
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The clock requests are stamped with (`CARTSAVER_NOW` or the system's).
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// The core, for work beside the requests (the mail sender).
    pub fn core(&self) -> Arc<DeskCore> {
        Arc::clone(&self.core)
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

    /// The scope of a bearer token: the store it belongs to. A token checked a moment ago is
    /// taken at its word here (no hop to the core): [`AppState::run_as`] checks it again.
    async fn authenticate(&self, token: String) -> Result<Scope, ApiError> {
        if let Some(store) = self.recent.get(&token) {
            return Ok(Scope::Store(store));
        }
        let recent = Arc::clone(&self.recent);
        self.run(move |core, now| {
            let store = core.authenticate(&token, now)?;
            recent.remember(&token, &store);
            Ok(Scope::Store(store))
        })
        .await
    }

    /// Run `job` for the caller of `token`, checking the token again first, in the same hop: a
    /// token revoked since [`AppState::authenticate`] is refused here (401).
    async fn run_as<T, F>(&self, token: String, job: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&DeskCore, &Scope, DateTime<Utc>) -> Result<T, DeskError> + Send + 'static,
    {
        let recent = Arc::clone(&self.recent);
        self.run(move |core, now| {
            let store = core
                .authenticate(&token, now)
                .inspect_err(|_| recent.forget(&token))?;
            job(core, &Scope::Store(store), now)
        })
        .await
    }

    /// The scope of the request's bearer token, and the token (for the body budget).
    async fn caller(&self, headers: &axum::http::HeaderMap) -> Result<Caller, ApiError> {
        let token = auth::bearer_token(headers)?;
        let scope = self.authenticate(token.clone()).await?;
        Ok(Caller { scope, token })
    }

    /// Read the body of an authenticated request, metered into the budget of its store.
    async fn body<T: serde::de::DeserializeOwned>(
        &self,
        caller: &Caller,
        request: axum::extract::Request,
        part: &'static str,
    ) -> Result<body::Document<T>, ApiError> {
        let store = match &caller.scope {
            Scope::Store(store) => store.as_str(),
            Scope::Everything => "",
        };
        let reservation = self.bodies.open(store, &caller.token);
        body::read(request, part, reservation, self.pace).await
    }
}

/// Who sent a request: the token's scope, and the token itself (kept only for the request).
struct Caller {
    scope: Scope,
    token: String,
}

/// The API, ready to serve.
pub fn router(state: AppState) -> Router {
    routes::router(state)
}

/// The metrics listener's router (`GET /metrics`), over the same state as the API.
pub fn metrics_router(state: AppState) -> Router {
    ops::metrics_router(state)
}

/// Serve on `listener` until `shutdown` completes, then finish the requests in flight (for at
/// most `limits.shutdown_grace`).
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    connections::serve(listener, router(state), limits, shutdown).await
}
