//! What the reader costs: wrapping the seed article for one width, and one
//! whole frame drawn into a `TestBackend`. Measurements only; tests assert.

use criterion::{Criterion, criterion_group, criterion_main};
use lede::app::{Action, App};
use lede::extract::Entities;
use lede::keymap::Keymap;
use lede::layout::WrapCache;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn wrap(c: &mut Criterion) {
    let doc = lede::cli::load_article(None).expect("seed");
    c.bench_function("wrap seed at 80", |b| {
        b.iter(|| WrapCache::build(&doc, 80, true))
    });
}

fn frame(c: &mut Criterion) {
    let doc = lede::cli::load_article(None).expect("seed");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(100, 30));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    c.bench_function("draw one frame at 100x30", |b| {
        b.iter(|| {
            app.update(Action::Scroll(1));
            terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
        })
    });
}

criterion_group!(benches, wrap, frame);
criterion_main!(benches);
