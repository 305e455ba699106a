//! Files made from the command-line definition for packaging: the manual page and the shell
//! completions for bash, zsh and fish (`unknot --generate man|complete-bash|complete-zsh|
//! complete-fish`, a hidden option, prints one of them on stdout).
//!
//! Everything here is derived from the [`clap::Command`] it is given, so the command line in
//! [`crate::cli`] stays the single source: a new subcommand or option appears in `unknot
//! --help`, the manual page and the completions alike. The manual page is one page,
//! `unknot(1)`: clap's own sections for the program, then a `COMMANDS` section with each
//! subcommand's synopsis, description and options (rather than clap's default of pointing at
//! a separate `unknot-list(1)` page per subcommand, which would not exist).

use std::io::{self, Write};

use anyhow::Context as _;
use clap::ValueEnum;
use clap_complete::Shell;

/// What `unknot --generate` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Generated {
    /// The manual page `unknot.1`, in roff (install gzipped in `man1`).
    Man,
    /// The bash completion script (`/usr/share/bash-completion/completions/unknot`).
    CompleteBash,
    /// The zsh completion function (`_unknot`, in a directory on `$fpath`).
    CompleteZsh,
    /// The fish completions (`/usr/share/fish/vendor_completions.d/unknot.fish`).
    CompleteFish,
}

/// Writes `what`, made from the command line `cmd`, to stdout; a closed pipe ends it quietly.
pub fn print(what: Generated, cmd: clap::Command) -> anyhow::Result<()> {
    let bytes = generate(what, cmd).context("could not make the generated file")?;
    let mut out = io::stdout().lock();
    match out.write_all(&bytes).and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(error).context("could not write to standard output"))
        }
        _ => Ok(()),
    }
}

/// The bytes of `what`, made from the command line `cmd`.
pub fn generate(what: Generated, mut cmd: clap::Command) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let shell = match what {
        Generated::Man => {
            manual_page(cmd, &mut bytes)?;
            return Ok(bytes);
        }
        Generated::CompleteBash => Shell::Bash,
        Generated::CompleteZsh => Shell::Zsh,
        Generated::CompleteFish => Shell::Fish,
    };
    let name = cmd.get_name().to_owned();
    clap_complete::generate(shell, &mut cmd, name, &mut bytes);
    Ok(bytes)
}

/// The whole manual page: clap's title, name, synopsis, description and options for the
/// program, then every visible subcommand under `COMMANDS`, then the version.
fn manual_page(cmd: clap::Command, out: &mut dyn Write) -> io::Result<()> {
    let name = cmd.get_name().to_owned();
    // The subcommands as written (before `build` adds `help`), each named as it is typed.
    let subcommands: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| {
            let typed = format!("{name} {}", sub.get_name());
            sub.clone().bin_name(typed)
        })
        .collect();
    let man = clap_mangen::Man::new(cmd);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in subcommands {
        let typed = sub.get_bin_name().unwrap_or_default().to_owned();
        writeln!(out, ".SS \"{}\"", typed.replace('"', ""))?;
        let sub_man = clap_mangen::Man::new(sub);
        // Each part comes with its own `.SH` heading; here they sit under the `.SS` above.
        for part in [
            render(|w| sub_man.render_synopsis_section(w))?,
            render(|w| sub_man.render_description_section(w))?,
            render(|w| sub_man.render_options_section(w))?,
        ] {
            for line in part.lines().filter(|line| !line.starts_with(".SH ")) {
                writeln!(out, "{line}")?;
            }
        }
    }
    man.render_version_section(out)
}

/// What a `clap_mangen` section writer writes, as text.
fn render(section: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<String> {
    let mut bytes = Vec::new();
    section(&mut bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}
