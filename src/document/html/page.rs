//! What each element of a page is and how much readable text it holds:
//! the facts the article is chosen from.
//!
//! One pass in document order marks what a browser never shows (scripts,
//! styles, templates, `hidden`, `aria-hidden`, inline `display:none`) and
//! gives each element its [`Role`]; one pass in reverse order sums, for
//! every element, its visible characters, those inside links, and its
//! sentence punctuation.

use html5ever::{LocalName, local_name};

use super::classify::{self, Role};
use super::tree::{Data, NONE, NodeId, ROOT, Tree};

/// A parsed page and the facts about each node.
pub struct Page {
    pub tree: Tree,
    /// Visible nodes in document order (elements and text); freed once
    /// the article is chosen ([`Page::walk_order`] walks the same).
    pub order: Vec<NodeId>,
    /// Per node: shown at all.
    pub visible: Vec<bool>,
    /// Per node: what its markup says it is.
    pub role: Vec<Role>,
    /// Per node: visible non-space characters in its subtree.
    pub chars: Vec<u32>,
    /// Per node: of those, the ones inside links.
    pub link_chars: Vec<u32>,
    /// Per node: sentence punctuation in its subtree (commas and full
    /// stops of any script).
    pub punct: Vec<u32>,
    /// Per node: prose, the non-link text of paragraph-sized blocks in its
    /// subtree (filled when the article is chosen).
    pub prose: Vec<u32>,
    /// The `<body>` (or the document when there is none).
    pub body: NodeId,
    /// Threads of replies told by their reply box rather than by their
    /// names (filled when the article is chosen), sorted.
    pub threads: Vec<NodeId>,
}

/// Elements whose content is never text for the reader.
fn never_shown(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("noscript")
            | local_name!("head")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("button")
            | local_name!("input")
            | local_name!("select")
            | local_name!("option")
            | local_name!("textarea")
            | local_name!("dialog")
            | local_name!("map")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("title")
            | local_name!("base")
            | local_name!("source")
            | local_name!("track")
            | local_name!("param")
    )
}

/// Elements laid out inline: they never start a block.
pub fn is_inline(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("a")
            | local_name!("abbr")
            | local_name!("b")
            | local_name!("bdi")
            | local_name!("bdo")
            | local_name!("cite")
            | local_name!("code")
            | local_name!("data")
            | local_name!("del")
            | local_name!("dfn")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("img")
            | local_name!("ins")
            | local_name!("kbd")
            | local_name!("label")
            | local_name!("mark")
            | local_name!("q")
            | local_name!("s")
            | local_name!("samp")
            | local_name!("small")
            | local_name!("span")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("sub")
            | local_name!("sup")
            | local_name!("time")
            | local_name!("tt")
            | local_name!("u")
            | local_name!("var")
            | local_name!("wbr")
            | local_name!("br")
            | local_name!("picture")
            | local_name!("nobr")
    )
}

/// True for an element the page hides: the `hidden` attribute,
/// `aria-hidden="true"`, or an inline style of `display:none` or
/// `visibility:hidden`.
pub fn hidden(node: super::tree::NodeRef<'_>) -> bool {
    if node.attr("hidden").is_some() {
        return true;
    }
    if node
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let squashed: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        return squashed.contains("display:none") || squashed.contains("visibility:hidden");
    }
    false
}

/// A text's non-space characters and its sentence punctuation (Latin,
/// CJK, Arabic, Devanagari), in one pass.
fn counts(text: &str) -> (u32, u32) {
    let (mut chars, mut punct) = (0u32, 0u32);
    for c in text.chars() {
        chars += u32::from(!c.is_whitespace());
        punct += u32::from(matches!(
            c,
            ',' | '.' | '!' | '?' | ';' | '，' | '。' | '、' | '！' | '？' | '；' | '،' | '۔' | '।'
        ));
    }
    (chars, punct)
}

impl Page {
    pub fn new(tree: Tree) -> Page {
        let n = tree.nodes.len();
        let mut page = Page {
            order: Vec::with_capacity(n),
            visible: vec![false; n],
            role: vec![Role::Neutral; n],
            chars: vec![0; n],
            link_chars: vec![0; n],
            punct: vec![0; n],
            prose: Vec::new(),
            body: ROOT,
            threads: Vec::new(),
            tree,
        };
        page.body = page.tree.find(&local_name!("body")).unwrap_or(ROOT);
        page.mark();
        page.sum();
        page
    }

    /// True for a node named comments, or a thread of replies.
    pub fn is_comments(&self, id: NodeId) -> bool {
        (self.role[id as usize] == Role::Furniture
            && super::classify::is_comments(self.tree.node(id)))
            || self.threads.binary_search(&id).is_ok()
    }

    /// The tag of an HTML element.
    pub fn tag(&self, id: NodeId) -> Option<&LocalName> {
        self.tree.node(id).tag()
    }

    fn mark(&mut self) {
        let mut scratch = Vec::new();
        let mut id = self.body;
        while id != NONE {
            let node = self.tree.node(id);
            let shown = match &node.data {
                Data::Text { .. } => true,
                Data::Element { .. } => {
                    node.tag().is_some_and(|t| !never_shown(t)) && !hidden(node)
                }
                Data::Document => true,
                Data::Other => false,
            };
            if shown {
                self.visible[id as usize] = true;
                self.order.push(id);
                // The body's and root's classes describe the whole page
                // (`one-sidebar`), not a part of it.
                if let Some(tag) = node.tag()
                    && !matches!(*tag, local_name!("body") | local_name!("html"))
                {
                    if !is_inline(tag) {
                        self.role[id as usize] = classify::role(node, tag, &mut scratch);
                    } else if *tag != local_name!("a")
                        && node.attr("class").is_some_and(classify::may_name_caption)
                        && classify::role(node, tag, &mut scratch) == classify::Role::Caption
                    {
                        // An inline element says little about the page's
                        // parts, but `<span class="caption">` is a caption
                        // however it is written.
                        self.role[id as usize] = classify::Role::Caption;
                    }
                }
            }
            id = self.tree.next_in(id, self.body, shown);
        }
        // Made for every node; the hidden ones' room is not needed.
        self.order.shrink_to_fit();
    }

    fn sum(&mut self) {
        for &id in self.order.iter().rev() {
            let node = self.tree.node(id);
            let i = id as usize;
            if let Some(text) = self.tree.text(id) {
                (self.chars[i], self.punct[i]) = counts(text);
            }
            if node.tag() == Some(&local_name!("a")) {
                self.link_chars[i] = self.chars[i];
            }
            let parent = node.parent;
            if parent != NONE && id != self.body {
                let p = parent as usize;
                self.chars[p] += self.chars[i];
                self.link_chars[p] += self.link_chars[i];
                self.punct[p] += self.punct[i];
            }
        }
    }

    /// The visible nodes in document order, walked from the tree: the
    /// same nodes as [`Page::order`], for when that table is gone (it is
    /// freed before the document is built, the peak of a large page's
    /// memory).
    pub fn walk_order(&self) -> impl Iterator<Item = NodeId> + '_ {
        let mut id = self.body;
        std::iter::from_fn(move || {
            while id != NONE {
                let at = id;
                let shown = self.visible[at as usize];
                id = self.tree.next_in(at, self.body, shown);
                if shown {
                    return Some(at);
                }
            }
            None
        })
    }

    /// Share of an element's text that is inside links.
    pub fn link_density(&self, id: NodeId) -> f32 {
        let c = self.chars[id as usize];
        if c == 0 {
            0.0
        } else {
            self.link_chars[id as usize] as f32 / c as f32
        }
    }
}
