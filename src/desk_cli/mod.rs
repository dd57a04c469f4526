//! `cartsaver-desk`, the support engineer's command line: clap definitions (`args`), one module
//! per concern (`serve`, `token`, `tickets`, `copy`, `store`, `mail`, `agent`), the desk it opens (`open`),
//! and the one place errors are printed (`error`). The rules live in the desk core; the wire in `server`.

mod agent;
pub mod args;
mod attachments;
mod copy;
pub mod error;
mod mail;
mod open;
mod serve;
mod show;
mod store;
mod tickets;
mod token;

use args::{
    AgentCommand, AttachmentsCommand, Command, DeskCli, MailCommand, StoreCommand, TicketsCommand,
    TokenCommand,
};
use error::DeskCliError;

use crate::exit::ExitStatus;

/// Run a parsed command line; errors are printed here, once.
pub fn run(cli: DeskCli) -> ExitStatus {
    match dispatch(cli) {
        Ok(()) => ExitStatus::Success,
        Err(error) => {
            error::report(&error);
            error.exit_status()
        }
    }
}

use crate::cli::completions::Binary;

/// `migrate`: opening migrates; say where the schema stands.
fn migrate(global: &args::GlobalArgs) -> Result<(), DeskCliError> {
    let core = open::desk(global)?;
    let version = core.ready().map_err(DeskCliError::from)?;
    println!(
        "the desk database {} is at schema version {version}",
        open::location(global)?.shown()
    );
    Ok(())
}

fn dispatch(cli: DeskCli) -> Result<(), DeskCliError> {
    let global = &cli.global;
    match &cli.command {
        Command::Serve(args) => serve::run(global, args),
        Command::Token(TokenCommand::Create { store }) => token::create(global, store),
        Command::Token(TokenCommand::List { store }) => token::list(global, store.as_deref()),
        Command::Token(TokenCommand::Revoke { token }) => token::revoke(global, token),
        Command::Tickets(TicketsCommand::List(args)) => tickets::list(global, args),
        Command::Tickets(TicketsCommand::Show { tracking }) => tickets::show(global, tracking),
        Command::Tickets(TicketsCommand::CheckPin { tracking, pin }) => {
            tickets::check_pin(global, tracking, pin)
        }
        Command::Attachments(AttachmentsCommand::Save { tracking, to }) => {
            attachments::save(global, tracking, to.as_deref())
        }
        Command::Attachments(AttachmentsCommand::Refused { tracking, json }) => {
            attachments::refused(global, tracking, *json)
        }
        Command::Migrate => migrate(global),
        Command::Reply(args) => tickets::reply(global, args),
        Command::SetStatus(args) => tickets::set_status(global, args),
        // Generated from the clap definitions, like the merchant CLI's (`cli::completions`).
        Command::Completions { shell } => {
            use std::io::Write;
            let script = crate::cli::completions::script_for(Binary::Desk, *shell);
            std::io::stdout()
                .write_all(&script)
                .map_err(|error| DeskCliError::from(anyhow::Error::from(error)))
        }
        Command::Man { dir } => crate::cli::completions::write_man(Binary::Desk, dir.as_deref())
            .map_err(DeskCliError::from),
        Command::Copy(args) => copy::run(global, args),
        Command::Store(StoreCommand::Add { store, email }) => store::add(global, store, email),
        Command::Store(StoreCommand::List { store }) => store::list(global, store.as_deref()),
        Command::Mail(MailCommand::Queue { all, limit }) => mail::queue(global, *all, *limit),
        Command::Mail(MailCommand::Receive) => mail::receive(global),
        Command::Mail(MailCommand::Held { limit }) => mail::held(global, *limit),
        Command::Agent(AgentCommand::Add {
            email,
            password_file,
        }) => agent::add(global, email, password_file.as_deref()),
        Command::Agent(AgentCommand::List) => agent::list(global),
        Command::Agent(AgentCommand::Remove { email }) => agent::remove(global, email),
    }
}
