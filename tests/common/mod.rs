//! The test harness: run the real binaries with a scrubbed environment (temp HOME and config/data
//! dirs, no `CARTSAVER_*` from the caller, a fixed clock and zone).

#![allow(dead_code)]

pub mod inbox;
pub mod postgres;
pub mod proxy;
#[cfg(unix)]
pub mod pty;
pub mod smtp;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The clock every test runs at unless it says otherwise: a Friday afternoon in Cairo (winter).
pub const NOW: &str = "2026-11-20T14:30:00Z";

pub struct TestEnv {
    home: TempDir,
    /// The test's own PostgreSQL database, made on first use (`on_postgres` only).
    postgres: std::sync::OnceLock<postgres::Database>,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            home: tempfile::tempdir().expect("temp home"),
            postgres: std::sync::OnceLock::new(),
        }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// A path inside the temp home.
    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// Write a file inside the temp home and return its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&path, bytes).expect("write test file");
        path
    }

    /// `cartsaver-support` with the scrubbed environment.
    pub fn cli(&self) -> Command {
        self.command("cartsaver-support")
    }

    pub fn command(&self, bin: &str) -> Command {
        Command::from_std(self.std_command(assert_cmd::cargo::cargo_bin(bin)))
    }

    /// Any program with the scrubbed environment, as a `std::process::Command` (what a
    /// pseudo-terminal spawner takes).
    pub fn std_command(&self, program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
        let mut command = std::process::Command::new(program);
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy().to_string();
            if key.starts_with("CARTSAVER_") || key == "NO_COLOR" || key.starts_with("XDG_") {
                command.env_remove(&key);
            }
        }
        command
            .current_dir(self.home())
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.path(".config"))
            .env("XDG_DATA_HOME", self.path(".local/share"))
            .env("TZ", "UTC")
            .env("CARTSAVER_NOW", NOW);
        command
    }

    /// The default config file of this home.
    pub fn config_file(&self) -> PathBuf {
        self.path(".config/cartsaver/config.toml")
    }
}

/// The smallest valid PNG header: enough for sniffing by magic bytes.
pub const PNG_BYTES: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// Standard output as text.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// The desk database of a test: one file in the temp home, or (in the `on_postgres` suite) a
/// database of its own on the test PostgreSQL server, with its key file in the temp home.
impl TestEnv {
    pub fn desk_db(&self) -> PathBuf {
        self.path("desk.sqlite3")
    }

    /// The `--db` of the test's desk on `backend`.
    pub fn desk_location(&self, backend: postgres::Backend) -> String {
        match backend {
            postgres::Backend::Sqlite => self.desk_db().display().to_string(),
            postgres::Backend::Postgres => self
                .postgres
                .get_or_init(postgres::Database::create)
                .url
                .clone(),
        }
    }

    /// Everything the test's desk stored: the SQLite file, or a dump of the PostgreSQL
    /// database's data (to check what must never be stored in clear).
    pub fn desk_contents(&self) -> Vec<u8> {
        match postgres::backend() {
            postgres::Backend::Sqlite => std::fs::read(self.desk_db()).expect("read the desk file"),
            postgres::Backend::Postgres => {
                let url = self.desk_location(postgres::Backend::Postgres);
                let dump = std::process::Command::new("pg_dump")
                    .args(["--data-only", &url])
                    .output()
                    .expect("run pg_dump");
                assert!(
                    dump.status.success(),
                    "{}",
                    String::from_utf8_lossy(&dump.stderr)
                );
                dump.stdout
            }
        }
    }

    /// `cartsaver-desk --db <the test's database>` with the scrubbed environment.
    pub fn desk(&self) -> Command {
        self.desk_on(postgres::backend())
    }

    /// [`TestEnv::desk`] on the given backend.
    pub fn desk_on(&self, backend: postgres::Backend) -> Command {
        let mut command = self.command("cartsaver-desk");
        command.arg("--db").arg(self.desk_location(backend));
        if backend == postgres::Backend::Postgres {
            command.arg("--key-file").arg(self.path("desk.key"));
        }
        command
    }

    /// A new store token from `cartsaver-desk token create` (stdout is the token alone).
    pub fn desk_token(&self, store: &str) -> String {
        let output = self
            .desk()
            .args(["token", "create", "--store", store])
            .output()
            .expect("run cartsaver-desk token create");
        assert!(
            output.status.success(),
            "token create failed: {}",
            stderr_of(&output)
        );
        let token = stdout_of(&output);
        assert_eq!(
            token.lines().count(),
            1,
            "the token alone on stdout: {token:?}"
        );
        token.trim().to_string()
    }

    /// A real `cartsaver-desk serve` on a free loopback port, over the test's database.
    pub fn serve_desk(&self) -> DeskServer {
        self.serve_desk_with(|_| {})
    }

    /// `serve_desk` with more flags or environment (`--calendar`, another `CARTSAVER_NOW`...).
    pub fn serve_desk_with(&self, customize: impl FnOnce(&mut Command)) -> DeskServer {
        let mut template = self.desk();
        customize(&mut template);
        DeskServer::start(template, &[])
    }

    /// `serve_desk` with flags of `serve` itself (`--body-timeout 2s`...).
    pub fn serve_desk_flags(&self, flags: &[&str]) -> DeskServer {
        DeskServer::start(self.desk(), flags)
    }

    /// `serve_desk_flags` with the desk's stderr (its log) written to `log` instead of the
    /// test's own.
    pub fn serve_desk_logged(&self, flags: &[&str], log: &Path) -> DeskServer {
        DeskServer::start_logged(self.desk(), flags, Some(log))
    }
}

/// assert_cmd's Command cannot hand out a long-running child: rebuild it as a std Command with
/// the same program, arguments and scrubbed environment.
pub fn std_command(template: &Command) -> std::process::Command {
    let mut command = std::process::Command::new(template.get_program());
    command.args(template.get_args());
    for (key, value) in template.get_envs() {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    if let Some(dir) = template.get_current_dir() {
        command.current_dir(dir);
    }
    command
}

/// A running `cartsaver-desk serve --listen 127.0.0.1:0`, killed when dropped.
pub struct DeskServer {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT`, from the first stdout line.
    pub url: String,
    stdout: std::io::BufReader<std::process::ChildStdout>,
}

impl DeskServer {
    /// The desk's stderr (a log line per request) goes to `serve-N.log` in the temp home, not
    /// into the test run's output.
    fn start(template: Command, flags: &[&str]) -> DeskServer {
        let home = template
            .get_envs()
            .find(|(key, _)| *key == "HOME")
            .and_then(|(_, value)| value.map(PathBuf::from));
        let log = home.map(|home| {
            (0..)
                .map(|i| home.join(format!("serve-{i}.log")))
                .find(|path| !path.exists())
                .expect("a free log name")
        });
        DeskServer::start_logged(template, flags, log.as_deref())
    }

    fn start_logged(mut template: Command, flags: &[&str], log: Option<&Path>) -> DeskServer {
        use std::io::BufRead;

        template.args(["serve", "--listen", "127.0.0.1:0"]);
        template.args(flags);
        let stderr = match log {
            Some(path) => std::process::Stdio::from(
                std::fs::File::create(path).expect("create the desk's log file"),
            ),
            None => std::process::Stdio::inherit(),
        };
        let mut child = std_command(&template)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("spawn cartsaver-desk serve");
        let mut stdout = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut first_line = String::new();
        stdout
            .read_line(&mut first_line)
            .expect("read the first line of cartsaver-desk serve");
        let url = first_line
            .trim_end()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| {
                let _ = child.kill();
                panic!("first stdout line of serve is not `listening on URL`: {first_line:?}")
            })
            .to_string();
        DeskServer { child, url, stdout }
    }

    /// The next line the desk writes on stdout (after `listening on`: `metrics on URL`).
    pub fn next_stdout_line(&mut self) -> String {
        use std::io::BufRead;
        let mut line = String::new();
        self.stdout
            .read_line(&mut line)
            .expect("read a line of cartsaver-desk serve");
        line.trim_end().to_string()
    }

    /// `url` + `path`.
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// Send SIGTERM (as a service manager does) and wait for the server to exit.
    #[cfg(unix)]
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -TERM failed");
        self.child.wait().expect("wait for cartsaver-desk serve")
    }
}

impl Drop for DeskServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A complete, valid create body for `store` and `order` at the test clock.
pub fn ticket_json(store: &str, order: &str) -> serde_json::Value {
    serde_json::json!({
        "store": store,
        "order": order,
        "phone": "+201001234567",
        "channel": "whatsapp",
        "at": "2026-11-20T14:03:00Z",
        "tried": ["resent the OTP"],
        "email": "owner@cool-shop.com",
        "plan": "advanced",
    })
}

/// `CS-XXX-XXX-XXX` with a check symbol that matches: what `new` prints on stdout.
pub fn is_tracking_number(text: &str) -> bool {
    text.len() == 14
        && text.starts_with("CS-")
        && cartsaver::domain::tracking::parse_tracking(text).is_ok()
}

/// The flags of a complete, valid `new` for `store` and `order` (SMS, plan unlimited).
pub fn ticket_flags(store: &str, order: &str) -> Vec<String> {
    [
        "--store",
        store,
        "--order",
        order,
        "--phone",
        "+201001234567",
        "--channel",
        "sms",
        "--at",
        "2026-11-20T14:03:00Z",
        "--tried",
        "resent the OTP",
        "--email",
        "owner@cool-shop.com",
        "--plan",
        "unlimited",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}
