//! The page as html5ever builds it: a flat arena of nodes linked by index.
//!
//! html5ever does the HTML5 tree construction (implied and misnested tags,
//! tables, character references); this module only stores what it builds.
//! Nodes live in one `Vec` and point at each other by `u32` index, so a page
//! of a million elements is a few allocations and every walk over it is a
//! loop, never recursion (100,000 nested elements must not overflow the
//! stack).

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::ElemName;
use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, local_name, ns};

/// A node index; [`NONE`] for no node.
pub type NodeId = u32;
/// No node.
pub const NONE: NodeId = u32::MAX;
/// The document node.
pub const ROOT: NodeId = 0;
/// A text's place in the page is not bounded.
pub const UNKNOWN: u32 = u32::MAX;

/// Attributes lede reads (the classifier, metadata, links, lists); the
/// rest of a page's attributes (`data-*`, `srcset`, tracking) are not
/// kept, so a large page's tree stays small.
const KEPT_ATTRIBUTES: [&str; 18] = [
    "alt",
    "aria-hidden",
    "charset",
    "class",
    "content",
    "hidden",
    "href",
    "id",
    "itemprop",
    "lang",
    "name",
    "property",
    "rel",
    "role",
    "start",
    "style",
    "type",
    "xml:lang",
];

/// A kept attribute: which of [`KEPT_ATTRIBUTES`] it is and where its
/// value is in the tree's one buffer of attribute values. No allocation
/// of its own: a page has hundreds of thousands of attributes, and a
/// small allocation each cost more than its bytes (the allocator's
/// header and rounding) on a large page.
#[derive(Debug, Clone, Copy)]
struct Attr {
    name: u8,
    start: u32,
    end: u32,
}

#[derive(Debug)]
pub enum Data {
    Document,
    /// An element: its local name, its namespace (an index into the
    /// tree's few namespaces) and its kept attributes (`count` of them
    /// from `attrs` in the tree's table of attributes).
    Element {
        local: LocalName,
        attrs: u32,
        count: u8,
        ns: u8,
    },
    /// Text: a range of the tree's one text buffer, and `by`: how far
    /// into the page the parser had been fed when the text's first
    /// non-space character came, so where that character can be at the
    /// latest ([`UNKNOWN`] until such a character comes, or when the
    /// tree was parsed from other text than the page's).
    Text {
        start: u32,
        end: u32,
        by: u32,
    },
    /// Comments, doctypes, processing instructions: never shown.
    Other,
}

/// A node as stored: links to its neighbours and what it is. Kept small
/// (32 bytes), since a page has a node every few dozen bytes: the links
/// back (previous sibling, last child), which only building the tree
/// needs, are kept beside it while it is built ([`Back`]).
#[derive(Debug)]
pub struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub next: NodeId,
    /// The source line the parser was on when it made the node (1-based):
    /// where to start looking for the node's text in the page.
    pub line: u32,
    pub data: Data,
}

impl Node {
    fn new(data: Data) -> Self {
        Node {
            parent: NONE,
            first_child: NONE,
            next: NONE,
            line: 1,
            data,
        }
    }

    /// The element's local name, if it is an HTML element (not SVG or
    /// MathML).
    pub fn tag(&self) -> Option<&LocalName> {
        match &self.data {
            Data::Element { local, ns, .. } if *ns == HTML_NS => Some(local),
            _ => None,
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self.data, Data::Text { .. })
    }
}

/// A node with the tree it is in, so its attributes can be read. It
/// dereferences to the [`Node`] for the links and the data.
#[derive(Debug, Clone, Copy)]
pub struct NodeRef<'a> {
    tree: &'a Tree,
    node: &'a Node,
}

impl std::ops::Deref for NodeRef<'_> {
    type Target = Node;
    fn deref(&self) -> &Node {
        self.node
    }
}

impl<'a> NodeRef<'a> {
    /// The element's local name, if it is an HTML element, for as long
    /// as the tree (not this reference) lives.
    pub fn tag(&self) -> Option<&'a LocalName> {
        self.node.tag()
    }

    /// An attribute's value (names are lower case in HTML); only the
    /// [`KEPT_ATTRIBUTES`] are there.
    pub fn attr(&self, key: &str) -> Option<&'a str> {
        debug_assert!(KEPT_ATTRIBUTES.contains(&key), "{key} is not kept");
        let Data::Element { attrs, count, .. } = self.node.data else {
            return None;
        };
        let all = &self.tree.attrs;
        let from = attrs as usize;
        all.get(from..from + usize::from(count))?
            .iter()
            .find(|a| KEPT_ATTRIBUTES[usize::from(a.name)] == key)
            .and_then(|a| self.tree.values.get(a.start as usize..a.end as usize))
    }
}

/// The namespace index of HTML: the first the tree meets (see
/// [`Sink::new`]).
const HTML_NS: u8 = 0;

/// The index in [`KEPT_ATTRIBUTES`] of an attribute's name, if it is
/// kept: atoms compare as integers, so each of a page's attributes costs
/// one match, not a string comparison with every kept name.
fn kept_index(name: &LocalName) -> Option<u8> {
    Some(match *name {
        local_name!("alt") => 0,
        local_name!("aria-hidden") => 1,
        local_name!("charset") => 2,
        local_name!("class") => 3,
        local_name!("content") => 4,
        local_name!("hidden") => 5,
        local_name!("href") => 6,
        local_name!("id") => 7,
        local_name!("itemprop") => 8,
        local_name!("lang") => 9,
        local_name!("name") => 10,
        local_name!("property") => 11,
        local_name!("rel") => 12,
        local_name!("role") => 13,
        local_name!("start") => 14,
        local_name!("style") => 15,
        local_name!("type") => 16,
        local_name!("xml:lang") => 17,
        _ => return None,
    })
}

/// Stores the kept attributes of an element at the end of the table and
/// the buffer; the first of them and how many.
fn keep(
    attrs: &[Attribute],
    table: &mut Vec<Attr>,
    values: &mut String,
    skip: impl Fn(u8) -> bool,
) -> (u32, u8) {
    let first = narrow(table.len());
    let mut count = 0u8;
    for a in attrs {
        if a.name.ns != ns!() {
            continue;
        }
        let Some(name) = kept_index(&a.name.local) else {
            continue;
        };
        if skip(name) || table[first as usize..].iter().any(|e| e.name == name) {
            continue;
        }
        let start = narrow(values.len());
        values.push_str(&a.value);
        table.push(Attr {
            name,
            start,
            end: narrow(values.len()),
        });
        count += 1;
    }
    (first, count)
}

/// A parsed page.
#[derive(Debug)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// Every text node's text, one after another.
    text: String,
    /// Every element's kept attributes, element after element.
    attrs: Vec<Attr>,
    /// Their values, one after another.
    values: String,
}

/// Bytes of page handed to html5ever at a time: it copies what it is
/// given, and its text pieces would keep a whole-page copy alive. Small,
/// since how much has been fed when a text comes bounds where the text
/// is in the page (see [`Tree::text_by`]).
const FEED: usize = 4 * 1024;

impl Tree {
    /// Parses decoded HTML into a tree. Never fails: html5ever recovers from
    /// any input as a browser does.
    pub fn parse(html: &str) -> Tree {
        let sink = Sink::new();
        let mut parser = html5ever::parse_document(sink, Default::default());
        let mut rest = html;
        while !rest.is_empty() {
            let mut cut = rest.len().min(FEED);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (piece, after) = rest.split_at(cut);
            parser
                .tokenizer
                .sink
                .sink
                .fed
                .set(narrow(html.len() - after.len()));
            parser.process(StrTendril::from_slice(piece));
            rest = after;
        }
        let mut tree = parser.finish();
        tree.nodes.shrink_to_fit();
        tree.text.shrink_to_fit();
        tree.attrs.shrink_to_fit();
        tree.values.shrink_to_fit();
        tree
    }

    pub fn node(&self, id: NodeId) -> NodeRef<'_> {
        NodeRef {
            tree: self,
            node: &self.nodes[id as usize],
        }
    }

    /// A text node's text.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.node(id).data {
            Data::Text { start, end, .. } => self.text.get(start as usize..end as usize),
            _ => None,
        }
    }

    /// The page offset a text node's first non-space character is at or
    /// before, if known: a text searched for in the page need not be
    /// looked for past it.
    pub fn text_by(&self, id: NodeId) -> Option<usize> {
        match self.node(id).data {
            Data::Text { by, .. } if by != UNKNOWN => Some(by as usize),
            _ => None,
        }
    }

    /// Keeps only the attributes named (of [`KEPT_ATTRIBUTES`]): once the
    /// article is chosen and its parts named, building the document reads
    /// a few, and it is the peak of a large page's memory.
    pub fn keep_only(&mut self, names: &[&str]) {
        let kept = |a: &Attr| names.contains(&KEPT_ATTRIBUTES[usize::from(a.name)]);
        let (count, bytes) = self
            .attrs
            .iter()
            .filter(|a| kept(a))
            .fold((0, 0), |(n, b), a| (n + 1, b + (a.end - a.start) as usize));
        let mut attrs = Vec::with_capacity(count);
        let mut values = String::with_capacity(bytes);
        for node in &mut self.nodes {
            let Data::Element {
                attrs: first,
                count,
                ..
            } = &mut node.data
            else {
                continue;
            };
            let from = *first as usize;
            let old = self
                .attrs
                .get(from..from + usize::from(*count))
                .unwrap_or(&[]);
            *first = narrow(attrs.len());
            *count = 0;
            for a in old.iter().filter(|a| kept(a)) {
                let start = narrow(values.len());
                values.push_str(
                    self.values
                        .get(a.start as usize..a.end as usize)
                        .unwrap_or(""),
                );
                attrs.push(Attr {
                    name: a.name,
                    start,
                    end: narrow(values.len()),
                });
                *count += 1;
            }
        }
        self.attrs = attrs;
        self.values = values;
    }

    /// Forgets where texts are at the latest, for a tree parsed from a
    /// rewrite of the page (offsets in it are not the page's).
    pub fn forget_offsets(&mut self) {
        for node in &mut self.nodes {
            if let Data::Text { by, .. } = &mut node.data {
                *by = UNKNOWN;
            }
        }
    }

    /// The children of a node, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            tree: self,
            next: self.node(id).first_child,
        }
    }

    /// The next node in document order after `id`'s subtree... or inside it:
    /// `descend` says whether to enter `id`'s children. `NONE` past the end of
    /// `within`'s subtree.
    pub fn next_in(&self, id: NodeId, within: NodeId, descend: bool) -> NodeId {
        let node = self.node(id);
        if descend && node.first_child != NONE {
            return node.first_child;
        }
        let mut at = id;
        while at != within && at != NONE {
            let n = self.node(at);
            if n.next != NONE {
                return n.next;
            }
            at = n.parent;
        }
        NONE
    }

    /// True when `ancestor` is `id` or holds it.
    pub fn contains(&self, ancestor: NodeId, mut id: NodeId) -> bool {
        while id != NONE {
            if id == ancestor {
                return true;
            }
            id = self.node(id).parent;
        }
        false
    }

    /// The first element with this tag, in document order.
    pub fn find(&self, tag: &LocalName) -> Option<NodeId> {
        (0..self.nodes.len() as NodeId)
            .find(|&i| self.node(i).tag() == Some(tag) && self.attached(i))
    }

    /// True when the node hangs from the document (html5ever may leave
    /// detached nodes behind after moving things about).
    pub fn attached(&self, mut id: NodeId) -> bool {
        while id != NONE {
            if id == ROOT {
                return true;
            }
            id = self.node(id).parent;
        }
        false
    }
}

pub struct Children<'a> {
    tree: &'a Tree,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.tree.node(id).next;
        Some(id)
    }
}

/// A node's links back, while the tree is built: html5ever appends to
/// the last child and inserts before a sibling.
#[derive(Debug, Clone, Copy)]
struct Back {
    prev: NodeId,
    last_child: NodeId,
}

const NO_BACK: Back = Back {
    prev: NONE,
    last_child: NONE,
};

struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Per node: its links back.
    back: RefCell<Vec<Back>>,
    text: RefCell<String>,
    attrs: RefCell<Vec<Attr>>,
    values: RefCell<String>,
    /// The namespaces elements are in (HTML first; SVG, MathML): an
    /// element keeps the index of its own.
    namespaces: RefCell<Vec<Namespace>>,
    line: std::cell::Cell<u32>,
    /// Bytes of the page handed to the parser so far.
    fed: std::cell::Cell<u32>,
}

impl Sink {
    fn new() -> Sink {
        Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document)]),
            back: RefCell::new(vec![NO_BACK]),
            text: RefCell::new(String::new()),
            attrs: RefCell::new(Vec::new()),
            values: RefCell::new(String::new()),
            namespaces: RefCell::new(vec![ns!(html)]),
            line: std::cell::Cell::new(1),
            fed: std::cell::Cell::new(0),
        }
    }

    /// The index of a namespace, added if new (an HTML parser makes
    /// elements in three: HTML, SVG and MathML).
    fn namespace(&self, ns: Namespace) -> u8 {
        let mut all = self.namespaces.borrow_mut();
        if let Some(i) = all.iter().position(|n| *n == ns) {
            return i as u8;
        }
        if all.len() > usize::from(u8::MAX) {
            // Never, from an HTML parser: an odd one reads as HTML.
            return HTML_NS;
        }
        all.push(ns);
        (all.len() - 1) as u8
    }

    fn push(&self, data: Data) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let mut node = Node::new(data);
        node.line = self.line.get();
        nodes.push(node);
        self.back.borrow_mut().push(NO_BACK);
        // A page is at most 256 MB: fewer nodes than that.
        (nodes.len() - 1) as NodeId
    }

    fn detach(nodes: &mut [Node], back: &mut [Back], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, back[id as usize].prev, n.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next = next;
        } else {
            nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            back[next as usize].prev = prev;
        } else {
            back[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id as usize];
        n.parent = NONE;
        n.next = NONE;
        back[id as usize].prev = NONE;
    }

    fn append_node(nodes: &mut [Node], back: &mut [Back], parent: NodeId, child: NodeId) {
        Self::detach(nodes, back, child);
        let last = back[parent as usize].last_child;
        nodes[child as usize].parent = parent;
        back[child as usize].prev = last;
        if last != NONE {
            nodes[last as usize].next = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
        back[parent as usize].last_child = child;
    }

    fn insert_before(nodes: &mut [Node], back: &mut [Back], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, back, child);
        let (parent, prev) = (nodes[sibling as usize].parent, back[sibling as usize].prev);
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.next = sibling;
        }
        back[child as usize].prev = prev;
        back[sibling as usize].prev = child;
        if prev != NONE {
            nodes[prev as usize].next = child;
        } else if parent != NONE {
            nodes[parent as usize].first_child = child;
        }
    }

    /// Text joins a text node just before where it goes, as in the DOM.
    fn text_into(&self, before: NodeId, text: &str) -> bool {
        if before == NONE {
            return false;
        }
        let mut nodes = self.nodes.borrow_mut();
        let Data::Text { start, end, by } = &mut nodes[before as usize].data else {
            return false;
        };
        if *by == UNKNOWN && !text.trim_start().is_empty() {
            *by = self.fed.get();
        }
        let mut buffer = self.text.borrow_mut();
        if *end as usize != buffer.len() {
            // Not the last text made (rare: text added back to an earlier
            // node): its text moves to the end first.
            let old = *start as usize..*end as usize;
            let at = buffer.len();
            buffer.extend_from_within(old);
            *start = narrow(at);
        }
        buffer.push_str(text);
        *end = narrow(buffer.len());
        true
    }

    /// A new text node holding `text`.
    fn push_text(&self, text: &str) -> NodeId {
        let start = {
            let mut buffer = self.text.borrow_mut();
            let start = narrow(buffer.len());
            buffer.push_str(text);
            start
        };
        let end = narrow(self.text.borrow().len());
        let by = if text.trim_start().is_empty() {
            UNKNOWN
        } else {
            self.fed.get()
        };
        self.push(Data::Text { start, end, by })
    }
}

/// A text offset as stored: a page is at most `load::MAX_BYTES` (256 MB),
/// its text less than that, well inside `u32`.
fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Tree;
    type ElemName<'a> = NameRef<'a>;

    fn finish(self) -> Tree {
        Tree {
            nodes: self.nodes.into_inner(),
            text: self.text.into_inner(),
            attrs: self.attrs.into_inner(),
            values: self.values.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> NameRef<'a> {
        let nodes = self.nodes.borrow();
        let index = match nodes[*target as usize].data {
            Data::Element { ns, .. } => usize::from(ns),
            _ => usize::from(HTML_NS),
        };
        NameRef {
            ns: Ref::map(self.namespaces.borrow(), |all| {
                all.get(index).unwrap_or(&FALLBACK_NAME.0)
            }),
            local: Ref::map(nodes, |nodes| match &nodes[*target as usize].data {
                Data::Element { local, .. } => local,
                // html5ever asks only for elements' names.
                _ => &FALLBACK_NAME.1,
            }),
        }
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        _flags: ElementFlags,
    ) -> NodeId {
        let ns = self.namespace(name.ns);
        let (first, count) = keep(
            &attrs,
            &mut self.attrs.borrow_mut(),
            &mut self.values.borrow_mut(),
            |_| false,
        );
        self.push(Data::Element {
            local: name.local,
            attrs: first,
            count,
            ns,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendText(text) => {
                let last = self.back.borrow()[*parent as usize].last_child;
                if !self.text_into(last, &text) {
                    let id = self.push_text(&text);
                    Self::append_node(
                        &mut self.nodes.borrow_mut(),
                        &mut self.back.borrow_mut(),
                        *parent,
                        id,
                    );
                }
            }
            NodeOrText::AppendNode(id) => {
                Self::append_node(
                    &mut self.nodes.borrow_mut(),
                    &mut self.back.borrow_mut(),
                    *parent,
                    id,
                );
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.nodes.borrow()[*element as usize].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let id = self.push(Data::Other);
        Self::append_node(
            &mut self.nodes.borrow_mut(),
            &mut self.back.borrow_mut(),
            ROOT,
            id,
        );
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template contents are never shown; the template itself holds them.
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn set_current_line(&self, line: u64) {
        self.line.set(u32::try_from(line).unwrap_or(u32::MAX));
    }

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendText(text) => {
                let prev = self.back.borrow()[*sibling as usize].prev;
                if !self.text_into(prev, &text) {
                    let id = self.push_text(&text);
                    Self::insert_before(
                        &mut self.nodes.borrow_mut(),
                        &mut self.back.borrow_mut(),
                        *sibling,
                        id,
                    );
                }
            }
            NodeOrText::AppendNode(id) => {
                Self::insert_before(
                    &mut self.nodes.borrow_mut(),
                    &mut self.back.borrow_mut(),
                    *sibling,
                    id,
                );
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element {
            attrs: first,
            count,
            ..
        } = &mut nodes[*target as usize].data
        {
            // Rare (a second `<html>` or `<body>` tag): the element's
            // attributes move to the end of the table, the new ones after.
            let mut table = self.attrs.borrow_mut();
            let old = *first as usize..*first as usize + usize::from(*count);
            let names: Vec<u8> = table[old.clone()].iter().map(|a| a.name).collect();
            let at = narrow(table.len());
            table.extend_from_within(old);
            let (_, added) = keep(&attrs, &mut table, &mut self.values.borrow_mut(), |n| {
                names.contains(&n)
            });
            *first = at;
            *count = count.saturating_add(added);
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(
            &mut self.nodes.borrow_mut(),
            &mut self.back.borrow_mut(),
            *target,
        );
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut back = self.back.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next;
            Self::append_node(&mut nodes, &mut back, *new_parent, child);
            child = next;
        }
    }
}

/// An element's name as html5ever asks for it.
#[derive(Debug)]
pub struct NameRef<'a> {
    ns: Ref<'a, Namespace>,
    local: Ref<'a, LocalName>,
}

impl ElemName for NameRef<'_> {
    fn ns(&self) -> &Namespace {
        &self.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

/// What `elem_name` answers for a node that is not an element (html5ever
/// never asks).
static FALLBACK_NAME: std::sync::LazyLock<(Namespace, LocalName)> =
    std::sync::LazyLock::new(|| (ns!(html), local_name!("div")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_stays_small() {
        // A node every few dozen bytes of page: its size is most of the
        // tree's, and the tree is most of a large page's memory (G4).
        assert!(std::mem::size_of::<Node>() <= 32);
    }

    #[test]
    fn children_read_in_order_after_insertions_before_siblings() {
        // A table's stray text is put before the table (foster parenting),
        // and the adoption agency moves nodes about: the links forward
        // stay right.
        let tree = Tree::parse(
            "<body><table>stray<tr><td>cell</td></tr></table>\
             <p><b>one<p>two</b>three</p></body>",
        );
        let body = tree.find(&local_name!("body")).expect("a body");
        let mut texts = Vec::new();
        let mut at = body;
        while at != NONE {
            if let Some(t) = tree.text(at) {
                texts.push(t.to_string());
            }
            at = tree.next_in(at, body, true);
        }
        assert_eq!(texts, ["stray", "cell", "one", "two", "three"]);
        let kids: Vec<&str> = tree
            .children(body)
            .filter_map(|c| tree.node(c).tag().map(|t| &**t))
            .collect();
        assert_eq!(kids, ["table", "p", "p"]);
    }

    #[test]
    fn every_kept_attribute_is_known_by_its_index() {
        for (i, name) in KEPT_ATTRIBUTES.iter().enumerate() {
            assert_eq!(kept_index(&LocalName::from(*name)), Some(i as u8), "{name}");
        }
        assert_eq!(kept_index(&LocalName::from("data-src")), None);
    }

    #[test]
    fn attributes_are_read_back_and_a_second_body_adds_only_new_ones() {
        let tree = Tree::parse(
            "<html lang=en><body class=a data-x=1 id=b><p>x</p>\
             <body class=c role=main style='color: red'></body></html>",
        );
        let body = tree.find(&local_name!("body")).expect("a body");
        let node = tree.node(body);
        assert_eq!(node.attr("class"), Some("a"));
        assert_eq!(node.attr("id"), Some("b"));
        assert_eq!(node.attr("role"), Some("main"));
        assert_eq!(node.attr("style"), Some("color: red"));
        assert_eq!(node.attr("href"), None);
        let html = tree.find(&local_name!("html")).expect("an html");
        assert_eq!(tree.node(html).attr("lang"), Some("en"));
        // Text nodes and the document have none.
        assert_eq!(tree.node(ROOT).attr("class"), None);
    }

    #[test]
    fn keeping_some_attributes_forgets_the_rest() {
        let mut tree = Tree::parse(
            "<body><a class=x href=/one id=y>one</a><p class=z>t</p>\
             <ol class=w start=3><li><a href='/two'>two</a></ol></body>",
        );
        tree.keep_only(&["href", "start"]);
        let tags = |name: LocalName| -> Vec<NodeId> {
            (0..tree.nodes.len() as NodeId)
                .filter(|&id| tree.node(id).tag() == Some(&name))
                .collect()
        };
        let links = tags(local_name!("a"));
        let hrefs: Vec<_> = links.iter().map(|&a| tree.node(a).attr("href")).collect();
        assert_eq!(hrefs, [Some("/one"), Some("/two")]);
        assert_eq!(tree.node(links[0]).attr("class"), None);
        assert_eq!(tree.node(links[0]).attr("id"), None);
        let ol = tags(local_name!("ol"))[0];
        assert_eq!(tree.node(ol).attr("start"), Some("3"));
        assert_eq!(tree.node(tags(local_name!("p"))[0]).attr("class"), None);
        assert_eq!(tree.values, "/one3/two");
    }

    #[test]
    fn svg_elements_are_not_html_tags() {
        let tree = Tree::parse("<body><svg><title>t</title><a href=x>y</a></svg><a href=z>w</a>");
        let tags: Vec<&str> = (0..tree.nodes.len() as NodeId)
            .filter_map(|i| tree.node(i).tag().map(|t| &**t))
            .collect();
        assert_eq!(tags.iter().filter(|t| **t == "a").count(), 1, "{tags:?}");
        assert!(!tags.contains(&"title"), "{tags:?}");
    }

    #[test]
    fn a_text_is_at_or_before_how_much_had_been_fed() {
        // Paragraphs over many feeds, each text led by space: the bound is
        // past the first non-space character and within a feed of it.
        let mut html = String::from("<html><body>");
        for i in 0..2_000 {
            html.push_str(&format!("<p>\n   paragraph {i} of the page</p>\n"));
        }
        let tree = Tree::parse(&html);
        let mut seen = 0;
        for id in 0..tree.nodes.len() as NodeId {
            let Some(text) = tree.text(id) else { continue };
            let Some(by) = tree.text_by(id) else {
                assert!(text.trim().is_empty(), "{text:?} has no bound");
                continue;
            };
            let body = text.trim_start();
            let at = html.find(&format!("\n   {body}")).expect("in page") + 4;
            assert!(at < by && by <= at + FEED + 4, "{body:?}: at {at}, by {by}");
            seen += 1;
        }
        assert_eq!(seen, 2_000);
    }

    #[test]
    fn a_text_all_space_at_first_is_bounded_by_its_first_word() {
        // Space over several feeds, then a word: one text, whose first
        // non-space character came in a later feed than its first space.
        let html = format!(
            "<html><body><p>{}word</p></body></html>",
            " \n".repeat(3 * FEED / 2)
        );
        let tree = Tree::parse(&html);
        let id = (0..tree.nodes.len() as NodeId)
            .find(|&i| tree.text(i).is_some_and(|t| t.contains("word")))
            .expect("a text");
        assert!(tree.text(id).is_some_and(|t| t.starts_with(" \n")));
        let at = html.find("word").expect("in page");
        let by = tree.text_by(id).expect("bounded");
        assert!(at < by && by <= at + FEED + 4, "at {at}, by {by}");
    }

    #[test]
    fn forgotten_offsets_bound_nothing() {
        let mut tree = Tree::parse("<p>some text</p>");
        let id = (0..tree.nodes.len() as NodeId)
            .find(|&i| tree.text(i).is_some())
            .expect("a text");
        assert!(tree.text_by(id).is_some());
        tree.forget_offsets();
        assert_eq!(tree.text_by(id), None);
    }
}
