//! Benchmark of the domain and of the CLI's start-up (`cargo bench --bench checklist`).
//!
//! Prints: full-checklist validations per second (one thread, then one per core) and the
//! start-to-exit time of `cartsaver-support check --phone …` processes. Goals (issue 2): ≥ 200k
//! checklists/s on the 2-core machine, `check --phone` ≤ 15 ms. It reports; it asserts nothing.

use std::process::Command;
use std::time::{Duration, Instant};

use cartsaver::domain::ticket::{Context, TicketInput, examine};

const PHONES: [&str; 8] = [
    "+201001234567",
    "00201001234567",
    "+44 7400 123456",
    "+1 (202) 555-0123",
    "+966 50 123 4567",
    "+91 98765 43210",
    "+971 50 123 4567",
    "+7 800 555 35 35",
];

fn checklist(i: usize) -> TicketInput {
    TicketInput {
        store: Some(if i % 3 == 0 {
            format!("https://admin.shopify.com/store/shop-{i}/orders/5")
        } else {
            format!("shop-{i}.myshopify.com")
        }),
        order: Some(format!("#{}", 1000 + i % 9000)),
        phone: Some(PHONES[i % PHONES.len()].to_string()),
        region: None,
        channel: Some(if i % 2 == 0 { "WhatsApp" } else { "sms" }.to_string()),
        at: Some(if i % 2 == 0 { "2026-11-20T14:03:00Z" } else { "2026-11-20T16:03:00+02:00" }.to_string()),
        tried: vec!["resent the OTP".into(), "checked the number format".into()],
        summary: None,
        details: Some("Customer says the code never arrived.".into()),
        email: Some(format!("owner{i}@example.com")),
        plan: Some("advanced".into()),
        urgent: false,
        outage: false,
        pin: Some("483912".into()),
        allow_access: i % 2 == 0,
    }
}

fn validate_all(inputs: &[TicketInput], context: &Context) -> usize {
    inputs
        .iter()
        .filter(|input| examine(input, Vec::new(), context).into_ticket(|f| f.to_string()).is_ok())
        .count()
}

fn checklists_per_second(threads: usize, per_thread: usize) -> f64 {
    let context = Context {
        now: "2026-11-20T14:30:00Z".parse().expect("a fixed time"),
        local: chrono_tz::Africa::Cairo,
    };
    let inputs: Vec<TicketInput> = (0..per_thread).map(checklist).collect();
    // Warm up: load each region's phone metadata once, as a long-running process would.
    assert_eq!(validate_all(&inputs[..64], &context), 64, "the benchmark's checklists must be valid");
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| validate_all(&inputs, &context));
        }
    });
    (threads * per_thread) as f64 / started.elapsed().as_secs_f64()
}

fn process_times(args: &[&str], runs: usize) -> Vec<Duration> {
    let bin = env!("CARGO_BIN_EXE_cartsaver-support");
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(bin)
                .args(args)
                .env("CARTSAVER_NOW", "2026-11-20T14:30:00Z")
                .stdout(std::process::Stdio::null())
                .status()
                .expect("run the CLI");
            assert!(status.success(), "check failed");
            started.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let one = checklists_per_second(1, 200_000);
    println!("full checklist validation, 1 thread:   {one:>10.0} checklists/s");
    let all = checklists_per_second(cores, 200_000);
    println!("full checklist validation, {cores} threads:  {all:>10.0} checklists/s");

    for phone in ["+201001234567", "+44 7400 123456"] {
        let times = process_times(&["check", "--phone", phone], 60);
        println!(
            "process `check --phone {phone}`: median {:.1} ms, p90 {:.1} ms, min {:.1} ms",
            ms(times[times.len() / 2]),
            ms(times[times.len() * 9 / 10]),
            ms(times[0])
        );
    }
    let times = process_times(&["--version"], 60);
    println!("process `--version` (floor):            median {:.1} ms", ms(times[times.len() / 2]));
}
