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

/// An element's name: its namespace and local name (the prefix html5ever
/// never needs back).
#[derive(Debug)]
pub struct Name {
    ns: Namespace,
    local: LocalName,
}

/// A kept attribute. Its value is owned, not a tendril: a tendril may
/// share (and so keep alive) the whole piece of page it was cut from.
#[derive(Debug)]
pub struct Attr {
    name: LocalName,
    value: Box<str>,
}

#[derive(Debug)]
pub enum Data {
    Document,
    /// An element and its kept attributes.
    Element {
        name: Name,
        attrs: Box<[Attr]>,
    },
    /// Text: a range of the tree's one text buffer.
    Text {
        start: u32,
        end: u32,
    },
    /// Comments, doctypes, processing instructions: never shown.
    Other,
}

#[derive(Debug)]
pub struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev: NodeId,
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
            last_child: NONE,
            prev: NONE,
            next: NONE,
            line: 1,
            data,
        }
    }

    /// The element's local name, if it is an HTML element (not SVG or
    /// MathML).
    pub fn tag(&self) -> Option<&LocalName> {
        match &self.data {
            Data::Element { name, .. } if name.ns == ns!(html) => Some(&name.local),
            _ => None,
        }
    }

    /// An attribute's value (names are lower case in HTML); only the
    /// [`KEPT_ATTRIBUTES`] are there.
    pub fn attr(&self, key: &str) -> Option<&str> {
        debug_assert!(KEPT_ATTRIBUTES.contains(&key), "{key} is not kept");
        match &self.data {
            Data::Element { attrs, .. } => {
                attrs.iter().find(|a| &*a.name == key).map(|a| &*a.value)
            }
            _ => None,
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self.data, Data::Text { .. })
    }
}

/// The attributes of an element worth keeping.
fn kept(attrs: Vec<Attribute>) -> Box<[Attr]> {
    attrs
        .into_iter()
        .filter(|a| a.name.ns == ns!() && KEPT_ATTRIBUTES.contains(&&*a.name.local))
        .map(|a| Attr {
            name: a.name.local,
            value: Box::from(&*a.value),
        })
        .collect()
}

/// A parsed page.
#[derive(Debug)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// Every text node's text, one after another.
    text: String,
}

/// Bytes of page handed to html5ever at a time: it copies what it is
/// given, and its text pieces would keep a whole-page copy alive.
const FEED: usize = 64 * 1024;

impl Tree {
    /// Parses decoded HTML into a tree. Never fails: html5ever recovers from
    /// any input as a browser does.
    pub fn parse(html: &str) -> Tree {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document)]),
            text: RefCell::new(String::new()),
            line: std::cell::Cell::new(1),
        };
        let mut parser = html5ever::parse_document(sink, Default::default());
        let mut rest = html;
        while !rest.is_empty() {
            let mut cut = rest.len().min(FEED);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (piece, after) = rest.split_at(cut);
            parser.process(StrTendril::from_slice(piece));
            rest = after;
        }
        let mut tree = parser.finish();
        tree.nodes.shrink_to_fit();
        tree.text.shrink_to_fit();
        tree
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// A text node's text.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.node(id).data {
            Data::Text { start, end } => self.text.get(start as usize..end as usize),
            _ => None,
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

struct Sink {
    nodes: RefCell<Vec<Node>>,
    text: RefCell<String>,
    line: std::cell::Cell<u32>,
}

impl Sink {
    fn push(&self, data: Data) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let mut node = Node::new(data);
        node.line = self.line.get();
        nodes.push(node);
        // A page is at most 256 MB: fewer nodes than that.
        (nodes.len() - 1) as NodeId
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev, n.next)
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
            nodes[next as usize].prev = prev;
        } else {
            nodes[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append_node(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent as usize].last_child;
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = last;
        }
        if last != NONE {
            nodes[last as usize].next = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
        nodes[parent as usize].last_child = child;
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let (parent, prev) = {
            let s = &nodes[sibling as usize];
            (s.parent, s.prev)
        };
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
        }
        nodes[sibling as usize].prev = child;
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
        let Data::Text { start, end } = &mut nodes[before as usize].data else {
            return false;
        };
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
        self.push(Data::Text { start, end })
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
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> NameRef<'a> {
        NameRef(Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target as usize].data {
                Data::Element { name, .. } => name,
                // html5ever asks only for elements' names.
                _ => &FALLBACK_NAME,
            }
        }))
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        _flags: ElementFlags,
    ) -> NodeId {
        let name = Name {
            ns: name.ns,
            local: name.local,
        };
        self.push(Data::Element {
            name,
            attrs: kept(attrs),
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
                let last = self.nodes.borrow()[*parent as usize].last_child;
                if !self.text_into(last, &text) {
                    let id = self.push_text(&text);
                    Self::append_node(&mut self.nodes.borrow_mut(), *parent, id);
                }
            }
            NodeOrText::AppendNode(id) => {
                Self::append_node(&mut self.nodes.borrow_mut(), *parent, id);
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
        Self::append_node(&mut self.nodes.borrow_mut(), ROOT, id);
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
                let prev = self.nodes.borrow()[*sibling as usize].prev;
                if !self.text_into(prev, &text) {
                    let id = self.push_text(&text);
                    Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, id);
                }
            }
            NodeOrText::AppendNode(id) => {
                Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element {
            attrs: existing, ..
        } = &mut nodes[*target as usize].data
        {
            let mut all = std::mem::take(existing).into_vec();
            for attr in kept(attrs) {
                if !all.iter().any(|e| e.name == attr.name) {
                    all.push(attr);
                }
            }
            *existing = all.into_boxed_slice();
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next;
            Self::append_node(&mut nodes, *new_parent, child);
            child = next;
        }
    }
}

/// An element's name as html5ever asks for it.
#[derive(Debug)]
pub struct NameRef<'a>(Ref<'a, Name>);

impl ElemName for NameRef<'_> {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

/// What `elem_name` answers for a node that is not an element (html5ever
/// never asks).
static FALLBACK_NAME: std::sync::LazyLock<Name> = std::sync::LazyLock::new(|| Name {
    ns: ns!(html),
    local: local_name!("div"),
});
