use crossterm::event::KeyCode;
use rstest::rstest;

use super::reader::WHEEL_LINES;
use super::*;
use crate::cli;
use crate::extract::{Entities, EntityKind};
use crate::keymap::{Keymap, Mode};

fn app(w: u16, h: u16) -> App {
    let doc = cli::load_article(None).expect("seed");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(w, h));
    app
}

use crate::app::test_key as key;

/// Presses a key the way the event loop does: the keymap in the current
/// modes, then `update`.
fn press(app: &mut App, code: KeyCode, ctrl: bool) -> Option<Action> {
    let action = app.keymap.lookup(&app.modes(), &key(code, ctrl));
    if let Some(a) = action {
        app.update(a);
    }
    action
}

fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

#[rstest]
#[case(ch('j'), false, Action::Scroll(1))]
#[case(KeyCode::Down, false, Action::Scroll(1))]
#[case(ch('k'), false, Action::Scroll(-1))]
#[case(KeyCode::Up, false, Action::Scroll(-1))]
#[case(ch(' '), false, Action::Page(1))]
#[case(KeyCode::PageDown, false, Action::Page(1))]
#[case(ch('f'), true, Action::Page(1))]
#[case(ch('b'), false, Action::Page(-1))]
#[case(KeyCode::PageUp, false, Action::Page(-1))]
#[case(ch('b'), true, Action::Page(-1))]
#[case(ch('d'), true, Action::HalfPage(1))]
#[case(ch('u'), true, Action::HalfPage(-1))]
#[case(ch('g'), false, Action::Top)]
#[case(KeyCode::Home, false, Action::Top)]
#[case(ch('G'), false, Action::Bottom)]
#[case(KeyCode::End, false, Action::Bottom)]
#[case(ch(']'), false, Action::NextSection)]
#[case(ch('['), false, Action::PrevSection)]
#[case(ch('1'), false, Action::Section(0))]
#[case(ch('5'), false, Action::Section(4))]
#[case(ch('9'), false, Action::Section(8))]
#[case(KeyCode::Tab, false, Action::ToggleFocus)]
#[case(ch('o'), false, Action::ToggleOutline)]
#[case(ch('x'), false, Action::ToggleFurniture)]
#[case(ch('v'), false, Action::ToggleReveal)]
#[case(ch('a'), false, Action::ToggleHighlight(EntityKind::Actor))]
#[case(ch('p'), false, Action::ToggleHighlight(EntityKind::Place))]
#[case(ch('#'), false, Action::ToggleHighlight(EntityKind::Number))]
#[case(ch('h'), false, Action::Help)]
#[case(KeyCode::F(1), false, Action::Help)]
#[case(ch('?'), false, Action::SearchBackward)]
#[case(ch('q'), false, Action::Quit)]
#[case(ch('c'), true, Action::Quit)]
#[case(KeyCode::Esc, false, Action::Back)]
#[case(ch('z'), true, Action::Suspend)]
fn body_keys_map_to_actions(#[case] code: KeyCode, #[case] ctrl: bool, #[case] want: Action) {
    let map = Keymap::default();
    assert_eq!(
        map.lookup(&[Mode::Body, Mode::Normal], &key(code, ctrl)),
        Some(want)
    );
}

#[rstest]
#[case(ch('j'), Action::OutlineMove(1))]
#[case(KeyCode::Down, Action::OutlineMove(1))]
#[case(ch('k'), Action::OutlineMove(-1))]
#[case(KeyCode::Up, Action::OutlineMove(-1))]
#[case(ch('g'), Action::OutlineFirst)]
#[case(ch('G'), Action::OutlineLast)]
#[case(KeyCode::Enter, Action::OutlineJump)]
#[case(ch(']'), Action::NextSection)]
#[case(KeyCode::Tab, Action::ToggleFocus)]
fn outline_keys_map_to_actions(#[case] code: KeyCode, #[case] want: Action) {
    let map = Keymap::default();
    assert_eq!(
        map.lookup(&[Mode::Outline, Mode::Normal], &key(code, false)),
        Some(want)
    );
}

#[test]
fn unbound_keys_do_nothing() {
    let mut app = app(100, 30);
    let before = app.view.clone();
    assert_eq!(press(&mut app, ch('Z'), false), None);
    assert_eq!(press(&mut app, KeyCode::Enter, false), None);
    assert_eq!(app.view, before);
}

#[test]
fn line_keys_scroll_one_line() {
    let mut app = app(100, 30);
    press(&mut app, ch('j'), false);
    press(&mut app, KeyCode::Down, false);
    assert_eq!(app.top(), 2);
    press(&mut app, ch('k'), false);
    assert_eq!(app.top(), 1);
    press(&mut app, KeyCode::Up, false);
    press(&mut app, KeyCode::Up, false);
    assert_eq!(app.top(), 0, "never above the start");
}

#[test]
fn page_keys_scroll_a_page_less_two_lines() {
    let mut app = app(100, 30);
    let page = app.page_height() - 2;
    for (code, ctrl) in [
        (ch(' '), false),
        (KeyCode::PageDown, false),
        (ch('f'), true),
    ] {
        press(&mut app, code, ctrl);
    }
    assert_eq!(app.top(), 3 * page);
    for (code, ctrl) in [(ch('b'), false), (KeyCode::PageUp, false), (ch('b'), true)] {
        press(&mut app, code, ctrl);
    }
    assert_eq!(app.top(), 0);
}

#[test]
fn half_page_keys() {
    let mut app = app(100, 30);
    let half = app.page_height() / 2;
    press(&mut app, ch('d'), true);
    assert_eq!(app.top(), half);
    press(&mut app, ch('u'), true);
    assert_eq!(app.top(), 0);
}

#[test]
fn start_and_end_keys() {
    let mut app = app(100, 30);
    for code in [ch('G'), KeyCode::End] {
        app.reader_mut().show_line(3);
        press(&mut app, code, false);
        assert_eq!(app.top(), app.cache().len() - app.page_height());
        assert_eq!(app.percent(), 100);
        assert_eq!(app.visible_lines().end, app.cache().len());
    }
    for code in [ch('g'), KeyCode::Home] {
        app.reader_mut().show_line(9);
        press(&mut app, code, false);
        assert_eq!(app.top(), 0);
    }
    // Scrolling down at the end stays at the end.
    press(&mut app, ch('G'), false);
    let end = app.top();
    press(&mut app, ch('j'), false);
    assert_eq!(app.top(), end);
}

#[test]
fn section_keys_put_the_heading_on_top() {
    let mut app = app(100, 30);
    let second = app.cache().section_line(1).expect("shown");
    press(&mut app, ch(']'), false);
    assert_eq!(app.top(), second);
    assert_eq!(app.current_section(), 1);
    // The furniture is hidden at first: the second section is the last.
    press(&mut app, ch(']'), false);
    assert_eq!(app.top(), second);
    assert!(app.view.message.is_some(), "the last section says so");
    press(&mut app, ch('x'), false);
    press(&mut app, ch(']'), false);
    let third = app.cache().section_line(2).expect("furniture shown");
    assert_eq!(app.top(), third, "page furniture is the third section");
    press(&mut app, ch(']'), false);
    assert_eq!(app.top(), third);
    assert!(app.view.message.is_some(), "the last section says so");
    press(&mut app, ch('['), false);
    press(&mut app, ch('j'), false);
    press(&mut app, ch('['), false);
    assert_eq!(app.top(), second, "back to the start of this section");
    press(&mut app, ch('['), false);
    assert_eq!(app.top(), 0);
    assert_eq!(app.current_section(), 0);
}

#[test]
fn number_keys_go_to_sections() {
    let mut app = app(100, 30);
    press(&mut app, ch('2'), false);
    assert_eq!(app.top(), app.cache().section_line(1).expect("shown"));
    press(&mut app, ch('1'), false);
    assert_eq!(app.top(), 0);
    press(&mut app, ch('9'), false);
    assert_eq!(app.top(), 0);
    let message = |app: &App| app.view.message.clone().unwrap_or_default();
    assert!(message(&app).contains("no section 9"));
    // The furniture section is hidden at first, and says how to show it.
    press(&mut app, ch('3'), false);
    assert!(message(&app).contains("press x"), "{}", message(&app));
    assert_eq!(app.top(), 0);
    press(&mut app, ch('x'), false);
    press(&mut app, ch('3'), false);
    assert_eq!(app.top(), app.cache().section_line(2).expect("shown"));
}

#[test]
fn furniture_key_shows_and_hides_the_boilerplate() {
    let mut app = app(100, 30);
    assert!(!app.view.show_furniture, "hidden at first");
    let hidden = app.cache().len();
    assert_eq!(app.cache().section_line(2), None);
    press(&mut app, ch('x'), false);
    assert!(app.view.show_furniture);
    let shown = app.cache().len();
    assert!(hidden < shown);
    press(&mut app, ch('3'), false);
    assert_eq!(app.top(), app.cache().section_line(2).expect("shown"));
    assert_eq!(app.current_section(), 2);
    press(&mut app, ch('x'), false);
    assert!(!app.view.show_furniture);
    assert_eq!(app.cache().len(), hidden);
    assert_eq!(app.cache().section_line(2), None);
    assert!(app.top() <= hidden);
}

#[test]
fn reveal_key_rewraps_and_keeps_the_text_on_top() {
    let mut app = app(100, 30);
    press(&mut app, ch(']'), false);
    let anchor = app.view.anchor;
    let top_text = app.cache().line(app.top()).expect("top line").range.start;
    assert!(!app.view.reveal && !app.cache().cache.reveals());
    press(&mut app, ch('v'), false);
    assert!(app.view.reveal && app.cache().cache.reveals(), "re-wrapped");
    let note = app.view.message.clone().unwrap_or_default();
    assert!(note.starts_with("reveal"), "{note}");
    assert_eq!(app.view.anchor, anchor, "the anchor is kept");
    assert_eq!(
        app.cache().line(app.top()).expect("top line").range.start,
        top_text
    );
    press(&mut app, ch('v'), false);
    assert!(!app.view.reveal && !app.cache().cache.reveals());
    assert_eq!(
        app.cache().line(app.top()).expect("top line").range.start,
        top_text
    );
}

#[test]
fn tab_moves_focus_and_the_outline_keys_work() {
    let mut app = app(100, 30);
    press(&mut app, ch(']'), false);
    press(&mut app, KeyCode::Tab, false);
    assert_eq!(app.view.focus, Focus::Outline);
    assert_eq!(
        app.view.selected, 1,
        "the selection starts at the current section"
    );
    press(&mut app, ch('k'), false);
    assert_eq!(app.view.selected, 0);
    press(&mut app, KeyCode::Up, false);
    assert_eq!(app.view.selected, 0);
    press(&mut app, ch('j'), false);
    press(&mut app, KeyCode::Down, false);
    assert_eq!(app.view.selected, 2);
    press(&mut app, ch('g'), false);
    assert_eq!(app.view.selected, 0);
    press(&mut app, ch('G'), false);
    assert_eq!(app.view.selected, 2);
    press(&mut app, ch('k'), false);
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(app.top(), app.cache().section_line(1).expect("shown"));
    assert_eq!(app.view.focus, Focus::Outline);
    press(&mut app, KeyCode::BackTab, false);
    assert_eq!(app.view.focus, Focus::Body);
}

#[test]
fn o_hides_the_outline_on_wide_screens() {
    let mut app = app(100, 30);
    assert!(app.panes().outline.is_some());
    press(&mut app, KeyCode::Tab, false);
    press(&mut app, ch('o'), false);
    assert!(!app.view.outline_shown);
    assert!(app.panes().outline.is_none());
    assert_eq!(app.view.focus, Focus::Body);
    press(&mut app, ch('o'), false);
    assert!(app.panes().outline.is_some());
}

#[test]
fn narrow_screens_bring_the_outline_as_an_overlay() {
    let mut app = app(40, 15);
    assert!(app.panes().narrow && app.panes().outline.is_none());
    press(&mut app, ch('o'), false);
    assert_eq!(app.view.overlay, Some(Overlay::Outline));
    assert_eq!(app.view.focus, Focus::Outline);
    press(&mut app, ch('j'), false);
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(app.view.overlay, None, "a jump closes the overlay");
    assert_eq!(app.current_section(), 1);
    press(&mut app, KeyCode::Tab, false);
    assert_eq!(app.view.overlay, Some(Overlay::Outline));
    press(&mut app, KeyCode::Esc, false);
    assert_eq!(app.view.overlay, None, "Esc closes the overlay first");
    assert!(!app.view.quit);
    press(&mut app, KeyCode::Esc, false);
    assert!(app.view.quit);
}

#[test]
fn space_and_b_page_the_help_which_stops_at_its_end() {
    let mut app = app(100, 30);
    press(&mut app, ch('h'), false);
    let (page, max) = crate::ui::help_scroll_room(app.keymap(), (100, 30));
    assert!(max > 2 * page, "the help is several pages at 100x30");
    let at = |app: &App| usize::from(app.view.help_scroll);
    press(&mut app, ch(' '), false);
    assert_eq!(at(&app), page - 1, "a page, less a line kept for context");
    press(&mut app, KeyCode::PageDown, false);
    assert_eq!(at(&app), 2 * (page - 1));
    press(&mut app, ch('b'), false);
    press(&mut app, KeyCode::PageUp, false);
    assert_eq!(at(&app), 0);
    for _ in 0..100 {
        press(&mut app, ch(' '), false);
    }
    assert_eq!(at(&app), max, "no further than the last page");
    press(&mut app, ch('k'), false);
    assert_eq!(at(&app), max - 1, "the first key back counts");
    assert_eq!(app.top(), 0, "the body stayed put");
    assert_eq!(app.view.overlay, Some(Overlay::Help));
}

#[test]
fn help_keys_open_and_close_the_help() {
    for open in [ch('h'), KeyCode::F(1)] {
        let mut app = app(100, 30);
        press(&mut app, open, false);
        assert_eq!(app.view.overlay, Some(Overlay::Help));
        press(&mut app, ch('j'), false);
        press(&mut app, KeyCode::Down, false);
        assert_eq!(app.view.help_scroll, 2);
        assert_eq!(app.top(), 0, "keys go to the help while it is open");
        press(&mut app, ch('k'), false);
        assert_eq!(app.view.help_scroll, 1);
        press(&mut app, open, false);
        assert_eq!(app.view.overlay, None);
    }
    let mut app = app(100, 30);
    press(&mut app, ch('h'), false);
    press(&mut app, ch('q'), false);
    assert_eq!(app.view.overlay, None);
    assert!(!app.view.quit, "q closes the help, not the reader");
    press(&mut app, ch('h'), false);
    press(&mut app, KeyCode::Esc, false);
    assert!(!app.view.quit);
    press(&mut app, ch('h'), false);
    assert_eq!(press(&mut app, ch('z'), true), Some(Action::Suspend));
    press(&mut app, ch('c'), true);
    assert!(app.view.quit, "Ctrl-c quits from the help too");
}

#[rstest]
#[case(ch('q'), false)]
#[case(ch('c'), true)]
#[case(KeyCode::Esc, false)]
fn quit_keys(#[case] code: KeyCode, #[case] ctrl: bool) {
    let mut app = app(100, 30);
    press(&mut app, code, ctrl);
    assert!(app.view.quit);
}

#[test]
fn highlight_keys_toggle_each_kind() {
    let mut app = app(100, 30);
    press(&mut app, ch('a'), false);
    assert_eq!(app.view.highlight, [false, true, true]);
    press(&mut app, ch('p'), false);
    press(&mut app, ch('#'), false);
    assert_eq!(app.view.highlight, [false, false, false]);
    press(&mut app, ch('a'), false);
    assert!(app.highlights(EntityKind::Actor));
}

#[test]
fn ctrl_z_leaves_the_state_alone() {
    let mut app = app(100, 30);
    let before = app.view.clone();
    assert_eq!(press(&mut app, ch('z'), true), Some(Action::Suspend));
    assert_eq!(app.view, before);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(100, 30);
    let body = app.panes().text;
    app.update(Action::MouseScroll {
        column: body.x + 2,
        row: body.y + 2,
        lines: 1,
    });
    assert_eq!(app.top(), WHEEL_LINES as usize);
    app.update(Action::MouseScroll {
        column: 2,
        row: 2,
        lines: 1,
    });
    assert_eq!(
        app.top(),
        WHEEL_LINES as usize,
        "the outline scrolls, not the body"
    );
    assert_eq!(app.view.outline_offset, 1);
    app.update(Action::MouseScroll {
        column: 2,
        row: 2,
        lines: -5,
    });
    assert_eq!(app.view.outline_offset, 0);
}

#[test]
fn a_click_in_the_outline_jumps() {
    let mut app = app(100, 30);
    let list = app.panes().outline_list.expect("outline");
    app.update(Action::Click {
        column: list.x + 1,
        row: list.y + 1,
    });
    assert_eq!(app.top(), app.cache().section_line(1).expect("shown"));
    assert_eq!(app.view.focus, Focus::Outline);
    let text = app.panes().text;
    app.update(Action::Click {
        column: text.x,
        row: text.y,
    });
    assert_eq!(app.view.focus, Focus::Body);
    // A click below the last entry does nothing.
    let before = app.view.clone();
    app.update(Action::Click {
        column: list.x + 1,
        row: list.y + 10,
    });
    assert_eq!(app.view, before);
}

#[test]
fn the_current_section_stays_in_the_outline() {
    // Forty sections in a terminal whose outline shows about ten.
    let text: String = (1..=40)
        .map(|i| format!("Heading number {i}\n\nSome text for section {i}.\n\n"))
        .collect();
    let doc = crate::document::Document::from_bytes(
        "many.txt",
        format!("Title\n\n{text}").as_bytes(),
        None,
    )
    .expect("text");
    assert!(doc.sections.len() > 30);
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(100, 14));
    let rows = usize::from(app.panes().outline_list.expect("outline").height);
    app.update(Action::Section(30));
    assert!(app.view.outline_offset <= 30 && 30 < app.view.outline_offset + rows);
    app.update(Action::Top);
    assert_eq!(app.view.outline_offset, 0);
}

#[test]
fn resizing_keeps_the_same_text_on_top() {
    let mut app = app(100, 30);
    for _ in 0..17 {
        press(&mut app, ch('j'), false);
    }
    let offset = app.cache().line(app.top()).expect("top").range.start;
    for (w, h) in [(40, 15), (160, 48), (0, 0), (1, 1), (70, 20)] {
        app.update(Action::Resize(w, h));
        let line = app.cache().line(app.top()).expect("top");
        assert!(
            line.range.start <= offset && offset <= line.range.end,
            "{w}x{h}: {line:?} does not hold {offset}"
        );
    }
}

#[test]
fn an_empty_article_is_safe_to_move_in() {
    let doc = crate::document::Document::from_bytes("e.txt", b"", None).expect("empty");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(80, 24));
    assert_eq!(app.view.message.as_deref(), None);
    for action in [
        Action::Scroll(5),
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::Section(0),
        Action::ToggleFocus,
        Action::OutlineMove(3),
        Action::OutlineJump,
        Action::Page(-2),
    ] {
        app.update(action);
        assert_eq!(app.top(), 0);
    }
    assert_eq!(app.percent(), 100);
}
