//! The dashboard figures of a scope: tickets by status, the median time to support's first
//! response, the overdue tickets (most overdue first, a page at a time) and the latest messages.
//! Reads only.
//!
//! Every query reads a bounded range of an index, so a stats call costs the same on a desk of
//! 10⁴ tickets as on one of 10⁶, and a big store's call the same as a small one's:
//! - counts come from `ticket_counts` (`counts.rs`), not from the tickets;
//! - the median is over the latest [`RESPONSE_WINDOW`] first responses (by when support first
//!   answered), read from a covering partial index: a dashboard figure about how support answers
//!   now, not since the store's first ticket;
//! - overdue tickets come from the partial index of tickets still waiting for a first response,
//!   [`DEFAULT_OVERDUE`] a page (at most [`MAX_LIMIT`]), with `overdue_next_cursor` for the rest;
//! - recent activity from the index of messages by store and time.
//!
//! Each query has a store-scoped and an all-desk form (`store_id = ?1` rather than
//! `?1 IS NULL OR …`, which keeps planners off the store's indexes); the tests below hold every
//! one of them to its query plan.

use super::listing::{Cursor, MAX_LIMIT};
use super::storage::{self, Conn, Db, Row, Value};
use super::views::{self, SUMMARY_COLUMNS};
use super::{DeskError, OverduePage, Scope, counts, stores};
use crate::api::{Activity, Stats, TicketSummary};
use crate::domain::timestamp::format_utc;
use chrono::{DateTime, Utc};

/// How many messages `recent` shows.
pub(crate) const RECENT: usize = 10;
/// How many of the latest first responses the median is taken over.
pub(crate) const RESPONSE_WINDOW: usize = 1_000;
/// Overdue tickets in one answer when the caller does not say.
pub const DEFAULT_OVERDUE: usize = 50;

/// The latest first responses: (first response, filing) times, newest response first.
const STORE_RESPONSES: &str = "SELECT first_response_at, created_at FROM tickets
     WHERE store_id = ?1 AND first_response_at IS NOT NULL
     ORDER BY first_response_at DESC LIMIT ?2";
const DESK_RESPONSES: &str = "SELECT first_response_at, created_at FROM tickets
     WHERE first_response_at IS NOT NULL
     ORDER BY first_response_at DESC LIMIT ?1";

/// Overdue tickets due before `?n`, after the cursor (`?n+1`, `?n+2`: due time and row id; the
/// empty due time starts at the beginning), `?n+3` of them; `n` is 2 with a store (`?1`), else 1.
/// The terms `first_response_at IS NULL AND status <> 'resolved'` are those of the partial
/// indexes `tickets_store_waiting` and `tickets_waiting`, written the same so the planner (here
/// and on PostgreSQL) can use them.
fn overdue_sql(store: bool) -> String {
    let (scope, n) = if store {
        ("t.store_id = ?1 AND ", 2)
    } else {
        ("", 1)
    };
    let (now, at, id, limit) = (n, n + 1, n + 2, n + 3);
    format!(
        "SELECT {SUMMARY_COLUMNS}, t.id FROM tickets t JOIN stores s ON s.id = t.store_id
         WHERE {scope}t.first_response_at IS NULL AND t.status <> 'resolved'
           AND t.first_response_due < ?{now} AND (t.first_response_due, t.id) > (?{at}, ?{id})
         ORDER BY t.first_response_due, t.id LIMIT ?{limit}"
    )
}

/// The latest messages, newest first.
const STORE_RECENT: &str = "SELECT t.tracking_number, m.author, m.at, t.subject
     FROM messages m JOIN tickets t ON t.id = m.ticket_id
     WHERE m.store_id = ?1
     ORDER BY m.at DESC, m.id DESC LIMIT ?2";
const DESK_RECENT: &str = "SELECT t.tracking_number, m.author, m.at, t.subject
     FROM messages m JOIN tickets t ON t.id = m.ticket_id
     ORDER BY m.at DESC, m.id DESC LIMIT ?1";

pub(crate) fn stats(
    db: &Db,
    scope: &Scope,
    page: &OverduePage,
    now: DateTime<Utc>,
) -> Result<Stats, DeskError> {
    let limit = check_limit(page.limit)?;
    let after = page
        .cursor
        .as_deref()
        .map(decode_cursor)
        .transpose()?
        .map_or((String::new(), 0), |c| (c.created_at, c.id));
    let now = format_utc(now);
    db.read(|conn| {
        let store_id = match scope {
            Scope::Store(store) => match stores::find(conn, store.as_str())? {
                Some(id) => Some(id),
                // A store that never filed has nothing to show.
                None => return Ok(empty()),
            },
            Scope::Everything => None,
        };
        let (open, answered, resolved) = counts::by_status(conn, store_id)?;
        let (overdue, overdue_next_cursor) = overdue(conn, store_id, &now, &after, limit)?;
        Ok(Stats {
            open,
            answered,
            resolved,
            median_first_response_seconds: median_first_response(conn, store_id)?,
            overdue,
            overdue_next_cursor,
            recent: recent(conn, store_id)?,
        })
    })
}

fn empty() -> Stats {
    Stats {
        open: 0,
        answered: 0,
        resolved: 0,
        median_first_response_seconds: None,
        overdue: Vec::new(),
        overdue_next_cursor: None,
        recent: Vec::new(),
    }
}

fn check_limit(limit: Option<usize>) -> Result<usize, DeskError> {
    match limit {
        None => Ok(DEFAULT_OVERDUE),
        Some(limit) if (1..=MAX_LIMIT).contains(&limit) => Ok(limit),
        Some(limit) => Err(DeskError::BadRequest(format!(
            "overdue_limit {limit} is out of range; ask for 1 to {MAX_LIMIT} overdue tickets and \
             follow `overdue_next_cursor` for more"
        ))),
    }
}

fn decode_cursor(text: &str) -> Result<Cursor, DeskError> {
    match Cursor::decode(text) {
        Ok(cursor) if cursor.by_due => Ok(cursor),
        _ => Err(DeskError::BadRequest(format!(
            "overdue_cursor `{text}` is not one this desk gave out; pass the \
             `overdue_next_cursor` of the previous answer unchanged, or leave it out to start \
             from the most overdue ticket"
        ))),
    }
}

/// One page of overdue tickets, most overdue first, and the cursor of the next page if any.
fn overdue(
    conn: &dyn Conn,
    store_id: Option<i64>,
    now: &str,
    (after_due, after_id): &(String, i64),
    limit: usize,
) -> Result<(Vec<TicketSummary>, Option<String>), DeskError> {
    let mut values: Vec<Value> = Vec::with_capacity(5);
    values.extend(store_id.map(Into::into));
    values.push(now.to_string().into());
    values.push(after_due.clone().into());
    values.push((*after_id).into());
    // One more than asked says whether there is a next page.
    values.push(((limit + 1) as i64).into());
    let mut page: Vec<(TicketSummary, i64)> = conn.rows(
        &overdue_sql(store_id.is_some()),
        &storage::params(&values),
        |row| Ok((views::summary_from_row(row, now)?, row.get::<i64>(9)?)),
    )?;
    let next = if page.len() > limit {
        page.truncate(limit);
        page.last().map(|(last, id)| {
            Cursor {
                by_due: true,
                created_at: last.first_response_due.clone(),
                id: *id,
            }
            .encode()
        })
    } else {
        None
    };
    Ok((page.into_iter().map(|(summary, _)| summary).collect(), next))
}

/// The median of (first response − filing) in whole seconds over the latest
/// [`RESPONSE_WINDOW`] first responses; with an even count, the mean of the middle two, rounded
/// down.
fn median_first_response(conn: &dyn Conn, store_id: Option<i64>) -> Result<Option<i64>, DeskError> {
    let window = RESPONSE_WINDOW as i64;
    let read =
        |row: &Row| -> Result<(String, String), DeskError> { Ok((row.get(0)?, row.get(1)?)) };
    let pairs: Vec<(String, String)> = match store_id {
        Some(id) => conn.rows(STORE_RESPONSES, &[&id, &window], read)?,
        None => conn.rows(DESK_RESPONSES, &[&window], read)?,
    };
    let mut durations = pairs
        .iter()
        .map(|(answered, filed)| Ok(seconds(answered)? - seconds(filed)?))
        .collect::<Result<Vec<i64>, DeskError>>()?;
    Ok(median(&mut durations))
}

fn seconds(text: &str) -> Result<i64, DeskError> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.timestamp())
        .map_err(|e| DeskError::Storage(format!("stored time `{text}` is unreadable: {e}")))
}

/// The median of `values` (the mean of the middle two, rounded down, for an even count).
fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]).div_euclid(2)
    })
}

fn recent(conn: &dyn Conn, store_id: Option<i64>) -> Result<Vec<Activity>, DeskError> {
    let read = |row: &Row| -> Result<Activity, DeskError> {
        Ok(Activity {
            tracking_number: row.decoded(0, views::stored_tracking)?,
            from: row.decoded(1, views::stored_author)?,
            at: row.get(2)?,
            subject: row.get(3)?,
        })
    };
    let limit = RECENT as i64;
    match store_id {
        Some(id) => conn.rows(STORE_RECENT, &[&id, &limit], read),
        None => conn.rows(DESK_RECENT, &[&limit], read),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Author;
    use crate::desk::testing::*;

    #[test]
    fn figures_of_a_store() {
        let (_dir, core) = desk();
        let scope = store_scope(SHOP);
        let support = |tn: &crate::domain::tracking::TrackingNumber, minutes| {
            core.add_message(
                &Scope::Everything,
                tn,
                Author::Support,
                "on it",
                Vec::new(),
                later(minutes),
            )
            .unwrap()
        };
        // Answered after 10, 20, 40 and 60 minutes: median (20 + 40) / 2 = 30 minutes.
        let mut answered = Vec::new();
        for (n, minutes) in [(1, 10), (2, 20), (3, 40), (4, 60)] {
            let tn = file(&core, SHOP, &n.to_string(), t0()).tracking_number;
            support(&tn, minutes);
            answered.push(tn);
        }
        core.resolve(&scope, &answered[0], later(70)).unwrap();
        // Two never answered; one of them resolved.
        let waiting = file(&core, SHOP, "5", later(1)).tracking_number;
        let dropped = file(&core, SHOP, "6", later(2)).tracking_number;
        core.resolve(&scope, &dropped, later(3)).unwrap();
        // Another store's ticket counts for nobody here.
        let elsewhere = file(&core, OTHER_SHOP, "7", t0()).tracking_number;
        support(&elsewhere, 500);

        let week = later(60 * 24 * 7);
        let stats = core.stats(&scope, week).unwrap();
        assert_eq!((stats.open, stats.answered, stats.resolved), (1, 3, 2));
        assert_eq!(stats.median_first_response_seconds, Some(30 * 60));
        let overdue: Vec<_> = stats.overdue.iter().map(|t| t.tracking_number).collect();
        assert_eq!(overdue, [waiting]);
        assert!(stats.overdue[0].overdue);
        let recent: Vec<_> = stats
            .recent
            .iter()
            .map(|a| (a.tracking_number, &a.at[..]))
            .collect();
        assert_eq!(
            recent,
            [
                (answered[3], "2026-11-18T11:00:00Z"),
                (answered[2], "2026-11-18T10:40:00Z"),
                (answered[1], "2026-11-18T10:20:00Z"),
                (answered[0], "2026-11-18T10:10:00Z"),
            ]
        );
        assert!(stats.recent.iter().all(|a| a.from == Author::Support));

        let all = core.stats(&Scope::Everything, week).unwrap();
        assert_eq!((all.open, all.answered, all.resolved), (1, 4, 2));
        // 10, 20, 40, 60, 500 minutes.
        assert_eq!(all.median_first_response_seconds, Some(40 * 60));
        assert_eq!(all.recent[0].tracking_number, elsewhere);
    }

    #[test]
    fn recent_shows_the_latest_ten_and_an_empty_desk_has_no_median() {
        let (_dir, core) = desk();
        let empty = core.stats(&Scope::Everything, t0()).unwrap();
        assert_eq!(empty.median_first_response_seconds, None);
        assert!(empty.recent.is_empty() && empty.overdue.is_empty());

        let tn = file(&core, SHOP, "1052", t0()).tracking_number;
        for minute in 1..=12 {
            core.add_message(
                &Scope::Everything,
                &tn,
                Author::Merchant,
                "ping",
                Vec::new(),
                later(minute),
            )
            .unwrap();
        }
        let stats = core.stats(&Scope::Everything, later(20)).unwrap();
        assert_eq!(stats.recent.len(), RECENT);
        assert_eq!(stats.recent[0].at, "2026-11-18T10:12:00Z");
        assert_eq!(stats.recent[9].at, "2026-11-18T10:03:00Z");
        assert_eq!(stats.median_first_response_seconds, None);
    }
}

#[cfg(test)]
mod paging_tests {
    use super::*;
    use crate::desk::testing::*;

    #[test]
    fn overdue_tickets_come_a_page_at_a_time_most_overdue_first() {
        let (_dir, core) = desk();
        let filed: Vec<_> = (0..7)
            .map(|n| file(&core, SHOP, &n.to_string(), later(n)).tracking_number)
            .collect();
        file(&core, OTHER_SHOP, "9", t0());
        let week = later(60 * 24 * 7);
        let mut page = OverduePage {
            limit: Some(3),
            cursor: None,
        };
        let mut seen = Vec::new();
        loop {
            let stats = core.stats_page(&store_scope(SHOP), &page, week).unwrap();
            assert!(stats.overdue.len() <= 3);
            assert_eq!(stats.open, 7, "every page keeps the figures");
            seen.extend(stats.overdue.iter().map(|t| t.tracking_number));
            match stats.overdue_next_cursor {
                Some(cursor) => page.cursor = Some(cursor),
                None => break,
            }
        }
        assert_eq!(seen, filed);
        let all = core.stats(&Scope::Everything, week).unwrap();
        assert_eq!(all.overdue.len(), 8);
        assert_eq!(all.overdue_next_cursor, None);
    }

    #[test]
    fn an_overdue_limit_or_cursor_the_desk_did_not_give_is_refused_with_the_fix() {
        let (_dir, core) = desk();
        for page in [
            OverduePage {
                limit: Some(0),
                cursor: None,
            },
            OverduePage {
                limit: Some(MAX_LIMIT + 1),
                cursor: None,
            },
        ] {
            let error = core
                .stats_page(&Scope::Everything, &page, t0())
                .unwrap_err();
            assert!(
                matches!(&error, DeskError::BadRequest(m) if m.contains("1 to 500")),
                "{error:?}"
            );
        }
        let newest_first = Cursor {
            by_due: false,
            created_at: "2026-11-18T10:00:00Z".to_string(),
            id: 1,
        };
        for cursor in ["nope".to_string(), newest_first.encode()] {
            let page = OverduePage {
                limit: None,
                cursor: Some(cursor),
            };
            let error = core
                .stats_page(&Scope::Everything, &page, t0())
                .unwrap_err();
            assert!(
                matches!(&error, DeskError::BadRequest(m) if m.contains("overdue_next_cursor")),
                "{error:?}"
            );
        }
    }

    #[test]
    fn the_median_is_over_the_latest_first_responses() {
        let mut durations: Vec<i64> = (1..=RESPONSE_WINDOW as i64 + 4).collect();
        assert_eq!(median(&mut durations[..3]), Some(2));
        assert_eq!(median(&mut [40, 10, 30, 20]), Some(25));
        assert_eq!(median(&mut [1, 2]), Some(1));
        assert_eq!(median(&mut []), None);
        durations.reverse();
        assert_eq!(median(&mut durations), Some(502));
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::desk::plans::{Reads, assert_reads};
    use crate::desk::testing::*;

    fn on_a_desk(check: impl FnOnce(&rusqlite::Connection)) {
        let (_dir, core) = desk();
        crate::desk::plans::on_sqlite(&core, |conn| {
            check(conn);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn counts_read_the_counter_rows_not_the_tickets() {
        on_a_desk(|conn| {
            for sql in [counts::STORE_COUNTS, counts::DESK_COUNTS] {
                let plan = crate::desk::plans::plan(conn, sql);
                assert!(
                    plan.iter()
                        .all(|line| line.split(' ').nth(1) != Some("tickets")),
                    "{plan:?}"
                );
            }
            let plan = crate::desk::plans::plan(conn, counts::STORE_COUNTS);
            assert!(
                plan[0].starts_with("SEARCH ticket_counts USING PRIMARY KEY (store_id=?)"),
                "{plan:?}"
            );
        });
    }

    #[test]
    fn the_median_reads_the_latest_responses_from_an_index() {
        on_a_desk(|conn| {
            assert_reads(
                conn,
                STORE_RESPONSES,
                "tickets",
                Reads::Range("tickets_store_responded"),
            );
            assert_reads(
                conn,
                DESK_RESPONSES,
                "tickets",
                Reads::Range("tickets_responded"),
            );
        });
    }

    #[test]
    fn overdue_reads_a_range_of_the_waiting_tickets() {
        on_a_desk(|conn| {
            assert_reads(
                conn,
                &overdue_sql(true),
                "t",
                Reads::Range("tickets_store_waiting"),
            );
            assert_reads(
                conn,
                &overdue_sql(false),
                "t",
                Reads::Range("tickets_waiting"),
            );
        });
    }

    #[test]
    fn recent_reads_the_latest_messages_from_an_index() {
        on_a_desk(|conn| {
            assert_reads(
                conn,
                STORE_RECENT,
                "m",
                Reads::Range("messages_store_newest"),
            );
            assert_reads(conn, DESK_RECENT, "m", Reads::Ordered("messages_newest"));
        });
    }
}
