//! An article shown from its start while the whole is read.
//!
//! A long file opens from a prefix (`document::start`); [`load_in_background`]
//! reads, decodes and parses the whole on a thread of its own, hands it over
//! as an [`Arrival`], then finds its entities and hands those over too
//! (the usual `arrival` path). Until the whole is in, the app is
//! [`Loading`]: the status line says how far reading is, the outline says
//! more sections are coming, the percentage and the scrollbar are measured
//! against the file's length, so neither ever claims an end that is not
//! the end.
//!
//! What needs the whole article (`G`, `n`/`N`, a section not yet read,
//! scrolling on past what is read, another file) waits, as in `less`: the
//! action is kept and applied, in order, once the whole is swapped in. A
//! search typed meanwhile lights what is read and runs again on the whole.
//! The swap keeps the text on top of the view: the start's text is a byte
//! prefix of the whole's, checked at the swap; when it is not (the file
//! changed), the view goes to the same block's text if it can be found,
//! else to the top, never to wrong content. A stream's start that the
//! whole does not continue (read as plain text, the whole turning out
//! Markdown: a stream's format is told by its first 400 lines; or cut
//! inside a paragraph a later line turned into something else) puts the
//! view on the same bytes of the stream. A remembered place is looked
//! up by the whole's fingerprint once it is in, and applied then.
//!
//! No drawing and no terminal here: the thread only calls `deliver`.

use std::io;
use std::sync::Arc;

use super::arrival::Found;
use super::search::PromptKind;
use super::{Action, Reader};
use crate::document::start::Rest;
use crate::document::{Document, LoadError};
use crate::layout::Anchor;
use crate::state::Place;

/// A remembered place, looked up by the whole article once it is in.
pub type Recall = Box<dyn FnOnce(&Document) -> Option<Place> + Send>;

/// What the loading thread hands over, in this order.
#[derive(Debug, Clone)]
pub enum Arrival {
    /// Bytes of the file read so far.
    Read(usize),
    /// The whole article, or why it could not be read.
    Document(Result<Arc<Document>, LoadError>),
    /// Its entities, found once it is in.
    Entities(Box<Found>),
}

/// Something asked for that needs the whole article.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Deferred {
    Action(Action),
    /// A prompt accepted (a search, a go-to): run again, as typed.
    Prompt(PromptKind, String),
}

/// The state of an article whose whole is still being read.
pub struct Loading {
    /// The file's length in bytes; `None` for a stream (standard input),
    /// whose length is known only at its end.
    pub file_len: Option<u64>,
    /// Bytes read so far.
    pub read: u64,
    /// Why the rest could not be read; the start stays shown.
    pub failed: Option<String>,
    /// What needs the whole article, in the order asked.
    deferred: Vec<Deferred>,
    /// The remembered place, to be looked up once the whole is in.
    recall: Option<Recall>,
}

impl Loading {
    /// The length the whole is measured against: the file's, or for a
    /// stream what is read so far.
    pub fn expected_len(&self) -> u64 {
        self.file_len.unwrap_or(self.read)
    }
}

impl std::fmt::Debug for Loading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loading")
            .field("file_len", &self.file_len)
            .field("read", &self.read)
            .field("failed", &self.failed)
            .field("deferred", &self.deferred)
            .finish_non_exhaustive()
    }
}

/// Reads the whole article on a thread of its own, handing over progress,
/// the document and then its entities; stops when `deliver` returns false
/// (the reader has gone). The thread never blocks the reader's exit.
pub fn load_in_background<F>(file: usize, rest: Rest, mut deliver: F) -> io::Result<()>
where
    F: FnMut(Arrival) -> bool + Send + 'static,
{
    std::thread::Builder::new()
        .name("lede-load".into())
        .spawn(move || {
            let loaded = rest.load(|n| {
                deliver(Arrival::Read(n));
            });
            match loaded {
                Ok(doc) => {
                    let doc = Arc::new(doc);
                    if deliver(Arrival::Document(Ok(Arc::clone(&doc)))) {
                        deliver(Arrival::Entities(Box::new(Found::compute(file, &doc))));
                    }
                }
                Err(e) => {
                    deliver(Arrival::Document(Err(e)));
                }
            }
        })
        .map(|_| ())
}

/// What the status line says while reading.
pub const READING: &str = "reading…";

/// What it says once the file is read and the whole is being parsed.
pub const PARSING: &str = "reading… parsing";

impl Reader {
    /// Marks the article as only its start (`file_len` bytes long when
    /// known, `read` of them in already); the whole arrives through
    /// [`Reader::arrive`].
    pub(super) fn start_loading(&mut self, file_len: Option<u64>, read: u64) {
        self.loading = Some(Loading {
            file_len,
            read,
            failed: None,
            deferred: Vec::new(),
            recall: None,
        });
    }

    /// True while the shown article is only its start.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Looks the remembered place up once the whole article is in.
    pub(super) fn recall_later(&mut self, recall: Recall) {
        if let Some(loading) = self.loading.as_mut() {
            loading.recall = Some(recall);
        }
    }

    /// What the status line says about reading: `reading… 34%`, or why it
    /// stopped. `None` once the whole is in.
    pub fn reading_label(&self) -> Option<String> {
        let loading = self.loading.as_ref()?;
        if let Some(failed) = &loading.failed {
            return Some(format!("only the start could be read: {failed}"));
        }
        let Some(file_len) = loading.file_len else {
            // A stream: how much is in, as its end is not known.
            let mb = loading.read as f64 / (1024.0 * 1024.0);
            return Some(format!("{READING} {mb:.0} MB"));
        };
        if loading.read >= file_len {
            return Some(PARSING.to_string());
        }
        let pct = loading.read.saturating_mul(100) / file_len.max(1);
        Some(format!("{READING} {pct}%"))
    }

    /// The scrollbar's length in lines: while loading, the lines so far
    /// scaled to the whole file, so the thumb never reaches the bottom
    /// before the text does.
    pub fn scroll_total(&self) -> usize {
        let lines = self.cache.len();
        match &self.loading {
            Some(l) if !self.doc.text.is_empty() => {
                let scale = l.expected_len() as f64 / self.doc.text.len() as f64;
                ((lines as f64) * scale.max(1.0)).ceil() as usize
            }
            _ => lines,
        }
    }

    /// Takes what the loading thread hands over.
    pub(super) fn arrive(&mut self, arrival: Arrival) {
        match arrival {
            Arrival::Read(n) => {
                if let Some(loading) = self.loading.as_mut() {
                    loading.read = n as u64;
                }
            }
            Arrival::Document(Ok(doc)) => self.swap_in(doc),
            Arrival::Document(Err(e)) => {
                if let Some(loading) = self.loading.as_mut() {
                    // What waited for the whole can never be done; the
                    // start stays, marked as the start.
                    loading.deferred.clear();
                    loading.failed = Some(e.to_string());
                    self.view.message = Some(format!("could not read the whole article: {e}"));
                }
            }
            Arrival::Entities(found) => self.receive(*found),
        }
    }

    /// Keeps an action that needs the whole article for when it is in;
    /// true when it was kept.
    pub(super) fn wait_for_document(&mut self, action: Action) -> bool {
        if self.loading.as_ref().is_none_or(|l| l.failed.is_some()) {
            return false;
        }
        let at_end = || self.top_pos() >= self.max_top_pos();
        let needs = match action {
            Action::Bottom
            | Action::SearchNext
            | Action::SearchPrev
            | Action::OutlineLast
            | Action::NextFile
            | Action::PrevFile
            // The list would hold only the links read so far.
            | Action::Links => true,
            Action::Section(s) => s >= self.doc.sections.len(),
            Action::NextSection => self.current_section() + 1 >= self.doc.sections.len(),
            Action::Scroll(n) | Action::Page(n) | Action::HalfPage(n) => n > 0 && at_end(),
            Action::MouseScroll { column, row, lines } => {
                lines > 0 && self.panes().body.contains((column, row).into()) && at_end()
            }
            Action::OutlineMove(n) => n > 0 && self.view.selected + 1 >= self.doc.sections.len(),
            // A search accepted now would count only what is read, or
            // say "no match" for what is further on; a go-to may point
            // past what is read.
            Action::PromptAccept => self.search.prompt.is_some(),
            Action::Top
            | Action::PrevSection
            | Action::SectionByDigit
            | Action::ToggleFocus
            | Action::OutlineFirst
            | Action::OutlineJump
            | Action::ToggleOutline
            | Action::ToggleFurniture
            | Action::ToggleReveal
            | Action::ToggleHighlight(_)
            | Action::CycleHighlight
            | Action::Help
            | Action::HelpScroll(_)
            | Action::HelpPage(_)
            | Action::Back
            | Action::Quit
            | Action::Suspend
            | Action::Resize(..)
            | Action::Click { .. }
            | Action::SearchForward
            | Action::SearchBackward
            | Action::GoToPrompt
            | Action::MarkPending
            | Action::JumpMarkPending
            | Action::SetMark(_)
            | Action::JumpToMark(_)
            | Action::NextMention
            | Action::PrevMention
            | Action::PromptInput(_)
            | Action::PromptCancel
            | Action::PromptBackspace
            | Action::PromptDelete
            | Action::PromptLeft
            | Action::PromptRight
            | Action::PromptHome
            | Action::PromptEnd
            | Action::PromptClear
            | Action::PromptDeleteWord
            | Action::PromptOlder
            | Action::PromptNewer
            | Action::ToggleEntities
            | Action::EntityMove(_)
            | Action::EntityFirst
            | Action::EntityLast
            | Action::EntitySelect
            | Action::EntityOrder
            | Action::EntityFilter
            | Action::FilterInput(_)
            | Action::FilterBackspace
            | Action::FilterDone
            | Action::FilterCancel
            | Action::NextChosenMention
            | Action::PrevChosenMention
            | Action::ClearSelection
            | Action::ToggleFocusMode
            | Action::Quotes
            | Action::QuoteMove(_)
            | Action::QuoteJump
            | Action::Map
            | Action::MapMove(_)
            | Action::LinkMove(_)
            | Action::LinkFirst
            | Action::LinkLast
            | Action::LinkOpen
            | Action::LinkBack
            | Action::MapJump
            | Action::FeedMove(_)
            | Action::FeedFirst
            | Action::FeedLast
            | Action::FeedOpen
            | Action::FeedNextUnread
            | Action::FeedToggleRead
            | Action::FeedMarkAllRead
            | Action::FeedReload
            | Action::FeedOrder
            | Action::FeedOnly => false,
        };
        if !needs {
            return false;
        }
        let label = self.reading_label().unwrap_or_default();
        let deferred = match action {
            Action::PromptAccept => match self.take_prompt() {
                Some((kind, input)) => Deferred::Prompt(kind, input),
                None => return false,
            },
            action => Deferred::Action(action),
        };
        if let Some(loading) = self.loading.as_mut() {
            loading.deferred.push(deferred);
        }
        self.view.message = Some(format!(
            "{label}: this waits for the whole article (q quits)"
        ));
        true
    }

    /// Swaps the whole article in for its start, keeping the text on top
    /// of the view, then applies what waited for it.
    fn swap_in(&mut self, doc: Arc<Document>) {
        let Some(loading) = self.loading.take() else {
            return;
        };
        let start = Arc::clone(&self.doc);
        self.doc = doc;
        let same = self.doc.text.as_bytes().starts_with(start.text.as_bytes());
        if !same {
            let at = if start.format == self.doc.format && loading.file_len.is_some() {
                reanchor(&start, &self.doc, self.view.anchor.offset)
            } else {
                // A start opened on a guess the whole did not bear out (a
                // format, or a paragraph going on as prose past a stream's
                // head: `document::start`); a stream cannot have changed
                // meanwhile, so the same bytes of it are the same text.
                let source = start.source_map.to_source(self.view.anchor.offset);
                self.doc.source_map.to_text(source)
            };
            self.view.anchor = Anchor::at(at);
            self.search.forget_marks();
        }
        let current_hit = self.search.current_start();
        self.search.text_changed();
        drop(start);
        self.relayout();
        if let Some(note) = self.doc.notices.first() {
            self.view.message = Some(note.clone());
        }
        if let Some(text) = self.search.kept.clone() {
            self.restore_search(&text, current_hit.unwrap_or(self.view.anchor.offset));
        } else if self.search.prompt.is_some() {
            self.research();
        }
        if let Some(place) = loading.recall.and_then(|recall| recall(&self.doc)) {
            super::places::apply(self, place);
            self.relayout();
        }
        for deferred in loading.deferred {
            match deferred {
                Deferred::Action(action) => self.update(action),
                Deferred::Prompt(kind, input) => self.replay_prompt(kind, input),
            }
        }
    }
}

impl Reader {
    /// Lays the (new) document out at the width the old one had, the
    /// anchor's text on top; with no width yet, nothing is laid out until
    /// the first resize (the old layout must not outlive its document).
    fn relayout(&mut self) {
        let width = self.cache.width();
        self.cache = crate::layout::WrapCache::empty();
        if width == 0 {
            return;
        }
        self.cache = crate::layout::WrapCache::build_revealing(
            &self.doc,
            width,
            self.view.show_furniture,
            self.view.reveal,
        );
        self.view.anchor = self.view.anchor.text();
    }
}

/// Where the view goes when the whole's text is not the start's continued
/// (the file changed while it was read): the first occurrence of the text
/// of the block the view was in, at the same offset inside it, else the
/// top.
fn reanchor(start: &Document, whole: &Document, anchor: usize) -> usize {
    let Some(block) = start.blocks.get(start.block_at(anchor)) else {
        return 0;
    };
    let text = &start.text[block.range.clone()];
    match memchr::memmem::find(whole.text.as_bytes(), text.as_bytes()) {
        Some(at) => at + anchor.saturating_sub(block.range.start).min(text.len()),
        None => 0,
    }
}

#[cfg(test)]
mod tests;
