//! Measures what each part of the reader keeps in memory for an article,
//! with a counting global allocator: the bytes still allocated after each
//! stage (what that stage keeps) and the peak reached during it (what it
//! needs for a while), for finding where memory goes on large documents:
//!
//! ```text
//! cargo run --release --example memory -- article.md [more files]
//! ```
//!
//! Stages: read (the file's bytes), decode (the text), parse (blocks,
//! sections, source map), first frame (the reader and its wrap cache at
//! 200x60), search index (the folded copy, built ahead in idle steps),
//! search (the prompt opened, which builds the case-kept copy, and one word
//! searched to the end), extract (entities), index (the entity views),
//! quotes (found with them, off the reader's thread) and arrival.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use lede::app::arrival::Found;
use lede::app::entities::EntityIndex;
use lede::app::{Action, App, Effect, Msg};
use lede::document::{Document, Format, load};
use lede::extract;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// The highest `LIVE` of the whole run (`PEAK` starts again each stage).
static HIGHEST: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        HIGHEST.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let grow = new_size - layout.size();
            let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
            PEAK.fetch_max(live, Ordering::Relaxed);
            HIGHEST.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: f64 = 1024.0 * 1024.0;

/// Runs a stage and prints what it kept and the peak during it.
fn stage<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    let after = LIVE.load(Ordering::Relaxed);
    let peak = PEAK.load(Ordering::Relaxed);
    println!(
        "  {label:<16} kept {:>+9.1} MB   live {:>8.1} MB   peak {:>8.1} MB",
        (after as f64 - before as f64) / MB,
        after as f64 / MB,
        peak as f64 / MB
    );
    out
}

fn main() {
    let files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    for path in files {
        let name = path.display().to_string();
        println!("{name}");
        let bytes = stage("read", || load::read_path(&path).expect("readable"));
        let source = stage("decode", || load::decode_owned(&name, bytes).expect("text"));
        let format = Format::from_name(&name).unwrap_or_else(|| Format::sniff(&source.text));
        let doc = stage("parse", || {
            std::sync::Arc::new(Document::parse(source, format))
        });
        let keymap = lede::keymap::Keymap::default();
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
        let mut app = stage("first frame", || {
            let mut app = App::awaiting_entities(doc.clone(), keymap);
            app.update(Action::Resize(200, 60));
            terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
            app
        });
        stage("search index", || {
            while app.search.busy() {
                app.update(Msg::SearchWork);
            }
        });
        stage("wrap", || while app.update(Msg::Idle) != Effect::Idle {});
        let found = stage("extract", || extract::extract(&doc));
        let index = stage("index", || EntityIndex::build(&doc, &found));
        // As the reader's background thread does, so the quotes view opens
        // at once.
        stage("quotes", || index.quotes_by_speaker(&doc, &found).len());
        stage("arrival", || {
            app.update(Msg::Entities(Box::new(Found {
                file: 0,
                entities: found,
                index,
            })));
            terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
        });
        stage("search", || {
            app.update(Action::SearchForward);
            while app.search.busy() {
                app.update(Msg::SearchWork);
            }
            for c in "zebra".chars() {
                app.update(Action::PromptInput(c));
            }
            app.update(Action::PromptAccept);
            while app.search.busy() {
                app.update(Msg::SearchWork);
            }
        });
        println!("  text {:.1} MB", doc.text.len() as f64 / MB);
    }
    println!(
        "highest {:.1} MB",
        HIGHEST.load(Ordering::Relaxed) as f64 / MB
    );
}
