//! `cartsaver-desk` as a support engineer uses it: tokens, the ticket list, replies and status
//! changes, against the same database a real served desk uses.

mod common;

use cartsaver::api::{Author, Status, TicketSummary, TicketView};
use common::{TestEnv, stderr_of, stdout_of, ticket_json};
use reqwest::StatusCode;
use reqwest::blocking::Client;

const STORE: &str = "https://cool-shop.myshopify.com";

/// File a ticket through the served API and return it.
fn file(env: &TestEnv, token: &str, order: &str) -> TicketView {
    file_for(env, token, STORE, order)
}

fn file_for(env: &TestEnv, token: &str, store: &str, order: &str) -> TicketView {
    let server = env.serve_desk();
    let response = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(token)
        .json(&ticket_json(store, order))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().unwrap()
}

fn list_json(env: &TestEnv, extra: &[&str]) -> Vec<TicketSummary> {
    let output = env
        .desk()
        .args(["tickets", "list", "--json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    stdout_of(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

#[test]
fn token_create_prints_the_token_alone_and_revoke_makes_it_401() {
    let env = TestEnv::new();
    let token = env.desk_token("cool-shop.myshopify.com/admin");
    assert!(token.len() >= 20 && !token.contains(' '), "{token}");
    let server = env.serve_desk();
    let stats = |token: &str| {
        Client::new()
            .get(server.at("/v1/stats"))
            .bearer_auth(token)
            .send()
            .unwrap()
            .status()
    };
    assert_eq!(stats(&token), StatusCode::OK);

    env.desk()
        .args(["token", "revoke", &token])
        .assert()
        .success();
    assert_eq!(stats(&token), StatusCode::UNAUTHORIZED);

    let again = env
        .desk()
        .args(["token", "revoke", &token])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr_of(&again).contains("no active token"),
        "{}",
        stderr_of(&again)
    );
    assert!(
        !stderr_of(&again).contains(&token),
        "the token is not echoed in full"
    );
}

#[test]
fn token_create_refuses_a_bad_store_with_exit_2_naming_it() {
    let env = TestEnv::new();
    let output = env
        .desk()
        .args([
            "token",
            "create",
            "--store",
            "ftp://cool-shop.myshopify.com",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout_of(&output).is_empty());
    assert!(
        stderr_of(&output).contains("ftp://cool-shop.myshopify.com"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn reply_answers_the_ticket_and_set_status_changes_it() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let ticket = file(&env, &token, "1052");
    let tn = ticket.tracking_number.to_string();

    let output = env
        .desk()
        .args([
            "reply",
            &tn,
            "--message",
            "Your WhatsApp sender was paused; it is back now.",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), format!("{tn} answered\n"));

    let output = env
        .desk()
        .args(["--json", "reply", &tn.to_lowercase(), "--message-file", "-"])
        .write_stdin("A second note.\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let view: TicketView = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(view.status, Status::Answered);
    assert_eq!(view.messages.len(), 2);
    assert!(view.messages.iter().all(|m| m.from == Author::Support));

    // The merchant sees the answer through the API.
    let server = env.serve_desk();
    let seen: TicketView = Client::new()
        .get(server.at(&format!("/v1/tickets/{tn}")))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(seen.status, Status::Answered);
    drop(server);

    let output = env
        .desk()
        .args(["set-status", &tn, "resolved"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), format!("{tn} resolved\n"));
    assert_eq!(list_json(&env, &["--status", "resolved"]).len(), 1);
}

#[test]
fn reply_and_set_status_refuse_bad_input_with_exit_2_and_unknown_tickets_with_1() {
    let env = TestEnv::new();
    let output = env
        .desk()
        .args(["set-status", "CS-7KQ-2M4-X9C", "closed"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("open, answered, resolved"),
        "{}",
        stderr_of(&output)
    );

    let output = env
        .desk()
        .args(["reply", "CS-7KQ-2M4-X9D", "--message", "hi"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("typo"), "{stderr}");
    assert!(
        stderr.contains("`cartsaver-desk tickets list`") && !stderr.contains("cartsaver-support"),
        "support is pointed to the desk's own list: {stderr}"
    );

    let output = env
        .desk()
        .args(["reply", "CS-7KQ-2M4-X9C", "--message", "hi"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("CS-7KQ-2M4-X9C"),
        "{}",
        stderr_of(&output)
    );

    let output = env
        .desk()
        .args(["reply", "CS-7KQ-2M4-X9C"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "clap refuses a reply without a message"
    );
}

#[test]
fn tickets_list_prints_json_lines_or_a_table_and_filters() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let first = file(&env, &token, "1052");
    let second = file(&env, &token, "1053");
    let other_token = env.desk_token("other-shop.myshopify.com");
    file_for(&env, &other_token, "https://other-shop.myshopify.com", "7");

    let all = list_json(&env, &[]);
    assert_eq!(all.len(), 3);
    let ours = list_json(&env, &["--store", "cool-shop.myshopify.com"]);
    let numbers: Vec<_> = ours.iter().map(|t| t.tracking_number).collect();
    assert_eq!(ours.len(), 2);
    assert!(numbers.contains(&first.tracking_number) && numbers.contains(&second.tracking_number));
    assert_eq!(list_json(&env, &["--limit", "1"]).len(), 1);

    env.desk()
        .args([
            "reply",
            &first.tracking_number.to_string(),
            "--message",
            "On it",
        ])
        .assert()
        .success();
    let answered = list_json(&env, &["--status", "answered"]);
    assert_eq!(answered.len(), 1);
    assert_eq!(answered[0].tracking_number, first.tracking_number);

    let output = env.desk().args(["tickets", "list"]).output().unwrap();
    let table = stdout_of(&output);
    assert!(table.starts_with("TRACKING"), "{table}");
    assert_eq!(table.lines().count(), 4);
    assert!(table.contains(&second.tracking_number.to_string()));
}

#[test]
fn serve_refuses_a_bad_listen_address_with_exit_2() {
    let env = TestEnv::new();
    let output = env
        .desk()
        .args(["serve", "--listen", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("`nowhere`"),
        "{}",
        stderr_of(&output)
    );
    assert!(stdout_of(&output).is_empty());
}

#[cfg(unix)]
#[test]
fn serve_stops_cleanly_on_sigterm() {
    let env = TestEnv::new();
    let server = env.serve_desk();
    let health = Client::new().get(server.at("/v1/health")).send().unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let status = server.terminate();
    assert!(status.success(), "serve exited with {status}");
}

#[test]
fn a_file_that_is_not_a_database_is_named_once_with_exit_1() {
    let env = TestEnv::new();
    let notes = env.write("notes.txt", "x".repeat(4096));
    let output = env
        .command("cartsaver-desk")
        .arg("--db")
        .arg(&notes)
        .args(["tickets", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout_of(&output).is_empty());
    let stderr = stderr_of(&output);
    assert_eq!(stderr.lines().count(), 1, "one message: {stderr}");
    assert_eq!(stderr.matches("notes.txt").count(), 1, "{stderr}");
    assert!(stderr.contains("not a database"), "{stderr}");
}

/// `docs/calendar-example.toml`: Mon–Fri 08:00–17:00 in Los Angeles, advanced 4 business hours.
fn example_calendar() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/calendar-example.toml")
}

#[test]
fn serve_counts_the_first_response_in_the_calendar_given() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    // Friday 2026-11-20 15:00 PST: 2 business hours left on Friday, 2 more on Monday from 08:00.
    let server = env.serve_desk_with(|command| {
        command
            .arg("--calendar")
            .arg(example_calendar())
            .env("CARTSAVER_NOW", "2026-11-20T23:00:00Z");
    });
    let response = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .json(&ticket_json(STORE, "1052"))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let ticket: TicketView = response.json().unwrap();
    assert_eq!(ticket.plan, "advanced");
    // Monday 10:00 PST.
    assert_eq!(ticket.first_response_due, "2026-11-23T18:00:00Z");

    // Without it, Cartsaver's: Sun–Thu in Cairo, 24 business hours from Sunday 00:00 (+2).
    let server = env.serve_desk_with(|command| {
        command.env("CARTSAVER_NOW", "2026-11-20T23:00:00Z");
    });
    let ticket: TicketView = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .json(&ticket_json(STORE, "1053"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(ticket.first_response_due, "2026-11-22T22:00:00Z");
}

#[test]
fn an_invalid_calendar_is_refused_with_exit_2_naming_the_file_and_every_problem() {
    let env = TestEnv::new();
    let example = std::fs::read_to_string(example_calendar()).unwrap();
    let broken = example
        .replace(r#"["Mon", "Tue", "Wed", "Thu", "Fri"]"#, "[]")
        .replace(r#""08:00-17:00""#, r#""17:00-08:00""#);
    let path = env.write("la-hours.toml", broken);
    let output = env
        .desk()
        .env("CARTSAVER_DESK_CALENDAR", &path)
        .args(["tickets", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("la-hours.toml has 2 problems"), "{stderr}");
    assert!(stderr.contains("business_days is empty"), "{stderr}");
    assert!(stderr.contains("must open before they close"), "{stderr}");

    let path = env.write("typo.toml", example.replace("zone", "zones"));
    let output = env
        .desk()
        .arg("--calendar")
        .arg(&path)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("typo.toml"), "{stderr}");
    assert!(stderr.contains("zones"), "{stderr}");
    assert!(stdout_of(&output).is_empty(), "did not start serving");
}

#[test]
fn a_bad_calendar_file_is_refused_with_every_problem_at_once() {
    let env = TestEnv::new();
    let calendar = env.write(
        "hours.toml",
        "zone = \"Mars/Base\"\ndays = [\"Mon\"]\nbusiness_days = [\"Funday\"]\n\
         free = { kind = \"calendar_hours\", hours = 48 }\n",
    );
    let output = env
        .desk()
        .arg("--calendar")
        .arg(&calendar)
        .args(["tickets", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("hours.toml has 6 problems"), "{stderr}");
    for words in [
        "unknown key `days`",
        "`zone`: ",
        "`business_days`: ",
        "`advanced` is missing",
        "`unlimited` is missing",
        "`scale` is missing",
    ] {
        assert!(stderr.contains(words), "{words:?} in {stderr}");
    }
}
