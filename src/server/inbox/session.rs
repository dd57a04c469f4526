//! Who is asking the inbox: the agent of the session cookie, as an extractor ([`Agent`]), so no
//! handler can forget it; the cookies themselves; the CSRF check every form goes through.
//!
//! The session cookie holds a random id (the core keeps its hash); it is `HttpOnly`,
//! `SameSite=Strict`, `Path=/inbox`, and `Secure` unless the desk listens on loopback (a browser
//! on the same machine reaches it over plain HTTP; anywhere else it is behind TLS). A request
//! with an `Authorization` header is refused: store tokens are the merchant API's, never the
//! inbox's. The sign-in form has its own CSRF token, under a short-lived pre-session cookie.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::views;
use crate::server::AppState;

/// The session cookie.
pub const SESSION_COOKIE: &str = "cs_session";
/// The sign-in form's pre-session cookie (for its CSRF token).
pub const SIGNIN_COOKIE: &str = "cs_signin";

/// A signed-in agent, and what their forms need.
#[derive(Debug, Clone)]
pub struct Agent {
    pub email: String,
    /// The CSRF token of this session's forms.
    pub csrf: String,
    session_id: String,
}

impl Agent {
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// What the page header shows.
    pub fn header(&self) -> views::AgentHeader {
        views::AgentHeader {
            email: self.email.clone(),
            csrf: self.csrf.clone(),
        }
    }
}

impl FromRequestParts<AppState> for Agent {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Agent, Response> {
        if parts.headers.contains_key(header::AUTHORIZATION) {
            return Err(views::Problem::new(
                StatusCode::FORBIDDEN,
                "Not for store tokens",
                "a store token (an Authorization header) does not open the support inbox; it is for the merchant API under /v1. Agents sign in at /inbox/login",
            )
            .into_response());
        }
        let Some(id) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(to_sign_in(state, None));
        };
        let looked_up = id.clone();
        let found = state
            .run(move |core, now| core.session(&looked_up, now))
            .await
            .map_err(|error| views::Problem::from_api(error, None).into_response())?;
        match found {
            Some(session) => Ok(Agent {
                email: session.email,
                csrf: session.csrf,
                session_id: id,
            }),
            None => Err(to_sign_in(
                state,
                Some("your session has ended (signed out, or unused for two hours); sign in again"),
            )),
        }
    }
}

/// The answer to a request without a live session: to the sign-in page (a form post that lost
/// its session also lands there, with the reason).
fn to_sign_in(state: &AppState, reason: Option<&str>) -> Response {
    let mut response = Redirect::to(match reason {
        Some(_) => "/inbox/login?ended=1",
        None => "/inbox/login",
    })
    .into_response();
    if reason.is_some() {
        response.headers_mut().append(
            header::SET_COOKIE,
            expired_cookie(SESSION_COOKIE, "/inbox", state.secure_cookies)
                .parse()
                .expect("a valid cookie header"),
        );
    }
    response
}

/// The value of cookie `name`, from every `Cookie` header.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

/// A `Set-Cookie` value: `HttpOnly`, `SameSite=Strict`, `Secure` when `secure`.
pub fn set_cookie(name: &str, value: &str, path: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}")
}

/// A `Set-Cookie` value that removes cookie `name`.
pub fn expired_cookie(name: &str, path: &str, secure: bool) -> String {
    set_cookie(name, "", path, 0, secure)
}

/// Refuse a form whose CSRF token is not this session's.
pub fn check_csrf(state: &AppState, agent: &Agent, given: &str) -> Result<(), Box<Response>> {
    if state.core.csrf_matches(agent.session_id(), given) {
        Ok(())
    } else {
        Err(Box::new(csrf_refused(Some(agent.header()))))
    }
}

/// The page of a form refused for its CSRF token.
pub fn csrf_refused(agent: Option<views::AgentHeader>) -> Response {
    views::Problem::new(
        StatusCode::FORBIDDEN,
        "Form refused",
        "the form's CSRF token is missing or belongs to another session, so it was not sent by a page of this inbox; reload the page and send the form again",
    )
    .back("/inbox")
    .agent(agent)
    .into_response()
}

/// The client's address, for counting its failed sign-ins.
pub fn client(connect: Option<ConnectInfo<SocketAddr>>) -> String {
    connect.map_or_else(|| "unknown".to_string(), |info| info.0.ip().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cookies_are_read_from_every_header_and_written_with_their_flags() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; cs_session=abc"),
        );
        headers.append(header::COOKIE, HeaderValue::from_static("b=2"));
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "b").as_deref(), Some("2"));
        assert_eq!(cookie(&headers, "c"), None);
        let set = set_cookie(SESSION_COOKIE, "abc", "/inbox", 60, true);
        assert_eq!(
            set,
            "cs_session=abc; Path=/inbox; Max-Age=60; HttpOnly; SameSite=Strict; Secure"
        );
        assert!(!set_cookie(SESSION_COOKIE, "abc", "/inbox", 60, false).contains("Secure"));
    }
}
