//! The blocks of a document, packed: a few bytes a block, whatever the
//! article's shape.
//!
//! A news article has a few hundred blocks, but 99 MB of `x\n\n` has 33
//! million, and a block stored as a struct with its own vector of inline
//! runs (64 bytes, and 48 more per run) made such a file cost 3.5 GB. Here
//! a block is the low 16 bits of its start and its length (`u16`, longer
//! ones in a side list): 4 bytes. The high bits of the starts are kept
//! once per 64 KB page of text, as the first block that starts in each
//! page (a few thousand entries at most). What it is (kind, depths, list number) is kept in runs of
//! blocks that look alike, so a run of paragraphs, or of list items whose
//! numbers go up by one, costs one entry. Inline runs of every block live in
//! one shared vector sorted by start, 12 bytes each (a link's target and a
//! table cell's place in side lists), and a block's runs are found by its
//! range.
//!
//! Offsets are `u32`: an article is at most `load::MAX_BYTES` (256 MB) and
//! its text at most three times that.
//!
//! Producers push blocks in text order ([`Blocks::push`], then the block's
//! inline runs with [`Blocks::push_inline`]); a block's kind can be changed
//! afterwards ([`Blocks::set_kind`], cheap in text order). Readers get
//! [`Block`] values and [`Inline`] values, built on the fly.

use super::{Block, BlockDraft, BlockKind, Inline, InlineKind, Span};

/// How a block looks apart from its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Look {
    kind: BlockKind,
    quote_depth: u8,
    list_depth: u8,
}

impl Look {
    fn of(block: &Block) -> Look {
        Look {
            kind: block.kind,
            quote_depth: block.quote_depth,
            list_depth: block.list_depth,
        }
    }

    /// The look of the block `steps` after one of this look in the same
    /// run: list numbers go up by one.
    fn stepped(self, steps: usize) -> Look {
        match self.kind {
            BlockKind::ListItem { ordinal: Some(n) } => Look {
                kind: BlockKind::ListItem {
                    ordinal: Some(n.saturating_add(steps as u64)),
                },
                ..self
            },
            _ => self,
        }
    }
}

/// The bits of a start kept per block; the rest are the page's.
const PAGE_BITS: usize = 16;

/// A length at or past this is kept in the side list of long blocks.
const LONG: u16 = u16::MAX;

/// Inline kinds, as the low 4 bits of a packed run.
const EMPHASIS: u32 = 0;
const STRONG: u32 = 1;
const STRIKETHROUGH: u32 = 2;
const CODE: u32 = 3;
const LINK: u32 = 4;
const IMAGE: u32 = 5;
const DATELINE: u32 = 6;
const HARD_BREAK: u32 = 7;
const TABLE_CELL: u32 = 8;

/// An inline run: its range and its kind, with an index into the side
/// lists for a link's target or a cell's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    start: u32,
    end: u32,
    kind: u32,
}

/// An offset as stored; past `u32` (never, see the module docs) it
/// saturates.
fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// The blocks of a document (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Blocks {
    /// The low 16 bits of each block's start.
    lows: Vec<u16>,
    /// For each 64 KB page of text, the first block that starts in it or
    /// later: the page of block `i` is the last whose entry is `<= i`.
    pages: Vec<u32>,
    lens: Vec<u16>,
    /// (block, length) of the blocks of [`LONG`] bytes or more, in order.
    long: Vec<(u32, u32)>,
    /// (first block, its look): each run holds the blocks up to the next.
    looks: Vec<(u32, Look)>,
    inlines: Vec<Packed>,
    targets: Vec<Box<str>>,
    /// (row, column, header) of table cells.
    cells: Vec<(u32, u32, bool)>,
}

impl Blocks {
    pub fn len(&self) -> usize {
        self.lows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lows.is_empty()
    }

    /// Block `i`'s start; panics past the end, as indexing does.
    fn start(&self, i: usize) -> usize {
        let low = usize::from(self.lows[i]);
        let page = self
            .pages
            .partition_point(|&first| first as usize <= i)
            .saturating_sub(1);
        (page << PAGE_BITS) | low
    }

    /// Block `i`'s range.
    pub fn range(&self, i: usize) -> Span {
        let start = self.start(i);
        let len = match self.lens[i] {
            LONG => {
                let at = self.long.partition_point(|&(b, _)| (b as usize) < i);
                self.long.get(at).map_or(0, |&(_, len)| len as usize)
            }
            len => usize::from(len),
        };
        start..start + len
    }

    fn look(&self, i: usize) -> Look {
        let run = self
            .looks
            .partition_point(|&(first, _)| first as usize <= i);
        match run.checked_sub(1).and_then(|r| self.looks.get(r)) {
            Some(&(first, look)) => look.stepped(i - first as usize),
            None => Look {
                kind: BlockKind::Paragraph,
                quote_depth: 0,
                list_depth: 0,
            },
        }
    }

    /// Block `i`'s kind.
    pub fn kind(&self, i: usize) -> BlockKind {
        self.look(i).kind
    }

    /// Block `i`; panics past the end, as indexing does.
    pub fn at(&self, i: usize) -> Block {
        let look = self.look(i);
        Block {
            range: self.range(i),
            kind: look.kind,
            quote_depth: look.quote_depth,
            list_depth: look.list_depth,
        }
    }

    pub fn get(&self, i: usize) -> Option<Block> {
        (i < self.len()).then(|| self.at(i))
    }

    pub fn first(&self) -> Option<Block> {
        self.get(0)
    }

    pub fn last(&self) -> Option<Block> {
        self.len().checked_sub(1).map(|i| self.at(i))
    }

    /// Every block in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Block> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.at(i))
    }

    /// The number of blocks for which `pred` of their range is true, the
    /// blocks being sorted so that it is true for a prefix.
    pub fn partition_point(&self, mut pred: impl FnMut(&Span) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(&self.range(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The inline runs of a block, sorted by start (they may nest).
    pub fn inlines(&self, range: &Span) -> impl Iterator<Item = Inline> + '_ {
        let from = self
            .inlines
            .partition_point(|p| (p.start as usize) < range.start);
        let to = from + self.inlines[from..].partition_point(|p| (p.start as usize) < range.end);
        self.inlines[from..to].iter().map(|p| self.unpack(p))
    }

    /// Whether a block has inline runs.
    pub fn has_inlines(&self, range: &Span) -> bool {
        self.inlines(range).next().is_some()
    }

    fn unpack(&self, p: &Packed) -> Inline {
        let payload = (p.kind >> 4) as usize;
        let kind = match p.kind & 0xF {
            EMPHASIS => InlineKind::Emphasis,
            STRONG => InlineKind::Strong,
            STRIKETHROUGH => InlineKind::Strikethrough,
            CODE => InlineKind::Code,
            LINK => InlineKind::Link {
                target: self
                    .targets
                    .get(payload)
                    .map_or_else(String::new, |t| t.to_string()),
            },
            IMAGE => InlineKind::Image {
                target: self
                    .targets
                    .get(payload)
                    .map_or_else(String::new, |t| t.to_string()),
            },
            DATELINE => InlineKind::Dateline,
            HARD_BREAK => InlineKind::HardBreak,
            _ => {
                let (row, column, header) = self.cells.get(payload).copied().unwrap_or_default();
                InlineKind::TableCell {
                    row,
                    column,
                    header,
                }
            }
        };
        Inline {
            range: p.start as usize..p.end as usize,
            kind,
        }
    }

    /// Adds a block after the last one.
    pub fn push(&mut self, block: &Block) {
        let i = self.len();
        let start = block.range.start;
        let page = start >> PAGE_BITS;
        while self.pages.len() <= page {
            self.pages.push(narrow(i));
        }
        // The low bits, kept apart from the page's.
        self.lows.push((start & 0xFFFF) as u16);
        let len = block.range.len();
        match u16::try_from(len) {
            Ok(len) if len < LONG => self.lens.push(len),
            _ => {
                self.lens.push(LONG);
                self.long.push((narrow(i), narrow(len)));
            }
        }
        let look = Look::of(block);
        let continues = self
            .looks
            .last()
            .is_some_and(|&(first, run)| run.stepped(i - first as usize) == look);
        if !continues {
            self.looks.push((narrow(i), look));
        }
    }

    /// Adds a block being built and its inline runs (put in order of
    /// their start).
    pub(crate) fn push_draft(&mut self, draft: BlockDraft) {
        let BlockDraft {
            range,
            kind,
            quote_depth,
            list_depth,
            mut inlines,
        } = draft;
        self.push(&Block {
            range,
            kind,
            quote_depth,
            list_depth,
        });
        inlines.sort_by_key(|i| i.range.start);
        for inline in &inlines {
            self.push_inline(inline);
        }
    }

    /// Blocks being built, in text order.
    pub(crate) fn from_drafts(drafts: Vec<BlockDraft>) -> Blocks {
        let mut blocks = Blocks::default();
        for draft in drafts {
            blocks.push_draft(draft);
        }
        blocks
    }

    /// Adds an inline run; runs come in order of their start (a block's
    /// after the block, the blocks' in text order).
    pub fn push_inline(&mut self, inline: &Inline) {
        let packed = self.pack(inline);
        self.inlines.push(packed);
    }

    /// Adds an inline run where its start puts it (after those that start
    /// at the same place): for the few added out of order.
    pub fn insert_inline(&mut self, inline: &Inline) {
        let packed = self.pack(inline);
        let at = self.inlines.partition_point(|p| p.start <= packed.start);
        self.inlines.insert(at, packed);
    }

    fn pack(&mut self, inline: &Inline) -> Packed {
        let (tag, payload) = match &inline.kind {
            InlineKind::Emphasis => (EMPHASIS, 0),
            InlineKind::Strong => (STRONG, 0),
            InlineKind::Strikethrough => (STRIKETHROUGH, 0),
            InlineKind::Code => (CODE, 0),
            InlineKind::Link { target } => {
                self.targets.push(target.as_str().into());
                (LINK, self.targets.len() - 1)
            }
            InlineKind::Image { target } => {
                self.targets.push(target.as_str().into());
                (IMAGE, self.targets.len() - 1)
            }
            InlineKind::Dateline => (DATELINE, 0),
            InlineKind::HardBreak => (HARD_BREAK, 0),
            InlineKind::TableCell {
                row,
                column,
                header,
            } => {
                self.cells.push((*row, *column, *header));
                (TABLE_CELL, self.cells.len() - 1)
            }
        };
        Packed {
            start: narrow(inline.range.start),
            end: narrow(inline.range.end),
            kind: tag | (narrow(payload) << 4),
        }
    }

    /// Changes block `i`'s kind (its depths stay).
    pub fn set_kind(&mut self, i: usize, kind: BlockKind) {
        let old = self.look(i);
        let look = Look { kind, ..old };
        if look == old {
            return;
        }
        let run = self
            .looks
            .partition_point(|&(first, _)| first as usize <= i)
            - 1;
        let (first, run_look) = self.looks[run];
        let next = self
            .looks
            .get(run + 1)
            .map_or(self.len(), |&(f, _)| f as usize);
        let mut replace = Vec::with_capacity(3);
        if (first as usize) < i {
            replace.push((first, run_look));
        }
        replace.push((narrow(i), look));
        if i + 1 < next {
            replace.push((narrow(i + 1), run_look.stepped(i + 1 - first as usize)));
        }
        self.looks.splice(run..run + 1, replace);
    }

    /// Forgets every block from `n` on, and their inline runs.
    pub fn truncate(&mut self, n: usize) {
        if n >= self.len() {
            return;
        }
        let cut = narrow(self.start(n));
        self.lows.truncate(n);
        // Pages that only blocks from `n` on start in are made again as
        // blocks are pushed there.
        self.pages.retain(|&first| (first as usize) < n);
        self.lens.truncate(n);
        self.long.retain(|&(b, _)| (b as usize) < n);
        self.looks.retain(|&(first, _)| (first as usize) < n);
        let keep = self.inlines.partition_point(|p| p.start < cut);
        // The side lists are filled in the order runs are pushed, so the
        // runs let go hold their last entries.
        let (mut targets, mut cells) = (self.targets.len(), self.cells.len());
        for p in &self.inlines[keep..] {
            let payload = (p.kind >> 4) as usize;
            match p.kind & 0xF {
                LINK | IMAGE => targets = targets.min(payload),
                TABLE_CELL => cells = cells.min(payload),
                _ => {}
            }
        }
        self.inlines.truncate(keep);
        self.targets.truncate(targets);
        self.cells.truncate(cells);
    }

    /// Gives back the room left for blocks never pushed.
    pub fn shrink_to_fit(&mut self) {
        self.lows.shrink_to_fit();
        self.pages.shrink_to_fit();
        self.lens.shrink_to_fit();
        self.long.shrink_to_fit();
        self.looks.shrink_to_fit();
        self.inlines.shrink_to_fit();
        self.targets.shrink_to_fit();
        self.cells.shrink_to_fit();
    }

    /// True when no vector holds room for more than it has.
    #[cfg(test)]
    pub fn is_tight(&self) -> bool {
        self.lows.capacity() == self.lows.len()
            && self.pages.capacity() == self.pages.len()
            && self.lens.capacity() == self.lens.len()
            && self.long.capacity() == self.long.len()
            && self.looks.capacity() == self.looks.len()
            && self.inlines.capacity() == self.inlines.len()
            && self.targets.capacity() == self.targets.len()
            && self.cells.capacity() == self.cells.len()
    }

    /// Bytes held, for the memory accounts.
    pub fn heap_bytes(&self) -> usize {
        self.lows.capacity() * 2
            + self.pages.capacity() * 4
            + self.lens.capacity() * 2
            + self.long.capacity() * 8
            + self.looks.capacity() * std::mem::size_of::<(u32, Look)>()
            + self.inlines.capacity() * std::mem::size_of::<Packed>()
            + self.targets.iter().map(|t| t.len() + 16).sum::<usize>()
            + self.cells.capacity() * 12
    }
}

impl<'a> IntoIterator for &'a Blocks {
    type Item = Block;
    type IntoIter = std::iter::Map<std::ops::Range<usize>, Box<dyn Fn(usize) -> Block + 'a>>;

    fn into_iter(self) -> Self::IntoIter {
        (0..self.len()).map(Box::new(move |i| self.at(i)))
    }
}

impl FromIterator<Block> for Blocks {
    fn from_iter<I: IntoIterator<Item = Block>>(iter: I) -> Self {
        let mut blocks = Blocks::default();
        for block in iter {
            blocks.push(&block);
        }
        blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(range: Span, kind: BlockKind) -> Block {
        Block {
            range,
            kind,
            quote_depth: 0,
            list_depth: 0,
        }
    }

    #[test]
    fn blocks_come_back_as_pushed() {
        let pushed = vec![
            block(0..5, BlockKind::Title),
            block(7..20, BlockKind::Paragraph),
            block(22..30, BlockKind::Paragraph),
            block(32..40, BlockKind::ListItem { ordinal: Some(3) }),
            block(42..50, BlockKind::ListItem { ordinal: Some(4) }),
            block(52..60, BlockKind::ListItem { ordinal: Some(9) }),
            block(62..200_000, BlockKind::Code),
            Block {
                quote_depth: 2,
                list_depth: 1,
                ..block(200_002..200_010, BlockKind::Paragraph)
            },
        ];
        let blocks: Blocks = pushed.iter().cloned().collect();
        assert_eq!(blocks.iter().collect::<Vec<_>>(), pushed);
        assert_eq!(blocks.looks.len(), 6, "a run per change of look");
    }

    #[test]
    fn a_kind_set_later_splits_its_run_only() {
        let mut blocks: Blocks = (0..10)
            .map(|i| block(i * 4..i * 4 + 2, BlockKind::ListItem { ordinal: Some(1) }))
            .map(|mut b| {
                if let BlockKind::ListItem { ordinal: Some(n) } = &mut b.kind {
                    *n += (b.range.start / 4) as u64;
                }
                b
            })
            .collect();
        assert_eq!(blocks.looks.len(), 1);
        blocks.set_kind(4, BlockKind::Boilerplate);
        assert_eq!(blocks.kind(3), BlockKind::ListItem { ordinal: Some(4) });
        assert_eq!(blocks.kind(4), BlockKind::Boilerplate);
        assert_eq!(blocks.kind(5), BlockKind::ListItem { ordinal: Some(6) });
        assert_eq!(blocks.kind(9), BlockKind::ListItem { ordinal: Some(10) });
        blocks.set_kind(0, BlockKind::Title);
        blocks.set_kind(9, BlockKind::Paragraph);
        assert_eq!(blocks.kind(0), BlockKind::Title);
        assert_eq!(blocks.kind(1), BlockKind::ListItem { ordinal: Some(2) });
        assert_eq!(blocks.kind(8), BlockKind::ListItem { ordinal: Some(9) });
        assert_eq!(blocks.kind(9), BlockKind::Paragraph);
    }

    #[test]
    fn inlines_are_found_by_their_block() {
        let mut blocks = Blocks::default();
        blocks.push(&block(0..10, BlockKind::Paragraph));
        let link = Inline {
            range: 2..6,
            kind: InlineKind::Link {
                target: "https://example.org".into(),
            },
        };
        blocks.push_inline(&link);
        blocks.push(&block(12..20, BlockKind::Table));
        let cell = Inline {
            range: 12..14,
            kind: InlineKind::TableCell {
                row: 1,
                column: 2,
                header: true,
            },
        };
        blocks.push_inline(&cell);
        blocks.insert_inline(&Inline {
            range: 0..1,
            kind: InlineKind::Dateline,
        });
        let first: Vec<_> = blocks.inlines(&blocks.range(0)).collect();
        assert_eq!(first.len(), 2);
        assert_eq!(first[0].kind, InlineKind::Dateline);
        assert_eq!(first[1], link);
        assert_eq!(blocks.inlines(&blocks.range(1)).collect::<Vec<_>>(), [cell]);
        blocks.truncate(1);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks.inlines(&(0..100)).count(), 2);
    }

    #[test]
    fn a_block_is_four_bytes_in_a_run_of_alike_ones() {
        let blocks: Blocks = (0..100_000)
            .map(|i| block(i * 3..i * 3 + 1, BlockKind::Paragraph))
            .collect();
        let mut blocks = blocks;
        blocks.shrink_to_fit();
        // And four bytes for each of the five 64 KB pages.
        assert!(
            blocks.heap_bytes() <= 4 * 100_000 + 4 * 5 + 64,
            "{}",
            blocks.heap_bytes()
        );
    }

    #[test]
    fn starts_come_back_across_pages_empty_ones_and_a_truncation() {
        // Blocks in pages 0, 0, 1, 3 (page 2 has none: a long block spans
        // it), then truncated into page 1 and pushed on into pages 1 and 5.
        let ranges = [
            0..10,
            65_000..65_530,
            70_000..70_100,
            70_200..200_000,
            200_001..200_002,
            260_000..260_005,
        ];
        let pushed: Vec<Block> = ranges
            .iter()
            .map(|r| block(r.clone(), BlockKind::Paragraph))
            .collect();
        let mut blocks: Blocks = pushed.iter().cloned().collect();
        assert_eq!(blocks.iter().collect::<Vec<_>>(), pushed);
        blocks.truncate(3);
        assert_eq!(blocks.iter().collect::<Vec<_>>(), pushed[..3]);
        let more = [
            block(80_000..80_001, BlockKind::Paragraph),
            block(330_000..330_003, BlockKind::Code),
        ];
        for b in &more {
            blocks.push(b);
        }
        let want: Vec<Block> = pushed[..3].iter().chain(&more).cloned().collect();
        assert_eq!(blocks.iter().collect::<Vec<_>>(), want);
        // The same as pushing them all in one go.
        assert_eq!(blocks, want.iter().cloned().collect::<Blocks>());
        assert_eq!(blocks.partition_point(|r| r.start < 80_000), 3);
    }
}
