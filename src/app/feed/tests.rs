use super::*;
use crate::feed;

const RSS2: &[u8] = include_bytes!("../../../tests/fixtures/feeds/rss2.xml");
const ATOM: &[u8] = include_bytes!("../../../tests/fixtures/feeds/atom.xml");

fn view() -> FeedView {
    let mut v = FeedView::new(vec![
        ("https://example.org/rss.xml".into(), Some("Gazette".into())),
        ("https://example.org/atom.xml".into(), None),
    ]);
    v.apply(Action::Resize(80, 24));
    let rss = feed::parse(RSS2, "https://example.org/rss.xml", None).expect("rss");
    let atom = feed::parse(ATOM, "https://example.org/atom.xml", None).expect("atom");
    v.receive(0, Ok(rss), &|_| false);
    v.receive(1, Ok(atom), &|_| false);
    v
}

fn titles(v: &FeedView) -> Vec<String> {
    v.visible().map(|e| e.item.title.clone()).collect()
}

#[test]
fn newest_first_then_by_feed_and_one_feed_at_a_time() {
    let mut v = view();
    assert_eq!(v.shown.len(), 5);
    let t = titles(&v);
    assert_eq!(t[0], "Port of Tallinn – strike talks resume", "{t:?}");
    assert_eq!(t[1], "Oslo council approves new tram line");
    // Undated items come last.
    assert!(v.visible().skip(3).all(|e| e.item.date.is_none()));
    // A config name stays; a feed without one takes its title.
    assert_eq!(v.sources[0].name, "Gazette");
    assert_eq!(v.sources[1].name, "Nordic <Wire>");
    v.apply(Action::FeedOrder);
    assert!(v.visible().take(3).all(|e| e.feed == 0));
    v.apply(Action::FeedOnly);
    assert!(v.visible().all(|e| e.feed == 0) && v.shown.len() == 3);
    v.apply(Action::FeedOnly);
    assert!(v.visible().all(|e| e.feed == 1) && v.shown.len() == 2);
    v.apply(Action::FeedOnly);
    assert_eq!(v.shown.len(), 5);
}

#[test]
fn read_marks_next_unread_and_open() {
    let mut v = view();
    assert_eq!(v.unread(), 5);
    assert_eq!(v.apply(Action::FeedOpen), Asked::Open(v.shown[0] as usize));
    let first = v.shown[0] as usize;
    v.opened(first);
    assert_eq!(v.unread(), 4);
    // n skips the read one.
    v.apply(Action::FeedFirst);
    v.apply(Action::FeedNextUnread);
    assert_eq!(v.cursor, 1);
    v.apply(Action::FeedToggleRead);
    assert_eq!(v.cursor, 2, "marking moves on");
    assert_eq!(v.unread(), 3);
    v.apply(Action::FeedMove(-1));
    v.apply(Action::FeedToggleRead);
    assert_eq!(v.unread(), 4, "marked unread again");
    let (read, unread) = v.changes();
    assert_eq!((read.len(), unread.len()), (1, 1));
    v.apply(Action::FeedMarkAllRead);
    assert_eq!(v.unread(), 0);
    v.apply(Action::FeedNextUnread);
    assert_eq!(v.message.as_deref(), Some("no unread item"));
}

#[test]
fn marks_from_the_state_file_and_a_reload_keep_the_cursor() {
    let key = crate::read_marks::key("https://example.org/rss.xml", "gazette-1001");
    let mut v = FeedView::new(vec![("https://example.org/rss.xml".into(), None)]);
    v.apply(Action::Resize(80, 24));
    let rss = feed::parse(RSS2, "https://example.org/rss.xml", None).expect("rss");
    v.receive(0, Ok(rss.clone()), &|k| k == key);
    assert!(v.current().is_some_and(|e| e.read));
    v.apply(Action::FeedMove(1));
    let at = v.current().map(|e| e.key.clone());
    assert_eq!(v.apply(Action::FeedReload), Asked::Reload(vec![0]));
    assert!(v.loading());
    v.receive(0, Ok(rss), &|k| k == key);
    assert_eq!(v.current().map(|e| e.key.clone()), at, "the same item");
    // The duplicate's notice reaches the status line.
    assert!(
        v.message
            .as_deref()
            .is_some_and(|m| m.contains("duplicate"))
    );
}

#[test]
fn a_failed_feed_says_why_and_the_others_stay() {
    let mut v = view();
    v.receive(
        1,
        Err("https://example.org/atom.xml: connection refused".into()),
        &|_| false,
    );
    assert!(matches!(v.sources[1].status, Status::Failed(_)));
    assert_eq!(v.shown.len(), 5, "its items stay until it is read again");
    assert!(v.message.as_deref().is_some_and(|m| m.contains("refused")));
}

#[test]
fn the_entity_pane_filters_the_list_to_the_items_that_mention_a_name() {
    let mut v = view();
    assert_eq!(v.apply(Action::ToggleEntities), Asked::FindEntities);
    assert!(v.pane.finding);
    let items: Vec<crate::feed::Item> = v.entries.iter().map(|e| e.item.clone()).collect();
    v.entities_found(CrossIndex::compute(&items));
    let index = v.pane.index.clone().expect("found");
    let oslo = index
        .entries
        .iter()
        .position(|e| e.label == "Oslo")
        .expect("Oslo is named");
    v.apply(Action::EntityMove(oslo as i32));
    v.apply(Action::EntitySelect);
    assert_eq!(v.selected_label(), Some("Oslo"));
    assert!(!v.pane.focused, "the list has the keys again");
    assert_eq!(titles(&v), ["Oslo council approves new tram line"]);
    // Esc clears the filter first, then quits.
    assert_eq!(v.apply(Action::Back), Asked::Nothing);
    assert_eq!(v.shown.len(), 5);
    assert_eq!(v.apply(Action::Back), Asked::Quit);
}

#[test]
fn layouts_fit_any_size() {
    for w in [0, 1, 20, 80, 99, 100, 160, 400] {
        for h in [0, 1, 2, 3, 5, 24, 48] {
            for pane in [false, true] {
                let l = layout((w, h), pane);
                for r in [l.header, l.list, l.summary, l.status]
                    .into_iter()
                    .chain(l.entities)
                {
                    assert!(r.right() <= w && r.bottom() <= h, "{w}x{h} {r:?}");
                }
            }
        }
    }
}

#[test]
fn the_cursor_starts_on_the_newest_item_whichever_feed_comes_first() {
    // The Atom feed's newest item (Mar 02 09:00) is older than the RSS
    // feed's (Mar 02 09:30); read the Atom feed first.
    let mut v = FeedView::new(vec![
        ("https://example.org/rss.xml".into(), None),
        ("https://example.org/atom.xml".into(), None),
    ]);
    v.apply(Action::Resize(80, 24));
    let rss = feed::parse(RSS2, "https://example.org/rss.xml", None).expect("rss");
    let atom = feed::parse(ATOM, "https://example.org/atom.xml", None).expect("atom");
    v.receive(1, Ok(atom.clone()), &|_| false);
    assert_eq!(
        v.current().map(|e| e.item.title.as_str()),
        Some("Oslo council approves new tram line")
    );
    v.receive(0, Ok(rss), &|_| false);
    assert_eq!(
        v.current().map(|e| e.item.title.as_str()),
        Some("Port of Tallinn – strike talks resume"),
        "a newer item read later takes the cursor"
    );
    // By feed, the cursor is still on the newest item, not the first.
    v.apply(Action::FeedOrder);
    v.moved = false;
    v.receive(1, Ok(atom.clone()), &|_| false);
    assert_eq!(v.visible().next().map(|e| e.feed), Some(0));
    assert!(
        v.cursor == 0
            && v.current()
                .is_some_and(|e| e.item.title.starts_with("Port"))
    );
    // Once the reader has moved, a feed read keeps the cursor where it is.
    v.apply(Action::FeedMove(2));
    let at = v.current().map(|e| e.key.clone());
    v.receive(1, Ok(atom), &|_| false);
    assert_eq!(v.current().map(|e| e.key.clone()), at);
}

#[test]
fn with_no_dates_the_cursor_starts_on_the_first_item_in_feed_order() {
    let xml = br#"<rss version="2.0"><channel><title>t</title>
        <item><title>one</title><guid>1</guid></item>
        <item><title>two</title><guid>2</guid></item>
        <item><title>three</title><guid>3</guid></item></channel></rss>"#;
    let mut v = FeedView::new(vec![("https://example.org/u.xml".into(), None)]);
    v.apply(Action::Resize(80, 24));
    let f = feed::parse(xml, "https://example.org/u.xml", None).expect("rss");
    v.receive(0, Ok(f), &|_| false);
    assert_eq!(titles(&v), ["one", "two", "three"]);
    assert_eq!(v.cursor, 0);
}

#[test]
fn the_names_are_grouped_actors_then_places() {
    let mut v = view();
    v.apply(Action::ToggleEntities);
    let items: Vec<crate::feed::Item> = v.entries.iter().map(|e| e.item.clone()).collect();
    let computed = CrossIndex::compute(&items);
    v.entities_found(computed.clone());
    let index = v.pane.index.clone().expect("found");
    let kinds: Vec<_> = index.entries.iter().map(|e| e.kind).collect();
    let first_place = kinds
        .iter()
        .position(|&k| k == crate::extract::EntityKind::Place)
        .expect("a place");
    assert!(first_place > 0, "an actor first: {kinds:?}");
    assert!(
        kinds[first_place..]
            .iter()
            .all(|&k| k == crate::extract::EntityKind::Place)
    );
    // Within a group, most mentioned first, and no name lost.
    let (actors, places) = index.entries.split_at(first_place);
    for group in [actors, places] {
        assert!(
            group
                .windows(2)
                .all(|w| w[0].items.len() >= w[1].items.len())
        );
    }
    assert_eq!(index.entries.len(), computed.entries.len());
}

#[test]
fn at_80_columns_the_pane_is_docked_beside_the_list_and_the_summary_is_full_width() {
    let l = layout((80, 24), true);
    let pane = l.entities.expect("shown");
    assert_eq!(pane.x, l.list.right());
    assert_eq!((pane.y, pane.height), (l.list.y, l.list.height));
    assert_eq!(l.summary.width, 80);
    let wide = layout((160, 48), true);
    let pane = wide.entities.expect("shown");
    assert_eq!(pane.x, wide.list.right());
    assert_eq!(
        pane.bottom(),
        wide.summary.bottom(),
        "beside the summary too"
    );
    let narrow = layout((50, 24), true);
    assert_eq!(
        narrow.entities.map(|p| p.width),
        Some(50),
        "covers the list"
    );
}
