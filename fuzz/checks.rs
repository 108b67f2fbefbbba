//! What every fuzz target checks, shared with `tests/hostile_corpus.rs` so
//! the seed corpora run as ordinary tests too.
//!
//! The invariants: nothing panics; every string the reader can draw (block
//! and inline text, link targets, section titles, notices, the name) comes
//! out of the sanitiser safe; reveal mode loses nothing.

use lede::document::{Document, Format, InlineKind};
use lede::sanitize::{self, Piece};

/// A string the reader draws: every piece safe, every text piece exactly
/// its range, reveal mode reversible, `clean` one safe line.
pub fn drawable(text: &str) {
    for reveal in [false, true] {
        let mut rebuilt = String::new();
        for (range, piece) in sanitize::pieces(text, reveal) {
            for line in piece.as_str().split('\n') {
                assert!(sanitize::is_safe(line), "unsafe piece {piece:?}");
            }
            match piece {
                Piece::Text(t) => {
                    assert_eq!(t, &text[range]);
                    rebuilt.push_str(t);
                }
                Piece::Marker(m) if reveal => {
                    rebuilt.push(sanitize::unmark(&m).expect("reveal markers decode"));
                }
                Piece::Marker(_) => {}
            }
        }
        if reveal {
            assert_eq!(rebuilt, text, "reveal mode lost something");
        }
    }
    let line = sanitize::clean(text);
    assert!(!line.contains('\n') && sanitize::is_safe(&line), "{line:?}");
}

/// Every drawable string of a document.
pub fn document(doc: &Document) {
    drawable(&doc.name);
    doc.notices.iter().for_each(|n| drawable(n));
    for section in &doc.sections {
        assert!(sanitize::is_safe(&section.title), "{:?}", section.title);
    }
    for block in &doc.blocks {
        drawable(doc.slice(&block.range));
        for inline in &block.inlines {
            drawable(doc.slice(&inline.range));
            if let InlineKind::Link { target } | InlineKind::Image { target } = &inline.kind {
                assert!(sanitize::is_safe(target), "{target:?}");
            }
        }
    }
}

/// The `plain` target: any bytes as a plain-text article.
pub fn plain(data: &[u8]) {
    if let Ok(doc) = Document::from_bytes("fuzz.txt", data, Some(Format::Plain)) {
        document(&doc);
    }
}

/// The `markdown` target: any bytes as a Markdown article, with exactly the
/// options lede enables. The parser alone must not panic (lede would fall
/// back to plain text, but that is a degraded view, so the fuzzer reports
/// it), and the document must pass the sink.
pub fn markdown(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parser = pulldown_cmark::Parser::new_ext(&text, lede::document::markdown_options());
    for _ in parser.into_offset_iter() {}
    if let Ok(doc) = Document::from_bytes("fuzz.md", data, Some(Format::Markdown)) {
        assert_eq!(doc.format, Format::Markdown, "{:?}", doc.notices);
        document(&doc);
    }
}

/// The `sanitize` target: any string through the sink.
pub fn sanitize(data: &[u8]) {
    drawable(&String::from_utf8_lossy(data));
}
