//! Read benchmark of the desk API: a real `cartsaver-desk serve` on a loopback port over a desk
//! filled with N tickets, and p50/p99 of `GET /v1/stats`, the ticket list (first page, and with
//! `order=`), a ticket's `GET` and a create, one request at a time, for each N.
//!
//! `cargo bench --bench desk_reads`. Environment: `DESK_READS_SIZES` (tickets in the desk,
//! comma-separated; default `10000,100000`; add `1000000` for a million), `DESK_READS_REQUESTS`
//! (requests per route, default 300), `DESK_READS_SECONDS` (time bound per route, default 15),
//! `DESK_READS_BIN` (the `cartsaver-desk` to serve, default this build's: point it at an older
//! build to compare), `DESK_READS_BACKEND` (`sqlite`, the default, or `postgres`: the filled
//! SQLite desk is then moved with `cartsaver-desk copy` into a database made for the run on the
//! server `DESK_READS_POSTGRES` names, else `pg_virtualenv`'s, and served from there). Traffic
//! goes to 127.0.0.1 only.
//!
//! The desk is filled with plain SQL in one transaction (not over HTTP, which would take hours at
//! 10⁶): a quarter of the tickets belong to the measured store, the rest to 49 others; 60% are
//! resolved, 20% answered, 20% open, spread over 90 days, so about a fifth of the desk is
//! overdue; answered and resolved tickets have one support message. The SQL writes only the
//! columns every schema since release 3 has; counters and columns a newer schema derives are
//! then computed the way that schema's migration does.

mod served;

use served::Server;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use rusqlite::{Connection, params};

use cartsaver::domain::tracking::TrackingNumber;

const STORE: &str = "https://bench-shop.myshopify.com";
const OTHER_STORES: usize = 49;
const WARMUP: usize = 5;

fn env_number(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(text) => text.trim().parse().unwrap_or_else(|_| {
            eprintln!("{name} `{text}` is not a whole number; using {default}");
            default
        }),
        Err(_) => default,
    }
}

fn sizes() -> Vec<usize> {
    let text = std::env::var("DESK_READS_SIZES").unwrap_or_else(|_| "10000,100000".into());
    text.split(',')
        .map(|size| {
            size.trim().parse().unwrap_or_else(|_| {
                panic!("DESK_READS_SIZES `{text}`: `{size}` is not a whole number of tickets")
            })
        })
        .collect()
}

fn binary() -> String {
    served::binary("DESK_READS_BIN")
}

fn start(db: &std::path::Path) -> Server {
    served::start(&binary(), &served::Db::File(db.to_path_buf()))
}

fn token(db: &std::path::Path) -> String {
    served::token(&binary(), &served::Db::File(db.to_path_buf()), STORE)
}

/// With `DESK_READS_BACKEND=postgres`: the filled desk copied into a new PostgreSQL database.
fn postgres(db: &Path, dir: &Path) -> Option<served::Db> {
    if std::env::var("DESK_READS_BACKEND").ok().as_deref() != Some("postgres") {
        return None;
    }
    let admin = served::postgres_admin("DESK_READS_POSTGRES").unwrap_or_else(|| {
        panic!(
            "DESK_READS_BACKEND=postgres needs DESK_READS_POSTGRES=postgres://… or pg_virtualenv"
        )
    });
    let target = served::Db::postgres(&admin, &format!("desk_reads_{}", std::process::id()), dir);
    let served::Db::Postgres { url, key, .. } = &target else {
        unreachable!("a PostgreSQL target")
    };
    let started = Instant::now();
    let copied = std::process::Command::new(binary())
        .args(["copy", "--from"])
        .arg(db)
        .args(["--to", url, "--to-key-file"])
        .arg(key)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run cartsaver-desk copy");
    assert!(copied.success(), "cartsaver-desk copy failed");
    // What autovacuum would do soon after a load: the planner's statistics.
    served::psql(url, "ANALYZE");
    eprintln!(
        "copied to PostgreSQL in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Some(target)
}

fn utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn has_column(conn: &Connection, table: &str, column: &str) -> bool {
    conn.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")
        .and_then(|mut stmt| stmt.exists(params![table, column]))
        .unwrap_or(false)
}

/// One route's request, by the request's number.
type Request<'a> = Box<dyn FnMut(usize) -> reqwest::blocking::RequestBuilder + 'a>;

/// What the fill left to ask for: some of the measured store's tickets and orders.
struct Filled {
    tickets: Vec<String>,
    orders: Vec<String>,
}

/// `n` tickets, with plain SQL in one transaction (see the header).
fn fill(db: &Path, n: usize, now: DateTime<Utc>) -> Filled {
    let mut conn = Connection::open(db).expect("open the desk database");
    let tx = conn.transaction().expect("begin");
    let store_id: i64 = tx
        .query_row("SELECT id FROM stores WHERE url = ?1", [STORE], |r| {
            r.get(0)
        })
        .expect("the measured store");
    let mut stores = vec![store_id];
    for k in 0..OTHER_STORES {
        tx.execute(
            "INSERT INTO stores (url, created_at) VALUES (?1, ?2)",
            params![format!("https://shop-{k}.myshopify.com"), utc(now)],
        )
        .expect("insert a store");
        stores.push(tx.last_insert_rowid());
    }
    let span = TimeDelta::days(90).num_seconds();
    {
        let mut ticket = tx
            .prepare(
                "INSERT INTO tickets (tracking_number, store_id, order_number, phone, channel, at,
                     tried, summary, email, plan, urgent, outage, allow_access, subject, status,
                     created_at, updated_at, first_response_due, first_response_at)
                 VALUES (?1, ?2, ?3, '+201001234567', 'whatsapp', ?4, '[\"resent the OTP\"]',
                     'OTP not arriving via WhatsApp', 'owner@bench-shop.com', 'advanced', 0, 0,
                     0, ?5, ?6, ?4, ?7, ?8, ?9)
                 ON CONFLICT (tracking_number) DO NOTHING",
            )
            .expect("prepare the ticket insert");
        let mut message = tx
            .prepare(
                "INSERT INTO messages (ticket_id, author, body, at)
                 VALUES (?1, 'support', 'We are on it.', ?2)",
            )
            .expect("prepare the message insert");
        for i in 0..n {
            let store = if i % 4 == 0 {
                store_id
            } else {
                stores[1 + i % OTHER_STORES]
            };
            let created = now - TimeDelta::seconds(span - (i as i64 * span) / n as i64);
            let (status, answered) = match i % 10 {
                0..=5 => ("resolved", true),
                6 | 7 => ("answered", true),
                _ => ("open", false),
            };
            let first_response =
                answered.then(|| utc(created + TimeDelta::seconds(60 + (i % 7_200) as i64)));
            let order = format!("#F{i}");
            let inserted = ticket
                .execute(params![
                    TrackingNumber::generate().to_string(),
                    store,
                    order,
                    utc(created),
                    format!("Cartsaver — OTP not arriving via WhatsApp — Order {order}"),
                    status,
                    first_response.clone().unwrap_or_else(|| utc(created)),
                    utc(created + TimeDelta::hours(24)),
                    first_response,
                ])
                .expect("insert a ticket");
            if inserted == 1
                && let Some(at) = &first_response
            {
                message
                    .execute(params![tx.last_insert_rowid(), at])
                    .expect("insert a message");
            }
        }
    }
    // What a newer schema derives from these rows, as its migration does.
    if has_column(&tx, "messages", "store_id") {
        tx.execute_batch(
            "UPDATE messages SET store_id =
                 (SELECT t.store_id FROM tickets t WHERE t.id = messages.ticket_id)",
        )
        .expect("file messages by store");
    }
    if has_column(&tx, "ticket_counts", "tickets") {
        tx.execute_batch(cartsaver::desk::RECOUNT_SQL)
            .expect("count the tickets");
    }
    let sample = |sql: &str| -> Vec<String> {
        let mut stmt = tx.prepare(sql).expect("prepare a sample");
        stmt.query_map([store_id], |r| r.get(0))
            .expect("sample")
            .collect::<Result<_, _>>()
            .expect("sample rows")
    };
    let filled = Filled {
        tickets: sample(
            "SELECT tracking_number FROM tickets WHERE store_id = ?1 ORDER BY random() LIMIT 200",
        ),
        orders: sample(
            "SELECT order_number FROM tickets WHERE store_id = ?1 ORDER BY random() LIMIT 200",
        ),
    };
    tx.commit().expect("commit the fill");
    filled
}

fn create_body(i: usize, at: &str) -> String {
    serde_json::json!({
        "store": STORE,
        "order": format!("#C{i}"),
        "phone": "+201001234567",
        "channel": "whatsapp",
        "at": at,
        "tried": ["resent the OTP"],
        "email": "owner@bench-shop.com",
        "plan": "advanced",
    })
    .to_string()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `requests` calls of `send` (after a warm-up), within `bound`; the sorted latencies.
fn measure(
    requests: usize,
    bound: Duration,
    mut send: impl FnMut(usize) -> reqwest::blocking::RequestBuilder,
) -> Vec<Duration> {
    for i in 0..WARMUP {
        let response = send(i).send().expect("warm-up request");
        assert!(
            response.status().is_success(),
            "warm-up answered {}",
            response.status()
        );
    }
    let deadline = Instant::now() + bound;
    let mut latencies = Vec::with_capacity(requests);
    for i in WARMUP..WARMUP + requests {
        if Instant::now() >= deadline {
            break;
        }
        let started = Instant::now();
        let response = send(i).send().expect("request");
        let status = response.status();
        let _ = response.bytes();
        assert!(status.is_success(), "answered {status}");
        latencies.push(started.elapsed());
    }
    latencies.sort();
    latencies
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument that doesn't match skips the run.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if !args.is_empty() && !args.iter().any(|a| "desk_reads".contains(a.as_str())) {
        return;
    }
    let requests = env_number("DESK_READS_REQUESTS", 300);
    let bound = Duration::from_secs(env_number("DESK_READS_SECONDS", 15) as u64);
    let backend = std::env::var("DESK_READS_BACKEND").unwrap_or_else(|_| "sqlite".into());
    println!("desk_reads: {}, {backend}, one request at a time", binary());
    println!(
        "{:>9}  {:<26} {:>5} {:>10} {:>10} {:>10}",
        "tickets", "route", "n", "p50 ms", "p99 ms", "max ms"
    );
    for n in sizes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("desk.sqlite3");
        let token = token(&db);
        let now = Utc::now();
        let started = Instant::now();
        let filled = fill(&db, n, now);
        eprintln!(
            "filled {n} tickets in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let postgres = postgres(&db, dir.path());
        let server = match &postgres {
            Some(target) => served::start(&binary(), target),
            None => start(&db),
        };
        let client = reqwest::blocking::Client::builder()
            .tcp_nodelay(true)
            .timeout(Duration::from_secs(60))
            .build()
            .expect("reqwest client");
        let at = utc(now - TimeDelta::hours(1));
        let get = |path: String| {
            client
                .get(format!("{}{path}", server.url))
                .bearer_auth(&token)
        };
        let routes: [(&str, Request<'_>); 5] = [
            ("GET /v1/stats", Box::new(|_| get("/v1/stats".into()))),
            ("GET /v1/tickets", Box::new(|_| get("/v1/tickets".into()))),
            (
                "GET /v1/tickets?order=",
                Box::new(|i| {
                    let order = &filled.orders[i % filled.orders.len()];
                    get(format!(
                        "/v1/tickets?order={}",
                        order.trim_start_matches('#')
                    ))
                }),
            ),
            (
                "GET /v1/tickets/{tn}",
                Box::new(|i| {
                    get(format!(
                        "/v1/tickets/{}",
                        filled.tickets[i % filled.tickets.len()]
                    ))
                }),
            ),
            (
                "POST /v1/tickets",
                Box::new(|i| {
                    client
                        .post(format!("{}/v1/tickets", server.url))
                        .bearer_auth(&token)
                        .header("content-type", "application/json")
                        .body(create_body(i, &at))
                }),
            ),
        ];
        for (route, send) in routes {
            let latencies = measure(requests, bound, send);
            println!(
                "{n:>9}  {route:<26} {:>5} {:>10.2} {:>10.2} {:>10.2}",
                latencies.len(),
                ms(percentile(&latencies, 50.0)),
                ms(percentile(&latencies, 99.0)),
                ms(latencies.last().copied().unwrap_or_default()),
            );
        }
        drop(server);
    }
}
