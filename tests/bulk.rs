//! `bulk` and `check --file` (docs/contract.md §5) against a real `cartsaver-desk serve` on loopback: rows
//! created, a re-run replayed, a desk killed part-way, the window of rows a slow row holds back,
//! invalid rows, rejects, and the formats. Faults come from `common::proxy` in front of the desk.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use assert_cmd::Command;
use common::proxy::{Exchange, Fault, FaultProxy};
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
        self.bulk_at(&self.server.url, args)
    }

    /// `cartsaver-support bulk ARGS` against `desk` (a proxy in front of the served desk).
    fn bulk_at(&self, desk: &str, args: &[&str]) -> Command {
        let mut command = self.env.cli();
        command
            .env("CARTSAVER_DESK", desk)
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

/// The order number of a create the proxy read, without the `#` the CLI puts in front.
fn order_of(create: &Exchange) -> String {
    let body: Value = serde_json::from_slice(&create.body).unwrap_or(Value::Null);
    let order = body["order"].as_str().unwrap_or("");
    order.trim_start_matches('#').to_string()
}

fn answered_creates(log: &[Exchange]) -> usize {
    log.iter()
        .filter(|e| e.is_create() && e.answer.is_some())
        .count()
}

#[test]
fn rows_back_early_wait_behind_a_slow_row_but_no_more_than_the_window_are_sent() {
    let desk = Desk::start();
    let rows = 200;
    let input = desk.env.write("orders.csv", csv_file(rows));
    let results = desk.env.path("results.jsonl");
    // Row 1 (order 10001) is held before it reaches the desk; every other row goes through.
    let proxy = FaultProxy::start(&desk.server.url, |exchange: &Exchange| {
        if exchange.is_create() && order_of(exchange) == "10001" {
            Fault::Hold
        } else {
            Fault::Forward
        }
    });

    let mut command = desk.bulk_at(&proxy.url, &["--json", "--concurrency", "2", "--results"]);
    command.arg(&results).arg(&input);
    let child = std_command(&command)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The window is 4 × concurrency = 8 rows dispatched and not yet written: row 1, and rows 2-8
    // filed but waiting behind it.
    let window = 8;
    proxy.wait_until("row 1 held and rows 2-8 filed", |log, held| {
        held == 1 && answered_creates(log) >= window - 1
    });
    // Time for a CLI without the bound to go on sending (it did: hundreds of rows); a bounded
    // one sends nothing more however long this is, so the assertions below cannot flake.
    std::thread::sleep(Duration::from_millis(500));
    let creates = proxy.seen(Exchange::is_create);
    assert_eq!(
        creates.len(),
        window,
        "only the window is sent while row 1 is held"
    );
    assert_eq!(desk.tickets().len(), window - 1, "the desk holds rows 2-8");
    assert_eq!(
        std::fs::read_to_string(&results).unwrap_or_default(),
        "",
        "nothing written before row 1"
    );

    proxy.release();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let written = json_lines(&std::fs::read_to_string(&results).unwrap());
    assert_eq!(written.len() as u64, rows);
    assert!(outcomes(&written).iter().all(|o| *o == "created"));
    let lines: Vec<u64> = written
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, (2..rows + 2).collect::<Vec<u64>>());
    // The bound resends nothing: a row goes to the desk again only after an attempt of it that
    // failed (no answer, a 5xx or 429: a retry with the same idempotency key), and the desk
    // holds one ticket a row.
    let mut attempts: std::collections::BTreeMap<String, Vec<Option<u16>>> = Default::default();
    for create in proxy.seen(Exchange::is_create) {
        let status = create.answer.as_ref().map(|(status, _)| *status);
        attempts.entry(order_of(&create)).or_default().push(status);
    }
    assert_eq!(attempts.len() as u64, rows, "every row sent");
    for (order, tries) in &attempts {
        let (last, earlier) = tries.split_last().unwrap();
        assert!(
            matches!(last, Some(200 | 201))
                && earlier
                    .iter()
                    .all(|s| s.is_none_or(|s| s >= 500 || s == 429)),
            "order {order} sent again after an attempt that did not fail: {tries:?}\n{}",
            stderr_of(&output)
        );
    }
    assert_eq!(desk.tickets().len() as u64, rows, "one ticket a row");
}

#[test]
fn a_desk_killed_part_way_then_a_rerun_files_every_row_exactly_once() {
    let mut desk = Desk::start();
    let rows = 300;
    let filed = 100;
    let input = desk.env.write("orders.csv", csv_file(rows as u64));
    let results = desk.env.path("results.jsonl");
    // The first 100 creates reach the desk; later ones are held until the desk is gone.
    let mut creates = 0;
    let proxy = FaultProxy::start(&desk.server.url, move |exchange: &Exchange| {
        if !exchange.is_create() {
            return Fault::Forward;
        }
        creates += 1;
        if creates <= filed {
            Fault::Forward
        } else {
            Fault::Hold
        }
    });

    let mut command = desk.bulk_at(&proxy.url, &["--json", "--concurrency", "2", "--results"]);
    command.arg(&results).arg(&input);
    let child = std_command(&command)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Both workers held means both have their earlier rows' answers: exactly 100 rows filed.
    proxy.wait_until("100 rows filed and both workers held", |log, held| {
        held == 2 && answered_creates(log) == filed
    });
    drop(desk.server);
    // The held requests now meet a desk that is gone, as do the CLI's retries.
    proxy.release();
    let first = child.wait_with_output().unwrap();
    drop(proxy);
    let stderr = stderr_of(&first);
    assert_eq!(first.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("sending stopped"), "{stderr}");
    let partial = json_lines(&std::fs::read_to_string(&results).unwrap());
    assert_eq!(partial.len(), rows, "every row has a result, sent or not");
    let created_before = outcomes(&partial)
        .iter()
        .filter(|o| **o == "created")
        .count();
    assert_eq!(created_before, filed, "{:?}", outcomes(&partial));
    desk.server = desk.env.serve_desk();
    assert_eq!(
        desk.tickets().len(),
        filed,
        "what the desk filed before it died"
    );

    let rerun = desk.bulk(&["--json"]).arg(&input).output().unwrap();
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr_of(&rerun));
    let again = json_lines(&stdout_of(&rerun));
    assert_eq!(again.len(), rows);
    // Row by row: what was filed before the kill is replayed as the same ticket, the rest is
    // created now.
    for (before, now) in partial.iter().zip(&again) {
        assert_eq!(before["line"], now["line"]);
        if before["outcome"] == "created" {
            assert_eq!(now["outcome"], "replayed", "{before} / {now}");
            assert_eq!(now["tracking_number"], before["tracking_number"]);
        } else {
            assert_eq!(before["outcome"], "failed", "{before}");
            assert_eq!(now["outcome"], "created", "{before} / {now}");
        }
    }
    let tickets = desk.tickets();
    assert_eq!(tickets.len(), rows, "every row exactly once");
    let orders: BTreeSet<&str> = tickets
        .iter()
        .map(|t| t["order"].as_str().unwrap())
        .collect();
    assert_eq!(orders.len(), rows);
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
        // An empty cell of a required field is an error of that field (SPEC §2, "Empty values").
        "line 6, email: the `email` cell is empty; give the address support should reply to, \
         e.g. you@example.com; or give --email for every row that leaves it empty",
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
        vec!["line", "tracking_number", "outcome", "error", "warnings"]
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

#[test]
fn screenshot_paths_outside_the_files_folder_are_refused_unless_allowed() {
    let desk = Desk::start();
    let secret = desk.env.write("secret.png", PNG_BYTES);
    desk.env.write("orders/shots/ok.png", PNG_BYTES);
    let header = format!("{HEADER},screenshot");
    let rows = [
        format!("{},shots/ok.png", csv_row(1)),
        format!("{},../secret.png", csv_row(2)),
        format!("{},{}", csv_row(3), secret.display()),
    ];
    let file = desk.env.write(
        "orders/rows.csv",
        format!("{header}\n{}\n", rows.join("\n")),
    );
    let output = desk.bulk(&[file.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("line 3, screenshot `../secret.png`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("line 4, screenshot `{}`", secret.display())),
        "{stderr}"
    );
    assert!(stderr.contains("--allow-outside-paths"), "{stderr}");
    assert!(!stderr.contains("line 2"), "{stderr}");
    assert!(desk.tickets().is_empty(), "nothing sent");

    let output = desk
        .bulk(&[file.to_str().unwrap(), "--allow-outside-paths"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(desk.tickets().len(), 3);
}

/// Three valid rows, the second with a landline (a warning, not an error).
fn csv_with_a_landline() -> String {
    format!(
        "{HEADER}\n{}\n{STORE},20002,+20 2 2345 6789,sms,2026-11-20T14:03:00Z,resent the OTP,owner@cool-shop.com,advanced\n{}\n",
        csv_row(20001),
        csv_row(20003)
    )
}

#[test]
fn check_file_shows_warnings_by_line_and_counts_them_strict_refuses_them() {
    let env = TestEnv::new();
    let input = env.write("orders.csv", csv_with_a_landline());
    let output = env
        .cli()
        .args(["check", "--file"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(
        stdout.starts_with("line 3, phone: warning: a fixed-line (landline) number"),
        "{stdout}"
    );
    assert!(
        stderr_of(&output).contains("orders.csv valid, 1 warning"),
        "{}",
        stderr_of(&output)
    );

    let strict = env
        .cli()
        .args(["check", "--strict", "--file"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(2), "{}", stderr_of(&strict));
    assert!(
        stderr_of(&strict).contains("1 of 3 rows of ") && stderr_of(&strict).contains("is invalid"),
        "{}",
        stderr_of(&strict)
    );

    let json = env
        .cli()
        .args(["check", "--json", "--file"])
        .arg(&input)
        .output()
        .unwrap();
    let lines = json_lines(&stdout_of(&json));
    assert_eq!(lines[0]["line"], 3);
    assert_eq!(lines[0]["field"], "phone");
    assert!(lines[0]["warning"].as_str().unwrap().contains("landline"));
    assert_eq!(
        lines.last().unwrap(),
        &serde_json::json!({"summary": true, "valid": true, "rows": 3, "invalid_rows": 0, "problems": 0, "warnings": 1}),
        "a closing JSON summary object"
    );
}

#[test]
fn bulk_shows_warnings_on_stderr_and_in_the_results_strict_sends_none_of_them() {
    let desk = Desk::start();
    let input = desk.env.write("orders.csv", csv_with_a_landline());
    let output = desk.bulk(&["--json"]).arg(&input).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("line 3, phone: warning: a fixed-line (landline) number"),
        "{stderr}"
    );
    assert!(stderr.contains("0 failed, 1 warning"), "{stderr}");
    let results = json_lines(&stdout_of(&output));
    assert_eq!(results[0]["warnings"], Value::Null);
    assert!(
        results[1]["warnings"]
            .as_str()
            .unwrap()
            .starts_with("phone: a fixed-line (landline) number"),
        "{}",
        results[1]
    );

    let other = desk
        .env
        .write("more.csv", csv_with_a_landline().replace("2000", "3000"));
    let strict = desk.bulk(&["--strict"]).arg(&other).output().unwrap();
    assert_eq!(strict.status.code(), Some(2), "{}", stderr_of(&strict));
    assert_eq!(desk.tickets().len(), 3, "nothing more was sent");
    let skipped = desk
        .bulk(&["--strict", "--skip-invalid", "--json"])
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(skipped.status.code(), Some(0), "{}", stderr_of(&skipped));
    assert_eq!(
        json_lines(&stdout_of(&skipped)).len(),
        2,
        "the warned row is not sent"
    );
    assert_eq!(desk.tickets().len(), 5);
    let rejects = std::fs::read_to_string(desk.env.path("more.rejects.csv")).unwrap();
    assert!(rejects.contains("+20 2 2345 6789"), "{rejects}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_sending_and_says_how_many_were_sent() {
    use std::io::BufRead;

    let desk = Desk::start();
    let rows = 20;
    let input = desk.env.write("orders.csv", csv_file(rows));
    let results = desk.env.path("results.jsonl");
    // Row 3 is held at the proxy: the run is surely mid-way when Ctrl-C comes.
    let proxy = FaultProxy::start(&desk.server.url, |exchange: &Exchange| {
        if exchange.is_create() && order_of(exchange) == "10003" {
            Fault::Hold
        } else {
            Fault::Forward
        }
    });
    let mut command = desk.bulk_at(&proxy.url, &["--json", "--concurrency", "1", "--results"]);
    command.arg(&results).arg(&input);
    let mut child = std_command(&command)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    proxy.wait_until("rows 1-2 filed and row 3 held", |log, held| {
        held == 1 && answered_creates(log) == 2
    });
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    // The run says it is stopping before the row in flight is let go.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("interrupted: finishing the rows in flight") {
        let mut line = String::new();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "stderr ended: {said}"
        );
        said.push_str(&line);
    }
    proxy.release();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{said}{rest}");
    assert!(
        rest.contains("interrupted: 3 of 20 rows sent; run the same command again to finish"),
        "{rest}"
    );
    let written = json_lines(&std::fs::read_to_string(&results).unwrap());
    assert_eq!(written.len(), 3, "the rows sent, and no `not sent` rows");
    assert_eq!(desk.tickets().len(), 3);

    // The same command again finishes the file: the three replayed, the rest created.
    let output = desk
        .bulk_at(&proxy.url, &["--json", "--concurrency", "1"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let again = json_lines(&stdout_of(&output));
    assert_eq!(
        outcomes(&again)
            .iter()
            .filter(|o| **o == "replayed")
            .count(),
        3
    );
    assert_eq!(desk.tickets().len() as u64, rows);
}
