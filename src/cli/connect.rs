//! Open the desk a command talks to. Precedence, for the desk and the store token alike:
//! flag > environment > config file > built-in default. The desk: `--desk` > `CARTSAVER_DESK` >
//! `desk` in the config > the embedded desk; the token (no flag, so that it stays out of shell
//! history and `ps`): `CARTSAVER_TOKEN` > `token` in the config. The token is never echoed.

use crate::client::embedded::EmbeddedDesk;
use crate::client::http::HttpDesk;
use crate::client::{Desk, DeskLocation, parse_desk};
use crate::desk::location::default_db_path;

use super::args::GlobalArgs;
use super::config::{self, Config};
use super::error::CliError;
use super::settings;

pub const DESK_VAR: &str = "CARTSAVER_DESK";
pub const TOKEN_VAR: &str = "CARTSAVER_TOKEN";

/// Where the desk is, by precedence.
pub fn desk_location(global: &GlobalArgs) -> Result<DeskLocation, CliError> {
    location(global, &config::load(global)?)
}

fn location(global: &GlobalArgs, config: &Config) -> Result<DeskLocation, CliError> {
    let (text, origin) = match (&global.desk, env_value(DESK_VAR), &config.desk) {
        (Some(text), _, _) => (text.clone(), "--desk"),
        (None, Some(text), _) => (text, DESK_VAR),
        (None, None, Some(text)) => (text.clone(), "desk in the config file"),
        (None, None, None) => return Ok(DeskLocation::Local(None)),
    };
    parse_desk(&text).map_err(|message| CliError::Usage(format!("{origin}: {message}")))
}

fn env_value(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

/// Open the desk; a remote desk needs a store token.
pub fn open_desk(global: &GlobalArgs) -> Result<Box<dyn Desk>, CliError> {
    let config = config::load(global)?;
    let clock = settings::clock()?;
    match location(global, &config)? {
        DeskLocation::Local(path) => {
            let path = match path {
                Some(path) => path,
                None => default_db_path().map_err(CliError::Failed)?,
            };
            Ok(Box::new(EmbeddedDesk::open(&path, clock)?))
        }
        DeskLocation::Remote(url) => {
            let token = env_value(TOKEN_VAR).or_else(|| config.token.clone());
            let Some(token) = token else {
                return Err(CliError::Usage(format!(
                    "the desk at {url} needs a store token: set {TOKEN_VAR}, or run `cartsaver-support config set token -` and paste the token support gave you (or use --desk local)"
                )));
            };
            Ok(Box::new(HttpDesk::new(url, Some(token))?))
        }
    }
}
