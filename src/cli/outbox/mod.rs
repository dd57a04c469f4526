//! The outbox (SPEC §11): tickets `new` could not deliver to a remote desk (no connection, a 5xx
//! or 429 after the retries, the deadline passed), kept on this machine until `outbox send`
//! files them. One JSON file per ticket in `outbox/` of the data dir (beside the local desk),
//! holding everything the create needs again — the checklist as validated, the screenshots,
//! the idempotency key (so a ticket whose first answer was lost comes back as a replay, never a
//! second ticket) — and the last error.
//!
//! Files are written whole or not at all: a temp file (0600) in the same folder (0700), synced,
//! then renamed over the entry; a crash or a `kill -9` leaves the old entry or the new one,
//! never half of one, and a stray temp file is never read as an entry. This module owns the
//! files; the commands are `command.rs`; what counts as "could not deliver" is
//! [`worth_keeping`].

pub mod command;

use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::cli::private_file;
use crate::client::{CreateRequest, RequestError, Upload};
use crate::domain::ticket::TicketInput;

/// What an entry file says it is, for a later release to read or refuse.
const FORMAT: u32 = 1;

/// Debug builds only: milliseconds to sleep between writing an entry's temp file and renaming
/// it, so that a test can kill the CLI in that window (`tests/outbox.rs`).
#[cfg(debug_assertions)]
pub const PAUSE_VAR: &str = "CARTSAVER_TEST_OUTBOX_PAUSE_MS";

/// A ticket waiting to be filed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub format: u32,
    /// Short and stable: from the idempotency key, so the same checklist kept twice is one entry.
    pub id: String,
    /// When it was kept (RFC 3339 UTC).
    pub kept_at: String,
    pub subject: String,
    /// The desk it was meant for, as `new` named it.
    pub desk: String,
    pub ticket: TicketInput,
    pub screenshots: Vec<Shot>,
    pub idempotency_key: String,
    pub force_new: bool,
    /// Why it is here, or why the last `outbox send` failed.
    pub last_error: String,
    /// Sends tried, the first one (by `new`) included.
    pub tries: u32,
}

/// A screenshot as kept: its name and bytes (base64 in the file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shot {
    pub name: String,
    pub base64: String,
}

impl Entry {
    /// An entry for `request` that failed with `error`.
    pub fn new(
        request: &CreateRequest,
        subject: String,
        desk: String,
        kept_at: String,
        error: &str,
    ) -> Entry {
        let key = request
            .idempotency_key
            .clone()
            .unwrap_or_else(|| format!("cs1-{kept_at}"));
        Entry {
            format: FORMAT,
            id: short_id(&key),
            kept_at,
            subject,
            desk,
            ticket: request.input.clone(),
            screenshots: request
                .attachments
                .iter()
                .map(|upload| Shot {
                    name: upload.name.clone(),
                    base64: base64::engine::general_purpose::STANDARD.encode(&upload.bytes),
                })
                .collect(),
            idempotency_key: key,
            force_new: request.force_new,
            last_error: error.to_string(),
            tries: 1,
        }
    }

    /// The create request again, with the same idempotency key.
    pub fn request(&self) -> Result<CreateRequest, String> {
        let attachments = self
            .screenshots
            .iter()
            .map(|shot| {
                base64::engine::general_purpose::STANDARD
                    .decode(&shot.base64)
                    .map(|bytes| Upload {
                        name: shot.name.clone(),
                        bytes,
                    })
                    .map_err(|error| format!("screenshot {} is unreadable: {error}", shot.name))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CreateRequest {
            input: self.ticket.clone(),
            attachments,
            idempotency_key: Some(self.idempotency_key.clone()),
            force_new: self.force_new,
        })
    }
}

/// `7f3a9c21`: 8 hex digits of the idempotency key (`cs1-<hex>`).
fn short_id(key: &str) -> String {
    let hex: String = key
        .strip_prefix("cs1-")
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(8)
        .collect();
    if hex.len() == 8 {
        hex.to_ascii_lowercase()
    } else {
        use sha2::Digest as _;
        let digest = sha2::Sha256::digest(key.as_bytes());
        digest[..4].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Whether a failed create is worth keeping: the desk could not be reached or answered, or
/// said it is failing or busy (5xx, 429) after the retries. A refusal of the ticket itself (a
/// bad field, a duplicate, a refused token) is not: sending it again would be refused again.
pub fn worth_keeping(error: &RequestError) -> bool {
    match error {
        RequestError::Unreachable { .. } => true,
        RequestError::Refused { status, .. } => *status >= 500 || *status == 429,
        RequestError::Protocol { reason, .. } => reason.starts_with("HTTP 5"),
    }
}

/// The outbox folder: `outbox/` in the data dir.
pub fn folder() -> Result<PathBuf, anyhow::Error> {
    directories::ProjectDirs::from("", "", "cartsaver")
        .map(|dirs| dirs.data_dir().join("outbox"))
        .ok_or_else(|| {
            anyhow::anyhow!("cannot find a data folder for the outbox (is HOME set?); set HOME")
        })
}

/// The outbox at a folder.
pub struct Outbox {
    dir: PathBuf,
}

impl Outbox {
    pub fn open() -> Result<Outbox, anyhow::Error> {
        Ok(Outbox::at(folder()?))
    }

    pub fn at(dir: PathBuf) -> Outbox {
        Outbox { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Write `entry` whole (see the module header).
    pub fn keep(&self, entry: &Entry) -> Result<(), anyhow::Error> {
        let failed = |what: &str, error: std::io::Error| {
            anyhow::anyhow!(
                "cannot {what} the outbox at {}: {error}; check that folder's owner and free space",
                self.dir.display()
            )
        };
        create_private_dir(&self.dir).map_err(|e| failed("create", e))?;
        let text = serde_json::to_vec_pretty(entry)?;
        let temp = self
            .dir
            .join(format!(".{}.{}.tmp", entry.id, std::process::id()));
        let written = private_file::write(&temp, &text).and_then(|()| {
            pause_before_rename();
            std::fs::rename(&temp, self.file(&entry.id))
        });
        if let Err(error) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(failed("write into", error));
        }
        // The rename itself reaches the disk with the folder.
        if let Ok(dir) = std::fs::File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Every entry, oldest first, and what could not be read (file, why).
    pub fn entries(&self) -> (Vec<Entry>, Vec<(PathBuf, String)>) {
        let mut entries = Vec::new();
        let mut unreadable = Vec::new();
        for path in self.entry_files() {
            let read = std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    serde_json::from_slice::<Entry>(&bytes).map_err(|e| e.to_string())
                });
            match read {
                Ok(entry) => entries.push(entry),
                Err(why) => unreadable.push((path, why)),
            }
        }
        entries.sort_by(|a, b| a.kept_at.cmp(&b.kept_at).then(a.id.cmp(&b.id)));
        (entries, unreadable)
    }

    fn entry_files(&self) -> Vec<PathBuf> {
        let Ok(listing) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        listing
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !name.starts_with('.') && name.ends_with(".json")
            })
            .collect()
    }

    /// How many tickets wait (cheap: the files are not read).
    pub fn waiting(&self) -> usize {
        self.entry_files().len()
    }

    /// Remove an entry; whether it was there.
    pub fn drop_entry(&self, id: &str) -> Result<bool, anyhow::Error> {
        match std::fs::remove_file(self.file(id)) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(anyhow::anyhow!(
                "cannot remove {} from the outbox: {error}",
                self.file(id).display()
            )),
        }
    }
}

fn pause_before_rename() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var(PAUSE_VAR)
        .ok()
        .and_then(|text| text.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// The outbox's folder, 0700 even if it was there before (it holds tickets and PINs).
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    private_file::create_dir(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// `1 ticket waiting in the outbox; …`, for every command but the outbox's own (on stderr).
pub fn waiting_note() -> Option<String> {
    let waiting = Outbox::open().ok()?.waiting();
    match waiting {
        0 => None,
        1 => {
            Some("1 ticket waiting in the outbox; `cartsaver-support outbox send` files it".into())
        }
        n => Some(format!(
            "{n} tickets waiting in the outbox; `cartsaver-support outbox send` files them"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ErrorDetail;
    use crate::client::ErrorCode;

    fn request() -> CreateRequest {
        CreateRequest {
            input: TicketInput {
                store: Some("https://cool-shop.myshopify.com".into()),
                order: Some("#1052".into()),
                ..TicketInput::default()
            },
            attachments: vec![Upload {
                name: "shot.png".into(),
                bytes: vec![0x89, b'P', b'N', b'G', 0, 255],
            }],
            idempotency_key: Some("cs1-7f3a9c21aa00bb11cc22dd33ee44ff55".into()),
            force_new: false,
        }
    }

    #[test]
    fn an_entry_is_kept_whole_private_and_read_back_as_the_same_request() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::at(dir.path().join("outbox"));
        let entry = Entry::new(
            &request(),
            "s".into(),
            "http://d/".into(),
            "2026-11-20T14:30:00Z".into(),
            "down",
        );
        assert_eq!(entry.id, "7f3a9c21");
        outbox.keep(&entry).unwrap();
        outbox.keep(&entry).unwrap();
        let (entries, unreadable) = outbox.entries();
        assert!(unreadable.is_empty());
        assert_eq!(entries, vec![entry.clone()]);
        assert_eq!(entries[0].request().unwrap(), request());
        assert_eq!(outbox.waiting(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(outbox.dir()), 0o700);
            assert_eq!(mode(&outbox.file("7f3a9c21")), 0o600);
        }
        // A temp file left by a killed writer is no entry.
        std::fs::write(outbox.dir().join(".7f3a9c22.99.tmp"), b"{half").unwrap();
        assert_eq!(outbox.waiting(), 1);
        assert!(outbox.drop_entry("7f3a9c21").unwrap());
        assert!(!outbox.drop_entry("7f3a9c21").unwrap());
        assert_eq!(outbox.waiting(), 0);
    }

    #[test]
    fn only_a_desk_that_cannot_be_reached_or_is_failing_is_worth_keeping() {
        let refused = |status: u16, code: ErrorCode| RequestError::Refused {
            status,
            detail: ErrorDetail {
                code,
                message: String::new(),
                fields: Vec::new(),
                tracking_number: None,
            },
        };
        assert!(worth_keeping(&RequestError::Unreachable {
            desk: "d".into(),
            reason: "refused".into(),
            maybe_received: None,
        }));
        assert!(worth_keeping(&refused(503, ErrorCode::Unavailable)));
        assert!(worth_keeping(&refused(429, ErrorCode::RateLimited)));
        assert!(!worth_keeping(&refused(422, ErrorCode::Invalid)));
        assert!(!worth_keeping(&refused(401, ErrorCode::Unauthorized)));
        assert!(!worth_keeping(&refused(409, ErrorCode::Duplicate)));
    }
}
