//! Login by emailed code and the caller's own token, on the wire: `POST /v1/login`,
//! `POST /v1/login/verify` (both anonymous: the code is the credential), `GET /v1/token` (the
//! store and name of the caller's token, for `doctor`) and `DELETE /v1/token` (`logout`).
//!
//! Bodies are small JSON read here, at most [`MAX_LOGIN_BODY`]; the rules (codes, tries, rate
//! limits, the same answer for an unknown store) are the core's (`desk/login.rs`). The client's
//! address is the TCP peer's (`connections.rs` puts it on the request): a desk behind a reverse
//! proxy sees the proxy's, and its per-client limit is then one for everyone behind it.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::api::{ErrorCode, LoginRequest, LoginStarted, LoginToken, LoginVerify, TokenView};
use crate::desk::{DeskError, LoginLimits, LoginRequested, LoginVerified};
use crate::domain::FieldError;
use crate::domain::email::{Email, parse_email};
use crate::domain::store::{StoreUrl, parse_store};

use super::{ApiError, AppState, auth};

/// The largest login body read: a store URL, an address, a code and a name.
const MAX_LOGIN_BODY: usize = 8 * 1024;

const CODE_SECONDS: u64 = 10 * 60;

fn client(request: &Request) -> Option<std::net::IpAddr> {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip())
}

async fn json_body<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
    let bytes = axum::body::to_bytes(request.into_body(), MAX_LOGIN_BODY)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::TooLarge,
                format!("a login body is at most {MAX_LOGIN_BODY} bytes of JSON"),
            )
        })?;
    serde_json::from_slice(&bytes).map_err(|error| {
        ApiError::bad_request(format!(
            "the body is not the JSON this route takes ({error}); send {{\"store\": URL, \"email\": ADDRESS}} (and \"code\" to verify)"
        ))
    })
}

/// The store and address, or every problem with them at once (422).
fn store_and_email(store: &str, email: &str) -> Result<(StoreUrl, Email), ApiError> {
    let store = parse_store(store);
    let email = parse_email(email);
    match (store, email) {
        (Ok(store), Ok(email)) => Ok((store.value, email.value)),
        (store, email) => {
            let problems: Vec<FieldError> =
                [store.err(), email.err()].into_iter().flatten().collect();
            Err(ApiError::from(DeskError::Invalid(problems)))
        }
    }
}

fn rate_limited(seconds: u64) -> ApiError {
    let mut error = ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::RateLimited,
        format!(
            "too many login requests for this store, address or client address; retry in {seconds} s"
        ),
    );
    error.retry_after = Some(seconds);
    error
}

/// `POST /v1/login`: 202, the same answer whether or not the store or address is known.
pub async fn login(State(state): State<AppState>, request: Request) -> Result<Response, ApiError> {
    let ip = client(&request);
    let body: LoginRequest = json_body(request).await?;
    let (store, email) = store_and_email(&body.store, &body.email)?;
    let shown = email.as_str().to_string();
    let outcome = state
        .run(move |core, now| core.request_login(&LoginLimits::default(), &store, &email, ip, now))
        .await?;
    match outcome {
        LoginRequested::Accepted => Ok((
            StatusCode::ACCEPTED,
            Json(LoginStarted {
                message: format!(
                    "if {shown} is registered for the store, a code is on its way to it; it works once, for 10 minutes"
                ),
                expires_in: CODE_SECONDS,
            }),
        )
            .into_response()),
        LoginRequested::RateLimited { seconds } => Err(rate_limited(seconds)),
    }
}

/// `POST /v1/login/verify`: 200 with a new token, or 401 for any code that does not work.
pub async fn verify(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<LoginToken>, ApiError> {
    let ip = client(&request);
    let body: LoginVerify = json_body(request).await?;
    let (store, email) = store_and_email(&body.store, &body.email)?;
    let name = body.name.unwrap_or_default();
    let code = body.code;
    let outcome = state
        .run(move |core, now| {
            core.verify_login(
                &LoginLimits::default(),
                &store,
                &email,
                &code,
                &name,
                ip,
                now,
            )
        })
        .await?;
    match outcome {
        LoginVerified::Token { token, store, name } => Ok(Json(LoginToken {
            token,
            store: store.as_str().to_string(),
            name,
        })),
        LoginVerified::Refused => Err(ApiError::unauthorized(
            "the code is wrong, expired (10 minutes), used already, or was tried 5 times; ask for a new one with `cartsaver-support login`",
        )),
        LoginVerified::RateLimited { seconds } => Err(rate_limited(seconds)),
    }
}

/// `GET /v1/token`: the caller's token's store and name.
pub async fn show_token(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<TokenView>, ApiError> {
    let token = auth::bearer_token(&headers)?;
    state.authenticate(token.clone()).await?;
    let info = state
        .run_as(token.clone(), move |core, _scope, _now| {
            core.token_info(&token)
        })
        .await?;
    Ok(Json(TokenView {
        store: info.store,
        name: info.name,
        created_at: info.created_at,
    }))
}

/// `DELETE /v1/token`: revoke the caller's token (`logout`); 204, and 401 from then on.
pub async fn revoke_token(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let token = auth::bearer_token(&headers)?;
    state.authenticate(token.clone()).await?;
    let recent = std::sync::Arc::clone(&state.recent);
    state
        .run_as(token.clone(), move |core, _scope, now| {
            recent.forget(&token);
            core.revoke_token(&token, now)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
