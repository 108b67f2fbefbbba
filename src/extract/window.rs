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
    let size = size.max(1);
    let twice = size.saturating_mul(2);
    if len <= size {
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
    for (i, block) in doc.blocks.iter().enumerate() {
        let b = block.range.start;
        if b > start && b < len && (b - start >= twice || (b - start >= size && section_start[i])) {
            out.push(start..b);
            start = b;
        }
        while block.range.end.min(len).saturating_sub(start) > twice {
            let at = seam(text, start + size, start.saturating_add(twice));
            out.push(start..at);
            start = at;
        }
    }
    while len - start > twice {
        let at = seam(text, start + size, start.saturating_add(twice));
        out.push(start..at);
        start = at;
    }
    out.push(start..len);
    out
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

/// Entities of several windows joined into one result.
#[derive(Default)]
pub struct Merged {
    out: Entities,
    /// Entity by its name folded to lowercase and its group (names group
    /// across actor and place, as within a window).
    index: FastMap<(u64, bool), usize>,
}

impl Merged {
    /// Adds the entities of the next window (its mentions all after the
    /// ones added before).
    pub fn add(&mut self, part: Entities) {
        let mut remap = Vec::with_capacity(part.entities.len());
        for entity in part.entities {
            let number = entity.kind == EntityKind::Number;
            let next = self.out.entities.len();
            let e = *self
                .index
                .entry((fold_hash(&entity.name), number))
                .or_insert(next);
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
