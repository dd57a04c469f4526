//! What every field parser returns: a normalized value with diagnostic notes, or a `FieldError`
//! that names the input, says why it was refused and how to fix it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The checklist fields of docs/contract.md §2, plus `tracking` (§4). Names match the flags, the JSON keys of
/// `check --json`, the bulk columns and the desk API body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Store,
    Order,
    Phone,
    Region,
    Channel,
    At,
    Screenshot,
    Tried,
    Summary,
    Details,
    Email,
    Plan,
    Urgent,
    Outage,
    Pin,
    AllowAccess,
    Tracking,
}

impl Field {
    pub const ALL: [Field; 17] = [
        Field::Store,
        Field::Order,
        Field::Phone,
        Field::Region,
        Field::Channel,
        Field::At,
        Field::Screenshot,
        Field::Tried,
        Field::Summary,
        Field::Details,
        Field::Email,
        Field::Plan,
        Field::Urgent,
        Field::Outage,
        Field::Pin,
        Field::AllowAccess,
        Field::Tracking,
    ];

    /// The §2 name: `store`, `allow_access`, ...
    pub fn name(self) -> &'static str {
        match self {
            Field::Store => "store",
            Field::Order => "order",
            Field::Phone => "phone",
            Field::Region => "region",
            Field::Channel => "channel",
            Field::At => "at",
            Field::Screenshot => "screenshot",
            Field::Tried => "tried",
            Field::Summary => "summary",
            Field::Details => "details",
            Field::Email => "email",
            Field::Plan => "plan",
            Field::Urgent => "urgent",
            Field::Outage => "outage",
            Field::Pin => "pin",
            Field::AllowAccess => "allow_access",
            Field::Tracking => "tracking",
        }
    }

    /// The command-line flag that gives this field: `--allow-access`, ...
    pub fn flag(self) -> String {
        format!("--{}", self.name().replace('_', "-"))
    }

    pub fn from_name(name: &str) -> Option<Field> {
        let wanted = name.trim().to_ascii_lowercase().replace('-', "_");
        Field::ALL.into_iter().find(|f| f.name() == wanted)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteLevel {
    /// A diagnosis worth showing: "mobile number, Egypt (EG)", "converted from +02:00".
    Info,
    /// Valid, but probably the root cause or a problem: a landline, logs that may have expired.
    Warning,
}

/// A diagnostic note on a valid value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub level: NoteLevel,
    pub text: String,
}

impl Note {
    pub fn info(text: impl Into<String>) -> Note {
        Note {
            level: NoteLevel::Info,
            text: text.into(),
        }
    }

    pub fn warning(text: impl Into<String>) -> Note {
        Note {
            level: NoteLevel::Warning,
            text: text.into(),
        }
    }

    pub fn is_warning(&self) -> bool {
        self.level == NoteLevel::Warning
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.level {
            NoteLevel::Info => f.write_str(&self.text),
            NoteLevel::Warning => write!(f, "warning: {}", self.text),
        }
    }
}

/// A normalized value with its diagnostic notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    pub value: T,
    pub notes: Vec<Note>,
}

impl<T> Parsed<T> {
    pub fn new(value: T) -> Parsed<T> {
        Parsed {
            value,
            notes: Vec::new(),
        }
    }

    pub fn with_note(mut self, note: Note) -> Parsed<T> {
        self.notes.push(note);
        self
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        Parsed {
            value: f(self.value),
            notes: self.notes,
        }
    }
}

/// A refused field value. `message` says why and how to fix it, without repeating the field or the
/// input, which `Display` puts in front: ``phone `+20 10`: too short for Egypt (+20); ...``.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FieldError {
    pub field: Field,
    pub input: String,
    pub message: String,
    /// A stable machine-readable reason (`too_short`, `missing`, `future`, ...), for the desk API's
    /// `fields[].code`.
    pub code: &'static str,
}

impl FieldError {
    pub fn new(
        field: Field,
        input: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> FieldError {
        FieldError {
            field,
            input: input.into(),
            message: message.into(),
            code,
        }
    }

    /// A required field that was not given at all.
    pub fn missing(field: Field, how: impl Into<String>) -> FieldError {
        FieldError::new(field, "", "missing", how)
    }

    /// A field given but empty, or only spaces (SPEC §2 "Empty values"): an error of the field,
    /// never taken as not given. Worded for its flag: ``phone: `--phone` is empty; give the
    /// customer's number, e.g. +20 100 123 4567``; see [`FieldError::empty_in`] for other sources.
    pub fn empty(field: Field, how: impl AsRef<str>) -> FieldError {
        let message = format!("`{}` is empty; {}", field.flag(), how.as_ref());
        FieldError::new(field, "", "empty", message)
    }

    /// The error of a parser given blank text (code `missing`, "missing; give …") as the error of
    /// a value given empty: ``phone: `--phone` is empty; give …``. Other errors are unchanged.
    pub fn into_empty(self) -> FieldError {
        if self.code != "missing" {
            return self;
        }
        let how = ["missing; ", "not given; "]
            .iter()
            .find_map(|prefix| self.message.strip_prefix(prefix))
            .unwrap_or(&self.message);
        FieldError::empty(self.field, how)
    }

    /// An empty-value error worded for where the value came from instead of the flag: ``the
    /// `phone` cell``, ```store` in the config file``. Other errors are returned unchanged.
    pub fn empty_in(mut self, source: &str) -> FieldError {
        if self.code == "empty" {
            let flag = format!("`{}` is empty", self.field.flag());
            self.message = self
                .message
                .replacen(&flag, &format!("{source} is empty"), 1);
        }
        self
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.input.is_empty() {
            write!(f, "{}: {}", self.field, self.message)
        } else {
            write!(f, "{} `{}`: {}", self.field, self.input, self.message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_round_trip_and_flags_use_dashes() {
        for field in Field::ALL {
            assert_eq!(Field::from_name(field.name()), Some(field));
        }
        assert_eq!(Field::AllowAccess.flag(), "--allow-access");
        assert_eq!(Field::from_name("Allow-Access"), Some(Field::AllowAccess));
        assert_eq!(Field::from_name("nope"), None);
    }

    #[test]
    fn error_names_field_and_input_first() {
        let e = FieldError::new(
            Field::Phone,
            "+20 10",
            "too_short",
            "too short for Egypt (+20)",
        );
        assert_eq!(e.to_string(), "phone `+20 10`: too short for Egypt (+20)");
        let missing = FieldError::missing(Field::Store, "missing; give --store");
        assert_eq!(missing.to_string(), "store: missing; give --store");
    }

    #[test]
    fn empty_values_name_the_flag_or_the_source() {
        let e = FieldError::empty(Field::AllowAccess, "say yes or no");
        assert_eq!(e.code, "empty");
        assert_eq!(
            e.to_string(),
            "allow_access: `--allow-access` is empty; say yes or no"
        );
        let cell = e.empty_in("the `allow_access` cell");
        assert_eq!(
            cell.to_string(),
            "allow_access: the `allow_access` cell is empty; say yes or no"
        );
        let other = FieldError::missing(Field::Store, "missing").empty_in("the cell");
        assert_eq!(other.message, "missing");
        let blank = FieldError::missing(Field::Phone, "missing; give the customer's number");
        assert_eq!(
            blank.into_empty().to_string(),
            "phone: `--phone` is empty; give the customer's number"
        );
        let refused = FieldError::new(Field::Phone, "+20", "too_short", "too short");
        assert_eq!(refused.clone().into_empty(), refused);
    }
}
