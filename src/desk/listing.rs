//! Ticket lists: newest first (or, for support's queue, by first-response due time), filtered by
//! status, order, urgency and overdue, a page at a time. The cursor is opaque to callers: the hex
//! of `sort|key|id` of the last ticket shown (its `created_at` or due time), so a page starts
//! exactly after it even when many tickets share a second, and a cursor of one order is refused
//! by the other.

use super::storage::{self, Db, Value};
use super::views::{self, SUMMARY_COLUMNS};
use super::{DeskError, ListFilter, Queue, Scope, stores};
use crate::api::{Status, TicketPage};
use crate::domain::order::parse_order;
use crate::domain::timestamp::format_utc;
use chrono::{DateTime, Utc};

/// Tickets on a page when the caller does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// The most tickets one page may hold. The one range check of `limit` is here ([`check_limit`]);
/// callers only parse the number.
pub const MAX_LIMIT: usize = 500;

/// Where a page starts: after the ticket whose sort key (`created_at`, or the due time when
/// `by_due`) is `created_at`, with row id `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub(crate) by_due: bool,
    pub(crate) created_at: String,
    pub(crate) id: i64,
}

impl Cursor {
    pub(crate) fn encode(&self) -> String {
        let sort = if self.by_due { "due" } else { "new" };
        format!("{sort}|{}|{}", self.created_at, self.id)
            .bytes()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    pub(crate) fn decode(text: &str) -> Result<Cursor, DeskError> {
        let refuse = || {
            DeskError::BadRequest(format!(
                "cursor `{text}` is not one this desk gave out; pass the `next_cursor` of the \
                 previous page unchanged, or leave it out to start from the newest ticket"
            ))
        };
        let bytes = (0..text.len())
            .step_by(2)
            .map(|i| {
                text.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(refuse)?;
        let plain = String::from_utf8(bytes).map_err(|_| refuse())?;
        let (sort, rest) = plain.split_once('|').ok_or_else(refuse)?;
        let by_due = match sort {
            "due" => true,
            "new" => false,
            _ => return Err(refuse()),
        };
        let (created_at, id) = rest.split_once('|').ok_or_else(refuse)?;
        DateTime::parse_from_rfc3339(created_at).map_err(|_| refuse())?;
        let id = id.parse().map_err(|_| refuse())?;
        Ok(Cursor {
            by_due,
            created_at: created_at.to_string(),
            id,
        })
    }
}

fn check_limit(limit: Option<usize>) -> Result<usize, DeskError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(limit) if (1..=MAX_LIMIT).contains(&limit) => Ok(limit),
        Some(limit) => Err(DeskError::BadRequest(format!(
            "limit {limit} is out of range; ask for 1 to {MAX_LIMIT} tickets a page and follow \
             `next_cursor` for more"
        ))),
    }
}

/// What one page of a list asks for.
struct Wanted<'a> {
    store_id: Option<i64>,
    status: Option<Status>,
    order: Option<&'a str>,
    queue: &'a Queue,
    cursor: Option<&'a Cursor>,
    now: &'a str,
    limit: usize,
}

/// The statement and its values for a page. Each combination of filters has an index that
/// gives its tickets in the list's order (`schema.rs`, step 4), so a page reads about `limit`
/// rows however many tickets the desk holds; `order` narrows to one order's few tickets; `urgent`
/// is a filter on top of the others' index. The cursor is a row-value comparison, which
/// SQLite and PostgreSQL both read as a range of the index.
fn select(wanted: &Wanted<'_>) -> (String, Vec<Value>) {
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(store_id) = wanted.store_id {
        values.push(store_id.into());
        conditions.push(format!("t.store_id = ?{}", values.len()));
    }
    // An order's tickets are the narrowest range there is (a few per store): with an order,
    // the status and the list's order are written as expressions, which no index matches, so
    // that the planner reads the order's range and sorts those few rows rather than walk a
    // store's tickets in the list's order, skipping the other orders (`|| ''` leaves the text
    // as it is, on SQLite and PostgreSQL alike); the cursor too. Support's list of one store by
    // due time (no index has that order) sorts the store's tickets the same way, rather than
    // walk the whole desk's by status and due time.
    let expression = " || ''";
    // With `overdue`, the waiting tickets' partial index is the range, whatever the status
    // (`answered` with `overdue` finds nothing, and must not walk every answered ticket to say so).
    let narrow_status = if wanted.order.is_some() || wanted.queue.overdue {
        expression
    } else {
        ""
    };
    let one_store_by_due =
        wanted.store_id.is_some() && wanted.queue.by_due && !wanted.queue.overdue;
    let narrow = if wanted.order.is_some() || one_store_by_due {
        expression
    } else {
        ""
    };
    if let Some(status) = wanted.status {
        values.push(status.name().to_string().into());
        conditions.push(format!("t.status{narrow_status} = ?{}", values.len()));
    }
    if let Some(order) = wanted.order {
        values.push(order.to_string().into());
        conditions.push(format!("t.order_number = ?{}", values.len()));
    }
    if wanted.queue.urgent {
        conditions.push("t.urgent".to_string());
    }
    if wanted.queue.overdue {
        values.push(wanted.now.to_string().into());
        // The terms of the partial indexes `tickets_waiting` and `tickets_store_waiting`.
        conditions.push(format!(
            "t.first_response_at IS NULL AND t.status <> 'resolved' AND t.first_response_due < ?{}",
            values.len()
        ));
    }
    let (key, after, direction) = if wanted.queue.by_due {
        ("t.first_response_due", ">", "ASC")
    } else {
        ("t.created_at", "<", "DESC")
    };
    if let Some(cursor) = wanted.cursor {
        values.push(cursor.created_at.clone().into());
        values.push(cursor.id.into());
        let (at, id) = (values.len() - 1, values.len());
        conditions.push(format!("({key}{narrow}, t.id) {after} (?{at}, ?{id})"));
    }
    // One more than asked says whether there is a next page.
    values.push(((wanted.limit + 1) as i64).into());
    let where_clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, t.id FROM tickets t JOIN stores s ON s.id = t.store_id
         {where_clause} ORDER BY {key}{narrow} {direction}, t.id {direction} LIMIT ?{}",
        values.len()
    );
    (sql, values)
}

pub(crate) fn list(
    db: &Db,
    scope: &Scope,
    filter: &ListFilter,
    queue: &Queue,
    now: DateTime<Utc>,
) -> Result<TicketPage, DeskError> {
    let limit = check_limit(filter.limit)?;
    // `1052` finds `#1052`: the filter is normalized as the field was when filed.
    let order = match &filter.order {
        Some(text) => Some(
            parse_order(text)
                .map_err(|error| DeskError::Invalid(vec![error]))?
                .value,
        ),
        None => None,
    };
    let cursor = filter.cursor.as_deref().map(Cursor::decode).transpose()?;
    if cursor.as_ref().is_some_and(|c| c.by_due != queue.by_due) {
        return Err(DeskError::BadRequest(
            "the cursor belongs to a list in another order; start again without it".to_string(),
        ));
    }
    let now = format_utc(now);
    let order_text = order.as_ref().map(ToString::to_string);

    db.read(|conn| {
        let store_id = match scope {
            Scope::Store(store) => match stores::find(conn, store.as_str())? {
                Some(id) => Some(id),
                None => {
                    return Ok(TicketPage {
                        tickets: Vec::new(),
                        next_cursor: None,
                    });
                }
            },
            Scope::Everything => None,
        };
        let wanted = Wanted {
            store_id,
            status: filter.status,
            order: order_text.as_deref(),
            queue,
            cursor: cursor.as_ref(),
            now: &now,
            limit,
        };
        let (sql, values) = select(&wanted);
        // A handful of distinct statements at most (one per combination of filters): the
        // statement cache keeps them all.
        let rows = conn.rows(&sql, &storage::params(&values), |row| {
            let id: i64 = row.get(9)?;
            Ok((views::summary_from_row(row, &now)?, id))
        })?;
        let mut tickets = Vec::with_capacity(limit);
        let mut last_id = None;
        let mut more = false;
        for (summary, id) in rows {
            if tickets.len() == limit {
                more = true;
                break;
            }
            last_id = Some(id);
            tickets.push(summary);
        }
        let next_cursor = match (more, tickets.last(), last_id) {
            (true, Some(last), Some(id)) => Some(
                Cursor {
                    by_due: queue.by_due,
                    created_at: if queue.by_due {
                        last.first_response_due.clone()
                    } else {
                        last.created_at.clone()
                    },
                    id,
                }
                .encode(),
            ),
            _ => None,
        };
        Ok(TicketPage {
            tickets,
            next_cursor,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_foreign_ones_are_refused() {
        for by_due in [false, true] {
            let cursor = Cursor {
                by_due,
                created_at: "2026-11-20T14:03:00Z".to_string(),
                id: 42,
            };
            assert_eq!(Cursor::decode(&cursor.encode()).unwrap(), cursor);
        }
        for bad in [
            "",
            "zz",
            "abc",
            "6869",
            &"x|1"
                .bytes()
                .map(|b| format!("{b:02x}"))
                .collect::<String>(),
        ] {
            let error = Cursor::decode(bad).unwrap_err();
            assert!(
                matches!(error, DeskError::BadRequest(ref m) if m.contains("next_cursor")),
                "{bad}: {error:?}"
            );
        }
    }

    #[test]
    fn limits_outside_1_to_500_are_refused() {
        assert_eq!(check_limit(None).unwrap(), 50);
        assert_eq!(check_limit(Some(500)).unwrap(), 500);
        assert!(matches!(
            check_limit(Some(0)),
            Err(DeskError::BadRequest(_))
        ));
        assert!(matches!(
            check_limit(Some(501)),
            Err(DeskError::BadRequest(_))
        ));
    }
}

#[cfg(test)]
mod core_tests {
    use super::*;
    use crate::api::Status;
    use crate::desk::testing::*;

    fn orders(page: &TicketPage) -> Vec<&str> {
        page.tickets.iter().map(|t| t.order.as_str()).collect()
    }

    #[test]
    fn pages_run_newest_first_without_gaps_or_repeats() {
        let (_dir, core) = desk();
        // Three in the same second: the row id breaks the tie.
        for (n, minutes) in [(1, 0), (2, 1), (3, 1), (4, 1), (5, 2)] {
            file(&core, SHOP, &format!("{n}"), later(minutes));
        }
        file(&core, OTHER_SHOP, "9", later(3));

        let mut seen = Vec::new();
        let mut filter = ListFilter {
            limit: Some(2),
            ..ListFilter::default()
        };
        loop {
            let page = core.list(&store_scope(SHOP), &filter, later(10)).unwrap();
            assert!(page.tickets.len() <= 2);
            seen.extend(orders(&page).into_iter().map(str::to_string));
            match page.next_cursor {
                Some(cursor) => filter.cursor = Some(cursor),
                None => break,
            }
        }
        assert_eq!(seen, ["#5", "#4", "#3", "#2", "#1"]);

        let everything = core
            .list(&Scope::Everything, &ListFilter::default(), later(10))
            .unwrap();
        assert_eq!(orders(&everything), ["#9", "#5", "#4", "#3", "#2", "#1"]);
        assert_eq!(everything.next_cursor, None);
    }

    #[test]
    fn filters_by_status_and_by_order_as_typed() {
        let (_dir, core) = desk();
        let first = file(&core, SHOP, "1052", t0()).tracking_number;
        core.resolve(&Scope::Everything, &first, later(1)).unwrap();
        file(&core, SHOP, "1052", later(2));
        file(&core, SHOP, "1053", later(3));
        let scope = store_scope(SHOP);

        let by_order = ListFilter {
            order: Some("1052".to_string()),
            ..ListFilter::default()
        };
        let page = core.list(&scope, &by_order, later(5)).unwrap();
        assert_eq!(orders(&page), ["#1052", "#1052"]);

        let resolved = ListFilter {
            status: Some(Status::Resolved),
            ..ListFilter::default()
        };
        let page = core.list(&scope, &resolved, later(5)).unwrap();
        assert_eq!(page.tickets.len(), 1);
        assert_eq!(page.tickets[0].tracking_number, first);

        let both = ListFilter {
            status: Some(Status::Open),
            order: Some("#1053".to_string()),
            ..ListFilter::default()
        };
        assert_eq!(
            orders(&core.list(&scope, &both, later(5)).unwrap()),
            ["#1053"]
        );

        let bad_order = ListFilter {
            order: Some("10 52!".to_string()),
            ..ListFilter::default()
        };
        assert!(matches!(
            core.list(&scope, &bad_order, later(5)),
            Err(DeskError::Invalid(_))
        ));
        let bad_cursor = ListFilter {
            cursor: Some("nope".to_string()),
            ..ListFilter::default()
        };
        assert!(matches!(
            core.list(&scope, &bad_cursor, later(5)),
            Err(DeskError::BadRequest(_))
        ));
    }

    #[test]
    fn a_store_the_desk_never_saw_has_no_tickets() {
        let (_dir, core) = desk();
        file(&core, SHOP, "1052", t0());
        let page = core
            .list(&store_scope(OTHER_SHOP), &ListFilter::default(), t0())
            .unwrap();
        assert!(page.tickets.is_empty());
        assert_eq!(page.next_cursor, None);
    }

    #[test]
    fn summaries_say_when_a_ticket_is_overdue() {
        let (_dir, core) = desk();
        file(&core, SHOP, "1052", t0());
        let week = later(60 * 24 * 7);
        let page = core
            .list(&Scope::Everything, &ListFilter::default(), week)
            .unwrap();
        assert!(page.tickets[0].overdue);
        let page = core
            .list(&Scope::Everything, &ListFilter::default(), t0())
            .unwrap();
        assert!(!page.tickets[0].overdue);
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::desk::plans::{Reads, assert_reads};
    use crate::desk::testing::*;

    /// Every filter a list takes, with its order and whether a cursor is given, and the index
    /// that must give its tickets. Not held to an index: `urgent` (a filter on top of the
    /// others' index), an order filter across the whole desk (support's, without a store),
    /// which walks the desk's due-time index, and `overdue` newest first (no caller asks).
    #[test]
    fn every_list_reads_a_range_of_the_index_of_its_order_and_filters() {
        use Reads::{Narrow, Ordered, Range};
        let cases: [(bool, bool, bool, bool, bool, Reads); 15] = [
            // store, status, order, by_due, overdue: the store API's lists (newest first)...
            (
                true,
                false,
                false,
                false,
                false,
                Range("tickets_store_newest"),
            ),
            (
                true,
                true,
                false,
                false,
                false,
                Range("tickets_store_status_newest"),
            ),
            (
                true,
                false,
                true,
                false,
                false,
                Narrow("tickets_store_order"),
            ),
            (
                true,
                true,
                true,
                false,
                false,
                Narrow("tickets_store_order"),
            ),
            // ...support's queue (by due time) of the whole desk...
            (false, false, false, true, false, Ordered("tickets_due")),
            (false, true, false, true, false, Range("tickets_status_due")),
            (false, false, false, true, true, Range("tickets_waiting")),
            (false, true, false, true, true, Range("tickets_waiting")),
            // ...and of one store: its tickets, sorted by due time.
            (
                true,
                false,
                false,
                true,
                false,
                Narrow("tickets_store_newest"),
            ),
            (
                true,
                true,
                false,
                true,
                false,
                Narrow("tickets_store_status_newest"),
            ),
            (
                true,
                false,
                true,
                true,
                false,
                Narrow("tickets_store_order"),
            ),
            (
                true,
                false,
                false,
                true,
                true,
                Range("tickets_store_waiting"),
            ),
            (
                true,
                true,
                false,
                true,
                true,
                Range("tickets_store_waiting"),
            ),
            // The whole desk newest first (the CLI's embedded desk).
            (false, false, false, false, false, Ordered("tickets_newest")),
            (
                false,
                true,
                false,
                false,
                false,
                Narrow("tickets_status_due"),
            ),
        ];
        let (_dir, core) = desk();
        let mut failures = Vec::new();
        crate::desk::plans::on_sqlite(&core, |conn| {
            for (store, status, order, by_due, overdue, reads) in cases {
                for with_cursor in [false, true] {
                    let queue = Queue {
                        urgent: false,
                        overdue,
                        by_due,
                    };
                    let cursor = Cursor {
                        by_due,
                        created_at: "2026-11-18T10:00:00Z".to_string(),
                        id: 7,
                    };
                    let wanted = Wanted {
                        store_id: store.then_some(1),
                        status: status.then_some(Status::Open),
                        order: order.then_some("#1052"),
                        queue: &queue,
                        cursor: with_cursor.then_some(&cursor),
                        now: "2026-11-18T10:00:00Z",
                        limit: 50,
                    };
                    let (sql, _) = select(&wanted);
                    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        assert_reads(conn, &sql, "t", reads);
                    }));
                    if checked.is_err() {
                        failures.push(format!(
                            "{store} {status} {order} {by_due} {overdue} {with_cursor}"
                        ));
                    }
                }
            }
            Ok(())
        })
        .unwrap();
        assert!(
            failures.is_empty(),
            "store status order by_due overdue cursor: {failures:#?}"
        );
    }
}
