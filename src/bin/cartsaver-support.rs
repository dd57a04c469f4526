//! The merchant's CLI: parse the command line and hand it to `cartsaver::cli::run`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cartsaver::cli::args::Cli::parse();
    cartsaver::cli::run(cli).into()
}
