//! The session's side of following links: the article a link leads to
//! opens in the place of the one it was followed from (a placeholder while
//! it is fetched or read), and the one left behind is kept whole, view and
//! all, so `Backspace` puts it back at the same place. At most
//! [`BACK_DEPTH`] articles are kept; the oldest go first.

use std::sync::Arc;

use super::arrival::Found;
use super::fetching::placeholder;
use super::links::{BACK_DEPTH, LinkAsk};
use super::{Action, App, Reader};

impl App {
    /// Does what the shown article asked about links, if anything.
    pub(super) fn follow_links(&mut self) {
        let Some(ask) = self.readers[self.current].link.take() else {
            return;
        };
        match ask {
            LinkAsk::Open { to, text } => self.open_link(&to, &text),
            LinkAsk::Back => self.link_back(),
        }
    }

    /// Opens `to` (a web address or a path) in the shown article's place.
    fn open_link(&mut self, to: &str, text: &str) {
        let file = self.current;
        let size = self.readers[file].view.size;
        let doc = placeholder(to, text, to);
        let found = Found::compute(file, &doc);
        let mut reader = Reader::new(Arc::new(doc), None, Arc::clone(&self.keymap), self.prefs);
        reader.receive(found);
        reader.update(Action::Resize(size.0, size.1));
        self.cancel_fetch(file);
        // The whole reader is one value: the one left behind is kept as it
        // is, view and all.
        std::mem::swap(&mut self.readers[file], &mut reader);
        self.back.push((file, reader));
        if self.back.len() > BACK_DEPTH {
            self.back.remove(0);
        }
        self.fetch_article(file, to);
    }

    /// Puts back the article the shown one was opened from.
    fn link_back(&mut self) {
        let file = self.current;
        let Some(at) = self.back.iter().rposition(|(f, _)| *f == file) else {
            self.readers[file].view.message = Some(
                "no article to go back to (Backspace returns from a link opened with L)".into(),
            );
            return;
        };
        let (_, mut left) = self.back.remove(at);
        self.cancel_fetch(file);
        let size = self.readers[file].view.size;
        let reveal = self.readers[file].view.reveal;
        let section = left.current_section();
        left.shown_again(size, reveal, section);
        self.readers[file] = left;
    }

    /// Forgets the articles kept behind article `file` (another item took
    /// its place).
    pub(super) fn forget_back(&mut self, file: usize) {
        self.back.retain(|(f, _)| *f != file);
    }
}

#[cfg(test)]
mod tests;
