//! The command line as clap sees it: raw text, no validation beyond shape. Field values stay
//! strings here so that the domain parsers, not clap, explain what is wrong with them.

use std::path::PathBuf;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

/// A value clap takes as any text (the domain parser explains what is wrong with it, and reads
/// `WhatsApp` or `wa` too) while offering these values to shell completion.
#[derive(Debug, Clone, Copy)]
pub struct Suggest(pub &'static [&'static str]);

pub const PLANS: Suggest = Suggest(&["free", "advanced", "unlimited", "scale"]);
pub const CHANNELS: Suggest = Suggest(&["whatsapp", "sms"]);
pub const STATUSES: Suggest = Suggest(&["open", "answered", "resolved"]);
pub const CONFIG_KEYS: Suggest = Suggest(&["store", "email", "plan", "region", "desk", "token"]);

impl TypedValueParser for Suggest {
    type Value = String;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            self.0.iter().map(|value| PossibleValue::new(*value)),
        ))
    }
}

const EXIT_CODES: &str = "\
Exit codes:
  0    success
  1    anything else: desk unreachable, request refused, not found, auth (no token, a refused
       one, another store's), not filed (declined at the preview)
  2    bad usage or invalid input (nothing was sent)
  130  interrupted by Ctrl-C or Esc (nothing was sent)

Environment:
  CARTSAVER_DESK    desk to talk to (like --desk)
  CARTSAVER_TOKEN   store token for a remote desk (never echoed; or `token` in the config)
  CARTSAVER_NOW     RFC 3339 time that stands in for the clock (reproducible runs and tests)
  TZ                zone a time without one is also read in, to show both readings
  NO_COLOR          disables colour (like --color never; --color always wins over it)";

/// The top-level help: where tickets go, then the exit codes and the environment.
const TOP_AFTER_HELP: &str = "\
Where tickets go:
  By default on the local desk, a file on this machine (~/.local/share/cartsaver/desk.sqlite3):
  for trying the tool, or for a desk you run yourself. To reach Cartsaver's support, give the
  desk URL and the store token Cartsaver support gave you:
    cartsaver-support config set desk https://DESK-URL-FROM-SUPPORT
    cartsaver-support config set token -        # paste it; read hidden, not in shell history
  (or --desk / CARTSAVER_DESK and CARTSAVER_TOKEN). `cartsaver-support doctor` checks it all.

Exit codes:
  0    success
  1    anything else: desk unreachable, request refused, not found, auth (no token, a refused
       one, another store's), not filed (declined at the preview)
  2    bad usage or invalid input (nothing was sent)
  130  interrupted by Ctrl-C or Esc (nothing was sent)

Environment:
  CARTSAVER_DESK    desk to talk to (like --desk)
  CARTSAVER_TOKEN   store token for a remote desk (never echoed; or `token` in the config)
  CARTSAVER_NOW     RFC 3339 time that stands in for the clock (reproducible runs and tests)
  TZ                zone a time without one is also read in, to show both readings
  NO_COLOR          disables colour (like --color never; --color always wins over it)";

const NEW_AFTER_HELP: &str = "\
Examples:
  cartsaver-support new                                  # at a terminal: asks for each field
  TN=$(cartsaver-support new --store cool-shop.myshopify.com --order 1052 \\
        --phone '+20 100 123 4567' --channel whatsapp --at now --tried 'resent the OTP' \\
        --email owner@cool-shop.com --plan advanced)
  cartsaver-support status \"$TN\"
  cartsaver-support new --dry-run --json ...   # the ticket and its warnings; nothing is sent

Exit codes:
  0    filed (the tracking number alone on stdout)
  1    not filed: desk unreachable or refusing, a duplicate, declined at the preview
  2    a field missing or invalid: every one is listed (nothing was sent)
  130  interrupted by Ctrl-C or Esc (nothing was sent)

Environment:
  CARTSAVER_DESK    desk to talk to (like --desk)
  CARTSAVER_TOKEN   store token for a remote desk (never echoed; or `token` in the config)
  CARTSAVER_NOW     RFC 3339 time that stands in for the clock (reproducible runs and tests)
  TZ                zone a time without one is also read in, to show both readings";

const CHECK_AFTER_HELP: &str = "\
Examples:
  cartsaver-support check --phone '+20 2 2345 6789'      # country, type, and why OTPs fail
  cartsaver-support check --at '2026-11-20 14:03'        # both readings of a time without a zone
  cartsaver-support check --plan advanced --json         # first_response_due for a ticket filed now
  cartsaver-support check --tracking CS-7KQ-2M4-X9C
  cartsaver-support check --file orders.csv --strict     # a bulk file; warnings refused too

Exit codes:
  0  every field (or row) is valid
  2  a field or row is invalid: the error line on stderr names them (nothing was sent)

Environment:
  CARTSAVER_NOW  RFC 3339 time that stands in for the clock (reproducible runs and tests)
  TZ             zone a time without one is also read in, to show both readings";

const STATUS_AFTER_HELP: &str = "\
Examples:
  cartsaver-support status CS-7KQ-2M4-X9C
  cartsaver-support status cs7kq2m4x9c CS-2NF-1QY-7F9 --json   # one JSON object a line

Exit codes:
  0  every ticket shown
  1  a ticket not found (a ticket of another store is not found either), desk unreachable
  2  a tracking number that cannot be one (a typo): nothing was looked up";

const REPLY_AFTER_HELP: &str = "\
Examples:
  cartsaver-support reply CS-7KQ-2M4-X9C --message 'The customer got the OTP by SMS.'
  cartsaver-support reply CS-7KQ-2M4-X9C --message-file notes.txt --screenshot shot.png
  git log -1 --format=%B | cartsaver-support reply CS-7KQ-2M4-X9C --message-file -
  cartsaver-support reply CS-7KQ-2M4-X9C                 # at a terminal: asks for the message

Exit codes:
  0  added (a resolved ticket is reopened)
  1  not found, desk unreachable
  2  no message, a bad screenshot, a mistyped tracking number (nothing was sent)";

/// `--version` (not `-V`) also names the libphonenumber release of the phone metadata.
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\nphone metadata: libphonenumber ",
    env!("CARTSAVER_LIBPHONENUMBER")
);

#[derive(Debug, Parser)]
#[command(
    name = "cartsaver-support",
    version,
    long_version = LONG_VERSION,
    about = "File, diagnose and follow up Cartsaver support tickets",
    long_about = "File, diagnose and follow up Cartsaver support tickets.\n\n\
        Cartsaver verifies cash-on-delivery orders with OTPs over WhatsApp and SMS. When something \
        goes wrong, this tool checks the support checklist (store, order, customer phone, channel, \
        time, screenshots, steps tried) and files it.",
    after_help = TOP_AFTER_HELP,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of
    /// Cartsaver's desk [env: CARTSAVER_DESK] [default: local]
    #[arg(long, global = true, value_name = "DESK")]
    pub desk: Option<String>,

    /// Config file to use instead of the default one (see `config path`)
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print one JSON object on stdout (JSON Lines for lists)
    #[arg(long, global = true)]
    pub json: bool,

    /// Never prompt; a missing field is an error
    #[arg(long, global = true)]
    pub no_input: bool,

    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print only the result: no notes or summaries on stderr
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]
    #[arg(long, global = true, value_name = "DURATION")]
    pub http_timeout: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// File a ticket and print its tracking number; at a terminal, asks for what the flags leave out
    #[command(after_help = NEW_AFTER_HELP)]
    New(NewArgs),

    /// Validate and diagnose checklist fields; sends nothing
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),

    /// Show tickets: status, subject, times, due time and the message thread
    #[command(after_help = STATUS_AFTER_HELP)]
    Status(StatusArgs),

    /// Add a follow-up message to a ticket
    #[command(after_help = REPLY_AFTER_HELP)]
    Reply(ReplyArgs),

    /// Mark a ticket resolved
    #[command(after_help = EXIT_CODES)]
    Resolve(ResolveArgs),

    /// File many tickets from a CSV or JSON Lines file: all rows validated first, re-runnable
    #[command(after_help = BULK_AFTER_HELP)]
    Bulk(BulkArgs),

    /// List tickets, newest first
    #[command(after_help = EXIT_CODES)]
    List(ListArgs),

    /// Counts by status, median first response, overdue tickets, recent activity
    #[command(after_help = EXIT_CODES)]
    Dashboard,

    /// Check this machine's setup: config, desk reachability, token, TLS, clock skew
    Doctor,

    /// Show or change the config file: store, email, plan, region, desk, token
    Config(ConfigArgs),

    /// Log in to a remote desk with a code mailed to an address registered for the store
    #[command(after_help = LOGIN_AFTER_HELP)]
    Login(LoginArgs),

    /// Revoke this machine's store token on the desk and remove it from the config file
    #[command(after_help = EXIT_CODES)]
    Logout,

    /// Wait until support answers on any of the tickets, then show it as `status` does
    #[command(after_help = WATCH_AFTER_HELP)]
    Watch(WatchArgs),

    /// Tickets `new` could not deliver to the desk: list them, send them, drop one
    #[command(after_help = OUTBOX_AFTER_HELP)]
    Outbox(OutboxArgs),

    /// Print a shell completion script
    #[command(after_help = COMPLETIONS_AFTER_HELP)]
    Completions(CompletionsArgs),

    /// Print the man page, or write every page (one per command) into a folder
    #[command(after_help = MAN_AFTER_HELP)]
    Man(ManArgs),
}

const COMPLETIONS_AFTER_HELP: &str = "\
Examples:
  source <(cartsaver-support completions bash)          # this bash session
  cartsaver-support completions bash > ~/.local/share/bash-completion/completions/cartsaver-support
  cartsaver-support completions zsh > ~/.zfunc/_cartsaver-support   # with fpath+=(~/.zfunc)
  cartsaver-support completions fish > ~/.config/fish/completions/cartsaver-support.fish
The same scripts are committed in completions/.";

const MAN_AFTER_HELP: &str = "\
Examples:
  cartsaver-support man | man -l -
  cartsaver-support man --dir ~/.local/share/man/man1     # then `man cartsaver-support-new`
The same pages are committed in man/.";

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write every page into this folder instead of printing the main one
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Ask for each value (the token hidden) and write the file
    Init,
    /// Print the values; the token redacted
    Show,
    /// Print one value alone (the token redacted); exit 1 when it is not set
    Get {
        /// The key
        #[arg(value_parser = CONFIG_KEYS)]
        key: String,
    },
    /// Set one value, checked like the flag of the same name
    #[command(after_help = "Keys: store, email, plan, region, desk, token.\n\
        A VALUE of `-` is read from stdin (keeps a token out of the shell history).")]
    Set {
        /// The key
        #[arg(value_parser = CONFIG_KEYS)]
        key: String,
        /// The value (`-` to read it from stdin)
        value: String,
    },
    /// Remove one value from the file
    Unset {
        /// The key
        #[arg(value_parser = CONFIG_KEYS)]
        key: String,
    },
    /// Print the config file's path
    Path,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(flatten)]
    pub ticket: TicketArgs,

    /// Show the ticket that would be sent, and send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// File even if the store and order already have an open ticket
    #[arg(long)]
    pub force_new: bool,

    /// When the desk cannot be reached, fail instead of keeping the ticket in the outbox
    #[arg(long)]
    pub no_outbox: bool,
}

const LOGIN_AFTER_HELP: &str = "\
Examples:
  cartsaver-support login --desk https://DESK-URL-FROM-SUPPORT --store cool-shop.myshopify.com \\
      --email owner@cool-shop.com        # mails a code, then asks for it at a terminal
  cartsaver-support login --code 12345678   # without a terminal: the second run, with the code

The address must be registered for the store on the desk (support runs `cartsaver-desk store add
URL --email ADDR`). A code works once, for 10 minutes, 5 tries. The new token goes into the config
file (mode 0600), with the desk, store and email when the file has none; it is never printed.

Exit codes:
  0  logged in (or, without a terminal and --code, the code was asked for)
  1  the desk refused the code, or could not be reached
  2  bad usage: no remote desk, a missing or invalid store, email or code";

const WATCH_AFTER_HELP: &str = "\
Examples:
  cartsaver-support watch CS-7KQ-2M4-X9C                 # until support answers
  cartsaver-support watch CS-7KQ-2M4-X9C CS-2NF-1QY-7F9 --timeout 2h --json

A support message or a status change ends the wait. A remote desk holds each request until the
ticket changes (a long poll); a desk without one is asked every 5 s to 60 s (backoff, jitter,
Retry-After honoured). On the local desk, the local database is watched.

Exit codes:
  0    support answered on one of the tickets (shown on stdout)
  1    --timeout passed first, a ticket not found, the desk refused
  2    a mistyped tracking number or timeout (nothing was watched)
  130  Ctrl-C";

const OUTBOX_AFTER_HELP: &str = "\
When `new` cannot reach a remote desk (no connection, 5xx or 429 after the retries, the deadline
passed), it keeps the ticket here, with its screenshots and idempotency key, and exits 1. `send`
files them; a ticket the desk had in fact received the first time comes back as that ticket (a
replay), never a second one. The files are in the data dir (`outbox/`, readable by you only).

Examples:
  cartsaver-support outbox list
  cartsaver-support outbox send              # every waiting ticket; a tracking number a line
  cartsaver-support outbox drop 7f3a9c21

Exit codes:
  0  done (every ticket sent)
  1  a ticket could not be sent (it stays, with its error)
  2  an id the outbox does not hold";

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The store to log in for [default: `store` in the config; asked at a terminal]
    #[arg(long, value_name = "URL")]
    pub store: Option<String>,

    /// The address registered for the store, where the code goes [default: `email` in the config; asked at a terminal]
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,

    /// The 8-digit code from the mail (the second run, without a terminal)
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,

    /// The token's name on the desk [default: this machine's hostname]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Tracking numbers: CS-XXX-XXX-XXX
    #[arg(required = true, value_name = "TN")]
    pub tracking: Vec<String>,

    /// Give up after this long (exit 1), e.g. 30s, 10m, 2h [default: wait as long as it takes]
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,
}

#[derive(Debug, Args)]
pub struct OutboxArgs {
    #[command(subcommand)]
    pub action: OutboxAction,
}

#[derive(Debug, Subcommand)]
pub enum OutboxAction {
    /// The waiting tickets: id, when kept, subject, last error
    List,
    /// File the waiting tickets (or those given), printing each tracking number
    Send {
        /// Only these ids (from `outbox list`)
        #[arg(value_name = "ID")]
        ids: Vec<String>,
    },
    /// Remove a ticket from the outbox without sending it
    Drop {
        /// Its id (from `outbox list`)
        #[arg(value_name = "ID")]
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Tracking numbers: CS-XXX-XXX-XXX
    #[arg(required = true, value_name = "TN")]
    pub tracking: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ReplyArgs {
    /// Tracking number: CS-XXX-XXX-XXX
    #[arg(value_name = "TN")]
    pub tracking: String,

    /// The message
    #[arg(long, short, value_name = "TEXT")]
    pub message: Option<String>,

    /// Read the message from a file (`-` for stdin)
    #[arg(long, value_name = "FILE", conflicts_with = "message")]
    pub message_file: Option<PathBuf>,

    /// A screenshot to attach (repeatable, at most 5)
    #[arg(long, value_name = "FILE")]
    pub screenshot: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// Tracking number: CS-XXX-XXX-XXX
    #[arg(value_name = "TN")]
    pub tracking: String,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only tickets with this status
    #[arg(long, value_name = "STATUS", value_parser = STATUSES)]
    pub status: Option<String>,

    /// Only tickets of this order: 1052, #1052
    #[arg(long, value_name = "ORDER")]
    pub order: Option<String>,

    /// At most this many tickets
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,

    /// Every ticket, however many
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
}

/// The §2 checklist fields as flags, shared by every command that takes a ticket.
#[derive(Debug, Clone, Default, Args)]
pub struct TicketArgs {
    /// Shopify store: my-shop.myshopify.com, any URL on it, or its admin URL
    #[arg(long, value_name = "URL", help_heading = "Checklist")]
    pub store: Option<String>,

    /// Order number as shown in the Shopify admin: 1052, #1052, #EG1052
    #[arg(long, value_name = "ORDER", help_heading = "Checklist")]
    pub order: Option<String>,

    /// Customer phone, international: +201001234567 (or national, with --region)
    #[arg(
        long,
        value_name = "NUMBER",
        allow_hyphen_values = true,
        help_heading = "Checklist"
    )]
    pub phone: Option<String>,

    /// Country of a phone number written without +country code: EG, SA, IN
    #[arg(long, value_name = "CC", help_heading = "Checklist")]
    pub region: Option<String>,

    /// OTP channel (WhatsApp, wa and SMS are read too)
    #[arg(long, value_name = "CHANNEL", value_parser = CHANNELS, help_heading = "Checklist")]
    pub channel: Option<String>,

    /// When it happened, UTC ISO 8601: 2026-11-20T14:03:00Z, an offset, or `now`
    #[arg(long, value_name = "TIME", help_heading = "Checklist")]
    pub at: Option<String>,

    /// Screenshot of the error: PNG, JPEG, GIF, WebP or PDF, ≤ 10 MiB (repeatable, at most 5)
    #[arg(long, value_name = "FILE", help_heading = "Checklist")]
    pub screenshot: Vec<PathBuf>,

    /// A step already tried (repeatable); `none` if nothing was tried
    #[arg(long, value_name = "TEXT", help_heading = "Checklist")]
    pub tried: Vec<String>,

    /// Read the steps tried from a file, one per line (`-` for stdin)
    #[arg(long, value_name = "FILE", help_heading = "Checklist")]
    pub tried_file: Option<PathBuf>,

    /// One-line summary, 3–120 characters [default: OTP not arriving via <channel>]
    #[arg(long, value_name = "TEXT", help_heading = "Checklist")]
    pub summary: Option<String>,

    /// Free text: expected vs actual, error messages
    #[arg(long, value_name = "TEXT", help_heading = "Checklist")]
    pub details: Option<String>,

    /// Read the details from a file (`-` for stdin)
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "details",
        help_heading = "Checklist"
    )]
    pub details_file: Option<PathBuf>,

    /// Contact email for replies
    #[arg(long, value_name = "ADDRESS", help_heading = "Checklist")]
    pub email: Option<String>,

    /// Cartsaver plan
    #[arg(long, value_name = "PLAN", value_parser = PLANS, help_heading = "Checklist")]
    pub plan: Option<String>,

    /// Mark URGENT (Scale plan, or with --outage)
    #[arg(long, help_heading = "Checklist")]
    pub urgent: bool,

    /// An outage prevents orders entirely
    #[arg(long, help_heading = "Checklist")]
    pub outage: bool,

    /// Support PIN, 4–12 letters or digits (never printed in full)
    #[arg(long, value_name = "PIN", help_heading = "Checklist")]
    pub pin: Option<String>,

    /// Allow support to open the store account
    #[arg(long, help_heading = "Checklist")]
    pub allow_access: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub ticket: TicketArgs,

    /// A tracking number to check: CS-XXX-XXX-XXX
    #[arg(long, value_name = "TN", conflicts_with = "file")]
    pub tracking: Option<String>,

    /// Validate a bulk file (CSV or JSON Lines, `-` for stdin) as `bulk` would; sends nothing.
    /// --store, --plan, --email and --region fill its empty cells
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Format of --file [default: by extension, else by content]
    #[arg(long, value_enum, value_name = "FORMAT", requires = "file")]
    pub format: Option<BulkFormat>,

    /// With --file: a row with a warning (a landline, an old time, an email typo) is invalid
    #[arg(long, requires = "file")]
    pub strict: bool,
}

const BULK_AFTER_HELP: &str = "\
Examples:
  cartsaver-support check --file orders.csv               # validate only
  cartsaver-support bulk orders.csv --results results.csv
  some-script | cartsaver-support bulk - --store cool-shop.myshopify.com --plan advanced --json

Columns (CSV header) or keys (JSON Lines) are the checklist field names, in any case:
  store order phone region channel at screenshot tried summary details email plan
  urgent outage pin allow_access
In CSV, several `tried` steps (or screenshots) in one cell are separated by `|`; in JSON Lines
they are arrays. Screenshot paths are relative to the file. urgent, outage and allow_access take
true/false, yes/no or 1/0. `at` must be a real time, not `now`, so that a re-run files nothing twice.

Every row is validated before anything is sent. Results (line, tracking_number, outcome, error)
go to stdout or --results: CSV, or JSON Lines with --json. outcome is created, replayed (filed by
an earlier run of the same row) or failed. Running the same file again never files a row twice.

Exit codes:
  0  every row was created or replayed
  1  some rows failed (their count is on stderr), or the desk could not be reached
  2  invalid input: nothing was sent; every bad row is listed as `line N, FIELD: message`
  130  interrupted";

/// `bulk FILE|-`: the input, its defaults, and how to send and report.
#[derive(Debug, Args)]
pub struct BulkArgs {
    /// CSV or JSON Lines file; `-` reads stdin
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Input format [default: by extension (.csv, .jsonl, .ndjson), else by content]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<BulkFormat>,

    /// Store for rows whose `store` cell is empty
    #[arg(long, value_name = "URL", help_heading = "Defaults for empty cells")]
    pub store: Option<String>,

    /// Plan for rows whose `plan` cell is empty
    #[arg(
        long,
        value_name = "PLAN",
        value_parser = PLANS,
        help_heading = "Defaults for empty cells"
    )]
    pub plan: Option<String>,

    /// Contact email for rows whose `email` cell is empty
    #[arg(
        long,
        value_name = "ADDRESS",
        help_heading = "Defaults for empty cells"
    )]
    pub email: Option<String>,

    /// Country for phone numbers written without a country code, when `region` is empty
    #[arg(long, value_name = "CC", help_heading = "Defaults for empty cells")]
    pub region: Option<String>,

    /// Send the valid rows and write the invalid ones to a rejects file
    #[arg(long)]
    pub skip_invalid: bool,

    /// Where --skip-invalid writes invalid rows, in the input's format [default: next to the
    /// input, `NAME.rejects.csv` or `NAME.rejects.jsonl`]
    #[arg(long, value_name = "FILE", requires = "skip_invalid")]
    pub rejects: Option<PathBuf>,

    /// Write the results here instead of stdout
    #[arg(long, value_name = "FILE")]
    pub results: Option<PathBuf>,

    /// Requests in flight at once (1–64)
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,

    /// File rows even when their store and order already have an open ticket
    #[arg(long)]
    pub force_new: bool,

    /// Let `screenshot` paths leave the bulk file's folder (absolute paths, `..`); only for a
    /// file you wrote yourself
    #[arg(long)]
    pub allow_outside_paths: bool,

    /// A row with a warning (a landline, an old time, an email typo) is invalid, not sent
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BulkFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate for
    #[arg(value_enum)]
    pub shell: Shell,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
