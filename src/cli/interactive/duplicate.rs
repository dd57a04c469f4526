//! "Don't create duplicate tickets", at a terminal: when the desk says the store and order
//! already have an open ticket, offer to add what the merchant wrote to it as a follow-up (the
//! `reply` path) instead of filing a second one.

use std::io::Write;

use serde_json::json;

use crate::api::TicketView;
use crate::cli::args::GlobalArgs;
use crate::cli::error::CliError;
use crate::cli::show::filed_json;
use crate::client::Desk;
use crate::domain::ticket::Ticket;
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;

use super::prompt::Prompter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    FollowUp,
    FileAnyway,
    Cancel,
}

/// The open ticket a `duplicate` refusal names.
pub fn choose(p: &Prompter, existing: TrackingNumber, ticket: &Ticket) -> Result<Choice, CliError> {
    anstream::eprintln!(
        "Order {} of {} already has an open ticket, {existing}.",
        ticket.order,
        ticket.store
    );
    let choices = [
        (
            Choice::FollowUp,
            format!("Add this as a follow-up on {existing} (recommended)"),
        ),
        (Choice::FileAnyway, "File a separate ticket anyway".into()),
        (Choice::Cancel, "Cancel: send nothing".into()),
    ];
    let labels: Vec<String> = choices.iter().map(|(_, label)| label.clone()).collect();
    let index = p.select("What should happen?", &labels, 0)?;
    Ok(choices[index].0)
}

/// What the merchant wrote, as a message on the existing ticket: the fields support does not
/// already have from it are the ones that may have changed.
pub fn follow_up_text(ticket: &Ticket) -> String {
    let mut text = vec![ticket.summary.clone()];
    if let Some(details) = &ticket.details {
        text.push(details.clone());
    }
    text.push(format!("When: {}", format_utc(ticket.at)));
    text.push(format!(
        "Customer phone: {} ({})",
        ticket.phone.e164,
        ticket.channel.label()
    ));
    text.push(format!("Steps tried: {}", ticket.tried.join("; ")));
    if ticket.urgent {
        text.push("Marked URGENT.".into());
    }
    text.join("\n")
}

/// The existing tracking number alone on stdout, as `new` prints a new one.
pub fn report_follow_up(view: &TicketView, desk: &dyn Desk, global: &GlobalArgs) {
    if global.json {
        let mut object = filed_json(view, false, desk);
        object["follow_up"] = json!(true);
        anstream::println!("{object}");
    } else {
        anstream::println!("{}", view.tracking_number);
    }
    if !global.quiet {
        let mut err = anstream::stderr().lock();
        let _ = writeln!(
            err,
            "Added as a follow-up on {}: {}",
            view.tracking_number, view.subject
        );
        let _ = writeln!(err, "Keep {} for every follow-up.", view.tracking_number);
    }
}
