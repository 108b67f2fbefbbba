//! The reader's entity views: the entity pane (Actors, Places, Numbers),
//! the selected entity and its mentions, focus mode, the list filter, the
//! quotes view and the map view.
//!
//! `EntityIndex` is built once per article from the document and the
//! extractor's `Entities` (entries with counts, what each number counts;
//! the quotes on first use); `EntityView` is what the reader changes, only through
//! `App::update`. Entries, not entities, are what the reader selects: a
//! number entity splits into one entry per thing it counts (`two` children,
//! `two` towns). No drawing here.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use crate::document::{BlockKind, Document};
use crate::extract::quotes::{self, Quote};
use crate::extract::{Entities, EntityKind, counts};
use crate::gazetteer::{fold, fold_into};

/// At this width and up the entity pane sits beside the body; below, it is
/// an overlay.
pub const DOCK_WIDTH: u16 = 140;
/// The docked pane's width, border included.
pub const PANE_WIDTH: u16 = 36;

/// How the entity list is ordered within each group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Most mentioned first.
    Count = 0,
    /// In the order the article first mentions them.
    FirstSeen = 1,
}

/// One line of the entity list, as [`EntityIndex::entry`] lends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub kind: EntityKind,
    /// Index into `Entities::entities`.
    pub entity: usize,
    /// The name, or for a number what it counts (`six civilians`).
    pub label: &'a str,
    /// A number that counts nothing nameable: its sentence is shown with
    /// it ([`EntityIndex::context`]).
    pub has_context: bool,
    /// Indexes into `Entities::mentions`, in text order (never empty).
    pub mentions: &'a [u32],
    /// Where the first mention starts.
    pub first: usize,
}

/// An entry as stored: spans into the index's arenas, 32 bytes, so a long
/// article's million entries stay tens of megabytes.
#[derive(Debug, Clone, Copy)]
struct Stored {
    kind: EntityKind,
    has_context: bool,
    entity: u32,
    first: u32,
    /// `labels[label.0..label.1]`.
    label: (u32, u32),
    /// The folded label, also in `labels` (the label's own span when
    /// folding changes nothing).
    folded: (u32, u32),
    /// `mentions[mentions.0..mentions.1]`.
    mentions: (u32, u32),
}

/// What the views are built from, once per article.
///
/// Compact by construction: labels and their folds share one string, the
/// entries' mentions one `u32` list, and the sentence a number is shown
/// with is found when it is drawn, not kept. Offsets are `u32`: texts over
/// 4 GiB are not read (as for search hits).
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    entries: Vec<Stored>,
    labels: String,
    mentions: Vec<u32>,
    /// Found on first use (the quotes view): on a long article that is a
    /// second or more the entity pane need not wait for.
    quotes: std::sync::OnceLock<Vec<Quote>>,
    /// Every entry in each order (`Order::Count`, `Order::FirstSeen`),
    /// sorted once here rather than on every frame that draws the pane.
    sorted: [Vec<u32>; 2],
    /// `quotes_by_speaker`, computed on first use.
    by_speaker: std::sync::OnceLock<Vec<usize>>,
}

/// Narrows an offset or count that fits by the index's contract.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl EntityIndex {
    pub fn build(doc: &Document, found: &Entities) -> EntityIndex {
        let text = doc.text.as_str();
        let mut index = EntityIndex::default();
        let mut fold_buf = String::new();
        let valid = |m: &usize| *m < found.mentions.len();
        let groups = number_groups(text, found);
        // Groups by entity, each entity's in order of first mention.
        let mut order: Vec<(u32, u32)> = groups
            .iter()
            .enumerate()
            .map(|(g, group)| (group.entity, narrow(g)))
            .collect();
        order.sort_unstable();
        let others = found
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Number);
        let other_mentions: usize = others.clone().map(|e| e.mentions.len()).sum();
        let grouped: usize = groups.iter().map(|g| 1 + g.more.len()).sum();
        index.entries.reserve_exact(groups.len() + others.count());
        index.mentions.reserve_exact(grouped + other_mentions);
        index.labels.reserve(groups.len() * 8);
        let mut next = order.iter().peekable();
        for (i, e) in found.entities.iter().enumerate() {
            if e.kind == EntityKind::Number {
                while let Some(&&(entity, g)) = next.peek() {
                    if entity as usize > i {
                        break;
                    }
                    next.next();
                    if entity as usize == i {
                        let g = &groups[g as usize];
                        let start = index.mentions.len();
                        index.mentions.push(g.first_mention);
                        index.mentions.extend_from_slice(&g.more);
                        let label = &g.label;
                        index.push(
                            found,
                            i,
                            label,
                            g.has_context,
                            start,
                            g.first,
                            &mut fold_buf,
                        );
                    }
                }
                continue;
            }
            let Some(first) = e.mentions.iter().find(|m| valid(m)) else {
                continue;
            };
            let first = found.mentions[*first].start();
            let start = index.mentions.len();
            index
                .mentions
                .extend(e.mentions.iter().filter(|m| valid(m)).map(|&m| narrow(m)));
            let label = crate::sanitize::clean(&e.name);
            index.push(found, i, &label, false, start, first, &mut fold_buf);
        }
        index.sorted = [Order::Count, Order::FirstSeen].map(|o| sorted_entries(&index.entries, o));
        index.labels.shrink_to_fit();
        index
    }

    /// Adds an entry whose mentions are `self.mentions[start..]`.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        found: &Entities,
        entity: usize,
        label: &str,
        has_context: bool,
        start: usize,
        first: usize,
        fold_buf: &mut String,
    ) {
        let at = self.labels.len();
        self.labels.push_str(label);
        let label_span = (narrow(at), narrow(self.labels.len()));
        fold_into(label, fold_buf);
        let folded = if *fold_buf == label {
            label_span
        } else {
            let at = self.labels.len();
            self.labels.push_str(fold_buf);
            (narrow(at), narrow(self.labels.len()))
        };
        self.entries.push(Stored {
            kind: found.entities[entity].kind,
            has_context,
            entity: narrow(entity),
            first: narrow(first),
            label: label_span,
            folded,
            mentions: (narrow(start), narrow(self.mentions.len())),
        });
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry `i`, if there is one.
    pub fn entry(&self, i: usize) -> Option<Entry<'_>> {
        let s = self.entries.get(i)?;
        Some(Entry {
            kind: s.kind,
            entity: s.entity as usize,
            label: self.span(s.label),
            has_context: s.has_context,
            mentions: self
                .mentions
                .get(s.mentions.0 as usize..s.mentions.1 as usize)
                .unwrap_or_default(),
            first: s.first as usize,
        })
    }

    /// Every entry, in index order.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> + '_ {
        (0..self.entries.len()).filter_map(|i| self.entry(i))
    }

    /// The kind of entry `i` (`Actor` when there is none).
    pub fn kind(&self, i: usize) -> EntityKind {
        self.entries.get(i).map_or(EntityKind::Actor, |s| s.kind)
    }

    fn span(&self, (start, end): (u32, u32)) -> &str {
        self.labels
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The sentence shown with entry `i` when it is a number that counts
    /// nothing nameable, found now in `doc` (only drawn rows ask).
    pub fn context(&self, i: usize, doc: &Document, found: &Entities) -> Option<String> {
        let entry = self.entry(i).filter(|e| e.has_context)?;
        let m = found.mentions.get(*entry.mentions.first()? as usize)?;
        let r = m.range();
        let block = doc.blocks.get(doc.block_at(r.start))?;
        let s = counts::sentence_around(&doc.text, r, block.range.clone());
        Some(crate::sanitize::clean(doc.text.get(s)?).into_owned())
    }

    /// The entries shown, grouped by kind (Actors, Places, Numbers), each
    /// group in `order`, keeping only those whose label matches `filter`.
    pub fn visible(&self, order: Order, filter: &str) -> Vec<usize> {
        let sorted = &self.sorted[order as usize];
        if filter.trim().is_empty() {
            return sorted.iter().map(|&i| i as usize).collect();
        }
        let filter = fold(filter);
        sorted
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| subsequence(&filter, self.span(self.entries[i].folded)))
            .collect()
    }

    /// The quotes of `doc`, whose entities are `found` (those this index
    /// was built from), in text order: found on first use, then kept.
    pub fn quotes(&self, doc: &Document, found: &Entities) -> &[Quote] {
        self.quotes.get_or_init(|| {
            let paragraphs: Vec<Range<usize>> = doc
                .prose_blocks()
                .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }))
                .map(|b| b.range.clone())
                .collect();
            quotes::quotes(&doc.text, &paragraphs, found)
        })
    }

    /// True once the quotes are found (the quotes view costs nothing more).
    pub fn quotes_found(&self) -> bool {
        self.quotes.get().is_some()
    }

    /// Quotes in the order the quotes view lists them: by speaker, speakers
    /// in order of their first statement, unattributed ones last. Sorted on
    /// first use, then kept (the view asks on every frame).
    pub fn quotes_by_speaker(&self, doc: &Document, found: &Entities) -> &[usize] {
        let quotes = self.quotes(doc, found);
        self.by_speaker.get_or_init(|| {
            let mut rank: HashMap<usize, usize> = HashMap::new();
            for q in quotes {
                if let Some(s) = q.speaker {
                    let next = rank.len();
                    rank.entry(s).or_insert(next);
                }
            }
            let key = |q: &Quote| q.speaker.and_then(|s| rank.get(&s).copied());
            let mut out: Vec<usize> = (0..quotes.len()).collect();
            out.sort_by_key(|&i| {
                let q = &quotes[i];
                (key(q).unwrap_or(usize::MAX), q.range.start)
            });
            out
        })
    }

    /// The places of the article for the map: with coordinates first (in
    /// order of first mention), then without. The map's list and its
    /// cursor follow this order.
    pub fn map_places(&self, found: &Entities) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].kind == EntityKind::Place)
            .collect();
        out.sort_by_key(|&i| {
            let e = &self.entries[i];
            let coords = found.entities.get(e.entity as usize).and_then(|x| x.coords);
            (coords.is_none(), e.first)
        });
        out
    }
}

/// A number's entry while its mentions are grouped.
struct Group {
    entity: u32,
    label: String,
    has_context: bool,
    /// Where the first mention starts, and which it is.
    first: usize,
    first_mention: u32,
    /// The other mentions (most groups have none: no allocation).
    more: Vec<u32>,
}

/// The entries of the numbers: one per thing each number counts, in order
/// of first mention, and one per mention that counts nothing nameable.
///
/// Mentions are read in text order, not entity by entity: a long article's
/// numbers are scattered over millions of mentions, and reading them (and
/// the text after them) in order is what keeps this linear in practice, not
/// one cache miss per mention. By the extractor's contract every mention
/// belongs to the one entity that lists it. A map finds the group of a
/// label, so a number mentioned 100,000 times is not compared with every
/// group so far each time.
fn number_groups(text: &str, found: &Entities) -> Vec<Group> {
    const NONE: u32 = u32::MAX;
    let mut owner = vec![NONE; found.mentions.len()];
    let mut owned = 0;
    for (i, e) in found.entities.iter().enumerate() {
        if e.kind == EntityKind::Number {
            for &m in &e.mentions {
                if let Some(slot) = owner.get_mut(m) {
                    *slot = narrow(i);
                    owned += 1;
                }
            }
        }
    }
    // At most one group per mention; most are one mention's.
    let mut groups: Vec<Group> = Vec::with_capacity(owned);
    let mut by_label: HashMap<String, u32> = HashMap::new();
    let mut key = String::new();
    let mut label = String::new();
    for (m, mention) in found.mentions.iter().enumerate() {
        let entity = owner[m];
        if entity == NONE {
            continue;
        }
        let r = mention.range();
        let Some(number) = text.get(r.clone()) else {
            continue;
        };
        label.clear();
        label.push_str(number);
        let noun = counts::counted(text, r.clone());
        if let Some(noun) = &noun {
            label.push(' ');
            label.push_str(text.get(noun.clone()).unwrap_or_default());
        }
        let label = crate::sanitize::clean(&label);
        if noun.is_some() {
            // The entity, then the label without ASCII case.
            key.clear();
            let _ = write!(key, "{entity}\0");
            key.push_str(&label);
            key.make_ascii_lowercase();
            if let Some(&g) = by_label.get(key.as_str()) {
                groups[g as usize].more.push(narrow(m));
                continue;
            }
            by_label.insert(key.clone(), narrow(groups.len()));
        }
        groups.push(Group {
            entity,
            label: label.into_owned(),
            has_context: noun.is_none(),
            first: r.start,
            first_mention: narrow(m),
            more: Vec::new(),
        });
    }
    groups
}

/// Entry indexes sorted by kind (Actors, Places, Numbers), then by
/// `order`; the index breaks ties, so the unstable sort gives the stable
/// order. Keys are gathered first: a million entries sort as plain tuples,
/// not through an index into the entries at every comparison.
fn sorted_entries(entries: &[Stored], order: Order) -> Vec<u32> {
    let mut keys: Vec<(EntityKind, u32, u32, u32)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let count = match order {
                Order::Count => u32::MAX - (e.mentions.1 - e.mentions.0),
                Order::FirstSeen => 0,
            };
            (e.kind, count, e.first, narrow(i))
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| k.3).collect()
}

/// Fuzzy match: every character of `needle` appears in `hay`, in order
/// (both already folded: lower case, no accents).
pub fn subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| hay.any(|h| h == c))
}

/// An overlay of the entity views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Quotes,
    Map,
}

/// What the reader changes about the entity views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityView {
    /// The pane is shown (docked on wide screens, an overlay on narrow).
    pub shown: bool,
    /// The reader has toggled the pane, so resizes no longer decide.
    pub chosen: bool,
    /// Keys go to the pane.
    pub focused: bool,
    pub order: Order,
    /// Position in the visible list.
    pub cursor: usize,
    pub filter: String,
    /// The filter prompt takes the keys.
    pub filtering: bool,
    /// The selected entry (index into `EntityIndex::entries`).
    pub selected: Option<usize>,
    /// Which of its mentions the reader is on.
    pub mention: usize,
    /// Dim paragraphs that do not mention the selected entry.
    pub focus_mode: bool,
    pub panel: Option<Panel>,
    /// Position in the quotes view or the map's list.
    pub panel_cursor: usize,
    /// The entities are still being found (see `app::arrival`).
    pub finding: bool,
    /// What waits for them.
    pub awaited: super::arrival::Awaited,
}

impl Default for EntityView {
    fn default() -> Self {
        EntityView {
            shown: false,
            chosen: false,
            focused: false,
            order: Order::Count,
            cursor: 0,
            filter: String::new(),
            filtering: false,
            selected: None,
            mention: 0,
            focus_mode: false,
            panel: None,
            panel_cursor: 0,
            finding: false,
            awaited: super::arrival::Awaited::default(),
        }
    }
}

#[cfg(test)]
#[path = "entities_tests.rs"]
mod index_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_filter_is_a_folded_subsequence() {
        let cases = [
            ("", "anything", true),
            ("mvc", "mevlut cavusoglu", true),
            ("cav", "mevlut cavusoglu", true),
            ("zz", "mevlut cavusoglu", false),
            ("uc", "cu", false),
        ];
        for (needle, hay, want) in cases {
            assert_eq!(subsequence(needle, hay), want, "{needle} in {hay}");
        }
        assert!(subsequence(&fold("Çav"), &fold("Mevlüt Çavuşoğlu")));
    }
}
