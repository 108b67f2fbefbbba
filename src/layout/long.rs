//! Long blocks laid out in pieces: a paragraph of megabytes (one long line
//! of Markdown) is never held as lines all at once.
//!
//! A block's lines cost some 60 bytes a word (its parts) while they are
//! held, 12 times the text of `word word ...`: wrapping a 10 MB paragraph
//! whole held 130 MB. A block longer than [`LONG_BYTES`] is wrapped a
//! piece of about [`PIECE_BYTES`] at a time instead. First-fit wrapping
//! decides each line from the words after its start alone, so the lines
//! from any line start on are those of a layout begun there; and a layout
//! cut at a line start gives the lines before it as the whole's. Pieces
//! begin and end at line starts of the whole block's layout, at a *safe*
//! place ([`is_safe`]): after a space or a line feed, before a printable
//! ASCII character, where the sanitiser's pieces and the words begin
//! afresh. A piece is found by laying out a stretch of text that ends at a
//! safe place and keeping its lines up to the last one that starts at a
//! safe place (the stretch's last line may go on past it in the whole).
//!
//! [`Laid`] is what the wrap cache keeps per block: its lines, or for a
//! long block where each piece starts and the line it starts on, its
//! pieces laid out again when shown (a few of them kept). Print mode
//! streams the pieces ([`pieces`]), one held at a time.
//!
//! A long block with no safe place (text with no spaces, a code block) is
//! laid out whole, as a short one.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::ops::Range;
use std::rc::Rc;

use super::Line;
use super::wrap::BlockLines;
use crate::document::{Block, BlockKind, Document};

/// Blocks longer than this are laid out in pieces: longer than any news
/// paragraph, and a few milliseconds of wrapping.
pub(super) const LONG_BYTES: usize = 64 * 1024;

/// About how much text a piece holds: a few hundred lines, a few hundred
/// kilobytes of parts while it is laid out.
pub(super) const PIECE_BYTES: usize = 16 * 1024;

/// When a block is long and how much a piece holds: [`LONG_BYTES`] and
/// [`PIECE_BYTES`] but in tests, which cut short texts into many pieces.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    long: usize,
    piece: usize,
}

const SIZES: Sizes = Sizes {
    long: LONG_BYTES,
    piece: PIECE_BYTES,
};

/// Pieces of a long block kept laid out: the screen may straddle two, and
/// a walk back and forth should not lay them out again.
const KEPT_PIECES: usize = 4;

/// A block laid out for the wrap cache.
#[derive(Debug)]
pub(super) enum Laid {
    /// All of its lines.
    Lines(Rc<BlockLines>),
    /// A long block's pieces (see the module docs).
    Long(LongLines),
}

/// Where the pieces of a long block start; each is laid out again when a
/// line of it is asked for.
#[derive(Debug)]
pub(super) struct LongLines {
    width: u16,
    reveal: bool,
    index: usize,
    /// The block shown before, which decides the blank line before the
    /// first piece.
    prev: Option<Block>,
    /// Each piece's first text offset and the block line it starts on, in
    /// order; a piece runs to the next one's start (the last, to the
    /// block's end).
    starts: Vec<(usize, usize)>,
    count: usize,
    /// Pieces laid out lately, by number, the newest last.
    kept: RefCell<VecDeque<(usize, Rc<BlockLines>)>>,
}

/// Whether block `index` is laid out in pieces: running text past
/// [`LONG_BYTES`] (a table's rows, a rule and code keep their own layout).
fn is_long(doc: &Document, index: usize, sizes: Sizes) -> bool {
    let block = doc.blocks.at(index);
    block.range.len() > sizes.long
        && !matches!(block.kind, BlockKind::Table | BlockKind::Rule)
        && !block.keeps_line_breaks()
}

/// Whether a line that starts at `at` starts a layout of its own alike:
/// after a space or a line feed and before printable ASCII, so a grapheme
/// boundary, the start of a word, and nothing the sanitiser or the word
/// breaker carries over from before.
fn is_safe(text: &[u8], at: usize) -> bool {
    at > 0
        && matches!(text[at - 1], b' ' | b'\n')
        && text.get(at).is_some_and(|b| b.is_ascii_graphic())
}

/// The first safe place at or after `from` and before `end`; `end` when
/// there is none.
fn safe_from(text: &[u8], from: usize, end: usize) -> usize {
    let mut at = from;
    while at < end {
        let Some(i) = memchr::memchr2(b' ', b'\n', &text[at..end]) else {
            return end;
        };
        let next = at + i + 1;
        if next >= end {
            return end;
        }
        if is_safe(text, next) {
            return next;
        }
        at = next;
    }
    end
}

/// The pieces of block `index`, in order, each with the text offset it
/// starts at: one for a block that is not long. `prev` is the block shown
/// before it.
pub(super) fn pieces<'a>(
    doc: &'a Document,
    width: u16,
    reveal: bool,
    index: usize,
    prev: Option<Block>,
) -> impl Iterator<Item = (usize, BlockLines)> + 'a {
    pieces_sized(doc, width, reveal, index, prev, SIZES)
}

fn pieces_sized<'a>(
    doc: &'a Document,
    width: u16,
    reveal: bool,
    index: usize,
    prev: Option<Block>,
    sizes: Sizes,
) -> impl Iterator<Item = (usize, BlockLines)> + 'a {
    let range = doc.blocks.range(index);
    let long = is_long(doc, index, sizes);
    let text = doc.text.as_bytes();
    let mut from = Some(range.start);
    let mut size = sizes.piece;
    std::iter::from_fn(move || {
        loop {
            let start = from?;
            let to = if long {
                safe_from(text, start.saturating_add(size), range.end)
            } else {
                range.end
            };
            let before = prev.as_ref().filter(|_| start == range.start);
            let mut laid = BlockLines::lay_out_range(doc, width, reveal, index, before, start..to);
            if to == range.end {
                from = None;
                return Some((start, laid));
            }
            // The stretch's last line may go on in the whole: the piece
            // ends at the last line past its first that starts safely.
            let first_text = usize::from(laid.lines.first().is_some_and(|l| l.block.is_none()));
            let cut = (first_text + 1..laid.lines.len())
                .rev()
                .find(|&i| is_safe(text, laid.lines[i].range.start));
            match cut {
                Some(i) => {
                    from = Some(laid.lines[i].range.start);
                    laid.truncate(i);
                    size = sizes.piece;
                    return Some((start, laid));
                }
                // No line of the stretch but its first starts safely (one
                // long word): a longer stretch.
                None => size = size.saturating_mul(2),
            }
        }
    })
}

impl Laid {
    /// Lays out block `index`, a long one piece by piece (each let go once
    /// counted).
    pub(super) fn lay_out(
        doc: &Document,
        width: u16,
        reveal: bool,
        index: usize,
        prev: Option<Block>,
    ) -> Laid {
        Self::lay_out_sized(doc, width, reveal, index, prev, SIZES)
    }

    fn lay_out_sized(
        doc: &Document,
        width: u16,
        reveal: bool,
        index: usize,
        prev: Option<Block>,
        sizes: Sizes,
    ) -> Laid {
        if !is_long(doc, index, sizes) {
            return Laid::Lines(Rc::new(BlockLines::lay_out(
                doc,
                width,
                reveal,
                index,
                prev.as_ref(),
            )));
        }
        let mut starts = Vec::new();
        let mut count = 0;
        let mut only = None;
        for (start, laid) in pieces_sized(doc, width, reveal, index, prev.clone(), sizes) {
            starts.push((start, count));
            count += laid.lines.len();
            only = Some(laid);
        }
        if let (Some(laid), 1) = (only.as_mut(), starts.len()) {
            // No safe place: one piece, kept as the whole's lines.
            return Laid::Lines(Rc::new(std::mem::take(laid)));
        }
        Laid::Long(LongLines {
            width,
            reveal,
            index,
            prev,
            starts,
            count,
            kept: RefCell::new(VecDeque::new()),
        })
    }

    /// How many lines the block has, the blank line before it included.
    pub(super) fn count(&self) -> usize {
        match self {
            Laid::Lines(lines) => lines.lines.len(),
            Laid::Long(long) => long.count,
        }
    }

    /// Line `n` of the block.
    pub(super) fn line(&self, doc: &Document, n: usize) -> Option<Line> {
        match self {
            Laid::Lines(lines) => (n < lines.lines.len()).then(|| Line {
                laid: Rc::clone(lines),
                index: n,
            }),
            Laid::Long(long) => {
                if n >= long.count {
                    return None;
                }
                let piece = long
                    .starts
                    .partition_point(|&(_, first)| first <= n)
                    .saturating_sub(1);
                let laid = long.piece(doc, piece);
                let index = n - long.starts[piece].1;
                (index < laid.lines.len()).then_some(Line { laid, index })
            }
        }
    }

    /// The last line of the block starting at or before text offset
    /// `offset` (0 when none does).
    pub(super) fn line_at(&self, doc: &Document, offset: usize) -> usize {
        let within = |lines: &BlockLines| {
            lines
                .lines
                .partition_point(|l| l.range.start <= offset)
                .saturating_sub(1)
        };
        match self {
            Laid::Lines(lines) => within(lines),
            Laid::Long(long) => {
                let piece = long
                    .starts
                    .partition_point(|&(start, _)| start <= offset)
                    .saturating_sub(1);
                long.starts[piece].1 + within(&long.piece(doc, piece))
            }
        }
    }

    /// Every line of the block in order, a long one's pieces laid out
    /// one at a time.
    pub(super) fn lines<'a>(self: Rc<Self>, doc: &'a Document) -> impl Iterator<Item = Line> + 'a {
        (0..self.count()).filter_map(move |n| self.line(doc, n))
    }
}

impl LongLines {
    /// Piece `k`, laid out (or kept from before).
    fn piece(&self, doc: &Document, k: usize) -> Rc<BlockLines> {
        let mut kept = self.kept.borrow_mut();
        if let Some(at) = kept.iter().position(|(n, _)| *n == k) {
            let found = kept.remove(at).expect("the position was just found");
            let laid = Rc::clone(&found.1);
            kept.push_back(found);
            return laid;
        }
        let range: Range<usize> = match self.starts.get(k + 1) {
            Some(&(end, _)) => self.starts[k].0..end,
            None => self.starts[k].0..doc.blocks.range(self.index).end,
        };
        let prev = self.prev.as_ref().filter(|_| k == 0);
        let laid = Rc::new(BlockLines::lay_out_range(
            doc,
            self.width,
            self.reveal,
            self.index,
            prev,
            range,
        ));
        if kept.len() >= KEPT_PIECES {
            kept.pop_front();
        }
        kept.push_back((k, Rc::clone(&laid)));
        laid
    }
}

#[cfg(test)]
mod tests;
