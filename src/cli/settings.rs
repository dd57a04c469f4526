//! The one step that resolves what a command runs with, once per run, from the global flags, the
//! environment and the config file (read once here, nowhere else): the clock (`CARTSAVER_NOW`),
//! the local zone (`TZ`), the desk, the store token, the HTTP deadline, and the checklist
//! defaults store, email, plan and region. Precedence, for each: flag > environment > config file > built-in default.
//!
//! A config value is checked only when it is used: a bad `token` in the file does not stop
//! `--desk local list`, and a bad `plan` does not stop `new --plan free`. The refusal is kept
//! with the value and reported, naming the file, when a command asks for it.

use std::path::{Path, PathBuf};

use crate::client::{DeskLocation, parse_desk};
use crate::clock::Clock;
use crate::domain::Field;
use crate::domain::ticket::{Context, TicketInput};

use super::args::GlobalArgs;
use super::config::{self, Config, Key};
use super::error::CliError;

pub const DESK_VAR: &str = "CARTSAVER_DESK";
pub const TOKEN_VAR: &str = "CARTSAVER_TOKEN";
pub const HTTP_TIMEOUT_VAR: &str = "CARTSAVER_HTTP_TIMEOUT";

/// The longest one request to a remote desk may take, retries included, unless told otherwise.
pub const DEFAULT_HTTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(45);

/// What the logic of a command runs with.
#[derive(Debug)]
pub struct Settings {
    pub clock: Clock,
    /// The clock's `now` and the local zone, for validation.
    pub context: Context,
    /// Where the desk is, or why the value that won is refused.
    desk: Result<DeskLocation, String>,
    /// The store token, if any; or why the config file's one is refused.
    token: Option<Result<String, String>>,
    /// The config file's checklist defaults, checked when used.
    defaults: Config,
    /// The config file the values came from, for the errors that name it.
    file: Option<PathBuf>,
    /// The deadline of each request to a remote desk, retries included.
    pub http_timeout: std::time::Duration,
}

/// The values read from the environment, apart so that precedence can be tested without it.
#[derive(Debug, Default)]
struct Environment {
    desk: Option<String>,
    token: Option<String>,
}

impl Settings {
    /// Resolve the settings of this run. Only what cannot be overridden stops it here: a bad
    /// `CARTSAVER_NOW`, a `--config` file that does not exist, a file that is not valid TOML or
    /// has an unknown key.
    pub fn resolve(global: &GlobalArgs) -> Result<Settings, CliError> {
        let clock = clock()?;
        let context = Context {
            now: clock.now(),
            local: local_zone(),
        };
        let environment = Environment {
            desk: env_value(DESK_VAR),
            token: env_value(TOKEN_VAR),
        };
        let (file, config) = match config::read(global)? {
            Some((path, config)) => (Some(path), config),
            None => (None, Config::default()),
        };
        let http_timeout =
            http_timeout(global.http_timeout.as_deref(), env_value(HTTP_TIMEOUT_VAR))?;
        Ok(Settings {
            http_timeout,
            ..Settings::from_sources(
                global.desk.as_deref(),
                environment,
                file,
                config,
                clock,
                context,
            )
        })
    }

    fn from_sources(
        desk_flag: Option<&str>,
        environment: Environment,
        file: Option<PathBuf>,
        config: Config,
        clock: Clock,
        context: Context,
    ) -> Settings {
        let path = file.as_deref().unwrap_or(Path::new(config::FILE_NAME));
        let desk = match (desk_flag, environment.desk, &config.desk) {
            (Some(text), _, _) => parse_desk(text).map_err(|message| format!("--desk: {message}")),
            (None, Some(text), _) => {
                parse_desk(&text).map_err(|message| format!("{DESK_VAR}: {message}"))
            }
            (None, None, Some(text)) => parse_desk(text)
                .map_err(|message| config::bad_values(path, &[format!("desk: {message}")])),
            (None, None, None) => Ok(DeskLocation::Local(None)),
        };
        let token = match (environment.token, &config.token) {
            (Some(token), _) => Some(Ok(token)),
            (None, Some(token)) => Some(
                Key::Token
                    .normalize(token)
                    .map(|(token, _)| token)
                    .map_err(|why| config::bad_values(path, &[why])),
            ),
            (None, None) => None,
        };
        Settings {
            clock,
            context,
            desk,
            token,
            defaults: Config {
                desk: None,
                token: None,
                ..config
            },
            file,
            http_timeout: DEFAULT_HTTP_TIMEOUT,
        }
    }

    /// Where the desk is: `--desk` > `CARTSAVER_DESK` > `desk` in the config > the embedded
    /// desk.
    pub fn desk(&self) -> Result<DeskLocation, CliError> {
        self.desk.clone().map_err(CliError::Usage)
    }

    /// The store token: `CARTSAVER_TOKEN` > `token` in the config. No flag, so that it stays
    /// out of shell history and `ps`.
    pub fn token(&self) -> Result<Option<String>, CliError> {
        self.token.clone().transpose().map_err(CliError::Usage)
    }

    /// Fill the checklist fields the flags did not give from the config file: store, email, plan,
    /// and the region of a national phone number (a flag given empty is an error of its own, not
    /// filled). Returns the fields it filled. A value the
    /// file would fill and its parser refuses stops the run (exit 2), naming the file and the
    /// fix, rather than being sent as if the merchant had typed it; all such values at once.
    pub fn fill_defaults(&self, input: &mut TicketInput) -> Result<Vec<Field>, CliError> {
        let mut filled = Vec::new();
        let mut problems = Vec::new();
        let slots = [
            (Key::Store, Field::Store, &mut input.store),
            (Key::Email, Field::Email, &mut input.email),
            (Key::Plan, Field::Plan, &mut input.plan),
            (Key::Region, Field::Region, &mut input.region),
        ];
        for (key, field, slot) in slots {
            let Some(value) = key.get(&self.defaults).filter(|_| slot.is_none()) else {
                continue;
            };
            match key.normalize(value) {
                Ok(_) => {
                    *slot = Some(value.to_string());
                    filled.push(field);
                }
                Err(why) => problems.push(why),
            }
        }
        if problems.is_empty() {
            return Ok(filled);
        }
        let path = self.file.as_deref().unwrap_or(Path::new(config::FILE_NAME));
        Err(CliError::Usage(config::bad_values(path, &problems)))
    }
}

/// `CARTSAVER_NOW` stands in for the system clock everywhere.
fn clock() -> Result<Clock, CliError> {
    Clock::from_env().map_err(CliError::Usage)
}

/// The zone a time written without a zone is also read in: `TZ` if it names an IANA zone, else
/// the system's, else UTC.
pub fn local_zone() -> chrono_tz::Tz {
    let from_env = std::env::var("TZ")
        .ok()
        .map(|tz| tz.trim_start_matches(':').to_string());
    from_env
        .and_then(|name| name.parse().ok())
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|name| name.parse().ok())
        })
        .unwrap_or(chrono_tz::UTC)
}

fn env_value(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

/// `--http-timeout` > `CARTSAVER_HTTP_TIMEOUT` > 45 s: a duration such as `30s` or `2m`.
fn http_timeout(
    flag: Option<&str>,
    environment: Option<String>,
) -> Result<std::time::Duration, CliError> {
    let (name, text) = match (flag, environment) {
        (Some(text), _) => ("--http-timeout", text.to_string()),
        (None, Some(text)) => (HTTP_TIMEOUT_VAR, text),
        (None, None) => return Ok(DEFAULT_HTTP_TIMEOUT),
    };
    match humantime::parse_duration(text.trim()) {
        Ok(duration) if !duration.is_zero() => Ok(duration),
        Ok(_) => Err(CliError::Usage(format!(
            "{name} `{text}` is zero; give how long one request to the desk may take, e.g. 45s"
        ))),
        Err(error) => Err(CliError::Usage(format!(
            "{name} `{text}` is not a duration ({error}); write e.g. 45s, 2m or 1m 30s"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_timeout_takes_the_flag_then_the_environment_then_45_seconds() {
        use std::time::Duration;
        assert_eq!(http_timeout(None, None).unwrap(), Duration::from_secs(45));
        assert_eq!(
            http_timeout(None, Some("2m".into())).unwrap(),
            Duration::from_secs(120)
        );
        assert_eq!(
            http_timeout(Some("5s"), Some("2m".into())).unwrap(),
            Duration::from_secs(5)
        );
        let error = http_timeout(None, Some("soon".into()))
            .unwrap_err()
            .to_string();
        assert!(error.contains("CARTSAVER_HTTP_TIMEOUT `soon`"), "{error}");
        assert!(http_timeout(Some("0s"), None).is_err());
    }

    fn settings(desk_flag: Option<&str>, environment: Environment, config: Config) -> Settings {
        let clock = Clock::System;
        let context = Context {
            now: clock.now(),
            local: chrono_tz::UTC,
        };
        let file = Some(PathBuf::from("/home/me/.config/cartsaver/config.toml"));
        Settings::from_sources(desk_flag, environment, file, config, clock, context)
    }

    fn desk(text: &str) -> DeskLocation {
        parse_desk(text).unwrap()
    }

    #[test]
    fn the_desk_is_the_flag_then_the_environment_then_the_config_then_local() {
        let config = Config {
            desk: Some("local:/config.sqlite3".into()),
            ..Config::default()
        };
        let env = || Environment {
            desk: Some("local:/env.sqlite3".into()),
            token: None,
        };
        let flag = Some("local:/flag.sqlite3");
        assert_eq!(
            settings(flag, env(), config.clone()).desk().unwrap(),
            desk("local:/flag.sqlite3")
        );
        assert_eq!(
            settings(None, env(), config.clone()).desk().unwrap(),
            desk("local:/env.sqlite3")
        );
        assert_eq!(
            settings(None, Environment::default(), config)
                .desk()
                .unwrap(),
            desk("local:/config.sqlite3")
        );
        assert_eq!(
            settings(None, Environment::default(), Config::default())
                .desk()
                .unwrap(),
            DeskLocation::Local(None)
        );
    }

    #[test]
    fn a_bad_config_value_is_refused_only_when_it_is_used() {
        let config = Config {
            desk: Some("ftp://desk".into()),
            token: Some("bad token".into()),
            plan: Some("gold".into()),
            ..Config::default()
        };
        let overridden = settings(
            Some("local"),
            Environment {
                desk: None,
                token: Some("cst_from-the-environment".into()),
            },
            config.clone(),
        );
        assert_eq!(overridden.desk().unwrap(), DeskLocation::Local(None));
        assert_eq!(
            overridden.token().unwrap().as_deref(),
            Some("cst_from-the-environment")
        );
        let mut input = TicketInput {
            plan: Some("free".into()),
            ..TicketInput::default()
        };
        assert_eq!(overridden.fill_defaults(&mut input).unwrap(), vec![]);

        let used = settings(None, Environment::default(), config);
        let CliError::Usage(message) = used.desk().unwrap_err() else {
            panic!("a usage error")
        };
        assert!(message.contains("config.toml has a bad value"), "{message}");
        assert!(message.contains("desk `ftp://desk`"), "{message}");
        let CliError::Usage(message) = used.token().unwrap_err() else {
            panic!("a usage error")
        };
        assert!(message.contains("token: contains spaces"), "{message}");
        assert!(!message.contains("bad token"), "{message}");
        let error = used.fill_defaults(&mut TicketInput::default()).unwrap_err();
        assert!(error.to_string().contains("plan `gold`"), "{error}");
    }

    #[test]
    fn flags_win_over_config_defaults() {
        let config = Config {
            store: Some("https://cool-shop.myshopify.com".into()),
            plan: Some("scale".into()),
            ..Config::default()
        };
        let mut input = TicketInput {
            plan: Some("free".into()),
            ..TicketInput::default()
        };
        let settings = settings(None, Environment::default(), config);
        assert_eq!(
            settings.fill_defaults(&mut input).unwrap(),
            vec![Field::Store]
        );
        assert_eq!(
            input.store.as_deref(),
            Some("https://cool-shop.myshopify.com")
        );
        assert_eq!(input.plan.as_deref(), Some("free"));
        assert_eq!(input.email, None);
    }
}
