//! Reading a bulk file row by row, with the line each row starts on (the header is line 1):
//! CSV through the `csv` crate (BOM, CRLF or LF, quoted multi-line cells) and JSON Lines.
//!
//! The one place where columns and keys map to fields (`domain::Field::from_name`, so names are
//! case-insensitive and `allow-access` works too). Nothing is kept beyond the current row, and a
//! row over [`MAX_ROW_BYTES`] (an unclosed quote swallowing the rest of the file, usually) stops
//! the read instead of growing memory.

use std::cell::Cell as Counter;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;

use csv::ByteRecord;
use serde_json::Value;

use super::problem::Problem;
use super::source::Source;
use crate::cli::args::BulkFormat;
use crate::cli::error::CliError;
use crate::domain::Field;

/// The longest row read; far above any valid ticket (details are at most 10,000 characters).
pub const MAX_ROW_BYTES: u64 = 1024 * 1024;

/// A cell as the file gives it: CSV text, or a JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Json(Value),
}

#[derive(Debug)]
pub enum Content {
    /// The cells by field, and problems with single cells (an unknown key, text not UTF-8).
    Cells {
        cells: Vec<(Field, Cell)>,
        problems: Vec<Problem>,
    },
    /// The row cannot be read as a whole: not JSON, a wrong number of cells.
    Broken(Problem),
}

/// One row, and its text as read (for the rejects file).
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    pub content: Content,
    pub raw: Raw,
}

#[derive(Debug)]
pub enum Raw {
    Csv(ByteRecord),
    Line(Vec<u8>),
}

/// The columns a bulk file may have: the §2 fields (not `tracking`, which is no ticket field).
pub fn column_field(name: &str) -> Option<Field> {
    Field::from_name(name).filter(|field| *field != Field::Tracking)
}

pub fn known_columns() -> String {
    Field::ALL
        .into_iter()
        .filter(|field| *field != Field::Tracking)
        .map(Field::name)
        .collect::<Vec<_>>()
        .join(", ")
}

pub enum Rows {
    Csv(CsvRows),
    Jsonl(JsonlRows),
}

impl Rows {
    /// Start reading `source` from the top; for CSV, read and check the header.
    pub fn open(source: &Source) -> Result<Rows, CliError> {
        let budget = Rc::new(Counter::new(0));
        let capped = Capped {
            inner: source.reader()?,
            budget: budget.clone(),
            held_cr: false,
            last: None,
        };
        let reading = Reading {
            shown: source.shown.clone(),
            budget,
            last_line: 0,
        };
        Ok(match source.format {
            BulkFormat::Csv => Rows::Csv(CsvRows::open(capped, reading)?),
            BulkFormat::Jsonl => Rows::Jsonl(JsonlRows {
                reader: BufReader::new(capped),
                reading,
                buffer: Vec::new(),
            }),
        })
    }

    /// The CSV header as read, for the rejects file.
    pub fn header(&self) -> Option<&ByteRecord> {
        match self {
            Rows::Csv(rows) => Some(&rows.header),
            Rows::Jsonl(_) => None,
        }
    }
}

impl Iterator for Rows {
    type Item = Result<Row, CliError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Rows::Csv(rows) => rows.next_row(),
            Rows::Jsonl(rows) => rows.next_row(),
        }
    }
}

/// What both readers share: the input's name, the byte budget of the current row, and the last
/// line read (for errors that stop the read).
struct Reading {
    shown: String,
    budget: Rc<Counter<u64>>,
    last_line: u64,
}

impl Reading {
    fn row_done(&mut self, line: u64) {
        self.last_line = line;
        self.budget.set(0);
    }

    /// A read that failed: over-long rows are invalid input (exit 2), the rest I/O failures.
    fn failed(&self, error: impl std::fmt::Display) -> CliError {
        if self.budget.get() == OVER_BUDGET {
            return CliError::Usage(format!(
                "{}: the row after line {} is longer than {} MiB, probably a quote that is never \
                 closed; check the quotes of the row that starts on line {}",
                self.shown,
                self.last_line,
                MAX_ROW_BYTES / (1024 * 1024),
                self.last_line + 1
            ));
        }
        CliError::Failed(anyhow::anyhow!(
            "cannot read {} after line {}: {error}",
            self.shown,
            self.last_line
        ))
    }
}

pub struct CsvRows {
    reader: csv::Reader<Capped>,
    columns: Vec<Field>,
    header: ByteRecord,
    reading: Reading,
}

impl CsvRows {
    fn open(capped: Capped, mut reading: Reading) -> Result<CsvRows, CliError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(capped);
        let header = reader
            .byte_headers()
            .map_err(|error| reading.failed(error))?
            .clone();
        let columns = header_fields(&header, &reading.shown)?;
        let header_end = reader.position().line().saturating_sub(1).max(1);
        reading.row_done(header_end);
        Ok(CsvRows {
            reader,
            columns,
            header,
            reading,
        })
    }

    fn next_row(&mut self) -> Option<Result<Row, CliError>> {
        loop {
            let mut record = ByteRecord::new();
            match self.reader.read_byte_record(&mut record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(error) => return Some(Err(self.reading.failed(error))),
            }
            let line = self.start_line(&record);
            self.reading.row_done(line);
            // Spreadsheets leave rows of empty cells at the end; they are not tickets.
            if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
                continue;
            }
            let content = self.cells(line, &record);
            return Some(Ok(Row {
                line,
                content,
                raw: Raw::Csv(record),
            }));
        }
    }

    /// The line the record starts on. The csv crate's record position is taken before blank
    /// lines are skipped, so count back from where the record ended instead: the line after it,
    /// less the line breaks inside its cells and its own (every row ends with one, see `Capped`).
    fn start_line(&self, record: &ByteRecord) -> u64 {
        let after = self.reader.position().line();
        let inside = record
            .iter()
            .map(|cell| cell.iter().filter(|&&byte| byte == b'\n').count() as u64)
            .sum::<u64>();
        after.saturating_sub(inside + 1).max(1)
    }

    fn cells(&self, line: u64, record: &ByteRecord) -> Content {
        if record.len() != self.columns.len() {
            return Content::Broken(Problem::of_row(
                line,
                "cell_count",
                format!(
                    "{} cells where the header has {} columns; quote cells that contain commas \
                     (\"a, b\"), and give every column, even empty",
                    record.len(),
                    self.columns.len()
                ),
            ));
        }
        let mut cells = Vec::with_capacity(record.len());
        let mut problems = Vec::new();
        for (field, bytes) in self.columns.iter().zip(record.iter()) {
            match std::str::from_utf8(bytes) {
                Ok(text) => cells.push((*field, Cell::Text(text.to_string()))),
                Err(_) => problems.push(Problem::of_column(
                    line,
                    field.name(),
                    "not_utf8",
                    "the cell is not UTF-8 text; save the file as CSV UTF-8".into(),
                )),
            }
        }
        Content::Cells { cells, problems }
    }
}

/// The header's fields, or an error naming every unknown or repeated column and the known ones.
fn header_fields(header: &ByteRecord, shown: &str) -> Result<Vec<Field>, CliError> {
    if header.is_empty() {
        return Err(CliError::Usage(format!(
            "{shown} is empty; the first line must be a header naming the columns: {}",
            known_columns()
        )));
    }
    let mut fields = Vec::new();
    let mut problems = Vec::new();
    for bytes in header.iter() {
        let name = String::from_utf8_lossy(bytes);
        let name = name.trim_start_matches('\u{feff}').trim();
        match column_field(name) {
            Some(field) if fields.contains(&field) => {
                problems.push(format!("column `{name}` is given twice"))
            }
            Some(field) => fields.push(field),
            None if name.is_empty() => problems.push(format!(
                "column {} has no name",
                fields.len() + problems.len() + 1
            )),
            None => problems.push(format!("unknown column `{name}`")),
        }
    }
    if problems.is_empty() {
        return Ok(fields);
    }
    Err(CliError::Usage(format!(
        "{shown} line 1: {}; the first line must be a header, and the known columns are (in any \
         case, any order): {}",
        problems.join(", "),
        known_columns()
    )))
}

pub struct JsonlRows {
    reader: BufReader<Capped>,
    reading: Reading,
    buffer: Vec<u8>,
}

impl JsonlRows {
    fn next_row(&mut self) -> Option<Result<Row, CliError>> {
        loop {
            self.buffer.clear();
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(error) => return Some(Err(self.reading.failed(error))),
            }
            let line = self.reading.last_line + 1;
            self.reading.row_done(line);
            let mut text: &[u8] = &self.buffer;
            if line == 1 {
                text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
            }
            let text = text.trim_ascii();
            if text.is_empty() {
                continue;
            }
            let content = json_cells(line, text);
            return Some(Ok(Row {
                line,
                content,
                raw: Raw::Line(text.to_vec()),
            }));
        }
    }
}

fn json_cells(line: u64, text: &[u8]) -> Content {
    let object = match serde_json::from_slice::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => {
            return Content::Broken(Problem::of_row(
                line,
                "not_an_object",
                "not a JSON object; each line must be one object, like {\"store\": \"cool-shop.myshopify.com\", \"order\": \"1052\", ...}".into(),
            ));
        }
        Err(error) => {
            return Content::Broken(Problem::of_row(
                line,
                "bad_json",
                format!("not valid JSON ({error}); each line must be one complete JSON object"),
            ));
        }
    };
    let mut cells: Vec<(Field, Cell)> = Vec::with_capacity(object.len());
    let mut problems = Vec::new();
    for (key, value) in object {
        match column_field(&key) {
            Some(field) if cells.iter().any(|(f, _)| *f == field) => {
                problems.push(Problem::of_column(
                    line,
                    &key,
                    "repeated",
                    format!("`{field}` is given twice (names are case-insensitive); keep one"),
                ))
            }
            Some(field) => cells.push((field, Cell::Json(value))),
            None => problems.push(Problem::of_column(
                line,
                &key,
                "unknown_key",
                format!("unknown key; the known keys are: {}", known_columns()),
            )),
        }
    }
    Content::Cells { cells, problems }
}

/// Sentinel in the budget: the current row went over [`MAX_ROW_BYTES`].
const OVER_BUDGET: u64 = u64::MAX;

/// The input as the readers see it: CRLF turned into LF and a last line break added if missing
/// (so that every row ends with one `\n`, which makes line numbers simple to count), and the bytes read since the last row ended counted;
/// past the limit, reads fail. The count includes the reader's look-ahead (a buffer), so the
/// bound is the limit plus that.
struct Capped {
    inner: File,
    budget: Rc<Counter<u64>>,
    /// A `\r` that ended the last chunk: dropped if the next byte is `\n`.
    held_cr: bool,
    /// The last byte handed out: at the end of the input, a `\n` is added unless it was one.
    last: Option<u8>,
}

impl Read for Capped {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.len() < 2 {
            // Too small to hold back a `\r` in; the readers never ask for so little.
            return self.inner.read(buf);
        }
        loop {
            let mut len = 0;
            if self.held_cr {
                buf[0] = b'\r';
                len = 1;
                self.held_cr = false;
            }
            let read = self.inner.read(&mut buf[len..])?;
            let end = read == 0;
            len += read;
            let used = self.budget.get().saturating_add(read as u64);
            if used > MAX_ROW_BYTES {
                self.budget.set(OVER_BUDGET);
                return Err(std::io::Error::other("row too long"));
            }
            self.budget.set(used);
            let mut kept = 0;
            for i in 0..len {
                let byte = buf[i];
                if byte == b'\r' {
                    if i + 1 < len && buf[i + 1] == b'\n' {
                        continue;
                    }
                    if i + 1 == len && !end {
                        self.held_cr = true;
                        continue;
                    }
                }
                buf[kept] = byte;
                kept += 1;
            }
            if kept > 0 {
                self.last = Some(buf[kept - 1]);
                return Ok(kept);
            }
            // Zero means the end of the input: only say so at the end, after a last line break.
            if end {
                if self.last.is_some_and(|byte| byte != b'\n') {
                    buf[0] = b'\n';
                    self.last = Some(b'\n');
                    return Ok(1);
                }
                return Ok(0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(name: &str, text: &[u8]) -> (tempfile::TempDir, Source) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let source = Source::open(&path, None).unwrap();
        (dir, source)
    }

    fn lines_and_cells(source: &Source) -> Vec<(u64, Vec<(Field, Cell)>)> {
        Rows::open(source)
            .unwrap()
            .map(|row| {
                let row = row.unwrap();
                match row.content {
                    Content::Cells { cells, problems } => {
                        assert!(problems.is_empty(), "{problems:?}");
                        (row.line, cells)
                    }
                    Content::Broken(problem) => panic!("{problem}"),
                }
            })
            .collect()
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn csv_with_bom_crlf_and_a_multi_line_cell_keeps_start_lines() {
        let (_dir, source) = rows_of(
            "rows.csv",
            b"\xef\xbb\xbfOrder,DETAILS\r\n1052,plain\r\n1053,\"two\r\nlines\"\r\n1054,last\r\n",
        );
        let rows = lines_and_cells(&source);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            (
                2,
                vec![
                    (Field::Order, text("1052")),
                    (Field::Details, text("plain"))
                ]
            )
        );
        assert_eq!(rows[1].0, 3);
        // Line ends are LF once read, inside cells too.
        assert_eq!(rows[1].1[1], (Field::Details, text("two\nlines")));
        assert_eq!(rows[2].0, 5);
    }

    #[test]
    fn the_last_row_without_a_line_break_keeps_its_line() {
        let (_dir, source) = rows_of(
            "rows.csv",
            b"order,plan\r\n\r\n1052,free\r\n\n1053,\"free\"",
        );
        let lines: Vec<u64> = lines_and_cells(&source).iter().map(|r| r.0).collect();
        assert_eq!(lines, vec![3, 5]);
    }

    #[test]
    fn blank_rows_are_skipped_and_lines_still_count() {
        let (_dir, source) = rows_of("rows.csv", b"order,plan\n\n1052,free\n,\n1053,free\n");
        let lines: Vec<u64> = lines_and_cells(&source).iter().map(|r| r.0).collect();
        assert_eq!(lines, vec![3, 5]);
    }

    #[test]
    fn unknown_and_repeated_columns_are_named_with_the_known_ones() {
        let (_dir, source) = rows_of("rows.csv", b"store,Phone,colour,PHONE\n");
        let Err(CliError::Usage(message)) = Rows::open(&source) else {
            panic!("expected a usage error")
        };
        assert!(message.contains("unknown column `colour`"), "{message}");
        assert!(message.contains("`PHONE` is given twice"), "{message}");
        assert!(message.contains("allow_access"), "{message}");
        assert!(!message.contains("tracking"), "{message}");
    }

    #[test]
    fn a_short_row_is_broken_not_fatal() {
        let (_dir, source) = rows_of("rows.csv", b"order,plan\n1052\n1053,free\n");
        let rows: Vec<Row> = Rows::open(&source).unwrap().map(Result::unwrap).collect();
        assert!(matches!(&rows[0].content, Content::Broken(p) if p.line == 2));
        assert!(matches!(&rows[1].content, Content::Cells { .. }));
    }

    #[test]
    fn an_unclosed_quote_stops_the_read_naming_the_line() {
        let mut text = b"order,details\n1052,ok\n1053,\"never closed\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', 2 * MAX_ROW_BYTES as usize));
        let (_dir, source) = rows_of("rows.csv", &text);
        let results: Vec<_> = Rows::open(&source).unwrap().collect();
        assert!(results[0].is_ok());
        let Err(CliError::Usage(message)) = &results[1] else {
            panic!("expected a usage error")
        };
        assert!(message.contains("starts on line 3"), "{message}");
    }

    #[test]
    fn json_lines_map_keys_case_insensitively_and_name_unknown_keys() {
        let (_dir, source) = rows_of(
            "rows.jsonl",
            b"\xef\xbb\xbf{\"Order\": 1052, \"tried\": [\"a\", \"b\"]}\r\n\n{\"colour\": 1}\nnot json\n[1]\n",
        );
        let rows: Vec<Row> = Rows::open(&source).unwrap().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        match &rows[0].content {
            Content::Cells { cells, problems } => {
                assert!(problems.is_empty());
                assert_eq!(
                    cells[0],
                    (Field::Order, Cell::Json(serde_json::json!(1052)))
                );
            }
            other => panic!("{other:?}"),
        }
        match &rows[1].content {
            Content::Cells { problems, .. } => {
                assert_eq!(problems[0].line, 3);
                assert_eq!(problems[0].field.as_deref(), Some("colour"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&rows[2].content, Content::Broken(p) if p.line == 4));
        assert!(matches!(&rows[3].content, Content::Broken(p) if p.code == "not_an_object"));
    }
}
