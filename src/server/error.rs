//! Every refusal the API gives, and its one wire form: an HTTP status with `api::ErrorBody`.
//!
//! Owns the mapping from `DeskError` (and from what axum refuses before a handler runs) to status
//! codes. It must not decide anything about tickets: the core does that.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::{ErrorBody, ErrorDetail, FieldProblem, REPLAYED_HEADER};
use crate::desk::DeskError;
use crate::domain::FieldError;
use crate::domain::tracking::TrackingNumber;

/// An API refusal: status, code, message and the details that go with it.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub detail: ErrorDetail,
    /// Seconds to wait, sent as `Retry-After` (with 429).
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            detail: ErrorDetail {
                code: code.to_string(),
                message: message.into(),
                fields: Vec::new(),
                tracking_number: None,
            },
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn too_large(problem: &FieldError) -> ApiError {
        let mut error = ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            problem.to_string(),
        );
        error.detail.fields = vec![field_problem(problem)];
        error
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// 429: the desk has more requests in flight than it will queue; retry after `seconds`.
    pub fn rate_limited(seconds: u64) -> ApiError {
        let mut error = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!("the desk is busy with other requests; retry in {seconds} s"),
        );
        error.retry_after = Some(seconds);
        error
    }

    /// 422 with every bad field listed.
    pub fn invalid(problems: &[FieldError]) -> ApiError {
        let names: Vec<&str> = problems.iter().map(|p| p.field.name()).collect();
        let message = match problems {
            [one] => format!("{one}"),
            _ => format!(
                "{} fields are invalid ({}); each is listed in `fields` with how to fix it",
                problems.len(),
                names.join(", ")
            ),
        };
        let mut error = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message);
        error.detail.fields = problems.iter().map(field_problem).collect();
        error
    }
}

/// A field error as the wire carries it: `message` without the field and input in front, since
/// those travel beside it (a client rebuilds the `FieldError` and prints it its own way).
pub fn field_problem(error: &FieldError) -> FieldProblem {
    FieldProblem {
        field: error.field.name().to_string(),
        code: error.code.to_string(),
        message: error.message.clone(),
        input: (!error.input.is_empty()).then(|| error.input.clone()),
    }
}

impl From<DeskError> for ApiError {
    fn from(error: DeskError) -> ApiError {
        match error {
            DeskError::Invalid(problems) => ApiError::invalid(&problems),
            DeskError::TooLarge(problem) => ApiError::too_large(&problem),
            DeskError::NotFound(tn) => ApiError::not_found(format!(
                "ticket {tn} not found for this store token; check the number, or use the token of the store that filed it"
            )),
            DeskError::Unauthorized => ApiError::unauthorized(
                "the store token is unknown or revoked; ask support for a new one (cartsaver-desk token create)",
            ),
            DeskError::Duplicate {
                existing,
                store,
                order,
            } => duplicate(existing, &store, &order),
            DeskError::IdempotencyConflict(key) => ApiError::new(
                StatusCode::CONFLICT,
                "idempotency_conflict",
                format!(
                    "Idempotency-Key `{key}` was already used for a different ticket; use a new key for a new ticket, or resend the original body"
                ),
            ),
            DeskError::BadRequest(message) => ApiError::bad_request(message),
            DeskError::Storage(message) => {
                eprintln!("desk storage error: {message}");
                ApiError::internal(format!(
                    "the desk could not store or read the ticket ({message}); try again later"
                ))
            }
        }
    }
}

fn duplicate(existing: TrackingNumber, store: &str, order: &str) -> ApiError {
    let mut error = ApiError::new(
        StatusCode::CONFLICT,
        "duplicate",
        format!(
            "order {order} of {store} already has an open ticket, {existing}; add a message to it (POST /v1/tickets/{existing}/messages) or file anyway with ?force_new=true"
        ),
    );
    error.detail.tracking_number = Some(existing);
    error
}

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
    use crate::domain::Field;

    #[test]
    fn invalid_lists_every_field_with_its_input() {
        let problems = vec![
            FieldError::new(
                Field::Phone,
                "+20 10",
                "too_short",
                "too short for Egypt (+20)",
            ),
            FieldError::missing(Field::Store, "give the store URL"),
        ];
        let error = ApiError::invalid(&problems);
        assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error.detail.code, "invalid");
        assert_eq!(error.detail.fields.len(), 2);
        assert_eq!(error.detail.fields[0].field, "phone");
        assert_eq!(error.detail.fields[0].input.as_deref(), Some("+20 10"));
        assert_eq!(error.detail.fields[0].message, "too short for Egypt (+20)");
        assert_eq!(error.detail.fields[1].input, None);
        assert!(
            error.detail.message.contains("phone, store"),
            "{}",
            error.detail.message
        );
    }

    #[test]
    fn duplicate_carries_the_open_ticket() {
        let existing = TrackingNumber::generate();
        let error = ApiError::from(DeskError::Duplicate {
            existing,
            store: "https://cool-shop.myshopify.com".into(),
            order: "#1052".into(),
        });
        assert_eq!(error.status, StatusCode::CONFLICT);
        assert_eq!(error.detail.code, "duplicate");
        assert_eq!(error.detail.tracking_number, Some(existing));
        assert!(error.detail.message.contains("force_new=true"));
    }

    #[test]
    fn rate_limited_sends_retry_after_and_unauthorized_a_challenge() {
        let response = ApiError::rate_limited(2).into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "2");
        let response = ApiError::from(DeskError::Unauthorized).into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[header::WWW_AUTHENTICATE], "Bearer");
    }
}
