//! The ticket domain: every checklist field of docs/contract.md §2, tracking numbers (§4), the business-hours
//! calendar (§6) and the subject line.
//!
//! Shared by the CLI and the desk. It must not know about clap, reqwest, axum, rusqlite, dialoguer
//! or terminals: parsers take text (or bytes) and an explicit clock, and return values, notes and
//! errors that say what is wrong and how to fix it.

pub mod calendar;
pub mod channel;
pub mod email;
pub mod field;
pub mod order;
pub mod phone;
pub mod pin;
pub mod plan;
pub mod screenshot;
pub mod store;
pub mod text;
pub mod ticket;
pub mod timestamp;
pub mod tracking;

pub use field::{Field, FieldError, Note, NoteLevel, Parsed};
