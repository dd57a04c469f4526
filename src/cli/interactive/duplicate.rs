//! "Don't create duplicate tickets", at a terminal: when the desk says the store and order
//! already have an open ticket, offer to add what the merchant wrote to it as a follow-up (the
//! `reply` path) instead of filing a second one.

use serde_json::json;

use crate::api::TicketView;
use crate::cli::error::CliError;
use crate::cli::printer::Printer;
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
    choose_early(p, existing, ticket.store.as_str(), ticket.order.as_str())
}

/// The same choice, as soon as the store and order are known: the rest of the checklist then
/// becomes the follow-up (or the separate ticket).
pub fn choose_early(
    p: &Prompter,
    existing: TrackingNumber,
    store: &str,
    order: &str,
) -> Result<Choice, CliError> {
    p.printer().say(format!(
        "Order {order} of {store} already has an open ticket, {existing}."
    ));
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
pub fn report_follow_up(view: &TicketView, desk: &dyn Desk, out: &Printer) {
    if out.is_json() {
        let mut object = filed_json(view, false, desk);
        object["follow_up"] = json!(true);
        out.json(&object);
    } else {
        out.data(view.tracking_number.to_string());
    }
    out.note(format!(
        "Added as a follow-up on {}: {}",
        view.tracking_number, view.subject
    ));
    out.note(format!(
        "Keep {} for every follow-up.",
        view.tracking_number
    ));
}
