//! Two `cartsaver-desk serve` processes on one database, sent the same work concurrently: the
//! database's rules hold across processes (SPEC §8). On SQLite the two share one file; in the
//! `on_postgres` suite, one PostgreSQL database, which is what several instances behind a load
//! balancer look like.

mod common;

use std::collections::BTreeSet;

use common::{DeskServer, TestEnv, std_command, stderr_of, stdout_of, ticket_json};
use reqwest::StatusCode;
use reqwest::blocking::Client;
use serde_json::Value;

const STORE: &str = "https://cool-shop.myshopify.com";
/// Requests per race: enough to collide, few enough for a 2-core machine.
const RACERS: usize = 16;

struct Desks {
    env: TestEnv,
    desks: [DeskServer; 2],
    token: String,
}

impl Desks {
    fn start() -> Desks {
        let env = TestEnv::new();
        let token = env.desk_token(STORE);
        let desks = [env.serve_desk(), env.serve_desk()];
        Desks { env, desks, token }
    }

    /// The desk request `n` goes to: every other one to each.
    fn url(&self, n: usize, path: &str) -> String {
        self.desks[n % 2].at(path)
    }

    /// Run `send(n)` for n in 0..RACERS on as many threads at once.
    fn race<T: Send>(&self, send: impl Fn(usize) -> T + Sync) -> Vec<T> {
        let barrier = std::sync::Barrier::new(RACERS);
        std::thread::scope(|threads| {
            let handles: Vec<_> = (0..RACERS)
                .map(|n| {
                    let (send, barrier) = (&send, &barrier);
                    threads.spawn(move || {
                        barrier.wait();
                        send(n)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        })
    }

    fn create(
        &self,
        client: &Client,
        n: usize,
        body: &Value,
        key: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut request = client
            .post(self.url(n, "/v1/tickets"))
            .bearer_auth(&self.token)
            .json(body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        let response = request.send().expect("send create");
        let status = response.status();
        (status, response.json().expect("a JSON answer"))
    }

    /// Every ticket of the desk, from `cartsaver-desk tickets list --json`.
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

    fn stats(&self) -> Value {
        Client::new()
            .get(self.url(0, "/v1/stats"))
            .bearer_auth(&self.token)
            .send()
            .unwrap()
            .json()
            .unwrap()
    }
}

#[test]
fn the_same_create_with_one_key_through_both_desks_files_one_ticket() {
    let desks = Desks::start();
    let client = Client::new();
    let body = ticket_json(STORE, "1052");
    let answers = desks.race(|n| desks.create(&client, n, &body, Some("retry-of-row-7")));
    let created: Vec<_> = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .collect();
    let replayed: Vec<_> = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::OK)
        .collect();
    assert_eq!(created.len(), 1, "one 201: {answers:?}");
    assert_eq!(replayed.len(), RACERS - 1, "the rest replays: {answers:?}");
    let numbers: BTreeSet<&str> = answers
        .iter()
        .map(|(_, ticket)| ticket["tracking_number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers.len(), 1, "one ticket: {numbers:?}");
    assert_eq!(desks.tickets().len(), 1);
}

#[test]
fn creates_for_one_order_with_different_keys_file_one_ticket_and_the_rest_are_duplicates() {
    let desks = Desks::start();
    let client = Client::new();
    let body = ticket_json(STORE, "1052");
    let answers = desks.race(|n| desks.create(&client, n, &body, Some(&format!("key-{n}"))));
    let created = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{answers:?}");
    for (status, answer) in answers.iter().filter(|(s, _)| *s != StatusCode::CREATED) {
        assert_eq!(*status, StatusCode::CONFLICT, "{answer}");
        assert_eq!(answer["error"]["code"], "duplicate", "{answer}");
    }
    assert_eq!(desks.tickets().len(), 1);
    let stats = desks.stats();
    assert_eq!(stats["open"], 1, "{stats}");
}

#[test]
fn racing_replies_and_resolves_lose_no_message_and_end_in_a_valid_state() {
    let desks = Desks::start();
    let client = Client::new();
    let (status, ticket) = desks.create(&client, 0, &ticket_json(STORE, "1052"), None);
    assert_eq!(status, StatusCode::CREATED, "{ticket}");
    let tn = ticket["tracking_number"].as_str().unwrap().to_string();
    let answers = desks.race(|n| {
        let request = if n % 4 == 3 {
            client.post(desks.url(n, &format!("/v1/tickets/{tn}/resolve")))
        } else {
            client
                .post(desks.url(n, &format!("/v1/tickets/{tn}/messages")))
                .json(&serde_json::json!({ "body": format!("follow-up {n}") }))
        };
        request.bearer_auth(&desks.token).send().unwrap().status()
    });
    assert!(answers.iter().all(StatusCode::is_success), "{answers:?}");
    // And support answering from the engineer's machine at the same time as the merchant.
    let reply = desks
        .env
        .desk()
        .args(["reply", &tn, "--message", "looking at it"])
        .output()
        .unwrap();
    assert!(reply.status.success(), "{}", stderr_of(&reply));

    let shown: Value = client
        .get(desks.url(1, &format!("/v1/tickets/{tn}")))
        .bearer_auth(&desks.token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    let bodies: BTreeSet<&str> = shown["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    let sent = (0..RACERS).filter(|n| n % 4 != 3).count();
    assert_eq!(
        bodies.len(),
        sent + 1,
        "every message kept once: {bodies:?}"
    );
    assert_eq!(shown["status"], "answered", "support's reply came last");
    // The counts moved with every change: exactly one ticket, in its final status.
    let stats = desks.stats();
    let total = ["open", "answered", "resolved"]
        .iter()
        .map(|s| stats[s].as_u64().unwrap())
        .sum::<u64>();
    assert_eq!((total, stats["answered"].as_u64()), (1, Some(1)), "{stats}");
}

#[test]
fn a_bulk_file_sent_through_both_desks_at_once_files_every_row_once() {
    let desks = Desks::start();
    let rows = 40;
    let mut csv = String::from("store,order,phone,channel,at,tried,email,plan\n");
    for order in 0..rows {
        csv.push_str(&format!(
            "cool-shop.myshopify.com,{},+201001234567,whatsapp,2026-11-20T14:03:00Z,resent the OTP,owner@cool-shop.com,advanced\n",
            20001 + order
        ));
    }
    let file = desks.env.write("tickets.csv", csv);
    let runs: Vec<_> = desks
        .desks
        .iter()
        .map(|desk| {
            let mut command = desks.env.cli();
            command
                .env("CARTSAVER_DESK", &desk.url)
                .env("CARTSAVER_TOKEN", &desks.token)
                .args(["bulk", "--json"])
                .arg(&file);
            std_command(&command)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let output = run.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
    }
    let tickets = desks.tickets();
    let orders: BTreeSet<&str> = tickets
        .iter()
        .map(|t| t["order"].as_str().unwrap())
        .collect();
    assert_eq!(tickets.len(), rows, "every row once");
    assert_eq!(orders.len(), rows);
}
