//! Writes generated news to standard output, for benchmarks and for trying
//! lede on a large document:
//!
//! ```text
//! cargo run --release --example gen_news -- --bytes 10000000 --format md > f.md
//! ```

#[path = "../benches/support/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use lede::document::Format;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Markdown: `#` titles and `##` subheadings.
    Md,
    /// Plain text: a title line and subheadings on lines of their own.
    Txt,
}

/// Generate news-like text of a given size, the same for the same seed.
#[derive(Debug, Parser)]
struct Args {
    /// Size in bytes (the output comes close without going over).
    #[arg(long, default_value_t = 1_000_000)]
    bytes: usize,
    #[arg(long, value_enum, default_value_t = OutputFormat::Md)]
    format: OutputFormat,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let format = match args.format {
        OutputFormat::Md => Format::Markdown,
        OutputFormat::Txt => Format::Plain,
    };
    let text = sample::generate(args.bytes, format, args.seed);
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_news: {e}");
            ExitCode::FAILURE
        }
    }
}
