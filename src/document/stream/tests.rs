use proptest::prelude::*;

use super::*;
use crate::document::{BlockKind, InlineKind, load};

/// A block as print lays it out: its text, kind, depths and inline runs
/// (offsets from the block's start), and where it starts in the whole's
/// text.
type Seen = (
    String,
    BlockKind,
    u8,
    u8,
    Vec<(Range<usize>, InlineKind)>,
    usize,
);

/// Block `i` of `doc`, whose text starts at `at` in the whole's.
fn seen(doc: &Document, i: usize, at: usize) -> Seen {
    let block = doc.blocks.at(i);
    let start = block.range.start;
    let inlines = doc
        .inlines(&block)
        .map(|r| (r.range.start - start..r.range.end - start, r.kind))
        .collect();
    (
        doc.text[block.range.clone()].to_string(),
        block.kind,
        block.quote_depth,
        block.list_depth,
        inlines,
        at + start,
    )
}

/// The whole's blocks and dateline.
fn whole(text: &str, format: Format) -> (Vec<Seen>, Option<Range<usize>>) {
    let source = load::decode("x", text.as_bytes()).expect("text");
    let doc = Document::parse(source, format);
    let blocks = (0..doc.blocks.len()).map(|i| seen(&doc, i, 0)).collect();
    (blocks, doc.dateline)
}

/// The pieces' blocks and the dateline one of them holds, in the whole's
/// offsets; each piece's text checked to be the whole's from its offset.
fn streamed(text: &str, format: Format, piece_bytes: usize) -> (Vec<Seen>, Option<Range<usize>>) {
    let source = load::decode("x", text.as_bytes()).expect("text");
    let whole = Document::parse(source.clone(), format).text;
    let mut out = Vec::new();
    let mut dateline = None;
    pieces_sized(&source, format, piece_bytes, &mut |doc, blocks, at| {
        let doc = &doc;
        assert_eq!(whole.get(at..at + doc.text.len()), Some(doc.text.as_str()));
        if let Some(d) = &doc.dateline {
            assert!(dateline.is_none(), "one dateline");
            dateline = Some(d.start + at..d.end + at);
        }
        out.extend(blocks.map(|i| seen(doc, i, at)));
    })
    .expect("parsed");
    (out, dateline)
}

/// The pieces give the whole's blocks, cut anywhere.
fn agrees(text: &str) {
    for format in [Format::Plain, Format::Markdown] {
        let want = whole(text, format);
        for piece_bytes in [0, 1, 7, 64, PIECE_BYTES] {
            assert_eq!(
                streamed(text, format, piece_bytes),
                want,
                "{format:?} in pieces of {piece_bytes}: {text:?}"
            );
        }
    }
}

#[test]
fn the_seed_in_pieces_is_the_whole() {
    agrees(std::str::from_utf8(crate::cli::SEED).expect("utf-8"));
}

#[test]
fn the_hostile_fixtures_in_pieces_are_the_whole() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(source) = load::decode("x", &bytes) else {
            continue;
        };
        if source.text.len() > 200_000 {
            continue;
        }
        agrees(&source.text);
        n += 1;
    }
    assert!(n > 10, "{n} fixtures");
}

#[test]
fn furniture_at_both_ends_is_marked_as_in_the_whole() {
    let long = "A paragraph of the article, long enough to be prose and not a line of \
                end matter, as news paragraphs are, with a few more words in it to pass \
                the length any line of furniture has, and then a few more words again.";
    let cases = [
        // Leading and trailing runs.
        format!(
            "Skip to content\n\nShare\n\n# Title\n\n{long}\n\nBody.\n\nShare this\n\nAdd a Comment\n"
        ),
        // End matter: a closing heading over short lines.
        format!(
            "# Title\n\n{long}\n\nLast.\n\n## Sources\n\n- One source\n- Two\n\nRelated news\n\nTags: x\n"
        ),
        // A long block after a closing heading: not end matter.
        format!("# Title\n\nSources\n\n{long}\n\nShare this\n"),
        // Only furniture.
        "Share\n\nMenu\n\n## Share this\n\nAdd a Comment\n".to_string(),
        // A furniture heading in the leading run, at the end too.
        "## Share this\n\nx\n\nSources\n\nShare\n".to_string(),
        // Many short blocks, then end matter: the look back is bounded.
        format!("{}Sources\n\n- a\n- b\n", "- item\n".repeat(100)),
        format!(
            "{}\n\nSources\n\n{}",
            "x\n\n".repeat(60),
            "y\n\n".repeat(39)
        ),
        format!(
            "{}\n\nSources\n\n{}",
            "x\n\n".repeat(60),
            "y\n\n".repeat(40)
        ),
        format!(
            "{}\n\nSources\n\n{}",
            "x\n\n".repeat(60),
            "y\n\n".repeat(41)
        ),
        // Long runs of furniture at the end, after end matter, and broken
        // by a short block or a long one (plain text keeps only a run's
        // length and last blocks).
        format!("# Title\n\n{long}\n\n{}", "Share\n\n".repeat(200)),
        format!(
            "# Title\n\n{long}\n\nSources\n\nx\n\n{}",
            "Share\n\n".repeat(100)
        ),
        format!(
            "# Title\n\n{long}\n\n{}x\n\n{}",
            "Share\n\n".repeat(100),
            "Share\n\n".repeat(100)
        ),
        format!(
            "# Title\n\n{long}\n\n{}Sources\n\n{}",
            "Share\n\n".repeat(100),
            "Share\n\n".repeat(30)
        ),
        format!(
            "# Title\n\n{long}\n\n{}{long}\n\n{}",
            "Share\n\n".repeat(100),
            "Share\n\n".repeat(100)
        ),
    ];
    for text in &cases {
        agrees(text);
    }
}

#[test]
fn a_plain_front_is_the_whole_s() {
    let cases = [
        "Title\n\nLONDON (Reuters) - The talks went on.\n\nMore.\n",
        "Title\n\nMonday, May 2, 2022\n\nLONDON (Reuters) - The talks went on.\n",
        "# Title\n\nLONDON (Reuters) - The talks went on.\n\nMore.\n",
        "Share\n\n# Title\n\nLONDON (Reuters) - The talks went on.\n",
        "# Title\n\n## Sub\n\nLONDON (Reuters) - Not a lead.\n",
        "Title line\n\nWednesday, April 13, 2011\n\nA caption\n\nPhoto: Agency\n\nThe lead, which says what happened.\n\nA subheading\n\nMore text.\n",
        "Title\n\nMonday, May 2, 2022\n\nOnly a caption\n",
        "Share\n\nTitle\n\nLondon, England — The lead.\n\nLast line\n",
        "",
        "\n\n\n",
    ];
    for text in cases {
        agrees(text);
    }
}

#[test]
fn a_restart_hands_on_nothing_twice() {
    let mut got = Vec::new();
    let mut sink = |doc: Document, blocks: Range<usize>, _: usize| {
        got.extend(blocks.map(|i| doc.text[doc.blocks.range(i)].to_string()));
    };
    let mut held = Held::new(&mut sink);
    let piece = |texts: &[&str]| {
        let mut text = String::new();
        let mut blocks = Blocks::default();
        for t in texts {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(t);
            blocks.push(&super::super::Block::new(
                start..text.len(),
                BlockKind::Paragraph,
            ));
        }
        super::piece(Format::Markdown, text, blocks)
    };
    let long = "word ".repeat(100);
    held.piece(piece(&["a", long.trim_end()]), 0);
    held.piece(piece(&["b", long.trim_end()]), 0);
    held.restart();
    held.piece(piece(&["a", long.trim_end(), "b", long.trim_end(), "c"]), 0);
    held.finish();
    drop(held);
    assert_eq!(got, ["a", long.trim_end(), "b", long.trim_end(), "c"]);
}

/// Texts of blocks that exercise furniture, fronts and Markdown structure.
fn block_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Share".to_string()),
        Just("Add a Comment".to_string()),
        Just("Sources".to_string()),
        Just("## Related news".to_string()),
        Just("Wednesday, April 13, 2011".to_string()),
        Just("Photo: Agency".to_string()),
        Just("A subheading".to_string()),
        Just("- item\n- item".to_string()),
        Just("1. one\n2. two\n\n   more".to_string()),
        Just("> quoted *text* and [a link](http://x)".to_string()),
        Just("```\ncode\n```".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |".to_string()),
        Just("---".to_string()),
        Just("x".to_string()),
        Just("A sentence of news that ends. ".repeat(10)),
        "[a-z *_]{1,30}",
    ]
}

proptest! {
    #[test]
    fn pieces_are_the_whole_at_any_cut(
        blocks in proptest::collection::vec(block_text(), 0..60),
        piece_bytes in 0usize..200,
    ) {
        let text = blocks.join("\n\n");
        for format in [Format::Plain, Format::Markdown] {
            prop_assert_eq!(streamed(&text, format, piece_bytes), whole(&text, format));
        }
    }
}
