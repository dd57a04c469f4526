//! `config init|show|set|path`. `show` and `set` read the file without validating it whole, so
//! that a bad value can be seen and fixed; `set` checks the one value it writes through the
//! domain parser of the flag of the same name.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use crate::cli::args::{ConfigAction, GlobalArgs};
use crate::cli::error::CliError;
use crate::cli::exit::ExitStatus;
use crate::cli::interactive::{self, Prompter};
use crate::cli::style::{DIM, WARN, paint};
use crate::domain::plan::Plan;

use super::{Config, Key, default_path, load_raw, save};

pub fn run(action: &ConfigAction, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    let path = path(global)?;
    match action {
        ConfigAction::Path => {
            anstream::println!("{}", path.display());
            Ok(ExitStatus::Success)
        }
        ConfigAction::Show => show(&path, global),
        ConfigAction::Set { key, value } => set(&path, key, value, global),
        ConfigAction::Init => init(&path, global),
    }
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

fn show(path: &std::path::Path, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    let exists = path.exists();
    let config = current(path)?;
    if global.json {
        let mut object = Map::new();
        for key in Key::ALL {
            let value = key.get(&config).map(|v| key.shown(v));
            object.insert(key.name().into(), json!(value));
        }
        object.insert("path".into(), json!(path.display().to_string()));
        anstream::println!("{}", Value::Object(object));
        return Ok(ExitStatus::Success);
    }
    let mut out = anstream::stdout().lock();
    for key in Key::ALL {
        let value = match key.get(&config) {
            Some(value) => match key.normalize(value) {
                Ok(_) => key.shown(value),
                Err(why) => format!("{}  {}", key.shown(value), paint(WARN, &format!("({why})"))),
            },
            None => paint(DIM, "(not set)"),
        };
        let _ = writeln!(out, "{:7} {value}", key.name());
    }
    if !global.quiet {
        let note = if exists { "" } else { " (does not exist yet)" };
        anstream::eprintln!("{}", paint(DIM, &format!("from {}{note}", path.display())));
    }
    Ok(ExitStatus::Success)
}

fn set(
    path: &std::path::Path,
    key: &str,
    value: &str,
    global: &GlobalArgs,
) -> Result<ExitStatus, CliError> {
    let key = Key::from_name(key).map_err(CliError::Usage)?;
    let value = if value == "-" {
        from_stdin(key)?
    } else {
        value.to_string()
    };
    let (normalized, notes) = key.normalize(&value).map_err(CliError::Usage)?;
    let mut config = current(path)?;
    key.set(&mut config, Some(normalized.clone()));
    save(path, &config)?;
    if !global.quiet {
        for note in notes {
            anstream::eprintln!("  {note}");
        }
        anstream::eprintln!(
            "Set {} = {} in {}",
            key.name(),
            key.shown(&normalized),
            path.display()
        );
    }
    Ok(ExitStatus::Success)
}

/// `config set KEY -`: one line of stdin. Typed at a terminal, a token is read hidden, as
/// `config init` asks for it, so that it is not left on the screen; piped, the line is read as
/// it comes.
fn from_stdin(key: Key) -> Result<String, CliError> {
    if key == Key::Token && std::io::stdin().is_terminal() {
        return Ok(Prompter::new()
            .secret("Store token support gave you (hidden)")?
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
fn init(path: &std::path::Path, global: &GlobalArgs) -> Result<ExitStatus, CliError> {
    if !interactive::is_interactive(global) {
        return Err(CliError::Usage(
            "`config init` asks questions and needs a terminal; without one, use `cartsaver-support config set KEY VALUE` for each of store, email, plan, region, desk, token".into(),
        ));
    }
    let mut config = current(path)?;
    let p = Prompter::new();
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
        let token = p.secret(&token_label)?;
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
    anstream::eprintln!("Wrote {} (readable by you only).", path.display());
    Ok(ExitStatus::Success)
}

/// One text key, checked by its parser: the current value is offered for editing; Enter keeps
/// it, an emptied answer unsets it.
fn ask_key(p: &Prompter, config: &mut Config, key: Key, label: &str) -> Result<(), CliError> {
    let current = key.get(config).map(str::to_string);
    let answer = p.optional_text(label, current.as_deref(), |text| key.parse(text))?;
    key.set(config, answer.map(|answer| answer.parsed.value));
    Ok(())
}
