//! The merchant's CLI: parse the command line and hand it to `cartsaver::merchant::run`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cartsaver::merchant::Cli::parse();
    cartsaver::merchant::run(cli).into()
}
