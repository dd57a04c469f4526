//! SPEC §2 "Empty values": a flag, file, bulk cell or config value given but empty (or only
//! spaces) is an error of its field, never taken as not given. Runs the real binary.

mod common;

use common::{TestEnv, stderr_of, stdout_of};
use serde_json::Value;

const EMPTY_PHONE: &str = "`--phone` is empty; give the customer's number, e.g. +20 100 123 4567";

fn check_json(env: &TestEnv, args: &[&str]) -> (Value, std::process::Output) {
    let output = env
        .cli()
        .args(["check", "--json"])
        .args(args)
        .output()
        .unwrap();
    let text = stdout_of(&output);
    let report = serde_json::from_str(text.trim()).unwrap_or_else(|e| {
        panic!(
            "check --json printed {text:?} ({e}); stderr: {}",
            stderr_of(&output)
        )
    });
    (report, output)
}

#[test]
fn check_json_prints_its_object_for_an_empty_flag() {
    let env = TestEnv::new();
    for flag in ["--phone=", "--phone=   "] {
        let (report, output) = check_json(&env, &[flag]);
        assert_eq!(output.status.code(), Some(2), "{flag}");
        assert_eq!(report["valid"], false);
        assert_eq!(report["fields"]["phone"]["ok"], false);
        assert_eq!(report["fields"]["phone"]["error"], EMPTY_PHONE);
    }
}

#[test]
fn an_empty_flag_makes_the_checklist_invalid() {
    let env = TestEnv::new();
    let (report, output) = check_json(&env, &["--store=", "--phone=+201001234567"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(report["valid"], false);
    assert_eq!(report["fields"]["phone"]["ok"], true);
    let store = report["fields"]["store"]["error"].as_str().unwrap();
    assert!(
        store.starts_with("`--store` is empty; give the store's address"),
        "{store}"
    );
    for flag in [
        "--order=",
        "--channel=",
        "--at=",
        "--email=",
        "--plan=",
        "--region=",
        "--pin=",
        "--summary=",
        "--details=",
        "--tried=",
    ] {
        let (report, _) = check_json(&env, &[flag]);
        let name = flag.trim_start_matches("--").trim_end_matches('=');
        let error = report["fields"][name]["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{flag}: {report}"));
        assert!(
            error.starts_with(&format!("`--{name}` is empty; ")),
            "{flag}: {error}"
        );
    }
}

#[test]
fn an_empty_step_among_others_and_an_empty_tracking_number_are_errors() {
    let env = TestEnv::new();
    let (report, output) = check_json(&env, &["--tried", "resent the OTP", "--tried", " "]);
    assert_eq!(output.status.code(), Some(2));
    let tried = report["fields"]["tried"].to_string();
    assert!(
        tried.contains("`--tried` is empty; list the steps already tried"),
        "{tried}"
    );
    let (report, _) = check_json(&env, &["--tracking", ""]);
    let tracking = report["fields"]["tracking"]["error"].as_str().unwrap();
    assert!(
        tracking.starts_with("`--tracking` is empty; "),
        "{tracking}"
    );
}

#[test]
fn new_says_empty_not_missing() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["--no-input", "new", "--phone", ""])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(&format!("phone: {EMPTY_PHONE}")),
        "{stderr}"
    );
    assert!(!stderr.contains("phone: missing"), "{stderr}");
}

#[test]
fn empty_tried_and_details_files_are_errors() {
    let env = TestEnv::new();
    let empty = env.write("empty.txt", "\n  \n");
    let path = empty.to_str().unwrap();
    let (report, output) = check_json(&env, &["--tried-file", path, "--details-file", path]);
    assert_eq!(output.status.code(), Some(2));
    let tried = report["fields"]["tried"]["error"].as_str().unwrap();
    assert!(
        tried.starts_with("the file is empty; list the steps already tried"),
        "{tried}"
    );
    let details = report["fields"]["details"]["error"].as_str().unwrap();
    assert!(
        details.starts_with("the file is empty; write the details"),
        "{details}"
    );
}

#[test]
fn an_empty_flag_is_not_filled_from_the_config_and_an_empty_config_value_is_refused() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_file().parent().unwrap()).unwrap();
    std::fs::write(env.config_file(), "store = \"cool-shop.myshopify.com\"\n").unwrap();
    let (report, _) = check_json(&env, &["--store", " ", "--phone", "+201001234567"]);
    let store = report["fields"]["store"]["error"].as_str().unwrap();
    assert!(store.starts_with("`--store` is empty"), "{store}");

    std::fs::write(env.config_file(), "store = \"\"\n").unwrap();
    let output = env
        .cli()
        .args(["check", "--phone", "+201001234567"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("store: empty; set it with `cartsaver-support config set store VALUE`, or remove the line"),
        "{stderr}"
    );
}

#[test]
fn an_empty_cell_of_a_required_field_is_an_error_and_of_an_optional_one_is_not() {
    let env = TestEnv::new();
    let file = env.write(
        "rows.csv",
        "store,order,phone,channel,at,tried,email,plan,details\n\
         cool-shop.myshopify.com,1052,,sms,2026-11-20T14:03:00Z,none,a@example.com,free,\n\
         cool-shop.myshopify.com,1053,+201001234567,sms,2026-11-20T14:03:00Z,none,a@example.com,free,\n",
    );
    let output = env
        .cli()
        .args(["check", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains("line 2, phone: the `phone` cell is empty; give the customer's number, e.g. +20 100 123 4567"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("line 3"),
        "the empty details cell is fine: {stdout}"
    );
    assert!(!stdout.contains("details"), "{stdout}");
}

#[test]
fn an_empty_default_flag_for_a_bulk_file_is_an_error() {
    let env = TestEnv::new();
    let file = env.write("rows.csv", "order\n1052\n");
    let output = env
        .cli()
        .args(["check", "--store=", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("store: `--store` is empty"), "{stderr}");
}
