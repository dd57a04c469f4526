//! Shell completion scripts and man pages, generated from the clap definitions of both
//! binaries. The committed copies in `completions/` and `man/` are checked against these by
//! `tests/completions.rs` (which also runs the bash, zsh and fish scripts in the real shells).

use clap::CommandFactory;
use clap_complete::Shell;

use super::args::Cli;
use crate::desk_cli::args::DeskCli;

pub const BIN_NAME: &str = "cartsaver-support";
pub const DESK_BIN_NAME: &str = "cartsaver-desk";

/// Which binary a script or a page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    Support,
    Desk,
}

impl Binary {
    pub fn name(self) -> &'static str {
        match self {
            Binary::Support => BIN_NAME,
            Binary::Desk => DESK_BIN_NAME,
        }
    }

    fn command(self) -> clap::Command {
        match self {
            Binary::Support => Cli::command(),
            Binary::Desk => DeskCli::command(),
        }
    }
}

/// The completion script of `binary` for `shell`.
pub fn script_for(binary: Binary, shell: Shell) -> Vec<u8> {
    let mut command = binary.command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, binary.name(), &mut out);
    if shell == Shell::Bash {
        out = fix_bash_case_arms(&out, binary.name());
    }
    out
}

/// The completion script of `cartsaver-support` for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    script_for(Binary::Support, shell)
}

/// clap_complete (4.6.12 and earlier) names a hyphenated binary's subcommands one way where
/// it sets `cmd` (`cartsaver__support__subcmd__new`) and another in the `case` arms that
/// complete them (`cartsaver__subcmd__support__subcmd__new`), so no arm ever matched and bash
/// completed file names: <https://github.com/clap-rs/clap/issues/6421>. Rewrite the arms to the
/// name `cmd` is given. Remove once a clap_complete release fixes it (the completion tests
/// then still pass without it).
fn fix_bash_case_arms(script: &[u8], bin: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(script);
    let mut parts = bin.split('-');
    let Some(first) = parts.next() else {
        return script.to_vec();
    };
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        return script.to_vec();
    }
    let wrong = format!("{first}__subcmd__{}", rest.join("__subcmd__"));
    let right = format!("{first}__{}", rest.join("__"));
    text.replace(&wrong, &right).into_bytes()
}

/// The man pages of `binary`: one for the command and one for each subcommand
/// (`cartsaver-support-new.1`...), as `(file name, roff)`, in a stable order.
pub fn man_pages(binary: Binary) -> Vec<(String, Vec<u8>)> {
    fn collect(command: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
        let man = clap_mangen::Man::new(command.clone());
        let mut page = Vec::new();
        man.render(&mut page)
            .expect("rendering into memory does not fail");
        pages.push((man.get_filename(), page));
        for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            collect(sub.clone(), pages);
        }
    }
    let mut command = binary.command().disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    collect(command, &mut pages);
    pages
}

/// `man`: the main page on stdout, or every page written into `dir`.
pub fn write_man(binary: Binary, dir: Option<&std::path::Path>) -> Result<(), anyhow::Error> {
    use std::io::Write;
    let pages = man_pages(binary);
    let Some(dir) = dir else {
        std::io::stdout().write_all(&pages[0].1)?;
        return Ok(());
    };
    std::fs::create_dir_all(dir)
        .map_err(|error| anyhow::anyhow!("cannot create {}: {error}", dir.display()))?;
    for (name, page) in &pages {
        let path = dir.join(name);
        std::fs::write(&path, page)
            .map_err(|error| anyhow::anyhow!("cannot write {}: {error}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bash_case_arms_are_named_as_cmd_is() {
        let script = String::from_utf8(script(Shell::Bash)).unwrap();
        assert!(script.contains("cmd=\"cartsaver__support__subcmd__new\""));
        assert!(script.contains("cartsaver__support__subcmd__new)"));
        assert!(!script.contains("cartsaver__subcmd__support"), "{script}");
    }
}
