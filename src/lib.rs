//! cartsaver-support: file, diagnose and follow up Cartsaver support tickets; and the desk that
//! receives them.

pub mod api;
pub(crate) mod cli;
pub(crate) mod client;
pub(crate) mod clock;
pub mod desk;
pub mod desk_cli;
pub mod domain;
pub mod exit;
pub mod mail;
pub mod server;
pub(crate) mod terminal;

/// The merchant CLI's door: its command line and the function that runs it (the rest of `cli`
/// is crate-private, so the compiler finds what nothing uses).
pub mod merchant {
    pub use crate::cli::args::Cli;
    pub use crate::cli::run;
}
