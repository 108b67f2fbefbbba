//! The `lede` binary: parse the command line, dispatch, map errors to one
//! line and an exit code.

use std::process::ExitCode;

use lede::cli;

fn main() -> ExitCode {
    match cli::parse().and_then(cli::run) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("lede: {err}");
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
