//! The browser inbox over plain HTTP (SPEC §10), against a real `cartsaver-desk serve`: the
//! session cookie's flags and the pages' security headers, CSRF refusals, store tokens kept out
//! of the inbox and agents' cookies out of the API, attachments served with their checked type,
//! merchant text escaped, replies that are support messages (mailed), notes that stay internal,
//! slowed sign-ins. Also run on PostgreSQL (`on_postgres.rs`).

mod common;

use common::inbox::{
    AGENT, PASSWORD, PDF_BYTES, add_agent, client, file_ticket, get, post, post_sign_in,
    set_cookie, sign_in, sign_in_form,
};
use common::{PNG_BYTES, TestEnv, stderr_of, stdout_of, ticket_json};
use reqwest::header;

const SHOP: &str = "cool-shop.myshopify.com";

fn desk_with_agent() -> (TestEnv, common::DeskServer) {
    let env = TestEnv::new();
    add_agent(&env, AGENT, PASSWORD);
    let server = env.serve_desk();
    (env, server)
}

#[test]
fn signing_in_sets_a_strict_http_only_session_cookie_and_pages_carry_a_strict_csp() {
    let (_env, server) = desk_with_agent();
    let anonymous = client().get(server.at("/inbox")).send().unwrap();
    assert_eq!(anonymous.status(), 303);
    assert_eq!(anonymous.headers()[header::LOCATION], "/inbox/login");

    let wrong = post_sign_in(&server, AGENT, "not the password at all");
    assert_eq!(wrong.status(), 401);
    assert!(set_cookie(&wrong, "cs_session").is_none());
    assert!(wrong.text().unwrap().contains("Wrong email or password"));

    let agent = sign_in(&server, "Agent@Desk.Example", PASSWORD);
    let flags = &agent.set_cookie;
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/inbox"] {
        assert!(flags.contains(flag), "{flags}");
    }
    // The desk listens on loopback: a browser here reaches it over plain HTTP.
    assert!(!flags.contains("Secure"), "{flags}");
    assert_eq!(agent.cookie.len(), 64, "{flags}");

    let page = get(&server, &agent, "/inbox");
    let headers = page.headers();
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let html = page.text().unwrap();
    assert!(html.contains(AGENT), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("style=\""), "no inline style under the CSP");

    let css = client().get(server.at("/inbox/style.css")).send().unwrap();
    assert_eq!(css.status(), 200);
    assert!(
        css.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );

    // Behind a TLS proxy on the same machine, `--cookie-secure` marks them Secure all the same.
    let env = TestEnv::new();
    add_agent(&env, AGENT, PASSWORD);
    let proxied = env.serve_desk_flags(&["--cookie-secure"]);
    let (_, csrf) = sign_in_form(&proxied);
    assert!(!csrf.is_empty());
    let secure = post_sign_in(&proxied, AGENT, PASSWORD);
    let (_, flags) = set_cookie(&secure, "cs_session").unwrap();
    assert!(flags.ends_with("; Secure"), "{flags}");

    // Signed out, the cookie opens nothing.
    let out = post(&server, &agent, "/inbox/logout", &[("csrf", &agent.csrf)]);
    assert_eq!(out.status(), 303);
    let (cleared, _) = set_cookie(&out, "cs_session").unwrap();
    assert!(cleared.is_empty());
    assert_eq!(get(&server, &agent, "/inbox").status(), 303);
}

#[test]
fn forms_without_this_sessions_csrf_token_are_refused() {
    let (env, server) = desk_with_agent();
    add_agent(&env, "second@desk.example", PASSWORD);
    let token = env.desk_token(SHOP);
    let tn = file_ticket(&server, &token, &ticket_json(SHOP, "1052"), &[]);
    let one = sign_in(&server, AGENT, PASSWORD);
    let two = sign_in(&server, "second@desk.example", PASSWORD);
    assert_ne!(one.csrf, two.csrf);
    let note = format!("/inbox/tickets/{tn}/note");

    let without = post(&server, &one, &note, &[("body", "no token")]);
    assert_eq!(without.status(), 403);
    assert!(without.text().unwrap().contains("CSRF token"));
    let others = post(
        &server,
        &one,
        &note,
        &[("csrf", &two.csrf), ("body", "their token")],
    );
    assert_eq!(others.status(), 403);
    let status = format!("/inbox/tickets/{tn}/status");
    let resolve = post(&server, &one, &status, &[("status", "resolved")]);
    assert_eq!(resolve.status(), 403);

    let own = post(
        &server,
        &one,
        &note,
        &[("csrf", &one.csrf), ("body", "own token")],
    );
    assert_eq!(own.status(), 303);
    let page = get(&server, &one, &format!("/inbox/tickets/{tn}"))
        .text()
        .unwrap();
    assert!(page.contains("own token"));
    assert!(!page.contains("their token") && !page.contains("no token"));

    // The sign-in form has its token too: a post from another site has neither it nor the cookie.
    let (_, csrf) = sign_in_form(&server);
    let forged = client()
        .post(server.at("/inbox/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", AGENT),
            ("password", PASSWORD),
        ])
        .send()
        .unwrap();
    assert_eq!(forged.status(), 403);
    assert!(set_cookie(&forged, "cs_session").is_none());
}

#[test]
fn a_store_token_does_not_open_the_inbox_nor_an_agent_cookie_the_api() {
    let (env, server) = desk_with_agent();
    let token = env.desk_token(SHOP);
    let tn = file_ticket(&server, &token, &ticket_json(SHOP, "1052"), &[]);
    for path in ["/inbox".to_string(), format!("/inbox/tickets/{tn}")] {
        let answer = client()
            .get(server.at(&path))
            .bearer_auth(&token)
            .send()
            .unwrap();
        assert_eq!(answer.status(), 403, "{path}");
        let text = answer.text().unwrap();
        assert!(text.contains("does not open the support inbox"), "{text}");
        assert!(!text.contains("#1052"), "{text}");
    }
    let agent = sign_in(&server, AGENT, PASSWORD);
    for path in ["/v1/tickets".to_string(), format!("/v1/tickets/{tn}")] {
        let answer = client()
            .get(server.at(&path))
            .header(header::COOKIE, agent.header())
            .send()
            .unwrap();
        assert_eq!(answer.status(), 401, "{path}");
    }
}

#[test]
fn attachments_are_served_from_the_desk_with_their_checked_type_nosniff_and_a_safe_name() {
    let (env, server) = desk_with_agent();
    let token = env.desk_token(SHOP);
    let tn = file_ticket(
        &server,
        &token,
        &ticket_json(SHOP, "1052"),
        &[
            ("<script>alert(1)</script>.png", PNG_BYTES),
            ("re\"port;.pdf", PDF_BYTES),
        ],
    );
    let agent = sign_in(&server, AGENT, PASSWORD);
    let page = get(&server, &agent, &format!("/inbox/tickets/{tn}"))
        .text()
        .unwrap();
    assert!(
        page.contains(&format!("<img src=\"/inbox/tickets/{tn}/attachments/0\"")),
        "{page}"
    );
    assert!(page.contains(&format!(
        "href=\"/inbox/tickets/{tn}/attachments/1\" download"
    )));

    let image = get(
        &server,
        &agent,
        &format!("/inbox/tickets/{tn}/attachments/0"),
    );
    assert_eq!(image.status(), 200);
    let headers = image.headers().clone();
    assert_eq!(headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        headers[header::CONTENT_DISPOSITION],
        "inline; filename=\"script_.png\""
    );
    assert!(
        headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("sandbox")
    );
    assert_eq!(image.bytes().unwrap().as_ref(), PNG_BYTES);

    let pdf = get(
        &server,
        &agent,
        &format!("/inbox/tickets/{tn}/attachments/1"),
    );
    assert_eq!(pdf.headers()[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(
        pdf.headers()[header::CONTENT_DISPOSITION],
        "attachment; filename=\"re_port_.pdf\""
    );
    assert_eq!(
        get(
            &server,
            &agent,
            &format!("/inbox/tickets/{tn}/attachments/2")
        )
        .status(),
        404
    );
    // Without a session, no attachment.
    let anonymous = client()
        .get(server.at(&format!("/inbox/tickets/{tn}/attachments/0")))
        .send()
        .unwrap();
    assert_eq!(anonymous.status(), 303);
}

#[test]
fn merchant_text_is_escaped_in_the_queue_and_the_ticket() {
    let (env, server) = desk_with_agent();
    let token = env.desk_token(SHOP);
    let mut body = ticket_json(SHOP, "1052");
    body["summary"] = "<script>alert(1)</script> OTP".into();
    body["details"] = "\"><img src=x onerror=alert(2)> \u{202e}gnp.exe".into();
    let tn = file_ticket(&server, &token, &body, &[("<b>shot</b>.png", PNG_BYTES)]);
    let agent = sign_in(&server, AGENT, PASSWORD);
    for path in ["/inbox".to_string(), format!("/inbox/tickets/{tn}")] {
        let page = get(&server, &agent, &path).text().unwrap();
        assert!(!page.contains("<script>alert"), "{path}: {page}");
        assert!(
            page.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
            "{path}"
        );
    }
    let page = get(&server, &agent, &format!("/inbox/tickets/{tn}"))
        .text()
        .unwrap();
    assert!(!page.contains("<img src=x"), "{page}");
    assert!(!page.contains("<b>shot"), "{page}");
    assert!(
        page.contains("&#34;&#62;&#60;img src=x onerror=alert(2)&#62;"),
        "{page}"
    );
    assert!(
        page.contains("\u{202e}gnp.exe"),
        "the text as the merchant wrote it"
    );
}

#[test]
fn a_reply_is_a_support_message_with_its_mail_and_a_note_stays_internal() {
    let (env, server) = desk_with_agent();
    let token = env.desk_token(SHOP);
    let tn = file_ticket(&server, &token, &ticket_json(SHOP, "1052"), &[]);
    let agent = sign_in(&server, AGENT, PASSWORD);
    let base = format!("/inbox/tickets/{tn}");

    let reply = post(
        &server,
        &agent,
        &format!("{base}/reply"),
        &[
            ("csrf", &agent.csrf),
            ("body", "Resent through the other provider."),
        ],
    );
    assert_eq!(reply.status(), 303);
    assert_eq!(
        reply.headers()[header::LOCATION],
        format!("{base}?done=reply").as_str()
    );
    let note = post(
        &server,
        &agent,
        &format!("{base}/note"),
        &[
            ("csrf", &agent.csrf),
            ("body", "INTERNAL: provider ticket 4711"),
        ],
    );
    assert_eq!(note.status(), 303);
    let empty = post(
        &server,
        &agent,
        &format!("{base}/reply"),
        &[("csrf", &agent.csrf), ("body", " ")],
    );
    assert_eq!(empty.status(), 400);
    assert!(empty.text().unwrap().contains("the message is empty"));

    let page = get(&server, &agent, &format!("{base}?done=note"))
        .text()
        .unwrap();
    assert!(page.contains("Resent through the other provider."));
    assert!(page.contains("INTERNAL: provider ticket 4711"));
    assert!(page.contains("internal note"));

    // The merchant's API shows the reply, never the note.
    let api = client()
        .get(server.at(&format!("/v1/tickets/{tn}")))
        .bearer_auth(&token)
        .send()
        .unwrap();
    let api = api.text().unwrap();
    assert!(api.contains("Resent through the other provider."), "{api}");
    assert!(api.contains("\"answered\""), "{api}");
    assert!(!api.contains("INTERNAL"), "{api}");
    // The reply is queued as mail, as `cartsaver-desk reply` queues it; the note is not.
    let queue = env
        .desk()
        .args(["--json", "mail", "queue"])
        .output()
        .unwrap();
    assert!(queue.status.success(), "{}", stderr_of(&queue));
    let queue = stdout_of(&queue);
    assert!(
        queue.contains("Re: [") || queue.contains("\"reply\""),
        "{queue}"
    );
    assert!(!queue.contains("INTERNAL"), "{queue}");
    let shown = env
        .desk()
        .args(["--json", "tickets", "show", &tn])
        .output()
        .unwrap();
    assert!(!stdout_of(&shown).contains("INTERNAL"));

    let resolved = post(
        &server,
        &agent,
        &format!("{base}/status"),
        &[("csrf", &agent.csrf), ("status", "resolved")],
    );
    assert_eq!(resolved.status(), 303);
    let api = client()
        .get(server.at(&format!("/v1/tickets/{tn}")))
        .bearer_auth(&token)
        .send()
        .unwrap();
    assert!(api.text().unwrap().contains("\"resolved\""));
    // Resolved tickets leave the default queue.
    let queue = get(&server, &agent, "/inbox").text().unwrap();
    assert!(!queue.contains(&tn), "{queue}");
    let all = get(&server, &agent, "/inbox?status=all").text().unwrap();
    assert!(all.contains(&tn));
}

#[test]
fn the_queue_searches_a_nationally_written_phone_and_filters_by_plan() {
    let (env, server) = desk_with_agent();
    let token = env.desk_token(SHOP);
    let mut other = ticket_json(SHOP, "2000");
    other["phone"] = "+966501234567".into();
    other["plan"] = "scale".into();
    let saudi = file_ticket(&server, &token, &other, &[]);
    let egypt = file_ticket(&server, &token, &ticket_json(SHOP, "1052"), &[]);
    let agent = sign_in(&server, AGENT, PASSWORD);

    let found = get(&server, &agent, "/inbox?q=0100+123+4567")
        .text()
        .unwrap();
    assert!(found.contains(&egypt) && !found.contains(&saudi), "{found}");
    let found = get(&server, &agent, "/inbox?q=050+123+4567&region=SA")
        .text()
        .unwrap();
    assert!(found.contains(&saudi) && !found.contains(&egypt), "{found}");
    let scale = get(&server, &agent, "/inbox?plan=scale").text().unwrap();
    assert!(scale.contains(&saudi) && !scale.contains(&egypt));
    let by_tn = get(
        &server,
        &agent,
        &format!("/inbox?q={}", egypt.to_lowercase().replace('-', "")),
    )
    .text()
    .unwrap();
    assert!(by_tn.contains(&egypt) && !by_tn.contains(&saudi));
    let typo = get(&server, &agent, "/inbox?q=CS-7KQ-2M4-X9D")
        .text()
        .unwrap();
    assert!(typo.contains("check character"), "{typo}");
    let dashboard = get(&server, &agent, "/inbox/dashboard").text().unwrap();
    assert!(
        dashboard.contains("whole desk") && dashboard.contains(SHOP),
        "{dashboard}"
    );
}

#[test]
fn repeated_failed_sign_ins_are_slowed_down() {
    let (_env, server) = desk_with_agent();
    for _ in 0..5 {
        assert_eq!(post_sign_in(&server, AGENT, "wrong guess").status(), 401);
    }
    let slowed = post_sign_in(&server, AGENT, PASSWORD);
    assert_eq!(slowed.status(), 429);
    assert!(slowed.headers().contains_key(header::RETRY_AFTER));
    assert!(set_cookie(&slowed, "cs_session").is_none());
    assert!(slowed.text().unwrap().contains("try again in"));
}

#[test]
fn agents_are_added_listed_and_removed_with_the_password_from_a_file() {
    let env = TestEnv::new();
    add_agent(&env, "Agent@Desk.example", PASSWORD);
    let short = env.write("short", "short\n");
    let refused = env
        .desk()
        .args(["agent", "add", "b@desk.example", "--password-file"])
        .arg(&short)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr_of(&refused).contains("at least 12"),
        "{}",
        stderr_of(&refused)
    );
    let no_terminal = env
        .desk()
        .args(["agent", "add", "c@desk.example"])
        .output()
        .unwrap();
    assert_eq!(no_terminal.status.code(), Some(2));
    assert!(stderr_of(&no_terminal).contains("--password-file"));

    let list = env.desk().args(["agent", "list"]).output().unwrap();
    assert!(
        stdout_of(&list).contains("agent@desk.example"),
        "{}",
        stdout_of(&list)
    );
    assert!(!String::from_utf8_lossy(&env.desk_contents()).contains(PASSWORD));
    let removed = env
        .desk()
        .args(["agent", "remove", AGENT])
        .output()
        .unwrap();
    assert!(removed.status.success(), "{}", stderr_of(&removed));
    let again = env
        .desk()
        .args(["agent", "remove", AGENT])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr_of(&again).contains("agent list"));
}

#[test]
fn a_ticket_filed_by_email_shows_so_with_what_it_lacks_and_its_emailed_messages() {
    let (env, server) = desk_with_agent();
    env.desk()
        .args(["store", "add", SHOP, "--email", "sara@cool-shop.com"])
        .assert()
        .success();
    let receive = |raw: String| {
        let output = env
            .desk()
            .args(["mail", "receive"])
            .write_stdin(raw.into_bytes())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        stderr_of(&output)
    };
    let said = receive(
        "From: sara@cool-shop.com\r\nSubject: OTP not arriving on WhatsApp\r\n\
         Message-ID: <first@cool-shop.com>\r\nContent-Type: text/plain\r\n\r\n\
         The customer at +20 100 123 4567 gets no WhatsApp code since 2026-11-20T14:03:00Z.\r\n"
            .to_string(),
    );
    let tn = said
        .trim()
        .strip_prefix("mail filed as ticket ")
        .unwrap_or_else(|| panic!("{said}"))
        .to_string();
    receive(format!(
        "From: sara@cool-shop.com\r\nSubject: Re: [{tn}] Cartsaver\r\n\
         Message-ID: <second@cool-shop.com>\r\nContent-Type: text/plain\r\n\r\n\
         Still nothing arrives.\r\n"
    ));
    let agent = sign_in(&server, AGENT, PASSWORD);
    let page = get(&server, &agent, &format!("/inbox/tickets/{tn}"))
        .text()
        .unwrap();
    assert!(page.contains("filed by email"), "{page}");
    assert!(page.contains("came by email"), "{page}");
    assert!(page.contains("Still nothing arrives."), "{page}");
    let missing = page
        .split("<dt>missing</dt>")
        .nth(1)
        .expect("a missing row");
    assert!(
        missing.contains("order") && missing.contains("plan"),
        "{missing}"
    );
}
