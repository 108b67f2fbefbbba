//! Styled print (`lede -p --color always`) of an article parsed a piece at
//! a time (`document::stream`), so a long article is never held whole and
//! its printout is the one a parse of the whole gives.
//!
//! What lights a line depends on more than its piece: extraction reads the
//! whole's windows (`extract::Windows`, about 512 KB of whole sections),
//! each with its own context, and the calm level lights a name once per
//! section. So the pieces are gathered into a running stretch of the
//! article (`Gathered`): its blocks are told their sections as they come
//! (`SectionStarts`), the windows are cut as the whole's are, each window
//! is read once all of it is in, and the blocks it ends are printed and let
//! go. What is held is the decoded source, a window or two of the article
//! and the mentions not yet printed, plus one small entry per distinct
//! name (which entity of the whole it is, and the section it was last lit
//! in). The document-level vote that types a name met as actor and as
//! place (`coref::type_by_majority`) retypes the entity, not its mentions,
//! and print lights mentions, so no first pass is needed.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::ops::Range;

use super::PrintOptions;
use crate::app::Level;
use crate::document::{Block, BlockKind, Blocks, Document, Format, SectionStarts, Span};
use crate::extract::calm::{Calm, Quiet};
use crate::extract::{Entities, Joiner, Mention, Windows};
use crate::ui::theme::Theme;

/// Prints pieces as they come, lit as the whole would be.
pub(super) struct Styled<'a> {
    options: &'a PrintOptions,
    theme: Theme,
    /// The whole's text when it is the source's (plain text): what lies
    /// between two pieces and after the last.
    whole: Option<&'a str>,
    /// The article from `base` on, as far as it came: the whole's text and
    /// its blocks, offsets counted from `base`.
    doc: Document,
    base: usize,
    /// The section number of each block of `doc` told its section.
    sections: Vec<u32>,
    /// Section starts so far.
    section: u32,
    starts: SectionStarts,
    windows: Windows,
    /// Where the windows read so far end (the whole's offset).
    read: usize,
    joiner: Joiner,
    calm: Calm,
    /// Mentions found and not yet printed (the whole's offsets), each with
    /// whether the calm level leaves it plain.
    found: VecDeque<(Mention, bool)>,
    /// The whole's dateline, once its piece came.
    dateline: Option<Span>,
    /// Blocks of `doc` printed.
    printed: usize,
    /// The last block shown.
    before: Option<Block>,
    out: &'a mut dyn Write,
    /// The first write error; nothing is written after it.
    written: io::Result<()>,
}

impl<'a> Styled<'a> {
    pub(super) fn new(
        format: Format,
        whole: &'a str,
        options: &'a PrintOptions,
        theme: Theme,
        out: &'a mut dyn Write,
    ) -> Self {
        Styled {
            options,
            theme,
            whole: (format == Format::Plain).then_some(whole),
            doc: crate::document::stream::piece(format, String::new(), Default::default()),
            base: 0,
            sections: Vec::new(),
            section: 0,
            starts: SectionStarts::default(),
            windows: Windows::new(crate::extract::WINDOW_BYTES),
            read: 0,
            joiner: Joiner::default(),
            calm: Calm::default(),
            found: VecDeque::new(),
            dateline: None,
            printed: 0,
            before: None,
            out,
            written: Ok(()),
        }
    }

    /// The whole's offset where the text gathered ends.
    fn end(&self) -> usize {
        self.base + self.doc.text.len()
    }

    /// Gathers `blocks` of a piece whose text starts at `at` in the
    /// whole's, and prints what is now settled.
    pub(super) fn piece(&mut self, mut piece: Document, blocks: Range<usize>, at: usize) {
        if let Some(d) = &piece.dateline {
            self.dateline = Some(d.start + at..d.end + at);
        }
        // A piece longer than what is gathered (one block of megabytes)
        // takes it in front of its own text rather than be copied after
        // it: the piece's text is never held twice.
        if blocks.start == 0 && piece.text.len() > self.doc.text.len() {
            self.fill_to(at);
            let gathered = std::mem::take(&mut self.doc.text);
            piece.text.insert_str(0, &gathered);
            self.doc.text = piece.text;
            let shift = gathered.len();
            for i in blocks {
                let block = piece.blocks.at(i);
                self.gather(&piece.blocks, &block, shift);
            }
            self.settle();
            return;
        }
        for i in blocks {
            let block = piece.blocks.at(i);
            let start = at + block.range.start;
            self.fill_to(start);
            let shift = self.doc.text.len() - block.range.start;
            self.doc.text.push_str(&piece.text[block.range.clone()]);
            self.gather(&piece.blocks, &block, shift);
        }
        self.settle();
    }

    /// Adds a block of a piece's `blocks` whose text is in `doc.text`
    /// `shift` bytes later than in the piece's, and tells what is now
    /// known of it.
    fn gather(&mut self, blocks: &Blocks, block: &Block, shift: usize) {
        let mut moved = block.clone();
        moved.range = block.range.start + shift..block.range.end + shift;
        self.doc.blocks.push(&moved);
        for mut inline in blocks.inlines(&block.range) {
            inline.range = inline.range.start + shift..inline.range.end + shift;
            self.doc.blocks.push_inline(&inline);
        }
        let mut told = Vec::new();
        self.starts.push(block.kind, &mut |s| told.push(s));
        self.told(&told);
    }

    /// The article is all in: the rest is read and printed.
    pub(super) fn finish(mut self) -> io::Result<()> {
        let mut told = Vec::new();
        self.starts.finish(&mut |s| told.push(s));
        self.told(&told);
        let len = self.whole.map_or(self.end(), str::len);
        self.fill_to(len);
        let mut cuts = Vec::new();
        self.windows
            .finish(&self.doc.text, self.base, len, &mut |at| cuts.push(at));
        cuts.push(len);
        for at in cuts {
            self.read_to(at);
        }
        self.print_to(self.doc.blocks.len());
        self.written.and_then(|()| self.out.flush())
    }

    /// Adds the whole's text up to `to` that lies between blocks.
    fn fill_to(&mut self, to: usize) {
        let from = self.end();
        if to <= from {
            return;
        }
        match self.whole.and_then(|w| w.get(from..to)) {
            Some(gap) => self.doc.text.push_str(gap),
            // Markdown's blocks stand apart by a blank line.
            None => self.doc.text.extend(std::iter::repeat_n('\n', to - from)),
        }
    }

    /// The blocks after those told their sections are told: `told` says,
    /// in order, whether each starts one; the windows are cut by them.
    fn told(&mut self, told: &[bool]) {
        let mut cuts = Vec::new();
        for &start in told {
            let i = self.sections.len();
            if start {
                self.section += 1;
            }
            self.sections.push(self.section);
            let range = self.doc.blocks.range(i);
            let whole = range.start + self.base..range.end + self.base;
            self.windows
                .block(&self.doc.text, self.base, whole, start, &mut |at| {
                    cuts.push(at)
                });
        }
        for at in cuts {
            self.read_to(at);
        }
    }

    /// Reads the window from where the last one ended to `to`.
    fn read_to(&mut self, to: usize) {
        let window = self.read - self.base..to - self.base;
        self.read = to;
        self.doc.dateline = self
            .dateline
            .clone()
            .filter(|d| d.start >= self.base)
            .map(|d| d.start - self.base..d.end - self.base);
        let found = crate::extract::extract_in(&self.doc, window);
        let ids: Vec<usize> = found.entities.iter().map(|e| self.joiner.join(e)).collect();
        for m in found.mentions {
            let block = self
                .doc
                .blocks
                .partition_point(|r| r.start <= m.start())
                .saturating_sub(1);
            let section = self.sections.get(block).copied().unwrap_or(self.section);
            let entity = ids.get(m.entity()).copied();
            let quiet = self
                .calm
                .quiet(&self.doc.text, &m, entity, section as usize);
            let r = m.range();
            let whole = Mention::new(r.start + self.base..r.end + self.base, m.kind(), 0);
            self.found.push_back((whole, quiet));
        }
    }

    /// Prints the blocks whose windows are read, and lets go of what no
    /// window needs any more.
    fn settle(&mut self) {
        let told = self.sections.len();
        let read = self.read - self.base;
        let mut end = self.printed;
        while end < told && self.doc.blocks.range(end).end <= read {
            end += 1;
        }
        self.print_to(end);
        // The window being gathered, and the blocks not printed, stay.
        let keep = match self.doc.blocks.get(self.printed) {
            Some(b) => b.range.start.min(read),
            None => read,
        };
        if keep >= crate::document::stream::PIECE_BYTES && keep * 2 >= self.doc.text.len() {
            self.drop_before(keep);
        }
    }

    /// Prints blocks from the first not printed up to `end`.
    fn print_to(&mut self, end: usize) {
        let from = self.printed;
        if end <= from {
            return;
        }
        self.printed = end;
        if self.written.is_err() {
            return;
        }
        let last = self.doc.blocks.range(end - 1).end + self.base;
        let mut mentions = Vec::new();
        let mut quiet = Vec::new();
        while let Some((m, q)) = self.found.front() {
            if m.start() >= last {
                break;
            }
            mentions.push(Mention::new(
                m.start() - self.base..m.end() - self.base,
                m.kind(),
                0,
            ));
            quiet.push(*q);
            self.found.pop_front();
        }
        let entities = Entities {
            mentions,
            entities: Vec::new(),
        };
        let quiet = Quiet::from_flags(&quiet);
        let options = self.options;
        let lit = crate::ui::ansi::Lit {
            highlight: options.highlight,
            level: options.level,
            quiet: (options.level == Level::First).then_some(&quiet),
        };
        let width = options.width.max(1);
        let lines = crate::layout::stream_lines_after(
            &self.doc,
            from..end,
            self.before.clone(),
            width,
            options.show_furniture,
            options.reveal,
        );
        self.written = crate::ui::ansi::write_lines(
            &self.doc, lines, width, &entities, lit, self.theme, self.out,
        );
        let shown = (from..end)
            .rev()
            .find(|&i| options.show_furniture || self.doc.blocks.kind(i) != BlockKind::Boilerplate);
        if let Some(i) = shown {
            self.before = Some(self.doc.blocks.at(i));
        }
    }

    /// Lets go of the text before `keep` (an offset into `doc.text`) and
    /// of the blocks printed, all of which end by then.
    fn drop_before(&mut self, keep: usize) {
        let printed = self.printed;
        let mut blocks = Blocks::default();
        for i in printed..self.doc.blocks.len() {
            let block = self.doc.blocks.at(i);
            let mut moved = block.clone();
            moved.range = block.range.start - keep..block.range.end - keep;
            blocks.push(&moved);
            for mut inline in self.doc.inlines(&block) {
                inline.range = inline.range.start - keep..inline.range.end - keep;
                blocks.push_inline(&inline);
            }
        }
        self.doc.blocks = blocks;
        self.doc.text.drain(..keep);
        self.sections.drain(..printed.min(self.sections.len()));
        self.printed = 0;
        self.base += keep;
    }
}
