//! The session and the feed view together: items opened and come back
//! from, pages fetched as requests and arrivals, without a network.

use super::*;
use crate::app::{Msg, Screen};
use crate::keymap::Keymap;

const RSS2: &[u8] = include_bytes!("../../../tests/fixtures/feeds/rss2.xml");

fn session() -> App {
    let start = placeholder("feeds", "Feeds", "");
    let mut app = App::open(start, Some(Default::default()), Keymap::default());
    app.items_in_first();
    let feed = crate::feed::parse(RSS2, "https://example.org/news/feed.xml", None).expect("rss");
    app.show_feed(feed);
    app.update(Action::Resize(100, 30));
    app
}

#[test]
fn an_item_with_content_opens_at_once_and_q_comes_back_to_it_marked_read() {
    let mut app = session();
    assert_eq!(app.screen(), Screen::Feed);
    app.update(Action::FeedOpen);
    assert_eq!(app.screen(), Screen::Reader);
    assert!(app.doc.text.contains("Jaan Tamm"), "{}", app.doc.text);
    assert_eq!(
        app.readers().len(),
        1,
        "the first article stood for the item"
    );
    assert!(app.take_requests().is_empty(), "nothing to fetch");
    app.update(Action::Quit);
    assert_eq!(app.screen(), Screen::Feed);
    assert!(!app.quit_requested());
    let view = app.feed_view().expect("view");
    assert_eq!(view.cursor, 0, "the same item");
    assert!(view.current().is_some_and(|e| e.read));
    app.update(Action::Quit);
    assert!(app.quit_requested());
}

#[test]
fn an_item_without_content_is_fetched_and_can_be_cancelled() {
    let mut app = session();
    // The ferry item has a summary only.
    while app
        .feed_view()
        .and_then(|v| v.current())
        .is_some_and(|e| e.item.content.is_some() || !e.item.title.starts_with("Ferry"))
    {
        app.update(Action::FeedMove(1));
    }
    app.update(Action::FeedOpen);
    assert!(
        app.doc.text.contains("Ferry to Helsinki"),
        "the placeholder"
    );
    let requests = app.take_requests();
    let [Request::Page { file, url, cancel }] = &requests[..] else {
        panic!("{requests:?}");
    };
    assert_eq!(url, "https://example.org/news/ferry-ice.html");
    app.update(Msg::Fetched(Box::new(Fetched::Progress {
        target: Target::Page(*file),
        bytes: 48 * 1024,
        millis: 400,
    })));
    assert_eq!(
        app.fetch_label().as_deref(),
        Some("fetching… 48 KB, 0.4 s (Esc cancels)")
    );
    // Esc while it is fetched: back to the list, the fetch stopped.
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Feed);
    assert!(cancel.load(Ordering::SeqCst));
    // What still arrives is dropped.
    let doc = crate::document::Document::from_bytes("x", b"Late\n\nToo late.", None).expect("doc");
    let found = Found::compute(*file, &doc);
    app.update(Msg::Fetched(Box::new(Fetched::Page {
        file: *file,
        result: Ok(PageContent::Article(Box::new((doc, found)))),
    })));
    assert_eq!(app.screen(), Screen::Feed);
}

#[test]
fn a_fetched_page_replaces_the_placeholder_and_an_error_is_a_notice() {
    let start = placeholder(
        "https://example.org/a",
        "https://example.org/a",
        "fetching…",
    );
    let mut app = App::open(start, Some(Default::default()), Keymap::default());
    app.fetch_article(0, "https://example.org/a");
    app.update(Action::Resize(100, 30));
    assert_eq!(app.take_requests().len(), 1);
    let doc = crate::document::Document::from_bytes(
        "https://example.org/a",
        b"Harbour news\n\nAnna Lindqvist met Omar Haddad in Oslo.",
        None,
    )
    .expect("doc");
    let found = Found::compute(0, &doc);
    app.update(Msg::Fetched(Box::new(Fetched::Page {
        file: 0,
        result: Ok(PageContent::Article(Box::new((doc, found)))),
    })));
    assert!(app.doc.text.contains("Omar Haddad"));
    assert!(app.entities_ready());
    assert_eq!(app.fetch_label(), None);

    app.fetch_article(0, "https://example.org/b");
    app.update(Msg::Fetched(Box::new(Fetched::Page {
        file: 0,
        result: Err("https://example.org/b: the server answered 404 Not Found".into()),
    })));
    assert_eq!(
        app.view.message.as_deref(),
        Some("https://example.org/b: the server answered 404 Not Found")
    );
    assert!(!app.quit_requested(), "the reader keeps running");
}

#[test]
fn a_web_address_that_is_a_feed_opens_the_feed_view() {
    let start = placeholder(
        "https://example.org/feed",
        "https://example.org/feed",
        "fetching…",
    );
    let mut app = App::open(start, Some(Default::default()), Keymap::default());
    app.fetch_article(0, "https://example.org/feed");
    app.update(Action::Resize(80, 24));
    let feed = crate::feed::parse(RSS2, "https://example.org/feed", None).expect("rss");
    app.update(Msg::Fetched(Box::new(Fetched::Page {
        file: 0,
        result: Ok(PageContent::Feed(Box::new(feed))),
    })));
    assert_eq!(app.screen(), Screen::Feed);
    assert_eq!(app.feed_view().map(|v| v.shown.len()), Some(3));
}

#[test]
fn opening_an_item_from_a_filtered_list_selects_the_name() {
    let mut app = session();
    app.update(Action::ToggleEntities);
    let requests = app.take_requests();
    let [Request::Entities(items)] = &requests[..] else {
        panic!("{requests:?}");
    };
    let index = CrossIndex::compute(items);
    let at = index
        .entries
        .iter()
        .position(|e| e.label == "Jaan Tamm")
        .expect("named");
    app.update(Msg::Fetched(Box::new(Fetched::Entities(index))));
    app.update(Action::EntityMove(at as i32));
    app.update(Action::EntitySelect);
    app.update(Action::FeedOpen);
    assert_eq!(app.screen(), Screen::Reader);
    let selected = app
        .entity
        .selected
        .and_then(|i| app.index.entry(i))
        .map(|e| e.label.to_string());
    assert_eq!(selected.as_deref(), Some("Jaan Tamm"));
}
