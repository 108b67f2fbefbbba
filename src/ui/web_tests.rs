//! A web page in the reader: the headline, the metadata line under it
//! (dimmed, apart from the body) and the article's body, at 80x24 and
//! 120x40, snapshotted.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::{Action, App};
use crate::document::Document;
use crate::extract::Entities;
use crate::keymap::Keymap;

const PAGE: &[u8] = include_bytes!("../../tests/fixtures/html/article.html");

fn page_app() -> App {
    let doc = Document::from_bytes("article.html", PAGE, None).expect("the page loads");
    App::new(doc, Entities::default(), Keymap::default())
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| super::draw(f, app)).expect("drawn");
    terminal
}

#[test]
fn snapshots_a_web_page() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = page_app();
        let t = draw(&mut app, w, h);
        insta::assert_snapshot!(format!("web_page_{w}x{h}"), t.backend());
    }
}

#[test]
fn the_metadata_line_is_styled_apart_from_the_body() {
    let mut app = page_app();
    let t = draw(&mut app, 120, 40);
    let buf = t.backend().buffer();
    let rows = super::test_rows(buf);
    let (y, row) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains("By Mara Quint"))
        .expect("the metadata line is on screen");
    let x = row[..row.find("By Mara").expect("found")].chars().count() as u16;
    let byline = buf[(x, y as u16)].style();
    let (by, body_row) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains("The old swing bridge"))
        .expect("the body is on screen");
    let bx = body_row[..body_row.find("The old").expect("found")]
        .chars()
        .count() as u16;
    let body = buf[(bx, by as u16)].style();
    assert_ne!(
        byline, body,
        "the metadata line must not look like body text"
    );
    assert!(
        !rows
            .iter()
            .any(|r| r.contains("DOCTYPE") || r.contains("Georgia"))
    );
}

#[test]
fn the_page_furniture_is_hidden_until_x() {
    let comment = "First! This is a long comment";
    let mut app = page_app();
    app.update(Action::Resize(120, 40));
    app.update(Action::Bottom);
    let t = draw(&mut app, 120, 40);
    let screen = super::test_rows(t.backend().buffer()).join("\n");
    assert!(!screen.contains(comment), "{screen}");
    assert!(screen.contains("Ferries will keep"), "{screen}");
    // The outline still names the set-apart parts.
    assert!(screen.contains("Comments"), "{screen}");
    app.update(Action::ToggleFurniture);
    app.update(Action::Bottom);
    let t = draw(&mut app, 120, 40);
    let screen = super::test_rows(t.backend().buffer()).join("\n");
    assert!(screen.contains(comment), "{screen}");
}
