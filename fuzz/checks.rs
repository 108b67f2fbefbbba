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
        for inline in doc.inlines(&block) {
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

/// The `html` target: any bytes as a web page. Nothing panics, every
/// block range lies inside the text on character boundaries, and the
/// document passes the sink.
pub fn html(data: &[u8]) {
    let doc = Document::from_html("fuzz.html", data, None, Some("https://example.org/a/b"));
    assert_eq!(doc.format, Format::Html, "{:?}", doc.notices);
    for block in &doc.blocks {
        let r = &block.range;
        assert!(r.start <= r.end && r.end <= doc.text.len(), "{r:?}");
        assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
        for inline in doc.inlines(&block) {
            assert!(
                inline.range.start >= r.start && inline.range.end <= r.end,
                "{inline:?} in {r:?}"
            );
        }
    }
    document(&doc);
}

/// The `sanitize` target: any string through the sink.
pub fn sanitize(data: &[u8]) {
    drawable(&String::from_utf8_lossy(data));
}

/// Any bytes as the state file (`places.json`): lede never panics reading
/// it; a file it cannot use is set aside with a warning; saving a place
/// then works and reads back with no warning.
pub fn state(data: &[u8]) {
    use lede::state::{Fingerprint, Place, Store};
    use std::sync::atomic::{AtomicUsize, Ordering};
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let folder = std::env::temp_dir().join(format!(
        "lede-state-check-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&folder).expect("a temp folder");
    let file = folder.join("places.json");
    std::fs::write(&file, data).expect("the state file written");
    let fp = Fingerprint::of("an article");
    let mut store = Store::in_folder(folder.clone());
    let _ = store.recall(&fp);
    if !store.warnings.is_empty() {
        assert!(!file.exists(), "an unusable state file is set aside");
        for w in &store.warnings {
            assert!(sanitize::is_safe(&sanitize::clean(w)), "{w:?}");
        }
    }
    let place = Place {
        offset: 7,
        search: Some("Idlib".into()),
        entity: None,
        saved_at: 0,
    };
    store
        .remember(fp.clone(), place)
        .expect("a place saves over any old file");
    let mut again = Store::in_folder(folder.clone());
    assert_eq!(again.recall(&fp).map(|p| p.offset), Some(7));
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    let _ = std::fs::remove_dir_all(&folder);
}
