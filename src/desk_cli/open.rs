//! What every command runs with: the database (`--db`, `CARTSAVER_DESK_DB`, or the shared
//! default file; a SQLite file or a PostgreSQL URL) opened as a [`DeskCore`] with its support
//! calendar (`--calendar`, `CARTSAVER_DESK_CALENDAR`, or Cartsaver's), and the clock
//! (`CARTSAVER_NOW`).
//!
//! Opening (folder creation included) and naming the database in its errors are the core's
//! (`desk::storage`): this adds nothing to what it says.

use std::path::Path;

use crate::clock::Clock;
use crate::desk::location::default_db_path;
use crate::desk::{DeskCore, Location, OpenOptions};
use crate::domain::calendar::Calendar;

use super::args::GlobalArgs;
use super::error::DeskCliError;

/// The database: `--db` > `CARTSAVER_DESK_DB` (clap reads both) > the platform default file.
pub fn location(global: &GlobalArgs) -> Result<Location, DeskCliError> {
    match &global.db {
        Some(given) => {
            Location::parse(given).map_err(|error| DeskCliError::Usage(format!("--db: {error}")))
        }
        None => default_db_path().map(Location::Sqlite).map_err(|_| {
            DeskCliError::Usage(
                "no home directory to keep the desk database in; give one with --db PATH or CARTSAVER_DESK_DB"
                    .to_string(),
            )
        }),
    }
}

/// Open the desk (the core creates the database and its folder when missing, and migrates).
pub fn desk(global: &GlobalArgs) -> Result<DeskCore, DeskCliError> {
    desk_with(global, OpenOptions::default())
}

/// [`desk`] with a pool size and whether to migrate; `--key-file` is filled in here.
pub fn desk_with(global: &GlobalArgs, options: OpenOptions) -> Result<DeskCore, DeskCliError> {
    let calendar = calendar(global)?;
    let location = location(global)?;
    let options = OpenOptions {
        key_file: global.key_file.clone(),
        ..options
    };
    let core = DeskCore::open_at(&location, &options, calendar)?;
    if let Some(warning) = core.warning() {
        eprintln!("warning: {warning}");
    }
    Ok(core)
}

/// `--calendar FILE` read and validated, or Cartsaver's calendar.
pub fn calendar(global: &GlobalArgs) -> Result<Calendar, DeskCliError> {
    match &global.calendar {
        Some(path) => read_calendar(path),
        None => Ok(Calendar::cartsaver()),
    }
}

/// A calendar file: TOML in `Calendar`'s config form. Every error names the file; a calendar
/// that reads but does not hold up lists every problem.
fn read_calendar(path: &Path) -> Result<Calendar, DeskCliError> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|error| {
        DeskCliError::Usage(format!(
            "--calendar {shown}: cannot read it ({error}); give a readable TOML file, e.g. a copy of docs/calendar-example.toml"
        ))
    })?;
    // Every problem of the file at once (unknown keys, values that do not read, the rules).
    let calendar = Calendar::from_toml(&text).map_err(|error| {
        let problems: Vec<String> = error
            .problems
            .iter()
            .map(|problem| format!("\n  {problem}"))
            .collect();
        DeskCliError::Usage(format!(
            "--calendar {shown} has {} problem{}:{}\nsee docs/calendar-example.toml for the keys and their forms",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            problems.concat()
        ))
    })?;
    Ok(calendar)
}

pub fn clock() -> Result<Clock, DeskCliError> {
    Clock::from_env().map_err(DeskCliError::Usage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn global(calendar: &Path) -> GlobalArgs {
        GlobalArgs {
            db: None,
            calendar: Some(calendar.to_path_buf()),
            key_file: None,
            json: false,
        }
    }

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hours.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn the_example_calendar_reads_and_holds_up() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/calendar-example.toml");
        let calendar = calendar(&global(&path)).unwrap();
        assert_eq!(calendar.zone, chrono_tz::America::Los_Angeles);
        assert_eq!(
            calendar.describe_business_time(),
            "Mon–Fri 08:00–17:00, America/Los_Angeles"
        );
    }

    #[test]
    fn every_problem_of_a_calendar_is_listed_with_the_file() {
        let (_dir, path) = write(
            r#"
            zone = "Africa/Cairo"
            business_days = []
            hours = "17:00-08:00"
            free = { kind = "calendar_hours", hours = 48 }
            advanced = { kind = "business_hours", hours = 0 }
            unlimited = { kind = "business_hours", hours = 12 }
            scale = { kind = "calendar_hours", hours = 2 }
            "#,
        );
        let error = calendar(&global(&path)).unwrap_err();
        assert!(matches!(error, DeskCliError::Usage(_)));
        let message = error.to_string();
        assert!(message.contains("hours.toml has 3 problems"), "{message}");
        assert!(message.contains("business_days is empty"), "{message}");
        assert!(message.contains("17:00–08:00"), "{message}");
        assert!(message.contains("advanced target is 0 hours"), "{message}");
    }

    #[test]
    fn a_calendar_that_does_not_read_names_the_file_and_the_key() {
        let (_dir, path) = write("zone = \"Mars/Olympus\"\n");
        let message = calendar(&global(&path)).unwrap_err().to_string();
        assert!(message.contains("hours.toml"), "{message}");
        assert!(message.contains("Mars/Olympus"), "{message}");
        let missing = global(Path::new("no/such/hours.toml"));
        let message = calendar(&missing).unwrap_err().to_string();
        assert!(message.contains("no/such/hours.toml"), "{message}");
    }
}
