//! Load benchmark of the desk API: a real `cartsaver-desk serve` (release build) on a loopback
//! port with a temp database, driven by N creates of distinct tickets at a fixed concurrency over
//! kept-alive connections. Prints creates/s and the latency percentiles.
//!
//! `cargo bench --bench desk_load`. Environment: `DESK_LOAD_N` (creates, default 20000),
//! `DESK_LOAD_CONCURRENCY` (default 16), `DESK_LOAD_SECONDS` (time bound, default 120: the run
//! stops by itself when it is reached), `DESK_LOAD_BIN` (the `cartsaver-desk` to serve, default
//! this build's: point it at an older build to compare), `DESK_LOAD_BACKEND` (`sqlite`, the
//! default, or `postgres`: a database made for the run on the server `DESK_LOAD_POSTGRES` names,
//! else the one of `pg_virtualenv`'s `PG*` variables), `DESK_LOAD_INSTANCES` (desk processes on
//! the one database, default 1; the workers take turns between them, as behind a load
//! balancer), `DESK_LOAD_STORES` (stores the creates are spread over, default 1),
//! `DESK_LOAD_ROUTE=health` (`GET /v1/health` instead of creates: what the HTTP stack alone
//! answers on this machine, the ceiling a create is compared with). Traffic goes to 127.0.0.1
//! only.

mod served;

use served::Server;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const STORE: &str = "https://bench-shop.myshopify.com";
const WARMUP: usize = 200;

fn env_number(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(text) => text.trim().parse().unwrap_or_else(|_| {
            eprintln!("{name} `{text}` is not a whole number; using {default}");
            default
        }),
        Err(_) => default,
    }
}

/// `DESK_LOAD_ROUTE=health`: health checks instead of creates.
fn health() -> bool {
    std::env::var("DESK_LOAD_ROUTE").is_ok_and(|route| route == "health")
}

fn binary() -> String {
    served::binary("DESK_LOAD_BIN")
}

fn start(db: &served::Db) -> Server {
    served::start(&binary(), db)
}

/// The store of worker `n` of `stores`.
fn store(n: usize) -> String {
    if n == 0 {
        STORE.to_string()
    } else {
        format!("https://bench-shop-{n}.myshopify.com")
    }
}

fn body(i: usize, at: &str, store: &str) -> String {
    serde_json::json!({
        "store": store,
        "order": format!("#B{i}"),
        "phone": "+201001234567",
        "channel": "whatsapp",
        "at": at,
        "tried": ["resent the OTP"],
        "email": "owner@bench-shop.com",
        "plan": "advanced",
    })
    .to_string()
}

struct Outcome {
    latencies: Vec<Duration>,
    failures: Vec<String>,
}

async fn drive(
    client: reqwest::Client,
    url: String,
    (token, store): (String, String),
    at: String,
    next: Arc<AtomicUsize>,
    total: usize,
    deadline: Instant,
) -> Outcome {
    let mut outcome = Outcome {
        latencies: Vec::new(),
        failures: Vec::new(),
    };
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= total || Instant::now() >= deadline {
            return outcome;
        }
        let started = Instant::now();
        let response = if health() {
            client
                .get(url.replace("/v1/tickets", "/v1/health"))
                .send()
                .await
        } else {
            client
                .post(&url)
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(body(i, &at, &store))
                .send()
                .await
        };
        let wanted = if health() {
            reqwest::StatusCode::OK
        } else {
            reqwest::StatusCode::CREATED
        };
        match response {
            Ok(response) if response.status() == wanted => {
                let _ = response.bytes().await;
                outcome.latencies.push(started.elapsed());
            }
            Ok(response) => {
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                outcome.failures.push(format!("{status}: {text}"));
            }
            Err(error) => outcome.failures.push(error.to_string()),
        }
    }
}

async fn run_phase(
    urls: &[String],
    tokens: &[(String, String)],
    at: &str,
    offset: usize,
    count: usize,
    concurrency: usize,
    deadline: Instant,
) -> (Outcome, Duration) {
    let next = Arc::new(AtomicUsize::new(offset));
    let started = Instant::now();
    let tasks: Vec<_> = (0..concurrency)
        .map(|n| {
            // One client per worker: its own kept-alive connection, like 16 separate callers.
            let client = reqwest::Client::builder()
                .pool_max_idle_per_host(1)
                .tcp_nodelay(true)
                // A stuck request must not outlive the time bound.
                .timeout(Duration::from_secs(10))
                .build()
                .expect("reqwest client");
            tokio::spawn(drive(
                client,
                format!("{}/v1/tickets", urls[n % urls.len()]),
                tokens[n % tokens.len()].clone(),
                at.to_string(),
                Arc::clone(&next),
                offset + count,
                deadline,
            ))
        })
        .collect();
    let mut all = Outcome {
        latencies: Vec::with_capacity(count),
        failures: Vec::new(),
    };
    for task in tasks {
        let outcome = task.await.expect("worker task");
        all.latencies.extend(outcome.latencies);
        all.failures.extend(outcome.failures);
    }
    (all, started.elapsed())
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

fn main() {
    // `cargo bench` passes `--bench`; a filter argument that doesn't match skips the run.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if !args.is_empty() && !args.iter().any(|a| "desk_load".contains(a.as_str())) {
        return;
    }
    let total = env_number("DESK_LOAD_N", 20_000);
    let concurrency = env_number("DESK_LOAD_CONCURRENCY", 16).max(1);
    let limit = Duration::from_secs(env_number("DESK_LOAD_SECONDS", 120) as u64);

    let instances = env_number("DESK_LOAD_INSTANCES", 1).max(1);
    let stores = env_number("DESK_LOAD_STORES", 1).max(1);
    let dir = tempfile::tempdir().expect("temp dir");
    let backend = std::env::var("DESK_LOAD_BACKEND").unwrap_or_else(|_| "sqlite".into());
    let db = match backend.as_str() {
        "postgres" => {
            let admin = served::postgres_admin("DESK_LOAD_POSTGRES").unwrap_or_else(|| {
                panic!("DESK_LOAD_BACKEND=postgres needs DESK_LOAD_POSTGRES=postgres://… or pg_virtualenv")
            });
            served::Db::postgres(
                &admin,
                &format!("desk_load_{}", std::process::id()),
                dir.path(),
            )
        }
        _ => served::Db::File(dir.path().join("desk.sqlite3")),
    };
    let tokens: Vec<(String, String)> = (0..stores)
        .map(|n| (served::token(&binary(), &db, &store(n)), store(n)))
        .collect();
    let servers: Vec<Server> = (0..instances).map(|_| start(&db)).collect();
    let urls: Vec<String> = servers.iter().map(|s| s.url.clone()).collect();
    let at = (chrono::Utc::now() - chrono::Duration::hours(1))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let deadline = Instant::now() + limit;
    let (warmup, _) = runtime.block_on(run_phase(
        &urls,
        &tokens,
        &at,
        0,
        WARMUP,
        concurrency,
        deadline,
    ));
    if let Some(failure) = warmup.failures.first() {
        panic!("warm-up create failed: {failure}");
    }
    let (outcome, elapsed) = runtime.block_on(run_phase(
        &urls,
        &tokens,
        &at,
        WARMUP,
        total,
        concurrency,
        deadline,
    ));
    drop(servers);

    let mut latencies = outcome.latencies;
    latencies.sort();
    let done = latencies.len();
    println!(
        "desk_load: {backend}, {instances} instance(s), {stores} store(s): {done} creates of {total} in {:.2} s at concurrency {concurrency}{}",
        elapsed.as_secs_f64(),
        if done + outcome.failures.len() < total {
            " (stopped at the time bound)"
        } else {
            ""
        }
    );
    println!(
        "  throughput {:.0} creates/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        done as f64 / elapsed.as_secs_f64(),
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 90.0)),
        ms(percentile(&latencies, 99.0)),
        ms(latencies.last().copied().unwrap_or_default()),
    );
    if !outcome.failures.is_empty() {
        println!(
            "  {} failed; first: {}",
            outcome.failures.len(),
            outcome.failures[0]
        );
        std::process::exit(1);
    }
}
