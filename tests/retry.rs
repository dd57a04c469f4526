//! The HTTP client's retries (src/client/http.rs), seen from the merchant CLI through a
//! fault-injecting proxy in front of a real `cartsaver-desk serve`: a create whose answer was
//! lost is sent again with the same `Idempotency-Key` and replayed; a 503 is waited out as its
//! `Retry-After` asks, a few times at most; a reply that may have reached the desk is never sent
//! twice.

mod common;

use std::time::Duration;

use common::proxy::{Exchange, Fault, FaultProxy};
use common::{DeskServer, TestEnv, is_tracking_number, stderr_of, stdout_of, ticket_flags};
use serde_json::Value;

const STORE: &str = "cool-shop.myshopify.com";

struct Setup {
    env: TestEnv,
    server: DeskServer,
    token: String,
}

impl Setup {
    fn start() -> Setup {
        let env = TestEnv::new();
        let token = env.desk_token(STORE);
        let server = env.serve_desk();
        Setup { env, server, token }
    }

    /// The merchant CLI pointed at `desk` (the proxy's URL, or the desk's own).
    fn merchant(&self, desk: &str) -> assert_cmd::Command {
        let mut cli = self.env.cli();
        cli.env("CARTSAVER_DESK", desk)
            .env("CARTSAVER_TOKEN", &self.token);
        cli
    }

    /// `new --json` for `order` through `desk`.
    fn file(&self, desk: &str, order: &str) -> std::process::Output {
        self.merchant(desk)
            .args(["--json", "new"])
            .args(ticket_flags(STORE, order))
            .output()
            .unwrap()
    }

    /// Every ticket the desk's database holds.
    fn tickets(&self) -> Vec<Value> {
        let output = self
            .env
            .desk()
            .args(["--json", "tickets", "list"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        stdout_of(&output)
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    /// `status --json TN`, straight from the desk.
    fn status(&self, tracking_number: &str) -> Value {
        let output = self
            .merchant(&self.server.url)
            .args(["--json", "status", tracking_number])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        serde_json::from_slice(&output.stdout).unwrap()
    }
}

/// A rule that applies `first` to the first request matching `which`, and forwards the rest.
fn first_one(
    which: fn(&Exchange) -> bool,
    first: Fault,
) -> impl FnMut(&Exchange) -> Fault + Send + 'static {
    let mut done = false;
    move |exchange| {
        if !done && which(exchange) {
            done = true;
            first.clone()
        } else {
            Fault::Forward
        }
    }
}

fn idempotency_keys(creates: &[Exchange]) -> Vec<&str> {
    creates
        .iter()
        .map(|create| create.header("idempotency-key").expect("a keyed create"))
        .collect()
}

#[test]
fn a_create_whose_answer_was_lost_is_sent_again_with_its_key_and_replayed() {
    let setup = Setup::start();
    let proxy = FaultProxy::start(
        &setup.server.url,
        first_one(Exchange::is_create, Fault::LoseAnswer),
    );

    let output = setup.file(&proxy.url, "#2001");
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let filed: Value = serde_json::from_slice(&output.stdout).unwrap();

    let creates = proxy.seen(Exchange::is_create);
    assert_eq!(creates.len(), 2, "sent once, then once more: {creates:#?}");
    let keys = idempotency_keys(&creates);
    assert!(!keys[0].is_empty());
    assert_eq!(keys[0], keys[1], "the same key both times");
    // The desk filed the ticket the first time; the merchant never saw that answer.
    let (status, _) = creates[0].answer.as_ref().unwrap();
    assert_eq!(*status, 201);
    let lost = creates[0].answer_json()["tracking_number"].clone();
    assert!(is_tracking_number(lost.as_str().unwrap()), "{lost}");

    assert_eq!(filed["tracking_number"], lost, "the same ticket, replayed");
    assert_eq!(filed["replayed"], true);
    assert_eq!(setup.tickets().len(), 1, "one ticket on the desk");
}

#[test]
fn a_503_is_waited_out_as_retry_after_asks_then_sent_again() {
    let setup = Setup::start();
    let proxy = FaultProxy::start(
        &setup.server.url,
        first_one(Exchange::is_create, Fault::unavailable(1)),
    );

    let output = setup.file(&proxy.url, "#2002");
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let filed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(filed["replayed"], false, "the 503 never reached the desk");

    let creates = proxy.seen(Exchange::is_create);
    assert_eq!(creates.len(), 2, "{creates:#?}");
    let keys = idempotency_keys(&creates);
    assert_eq!(keys[0], keys[1]);
    assert!(creates[0].answer.is_none(), "the proxy answered the first");
    // A lower bound, so it cannot flake: without Retry-After the first wait is 0.5 s.
    let waited = creates[1].at - creates[0].at;
    assert!(
        waited >= Duration::from_secs(1),
        "Retry-After: 1 honoured, waited {waited:?}"
    );
    assert_eq!(setup.tickets().len(), 1);
}

#[test]
fn a_desk_that_stays_unavailable_is_tried_three_times_then_the_cli_fails() {
    let setup = Setup::start();
    // Retry-After: 0 keeps the test fast; the attempts are what is counted.
    let proxy = FaultProxy::start(&setup.server.url, |exchange: &Exchange| {
        if exchange.is_create() {
            Fault::unavailable(0)
        } else {
            Fault::Forward
        }
    });

    let output = setup.file(&proxy.url, "#2003");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("503"), "names the status: {stderr}");
    assert_eq!(stdout_of(&output), "");
    let creates = proxy.seen(Exchange::is_create);
    assert_eq!(creates.len(), 3, "three attempts: {creates:#?}");
    let keys = idempotency_keys(&creates);
    assert!(keys.iter().all(|key| *key == keys[0]));
    assert!(setup.tickets().is_empty());
}

/// File a ticket straight to the desk; its tracking number.
fn filed_directly(setup: &Setup, order: &str) -> String {
    let output = setup.file(&setup.server.url, order);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let filed: Value = serde_json::from_slice(&output.stdout).unwrap();
    filed["tracking_number"].as_str().unwrap().to_string()
}

#[test]
fn a_reply_whose_answer_was_lost_is_not_sent_again_and_the_cli_fails() {
    let setup = Setup::start();
    let tn = filed_directly(&setup, "#2004");
    let proxy = FaultProxy::start(
        &setup.server.url,
        first_one(Exchange::is_reply, Fault::LoseAnswer),
    );

    let output = setup
        .merchant(&proxy.url)
        .args(["reply", &tn, "--message", "Still no OTP for the customer."])
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&proxy.url), "names the desk: {stderr}");
    assert!(
        stderr.contains(&format!("status {tn}")),
        "says to check first: {stderr}"
    );

    let replies = proxy.seen(Exchange::is_reply);
    assert_eq!(replies.len(), 1, "never sent twice: {replies:#?}");
    let (status, _) = replies[0].answer.as_ref().unwrap();
    assert!((200..300).contains(status), "the desk took it: {status}");
    let messages = setup.status(&tn)["messages"].as_array().unwrap().clone();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert_eq!(messages[0]["body"], "Still no OTP for the customer.");
}

#[test]
fn a_reply_answered_503_is_not_sent_again() {
    // The 503 may come from a gateway that passed the message on: a reply carries no key, so
    // it is not repeated, even though here the desk never saw it.
    let setup = Setup::start();
    let tn = filed_directly(&setup, "#2005");
    let proxy = FaultProxy::start(
        &setup.server.url,
        first_one(Exchange::is_reply, Fault::unavailable(0)),
    );

    let output = setup
        .merchant(&proxy.url)
        .args(["reply", &tn, "--message", "Any news?"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert_eq!(proxy.seen(Exchange::is_reply).len(), 1);
    assert!(setup.status(&tn)["messages"].as_array().unwrap().is_empty());
}

#[test]
fn a_desk_that_never_answers_costs_the_http_timeout_and_a_rerun_is_a_replay() {
    let setup = Setup::start();
    let proxy = FaultProxy::start(&setup.server.url, |_| Fault::Hold);
    let started = std::time::Instant::now();
    let output = setup
        .merchant(&proxy.url)
        .args(["--http-timeout", "3s", "--json", "new"])
        .args(ticket_flags(STORE, "#3001"))
        .output()
        .unwrap();
    let took = started.elapsed();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(
        took < Duration::from_secs(10),
        "bounded by the deadline: {took:?}"
    );
    assert!(stderr.contains("may have been filed"), "{stderr}");
    assert!(
        stderr.contains("running the same command again is safe"),
        "{stderr}"
    );
    assert!(stderr.contains("--http-timeout 3 s"), "{stderr}");
    // The held creates reach the desk after all; running the same command again replays.
    proxy.release();
    proxy.wait_until("the held creates answered", |log, held| {
        held == 0 && log.iter().all(|e| e.answer.is_some())
    });
    let again = setup.file(&setup.server.url, "#3001");
    assert_eq!(again.status.code(), Some(0), "{}", stderr_of(&again));
    let filed: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(filed["replayed"], true);
    assert_eq!(setup.tickets().len(), 1);
}

#[test]
fn the_environment_sets_the_deadline_and_a_bad_one_is_refused_naming_it() {
    let setup = Setup::start();
    let output = setup
        .merchant(&setup.server.url)
        .env("CARTSAVER_HTTP_TIMEOUT", "soon")
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("CARTSAVER_HTTP_TIMEOUT `soon` is not a duration"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn an_answer_larger_than_any_desk_gives_is_refused_without_reading_it_whole() {
    let setup = Setup::start();
    let tn = filed_directly(&setup, "#3002");
    let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(9 * 1024 * 1024));
    let answer = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{huge}"
    );
    let proxy = FaultProxy::start(&setup.server.url, move |_| Fault::Answer(answer.clone()));
    let output = setup
        .merchant(&proxy.url)
        .args(["status", &tn])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("larger than 8 MiB"), "{stderr}");
}
