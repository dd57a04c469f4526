//! `cartsaver-desk copy --from DB --to DB`: resolves the two sides and their key files, shows
//! the progress on stderr (a line overwritten on a terminal, a line per tenth and table
//! otherwise), prints the verification table on stdout and turns a mismatch into exit 1. The
//! copy and its verification are the core's (`desk::copy`).

use std::io::{IsTerminal, Write};

use crate::desk::Location;
use crate::desk::copy::{self, CopyReport, CopyRequest, Progress};

use super::args::{CopyArgs, GlobalArgs};
use super::error::DeskCliError;

pub fn run(global: &GlobalArgs, args: &CopyArgs) -> Result<(), DeskCliError> {
    let side = |flag: &str, given: &str| {
        Location::parse(given).map_err(|error| DeskCliError::Usage(format!("{flag}: {error}")))
    };
    let request = CopyRequest {
        from: side("--from", &args.from)?,
        from_key: args
            .from_key_file
            .clone()
            .or_else(|| global.key_file.clone()),
        to: side("--to", &args.to)?,
        to_key: args.to_key_file.clone().or_else(|| global.key_file.clone()),
        append: args.append,
    };
    let mut shown = ProgressLine::new(std::io::stderr().is_terminal());
    let report = copy::copy(&request, &mut |progress| shown.show(progress))?;
    shown.finish();
    print!("{}", table(&report));
    if report.key_written {
        eprintln!(
            "wrote the source's desk key to {} (0600): keep it with the target's backups{}",
            report.key_file.display(),
            match request.to {
                Location::Postgres(_) =>
                    ", and give it to every `cartsaver-desk --key-file` of that desk",
                Location::Sqlite(_) => "",
            }
        );
    }
    if report.verified() {
        eprintln!(
            "copied {} to {} and verified every table",
            request.from.shown(),
            request.to.shown()
        );
        Ok(())
    } else {
        let wrong: Vec<String> = report
            .tables
            .iter()
            .filter(|table| !table.matches())
            .map(|table| {
                format!(
                    "{} (target {} rows, expected {}{})",
                    table.table,
                    table.target.rows,
                    table.expected.rows,
                    if table.target.rows == table.expected.rows {
                        ", rows that differ"
                    } else {
                        ""
                    }
                )
            })
            .collect();
        Err(DeskCliError::Failed(anyhow::anyhow!(
            "the copy in {} does not match its source: {}; the target is left as it is: look \
             into it, or drop it and copy again (with the source's writers stopped)",
            request.to.shown(),
            wrong.join(", ")
        )))
    }
}

/// The verification table: per table the source's rows, those copied, the target's, and the
/// checksum comparison.
fn table(report: &CopyReport) -> String {
    let mut out = format!(
        "{:<18} {:>9} {:>9} {:>9}  {}\n",
        "TABLE", "SOURCE", "COPIED", "TARGET", "CHECKSUM"
    );
    for table in &report.tables {
        let check = if table.matches() {
            format!("ok {}", table.target.short())
        } else {
            format!(
                "MISMATCH: {} expected {}",
                table.target.short(),
                table.expected.short()
            )
        };
        out.push_str(&format!(
            "{:<18} {:>9} {:>9} {:>9}  {check}\n",
            table.table, table.source.rows, table.copied, table.target.rows
        ));
    }
    out
}

/// Progress on stderr: `tickets 30000/100000`.
struct ProgressLine {
    terminal: bool,
    /// The table and tenth last printed (not on a terminal).
    last: Option<(&'static str, u64)>,
    open_line: bool,
}

impl ProgressLine {
    fn new(terminal: bool) -> ProgressLine {
        ProgressLine {
            terminal,
            last: None,
            open_line: false,
        }
    }

    fn show(&mut self, progress: Progress) {
        let text = format!("{} {}/{}", progress.table, progress.done, progress.total);
        let mut stderr = std::io::stderr().lock();
        if self.terminal {
            let _ = write!(stderr, "\r\x1b[2K{text}");
            let _ = stderr.flush();
            self.open_line = true;
            return;
        }
        let tenth = (progress.done * 10)
            .checked_div(progress.total)
            .unwrap_or(10);
        if self.last != Some((progress.table, tenth)) {
            let _ = writeln!(stderr, "{text}");
            self.last = Some((progress.table, tenth));
        }
    }

    fn finish(&mut self) {
        if self.open_line {
            eprintln!();
            self.open_line = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_shows_rows_and_checksums() {
        let report = CopyReport {
            tables: Vec::new(),
            key_file: "k".into(),
            key_written: false,
        };
        let text = table(&report);
        assert!(text.starts_with("TABLE"), "{text}");
        assert!(report.verified());
    }
}
