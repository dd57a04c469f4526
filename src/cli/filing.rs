//! What `new` and `bulk` share when they file: a validated ticket turned into a create request
//! (with the idempotency key derived from it), and the words for a refused duplicate.

use crate::client::{CreateRequest, RequestError, Upload};
use crate::domain::screenshot::Screenshot;
use crate::domain::ticket::{Ticket, idempotency_key};
use crate::domain::tracking::TrackingNumber;

/// The create request for a ticket. The key is derived from the normalized ticket, so sending the
/// same checklist again (a retry, a re-run) answers with the same ticket.
pub fn create_request(
    ticket: &Ticket,
    screenshots: Vec<Screenshot>,
    force_new: bool,
) -> CreateRequest {
    CreateRequest {
        input: ticket.to_input(),
        idempotency_key: Some(idempotency_key(ticket, &screenshots)),
        attachments: screenshots
            .into_iter()
            .map(|shot| Upload {
                name: shot.name,
                bytes: shot.bytes,
            })
            .collect(),
        force_new,
    }
}

/// The open ticket a `duplicate` refusal names.
pub fn existing_ticket(refusal: &RequestError) -> Option<TrackingNumber> {
    match refusal {
        RequestError::Refused { detail, .. } => detail.tracking_number,
        _ => None,
    }
}

/// Why a ticket was not filed as a duplicate, and the two ways on; `anyway` says how to file it
/// all the same ("file a separate ticket anyway with --force-new").
pub fn duplicate_message(refusal: &RequestError, ticket: &Ticket, anyway: &str) -> String {
    let existing = existing_ticket(refusal)
        .map(|tn| tn.to_string())
        .unwrap_or_else(|| "an open ticket".into());
    format!(
        "order {} of {} already has an open ticket, {existing}; don't file duplicates: follow up \
         on it with `cartsaver-support reply {existing} --message TEXT`, or {anyway}",
        ticket.order, ticket.store
    )
}
