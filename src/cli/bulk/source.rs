//! The input of a bulk run: a file, or stdin spooled to a temp file (validation and sending read
//! it twice, so memory stays flat however long it is); its format; the folder that screenshot
//! paths are relative to; and where rejects go by default.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::cli::args::BulkFormat;
use crate::cli::error::CliError;

pub struct Source {
    /// The file to read: the input itself, or the spool of stdin.
    path: PathBuf,
    /// How messages name the input: its path, or `stdin`.
    pub shown: String,
    pub format: BulkFormat,
    /// The folder screenshot paths are relative to: the file's, or the current one for stdin.
    pub base: PathBuf,
    /// Whether screenshot paths may leave `base` (`bulk --allow-outside-paths`).
    pub allow_outside_paths: bool,
    /// The input path as given (`-` for stdin).
    given: PathBuf,
    /// Kept so the spool lives as long as the run, and is deleted after it.
    _spool: Option<NamedTempFile>,
}

impl Source {
    /// Open `file` (`-` spools stdin), and settle its format: `--format`, else the extension
    /// (`.csv`; `.jsonl`, `.ndjson`), else the content (a first `{` means JSON Lines).
    pub fn open(file: &Path, format: Option<BulkFormat>) -> Result<Source, CliError> {
        let (path, shown, base, spool) = if file == Path::new("-") {
            let spool = spool_stdin()?;
            let path = spool.path().to_path_buf();
            (path, "stdin".to_string(), PathBuf::from("."), Some(spool))
        } else {
            let shown = file.display().to_string();
            let metadata = std::fs::metadata(file).map_err(|error| {
                CliError::Usage(format!(
                    "cannot read the bulk file `{shown}`: {error}; check the path (or give `-` to read stdin)"
                ))
            })?;
            if metadata.is_dir() {
                return Err(CliError::Usage(format!(
                    "`{shown}` is a folder; give the CSV or JSON Lines file inside it"
                )));
            }
            let base = match file.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            };
            (file.to_path_buf(), shown, base, None)
        };
        let format = match format.or_else(|| by_extension(file)) {
            Some(format) => format,
            None => by_content(&path)?,
        };
        Ok(Source {
            path,
            shown,
            format,
            base,
            allow_outside_paths: false,
            given: file.to_path_buf(),
            _spool: spool,
        })
    }

    /// A fresh reader from the start of the input.
    pub fn reader(&self) -> Result<File, CliError> {
        File::open(&self.path).map_err(|error| {
            CliError::Failed(anyhow::anyhow!(
                "cannot read `{}` again: {error}",
                self.shown
            ))
        })
    }

    /// `orders.csv` → `orders.rejects.csv` beside it; stdin → `bulk.rejects.csv` here.
    pub fn default_rejects(&self) -> PathBuf {
        let extension = match self.format {
            BulkFormat::Csv => "csv",
            BulkFormat::Jsonl => "jsonl",
        };
        if self._spool.is_some() {
            return PathBuf::from(format!("bulk.rejects.{extension}"));
        }
        let stem = self
            .given
            .file_stem()
            .map(|stem| stem.to_string_lossy().to_string())
            .unwrap_or_else(|| "bulk".into());
        self.base.join(format!("{stem}.rejects.{extension}"))
    }

    /// Whether `other` names the input file itself (so it must not be overwritten).
    pub fn is_same_file(&self, other: &Path) -> bool {
        match (
            std::fs::canonicalize(&self.path),
            std::fs::canonicalize(other),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

fn spool_stdin() -> Result<NamedTempFile, CliError> {
    let failed = |error: std::io::Error| {
        CliError::Failed(anyhow::anyhow!(
            "cannot copy stdin to a temporary file (bulk reads its input twice: once to validate, once to send): {error}; \
             check that the temp folder ({}) is writable, or give a file instead of `-`",
            std::env::temp_dir().display()
        ))
    };
    let mut spool = NamedTempFile::new().map_err(failed)?;
    std::io::copy(&mut std::io::stdin().lock(), spool.as_file_mut()).map_err(failed)?;
    Ok(spool)
}

fn by_extension(path: &Path) -> Option<BulkFormat> {
    let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match extension.as_str() {
        "csv" => Some(BulkFormat::Csv),
        "jsonl" | "ndjson" => Some(BulkFormat::Jsonl),
        _ => None,
    }
}

/// JSON Lines rows are objects: a first non-blank character `{` (after any BOM) means JSON
/// Lines; anything else is read as CSV, whose header then says what is wrong if it is not.
fn by_content(path: &Path) -> Result<BulkFormat, CliError> {
    let file = File::open(path)
        .map_err(|error| CliError::Usage(format!("cannot read `{}`: {error}", path.display())))?;
    let mut head = Vec::new();
    BufReader::new(file)
        .take(4096)
        .read_until(b'{', &mut head)
        .map_err(|error| CliError::Usage(format!("cannot read `{}`: {error}", path.display())))?;
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
    let first = head.iter().find(|byte| !byte.is_ascii_whitespace());
    Ok(if first == Some(&b'{') {
        BulkFormat::Jsonl
    } else {
        BulkFormat::Csv
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension_then_content() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("rows.CSV");
        std::fs::write(&csv, "{\"looks\": \"like json\"}\n").unwrap();
        assert_eq!(Source::open(&csv, None).unwrap().format, BulkFormat::Csv);
        let unnamed = dir.path().join("rows.txt");
        std::fs::write(&unnamed, "\u{feff}\n  {\"store\": \"x\"}\n").unwrap();
        assert_eq!(
            Source::open(&unnamed, None).unwrap().format,
            BulkFormat::Jsonl
        );
        std::fs::write(&unnamed, "store,order\n").unwrap();
        assert_eq!(
            Source::open(&unnamed, None).unwrap().format,
            BulkFormat::Csv
        );
        assert_eq!(
            Source::open(&unnamed, Some(BulkFormat::Jsonl))
                .unwrap()
                .format,
            BulkFormat::Jsonl
        );
    }

    #[test]
    fn rejects_go_beside_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("orders.csv");
        std::fs::write(&input, "store\n").unwrap();
        let source = Source::open(&input, None).unwrap();
        assert_eq!(
            source.default_rejects(),
            dir.path().join("orders.rejects.csv")
        );
        assert!(source.is_same_file(&input));
    }

    #[test]
    fn a_missing_file_is_a_usage_error_naming_it() {
        let error = Source::open(Path::new("/nonexistent/rows.csv"), None)
            .err()
            .unwrap();
        assert!(matches!(&error, CliError::Usage(m) if m.contains("/nonexistent/rows.csv")));
    }
}
