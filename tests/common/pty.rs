//! A pseudo-terminal for the tests that answer prompts like a person (expectrl): the real
//! binary with stdin and stderr on the terminal, stdout to a file, and helpers that wait for
//! the terminal state a prompt sets before typing into it.
//!
//! ptyprocess starts the child with the terminal's echo *off*. A hidden prompt (console's
//! `read_secure`) turns echo off itself and flushes pending input as it does (`TCSAFLUSH`), so
//! a test that waited for "echo off" saw it at once and typed before the prompt was reading:
//! the keys were flushed and the prompt waited forever (the `config set token -` test failed
//! one run in three, at the final EOF). The child now starts with echo on, like a real
//! terminal, so "echo off" means the hidden prompt is reading.

#![allow(dead_code)]

use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect};

use super::TestEnv;

pub const ENTER: &str = "\r";
pub const DOWN: &str = "\x1b[B";
pub const BACKSPACE: &str = "\x7f";
pub const CTRL_C: &str = "\x03";
pub const ESC: &str = "\x1b";

pub struct Pty {
    pub session: OsSession,
    stdout: PathBuf,
}

/// `cartsaver-support ARGS` on a pseudo-terminal, stdout to a file.
pub fn spawn(env: &TestEnv, args: &[&str]) -> Pty {
    spawn_with(env, args, &[])
}

/// [`spawn`] with extra environment variables.
pub fn spawn_with(env: &TestEnv, args: &[&str], vars: &[(&str, &str)]) -> Pty {
    let stdout = env.path("stdout.txt");
    let bin = assert_cmd::cargo::cargo_bin("cartsaver-support");
    let mut command = env.std_command("sh");
    command
        .arg("-c")
        .arg(r#"exec "$0" "$@" > "$STDOUT_FILE""#)
        .arg(bin)
        .args(args)
        .env("STDOUT_FILE", &stdout)
        .env("TERM", "xterm")
        // Plain text to match; colour on terminals is anstream's and console's business.
        .env("NO_COLOR", "1")
        .envs(vars.iter().copied());
    let mut session = spawn_echoing(command);
    // Generous: the machine may be busy building; a run takes a fraction of a second.
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    Pty { session, stdout }
}

impl Pty {
    /// Wait for `text` on the terminal; return everything shown before it.
    pub fn expect(&mut self, text: &str) -> String {
        match self.session.expect(text) {
            Ok(found) => String::from_utf8_lossy(found.before()).to_string(),
            Err(error) => panic!("waiting for {text:?}: {error}"),
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Answer a hidden prompt (PIN, token) once it has turned echo off: the prompt flushes
    /// what was typed before that moment, so keys sent too early would be lost.
    pub fn answer_hidden(&mut self, prompt: &str, keys: &str) {
        self.expect(prompt);
        self.wait_for_terminal(
            |termios| termios.c_lflag & libc::ECHO == 0,
            "turned echo off",
        );
        self.send(keys);
    }

    /// Wait until the terminal's settings satisfy `ready` (they change as a prompt starts).
    pub fn wait_for_terminal(&mut self, ready: impl Fn(&libc::termios) -> bool, what: &str) {
        wait_for_terminal(&self.session, ready, what);
    }

    /// Send line-editing keys (Backspace) once the prompt reads keys itself. Sent earlier, while
    /// the terminal is still in canonical mode, the terminal's own line editing would take the
    /// Backspaces, and the prompt would never see them: a race on a busy machine.
    pub fn edit(&mut self, keys: &str) {
        self.wait_for_terminal(
            |termios| termios.c_lflag & libc::ICANON == 0,
            "read raw keys",
        );
        self.send(keys);
    }

    /// Answer the prompt showing `prompt` with `keys` (Enter included by the caller).
    pub fn answer(&mut self, prompt: &str, keys: &str) -> String {
        let before = self.expect(prompt);
        self.send(keys);
        before
    }

    /// The rest of the output and the exit code.
    pub fn finish(mut self) -> (String, i32, String) {
        let rest = match self.session.expect(Eof) {
            // Eof matches the whole rest.
            Ok(found) => String::from_utf8_lossy(found.as_bytes()).to_string(),
            Err(error) => panic!("reading to the end: {error}"),
        };
        let code = match self.session.get_process().wait().expect("wait") {
            WaitStatus::Exited(_, code) => code,
            other => panic!("not a normal exit: {other:?}"),
        };
        let stdout = std::fs::read_to_string(&self.stdout).unwrap_or_default();
        (rest, code, stdout)
    }
}

/// Spawn `command` on a pseudo-terminal whose echo is on, as a real terminal's is (see the
/// header): set in the child after ptyprocess turned it off, before `exec`.
pub fn spawn_echoing(mut command: std::process::Command) -> OsSession {
    // SAFETY: the closure runs in the forked child before exec and only calls async-signal-safe
    // functions (tcgetattr, tcsetattr) on its own stdin.
    unsafe {
        command.pre_exec(|| {
            let mut termios: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut termios) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            termios.c_lflag |= libc::ECHO;
            if libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &termios) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut session = OsSession::spawn(command).expect("spawn in a pty");
    // Generous: the machine may be busy building; a run takes a fraction of a second.
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// Wait until the terminal's settings satisfy `ready`. Polled, not timed: the 20 s bound only
/// turns a hang into a failure.
pub fn wait_for_terminal(session: &OsSession, ready: impl Fn(&libc::termios) -> bool, what: &str) {
    let fd = session.get_stream().as_raw_fd();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        // SAFETY: tcgetattr only writes the termios struct we own; the fd is the pty master.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        let read = unsafe { libc::tcgetattr(fd, &mut termios) };
        assert_eq!(read, 0, "tcgetattr on the pty");
        if ready(&termios) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the prompt never {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Wait until a hidden prompt has turned echo off (and so is reading).
pub fn wait_for_echo_off(session: &OsSession) {
    wait_for_terminal(
        session,
        |termios| termios.c_lflag & libc::ECHO == 0,
        "turned echo off",
    );
}
