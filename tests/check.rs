//! `cartsaver-support check`: the checklist in human and JSON form, and its exit codes.

mod common;

use std::collections::BTreeMap;

use common::{PNG_BYTES, TestEnv, stderr_of, stdout_of};
use serde::Deserialize;

/// The `check --json` contract of docs/contract.md §3, pinned: an unknown key fails the test.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckReport {
    valid: bool,
    fields: BTreeMap<String, FieldReport>,
    #[serde(default)]
    first_response_due: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum FieldReport {
    Accepted(Accepted),
    Refused(Refused),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Accepted {
    #[serde(rename = "ok")]
    _ok: True,
    value: serde_json::Value,
    notes: Vec<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Refused {
    #[serde(rename = "ok")]
    _ok: False,
    input: String,
    error: String,
}

#[derive(Debug, Deserialize)]
#[serde(try_from = "bool")]
struct True;
impl TryFrom<bool> for True {
    type Error = &'static str;
    fn try_from(value: bool) -> Result<Self, Self::Error> {
        if value {
            Ok(True)
        } else {
            Err("expected true")
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(try_from = "bool")]
struct False;
impl TryFrom<bool> for False {
    type Error = &'static str;
    fn try_from(value: bool) -> Result<Self, Self::Error> {
        if value {
            Err("expected false")
        } else {
            Ok(False)
        }
    }
}

fn check_json(env: &TestEnv, args: &[&str]) -> (CheckReport, std::process::Output) {
    let output = env
        .cli()
        .arg("check")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    let text = stdout_of(&output);
    let report: CheckReport = serde_json::from_str(text.trim())
        .unwrap_or_else(|e| panic!("check --json printed {text:?}: {e}"));
    (report, output)
}

fn accepted<'a>(report: &'a CheckReport, name: &str) -> &'a Accepted {
    match report.fields.get(name) {
        Some(FieldReport::Accepted(accepted)) => accepted,
        other => panic!("{name} should be accepted, got {other:?}"),
    }
}

fn refused<'a>(report: &'a CheckReport, name: &str) -> &'a Refused {
    match report.fields.get(name) {
        Some(FieldReport::Refused(refused)) => refused,
        other => panic!("{name} should be refused, got {other:?}"),
    }
}

const FULL_CHECKLIST: [&str; 18] = [
    "--store",
    "https://admin.shopify.com/store/cool-shop/orders/5",
    "--order",
    "1052",
    "--phone",
    "00201001234567",
    "--channel",
    "WhatsApp",
    "--at",
    "2026-11-20T16:03:00+02:00",
    "--tried",
    "resent the OTP",
    "--tried",
    "checked the number format",
    "--email",
    "owner@cool-shop.com",
    "--plan",
    "scale",
];

#[test]
fn a_full_valid_checklist_is_normalized_field_by_field() {
    let env = TestEnv::new();
    let (report, output) = check_json(&env, &FULL_CHECKLIST);
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status,
        stderr_of(&output)
    );
    assert!(report.valid);
    assert_eq!(
        accepted(&report, "store").value,
        "https://cool-shop.myshopify.com"
    );
    assert_eq!(accepted(&report, "order").value, "#1052");
    let phone = accepted(&report, "phone");
    assert_eq!(phone.value, "+201001234567");
    assert_eq!(phone.country.as_deref(), Some("EG"));
    assert_eq!(phone.kind.as_deref(), Some("mobile"));
    assert_eq!(accepted(&report, "channel").value, "whatsapp");
    assert_eq!(accepted(&report, "at").value, "2026-11-20T14:03:00Z");
    assert!(
        !accepted(&report, "at").notes.is_empty(),
        "an offset input gets a conversion note"
    );
    assert_eq!(
        accepted(&report, "tried").value,
        serde_json::json!(["resent the OTP", "checked the number format"])
    );
    assert_eq!(accepted(&report, "plan").value, "scale");
    // Scale: 2 hours, 24/7, from CARTSAVER_NOW (2026-11-20T14:30:00Z).
    assert_eq!(
        report.first_response_due.as_deref(),
        Some("2026-11-20T16:30:00Z")
    );
}

#[test]
fn every_bad_field_is_reported_in_one_run_with_exit_2() {
    let env = TestEnv::new();
    let args = [
        "--store",
        "ftp://cool-shop.myshopify.com",
        "--order",
        "10 52",
        "--phone",
        "+20 10",
        "--channel",
        "pigeon",
        "--at",
        "2026-11-20 14:03",
        "--email",
        "owner-at-cool-shop.com",
        "--tracking",
        "CS-7KQ-2M4-X9Q",
    ];
    let (report, output) = check_json(&env, &args);
    assert_eq!(output.status.code(), Some(2));
    assert!(!report.valid);
    for name in ["store", "order", "phone", "channel", "at", "email"] {
        let field = refused(&report, name);
        assert!(!field.error.is_empty(), "{name} has an empty error");
    }
    assert_eq!(refused(&report, "phone").input, "+20 10");
    assert!(
        refused(&report, "phone").error.contains("too short"),
        "{:?}",
        refused(&report, "phone")
    );
    let at = &refused(&report, "at").error;
    assert!(
        at.contains("2026-11-20T14:03:00Z"),
        "a naive time shows its UTC reading: {at}"
    );
    let stderr = stderr_of(&output);
    assert!(stderr.contains("nothing was sent"), "{stderr}");
}

#[test]
fn human_checklist_marks_each_field_and_names_the_bad_value() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args([
            "check",
            "--store",
            "cool-shop.myshopify.com",
            "--phone",
            "+20 10",
            "--order",
            "#1052",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = stdout_of(&output);
    assert!(stdout.contains("✓ store"), "{stdout}");
    assert!(
        stdout.contains("https://cool-shop.myshopify.com"),
        "{stdout}"
    );
    assert!(stdout.contains("✗ phone"), "{stdout}");
    assert!(stdout.contains("`+20 10`"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}'),
        "no colour codes when stdout is not a terminal: {stdout:?}"
    );
    assert!(stderr_of(&output).contains("invalid: phone"));
}

#[test]
fn a_landline_passes_with_a_warning_mark() {
    let env = TestEnv::new();
    // A Cairo fixed line.
    let output = env
        .cli()
        .args(["check", "--phone", "+20 2 2345 6789"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(stdout.contains("! phone"), "{stdout}");
    assert!(stdout.contains("+20223456789"), "{stdout}");
    assert!(stdout.to_lowercase().contains("warning"), "{stdout}");

    let (report, _) = check_json(&env, &["--phone", "+20 2 2345 6789"]);
    assert_eq!(
        accepted(&report, "phone").kind.as_deref(),
        Some("fixed_line")
    );
}

#[test]
fn colour_is_forced_with_always_and_never_with_no_color() {
    let env = TestEnv::new();
    let args = ["check", "--order", "1052", "--color", "always"];
    let coloured = env.cli().args(args).output().unwrap();
    assert!(stdout_of(&coloured).contains('\u{1b}'));
    let plain = env
        .cli()
        .args(["check", "--order", "1052"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout_of(&plain).contains('\u{1b}'));
}

#[test]
fn a_tracking_number_typo_is_caught_locally() {
    let env = TestEnv::new();
    let (report, output) = check_json(&env, &["--tracking", "CS-7KQ-2M4-X9?"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(refused(&report, "tracking").input, "CS-7KQ-2M4-X9?");
}

#[test]
fn urgent_without_scale_or_outage_is_refused_with_the_rule() {
    let env = TestEnv::new();
    let (report, output) = check_json(&env, &["--plan", "advanced", "--urgent"]);
    assert_eq!(output.status.code(), Some(2));
    let error = &refused(&report, "urgent").error;
    assert!(
        error.to_lowercase().contains("scale") && error.contains("outage"),
        "{error}"
    );

    let (report, output) = check_json(&env, &["--plan", "advanced", "--urgent", "--outage"]);
    assert!(output.status.success());
    assert_eq!(accepted(&report, "urgent").value, true);
}

#[test]
fn screenshots_are_checked_by_content_not_extension() {
    let env = TestEnv::new();
    let real = env.write("error.png", PNG_BYTES);
    let fake = env.write("fake.png", b"this is text, not an image");
    let (report, output) = check_json(
        &env,
        &[
            "--screenshot",
            real.to_str().unwrap(),
            "--screenshot",
            fake.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(refused(&report, "screenshot").input.ends_with("fake.png"));

    let other = env.write("notes.png", b"also text");
    let (report, _) = check_json(
        &env,
        &[
            "--screenshot",
            fake.to_str().unwrap(),
            "--screenshot",
            other.to_str().unwrap(),
        ],
    );
    let both = refused(&report, "screenshot");
    assert!(
        both.input.contains("fake.png") && both.input.contains("notes.png"),
        "{both:?}"
    );
    assert_eq!(
        both.error.matches("`: ").count(),
        2,
        "each error after its input: {both:?}"
    );

    let (report, output) = check_json(&env, &["--screenshot", real.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let value = &accepted(&report, "screenshot").value;
    assert_eq!(value[0]["name"], "error.png");
    assert_eq!(value[0]["type"], "png");
}

#[test]
fn pin_is_never_printed_in_full() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["check", "--json", "--pin", "483912"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = stdout_of(&output);
    assert!(!stdout.contains("483912"), "{stdout}");
    assert!(stdout.contains("••••12"), "{stdout}");
}

#[test]
fn the_clock_is_read_from_cartsaver_now() {
    let env = TestEnv::new();
    let (report, _) = check_json(&env, &["--at", "now"]);
    assert_eq!(accepted(&report, "at").value, common::NOW);
    let bad = env
        .cli()
        .args(["check", "--at", "now"])
        .env("CARTSAVER_NOW", "soon")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr_of(&bad).contains("CARTSAVER_NOW `soon`"));
}

#[test]
fn nothing_to_check_is_a_usage_error() {
    let env = TestEnv::new();
    let output = env.cli().arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("nothing to check"));
}

#[test]
fn steps_tried_can_come_from_a_file_or_stdin() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["check", "--json", "--tried-file", "-"])
        .write_stdin("resent the OTP\n\nasked the customer to reinstall WhatsApp\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let report: CheckReport = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        accepted(&report, "tried").value,
        serde_json::json!(["resent the OTP", "asked the customer to reinstall WhatsApp"])
    );
}

#[test]
fn help_documents_exit_codes_and_the_clock_variable() {
    let env = TestEnv::new();
    let output = env.cli().args(["check", "--help"]).output().unwrap();
    let help = stdout_of(&output);
    assert!(help.contains("Exit codes"), "{help}");
    assert!(help.contains("CARTSAVER_NOW"), "{help}");
}

// Issue 8: the phone field reads numbers as libphonenumber does (SPEC §2).

#[test]
fn a_zero_after_the_plus_is_refused_never_read_as_another_number() {
    let env = TestEnv::new();
    for input in ["+049 30 123456", "+049 1512 3456789", "+00201001234567"] {
        let (report, output) = check_json(&env, &["--phone", input]);
        assert_eq!(output.status.code(), Some(2), "{input}");
        assert!(!report.valid);
        let phone = refused(&report, "phone");
        assert_eq!(phone.input, input);
        assert!(
            phone.error.starts_with("no country code starts with 0;"),
            "{input}: {}",
            phone.error
        );
    }
}

#[test]
fn a_region_reads_its_own_international_prefix_and_its_00_national_numbers() {
    let env = TestEnv::new();
    for (region, input, e164, country, kind) in [
        ("AU", "0011 20 10 01234567", "+201001234567", "EG", "mobile"),
        (
            "TH",
            "008 1 201-555-0123",
            "+12015550123",
            "US",
            "fixed_line_or_mobile",
        ),
        ("UY", "000 493 7462", "+5980004937462", "UY", "toll_free"),
        ("KR", "00368 598 8235", "+82003685988235", "KR", "toll_free"),
        (
            "ID",
            "00 7803 448 6174",
            "+620078034486174",
            "ID",
            "toll_free",
        ),
    ] {
        let (report, output) = check_json(&env, &["--region", region, "--phone", input]);
        assert!(output.status.success(), "{input}: {}", stderr_of(&output));
        let phone = accepted(&report, "phone");
        assert_eq!(phone.value, e164, "{input} in {region}");
        assert_eq!(phone.country.as_deref(), Some(country), "{input}");
        assert_eq!(phone.kind.as_deref(), Some(kind), "{input}");
    }
}

#[test]
fn a_leading_00_under_a_region_that_dials_0011_is_still_read_with_a_note() {
    let env = TestEnv::new();
    let (report, _) = check_json(&env, &["--region", "AU", "--phone", "00 44 7400 123456"]);
    let phone = accepted(&report, "phone");
    assert_eq!(phone.value, "+447400123456");
    assert!(
        phone
            .notes
            .iter()
            .any(|n| n.contains("read the leading 00 as the international prefix")),
        "{:?}",
        phone.notes
    );
}

#[test]
fn version_names_the_libphonenumber_release_of_the_metadata() {
    let env = TestEnv::new();
    let output = env.cli().arg("--version").output().unwrap();
    assert!(output.status.success());
    let text = stdout_of(&output);
    let release = text
        .lines()
        .find_map(|line| line.strip_prefix("phone metadata: libphonenumber "))
        .unwrap_or_else(|| panic!("no metadata release in {text:?}"));
    let parts: Vec<u32> = release.split('.').map(|p| p.parse().unwrap()).collect();
    assert!(parts >= vec![9, 0, 43], "{release}");
}
