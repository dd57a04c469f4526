//! Attachments as received (name and bytes): checked through the domain (type by content, size)
//! and stored beside their ticket, or their message, in the caller's transaction.
//!
//! An oversized file is refused before anything else is looked at ([`DeskError::TooLarge`],
//! HTTP 413): its size alone decides, and the rest of the request is not worth examining.

use super::storage::Conn;

use super::{DeskError, Upload};
use crate::domain::screenshot::{
    MAX_SCREENSHOT_BYTES, Screenshot, check_screenshot, too_large_error,
};
use crate::domain::{FieldError, Parsed};

/// Refuse the first upload over the size limit, in the domain's words.
pub(crate) fn refuse_oversized(uploads: &[Upload]) -> Result<(), DeskError> {
    match uploads
        .iter()
        .find(|upload| upload.bytes.len() as u64 > MAX_SCREENSHOT_BYTES)
    {
        Some(upload) => Err(DeskError::TooLarge(too_large_error(
            &upload.name,
            upload.bytes.len() as u64,
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

/// A ticket's attachments (its own and its messages'), oldest first, with their content.
pub(crate) fn files(
    conn: &dyn Conn,
    ticket_id: i64,
) -> Result<Vec<(crate::api::AttachmentView, Vec<u8>)>, DeskError> {
    conn.rows(
        "SELECT name, kind, size, bytes FROM attachments WHERE ticket_id = ?1 ORDER BY id",
        &[&ticket_id],
        |row| {
            let size: i64 = row.get(2)?;
            Ok((
                crate::api::AttachmentView {
                    name: row.get(0)?,
                    kind: row.get(1)?,
                    size: size.unsigned_abs(),
                },
                row.get(3)?,
            ))
        },
    )
}

/// The `index`th attachment of a ticket (0-based, in the order of [`files`] and of the
/// ticket's view), with its content.
pub(crate) fn file(
    conn: &dyn Conn,
    ticket_id: i64,
    index: usize,
) -> Result<Option<(crate::api::AttachmentView, Vec<u8>)>, DeskError> {
    conn.row(
        "SELECT name, kind, size, bytes FROM attachments WHERE ticket_id = ?1
         ORDER BY id LIMIT 1 OFFSET ?2",
        &[&ticket_id, &index],
        |row| {
            let size: i64 = row.get(2)?;
            Ok((
                crate::api::AttachmentView {
                    name: row.get(0)?,
                    kind: row.get(1)?,
                    size: size.unsigned_abs(),
                },
                row.get(3)?,
            ))
        },
    )
}

/// Store checked screenshots of ticket `ticket_id` (and of message `message_id`, if a message
/// brought them).
pub(crate) fn insert(
    conn: &dyn Conn,
    ticket_id: i64,
    message_id: Option<i64>,
    screenshots: &[Screenshot],
) -> Result<(), DeskError> {
    for screenshot in screenshots {
        conn.execute(
            "INSERT INTO attachments (ticket_id, message_id, name, kind, size, bytes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            &[
                &ticket_id,
                &message_id,
                &screenshot.name,
                &screenshot.kind.name(),
                &screenshot.bytes.len(),
                &screenshot.bytes,
            ],
        )?;
    }
    Ok(())
}

/// An attachment an email brought that the §2 checks refused (`mail/incoming.rs` keeps it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RefusedAttachment {
    pub name: String,
    pub size: i64,
    pub reason: String,
    pub at: String,
}

pub(crate) fn refused(
    conn: &dyn Conn,
    ticket_id: i64,
) -> Result<Vec<RefusedAttachment>, DeskError> {
    conn.rows(
        "SELECT name, size, reason, at FROM refused_attachments WHERE ticket_id = ?1 ORDER BY id",
        &[&ticket_id],
        |row| {
            Ok(RefusedAttachment {
                name: row.get(0)?,
                size: row.get(1)?,
                reason: row.get(2)?,
                at: row.get(3)?,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(name: &str, size: usize) -> Upload {
        Upload {
            name: name.to_string(),
            bytes: vec![0; size],
        }
    }

    #[test]
    fn the_first_oversized_upload_is_refused_in_the_domains_words() {
        let limit = MAX_SCREENSHOT_BYTES as usize;
        assert!(refuse_oversized(&[upload("a.png", limit)]).is_ok());
        let uploads = [
            upload("a.png", 10),
            upload("big.png", 11 * 1024 * 1024),
            upload("c.png", limit + 1),
        ];
        let Err(DeskError::TooLarge(error)) = refuse_oversized(&uploads) else {
            panic!("an 11 MiB upload was accepted")
        };
        assert_eq!(error, too_large_error("big.png", 11 * 1024 * 1024));
        assert!(
            error.message.contains("11.0 MiB, over the 10 MiB limit"),
            "{}",
            error.message
        );
    }
}
