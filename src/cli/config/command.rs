//! `config init|show|get|set|unset|path`. `show` and `set` read the file without validating it whole, so
//! that a bad value can be seen and fixed; `set` checks the one value it writes through the
//! domain parser of the flag of the same name.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use crate::cli::args::{ConfigAction, GlobalArgs};
use crate::cli::error::CliError;
use crate::cli::interactive::{self, Prompter};
use crate::cli::printer::{DIM, Printer, WARN, paint};
use crate::domain::plan::Plan;
use crate::line;

use super::{Config, Key, default_path, load_raw, save};

pub fn run(action: &ConfigAction, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let path = path(global)?;
    match action {
        ConfigAction::Path => {
            out.data(path.display().to_string());
            Ok(())
        }
        ConfigAction::Show => show(&path, out),
        ConfigAction::Get { key } => get(&path, key, out),
        ConfigAction::Set { key, value } => set(&path, key, value, out),
        ConfigAction::Unset { key } => unset(&path, key, out),
        ConfigAction::Init => init(&path, global, out),
    }
}

/// `config get KEY`: the value alone on stdout (the token redacted); exit 1 when it is not set,
/// as `git config` does, so that a script can tell.
fn get(path: &std::path::Path, key: &str, out: &Printer) -> Result<(), CliError> {
    let key = Key::from_name(key).map_err(CliError::Usage)?;
    let config = current(path)?;
    match key.get(&config) {
        Some(value) if out.is_json() => out.json(&json!({key.name(): key.shown(value)})),
        Some(value) => out.data(key.shown(value)),
        None => {
            return Err(CliError::Failed(anyhow::anyhow!(
                "{} is not set in {}; set it with `cartsaver-support config set {} VALUE`",
                key.name(),
                path.display(),
                key.name()
            )));
        }
    }
    Ok(())
}

/// `config unset KEY`: remove the key from the file; nothing to do when it is not there.
fn unset(path: &std::path::Path, key: &str, out: &Printer) -> Result<(), CliError> {
    let key = Key::from_name(key).map_err(CliError::Usage)?;
    let mut config = current(path)?;
    if key.get(&config).is_none() {
        out.note(format!("{} was not set in {}", key.name(), path.display()));
        return Ok(());
    }
    key.set(&mut config, None);
    save(path, &config)?;
    out.note(format!("Unset {} in {}", key.name(), path.display()));
    Ok(())
}

fn path(global: &GlobalArgs) -> Result<PathBuf, CliError> {
    match &global.config {
        Some(path) => Ok(path.clone()),
        None => default_path().ok_or_else(|| {
            CliError::Usage(
                "cannot find a config folder (is HOME set?); name a file with --config PATH".into(),
            )
        }),
    }
}

/// The file as it is, or empty when it does not exist yet.
fn current(path: &std::path::Path) -> Result<Config, CliError> {
    Ok(load_raw(path, false)?.unwrap_or_default())
}

fn show(path: &std::path::Path, out: &Printer) -> Result<(), CliError> {
    let exists = path.exists();
    let config = current(path)?;
    if out.is_json() {
        let mut object = Map::new();
        for key in Key::ALL {
            let value = key.get(&config).map(|v| key.shown(v));
            object.insert(key.name().into(), json!(value));
        }
        object.insert("path".into(), json!(path.display().to_string()));
        out.json(&Value::Object(object));
        return Ok(());
    }
    for key in Key::ALL {
        let name = format!("{:7} ", key.name());
        let line = match key.get(&config) {
            Some(value) => match key.normalize(value) {
                Ok(_) => line![name, key.shown(value)],
                Err(why) => line![
                    name,
                    key.shown(value),
                    "  ",
                    paint(WARN, format!("({why})"))
                ],
            },
            None => line![name, paint(DIM, "(not set)")],
        };
        out.data(line);
    }
    let note = if exists { "" } else { " (does not exist yet)" };
    out.note(paint(DIM, format!("from {}{note}", path.display())));
    Ok(())
}

fn set(path: &std::path::Path, key: &str, value: &str, out: &Printer) -> Result<(), CliError> {
    let key = Key::from_name(key).map_err(CliError::Usage)?;
    let value = if value == "-" {
        from_stdin(key, out)?
    } else {
        if key == Key::Token {
            out.warning(
                "the token is now in your shell history (and visible in `ps` while this ran); \
                 next time use `cartsaver-support config set token -`, which reads it hidden",
            );
        }
        value.to_string()
    };
    let (normalized, notes) = key.normalize(&value).map_err(CliError::Usage)?;
    let mut config = current(path)?;
    key.set(&mut config, Some(normalized.clone()));
    save(path, &config)?;
    for note in notes {
        out.note(format!("  {note}"));
    }
    out.note(format!(
        "Set {} = {} in {}",
        key.name(),
        key.shown(&normalized),
        path.display()
    ));
    Ok(())
}

/// `config set KEY -`: one line of stdin. Typed at a terminal, a token is read hidden, as
/// `config init` asks for it, so that it is not left on the screen; piped, the line is read as
/// it comes.
fn from_stdin(key: Key, out: &Printer) -> Result<String, CliError> {
    if key == Key::Token && std::io::stdin().is_terminal() {
        return Ok(Prompter::new(out)
            .secret("Store token support gave you (hidden)", shown_token)?
            .trim()
            .to_string());
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(anyhow::Error::from)?;
    Ok(line.trim().to_string())
}

/// Ask for every key, offering the current values; an empty answer keeps the current one (or
/// leaves it unset).
fn init(path: &std::path::Path, global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    if !interactive::is_interactive(global) {
        return Err(CliError::Usage(
            "`config init` asks questions and needs a terminal; without one, use `cartsaver-support config set KEY VALUE` for each of store, email, plan, region, desk, token".into(),
        ));
    }
    let mut config = current(path)?;
    let p = Prompter::new(out);
    p.say(&format!(
        "Writing {}. Enter keeps the value shown, an emptied one is unset; Ctrl-C stops without writing.",
        path.display()
    ));
    for key in [Key::Store, Key::Email] {
        let label = match key {
            Key::Store => "Your Shopify store (cool-shop.myshopify.com)",
            _ => "Your email, for support's replies",
        };
        ask_key(&p, &mut config, key, label)?;
    }
    let mut labels: Vec<String> = Plan::ALL.iter().map(|plan| plan.name().into()).collect();
    labels.push("(not set)".into());
    let current_plan = config
        .plan
        .as_deref()
        .and_then(|name| Plan::ALL.iter().position(|plan| plan.name() == name))
        .unwrap_or(Plan::ALL.len());
    let chosen = p.select("Your Cartsaver plan", &labels, current_plan)?;
    config.plan = Plan::ALL.get(chosen).map(|plan| plan.name().to_string());
    ask_key(
        &p,
        &mut config,
        Key::Region,
        "Country of your customers' numbers, for numbers written without + (EG; optional)",
    )?;
    ask_key(
        &p,
        &mut config,
        Key::Desk,
        "Support desk (local, or the https:// address support gave you)",
    )?;
    let token_label = match &config.token {
        Some(token) => format!(
            "Store token (hidden; Enter keeps {})",
            Key::Token.shown(token)
        ),
        None => "Store token support gave you (hidden; Enter for none)".to_string(),
    };
    loop {
        let token = p.secret(&token_label, shown_token)?;
        if token.trim().is_empty() {
            break;
        }
        match Key::Token.normalize(&token) {
            Ok((token, _)) => {
                config.token = Some(token);
                break;
            }
            Err(why) => p.error(&why),
        }
    }
    save(path, &config)?;
    out.say(format!("Wrote {} (readable by you only).", path.display()));
    Ok(())
}

/// A token as the answered prompt shows it: redacted, or `(none)` when Enter skipped it.
fn shown_token(typed: &str) -> Option<String> {
    Some(if typed.is_empty() {
        "(none)".to_string()
    } else {
        Key::Token.shown(typed)
    })
}

/// One text key, checked by its parser: the current value is offered for editing; Enter keeps
/// it, an emptied answer unsets it.
fn ask_key(p: &Prompter, config: &mut Config, key: Key, label: &str) -> Result<(), CliError> {
    let current = key.get(config).map(str::to_string);
    let answer = p.optional_text(label, current.as_deref(), |text| key.parse(text))?;
    key.set(config, answer.map(|answer| answer.parsed.value));
    Ok(())
}
