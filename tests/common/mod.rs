//! The test harness: run the real binaries with a scrubbed environment (temp HOME and config/data
//! dirs, no `CARTSAVER_*` from the caller, a fixed clock and zone).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The clock every test runs at unless it says otherwise: a Friday afternoon in Cairo (winter).
pub const NOW: &str = "2026-11-20T14:30:00Z";

pub struct TestEnv {
    home: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            home: tempfile::tempdir().expect("temp home"),
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
