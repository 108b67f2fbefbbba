use crossterm::event::KeyCode;
use rstest::rstest;

use super::*;
use crate::app::Overlay;
use crate::app::{App, Msg};
use crate::document::{Document, Format};
use crate::extract::{Entities, Entity, EntityKind, Mention};
use crate::keymap::Keymap;

fn seed(w: u16, h: u16) -> App {
    let doc = crate::cli::load_article(None).expect("seed");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(w, h));
    app
}

use crate::app::test_key as key;

/// Presses a key as the event loop does.
fn press(app: &mut App, code: KeyCode, ctrl: bool) -> Option<Action> {
    let action = app.key_action(&key(code, ctrl));
    if let Some(a) = action {
        app.update(a);
    }
    action
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c), false);
    }
}

fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

fn input(app: &App) -> (&str, usize) {
    let p = app.search.prompt.as_ref().expect("prompt open");
    (p.input.as_str(), p.cursor)
}

fn current_text(app: &App) -> &str {
    let r = app
        .search
        .active
        .as_ref()
        .and_then(|s| s.current_range())
        .expect("a current hit");
    &app.doc.text[r]
}

fn line_of_current(app: &App) -> usize {
    let r = app
        .search
        .active
        .as_ref()
        .and_then(|s| s.current_range())
        .expect("a current hit");
    app.cache().line_at(r.start)
}

#[rstest]
#[case(ch('/'), false, Action::SearchForward)]
#[case(ch('?'), false, Action::SearchBackward)]
#[case(ch(':'), false, Action::GoToPrompt)]
#[case(ch('n'), false, Action::SearchNext)]
#[case(ch('N'), false, Action::SearchPrev)]
#[case(ch('m'), false, Action::MarkPending)]
#[case(ch('\''), false, Action::JumpMarkPending)]
#[case(ch('}'), false, Action::NextMention)]
#[case(ch('{'), false, Action::PrevMention)]
fn normal_keys_map_to_actions(#[case] code: KeyCode, #[case] ctrl: bool, #[case] want: Action) {
    let app = seed(100, 30);
    assert_eq!(app.key_action(&key(code, ctrl)), Some(want));
}

#[rstest]
#[case(ch('q'), false, Action::PromptInput('q'))]
#[case(ch('n'), false, Action::PromptInput('n'))]
#[case(ch('?'), false, Action::PromptInput('?'))]
#[case(ch(' '), false, Action::PromptInput(' '))]
#[case(KeyCode::Enter, false, Action::PromptAccept)]
#[case(KeyCode::Esc, false, Action::PromptCancel)]
#[case(ch('c'), true, Action::PromptCancel)]
#[case(KeyCode::Backspace, false, Action::PromptBackspace)]
#[case(KeyCode::Delete, false, Action::PromptDelete)]
#[case(KeyCode::Left, false, Action::PromptLeft)]
#[case(KeyCode::Right, false, Action::PromptRight)]
#[case(KeyCode::Home, false, Action::PromptHome)]
#[case(KeyCode::End, false, Action::PromptEnd)]
#[case(ch('a'), true, Action::PromptHome)]
#[case(ch('e'), true, Action::PromptEnd)]
#[case(ch('u'), true, Action::PromptClear)]
#[case(ch('w'), true, Action::PromptDeleteWord)]
#[case(KeyCode::Up, false, Action::PromptOlder)]
#[case(KeyCode::Down, false, Action::PromptNewer)]
fn prompt_keys_are_input_first(#[case] code: KeyCode, #[case] ctrl: bool, #[case] want: Action) {
    let mut app = seed(100, 30);
    app.update(Action::SearchForward);
    assert_eq!(app.modes(), vec![Mode::Prompt]);
    assert_eq!(app.key_action(&key(code, ctrl)), Some(want));
}

#[test]
fn incremental_search_jumps_counts_and_enter_keeps_it() {
    let mut app = seed(80, 24);
    press(&mut app, ch('/'), false);
    typed(&mut app, "Cavusoglu");
    assert_eq!(app.search.label().as_deref(), Some("1/3"));
    assert_eq!(current_text(&app), "Cavusoglu");
    assert!(app.visible_lines().contains(&line_of_current(&app)));
    let counts: Vec<_> = (0..app.doc.sections.len())
        .filter_map(|i| app.search.section_count(&app.doc, i))
        .collect();
    let engine = app
        .search
        .active
        .as_ref()
        .expect("active")
        .hits
        .per_section(&app.doc);
    assert_eq!(
        counts, engine,
        "the outline's counts agree with the engine's"
    );
    assert_eq!(counts.iter().sum::<usize>(), 3);
    press(&mut app, KeyCode::Enter, false);
    assert!(app.search.prompt.is_none());
    assert_eq!(app.search.label().as_deref(), Some("1/3"));
    press(&mut app, ch('n'), false);
    press(&mut app, ch('n'), false);
    assert_eq!(app.search.label().as_deref(), Some("3/3"));
    assert!(app.visible_lines().contains(&line_of_current(&app)));
    assert_eq!(app.view.message, None);
    press(&mut app, ch('n'), false);
    assert_eq!(app.search.label().as_deref(), Some("1/3"));
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("search wrapped")),
        "{:?}",
        app.view.message
    );
    press(&mut app, ch('N'), false);
    assert_eq!(app.search.label().as_deref(), Some("3/3"));
    // Esc clears the wrap notice and the highlights, then quits.
    press(&mut app, KeyCode::Esc, false);
    assert!(app.search.active.is_none());
    assert_eq!(app.search.section_count(&app.doc, 1), None);
    assert!(!app.view.quit);
    press(&mut app, KeyCode::Esc, false);
    assert!(app.view.quit);
}

#[test]
fn esc_after_a_failed_search_clears_the_message_and_never_quits() {
    for query in ["zzzz", "\\v(unclosed"] {
        let mut app = seed(100, 30);
        press(&mut app, ch('/'), false);
        typed(&mut app, query);
        press(&mut app, KeyCode::Enter, false);
        assert!(app.view.message.is_some(), "{query}: says why");
        press(&mut app, KeyCode::Esc, false);
        assert!(!app.view.quit, "{query}: Esc cleared the message");
        assert!(app.view.message.is_none());
        // With nothing left to clear, Esc quits as the help says.
        press(&mut app, KeyCode::Esc, false);
        assert!(app.view.quit);
    }
}

#[test]
fn esc_forgets_the_selected_entity_before_it_quits() {
    let doc = crate::cli::load_article(None).expect("seed");
    let found = crate::extract::extract(&doc);
    let mut app = App::new(doc, found, Keymap::default());
    app.update(Action::Resize(100, 30));
    app.update(Action::ToggleEntities);
    app.update(Action::EntitySelect);
    press(&mut app, ch('.'), false);
    assert!(app.entity.selected.is_some());
    press(&mut app, KeyCode::Esc, false);
    press(&mut app, KeyCode::Esc, false);
    assert!(!app.view.quit);
    assert!(app.entity.selected.is_none());
    press(&mut app, KeyCode::Esc, false);
    assert!(app.view.quit);
}

#[test]
fn esc_in_the_prompt_puts_the_view_back() {
    let mut app = seed(80, 24);
    press(&mut app, ch('/'), false);
    typed(&mut app, "Cavusoglu");
    assert_ne!(app.top(), 0, "the view went to the match");
    press(&mut app, KeyCode::Esc, false);
    assert_eq!(app.top(), 0);
    assert!(app.search.prompt.is_none());
    assert!(app.search.active.is_none());
    assert!(!app.view.quit);
}

#[test]
fn backward_search_starts_before_the_view_and_n_goes_backward() {
    let mut app = seed(80, 24);
    app.update(Action::Bottom);
    press(&mut app, ch('?'), false);
    typed(&mut app, "cavusoglu");
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(app.search.label().as_deref(), Some("3/3"));
    press(&mut app, ch('n'), false);
    assert_eq!(app.search.label().as_deref(), Some("2/3"));
    press(&mut app, ch('N'), false);
    assert_eq!(app.search.label().as_deref(), Some("3/3"));
}

#[test]
fn prompt_editing_moves_like_a_line_editor() {
    let mut app = seed(80, 24);
    press(&mut app, ch('/'), false);
    typed(&mut app, "the Çity");
    assert_eq!(input(&app), ("the Çity", 9));
    press(&mut app, KeyCode::Left, false);
    press(&mut app, KeyCode::Left, false);
    press(&mut app, KeyCode::Left, false);
    assert_eq!(input(&app).1, 6, "one char back each, multi-byte too");
    press(&mut app, KeyCode::Backspace, false);
    assert_eq!(input(&app), ("the ity", 4));
    press(&mut app, KeyCode::Delete, false);
    assert_eq!(input(&app), ("the ty", 4));
    press(&mut app, KeyCode::End, false);
    press(&mut app, ch('w'), true);
    assert_eq!(input(&app), ("the ", 4));
    typed(&mut app, "x y");
    press(&mut app, KeyCode::Home, false);
    press(&mut app, KeyCode::Right, false);
    press(&mut app, ch('u'), true);
    assert_eq!(input(&app), ("he x y", 0));
    press(&mut app, KeyCode::End, false);
    press(&mut app, ch('u'), true);
    assert_eq!(input(&app), ("", 0));
    // Backspace on an empty prompt leaves it.
    press(&mut app, KeyCode::Backspace, false);
    assert!(app.search.prompt.is_none());
}

#[test]
fn history_recalls_with_up_and_down() {
    let mut app = seed(80, 24);
    for q in ["Idlib", "Russia"] {
        press(&mut app, ch('/'), false);
        typed(&mut app, q);
        press(&mut app, KeyCode::Enter, false);
    }
    press(&mut app, ch('/'), false);
    typed(&mut app, "dra");
    press(&mut app, KeyCode::Up, false);
    assert_eq!(input(&app).0, "Russia");
    assert!(app.search.label().is_some(), "a recalled entry searches");
    press(&mut app, KeyCode::Up, false);
    assert_eq!(input(&app).0, "Idlib");
    press(&mut app, KeyCode::Up, false);
    assert_eq!(input(&app).0, "Idlib");
    press(&mut app, KeyCode::Down, false);
    assert_eq!(input(&app).0, "Russia");
    press(&mut app, KeyCode::Down, false);
    assert_eq!(input(&app), ("dra", 3), "the draft comes back");
}

#[test]
fn pastes_are_data_with_controls_stripped() {
    let mut app = seed(80, 24);
    app.update(Msg::Paste(String::from("q")));
    assert!(!app.view.quit, "no prompt: a paste is ignored, never keys");
    press(&mut app, ch('/'), false);
    app.update(Msg::Paste(String::from("Cavu\u{1b}[31m\nsoglu\u{202e}")));
    assert_eq!(input(&app).0, "Cavu[31m soglu");
    app.update(Action::PromptClear);
    app.update(Msg::Paste(String::from("Cavusoglu")));
    assert_eq!(app.search.label().as_deref(), Some("1/3"));
}

#[test]
fn a_bad_pattern_says_why_and_keeps_nothing() {
    let mut app = seed(80, 24);
    press(&mut app, ch('/'), false);
    typed(&mut app, "\\v(unclosed");
    let status = app.search.active.as_ref().map(|s| s.status());
    assert!(status.is_some_and(|s| !s.is_empty() && s != "no match"));
    press(&mut app, KeyCode::Enter, false);
    assert!(app.search.active.is_none());
    assert!(app.view.message.is_some());
    press(&mut app, ch('/'), false);
    typed(&mut app, "zzzqqq");
    press(&mut app, KeyCode::Enter, false);
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("no match"))
    );
}

#[test]
fn n_after_esc_runs_the_last_search_again() {
    let mut app = seed(80, 24);
    press(&mut app, ch('n'), false);
    assert!(app.view.message.is_some(), "no search yet says so");
    press(&mut app, ch('/'), false);
    typed(&mut app, "Cavusoglu");
    press(&mut app, KeyCode::Enter, false);
    press(&mut app, KeyCode::Esc, false);
    assert!(app.search.active.is_none());
    app.update(Action::Top);
    press(&mut app, ch('n'), false);
    assert_eq!(app.search.label().as_deref(), Some("1/3"));
}

#[test]
fn marks_and_the_last_jump() {
    let mut app = seed(80, 24);
    app.update(Action::Scroll(5));
    press(&mut app, ch('m'), false);
    assert_eq!(app.search.pending, Some(Pending::Mark));
    press(&mut app, ch('a'), false);
    assert_eq!(app.search.pending, None);
    app.update(Action::Bottom);
    let bottom = app.top();
    press(&mut app, ch('\''), false);
    press(&mut app, ch('a'), false);
    assert_eq!(app.top(), 5);
    press(&mut app, ch('\''), false);
    press(&mut app, ch('\''), false);
    assert_eq!(
        app.top(),
        bottom,
        "'' goes back to where the jump came from"
    );
    press(&mut app, ch('\''), false);
    press(&mut app, ch('\''), false);
    assert_eq!(app.top(), 5, "and '' again returns");
    press(&mut app, ch('\''), false);
    press(&mut app, ch('z'), false);
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("no mark z"))
    );
    // Esc after m cancels, and does not quit.
    press(&mut app, ch('m'), false);
    press(&mut app, KeyCode::Esc, false);
    assert_eq!(app.search.pending, None);
    assert!(!app.view.quit);
}

#[test]
fn section_and_search_jumps_are_remembered() {
    let mut app = seed(80, 24);
    app.update(Action::Scroll(3));
    app.update(Action::NextSection);
    assert_ne!(app.top(), 3);
    app.update(Action::JumpMarkPending);
    app.update(Action::JumpToMark('\''));
    assert_eq!(app.top(), 3);
    app.update(Action::Top);
    press(&mut app, ch('/'), false);
    typed(&mut app, "Cavusoglu");
    press(&mut app, KeyCode::Enter, false);
    app.update(Action::JumpToMark('\''));
    assert_eq!(app.top(), 0, "'' after a search returns to its start");
}

#[test]
fn marks_survive_a_resize() {
    let mut app = seed(100, 30);
    app.update(Action::Scroll(12));
    let offset = app.top_text();
    app.update(Action::SetMark('b'));
    app.update(Action::Resize(60, 20));
    app.update(Action::Top);
    app.update(Action::JumpToMark('b'));
    assert_eq!(app.top(), app.cache().line_at(offset));
}

#[rstest]
#[case("s2", Some(1))]
#[case("§2", Some(1))]
#[case("s9", None)]
#[case("s0", None)]
#[case("nonsense", None)]
fn goto_sections(#[case] text: &str, #[case] section: Option<usize>) {
    let mut app = seed(80, 24);
    press(&mut app, ch(':'), false);
    typed(&mut app, text);
    press(&mut app, KeyCode::Enter, false);
    match section {
        Some(s) => assert_eq!(Some(app.top()), app.cache().section_line(s)),
        None => {
            assert_eq!(app.top(), 0);
            assert!(app.view.message.is_some());
        }
    }
}

#[test]
fn an_empty_goto_repeats_the_last_one() {
    let mut app = seed(80, 24);
    press(&mut app, ch(':'), false);
    typed(&mut app, "50%");
    press(&mut app, KeyCode::Enter, false);
    let there = app.top();
    assert!(there > 0);
    press(&mut app, ch('g'), false);
    assert_eq!(app.top(), 0);
    // `:` then Enter goes to 50% again, as the help says.
    press(&mut app, ch(':'), false);
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(app.top(), there, "{:?}", app.view.message);
    assert_eq!(app.view.message, None);
}

#[test]
fn goto_lines_and_percentages() {
    let mut app = seed(80, 24);
    let line5 = app
        .doc
        .text
        .match_indices('\n')
        .nth(3)
        .map(|(i, _)| i + 1)
        .expect("five lines");
    app.update(Action::GoToPrompt);
    typed(&mut app, "5");
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(app.top(), app.cache().line_at(line5));
    app.update(Action::GoToPrompt);
    typed(&mut app, "100%");
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(app.top(), app.max_top());
    app.update(Action::GoToPrompt);
    typed(&mut app, "0%");
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(app.top(), 0);
    app.update(Action::GoToPrompt);
    typed(&mut app, "999999");
    press(&mut app, KeyCode::Enter, false);
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("no line"))
    );
}

/// An article with hand-built entities: `Ann Lee` and later `Lee` are one
/// actor, `Oslo` a place, each on its own screen.
fn with_entities() -> App {
    let filler = "Filler words that name nobody at all.\n\n".repeat(12);
    let text = format!(
        "Title\n\nAnn Lee went to Oslo.\n\n{filler}Then Lee left.\n\n{filler}Oslo and Lee again.\n"
    );
    let doc = Document::from_bytes("e.txt", text.as_bytes(), Some(Format::Plain)).expect("text");
    let find = |needle: &str, nth: usize| {
        let (i, _) = doc.text.match_indices(needle).nth(nth).expect("in text");
        i..i + needle.len()
    };
    let mut mentions = vec![
        (find("Ann Lee", 0), EntityKind::Actor, 0),
        (find("Oslo", 0), EntityKind::Place, 1),
        (find("Lee", 1), EntityKind::Actor, 0),
        (find("Oslo", 1), EntityKind::Place, 1),
        (find("Lee", 2), EntityKind::Actor, 0),
    ];
    mentions.sort_by_key(|m| m.0.start);
    let mentions: Vec<Mention> = mentions
        .into_iter()
        .map(|(range, kind, entity)| Mention::new(range, kind, entity))
        .collect();
    let of = |e: usize| {
        mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.entity() == e)
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    let entities = Entities {
        entities: vec![
            Entity {
                name: "Ann Lee".into(),
                kind: EntityKind::Actor,
                mentions: of(0),
                coords: None,
            },
            Entity {
                name: "Oslo".into(),
                kind: EntityKind::Place,
                mentions: of(1),
                coords: None,
            },
        ],
        mentions,
    };
    let mut app = App::new(doc, entities, Keymap::default());
    app.update(Action::Resize(80, 12));
    app
}

#[test]
fn mention_jumps_follow_the_entity_under_the_cursor_line() {
    let mut app = with_entities();
    press(&mut app, ch('}'), false);
    // The first mention at or below the top line is Ann Lee; the next
    // mention of her is the later `Lee`.
    assert_eq!(current_text(&app), "Lee");
    assert_eq!(app.search.label().as_deref(), Some("2/3"));
    assert!(app.visible_lines().contains(&line_of_current(&app)));
    press(&mut app, ch('}'), false);
    assert_eq!(app.search.label().as_deref(), Some("3/3"));
    press(&mut app, ch('}'), false);
    assert_eq!(app.search.label().as_deref(), Some("1/3"));
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("wrapped"))
    );
    press(&mut app, ch('{'), false);
    assert_eq!(app.search.label().as_deref(), Some("3/3"));
    assert_eq!(current_text(&app), "Lee");
    press(&mut app, ch('n'), false);
    assert_eq!(
        app.search.label().as_deref(),
        Some("1/3"),
        "n follows the mentions"
    );
}

#[test]
fn mention_jumps_without_entities_say_so() {
    let mut app = seed(80, 24);
    press(&mut app, ch('}'), false);
    assert!(app.view.message.is_some());
    assert!(app.search.active.is_none());
}

#[test]
fn entity_search_highlights_every_alias() {
    let mut app = with_entities();
    press(&mut app, ch('/'), false);
    typed(&mut app, "@lee");
    let hits: Vec<&str> = app
        .search
        .active
        .as_ref()
        .expect("active")
        .hits
        .iter()
        .map(|r| &app.doc.text[r])
        .collect();
    assert_eq!(hits, ["Ann Lee", "Lee", "Lee"]);
}

#[test]
fn esc_closes_the_outline_overlay_before_clearing_a_search() {
    let mut app = seed(50, 20);
    press(&mut app, ch('/'), false);
    typed(&mut app, "Idlib");
    press(&mut app, KeyCode::Enter, false);
    app.update(Action::ToggleOutline);
    assert_eq!(app.view.overlay, Some(Overlay::Outline));
    press(&mut app, KeyCode::Esc, false);
    assert_eq!(app.view.overlay, None);
    assert!(app.search.active.is_some());
    press(&mut app, KeyCode::Esc, false);
    assert!(app.search.active.is_none());
}

#[test]
fn esc_after_a_resize_in_the_prompt_puts_back_the_same_text() {
    let mut app = seed(100, 30);
    app.update(Action::Scroll(7));
    let offset = app.top_text();
    press(&mut app, ch('/'), false);
    typed(&mut app, "Cavusoglu");
    app.update(Action::Resize(60, 20));
    press(&mut app, KeyCode::Esc, false);
    assert_eq!(app.top(), app.cache().line_at(offset));
}

#[test]
fn the_prompt_edits_whole_graphemes() {
    let mut app = seed(80, 24);
    press(&mut app, ch('/'), false);
    app.update(Msg::Paste(String::from("a👨\u{200D}👩\u{200D}👧e\u{301}")));
    assert_eq!(input(&app).0, "a👨\u{200D}👩\u{200D}👧e\u{301}");
    press(&mut app, KeyCode::Backspace, false);
    assert_eq!(
        input(&app).0,
        "a👨\u{200D}👩\u{200D}👧",
        "e and its accent go together"
    );
    press(&mut app, KeyCode::Left, false);
    assert_eq!(
        input(&app),
        ("a👨\u{200D}👩\u{200D}👧", 1),
        "the family is one step"
    );
    press(&mut app, KeyCode::Delete, false);
    assert_eq!(input(&app), ("a", 1));
    app.update(Msg::Paste(String::from("👨\u{200D}👩")));
    press(&mut app, KeyCode::Backspace, false);
    assert_eq!(input(&app).0, "a", "never half a family");
}
