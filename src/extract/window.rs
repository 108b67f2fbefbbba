//! Windows of a long document and the merge of what each one found.
//!
//! Extraction holds a token (and a few flags and candidates) per word of
//! the text it reads, several times the text's size: a huge file is read in
//! windows of whole sections, each with its own document-level context
//! (names typed once, acronyms, surnames), and the mentions and entities of
//! the windows are joined afterwards. An entity named in several windows is
//! one entity (joined on its name, without case).
//!
//! Depends on the document model and on the public [`Entities`] only.
//! Invariants: windows are disjoint, in order, cover the whole text and
//! start and end on char boundaries; a document no longer than the window
//! size is one window, so an article is read exactly as in one piece.

use std::ops::Range;

use super::lexicon::{FastMap, fold_hash};
use super::{Entities, EntityKind};
use crate::document::Document;

/// Byte ranges that cover `doc.text`, each about `size` bytes: cut at the
/// first section start past `size`, at any block start past twice `size`
/// (a section that long), and inside a block longer than that at a line
/// break, a sentence end or a space.
pub fn cuts(doc: &Document, size: usize) -> Vec<Range<usize>> {
    let text = doc.text.as_str();
    let len = text.len();
    if len <= size.max(1) {
        return std::iter::once(0..len).collect();
    }
    let mut section_start = vec![false; doc.blocks.len()];
    for s in &doc.sections {
        if let Some(flag) = section_start.get_mut(s.blocks.start) {
            *flag = true;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut cutter = Cutter::new(size);
    let mut cut = |at: usize| {
        out.push(start..at);
        start = at;
    };
    for (i, block) in doc.blocks.iter().enumerate() {
        cutter.block(text, 0, block.range, section_start[i], &mut cut);
    }
    cutter.finish(text, 0, len, &mut cut);
    out.push(start..len);
    out
}

/// The cuts of [`cuts`] made as the blocks come, for a document read a
/// piece at a time (styled print): each block is given in order with
/// whether it starts a section, and the text from the current window's
/// start on must be at hand. A cut at an empty block waits for a later
/// byte, since a cut falls before the text's end only.
#[derive(Debug, Clone)]
pub struct Cutter {
    size: usize,
    twice: usize,
    /// Where the window being gathered starts.
    start: usize,
    /// A cut at an empty block, made once the text is known to go on.
    pending: Option<usize>,
}

impl Cutter {
    pub fn new(size: usize) -> Self {
        let size = size.max(1);
        Cutter {
            size,
            twice: size.saturating_mul(2),
            start: 0,
            pending: None,
        }
    }

    /// Where the window being gathered starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The next block, at `range` of the whole's text; `text` is the
    /// whole's text from offset `base` on (from the window's start at
    /// least, to the block's end at least). Each cut is given to `cut`.
    pub fn block(
        &mut self,
        text: &str,
        base: usize,
        range: Range<usize>,
        section_start: bool,
        cut: &mut dyn FnMut(usize),
    ) {
        if let Some(at) = self.pending.take_if(|&mut at| range.end > at) {
            self.cut(at, cut);
        }
        let b = range.start;
        let due = b > self.start
            && (b - self.start >= self.twice || (b - self.start >= self.size && section_start));
        if due && self.pending.is_none() {
            if range.is_empty() {
                self.pending = Some(b);
            } else {
                self.cut(b, cut);
            }
        }
        // A block of nothing at a pending cut ends where it starts: were
        // the text to end there, `finish` makes the seams before it.
        if self.pending.is_none() {
            self.seams(text, base, range.end, cut);
        }
    }

    /// The text ends at `len`: the last cuts.
    pub fn finish(&mut self, text: &str, base: usize, len: usize, cut: &mut dyn FnMut(usize)) {
        if let Some(at) = self.pending.take_if(|&mut at| len > at) {
            self.cut(at, cut);
        }
        self.seams(text, base, len, cut);
    }

    fn cut(&mut self, at: usize, cut: &mut dyn FnMut(usize)) {
        cut(at);
        self.start = at;
    }

    /// Cuts inside the text up to `end` while more than twice the size
    /// of it is left in the window.
    fn seams(&mut self, text: &str, base: usize, end: usize, cut: &mut dyn FnMut(usize)) {
        while end.saturating_sub(self.start) > self.twice {
            let from = self.start + self.size - base;
            let at = seam(text, from, from + self.size) + base;
            self.cut(at, cut);
        }
    }
}

/// A cut in `text[from..to]`, as natural as it comes: after a line break,
/// else after a sentence's full stop and space, else after a space, else at
/// the first char boundary from `from` (past `to` only when no boundary
/// lies between).
fn seam(text: &str, from: usize, to: usize) -> usize {
    let bytes = text.as_bytes();
    let to = to.min(text.len());
    let hay = &bytes[from..to];
    if let Some(k) = hay.iter().position(|&b| b == b'\n') {
        return from + k + 1;
    }
    if let Some(k) = hay.windows(2).position(|w| w == b". ") {
        return from + k + 2;
    }
    if let Some(k) = hay.iter().position(|&b| b == b' ') {
        return from + k + 1;
    }
    let mut at = from;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Which entity of the whole each window's entity is: one named in
/// several windows is one entity, joined on its name without case and its
/// group (names group across actor and place, as within a window).
#[derive(Default)]
pub struct Joiner {
    index: FastMap<(u64, bool), usize>,
}

impl Joiner {
    /// The whole's index of a window's entity (the next one when it is
    /// new).
    pub fn join(&mut self, entity: &super::Entity) -> usize {
        let number = entity.kind == EntityKind::Number;
        let next = self.index.len();
        *self
            .index
            .entry((fold_hash(&entity.name), number))
            .or_insert(next)
    }
}

/// Entities of several windows joined into one result.
#[derive(Default)]
pub struct Merged {
    out: Entities,
    joiner: Joiner,
}

impl Merged {
    /// Adds the entities of the next window (its mentions all after the
    /// ones added before).
    pub fn add(&mut self, part: Entities) {
        let mut remap = Vec::with_capacity(part.entities.len());
        for entity in part.entities {
            let next = self.out.entities.len();
            let e = self.joiner.join(&entity);
            if e == next {
                self.out.entities.push(super::Entity {
                    mentions: Vec::new(),
                    ..entity
                });
            } else {
                let kept = &mut self.out.entities[e];
                if entity.name.len() > kept.name.len() {
                    kept.name = entity.name;
                }
                if kept.coords.is_none() {
                    kept.coords = entity.coords;
                }
            }
            remap.push(e);
        }
        for mut m in part.mentions {
            m.set_entity(remap[m.entity()]);
            self.out.entities[m.entity()]
                .mentions
                .push(self.out.mentions.len());
            self.out.mentions.push(m);
        }
    }

    /// The joined result: a name met as actor and as place typed by most of
    /// its mentions, as within a window.
    pub fn finish(mut self) -> Entities {
        super::coref::type_by_majority(&mut self.out);
        // Grown window by window, the lists hold up to twice what they
        // need; a huge file keeps them while it is read.
        self.out.mentions.shrink_to_fit();
        self.out.entities.shrink_to_fit();
        for e in &mut self.out.entities {
            e.mentions.shrink_to_fit();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_bytes("t.txt", text.as_bytes(), None).expect("text loads")
    }

    fn check_cover(text: &str, cuts: &[Range<usize>]) {
        let mut at = 0;
        for c in cuts {
            assert_eq!(c.start, at);
            assert!(c.end > c.start, "{cuts:?}");
            assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            at = c.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn a_short_document_is_one_window() {
        let text = "Title\n\nA first paragraph.\n\nA second one.\n";
        let d = doc(text);
        let one = cuts(&d, 1 << 20);
        assert_eq!((one.len(), one[0].clone()), (1, 0..d.text.len()));
    }

    #[test]
    fn windows_cover_the_text_and_stay_near_their_size() {
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&format!(
                "Heading {i}\n\nThe mayor of Lyon said {i} things.\n\n"
            ));
        }
        let d = doc(&text);
        let cuts = cuts(&d, 500);
        assert!(cuts.len() > 5, "{}", cuts.len());
        check_cover(&d.text, &cuts);
        for c in &cuts {
            assert!(c.len() <= 1000 + 100, "{c:?}");
        }
    }

    /// The cuts made as the blocks come, shown only the text from the
    /// window's start on.
    fn cut_as_they_come(d: &Document, size: usize) -> Vec<Range<usize>> {
        let mut section_start = vec![false; d.blocks.len()];
        for s in &d.sections {
            section_start[s.blocks.start] = true;
        }
        let mut cutter = Cutter::new(size);
        let mut out = Vec::new();
        let mut start = 0;
        let mut made = Vec::new();
        for (i, block) in d.blocks.iter().enumerate() {
            let from = cutter.start();
            cutter.block(
                &d.text[from..],
                from,
                block.range,
                section_start[i],
                &mut |at| made.push(at),
            );
            for at in made.drain(..) {
                out.push(start..at);
                start = at;
            }
        }
        let from = cutter.start();
        let len = d.text.len();
        cutter.finish(&d.text[from..], from, len, &mut |at| made.push(at));
        for at in made.drain(..) {
            out.push(start..at);
            start = at;
        }
        out.push(start..len);
        out
    }

    #[test]
    fn cutting_as_the_blocks_come_is_cutting_the_whole() {
        let mut sections = String::new();
        for i in 0..300 {
            sections.push_str(&format!(
                "## Part {i}\n\nThe mayor of Lyon said {i} things.\n\n"
            ));
        }
        let long = format!("# Title\n\nA lead.\n\n{}\n\nAfter.\n", "word ".repeat(3000));
        let cases = [
            ("t.md", sections.clone()),
            ("t.txt", sections.replace("## ", "")),
            ("t.md", long.clone()),
            ("t.txt", long.replace("# ", "")),
            // Rules, which may be empty blocks, at a cut and at the end.
            (
                "t.md",
                format!("{}---\n\n{}---\n", "x\n\n".repeat(400), "y\n\n".repeat(400)),
            ),
            ("t.md", format!("{}\n\n---\n", "word ".repeat(700))),
        ];
        for (name, text) in &cases {
            let d = Document::from_bytes(name, text.as_bytes(), None).expect("text loads");
            for size in [1, 100, 500, 1000, 1 << 20] {
                let want = cuts(&d, size);
                assert_eq!(cut_as_they_come(&d, size), want, "{name} {size}");
            }
        }
    }

    #[test]
    fn a_huge_block_is_cut_inside_on_char_boundaries() {
        for unit in ["Ünïcödé wörds ", "x", "ab. cd ", "é"] {
            let d = doc(&unit.repeat(3000));
            let cuts = cuts(&d, 1000);
            check_cover(&d.text, &cuts);
            assert!(cuts.len() >= 2, "{unit}");
            for c in &cuts {
                assert!(c.len() <= 2000 + 4, "{unit} {c:?}");
            }
        }
    }
}
