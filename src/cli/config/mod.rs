//! The config file (docs/contract.md §3): `store`, `email`, `plan`, `region`, `desk` and `token` in TOML, in
//! the platform config dir (`$XDG_CONFIG_HOME/cartsaver/config.toml` on Linux) or at `--config
//! PATH`. Its values come after flags and the environment and before the built-in defaults
//! (that precedence is resolved in `cli::settings`, the one place the file is read for a
//! command).
//!
//! This file owns the keys and their validation (through the same domain parsers as the flags);
//! `file` reads and writes the file; `command` is `config init|show|set|path`.

pub mod command;
mod file;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::client::parse_desk;
use crate::domain::phone::parse_region;
use crate::domain::plan::parse_plan;
use crate::domain::store::parse_store;
use crate::domain::text::parse_email;
use crate::domain::{Note, Parsed};

use super::args::GlobalArgs;
use super::error::CliError;

pub use file::{FILE_NAME, default_path, load_raw, save};

/// The file as written: every key optional, unknown keys refused (a typo would otherwise be
/// silently ignored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Store,
    Email,
    Plan,
    Region,
    Desk,
    Token,
}

impl Key {
    pub const ALL: [Key; 6] = [
        Key::Store,
        Key::Email,
        Key::Plan,
        Key::Region,
        Key::Desk,
        Key::Token,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Key::Store => "store",
            Key::Email => "email",
            Key::Plan => "plan",
            Key::Region => "region",
            Key::Desk => "desk",
            Key::Token => "token",
        }
    }

    /// A key by name, or an error that lists the known ones.
    pub fn from_name(name: &str) -> Result<Key, String> {
        let wanted = name.trim().to_ascii_lowercase();
        Key::ALL
            .into_iter()
            .find(|key| key.name() == wanted)
            .ok_or_else(|| format!("unknown config key `{name}`; the keys are {}", known_keys()))
    }

    pub fn get(self, config: &Config) -> Option<&str> {
        let value = match self {
            Key::Store => &config.store,
            Key::Email => &config.email,
            Key::Plan => &config.plan,
            Key::Region => &config.region,
            Key::Desk => &config.desk,
            Key::Token => &config.token,
        };
        value.as_deref()
    }

    pub fn set(self, config: &mut Config, value: Option<String>) {
        let slot = match self {
            Key::Store => &mut config.store,
            Key::Email => &mut config.email,
            Key::Plan => &mut config.plan,
            Key::Region => &mut config.region,
            Key::Desk => &mut config.desk,
            Key::Token => &mut config.token,
        };
        *slot = value;
    }

    /// The value normalized by the domain parser that checks the flag of the same meaning, with
    /// its notes; or why it is refused. A token's value is never repeated in the message.
    pub fn normalize(self, value: &str) -> Result<(String, Vec<Note>), String> {
        self.parse(value).map(|parsed| (parsed.value, parsed.notes))
    }

    pub fn parse(self, value: &str) -> Result<Parsed<String>, String> {
        let field = |result: Result<Parsed<String>, crate::domain::FieldError>| {
            result.map_err(|error| error.to_string())
        };
        if value.trim().is_empty() && self != Key::Token {
            let name = self.name();
            return Err(format!(
                "{name}: empty; set it with `cartsaver-support config set {name} VALUE`, or \
                 remove the line"
            ));
        }
        match self {
            Key::Store => field(parse_store(value).map(|p| p.map(|v| v.to_string()))),
            Key::Email => field(parse_email(value).map(|p| p.map(|v| v.to_string()))),
            Key::Plan => field(parse_plan(value).map(|p| p.map(|v| v.name().to_string()))),
            Key::Region => field(parse_region(value).map(|p| p.map(|v| v.as_str().to_string()))),
            Key::Desk => parse_desk(value)
                .map(|desk| Parsed::new(desk.to_string()))
                .map_err(|message| format!("desk: {message}")),
            Key::Token => {
                let token = value.trim();
                if token.is_empty() {
                    Err("token: empty; give the store token support gave you".into())
                } else if token.chars().any(char::is_whitespace) {
                    Err(
                        "token: contains spaces; paste the store token exactly as support gave it"
                            .into(),
                    )
                } else {
                    Ok(Parsed::new(token.to_string()))
                }
            }
        }
    }

    /// A value as `config show` prints it: the token redacted.
    pub fn shown(self, value: &str) -> String {
        match self {
            Key::Token => redact(value),
            _ => value.to_string(),
        }
    }
}

pub fn known_keys() -> String {
    let names: Vec<&str> = Key::ALL.iter().map(|key| key.name()).collect();
    names.join(", ")
}

/// `cst_…9XQ2`: enough to tell two tokens apart, never enough to use one. Short tokens show
/// nothing of themselves.
pub fn redact(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    if chars.len() < 12 {
        return "(set)".into();
    }
    let prefix: String = match token.find('_') {
        Some(end) if end <= 4 => token[..=end].to_string(),
        _ => String::new(),
    };
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{prefix}…{tail}")
}

/// The config file a command runs with, as written: the file at `--config PATH` (which must
/// exist) or the default file (`None` when it does not exist, or there is no home to find it
/// in). Its values are not checked here: each is checked where it is used (`settings`), so
/// that a bad value stops only the commands that use it.
pub fn read(global: &GlobalArgs) -> Result<Option<(PathBuf, Config)>, CliError> {
    let (path, explicit) = match &global.config {
        Some(path) => (path.clone(), true),
        None => match default_path() {
            Some(path) => (path, false),
            None => return Ok(None),
        },
    };
    Ok(load_raw(&path, explicit)?.map(|config| (path, config)))
}

/// The message for values of the file that their parsers refuse, each as `KEY: why`.
pub fn bad_values(path: &Path, problems: &[String]) -> String {
    format!(
        "the config file {} has {}:\n  {}\nfix it with `cartsaver-support config set KEY VALUE`, or edit the file",
        path.display(),
        if problems.len() == 1 {
            "a bad value".to_string()
        } else {
            format!("{} bad values", problems.len())
        },
        problems.join("\n  ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_redacted() {
        assert_eq!(redact("cst_4f9a8b7c6d5e9XQ2"), "cst_…9XQ2");
        assert_eq!(redact("abcdefghijklmnop"), "…mnop");
        assert_eq!(redact("short"), "(set)");
    }

    #[test]
    fn keys_are_validated_by_the_domain_parsers() {
        let (store, _) = Key::Store
            .normalize("https://admin.shopify.com/store/cool-shop/orders")
            .unwrap();
        assert_eq!(store, "https://cool-shop.myshopify.com");
        assert_eq!(Key::Plan.normalize("Scale").unwrap().0, "scale");
        assert_eq!(Key::Region.normalize("eg").unwrap().0, "EG");
        assert!(Key::Plan.normalize("gold").unwrap_err().contains("plan"));
        assert!(Key::Desk.normalize("ftp://x").is_err());
        let refused = Key::Token.normalize("cst_ secret").unwrap_err();
        assert!(!refused.contains("secret"), "{refused}");
    }

    #[test]
    fn unknown_keys_list_the_known_ones() {
        let error = Key::from_name("colour").unwrap_err();
        assert!(
            error.contains("store, email, plan, region, desk, token"),
            "{error}"
        );
    }
}
