//! The support inbox in a browser (SPEC §10), served at `/inbox` by `cartsaver-desk serve`: the
//! HTTP side only — routes, cookies, forms, the security headers, and the askama templates in
//! `templates/` beside this folder's handlers (checked at compile time, auto-escaped).
//!
//! Files: `session.rs` (who is asking: the agent of the session cookie, as an extractor; the
//! cookies and the CSRF check of every form), `pages.rs` (the handlers: sign-in, queue, ticket,
//! attachments, reply, note, status, dashboard), `views.rs` (desk answers as template values),
//! `style.css` (the one stylesheet). Every rule (passwords, sessions, notes, the queue's order
//! and search, replies and their mail) is the desk core's; no SQL here.
//!
//! Plain forms that post and redirect (303), so it works without JavaScript; there is none.
//! Every answer carries a Content-Security-Policy without `unsafe-inline` (styles only from
//! `/inbox/style.css`, images only from the desk, no script at all), `frame-ancestors 'none'`,
//! `Referrer-Policy: no-referrer` and `nosniff`; pages `Cache-Control: no-store` (the stylesheet
//! is cached for an hour, an attachment privately for five minutes, with a `sandbox` CSP).

mod pages;
mod session;
mod views;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post};

use super::AppState;

/// The inbox's route templates, for the request log.
pub const ROUTES: [&str; 11] = [
    "/inbox",
    "/inbox/login",
    "/inbox/logout",
    "/inbox/style.css",
    "/inbox/dashboard",
    "/inbox/tickets/{tn}",
    "/inbox/tickets/{tn}/reply",
    "/inbox/tickets/{tn}/note",
    "/inbox/tickets/{tn}/status",
    "/inbox/tickets/{tn}/attachments/{n}",
    "/inbox/",
];

/// The CSP of every inbox answer: nothing runs, styles and images come from the desk alone.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inbox", get(pages::queue))
        .route("/inbox/", get(pages::queue))
        .route("/inbox/login", get(pages::login_form).post(pages::login))
        .route("/inbox/logout", post(pages::logout))
        .route("/inbox/style.css", get(pages::stylesheet))
        .route("/inbox/dashboard", get(pages::dashboard))
        .route("/inbox/tickets/{tn}", get(pages::ticket))
        .route("/inbox/tickets/{tn}/reply", post(pages::reply))
        .route("/inbox/tickets/{tn}/note", post(pages::note))
        .route("/inbox/tickets/{tn}/status", post(pages::status))
        .route(
            "/inbox/tickets/{tn}/attachments/{n}",
            get(pages::attachment),
        )
        .layer(axum::middleware::from_fn(security_headers))
}

/// The headers of every inbox answer (an attachment keeps its own stricter CSP).
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    };
    set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    set(header::REFERRER_POLICY, "no-referrer");
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::CACHE_CONTROL, "no-store");
    response
}
