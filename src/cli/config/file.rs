//! Reading and writing the config file. Written atomically (a temp file beside it, then a
//! rename) with mode 0600, because it may hold the store token; read with a warning on stderr
//! when group or others can read it, as ssh does for a private key. A run reads it once (see
//! `cli::settings`), so the warning comes once.

use std::path::{Path, PathBuf};

use crate::cli::error::CliError;
use crate::cli::private_file;

use super::Config;

pub const FILE_NAME: &str = "config.toml";

/// `config.toml` in the platform config dir; `None` when there is no home to find it in.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cartsaver")
        .map(|dirs| dirs.config_dir().join(FILE_NAME))
}

/// The file's contents, unvalidated; `None` when the file does not exist and was not named
/// explicitly (`--config PATH` must exist).
pub fn load_raw(path: &Path, explicit: bool) -> Result<Option<Config>, CliError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !explicit => return Ok(None),
        Err(error) => {
            return Err(CliError::Usage(format!(
                "cannot read the config file {}: {error}; check --config, or create it with `cartsaver-support config init`",
                path.display()
            )));
        }
    };
    warn_if_readable_by_others(path);
    toml::from_str(&text).map(Some).map_err(|error| {
        let why = parse_error(&text, &error);
        let keys = if why.contains("expected one of") {
            String::new()
        } else {
            format!(
                "; the keys are {}, each as KEY = \"VALUE\"",
                super::known_keys()
            )
        };
        CliError::Usage(format!(
            "the config file {} is not valid: {why}{keys}; fix that line in an editor",
            path.display(),
        ))
    })
}

/// `line N: what went wrong`, from toml's message and span. Never toml's `Display`: it quotes
/// the offending line, which may be the token's. A message that repeats a value (`invalid type:
/// integer `123``) has the token's text, if any, cut out as well.
fn parse_error(text: &str, error: &toml::de::Error) -> String {
    let mut message = error.message().trim().replace('\n', "; ");
    if let Some(token) = raw_token(text) {
        message = message.replace(token, "(the token, hidden)");
    }
    match error.span() {
        Some(span) => {
            let start = span.start.min(text.len());
            let line = text.as_bytes()[..start]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count()
                + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

/// The text after `token =` in the file, quotes and all, however broken the rest is.
fn raw_token(text: &str) -> Option<&str> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (key == "token" && !value.is_empty()).then_some(value)
    })
}

/// Write the whole file: a temp file with mode 0600 in the same folder, synced, then renamed
/// over the old one, so a crash leaves the old file or the new one, never half of either.
pub fn save(path: &Path, config: &Config) -> Result<(), CliError> {
    let text = toml::to_string(config).map_err(anyhow::Error::from)?;
    let failed = |what: &str, error: std::io::Error| {
        CliError::Failed(anyhow::anyhow!(
            "cannot {what} the config file {}: {error}",
            path.display()
        ))
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    private_file::create_dir(&dir).map_err(|error| failed("create the folder of", error))?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map(|name| name.to_string_lossy().to_string())
            .unwrap_or_else(|| FILE_NAME.into()),
        std::process::id()
    ));
    let written =
        private_file::write(&temp, text.as_bytes()).and_then(|()| std::fs::rename(&temp, path));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(failed("write", error));
    }
    Ok(())
}

#[cfg(unix)]
fn warn_if_readable_by_others(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o044 == 0 {
        return;
    }
    // Read before any command runs, so before a printer exists: plain text on stderr, the
    // path made terminal-safe like everything the printer writes.
    let path = crate::cli::printer::terminal_safe(&path.display().to_string()).into_owned();
    eprintln!(
        "warning: the config file {path} is readable by other users (mode {mode:04o}) and may hold your store token; run `chmod 600 {path}`"
    );
}

#[cfg(not(unix))]
fn warn_if_readable_by_others(_path: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        let error = toml::from_str::<Config>(text).unwrap_err();
        parse_error(text, &error)
    }

    #[test]
    fn parse_errors_name_the_line_and_never_quote_the_token() {
        let secret = "cst_SUPERSECRET123456";
        for text in [
            format!("plan = \"free\"\ntoken = {secret}\n"),
            format!("token = \"{secret}\"\nplna = \"free\"\n"),
            format!("token = \"{secret}\"\nregion = EG\n"),
            "store = \"x\"\ntoken = 123456789012\n".to_string(),
        ] {
            let message = error_of(&text);
            assert!(message.starts_with("line 2: "), "{message}");
            assert!(!message.contains(secret), "{message}");
            assert!(!message.contains("123456789012"), "{message}");
        }
        assert!(error_of("plna = \"free\"\n").contains("unknown field `plna`"));
    }
}
