//! `store`: the Shopify store URL (docs/contract.md §2), normalized to its `https://host` origin.
//!
//! Owns what a merchant may paste as their store (a bare host, any URL on the store, the
//! `admin.shopify.com/store/NAME` admin form, a custom domain), the DNS-name rules, and the
//! refusals (other schemes, credentials, IP addresses, localhost, ports, Shopify's own sites).
//! `http://` is accepted and read as `https://` with a note: every Shopify storefront and admin is
//! served over HTTPS, so the merchant means the same store. Offline only: nothing is resolved.

use std::fmt;

use serde::{Deserialize, Serialize};
use url::{Host, Url};

use super::{Field, FieldError, Note, Parsed};

/// A store origin: `https://cool-shop.myshopify.com` (lowercase, punycode host, no path).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoreUrl(String);

impl StoreUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host alone: `cool-shop.myshopify.com`.
    pub fn host(&self) -> &str {
        self.0.trim_start_matches("https://")
    }
}

impl fmt::Display for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const MYSHOPIFY_SUFFIX: &str = ".myshopify.com";
const ADMIN_HOST: &str = "admin.shopify.com";
const FIX: &str = "give the store's address, e.g. cool-shop.myshopify.com";

/// Parse a bare host, any URL on the store, the `https://admin.shopify.com/store/NAME/...` admin
/// form, or a custom domain. See docs/contract.md §2 for what is rejected.
pub fn parse_store(input: &str) -> Result<Parsed<StoreUrl>, FieldError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(FieldError::missing(
            Field::Store,
            format!("missing; {FIX} (Shopify admin → Settings → Domains)"),
        ));
    }
    let refuse = |code, message: String| FieldError::new(Field::Store, raw, code, message);

    if raw.chars().any(char::is_whitespace) {
        return Err(refuse(
            "whitespace",
            format!("contains a space; remove it: {FIX}"),
        ));
    }
    if looks_like_bare_ipv6(raw) {
        return Err(refuse("ip_address", format!("is an IP address; {FIX}")));
    }
    let mut notes = Vec::new();
    let scheme = scheme_of(raw);
    let url_text = match scheme.as_deref() {
        None => format!("https://{}", raw.trim_start_matches("//")),
        Some("https") => raw.to_string(),
        Some("http") => {
            notes.push(Note::info(
                "read as https://: Shopify serves every store over HTTPS",
            ));
            raw.to_string()
        }
        Some(other) => {
            return Err(refuse(
                "bad_scheme",
                format!(
                    "`{other}:` is not a web address; {FIX} or https://cool-shop.myshopify.com"
                ),
            ));
        }
    };
    let url = Url::parse(&url_text)
        .map_err(|e| refuse(url_error_code(e), url_error_message(e, raw_host(raw))))?;

    if !url.username().is_empty() || url.password().is_some() {
        return Err(credentials_error(
            raw,
            scheme.is_none() && url.password().is_none(),
        ));
    }
    let host = match url.host() {
        Some(Host::Domain(domain)) => domain.strip_suffix('.').unwrap_or(domain).to_string(),
        Some(Host::Ipv4(_) | Host::Ipv6(_)) => {
            return Err(refuse("ip_address", format!("is an IP address; {FIX}")));
        }
        None => return Err(refuse("empty_host", format!("has no host; {FIX}"))),
    };
    if host == "localhost" || host.ends_with(".localhost") {
        return Err(refuse(
            "localhost",
            format!("is this computer (localhost), not a Shopify store; {FIX}"),
        ));
    }
    if let Some(port) = url.port().filter(|&p| p != 443) {
        return Err(refuse(
            "port",
            format!("port {port} is not used by Shopify stores; leave it out: {FIX}"),
        ));
    }

    let host = if host == ADMIN_HOST {
        notes.push(Note::info("read from the Shopify admin URL"));
        admin_store_host(&url).map_err(|message| refuse("admin_url", message))?
    } else {
        host
    };
    if host == "shopify.com" || host.ends_with(".shopify.com") {
        return Err(refuse(
            "shopify_site",
            format!(
                "is a Shopify site, not your store; {FIX} (Shopify admin → Settings → Domains)"
            ),
        ));
    }
    check_store_host(&host).map_err(|(code, message)| refuse(code, message))?;
    if !host.ends_with(MYSHOPIFY_SUFFIX) {
        notes.push(Note::info(
            "custom domain: could not be checked offline to be a Shopify store; if support cannot \
             find it, give the .myshopify.com address instead (Shopify admin → Settings → Domains)",
        ));
    }
    Ok(Parsed {
        value: StoreUrl(format!("https://{host}")),
        notes,
    })
}

/// The scheme of `raw`, lowercased, if it has one. `cool-shop.myshopify.com:8443` and
/// `localhost:80` have none: a scheme has no dot, and what follows it is not a port number.
fn scheme_of(raw: &str) -> Option<String> {
    let (head, rest) = raw.split_once(':')?;
    let mut chars = head.chars();
    let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-');
    let port_follows = rest.starts_with(|c: char| c.is_ascii_digit());
    (is_scheme && (rest.starts_with("//") || !port_follows)).then(|| head.to_ascii_lowercase())
}

/// `::1` or `fe80::1` typed without brackets, which would pass for a scheme or host:port.
fn looks_like_bare_ipv6(raw: &str) -> bool {
    let authority = raw.split('/').next().unwrap_or(raw);
    !raw.contains("://") && !authority.contains('[') && authority.matches(':').count() >= 2
}

/// The host as typed (before any URL processing), for naming a bad character in it.
fn raw_host(raw: &str) -> &str {
    let after_scheme = raw.split_once("://").map_or(raw, |(_, rest)| rest);
    let authority = after_scheme.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    host_port.split(':').next().unwrap_or("")
}

fn url_error_code(error: url::ParseError) -> &'static str {
    match error {
        url::ParseError::EmptyHost => "empty_host",
        url::ParseError::InvalidPort => "port",
        url::ParseError::InvalidIpv4Address | url::ParseError::InvalidIpv6Address => "ip_address",
        _ => "invalid_host",
    }
}

fn url_error_message(error: url::ParseError, raw_host: &str) -> String {
    let forbidden = raw_host
        .chars()
        .find(|&c| c.is_ascii() && !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')));
    match error {
        url::ParseError::EmptyHost => format!("has no host; {FIX}"),
        url::ParseError::InvalidPort => {
            format!("has a bad port after `:`; leave the port out: {FIX}")
        }
        url::ParseError::InvalidIpv4Address => {
            format!("ends in a number, like an IP address; {FIX}")
        }
        url::ParseError::InvalidIpv6Address => format!("is an IP address; {FIX}"),
        url::ParseError::IdnaError | url::ParseError::InvalidDomainCharacter => match forbidden {
            Some(c) => format!("has `{c}`, which is not allowed in a domain name; {FIX}"),
            None => format!("is not a valid international domain name; {FIX}"),
        },
        _ => format!("is not a web address; {FIX}"),
    }
}

fn credentials_error(raw: &str, looks_like_email: bool) -> FieldError {
    if looks_like_email {
        return FieldError::new(
            Field::Store,
            raw,
            "email",
            format!("looks like an email address, not a store; {FIX}"),
        );
    }
    FieldError::new(
        Field::Store,
        raw,
        "credentials",
        format!(
            "contains a user name or password; remove the `user:password@` part \
             ({FIX}) and never share passwords, support does not need them"
        ),
    )
}

/// `https://admin.shopify.com/store/cool-shop/orders/5` → `cool-shop.myshopify.com`.
fn admin_store_host(url: &Url) -> Result<String, String> {
    let mut segments = url.path_segments().into_iter().flatten();
    match (segments.next(), segments.next()) {
        (Some("store"), Some(name)) if !name.is_empty() => {
            Ok(format!("{}{MYSHOPIFY_SUFFIX}", name.to_ascii_lowercase()))
        }
        _ => Err(format!(
            "is the Shopify admin without a store name; copy the address while in your store's \
             admin (it looks like https://admin.shopify.com/store/cool-shop/...) or {FIX}"
        )),
    }
}

/// The DNS-name rules, plus what a `.myshopify.com` address must look like.
fn check_store_host(host: &str) -> Result<(), (&'static str, String)> {
    if host == "myshopify.com" || host.ends_with(MYSHOPIFY_SUFFIX) {
        check_myshopify(host)?;
    }
    if let Some(problem) = dns_name_problem(host) {
        return Err((
            "invalid_host",
            format!("is not a valid domain name: {problem}; {FIX}"),
        ));
    }
    if !host.contains('.') {
        return Err((
            "invalid_host",
            format!(
                "is not a full domain name; if `{host}` is your store's name, give \
                 {host}.myshopify.com, otherwise {FIX}"
            ),
        ));
    }
    Ok(())
}

fn check_myshopify(host: &str) -> Result<(), (&'static str, String)> {
    let name = host.strip_suffix(MYSHOPIFY_SUFFIX).unwrap_or("");
    let fix = "give the store's name before .myshopify.com, e.g. cool-shop.myshopify.com";
    if name.is_empty() {
        return Err(("bad_myshopify", format!("has no store name; {fix}")));
    }
    if let Some(last) = name.rsplit('.').next().filter(|_| name.contains('.')) {
        return Err((
            "bad_myshopify",
            format!(
                "has more than one name before .myshopify.com; {fix} \
                 (did you mean {last}{MYSHOPIFY_SUFFIX}?)"
            ),
        ));
    }
    if let Some(problem) = label_problem(name) {
        return Err(("bad_myshopify", format!("the store name {problem}; {fix}")));
    }
    Ok(())
}

/// Why `host` (lowercase ASCII, no trailing dot) is not a valid DNS host name, if it is not:
/// labels of 1–63 letters, digits and inner hyphens, at most 253 characters, a TLD that is not all
/// digits. A single label is allowed here; callers that need a dot check for it themselves.
pub(crate) fn dns_name_problem(host: &str) -> Option<String> {
    if host.len() > 253 {
        return Some(format!("it has {} characters, more than 253", host.len()));
    }
    if host.is_empty() || host.starts_with('.') || host.ends_with('.') || host.contains("..") {
        return Some("it has an empty part between dots".to_string());
    }
    for label in host.split('.') {
        if let Some(problem) = label_problem(label) {
            return Some(format!("`{label}` {problem}"));
        }
    }
    let tld = host.rsplit('.').next().unwrap_or(host);
    if host.contains('.') && tld.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("the last part `{tld}` is all digits"));
    }
    None
}

/// Why one DNS label breaks the letters-digits-hyphens rule, if it does.
fn label_problem(label: &str) -> Option<String> {
    if label.is_empty() {
        return Some("is empty".to_string());
    }
    if label.len() > 63 {
        return Some(format!("has {} characters, more than 63", label.len()));
    }
    if let Some(c) = label
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '-'))
    {
        return Some(match c {
            '_' => "has an underscore `_`; domain names use hyphens `-`".to_string(),
            _ => format!("has `{c}`; only letters, digits and hyphens are allowed"),
        });
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Some("starts or ends with a hyphen".to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> Parsed<StoreUrl> {
        parse_store(input).unwrap_or_else(|e| panic!("{input:?} refused: {e}"))
    }

    fn value(input: &str) -> String {
        ok(input).value.to_string()
    }

    fn refused(input: &str) -> FieldError {
        match parse_store(input) {
            Ok(p) => panic!("{input:?} accepted as {}", p.value),
            Err(e) => e,
        }
    }

    fn assert_refused(input: &str, code: &str, says: &str) {
        let e = refused(input);
        assert_eq!(e.code, code, "{input:?}: {e}");
        assert!(e.message.contains(says), "{input:?}: {e}");
        assert_eq!(e.input, input.trim());
        assert!(
            !e.message.contains(&format!("store `{}`", input.trim())),
            "{e}"
        );
    }

    #[test]
    fn bare_myshopify_host_becomes_https_origin_without_notes() {
        let p = ok("cool-shop.myshopify.com");
        assert_eq!(p.value.as_str(), "https://cool-shop.myshopify.com");
        assert_eq!(p.value.host(), "cool-shop.myshopify.com");
        assert!(p.value.host().ends_with(MYSHOPIFY_SUFFIX));
        assert!(p.notes.is_empty(), "{:?}", p.notes);
    }

    #[test]
    fn any_url_on_the_store_keeps_only_the_origin() {
        assert_eq!(
            value("https://cool-shop.myshopify.com/admin/orders/5"),
            "https://cool-shop.myshopify.com"
        );
        assert_eq!(
            value("https://cool-shop.myshopify.com/products/x?variant=1#top"),
            "https://cool-shop.myshopify.com"
        );
        assert_eq!(
            value("cool-shop.myshopify.com/admin"),
            "https://cool-shop.myshopify.com"
        );
        assert_eq!(
            value("//cool-shop.myshopify.com/"),
            "https://cool-shop.myshopify.com"
        );
    }

    #[test]
    fn input_is_trimmed_and_lowercased() {
        assert_eq!(
            value("  HTTPS://Cool-Shop.MyShopify.COM/  \n"),
            "https://cool-shop.myshopify.com"
        );
    }

    #[test]
    fn default_port_and_trailing_dot_are_dropped() {
        assert_eq!(
            value("https://cool-shop.myshopify.com:443/"),
            "https://cool-shop.myshopify.com"
        );
        assert_eq!(
            value("cool-shop.myshopify.com."),
            "https://cool-shop.myshopify.com"
        );
    }

    #[test]
    fn admin_url_names_the_myshopify_store_with_a_note() {
        for input in [
            "https://admin.shopify.com/store/cool-shop/orders/5",
            "admin.shopify.com/store/cool-shop",
            "https://admin.shopify.com/store/Cool-Shop/",
        ] {
            let p = ok(input);
            assert_eq!(
                p.value.as_str(),
                "https://cool-shop.myshopify.com",
                "{input}"
            );
            assert!(
                p.notes
                    .iter()
                    .any(|n| n.text == "read from the Shopify admin URL"),
                "{input}"
            );
            assert!(!p.notes.iter().any(Note::is_warning));
        }
    }

    #[test]
    fn admin_url_without_a_store_name_says_which_part_to_copy() {
        for input in [
            "admin.shopify.com",
            "https://admin.shopify.com/",
            "admin.shopify.com/store/",
        ] {
            assert_refused(input, "admin_url", "admin.shopify.com/store/cool-shop");
        }
        assert_refused(
            "https://admin.shopify.com/orders/5",
            "admin_url",
            "cool-shop.myshopify.com",
        );
    }

    #[test]
    fn custom_domain_is_accepted_with_a_note_that_it_was_not_checked() {
        let p = ok("shop.example.com");
        assert_eq!(p.value.as_str(), "https://shop.example.com");
        assert!(!p.value.host().ends_with(MYSHOPIFY_SUFFIX));
        assert_eq!(p.notes.len(), 1);
        assert!(p.notes[0].text.contains("could not be checked offline"));
        assert!(p.notes[0].text.contains(".myshopify.com"));
    }

    #[test]
    fn idn_host_becomes_punycode() {
        assert_eq!(value("https://Café.example"), "https://xn--caf-dma.example");
        assert_eq!(value("مثال.example/شراء"), "https://xn--mgbh0fb.example");
        // An ideographic full stop is a dot in IDNA.
        assert_eq!(
            value("cool-shop。myshopify。com"),
            "https://cool-shop.myshopify.com"
        );
    }

    #[test]
    fn http_is_read_as_https_with_a_note() {
        let p = ok("http://cool-shop.myshopify.com/cart");
        assert_eq!(p.value.as_str(), "https://cool-shop.myshopify.com");
        assert!(p.notes[0].text.contains("HTTPS"));
        assert_eq!(
            value("http://cool-shop.myshopify.com:80"),
            "https://cool-shop.myshopify.com"
        );
    }

    #[test]
    fn missing_store_says_how_to_give_it() {
        for input in ["", "   "] {
            let e = refused(input);
            assert_eq!(e.code, "missing");
            assert!(e.message.contains("cool-shop.myshopify.com"));
        }
    }

    #[test]
    fn other_schemes_are_refused() {
        assert_refused("ftp://cool-shop.myshopify.com", "bad_scheme", "`ftp:`");
        assert_refused("mailto:me@cool-shop.com", "bad_scheme", "`mailto:`");
        assert_refused(
            "javascript:alert(1)",
            "bad_scheme",
            "cool-shop.myshopify.com",
        );
        assert_refused("file:///etc/passwd", "bad_scheme", "`file:`");
    }

    #[test]
    fn credentials_are_refused_with_advice_never_to_share_passwords() {
        let e = refused("https://user:pw@shop.myshopify.com");
        assert_eq!(e.code, "credentials");
        assert!(e.message.contains("remove the `user:password@` part"));
        assert!(e.message.contains("never share passwords"));
        assert_eq!(
            refused("https://user@shop.myshopify.com").code,
            "credentials"
        );
    }

    #[test]
    fn an_email_address_is_recognized_as_such() {
        assert_refused("owner@cool-shop.com", "email", "email address");
    }

    #[test]
    fn ip_addresses_are_refused() {
        for input in [
            "192.168.1.10",
            "https://10.0.0.1/admin",
            "[::1]",
            "https://[2001:db8::1]:443/",
            "::1",
            "fe80::1/x",
            "1.2.3.999",
            "0x7f.1",
        ] {
            assert_refused(input, "ip_address", "cool-shop.myshopify.com");
        }
    }

    #[test]
    fn localhost_is_refused() {
        for input in [
            "localhost",
            "http://localhost:3000",
            "LOCALHOST.",
            "shop.localhost",
        ] {
            assert_refused(input, "localhost", "localhost");
        }
    }

    #[test]
    fn non_default_ports_are_refused() {
        assert_refused("cool-shop.myshopify.com:8443", "port", "port 8443");
        assert_refused("https://shop.example.com:80/", "port", "leave it out");
        assert_refused("cool-shop.myshopify.com:abc", "port", "leave the port out");
    }

    #[test]
    fn hosts_that_are_not_dns_names_are_refused() {
        assert_refused("cool_shop.example.com", "invalid_host", "underscore");
        assert_refused("-shop.example.com", "invalid_host", "hyphen");
        assert_refused("shop-.example.com", "invalid_host", "hyphen");
        assert_refused("shop..example.com", "invalid_host", "empty part");
        assert_refused("cool-shop.myshopify.com..", "invalid_host", "empty part");
        let long_label = format!("{}.example.com", "a".repeat(64));
        assert_refused(&long_label, "invalid_host", "more than 63");
        let long_host = format!("{}.com", vec!["a".repeat(60); 5].join("."));
        assert_refused(&long_host, "invalid_host", "more than 253");
        assert_refused(
            "shop.example.c0m!",
            "invalid_host",
            "cool-shop.myshopify.com",
        );
        assert_refused(
            "shop<1>.com",
            "invalid_host",
            "has `<`, which is not allowed",
        );
        assert_refused("https://a@shop%.com/x", "invalid_host", "has `%`");
        assert_refused("xn--zz.example", "invalid_host", "international");
    }

    #[test]
    fn a_single_label_is_refused_with_the_myshopify_suggestion() {
        assert_refused("cool-shop", "invalid_host", "give cool-shop.myshopify.com");
    }

    #[test]
    fn an_all_numeric_tld_is_refused() {
        // The URL parser reads a host ending in a number as IPv4.
        assert_refused("shop.123", "ip_address", "number");
        assert_eq!(
            dns_name_problem("shop.123").as_deref(),
            Some("the last part `123` is all digits")
        );
    }

    #[test]
    fn invalid_myshopify_subdomains_are_refused() {
        assert_refused(".myshopify.com", "bad_myshopify", "no store name");
        assert_refused("myshopify.com", "bad_myshopify", "no store name");
        assert_refused(
            "www.cool-shop.myshopify.com",
            "bad_myshopify",
            "did you mean cool-shop.myshopify.com",
        );
        assert_refused("cool_shop.myshopify.com", "bad_myshopify", "underscore");
        assert_refused(
            "admin.shopify.com/store/cool_shop",
            "bad_myshopify",
            "underscore",
        );
    }

    #[test]
    fn shopify_own_sites_are_refused() {
        assert_refused("https://shopify.com", "shopify_site", "not your store");
        assert_refused(
            "apps.shopify.com/cartsaver",
            "shopify_site",
            "Settings → Domains",
        );
    }

    #[test]
    fn whitespace_inside_is_refused() {
        assert_refused("cool shop.myshopify.com", "whitespace", "remove it");
    }

    #[test]
    fn error_display_names_field_and_input_once() {
        let e = refused("ftp://x.example");
        assert!(
            e.to_string().starts_with("store `ftp://x.example`: `ftp:`"),
            "{e}"
        );
    }

    #[test]
    fn dns_rules_accept_ordinary_names() {
        assert_eq!(dns_name_problem("a.b"), None);
        assert_eq!(dns_name_problem("xn--caf-dma.example"), None);
        assert_eq!(dns_name_problem(&format!("{}.com", "a".repeat(63))), None);
        assert_eq!(dns_name_problem("shop"), None);
    }
}
