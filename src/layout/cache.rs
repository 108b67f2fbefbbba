//! Line numbers over blocks wrapped on demand.
//!
//! `WrapCache` keeps, per block shown, a count of its visual lines (the blank
//! line before it included) in a Fenwick tree, so "which block holds line
//! n" and "which line starts block k" cost O(log blocks). A count is an
//! estimate from the block's length until the block is wrapped; wrapping
//! replaces it with the real count, which moves the numbers of every line
//! after that block and none before it. Blocks are wrapped when a line of
//! theirs is asked for, when a walk crosses them, and in order from the top
//! by [`WrapCache::measure`] (up front for a short article, in idle time for
//! a long one). The lines of the last few hundred blocks asked for are kept;
//! others are wrapped again when shown (their count is kept).
//!
//! Because numbers move as blocks get wrapped, a caller that must keep a
//! place across other lookups holds a [`Pos`] (a block and a line in it),
//! which nothing moves, and turns it back into a number with
//! [`WrapCache::global`] when it needs one.
//!
//! Lookups take `&self` (the counts and kept lines sit in a `RefCell`), so
//! drawing, which reads the app, wraps what it shows. Not `Sync`.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use super::Line;
use super::long::Laid;
use super::wrap::blank_between;
use crate::document::{BlockKind, Document, MAX_DEPTH};

/// Bytes of blocks wrapped when a cache is built: a short article is exact
/// from the first frame, for about a millisecond of wrapping.
const EAGER_BYTES: usize = 24 * 1024;

/// Blocks whose lines are kept between lookups.
const KEPT_BLOCKS: usize = 512;

/// Walks longer than this many lines (a jump of thousands of lines) go by
/// line numbers, estimates included, rather than wrapping every block on
/// the way.
const WALK_LIMIT: usize = 2048;

/// A place that wrapping other blocks does not move: a block (by its index
/// among the blocks shown) and a line of it (0 is the blank line before it,
/// when it has one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub shown: usize,
    pub line: usize,
}

/// A reading position named by the text, so it means the same at any
/// width: the line showing `offset`, or `lead` lines before it. Lines are
/// found from offsets by where they start, and a few lines start where the
/// next one does because they show no text of their own (the blank line
/// before a block, the later lines of a table row): `lead` names those,
/// and is 0 for any line that shows text. It only holds for the width it
/// was taken at; a re-wrap drops it ([`Anchor::text`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Anchor {
    pub offset: usize,
    pub lead: usize,
}

impl Anchor {
    /// The line showing `offset`.
    pub fn at(offset: usize) -> Anchor {
        Anchor { offset, lead: 0 }
    }

    /// The same text, without the lines before it that show none: what a
    /// re-wrap keeps.
    pub fn text(self) -> Anchor {
        Anchor::at(self.offset)
    }
}

/// The article's visual lines for one width, wrapped as they are needed.
#[derive(Debug, Clone)]
pub struct WrapCache {
    width: u16,
    /// Reveal mode: blocks are wrapped with every invisible character shown.
    reveal: bool,
    /// The blocks shown, in order.
    shown: Shown,
    state: RefCell<Counts>,
}

/// Which blocks are shown: all of them, or all but the hidden ones (page
/// furniture, a few blocks at the ends). Kept as the hidden ones, so a
/// document of millions of blocks costs nothing here.
#[derive(Debug, Clone, Default)]
struct Shown {
    /// Blocks in the document.
    blocks: usize,
    /// Indexes of the blocks left out, in order.
    hidden: Vec<u32>,
}

impl Shown {
    fn len(&self) -> usize {
        self.blocks - self.hidden.len()
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The block shown `k`th.
    fn at(&self, k: usize) -> usize {
        // The hidden blocks before it: those whose index less their rank
        // is at most k.
        let (mut lo, mut hi) = (0, self.hidden.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.hidden[mid] as usize - mid <= k {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        k + lo
    }

    fn get(&self, k: usize) -> Option<usize> {
        (k < self.len()).then(|| self.at(k))
    }

    /// How many shown blocks `pred` is true for, it being true for a
    /// prefix of them.
    fn partition_point(&self, mut pred: impl FnMut(usize) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.at(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// Blocks counted together in the tree of line counts.
const CHUNK: usize = 64;

/// A line count too large for a byte: looked up in `Counts::large`.
const LARGE: u8 = u8::MAX;

/// Line counts per shown block, a byte each (larger ones on the side), with
/// a Fenwick tree over chunks of [`CHUNK`] blocks: about 1.2 bytes a block,
/// so 33 million blocks (99 MB of `x\n\n`) cost 40 MB, not 825.
#[derive(Debug, Clone, Default)]
struct Counts {
    /// Lines per shown block, the blank line before it included: real once
    /// wrapped, an estimate before.
    small: Vec<u8>,
    /// The counts of [`LARGE`] lines or more.
    large: rustc_hash::FxHashMap<u32, usize>,
    /// One bit per block: wrapped, its count real.
    exact: Vec<u64>,
    /// Fenwick tree over the chunks' line counts (1-based).
    tree: Vec<u64>,
    total: usize,
    /// Every shown block before this one is exact.
    frontier: usize,
    kept: HashMap<usize, Rc<Laid>>,
    /// Kept blocks, oldest first.
    order: VecDeque<usize>,
}

impl Counts {
    fn new(count: impl ExactSizeIterator<Item = usize>) -> Counts {
        let n = count.len();
        let chunks = n.div_ceil(CHUNK);
        let mut counts = Counts {
            small: Vec::with_capacity(n),
            exact: vec![0; n.div_ceil(64)],
            tree: vec![0; chunks + 1],
            ..Counts::default()
        };
        for (k, lines) in count.enumerate() {
            counts.store(k, lines);
            counts.tree[k / CHUNK + 1] += lines as u64;
            counts.total += lines;
        }
        for i in 1..=chunks {
            let parent = i + (i & i.wrapping_neg());
            if parent <= chunks {
                counts.tree[parent] += counts.tree[i];
            }
        }
        counts
    }

    fn len(&self) -> usize {
        self.small.len()
    }

    /// Writes a count (a new block's when `k` is the length).
    fn store(&mut self, k: usize, lines: usize) {
        let byte = u8::try_from(lines).ok().filter(|&b| b < LARGE);
        if k == self.small.len() {
            self.small.push(byte.unwrap_or(LARGE));
        } else {
            self.small[k] = byte.unwrap_or(LARGE);
        }
        if byte.is_none() {
            self.large.insert(k as u32, lines);
        } else if !self.large.is_empty() {
            self.large.remove(&(k as u32));
        }
    }

    fn count(&self, k: usize) -> usize {
        match self.small[k] {
            LARGE => self.large.get(&(k as u32)).copied().unwrap_or(0),
            c => usize::from(c),
        }
    }

    fn is_exact(&self, k: usize) -> bool {
        self.exact[k / 64] & (1 << (k % 64)) != 0
    }

    fn set(&mut self, k: usize, lines: usize) {
        let old = self.count(k);
        self.exact[k / 64] |= 1 << (k % 64);
        if old == lines {
            return;
        }
        self.store(k, lines);
        self.total = self.total - old + lines;
        let mut j = k / CHUNK + 1;
        while j < self.tree.len() {
            self.tree[j] = self.tree[j] - old as u64 + lines as u64;
            j += j & j.wrapping_neg();
        }
    }

    /// Lines before chunk `c`.
    fn chunk_prefix(&self, c: usize) -> usize {
        let mut j = c.min(self.tree.len().saturating_sub(1));
        let mut sum = 0;
        while j > 0 {
            sum += self.tree[j];
            j -= j & j.wrapping_neg();
        }
        sum as usize
    }

    /// Lines before shown block `k`.
    fn prefix(&self, k: usize) -> usize {
        let k = k.min(self.len());
        let c = k / CHUNK;
        self.chunk_prefix(c) + (c * CHUNK..k).map(|i| self.count(i)).sum::<usize>()
    }

    /// The block holding line `n` and the line within it; the block is
    /// the number of blocks when `n` is past the end.
    fn find(&self, n: usize) -> (usize, usize) {
        let chunks = self.tree.len().saturating_sub(1);
        let mut at = 0;
        let mut rest = n as u64;
        let mut step = if chunks == 0 {
            0
        } else {
            1 << (usize::BITS - 1 - chunks.leading_zeros())
        };
        while step > 0 {
            let next = at + step;
            if next <= chunks && self.tree[next] <= rest {
                at = next;
                rest -= self.tree[next];
            }
            step >>= 1;
        }
        let mut rest = rest as usize;
        for k in at * CHUNK..((at + 1) * CHUNK).min(self.len()) {
            let count = self.count(k);
            if rest < count {
                return (k, rest);
            }
            rest -= count;
        }
        (self.len(), rest)
    }

    fn keep(&mut self, k: usize, lines: Rc<Laid>) {
        if self.kept.len() >= KEPT_BLOCKS
            && let Some(old) = self.order.pop_front()
        {
            self.kept.remove(&old);
        }
        self.kept.insert(k, lines);
        self.order.push_back(k);
    }
}

impl WrapCache {
    /// Numbers the lines of `doc` for a text column `width` cells wide and
    /// wraps its first blocks. Page furniture is left out unless
    /// `show_furniture`. Costs O(blocks) plus a few kilobytes of wrapping,
    /// whatever the article's length.
    pub fn build(doc: &Document, width: u16, show_furniture: bool) -> Self {
        Self::build_revealing(doc, width, show_furniture, false)
    }

    /// [`build`](Self::build), with every invisible character shown as a
    /// marker when `reveal` is set (`sanitize::pieces` in reveal mode).
    pub fn build_revealing(doc: &Document, width: u16, show_furniture: bool, reveal: bool) -> Self {
        let mut cache = WrapCache::unwrapped(doc, width, show_furniture);
        cache.reveal = reveal;
        cache.measure(doc, EAGER_BYTES);
        cache
    }

    /// Numbers the lines of `doc` by estimates alone, wrapping nothing yet.
    pub fn unwrapped(doc: &Document, width: u16, show_furniture: bool) -> Self {
        let hidden = if show_furniture {
            Vec::new()
        } else {
            doc.blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| b.kind == BlockKind::Boilerplate)
                .map(|(i, _)| i as u32)
                .collect()
        };
        let shown = Shown {
            blocks: doc.blocks.len(),
            hidden,
        };
        let count = (0..shown.len()).map(|k| estimate(doc, width, &shown, k));
        let state = RefCell::new(Counts::new(count));
        WrapCache {
            width,
            reveal: false,
            shown,
            state,
        }
    }

    /// A cache with no lines, for before the first width is known (width 0
    /// matches no pane, so the first real width builds the lines).
    pub fn empty() -> Self {
        WrapCache {
            width: 0,
            reveal: false,
            shown: Shown::default(),
            state: RefCell::new(Counts::default()),
        }
    }

    /// The column width the cache was built for.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Whether the cache wraps in reveal mode.
    pub fn reveals(&self) -> bool {
        self.reveal
    }

    /// The number of lines: exact once [`WrapCache::is_exact`], an estimate
    /// before.
    pub fn len(&self) -> usize {
        self.state.borrow().total
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// Whether every block has been wrapped, so every count is real.
    pub fn is_exact(&self) -> bool {
        self.state.borrow().frontier >= self.shown.len()
    }

    /// Wraps blocks in order from the first not yet wrapped, until about
    /// `budget` bytes of text have been wrapped; true when none is left.
    /// Moves line numbers after the blocks wrapped: hold a [`Pos`] across.
    pub fn measure(&self, doc: &Document, budget: usize) -> bool {
        let mut spent = 0;
        loop {
            let k = self.state.borrow().frontier;
            if k >= self.shown.len() {
                return true;
            }
            if spent >= budget {
                return false;
            }
            if !self.state.borrow().is_exact(k) {
                self.wrap(doc, k, false);
                spent += doc.blocks.range(self.shown.at(k)).len().max(1);
            }
            self.state.borrow_mut().frontier = k + 1;
        }
    }

    /// Lays out shown block `k` (or takes its kept lines) and records its
    /// real count.
    fn wrap(&self, doc: &Document, k: usize, keep: bool) -> Rc<Laid> {
        if let Some(lines) = self.state.borrow().kept.get(&k) {
            return Rc::clone(lines);
        }
        let prev = k.checked_sub(1).map(|p| doc.blocks.at(self.shown.at(p)));
        let lines = Rc::new(Laid::lay_out(
            doc,
            self.width,
            self.reveal,
            self.shown.at(k),
            prev,
        ));
        let mut state = self.state.borrow_mut();
        state.set(k, lines.count());
        if keep {
            state.keep(k, Rc::clone(&lines));
        }
        lines
    }

    /// The real line count of shown block `k`.
    fn exact_count(&self, doc: &Document, k: usize) -> usize {
        {
            let state = self.state.borrow();
            if state.is_exact(k) {
                return state.count(k);
            }
        }
        self.wrap(doc, k, true).count()
    }

    /// Where line `n` is, wrapping its block if needed; `None` past the end.
    pub fn pos(&self, doc: &Document, n: usize) -> Option<Pos> {
        loop {
            let (k, line) = self.state.borrow().find(n);
            if k >= self.shown.len() {
                return None;
            }
            if self.state.borrow().is_exact(k) {
                return Some(Pos { shown: k, line });
            }
            // Wrapping changes this block's count, not where it starts:
            // look again.
            self.wrap(doc, k, true);
        }
    }

    /// The number of the line at `pos`, by the counts known now.
    pub fn global(&self, pos: Pos) -> usize {
        self.state.borrow().prefix(pos.shown) + pos.line
    }

    /// Line `n`, wrapped; `None` past the end.
    pub fn line(&self, doc: &Document, n: usize) -> Option<Line> {
        let pos = self.pos(doc, n)?;
        self.line_of(doc, pos)
    }

    /// The line at a position.
    pub fn line_of(&self, doc: &Document, pos: Pos) -> Option<Line> {
        if pos.shown >= self.shown.len() {
            return None;
        }
        self.wrap(doc, pos.shown, true).line(doc, pos.line)
    }

    /// The last line's position; `None` for an empty article.
    pub fn last_pos(&self, doc: &Document) -> Option<Pos> {
        let k = self.shown.len().checked_sub(1)?;
        let line = self.exact_count(doc, k) - 1;
        Some(Pos { shown: k, line })
    }

    /// The position `by` lines after `pos` (before, when negative), stopping
    /// at the first and the last line. Short walks wrap every block they
    /// cross, so the lines between are exactly `by`; long ones jump by the
    /// counts known now.
    pub fn walk(&self, doc: &Document, pos: Pos, by: isize) -> Pos {
        if self.shown.is_empty() {
            return Pos::default();
        }
        if by.unsigned_abs() > WALK_LIMIT {
            let target = self.global(pos).saturating_add_signed(by);
            return match self.pos(doc, target) {
                Some(p) => p,
                None => self.last_pos(doc).unwrap_or_default(),
            };
        }
        let mut p = pos;
        let mut left = by.unsigned_abs();
        if by >= 0 {
            loop {
                let count = self.exact_count(doc, p.shown);
                if p.line + left < count {
                    p.line += left;
                    return p;
                }
                if p.shown + 1 >= self.shown.len() {
                    p.line = count - 1;
                    return p;
                }
                left -= count - p.line;
                p = Pos {
                    shown: p.shown + 1,
                    line: 0,
                };
            }
        }
        loop {
            if left <= p.line {
                p.line -= left;
                return p;
            }
            if p.shown == 0 {
                p.line = 0;
                return p;
            }
            left -= p.line + 1;
            p.shown -= 1;
            p.line = self.exact_count(doc, p.shown) - 1;
        }
    }

    /// Where the line showing a text offset is (the last line starting at
    /// or before it): where the reading position lands after a re-wrap, or
    /// a jump to a search hit.
    pub fn pos_at(&self, doc: &Document, offset: usize) -> Pos {
        let k = self
            .shown
            .partition_point(|b| doc.blocks.range(b).start <= offset);
        let Some(k) = k.checked_sub(1) else {
            return Pos::default();
        };
        let line = self.wrap(doc, k, true).line_at(doc, offset);
        Pos { shown: k, line }
    }

    /// Where an anchor's line is.
    pub fn pos_of(&self, doc: &Document, anchor: Anchor) -> Pos {
        let at = self.pos_at(doc, anchor.offset);
        match anchor.lead {
            0 => at,
            lead => self.walk(doc, at, -(lead as isize)),
        }
    }

    /// The anchor naming the line at `pos`: where its text starts, and how
    /// many lines that show no text it comes before the line
    /// [`pos_at`](Self::pos_at) finds there. `pos_of` gives `pos` back.
    pub fn anchor_of(&self, doc: &Document, pos: Pos) -> Anchor {
        let Some(line) = self.line_of(doc, pos) else {
            return Anchor::default();
        };
        let offset = line.range.start;
        let at = self.pos_at(doc, offset);
        let lead = if at.shown == pos.shown {
            at.line.saturating_sub(pos.line)
        } else {
            // Empty blocks starting at the same offset lie between.
            let between: usize = (pos.shown + 1..at.shown)
                .map(|k| self.exact_count(doc, k))
                .sum();
            self.exact_count(doc, pos.shown) - pos.line + between + at.line
        };
        Anchor { offset, lead }
    }

    /// The number of the line showing a text offset, by the counts known
    /// once its block is wrapped.
    pub fn line_at(&self, doc: &Document, offset: usize) -> usize {
        let pos = self.pos_at(doc, offset);
        self.global(pos)
    }

    /// Where a section starts: the first line of its first shown block
    /// (after the blank line before it), `None` when all of it is hidden.
    pub fn section_pos(&self, doc: &Document, section: usize) -> Option<Pos> {
        let blocks = doc.sections.get(section)?.blocks.clone();
        let k = self.shown.partition_point(|b| b < blocks.start);
        let b = self.shown.get(k)?;
        if b >= blocks.end {
            return None;
        }
        let blank = k
            .checked_sub(1)
            .is_some_and(|p| blank_between(&doc.blocks.at(self.shown.at(p)), &doc.blocks.at(b)));
        Some(Pos {
            shown: k,
            line: usize::from(blank),
        })
    }

    /// The number of a section's first line (see [`WrapCache::section_pos`]).
    pub fn section_line(&self, doc: &Document, section: usize) -> Option<usize> {
        self.section_pos(doc, section).map(|p| self.global(p))
    }

    /// Every line in order, each block wrapped as it comes and let go after
    /// (print mode, tests). Makes the counts exact.
    pub fn iter<'a>(&'a self, doc: &'a Document) -> impl Iterator<Item = Line> + 'a {
        (0..self.shown.len()).flat_map(move |k| self.wrap(doc, k, false).lines(doc))
    }
}

/// A guess at a block's line count before it is wrapped: its length over
/// the column, most lines being nine tenths full; one line per source line
/// for code.
fn estimate(doc: &Document, width: u16, shown: &Shown, k: usize) -> usize {
    let block = &doc.blocks.at(shown.at(k));
    let blank = k
        .checked_sub(1)
        .is_some_and(|p| blank_between(&doc.blocks.at(shown.at(p)), block));
    let width = usize::from(width);
    let indent =
        2 * usize::from(block.quote_depth.min(MAX_DEPTH) + block.list_depth.min(MAX_DEPTH))
            + if matches!(block.kind, BlockKind::ListItem { .. } | BlockKind::Code) {
                3
            } else {
                0
            };
    let avail = width.saturating_sub(indent).max(width / 2).max(1);
    // Only code reads the text: touching every block's bytes would cost a
    // cache miss per block on a long article.
    let lines = match block.kind {
        BlockKind::Rule => 1,
        // A row a line, and the rule under the header.
        BlockKind::Table => {
            let text = doc.slice(&block.range);
            memchr::memchr_iter(b'\n', text.as_bytes()).count() + 2
        }
        _ if block.keeps_line_breaks() => {
            let text = doc.slice(&block.range);
            memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1
        }
        _ => block.range.len().div_ceil((avail * 9 / 10).max(1)),
    };
    usize::from(blank) + lines.max(1)
}

/// A cache together with the article it numbers, so lookups need no
/// document argument (what the app hands to drawing and to tests).
#[derive(Debug, Clone, Copy)]
pub struct Wrapped<'a> {
    pub cache: &'a WrapCache,
    pub doc: &'a Document,
}

impl Wrapped<'_> {
    pub fn width(&self) -> u16 {
        self.cache.width()
    }

    /// See [`WrapCache::len`]: an estimate until the cache is exact.
    pub fn len(&self) -> usize {
        self.cache.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cache.is_empty()
    }

    pub fn is_exact(&self) -> bool {
        self.cache.is_exact()
    }

    pub fn line(&self, n: usize) -> Option<Line> {
        self.cache.line(self.doc, n)
    }

    pub fn line_at(&self, offset: usize) -> usize {
        self.cache.line_at(self.doc, offset)
    }

    pub fn section_line(&self, section: usize) -> Option<usize> {
        self.cache.section_line(self.doc, section)
    }

    pub fn lines(&self) -> impl Iterator<Item = Line> + '_ {
        self.cache.iter(self.doc)
    }
}
