//! The support desk: parse the command line and hand it to `cartsaver::desk_cli::run`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cartsaver::desk_cli::args::DeskCli::parse();
    cartsaver::desk_cli::run(cli).into()
}
