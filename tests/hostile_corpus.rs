//! The fuzz seed corpora as ordinary tests: every file in
//! `fuzz/corpus/<target>/` runs through the same checks as the fuzz target
//! of that name (`fuzz/checks.rs`), so CI exercises them without a nightly
//! toolchain.

#[allow(dead_code)] // the fuzz crate's helpers, shared
#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

fn run_corpus(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "empty corpus {}", dir.display());
    for file in files {
        let data = std::fs::read(&file).expect("corpus file");
        eprintln!("{target}: {}", file.display());
        check(&data);
    }
}

#[test]
fn plain_corpus() {
    run_corpus("plain", checks::plain);
}

#[test]
fn markdown_corpus() {
    run_corpus("markdown", checks::markdown);
}

#[test]
fn sanitize_corpus() {
    run_corpus("sanitize", checks::sanitize);
}

#[test]
fn every_corpus_runs_every_fixture_through_every_check() {
    // The hostile fixtures are seeds for all three targets' checks.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    for entry in std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok())
    {
        let data = std::fs::read(entry.path()).expect("fixture");
        checks::plain(&data);
        checks::markdown(&data);
        checks::sanitize(&data);
    }
}
