//! What only PostgreSQL has: migrations serialized across instances by an advisory lock, a
//! database newer than the binary refused, `--no-migrate`, the pool in `/metrics`, a URL's
//! password kept out of every message. Part of the `on_postgres` suite.

use super::common::postgres::{Backend, Database};
use super::common::{TestEnv, stderr_of, stdout_of};

/// `cartsaver-desk --db URL --key-file KEY` on a database of its own.
fn desk(env: &TestEnv, db: &Database) -> assert_cmd::Command {
    let mut command = env.command("cartsaver-desk");
    command
        .arg("--db")
        .arg(&db.url)
        .arg("--key-file")
        .arg(env.path("desk.key"));
    command
}

#[test]
fn instances_starting_together_apply_each_migration_once() {
    let env = TestEnv::new();
    let db = Database::create();
    let runs: Vec<_> = (0..4)
        .map(|_| {
            super::common::std_command(desk(&env, &db).arg("migrate"))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let output = run.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        assert!(
            stdout_of(&output).contains("schema version 7"),
            "{}",
            stdout_of(&output)
        );
    }
    assert_eq!(
        db.sql("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations"),
        "1,2,3,4,5,6,7"
    );
}

#[test]
fn a_database_newer_than_the_binary_is_refused_naming_both_versions() {
    let env = TestEnv::new();
    let db = Database::create();
    desk(&env, &db).arg("migrate").assert().success();
    db.sql("INSERT INTO schema_migrations VALUES (9, '2027-01-01T00:00:00Z')");
    let output = desk(&env, &db).args(["tickets", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr_of(&output);
    assert!(
        message.contains("schema version 9") && message.contains("up to 7"),
        "{message}"
    );
    assert!(message.contains("newer release"), "{message}");
}

#[test]
fn no_migrate_refuses_a_database_behind_and_says_to_migrate() {
    let env = TestEnv::new();
    let db = Database::create();
    let output = desk(&env, &db)
        .args(["serve", "--listen", "127.0.0.1:0", "--no-migrate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr_of(&output);
    assert!(
        message.contains("schema version 0") && message.contains("cartsaver-desk migrate"),
        "{message}"
    );
    assert_eq!(
        db.sql("SELECT to_regclass('tickets') IS NULL"),
        "t",
        "nothing was created"
    );
}

#[test]
fn a_desk_key_is_required_and_checked() {
    let env = TestEnv::new();
    let db = Database::create();
    let output = env
        .command("cartsaver-desk")
        .args(["--db", &db.url, "migrate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("--key-file"),
        "{}",
        stderr_of(&output)
    );
    desk(&env, &db).arg("migrate").assert().success();
    // Another instance with another key would fail every PIN check and replay: refused.
    let other = env.write("other.key", [7u8; 32]);
    let output = env
        .command("cartsaver-desk")
        .args(["--db", &db.url, "--key-file"])
        .arg(&other)
        .arg("migrate")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("other.key"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn the_pool_is_in_the_metrics_and_the_password_in_no_message() {
    let env = TestEnv::new();
    let url = env.desk_location(Backend::Postgres);
    let password = url::Url::parse(&url)
        .unwrap()
        .password()
        .map(str::to_string)
        .filter(|p| p.len() >= 4);
    let log = env.path("serve.log");
    let mut server = env.serve_desk_logged(
        &["--metrics-listen", "127.0.0.1:0", "--pool-size", "3"],
        &log,
    );
    let metrics = server.next_stdout_line();
    let metrics = metrics.strip_prefix("metrics on ").unwrap().to_string();
    reqwest::blocking::get(server.at("/v1/ready"))
        .unwrap()
        .error_for_status()
        .unwrap();
    let text = reqwest::blocking::get(&metrics).unwrap().text().unwrap();
    assert!(
        text.contains("cartsaver_desk_db_pool_connections{state=\"idle\"}"),
        "{text}"
    );
    assert!(
        text.contains("cartsaver_desk_db_pool_connections{state=\"in_use\"} 0"),
        "{text}"
    );
    drop(server);

    // A wrong password: refused, the URL shown masked.
    let mut wrong = url::Url::parse(&url).unwrap();
    wrong.set_password(Some("not-the-password-xyz")).unwrap();
    let output = env
        .command("cartsaver-desk")
        .args(["--db", wrong.as_str(), "--key-file"])
        .arg(env.path("desk.key"))
        .args(["tickets", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr_of(&output);
    assert!(!message.contains("not-the-password-xyz"), "{message}");
    assert!(message.contains("***"), "{message}");
    if let Some(password) = password {
        let logged = std::fs::read_to_string(&log).unwrap();
        assert!(!logged.contains(&password), "{logged}");
    }
}
