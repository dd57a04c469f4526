//! What reaches the terminal: colour only where asked, escape sequences of our own never shown
//! as text, and nothing from the input or the desk able to drive the terminal (ESC, BEL, bidi
//! controls are written escaped). The one place that writes is `cli/printer.rs`.

mod common;

use common::{PNG_BYTES, TestEnv, stderr_of, stdout_of, ticket_flags};

/// File a ticket (with `extra` flags) at the test clock; its tracking number.
fn file(env: &TestEnv, extra: &[&str]) -> String {
    let output = env
        .cli()
        .arg("new")
        .args(ticket_flags("cool-shop.myshopify.com", "1052"))
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    stdout_of(&output).trim().to_string()
}

#[test]
fn an_overdue_ticket_shows_overdue_not_escaped_colour_codes() {
    let env = TestEnv::new();
    let tn = file(&env, &[]);
    // Ten days on, an unlimited-plan ticket (12 business hours) is long overdue.
    let later = "2026-11-30T14:30:00Z";
    for colour in [&[][..], &["--color", "never"], &["--color", "auto"]] {
        let output = env
            .cli()
            .args(["status", &tn])
            .args(colour)
            .env("CARTSAVER_NOW", later)
            .output()
            .unwrap();
        let text = stdout_of(&output);
        assert!(output.status.success(), "{}", stderr_of(&output));
        assert!(text.contains("overdue"), "{text}");
        assert!(!text.contains("\\u{1b}"), "escaped colour codes: {text}");
        assert!(!text.contains('\u{1b}'), "colour when piped: {text:?}");
    }
    let output = env
        .cli()
        .args(["status", &tn, "--color", "always"])
        .env("CARTSAVER_NOW", later)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = stdout_of(&output);
    assert!(
        text.contains("\u{1b}[1m\u{1b}[31moverdue\u{1b}[0m"),
        "--color always wins over NO_COLOR, and the colour is real: {text:?}"
    );
    assert!(!text.contains("\\u{1b}"), "{text}");
}

#[test]
fn status_writes_channels_as_people_do_and_indents_multi_line_details() {
    let env = TestEnv::new();
    let tn = file(&env, &["--details", "expected an OTP\ngot nothing at all"]);
    let output = env.cli().args(["status", &tn]).output().unwrap();
    let text = stdout_of(&output);
    assert!(text.contains("channel       SMS"), "{text}");
    assert!(
        text.contains("details       expected an OTP\n                got nothing at all\n"),
        "{text}"
    );
    assert!(text.contains("response due"), "{text}");

    // After support's first reply: when it was answered, not when it is due.
    // The desk's own commands on the embedded desk's file.
    env.command("cartsaver-desk")
        .arg("--db")
        .arg(env.path(".local/share/cartsaver/desk.sqlite3"))
        .args(["reply", &tn, "--message", "Fixed the sender."])
        .assert()
        .success();
    let text = stdout_of(&env.cli().args(["status", &tn]).output().unwrap());
    assert!(text.contains("answered at 2026-11-20T14:30:00Z"), "{text}");
    assert!(!text.contains("response due"), "{text}");
}

#[test]
fn a_cell_that_would_retitle_the_terminal_is_shown_escaped_by_check_file() {
    let env = TestEnv::new();
    let file = env.write(
        "orders.csv",
        "store,order,phone,channel,at,tried,email,plan\n\
         cool-shop.myshopify.com,#1\x1b]0;pwned\x07,+201001234567,sms,2026-11-20T14:03:00Z,x,owner@cool-shop.com,free\n",
    );
    let output = env
        .cli()
        .arg("check")
        .arg("--file")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let all = format!("{}{}", stdout_of(&output), stderr_of(&output));
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    assert!(
        all.contains("#1\\u{1b}]0;pwned\\u{7}"),
        "shown escaped: {all}"
    );
}

#[test]
fn a_tracking_number_typed_with_escapes_is_shown_escaped() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["status", "CS-\x1b]0;pwned\x07"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{1b}]0;pwned"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn bidi_controls_in_an_attachment_name_are_shown_escaped() {
    let env = TestEnv::new();
    // U+202E before `gnp.exe` makes `shot` + that read as `shotexe.png`.
    let shot = env.write("shot\u{202e}gnp.exe", PNG_BYTES);
    let tn = file(&env, &["--screenshot", shot.to_str().unwrap()]);
    let text = stdout_of(&env.cli().args(["status", &tn]).output().unwrap());
    assert!(!text.contains('\u{202e}'), "{text:?}");
    assert!(text.contains("shot\\u{202e}gnp.exe"), "{text}");
}
