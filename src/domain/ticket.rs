//! A whole ticket: the raw checklist as given (flags, prompts, a bulk row, an API body), its
//! examination field by field with every error of the run at once, and the validated [`Ticket`]
//! with its subject line.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::channel::{Channel, parse_channel};
use super::order::{OrderNumber, parse_order};
use super::phone::{Phone, Region, parse_phone, parse_region};
use super::plan::{Plan, check_urgent, parse_plan};
use super::screenshot::{Screenshot, check_screenshot_count};
use super::store::{StoreUrl, parse_store};
use super::text::{
    Email, Pin, default_summary, parse_details, parse_email, parse_pin, parse_summary, parse_tried,
};
use super::timestamp::{format_utc, parse_at};
use super::tracking::parse_tracking;
use super::{Field, FieldError, Note, Parsed};

/// The checklist as given, before validation: every §2 field as text. This is also the body of
/// the desk API's create request and a JSON Lines bulk row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tried: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub urgent: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outage: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_access: bool,
}

/// A validated ticket: every field normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    pub store: StoreUrl,
    pub order: OrderNumber,
    pub phone: Phone,
    pub channel: Channel,
    pub at: DateTime<Utc>,
    pub tried: Vec<String>,
    pub summary: String,
    pub details: Option<String>,
    pub email: Email,
    pub plan: Plan,
    pub urgent: bool,
    pub outage: bool,
    pub pin: Option<Pin>,
    pub allow_access: bool,
}

impl Ticket {
    /// `Cartsaver — <summary> — Order #1052`, with `URGENT — ` in front when urgent.
    pub fn subject(&self) -> String {
        subject_line(&self.summary, &self.order, self.urgent)
    }

    /// The normalized ticket written back as input: what the CLI sends, and what the idempotency
    /// fingerprint is computed over.
    pub fn to_input(&self) -> TicketInput {
        // Every field named: a new one is a compile error here until it is written back.
        let Ticket {
            store,
            order,
            phone,
            channel,
            at,
            tried,
            summary,
            details,
            email,
            plan,
            urgent,
            outage,
            pin,
            allow_access,
        } = self;
        TicketInput {
            store: Some(store.to_string()),
            order: Some(order.to_string()),
            phone: Some(phone.e164.clone()),
            region: None,
            channel: Some(channel.name().to_string()),
            at: Some(format_utc(*at)),
            tried: tried.clone(),
            summary: Some(summary.clone()),
            details: details.clone(),
            email: Some(email.to_string()),
            plan: Some(plan.name().to_string()),
            urgent: *urgent,
            outage: *outage,
            pin: pin.as_ref().map(|pin| pin.reveal().to_string()),
            allow_access: *allow_access,
        }
    }
}

pub fn subject_line(summary: &str, order: &OrderNumber, urgent: bool) -> String {
    let subject = format!("Cartsaver — {summary} — Order {order}");
    if urgent {
        format!("URGENT — {subject}")
    } else {
        subject
    }
}

/// The clock and zone a run validates against: `now` is `CARTSAVER_NOW` in tests, `local` the
/// zone in which a time written without a zone is also read.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub now: DateTime<Utc>,
    pub local: chrono_tz::Tz,
}

/// A field that validated, as `check` shows it: the normalized value, extra keys (`phone`'s
/// `country` and `type`), and notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub value: Value,
    pub extra: Vec<(&'static str, Value)>,
    pub notes: Vec<Note>,
}

/// One field's result in an examination.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub field: Field,
    pub outcome: Result<Accepted, FieldError>,
}

/// Every given field parsed, in §2 order, with every error at once. Turn it into a [`Ticket`]
/// with [`Examination::into_ticket`], which also names the required fields that are missing.
#[derive(Debug, Clone, Default)]
pub struct Examination {
    pub entries: Vec<Entry>,
    store: Option<StoreUrl>,
    order: Option<OrderNumber>,
    phone: Option<Phone>,
    channel: Option<Channel>,
    at: Option<DateTime<Utc>>,
    tried: Option<Vec<String>>,
    summary: Option<String>,
    details: Option<String>,
    email: Option<Email>,
    plan: Option<Plan>,
    urgent: bool,
    outage: bool,
    pin: Option<Pin>,
    allow_access: bool,
    screenshots: Vec<Screenshot>,
}

impl Examination {
    pub fn is_valid(&self) -> bool {
        self.entries.iter().all(|entry| entry.outcome.is_ok())
    }

    pub fn errors(&self) -> impl Iterator<Item = &FieldError> {
        self.entries
            .iter()
            .filter_map(|entry| entry.outcome.as_ref().err())
    }

    /// Every note of the accepted fields, with its field, in §2 order: what every place that
    /// examines a ticket shows (`new`, its dry run, `check --file`, `bulk`).
    pub fn notes(&self) -> Vec<(Field, Note)> {
        self.entries
            .iter()
            .filter_map(|entry| entry.outcome.as_ref().ok().map(|ok| (entry.field, ok)))
            .flat_map(|(field, ok)| ok.notes.iter().map(move |note| (field, note.clone())))
            .collect()
    }

    /// The warnings among [`Examination::notes`]: a landline, a time past the provider logs, an
    /// email domain that looks like a typo.
    pub fn warnings(&self) -> Vec<(Field, Note)> {
        let mut notes = self.notes();
        notes.retain(|(_, note)| note.is_warning());
        notes
    }

    /// Add an entry for a field examined outside [`examine`] (`tracking` in `check`).
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// The plan, if one was given and valid.
    pub fn plan(&self) -> Option<Plan> {
        self.plan
    }

    /// The ticket, or every error: those of the given fields and one per missing required field.
    /// `how_to_give` turns a missing field into the words of the fix ("give --store URL").
    pub fn into_ticket(
        self,
        how_to_give: impl Fn(Field) -> String,
    ) -> Result<(Ticket, Vec<Screenshot>), Vec<FieldError>> {
        // Every part named: a new field of the examination is a compile error here until it is
        // carried into the ticket.
        let Examination {
            entries,
            store,
            order,
            phone,
            channel,
            at,
            tried,
            summary,
            details,
            email,
            plan,
            urgent,
            outage,
            pin,
            allow_access,
            screenshots,
        } = self;
        let mut errors: Vec<FieldError> = entries
            .iter()
            .filter_map(|entry| entry.outcome.as_ref().err().cloned())
            .collect();
        let (store, order, phone, channel, at, tried, email, plan) =
            match (store, order, phone, channel, at, tried, email, plan) {
                (
                    Some(store),
                    Some(order),
                    Some(phone),
                    Some(channel),
                    Some(at),
                    Some(tried),
                    Some(email),
                    Some(plan),
                ) => (store, order, phone, channel, at, tried, email, plan),
                // A required field with no value was either given and refused (its error is in
                // `errors` already) or not given: name it with the fix.
                (store, order, phone, channel, at, tried, email, plan) => {
                    let absent = [
                        (Field::Store, store.is_none()),
                        (Field::Order, order.is_none()),
                        (Field::Phone, phone.is_none()),
                        (Field::Channel, channel.is_none()),
                        (Field::At, at.is_none()),
                        (Field::Tried, tried.is_none()),
                        (Field::Email, email.is_none()),
                        (Field::Plan, plan.is_none()),
                    ];
                    for (field, none) in absent {
                        if none && !entries.iter().any(|entry| entry.field == field) {
                            errors.push(FieldError::missing(field, how_to_give(field)));
                        }
                    }
                    errors.sort_by_key(|error| error.field);
                    return Err(errors);
                }
            };
        if !errors.is_empty() {
            errors.sort_by_key(|error| error.field);
            return Err(errors);
        }
        let ticket = Ticket {
            store,
            order,
            phone,
            summary: summary.unwrap_or_else(|| default_summary(channel)),
            channel,
            at,
            tried,
            details,
            email,
            plan,
            urgent,
            outage,
            pin,
            allow_access,
        };
        Ok((ticket, screenshots))
    }
}

/// The fields a ticket cannot be filed without.
pub const REQUIRED: [Field; 8] = [
    Field::Store,
    Field::Order,
    Field::Phone,
    Field::Channel,
    Field::At,
    Field::Tried,
    Field::Email,
    Field::Plan,
];

/// Parse every field that `input` gives (and the screenshots, already read and checked), keeping
/// each result. Fields that are absent get no entry; a field given empty (or only spaces) is an
/// error of that field (SPEC §2, "Empty values"), never taken as not given.
pub fn examine(
    input: &TicketInput,
    screenshots: Vec<Result<Parsed<Screenshot>, FieldError>>,
    context: &Context,
) -> Examination {
    // Every field of the input is named: a new one is a compile error here until it is
    // examined below.
    let TicketInput {
        store: _,
        order: _,
        phone: _,
        region: _,
        channel: _,
        at: _,
        tried: _,
        summary: _,
        details: _,
        email: _,
        plan: _,
        urgent: _,
        outage: _,
        pin: _,
        allow_access: _,
    } = input;
    let mut exam = Examination::default();

    if let Some(text) = given(&input.store) {
        exam.store = record(&mut exam.entries, Field::Store, parse_store(text), |v| {
            json!(v)
        });
    }
    if let Some(text) = given(&input.order) {
        exam.order = record(&mut exam.entries, Field::Order, parse_order(text), |v| {
            json!(v)
        });
    }
    let region = given(&input.region).and_then(|text| {
        record(
            &mut exam.entries,
            Field::Region,
            parse_region(text),
            |v: &Region| json!(v),
        )
    });
    if let Some(text) = given(&input.phone) {
        let parsed = parse_phone(text, region.as_ref());
        exam.phone = record_with(&mut exam.entries, Field::Phone, parsed, |phone: &Phone| {
            let extra = vec![
                ("country", json!(phone.country)),
                ("type", json!(phone.kind)),
            ];
            (json!(phone.e164), extra)
        });
    }
    if let Some(text) = given(&input.channel) {
        exam.channel = record(
            &mut exam.entries,
            Field::Channel,
            parse_channel(text),
            |v| json!(v),
        );
    }
    if let Some(text) = given(&input.at) {
        let parsed = parse_at(text, context.now, &context.local);
        exam.at = record(&mut exam.entries, Field::At, parsed, |at| {
            json!(format_utc(*at))
        });
    }
    if !screenshots.is_empty() {
        exam.screenshots = record_screenshots(&mut exam.entries, screenshots);
    }
    if !input.tried.is_empty() {
        exam.tried = record(
            &mut exam.entries,
            Field::Tried,
            parse_tried(&input.tried),
            |v| json!(v),
        );
    }
    if let Some(text) = given(&input.summary) {
        exam.summary = record(
            &mut exam.entries,
            Field::Summary,
            parse_summary(text),
            |v| json!(v),
        );
    }
    if let Some(text) = given(&input.details) {
        exam.details = record(
            &mut exam.entries,
            Field::Details,
            parse_details(text),
            |v| json!(v),
        );
    }
    if let Some(text) = given(&input.email) {
        exam.email = record(&mut exam.entries, Field::Email, parse_email(text), |v| {
            json!(v)
        });
    }
    let plan_given = given(&input.plan);
    if let Some(text) = plan_given {
        exam.plan = record(&mut exam.entries, Field::Plan, parse_plan(text), |v| {
            json!(v)
        });
    }
    if input.urgent {
        // A plan that failed to parse is reported on its own; don't also blame URGENT for it.
        if plan_given.is_none() || exam.plan.is_some() {
            let parsed = check_urgent(true, input.outage, exam.plan);
            exam.urgent =
                record(&mut exam.entries, Field::Urgent, parsed, |v| json!(v)).unwrap_or(false);
        }
    }
    if input.outage {
        exam.outage = true;
        let accepted = Accepted {
            value: json!(true),
            extra: Vec::new(),
            notes: Vec::new(),
        };
        exam.entries.push(Entry {
            field: Field::Outage,
            outcome: Ok(accepted),
        });
    }
    if let Some(text) = given(&input.pin) {
        exam.pin = record(&mut exam.entries, Field::Pin, parse_pin(text), |pin| {
            json!(pin.masked())
        });
    }
    if input.allow_access {
        exam.allow_access = true;
        let accepted = Accepted {
            value: json!(true),
            extra: Vec::new(),
            notes: Vec::new(),
        };
        exam.entries.push(Entry {
            field: Field::AllowAccess,
            outcome: Ok(accepted),
        });
    }
    exam
}

/// A text field that was given, trimmed; blank text too, which its parser refuses as missing and
/// [`record_with`] reports as empty.
fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim)
}

/// Check a tracking number as a `check` field.
pub fn examine_tracking(input: &str) -> Entry {
    let outcome = parse_tracking(input.trim()).map_err(FieldError::into_empty);
    let outcome = outcome.map(|tn| Accepted {
        value: json!(tn.to_string()),
        extra: Vec::new(),
        notes: Vec::new(),
    });
    Entry {
        field: Field::Tracking,
        outcome,
    }
}

fn record<T>(
    entries: &mut Vec<Entry>,
    field: Field,
    parsed: Result<Parsed<T>, FieldError>,
    show: impl FnOnce(&T) -> Value,
) -> Option<T> {
    record_with(entries, field, parsed, |value| (show(value), Vec::new()))
}

fn record_with<T>(
    entries: &mut Vec<Entry>,
    field: Field,
    parsed: Result<Parsed<T>, FieldError>,
    show: impl FnOnce(&T) -> (Value, Vec<(&'static str, Value)>),
) -> Option<T> {
    match parsed {
        Ok(Parsed { value, notes }) => {
            let (shown, extra) = show(&value);
            entries.push(Entry {
                field,
                outcome: Ok(Accepted {
                    value: shown,
                    extra,
                    notes,
                }),
            });
            Some(value)
        }
        Err(error) => {
            entries.push(Entry {
                field,
                // Parsers call blank text "missing"; here it was given, so it is empty.
                outcome: Err(error.into_empty()),
            });
            None
        }
    }
}

/// Screenshots are one field with several values: valid only if every file is, and no more than
/// the limit.
fn record_screenshots(
    entries: &mut Vec<Entry>,
    screenshots: Vec<Result<Parsed<Screenshot>, FieldError>>,
) -> Vec<Screenshot> {
    if let Err(error) = check_screenshot_count(screenshots.len()) {
        entries.push(Entry {
            field: Field::Screenshot,
            outcome: Err(error),
        });
        return Vec::new();
    }
    let mut accepted = Vec::new();
    let mut shown = Vec::new();
    let mut notes = Vec::new();
    for result in screenshots {
        match result {
            Ok(Parsed {
                value,
                notes: file_notes,
            }) => {
                shown.push(json!({"name": value.name, "type": value.kind.name(), "size": value.bytes.len()}));
                notes.extend(file_notes);
                accepted.push(value);
            }
            Err(error) => entries.push(Entry {
                field: Field::Screenshot,
                outcome: Err(error),
            }),
        }
    }
    let any_failed = entries.iter().any(|e| e.field == Field::Screenshot);
    if any_failed {
        return Vec::new();
    }
    entries.push(Entry {
        field: Field::Screenshot,
        outcome: Ok(Accepted {
            value: Value::Array(shown),
            extra: Vec::new(),
            notes,
        }),
    });
    accepted
}

/// A digest of the normalized ticket and its attachments: equal for the same checklist however it
/// was written (`1052` or `#1052`, `00…` or `+…`). The CLI derives its `Idempotency-Key` from it,
/// so filing the same ticket again (a retry, a re-run bulk file) never creates a second one.
pub fn fingerprint(ticket: &Ticket, screenshots: &[Screenshot]) -> [u8; 32] {
    use sha2::{Digest, Sha256};

    let mut hasher = Sha256::new();
    let canonical = serde_json::to_vec(&ticket.to_input()).expect("a ticket always encodes");
    hasher.update((canonical.len() as u64).to_be_bytes());
    hasher.update(&canonical);
    for screenshot in screenshots {
        hasher.update((screenshot.name.len() as u64).to_be_bytes());
        hasher.update(screenshot.name.as_bytes());
        hasher.update(Sha256::digest(&screenshot.bytes));
    }
    hasher.finalize().into()
}

/// The `Idempotency-Key` for a ticket: `cs1-` and 32 hex digits of its [`fingerprint`].
pub fn idempotency_key(ticket: &Ticket, screenshots: &[Screenshot]) -> String {
    let digest = fingerprint(ticket, screenshots);
    let hex: String = digest[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("cs1-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> Context {
        Context {
            now: "2026-11-20T14:30:00Z".parse().unwrap(),
            local: chrono_tz::Africa::Cairo,
        }
    }

    fn full_input() -> TicketInput {
        TicketInput {
            store: Some("cool-shop.myshopify.com".into()),
            order: Some("1052".into()),
            phone: Some("+20 100 123 4567".into()),
            channel: Some("WhatsApp".into()),
            at: Some("2026-11-20T14:03:00Z".into()),
            tried: vec!["resent the OTP".into()],
            email: Some("owner@cool-shop.com".into()),
            plan: Some("advanced".into()),
            ..TicketInput::default()
        }
    }

    fn ticket_of(input: &TicketInput) -> Ticket {
        examine(input, Vec::new(), &context())
            .into_ticket(|f| f.to_string())
            .unwrap()
            .0
    }

    #[test]
    fn a_full_checklist_becomes_a_normalized_ticket_with_the_default_summary() {
        let ticket = ticket_of(&full_input());
        assert_eq!(ticket.store.as_str(), "https://cool-shop.myshopify.com");
        assert_eq!(ticket.order.as_str(), "#1052");
        assert_eq!(ticket.phone.e164, "+201001234567");
        assert_eq!(ticket.summary, "OTP not arriving via WhatsApp");
        assert_eq!(
            ticket.subject(),
            "Cartsaver — OTP not arriving via WhatsApp — Order #1052"
        );
    }

    #[test]
    fn urgent_tickets_say_so_first_in_the_subject() {
        let input = TicketInput {
            plan: Some("scale".into()),
            urgent: true,
            ..full_input()
        };
        let ticket = ticket_of(&input);
        assert!(ticket.urgent);
        assert_eq!(
            ticket.subject(),
            "URGENT — Cartsaver — OTP not arriving via WhatsApp — Order #1052"
        );
    }

    #[test]
    fn every_missing_required_field_and_every_bad_one_is_reported_at_once() {
        let input = TicketInput {
            phone: Some("+20 10".into()),
            ..TicketInput::default()
        };
        let errors = examine(&input, Vec::new(), &context())
            .into_ticket(|field| format!("give {}", field.flag()))
            .unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::Store,
                Field::Order,
                Field::Phone,
                Field::Channel,
                Field::At,
                Field::Tried,
                Field::Email,
                Field::Plan
            ]
        );
        assert_eq!(errors[0].to_string(), "store: give --store");
        assert_eq!(errors[2].code, "too_short");
    }

    #[test]
    fn a_bad_plan_is_not_also_blamed_on_urgent() {
        let input = TicketInput {
            plan: Some("gold".into()),
            urgent: true,
            ..full_input()
        };
        let exam = examine(&input, Vec::new(), &context());
        let bad: Vec<Field> = exam.errors().map(|e| e.field).collect();
        assert_eq!(bad, [Field::Plan]);
    }

    #[test]
    fn examination_keeps_only_given_fields_in_order_with_phone_extras() {
        let input = TicketInput {
            phone: Some("+20 2 2345 6789".into()),
            order: Some("#1052".into()),
            ..TicketInput::default()
        };
        let exam = examine(&input, Vec::new(), &context());
        let fields: Vec<Field> = exam.entries.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Order, Field::Phone]);
        let phone = exam.entries[1].outcome.as_ref().unwrap();
        assert_eq!(
            phone.extra,
            vec![("country", json!("EG")), ("type", json!("fixed_line"))]
        );
        assert!(phone.notes.iter().any(Note::is_warning));
    }

    #[test]
    fn the_same_checklist_written_differently_has_one_idempotency_key() {
        let plain = ticket_of(&full_input());
        let written_otherwise = ticket_of(&TicketInput {
            store: Some("https://COOL-SHOP.myshopify.com/admin/orders/5".into()),
            order: Some("#1052".into()),
            phone: Some("00201001234567".into()),
            channel: Some("wa".into()),
            at: Some("2026-11-20T16:03:00+02:00".into()),
            ..full_input()
        });
        assert_eq!(
            idempotency_key(&plain, &[]),
            idempotency_key(&written_otherwise, &[])
        );
        let key = idempotency_key(&plain, &[]);
        assert!(key.starts_with("cs1-") && key.len() == 36, "{key}");

        let other_order = ticket_of(&TicketInput {
            order: Some("1053".into()),
            ..full_input()
        });
        assert_ne!(
            idempotency_key(&plain, &[]),
            idempotency_key(&other_order, &[])
        );
    }

    #[test]
    fn attachments_are_part_of_the_fingerprint() {
        let ticket = ticket_of(&full_input());
        let png = b"\x89PNG\r\n\x1a\n0000".to_vec();
        let shot = |bytes: Vec<u8>| Screenshot {
            name: "a.png".into(),
            kind: crate::domain::screenshot::ScreenshotType::Png,
            bytes,
        };
        let mut other = png.clone();
        other.push(b'1');
        assert_ne!(
            fingerprint(&ticket, &[shot(png.clone())]),
            fingerprint(&ticket, &[shot(other)])
        );
        assert_ne!(
            fingerprint(&ticket, &[]),
            fingerprint(&ticket, &[shot(png)])
        );
    }

    #[test]
    fn too_many_screenshots_is_one_error() {
        let shot = || {
            Ok(Parsed::new(Screenshot {
                name: "a.png".into(),
                kind: crate::domain::screenshot::ScreenshotType::Png,
                bytes: vec![0x89],
            }))
        };
        let exam = examine(&full_input(), (0..6).map(|_| shot()).collect(), &context());
        let errors: Vec<&FieldError> = exam.errors().collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::Screenshot);
        assert_eq!(errors[0].code, "too_many");
    }
}
