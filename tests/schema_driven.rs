//! The served desk driven from `docs/openapi.yaml` by schemathesis (from PyPI): every operation
//! with examples, boundary values, fuzzed and stateful sequences (create → get, message,
//! resolve through the schema's links). It checks that the desk never answers 5xx, that every
//! answer fits the schema (status, content type, headers, body), and, from the recorded
//! exchanges, that every operation was accepted (2xx) at least once, so the schema really
//! describes what the desk takes. The schema's example tracking number is replaced, in a copy,
//! by one of a ticket filed first: the examples then reach a real ticket on every route.
//!
//! Needs schemathesis: `CARTSAVER_SCHEMATHESIS=/path/to/schemathesis`, or `schemathesis` on PATH
//! (`.ci/run` installs it in a venv). Without it the test says so and passes, unless
//! `CARTSAVER_REQUIRE_SCHEMATHESIS=1` (set by CI), when it fails.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{TestEnv, stderr_of, stdout_of};

fn schemathesis() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CARTSAVER_SCHEMATHESIS") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("schemathesis"))
        .find(|candidate| candidate.is_file())
}

/// `POST /v1/tickets/CS-…/messages` → `POST /v1/tickets/{tn}/messages`.
fn operation(method: &str, url: &str) -> String {
    let path = url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or(url);
    let path = path.split('?').next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    let template: Vec<&str> = segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == 3 && segments[2] == "tickets" {
                "{tn}"
            } else {
                s
            }
        })
        .collect();
    format!("{method} {}", template.join("/"))
}

#[test]
fn the_desk_answers_what_its_schema_says_and_accepts_every_operation() {
    let Some(tool) = schemathesis() else {
        let required = std::env::var("CARTSAVER_REQUIRE_SCHEMATHESIS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "CARTSAVER_REQUIRE_SCHEMATHESIS=1 but schemathesis was not found"
        );
        eprintln!(
            "skipped: schemathesis is not installed; run `python3 -m venv .venv && .venv/bin/pip install schemathesis` and set CARTSAVER_SCHEMATHESIS=.venv/bin/schemathesis (CI does)"
        );
        return;
    };
    let env = TestEnv::new();
    let token = env.desk_token("cool-shop.myshopify.com");
    let server = env.serve_desk();
    let filed: serde_json::Value = reqwest::blocking::Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .json(&common::ticket_json("cool-shop.myshopify.com", "7"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let tn = filed["tracking_number"]
        .as_str()
        .expect("a tracking number");
    let har = env.path("exchanges.har");
    let original = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/openapi.yaml"),
    )
    .unwrap();
    assert!(original.contains("examples: [CS-7KQ-2M4-X9C]"));
    let schema = env.write(
        "openapi.yaml",
        original.replace("examples: [CS-7KQ-2M4-X9C]", &format!("examples: [{tn}]")),
    );
    let output = env
        .std_command(&tool)
        .arg("run")
        .arg(&schema)
        .args(["--url", &server.url])
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance",
        ])
        // Revoking the caller's token (`logout`) would end the run's own token halfway; it is
        // tested end to end in tests/login.rs.
        .args(["--exclude-name", "DELETE /v1/token"])
        .args(["--max-examples", "25", "--workers", "1", "--max-time", "60"])
        .args(["--seed", "20261201", "--no-color", "--report", "har"])
        .arg("--report-har-path")
        .arg(&har)
        .output()
        .expect("run schemathesis");
    let report = format!("{}\n{}", stdout_of(&output), stderr_of(&output));
    assert!(
        output.status.success(),
        "schemathesis found problems:\n{report}"
    );

    let har: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&har).expect("the HAR report")).unwrap();
    let mut accepted: BTreeMap<String, usize> = BTreeMap::new();
    for entry in har["log"]["entries"].as_array().expect("HAR entries") {
        let status = entry["response"]["status"].as_u64().unwrap_or(0);
        let name = operation(
            entry["request"]["method"].as_str().unwrap_or(""),
            entry["request"]["url"].as_str().unwrap_or(""),
        );
        if (200..300).contains(&status) {
            *accepted.entry(name).or_default() += 1;
        }
    }
    for expected in [
        "POST /v1/tickets",
        "GET /v1/tickets",
        "GET /v1/tickets/{tn}",
        "POST /v1/tickets/{tn}/messages",
        "POST /v1/tickets/{tn}/resolve",
        "GET /v1/stats",
        "GET /v1/health",
        "GET /v1/ready",
        "GET /v1/calendar",
    ] {
        assert!(
            accepted.get(expected).is_some_and(|n| *n > 0),
            "{expected} was never accepted; accepted: {accepted:?}\n{report}"
        );
    }
    eprintln!("accepted per operation: {accepted:?}");
}

#[test]
fn request_urls_are_named_by_their_operation() {
    assert_eq!(
        operation(
            "POST",
            "http://127.0.0.1:1/v1/tickets/CS-7KQ-2M4-X9C/messages"
        ),
        "POST /v1/tickets/{tn}/messages"
    );
    assert_eq!(
        operation("GET", "http://127.0.0.1:1/v1/tickets?status=open"),
        "GET /v1/tickets"
    );
    assert_eq!(
        operation("GET", "http://127.0.0.1:1/v1/stats"),
        "GET /v1/stats"
    );
}
