//! The reader's session and the one door its state comes in by.
//!
//! `App` is the session: the keymap, the theme, how articles open
//! ([`Prefs`]) and the open articles, each a [`Reader`] value with its own
//! document, entities, wrap cache, view, search and entity views (a feed
//! view will be one more value here). Everything that changes the state
//! comes in as a [`Msg`] through [`App::update`]: key actions, pastes, the
//! article and its entities arriving from background threads, a
//! remembered place, the loop's idle steps. Drawing (`ui`) reads `&App`
//! and never writes.
//!
//! `App` reads as the article it shows: it dereferences to that article's
//! [`Reader`] (never mutably), so drawing, tests and benchmarks read
//! `app.view`, `app.search`, `app.doc` directly while only `update` can
//! change them. Its own fields are private.

mod action;
pub mod arrival;
pub mod cross;
mod dispatch;
pub mod entities;
mod entity_update;
pub mod feed;
pub mod fetching;
pub mod loading;
pub mod panes;
pub mod places;
mod reader;
pub mod region;
pub mod search;

use std::ops::Deref;
use std::sync::Arc;

pub use action::{Action, Command, SECTION_N_ACTION, action_names};
pub use fetching::{Fetched, Request};
pub use panes::Panes;
pub use reader::{Focus, Level, Overlay, Prefs, Reader, ViewState};
pub use search::SearchState;

use crate::document::Document;
use crate::extract::Entities;
use crate::keymap::Keymap;
use crate::state::Place;
use crate::ui::theme::Theme;
use arrival::Found;
use loading::{Arrival, Recall};

/// Everything that changes the reader's state.
pub enum Msg {
    /// What a key, the mouse or the terminal asks for.
    Action(Action),
    /// Pasted text: typed into the open prompt as data, never run as keys.
    Paste(String),
    /// An article's entities, found in the background (`arrival`).
    Entities(Box<Found>),
    /// What the thread reading a long article hands over (`loading`).
    Arrival(Box<Arrival>),
    /// Where an open article was left, from the state store.
    Place { file: usize, place: Place },
    /// The place of an article still being read, looked up once it is in.
    RecallLater { file: usize, recall: Recall },
    /// A note for the status line (the state store's warning).
    Notice(String),
    /// Whether more keys already wait behind the one about to come: prompt
    /// edits then only change the text, and one search runs for the text
    /// the last of them leaves.
    KeysWaiting(bool),
    /// The keys that waited are all in: the search a prompt edit owes runs.
    KeysDone,
    /// No input waits: one short step of what is left (search work, then
    /// wrapping the rest of the article).
    Idle,
    /// One step of search work now (a search under way, the index built
    /// ahead), whether or not the idle steps would do it yet.
    SearchWork,
    /// What a fetch or a feed-wide job brought back (`fetching`).
    Fetched(Box<Fetched>),
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Msg::Action(a) => f.debug_tuple("Action").field(a).finish(),
            Msg::Paste(t) => f.debug_tuple("Paste").field(t).finish(),
            Msg::Entities(found) => f.debug_tuple("Entities").field(&found.file).finish(),
            Msg::Arrival(a) => f.debug_tuple("Arrival").field(a).finish(),
            Msg::Place { file, place } => f
                .debug_struct("Place")
                .field("file", file)
                .field("place", place)
                .finish(),
            Msg::RecallLater { file, .. } => {
                f.debug_struct("RecallLater").field("file", file).finish()
            }
            Msg::Notice(t) => f.debug_tuple("Notice").field(t).finish(),
            Msg::KeysWaiting(w) => f.debug_tuple("KeysWaiting").field(w).finish(),
            Msg::KeysDone => f.write_str("KeysDone"),
            Msg::Idle => f.write_str("Idle"),
            Msg::SearchWork => f.write_str("SearchWork"),
            Msg::Fetched(x) => f.debug_tuple("Fetched").field(x).finish(),
        }
    }
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// What an update did, for the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing on screen changed.
    Nothing,
    /// Draw again.
    Redraw,
    /// An idle step wrapped more of the article: once wrapping is done, the
    /// numbers the status line and scrollbar show are exact.
    Wrapped,
    /// No idle work is left.
    Idle,
}

/// What the session shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The current article.
    Reader,
    /// The feed view.
    Feed,
}

/// The session: the open articles, the feed view, and what they share.
#[derive(Debug)]
pub struct App {
    keymap: Arc<Keymap>,
    theme: Theme,
    prefs: Prefs,
    /// The open articles in command-line order, then the item opened from
    /// the feed view; never empty.
    readers: Vec<Reader>,
    /// The one shown.
    current: usize,
    /// The feed view, when feeds are open.
    feed: Option<feed::FeedView>,
    screen: Screen,
    /// The article the feed view opens items in.
    item_reader: Option<usize>,
    /// The name the feed view was filtered to when an item was opened: it
    /// is selected in the article.
    pending_label: Option<String>,
    /// Pages being fetched for articles.
    fetching: Vec<fetching::Fetching>,
    /// Work asked for, for the loop to take (`take_requests`).
    requests: Vec<Request>,
    /// Keys of the items marked read in the state file.
    read: Arc<rustc_hash::FxHashSet<String>>,
    /// The session was asked to end (from the feed view).
    quit: bool,
}

impl Deref for App {
    type Target = Reader;

    /// The article shown.
    fn deref(&self) -> &Reader {
        &self.readers[self.current]
    }
}

impl App {
    /// A session on an article whose entities are known (`None`: they are
    /// still being found and come later as [`Msg::Entities`]).
    pub fn open(doc: impl Into<Arc<Document>>, entities: Option<Entities>, keymap: Keymap) -> App {
        let keymap = Arc::new(keymap);
        let prefs = Prefs::default();
        let reader = Reader::new(doc.into(), entities, Arc::clone(&keymap), prefs);
        App {
            keymap,
            theme: Theme::new(true),
            prefs,
            readers: vec![reader],
            current: 0,
            feed: None,
            screen: Screen::Reader,
            item_reader: None,
            pending_label: None,
            fetching: Vec::new(),
            requests: Vec::new(),
            read: Arc::default(),
            quit: false,
        }
    }

    /// A session on an article whose entities are known.
    pub fn new(doc: impl Into<Arc<Document>>, entities: Entities, keymap: Keymap) -> App {
        App::open(doc, Some(entities), keymap)
    }

    /// A session on an article whose entities are still being found.
    pub fn awaiting_entities(doc: impl Into<Arc<Document>>, keymap: Keymap) -> App {
        App::open(doc, None, keymap)
    }

    /// A session showing the start of an article whose whole is read
    /// elsewhere (`file_len` bytes long, `None` for a stream; `read` of
    /// them in already); it arrives as [`Msg::Arrival`], its entities after
    /// it.
    pub fn loading(
        doc: impl Into<Arc<Document>>,
        keymap: Keymap,
        file_len: Option<u64>,
        read: u64,
    ) -> App {
        let mut app = App::awaiting_entities(doc, keymap);
        app.readers[0].start_loading(file_len, read);
        app
    }

    /// The session drawn in `theme`.
    pub fn with_theme(mut self, theme: Theme) -> App {
        self.theme = theme;
        self
    }

    /// The session with every article, open and to come, set up as `prefs`
    /// say.
    pub fn with_prefs(mut self, prefs: Prefs) -> App {
        self.prefs = prefs;
        for reader in &mut self.readers {
            reader.set_prefs(prefs);
        }
        self
    }

    /// Opens another article after the ones already open (`entities` `None`:
    /// still being found). Returns its number.
    pub fn add_article(
        &mut self,
        doc: impl Into<Arc<Document>>,
        entities: Option<Entities>,
    ) -> usize {
        let reader = Reader::new(doc.into(), entities, Arc::clone(&self.keymap), self.prefs);
        self.readers.push(reader);
        self.readers.len() - 1
    }

    /// The highlight level the session is at.
    pub fn level(&self) -> Level {
        self.prefs.level
    }

    /// The keymap.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The theme everything is drawn in.
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// The open articles, in order.
    pub fn readers(&self) -> &[Reader] {
        &self.readers
    }

    /// Which article is shown (0-based).
    pub fn current_file(&self) -> usize {
        self.current
    }

    /// The shown article's reader, to change in tests.
    #[cfg(test)]
    pub(crate) fn reader_mut(&mut self) -> &mut Reader {
        &mut self.readers[self.current]
    }

    /// Applies one message.
    pub fn update(&mut self, msg: impl Into<Msg>) -> Effect {
        match msg.into() {
            Msg::Action(action) if self.screen == Screen::Feed => {
                self.feed_action(action);
                Effect::Redraw
            }
            Msg::Action(action) => {
                self.reader_now().update(action);
                if action == Action::CycleHighlight {
                    // The level is the session's: every article, and the
                    // ones opened later, read at the one chosen.
                    let level = self.readers[self.current].view.level;
                    self.prefs.level = level;
                    for reader in &mut self.readers {
                        reader.view.level = level;
                    }
                }
                self.make_switch();
                if self.readers[self.current].view.quit {
                    if self.feed.is_some() && self.item_reader == Some(self.current) {
                        self.back_to_feed();
                    } else {
                        for f in self.fetching.drain(..) {
                            f.cancel();
                        }
                    }
                }
                Effect::Redraw
            }
            Msg::Fetched(fetched) => {
                self.fetched(*fetched);
                Effect::Redraw
            }
            Msg::Paste(text) => {
                self.reader_now().paste(&text);
                Effect::Redraw
            }
            Msg::Entities(found) => {
                self.receive(*found);
                Effect::Redraw
            }
            Msg::Arrival(arrival) => {
                match *arrival {
                    Arrival::Entities(found) => self.receive(*found),
                    other => {
                        // One article at a time is read in the background.
                        if let Some(reader) = self.readers.iter_mut().find(|r| r.loading.is_some())
                        {
                            reader.arrive(other);
                        }
                    }
                }
                self.make_switch();
                Effect::Redraw
            }
            Msg::Place { file, place } => {
                if let Some(reader) = self.readers.get_mut(file) {
                    places::apply(reader, place);
                }
                Effect::Redraw
            }
            Msg::RecallLater { file, recall } => {
                if let Some(reader) = self.readers.get_mut(file) {
                    reader.recall_later(recall);
                }
                Effect::Nothing
            }
            Msg::Notice(text) => {
                let text = crate::sanitize::clean(&text).into_owned();
                match (&mut self.feed, self.screen) {
                    (Some(view), Screen::Feed) => view.message = Some(text),
                    _ => self.reader_now().view.message = Some(text),
                }
                Effect::Redraw
            }
            Msg::KeysWaiting(waiting) => {
                self.reader_now().search.typeahead = waiting;
                Effect::Nothing
            }
            Msg::KeysDone => {
                self.reader_now().settle_typeahead();
                Effect::Redraw
            }
            Msg::Idle => self.idle(),
            Msg::SearchWork => {
                if self.reader_now().search_work() {
                    Effect::Redraw
                } else {
                    Effect::Nothing
                }
            }
        }
    }

    fn reader_now(&mut self) -> &mut Reader {
        &mut self.readers[self.current]
    }

    /// Hands entities to the article they were found for.
    fn receive(&mut self, found: Found) {
        if let Some(reader) = self.readers.get_mut(found.file) {
            reader.receive(found);
        }
    }

    /// One idle step: search work while a search needs it (the index built
    /// ahead only once the entities are in, so that copy and the background
    /// thread's working memory are never held at once), else a little more
    /// wrapping.
    fn idle(&mut self) -> Effect {
        let reader = self.reader_now();
        let searching = reader.search.prompt.is_some()
            || reader
                .search
                .active
                .as_ref()
                .is_some_and(|s| !s.is_complete());
        if reader.search.busy() && (searching || reader.entities_ready()) {
            return if reader.search_work() {
                Effect::Redraw
            } else {
                Effect::Nothing
            };
        }
        if reader.wrap_some() {
            Effect::Wrapped
        } else {
            Effect::Idle
        }
    }

    /// Makes the switch to another article the shown one asked for.
    fn make_switch(&mut self) {
        let Some(delta) = self.readers[self.current].switch.take() else {
            return;
        };
        let n = self.readers.len();
        if n < 2 {
            self.reader_now().view.message = Some("only one article is open".into());
            return;
        }
        let from = self.current;
        let to = (from as isize + delta).rem_euclid(n as isize) as usize;
        let size = self.readers[from].view.size;
        // Reveal mode is how the reader looks at text, not a place in one
        // article: it carries over.
        let reveal = self.readers[from].view.reveal;
        let section = self.readers[from].current_section();
        self.current = to;
        self.reader_now().shown_again(size, reveal, section);
    }
}

/// A key press, plain or with Ctrl, for the key -> action tests.
#[cfg(test)]
pub(crate) fn test_key(code: crossterm::event::KeyCode, ctrl: bool) -> crossterm::event::KeyEvent {
    use crossterm::event::{KeyEvent, KeyModifiers};
    let mods = if ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(code, mods)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod entity_tests;

#[cfg(test)]
mod view_tests;

#[cfg(test)]
mod session_tests;
