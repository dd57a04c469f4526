//! The outbox, with the real binaries: a desk that is down makes `new` keep the ticket (with its
//! screenshot, in private files) and exit 1 with nothing on stdout; `outbox send` files it once
//! the desk is back; a ticket whose answers were all lost (through the fault-injecting proxy in
//! front of a real desk) comes back from the outbox as a replay, the desk holding one ticket; a
//! `kill -9` while the entry is being written leaves the whole entry or none; `list`, `drop`,
//! `--no-outbox`, and the note every other command gives.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use base64::Engine as _;
use common::proxy::{Exchange, Fault, FaultProxy};
use common::{PNG_BYTES, TestEnv, is_tracking_number, stderr_of, stdout_of, ticket_flags};

const STORE: &str = "https://cool-shop.myshopify.com";

fn outbox_dir(env: &TestEnv) -> PathBuf {
    env.path(".local/share/cartsaver/outbox")
}

fn entries(env: &TestEnv) -> Vec<serde_json::Value> {
    let Ok(listing) = std::fs::read_dir(outbox_dir(env)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = listing
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
        .collect()
}

/// A desk URL nothing listens on: a desk that was served, then stopped.
fn stopped_desk(env: &TestEnv) -> String {
    let server = env.serve_desk();
    let url = server.url.clone();
    drop(server);
    url
}

fn new_at(env: &TestEnv, desk: &str, token: &str, order: &str) -> std::process::Output {
    env.write("shot.png", PNG_BYTES);
    env.cli()
        .arg("new")
        .args(ticket_flags(STORE, order))
        .args([
            "--screenshot",
            "shot.png",
            "--desk",
            desk,
            "--http-timeout",
            "5s",
        ])
        .env("CARTSAVER_TOKEN", token)
        .output()
        .unwrap()
}

fn tickets_on_desk(env: &TestEnv) -> usize {
    let output = env
        .desk()
        .args(["tickets", "list", "--json"])
        .output()
        .unwrap();
    stdout_of(&output).lines().count()
}

#[test]
fn a_desk_that_is_down_keeps_the_ticket_and_outbox_send_files_it_later() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let down = stopped_desk(&env);
    let output = new_at(&env, &down, &token, "1052");
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "", "nothing on stdout");
    let err = stderr_of(&output);
    assert!(err.contains("kept in the outbox as "), "{err}");
    assert!(
        err.contains("`cartsaver-support outbox send` files it"),
        "{err}"
    );

    let kept = entries(&env);
    assert_eq!(kept.len(), 1);
    let entry = &kept[0];
    assert!(err.contains(entry["id"].as_str().unwrap()));
    assert_eq!(entry["ticket"]["order"], "#1052");
    assert!(
        entry["idempotency_key"]
            .as_str()
            .unwrap()
            .starts_with("cs1-")
    );
    let shot = &entry["screenshots"][0];
    assert_eq!(shot["name"], "shot.png");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(shot["base64"].as_str().unwrap())
        .unwrap();
    assert_eq!(bytes, PNG_BYTES);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&outbox_dir(&env)), 0o700);
        let file = outbox_dir(&env).join(format!("{}.json", entry["id"].as_str().unwrap()));
        assert_eq!(mode(&file), 0o600);
    }

    // Every other command says so.
    let listed = env.cli().args(["outbox", "list"]).output().unwrap();
    assert!(
        stdout_of(&listed).contains("Order #1052"),
        "{}",
        stdout_of(&listed)
    );
    let other = env
        .cli()
        .args(["check", "--order", "1052"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&other).contains("1 ticket waiting in the outbox"),
        "{}",
        stderr_of(&other)
    );

    let server = env.serve_desk();
    let sent = env
        .cli()
        .args(["outbox", "send", "--desk", &server.url])
        .env("CARTSAVER_TOKEN", &token)
        .output()
        .unwrap();
    assert!(sent.status.success(), "{}", stderr_of(&sent));
    let tn = stdout_of(&sent).trim().to_string();
    assert!(is_tracking_number(&tn), "{tn:?}");
    assert!(entries(&env).is_empty());
    assert_eq!(tickets_on_desk(&env), 1);
    let status = env
        .cli()
        .args(["status", &tn, "--json", "--desk", &server.url])
        .env("CARTSAVER_TOKEN", &token)
        .output()
        .unwrap();
    let view: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(view["attachments"][0]["name"], "shot.png");
}

#[test]
fn a_ticket_whose_answers_were_lost_is_sent_from_the_outbox_as_a_replay() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    // The desk files it; the CLI never hears so, however often it asks.
    let proxy = FaultProxy::start(&server.url, |exchange: &Exchange| {
        if exchange.is_create() {
            Fault::LoseAnswer
        } else {
            Fault::Forward
        }
    });
    let output = new_at(&env, &proxy.url, &token, "2001");
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("kept in the outbox as"));
    assert!(!proxy.seen(Exchange::is_create).is_empty());
    assert_eq!(tickets_on_desk(&env), 1, "filed the first time");

    let sent = env
        .cli()
        .args(["outbox", "send", "--desk", &server.url])
        .env("CARTSAVER_TOKEN", &token)
        .output()
        .unwrap();
    assert!(sent.status.success(), "{}", stderr_of(&sent));
    assert!(
        stderr_of(&sent).contains("filed already"),
        "{}",
        stderr_of(&sent)
    );
    let lost = proxy.seen(Exchange::is_create)[0].answer_json()["tracking_number"].clone();
    assert_eq!(stdout_of(&sent).trim(), lost.as_str().unwrap());
    assert_eq!(tickets_on_desk(&env), 1, "one ticket, never a second");
    assert!(entries(&env).is_empty());
}

#[test]
fn a_failed_send_keeps_the_entry_with_its_error_and_drop_removes_it() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let down = stopped_desk(&env);
    assert_eq!(new_at(&env, &down, &token, "3001").status.code(), Some(1));
    let id = entries(&env)[0]["id"].as_str().unwrap().to_string();
    let again = env
        .cli()
        .args(["outbox", "send", "--desk", &down, "--http-timeout", "3s"])
        .env("CARTSAVER_TOKEN", &token)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr_of(&again).contains(&format!("{id} not sent")));
    assert_eq!(entries(&env)[0]["tries"], 2);
    let unknown = env.cli().args(["outbox", "drop", "nope"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr_of(&unknown).contains(&id), "{}", stderr_of(&unknown));
    let dropped = env.cli().args(["outbox", "drop", &id]).output().unwrap();
    assert!(dropped.status.success());
    assert!(entries(&env).is_empty());
}

#[test]
fn no_outbox_fails_without_keeping_anything() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let down = stopped_desk(&env);
    env.write("shot.png", PNG_BYTES);
    let output = env
        .cli()
        .arg("new")
        .args(ticket_flags(STORE, "4001"))
        .args(["--desk", &down, "--no-outbox", "--http-timeout", "3s"])
        .env("CARTSAVER_TOKEN", &token)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        !stderr_of(&output).contains("outbox"),
        "{}",
        stderr_of(&output)
    );
    assert!(entries(&env).is_empty());
}

#[cfg(all(unix, debug_assertions))]
#[test]
fn a_kill_while_the_entry_is_written_leaves_the_whole_entry_or_none() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let down = stopped_desk(&env);
    env.write("shot.png", PNG_BYTES);
    let mut child = env
        .std_command(assert_cmd::cargo::cargo_bin("cartsaver-support"))
        .arg("new")
        .args(ticket_flags(STORE, "5001"))
        .args([
            "--screenshot",
            "shot.png",
            "--desk",
            &down,
            "--http-timeout",
            "3s",
        ])
        .env("CARTSAVER_TOKEN", &token)
        .env("CARTSAVER_TEST_OUTBOX_PAUSE_MS", "30000")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the temp file: written whole, not yet renamed.
    let start = Instant::now();
    let temp = loop {
        let found = std::fs::read_dir(outbox_dir(&env))
            .ok()
            .and_then(|listing| {
                listing
                    .map(|e| e.unwrap().path())
                    .find(|p| p.to_string_lossy().ends_with(".tmp"))
            });
        if let Some(temp) = found {
            break temp;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no temp file");
        std::thread::sleep(Duration::from_millis(50));
    };
    std::process::Command::new("kill")
        .args(["-9", &child.id().to_string()])
        .status()
        .unwrap();
    let _ = child.wait();
    assert!(temp.exists());
    assert!(entries(&env).is_empty(), "no half entry");
    let listed = env.cli().args(["outbox", "list"]).output().unwrap();
    assert!(
        stderr_of(&listed).contains("The outbox is empty"),
        "{}",
        stderr_of(&listed)
    );

    // Run again, untouched: the whole entry.
    let output = new_at(&env, &down, &token, "5001");
    assert_eq!(output.status.code(), Some(1));
    let kept = entries(&env);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["screenshots"][0]["name"], "shot.png");
}

#[cfg(unix)]
#[test]
fn the_checklist_at_a_terminal_keeps_its_answers_in_the_outbox_when_the_send_fails() {
    use common::pty::{ENTER, spawn_with};

    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    // The desk answers the first look (a list), and never a create.
    let proxy = FaultProxy::start(&server.url, |exchange: &Exchange| {
        if exchange.is_create() {
            Fault::Close
        } else {
            Fault::Forward
        }
    });
    let mut args = vec!["new", "--desk", proxy.url.as_str(), "--pin", "4821"];
    let flags = ticket_flags(STORE, "6001");
    args.extend(flags.iter().map(String::as_str));
    args.extend(["--summary", "OTP never arrives", "--details", "x"]);
    let mut pty = spawn_with(&env, &args, &[("CARTSAVER_TOKEN", token.as_str())]);
    pty.answer("Screenshot of the error", ENTER);
    pty.answer("Are orders blocked entirely", ENTER);
    pty.answer("May support open your store account", ENTER);
    pty.answer("File this ticket?", "y");
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 1, "{rest}");
    assert_eq!(stdout, "");
    assert!(rest.contains("kept in the outbox as"), "{rest}");
    assert!(!rest.contains("Your answers are not lost"), "{rest}");
    let kept = entries(&env);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["ticket"]["summary"], "OTP never arrives");
    assert_eq!(tickets_on_desk(&env), 0);
}

#[test]
fn outbox_send_refuses_to_file_on_the_local_desk_what_was_kept_for_a_remote_one() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let down = stopped_desk(&env);
    assert_eq!(new_at(&env, &down, &token, "7001").status.code(), Some(1));
    let sent = env.cli().args(["outbox", "send"]).output().unwrap();
    assert_eq!(sent.status.code(), Some(2), "{}", stderr_of(&sent));
    assert!(
        stderr_of(&sent).contains("--desk URL"),
        "{}",
        stderr_of(&sent)
    );
    assert_eq!(entries(&env).len(), 1, "still waiting");
}
