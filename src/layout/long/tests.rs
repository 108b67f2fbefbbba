use proptest::prelude::*;

use super::*;
use crate::document::{Document, Format};
use crate::layout::{Part, VisualLine, WrapCache};

fn markdown(text: &str) -> Document {
    Document::from_bytes("a.md", text.as_bytes(), Some(Format::Markdown)).expect("text")
}

/// A line with its parts resolved: what is drawn, and where from.
type Described = (VisualLine, Vec<Part>);

fn describe(lines: &BlockLines) -> Vec<Described> {
    lines
        .lines
        .iter()
        .map(|l| {
            let mut line = l.clone();
            let parts = lines.parts[l.parts.clone()].to_vec();
            line.parts = 0..0;
            (line, parts)
        })
        .collect()
}

fn describe_line(line: &Line) -> Described {
    let mut visual = (**line).clone();
    visual.parts = 0..0;
    (visual, line.parts().to_vec())
}

/// The last block's lines laid out whole.
fn whole(doc: &Document, width: u16, reveal: bool) -> Vec<Described> {
    let index = doc.blocks.len() - 1;
    let prev = index.checked_sub(1).map(|p| doc.blocks.at(p));
    describe(&BlockLines::lay_out(
        doc,
        width,
        reveal,
        index,
        prev.as_ref(),
    ))
}

/// Words, marks and characters that a line may start or end with.
fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "word",
        "a",
        "Oslo",
        "naïve",
        "日本語",
        "x\u{1b}[2Jy",
        "tab\tbed",
        "zero\u{200b}width",
        "e\u{301}",
        "👨\u{200d}👩\u{200d}👧",
        "averyveryverylongwordthatrunspastanarrowcolumn",
        "https://example.org/a/very/long/path/to/a/page",
    ])
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![" ", " ", " ", " ", "  ", "\n", "  \n", "\\\n"])
}

/// A title and one long paragraph (or list item, or quote) of tokens.
fn article() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "- ", "> ", "1. "]),
        prop::collection::vec((token(), separator()), 1..300),
    )
        .prop_map(|(lead, words)| {
            let mut text = format!("Title\n\n{lead}");
            for (i, (word, sep)) in words.iter().enumerate() {
                if i > 0 {
                    text.push_str(sep);
                }
                text.push_str(word);
            }
            text.push('\n');
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The pieces, one after the other, are the whole block's lines; and
    /// the lines found by number and by offset are the whole's.
    #[test]
    fn pieces_meet_the_lines_of_the_whole(
        text in article(),
        width in 4u16..60,
        reveal in any::<bool>(),
        piece in 1usize..400,
    ) {
        let doc = markdown(&text);
        let index = doc.blocks.len() - 1;
        let prev = index.checked_sub(1).map(|p| doc.blocks.at(p));
        let sizes = Sizes { long: 0, piece };
        let want = whole(&doc, width, reveal);

        let mut got = Vec::new();
        let mut starts = Vec::new();
        for (start, laid) in pieces_sized(&doc, width, reveal, index, prev.clone(), sizes) {
            starts.push(start);
            got.extend(describe(&laid));
        }
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(starts[0], doc.blocks.range(index).start);

        let laid = Rc::new(Laid::lay_out_sized(&doc, width, reveal, index, prev, sizes));
        prop_assert_eq!(laid.count(), want.len());
        // Out of order, so pieces are laid out again and kept ones reused.
        for n in (0..want.len()).rev().chain(0..want.len()) {
            let line = laid.line(&doc, n).expect("a line");
            prop_assert_eq!(&describe_line(&line), &want[n]);
        }
        prop_assert!(laid.line(&doc, want.len()).is_none());
        let range = doc.blocks.range(index);
        for offset in range.start..=range.end {
            let expect = want
                .partition_point(|(l, _)| l.range.start <= offset)
                .saturating_sub(1);
            prop_assert_eq!(laid.line_at(&doc, offset), expect, "offset {}", offset);
        }
        let streamed: Vec<Described> = Rc::clone(&laid).lines(&doc).map(|l| describe_line(&l)).collect();
        prop_assert_eq!(&streamed, &want);
    }
}

#[test]
fn a_long_paragraph_is_laid_out_in_pieces_as_it_is_whole() {
    let mut text = String::from("# A title\n\nThe lead");
    let words = [
        "council", "met", "on", "Monday", "in", "Oslo,", "and", "Anna", "Berg", "said",
    ];
    let mut i = 0;
    while text.len() < 3 * LONG_BYTES {
        text.push(' ');
        text.push_str(words[i % words.len()]);
        i += 1;
    }
    text.push_str("\n\nAn ending.\n");
    let doc = markdown(&text);
    let index = 1;
    assert!(is_long(&doc, index, SIZES));
    for width in [13, 80] {
        let want = whole_of(&doc, width, index);
        let laid = Laid::lay_out(&doc, width, false, index, Some(doc.blocks.at(0)));
        let Laid::Long(long) = &laid else {
            panic!("laid out whole");
        };
        assert!(long.starts.len() > 4, "{} pieces", long.starts.len());

        // The cache and print mode meet the same lines.
        let cache = WrapCache::build(&doc, width, true);
        let cached: Vec<Described> = cache
            .iter(&doc)
            .filter(|l| l.block == Some(index) || l.range.start == doc.blocks.range(index).start)
            .filter(|l| l.range.start < doc.blocks.range(index).end)
            .map(|l| describe_line(&l))
            .collect();
        assert_eq!(cached, want);
        let printed: Vec<Described> = crate::layout::stream_lines(&doc, width, true, false)
            .filter(|l| l.block == Some(index) || l.range.start == doc.blocks.range(index).start)
            .filter(|l| l.range.start < doc.blocks.range(index).end)
            .map(|l| describe_line(&l))
            .collect();
        assert_eq!(printed, want);
    }
}

fn whole_of(doc: &Document, width: u16, index: usize) -> Vec<Described> {
    let prev = doc.blocks.at(index - 1);
    describe(&BlockLines::lay_out(doc, width, false, index, Some(&prev)))
}

#[test]
fn a_long_block_with_no_place_to_cut_is_laid_out_whole() {
    let text = format!("Title\n\n{}\n", "日本語".repeat(LONG_BYTES / 4));
    let doc = markdown(&text);
    let laid = Laid::lay_out(&doc, 40, false, 1, Some(doc.blocks.at(0)));
    assert!(matches!(laid, Laid::Lines(_)));
    assert_eq!(laid.count(), whole_of(&doc, 40, 1).len());
}
