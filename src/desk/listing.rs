//! Ticket lists: newest first, filtered by status and order, a page at a time. The cursor is
//! opaque to callers: the hex of `created_at|id` of the last ticket shown, so a page starts
//! exactly after it even when many tickets share a second.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;

use super::db::Db;
use super::views::{self, SUMMARY_COLUMNS};
use super::{DeskError, ListFilter, Scope, stores};
use crate::api::TicketPage;
use crate::domain::order::parse_order;
use crate::domain::timestamp::format_utc;

pub(crate) const DEFAULT_LIMIT: usize = 50;
pub(crate) const MAX_LIMIT: usize = 500;

/// Where a page starts: after the ticket created at `created_at` with row id `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cursor {
    created_at: String,
    id: i64,
}

impl Cursor {
    fn encode(&self) -> String {
        format!("{}|{}", self.created_at, self.id)
            .bytes()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn decode(text: &str) -> Result<Cursor, DeskError> {
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
        let (created_at, id) = plain.split_once('|').ok_or_else(refuse)?;
        DateTime::parse_from_rfc3339(created_at).map_err(|_| refuse())?;
        let id = id.parse().map_err(|_| refuse())?;
        Ok(Cursor {
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

pub(crate) fn list(
    db: &Db,
    scope: &Scope,
    filter: &ListFilter,
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
    let now = format_utc(now);

    db.read(|conn| {
        let mut conditions = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Scope::Store(store) = scope {
            let Some(store_id) = stores::find(conn, store.as_str())? else {
                return Ok(TicketPage {
                    tickets: Vec::new(),
                    next_cursor: None,
                });
            };
            values.push(store_id.into());
            conditions.push(format!("t.store_id = ?{}", values.len()));
        }
        if let Some(status) = filter.status {
            values.push(status.name().to_string().into());
            conditions.push(format!("t.status = ?{}", values.len()));
        }
        if let Some(order) = &order {
            values.push(order.to_string().into());
            conditions.push(format!("t.order_number = ?{}", values.len()));
        }
        if let Some(cursor) = &cursor {
            values.push(cursor.created_at.clone().into());
            values.push(cursor.id.into());
            let (at, id) = (values.len() - 1, values.len());
            conditions.push(format!(
                "(t.created_at < ?{at} OR (t.created_at = ?{at} AND t.id < ?{id}))"
            ));
        }
        // One more than asked says whether there is a next page.
        values.push(((limit + 1) as i64).into());
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        // A handful of distinct statements at most (one per combination of filters): the
        // statement cache keeps them all.
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}, t.id FROM tickets t JOIN stores s ON s.id = t.store_id
             {where_clause} ORDER BY t.created_at DESC, t.id DESC LIMIT ?{}",
            values.len()
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |row| {
            let id: i64 = row.get(9)?;
            Ok((views::summary_from_row(row, &now)?, id))
        })?;
        let mut tickets = Vec::with_capacity(limit);
        let mut last_id = None;
        let mut more = false;
        for row in rows {
            let (summary, id) = row?;
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
                    created_at: last.created_at.clone(),
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
        let cursor = Cursor {
            created_at: "2026-11-20T14:03:00Z".to_string(),
            id: 42,
        };
        assert_eq!(Cursor::decode(&cursor.encode()).unwrap(), cursor);
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
