//! Open the desk a command talks to, as the settings resolved it (`settings`: `--desk` >
//! `CARTSAVER_DESK` > `desk` in the config > the embedded desk). A remote desk needs a store
//! token (`CARTSAVER_TOKEN` > `token` in the config), which is never echoed. The read-only
//! commands open the embedded desk only if its file exists: looking never creates it.

use std::path::PathBuf;

use crate::client::embedded::EmbeddedDesk;
use crate::client::http::HttpDesk;
use crate::client::{Desk, DeskLocation, default_db_path};

use super::error::CliError;
use super::settings::{Settings, TOKEN_VAR};

/// The desk to read from, or `None` when it is the embedded desk and its file does not exist
/// yet (nothing was filed on this machine): the caller says so, and nothing is created.
pub enum ReadDesk {
    Open(Box<dyn Desk>),
    /// `the local desk at PATH`, which holds no ticket yet.
    Empty(String),
}

/// Open the desk to read from without creating anything (`list`, `status`, `dashboard`).
pub fn open_existing(settings: &Settings) -> Result<ReadDesk, CliError> {
    if let DeskLocation::Local(path) = settings.desk()? {
        let path = local_path(path)?;
        if !path.exists() {
            return Ok(ReadDesk::Empty(format!(
                "the local desk at {}",
                path.display()
            )));
        }
    }
    open(settings).map(ReadDesk::Open)
}

/// How the desk of these settings is named, without opening it: `the local desk at PATH` or
/// its URL.
pub fn describe(settings: &Settings) -> Result<String, CliError> {
    Ok(match settings.desk()? {
        DeskLocation::Local(path) => format!("the local desk at {}", local_path(path)?.display()),
        DeskLocation::Remote(url) => url.to_string(),
    })
}

fn local_path(path: Option<PathBuf>) -> Result<PathBuf, CliError> {
    match path {
        Some(path) => Ok(path),
        None => default_db_path().map_err(CliError::Failed),
    }
}

/// Open the desk of these settings. The token is looked at only for a remote desk, so a bad one
/// in the config file does not stop a command on the embedded desk.
pub fn open(settings: &Settings) -> Result<Box<dyn Desk>, CliError> {
    match settings.desk()? {
        DeskLocation::Local(path) => {
            let path = local_path(path)?;
            Ok(Box::new(EmbeddedDesk::open(&path, settings.clock)?))
        }
        DeskLocation::Remote(url) => {
            let Some(token) = settings.token()? else {
                return Err(CliError::NoToken(format!(
                    "the desk at {url} needs a store token: ask Cartsaver support for one, then set {TOKEN_VAR} or run `cartsaver-support config set token -` and paste it (or use --desk local)"
                )));
            };
            Ok(Box::new(HttpDesk::new(
                url,
                Some(token),
                settings.http_timeout,
            )?))
        }
    }
}
