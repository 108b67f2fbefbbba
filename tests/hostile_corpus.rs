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
fn state_corpus() {
    run_corpus("state", checks::state);
}

#[test]
fn html_corpus() {
    run_corpus("html", checks::html);
}

#[test]
fn every_corpus_runs_every_fixture_through_every_check() {
    // The hostile fixtures are seeds for every target's checks.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    for entry in std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok())
    {
        let data = std::fs::read(entry.path()).expect("fixture");
        checks::plain(&data);
        checks::markdown(&data);
        checks::sanitize(&data);
        checks::state(&data);
        checks::html(&data);
    }
}

mod properties {
    use proptest::prelude::*;

    use super::checks;

    /// Fragments that hostile articles are made of: escape sequences,
    /// Markdown syntax, entities, invisible and bidi characters, bad bytes.
    fn fragment() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just(b"\x1b]0;t\x07".to_vec()),
            Just(b"\x1b[2J".to_vec()),
            Just(b"\x1bP".to_vec()),
            Just(b"\x1b\\".to_vec()),
            Just("\u{9b}".as_bytes().to_vec()),
            Just("\u{202E}".as_bytes().to_vec()),
            Just("\u{200D}".as_bytes().to_vec()),
            Just("\u{E0041}".as_bytes().to_vec()),
            Just("\u{1F3F4}".as_bytes().to_vec()),
            Just("\u{301}".as_bytes().to_vec()),
            Just("\u{FE0F}".as_bytes().to_vec()),
            Just("👨".as_bytes().to_vec()),
            Just(b"&#27;".to_vec()),
            Just(b"&#x9B;".to_vec()),
            Just(b"&amp;".to_vec()),
            Just(b"[a](".to_vec()),
            Just(b")".to_vec()),
            Just(b"<!--".to_vec()),
            Just(b"> ".to_vec()),
            Just(b"- ".to_vec()),
            Just(b"# ".to_vec()),
            Just(b"```".to_vec()),
            Just(b"*".to_vec()),
            Just(b"`".to_vec()),
            Just(b"\r".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\t".to_vec()),
            Just(b"\0".to_vec()),
            Just(b"\xff".to_vec()),
            Just(b"\xe2\x80".to_vec()),
            Just(b"<div class=nav>".to_vec()),
            Just(b"<p>".to_vec()),
            Just(b"</p>".to_vec()),
            Just(b"<a href='javascript:x'>".to_vec()),
            Just(b"<table><tr><td>".to_vec()),
            Just(b"<pre>".to_vec()),
            Just(b"<script>".to_vec()),
            Just(b"<meta charset=koi8-r>".to_vec()),
            Just(b"<article>".to_vec()),
            Just(b"<!DOCTYPE html>".to_vec()),
            "[a-zA-Z ]{1,8}".prop_map(String::into_bytes),
        ]
    }

    fn article() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(fragment(), 0..60).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn hostile_articles_pass_every_check(data in article()) {
            checks::plain(&data);
            checks::markdown(&data);
            checks::sanitize(&data);
            checks::html(&data);
        }

        #[test]
        fn any_bytes_pass_every_check(data in prop::collection::vec(any::<u8>(), 0..512)) {
            checks::plain(&data);
            checks::markdown(&data);
            checks::sanitize(&data);
            checks::html(&data);
        }
    }
}
