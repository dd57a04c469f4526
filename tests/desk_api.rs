//! The desk API over real HTTP: a real `cartsaver-desk serve` on a loopback port, tokens from
//! `cartsaver-desk token create`, requests with reqwest. Also checks that `docs/openapi.yaml`
//! describes every served route and mirrors the wire types.

mod common;

use std::collections::BTreeSet;

use cartsaver::api::{
    Activity, AttachmentView, Author, ErrorBody, ErrorDetail, FieldProblem, Health, MessageView,
    NewMessage, Stats, Status, TicketPage, TicketSummary, TicketView,
};
use cartsaver::domain::ticket::TicketInput;
use cartsaver::domain::tracking::TrackingNumber;
use cartsaver::server::Endpoint;
use common::{DeskServer, NOW, PNG_BYTES, TestEnv, ticket_json};
use reqwest::StatusCode;
use reqwest::blocking::{Client, RequestBuilder, Response, multipart};
use serde_json::{Value, json};

const STORE: &str = "https://cool-shop.myshopify.com";
const OTHER_STORE: &str = "https://other-shop.myshopify.com";

/// A served desk with a token for [`STORE`].
struct Desk {
    env: TestEnv,
    server: DeskServer,
    client: Client,
    token: String,
}

impl Desk {
    fn start() -> Desk {
        let env = TestEnv::new();
        let token = env.desk_token(STORE);
        let server = env.serve_desk();
        Desk {
            env,
            server,
            client: Client::new(),
            token,
        }
    }

    fn get(&self, path: &str) -> RequestBuilder {
        self.client
            .get(self.server.at(path))
            .bearer_auth(&self.token)
    }

    fn post(&self, path: &str) -> RequestBuilder {
        self.client
            .post(self.server.at(path))
            .bearer_auth(&self.token)
    }

    fn create(&self, body: &Value) -> Response {
        self.post("/v1/tickets")
            .json(body)
            .send()
            .expect("send create")
    }

    fn ticket_count(&self) -> usize {
        let page: TicketPage = self.get("/v1/tickets").send().unwrap().json().unwrap();
        page.tickets.len()
    }
}

fn error_of(response: Response) -> ErrorDetail {
    let text = response.text().expect("error body");
    serde_json::from_str::<ErrorBody>(&text)
        .unwrap_or_else(|e| panic!("not an ErrorBody ({e}): {text}"))
        .error
}

#[test]
fn health_needs_no_token_and_tells_version_and_time() {
    let desk = Desk::start();
    let response = desk
        .client
        .get(desk.server.at("/v1/health"))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let health: Health = response.json().unwrap();
    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(health.time, "2026-11-20T14:30:00Z");
    assert_eq!(health.time, NOW);
}

#[test]
fn create_answers_201_and_a_replay_200_with_the_same_ticket() {
    let desk = Desk::start();
    let body = ticket_json("cool-shop.myshopify.com", "1052");
    let send = |body: &Value| {
        desk.post("/v1/tickets")
            .header("Idempotency-Key", "row-1")
            .json(body)
            .send()
            .unwrap()
    };

    let first = send(&body);
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("Idempotent-Replayed").is_none());
    let location = first.headers()["location"].to_str().unwrap().to_string();
    let created: TicketView = first.json().unwrap();
    assert_eq!(location, format!("/v1/tickets/{}", created.tracking_number));
    assert_eq!(created.status, Status::Open);
    assert_eq!(created.store, STORE);
    assert_eq!(created.order, "#1052");
    assert_eq!(
        created.subject,
        "Cartsaver — OTP not arriving via WhatsApp — Order #1052"
    );

    let replay = send(&body);
    assert_eq!(replay.status(), StatusCode::OK);
    assert_eq!(replay.headers()["Idempotent-Replayed"], "true");
    let replayed: TicketView = replay.json().unwrap();
    assert_eq!(replayed.tracking_number, created.tracking_number);

    let mut other = body.clone();
    other["order"] = json!("1053");
    let conflict = send(&other);
    assert_eq!(conflict.status(), StatusCode::CONFLICT);
    let error = error_of(conflict);
    assert_eq!(error.code, "idempotency_conflict");
    assert!(error.message.contains("row-1"), "{}", error.message);
    assert_eq!(desk.ticket_count(), 1);

    let fetched: TicketView = desk
        .get(&format!("/v1/tickets/{}", created.tracking_number))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(fetched, created);
}

#[test]
fn every_bad_field_is_listed_with_422() {
    let desk = Desk::start();
    let mut body = ticket_json("cool-shop.myshopify.com", "1052");
    body["phone"] = json!("+20 10");
    body["channel"] = json!("fax");
    body["email"] = json!("owner-at-cool-shop");
    let response = desk.create(&body);
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response);
    assert_eq!(error.code, "invalid");
    let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["phone", "channel", "email"], "{error:?}");
    let channel = &error.fields[1];
    assert_eq!(channel.input.as_deref(), Some("fax"));
    assert!(!channel.message.is_empty() && !channel.code.is_empty());
    assert_eq!(desk.ticket_count(), 0);
}

#[test]
fn malformed_bodies_are_400_saying_what_is_wrong() {
    let desk = Desk::start();
    let response = desk
        .post("/v1/tickets")
        .header("content-type", "application/json")
        .body("{\"store\": ")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = error_of(response);
    assert_eq!(error.code, "bad_request");
    assert!(error.message.contains("EOF"), "{}", error.message);

    let mut body = ticket_json("cool-shop.myshopify.com", "1052");
    body["screenshots"] = json!([]);
    let error = error_of(desk.create(&body));
    assert!(error.message.contains("`screenshots`"), "{}", error.message);
    assert!(
        error.message.contains("`allow_access`"),
        "{}",
        error.message
    );

    let response = desk.post("/v1/tickets?force=1").json(&body).send().unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(error_of(response).message.contains("`force_new`"));

    let response = desk.get("/v1/tickets?status=closed").send().unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        error_of(response)
            .message
            .contains("open, answered, resolved")
    );
}

#[test]
fn a_document_that_is_not_a_json_object_is_400_saying_so() {
    let desk = Desk::start();
    let expect_object = |response: Response| {
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let error = error_of(response);
        assert_eq!(error.code, "bad_request");
        assert!(
            error.message.contains("must be a JSON object") && error.message.contains("array"),
            "{}",
            error.message
        );
    };
    expect_object(desk.create(&json!([])));
    let form = multipart::Form::new().part("ticket", multipart::Part::text("[]"));
    expect_object(desk.post("/v1/tickets").multipart(form).send().unwrap());

    let created: TicketView = desk
        .create(&ticket_json("cool-shop.myshopify.com", "1052"))
        .json()
        .unwrap();
    let messages = format!("/v1/tickets/{}/messages", created.tracking_number);
    expect_object(desk.post(&messages).json(&json!(["hello"])).send().unwrap());
    let form = multipart::Form::new().part("message", multipart::Part::text("[]"));
    expect_object(desk.post(&messages).multipart(form).send().unwrap());
    assert_eq!(desk.ticket_count(), 1);
}

#[test]
fn list_pages_follow_next_cursor_to_every_ticket_once() {
    let desk = Desk::start();
    let mut filed: Vec<TrackingNumber> = ["1052", "1053", "1054"]
        .into_iter()
        .map(|order| {
            let ticket: TicketView = desk
                .create(&ticket_json("cool-shop.myshopify.com", order))
                .json()
                .unwrap();
            ticket.tracking_number
        })
        .collect();

    let first: TicketPage = desk
        .get("/v1/tickets?limit=2")
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(first.tickets.len(), 2);
    let cursor = first.next_cursor.clone().expect("a next page");
    let second: TicketPage = desk
        .get("/v1/tickets")
        .query(&[("limit", "2"), ("cursor", cursor.as_str())])
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(second.tickets.len(), 1);
    assert_eq!(second.next_cursor, None);

    let mut seen: Vec<TrackingNumber> = first
        .tickets
        .iter()
        .chain(&second.tickets)
        .map(|t| t.tracking_number)
        .collect();
    seen.sort_by_key(|tn| tn.to_string());
    filed.sort_by_key(|tn| tn.to_string());
    assert_eq!(seen, filed);
}

#[test]
fn stats_pages_its_overdue_tickets_and_refuses_a_bad_overdue_limit() {
    let desk = Desk::start();
    let filed: Vec<TrackingNumber> = ["1052", "1053", "1054"]
        .into_iter()
        .map(|order| {
            let ticket: TicketView = desk
                .create(&ticket_json("cool-shop.myshopify.com", order))
                .json()
                .unwrap();
            ticket.tracking_number
        })
        .collect();
    // A week later every one of them is overdue.
    let later = desk.env.serve_desk_with(|desk| {
        desk.env("CARTSAVER_NOW", "2026-12-30T12:00:00Z");
    });
    let stats_of = |query: &[(&str, &str)]| -> Stats {
        let response = desk
            .client
            .get(later.at("/v1/stats"))
            .query(query)
            .bearer_auth(&desk.token)
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().unwrap()
    };
    let first = stats_of(&[("overdue_limit", "2")]);
    assert_eq!(first.open, 3);
    assert_eq!(first.overdue.len(), 2);
    let cursor = first.overdue_next_cursor.clone().expect("more overdue");
    let second = stats_of(&[("overdue_limit", "2"), ("overdue_cursor", cursor.as_str())]);
    assert_eq!(second.overdue_next_cursor, None);
    let seen: Vec<TrackingNumber> = first
        .overdue
        .iter()
        .chain(&second.overdue)
        .map(|t| t.tracking_number)
        .collect();
    assert_eq!(seen, filed, "most overdue (filed first, due first) first");
    assert_eq!(stats_of(&[]).overdue.len(), 3);

    for (name, value, says) in [
        ("overdue_limit", "0", "1 to 500"),
        ("overdue_limit", "many", "1 to 500"),
        ("overdue_cursor", "nope", "overdue_next_cursor"),
        ("limit", "5", "overdue_limit"),
    ] {
        let response = desk
            .client
            .get(later.at("/v1/stats"))
            .query(&[(name, value)])
            .bearer_auth(&desk.token)
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{name}={value}");
        let message = error_of(response).message;
        assert!(message.contains(says), "{name}={value}: {message}");
    }
}

#[test]
fn list_refuses_an_invalid_order_filter_with_422_and_a_bad_limit_with_400() {
    let desk = Desk::start();
    let response = desk
        .get("/v1/tickets")
        .query(&[("order", "10 52!")])
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response);
    assert_eq!(error.code, "invalid");
    assert_eq!(error.fields[0].field, "order");
    assert_eq!(error.fields[0].input.as_deref(), Some("10 52!"));

    for limit in ["ten", "0", "501"] {
        let response = desk
            .get(&format!("/v1/tickets?limit={limit}"))
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "limit={limit}");
        let message = error_of(response).message;
        assert!(message.contains("1 to 500"), "limit={limit}: {message}");
    }
}

#[test]
fn a_missing_or_unknown_token_is_401() {
    let desk = Desk::start();
    let body = ticket_json("cool-shop.myshopify.com", "1052");
    let anonymous = desk
        .client
        .post(desk.server.at("/v1/tickets"))
        .json(&body)
        .send()
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.headers()["www-authenticate"], "Bearer");
    assert!(error_of(anonymous).message.contains("Authorization"));

    let wrong = desk
        .client
        .get(desk.server.at("/v1/tickets"))
        .bearer_auth("not-a-token")
        .send()
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(wrong).code, "unauthorized");

    let stats = desk.client.get(desk.server.at("/v1/stats")).send().unwrap();
    assert_eq!(stats.status(), StatusCode::UNAUTHORIZED);

    // Authentication comes first: a bad query or header of an anonymous create is not looked at.
    let anonymous = desk
        .client
        .post(desk.server.at("/v1/tickets?force_new=maybe"))
        .header("Idempotency-Key", "caf\u{e9}")
        .json(&body)
        .send()
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(anonymous).code, "unauthorized");
}

#[test]
fn another_stores_ticket_is_404_like_a_missing_one() {
    let desk = Desk::start();
    let created: TicketView = desk
        .create(&ticket_json("cool-shop.myshopify.com", "1052"))
        .json()
        .unwrap();
    let other_token = desk.env.desk_token(OTHER_STORE);
    let path = format!("/v1/tickets/{}", created.tracking_number);

    let theirs = desk
        .client
        .get(desk.server.at(&path))
        .bearer_auth(&other_token)
        .send()
        .unwrap();
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(theirs).code, "not_found");
    let reply = desk
        .client
        .post(desk.server.at(&format!("{path}/messages")))
        .bearer_auth(&other_token)
        .json(&json!({"body": "hello"}))
        .send()
        .unwrap();
    assert_eq!(reply.status(), StatusCode::NOT_FOUND);

    let unknown = desk
        .get(&format!("/v1/tickets/{}", TrackingNumber::generate()))
        .send()
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // A wrong check symbol names no ticket either, and says why.
    let mut typo = created.tracking_number.to_string();
    let last = typo.pop().unwrap();
    typo.push(if last == '0' { '1' } else { '0' });
    let mistyped = desk.get(&format!("/v1/tickets/{typo}")).send().unwrap();
    assert_eq!(mistyped.status(), StatusCode::NOT_FOUND);
    assert!(error_of(mistyped).message.contains("typo"));
}

#[test]
fn an_oversized_attachment_is_413_and_files_nothing() {
    let desk = Desk::start();
    let mut big = PNG_BYTES.to_vec();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let form = multipart::Form::new()
        .part(
            "ticket",
            multipart::Part::text(ticket_json("cool-shop.myshopify.com", "1052").to_string())
                .mime_str("application/json")
                .unwrap(),
        )
        .part(
            "attachment",
            multipart::Part::bytes(big).file_name("huge.png"),
        );
    let response = desk.post("/v1/tickets").multipart(form).send().unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let error = error_of(response);
    assert_eq!(error.code, "too_large");
    assert_eq!(error.fields[0].field, "screenshot");
    assert_eq!(error.fields[0].input.as_deref(), Some("huge.png"));
    assert_eq!(desk.ticket_count(), 0);
}

#[test]
fn a_non_image_attachment_is_422_and_files_nothing() {
    let desk = Desk::start();
    let form = multipart::Form::new()
        .part(
            "ticket",
            multipart::Part::text(ticket_json("cool-shop.myshopify.com", "1052").to_string()),
        )
        .part(
            "attachment",
            multipart::Part::bytes(b"#!/bin/sh\necho hi\n".to_vec()).file_name("shot.png"),
        );
    let response = desk.post("/v1/tickets").multipart(form).send().unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response);
    assert_eq!(error.fields[0].field, "screenshot");
    assert_eq!(desk.ticket_count(), 0);
}

#[test]
fn attachments_travel_as_multipart_parts_with_their_names() {
    let desk = Desk::start();
    let form = multipart::Form::new()
        .part(
            "ticket",
            multipart::Part::text(ticket_json("cool-shop.myshopify.com", "1052").to_string()),
        )
        .part(
            "attachment",
            multipart::Part::bytes(PNG_BYTES.to_vec()).file_name("otp-error.png"),
        );
    let response = desk.post("/v1/tickets").multipart(form).send().unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let ticket: TicketView = response.json().unwrap();
    assert_eq!(ticket.attachments.len(), 1);
    assert_eq!(ticket.attachments[0].name, "otp-error.png");
    assert_eq!(ticket.attachments[0].kind, "png");
    assert_eq!(ticket.attachments[0].size, PNG_BYTES.len() as u64);
}

#[test]
fn a_second_open_ticket_for_an_order_is_409_unless_forced() {
    let desk = Desk::start();
    let body = ticket_json("cool-shop.myshopify.com", "1052");
    let first: TicketView = desk.create(&body).json().unwrap();
    let again = desk.create(&body);
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let error = error_of(again);
    assert_eq!(error.code, "duplicate");
    assert_eq!(error.tracking_number, Some(first.tracking_number));

    let forced = desk
        .post("/v1/tickets?force_new=true")
        .json(&body)
        .send()
        .unwrap();
    assert_eq!(forced.status(), StatusCode::CREATED);
    assert_eq!(desk.ticket_count(), 2);
}

#[test]
fn merchant_messages_reopen_and_resolve_closes() {
    let desk = Desk::start();
    let created: TicketView = desk
        .create(&ticket_json("cool-shop.myshopify.com", "1052"))
        .json()
        .unwrap();
    let path = format!("/v1/tickets/{}", created.tracking_number);

    let resolved: TicketView = desk
        .post(&format!("{path}/resolve"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(resolved.status, Status::Resolved);

    let response = desk
        .post(&format!("{path}/messages"))
        .json(&NewMessage {
            body: "It happened again".into(),
        })
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let reopened: TicketView = response.json().unwrap();
    assert_eq!(reopened.status, Status::Open);
    let last = reopened.messages.last().unwrap();
    assert_eq!(last.from, Author::Merchant);
    assert_eq!(last.body, "It happened again");

    let stats: Stats = desk.get("/v1/stats").send().unwrap().json().unwrap();
    assert_eq!((stats.open, stats.answered, stats.resolved), (1, 0, 0));

    let page: TicketPage = desk
        .get("/v1/tickets?status=resolved")
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert!(page.tickets.is_empty());
}

#[test]
fn unknown_paths_and_methods_answer_with_the_error_shape() {
    let desk = Desk::start();
    let response = desk.get("/v1/nothing").send().unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(error_of(response).message.contains("/v1/nothing"));
    let response = desk
        .client
        .delete(desk.server.at("/v1/tickets"))
        .bearer_auth(&desk.token)
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let allow = response.headers()["allow"].to_str().unwrap().to_string();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");
    assert_eq!(error_of(response).code, "method_not_allowed");
}

// --- docs/openapi.yaml -------------------------------------------------------------------------

/// Every mapping key of a YAML document as its path from the root (`["paths", "/v1/health",
/// "get"]`). Enough YAML for our OpenAPI file: block mappings, block scalars (`|`) skipped, list
/// items and flow sequences not descended into.
fn yaml_key_paths(text: &str) -> BTreeSet<Vec<String>> {
    let mut paths = BTreeSet::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut block_scalar_at: Option<usize> = None;
    let mut in_list_at: Option<usize> = None;
    for line in text.lines() {
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        if let Some(at) = block_scalar_at {
            if indent > at {
                continue;
            }
            block_scalar_at = None;
        }
        if let Some(at) = in_list_at {
            if indent > at || (indent == at && content.starts_with("- ")) {
                continue;
            }
            in_list_at = None;
        }
        if content.starts_with("- ") {
            in_list_at = Some(indent);
            continue;
        }
        let Some((key, rest)) = split_key(content) else {
            continue;
        };
        while stack.last().is_some_and(|(at, _)| *at >= indent) {
            stack.pop();
        }
        stack.push((indent, key));
        paths.insert(stack.iter().map(|(_, k)| k.clone()).collect());
        let rest = rest.trim();
        if rest.starts_with('|') || rest.starts_with('>') {
            block_scalar_at = Some(indent);
        }
    }
    paths
}

fn split_key(content: &str) -> Option<(String, &str)> {
    if let Some(quoted) = content.strip_prefix('"') {
        let end = quoted.find('"')?;
        let rest = quoted[end + 1..].strip_prefix(':')?;
        return Some((quoted[..end].to_string(), rest));
    }
    let colon = content
        .char_indices()
        .find(|&(i, c)| c == ':' && content[i + 1..].chars().next().is_none_or(|n| n == ' '))?
        .0;
    Some((content[..colon].to_string(), &content[colon + 1..]))
}

fn openapi() -> BTreeSet<Vec<String>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/openapi.yaml"))
        .expect("docs/openapi.yaml");
    yaml_key_paths(&text)
}

fn children<'a>(keys: &'a BTreeSet<Vec<String>>, parent: &[&str]) -> BTreeSet<&'a str> {
    keys.iter()
        .filter(|path| {
            path.len() == parent.len() + 1 && path.iter().zip(parent).all(|(a, b)| a == b)
        })
        .map(|path| path[parent.len()].as_str())
        .collect()
}

#[test]
fn openapi_describes_exactly_the_served_routes() {
    let keys = openapi();
    let served: BTreeSet<(String, String)> = Endpoint::ALL
        .iter()
        .map(|e| (e.path().to_string(), e.method().to_ascii_lowercase()))
        .collect();
    let methods = ["get", "post", "put", "patch", "delete", "head", "options"];
    let documented: BTreeSet<(String, String)> = children(&keys, &["paths"])
        .into_iter()
        .flat_map(|path| {
            children(&keys, &["paths", path])
                .into_iter()
                .filter(|m| methods.contains(m))
                .map(move |m| (path.to_string(), m.to_string()))
        })
        .collect();
    assert_eq!(documented, served);
    for endpoint in Endpoint::ALL {
        let security = children(
            &keys,
            &[
                "paths",
                endpoint.path(),
                &endpoint.method().to_ascii_lowercase(),
            ],
        )
        .contains("security");
        assert_eq!(
            security,
            !endpoint.needs_token(),
            "{endpoint:?}: `security: []` iff no token"
        );
    }
}

fn object_keys(value: &impl serde::Serialize) -> BTreeSet<String> {
    match serde_json::to_value(value).unwrap() {
        Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    }
}

#[test]
fn openapi_schemas_mirror_the_wire_types() {
    let keys = openapi();
    let tn = TrackingNumber::generate();
    let at = "2026-11-20T14:03:00Z".to_string();
    let summary = TicketSummary {
        tracking_number: tn,
        status: Status::Open,
        subject: "s".into(),
        store: STORE.into(),
        order: "#1".into(),
        created_at: at.clone(),
        updated_at: at.clone(),
        first_response_due: at.clone(),
        overdue: false,
    };
    let view = TicketView {
        tracking_number: tn,
        status: Status::Open,
        subject: "s".into(),
        store: STORE.into(),
        order: "#1".into(),
        phone: "+201001234567".into(),
        channel: "sms".into(),
        at: at.clone(),
        tried: vec![],
        summary: "s".into(),
        details: None,
        email: "a@b.co".into(),
        plan: "free".into(),
        urgent: false,
        outage: false,
        pin: None,
        allow_access: false,
        created_at: at.clone(),
        updated_at: at.clone(),
        first_response_due: at.clone(),
        overdue: false,
        via: cartsaver::api::Via::Email,
        missing: vec!["order".into()],
        messages: vec![],
        attachments: vec![],
    };
    let full_input = TicketInput {
        store: Some("x".into()),
        order: Some("x".into()),
        phone: Some("x".into()),
        region: Some("x".into()),
        channel: Some("x".into()),
        at: Some("x".into()),
        tried: vec!["x".into()],
        summary: Some("x".into()),
        details: Some("x".into()),
        email: Some("x".into()),
        plan: Some("x".into()),
        urgent: true,
        outage: true,
        pin: Some("x".into()),
        allow_access: true,
    };
    let problem = FieldProblem {
        field: "phone".into(),
        code: "c".into(),
        message: "m".into(),
        input: Some("i".into()),
    };
    let detail = ErrorDetail {
        code: cartsaver::api::ErrorCode::Duplicate,
        message: "m".into(),
        fields: vec![problem.clone()],
        tracking_number: Some(tn),
    };
    let samples: Vec<(&str, BTreeSet<String>)> = vec![
        ("TicketInput", object_keys(&full_input)),
        ("TicketView", object_keys(&view)),
        (
            "MessageView",
            object_keys(&MessageView {
                from: Author::Support,
                body: "b".into(),
                at: at.clone(),
                via: cartsaver::api::Via::Desk,
            }),
        ),
        (
            "AttachmentView",
            object_keys(&AttachmentView {
                name: "n".into(),
                kind: "image/png".into(),
                size: 1,
            }),
        ),
        ("TicketSummary", object_keys(&summary)),
        (
            "TicketPage",
            object_keys(&TicketPage {
                tickets: vec![],
                next_cursor: None,
            }),
        ),
        ("NewMessage", object_keys(&NewMessage { body: "b".into() })),
        (
            "Stats",
            object_keys(&Stats {
                open: 0,
                answered: 0,
                resolved: 0,
                median_first_response_seconds: None,
                overdue: vec![],
                overdue_next_cursor: None,
                recent: vec![],
            }),
        ),
        (
            "Activity",
            object_keys(&Activity {
                tracking_number: tn,
                from: Author::Merchant,
                at: at.clone(),
                subject: "s".into(),
            }),
        ),
        (
            "Health",
            object_keys(&Health {
                status: "ok".into(),
                version: "v".into(),
                time: at.clone(),
            }),
        ),
        (
            "Ready",
            object_keys(&cartsaver::api::Ready {
                status: "ready".into(),
                schema: 3,
            }),
        ),
        (
            "ErrorBody",
            object_keys(&ErrorBody {
                error: detail.clone(),
            }),
        ),
        ("ErrorDetail", object_keys(&detail)),
        ("FieldProblem", object_keys(&problem)),
    ];
    for (schema, wire) in samples {
        let documented: BTreeSet<String> =
            children(&keys, &["components", "schemas", schema, "properties"])
                .into_iter()
                .map(str::to_string)
                .collect();
        assert_eq!(documented, wire, "schema {schema} vs its Rust type");
    }
}

#[test]
fn every_route_that_needs_a_token_refuses_a_request_without_one() {
    let desk = Desk::start();
    let tn = TrackingNumber::generate().to_string();
    for endpoint in Endpoint::ALL {
        let url = desk.server.at(&endpoint.path().replace("{tn}", &tn));
        let request = match endpoint.method() {
            "POST" => desk.client.post(&url).json(&json!({})),
            "DELETE" => desk.client.delete(&url),
            _ => desk.client.get(&url),
        };
        let status = request.send().unwrap().status();
        if endpoint.needs_token() {
            assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "{} {}",
                endpoint.method(),
                endpoint.path()
            );
        } else if endpoint.method() == "GET" {
            assert_eq!(
                status,
                StatusCode::OK,
                "{} {}",
                endpoint.method(),
                endpoint.path()
            );
        } else {
            // An anonymous POST (a login) reads its body: an empty one is a 400, never a 401.
            assert_eq!(
                status,
                StatusCode::BAD_REQUEST,
                "{} {}",
                endpoint.method(),
                endpoint.path()
            );
        }
    }
}
