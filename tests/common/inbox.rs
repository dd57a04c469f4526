//! The browser inbox's test helpers: agents added with the real `cartsaver-desk agent add`, a
//! plain HTTP client that signs in through the real forms (cookies and CSRF tokens read from the
//! answers, never made up), and tickets filed through the real API.

#![allow(dead_code)]

use reqwest::blocking::{Client, Response, multipart};
use reqwest::header;

use super::{DeskServer, TestEnv, stderr_of};

pub const AGENT: &str = "agent@desk.example";
pub const PASSWORD: &str = "correct horse battery staple";

/// `cartsaver-desk agent add EMAIL --password-file FILE`.
pub fn add_agent(env: &TestEnv, email: &str, password: &str) {
    let file = env.write(&format!("password-{email}"), format!("{password}\n"));
    let output = env
        .desk()
        .args(["agent", "add", email, "--password-file"])
        .arg(&file)
        .output()
        .expect("run cartsaver-desk agent add");
    assert!(output.status.success(), "{}", stderr_of(&output));
}

/// A client that follows no redirect and keeps no cookie: each test says what it sends.
pub fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client")
}

/// The value of cookie `name` among an answer's `Set-Cookie` headers, and the whole header.
pub fn set_cookie(response: &Response, name: &str) -> Option<(String, String)> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|whole| {
            let value = whole[name.len() + 1..]
                .split(';')
                .next()
                .unwrap_or_default()
                .to_string();
            (value, whole.to_string())
        })
}

/// The first form's CSRF token in a page.
pub fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("a form with a CSRF token") + marker.len();
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// A signed-in agent: the session cookie and a CSRF token of its pages.
pub struct Signed {
    pub cookie: String,
    pub csrf: String,
    /// The `Set-Cookie` header of the session, for its flags.
    pub set_cookie: String,
}

impl Signed {
    pub fn header(&self) -> String {
        format!("cs_session={}", self.cookie)
    }
}

/// The sign-in page's pre-session cookie and CSRF token.
pub fn sign_in_form(server: &DeskServer) -> (String, String) {
    let page = client()
        .get(server.at("/inbox/login"))
        .send()
        .expect("GET /inbox/login");
    assert_eq!(page.status(), 200);
    let (form_id, _) = set_cookie(&page, "cs_signin").expect("the sign-in form's cookie");
    let csrf = csrf_of(&page.text().unwrap());
    (form_id, csrf)
}

/// Post the sign-in form as a browser would.
pub fn post_sign_in(server: &DeskServer, email: &str, password: &str) -> Response {
    let (form_id, csrf) = sign_in_form(server);
    client()
        .post(server.at("/inbox/login"))
        .header(header::COOKIE, format!("cs_signin={form_id}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .expect("POST /inbox/login")
}

/// Sign in and read a page's CSRF token.
pub fn sign_in(server: &DeskServer, email: &str, password: &str) -> Signed {
    let answer = post_sign_in(server, email, password);
    assert_eq!(answer.status(), 303, "sign-in refused");
    let (cookie, set_cookie) = set_cookie(&answer, "cs_session").expect("a session cookie");
    let queue = client()
        .get(server.at("/inbox"))
        .header(header::COOKIE, format!("cs_session={cookie}"))
        .send()
        .unwrap();
    assert_eq!(queue.status(), 200);
    let csrf = csrf_of(&queue.text().unwrap());
    Signed {
        cookie,
        csrf,
        set_cookie,
    }
}

/// GET an inbox page as `agent`.
pub fn get(server: &DeskServer, agent: &Signed, path: &str) -> Response {
    client()
        .get(server.at(path))
        .header(header::COOKIE, agent.header())
        .send()
        .expect("GET an inbox page")
}

/// POST an inbox form as `agent`, with the given fields (the CSRF token among them or not).
pub fn post(server: &DeskServer, agent: &Signed, path: &str, fields: &[(&str, &str)]) -> Response {
    client()
        .post(server.at(path))
        .header(header::COOKIE, agent.header())
        .form(fields)
        .send()
        .expect("POST an inbox form")
}

/// File a ticket through the API: `body` (a create JSON) with `attachments` (name, bytes).
pub fn file_ticket(
    server: &DeskServer,
    token: &str,
    body: &serde_json::Value,
    attachments: &[(&str, &[u8])],
) -> String {
    let mut form = multipart::Form::new().part(
        "ticket",
        multipart::Part::text(body.to_string())
            .mime_str("application/json")
            .unwrap(),
    );
    for (name, bytes) in attachments {
        form = form.part(
            "attachment",
            multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        );
    }
    let answer = client()
        .post(server.at("/v1/tickets"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .expect("POST /v1/tickets");
    let status = answer.status();
    let text = answer.text().unwrap();
    assert!(status.is_success(), "{status}: {text}");
    let created: serde_json::Value = serde_json::from_str(&text).unwrap();
    created["tracking_number"].as_str().unwrap().to_string()
}

/// The smallest PDF header: enough for sniffing by magic bytes.
pub const PDF_BYTES: &[u8] =
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
