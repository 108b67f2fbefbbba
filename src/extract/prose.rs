//! What extraction reads of a document: the prose of its blocks without
//! inline code, where links begin and end (a name never runs across a
//! link's edge), and the text with invisible characters skipped.
//!
//! A zero-width space, a soft hyphen or a tag character inside a word
//! (`Par\u{200B}is`) shows nothing on the page, but would split the word
//! for the tokenizer (`Par` a place). When a document holds one, extraction
//! reads a copy of the text without them and maps every mention back to
//! the document's own offsets ([`Unseen`]); a document without one (nearly
//! all) is read in place, after one pass over its non-ASCII bytes.
//!
//! Depends on the document model only. Invariants: pieces are sorted,
//! disjoint, non-empty and lie on char boundaries of the text read; a
//! mapped range lies on char boundaries of the document text and covers
//! the same visible characters.

use std::ops::Range;

use crate::document::{BlockKind, Document, Inline, InlineKind};

/// A stretch of prose to tokenize: 16 bytes, as a window of tiny blocks
/// holds hundreds of thousands (offsets are `u32`, as in
/// `document::blocks`: a text is far below 4 GB).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    start: u32,
    end: u32,
    /// Index of the block it belongs to (pieces of one block run on).
    block: u32,
    /// A title or heading: a Title Case one reads every capital as initial.
    pub heading: bool,
    /// The first piece of its block: its first word starts a sentence.
    pub first: bool,
}

impl Piece {
    pub fn new(range: Range<usize>, block: usize, heading: bool, first: bool) -> Piece {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Piece {
            start: narrow(range.start),
            end: narrow(range.end),
            block: narrow(block),
            heading,
            first,
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The index of its block.
    pub fn block(&self) -> usize {
        self.block as usize
    }
}

/// The prose of a document, in document offsets.
#[derive(Debug, Default)]
pub struct Prose {
    pub pieces: Vec<Piece>,
    /// Offsets where a link or image text begins or ends, sorted.
    pub edges: Vec<usize>,
}

/// The pieces of `doc` to read: prose blocks (no code, rules, page
/// furniture or a web page's byline) without their inline code, and no block that is only links
/// (a menu, a list of related articles).
#[cfg(test)]
pub fn prose(doc: &Document) -> Prose {
    prose_near(doc, 0..doc.text.len())
}

/// [`prose`] of the blocks that reach into `window` (or touch its start),
/// whole: a window of a huge file holds the pieces of its own blocks
/// only, not one per block of the file (a 10 MB file of `x\n\n` has 3.3
/// million).
pub fn prose_near(doc: &Document, window: Range<usize>) -> Prose {
    let text = doc.text.as_str();
    let mut out = Prose::default();
    let first = doc.blocks.partition_point(|r| r.end < window.start);
    let near = (first..doc.blocks.len())
        .map(|i| (i, doc.blocks.at(i)))
        .take_while(|(_, b)| b.range.start < window.end);
    for (index, block) in near {
        // A web page's byline is lede's line of its metadata (authors, dates,
        // site), not the article's prose: its date's parts are no quantities
        // and the site is no actor in the story.
        if matches!(
            block.kind,
            BlockKind::Code | BlockKind::Rule | BlockKind::Boilerplate | BlockKind::Byline
        ) || block.range.is_empty()
        {
            continue;
        }
        let heading = matches!(block.kind, BlockKind::Title | BlockKind::Heading { .. });
        let inlines: Vec<Inline> = doc.inlines(&block).collect();
        if inlines.is_empty() {
            out.pieces
                .push(Piece::new(block.range.clone(), index, heading, true));
            continue;
        }
        if block.kind == BlockKind::Table {
            // Each body cell reads as a sentence of its own; header cells
            // are labels (`Name`, `Country`), not names.
            let cells = inlines.iter().filter_map(|i| match i.kind {
                InlineKind::TableCell { header: false, .. } => Some(i.range.clone()),
                _ => None,
            });
            for cell in cells {
                push_without_code(&mut out.pieces, cell, index, &inlines, true);
            }
            continue;
        }
        let links = || {
            inlines
                .iter()
                .filter(|i| matches!(i.kind, InlineKind::Link { .. } | InlineKind::Image { .. }))
        };
        if links().next().is_some() && only_links(text, block.range.clone(), links()) {
            continue;
        }
        for link in links() {
            out.edges.push(link.range.start);
            out.edges.push(link.range.end);
        }
        push_without_code(
            &mut out.pieces,
            block.range.clone(),
            index,
            &inlines,
            heading,
        );
    }
    out.edges.sort_unstable();
    out.edges.dedup();
    out
}

/// The pieces of `range` (of the block at `index`, whose inline runs are
/// `inlines`) around its inline code;
/// the first starts a sentence.
fn push_without_code(
    pieces: &mut Vec<Piece>,
    range: Range<usize>,
    index: usize,
    inlines: &[Inline],
    heading: bool,
) {
    let mut at = range.start;
    let mut first = true;
    let code = inlines
        .iter()
        .filter(|i| {
            i.kind == InlineKind::Code && i.range.start < range.end && i.range.end > range.start
        })
        .map(|i| i.range.clone());
    for c in code.chain(std::iter::once(range.end..range.end)) {
        let end = c.start.min(range.end);
        if end > at {
            pieces.push(Piece::new(at..end, index, heading, first));
        }
        first = false;
        at = at.max(c.end);
    }
}

/// Every letter and digit of `block` lies inside a link (inlines may nest;
/// they come sorted by start).
fn only_links<'a>(
    text: &str,
    block: Range<usize>,
    links: impl Iterator<Item = &'a crate::document::Inline>,
) -> bool {
    let mut at = block.start;
    let outside_has_text = |r: Range<usize>| {
        text.get(r)
            .is_some_and(|s| s.chars().any(char::is_alphanumeric))
    };
    for link in links {
        if link.range.start > at && outside_has_text(at..link.range.start) {
            return false;
        }
        at = at.max(link.range.end);
    }
    !(at < block.end && outside_has_text(at..block.end))
}

/// Characters that show nothing and join nothing visible: zero-width
/// spaces and joiners, the word joiner and invisible operators, the
/// byte-order mark, the soft hyphen, implicit and explicit direction marks,
/// variation selectors and tag characters.
pub fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Where the invisible characters of a text were: a copy of the text
/// without them and the way back to the text's own offsets.
#[derive(Debug)]
pub struct Unseen {
    /// The text without its invisible characters.
    pub text: String,
    /// `(offset in the copy, offset in the text)` where each stretch of kept
    /// text begins, sorted by both.
    runs: Vec<(usize, usize)>,
}

impl Unseen {
    /// The text without its invisible characters, or `None` when it has
    /// none (then it is read in place).
    pub fn of(text: &str) -> Option<Unseen> {
        let bytes = text.as_bytes();
        // Every invisible character is non-ASCII: ASCII runs are skipped
        // without decoding.
        let mut at = 0;
        let mut first = None;
        while let Some(k) = bytes[at..].iter().position(|&b| b >= 0x80) {
            let i = at + k;
            let c = text[i..].chars().next().unwrap_or(' ');
            if invisible(c) {
                first = Some(i);
                break;
            }
            at = i + c.len_utf8();
        }
        let first = first?;
        let mut out = Unseen {
            text: String::with_capacity(text.len()),
            runs: vec![(0, 0)],
        };
        out.text.push_str(&text[..first]);
        let mut kept = true;
        for (i, c) in text[first..].char_indices() {
            let i = first + i;
            if invisible(c) {
                kept = false;
            } else {
                if !kept {
                    out.runs.push((out.text.len(), i));
                    kept = true;
                }
                out.text.push(c);
            }
        }
        Some(out)
    }

    /// The copy's offset `at` in the text (a kept character's own offset).
    pub fn to_text(&self, at: usize) -> usize {
        let r = self.runs.partition_point(|&(c, _)| c <= at) - 1;
        let (c, t) = self.runs[r];
        t + (at - c)
    }

    /// A range of the copy as the range of the text covering the same kept
    /// characters (invisible ones inside it included, none at its edges).
    pub fn range_to_text(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.to_text(range.start);
            return at..at;
        }
        self.to_text(range.start)..self.to_text(range.end - 1) + 1
    }

    /// The text's offset `at` in the copy: an offset inside skipped
    /// characters goes to the next kept one.
    pub fn to_copy(&self, at: usize) -> usize {
        let r = self.runs.partition_point(|&(_, t)| t <= at) - 1;
        let (c, t) = self.runs[r];
        let len = self
            .runs
            .get(r + 1)
            .map_or(self.text.len() - c, |&(next, _)| next - c);
        c + (at - t).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str) -> Document {
        Document::from_bytes(name, text.as_bytes(), None).expect("loads")
    }

    fn pieces(d: &Document) -> Vec<&str> {
        prose(d).pieces.iter().map(|p| &d.text[p.range()]).collect()
    }

    #[test]
    fn inline_code_and_code_blocks_are_not_read() {
        let d = doc(
            "a.md",
            "Talks in `Paris` went on.\n\n```\nMoscow said\n```\n\nThe end.\n",
        );
        assert_eq!(pieces(&d), ["Talks in ", " went on.", "The end."]);
    }

    #[test]
    fn a_block_of_links_only_is_not_read_and_link_edges_are_noted() {
        let d = doc(
            "a.md",
            "- [Home](/)\n- [World News](/w)\n\nSee [Berlin](http://x) now.\n",
        );
        let p = prose(&d);
        assert_eq!(pieces(&d), ["See Berlin now."]);
        let berlin = d.text.find("Berlin").expect("there");
        assert_eq!(p.edges, [berlin, berlin + 6]);
    }

    #[test]
    fn table_body_cells_are_read_one_by_one_and_headers_not_at_all() {
        let d = doc(
            "a.md",
            "| Name | Country |\n|---|---|\n| Ana Lopez | Spain |\n| Li Wei | `China` |\n",
        );
        assert_eq!(pieces(&d), ["Ana Lopez", "Spain", "Li Wei"]);
        assert!(prose(&d).pieces.iter().all(|p| p.first));
    }

    #[test]
    fn a_web_page_byline_is_not_read() {
        let page = "<html><head><title>Floods</title>\
            <meta name=\"author\" content=\"Ana Lopez\">\
            <meta property=\"article:published_time\" content=\"2017-12-06T09:54:00Z\">\
            </head><body><article><h1>Floods</h1>\
            <p>Rain fell on Lagos for a third day, and the river rose.</p>\
            <p>Officials in Lagos said the water would fall by Friday.</p>\
            </article></body></html>";
        let d = doc("p.html", page);
        assert!(
            d.blocks.iter().any(|b| b.kind == BlockKind::Byline),
            "the page has a byline: {:?}",
            d.blocks.iter().map(|b| b.kind).collect::<Vec<_>>()
        );
        let read = pieces(&d);
        assert!(read.iter().any(|p| p.contains("Rain fell")), "{read:?}");
        assert!(!read.iter().any(|p| p.contains("Ana Lopez")), "{read:?}");
    }

    #[test]
    fn invisible_characters_are_skipped_and_mapped_back() {
        let text = "Par\u{200B}is and R\u{E0041}\u{E0042}ome\u{00AD}. Plain.";
        let u = Unseen::of(text).expect("has invisible characters");
        assert_eq!(u.text, "Paris and Rome. Plain.");
        let paris = 0..5;
        assert_eq!(&text[u.range_to_text(paris)], "Par\u{200B}is");
        let rome = u.text.find("Rome").expect("there");
        let r = u.range_to_text(rome..rome + 4);
        assert_eq!(&text[r.clone()], "R\u{E0041}\u{E0042}ome");
        assert_eq!(u.to_copy(r.start), rome);
        assert_eq!(u.to_copy(text.find('.').expect("dot")), rome + 4);
        let plain = u.text.find("Plain").expect("there");
        assert_eq!(&text[u.range_to_text(plain..plain + 5)], "Plain");
        assert!(Unseen::of("Paris, “quoted” – ünïcödé").is_none());
    }
}
