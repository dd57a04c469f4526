//! The API's routes, listed once: [`Endpoint::ALL`] builds the router and is what the test that
//! compares the served routes with `docs/openapi.yaml` enumerates.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{MethodRouter, delete, get, post};

use super::{AppState, MAX_BODY_BYTES, inbox, login_routes, meta, ops, ticket_routes};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    CreateTicket,
    ListTickets,
    GetTicket,
    AddMessage,
    Resolve,
    Stats,
    Health,
    Ready,
    Calendar,
    Login,
    LoginVerify,
    ShowToken,
    RevokeToken,
}

impl Endpoint {
    pub const ALL: [Endpoint; 13] = [
        Endpoint::CreateTicket,
        Endpoint::ListTickets,
        Endpoint::GetTicket,
        Endpoint::AddMessage,
        Endpoint::Resolve,
        Endpoint::Stats,
        Endpoint::Health,
        Endpoint::Ready,
        Endpoint::Calendar,
        Endpoint::Login,
        Endpoint::LoginVerify,
        Endpoint::ShowToken,
        Endpoint::RevokeToken,
    ];

    /// The HTTP method, upper case.
    pub fn method(self) -> &'static str {
        match self {
            Endpoint::CreateTicket
            | Endpoint::AddMessage
            | Endpoint::Resolve
            | Endpoint::Login
            | Endpoint::LoginVerify => "POST",
            Endpoint::RevokeToken => "DELETE",
            Endpoint::ListTickets
            | Endpoint::GetTicket
            | Endpoint::Stats
            | Endpoint::Health
            | Endpoint::Ready
            | Endpoint::Calendar
            | Endpoint::ShowToken => "GET",
        }
    }

    /// The path template, in OpenAPI's (and axum 0.8's) `{param}` form.
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::CreateTicket | Endpoint::ListTickets => "/v1/tickets",
            Endpoint::GetTicket => "/v1/tickets/{tn}",
            Endpoint::AddMessage => "/v1/tickets/{tn}/messages",
            Endpoint::Resolve => "/v1/tickets/{tn}/resolve",
            Endpoint::Stats => "/v1/stats",
            Endpoint::Health => "/v1/health",
            Endpoint::Ready => "/v1/ready",
            Endpoint::Calendar => "/v1/calendar",
            Endpoint::Login => "/v1/login",
            Endpoint::LoginVerify => "/v1/login/verify",
            Endpoint::ShowToken | Endpoint::RevokeToken => "/v1/token",
        }
    }

    /// Whether a store token is required.
    pub fn needs_token(self) -> bool {
        !matches!(
            self,
            Endpoint::Health
                | Endpoint::Ready
                | Endpoint::Calendar
                | Endpoint::Login
                | Endpoint::LoginVerify
        )
    }

    fn handler(self) -> MethodRouter<AppState> {
        match self {
            Endpoint::CreateTicket => post(ticket_routes::create),
            Endpoint::ListTickets => get(ticket_routes::list),
            Endpoint::GetTicket => get(ticket_routes::show),
            Endpoint::AddMessage => post(ticket_routes::add_message),
            Endpoint::Resolve => post(ticket_routes::resolve),
            Endpoint::Stats => get(meta::stats),
            Endpoint::Health => get(meta::health),
            Endpoint::Ready => get(meta::ready),
            Endpoint::Calendar => get(meta::calendar),
            Endpoint::Login => post(login_routes::login),
            Endpoint::LoginVerify => post(login_routes::verify),
            Endpoint::ShowToken => get(login_routes::show_token),
            Endpoint::RevokeToken => delete(login_routes::revoke_token),
        }
    }
}

pub fn router(state: AppState) -> Router {
    // Two endpoints on one path merge into one method router (axum merges `.route` calls).
    Endpoint::ALL
        .into_iter()
        .fold(Router::new(), |router, endpoint| {
            router.route(endpoint.path(), endpoint.handler())
        })
        // The browser inbox (SPEC §10), beside the API: agents' sessions, not store tokens.
        .merge(inbox::router())
        .fallback(meta::no_route)
        .method_not_allowed_fallback(meta::wrong_method)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            ops::observe,
        ))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_listed_once() {
        let mut seen: Vec<(&str, &str)> = Endpoint::ALL
            .iter()
            .map(|e| (e.method(), e.path()))
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), Endpoint::ALL.len());
        assert!(!Endpoint::Health.needs_token());
        assert!(Endpoint::CreateTicket.needs_token());
    }
}
