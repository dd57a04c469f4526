//! `cartsaver-desk token create|list|revoke`: store tokens. A new token is printed once, alone,
//! on stdout (its id on stderr); the desk keeps only its hash, so `list` shows ids, never tokens.

use std::io::Write as _;

use anyhow::Context as _;

use crate::domain::store::parse_store;

use super::args::GlobalArgs;
use super::error::DeskCliError;
use super::open;

pub fn create(global: &GlobalArgs, store: &str) -> Result<(), DeskCliError> {
    let store = parse_store(store)?;
    for note in &store.notes {
        eprintln!("note: {note}");
    }
    let now = open::clock()?.now();
    let (id, token) = open::desk(global)?.issue_token(&store.value, now)?;
    println!("{token}");
    eprintln!(
        "token {id} for {} issued; it is shown only this once: give it to the merchant (CARTSAVER_TOKEN); revoke it with `cartsaver-desk token revoke {id}`",
        store.value
    );
    Ok(())
}

pub fn list(global: &GlobalArgs, store: Option<&str>) -> Result<(), DeskCliError> {
    let store = store
        .map(parse_store)
        .transpose()?
        .map(|parsed| parsed.value);
    let tokens = open::desk(global)?.tokens(store.as_ref())?;
    let mut out = std::io::stdout().lock();
    if global.json {
        for token in &tokens {
            let line = serde_json::to_string(token).context("cannot encode a token as JSON")?;
            writeln!(out, "{line}").context("cannot write to stdout")?;
        }
        return Ok(());
    }
    if tokens.is_empty() {
        eprintln!("no tokens");
        return Ok(());
    }
    let rows: Vec<[String; 6]> = tokens
        .iter()
        .map(|t| {
            [
                t.id.to_string(),
                t.store.clone(),
                t.created_at.clone(),
                t.last_used_at.clone().unwrap_or_else(|| "never".into()),
                t.revoked_at.clone().unwrap_or_else(|| "-".into()),
                t.name.clone().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    let header = ["ID", "STORE", "CREATED", "LAST USED", "REVOKED", "NAME"].map(String::from);
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end()).context("cannot write to stdout")?;
    }
    Ok(())
}

/// Revoke by id (all digits) or by the token in full.
pub fn revoke(global: &GlobalArgs, token: &str) -> Result<(), DeskCliError> {
    let now = open::clock()?.now();
    let given = token.trim();
    if let Ok(id) = given.parse::<i64>() {
        return if open::desk(global)?.revoke_token_id(id, now)? {
            eprintln!("token {id} revoked");
            Ok(())
        } else {
            Err(DeskCliError::Failed(anyhow::anyhow!(
                "no active token with id {id} in this desk database; `cartsaver-desk token list` shows the ids (and which are revoked already)"
            )))
        };
    }
    if open::desk(global)?.revoke_token(given, now)? {
        eprintln!("token revoked");
        Ok(())
    } else {
        Err(DeskCliError::Failed(anyhow::anyhow!(
            "no active token `{}` in this desk database; check that it was copied in full, and --db",
            redact(token)
        )))
    }
}

/// A token shown in an error: enough to recognize it, not enough to use it.
fn redact(token: &str) -> String {
    let token = token.trim();
    let shown: String = token.chars().take(6).collect();
    if token.chars().count() > 6 {
        format!("{shown}…")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redacted_tokens_keep_only_a_prefix() {
        assert_eq!(redact("abcdefghijkl"), "abcdef…");
        assert_eq!(redact("abc"), "abc");
    }
}
