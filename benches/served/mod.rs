//! A real `cartsaver-desk serve` for the benchmarks: the binary (this build's, or the one an
//! environment variable names, to compare releases), a store token, and the server on a loopback
//! port with a temp database, killed when dropped. Traffic goes to 127.0.0.1 only.

#![allow(dead_code)]

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The desk binary: `$var` when set, else this build's.
pub fn binary(var: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| env!("CARGO_BIN_EXE_cartsaver-desk").into())
}

/// The server process, killed when dropped.
pub struct Server {
    child: Child,
    pub url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `cartsaver-desk --db DB` (the real clock: no `CARTSAVER_NOW`).
pub fn desk(bin: &str, db: &Path) -> Command {
    let mut command = Command::new(bin);
    command.env_remove("CARTSAVER_NOW").arg("--db").arg(db);
    command
}

/// `serve --listen 127.0.0.1:0`, its log discarded, once it has said where it listens.
pub fn start(bin: &str, db: &Path) -> Server {
    let mut child = desk(bin, db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn cartsaver-desk serve");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read the listening line");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    Server { child, url }
}

/// A token for `store`; also creates the database with the binary's own schema.
pub fn token(bin: &str, db: &Path, store: &str) -> String {
    let output = desk(bin, db)
        .args(["token", "create", "--store", store])
        .output()
        .expect("run token create");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}
