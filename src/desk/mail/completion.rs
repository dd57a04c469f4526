//! A ticket filed by email is completed by the merchant's later mail (SPEC §9, issue 12): the
//! acknowledgement listed what the first mail lacked; a reply that gives those fields (read
//! through the same §2 parsers as the first mail) fills them in, and only them — a field the
//! ticket already holds is never overwritten by words in a reply.
//!
//! Also the subject line of a mail-filed ticket (the §2 subject from what the mail gave), which a
//! completed order changes.

use chrono::{DateTime, Utc};

use crate::desk::DeskError;
use crate::desk::storage::Conn;
use crate::desk::views::TicketRow;
use crate::domain::Field;
use crate::domain::calendar::Calendar;
use crate::domain::ticket::{Context, examine};
use crate::domain::timestamp::format_utc;
use crate::mail::checklist;

/// The §2 subject line of a ticket filed by email.
pub(crate) fn subject_of(urgent: bool, summary: &str, order: &str) -> String {
    let urgent = if urgent { "URGENT — " } else { "" };
    let order = if order.is_empty() {
        String::new()
    } else {
        format!(" — Order {order}")
    };
    format!("{urgent}Cartsaver — {summary}{order}")
}

/// The fields of `row` (locked, filed by email) still missing that `text` gives: stored, with
/// the subject and (for a plan given before any answer) the due time they imply. Returns the
/// fields completed.
pub(crate) fn complete(
    tx: &dyn Conn,
    calendar: &Calendar,
    row: &TicketRow,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Field>, DeskError> {
    let region = super::incoming::store_region(tx, &row.store)?;
    let given = given(row, text, region.as_deref(), now);
    if given.is_empty() {
        return Ok(Vec::new());
    }
    let mut fields = Fields::of(row);
    for (field, value) in &given {
        fields.set(*field, value);
    }
    let still: Vec<&str> = row
        .missing
        .iter()
        .map(String::as_str)
        .filter(|name| !given.iter().any(|(field, _)| field.name() == *name))
        .collect();
    let due = match (
        given.iter().any(|(f, _)| *f == Field::Plan),
        &row.first_response_at,
    ) {
        (true, None) => due_for(calendar, &fields.plan, &row.created_at)?,
        _ => row.first_response_due.clone(),
    };
    tx.execute(
        "UPDATE tickets SET order_number = ?1, phone = ?2, channel = ?3, at = ?4, tried = ?5,
             plan = ?6, subject = ?7, first_response_due = ?8, missing = ?9
         WHERE id = ?10",
        &[
            &fields.order,
            &fields.phone,
            &fields.channel,
            &fields.at,
            &fields.tried,
            &fields.plan,
            &subject_of(row.urgent, &row.summary, &fields.order),
            &due,
            &still.join(","),
            &row.id,
        ],
    )?;
    Ok(given.into_iter().map(|(field, _)| field).collect())
}

/// The missing fields of `row` that `text` gives, each as the §2 parser accepted it.
fn given(
    row: &TicketRow,
    text: &str,
    region: Option<&str>,
    now: DateTime<Utc>,
) -> Vec<(Field, serde_json::Value)> {
    let input = checklist::read("", text, &row.email, &row.store, region);
    let context = Context {
        now,
        local: chrono_tz::UTC,
    };
    let exam = examine(&input, Vec::new(), &context);
    row.missing
        .iter()
        .filter_map(|name| Field::ALL.into_iter().find(|field| field.name() == name))
        .filter_map(|field| {
            let entry = exam.entries.iter().find(|entry| entry.field == field)?;
            let accepted = entry.outcome.as_ref().ok()?;
            Some((field, accepted.value.clone()))
        })
        .collect()
}

/// The due time of `plan` (a §2 plan name) for a ticket created at `created_at`.
fn due_for(calendar: &Calendar, plan: &str, created_at: &str) -> Result<String, DeskError> {
    let plan = crate::domain::plan::parse_plan(plan)
        .map(|parsed| parsed.value)
        .map_err(|error| DeskError::Storage(format!("stored plan `{plan}`: {error}")))?;
    let created = DateTime::parse_from_rfc3339(created_at)
        .map_err(|error| DeskError::Storage(format!("stored time `{created_at}`: {error}")))?
        .with_timezone(&Utc);
    Ok(format_utc(calendar.first_response_due(plan, created)))
}

/// The completable columns of a ticket, as stored.
struct Fields {
    order: String,
    phone: String,
    channel: String,
    at: String,
    tried: String,
    plan: String,
}

impl Fields {
    fn of(row: &TicketRow) -> Fields {
        Fields {
            order: row.order.clone(),
            phone: row.phone.clone(),
            channel: row.channel.clone(),
            at: row.at.clone(),
            tried: serde_json::to_string(&row.tried).unwrap_or_else(|_| "[]".to_string()),
            plan: row.plan.clone(),
        }
    }

    fn set(&mut self, field: Field, value: &serde_json::Value) {
        let text = value.as_str().map(String::from);
        match (field, text) {
            (Field::Order, Some(text)) => self.order = text,
            (Field::Phone, Some(text)) => self.phone = text,
            (Field::Channel, Some(text)) => self.channel = text,
            (Field::At, Some(text)) => self.at = text,
            (Field::Plan, Some(text)) => self.plan = text,
            (Field::Tried, _) => self.tried = value.to_string(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_names_the_order_only_when_there_is_one() {
        assert_eq!(
            subject_of(false, "OTP not arriving", ""),
            "Cartsaver — OTP not arriving"
        );
        assert_eq!(
            subject_of(true, "OTP not arriving", "#1052"),
            "URGENT — Cartsaver — OTP not arriving — Order #1052"
        );
    }
}
