//! `cartsaver-desk attachments save TN [--to DIR]`: a ticket's attachments written out as files;
//! `attachments refused TN`: the ones an email brought that the §2 checks refused, with why.
//!
//! The names came from a merchant: each is reduced to a safe file name (no folders, no leading
//! dot, no control or bidi characters), numbered when two would clash, and a file that already
//! exists is never replaced.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::args::GlobalArgs;
use super::error::DeskCliError;
use super::open;
use super::tickets::parse_ticket;

pub fn save(global: &GlobalArgs, tracking: &str, to: Option<&Path>) -> Result<(), DeskCliError> {
    let tracking = parse_ticket(tracking)?;
    let files = open::desk(global)?.attachment_files(&tracking)?;
    if files.is_empty() {
        eprintln!("{tracking} has no attachments");
        return Ok(());
    }
    let dir = to.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let mut out = std::io::stdout().lock();
    for (index, (attachment, bytes)) in files.iter().enumerate() {
        let name = format!(
            "{}-{}",
            index + 1,
            safe_name(&attachment.name, &attachment.kind)
        );
        let path = dir.join(&name);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| {
                format!(
                    "cannot write {} (it may exist already; nothing is replaced): choose another folder with --to",
                    path.display()
                )
            })?;
        file.write_all(bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        writeln!(out, "{}", path.display()).context("cannot write to stdout")?;
    }
    eprintln!("saved {} attachment(s) of {tracking}", files.len());
    Ok(())
}

pub fn refused(global: &GlobalArgs, tracking: &str, json: bool) -> Result<(), DeskCliError> {
    let tracking = parse_ticket(tracking)?;
    let refused = open::desk(global)?.refused_attachments(&tracking)?;
    let mut out = std::io::stdout().lock();
    if json {
        for item in &refused {
            let line = serde_json::to_string(item).context("cannot write JSON")?;
            writeln!(out, "{line}").context("cannot write to stdout")?;
        }
        return Ok(());
    }
    if refused.is_empty() {
        eprintln!("{tracking} has no refused attachments");
        return Ok(());
    }
    for item in &refused {
        let name = crate::terminal::terminal_safe(&item.name);
        let reason = crate::terminal::terminal_safe(&item.reason);
        writeln!(out, "{}  {name} ({} bytes): {reason}", item.at, item.size)
            .context("cannot write to stdout")?;
    }
    Ok(())
}

/// A file name made of the merchant's name's safe characters, with the extension of the checked
/// type (`png`, `jpeg`, ...) so that what opens it is chosen by what it is.
fn safe_name(given: &str, kind: &str) -> String {
    let base = given.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let cleaned: String = stem
        .chars()
        // Bidi controls go (they would reorder the name as shown); other controls become `_`.
        .filter(|&c| c.is_control() || !crate::terminal::unsafe_for_terminal(c))
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('_');
    let stem = if cleaned.is_empty() {
        "attachment"
    } else {
        cleaned
    };
    format!("{stem}.{}", kind.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_folders_dots_and_controls_and_take_the_checked_type() {
        assert_eq!(safe_name("screen shot.png", "png"), "screen shot.png");
        assert_eq!(safe_name("../../etc/passwd", "pdf"), "passwd.pdf");
        assert_eq!(safe_name("C:\\x\\evil.exe", "png"), "evil.png");
        assert_eq!(safe_name(".hidden", "gif"), "attachment.gif");
        assert_eq!(safe_name("gpj\u{202e}.exe", "jpeg"), "gpj.jpeg");
        assert_eq!(safe_name("a\u{1b}[31mb.png", "png"), "a__31mb.png");
    }
}
