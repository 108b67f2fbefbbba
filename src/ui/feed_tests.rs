//! The feed view drawn: snapshots at 80x24 and 160x48 (the entity pane
//! docked at 160), styles of read and unread items, and no control
//! character from a feed reaching a cell.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::fetching::placeholder;
use crate::app::{Action, App, Fetched, Msg, Request};
use crate::keymap::Keymap;

const RSS2: &[u8] = include_bytes!("../../tests/fixtures/feeds/rss2.xml");
const ATOM: &[u8] = include_bytes!("../../tests/fixtures/feeds/atom.xml");

fn session() -> App {
    let start = placeholder("feeds", "Feeds", "");
    let mut app = App::open(start, Some(Default::default()), Keymap::default());
    app.items_in_first();
    app.open_feeds(vec![
        (
            "https://example.org/news/rss.xml".into(),
            Some("Harbour Gazette".into()),
        ),
        ("https://example.org/atom/feed.xml".into(), None),
    ]);
    for (feed, bytes, url) in [
        (0, RSS2, "https://example.org/news/rss.xml"),
        (1, ATOM, "https://example.org/atom/feed.xml"),
    ] {
        let result = crate::feed::parse(bytes, url, None).map_err(|e| e.to_string());
        app.update(Msg::Fetched(Box::new(Fetched::Feed { feed, result })));
    }
    app.take_requests();
    app
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| super::draw(f, app)).expect("drawn");
    terminal
}

/// Shows the entity pane at `w`x`h` with the names found, and moves its
/// cursor one name down.
fn with_names(app: &mut App, w: u16, h: u16) {
    app.update(Action::Resize(w, h));
    app.update(Action::ToggleEntities);
    let requests = app.take_requests();
    let [Request::Entities(items)] = &requests[..] else {
        panic!("{requests:?}");
    };
    let index = crate::app::cross::CrossIndex::compute(items);
    app.update(Msg::Fetched(Box::new(Fetched::Entities(index))));
    app.update(Action::FeedMove(1));
}

#[test]
fn snapshots_the_feed_view() {
    let mut app = session();
    let t = draw(&mut app, 80, 24);
    insta::assert_snapshot!("feed_view_80x24", t.backend());
    let mut app = session();
    with_names(&mut app, 80, 24);
    let t = draw(&mut app, 80, 24);
    insta::assert_snapshot!("feed_view_80x24_names", t.backend());
    let mut app = session();
    with_names(&mut app, 160, 48);
    let t = draw(&mut app, 160, 48);
    insta::assert_snapshot!("feed_view_160x48", t.backend());
}

#[test]
fn at_80_columns_the_names_sit_beside_the_list_grouped() {
    let mut app = session();
    with_names(&mut app, 80, 24);
    let t = draw(&mut app, 80, 24);
    let rows = super::test_rows(t.backend().buffer());
    // The list's first item and the pane share a row: docked, not over it.
    assert!(rows[1].contains("Port of Tal") && rows[1].contains("Names across"));
    let actors = rows
        .iter()
        .position(|r| r.contains("Actors ("))
        .expect("Actors");
    let places = rows
        .iter()
        .position(|r| r.contains("Places ("))
        .expect("Places");
    assert!(actors < places, "{rows:#?}");
    // The summary below runs the full width, under the pane too.
    let summary = rows
        .iter()
        .position(|r| r.contains("Marta Kask"))
        .expect("summary");
    assert!(summary > places || rows[summary].trim_end().chars().count() > 60);
}

#[test]
fn unread_items_are_bold_and_read_ones_muted() {
    let mut app = session();
    app.update(Action::FeedMove(1));
    app.update(Action::FeedToggleRead);
    app.update(Action::FeedFirst);
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let rows = super::test_rows(buf);
    let find = |text: &str| {
        let y = rows.iter().position(|r| r.contains(text)).expect(text);
        let x = rows[y][..rows[y].find(text).expect(text)].chars().count() as u16;
        buf[(x, y as u16)].style()
    };
    let unread = find("Ferry to Helsinki");
    let read = find("Oslo council");
    assert!(unread.add_modifier.contains(ratatui::style::Modifier::BOLD));
    assert!(!read.add_modifier.contains(ratatui::style::Modifier::BOLD));
    assert_ne!(unread, read);
}

#[test]
fn escape_sequences_in_feed_titles_never_reach_a_cell() {
    let mut app = session();
    for _ in 0..6 {
        let t = draw(&mut app, 120, 30);
        for cell in t.backend().buffer().content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{:?}",
                cell.symbol()
            );
        }
        app.update(Action::FeedMove(1));
    }
    let t = draw(&mut app, 120, 30);
    let rows = super::test_rows(t.backend().buffer());
    assert!(
        rows.iter().any(|r| r.contains("Breaking^[]0;pwned^G")),
        "shown as markers"
    );
}

#[test]
fn any_size_draws() {
    let mut app = session();
    for (w, h) in [
        (0, 0),
        (1, 1),
        (10, 3),
        (19, 4),
        (20, 5),
        (40, 10),
        (300, 100),
    ] {
        draw(&mut app, w, h);
    }
    app.update(Action::ToggleEntities);
    for (w, h) in [(0, 0), (30, 6), (99, 20), (100, 20)] {
        draw(&mut app, w, h);
    }
}

#[test]
fn the_summary_wraps_a_long_title_and_keeps_the_date_beside_a_long_feed_name() {
    let xml = br#"<rss version="2.0"><channel>
        <title>The Baltic and Nordic Morning Ledger, regional edition with a long name</title>
        <item><title>Fishermen in Klaipeda protest new quotas as the Commission meets in Brussels for a third day of talks that end late</title>
        <guid>1</guid><pubDate>Fri, 05 Dec 2026 17:45:00 +0000</pubDate>
        <description>&lt;p&gt;Harbour &lt;b&gt;blocked&lt;/b&gt;.&lt;/p&gt;</description></item>
        </channel></rss>"#;
    let start = placeholder("feeds", "Feeds", "");
    let mut app = App::open(start, Some(Default::default()), Keymap::default());
    app.items_in_first();
    app.open_feeds(vec![("https://example.org/l.xml".into(), None)]);
    let result =
        crate::feed::parse(xml, "https://example.org/l.xml", None).map_err(|e| e.to_string());
    app.update(Msg::Fetched(Box::new(Fetched::Feed { feed: 0, result })));
    let t = draw(&mut app, 80, 24);
    let rows = super::test_rows(t.backend().buffer());
    let text = rows.join("\n");
    assert!(text.contains("talks that end late"), "{text}");
    assert!(text.contains("2026-12-05 17:45"), "{text}");
    assert!(text.contains("Harbour blocked."), "{text}");
}
