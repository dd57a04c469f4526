//! A fault-injecting HTTP/1.1 proxy for tests. It stands between the CLI and a real
//! `cartsaver-desk serve`, reads each request whole, and does what the test's rule says: forward
//! it (the real desk answers: this is no mock of the API), answer it itself without forwarding,
//! forward it and lose the desk's answer, close the connection, or hold it until released.
//!
//! Every request is logged with the desk's answer, when there was one, so a test can see what
//! the CLI sent and what it was (or was not) told. Loopback only; bounded (connections, message
//! sizes, socket and hold waits); stopped, its threads joined, when dropped.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const MAX_CONNECTIONS: usize = 64;
const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 64 * 1024 * 1024;
/// How long a socket may sit silent, and a request be held, before the proxy gives up on it.
const PATIENCE: Duration = Duration::from_secs(60);

/// What the proxy does with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Pass it to the desk and its answer back.
    Forward,
    /// Answer with this raw HTTP response, without forwarding; then close the connection.
    Answer(String),
    /// Pass it to the desk, read the desk's answer, then close the connection without passing
    /// the answer on: the request took effect, the client never learns how.
    LoseAnswer,
    /// Close the connection without forwarding or answering.
    Close,
    /// Wait until [`FaultProxy::release`], then forward.
    Hold,
}

impl Fault {
    /// `503 Service Unavailable` with `Retry-After: seconds`, answered by the proxy.
    pub fn unavailable(seconds: u64) -> Fault {
        let body = "the desk is busy\n";
        Fault::Answer(format!(
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: {seconds}\r\n\
             Content-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ))
    }
}

/// One request the proxy read, what it did with it, and the desk's answer if it got one.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub method: String,
    /// The request target: `/v1/tickets?force_new=true`.
    pub path: String,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body as sent (multipart bodies included).
    pub body: Vec<u8>,
    pub fault: Fault,
    /// When the proxy had read the request.
    pub at: Instant,
    /// The desk's status and body, when the request was forwarded and answered.
    pub answer: Option<(u16, Vec<u8>)>,
}

impl Exchange {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// A ticket filed: `POST /v1/tickets`.
    pub fn is_create(&self) -> bool {
        self.method == "POST"
            && (self.path == "/v1/tickets" || self.path.starts_with("/v1/tickets?"))
    }

    /// A message on a ticket: `POST /v1/tickets/TN/messages`.
    pub fn is_reply(&self) -> bool {
        self.method == "POST"
            && self.path.starts_with("/v1/tickets/")
            && self.path.ends_with("/messages")
    }

    /// `POST /v1/tickets Hold 201`: for failure messages.
    pub fn brief(&self) -> String {
        let answer = match &self.answer {
            Some((status, _)) => status.to_string(),
            None => "no answer".into(),
        };
        format!("{} {} {:?} {answer}", self.method, self.path, self.fault)
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }

    /// The desk's answer as JSON (panics when there was none).
    pub fn answer_json(&self) -> serde_json::Value {
        let (_, body) = self
            .answer
            .as_ref()
            .expect("the desk answered this request");
        serde_json::from_slice(body).expect("the desk answers JSON")
    }
}

type Rule = Box<dyn FnMut(&Exchange) -> Fault + Send>;

struct State {
    log: Vec<Exchange>,
    /// Requests waiting in [`Fault::Hold`].
    held: usize,
    released: bool,
    stopping: bool,
    /// Open client and desk sockets by connection, to shut down when the proxy stops.
    sockets: HashMap<u64, Vec<TcpStream>>,
    threads: Vec<JoinHandle<()>>,
    open: usize,
}

struct Shared {
    upstream: SocketAddr,
    rule: Mutex<Rule>,
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A running proxy in front of one desk; stops when dropped.
pub struct FaultProxy {
    /// `http://127.0.0.1:PORT`: give this to the CLI as its desk.
    pub url: String,
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl FaultProxy {
    /// A proxy on a free loopback port in front of the desk at `desk_url` (`http://127.0.0.1:P`),
    /// doing to each request what `rule` says.
    pub fn start(
        desk_url: &str,
        rule: impl FnMut(&Exchange) -> Fault + Send + 'static,
    ) -> FaultProxy {
        let upstream: SocketAddr = desk_url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap_or_else(|_| panic!("the desk URL is http://IP:PORT: {desk_url}"));
        assert!(
            upstream.ip().is_loopback(),
            "the proxy is for loopback only"
        );
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy on loopback");
        let addr = listener.local_addr().expect("the proxy's address");
        let shared = Arc::new(Shared {
            upstream,
            rule: Mutex::new(Box::new(rule)),
            state: Mutex::new(State {
                log: Vec::new(),
                held: 0,
                released: false,
                stopping: false,
                sockets: HashMap::new(),
                threads: Vec::new(),
                open: 0,
            }),
            changed: Condvar::new(),
        });
        let accept = {
            let shared = shared.clone();
            std::thread::spawn(move || accept_loop(listener, shared))
        };
        FaultProxy {
            url: format!("http://{addr}"),
            addr,
            shared,
            accept: Some(accept),
        }
    }

    /// Every request read so far, in order.
    pub fn log(&self) -> Vec<Exchange> {
        self.shared.state().log.clone()
    }

    /// The requests read so far that match.
    pub fn seen(&self, matches: impl Fn(&Exchange) -> bool) -> Vec<Exchange> {
        self.shared
            .state()
            .log
            .iter()
            .filter(|exchange| matches(exchange))
            .cloned()
            .collect()
    }

    /// Requests waiting in [`Fault::Hold`] now.
    pub fn held(&self) -> usize {
        self.shared.state().held
    }

    /// Wait (up to a minute, then panic naming `what`) until `ready` holds for the log and the
    /// number of held requests. A wait for a state, not a timed assertion.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&[Exchange], usize) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        let mut state = self.shared.state();
        while !ready(&state.log, state.held) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "waited a minute for {what}; {} held, the requests: {:#?}",
                state.held,
                state.log.iter().map(Exchange::brief).collect::<Vec<_>>()
            );
            state = self
                .shared
                .changed
                .wait_timeout(state, left.min(Duration::from_millis(100)))
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        }
    }

    /// Let held requests (and any later ones the rule holds) go on to the desk.
    pub fn release(&self) {
        self.shared.state().released = true;
        self.shared.changed.notify_all();
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        {
            let mut state = self.shared.state();
            state.stopping = true;
            for socket in state.sockets.values().flatten() {
                let _ = socket.shutdown(Shutdown::Both);
            }
        }
        self.shared.changed.notify_all();
        // Wake the accept loop so it sees `stopping`.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
        let threads = std::mem::take(&mut self.shared.state().threads);
        for thread in threads {
            let _ = thread.join();
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut next_id = 0u64;
    for client in listener.incoming() {
        let Ok(client) = client else { continue };
        let mut state = shared.state();
        if state.stopping {
            return;
        }
        if state.open >= MAX_CONNECTIONS {
            drop(client);
            continue;
        }
        next_id += 1;
        let id = next_id;
        state.open += 1;
        if let Ok(copy) = client.try_clone() {
            state.sockets.insert(id, vec![copy]);
        }
        let thread = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                let _ = serve(id, client, &shared);
                let mut state = shared.state();
                state.open -= 1;
                if let Some(sockets) = state.sockets.remove(&id) {
                    for socket in sockets {
                        let _ = socket.shutdown(Shutdown::Both);
                    }
                }
            })
        };
        state.threads.push(thread);
    }
}

/// One client connection: its requests one after another (HTTP/1.1 keep-alive), over one
/// connection to the desk opened on the first request forwarded.
fn serve(id: u64, client: TcpStream, shared: &Shared) -> io::Result<()> {
    client.set_read_timeout(Some(PATIENCE))?;
    client.set_write_timeout(Some(PATIENCE))?;
    let mut from_client = BufReader::new(client.try_clone()?);
    let mut to_client = client;
    let mut desk: Option<(BufReader<TcpStream>, TcpStream)> = None;
    loop {
        let Some(request) = read_message(&mut from_client, false)? else {
            return Ok(());
        };
        let mut exchange = Exchange {
            method: request.start.split(' ').next().unwrap_or("").to_string(),
            path: request.start.split(' ').nth(1).unwrap_or("").to_string(),
            headers: request.headers.clone(),
            body: request.body.clone(),
            fault: Fault::Forward,
            at: Instant::now(),
            answer: None,
        };
        exchange.fault = {
            let mut rule = shared.rule.lock().unwrap_or_else(|p| p.into_inner());
            rule(&exchange)
        };
        let fault = exchange.fault.clone();
        let index = {
            let mut state = shared.state();
            state.log.push(exchange);
            state.log.len() - 1
        };
        shared.changed.notify_all();
        match &fault {
            Fault::Answer(raw) => {
                to_client.write_all(raw.as_bytes())?;
                return to_client.flush();
            }
            Fault::Close => return Ok(()),
            Fault::Hold => {
                if !wait_for_release(shared) {
                    return Ok(());
                }
            }
            Fault::Forward | Fault::LoseAnswer => {}
        }
        if desk.is_none() {
            let socket = TcpStream::connect_timeout(&shared.upstream, Duration::from_secs(5))?;
            socket.set_read_timeout(Some(PATIENCE))?;
            socket.set_write_timeout(Some(PATIENCE))?;
            let mut state = shared.state();
            if state.stopping {
                return Ok(());
            }
            if let Some(sockets) = state.sockets.get_mut(&id) {
                sockets.push(socket.try_clone()?);
            }
            desk = Some((BufReader::new(socket.try_clone()?), socket));
        }
        let (from_desk, to_desk) = desk.as_mut().expect("connected above");
        to_desk.write_all(&request.raw)?;
        to_desk.flush()?;
        let Some(answer) = read_message(from_desk, true)? else {
            return Ok(());
        };
        let status = answer
            .start
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or(0);
        shared.state().log[index].answer = Some((status, answer.body.clone()));
        shared.changed.notify_all();
        if fault == Fault::LoseAnswer {
            return Ok(());
        }
        to_client.write_all(&answer.raw)?;
        to_client.flush()?;
        if answer.closes() || request.closes() {
            return Ok(());
        }
    }
}

/// Block a held request until released; `false` when the proxy stops (or a minute passes).
fn wait_for_release(shared: &Shared) -> bool {
    let deadline = Instant::now() + PATIENCE;
    let mut state = shared.state();
    state.held += 1;
    shared.changed.notify_all();
    while !state.released && !state.stopping && Instant::now() < deadline {
        state = shared
            .changed
            .wait_timeout(state, Duration::from_millis(100))
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .0;
    }
    state.held -= 1;
    let go = state.released && !state.stopping;
    drop(state);
    shared.changed.notify_all();
    go
}

/// One HTTP/1.1 message: its bytes as read (to pass on unchanged) and its parts.
struct Message {
    start: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    raw: Vec<u8>,
}

impl Message {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn closes(&self) -> bool {
        self.header("connection")
            .is_some_and(|value| value.eq_ignore_ascii_case("close"))
    }
}

fn too_big(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{what} over the proxy's limit"),
    )
}

/// Read one request or response; `None` at a clean end of the stream. A response without a
/// length runs to the end of the stream.
fn read_message(reader: &mut BufReader<TcpStream>, response: bool) -> io::Result<Option<Message>> {
    let mut raw = Vec::new();
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            if raw.is_empty() {
                return Ok(None);
            }
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        raw.extend_from_slice(line.as_bytes());
        if raw.len() > MAX_HEAD {
            return Err(too_big("a message head"));
        }
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    let mut lines = lines.into_iter();
    let start = lines.next().unwrap_or_default();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| {
            let (name, value) = line.split_once(':')?;
            Some((name.trim().to_ascii_lowercase(), value.trim().to_string()))
        })
        .collect();
    let mut message = Message {
        start,
        headers,
        body: Vec::new(),
        raw,
    };
    let status: u16 = if response {
        message
            .start
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or(0)
    } else {
        0
    };
    let chunked = message
        .header("transfer-encoding")
        .is_some_and(|value| value.to_ascii_lowercase().contains("chunked"));
    let length = message
        .header("content-length")
        .and_then(|value| value.parse::<usize>().ok());
    if chunked {
        read_chunked(reader, &mut message)?;
    } else if let Some(length) = length {
        if length > MAX_BODY {
            return Err(too_big("a body"));
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        message.raw.extend_from_slice(&body);
        message.body = body;
    } else if response && status >= 200 && status != 204 && status != 304 {
        let mut body = Vec::new();
        reader.take(MAX_BODY as u64 + 1).read_to_end(&mut body)?;
        if body.len() > MAX_BODY {
            return Err(too_big("a body"));
        }
        message.raw.extend_from_slice(&body);
        message.body = body;
    }
    Ok(Some(message))
}

fn read_chunked(reader: &mut BufReader<TcpStream>, message: &mut Message) -> io::Result<()> {
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        message.raw.extend_from_slice(line.as_bytes());
        let size = line.trim().split(';').next().unwrap_or("");
        let size = usize::from_str_radix(size, 16)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "a bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the empty line.
            loop {
                let mut trailer = String::new();
                if reader.read_line(&mut trailer)? == 0 {
                    return Err(io::ErrorKind::UnexpectedEof.into());
                }
                message.raw.extend_from_slice(trailer.as_bytes());
                if trailer.trim().is_empty() {
                    return Ok(());
                }
            }
        }
        if message.body.len() + size > MAX_BODY {
            return Err(too_big("a body"));
        }
        let mut chunk = vec![0; size + 2];
        reader.read_exact(&mut chunk)?;
        message.raw.extend_from_slice(&chunk);
        message.body.extend_from_slice(&chunk[..size]);
    }
}
