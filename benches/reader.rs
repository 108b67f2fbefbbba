//! What the reader costs: wrapping for one width, the first frame of a
//! freshly opened article (wrap included), and the frames a reader makes
//! (one scroll step, one page step, one section jump), each drawn whole into
//! a `TestBackend` at 200x60, on the seed and on generated news of 1, 10 and
//! 100 MB; and a resize that changes the text column's width. Measurements
//! only; tests assert.
//!
//! `cargo bench --bench reader`; `LEDE_BENCH_SIZES=seed,1` picks sizes (`cargo
//! test`, which runs each once, takes the seed and 1 MB).

#[path = "support/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use lede::app::{Action, App};
use lede::document::{Document, Format};
use lede::extract::Entities;
use lede::keymap::Keymap;
use lede::layout::WrapCache;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZE: (u16, u16) = (200, 60);

/// The documents measured: the seed and generated Markdown by megabytes.
fn documents() -> Vec<(String, Document)> {
    // `cargo test` runs each benchmark once, without `--bench`: small
    // documents keep that quick.
    let measuring = std::env::args().any(|a| a == "--bench");
    let all = if measuring { "seed,1,10,100" } else { "seed,1" };
    let wanted = std::env::var("LEDE_BENCH_SIZES").unwrap_or_else(|_| all.into());
    let mut out = Vec::new();
    for name in wanted.split(',').map(str::trim) {
        if name == "seed" {
            out.push(("seed".into(), lede::cli::load_article(None).expect("seed")));
        } else if let Ok(mb) = name.parse::<usize>() {
            let text = sample::generate(mb * 1_000_000, Format::Markdown, 7);
            let doc = Document::from_bytes("bench.md", text.as_bytes(), Some(Format::Markdown))
                .expect("generated text is valid");
            out.push((format!("{mb}MB"), doc));
        }
    }
    out
}

fn opened(doc: Document) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(SIZE.0, SIZE.1));
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("backend");
    terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
    (app, terminal)
}

fn reader(c: &mut Criterion) {
    for (name, doc) in documents() {
        let big = doc.text.len() > 5_000_000;
        let mut group = c.benchmark_group(format!("reader/{name}"));
        if big {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(2));
            group.warm_up_time(Duration::from_millis(500));
        }
        // What opening or a resize waits for: numbering the lines and
        // wrapping the first few kilobytes.
        group.bench_function("build cache at 80", |b| {
            b.iter(|| WrapCache::build(&doc, 80, true))
        });
        // What idle time does after that; too slow to repeat at 100 MB.
        if !big {
            group.bench_function("wrap whole at 80", |b| {
                b.iter(|| WrapCache::build(&doc, 80, true).measure(&doc, usize::MAX))
            });
        }
        group.bench_function("open: resize + first frame 200x60", |b| {
            b.iter_batched(|| doc.clone(), opened, criterion::BatchSize::PerIteration)
        });
        let (mut app, mut terminal) = opened(doc);
        let steps: [(&str, Action, Action); 3] = [
            ("scroll", Action::Scroll(1), Action::Scroll(-1)),
            ("page", Action::Page(1), Action::Page(-1)),
            ("section", Action::NextSection, Action::PrevSection),
        ];
        // Half way in, as a reader might be.
        let half = i32::try_from(app.cache().len() / 2).unwrap_or(i32::MAX);
        app.update(Action::Scroll(half));
        for (label, forward, back) in steps {
            let mut flip = false;
            group.bench_function(BenchmarkId::new("step + frame 200x60", label), |b| {
                b.iter(|| {
                    flip = !flip;
                    app.update(if flip { forward } else { back });
                    terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
                })
            });
        }
        // 60 columns leave a narrower text column than the reading width,
        // so each step wraps again.
        group.bench_function("resize 200x60 <-> 60x20 + frame", |b| {
            let mut flip = false;
            b.iter(|| {
                flip = !flip;
                let (w, h) = if flip { (60, 20) } else { SIZE };
                terminal.backend_mut().resize(w, h);
                app.update(Action::Resize(w, h));
                terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
            })
        });
        group.finish();
    }
}

criterion_group!(benches, reader);
criterion_main!(benches);
