//! `login` by emailed code, end to end: the real `cartsaver-desk serve` on loopback mailing to
//! the real SMTP capture server (`common/smtp.rs`), the real `cartsaver-support` reading the
//! code the mail carries. The desk's rules over HTTP too: the sixth try fails even with the
//! right code, an unknown store or address gets the same answer (and about the same time) and
//! no mail, requests past the limit are 429 with `Retry-After`, and `logout` leaves the old
//! token refused. Also run on PostgreSQL (`on_postgres.rs`).

mod common;

use std::time::{Duration, Instant};

use common::smtp::{self, SmtpCapture};
use common::{DeskServer, TestEnv, stderr_of, stdout_of};
use mail_parser::MessageParser;
use reqwest::StatusCode;
use reqwest::blocking::Client;
use serde_json::json;

const STORE: &str = "https://cool-shop.myshopify.com";
const OWNER: &str = "owner@cool-shop.com";

/// A desk mailing to `capture`, with `owner@cool-shop.com` registered for the store.
fn mailing_desk(env: &TestEnv, capture: &SmtpCapture) -> DeskServer {
    env.desk()
        .args(["store", "add", STORE, "--email", OWNER])
        .assert()
        .success();
    env.serve_desk_flags(&[
        "--smtp",
        &capture.url(),
        "--mail-from",
        "Cartsaver support <support@cartsaver.example>",
    ])
}

/// The 8 digits in a row of the `n`-th captured mail (1-based), waiting for it.
fn code_of_mail(capture: &SmtpCapture, n: usize) -> String {
    let messages = capture.wait_for(n, Duration::from_secs(30));
    assert!(messages.len() >= n, "mail {n} never came: {messages:?}");
    let parsed = MessageParser::default()
        .parse(messages[n - 1].as_bytes())
        .expect("a mail the parser reads");
    let body = parsed.body_text(0).expect("a text body").to_string();
    let code = body
        .split(|c: char| !c.is_ascii_digit())
        .find(|word| word.len() == 8)
        .unwrap_or_else(|| panic!("no 8-digit code in the mail: {body}"));
    assert_eq!(
        parsed
            .to()
            .and_then(|to| to.first())
            .and_then(|a| a.address()),
        Some(OWNER)
    );
    code.to_string()
}

fn ask_code(server: &DeskServer, store: &str, email: &str) -> reqwest::blocking::Response {
    Client::new()
        .post(server.at("/v1/login"))
        .json(&json!({"store": store, "email": email}))
        .send()
        .unwrap()
}

fn verify(server: &DeskServer, code: &str) -> reqwest::blocking::Response {
    Client::new()
        .post(server.at("/v1/login/verify"))
        .json(&json!({"store": STORE, "email": OWNER, "code": code, "name": "test-machine"}))
        .send()
        .unwrap()
}

/// `login` in two runs (no terminal): ask, then `--code` from the mail. Returns the config text.
fn cli_login(env: &TestEnv, server: &DeskServer, capture: &SmtpCapture, mail: usize) -> String {
    let asked = env
        .cli()
        .args([
            "login",
            "--desk",
            &server.url,
            "--store",
            STORE,
            "--email",
            OWNER,
        ])
        .output()
        .unwrap();
    assert!(asked.status.success(), "{}", stderr_of(&asked));
    assert_eq!(stdout_of(&asked), "");
    assert!(
        stderr_of(&asked).contains("--code CODE"),
        "{}",
        stderr_of(&asked)
    );
    let code = code_of_mail(capture, mail);
    let done = env
        .cli()
        .args([
            "login",
            "--desk",
            &server.url,
            "--store",
            STORE,
            "--email",
            OWNER,
        ])
        .args(["--code", &code, "--name", "laptop"])
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", stderr_of(&done));
    assert_eq!(stdout_of(&done), "", "the token is never printed");
    assert!(!stderr_of(&done).contains("cst_"), "{}", stderr_of(&done));
    std::fs::read_to_string(env.config_file()).expect("the config file")
}

fn token_in(config: &str) -> String {
    let value: toml::Value = toml::from_str(config).unwrap();
    value["token"].as_str().expect("a token").to_string()
}

#[test]
fn login_mails_a_code_and_the_code_puts_a_named_token_in_the_private_config() {
    if !smtp::available("login") {
        return;
    }
    let env = TestEnv::new();
    let capture = SmtpCapture::start(&env.path("mail"));
    let server = mailing_desk(&env, &capture);
    let config = cli_login(&env, &server, &capture, 1);
    let token = token_in(&config);
    assert!(token.starts_with("cst_"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.config_file())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The config now holds the desk, store and email: `list` needs no flag.
    let list = env.cli().args(["list"]).output().unwrap();
    assert!(list.status.success(), "{}", stderr_of(&list));
    let doctor = env.cli().arg("doctor").output().unwrap();
    assert!(
        stdout_of(&doctor)
            .contains("it belongs to https://cool-shop.myshopify.com, issued to `laptop`"),
        "{}",
        stdout_of(&doctor)
    );
    // Support sees the token by its machine's name.
    let listed = env
        .desk()
        .args(["token", "list", "--json"])
        .output()
        .unwrap();
    let tokens: Vec<serde_json::Value> = stdout_of(&listed)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0]["name"], "laptop");
    assert_eq!(tokens[0]["store"], STORE);
}

#[test]
fn five_wrong_codes_spend_the_code_and_the_right_one_fails_after() {
    if !smtp::available("login") {
        return;
    }
    let env = TestEnv::new();
    let capture = SmtpCapture::start(&env.path("mail"));
    let server = mailing_desk(&env, &capture);
    assert_eq!(
        ask_code(&server, STORE, OWNER).status(),
        StatusCode::ACCEPTED
    );
    let code = code_of_mail(&capture, 1);
    let wrong = if code == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    for _ in 0..5 {
        let refused = verify(&server, wrong);
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    }
    let sixth = verify(&server, &code);
    assert_eq!(sixth.status(), StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = sixth.json().unwrap();
    assert_eq!(body["error"]["code"], "unauthorized");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("tried 5 times")
    );
    // A new code works, once.
    assert_eq!(
        ask_code(&server, STORE, OWNER).status(),
        StatusCode::ACCEPTED
    );
    let code = code_of_mail(&capture, 2);
    let issued = verify(&server, &code);
    assert_eq!(issued.status(), StatusCode::OK);
    let issued: serde_json::Value = issued.json().unwrap();
    assert_eq!(issued["store"], STORE);
    assert_eq!(issued["name"], "test-machine");
    assert_eq!(verify(&server, &code).status(), StatusCode::UNAUTHORIZED);
    // The token it gave works.
    let listed = Client::new()
        .get(server.at("/v1/tickets"))
        .bearer_auth(issued["token"].as_str().unwrap())
        .send()
        .unwrap();
    assert_eq!(listed.status(), StatusCode::OK);
}

/// The median of `n` timings of `run`.
fn median_time(n: usize, mut run: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[n / 2]
}

#[test]
fn unknown_stores_and_addresses_get_the_same_answer_in_about_the_same_time_and_no_mail() {
    if !smtp::available("login") {
        return;
    }
    let env = TestEnv::new();
    let capture = SmtpCapture::start(&env.path("mail"));
    let server = mailing_desk(&env, &capture);
    let answer = |store: &str, email: &str| {
        let response = ask_code(&server, store, email);
        let status = response.status();
        let body: serde_json::Value = response.json().unwrap();
        (status, body)
    };
    let known = answer(STORE, OWNER);
    let unknown_store = answer("https://nobody-here.myshopify.com", OWNER);
    let unknown_address = answer(STORE, "stranger@example.com");
    assert_eq!(known.0, StatusCode::ACCEPTED);
    assert_eq!(known, unknown_store);
    assert_eq!(known.0, unknown_address.0);
    assert_eq!(known.1["expires_in"], unknown_address.1["expires_in"]);

    let known_time = median_time(5, || {
        ask_code(&server, STORE, OWNER);
    });
    let unknown_time = median_time(5, || {
        ask_code(&server, "https://nobody-here.myshopify.com", OWNER);
    });
    // Generous: the same work either way, on a shared machine.
    let gap = known_time.abs_diff(unknown_time);
    assert!(
        gap < Duration::from_millis(250),
        "known {known_time:?}, unknown {unknown_time:?}"
    );
    // Only the registered address got mail: the 1 + 5 codes asked for it.
    let mails = capture.wait_for(6, Duration::from_secs(30));
    std::thread::sleep(Duration::from_secs(2));
    let mails = capture.messages().len().max(mails.len());
    assert_eq!(mails, 6);
}

#[test]
fn code_requests_past_the_limit_are_429_with_retry_after() {
    let env = TestEnv::new();
    env.desk()
        .args(["store", "add", STORE, "--email", OWNER])
        .assert()
        .success();
    let server = env.serve_desk();
    // 10 an hour for one address.
    for _ in 0..10 {
        assert_eq!(
            ask_code(&server, STORE, OWNER).status(),
            StatusCode::ACCEPTED
        );
    }
    let limited = ask_code(&server, STORE, OWNER);
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 3600, "{retry}");
    let body: serde_json::Value = limited.json().unwrap();
    assert_eq!(body["error"]["code"], "rate_limited");
}

#[test]
fn logout_revokes_the_token_on_the_desk_and_removes_it_from_the_config() {
    if !smtp::available("login") {
        return;
    }
    let env = TestEnv::new();
    let capture = SmtpCapture::start(&env.path("mail"));
    let server = mailing_desk(&env, &capture);
    let token = token_in(&cli_login(&env, &server, &capture, 1));
    let out = env.cli().arg("logout").output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let config = std::fs::read_to_string(env.config_file()).unwrap();
    assert!(!config.contains("token"), "{config}");
    let refused = Client::new()
        .get(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .send()
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let list = env
        .cli()
        .arg("list")
        .env("CARTSAVER_TOKEN", &token)
        .output()
        .unwrap();
    assert_eq!(list.status.code(), Some(1), "{}", stderr_of(&list));
}

#[test]
fn login_says_every_problem_of_the_command_line_at_once() {
    let env = TestEnv::new();
    let out = env
        .cli()
        .args(["login", "--desk", "http://127.0.0.1:9", "--code", "12"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("store: missing"), "{err}");
    assert!(err.contains("email: missing"), "{err}");
    assert!(err.contains("code `12`"), "{err}");
    let local = env
        .cli()
        .args(["login", "--store", STORE])
        .output()
        .unwrap();
    assert_eq!(local.status.code(), Some(2));
    assert!(
        stderr_of(&local).contains("remote desk"),
        "{}",
        stderr_of(&local)
    );
}

#[cfg(unix)]
#[test]
fn at_a_terminal_login_asks_for_the_code_and_refuses_a_mistyped_one_inline() {
    use common::pty::{BACKSPACE, spawn_with};

    if !smtp::available("login") {
        return;
    }
    let env = TestEnv::new();
    let capture = SmtpCapture::start(&env.path("mail"));
    let server = mailing_desk(&env, &capture);
    let mut pty = spawn_with(
        &env,
        &[
            "login",
            "--desk",
            &server.url,
            "--store",
            STORE,
            "--email",
            OWNER,
        ],
        &[],
    );
    pty.expect("Code from the mail");
    let code = code_of_mail(&capture, 1);
    pty.send("1234\r");
    pty.expect("8 digits");
    // Asked again, with the typed text to edit.
    pty.expect("Code from the mail");
    pty.expect("› 1234");
    pty.edit(&format!("{}{code}\r", BACKSPACE.repeat(4)));
    let (rest, status, stdout) = pty.finish();
    assert_eq!(status, 0, "{rest}");
    assert_eq!(stdout, "");
    assert!(rest.contains("Logged in to"), "{rest}");
    assert!(!rest.contains("cst_"), "{rest}");
    let config = std::fs::read_to_string(env.config_file()).unwrap();
    assert!(token_in(&config).starts_with("cst_"));
}
