//! The inbox's handlers: each reads its request, asks the desk core (through `AppState::run`,
//! off the async workers), and answers a page or a redirect. A form that changes something
//! checks its CSRF token first and answers `303 See Other` to the page to show next, with what
//! happened named by a fixed word in the URL (`?done=reply`), never by echoed text.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::session::{self, Agent, SESSION_COOKIE, SIGNIN_COOKIE};
use super::views::{
    self, DashboardLine, DashboardPage, Flash, LoginPage, Problem, QueueLine, QueuePageView,
    SelectOption, TicketPage,
};
use crate::api::{Author, Status};
use crate::desk::{QueueFilter, Scope, SignIn, StatusFilter, parse_search};
use crate::domain::phone::parse_region;
use crate::domain::plan::{Plan, parse_plan};
use crate::domain::screenshot::ScreenshotType;
use crate::domain::store::parse_store;
use crate::domain::tracking::{TrackingNumber, parse_tracking};
use crate::server::AppState;

/// How long the sign-in form's pre-session cookie lasts.
const SIGNIN_COOKIE_SECONDS: i64 = 3600;
/// The region in which the search reads a number written without its country code, unless the
/// agent gives another: Cartsaver's merchants are mostly in Egypt.
const DEFAULT_REGION: &str = "EG";

#[derive(Debug, Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct BodyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct LoginQuery {
    ended: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

/// The queue's URL: every filter, so a view can be bookmarked.
#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    #[serde(default)]
    q: String,
    region: Option<String>,
    #[serde(default)]
    status: String,
    #[serde(default)]
    plan: String,
    #[serde(default)]
    store: String,
    urgent: Option<String>,
    overdue: Option<String>,
    page: Option<String>,
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("style.css"),
    )
        .into_response()
}

pub async fn login_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<LoginQuery>,
) -> Response {
    let mut flashes = Vec::new();
    if query.ended.is_some() {
        flashes.push(Flash::info("Your session has ended; sign in again."));
    }
    sign_in_page(&state, &headers, StatusCode::OK, flashes, String::new())
}

/// The sign-in form, under the pre-session cookie the request has (or a new one).
fn sign_in_page(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    flashes: Vec<Flash>,
    email: String,
) -> Response {
    let form_id =
        session::cookie(headers, SIGNIN_COOKIE).unwrap_or_else(|| state.core.new_form_id());
    let page = LoginPage {
        agent: None,
        flashes,
        csrf: state.core.csrf_token(&form_id),
        email,
    };
    let mut response = views::html(status, &page);
    let cookie = session::set_cookie(
        SIGNIN_COOKIE,
        &form_id,
        "/inbox/login",
        SIGNIN_COOKIE_SECONDS,
        state.secure_cookies,
    );
    append_cookie(&mut response, &cookie);
    response
}

fn append_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

pub async fn login(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let form_id = session::cookie(&headers, SIGNIN_COOKIE).unwrap_or_default();
    if !state.core.csrf_matches(&form_id, &form.csrf) {
        return session::csrf_refused(None);
    }
    let client = session::client(connect.map(|Extension(info)| info));
    let (email, password) = (form.email.clone(), form.password);
    let outcome = state
        .run(move |core, now| {
            Ok(match core.sign_in(&email, &password, &client, now)? {
                SignIn::Agent { id, .. } => Ok(core.open_session(id, now)?),
                other => Err(other),
            })
        })
        .await;
    match outcome {
        Ok(Ok(session_id)) => {
            let mut response = Redirect::to("/inbox").into_response();
            let max_age = crate::desk::SESSION_ABSOLUTE.num_seconds();
            let cookie = session::set_cookie(
                SESSION_COOKIE,
                &session_id,
                "/inbox",
                max_age,
                state.secure_cookies,
            );
            append_cookie(&mut response, &cookie);
            append_cookie(
                &mut response,
                &session::expired_cookie(SIGNIN_COOKIE, "/inbox/login", state.secure_cookies),
            );
            response
        }
        Ok(Err(SignIn::Wait(seconds))) => {
            let flash = Flash::error(format!(
                "Too many failed sign-ins for this account or from this address: try again in {seconds} s."
            ));
            let mut response = sign_in_page(
                &state,
                &headers,
                StatusCode::TOO_MANY_REQUESTS,
                vec![flash],
                form.email,
            );
            if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        Ok(Err(_)) => {
            let flash = Flash::error(
                "Wrong email or password. An agent is added with `cartsaver-desk agent add EMAIL`.",
            );
            sign_in_page(
                &state,
                &headers,
                StatusCode::UNAUTHORIZED,
                vec![flash],
                form.email,
            )
        }
        Err(error) => Problem::from_api(error, None).into_response(),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    agent: Agent,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Err(refused) = session::check_csrf(&state, &agent, &form.csrf) {
        return *refused;
    }
    let id = agent.session_id().to_string();
    if let Err(error) = state.run(move |core, _| core.close_session(&id)).await {
        return Problem::from_api(error, Some(agent.header())).into_response();
    }
    let mut response = Redirect::to("/inbox/login").into_response();
    append_cookie(
        &mut response,
        &session::expired_cookie(SESSION_COOKIE, "/inbox", state.secure_cookies),
    );
    response
}

/// The queue's filters read from its URL; what cannot be read is said above the (empty) list.
fn read_filters(query: &QueueQuery) -> (QueueFilter, Vec<Flash>) {
    let mut errors = Vec::new();
    let mut filter = QueueFilter {
        urgent: query.urgent.is_some(),
        overdue: query.overdue.is_some(),
        ..QueueFilter::default()
    };
    match StatusFilter::parse(&query.status) {
        Some(status) => filter.status = status,
        None => errors.push(format!(
            "status `{}` is not one of unresolved, open, answered, resolved, all",
            query.status
        )),
    }
    if !query.plan.trim().is_empty() {
        match parse_plan(&query.plan) {
            Ok(plan) => filter.plan = Some(plan.value),
            Err(error) => errors.push(error.to_string()),
        }
    }
    if !query.store.trim().is_empty() {
        match parse_store(&query.store) {
            Ok(store) => filter.store = Some(store.value),
            Err(error) => errors.push(error.to_string()),
        }
    }
    let region_text = query.region.as_deref().unwrap_or(DEFAULT_REGION);
    let region = if region_text.trim().is_empty() {
        None
    } else {
        match parse_region(region_text) {
            Ok(region) => Some(region.value),
            Err(error) => {
                errors.push(error.to_string());
                None
            }
        }
    };
    if !query.q.trim().is_empty() {
        match parse_search(&query.q, region.as_ref()) {
            Ok(search) => filter.search = Some(search),
            Err(error) => errors.push(error),
        }
    }
    match query.page.as_deref().map(str::trim) {
        None | Some("") => filter.page = 1,
        Some(text) => match text.parse::<usize>() {
            Ok(page) if page >= 1 => filter.page = page,
            _ => errors.push(format!(
                "page `{text}` is not a page number; pages count from 1"
            )),
        },
    }
    (filter, errors.into_iter().map(Flash::error).collect())
}

/// The queue's URL for another page, every filter kept.
fn page_url(query: &QueueQuery, page: usize) -> String {
    let mut url = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in [
        ("q", query.q.as_str()),
        ("region", query.region.as_deref().unwrap_or(DEFAULT_REGION)),
        ("status", query.status.as_str()),
        ("plan", query.plan.as_str()),
        ("store", query.store.as_str()),
    ] {
        if !value.is_empty() {
            url.append_pair(key, value);
        }
    }
    if query.urgent.is_some() {
        url.append_pair("urgent", "1");
    }
    if query.overdue.is_some() {
        url.append_pair("overdue", "1");
    }
    url.append_pair("page", &page.to_string());
    format!("/inbox?{}", url.finish())
}

pub async fn queue(
    State(state): State<AppState>,
    agent: Agent,
    Query(query): Query<QueueQuery>,
) -> Response {
    let (filter, flashes) = read_filters(&query);
    let now = state.now();
    let page = if flashes.is_empty() {
        let asked = filter.clone();
        match state
            .run(move |core, now| core.support_queue(&asked, now))
            .await
        {
            Ok(page) => Some(page),
            Err(error) => {
                return Problem::from_api(error, Some(agent.header())).into_response();
            }
        }
    } else {
        None
    };
    let rows: Vec<QueueLine> = page
        .as_ref()
        .map(|page| {
            page.rows
                .iter()
                .map(|row| QueueLine::new(row, now))
                .collect()
        })
        .unwrap_or_default();
    let number = filter.page.max(1);
    let more = page.as_ref().is_some_and(|page| page.more);
    let status_chosen = filter.status.name();
    let statuses = ["unresolved", "open", "answered", "resolved", "all"]
        .iter()
        .map(|s| SelectOption::new(s, s, status_chosen))
        .collect();
    let plan_chosen = filter.plan.map_or("", Plan::name);
    let plans = std::iter::once(SelectOption::new("", "any", plan_chosen))
        .chain(
            Plan::ALL
                .iter()
                .map(|p| SelectOption::new(p.name(), p.name(), plan_chosen)),
        )
        .collect();
    let shown = match (rows.len(), more) {
        (n, true) => format!("{n} on this page, more on the next"),
        (1, false) if number == 1 => "1 ticket".to_string(),
        (n, false) if number == 1 => format!("{n} tickets"),
        (n, false) => format!("{n} on this page"),
    };
    let view = QueuePageView {
        agent: Some(agent.header()),
        flashes,
        shown,
        q: query.q.clone(),
        region: query
            .region
            .clone()
            .unwrap_or_else(|| DEFAULT_REGION.to_string()),
        statuses,
        plans,
        store: query.store.clone(),
        urgent: filter.urgent,
        overdue: filter.overdue,
        rows,
        page: number,
        previous: (number > 1).then(|| page_url(&query, number - 1)),
        next: more.then(|| page_url(&query, number + 1)),
    };
    views::html(StatusCode::OK, &view)
}

/// The tracking number of a path, or the page saying what is wrong with it.
fn tracking_of(text: &str, agent: &Agent) -> Result<TrackingNumber, Box<Response>> {
    parse_tracking(text).map_err(|error| {
        Box::new(
            Problem::new(StatusCode::NOT_FOUND, "Not found", error.to_string())
                .back("/inbox")
                .agent(Some(agent.header()))
                .into_response(),
        )
    })
}

/// The ticket a form of its page posts to, once the form's CSRF token is this session's.
fn posted_on(
    state: &AppState,
    agent: &Agent,
    csrf: &str,
    tn: &str,
) -> Result<TrackingNumber, Box<Response>> {
    session::check_csrf(state, agent, csrf)?;
    tracking_of(tn, agent)
}

pub async fn ticket(
    State(state): State<AppState>,
    agent: Agent,
    Path(tn): Path<String>,
    Query(query): Query<DoneQuery>,
) -> Response {
    let tracking = match tracking_of(&tn, &agent) {
        Ok(tracking) => tracking,
        Err(refused) => return *refused,
    };
    let found = state
        .run(move |core, now| {
            let view = core.ticket(&Scope::Everything, &tracking, now)?;
            let notes = core.notes(&tracking)?;
            Ok((view, notes))
        })
        .await;
    let (view, notes) = match found {
        Ok(found) => found,
        Err(error) => {
            return Problem::from_api(error, Some(agent.header()))
                .back("/inbox")
                .into_response();
        }
    };
    let flashes = match query.done.as_deref() {
        Some("reply") => vec![Flash::info("Reply sent to the merchant.")],
        Some("note") => vec![Flash::info("Internal note added.")],
        Some("status") => vec![Flash::info(format!("Status set to {}.", view.status))],
        _ => Vec::new(),
    };
    let page = TicketPage::new(&view, &notes, agent.header(), flashes);
    views::html(StatusCode::OK, &page)
}

/// A file name safe in a header and on any disk: letters, digits, `.`, `-`, `_`; the checked
/// type's extension.
fn safe_file_name(name: &str, kind: ScreenshotType) -> String {
    let mut safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    safe = safe.trim_start_matches('.').to_string();
    let extension = match kind {
        ScreenshotType::Jpeg => "jpg",
        other => other.name(),
    };
    let lower = safe.to_ascii_lowercase();
    let has_extension = lower.ends_with(&format!(".{extension}"))
        || (kind == ScreenshotType::Jpeg && lower.ends_with(".jpeg"));
    if !has_extension {
        safe.push('.');
        safe.push_str(extension);
    }
    if safe.trim_matches(|c| c == '_' || c == '.').len() <= extension.len() {
        safe = format!("attachment.{extension}");
    }
    safe
}

fn media_type(kind: ScreenshotType) -> &'static str {
    match kind {
        ScreenshotType::Png => "image/png",
        ScreenshotType::Jpeg => "image/jpeg",
        ScreenshotType::Gif => "image/gif",
        ScreenshotType::Webp => "image/webp",
        ScreenshotType::Pdf => "application/pdf",
    }
}

fn stored_kind(kind: &str) -> Option<ScreenshotType> {
    [
        ScreenshotType::Png,
        ScreenshotType::Jpeg,
        ScreenshotType::Gif,
        ScreenshotType::Webp,
        ScreenshotType::Pdf,
    ]
    .into_iter()
    .find(|k| k.name() == kind)
}

pub async fn attachment(
    State(state): State<AppState>,
    agent: Agent,
    Path((tn, n)): Path<(String, String)>,
) -> Response {
    let tracking = match tracking_of(&tn, &agent) {
        Ok(tracking) => tracking,
        Err(refused) => return *refused,
    };
    let missing = || {
        Problem::new(
            StatusCode::NOT_FOUND,
            "Not found",
            format!("{tracking} has no attachment {n}; the ticket's page lists them"),
        )
        .back(format!("/inbox/tickets/{tracking}"))
        .agent(Some(agent.header()))
        .into_response()
    };
    let Ok(index) = n.parse::<usize>() else {
        return missing();
    };
    let wanted = tracking;
    let found = match state
        .run(move |core, _| core.attachment_file(&wanted, index))
        .await
    {
        Ok(found) => found,
        Err(error) => return Problem::from_api(error, Some(agent.header())).into_response(),
    };
    let Some((meta, bytes)) = found else {
        return missing();
    };
    // The type checked by content when it was received; anything else is not served.
    let Some(kind) = stored_kind(&meta.kind) else {
        return missing();
    };
    let name = safe_file_name(&meta.name, kind);
    let disposition = if kind == ScreenshotType::Pdf {
        format!("attachment; filename=\"{name}\"")
    } else {
        format!("inline; filename=\"{name}\"")
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media_type(kind)),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    response
}

/// After a form: back to the ticket, saying what was done.
fn to_ticket(tracking: &TrackingNumber, done: &str) -> Response {
    Redirect::to(&format!("/inbox/tickets/{tracking}?done={done}")).into_response()
}

fn refused(error: crate::server::ApiError, agent: &Agent, tracking: &TrackingNumber) -> Response {
    Problem::from_api(error, Some(agent.header()))
        .back(format!("/inbox/tickets/{tracking}"))
        .into_response()
}

pub async fn reply(
    State(state): State<AppState>,
    agent: Agent,
    Path(tn): Path<String>,
    Form(form): Form<BodyForm>,
) -> Response {
    let tracking = match posted_on(&state, &agent, &form.csrf, &tn) {
        Ok(tracking) => tracking,
        Err(refused) => return *refused,
    };
    let on = tracking;
    // The same call as `cartsaver-desk reply`: a support message, which queues its mail.
    let sent = state
        .run(move |core, now| {
            core.add_message(
                &Scope::Everything,
                &on,
                Author::Support,
                &form.body,
                Vec::new(),
                now,
            )
        })
        .await;
    match sent {
        Ok(_) => to_ticket(&tracking, "reply"),
        Err(error) => refused(error, &agent, &tracking),
    }
}

pub async fn note(
    State(state): State<AppState>,
    agent: Agent,
    Path(tn): Path<String>,
    Form(form): Form<BodyForm>,
) -> Response {
    let tracking = match posted_on(&state, &agent, &form.csrf, &tn) {
        Ok(tracking) => tracking,
        Err(refused) => return *refused,
    };
    let (on, author) = (tracking, agent.email.clone());
    let added = state
        .run(move |core, now| core.add_note(&on, &author, &form.body, now))
        .await;
    match added {
        Ok(()) => to_ticket(&tracking, "note"),
        Err(error) => refused(error, &agent, &tracking),
    }
}

pub async fn status(
    State(state): State<AppState>,
    agent: Agent,
    Path(tn): Path<String>,
    Form(form): Form<StatusForm>,
) -> Response {
    let tracking = match posted_on(&state, &agent, &form.csrf, &tn) {
        Ok(tracking) => tracking,
        Err(refused) => return *refused,
    };
    let Some(status) = Status::parse(&form.status) else {
        return Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Refused",
            format!(
                "status `{}` is not one of open, answered, resolved; pick one from the list",
                form.status
            ),
        )
        .back(format!("/inbox/tickets/{tracking}"))
        .agent(Some(agent.header()))
        .into_response();
    };
    let on = tracking;
    match state
        .run(move |core, now| core.set_status(&on, status, now))
        .await
    {
        Ok(_) => to_ticket(&tracking, "status"),
        Err(error) => refused(error, &agent, &tracking),
    }
}

pub async fn dashboard(State(state): State<AppState>, agent: Agent) -> Response {
    let figures = state
        .run(|core, now| {
            let whole = core.stats(&Scope::Everything, now)?;
            let mut stores = Vec::new();
            for store in core.store_urls()? {
                let url = store.as_str().to_string();
                stores.push((url, core.stats(&Scope::Store(store), now)?));
            }
            Ok((whole, stores))
        })
        .await;
    let (whole, stores) = match figures {
        Ok(figures) => figures,
        Err(error) => return Problem::from_api(error, Some(agent.header())).into_response(),
    };
    let mut lines = vec![DashboardLine::new("whole desk", None, &whole)];
    for (url, stats) in &stores {
        let host = url.strip_prefix("https://").unwrap_or(url);
        let mut href = url::form_urlencoded::Serializer::new(String::new());
        href.append_pair("store", host);
        let href = format!("/inbox?{}", href.finish());
        lines.push(DashboardLine::new(host, Some(href), stats));
    }
    let page = DashboardPage {
        agent: Some(agent.header()),
        flashes: Vec::new(),
        recent: DashboardPage::recent(&whole),
        lines,
    };
    views::html(StatusCode::OK, &page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_made_safe_with_the_checked_extension() {
        assert_eq!(
            safe_file_name("<script>x</script>.png", ScreenshotType::Png),
            "_script_x__script_.png"
        );
        assert_eq!(
            safe_file_name("../../etc/passwd", ScreenshotType::Pdf),
            "_.._etc_passwd.pdf"
        );
        assert_eq!(
            safe_file_name("\"; evil=1.pdf", ScreenshotType::Pdf),
            "___evil_1.pdf"
        );
        assert_eq!(
            safe_file_name("шото.png", ScreenshotType::Png),
            "attachment.png"
        );
        assert_eq!(
            safe_file_name("photo.jpeg", ScreenshotType::Jpeg),
            "photo.jpeg"
        );
        assert_eq!(safe_file_name("a.gif", ScreenshotType::Png), "a.gif.png");
    }

    #[test]
    fn the_queue_url_keeps_every_filter() {
        let query = QueueQuery {
            q: "0100 123 4567".into(),
            plan: "scale".into(),
            urgent: Some("1".into()),
            ..QueueQuery::default()
        };
        assert_eq!(
            page_url(&query, 2),
            "/inbox?q=0100+123+4567&region=EG&plan=scale&urgent=1&page=2"
        );
        let (filter, errors) = read_filters(&query);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(filter.plan, Some(Plan::Scale));
        let bad = QueueQuery {
            status: "closed".into(),
            ..QueueQuery::default()
        };
        assert_eq!(read_filters(&bad).1.len(), 1);
    }
}
