//! The results of a bulk run, one per row sent, in the file's order: `line, tracking_number,
//! outcome, error, warnings` as CSV, or JSON Lines with `--json`; on stdout or in `--results FILE`.
//! Flushed as rows complete, so the results of a run that is killed are there up to that point.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;

use crate::cli::error::CliError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Filed by this run.
    Created,
    /// Filed by an earlier run of the same row: the same ticket, nothing new.
    Replayed,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowResult {
    pub line: u64,
    pub tracking_number: Option<String>,
    pub outcome: Outcome,
    pub error: Option<String>,
    /// The row's warnings, `FIELD: text; …`, as `new` would have shown them.
    pub warnings: Option<String>,
}

pub struct Results {
    out: Out,
    /// Where they go, for errors: a file path or `stdout`.
    shown: String,
}

enum Out {
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    Lines(BufWriter<Box<dyn Write>>),
}

impl Results {
    /// Results to `path` (or stdout), as JSON Lines when `json`, else CSV with a header.
    pub fn create(path: Option<&Path>, json: bool) -> Result<Results, CliError> {
        let (sink, shown): (Box<dyn Write>, String) = match path {
            Some(path) => {
                let file = File::create(path).map_err(|error| {
                    CliError::Usage(format!(
                        "cannot write the results to {}: {error}; check the folder exists and is writable",
                        path.display()
                    ))
                })?;
                (Box::new(file), path.display().to_string())
            }
            None => (Box::new(std::io::stdout()), "stdout".into()),
        };
        let out = if json {
            Out::Lines(BufWriter::new(sink))
        } else {
            // The header is written by hand below, so that a run with no results still has one.
            Out::Csv(Box::new(
                csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(sink),
            ))
        };
        let mut results = Results { out, shown };
        if let Out::Csv(writer) = &mut results.out {
            writer
                .write_record(["line", "tracking_number", "outcome", "error", "warnings"])
                .map_err(|error| results_failed(&results.shown, error.into()))?;
        }
        Ok(results)
    }

    pub fn write(&mut self, result: &RowResult) -> Result<(), CliError> {
        let written = match &mut self.out {
            Out::Csv(writer) => writer.serialize(result).map_err(std::io::Error::from),
            Out::Lines(writer) => serde_json::to_writer(&mut *writer, result)
                .map_err(std::io::Error::from)
                .and_then(|()| writer.write_all(b"\n")),
        };
        written.map_err(|error| results_failed(&self.shown, error))
    }

    pub fn flush(&mut self) -> Result<(), CliError> {
        let flushed = match &mut self.out {
            Out::Csv(writer) => writer.flush(),
            Out::Lines(writer) => writer.flush(),
        };
        flushed.map_err(|error| results_failed(&self.shown, error))
    }
}

fn results_failed(shown: &str, error: std::io::Error) -> CliError {
    CliError::Failed(anyhow::anyhow!(
        "cannot write the results to {shown}: {error}; the rows sent so far are filed, and running \
         the same file again replays them"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> [RowResult; 2] {
        [
            RowResult {
                line: 2,
                tracking_number: Some("CS-7KQ-2M4-X9C".into()),
                outcome: Outcome::Created,
                error: None,
                warnings: None,
            },
            RowResult {
                line: 5,
                tracking_number: None,
                outcome: Outcome::Failed,
                error: Some("refused, \"quoted\"".into()),
                warnings: Some("phone: a landline".into()),
            },
        ]
    }

    #[test]
    fn csv_and_json_lines_carry_the_same_five_columns() {
        let dir = tempfile::tempdir().unwrap();
        for (json, name) in [(false, "r.csv"), (true, "r.jsonl")] {
            let path = dir.path().join(name);
            let mut results = Results::create(Some(&path), json).unwrap();
            for result in sample() {
                results.write(&result).unwrap();
            }
            results.flush().unwrap();
            drop(results);
            let text = std::fs::read_to_string(&path).unwrap();
            if json {
                let first: serde_json::Value =
                    serde_json::from_str(text.lines().next().unwrap()).unwrap();
                assert_eq!(
                    first,
                    serde_json::json!({"line": 2, "tracking_number": "CS-7KQ-2M4-X9C", "outcome": "created", "error": null, "warnings": null})
                );
            } else {
                assert_eq!(
                    text,
                    "line,tracking_number,outcome,error,warnings\n2,CS-7KQ-2M4-X9C,created,,\n5,,failed,\"refused, \"\"quoted\"\"\",phone: a landline\n"
                );
            }
        }
    }
}
