//! The generated news of `benches/support/sample.rs`, which the tests and
//! benchmarks read: deterministic, sized as asked, news-shaped.

use crate::document::{Document, Format};
use crate::sample::{FIRST, generate};

#[test]
fn same_seed_same_text_other_seed_other_text() {
    let a = generate(20_000, Format::Markdown, 7);
    assert_eq!(a, generate(20_000, Format::Markdown, 7));
    assert_ne!(a, generate(20_000, Format::Markdown, 8));
}

#[test]
fn size_comes_close_to_the_request_and_never_over() {
    for size in [0, 10, 5_000, 100_000, 1_000_000] {
        for format in [Format::Markdown, Format::Plain] {
            let text = generate(size, format, 1);
            assert!(text.len() <= size, "{size}: {}", text.len());
            if size >= 5_000 {
                assert!(text.len() > size - 2_000, "{size}: {}", text.len());
            }
        }
    }
}

#[test]
fn markdown_parses_into_sections_with_names_and_typography() {
    let text = generate(50_000, Format::Markdown, 3);
    let doc = Document::from_bytes("g.md", text.as_bytes(), None).expect("text");
    assert!(doc.sections.len() > 10, "{}", doc.sections.len());
    assert!(doc.sections.iter().any(|s| s.level == 1));
    assert!(doc.sections.iter().any(|s| s.level == 2));
    assert!(doc.text.contains('“') && doc.text.contains('–'));
    assert!(FIRST.iter().any(|n| doc.text.contains(n)));
    assert!(doc.text.chars().any(|c| c.is_ascii_digit()));
}

#[test]
fn even_a_small_text_starts_with_a_title() {
    let text = generate(2_000, Format::Markdown, 9);
    assert!(text.starts_with("# "), "{text}");
}

#[test]
fn plain_text_has_a_title_and_subheadings() {
    let text = generate(30_000, Format::Plain, 5);
    assert!(!text.contains('#'));
    let doc = Document::from_bytes("g.txt", text.as_bytes(), None).expect("text");
    assert!(doc.title.is_some());
    assert!(doc.sections.len() > 3, "{}", doc.sections.len());
}
