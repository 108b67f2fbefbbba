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

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};

/// A node index; [`NONE`] for no node.
pub type NodeId = u32;
/// No node.
pub const NONE: NodeId = u32::MAX;
/// The document node.
pub const ROOT: NodeId = 0;

#[derive(Debug)]
pub enum Data {
    Document,
    /// An element; `html` when it is in the HTML namespace (not SVG or
    /// MathML).
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        html: bool,
    },
    Text(StrTendril),
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

    /// The element's local name, if it is an HTML element.
    pub fn tag(&self) -> Option<&LocalName> {
        match &self.data {
            Data::Element { name, html, .. } if *html => Some(&name.local),
            _ => None,
        }
    }

    /// An attribute's value (names are lower case in HTML).
    pub fn attr(&self, key: &str) -> Option<&str> {
        match &self.data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|a| a.name.ns == ns!() && &*a.name.local == key)
                .map(|a| &*a.value),
            _ => None,
        }
    }

    pub fn text(&self) -> Option<&str> {
        match &self.data {
            Data::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// A parsed page.
#[derive(Debug)]
pub struct Tree {
    pub nodes: Vec<Node>,
}

impl Tree {
    /// Parses decoded HTML into a tree. Never fails: html5ever recovers from
    /// any input as a browser does.
    pub fn parse(html: &str) -> Tree {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document)]),
            line: std::cell::Cell::new(1),
        };
        html5ever::parse_document(sink, Default::default()).one(html)
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
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
    fn text_into(&self, before: NodeId, text: &StrTendril) -> bool {
        if before == NONE {
            return false;
        }
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Text(t) = &mut nodes[before as usize].data {
            t.push_tendril(text);
            return true;
        }
        false
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        Tree {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target as usize].data {
                Data::Element { name, .. } => name,
                // html5ever asks only for elements' names.
                _ => &FALLBACK_NAME,
            }
        })
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        _flags: ElementFlags,
    ) -> NodeId {
        let html = name.ns == ns!(html);
        self.push(Data::Element { name, attrs, html })
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
                    let id = self.push(Data::Text(text));
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
                    let id = self.push(Data::Text(text));
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
            for attr in attrs {
                if !existing.iter().any(|e| e.name == attr.name) {
                    existing.push(attr);
                }
            }
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

/// What `elem_name` answers for a node that is not an element (html5ever
/// never asks).
static FALLBACK_NAME: std::sync::LazyLock<QualName> =
    std::sync::LazyLock::new(|| QualName::new(None, ns!(html), local_name!("div")));
