//! Markdown articles through pulldown-cmark.
//!
//! The document text is what a reader sees: markup removed, entities decoded,
//! blocks joined by a blank line. Every run of text keeps its source range
//! from pulldown-cmark's offsets, so mentions map back to the file. Parsing is
//! one pass over the event stream with an explicit stack: no recursion, so
//! nesting depth cannot overflow anything.
//!
//! Enabled extensions: strikethrough, tables (a [`BlockKind::Table`] whose
//! cells are inline runs) and footnotes (a reference shows as `[1]`, its
//! note as a paragraph that starts `[1]`, where the note is written).
//! Definition lists and heading attributes stay off; the two together panic
//! on known inputs (pulldown-cmark#1110).
//!
//! Raw HTML shows its text, as a browser would, never its tags: an HTML
//! block becomes paragraphs (see `raw_html`), an inline tag is dropped
//! (`<br>` breaks the line).
//!
//! A paragraph that is only images (`![alt](src)`) is the images' alt text:
//! a [`BlockKind::Caption`].

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::sanitize;

use super::{
    BlockDraft, BlockKind, Blocks, Document, Format, Inline, InlineKind, MAX_DEPTH, Source,
    SourceMap, Span, furniture,
};

/// The parser options lede enables; fuzz targets use the same.
pub fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES
}

struct Builder<'a> {
    /// The normalised Markdown source (what pulldown-cmark reads).
    md: &'a str,
    /// The normalised source's own map back to the file.
    md_map: &'a SourceMap,
    text: String,
    /// Where `text` starts in the whole's text, once pieces were taken.
    taken: usize,
    map: SourceMap,
    blocks: Blocks,
    open: Option<BlockDraft>,
    /// Inline tags opened and not yet closed: kind and text start.
    inline_stack: Vec<(InlineKind, usize)>,
    quote_depth: usize,
    list_depth: usize,
    /// The next number of each open ordered list (`None` for bullets).
    list_numbers: Vec<Option<u64>>,
    /// Where the table being read is, if one is open.
    table: Option<TableCursor>,
    /// The raw HTML block being read: its source and where it is.
    html: Option<(String, std::ops::Range<usize>)>,
    /// Where the text of a footnote's note starts, right after its `[1] `,
    /// while nothing else is in it: its first paragraph continues it.
    note_start: Option<usize>,
}

/// The place in a table being read.
#[derive(Debug, Clone, Copy, Default)]
struct TableCursor {
    row: u32,
    column: u32,
    header: bool,
    /// Where the open cell's text starts.
    cell_start: usize,
}

/// Parses an article; `complete` is false for the start of one (no
/// trailing furniture, see [`super::Document::parse_start`]).
pub(super) fn parse(source: &Source, complete: bool) -> Document {
    parse_with(source, options(), complete)
}

/// [`parse`] in windows of about `window` bytes; tests use it to cut a
/// short text in many places.
#[cfg(test)]
pub(super) fn parse_windowed(source: Source, window: usize) -> Document {
    parse_in(source, options(), true, window)
}

/// [`parse_with`] in windows of about `window` bytes.
#[cfg(test)]
pub(super) fn parse_in(
    source: Source,
    options: Options,
    complete: bool,
    window: usize,
) -> Document {
    parse_source(&source, options, complete, window)
}

/// Parses with the given pulldown-cmark options; tests use it to reach known
/// parser panics behind options lede leaves off.
pub(super) fn parse_with(source: &Source, options: Options, complete: bool) -> Document {
    parse_source(source, options, complete, window_for(&source.text))
}

/// Lines of Markdown a window holds at most: pulldown-cmark's tree has a
/// node or two for each (its text, and a paragraph or item for a short
/// one), about 48 bytes a node, so a window's tree stays near 6 MB.
const WINDOW_LINES: usize = 128 * 1024;

/// The window `md` is parsed in: [`super::windows::WINDOW_BYTES`], or less
/// when its lines are so short that a window of that many bytes would
/// hold more than [`WINDOW_LINES`] (10 MB of `x\n\n`: a 25 MB tree at a
/// time, more than twice the text). The events are the same whatever the
/// window (`windows`), only the memory differs.
fn window_for(md: &str) -> usize {
    let most = super::windows::WINDOW_BYTES;
    if md.len() <= most {
        return most;
    }
    let lines = memchr::memchr_iter(b'\n', md.as_bytes()).count().max(1);
    let per_line = md.len() / lines;
    most.min(per_line.saturating_mul(WINDOW_LINES)).max(1)
}

/// Parses window by window (see `windows`). Borrows the source: the
/// caller keeps it to fall back on, and a copy of a large article's text
/// would cost as much as the text.
fn parse_source(source: &Source, options: Options, complete: bool, window: usize) -> Document {
    let Source {
        name,
        text: md,
        map: md_map,
        notices,
    } = source;
    let (name, notices) = (name.clone(), notices.clone());
    let mut b = Builder::new(md, md_map);
    let windowed = super::windows::for_each_event(md, options, window, &mut |event, range| {
        b.event(event, range)
    });
    if windowed.is_err() {
        // Rare (see `windows`): start again from one parse of the whole.
        b = Builder::new(md, md_map);
        for (event, range) in Parser::new_ext(md, options).into_offset_iter() {
            b.event(event, range);
        }
    }
    b.close_block();
    let Builder {
        text,
        map,
        mut blocks,
        ..
    } = b;

    furniture::mark(&text, &mut blocks, complete);

    // The title: the first level-1 heading when it opens the article.
    let title = blocks
        .iter()
        .position(|b| b.kind != BlockKind::Boilerplate)
        .filter(|&i| blocks.kind(i) == BlockKind::Heading { level: 1 });
    let dateline = title.and_then(|t| {
        let lead = blocks
            .get(t + 1)
            .filter(|b| b.kind == BlockKind::Paragraph)?;
        let range = lead_dateline_in(&text, &lead.range)?;
        blocks.insert_inline(&Inline {
            range: range.clone(),
            kind: InlineKind::Dateline,
        });
        Some(range)
    });

    let sections = super::build_sections(&text, &blocks);
    Document {
        meta: super::Meta::default(),
        name,
        format: Format::Markdown,
        text,
        blocks,
        sections,
        title,
        dateline,
        source_map: map,
        notices,
    }
}

fn lead_dateline_in(text: &str, range: &Span) -> Option<Span> {
    // News written in Markdown opens its lead the same way as plain text.
    super::dateline::lead_dateline(text, range)
}

/// [`parse`] of a whole article for print mode, handed to `piece` a few
/// hundred KB of text at a time (see `stream`): the blocks closed so far,
/// whenever nothing is open, as a document of their own whose text starts
/// at the first of them. Their kinds are as the parse of the whole sets
/// them before its furniture is marked (`stream` marks it). When the
/// windows cannot give the whole's events, `restart` is called and the
/// pieces start again from a parse of the whole.
/// Pieces hold about `piece_bytes` of text.
pub(super) fn stream(
    source: &Source,
    piece_bytes: usize,
    piece: &mut dyn FnMut(Document, usize),
    restart: &mut dyn FnMut(),
) {
    stream_in(
        source,
        window_for(&source.text),
        piece_bytes,
        piece,
        restart,
    );
}

/// [`stream`] in windows of about `window` bytes.
pub(super) fn stream_in(
    source: &Source,
    window: usize,
    piece_bytes: usize,
    piece: &mut dyn FnMut(Document, usize),
    restart: &mut dyn FnMut(),
) {
    let (md, md_map) = (source.text.as_str(), &source.map);
    let mut b = Builder::with_capacity(md, md_map, piece_bytes);
    let windowed = super::windows::for_each_event(md, options(), window, &mut |event, range| {
        b.event(event, range);
        if let Some((p, at)) = b.take_piece(piece_bytes) {
            piece(p, at);
        }
    });
    if windowed.is_err() {
        restart();
        b = Builder::with_capacity(md, md_map, piece_bytes);
        for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
            b.event(event, range);
            if let Some((p, at)) = b.take_piece(piece_bytes) {
                piece(p, at);
            }
        }
    }
    b.close_block();
    if let Some((p, at)) = b.take_piece(0) {
        piece(p, at);
    }
}

impl<'a> Builder<'a> {
    fn new(md: &'a str, md_map: &'a SourceMap) -> Self {
        Self::with_capacity(md, md_map, md.len())
    }

    fn with_capacity(md: &'a str, md_map: &'a SourceMap, capacity: usize) -> Self {
        Builder {
            md,
            md_map,
            text: String::with_capacity(capacity),
            taken: 0,
            map: SourceMap::default(),
            blocks: Blocks::default(),
            open: None,
            inline_stack: Vec::new(),
            quote_depth: 0,
            list_depth: 0,
            list_numbers: Vec::new(),
            table: None,
            html: None,
            note_start: None,
        }
    }

    /// The blocks closed so far, as a piece of the article (see
    /// [`stream`]), once their text is `at_least` bytes long and nothing
    /// is open, with the offset in the whole's text where it starts: then
    /// no offset into the text is kept but the map's and the blocks',
    /// which go with it. The next block starts the next piece's text with
    /// no blank line before it, which no block holds (the whole has the
    /// two bytes of one there).
    fn take_piece(&mut self, at_least: usize) -> Option<(Document, usize)> {
        let open = self.open.is_some()
            || !self.inline_stack.is_empty()
            || self.table.is_some()
            || self.html.is_some()
            || self.note_start.is_some();
        if open || self.text.len() < at_least || self.blocks.is_empty() {
            return None;
        }
        self.map = SourceMap::default();
        let text = std::mem::take(&mut self.text);
        let blocks = std::mem::take(&mut self.blocks);
        let at = self.taken;
        self.taken += text.len() + "\n\n".len();
        Some((super::stream::piece(Format::Markdown, text, blocks), at))
    }

    fn clamp(depth: usize) -> u8 {
        depth.min(MAX_DEPTH as usize) as u8
    }

    fn start_block(&mut self, kind: BlockKind) {
        self.close_block();
        if !self.text.is_empty() {
            self.push_separator("\n\n");
        }
        let start = self.text.len();
        let mut block = BlockDraft::new(start..start, kind);
        block.quote_depth = Self::clamp(self.quote_depth);
        block.list_depth = Self::clamp(self.list_depth);
        self.open = Some(block);
    }

    fn close_block(&mut self) {
        let Some(mut block) = self.open.take() else {
            return;
        };
        // Close inline runs left open by malformed nesting.
        while let Some((kind, start)) = self.inline_stack.pop() {
            block.inlines.push(Inline {
                range: start..self.text.len(),
                kind,
            });
        }
        let content_end = self.text.trim_end().len().max(block.range.start);
        if content_end == block.range.start && block.kind != BlockKind::Rule {
            // An empty block: drop it and the separator before it.
            let keep = block.range.start.saturating_sub(2);
            self.truncate_text(keep);
            return;
        }
        self.truncate_text(content_end);
        block.range.end = content_end;
        for inline in &mut block.inlines {
            inline.range.end = inline.range.end.min(content_end);
        }
        block.inlines.retain(|i| !i.range.is_empty());
        block.inlines.sort_by_key(|i| i.range.start);
        if block.kind == BlockKind::Paragraph && only_images(&self.text, &block) {
            block.kind = BlockKind::Caption;
        }
        self.blocks.push_draft(block);
    }

    /// Appends whitespace that stands for no source bytes of its own (it
    /// maps to an empty source range at the previous end): the blank line
    /// between blocks, the tab between table cells.
    fn push_separator(&mut self, s: &str) {
        let at = self.text.len();
        self.text.push_str(s);
        let src = self.map.to_source_end(at);
        self.map.push(at..self.text.len(), src..src);
    }

    fn truncate_text(&mut self, len: usize) {
        if len < self.text.len() {
            self.text.truncate(len);
            self.map.truncate(len);
        }
    }

    fn ensure_block(&mut self) {
        if self.open.is_none() {
            let kind = if self.list_depth > 0 {
                BlockKind::ListItem { ordinal: None }
            } else {
                BlockKind::Paragraph
            };
            self.start_block(kind);
        }
    }

    /// Appends text that came from `source` (offsets in the Markdown source).
    fn push_text(&mut self, s: &str, source: std::ops::Range<usize>) {
        self.ensure_block();
        let start = self.text.len();
        self.text.push_str(s);
        // A verbatim run maps byte for byte; a decoded one (an entity) maps
        // as a whole to the source it came from.
        let file_range = self.md_map.range_to_source(source.clone());
        self.fill_separator(source.start, file_range.start);
        self.map.push(start..self.text.len(), file_range);
    }

    /// Maps the separator just pushed, if any, to the source bytes right
    /// before a run starting at `md_at` (`file_at` in the file) when those
    /// are the same text: the blank line between two paragraphs. Then the
    /// paragraphs and the separator are one run of the map; mapped to no
    /// bytes, a separator would cost a run of its own and keep the runs on
    /// either side apart (99 MB of `x\n\n` would need 66 M runs).
    fn fill_separator(&mut self, md_at: usize, file_at: usize) {
        let Some((text, _)) = self.map.trailing_gap() else {
            return;
        };
        let Some(md_gap) = md_at.checked_sub(text.len()).map(|s| s..md_at) else {
            return;
        };
        if self.md.get(md_gap.clone()) != self.text.get(text.clone()) {
            return;
        }
        let file_gap = self.md_map.range_to_source(md_gap);
        if file_gap.end == file_at {
            self.map.fill_trailing_gap(file_gap);
        }
    }

    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(s) => self.push_text(&s, text_source(self.md, &s, range)),
            Event::Code(s) => {
                let start = self.text.len();
                let inner = text_source(self.md, &s, range);
                self.push_text(&s, inner);
                self.push_inline(start, InlineKind::Code);
            }
            Event::Html(s) => match self.html.as_mut() {
                Some((html, at)) => {
                    html.push_str(&s);
                    at.end = at.end.max(range.end);
                }
                None => self.push_html_text(&s, range),
            },
            Event::InlineHtml(s) => {
                let tag = s.trim_start_matches('<').trim_start_matches('/');
                if tag.len() >= 2 && tag[..2].eq_ignore_ascii_case("br") {
                    let start = self.text.len();
                    self.push_text("\n", range);
                    self.push_inline(start, InlineKind::HardBreak);
                }
            }
            Event::SoftBreak => self.push_text("\n", range),
            Event::HardBreak => {
                let start = self.text.len();
                self.push_text("\n", range);
                self.push_inline(start, InlineKind::HardBreak);
            }
            Event::Rule => {
                self.start_block(BlockKind::Rule);
                let start = self.text.len();
                self.text.push('―');
                let src = self.md_map.range_to_source(range);
                self.map.push(start..self.text.len(), src);
                self.close_block();
            }
            Event::TaskListMarker(done) => {
                self.push_text(if done { "[x] " } else { "[ ] " }, range);
            }
            Event::FootnoteReference(s) => self.push_text(&format!("[{s}]"), range),
            Event::InlineMath(s) | Event::DisplayMath(s) => self.push_text(&s, range),
        }
    }

    fn push_inline(&mut self, start: usize, kind: InlineKind) {
        let end = self.text.len();
        if let Some(block) = self.open.as_mut() {
            block.inlines.push(Inline {
                range: start..end,
                kind,
            });
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: std::ops::Range<usize>) {
        match tag {
            Tag::Paragraph => {
                // The first paragraph of a list item continues the item, a
                // footnote's continues its note.
                let in_fresh_item = self.open.as_ref().is_some_and(|b| {
                    matches!(b.kind, BlockKind::ListItem { .. }) && b.range.start == self.text.len()
                });
                let in_fresh_note = self.open.is_some() && self.note_start == Some(self.text.len());
                if !in_fresh_item && !in_fresh_note {
                    self.start_block(BlockKind::Paragraph);
                }
            }
            Tag::Heading { level, .. } => {
                self.start_block(BlockKind::Heading { level: level as u8 })
            }
            Tag::BlockQuote(_) => {
                self.close_block();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => self.start_block(BlockKind::Code),
            Tag::List(first) => {
                self.close_block();
                self.list_depth += 1;
                self.list_numbers.push(first);
            }
            Tag::Item => {
                let ordinal = self.list_numbers.last_mut().and_then(|n| {
                    let current = *n;
                    if let Some(v) = n.as_mut() {
                        *v += 1;
                    }
                    current
                });
                self.start_block(BlockKind::ListItem { ordinal });
            }
            Tag::Emphasis => self.open_inline(InlineKind::Emphasis),
            Tag::Strong => self.open_inline(InlineKind::Strong),
            Tag::Strikethrough => self.open_inline(InlineKind::Strikethrough),
            // Targets are kept percent-encoded: entities in them are already
            // decoded (`&#27;` is a real ESC here), and a target is shown
            // and opened, never drawn as markup.
            Tag::Link { dest_url, .. } => self.open_inline(InlineKind::Link {
                target: sanitize::link_target(&dest_url),
            }),
            Tag::Image { dest_url, .. } => self.open_inline(InlineKind::Image {
                target: sanitize::link_target(&dest_url),
            }),
            Tag::HtmlBlock => {
                self.close_block();
                self.html = Some((String::new(), range.start..range.start));
            }
            Tag::FootnoteDefinition(label) => {
                self.start_block(BlockKind::Paragraph);
                self.push_text(&format!("[{label}] "), range.start..range.start);
                self.note_start = Some(self.text.len());
            }
            Tag::Table(_) => {
                self.start_block(BlockKind::Table);
                self.table = Some(TableCursor::default());
            }
            Tag::TableHead => self.start_row(true),
            Tag::TableRow => self.start_row(false),
            Tag::TableCell => {
                let Some(mut t) = self.table else { return };
                if t.column > 0 {
                    self.push_separator("\t");
                }
                t.cell_start = self.text.len();
                self.table = Some(t);
            }
            _ => {}
        }
    }

    /// Starts a table row: a line break after the row before it.
    fn start_row(&mut self, header: bool) {
        let Some(mut t) = self.table else { return };
        if self
            .open
            .as_ref()
            .is_some_and(|b| b.range.start < self.text.len())
        {
            self.push_separator("\n");
        }
        t.header = header;
        t.column = 0;
        self.table = Some(t);
    }

    fn end_cell(&mut self) {
        let Some(mut t) = self.table else { return };
        self.push_inline(
            t.cell_start,
            InlineKind::TableCell {
                row: t.row,
                column: t.column,
                header: t.header,
            },
        );
        t.column = t.column.saturating_add(1);
        self.table = Some(t);
    }

    /// What an HTML block shows: a paragraph for each line of its text,
    /// each mapped as a whole to the block's source.
    fn push_html_text(&mut self, html: &str, source: std::ops::Range<usize>) {
        self.close_block();
        for line in super::raw_html::text(html).lines() {
            self.start_block(BlockKind::Paragraph);
            self.push_text(line, source.clone());
            self.close_block();
        }
    }

    fn open_inline(&mut self, kind: InlineKind) {
        self.ensure_block();
        self.inline_stack.push((kind, self.text.len()));
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item => {
                self.close_block()
            }
            TagEnd::HtmlBlock => {
                if let Some((html, at)) = self.html.take() {
                    self.push_html_text(&html, at);
                }
            }
            TagEnd::FootnoteDefinition => {
                self.note_start = None;
                self.close_block();
            }
            TagEnd::Table => {
                self.close_block();
                self.table = None;
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.row = t.row.saturating_add(1);
                }
            }
            TagEnd::TableCell => self.end_cell(),
            TagEnd::BlockQuote(_) => {
                self.close_block();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.close_block();
                self.list_depth = self.list_depth.saturating_sub(1);
                self.list_numbers.pop();
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image => {
                if let Some((kind, start)) = self.inline_stack.pop() {
                    self.push_inline(start, kind);
                }
            }
            _ => {}
        }
    }
}

/// True when every visible character of a block lies in an image's alt text.
fn only_images(text: &str, block: &BlockDraft) -> bool {
    let mut at = block.range.start;
    let mut any = false;
    for inline in &block.inlines {
        if let InlineKind::Image { .. } = inline.kind {
            if inline.range.start < at {
                continue;
            }
            if !text[at..inline.range.start].trim().is_empty() {
                return false;
            }
            at = inline.range.end;
            any = true;
        }
    }
    any && text[at..block.range.end].trim().is_empty()
}

/// The source range of a text event: pulldown-cmark gives the range of the
/// whole construct for some events (code spans include their backticks); find
/// the text inside it when it is there verbatim.
fn text_source(md: &str, s: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    match md.get(range.clone()) {
        Some(slice) if slice == s => range,
        // A decoded entity stands for its whole source.
        Some(slice) if slice.starts_with('&') && slice.ends_with(';') => range,
        Some(slice) => match slice.find(s) {
            Some(i) if !s.is_empty() => range.start + i..range.start + i + s.len(),
            _ => range,
        },
        None => range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(md: &str) -> Source {
        super::super::load::decode("a.md", md.as_bytes()).expect("text")
    }

    #[test]
    fn short_lines_get_a_narrower_window_with_the_same_document() {
        let short = "# Title\n\nA paragraph.\n";
        assert_eq!(window_for(short), super::super::windows::WINDOW_BYTES);
        let prose = "A paragraph of news, as long as they come. ".repeat(20) + "\n\n";
        let long = prose.repeat(2 * super::super::windows::WINDOW_BYTES / prose.len());
        assert_eq!(window_for(&long), super::super::windows::WINDOW_BYTES);
        let md = format!("# Title\n\n{}", "x\n\n".repeat(400_000));
        // A line and a half a block: no more than that many lines.
        let window = window_for(&md);
        assert!(window <= 2 * WINDOW_LINES, "{window}");
        let whole = parse_in(source(&md), options(), true, usize::MAX);
        let doc = parse(&source(&md), true);
        assert_eq!(doc.text, whole.text);
        assert_eq!(doc.blocks, whole.blocks);
        assert_eq!(doc.sections, whole.sections);
        assert_eq!((doc.title, doc.dateline), (whole.title, whole.dateline));
    }
}
