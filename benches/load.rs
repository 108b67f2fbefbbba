//! Loading and parsing: `Document::open` on files of news-like text (plain
//! and Markdown) of the seed's size, 1 MB and 10 MB, written once to a
//! temporary folder, so reading, decoding and parsing are measured together
//! as the reader does them. Measurements only; tests assert.

#[path = "support/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lede::document::{Document, Format};

fn files(dir: &std::path::Path) -> Vec<(String, PathBuf, u64)> {
    let mut out = Vec::new();
    let seed = dir.join("seed.txt");
    std::fs::write(&seed, lede::cli::SEED).expect("written");
    out.push(("seed txt".to_string(), seed, lede::cli::SEED.len() as u64));
    for (format, ext) in [(Format::Plain, "txt"), (Format::Markdown, "md")] {
        for (label, bytes) in [("1 MB", 1_000_000), ("10 MB", 10_000_000)] {
            let text = sample::generate(bytes, format, 1);
            let path = dir.join(format!("{}.{ext}", bytes));
            std::fs::write(&path, &text).expect("written");
            out.push((format!("{label} {ext}"), path, text.len() as u64));
        }
    }
    out
}

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("load and parse");
    group.sample_size(10);
    for (label, path, len) in files(dir.path()) {
        group.throughput(Throughput::Bytes(len));
        group.bench_with_input(BenchmarkId::from_parameter(&label), &path, |b, path| {
            b.iter(|| Document::open(path).expect("opens"))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
