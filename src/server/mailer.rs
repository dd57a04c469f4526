//! The background sender of `serve --smtp`: takes the next due mail of the queue
//! (`desk/mail/queue.rs` claims it for this process), sends it (`mail/send.rs`), and records what
//! happened: sent; tried again after a backoff of at most a minute (the server is down, busy, or
//! said 4xx); or kept as failed with the reason (a 5xx). A mail server that is down delays mail
//! and loses none; a desk restarted takes up the queue where it was.
//!
//! Runs on a thread of its own (SMTP is blocking in lettre's transport, like the core). Retry
//! times follow the real clock, not `CARTSAVER_NOW`: a fixed clock would never let one come.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use chrono::{TimeDelta, Utc};

use crate::desk::{DeskCore, Outcome};
use crate::mail::send::{Failure, Identity, Smtp, backoff};

/// How often an idle sender looks for due mail.
const POLL: Duration = Duration::from_millis(500);

/// Send the queue through `smtp` until `stop` is dropped or sent to.
pub fn run(core: Arc<DeskCore>, smtp: Smtp, identity: Identity, stop: Receiver<()>) {
    let mut failures: u32 = 0;
    loop {
        let pause = match core.claim_mail(Utc::now()) {
            Ok(Some(claimed)) => {
                failures = 0;
                let outcome = match smtp.send(&claimed.mail, &identity) {
                    Ok(()) => {
                        tracing::info!(
                            message_id = %claimed.mail.message_id,
                            "mail {} sent", claimed.id
                        );
                        Outcome::Sent
                    }
                    Err(Failure::Temporary(error)) => {
                        let wait = backoff(claimed.attempts);
                        tracing::warn!(
                            "mail {} not sent (try {}), trying again in {}s: {error}",
                            claimed.id,
                            claimed.attempts,
                            wait.as_secs()
                        );
                        Outcome::Retry {
                            at: Utc::now()
                                + TimeDelta::from_std(wait).unwrap_or(TimeDelta::seconds(60)),
                            error,
                        }
                    }
                    Err(Failure::Permanent(error)) => {
                        tracing::error!(
                            "mail {} refused for good, kept as failed (`cartsaver-desk mail queue`): {error}",
                            claimed.id
                        );
                        Outcome::Failed(error)
                    }
                };
                if let Err(error) = core.record_mail(claimed.id, &outcome, Utc::now()) {
                    // The claim's lease runs out and the mail is tried again: sent twice at
                    // worst, with the same Message-ID, never lost.
                    tracing::error!("cannot record what became of mail {}: {error}", claimed.id);
                }
                match outcome {
                    Outcome::Sent => Duration::ZERO,
                    _ => POLL,
                }
            }
            Ok(None) => POLL,
            Err(error) => {
                failures = failures.saturating_add(1);
                tracing::error!("cannot read the mail queue: {error}");
                backoff(failures)
            }
        };
        match stop.recv_timeout(pause) {
            Err(RecvTimeoutError::Timeout) => {}
            Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}
