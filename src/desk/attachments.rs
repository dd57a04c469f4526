//! Attachments as received (name and bytes): checked through the domain (type by content, size)
//! and stored beside their ticket, or their message, in the caller's transaction.
//!
//! An oversized file is refused before anything else is looked at ([`DeskError::TooLarge`],
//! HTTP 413): its size alone decides, and the rest of the request is not worth examining.

use rusqlite::{Connection, params};

use super::{DeskError, Upload};
use crate::domain::screenshot::{MAX_SCREENSHOT_BYTES, Screenshot, check_screenshot};
use crate::domain::{Field, FieldError, Parsed};

/// Refuse the first upload over the size limit.
pub(crate) fn refuse_oversized(uploads: &[Upload]) -> Result<(), DeskError> {
    match uploads
        .iter()
        .find(|upload| upload.bytes.len() as u64 > MAX_SCREENSHOT_BYTES)
    {
        Some(upload) => Err(DeskError::TooLarge(FieldError::new(
            Field::Screenshot,
            upload.name.clone(),
            "too_large",
            format!(
                "{} is over the {} limit for one file; crop or compress it, or attach the part \
                 that shows the error",
                mebibytes(upload.bytes.len() as u64),
                mebibytes(MAX_SCREENSHOT_BYTES)
            ),
        ))),
        None => Ok(()),
    }
}

/// Each upload through the domain's check (type by content), every result kept.
pub(crate) fn check(uploads: Vec<Upload>) -> Vec<Result<Parsed<Screenshot>, FieldError>> {
    uploads
        .into_iter()
        .map(|upload| check_screenshot(&upload.name, upload.bytes))
        .collect()
}

/// Store checked screenshots of ticket `ticket_id` (and of message `message_id`, if a message
/// brought them).
pub(crate) fn insert(
    conn: &Connection,
    ticket_id: i64,
    message_id: Option<i64>,
    screenshots: &[Screenshot],
) -> Result<(), DeskError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO attachments (ticket_id, message_id, name, kind, size, bytes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for screenshot in screenshots {
        stmt.execute(params![
            ticket_id,
            message_id,
            screenshot.name,
            screenshot.kind.name(),
            screenshot.bytes.len() as i64,
            screenshot.bytes,
        ])?;
    }
    Ok(())
}

fn mebibytes(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}
