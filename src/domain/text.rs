//! The free-text fields: `tried`, `summary`, `details`, `email` and `pin`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::channel::Channel;
use super::{FieldError, Parsed};

/// Steps already tried, at least one; `none` is an explicit answer. Steps are trimmed and blank
/// ones dropped.
pub fn parse_tried(steps: &[String]) -> Result<Parsed<Vec<String>>, FieldError> {
    let _ = steps;
    todo!()
}

/// The steps in a `--tried-file`: one per non-blank line.
pub fn split_tried_lines(text: &str) -> Vec<String> {
    let _ = text;
    todo!()
}

/// `OTP not arriving via WhatsApp` (or SMS).
pub fn default_summary(channel: Channel) -> String {
    format!("OTP not arriving via {}", channel.label())
}

/// One line, 3–120 characters after trimming.
pub fn parse_summary(input: &str) -> Result<Parsed<String>, FieldError> {
    let _ = input;
    todo!()
}

/// Optional free text; trimmed; bounded in size.
pub fn parse_details(input: &str) -> Result<Parsed<String>, FieldError> {
    let _ = input;
    todo!()
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn parse_email(input: &str) -> Result<Parsed<Email>, FieldError> {
    let _ = input;
    todo!()
}

/// A support PIN, 4–12 letters or digits. Never printed in full: `Display` masks it.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pin(String);

impl Pin {
    /// The PIN in clear, for storage and comparison only.
    pub fn reveal(&self) -> &str {
        &self.0
    }

    /// `••••12`: the last two characters, the rest as dots.
    pub fn masked(&self) -> String {
        todo!()
    }
}

impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pin({})", self.masked())
    }
}

pub fn parse_pin(input: &str) -> Result<Parsed<Pin>, FieldError> {
    let _ = input;
    todo!()
}
