//! What an operator sees of the running desk: one log line per request, a request id on every
//! answer, and Prometheus metrics.
//!
//! - Every request passes through [`observe`]: it takes the client's `X-Request-Id` (printable
//!   ASCII, at most 128 characters) or makes one, returns it on the answer, and logs one line
//!   through `tracing`: method, route template (`/v1/tickets/{tn}`, never the tracking number or
//!   query), status, duration and request id. Never a header value, a body, a token or a PIN.
//! - [`Metrics`]: requests by method, route and status; a latency histogram by route; tickets
//!   created (and replays); calls into the core in flight. `GET /metrics` on `--metrics-listen`
//!   serves them in the Prometheus text format.
//!
//! Knows no ticket rules; the handlers tell it only that a ticket was created.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use rand::Rng;

use super::AppState;

/// The header that carries a request's id both ways.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The longest request id taken from a client; a longer or unprintable one is replaced.
const MAX_REQUEST_ID: usize = 128;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CreateLabels {
    outcome: String,
}

/// The desk's metrics, shared by every handler.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    created: Family<CreateLabels, Counter>,
    in_flight: Gauge,
    pool: Family<PoolLabels, Gauge>,
    mail_queued: Gauge,
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("cartsaver_desk");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route template and status",
            requests.clone(),
        );
        // 0.25 ms to about 4 s.
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.000_25, 2.0, 15))
        });
        registry.register(
            "http_request_duration_seconds",
            "Time from the request's head to the answer, by route template",
            latency.clone(),
        );
        let created = Family::<CreateLabels, Counter>::default();
        registry.register(
            "tickets_created",
            "Creates answered with a ticket: outcome `created` (new) or `replayed`",
            created.clone(),
        );
        let in_flight = Gauge::default();
        registry.register(
            "core_calls_in_flight",
            "Calls into the desk core (the database) running or queued now",
            in_flight.clone(),
        );
        let pool = Family::<PoolLabels, Gauge>::default();
        registry.register(
            "db_pool_connections",
            "PostgreSQL connections of this instance's pool, by state (`in_use`, `idle`)",
            pool.clone(),
        );
        let mail_queued = Gauge::default();
        registry.register(
            "mail_queued",
            "Outgoing mails waiting to be sent (queued, not sent nor failed)",
            mail_queued.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            created,
            in_flight,
            pool,
            mail_queued,
        }
    }

    /// A create answered: a new ticket, or a replay of an earlier one.
    pub fn ticket_filed(&self, replayed: bool) {
        let outcome = if replayed { "replayed" } else { "created" };
        self.created
            .get_or_create(&CreateLabels {
                outcome: outcome.to_string(),
            })
            .inc();
    }

    fn answered(&self, method: &str, route: &str, status: StatusCode, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_string(),
                route: route.to_string(),
                status: status.as_u16().to_string(),
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_string(),
            })
            .observe(seconds);
    }

    /// The text exposition, with the in-flight gauge and the pool (PostgreSQL) read now, and
    /// the mail queue's length when the database answered.
    pub fn render(
        &self,
        in_flight: usize,
        pool: Option<crate::desk::PoolState>,
        mail_queued: Option<i64>,
    ) -> String {
        let gauge = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        self.in_flight.set(gauge(in_flight));
        if let Some(queued) = mail_queued {
            self.mail_queued.set(queued);
        }
        if let Some(pool) = pool {
            for (state, n) in [("in_use", pool.in_use), ("idle", pool.idle)] {
                self.pool
                    .get_or_create(&PoolLabels {
                        state: state.to_string(),
                    })
                    .set(gauge(n));
            }
        }
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics::new()
    }
}

/// The middleware: request id in and out, one log line, the request counted.
pub async fn observe(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request_id(request.headers().get(&REQUEST_ID));
    let method = request.method().as_str().to_string();
    // The template, so that no tracking number or query reaches the log; unknown paths are one
    // bucket, whatever was asked.
    let route = route_of(request.uri().path()).to_string();
    if let Ok(value) = HeaderValue::from_str(&id) {
        request.headers_mut().insert(REQUEST_ID, value);
    }
    let mut response = next.run(request).await;
    let status = response.status();
    let elapsed = started.elapsed();
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    state
        .metrics
        .answered(&method, &route, status, elapsed.as_secs_f64());
    tracing::info!(
        target: "cartsaver_desk::request",
        method = %method,
        route = %route,
        status = status.as_u16(),
        duration_ms = (elapsed.as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
        request_id = %id,
        "request"
    );
    response
}

/// The route template a path falls under (`/v1/tickets/{tn}`), or `unmatched`. Worked out here
/// because this middleware runs before the router has matched.
fn route_of(path: &str) -> &'static str {
    let asked: Vec<&str> = path.split('/').collect();
    super::Endpoint::ALL
        .iter()
        .map(|endpoint| endpoint.path())
        .chain(super::inbox::ROUTES)
        .find(|template| {
            let parts: Vec<&str> = template.split('/').collect();
            parts.len() == asked.len()
                && parts
                    .iter()
                    .zip(&asked)
                    .all(|(part, given)| part.starts_with('{') || part == given)
        })
        .unwrap_or("unmatched")
}

/// The client's id when it is a plain token of printable ASCII, else a new random one.
fn request_id(given: Option<&HeaderValue>) -> String {
    given
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|id| {
            !id.is_empty() && id.len() <= MAX_REQUEST_ID && id.bytes().all(|b| b.is_ascii_graphic())
        })
        .map_or_else(new_request_id, str::to_string)
}

fn new_request_id() -> String {
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `GET /metrics` of the metrics listener.
pub async fn metrics(State(state): State<AppState>) -> Response {
    let queued = state.run(|core, _| core.mail_waiting()).await.ok();
    let text = state
        .metrics
        .render(state.in_flight.in_use(), state.core.pool(), queued);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// The metrics listener's routes: `/metrics` alone.
pub fn metrics_router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route("/metrics", axum::routing::get(metrics))
        .with_state(state)
}

/// Log lines on stderr: `text` (one human line each) or `json` (one object per line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// Send `tracing` events to stderr in `format`. Once per process; later calls change nothing.
pub fn init_logging(format: LogFormat) {
    let builder = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clients_request_id_is_kept_only_when_it_is_plain() {
        let keep = HeaderValue::from_static("req-42:abc");
        assert_eq!(request_id(Some(&keep)), "req-42:abc");
        for bad in ["", "has space", &"x".repeat(129)] {
            let value = HeaderValue::from_str(bad).unwrap();
            let id = request_id(Some(&value));
            assert_eq!(id.len(), 32, "{bad:?} replaced: {id}");
            assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
        }
        assert_ne!(request_id(None), request_id(None));
    }

    #[test]
    fn paths_are_named_by_their_route_template() {
        assert_eq!(route_of("/v1/tickets/CS-7KQ-2M4-X9C"), "/v1/tickets/{tn}");
        assert_eq!(
            route_of("/v1/tickets/x/messages"),
            "/v1/tickets/{tn}/messages"
        );
        assert_eq!(route_of("/v1/tickets"), "/v1/tickets");
        assert_eq!(route_of("/v1/nothing"), "unmatched");
        assert_eq!(route_of("/v1/tickets/a/b/c"), "unmatched");
    }

    #[test]
    fn metrics_render_in_the_prometheus_text_format() {
        let metrics = Metrics::new();
        metrics.answered("GET", "/v1/tickets/{tn}", StatusCode::NOT_FOUND, 0.002);
        metrics.ticket_filed(false);
        let pool = crate::desk::PoolState {
            in_use: 2,
            idle: 14,
        };
        let text = metrics.render(3, Some(pool), Some(4));
        assert!(text.contains("cartsaver_desk_mail_queued 4"), "{text}");
        assert!(
            text.contains(
                r#"cartsaver_desk_http_requests_total{method="GET",route="/v1/tickets/{tn}",status="404"} 1"#
            ),
            "{text}"
        );
        assert!(
            text.contains("cartsaver_desk_http_request_duration_seconds_bucket"),
            "{text}"
        );
        assert!(
            text.contains(r#"cartsaver_desk_tickets_created_total{outcome="created"} 1"#),
            "{text}"
        );
        assert!(
            text.contains("cartsaver_desk_core_calls_in_flight 3"),
            "{text}"
        );
        assert!(
            text.contains(r#"cartsaver_desk_db_pool_connections{state="idle"} 14"#),
            "{text}"
        );
    }
}
