//! The inbox's templates as Rust values: one struct per page of `templates/` (askama checks
//! each against its template at compile time and escapes every value for HTML), and what turns
//! the desk's answers into them — the checklist with its diagnosis (phone type and country, the
//! landline warning, the time in UTC and Cairo, the store's admin URL, the PIN masked, access
//! consent), the thread with internal notes marked, times for a person.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::{DateTime, Utc};

use crate::api::{Author, Stats, Status, TicketView};
use crate::desk::{Note, QueueRow};
use crate::domain::field::NoteLevel;
use crate::domain::phone::parse_phone;
use crate::domain::screenshot::ScreenshotType;
use crate::domain::store::parse_store;
use crate::server::ApiError;

/// Support's time zone, shown beside UTC.
const SUPPORT_ZONE: chrono_tz::Tz = chrono_tz::Africa::Cairo;

/// The agent in the page header, with the sign-out form's token.
#[derive(Debug, Clone)]
pub struct AgentHeader {
    pub email: String,
    pub csrf: String,
}

/// A line above the page: what just happened, or what is wrong.
#[derive(Debug, Clone)]
pub struct Flash {
    pub kind: &'static str,
    pub text: String,
}

impl Flash {
    pub fn info(text: impl Into<String>) -> Flash {
        Flash {
            kind: "info",
            text: text.into(),
        }
    }
    pub fn error(text: impl Into<String>) -> Flash {
        Flash {
            kind: "error",
            text: text.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl SelectOption {
    pub fn new(value: &str, label: &str, chosen: &str) -> SelectOption {
        SelectOption {
            value: value.to_string(),
            label: label.to_string(),
            selected: value == chosen,
        }
    }
}

/// A page as an HTML answer (a template that fails to render is a 500 naming why).
pub fn html<T: Template>(status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(error) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the inbox page failed to render: {error}"),
        )
            .into_response(),
    }
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub agent: Option<AgentHeader>,
    pub flashes: Vec<Flash>,
    pub csrf: String,
    pub email: String,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub agent: Option<AgentHeader>,
    pub flashes: Vec<Flash>,
    pub heading: String,
    pub message: String,
    pub problems: Vec<String>,
    pub back: Option<String>,
}

/// An error answered as a page: the status, what went wrong and how to fix it.
pub struct Problem {
    status: StatusCode,
    page: ErrorPage,
}

impl Problem {
    pub fn new(status: StatusCode, heading: &str, message: impl Into<String>) -> Problem {
        Problem {
            status,
            page: ErrorPage {
                agent: None,
                flashes: Vec::new(),
                heading: heading.to_string(),
                message: message.into(),
                problems: Vec::new(),
                back: None,
            },
        }
    }

    /// The desk's refusal, in its words (every bad field listed).
    pub fn from_api(error: ApiError, agent: Option<AgentHeader>) -> Problem {
        let heading = match error.status {
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::TOO_MANY_REQUESTS => "Busy",
            status if status.is_server_error() => "The desk failed",
            _ => "Refused",
        };
        let mut problem = Problem::new(error.status, heading, error.detail.message.clone());
        problem.page.problems = error
            .detail
            .fields
            .iter()
            .map(|field| format!("{}: {}", field.field, field.message))
            .collect();
        problem.agent(agent)
    }

    pub fn back(mut self, href: impl Into<String>) -> Problem {
        self.page.back = Some(href.into());
        self
    }

    pub fn agent(mut self, agent: Option<AgentHeader>) -> Problem {
        self.page.agent = agent;
        self
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        html(self.status, &self.page)
    }
}

/// One line of the queue.
pub struct QueueLine {
    pub href: String,
    pub tracking: String,
    pub subject: String,
    pub store: String,
    pub order: String,
    pub plan: String,
    pub urgent: bool,
    pub age: String,
    pub due: String,
    pub due_utc: String,
    pub overdue: bool,
}

impl QueueLine {
    pub fn new(row: &QueueRow, now: DateTime<Utc>) -> QueueLine {
        QueueLine {
            href: format!("/inbox/tickets/{}", row.tracking_number),
            tracking: row.tracking_number.to_string(),
            subject: row.subject.clone(),
            store: host(&row.store),
            order: row.order.clone(),
            plan: row.plan.clone(),
            urgent: row.urgent,
            age: age(&row.created_at, now),
            due: in_cairo(&row.first_response_due),
            due_utc: row.first_response_due.clone(),
            overdue: row.overdue,
        }
    }
}

#[derive(Template)]
#[template(path = "queue.html")]
pub struct QueuePageView {
    pub agent: Option<AgentHeader>,
    pub flashes: Vec<Flash>,
    pub shown: String,
    pub q: String,
    pub region: String,
    pub statuses: Vec<SelectOption>,
    pub plans: Vec<SelectOption>,
    pub store: String,
    pub urgent: bool,
    pub overdue: bool,
    pub rows: Vec<QueueLine>,
    pub page: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
}

pub struct NoteLine {
    pub kind: &'static str,
    pub text: String,
}

pub struct FieldLine {
    pub label: &'static str,
    pub value: String,
    pub notes: Vec<NoteLine>,
}

pub struct AttachmentLine {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub size: String,
    pub image: bool,
}

/// A message or a note in the thread.
pub struct Entry {
    /// `merchant`, `support` or `note`.
    pub kind: &'static str,
    pub who: String,
    pub at: String,
    pub at_shown: String,
    pub body: String,
    /// The message came by email (SPEC §9), not through the API.
    pub by_email: bool,
}

#[derive(Template)]
#[template(path = "ticket.html")]
pub struct TicketPage {
    pub agent: Option<AgentHeader>,
    pub flashes: Vec<Flash>,
    pub tracking: String,
    pub subject: String,
    pub status: String,
    pub overdue: bool,
    pub urgent: bool,
    pub due: String,
    pub fields: Vec<FieldLine>,
    pub attachments: Vec<AttachmentLine>,
    pub statuses: Vec<SelectOption>,
    pub entries: Vec<Entry>,
    pub base: String,
    pub csrf: String,
    pub email: String,
}

impl TicketPage {
    pub fn new(
        view: &TicketView,
        notes: &[Note],
        agent: AgentHeader,
        flashes: Vec<Flash>,
    ) -> TicketPage {
        let tracking = view.tracking_number.to_string();
        let base = format!("/inbox/tickets/{tracking}");
        let attachments = view
            .attachments
            .iter()
            .enumerate()
            .map(|(index, attachment)| AttachmentLine {
                href: format!("{base}/attachments/{index}"),
                name: attachment.name.clone(),
                kind: attachment.kind.clone(),
                size: size(attachment.size),
                image: attachment.kind != ScreenshotType::Pdf.name(),
            })
            .collect();
        let statuses = Status::ALL
            .iter()
            .map(|s| SelectOption::new(s.name(), s.name(), view.status.name()))
            .collect();
        TicketPage {
            csrf: agent.csrf.clone(),
            agent: Some(agent),
            flashes,
            subject: view.subject.clone(),
            status: view.status.name().to_string(),
            overdue: view.overdue,
            urgent: view.urgent,
            due: both_zones(&view.first_response_due),
            fields: checklist(view),
            attachments,
            statuses,
            entries: thread(view, notes),
            email: view.email.clone(),
            base,
            tracking,
        }
    }
}

/// The checklist as filed, each field with what the domain says of it today.
fn checklist(view: &TicketView) -> Vec<FieldLine> {
    let plain = |label, value: &str| FieldLine {
        label,
        value: value.to_string(),
        notes: Vec::new(),
    };
    let notes_of = |notes: Vec<crate::domain::field::Note>| {
        notes
            .into_iter()
            .map(|note| NoteLine {
                kind: if note.level == NoteLevel::Warning {
                    "warning"
                } else {
                    "info"
                },
                text: if note.level == NoteLevel::Warning {
                    format!("warning: {}", note.text)
                } else {
                    note.text
                },
            })
            .collect::<Vec<_>>()
    };
    let mut store = plain("store", &view.store);
    if let Ok(parsed) = parse_store(&view.store) {
        if let Some(handle) = parsed.value.host().strip_suffix(".myshopify.com") {
            store.notes.push(NoteLine {
                kind: "info",
                text: format!("admin: https://admin.shopify.com/store/{handle}"),
            });
        }
        store.notes.extend(notes_of(parsed.notes));
    }
    let mut phone = plain("phone", &view.phone);
    match parse_phone(&view.phone, None) {
        Ok(parsed) => phone.notes = notes_of(parsed.notes),
        Err(error) => phone.notes.push(NoteLine {
            kind: "warning",
            text: format!("warning: {error}"),
        }),
    }
    let urgent = match (view.urgent, view.outage) {
        (true, true) => "URGENT (outage: orders stopped)",
        (true, false) => "URGENT",
        (false, true) => "no (outage reported)",
        (false, false) => "no",
    };
    let mut fields = vec![
        store,
        plain("order", &view.order),
        phone,
        plain("channel", &view.channel),
        plain("at", &both_zones(&view.at)),
        plain("tried", &view.tried.join("\n")),
        plain("summary", &view.summary),
    ];
    if let Some(details) = &view.details {
        fields.push(plain("details", details));
    }
    fields.extend([
        plain("email", &view.email),
        plain("plan", &view.plan),
        plain("urgent", urgent),
        plain("PIN", view.pin.as_deref().unwrap_or("(none)")),
        plain(
            "access",
            if view.allow_access {
                "support may open the store account"
            } else {
                "not allowed: ask before opening the store account"
            },
        ),
    ]);
    let mut filed = plain("filed", &both_zones(&view.created_at));
    if view.via == crate::api::Via::Email {
        filed.notes.push(NoteLine {
            kind: "info",
            text: "filed by email".to_string(),
        });
    }
    fields.push(filed);
    if !view.missing.is_empty() {
        let mut missing = plain("missing", &view.missing.join(", "));
        missing.notes.push(NoteLine {
            kind: "warning",
            text: "warning: the mail did not give these; the acknowledgement asked for them"
                .to_string(),
        });
        fields.push(missing);
    }
    fields
}

/// Messages and notes in one thread, oldest first.
fn thread(view: &TicketView, notes: &[Note]) -> Vec<Entry> {
    let mut entries: Vec<Entry> = view
        .messages
        .iter()
        .map(|message| {
            let (kind, who) = match message.from {
                Author::Merchant => ("merchant", "merchant"),
                Author::Support => ("support", "support"),
            };
            Entry {
                kind,
                who: who.to_string(),
                at: message.at.clone(),
                at_shown: both_zones(&message.at),
                body: message.body.clone(),
                by_email: message.via == crate::api::Via::Email,
            }
        })
        .collect();
    entries.extend(notes.iter().map(|note| Entry {
        kind: "note",
        who: note.author.clone(),
        at: note.at.clone(),
        at_shown: both_zones(&note.at),
        body: note.body.clone(),
        by_email: false,
    }));
    // RFC 3339 UTC text sorts as time does; a stable sort keeps a message before a note of the
    // same second.
    entries.sort_by(|a, b| a.at.cmp(&b.at));
    entries
}

pub struct DashboardLine {
    pub store: String,
    pub href: Option<String>,
    pub open: u64,
    pub answered: u64,
    pub resolved: u64,
    pub overdue: String,
    pub median: String,
}

impl DashboardLine {
    pub fn new(store: &str, href: Option<String>, stats: &Stats) -> DashboardLine {
        let overdue = if stats.overdue_next_cursor.is_some() {
            format!("{}+", stats.overdue.len())
        } else {
            stats.overdue.len().to_string()
        };
        DashboardLine {
            store: store.to_string(),
            href,
            open: stats.open,
            answered: stats.answered,
            resolved: stats.resolved,
            overdue,
            median: stats
                .median_first_response_seconds
                .map_or_else(|| "–".to_string(), duration),
        }
    }
}

pub struct RecentLine {
    pub href: String,
    pub tracking: String,
    pub who: &'static str,
    pub at: String,
    pub subject: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub agent: Option<AgentHeader>,
    pub flashes: Vec<Flash>,
    pub lines: Vec<DashboardLine>,
    pub recent: Vec<RecentLine>,
}

impl DashboardPage {
    pub fn recent(stats: &Stats) -> Vec<RecentLine> {
        stats
            .recent
            .iter()
            .map(|activity| RecentLine {
                href: format!("/inbox/tickets/{}", activity.tracking_number),
                tracking: activity.tracking_number.to_string(),
                who: match activity.from {
                    Author::Merchant => "merchant wrote",
                    Author::Support => "support replied",
                },
                at: both_zones(&activity.at),
                subject: activity.subject.clone(),
            })
            .collect()
    }
}

/// `cool-shop.myshopify.com` of `https://cool-shop.myshopify.com`.
fn host(url: &str) -> String {
    url.strip_prefix("https://").unwrap_or(url).to_string()
}

/// `Fri 20 Nov 16:03 Cairo`.
fn in_cairo(utc: &str) -> String {
    match utc.parse::<DateTime<Utc>>() {
        Ok(at) => format!(
            "{} Cairo",
            at.with_timezone(&SUPPORT_ZONE).format("%a %d %b %H:%M")
        ),
        Err(_) => utc.to_string(),
    }
}

/// `2026-11-20T14:03:00Z (Fri 20 Nov 16:03 Cairo)`.
pub fn both_zones(utc: &str) -> String {
    match utc.parse::<DateTime<Utc>>() {
        Ok(_) => format!("{utc} ({})", in_cairo(utc)),
        Err(_) => utc.to_string(),
    }
}

/// How long ago `utc` was: `45 min`, `3 h`, `2 d`.
fn age(utc: &str, now: DateTime<Utc>) -> String {
    utc.parse::<DateTime<Utc>>()
        .map(|at| duration((now - at).num_seconds().max(0)))
        .unwrap_or_default()
}

/// Seconds for a person: `45 min`, `3 h 10 min`, `2 d 4 h`.
fn duration(seconds: i64) -> String {
    let minutes = seconds / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours) {
        (0, 0) => format!("{minutes} min"),
        (0, _) if minutes == 0 => format!("{hours} h"),
        (0, _) => format!("{hours} h {minutes} min"),
        (_, 0) => format!("{days} d"),
        _ => format!("{days} d {hours} h"),
    }
}

/// `12 KiB`, `3.4 MiB`.
fn size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let kib = bytes as f64 / 1024.0;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if kib < 1024.0 {
        format!("{kib:.0} KiB")
    } else {
        format!("{:.1} MiB", kib / 1024.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_sizes_read_for_a_person() {
        assert_eq!(
            both_zones("2026-11-20T14:03:00Z"),
            "2026-11-20T14:03:00Z (Fri 20 Nov 16:03 Cairo)"
        );
        assert_eq!(duration(45 * 60), "45 min");
        assert_eq!(duration(3 * 3600), "3 h");
        assert_eq!(duration(2 * 86400 + 4 * 3600 + 60), "2 d 4 h");
        assert_eq!(size(100), "100 B");
        assert_eq!(size(12 * 1024), "12 KiB");
        assert_eq!(size(3 * 1024 * 1024 + 400 * 1024), "3.4 MiB");
    }

    #[test]
    fn merchant_text_is_escaped_in_every_page() {
        let page = ErrorPage {
            agent: Some(AgentHeader {
                email: "a@b.co".into(),
                csrf: "\"><x".into(),
            }),
            flashes: vec![Flash::error("<script>alert(1)</script>")],
            heading: "h".into(),
            message: "\"><img src=x onerror=alert(1)>".into(),
            problems: Vec::new(),
            back: None,
        };
        let html = page.render().unwrap();
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(html.contains("&#60;script&#62;"), "{html}");
        assert!(!html.contains("value=\"\"><x"), "{html}");
    }
}
