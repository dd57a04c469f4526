//! Measurements, not tests: creates from 16 threads against a fresh file (flat out, and paced at
//! 2,000 a second), and where one create spends its time, printing rates and latency
//! percentiles. Run them with
//! `cargo test --release --lib desk::measure -- --ignored --nocapture --test-threads 1`.
//! They assert nothing about speed (timings belong to benches, not to the test suite).

use std::time::{Duration, Instant};

use super::Scope;
use super::testing::{SHOP, desk, input, request, t0};

const THREADS: usize = 16;
const PER_THREAD: usize = 500;

#[test]
#[ignore = "measurement; run with --release -- --ignored --nocapture"]
fn measure_creates_at_concurrency_16_flat_out() {
    creates_at_concurrency_16(None);
}

#[test]
#[ignore = "measurement; run with --release -- --ignored --nocapture"]
fn measure_creates_at_concurrency_16_paced_at_2000_a_second() {
    // Each thread files one ticket every 8 ms: 16 × 125 = 2,000 a second.
    creates_at_concurrency_16(Some(Duration::from_millis(8)));
}

fn creates_at_concurrency_16(pace: Option<Duration>) {
    let (_dir, core) = desk();
    let started = Instant::now();
    let mut latencies: Vec<Duration> = std::thread::scope(|threads| {
        let workers: Vec<_> = (0..THREADS)
            .map(|thread| {
                let core = &core;
                threads.spawn(move || {
                    let mut latencies = Vec::with_capacity(PER_THREAD);
                    let thread_start = Instant::now();
                    for n in 0..PER_THREAD {
                        if let Some(pace) = pace {
                            let slot = thread_start + pace * n as u32;
                            std::thread::sleep(slot.saturating_duration_since(Instant::now()));
                        }
                        let mut req = request(input(SHOP, &format!("{}", thread * 100_000 + n)));
                        req.idempotency_key = Some(format!("{thread}-{n}"));
                        let begun = Instant::now();
                        core.create_ticket(&Scope::Everything, req, t0()).unwrap();
                        latencies.push(begun.elapsed());
                    }
                    latencies
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap())
            .collect()
    });
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    println!(
        "{} creates in {:.2?} ({}): {:.0}/s; p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        latencies.len(),
        elapsed,
        if pace.is_some() { "paced" } else { "flat out" },
        latencies.len() as f64 / elapsed.as_secs_f64(),
        at(0.50),
        at(0.99),
        latencies[latencies.len() - 1]
    );
}

#[test]
#[ignore = "measurement; run with --release -- --ignored --nocapture"]
fn measure_where_a_create_spends_its_time() {
    use crate::domain::ticket::{Context, examine};
    const N: usize = 2000;
    let context = Context {
        now: t0(),
        local: chrono_tz::UTC,
    };
    let given = input(SHOP, "1052");
    let started = Instant::now();
    for _ in 0..N {
        let exam = examine(&given, Vec::new(), &context);
        std::hint::black_box(exam.into_ticket(|f| f.to_string()).unwrap());
    }
    let validation = started.elapsed() / N as u32;

    let (_dir, core) = desk();
    let started = Instant::now();
    let mut latencies = Vec::with_capacity(N);
    for n in 0..N {
        let req = request(input(SHOP, &n.to_string()));
        let begun = Instant::now();
        core.create_ticket(&Scope::Everything, req, t0()).unwrap();
        latencies.push(begun.elapsed());
    }
    let create = started.elapsed() / N as u32;
    latencies.sort();
    println!(
        "per create, one thread: validation {validation:.2?}, whole create {create:.2?} \
         (p50 {:.2?}, p99 {:.2?}, max {:.2?})",
        latencies[N / 2],
        latencies[N * 99 / 100],
        latencies[N - 1]
    );
}
