//! The `cartsaver-desk` command line as clap sees it: raw text, no validation beyond shape.
//! Values the domain knows (store URLs, tracking numbers, statuses) stay strings here so that
//! the domain's parsers explain what is wrong with them.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::server::ops::LogFormat;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  anything else: database unusable, ticket or token not found, cannot listen
  2  bad usage or invalid input (nothing was changed)

Environment:
  CARTSAVER_DESK_DB        the database file or PostgreSQL URL (like --db)
  CARTSAVER_DESK_CALENDAR  the support calendar file (like --calendar)
  CARTSAVER_DESK_KEY_FILE  the desk key file (like --key-file)
  CARTSAVER_DESK_SMTP      the SMTP submission server of `serve` (like --smtp)
  CARTSAVER_NOW            RFC 3339 time that stands in for the clock (reproducible runs and tests)";

#[derive(Debug, Parser)]
#[command(
    name = "cartsaver-desk",
    version,
    about = "The Cartsaver support desk: serve the ticket API, issue store tokens, answer tickets",
    long_about = "The Cartsaver support desk: serve the ticket API, issue store tokens, answer tickets.\n\n\
        The desk keeps tickets in one SQLite file, or in PostgreSQL (--db postgres://…) for \
        several desk processes on one database. By default it is the same SQLite file the \
        merchant CLI's embedded desk uses on this machine, so tickets filed locally can be \
        answered here.",
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
    /// The desk database: a SQLite file, or a PostgreSQL URL
    /// (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than
    /// on the command line) [default: desk.sqlite3 in the platform data dir]
    #[arg(
        long,
        global = true,
        env = "CARTSAVER_DESK_DB",
        hide_env_values = true,
        value_name = "PATH|URL"
    )]
    pub db: Option<String>,

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

    /// The desk key, which keys the hashes of PINs and idempotency keys; keep it with the
    /// database's backups. PostgreSQL needs it given, the same file on every instance
    /// [default for SQLite: the database path with `.key` added]
    #[arg(
        long,
        global = true,
        env = "CARTSAVER_DESK_KEY_FILE",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub key_file: Option<PathBuf>,

    /// Print JSON on stdout (one object per line for lists)
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the desk API over HTTP until Ctrl-C or SIGTERM
    #[command(after_help = EXIT_CODES)]
    Serve(ServeArgs),

    /// Issue, list and revoke store tokens
    #[command(subcommand)]
    Token(TokenCommand),

    /// Look at tickets
    #[command(subcommand)]
    Tickets(TicketsCommand),

    /// Save a ticket's attachments, or list those an email brought that were refused
    #[command(subcommand)]
    Attachments(AttachmentsCommand),

    /// Bring the database's schema up to this release's (also done by `serve` unless
    /// --no-migrate); several instances starting at once take turns
    #[command(after_help = EXIT_CODES)]
    Migrate,

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

    /// Register and list the email addresses of a store (mail from them files and answers its
    /// tickets)
    #[command(subcommand)]
    Store(StoreCommand),

    /// The desk's email: the outgoing queue
    #[command(subcommand)]
    Mail(MailCommand),

    /// The support agents who sign in to the browser inbox at /inbox
    #[command(subcommand)]
    Agent(AgentCommand),

    /// Copy a whole desk to another database (SQLite or PostgreSQL, either way), verified
    #[command(
        long_about = "Copy a whole desk (stores, tokens, tickets, messages, attachments, \
            idempotency keys, the inbox's internal notes; not its agents or sessions) to another database, SQLite or PostgreSQL, either way. The target \
            is a new file or an empty database (its schema is created), or with --append a desk \
            to add to. The source is read in one snapshot and never changed; the target is \
            written in batches, with progress on stderr. Then both are read again and compared \
            table by table (rows and a checksum); the table goes to stdout, and a mismatch exits 1.\n\n\
            The copy needs the source's desk key (PINs and idempotency keys are hashed with it): \
            the target's key file is written with it when it does not exist, and refused when it \
            holds another key. Give a password in a URL through the environment where you can; \
            it is never printed.",
        after_help = EXIT_CODES
    )]
    Copy(CopyArgs),
}

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The desk to copy: a SQLite file or a PostgreSQL URL (only read)
    #[arg(long, value_name = "PATH|URL")]
    pub from: String,

    /// Where to copy it: a SQLite file or a PostgreSQL URL, new or empty unless --append
    #[arg(long, value_name = "PATH|URL")]
    pub to: String,

    /// Add the desk to a target that holds one already: stores of the same URL are merged, every
    /// other row gets a new id; a tracking number, token or idempotency key both desks have is
    /// refused before anything is written
    #[arg(long)]
    pub append: bool,

    /// The source's desk key [default: --key-file if given, else for a SQLite source its path
    /// with `.key` added; a PostgreSQL source needs one]
    #[arg(long, value_name = "FILE")]
    pub from_key_file: Option<PathBuf>,

    /// The target's desk key file: written with the source's key when it does not exist,
    /// refused when it holds another key [default: --key-file if given, else for a SQLite target
    /// its path with `.key` added; a PostgreSQL target needs one]
    #[arg(long, value_name = "FILE")]
    pub to_key_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Register an email address for a store: its mail may file tickets for the store and reply
    /// on them, beside each ticket's own contact email
    #[command(after_help = EXIT_CODES)]
    Add {
        /// The store (any form `cartsaver-support --store` accepts)
        #[arg(value_name = "URL")]
        store: String,

        /// The address to register
        #[arg(long, value_name = "ADDR")]
        email: String,
    },
    /// The registered addresses: store, address, since when
    #[command(after_help = EXIT_CODES)]
    List {
        /// Only the addresses of this store
        #[arg(long, value_name = "URL")]
        store: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Add an agent of the inbox (or give one a new password, which ends their sessions); the
    /// password is typed hidden, twice, or read from --password-file
    #[command(after_help = EXIT_CODES)]
    Add {
        /// The agent's email address, which they sign in with
        #[arg(value_name = "EMAIL")]
        email: String,

        /// Read the password from the first line of this file instead of asking (at least 12
        /// characters); the desk keeps only its argon2id hash
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
    },
    /// The agents: email, when added
    #[command(after_help = EXIT_CODES)]
    List,
    /// Remove an agent and end their sessions
    #[command(after_help = EXIT_CODES)]
    Remove {
        /// The agent's email address
        #[arg(value_name = "EMAIL")]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// The outgoing mail not sent yet (queued, or failed with the reason), newest first; a
    /// table, or JSON Lines with --json
    #[command(after_help = EXIT_CODES)]
    Queue {
        /// Also the mail already sent
        #[arg(long)]
        all: bool,

        /// At most this many
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: usize,
    },

    /// Take one RFC 5322 message on stdin, as an MTA's pipe transport delivers it: a reply on
    /// the ticket it names (from its contact or a store address), or held for the engineer
    #[command(after_help = RECEIVE_EXIT_CODES)]
    Receive,

    /// The mail held for the engineer (strangers, automatic mail, mail naming no ticket),
    /// newest first
    #[command(after_help = EXIT_CODES)]
    Held {
        /// At most this many
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: usize,
    },
}

const RECEIVE_EXIT_CODES: &str = "\
Exit codes (sysexits, as MTAs read them):
  0   taken: threaded on a ticket, held, or already taken (the same Message-ID)
  65  EX_DATAERR: the message can never be taken (the reason on one line on stderr)
  75  EX_TEMPFAIL: the database cannot be reached now; the MTA retries later";

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on, HOST:PORT; port 0 picks a free port. The first line on stdout is
    /// `listening on http://HOST:PORT`
    #[arg(long, value_name = "ADDR", default_value = DEFAULT_LISTEN)]
    pub listen: String,

    /// Longest wait for a request's head (request line and headers), from the connection's
    /// opening or the next request's first byte
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = duration)]
    pub header_timeout: Duration,

    /// Close a kept-alive connection after this long with no request and no traffic
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = duration)]
    pub idle_timeout: Duration,

    /// Cut off a request body (408) when no byte of it arrives for this long
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = duration)]
    pub body_timeout: Duration,

    /// Cut off a request body (408) that arrives slower than this many KiB/s on average, after
    /// its first 10 seconds
    #[arg(long, value_name = "KIB", default_value_t = 32)]
    pub body_min_rate: u64,

    /// After SIGTERM or Ctrl-C, how long requests in flight may take before their connections
    /// are dropped and the desk exits
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = duration)]
    pub shutdown_timeout: Duration,

    /// How the one log line per request (and the desk's other messages) are written on stderr
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Also serve Prometheus metrics at http://ADDR/metrics (port 0 picks a free port; the
    /// second stdout line is then `metrics on http://HOST:PORT/metrics`)
    #[arg(long, value_name = "ADDR")]
    pub metrics_listen: Option<String>,

    /// Connections open at once; more wait in the kernel's backlog
    #[arg(long, value_name = "N", default_value_t = 4096, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,

    /// PostgreSQL connections this process keeps (each instance has its own pool; keep the sum
    /// of all instances under the server's max_connections)
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub pool_size: u32,

    /// Do not migrate the schema at start: refuse a database behind this release instead (run
    /// `cartsaver-desk migrate` first, once, when upgrading several instances)
    #[arg(long)]
    pub no_migrate: bool,

    /// Send the queued mail through this SMTP submission server: smtp://[USER@]HOST[:PORT]
    /// (STARTTLS, port 587; plain only to a loopback host) or smtps://[USER@]HOST[:PORT]
    /// (TLS, port 465). Without it the desk queues mail and sends none
    #[arg(
        long,
        value_name = "URL",
        env = "CARTSAVER_DESK_SMTP",
        hide_env_values = true,
        requires = "mail_from"
    )]
    pub smtp: Option<String>,

    /// The SMTP user's password, read from this file (first line), if not in the --smtp URL
    #[arg(long, value_name = "FILE")]
    pub smtp_password_file: Option<PathBuf>,

    /// The address the desk's mail is from, e.g. "Cartsaver support <support@example.com>"
    #[arg(long, value_name = "ADDR")]
    pub mail_from: Option<String>,

    /// The address replies should go to (the one the desk receives on) [default: --mail-from]
    #[arg(long, value_name = "ADDR")]
    pub mail_reply_to: Option<String>,

    /// Also take incoming mail over SMTP on HOST:PORT (port 0 picks a free port; the desk then
    /// prints `smtp on HOST:PORT` after its other stdout lines), as `mail receive` takes it
    #[arg(long, value_name = "ADDR")]
    pub smtp_listen: Option<String>,

    /// Trust this certificate authority (PEM) for the --smtp server's certificate, beside the
    /// usual ones (a private mail server's own CA)
    #[arg(long, value_name = "FILE")]
    pub smtp_ca_file: Option<PathBuf>,

    /// Mark the inbox's cookies `Secure` even though the desk listens on loopback: for a desk
    /// behind a TLS proxy on the same machine (on any other address they always are)
    #[arg(long)]
    pub cookie_secure: bool,
}

/// A duration as people write it: `10s`, `500ms`, `2m`, `1h 30m`.
fn duration(text: &str) -> Result<Duration, String> {
    let parsed = humantime::parse_duration(text.trim()).map_err(|error| {
        format!("`{text}` is not a duration ({error}); write e.g. 10s, 500ms or 2m")
    })?;
    if parsed.is_zero() {
        return Err(format!(
            "`{text}` is zero; give a positive duration, e.g. 10s"
        ));
    }
    Ok(parsed)
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and
    /// only its hash is kept
    #[command(after_help = EXIT_CODES)]
    Create {
        /// The store the token belongs to (any form `cartsaver-support --store` accepts)
        #[arg(long, value_name = "URL")]
        store: String,
    },
    /// The tokens: id, store, created, last used, revoked, name (the machine a `login` issued it to; never the token itself)
    #[command(after_help = EXIT_CODES)]
    List {
        /// Only the tokens of this store
        #[arg(long, value_name = "URL")]
        store: Option<String>,
    },
    /// Revoke a token, by its id or in full: the desk refuses it from then on (401)
    #[command(
        long_about = "Revoke a token: the desk refuses it from then on (401 unauthorized), for \
            every request of its store. Give its id (from `token list`, or what `token create` \
            printed on stderr), or the token in full as `token create` printed it (only its hash \
            is kept, so a prefix cannot be matched). Issue the store a new one with \
            `token create --store URL`.",
        after_help = EXIT_CODES
    )]
    Revoke {
        /// The token's id (from `token list`), or the token in full (`cst_...`)
        #[arg(value_name = "ID|TOKEN")]
        token: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AttachmentsCommand {
    /// Write a ticket's attachments to files (names made safe; existing files are not replaced)
    #[command(after_help = EXIT_CODES)]
    Save {
        /// The ticket's tracking number (CS-XXX-XXX-XXX)
        #[arg(value_name = "TN")]
        tracking: String,

        /// The folder to write them in (created if missing) [default: the current folder]
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },

    /// List the attachments an email brought that the screenshot checks refused, with why
    /// (kept for the engineer, never shown to the merchant as accepted)
    #[command(after_help = EXIT_CODES)]
    Refused {
        /// The ticket's tracking number (CS-XXX-XXX-XXX)
        #[arg(value_name = "TN")]
        tracking: String,

        /// JSON Lines: one object per refused attachment
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TicketsCommand {
    /// Tickets by first-response due time, soonest first: a table, or JSON Lines with --json
    #[command(after_help = EXIT_CODES)]
    List(ListArgs),

    /// One ticket whole: every field with its diagnosis, the thread, the attachments
    #[command(after_help = EXIT_CODES)]
    Show {
        /// The ticket's tracking number (CS-XXX-XXX-XXX)
        #[arg(value_name = "TN")]
        tracking: String,
    },

    /// Check a support PIN a merchant tells you against the one given with the ticket (exit 0
    /// when it matches, 1 when not); the desk keeps only a keyed hash of it
    #[command(after_help = EXIT_CODES)]
    CheckPin {
        /// The ticket's tracking number (CS-XXX-XXX-XXX)
        #[arg(value_name = "TN")]
        tracking: String,

        /// The PIN as the merchant says it
        #[arg(value_name = "PIN")]
        pin: String,
    },
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

    /// Only tickets past their first-response due time, unanswered
    #[arg(long)]
    pub overdue: bool,

    /// Only URGENT tickets
    #[arg(long)]
    pub urgent: bool,

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
        assert_eq!(cli.global.db.as_deref(), Some("x.sqlite3"));
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
    fn serve_timeouts_read_as_durations_and_refuse_zero() {
        let cli = DeskCli::try_parse_from([
            "cartsaver-desk",
            "serve",
            "--header-timeout",
            "500ms",
            "--idle-timeout",
            "2m",
        ])
        .unwrap();
        let Command::Serve(serve) = cli.command else {
            panic!("serve expected")
        };
        assert_eq!(serve.header_timeout, Duration::from_millis(500));
        assert_eq!(serve.idle_timeout, Duration::from_secs(120));
        assert_eq!(serve.shutdown_timeout, Duration::from_secs(10));
        let error = DeskCli::try_parse_from(["cartsaver-desk", "serve", "--body-timeout", "0s"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("is zero"), "{error}");
        let error = DeskCli::try_parse_from(["cartsaver-desk", "serve", "--idle-timeout", "soon"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("e.g. 10s"), "{error}");
    }

    #[test]
    fn copy_needs_both_sides_and_takes_key_files() {
        assert!(
            DeskCli::try_parse_from(["cartsaver-desk", "copy", "--from", "a.sqlite3"]).is_err()
        );
        let cli = DeskCli::try_parse_from([
            "cartsaver-desk",
            "copy",
            "--from",
            "a.sqlite3",
            "--to",
            "postgres://desk@db/desk",
            "--to-key-file",
            "desk.key",
            "--append",
        ])
        .unwrap();
        let Command::Copy(copy) = cli.command else {
            panic!("copy expected")
        };
        assert!(copy.append);
        assert_eq!(copy.to_key_file, Some(PathBuf::from("desk.key")));
        assert_eq!(copy.from_key_file, None);
    }

    #[test]
    fn reply_needs_a_message() {
        assert!(DeskCli::try_parse_from(["cartsaver-desk", "reply", "CS-7KQ-2M4-X9C"]).is_err());
    }
}
