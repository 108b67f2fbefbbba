//! End-to-end: the release binary opens a saved web page and a page piped
//! into it, in a real terminal (tmux), and shows the article (headline,
//! metadata line, body), not the page's source; `x` shows the furniture
//! set apart after the body; the terminal comes back on quit. A link is
//! followed from a page served on loopback and `Backspace` comes back.
//!
//! Polls the pane for text, never sleeps a fixed time; when tmux is not
//! installed the tests fail and say so (`.ci/run` installs it).

mod common;

#[path = "support/http_server.rs"]
mod http_server;

use common::Tmux;
use http_server::{Reply, Server};

const BIN: &str = env!("CARGO_BIN_EXE_lede");
const PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/html/article.html"
);
const TITLE: &str = "Harbour bridge reopens after two-year repair";

#[test]
fn an_html_file_opens_as_its_article() {
    let t = Tmux::start("web-file", 100, 30);
    t.type_line(&format!("{BIN} --no-remember {PAGE}; echo EXIT:$?"));
    let screen = t.wait_for("the headline and the metadata line", |s| {
        s.contains(TITLE) && s.contains("By Mara Quint and Olu Bede")
    });
    assert!(screen.contains("The old swing bridge"), "{screen}");
    for never in ["DOCTYPE", "<html", "Georgia", "tracking"] {
        assert!(!screen.contains(never), "{never:?} on screen:\n{screen}");
    }
    // The outline lists the subheadings as sections.
    assert!(screen.contains("What the repair cost"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn a_piped_page_opens_as_its_article() {
    let t = Tmux::start("web-pipe", 100, 30);
    t.type_line(&format!("cat {PAGE} | {BIN} --no-remember; echo EXIT:$?"));
    t.wait_for("the headline from the pipe", |s| {
        s.contains(TITLE) && s.contains("The old swing bridge")
    });
    t.keys(&["G"]);
    t.wait_for("the end of the body", |s| s.contains("Ferries will keep"));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

/// A link followed from the reader: `L` lists the page's links, `Enter`
/// fetches the one under the cursor from a loopback server the test
/// starts, `Backspace` comes back to the first page at the same place.
#[test]
fn a_link_is_followed_and_backspace_comes_back() {
    let server = Server::start(|req| match req.path.as_str() {
        "/harbour.html" => Reply::ok(
            "text/html; charset=utf-8",
            "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>\
             <p>BERGEN – The harbour reopened on Wednesday, harbour master Ola Nordmann said.</p>\
             <p>The closure followed <a href=\"/storm.html\">the storm report</a> of last week.</p>\
             </article></body></html>",
        ),
        "/storm.html" => Reply::ok(
            "text/html; charset=utf-8",
            "<html><head><title>Storm closes the port</title></head><body><article><h1>Storm closes the port</h1>\
             <p>The storm closed the port of Bergen for two days, Anna Lindqvist said on Friday.</p>\
             </article></body></html>",
        ),
        _ => Reply::status(404),
    });
    let cache = tempfile::tempdir().expect("cache folder");
    let t = Tmux::start("web-link", 100, 30);
    t.type_line(&format!(
        "XDG_CACHE_HOME={} {BIN} --no-remember {}; echo EXIT:$?",
        cache.path().display(),
        server.url("/harbour.html")
    ));
    t.wait_for("the first page", |s| s.contains("The harbour reopened on"));
    t.keys(&["L"]);
    let list = t.wait_for("the link list", |s| s.contains("Links (1)"));
    assert!(list.contains("the storm report"), "{list}");
    assert!(list.contains(&server.url("/storm.html")), "{list}");
    t.keys(&["Enter"]);
    t.wait_for("the linked page", |s| {
        s.contains("The storm closed the port") && !s.contains("Links (1)")
    });
    t.keys(&["BSpace"]);
    t.wait_for("the first page again", |s| {
        s.contains("The harbour reopened on") && !s.contains("The storm closed the port")
    });
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}
