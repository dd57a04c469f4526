//! The counts of tickets by status, per store (`ticket_counts`): what `stats` reads instead of
//! counting a store's tickets. Kept exact by changing them in the same transaction as the
//! ticket: `filing.rs` calls [`filed`] when it inserts one, `messages.rs` calls [`moved`] when
//! a status changes. Anything else that writes `tickets.status` (a copy between desks, a bench
//! fill) must run [`RECOUNT`] before it commits.
//!
//! Why a table and not indexes: an index on `(store_id, status)` makes the counts index-only,
//! but still one index entry read per ticket, so a stats call would grow with the store (10⁵
//! entries for a big store). A few small rows per store cost two upserts per status change, and
//! a stats call reads at most [`SLOTS`] rows per status (the whole desk: that per store). The SQL
//! is plain (`INSERT … ON CONFLICT … DO UPDATE`), the same on PostgreSQL.
//!
//! Each count is split over [`SLOTS`] rows, a ticket's changes always going to slot `id % SLOTS`
//! (a slot may go below zero; the sum is the count): on PostgreSQL a row being updated is locked
//! until the transaction commits, and with one row per store and status every create of a store
//! would wait for the one before it to commit.

use super::DeskError;
use super::storage::Conn;
use crate::api::Status;

/// Rows each count is split over (schema step 5).
pub(crate) const SLOTS: i64 = 8;

/// A new ticket `ticket_id` of `store_id`, filed `open`.
pub(crate) fn filed(conn: &dyn Conn, store_id: i64, ticket_id: i64) -> Result<(), DeskError> {
    conn.execute(
        "INSERT INTO ticket_counts (store_id, status, slot, tickets) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (store_id, status, slot) DO UPDATE SET tickets = ticket_counts.tickets + 1",
        &[
            &store_id,
            &Status::Open.name(),
            &ticket_id.rem_euclid(SLOTS),
        ],
    )?;
    Ok(())
}

/// Ticket `ticket_id` went from status `from` to `to` (nothing to do when they are the same).
pub(crate) fn moved(
    conn: &dyn Conn,
    ticket_id: i64,
    from: Status,
    to: Status,
) -> Result<(), DeskError> {
    if from == to {
        return Ok(());
    }
    // `WHERE` after the `SELECT` also keeps SQLite from reading `ON CONFLICT` as a join's `ON`.
    // The casts give PostgreSQL the parameters' types, which a `SELECT` list does not.
    let sql = "INSERT INTO ticket_counts (store_id, status, slot, tickets)
             SELECT store_id, CAST(?2 AS TEXT), CAST(?4 AS BIGINT), CAST(?3 AS BIGINT)
             FROM tickets WHERE id = ?1
         ON CONFLICT (store_id, status, slot) DO UPDATE SET tickets = ticket_counts.tickets + excluded.tickets";
    let slot = ticket_id.rem_euclid(SLOTS);
    conn.execute(sql, &[&ticket_id, &from.name(), &-1i64, &slot])?;
    conn.execute(sql, &[&ticket_id, &to.name(), &1i64, &slot])?;
    Ok(())
}

/// Count again from `tickets`, for writers that bypass [`filed`] and [`moved`] (the read
/// benchmark's fill). Reads every ticket: for bulk loads, never on a request.
pub const RECOUNT: &str = "DELETE FROM ticket_counts;
     INSERT INTO ticket_counts (store_id, status, slot, tickets)
         SELECT store_id, status, 0, count(*) FROM tickets GROUP BY store_id, status;";

/// Counts by status: of one store, or of the whole desk (summed over its stores: grows with
/// the number of stores, never with tickets).
pub(crate) const STORE_COUNTS: &str = "SELECT status, CAST(sum(tickets) AS BIGINT) FROM ticket_counts WHERE store_id = ?1 GROUP BY status";
pub(crate) const DESK_COUNTS: &str =
    "SELECT status, CAST(sum(tickets) AS BIGINT) FROM ticket_counts GROUP BY status";

/// (open, answered, resolved) of a store (`Some(id)`) or of the whole desk (`None`).
pub(crate) fn by_status(
    conn: &dyn Conn,
    store_id: Option<i64>,
) -> Result<(u64, u64, u64), DeskError> {
    let read = |row: &super::storage::Row| -> Result<(String, i64), DeskError> {
        Ok((row.get(0)?, row.get(1)?))
    };
    let rows: Vec<(String, i64)> = match store_id {
        Some(id) => conn.rows(STORE_COUNTS, &[&id], read)?,
        None => conn.rows(DESK_COUNTS, &[], read)?,
    };
    let mut counts = (0, 0, 0);
    for (status, count) in rows {
        let count = count.max(0).unsigned_abs();
        match Status::parse(&status) {
            Some(Status::Open) => counts.0 = count,
            Some(Status::Answered) => counts.1 = count,
            Some(Status::Resolved) => counts.2 = count,
            None => {
                return Err(DeskError::Storage(format!(
                    "ticket_counts holds unknown status `{status}`"
                )));
            }
        }
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Author;
    use crate::desk::testing::*;

    fn rows(core: &crate::desk::DeskCore) -> Vec<(i64, String, i64)> {
        core.db
            .read(|conn| {
                conn.rows(
                    "SELECT store_id, status, CAST(sum(tickets) AS BIGINT) FROM ticket_counts
                     GROUP BY store_id, status HAVING sum(tickets) <> 0 ORDER BY store_id, status",
                    &[],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
            })
            .unwrap()
    }

    #[test]
    fn the_counts_follow_every_create_and_status_change() {
        let (_dir, core) = desk();
        let scope = crate::desk::Scope::Everything;
        let a = file(&core, SHOP, "1", t0()).tracking_number;
        let b = file(&core, SHOP, "2", t0()).tracking_number;
        file(&core, OTHER_SHOP, "1", t0());
        core.add_message(&scope, &a, Author::Support, "on it", vec![], later(1))
            .unwrap();
        // A message that keeps the status, and a status set twice, count once.
        core.add_message(&scope, &b, Author::Merchant, "hi", vec![], later(2))
            .unwrap();
        core.resolve(&scope, &b, later(3)).unwrap();
        core.resolve(&scope, &b, later(4)).unwrap();
        core.add_message(&scope, &b, Author::Merchant, "again", vec![], later(5))
            .unwrap();
        core.set_status(&a, Status::Resolved, later(6)).unwrap();
        // A failed create (a duplicate) counts nothing.
        assert!(
            core.create_ticket(&scope, request(input(SHOP, "2")), later(7))
                .is_err()
        );

        let kept = rows(&core);
        let shop = |status: &str, n| (1, status.to_string(), n);
        assert_eq!(
            kept,
            [shop("open", 1), shop("resolved", 1), (2, "open".into(), 1)]
        );
        core.db.write(|tx| tx.batch(RECOUNT)).unwrap();
        assert_eq!(rows(&core), kept, "the kept counts are what counting finds");
        let stats = core.stats(&store_scope(SHOP), later(8)).unwrap();
        assert_eq!((stats.open, stats.answered, stats.resolved), (1, 0, 1));
        let all = core.stats(&scope, later(8)).unwrap();
        assert_eq!((all.open, all.answered, all.resolved), (2, 0, 1));
    }
}
