//! Incremental search as the reader does it: one keystroke through
//! `App::update` (the query run from where the prompt opened, hits counted
//! per section, the view moved to the nearest hit) on 10 MB of generated
//! news, and one whole frame drawn with a search active (which must cost
//! what a frame costs without one: only visible rows meet the hits).
//!
//! Each iteration is two keystrokes (a letter, then Backspace), so the
//! prompt stays the same from one iteration to the next; one keystroke is
//! half the figure. Target: a keystroke under 16 ms. A search that needs
//! more than the keystroke budget goes on in idle steps (`search_work`);
//! `to the exact count` measures a keystroke plus all of those.
//!
//! `cargo bench --bench search_ui`

#[path = "support/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lede::app::{Action, App, Msg};
use lede::document::{Document, Format};
use lede::extract::Entities;
use lede::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BYTES: usize = 10_000_000;

fn app() -> App {
    let text = sample::generate(BYTES, Format::Markdown, 42);
    let doc = Document::from_bytes("bench.md", text.as_bytes(), Some(Format::Markdown))
        .expect("generated text is valid");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(100, 30));
    // Half way in, as a reader might be.
    app.update(Action::Scroll(
        i32::try_from(app.cache().len() / 2).unwrap_or(i32::MAX),
    ));
    app
}

fn open_with(app: &mut App, typed: &str) {
    app.update(Action::PromptCancel);
    app.update(Action::SearchForward);
    for c in typed.chars() {
        app.update(Action::PromptInput(c));
    }
}

fn keystroke(c: &mut Criterion) {
    let mut app = app();
    let mut group = c.benchmark_group("search_ui/10MB");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));
    // (name, typed before, the key measured): a rare word and a common one.
    for (name, before, key) in [
        ("rare", "petitio", 'n'),
        ("common", "t", 'h'),
        ("letter", "", 't'),
        ("regex_dense", "\\v\\", 'd'),
        ("regex_words", "\\v\\w", '+'),
        ("exact", "Okafo", 'r'),
    ] {
        open_with(&mut app, before);
        group.bench_function(
            format!("two keystrokes ({name}: {before}{key}, back)"),
            |b| {
                b.iter(|| {
                    app.update(Action::PromptInput(key));
                    app.update(Action::PromptBackspace);
                    black_box(app.top());
                })
            },
        );
    }
    for (name, before, key) in [("letter", "", 't'), ("regex_dense", "\\v\\", 'd')] {
        open_with(&mut app, before);
        group.bench_function(format!("to the exact count ({name}: {before}{key})"), |b| {
            b.iter(|| {
                app.update(Action::PromptInput(key));
                while app.search.busy() {
                    app.update(Msg::SearchWork);
                }
                let label = app.search.label();
                app.update(Action::PromptBackspace);
                black_box(label)
            })
        });
    }
    open_with(&mut app, "the");
    app.update(Action::PromptAccept);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    group.bench_function("frame with every `the` highlighted", |b| {
        b.iter(|| {
            app.update(Action::SearchNext);
            terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
        })
    });
    group.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
