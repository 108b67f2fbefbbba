//! Time of pathological input, at two sizes each, so the ratio shows whether
//! it grows linearly (2x input should stay under 3x time).
//!
//! `cargo bench --bench hostile` (add `-- 'a\*\*\*'` to pick one pattern).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lede::document::{Document, Format};
use lede::sanitize;

type Pattern = (&'static str, fn(usize) -> String, usize);

/// The superlinear Markdown patterns (C5), deep nesting (C4), and a long
/// line (D4), with a base size.
const PATTERNS: &[Pattern] = &[
    ("[a](<b", |n| "[a](<b".repeat(n), 50_000),
    ("[ (](", |n| "[ (](".repeat(n), 40_000),
    ("a***", |n| "a***".repeat(n), 80_000),
    ("* x N + a", |n| format!("{}a", "* ".repeat(n)), 20_000),
    ("!-- <", |n| "!-- <".repeat(n), 20_000),
    ("a<!--", |n| "a<!--".repeat(n), 20_000),
    ("]([\\n", |n| "]([\n".repeat(n), 20_000),
    ("> x N", |n| format!("{} q\n", ">".repeat(n)), 40_000),
    ("- x N", |n| format!("{}item\n", "- ".repeat(n)), 10_000),
    ("[ x N", |n| "[".repeat(n), 100_000),
    ("long line", |n| "word ".repeat(n), 1_000_000),
];

fn markdown(c: &mut Criterion) {
    let mut group = c.benchmark_group("markdown");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    for (name, make, n) in PATTERNS {
        for size in [*n, 2 * n] {
            let text = make(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*name, size), &text, |b, text| {
                b.iter(|| {
                    Document::from_bytes("b.md", black_box(text.as_bytes()), Some(Format::Markdown))
                })
            });
        }
    }
    group.finish();
}

fn sink(c: &mut Criterion) {
    let mut group = c.benchmark_group("sanitize");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    let hostile =
        "a\x1b]0;t\x07 \u{202E}b\u{200B} 👨\u{200D}👩 é\u{301}\u{301} 日本 ".repeat(20_000);
    let prose = "The council met on Tuesday and voted. ".repeat(20_000);
    for (name, text) in [("hostile", &hostile), ("prose", &prose)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| sanitize::pieces(black_box(text), false).len())
        });
    }
    group.finish();
}

criterion_group!(benches, markdown, sink);
criterion_main!(benches);
