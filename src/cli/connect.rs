//! Open the desk a command talks to: `--desk` > `CARTSAVER_DESK` > the embedded default, and
//! the store token from `CARTSAVER_TOKEN` (never echoed).

use crate::client::embedded::EmbeddedDesk;
use crate::client::http::HttpDesk;
use crate::client::{Desk, DeskLocation, parse_desk};
use crate::desk::location::default_db_path;

use super::args::GlobalArgs;
use super::error::CliError;
use super::settings;

pub const DESK_VAR: &str = "CARTSAVER_DESK";
pub const TOKEN_VAR: &str = "CARTSAVER_TOKEN";

/// Where the desk is, by precedence.
pub fn desk_location(global: &GlobalArgs) -> Result<DeskLocation, CliError> {
    let (text, origin) = match &global.desk {
        Some(text) => (text.clone(), "--desk"),
        None => match std::env::var(DESK_VAR) {
            Ok(text) if !text.trim().is_empty() => (text, DESK_VAR),
            _ => return Ok(DeskLocation::Local(None)),
        },
    };
    parse_desk(&text).map_err(|message| CliError::Usage(format!("{origin}: {message}")))
}

/// Open the desk; a remote desk needs a store token.
pub fn open_desk(global: &GlobalArgs) -> Result<Box<dyn Desk>, CliError> {
    let clock = settings::clock()?;
    match desk_location(global)? {
        DeskLocation::Local(path) => {
            let path = match path {
                Some(path) => path,
                None => default_db_path().map_err(CliError::Failed)?,
            };
            Ok(Box::new(EmbeddedDesk::open(&path, clock)?))
        }
        DeskLocation::Remote(url) => {
            let token = std::env::var(TOKEN_VAR)
                .ok()
                .filter(|t| !t.trim().is_empty());
            let Some(token) = token else {
                return Err(CliError::Usage(format!(
                    "the desk at {url} needs a store token: set {TOKEN_VAR} to the token support gave you (or use --desk local)"
                )));
            };
            Ok(Box::new(HttpDesk::new(
                url,
                Some(token.trim().to_string()),
            )?))
        }
    }
}
