//! The desk database on disk: private when created (by `cartsaver-desk` and by the merchant
//! CLI's embedded desk), a warning when an existing one is readable by others, and a refusal at
//! start when it cannot be written.

#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{TestEnv, stderr_of, ticket_flags};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn assert_private(db: &Path) {
    assert_eq!(mode(db), 0o600, "{}", db.display());
    for suffix in ["-wal", "-shm"] {
        let companion = db.with_file_name(format!(
            "{}{suffix}",
            db.file_name().unwrap().to_string_lossy()
        ));
        if companion.exists() {
            assert_eq!(mode(&companion), 0o600, "{}", companion.display());
        }
    }
    assert_eq!(mode(db.parent().unwrap()), 0o700, "{}", db.display());
}

#[test]
fn the_desk_creates_its_database_private_in_a_private_folder() {
    let env = TestEnv::new();
    let db = env.path("srv/desk/desk.sqlite3");
    let output = env
        .command("cartsaver-desk")
        .arg("--db")
        .arg(&db)
        .args(["token", "create", "--store", "cool-shop.myshopify.com"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        !stderr_of(&output).contains("warning"),
        "{}",
        stderr_of(&output)
    );
    assert_private(&db);
}

#[test]
fn the_embedded_desk_creates_its_database_private_too() {
    let env = TestEnv::new();
    let output = env
        .cli()
        .arg("new")
        .args(ticket_flags("cool-shop.myshopify.com", "1052"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_private(&env.path(".local/share/cartsaver/desk.sqlite3"));
}

#[test]
fn an_existing_database_readable_by_others_is_warned_about_with_the_fix() {
    let env = TestEnv::new();
    let db = env.desk_db();
    env.desk_token("cool-shop.myshopify.com");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = env.desk().args(["tickets", "list"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("readable by other users"), "{stderr}");
    assert!(stderr.contains("mode 0644"), "{stderr}");
    assert!(stderr.contains("chmod 600"), "{stderr}");
}

/// A read-only file: as root, only another user finds it read-only, so the desk runs as
/// `nobody` through `setpriv` (util-linux).
#[test]
fn a_read_only_database_is_refused_at_start_naming_the_file_and_the_fix() {
    let env = TestEnv::new();
    let dir = env.path("shared");
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("desk.sqlite3");
    env.command("cartsaver-desk")
        .arg("--db")
        .arg(&db)
        .args(["token", "create", "--store", "cool-shop.myshopify.com"])
        .assert()
        .success();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let root = unsafe { libc_geteuid() } == 0;
    let mut command = if root {
        for folder in [env.home(), dir.as_path()] {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        let mut command = env.std_command("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(assert_cmd::cargo::cargo_bin("cartsaver-desk"));
        command
    } else {
        env.std_command(assert_cmd::cargo::cargo_bin("cartsaver-desk"))
    };
    let output = command
        .arg("--db")
        .arg(&db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("cannot be written"), "{stderr}");
    assert!(stderr.contains("desk.sqlite3"), "{stderr}");
    assert!(stderr.contains("chmod u+w"), "{stderr}");
    assert!(output.stdout.is_empty(), "never listened");
}

unsafe extern "C" {
    #[link_name = "geteuid"]
    fn libc_geteuid() -> u32;
}
