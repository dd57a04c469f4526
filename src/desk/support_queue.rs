//! The inbox's queue (SPEC §10): every store's tickets as support works them, the most urgent
//! first — overdue (unanswered past the first-response due time), then by due time — with the
//! filters (status, plan, store, urgent, overdue) and one search box.
//!
//! The search reads what was typed the way the fields were read when filed: a tracking number
//! by the §4 rules (case, dashes, `O`/`I`/`L`, the check symbol), an order as §2 normalizes it
//! (`1052` finds `#1052`), a phone in any §2 form (`+20…`, `0020…`, Arabic-Indic digits, or
//! written nationally, read in the region given beside it), an email by its address. Text that
//! reads as several of them finds any; text that reads as none is refused with the reasons.
//! Pages are numbered (an inbox is paged by a person, a few pages deep).

use chrono::{DateTime, Utc};

use super::storage::{self, Db, Value};
use super::{DeskError, stores};
use crate::api::Status;
use crate::domain::email::parse_email;
use crate::domain::order::parse_order;
use crate::domain::phone::{Region, parse_phone};
use crate::domain::plan::Plan;
use crate::domain::store::StoreUrl;
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::{TrackingNumber, parse_tracking};

/// Tickets on one page of the queue.
pub const PAGE_SIZE: usize = 50;

/// Which statuses the queue shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusFilter {
    /// `open` and `answered`: what support still has to finish.
    #[default]
    Unresolved,
    One(Status),
    All,
}

impl StatusFilter {
    /// `unresolved`, `all`, or a status name.
    pub fn parse(text: &str) -> Option<StatusFilter> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "unresolved" => Some(StatusFilter::Unresolved),
            "all" => Some(StatusFilter::All),
            other => Status::parse(other).map(StatusFilter::One),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            StatusFilter::Unresolved => "unresolved",
            StatusFilter::All => "all",
            StatusFilter::One(status) => status.name(),
        }
    }
}

/// What a search box's text was read as: each reading that parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub tracking: Option<TrackingNumber>,
    pub order: Option<String>,
    /// E.164.
    pub phone: Option<String>,
    /// Lowercase.
    pub email: Option<String>,
}

/// Read the search box. `region` reads a number written without a country code.
pub fn parse_search(text: &str, region: Option<&Region>) -> Result<Search, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("the search is empty; type a tracking number, order, phone or email".into());
    }
    let mut search = Search::default();
    if text.contains('@') {
        return match parse_email(text) {
            Ok(parsed) => {
                search.email = Some(parsed.value.as_str().to_lowercase());
                Ok(search)
            }
            Err(error) => Err(format!("search {error}")),
        };
    }
    let tracking = parse_tracking(text);
    // Text shaped like a tracking number (the `CS` prefix, or nine symbols) whose check symbol
    // is wrong is a typo to point out, not an order to look for.
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .collect::<String>()
        .to_ascii_uppercase();
    let tracking_shaped = compact.starts_with("CS") && compact.len() == 11;
    match tracking {
        Ok(tn) => search.tracking = Some(tn),
        Err(error) if tracking_shaped => return Err(format!("search {error}")),
        Err(_) => {}
    }
    let phone = parse_phone(text, region);
    if let Ok(parsed) = &phone {
        search.phone = Some(parsed.value.e164.clone());
    }
    if let Ok(parsed) = parse_order(text) {
        search.order = Some(parsed.value.to_string());
    }
    if search == Search::default() {
        let phone_reason = phone.err().map_or_else(String::new, |e| format!(" ({e})"));
        return Err(format!(
            "search `{text}` reads as no tracking number, order, phone{phone_reason} or email; \
             a number written without its country code is read in the region beside the search"
        ));
    }
    Ok(search)
}

/// The queue's filters, as the inbox's URL gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    pub status: StatusFilter,
    pub plan: Option<Plan>,
    pub store: Option<StoreUrl>,
    pub urgent: bool,
    pub overdue: bool,
    pub search: Option<Search>,
    /// From 1.
    pub page: usize,
}

/// One line of the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueRow {
    pub tracking_number: TrackingNumber,
    pub status: Status,
    pub subject: String,
    pub store: String,
    pub order: String,
    pub plan: String,
    pub urgent: bool,
    pub created_at: String,
    pub first_response_due: String,
    pub overdue: bool,
}

/// A page of the queue, and whether another follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuePage {
    pub rows: Vec<QueueRow>,
    pub page: usize,
    pub more: bool,
}

/// The statement of a page and its values.
fn select(filter: &QueueFilter, store_id: Option<i64>, now: &str) -> (String, Vec<Value>) {
    let mut values: Vec<Value> = vec![now.to_string().into()];
    let mut conditions: Vec<String> = Vec::new();
    let push = |values: &mut Vec<Value>, value: Value| {
        values.push(value);
        values.len()
    };
    match filter.status {
        StatusFilter::Unresolved => conditions.push("t.status <> 'resolved'".into()),
        StatusFilter::All => {}
        StatusFilter::One(status) => {
            let n = push(&mut values, status.name().to_string().into());
            conditions.push(format!("t.status = ?{n}"));
        }
    }
    if let Some(plan) = filter.plan {
        let n = push(&mut values, plan.name().to_string().into());
        conditions.push(format!("t.plan = ?{n}"));
    }
    if let Some(store_id) = store_id {
        let n = push(&mut values, store_id.into());
        conditions.push(format!("t.store_id = ?{n}"));
    }
    if filter.urgent {
        conditions.push("t.urgent".into());
    }
    if filter.overdue {
        conditions.push(format!("({OVERDUE})"));
    }
    if let Some(search) = &filter.search {
        let mut any = Vec::new();
        if let Some(tn) = &search.tracking {
            let n = push(&mut values, tn.to_string().into());
            any.push(format!("t.tracking_number = ?{n}"));
        }
        if let Some(order) = &search.order {
            let n = push(&mut values, order.clone().into());
            any.push(format!("t.order_number = ?{n}"));
        }
        if let Some(phone) = &search.phone {
            let n = push(&mut values, phone.clone().into());
            any.push(format!("t.phone = ?{n}"));
        }
        if let Some(email) = &search.email {
            let n = push(&mut values, email.clone().into());
            any.push(format!("lower(t.email) = ?{n}"));
        }
        if !any.is_empty() {
            conditions.push(format!("({})", any.join(" OR ")));
        }
    }
    let page = filter.page.max(1);
    let limit = push(&mut values, ((PAGE_SIZE + 1) as i64).into());
    let offset = push(&mut values, (((page - 1) * PAGE_SIZE) as i64).into());
    let where_clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT t.tracking_number, t.status, t.subject, s.url, t.order_number, t.plan, t.urgent,
                t.created_at, t.first_response_due, {OVERDUE} AS overdue
         FROM tickets t JOIN stores s ON s.id = t.store_id
         {where_clause}
         ORDER BY CASE WHEN {OVERDUE} THEN 0 ELSE 1 END, t.first_response_due, t.id
         LIMIT ?{limit} OFFSET ?{offset}"
    );
    (sql, values)
}

/// Unanswered and past due, at `?1` (now).
const OVERDUE: &str =
    "t.first_response_at IS NULL AND t.status <> 'resolved' AND t.first_response_due < ?1";

pub(crate) fn page(
    db: &Db,
    filter: &QueueFilter,
    now: DateTime<Utc>,
) -> Result<QueuePage, DeskError> {
    let now = format_utc(now);
    let page = filter.page.max(1);
    db.read(|conn| {
        let store_id = match &filter.store {
            Some(store) => match stores::find(conn, store.as_str())? {
                Some(id) => Some(id),
                None => {
                    return Ok(QueuePage {
                        rows: Vec::new(),
                        page,
                        more: false,
                    });
                }
            },
            None => None,
        };
        let (sql, values) = select(filter, store_id, &now);
        let mut rows = conn.rows(&sql, &storage::params(&values), |row| {
            Ok(QueueRow {
                tracking_number: row.decoded(0, |text| {
                    parse_tracking(text).map_err(|e| format!("stored tracking number: {e}"))
                })?,
                status: row.decoded(1, |text| {
                    Status::parse(text).ok_or_else(|| format!("stored status `{text}`"))
                })?,
                subject: row.get(2)?,
                store: row.get(3)?,
                order: row.get(4)?,
                plan: row.get(5)?,
                urgent: row.get(6)?,
                created_at: row.get(7)?,
                first_response_due: row.get(8)?,
                overdue: row.get(9)?,
            })
        })?;
        let more = rows.len() > PAGE_SIZE;
        rows.truncate(PAGE_SIZE);
        Ok(QueuePage { rows, page, more })
    })
}

/// Every store the desk knows, by URL.
pub(crate) fn store_urls(db: &Db) -> Result<Vec<StoreUrl>, DeskError> {
    db.read(|conn| {
        conn.rows("SELECT url FROM stores ORDER BY url", &[], |row| {
            stores::stored_url(row.get(0)?)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::testing::*;
    use crate::domain::phone::parse_region;

    fn eg() -> Region {
        parse_region("EG").unwrap().value
    }

    #[test]
    fn the_search_reads_tracking_numbers_orders_phones_and_emails_as_filed() {
        let tn = TrackingNumber::generate().to_string();
        let sloppy = tn.to_lowercase().replace('-', " ").replace('0', "o");
        let found = parse_search(&sloppy, None).unwrap();
        assert_eq!(found.tracking.unwrap().to_string(), tn);

        let order = parse_search("1052", Some(&eg())).unwrap();
        assert_eq!(order.order.as_deref(), Some("#1052"));
        assert_eq!(order.phone, None);

        for phone in [
            "0100 123 4567",
            "+20 100 123 4567",
            "00201001234567",
            "٠١٠٠١٢٣٤٥٦٧",
        ] {
            let found = parse_search(phone, Some(&eg())).unwrap();
            assert_eq!(found.phone.as_deref(), Some("+201001234567"), "{phone}");
        }
        let email = parse_search(" Owner@Cool-Shop.com ", None).unwrap();
        assert_eq!(email.email.as_deref(), Some("owner@cool-shop.com"));
    }

    #[test]
    fn a_mistyped_tracking_number_or_unreadable_text_is_refused_with_the_reason() {
        let tn = TrackingNumber::generate().to_string();
        let last = tn.chars().last().unwrap();
        let other = if last == '0' { '1' } else { '0' };
        let typo = format!("{}{other}", &tn[..tn.len() - 1]);
        let refused = parse_search(&typo, None).unwrap_err();
        assert!(refused.contains("check character"), "{refused}");
        let refused = parse_search("not an order!", None).unwrap_err();
        assert!(refused.contains("reads as no tracking number"), "{refused}");
        assert!(parse_search("a@", None).unwrap_err().contains("email"));
        assert!(parse_search("  ", None).is_err());
    }

    #[test]
    fn the_queue_puts_overdue_first_then_by_due_and_filters() {
        let (_dir, core) = desk();
        // Filed Wednesday 10:00 UTC on advanced (24 business hours): due Sunday.
        let a = file(&core, SHOP, "1", t0());
        let b = file(&core, OTHER_SHOP, "2", later(60));
        let now = t0() + chrono::TimeDelta::days(5);
        // `b` answered: past due, but not overdue.
        core.add_message(
            &crate::desk::Scope::Everything,
            &b.tracking_number,
            crate::api::Author::Support,
            "on it",
            Vec::new(),
            later(61),
        )
        .unwrap();
        let c = file(&core, SHOP, "3", now);
        let page = core.support_queue(&QueueFilter::default(), now).unwrap();
        let order: Vec<_> = page.rows.iter().map(|r| r.order.as_str()).collect();
        assert_eq!(order, ["#1", "#2", "#3"]);
        assert!(page.rows[0].overdue && !page.rows[1].overdue && !page.rows[2].overdue);

        let overdue = QueueFilter {
            overdue: true,
            ..QueueFilter::default()
        };
        assert_eq!(core.support_queue(&overdue, now).unwrap().rows.len(), 1);
        let of_shop = QueueFilter {
            store: Some(store_url(SHOP)),
            search: Some(parse_search("3", None).unwrap()),
            ..QueueFilter::default()
        };
        let rows = core.support_queue(&of_shop, now).unwrap().rows;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].tracking_number, c.tracking_number);
        let scale = QueueFilter {
            plan: Some(Plan::Scale),
            ..QueueFilter::default()
        };
        assert!(core.support_queue(&scale, now).unwrap().rows.is_empty());
        let _ = a;
    }

    #[test]
    fn pages_hold_fifty_tickets_and_say_when_more_follow() {
        let (_dir, core) = desk();
        for n in 0..=PAGE_SIZE {
            file(
                &core,
                SHOP,
                &format!("{n}"),
                later(i64::try_from(n).unwrap()),
            );
        }
        let first = core
            .support_queue(&QueueFilter::default(), later(60))
            .unwrap();
        assert_eq!((first.rows.len(), first.more), (PAGE_SIZE, true));
        let second = QueueFilter {
            page: 2,
            ..QueueFilter::default()
        };
        let second = core.support_queue(&second, later(60)).unwrap();
        assert_eq!((second.rows.len(), second.more), (1, false));
        assert!(
            !first
                .rows
                .iter()
                .any(|r| r.tracking_number == second.rows[0].tracking_number)
        );
    }
}
