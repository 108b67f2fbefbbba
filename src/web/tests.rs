//! The cache and the network together, against a loopback server the test
//! starts: nothing leaves the machine.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::fetch::Limits;

use crate::http_server::{Reply, Server};

const PAGE: &str = "<!doctype html><html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1><p>Anna Lindqvist met Omar Haddad in Oslo on Monday, officials said, and the talks went on into the night.</p><p>A second paragraph, so the page reads as an article with more than one paragraph of text.</p></article></body></html>";

fn web(dir: &std::path::Path, offline: bool) -> Web {
    Web {
        fetcher: Fetcher::direct(Limits::default()),
        cache: Cache::in_folder(dir.to_path_buf(), 1 << 24),
        offline,
    }
}

fn article(content: Content) -> Document {
    match content {
        Content::Article(d) => d,
        Content::Feed(f) => panic!("a feed: {}", f.title),
    }
}

#[test]
fn a_page_is_read_as_an_article_with_its_final_url() {
    let server = Server::start(|req| match req.path.as_str() {
        "/a" => Reply::redirect("/b"),
        _ => Reply::ok("text/html; charset=utf-8", PAGE),
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let (content, note) = web(dir.path(), false)
        .open(&server.url("/a"), Want::Page, &mut |_| true)
        .expect("opened");
    let doc = article(content);
    assert_eq!(note, None);
    assert_eq!(doc.name, server.url("/b"));
    assert!(doc.text.contains("Omar Haddad in Oslo"), "{}", doc.text);
    assert!(!doc.text.contains("<p>"));
}

#[test]
fn the_transport_charset_comes_before_a_guess() {
    // "Tromsø" in ISO-8859-1, labelled by the header only.
    let mut body = b"<html><body><p>Troms".to_vec();
    body.push(0xF8);
    body.extend_from_slice(
        b" harbour reopened on Monday after the storm, the port said.</p></body></html>",
    );
    let server = Server::start(move |_| Reply::ok("text/html; charset=iso-8859-1", body.clone()));
    let dir = tempfile::tempdir().expect("tempdir");
    let (content, _) = web(dir.path(), false)
        .open(&server.url("/latin1"), Want::Page, &mut |_| true)
        .expect("opened");
    assert!(article(content).text.contains("Tromsø"));
}

#[test]
fn a_feed_is_read_as_a_feed() {
    let rss = include_str!("../../tests/fixtures/feeds/rss2.xml");
    let server = Server::start(move |_| Reply::ok("text/xml", rss));
    let dir = tempfile::tempdir().expect("tempdir");
    let (content, _) = web(dir.path(), false)
        .open(&server.url("/news/feed.xml"), Want::Fresh, &mut |_| true)
        .expect("opened");
    let Content::Feed(feed) = content else {
        panic!("not read as a feed")
    };
    assert_eq!(feed.title, "The Harbour Gazette & Courier");
    assert_eq!(
        feed.items[0].link.as_deref(),
        Some(server.url("/news/tallinn-strike.html").as_str())
    );
}

#[test]
fn offline_reads_the_cache_and_says_what_it_lacks() {
    let server = Server::start(|_| Reply::ok("text/html", PAGE));
    let dir = tempfile::tempdir().expect("tempdir");
    let url = server.url("/kept");
    web(dir.path(), false)
        .get(&url, Want::Page, &mut |_| true)
        .expect("fetched");
    drop(server);
    let offline = web(dir.path(), true);
    let got = offline.get(&url, Want::Page, &mut |_| true).expect("kept");
    assert_eq!(got.page.body, PAGE.as_bytes());
    assert!(got.note.is_some_and(|n| n.starts_with("offline")));
    let err = offline
        .get("http://127.0.0.1:9/never", Want::Page, &mut |_| true)
        .expect_err("not kept");
    assert_eq!(
        err.to_string(),
        "http://127.0.0.1:9/never: not in the cache (--offline)"
    );
}

#[test]
fn a_kept_copy_is_revalidated_and_served_on_304() {
    let full = Arc::new(AtomicUsize::new(0));
    let counter = full.clone();
    let server = Server::start(move |req| {
        if req.header("if-none-match") == Some("\"v1\"") {
            return Reply::status(304);
        }
        counter.fetch_add(1, Ordering::SeqCst);
        Reply::ok(
            "application/rss+xml",
            include_str!("../../tests/fixtures/feeds/rss2.xml"),
        )
        .header("ETag", "\"v1\"")
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let w = web(dir.path(), false);
    let url = server.url("/feed");
    let first = w.get(&url, Want::Fresh, &mut |_| true).expect("fetched");
    let again = w
        .get(&url, Want::Fresh, &mut |_| true)
        .expect("revalidated");
    assert_eq!(first.page.body, again.page.body);
    assert_eq!(full.load(Ordering::SeqCst), 1, "the body was sent once");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_recent_page_is_served_without_asking_and_a_dead_server_falls_back() {
    let server = Server::start(|_| Reply::ok("text/html", PAGE));
    let dir = tempfile::tempdir().expect("tempdir");
    let w = web(dir.path(), false);
    let url = server.url("/p");
    w.get(&url, Want::Page, &mut |_| true).expect("fetched");
    w.get(&url, Want::Page, &mut |_| true)
        .expect("from the cache");
    assert_eq!(server.requests().len(), 1);
    drop(server);
    let got = w
        .get(&url, Want::Fresh, &mut |_| true)
        .expect("the kept copy");
    let note = got.note.expect("a note");
    assert!(note.contains("showing the copy kept"), "{note}");
}

#[test]
fn an_item_with_content_is_an_article_without_a_fetch() {
    let feed = feed::parse(
        include_bytes!("../../tests/fixtures/feeds/rss2.xml"),
        "https://example.org/news/feed.xml",
        None,
    )
    .expect("feed");
    let doc = item_document(&feed.items[0]).expect("content");
    assert!(doc.text.contains("Jaan Tamm"), "{}", doc.text);
    assert_eq!(doc.name, "https://example.org/news/tallinn-strike.html");
    assert!(item_document(&feed.items[1]).is_none(), "only a summary");
}

#[test]
fn an_item_s_author_and_date_head_its_article() {
    let feed = feed::parse(
        include_bytes!("../../tests/fixtures/feeds/rss2.xml"),
        "https://example.org/news/feed.xml",
        None,
    )
    .expect("feed");
    let doc = item_document(&feed.items[0]).expect("content");
    assert_eq!(doc.meta.authors, vec!["Marta Kask".to_string()]);
    assert_eq!(doc.meta.published.as_deref(), Some("2026-03-02T09:30:00Z"));
    let byline = (0..doc.blocks.len())
        .find(|&i| doc.blocks.kind(i) == crate::document::BlockKind::Byline)
        .map(|i| &doc.text[doc.blocks.range(i)])
        .expect("a byline block");
    assert!(byline.starts_with("By Marta Kask · 2026-03-02"), "{byline}");
}

#[test]
fn an_item_s_text_content_is_read_in_paragraphs_with_its_markup_as_text() {
    let item = Item {
        id: "t1".into(),
        title: "Ice \"closes\" the harbour".into(),
        link: None,
        date: None,
        authors: vec!["A <b>\"Writer\"</b>".into()],
        summary: String::new(),
        summary_is_html: false,
        content: Some(feed::Content {
            body: "The ferry <b>left</b> late.\r\n\r\nA second paragraph\nwith a break.".into(),
            html: false,
        }),
    };
    let doc = item_document(&item).expect("content");
    assert!(
        doc.text.contains("The ferry <b>left</b> late."),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("A second paragraph"), "{}", doc.text);
    assert_eq!(doc.meta.authors, vec!["A <b>\"Writer\"</b>".to_string()]);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Ice \"closes\" the harbour")
    );
}

/// A JSON Feed whose `version` comes after its items, past the first 4 KB
/// a sniff looks at (JSON keys come in any order).
fn json_feed_version_last() -> String {
    let items: Vec<String> = (0..40)
        .map(|i| {
            format!(
                r#"{{"id": "j{i}", "url": "/j/{i}.html", "title": "Harbour report {i}", "content_text": "The harbour in Bergen reopened on Wednesday, report {i} said, after a long week of storms."}}"#
            )
        })
        .collect();
    format!(
        r#"{{"title": "Fjord JSON", "items": [{}], "version": "https://jsonfeed.org/version/1.1"}}"#,
        items.join(",")
    )
}

#[test]
fn a_json_feed_is_known_by_its_content_type_as_well_as_by_its_bytes() {
    let late = json_feed_version_last();
    // The head alone does not tell; the whole JSON does.
    assert!(late.len() > 4096 && !crate::feed::sniff(&late.as_bytes()[..4096]));
    assert!(crate::feed::sniff(late.as_bytes()));
    let early = include_str!("../../tests/fixtures/feeds/feed.json");
    let server = Server::start(move |req| match req.path.as_str() {
        "/feed+json" => Reply::ok("application/feed+json", late.clone()),
        "/json" => Reply::ok("application/json; charset=utf-8", late.clone()),
        _ => Reply::ok("text/plain", early),
    });
    let dir = tempfile::tempdir().expect("tempdir");
    for path in ["/feed+json", "/json", "/sniffed"] {
        let (content, _) = web(dir.path(), false)
            .open(&server.url(path), Want::Fresh, &mut |_| true)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let Content::Feed(feed) = content else {
            panic!("{path} not read as a feed")
        };
        assert_eq!(feed.title, "Fjord JSON", "{path}");
        assert!(!feed.items.is_empty(), "{path}");
    }
}

#[test]
fn json_that_is_not_a_feed_is_text() {
    let server = Server::start(|_| {
        Reply::ok(
            "application/json",
            r#"{"harbour": "Bergen", "note": "The harbour reopened on Wednesday."}"#,
        )
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let (content, _) = web(dir.path(), false)
        .open(&server.url("/data.json"), Want::Page, &mut |_| true)
        .expect("opened");
    assert!(article(content).text.contains("Bergen"));
}
