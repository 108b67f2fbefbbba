//! The reader's step + frame, repeated, for an instruction count: what
//! `benches/reader.rs` times as "step + frame 200x60", run outside
//! criterion so `valgrind --tool=callgrind` can count it on a busy machine
//! (instructions do not depend on the load). Two runs with different
//! counts give the cost of one step + frame by difference:
//!
//! `valgrind --tool=callgrind target/release/examples/frames 0 scroll`
//! `valgrind --tool=callgrind target/release/examples/frames 1000 scroll`

use lede::app::{Action, App};
use lede::extract::Entities;
use lede::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZE: (u16, u16) = (200, 60);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let steps: usize = args.next().as_deref().unwrap_or("1000").parse()?;
    let (forward, back) = match args.next().as_deref().unwrap_or("scroll") {
        "page" => (Action::Page(1), Action::Page(-1)),
        "section" => (Action::NextSection, Action::PrevSection),
        _ => (Action::Scroll(1), Action::Scroll(-1)),
    };
    let doc = lede::cli::load_article(None)?;
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(SIZE.0, SIZE.1));
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1))?;
    terminal.draw(|f| lede::ui::draw(f, &app))?;
    let half = i32::try_from(app.cache().len() / 2).unwrap_or(i32::MAX);
    app.update(Action::Scroll(half));
    for i in 0..steps {
        app.update(if i % 2 == 0 { forward } else { back });
        terminal.draw(|f| lede::ui::draw(f, &app))?;
    }
    Ok(())
}
