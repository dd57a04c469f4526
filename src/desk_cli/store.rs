//! `cartsaver-desk store add|list`: the email addresses registered for a store. Mail from one of
//! them may file a ticket for the store and reply on its tickets (SPEC §9).

use std::io::Write as _;

use anyhow::Context as _;

use crate::domain::email::parse_email;
use crate::domain::store::parse_store;

use super::args::GlobalArgs;
use super::error::DeskCliError;
use super::open;

pub fn add(global: &GlobalArgs, store: &str, email: &str) -> Result<(), DeskCliError> {
    // Both checked at once: every bad value is reported in one run.
    let (store, email) = match (parse_store(store), parse_email(email)) {
        (Ok(store), Ok(email)) => (store, email),
        (store, email) => {
            let errors = [store.err(), email.err()].into_iter().flatten().collect();
            return Err(DeskCliError::Invalid(errors));
        }
    };
    for note in store.notes.iter().chain(&email.notes) {
        eprintln!("note: {note}");
    }
    let now = open::clock()?.now();
    let added = open::desk(global)?.add_store_address(&store.value, &email.value, now)?;
    if added {
        eprintln!(
            "{} registered for {}: its mail may file and answer the store's tickets",
            email.value.as_str().to_lowercase(),
            store.value
        );
    } else {
        eprintln!(
            "{} was already registered for {}",
            email.value.as_str().to_lowercase(),
            store.value
        );
    }
    Ok(())
}

pub fn list(global: &GlobalArgs, store: Option<&str>) -> Result<(), DeskCliError> {
    let store = store
        .map(parse_store)
        .transpose()?
        .map(|parsed| parsed.value);
    let addresses = open::desk(global)?.store_addresses(store.as_ref())?;
    let mut out = std::io::stdout().lock();
    if global.json {
        for address in &addresses {
            let line =
                serde_json::to_string(address).context("cannot encode an address as JSON")?;
            writeln!(out, "{line}").context("cannot write to stdout")?;
        }
        return Ok(());
    }
    if addresses.is_empty() {
        eprintln!(
            "no addresses registered; add one with `cartsaver-desk store add URL --email ADDR`"
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = addresses
        .iter()
        .map(|a| vec![a.store.clone(), a.email.clone(), a.created_at.clone()])
        .collect();
    super::mail::table(&mut out, &["STORE", "EMAIL", "ADDED"], &rows)
}
