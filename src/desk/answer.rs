//! How a refusal of the desk is told to a client: the HTTP status and the `api::ErrorDetail`.
//! One mapping, used by the HTTP server and by the embedded desk, so that a merchant sees the
//! same answer from either.

use crate::api::{ErrorDetail, FieldProblem};
use crate::domain::FieldError;

use super::DeskError;

impl DeskError {
    /// The HTTP status of this refusal.
    pub fn http_status(&self) -> u16 {
        match self {
            DeskError::Invalid(_) => 422,
            DeskError::TooLarge(_) => 413,
            DeskError::NotFound(_) => 404,
            DeskError::Unauthorized => 401,
            DeskError::Duplicate { .. } | DeskError::IdempotencyConflict(_) => 409,
            DeskError::BadRequest(_) => 400,
            DeskError::Storage(_) => 500,
        }
    }

    /// The body of the refusal: a stable code, a message, and the bad fields.
    pub fn detail(&self) -> ErrorDetail {
        let code = match self {
            DeskError::Invalid(_) => "invalid",
            DeskError::TooLarge(_) => "too_large",
            DeskError::NotFound(_) => "not_found",
            DeskError::Unauthorized => "unauthorized",
            DeskError::Duplicate { .. } => "duplicate",
            DeskError::IdempotencyConflict(_) => "idempotency_conflict",
            DeskError::BadRequest(_) => "bad_request",
            DeskError::Storage(_) => "internal",
        };
        let fields = match self {
            DeskError::Invalid(errors) => errors.iter().map(field_problem).collect(),
            DeskError::TooLarge(error) => vec![field_problem(error)],
            _ => Vec::new(),
        };
        let tracking_number = match self {
            DeskError::Duplicate { existing, .. } => Some(*existing),
            _ => None,
        };
        ErrorDetail {
            code: code.to_string(),
            message: self.to_string(),
            fields,
            tracking_number,
        }
    }
}

pub fn field_problem(error: &FieldError) -> FieldProblem {
    FieldProblem {
        field: error.field.name().to_string(),
        code: error.code.to_string(),
        message: error.message.clone(),
        input: (!error.input.is_empty()).then(|| error.input.clone()),
    }
}
