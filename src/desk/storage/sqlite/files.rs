//! The database file on disk: created private (0600 in a 0700 folder it makes), refused when it
//! cannot be written, and looked at for modes that let other users read it.
//!
//! The file holds customer phones, emails and screenshots. SQLite creates `-wal` and `-shm`
//! with the mode of the database file, so a private database file keeps them private too.
//! Folders that already exist are left as they are (they may be shared, like `/var/lib`); only
//! folders this creates are 0700. Knows nothing of SQL.

use std::path::Path;

use crate::desk::DeskError;

/// Make sure `path` can be opened as a private, writable database file: create its missing
/// folders (0700) and the file itself (0600) if it does not exist. Returns a warning when an
/// existing file or its WAL companions are readable by other users.
pub(crate) fn prepare(path: &Path) -> Result<Option<String>, DeskError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent).map_err(|error| {
            DeskError::Storage(format!(
                "cannot create the folder {}: {error}; check that its parent is writable, or choose another file",
                parent.display()
            ))
        })?;
    }
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => Err(DeskError::Storage(format!(
            "`{}` is a folder; give the path of a database file inside it, e.g. {}",
            path.display(),
            path.join(crate::desk::location::DB_FILE).display()
        ))),
        Ok(_) => {
            refuse_read_only(path)?;
            Ok(readable_by_others(path))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            create_private_file(path).map_err(|error| {
                DeskError::Storage(format!(
                    "cannot create the desk database `{}`: {error}; check that its folder is writable, or choose another file",
                    path.display()
                ))
            })?;
            Ok(None)
        }
        Err(error) => Err(DeskError::Storage(format!(
            "cannot look at the desk database `{}`: {error}",
            path.display()
        ))),
    }
}

/// A file this process cannot write would answer every write with an error: refuse it now.
fn refuse_read_only(path: &Path) -> Result<(), DeskError> {
    match std::fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => Ok(()),
        Err(error) => Err(DeskError::Storage(format!(
            "the desk database `{}` cannot be written ({error}); make it writable by this user (`chmod u+w`), or choose another file",
            path.display()
        ))),
    }
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        // Another process made it first: it is theirs to have made private.
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}

/// A warning naming the files other users can read, with the fix.
#[cfg(unix)]
fn readable_by_others(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mut open = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let file = std::path::PathBuf::from(name);
        if let Ok(meta) = std::fs::metadata(&file) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                open.push(format!("{} (mode {mode:04o})", file.display()));
            }
        }
    }
    if open.is_empty() {
        return None;
    }
    Some(format!(
        "the desk database is readable by other users: {}; it holds customer phones, emails and screenshots: run `chmod 600 {}*`",
        open.join(", "),
        path.display()
    ))
}

#[cfg(not(unix))]
fn readable_by_others(_path: &Path) -> Option<String> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_file_is_private_in_a_private_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/desk.sqlite3");
        assert_eq!(prepare(&path).unwrap(), None);
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("new")), 0o700);
    }

    #[test]
    fn an_existing_open_file_is_warned_about_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        std::fs::write(&path, "").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let warning = prepare(&path).unwrap().expect("a warning");
        assert!(warning.contains("mode 0644"), "{warning}");
        assert!(warning.contains("chmod 600"), "{warning}");
    }

    #[test]
    fn a_folder_given_as_the_file_is_refused_with_an_example() {
        let dir = tempfile::tempdir().unwrap();
        let error = prepare(dir.path()).unwrap_err().to_string();
        assert!(error.contains("is a folder"), "{error}");
    }
}
