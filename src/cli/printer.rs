//! The one place the merchant CLI writes to stdout and stderr (after uv's `printer.rs`).
//!
//! A [`Printer`] is resolved once per run from `--json`, `--quiet`, `--color`/`NO_COLOR` and
//! whether each stream is a terminal, and handed to every command. Commands build [`Line`]s of
//! [`Span`]s (plain text, or text in a style) and say which kind of line it is: data for stdout
//! ([`Printer::data`], [`Printer::json`]), or for a person on stderr ([`Printer::note`], hidden by
//! `--quiet`; [`Printer::warning`]; [`Printer::error`] and [`Printer::say`], always shown).
//!
//! Every span's text is made terminal-safe here, when it is written ([`terminal_safe`]): control
//! characters other than line breaks and tabs, and the bidirectional controls that reorder what
//! a terminal shows, are written escaped. Styles are added by the printer after escaping, so
//! text from the merchant's input or from the desk can never recolour, retitle or clear the
//! terminal, and our own colours are never shown as `\u{1b}[…` text.

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};

use super::args::{ColorChoice, GlobalArgs};

pub const OK: Style = AnsiColor::Green.on_default().bold();
pub const WARN: Style = AnsiColor::Yellow.on_default().bold();
pub const BAD: Style = AnsiColor::Red.on_default().bold();
pub const DIM: Style = Style::new().dimmed();
pub const BOLD: Style = Style::new().bold();

/// A piece of a line: text, and the style it is shown in where colour is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    style: Style,
    text: String,
}

/// `text` in `style` (bold, red...), shown plain where colour is off.
pub fn paint(style: Style, text: impl Into<String>) -> Span {
    Span {
        style,
        text: text.into(),
    }
}

impl From<String> for Span {
    fn from(text: String) -> Span {
        paint(Style::new(), text)
    }
}

impl From<&str> for Span {
    fn from(text: &str) -> Span {
        paint(Style::new(), text)
    }
}

impl From<&String> for Span {
    fn from(text: &String) -> Span {
        paint(Style::new(), text.as_str())
    }
}

/// One line of output (it may hold line breaks: a multi-line message), as spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line(Vec<Span>);

impl Line {
    pub fn new() -> Line {
        Line::default()
    }

    pub fn push(mut self, span: impl Into<Span>) -> Line {
        self.0.push(span.into());
        self
    }

    /// The text without styles, escaped as it would be written (for tests).
    #[cfg(test)]
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|span| terminal_safe(&span.text))
            .collect()
    }

    fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for span in &self.0 {
            let text = terminal_safe(&span.text);
            if color && span.style != Style::new() {
                out.push_str(&format!("{}{text}{:#}", span.style, span.style));
            } else {
                out.push_str(&text);
            }
        }
        out
    }
}

macro_rules! line_from {
    ($($type:ty),*) => {$(
        impl From<$type> for Line {
            fn from(span: $type) -> Line {
                Line(vec![span.into()])
            }
        }
    )*};
}
line_from!(Span, String, &str, &String);

/// `line![paint(BAD, "✗"), " ", name]`: a [`Line`] of spans.
#[macro_export]
macro_rules! line {
    ($($span:expr),* $(,)?) => {
        $crate::cli::printer::Line::new()$(.push($span))*
    };
}

/// Where output goes and how it looks, for the whole run.
#[derive(Debug, Clone, Copy)]
pub struct Printer {
    json: bool,
    quiet: bool,
    color_out: bool,
    color_err: bool,
    err_terminal: bool,
}

impl Printer {
    /// Resolved from the global flags, `NO_COLOR` and the streams. `--color always` wins over
    /// `NO_COLOR` (an explicit flag beats the environment); `auto` colours a terminal unless
    /// `NO_COLOR` is set to something.
    pub fn new(global: &GlobalArgs) -> Printer {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let out_terminal = std::io::stdout().is_terminal();
        let err_terminal = std::io::stderr().is_terminal();
        let color = |terminal: bool| match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        Printer {
            json: global.json,
            quiet: global.quiet,
            color_out: color(out_terminal),
            color_err: color(err_terminal),
            err_terminal,
        }
    }

    /// `--json`: the result is one JSON object (or one a line) on stdout.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// Whether a person sees stderr live: progress bars only there, and never with `--quiet`.
    pub fn shows_progress(&self) -> bool {
        self.err_terminal && !self.quiet
    }

    /// Whether colour is on for stderr (the prompts follow it).
    pub fn colors_stderr(&self) -> bool {
        self.color_err
    }

    /// A line of the result, on stdout.
    pub fn data(&self, line: impl Into<Line>) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{}", line.into().render(self.color_out));
    }

    /// A JSON value on one line of stdout: data, written exactly (JSON escapes control
    /// characters itself).
    pub fn json(&self, value: &impl serde::Serialize) {
        let text = serde_json::to_string(value).expect("JSON values serialize");
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{text}");
    }

    /// Notes, previews and summaries for a person, on stderr; hidden by `--quiet`.
    pub fn note(&self, line: impl Into<Line>) {
        if !self.quiet {
            self.say(line);
        }
    }

    /// `warning: FIELD: text` and the like, on stderr; hidden by `--quiet` like every note.
    pub fn warning(&self, line: impl Into<Line>) {
        self.note(line![paint(WARN, "warning:"), " "].append(line.into()));
    }

    /// `error: …` on stderr, always.
    pub fn error(&self, line: impl Into<Line>) {
        self.say(line![paint(BAD, "error:"), " "].append(line.into()));
    }

    /// A line for a person on stderr, shown even with `--quiet` (what was not done and why).
    pub fn say(&self, line: impl Into<Line>) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{}", line.into().render(self.color_err));
    }
}

impl Line {
    /// This line, then `other`'s spans.
    pub fn append(mut self, other: Line) -> Line {
        self.0.extend(other.0);
        self
    }

    /// Every line break followed by `width` spaces: a multi-line value under its first line.
    pub fn indent_lines(mut self, width: usize) -> Line {
        let indent = format!("\n{}", " ".repeat(width));
        for span in &mut self.0 {
            if span.text.contains('\n') {
                span.text = span.text.trim_end_matches('\n').replace('\n', &indent);
            }
        }
        self
    }
}

pub use crate::terminal::terminal_safe;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_added_after_escaping_and_only_with_colour() {
        let line = line![paint(BAD, "overdue"), " \u{1b}[2J"];
        assert_eq!(line.render(false), "overdue \\u{1b}[2J");
        let coloured = line.render(true);
        assert!(
            coloured.starts_with("\u{1b}[1m\u{1b}[31moverdue\u{1b}[0m"),
            "{coloured:?}"
        );
        assert!(coloured.ends_with(" \\u{1b}[2J"), "{coloured:?}");
        assert_eq!(line.plain(), "overdue \\u{1b}[2J");
    }
}
