//! Size and time: pathological inputs generated here (never committed) must
//! open without a stack overflow, a panic or unbounded depth.
//!
//! Tests never assert wall-clock time. The linearity measurements are
//! `#[ignore]`d tests that print a table; run them in release:
//!
//! ```text
//! cargo test --release --test hostile_size -- --ignored --nocapture --test-threads=1
//! ```

use std::time::{Duration, Instant};

use lede::document::{BlockKind, Document, Format, MAX_DEPTH};
use lede::sanitize;

fn markdown(text: &str) -> Document {
    Document::from_bytes("gen.md", text.as_bytes(), Some(Format::Markdown)).expect("text")
}

fn plain(text: &str) -> Document {
    Document::from_bytes("gen.txt", text.as_bytes(), Some(Format::Plain)).expect("text")
}

/// The first screen: the first blocks through the sink, as the reader draws
/// them.
fn first_screen(doc: &Document) {
    for block in doc.blocks.iter().take(40) {
        let text = doc.slice(&block.range);
        let end = text.floor_char_boundary(text.len().min(64 * 1024));
        for (_, piece) in sanitize::pieces(&text[..end], false) {
            assert!(piece.as_str().split('\n').all(sanitize::is_safe));
        }
    }
}

/// The known superlinear Markdown patterns (C5) and deep nesting (C4), each
/// as a generator of `n` repetitions.
type Pattern = (&'static str, fn(usize) -> String);

const PATTERNS: &[Pattern] = &[
    ("[a](<b x N", |n| "[a](<b".repeat(n)),
    ("[ (]( x N", |n| "[ (](".repeat(n)),
    ("a*** x N", |n| "a***".repeat(n)),
    ("'* ' x N + a", |n| format!("{}a", "* ".repeat(n))),
    ("!-- < x N", |n| "!-- <".repeat(n)),
    ("a<!-- x N", |n| "a<!--".repeat(n)),
    ("]([\\n x N", |n| "]([\n".repeat(n)),
    ("> x N (one line)", |n| format!("{} quote\n", ">".repeat(n))),
    ("nested lists N deep", nested_lists),
    ("[ x N", |n| "[".repeat(n)),
    ("*a* emphasis runs", |n| {
        format!("{}a{}", "*".repeat(n), "*".repeat(n))
    }),
    ("N link definitions", |n| {
        (0..n).map(|i| format!("[^{i}]: /t{i}\n")).collect()
    }),
];

/// `- - - ... item`: one line, `depth` lists deep (indented lines would make
/// the input quadratic in the depth).
fn nested_lists(depth: usize) -> String {
    format!("{}item\n", "- ".repeat(depth))
}

#[test]
fn c4_forty_thousand_deep_quote_opens_with_depth_clamped() {
    let doc = markdown(&format!("{} deep\n", ">".repeat(40_000)));
    let block = doc.blocks.first().expect("a block");
    assert_eq!(doc.slice(&block.range), "deep");
    assert_eq!(block.quote_depth, MAX_DEPTH);
    first_screen(&doc);
}

#[test]
fn c4_ten_thousand_deep_lists_open_with_depth_clamped() {
    let doc = markdown(&nested_lists(10_000));
    let block = doc.blocks.first().expect("a block");
    assert_eq!(doc.slice(&block.range), "item");
    assert_eq!(block.list_depth, MAX_DEPTH);
    assert!(matches!(block.kind, BlockKind::ListItem { .. }));
    // Indented nesting, 1,000 levels (the input grows with the square).
    let indented: String = (0..1_000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    let doc = markdown(&indented);
    assert!(doc.blocks.iter().all(|b| b.list_depth <= MAX_DEPTH));
    assert!(doc.blocks.iter().any(|b| b.list_depth == MAX_DEPTH));
    first_screen(&doc);
}

#[test]
fn c4_hundred_thousand_brackets_and_emphasis_runs_open() {
    let doc = markdown(&"[".repeat(100_000));
    assert_eq!(doc.text.len(), 100_000);
    let doc = markdown(&format!("{}a{}", "*".repeat(50_000), "*".repeat(50_000)));
    assert!(doc.text.contains('a'));
    first_screen(&doc);
}

#[test]
fn c5_superlinear_patterns_open() {
    // The sizes the catalogue names; the time they take is measured by the
    // ignored test below, not asserted.
    let sizes = [50_000, 40_000, 80_000, 20_000, 20_000, 20_000, 20_000];
    for ((name, make), n) in PATTERNS.iter().zip(sizes) {
        let doc = markdown(&make(n));
        assert!(!doc.text.is_empty(), "{name}");
        first_screen(&doc);
    }
}

#[test]
fn c8_wide_tables_long_code_huge_heading_and_many_definitions_open() {
    let table = format!(
        "{}|\n{}|\n{}|\n",
        "|c".repeat(10_000),
        "|-".repeat(10_000),
        "|x".repeat(10_000)
    );
    let doc = markdown(&table);
    assert_eq!(doc.blocks.at(0).kind, BlockKind::Table);
    // Ten thousand columns never fit: the rows are laid out as running
    // text, every line within the width.
    for width in [1, 40, 200] {
        let cache = lede::layout::WrapCache::build(&doc, width, true);
        let lines: Vec<_> = cache.iter(&doc).collect();
        assert!(lines.len() > 2);
        assert!(
            lines
                .iter()
                .all(|l| lede::layout::line_width(l) <= usize::from(width).max(2))
        );
    }
    let code = format!("`{}`\n", "code ".repeat(200_000));
    assert!(!markdown(&code).blocks.is_empty());
    let heading = format!("# {}\n\nBody.\n", "word ".repeat(200_000));
    let doc = markdown(&heading);
    assert_eq!(doc.title, Some(0));
    // The outline title stays short whatever the heading's length.
    assert!(doc.sections[0].title.chars().count() <= 81);
    let defs: String = (0..100_000).map(|i| format!("[^{i}]: /t{i}\n")).collect();
    let doc = markdown(&format!("Text [^7].\n\n{defs}"));
    assert!(doc.text.starts_with("Text"));
}

#[test]
fn d4_a_five_megabyte_line_opens() {
    // The 50 MB line is in the ignored measurements (it is slow in debug).
    let line = "word ".repeat(1_000_000);
    // Plain text cuts a paragraph that long into pieces of about 32 KB at
    // spaces (every word still in one block); Markdown keeps one paragraph.
    let doc = plain(&line);
    assert!(doc.blocks.len() > 100, "{}", doc.blocks.len());
    assert!(doc.blocks.iter().all(|b| b.range.len() <= 40 * 1024));
    let words: usize = doc
        .blocks
        .iter()
        .map(|b| doc.text[b.range.clone()].split_whitespace().count())
        .sum();
    assert_eq!(words, 1_000_000);
    first_screen(&doc);
    let doc = markdown(&line);
    assert_eq!(doc.blocks.len(), 1);
    first_screen(&doc);
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Best of five, to keep a busy machine's noise out of the ratios.
fn best_of(text: &str, format: Format) -> Duration {
    (0..5)
        .map(|_| {
            time(|| {
                let doc = Document::from_bytes("gen", text.as_bytes(), Some(format)).expect("text");
                first_screen(&doc);
            })
        })
        .min()
        .unwrap_or_default()
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

/// pulldown-cmark with lede's options and nothing else, to tell its cost
/// from lede's.
fn parser_alone(text: &str) -> Duration {
    (0..5)
        .map(|_| {
            time(|| {
                let parser =
                    pulldown_cmark::Parser::new_ext(text, lede::document::markdown_options());
                std::hint::black_box(parser.into_offset_iter().count());
            })
        })
        .min()
        .unwrap_or_default()
}

#[test]
#[ignore = "measurement: run in release with --nocapture"]
fn measure_linearity_of_pathological_markdown() {
    println!(
        "| pattern | N | lede N | lede 2N | ratio | lede 4N | ratio 4N/2N | parser alone 2N/N |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    // Sizes large enough that one run takes tens of milliseconds.
    let sizes = [
        200_000, 160_000, 160_000, 200_000, 400_000, 400_000, 160_000, 400_000, 200_000, 1_000_000,
        500_000, 100_000,
    ];
    for ((name, make), n) in PATTERNS.iter().zip(sizes) {
        let t1 = best_of(&make(n), Format::Markdown);
        let t2 = best_of(&make(2 * n), Format::Markdown);
        let t4 = best_of(&make(4 * n), Format::Markdown);
        let p1 = parser_alone(&make(n));
        let p2 = parser_alone(&make(2 * n));
        println!(
            "| {name} | {n} | {t1:.2?} | {t2:.2?} | {:.2} | {t4:.2?} | {:.2} | {:.2} |",
            ratio(t2, t1),
            ratio(t4, t2),
            ratio(p2, p1),
        );
    }
}

#[test]
#[ignore = "measurement: run in release with --nocapture"]
fn measure_huge_inputs() {
    // D4: one 50 MB line, and 25 MB for the ratio.
    for format in [Format::Plain, Format::Markdown] {
        let half = "word ".repeat(5_000_000);
        let full = "word ".repeat(10_000_000);
        let t1 = best_of(&half, format);
        let t2 = best_of(&full, format);
        println!(
            "D4 {format:?}: 25 MB line {t1:.2?}, 50 MB line {t2:.2?}, ratio {:.2}",
            t2.as_secs_f64() / t1.as_secs_f64().max(1e-9)
        );
    }
    // D5: a 200 MB file of paragraphs, from disk, under the cap.
    let dir = std::env::temp_dir().join(format!("lede-d5-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let para = "The council met on Tuesday and voted to approve the budget. ".repeat(8) + "\n\n";
    for (name, mb) in [("100mb.txt", 100), ("200mb.txt", 200)] {
        let path = dir.join(name);
        let text = para.repeat(mb * 1024 * 1024 / para.len());
        std::fs::write(&path, &text).expect("write");
        drop(text);
        for format in [Format::Plain, Format::Markdown] {
            let start = Instant::now();
            let bytes = lede::document::load::read_path(&path).expect("read");
            let read = start.elapsed();
            let source = lede::document::load::decode(name, &bytes).expect("text");
            drop(bytes);
            let decoded = start.elapsed();
            let doc = Document::parse(source, format);
            let parsed = start.elapsed();
            first_screen(&doc);
            let shown = start.elapsed();
            println!(
                "D5 {name} {format:?}: read {read:.2?}, decoded {decoded:.2?}, parsed {parsed:.2?}, first screen {shown:.2?}"
            );
        }
        let _ = std::fs::remove_file(&path);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
