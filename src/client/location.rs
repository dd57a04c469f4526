//! Where the desk is: `--desk local|local:PATH|https://HOST[/base]` (docs/contract.md §3). `http://` is
//! allowed only for loopback hosts, so a token never crosses a network in clear.

use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;

use url::{Host, Url};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskLocation {
    /// The embedded desk on a SQLite file; `None` is the default file in the platform data dir.
    Local(Option<PathBuf>),
    /// A `cartsaver-desk` over HTTP(S); the URL ends with `/`.
    Remote(Url),
}

impl fmt::Display for DeskLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeskLocation::Local(None) => f.write_str("local"),
            DeskLocation::Local(Some(path)) => write!(f, "local:{}", path.display()),
            DeskLocation::Remote(url) => f.write_str(url.as_str()),
        }
    }
}

const EXAMPLES: &str = "use `local`, `local:PATH` or `https://desk.example.com`";

/// Parse a `--desk` / `CARTSAVER_DESK` value.
pub fn parse_desk(text: &str) -> Result<DeskLocation, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("local") {
        return Ok(DeskLocation::Local(None));
    }
    if let Some(path) = text.strip_prefix("local:") {
        if path.is_empty() {
            return Err(format!("desk `{text}`: no file after `local:`; {EXAMPLES}"));
        }
        return Ok(DeskLocation::Local(Some(PathBuf::from(path))));
    }
    let mut url = Url::parse(text)
        .map_err(|error| format!("desk `{text}` is not a URL ({error}); {EXAMPLES}"))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(format!(
                "desk `{text}`: plain http is allowed only for loopback hosts (127.0.0.1, ::1, localhost); use https://"
            ));
        }
        other => {
            return Err(format!(
                "desk `{text}`: unsupported scheme `{other}`; {EXAMPLES}"
            ));
        }
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!(
            "desk `{text}`: remove the credentials from the URL; the token goes in CARTSAVER_TOKEN"
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "desk `{text}`: remove the `?query` or `#fragment`; {EXAMPLES}"
        ));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(DeskLocation::Remote(url))
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_forms() {
        assert_eq!(parse_desk("local").unwrap(), DeskLocation::Local(None));
        assert_eq!(
            parse_desk("local:/tmp/desk.db").unwrap(),
            DeskLocation::Local(Some(PathBuf::from("/tmp/desk.db")))
        );
        assert!(parse_desk("local:").unwrap_err().contains("no file"));
    }

    #[test]
    fn https_anywhere_and_base_paths_end_with_a_slash() {
        let DeskLocation::Remote(url) = parse_desk("https://desk.example.com/support").unwrap()
        else {
            panic!("remote expected")
        };
        assert_eq!(url.as_str(), "https://desk.example.com/support/");
    }

    #[test]
    fn http_only_on_loopback() {
        assert!(parse_desk("http://127.0.0.1:8787").is_ok());
        assert!(parse_desk("http://[::1]:8787").is_ok());
        assert!(parse_desk("http://localhost:8787").is_ok());
        let error = parse_desk("http://desk.example.com").unwrap_err();
        assert!(
            error.contains("only for loopback") && error.contains("https://"),
            "{error}"
        );
    }

    #[test]
    fn refuses_other_schemes_credentials_and_junk() {
        assert!(
            parse_desk("ftp://desk.example.com")
                .unwrap_err()
                .contains("scheme")
        );
        assert!(
            parse_desk("https://me:pw@desk.example.com")
                .unwrap_err()
                .contains("credentials")
        );
        assert!(parse_desk("my desk").unwrap_err().contains("not a URL"));
    }
}
