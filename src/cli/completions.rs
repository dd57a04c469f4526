//! `completions SHELL`: completion scripts generated from the clap definitions. The committed
//! copies in `completions/` are checked against these by `tests/completions.rs`.

use clap::CommandFactory;
use clap_complete::Shell;

use super::args::Cli;

pub const BIN_NAME: &str = "cartsaver-support";

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, BIN_NAME, &mut out);
    out
}
