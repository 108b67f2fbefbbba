//! Incremental search, one keystroke at a time, on generated news of 1 MB
//! and 10 MB. `keystroke/*` is one whole `Search::run` per step of typing a
//! word (query parse, every hit found and mapped back, nearest hit picked):
//! what finding *every* hit costs. `first_step/*` is what the reader waits
//! for per key: `Search::start` from the middle of the text within the
//! keystroke budget (the rest is found in idle steps). Also the one-off
//! costs of building the folded index and its case-kept copy, whole and as
//! one idle step of `SearchIndex::warm`.
//!
//! Target: every keystroke under 16 ms at 10 MB.
//!
//! `cargo bench --bench search` (all), or filter: `cargo bench --bench search -- 10MB/folded`.

#[path = "support/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use lede::document::{Document, Format};
use lede::extract::Entities;
use lede::search::{
    Budget, Direction, FoldedText, IDLE_BUDGET, KEYSTROKE_BUDGET, MIN_STEP_BYTES, Search,
    SearchIndex,
};

const SIZES: [(&str, usize); 2] = [("1MB", 1_000_000), ("10MB", 10_000_000)];

/// (mode, the prompt as typed in full, bytes of prefix before typing starts).
/// Every prefix from `start` to the whole prompt is one keystroke.
const TYPED: [(&str, &str, usize); 8] = [
    // Lower case: smart case ignores case.
    ("insensitive", "petition", 0),
    // The most common letters: `t` has about 700k hits in 10 MB.
    ("common", "the", 0),
    // A capital: exact case, each candidate checked against the text.
    ("exact", "Okafor", 0),
    // Folded: `dabrowski` must find `Dąbrowski`, `o'connell` `O’Connell`.
    ("folded", "dabrowski", 0),
    ("folded_quote", "o'connell", 0),
    // Regular expression, smart case, run on the real text.
    ("regex", "\\v\\d+ percent", 2),
    // Dense regular expressions: every digit, every word.
    ("regex_dense", "\\v\\d", 2),
    ("regex_words", "\\v\\w+", 2),
];

fn document(bytes: usize) -> Document {
    let text = sample::generate(bytes, Format::Markdown, 42);
    Document::from_bytes("bench.md", text.as_bytes(), Some(Format::Markdown))
        .expect("generated text is valid")
}

fn keystrokes(c: &mut Criterion) {
    let entities = Entities::default();
    for (size, bytes) in SIZES {
        let doc = document(bytes);
        let index = SearchIndex::new();
        // Keystrokes measure searching; building is measured apart.
        index.folded(&doc.text).case_kept(&doc.text);
        let origin = doc.text.len() / 2;
        let mut group = c.benchmark_group(format!("keystroke/{size}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_secs(1));
        for (mode, prompt, start) in TYPED {
            let ends = prompt
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .filter(|&end| end > start);
            for end in ends {
                let typed = &prompt[..end];
                group.bench_with_input(BenchmarkId::new(mode, typed), typed, |b, typed| {
                    b.iter(|| {
                        let (search, step) = Search::run(
                            black_box(typed),
                            Direction::Forward,
                            origin,
                            &doc.text,
                            &index,
                            &entities,
                        );
                        black_box((search.hits.len(), step))
                    })
                });
            }
        }
        group.finish();
        let mut group = c.benchmark_group(format!("first_step/{size}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_secs(1));
        for typed in ["t", "th", "the", "petition", "Okafor", "\\v\\d", "\\v\\w+"] {
            group.bench_with_input(BenchmarkId::from_parameter(typed), typed, |b, typed| {
                b.iter(|| {
                    let (search, step) = Search::start(
                        black_box(typed),
                        Direction::Forward,
                        origin,
                        origin,
                        &doc.text,
                        &index,
                        &entities,
                        Budget::time(KEYSTROKE_BUDGET, MIN_STEP_BYTES),
                    );
                    black_box((search.hits.len(), step))
                })
            });
        }
        group.finish();
    }
}

fn build_index(c: &mut Criterion) {
    let mut group = c.benchmark_group("build_index");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(2));
    for (size, bytes) in SIZES {
        let doc = document(bytes);
        group.bench_function(BenchmarkId::new("lower", size), |b| {
            b.iter(|| black_box(FoldedText::build(black_box(&doc.text))))
        });
        // The case-kept copy, built on the first query with a capital.
        let folded = FoldedText::build(&doc.text);
        group.bench_function(BenchmarkId::new("case_kept", size), |b| {
            b.iter_batched(
                || folded.clone(),
                |f| black_box(f.case_kept(&doc.text).map(str::len)),
                criterion::BatchSize::LargeInput,
            )
        });
        // One idle step of building ahead: what a key pressed meanwhile
        // waits for at most.
        group.bench_function(BenchmarkId::new("warm_step", size), |b| {
            b.iter_batched(
                SearchIndex::new,
                |mut index| {
                    let mut budget = Budget::time(IDLE_BUDGET, 0);
                    black_box(index.warm(&doc.text, true, &mut budget));
                    index
                },
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, build_index, keystrokes);
criterion_main!(benches);
