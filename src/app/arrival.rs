//! Entities that arrive after the first frame.
//!
//! Finding the actors, places and numbers of a long article takes seconds
//! (the extractor reads about 25 MB a second), so the reader opens without
//! them and [`find_in_background`] computes them on a thread of their own:
//! the entities and the views' index ([`Found`]), handed to the app as one
//! piece as `app::Msg::Entities`. Until then nothing is highlighted (never
//! a wrong highlight, only none), the status line and the entity pane say
//! names are being found, the keys that need entities say so instead of
//! "nothing found", and what the reader asked for meanwhile (a remembered
//! selection, a remembered or typed `@name` search) waits in [`Awaited`] and
//! is applied on arrival.
//!
//! No drawing here and no terminal: the thread only calls a `deliver`
//! closure, which the terminal layer points at its input channel.

use std::io;
use std::sync::Arc;

use super::entities::EntityIndex;
use super::{Action, Reader};
use crate::document::Document;
use crate::extract::{self, Entities};
use crate::search::Query;

/// What the status line and the entity keys say while entities are found.
pub const FINDING: &str = "finding names, places and numbers…";

/// One article's entities and the index of the entity views, ready to be
/// swapped in.
#[derive(Debug, Clone)]
pub struct Found {
    /// Which open article (0-based, command-line order).
    pub file: usize,
    pub entities: Entities,
    pub index: EntityIndex,
}

impl Found {
    /// Extracts the entities of `doc` and indexes them (the slow part).
    pub fn compute(file: usize, doc: &Document) -> Found {
        let mut entities = extract::extract(doc);
        // Extraction grows its lists by doubling, and they are kept for
        // as long as the article is open: up to half of them spare room
        // (5 MB of Markdown: 3.9 MB of the mentions), given back before
        // the index is built beside them.
        entities.mentions.shrink_to_fit();
        entities.entities.shrink_to_fit();
        let index = EntityIndex::build(doc, &entities);
        // Found here, off the reader's thread: on a long article the
        // quotes take a second or two, which the first opening of the
        // quotes view would otherwise spend in one frame.
        index.quotes_by_speaker(doc, &entities);
        Found {
            file,
            entities,
            index,
        }
    }
}

/// What the reader asked for before the entities were there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Awaited {
    /// A remembered selection: the entry's label and the text offset whose
    /// mention it was on.
    pub entity: Option<(String, usize)>,
    /// An `@name` search (remembered or typed) and where it started.
    pub search: Option<(String, usize)>,
}

/// Articles whose entities are to be found: their number (0-based, in
/// command-line order) and the document, shared with the reader.
pub type Jobs = Vec<(usize, Arc<Document>)>;

/// Finds the entities of each article, in order, on one background thread,
/// handing each result to `deliver`; stops early when `deliver` returns
/// false (the reader has gone).
pub fn find_in_background<F>(jobs: Jobs, mut deliver: F) -> io::Result<()>
where
    F: FnMut(Found) -> bool + Send + 'static,
{
    if jobs.is_empty() {
        return Ok(());
    }
    std::thread::Builder::new()
        .name("lede-entities".into())
        .spawn(move || {
            for (file, doc) in jobs {
                if !deliver(Found::compute(file, &doc)) {
                    break;
                }
            }
        })
        .map(|_| ())
}

/// True when prompt text is an `@name` entity search.
pub(super) fn is_entity_search(text: &str) -> bool {
    matches!(Query::parse(text), Ok(Query::Entity(_)))
}

impl Reader {
    /// Whether the shown article's entities are known.
    pub fn entities_ready(&self) -> bool {
        !self.entity.finding
    }

    /// Takes the entities found for this article: it is highlighted from
    /// now on, and what waited for them applies.
    pub(super) fn receive(&mut self, found: Found) {
        self.entities = found.entities;
        self.index = found.index;
        self.entity.finding = false;
        self.apply_awaited();
    }

    /// Applies what waited for the entities, once they are there.
    pub(super) fn apply_awaited(&mut self) {
        if self.entity.finding {
            return;
        }
        let awaited = std::mem::take(&mut self.entity.awaited);
        if let Some((label, offset)) = awaited.entity
            && self.entity.selected.is_none()
        {
            super::places::restore_selection(self, &label, offset);
        }
        if let Some((text, origin)) = awaited.search {
            self.restore_search(&text, origin);
        }
        let last = self.visible().len().saturating_sub(1);
        self.entity.cursor = self.entity.cursor.min(last);
    }

    /// Stops an action that needs entities while they are being found;
    /// true when it was stopped.
    pub(super) fn wait_for_entities(&mut self, action: Action) -> bool {
        if !self.entity.finding {
            return false;
        }
        if action.traits().needs_entities {
            self.view.message = Some(FINDING.into());
            return true;
        }
        if action == Action::PromptAccept
            && let Some(p) = self.search.prompt.as_ref()
            && is_entity_search(&p.input)
        {
            // Run as usual (history, the prompt closed), lit once the
            // entities are there; "no match" would be wrong meanwhile.
            self.entity.awaited.search = Some((p.input.clone(), self.view.anchor.offset));
            self.accept();
            self.view.message = Some(format!("{FINDING} the search lights up once they are"));
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, Msg};
    use crate::keymap::Keymap;

    fn seed() -> Document {
        crate::cli::load_article(None).expect("seed")
    }

    #[test]
    fn entities_found_keep_no_spare_room() {
        let found = Found::compute(0, &seed());
        let e = &found.entities;
        assert!(!e.mentions.is_empty());
        assert_eq!(e.mentions.capacity(), e.mentions.len());
        assert_eq!(e.entities.capacity(), e.entities.len());
    }

    fn awaiting() -> App {
        let mut app = App::awaiting_entities(seed(), Keymap::default());
        app.update(Action::Resize(150, 40));
        app
    }

    fn found(app: &App) -> Found {
        Found::compute(0, &app.doc)
    }

    #[test]
    fn entities_arrive_with_their_quotes_found() {
        let app = awaiting();
        let found = found(&app);
        assert!(found.index.quotes_found(), "found on the background thread");
        assert!(!EntityIndex::build(&app.doc, &found.entities).quotes_found());
    }

    #[test]
    fn nothing_is_highlighted_until_the_entities_arrive() {
        let mut app = awaiting();
        assert!(!app.entities_ready());
        assert!(app.entities.mentions.is_empty());
        assert!(app.index.is_empty());
        let found = found(&app);
        let mentions = found.entities.mentions.len();
        assert!(mentions > 0);
        app.update(Msg::Entities(Box::new(found)));
        assert!(app.entities_ready());
        assert_eq!(app.entities.mentions.len(), mentions);
        assert!(!app.index.is_empty());
    }

    #[test]
    fn entity_keys_say_they_wait_instead_of_finding_nothing() {
        for action in [
            Action::NextMention,
            Action::Quotes,
            Action::Map,
            Action::ToggleFocusMode,
            Action::NextChosenMention,
        ] {
            let mut app = awaiting();
            let top = app.top();
            app.update(action);
            assert_eq!(app.view.message.as_deref(), Some(FINDING), "{action:?}");
            assert_eq!(app.top(), top, "{action:?}");
            assert_eq!(app.entity.panel, None, "{action:?}");
        }
        // Once they are there the same key works.
        let mut app = awaiting();
        app.update(Msg::Entities(Box::new(found(&app))));
        app.update(Action::NextMention);
        assert_ne!(app.view.message.as_deref(), Some(FINDING));
        assert!(app.search.active.is_some());
    }

    #[test]
    fn the_pane_opens_empty_and_fills_on_arrival() {
        let mut app = awaiting();
        app.update(Action::ToggleEntities);
        assert!(app.entity.shown);
        assert!(app.visible_entries().is_empty());
        app.update(Msg::Entities(Box::new(found(&app))));
        assert!(!app.visible_entries().is_empty());
        app.update(Action::EntitySelect);
        assert!(app.entity.selected.is_some());
    }

    #[test]
    fn an_entity_search_typed_early_lights_up_on_arrival() {
        let mut app = awaiting();
        app.update(Action::SearchForward);
        for c in "@Cavusoglu".chars() {
            app.update(Action::PromptInput(c));
        }
        app.update(Action::PromptAccept);
        assert!(
            app.view
                .message
                .as_deref()
                .is_some_and(|m| m.starts_with(FINDING)),
            "{:?}",
            app.view.message
        );
        assert!(app.search.active.as_ref().is_none_or(|s| s.hits.is_empty()));
        app.update(Msg::Entities(Box::new(found(&app))));
        let hits = app.search.active.as_ref().map_or(0, |s| s.hits.len());
        assert!(hits > 1, "{hits}");
    }

    #[test]
    fn a_remembered_selection_waits_for_its_entity() {
        let mut app = awaiting();
        let found = found(&app);
        let label = found.index.entry(0).expect("entry").label.to_string();
        app.reader_mut().entity.awaited.entity = Some((label.clone(), 0));
        app.update(Msg::Entities(Box::new(found)));
        let selected = app
            .entity
            .selected
            .map(|i| app.index.entry(i).expect("entry").label.to_string());
        assert_eq!(selected, Some(label));
        assert_eq!(app.entity.awaited, Awaited::default());
    }

    #[test]
    fn entities_for_a_parked_article_wait_for_its_turn() {
        let mut app = App::awaiting_entities(seed(), Keymap::default());
        let text = b"Title\n\nAnna Lindqvist met Omar Haddad in Oslo on Monday.";
        let other = Arc::new(Document::from_bytes("b.txt", text, None).expect("text"));
        app.add_article(other.clone(), None);
        app.update(Action::Resize(150, 40));
        app.update(Msg::Entities(Box::new(Found::compute(1, &other))));
        assert!(!app.entities_ready(), "the shown article still waits");
        app.update(Action::NextFile);
        assert!(app.entities_ready());
        assert!(!app.entities.mentions.is_empty());
        app.update(Action::PrevFile);
        assert!(!app.entities_ready());
        let first = found(&app);
        app.update(Msg::Entities(Box::new(first)));
        assert!(app.entities_ready());
    }

    #[test]
    fn the_background_thread_delivers_every_article_in_order() {
        let doc = Arc::new(seed());
        let (tx, rx) = std::sync::mpsc::channel();
        find_in_background(vec![(0, doc.clone()), (3, doc)], move |f| {
            tx.send(f.file).is_ok()
        })
        .expect("spawned");
        let files: Vec<usize> = rx.iter().collect();
        assert_eq!(files, [0, 3]);
    }
}
