//! Which part of a page is the article: the element whose paragraphs hold
//! the most prose (sentences, not links), found as Readability does it,
//! with the page's own structured data as a stronger word where it has
//! one (`itemprop="articleBody"`, or a JSON-LD `articleBody` the element's
//! text agrees with).
//!
//! Paragraph-like blocks score by their length and punctuation; a score
//! flows to the block's container and, fading, to the containers above
//! it. Furniture (navigation, comments, related lists) scores nothing. The
//! best container, discounted by its share of link text, is the article;
//! siblings that score nearly as well, or read as prose, join it.

use html5ever::local_name;

use super::classify::Role;
use super::page::{Page, is_inline};
use super::tree::{NONE, NodeId};

/// The chosen article: the elements to read, in document order.
pub struct Article {
    pub roots: Vec<NodeId>,
    /// The facts each node inherits, after furniture was checked.
    pub inh: Inherited,
    /// False when nothing on the page reads like an article (a home page,
    /// a search result): the roots are then the whole body.
    pub found: bool,
}

/// Shortest run of text (non-space characters) that counts as a paragraph.
const MIN_PARAGRAPH: u32 = 25;

/// How many ancestors a paragraph's score reaches.
const LEVELS: usize = 5;

/// Least prose (non-link characters in paragraphs) an article has.
const MIN_ARTICLE: u32 = 250;

/// Elements whose own text makes them a paragraph that scores for its
/// container (the parent), not for itself.
fn paragraph_like(tag: &html5ever::LocalName) -> bool {
    matches!(
        *tag,
        local_name!("p")
            | local_name!("pre")
            | local_name!("blockquote")
            | local_name!("li")
            | local_name!("dd")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
    )
}

/// Per node, facts inherited down the tree, computed in one pass in
/// document order (a parent before its children), so no question climbs
/// the tree: a page of 100,000 nested elements stays linear.
pub struct Inherited {
    /// In furniture (itself or an ancestor).
    pub furniture: Vec<bool>,
    /// In comments (itself or an ancestor).
    pub comments: Vec<bool>,
    /// The nearest block-level element (itself if it is one).
    pub block: Vec<NodeId>,
    /// Inside a link below its block.
    pub in_link: Vec<bool>,
}

impl Inherited {
    /// What is still read once the article is chosen (by the builder):
    /// whether each node is in comments. The rest is freed, since the
    /// document is built at the peak of a large page's memory.
    pub fn into_comments(self) -> Vec<bool> {
        self.comments
    }

    pub fn new(page: &Page) -> Inherited {
        let n = page.tree.nodes.len();
        let mut inh = Inherited {
            furniture: vec![false; n],
            comments: vec![false; n],
            block: vec![NONE; n],
            in_link: vec![false; n],
        };
        for &id in &page.order {
            let i = id as usize;
            let node = page.tree.node(id);
            let parent = node.parent;
            let from_parent = parent != NONE && id != page.body;
            let p = parent as usize;
            // An element named as the content inside a wrapper named for
            // the layout (`with-sidebar` > `story`) is content again;
            // inside comments nothing is.
            let comments = page.is_comments(id);
            inh.comments[i] = comments || (from_parent && inh.comments[p]);
            inh.furniture[i] = inh.comments[i]
                || page.role[i] == Role::Furniture
                || (from_parent && inh.furniture[p] && page.role[i] != Role::Content);
            let tag = node.tag();
            let block = match tag {
                Some(t) if !is_inline(t) => true,
                _ => !from_parent,
            };
            inh.block[i] = if block { id } else { inh.block[p] };
            inh.in_link[i] =
                tag == Some(&local_name!("a")) || (from_parent && !block && inh.in_link[p]);
        }
        inh
    }
}

/// Chooses the article's elements. `ld_body` is the JSON-LD `articleBody`
/// when the page has one.
pub fn choose(page: &mut Page, ld_body: Option<&str>) -> Article {
    let n = page.tree.nodes.len();
    let mut inh = Inherited::new(page);
    // Own text of each block: the characters of text nodes whose nearest
    // block is it.
    let mut own = vec![0u32; n];
    let mut own_link = vec![0u32; n];
    // Summed as `f32`, exact up to 2^24 and never less past it: only up
    // to 20 of it is read (see `para` below), and as `f32` it becomes
    // that table in place.
    let mut own_punct = vec![0f32; n];
    for &id in &page.order {
        let node = page.tree.node(id);
        if !node.is_text() || node.parent == NONE {
            continue;
        }
        let b = inh.block[node.parent as usize];
        if b == NONE {
            continue;
        }
        let b = b as usize;
        own[b] += page.chars[id as usize];
        own_punct[b] += page.punct[id as usize] as f32;
        if inh.in_link[node.parent as usize] {
            own_link[b] += page.chars[id as usize];
        }
    }
    // Prose: the non-link text of paragraph-sized blocks, summed up the
    // tree. Furniture holding most of the page's prose is a wrapper named
    // for its layout (`page-container with-sidebar`), not furniture;
    // comments are the exception, long prose as they may be.
    //
    // The three tables of own counts are the largest part of choosing on
    // a large page (4 bytes a node each): what is read of them is made
    // in place of two of them and the third freed before the scores are
    // made. First each block's weight as a paragraph (0 for none), in
    // place of its punctuation.
    let mut para = own_punct;
    for &id in &page.order {
        let i = id as usize;
        para[i] = if own[i] < MIN_PARAGRAPH || page.tree.node(id).is_text() {
            0.0
        } else {
            let link = own_link[i] as f32 / own[i] as f32;
            if link > 0.5 {
                0.0
            } else {
                (1.0 + para[i].min(20.0) + (own[i] as f32 / 100.0).min(3.0)) * (1.0 - link)
            }
        };
    }
    // Then each visible block's own prose in place of its link text, and
    // summed up the tree (every node's descendants come before it).
    for (i, (link, own)) in own_link.iter_mut().zip(&own).enumerate() {
        *link = if page.visible[i] && *own >= MIN_PARAGRAPH && *link * 2 <= *own {
            *own - *link
        } else {
            0
        };
    }
    drop(own);
    let before = prose_before(page, &own_link);
    let mut prose = own_link;
    for &id in page.order.iter().rev() {
        let i = id as usize;
        let parent = page.tree.node(id).parent;
        if parent != NONE && id != page.body {
            prose[parent as usize] += prose[i];
        }
    }
    let mut changed = false;
    if let Some(before) = before {
        page.threads = threads(page, &before, &prose);
        changed = !page.threads.is_empty();
    }
    let total = prose[page.body as usize].max(1);
    for &id in &page.order {
        let i = id as usize;
        if matches!(page.role[i], Role::Furniture | Role::Weak)
            && prose[i] * 2 > total
            && !page.is_comments(id)
        {
            page.role[i] = Role::Neutral;
            changed = true;
        }
    }
    if changed {
        inh = Inherited::new(page);
    }
    page.prose = prose;

    let mut score = vec![0f32; n];
    let mut scored: Vec<NodeId> = Vec::new();
    for &id in &page.order {
        let i = id as usize;
        // A paragraph's weight is never 0 (its link density is at most
        // a half).
        let s = para[i];
        if s == 0.0 || inh.furniture[i] {
            continue;
        }
        let tag = page.tag(id).cloned();
        let mut at = match tag {
            Some(t) if paragraph_like(&t) => page.tree.node(id).parent,
            _ => id,
        };
        for level in 0..LEVELS {
            if at == NONE {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            if score[at as usize] == 0.0 {
                scored.push(at);
            }
            score[at as usize] += s / divider;
            if at == page.body {
                break;
            }
            at = page.tree.node(at).parent;
        }
    }

    let ld_words = ld_body.map(word_set);
    let weight = |page: &Page, id: NodeId| -> f32 {
        match page.role[id as usize] {
            Role::Content => 25.0,
            Role::Furniture => -50.0,
            Role::Weak | Role::Byline | Role::Caption => -25.0,
            Role::Neutral => 0.0,
        }
    };
    let mut best = NONE;
    let mut best_score = f32::MIN;
    let mut finals: Vec<(NodeId, f32)> = Vec::with_capacity(scored.len());
    for &id in &scored {
        if inh.furniture[id as usize] {
            continue;
        }
        let s = score[id as usize] * (1.0 - page.link_density(id)) + weight(page, id);
        finals.push((id, s));
        if s > best_score {
            best_score = s;
            best = id;
        }
    }
    // Structured data names the body: an element marked as the article
    // body wins when it holds prose.
    let marked: Vec<NodeId> = page
        .order
        .iter()
        .copied()
        .filter(|&id| {
            page.tree
                .node(id)
                .attr("itemprop")
                .is_some_and(|p| p.to_ascii_lowercase().contains("articlebody"))
                && page.chars[id as usize] >= MIN_ARTICLE
        })
        .collect();
    if let [only] = marked.as_slice() {
        return Article {
            roots: vec![*only],
            inh,
            found: true,
        };
    }
    // A JSON-LD body: the candidate whose text covers it best, and no
    // more, when one agrees well.
    if let Some(words) = &ld_words
        && words.len() >= 30
    {
        finals.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut pick = None;
        let mut pick_f = 0.0;
        let mut tried = Vec::new();
        for &(id, _) in finals.iter().take(5) {
            let mut at = id;
            for _ in 0..3 {
                if at == NONE || tried.contains(&at) {
                    break;
                }
                tried.push(at);
                let f = agreement(page, &inh, at, words);
                if f > pick_f {
                    pick_f = f;
                    pick = Some(at);
                }
                if at == page.body {
                    break;
                }
                at = page.tree.node(at).parent;
            }
        }
        if let Some(id) = pick
            && pick_f >= 0.6
        {
            return Article {
                roots: vec![id],
                inh,
                found: true,
            };
        }
    }
    if best == NONE {
        return Article {
            roots: vec![page.body],
            inh,
            found: false,
        };
    }
    let (best, best_score) = climb(page, &inh, best, best_score, &finals);
    let roots = with_siblings(page, &inh, best, &score, best_score);
    let prose: u32 = roots
        .iter()
        .map(|&r| page.chars[r as usize].saturating_sub(page.link_chars[r as usize]))
        .sum();
    if prose < MIN_ARTICLE {
        return Article {
            roots: vec![page.body],
            inh,
            found: false,
        };
    }
    Article {
        roots,
        inh,
        found: true,
    }
}

/// Per node, the prose (see `choose`) of the page before it in document
/// order, given each node's own prose; `None`, and nothing made, when
/// the page has no reply box (`<textarea>`) for [`threads`] to start from.
fn prose_before(page: &Page, own_prose: &[u32]) -> Option<Vec<u32>> {
    let any = reply_boxes(page).next().is_some();
    if !any {
        return None;
    }
    let mut before = vec![0u32; own_prose.len()];
    let mut sum = 0u32;
    for &id in &page.order {
        before[id as usize] = sum;
        sum = sum.saturating_add(own_prose[id as usize]);
    }
    Some(before)
}

/// The page's reply boxes: `<textarea>` elements in a shown part of the
/// page (a form control is never text, so not itself among the shown
/// nodes).
fn reply_boxes(page: &Page) -> impl Iterator<Item = NodeId> + '_ {
    (0..page.tree.nodes.len()).filter_map(move |i| {
        let id = NodeId::try_from(i).ok()?;
        let node = page.tree.node(id);
        (node.tag() == Some(&local_name!("textarea"))
            && node.parent != NONE
            && page.visible[node.parent as usize]
            && !super::page::hidden(node))
        .then_some(id)
    })
}

/// Threads of replies under an article, told by how they are built
/// rather than by their names: a reply box (a visible `<textarea>`) and
/// the prose around it, after an article's worth of prose, in a part of
/// the page apart from the headline. From the box, the widest ancestor
/// that starts after that much prose and has no headline (`<h1>`,
/// `<h2>`) before the box; it is a thread when it holds a paragraph. A thread can be longer than the article
/// (a short post, many replies), so prose alone would choose it.
fn threads(page: &Page, before: &[u32], prose: &[u32]) -> Vec<NodeId> {
    let heads: Vec<NodeId> = page
        .order
        .iter()
        .copied()
        .filter(|&id| matches!(page.tag(id), Some(&local_name!("h1") | &local_name!("h2"))))
        .collect();
    // A headline (an `<h1>`, or an `<h2>` where the site's name is the
    // `<h1>`) before `at` under `parent`: the parent holds an article.
    let headline_before = |parent: NodeId, at: NodeId| {
        page.tree
            .children(parent)
            .take_while(|&c| c != at)
            .any(|c| heads.iter().any(|&h| page.tree.contains(c, h)))
    };
    let mut out = Vec::new();
    for id in reply_boxes(page) {
        let mut at = id;
        loop {
            let parent = page.tree.node(at).parent;
            if parent == NONE
                || parent == page.body
                || before[parent as usize] < MIN_ARTICLE
                || headline_before(parent, at)
            {
                break;
            }
            at = parent;
        }
        if before[at as usize] >= MIN_ARTICLE && prose[at as usize] >= MIN_PARAGRAPH {
            out.push(at);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Readability's climb from the best element: to the ancestor shared by
/// several candidates nearly as good (an article in chunks), to a parent
/// that scores better, and past wrappers that hold nothing else.
fn climb(
    page: &Page,
    inh: &Inherited,
    mut best: NodeId,
    mut best_score: f32,
    finals: &[(NodeId, f32)],
) -> (NodeId, f32) {
    let final_of = |id: NodeId| finals.iter().find(|f| f.0 == id).map(|f| f.1);
    let rivals: Vec<NodeId> = finals
        .iter()
        // Parts of the best element are in it already: only rivals
        // outside it call for a wider element.
        .filter(|&&(id, s)| s >= best_score * 0.75 && !page.tree.contains(best, id))
        .map(|&(id, _)| id)
        .take(8)
        .collect();
    if rivals.len() >= 2 {
        let mut at = page.tree.node(best).parent;
        let mut steps = 0;
        while at != NONE && at != page.body && steps < 12 {
            steps += 1;
            let held = rivals
                .iter()
                .filter(|&&r| page.tree.contains(at, r))
                .count();
            if held >= 2 && !inh.furniture[at as usize] {
                best = at;
                best_score = final_of(at).unwrap_or(best_score);
                break;
            }
            at = page.tree.node(at).parent;
        }
    }
    let mut last = best_score;
    let threshold = best_score / 3.0;
    let mut at = page.tree.node(best).parent;
    while at != NONE && at != page.body {
        match final_of(at) {
            Some(s) if s < threshold => break,
            Some(s) if s > last => {
                best = at;
                best_score = s;
                break;
            }
            Some(s) => last = s,
            None => {}
        }
        at = page.tree.node(at).parent;
    }
    // A wrapper around the best element alone reads the same and lets the
    // wrapper's siblings join.
    loop {
        let parent = page.tree.node(best).parent;
        if parent == NONE || parent == page.body || inh.furniture[parent as usize] {
            break;
        }
        let others = page
            .tree
            .children(parent)
            .filter(|&c| c != best && page.visible[c as usize] && page.chars[c as usize] > 0)
            .count();
        if others > 0 {
            break;
        }
        best = parent;
    }
    (best, best_score)
}

/// The best element and the siblings that join it (Readability's rule:
/// a sibling scoring a fifth of the best, or a paragraph that reads as
/// prose).
fn with_siblings(
    page: &Page,
    inh: &Inherited,
    best: NodeId,
    score: &[f32],
    best_score: f32,
) -> Vec<NodeId> {
    let parent = page.tree.node(best).parent;
    if parent == NONE || best == page.body {
        return vec![best];
    }
    let threshold = (best_score * 0.2).max(10.0);
    let best_class = page.tree.node(best).attr("class").unwrap_or("");
    let mut roots = Vec::new();
    for sib in page.tree.children(parent) {
        if sib == best {
            roots.push(sib);
            continue;
        }
        let i = sib as usize;
        if !page.visible[i] || page.chars[i] == 0 || inh.furniture[i] {
            continue;
        }
        if page.tree.node(sib).is_text() {
            continue;
        }
        let mut s = score[i] * (1.0 - page.link_density(sib));
        let class = page.tree.node(sib).attr("class").unwrap_or("");
        if !best_class.is_empty() && class == best_class {
            s += best_score * 0.2;
        }
        let joins = s >= threshold
            || (page.tag(sib) == Some(&local_name!("p")) && {
                let len = page.chars[i];
                let ld = page.link_density(sib);
                (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0.0 && page.punct[i] > 0)
            });
        if joins {
            roots.push(sib);
        }
    }
    roots
}

/// Lower-case words of a text.
fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words
}

/// How well an element's text and a JSON-LD body agree: the F1 of their
/// word multisets.
fn agreement(page: &Page, inh: &Inherited, id: NodeId, ld: &[String]) -> f32 {
    let mut text = String::new();
    let mut at = id;
    loop {
        if let Some(t) = page.tree.text(at) {
            text.push_str(t);
            text.push(' ');
        }
        let descend = page.visible[at as usize] && (at == id || !inh.furniture[at as usize]);
        at = page.tree.next_in(at, id, descend);
        if at == NONE {
            break;
        }
    }
    let words = word_set(&text);
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < words.len() && j < ld.len() {
        match words[i].cmp(&ld[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = common as f32 / words.len() as f32;
    let r = common as f32 / ld.len() as f32;
    2.0 * p * r / (p + r)
}
