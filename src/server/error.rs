//! Every refusal the API gives, and its one wire form: an HTTP status with `api::ErrorBody`.
//!
//! Owns the mapping from `DeskError` (and from what axum refuses before a handler runs) to status
//! codes. It must not decide anything about tickets: the core does that.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::{ErrorBody, ErrorCode, ErrorDetail, REPLAYED_HEADER};
use crate::desk::DeskError;
use crate::desk::answer::field_problem;
use crate::domain::FieldError;

/// An API refusal: status, code, message and the details that go with it.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub detail: ErrorDetail,
    /// Seconds to wait, sent as `Retry-After` (with 429).
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            detail: ErrorDetail {
                code,
                message: message.into(),
                fields: Vec::new(),
                tracking_number: None,
            },
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, message)
    }

    pub fn too_large(problem: &FieldError) -> ApiError {
        let mut error = ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::TooLarge,
            problem.to_string(),
        );
        error.detail.fields = vec![field_problem(problem)];
        error
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            message,
        )
    }

    /// 429: the desk is busy with `what` beyond what it will queue; retry after `seconds`.
    pub fn rate_limited(what: &str, seconds: u64) -> ApiError {
        let mut error = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::RateLimited,
            format!("the desk is busy with {what}; retry in {seconds} s"),
        );
        error.retry_after = Some(seconds);
        error
    }
}

/// The core's refusals, in the one wire form they share with the embedded desk
/// (`desk::answer`).
///
/// A storage failure is the exception: its detail (SQLite's words, file paths) is for the
/// operator, so it goes to the desk's stderr and the client gets a generic message.
impl From<DeskError> for ApiError {
    fn from(error: DeskError) -> ApiError {
        if let DeskError::Storage(detail) = &error {
            tracing::error!("desk storage error: {detail}");
            return ApiError::internal(STORAGE_FAILED);
        }
        let status =
            StatusCode::from_u16(error.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        ApiError {
            status,
            detail: error.detail(),
            retry_after: None,
        }
    }
}

/// What a client is told when the database failed.
const STORAGE_FAILED: &str = "the desk could not store or read the ticket; try again later, and tell the desk's operator if it persists";

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status;
        let retry_after = self.retry_after;
        let mut response = (status, Json(ErrorBody { error: self.detail })).into_response();
        let headers = response.headers_mut();
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// `Idempotent-Replayed: true`, for a create answered from an earlier request.
pub fn replayed_header() -> (&'static str, HeaderValue) {
    (REPLAYED_HEADER, HeaderValue::from_static("true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limited_sends_retry_after_and_unauthorized_a_challenge() {
        let response = ApiError::rate_limited("other requests", 2).into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "2");
        let response = ApiError::from(DeskError::Unauthorized).into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[header::WWW_AUTHENTICATE], "Bearer");
    }

    #[test]
    fn a_storage_failure_tells_the_client_nothing_of_its_detail() {
        let error = ApiError::from(DeskError::Storage(
            "disk I/O error at /srv/desk/desk.sqlite3".to_string(),
        ));
        assert_eq!(error.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(error.detail.code, ErrorCode::Internal);
        assert_eq!(error.detail.message, STORAGE_FAILED);
        assert!(!error.detail.message.contains("desk.sqlite3"));
    }
}
