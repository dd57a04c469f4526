//! One row to one ticket: cells to a `TicketInput` (the `|`-separated lists of CSV, the arrays
//! of JSON Lines, yes/no cells), the defaults for empty cells, screenshot paths relative to the
//! file (and inside its folder unless `--allow-outside-paths`: a bulk file from someone else must
//! not upload any image or PDF the user can read), then the domain's validation (`examine` +
//! `into_ticket`). Every problem of the row at once.

use std::path::Path;

use serde_json::Value;

use super::problem::Problem;
use super::reader::{Cell, Content, Row};
use crate::domain::screenshot::{Screenshot, load_screenshot};
use crate::domain::ticket::{Context, REQUIRED, Ticket, TicketInput, examine};
use crate::domain::{Field, FieldError, Note};

/// Values from the command line for cells left empty.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub store: Option<String>,
    pub plan: Option<String>,
    pub email: Option<String>,
    pub region: Option<String>,
}

/// A row that validated: ready to file.
#[derive(Debug)]
pub struct Ready {
    pub ticket: Ticket,
    pub screenshots: Vec<Screenshot>,
    /// The row's warnings (a landline, an old time...), shown as `new` shows them.
    pub warnings: Vec<(Field, Note)>,
}

/// The ticket of a row, or every problem of it.
pub fn examine_row(
    row: &Row,
    defaults: &Defaults,
    base: &Path,
    allow_outside: bool,
    context: &Context,
) -> Result<Ready, Vec<Problem>> {
    let line = row.line;
    let (cells, problems) = match &row.content {
        Content::Broken(problem) => return Err(vec![problem.clone()]),
        Content::Cells { cells, problems } => (cells, problems.clone()),
    };
    let mut input = TicketInput::default();
    let mut shots: Vec<String> = Vec::new();
    let mut errors: Vec<FieldError> = Vec::new();
    for (field, cell) in cells {
        if let Err(error) = apply(&mut input, &mut shots, *field, cell) {
            errors.push(error);
        }
    }
    let blank: Vec<Field> = cells
        .iter()
        .map(|(field, _)| *field)
        .filter(|field| is_blank(&mut input, *field))
        .collect();
    fill(&mut input.store, &defaults.store);
    fill(&mut input.plan, &defaults.plan);
    fill(&mut input.email, &defaults.email);
    fill(&mut input.region, &defaults.region);
    for field in blank {
        mark_empty(&mut input, field);
    }
    errors.extend(refuse_now(&input));

    let screenshots = shots
        .iter()
        .map(|shot| {
            if !allow_outside {
                refuse_outside(base, shot)?;
            }
            load_screenshot(&base.join(shot))
        })
        .collect();
    let exam = examine(&input, screenshots, context);
    let warnings = exam.warnings();
    match exam.into_ticket(how_to_give) {
        Ok((ticket, screenshots)) if problems.is_empty() && errors.is_empty() => Ok(Ready {
            ticket,
            screenshots,
            warnings,
        }),
        Ok(_) => Err(with_field_errors(line, problems, errors)),
        Err(more) => {
            errors.extend(more.into_iter().map(empty_cell));
            Err(with_field_errors(line, problems, errors))
        }
    }
}

/// A screenshot path that leaves the bulk file's folder: absolute, climbing out with `..`, or a
/// link that resolves outside it.
fn refuse_outside(base: &Path, shot: &str) -> Result<(), FieldError> {
    use std::path::Component;

    let path = Path::new(shot);
    let mut depth: i64 = 0;
    let mut escapes = path.is_absolute();
    for component in path.components() {
        match component {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::Prefix(_) | Component::RootDir => escapes = true,
            Component::CurDir => {}
        }
        escapes |= depth < 0;
    }
    if !escapes
        && let (Ok(root), Ok(target)) = (base.canonicalize(), base.join(path).canonicalize())
    {
        escapes = !target.starts_with(root);
    }
    if !escapes {
        return Ok(());
    }
    Err(FieldError::new(
        Field::Screenshot,
        shot,
        "outside_folder",
        format!(
            "is outside the bulk file's folder ({}); a bulk file attaches only files in its own folder, so that a file from someone else cannot upload what you can read: move the file there, or pass --allow-outside-paths if you wrote this file yourself",
            if base.as_os_str().is_empty() {
                Path::new(".")
            } else {
                base
            }
            .display()
        ),
    ))
}

/// Problems with the row's columns first, then its fields in checklist order.
fn with_field_errors(
    line: u64,
    mut problems: Vec<Problem>,
    mut errors: Vec<FieldError>,
) -> Vec<Problem> {
    errors.sort_by_key(|error| error.field);
    problems.extend(
        errors
            .into_iter()
            .map(|error| Problem::of_field(line, error)),
    );
    problems
}

fn fill(cell: &mut Option<String>, default: &Option<String>) {
    if cell.as_deref().is_none_or(|text| text.trim().is_empty()) {
        cell.clone_from(default);
    }
}

/// `now` is a fine answer at a prompt, but a bulk row must give the real time: `now` changes on
/// every run, so a re-run of the file could not be recognised as the same tickets.
fn refuse_now(input: &TicketInput) -> Option<FieldError> {
    let at = input.at.as_deref()?.trim();
    at.eq_ignore_ascii_case("now").then(|| {
        FieldError::new(
            Field::At,
            at,
            "now_in_bulk",
            "a bulk row must give the time it happened, e.g. 2026-11-20T14:03:00Z; `now` changes \
             on every run, so running the file again could not recognise tickets already filed",
        )
    })
}

/// The fix for a missing field of a row.
fn how_to_give(field: Field) -> String {
    match field {
        Field::Store | Field::Plan | Field::Email => format!(
            "missing; fill the `{field}` cell, or give {} for every row that leaves it empty",
            field.flag()
        ),
        Field::Tried => "missing; fill the `tried` cell with the steps already tried \
                         (separated by `|` in CSV, an array in JSON Lines), or `none`"
            .into(),
        _ => format!("missing; add a `{field}` column and fill it"),
    }
}

/// The text slot of a field, for the fields that are one piece of text.
fn text_slot(input: &mut TicketInput, field: Field) -> Option<&mut Option<String>> {
    Some(match field {
        Field::Store => &mut input.store,
        Field::Order => &mut input.order,
        Field::Phone => &mut input.phone,
        Field::Region => &mut input.region,
        Field::Channel => &mut input.channel,
        Field::At => &mut input.at,
        Field::Summary => &mut input.summary,
        Field::Details => &mut input.details,
        Field::Email => &mut input.email,
        Field::Plan => &mut input.plan,
        Field::Pin => &mut input.pin,
        _ => return None,
    })
}

/// The row's cell for `field` is empty (or only spaces; `tried` with no step).
fn is_blank(input: &mut TicketInput, field: Field) -> bool {
    if field == Field::Tried {
        return input.tried.is_empty();
    }
    text_slot(input, field)
        .and_then(|slot| slot.as_deref())
        .is_some_and(|text| text.trim().is_empty())
}

/// After the defaults: an empty cell that is still empty is given empty if the field is required
/// (the domain then refuses it: "the `phone` cell is empty", SPEC §2 "Empty values"), and not
/// given otherwise (an empty optional cell is a value left out).
fn mark_empty(input: &mut TicketInput, field: Field) {
    let required = REQUIRED.contains(&field);
    if field == Field::Tried {
        if required && input.tried.is_empty() {
            input.tried = vec![String::new()];
        }
        return;
    }
    let Some(slot) = text_slot(input, field) else {
        return;
    };
    let still_empty = slot.as_deref().is_none_or(|text| text.trim().is_empty());
    if still_empty {
        *slot = required.then(String::new);
    }
}

/// The domain's "`--phone` is empty" worded for a cell, with the flag that can fill it.
fn empty_cell(error: FieldError) -> FieldError {
    if error.code != "empty" {
        return error;
    }
    let field = error.field;
    let mut error = error.empty_in(&format!("the `{field}` cell"));
    if matches!(field, Field::Store | Field::Plan | Field::Email) {
        let flag = field.flag();
        error.message = format!(
            "{}; or give {flag} for every row that leaves it empty",
            error.message
        );
    }
    error
}

fn apply(
    input: &mut TicketInput,
    shots: &mut Vec<String>,
    field: Field,
    cell: &Cell,
) -> Result<(), FieldError> {
    if let Some(slot) = text_slot(input, field) {
        *slot = text(field, cell)?;
        return Ok(());
    }
    match field {
        Field::Tried => input.tried = list(field, cell)?,
        Field::Screenshot => *shots = list(field, cell)?,
        Field::Urgent => input.urgent = yes_no(field, cell)?,
        Field::Outage => input.outage = yes_no(field, cell)?,
        Field::AllowAccess => input.allow_access = yes_no(field, cell)?,
        Field::Tracking => unreachable!("the reader maps no column to `tracking`"),
        _ => unreachable!("text fields have a slot"),
    }
    Ok(())
}

fn text(field: Field, cell: &Cell) -> Result<Option<String>, FieldError> {
    match cell {
        Cell::Text(text) => Ok(Some(text.clone())),
        Cell::Json(Value::String(text)) => Ok(Some(text.clone())),
        // `"order": 1052` and `"pin": 1234` mean what they say.
        Cell::Json(Value::Number(number)) => Ok(Some(number.to_string())),
        Cell::Json(Value::Null) => Ok(None),
        Cell::Json(other) => Err(wrong_type(field, other, "text")),
    }
}

/// CSV: `a|b|c`; JSON Lines: an array of strings (a single string is one item).
fn list(field: Field, cell: &Cell) -> Result<Vec<String>, FieldError> {
    let items = match cell {
        Cell::Text(text) => text.split('|').map(str::to_string).collect(),
        Cell::Json(Value::String(text)) => vec![text.clone()],
        Cell::Json(Value::Null) => Vec::new(),
        Cell::Json(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(text) => Ok(text.clone()),
                other => Err(wrong_type(field, other, "an array of strings")),
            })
            .collect::<Result<_, _>>()?,
        Cell::Json(other) => return Err(wrong_type(field, other, "an array of strings")),
    };
    Ok(items
        .into_iter()
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect())
}

fn yes_no(field: Field, cell: &Cell) -> Result<bool, FieldError> {
    let word = match cell {
        Cell::Json(Value::Bool(value)) => return Ok(*value),
        Cell::Json(Value::Null) => return Ok(false),
        Cell::Json(Value::Number(number)) => number.to_string(),
        Cell::Json(Value::String(text)) | Cell::Text(text) => text.trim().to_ascii_lowercase(),
        Cell::Json(other) => return Err(wrong_type(field, other, "true or false")),
    };
    match word.as_str() {
        "" | "false" | "no" | "n" | "0" => Ok(false),
        "true" | "yes" | "y" | "1" | "x" => Ok(true),
        _ => Err(FieldError::new(
            field,
            word,
            "not_yes_no",
            "not a yes/no value; write true or false (yes/no and 1/0 work too), or leave it empty for no",
        )),
    }
}

fn wrong_type(field: Field, value: &Value, wanted: &str) -> FieldError {
    let got = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    let shown = value.to_string();
    FieldError::new(
        field,
        shown,
        "wrong_type",
        format!("{got} where {wanted} is expected"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::bulk::reader::Raw;
    use chrono::TimeZone;

    fn context() -> Context {
        Context {
            now: chrono::Utc
                .with_ymd_and_hms(2026, 11, 20, 14, 30, 0)
                .unwrap(),
            local: chrono_tz::UTC,
        }
    }

    fn row(cells: &[(Field, Cell)]) -> Row {
        Row {
            line: 7,
            content: Content::Cells {
                cells: cells.to_vec(),
                problems: Vec::new(),
            },
            raw: Raw::Line(Vec::new()),
        }
    }

    fn t(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }

    fn complete() -> Vec<(Field, Cell)> {
        vec![
            (Field::Store, t("cool-shop.myshopify.com")),
            (Field::Order, t("1052")),
            (Field::Phone, t("+20 100 123 4567")),
            (Field::Channel, t("WhatsApp")),
            (Field::At, t("2026-11-20T14:03:00Z")),
            (Field::Tried, t("resent the OTP | checked the number")),
            (Field::Email, t("owner@cool-shop.com")),
            (Field::Plan, t("advanced")),
            (Field::Urgent, t("")),
        ]
    }

    #[test]
    fn a_complete_row_is_a_ticket_with_steps_split_on_bars() {
        let ready = examine_row(
            &row(&complete()),
            &Defaults::default(),
            Path::new("."),
            false,
            &context(),
        )
        .unwrap();
        assert_eq!(ready.ticket.order.to_string(), "#1052");
        assert_eq!(
            ready.ticket.tried,
            vec!["resent the OTP", "checked the number"]
        );
        assert!(!ready.ticket.urgent);
    }

    #[test]
    fn defaults_fill_empty_cells_only() {
        let mut cells = complete();
        cells.retain(|(f, _)| *f != Field::Plan && *f != Field::Store);
        cells.push((Field::Store, t("  ")));
        let defaults = Defaults {
            store: Some("other.myshopify.com".into()),
            plan: Some("scale".into()),
            email: Some("ignored@example.com".into()),
            region: None,
        };
        let ready =
            examine_row(&row(&cells), &defaults, Path::new("."), false, &context()).unwrap();
        assert_eq!(
            ready.ticket.store.to_string(),
            "https://other.myshopify.com"
        );
        assert_eq!(ready.ticket.plan.name(), "scale");
        assert_eq!(ready.ticket.email.to_string(), "owner@cool-shop.com");
    }

    #[test]
    fn every_problem_of_a_row_is_named_with_its_line() {
        let cells = vec![
            (Field::Phone, t("+20 10")),
            (Field::At, t("now")),
            (Field::Outage, t("maybe")),
        ];
        let problems = examine_row(
            &row(&cells),
            &Defaults::default(),
            Path::new("."),
            false,
            &context(),
        )
        .unwrap_err();
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        let text = shown.join("\n");
        assert!(shown.iter().all(|p| p.starts_with("line 7, ")), "{text}");
        for field in [
            "phone", "at", "outage", "store", "order", "channel", "tried", "email", "plan",
        ] {
            assert!(
                shown
                    .iter()
                    .any(|p| p.starts_with(&format!("line 7, {field}"))),
                "{field} missing from:\n{text}"
            );
        }
        assert!(text.contains("--store for every row"), "{text}");
    }

    #[test]
    fn json_values_become_text_lists_and_flags() {
        let mut cells = complete();
        cells.retain(|(f, _)| ![Field::Order, Field::Tried, Field::Urgent].contains(f));
        cells.push((Field::Order, Cell::Json(serde_json::json!(1052))));
        cells.push((Field::Tried, Cell::Json(serde_json::json!(["a | b", "c"]))));
        cells.push((Field::AllowAccess, Cell::Json(serde_json::json!(true))));
        let ready = examine_row(
            &row(&cells),
            &Defaults::default(),
            Path::new("."),
            false,
            &context(),
        )
        .unwrap();
        assert_eq!(ready.ticket.order.to_string(), "#1052");
        assert_eq!(ready.ticket.tried, vec!["a | b", "c"]);
        assert!(ready.ticket.allow_access);

        cells.push((Field::Pin, Cell::Json(serde_json::json!({"x": 1}))));
        let problems = examine_row(
            &row(&cells),
            &Defaults::default(),
            Path::new("."),
            false,
            &context(),
        )
        .unwrap_err();
        assert_eq!(problems[0].code, "wrong_type");
    }

    #[test]
    fn screenshots_are_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("shots")).unwrap();
        std::fs::write(
            dir.path().join("shots/a.png"),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        )
        .unwrap();
        let mut cells = complete();
        cells.push((Field::Screenshot, t("shots/a.png")));
        let ready = examine_row(
            &row(&cells),
            &Defaults::default(),
            dir.path(),
            false,
            &context(),
        )
        .unwrap();
        assert_eq!(ready.screenshots[0].name, "a.png");
        let problems = examine_row(
            &row(&cells),
            &Defaults::default(),
            Path::new("/nowhere"),
            false,
            &context(),
        )
        .unwrap_err();
        assert_eq!(problems[0].field.as_deref(), Some("screenshot"));
    }

    #[cfg(unix)]
    #[test]
    fn paths_that_leave_the_folder_are_refused_also_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("bulk");
        std::fs::create_dir_all(base.join("shots")).unwrap();
        std::fs::write(dir.path().join("secret.png"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.png"), base.join("link.png")).unwrap();
        for inside in ["shots/a.png", "./shots/../b.png", "missing.png"] {
            assert!(refuse_outside(&base, inside).is_ok(), "{inside}");
        }
        for outside in [
            "../secret.png",
            "shots/../../secret.png",
            "/etc/passwd",
            "link.png",
        ] {
            let error = refuse_outside(&base, outside).unwrap_err();
            assert_eq!(error.code, "outside_folder", "{outside}");
        }
    }
}
