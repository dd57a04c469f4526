//! `cartsaver-desk mail queue`: the outgoing mail as the engineer sees it — what waits, what
//! failed and why (a 5xx from the SMTP server is kept as failed with its reason).

use std::io::Write;

use anyhow::Context as _;

use super::args::GlobalArgs;
use super::error::DeskCliError;
use super::open;

pub fn queue(global: &GlobalArgs, all: bool, limit: usize) -> Result<(), DeskCliError> {
    let mails = open::desk(global)?.mail_queue(all, limit)?;
    let mut out = std::io::stdout().lock();
    if global.json {
        for mail in &mails {
            let line = serde_json::to_string(mail).context("cannot encode a mail as JSON")?;
            writeln!(out, "{line}").context("cannot write to stdout")?;
        }
        return Ok(());
    }
    if mails.is_empty() {
        eprintln!(
            "{}",
            if all {
                "no mail"
            } else {
                "no mail waiting; --all shows the mail sent too"
            }
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = mails
        .iter()
        .map(|m| {
            vec![
                m.id.to_string(),
                m.status.clone(),
                m.tracking_number.clone().unwrap_or_else(|| "-".into()),
                m.kind.clone(),
                m.recipient.clone(),
                m.attempts.to_string(),
                if m.status == "queued" {
                    m.next_attempt_at.clone()
                } else {
                    m.sent_at.clone().unwrap_or_else(|| "-".into())
                },
                crate::terminal::terminal_safe(m.last_error.as_deref().unwrap_or("-")).into_owned(),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "ID",
            "STATUS",
            "TICKET",
            "KIND",
            "TO",
            "TRIES",
            "NEXT/SENT",
            "LAST ERROR",
        ],
        &rows,
    )
}

/// Columns padded to their widest cell, two spaces apart.
pub(super) fn table(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> Result<(), DeskCliError> {
    let header: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end()).context("cannot write to stdout")?;
    }
    Ok(())
}

/// `mail receive`: one message on stdin. 0 when taken (threaded, held, or a duplicate), 65 with
/// a one-line reason when it can never be, 75 when the database cannot be reached.
pub fn receive(global: &GlobalArgs) -> Result<(), DeskCliError> {
    use std::io::Read as _;
    let mut raw = Vec::new();
    std::io::stdin()
        .take(crate::mail::receive::MAX_MESSAGE_BYTES as u64 + 1)
        .read_to_end(&mut raw)
        .map_err(|error| {
            DeskCliError::TempFail(format!("cannot read the message on stdin: {error}"))
        })?;
    let incoming = crate::mail::receive::parse(&raw).map_err(DeskCliError::DataError)?;
    let now = open::clock()?.now();
    let core = open::desk(global).map_err(|error| DeskCliError::TempFail(error.to_string()))?;
    let received = core
        .receive_mail(&incoming, now)
        .map_err(|error| match error {
            crate::desk::DeskError::Storage(_) => DeskCliError::TempFail(error.to_string()),
            other => DeskCliError::DataError(other.to_string().replace('\n', " ")),
        })?;
    match received {
        crate::desk::Received::Threaded(tn) => eprintln!("mail threaded on {tn}"),
        crate::desk::Received::Filed(tn) => eprintln!("mail filed as ticket {tn}"),
        crate::desk::Received::Held { reason, answered } => eprintln!(
            "mail held ({reason}){}",
            if answered {
                "; the sender was told how to file"
            } else {
                ""
            }
        ),
        crate::desk::Received::Duplicate => eprintln!("mail already taken (same Message-ID)"),
    }
    Ok(())
}

/// `mail held`: what was kept aside, newest first.
pub fn held(global: &GlobalArgs, limit: usize) -> Result<(), DeskCliError> {
    let mails = open::desk(global)?.held_mail(limit)?;
    let mut out = std::io::stdout().lock();
    if global.json {
        for mail in &mails {
            let line = serde_json::to_string(mail).context("cannot encode a mail as JSON")?;
            writeln!(out, "{line}").context("cannot write to stdout")?;
        }
        return Ok(());
    }
    if mails.is_empty() {
        eprintln!("no mail held");
        return Ok(());
    }
    let safe = |text: &str| crate::terminal::terminal_safe(text).into_owned();
    let rows: Vec<Vec<String>> = mails
        .iter()
        .map(|m| {
            vec![
                m.id.to_string(),
                m.at.clone(),
                safe(&m.sender),
                m.tracking_number.clone().unwrap_or_else(|| "-".into()),
                safe(&m.subject),
                safe(&m.reason),
            ]
        })
        .collect();
    table(
        &mut out,
        &["ID", "AT", "FROM", "TICKET", "SUBJECT", "WHY"],
        &rows,
    )
}
