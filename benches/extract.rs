//! Extraction throughput over >= 10 MB of news-like text, built in memory by
//! repeating the seed and gum-dev articles with small variations (digits
//! changed per copy so the text is not literally periodic): once as a single
//! 10 MB document, once as a feed of article-sized documents, and on the
//! seed alone.

#[path = "support/articles.rs"]
mod articles;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede::document::Document;
use lede::extract::extract;

fn corpus() -> Vec<String> {
    let articles = articles::articles();
    assert!(!articles.is_empty(), "no articles found for the benchmark");
    articles
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let mut big = String::with_capacity(11 << 20);
    let mut i = 0usize;
    while big.len() < 10 << 20 {
        let a = &articles[i % articles.len()];
        big.push_str(&a.replace('1', &((i % 9) + 1).to_string()));
        big.push_str("\n\n");
        i += 1;
    }
    let doc = Document::from_bytes("bench.txt", big.as_bytes(), None).expect("bench text loads");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(doc.text.len() as u64));
    group.sample_size(10);
    group.bench_function("10MB", |b| b.iter(|| extract(black_box(&doc))));
    group.finish();

    // The same 10 MB as a feed: one document per article, as a reader or a
    // news feed meets them.
    let mut feed = Vec::new();
    let mut bytes = 0;
    let mut i = 0usize;
    while bytes < 10 << 20 {
        let a = articles[i % articles.len()].replace('1', &((i % 9) + 1).to_string());
        let doc = Document::from_bytes("feed.txt", a.as_bytes(), None).expect("article loads");
        bytes += doc.text.len();
        feed.push(doc);
        i += 1;
    }
    let mut group = c.benchmark_group("extract_feed");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("10MB", |b| {
        b.iter(|| {
            for doc in &feed {
                black_box(extract(black_box(doc)));
            }
        })
    });
    group.finish();

    let seed = Document::from_bytes("seed.txt", articles[0].as_bytes(), None).expect("seed loads");
    let mut group = c.benchmark_group("extract_article");
    group.throughput(Throughput::Bytes(seed.text.len() as u64));
    group.bench_function("seed", |b| b.iter(|| extract(black_box(&seed))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
