//! The dashboard figures of a scope: tickets by status, the median time to support's first
//! response, the overdue tickets (most overdue first) and the latest messages. Reads only.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::db::Db;
use super::views::{self, SUMMARY_COLUMNS, scope_store};
use super::{DeskError, Scope};
use crate::api::{Activity, Stats, Status};
use crate::domain::timestamp::format_utc;

/// How many messages `recent` shows.
pub(crate) const RECENT: usize = 10;

pub(crate) fn stats(db: &Db, scope: &Scope, now: DateTime<Utc>) -> Result<Stats, DeskError> {
    let now = format_utc(now);
    let store = scope_store(scope);
    db.read(|conn| {
        let mut stats = Stats {
            open: 0,
            answered: 0,
            resolved: 0,
            median_first_response_seconds: median_first_response(conn, store)?,
            overdue: Vec::new(),
            recent: recent(conn, store)?,
        };
        let mut stmt = conn.prepare_cached(
            "SELECT t.status, count(*) FROM tickets t JOIN stores s ON s.id = t.store_id
             WHERE ?1 IS NULL OR s.url = ?1 GROUP BY t.status",
        )?;
        let counts = stmt.query_map([store], |row| {
            Ok((
                views::decoded(row, 0, views::stored_status)?,
                row.get::<_, i64>(1)?,
            ))
        })?;
        for count in counts {
            let (status, count) = count?;
            let count = count.unsigned_abs();
            match status {
                Status::Open => stats.open = count,
                Status::Answered => stats.answered = count,
                Status::Resolved => stats.resolved = count,
            }
        }

        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM tickets t JOIN stores s ON s.id = t.store_id
             WHERE (?1 IS NULL OR s.url = ?1) AND t.first_response_at IS NULL
               AND t.status <> 'resolved' AND t.first_response_due < ?2
             ORDER BY t.first_response_due, t.id"
        ))?;
        let overdue = stmt.query_map(params![store, now], |row| {
            views::summary_from_row(row, &now)
        })?;
        stats.overdue = overdue.collect::<Result<_, _>>()?;
        Ok(stats)
    })
}

/// The median of (first response − filing) in whole seconds over tickets with a first response;
/// with an even count, the mean of the middle two, rounded down.
fn median_first_response(conn: &Connection, store: Option<&str>) -> Result<Option<i64>, DeskError> {
    const DURATIONS: &str = "SELECT unixepoch(t.first_response_at) - unixepoch(t.created_at) AS d
         FROM tickets t JOIN stores s ON s.id = t.store_id
         WHERE (?1 IS NULL OR s.url = ?1) AND t.first_response_at IS NOT NULL";
    let mut stmt = conn.prepare_cached(&format!("SELECT count(*) FROM ({DURATIONS})"))?;
    let count: i64 = stmt.query_row([store], |row| row.get(0))?;
    if count == 0 {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT d FROM ({DURATIONS}) ORDER BY d LIMIT ?2 OFFSET ?3"
    ))?;
    let middle = stmt
        .query_map(params![store, 2 - count % 2, (count - 1) / 2], |row| {
            row.get::<_, i64>(0)
        })?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(Some(
        middle
            .iter()
            .sum::<i64>()
            .div_euclid(middle.len().max(1) as i64),
    ))
}

fn recent(conn: &Connection, store: Option<&str>) -> Result<Vec<Activity>, DeskError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.tracking_number, m.author, m.at, t.subject
         FROM messages m JOIN tickets t ON t.id = m.ticket_id JOIN stores s ON s.id = t.store_id
         WHERE ?1 IS NULL OR s.url = ?1
         ORDER BY m.at DESC, m.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![store, RECENT as i64], |row| {
        Ok(Activity {
            tracking_number: views::decoded(row, 0, views::stored_tracking)?,
            from: views::decoded(row, 1, views::stored_author)?,
            at: row.get(2)?,
            subject: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
