//! A real `cartsaver-desk serve` for the benchmarks: the binary (this build's, or the one an
//! environment variable names, to compare releases), a store token, and the server on a loopback
//! port with a temp database (a SQLite file, or a PostgreSQL database made for the run and
//! dropped after it), killed when dropped. Traffic goes to 127.0.0.1 only.

#![allow(dead_code)]

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The database a benchmark's desk uses.
pub enum Db {
    File(PathBuf),
    /// A database of the run's own on a PostgreSQL server, with the desk key beside the run.
    Postgres {
        url: String,
        admin: String,
        name: String,
        key: PathBuf,
    },
}

impl Db {
    /// A fresh database named `name` on the server `admin` (a URL of a database to connect to);
    /// dropped when the `Db` is.
    pub fn postgres(admin: &str, name: &str, dir: &Path) -> Db {
        psql(
            admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        );
        psql(admin, &format!("CREATE DATABASE {name}"));
        let mut url = url::Url::parse(admin).expect("the PostgreSQL URL");
        url.set_path(name);
        Db::Postgres {
            url: url.to_string(),
            admin: admin.to_string(),
            name: name.to_string(),
            key: dir.join("desk.key"),
        }
    }

    fn args(&self, command: &mut Command) {
        match self {
            Db::File(path) => command.arg("--db").arg(path),
            Db::Postgres { url, key, .. } => command.args(["--db", url, "--key-file"]).arg(key),
        };
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Db::Postgres { admin, name, .. } = self {
            psql(
                admin,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            );
        }
    }
}

/// The PostgreSQL server for a benchmark: `$var`, else the `PG*` variables of `pg_virtualenv`.
pub fn postgres_admin(var: &str) -> Option<String> {
    if let Ok(url) = std::env::var(var) {
        return Some(url);
    }
    let host = std::env::var("PGHOST").ok()?;
    let get = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    Some(format!(
        "postgres://{}:{}@{host}:{}/postgres",
        get("PGUSER", "postgres"),
        get("PGPASSWORD", ""),
        get("PGPORT", "5432")
    ))
}

/// `psql URL -c SQL`, which must succeed.
pub fn psql(url: &str, sql: &str) {
    let status = Command::new("psql")
        .args([url, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .stdout(Stdio::null())
        .status()
        .expect("run psql");
    assert!(status.success(), "psql failed on `{sql}`");
}

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
pub fn desk(bin: &str, db: &Db) -> Command {
    let mut command = Command::new(bin);
    command.env_remove("CARTSAVER_NOW");
    db.args(&mut command);
    command
}

/// `serve --listen 127.0.0.1:0`, its log discarded, once it has said where it listens.
pub fn start(bin: &str, db: &Db) -> Server {
    start_with(bin, db, &[])
}

/// [`start`] with more flags of `serve`.
pub fn start_with(bin: &str, db: &Db, flags: &[&str]) -> Server {
    let mut child = desk(bin, db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(flags)
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
pub fn token(bin: &str, db: &Db, store: &str) -> String {
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
