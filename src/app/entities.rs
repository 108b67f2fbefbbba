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

use std::borrow::Cow;
use std::collections::HashMap;

use crate::document::{BlockKind, Document};
use crate::extract::quotes::{self, Quote};
use crate::extract::{Entities, EntityKind, counts};

/// The fold the filter and the labels are compared in: search's, lower
/// case (`crate::fold`), so `/` in the pane and `/` in the body agree.
fn fold(s: &str) -> String {
    crate::fold::fold(s, true)
}

fn fold_into(s: &str, out: &mut String) {
    crate::fold::fold_into(s, true, out);
}

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
    /// The mentions a calm page leaves plain (a bit each).
    quiet: crate::extract::calm::Quiet,
    /// `doubtful_places`, computed on first use (the map).
    doubtful: std::sync::OnceLock<Vec<usize>>,
}

/// Narrows an offset or count that fits by the index's contract.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl EntityIndex {
    /// Builds the index of `found`, the entities of `doc`.
    ///
    /// A long article has a million entries, so nothing is built twice:
    /// each entry is made once, straight into `entries` (number groups in
    /// text order, then the other entities), its label written once into
    /// the arena; one in-place sort puts them in entity order, and the
    /// mention lists are then filled in place. What lives only during the
    /// build is a `u32` per mention and per group, a hash per counted
    /// label, and the sort keys of [`sorted_entries`].
    pub fn build(doc: &Document, found: &Entities) -> EntityIndex {
        Self::build_keyed(doc, found, label_key)
    }

    /// [`Self::build`] with `key` hashing number labels (tests make every
    /// label collide).
    fn build_keyed(doc: &Document, found: &Entities, key: fn(u32, &str) -> u64) -> EntityIndex {
        let text = doc.text.as_str();
        let mut index = EntityIndex::default();
        let mut fold_buf = String::new();
        let valid = |m: &usize| *m < found.mentions.len();
        // Each number mention's group, then its entry.
        let group_of = number_groups(text, found, &mut index, &mut fold_buf, key);
        let groups = index.entries.len();
        let others = found
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Number)
            .count();
        index.entries.reserve_exact(others);
        for (i, e) in found.entities.iter().enumerate() {
            if e.kind == EntityKind::Number {
                continue;
            }
            let Some(first) = e.mentions.iter().find(|m| valid(m)) else {
                continue;
            };
            let first = found.mentions[*first].start();
            let count = e.mentions.iter().filter(|m| valid(m)).count();
            let label = crate::sanitize::clean(&e.name);
            index.push(
                found,
                i,
                &label,
                false,
                (0, narrow(count)),
                first,
                &mut fold_buf,
            );
        }
        // Entity order, each number's groups in order of first mention
        // (while sorting, `mentions` holds a group's number and its count).
        index
            .entries
            .sort_unstable_by_key(|e| (e.entity, e.first, e.mentions.0));
        let mut entry_of_group = vec![0u32; groups];
        let total: usize = index.entries.iter().map(|e| e.mentions.1 as usize).sum();
        index.mentions = vec![0; total];
        let mut at = 0u32;
        for (k, e) in index.entries.iter_mut().enumerate() {
            let (group, count) = e.mentions;
            if e.kind == EntityKind::Number {
                if let Some(slot) = entry_of_group.get_mut(group as usize) {
                    *slot = narrow(k);
                }
                // Filled below, in text order.
                e.mentions = (at, at);
            } else {
                let listed = found.entities[e.entity as usize]
                    .mentions
                    .iter()
                    .filter(|m| valid(m));
                for (slot, &m) in index.mentions[at as usize..].iter_mut().zip(listed) {
                    *slot = narrow(m);
                }
                e.mentions = (at, at + count);
            }
            at += count;
        }
        for (m, g) in group_of.iter().enumerate() {
            let Some(&k) = entry_of_group.get(*g as usize) else {
                continue;
            };
            let e = &mut index.entries[k as usize];
            if let Some(slot) = index.mentions.get_mut(e.mentions.1 as usize) {
                *slot = narrow(m);
                e.mentions.1 += 1;
            }
        }
        drop(group_of);
        drop(entry_of_group);
        index.entries.shrink_to_fit();
        index.sorted = [Order::Count, Order::FirstSeen].map(|o| sorted_entries(&index.entries, o));
        index.labels.shrink_to_fit();
        index.quiet = crate::extract::calm::Quiet::of(doc, found);
        index
    }

    /// The mentions a calm page leaves plain.
    pub fn quiet(&self) -> &crate::extract::calm::Quiet {
        &self.quiet
    }

    /// Adds an entry whose mentions are `mentions` (in the build's
    /// temporary sense: a group number and a count).
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        found: &Entities,
        entity: usize,
        label: &str,
        has_context: bool,
        mentions: (u32, u32),
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
            mentions,
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
    /// Without a filter that is the kept order itself, lent: a long
    /// article's million entries are not copied for every frame.
    pub fn visible(&self, order: Order, filter: &str) -> Cow<'_, [u32]> {
        let sorted = &self.sorted[order as usize];
        if filter.trim().is_empty() {
            return Cow::Borrowed(sorted);
        }
        let filter = fold(filter);
        sorted
            .iter()
            .copied()
            .filter(|&i| subsequence(&filter, self.span(self.entries[i as usize].folded)))
            .collect()
    }

    /// The quotes of `doc`, whose entities are `found` (those this index
    /// was built from), in text order: found on first use, then kept.
    pub fn quotes(&self, doc: &Document, found: &Entities) -> &[Quote] {
        self.quotes.get_or_init(|| {
            let paragraphs = doc
                .prose_blocks()
                .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }))
                .map(|b| b.range);
            quotes::quotes(&doc.text, paragraphs, found)
        })
    }

    /// True once the quotes are found (the quotes view costs nothing more).
    #[cfg(test)]
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

    /// The places of the article for the map: those drawn first (with
    /// coordinates, in order of first mention), then those whose
    /// coordinates contradict the article's region, then those without.
    /// The map's list and its cursor follow this order.
    pub fn map_places(&self, found: &Entities) -> Vec<usize> {
        let doubtful = self.doubtful_places(found);
        let mut out: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].kind == EntityKind::Place)
            .collect();
        out.sort_by_key(|&i| {
            let e = &self.entries[i];
            let coords = found.entities.get(e.entity as usize).and_then(|x| x.coords);
            (coords.is_none(), doubtful.contains(&i), e.first)
        });
        out
    }

    /// The place entries whose coordinates contradict the article's region
    /// ([`super::region::doubtful`]): listed apart on the map, not drawn.
    /// Checked once per article.
    pub fn doubtful_places(&self, found: &Entities) -> &[usize] {
        self.doubtful.get_or_init(|| {
            let gazetteer_country = |label: &str| {
                crate::gazetteer::place(label)
                    .filter(|p| p.kind == crate::gazetteer::PlaceKind::Country)
                    .map(|p| p.country)
            };
            let named: Vec<&str> = self
                .entries()
                .filter(|e| e.kind != EntityKind::Number)
                .filter_map(|e| gazetteer_country(e.label))
                .collect();
            let mut located = Vec::new();
            let mut which = Vec::new();
            for (i, e) in (0..self.entries.len()).filter_map(|i| Some((i, self.entry(i)?))) {
                let coords = found.entities.get(e.entity).and_then(|x| x.coords);
                let (Some((lat, lon)), EntityKind::Place) = (coords, e.kind) else {
                    continue;
                };
                // The record the extractor's coordinates came from.
                let country = crate::gazetteer::places(e.label)
                    .find(|p| p.lat == lat && p.lon == lon)
                    .map_or("", |p| p.country);
                located.push(super::region::Located { lat, lon, country });
                which.push(i);
            }
            super::region::doubtful(&located, &named)
                .into_iter()
                .zip(which)
                .filter_map(|(d, i)| d.then_some(i))
                .collect()
        })
    }
}

/// The entries of the numbers, pushed into `index` (their `mentions` a
/// group number and a count): one per thing each number counts, in order
/// of first mention, and one per mention that counts nothing nameable.
/// Returns each mention's group (`u32::MAX`: not a number's).
///
/// Mentions are read in text order, not entity by entity: a long article's
/// numbers are scattered over millions of mentions, and reading them (and
/// the text after them) in order is what keeps this linear in practice, not
/// one cache miss per mention. By the extractor's contract every mention
/// belongs to the one entity that lists it. A map from a hash of the
/// entity and the label without ASCII case finds the group of a label (the
/// label itself is compared, in the arena), so a number mentioned 100,000
/// times is not compared with every group so far each time, and a million
/// groups keep no key strings.
fn number_groups(
    text: &str,
    found: &Entities,
    index: &mut EntityIndex,
    fold_buf: &mut String,
    label_key: fn(u32, &str) -> u64,
) -> Vec<u32> {
    const NONE: u32 = u32::MAX;
    let mut group_of = vec![NONE; found.mentions.len()];
    for (i, e) in found.entities.iter().enumerate() {
        if e.kind == EntityKind::Number {
            for &m in &e.mentions {
                if let Some(slot) = group_of.get_mut(m) {
                    *slot = narrow(i);
                }
            }
        }
    }
    let mut by_key: HashMap<u64, u32> = HashMap::new();
    // Labels whose hash another label took first (almost never any).
    let mut spilled: HashMap<(u32, String), u32> = HashMap::new();
    let mut label = String::new();
    for (m, mention) in found.mentions.iter().enumerate() {
        let entity = group_of[m];
        if entity == NONE {
            continue;
        }
        let r = mention.range();
        let Some(number) = text.get(r.clone()) else {
            group_of[m] = NONE;
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
        let next = narrow(index.entries.len());
        if noun.is_some() {
            let key = label_key(entity, &label);
            let same = |g: u32| {
                index.entries.get(g as usize).is_some_and(|e| {
                    e.entity == entity && index.span(e.label).eq_ignore_ascii_case(&label)
                })
            };
            let found_group = match by_key.get(&key) {
                Some(&g) if same(g) => Some(g),
                Some(_) => {
                    let spill = (entity, label.to_ascii_lowercase());
                    let g = *spilled.entry(spill).or_insert(next);
                    (g != next).then_some(g)
                }
                None => {
                    by_key.insert(key, next);
                    None
                }
            };
            if let Some(g) = found_group {
                group_of[m] = g;
                if let Some(e) = index.entries.get_mut(g as usize) {
                    e.mentions.1 += 1;
                }
                continue;
            }
        }
        group_of[m] = next;
        index.push(
            found,
            entity as usize,
            &label,
            noun.is_none(),
            (next, 1),
            r.start,
            fold_buf,
        );
    }
    group_of
}

/// A hash of an entity and a label without ASCII case.
fn label_key(entity: u32, label: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    entity.hash(&mut h);
    for b in label.bytes() {
        h.write_u8(b.to_ascii_lowercase());
    }
    h.finish()
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
    // Not `into_iter().collect()`: that would keep the keys' allocation,
    // four times the size, for as long as the index lives.
    let mut out = Vec::with_capacity(keys.len());
    out.extend(keys.iter().map(|k| k.3));
    out
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
    /// The article's links, numbered.
    Links,
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
    /// Position in the quotes view, the map's list or the link list.
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
