//! The long poll of `GET /v1/tickets/{tn}?wait=DURATION` (SPEC §11, `cartsaver-support watch`):
//! every answer carries the ticket's `ETag` ([`ticket_etag`]); a request whose `If-None-Match`
//! names the current one is held until the ticket changes (a support message, a status change:
//! whatever moves the ETag) or the wait passes, then answered 200 with the ticket or 304.
//!
//! The wait reads the database every [`POLL_EVERY`], through the core as any request does (the
//! token checked again each time), so a change written by another desk process on the same
//! database is seen as soon as one written by this one: no in-process notification to miss.
//! A wait is cut to [`MAX_WAIT_SECONDS`]; while it lasts it holds a connection but no call into
//! the core, and no in-flight permit.

use std::time::{Duration, Instant};

use axum::Json;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::{MAX_WAIT_SECONDS, ticket_etag};
use crate::domain::tracking::TrackingNumber;

use super::{ApiError, AppState};

/// How often a held request looks at the ticket again.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// The tags of `If-None-Match`.
fn tags(headers: &HeaderMap) -> impl Iterator<Item = &str> {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
}

/// Whether `If-None-Match` names `etag` (or is `*`).
fn unchanged(headers: &HeaderMap, etag: &str) -> bool {
    tags(headers).any(|tag| tag == etag || tag == "*")
}

/// `If-None-Match: *` matches every version, so no change could end a wait: answered at once.
fn any_version(headers: &HeaderMap) -> bool {
    tags(headers).any(|tag| tag == "*")
}

/// The ticket now, or once it changes within `wait`.
pub async fn answer(
    state: &AppState,
    token: String,
    tracking: TrackingNumber,
    headers: &HeaderMap,
    wait: Option<Duration>,
) -> Result<Response, ApiError> {
    let wait = wait
        .unwrap_or(Duration::ZERO)
        .min(Duration::from_secs(MAX_WAIT_SECONDS));
    let until = Instant::now() + wait;
    loop {
        let view = state
            .run_as(token.clone(), move |core, scope, now| {
                core.ticket(scope, &tracking, now)
            })
            .await?;
        let etag = ticket_etag(&view);
        let tag = HeaderValue::from_str(&etag).expect("hex in quotes is a header value");
        if !unchanged(headers, &etag) {
            let mut response = Json(view).into_response();
            response.headers_mut().insert(header::ETAG, tag);
            return Ok(response);
        }
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || any_version(headers) {
            return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response());
        }
        tokio::time::sleep(left.min(POLL_EVERY)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_is_read_as_a_list_of_tags() {
        let mut headers = HeaderMap::new();
        assert!(!unchanged(&headers, "\"abc\""));
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"x\", W/\"abc\""),
        );
        assert!(unchanged(&headers, "\"abc\""));
        assert!(!unchanged(&headers, "\"abd\""));
        assert!(!any_version(&headers));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(unchanged(&headers, "\"anything\""));
        assert!(any_version(&headers));
    }
}
