//! The `lede` binary: parse the command line, dispatch, map errors to one
//! line and an exit code.

use std::process::ExitCode;

use clap::Parser;
use lede::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(Command::Entities { json, file }) => {
            let stdout = std::io::stdout();
            cli::entities(file.as_deref(), json, &mut stdout.lock()).map(|()| 0)
        }
        None => cli::load_article(args.files.first().map(|p| p.as_path())).and_then(cli::read),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("lede: {err}");
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
