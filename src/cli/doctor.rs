//! `doctor`: is this machine ready to file? One line per check — the config file, the clock,
//! which desk and whether it answers (over TLS for https), the store token, the clock against
//! the desk's — marked ✓ (fine), ! (works, but look) or ✗ (fails, with the fix). Exit 1 when
//! something fails. It changes nothing.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::client::http::HttpDesk;
use crate::client::{Desk, DeskLocation, ListFilter, RequestError, default_db_path};
use crate::clock::{Clock, NOW_VAR};
use crate::domain::ticket::TicketInput;

use super::args::GlobalArgs;
use super::config;
use super::error::CliError;
use super::printer::{BAD, OK, Printer, WARN, paint};
use super::settings::{Settings, TOKEN_VAR};
use crate::exit::ExitStatus;
use crate::line;

/// More difference than this between our clock and the desk's is worth a warning: a time given
/// as `now` would be off by as much in the provider logs support searches.
const SKEW_WARNING_SECONDS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Fine,
    Look,
    Fails,
}

struct Check {
    name: &'static str,
    verdict: Verdict,
    detail: String,
}

impl Check {
    fn new(name: &'static str, verdict: Verdict, detail: impl Into<String>) -> Check {
        Check {
            name,
            verdict,
            detail: detail.into(),
        }
    }
}

pub fn run(global: &GlobalArgs, out: &Printer) -> Result<(), CliError> {
    let checks = diagnose(global);
    let healthy = checks.iter().all(|check| check.verdict != Verdict::Fails);
    if out.is_json() {
        let lines: Vec<_> = checks
            .iter()
            .map(|c| {
                let verdict = match c.verdict {
                    Verdict::Fine => "ok",
                    Verdict::Look => "warning",
                    Verdict::Fails => "failed",
                };
                json!({"check": c.name, "status": verdict, "detail": c.detail})
            })
            .collect();
        out.json(&json!({"ok": healthy, "checks": lines}));
    } else {
        print(&checks, out);
    }
    if healthy {
        Ok(())
    } else {
        Err(CliError::Reported(ExitStatus::Failure))
    }
}

fn diagnose(global: &GlobalArgs) -> Vec<Check> {
    let mut checks = vec![config_file(global)];
    let settings = match Settings::resolve(global) {
        Ok(settings) => settings,
        Err(error) => {
            checks.push(Check::new("settings", Verdict::Fails, error.to_string()));
            return checks;
        }
    };
    checks.push(config_values(&settings));
    checks.push(clock(&settings.clock));
    let location = match settings.desk() {
        Ok(location) => location,
        Err(error) => {
            checks.push(Check::new("desk", Verdict::Fails, error.to_string()));
            return checks;
        }
    };
    if let DeskLocation::Local(path) = &location {
        checks.push(local(path.as_deref()));
        return checks;
    }
    let DeskLocation::Remote(url) = location else {
        unreachable!("the local desk returned above")
    };
    // Every check runs, even after one fails: the desk's health needs no token.
    let token = settings.token();
    let desk = match HttpDesk::new(
        url.clone(),
        token.as_ref().ok().cloned().flatten(),
        settings.http_timeout,
    ) {
        Ok(desk) => desk,
        Err(error) => {
            checks.push(Check::new("desk", Verdict::Fails, error.to_string()));
            return checks;
        }
    };
    let token = match token {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(format!(
            "no store token for {url}: ask Cartsaver support for one, then run \
             `cartsaver-support config set token -` (or set {TOKEN_VAR})"
        )),
        Err(error) => Err(error.to_string()),
    };
    checks.extend(remote(
        &desk,
        url.scheme() == "https",
        token,
        settings.clock.now(),
    ));
    checks
}

/// The embedded desk: its file, which is not created here (doctor changes nothing).
fn local(path: Option<&std::path::Path>) -> Check {
    let path = match path {
        Some(path) => path.to_path_buf(),
        None => match default_db_path() {
            Ok(path) => path,
            Err(error) => return Check::new("desk", Verdict::Fails, error.to_string()),
        },
    };
    let shown = path.display();
    if path.is_file() {
        let words = format!("the local desk at {shown} (tickets stay on this machine)");
        Check::new("desk", Verdict::Fine, words)
    } else if path.exists() {
        let words = format!("{shown} is not a file; name another with --desk local:PATH");
        Check::new("desk", Verdict::Fails, words)
    } else {
        let words = format!(
            "the local desk at {shown}, created when the first ticket is filed (tickets stay on \
             this machine)"
        );
        Check::new("desk", Verdict::Fine, words)
    }
}

fn config_file(global: &GlobalArgs) -> Check {
    match config::read(global) {
        Ok(Some((path, _))) => Check::new("config", Verdict::Fine, path.display().to_string()),
        Ok(None) => Check::new(
            "config",
            Verdict::Fine,
            "no config file; flags and the environment give everything (`config init` makes one)",
        ),
        Err(error) => Check::new("config", Verdict::Fails, error.to_string()),
    }
}

/// The config file's checklist defaults, checked as `new` would use them.
fn config_values(settings: &Settings) -> Check {
    match settings.fill_defaults(&mut TicketInput::default()) {
        Ok(filled) if filled.is_empty() => {
            Check::new("defaults", Verdict::Fine, "none from the config file")
        }
        Ok(filled) => {
            let names: Vec<&str> = filled.iter().map(|field| field.name()).collect();
            Check::new(
                "defaults",
                Verdict::Fine,
                format!("from the config file: {}", names.join(", ")),
            )
        }
        Err(error) => Check::new("defaults", Verdict::Fails, error.to_string()),
    }
}

fn clock(clock: &Clock) -> Check {
    match clock {
        Clock::System => Check::new("clock", Verdict::Fine, "the system clock"),
        Clock::Fixed(at) => Check::new(
            "clock",
            Verdict::Look,
            format!("fixed at {at} by {NOW_VAR}; unset it to use the real time"),
        ),
    }
}

/// A remote desk: does it answer (and over TLS), does it take the token, do the clocks agree.
fn remote(
    desk: &HttpDesk,
    https: bool,
    token: Result<(), String>,
    now: DateTime<Utc>,
) -> Vec<Check> {
    let health = match desk.health() {
        Ok(health) => health,
        Err(error) => {
            let tls_failed = https && error.to_string().to_lowercase().contains("certificate");
            let name = if tls_failed { "tls" } else { "desk" };
            let mut checks = vec![Check::new(name, Verdict::Fails, error.to_string())];
            if let Err(why) = token {
                checks.push(Check::new("token", Verdict::Fails, why));
            }
            return checks;
        }
    };
    let mut checks = vec![Check::new(
        "desk",
        Verdict::Fine,
        format!("{} answers (version {})", desk.describe(), health.version),
    )];
    let token_check = match token {
        Ok(()) => None,
        Err(why) => Some(Check::new("token", Verdict::Fails, why)),
    };
    if https {
        checks.push(Check::new("tls", Verdict::Fine, "certificate verified"));
    } else {
        checks.push(Check::new(
            "tls",
            Verdict::Look,
            "plain http: fine on this machine only",
        ));
    }
    let probe = ListFilter {
        limit: Some(1),
        ..ListFilter::default()
    };
    checks.push(token_check.unwrap_or_else(|| match desk.list(&probe) {
        Ok(_) => Check::new("token", Verdict::Fine, token_owner(desk)),
        Err(RequestError::Refused { status: 401, .. }) => Check::new(
            "token",
            Verdict::Fails,
            "refused by the desk (unknown or revoked); ask Cartsaver support for a new one and run `cartsaver-support config set token -`",
        ),
        Err(error) => Check::new("token", Verdict::Fails, error.to_string()),
    }));
    checks.push(skew(&health.time, now));
    checks
}

/// Which store (and machine) the accepted token belongs to; a desk without `GET /v1/token`
/// (an older one) is only said to accept it.
fn token_owner(desk: &HttpDesk) -> String {
    match desk.token_info() {
        Ok(info) => {
            let name = info
                .name
                .map(|name| format!(", issued to `{name}`"))
                .unwrap_or_default();
            format!("accepted by the desk: it belongs to {}{name}", info.store)
        }
        Err(_) => "accepted by the desk".to_string(),
    }
}

fn skew(desk_time: &str, now: DateTime<Utc>) -> Check {
    let Ok(desk_now) = DateTime::parse_from_rfc3339(desk_time) else {
        return Check::new(
            "clock skew",
            Verdict::Look,
            format!("the desk's time `{desk_time}` is unreadable"),
        );
    };
    let seconds = (now - desk_now.with_timezone(&Utc)).num_seconds();
    let words = match seconds {
        0 => "your clock agrees with the desk's".to_string(),
        s if s > 0 => format!("your clock is {s} s ahead of the desk's"),
        s => format!("your clock is {} s behind the desk's", -s),
    };
    if seconds.abs() > SKEW_WARNING_SECONDS {
        Check::new(
            "clock skew",
            Verdict::Look,
            format!("{words}; a time given as `now` will be off by as much: set the clock (NTP)"),
        )
    } else {
        Check::new("clock skew", Verdict::Fine, words)
    }
}

fn print(checks: &[Check], out: &Printer) {
    let width = checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
    for check in checks {
        let mark = match check.verdict {
            Verdict::Fine => paint(OK, "✓"),
            Verdict::Look => paint(WARN, "!"),
            Verdict::Fails => paint(BAD, "✗"),
        };
        let name = format!(" {:width$}  ", check.name);
        out.data(line![mark, name, &check.detail]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_skew_is_worded_both_ways_and_warned_past_a_minute() {
        let now: DateTime<Utc> = "2026-11-20T14:30:00Z".parse().unwrap();
        let fine = skew("2026-11-20T14:29:50Z", now);
        assert_eq!(fine.verdict, Verdict::Fine);
        assert_eq!(fine.detail, "your clock is 10 s ahead of the desk's");
        let behind = skew("2026-11-20T14:35:00Z", now);
        assert_eq!(behind.verdict, Verdict::Look);
        assert!(
            behind.detail.starts_with("your clock is 300 s behind"),
            "{}",
            behind.detail
        );
        assert_eq!(skew("soon", now).verdict, Verdict::Look);
    }
}
