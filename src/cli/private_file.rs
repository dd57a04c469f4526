//! Files only the user may read (the config file with its token, the outbox's entries): written
//! with mode 0600 and synced, in folders created with mode 0700. Callers write to a temp file
//! with [`write`] and rename it over the real one, so a crash leaves the old file or the new.

use std::io::Write as _;
use std::path::Path;

/// Write `bytes` to `path` (created or truncated) with mode 0600, and sync it.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Create `dir` and its missing parents, those it creates with mode 0700 (a folder that exists
/// keeps its mode: it may be one the user chose, like the parent of a `--config` path).
pub(crate) fn create_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn files_are_0600_and_new_folders_0700() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a/b");
        super::create_dir(&folder).unwrap();
        let file = folder.join("f");
        super::write(&file, b"x").unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), b"x");
    }
}
