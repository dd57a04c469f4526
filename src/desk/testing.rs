//! Fixtures for the desk's unit tests: a desk on a temporary file, a fixed clock and valid
//! tickets to file.

use chrono::{DateTime, TimeDelta, Utc};
use tempfile::TempDir;

use super::{CreateRequest, DeskCore, Scope, Upload, stores};
use crate::api::TicketView;
use crate::domain::calendar::Calendar;
use crate::domain::store::StoreUrl;
use crate::domain::ticket::TicketInput;

pub(crate) const SHOP: &str = "https://cool-shop.myshopify.com";
pub(crate) const OTHER_SHOP: &str = "https://other-shop.myshopify.com";

/// Wednesday 18 November 2026, 10:00 UTC: a Cairo business day.
pub(crate) fn t0() -> DateTime<Utc> {
    "2026-11-18T10:00:00Z".parse().unwrap()
}

pub(crate) fn later(minutes: i64) -> DateTime<Utc> {
    t0() + TimeDelta::minutes(minutes)
}

pub(crate) fn desk() -> (TempDir, DeskCore) {
    let dir = tempfile::tempdir().unwrap();
    let core = DeskCore::open(&dir.path().join("desk.sqlite"), Calendar::cartsaver()).unwrap();
    (dir, core)
}

/// A store URL as `parse_store` would give it.
pub(crate) fn store_url(url: &str) -> StoreUrl {
    stores::stored_url(url.to_string()).unwrap()
}

pub(crate) fn store_scope(url: &str) -> Scope {
    Scope::Store(store_url(url))
}

/// A valid checklist for `store` (a bare host or URL) and `order`.
pub(crate) fn input(store: &str, order: &str) -> TicketInput {
    TicketInput {
        store: Some(store.to_string()),
        order: Some(order.to_string()),
        phone: Some("+201001234567".to_string()),
        channel: Some("whatsapp".to_string()),
        at: Some("2026-11-18T09:30:00Z".to_string()),
        tried: vec!["resent the OTP".to_string()],
        email: Some("owner@cool-shop.com".to_string()),
        plan: Some("advanced".to_string()),
        pin: Some("4321ab".to_string()),
        ..TicketInput::default()
    }
}

pub(crate) fn request(input: TicketInput) -> CreateRequest {
    CreateRequest {
        input,
        attachments: Vec::new(),
        idempotency_key: None,
        force_new: false,
    }
}

/// File a valid ticket for `store` and `order` at `now`, as the whole desk.
pub(crate) fn file(core: &DeskCore, store: &str, order: &str, now: DateTime<Utc>) -> TicketView {
    core.create_ticket(&Scope::Everything, request(input(store, order)), now)
        .unwrap()
        .ticket
}

/// The smallest bytes that sniff as a PNG, made distinct by `n`.
pub(crate) fn png(name: &str, n: u8) -> Upload {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, n]);
    Upload {
        name: name.to_string(),
        bytes,
    }
}

/// How many rows `table` has.
pub(crate) fn count(core: &DeskCore, table: &str) -> i64 {
    core.db
        .read(|conn| conn.value(&format!("SELECT count(*) FROM {table}"), &[]))
        .unwrap()
}
