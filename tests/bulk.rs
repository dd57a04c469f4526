//! `bulk` and `check --file` (SPEC §5) against a real `cartsaver-desk serve` on loopback: rows
//! created, a re-run replayed, a desk killed part-way, invalid rows, rejects, and the formats.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::{DeskServer, PNG_BYTES, TestEnv, std_command, stderr_of, stdout_of};
use serde_json::Value;

const STORE: &str = "cool-shop.myshopify.com";
const HEADER: &str = "store,order,phone,channel,at,tried,email,plan";

/// A valid CSV row for `order`.
fn csv_row(order: u64) -> String {
    format!(
        "{STORE},{order},+201001234567,whatsapp,2026-11-20T14:03:00Z,resent the OTP|checked the number,owner@cool-shop.com,advanced"
    )
}

/// A CSV file of `count` valid rows, orders from 10001.
fn csv_file(count: u64) -> String {
    let mut text = format!("{HEADER}\n");
    for order in 10001..10001 + count {
        text.push_str(&csv_row(order));
        text.push('\n');
    }
    text
}

struct Desk {
    env: TestEnv,
    server: DeskServer,
    token: String,
}

impl Desk {
    fn start() -> Desk {
        let env = TestEnv::new();
        let token = env.desk_token(STORE);
        let server = env.serve_desk();
        Desk { env, server, token }
    }

    /// `cartsaver-support bulk ARGS` against the served desk.
    fn bulk(&self, args: &[&str]) -> Command {
        let mut command = self.env.cli();
        command
            .env("CARTSAVER_DESK", &self.server.url)
            .env("CARTSAVER_TOKEN", &self.token)
            .arg("bulk")
            .args(args);
        command
    }

    /// Every ticket the desk holds, from `cartsaver-desk tickets list --json`.
    fn tickets(&self) -> Vec<Value> {
        let output = self
            .env
            .desk()
            .args(["--json", "tickets", "list"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        json_lines(&stdout_of(&output))
    }
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn outcomes(results: &[Value]) -> Vec<&str> {
    results
        .iter()
        .map(|r| r["outcome"].as_str().unwrap())
        .collect()
}

fn tracking_numbers(results: &[Value]) -> Vec<String> {
    results
        .iter()
        .map(|r| r["tracking_number"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn many_rows_are_created_then_a_rerun_replays_them_and_files_nothing_new() {
    let desk = Desk::start();
    let input = desk.env.write("orders.csv", csv_file(520));

    let first = desk.bulk(&["--json"]).arg(&input).output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr_of(&first));
    let results = json_lines(&stdout_of(&first));
    assert_eq!(results.len(), 520);
    assert!(outcomes(&results).iter().all(|o| *o == "created"));
    let lines: Vec<u64> = results
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(
        lines,
        (2..522).collect::<Vec<u64>>(),
        "results follow the file"
    );
    let numbers = tracking_numbers(&results);
    assert_eq!(numbers.iter().collect::<BTreeSet<_>>().len(), 520);
    assert!(
        stderr_of(&first).contains("520 created"),
        "{}",
        stderr_of(&first)
    );

    let again = desk.bulk(&["--json"]).arg(&input).output().unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr_of(&again));
    let replayed = json_lines(&stdout_of(&again));
    assert!(outcomes(&replayed).iter().all(|o| *o == "replayed"));
    assert_eq!(tracking_numbers(&replayed), numbers);
    assert_eq!(desk.tickets().len(), 520, "the desk holds each row once");
}

#[test]
fn a_desk_killed_part_way_then_a_rerun_files_every_row_exactly_once() {
    let mut desk = Desk::start();
    let rows = 1500;
    let input = desk.env.write("orders.csv", csv_file(rows));
    let results = desk.env.path("results.jsonl");

    let mut command = desk.bulk(&["--json", "--concurrency", "2", "--results"]);
    command.arg(&results).arg(&input);
    let child = std_command(&command)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Kill the desk once some rows are filed (results are flushed as rows complete).
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::read_to_string(&results).map_or(0, |t| t.lines().count()) < 100 {
        assert!(Instant::now() < deadline, "bulk wrote no results");
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(desk.server);
    let first = child.wait_with_output().unwrap();
    let stderr = stderr_of(&first);
    assert_eq!(first.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("sending stopped"), "{stderr}");
    let partial = json_lines(&std::fs::read_to_string(&results).unwrap());
    assert_eq!(
        partial.len() as u64,
        rows,
        "every row has a result, sent or not"
    );
    let created_before = outcomes(&partial)
        .iter()
        .filter(|o| **o == "created")
        .count();
    assert!(created_before >= 100 && (created_before as u64) < rows);

    desk.server = desk.env.serve_desk();
    let rerun = desk.bulk(&["--json"]).arg(&input).output().unwrap();
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr_of(&rerun));
    let results = json_lines(&stdout_of(&rerun));
    let replayed = outcomes(&results)
        .iter()
        .filter(|o| **o == "replayed")
        .count();
    assert!(
        replayed >= created_before,
        "rows filed before the kill are replayed: {replayed} < {created_before}"
    );
    let tickets = desk.tickets();
    assert_eq!(tickets.len() as u64, rows, "every row exactly once");
    let orders: BTreeSet<&str> = tickets
        .iter()
        .map(|t| t["order"].as_str().unwrap())
        .collect();
    assert_eq!(orders.len() as u64, rows);
}

/// Lines 2 and 4 (a two-line cell) are good; 3 has a bad phone and channel; 6 lacks its email;
/// 7 is short.
const WITH_BAD_ROWS: &str = "\
store,order,phone,channel,at,tried,email,plan
cool-shop.myshopify.com,1,+201001234567,sms,2026-11-20T14:03:00Z,none,owner@cool-shop.com,free
cool-shop.myshopify.com,2,+20 10,pigeon,2026-11-20T14:03:00Z,none,owner@cool-shop.com,free
cool-shop.myshopify.com,3,+201001234567,sms,2026-11-20T14:03:00Z,\"resent, twice|
then waited\",owner@cool-shop.com,free
cool-shop.myshopify.com,4,+201001234567,sms,2026-11-20T14:03:00Z,none,,free
cool-shop.myshopify.com,5
";

#[test]
fn invalid_rows_stop_the_run_naming_each_line_and_nothing_is_sent() {
    let desk = Desk::start();
    let input = desk.env.write("orders.csv", WITH_BAD_ROWS);
    let output = desk.bulk(&[]).arg(&input).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_of(&output), "", "no results: nothing was sent");
    let stderr = stderr_of(&output);
    for expected in [
        "line 3, phone `+20 10`: ",
        "line 3, channel `pigeon`: ",
        "line 6, email: missing; fill the `email` cell, or give --email",
        "line 7: 2 cells where the header has 8 columns",
        "3 of 5 rows of",
        "nothing was sent",
    ] {
        assert!(stderr.contains(expected), "`{expected}` missing:\n{stderr}");
    }
    assert!(!stderr.contains("line 2"), "{stderr}");
    assert!(desk.tickets().is_empty());

    // `check --file` reports the same on stdout, and sends nothing either.
    let check = desk
        .env
        .cli()
        .args(["check", "--file"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(2));
    let report = stdout_of(&check);
    assert!(report.starts_with("line 3, phone `+20 10`: "), "{report}");
    assert_eq!(report.lines().count(), 4, "{report}");
}

#[test]
fn skip_invalid_sends_the_good_rows_and_writes_the_bad_ones_to_fix_and_rerun() {
    let desk = Desk::start();
    let input = desk.env.write("orders.csv", WITH_BAD_ROWS);
    let output = desk
        .bulk(&["--skip-invalid", "--email", "help@cool-shop.com", "--json"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let results = json_lines(&stdout_of(&output));
    let lines: Vec<u64> = results
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![2, 4, 6], "--email filled line 6's empty cell");
    assert!(stderr_of(&output).contains("orders.rejects.csv"));

    let rejects = std::fs::read_to_string(desk.env.path("orders.rejects.csv")).unwrap();
    assert_eq!(
        rejects,
        "store,order,phone,channel,at,tried,email,plan\n\
         cool-shop.myshopify.com,2,+20 10,pigeon,2026-11-20T14:03:00Z,none,owner@cool-shop.com,free\n\
         cool-shop.myshopify.com,5\n"
    );
    let fixed = rejects
        .replace("+20 10,pigeon", "+201001234568,sms")
        .replace(
            "cool-shop.myshopify.com,5\n",
            "cool-shop.myshopify.com,5,+201001234567,sms,2026-11-20T14:03:00Z,none,owner@cool-shop.com,free\n",
        );
    let fixed = desk.env.write("orders.rejects.csv", fixed);
    let rerun = desk.bulk(&[]).arg(&fixed).output().unwrap();
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr_of(&rerun));
    assert_eq!(desk.tickets().len(), 5);
}

#[test]
fn csv_with_a_bom_crlf_and_multi_line_cells_keeps_lines_and_text() {
    let desk = Desk::start();
    let text = "\u{feff}Store,ORDER,Phone,channel,at,Tried,email,plan,details,screenshot\r\n\
        cool-shop.myshopify.com,1,+201001234567,wa,2026-11-20T16:03:00+02:00,resent | waited,owner@cool-shop.com,free,\"expected an OTP,\r\ngot nothing\",\r\n\
        cool-shop.myshopify.com,2,+201001234567,sms,2026-11-20T14:03:00Z,none,owner@cool-shop.com,free,,shots/error.png\r\n";
    let input = desk.env.write("in/orders.csv", text);
    desk.env.write("in/shots/error.png", PNG_BYTES);
    let output = desk.bulk(&["--json"]).arg(&input).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let results = json_lines(&stdout_of(&output));
    let lines: Vec<u64> = results
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(
        lines,
        vec![2, 4],
        "the second row starts after the two-line cell"
    );

    assert_eq!(desk.tickets().len(), 2);
    let first = &results[0]["tracking_number"];
    let shown = desk
        .env
        .cli()
        .env("CARTSAVER_DESK", &desk.server.url)
        .env("CARTSAVER_TOKEN", &desk.token)
        .args(["--json", "status", first.as_str().unwrap()])
        .output()
        .unwrap();
    let view: Value = serde_json::from_str(&stdout_of(&shown)).unwrap();
    assert_eq!(view["details"], "expected an OTP,\ngot nothing");
    assert_eq!(view["tried"], serde_json::json!(["resent", "waited"]));
    assert_eq!(view["at"], "2026-11-20T14:03:00Z");
    let second = results[1]["tracking_number"].as_str().unwrap();
    let shown = desk
        .env
        .cli()
        .env("CARTSAVER_DESK", &desk.server.url)
        .env("CARTSAVER_TOKEN", &desk.token)
        .args(["--json", "status", second])
        .output()
        .unwrap();
    let view: Value = serde_json::from_str(&stdout_of(&shown)).unwrap();
    assert_eq!(view["attachments"][0]["name"], "error.png");
}

#[test]
fn json_lines_from_stdin_with_arrays_and_flags() {
    let desk = Desk::start();
    let rows = [
        r#"{"store": "cool-shop.myshopify.com", "order": 1, "phone": "+201001234567", "channel": "sms", "at": "2026-11-20T14:03:00Z", "tried": ["resent the OTP", "asked the customer"], "email": "owner@cool-shop.com", "plan": "scale", "urgent": true}"#,
        "",
        r##"{"Order": "#2", "phone": "+201001234567", "channel": "whatsapp", "at": "2026-11-20T14:03:00Z", "tried": ["none"], "allow_access": "yes"}"##,
    ];
    let output = desk
        .bulk(&[
            "--store",
            STORE,
            "--email",
            "owner@cool-shop.com",
            "--plan",
            "free",
            "-",
        ])
        .write_stdin(rows.join("\n"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        reader.headers().unwrap(),
        vec!["line", "tracking_number", "outcome", "error"]
    );
    let lines: Vec<&str> = records.iter().map(|r| &r[0]).collect();
    assert_eq!(lines, vec!["1", "3"]);
    assert!(records.iter().all(|r| &r[2] == "created"));

    let tickets = desk.tickets();
    assert_eq!(tickets.len(), 2);
    let urgent = tickets.iter().find(|t| t["order"] == "#1").unwrap();
    assert!(
        urgent["subject"].as_str().unwrap().starts_with("URGENT"),
        "{urgent}"
    );
}

#[test]
fn a_second_row_for_an_open_order_fails_naming_the_ticket_unless_forced() {
    let desk = Desk::start();
    let text = format!(
        "{HEADER}\n{}\n{}\n",
        csv_row(7),
        csv_row(7).replace("+201001234567", "+201001234568")
    );
    let input = desk.env.write("orders.csv", text);
    // One at a time, so that the first row is the one filed first.
    let output = desk
        .bulk(&["--json", "--concurrency", "1"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let results = json_lines(&stdout_of(&output));
    assert_eq!(outcomes(&results), vec!["created", "failed"]);
    let existing = results[0]["tracking_number"].as_str().unwrap();
    let error = results[1]["error"].as_str().unwrap();
    assert!(
        error.contains(existing) && error.contains("--force-new"),
        "{error}"
    );
    assert!(
        stderr_of(&output).contains("1 of 2 rows failed"),
        "{}",
        stderr_of(&output)
    );

    let forced = desk
        .bulk(&["--json", "--force-new"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(0), "{}", stderr_of(&forced));
    assert_eq!(
        outcomes(&json_lines(&stdout_of(&forced))),
        vec!["replayed", "created"]
    );
    assert_eq!(desk.tickets().len(), 2);
}

#[test]
fn an_unknown_column_is_refused_listing_the_known_ones() {
    let env = TestEnv::new();
    let input = env.write("orders.csv", "store,order,colour\n");
    let output = env.cli().arg("bulk").arg(&input).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("unknown column `colour`"), "{stderr}");
    assert!(
        stderr.contains("store, order, phone, region, channel, at"),
        "{stderr}"
    );
}

#[test]
fn check_file_validates_a_good_file_and_says_so_on_stderr() {
    let env = TestEnv::new();
    let input = env.write("orders.csv", csv_file(3));
    let output = env
        .cli()
        .args(["check", "--file"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "");
    assert!(stderr_of(&output).contains("3 rows of"));
    let stray = env
        .cli()
        .args(["check", "--phone", "+201001234567", "--file"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(stray.status.code(), Some(2));
    assert!(stderr_of(&stray).contains("--phone cannot be used with --file"));
}
