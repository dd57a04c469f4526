//! What every command runs with: the database (`--db`, `CARTSAVER_DESK_DB`, or the shared
//! default file) opened as a [`DeskCore`], and the clock (`CARTSAVER_NOW`).

use std::path::PathBuf;

use anyhow::Context as _;

use crate::clock::Clock;
use crate::desk::DeskCore;
use crate::desk::location::default_db_path;
use crate::domain::calendar::Calendar;

use super::args::GlobalArgs;
use super::error::DeskCliError;

/// The database file: `--db` > `CARTSAVER_DESK_DB` (clap reads both) > the platform default.
pub fn db_path(global: &GlobalArgs) -> Result<PathBuf, DeskCliError> {
    match &global.db {
        Some(path) => Ok(path.clone()),
        None => default_db_path().map_err(|_| {
            DeskCliError::Usage(
                "no home directory to keep the desk database in; give one with --db PATH or CARTSAVER_DESK_DB"
                    .to_string(),
            )
        }),
    }
}

/// Open the desk, creating the database's folder when it is missing.
pub fn desk(global: &GlobalArgs) -> Result<DeskCore, DeskCliError> {
    let path = db_path(global)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| {
            format!(
                "cannot create the folder of the desk database {}; pick another with --db",
                path.display()
            )
        })?;
    }
    DeskCore::open(&path, Calendar::cartsaver())
        .with_context(|| format!("cannot open the desk database {}", path.display()))
        .map_err(DeskCliError::Failed)
}

pub fn clock() -> Result<Clock, DeskCliError> {
    Clock::from_env().map_err(DeskCliError::Usage)
}
