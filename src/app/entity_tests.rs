//! Key -> action -> state tests for the entity views, on the seed with the
//! real extractor.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rstest::rstest;

use super::entities::{Order, Panel};
use super::*;
use crate::cli;
use crate::extract::EntityKind;
use crate::extract::quotes::QuoteKind;
use crate::keymap::Keymap;

fn app(w: u16, h: u16) -> App {
    let doc = cli::load_article(None).expect("seed");
    let found = crate::extract::extract(&doc);
    let mut app = App::new(doc, found, Keymap::default());
    app.update(Action::Resize(w, h));
    app
}

/// Presses a key as the event loop does.
fn press(app: &mut App, code: KeyCode) -> Option<Action> {
    let mods = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let action = app.action_for_key(&KeyEvent::new(code, mods));
    if let Some(a) = action {
        app.update(a);
    }
    action
}

fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

/// Focuses the pane and moves the cursor onto the entry labelled `label`.
fn cursor_to(app: &mut App, label: &str) {
    if !app.entity.focused {
        press(app, ch('e'));
    }
    let pos = app
        .visible_entries()
        .iter()
        .position(|&i| app.index.entry(i).expect("entry").label == label)
        .unwrap_or_else(|| panic!("{label} is not listed"));
    press(app, ch('g'));
    for _ in 0..pos {
        press(app, ch('j'));
    }
}

#[rstest]
#[case(ch('e'), Action::ToggleEntities)]
#[case(ch('.'), Action::NextChosenMention)]
#[case(ch(','), Action::PrevChosenMention)]
#[case(ch('f'), Action::ToggleFocusMode)]
#[case(ch('c'), Action::ClearSelection)]
#[case(ch('Q'), Action::Quotes)]
#[case(ch('M'), Action::Map)]
fn normal_keys_map_to_entity_actions(#[case] code: KeyCode, #[case] want: Action) {
    let mut app = app(100, 30);
    assert_eq!(press(&mut app, code), Some(want));
}

#[rstest]
#[case(ch('j'), Action::EntityMove(1))]
#[case(KeyCode::Down, Action::EntityMove(1))]
#[case(ch('k'), Action::EntityMove(-1))]
#[case(ch('g'), Action::EntityFirst)]
#[case(ch('G'), Action::EntityLast)]
#[case(KeyCode::Enter, Action::EntitySelect)]
#[case(ch('s'), Action::EntityOrder)]
#[case(ch('/'), Action::EntityFilter)]
#[case(KeyCode::Esc, Action::Back)]
fn pane_keys_map_to_entity_actions(#[case] code: KeyCode, #[case] want: Action) {
    let mut app = app(160, 48);
    press(&mut app, ch('e'));
    assert!(app.entity.focused);
    assert_eq!(press(&mut app, code), Some(want));
}

#[test]
fn the_pane_is_docked_on_wide_screens_and_an_overlay_on_narrow() {
    let wide = app(160, 48);
    assert!(wide.entity.shown && !wide.entity.focused);
    let p = wide.panes();
    assert!(p.entities_docked && p.entities.is_some());
    assert_eq!(p.text.width, crate::layout::MAX_READING_WIDTH);
    let mut narrow = app(100, 30);
    assert!(!narrow.entity.shown);
    press(&mut narrow, ch('e'));
    let p = narrow.panes();
    assert!(narrow.entity.shown && !p.entities_docked && p.entities.is_some());
    press(&mut narrow, KeyCode::Esc);
    assert!(!narrow.entity.shown, "Esc closes the overlay");
    assert!(!narrow.view.quit);
}

#[test]
fn selecting_an_actor_marks_it_and_steps_through_its_mentions() {
    let mut app = app(160, 48);
    cursor_to(&mut app, "Mevlut Cavusoglu");
    press(&mut app, KeyCode::Enter);
    let sel = app.entity.selected.expect("selected");
    let entry = app.index.entry(sel).expect("entry");
    assert_eq!(entry.mentions.len(), 3, "Cavusoglu x3 folds into one entry");
    let starts: Vec<usize> = app.selected_mentions().iter().map(|r| r.start).collect();
    let in_view = |app: &App, at: usize| {
        let line = app.cache().line_at(at);
        app.visible_lines().contains(&line)
    };
    assert!(in_view(&app, starts[0]));
    assert_eq!(app.view.message.as_deref(), Some("Mevlut Cavusoglu 1/3"));
    press(&mut app, ch('.'));
    assert_eq!(app.entity.mention, 1);
    assert!(in_view(&app, starts[1]));
    press(&mut app, ch('.'));
    press(&mut app, ch('.'));
    assert_eq!(app.entity.mention, 0, "wraps to the first");
    assert_eq!(
        app.view.message.as_deref(),
        Some("Mevlut Cavusoglu 1/3 · wrapped around"),
        "the count stays"
    );
    press(&mut app, ch(','));
    assert_eq!(app.entity.mention, 2);
    // The outline marks the sections that mention him: the second only.
    assert_eq!(app.sections_mentioning(), vec![false, true, false]);
    press(&mut app, ch('c'));
    assert_eq!(app.entity.selected, None);
}

#[test]
fn order_switches_between_count_and_first_appearance() {
    let mut app = app(160, 48);
    press(&mut app, ch('e'));
    let by_count = app.visible_entries();
    press(&mut app, ch('s'));
    assert_eq!(app.entity.order, Order::FirstSeen);
    let in_order = app.visible_entries();
    assert_ne!(by_count, in_order);
    let firsts: Vec<usize> = in_order
        .iter()
        .map(|&i| app.index.entry(i).expect("entry"))
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.first)
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]));
    let counts: Vec<usize> = by_count
        .iter()
        .map(|&i| app.index.entry(i).expect("entry"))
        .filter(|e| e.kind == EntityKind::Actor)
        .map(|e| e.mentions.len())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn typing_filters_the_list_fuzzily() {
    let mut app = app(160, 48);
    press(&mut app, ch('e'));
    press(&mut app, ch('/'));
    assert!(app.entity.filtering);
    for c in "cvsg".chars() {
        assert_eq!(press(&mut app, ch(c)), Some(Action::FilterInput(c)));
    }
    let labels: Vec<&str> = app
        .visible_entries()
        .iter()
        .map(|&i| app.index.entry(i).expect("entry").label)
        .collect();
    assert_eq!(labels, vec!["Mevlut Cavusoglu"]);
    assert_eq!(
        press(&mut app, KeyCode::Backspace),
        Some(Action::FilterBackspace)
    );
    assert_eq!(app.entity.filter, "cvs");
    press(&mut app, KeyCode::Enter);
    assert!(!app.entity.filtering && app.entity.filter == "cvs");
    press(&mut app, KeyCode::Enter);
    assert!(app.entity.selected.is_some());
    press(&mut app, ch('/'));
    press(&mut app, KeyCode::Esc);
    assert!(app.entity.filter.is_empty() && !app.entity.filtering);
}

#[test]
fn focus_mode_needs_a_selection_and_toggles() {
    let mut app = app(160, 48);
    press(&mut app, ch('f'));
    assert!(!app.entity.focus_mode);
    assert!(app.view.message.is_some());
    cursor_to(&mut app, "Idlib");
    press(&mut app, KeyCode::Enter);
    press(&mut app, ch('f'));
    assert!(app.entity.focus_mode);
    press(&mut app, ch('f'));
    assert!(!app.entity.focus_mode);
}

#[test]
fn the_quotes_view_lists_and_jumps() {
    let mut app = app(160, 48);
    press(&mut app, ch('Q'));
    assert_eq!(app.entity.panel, Some(Panel::Quotes));
    assert_eq!(press(&mut app, ch('j')), Some(Action::QuoteMove(1)));
    assert_eq!(app.entity.panel_cursor, 1);
    let q = app.quotes_by_speaker()[1];
    let start = app.quotes()[q].range.start;
    assert_eq!(press(&mut app, KeyCode::Enter), Some(Action::QuoteJump));
    assert_eq!(app.entity.panel, None);
    assert!(app.visible_lines().contains(&app.cache().line_at(start)));
    press(&mut app, ch('Q'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.entity.panel, None);
    assert!(!app.view.quit);
}

#[test]
fn the_map_selects_a_place() {
    let mut app = app(100, 30);
    press(&mut app, ch('M'));
    assert_eq!(app.entity.panel, Some(Panel::Map));
    assert_eq!(press(&mut app, ch('j')), Some(Action::MapMove(1)));
    let place = app.index.map_places(&app.entities)[1];
    assert_eq!(press(&mut app, KeyCode::Enter), Some(Action::MapJump));
    assert_eq!(app.entity.selected, Some(place));
    assert_eq!(app.entity.panel, None);
    press(&mut app, ch('M'));
    press(&mut app, ch('M'));
    assert_eq!(app.entity.panel, None);
}

#[test]
fn seed_speakers_get_their_statements() {
    let app = app(160, 48);
    let speaker_of = |needle: &str| {
        app.quotes()
            .iter()
            .find(|q| app.doc.text[q.range.clone()].contains(needle))
            .and_then(|q| q.speaker)
            .map(|s| app.entities.entities[s].name.clone())
    };
    let cases = [
        ("We still hope for a diplomatic solution", "Mohamad Haj Ali"),
        (
            "nothing has changed after the Tehran summit",
            "Naji Abu Hadhifa",
        ),
        ("The terrorist groups in Idlib", "Mevlut Cavusoglu"),
        ("targeted with more than 150", "Abd al-Kareem al-Rahmoun"),
        (
            "there were no reported casualties",
            "Syrian Observatory for Human Rights",
        ),
    ];
    for (needle, want) in cases {
        assert_eq!(speaker_of(needle).as_deref(), Some(want), "{needle}");
    }
    assert!(app.quotes().iter().any(|q| q.kind == QuoteKind::Direct));
}

#[test]
fn seed_numbers_say_what_they_count() {
    let app = app(160, 48);
    let labels: Vec<&str> = app
        .index
        .entries()
        .filter(|e| e.kind == EntityKind::Number)
        .map(|e| e.label)
        .collect();
    for want in [
        "six civilians",
        "150 shells",
        "26 people",
        "three million people",
        "two million people",
    ] {
        assert!(labels.contains(&want), "{want} not in {labels:?}");
    }
}
