//! cartsaver-support: file, diagnose and follow up Cartsaver support tickets; and the desk that
//! receives them.

pub mod api;
pub mod cli;
pub mod client;
pub mod clock;
pub mod desk;
pub mod desk_cli;
pub mod domain;
pub mod exit;
pub mod server;
