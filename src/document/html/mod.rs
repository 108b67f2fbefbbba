//! Web pages onto the one [`Document`]: the article, not the page.
//!
//! One entry point, [`parse`], takes what any source of a page has: its
//! bytes, the charset the transport named (a `Content-Type` header, if
//! any) and the URL it came from (to resolve relative links). It never
//! does I/O, so a saved file, a pipe and a fetched page read the same.
//!
//! The steps: decode ([`decode`]), build the tree with html5ever
//! ([`tree`]), read the metadata ([`meta`]), weigh every element
//! ([`page`], [`classify`]), choose the article ([`article`]) and read it
//! into blocks ([`emit`]). The reader can take the last step in two: all
//! but building the document ([`prepare`]), then the document's first
//! screens and, after its first frame, the whole ([`Prepared::emit`]).
//! The page around the article (navigation,
//! related lists, comments) follows the body as boilerplate sections,
//! hidden or shown with `x`, never interleaved with it.

mod article;
mod classify;
mod decode;
mod emit;
mod furniture;
mod link;
mod meta;
mod nesting;
mod page;
mod tree;

use super::{BlockKind, Document, Format, Meta, Source, build_named_sections};
use html5ever::local_name;
use tree::{NONE, NodeId, Tree};

/// True when the start of a text looks like HTML: a doctype, or one of
/// `<html`, `<head`, `<body`, `<article` as the first tag (after a BOM,
/// whitespace and comments).
pub fn sniff(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // UTF-16 pages: look at the low bytes only.
    let narrowed: Vec<u8>;
    if rest.starts_with(&[0xFF, 0xFE]) || rest.starts_with(&[0xFE, 0xFF]) {
        let skip = usize::from(rest.starts_with(&[0xFE, 0xFF]));
        narrowed = rest[2..]
            .iter()
            .skip(skip)
            .step_by(2)
            .take(1024)
            .copied()
            .collect();
        rest = &narrowed;
    }
    for _ in 0..16 {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<!--") {
            match memchr::memmem::find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
            continue;
        }
        break;
    }
    let head: Vec<u8> = rest.iter().take(16).map(u8::to_ascii_lowercase).collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<article",
        b"<?xml",
    ]
    .iter()
    .any(|p| head.starts_with(p))
        && (!head.starts_with(b"<?xml") || contains_html_tag(bytes))
}

/// True for an XML declaration that heads an XHTML page.
fn contains_html_tag(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(2048)
        .map(u8::to_ascii_lowercase)
        .collect();
    memchr::memmem::find(&head, b"<html").is_some()
}

/// Reads a page into a document. `charset` is the transport's, if any;
/// `url` is where the page came from (relative links resolve against its
/// `<base href>`, else `url`, else its canonical URL).
pub fn parse(name: &str, bytes: &[u8], charset: Option<&str>, url: Option<&str>) -> Document {
    parse_source(&decode(name, bytes, charset), url)
}

pub use decode::{decode, decode_owned};

/// Reads a decoded page ([`decode`], [`decode_owned`]) into a document.
pub fn parse_source(source: &Source, url: Option<&str>) -> Document {
    match prepare(source, url).emit(source, None) {
        Emitted::Whole(doc) | Emitted::Start(doc) => doc,
    }
}

/// A page read up to its document: the tree weighed, the article chosen,
/// what is set apart and the names of the parts settled. What is left,
/// building the document ([`Prepared::emit`]), the reader does after its
/// first frame for all but the first screens.
pub struct Prepared {
    name: String,
    page: page::Page,
    roots: Vec<NodeId>,
    /// The furniture set apart inside the article, sorted.
    apart: Vec<NodeId>,
    /// The elements whose markup says they are captions.
    captions: Vec<NodeId>,
    base: Option<String>,
    title: Option<String>,
    meta: Meta,
    regions: Vec<NodeId>,
    region_names: Vec<String>,
    notices: Vec<String>,
}

/// What [`Prepared::emit`] built.
pub enum Emitted {
    /// The whole document.
    Whole(Document),
    /// Its start: its text a byte prefix of the whole's, its blocks the
    /// whole's first blocks (the last one body text, so no heading in it
    /// is still to be judged furniture), its sections the whole's but for
    /// the last one's extent. No boilerplate: that follows the body.
    Start(Document),
}

/// Reads a decoded page up to building its document.
pub fn prepare(source: &Source, url: Option<&str>) -> Prepared {
    let name = source.name.as_str();
    let flat = nesting::flatten(&source.text);
    let mut tree = Tree::parse(flat.as_deref().unwrap_or(&source.text));
    if flat.is_some() {
        tree.forget_offsets();
    }
    drop(flat);
    let found = meta::read(&tree);
    let base_tag = tree
        .find(&local_name!("base"))
        .and_then(|b| tree.node(b).attr("href").map(str::to_string));
    let base = match (base_tag, url) {
        (Some(b), Some(u)) => Some(link::resolve(&b, u)),
        (Some(b), None) => Some(b),
        (None, Some(u)) => Some(u.to_string()),
        (None, None) => found.meta.canonical_url.clone(),
    };
    let mut page = page::Page::new(tree);
    let article::Article {
        roots,
        inh,
        found: is_article,
    } = article::choose(&mut page, found.ld_body.as_deref());
    let comments = inh.into_comments();
    // Only choosing the article reads punctuation; the document is built
    // at the peak of a large page's memory.
    page.punct = Vec::new();
    let h1 = first_h1(&page, &roots);
    // The rest walks the tree for the same order.
    page.order = Vec::new();
    let line = first_line(&page, &roots);
    let title = meta::headline(&found, h1.as_deref(), line.as_deref());
    let mut notices = source.notices.clone();
    if !is_article {
        notices.push("no article found on this page; showing its readable text".to_string());
    }

    // What is set apart, and the names of the parts, are settled before
    // the document is built, and what only they read is freed: building
    // the document is the peak of a large page's memory.
    let set_aside =
        emit::Weigher::new(&page, &comments, title.as_deref(), &roots).furniture(&roots);
    let regions = regions(&page, &roots, &set_aside);
    let (regions, region_names) = furniture_names(&page, &roots, regions);
    drop(comments);
    page.chars = Vec::new();
    page.link_chars = Vec::new();
    page.prose = Vec::new();
    let captions: Vec<NodeId> = (0..page.role.len())
        .filter(|&i| page.role[i] == classify::Role::Caption)
        .filter_map(|i| NodeId::try_from(i).ok())
        .collect();
    page.role = Vec::new();
    // The document reads links, list numbers and images' text alone.
    page.tree.keep_only(&["href", "start", "alt"]);
    let mut apart = set_aside;
    apart.sort_unstable();
    Prepared {
        name: name.to_string(),
        page,
        roots,
        apart,
        captions,
        base,
        title,
        meta: found.meta,
        regions,
        region_names,
        notices,
    }
}

impl Prepared {
    /// Builds the document from the page it was prepared from. With
    /// `first`, stops at the first body block that ends past `first`
    /// bytes of text, when there is one: the start of the document.
    pub fn emit(&self, source: &Source, first: Option<usize>) -> Emitted {
        let mut b = emit::Builder::new(
            &self.page,
            &self.apart,
            &self.captions,
            &source.text,
            &source.map,
            self.base.as_deref(),
        );
        if let Some(t) = &self.title {
            b.push_block(BlockKind::Title, t, Some(t));
        }
        let header = header_line(&self.meta);
        b.push_block(BlockKind::Byline, &header, None);
        b.stop_after = first;
        b.body(&self.roots);
        let whole = !b.stopped();
        let made = if whole {
            b.boilerplate(&self.regions)
        } else {
            Vec::new()
        };
        let (text, map, mut drafts) = b.finish();
        trailing_headings(&mut drafts);
        if let Some(t) = &self.title {
            repeated_headline(&text, &mut drafts, t);
        }
        let mut names: Vec<Option<&str>> = vec![None; drafts.len()];
        for (name, range) in self.region_names.iter().zip(made) {
            for slot in &mut names[range] {
                *slot = Some(name);
            }
        }
        let title_block = drafts.iter().position(|b| b.kind == BlockKind::Title);
        let blocks = super::Blocks::from_drafts(drafts);
        let sections = build_named_sections(&text, &blocks, |i| names[i]);
        let mut meta = self.meta.clone();
        meta.title.clone_from(&self.title);
        let doc = Document {
            name: self.name.clone(),
            format: Format::Html,
            text,
            blocks,
            sections,
            title: title_block,
            dateline: None,
            source_map: map,
            notices: self.notices.clone(),
            meta,
        };
        if whole {
            Emitted::Whole(doc)
        } else {
            Emitted::Start(doc)
        }
    }
}

/// The first visible `<h1>` in or before the article.
fn first_h1(page: &page::Page, roots: &[NodeId]) -> Option<String> {
    let first_root = roots.first().copied()?;
    let mut best = None;
    for &id in &page.order {
        if page.tag(id) == Some(&local_name!("h1")) {
            let text = text_of(page, id);
            if !text.is_empty() {
                best = Some(text);
                if page.tree.contains(first_root, id) {
                    break;
                }
            }
        }
        if id == first_root && best.is_some() {
            break;
        }
    }
    best
}

/// The article's first line: the text of its first block up to a line
/// break or the block's end, furniture and bylines skipped. A headline
/// set in a `<div>` or a bold line (a page with no `<h1>`) is there.
fn first_line(page: &page::Page, roots: &[NodeId]) -> Option<String> {
    let root = *roots.first()?;
    let mut out = String::new();
    let mut block = NONE;
    let mut at = root;
    let mut steps = 0;
    while at != NONE && steps < 4096 {
        steps += 1;
        let i = at as usize;
        let mut descend = page.visible[i];
        if descend && let Some(t) = page.tree.text(at) {
            if !t.trim().is_empty() {
                let parent = page.tree.node(at).parent;
                if block == NONE {
                    block = parent;
                } else if !page.tree.contains(block, at) {
                    break;
                }
            }
            out.push_str(t);
            if out.len() > 4096 {
                return None;
            }
        } else if descend && let Some(tag) = page.tag(at) {
            let started = block != NONE;
            if started && (!page::is_inline(tag) || *tag == local_name!("br")) {
                break;
            }
            if at != root
                && matches!(
                    page.role[i],
                    classify::Role::Furniture | classify::Role::Byline
                )
            {
                descend = false;
            }
        }
        at = page.tree.next_in(at, root, descend);
    }
    let line = meta::squash(&out);
    (!line.is_empty()).then_some(line)
}

fn text_of(page: &page::Page, id: NodeId) -> String {
    let mut out = String::new();
    let mut at = id;
    let mut steps = 0;
    while at != NONE && steps < 10_000 {
        steps += 1;
        if let Some(t) = page.tree.text(at) {
            out.push_str(t);
        }
        at = page.tree.next_in(at, id, page.visible[at as usize]);
    }
    meta::squash(&out)
}

/// The compact line under the title: authors, dates, site, section.
fn header_line(meta: &Meta) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !meta.authors.is_empty() {
        parts.push(format!("By {}", join_names(&meta.authors)));
    }
    if let Some(d) = meta.published.as_deref().map(short_date) {
        parts.push(d);
    }
    if let Some(u) = meta.updated.as_deref().map(short_date)
        && Some(&u) != meta.published.as_deref().map(short_date).as_ref()
    {
        parts.push(format!("updated {u}"));
    }
    if let Some(s) = &meta.site_name {
        parts.push(s.clone());
    }
    if let Some(s) = &meta.section {
        parts.push(s.clone());
    }
    parts.join(" · ")
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `2019-11-18T20:13:00Z` as `2019-11-18 20:13`; anything else as given.
fn short_date(date: &str) -> String {
    let d = date.trim();
    let b = d.as_bytes();
    // All ten bytes checked, so the cut at 10 is on a character boundary
    // (a page's date is text: `2024-05-0ß2` must not panic).
    let iso = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !iso {
        return meta::squash(d);
    }
    let day = &d[..10];
    match d.get(10..16) {
        Some(t) if t.starts_with('T') || t.starts_with(' ') => {
            let time = &t[1..];
            if time == "00:00" {
                day.to_string()
            } else {
                format!("{day} {time}")
            }
        }
        _ => day.to_string(),
    }
}

/// The page outside the article, and the furniture set apart inside it,
/// in document order: each becomes a block of boilerplate.
fn regions(page: &page::Page, roots: &[NodeId], set_aside: &[NodeId]) -> Vec<NodeId> {
    let n = page.tree.nodes.len();
    let mut on_path = vec![false; n];
    let mut is_root = vec![false; n];
    for &r in roots {
        is_root[r as usize] = true;
        let mut at = page.tree.node(r).parent;
        while at != NONE && !on_path[at as usize] {
            on_path[at as usize] = true;
            at = page.tree.node(at).parent;
        }
    }
    let mut out = Vec::new();
    let mut id = page.body;
    if is_root[id as usize] {
        id = NONE;
    }
    while id != NONE {
        let i = id as usize;
        let descend = on_path[i] && !is_root[i];
        if !on_path[i] && !is_root[i] && page.visible[i] && page.chars[i] > 0 {
            out.push(id);
        }
        id = page.tree.next_in(id, page.body, descend);
    }
    // In document order: the page's visible nodes are, and the parts
    // outside the article and those set apart inside it are two sets of
    // them with nothing in common (a flag a node, not a position: this
    // runs while the document, the biggest part of a large page's memory,
    // is being built).
    let mut chosen = on_path;
    chosen.fill(false);
    for &id in out.iter().chain(set_aside) {
        chosen[id as usize] = true;
    }
    out.clear();
    out.extend(page.walk_order().filter(|&id| chosen[id as usize]));
    out
}

/// The set-apart parts of the page, each with its name for the outline,
/// those of one name together (in the order the names first come), so
/// the outline has one "Navigation" or "Comments" entry rather than one
/// per piece.
fn furniture_names(
    page: &page::Page,
    roots: &[NodeId],
    regions: Vec<NodeId>,
) -> (Vec<NodeId>, Vec<String>) {
    // Per node: before the article in the page (a flag, not a position:
    // this runs while the document is being built, at the peak of a
    // large page's memory).
    let mut before = vec![false; page.tree.nodes.len()];
    if let Some(&first) = roots.first() {
        for id in page.walk_order().take_while(|&id| id != first) {
            before[id as usize] = true;
        }
    }
    let mut named: Vec<(usize, NodeId, String)> = Vec::with_capacity(regions.len());
    let mut groups: Vec<String> = Vec::new();
    for region in regions {
        let place = if before[region as usize] {
            furniture::Place::Above
        } else if roots.iter().any(|&r| page.tree.contains(r, region)) {
            furniture::Place::Inside
        } else {
            furniture::Place::Below
        };
        let name = furniture::name(page, region, place);
        let group = match groups.iter().position(|g| *g == name) {
            Some(g) => g,
            None => {
                groups.push(name.clone());
                groups.len() - 1
            }
        };
        named.push((group, region, name));
    }
    named.sort_by_key(|&(group, _, _)| group);
    named.into_iter().map(|(_, id, name)| (id, name)).unzip()
}

/// The article's first block when it repeats the headline (set in a
/// `<div>` or a bold line on a page with no `<h1>`; an `<h1>` is set
/// apart before): furniture, as the title shows it.
fn repeated_headline(text: &str, blocks: &mut [super::BlockDraft], title: &str) {
    let first = blocks.iter_mut().find(|b| {
        !matches!(
            b.kind,
            BlockKind::Title | BlockKind::Byline | BlockKind::Boilerplate
        )
    });
    if let Some(block) = first
        && matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. })
        && text
            .get(block.range.clone())
            .is_some_and(|t| meta::fold(t) == meta::fold(title))
    {
        block.kind = BlockKind::Boilerplate;
    }
}

/// A heading with no body text after it before the next heading or the
/// end ("Related stories" whose list was set apart) is furniture too.
fn trailing_headings(blocks: &mut [super::BlockDraft]) {
    /// What follows a block, read from the end.
    #[derive(Clone, Copy)]
    enum Next {
        End,
        Heading(u8),
        Body,
    }
    let mut next = Next::End;
    for block in blocks.iter_mut().rev() {
        match block.kind {
            BlockKind::Heading { level } => {
                let empty = match next {
                    Next::End => true,
                    Next::Heading(l) => l <= level,
                    Next::Body => false,
                };
                if empty {
                    block.kind = BlockKind::Boilerplate;
                } else {
                    next = Next::Heading(level);
                }
            }
            // Captions alone under a heading are a box of pictures and
            // their titles (`You may also like:` over teasers), not a
            // section of the article.
            BlockKind::Boilerplate | BlockKind::Title | BlockKind::Byline | BlockKind::Caption => {}
            _ => next = Next::Body,
        }
    }
}

#[cfg(test)]
mod tests;
