//! The endpoints about the desk rather than a ticket (stats, health), and the answers for paths
//! and methods the API does not have, so that every refusal has the `ErrorBody` shape.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};

use axum::response::{IntoResponse, Response};

use crate::api::{ErrorCode, Health, Ready, Stats};
use crate::domain::timestamp::format_utc;

use super::{ApiError, AppState, auth, query};

/// `GET /v1/stats?overdue_limit=&overdue_cursor=`: the dashboard figures of the token's store,
/// with one page of its overdue tickets.
pub async fn stats(
    State(state): State<AppState>,
    RawQuery(raw_query): RawQuery,
    headers: HeaderMap,
) -> Result<Json<Stats>, ApiError> {
    let token = auth::bearer_token(&headers)?;
    state.authenticate(token.clone()).await?;
    let page = query::overdue_page(raw_query.as_deref())?;
    let stats = state
        .run_as(token, move |core, scope, now| {
            core.stats_page(scope, &page, now)
        })
        .await?;
    Ok(Json(stats))
}

/// `GET /v1/ready`: no token needed; 200 when the database answers and its schema is the one
/// this desk was built for, 503 otherwise (a load balancer sends this instance no traffic then).
pub async fn ready(State(state): State<AppState>) -> Response {
    match state.run(|core, _| core.ready()).await {
        Ok(schema) => Json(Ready {
            status: "ready".to_string(),
            schema,
        })
        .into_response(),
        Err(refused) => {
            let mut unready = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Unavailable,
                format!("the desk is not ready: {}", refused.detail.message),
            );
            unready.retry_after = Some(1);
            unready.into_response()
        }
    }
}

/// `GET /v1/calendar`: no token needed; the support calendar due times are counted in, so a
/// client words them as this desk counts them.
pub async fn calendar(State(state): State<AppState>) -> Json<crate::domain::calendar::Calendar> {
    Json(state.core.calendar().clone())
}

/// `GET /v1/health`: no token needed; the desk's time lets a client measure clock skew.
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        time: format_utc(state.now()),
    })
}

pub async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!(
        "no route {method} {}; the routes are listed in docs/openapi.yaml (all under /v1)",
        uri.path()
    ))
}

pub async fn wrong_method(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::MethodNotAllowed,
        format!(
            "{} does not take {method}; docs/openapi.yaml lists the methods of each route",
            uri.path()
        ),
    )
}
