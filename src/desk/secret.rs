//! The desk's secret key: 32 random bytes in a file of its own beside the database (`<db>.key`,
//! 0600), so that a copy of the database alone does not give away what is hashed with it.
//!
//! It keys the hashes of what a database must not hold in clear but must still recognize: a
//! ticket's support PIN (checked when a store says it), and the idempotency key and body
//! fingerprint of a create (both are computed over the ticket's fields, PIN included, so a plain
//! hash of them would let anyone with the file guess the PIN offline).
//!
//! The database records a check value of its key, so a desk opened with another key (a lost or
//! mixed-up key file) is refused instead of silently failing every PIN check and replay.
//! Knows nothing of tickets.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use super::DeskError;

const KEY_BYTES: usize = 32;

/// The name under which `desk_meta` keeps the check value of the desk key.
pub(crate) const KEY_CHECK: &str = "key_check";

/// The key, held in memory only.
#[derive(Clone)]
pub(crate) struct DeskSecret([u8; KEY_BYTES]);

impl std::fmt::Debug for DeskSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DeskSecret(…)")
    }
}

impl DeskSecret {
    /// HMAC-SHA256 of `data`, under a `purpose` label so that one hash is never mistaken for
    /// another.
    pub(crate) fn mac(&self, purpose: &str, data: &[u8]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(data);
        mac.finalize().into_bytes().into()
    }

    /// What the database keeps to recognize its key.
    pub(crate) fn check_value(&self) -> [u8; 32] {
        self.mac("key-check", b"")
    }

    #[cfg(test)]
    pub(crate) fn fixed(byte: u8) -> DeskSecret {
        DeskSecret([byte; KEY_BYTES])
    }
}

/// The default key file of a database: `<db>.key`.
pub(crate) fn default_key_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".key");
    PathBuf::from(name)
}

/// Read the key at `path`, or make one (0600) when the file does not exist and `may_create`
/// (the database holds nothing keyed yet).
pub(crate) fn load(path: &Path, may_create: bool) -> Result<DeskSecret, DeskError> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let key: [u8; KEY_BYTES] = bytes.as_slice().try_into().map_err(|_| {
                DeskError::Storage(format!(
                    "the desk key file `{}` holds {} bytes, not {KEY_BYTES}; restore it from the backup of this desk",
                    path.display(),
                    bytes.len()
                ))
            })?;
            Ok(DeskSecret(key))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && may_create => create(path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Err(DeskError::Storage(format!(
                "the desk key file `{}` is missing, and the database was made with one (PIN checks and idempotent replays need it); restore it from the backup of this desk, or give its place with --key-file",
                path.display()
            )))
        }
        Err(error) => Err(DeskError::Storage(format!(
            "cannot read the desk key file `{}`: {error}",
            path.display()
        ))),
    }
}

fn create(path: &Path) -> Result<DeskSecret, DeskError> {
    let mut key = [0u8; KEY_BYTES];
    rand::rng().fill_bytes(&mut key);
    match write_new(path, &key) {
        Ok(()) => Ok(DeskSecret(key)),
        // Another process opening the same new desk made it first: use theirs.
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => load(path, false),
        Err(error) => Err(DeskError::Storage(format!(
            "cannot create the desk key file `{}`: {error}; check that its folder is writable, or give another place with --key-file",
            path.display()
        ))),
    }
}

/// What [`install`] did with the target's key file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Installed {
    /// The file did not exist: it now holds `secret` (0600).
    Written,
    /// The file already held `secret`.
    Present,
}

/// Make the key file at `path` hold `secret` (a copy of a desk to another database needs the
/// source's key): write it when missing, accept it when it holds the same key, refuse another key
/// (that file belongs to another desk; overwriting it would break that desk's PINs and replays).
pub(crate) fn install(path: &Path, secret: &DeskSecret) -> Result<Installed, DeskError> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => {
            let found = load(path, false)?;
            if found.0 == secret.0 {
                Ok(Installed::Present)
            } else {
                Err(DeskError::Storage(format!(
                    "the key file `{}` holds another desk key than the source's; the copy needs the \
                     source's key (PIN checks and idempotent replays are keyed by it): give \
                     --to-key-file a path that does not exist yet (it is written with the source's \
                     key), or the source's key file itself",
                    path.display()
                )))
            }
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            write_new(path, &secret.0).map_err(|error| {
                DeskError::Storage(format!(
                    "cannot write the key file `{}`: {error}; check that its folder exists and is \
                     writable, or give another place with --to-key-file",
                    path.display()
                ))
            })?;
            Ok(Installed::Written)
        }
        Err(error) => Err(DeskError::Storage(format!(
            "cannot look at the key file `{}`: {error}",
            path.display()
        ))),
    }
}

/// A new private (0600) file holding `bytes`, synced; never replaces one.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Refuse a key that is not the one the database records.
pub(crate) fn verify(secret: &DeskSecret, recorded: &[u8], path: &Path) -> Result<(), DeskError> {
    if recorded == secret.check_value() {
        Ok(())
    } else {
        Err(DeskError::Storage(format!(
            "the desk key file `{}` is not the key this database was made with; give the right one with --key-file (or restore it from the backup of this desk)",
            path.display()
        )))
    }
}

/// What is stored of a PIN.
pub(crate) fn pin_hash(secret: &DeskSecret, pin: &str) -> [u8; 32] {
    secret.mac("pin", pin.as_bytes())
}

/// The last two characters of a PIN (4–12 characters), for `••••12`.
pub(crate) fn pin_hint(pin: &str) -> String {
    let chars: Vec<char> = pin.chars().collect();
    chars[chars.len().saturating_sub(2)..].iter().collect()
}

/// What is stored of an idempotency key: its keyed hash, in hex.
pub(crate) fn stored_key(secret: &DeskSecret, key: &str) -> String {
    secret
        .mac("idempotency-key", key.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3.key");
        let made = load(&path, true).unwrap();
        let again = load(&path, false).unwrap();
        assert_eq!(made.check_value(), again.check_value());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn a_missing_or_wrong_key_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3.key");
        let error = load(&path, false).unwrap_err().to_string();
        assert!(
            error.contains("is missing") && error.contains("--key-file"),
            "{error}"
        );
        std::fs::write(&path, b"short").unwrap();
        let error = load(&path, false).unwrap_err().to_string();
        assert!(error.contains("holds 5 bytes"), "{error}");
        let error = verify(
            &DeskSecret::fixed(1),
            &DeskSecret::fixed(2).check_value(),
            &path,
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("not the key"), "{error}");
    }

    #[test]
    fn install_writes_a_missing_key_accepts_the_same_and_refuses_another() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.key");
        let key = DeskSecret::fixed(3);
        assert_eq!(install(&path, &key).unwrap(), Installed::Written);
        assert_eq!(load(&path, false).unwrap().check_value(), key.check_value());
        assert_eq!(install(&path, &key).unwrap(), Installed::Present);
        let error = install(&path, &DeskSecret::fixed(4))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("another desk key") && error.contains("--to-key-file"),
            "{error}"
        );
    }

    #[test]
    fn hashes_differ_by_purpose_and_key() {
        let a = DeskSecret::fixed(1);
        assert_ne!(a.mac("pin", b"1234"), a.mac("fingerprint", b"1234"));
        assert_ne!(
            a.mac("pin", b"1234"),
            DeskSecret::fixed(2).mac("pin", b"1234")
        );
        assert_eq!(a.mac("pin", b"1234"), a.mac("pin", b"1234"));
    }
}
