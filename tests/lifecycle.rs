//! The merchant CLI against a real `cartsaver-desk serve` on loopback: the whole life of a
//! ticket, store isolation, and the desk's refusals as the merchant sees them.

mod common;

use common::{DeskServer, PNG_BYTES, TestEnv, stderr_of, stdout_of, ticket_flags};

const STORE: &str = "cool-shop.myshopify.com";

/// The merchant CLI pointed at `server` with `token`.
fn merchant(env: &TestEnv, server: &DeskServer, token: &str) -> assert_cmd::Command {
    let mut cli = env.cli();
    cli.env("CARTSAVER_DESK", &server.url)
        .env("CARTSAVER_TOKEN", token);
    cli
}

fn status_json(env: &TestEnv, server: &DeskServer, token: &str, tn: &str) -> serde_json::Value {
    let output = merchant(env, server, token)
        .args(["status", "--json", tn])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "status failed: {}",
        stderr_of(&output)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn a_ticket_lives_from_filing_to_resolution() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();

    let output = merchant(&env, &server, &token)
        .arg("new")
        .args(ticket_flags(STORE, "1052"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let tn = stdout_of(&output).trim().to_string();
    assert!(
        stderr_of(&output).contains(&server.url),
        "says which desk: {}",
        stderr_of(&output)
    );
    assert_eq!(status_json(&env, &server, &token, &tn)["status"], "open");

    let reply = env
        .desk()
        .args([
            "reply",
            &tn,
            "--message",
            "Your SMS sender ID was blocked; fixed now.",
        ])
        .output()
        .unwrap();
    assert!(reply.status.success(), "{}", stderr_of(&reply));
    let ticket = status_json(&env, &server, &token, &tn);
    assert_eq!(ticket["status"], "answered");
    assert_eq!(ticket["messages"][0]["from"], "support");
    assert_eq!(
        ticket["messages"][0]["body"],
        "Your SMS sender ID was blocked; fixed now."
    );

    let output = merchant(&env, &server, &token)
        .args(["reply", &tn, "--message-file", "-"])
        .write_stdin("Still failing for +20 100 123 4567.\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let ticket = status_json(&env, &server, &token, &tn);
    assert_eq!(ticket["status"], "open");
    assert_eq!(ticket["messages"][1]["from"], "merchant");

    let output = merchant(&env, &server, &token)
        .args(["resolve", &tn])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(
        status_json(&env, &server, &token, &tn)["status"],
        "resolved"
    );

    let output = merchant(&env, &server, &token)
        .args(["list", "--json"])
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = stdout_of(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["tracking_number"], tn.as_str());

    let output = merchant(&env, &server, &token)
        .args(["dashboard", "--json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["resolved"], 1);
    assert!(stats["median_first_response_seconds"].is_i64());
}

#[test]
fn another_stores_token_gets_not_found() {
    let env = TestEnv::new();
    let mine = env.desk_token(STORE);
    let theirs = env.desk_token("other-shop.myshopify.com");
    let server = env.serve_desk();
    let output = merchant(&env, &server, &mine)
        .arg("new")
        .args(ticket_flags(STORE, "1052"))
        .output()
        .unwrap();
    let tn = stdout_of(&output).trim().to_string();

    let output = merchant(&env, &server, &theirs)
        .args(["status", &tn])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("not found"),
        "{}",
        stderr_of(&output)
    );
    let output = merchant(&env, &server, &theirs)
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "", "another store's list is empty");
}

#[test]
fn a_bad_token_is_an_auth_failure_with_exit_1() {
    let env = TestEnv::new();
    env.desk_token(STORE);
    let server = env.serve_desk();
    let output = merchant(&env, &server, "cst_not-a-real-token")
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("401") && stderr.contains("token"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ask Cartsaver support") && !stderr.contains("cartsaver-desk token"),
        "a merchant is not told to run a support-side command: {stderr}"
    );
}

#[test]
fn filing_the_same_ticket_again_replays_it() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    let flags = ticket_flags(STORE, "#2001");
    let first = merchant(&env, &server, &token)
        .arg("new")
        .args(&flags)
        .output()
        .unwrap();
    let again = merchant(&env, &server, &token)
        .args(["new", "--json"])
        .args(&flags)
        .output()
        .unwrap();
    assert!(again.status.success(), "{}", stderr_of(&again));
    let value: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(value["tracking_number"], stdout_of(&first).trim());
    assert_eq!(value["replayed"], true);
}

#[test]
fn the_desk_refuses_a_duplicate_and_a_ticket_of_another_store_naming_the_fix() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    let first = merchant(&env, &server, &token)
        .arg("new")
        .args(ticket_flags(STORE, "1052"))
        .output()
        .unwrap();
    let first = stdout_of(&first).trim().to_string();
    let mut other = ticket_flags(STORE, "1052");
    other.extend([
        "--summary".to_string(),
        "Second problem on the same order".to_string(),
    ]);
    let output = merchant(&env, &server, &token)
        .arg("new")
        .args(&other)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains(&first),
        "{}",
        stderr_of(&output)
    );

    let output = merchant(&env, &server, &token)
        .arg("new")
        .args(ticket_flags("someone-else.myshopify.com", "1052"))
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "a token of another store is an auth refusal, exit 1: {}",
        stderr_of(&output)
    );
    let stderr = stderr_of(&output);
    let said = stderr.matches("this store token belongs to").count();
    assert_eq!(said, 1, "said once: {stderr}");
    assert!(
        stderr.contains("ask Cartsaver support for a token") && !stderr.contains("cartsaver-desk"),
        "a merchant is not told to run a support-side command: {stderr}"
    );
}

#[test]
fn screenshots_travel_in_the_same_request() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    let shot = env.write("otp.png", PNG_BYTES);
    let output = merchant(&env, &server, &token)
        .arg("new")
        .args(ticket_flags(STORE, "3003"))
        .args(["--screenshot", shot.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let tn = stdout_of(&output).trim().to_string();
    let ticket = status_json(&env, &server, &token, &tn);
    assert_eq!(ticket["attachments"][0]["name"], "otp.png");
    assert_eq!(ticket["attachments"][0]["size"], PNG_BYTES.len());
}

#[test]
fn an_unreachable_desk_says_so_with_the_cause_and_exit_1() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    let url = server.url.clone();
    drop(server);
    let output = env
        .cli()
        .env("CARTSAVER_DESK", &url)
        .env("CARTSAVER_TOKEN", &token)
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("cannot reach the desk") && stderr.to_lowercase().contains("refused"),
        "{stderr}"
    );
    assert!(stderr.contains("--desk local"), "says what to do: {stderr}");
}

#[test]
fn doctor_checks_the_desk_the_token_and_the_clock() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    let output = merchant(&env, &server, &token)
        .args(["doctor", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["ok"], true);
    let status_of = |report: &serde_json::Value, name: &str| {
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|check| check["check"] == name)
            .map(|check| check["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status_of(&report, "desk").as_deref(), Some("ok"));
    assert_eq!(status_of(&report, "token").as_deref(), Some("ok"));
    assert_eq!(
        status_of(&report, "tls").as_deref(),
        Some("warning"),
        "plain http on loopback"
    );
    assert_eq!(
        status_of(&report, "clock skew").as_deref(),
        Some("ok"),
        "same CARTSAVER_NOW"
    );

    let output = merchant(&env, &server, "cst_revoked0000000000000000000000")
        .args(["doctor", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(status_of(&report, "token").as_deref(), Some("failed"));
}

#[test]
fn doctor_runs_every_check_even_without_a_token() {
    let env = TestEnv::new();
    let server = env.serve_desk();
    let output = env
        .cli()
        .arg("doctor")
        .env("CARTSAVER_DESK", &server.url)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains("answers (version"),
        "health needs no token: {stdout}"
    );
    assert!(stdout.contains("✗ token"), "{stdout}");
    assert!(stdout.contains("ask Cartsaver support"), "{stdout}");
    assert!(
        stdout.contains("clock skew"),
        "the checks after it ran too: {stdout}"
    );
}
