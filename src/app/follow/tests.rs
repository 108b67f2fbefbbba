//! Following links: a file's link to another file, a page's link served
//! on loopback (a server the test starts), `Backspace` back to the same
//! place, and links that are never followed.

use crate::app::{Action, App, Msg, Request};
use crate::cache::Cache;
use crate::document::{Document, Format};
use crate::fetch::{Fetcher, Limits};
use crate::http_server::{Reply, Server};
use crate::keymap::Keymap;
use crate::web::Web;

fn app_on(name: &str, text: &str) -> App {
    let doc = Document::from_bytes(name, text.as_bytes(), Some(Format::Markdown)).expect("doc");
    let entities = crate::extract::extract(&doc);
    let mut app = App::new(doc, entities, Keymap::default());
    app.update(Action::Resize(80, 12));
    app
}

/// Does the requests the session asked for, as the loop's workers would,
/// and hands back what they bring.
fn work(app: &mut App, web: &Web) {
    for request in app.take_requests() {
        let got = std::sync::Mutex::new(Vec::new());
        crate::jobs::run(request, web, &|f| {
            got.lock().expect("lock").push(f);
            true
        });
        for f in got.into_inner().expect("lock") {
            app.update(Msg::Fetched(Box::new(f)));
        }
    }
}

fn web(dir: &std::path::Path) -> Web {
    Web {
        fetcher: Fetcher::direct(Limits::default()),
        cache: Cache::in_folder(dir.to_path_buf(), 1 << 24),
        offline: false,
    }
}

/// A long article with a link far down, so coming back has a place to keep.
fn long_article(link: &str) -> String {
    let mut text = String::from("# Harbour notes\n\n");
    for i in 0..40 {
        text.push_str(&format!("Paragraph {i} about the harbour in Bergen.\n\n"));
    }
    text.push_str(&format!("Read [the ferry report]({link}) for more.\n\n"));
    for i in 40..60 {
        text.push_str(&format!("Paragraph {i} after the link.\n\n"));
    }
    text
}

#[test]
fn a_file_link_opens_the_file_and_backspace_comes_back_to_the_same_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("ferry report.md"),
        "# Ferry report\n\nThe morning ferry to Helsinki left three hours late.\n",
    )
    .expect("written");
    let notes = dir.path().join("notes.md");
    let mut app = app_on(
        &notes.display().to_string(),
        &long_article("ferry%20report.md"),
    );
    app.update(Action::Bottom);
    app.update(Action::Scroll(-8));
    let top = app.top();
    app.update(Action::Links);
    assert_eq!(app.links.len(), 1);
    app.update(Action::LinkOpen);
    assert!(app.entity.panel.is_none(), "the list closes");
    assert!(
        app.doc.text.contains("the ferry report"),
        "the placeholder: {}",
        app.doc.text
    );
    let cache = tempfile::tempdir().expect("cache");
    work(&mut app, &web(cache.path()));
    assert!(
        app.doc.text.contains("left three hours late"),
        "the file: {}",
        app.doc.text
    );
    app.update(Action::LinkBack);
    assert!(app.doc.text.contains("Harbour notes"));
    assert_eq!(app.top(), top, "the same place");
    app.update(Action::LinkBack);
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("no article to go back to")),
        "{:?}",
        app.view.message
    );
}

#[test]
fn a_page_link_is_fetched_from_loopback_and_its_own_links_resolve_against_it() {
    let server = Server::start(|req| match req.path.as_str() {
        "/news/ferry.html" => Reply::ok(
            "text/html; charset=utf-8",
            "<html><head><title>Ferry late</title></head><body><article><h1>Ferry late</h1>\
             <p>The morning ferry to Helsinki left three hours late on Tuesday, the port said.</p>\
             <p>See <a href=\"fees.html\">the fees</a> and <a href=\"javascript:alert(1)\">this</a>.</p>\
             </article></body></html>",
        ),
        "/news/fees.html" => Reply::ok(
            "text/html",
            "<html><body><article><h1>Port fees</h1><p>Fees rise by a tenth in April, the port authority in Tallinn said on Monday.</p></article></body></html>",
        ),
        _ => Reply::status(404),
    });
    let mut app = app_on("notes.md", &long_article(&server.url("/news/ferry.html")));
    app.update(Action::Links);
    app.update(Action::LinkOpen);
    let requests = app.take_requests();
    let [Request::Page { url, .. }] = &requests[..] else {
        panic!("one page asked for: {requests:?}")
    };
    assert_eq!(url, &server.url("/news/ferry.html"));
    for r in requests {
        app.update(Msg::Fetched(Box::new(fetch_now(r))));
    }
    assert!(
        app.doc.text.contains("three hours late"),
        "{}",
        app.doc.text
    );
    app.update(Action::Links);
    let targets: Vec<&str> = app.links.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(targets[0], server.url("/news/fees.html"));
    // The script link is listed, and never followed.
    app.update(Action::LinkLast);
    app.update(Action::LinkOpen);
    assert!(app.take_requests().is_empty());
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("not followed")),
        "{:?}",
        app.view.message
    );
    app.update(Action::LinkFirst);
    app.update(Action::LinkOpen);
    let cache = tempfile::tempdir().expect("cache");
    work(&mut app, &web(cache.path()));
    assert!(
        app.doc.text.contains("Fees rise by a tenth"),
        "{}",
        app.doc.text
    );
    app.update(Action::LinkBack);
    assert!(app.doc.text.contains("three hours late"));
    app.update(Action::LinkBack);
    assert!(app.doc.text.contains("Harbour notes"));
    assert!(server.requests().len() >= 2);
}

fn fetch_now(request: Request) -> crate::app::Fetched {
    let cache = tempfile::tempdir().expect("cache");
    let web = web(cache.path());
    let got = std::sync::Mutex::new(None);
    crate::jobs::run(request, &web, &|f| {
        if matches!(f, crate::app::Fetched::Page { .. }) {
            *got.lock().expect("lock") = Some(f);
        }
        true
    });
    got.into_inner().expect("lock").expect("a page came back")
}

#[test]
fn a_failed_link_says_why_and_backspace_still_comes_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.md");
    let mut app = app_on(&notes.display().to_string(), &long_article("missing.md"));
    app.update(Action::Links);
    app.update(Action::LinkOpen);
    let cache = tempfile::tempdir().expect("cache");
    work(&mut app, &web(cache.path()));
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("missing.md")),
        "{:?}",
        app.view.message
    );
    app.update(Action::LinkBack);
    assert!(app.doc.text.contains("Harbour notes"));
}

#[test]
fn backspace_cancels_a_fetch_under_way() {
    let mut app = app_on("notes.md", &long_article("https://127.0.0.1:9/never.html"));
    app.update(Action::Links);
    app.update(Action::LinkOpen);
    app.update(Action::LinkBack);
    assert!(app.doc.text.contains("Harbour notes"));
    let requests = app.take_requests();
    let [Request::Page { cancel, .. }] = &requests[..] else {
        panic!("one page asked for: {requests:?}")
    };
    assert!(cancel.load(std::sync::atomic::Ordering::SeqCst));
}

#[test]
fn the_articles_kept_for_backspace_are_bounded() {
    let server = Server::start(|_| {
        Reply::ok(
            "text/html",
            "<html><body><article><h1>Again</h1><p>The harbour page links to itself, \
             <a href=\"/again.html\">once more</a>, for as long as anyone follows it.</p></article></body></html>",
        )
    });
    let cache = tempfile::tempdir().expect("cache");
    let web = web(cache.path());
    let mut app = app_on("notes.md", &long_article(&server.url("/again.html")));
    let depth = crate::app::links::BACK_DEPTH;
    for _ in 0..depth + 5 {
        app.update(Action::Links);
        app.update(Action::LinkOpen);
        work(&mut app, &web);
        assert!(app.doc.text.contains("links to itself"), "{}", app.doc.text);
    }
    for _ in 0..depth {
        app.update(Action::LinkBack);
        assert!(app.view.message.is_none(), "{:?}", app.view.message);
    }
    // The oldest (the notes themselves) were let go.
    assert!(app.doc.text.contains("links to itself"));
    app.update(Action::LinkBack);
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("no article to go back to"))
    );
}
