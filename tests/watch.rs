//! `watch` against the real desk: started in the background, it prints support's reply and
//! exits 0 within a few seconds of `cartsaver-desk reply` (another process writing the same
//! database: the long poll sees it there); `--timeout 2s` on a quiet ticket exits 1; the
//! requests it made stay few (counted in the desk's own request log). The long poll on the wire
//! (ETag, If-None-Match, 304). And `watch` on the embedded desk, which watches the local file.
//! Also run on PostgreSQL (`on_postgres.rs`).

mod common;

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{DeskServer, TestEnv, stderr_of, stdout_of, ticket_json};
use reqwest::StatusCode;
use reqwest::blocking::Client;

const STORE: &str = "https://cool-shop.myshopify.com";

/// A served desk logging to `serve.log`, a token and a filed ticket's number.
fn desk_with_ticket(env: &TestEnv) -> (DeskServer, String, String) {
    let token = env.desk_token(STORE);
    let server = env.serve_desk_logged(&[], &env.path("serve.log"));
    let filed: serde_json::Value = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .json(&ticket_json(STORE, "1052"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let tn = filed["tracking_number"].as_str().unwrap().to_string();
    (server, token, tn)
}

/// The requests to `GET /v1/tickets/{tn}` the desk logged.
fn ticket_reads(env: &TestEnv) -> usize {
    std::fs::read_to_string(env.path("serve.log"))
        .unwrap_or_default()
        .lines()
        .filter(|line| line.contains("/v1/tickets/{tn}") && line.contains("GET"))
        .count()
}

fn spawn_watch(env: &TestEnv, desk: &str, token: &str, args: &[&str]) -> Child {
    let mut command = env.std_command(assert_cmd::cargo::cargo_bin("cartsaver-support"));
    command
        .args(["watch", "--desk", desk])
        .args(args)
        .env("CARTSAVER_TOKEN", token)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command.spawn().expect("spawn watch")
}

/// Wait at most `limit` for the child; its output, or a panic naming what is still running.
fn finish_within(child: Child, limit: Duration) -> (std::process::Output, Duration) {
    let start = Instant::now();
    let id = child.id();
    let (done, waited) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    match waited.recv_timeout(limit) {
        Ok(output) => (output.unwrap(), start.elapsed()),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &id.to_string()])
                .status();
            panic!("watch did not exit within {limit:?}");
        }
    }
}

#[test]
fn watch_prints_the_support_reply_and_exits_0_with_few_requests() {
    let env = TestEnv::new();
    let (server, token, tn) = desk_with_ticket(&env);
    let child = spawn_watch(&env, &server.url, &token, &[&tn, "--timeout", "60s"]);
    // Long enough for watch to be waiting in its long poll.
    std::thread::sleep(Duration::from_secs(2));
    env.desk()
        .args([
            "reply",
            &tn,
            "--message",
            "The WhatsApp template was paused; resumed it.",
        ])
        .assert()
        .success();
    let (output, took) = finish_within(child, Duration::from_secs(30));
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(stdout.contains(&tn), "{stdout}");
    assert!(
        stdout.contains("The WhatsApp template was paused"),
        "{stdout}"
    );
    assert!(stderr_of(&output).contains("support answered"));
    assert!(took < Duration::from_secs(20), "{took:?}");
    // The first read, the long poll, and hardly more: nothing near one request a second.
    let reads = ticket_reads(&env);
    assert!((2..=5).contains(&reads), "{reads} reads of the ticket");
}

#[test]
fn watch_json_prints_the_changed_ticket_on_a_status_change() {
    let env = TestEnv::new();
    let (server, token, tn) = desk_with_ticket(&env);
    let child = spawn_watch(&env, &server.url, &token, &[&tn, "--json"]);
    std::thread::sleep(Duration::from_secs(2));
    env.desk()
        .args(["set-status", &tn, "resolved"])
        .assert()
        .success();
    let (output, _) = finish_within(child, Duration::from_secs(30));
    assert!(output.status.success(), "{}", stderr_of(&output));
    let view: serde_json::Value = serde_json::from_str(stdout_of(&output).trim()).unwrap();
    assert_eq!(view["tracking_number"], tn.as_str());
    assert_eq!(view["status"], "resolved");
}

#[test]
fn watch_with_a_timeout_on_a_quiet_ticket_exits_1() {
    let env = TestEnv::new();
    let (server, token, tn) = desk_with_ticket(&env);
    let child = spawn_watch(&env, &server.url, &token, &[&tn, "--timeout", "2s"]);
    let (output, took) = finish_within(child, Duration::from_secs(30));
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "");
    assert!(
        stderr_of(&output).contains("no answer from support"),
        "{}",
        stderr_of(&output)
    );
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(20),
        "{took:?}"
    );
    assert!(ticket_reads(&env) <= 3, "{} reads", ticket_reads(&env));
}

#[test]
fn watch_refuses_mistyped_numbers_and_timeouts_together() {
    let env = TestEnv::new();
    let out = env
        .cli()
        .args(["watch", "CS-000-000-001", "--timeout", "soon"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("--timeout `soon`") && err.contains("CS-000-000-001"),
        "{err}"
    );
}

#[test]
fn the_long_poll_answers_304_when_unchanged_and_the_ticket_when_it_changes() {
    let env = TestEnv::new();
    let (server, token, tn) = desk_with_ticket(&env);
    let client = Client::new();
    let first = client
        .get(server.at(&format!("/v1/tickets/{tn}")))
        .bearer_auth(&token)
        .send()
        .unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let start = Instant::now();
    let unchanged = client
        .get(server.at(&format!("/v1/tickets/{tn}?wait=1s")))
        .bearer_auth(&token)
        .header("if-none-match", &etag)
        .send()
        .unwrap();
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);
    assert!(start.elapsed() >= Duration::from_millis(900));
    assert_eq!(unchanged.headers()["etag"].to_str().unwrap(), etag);

    let held = {
        let (url, token, etag) = (
            server.at(&format!("/v1/tickets/{tn}?wait=30s")),
            token.clone(),
            etag.clone(),
        );
        std::thread::spawn(move || {
            let response = Client::new()
                .get(url)
                .bearer_auth(token)
                .header("if-none-match", etag)
                .send()
                .unwrap();
            let tag = response.headers()["etag"].to_str().unwrap().to_string();
            (
                response.status(),
                tag,
                response.text().unwrap(),
                Instant::now(),
            )
        })
    };
    std::thread::sleep(Duration::from_secs(1));
    let replied_at = Instant::now();
    env.desk()
        .args(["reply", &tn, "--message", "looking into it"])
        .assert()
        .success();
    let (status, tag, body, answered_at) = held.join().unwrap();
    assert_eq!(status, StatusCode::OK);
    assert_ne!(tag, etag);
    assert!(body.contains("looking into it"));
    assert!(answered_at.duration_since(replied_at) < Duration::from_secs(10));

    let bad = client
        .get(server.at(&format!("/v1/tickets/{tn}?wait=soon")))
        .bearer_auth(&token)
        .send()
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn watch_on_the_embedded_desk_sees_a_reply_written_to_the_local_file() {
    let env = TestEnv::new();
    let db = env.desk_db();
    let local = format!("local:{}", db.display());
    let mut flags = common::ticket_flags(STORE, "1052");
    flags.extend(["--desk".to_string(), local.clone()]);
    let filed = env.cli().arg("new").args(&flags).output().unwrap();
    assert!(filed.status.success(), "{}", stderr_of(&filed));
    let tn = stdout_of(&filed).trim().to_string();
    let child = spawn_watch(&env, &local, "", &[&tn, "--timeout", "60s"]);
    std::thread::sleep(Duration::from_secs(2));
    env.command("cartsaver-desk")
        .arg("--db")
        .arg(&db)
        .args(["reply", &tn, "--message", "answered on this machine"])
        .assert()
        .success();
    let (output, _) = finish_within(child, Duration::from_secs(30));
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stdout_of(&output).contains("answered on this machine"));
}

#[test]
fn a_long_poll_on_one_desk_process_sees_a_change_made_through_another() {
    let env = TestEnv::new();
    let (first, token, tn) = desk_with_ticket(&env);
    let second = env.serve_desk();
    let etag = Client::new()
        .get(first.at(&format!("/v1/tickets/{tn}")))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .headers()["etag"]
        .to_str()
        .unwrap()
        .to_string();
    let held = {
        let (url, token) = (
            first.at(&format!("/v1/tickets/{tn}?wait=30s")),
            token.clone(),
        );
        std::thread::spawn(move || {
            let response = Client::new()
                .get(url)
                .bearer_auth(token)
                .header("if-none-match", etag)
                .send()
                .unwrap();
            (response.status(), response.text().unwrap())
        })
    };
    std::thread::sleep(Duration::from_secs(1));
    let sent = Client::new()
        .post(second.at(&format!("/v1/tickets/{tn}/messages")))
        .bearer_auth(&token)
        .json(&serde_json::json!({"body": "sent through the other instance"}))
        .send()
        .unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    let (status, body) = held.join().unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("sent through the other instance"), "{body}");
}

#[test]
fn a_busy_desk_is_asked_again_after_its_retry_after_not_at_once() {
    use common::proxy::{Exchange, Fault, FaultProxy};

    let env = TestEnv::new();
    let (server, token, tn) = desk_with_ticket(&env);
    let mut busy = 2;
    let proxy = FaultProxy::start(&server.url, move |exchange: &Exchange| {
        if exchange.path.contains("wait=") && busy > 0 {
            busy -= 1;
            Fault::unavailable(1)
        } else {
            Fault::Forward
        }
    });
    let child = spawn_watch(&env, &proxy.url, &token, &[&tn, "--timeout", "60s"]);
    std::thread::sleep(Duration::from_secs(1));
    env.desk()
        .args(["reply", &tn, "--message", "back after the rush"])
        .assert()
        .success();
    let (output, _) = finish_within(child, Duration::from_secs(45));
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stdout_of(&output).contains("back after the rush"));
    // Two busy answers, each waited out with backoff (≥ 4 s with jitter) before asking again.
    let polls: Vec<Exchange> = proxy.seen(|e| e.path.contains("wait="));
    assert!(polls.len() <= 4, "{} polls", polls.len());
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_a_watch_with_130_and_no_words() {
    let env = TestEnv::new();
    let (server, token, tn) = desk_with_ticket(&env);
    let child = spawn_watch(&env, &server.url, &token, &[&tn]);
    std::thread::sleep(Duration::from_millis(1500));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let (output, _) = finish_within(child, Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(130), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "");
    let err = stderr_of(&output);
    assert!(
        !err.contains("error") && !err.contains("interrupted"),
        "{err}"
    );
}

#[test]
fn watching_several_tickets_ends_with_the_one_support_answered() {
    let env = TestEnv::new();
    let (server, token, first) = desk_with_ticket(&env);
    let second: serde_json::Value = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .json(&ticket_json(STORE, "1053"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let second = second["tracking_number"].as_str().unwrap().to_string();
    let child = spawn_watch(&env, &server.url, &token, &[&first, &second, "--json"]);
    std::thread::sleep(Duration::from_secs(2));
    env.desk()
        .args(["reply", &second, "--message", "on the second one"])
        .assert()
        .success();
    let (output, _) = finish_within(child, Duration::from_secs(30));
    assert!(output.status.success(), "{}", stderr_of(&output));
    let view: serde_json::Value = serde_json::from_str(stdout_of(&output).trim()).unwrap();
    assert_eq!(view["tracking_number"], second.as_str());
}
