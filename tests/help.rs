//! `--help` tells the truth a new user needs: examples on the commands people run first, exit
//! codes and the environment on the top level, where tickets go, and the desk's commands
//! described.

mod common;

use common::{TestEnv, stdout_of};

fn help(env: &TestEnv, bin: &str, args: &[&str]) -> String {
    let output = env.command(bin).args(args).arg("--help").output().unwrap();
    assert!(output.status.success(), "{args:?} --help: {output:?}");
    stdout_of(&output)
}

#[test]
fn the_commands_people_run_first_have_examples() {
    let env = TestEnv::new();
    for command in ["new", "check", "bulk", "status", "reply"] {
        let text = help(&env, "cartsaver-support", &[command]);
        assert!(text.contains("Examples:"), "{command} --help: {text}");
        assert!(
            text.contains(&format!("cartsaver-support {command}")),
            "{command}: an example runs it: {text}"
        );
        assert!(text.contains("Exit codes:"), "{command}: {text}");
    }
}

#[test]
fn the_top_level_says_exit_codes_environment_and_where_tickets_go() {
    let env = TestEnv::new();
    let text = help(&env, "cartsaver-support", &[]);
    for words in [
        "Exit codes:",
        "130",
        "Environment:",
        "CARTSAVER_TOKEN",
        "NO_COLOR",
        "Where tickets go:",
        "local desk",
        "token Cartsaver support gave you",
    ] {
        assert!(text.contains(words), "{words:?} missing: {text}");
    }
}

#[test]
fn the_desk_help_describes_revoke_and_shows_no_empty_env_values() {
    let env = TestEnv::new();
    let output = env
        .command("cartsaver-desk")
        .env("CARTSAVER_DESK_DB", "")
        .env("CARTSAVER_DESK_CALENDAR", "")
        .arg("--help")
        .output()
        .unwrap();
    let text = stdout_of(&output);
    assert!(text.contains("[env: CARTSAVER_DESK_DB]"), "{text}");
    assert!(!text.contains("=]"), "an empty env value shown: {text}");
    let revoke = help(&env, "cartsaver-desk", &["token", "revoke"]);
    assert!(revoke.contains("refuses it from then on"), "{revoke}");
    assert!(revoke.contains("in full"), "{revoke}");
}
