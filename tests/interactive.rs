//! The checklist at a terminal: the real binary in a pseudo-terminal (expectrl), answering the
//! prompts like a merchant. stdin and stderr are the terminal; stdout goes to a file, so the
//! tracking number can be read alone, exactly as `TN=$(cartsaver-support new)` would see it.

#![cfg(unix)]

mod common;

use common::pty::{BACKSPACE, CTRL_C, DOWN, ENTER, ESC, Pty, spawn, spawn_with};
use common::{TestEnv, is_tracking_number};

fn tickets(env: &TestEnv) -> Vec<String> {
    let output = env.cli().args(["list", "--json"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// `new` with every field given but the screenshot and the URGENT questions, plus `extra`.
fn nearly_complete(plan: &'static str, extra: &[&'static str]) -> Vec<&'static str> {
    let mut args = vec![
        "new",
        "--store",
        "cool-shop.myshopify.com",
        "--order",
        "1052",
        "--phone",
        "+201001234567",
        "--channel",
        "whatsapp",
        "--at",
        "now",
        "--tried",
        "none",
        "--summary",
        "OTP never arrives",
        "--details",
        "x",
        "--email",
        "owner@cool-shop.com",
        "--plan",
        plan,
    ];
    args.extend_from_slice(extra);
    args
}

/// The prompts from the screenshot to the preview, answered with their defaults.
fn defaults_to_preview(pty: &mut Pty) {
    pty.answer("Screenshot of the error", ENTER);
    pty.answer("Steps already tried", ENTER);
    pty.answer("Anything else you tried", ENTER);
    pty.answer("Summary, one line", ENTER);
    pty.answer("Details:", ENTER);
}

#[test]
fn happy_path_ends_with_the_tracking_number_on_stdout() {
    let env = TestEnv::new();
    let mut pty = spawn(&env, &["new"]);
    pty.answer(
        "Shopify store",
        "https://admin.shopify.com/store/cool-shop/orders\r",
    );
    pty.answer("Order number", "1052\r");
    pty.answer("Customer's phone", "+20 100 123 4567\r");
    pty.expect("mobile number, Egypt (EG)");
    pty.answer("Channel the OTP was sent over", ENTER);
    pty.answer("When did it happen", "2026-11-20T16:03+02:00\r");
    pty.expect("is 2026-11-20T14:03:00Z");
    pty.answer("Screenshot of the error", ENTER);
    // Tick the first and third common steps.
    pty.answer("Steps already tried", &format!(" {DOWN}{DOWN} {ENTER}"));
    pty.answer("Anything else you tried", "restarted the phone\r");
    pty.answer("Summary, one line", ENTER);
    pty.answer("Details:", ENTER);
    pty.answer("Your email", "owner@cool-shop.com\r");
    pty.answer("Your Cartsaver plan", &format!("{DOWN}{ENTER}"));
    pty.answer("Are orders blocked entirely", ENTER);
    pty.answer("May support open your store account", "y");
    pty.answer_hidden("Support PIN", "4821\r");
    let before = pty.answer("File this ticket?", "y");
    assert!(
        before.contains("(hidden; Enter to skip) · ••••21"),
        "{before}"
    );
    let preview = before;
    assert!(
        preview.contains("Cartsaver — OTP not arriving via WhatsApp — Order #1052"),
        "{preview}"
    );
    assert!(
        preview.contains("https://cool-shop.myshopify.com"),
        "{preview}"
    );
    assert!(preview.contains("+201001234567"), "{preview}");
    assert!(
        preview.contains(
            "resent the OTP; customer confirmed WhatsApp is installed; restarted the phone"
        ),
        "{preview}"
    );
    assert!(preview.contains("••••21"), "the PIN is masked: {preview}");
    assert!(
        !preview.contains("4821"),
        "the PIN is never shown: {preview}"
    );
    assert!(preview.contains("within 24 business hours"), "{preview}");
    assert!(preview.contains("Cairo time"), "{preview}");
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    let tn = stdout.trim();
    assert!(
        is_tracking_number(tn),
        "stdout is the tracking number: {stdout:?}"
    );
    assert_eq!(stdout, format!("{tn}\n"));
    assert!(
        rest.contains(&format!("Keep {tn} for every follow-up")),
        "{rest}"
    );
    assert_eq!(tickets(&env).len(), 1);
}

#[test]
fn a_wrong_phone_number_is_shown_inline_and_asked_again_with_what_was_typed() {
    let env = TestEnv::new();
    let mut pty = spawn(
        &env,
        &[
            "new",
            "--store",
            "cool-shop.myshopify.com",
            "--order",
            "1052",
        ],
    );
    pty.answer("Customer's phone", "+20 10\r");
    pty.expect("✘ phone `+20 10`: too short");
    // Asked again, with the typed text to edit.
    pty.expect("Customer's phone");
    pty.expect("› +20 10");
    pty.edit(&format!("{}+20 100 123 4567\r", BACKSPACE.repeat(6)));
    pty.expect("mobile number, Egypt (EG)");
    // A number without a country code asks for the region too: not the case here.
    let before = pty.expect("Channel the OTP was sent over");
    assert!(!before.contains("which country"), "{before}");
    pty.send(CTRL_C);
    let (_, code, _) = pty.finish();
    assert_eq!(code, 130);
}

#[test]
fn a_national_number_asks_for_its_country() {
    let env = TestEnv::new();
    let mut pty = spawn(
        &env,
        &["new", "--store", "cool-shop.myshopify.com", "--order", "7"],
    );
    pty.answer("Customer's phone", "0100 123 4567\r");
    pty.answer("which country is it in?", "eg\r");
    pty.expect("mobile number, Egypt (EG)");
    pty.answer("Channel the OTP was sent over", ESC);
    let (rest, code, _) = pty.finish();
    assert_eq!(code, 130, "Esc cancels: {rest}");
    assert!(rest.contains("cancelled; nothing was sent"), "{rest}");
}

#[test]
fn a_landline_is_warned_and_confirmed() {
    let env = TestEnv::new();
    let mut pty = spawn(
        &env,
        &[
            "new",
            "--store",
            "cool-shop.myshopify.com",
            "--order",
            "1052",
            "--channel",
            "sms",
            "--at",
            "now",
        ],
    );
    pty.answer("Customer's phone", "+20 2 2345 6789\r");
    pty.expect("fixed-line (landline)");
    pty.expect("cannot receive WhatsApp or SMS OTPs");
    // No: asked afresh for another number; the landline is gone from the line.
    pty.answer("Use this number anyway?", "n");
    pty.answer("Customer's phone", "+20 100 123 4567\r");
    pty.expect("mobile number, Egypt (EG)");
    defaults_to_preview(&mut pty);
    pty.answer("Your email", "owner@cool-shop.com\r");
    pty.answer("Your Cartsaver plan", ENTER);
    pty.answer("Are orders blocked entirely", ENTER);
    pty.answer("May support open your store account", ENTER);
    pty.answer("Support PIN", ENTER);
    let preview = pty.answer("File this ticket?", "y");
    assert!(preview.contains("+201001234567 (mobile, EG)"), "{preview}");
    assert!(preview.contains("OTP not arriving via SMS"), "{preview}");
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(is_tracking_number(stdout.trim()));
}

#[test]
fn declining_at_the_preview_sends_nothing() {
    let env = TestEnv::new();
    let mut pty = spawn(&env, &nearly_complete("scale", &["--pin", "4821"]));
    pty.answer("Screenshot of the error", ENTER);
    pty.answer("Are orders blocked entirely", ENTER);
    // Scale: URGENT is offered.
    pty.answer("Mark the ticket URGENT?", "y");
    pty.answer("May support open your store account", ENTER);
    let preview = pty.answer("File this ticket?", "n");
    assert!(
        preview.contains("URGENT — Cartsaver — OTP never arrives — Order #1052"),
        "{preview}"
    );
    pty.answer("What now?", &format!("{DOWN}{ENTER}"));
    let (rest, code, stdout) = pty.finish();
    assert!(rest.contains("Not filed: nothing was sent."), "{rest}");
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(tickets(&env).is_empty(), "the desk holds no ticket");
}

#[test]
fn urgent_is_not_offered_below_scale_without_an_outage() {
    let env = TestEnv::new();
    let mut pty = spawn(
        &env,
        &nearly_complete("advanced", &["--pin", "4821", "--allow-access"]),
    );
    pty.answer("Screenshot of the error", ENTER);
    pty.answer("Are orders blocked entirely", ENTER);
    let before = pty.answer("File this ticket?", "n");
    assert!(!before.contains("URGENT"), "{before}");
    pty.answer("What now?", &format!("{DOWN}{ENTER}"));
    let (_, code, _) = pty.finish();
    assert_eq!(code, 1);
}

#[test]
fn ctrl_c_at_a_select_restores_the_cursor_sends_nothing_and_exits_130() {
    let env = TestEnv::new();
    let mut pty = spawn(
        &env,
        &[
            "new",
            "--store",
            "cool-shop.myshopify.com",
            "--order",
            "1052",
            "--phone",
            "+201001234567",
        ],
    );
    pty.expect("Channel the OTP was sent over");
    pty.send(CTRL_C);
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 130, "{rest}");
    assert!(rest.contains("interrupted; nothing was sent"), "{rest}");
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    assert_eq!(stdout, "");
    assert!(tickets(&env).is_empty());
}

#[test]
fn ctrl_c_at_the_hidden_pin_sends_nothing_and_exits_130() {
    let env = TestEnv::new();
    let mut pty = spawn(&env, &nearly_complete("advanced", &["--allow-access"]));
    pty.answer("Screenshot of the error", ENTER);
    pty.answer("Are orders blocked entirely", ENTER);
    pty.answer_hidden("Support PIN", "48");
    pty.send(CTRL_C);
    let (rest, code, _) = pty.finish();
    assert_eq!(code, 130, "{rest}");
    assert!(rest.contains("interrupted; nothing was sent"), "{rest}");
    assert!(tickets(&env).is_empty());
}

#[test]
fn values_from_flags_and_the_config_are_not_asked_again() {
    let env = TestEnv::new();
    for (key, value) in [
        ("store", "cool-shop.myshopify.com"),
        ("email", "owner@cool-shop.com"),
        ("plan", "unlimited"),
    ] {
        env.cli()
            .args(["config", "set", key, value])
            .assert()
            .success();
    }
    let mut pty = spawn(
        &env,
        &[
            "new",
            "--order",
            "1052",
            "--phone",
            "+201001234567",
            "--channel",
            "wa",
            "--at",
            "now",
        ],
    );
    let before = pty.expect("Screenshot of the error");
    for asked in [
        "Shopify store",
        "Order number",
        "Customer's phone",
        "Channel the OTP",
        "When did",
    ] {
        assert!(!before.contains(asked), "{asked} was asked: {before}");
    }
    assert!(
        before.contains("https://cool-shop.myshopify.com  (from the config file)"),
        "{before}"
    );
    assert!(before.contains("#1052  (--order)"), "{before}");
    pty.send(ENTER);
    pty.answer("Steps already tried", ENTER);
    pty.answer("Anything else you tried", ENTER);
    let before = pty.answer("Summary, one line", ENTER);
    assert!(before.contains("nothing tried yet"), "{before}");
    pty.answer("Details:", ENTER);
    let before = pty.answer("Are orders blocked entirely", ENTER);
    assert!(!before.contains("Your email"), "{before}");
    assert!(!before.contains("Your Cartsaver plan"), "{before}");
    pty.answer("May support open your store account", ENTER);
    pty.answer("Support PIN", ENTER);
    let preview = pty.answer("File this ticket?", "y");
    assert!(preview.contains("unlimited"), "{preview}");
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(is_tracking_number(stdout.trim()));
}

#[test]
fn an_open_ticket_for_the_order_is_offered_a_follow_up() {
    let env = TestEnv::new();
    let flags = [
        "--store",
        "cool-shop.myshopify.com",
        "--order",
        "1052",
        "--phone",
        "+201001234567",
        "--channel",
        "whatsapp",
        "--at",
        "now",
        "--tried",
        "none",
        "--email",
        "owner@cool-shop.com",
        "--plan",
        "advanced",
    ];
    let first = env.cli().arg("new").args(flags).output().unwrap();
    assert!(first.status.success(), "{first:?}");
    let existing = String::from_utf8_lossy(&first.stdout).trim().to_string();

    let mut args = vec!["new"];
    args.extend(flags);
    args.extend([
        "--summary",
        "Still no OTP",
        "--details",
        "the customer tried twice more",
        "--pin",
        "4821",
    ]);
    let mut pty = spawn(&env, &args);
    // Asked as soon as the order is known, before the other questions.
    let before = pty.answer("What should happen?", ENTER);
    assert!(
        before.contains(&format!("already has an open ticket, {existing}")),
        "{before}"
    );
    assert!(!before.contains("Screenshot"), "{before}");
    pty.answer("Screenshot of the error", ENTER);
    pty.answer("Are orders blocked entirely", ENTER);
    pty.answer("May support open your store account", ENTER);
    let preview = pty.answer("File this ticket?", "y");
    assert!(
        preview.contains(&format!("Will be added as a follow-up on {existing}")),
        "{preview}"
    );
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    assert_eq!(stdout.trim(), existing, "the existing number on stdout");
    assert!(
        rest.contains(&format!("Keep {existing} for every follow-up")),
        "{rest}"
    );
    assert_eq!(tickets(&env).len(), 1, "no second ticket");
    let status = env
        .cli()
        .args(["status", &existing, "--json"])
        .output()
        .unwrap();
    let status = String::from_utf8_lossy(&status.stdout);
    assert!(status.contains("the customer tried twice more"), "{status}");
}

#[test]
fn without_a_terminal_nothing_is_asked_and_every_missing_field_is_named() {
    let env = TestEnv::new();
    let output = env
        .std_command(assert_cmd::cargo::cargo_bin("cartsaver-support"))
        .arg("new")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("8 required fields are missing: store, order, phone, channel, at, tried, email, plan; nothing was sent"),
        "{stderr}"
    );
    for flag in [
        "--store",
        "--order",
        "--phone",
        "--channel",
        "--at",
        "--tried",
        "--email",
        "--plan",
    ] {
        assert!(stderr.contains(flag), "{flag} not named: {stderr}");
    }
    assert!(!stderr.contains('?'), "nothing asked: {stderr}");
}

#[test]
fn no_input_at_a_terminal_asks_nothing() {
    let env = TestEnv::new();
    let pty = spawn(&env, &["new", "--no-input", "--order", "1052"]);
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 2, "{rest}");
    assert!(rest.contains("7 required fields are missing"), "{rest}");
    assert!(!rest.contains("Shopify store"), "{rest}");
    assert_eq!(stdout, "");
}

#[test]
fn config_init_asks_for_each_value_with_the_token_hidden() {
    let env = TestEnv::new();
    let mut pty = spawn(&env, &["config", "init"]);
    pty.answer("Your Shopify store", "cool-shop\r");
    // A bare shop name is no store URL: refused inline, asked again.
    pty.expect("✘ store `cool-shop`");
    pty.expect("Your Shopify store");
    pty.send(".myshopify.com\r");
    pty.answer("Your email", "owner@cool-shop.com\r");
    // The plan list starts on "(not set)": one up is scale.
    pty.answer("Your Cartsaver plan", "\x1b[A\r");
    pty.answer("Country of your customers' numbers", "eg\r");
    pty.answer("Support desk", ENTER);
    pty.answer_hidden("Store token", "cst_secret-token-0000ABCD\r");
    let (rest, code, _) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(
        !rest.contains("secret-token"),
        "the token is not echoed: {rest}"
    );
    let text = std::fs::read_to_string(env.config_file()).unwrap();
    assert_eq!(
        text,
        "store = \"https://cool-shop.myshopify.com\"\n\
         email = \"owner@cool-shop.com\"\n\
         plan = \"scale\"\n\
         region = \"EG\"\n\
         token = \"cst_secret-token-0000ABCD\"\n"
    );
}

#[test]
fn an_unreachable_desk_is_said_before_the_first_question() {
    let env = TestEnv::new();
    let token = ("CARTSAVER_TOKEN", "cst_0000000000000000000000000000000");
    let pty = spawn_with(&env, &["new", "--desk", "http://127.0.0.1:9"], &[token]);
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains("cannot reach the desk"), "{rest}");
    assert!(
        !rest.contains("Shopify store"),
        "no question was asked: {rest}"
    );
    assert_eq!(stdout, "");
}

/// `nearly_complete` without the flags named in `asked`: those fields are asked for.
fn asking_for(asked: &[&str], extra: &[&'static str]) -> Vec<&'static str> {
    let mut all = nearly_complete("advanced", extra);
    let mut args = vec![all.remove(0)];
    let mut flags = all.into_iter();
    while let Some(flag) = flags.next() {
        if flag.starts_with("--") && asked.contains(&flag.trim_start_matches("--")) {
            flags.next();
        } else {
            args.push(flag);
        }
    }
    args
}

const CTRL_U: &str = "\x15";
const CTRL_W: &str = "\x17";
const HOME: &str = "\x1bOH";
const END: &str = "\x1bOF";

#[test]
fn text_prompts_have_readline_keys() {
    let env = TestEnv::new();
    let mut args = asking_for(
        &["order", "summary", "details"],
        &["--allow-access", "--pin", "4821"],
    );
    args.push("--dry-run");
    let mut pty = spawn(&env, &args);
    pty.expect("Order number");
    // Ctrl-W deletes the word before the cursor.
    pty.edit(&format!("1052 oops{CTRL_W}{ENTER}"));
    pty.answer("Screenshot of the error", ENTER);
    pty.expect("Summary, one line");
    // Ctrl-U deletes the whole line before the cursor (here the offered default is not typed).
    pty.edit(&format!("a wrong summary{CTRL_U}OTP gone{ENTER}"));
    pty.expect("Details:");
    // Home and End (as xterm sends them) move to the start and the end of the line.
    pty.edit(&format!("ails{HOME}det{END}!{ENTER}"));
    pty.answer("Are orders blocked entirely", ENTER);
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(stdout.contains("order        #1052\n"), "Ctrl-W: {stdout}");
    assert!(
        stdout.contains("Cartsaver — OTP gone — Order #1052"),
        "Ctrl-U: {stdout}"
    );
    assert!(
        stdout.contains("details      details!\n"),
        "Home/End: {stdout}"
    );
}

#[test]
fn a_field_can_be_changed_from_the_preview() {
    let env = TestEnv::new();
    let mut pty = spawn(
        &env,
        &nearly_complete("advanced", &["--allow-access", "--pin", "4821"]),
    );
    pty.answer("Screenshot of the error", ENTER);
    pty.answer("Are orders blocked entirely", ENTER);
    let preview = pty.answer("File this ticket?", "n");
    assert!(
        preview.contains("Will be filed on the local desk at")
            && preview.contains("only on this machine"),
        "the preview names the destination: {preview}"
    );
    pty.answer("What now?", ENTER);
    // The fields in the order they were asked: store, then order.
    pty.answer("Which field?", &format!("{DOWN}{ENTER}"));
    pty.expect("Order number");
    pty.edit(&format!("{CTRL_U}2077{ENTER}"));
    let preview = pty.answer("File this ticket?", "y");
    assert!(preview.contains("Order #2077"), "{preview}");
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(is_tracking_number(stdout.trim()), "{stdout}");
    let listed = tickets(&env);
    assert_eq!(listed.len(), 1);
    assert!(listed[0].contains("\"order\":\"#2077\""), "{listed:?}");
}

#[test]
fn reply_at_a_terminal_asks_for_the_message() {
    let env = TestEnv::new();
    let filed = env
        .cli()
        .args(nearly_complete("advanced", &[]))
        .output()
        .unwrap();
    assert!(filed.status.success(), "{filed:?}");
    let tn = String::from_utf8_lossy(&filed.stdout).trim().to_string();
    let mut pty = spawn(&env, &["reply", &tn]);
    let before = pty.answer("Your message to support", "The customer got it by SMS.\r");
    assert!(before.contains("--message-file"), "{before}");
    let (rest, code, _) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains(&format!("Message added to {tn}")), "{rest}");
    let status = env.cli().args(["status", &tn]).output().unwrap();
    assert!(String::from_utf8_lossy(&status.stdout).contains("The customer got it by SMS."));
}

#[test]
fn prompts_give_examples_read_country_names_and_home_paths() {
    let env = TestEnv::new();
    std::fs::write(env.path("shot.png"), common::PNG_BYTES).unwrap();
    let mut args = asking_for(&["phone"], &["--allow-access"]);
    args.push("--dry-run");
    let mut pty = spawn(&env, &args);
    pty.answer(
        "Customer's phone, with the country code (e.g. +20 100 123 4567)",
        "0100 123 4567\r",
    );
    pty.answer("which country is it in?", "Egypt\r");
    pty.expect("mobile number, Egypt (EG)");
    pty.answer("Screenshot of the error", "~/shot.png\r");
    pty.answer("Another screenshot", ENTER);
    pty.answer("Are orders blocked entirely", ENTER);
    pty.answer_hidden("Support PIN", "48\r");
    pty.expect("4–12 letters or digits, this one 2");
    pty.answer_hidden("Support PIN", ENTER);
    let (rest, code, stdout) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(
        rest.contains("Support PIN, if you set one (hidden; Enter to skip) · (none)"),
        "a skipped PIN is said as skipped: {rest}"
    );
    assert!(!rest.contains("********"), "{rest}");
    assert!(stdout.contains("screenshots  shot.png"), "{stdout}");
    assert!(stdout.contains("pin          (none)"), "{stdout}");
}

#[test]
fn the_order_and_time_prompts_show_examples_and_defaults_as_people_write_them() {
    let env = TestEnv::new();
    let mut pty = spawn(&env, &["new", "--store", "cool-shop.myshopify.com"]);
    let before = pty.expect("(e.g. #1052)");
    assert!(before.contains("Order number"), "{before}");
    pty.send("1052\r");
    pty.answer("Customer's phone", "+201001234567\r");
    pty.answer("Channel the OTP was sent over", ENTER);
    pty.expect("When did it happen?");
    pty.expect("[now]");
    pty.send(CTRL_C);
    let (_, code, _) = pty.finish();
    assert_eq!(code, 130);
}
