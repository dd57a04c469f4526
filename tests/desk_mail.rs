//! The desk's email against a real SMTP server on loopback (Debian's aiosmtpd, started by the
//! harness: `common/smtp.rs`): the acknowledgement, a support reply and the resolve notice as
//! received, threaded; an outage and a desk restart delay mail and lose none, nor send any
//! twice; a 5xx is kept as failed with the reason. And the store addresses mail is taken from.

mod common;

use std::time::Duration;

use cartsaver::api::TicketView;
use common::smtp::{self, SmtpCapture};
use common::{DeskServer, TestEnv, stderr_of, stdout_of, ticket_json};
use mail_parser::{Message, MessageParser};
use reqwest::StatusCode;
use reqwest::blocking::Client;

const STORE: &str = "https://cool-shop.myshopify.com";

fn serve_mailing(env: &TestEnv, smtp: &str) -> DeskServer {
    env.serve_desk_flags(&[
        "--smtp",
        smtp,
        "--mail-from",
        "Cartsaver support <support@cartsaver.example>",
        "--mail-reply-to",
        "desk@cartsaver.example",
    ])
}

fn file(env: &TestEnv, server: &DeskServer, body: serde_json::Value) -> TicketView {
    let token = env.desk_token(STORE);
    let response = Client::new()
        .post(server.at("/v1/tickets"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().unwrap()
}

fn parsed(raw: &str) -> Message<'_> {
    MessageParser::default()
        .parse(raw.as_bytes())
        .expect("a message the parser reads")
}

fn queue(env: &TestEnv) -> Vec<serde_json::Value> {
    let output = env
        .desk()
        .args(["mail", "queue", "--all", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    stdout_of(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn store_addresses_are_registered_once_and_listed() {
    let env = TestEnv::new();
    for _ in 0..2 {
        env.desk()
            .args(["store", "add", "cool-shop.myshopify.com/admin", "--email"])
            .arg("Owner@Cool-Shop.com")
            .assert()
            .success();
    }
    let output = env
        .desk()
        .args(["store", "list", "--json"])
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = stdout_of(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["store"], STORE);
    assert_eq!(lines[0]["email"], "owner@cool-shop.com");
    // Both bad values at once, exit 2, nothing added.
    let output = env
        .desk()
        .args(["store", "add", "http://127.0.0.1", "--email", "nobody"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr_of(&output);
    assert!(
        errors.contains("store") && errors.contains("email"),
        "{errors}"
    );
}

#[test]
fn acknowledgement_reply_and_resolve_notice_arrive_threaded() {
    if !smtp::available("acknowledgement_reply_and_resolve_notice_arrive_threaded") {
        return;
    }
    let env = TestEnv::new();
    let capture = SmtpCapture::start(&env.path("smtp"));
    let server = serve_mailing(&env, &capture.url());
    let mut body = ticket_json(STORE, "1052");
    body["phone"] = "+20 2 23456789".into();
    body["tried"] = serde_json::json!(["none"]);
    let ticket = file(&env, &server, body);
    let tn = ticket.tracking_number.to_string();

    let acks = capture.wait_for(1, Duration::from_secs(15));
    assert_eq!(acks.len(), 1, "the acknowledgement arrives");
    env.desk()
        .args([
            "reply",
            &tn,
            "--message",
            "The WhatsApp template was paused; resumed it.",
        ])
        .assert()
        .success();
    let token = env.desk_token(STORE);
    let resolved = Client::new()
        .post(server.at(&format!("/v1/tickets/{tn}/resolve")))
        .bearer_auth(&token)
        .send()
        .unwrap();
    assert_eq!(resolved.status(), StatusCode::OK);
    let raw = capture.wait_for(3, Duration::from_secs(15));
    assert_eq!(raw.len(), 3, "acknowledgement, reply, resolve notice");

    let (ack, reply, notice) = (parsed(&raw[0]), parsed(&raw[1]), parsed(&raw[2]));
    assert_eq!(
        ack.subject(),
        Some(format!("[{tn}] Cartsaver — OTP not arriving via WhatsApp — Order #1052").as_str())
    );
    assert_eq!(
        ack.header_raw("Auto-Submitted").map(str::trim),
        Some("auto-replied")
    );
    assert_eq!(
        ack.header_raw("X-Cartsaver-Loop").map(str::trim),
        Some("cartsaver-desk")
    );
    assert!(ack.reply_to().is_some());
    let text = ack.body_text(0).unwrap();
    assert!(
        text.contains(&format!("cartsaver-support status {tn}")),
        "{text}"
    );
    assert!(
        text.contains("Africa/Cairo") && text.contains(" UTC"),
        "{text}"
    );
    assert!(text.contains("Still needed"), "{text}");
    assert!(text.contains("landline"), "{text}");
    assert!(text.contains("tried: no step tried yet"), "{text}");

    assert_eq!(
        reply.subject(),
        Some(
            format!("Re: [{tn}] Cartsaver — OTP not arriving via WhatsApp — Order #1052").as_str()
        )
    );
    assert!(
        reply.header_raw("Auto-Submitted").is_none(),
        "a person's reply"
    );
    assert!(reply.body_text(0).unwrap().contains("template was paused"));
    let ack_id = ack.message_id().unwrap();
    assert_eq!(reply.in_reply_to().as_text(), Some(ack_id));
    assert_eq!(notice.in_reply_to().as_text(), reply.message_id());
    let chain: Vec<String> = notice
        .references()
        .as_text_list()
        .unwrap_or_default()
        .iter()
        .map(|id| id.to_string())
        .collect();
    assert_eq!(
        chain,
        [ack_id, reply.message_id().unwrap()].map(String::from)
    );
    assert!(
        notice
            .body_text(0)
            .unwrap()
            .contains("opens the ticket again")
    );
    assert_eq!(
        notice.header_raw("Auto-Submitted").map(str::trim),
        Some("auto-replied")
    );
    assert!(queue(&env).iter().all(|mail| mail["status"] == "sent"));
}

#[test]
fn an_smtp_outage_and_a_desk_restart_delay_mail_and_lose_none() {
    if !smtp::available("an_smtp_outage_and_a_desk_restart_delay_mail_and_lose_none") {
        return;
    }
    let env = TestEnv::new();
    let dir = env.path("smtp");
    let port = SmtpCapture::start(&dir).stop();
    let url = format!("smtp://127.0.0.1:{port}");
    let server = serve_mailing(&env, &url);
    let filed: Vec<String> = ["1052", "1053", "1054"]
        .iter()
        .map(|order| {
            file(&env, &server, ticket_json(STORE, order))
                .tracking_number
                .to_string()
        })
        .collect();
    // The server is down: the mails wait, each with why.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let waiting = queue(&env);
        if waiting.len() == 3
            && waiting
                .iter()
                .all(|m| m["status"] == "queued" && m["last_error"].is_string())
        {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{waiting:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
    // The desk stops while the mail waits; the server comes back; a new desk takes up the queue.
    server.terminate();
    let capture = SmtpCapture::start_on(&dir, port);
    let _again = serve_mailing(&env, &url);
    let raw = capture.wait_for(3, Duration::from_secs(30));
    assert_eq!(raw.len(), 3);
    std::thread::sleep(Duration::from_secs(2));
    let raw = capture.messages();
    assert_eq!(raw.len(), 3, "each mail exactly once");
    let mut subjects: Vec<String> = raw
        .iter()
        .map(|m| parsed(m).subject().unwrap().to_string())
        .collect();
    subjects.sort();
    let mut expected: Vec<String> = filed.iter().map(|tn| format!("[{tn}]")).collect();
    expected.sort();
    for (subject, tag) in subjects.iter().zip(&expected) {
        assert!(subject.starts_with(tag.as_str()), "{subject} / {tag}");
    }
    assert!(queue(&env).iter().all(|mail| mail["status"] == "sent"));
}

#[test]
fn a_permanent_refusal_is_kept_as_failed_with_the_reason() {
    if !smtp::available("a_permanent_refusal_is_kept_as_failed_with_the_reason") {
        return;
    }
    let env = TestEnv::new();
    let capture = SmtpCapture::start(&env.path("smtp"));
    let server = serve_mailing(&env, &capture.url());
    let mut body = ticket_json(STORE, "1052");
    body["email"] = "bounce@cool-shop.com".into();
    file(&env, &server, body);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let failed = loop {
        let mails = queue(&env);
        if let Some(failed) = mails.iter().find(|m| m["status"] == "failed") {
            break failed.clone();
        }
        assert!(std::time::Instant::now() < deadline, "{mails:?}");
        std::thread::sleep(Duration::from_millis(200));
    };
    let reason = failed["last_error"].as_str().unwrap();
    assert!(reason.contains("550"), "{reason}");
    assert!(capture.messages().is_empty());
    // The table names it for the engineer.
    let output = env.desk().args(["mail", "queue"]).output().unwrap();
    let table = stdout_of(&output);
    assert!(table.contains("failed") && table.contains("550"), "{table}");
}

#[test]
fn without_smtp_the_desk_says_once_that_it_sends_no_mail_and_queues_it() {
    let env = TestEnv::new();
    let log = env.path("serve.log");
    let server = env.serve_desk_logged(&[], &log);
    file(&env, &server, ticket_json(STORE, "1052"));
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(text.matches("sends no mail").count(), 1, "{text}");
    let mails = queue(&env);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0]["status"], "queued");
    assert_eq!(mails[0]["kind"], "acknowledgement");
}

/// Feed one message to `mail receive`.
fn receive(env: &TestEnv, raw: &[u8]) -> std::process::Output {
    env.desk()
        .args(["mail", "receive"])
        .write_stdin(raw.to_vec())
        .output()
        .unwrap()
}

/// A ticket filed through the embedded core's own path (`serve`), answered by support, with the
/// Message-ID of the desk's latest mail on it.
fn answered_ticket(env: &TestEnv) -> (String, String) {
    let server = env.serve_desk();
    let tn = file(env, &server, ticket_json(STORE, "1052"))
        .tracking_number
        .to_string();
    drop(server);
    env.desk()
        .args(["reply", &tn, "--message", "Which template do you use?"])
        .assert()
        .success();
    let latest = queue(env)
        .into_iter()
        .find(|m| m["kind"] == "reply")
        .unwrap();
    (tn, latest["message_id"].as_str().unwrap().to_string())
}

fn ticket(env: &TestEnv, tn: &str) -> TicketView {
    let output = env
        .desk()
        .args(["tickets", "show", tn, "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

fn held(env: &TestEnv) -> Vec<serde_json::Value> {
    let output = env
        .desk()
        .args(["mail", "held", "--json"])
        .output()
        .unwrap();
    stdout_of(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn reply_mail(from: &str, id: &str, parent: &str, subject: &str, extra: &str) -> Vec<u8> {
    format!(
        "From: Sara <{from}>\r\nTo: desk@cartsaver.example\r\nSubject: {subject}\r\n\
         Message-ID: {id}\r\nIn-Reply-To: {parent}\r\nReferences: {parent}\r\n{extra}\
         Content-Type: text/plain; charset=utf-8\r\n\r\n\
         The template is otp_v2, still not delivered.\r\n\r\n\
         On Tue, 1 Dec 2026 at 12:00, Cartsaver support <support@cartsaver.example> wrote:\r\n\
         > ## Reply above this line to add to the ticket ##\r\n> Which template do you use?\r\n"
    )
    .into_bytes()
}

#[test]
fn a_reply_from_the_contact_is_threaded_and_reopens_the_ticket_once() {
    let env = TestEnv::new();
    let (tn, parent) = answered_ticket(&env);
    assert_eq!(ticket(&env, &tn).status, cartsaver::api::Status::Answered);
    let mail = reply_mail(
        "Owner@cool-shop.com",
        "<r1@mail.example>",
        &parent,
        "Re: anything",
        "",
    );
    let output = receive(&env, &mail);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains(&format!("threaded on {tn}")));
    let view = ticket(&env, &tn);
    assert_eq!(view.status, cartsaver::api::Status::Open);
    assert_eq!(view.messages.len(), 2);
    assert_eq!(
        view.messages[1].body,
        "The template is otp_v2, still not delivered."
    );
    // The same Message-ID again is the same message.
    let output = receive(&env, &mail);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr_of(&output).contains("already taken"));
    assert_eq!(ticket(&env, &tn).messages.len(), 2);
}

#[test]
fn a_stranger_knowing_the_number_cannot_write_into_the_ticket_and_is_told_nothing() {
    let env = TestEnv::new();
    let (tn, parent) = answered_ticket(&env);
    let before = queue(&env).len();
    for (id, parent) in [
        ("<s1@evil.example>", parent.as_str()),
        ("<s2@evil.example>", "<x@y>"),
    ] {
        let mail = reply_mail(
            "attacker@evil.example",
            id,
            parent,
            &format!("Re: [{tn}] Cartsaver"),
            "",
        );
        let output = receive(&env, &mail);
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        assert!(
            stderr_of(&output).contains("mail held"),
            "{}",
            stderr_of(&output)
        );
    }
    let view = ticket(&env, &tn);
    assert_eq!(view.messages.len(), 1, "only support's reply");
    assert_eq!(view.status, cartsaver::api::Status::Answered);
    assert_eq!(queue(&env).len(), before, "no answer to the stranger");
    let held = held(&env);
    assert_eq!(held.len(), 2);
    assert!(held[0]["reason"].as_str().unwrap().contains("neither"));

    // Registered for the store, the same address may write, by the subject's tag alone.
    env.desk()
        .args(["store", "add", STORE, "--email", "attacker@evil.example"])
        .assert()
        .success();
    let mail = reply_mail(
        "attacker@evil.example",
        "<s3@evil.example>",
        "<unknown@y>",
        &format!("Re: [{tn}] Cartsaver"),
        "",
    );
    assert!(stderr_of(&receive(&env, &mail)).contains("threaded"));
    assert_eq!(ticket(&env, &tn).messages.len(), 2);
}

#[test]
fn automatic_and_looping_mail_gets_no_answer_and_strangers_one_a_day() {
    let env = TestEnv::new();
    let (tn, parent) = answered_ticket(&env);
    let before = queue(&env).len();
    // An out-of-office from the contact on the thread: held, not a message, no answer.
    let auto = reply_mail(
        "owner@cool-shop.com",
        "<auto@mail.example>",
        &parent,
        "Automatic reply: away",
        "Auto-Submitted: auto-replied\r\n",
    );
    assert!(stderr_of(&receive(&env, &auto)).contains("mail held"));
    assert_eq!(ticket(&env, &tn).messages.len(), 1);
    // The desk's own mail come back, and a list's.
    for (id, header) in [
        ("<loop@x>", "X-Cartsaver-Loop: cartsaver-desk\r\n"),
        ("<bulk@x>", "Precedence: bulk\r\n"),
    ] {
        let mail = reply_mail("someone@else.example", id, "<none@x>", "hello", header);
        assert!(stderr_of(&receive(&env, &mail)).contains("mail held"));
    }
    assert_eq!(
        queue(&env).len(),
        before,
        "no automatic answer to automatic mail"
    );
    // A person no store registered: one polite answer, then none for a day.
    for id in ["<p1@x>", "<p2@x>"] {
        let mail = reply_mail("person@else.example", id, "<none@x>", "OTP broken", "");
        receive(&env, &mail);
    }
    let notices: Vec<serde_json::Value> = queue(&env)
        .into_iter()
        .filter(|m| m["kind"] == "how_to_file")
        .collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0]["recipient"], "person@else.example");
    assert_eq!(notices[0]["subject"], "Re: OTP broken");
}

#[test]
fn other_charsets_are_read_and_unusable_messages_exit_65_or_75() {
    let env = TestEnv::new();
    let (tn, parent) = answered_ticket(&env);
    let latin1 = [
        format!(
            "From: owner@cool-shop.com\r\nSubject: =?ISO-8859-1?Q?R=E9p?=\r\nMessage-ID: <l1@x>\r\n\
             In-Reply-To: {parent}\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n"
        )
        .into_bytes(),
        b"D\xe9j\xe0 essay\xe9.\r\n".to_vec(),
    ]
    .concat();
    assert_eq!(receive(&env, &latin1).status.code(), Some(0));
    let arabic = [
        format!(
            "From: owner@cool-shop.com\r\nSubject: x\r\nMessage-ID: <a1@x>\r\n\
             In-Reply-To: {parent}\r\nContent-Type: text/plain; charset=windows-1256\r\n\r\n"
        )
        .into_bytes(),
        b"\xe3\xd1\xcd\xc8\xc7\r\n".to_vec(),
    ]
    .concat();
    assert_eq!(receive(&env, &arabic).status.code(), Some(0));
    let bodies: Vec<String> = ticket(&env, &tn)
        .messages
        .iter()
        .map(|m| m.body.clone())
        .collect();
    assert_eq!(bodies[1..], ["Déjà essayé.", "مرحبا"]);

    // A MIME bomb: refused with one line, 65.
    let mut bomb = String::from(
        "From: owner@cool-shop.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n",
    );
    for i in 0..500 {
        bomb.push_str(&format!(
            "--b{i}\r\nContent-Type: multipart/mixed; boundary=b{}\r\n\r\n",
            i + 1
        ));
    }
    let output = receive(&env, bomb.as_bytes());
    assert_eq!(output.status.code(), Some(65));
    let reason = stderr_of(&output);
    assert_eq!(reason.trim().lines().count(), 1, "{reason}");
    assert!(reason.contains("MIME parts"), "{reason}");
    let output = receive(&env, b"not a mail at all");
    assert_eq!(output.status.code(), Some(65), "{}", stderr_of(&output));

    // The database cannot be reached: 75, so the MTA tries again.
    let key = env.write("desk.key", [7u8; 32]);
    let output = env
        .command("cartsaver-desk")
        .args(["--db", "postgres://desk:x@127.0.0.1:1/desk", "--key-file"])
        .arg(&key)
        .args(["mail", "receive"])
        .write_stdin(latin1)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(75), "{}", stderr_of(&output));
}

/// Whether swaks (Debian's SMTP test tool) is here; says so when not (and fails under
/// `CARTSAVER_REQUIRE_SMTP=1`).
fn swaks_available(test: &str) -> bool {
    let found = std::process::Command::new("swaks")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CARTSAVER_REQUIRE_SMTP").is_none_or(|v| v != "1"),
            "{test}: swaks is missing and CARTSAVER_REQUIRE_SMTP=1 (apt-get install swaks)"
        );
        eprintln!("skipped {test}: swaks is not installed (apt-get install swaks)");
    }
    found
}

#[test]
fn mail_sent_to_smtp_listen_with_swaks_is_taken_like_mail_receive() {
    if !swaks_available("mail_sent_to_smtp_listen_with_swaks_is_taken_like_mail_receive") {
        return;
    }
    let env = TestEnv::new();
    let (tn, parent) = answered_ticket(&env);
    let mut server = env.serve_desk_flags(&["--smtp-listen", "127.0.0.1:0"]);
    let line = server.next_stdout_line();
    let at = line
        .strip_prefix("smtp on ")
        .unwrap_or_else(|| panic!("{line}"))
        .to_string();
    let swaks = |from: &str, id: &str| {
        std::process::Command::new("swaks")
            .args([
                "--server",
                &at,
                "--to",
                "desk@cartsaver.example",
                "--from",
                from,
            ])
            .args(["--header", &format!("Subject: Re: [{tn}] Cartsaver")])
            .args(["--header", &format!("Message-ID: {id}")])
            .args(["--header", &format!("In-Reply-To: {parent}")])
            .args([
                "--body",
                "Resent it, still nothing.\n\nOn Tue, Desk wrote:\n> old",
            ])
            .output()
            .unwrap()
    };
    let sent = swaks("owner@cool-shop.com", "<w1@mail.example>");
    assert!(
        sent.status.success(),
        "{}",
        String::from_utf8_lossy(&sent.stdout)
    );
    let stranger = swaks("attacker@evil.example", "<w2@evil.example>");
    assert!(stranger.status.success());
    let view = ticket(&env, &tn);
    assert_eq!(view.messages.len(), 2);
    assert_eq!(view.messages[1].body, "Resent it, still nothing.");
    assert_eq!(view.status, cartsaver::api::Status::Open);
    assert_eq!(held(&env).len(), 1);
}

#[test]
fn starttls_to_a_server_with_a_certificate_made_here() {
    if !smtp::available("starttls_to_a_server_with_a_certificate_made_here") {
        return;
    }
    let env = TestEnv::new();
    let (cert, key) = (env.path("cert.pem"), env.path("key.pem"));
    let made = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=localhost"])
        .args(["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"])
        .args(["-addext", "basicConstraints=critical,CA:FALSE"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl to make a certificate");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let capture = SmtpCapture::start_tls(&env.path("smtp"), &cert, &key);
    // Not trusted: the mail waits, with why.
    let untrusted = serve_mailing(&env, &capture.url());
    file(&env, &untrusted, ticket_json(STORE, "1052"));
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !queue(&env)[0]["last_error"].is_string() {
        assert!(std::time::Instant::now() < deadline, "{:?}", queue(&env));
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(capture.messages().is_empty());
    drop(untrusted);
    // Trusted: sent over STARTTLS (the server takes no mail before it).
    let cert_flag = cert.display().to_string();
    let _trusted = env.serve_desk_flags(&[
        "--smtp",
        &capture.url(),
        "--smtp-ca-file",
        &cert_flag,
        "--mail-from",
        "support@cartsaver.example",
    ]);
    let raw = capture.wait_for(1, Duration::from_secs(20));
    assert_eq!(raw.len(), 1);
    assert!(parsed(&raw[0]).subject().unwrap().contains("Order #1052"));
}

#[test]
fn a_new_mail_from_a_store_address_is_a_ticket_whose_acknowledgement_lists_what_is_missing() {
    if !smtp::available(
        "a_new_mail_from_a_store_address_is_a_ticket_whose_acknowledgement_lists_what_is_missing",
    ) {
        return;
    }
    let env = TestEnv::new();
    env.desk()
        .args(["store", "add", STORE, "--email", "sara@cool-shop.com"])
        .assert()
        .success();
    let mail = "From: Sara <sara@cool-shop.com>\r\nTo: desk@cartsaver.example\r\n\
        Subject: Fwd: OTP not arriving on WhatsApp\r\nMessage-ID: <new1@cool-shop.com>\r\n\
        Content-Type: text/plain; charset=utf-8\r\n\r\n\
        Hello, a customer at +20 2 23456789 never gets the WhatsApp code.\r\n\
        It happened at 2026-11-20T14:03:00Z.\r\ntried: resent the OTP\r\n\r\n-- \r\nSara\r\n";
    let output = receive(&env, mail.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let said = stderr_of(&output);
    let tn = said
        .trim()
        .strip_prefix("mail filed as ticket ")
        .unwrap_or_else(|| panic!("{said}"))
        .to_string();
    let view = ticket(&env, &tn);
    assert_eq!(view.store, STORE);
    assert_eq!(view.summary, "OTP not arriving on WhatsApp");
    assert_eq!(view.phone, "+20223456789");
    assert_eq!(view.channel, "whatsapp");
    assert_eq!(view.order, "");
    assert_eq!(view.email, "sara@cool-shop.com");
    // The same mail again is the same ticket.
    assert!(stderr_of(&receive(&env, mail.as_bytes())).contains("already taken"));

    let capture = SmtpCapture::start(&env.path("smtp"));
    let _server = serve_mailing(&env, &capture.url());
    let raw = capture.wait_for(1, Duration::from_secs(15));
    assert_eq!(raw.len(), 1);
    let ack = parsed(&raw[0]);
    assert!(ack.subject().unwrap().starts_with(&format!("[{tn}] ")));
    assert_eq!(ack.in_reply_to().as_text(), Some("new1@cool-shop.com"));
    let text = ack.body_text(0).unwrap();
    assert!(
        text.contains("order: missing; reply with the order number"),
        "{text}"
    );
    assert!(text.contains("plan: missing"), "{text}");
    assert!(text.contains("landline"), "{text}");
}

/// A mail from a registered address, with an order missing and a PDF-named text file attached.
fn mail_without_order(id: &str) -> String {
    format!(
        "From: Sara <sara@cool-shop.com>\r\nTo: desk@cartsaver.example\r\n\
         Subject: OTP not arriving on WhatsApp\r\nMessage-ID: {id}\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=b1\r\n\r\n\
         --b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         A customer at +20 100 123 4567 never gets the WhatsApp code.\r\n\
         It happened at 2026-11-20T14:03:00Z.\r\ntried: resent the OTP\r\n\
         --b1\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n\r\n\
         this is not a pdf at all\r\n--b1--\r\n"
    )
}

fn filed_tracking(output: &std::process::Output) -> String {
    let said = stderr_of(output);
    said.trim()
        .strip_prefix("mail filed as ticket ")
        .unwrap_or_else(|| panic!("{said}"))
        .to_string()
}

#[test]
fn a_mail_filed_ticket_is_marked_and_a_reply_completes_what_it_lacked() {
    let env = TestEnv::new();
    env.desk()
        .args(["store", "add", STORE, "--email", "sara@cool-shop.com"])
        .assert()
        .success();
    let output = receive(&env, mail_without_order("<first@cool-shop.com>").as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let tn = filed_tracking(&output);
    let view = ticket(&env, &tn);
    assert_eq!(view.via, cartsaver::api::Via::Email);
    assert_eq!(view.missing, ["order", "plan"]);
    assert_eq!(view.plan, "");
    // The attachment that is not what it says is kept aside with why, not in the ticket.
    assert!(view.attachments.is_empty(), "{:?}", view.attachments);
    let refused = env
        .desk()
        .args(["attachments", "refused", &tn, "--json"])
        .output()
        .unwrap();
    let refused: serde_json::Value = serde_json::from_str(stdout_of(&refused).trim()).unwrap();
    assert_eq!(refused["name"], "invoice.pdf");
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .contains("the content is plain text"),
        "{refused}"
    );

    // The merchant answers the acknowledgement: the order and plan complete the ticket; the
    // phone the reply also writes does not replace the one the ticket has.
    let ack_id = queue(&env)
        .into_iter()
        .find(|m| m["kind"] == "acknowledgement")
        .unwrap()["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    let answer = format!(
        "From: Sara <sara@cool-shop.com>\r\nTo: desk@cartsaver.example\r\n\
         Subject: Re: [{tn}] Cartsaver\r\nMessage-ID: <second@cool-shop.com>\r\n\
         In-Reply-To: {ack_id}\r\nReferences: {ack_id}\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n\
         It is order #1052, we are on the Advanced plan. Also +20 100 765 4321 has it.\r\n\r\n\
         On Tue, 1 Dec 2026 at 12:00, Cartsaver support <support@cartsaver.example> wrote:\r\n\
         > order: missing\r\n"
    );
    let output = receive(&env, answer.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let view = ticket(&env, &tn);
    assert_eq!(view.order, "#1052");
    assert_eq!(view.plan, "advanced");
    assert!(view.missing.is_empty(), "{:?}", view.missing);
    assert_eq!(view.phone, "+201001234567");
    assert!(view.subject.ends_with("— Order #1052"), "{}", view.subject);
    assert_eq!(view.messages.len(), 1);
    assert_eq!(view.messages[0].via, cartsaver::api::Via::Email);

    // A support reply is `desk`; the merchant's `status` marks what came by email.
    env.desk()
        .args(["reply", &tn, "--message", "Thanks, looking at #1052."])
        .assert()
        .success();
    assert_eq!(ticket(&env, &tn).messages[1].via, cartsaver::api::Via::Desk);
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    let status = env
        .cli()
        .env("CARTSAVER_DESK", &server.url)
        .env("CARTSAVER_TOKEN", &token)
        .args(["status", &tn])
        .output()
        .unwrap();
    let shown = stdout_of(&status);
    assert!(status.status.success(), "{}", stderr_of(&status));
    assert!(shown.contains("by email"), "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    let merchant = lines
        .iter()
        .find(|l| l.trim_start().starts_with("you "))
        .unwrap();
    assert!(merchant.ends_with("by email"), "{merchant}");
    let support = lines
        .iter()
        .find(|l| l.trim_start().starts_with("support "))
        .unwrap();
    assert!(!support.contains("by email"), "{support}");
}

#[test]
fn a_second_mail_about_an_order_with_an_open_ticket_joins_that_ticket() {
    let env = TestEnv::new();
    env.desk()
        .args(["store", "add", STORE, "--email", "sara@cool-shop.com"])
        .assert()
        .success();
    let mail = |id: &str| {
        format!(
            "From: sara@cool-shop.com\r\nTo: desk@cartsaver.example\r\n\
             Subject: OTP not arriving for order #1052\r\nMessage-ID: {id}\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\r\n\
             The customer at +20 100 123 4567 gets nothing by WhatsApp.\r\n"
        )
    };
    let first = receive(&env, mail("<a@cool-shop.com>").as_bytes());
    let tn = filed_tracking(&first);
    let second = receive(&env, mail("<b@cool-shop.com>").as_bytes());
    assert_eq!(second.status.code(), Some(0), "{}", stderr_of(&second));
    assert!(
        stderr_of(&second).contains(&format!("threaded on {tn}")),
        "{}",
        stderr_of(&second)
    );
    let view = ticket(&env, &tn);
    assert_eq!(view.messages.len(), 1);
    assert_eq!(view.messages[0].via, cartsaver::api::Via::Email);
    let tickets = env
        .desk()
        .args(["tickets", "list", "--json"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&tickets).lines().count(), 1);
}

#[test]
fn a_number_a_mail_writes_nationally_is_read_with_the_stores_region() {
    let env = TestEnv::new();
    env.desk()
        .args(["store", "add", STORE, "--email", "sara@cool-shop.com"])
        .assert()
        .success();
    // The store's earlier ticket (by the API) has an Egyptian number: the store's region.
    let server = env.serve_desk();
    file(&env, &server, ticket_json(STORE, "1052"));
    drop(server);
    let mail = "From: sara@cool-shop.com\r\nTo: desk@cartsaver.example\r\n\
        Subject: No SMS code for order #2001\r\nMessage-ID: <national@cool-shop.com>\r\n\
        Content-Type: text/plain; charset=utf-8\r\n\r\n\
        The customer 0100 765 4321 gets no SMS since 2026-11-20T14:03:00Z.\r\n";
    let output = receive(&env, mail.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let view = ticket(&env, &filed_tracking(&output));
    assert_eq!(view.phone, "+201007654321");
    assert_eq!(view.channel, "sms");
    assert!(
        !view.missing.contains(&"phone".to_string()),
        "{:?}",
        view.missing
    );
}
