//! The view over a long article, most of it not yet wrapped: every move
//! shows the right text, whatever has been wrapped so far.

use super::*;
use std::ops::Range;

use crate::document::Document;
use crate::document::Format;
use crate::extract::Entities;
use crate::keymap::Keymap;
use crate::layout::WrapCache;

/// Generated news long enough that only its start is wrapped on opening.
fn long_app(w: u16, h: u16) -> App {
    let text = crate::sample::generate(200_000, Format::Markdown, 11);
    let doc = Document::from_bytes("long.md", text.as_bytes(), Some(Format::Markdown))
        .expect("generated text");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(w, h));
    app
}

/// The text ranges of every line, the article wrapped whole at the app's
/// width.
fn all_lines(app: &App) -> Vec<Range<usize>> {
    let whole = WrapCache::build(&app.doc, app.cache().width(), app.view.show_furniture);
    whole.iter(&app.doc).map(|l| l.range.clone()).collect()
}

fn shown(app: &App) -> Vec<Range<usize>> {
    app.visible_lines()
        .map(|n| app.cache().line(n).expect("visible").range.clone())
        .collect()
}

#[test]
fn opening_a_long_article_wraps_only_its_start() {
    let app = long_app(100, 30);
    assert!(!app.cache().is_exact());
    let all = all_lines(&app);
    assert_eq!(shown(&app), all[..app.page_height()]);
}

#[test]
fn the_end_is_the_real_end_and_one_hundred_percent() {
    let mut app = long_app(100, 30);
    app.update(Action::Bottom);
    let all = all_lines(&app);
    assert_eq!(shown(&app), all[all.len() - app.page_height()..]);
    assert_eq!(app.percent(), 100);
    app.update(Action::Scroll(1));
    assert_eq!(
        shown(&app),
        all[all.len() - app.page_height()..],
        "no further"
    );
    app.update(Action::Top);
    assert_eq!(shown(&app), all[..app.page_height()]);
}

#[test]
fn scrolling_and_paging_meet_every_line_once_in_order() {
    let mut app = long_app(100, 30);
    let all = all_lines(&app);
    let page = app.page_height();
    let mut seen = vec![shown(&app)[0].clone()];
    while shown(&app).last() != all.last() {
        app.update(Action::Scroll(1));
        seen.push(shown(&app)[0].clone());
    }
    assert_eq!(seen, all[..=all.len() - page]);
    // Paging back up from the end, each page overlaps the one after by two
    // lines: the same text, in the same order.
    let mut tops = vec![shown(&app)[0].start];
    while app.top() > 0 {
        app.update(Action::Page(-1));
        tops.push(shown(&app)[0].start);
    }
    let starts: Vec<_> = all.iter().map(|r| r.start).collect();
    let last = starts.len() - page;
    let step = page - 2;
    let want: Vec<_> = (0..)
        .map_while(|i: usize| last.checked_sub(i * step))
        .chain([0])
        .map(|i| starts[i])
        .collect();
    let mut want = want;
    want.dedup();
    assert_eq!(tops, want);
}

#[test]
fn section_jumps_and_search_land_on_their_text() {
    let mut app = long_app(100, 30);
    let last = app.doc.sections.len() - 1;
    app.update(Action::Section(last));
    let top = app.cache().line(app.top()).expect("top");
    assert_eq!(top.block, Some(app.doc.sections[last].blocks.start));
    app.update(Action::Top);
    // A backward search from the top goes round to the last hit.
    app.update(Action::SearchBackward);
    for c in "Mombasa".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::PromptAccept);
    let hit = app
        .search
        .active
        .as_ref()
        .and_then(|s| s.current_range())
        .expect("a hit");
    assert!(hit.start > app.doc.text.len() / 2, "{hit:?}");
    let rows = shown(&app);
    assert!(
        rows.iter()
            .any(|r| r.start <= hit.start && hit.start < r.end)
    );
    let shown_text: Vec<_> = rows.iter().map(|r| r.start).collect();
    let all: Vec<_> = all_lines(&app).iter().map(|r| r.start).collect();
    let at = all
        .iter()
        .position(|&s| s == shown_text[0])
        .expect("a line");
    assert_eq!(shown_text, all[at..at + rows.len()]);
}

#[test]
fn a_resize_keeps_the_text_on_top_far_into_the_article() {
    let mut app = long_app(100, 30);
    app.update(Action::Scroll(3000));
    let offset = app.top_text();
    assert!(offset > 0);
    for (w, h) in [(60, 20), (160, 48), (100, 30)] {
        app.update(Action::Resize(w, h));
        let line = app.cache().line(app.top()).expect("top");
        assert!(line.range.start <= offset && offset <= line.range.end);
        assert!(!app.cache().is_exact(), "a resize wraps what is shown");
    }
}

#[test]
fn idle_wrapping_keeps_the_text_on_top_and_makes_counts_exact() {
    let mut app = long_app(100, 30);
    app.update(Action::Scroll(2500));
    let before = shown(&app);
    while app.reader_mut().wrap_some() {
        assert_eq!(shown(&app), before);
    }
    assert!(app.cache().is_exact());
    assert_eq!(app.cache().len(), all_lines(&app).len());
    assert_eq!(shown(&app), before);
}

/// A move a reader makes before resizing.
fn a_move() -> impl proptest::strategy::Strategy<Value = Action> {
    use proptest::prelude::*;
    prop_oneof![
        (-400i32..4000).prop_map(Action::Scroll),
        (-20i32..20).prop_map(Action::Page),
        Just(Action::NextSection),
        Just(Action::PrevSection),
        Just(Action::Bottom),
        Just(Action::ToggleFurniture),
        (0usize..40).prop_map(Action::Section),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    #[test]
    fn a_run_of_resizes_keeps_the_anchor_s_text_on_top(
        moves in proptest::collection::vec(a_move(), 1..5),
        sizes in proptest::collection::vec((0u16..200, 0u16..60), 1..6),
        seed in 0u64..1000,
    ) {
        let text = crate::sample::generate(40_000, Format::Markdown, seed);
        let doc = Document::from_bytes("long.md", text.as_bytes(), Some(Format::Markdown))
            .expect("generated text");
        let mut app = App::new(doc, Entities::default(), Keymap::default());
        app.update(Action::Resize(100, 30));
        for m in moves {
            app.update(m);
        }
        let offset = app.top_text();
        for (w, h) in sizes {
            app.update(Action::Resize(w, h));
            let line = app.cache().line(app.top()).expect("a line on top");
            proptest::prop_assert!(
                line.range.start <= offset && offset <= line.range.end,
                "{}x{}: {:?} does not hold {}", w, h, line.range, offset
            );
            proptest::prop_assert_eq!(app.top_text(), line.range.start);
            proptest::prop_assert!(app.visible_lines().contains(&app.top()) || app.page_height() == 0);
        }
    }
}
