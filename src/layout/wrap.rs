//! Wrapping one block: its text turned into sanitised pieces
//! (`sanitize::pieces`, so the widths measured are the widths drawn and no
//! control character survives), grouped into words that carry their byte
//! ranges, and wrapped with `textwrap::wrap_algorithms::wrap_first_fit`.
//!
//! A block's lines depend only on the block, the width and the block shown
//! before it (which decides the blank line between them), so any block can
//! be laid out on its own, in any order, and always comes out the same.
//! No ratatui, no crossterm.

use std::borrow::Cow;
use std::ops::Range;

use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

mod table;

use super::{Part, VisualLine};
use crate::document::{Block, BlockKind, Document, InlineKind, MAX_DEPTH};
use crate::sanitize::{self, Piece};

/// The lines of one block (led by the blank line that separates it from
/// the block shown before it, if any), with the parts they index.
#[derive(Debug, Clone, Default)]
pub struct BlockLines {
    width: u16,
    /// Reveal mode: every invisible character is drawn as a marker, so the
    /// lines (and their widths) differ from normal mode.
    reveal: bool,
    pub(super) lines: Vec<VisualLine>,
    pub(super) parts: Vec<Part>,
}

/// A word being wrapped: a run of parts with no break inside.
#[derive(Debug, Clone)]
struct Word {
    parts: Range<usize>,
    width: usize,
    /// 1 when whitespace follows the word, 0 inside a broken long word.
    ws: usize,
    /// Text offset where the word starts.
    start: usize,
    /// A forced line break (Markdown hard break, code line end) follows.
    break_after: bool,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.ws as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Whether a blank line goes between two blocks shown one after the other:
/// always, but between the items of a list.
pub(super) fn blank_between(prev: &Block, block: &Block) -> bool {
    !(matches!(prev.kind, BlockKind::ListItem { .. })
        && matches!(block.kind, BlockKind::ListItem { .. }))
}

impl BlockLines {
    /// Lays out block `index` of `doc` for a column `width` cells wide;
    /// `prev` is the block shown before it, `None` for the first shown;
    /// `reveal` shows every invisible character (`sanitize::pieces`).
    pub(super) fn lay_out(
        doc: &Document,
        width: u16,
        reveal: bool,
        index: usize,
        prev: Option<&Block>,
    ) -> Self {
        let range = doc.blocks.range(index);
        Self::lay_out_range(doc, width, reveal, index, prev, range)
    }

    /// [`Self::lay_out`] for the lines of the block from `range.start` on,
    /// cut short at `range.end`: a piece of a long block (`long`). The
    /// range starts on a line start of the whole block's layout; the lines
    /// come out as the whole's do when the range ends where one of its
    /// lines starts (or at the block's end). `prev` counts only for the
    /// block's first piece, which carries the blank line before it.
    pub(super) fn lay_out_range(
        doc: &Document,
        width: u16,
        reveal: bool,
        index: usize,
        prev: Option<&Block>,
        range: Range<usize>,
    ) -> Self {
        let mut out = BlockLines {
            width,
            reveal,
            lines: Vec::new(),
            parts: Vec::new(),
        };
        let block = &doc.blocks.at(index);
        let first = range.start == block.range.start;
        if let Some(p) = prev.filter(|p| first && blank_between(p, block)) {
            let depth = p.quote_depth.min(block.quote_depth);
            let prefix = fit_prefix("│ ".repeat(depth.into()).trim_end(), width);
            out.lines.push(VisualLine {
                block: None,
                range: block.range.start..block.range.start,
                prefix,
                parts: 0..0,
            });
        }
        out.lay_out_block(doc, index, range);
        out
    }

    /// Drops line `line` and those after it (a piece of a long block ends
    /// before it).
    pub(super) fn truncate(&mut self, line: usize) {
        if let Some(l) = self.lines.get(line) {
            self.parts.truncate(l.parts.start);
            self.lines.truncate(line);
        }
    }

    fn lay_out_block(&mut self, doc: &Document, index: usize, range: Range<usize>) {
        let block = &doc.blocks.at(index);
        let (first_prefix, rest_prefix) = prefixes(block, self.width);
        let prefix_width = first_prefix.width().max(rest_prefix.width());
        let avail = usize::from(self.width).saturating_sub(prefix_width).max(1);

        let mut words = Vec::new();
        match block.kind {
            BlockKind::Rule => {
                let n = avail.min(40);
                self.parts.push(Part {
                    range: block.range.clone(),
                    marker: Some(Cow::Owned("─".repeat(n))),
                    width: n,
                    space_before: false,
                });
                words.push(Word {
                    parts: self.parts.len() - 1..self.parts.len(),
                    width: n,
                    ws: 0,
                    start: block.range.start,
                    break_after: false,
                });
            }
            BlockKind::Table => {
                let grid = usize::from(self.width)
                    .saturating_sub(first_prefix.width())
                    .max(1);
                if self.table_grid(doc, index, &first_prefix, grid) {
                    return;
                }
                self.table_words(doc, block, &mut words);
            }
            _ if block.keeps_line_breaks() => self.code_words(doc, block, &mut words),
            _ => self.prose_words_in(doc, range.clone(), &mut words),
        }
        let words = self.break_long_words(doc, words, avail);

        let mut seg_start = 0;
        let mut first = range.start == block.range.start;
        let line_count = self.lines.len();
        for i in 0..words.len() {
            if !words[i].break_after && i + 1 < words.len() {
                continue;
            }
            let segment = &words[seg_start..=i];
            // A table row laid out as running text starts flush, its
            // later lines indented.
            first |= block.kind == BlockKind::Table;
            for line in textwrap::wrap_algorithms::wrap_first_fit(segment, &[avail as f64]) {
                let (Some(head), Some(tail)) = (line.first(), line.last()) else {
                    continue;
                };
                for pair in line.windows(2) {
                    if pair[0].ws > 0
                        && let Some(p) = self.parts.get_mut(pair[1].parts.start)
                    {
                        p.space_before = true;
                    }
                }
                let prefix = if first { &first_prefix } else { &rest_prefix };
                first = false;
                self.lines.push(VisualLine {
                    block: Some(index),
                    range: head.start..head.start,
                    prefix: prefix.clone(),
                    parts: head.parts.start..tail.parts.end,
                });
            }
            seg_start = i + 1;
        }
        if self.lines.len() == line_count {
            // An empty block still takes a line, so it can be jumped to.
            let n = self.parts.len();
            self.lines.push(VisualLine {
                block: Some(index),
                range: block.range.start..block.range.start,
                prefix: first_prefix,
                parts: n..n,
            });
        }
        // Each line runs to where the next one starts: the lines tile the
        // block, whitespace and hidden characters included.
        let new = &mut self.lines[line_count..];
        if let Some(first) = new.first_mut() {
            first.range.start = range.start;
        }
        for k in 0..new.len() {
            let end = new.get(k + 1).map_or(range.end, |l| l.range.start);
            new[k].range.end = end;
        }
    }

    /// Words of running text in `range` of a block (all of it, a piece of
    /// a long one, a table cell): broken at spaces and line breaks, which
    /// all become one space; a Markdown hard break forces a new line.
    fn prose_words_in(&mut self, doc: &Document, range: Range<usize>, words: &mut Vec<Word>) {
        // Only the runs starting in the range: a piece of a long block
        // does not walk the inlines of the whole.
        let breaks: Vec<usize> = doc
            .blocks
            .inlines(&range)
            .filter(|i| i.kind == InlineKind::HardBreak)
            .map(|i| i.range.start)
            .collect();
        let base = range.start;
        let mut open: Option<Word> = None;
        let close = |open: &mut Option<Word>, words: &mut Vec<Word>, hard: bool| {
            if let Some(mut w) = open.take() {
                w.ws = 1;
                w.break_after = hard;
                words.push(w);
            } else if hard && let Some(last) = words.last_mut() {
                last.break_after = true;
            }
        };
        for (r, piece) in sanitize::pieces(doc.slice(&range), self.reveal) {
            let r = r.start + base..r.end + base;
            match piece {
                // A tab is a word break, unless reveal mode shows it as `^I`.
                Piece::Marker(_) if !self.reveal && &doc.text[r.clone()] == "\t" => {
                    close(&mut open, words, false);
                }
                Piece::Marker(m) => {
                    let width = m.width();
                    self.push_part(&mut open, r, Some(m), width);
                }
                Piece::Text(s) => {
                    let mut run_start = 0;
                    let mut in_space = false;
                    for (j, c) in s.char_indices().chain([(s.len(), 'x')]) {
                        let space = matches!(c, ' ' | '\n') && j < s.len();
                        if space == in_space && j < s.len() {
                            continue;
                        }
                        let run = r.start + run_start..r.start + j;
                        if in_space {
                            let hard = breaks.iter().any(|b| run.contains(b));
                            close(&mut open, words, hard);
                        } else if !run.is_empty() {
                            let width = doc.text[run.clone()].width();
                            self.push_part(&mut open, run, None, width);
                        }
                        run_start = j;
                        in_space = space;
                    }
                }
            }
        }
        if let Some(mut w) = open.take() {
            w.ws = 0;
            words.push(w);
        }
    }

    /// Preformatted text: one word per source line, spaces kept, every line
    /// break forced; long lines are cut by `break_long_words`.
    fn code_words(&mut self, doc: &Document, block: &Block, words: &mut Vec<Word>) {
        let base = block.range.start;
        let mut open: Option<Word> = None;
        let mut line_start = base;
        let finish = |open: &mut Option<Word>, words: &mut Vec<Word>, start: usize, at: usize| {
            let w = open.take().unwrap_or(Word {
                parts: at..at,
                width: 0,
                ws: 0,
                start,
                break_after: true,
            });
            words.push(Word {
                ws: 0,
                break_after: true,
                ..w
            });
        };
        for (r, piece) in sanitize::pieces(doc.slice(&block.range), self.reveal) {
            let r = r.start + base..r.end + base;
            match piece {
                Piece::Marker(m) => {
                    let width = m.width();
                    self.push_part(&mut open, r, Some(m), width);
                }
                Piece::Text(s) => {
                    let mut from = 0;
                    for (j, c) in s.char_indices() {
                        if c != '\n' {
                            continue;
                        }
                        if j > from {
                            let run = r.start + from..r.start + j;
                            let width = doc.text[run.clone()].width();
                            self.push_part(&mut open, run, None, width);
                        }
                        let at = self.parts.len();
                        finish(&mut open, words, line_start, at);
                        line_start = r.start + j + 1;
                        from = j + 1;
                    }
                    if from < s.len() {
                        let run = r.start + from..r.end;
                        let width = doc.text[run.clone()].width();
                        self.push_part(&mut open, run, None, width);
                    }
                }
            }
        }
        let at = self.parts.len();
        finish(&mut open, words, line_start, at);
    }

    fn push_part(
        &mut self,
        open: &mut Option<Word>,
        range: Range<usize>,
        marker: Option<Cow<'static, str>>,
        width: usize,
    ) {
        let start = range.start;
        self.parts.push(Part {
            range,
            marker,
            width,
            space_before: false,
        });
        let end = self.parts.len();
        match open {
            Some(w) => {
                w.parts.end = end;
                w.width += width;
            }
            None => {
                *open = Some(Word {
                    parts: end - 1..end,
                    width,
                    ws: 0,
                    start,
                    break_after: false,
                });
            }
        }
    }

    /// Cuts words wider than the column at grapheme boundaries, so a long
    /// URL or an unbroken line never overflows. The block's parts are laid
    /// down again in order, so a line's parts stay one contiguous run.
    fn break_long_words(&mut self, doc: &Document, words: Vec<Word>, avail: usize) -> Vec<Word> {
        if words.iter().all(|w| w.width <= avail) {
            return words;
        }
        let base = words.first().map_or(self.parts.len(), |w| w.parts.start);
        let old = self.parts.split_off(base);
        let mut out = Vec::with_capacity(words.len());
        for word in words {
            let originals = &old[word.parts.start - base..word.parts.end - base];
            if word.width <= avail {
                let start = self.parts.len();
                self.parts.extend_from_slice(originals);
                out.push(Word {
                    parts: start..self.parts.len(),
                    ..word
                });
                continue;
            }
            let mut chunk: Option<Word> = None;
            let mut cut: Vec<Word> = Vec::new();
            for part in originals {
                let content = part.content(&doc.text);
                let mut offset = 0;
                for g in content.graphemes(true) {
                    let w = g.width();
                    let g_range = match part.marker {
                        Some(_) => part.range.clone(),
                        None => part.range.start + offset..part.range.start + offset + g.len(),
                    };
                    offset += g.len();
                    if chunk
                        .as_ref()
                        .is_some_and(|c| c.width > 0 && c.width + w > avail)
                        && let Some(done) = chunk.take()
                    {
                        cut.push(done);
                    }
                    // Grow the chunk's last part while it is the same run.
                    let grow = chunk.is_some()
                        && self.parts.last().is_some_and(|p| match part.marker {
                            Some(_) => p.marker.is_some() && p.range == g_range,
                            None => p.marker.is_none() && p.range.end == g_range.start,
                        });
                    if grow {
                        if let Some(p) = self.parts.last_mut() {
                            match &mut p.marker {
                                Some(m) => m.to_mut().push_str(g),
                                None => p.range.end = g_range.end,
                            }
                            p.width += w;
                        }
                        if let Some(c) = chunk.as_mut() {
                            c.width += w;
                        }
                    } else {
                        let marker = part.marker.as_ref().map(|_| Cow::Owned(g.to_string()));
                        self.push_part(&mut chunk, g_range, marker, w);
                    }
                }
            }
            if let Some(done) = chunk.take() {
                cut.push(done);
            }
            let n = cut.len();
            for (k, mut piece) in cut.into_iter().enumerate() {
                let last = k + 1 == n;
                piece.ws = if last { word.ws } else { 0 };
                piece.break_after = last && word.break_after;
                if k == 0 {
                    piece.start = word.start;
                }
                out.push(piece);
            }
        }
        out
    }
}

/// The prefixes of a block's first line and of the lines after it: quote
/// bars, list indentation and bullets. Never more than half the width.
pub(super) fn prefixes(block: &Block, width: u16) -> (String, String) {
    let depth = |d: u8| usize::from(d.min(MAX_DEPTH));
    let quote = "│ ".repeat(depth(block.quote_depth));
    let (first, rest) = match block.kind {
        BlockKind::ListItem { ordinal } => {
            let indent = "  ".repeat(depth(block.list_depth).saturating_sub(1));
            let bullet = match ordinal {
                Some(n) => format!("{n}. "),
                None => "• ".to_string(),
            };
            let pad = " ".repeat(bullet.width());
            (
                format!("{quote}{indent}{bullet}"),
                format!("{quote}{indent}{pad}"),
            )
        }
        BlockKind::Code => {
            let p = format!("{quote}{}  ", "  ".repeat(depth(block.list_depth)));
            (p.clone(), p)
        }
        BlockKind::Table => {
            let p = format!("{quote}{}", "  ".repeat(depth(block.list_depth)));
            (p.clone(), format!("{p}  "))
        }
        _ => {
            let p = format!("{quote}{}", "  ".repeat(depth(block.list_depth)));
            (p.clone(), p)
        }
    };
    (fit_prefix(&first, width), fit_prefix(&rest, width))
}

/// Cuts a prefix to half the column, so text always keeps room.
fn fit_prefix(prefix: &str, width: u16) -> String {
    let max = usize::from(width) / 2;
    if prefix.width() <= max {
        return prefix.to_string();
    }
    let mut out = String::new();
    for g in prefix.graphemes(true) {
        if out.width() + g.width() > max {
            break;
        }
        out.push_str(g);
    }
    out
}
