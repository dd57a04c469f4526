//! Open the desk a command talks to, as the settings resolved it (`settings`: `--desk` >
//! `CARTSAVER_DESK` > `desk` in the config > the embedded desk). A remote desk needs a store
//! token (`CARTSAVER_TOKEN` > `token` in the config), which is never echoed.

use crate::client::embedded::EmbeddedDesk;
use crate::client::http::HttpDesk;
use crate::client::{Desk, DeskLocation};
use crate::desk::location::default_db_path;

use super::args::GlobalArgs;
use super::error::CliError;
use super::settings::{Settings, TOKEN_VAR};

/// Resolve the settings and open the desk: for the commands that need nothing else of them.
pub fn open_desk(global: &GlobalArgs) -> Result<Box<dyn Desk>, CliError> {
    open(&Settings::resolve(global)?)
}

/// Open the desk of these settings. The token is looked at only for a remote desk, so a bad one
/// in the config file does not stop a command on the embedded desk.
pub fn open(settings: &Settings) -> Result<Box<dyn Desk>, CliError> {
    match settings.desk()? {
        DeskLocation::Local(path) => {
            let path = match path {
                Some(path) => path,
                None => default_db_path().map_err(CliError::Failed)?,
            };
            Ok(Box::new(EmbeddedDesk::open(&path, settings.clock)?))
        }
        DeskLocation::Remote(url) => {
            let Some(token) = settings.token()? else {
                return Err(CliError::Usage(format!(
                    "the desk at {url} needs a store token: set {TOKEN_VAR}, or run `cartsaver-support config set token -` and paste the token support gave you (or use --desk local)"
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
