//! What a served desk does with clients that hold on: bodies that never arrive, one store's
//! uploads against another's creates, idle and trickling connections, a shutdown with a request
//! half sent. Real `cartsaver-desk serve` on loopback, raw TCP for the misbehaving clients, every
//! wait bounded (the desk runs with short limits so each test takes a few seconds).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{DeskServer, TestEnv, ticket_json};
use reqwest::StatusCode;
use reqwest::blocking::Client;

const STORE_A: &str = "https://attacker-shop.myshopify.com";
const STORE_B: &str = "https://cool-shop.myshopify.com";
/// What the attack claims: a body at the desk's limit.
const CLAIMED: usize = 53_477_376;

fn host_port(server: &DeskServer) -> String {
    server.url.trim_start_matches("http://").to_string()
}

fn connect(server: &DeskServer) -> TcpStream {
    let stream = TcpStream::connect(host_port(server)).expect("connect to the desk");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
}

/// Headers of a create claiming `length` bytes, then the first byte of the body, and nothing more.
fn start_upload(server: &DeskServer, token: &str, length: usize) -> TcpStream {
    let mut stream = connect(server);
    write!(
        stream,
        "POST /v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n{{"
    )
    .unwrap();
    stream
}

/// Read until the desk closes the connection, as text. The socket's read timeout (20 s) passing
/// first means the desk kept it open: that fails the test, so no test needs a clock of its own.
fn read_all(stream: &mut TcpStream) -> String {
    let mut bytes = Vec::new();
    if let Err(error) = stream.read_to_end(&mut bytes) {
        assert!(
            !matches!(
                error.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ),
            "the desk kept the connection open for 20 s; read so far: {}",
            String::from_utf8_lossy(&bytes)
        );
    }
    String::from_utf8_lossy(&bytes).to_string()
}

fn create(client: &Client, server: &DeskServer, token: &str, order: &str) -> StatusCode {
    client
        .post(server.at("/v1/tickets"))
        .bearer_auth(token)
        .json(&ticket_json(STORE_B, order))
        .send()
        .expect("create")
        .status()
}

#[test]
fn sixteen_stalled_uploads_of_one_store_block_no_other_create_and_are_cut_off() {
    let env = TestEnv::new();
    let attacker = env.desk_token(STORE_A);
    let merchant = env.desk_token(STORE_B);
    let server = env.serve_desk_flags(&["--body-timeout", "2s"]);
    let held: Vec<TcpStream> = (0..16)
        .map(|_| start_upload(&server, &attacker, CLAIMED))
        .collect();
    // Chunked bodies that never end, too.
    let chunked: Vec<TcpStream> = (0..16)
        .map(|_| {
            let mut stream = connect(&server);
            write!(
                stream,
                "POST /v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {attacker}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{{\r\n"
            )
            .unwrap();
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));

    let client = Client::new();
    assert_eq!(
        create(&client, &server, &merchant, "1052"),
        StatusCode::CREATED
    );
    // The attacking store's own ordinary creates still go through as well.
    let own = client
        .post(server.at("/v1/tickets"))
        .bearer_auth(&attacker)
        .json(&ticket_json(STORE_A, "7"))
        .send()
        .unwrap();
    assert_eq!(own.status(), StatusCode::CREATED);

    // Every stalled body is answered 408 and its connection closed once the body timeout passes.
    for mut stream in held.into_iter().chain(chunked) {
        let answer = read_all(&mut stream);
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(answer.contains("stopped arriving"), "{answer}");
    }
}

#[test]
fn one_token_has_at_most_four_large_uploads_at_once_and_small_bodies_are_not_capped() {
    let env = TestEnv::new();
    let uploader = env.desk_token(STORE_A);
    let other = env.desk_token(STORE_B);
    let server = env.serve_desk_flags(&["--body-timeout", "5s"]);
    let chunk = vec![b' '; 1024 * 1024 + 1024];
    let mut large: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut stream = start_upload(&server, &uploader, CLAIMED);
            stream.write_all(&chunk).unwrap();
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut fifth = start_upload(&server, &uploader, CLAIMED);
    // The desk may answer and close before it has read all of this: a failed write is fine.
    let _ = fifth.write_all(&chunk);
    let answer = read_all(&mut fifth);
    assert!(answer.starts_with("HTTP/1.1 429"), "{answer}");
    assert!(answer.contains("per token"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("retry-after: 1"),
        "{answer}"
    );

    // Another store's large upload is taken while those four are held.
    let mut theirs = start_upload(&server, &other, 2 * 1024 * 1024);
    theirs.write_all(&chunk).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    // And 64 small JSON creates at once with the uploading token are all answered.
    let client = Client::new();
    let statuses: Vec<StatusCode> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..64)
            .map(|i| {
                let client = &client;
                let server = &server;
                let uploader = &uploader;
                scope.spawn(move || {
                    client
                        .post(server.at("/v1/tickets"))
                        .bearer_auth(uploader)
                        .json(&ticket_json(STORE_A, &format!("{}", 100 + i)))
                        .send()
                        .unwrap()
                        .status()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(
        statuses.iter().all(|s| *s == StatusCode::CREATED),
        "{statuses:?}"
    );
    drop(theirs);
    large.clear();
}

#[test]
fn idle_and_header_trickling_connections_are_closed() {
    let env = TestEnv::new();
    let server = env.serve_desk_flags(&["--header-timeout", "1s", "--idle-timeout", "1s"]);
    // Silent from the start.
    let mut silent: Vec<TcpStream> = (0..50).map(|_| connect(&server)).collect();
    // A request line that never ends, a byte at a time.
    let mut trickling: Vec<TcpStream> = (0..50).map(|_| connect(&server)).collect();
    // A kept-alive connection that goes quiet after one request.
    let mut kept = connect(&server);
    write!(kept, "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut first = [0u8; 12];
    kept.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    for stream in &mut trickling {
        stream.write_all(b"GET /v1/hea").unwrap();
    }
    for _ in 0..4 {
        std::thread::sleep(Duration::from_millis(200));
        for stream in &mut trickling {
            let _ = stream.write_all(b"l");
        }
    }
    for stream in silent.iter_mut().chain(trickling.iter_mut()) {
        // Closed by the desk: read returns 0 bytes (or a 408 and then 0), never the timeout.
        let answer = read_all(stream);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );
    }
    let rest = read_all(&mut kept);
    assert!(
        !rest.contains("HTTP/1.1 200"),
        "only the first answer: {rest}"
    );
}

#[cfg(unix)]
#[test]
fn sigterm_exits_within_the_shutdown_deadline_despite_a_half_sent_request() {
    let env = TestEnv::new();
    let server = env.serve_desk_flags(&["--shutdown-timeout", "1s", "--header-timeout", "60s"]);
    let mut half = connect(&server);
    half.write_all(b"GET /v1/heal").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let status = server.terminate();
    let took = started.elapsed();
    assert!(status.success(), "{status:?}");
    // Well before the 60 s header timeout could have closed it: the shutdown deadline did.
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[test]
fn a_token_sent_without_bearer_is_not_echoed_in_the_401() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE_B);
    let server = env.serve_desk();
    let response = Client::new()
        .get(server.at("/v1/tickets"))
        .header("Authorization", &token)
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let text = response.text().unwrap();
    assert!(!text.contains(&token), "{text}");
    assert!(!text.contains(&token[4..12]), "{text}");
    assert!(text.contains("Bearer "), "{text}");
}
