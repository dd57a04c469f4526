//! The second pass: read the file again, build each row's request, and send them with bounded
//! concurrency — `concurrency` worker threads sharing one `Desk` (the HTTP desk pools kept-alive
//! connections). Results are written in the file's order, so memory is bounded by two limits:
//! at most a window (4 × concurrency) of rows is between dispatch and writing — in flight, or
//! back but waiting behind a slower earlier row — and at most 2 × concurrency rows (each holding
//! its screenshots) are handed to the workers: one each, and one queued each.
//!
//! Each request carries the row's idempotency key (derived from its normalized fields), so
//! sending a row again, in this run after a retry or in a later run, answers the ticket already
//! filed (`replayed`). When the desk cannot be reached (or refuses the token), sending stops: the
//! rows not sent are reported as failed, and running the same file again sends them.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use indicatif::ProgressBar;

use super::reader::Rows;
use super::results::{Outcome, Results, RowResult};
use super::row::{Defaults, Ready, examine_row};
use super::source::Source;
use crate::cli::filing::{create_request, duplicate_message};
use crate::cli::printer::Printer;
use crate::client::{Desk, ErrorCode, RequestError};
use crate::domain::ticket::Context;

pub struct Options {
    pub concurrency: usize,
    pub force_new: bool,
    /// The first pass found every row valid: a row invalid now means the file changed since.
    pub all_valid: bool,
    /// `--strict`: a row with a warning was rejected in the first pass, and is not sent.
    pub strict: bool,
}

/// Set by Ctrl-C: no more rows are dispatched; those in flight finish and are written.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// From here on, a first Ctrl-C stops sending cleanly (the rows in flight are written, the bar
/// cleared, the count said); a second one exits at once.
pub fn stop_on_ctrl_c(out: &Printer) {
    let out = *out;
    let _ = ctrlc::set_handler(move || {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(crate::exit::ExitStatus::Interrupted.code().into());
        }
        out.say("interrupted: finishing the rows in flight (Ctrl-C again stops at once)");
    });
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    pub created: u64,
    pub replayed: u64,
    pub failed: u64,
    /// Failed rows that were never sent, because sending stopped.
    pub not_sent: u64,
    /// Why sending stopped early (the desk unreachable, the token refused).
    pub stopped: Option<String>,
    /// Ctrl-C stopped the run.
    pub interrupted: bool,
}

/// The rows of the input for the second pass, and how to read them.
pub struct Input<'a> {
    pub source: &'a Source,
    pub defaults: &'a Defaults,
    pub context: &'a Context,
}

/// Where results go, and the bar that counts them.
pub struct Output<'a> {
    pub results: &'a mut Results,
    pub bar: &'a ProgressBar,
    /// Results go to the terminal the bar is drawn on: hide the bar while writing them.
    pub share_terminal: bool,
}

struct Job {
    seq: u64,
    line: u64,
    ready: Ready,
}

struct Done {
    seq: u64,
    /// `None`: handed to a worker but not sent, because Ctrl-C came first.
    result: Option<RowResult>,
    /// Set when no later row can succeed either.
    fatal: Option<String>,
}

pub fn send_all(
    input: Input,
    desk: &dyn Desk,
    output: Output,
    options: &Options,
) -> Result<Counts, crate::cli::error::CliError> {
    let rows = Rows::open(input.source)?;
    let (job_tx, job_rx) = channel::<Job>();
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = channel::<Done>();
    std::thread::scope(|scope| {
        for _ in 0..options.concurrency {
            let jobs = &job_rx;
            let done = done_tx.clone();
            let force_new = options.force_new;
            scope.spawn(move || work(desk, jobs, done, force_new));
        }
        drop(done_tx);
        // `job_tx` is moved in and dropped when dispatching ends, however it ends: the workers
        // then finish, and the scope can close.
        Dispatch {
            rows,
            input,
            output,
            options,
            jobs: job_tx,
            done: done_rx,
            pending: BTreeMap::new(),
            next_seq: 0,
            next_write: 0,
            in_flight: 0,
            counts: Counts::default(),
        }
        .run()
    })
}

struct Dispatch<'a, 'b> {
    rows: Rows,
    input: Input<'a>,
    output: Output<'b>,
    options: &'a Options,
    jobs: Sender<Job>,
    done: Receiver<Done>,
    /// Results that arrived before an earlier row's.
    pending: BTreeMap<u64, RowResult>,
    /// The sequence number of the next row to dispatch (every row sent or failed in place).
    next_seq: u64,
    /// The sequence number of the next result to write: `next_seq - next_write` rows are
    /// dispatched and not yet written.
    next_write: u64,
    /// Rows handed to the workers whose results have not come back.
    in_flight: usize,
    counts: Counts,
}

impl Dispatch<'_, '_> {
    fn run(mut self) -> Result<Counts, crate::cli::error::CliError> {
        // Rows dispatched and not yet written, whether in flight or back and waiting behind a
        // slow earlier row: enough to keep every worker busy past one slow row, and the bound on
        // the results held (README: at most 4 × concurrency wait to be written).
        let window = self.options.concurrency as u64 * 4;
        // Jobs handed to the workers: one each and one queued each, so a worker never waits for
        // the dispatcher, and at most this many rows hold their screenshots in memory.
        let handed = self.options.concurrency * 2;
        let mut rows_left = true;
        loop {
            if INTERRUPTED.load(Ordering::SeqCst) {
                self.counts.interrupted = true;
            }
            while rows_left
                && self.counts.stopped.is_none()
                && !self.counts.interrupted
                && self.next_seq - self.next_write < window
                && self.in_flight < handed
            {
                rows_left = self.dispatch_next()?;
            }
            if self.in_flight == 0 {
                // Nothing in flight means every dispatched row is written (results are written as
                // soon as the rows before them are), so the window is empty: the rows ended, or
                // sending stopped.
                // (After Ctrl-C, the rows handed to a worker but not sent are not written.)
                debug_assert!(self.counts.interrupted || self.next_seq == self.next_write);
                break;
            }
            let first = self.done.recv().expect("workers answer every job");
            self.arrived(first);
            while let Ok(more) = self.done.try_recv() {
                self.arrived(more);
            }
            self.write_ready()?;
        }
        if self.counts.interrupted {
            // The rows left are not reported: the merchant asked to stop, and runs it again.
        } else if let Some(reason) = self.counts.stopped.clone() {
            self.report_unsent(&reason)?;
        }
        self.output.results.flush()?;
        Ok(self.counts)
    }

    /// Read rows up to the next one that takes a place in the window (a valid row, handed to a
    /// worker, or one that changed since the first pass, failed in place); `false` at the end.
    fn dispatch_next(&mut self) -> Result<bool, crate::cli::error::CliError> {
        while let Some(row) = self.rows.next() {
            let row = row?;
            match examine_row(
                &row,
                self.input.defaults,
                &self.input.source.base,
                self.input.source.allow_outside_paths,
                self.input.context,
            ) {
                // Rejected in the first pass (--strict): in the rejects file, not sent.
                Ok(ready) if self.options.strict && !ready.warnings.is_empty() => {}
                Ok(ready) => {
                    let job = Job {
                        seq: self.next_seq,
                        line: row.line,
                        ready,
                    };
                    self.next_seq += 1;
                    self.in_flight += 1;
                    self.jobs
                        .send(job)
                        .expect("workers live until the jobs end");
                    return Ok(true);
                }
                // Rejected in the first pass (--skip-invalid): in the rejects file, not sent.
                Err(_) if !self.options.all_valid => {}
                Err(problems) => {
                    let seq = self.next_seq;
                    self.next_seq += 1;
                    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                    self.pending.insert(
                        seq,
                        failed(
                            row.line,
                            format!(
                                "not sent: the row changed after it was validated: {}",
                                shown.join("; ")
                            ),
                        ),
                    );
                    self.write_ready()?;
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    fn arrived(&mut self, done: Done) {
        self.in_flight -= 1;
        if let Some(reason) = done.fatal
            && self.counts.stopped.is_none()
        {
            self.counts.stopped = Some(reason);
        }
        if let Some(result) = done.result {
            self.pending.insert(done.seq, result);
        }
    }

    /// Write the results that are next in the file's order.
    fn write_ready(&mut self) -> Result<(), crate::cli::error::CliError> {
        while let Some(result) = self.pending.remove(&self.next_write) {
            self.next_write += 1;
            match result.outcome {
                Outcome::Created => self.counts.created += 1,
                Outcome::Replayed => self.counts.replayed += 1,
                Outcome::Failed => self.counts.failed += 1,
            }
            let results = &mut *self.output.results;
            if self.output.share_terminal {
                self.output.bar.suspend(|| results.write(&result))?;
            } else {
                results.write(&result)?;
            }
            self.output.bar.inc(1);
        }
        self.output.results.flush()
    }

    /// After a stop: every valid row left is reported, unsent.
    fn report_unsent(&mut self, reason: &str) -> Result<(), crate::cli::error::CliError> {
        let message =
            format!("not sent: sending stopped ({reason}); run the same file again to send it");
        while let Some(row) = self.rows.next() {
            let row = row?;
            let valid = examine_row(
                &row,
                self.input.defaults,
                &self.input.source.base,
                self.input.source.allow_outside_paths,
                self.input.context,
            )
            .is_ok();
            if valid || self.options.all_valid {
                self.counts.not_sent += 1;
                self.pending
                    .insert(self.next_seq, failed(row.line, message.clone()));
                self.next_seq += 1;
                self.write_ready()?;
            }
        }
        Ok(())
    }
}

fn work(desk: &dyn Desk, jobs: &Mutex<Receiver<Job>>, done: Sender<Done>, force_new: bool) {
    loop {
        let job = match jobs.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        let outcome = if INTERRUPTED.load(Ordering::SeqCst) {
            // Queued before Ctrl-C, not sent yet: left for the next run.
            Done {
                seq: job.seq,
                result: None,
                fatal: None,
            }
        } else {
            file(desk, job, force_new)
        };
        if done.send(outcome).is_err() {
            return;
        }
    }
}

fn file(desk: &dyn Desk, job: Job, force_new: bool) -> Done {
    let Job { seq, line, ready } = job;
    let Ready {
        ticket,
        screenshots,
        warnings,
    } = ready;
    let warnings = (!warnings.is_empty()).then(|| {
        let each: Vec<String> = warnings
            .iter()
            .map(|(field, note)| format!("{field}: {}", note.text))
            .collect();
        each.join("; ")
    });
    let (result, fatal) = match desk.create(create_request(&ticket, screenshots, force_new)) {
        Ok(created) => {
            let outcome = if created.replayed {
                Outcome::Replayed
            } else {
                Outcome::Created
            };
            let result = RowResult {
                line,
                tracking_number: Some(created.ticket.tracking_number.to_string()),
                outcome,
                error: None,
                warnings,
            };
            (result, None)
        }
        Err(refusal) if refusal.code() == Some(ErrorCode::Duplicate) => {
            let anyway = "file this row anyway with --force-new";
            let mut result = failed(line, duplicate_message(&refusal, &ticket, anyway));
            result.warnings = warnings;
            (result, None)
        }
        Err(refusal) => {
            let text = one_line(&refusal.to_string());
            let fatal = stops_the_run(&refusal).then(|| text.clone());
            let mut result = failed(line, text);
            result.warnings = warnings;
            (result, fatal)
        }
    };
    Done {
        seq,
        result: Some(result),
        fatal,
    }
}

/// Failures that no later row can escape: the desk gone, the token refused, a desk that speaks
/// another protocol. Field refusals, duplicates and conflicts belong to their row.
fn stops_the_run(error: &RequestError) -> bool {
    match error {
        RequestError::Unreachable { .. } | RequestError::Protocol { .. } => true,
        RequestError::Refused { status, .. } => *status == 401,
    }
}

fn failed(line: u64, error: String) -> RowResult {
    RowResult {
        line,
        tracking_number: None,
        outcome: Outcome::Failed,
        error: Some(error),
        warnings: None,
    }
}

/// A refusal with field problems on several lines, as one line for a results cell.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}
