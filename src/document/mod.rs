//! The document model: an article as one owned text, split into blocks and
//! sections, every part a byte range into that text.
//!
//! `load` decodes bytes into a [`Source`]; `parse` turns a source into a
//! [`Document`] with the plain-text rules or pulldown-cmark. This layer knows
//! nothing of the terminal: it speaks of meanings (a heading, a dateline, page
//! furniture), never of colours.
//!
//! Invariants (checked by property tests): blocks are sorted and never
//! overlap; the text outside blocks is whitespace only; every non-whitespace
//! character of the text is in exactly one block; sections tile the blocks in
//! order; every range lies on `char` boundaries.

mod blocks;
mod dateline;
mod furniture;
pub mod html;
pub mod load;
mod markdown;
mod plain;
mod raw_html;
mod source_map;
pub mod start;
pub mod stream;
mod windows;

use std::ops::Range;

pub use blocks::Blocks;
pub use load::{Format, LoadError, Source};
pub use markdown::options as markdown_options;
pub use source_map::SourceMap;

/// A byte range into [`Document::text`].
pub type Span = Range<usize>;

/// What a block is, in the reader's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BlockKind {
    /// The article's title.
    Title,
    /// A block that is only a date or a place-and-date line under the title.
    Dateline,
    /// The line of metadata under a web page's title (authors, date,
    /// site, section): not body.
    Byline,
    Paragraph,
    /// A subheading (plain text) or a Markdown heading, level 1-6.
    Heading {
        level: u8,
    },
    /// A list item; `ordinal` is its number in an ordered list.
    ListItem {
        ordinal: Option<u64>,
    },
    /// Preformatted text: every line break is kept.
    Code,
    /// A thematic break.
    Rule,
    /// Page furniture a scraper dragged along ("Add a Comment").
    Boilerplate,
    /// A table: rows of cells. Each cell's text is an
    /// [`InlineKind::TableCell`] run that says its row and column; in the
    /// text, cells are separated by a tab and rows by a line break.
    Table,
    /// An image's alt text or a figure's caption: shown dimmed, not body
    /// text, never a section's heading.
    Caption,
}

/// The inline meaning of a run inside a block.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum InlineKind {
    Emphasis,
    Strong,
    Strikethrough,
    Code,
    Link {
        target: String,
    },
    Image {
        target: String,
    },
    /// The place (and agency) that opens the first paragraph of a report.
    Dateline,
    /// A forced line break; its range is the `\n` that stands for it.
    HardBreak,
    /// One cell of a [`BlockKind::Table`]: its row and column (from 0; a
    /// cell missing from a short row is an empty one) and whether it is a
    /// header cell. An empty cell has no run.
    TableCell {
        row: u32,
        column: u32,
        header: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Inline {
    pub range: Span,
    #[serde(flatten)]
    pub kind: InlineKind,
}

/// A block, as [`Blocks`] hands it out: a small value made on the fly
/// (the blocks are stored packed). Its inline runs are
/// [`Blocks::inlines`] of its range.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Block {
    /// The block's text, without the blank lines around it.
    pub range: Span,
    #[serde(flatten)]
    pub kind: BlockKind,
    /// How many block quotes hold this block (clamped to [`MAX_DEPTH`]).
    pub quote_depth: u8,
    /// How many lists hold this block (clamped to [`MAX_DEPTH`]).
    pub list_depth: u8,
}

/// Nesting deeper than this is drawn flat: a 40,000-deep quote must not push
/// text off the screen.
pub const MAX_DEPTH: u8 = 16;

impl Block {
    pub fn new(range: Span, kind: BlockKind) -> Self {
        Self {
            range,
            kind,
            quote_depth: 0,
            list_depth: 0,
        }
    }

    /// True when a line break inside the block is a real break, not a soft
    /// wrap of the source.
    pub fn keeps_line_breaks(&self) -> bool {
        matches!(self.kind, BlockKind::Code)
    }
}

/// A block being built, with its own inline runs (sorted by start, or put
/// in order when it is added): what the Markdown and HTML readers fill in
/// before a block goes into [`Blocks`] ([`Blocks::push_draft`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BlockDraft {
    pub range: Span,
    pub kind: BlockKind,
    pub quote_depth: u8,
    pub list_depth: u8,
    pub inlines: Vec<Inline>,
}

impl BlockDraft {
    pub fn new(range: Span, kind: BlockKind) -> Self {
        Self {
            range,
            kind,
            quote_depth: 0,
            list_depth: 0,
            inlines: Vec::new(),
        }
    }
}

/// A section: a heading and the blocks under it, up to the next heading of any
/// level. An index into the blocks, not a copy.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    /// The block that heads the section (title or heading), if any.
    pub heading: Option<usize>,
    /// What the outline shows for it.
    pub title: String,
    /// 0 for the title's section, 1-6 for headings.
    pub level: u8,
    /// The blocks it holds, heading included.
    pub blocks: Range<usize>,
    /// Page furniture: drawn dimmed, hideable.
    pub boilerplate: bool,
}

/// An article, parsed.
#[derive(Debug, Clone)]
pub struct Document {
    pub name: String,
    pub format: Format,
    pub text: String,
    pub blocks: Blocks,
    pub sections: Vec<Section>,
    /// The title block, if the article has one.
    pub title: Option<usize>,
    /// The dateline at the start of the lead, if any.
    pub dateline: Option<Span>,
    pub source_map: SourceMap,
    /// Things the reader should be told about this article.
    pub notices: Vec<String>,
    /// What a web page says about its article (empty for text).
    pub meta: Meta,
}

/// Bytes decoded ([`Document::decode_vec`]).
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "one per file, moved once; boxing buys nothing"
)]
pub enum Decoded {
    /// Plain text or Markdown, not yet parsed.
    Text(Source, Format),
    /// A web page, parsed (its article is chosen from the whole page).
    Page(Document),
}

/// What a web page says about its article beyond its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The headline as chosen (also the title block's text).
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Publication and last update, as the page writes them (ISO 8601
    /// mostly).
    pub published: Option<String>,
    pub updated: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    pub description: Option<String>,
}

impl Meta {
    pub fn is_empty(&self) -> bool {
        *self == Meta::default()
    }
}

impl Document {
    /// Parses a decoded source in the given format. A Markdown parser panic
    /// falls back to the plain-text rules with a notice.
    pub fn parse(source: Source, format: Format) -> Self {
        Self::parse_extent(source, format, true)
    }

    /// Parses the start of an article, cut where its blocks parse as they
    /// do in the whole (see [`start`]): page furniture is marked only at
    /// the start, and the last block is not taken for the article's last.
    pub fn parse_start(source: Source, format: Format) -> Self {
        Self::parse_extent(source, format, false)
    }

    fn parse_extent(source: Source, format: Format, complete: bool) -> Self {
        let mut doc = match format {
            Format::Plain => plain::parse(source, complete),
            Format::Markdown => parse_guarded(source, |s| markdown::parse(s, complete)),
            Format::Html => parse_html_guarded(source),
        };
        // Built by pushing, so up to half of each is spare room; a long
        // article keeps its model for as long as it is open (5 MB of
        // Markdown: 2 MB less).
        doc.text.shrink_to_fit();
        doc.blocks.shrink_to_fit();
        doc.sections.shrink_to_fit();
        doc.source_map.shrink_to_fit();
        if doc.blocks.is_empty() {
            doc.notices.push(if doc.text.is_empty() {
                "the file is empty".to_string()
            } else {
                "the file holds only blank lines".to_string()
            });
        }
        doc
    }

    /// A web page: its bytes, the charset its transport named (a
    /// `Content-Type` header) and the URL it came from, if any. What every
    /// source of pages (a file, a pipe, a fetch) calls; never does I/O.
    pub fn from_html(name: &str, bytes: &[u8], charset: Option<&str>, url: Option<&str>) -> Self {
        let decoded = std::panic::catch_unwind(|| html::decode(name, bytes, charset));
        let source = decoded.unwrap_or_else(|_| Source {
            name: name.to_string(),
            text: String::from_utf8_lossy(bytes).into_owned(),
            map: SourceMap::identity(bytes.len()),
            notices: Vec::new(),
        });
        Self::from_decoded_html(source, url)
    }

    /// [`Document::from_html`], taking the bytes: a UTF-8 page becomes
    /// its own text without a copy.
    pub fn from_html_vec(
        name: &str,
        bytes: Vec<u8>,
        charset: Option<&str>,
        url: Option<&str>,
    ) -> Self {
        let decoded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            html::decode_owned(name, bytes, charset)
        }));
        let source = decoded.unwrap_or_else(|_| undecoded(name));
        Self::from_decoded_html(source, url)
    }

    fn from_decoded_html(source: Source, url: Option<&str>) -> Self {
        let guarded = std::panic::catch_unwind(|| html::parse_source(&source, url));
        match guarded {
            Ok(doc) => doc.html_done(),
            Err(_) => html_failed(source),
        }
    }

    /// A page for the reader: the document's first screens, and when the
    /// page holds more, the rest of the work to get the whole (to be done
    /// after the first frame). Only building the document is left to it:
    /// the article is chosen from the whole page first, so the start is
    /// the whole's start (see [`html::Emitted::Start`]).
    pub fn html_start(name: &str, bytes: Vec<u8>) -> (Self, Option<WholePage>) {
        let decoded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            html::decode_owned(name, bytes, None)
        }));
        let Ok(source) = decoded else {
            return (Self::from_decoded_html(undecoded(name), None), None);
        };
        let started = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let prepared = html::prepare(&source, None);
            match prepared.emit(&source, Some(HTML_START_TEXT)) {
                html::Emitted::Whole(doc) => (doc, None),
                html::Emitted::Start(doc) => (doc, Some(prepared)),
            }
        }));
        match started {
            Err(_) => (html_failed(source), None),
            Ok((doc, None)) => (doc.html_done(), None),
            Ok((doc, Some(prepared))) => {
                let whole = move || {
                    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        match prepared.emit(&source, None) {
                            html::Emitted::Whole(doc) | html::Emitted::Start(doc) => doc,
                        }
                    }));
                    match built {
                        Ok(doc) => doc.html_done(),
                        Err(_) => html_failed(source),
                    }
                };
                (doc.html_done(), Some(Box::new(whole)))
            }
        }
    }

    /// A page's document as built: trimmed, and said so when empty.
    fn html_done(mut self) -> Self {
        let doc = &mut self;
        doc.text.shrink_to_fit();
        doc.blocks.shrink_to_fit();
        doc.sections.shrink_to_fit();
        doc.source_map.shrink_to_fit();
        if doc.blocks.is_empty() {
            doc.notices
                .push("the page has no readable text".to_string());
        }
        self
    }

    /// Decodes bytes and parses them; the format comes from the name, else
    /// from the text.
    pub fn from_bytes(name: &str, bytes: &[u8], format: Option<Format>) -> Result<Self, LoadError> {
        if is_html(name, bytes, format) {
            return Ok(Self::from_html(name, bytes, None, None));
        }
        let source = load::decode(name, bytes)?;
        let format = format
            .or_else(|| Format::from_name(name))
            .unwrap_or_else(|| Format::sniff(&source.text));
        Ok(Self::parse(source, format))
    }

    /// [`Document::from_bytes`], taking the bytes: text that needs no
    /// decoding becomes the document's without a copy, and the bytes are
    /// gone before parsing starts, so a large article is never held twice.
    pub fn from_vec(name: &str, bytes: Vec<u8>, format: Option<Format>) -> Result<Self, LoadError> {
        Ok(match Self::decode_vec(name, bytes, format)? {
            Decoded::Text(source, format) => Self::parse(source, format),
            Decoded::Page(doc) => doc,
        })
    }

    /// [`Document::from_vec`] short of parsing text: print mode parses it
    /// a piece at a time ([`stream`]). A web page is parsed.
    pub fn decode_vec(
        name: &str,
        bytes: Vec<u8>,
        format: Option<Format>,
    ) -> Result<Decoded, LoadError> {
        if is_html(name, &bytes, format) {
            return Ok(Decoded::Page(Self::from_html_vec(name, bytes, None, None)));
        }
        let source = load::decode_owned(name, bytes)?;
        let format = format
            .or_else(|| Format::from_name(name))
            .unwrap_or_else(|| Format::sniff(&source.text));
        Ok(Decoded::Text(source, format))
    }

    /// Reads and parses a file (opened read-only).
    pub fn open(path: &std::path::Path) -> Result<Self, LoadError> {
        let bytes = load::read_path(path)?;
        let name = path.display().to_string();
        Self::from_vec(&name, bytes, None)
    }

    /// The text of a range.
    /// What the status line and the tab bar call the article: a web
    /// page's title (a saved page's file name is often a hash or a slug),
    /// else the file's name without its folders. Not yet cleaned.
    pub fn short_name(&self) -> String {
        if self.format == Format::Html
            && let Some(title) = self.meta.title.as_deref().filter(|t| !t.trim().is_empty())
        {
            return title.to_string();
        }
        std::path::Path::new(&self.name)
            .file_name()
            .map_or_else(|| self.name.clone(), |n| n.to_string_lossy().into_owned())
    }

    pub fn slice(&self, range: &Span) -> &str {
        &self.text[range.clone()]
    }

    /// The section holding a block.
    pub fn section_of_block(&self, block: usize) -> usize {
        self.sections
            .partition_point(|s| s.blocks.end <= block)
            .min(self.sections.len().saturating_sub(1))
    }

    /// The block holding (or next after) a text offset.
    pub fn block_at(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|r| r.end <= offset)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// The inline runs of a block, sorted by start (they may nest).
    pub fn inlines(&self, block: &Block) -> impl Iterator<Item = Inline> + '_ {
        self.blocks.inlines(&block.range)
    }

    /// Paragraph-like blocks an extractor should read: everything but code,
    /// rules and page furniture.
    pub fn prose_blocks(&self) -> impl Iterator<Item = Block> + '_ {
        self.blocks.iter().filter(is_prose)
    }

    /// [`Document::prose_blocks`] that overlap a text range, found by
    /// search: an extractor reading a long article window by window does
    /// not walk every block for each window.
    pub fn prose_blocks_in(&self, range: Span) -> impl Iterator<Item = Block> + '_ {
        let first = self.blocks.partition_point(|r| r.end <= range.start);
        (first..self.blocks.len())
            .map(|i| self.blocks.at(i))
            .take_while(move |b| b.range.start < range.end)
            .filter(is_prose)
    }
}

/// True for a block an extractor reads (see [`Document::prose_blocks`]).
fn is_prose(block: &Block) -> bool {
    !matches!(
        block.kind,
        BlockKind::Code | BlockKind::Rule | BlockKind::Boilerplate | BlockKind::Byline
    )
}

/// True when bytes are to be read as a web page: the format says so, or
/// the name does, or (no format, no telling name) the start looks like
/// HTML.
fn is_html(name: &str, bytes: &[u8], format: Option<Format>) -> bool {
    match format.or_else(|| Format::from_name(name)) {
        Some(f) => f == Format::Html,
        None => html::sniff(bytes),
    }
}

/// Bytes of text the reader's start of a page holds at least
/// ([`Document::html_start`]): two screens of body text at 200x60 and
/// more, built in half a millisecond where the whole document of a
/// generated 1 MB page takes ten.
pub const HTML_START_TEXT: usize = 16 * 1024;

/// The rest of the work to get a page's whole document.
pub type WholePage = Box<dyn FnOnce() -> Document + Send>;

/// A decoder bug loses the bytes it took: an empty page, said so.
fn undecoded(name: &str) -> Source {
    Source {
        name: name.to_string(),
        text: String::new(),
        map: SourceMap::default(),
        notices: vec!["the page could not be decoded".to_string()],
    }
}

/// What a page whose reader failed is shown as: its text, said so.
fn html_failed(source: Source) -> Document {
    let mut doc = plain::parse(source, true);
    doc.notices
        .push("the HTML reader failed; shown as plain text".to_string());
    doc.html_done()
}

/// The HTML reader from a decoded source (the start of a long file is
/// never cut for a page: pages are read whole).
fn parse_html_guarded(source: Source) -> Document {
    Document::from_html(&source.name, source.text.as_bytes(), Some("utf-8"), None)
}

/// Runs a parser, falling back to the plain-text rules with a notice when it
/// panics: a parser bug must not take the reader (and the terminal) down.
/// Parse before the terminal is set up, or the panic hook that restores the
/// terminal runs for a panic that is caught here.
fn parse_guarded(source: Source, parse: impl FnOnce(&Source) -> Document) -> Document {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(&source))) {
        Ok(doc) => doc,
        Err(_) => {
            let mut doc = plain::parse(source, true);
            doc.notices
                .push("the Markdown parser failed; shown as plain text".to_string());
            doc
        }
    }
}

/// Builds sections from blocks: a new section at the title, at each heading,
/// and at the first block of trailing or leading furniture (furniture
/// between two pieces of body stays in the section it falls in, so a page
/// that sprinkles it through the article keeps an outline of its
/// headings, not one entry per stray piece). A section that
/// starts with no heading is named after its first block that is not a
/// caption: a caption never names a section.
/// Marks the dateline at the start of block `i` of `doc` (its lead), if
/// one is there: an inline run, and the document's dateline.
fn dateline_into(doc: &mut Document, i: usize) {
    if let Some(range) = dateline::lead_dateline(&doc.text, &doc.blocks.range(i)) {
        doc.blocks.insert_inline(&Inline {
            range: range.clone(),
            kind: InlineKind::Dateline,
        });
        doc.dateline = Some(range);
    }
}

/// Which blocks start a section, told as the blocks come (styled print
/// reads an article a piece at a time): [`build_sections`]'s rule, the
/// same answers in the same order. Page furniture after the body's first
/// block starts a section only when no body block follows it, so the
/// answers for it, and for the blocks after it, wait for the next body
/// block or the end.
#[derive(Debug, Clone, Default)]
pub struct SectionStarts {
    /// A section was started.
    any: bool,
    /// The last section started is furniture.
    last_boilerplate: bool,
    /// A body block was seen.
    body_seen: bool,
    /// Kinds whose answer waits, from the first furniture block after a
    /// body block on.
    waiting: std::collections::VecDeque<BlockKind>,
}

impl SectionStarts {
    fn is_body(kind: BlockKind) -> bool {
        !matches!(
            kind,
            BlockKind::Boilerplate | BlockKind::Title | BlockKind::Byline | BlockKind::Caption
        )
    }

    /// The next block's kind; `starts` hears the answers now known, in
    /// block order.
    pub fn push(&mut self, kind: BlockKind, starts: &mut dyn FnMut(bool)) {
        let body = Self::is_body(kind);
        if !self.waiting.is_empty() || (kind == BlockKind::Boilerplate && self.body_seen) {
            self.waiting.push_back(kind);
            if body {
                // The furniture waiting lies inside the body.
                self.release(true, starts);
            }
            return;
        }
        let start = self.decide(kind, false);
        self.body_seen |= body;
        starts(start);
    }

    /// The article is all in: the furniture waiting ends it.
    pub fn finish(&mut self, starts: &mut dyn FnMut(bool)) {
        self.release(false, starts);
    }

    fn release(&mut self, in_body: bool, starts: &mut dyn FnMut(bool)) {
        while let Some(kind) = self.waiting.pop_front() {
            let start = self.decide(kind, in_body);
            self.body_seen |= Self::is_body(kind);
            starts(start);
        }
    }

    /// Whether a block of `kind` starts a section; for furniture,
    /// `in_body` says a body block comes before it and one after.
    fn decide(&mut self, kind: BlockKind, in_body: bool) -> bool {
        let start = match kind {
            BlockKind::Title | BlockKind::Heading { .. } => true,
            BlockKind::Boilerplate if in_body && self.any => false,
            BlockKind::Boilerplate => !self.any || !self.last_boilerplate,
            _ => !self.any || self.last_boilerplate,
        };
        if start {
            self.any = true;
            self.last_boilerplate = kind == BlockKind::Boilerplate;
        }
        start
    }
}

fn build_sections(text: &str, blocks: &Blocks) -> Vec<Section> {
    build_named_sections(text, blocks, |_| None)
}

/// [`build_sections`], with boilerplate named by what it is where the
/// format knows (`name_of` a block): a run of boilerplate is one section
/// per name, named by it, rather than one named by its first words.
fn build_named_sections<'n>(
    text: &str,
    blocks: &Blocks,
    name_of: impl Fn(usize) -> Option<&'n str>,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut last_name = None;
    let is_body = |b: &Block| {
        !matches!(
            b.kind,
            BlockKind::Boilerplate | BlockKind::Title | BlockKind::Byline | BlockKind::Caption
        )
    };
    let body = blocks
        .iter()
        .position(|b| is_body(&b))
        .unwrap_or(blocks.len())
        ..blocks.iter().rposition(|b| is_body(&b)).unwrap_or(0);
    for i in 0..blocks.len() {
        let block = blocks.at(i);
        let name = match block.kind {
            BlockKind::Boilerplate => name_of(i),
            _ => None,
        };
        let starts = match block.kind {
            BlockKind::Title | BlockKind::Heading { .. } => true,
            BlockKind::Boilerplate if body.contains(&i) && !sections.is_empty() => false,
            BlockKind::Boilerplate => {
                sections.last().is_none_or(|s| !s.boilerplate)
                    || (name.is_some() && name != last_name)
            }
            _ => sections.last().is_none_or(|s| s.boilerplate),
        };
        last_name = name;
        if starts {
            if let Some(last) = sections.last_mut() {
                last.blocks.end = i;
            }
            let (heading, level) = match block.kind {
                BlockKind::Title => (Some(i), 0),
                BlockKind::Heading { level } => (Some(i), level),
                _ => (None, 0),
            };
            let named = match heading {
                Some(_) => block.clone(),
                None => (i..blocks.len())
                    .map(|j| blocks.at(j))
                    .take_while(|b| {
                        !matches!(b.kind, BlockKind::Title | BlockKind::Heading { .. })
                            && (b.kind == BlockKind::Boilerplate)
                                == (block.kind == BlockKind::Boilerplate)
                    })
                    .find(|b| b.kind != BlockKind::Caption)
                    .unwrap_or_else(|| block.clone()),
            };
            let title = match name {
                Some(name) => outline_title(name),
                None => outline_title(&text[named.range.clone()]),
            };
            sections.push(Section {
                heading,
                title,
                level,
                blocks: i..i + 1,
                boilerplate: block.kind == BlockKind::Boilerplate,
            });
        }
    }
    if let Some(last) = sections.last_mut() {
        last.blocks.end = blocks.len();
    }
    sections
}

/// A section's name for the outline: its first line, whitespace folded, cut at
/// a word near 80 characters.
fn outline_title(text: &str) -> String {
    /// Characters kept before the cut.
    const MAX: usize = 80;
    let line = text.lines().next().unwrap_or("");
    // Only the start of the line can show: a block that is one 50 MB line
    // is not cleaned whole for its outline entry.
    let line = match line.char_indices().nth(4 * MAX) {
        Some((cut, _)) => &line[..cut],
        None => line,
    };
    // Cleaned here too, so chrome that forgets the sink still draws no
    // control character.
    let line = crate::sanitize::clean(line);
    let mut title = String::new();
    let mut chars = 0;
    for word in line.split_whitespace() {
        let len = word.chars().count();
        if chars + len > MAX {
            title.push('…');
            break;
        }
        if !title.is_empty() {
            title.push(' ');
            chars += 1;
        }
        title.push_str(word);
        chars += len;
    }
    title
}

#[cfg(test)]
pub(crate) mod tests;
