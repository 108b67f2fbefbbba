//! Several articles in one reader (`lede a.md b.txt`): the ones not shown
//! wait here, each with its own view and wrap cache, and `NextFile` /
//! `PrevFile` swap one in.
//!
//! Each keeps its own search, marks and entity selection too.
//!
//! The shown article stays in `App`'s own fields, so everything else in the
//! app reads one document as before. Invariant: `slots` has one entry per
//! article, in command-line order, and the shown article's slot is `None`.

use std::mem;
use std::sync::Arc;

use super::entities::{EntityIndex, EntityView};
use super::search::SearchState;
use super::{Action, App, ViewState};
use crate::document::Document;
use crate::extract::Entities;
use crate::layout::WrapCache;

/// An article waiting its turn.
#[derive(Debug)]
pub struct Parked {
    doc: Arc<Document>,
    entities: Entities,
    view: ViewState,
    cache: WrapCache,
    search: SearchState,
    entity: EntityView,
    index: EntityIndex,
}

/// The articles opened together.
#[derive(Debug, Default)]
pub struct Files {
    /// One per article; `None` for the one shown. Empty with one article.
    slots: Vec<Option<Parked>>,
    /// File names in order, for the tab bar.
    names: Vec<String>,
    current: usize,
}

impl Files {
    /// How many articles are open.
    pub fn len(&self) -> usize {
        self.slots.len().max(1)
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// Which one is shown (0-based).
    pub fn current(&self) -> usize {
        self.current
    }

    /// The articles' names, in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The parked articles, for saving places: document, view, the kept
    /// search's text and the selected entity's label.
    pub fn parked(
        &self,
    ) -> impl Iterator<Item = (&Document, &ViewState, Option<&str>, Option<&str>)> {
        self.slots.iter().flatten().map(|p| {
            let (label, search) =
                super::places::remembered(p.search.kept.as_deref(), &p.entity, &p.index);
            (&*p.doc, &p.view, search, label)
        })
    }

    /// Keeps the entities found for a parked article until it is shown.
    pub(super) fn receive(&mut self, found: super::arrival::Found) {
        if let Some(Some(p)) = self.slots.get_mut(found.file) {
            p.entities = found.entities;
            p.index = found.index;
            p.entity.finding = false;
        }
    }

    /// Adds another article (taken out of an `App` built for it) after the
    /// ones already open.
    pub fn park(&mut self, current_name: &str, other: App) {
        if self.slots.is_empty() {
            self.slots.push(None);
            self.names.push(current_name.to_string());
        }
        self.names.push(other.doc.name.clone());
        self.slots.push(Some(Parked {
            doc: other.doc,
            entities: other.entities,
            view: other.view,
            cache: other.cache,
            search: other.search,
            entity: other.entity,
            index: other.index,
        }));
    }
}

impl App {
    /// Opens another article behind this one (see [`Files`]).
    pub fn add_file(&mut self, other: App) {
        let name = self.doc.name.clone();
        self.files.park(&name, other);
    }

    /// Shows the article `delta` places on, wrapping around.
    pub(super) fn switch_file(&mut self, delta: isize) {
        let n = self.files.slots.len();
        if n < 2 {
            self.view.message = Some("only one article is open".into());
            return;
        }
        let from = self.files.current;
        let to = (from as isize + delta).rem_euclid(n as isize) as usize;
        let Some(next) = self.files.slots[to].take() else {
            return;
        };
        let size = self.view.size;
        // Reveal mode is how the reader looks at text, not a place in one
        // article: it carries over.
        let reveal = self.view.reveal;
        let parked = Parked {
            doc: mem::replace(&mut self.doc, next.doc),
            entities: mem::replace(&mut self.entities, next.entities),
            view: mem::replace(&mut self.view, next.view),
            cache: mem::replace(&mut self.cache, next.cache),
            search: mem::replace(&mut self.search, next.search),
            entity: mem::replace(&mut self.entity, next.entity),
            index: mem::replace(&mut self.index, next.index),
        };
        self.files.slots[from] = Some(parked);
        // Entities that arrived while it was parked: what waited for them
        // (a remembered selection or search) applies now.
        self.apply_awaited();
        self.files.current = to;
        // The article may have been wrapped for another size, or never.
        self.view.quit = false;
        self.view.reveal = reveal;
        self.apply(Action::Resize(size.0, size.1));
        if self.cache.reveals() != reveal {
            self.rewrap();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::Keymap;

    fn app(name: &str, text: &str) -> App {
        let doc = Document::from_bytes(name, text.as_bytes(), None).expect("text");
        let entities = crate::extract::extract(&doc);
        App::new(doc, entities, Keymap::default())
    }

    #[test]
    fn each_article_keeps_its_own_place() {
        let long = |t: &str| {
            let mut s = format!("{t}\n\n");
            for i in 0..60 {
                s.push_str(&format!("Paragraph {i} of {t}.\n\n"));
            }
            s
        };
        let mut reader = app("a.txt", &long("First"));
        reader.add_file(app("b.txt", &long("Second")));
        reader.add_file(app("c.txt", &long("Third")));
        reader.update(Action::Resize(80, 24));
        assert_eq!(reader.files.len(), 3);
        reader.update(Action::Scroll(10));
        reader.update(Action::NextFile);
        assert_eq!(reader.doc.name, "b.txt");
        assert_eq!(reader.view.top, 0);
        assert!(!reader.cache().is_empty(), "wrapped when shown");
        reader.update(Action::Scroll(3));
        reader.update(Action::PrevFile);
        assert_eq!((reader.doc.name.as_str(), reader.view.top), ("a.txt", 10));
        reader.update(Action::PrevFile);
        assert_eq!((reader.doc.name.as_str(), reader.view.top), ("c.txt", 0));
        reader.update(Action::NextFile);
        reader.update(Action::NextFile);
        assert_eq!((reader.doc.name.as_str(), reader.view.top), ("b.txt", 3));
        assert_eq!(reader.files.names(), ["a.txt", "b.txt", "c.txt"]);
        assert_eq!(reader.files.current(), 1);
    }

    #[test]
    fn each_article_keeps_its_own_search() {
        let mut reader = app(
            "a.txt",
            "Alpha\n\nThe word needle is here, and a needle again.",
        );
        reader.add_file(app("b.txt", "Beta\n\nNothing to find in this one."));
        reader.update(Action::Resize(80, 24));
        reader.update(Action::SearchForward);
        for c in "needle".chars() {
            reader.update(Action::PromptInput(c));
        }
        reader.update(Action::PromptAccept);
        assert_eq!(reader.search.label().as_deref(), Some("1/2"));
        reader.update(Action::NextFile);
        assert_eq!(
            reader.search.label(),
            None,
            "the other article has no search"
        );
        reader.update(Action::NextFile);
        assert_eq!(reader.search.label().as_deref(), Some("1/2"));
    }

    #[test]
    fn a_resize_while_parked_is_caught_up() {
        let mut reader = app("a.txt", "A\n\nShort text here.");
        reader.add_file(app("b.txt", "B\n\nAnother short text."));
        reader.update(Action::Resize(80, 24));
        reader.update(Action::NextFile);
        reader.update(Action::Resize(40, 15));
        reader.update(Action::NextFile);
        assert_eq!(reader.view.size, (40, 15));
        assert_eq!(reader.cache().width(), reader.panes().text.width);
    }

    #[test]
    fn one_article_has_nothing_to_switch_to() {
        let mut reader = app("a.txt", "A\n\nText.");
        reader.update(Action::NextFile);
        assert_eq!(reader.doc.name, "a.txt");
        assert!(reader.view.message.is_some());
    }
}
