use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::*;
use crate::app::Action;
use crate::document::Document;
use crate::extract::{Entities, Entity, EntityKind, Mention};
use crate::keymap::Keymap;
use crate::ui::theme::Theme;

fn seed_app() -> App {
    let doc = crate::cli::load_article(None).expect("seed");
    App::new(doc, Entities::default(), Keymap::default())
}

/// Entities for the given (word, kind) pairs, at every place each word
/// occurs: what an extractor would hand the reader.
fn entities(doc: &Document, words: &[(&str, EntityKind)]) -> Entities {
    let mut mentions = Vec::new();
    let mut list = Vec::new();
    for (i, (word, kind)) in words.iter().enumerate() {
        let mut ids = Vec::new();
        for (start, _) in doc.text.match_indices(word) {
            ids.push(mentions.len());
            mentions.push(Mention::new(start..start + word.len(), *kind, i));
        }
        list.push(Entity {
            name: word.to_string(),
            kind: *kind,
            mentions: ids,
            coords: None,
        });
    }
    mentions.sort_by_key(|m| m.start());
    Entities {
        mentions,
        entities: list,
    }
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| super::draw(f, app)).expect("drawn");
    terminal
}

use super::test_rows as rows;

/// The cell position where `needle` starts on screen.
fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    for (y, row) in rows(buf).iter().enumerate() {
        if let Some(byte) = row.find(needle) {
            let x = row[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} is not on screen:\n{}", rows(buf).join("\n"));
}

fn style_of(buf: &Buffer, (x, y): (u16, u16), len: u16) -> Vec<Style> {
    (x..x + len).map(|x| buf[(x, y)].style()).collect()
}

/// No colour and no modifier: how a cell of body text looks.
fn plain(s: Style) -> bool {
    matches!(s.fg, None | Some(Color::Reset)) && s.add_modifier.is_empty()
}

const SIZES: [(u16, u16); 3] = [(100, 30), (80, 24), (40, 15)];

#[test]
fn snapshots_first_screen() {
    for (w, h) in SIZES {
        let mut app = seed_app();
        let t = draw(&mut app, w, h);
        insta::assert_snapshot!(format!("first_{w}x{h}"), t.backend());
    }
}

#[test]
fn snapshots_after_next_section() {
    for (w, h) in SIZES {
        let mut app = seed_app();
        app.update(Action::Resize(w, h));
        app.update(Action::NextSection);
        let t = draw(&mut app, w, h);
        insta::assert_snapshot!(format!("next_section_{w}x{h}"), t.backend());
        assert!(
            rows(t.backend().buffer())
                .iter()
                .any(|r| r.contains("§2/3"))
        );
    }
}

#[test]
fn snapshots_after_end() {
    for (w, h) in SIZES {
        let mut app = seed_app();
        app.update(Action::Resize(w, h));
        app.update(Action::Bottom);
        let t = draw(&mut app, w, h);
        insta::assert_snapshot!(format!("end_{w}x{h}"), t.backend());
        assert!(
            rows(t.backend().buffer())
                .iter()
                .any(|r| r.contains("100%"))
        );
    }
}

#[test]
fn snapshots_outline_focused() {
    for (w, h) in SIZES {
        let mut app = seed_app();
        app.update(Action::Resize(w, h));
        app.update(Action::ToggleFocus);
        app.update(Action::OutlineMove(1));
        let t = draw(&mut app, w, h);
        insta::assert_snapshot!(format!("outline_focused_{w}x{h}"), t.backend());
    }
}

#[test]
fn snapshots_help_and_furniture() {
    let mut app = seed_app();
    app.update(Action::Resize(80, 24));
    app.update(Action::Help);
    let t = draw(&mut app, 80, 24);
    insta::assert_snapshot!("help_80x24", t.backend());

    let mut app = seed_app();
    app.update(Action::Resize(80, 24));
    app.update(Action::Bottom);
    let t = draw(&mut app, 80, 24);
    // Hidden at first: the body ends with the article.
    let furniture = "Your email address will not be published";
    assert!(
        !rows(t.backend().buffer()).join("\n").contains(furniture),
        "furniture is hidden at first"
    );
    // `x`: shown, dimmed, at the end of the body (the outline lists it too).
    app.update(Action::ToggleFurniture);
    app.update(Action::Bottom);
    let t = draw(&mut app, 80, 24);
    let buf = t.backend().buffer();
    let at = find(buf, furniture);
    assert!(
        style_of(buf, at, 10)
            .iter()
            .all(|s| s.add_modifier.contains(Modifier::DIM)),
        "furniture is dimmed"
    );
}

#[test]
fn help_descriptions_wrap_rather_than_being_cut() {
    for (w, h) in [(100, 30), (80, 24), (60, 20)] {
        let mut app = seed_app();
        app.update(Action::Resize(w, h));
        app.update(Action::Help);
        // Every row the help has, one scroll step at a time: the top row of
        // each view, then the whole last view.
        let mut seen: Vec<String> = Vec::new();
        let mut last = Vec::new();
        for _ in 0..200 {
            let t = draw(&mut app, w, h);
            let screen = rows(t.backend().buffer());
            let top = screen
                .iter()
                .position(|r| r.contains("┌ Help"))
                .expect("help");
            let text: Vec<String> = screen[top + 1..]
                .iter()
                .take_while(|r| !r.contains('└'))
                .map(|r| r.split('│').nth(1).unwrap_or("").to_string())
                .collect();
            if text == last {
                break;
            }
            seen.push(text[0].clone());
            last = text;
            app.update(Action::HelpScroll(1));
        }
        seen.extend(last.into_iter().skip(1));
        let words = seen
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for b in app.keymap().bindings() {
            assert!(
                words.contains(&b.description),
                "{w}x{h}: {:?} is cut:\n{}",
                b.description,
                seen.join("\n")
            );
        }
    }
}

#[test]
fn styles_are_in_the_snapshot() {
    let mut app = seed_app();
    let t = draw(&mut app, 80, 24);
    insta::assert_debug_snapshot!("first_80x24_styles", t.backend().buffer());
}

#[test]
fn tiny_sizes_never_panic_and_say_too_small() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (0, 5),
        (5, 0),
        (1, 40),
        (200, 1),
        (19, 5),
        (20, 4),
    ] {
        let mut app = seed_app();
        let t = draw(&mut app, w, h);
        if w > 0 && h > 0 {
            let text = rows(t.backend().buffer()).join("");
            assert!(
                text.contains("Term") || text.contains('…'),
                "{w}x{h}: {text:?}"
            );
        }
    }
    let mut app = seed_app();
    let t = draw(&mut app, 40, 3);
    assert!(rows(t.backend().buffer())[1].starts_with("Terminal too small (40x3)"));
}

#[test]
fn title_heading_and_dateline_are_styled() {
    let mut app = seed_app();
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let title = find(buf, "After Tehran talks, Syria and Russia forces");
    assert!(buf[title].style().add_modifier.contains(Modifier::BOLD));
    let dateline = find(buf, "Antakya, Turkey");
    let styles = style_of(buf, dateline, 15);
    assert!(
        styles
            .iter()
            .all(|s| s.add_modifier.contains(Modifier::BOLD))
    );
    let after = buf[(dateline.0 + 18, dateline.1)].style();
    assert!(
        !after.add_modifier.contains(Modifier::BOLD),
        "the dateline ends"
    );
    let mut app = seed_app();
    app.update(Action::Resize(100, 30));
    app.update(Action::NextSection);
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let heading = find(buf, "What next after Tehran summit?");
    let s = buf[heading].style();
    assert!(s.add_modifier.contains(Modifier::BOLD) && s.fg == Some(Color::Blue));
}

#[test]
fn entity_highlights_have_their_styles_and_toggle() {
    let mut app = seed_app();
    app.reader_mut().entities = entities(
        &app.doc,
        &[
            ("Syrian government forces", EntityKind::Actor),
            ("Idlib", EntityKind::Place),
            ("six civilians", EntityKind::Number),
        ],
    );
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let actor = find(buf, "Syrian government forces");
    for s in style_of(buf, actor, 24) {
        assert_eq!(s.fg, Some(Color::Cyan));
        assert!(s.add_modifier.contains(Modifier::BOLD));
    }
    let place = find(buf, "Idlib province");
    for s in style_of(buf, place, 5) {
        assert_eq!(s.fg, Some(Color::Green));
        assert!(s.add_modifier.contains(Modifier::ITALIC));
    }
    assert!(
        plain(buf[(place.0 + 5, place.1)].style()),
        "the mention ends"
    );
    let number = find(buf, "six civilians");
    for s in style_of(buf, number, 13) {
        assert_eq!(s.fg, Some(Color::Yellow));
        assert!(s.add_modifier.contains(Modifier::UNDERLINED));
    }

    app.update(Action::ToggleHighlight(EntityKind::Place));
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    assert!(plain(buf[find(buf, "Idlib province")].style()));
    assert_eq!(
        buf[find(buf, "six civilians")].style().fg,
        Some(Color::Yellow)
    );

    // Without colour the modifiers still tell the kinds apart.
    let mut app = app.with_theme(Theme::new(false));
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let s = buf[find(buf, "Syrian government forces")].style();
    assert!(plain(Style {
        add_modifier: Modifier::empty(),
        ..s
    }));
    assert!(s.add_modifier.contains(Modifier::BOLD));
    let s = buf[find(buf, "six civilians")].style();
    assert!(s.add_modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn body_cells_match_the_expected_buffer() {
    let doc = Document::from_bytes(
        "t.txt",
        b"Short title\n\nAlice met Bob in Paris on 3 May.\n",
        None,
    )
    .expect("text");
    let found = entities(
        &doc,
        &[
            ("Alice", EntityKind::Actor),
            ("Paris", EntityKind::Place),
            ("3 May", EntityKind::Number),
        ],
    );
    let mut app = App::new(doc, found, Keymap::default());
    let t = draw(&mut app, 30, 6);
    let buf = t.backend().buffer();
    // The narrow layout: no outline, a one-column margin, the text from x=1.
    let mut actual = Buffer::empty(Rect::new(0, 0, 28, 4));
    for y in 0..4 {
        for x in 0..28 {
            actual[(x, y)] = buf[(x + 1, y)].clone();
        }
    }
    let mut expected = Buffer::with_lines([
        "Short title                 ",
        "                            ",
        "Alice met Bob in Paris on 3 ",
        "May.                        ",
    ]);
    let theme = Theme::new(true);
    expected.set_style(
        Rect::new(0, 0, 11, 1),
        theme.block(crate::document::BlockKind::Title),
    );
    expected.set_style(Rect::new(0, 2, 5, 1), theme.entity(EntityKind::Actor));
    expected.set_style(Rect::new(17, 2, 5, 1), theme.entity(EntityKind::Place));
    expected.set_style(Rect::new(26, 2, 1, 1), theme.entity(EntityKind::Number));
    expected.set_style(Rect::new(0, 3, 3, 1), theme.entity(EntityKind::Number));
    assert_eq!(actual, expected);
}

#[test]
fn an_empty_article_says_so() {
    let doc = Document::from_bytes("e.txt", b"\n\n\n", None).expect("text");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    let t = draw(&mut app, 80, 24);
    let shown = rows(t.backend().buffer()).join("\n");
    assert!(shown.contains("the file holds only blank lines"), "{shown}");
}

#[test]
fn hostile_text_reaches_cells_only_as_markers() {
    let text = "Title \x1b]0;evil\x07\n\nBody \x1b[2J with \u{202E}bidi\u{202C}, a bell\x07, \u{9b}31m and tags \u{E0041}.\n";
    let doc = Document::from_bytes("bad\x1b[2J.txt", text.as_bytes(), None).expect("text");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    let t = draw(&mut app, 80, 12);
    let buf = t.backend().buffer();
    assert!(
        buf.content()
            .iter()
            .all(|c| crate::sanitize::is_safe(c.symbol()))
    );
    let shown = rows(buf).join("\n");
    assert!(shown.contains("^[[2J"), "{shown}");
    assert!(shown.contains("⟨RLO⟩"));
    assert!(
        shown.contains("bad^[[2J.txt"),
        "the file name is sanitised too"
    );
    let marker = find(buf, "⟨RLO⟩");
    assert_eq!(buf[marker].style().fg, Some(Color::Red));
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (-40i32..40).prop_map(Action::Scroll),
        (-3i32..3).prop_map(Action::Page),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::NextSection),
        Just(Action::PrevSection),
        (0usize..5).prop_map(Action::Section),
        Just(Action::ToggleFocus),
        (-3i32..3).prop_map(Action::OutlineMove),
        Just(Action::OutlineJump),
        Just(Action::ToggleOutline),
        Just(Action::ToggleFurniture),
        Just(Action::ToggleReveal),
        Just(Action::Help),
        (-5i32..5).prop_map(Action::HelpScroll),
        Just(Action::Back),
        (0u16..200, 0u16..60, -3i32..3).prop_map(|(column, row, lines)| Action::MouseScroll {
            column,
            row,
            lines
        }),
        (0u16..200, 0u16..60).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..=200, 0u16..=80).prop_map(|(w, h)| Action::Resize(w, h)),
        search_action(),
    ]
}

/// Search, prompt and jump actions, typed text included.
fn search_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::SearchForward),
        Just(Action::SearchBackward),
        Just(Action::GoToPrompt),
        prop::sample::select(vec![
            'I', 'd', 'a', ' ', '\\', 'v', '@', '%', 's', '1', '(', '日'
        ])
        .prop_map(Action::PromptInput),
        Just(Action::PromptAccept),
        Just(Action::PromptCancel),
        Just(Action::PromptBackspace),
        Just(Action::PromptLeft),
        Just(Action::PromptDeleteWord),
        Just(Action::PromptOlder),
        Just(Action::SearchNext),
        Just(Action::SearchPrev),
        Just(Action::NextMention),
        Just(Action::PrevMention),
        prop::sample::select(vec!['a', '\'']).prop_map(Action::SetMark),
        prop::sample::select(vec!['a', '\'']).prop_map(Action::JumpToMark),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn drawing_at_any_size_never_panics_and_stays_safe(
        w in 0u16..=200,
        h in 0u16..=80,
        actions in prop::collection::vec(action(), 0..12),
        hostile in any::<bool>(),
    ) {
        let mut app = if hostile {
            let text = "T\x1b]2;x\x07\n\n\u{202E}a\u{9b}b\tc \u{E0041} 日本語 \x1b[8m\n\n## Sub\n\n- item\n";
            let doc = Document::from_bytes("h.md", text.as_bytes(), None).expect("text");
            App::new(doc, Entities::default(), Keymap::default())
        } else {
            seed_app()
        };
        app.reader_mut().entities = entities(&app.doc, &[("Idlib", EntityKind::Place), ("a", EntityKind::Actor)]);
        app.update(Action::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        for a in actions {
            app.update(a);
            app.reader_mut().view.quit = false;
            // The view never points past the article or the outline.
            prop_assert!(app.top() == 0 || app.top() < app.cache().len());
            prop_assert!(app.view.selected == 0 || app.view.selected < app.doc.sections.len());
            prop_assert!(app.visible_lines().end <= app.cache().len());
            terminal.draw(|f| super::draw(f, &app)).expect("drawn");
            let buf = terminal.backend().buffer();
            prop_assert!(buf.content().iter().all(|c| crate::sanitize::is_safe(c.symbol())));
        }
        terminal.draw(|f| super::draw(f, &app)).expect("drawn");
    }
}

/// Mentions over arbitrary ranges, snapped to char boundaries, sorted and
/// apart: what any extractor may hand the reader.
fn random_mentions(text: &str, cuts: &[(usize, usize, u8)]) -> Entities {
    let snap = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut ranges: Vec<_> = cuts
        .iter()
        .map(|&(a, len, k)| (snap(a), snap(a + len), k))
        .filter(|(a, b, _)| a < b)
        .collect();
    ranges.sort();
    let mut mentions: Vec<Mention> = Vec::new();
    for (a, b, k) in ranges {
        if mentions.last().is_some_and(|m| m.end() > a) {
            continue;
        }
        mentions.push(Mention::new(a..b, EntityKind::ALL[usize::from(k) % 3], 0));
    }
    Entities {
        mentions,
        entities: Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_article_draws_safely(
        text in "(?s)(.{0,40}\n{0,2}[-#>`*_\\[\\]()]{0,3}){0,12}",
        md in any::<bool>(),
        cuts in prop::collection::vec((0usize..600, 1usize..30, any::<u8>()), 0..20),
        w in 0u16..=120,
        h in 0u16..=40,
        actions in prop::collection::vec(action(), 0..6),
    ) {
        let name = if md { "a.md" } else { "a.txt" };
        let Ok(doc) = Document::from_bytes(name, text.as_bytes(), None) else {
            return Ok(());
        };
        let found = random_mentions(&doc.text, &cuts);
        let mut app = App::new(doc, found, Keymap::default());
        app.update(Action::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        for a in actions.into_iter().chain([Action::Top]) {
            app.update(a);
            terminal.draw(|f| super::draw(f, &app)).expect("drawn");
            let buf = terminal.backend().buffer();
            prop_assert!(buf.content().iter().all(|c| crate::sanitize::is_safe(c.symbol())));
        }
    }
}

/// The body's rows for an article drawn at 60x12, with reveal mode on or off.
fn drawn_rows(text: &str, reveal: bool) -> Vec<String> {
    let doc = Document::from_bytes("z.txt", text.as_bytes(), None).expect("text");
    let mut app =
        App::new(doc, Entities::default(), Keymap::default()).with_prefs(crate::app::Prefs {
            reveal,
            ..Default::default()
        });
    let terminal = draw(&mut app, 60, 12);
    rows(terminal.backend().buffer())
}

#[test]
fn reveal_mode_shows_zero_width_characters_and_tabs() {
    let text = "Title\n\npay\u{200B}pal and\u{2060}more\tend";
    let normal = drawn_rows(text, false).join("\n");
    assert!(
        normal.contains("paypal"),
        "hidden in normal mode:\n{normal}"
    );
    assert!(
        !normal.contains("ZWSP") && !normal.contains("WJ"),
        "{normal}"
    );
    assert!(!normal.contains("^I"), "{normal}");
    let revealed = drawn_rows(text, true).join("\n");
    assert!(revealed.contains("pay⟨ZWSP⟩pal"), "{revealed}");
    assert!(revealed.contains("and⟨WJ⟩more^Iend"), "{revealed}");

    // The key does the same, on the reader that is open.
    let doc = Document::from_bytes("z.txt", text.as_bytes(), None).expect("text");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    draw(&mut app, 60, 12);
    app.update(Action::ToggleReveal);
    let terminal = draw(&mut app, 60, 12);
    let keyed = rows(terminal.backend().buffer()).join("\n");
    assert!(keyed.contains("pay⟨ZWSP⟩pal"), "{keyed}");
}

#[test]
fn content_cannot_draw_the_status_row() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/C10-chrome-mimic.txt"
    );
    let bytes = std::fs::read(path).expect("fixture");
    // Long enough that the forged bar could reach the bottom row.
    let mut text = String::from_utf8(bytes).expect("utf-8");
    text.push_str(&"\nfiller line".repeat(40));
    text.push_str("\n│ lede  q:quit  /:search  file verified │\n");
    let doc = Document::from_bytes("C10-chrome-mimic.txt", text.as_bytes(), None).expect("text");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(80, 24));
    app.update(Action::Bottom);
    let terminal = draw(&mut app, 80, 24);
    let buf = terminal.backend().buffer();
    let all = rows(buf);
    let status = &all[23];
    assert!(
        status.contains("C10-chrome-mimic.txt") && status.contains("quit"),
        "the bottom row is lede's: {status}"
    );
    assert!(!status.contains("file verified"), "{status}");
    assert!(
        all[..23].iter().any(|r| r.contains("file verified")),
        "the forged bar is drawn in the body"
    );
    // The status row's reverse video is a style article text never gets.
    assert!((0..80).all(|x| buf[(x, 23)].modifier.contains(Modifier::REVERSED)));
    let body = app.panes().text;
    assert!(body.bottom() <= 23);
    for y in body.y..body.bottom() {
        for x in body.x..body.right() {
            assert!(
                !buf[(x, y)].modifier.contains(Modifier::REVERSED),
                "body cell {x},{y} in reverse video"
            );
        }
    }
}

#[test]
fn config_strings_show_markers_in_the_status_line() {
    let config = "[[key]]\nkeys = [\"]\"]\naction = \"next_section\"\n\
        description = \"next\"\nmode = \"normal\"\nhint = \"hi\\u001b[2Jnt\"\n";
    let mut keymap = Keymap::default();
    keymap.merge(Keymap::parse(config).expect("valid"));
    let doc = crate::cli::load_article(None).expect("seed");
    let mut app = App::new(doc, Entities::default(), keymap);
    let t = draw(&mut app, 160, 48);
    let status = rows(t.backend().buffer()).join("\n");
    assert!(status.contains("hi^[[2Jnt"), "{status}");
}
