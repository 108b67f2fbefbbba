//! End-to-end: a feed served on loopback (a server this test starts on
//! 127.0.0.1), read in tmux by the release binary: the list, an item
//! opened (its page fetched), `q` back to the list with the item marked
//! read; then, the server stopped, `--offline` shows the article from the
//! cache. Nothing leaves the machine; every wait polls the screen.

mod common;

#[path = "support/http_server.rs"]
mod http_server;

use common::Tmux;
use http_server::{Reply, Server};

const BIN: &str = env!("CARGO_BIN_EXE_lede");

const PAGE: &str = "<!doctype html><html><head><title>Ferry to Helsinki delayed by ice</title></head>\
<body><nav><a href=\"/\">Home</a></nav><article><h1>Ferry to Helsinki delayed by ice</h1>\
<p>TALLINN – The morning ferry to Helsinki left three hours late on Tuesday as ice closed the harbour mouth, the port authority said.</p>\
<p>Captain Liisa Saar said the icebreaker Tarmo had cleared a channel by noon.</p></article></body></html>";

fn feed(server_url: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title>\
<link>{server_url}/</link>\
<item><title>Ferry to Helsinki delayed by ice</title><link>/ferry.html</link><guid>ferry-1</guid>\
<pubDate>Tue, 03 Mar 2026 08:00:00 +0000</pubDate><description>The morning ferry left late.</description></item>\
<item><title>Port fees to rise in April</title><link>/fees.html</link><guid>fees-1</guid>\
<pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate><description>Fees rise by a tenth.</description></item>\
</channel></rss>"
    )
}

#[test]
fn a_feed_on_loopback_an_item_read_and_the_cache_offline() {
    let t = Tmux::start("feeds", 100, 30);
    let port = std::sync::Arc::new(std::sync::atomic::AtomicU16::new(0));
    let p = port.clone();
    let server = Server::start(move |req| {
        let base = format!(
            "http://127.0.0.1:{}",
            p.load(std::sync::atomic::Ordering::SeqCst)
        );
        match req.path.as_str() {
            "/feed.xml" => Reply::ok("application/rss+xml", feed(&base)),
            "/ferry.html" => Reply::ok("text/html; charset=utf-8", PAGE),
            _ => Reply::status(404),
        }
    });
    port.store(server.port(), std::sync::atomic::Ordering::SeqCst);
    let cache = tempfile::tempdir().expect("cache folder");
    let env = format!("XDG_CACHE_HOME={}", cache.path().display());
    t.type_line(&format!(
        "{env} {BIN} {}; echo EXIT:$?",
        server.url("/feed.xml")
    ));
    t.wait_for("the list", |s| {
        s.contains("Harbour Wire") && s.contains("Port fees to rise")
    });
    let unread = |s: &str, title: &str| {
        s.lines()
            .find(|l| l.contains(title))
            .is_some_and(|l| l.contains('●'))
    };
    let screen = t.screen();
    assert!(unread(&screen, "Ferry to Helsinki"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("the item's page, fetched", |s| {
        s.contains("icebreaker Tarmo")
    });
    t.keys(&["q"]);
    let screen = t.wait_for("the list again", |s| s.contains("Port fees to rise"));
    assert!(
        !unread(&screen, "Ferry to Helsinki"),
        "marked read:\n{screen}"
    );
    assert!(unread(&screen, "Port fees to rise"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));

    // The server is gone: the page comes from the cache.
    let page = server.url("/ferry.html");
    drop(server);
    t.type_line(&format!(
        "clear; {env} {BIN} --offline {page}; echo EXIT:$?"
    ));
    t.wait_for("the cached article", |s| s.contains("icebreaker Tarmo"));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    // And a read mark is kept for the next time.
    t.assert_sane();
}
