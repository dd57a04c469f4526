//! When the desk fails a merchant who has just answered the whole checklist: check the desk
//! before the first question, and if filing still fails, print the answers as one
//! `cartsaver-support new ...` command, so that nothing typed is lost.

use crate::client::{Desk, ListFilter, RequestError};
use crate::domain::ticket::Ticket;
use crate::domain::timestamp::format_utc;

use crate::cli::error::CliError;
use crate::cli::printer::Printer;

/// A remote desk is asked for one ticket, which proves it answers and takes the token; the local
/// desk was opened already.
pub fn check_desk_first(desk: &dyn Desk) -> Result<(), CliError> {
    if desk.is_local() {
        return Ok(());
    }
    let probe = ListFilter {
        limit: Some(1),
        ..ListFilter::default()
    };
    desk.list(&probe).map(drop).map_err(CliError::Desk)
}

/// After a failed send: the error as usual, and the command that files the same ticket.
pub fn keep_answers(
    error: RequestError,
    ticket: &Ticket,
    screenshots: usize,
    out: &Printer,
) -> CliError {
    out.say("Your answers are not lost: once the desk answers, file them with");
    out.say(format!("  {}", as_command(ticket)));
    if screenshots > 0 {
        out.say(format!(
            "  (and your {screenshots} --screenshot file(s) again)"
        ));
    }
    CliError::Desk(error)
}

/// The ticket as the flags of `new`; the PIN is left out (it is never printed).
pub fn as_command(ticket: &Ticket) -> String {
    let mut words = vec!["cartsaver-support".to_string(), "new".to_string()];
    let mut flag = |name: &str, value: &str| {
        words.push(format!("--{name}"));
        words.push(shell_quote(value));
    };
    flag("store", ticket.store.as_str());
    flag("order", ticket.order.as_str());
    flag("phone", &ticket.phone.e164);
    flag("channel", ticket.channel.name());
    flag("at", &format_utc(ticket.at));
    for step in &ticket.tried {
        flag("tried", step);
    }
    flag("summary", &ticket.summary);
    if let Some(details) = &ticket.details {
        flag("details", details);
    }
    flag("email", ticket.email.as_str());
    flag("plan", ticket.plan.name());
    for (set, name) in [
        (ticket.urgent, "--urgent"),
        (ticket.outage, "--outage"),
        (ticket.allow_access, "--allow-access"),
    ] {
        if set {
            words.push(name.to_string());
        }
    }
    if ticket.pin.is_some() {
        words.push("--pin PIN".to_string());
    }
    words.join(" ")
}

/// `'text'`, with any `'` written as `'\''`: safe to paste into a POSIX shell.
fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-_.:/@#".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ticket::{Context, TicketInput, examine};

    #[test]
    fn the_command_files_the_same_ticket_and_quotes_for_the_shell() {
        let input = TicketInput {
            store: Some("cool-shop.myshopify.com".into()),
            order: Some("1052".into()),
            phone: Some("+201001234567".into()),
            channel: Some("sms".into()),
            at: Some("2026-11-20T14:03:00Z".into()),
            tried: vec!["resent the OTP".into(), "asked the customer's bank".into()],
            email: Some("owner@cool-shop.com".into()),
            plan: Some("scale".into()),
            urgent: true,
            pin: Some("483912".into()),
            ..TicketInput::default()
        };
        let context = Context {
            now: "2026-11-20T14:30:00Z".parse().unwrap(),
            local: chrono_tz::UTC,
        };
        let (ticket, _) = examine(&input, Vec::new(), &context)
            .into_ticket(|f| f.to_string())
            .unwrap();
        let command = as_command(&ticket);
        assert!(command.starts_with(
            "cartsaver-support new --store https://cool-shop.myshopify.com --order #1052 --phone +201001234567"
        ), "{command}");
        assert!(command.contains("--tried 'resent the OTP'"), "{command}");
        assert!(
            command.contains(r"--tried 'asked the customer'\''s bank'"),
            "{command}"
        );
        assert!(
            command.contains("--urgent") && command.contains("--pin PIN"),
            "{command}"
        );
        assert!(!command.contains("483912"), "{command}");
    }
}
