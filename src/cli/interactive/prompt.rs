//! The prompts, on stderr, each answer checked by the caller's domain parser: an invalid answer
//! is shown with its error, inline, and offered again for editing with what was typed; the notes
//! of an accepted one ("mobile number, Egypt (EG)") are shown at once. Esc at a select or a
//! confirm cancels (exit 130, nothing sent), like Ctrl-C anywhere.

use std::fmt::Display;
use std::io::ErrorKind;

use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Password, Select};

use crate::cli::error::CliError;
use crate::cli::style::{BAD, DIM, WARN, paint};
use crate::domain::{Note, Parsed};

use super::interrupt;

pub struct Prompter {
    theme: ColorfulTheme,
    term: console::Term,
}

/// An accepted answer: what was typed and what the parser made of it.
pub struct Answer<T> {
    pub typed: String,
    pub parsed: Parsed<T>,
}

impl Prompter {
    pub fn new() -> Prompter {
        interrupt::guard();
        match anstream::ColorChoice::global() {
            anstream::ColorChoice::Never => console::set_colors_enabled_stderr(false),
            anstream::ColorChoice::Always | anstream::ColorChoice::AlwaysAnsi => {
                console::set_colors_enabled_stderr(true)
            }
            anstream::ColorChoice::Auto => {
                if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                    console::set_colors_enabled_stderr(false);
                }
            }
        }
        Prompter {
            theme: ColorfulTheme::default(),
            term: console::Term::stderr(),
        }
    }

    /// Ask until `parse` accepts. `initial` is text to edit (a refused flag value); `default` is
    /// taken on an empty answer.
    pub fn text<T, E: Display>(
        &self,
        label: &str,
        initial: Option<&str>,
        default: Option<&str>,
        parse: impl Fn(&str) -> Result<Parsed<T>, E>,
    ) -> Result<Answer<T>, CliError> {
        let mut typed = initial.map(str::to_string);
        loop {
            let answer = self.line(label, typed.as_deref(), default)?;
            match parse(&answer) {
                Ok(parsed) => {
                    self.accepted(label, &answer);
                    self.notes(&parsed.notes);
                    return Ok(Answer {
                        typed: answer,
                        parsed,
                    });
                }
                Err(error) => {
                    self.error(&error);
                    typed = Some(answer);
                }
            }
        }
    }

    /// Like [`Prompter::text`], but an empty answer means "none".
    pub fn optional_text<T, E: Display>(
        &self,
        label: &str,
        initial: Option<&str>,
        parse: impl Fn(&str) -> Result<Parsed<T>, E>,
    ) -> Result<Option<Answer<T>>, CliError> {
        let mut typed = initial.map(str::to_string);
        loop {
            let answer = self.line(label, typed.as_deref(), None)?;
            if answer.trim().is_empty() {
                self.accepted(label, "");
                return Ok(None);
            }
            match parse(&answer) {
                Ok(parsed) => {
                    self.accepted(label, &answer);
                    self.notes(&parsed.notes);
                    return Ok(Some(Answer {
                        typed: answer,
                        parsed,
                    }));
                }
                Err(error) => {
                    self.error(&error);
                    typed = Some(answer);
                }
            }
        }
    }

    /// One line of text, unchecked: for answers checked together with another (phone and
    /// region). The caller says whether it was accepted ([`Prompter::accepted`]) or not
    /// ([`Prompter::error`]): dialoguer would mark every answer ✔.
    pub fn line(
        &self,
        label: &str,
        initial: Option<&str>,
        default: Option<&str>,
    ) -> Result<String, CliError> {
        // Empty answers reach the parser, whose "missing" message says what to give.
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(label)
            .allow_empty(true)
            .report(false);
        if let Some(text) = initial {
            input = input.with_initial_text(text);
        }
        if let Some(text) = default {
            input = input.default(text.to_string());
        }
        input.interact_text_on(&self.term).map_err(prompt_error)
    }

    /// One of `items`; Esc cancels.
    pub fn select(&self, label: &str, items: &[String], default: usize) -> Result<usize, CliError> {
        Select::with_theme(&self.theme)
            .with_prompt(label)
            .items(items)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)?
            .ok_or(CliError::Interrupted)
    }

    /// Any of `items` (space ticks, enter goes on); Esc cancels.
    pub fn multi_select(&self, label: &str, items: &[&str]) -> Result<Vec<usize>, CliError> {
        MultiSelect::with_theme(&self.theme)
            .with_prompt(label)
            .items(items)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)?
            .ok_or(CliError::Interrupted)
    }

    /// Yes or no; Esc cancels.
    pub fn confirm(&self, label: &str, default: bool) -> Result<bool, CliError> {
        Confirm::with_theme(&self.theme)
            .with_prompt(label)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)?
            .ok_or(CliError::Interrupted)
    }

    /// Hidden input (a PIN, a token); empty allowed.
    pub fn secret(&self, label: &str) -> Result<String, CliError> {
        Password::with_theme(&self.theme)
            .with_prompt(label)
            .allow_empty_password(true)
            .interact_on(&self.term)
            .map_err(prompt_error)
    }

    /// The answered question, as dialoguer shows an accepted one: `✔ label · answer`.
    pub fn accepted(&self, label: &str, answer: &str) {
        let mut line = String::new();
        let _ = self
            .theme
            .format_input_prompt_selection(&mut line, label, answer);
        let _ = self.term.write_line(&line);
    }

    /// Diagnostics of an accepted answer, indented under it.
    pub fn notes(&self, notes: &[Note]) {
        for note in notes {
            self.note(note);
        }
    }

    pub fn note(&self, note: &Note) {
        if note.is_warning() {
            anstream::eprintln!("  {} {}", paint(WARN, "warning:"), note.text);
        } else {
            anstream::eprintln!("  {}", paint(DIM, &note.text));
        }
    }

    /// A line for the merchant, dimmed: "store  https://... (from the config file)".
    pub fn say(&self, text: &str) {
        anstream::eprintln!("{}", paint(DIM, text));
    }

    /// A refused answer, shown before the field is asked again.
    pub fn error(&self, error: &impl Display) {
        anstream::eprintln!("{} {error}", paint(BAD, "✘"));
    }
}

impl Default for Prompter {
    fn default() -> Prompter {
        Prompter::new()
    }
}

fn prompt_error(error: dialoguer::Error) -> CliError {
    let dialoguer::Error::IO(error) = error;
    if error.kind() == ErrorKind::Interrupted {
        // console raised SIGINT too; whichever gets there first restores the terminal and exits.
        interrupt::leave();
    }
    CliError::Failed(anyhow::Error::from(error).context("cannot read the answer from the terminal"))
}
