//! Reading the article out of web pages: `Document::from_html` (decode,
//! html5ever parse, metadata, article choice and the document model) over
//! every page of `../shared/eval/web-dev` as one batch, so the figure is
//! MB of HTML a second on one core; on a fresh clone, without `../shared`,
//! over the fixture page. Measurements only; tests assert.
//!
//! `cargo bench --bench web`; the bar is 30 MB/s.

use std::io::Read;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede::document::Document;

/// The pages: web-dev's when they are beside the repository, else the
/// fixture.
fn pages() -> (String, Vec<Vec<u8>>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/web-dev/html");
    let mut pages = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let Ok(file) = std::fs::File::open(&path) else {
                continue;
            };
            let mut page = Vec::new();
            if gunzip(file, &mut page) {
                pages.push(page);
            }
        }
    }
    if pages.is_empty() {
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/article.html");
        pages.push(std::fs::read(fixture).expect("the fixture page"));
        return ("fixture page".to_string(), pages);
    }
    (format!("web-dev {} pages", pages.len()), pages)
}

/// Gunzips with the system's `gzip` (no gzip crate just for a bench).
fn gunzip(file: std::fs::File, out: &mut Vec<u8>) -> bool {
    let child = std::process::Command::new("gzip")
        .arg("-dc")
        .stdin(file)
        .stdout(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return false;
    };
    let ok = child
        .stdout
        .take()
        .is_some_and(|mut s| s.read_to_end(out).is_ok());
    ok && child.wait().is_ok_and(|s| s.success())
}

fn web(c: &mut Criterion) {
    let (label, pages) = pages();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("web");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(label, |b| {
        b.iter(|| {
            for page in &pages {
                std::hint::black_box(Document::from_html("page.html", page, None, None));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, web);
criterion_main!(benches);
