//! The preview before anything is sent: the subject line, every field as it will be filed
//! (normalized, the PIN masked), the expected first response in Cairo and local time, and a
//! confirm. Declining sends nothing.

use crate::cli::error::CliError;
use crate::cli::show::write_ticket;
use crate::domain::calendar::Calendar;
use crate::domain::screenshot::Screenshot;
use crate::domain::ticket::{Context, Ticket};

use super::prompt::Prompter;

/// Show the ticket; true when the merchant says to file it.
pub fn confirm(
    p: &Prompter,
    ticket: &Ticket,
    screenshots: &[Screenshot],
    context: &Context,
) -> Result<bool, CliError> {
    let due = Calendar::cartsaver().first_response_due(ticket.plan, context.now);
    let names: Vec<String> = screenshots.iter().map(|shot| shot.name.clone()).collect();
    let mut err = anstream::stderr().lock();
    let _ = std::io::Write::write_all(&mut err, b"\n");
    write_ticket(&mut err, ticket, &names, due, context.local);
    drop(err);
    p.confirm("File this ticket?", true)
}
