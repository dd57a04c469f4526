//! The ticket endpoints: create, show, list, add a message, resolve. Each authenticates the token
//! first (an anonymous request is 401 whatever else is wrong with it), then reads the request, and
//! hands the work to the core in one hop, where the token is checked again (`AppState::run_as`).

use axum::Json;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::{Author, IDEMPOTENCY_KEY_HEADER, NewMessage, TicketPage, TicketView};
use crate::desk::CreateRequest;
use crate::domain::ticket::TicketInput;
use crate::domain::tracking::{TrackingNumber, parse_tracking};

use super::error::replayed_header;
use super::{ApiError, AppState, auth, long_poll, query};

/// `POST /v1/tickets`: 201 for a new ticket, 200 with `Idempotent-Replayed: true` for a replay.
pub async fn create(
    State(state): State<AppState>,
    RawQuery(raw_query): RawQuery,
    request: Request,
) -> Result<Response, ApiError> {
    let caller = state.caller(request.headers()).await?;
    let force_new = query::force_new(raw_query.as_deref())?;
    let idempotency_key = idempotency_key(request.headers())?;
    let document = state
        .body::<TicketInput>(&caller, request, "ticket")
        .await?;
    let created = state
        .run_as(caller.token, move |core, scope, now| {
            core.create_ticket(
                scope,
                CreateRequest {
                    input: document.value,
                    attachments: document.attachments,
                    idempotency_key,
                    force_new,
                },
                now,
            )
        })
        .await?;
    state.metrics.ticket_filed(created.replayed);
    let location = location(&created.ticket.tracking_number);
    let mut response = if created.replayed {
        let (name, value) = replayed_header();
        (StatusCode::OK, [(name, value)], Json(created.ticket)).into_response()
    } else {
        (StatusCode::CREATED, Json(created.ticket)).into_response()
    };
    if let Some(location) = location {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `GET /v1/tickets/{tn}`, with its `ETag`; with `If-None-Match` a 304 while the ticket is
/// unchanged, and with `?wait=` the long poll (`long_poll.rs`).
pub async fn show(
    State(state): State<AppState>,
    Path(tn): Path<String>,
    RawQuery(raw_query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let token = auth::bearer_token(&headers)?;
    state.authenticate(token.clone()).await?;
    let tracking = tracking_in_path(&tn)?;
    let wait = query::wait(raw_query.as_deref())?;
    long_poll::answer(&state, token, tracking, &headers, wait).await
}

/// `GET /v1/tickets?status=&order=&limit=&cursor=`: the store's tickets, newest first.
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw_query): RawQuery,
    headers: HeaderMap,
) -> Result<Json<TicketPage>, ApiError> {
    let token = auth::bearer_token(&headers)?;
    state.authenticate(token.clone()).await?;
    let filter = query::list_filter(raw_query.as_deref())?;
    let page = state
        .run_as(token, move |core, scope, now| {
            core.list(scope, &filter, now)
        })
        .await?;
    Ok(Json(page))
}

/// `POST /v1/tickets/{tn}/messages`: the merchant's follow-up; sets the ticket `open`.
pub async fn add_message(
    State(state): State<AppState>,
    Path(tn): Path<String>,
    request: Request,
) -> Result<Json<TicketView>, ApiError> {
    let caller = state.caller(request.headers()).await?;
    let tracking = tracking_in_path(&tn)?;
    let document = state
        .body::<NewMessage>(&caller, request, "message")
        .await?;
    let view = state
        .run_as(caller.token, move |core, scope, now| {
            core.add_message(
                scope,
                &tracking,
                Author::Merchant,
                &document.value.body,
                document.attachments,
                now,
            )
        })
        .await?;
    Ok(Json(view))
}

/// `POST /v1/tickets/{tn}/resolve`.
pub async fn resolve(
    State(state): State<AppState>,
    Path(tn): Path<String>,
    headers: HeaderMap,
) -> Result<Json<TicketView>, ApiError> {
    let token = auth::bearer_token(&headers)?;
    state.authenticate(token.clone()).await?;
    let tracking = tracking_in_path(&tn)?;
    let view = state
        .run_as(token, move |core, scope, now| {
            core.resolve(scope, &tracking, now)
        })
        .await?;
    Ok(Json(view))
}

/// A path segment that cannot be a tracking number names no ticket: 404, like an unknown one,
/// with the reason (a typo is the likely cause).
fn tracking_in_path(text: &str) -> Result<TrackingNumber, ApiError> {
    parse_tracking(text).map_err(|error| ApiError::not_found(format!("no ticket {text}: {error}")))
}

/// The `Idempotency-Key` header as text; the core checks what a key may be.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY_HEADER) else {
        return Ok(None);
    };
    let key = value.to_str().map_err(|_| {
        ApiError::bad_request(format!(
            "the {IDEMPOTENCY_KEY_HEADER} header must be printable ASCII, e.g. a UUID; leave it out to file without one"
        ))
    })?;
    Ok(Some(key.trim().to_string()))
}

fn location(tracking: &TrackingNumber) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!("/v1/tickets/{tracking}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_tracking_number_is_not_found_with_the_reason() {
        let error = tracking_in_path("CS-7KQ-2M4-X9D").unwrap_err();
        assert_eq!(error.status, StatusCode::NOT_FOUND);
        assert!(
            error.detail.message.contains("typo"),
            "{}",
            error.detail.message
        );
    }

    #[test]
    fn idempotency_key_is_optional_and_must_be_text() {
        assert_eq!(idempotency_key(&HeaderMap::new()).unwrap(), None);
        let mut headers = HeaderMap::new();
        headers.insert(IDEMPOTENCY_KEY_HEADER, HeaderValue::from_static(" k-1 "));
        assert_eq!(idempotency_key(&headers).unwrap().as_deref(), Some("k-1"));
        headers.insert(
            IDEMPOTENCY_KEY_HEADER,
            HeaderValue::from_bytes(b"caf\xe9").unwrap(),
        );
        assert_eq!(
            idempotency_key(&headers).unwrap_err().status,
            StatusCode::BAD_REQUEST
        );
    }
}
