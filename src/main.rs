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
            cli::entities(file.as_deref(), json, &mut stdout.lock())
        }
        None => cli::load_article(args.files.first().map(|p| p.as_path())).map(|doc| {
            // The interactive reader is wired in here.
            let _ = doc;
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("lede: {err}");
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
