//! Gazetteer start-up and lookup throughput.
//!
//! `open` measures what the first lookup of a process pays (opening both
//! embedded `fst` maps); the lookup benches run the lookups an extractor does
//! on every word of real news text (the seed article and the dev articles).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede::gazetteer;

fn news_text() -> String {
    let mut text = String::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("seeds/000_a8106be745b31416.txt")];
    let dev = std::fs::read_dir(root.join("eval/gum-dev/articles")).expect("eval/gum-dev");
    files.extend(dev.flatten().map(|e| e.path()));
    for f in files {
        if let Ok(s) = std::fs::read_to_string(&f) {
            text.push_str(&s);
            text.push('\n');
        }
    }
    text
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn bench(c: &mut Criterion) {
    c.bench_function("open maps (first lookup cost)", |b| {
        b.iter(|| black_box(gazetteer::open_uncached()))
    });

    let text = news_text();
    let words = words(&text);
    let capitalised: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .collect();
    gazetteer::warm_up();

    let mut g = c.benchmark_group("lookups over news text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("fold_into every word", |b| {
        let mut buf = String::new();
        b.iter(|| {
            for w in &words {
                gazetteer::fold_into(w, &mut buf);
                black_box(&buf);
            }
        })
    });
    g.bench_function("word_info every word", |b| {
        b.iter(|| {
            for w in &words {
                black_box(gazetteer::word_info(w));
            }
        })
    });
    g.bench_function("could_start_place every capitalised word", |b| {
        b.iter(|| {
            for w in &capitalised {
                black_box(gazetteer::could_start_place(w));
            }
        })
    });
    g.bench_function("place every capitalised word", |b| {
        b.iter(|| {
            for w in &capitalised {
                black_box(gazetteer::place(w));
            }
        })
    });
    g.bench_function("longest_place at every capitalised word", |b| {
        b.iter(|| {
            for (i, w) in words.iter().enumerate() {
                if w.starts_with(|c: char| c.is_uppercase()) {
                    let end = (i + 4).min(words.len());
                    black_box(gazetteer::longest_place(&words[i..end]));
                }
            }
        })
    });
    g.bench_function("places_loose every capitalised word", |b| {
        b.iter(|| {
            for w in &capitalised {
                black_box(gazetteer::places_loose(w).next());
            }
        })
    });
    g.finish();
    eprintln!(
        "news text: {} bytes, {} words, {} capitalised",
        text.len(),
        words.len(),
        capitalised.len()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
