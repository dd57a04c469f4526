//! How a refusal of the desk is told to a client: the HTTP status number and the
//! `api::ErrorDetail`. One mapping, used by the HTTP server and by the CLI's embedded desk, so a
//! merchant reads the same answer from either. (A status number is all it knows of HTTP.)

use crate::api::{ErrorCode, ErrorDetail, FieldProblem};
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

    /// The body of the refusal: a stable code, a message that says how to fix it, the bad fields.
    pub fn detail(&self) -> ErrorDetail {
        let (code, message) = match self {
            DeskError::Invalid(problems) => (ErrorCode::Invalid, invalid_message(problems)),
            DeskError::TooLarge(problem) => (ErrorCode::TooLarge, problem.to_string()),
            DeskError::NotFound(tn) => (
                ErrorCode::NotFound,
                format!(
                    "ticket {tn} not found; check the number (`list` shows your tickets); a ticket of another store is not shown, so use the token of the store that filed it"
                ),
            ),
            DeskError::Unauthorized => (
                ErrorCode::Unauthorized,
                "the store token is unknown or revoked; ask support for a new one (cartsaver-desk token create)".into(),
            ),
            DeskError::Duplicate { existing, store, order } => (
                ErrorCode::Duplicate,
                format!(
                    "order {order} of {store} already has an open ticket, {existing}; add a message to it (POST /v1/tickets/{existing}/messages) or file anyway with ?force_new=true"
                ),
            ),
            DeskError::IdempotencyConflict(key) => (
                ErrorCode::IdempotencyConflict,
                format!(
                    "Idempotency-Key `{key}` was already used for a different ticket; use a new key for a new ticket, or resend the original body"
                ),
            ),
            DeskError::BadRequest(message) => (ErrorCode::BadRequest, message.clone()),
            DeskError::Storage(message) => (
                ErrorCode::Internal,
                format!("the desk could not store or read the ticket ({message}); try again later"),
            ),
        };
        let fields = match self {
            DeskError::Invalid(problems) => problems.iter().map(field_problem).collect(),
            DeskError::TooLarge(problem) => vec![field_problem(problem)],
            _ => Vec::new(),
        };
        let tracking_number = match self {
            DeskError::Duplicate { existing, .. } => Some(*existing),
            _ => None,
        };
        ErrorDetail {
            code,
            message,
            fields,
            tracking_number,
        }
    }
}

fn invalid_message(problems: &[FieldError]) -> String {
    match problems {
        [one] => one.to_string(),
        _ => {
            let names: Vec<&str> = problems.iter().map(|p| p.field.name()).collect();
            format!(
                "{} fields are invalid ({}); each is listed in `fields` with how to fix it",
                problems.len(),
                names.join(", ")
            )
        }
    }
}

/// A field error as the wire carries it: `message` without the field and input in front, since
/// those travel beside it (a client rebuilds the line and prints it its own way).
pub fn field_problem(error: &FieldError) -> FieldProblem {
    FieldProblem {
        field: error.field.name().to_string(),
        code: error.code.to_string(),
        message: error.message.clone(),
        input: (!error.input.is_empty()).then(|| error.input.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Field;
    use crate::domain::tracking::TrackingNumber;

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
        let error = DeskError::Invalid(problems);
        assert_eq!(error.http_status(), 422);
        let detail = error.detail();
        assert_eq!(detail.code, ErrorCode::Invalid);
        assert_eq!(detail.fields.len(), 2);
        assert_eq!(detail.fields[0].field, "phone");
        assert_eq!(detail.fields[0].input.as_deref(), Some("+20 10"));
        assert_eq!(detail.fields[0].message, "too short for Egypt (+20)");
        assert_eq!(detail.fields[1].input, None);
        assert!(
            detail.message.contains("phone, store"),
            "{}",
            detail.message
        );
    }

    #[test]
    fn duplicate_carries_the_open_ticket_and_the_fix() {
        let existing = TrackingNumber::generate();
        let error = DeskError::Duplicate {
            existing,
            store: "https://cool-shop.myshopify.com".into(),
            order: "#1052".into(),
        };
        assert_eq!(error.http_status(), 409);
        let detail = error.detail();
        assert_eq!(detail.code, ErrorCode::Duplicate);
        assert_eq!(detail.tracking_number, Some(existing));
        assert!(detail.message.contains("force_new=true"));
    }
}
