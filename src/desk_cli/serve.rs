//! `cartsaver-desk serve`: bind, announce the address on stdout's first line (and the metrics
//! listener's on the second, with `--metrics-listen`), serve until Ctrl-C or SIGTERM, then let
//! the requests in flight finish. Log lines go to stderr through `tracing`.

use std::io::Write;
use std::net::ToSocketAddrs;

use anyhow::Context as _;

use crate::mail::send::{Identity, Smtp, mailbox};
use crate::server::{self, AppState, BodyLimits, Limits, Pace, Tuning};

use super::args::{GlobalArgs, ServeArgs};
use super::error::DeskCliError;
use super::open;

pub fn run(global: &GlobalArgs, args: &ServeArgs) -> Result<(), DeskCliError> {
    let addresses = socket_addresses("--listen", &args.listen, "127.0.0.1:8787")?;
    let metrics_addresses = args
        .metrics_listen
        .as_deref()
        .map(|text| socket_addresses("--metrics-listen", text, "127.0.0.1:9187"))
        .transpose()?;
    let mail = mail_settings(args)?;
    let smtp_addresses = args
        .smtp_listen
        .as_deref()
        .map(|text| socket_addresses("--smtp-listen", text, "127.0.0.1:2525"))
        .transpose()?;
    crate::server::ops::init_logging(args.log_format);
    let clock = open::clock()?;
    let core = open::desk_with(
        global,
        crate::desk::OpenOptions {
            pool_size: args.pool_size as usize,
            migrate: !args.no_migrate,
            ..Default::default()
        },
    )?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addresses.as_slice())
            .await
            .with_context(|| {
                format!(
                    "cannot listen on {}; is another desk running there? Pick another port, or 0 for any free port",
                    args.listen
                )
            })?;
        let local = listener
            .local_addr()
            .context("cannot read the address the desk listens on")?;
        // The first stdout line is a contract (scripts and tests read the port from it): write
        // it alone and flush it before serving.
        let metrics_listener = match &metrics_addresses {
            Some(addresses) => Some(
                tokio::net::TcpListener::bind(addresses.as_slice())
                    .await
                    .with_context(|| {
                        format!(
                            "cannot listen for metrics on {}; pick another port, or 0 for any free port",
                            args.metrics_listen.as_deref().unwrap_or_default()
                        )
                    })?,
            ),
            None => None,
        };
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "listening on http://{local}")
            .and_then(|()| stdout.flush())
            .context("cannot write the listening address to stdout")?;
        if let Some(listener) = &metrics_listener {
            let at = listener
                .local_addr()
                .context("cannot read the metrics address")?;
            writeln!(stdout, "metrics on http://{at}/metrics")
                .and_then(|()| stdout.flush())
                .context("cannot write the metrics address to stdout")?;
        }
        let smtp_listener = match &smtp_addresses {
            Some(addresses) => {
                let listener = std::net::TcpListener::bind(addresses.as_slice()).with_context(|| {
                    format!(
                        "cannot listen for SMTP on {}; pick another port, or 0 for any free port",
                        args.smtp_listen.as_deref().unwrap_or_default()
                    )
                })?;
                let at = listener.local_addr().context("cannot read the SMTP address")?;
                writeln!(stdout, "smtp on {at}")
                    .and_then(|()| stdout.flush())
                    .context("cannot write the SMTP address to stdout")?;
                Some(listener)
            }
            None => None,
        };
        drop(stdout);
        let tuning = tuning(args);
        let state = AppState::new(core, clock, &tuning).listening_on(local, args.cookie_secure);
        if let Some(listener) = smtp_listener {
            server::smtp_listen::spawn(listener, state.core(), state.clock())
                .context("cannot start the SMTP listener")?;
        }
        // Dropped when serving ends, which stops the sender.
        let (_stop_mail, stop) = std::sync::mpsc::channel::<()>();
        match mail {
            Some((smtp, identity)) => {
                tracing::info!("sending the queued mail through {}", smtp.shown);
                let core = state.core();
                std::thread::Builder::new()
                    .name("mail-sender".into())
                    .spawn(move || server::mailer::run(core, smtp, identity, stop))
                    .context("cannot start the mail sender")?;
            }
            None => tracing::warn!(
                "no --smtp: this desk sends no mail (it is queued; `cartsaver-desk mail queue` shows it, and a desk with --smtp sends it)"
            ),
        }
        let metrics = metrics_listener.map(|listener| {
            let router = server::metrics_router(state.clone());
            tokio::spawn(async move { axum::serve(listener, router).await })
        });
        tracing::info!("desk listening on http://{local}");
        server::serve(listener, state, tuning.connections, shutdown_signal())
            .await
            .context("the desk server failed")?;
        if let Some(metrics) = metrics {
            metrics.abort();
        }
        tracing::info!("desk stopped");
        Ok::<(), DeskCliError>(())
    })
}

/// `--smtp` and its companions, checked before anything starts.
fn mail_settings(args: &ServeArgs) -> Result<Option<(Smtp, Identity)>, DeskCliError> {
    let Some(url) = &args.smtp else {
        return Ok(None);
    };
    let password = match &args.smtp_password_file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|error| {
                DeskCliError::Usage(format!(
                    "--smtp-password-file {}: cannot read it ({error})",
                    path.display()
                ))
            })?;
            Some(text.lines().next().unwrap_or_default().to_string())
        }
        None => None,
    };
    let ca = match &args.smtp_ca_file {
        Some(path) => Some(std::fs::read(path).map_err(|error| {
            DeskCliError::Usage(format!(
                "--smtp-ca-file {}: cannot read it ({error})",
                path.display()
            ))
        })?),
        None => None,
    };
    let smtp =
        Smtp::from_url(url, password.as_deref(), ca.as_deref()).map_err(DeskCliError::Usage)?;
    let from = args
        .mail_from
        .as_deref()
        .ok_or_else(|| DeskCliError::Usage("--smtp needs --mail-from ADDR".to_string()))?;
    let from = mailbox(from).map_err(|e| DeskCliError::Usage(format!("--mail-from: {e}")))?;
    let reply_to = args
        .mail_reply_to
        .as_deref()
        .map(mailbox)
        .transpose()
        .map_err(|e| DeskCliError::Usage(format!("--mail-reply-to: {e}")))?;
    Ok(Some((smtp, Identity { from, reply_to })))
}

/// `HOST:PORT` as socket addresses, or a usage error naming the flag with an example.
fn socket_addresses(
    flag: &str,
    text: &str,
    example: &str,
) -> Result<Vec<std::net::SocketAddr>, DeskCliError> {
    text.to_socket_addrs()
        .map(Iterator::collect)
        .map_err(|error| {
            DeskCliError::Usage(format!(
                "{flag} `{text}` is not a HOST:PORT address ({error}); use e.g. {example}, or port 0 for any free port"
            ))
        })
}

/// The serve flags, as the server's limits.
fn tuning(args: &ServeArgs) -> Tuning {
    Tuning {
        connections: Limits {
            header_read: args.header_timeout,
            idle: args.idle_timeout,
            shutdown_grace: args.shutdown_timeout,
            max_connections: args.max_connections as usize,
        },
        pace: Pace {
            read_timeout: args.body_timeout,
            min_rate: args.body_min_rate.saturating_mul(1024),
            ..Pace::default()
        },
        bodies: BodyLimits::default(),
    }
}

/// Ctrl-C, or SIGTERM on Unix (what service managers and `kill` send).
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}
