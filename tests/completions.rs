//! The committed completion scripts in `completions/` must match what the binary generates.
//! Regenerate them with `UPDATE_COMPLETIONS=1 cargo test --test completions`.

mod common;

use std::path::Path;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "cartsaver-support.bash"),
    ("zsh", "_cartsaver-support"),
    ("fish", "cartsaver-support.fish"),
    ("powershell", "_cartsaver-support.ps1"),
    ("elvish", "cartsaver-support.elv"),
];

#[test]
fn committed_completions_match_the_cli() {
    let env = common::TestEnv::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let output = env.cli().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "completions {shell} failed");
        assert!(
            !output.stdout.is_empty(),
            "completions {shell} printed nothing"
        );
        let path = dir.join(file);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &output.stdout).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&output.stdout[..]) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions {stale:?}: run `UPDATE_COMPLETIONS=1 cargo test --test completions` and commit completions/"
    );
}

#[test]
fn completions_know_the_subcommands_and_field_flags() {
    let env = common::TestEnv::new();
    let output = env.cli().args(["completions", "bash"]).output().unwrap();
    let script = common::stdout_of(&output);
    for word in [
        "check",
        "--phone",
        "--store",
        "--tracking",
        "--allow-access",
    ] {
        assert!(script.contains(word), "bash completion lacks {word}");
    }
}
