//! The `cartsaver-desk` command line as clap sees it: raw text, no validation beyond shape.
//! Values the domain knows (store URLs, tracking numbers, statuses) stay strings here so that
//! the domain's parsers explain what is wrong with them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  anything else: database unusable, ticket or token not found, cannot listen
  2  bad usage or invalid input (nothing was changed)

Environment:
  CARTSAVER_DESK_DB        the database file (like --db)
  CARTSAVER_DESK_CALENDAR  the support calendar file (like --calendar)
  CARTSAVER_NOW            RFC 3339 time that stands in for the clock (reproducible runs and tests)";

#[derive(Debug, Parser)]
#[command(
    name = "cartsaver-desk",
    version,
    about = "The Cartsaver support desk: serve the ticket API, issue store tokens, answer tickets",
    long_about = "The Cartsaver support desk: serve the ticket API, issue store tokens, answer tickets.\n\n\
        The desk keeps tickets in one SQLite file. By default it is the same file the merchant \
        CLI's embedded desk uses on this machine, so tickets filed locally can be answered here.",
    after_help = EXIT_CODES,
    propagate_version = true
)]
pub struct DeskCli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The desk database [default: desk.sqlite3 in the platform data dir]
    #[arg(
        long,
        global = true,
        env = "CARTSAVER_DESK_DB",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub db: Option<PathBuf>,

    /// The support calendar, a TOML file (business days, hours, zone, target per plan; see
    /// docs/calendar-example.toml) [default: Cartsaver's, Sun–Thu in Africa/Cairo]
    #[arg(
        long,
        global = true,
        env = "CARTSAVER_DESK_CALENDAR",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub calendar: Option<PathBuf>,

    /// Print JSON on stdout (one object per line for lists)
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the desk API over HTTP until Ctrl-C or SIGTERM
    #[command(after_help = EXIT_CODES)]
    Serve(ServeArgs),

    /// Issue and revoke store tokens
    #[command(subcommand)]
    Token(TokenCommand),

    /// Look at tickets
    #[command(subcommand)]
    Tickets(TicketsCommand),

    /// Answer a ticket as support (sets it `answered`)
    #[command(after_help = EXIT_CODES)]
    Reply(ReplyArgs),

    /// Set a ticket's status: open, answered or resolved
    #[command(after_help = EXIT_CODES)]
    SetStatus(SetStatusArgs),

    /// Print a shell completion script (the same as completions/ in the project)
    Completions {
        /// The shell to generate for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page, or write every page (one per command) into a folder
    Man {
        /// Write every page into this folder instead of printing the main one
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on, HOST:PORT; port 0 picks a free port. The first line on stdout is
    /// `listening on http://HOST:PORT`
    #[arg(long, value_name = "ADDR", default_value = DEFAULT_LISTEN)]
    pub listen: String,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Issue a token for a store; it is printed once, alone, and only its hash is kept
    #[command(after_help = EXIT_CODES)]
    Create {
        /// The store the token belongs to (any form `cartsaver-support --store` accepts)
        #[arg(long, value_name = "URL")]
        store: String,
    },
    /// Revoke a token: the desk refuses it from then on (401), for every request of its store
    #[command(
        long_about = "Revoke a token: the desk refuses it from then on (401 unauthorized), for \
            every request of its store. Give the token in full, as `token create` printed it \
            (only its hash is kept, so a prefix cannot be matched). Issue the store a new one \
            with `token create --store URL`.",
        after_help = EXIT_CODES
    )]
    Revoke {
        /// The token, in full (`cst_...`)
        #[arg(value_name = "TOKEN")]
        token: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TicketsCommand {
    /// Tickets, newest first: a table, or JSON Lines with --json
    #[command(after_help = EXIT_CODES)]
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only tickets with this status: open, answered, resolved
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,

    /// Only tickets of this store
    #[arg(long, value_name = "URL")]
    pub store: Option<String>,

    /// Only tickets of this order
    #[arg(long, value_name = "ORDER")]
    pub order: Option<String>,

    /// At most this many tickets [default: all]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ReplyArgs {
    /// The ticket's tracking number (CS-XXX-XXX-XXX)
    #[arg(value_name = "TN")]
    pub tracking: String,

    /// The reply's text
    #[arg(
        long,
        value_name = "TEXT",
        conflicts_with = "message_file",
        required_unless_present = "message_file"
    )]
    pub message: Option<String>,

    /// Read the reply from a file, or `-` for stdin
    #[arg(long, value_name = "FILE|-")]
    pub message_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SetStatusArgs {
    /// The ticket's tracking number (CS-XXX-XXX-XXX)
    #[arg(value_name = "TN")]
    pub tracking: String,

    /// open, answered or resolved
    #[arg(value_name = "STATUS")]
    pub status: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        DeskCli::command().debug_assert();
    }

    #[test]
    fn db_is_global_and_listen_has_a_default() {
        let cli =
            DeskCli::try_parse_from(["cartsaver-desk", "serve", "--db", "x.sqlite3"]).unwrap();
        assert_eq!(cli.global.db, Some(PathBuf::from("x.sqlite3")));
        let Command::Serve(serve) = cli.command else {
            panic!("serve expected")
        };
        assert_eq!(serve.listen, DEFAULT_LISTEN);
        let cli = DeskCli::try_parse_from([
            "cartsaver-desk",
            "tickets",
            "list",
            "--calendar",
            "hours.toml",
        ])
        .unwrap();
        assert_eq!(cli.global.calendar, Some(PathBuf::from("hours.toml")));
    }

    #[test]
    fn reply_needs_a_message() {
        assert!(DeskCli::try_parse_from(["cartsaver-desk", "reply", "CS-7KQ-2M4-X9C"]).is_err());
    }
}
