//! The reader's entity views: the entity pane (Actors, Places, Numbers),
//! the selected entity and its mentions, focus mode, the list filter, the
//! quotes view and the map view.
//!
//! `EntityIndex` is built once per article from the document and the
//! extractor's `Entities` (entries with counts, what each number counts, the
//! quotes); `EntityView` is what the reader changes, only through
//! `App::update`. Entries, not entities, are what the reader selects: a
//! number entity splits into one entry per thing it counts (`two` children,
//! `two` towns). No drawing here.

use std::collections::HashMap;
use std::ops::Range;

use crate::document::{BlockKind, Document};
use crate::extract::quotes::{self, Quote};
use crate::extract::{Entities, EntityKind, counts};
use crate::gazetteer::fold;

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

/// One line of the entity list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: EntityKind,
    /// Index into `Entities::entities`.
    pub entity: usize,
    /// The name, or for a number what it counts (`six civilians`).
    pub label: String,
    /// For a number that counts nothing nameable: its sentence.
    pub context: Option<String>,
    /// Indexes into `Entities::mentions`, in text order (never empty).
    pub mentions: Vec<usize>,
    /// Where the first mention starts.
    pub first: usize,
}

/// What the views are built from, once per article.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    pub entries: Vec<Entry>,
    pub quotes: Vec<Quote>,
    /// Folded entry labels, for the filter.
    folded: Vec<String>,
    /// Every entry in each order (`Order::Count`, `Order::FirstSeen`),
    /// sorted once here rather than on every frame that draws the pane.
    sorted: [Vec<usize>; 2],
}

impl EntityIndex {
    pub fn build(doc: &Document, found: &Entities) -> EntityIndex {
        let text = doc.text.as_str();
        let mut entries = Vec::new();
        for (i, e) in found.entities.iter().enumerate() {
            let ms: Vec<usize> = e
                .mentions
                .iter()
                .copied()
                .filter(|&m| m < found.mentions.len())
                .collect();
            if ms.is_empty() {
                continue;
            }
            if e.kind != EntityKind::Number {
                entries.push(entry(
                    found,
                    i,
                    crate::sanitize::clean(&e.name).into(),
                    None,
                    ms,
                ));
                continue;
            }
            // One entry per thing counted, in order of first mention; a
            // map finds the group of a label, so a number mentioned 100,000
            // times is not compared with every group so far each time.
            let mut groups: Vec<(String, Option<String>, Vec<usize>)> = Vec::new();
            let mut by_label: HashMap<String, usize> = HashMap::new();
            for m in ms {
                let r = found.mentions[m].range.clone();
                let (label, context) = match counts::counted(text, r.clone()) {
                    Some(noun) => (format!("{} {}", &text[r.clone()], &text[noun]), None),
                    None => {
                        let block = &doc.blocks[doc.block_at(r.start)];
                        let s = counts::sentence_around(text, r.clone(), block.range.clone());
                        (text[r].to_string(), Some(text[s].to_string()))
                    }
                };
                let label: String = crate::sanitize::clean(&label).into();
                let context = context.map(|c| crate::sanitize::clean(&c).into_owned());
                if context.is_none() {
                    let key = label.to_ascii_lowercase();
                    if let Some(&g) = by_label.get(&key) {
                        groups[g].2.push(m);
                        continue;
                    }
                    by_label.insert(key, groups.len());
                }
                groups.push((label, context, vec![m]));
            }
            for (label, context, ms) in groups {
                entries.push(entry(found, i, label, context, ms));
            }
        }
        let paragraphs: Vec<Range<usize>> = doc
            .prose_blocks()
            .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }))
            .map(|b| b.range.clone())
            .collect();
        let quotes = quotes::quotes(text, &paragraphs, found);
        let folded = entries.iter().map(|e| fold(&e.label)).collect();
        let all: Vec<usize> = (0..entries.len()).collect();
        let sorted = [Order::Count, Order::FirstSeen].map(|order| {
            let mut out = all.clone();
            sort_entries(&entries, &mut out, order);
            out
        });
        EntityIndex {
            entries,
            quotes,
            folded,
            sorted,
        }
    }

    /// The entries shown, grouped by kind (Actors, Places, Numbers), each
    /// group in `order`, keeping only those whose label matches `filter`.
    pub fn visible(&self, order: Order, filter: &str) -> Vec<usize> {
        let sorted = &self.sorted[order as usize];
        if filter.trim().is_empty() {
            return sorted.clone();
        }
        let filter = fold(filter);
        sorted
            .iter()
            .copied()
            .filter(|&i| subsequence(&filter, &self.folded[i]))
            .collect()
    }

    /// Quotes in the order the quotes view lists them: by speaker, speakers
    /// in order of their first statement, unattributed ones last.
    pub fn quotes_by_speaker(&self) -> Vec<usize> {
        let mut first: Vec<(usize, usize)> = Vec::new();
        for q in &self.quotes {
            if let Some(s) = q.speaker
                && !first.iter().any(|f| f.0 == s)
            {
                first.push((s, q.range.start));
            }
        }
        let rank = |q: &Quote| {
            q.speaker.map_or(usize::MAX, |s| {
                first.iter().position(|f| f.0 == s).unwrap_or(usize::MAX)
            })
        };
        let mut out: Vec<usize> = (0..self.quotes.len()).collect();
        out.sort_by_key(|&i| (rank(&self.quotes[i]), self.quotes[i].range.start));
        out
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
            let coords = found.entities.get(e.entity).and_then(|x| x.coords);
            (coords.is_none(), e.first)
        });
        out
    }
}

/// Sorts entry indexes by kind (Actors, Places, Numbers), then by `order`.
fn sort_entries(entries: &[Entry], out: &mut [usize], order: Order) {
    out.sort_by_key(|&i| {
        let e = &entries[i];
        let count = match order {
            Order::Count => usize::MAX - e.mentions.len(),
            Order::FirstSeen => 0,
        };
        (e.kind, count, e.first)
    });
}

fn entry(
    found: &Entities,
    entity: usize,
    label: String,
    context: Option<String>,
    mentions: Vec<usize>,
) -> Entry {
    let first = mentions
        .first()
        .map_or(0, |&m| found.mentions[m].range.start);
    Entry {
        kind: found.entities[entity].kind,
        entity,
        label,
        context,
        mentions,
        first,
    }
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
