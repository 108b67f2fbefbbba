use super::*;

const RSS2: &[u8] = include_bytes!("../../tests/fixtures/feeds/rss2.xml");
const ATOM: &[u8] = include_bytes!("../../tests/fixtures/feeds/atom.xml");
const RSS1: &[u8] = include_bytes!("../../tests/fixtures/feeds/rss1.rdf");
const RSS091: &[u8] = include_bytes!("../../tests/fixtures/feeds/rss091.xml");
const JSON: &[u8] = include_bytes!("../../tests/fixtures/feeds/feed.json");

const BASE: &str = "https://example.org/feeds/news.xml";

#[test]
fn every_format_is_sniffed_and_read() {
    for (bytes, title, first) in [
        (
            RSS2,
            "The Harbour Gazette & Courier",
            "Port of Tallinn – strike talks resume",
        ),
        (ATOM, "Nordic <Wire>", "Oslo council approves new tram line"),
        (RSS1, "Baltic Digest", "Riga opens a new bridge"),
        (RSS091, "Old Style News", "Vilnius hosts the summit"),
        (JSON, "Fjord JSON", "Bergen harbour reopens"),
    ] {
        assert!(sniff(bytes), "{title}");
        let feed = parse(bytes, BASE, None).expect(title);
        assert_eq!(feed.title, title);
        assert_eq!(feed.items[0].title, first, "{title}");
    }
    assert!(!sniff(b"<!doctype html><html><body>x</body></html>"));
    assert!(!sniff(b"{\"a\": 1}"));
    assert!(!sniff(b"Just text."));
}

#[test]
fn relative_links_resolve_against_the_feed() {
    let feed = parse(RSS2, BASE, None).expect("rss");
    assert_eq!(
        feed.items[0].link.as_deref(),
        Some("https://example.org/news/tallinn-strike.html")
    );
    let atom = parse(ATOM, BASE, None).expect("atom");
    assert_eq!(
        atom.items[0].link.as_deref(),
        Some("https://example.org/atom/trams/oslo-line.html")
    );
    let json = parse(JSON, BASE, None).expect("json");
    assert_eq!(
        json.items[0].link.as_deref(),
        Some("https://example.org/json/bergen.html")
    );
}

#[test]
fn a_duplicate_item_is_left_out_with_a_notice() {
    let feed = parse(RSS2, BASE, None).expect("rss");
    assert_eq!(feed.items.len(), 3);
    assert!(
        feed.notices.iter().any(|n| n.contains("1 duplicate item")),
        "{:?}",
        feed.notices
    );
}

#[test]
fn a_malformed_date_is_no_date_not_an_error() {
    let feed = parse(RSS2, BASE, None).expect("rss");
    assert!(feed.items[0].date.is_some());
    assert_eq!(feed.items[1].date, None);
    let atom = parse(ATOM, BASE, None).expect("atom");
    assert_eq!(atom.items[1].date, None);
}

#[test]
fn content_and_summaries_are_kept_with_their_kind() {
    let feed = parse(RSS2, BASE, None).expect("rss");
    let content = feed.items[0].content.as_ref().expect("content:encoded");
    assert!(content.html && content.body.contains("Jaan Tamm"));
    assert!(feed.items[1].content.is_none());
    assert_eq!(
        summary_text(&feed.items[0]),
        "Dock workers in Tallinn met the port authority on Monday."
    );
    assert_eq!(feed.items[0].authors, ["Marta Kask"]);
    let json = parse(JSON, BASE, None).expect("json");
    let text = json.items[1].content.as_ref().expect("content_text");
    assert!(!text.html);
}

#[test]
fn escape_sequences_in_a_title_are_kept_for_the_sanitiser() {
    let feed = parse(RSS2, BASE, None).expect("rss");
    let title = &feed.items[2].title;
    assert!(title.starts_with("Breaking"), "{title:?}");
    let clean = crate::sanitize::clean(title);
    assert!(
        !clean.contains('\u{1b}') && !clean.contains('\u{202e}'),
        "{clean:?}"
    );
}

#[test]
fn hostile_feeds_are_refused_with_a_message() {
    let bomb = br#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<rss version="2.0"><channel><title>&c;</title></channel></rss>"#;
    // Known as a feed past its document type, so a file says why too;
    // a `]` inside a declaration does not end the subset.
    assert!(sniff(bomb));
    assert!(sniff(
        b"<!DOCTYPE rss [ <!ENTITY x \"]\"> ] >\n<rss version=\"2.0\">"
    ));
    assert!(sniff(
        b"<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\" \"x.dtd\"><rss>"
    ));
    assert!(!sniff(b"<!DOCTYPE html [ <!ENTITY x \"y\"> ]><html>"));
    assert_eq!(parse(bomb, BASE, None), Err(FeedError::Entities));
    let deep = format!(
        "<rss version=\"2.0\"><channel>{}{}</channel></rss>",
        "<x>".repeat(100_000),
        "</x>".repeat(100_000)
    );
    assert_eq!(parse(deep.as_bytes(), BASE, None), Err(FeedError::TooDeep));
    let big = vec![b' '; MAX_BYTES + 1];
    assert_eq!(parse(&big, BASE, None), Err(FeedError::TooLarge));
    assert!(matches!(
        parse(b"<html><body>no feed</body></html>", BASE, None),
        Err(FeedError::Parse(_))
    ));
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        parse(deep_json.as_bytes(), BASE, None),
        Err(FeedError::Parse(_))
    ));
}

#[test]
fn a_hundred_thousand_items_keep_the_first_few_thousand() {
    let mut xml = String::from("<rss version=\"2.0\"><channel><title>Many</title>");
    for i in 0..100_000 {
        xml.push_str(&format!(
            "<item><title>Item {i}</title><guid>id-{i}</guid></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    let feed = parse(xml.as_bytes(), BASE, None).expect("parsed");
    assert_eq!(feed.items.len(), MAX_ITEMS);
    assert!(
        feed.notices[0].contains("100000 items"),
        "{:?}",
        feed.notices
    );
}

#[test]
fn a_json_feed_is_known_wherever_its_version_is() {
    let items: Vec<String> = (0..80)
        .map(|i| {
            format!(r#"{{"id": "{i}", "title": "Report {i}", "content_text": "Bergen harbour."}}"#)
        })
        .collect();
    let late = format!(
        r#"{{"title": "Late", "items": [{}], "version": "https://jsonfeed.org/version/1.1"}}"#,
        items.join(",")
    );
    assert!(late.find("jsonfeed").is_some_and(|at| at > SNIFF_HEAD));
    assert!(sniff(late.as_bytes()) && is_json_feed(late.as_bytes()));
    assert!(
        !sniff(&late.as_bytes()[..SNIFF_HEAD]),
        "the head alone does not tell"
    );
    let with_bom = format!("\u{feff}  {late}");
    assert!(sniff(with_bom.as_bytes()));
    assert_eq!(
        parse(late.as_bytes(), BASE, None)
            .expect("read")
            .items
            .len(),
        80
    );
    // Not a feed: no items, another version, the version inside an item,
    // an array, broken JSON, nesting past serde_json's limit.
    let no_items = format!(
        r#"{{"x": "{}", "version": "https://jsonfeed.org/version/1"}}"#,
        "a".repeat(5000)
    );
    let other = late.replace("jsonfeed.org", "example.org");
    let inner = format!(
        r#"{{"pad": "{}", "items": [{{"version": "https://jsonfeed.org/version/1"}}]}}"#,
        "a".repeat(5000)
    );
    let array = format!("[{late}]");
    let broken = late[..late.len() - 1].to_string();
    let deep = format!(
        r#"{{"pad": "{}", "items": {}{}}}"#,
        "a".repeat(5000),
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    for text in [&no_items, &other, &inner, &array, &broken, &deep] {
        assert!(!sniff(text.as_bytes()), "{}", &text[..60]);
    }
}

#[test]
fn a_feed_of_many_tiny_items_is_cut_before_it_is_built() {
    let n = CUT_AFTER + 30_000;
    for (head, item, tail) in [
        (
            "<rss version=\"2.0\"><channel><title>Tiny</title>",
            "<item><title>{i}</title><guid>{i}</guid></item>",
            "</channel></rss>",
        ),
        (
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Tiny</title>",
            "<entry><id>{i}</id><title>{i}</title></entry>",
            "</feed>",
        ),
        (
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>Tiny</title></channel>",
            "<item rdf:about=\"https://example.org/{i}\"><title>{i}</title><link>https://example.org/{i}</link></item>",
            "</rdf:RDF>",
        ),
    ] {
        let mut xml = String::from(head);
        for i in 0..n {
            xml.push_str(&item.replace("{i}", &i.to_string()));
        }
        xml.push_str(tail);
        let scan = check_xml(xml.as_bytes()).expect("scanned");
        assert_eq!(scan.items, n, "{head}");
        let cut = scan.cut.expect("cut");
        assert!(
            cut.len() < xml.len() / 2 && cut.ends_with(tail.as_bytes()),
            "{head}"
        );
        let feed = parse(xml.as_bytes(), BASE, None).expect(head);
        assert_eq!(feed.title, "Tiny");
        assert_eq!(feed.items.len(), MAX_ITEMS, "{head}");
        assert_eq!(feed.items[0].title, "0");
        assert_eq!(
            feed.notices,
            [format!(
                "the feed has {n} items; the first {MAX_ITEMS} are listed"
            )],
            "{head}"
        );
    }
    // A JSON Feed too, its other members kept.
    let items: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "{i}", "title": "{i}"}}"#))
        .collect();
    let json = format!(
        r#"{{"title": "Tiny", "items": [{}], "home_page_url": "https://example.org/", "version": "https://jsonfeed.org/version/1.1"}}"#,
        items.join(",")
    );
    let scan = check_json(json.as_bytes());
    assert_eq!(scan.items, n);
    assert!(scan.cut.as_ref().is_some_and(|c| c.len() < json.len() / 2));
    let feed = parse(json.as_bytes(), BASE, None).expect("json");
    assert_eq!((feed.title.as_str(), feed.items.len()), ("Tiny", MAX_ITEMS));
    assert_eq!(feed.site.as_deref(), Some("https://example.org/"));
    assert!(feed.notices[0].contains(&format!("{n} items")));
    // Under the cut, nothing is copied.
    assert!(
        check_json(br#"{"items": [{"id": "1"}], "version": "https://jsonfeed.org/version/1"}"#)
            .cut
            .is_none()
    );
    // An `item` nested inside an item's markup is not counted.
    let nested = format!(
        "<rss><channel>{}</channel></rss>",
        "<item><title>t</title><x><item>no</item></x></item>".repeat(3)
    );
    assert_eq!(check_xml(nested.as_bytes()).expect("scanned").items, 3);
}
