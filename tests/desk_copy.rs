//! `cartsaver-desk copy`: a desk filed through the real server (tickets with attachments and
//! PINs, messages, tokens, idempotent creates) copied to another database serves the same
//! tickets, authenticates the same tokens, checks the same PINs and answers the same replays;
//! a target holding a desk is refused unless `--append`. The PostgreSQL half runs when
//! a PostgreSQL server is known (`pg_virtualenv`, or `CARTSAVER_TEST_POSTGRES`; a fresh database
//! per test).

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cartsaver::api::TicketView;
use common::{PNG_BYTES, TestEnv, stderr_of, stdout_of, ticket_json};
use reqwest::StatusCode;
use reqwest::blocking::{Client, multipart};

const STORE: &str = "https://cool-shop.myshopify.com";
const PIN: &str = "Zq7Wx94k";

/// What the source desk holds, to look for in a copy.
struct Filed {
    token: String,
    /// The ticket with a PIN, an attachment and a thread.
    with_pin: String,
    /// The ticket filed with idempotency key `row-2`.
    replayable: String,
}

/// `cartsaver-desk` with the test's environment and no `--db`.
fn desk_bin(env: &TestEnv) -> Command {
    env.command("cartsaver-desk")
}

/// File into `env`'s desk through its server: a multipart create with a PIN and an attachment
/// (key `row-1`), a JSON create (key `row-2`), a merchant message, and a support reply.
fn fill(env: &TestEnv) -> Filed {
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    let client = Client::new();
    let mut first = ticket_json(STORE, "1052");
    first["pin"] = PIN.into();
    let form = multipart::Form::new()
        .part(
            "ticket",
            multipart::Part::text(first.to_string())
                .mime_str("application/json")
                .unwrap(),
        )
        .part(
            "attachment",
            multipart::Part::bytes(PNG_BYTES.to_vec()).file_name("otp-error.png"),
        );
    let response = client
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .header("Idempotency-Key", "row-1")
        .multipart(form)
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let with_pin: TicketView = response.json().unwrap();
    let with_pin = with_pin.tracking_number.to_string();
    let response = client
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .header("Idempotency-Key", "row-2")
        .json(&ticket_json(STORE, "1053"))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let replayable: TicketView = response.json().unwrap();
    let response = client
        .post(server.at(&format!("/v1/tickets/{with_pin}/messages")))
        .bearer_auth(&token)
        .json(&serde_json::json!({"body": "Still no OTP after the resend"}))
        .send()
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    drop(server);
    env.desk()
        .args([
            "reply",
            &with_pin,
            "--message",
            "Looking at the provider logs",
        ])
        .assert()
        .success();
    Filed {
        token,
        with_pin,
        replayable: replayable.tracking_number.to_string(),
    }
}

/// `cartsaver-desk copy` with `args`; its output.
fn copy(env: &TestEnv, args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let mut command = desk_bin(env);
    command.arg("copy");
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

/// `tickets show TN --json` on the desk `db` (with `key` when not `<db>.key`).
fn show(env: &TestEnv, db: &str, key: Option<&Path>, tn: &str) -> serde_json::Value {
    let mut command = desk_bin(env);
    command.args(["--db", db]);
    if let Some(key) = key {
        command.arg("--key-file").arg(key);
    }
    let output = command
        .args(["tickets", "show", tn, "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The copy's verification table has `rows` rows of `table` on both sides.
fn assert_rows(stdout: &str, table: &str, rows: u64) {
    let line = stdout
        .lines()
        .find(|line| line.split_whitespace().next() == Some(table))
        .unwrap_or_else(|| panic!("no {table} line in:\n{stdout}"));
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(fields[1], rows.to_string(), "{line}");
    assert_eq!(fields[3], rows.to_string(), "{line}");
    assert_eq!(fields[4], "ok", "{line}");
}

/// `cartsaver-desk --db DB [--key-file KEY] serve` on a free port, killed when dropped.
struct Served {
    child: std::process::Child,
    url: String,
}

impl Served {
    fn start(env: &TestEnv, db: &str, key: Option<&Path>) -> Served {
        use std::io::BufRead;
        let mut template = desk_bin(env);
        template.args(["--db", db]);
        if let Some(key) = key {
            template.arg("--key-file").arg(key);
        }
        template.args(["serve", "--listen", "127.0.0.1:0"]);
        let mut child = common::std_command(&template)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim_end()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("not `listening on URL`: {line:?}"))
            .to_string();
        Served { child, url }
    }

    fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The served copy answers like the source: the token authenticates, the replay of `row-2` is
/// the same ticket, a new create gets a ticket of its own (new ids follow the copied ones).
fn assert_serves_the_same(server: &Served, filed: &Filed) {
    let client = Client::new();
    let stats = client
        .get(server.at("/v1/stats"))
        .bearer_auth(&filed.token)
        .send()
        .unwrap();
    assert_eq!(stats.status(), StatusCode::OK);
    let replay = client
        .post(server.at("/v1/tickets"))
        .bearer_auth(&filed.token)
        .header("Idempotency-Key", "row-2")
        .json(&ticket_json(STORE, "1053"))
        .send()
        .unwrap();
    assert_eq!(replay.status(), StatusCode::OK);
    let replayed: TicketView = replay.json().unwrap();
    assert_eq!(replayed.tracking_number.to_string(), filed.replayable);
    let new = client
        .post(server.at("/v1/tickets"))
        .bearer_auth(&filed.token)
        .json(&ticket_json(STORE, "2001"))
        .send()
        .unwrap();
    assert_eq!(new.status(), StatusCode::CREATED);
    let reply = client
        .post(server.at(&format!("/v1/tickets/{}/messages", filed.with_pin)))
        .bearer_auth(&filed.token)
        .json(&serde_json::json!({"body": "Any news?"}))
        .send()
        .unwrap();
    assert!(reply.status().is_success(), "{}", reply.status());
}

#[test]
fn a_sqlite_desk_copied_to_a_new_file_serves_the_same_tickets() {
    let source = TestEnv::new();
    let filed = fill(&source);
    let target = TestEnv::new();
    let from = source.desk_db();
    let to = target.desk_db();

    let output = copy(&source, &[&"--from", &from, &"--to", &to]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    for (table, rows) in [
        ("stores", 1),
        ("tokens", 1),
        ("tickets", 2),
        ("messages", 2),
        ("attachments", 1),
        ("idempotency_keys", 2),
        ("desk_meta", 1),
    ] {
        assert_rows(&stdout, table, rows);
    }
    let stderr = stderr_of(&output);
    assert!(stderr.contains("tickets 2/2"), "{stderr}");
    assert!(stderr.contains("verified"), "{stderr}");
    assert_eq!(
        std::fs::read(PathBuf::from(format!("{}.key", to.display()))).unwrap(),
        std::fs::read(PathBuf::from(format!("{}.key", from.display()))).unwrap(),
        "the copy has the source's key"
    );

    for tn in [&filed.with_pin, &filed.replayable] {
        assert_eq!(
            show(&source, from.to_str().unwrap(), None, tn),
            show(&target, to.to_str().unwrap(), None, tn)
        );
    }
    target
        .desk()
        .args(["tickets", "check-pin", &filed.with_pin, PIN])
        .assert()
        .code(0);
    target
        .desk()
        .args(["tickets", "check-pin", &filed.with_pin, "wrong-pin"])
        .assert()
        .code(1);
    assert_serves_the_same(&Served::start(&target, to.to_str().unwrap(), None), &filed);

    // The target now holds a desk: a second copy is refused, and nothing changes.
    let again = copy(&source, &[&"--from", &from, &"--to", &to]);
    assert_eq!(again.status.code(), Some(2), "{}", stderr_of(&again));
    let stderr = stderr_of(&again);
    assert!(
        stderr.contains("already holds a desk") && stderr.contains("--append"),
        "{stderr}"
    );
    // With --append, tickets both desks have are refused before anything is written.
    let append = copy(&source, &[&"--from", &from, &"--to", &to, &"--append"]);
    assert_eq!(append.status.code(), Some(2), "{}", stderr_of(&append));
    let stderr = stderr_of(&append);
    assert!(
        stderr.contains("tracking number") && stderr.contains(&filed.with_pin),
        "{stderr}"
    );
}

#[test]
fn append_adds_a_desk_with_the_same_key_to_one_that_holds_tickets() {
    let source = TestEnv::new();
    let filed = fill(&source);
    let key = PathBuf::from(format!("{}.key", source.desk_db().display()));
    // Another desk made with the same key, holding a ticket of the same store.
    let target = TestEnv::new();
    let output = target
        .desk()
        .arg("--key-file")
        .arg(&key)
        .args(["token", "create", "--store", STORE])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let own_token = stdout_of(&output).trim().to_string();
    let server = target.serve_desk_with(|command| {
        command.arg("--key-file").arg(&key);
    });
    let own: TicketView = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&own_token)
        .json(&ticket_json(STORE, "3000"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    drop(server);

    let to = target.desk_db();
    let output = copy(
        &source,
        &[
            &"--from",
            &source.desk_db(),
            &"--to",
            &to,
            &"--to-key-file",
            &key,
            &"--append",
        ],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    let stores = stdout.lines().find(|l| l.starts_with("stores")).unwrap();
    // One store in the source, none copied (the target has it), one in the target.
    assert_eq!(
        stores.split_whitespace().take(4).collect::<Vec<_>>(),
        ["stores", "1", "0", "1"],
        "{stdout}"
    );
    let list = target
        .desk()
        .arg("--key-file")
        .arg(&key)
        .args(["tickets", "list", "--json"])
        .output()
        .unwrap();
    assert!(list.status.success(), "{}", stderr_of(&list));
    let listed = stdout_of(&list);
    for tn in [
        &filed.with_pin,
        &filed.replayable,
        &own.tracking_number.to_string(),
    ] {
        assert!(listed.contains(tn.as_str()), "{tn} in {listed}");
    }
    target
        .desk()
        .arg("--key-file")
        .arg(&key)
        .args(["tickets", "check-pin", &filed.with_pin, PIN])
        .assert()
        .code(0);
}

#[test]
fn copy_errors_name_the_value_and_the_fix() {
    let env = TestEnv::new();
    let missing = env.path("missing.sqlite3");
    let output = copy(
        &env,
        &[&"--from", &missing, &"--to", &env.path("b.sqlite3")],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("missing.sqlite3") && stderr.contains("no such"),
        "{stderr}"
    );

    fill(&env);
    let output = copy(
        &env,
        &[
            &"--from",
            &env.desk_db(),
            &"--to",
            &"postgres://desk:s3cret@127.0.0.1:9/desk",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("--to-key-file"), "{stderr}");
    assert!(
        !stderr.contains("s3cret"),
        "the password is never shown: {stderr}"
    );
}

/// A fresh PostgreSQL database on the test server (`common::postgres`), dropped at the end;
/// `None` (with the note) when there is no server, a failure when CI requires one.
struct PgDatabase;

impl PgDatabase {
    fn create() -> Option<common::postgres::Database> {
        if common::postgres::admin_url().is_none() {
            assert!(
                std::env::var_os("CARTSAVER_REQUIRE_POSTGRES").is_none(),
                "CARTSAVER_REQUIRE_POSTGRES is set but no PostgreSQL server is known"
            );
            println!("{}", common::postgres::SKIPPED);
            return None;
        }
        Some(common::postgres::Database::create())
    }
}

#[test]
fn a_desk_copied_sqlite_to_postgresql_and_back_is_the_same() {
    let Some(pg) = PgDatabase::create() else {
        return;
    };
    let source = TestEnv::new();
    let filed = fill(&source);
    let pg_key = source.path("pg.key");
    let output = copy(
        &source,
        &[
            &"--from",
            &source.desk_db(),
            &"--to",
            &pg.url,
            &"--to-key-file",
            &pg_key,
        ],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_rows(&stdout_of(&output), "tickets", 2);
    assert!(
        stderr_of(&output).contains("--key-file"),
        "{}",
        stderr_of(&output)
    );

    let from = source.desk_db();
    for tn in [&filed.with_pin, &filed.replayable] {
        assert_eq!(
            show(&source, from.to_str().unwrap(), None, tn),
            show(&source, &pg.url, Some(&pg_key), tn)
        );
    }
    let back = TestEnv::new();
    let to = back.desk_db();
    let output = copy(
        &source,
        &[
            &"--from",
            &pg.url,
            &"--from-key-file",
            &pg_key,
            &"--to",
            &to,
        ],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    for tn in [&filed.with_pin, &filed.replayable] {
        assert_eq!(
            show(&source, from.to_str().unwrap(), None, tn),
            show(&back, to.to_str().unwrap(), None, tn)
        );
    }
    back.desk()
        .args(["tickets", "check-pin", &filed.with_pin, PIN])
        .assert()
        .code(0);
    assert_serves_the_same(&Served::start(&back, to.to_str().unwrap(), None), &filed);
    // The PostgreSQL desk serves the same, and takes new rows: its identities were moved past
    // the copied ids.
    assert_serves_the_same(&Served::start(&source, &pg.url, Some(&pg_key)), &filed);

    // PostgreSQL to PostgreSQL, the key file shared (it holds the same key already).
    let Some(pg2) = PgDatabase::create() else {
        return;
    };
    let output = copy(
        &source,
        &[
            &"--from",
            &pg.url,
            &"--to",
            &pg2.url,
            &"--key-file",
            &pg_key,
        ],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(
        show(&source, &pg.url, Some(&pg_key), &filed.with_pin),
        show(&source, &pg2.url, Some(&pg_key), &filed.with_pin)
    );

    // A non-empty PostgreSQL target is refused too.
    let again = copy(
        &source,
        &[
            &"--from",
            &source.desk_db(),
            &"--to",
            &pg.url,
            &"--to-key-file",
            &pg_key,
        ],
    );
    assert_eq!(again.status.code(), Some(2), "{}", stderr_of(&again));

    // --append into PostgreSQL: another SQLite desk made with the same key, one store shared.
    let more = TestEnv::new();
    let db = more.desk_db();
    let mut command = desk_bin(&more);
    command.arg("--db").arg(&db).arg("--key-file").arg(&pg_key);
    let output = command
        .args(["token", "create", "--store", STORE])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let token = stdout_of(&output).trim().to_string();
    let server = Served::start(&more, db.to_str().unwrap(), Some(&pg_key));
    let added: TicketView = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .json(&ticket_json(STORE, "4000"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    drop(server);
    let output = copy(
        &more,
        &[
            &"--from",
            &db,
            &"--to",
            &pg.url,
            &"--key-file",
            &pg_key,
            &"--append",
        ],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    let tn = added.tracking_number.to_string();
    let view = show(&more, &pg.url, Some(&pg_key), &tn);
    assert_eq!(view["store"], STORE, "{view}");
    // Both stores' tokens authenticate on the PostgreSQL desk.
    let served = Served::start(&source, &pg.url, Some(&pg_key));
    for token in [&filed.token, &token] {
        let stats = Client::new()
            .get(served.at("/v1/stats"))
            .bearer_auth(token)
            .send()
            .unwrap();
        assert_eq!(stats.status(), StatusCode::OK);
    }
}
