//! Render tests of search: hits and the current hit styled (over entity
//! styles), counts in the prompt, the status line and the outline, the
//! wrapped notice, the prompt's cursor.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};

use crate::app::{Action, App};
use crate::extract::{Entities, Entity, EntityKind, Mention};
use crate::keymap::Keymap;

fn seed_app() -> App {
    let doc = crate::cli::load_article(None).expect("seed");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(80, 24));
    app
}

/// Draws at a size; the app is resized only when the size changes, as the
/// event loop does (a resize clears the one-shot status message).
fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    if app.view.size != (w, h) {
        app.update(Action::Resize(w, h));
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| super::draw(f, app)).expect("drawn");
    terminal
}

use super::test_rows as rows;

/// Every cell position where `needle` starts on screen, in reading order.
fn find_all(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for (y, row) in rows(buf).iter().enumerate() {
        for (byte, _) in row.match_indices(needle) {
            out.push((row[..byte].chars().count() as u16, y as u16));
        }
    }
    out
}

fn search(app: &mut App, text: &str) {
    app.update(Action::SearchForward);
    for c in text.chars() {
        app.update(Action::PromptInput(c));
    }
}

fn last_row(buf: &Buffer) -> String {
    rows(buf).last().cloned().unwrap_or_default()
}

#[test]
fn snapshots_of_a_search() {
    for (w, h) in [(80, 24), (120, 40), (40, 15)] {
        let mut app = seed_app();
        app.update(Action::Resize(w, h));
        search(&mut app, "Cavusoglu");
        let t = draw(&mut app, w, h);
        insta::assert_snapshot!(
            format!("search_prompt_{w}x{h}"),
            rows(t.backend().buffer()).join("\n")
        );
        app.update(Action::PromptAccept);
        app.update(Action::SearchNext);
        let t = draw(&mut app, w, h);
        insta::assert_snapshot!(
            format!("search_kept_{w}x{h}"),
            rows(t.backend().buffer()).join("\n")
        );
    }
    let mut app = seed_app();
    search(&mut app, "Cavusoglu");
    app.update(Action::PromptAccept);
    let t = draw(&mut app, 80, 24);
    insta::assert_debug_snapshot!("search_kept_80x24_styles", t.backend().buffer());
}

#[test]
fn the_prompt_shows_the_count_and_holds_the_cursor() {
    let mut app = seed_app();
    search(&mut app, "Cavusoglu");
    let mut t = draw(&mut app, 80, 24);
    let last = last_row(t.backend().buffer());
    assert!(last.starts_with("/Cavusoglu"), "{last}");
    assert!(last.trim_end().ends_with("1/3"), "{last}");
    let cursor = t.get_cursor_position().expect("cursor");
    assert_eq!(cursor, Position::new(10, 23));
    app.update(Action::PromptHome);
    let mut t2 = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    t2.draw(|f| super::draw(f, &app)).expect("drawn");
    assert_eq!(
        t2.get_cursor_position().expect("cursor"),
        Position::new(1, 23)
    );
    // A query with no match says so.
    app.update(Action::PromptEnd);
    app.update(Action::PromptInput('x'));
    t.draw(|f| super::draw(f, &app)).expect("drawn");
    let last = last_row(t.backend().buffer());
    assert!(last.trim_end().ends_with("no match"), "{last}");
}

#[test]
fn a_bad_pattern_says_why_in_the_prompt() {
    let mut app = seed_app();
    search(&mut app, "\\v(open");
    let t = draw(&mut app, 80, 24);
    let last = last_row(t.backend().buffer());
    assert!(last.starts_with("/\\v(open"), "{last}");
    assert!(last.contains("bad pattern"), "{last}");
    assert!(last.trim_end().chars().count() <= 80);
}

#[test]
fn a_long_query_scrolls_to_keep_the_cursor_in_view() {
    let mut app = seed_app();
    app.update(Action::Resize(40, 15));
    search(&mut app, &"abcdefghij".repeat(10));
    let mut t = draw(&mut app, 40, 15);
    let cursor = t.get_cursor_position().expect("cursor");
    assert!(cursor.x < 40);
    let last = last_row(t.backend().buffer());
    assert!(last.starts_with('/'));
    assert!(
        last.contains("ghij"),
        "the end of the input is shown: {last}"
    );
}

#[test]
fn hits_and_the_current_hit_are_styled_apart() {
    let mut app = seed_app();
    search(&mut app, "Cavusoglu");
    app.update(Action::PromptAccept);
    app.update(Action::SearchNext);
    let t = draw(&mut app, 80, 24);
    let buf = t.backend().buffer();
    let at = find_all(buf, "Cavusoglu");
    assert!(at.len() >= 2, "{}", rows(buf).join("\n"));
    let current = app
        .search
        .active
        .as_ref()
        .and_then(|s| s.current_range())
        .expect("current");
    let current_line =
        app.cache().line_at(current.start) - app.top() + usize::from(app.panes().text.y);
    let mut saw = (false, false);
    for (x, y) in at {
        for dx in 0..9 {
            let style = buf[(x + dx, y)].style();
            if usize::from(y) == current_line {
                assert_eq!(style.bg, Some(Color::LightMagenta));
                assert!(
                    style
                        .add_modifier
                        .contains(Modifier::BOLD | Modifier::UNDERLINED)
                );
                saw.0 = true;
            } else {
                assert_eq!(style.bg, Some(Color::Yellow));
                assert!(!style.add_modifier.contains(Modifier::UNDERLINED));
                saw.1 = true;
            }
        }
        // The cell after a hit is plain again.
        assert!(matches!(
            buf[(x + 9, y)].style().bg,
            None | Some(Color::Reset)
        ));
    }
    assert_eq!(saw, (true, true));
    let status = last_row(buf);
    assert!(status.contains("match 2/3"), "{status}");
}

#[test]
fn search_styles_win_over_entity_styles_and_read_without_colour() {
    let doc = crate::cli::load_article(None).expect("seed");
    let mut mentions = Vec::new();
    let mut ids = Vec::new();
    for (start, w) in doc.text.match_indices("Cavusoglu") {
        ids.push(mentions.len());
        mentions.push(Mention::new(start..start + w.len(), EntityKind::Actor, 0));
    }
    let entities = Entities {
        mentions,
        entities: vec![Entity {
            name: "Cavusoglu".into(),
            kind: EntityKind::Actor,
            mentions: ids,
            coords: None,
        }],
    };
    let mut app = App::new(doc, entities, Keymap::default());
    app.update(Action::Resize(80, 24));
    search(&mut app, "usog");
    app.update(Action::PromptAccept);
    let t = draw(&mut app, 80, 24);
    let buf = t.backend().buffer();
    let (x, y) = find_all(buf, "Cavusoglu")[0];
    let entity = buf[(x, y)].style();
    assert_eq!(entity.fg, Some(Color::Cyan), "outside the hit: the entity");
    let hit = buf[(x + 3, y)].style();
    assert_eq!(hit.bg, Some(Color::LightMagenta), "inside: the current hit");
    assert!(hit.add_modifier.contains(Modifier::BOLD));
    let app = app.with_theme(crate::ui::theme::Theme::new(false));
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    t.draw(|f| super::draw(f, &app)).expect("drawn");
    let buf = t.backend().buffer();
    let (x, y) = find_all(buf, "Cavusoglu")[0];
    let hit = buf[(x + 3, y)].style();
    assert!(matches!(hit.bg, None | Some(Color::Reset)));
    assert!(
        hit.add_modifier
            .contains(Modifier::REVERSED | Modifier::UNDERLINED)
    );
}

#[test]
fn the_wrapped_notice_is_on_the_status_line() {
    let mut app = seed_app();
    search(&mut app, "Cavusoglu");
    app.update(Action::PromptAccept);
    for _ in 0..3 {
        app.update(Action::SearchNext);
    }
    let t = draw(&mut app, 80, 24);
    let status = last_row(t.backend().buffer());
    assert!(status.contains("match 1/3"), "{status}");
    assert!(status.contains("search wrapped"), "{status}");
    app.update(Action::Scroll(1));
    let t = draw(&mut app, 80, 24);
    let status = last_row(t.backend().buffer());
    assert!(
        !status.contains("search wrapped"),
        "the notice goes: {status}"
    );
}

#[test]
fn the_outline_counts_matches_per_section() {
    let mut app = seed_app();
    app.update(Action::Resize(100, 30));
    search(&mut app, "Russia");
    app.update(Action::PromptAccept);
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let counts = app
        .search
        .active
        .as_ref()
        .expect("active")
        .hits
        .per_section(&app.doc);
    assert_eq!(counts.len(), app.doc.sections.len());
    let panes = app.panes();
    let list = panes.outline_list.expect("outline");
    for (i, &n) in counts.iter().enumerate() {
        let row: String = (list.x..list.right())
            .map(|x| buf[(x, list.y + i as u16)].symbol().to_string())
            .collect();
        if n > 0 {
            assert!(row.trim_end().ends_with(&format!(" {n}")), "{row:?} {n}");
            let x = list.right() - 1;
            assert_eq!(buf[(x, list.y + i as u16)].style().bg, Some(Color::Yellow));
        }
    }
    assert!(counts.iter().sum::<usize>() > 0);
    app.update(Action::Back);
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let row: String = (list.x..list.right())
        .map(|x| buf[(x, list.y + 1)].symbol().to_string())
        .collect();
    assert!(!row.trim_end().ends_with(char::is_numeric), "{row}");
}

#[test]
fn a_match_across_a_soft_wrap_is_highlighted_on_both_rows() {
    let mut app = seed_app();
    search(&mut app, "Mevlut Cavusoglu");
    app.update(Action::PromptAccept);
    assert_eq!(app.search.label().as_deref(), Some("1/1"));
    let t = draw(&mut app, 80, 24);
    let buf = t.backend().buffer();
    let (x, y) = find_all(buf, "Mevlut")[0];
    let (x2, y2) = find_all(buf, "Cavusoglu")[0];
    assert_eq!(
        y2,
        y + 1,
        "the seed wraps between the two words at 80 columns"
    );
    for (x, y, len) in [(x, y, 6), (x2, y2, 9)] {
        for dx in 0..len {
            assert_eq!(buf[(x + dx, y)].style().bg, Some(Color::LightMagenta));
        }
    }
}
