//! The prompts, on the terminal (never stdout), each answer checked by the caller's domain
//! parser: an invalid answer is shown with its error, inline, and offered again for editing with
//! what was typed; the notes of an accepted one ("mobile number, Egypt (EG)") are shown at once.
//! Esc at a select or a confirm cancels (exit 130, nothing sent), like Ctrl-C anywhere.
//!
//! Text is read with rustyline, on the controlling terminal (`/dev/tty`), so every text prompt
//! has readline's keys: Ctrl-A/E, Home/End, Ctrl-U/K/W, Alt-B/F, Delete. Choices, yes/no and
//! hidden input are dialoguer's.

use std::fmt::Display;
use std::io::ErrorKind;

use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, MultiSelect, Password, Select};
use rustyline::config::Behavior;
use rustyline::error::ReadlineError;

use crate::cli::error::CliError;
use crate::cli::printer::{BAD, DIM, Printer, WARN, paint};
use crate::domain::{Note, Parsed};
use crate::line;

use super::interrupt;

pub struct Prompter {
    theme: ColorfulTheme,
    term: console::Term,
    out: Printer,
}

/// An accepted answer: what was typed and what the parser made of it.
pub struct Answer<T> {
    pub typed: String,
    pub parsed: Parsed<T>,
}

impl Prompter {
    /// The prompts, in the printer's colours.
    pub fn new(out: &Printer) -> Prompter {
        interrupt::guard();
        console::set_colors_enabled_stderr(out.colors_stderr());
        Prompter {
            theme: ColorfulTheme::default(),
            term: console::Term::stderr(),
            out: *out,
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
        let prompt = match default {
            Some(text) => format!("? {label} [{text}] › "),
            None => format!("? {label} › "),
        };
        let config = rustyline::Config::builder()
            .behavior(Behavior::PreferTerm)
            .auto_add_history(false)
            .build();
        let mut editor = rustyline::DefaultEditor::with_config(config).map_err(readline_error)?;
        let answer = editor
            .readline_with_initial(&prompt, (initial.unwrap_or(""), ""))
            .map_err(readline_error)?;
        drop(editor);
        // The answered prompt is shown again as `✔ label · answer` (or the error under it).
        self.clear_answered(&prompt, &answer);
        match default {
            Some(text) if answer.trim().is_empty() => Ok(text.to_string()),
            _ => Ok(answer),
        }
    }

    /// Take the prompt line just answered off the screen (all the rows it wrapped onto).
    fn clear_answered(&self, prompt: &str, answer: &str) {
        let width = console::measure_text_width(prompt) + console::measure_text_width(answer);
        let columns = usize::from(self.term.size().1).max(1);
        let rows = width / columns + 1;
        let _ = self.term.clear_last_lines(rows);
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
    /// The answered line shows `shown(answer)` (a masked PIN, `(none)`), never dialoguer's
    /// `********`, which would claim a secret was typed when Enter skipped it; `None` shows no
    /// answered line (the caller says why the answer is refused).
    pub fn secret(
        &self,
        label: &str,
        shown: impl Fn(&str) -> Option<String>,
    ) -> Result<String, CliError> {
        let answer = Password::with_theme(&self.theme)
            .with_prompt(label)
            .allow_empty_password(true)
            .report(false)
            .interact_on(&self.term)
            .map_err(prompt_error)?;
        if let Some(shown) = shown(answer.trim()) {
            self.accepted(label, &shown);
        }
        Ok(answer)
    }

    /// The answered question, as dialoguer shows an accepted one: `✔ label · answer`.
    pub fn accepted(&self, label: &str, answer: &str) {
        let mut line = String::new();
        let safe = crate::cli::printer::terminal_safe(answer);
        let _ = self
            .theme
            .format_input_prompt_selection(&mut line, label, &safe);
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
            self.out
                .say(line!["  ", paint(WARN, "warning:"), " ", &note.text]);
        } else {
            self.out.say(line!["  ", paint(DIM, &note.text)]);
        }
    }

    /// A line for the merchant, dimmed: "store  https://... (from the config file)".
    pub fn say(&self, text: &str) {
        self.out.say(paint(DIM, text));
    }

    /// A refused answer, shown before the field is asked again.
    pub fn error(&self, error: &impl Display) {
        self.out.say(line![paint(BAD, "✘"), " ", error.to_string()]);
    }

    /// The printer the prompts write through.
    pub fn printer(&self) -> &Printer {
        &self.out
    }
}

/// Ctrl-C at a text prompt leaves like Ctrl-C anywhere (exit 130); Ctrl-D on an empty line
/// cancels, as Esc does at a choice.
fn readline_error(error: ReadlineError) -> CliError {
    match error {
        ReadlineError::Interrupted => {
            interrupt::leave();
            CliError::Interrupted
        }
        ReadlineError::Eof => CliError::Interrupted,
        other => CliError::Failed(
            anyhow::Error::from(other).context("cannot read the answer from the terminal"),
        ),
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
