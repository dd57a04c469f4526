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
    // Also a request with a body, from a token the desk checked a moment before.
    let create = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .json(&common::ticket_json("cool-shop.myshopify.com", "1052"))
        .send()
        .unwrap();
    assert_eq!(create.status(), StatusCode::UNAUTHORIZED);

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

/// File a ticket with `extra` fields through the served API.
fn file_with(env: &TestEnv, token: &str, order: &str, extra: serde_json::Value) -> TicketView {
    let server = env.serve_desk();
    let mut body = ticket_json(STORE, order);
    for (key, value) in extra.as_object().unwrap() {
        body[key] = value.clone();
    }
    let response = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().unwrap()
}

#[test]
fn tickets_show_prints_every_field_with_its_diagnosis_the_thread_and_json() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let filed = file_with(
        &env,
        &token,
        "1052",
        serde_json::json!({"phone": "+20 2 2345 6789", "pin": "4321ab", "details": "OTP \u{202e}tsol"}),
    );
    let tn = filed.tracking_number.to_string();
    env.desk()
        .args(["reply", &tn, "--message", "Looking at the provider logs"])
        .assert()
        .success();
    let output = env.desk().args(["tickets", "show", &tn]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    for expected in [
        tn.as_str(),
        "+20223456789",
        "fixed-line",
        "warning:",
        "••••ab",
        "Cairo",
        "support:",
        "Looking at the provider logs",
        "\\u{202e}tsol",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    assert!(
        !text.contains('\u{202e}'),
        "a raw bidi override reached the terminal"
    );
    let output = env
        .desk()
        .args(["tickets", "show", &tn, "--json"])
        .output()
        .unwrap();
    let view: TicketView = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(view.messages.len(), 1);
    assert_eq!(view.pin.as_deref(), Some("••••ab"));
}

#[test]
fn check_pin_says_whether_the_merchants_pin_matches_with_the_exit_code() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let tn = file_with(&env, &token, "1052", serde_json::json!({"pin": "Zq7Wx94k"}))
        .tracking_number
        .to_string();
    env.desk()
        .args(["tickets", "check-pin", &tn, "Zq7Wx94k"])
        .assert()
        .code(0);
    let output = env
        .desk()
        .args(["tickets", "check-pin", &tn, "Zq7Wx94"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("does not match"),
        "{}",
        stderr_of(&output)
    );
    let db = env.desk_contents();
    assert!(
        !db.windows(8).any(|w| w == b"Zq7Wx94k"),
        "PIN in clear in the database"
    );
}

#[test]
fn attachments_save_writes_each_file_with_a_safe_name_and_replaces_nothing() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    let form = reqwest::blocking::multipart::Form::new()
        .part(
            "ticket",
            reqwest::blocking::multipart::Part::text(ticket_json(STORE, "1052").to_string())
                .mime_str("application/json")
                .unwrap(),
        )
        .part(
            "attachment",
            reqwest::blocking::multipart::Part::bytes(common::PNG_BYTES.to_vec())
                .file_name("../../evil\u{202e}gnp.exe"),
        );
    let filed: TicketView = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .unwrap()
        .json()
        .unwrap();
    let tn = filed.tracking_number.to_string();
    let out = env.path("saved");
    let output = env
        .desk()
        .args(["attachments", "save", &tn, "--to"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let written: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(written, ["1-evilgnp.png"]);
    assert_eq!(
        std::fs::read(out.join("1-evilgnp.png")).unwrap(),
        common::PNG_BYTES
    );
    let again = env
        .desk()
        .args(["attachments", "save", &tn, "--to"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr_of(&again).contains("nothing is replaced"),
        "{}",
        stderr_of(&again)
    );
}

#[test]
fn token_list_shows_ids_never_tokens_and_revoke_takes_an_id() {
    let env = TestEnv::new();
    let output = env
        .desk()
        .args(["token", "create", "--store", STORE])
        .output()
        .unwrap();
    let token = stdout_of(&output).trim().to_string();
    assert!(
        stderr_of(&output).contains("token 1 for"),
        "{}",
        stderr_of(&output)
    );
    env.desk_token("https://other-shop.myshopify.com");
    let listed = env.desk().args(["token", "list"]).output().unwrap();
    let text = stdout_of(&listed);
    assert!(text.starts_with("ID"), "{text}");
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(!text.contains("cst_"), "{text}");
    let mine = env
        .desk()
        .args([
            "token",
            "list",
            "--json",
            "--store",
            "cool-shop.myshopify.com",
        ])
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> = stdout_of(&mine)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], 1);
    assert!(rows[0]["last_used_at"].is_null());

    let server = env.serve_desk();
    let client = Client::new();
    let status = |client: &Client| {
        client
            .get(server.at("/v1/tickets"))
            .bearer_auth(&token)
            .send()
            .unwrap()
            .status()
    };
    assert_eq!(status(&client), StatusCode::OK);
    env.desk().args(["token", "revoke", "1"]).assert().success();
    assert_eq!(status(&client), StatusCode::UNAUTHORIZED);
    let used = env
        .desk()
        .args(["token", "list", "--json"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&used).contains("\"last_used_at\":\"20"),
        "{}",
        stdout_of(&used)
    );
    env.desk().args(["token", "revoke", "1"]).assert().code(1);
}

#[test]
fn tickets_list_sorts_by_due_and_filters_overdue_and_urgent() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    // Filed at the test clock (Friday in Cairo): free is due in 48 calendar hours, scale in 2.
    let free = file_with(&env, &token, "1", serde_json::json!({"plan": "free"}));
    let scale = file_with(
        &env,
        &token,
        "2",
        serde_json::json!({"plan": "scale", "urgent": true}),
    );
    let listed = list_json(&env, &[]);
    let order: Vec<_> = listed.iter().map(|t| t.tracking_number).collect();
    assert_eq!(order, [scale.tracking_number, free.tracking_number]);
    let urgent = list_json(&env, &["--urgent"]);
    assert_eq!(urgent.len(), 1);
    assert_eq!(urgent[0].tracking_number, scale.tracking_number);
    assert!(list_json(&env, &["--overdue"]).is_empty());
    // Three hours later the scale ticket is overdue, the free one not yet.
    let output = env
        .desk()
        .env("CARTSAVER_NOW", "2026-11-20T17:30:00Z")
        .args(["tickets", "list", "--json", "--overdue"])
        .output()
        .unwrap();
    let overdue: Vec<TicketSummary> = stdout_of(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].tracking_number, scale.tracking_number);
    assert!(overdue[0].overdue);
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

#[test]
fn the_merchant_cli_words_the_due_time_with_the_desks_own_calendar() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk_with(|command| {
        command.arg("--calendar").arg(example_calendar());
    });
    let calendar: serde_json::Value = Client::new()
        .get(server.at("/v1/calendar"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(calendar["zone"], "America/Los_Angeles");
    assert_eq!(calendar["hours"], "08:00-17:00");
    let output = env
        .cli()
        .env("CARTSAVER_DESK", &server.url)
        .env("CARTSAVER_TOKEN", &token)
        .arg("new")
        .args(common::ticket_flags(STORE, "1052"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("America/Los_Angeles"), "{stderr}");
    assert!(!stderr.contains("Africa/Cairo"), "{stderr}");
}
