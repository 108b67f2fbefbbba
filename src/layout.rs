//! The wrap cache: an article laid out as visual lines for one reading width.
//!
//! Lines are made on demand, a block at a time (`wrap`), so opening or
//! resizing a long article costs what the screen shows, not what the
//! article holds; a block of megabytes (one long line) a piece of it at a
//! time (`long`), so its lines are never all held. `WrapCache` (`cache`) numbers the lines of the whole
//! article: a block not yet wrapped counts as an estimate from its length,
//! replaced by its real count once it is wrapped, so line numbers, the
//! percentage and the scrollbar are estimates until the reader (or idle
//! time) has wrapped the blocks before them, while the text drawn, jumps to
//! a text offset or a section, and the last page are always exact. Every
//! visual line knows the text range it shows, so a highlight is a range
//! intersection (a table row drawn on several lines is the one exception,
//! see [`Line::drawn`]).
//!
//! A model layer: no ratatui, no crossterm. It decides where lines break and
//! what goes before them (list bullets, quote bars), never how they look.
//!
//! Invariants (property-tested): no line is wider than the width it was built
//! for (for widths of 4 columns and more, where a two-cell character always
//! fits); the lines of a block tile its byte range, in order, each byte once;
//! line ranges never go backwards; the lines met in order are the same
//! whatever order the blocks were wrapped in.

use std::borrow::Cow;
use std::ops::{Deref, Range};
use std::rc::Rc;

use unicode_width::UnicodeWidthStr;

mod cache;
mod long;
mod wrap;

pub use cache::{Anchor, Pos, WrapCache, Wrapped};
use wrap::BlockLines;

/// Every visual line of an article in order, for a column `width` cells
/// wide, each block laid out as it comes and let go after: what print mode
/// writes. Unlike [`WrapCache::iter`] nothing is kept per block (no line
/// numbers), so a document of millions of blocks prints in the memory of
/// one, and a long block in that of one of its pieces. Page furniture is left out unless `show_furniture`.
pub fn stream_lines(
    doc: &crate::document::Document,
    width: u16,
    show_furniture: bool,
    reveal: bool,
) -> impl Iterator<Item = Line> + '_ {
    stream_lines_after(
        doc,
        0..doc.blocks.len(),
        None,
        width,
        show_furniture,
        reveal,
    )
}

/// [`stream_lines`] of `blocks` of `doc`, after `before` (the block shown
/// before the first of them, if any): a piece of an article printed as it
/// is parsed (`document::stream`) goes on from the piece before it. Only
/// the kind and depths of `before` count.
pub fn stream_lines_after(
    doc: &crate::document::Document,
    blocks: Range<usize>,
    before: Option<crate::document::Block>,
    width: u16,
    show_furniture: bool,
    reveal: bool,
) -> impl Iterator<Item = Line> + '_ {
    let mut prev = before;
    blocks
        .filter(move |&i| {
            show_furniture || doc.blocks.kind(i) != crate::document::BlockKind::Boilerplate
        })
        .flat_map(move |i| {
            let block = doc.blocks.at(i);
            let before = prev.replace(block);
            // A long block comes a piece at a time (see `long`).
            long::pieces(doc, width, reveal, i, before).flat_map(|(_, laid)| {
                let laid = Rc::new(laid);
                (0..laid.lines.len()).map(move |index| Line {
                    laid: Rc::clone(&laid),
                    index,
                })
            })
        })
}

/// The longest line lede sets for reading; wider panes centre this column.
pub const MAX_READING_WIDTH: u16 = 80;

/// One drawable run of a line: article text (by range) or a marker standing
/// for characters that must not reach the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The bytes of `Document::text` this part shows.
    pub range: Range<usize>,
    /// `Some` when the part is a marker (or a rule) drawn instead of the text.
    /// A marker with an empty range stands for no text at all: the padding,
    /// separators and rules of a table.
    pub marker: Option<Cow<'static, str>>,
    /// Display width in cells.
    pub width: usize,
    /// A space goes before this part (it starts a word that is not the first
    /// on its line).
    pub space_before: bool,
}

impl Part {
    /// What the part draws: the marker, or the text itself (already safe: it
    /// came out of `sanitize::pieces` as a text piece).
    pub fn content<'a>(&'a self, text: &'a str) -> &'a str {
        match &self.marker {
            Some(m) => m,
            None => &text[self.range.clone()],
        }
    }
}

/// A line on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// The block the line belongs to; `None` for the blank line between
    /// blocks.
    pub block: Option<usize>,
    /// The text the line covers. Lines of a block tile its range; a blank
    /// line has an empty range at the start of the block after it.
    pub range: Range<usize>,
    /// Bullets, numbers, quote bars or indentation drawn before the text.
    pub prefix: String,
    /// Indexes into the block's parts (see [`Line::parts`]).
    pub parts: Range<usize>,
}

/// One visual line, handed out by the cache: the line and the parts it
/// draws (the block's lines stay alive while the handle does).
#[derive(Debug, Clone)]
pub struct Line {
    laid: Rc<BlockLines>,
    index: usize,
}

impl Line {
    /// The runs the line draws, in order.
    pub fn parts(&self) -> &[Part] {
        &self.laid.parts[self.laid.lines[self.index].parts.clone()]
    }

    /// The text the line's parts draw from: its range, but on the later
    /// lines of a table row, whose cells show text the row's first line
    /// covers (see `wrap::table`). Highlights are looked up in it.
    pub fn drawn(&self) -> Range<usize> {
        let mut drawn = self.range.clone();
        for p in self.parts().iter().filter(|p| p.marker.is_none()) {
            drawn.start = drawn.start.min(p.range.start);
            drawn.end = drawn.end.max(p.range.end);
        }
        drawn
    }
}

impl Deref for Line {
    type Target = VisualLine;
    fn deref(&self) -> &VisualLine {
        &self.laid.lines[self.index]
    }
}

/// The width of a line as drawn: prefix, parts and the spaces between them.
pub fn line_width(line: &Line) -> usize {
    line.prefix.width()
        + line
            .parts()
            .iter()
            .map(|p| p.width + usize::from(p.space_before))
            .sum::<usize>()
}

#[cfg(test)]
mod tests;
