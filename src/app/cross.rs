//! The actors and places across a feed: every item read as an article (its
//! content when the feed carries it, else its title and summary), its
//! entities found as the reader finds them, and each name counted once per
//! item that mentions it. Selecting a name in the feed view's entity pane
//! filters the list to those items; opening one selects the same name in
//! the reader (the labels are the reader's own).
//!
//! [`CrossIndex::compute`] is the slow part (extraction over every item);
//! the session asks for it as a job and takes the result as a message. No
//! I/O and no drawing here.

use crate::document::{Document, Format};
use crate::extract::{self, EntityKind};
use crate::feed::{self, Item};

use super::entities::EntityIndex;

/// One name across the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossEntry {
    pub kind: EntityKind,
    pub label: String,
    /// The items that mention it (indexes into the feed view's items), in
    /// order.
    pub items: Vec<u32>,
}

/// The names across a feed's items, most mentioned first (by how many
/// items mention them), actors before places at equal counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CrossIndex {
    pub entries: Vec<CrossEntry>,
    /// How many items were read.
    pub items: usize,
}

/// An item as the article the entity pane reads.
pub fn item_text(item: &Item) -> Document {
    if let Some(doc) = crate::web::item_document(item) {
        return doc;
    }
    let text = format!("{}\n\n{}", item.title, feed::summary_text(item));
    Document::from_vec("item", text.into_bytes(), Some(Format::Plain)).unwrap_or_else(|_| {
        Document::parse(
            crate::document::load::decode("item", b"").expect("empty text decodes"),
            Format::Plain,
        )
    })
}

impl CrossIndex {
    /// Reads every item (`items[i]` is item `i` of the view).
    pub fn compute(items: &[Item]) -> CrossIndex {
        let mut by_name: rustc_hash::FxHashMap<(u8, String), Vec<u32>> =
            rustc_hash::FxHashMap::default();
        for (i, item) in items.iter().enumerate() {
            let doc = item_text(item);
            let found = extract::extract(&doc);
            let index = EntityIndex::build(&doc, &found);
            for entry in index.entries() {
                let kind = match entry.kind {
                    EntityKind::Actor => 0,
                    EntityKind::Place => 1,
                    EntityKind::Number => continue,
                };
                let list = by_name.entry((kind, entry.label.to_string())).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let mut entries: Vec<CrossEntry> = by_name
            .into_iter()
            .map(|((kind, label), items)| CrossEntry {
                kind: if kind == 0 {
                    EntityKind::Actor
                } else {
                    EntityKind::Place
                },
                label,
                items,
            })
            .collect();
        entries.sort_by(|a, b| {
            b.items
                .len()
                .cmp(&a.items.len())
                .then_with(|| kind_rank(a.kind).cmp(&kind_rank(b.kind)))
                .then_with(|| a.label.cmp(&b.label))
        });
        CrossIndex {
            entries,
            items: items.len(),
        }
    }
}

fn kind_rank(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Actor => 0,
        EntityKind::Place => 1,
        EntityKind::Number => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_counted_once_per_item_that_mentions_them() {
        let feed = feed::parse(
            include_bytes!("../../tests/fixtures/feeds/rss2.xml"),
            "https://example.org/feed.xml",
            None,
        )
        .expect("feed");
        let mut items = feed.items.clone();
        // The same report twice: each name counts two items.
        items.push(feed.items[0].clone());
        let index = CrossIndex::compute(&items);
        assert_eq!(index.items, items.len());
        // The extractor's exact labels are its own business; a place
        // naming Tallinn is in both copies of the report.
        let tallinn = index
            .entries
            .iter()
            .find(|e| e.kind == EntityKind::Place && e.label.to_lowercase().contains("tallinn"))
            .unwrap_or_else(|| panic!("Tallinn is found: {:?}", index.entries));
        assert_eq!(tallinn.items, [0, 3]);
        assert!(
            index
                .entries
                .windows(2)
                .all(|w| w[0].items.len() >= w[1].items.len()),
            "most mentioned first"
        );
        assert!(index.entries.iter().all(|e| e.kind != EntityKind::Number));
    }
}
