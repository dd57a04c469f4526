//! The desk's side of email (SPEC §9): the outgoing queue (`queue.rs`), what an incoming
//! message becomes (`incoming.rs`), and completing a ticket filed by email (`completion.rs`).
//! Composing, parsing and SMTP are in the crate's `mail` module; this folder only reads and
//! writes the desk's tables.

pub(crate) mod completion;
pub(crate) mod incoming;
pub(crate) mod queue;
