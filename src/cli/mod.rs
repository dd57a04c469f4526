//! The merchant's command line: clap definitions (`args`), the resolution of flags, the
//! environment and the config file into settings, once per run (`settings`), one module per
//! command, the one writer of stdout and stderr (`printer`), and the one place errors are
//! reported (`error`).

pub mod args;
pub mod bulk;
pub mod check;
pub mod completions;
pub mod config;
pub mod connect;
pub mod dashboard;
pub mod doctor;
pub mod error;
pub mod fields;
pub mod filing;
pub mod follow_up;
pub mod interactive;
pub mod login;
pub mod new;
pub mod outbox;
pub mod printer;
mod private_file;
pub mod settings;
pub mod show;
pub mod watch;

use std::io::Write;

use crate::exit::ExitStatus;
use args::{Cli, Command};
use error::CliError;
use printer::Printer;

/// Run a parsed command line: the printer is resolved once, here, and errors are reported here,
/// once.
pub fn run(cli: Cli) -> ExitStatus {
    let printer = Printer::new(&cli.global);
    note_outbox(&cli, &printer);
    match dispatch(&cli, &printer) {
        Ok(()) => ExitStatus::Success,
        Err(error) => {
            error::report(&error, &printer);
            error.exit_status()
        }
    }
}

/// Every command but the outbox's own (and those that print a script or a page) says on stderr
/// when tickets wait in the outbox.
fn note_outbox(cli: &Cli, out: &Printer) {
    if matches!(
        cli.command,
        Command::Outbox(_) | Command::Completions(_) | Command::Man(_)
    ) {
        return;
    }
    if let Some(note) = outbox::waiting_note() {
        out.note(note);
    }
}

fn dispatch(cli: &Cli, out: &Printer) -> Result<(), CliError> {
    let global = &cli.global;
    match &cli.command {
        Command::New(args) => new::run(args, global, out),
        Command::Check(args) => check::run(args, global, out),
        Command::Bulk(args) => bulk::run(args, global, out),
        Command::Status(args) => follow_up::status(args, global, out),
        Command::Reply(args) => follow_up::reply(args, global, out),
        Command::Resolve(args) => follow_up::resolve(args, global, out),
        Command::List(args) => follow_up::list(args, global, out),
        Command::Dashboard => dashboard::run(global, out),
        Command::Doctor => doctor::run(global, out),
        Command::Config(args) => config::command::run(&args.action, global, out),
        Command::Login(args) => login::login(args, global, out),
        Command::Logout => login::logout(global, out),
        Command::Watch(args) => watch::run(args, global, out),
        Command::Outbox(args) => outbox::command::run(&args.action, global, out),
        Command::Completions(args) => {
            let script = completions::script(args.shell);
            std::io::stdout()
                .write_all(&script)
                .map_err(anyhow::Error::from)?;
            Ok(())
        }
        Command::Man(args) => {
            completions::write_man(completions::Binary::Support, args.dir.as_deref())
                .map_err(CliError::from)
        }
    }
}
