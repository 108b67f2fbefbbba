//! Extracts one of the benchmark's inputs once, for counting instructions
//! under callgrind (deterministic, unlike wall-clock time on a busy machine):
//!
//! ```text
//! cargo build --release --example extract_inputs
//! valgrind --tool=callgrind --toggle-collect='lede::extract::extract_with*' \
//!     target/release/examples/extract_inputs gen|corpus|feed [MB]
//! ```
//!
//! `gen`: generated news (`benches/support/sample.rs`, Markdown) of MB megabytes;
//! `corpus`: the seed and gum-dev articles repeated into one document, as
//! `benches/extract.rs` builds it; `feed`: the same articles as a feed of
//! article-sized documents. Prints the bytes extracted, to divide the
//! instruction count by.
//!
//! With a third argument N, extracts N times and prints the throughput per
//! second of the thread's own CPU time (from `/proc/thread-self/stat`): on
//! a machine busy with other work, wall-clock time says more about the
//! neighbours than about extraction.

#[path = "../benches/support/articles.rs"]
mod articles;

#[path = "../benches/support/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::hint::black_box;
use std::process::ExitCode;

use lede::document::{Document, Format};
use lede::extract::extract;

/// The articles with their digits varied per copy, as the benchmark does.
fn copies(articles: &[String], bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0usize;
    while total < bytes && !articles.is_empty() {
        let a = articles[i % articles.len()].replace('1', &((i % 9) + 1).to_string());
        total += a.len();
        out.push(a);
        i += 1;
    }
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map(String::as_str).unwrap_or("gen");
    let mb: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let bytes = mb << 20;
    let docs: Vec<Document> = match what {
        "gen" => {
            let text = sample::generate(bytes, Format::Markdown, 1);
            vec![Document::from_bytes(
                "gen.md",
                text.as_bytes(),
                Some(Format::Markdown),
            )]
        }
        "corpus" => {
            let text = copies(&articles::articles(), bytes).join("\n\n");
            vec![Document::from_bytes("corpus.txt", text.as_bytes(), None)]
        }
        "feed" => copies(&articles::articles(), bytes)
            .iter()
            .map(|a| Document::from_bytes("feed.txt", a.as_bytes(), None))
            .collect(),
        _ => {
            eprintln!("usage: extract_inputs gen|corpus|feed [MB]");
            return ExitCode::from(2);
        }
    }
    .into_iter()
    .collect::<Result<_, _>>()
    .map_err(|e| eprintln!("{e}"))
    .unwrap_or_default();
    let repeat: Option<u32> = args.get(3).and_then(|s| s.parse().ok());
    let before = cpu_ticks();
    let mut total = 0;
    for _ in 0..repeat.unwrap_or(1) {
        for doc in &docs {
            total += doc.text.len();
            black_box(extract(black_box(doc)));
        }
    }
    match (repeat, before, cpu_ticks()) {
        (Some(_), Some(a), Some(b)) if b > a => {
            let seconds = (b - a) as f64 / 100.0;
            let mib = total as f64 / f64::from(1u32 << 20);
            println!(
                "{total} bytes in {seconds:.2} s of CPU: {:.1} MiB/s",
                mib / seconds
            );
        }
        _ => println!("{total}"),
    }
    ExitCode::SUCCESS
}

/// User and system CPU time of this thread, in clock ticks (1/100 s on
/// Linux); `None` where `/proc` does not say.
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name, which ends at the last `)`.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}
