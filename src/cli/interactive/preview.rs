//! The preview before anything is sent: the subject line, every field as it will be filed
//! (normalized, the PIN masked), the expected first response in Cairo and local time, where the
//! ticket goes, and the choice: file it, change a field (asked again, then back here), or cancel.
//! Cancelling sends nothing.

use crate::cli::error::CliError;
use crate::cli::show::ticket_preview;
use crate::domain::Field;
use crate::domain::calendar::Calendar;
use crate::domain::screenshot::Screenshot;
use crate::domain::ticket::{Context, Ticket};

use super::checklist::CHANGEABLE;
use super::prompt::Prompter;

/// What the merchant decided at the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    File,
    Change(Field),
    Cancel,
}

/// Show the ticket and where it goes (`destination`: "will be filed on the local desk at …");
/// ask what to do.
pub fn decide(
    p: &Prompter,
    ticket: &Ticket,
    screenshots: &[Screenshot],
    context: &Context,
    calendar: &Calendar,
    destination: &str,
) -> Result<Decision, CliError> {
    let due = calendar.first_response_due(ticket.plan, context.now);
    let names: Vec<String> = screenshots.iter().map(|shot| shot.name.clone()).collect();
    let out = p.printer();
    out.say("");
    for line in ticket_preview(ticket, &names, due, calendar, context.local) {
        out.say(line);
    }
    out.say(destination);
    if p.confirm("File this ticket?", true)? {
        return Ok(Decision::File);
    }
    let choices = [
        "Change a field, then see the ticket again".to_string(),
        "Cancel: send nothing".to_string(),
    ];
    match p.select("Not filed yet. What now?", &choices, 0)? {
        0 => {
            let labels: Vec<String> = CHANGEABLE
                .iter()
                .map(|field| field.name().to_string())
                .collect();
            let index = p.select("Which field?", &labels, 0)?;
            Ok(Decision::Change(CHANGEABLE[index]))
        }
        _ => Ok(Decision::Cancel),
    }
}
