//! Times a search typed right after an article opens, as a reader does it:
//! the reader is made (entities still being found), drawn once, then
//! `/WORD` and Enter are typed at once, through `App::update`, and idle
//! steps run until the current hit is known. Prints the time to the first
//! hit shown and to the exact count.
//!
//! ```text
//! cargo run --release --example first_search -- article.txt WORD
//! ```

use std::time::Instant;

use lede::app::{Action, App, Msg};
use lede::document::{Document, Format, load};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("an article");
    let word = args.next().expect("a word");
    let bytes = load::read_path(std::path::Path::new(&path)).expect("readable");
    let source = load::decode_owned(&path, bytes).expect("text");
    let format = Format::from_name(&path).unwrap_or_else(|| Format::sniff(&source.text));
    let doc = Document::parse(source, format);
    let mut app = App::awaiting_entities(doc, lede::keymap::Keymap::default());
    app.update(Action::Resize(200, 60));
    let start = Instant::now();
    app.update(Action::SearchForward);
    for c in word.chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::PromptAccept);
    let typed = start.elapsed();
    while app
        .search
        .active
        .as_ref()
        .is_some_and(|s| s.current.is_none())
        && app.search.busy()
    {
        app.update(Msg::SearchWork);
    }
    let shown = start.elapsed();
    while app.search.busy() {
        app.update(Msg::SearchWork);
    }
    let exact = start.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "typed {:.1} ms, first hit {:.1} ms ({}), exact {:.1} ms ({})",
        ms(typed),
        ms(shown),
        app.search.label().unwrap_or_default(),
        ms(exact),
        app.search.active.as_ref().map_or(0, |s| s.hits.len()),
    );
}
