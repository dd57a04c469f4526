//! The config file: `config path|get|set|unset|show`, its permissions, and its place in the precedence
//! flag > environment > config file > default, for the desk, the token and the checklist
//! defaults. (`config init` asks questions: see tests/interactive.rs.)

mod common;

use common::{TestEnv, stderr_of, stdout_of};

const STORE: &str = "cool-shop.myshopify.com";

/// The checklist without store, email and plan: those come from the config in these tests.
const REST: [&str; 10] = [
    "--order",
    "1052",
    "--phone",
    "+201001234567",
    "--channel",
    "sms",
    "--at",
    "2026-11-20T14:03:00Z",
    "--tried",
    "resent the OTP",
];

fn set(env: &TestEnv, key: &str, value: &str) {
    let output = env
        .cli()
        .args(["config", "set", key, value])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
}

#[test]
fn the_file_is_in_the_platform_config_dir_unless_named() {
    let env = TestEnv::new();
    let output = env.cli().args(["config", "path"]).output().unwrap();
    assert_eq!(
        stdout_of(&output).trim(),
        env.config_file().display().to_string()
    );
    let other = env.path("elsewhere.toml");
    let output = env
        .cli()
        .args(["config", "path", "--config"])
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output).trim(), other.display().to_string());
}

#[test]
fn set_normalizes_through_the_domain_and_writes_toml_readable_by_the_owner_only() {
    let env = TestEnv::new();
    set(
        &env,
        "store",
        "https://admin.shopify.com/store/Cool-Shop/orders/5",
    );
    set(&env, "plan", "Scale");
    set(&env, "region", "eg");
    set(&env, "email", "Owner@Cool-Shop.com");
    let text = std::fs::read_to_string(env.config_file()).unwrap();
    assert!(
        text.contains("store = \"https://cool-shop.myshopify.com\""),
        "{text}"
    );
    assert!(text.contains("plan = \"scale\""), "{text}");
    assert!(text.contains("region = \"EG\""), "{text}");
    assert!(text.contains("email = \"Owner@cool-shop.com\""), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.config_file())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let leftovers: Vec<_> = std::fs::read_dir(env.config_file().parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temp files left: {leftovers:?}");
    }
}

#[test]
fn show_redacts_the_token() {
    let env = TestEnv::new();
    set(&env, "token", "cst_4f9a8b7c6d5e4f3a2b1c9XQ2");
    set(&env, "desk", "https://desk.example.com");
    let output = env.cli().args(["config", "show"]).output().unwrap();
    let stdout = stdout_of(&output);
    assert!(stdout.contains("cst_…9XQ2"), "{stdout}");
    assert!(!stdout.contains("4f9a8b7c"), "{stdout}");
    assert!(
        stdout.contains("desk    https://desk.example.com/"),
        "{stdout}"
    );
    assert!(stdout.contains("store   (not set)"), "{stdout}");
    let output = env
        .cli()
        .args(["config", "show", "--json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["token"], "cst_…9XQ2");
    assert_eq!(value["store"], serde_json::Value::Null);
}

#[test]
fn a_token_can_be_set_from_stdin_to_keep_it_out_of_shell_history() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["config", "set", "token", "-"])
        .write_stdin("cst_from-stdin-0000ABCD\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(!stderr_of(&output).contains("from-stdin"), "never echoed");
    let text = std::fs::read_to_string(env.config_file()).unwrap();
    assert!(
        text.contains("token = \"cst_from-stdin-0000ABCD\""),
        "{text}"
    );
}

#[test]
fn bad_keys_and_values_are_refused_with_exit_2_and_nothing_written() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["config", "set", "colour", "red"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("unknown config key `colour`"), "{stderr}");
    assert!(
        stderr.contains("store, email, plan, region, desk, token"),
        "{stderr}"
    );

    let output = env
        .cli()
        .args(["config", "set", "plan", "gold"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("plan `gold`"),
        "{}",
        stderr_of(&output)
    );

    let output = env
        .cli()
        .args(["config", "set", "desk", "http://desk.example.com"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("loopback"),
        "{}",
        stderr_of(&output)
    );
    assert!(!env.config_file().exists());
}

#[cfg(unix)]
#[test]
fn a_file_readable_by_others_is_warned_about_like_ssh_does() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    set(&env, "token", "cst_4f9a8b7c6d5e4f3a2b1c9XQ2");
    let file = env.config_file();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = env.cli().args(["config", "show"]).output().unwrap();
    assert!(output.status.success());
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("readable by other users (mode 0644)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("chmod 600 {}", file.display())),
        "{stderr}"
    );
    // Writing the file again makes it private.
    set(&env, "plan", "free");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn config_values_fill_the_checklist_and_flags_win() {
    let env = TestEnv::new();
    set(&env, "store", STORE);
    set(&env, "email", "owner@cool-shop.com");
    set(&env, "plan", "scale");
    let output = env
        .cli()
        .args(["new", "--dry-run", "--json", "--plan", "free"])
        .args(REST)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["ticket"]["store"], "https://cool-shop.myshopify.com");
    assert_eq!(value["ticket"]["email"], "owner@cool-shop.com");
    assert_eq!(value["ticket"]["plan"], "free", "the flag wins");
}

#[test]
fn a_config_region_reads_national_numbers() {
    let env = TestEnv::new();
    set(&env, "region", "EG");
    let output = env
        .cli()
        .args([
            "new",
            "--dry-run",
            "--json",
            "--store",
            STORE,
            "--email",
            "a@b.co",
            "--plan",
            "free",
        ])
        .args([
            "--order",
            "1",
            "--phone",
            "0100 123 4567",
            "--channel",
            "sms",
            "--at",
            "now",
            "--tried",
            "none",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["ticket"]["phone"], "+201001234567");
}

#[test]
fn without_a_terminal_missing_fields_the_config_gives_are_not_named() {
    let env = TestEnv::new();
    set(&env, "store", STORE);
    set(&env, "plan", "free");
    let output = env
        .std_command(assert_cmd::cargo::cargo_bin("cartsaver-support"))
        .arg("new")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    for named in [
        "--order",
        "--phone",
        "--channel",
        "--at",
        "--tried",
        "--email",
    ] {
        assert!(stderr.contains(named), "{named}: {stderr}");
    }
    assert!(!stderr.contains("--store"), "{stderr}");
    assert!(!stderr.contains("--plan"), "{stderr}");
}

#[test]
fn a_bad_value_in_the_file_stops_the_run_naming_the_file_and_the_fix() {
    let env = TestEnv::new();
    env.write(
        ".config/cartsaver/config.toml",
        "plan = \"gold\"\nstore = \"ftp://x\"\n",
    );
    let output = env
        .cli()
        .args(["new", "--dry-run"])
        .args(REST)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(&env.config_file().display().to_string()),
        "{stderr}"
    );
    assert!(stderr.contains("2 bad values"), "{stderr}");
    assert!(stderr.contains("plan `gold`"), "{stderr}");
    assert!(stderr.contains("config set KEY VALUE"), "{stderr}");

    env.write(".config/cartsaver/config.toml", "colour = \"red\"\n");
    let output = env.cli().args(["list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("unknown field `colour`"), "{stderr}");

    let output = env
        .cli()
        .args(["list", "--config", "missing.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("missing.toml"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn the_desk_comes_from_the_flag_then_the_environment_then_the_config() {
    let env = TestEnv::new();
    let from_config = env.path("config-desk.sqlite3");
    let from_env = env.path("env-desk.sqlite3");
    let from_flag = env.path("flag-desk.sqlite3");
    set(&env, "desk", &format!("local:{}", from_config.display()));
    let file = |extra: &[&str], env_desk: Option<&std::path::Path>| {
        let mut cli = env.cli();
        if let Some(path) = env_desk {
            cli.env("CARTSAVER_DESK", format!("local:{}", path.display()));
        }
        let output = cli
            .arg("new")
            .args(["--store", STORE, "--email", "a@b.co", "--plan", "free"])
            .args(REST)
            .args(extra)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
    };
    file(&[], None);
    assert!(from_config.exists());
    file(&["--force-new"], Some(&from_env));
    assert!(from_env.exists());
    let flag = format!("local:{}", from_flag.display());
    file(&["--force-new", "--desk", &flag], Some(&from_env));
    assert!(from_flag.exists());
    assert!(!env.path(".local/share/cartsaver/desk.sqlite3").exists());
}

#[test]
fn the_token_comes_from_the_environment_then_the_config() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let server = env.serve_desk();
    set(&env, "desk", &server.url);

    let output = env.cli().args(["list"]).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "no token anywhere: an auth failure, exit 1 like every refusal"
    );
    assert!(
        stderr_of(&output).contains("config set token"),
        "{}",
        stderr_of(&output)
    );

    set(&env, "token", &token);
    let output = env.cli().args(["list"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));

    let output = env
        .cli()
        .args(["list"])
        .env("CARTSAVER_TOKEN", "cst_not-a-real-token-0000")
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "the environment wins over the config"
    );
}

#[test]
fn config_init_without_a_terminal_points_to_config_set() {
    let env = TestEnv::new();
    let output = env.cli().args(["config", "init"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("config set KEY VALUE"),
        "{}",
        stderr_of(&output)
    );
    assert!(!env.config_file().exists());
}

#[test]
fn a_broken_file_is_reported_by_line_and_never_shows_the_token() {
    let env = TestEnv::new();
    let secret = "cst_SUPERSECRET123456";
    for text in [
        // Unquoted: not TOML.
        format!("plan = \"free\"\ntoken = {secret}\n"),
        // A misspelled key on the line after the token.
        format!("token = \"{secret}\"\nplna = \"free\"\n"),
    ] {
        env.write(".config/cartsaver/config.toml", &text);
        for args in [
            &["config", "show"][..],
            &["list"],
            &["check", "--order", "1"],
        ] {
            let output = env.cli().args(args).output().unwrap();
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            let stderr = stderr_of(&output);
            assert!(!stderr.contains("SUPERSECRET"), "{args:?}: {stderr}");
            assert!(
                stderr.contains(&format!(
                    "the config file {} is not valid: line 2: ",
                    env.config_file().display()
                )),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn check_and_check_file_use_the_config_defaults_and_flags_win() {
    let env = TestEnv::new();
    set(&env, "region", "EG");
    set(&env, "store", STORE);
    let output = env
        .cli()
        .args(["check", "--json", "--phone", "01001234567"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["fields"]["phone"]["value"], "+201001234567");
    assert_eq!(value["fields"]["region"]["value"], "EG");
    assert_eq!(
        value["fields"]["store"]["value"],
        "https://cool-shop.myshopify.com"
    );

    let output = env
        .cli()
        .args(["check", "--json", "--phone", "01001234567"])
        .args(["--store", "other-shop.myshopify.com"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        value["fields"]["store"]["value"], "https://other-shop.myshopify.com",
        "the flag wins"
    );

    // No store column, national numbers: the config gives the store and the region.
    let rows = env.write(
        "rows.csv",
        "order,phone,channel,at,tried,email,plan\n\
         1052,01001234567,sms,2026-11-20T14:03:00Z,resent the OTP,a@b.co,free\n",
    );
    let output = env
        .cli()
        .args(["check", "--file"])
        .arg(&rows)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        stdout_of(&output),
        stderr_of(&output)
    );

    // `bulk` files it with the same defaults.
    let desk = env.path("bulk-desk.sqlite3");
    let output = env
        .cli()
        .args(["bulk", "--json", "--desk"])
        .arg(format!("local:{}", desk.display()))
        .arg(&rows)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let output = env
        .cli()
        .args(["list", "--json", "--desk"])
        .arg(format!("local:{}", desk.display()))
        .output()
        .unwrap();
    let listed = stdout_of(&output);
    assert!(
        listed.contains("https://cool-shop.myshopify.com"),
        "{listed}"
    );
}

#[test]
fn a_bad_value_stops_only_the_commands_that_use_it() {
    let env = TestEnv::new();
    env.write(
        ".config/cartsaver/config.toml",
        "token = \"bad token\"\nplan = \"gold\"\ndesk = \"https://desk.example.com\"\n",
    );
    let output = env
        .cli()
        .args(["--desk", "local", "list"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));

    let output = env
        .cli()
        .args(["new", "--dry-run", "--plan", "free", "--store", STORE])
        .args(["--email", "a@b.co"])
        .args(REST)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));

    let output = env.cli().args(["list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("has a bad value"), "{stderr}");
    assert!(stderr.contains("token: contains spaces"), "{stderr}");
    assert!(!stderr.contains("bad token"), "{stderr}");

    let output = env
        .cli()
        .args(["new", "--dry-run", "--store", STORE, "--email", "a@b.co"])
        .args(REST)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("has a bad value:\n  plan `gold`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("token:"),
        "the token is not used: {stderr}"
    );
}

/// Typed at a terminal, the token is read with echo off: it never appears on the screen.
#[cfg(unix)]
#[test]
fn a_token_typed_at_a_terminal_is_not_echoed() {
    use expectrl::Expect;

    let env = TestEnv::new();
    let mut command = env.std_command(assert_cmd::cargo::cargo_bin("cartsaver-support"));
    command
        .args(["config", "set", "token", "-"])
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    // The terminal starts with echo on (see common/pty.rs), so echo going off means the hidden
    // prompt is reading: keys typed earlier would be flushed by it.
    let mut session = common::pty::spawn_echoing(command);
    session.expect("hidden").unwrap();
    common::pty::wait_for_echo_off(&session);
    session.send("cst_typed-at-a-tty-0000ABCD\r").unwrap();
    let rest = session.expect(expectrl::Eof).unwrap();
    let shown = String::from_utf8_lossy(rest.as_bytes()).to_string();
    assert!(shown.contains("Set token = cst_…ABCD"), "{shown}");
    assert!(!shown.contains("typed-at-a-tty"), "{shown}");
    let text = std::fs::read_to_string(env.config_file()).unwrap();
    assert!(
        text.contains("token = \"cst_typed-at-a-tty-0000ABCD\""),
        "{text}"
    );
}

#[test]
fn get_prints_one_value_and_unset_removes_it() {
    let env = TestEnv::new();
    set(&env, "plan", "Scale");
    set(&env, "token", "cst_abcdefghijklmnop0000WXYZ");
    let output = env.cli().args(["config", "get", "plan"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "scale\n", "the value alone, normalized");
    let token = env.cli().args(["config", "get", "token"]).output().unwrap();
    assert_eq!(stdout_of(&token), "cst_…WXYZ\n", "the token redacted");

    let output = env
        .cli()
        .args(["config", "unset", "plan"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("Unset plan in"),
        "{}",
        stderr_of(&output)
    );
    let text = std::fs::read_to_string(env.config_file()).unwrap();
    assert!(!text.contains("plan"), "{text}");
    let missing = env.cli().args(["config", "get", "plan"]).output().unwrap();
    assert_eq!(
        missing.status.code(),
        Some(1),
        "not set: exit 1, as git config"
    );
    assert!(
        stderr_of(&missing).contains("plan is not set") && stdout_of(&missing).is_empty(),
        "{}",
        stderr_of(&missing)
    );
    let unknown = env
        .cli()
        .args(["config", "get", "colour"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn a_token_given_on_the_command_line_is_warned_about() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .args(["config", "set", "token", "cst_abcdefghijklmnop0000WXYZ"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("warning: the token is now in your shell history")
            && stderr.contains("config set token -"),
        "{stderr}"
    );
    let quiet = env
        .cli()
        .args(["config", "set", "plan", "free"])
        .output()
        .unwrap();
    assert!(!stderr_of(&quiet).contains("shell history"));
}
