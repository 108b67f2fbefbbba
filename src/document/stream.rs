//! An article parsed a piece at a time, for print mode (`lede -p`): each
//! piece a small [`Document`] of whole blocks, handed on and let go, so
//! printing a long article holds its source and a piece or two, never the
//! whole model (a block every three bytes of `x\n\n` made that more than
//! twice the file).
//!
//! A piece has the text and the blocks (their inline runs with them) of a
//! run of the whole's blocks, its offsets counted from its own start, and
//! nothing else: no source map, no sections, no title or dateline. What
//! print lays out is there and is the whole's: each block's text, kind,
//! depths and inline runs. Kinds that depend on the whole article (page
//! furniture at its two ends; for plain text the title, date line and
//! captions of its front and the last block's) are settled before a
//! block is handed on: plain text is walked twice over its paragraphs,
//! Markdown is parsed once and its last blocks are held back until the
//! blocks after them settle whether they are furniture
//! ([`furniture::Settled`]).
//!
//! The promise (tested against [`Document::parse`]): the pieces' blocks,
//! in order, are the whole's, text, kind, depths and inline runs (the
//! dateline run too, and the piece that holds the whole's dateline has it
//! as its own); and each piece's text is the whole's from the offset
//! handed on with it, so styled print can find entities in the whole's
//! windows and light them as a parse of the whole does.

use std::collections::VecDeque;
use std::ops::Range;

use super::{Blocks, Document, Format, Meta, Source, SourceMap, furniture, markdown, plain};

/// Bytes of text a piece holds before it is handed on (a Markdown block
/// left open past it, such as one 100 MB paragraph, makes a longer one).
pub const PIECE_BYTES: usize = 256 * 1024;

/// A piece of an article: its text and blocks only.
pub(crate) fn piece(format: Format, text: String, blocks: Blocks) -> Document {
    Document {
        name: String::new(),
        format,
        text,
        blocks,
        sections: Vec::new(),
        title: None,
        dateline: None,
        source_map: SourceMap::default(),
        notices: Vec::new(),
        meta: Meta::default(),
    }
}

/// The Markdown parser failed after some of the article was handed on, so
/// the rest cannot be shown as plain text as a whole parse's failure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed;

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the Markdown parser failed part way through the article")
    }
}

impl std::error::Error for Failed {}

/// What hears the pieces: a piece (its own, to keep or let go), the range of its blocks to show (all
/// of them but after a restart, see [`Held`]) and the offset in the
/// whole's text where the piece's text starts.
pub type Sink<'s> = dyn FnMut(Document, Range<usize>, usize) + 's;

/// Parses a decoded source in the given format and hands its blocks to
/// `sink` a piece at a time (see [`Sink`]). An HTML page is
/// parsed whole, as one piece. A Markdown parser panic falls back to the
/// plain-text rules, as [`Document::parse`] does, when nothing was handed
/// on yet; after that it is [`Failed`].
pub fn pieces(source: &Source, format: Format, sink: &mut Sink) -> Result<(), Failed> {
    pieces_sized(source, format, PIECE_BYTES, sink)
}

/// [`pieces`] of about `piece_bytes` of text each (tests cut short texts
/// into many).
pub(crate) fn pieces_sized(
    source: &Source,
    format: Format,
    piece_bytes: usize,
    sink: &mut Sink,
) -> Result<(), Failed> {
    match format {
        Format::Plain => {
            plain::stream(&source.text, piece_bytes, &mut |p, at| {
                let all = 0..p.blocks.len();
                sink(p, all, at);
            });
            Ok(())
        }
        Format::Html => {
            let doc = Document::parse(source.clone(), format);
            let all = 0..doc.blocks.len();
            sink(doc, all, 0);
            Ok(())
        }
        Format::Markdown => {
            let mut held = Held::new(sink);
            let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let held = std::cell::RefCell::new(&mut held);
                markdown::stream(
                    source,
                    piece_bytes,
                    &mut |p, at| held.borrow_mut().piece(p, at),
                    &mut || held.borrow_mut().restart(),
                );
            }));
            match parsed {
                Ok(()) => {
                    held.finish();
                    Ok(())
                }
                Err(_) if held.given == 0 => {
                    // As `Document::parse` falls back.
                    plain::stream(&source.text, piece_bytes, &mut |p, at| {
                        let all = 0..p.blocks.len();
                        (held.sink)(p, all, at);
                    });
                    Ok(())
                }
                Err(_) => Err(Failed),
            }
        }
    }
}

/// Markdown pieces held until their blocks' furniture is settled.
struct Held<'s> {
    settled: furniture::Settled,
    /// Pieces not yet handed on, each with the index of its first block
    /// and the offset of its text in the whole's.
    pieces: VecDeque<(usize, usize, Document)>,
    /// Blocks handed on.
    given: usize,
    /// Blocks handed on before a restart, not to be handed on again: a
    /// parse of the whole after the windows' gives the same blocks first.
    skip: usize,
    /// Where the whole's dateline is looked for (see [`Lead`]).
    lead: Lead,
    sink: &'s mut Sink<'s>,
}

/// How far the look for a Markdown article's dateline has gone: the
/// whole's rule (`markdown::parse_source`) is that the first block that is
/// not furniture is a level-1 heading and the block after it a paragraph
/// whose start reads as a dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// No block but furniture yet.
    Title,
    /// The title is block `n - 1`: the lead, if any, is block `n`.
    At(usize),
    /// Settled, either way.
    Done,
}

impl<'s> Held<'s> {
    fn new(sink: &'s mut Sink<'s>) -> Self {
        Held {
            settled: furniture::Settled::new(),
            pieces: VecDeque::new(),
            given: 0,
            skip: 0,
            lead: Lead::Title,
            sink,
        }
    }

    fn piece(&mut self, mut doc: Document, at: usize) {
        let first = self.settled.seen;
        for i in 0..doc.blocks.len() {
            self.settled.block(&doc.text[doc.blocks.range(i)]);
            // In the leading run, whatever follows.
            if first + i < self.settled.lead && furniture::is_marked(doc.blocks.kind(i), false) {
                doc.blocks.set_kind(i, super::BlockKind::Boilerplate);
            }
        }
        self.pieces.push_back((first, at, doc));
        while let Some((first, _, doc)) = self.pieces.front() {
            if first + doc.blocks.len() > self.settled.before {
                break;
            }
            if let Some((first, at, doc)) = self.pieces.pop_front() {
                self.give(first, at, doc);
            }
        }
    }

    /// Hands on a piece whose kinds are settled, with the whole's
    /// dateline if it is in it.
    fn give(&mut self, first: usize, at: usize, mut doc: Document) {
        let len = doc.blocks.len();
        for i in 0..len {
            self.lead = match self.lead {
                Lead::Title if doc.blocks.kind(i) == super::BlockKind::Boilerplate => Lead::Title,
                Lead::Title if doc.blocks.kind(i) == super::BlockKind::Heading { level: 1 } => {
                    Lead::At(first + i + 1)
                }
                Lead::At(n) if n == first + i => {
                    if doc.blocks.kind(i) == super::BlockKind::Paragraph {
                        super::dateline_into(&mut doc, i);
                    }
                    Lead::Done
                }
                Lead::At(n) => Lead::At(n),
                Lead::Title | Lead::Done => Lead::Done,
            };
        }
        let from = self.skip.saturating_sub(first).min(len);
        if from < len {
            (self.sink)(doc, from..len, at);
        }
        self.given = self.given.max(first + len);
    }

    /// The parse starts again from the first block.
    fn restart(&mut self) {
        self.skip = self.given;
        self.settled = furniture::Settled::new();
        self.pieces.clear();
        self.lead = Lead::Title;
    }

    /// The article is all in: the trailing furniture is marked in what is
    /// held, and it is handed on.
    fn finish(&mut self) {
        let total = self.settled.seen;
        let lead = self.settled.lead;
        let first = self.pieces.front().map_or(total, |&(first, _, _)| first);
        let end = if lead == total {
            0
        } else {
            let texts = self.pieces.iter().flat_map(|(_, _, doc)| {
                (0..doc.blocks.len()).map(move |i| &doc.text[doc.blocks.range(i)])
            });
            furniture::end_run(texts, first, lead)
        };
        let body_end = total - end;
        let pieces = std::mem::take(&mut self.pieces);
        for (first, at, mut doc) in pieces {
            for i in 0..doc.blocks.len() {
                if first + i >= body_end && furniture::is_marked(doc.blocks.kind(i), true) {
                    doc.blocks.set_kind(i, super::BlockKind::Boilerplate);
                }
            }
            self.give(first, at, doc);
        }
    }
}

#[cfg(test)]
mod tests;
