//! Where the desk database lives by default: `desk.sqlite3` in the platform data dir
//! (`~/.local/share/cartsaver` on Linux). The merchant CLI's embedded desk and `cartsaver-desk`
//! share this file, so a support engineer on the same machine sees locally filed tickets.
//!
//! Only the path: opening and migrating the file is the core's business.

use std::path::PathBuf;

/// The database file's name inside the data dir.
pub const DB_FILE_NAME: &str = "desk.sqlite3";

/// `<data dir>/cartsaver/desk.sqlite3`, or `None` when the platform has no home directory to put
/// it in (then the caller must be given a path: `--db`, `CARTSAVER_DESK_DB`).
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cartsaver")
        .map(|dirs| dirs.data_dir().join(DB_FILE_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_ends_with_the_shared_file_name() {
        if let Some(path) = default_db_path() {
            assert!(path.ends_with(format!("cartsaver/{DB_FILE_NAME}")), "{}", path.display());
        }
    }
}
