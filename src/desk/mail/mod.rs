//! The desk's side of email (SPEC §9): the outgoing queue (`queue.rs`) and what an incoming
//! message becomes (`incoming.rs`). Composing, parsing and SMTP are in the crate's `mail` module;
//! this folder only reads and writes the desk's tables.

pub(crate) mod incoming;
pub(crate) mod queue;
