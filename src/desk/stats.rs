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
