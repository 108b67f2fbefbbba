//! A search still under way in the reader: what the screen shows meanwhile,
//! and that idle steps, Enter and `n` all end with exactly what a search
//! run at once finds. The app's own budgets depend on the clock, so these
//! tests make a search under way with a byte budget and hand it to the app.

use super::*;
use crate::app::App;
use crate::extract::Entities;
use crate::keymap::Keymap;
use crate::search::Budget;

fn seed() -> App {
    let doc = crate::cli::load_article(None).expect("seed");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(100, 30));
    app
}

/// Opens the prompt, types `prompt` and replaces the search it ran with the
/// same search under way (`bytes` done).
fn under_way(app: &mut App, prompt: &str, bytes: usize) -> Search {
    app.update(Action::SearchForward);
    for c in prompt.chars() {
        app.update(Action::PromptInput(c));
    }
    let p = app.search.prompt.as_ref().expect("open");
    let (origin, view) = (p.origin_search, p.origin.offset);
    let (search, step) = Search::start(
        prompt,
        Direction::Forward,
        origin,
        view,
        &app.doc.text,
        &app.search.index,
        &app.entities,
        Budget::bytes(bytes),
    );
    assert!(!search.is_complete(), "{prompt} is found in steps");
    app.reader_mut().show_search(search, step);
    app.reader_mut().search.ran = Some(prompt.to_string());
    let (whole, _) = Search::run(
        prompt,
        Direction::Forward,
        origin,
        &app.doc.text,
        &app.search.index,
        &app.entities,
    );
    whole
}

fn active(app: &App) -> &Search {
    app.search.active.as_ref().expect("active")
}

#[test]
fn idle_steps_end_with_the_exact_count_and_the_hit_in_view() {
    let mut app = seed();
    app.update(Action::Scroll(20));
    let whole = under_way(&mut app, "\\v\\w+", 300);
    assert!(app.search.label().is_some_and(|l| l.starts_with("…/")));
    assert_eq!(app.search.section_count(&app.doc, 0), None);
    assert!(app.search.busy());
    let mut steps = 0;
    while app.search.busy() {
        app.reader_mut().search_work();
        steps += 1;
        assert!(steps < 1000, "work ends");
    }
    let s = active(&app);
    assert_eq!(s.hits, whole.hits);
    assert_eq!(s.current, whole.current);
    assert_eq!(app.search.label(), whole.label());
    assert!(app.search.section_count(&app.doc, 0).is_some());
    let line = app.cache().line_at(s.current_range().expect("a hit").start);
    assert!(app.visible_lines().contains(&line));
}

#[test]
fn enter_keeps_the_search_under_way_and_n_finishes_it() {
    let mut app = seed();
    app.update(Action::Scroll(20));
    let whole = under_way(&mut app, "\\v\\d", 300);
    app.update(Action::PromptAccept);
    assert!(app.search.prompt.is_none());
    // Enter did not start it again: it is still the one under way.
    assert!(!active(&app).is_complete());
    assert_eq!(app.search.kept.as_deref(), Some("\\v\\d"));
    app.update(Action::SearchNext);
    let s = active(&app);
    assert!(s.is_complete());
    assert_eq!(s.hits, whole.hits);
    let want = whole.current.map(|i| whole.hits.next(i).map(|s| s.index));
    assert_eq!(Some(s.current), want);
}

#[test]
fn enter_on_a_search_with_nothing_found_yet_waits_for_the_answer() {
    let mut app = seed();
    app.update(Action::Scroll(20));
    // Its one hit is in the dateline, above the view: the first pass (from
    // the view) finds nothing.
    let whole = under_way(&mut app, "\\vAntakya", 1);
    assert!(active(&app).hits.is_empty());
    app.update(Action::PromptAccept);
    assert_eq!(active(&app).hits, whole.hits);
    assert_eq!(app.search.label().as_deref(), Some("1/1"));
    let message = app.view.message.as_deref().unwrap_or("");
    assert!(message.contains("wrapped"), "{message}");
}

#[test]
fn a_late_hit_does_not_move_a_view_the_reader_moved() {
    let mut app = seed();
    app.update(Action::Scroll(20));
    // Backward: the nearest hit is known only at the end of the scan.
    app.update(Action::SearchBackward);
    for c in "\\vT".chars() {
        app.update(Action::PromptInput(c));
    }
    let p = app.search.prompt.as_ref().expect("open");
    let (search, _) = Search::start(
        "\\vT",
        Direction::Backward,
        p.origin_search,
        p.origin.offset,
        &app.doc.text,
        &app.search.index,
        &app.entities,
        Budget::bytes(50),
    );
    app.reader_mut().show_search(search, None);
    app.reader_mut().search.ran = Some("\\vT".to_string());
    app.update(Action::PromptAccept);
    assert!(!active(&app).is_complete());
    app.update(Action::Top);
    let top = app.top();
    while app.search.busy() {
        app.reader_mut().search_work();
    }
    assert_eq!(app.top(), top);
    let hit = active(&app).current_range().expect("a current hit");
    // Left where the reader put it, though the hit is out of view.
    assert!(
        !app.visible_lines()
            .contains(&app.cache().line_at(hit.start))
    );
}

#[test]
fn a_prompt_runs_its_text_even_when_the_last_prompt_ran_the_same() {
    let mut app = seed();
    let run = |app: &mut App, text: &str| {
        app.update(Action::SearchForward);
        for c in text.chars() {
            app.update(Action::PromptInput(c));
        }
    };
    run(&mut app, "Idlib");
    app.update(Action::PromptAccept);
    let idlib = active(&app).hits.len();
    run(&mut app, "Russia");
    app.update(Action::PromptCancel);
    // Esc brought back `Idlib`; typing `Russia` again must find `Russia`.
    assert_eq!(active(&app).hits.len(), idlib);
    run(&mut app, "Russia");
    let (whole, _) = Search::run(
        "Russia",
        Direction::Forward,
        0,
        &app.doc.text,
        &app.search.index,
        &app.entities,
    );
    assert_eq!(active(&app).hits, whole.hits);
}

#[test]
fn a_long_article_shows_hits_before_its_index_and_idle_steps_finish() {
    // Longer than the preview: the first keystroke does not build the
    // index, it previews the hits near the view.
    let text = crate::sample::generate(
        crate::search::PREVIEW_BYTES * 3,
        crate::document::Format::Plain,
        7,
    );
    let doc = crate::document::Document::from_bytes(
        "long.txt",
        text.as_bytes(),
        Some(crate::document::Format::Plain),
    )
    .expect("text");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(100, 30));
    app.update(Action::Scroll(2000));
    assert!(!app.search.index.is_built());
    let top = app.top_text();
    app.update(Action::SearchForward);
    for c in "the".chars() {
        app.update(Action::PromptInput(c));
    }
    let search = active(&app);
    assert!(search.waits_for_index(), "no index yet: a preview");
    let current = search.current_range().expect("a hit near the view");
    assert!(current.start >= top);
    assert!(app.search.label().is_some_and(|l| l.starts_with("…/")));
    while app.search.busy() {
        app.reader_mut().search_work();
    }
    let (whole, _) = Search::run(
        "the",
        Direction::Forward,
        top,
        &app.doc.text,
        &app.search.index,
        &app.entities,
    );
    let search = active(&app);
    assert!(search.is_complete());
    assert_eq!(search.hits, whole.hits);
    assert_eq!(search.current_range(), whole.current_range());
}
