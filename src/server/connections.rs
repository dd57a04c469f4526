//! Connections: accept on the listener, serve HTTP/1.1 on each with hyper, and bound what a
//! client may hold open, so that idle or trickling connections cannot pile up and a shutdown
//! always ends.
//!
//! - At most [`Limits::max_connections`] at once; past that, accepting waits (the kernel's
//!   backlog queues the rest).
//! - A request's head must arrive within [`Limits::header_read`] (hyper's header read timeout,
//!   which starts when the connection opens or the next request's first byte arrives).
//! - A connection with no request in progress and no byte in either direction for
//!   [`Limits::idle`] is closed (keep-alive included): hyper has no idle timeout of its own.
//! - On shutdown the listener closes, every connection is asked to finish its request and close,
//!   and after [`Limits::shutdown_grace`] those still open are dropped.
//!
//! Request bodies are bounded by the body reader (`body.rs`), not here. This knows no routes.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;
use tower::ServiceExt as _;

/// What one connection may hold, and how long a shutdown waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub header_read: Duration,
    pub idle: Duration,
    pub shutdown_grace: Duration,
    pub max_connections: usize,
}

impl Default for Limits {
    /// nginx-like defaults: 10 s for a request head, a minute idle, 10 s to drain.
    fn default() -> Limits {
        Limits {
            header_read: Duration::from_secs(10),
            idle: Duration::from_secs(60),
            shutdown_grace: Duration::from_secs(10),
            max_connections: 4096,
        }
    }
}

/// Serve `app` on `listener` until `shutdown` completes, then drain (see the module header).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let (close, closing) = watch::channel(false);
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            biased;
            () = &mut shutdown => break,
            slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore is never closed"),
        };
        let (tcp, peer) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    pause_after(&error).await;
                    continue;
                }
            },
        };
        // Small JSON answers: don't let Nagle's algorithm hold them back.
        let _ = tcp.set_nodelay(true);
        let app = app.clone();
        let closing = closing.clone();
        connections.spawn(async move {
            let _slot = slot;
            connection(tcp, peer, app, limits, closing).await;
        });
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let _ = close.send(true);
    let drained = tokio::time::timeout(limits.shutdown_grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            "shutting down: {} connection(s) still open after {} s; closing them",
            connections.len(),
            limits.shutdown_grace.as_secs_f64()
        );
        connections.abort_all();
        while connections.join_next().await.is_some() {}
    }
    Ok(())
}

/// An accept error: a connection that failed before it was accepted is no reason to stop; running
/// out of file descriptors is worth a short pause rather than a busy loop.
async fn pause_after(error: &io::Error) {
    let per_connection = matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::Interrupted
    );
    if !per_connection {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One connection, until the client closes it, a limit ends it, or the desk shuts down.
async fn connection(
    tcp: TcpStream,
    peer: std::net::SocketAddr,
    app: Router,
    limits: Limits,
    mut closing: watch::Receiver<bool>,
) {
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Watched {
        inner: tcp,
        activity: Arc::clone(&activity),
    });
    let requests = Arc::clone(&activity);
    let service =
        hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
            let guard = InProgress::start(Arc::clone(&requests));
            let mut request = request.map(Body::new);
            // The client's address, for the login rate limits (`login_routes.rs`).
            request
                .extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
            let answer = app.clone().oneshot(request);
            async move {
                let response = answer.await;
                drop(guard);
                response
            }
        });
    let serving = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read)
        .keep_alive(true)
        .serve_connection(io, service);
    tokio::pin!(serving);
    let mut tick = tokio::time::interval(check_every(limits.idle));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut winding_down = false;
    loop {
        tokio::select! {
            _ = serving.as_mut() => return,
            changed = closing.changed(), if !winding_down => {
                let _ = changed;
                serving.as_mut().graceful_shutdown();
                winding_down = true;
            }
            _ = tick.tick(), if !winding_down => {
                if activity.idle_for() >= limits.idle {
                    serving.as_mut().graceful_shutdown();
                    winding_down = true;
                }
            }
        }
    }
}

/// How often a connection looks at its idle time: often enough to close it within a quarter of
/// the limit of it being reached.
fn check_every(idle: Duration) -> Duration {
    (idle / 4).clamp(Duration::from_millis(50), Duration::from_secs(5))
}

/// When a connection last moved a byte, and how many of its requests are being handled.
struct Activity {
    born: Instant,
    last_ms: AtomicU64,
    in_progress: AtomicUsize,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            born: Instant::now(),
            last_ms: AtomicU64::new(0),
            in_progress: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        let now = u64::try_from(self.born.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(now, Ordering::Relaxed);
    }

    /// How long nothing has happened; zero while a request is being handled.
    fn idle_for(&self) -> Duration {
        if self.in_progress.load(Ordering::Relaxed) > 0 {
            return Duration::ZERO;
        }
        let last = Duration::from_millis(self.last_ms.load(Ordering::Relaxed));
        self.born.elapsed().saturating_sub(last)
    }
}

/// A request being handled, counted while it lives.
struct InProgress(Arc<Activity>);

impl InProgress {
    fn start(activity: Arc<Activity>) -> InProgress {
        activity.in_progress.fetch_add(1, Ordering::Relaxed);
        InProgress(activity)
    }
}

impl Drop for InProgress {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_progress.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The TCP stream, noting every byte that moves.
struct Watched {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_time_stops_while_a_request_is_handled() {
        let activity = Arc::new(Activity::new());
        std::thread::sleep(Duration::from_millis(20));
        assert!(activity.idle_for() >= Duration::from_millis(20));
        let guard = InProgress::start(Arc::clone(&activity));
        assert_eq!(activity.idle_for(), Duration::ZERO);
        drop(guard);
        // The end of the request counts as traffic: idle time starts again from there, at least
        // 20 ms after the connection opened (no bound on how fast this machine is).
        assert!(activity.last_ms.load(Ordering::Relaxed) >= 20);
        assert!(activity.idle_for() < activity.born.elapsed());
    }

    #[test]
    fn idle_checks_are_frequent_but_not_busy() {
        assert_eq!(check_every(Duration::from_secs(60)), Duration::from_secs(5));
        assert_eq!(
            check_every(Duration::from_secs(1)),
            Duration::from_millis(250)
        );
        assert_eq!(
            check_every(Duration::from_millis(1)),
            Duration::from_millis(50)
        );
    }
}
