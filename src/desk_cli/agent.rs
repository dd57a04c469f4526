//! `cartsaver-desk agent add|list|remove`: the support agents who sign in to the browser inbox
//! (SPEC §10). The password is typed hidden at a terminal (twice), or read from the first line
//! of `--password-file`; it is never an argument (shell history, `ps`). The desk keeps only its
//! argon2id hash.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;

use anyhow::Context as _;

use crate::domain::email::parse_email;

use super::args::GlobalArgs;
use super::error::DeskCliError;
use super::open;

pub fn add(
    global: &GlobalArgs,
    email: &str,
    password_file: Option<&Path>,
) -> Result<(), DeskCliError> {
    let parsed = parse_email(email).map_err(|error| DeskCliError::Invalid(vec![error]))?;
    let email = parsed.value.as_str().to_lowercase();
    let password = match password_file {
        Some(path) => read_password_file(path)?,
        None => ask_password(&email)?,
    };
    let now = open::clock()?.now();
    let new = open::desk(global)?.add_agent(&email, &password, now)?;
    if new {
        eprintln!("agent {email} added; they sign in at /inbox/login on the desk's address");
    } else {
        eprintln!("agent {email} has a new password; their open sessions were ended");
    }
    Ok(())
}

fn read_password_file(path: &Path) -> Result<String, DeskCliError> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        DeskCliError::Usage(format!(
            "--password-file {}: cannot read it ({error}); give a file whose first line is the password",
            path.display()
        ))
    })?;
    let line = text.lines().next().unwrap_or_default();
    if line.is_empty() {
        return Err(DeskCliError::Usage(format!(
            "--password-file {}: the first line is empty; write the password on it",
            path.display()
        )));
    }
    Ok(line.to_string())
}

fn ask_password(email: &str) -> Result<String, DeskCliError> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(DeskCliError::Usage(
            "no terminal to type the password at; give it with --password-file FILE (its first line)"
                .to_string(),
        ));
    }
    dialoguer::Password::new()
        .with_prompt(format!("password for {email}"))
        .with_confirmation("again", "the two passwords differ; type it again")
        .interact()
        .context("cannot read the password from the terminal")
        .map_err(DeskCliError::from)
}

pub fn list(global: &GlobalArgs) -> Result<(), DeskCliError> {
    let agents = open::desk(global)?.agents()?;
    let mut out = std::io::stdout().lock();
    if global.json {
        for agent in &agents {
            let line = serde_json::to_string(agent).context("cannot encode an agent as JSON")?;
            writeln!(out, "{line}").context("cannot write to stdout")?;
        }
        return Ok(());
    }
    if agents.is_empty() {
        eprintln!("no agents; add one with `cartsaver-desk agent add EMAIL`");
        return Ok(());
    }
    let width = agents
        .iter()
        .map(|a| a.email.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(out, "{:<width$}  ADDED", "EMAIL").context("cannot write to stdout")?;
    for agent in &agents {
        writeln!(out, "{:<width$}  {}", agent.email, agent.created_at)
            .context("cannot write to stdout")?;
    }
    Ok(())
}

pub fn remove(global: &GlobalArgs, email: &str) -> Result<(), DeskCliError> {
    if open::desk(global)?.remove_agent(email)? {
        eprintln!(
            "agent {} removed; their sessions were ended",
            email.trim().to_lowercase()
        );
        Ok(())
    } else {
        Err(DeskCliError::Failed(anyhow::anyhow!(
            "no agent `{}` in this desk database; `cartsaver-desk agent list` shows them",
            email.trim()
        )))
    }
}
