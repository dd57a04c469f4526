//! What an operator of a served desk relies on, over HTTP: one log line per request on stderr
//! (text or JSON, never a token, a body or a PIN), `X-Request-Id` taken or made and returned,
//! `GET /v1/ready` (and 503 when the database's schema is not this desk's), Prometheus metrics
//! on `--metrics-listen`, and SIGTERM draining to exit 0.

mod common;

use common::{TestEnv, ticket_json};
use reqwest::StatusCode;
use reqwest::blocking::Client;

const STORE: &str = "https://cool-shop.myshopify.com";

fn lines(log: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn every_request_is_logged_once_with_its_route_template_and_id_and_no_secret() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let log = env.path("desk.log");
    let server = env.serve_desk_logged(&["--log-format", "json"], &log);
    let client = Client::new();
    let mut body = ticket_json(STORE, "1052");
    body["pin"] = "Zq7Wx94k".into();
    let created = client
        .post(server.at("/v1/tickets"))
        .bearer_auth(&token)
        .header("X-Request-Id", "merchant-req-1")
        .json(&body)
        .send()
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(created.headers()["x-request-id"], "merchant-req-1");
    let tn = created.json::<serde_json::Value>().unwrap()["tracking_number"]
        .as_str()
        .unwrap()
        .to_string();
    let missing = client
        .get(server.at("/v1/tickets/CS-000-000-001"))
        .bearer_auth(&token)
        .send()
        .unwrap();
    let made = missing.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(made.len(), 32, "a generated id: {made}");
    let _ = server.terminate();

    let requests: Vec<serde_json::Value> = lines(&log)
        .iter()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|event| event["message"] == "request")
        .collect();
    assert_eq!(requests.len(), 2, "{:#?}", lines(&log));
    assert_eq!(requests[0]["method"], "POST");
    assert_eq!(requests[0]["route"], "/v1/tickets");
    assert_eq!(requests[0]["status"], 201);
    assert_eq!(requests[0]["request_id"], "merchant-req-1");
    assert!(requests[0]["duration_ms"].as_f64().is_some());
    assert_eq!(requests[1]["route"], "/v1/tickets/{tn}");
    assert_eq!(requests[1]["status"], 404);
    assert_eq!(requests[1]["request_id"], made.as_str());
    let all = lines(&log).join("\n");
    for secret in [
        token.as_str(),
        "Zq7Wx94k",
        "owner@cool-shop.com",
        tn.as_str(),
        "+2010",
    ] {
        assert!(!all.contains(secret), "{secret} in the log:\n{all}");
    }
}

#[test]
fn text_logs_are_one_line_per_request() {
    let env = TestEnv::new();
    let log = env.path("desk.log");
    let server = env.serve_desk_logged(&[], &log);
    for _ in 0..3 {
        Client::new().get(server.at("/v1/health")).send().unwrap();
    }
    let _ = server.terminate();
    let requests: Vec<String> = lines(&log)
        .into_iter()
        .filter(|line| line.contains("request") && line.contains("/v1/health"))
        .collect();
    assert_eq!(requests.len(), 3, "{requests:#?}");
    assert!(requests[0].contains("status=200"), "{}", requests[0]);
    assert!(requests[0].contains("method=GET"), "{}", requests[0]);
}

#[test]
fn ready_answers_200_and_503_once_a_newer_release_migrated_the_database() {
    let env = TestEnv::new();
    let server = env.serve_desk();
    let client = Client::new();
    let ready = client.get(server.at("/v1/ready")).send().unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    let body: serde_json::Value = ready.json().unwrap();
    assert_eq!(body["status"], "ready");
    let schema = body["schema"].as_u64().unwrap();
    // A newer release migrates the shared database while this instance runs.
    let conn = rusqlite::Connection::open(env.desk_db()).unwrap();
    conn.execute_batch(&format!("PRAGMA user_version = {}", schema + 1))
        .unwrap();
    let unready = client.get(server.at("/v1/ready")).send().unwrap();
    assert_eq!(unready.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(unready.headers()["retry-after"], "1");
    let text = unready.text().unwrap();
    assert!(
        text.contains("unavailable") && text.contains(&format!("schema version {}", schema + 1)),
        "{text}"
    );
    // Liveness is another question: the process is up.
    assert_eq!(
        client.get(server.at("/v1/health")).send().unwrap().status(),
        StatusCode::OK
    );
}

#[test]
fn metrics_count_requests_by_route_and_status_and_tickets_created() {
    let env = TestEnv::new();
    let token = env.desk_token(STORE);
    let mut server = env.serve_desk_flags(&["--metrics-listen", "127.0.0.1:0"]);
    let second = server.next_stdout_line();
    let metrics_url = second
        .strip_prefix("metrics on ")
        .unwrap_or_else(|| panic!("second stdout line: {second:?}"))
        .to_string();
    let client = Client::new();
    for order in ["1", "2"] {
        let status = client
            .post(server.at("/v1/tickets"))
            .bearer_auth(&token)
            .json(&ticket_json(STORE, order))
            .send()
            .unwrap()
            .status();
        assert_eq!(status, StatusCode::CREATED);
    }
    client.get(server.at("/v1/tickets")).send().unwrap();
    let scrape = client.get(&metrics_url).send().unwrap();
    assert_eq!(scrape.status(), StatusCode::OK);
    let text = scrape.text().unwrap();
    for expected in [
        r#"cartsaver_desk_http_requests_total{method="POST",route="/v1/tickets",status="201"} 2"#,
        r#"cartsaver_desk_http_requests_total{method="GET",route="/v1/tickets",status="401"} 1"#,
        r#"cartsaver_desk_tickets_created_total{outcome="created"} 2"#,
        "cartsaver_desk_http_request_duration_seconds_bucket",
        "cartsaver_desk_core_calls_in_flight",
        // Two acknowledgements queued; this desk has no --smtp.
        "cartsaver_desk_mail_queued 2",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    assert!(!text.contains(&token));
}
