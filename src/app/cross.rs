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

/// The most threads the names are found on: the items are independent, so
/// the pane is ready about this many times sooner on as many cores.
const MAX_THREADS: usize = 8;

/// Fewer items than this per thread are not worth a thread.
const ITEMS_PER_THREAD: usize = 16;

/// An item's actors and places (0 and 1), each once, in the order the
/// reader's entity pane lists them.
fn item_names(item: &Item) -> Vec<(u8, String)> {
    let doc = item_text(item);
    let found = extract::extract(&doc);
    let index = EntityIndex::build(&doc, &found);
    let mut names: Vec<(u8, String)> = Vec::new();
    for entry in index.entries() {
        let kind = match entry.kind {
            EntityKind::Actor => 0,
            EntityKind::Place => 1,
            EntityKind::Number => continue,
        };
        names.push((kind, entry.label.to_string()));
    }
    names
}

/// Every item's names, in item order, found on up to `threads` threads
/// (contiguous runs of items each).
fn names_of(items: &[Item], threads: usize) -> Vec<Vec<(u8, String)>> {
    let threads = threads
        .min(items.len() / ITEMS_PER_THREAD)
        .clamp(1, MAX_THREADS);
    if threads == 1 {
        return items.iter().map(item_names).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                std::thread::Builder::new()
                    .name("lede-names".into())
                    .spawn_scoped(scope, move || {
                        part.iter().map(item_names).collect::<Vec<_>>()
                    })
            })
            .collect();
        let mut all = Vec::with_capacity(items.len());
        for (handle, part) in handles.into_iter().zip(items.chunks(chunk)) {
            // A thread that could not start, or that panicked on an item,
            // leaves its run to this one (a panic again here is caught by
            // the job's caller like any other).
            match handle.ok().and_then(|h| h.join().ok()) {
                Some(names) => all.extend(names),
                None => all.extend(part.iter().map(item_names)),
            }
        }
        all
    })
}

impl CrossIndex {
    /// Reads every item (`items[i]` is item `i` of the view), on as many
    /// threads as the machine has cores (at most [`MAX_THREADS`]).
    pub fn compute(items: &[Item]) -> CrossIndex {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self::compute_on(items, threads)
    }

    /// [`compute`](Self::compute) on at most `threads` threads; the result
    /// does not depend on how many.
    pub fn compute_on(items: &[Item], threads: usize) -> CrossIndex {
        let mut by_name: rustc_hash::FxHashMap<(u8, String), Vec<u32>> =
            rustc_hash::FxHashMap::default();
        for (i, names) in names_of(items, threads).into_iter().enumerate() {
            for name in names {
                let list = by_name.entry(name).or_default();
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

    #[test]
    fn the_names_do_not_depend_on_how_many_threads_find_them() {
        let feed = feed::parse(
            include_bytes!("../../tests/fixtures/feeds/rss2.xml"),
            "https://example.org/feed.xml",
            None,
        )
        .expect("feed");
        // Enough items for several threads, each report several times.
        let items: Vec<Item> = (0..5 * ITEMS_PER_THREAD)
            .map(|i| feed.items[i % feed.items.len()].clone())
            .collect();
        let one = CrossIndex::compute_on(&items, 1);
        assert!(!one.entries.is_empty());
        for threads in [2, 3, 4, 64] {
            assert_eq!(
                CrossIndex::compute_on(&items, threads),
                one,
                "{threads} threads"
            );
        }
    }
}
