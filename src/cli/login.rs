//! `login` and `logout` (SPEC §11; `gh auth login` is the model). `login` takes the store and the
//! email from the flags, the config file or prompts, asks the desk to mail a one-time code to
//! that address (registered for the store on the desk), then asks for the code at a terminal —
//! or, without one, `login --code CODE` finishes in a second run. The new store token goes into
//! the config file (0600), with the desk, store and email if the file lacked them; it is never
//! printed. `logout` revokes the token on the desk and removes it from the config file.
//!
//! The token is named after this machine (its hostname), so that support's `token list` says
//! which machine holds which. No desk rules here: the desk decides what a code is worth.

use std::path::PathBuf;

use serde_json::json;
use url::Url;

use crate::api::LoginVerify;
use crate::client::http::HttpDesk;
use crate::client::{DeskLocation, RequestError};
use crate::domain::field::Parsed;
use crate::domain::ticket::TicketInput;

use super::args::{GlobalArgs, LoginArgs};
use super::config::{self, Config, Key};
use super::error::CliError;
use super::interactive::{self, Prompter};
use super::printer::Printer;
use super::settings::{Settings, TOKEN_VAR};

/// The digits of a code as typed (spaces and dashes dropped), or why it cannot be one.
pub fn parse_code(text: &str) -> Result<String, String> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(format!(
            "code `{}`: the code in the mail is 8 digits; copy it from the mail (Cartsaver support — your login code)",
            text.trim()
        ))
    }
}

/// What this machine is called, for the token's name.
fn machine_name() -> String {
    hostname::get()
        .ok()
        .and_then(|name| name.into_string().ok())
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "cartsaver-support".to_string())
}

fn config_path(global: &GlobalArgs) -> Result<PathBuf, CliError> {
    match &global.config {
        Some(path) => Ok(path.clone()),
        None => config::default_path().ok_or_else(|| {
            CliError::Usage(
                "cannot find a config folder (is HOME set?); name a file with --config PATH".into(),
            )
        }),
    }
}

/// The remote desk a login talks to; the embedded desk needs no login.
fn remote_desk(settings: &Settings) -> Result<Url, CliError> {
    match settings.desk()? {
        DeskLocation::Remote(url) => Ok(url),
        DeskLocation::Local(_) => Err(CliError::Usage(
            "login is for a remote desk, and none is set (the local desk on this machine needs no login); give the desk's address with --desk https://DESK-URL-FROM-SUPPORT (or CARTSAVER_DESK, or `cartsaver-support config set desk URL`)".into(),
        )),
    }
}

pub fn login(args: &LoginArgs, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    let url = remote_desk(&settings)?;
    let code = args.code.as_deref().map(parse_code).transpose();
    let mut given = TicketInput {
        store: args.store.clone(),
        email: args.email.clone(),
        ..TicketInput::default()
    };
    settings.fill_defaults(&mut given)?;
    let at_terminal = interactive::is_interactive(global);
    let prompter = at_terminal.then(|| Prompter::new(out));
    // Every problem of the command line at once.
    let mut problems = Vec::new();
    let store = match (given.store.as_deref(), &prompter) {
        (Some(text), _) => Key::Store
            .normalize(text)
            .map(|(store, _)| Some(store))
            .unwrap_or_else(|why| {
                problems.push(why);
                None
            }),
        (None, Some(_)) => None,
        (None, None) => {
            problems.push("store: missing; give --store cool-shop.myshopify.com (or `cartsaver-support config set store URL`)".into());
            None
        }
    };
    let email = match (given.email.as_deref(), &prompter) {
        (Some(text), _) => Key::Email
            .normalize(text)
            .map(|(email, _)| Some(email))
            .unwrap_or_else(|why| {
                problems.push(why);
                None
            }),
        (None, Some(_)) => None,
        (None, None) => {
            problems.push("email: missing; give --email the address support registered for the store (or `cartsaver-support config set email ADDRESS`)".into());
            None
        }
    };
    let code = code.unwrap_or_else(|why| {
        problems.push(why);
        None
    });
    if !problems.is_empty() {
        return Err(CliError::usage_problems(problems));
    }
    let ask = |label: &str, key: Key| -> Result<String, CliError> {
        let prompter = prompter.as_ref().expect("asked only at a terminal");
        let answer = prompter.text(label, None, None, |text| {
            key.normalize(text)
                .map(|(value, notes)| Parsed { value, notes })
        })?;
        Ok(answer.parsed.value)
    };
    let store = match store {
        Some(store) => store,
        None => ask("Store (my-shop.myshopify.com)", Key::Store)?,
    };
    let email = match email {
        Some(email) => email,
        None => ask("Email registered for the store", Key::Email)?,
    };
    let desk = HttpDesk::new(url.clone(), None, settings.http_timeout)?;
    let code = match code {
        Some(code) => code,
        None => {
            let started = desk.request_login(&store, &email)?;
            let minutes = started.expires_in / 60;
            out.note(format!(
                "Asked {url} for a login code: if {email} is registered for {store}, a mail with an 8-digit code is on its way; it works once, for {minutes} minutes."
            ));
            let Some(prompter) = &prompter else {
                out.note(format!(
                    "Then run: cartsaver-support login --desk {} --store {store} --email {email} --code CODE",
                    url.as_str().trim_end_matches('/')
                ));
                return Ok(());
            };
            prompter
                .text("Code from the mail", None, None, |text| {
                    parse_code(text).map(|value| Parsed {
                        value,
                        notes: Vec::new(),
                    })
                })?
                .parsed
                .value
        }
    };
    let name = args.name.clone().unwrap_or_else(machine_name);
    let issued = desk
        .verify_login(&LoginVerify {
            store: store.clone(),
            email: email.clone(),
            code,
            name: Some(name),
        })
        .map_err(|error| match error {
            RequestError::Refused { status: 401, .. } => CliError::Failed(anyhow::anyhow!(
                "the desk refused the code: it is wrong, expired (10 minutes), used already, or was tried 5 times; run `cartsaver-support login` again for a new one"
            )),
            other => CliError::Desk(other),
        })?;
    let path = config_path(global)?;
    let mut file = config::load_raw(&path, false)?.unwrap_or_default();
    save_login(&mut file, &url, &issued.store, &email, issued.token);
    config::save(&path, &file)?;
    if out.is_json() {
        out.json(&json!({
            "desk": url.as_str(),
            "store": issued.store,
            "token_name": issued.name,
            "config": path.display().to_string(),
        }));
    }
    out.note(format!(
        "Logged in to {url} for {} (token `{}`); the token is in {} (readable by you only).",
        issued.store,
        issued.name,
        path.display()
    ));
    if std::env::var_os(TOKEN_VAR).is_some() {
        out.warning(format!(
            "{TOKEN_VAR} is set and wins over the config file: unset it to use the new token"
        ));
    }
    Ok(())
}

/// The config after a login: the new token, and the desk, store and email it was issued for
/// where the file had none (so that the next command needs no flag).
fn save_login(file: &mut Config, desk: &Url, store: &str, email: &str, token: String) {
    Key::Token.set(file, Some(token));
    Key::Desk.set(file, Some(desk.as_str().trim_end_matches('/').to_string()));
    if file.store.is_none() {
        Key::Store.set(file, Some(store.to_string()));
    }
    if file.email.is_none() {
        Key::Email.set(file, Some(email.to_string()));
    }
}

/// `logout`: revoke the token on the desk, then remove it from the config file. A token the desk
/// refuses already is removed all the same.
pub fn logout(global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let settings = Settings::resolve(global)?;
    let url = remote_desk(&settings)?;
    let path = config_path(global)?;
    let mut file = config::load_raw(&path, false)?.unwrap_or_default();
    let token = match settings.token()? {
        Some(token) => token,
        None => {
            return Err(CliError::Failed(anyhow::anyhow!(
                "no store token to log out with: {} holds none and {TOKEN_VAR} is not set",
                path.display()
            )));
        }
    };
    let desk = HttpDesk::new(url.clone(), Some(token.clone()), settings.http_timeout)?;
    match desk.revoke_own_token() {
        Ok(()) => out.note(format!("Revoked the token on {url}.")),
        Err(RequestError::Refused { status: 401, .. }) => {
            out.note(format!(
                "{url} refuses the token already (revoked or unknown)."
            ));
        }
        Err(error) => return Err(CliError::Desk(error)),
    }
    if file.token.as_deref().map(str::trim) == Some(token.trim()) {
        Key::Token.set(&mut file, None);
        config::save(&path, &file)?;
        out.note(format!("Removed the token from {}.", path.display()));
    } else if std::env::var_os(TOKEN_VAR).is_some() {
        out.note(format!(
            "The token came from {TOKEN_VAR}: unset it, it no longer works."
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_eight_digits_as_typed_or_refused_with_the_fix() {
        assert_eq!(parse_code(" 1234 5678 ").unwrap(), "12345678");
        assert_eq!(parse_code("1234-5678").unwrap(), "12345678");
        let refused = parse_code("12345").unwrap_err();
        assert!(
            refused.contains("`12345`") && refused.contains("8 digits"),
            "{refused}"
        );
        assert!(parse_code("1234567a").is_err());
    }

    #[test]
    fn a_login_keeps_the_files_own_store_and_email() {
        let mut file = Config {
            store: Some("https://mine.myshopify.com".into()),
            ..Config::default()
        };
        let desk = Url::parse("https://desk.example/").unwrap();
        save_login(
            &mut file,
            &desk,
            "https://cool-shop.myshopify.com",
            "owner@cool-shop.com",
            "cst_x".into(),
        );
        assert_eq!(file.token.as_deref(), Some("cst_x"));
        assert_eq!(file.desk.as_deref(), Some("https://desk.example"));
        assert_eq!(file.store.as_deref(), Some("https://mine.myshopify.com"));
        assert_eq!(file.email.as_deref(), Some("owner@cool-shop.com"));
    }
}
