//! A remote `cartsaver-desk` over HTTP(S) (SPEC §7), with reqwest's blocking client over rustls.
//!
//! Every request has one deadline, retries and their waits included (`--http-timeout`, 45 s by
//! default), and each attempt a shorter one, so a desk that accepts and never answers costs a
//! bounded wait; an answer is read up to [`MAX_ANSWER_BYTES`] and refused past it. Kept-alive
//! connections; the full error chain in messages. Requests that are safe to repeat (reads, and
//! creates, which carry an `Idempotency-Key`) are retried on transient failures with the same
//! key, so a retry never makes a second ticket; when the answer to one is lost, the error says
//! what may have happened and what is safe to do.

use std::error::Error as _;
use std::io::Read as _;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::blocking::{Client, RequestBuilder, Response, multipart};
use reqwest::header::RETRY_AFTER;
use serde::de::DeserializeOwned;
use url::Url;

use crate::api::{
    ErrorBody, FORCE_NEW_PARAM, Health, IDEMPOTENCY_KEY_HEADER, LoginRequest, LoginStarted,
    LoginToken, LoginVerify, NewMessage, REPLAYED_HEADER, Stats, TicketPage, TicketView, TokenView,
};
use crate::desk::{CreateRequest, Created, ListFilter, Upload};
use crate::domain::calendar::Calendar;
use crate::domain::tracking::TrackingNumber;

use super::{Desk, Polled, RequestError};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// One attempt of a request without attachments: a desk answers those in milliseconds.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(15);
const ATTEMPTS: u32 = 3;
const LONGEST_WAIT: Duration = Duration::from_secs(10);
/// The largest answer read: a ticket with a long thread is far below it (a page of the list is
/// at most 500 summaries of about 1 KiB).
pub const MAX_ANSWER_BYTES: u64 = 8 * 1024 * 1024;

/// What to do when a create may have reached the desk and its answer was lost.
const CREATE_MAY_EXIST: &str = "the ticket may have been filed; running the same command again is safe: the desk answers with the same ticket and never files a second one";
/// The same, for a follow-up message (which carries no idempotency key).
const MESSAGE_MAY_EXIST: &str = "the message may have been received; check with `cartsaver-support status` before sending it again";

pub struct HttpDesk {
    client: Client,
    base: Url,
    token: Option<String>,
    /// One request's deadline, retries included.
    deadline: Duration,
}

/// Whether a request may be sent again after a failure that may have reached the desk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Repeat {
    /// Reads, resolves and keyed creates: repeating changes nothing.
    Safe,
    /// A message: repeat only when the connection was never made.
    OnlyIfNotSent,
}

impl HttpDesk {
    pub fn new(
        base: Url,
        token: Option<String>,
        deadline: Duration,
    ) -> Result<HttpDesk, anyhow::Error> {
        let client = Client::builder()
            .connect_timeout(CONNECT_TIMEOUT.min(deadline))
            .user_agent(concat!("cartsaver-support/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| anyhow::anyhow!("cannot set up the HTTP client: {}", chain(&error)))?;
        Ok(HttpDesk {
            client,
            base,
            token,
            deadline,
        })
    }

    fn url(&self, path: &str) -> Url {
        // `base` always ends with `/` and `path` never starts with one, so join keeps the base path.
        self.base.join(path).unwrap_or_else(|_| self.base.clone())
    }

    fn authorized(&self, request: RequestBuilder) -> RequestBuilder {
        match &self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    /// Send (again, when allowed, worth it and within the deadline) and read the JSON answer and
    /// whether it was a replay. `lost` says what to do should the answer be lost after a request
    /// that changes something may have reached the desk (`None` for reads); `upload` lets one attempt take the whole deadline.
    fn send<T: DeserializeOwned>(
        &self,
        repeat: Repeat,
        lost: Option<&'static str>,
        upload: bool,
        build: impl Fn() -> RequestBuilder,
    ) -> Result<(T, bool), RequestError> {
        let started = Instant::now();
        let mut attempt = 1;
        let mut reached = false;
        loop {
            let left = self.deadline.saturating_sub(started.elapsed());
            let limit = if upload {
                left
            } else {
                left.min(ATTEMPT_TIMEOUT)
            };
            let outcome = self.authorized(build()).timeout(limit).send();
            if let Err(error) = &outcome {
                reached |= !error.is_connect();
            }
            let wait = match &outcome {
                Err(error) if attempt < ATTEMPTS => retry_wait(repeat, error, attempt),
                Ok(response) if attempt < ATTEMPTS && repeat == Repeat::Safe => {
                    transient_status_wait(response, attempt)
                }
                _ => None,
            };
            // A retry that could not start before the deadline is not worth its wait.
            let wait = wait.filter(|wait| {
                started.elapsed() + *wait + Duration::from_millis(100) < self.deadline
            });
            if let Some(wait) = wait {
                std::thread::sleep(wait);
                attempt += 1;
                continue;
            }
            return match outcome {
                Ok(response) => self.read(response, lost),
                Err(error) => Err(RequestError::Unreachable {
                    desk: self.base.to_string(),
                    reason: self.reason(&error, started),
                    maybe_received: lost.filter(|_| reached),
                }),
            };
        }
    }

    /// A failed request that files nothing (a long poll, a token's revocation), so there is no
    /// ticket it may have filed to report.
    fn unreached(&self, error: &reqwest::Error, started: Instant) -> RequestError {
        RequestError::Unreachable {
            desk: self.base.to_string(),
            reason: self.reason(error, started),
            maybe_received: None,
        }
    }

    /// Why an attempt failed, with the deadline when it was what ran out.
    fn reason(&self, error: &reqwest::Error, started: Instant) -> String {
        if error.is_timeout() {
            format!(
                "no answer after {:.0} s (--http-timeout {} s, {ATTEMPTS} attempts at most): {}",
                started.elapsed().as_secs_f64(),
                self.deadline.as_secs(),
                chain(error)
            )
        } else {
            chain(error)
        }
    }

    fn read<T: DeserializeOwned>(
        &self,
        response: Response,
        lost: Option<&'static str>,
    ) -> Result<(T, bool), RequestError> {
        let status = response.status();
        let replayed = response
            .headers()
            .get(REPLAYED_HEADER)
            .is_some_and(|value| value.as_bytes().eq_ignore_ascii_case(b"true"));
        let body = self.answer_bytes(response, lost)?;
        if status.is_success() {
            return serde_json::from_slice(&body)
                .map(|value| (value, replayed))
                .map_err(|error| RequestError::Protocol {
                    desk: self.base.to_string(),
                    reason: error.to_string(),
                });
        }
        match serde_json::from_slice::<ErrorBody>(&body) {
            Ok(error) => Err(RequestError::Refused {
                status: status.as_u16(),
                detail: error.error,
            }),
            Err(_) => Err(RequestError::Protocol {
                desk: self.base.to_string(),
                reason: format!("HTTP {status}: {}", excerpt(&body)),
            }),
        }
    }

    /// The answer's bytes, at most [`MAX_ANSWER_BYTES`]: an answer that says it is longer, or
    /// turns out to be, is refused before it is kept.
    fn answer_bytes(
        &self,
        response: Response,
        lost: Option<&'static str>,
    ) -> Result<Vec<u8>, RequestError> {
        let too_large = || RequestError::Protocol {
            desk: self.base.to_string(),
            reason: format!(
                "its answer is larger than {} MiB, more than any answer of a Cartsaver desk",
                MAX_ANSWER_BYTES / (1024 * 1024)
            ),
        };
        if response
            .content_length()
            .is_some_and(|length| length > MAX_ANSWER_BYTES)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        response
            .take(MAX_ANSWER_BYTES + 1)
            .read_to_end(&mut body)
            .map_err(|error| RequestError::Unreachable {
                desk: self.base.to_string(),
                reason: format!("the answer was cut off: {error}"),
                maybe_received: lost,
            })?;
        if body.len() as u64 > MAX_ANSWER_BYTES {
            return Err(too_large());
        }
        Ok(body)
    }

    fn tickets_url(&self, tracking: &TrackingNumber, tail: &str) -> Url {
        self.url(&format!("v1/tickets/{tracking}{tail}"))
    }
}

/// Login and the caller's own token (`cartsaver-support login`, `logout`, `doctor`): requests
/// outside the [`Desk`] trait, since a login has no token yet and the embedded desk needs none.
impl HttpDesk {
    /// `POST /v1/login`: ask for a code mailed to `email`.
    pub fn request_login(&self, store: &str, email: &str) -> Result<LoginStarted, RequestError> {
        let url = self.url("v1/login");
        let body = LoginRequest {
            store: store.to_string(),
            email: email.to_string(),
        };
        self.send(Repeat::OnlyIfNotSent, None, false, || {
            self.client.post(url.clone()).json(&body)
        })
        .map(|(started, _)| started)
    }

    /// `POST /v1/login/verify`: the code for a new token named `name`.
    pub fn verify_login(&self, body: &LoginVerify) -> Result<LoginToken, RequestError> {
        let url = self.url("v1/login/verify");
        self.send(Repeat::OnlyIfNotSent, None, false, || {
            self.client.post(url.clone()).json(body)
        })
        .map(|(token, _)| token)
    }

    /// `GET /v1/token`: the store and name of this desk's token.
    pub fn token_info(&self) -> Result<TokenView, RequestError> {
        let url = self.url("v1/token");
        self.send(Repeat::Safe, None, false, || self.client.get(url.clone()))
            .map(|(view, _)| view)
    }

    /// `DELETE /v1/token`: revoke this desk's token.
    pub fn revoke_own_token(&self) -> Result<(), RequestError> {
        let url = self.url("v1/token");
        let started = Instant::now();
        let response = self
            .authorized(self.client.delete(url))
            .timeout(self.deadline.min(ATTEMPT_TIMEOUT))
            .send()
            .map_err(|error| self.unreached(&error, started))?;
        if response.status().is_success() {
            return Ok(());
        }
        self.read::<serde_json::Value>(response, None).map(drop)
    }
}

impl Desk for HttpDesk {
    /// The long poll: `GET /v1/tickets/{tn}?wait=` with `If-None-Match`, one attempt, whose
    /// deadline is the wait plus one request's (`--http-timeout` applies to each poll).
    fn wait_for_change(
        &self,
        tracking: &TrackingNumber,
        etag: Option<&str>,
        wait: Duration,
    ) -> Result<Polled, RequestError> {
        let mut url = self.tickets_url(tracking, "");
        let seconds = wait.as_secs().clamp(1, crate::api::MAX_WAIT_SECONDS);
        url.query_pairs_mut()
            .append_pair(crate::api::WAIT_PARAM, &format!("{seconds}s"));
        let mut request = self.authorized(self.client.get(url));
        if let Some(etag) = etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        let started = Instant::now();
        let limit = Duration::from_secs(seconds) + self.deadline.min(ATTEMPT_TIMEOUT);
        let response = request
            .timeout(limit)
            .send()
            .map_err(|error| self.unreached(&error, started))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Polled::Unchanged);
        }
        if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
            let asked = response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.trim().parse::<u64>().ok())
                .unwrap_or(5);
            return Ok(Polled::RetryAfter(Duration::from_secs(asked.max(1))));
        }
        let etag = response
            .headers()
            .get(reqwest::header::ETAG)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string);
        let (view, _) = self.read::<TicketView>(response, None)?;
        Ok(Polled::Changed(Box::new(view), etag))
    }

    fn describe(&self) -> String {
        self.base.to_string()
    }

    fn is_local(&self) -> bool {
        false
    }

    fn create(&self, request: CreateRequest) -> Result<Created, RequestError> {
        let mut url = self.url("v1/tickets");
        if request.force_new {
            url.query_pairs_mut().append_pair(FORCE_NEW_PARAM, "true");
        }
        let body = serde_json::to_vec(&request.input).map_err(|error| RequestError::Protocol {
            desk: self.base.to_string(),
            reason: format!("cannot encode the ticket: {error}"),
        })?;
        let build = || {
            let mut builder = self.client.post(url.clone());
            if let Some(key) = &request.idempotency_key {
                builder = builder.header(IDEMPOTENCY_KEY_HEADER, key);
            }
            if request.attachments.is_empty() {
                builder
                    .header("content-type", "application/json")
                    .body(body.clone())
            } else {
                builder.multipart(multipart_form("ticket", &body, &request.attachments))
            }
        };
        // Without a key a repeat could file twice; the CLI always sends one.
        let repeat = if request.idempotency_key.is_some() {
            Repeat::Safe
        } else {
            Repeat::OnlyIfNotSent
        };
        let upload = !request.attachments.is_empty();
        let (ticket, replayed) = self.send(repeat, Some(CREATE_MAY_EXIST), upload, build)?;
        Ok(Created { ticket, replayed })
    }

    fn ticket(&self, tracking: &TrackingNumber) -> Result<TicketView, RequestError> {
        let url = self.tickets_url(tracking, "");
        self.send(Repeat::Safe, None, false, || self.client.get(url.clone()))
            .map(|(view, _)| view)
    }

    fn list(&self, filter: &ListFilter) -> Result<TicketPage, RequestError> {
        let mut url = self.url("v1/tickets");
        {
            let mut query = url.query_pairs_mut();
            if let Some(status) = filter.status {
                query.append_pair("status", status.name());
            }
            if let Some(order) = &filter.order {
                query.append_pair("order", order);
            }
            if let Some(limit) = filter.limit {
                query.append_pair("limit", &limit.to_string());
            }
            if let Some(cursor) = &filter.cursor {
                query.append_pair("cursor", cursor);
            }
        }
        self.send(Repeat::Safe, None, false, || self.client.get(url.clone()))
            .map(|(page, _)| page)
    }

    fn reply(
        &self,
        tracking: &TrackingNumber,
        body: &str,
        attachments: Vec<Upload>,
    ) -> Result<TicketView, RequestError> {
        let url = self.tickets_url(tracking, "/messages");
        let json = serde_json::to_vec(&NewMessage {
            body: body.to_string(),
        })
        .expect("a message always encodes");
        let build = || {
            let builder = self.client.post(url.clone());
            if attachments.is_empty() {
                builder
                    .header("content-type", "application/json")
                    .body(json.clone())
            } else {
                builder.multipart(multipart_form("message", &json, &attachments))
            }
        };
        self.send(
            Repeat::OnlyIfNotSent,
            Some(MESSAGE_MAY_EXIST),
            !attachments.is_empty(),
            build,
        )
        .map(|(view, _)| view)
    }

    fn resolve(&self, tracking: &TrackingNumber) -> Result<TicketView, RequestError> {
        let url = self.tickets_url(tracking, "/resolve");
        self.send(
            Repeat::Safe,
            Some("the ticket may be resolved already; running the same command again is safe"),
            false,
            || self.client.post(url.clone()),
        )
        .map(|(view, _)| view)
    }

    fn stats(&self) -> Result<Stats, RequestError> {
        let url = self.url("v1/stats");
        self.send(Repeat::Safe, None, false, || self.client.get(url.clone()))
            .map(|(stats, _)| stats)
    }

    fn calendar(&self) -> Result<Calendar, RequestError> {
        let url = self.url("v1/calendar");
        self.send(Repeat::Safe, None, false, || self.client.get(url.clone()))
            .map(|(calendar, _)| calendar)
    }

    fn health(&self) -> Result<Health, RequestError> {
        let url = self.url("v1/health");
        self.send(Repeat::Safe, None, false, || self.client.get(url.clone()))
            .map(|(health, _)| health)
    }
}

/// A multipart body: the JSON part, then one `attachment` part per file.
fn multipart_form(json_part: &'static str, json: &[u8], attachments: &[Upload]) -> multipart::Form {
    let json = multipart::Part::bytes(json.to_vec())
        .mime_str("application/json")
        .expect("a valid MIME type");
    let mut form = multipart::Form::new().part(json_part, json);
    for upload in attachments {
        let part = multipart::Part::bytes(upload.bytes.clone()).file_name(upload.name.clone());
        form = form.part("attachment", part);
    }
    form
}

/// How long to wait before repeating after a failed send, or `None` to give up.
fn retry_wait(repeat: Repeat, error: &reqwest::Error, attempt: u32) -> Option<Duration> {
    let transient = error.is_connect() || error.is_timeout() || error.is_request();
    let allowed = match repeat {
        Repeat::Safe => transient,
        Repeat::OnlyIfNotSent => error.is_connect(),
    };
    allowed.then(|| backoff(attempt))
}

/// 429 and gateway errors are worth one more try; `Retry-After` is honoured up to a limit.
fn transient_status_wait(response: &Response, attempt: u32) -> Option<Duration> {
    let status = response.status();
    let transient = status == StatusCode::TOO_MANY_REQUESTS
        || status == StatusCode::BAD_GATEWAY
        || status == StatusCode::SERVICE_UNAVAILABLE
        || status == StatusCode::GATEWAY_TIMEOUT;
    if !transient {
        return None;
    }
    let asked = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    Some(asked.unwrap_or_else(|| backoff(attempt)).min(LONGEST_WAIT))
}

fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(250 * 2u64.pow(attempt))
}

/// An error and all its causes: `error sending request: connection refused (os error 111)`.
pub fn chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.chars().count() > 200 {
        format!("{}…", text.chars().take(200).collect::<String>())
    } else {
        text.to_string()
    }
}
