//! Request bodies: a JSON document alone (`Content-Type: application/json`), or multipart with
//! the document in a named part (`ticket`, `message`) and files in `attachment` parts.
//!
//! Owns the shape of the body and the limits that can be told while reading: the body limit,
//! 10 MiB per attachment (refused before the whole file is kept), and the pace. Every chunk is
//! metered as it arrives: its bytes are reserved in the body budget (`gate.rs`, 429 when a bound
//! is full), a body that stalls for [`Pace::read_timeout`] or falls below [`Pace::min_rate`]
//! after [`Pace::grace`] is cut off with 408, and what it held is released. The document must
//! be a JSON object: serde would otherwise read a struct from an array (`[]` would be "fields
//! missing"). What the fields and files mean is the core's to judge.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};
use futures_util::StreamExt as _;
use serde::de::DeserializeOwned;

use crate::api::ErrorCode;
use crate::desk::Upload;
use crate::domain::screenshot::{MAX_SCREENSHOT_BYTES, too_large_error};

use super::gate::Reservation;
use super::{ApiError, MAX_BODY_BYTES};

/// The part of a multipart body that holds files.
pub const ATTACHMENT_PART: &str = "attachment";

/// How fast a body must arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// Longest wait for the next bytes.
    pub read_timeout: Duration,
    /// Bytes per second, on average, once `grace` has passed.
    pub min_rate: u64,
    pub grace: Duration,
}

impl Default for Pace {
    /// 10 s without a byte, or under 32 KiB/s after 10 s: a 51 MiB upload may take 27 minutes.
    fn default() -> Pace {
        Pace {
            read_timeout: Duration::from_secs(10),
            min_rate: 32 * 1024,
            grace: Duration::from_secs(10),
        }
    }
}

/// A document (the ticket, the message) and its attachments, as sent.
pub struct Document<T> {
    pub value: T,
    pub attachments: Vec<Upload>,
    /// The body's room in the budget: held as long as the document is, so the attachments count
    /// until the handler has handed them to the core and got its answer.
    _reserved: Arc<Mutex<Meter>>,
}

/// Read `request`'s body as JSON or multipart, metered into `reservation` at `pace`; `part`
/// names the multipart part that carries the JSON document.
pub async fn read<T: DeserializeOwned>(
    request: Request,
    part: &'static str,
    reservation: Reservation,
    pace: Pace,
) -> Result<Document<T>, ApiError> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    let meter = Arc::new(Mutex::new(Meter::new(reservation, pace)));
    let (parts, body) = request.into_parts();
    let request = Request::from_parts(parts, metered(body, Arc::clone(&meter)));
    let read = if essence == "multipart/form-data" {
        read_multipart(request, part).await
    } else if essence.is_empty() || essence == "application/json" || essence.ends_with("+json") {
        match Bytes::from_request(request, &()).await {
            Ok(bytes) => parse_json(&bytes, part).map(|value| (value, Vec::new())),
            Err(rejection) => Err(body_failure(rejection.status(), rejection.body_text())),
        }
    } else {
        return Err(ApiError::bad_request(format!(
            "Content-Type `{content_type}` is not accepted; send application/json, or multipart/form-data with a `{part}` JSON part and `{ATTACHMENT_PART}` file parts"
        )));
    };
    // What the meter refused (too slow, over budget) is the real reason a read failed.
    if let Some(refusal) = lock(&meter).refusal.take() {
        return Err(refusal);
    }
    let (value, attachments) = read?;
    Ok(Document {
        value,
        attachments,
        _reserved: meter,
    })
}

/// The reservation and pace of one body, and the refusal that cut it off, if one did.
struct Meter {
    reservation: Reservation,
    pace: Pace,
    started: Instant,
    refusal: Option<ApiError>,
}

impl Meter {
    fn new(reservation: Reservation, pace: Pace) -> Meter {
        Meter {
            reservation,
            pace,
            started: Instant::now(),
            refusal: None,
        }
    }

    /// How long the next bytes may take, or 408 when the body is already too slow.
    fn wait_for_next(&self) -> Result<Duration, ApiError> {
        let elapsed = self.started.elapsed();
        let received = self.reservation.bytes() as u64;
        // The average rate falls below `min_rate` at `grace + received / min_rate`.
        let rate = self.pace.min_rate.max(1);
        let due = self.pace.grace + Duration::from_secs_f64(received as f64 / rate as f64);
        match due.checked_sub(elapsed) {
            Some(left) if !left.is_zero() => Ok(left.min(self.pace.read_timeout)),
            _ => Err(too_slow(format!(
                "the request body arrived too slowly ({} KiB in {:.0} s; the desk needs at least {} KiB/s after the first {} s); send it again over a faster connection",
                received / 1024,
                elapsed.as_secs_f64(),
                self.pace.min_rate / 1024,
                self.pace.grace.as_secs()
            ))),
        }
    }

    fn stalled(&self) -> ApiError {
        too_slow(format!(
            "the request body stopped arriving (nothing for {} s after {} bytes); send the whole body at once",
            self.pace.read_timeout.as_secs(),
            self.reservation.bytes()
        ))
    }

    /// Count `bytes` that arrived.
    fn take(&mut self, bytes: usize) -> Result<(), ApiError> {
        if self.reservation.bytes() + bytes > MAX_BODY_BYTES {
            return Err(body_failure(StatusCode::PAYLOAD_TOO_LARGE, String::new()));
        }
        self.reservation.grow(bytes)
    }
}

fn too_slow(message: String) -> ApiError {
    ApiError::new(StatusCode::REQUEST_TIMEOUT, ErrorCode::Timeout, message)
}

fn lock(meter: &Mutex<Meter>) -> std::sync::MutexGuard<'_, Meter> {
    meter.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `body`, with every chunk counted by `meter` and each wait bounded by its pace. On a refusal
/// the stream ends with an error, and the refusal is kept in the meter for [`read`] to answer.
fn metered(body: Body, meter: Arc<Mutex<Meter>>) -> Body {
    let chunks =
        futures_util::stream::unfold(Some((body.into_data_stream(), meter)), |state| async move {
            let (mut stream, meter) = state?;
            let refuse = |refusal: ApiError| {
                let reason = refusal.detail.message.clone();
                lock(&meter).refusal = Some(refusal);
                Some((Err(std::io::Error::other(reason)), None))
            };
            let wait = match lock(&meter).wait_for_next() {
                Ok(wait) => wait,
                Err(refusal) => return refuse(refusal),
            };
            let next = tokio::time::timeout(wait, stream.next()).await;
            match next {
                Err(_elapsed) => {
                    let meter_now = lock(&meter);
                    // Either the read timeout or the rate deadline came first: say which.
                    let refusal = meter_now
                        .wait_for_next()
                        .err()
                        .unwrap_or_else(|| meter_now.stalled());
                    drop(meter_now);
                    refuse(refusal)
                }
                Ok(None) => None,
                Ok(Some(Err(failure))) => Some((Err(std::io::Error::other(failure)), None)),
                Ok(Some(Ok(chunk))) => {
                    let taken = lock(&meter).take(chunk.len());
                    match taken {
                        Ok(()) => Some((Ok(chunk), Some((stream, meter)))),
                        Err(refusal) => refuse(refusal),
                    }
                }
            }
        });
    Body::from_stream(chunks)
}

async fn read_multipart<T: DeserializeOwned>(
    request: Request,
    part: &'static str,
) -> Result<(T, Vec<Upload>), ApiError> {
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|rejection| body_failure(rejection.status(), rejection.body_text()))?;
    let mut document: Option<T> = None;
    let mut attachments = Vec::new();
    loop {
        let field = multipart
            .next_field()
            .await
            .map_err(|failure| body_failure(failure.status(), failure.body_text()))?;
        let Some(mut field) = field else { break };
        let name = field.name().unwrap_or("").to_string();
        if name == part {
            if document.is_some() {
                return Err(ApiError::bad_request(format!(
                    "the multipart body has more than one `{part}` part; send the {part} once"
                )));
            }
            let bytes = field
                .bytes()
                .await
                .map_err(|failure| body_failure(failure.status(), failure.body_text()))?;
            document = Some(parse_json(&bytes, part)?);
        } else if name == ATTACHMENT_PART {
            let file_name = field
                .file_name()
                .map(str::to_string)
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| format!("attachment-{}", attachments.len() + 1));
            let mut bytes = Vec::new();
            while let Some(chunk) = field
                .chunk()
                .await
                .map_err(|failure| body_failure(failure.status(), failure.body_text()))?
            {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > MAX_SCREENSHOT_BYTES {
                    let size = bytes.len() as u64;
                    drop(bytes);
                    let size = size + skip_rest(&mut field).await;
                    return Err(ApiError::too_large(&too_large_error(&file_name, size)));
                }
            }
            // Growing by doubling may have left up to twice the file's size allocated.
            bytes.shrink_to_fit();
            attachments.push(Upload {
                name: file_name,
                bytes,
            });
        } else {
            return Err(ApiError::bad_request(format!(
                "unknown multipart part `{name}`; the parts are `{part}` (JSON) and `{ATTACHMENT_PART}` (files, repeatable)"
            )));
        }
    }
    let value = document.ok_or_else(|| {
        ApiError::bad_request(format!(
            "the multipart body has no `{part}` part; put the {part} JSON in a part named `{part}`"
        ))
    })?;
    Ok((value, attachments))
}

/// Read the rest of an oversized file without keeping it, to tell its real size. The body limit
/// still applies: when it cuts the file short, the size read so far is what is told.
async fn skip_rest(field: &mut axum::extract::multipart::Field<'_>) -> u64 {
    let mut skipped = 0;
    while let Ok(Some(chunk)) = field.chunk().await {
        skipped += chunk.len() as u64;
    }
    skipped
}

/// The document: a JSON object whose keys serde checks.
fn parse_json<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, ApiError> {
    if let Some(other) = not_an_object(bytes) {
        return Err(ApiError::bad_request(format!(
            "the {what} must be a JSON object, {{\"key\": value, ...}}, not {other}; docs/openapi.yaml lists the keys and their types"
        )));
    }
    serde_json::from_slice(bytes).map_err(|error| {
        ApiError::bad_request(format!(
            "the {what} is not valid: {error}; docs/openapi.yaml lists the keys and their types"
        ))
    })
}

/// What the document is instead of an object, told by its first character (whitespace aside);
/// `None` for an object, whole or broken (serde then says what is wrong inside it).
fn not_an_object(bytes: &[u8]) -> Option<&'static str> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    Some(match first {
        b'{' => return None,
        b'[' => "an array",
        b'"' => "a string",
        b'-' | b'0'..=b'9' => "a number",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        // Not JSON at all: serde's "expected value at line 1 column 1" says so.
        _ => return None,
    })
}

/// What axum refused while reading the body: over the limit (413), or malformed (400).
fn body_failure(status: StatusCode, text: String) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::TooLarge,
            format!(
                "the request body is larger than {} MiB; send at most 5 screenshots of at most 10 MiB each",
                MAX_BODY_BYTES / (1024 * 1024)
            ),
        )
    } else {
        ApiError::new(
            status,
            ErrorCode::BadRequest,
            format!("the request body could not be read: {text}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::NewMessage;
    use crate::domain::ticket::TicketInput;

    #[test]
    fn unknown_key_is_named_with_the_known_ones() {
        let error = parse_json::<TicketInput>(br#"{"stor": "x"}"#, "ticket").unwrap_err();
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
        assert!(
            error.detail.message.contains("`stor`"),
            "{}",
            error.detail.message
        );
        assert!(
            error.detail.message.contains("`allow_access`"),
            "{}",
            error.detail.message
        );
    }

    #[test]
    fn malformed_json_says_what_serde_said() {
        let error = parse_json::<TicketInput>(b"{\"store\": ", "ticket").unwrap_err();
        assert!(
            error.detail.message.contains("EOF"),
            "{}",
            error.detail.message
        );
        let error = parse_json::<TicketInput>(br#"{"urgent": "yes"}"#, "ticket").unwrap_err();
        assert!(
            error.detail.message.contains("expected a boolean"),
            "{}",
            error.detail.message
        );
    }

    #[test]
    fn a_document_that_is_not_an_object_is_refused_saying_so() {
        for (body, what) in [
            ("[]", "an array"),
            (" \n[{\"store\": \"x\"}]", "an array"),
            ("\"store\"", "a string"),
            ("42", "a number"),
            ("null", "null"),
            ("true", "a boolean"),
        ] {
            let error = parse_json::<TicketInput>(body.as_bytes(), "ticket").unwrap_err();
            assert_eq!(error.status, StatusCode::BAD_REQUEST, "{body}");
            let message = &error.detail.message;
            assert!(
                message.contains("must be a JSON object"),
                "{body}: {message}"
            );
            assert!(message.contains(what), "{body}: {message}");
        }
        let error = parse_json::<NewMessage>(b"[\"hello\"]", "message").unwrap_err();
        assert!(
            error
                .detail
                .message
                .starts_with("the message must be a JSON object")
        );
    }
}
