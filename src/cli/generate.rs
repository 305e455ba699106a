//! Files made from the command-line definition for packaging: the manual page and the shell
//! completions for bash, zsh and fish. `unknot --generate man|complete-bash|complete-zsh|
//! complete-fish` prints one of them on stdout.
//!
//! Everything here is derived from [`Cli`]'s [`clap::Command`], so the command line in
//! [`crate::cli`] stays the single source: a new subcommand or option appears in `unknot
//! --help`, the manual page and the completions alike. The `--generate` option itself is not
//! part of [`Cli`]: [`parse`] adds it, hidden, to the command the binary parses, so it shows in
//! none of the generated files. The manual page is one page, `unknot(1)`: clap's own sections
//! for the program, then a `COMMANDS` section with each subcommand's synopsis, description and
//! options (rather than clap's default of pointing at a separate `unknot-list(1)` page per
//! subcommand, which would not exist).

use std::io::{self, Write};

use anyhow::Context as _;
use clap::{CommandFactory as _, FromArgMatches as _, ValueEnum};
use clap_complete::Shell;

use crate::cli::Cli;

/// The id (and long name) of the hidden option.
const GENERATE: &str = "generate";

/// What the binary was asked to do.
#[derive(Debug)]
pub enum Invocation {
    /// Run the command line as [`crate::cli::run`] does.
    Run(Cli),
    /// Print a generated file (`unknot --generate WHAT`).
    Generate(Generated),
}

/// Parses the process's arguments as [`Cli`], plus the hidden `--generate WHAT`, which takes
/// no subcommand. Like `Cli::parse`, clap prints help, the version or a usage error itself and
/// exits (0, or 2 for a usage error).
#[must_use]
pub fn parse() -> Invocation {
    let mut cmd = command();
    let matches = cmd.get_matches_mut();
    if let Some(what) = matches.get_one::<Generated>(GENERATE) {
        if let Some((name, _)) = matches.subcommand() {
            let message = format!("the subcommand '{name}' cannot be used with '--generate'");
            cmd.error(clap::error::ErrorKind::ArgumentConflict, message)
                .exit();
        }
        return Invocation::Generate(*what);
    }
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => Invocation::Run(cli),
        Err(error) => error.format(&mut cmd).exit(),
    }
}

/// The command the binary parses: [`Cli`]'s, with the hidden `--generate WHAT` added.
fn command() -> clap::Command {
    Cli::command().arg(
        clap::Arg::new(GENERATE)
            .long(GENERATE)
            .value_name("WHAT")
            .help("Print the manual page or a shell completion script (for packaging)")
            .value_parser(clap::value_parser!(Generated))
            .hide(true),
    )
}

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

/// Writes `what`, made from [`Cli`], to stdout; a closed pipe ends it quietly.
pub fn print(what: Generated) -> anyhow::Result<()> {
    let bytes = generate(what, Cli::command()).context("could not make the generated file")?;
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
        // Each part comes with its own `.SH` heading (here they sit under the `.SS` above) and
        // repeats the page's definition of the apostrophe string `Aq`, made once at the top.
        let parts = [
            render(|w| sub_man.render_synopsis_section(w))?,
            render(|w| sub_man.render_description_section(w))?,
            render(|w| sub_man.render_options_section(w))?,
        ];
        for (index, part) in parts.iter().enumerate() {
            if index > 0 {
                writeln!(out, ".PP")?;
            }
            for line in part.lines().filter(|line| !is_section_preamble(line)) {
                writeln!(out, "{line}")?;
            }
        }
    }
    man.render_version_section(out)
}

/// A line `clap_mangen` puts at the start of each section it renders: the `.SH` heading or the
/// definition of the `Aq` string.
fn is_section_preamble(line: &str) -> bool {
    line.starts_with(".SH ") || line.starts_with(".ie \\n(.g .ds Aq") || line == ".el .ds Aq '"
}

/// What a `clap_mangen` section writer writes, as text.
fn render(section: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<String> {
    let mut bytes = Vec::new();
    section(&mut bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parsed_command_line_is_well_formed_and_hides_generate() {
        command().debug_assert();
        let help = command().render_long_help().to_string();
        assert!(!help.contains("--generate"), "{help}");
        let matches = command()
            .try_get_matches_from(["unknot", "--generate", "complete-zsh"])
            .expect("parses");
        assert_eq!(
            matches.get_one::<Generated>(GENERATE),
            Some(&Generated::CompleteZsh)
        );
    }

    #[test]
    fn the_generated_files_name_every_subcommand_and_no_hidden_option() {
        for what in Generated::value_variants() {
            let bytes = generate(*what, Cli::command()).expect("generated");
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(
                !text.contains("--generate") && !text.contains("\\-\\-generate"),
                "{what:?}"
            );
            // Hidden subcommands (the reminder window's) are for Unknot itself, not people.
            for sub in Cli::command()
                .get_subcommands()
                .filter(|sub| !sub.is_hide_set())
            {
                let name = sub.get_name();
                assert!(text.contains(name), "{what:?} lacks {name}");
            }
        }
    }

    #[test]
    fn the_manual_page_is_one_page_with_a_section_per_subcommand() {
        let bytes = generate(Generated::Man, Cli::command()).expect("page");
        let page = String::from_utf8(bytes).expect("UTF-8");
        let titles = page.lines().filter(|l| l.starts_with(".TH ")).count();
        assert_eq!(titles, 1, "{page}");
        let sections: Vec<&str> = page.lines().filter(|l| l.starts_with(".SH ")).collect();
        let expected = [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH COMMANDS",
            ".SH VERSION",
        ];
        assert_eq!(sections, expected);
        let list = ".SS \"unknot list\"\n\\fBunknot list\\fR";
        assert!(page.contains(list), "{page}");
        assert!(
            page.contains(".PP\nList the routines with their length\n"),
            "{page}"
        );
    }
}
