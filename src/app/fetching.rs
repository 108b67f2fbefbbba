//! The session's side of the web: what it asks to be fetched or found
//! ([`Request`], taken by the loop and worked off the reader's thread by
//! `jobs`), what comes back ([`Fetched`], as `Msg::Fetched`), and how the
//! feed view and the articles opened from it fit together: `Enter` on an
//! item opens it in the item's reader (its content when the feed carries
//! it, else a placeholder while its page is fetched), `q`/`Esc` there comes
//! back to the list at the same item, marked read.
//!
//! No I/O here: a fetch is a request, its bytes and its end are messages.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::arrival::Found;
use super::cross::CrossIndex;
use super::feed::{Asked, FeedView};
use super::{Action, App, Reader, Screen};
use crate::document::{Document, Format};
use crate::feed::{Feed, Item};

/// Work the session asks for; the loop hands it to whoever does I/O.
#[derive(Debug, Clone)]
pub enum Request {
    /// Fetch and read feed number `feed` of the feed view.
    Feed { feed: usize, url: String },
    /// Fetch the page at `url` and read it as article number `file` (the
    /// placeholder shown meanwhile is replaced); `cancel` stops it.
    Page {
        file: usize,
        url: String,
        cancel: Arc<AtomicBool>,
    },
    /// Find the names across these items (the feed view's, in order).
    Entities(Arc<Vec<Item>>),
}

/// What a page turned out to be.
#[derive(Debug, Clone)]
pub enum PageContent {
    /// An article and its entities.
    Article(Box<(Document, Found)>),
    /// A feed (a web address given on the command line may be either).
    Feed(Box<Feed>),
}

/// What comes back from a request.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// Bytes read so far, and for how long.
    Progress {
        target: Target,
        bytes: u64,
        millis: u64,
    },
    Feed {
        feed: usize,
        result: Result<Feed, String>,
    },
    Page {
        file: usize,
        result: Result<PageContent, String>,
    },
    Entities(CrossIndex),
}

/// What a fetch under way is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Feed(usize),
    Page(usize),
}

/// A page being fetched for an article.
#[derive(Debug, Clone)]
pub struct Fetching {
    pub file: usize,
    pub url: String,
    pub bytes: u64,
    pub millis: u64,
    cancel: Arc<AtomicBool>,
}

impl Fetching {
    /// Stops the fetch.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// A document that stands for a page until it arrives: its title and what
/// is known (an item's summary, or the address).
pub fn placeholder(name: &str, title: &str, body: &str) -> Document {
    let text = format!("{}\n\n{}", title.trim(), body.trim());
    Document::from_vec(name, text.into_bytes(), Some(Format::Plain))
        .unwrap_or_else(|_| Document::from_bytes(name, b"", Some(Format::Plain)).expect("empty"))
}

impl App {
    /// Opens the feed view on these feeds (URL or file, and a name), each
    /// asked to be fetched; it is what is shown.
    pub fn open_feeds(&mut self, feeds: Vec<(String, Option<String>)>) {
        let mut view = FeedView::new(feeds);
        view.size = self.readers[self.current].view.size;
        for (feed, source) in view.sources.iter().enumerate() {
            self.requests.push(Request::Feed {
                feed,
                url: source.url.clone(),
            });
        }
        self.feed = Some(view);
        self.screen = Screen::Feed;
    }

    /// Opens the feed view on feeds already read (a file given on the
    /// command line).
    pub fn show_feed(&mut self, feed: Feed) {
        let source = feed.source.clone();
        let mut view = FeedView::new(vec![(source, None)]);
        view.size = self.readers[self.current].view.size;
        let read = Arc::clone(&self.read);
        view.receive(0, Ok(feed), &|k| read.contains(k));
        self.feed = Some(view);
        self.screen = Screen::Feed;
    }

    /// Items open in the first article, which stands for nothing until
    /// one is opened (a session of feeds only).
    pub fn items_in_first(&mut self) {
        self.item_reader = Some(0);
    }

    /// The keys of items marked read in the state file.
    pub fn with_read_marks(mut self, keys: rustc_hash::FxHashSet<String>) -> App {
        self.read = Arc::new(keys);
        self
    }

    /// Asks for article number `file` (a placeholder now) to be fetched
    /// from `url`.
    pub fn fetch_article(&mut self, file: usize, url: &str) {
        let cancel = Arc::new(AtomicBool::new(false));
        self.cancel_fetch(file);
        self.fetching.push(Fetching {
            file,
            url: url.to_string(),
            bytes: 0,
            millis: 0,
            cancel: Arc::clone(&cancel),
        });
        self.requests.push(Request::Page {
            file,
            url: url.to_string(),
            cancel,
        });
    }

    /// Stops fetching for article `file`, if it is.
    pub(super) fn cancel_fetch(&mut self, file: usize) {
        self.fetching.retain(|f| {
            if f.file == file {
                f.cancel();
            }
            f.file != file
        });
    }

    /// The work asked for since the last call, for the loop to hand on.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    /// The feed view, when there is one.
    pub fn feed_view(&self) -> Option<&FeedView> {
        self.feed.as_ref()
    }

    /// What is shown: the feed view or an article.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// What the status line says while the shown article is fetched.
    pub fn fetch_label(&self) -> Option<String> {
        let f = self.fetching.iter().find(|f| f.file == self.current)?;
        Some(format!(
            "fetching… {}, {:.1} s (Esc cancels)",
            bytes_label(f.bytes),
            f.millis as f64 / 1000.0
        ))
    }

    /// The action a key asks for on what is shown.
    pub fn action_for_key(&self, key: &crossterm::event::KeyEvent) -> Option<Action> {
        match (&self.feed, self.screen) {
            (Some(_), Screen::Feed) => self.keymap.lookup(&self.modes(), key),
            _ => self.readers[self.current].action_for_key(key),
        }
    }

    /// The keymap modes that apply to what is shown, most specific first.
    pub fn modes(&self) -> Vec<crate::keymap::Mode> {
        use crate::keymap::Mode;
        match (&self.feed, self.screen) {
            (Some(view), Screen::Feed) if view.help => vec![Mode::Help],
            (Some(view), Screen::Feed) if view.pane.shown && view.pane.focused => {
                vec![Mode::Entities, Mode::Feed, Mode::Normal]
            }
            (Some(_), Screen::Feed) => vec![Mode::Feed, Mode::Normal],
            _ => self.readers[self.current].modes(),
        }
    }

    /// True when the reader should end.
    pub fn quit_requested(&self) -> bool {
        self.quit || (self.screen == Screen::Reader && self.readers[self.current].view.quit)
    }

    /// An action while the feed view is shown.
    pub(super) fn feed_action(&mut self, action: Action) {
        let Some(view) = self.feed.as_mut() else {
            self.screen = Screen::Reader;
            return;
        };
        if let Action::Resize(w, h) = action {
            // The article shown next is laid out for the same size.
            self.readers[self.current].update(Action::Resize(w, h));
        }
        match view.apply(action) {
            Asked::Nothing => {}
            Asked::Quit => self.quit = true,
            Asked::Open(entry) => self.open_entry(entry),
            Asked::Reload(feeds) => {
                for feed in feeds {
                    let url = view.sources[feed].url.clone();
                    self.requests.push(Request::Feed { feed, url });
                }
            }
            Asked::FindEntities => {
                let items: Vec<Item> = view.entries.iter().map(|e| e.item.clone()).collect();
                self.requests.push(Request::Entities(Arc::new(items)));
            }
        }
    }

    /// Opens entry `entry` of the feed view in the item's reader.
    fn open_entry(&mut self, entry: usize) {
        let Some(view) = self.feed.as_mut() else {
            return;
        };
        let Some(e) = view.entries.get(entry) else {
            return;
        };
        let item = e.item.clone();
        let label = view.selected_label().map(str::to_string);
        view.opened(entry);
        let size = view.size;
        let (doc, fetch) = match crate::web::item_document(&item) {
            Some(doc) => (doc, None),
            None => match &item.link {
                Some(link) => (
                    placeholder(link, &item.title, &crate::feed::summary_text(&item)),
                    Some(link.clone()),
                ),
                None => (
                    placeholder(&item.title, &item.title, &crate::feed::summary_text(&item)),
                    None,
                ),
            },
        };
        let found = Found::compute(0, &doc);
        let mut reader = Reader::new(Arc::new(doc), None, Arc::clone(&self.keymap), self.prefs);
        reader.receive(found);
        if let Some(i) = self.item_reader {
            self.cancel_fetch(i);
            self.forget_back(i);
        }
        let file = match self.item_reader {
            Some(i) if i < self.readers.len() => {
                self.readers[i] = reader;
                i
            }
            _ => {
                self.readers.push(reader);
                self.readers.len() - 1
            }
        };
        self.item_reader = Some(file);
        self.current = file;
        self.screen = Screen::Reader;
        self.pending_label = label;
        let reader = &mut self.readers[file];
        reader.update(Action::Resize(size.0, size.1));
        select_label(reader, self.pending_label.as_deref());
        match fetch {
            Some(url) => self.fetch_article(file, &url),
            None if item.link.is_none() && item.content.is_none() => {
                self.readers[file].view.message =
                    Some("the item has no link and no content: its summary is all".into());
            }
            None => {}
        }
    }

    /// Comes back from the item's reader to the list, at the same item.
    pub(super) fn back_to_feed(&mut self) {
        self.cancel_fetch(self.current);
        self.readers[self.current].view.quit = false;
        self.screen = Screen::Feed;
    }

    /// Takes what a request brought back.
    pub(super) fn fetched(&mut self, fetched: Fetched) {
        match fetched {
            Fetched::Progress {
                target,
                bytes,
                millis,
            } => match target {
                Target::Feed(feed) => {
                    if let Some(view) = self.feed.as_mut() {
                        view.progress(feed, bytes);
                    }
                }
                Target::Page(file) => {
                    if let Some(f) = self.fetching.iter_mut().find(|f| f.file == file) {
                        f.bytes = bytes;
                        f.millis = millis;
                    }
                }
            },
            Fetched::Feed { feed, result } => {
                if let Some(view) = self.feed.as_mut() {
                    let read = Arc::clone(&self.read);
                    view.receive(feed, result, &|k| read.contains(k));
                }
            }
            Fetched::Entities(index) => {
                if let Some(view) = self.feed.as_mut() {
                    view.entities_found(index);
                }
            }
            Fetched::Page { file, result } => self.page_arrived(file, result),
        }
    }

    fn page_arrived(&mut self, file: usize, result: Result<PageContent, String>) {
        let Some(at) = self.fetching.iter().position(|f| f.file == file) else {
            // Cancelled, or another item opened since.
            return;
        };
        if self.fetching.remove(at).cancel.load(Ordering::SeqCst) {
            return;
        }
        let Some(old) = self.readers.get(file) else {
            return;
        };
        let size = old.view.size;
        match result {
            Ok(PageContent::Article(boxed)) => {
                let (doc, mut found) = *boxed;
                found.file = file;
                let mut reader =
                    Reader::new(Arc::new(doc), None, Arc::clone(&self.keymap), self.prefs);
                reader.receive(found);
                reader.update(Action::Resize(size.0, size.1));
                select_label(&mut reader, self.pending_label.as_deref());
                self.readers[file] = reader;
            }
            Ok(PageContent::Feed(feed)) if self.feed.is_none() => {
                self.show_feed(*feed);
                if let Some(view) = self.feed.as_mut() {
                    view.apply(Action::Resize(size.0, size.1));
                }
                self.item_reader = Some(file);
            }
            Ok(PageContent::Feed(_)) => {
                self.readers[file].view.message =
                    Some("the link leads to a feed, not an article".into());
            }
            Err(e) => {
                self.readers[file].view.message = Some(crate::sanitize::clean(&e).into_owned());
            }
        }
    }
}

/// Selects the name the feed view was filtered to, in an article opened
/// from it.
fn select_label(reader: &mut Reader, label: Option<&str>) {
    let Some(label) = label else { return };
    let entry = reader.index.entries().position(|e| e.label == label);
    if let Some(entry) = entry {
        reader.select_entry(entry);
    }
}

/// Bytes in words: `812 B`, `48 KB`, `1.2 MB`.
pub fn bytes_label(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{} KB", bytes / 1024),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

#[cfg(test)]
mod tests;
