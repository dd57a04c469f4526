//! Where the desk database lives by default: `desk.sqlite3` in the platform data dir
//! (`$XDG_DATA_HOME/cartsaver` on Linux). The CLI's embedded desk and `cartsaver-desk` share it,
//! so a support engineer on the same machine can answer tickets filed locally.

use std::path::PathBuf;

pub const DB_FILE: &str = "desk.sqlite3";

pub fn default_db_path() -> Result<PathBuf, anyhow::Error> {
    directories::ProjectDirs::from("", "", "cartsaver")
        .map(|dirs| dirs.data_dir().join(DB_FILE))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "cannot find a data folder for the local desk (is HOME set?); name a file with --desk local:PATH"
            )
        })
}
