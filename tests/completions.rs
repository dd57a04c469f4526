//! The committed completion scripts (`completions/`) and man pages (`man/`) must match what the
//! binaries generate; regenerate them with `UPDATE_COMPLETIONS=1 cargo test --test completions`.
//! And the scripts must complete, in the real shells: bash always (CI has it), zsh and fish when
//! installed (`.ci/run` installs them; a run without them says it skipped them).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", ".bash"),
    ("zsh", ""),
    ("fish", ".fish"),
    ("powershell", ".ps1"),
    ("elvish", ".elv"),
];

const BINARIES: [&str; 2] = ["cartsaver-support", "cartsaver-desk"];

fn completions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions")
}

/// `completions/cartsaver-support.bash`, `completions/_cartsaver-desk` (zsh's naming).
fn script_file(bin: &str, shell: &str) -> PathBuf {
    let (_, extension) = SCRIPTS.iter().find(|(name, _)| *name == shell).unwrap();
    let name = match shell {
        "zsh" => format!("_{bin}"),
        "powershell" => format!("_{bin}{extension}"),
        _ => format!("{bin}{extension}"),
    };
    completions_dir().join(name)
}

fn update() -> bool {
    std::env::var_os("UPDATE_COMPLETIONS").is_some()
}

#[test]
fn committed_completions_match_the_binaries() {
    let env = common::TestEnv::new();
    let mut stale = Vec::new();
    for bin in BINARIES {
        for (shell, _) in SCRIPTS {
            let output = env
                .command(bin)
                .args(["completions", shell])
                .output()
                .unwrap();
            assert!(output.status.success(), "{bin} completions {shell} failed");
            assert!(
                !output.stdout.is_empty(),
                "{bin} completions {shell}: nothing"
            );
            let path = script_file(bin, shell);
            if update() {
                std::fs::create_dir_all(completions_dir()).unwrap();
                std::fs::write(&path, &output.stdout).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(&output.stdout[..]) {
                stale.push(path);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions {stale:?}: run `UPDATE_COMPLETIONS=1 cargo test --test completions` and commit completions/"
    );
}

#[test]
fn committed_man_pages_match_the_binaries() {
    let env = common::TestEnv::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let fresh = env.path("man");
    for bin in BINARIES {
        let output = env
            .command(bin)
            .args(["man", "--dir"])
            .arg(&fresh)
            .output()
            .unwrap();
        assert!(output.status.success(), "{bin} man: {output:?}");
    }
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let generated = names(&fresh);
    for page in [
        "cartsaver-support.1",
        "cartsaver-support-new.1",
        "cartsaver-desk.1",
        "cartsaver-desk-token-revoke.1",
    ] {
        assert!(
            generated.contains(&page.to_string()),
            "{page} in {generated:?}"
        );
    }
    if update() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for name in &generated {
            std::fs::copy(fresh.join(name), dir.join(name)).unwrap();
        }
    }
    let stale: Vec<&String> = generated
        .iter()
        .filter(|name| std::fs::read(dir.join(name)).ok() != std::fs::read(fresh.join(name)).ok())
        .collect();
    assert!(
        stale.is_empty() && names(&dir) == generated,
        "stale man pages {stale:?}: run `UPDATE_COMPLETIONS=1 cargo test --test completions` and commit man/"
    );
    let page = std::fs::read_to_string(fresh.join("cartsaver-support.1")).unwrap();
    assert!(
        page.contains("Exit codes") && page.contains("CARTSAVER_TOKEN"),
        "{page}"
    );
}

/// Whether `shell` can be run here; if not, say so (the test then checks nothing of it).
fn installed(shell: &str) -> bool {
    let found = Command::new(shell)
        .arg("-c")
        .arg("exit 0")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!(
            "SKIPPED: {shell} is not installed here, so its completion script was not run \
             (CI installs it: apt-get install -y zsh fish)"
        );
    }
    found
}

/// What bash's programmable completion offers for `line` (the cursor at its end), from the
/// committed script, as bash itself computes it.
fn bash_completes(bin: &str, line: &str) -> Vec<String> {
    let script = script_file(bin, "bash");
    let program = r#"
        source "$1"
        line="$2"
        read -r -a COMP_WORDS <<< "$line"
        [[ "$line" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="$line"
        COMP_POINT=${#line}
        handler=$(complete -p "${COMP_WORDS[0]}" | sed -E 's/.*-F ([^ ]+).*/\1/')
        "$handler" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", program, "bash"])
        .arg(&script)
        .arg(line)
        .output()
        .expect("run bash");
    assert!(output.status.success(), "bash: {output:?}");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_flags_and_their_values() {
    assert!(installed("bash"), "bash is needed for this test");
    let plans = bash_completes("cartsaver-support", "cartsaver-support new --plan ");
    assert_eq!(plans, ["free", "advanced", "unlimited", "scale"]);
    assert_eq!(
        bash_completes("cartsaver-support", "cartsaver-support new --ch"),
        ["--channel"]
    );
    assert_eq!(
        bash_completes("cartsaver-support", "cartsaver-support new --channel "),
        ["whatsapp", "sms"]
    );
    assert_eq!(
        bash_completes("cartsaver-support", "cartsaver-support list --status "),
        ["open", "answered", "resolved"]
    );
    let commands = bash_completes("cartsaver-support", "cartsaver-support ");
    for command in ["new", "check", "bulk", "status", "man", "completions"] {
        assert!(commands.contains(&command.to_string()), "{commands:?}");
    }
}

#[test]
fn bash_completes_the_desk_too() {
    assert!(installed("bash"), "bash is needed for this test");
    assert_eq!(
        bash_completes("cartsaver-desk", "cartsaver-desk tok"),
        ["token"]
    );
    let token = bash_completes("cartsaver-desk", "cartsaver-desk token ");
    assert!(
        token.contains(&"create".to_string()) && token.contains(&"revoke".to_string()),
        "{token:?}"
    );
    // A hyphenated subcommand of a hyphenated binary: the case the clap_complete bug broke.
    let flags = bash_completes("cartsaver-desk", "cartsaver-desk set-status --");
    assert!(flags.contains(&"--db".to_string()), "{flags:?}");
}

/// What fish offers for `line`, from the committed script (`complete -C` is fish's own
/// completion engine, as at the prompt).
fn fish_completes(bin: &str, line: &str) -> Vec<String> {
    let script = script_file(bin, "fish");
    let output = Command::new("fish")
        .args(["--no-config", "-c", "source $argv[1]; complete -C $argv[2]"])
        .arg(&script)
        .arg(line)
        .output()
        .expect("run fish");
    assert!(output.status.success(), "fish: {output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| line.split('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn fish_completes_flags_and_their_values() {
    if !installed("fish") {
        return;
    }
    let mut plans = fish_completes("cartsaver-support", "cartsaver-support new --plan ");
    plans.sort();
    assert_eq!(plans, ["advanced", "free", "scale", "unlimited"]);
    assert_eq!(
        fish_completes("cartsaver-support", "cartsaver-support new --ch"),
        ["--channel"]
    );
    let mut channels = fish_completes("cartsaver-support", "cartsaver-support new --channel ");
    channels.sort();
    assert_eq!(channels, ["sms", "whatsapp"]);
    let desk = fish_completes("cartsaver-desk", "cartsaver-desk tok");
    assert_eq!(desk, ["token"]);
}

/// zsh completes only at an interactive prompt: a real `zsh -f -i` in a pseudo-terminal, with
/// the committed script on its `fpath`, typing TAB.
#[cfg(unix)]
#[test]
fn zsh_completes_flags_and_their_values() {
    use expectrl::Expect;

    if !installed("zsh") {
        return;
    }
    let env = common::TestEnv::new();
    let mut command = env.std_command("zsh");
    command
        .args(["-f", "-i"])
        .env("TERM", "xterm")
        .env("PS1", "% ");
    let mut zsh = common::pty::spawn_echoing(command);
    let setup = format!(
        "fpath=({} $fpath); autoload -Uz compinit; compinit -u -D; echo READY\r",
        completions_dir().display()
    );
    zsh.send(setup).unwrap();
    zsh.expect("READY\r\n").unwrap();
    zsh.send("cartsaver-support new --plan \t").unwrap();
    for plan in ["advanced", "free", "scale", "unlimited"] {
        zsh.expect(plan).unwrap();
    }
    // Clear the line, then a flag to complete in place (zsh adds `=` for its value).
    zsh.send("\x15cartsaver-support new --ch\t").unwrap();
    zsh.expect("--channel").unwrap();
    zsh.send("\t").unwrap();
    zsh.expect("sms").unwrap();
    zsh.send("\x15cartsaver-desk tok\t").unwrap();
    zsh.expect("cartsaver-desk token").unwrap();
    zsh.send("\x15exit\r").unwrap();
}
