//! Colours and marks for people at a terminal. `anstream` strips them when the stream is not a
//! terminal, with `--color never`, or when `NO_COLOR` is set.

use anstyle::{AnsiColor, Style};

use super::args::ColorChoice;

pub fn apply_color_choice(choice: ColorChoice) {
    let choice = match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

pub const OK: Style = AnsiColor::Green.on_default().bold();
pub const WARN: Style = AnsiColor::Yellow.on_default().bold();
pub const BAD: Style = AnsiColor::Red.on_default().bold();
pub const DIM: Style = Style::new().dimmed();
pub const BOLD: Style = Style::new().bold();

pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

pub fn error_label() -> String {
    paint(BAD, "error:")
}
