//! `cartsaver-desk token create|revoke`: store tokens. A new token is printed once, alone, on
//! stdout; the desk keeps only its hash.

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
    let token = open::desk(global)?.create_token(&store.value, now)?;
    println!("{token}");
    eprintln!(
        "token for {} issued; it is shown only this once: give it to the merchant (CARTSAVER_TOKEN)",
        store.value
    );
    Ok(())
}

pub fn revoke(global: &GlobalArgs, token: &str) -> Result<(), DeskCliError> {
    let now = open::clock()?.now();
    if open::desk(global)?.revoke_token(token.trim(), now)? {
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
