//! Filing and following up on the embedded desk (no server, no configuration): the main job of
//! the README, run by the real binary in a temp HOME.

mod common;

use std::collections::BTreeSet;

use common::{PNG_BYTES, TestEnv, is_tracking_number, stderr_of, stdout_of};

const TICKET: [&str; 16] = [
    "--store",
    "cool-shop.myshopify.com",
    "--order",
    "1052",
    "--phone",
    "+20 100 123 4567",
    "--channel",
    "whatsapp",
    "--at",
    "2026-11-20T14:03:00Z",
    "--tried",
    "resent the OTP",
    "--email",
    "owner@cool-shop.com",
    "--plan",
    "advanced",
];

/// File the standard ticket (plus `extra` flags) and return its tracking number.
fn file(env: &TestEnv, extra: &[&str]) -> String {
    let output = env
        .cli()
        .arg("new")
        .args(TICKET)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "new failed: {}",
        stderr_of(&output)
    );
    let tn = stdout_of(&output).trim().to_string();
    assert!(
        is_tracking_number(&tn),
        "stdout should be the tracking number alone: {tn:?}"
    );
    tn
}

fn desk_file(env: &TestEnv) -> std::path::PathBuf {
    env.path(".local/share/cartsaver/desk.sqlite3")
}

#[test]
fn files_on_the_embedded_desk_with_no_configuration() {
    let env = TestEnv::new();
    let output = env.cli().arg("new").args(TICKET).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert_eq!(
        stdout.lines().count(),
        1,
        "stdout is the tracking number and a newline: {stdout:?}"
    );
    assert!(is_tracking_number(stdout.trim()));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("Cartsaver — OTP not arriving via WhatsApp — Order #1052"),
        "{stderr}"
    );
    assert!(stderr.contains("local desk"), "{stderr}");
    assert!(stderr.contains("Cairo"), "{stderr}");
    assert!(
        desk_file(&env).exists(),
        "the desk lives in the platform data dir"
    );
}

#[test]
fn status_shows_the_ticket_and_json_has_exactly_the_contract_keys() {
    let env = TestEnv::new();
    let tn = file(&env, &["--pin", "483912"]);
    let output = env.cli().args(["status", &tn]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(stdout.contains(&tn) && stdout.contains("open"), "{stdout}");
    assert!(
        !stdout.contains("483912"),
        "the PIN is never printed: {stdout}"
    );

    let output = env.cli().args(["status", "--json", &tn]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let keys: BTreeSet<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let expected: BTreeSet<&str> = [
        "tracking_number",
        "status",
        "subject",
        "store",
        "order",
        "phone",
        "channel",
        "at",
        "tried",
        "summary",
        "details",
        "email",
        "plan",
        "urgent",
        "outage",
        "pin",
        "allow_access",
        "created_at",
        "updated_at",
        "first_response_due",
        "overdue",
        // SPEC §9 (email): the channel the ticket came by; `missing` only for one filed by
        // mail that lacks fields.
        "via",
        "messages",
        "attachments",
    ]
    .into_iter()
    .collect();
    assert_eq!(keys, expected);
    assert_eq!(value["via"], "api");
    assert_eq!(value["tracking_number"], tn.as_str());
    assert_eq!(value["status"], "open");
    assert_eq!(value["order"], "#1052");
    assert_eq!(value["phone"], "+201001234567");
    assert_eq!(value["pin"], "••••12");
    assert_eq!(value["created_at"], common::NOW);
    // Advanced: 24 business hours, Sun–Thu in Cairo. Filed Fri 2026-11-20 16:30 Cairo: counting
    // starts Sun 00:00 Cairo (Sat 22:00Z) and ends Mon 00:00 Cairo.
    assert_eq!(value["first_response_due"], "2026-11-22T22:00:00Z");
    assert_eq!(value["overdue"], false);
}

#[test]
fn every_missing_field_is_named_with_its_flag_and_nothing_is_filed() {
    let env = TestEnv::new();
    let output = env.cli().args(["new", "--order", "1052"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    for flag in [
        "--store",
        "--phone",
        "--channel",
        "--at",
        "--tried",
        "--email",
        "--plan",
    ] {
        assert!(stderr.contains(flag), "{flag} not named: {stderr}");
    }
    assert!(stderr.contains("nothing was sent"), "{stderr}");
    assert!(!desk_file(&env).exists(), "no desk was even opened");
}

#[test]
fn filing_the_same_ticket_again_is_a_replay_not_a_second_ticket() {
    let env = TestEnv::new();
    let first = file(&env, &[]);
    let output = env
        .cli()
        .args(["new", "--json"])
        .args(TICKET)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["tracking_number"], first.as_str());
    assert_eq!(value["replayed"], true);
    let keys: BTreeSet<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let expected: BTreeSet<&str> = [
        "tracking_number",
        "status",
        "subject",
        "created_at",
        "first_response_due",
        "replayed",
        "desk",
    ]
    .into_iter()
    .collect();
    assert_eq!(keys, expected);
    let list = env.cli().args(["list", "--json"]).output().unwrap();
    assert_eq!(
        stdout_of(&list).lines().count(),
        1,
        "one ticket on the desk"
    );
}

#[test]
fn an_open_ticket_for_the_same_order_is_named_and_force_new_files_anyway() {
    let env = TestEnv::new();
    let first = file(&env, &[]);
    let other_summary = ["--summary", "Customer never got the SMS fallback"];
    let output = env
        .cli()
        .arg("new")
        .args(TICKET)
        .args(other_summary)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(&first) && stderr.contains("--force-new"),
        "{stderr}"
    );
    assert!(stdout_of(&output).is_empty());

    let second = file(
        &env,
        &[
            "--summary",
            "Customer never got the SMS fallback",
            "--force-new",
        ],
    );
    assert_ne!(first, second);
}

#[test]
fn follow_up_resolve_and_reopen() {
    let env = TestEnv::new();
    let tn = file(&env, &[]);
    let output = env
        .cli()
        .args(["reply", &tn, "--message", "Customer tried again at 15:10"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let output = env.cli().args(["resolve", &tn]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let status = env.cli().args(["status", "--json", &tn]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(value["status"], "resolved");
    assert_eq!(value["messages"][0]["from"], "merchant");
    assert_eq!(
        value["messages"][0]["body"],
        "Customer tried again at 15:10"
    );

    let output = env
        .cli()
        .args(["reply", &tn, "--message", "It happened again"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let status = env.cli().args(["status", "--json", &tn]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(
        value["status"], "open",
        "a merchant reply reopens a resolved ticket"
    );
}

#[test]
fn a_tracking_number_typo_is_refused_before_any_request() {
    let env = TestEnv::new();
    let tn = file(&env, &[]);
    // Change one symbol: the check symbol no longer matches.
    let mut typo: Vec<char> = tn.chars().collect();
    typo[4] = if typo[4] == '7' { '8' } else { '7' };
    let typo: String = typo.into_iter().collect();
    let output = env.cli().args(["status", &typo]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("typo"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn an_unknown_ticket_is_not_found_with_exit_1() {
    let env = TestEnv::new();
    file(&env, &[]);
    let unknown = cartsaver::domain::tracking::TrackingNumber::generate().to_string();
    let output = env.cli().args(["status", &unknown]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("not found"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn dry_run_shows_the_ticket_and_sends_nothing() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["new", "--dry-run", "--pin", "483912"])
        .args(TICKET)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains("Order #1052") && stdout.contains("nothing was sent"),
        "{stdout}"
    );
    assert!(!stdout.contains("483912"));
    assert!(!desk_file(&env).exists());
}

#[test]
fn screenshots_go_up_with_the_ticket_and_bad_ones_file_nothing() {
    let env = TestEnv::new();
    let shot = env.write("otp-error.png", PNG_BYTES);
    let tn = file(&env, &["--screenshot", shot.to_str().unwrap()]);
    let status = env.cli().args(["status", "--json", &tn]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(value["attachments"][0]["name"], "otp-error.png");
    assert_eq!(value["attachments"][0]["type"], "png");
    assert_eq!(value["attachments"][0]["size"], PNG_BYTES.len());

    let env = TestEnv::new();
    let text = env.write("notes.png", "not an image");
    let output = env
        .cli()
        .arg("new")
        .args(TICKET)
        .args(["--screenshot", text.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("notes.png"));
    assert!(!desk_file(&env).exists());
}

#[test]
fn list_and_dashboard_show_what_was_filed() {
    let env = TestEnv::new();
    let tn = file(&env, &[]);
    let output = env.cli().args(["list"]).output().unwrap();
    assert!(stdout_of(&output).contains(&tn));
    let output = env
        .cli()
        .args(["list", "--status", "resolved", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(stdout_of(&output), "");
    let output = env.cli().args(["dashboard", "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["open"], 1);
    assert_eq!(stats["resolved"], 0);
}

#[test]
fn desk_local_path_picks_another_file() {
    let env = TestEnv::new();
    let path = env.path("elsewhere/desk.db");
    let desk = format!("local:{}", path.display());
    let output = env
        .cli()
        .args(["new", "--desk", &desk])
        .args(TICKET)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(path.exists());
    assert!(!desk_file(&env).exists());
}

#[test]
fn a_remote_desk_needs_a_token_and_plain_http_only_on_loopback() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args([
            "status",
            "--desk",
            "http://desk.example.com",
            "CS-000-000-01Y",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("only for loopback"),
        "{}",
        stderr_of(&output)
    );
    let output = env
        .cli()
        .args(["list"])
        .env("CARTSAVER_DESK", "https://desk.example.com")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "no token: an auth failure");
    assert!(
        stderr_of(&output).contains("CARTSAVER_TOKEN"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn standard_input_is_read_once_and_a_second_dash_is_refused() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["check", "--tried-file", "-", "--details-file", "-"])
        .write_stdin("resent the OTP\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = stdout_of(&output);
    assert!(stdout.contains("already read by --tried-file"), "{stdout}");
}

#[test]
fn every_problem_of_a_follow_up_command_is_listed_at_once() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["reply", "CS-7KQ-2M4-X9D", "--message", " "])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("2 problems"), "{stderr}");
    assert!(
        stderr.contains("message is empty") && stderr.contains("typo"),
        "{stderr}"
    );

    let output = env
        .cli()
        .args(["list", "--status", "bogus", "--order", "a%"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("--status `bogus`") && stderr.contains("order `a%`"),
        "{stderr}"
    );

    let output = env.cli().args(["list", "--limit", "0"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(
        !desk_file(&env).exists(),
        "refused before any desk was opened"
    );
}

#[test]
fn doctor_on_a_fresh_machine_is_fine_and_creates_nothing() {
    let env = TestEnv::new();
    let output = env.cli().arg("doctor").output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains("✓ desk") && stdout.contains("created when the first ticket is filed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("! clock") && stdout.contains("CARTSAVER_NOW"),
        "{stdout}"
    );
    assert!(!desk_file(&env).exists());
}

/// A checklist with four warnings: an 11-digit order, a landline, a 60-day-old time, a
/// misspelt email domain.
const WARNED: [&str; 16] = [
    "--store",
    "cool-shop.myshopify.com",
    "--order",
    "12345678901",
    "--phone",
    "+20 2 2345 6789",
    "--channel",
    "sms",
    "--at",
    "2026-09-21T14:03:00Z",
    "--tried",
    "resent the OTP",
    "--email",
    "owner@gmial.com",
    "--plan",
    "free",
];

#[test]
fn a_dry_run_shows_the_same_warnings_as_filing_and_where_it_would_go() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["new", "--dry-run"])
        .args(WARNED)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    for field in ["order", "phone", "at", "email"] {
        assert!(
            stderr.contains(&format!("warning: {field}: ")),
            "{field} warning missing: {stderr}"
        );
    }
    assert_eq!(stderr.matches("warning:").count(), 4, "{stderr}");
    assert!(
        stderr.contains("Would be filed on the local desk at")
            && stderr.contains("only on this machine"),
        "{stderr}"
    );
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains("pin          (none)"),
        "a skipped PIN: {stdout}"
    );

    // Filing for real says the same four.
    let filed = env.cli().arg("new").args(WARNED).output().unwrap();
    assert!(filed.status.success(), "{}", stderr_of(&filed));
    assert_eq!(stderr_of(&filed).matches("warning:").count(), 4);

    let output = env
        .cli()
        .args(["new", "--dry-run", "--json"])
        .args(WARNED)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let warnings = report["warnings"].as_array().expect("a warnings array");
    let fields: Vec<&str> = warnings
        .iter()
        .map(|w| w["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["order", "phone", "at", "email"], "{report}");
    assert!(warnings[1]["text"].as_str().unwrap().contains("landline"));
    assert!(
        report["destination"]
            .as_str()
            .unwrap()
            .starts_with("Would be filed on the local desk"),
        "{report}"
    );
}

#[test]
fn a_dry_run_to_a_remote_desk_names_it() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["new", "--dry-run", "--desk", "https://desk.example.com"])
        .args(TICKET)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("Would be filed with https://desk.example.com/"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn looking_never_creates_the_local_desk() {
    let env = TestEnv::new();
    let data = env.path(".local/share");
    for args in [
        &["list"][..],
        &["status", "CS-7KQ-2M4-X9C"],
        &["dashboard"],
        &["doctor"],
    ] {
        let output = env.cli().args(args).output().unwrap();
        assert!(
            !data.exists(),
            "{args:?} created {}: {}",
            data.display(),
            stderr_of(&output)
        );
    }
    let list = env.cli().arg("list").output().unwrap();
    assert!(list.status.success());
    assert!(
        stderr_of(&list).contains("nothing was filed on this machine yet"),
        "{}",
        stderr_of(&list)
    );
    let status = env
        .cli()
        .args(["status", "CS-7KQ-2M4-X9C"])
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1));
    assert!(
        stderr_of(&status).contains("no ticket CS-7KQ-2M4-X9C on the local desk at"),
        "{}",
        stderr_of(&status)
    );
}

#[test]
fn a_mistyped_tracking_number_is_worded_as_the_lookup_it_stops() {
    let env = TestEnv::new();
    file(&env, &[]);
    let output = env
        .cli()
        .args(["status", "CS-000-000-001"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("no ticket `CS-000-000-001` on the local desk at"),
        "{stderr}"
    );
    assert!(!stderr.contains("field is invalid"), "{stderr}");
}

#[test]
fn list_says_how_many_more_there_are() {
    let env = TestEnv::new();
    for order in ["1", "2", "3"] {
        let mut flags = TICKET;
        flags[3] = order;
        let output = env.cli().arg("new").args(flags).output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
    }
    let output = env.cli().args(["list", "--limit", "2"]).output().unwrap();
    assert_eq!(stdout_of(&output).lines().count(), 2);
    assert!(
        stderr_of(&output).contains("showing 2 of 3; --limit N or --all for more"),
        "{}",
        stderr_of(&output)
    );
    let all = env.cli().args(["list", "--all"]).output().unwrap();
    assert_eq!(stdout_of(&all).lines().count(), 3);
    assert!(!stderr_of(&all).contains("showing"), "{}", stderr_of(&all));
    let exact = env.cli().args(["list", "--limit", "3"]).output().unwrap();
    assert!(
        !stderr_of(&exact).contains("showing"),
        "{}",
        stderr_of(&exact)
    );
}

#[test]
fn reply_without_a_message_or_a_terminal_names_both_ways_to_give_one() {
    let env = TestEnv::new();
    let tn = file(&env, &[]);
    let output = env
        .cli()
        .args(["reply", &tn])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("--message TEXT") && stderr.contains("--message-file FILE"),
        "{stderr}"
    );
}

#[test]
fn the_dashboard_shows_filings_replies_and_resolutions_with_a_line_each() {
    let env = TestEnv::new();
    let first = file(&env, &[]);
    let mut flags = TICKET;
    flags[3] = "2077";
    let second = env.cli().arg("new").args(flags).output().unwrap();
    let second = stdout_of(&second).trim().to_string();
    env.command("cartsaver-desk")
        .arg("--db")
        .arg(env.path(".local/share/cartsaver/desk.sqlite3"))
        .args([
            "reply",
            &first,
            "--message",
            "Your sender was suspended.\nFixed now.",
        ])
        .assert()
        .success();
    env.cli().args(["resolve", &second]).assert().success();
    let output = env.cli().arg("dashboard").output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(
        text.contains(&format!("{first} filed — Cartsaver")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{first} support replied — Your sender was suspended. …"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{second} resolved — Cartsaver")),
        "{text}"
    );
}
