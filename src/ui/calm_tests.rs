//! Render tests of the highlight levels on the seed, a dense news article,
//! at 100x30: the calm default lights a name at its first mention in each
//! section only, the full level every mention, the selected level only
//! the selected entity's (styled-buffer snapshots of each, and the counts
//! that make the difference).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use crate::app::{Action, App, Level};
use crate::keymap::{Keymap, Mode};

fn seed_app(level: Level) -> App {
    let doc = crate::cli::load_article(None).expect("seed");
    let found = crate::extract::extract(&doc);
    let mut app = App::new(doc, found, Keymap::default());
    app.update(Action::Resize(100, 30));
    while app.level() != level {
        app.update(Action::CycleHighlight);
    }
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.view.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| super::draw(f, app)).expect("drawn");
    terminal
}

/// Cells lit as an actor, a place or a number (the dark theme's colours)
/// above the status line (whose legend shows the styles).
fn lit(buf: &Buffer) -> usize {
    let above = usize::from(buf.area.width) * usize::from(buf.area.height - 1);
    buf.content[..above]
        .iter()
        .filter(|c| matches!(c.fg, Color::Cyan | Color::Green | Color::Yellow))
        .count()
}

/// Whether the `nth` occurrence of `word` on screen is lit.
fn lit_at(buf: &Buffer, word: &str, nth: usize) -> bool {
    let rows = super::test_rows(buf);
    let (x, y) = rows
        .iter()
        .enumerate()
        .flat_map(|(y, row)| {
            row.match_indices(word)
                .map(move |(b, _)| (row[..b].chars().count() as u16, y as u16))
        })
        .nth(nth)
        .unwrap_or_else(|| panic!("{word} #{nth} not on screen"));
    buf[(x, y)].fg != Color::Reset
}

#[test]
fn the_calm_level_lights_less_than_the_full_one() {
    let calm = draw(&seed_app(Level::First));
    let full = draw(&seed_app(Level::All));
    insta::assert_debug_snapshot!("calm_first_100x30_styles", calm.backend().buffer());
    insta::assert_debug_snapshot!("calm_all_100x30_styles", full.backend().buffer());
    let (calm, full) = (calm.backend().buffer(), full.backend().buffer());
    let (calm_rows, full_rows) = (super::test_rows(calm), super::test_rows(full));
    assert_eq!(calm_rows[..29], full_rows[..29], "the same text");
    assert!(
        lit(calm) * 4 < lit(full) * 3,
        "{} vs {}",
        lit(calm),
        lit(full)
    );
    // `Idlib` is lit at its first mention in the section, then plain; the
    // full level lights each.
    assert!(lit_at(calm, "Idlib", 0) && !lit_at(calm, "Idlib", 1));
    assert!(lit_at(full, "Idlib", 0) && lit_at(full, "Idlib", 1));
}

#[test]
fn the_selected_level_lights_the_selected_entity_only() {
    let mut app = seed_app(Level::Selected);
    assert_eq!(lit(draw(&app).backend().buffer()), 0);
    app.update(Action::ToggleEntities);
    let idlib = app
        .visible_entries()
        .iter()
        .position(|&i| app.index.entry(i).expect("entry").label == "Idlib")
        .expect("Idlib is listed");
    app.update(Action::EntityFirst);
    app.update(Action::EntityMove(idlib as i32));
    app.update(Action::EntitySelect);
    app.update(Action::Top);
    let t = draw(&app);
    let buf = t.backend().buffer();
    assert!(lit_at(buf, "Idlib", 0) && lit_at(buf, "Idlib", 1));
    assert!(!lit_at(buf, "Syria", 0), "another place stays plain");
}

#[test]
fn h_cycles_the_levels_and_says_which() {
    let mut app = seed_app(Level::First);
    let h = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('H'),
        crossterm::event::KeyModifiers::SHIFT,
    );
    let action = app.keymap().lookup(&[Mode::Body, Mode::Normal], &h);
    assert_eq!(action, Some(Action::CycleHighlight));
    let mut seen = Vec::new();
    for _ in 0..3 {
        app.update(Action::CycleHighlight);
        seen.push(app.level());
        let message = app.view.message.clone().expect("a note");
        assert!(message.starts_with("highlights: "), "{message}");
    }
    assert_eq!(seen, [Level::All, Level::Selected, Level::First]);
    // A second article opened in the session reads at the same level.
    app.update(Action::CycleHighlight);
    let doc = crate::cli::load_article(None).expect("seed");
    let file = app.add_article(doc, None);
    app.update(Action::NextFile);
    assert_eq!(file, 1);
    assert_eq!(app.view.level, Level::All);
}
