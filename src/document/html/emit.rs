//! The article's elements to blocks: one text, block and inline ranges into
//! it, and the way back to the page's bytes.
//!
//! Whitespace is folded as a browser folds it (runs of spaces and line
//! breaks are one space, `<br>` is a line break, `&nbsp;` a space, soft
//! hyphens vanish); `<pre>` keeps its lines. Inside the article, furniture
//! that survived the choice (share bars, related lists, link-heavy boxes)
//! is set apart with the rest of the page, after the body, as boilerplate.

use html5ever::{LocalName, local_name};

use super::classify::Role;
use super::page::{Page, is_inline};
use super::tree::{NONE, NodeId};
use crate::document::{
    BlockDraft as Block, BlockKind, Inline, InlineKind, MAX_DEPTH, SourceMap, Span,
};

/// Longest block: a longer run of text is cut (at a space where one is
/// near), as plain text's paragraphs are, so no block costs much to wrap.
const MAX_BLOCK_BYTES: usize = 32 * 1024;

/// Inline runs nested deeper than this are not marked (a page of 100,000
/// nested `<b>` is read as text).
const MAX_INLINE_DEPTH: usize = 16;

/// How far ahead a text node's words are looked for in the page.
const LOCATE_WINDOW: usize = 256 * 1024;

/// How far ahead they are looked for first.
const NEAR_WINDOW: usize = 4 * 1024;

/// Bytes from the cursor searched by trying each place a text's first
/// byte is, before a searcher is built for the rest.
const NAIVE_SPAN: usize = 4096;

/// Bytes of text an element adds at most when entered or left
/// (separators, a line break, a rule), besides its text nodes.
const ROOM: usize = 64;

/// Makes room for `more` bytes of the document's text, growing it by a
/// quarter rather than doubling: the text is most of what a large page
/// leaves, and doubling leaves up to half of it unused at the peak.
fn room(text: &mut String, more: usize) {
    if text.capacity() - text.len() < more {
        text.reserve_exact(more.max(text.capacity() / 4).max(4096));
    }
}

/// The place in a data table being read.
#[derive(Clone, Copy, Default)]
struct TableCursor {
    row: u32,
    column: u32,
    /// Cells read in the current row.
    cells: u32,
    cell_start: usize,
    header: bool,
    /// Nested tables inside a data table read as text of its cell.
    depth: u32,
}

/// Most nodes looked at to tell a data table from a layout table.
const TABLE_SCAN: usize = 4096;

/// The most text (bytes) a box of an image and a line under it holds to
/// be a figure and its caption.
const IMAGE_BOX_TEXT: usize = 300;

/// The most words a line in italics under an image has to be its caption
/// (credits and captions run to a sentence or two).
const CAPTION_WORDS: usize = 40;

/// How a text node's text was found in the page.
#[derive(Clone, Copy)]
enum Found {
    /// Byte for byte, at the offset given.
    Verbatim,
    /// Its first non-space characters are at the offset given, after
    /// `lead` bytes of leading space; somewhere it holds a reference.
    Body { lead: usize },
    /// Only a word of it, at the offset given, `skip` bytes into the
    /// text: what follows the word is walked from there.
    Near { skip: usize },
}

/// Walks a text node's characters alongside the page's bytes, giving each
/// the bytes it came from: itself, a character reference that decoded to
/// it (`&amp;`, `&#8217;`), or a CR LF the parser folded. `None` once the
/// two part ways (a reference that decoded to two characters, a NUL made
/// U+FFFD), and for the text before where the walk starts (leading space,
/// or what comes before the word a text was found by).
struct Aligner<'h> {
    html: &'h [u8],
    at: usize,
    /// Bytes of the text still to pass before the page is walked.
    skip: usize,
    lost: bool,
}

impl Aligner<'_> {
    fn step(&mut self, c: char) -> Option<Span> {
        if self.skip > 0 {
            self.skip = self.skip.saturating_sub(c.len_utf8());
            return None;
        }
        if self.lost {
            return None;
        }
        let Some(rest) = self.html.get(self.at..) else {
            self.lost = true;
            return None;
        };
        let mut buf = [0; 4];
        let own = c.encode_utf8(&mut buf).as_bytes();
        let len = if c == '\n' && rest.first() == Some(&b'\r') {
            if rest.get(1) == Some(&b'\n') { 2 } else { 1 }
        } else if rest.first() == Some(&b'&') && (c != '&' || is_amp_reference(rest)) {
            match reference_len(rest) {
                Some(len) => len,
                None if c == '&' => 1,
                None => {
                    self.lost = true;
                    return None;
                }
            }
        } else if rest.starts_with(own) {
            own.len()
        } else {
            self.lost = true;
            return None;
        };
        let span = self.at..self.at + len;
        self.at = span.end;
        Some(span)
    }
}

/// True when `&` at the start of `bytes` is written as a reference.
fn is_amp_reference(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes.iter().take(6).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"&amp") || head.starts_with(b"&#38") || head.starts_with(b"&#x26")
}

/// Length of the character reference at the start of `bytes` (`&name;`,
/// `&#123;`, `&#x1F;`, the `;` optional as the parser allows).
fn reference_len(bytes: &[u8]) -> Option<usize> {
    let body = bytes.get(1..)?;
    let (skip, digits) = match body {
        [b'#', b'x' | b'X', ..] => (
            2,
            body[2..]
                .iter()
                .take_while(|b| b.is_ascii_hexdigit())
                .count(),
        ),
        [b'#', ..] => (
            1,
            body[1..].iter().take_while(|b| b.is_ascii_digit()).count(),
        ),
        _ => (
            0,
            body.iter()
                .take(40)
                .take_while(|b| b.is_ascii_alphanumeric())
                .count(),
        ),
    };
    if digits == 0 {
        return None;
    }
    let end = 1 + skip + digits;
    Some(if bytes.get(end) == Some(&b';') {
        end + 1
    } else {
        end
    })
}

/// True for a short line that dates the article (`14 March 2025`, `By
/// Ola Nowak, 3 December 2025`, `2025年3月16日 18時05分`, `sexta-feira, 22
/// de outubro de 2010 às 20:13`): a year, few words, no sentence ending.
/// Read as a date line when it comes before the article's first paragraph
/// of prose, in whatever language.
fn date_line(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.len() > 120 || text.split_whitespace().count() > 14 {
        return false;
    }
    if text.ends_with([
        '.', '!', '?', ':', ';', ',', '\u{3002}', '\u{ff01}', '\u{ff1f}',
    ]) {
        return false;
    }
    // A year (four digits from 1900 to 2099) and a day or an hour (one
    // or two digits): a title that names a year (`Festival 2018`) is no
    // date.
    let (mut year, mut day) = (false, false);
    for number in text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
    {
        match number.len() {
            1 | 2 => day = true,
            4 => year |= number.starts_with("19") || number.starts_with("20"),
            _ => {}
        }
    }
    year && day
}

/// True for a line that reads as a paragraph of prose: a sentence or
/// more, not a label.
fn is_prose(text: &str) -> bool {
    text.len() >= 80
        || text
            .trim_end()
            .ends_with(['.', '!', '?', '\u{3002}', '\u{ff01}', '\u{ff1f}'])
}

/// True for a short line that signs an article off: a dash, then a name
/// or a role (`— Ana and Tom`, `-- Staff writer`).
fn sign_off(text: &str) -> bool {
    let text = text.trim();
    let rest = text
        .strip_prefix("--")
        .or_else(|| text.strip_prefix(['\u{2014}', '\u{2013}', '\u{2015}']));
    rest.is_some_and(|r| {
        let words = r.split_whitespace().count();
        (1..=6).contains(&words) && !r.trim_end().ends_with(['.', '!', '?'])
    })
}

/// Where a block of text is being built.
#[derive(Clone, Copy)]
struct Context {
    kind: BlockKind,
    quote_depth: u8,
    list_depth: u8,
}

/// Builds the document's text and blocks.
pub struct Builder<'a> {
    page: &'a Page,
    /// The furniture inside the article to set apart ([`Weigher`]), by
    /// node.
    apart: &'a [NodeId],
    /// The elements whose markup says they are captions, by node (the
    /// page's table of roles is freed before the document is built).
    captions: &'a [NodeId],
    /// The decoded page and its map to the file's bytes.
    html: &'a str,
    html_map: &'a SourceMap,
    /// Byte offset where each source line starts (a page is at most
    /// 256 MB, see `tree::narrow`).
    lines: Vec<u32>,
    base: Option<&'a str>,
    pub text: String,
    pub map: SourceMap,
    pub blocks: Vec<Block>,
    /// The open block's start, and its inline runs.
    start: usize,
    inlines: Vec<Inline>,
    open: Vec<(usize, InlineKind)>,
    /// A space is owed before the next character.
    space: bool,
    ctx: Vec<Context>,
    /// Ordered lists: the next item's number (`None` for bullets).
    lists: Vec<Option<u64>>,
    pre: usize,
    /// How far the page has been read for locating text.
    cursor: usize,
    /// The data table being read, if one is open.
    table: Option<TableCursor>,
    /// Stop reading the article at the first body block that ends past
    /// this many bytes of text: the document's start ([`Builder::body`]).
    pub stop_after: Option<usize>,
    stopped: bool,
    /// Where the last run copied from the page ends: in the text, and in
    /// the page.
    copied_to: (usize, usize),
    /// Inline elements named as captions (`<span class="caption">`) read
    /// as caption blocks, innermost last.
    inline_captions: Vec<NodeId>,
    /// An image was the last thing read (no text since), and whether the
    /// open block's text began right after one: a caption's place.
    after_image: bool,
    block_after_image: bool,
    /// A paragraph of prose has been read in the article: a date line
    /// comes before one.
    prose_seen: bool,
}

fn heading_level(tag: &LocalName) -> Option<u8> {
    Some(match *tag {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ => return None,
    })
}

impl<'a> Builder<'a> {
    pub fn new(
        page: &'a Page,
        apart: &'a [NodeId],
        captions: &'a [NodeId],
        html: &'a str,
        html_map: &'a SourceMap,
        base: Option<&'a str>,
    ) -> Self {
        // Counted first: a large page has hundreds of thousands of lines,
        // and the table lives as long as the document is built.
        let count = memchr::memchr_iter(b'\n', html.as_bytes()).count();
        let mut lines = Vec::with_capacity(count + 1);
        lines.push(0);
        lines.extend(
            memchr::memchr_iter(b'\n', html.as_bytes())
                .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        );
        Builder {
            page,
            apart,
            captions,
            html,
            html_map,
            lines,
            base,
            text: String::new(),
            map: SourceMap::default(),
            blocks: Vec::new(),
            start: 0,
            inlines: Vec::new(),
            open: Vec::new(),
            space: false,
            ctx: vec![Context {
                kind: BlockKind::Paragraph,
                quote_depth: 0,
                list_depth: 0,
            }],
            lists: Vec::new(),
            pre: 0,
            cursor: 0,
            table: None,
            stop_after: None,
            stopped: false,
            copied_to: (usize::MAX, 0),
            inline_captions: Vec::new(),
            after_image: false,
            block_after_image: false,
            prose_seen: false,
        }
    }

    /// Adds a block of text made here (the title, the metadata line),
    /// mapped to where `near` is found in the page, if anywhere.
    pub fn push_block(&mut self, kind: BlockKind, text: &str, near: Option<&str>) {
        if text.is_empty() {
            return;
        }
        self.end_block();
        self.begin_text();
        let start = self.text.len();
        let source = near
            .and_then(|n| self.find(n, 0))
            .map(|at| at..at + near.map_or(0, str::len))
            .unwrap_or(self.cursor..self.cursor);
        if !source.is_empty() {
            self.cursor = source.end;
        }
        self.text.push_str(text);
        let source = self.html_map.range_to_source(source);
        self.map.push(start..self.text.len(), source);
        if self.text.len() > start {
            self.add_block(Block::new(start..self.text.len(), kind));
        }
        self.start = self.text.len();
    }

    /// The page's byte offset where a decoded-text offset is.
    fn find(&self, needle: &str, from: usize) -> Option<usize> {
        self.find_within(needle, from, LOCATE_WINDOW, None)
    }

    /// [`Builder::find`] in the `window` bytes from `from`, and starting
    /// at `last` at the latest.
    fn find_within(
        &self,
        needle: &str,
        from: usize,
        window: usize,
        last: Option<usize>,
    ) -> Option<usize> {
        let end = from
            .saturating_add(window)
            .min(last.map_or(usize::MAX, |l| l.saturating_add(needle.len())))
            .min(self.html.len());
        let (n, &first) = (needle.as_bytes(), needle.as_bytes().first()?);
        let hay = self.html.as_bytes().get(from..end)?;
        // A text is most often a few tags past the cursor: there, trying
        // each place its first byte is costs less than building a
        // searcher, which is most of the cost of a search this short.
        let near = hay.len().min(NAIVE_SPAN);
        memchr::memchr_iter(first, &hay[..near])
            .find(|&i| hay[i..].starts_with(n))
            .or_else(|| memchr::memmem::find(&hay[near..], n).map(|i| near + i))
            .map(|i| from + i)
    }

    /// The blank line before a block's first character (mapped to nothing
    /// in the page), when the block is not the first.
    fn begin_text(&mut self) {
        if self.text.len() == self.start && !self.text.is_empty() {
            let at = self.text.len();
            self.text.push_str("\n\n");
            let src = self.html_map.to_source(self.cursor);
            self.map.push(at..self.text.len(), src..src);
            self.start = self.text.len();
        }
    }

    /// Reads the article's roots into blocks.
    pub fn body(&mut self, roots: &[NodeId]) {
        if let Some(&first) = roots.first() {
            let line = self.page.tree.node(first).line as usize;
            self.cursor = self
                .lines
                .get(line.saturating_sub(1))
                .map_or(0, |&l| l as usize)
                .max(self.cursor);
        }
        for &root in roots {
            self.walk(root, true);
            if self.stopped {
                return;
            }
        }
        self.end_block();
        self.stop_after = None;
        // A short line after the last paragraph that starts with a dash
        // (`— Ana and Tom`, `-- Staff writer`) signs the article off.
        if let Some(last) = self.blocks.last_mut()
            && last.kind == BlockKind::Paragraph
            && last.quote_depth == 0
            && self.text.get(last.range.clone()).is_some_and(sign_off)
        {
            last.kind = BlockKind::Byline;
        }
    }

    /// True when [`Builder::body`] stopped at [`Builder::stop_after`].
    pub fn stopped(&self) -> bool {
        self.stopped
    }

    /// True when the text ends with a block of body text that ends past
    /// `limit`: every block so far is then the whole document's, kind
    /// and all (a heading is judged furniture by what follows it up to
    /// the next body text, see `trailing_headings`), and nothing after
    /// it in the text yet.
    fn at_body_end(&self, limit: usize) -> bool {
        self.blocks.last().is_some_and(|b| {
            b.range.end == self.text.len()
                && b.range.end >= limit
                && !matches!(
                    b.kind,
                    BlockKind::Heading { .. }
                        | BlockKind::Boilerplate
                        | BlockKind::Title
                        | BlockKind::Byline
                )
        })
    }

    /// Reads set-apart regions as boilerplate, one block each (more for a
    /// long one), and says which blocks each region became.
    pub fn boilerplate(&mut self, regions: &[NodeId]) -> Vec<std::ops::Range<usize>> {
        let mut made = Vec::with_capacity(regions.len());
        for &region in regions {
            // Parts of one kind go together, so not in page order: each
            // is looked for in the page from its own line.
            let line = self.page.tree.node(region).line as usize;
            self.cursor = self
                .lines
                .get(line.saturating_sub(1))
                .map_or(0, |&l| l as usize);
            let first = self.blocks.len();
            self.ctx.clear();
            self.ctx.push(Context {
                kind: BlockKind::Boilerplate,
                quote_depth: 0,
                list_depth: 0,
            });
            self.walk(region, false);
            self.end_block();
            made.push(first..self.blocks.len());
        }
        made
    }

    /// Walks a subtree without recursion. `article` says whether furniture
    /// inside is set apart and structure kept (else everything is one
    /// block of boilerplate).
    fn walk(&mut self, root: NodeId, article: bool) {
        let mut stack: Vec<(NodeId, bool)> = vec![(root, false)];
        while let Some((id, exit)) = stack.pop() {
            if self.stop_after.is_some_and(|limit| self.at_body_end(limit)) {
                self.stopped = true;
                return;
            }
            if exit {
                self.exit(id, article);
                continue;
            }
            if !self.enter(id, id == root, article) {
                continue;
            }
            stack.push((id, true));
            // The children, to be popped first to last.
            let from = stack.len();
            stack.extend(self.page.tree.children(id).map(|c| (c, false)));
            stack[from..].reverse();
        }
    }

    /// Starts a node; false when its content is not read here.
    fn enter(&mut self, id: NodeId, is_root: bool, article: bool) -> bool {
        let i = id as usize;
        let page = self.page;
        if !page.visible[i] {
            return false;
        }
        let node = page.tree.node(id);
        if let Some(text) = page.tree.text(id) {
            room(&mut self.text, text.len() + ROOM);
            self.push_text(id, text);
            return false;
        }
        room(&mut self.text, ROOM);
        let Some(tag) = node.tag() else {
            return true;
        };
        // Blocks, and a `<time>` standing alone ([`Weigher::lone_time`]).
        if article
            && !is_root
            && (!is_inline(tag) || *tag == local_name!("time"))
            && self.apart.binary_search(&id).is_ok()
        {
            return false;
        }
        if !article {
            // Boilerplate: structure folds into one block, parts apart.
            if !is_inline(tag) || *tag == local_name!("br") {
                self.space = true;
            }
            return true;
        }
        // A caption written as an inline element (`<span class="caption">`
        // after an image in a paragraph) is a caption block all the same.
        if is_inline(tag)
            && !matches!(
                *tag,
                local_name!("a") | local_name!("br") | local_name!("img")
            )
            && self.table.is_none()
            && self.captions.binary_search(&id).is_ok()
        {
            let top = self.ctx.last().copied();
            if top.is_some_and(|c| c.kind == BlockKind::Caption) {
                return true;
            }
            self.end_block();
            self.ctx.push(Context {
                kind: BlockKind::Caption,
                quote_depth: top.map_or(0, |c| c.quote_depth),
                list_depth: top.map_or(0, |c| c.list_depth),
            });
            self.inline_captions.push(id);
            return true;
        }
        match *tag {
            local_name!("br") => {
                if self.table.is_some() {
                    self.space = true;
                } else if self.pre == 0 && self.br_follows(id) {
                    // Two line breaks in a row are how pages without
                    // `<p>` part paragraphs (browsers show a blank
                    // line): a block of its own, as Readability reads
                    // them. The second break then finds an empty block.
                    self.cut_block();
                } else {
                    self.hard_break();
                }
                return false;
            }
            local_name!("hr") => {
                self.end_block();
                self.separate_rule();
                return false;
            }
            local_name!("img") => {
                self.image_caption(id);
                return false;
            }
            local_name!("picture") | local_name!("svg") => return false,
            local_name!("a") => {
                if let Some(href) = node.attr("href") {
                    let target = super::link::target(href, self.base);
                    self.open_inline(InlineKind::Link { target });
                }
                return true;
            }
            local_name!("em") | local_name!("i") | local_name!("cite") | local_name!("dfn") => {
                self.open_inline(InlineKind::Emphasis);
                return true;
            }
            local_name!("strong") | local_name!("b") => {
                self.open_inline(InlineKind::Strong);
                return true;
            }
            local_name!("code") | local_name!("kbd") | local_name!("samp") | local_name!("tt") => {
                if self.pre == 0 {
                    self.open_inline(InlineKind::Code);
                }
                return true;
            }
            local_name!("s") | local_name!("del") | local_name!("strike") => {
                self.open_inline(InlineKind::Strikethrough);
                return true;
            }
            _ => {}
        }
        if is_inline(tag) {
            return true;
        }
        if self.table.is_some() {
            self.enter_table_part(tag);
            return true;
        }
        if matches!(*tag, local_name!("td") | local_name!("th")) {
            // Cells of a layout table read as one line.
            self.space = true;
            return true;
        }
        // A block: what is open ends, and the new context begins.
        self.end_block();
        let top = *self.ctx.last().unwrap_or(&Context {
            kind: BlockKind::Paragraph,
            quote_depth: 0,
            list_depth: 0,
        });
        let mut ctx = top;
        match *tag {
            local_name!("ul") | local_name!("ol") | local_name!("menu") => {
                let start = if *tag == local_name!("ol") {
                    Some(
                        node.attr("start")
                            .and_then(|s| s.trim().parse::<u64>().ok())
                            .unwrap_or(1),
                    )
                } else {
                    None
                };
                self.lists.push(start);
                ctx.list_depth = ctx.list_depth.saturating_add(1).min(MAX_DEPTH);
            }
            local_name!("li") => {
                let ordinal = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let v = *n;
                        *n = n.saturating_add(1);
                        Some(v)
                    }
                    _ => None,
                };
                ctx.kind = BlockKind::ListItem { ordinal };
                ctx.list_depth = ctx.list_depth.max(1);
            }
            local_name!("blockquote") => {
                ctx.quote_depth = ctx.quote_depth.saturating_add(1).min(MAX_DEPTH);
                ctx.kind = BlockKind::Paragraph;
            }
            local_name!("pre") => {
                ctx.kind = BlockKind::Code;
                self.pre += 1;
            }
            local_name!("tr") => {
                ctx.kind = BlockKind::Paragraph;
            }
            local_name!("table") if self.is_data_table(id) => {
                ctx.kind = BlockKind::Table;
                self.table = Some(TableCursor::default());
            }
            local_name!("figcaption") => ctx.kind = BlockKind::Caption,
            local_name!("figure") if self.image_figure(id, None) => {
                ctx.kind = BlockKind::Caption;
            }
            // A box of an image and a line under it is a figure written
            // with `<div>`s.
            local_name!("div") if self.image_figure(id, Some(IMAGE_BOX_TEXT)) => {
                ctx.kind = BlockKind::Caption;
            }
            _ if self.captions.binary_search(&id).is_ok() => ctx.kind = BlockKind::Caption,
            _ if ctx.kind == BlockKind::Caption => {}
            _ => {
                if let Some(level) = heading_level(tag) {
                    ctx.kind = BlockKind::Heading { level };
                } else if !matches!(ctx.kind, BlockKind::ListItem { .. }) {
                    ctx.kind = BlockKind::Paragraph;
                }
            }
        }
        self.ctx.push(ctx);
        true
    }

    fn exit(&mut self, id: NodeId, article: bool) {
        room(&mut self.text, ROOM);
        let Some(tag) = self.page.tree.node(id).tag() else {
            return;
        };
        if !article {
            if !is_inline(tag) {
                self.space = true;
            }
            return;
        }
        if self.inline_captions.last() == Some(&id) {
            self.inline_captions.pop();
            self.end_block();
            if self.ctx.len() > 1 {
                self.ctx.pop();
            }
            return;
        }
        if is_inline(tag) {
            let marks = match *tag {
                local_name!("a") => self.page.tree.node(id).attr("href").is_some(),
                local_name!("em")
                | local_name!("i")
                | local_name!("cite")
                | local_name!("dfn")
                | local_name!("strong")
                | local_name!("b")
                | local_name!("s")
                | local_name!("del")
                | local_name!("strike") => true,
                local_name!("code")
                | local_name!("kbd")
                | local_name!("samp")
                | local_name!("tt") => self.pre == 0,
                _ => false,
            };
            if marks {
                self.close_inline();
            }
            return;
        }
        if let Some(t) = self.table {
            if *tag != local_name!("table") || t.depth > 0 {
                self.exit_table_part(tag);
                return;
            }
            self.end_block();
            self.table = None;
            if self.ctx.len() > 1 {
                self.ctx.pop();
            }
            return;
        }
        if matches!(*tag, local_name!("td") | local_name!("th")) {
            self.space = true;
            return;
        }
        self.end_block();
        match *tag {
            local_name!("ul") | local_name!("ol") | local_name!("menu") => {
                self.lists.pop();
            }
            local_name!("pre") => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if self.ctx.len() > 1 {
            self.ctx.pop();
        }
    }

    /// True for a table of data (cells of short text, no blocks, no nested
    /// table); a table that lays out the page reads as its blocks.
    fn is_data_table(&self, table: NodeId) -> bool {
        let tree = &self.page.tree;
        let mut at = tree.node(table).first_child;
        let mut seen = 0;
        let mut cells = 0;
        while at != NONE {
            seen += 1;
            if seen > TABLE_SCAN {
                return false;
            }
            if let Some(tag) = tree.node(at).tag() {
                match *tag {
                    local_name!("td") | local_name!("th") => cells += 1,
                    local_name!("tr")
                    | local_name!("tbody")
                    | local_name!("thead")
                    | local_name!("tfoot")
                    | local_name!("caption")
                    | local_name!("colgroup")
                    | local_name!("col") => {}
                    _ if is_inline(tag) => {}
                    _ => return false,
                }
            }
            at = tree.next_in(at, table, true);
        }
        cells > 0
    }

    /// Starts a row or cell of the data table being read.
    fn enter_table_part(&mut self, tag: &LocalName) {
        let Some(mut t) = self.table else {
            return;
        };
        match *tag {
            local_name!("table") => t.depth += 1,
            local_name!("tr") if t.depth == 0 => {
                t.column = 0;
                t.cells = 0;
            }
            local_name!("td") | local_name!("th") if t.depth == 0 => {
                if t.column > 0 || t.row > 0 {
                    self.begin_text();
                    self.separator(if t.column > 0 { "\t" } else { "\n" });
                }
                t.cell_start = self.text.len();
                t.header = *tag == local_name!("th");
                self.space = false;
            }
            _ => self.space = true,
        }
        self.table = Some(t);
    }

    fn exit_table_part(&mut self, tag: &LocalName) {
        let Some(mut t) = self.table else {
            return;
        };
        match *tag {
            local_name!("table") => t.depth = t.depth.saturating_sub(1),
            local_name!("tr") if t.depth == 0 && t.cells > 0 => t.row = t.row.saturating_add(1),
            local_name!("td") | local_name!("th") if t.depth == 0 => {
                let start = t.cell_start.max(self.start);
                if start < self.text.len() {
                    self.inlines.push(Inline {
                        range: start..self.text.len(),
                        kind: InlineKind::TableCell {
                            row: t.row,
                            column: t.column,
                            header: t.header,
                        },
                    });
                }
                t.column = t.column.saturating_add(1);
                t.cells = t.cells.saturating_add(1);
                self.space = false;
            }
            _ => self.space = true,
        }
        self.table = Some(t);
    }

    /// A separator inside a block (a table's tab or row break), mapped to
    /// nothing in the page.
    fn separator(&mut self, sep: &str) {
        let at = self.text.len();
        self.text.push_str(sep);
        let src = self.html_map.to_source(self.cursor);
        self.map.push(at..self.text.len(), src..src);
    }

    /// An image's alt text as a caption block, when it says something
    /// (three words or more) and no figure caption says it instead.
    fn image_caption(&mut self, id: NodeId) {
        if self.table.is_none() {
            self.after_image = true;
        }
        let tree = &self.page.tree;
        let Some(alt) = tree.node(id).attr("alt") else {
            return;
        };
        let alt = super::meta::squash(alt);
        if alt.split_whitespace().count() < 3 || self.table.is_some() {
            return;
        }
        room(&mut self.text, alt.len() + ROOM);
        // A figure with its own caption says it better.
        let mut at = tree.node(id).parent;
        for _ in 0..4 {
            if at == NONE {
                break;
            }
            if tree.node(at).tag() == Some(&local_name!("figure")) {
                let mut c = tree.node(at).first_child;
                let mut steps = 0;
                while c != NONE && steps < 256 {
                    steps += 1;
                    if tree.node(c).tag() == Some(&local_name!("figcaption")) {
                        return;
                    }
                    c = tree.next_in(c, at, true);
                }
                break;
            }
            at = tree.node(at).parent;
        }
        let saved = self.ctx.last().copied();
        self.end_block();
        self.ctx.push(Context {
            kind: BlockKind::Caption,
            quote_depth: saved.map_or(0, |c| c.quote_depth),
            list_depth: saved.map_or(0, |c| c.list_depth),
        });
        self.push_text(id, &alt);
        self.end_block();
        self.ctx.pop();
        // The alt text is the image's: what follows is still under it.
        self.after_image = true;
    }

    fn open_inline(&mut self, kind: InlineKind) {
        let start = self.text.len() + usize::from(self.space && self.text.len() > self.start);
        self.open.push((start, kind));
    }

    fn close_inline(&mut self) {
        let Some((start, kind)) = self.open.pop() else {
            return;
        };
        if self.open.len() >= MAX_INLINE_DEPTH {
            return;
        }
        let end = self.text.len();
        let start = start.max(self.start);
        if start < end {
            self.inlines.push(Inline {
                range: start..end,
                kind,
            });
        }
    }

    /// True when the next sibling of `id` (past blank text) is a `<br>`.
    fn br_follows(&self, id: NodeId) -> bool {
        let tree = &self.page.tree;
        let mut at = tree.node(id).next;
        while at != NONE {
            let node = tree.node(at);
            match (tree.text(at), node.tag()) {
                (Some(t), _) if t.trim_ascii().is_empty() => {}
                (Some(_), _) => return false,
                (None, Some(tag)) => return *tag == local_name!("br"),
                // A comment between the two.
                (None, None) => {}
            }
            at = node.next;
        }
        false
    }

    fn hard_break(&mut self) {
        if self.text.len() > self.start {
            let at = self.text.len();
            self.text.push('\n');
            let src = self.html_map.to_source(self.cursor);
            self.map.push(at..at + 1, src..src);
            self.inlines.push(Inline {
                range: at..at + 1,
                kind: InlineKind::HardBreak,
            });
            self.space = false;
        }
    }

    fn separate_rule(&mut self) {
        self.begin_text();
        let at = self.text.len();
        self.text.push_str("---");
        let src = self.html_map.to_source(self.cursor);
        self.map.push(at..self.text.len(), src..src);
        self.add_block(Block::new(at..self.text.len(), BlockKind::Rule));
        self.start = self.text.len();
    }

    /// Where a text node's text is in the page: the offset of its first
    /// byte, and how it is there.
    fn locate(&mut self, id: NodeId, text: &str) -> Option<(usize, Found)> {
        let lead = text.len() - text.trim_start().len();
        let body = &text[lead..];
        let mut cut = body.len().min(48);
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        let needle = &body[..cut];
        let line = self.page.tree.node(id).line as usize;
        let anchor = self
            .lines
            .get(line.saturating_sub(2))
            .map_or(0, |&l| l as usize);
        let from = self.cursor.max(anchor);
        let plain = needle
            .find(|c: char| !c.is_ascii() || matches!(c, '&' | '<' | '>' | '"' | '\''))
            .unwrap_or(needle.len());
        // The parser was fed the page a few KB at a time, and says how
        // much it had been fed when the text began: its start is not
        // looked for past that, so a text not in the page byte for byte
        // (it holds a reference) costs a few KB of search, not the whole
        // window (a generated 1 MB page: 100 ms of CPU, most of it failed
        // searches, before).
        let last = self.page.tree.text_by(id);
        let find =
            |needle: &str, from: usize, window: usize| self.find_within(needle, from, window, last);
        // Text follows the cursor closely: look just ahead first.
        let near = find(needle, from, NEAR_WINDOW).or_else(|| {
            (4..needle.len())
                .contains(&plain)
                .then(|| find(&needle[..plain], from, NEAR_WINDOW))
                .flatten()
        });
        let by_start = near
            .or_else(|| find(needle, from, LOCATE_WINDOW))
            .or_else(|| {
                if anchor < from {
                    find(needle, anchor, LOCATE_WINDOW)
                } else {
                    None
                }
            });
        // Else its start up to the first character a page may write as
        // a reference (`eight o&rsquo;clock` is found by `eight o`).
        let by_start = by_start.or_else(|| {
            (plain >= 4)
                .then(|| find(&needle[..plain], from, LOCATE_WINDOW))
                .flatten()
        });
        let found = match by_start {
            Some(at) => at,
            None => {
                let word: &str = body
                    .split(|c: char| !c.is_alphanumeric())
                    .find(|w| w.len() >= 3)?;
                let at = self.find(word, from)?;
                self.cursor = at;
                // The first such word: nothing before it in `body` holds it.
                let skip = lead + body.find(word).unwrap_or(0);
                return Some((at, Found::Near { skip }));
            }
        };
        let start = found.checked_sub(lead)?;
        let verbatim = self.html.get(start..start + text.len()) == Some(text);
        if verbatim {
            self.cursor = start + text.len();
            Some((start, Found::Verbatim))
        } else {
            self.cursor = found;
            Some((found, Found::Body { lead }))
        }
    }

    fn push_text(&mut self, id: NodeId, text: &str) {
        if self.ctx.last().is_none() {
            return;
        }
        let located = self.locate(id, text);
        // The page's bytes for a text that is not verbatim: up to the next tag.
        let rough = located.map(|(at, _)| {
            let end = memchr::memchr(b'<', &self.html.as_bytes()[at..])
                .map_or(self.html.len(), |e| at + e);
            at..end
        });
        // A text found by its start but holding references is walked
        // alongside the page, so each character still maps to its own
        // bytes (a reference to all of it) rather than the whole text
        // mapping to one rough range.
        let mut aligner = match located {
            Some((at, Found::Body { lead: skip } | Found::Near { skip })) => Some(Aligner {
                html: self.html.as_bytes(),
                at,
                skip,
                lost: false,
            }),
            _ => None,
        };
        let pre = self.pre > 0;
        let mut run_start = self.text.len();
        let mut run_src: Option<usize> = None;
        for (offset, c) in text.char_indices() {
            let aligned = aligner.as_mut().and_then(|a| a.step(c));
            let ws = if pre {
                false
            } else {
                matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}')
            };
            if c == '\u{ad}' {
                continue;
            }
            if ws {
                self.space = true;
                continue;
            }
            if pre && c == '\r' {
                continue;
            }
            if self.text.len() == self.start {
                self.block_after_image = std::mem::take(&mut self.after_image);
                self.flush_run(run_start, run_src, located, &rough);
                self.begin_text();
                run_start = self.text.len();
                run_src = None;
            }
            if self.space {
                self.space = false;
                if self.text.len() > self.start {
                    if self.text.len() - self.start >= MAX_BLOCK_BYTES {
                        self.flush_run(run_start, run_src, located, &rough);
                        self.cut_block();
                        run_start = self.text.len();
                        run_src = None;
                    } else if run_start == self.text.len()
                        && matches!(located, Some((_, Found::Verbatim)))
                        && let Some(at) = self.space_after_copy()
                    {
                        // The page's own space after the text before (a
                        // word, then a tag): it joins that text's run in
                        // the map rather than being a run of its own
                        // before this text's (copied too, so its own run
                        // either way). Half the runs of a page with a tag
                        // every few words were such spaces.
                        let here = self.text.len();
                        self.text.push(' ');
                        let source = self.html_map.range_to_source(at..at + 1);
                        self.map.push(here..here + 1, source);
                        run_start = self.text.len();
                    } else {
                        self.text.push(' ');
                    }
                }
            }
            // Keep runs of bytes whose page offsets are consecutive.
            let src = match (located, &aligned) {
                (Some((at, Found::Verbatim)), _) => Some(at + offset),
                (_, Some(r)) if r.len() == c.len_utf8() => Some(r.start),
                (_, Some(r)) => {
                    // A reference: a run of its own, mapped to all of it.
                    self.flush_run(run_start, run_src, located, &rough);
                    let at = self.text.len();
                    self.text.push(c);
                    let source = self.html_map.range_to_source(r.clone());
                    self.map.push(at..self.text.len(), source);
                    run_start = self.text.len();
                    run_src = Some(r.end);
                    continue;
                }
                _ => None,
            };
            let contiguous = match (run_src, src) {
                (Some(rs), Some(s)) => rs + (self.text.len() - run_start) == s,
                // Runs with no exact place all map to the same rough range.
                (None, None) => true,
                _ => false,
            };
            if !contiguous {
                self.flush_run(run_start, run_src, located, &rough);
                run_start = self.text.len();
                run_src = src;
            }
            self.text.push(c);
            self.after_image = false;
            if pre && self.text.len() - self.start >= MAX_BLOCK_BYTES && c == '\n' {
                self.flush_run(run_start, run_src, located, &rough);
                self.cut_block();
                run_start = self.text.len();
                run_src = None;
            }
        }
        self.flush_run(run_start, run_src, located, &rough);
    }

    /// Where the page has a space (one byte of it) right after the last
    /// run copied from it, when the text ends with that run.
    fn space_after_copy(&self) -> Option<usize> {
        let (text_end, at) = self.copied_to;
        (text_end == self.text.len()
            && matches!(self.html.as_bytes().get(at), Some(b' ' | b'\n' | b'\t')))
        .then_some(at)
    }

    fn flush_run(
        &mut self,
        start: usize,
        src: Option<usize>,
        located: Option<(usize, Found)>,
        rough: &Option<Span>,
    ) {
        let end = self.text.len();
        if start >= end {
            return;
        }
        let source = match (src, located, rough) {
            (Some(s), _, _) => {
                self.copied_to = (end, s + (end - start));
                s..s + (end - start)
            }
            (None, Some(_), Some(r)) => r.clone(),
            _ => self.cursor..self.cursor,
        };
        let source = self.html_map.range_to_source(source);
        self.map.push(start..end, source);
    }

    /// Ends the open block at a length limit and starts another like it.
    fn cut_block(&mut self) {
        let open: Vec<(usize, InlineKind)> = self.open.clone();
        self.end_block();
        self.open = open
            .into_iter()
            .map(|(_, k)| (self.text.len(), k))
            .collect();
    }

    /// Closes the open block (if it holds text) and starts the next.
    fn end_block(&mut self) {
        let end = self.text.len();
        // Runs still open continue in the next block.
        let reopen: Vec<(usize, InlineKind)> = self.open.clone();
        for (start, kind) in &reopen {
            let start = (*start).max(self.start);
            if start < end && self.open.len() <= MAX_INLINE_DEPTH {
                self.inlines.push(Inline {
                    range: start..end,
                    kind: kind.clone(),
                });
            }
        }
        if end > self.start {
            let ctx = *self.ctx.last().unwrap_or(&Context {
                kind: BlockKind::Paragraph,
                quote_depth: 0,
                list_depth: 0,
            });
            let mut block = Block::new(self.start..end, ctx.kind);
            block.quote_depth = ctx.quote_depth;
            block.list_depth = ctx.list_depth;
            let mut inlines = std::mem::take(&mut self.inlines);
            inlines.sort_by_key(|i| i.range.start);
            // Kept for as long as the document: no room left over.
            inlines.shrink_to_fit();
            // A short paragraph in bold alone is a subheading.
            if block.kind == BlockKind::Paragraph
                && ctx.quote_depth == 0
                && end - self.start <= 120
                && inlines
                    .iter()
                    .any(|i| i.kind == InlineKind::Strong && i.range == (self.start..end))
                && !self.text[self.start..end].ends_with(['.', ',', ';', ':'])
            {
                block.kind = BlockKind::Heading { level: 3 };
            }
            if block.kind == BlockKind::Paragraph
                && ctx.quote_depth == 0
                && self.caption_by_place(self.start..end, &inlines)
            {
                block.kind = BlockKind::Caption;
            }
            if block.kind == BlockKind::Paragraph && ctx.quote_depth == 0 && ctx.list_depth == 0 {
                let text = &self.text[self.start..end];
                if !self.prose_seen && date_line(text) {
                    block.kind = BlockKind::Byline;
                } else if is_prose(text) {
                    self.prose_seen = true;
                }
            }
            block.inlines = inlines;
            self.add_block(block);
        } else {
            self.inlines.clear();
        }
        self.start = self.text.len();
        self.open = reopen.into_iter().map(|(_, k)| (self.start, k)).collect();
        self.space = false;
    }

    /// Adds a finished block, the list growing by a quarter (see
    /// [`room`]).
    fn add_block(&mut self, block: Block) {
        if self.blocks.len() == self.blocks.capacity() {
            crate::document::source_map::grow_gently(&mut self.blocks);
        }
        self.blocks.push(block);
    }

    /// True for a paragraph that is an image's caption by where it is and
    /// how it is written, with no class to say so: a short line wholly in
    /// italics right under an image (`<p><em>The bridge at dawn, photo
    /// by ...</em></p>`, as editors without a caption field write one),
    /// or a line repeating the alt text of the image just before it.
    fn caption_by_place(&self, range: std::ops::Range<usize>, inlines: &[Inline]) -> bool {
        let text = &self.text[range.clone()];
        if let Some(prev) = self.blocks.last()
            && prev.kind == BlockKind::Caption
            && self
                .text
                .get(prev.range.clone())
                .is_some_and(|p| p.eq_ignore_ascii_case(text))
        {
            return true;
        }
        self.block_after_image
            && text.split_whitespace().count() <= CAPTION_WORDS
            && inlines
                .iter()
                .any(|i| i.kind == InlineKind::Emphasis && i.range == range)
    }

    /// True for a `<figure>` that shows an image (or video): what text it
    /// has besides is its caption and credit (`<cite>Photographer</cite>`
    /// beside the `<figcaption>`), not body. A figure of a quote, a table
    /// or code is read as those. With `most_text`, a box (a `<div>`) of an
    /// image and at most that much text, one line under it.
    fn image_figure(&self, figure: NodeId, most_text: Option<usize>) -> bool {
        let tree = &self.page.tree;
        let mut image = false;
        let mut text = 0;
        let mut at = tree.node(figure).first_child;
        let mut steps = 0;
        let most_steps = if most_text.is_some() { 64 } else { TABLE_SCAN };
        while at != NONE {
            steps += 1;
            if steps > most_steps {
                return false;
            }
            if let Some(t) = tree.text(at)
                && self.page.visible[at as usize]
            {
                text += t.trim().len();
                if most_text.is_some_and(|most| text > most) {
                    return false;
                }
            }
            let mut descend = true;
            if let Some(tag) = tree.node(at).tag() {
                match *tag {
                    // A caption may hold paragraphs of its own.
                    local_name!("figcaption") => descend = false,
                    local_name!("img")
                    | local_name!("picture")
                    | local_name!("video")
                    | local_name!("iframe") => image = true,
                    // A box's line may be a paragraph; a figure's text
                    // outside its caption is not.
                    local_name!("blockquote")
                    | local_name!("table")
                    | local_name!("pre")
                    | local_name!("p")
                    | local_name!("ul")
                    | local_name!("ol")
                    | local_name!("h2")
                    | local_name!("h3")
                        if most_text.is_none() || *tag != local_name!("p") =>
                    {
                        return false;
                    }
                    _ => {}
                }
            }
            at = tree.next_in(at, figure, descend);
        }
        image && (most_text.is_none() || text > 0)
    }

    /// The text, without the blank line after the last block.
    pub fn finish(self) -> (String, SourceMap, Vec<Block>) {
        (self.text, self.map, self.blocks)
    }
}

/// Tells the furniture inside the article (share bars, related lists,
/// link-heavy boxes) from the article, before the document is built:
/// what it reads (each node's text, link text and prose, comments) is
/// then freed, since building the document is the peak of a large page's
/// memory.
pub struct Weigher<'a> {
    page: &'a Page,
    /// Per node: in comments (itself or an ancestor), from [`Inherited`].
    comments: &'a [bool],
    /// The headline, folded, so a heading repeating it is dropped.
    title_key: String,
    /// Root elements' text and prose, for telling a big part from a small one.
    root_chars: u32,
    root_prose: u32,
}

impl<'a> Weigher<'a> {
    pub fn new(
        page: &'a Page,
        comments: &'a [bool],
        title: Option<&str>,
        roots: &[NodeId],
    ) -> Self {
        Weigher {
            page,
            comments,
            title_key: title.map(super::meta::fold).unwrap_or_default(),
            root_chars: roots
                .iter()
                .map(|&r| page.chars[r as usize])
                .sum::<u32>()
                .max(1),
            root_prose: roots
                .iter()
                .map(|&r| page.prose.get(r as usize).copied().unwrap_or(0))
                .sum::<u32>()
                .max(1),
        }
    }

    /// The furniture reading the article's roots sets apart, in the order
    /// [`Builder::body`] comes to it: the walk goes where the builder's
    /// goes (not into hidden nodes, text, line breaks, rules, images,
    /// `<picture>`, `<svg>`, nor into what is set apart).
    pub fn furniture(&self, roots: &[NodeId]) -> Vec<NodeId> {
        let tree = &self.page.tree;
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = Vec::new();
        for &root in roots {
            stack.clear();
            stack.push(root);
            while let Some(id) = stack.pop() {
                if !self.page.visible[id as usize] || tree.node(id).is_text() {
                    continue;
                }
                if let Some(tag) = tree.node(id).tag() {
                    if id != root
                        && (!is_inline(tag) || self.lone_time(id, tag))
                        && self.set_apart(id, tag)
                    {
                        out.push(id);
                        continue;
                    }
                    if matches!(
                        *tag,
                        local_name!("br")
                            | local_name!("hr")
                            | local_name!("img")
                            | local_name!("picture")
                            | local_name!("svg")
                    ) {
                        continue;
                    }
                }
                // The children, to be popped first to last.
                let from = stack.len();
                stack.extend(tree.children(id));
                stack[from..].reverse();
            }
        }
        out
    }

    /// True for a `<time>` that stands alone between blocks (not inside a
    /// sentence): a date line under a headline, as `<time>` alone is.
    fn lone_time(&self, id: NodeId, tag: &LocalName) -> bool {
        if *tag != local_name!("time") {
            return false;
        }
        let tree = &self.page.tree;
        let parent = tree.node(id).parent;
        if parent == NONE {
            return false;
        }
        // Each sibling is blank text, a comment or a block (looked at up
        // to a bound: a page of 100,000 sibling `<time>`s stays linear).
        let mut siblings = tree.children(parent).filter(|&c| c != id);
        let lone = siblings.by_ref().take(64).all(|c| {
            let node = tree.node(c);
            match (tree.text(c), node.tag()) {
                (Some(t), _) => t.trim().is_empty(),
                (None, Some(t)) => !is_inline(t) || !self.page.visible[c as usize],
                (None, None) => true,
            }
        });
        lone && siblings.next().is_none()
    }

    /// Furniture inside the article: set apart rather than read.
    fn set_apart(&self, id: NodeId, tag: &LocalName) -> bool {
        let i = id as usize;
        let page = self.page;
        // Most of the article's prose is the article, whatever its wrapper
        // is called (a `paywall` box holding the text of a saved page).
        let most = page.prose.get(i).is_some_and(|&p| p * 2 > self.root_prose) && !self.comments[i];
        match page.role[i] {
            Role::Furniture | Role::Weak if most => {}
            Role::Furniture | Role::Byline => return true,
            // Roles are read for blocks; a lone `<time>` is a date line.
            _ if *tag == local_name!("time") => return true,
            // A subheading's class often says `title` (`block-title`,
            // `section-title`): inside the article it is a subheading
            // unless it is a link (a teaser's title).
            Role::Weak if matches!(heading_level(tag), Some(2..)) => {
                if page.link_density(id) > 0.5 {
                    return true;
                }
            }
            Role::Weak => {
                if page.chars[i] * 3 < self.root_chars || page.link_density(id) > 0.5 {
                    return true;
                }
            }
            Role::Content | Role::Neutral | Role::Caption => {}
        }
        if let Some(1) = heading_level(tag) {
            let text = self.plain_text(id);
            let key = super::meta::fold(&text);
            if key.is_empty() || key == self.title_key {
                return true;
            }
        }
        let ld = page.link_density(id);
        let chars = page.chars[i];
        if chars == 0 {
            return false;
        }
        match *tag {
            local_name!("p") => ld >= 0.8 || (ld >= 0.5 && self.label_then_link(id)),
            local_name!("div")
            | local_name!("section")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("dl")
            | local_name!("table")
            | local_name!("form")
            | local_name!("menu")
            | local_name!("header")
            | local_name!("article")
            | local_name!("aside") => ld > 0.5 && chars < self.root_chars / 2,
            _ => false,
        }
    }

    /// True for a paragraph that is a short label ending in a colon and
    /// then a link, with nothing after it (`READ MORE: <a>`, `See also:
    /// <a>`): a pointer to another page, however long the linked title.
    /// Told by its shape, so in any language.
    fn label_then_link(&self, id: NodeId) -> bool {
        let tree = &self.page.tree;
        let mut label = String::new();
        let mut after = 0usize;
        let mut seen_link = false;
        let mut at = id;
        let mut steps = 0;
        while at != NONE && steps < 1_000 {
            steps += 1;
            let node = tree.node(at);
            let shown = self.page.visible[at as usize];
            if shown && node.tag() == Some(&local_name!("a")) {
                seen_link = true;
                at = tree.next_in(at, id, false);
                continue;
            }
            if shown && let Some(t) = tree.text(at) {
                if seen_link {
                    // Even a `!` after the link makes it part of a
                    // sentence (`Pro tip: <a>more ideas here</a>!`).
                    after += t.chars().filter(|c| !c.is_whitespace()).count();
                } else {
                    label.push_str(t);
                }
            }
            at = tree.next_in(at, id, shown);
        }
        let label = label.trim();
        seen_link
            && after == 0
            && label.ends_with([':', '\u{ff1a}'])
            && (1..=30).contains(&label.chars().filter(|c| !c.is_whitespace()).count())
    }

    /// The visible text of a small subtree, whitespace folded.
    fn plain_text(&self, id: NodeId) -> String {
        let mut out = String::new();
        let mut at = id;
        let mut steps = 0;
        while at != NONE && steps < 10_000 {
            steps += 1;
            if let Some(t) = self.page.tree.text(at) {
                out.push_str(t);
            }
            at = self
                .page
                .tree
                .next_in(at, id, self.page.visible[at as usize]);
        }
        super::meta::squash(&out)
    }
}
