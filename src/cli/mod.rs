//! The merchant's command line: clap definitions (`args`), the resolution of flags, the
//! environment and the config file into settings, once per run (`settings`), one module per
//! command, and the one place errors are printed (`error`).

pub mod args;
pub mod bulk;
pub mod check;
pub mod completions;
pub mod config;
pub mod connect;
pub mod dashboard;
pub mod doctor;
pub mod error;
pub mod exit;
pub mod fields;
pub mod filing;
pub mod interactive;
pub mod new;
pub mod settings;
pub mod show;
pub mod style;
pub mod tickets;

use std::io::Write;

use args::{Cli, Command};
use error::CliError;
use exit::ExitStatus;

/// Run a parsed command line; errors are printed here, once.
pub fn run(cli: Cli) -> ExitStatus {
    style::apply_color_choice(cli.global.color);
    match dispatch(cli) {
        Ok(status) => status,
        Err(error) => {
            error::report(&error);
            error.exit_status()
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitStatus, CliError> {
    let global = &cli.global;
    match &cli.command {
        Command::New(args) => new::run(args, global),
        Command::Check(args) => check::run(args, global),
        Command::Bulk(args) => bulk::run(args, global),
        Command::Status(args) => tickets::status(args, global),
        Command::Reply(args) => tickets::reply(args, global),
        Command::Resolve(args) => tickets::resolve(args, global),
        Command::List(args) => tickets::list(args, global),
        Command::Dashboard => dashboard::run(global),
        Command::Doctor => doctor::run(global),
        Command::Config(args) => config::command::run(&args.action, global),
        Command::Completions(args) => {
            let script = completions::script(args.shell);
            std::io::stdout()
                .write_all(&script)
                .map_err(anyhow::Error::from)?;
            Ok(ExitStatus::Success)
        }
    }
}
