//! A real SMTP server on loopback for the mail tests: Debian's `python3-aiosmtpd`, run as a
//! small capture script that writes each message it accepts into a folder (one `.eml` file per
//! message, in order) and prints its port. Recipients starting with `bounce` are refused with a
//! 550, for the permanent-failure path.
//!
//! Without aiosmtpd a test says so and is skipped, unless `CARTSAVER_REQUIRE_SMTP=1` (as
//! `.ci/run` sets), which makes the missing server a failure.

#![allow(dead_code)]

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CAPTURE: &str = r#"
import asyncio, os, ssl, sys, time
from aiosmtpd.smtp import SMTP

folder, port = sys.argv[1], int(sys.argv[2])
# With a certificate and key: STARTTLS offered, and required before any mail.
tls = None
if len(sys.argv) > 4:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(sys.argv[3], sys.argv[4])

class Capture:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("bounce"):
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%020d" % time.time_ns()
        tmp = os.path.join(folder, "." + name)
        with open(tmp, "wb") as out:
            out.write(envelope.original_content or envelope.content)
        os.rename(tmp, os.path.join(folder, name + ".eml"))
        return "250 OK captured"

async def main():
    loop = asyncio.get_running_loop()
    def session():
        if tls is None:
            return SMTP(Capture())
        return SMTP(Capture(), tls_context=tls, require_starttls=True)
    server = await loop.create_server(session, "127.0.0.1", port)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()

asyncio.run(main())
"#;

/// The Python that has aiosmtpd: Debian's own first (a pyenv shim may shadow it on PATH).
fn python() -> Option<&'static str> {
    ["/usr/bin/python3", "python3"].into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    })
}

/// Whether the mail tests can run; says why not when they cannot (and fails under
/// `CARTSAVER_REQUIRE_SMTP=1`).
pub fn available(test: &str) -> bool {
    if python().is_some() {
        return true;
    }
    assert!(
        std::env::var_os("CARTSAVER_REQUIRE_SMTP").is_none_or(|v| v != "1"),
        "{test}: python3-aiosmtpd is missing and CARTSAVER_REQUIRE_SMTP=1 (apt-get install python3-aiosmtpd)"
    );
    eprintln!(
        "skipped {test}: python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd)"
    );
    false
}

/// A running capture server, stopped when dropped.
pub struct SmtpCapture {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl SmtpCapture {
    /// On a free port.
    pub fn start(dir: &Path) -> SmtpCapture {
        SmtpCapture::start_on(dir, 0)
    }

    /// On `port` (0: a free one), keeping what `dir` holds already.
    pub fn start_on(dir: &Path, port: u16) -> SmtpCapture {
        SmtpCapture::spawn(dir, port, None)
    }

    /// On a free port, offering STARTTLS with this certificate and key (PEM files) and refusing
    /// mail before it.
    pub fn start_tls(dir: &Path, cert: &Path, key: &Path) -> SmtpCapture {
        SmtpCapture::spawn(dir, 0, Some((cert, key)))
    }

    fn spawn(dir: &Path, port: u16, tls: Option<(&Path, &Path)>) -> SmtpCapture {
        std::fs::create_dir_all(dir).unwrap();
        let python = python().expect("python3 with aiosmtpd (check `available` first)");
        let mut command = Command::new(python);
        command.args(["-c", CAPTURE]).arg(dir).arg(port.to_string());
        if let Some((cert, key)) = tls {
            command.arg(cert).arg(key);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the aiosmtpd capture server");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().parse().unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("the capture server printed no port: {line:?}")
        });
        SmtpCapture {
            child,
            port,
            dir: dir.to_path_buf(),
        }
    }

    /// `smtp://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Stop the server (as an outage would).
    pub fn stop(mut self) -> u16 {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.port
    }

    /// Every message captured so far, oldest first.
    pub fn messages(&self) -> Vec<String> {
        messages_in(&self.dir)
    }

    /// Wait (at most `timeout`) until `count` messages are captured; every one of them.
    pub fn wait_for(&self, count: usize, timeout: Duration) -> Vec<String> {
        let start = Instant::now();
        loop {
            let messages = self.messages();
            if messages.len() >= count || start.elapsed() > timeout {
                return messages;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for SmtpCapture {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `.eml` files of `dir`, oldest first.
pub fn messages_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .map(|path| String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned())
        .collect()
}

/// The value of header `name` in a raw message (unfolded), if present.
pub fn header(message: &str, name: &str) -> Option<String> {
    let head = message.split("\r\n\r\n").next().unwrap_or(message);
    let head = head.replace("\r\n", "\n");
    let mut found: Option<String> = None;
    for line in head.lines() {
        if let Some(value) = &mut found {
            if line.starts_with([' ', '\t']) {
                value.push_str(line);
                continue;
            }
            break;
        }
        if let Some((key, value)) = line.split_once(':')
            && key.eq_ignore_ascii_case(name)
        {
            found = Some(value.trim().to_string());
        }
    }
    found
}
