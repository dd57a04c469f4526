//! `serve --smtp-listen ADDR`: incoming mail over SMTP, for an MTA that relays to the desk
//! instead of piping to `cartsaver-desk mail receive`. The protocol is `mailin-embedded`'s (its
//! own thread pool, blocking IO); each message it accepts goes through the same path as `mail
//! receive` (`mail/receive.rs`, then the core's `receive_mail`): a message that can never be
//! taken is answered 554 with the reason, a database that fails is 451 (the MTA retries).

use std::net::TcpListener;
use std::sync::Arc;

use mailin_embedded::response::{self, Response};
use mailin_embedded::{Handler, Server, SslConfig};

use crate::clock::Clock;
use crate::desk::{DeskCore, DeskError};
use crate::mail::receive::{MAX_MESSAGE_BYTES, parse};

/// One SMTP session's state: the message being received.
#[derive(Clone)]
struct Inbox {
    core: Arc<DeskCore>,
    clock: Clock,
    message: Vec<u8>,
    too_large: bool,
}

impl Handler for Inbox {
    fn data_start(
        &mut self,
        _domain: &str,
        _from: &str,
        _is8bit: bool,
        _to: &[String],
    ) -> Response {
        self.message.clear();
        self.too_large = false;
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if self.message.len() + buf.len() > MAX_MESSAGE_BYTES {
            self.too_large = true;
        } else {
            self.message.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if self.too_large {
            return response::NO_STORAGE;
        }
        let message = std::mem::take(&mut self.message);
        let incoming = match parse(&message) {
            Ok(incoming) => incoming,
            Err(reason) => return Response::custom(554, one_line(&reason)),
        };
        match self.core.receive_mail(&incoming, self.clock.now()) {
            Ok(received) => {
                tracing::info!(message_id = %incoming.message_id, "mail received over SMTP: {received:?}");
                response::OK
            }
            Err(error @ DeskError::Storage(_)) => {
                tracing::error!("cannot take mail received over SMTP: {error}");
                response::INTERNAL_ERROR
            }
            Err(other) => Response::custom(554, one_line(&other.to_string())),
        }
    }
}

fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

/// Serve SMTP on `listener` on threads of its own, for as long as the process runs.
pub fn spawn(listener: TcpListener, core: Arc<DeskCore>, clock: Clock) -> std::io::Result<()> {
    let mut server = Server::new(Inbox {
        core,
        clock,
        message: Vec::new(),
        too_large: false,
    });
    server
        .with_name("cartsaver-desk")
        .with_ssl(SslConfig::None)
        .map_err(|e| std::io::Error::other(e.to_string()))?
        .with_num_threads(4)
        .with_tcp_listener(listener);
    std::thread::Builder::new()
        .name("smtp-listen".into())
        .spawn(move || {
            if let Err(error) = server.serve() {
                tracing::error!("the SMTP listener stopped: {error}");
            }
        })?;
    Ok(())
}
