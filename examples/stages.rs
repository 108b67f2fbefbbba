//! Times each stage between a file on disk and the reader's first frame, in
//! one process, for finding where start-up goes:
//!
//! ```text
//! cargo run --release --example stages -- [--model-only] article.md [more files]
//! ```
//!
//! Stages: config (config, keymap and theme), read (the bytes), decode
//! (normalised text), parse (blocks and sections), app (the reader's state,
//! waiting for entities), first frame (wrap and draw at 200x60 into a
//! `TestBackend`); then what the reader does off the first frame for all
//! but short articles: extract (entities), index (the entity views) and
//! their arrival (with one more frame). With no file, the bundled seed.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lede::app::arrival::Found;
use lede::app::entities::EntityIndex;
use lede::app::{Action, App, Msg};
use lede::document::{Document, Format, load};
use lede::extract;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn timed<T>(label: &str, total: &mut Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    *total += took;
    println!("  {label:<12} {:>10.2} ms", took.as_secs_f64() * 1000.0);
    out
}

fn main() {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    // `--model-only`: stop after parsing (for profilers, which would spend
    // most of their time in the stages after it).
    let model_only = args.iter().any(|a| a == "--model-only");
    args.retain(|a| a != "--model-only");
    let files: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
    let files = if files.is_empty() {
        vec![PathBuf::new()]
    } else {
        files
    };
    for path in files {
        let mut total = Duration::ZERO;
        let seed = path.as_os_str().is_empty();
        let name = if seed {
            lede::cli::SEED_NAME.to_string()
        } else {
            path.display().to_string()
        };
        println!("{name}");
        let config = timed("config", &mut total, || {
            let config = lede::config::Config::load(None).expect("config");
            let theme = lede::ui::theme::Theme::choose(config.theme, true);
            (config, theme)
        });
        let bytes = timed("read", &mut total, || {
            if seed {
                lede::cli::SEED.to_vec()
            } else {
                load::read_path(&path).expect("readable")
            }
        });
        let source = timed("decode", &mut total, || {
            load::decode_owned(&name, bytes).expect("text")
        });
        let format = Format::from_name(&name).unwrap_or_else(|| Format::sniff(&source.text));
        let doc = timed("parse", &mut total, || Document::parse(source, format));
        if model_only {
            continue;
        }
        let doc = std::sync::Arc::new(doc);
        let mut app = timed("app", &mut total, || {
            App::awaiting_entities(doc.clone(), config.0.keymap.clone())
        });
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
        timed("first frame", &mut total, || {
            app.update(Action::Resize(200, 60));
            terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
        });
        let first_frame = total;
        let found = timed("extract", &mut total, || extract::extract(&doc));
        let index = timed("index", &mut total, || EntityIndex::build(&doc, &found));
        timed("entities in", &mut total, || {
            app.update(Msg::Entities(Box::new(Found {
                file: 0,
                entities: found,
                index,
            })));
            terminal.draw(|f| lede::ui::draw(f, &app)).expect("drawn");
        });
        println!(
            "  {:<12} {:>10.2} ms (first frame after {:.2} ms)",
            "total",
            total.as_secs_f64() * 1000.0,
            first_frame.as_secs_f64() * 1000.0
        );
    }
}
