//! The first pass: every row validated, nothing sent. Problems are handed out as they are found
//! (printed at once by the caller), invalid rows go to the rejects file if there is one, and only
//! counts are kept: memory does not grow with the file.

use super::problem::Problem;
use super::reader::Rows;
use super::rejects::Rejects;
use super::row::{Defaults, examine_row};
use super::source::Source;
use crate::cli::error::CliError;
use crate::domain::ticket::Context;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub rows: u64,
    pub invalid: u64,
    pub problems: u64,
    /// Warnings of valid rows (with `--strict` they are problems instead).
    pub warnings: u64,
}

impl Tally {
    pub fn valid(&self) -> u64 {
        self.rows - self.invalid
    }
}

/// How the first pass treats warnings: shown and counted, or (`--strict`) refusals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warnings {
    Shown,
    Refused,
}

pub fn validate(
    source: &Source,
    defaults: &Defaults,
    context: &Context,
    warnings: Warnings,
    mut on_problem: impl FnMut(&Problem),
    mut rejects: Option<&mut Rejects>,
) -> Result<Tally, CliError> {
    let mut rows = Rows::open(source)?;
    if let Some(rejects) = rejects.as_deref_mut() {
        rejects.set_header(rows.header());
    }
    let mut tally = Tally::default();
    for row in &mut rows {
        let row = row?;
        tally.rows += 1;
        let problems = match examine_row(
            &row,
            defaults,
            &source.base,
            source.allow_outside_paths,
            context,
        ) {
            Ok(ready) => {
                let found: Vec<Problem> = ready
                    .warnings
                    .iter()
                    .map(|(field, note)| Problem::of_warning(row.line, *field, note))
                    .collect();
                if warnings == Warnings::Shown || found.is_empty() {
                    tally.warnings += found.len() as u64;
                    found.iter().for_each(&mut on_problem);
                    continue;
                }
                found
            }
            Err(problems) => problems,
        };
        tally.invalid += 1;
        tally.problems += problems.len() as u64;
        problems.iter().for_each(&mut on_problem);
        if let Some(rejects) = rejects.as_deref_mut() {
            rejects.write(&row.raw)?;
        }
    }
    if let Some(rejects) = rejects {
        rejects.finish()?;
    }
    Ok(tally)
}

/// `3 of 600 rows of orders.csv are invalid (5 problems)`.
pub fn describe_invalid(tally: &Tally, shown: &str) -> String {
    let rows = if tally.rows == 1 { "row" } else { "rows" };
    let verb = if tally.invalid == 1 { "is" } else { "are" };
    let problems = if tally.problems == 1 {
        "1 problem".to_string()
    } else {
        format!("{} problems", tally.problems)
    };
    format!(
        "{} of {} {rows} of {shown} {verb} invalid ({problems})",
        tally.invalid, tally.rows
    )
}
