//! The merchant at a terminal: the checklist walked prompt by prompt (`checklist`), the preview
//! and confirm before anything is sent (`preview`), the offer to follow up instead of filing a
//! duplicate (`duplicate`). Every answer goes through the same domain parser as its flag
//! (`prompt`); Ctrl-C anywhere restores the terminal and exits 130 (`interrupt`); a desk that
//! fails is found before the first question, or else the answers are printed as a command
//! (`rescue`).
//!
//! Interactive means stdin and stderr are terminals and `--no-input` is not set (docs/contract.md §3);
//! stdout may be a pipe, so `TN=$(cartsaver-support new)` still asks.

pub mod checklist;
pub mod duplicate;
pub mod interrupt;
pub mod preview;
pub mod prompt;
pub mod rescue;

use std::io::IsTerminal;

use super::args::GlobalArgs;

pub use prompt::Prompter;

pub fn is_interactive(global: &GlobalArgs) -> bool {
    !global.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}
