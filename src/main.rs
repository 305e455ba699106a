//! The `unknot` binary: parses the command line, runs the app or a subcommand, and prints the
//! error chain (never a backtrace) when something goes wrong.
//!
//! Exit codes: 0 ok, 1 bad input, 2 usage (clap's own).

use std::process::ExitCode;

use unknot::cli;
use unknot::cli::generate::{self, Invocation};

fn main() -> ExitCode {
    unknot::app::bench::mark_process_start();
    let result = match generate::parse() {
        Invocation::Run(cli) => cli::run(cli),
        Invocation::Generate(what) => generate::print(what).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("unknot: {}", cli::error_chain(&error));
            ExitCode::FAILURE
        }
    }
}
