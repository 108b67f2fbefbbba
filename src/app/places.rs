//! Remembered places, wired into the reader: where each open article was
//! left is recalled from the state store before the first frame and saved
//! when the reader ends (quit, end of input, SIGTERM, SIGHUP, SIGINT).
//!
//! The store (`crate::state`) owns the file and its guarantees; this module
//! only maps a reader's view to a `Place` and back (a place comes back as an
//! `app::Msg::Place`), and clamps what it reads
//! to the document (a place saved by another version of lede, or edited by
//! hand, never points outside the text or inside a character).

use super::entities::{EntityIndex, EntityView};
use super::{App, Msg, Reader, ViewState};
use crate::document::Document;
use crate::state::{Fingerprint, Place, StateError, Store};

/// The store, or nothing with `--no-remember`.
#[derive(Debug)]
pub struct Places {
    store: Option<Store>,
}

impl Places {
    /// The default store when `remember`, else none.
    pub fn open(remember: bool) -> Places {
        Places {
            store: remember.then(Store::open_default),
        }
    }

    /// A given store (tests).
    #[cfg(test)]
    pub fn with_store(store: Store) -> Places {
        Places { store: Some(store) }
    }

    /// Puts the reader back where each open article was left, if
    /// remembered.
    pub fn restore(&mut self, app: &mut App) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let mut msgs = Vec::new();
        for (file, reader) in app.readers().iter().enumerate() {
            if reader.is_loading() {
                // Only the start is in: its fingerprint is not the article's.
                let mut store = store.clone();
                let recall =
                    Box::new(move |doc: &Document| store.recall(&Fingerprint::of(&doc.text)));
                msgs.push(Msg::RecallLater { file, recall });
            } else if let Some(place) = store.recall(&Fingerprint::of(&reader.doc.text)) {
                msgs.push(Msg::Place { file, place });
            }
        }
        for msg in msgs {
            app.update(msg);
        }
    }

    /// The first thing the store wants the user told, for the status line.
    pub fn warning(&self) -> Option<String> {
        self.store.as_ref()?.warnings.first().cloned()
    }

    /// Saves the place of every open article.
    pub fn save_all(&mut self, app: &App) -> Result<(), StateError> {
        let Some(store) = self.store.as_mut() else {
            return Ok(());
        };
        // Of an article still being read only its start is known: its
        // place is not saved under the start's fingerprint.
        let places = app
            .readers()
            .iter()
            .filter(|r| !r.is_loading())
            .map(|reader| {
                let (entity, search) =
                    remembered(reader.search.kept.as_deref(), &reader.entity, &reader.index);
                let mut place = place_of(&reader.doc, &reader.view);
                place.search = search.map(str::to_string);
                place.entity = entity.map(str::to_string);
                (Fingerprint::of(&reader.doc.text), place)
            })
            .collect();
        // One lock, one read and one write for every open article.
        store.remember_all(places)
    }
}

/// Puts the reader back at a remembered place: the text on top, the kept
/// search and the selected entity (what needs entities waits for them when
/// they are being found).
pub(super) fn apply(app: &mut Reader, place: Place) {
    let offset = clamp_offset(&app.doc.text, place.offset);
    app.view.anchor = crate::layout::Anchor::at(offset);
    if let Some(text) = place.search.as_deref() {
        if app.entity.finding && super::arrival::is_entity_search(text) {
            app.entity.awaited.search = Some((text.to_string(), offset));
        } else {
            app.restore_search(text, offset);
        }
    }
    if let Some(label) = place.entity.as_deref() {
        if app.entity.finding {
            app.entity.awaited.entity = Some((label.to_string(), offset));
        } else {
            restore_selection(app, label, offset);
        }
    }
}

/// The selected entity's label and the kept search of a view, or what
/// still waits for its entities (a reader that quits before they arrive
/// keeps both).
fn remembered<'a>(
    kept: Option<&'a str>,
    view: &'a EntityView,
    index: &'a EntityIndex,
) -> (Option<&'a str>, Option<&'a str>) {
    let label = view
        .selected
        .and_then(|e| index.entry(e))
        .map(|e| e.label)
        .or(view.awaited.entity.as_ref().map(|(l, _)| l.as_str()));
    let search = kept.or(view.awaited.search.as_ref().map(|(s, _)| s.as_str()));
    (label, search)
}

/// What is remembered of a view: the text at the top of the body (the
/// caller adds the kept search and the selected entity).
fn place_of(doc: &Document, view: &ViewState) -> Place {
    Place {
        offset: clamp_offset(&doc.text, view.anchor.offset),
        search: None,
        entity: None,
        saved_at: 0,
    }
}

/// Selects the entity remembered by its label, on its first mention at or
/// after `offset`, without moving the view.
pub(super) fn restore_selection(app: &mut Reader, label: &str, offset: usize) {
    let Some((i, entry)) = app
        .index
        .entries()
        .enumerate()
        .find(|(_, e)| e.label == label)
    else {
        return;
    };
    let mentions = &app.entities.mentions;
    let at = entry
        .mentions
        .iter()
        .position(|&m| {
            mentions
                .get(m as usize)
                .is_some_and(|m| m.start() >= offset)
        })
        .unwrap_or(0);
    app.entity.selected = Some(i);
    app.entity.mention = at;
}

/// An offset inside the text, on a character boundary.
fn clamp_offset(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::keymap::Keymap;

    fn seed_app() -> App {
        let doc = crate::cli::load_article(None).expect("seed");
        App::new(doc, crate::extract::Entities::default(), Keymap::default())
    }

    fn seed_app_with_entities() -> App {
        let doc = crate::cli::load_article(None).expect("seed");
        let entities = crate::extract::extract(&doc);
        App::new(doc, entities, Keymap::default())
    }

    #[test]
    fn the_kept_search_and_the_selected_entity_come_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = seed_app_with_entities();
        app.update(Action::Resize(100, 30));
        app.update(Action::SearchForward);
        for c in "Idlib".chars() {
            app.update(Action::PromptInput(c));
        }
        app.update(Action::PromptAccept);
        let hits = app.search.active.as_ref().map(|s| s.hits.len());
        assert!(hits.is_some_and(|n| n > 1));
        let chosen = app
            .index
            .entries()
            .position(|e| e.label == "Mevlut Cavusoglu")
            .expect("an entry for Cavusoglu");
        app.reader_mut().entity.selected = Some(chosen);
        Places::with_store(Store::in_folder(dir.path().to_path_buf()))
            .save_all(&app)
            .expect("saved");

        let mut again = seed_app_with_entities();
        Places::with_store(Store::in_folder(dir.path().to_path_buf())).restore(&mut again);
        again.update(Action::Resize(100, 30));
        assert_eq!(again.search.kept.as_deref(), Some("Idlib"));
        assert_eq!(again.search.active.as_ref().map(|s| s.hits.len()), hits);
        assert_eq!(again.entity.selected, Some(chosen));
        // `n` goes on with the remembered search.
        again.update(Action::SearchNext);
        assert!(again.search.label().is_some());
    }

    #[test]
    fn a_mention_jump_is_not_remembered_as_a_typed_search() {
        let mut app = seed_app_with_entities();
        app.update(Action::Resize(100, 30));
        app.update(Action::NextMention);
        assert!(app.search.active.is_some());
        assert_eq!(app.search.kept, None);
    }

    #[test]
    fn a_place_saved_on_quit_is_where_the_next_reader_opens() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = seed_app();
        app.update(Action::Resize(100, 30));
        app.update(Action::NextSection);
        let top_text = app.cache().line(app.top()).expect("top").range.start;
        Places::with_store(Store::in_folder(dir.path().to_path_buf()))
            .save_all(&app)
            .expect("saved");

        let mut again = seed_app();
        let mut places = Places::with_store(Store::in_folder(dir.path().to_path_buf()));
        places.restore(&mut again);
        again.update(Action::Resize(80, 24));
        assert_eq!(
            again.cache().line(again.top()).expect("top").range.start,
            top_text
        );
        assert_eq!(again.current_section(), 1);
        assert_eq!(places.warning(), None);
        // Nothing was written anywhere but the state folder.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("listed")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        let mut names: Vec<_> = names.iter().map(|n| n.to_string_lossy()).collect();
        names.sort();
        assert_eq!(names, ["places.json", "places.json.lock"]);
    }

    #[test]
    fn offsets_from_the_file_are_clamped() {
        assert_eq!(clamp_offset("héllo", 2), 1);
        assert_eq!(clamp_offset("abc", 99), 3);
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = seed_app();
        let mut store = Store::in_folder(dir.path().to_path_buf());
        store
            .remember(
                Fingerprint::of(&app.doc.text),
                Place {
                    offset: usize::MAX,
                    search: None,
                    entity: None,
                    saved_at: 0,
                },
            )
            .expect("saved");
        let mut places = Places::with_store(store);
        places.restore(&mut app);
        app.update(Action::Resize(100, 30));
        assert!(app.top() < app.cache().len());
    }

    #[test]
    fn a_corrupt_state_file_is_a_warning_not_a_failure() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("places.json"), b"{not json").expect("written");
        let mut app = seed_app();
        let mut places = Places::with_store(Store::in_folder(dir.path().to_path_buf()));
        places.restore(&mut app);
        assert_eq!(app.view.anchor.offset, 0);
        assert!(places.warning().is_some_and(|w| w.contains("unreadable")));
    }

    #[test]
    fn no_remember_touches_nothing() {
        let mut app = seed_app();
        let mut places = Places::open(false);
        places.restore(&mut app);
        assert!(places.save_all(&app).is_ok());
        assert_eq!(places.warning(), None);
    }
}
