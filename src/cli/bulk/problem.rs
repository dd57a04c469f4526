//! One problem of one row, as bulk and `check --file` report it: `line N, FIELD: message`
//! (`line N: message` when the row as a whole is unreadable).

use std::fmt;

use serde_json::{Value, json};

use crate::domain::{Field, FieldError, Note};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line of the file where the row starts, the header being line 1.
    pub line: u64,
    /// The column or key; `None` for the row as a whole.
    pub field: Option<String>,
    /// The value refused, when showing it helps.
    pub input: String,
    pub code: &'static str,
    pub message: String,
    /// A warning (the row is valid, unless `--strict`), not an error.
    pub warning: bool,
}

impl Problem {
    pub fn of_field(line: u64, error: FieldError) -> Problem {
        Problem {
            line,
            field: Some(error.field.name().to_string()),
            input: error.input,
            code: error.code,
            message: error.message,
            warning: false,
        }
    }

    /// A warning of a valid row: `line N, FIELD: warning: …`.
    pub fn of_warning(line: u64, field: Field, note: &Note) -> Problem {
        Problem {
            line,
            field: Some(field.name().to_string()),
            input: String::new(),
            code: "warning",
            message: note.text.clone(),
            warning: true,
        }
    }

    /// A problem with a column that is not a field (an unknown JSON key).
    pub fn of_column(line: u64, column: &str, code: &'static str, message: String) -> Problem {
        Problem {
            line,
            field: Some(column.to_string()),
            input: String::new(),
            code,
            message,
            warning: false,
        }
    }

    pub fn of_row(line: u64, code: &'static str, message: String) -> Problem {
        Problem {
            line,
            field: None,
            input: String::new(),
            code,
            message,
            warning: false,
        }
    }

    /// `check --file --json`: one object per problem (`"warning"` instead of `"error"` for a
    /// warning).
    pub fn to_json(&self) -> Value {
        let key = if self.warning { "warning" } else { "error" };
        json!({
            "line": self.line,
            "field": self.field,
            "input": (!self.input.is_empty()).then_some(&self.input),
            "code": self.code,
            key: self.message,
        })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(field) = &self.field {
            write!(f, ", {field}")?;
        }
        if !self.input.is_empty() {
            write!(f, " `{}`", one_line(&self.input))?;
        }
        if self.warning {
            write!(f, ": warning: {}", self.message)
        } else {
            write!(f, ": {}", self.message)
        }
    }
}

/// A cell shown inside a one-line message: line breaks visible, long values cut.
fn one_line(text: &str) -> String {
    let flat = text.replace('\r', "").replace('\n', "⏎");
    if flat.chars().count() > 80 {
        format!("{}…", flat.chars().take(80).collect::<String>())
    } else {
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_line_field_input_and_message() {
        let error = FieldError::new(Field::Phone, "+20 10", "too_short", "too short for Egypt");
        assert_eq!(
            Problem::of_field(4, error).to_string(),
            "line 4, phone `+20 10`: too short for Egypt"
        );
        let missing = FieldError::missing(Field::Store, "missing; fill the store cell");
        assert_eq!(
            Problem::of_field(2, missing).to_string(),
            "line 2, store: missing; fill the store cell"
        );
        assert_eq!(
            Problem::of_row(9, "cells", "3 cells".into()).to_string(),
            "line 9: 3 cells"
        );
    }
}
