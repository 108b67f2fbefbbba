//! Render tests of the block kinds beyond running text: a table drawn as
//! aligned rows (its header bold, its rules faint) and a caption dimmed.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use crate::app::{Action, App};
use crate::document::Document;
use crate::extract::Entities;
use crate::keymap::Keymap;

use super::test_rows as rows;

const ARTICLE: &str = "# Results\n\n![Voters queue outside a school](q.jpg)\n\n\
| Party | Leader | Votes |\n|---|---|--:|\n| Civic Party | Alvin Yeung | 1,234 |\n| NPP | Michael Tien | 987 |\n\nThe count ended.\n";

fn draw(w: u16, h: u16) -> Terminal<TestBackend> {
    let doc = Document::from_bytes("results.md", ARTICLE.as_bytes(), None).expect("text");
    let mut app = App::new(doc, Entities::default(), Keymap::default());
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| super::draw(f, &app)).expect("drawn");
    terminal
}

/// The first cell where `needle` starts.
fn find(rows: &[String], needle: &str) -> (u16, u16) {
    for (y, row) in rows.iter().enumerate() {
        if let Some(byte) = row.find(needle) {
            return (row[..byte].chars().count() as u16, y as u16);
        }
    }
    panic!("{needle:?} is not on screen:\n{}", rows.join("\n"));
}

#[test]
fn a_table_is_aligned_rows_with_a_bold_header_and_a_caption_is_dim() {
    for (w, h) in [(80, 24), (40, 15)] {
        let t = draw(w, h);
        insta::assert_snapshot!(format!("table_{w}x{h}"), t.backend());
        let buf = t.backend().buffer();
        let screen = rows(buf);
        let (x, y) = find(&screen, "Party");
        assert!(buf[(x, y)].style().add_modifier.contains(Modifier::BOLD));
        let (x, y) = find(&screen, "Civic");
        assert!(!buf[(x, y)].style().add_modifier.contains(Modifier::BOLD));
        let (x, y) = find(&screen, "Voters");
        assert!(buf[(x, y)].style().add_modifier.contains(Modifier::DIM));
        // The outline never names a section after the caption.
        assert!(
            !screen
                .iter()
                .any(|r| r.contains("│ Voters queue") && r.contains("▸"))
        );
    }
    let t = draw(80, 24);
    let screen = rows(t.backend().buffer());
    let (x1, _) = find(&screen, "Party");
    let (x2, _) = find(&screen, "Civic Party");
    let (s1, _) = find(&screen, "│ Leader");
    let (s2, _) = find(&screen, "│ Alvin");
    assert_eq!((x1, s1), (x2, s2), "cells line up");
    insta::assert_debug_snapshot!("table_80x24_styles", t.backend().buffer());
}
