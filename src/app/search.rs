//! Search and jumps in the reader: the `/` `?` `:` prompt, the kept search
//! (`n`/`N`, highlights, counts), marks, `''` and entity jumps.
//!
//! Owns [`SearchState`], the part of the app these keys change, and the
//! `impl App` that applies their actions. The search itself (queries,
//! folding, hits) is `crate::search`; this module only decides where the
//! view goes and what the prompt holds. No drawing here.
//!
//! A keystroke searches within a budget; a search that needs more (a dense
//! regular expression in a long article) goes on in [`Reader::search_work`],
//! which the event loop calls while no input waits, as it does to build the
//! search index ahead. Enter keeps a search under way; `n`/`N` finish it
//! first (they need every hit); the view follows a hit found late only if
//! the reader has not moved it meanwhile.
//!
//! Positions that must survive a re-wrap (marks, the origin of the last
//! jump) are text offsets, never visual lines. Invariants: the prompt's
//! cursor is a byte index on a `char` boundary of its input; the prompt's
//! input holds no control characters (keys are filtered, pastes stripped).
//!
//! Definitions the help and README repeat:
//! - the *cursor line* is the top line of the body; the mention *under* it is
//!   the current entity hit when one is in view, else the first mention at or
//!   below the top line;
//! - `/` searches from the top line of the body, `?` from the end of the
//!   last line in view (`less` does the same), so either finds what is on
//!   screen first;
//! - the go-to prompt takes `s3` or `§3` (section 3), `120` (line 120 of the
//!   article) or `50%` (half way).

use std::collections::HashMap;
use std::ops::Range;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::GraphemeCursor;

use super::{Action, Reader};
use crate::document::Document;
use crate::keymap::Mode;
use crate::layout::Anchor;
use crate::search::{
    Budget, Direction, KEYSTROKE_BUDGET, MIN_STEP_BYTES, Query, Search, SearchIndex, Step,
    section_span,
};

/// Prompts kept in each history.
const HISTORY: usize = 100;

/// Which prompt is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search(Direction),
    GoTo,
}

impl PromptKind {
    /// The character drawn before the input.
    pub fn sigil(self) -> char {
        match self {
            PromptKind::Search(Direction::Forward) => '/',
            PromptKind::Search(Direction::Backward) => '?',
            PromptKind::GoTo => ':',
        }
    }
}

/// The open prompt: what is typed, where the cursor is, and where the view
/// was when it opened (Esc puts it back).
#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// Byte index into `input`, on a char boundary.
    pub cursor: usize,
    /// Which history entry is shown, while browsing it.
    history_pos: Option<usize>,
    /// What was typed before browsing the history.
    draft: String,
    /// The reading position when the prompt opened (text, so a resize
    /// while the prompt is open does not move it).
    origin: Anchor,
    /// Where the search starts: the top of the body going forward, the end
    /// of the last line in view going backward (as in `less`).
    origin_search: usize,
    /// The search kept before this prompt opened, restored by Esc.
    previous: Option<Search>,
    /// Its prompt text, if it came from a prompt.
    previous_text: Option<String>,
}

impl Prompt {
    /// Where the grapheme before the cursor starts (the start when there is
    /// none): `👨‍👩‍👧` or `e` and a combining accent are one step.
    pub(super) fn grapheme_before(&self) -> usize {
        GraphemeCursor::new(self.cursor, self.input.len(), true)
            .prev_boundary(&self.input, 0)
            .ok()
            .flatten()
            .unwrap_or(0)
    }

    /// Where the grapheme under the cursor ends (the end when there is
    /// none).
    pub(super) fn grapheme_after(&self) -> usize {
        GraphemeCursor::new(self.cursor, self.input.len(), true)
            .next_boundary(&self.input, 0)
            .ok()
            .flatten()
            .unwrap_or(self.input.len())
    }

    pub(super) fn insert(&mut self, c: char) {
        self.input.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Deletes the grapheme before the cursor.
    pub(super) fn backspace(&mut self) {
        let start = self.grapheme_before();
        self.input.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes the grapheme under the cursor.
    pub(super) fn delete(&mut self) {
        let end = self.grapheme_after();
        self.input.replace_range(self.cursor..end, "");
    }

    /// Deletes everything before the cursor.
    pub(super) fn clear_before(&mut self) {
        self.input.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Deletes the word before the cursor, and the spaces after it.
    pub(super) fn delete_word(&mut self) {
        let before = &self.input[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.input.replace_range(start..self.cursor, "");
        self.cursor = start;
    }
}

/// A key waiting for its letter (`m` and `'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Mark,
    JumpMark,
}

/// Everything search and jumps change.
#[derive(Debug, Default)]
pub struct SearchState {
    pub prompt: Option<Prompt>,
    /// The search whose hits are highlighted (while typing, too).
    pub active: Option<Search>,
    pub pending: Option<Pending>,
    /// Shown once after a move went round an end of the article.
    pub wrapped: bool,
    index: SearchIndex,
    history: Vec<String>,
    goto_history: Vec<String>,
    /// The direction of the last search, for `n` after Esc cleared it.
    last_direction: Direction,
    marks: HashMap<char, usize>,
    /// Where the last jump came from (a text offset), for `''`.
    last_jump: Option<usize>,
    /// The prompt text of the active search, when it came from a prompt
    /// (not from a mention jump): what a remembered place stores.
    pub kept: Option<String>,
    /// The prompt text the active search ran, while typing: Enter on it
    /// keeps that search (and one still under way goes on) rather than
    /// running it again.
    ran: Option<String>,
    /// The reading position as the last search move left it: a search
    /// still under way moves the view to its hit only if the reader has not
    /// moved it since.
    placed: Option<Anchor>,
    /// Set while more keys already wait (typed ahead or sent by a script;
    /// `Msg::KeysWaiting`): prompt edits then only change the text, and one
    /// search runs for the text the last of them leaves.
    pub(super) typeahead: bool,
    /// The prompt's text changed while `typeahead` held: its search is owed.
    stale: bool,
    /// Searches a prompt started: tests tell a burst's one search from one
    /// per key.
    #[cfg(test)]
    pub(crate) started: usize,
}

impl SearchState {
    /// The active search's `3/17`, when it has a current hit (`…/N+`
    /// while it is still under way).
    pub fn label(&self) -> Option<String> {
        self.active.as_ref()?.label()
    }

    /// How many hits of the active search start in section `section` (a
    /// hit before the first block counts for the first section): two binary
    /// searches, so the outline asks only for the rows it draws. `None`
    /// while the search is still under way: a partial count would lie.
    pub fn section_count(&self, doc: &Document, section: usize) -> Option<usize> {
        let search = self.active.as_ref().filter(|s| s.is_complete())?;
        (section < doc.sections.len())
            .then(|| search.hits.count_starting_in(section_span(doc, section)))
    }

    /// Hits of the active search in a text range (one row: a few), and the
    /// current hit.
    pub fn hits_in(&self, range: Range<usize>) -> (Vec<Range<usize>>, Option<Range<usize>>) {
        match &self.active {
            Some(s) => (s.hits.in_range(range).collect(), s.current_range()),
            None => (Vec::new(), None),
        }
    }

    /// True while a search is still looking for hits or the index is not
    /// built: [`Reader::search_work`] has something to do.
    pub fn busy(&self) -> bool {
        self.active.as_ref().is_some_and(|s| !s.is_complete())
            || !self.index.is_warm(self.prompt.is_some())
    }
}

impl SearchState {
    /// The article's text changed under the search (its whole arrived):
    /// the index (built from the old text) and the active search's hits go;
    /// the kept search's text stays, to be run again.
    pub(super) fn text_changed(&mut self) {
        self.index = SearchIndex::default();
        self.active = None;
        self.ran = None;
        self.placed = None;
    }

    /// Marks and the last jump point at text that may no longer be there.
    pub(super) fn forget_marks(&mut self) {
        self.marks.clear();
        self.last_jump = None;
    }

    /// Where the active search's current hit starts.
    pub(super) fn current_start(&self) -> Option<usize> {
        self.active.as_ref()?.current_range().map(|r| r.start)
    }
}

impl Reader {
    /// The action a key press asks for now. In a prompt, printable keys are
    /// input before the keymap is asked; after `m` or `'`, the next
    /// character names the mark.
    pub fn key_action(&self, key: &KeyEvent) -> Option<Action> {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if self.search.prompt.is_some() {
            if let (KeyCode::Char(c), true) = (key.code, plain) {
                return (!c.is_control()).then_some(Action::PromptInput(c));
            }
            return self.keys.lookup(&[Mode::Prompt], key);
        }
        if let Some(pending) = self.search.pending {
            return Some(match (key.code, plain) {
                (KeyCode::Char(c), true) if pending == Pending::Mark => Action::SetMark(c),
                (KeyCode::Char(c), true) => Action::JumpToMark(c),
                _ => Action::PromptCancel,
            });
        }
        self.keys.lookup(&self.modes(), key)
    }

    /// Pasted text: typed into the open prompt as data (line breaks and tabs
    /// become spaces, other control and format characters are dropped), one
    /// search for the whole paste; ignored when no prompt is open, so a
    /// paste never runs keys. Not an `Action`: actions are `Copy`.
    pub(super) fn paste(&mut self, text: &str) {
        let Some(prompt) = self.search.prompt.as_mut() else {
            return;
        };
        let clean = crate::sanitize::prompt_input(text);
        prompt.input.insert_str(prompt.cursor, &clean);
        prompt.cursor += clean.len();
        self.view.message = None;
        self.research_now_or_later();
    }

    /// Runs the search a prompt edit owes, if any: the event loop calls it
    /// once the keys typed ahead are all in.
    pub(super) fn settle_typeahead(&mut self) {
        self.search.typeahead = false;
        if std::mem::take(&mut self.search.stale) {
            self.research();
        }
    }

    /// Searches for the prompt's new text now, or once the keys typed ahead
    /// are in: a search per key of a burst would spend a keystroke's budget
    /// on texts nobody reads.
    fn research_now_or_later(&mut self) {
        if self.search.typeahead {
            self.search.stale = true;
        } else {
            self.research();
        }
    }

    /// Backspace: deletes before the cursor; on an empty prompt, as in vim
    /// and less, leaves it.
    pub(super) fn prompt_backspace(&mut self) {
        if self
            .search
            .prompt
            .as_ref()
            .is_some_and(|p| p.input.is_empty())
        {
            self.cancel();
        } else {
            self.edit(Prompt::backspace);
        }
    }

    /// Closes the prompt, leaving the view and the lit hits as they are;
    /// gives what was typed and the prompt's kind, to be run again later.
    pub(super) fn take_prompt(&mut self) -> Option<(PromptKind, String)> {
        let p = self.search.prompt.take()?;
        self.search.ran = None;
        Some((p.kind, p.input))
    }

    /// Runs a prompt as if it were opened here, typed and accepted now.
    pub(super) fn replay_prompt(&mut self, kind: PromptKind, input: String) {
        self.open_prompt(kind);
        if let Some(p) = self.search.prompt.as_mut() {
            p.cursor = input.len();
            p.input = input;
        }
        self.update(Action::PromptAccept);
    }

    /// Clears the highlights of a kept search; false when there was none.
    pub(super) fn clear_search(&mut self) -> bool {
        self.search.kept = None;
        self.search.active.take().is_some()
    }

    /// Brings back a remembered search (its prompt text) without moving the
    /// view: its hits are lit and `n` goes on from `origin`.
    pub(super) fn restore_search(&mut self, text: &str, origin: usize) {
        self.search.index.prepare(&self.doc.text);
        let (search, _) = Search::run(
            text,
            Direction::Forward,
            origin,
            &self.doc.text,
            &self.search.index,
            &self.entities,
        );
        if search.error.is_some() || search.hits.is_empty() {
            return;
        }
        self.search.history.retain(|h| h != text);
        self.search.history.push(text.to_string());
        self.search.active = Some(search);
        self.search.kept = Some(text.to_string());
    }

    /// Keeps the origin of a jump for `''`.
    pub(super) fn record_jump(&mut self, from: usize) {
        self.search.last_jump = Some(from);
    }

    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        self.search.pending = None;
        // The active search is the kept one, not one this prompt ran.
        self.search.ran = None;
        self.search.prompt = Some(Prompt {
            kind,
            input: String::new(),
            cursor: 0,
            history_pos: None,
            draft: String::new(),
            origin: self.view.anchor,
            origin_search: match kind {
                PromptKind::Search(Direction::Backward) => self.visible_text().end,
                _ => self.top_text(),
            },
            previous: self.search.active.clone(),
            previous_text: self.search.kept.clone(),
        });
    }

    /// Changes the prompt's input, then searches again (search prompts).
    pub(super) fn edit(&mut self, change: impl FnOnce(&mut Prompt)) {
        if let Some(p) = self.search.prompt.as_mut() {
            change(p);
            p.history_pos = None;
            self.research_now_or_later();
        }
    }

    pub(super) fn move_cursor(&mut self, to: impl FnOnce(&Prompt) -> usize) {
        if let Some(p) = self.search.prompt.as_mut() {
            p.cursor = to(p).min(p.input.len());
        }
    }

    pub(super) fn browse_history(&mut self, older: bool) {
        let Some(p) = self.search.prompt.as_mut() else {
            return;
        };
        let history = match p.kind {
            PromptKind::Search(_) => &self.search.history,
            PromptKind::GoTo => &self.search.goto_history,
        };
        if history.is_empty() {
            return;
        }
        let pos = match (p.history_pos, older) {
            (None, true) => {
                p.draft = p.input.clone();
                Some(history.len() - 1)
            }
            (None, false) => return,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < history.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        p.input = match pos {
            Some(i) => history[i].clone(),
            None => std::mem::take(&mut p.draft),
        };
        p.cursor = p.input.len();
        p.history_pos = pos;
        self.research_now_or_later();
    }

    /// Runs the search prompt's text from where the prompt opened and shows
    /// the nearest hit (incremental search). Spends at most about
    /// [`KEYSTROKE_BUDGET`]: what is left is found by [`Self::search_work`]
    /// between keystrokes.
    pub(super) fn research(&mut self) {
        self.search.stale = false;
        let Some(p) = &self.search.prompt else {
            return;
        };
        let PromptKind::Search(direction) = p.kind else {
            return;
        };
        let same = self.search.active.as_ref().is_some_and(|s| {
            !matches!(s.query, Query::Entity(_)) && self.search.ran.as_deref() == Some(&p.input)
        });
        if same {
            return;
        }
        self.view.anchor = p.origin;
        if p.input.is_empty() {
            self.search.active = None;
            self.search.ran = None;
            self.search.wrapped = false;
            return;
        }
        // No `prepare` here: an index still being built is not waited for
        // (the search previews the hits near the view meanwhile).
        let (search, step) = Search::start(
            &p.input,
            direction,
            p.origin_search,
            p.origin.offset,
            &self.doc.text,
            &self.search.index,
            &self.entities,
            Budget::time(KEYSTROKE_BUDGET, MIN_STEP_BYTES),
        );
        let input = p.input.clone();
        self.show_search(search, step);
        self.search.ran = Some(input);
        #[cfg(test)]
        {
            self.search.started += 1;
        }
    }

    /// Makes `search` the active one and brings its current hit into view.
    fn show_search(&mut self, search: Search, step: Option<Step>) {
        self.search.wrapped = step.is_some_and(|s| s.wrapped);
        if let Some(range) = step.and_then(|s| search.hits.get(s.index)) {
            self.reveal(range.start);
        }
        self.search.placed = Some(self.view.anchor);
        self.search.active = Some(search);
        self.search.kept = None;
        self.search.ran = None;
    }

    /// Scrolls so the line holding `offset` is in view: left alone when it
    /// already is, else a third of a page down from the top, for context.
    pub(super) fn reveal(&mut self, offset: usize) {
        self.bring_into_view(offset, self.page_height() / 3, true);
    }

    pub(super) fn accept(&mut self) {
        let Some(mut p) = self.search.prompt.take() else {
            return;
        };
        let history = match p.kind {
            PromptKind::Search(_) => &mut self.search.history,
            PromptKind::GoTo => &mut self.search.goto_history,
        };
        if p.input.is_empty() {
            // Enter on an empty prompt repeats the last one, as in vim.
            match history.last() {
                Some(last) => p.input = last.clone(),
                None => {
                    self.search.active = p.previous;
                    return;
                }
            }
        }
        history.retain(|h| *h != p.input);
        history.push(p.input.clone());
        if history.len() > HISTORY {
            history.remove(0);
        }
        match p.kind {
            PromptKind::Search(direction) => {
                self.search.last_direction = direction;
                let input = p.input.clone();
                self.search.prompt = Some(p);
                self.research();
                let Some(p) = self.search.prompt.take() else {
                    return;
                };
                if self.view.anchor != p.origin {
                    self.record_jump(p.origin.offset);
                }
                if self
                    .search
                    .active
                    .as_ref()
                    .is_some_and(|s| !s.is_complete() && s.hits.is_empty())
                {
                    // Whether there is any match at all is the one thing
                    // Enter must know now.
                    self.advance_search(Budget::unlimited());
                }
                let failed = self.search.active.as_ref().map(|s| {
                    s.error
                        .as_ref()
                        .map(|e| e.to_string())
                        .or_else(|| s.hits.is_empty().then(|| "no match".to_string()))
                });
                if let Some(Some(why)) = failed {
                    let shown = crate::sanitize::clean(&input).into_owned();
                    self.view.message = Some(format!("{why}: {shown}"));
                    self.clear_search();
                } else {
                    self.search.kept = Some(input);
                    if self.search.wrapped {
                        self.view.message = Some(wrapped_notice(direction));
                    }
                }
            }
            PromptKind::GoTo => {
                let from = self.top_text();
                let before = self.top_pos();
                if let Err(why) = self.go_to(p.input.trim()) {
                    self.view.message = Some(why);
                }
                if self.top_pos() != before {
                    self.record_jump(from);
                }
            }
        }
    }

    pub(super) fn cancel(&mut self) {
        self.search.pending = None;
        self.search.stale = false;
        let Some(p) = self.search.prompt.take() else {
            return;
        };
        self.view.anchor = p.origin;
        self.search.wrapped = false;
        self.search.active = p.previous;
        self.search.kept = p.previous_text;
        self.search.ran = None;
    }

    /// `n` (`reverse` false) and `N`: from the current hit when it is in
    /// view, else from the top of the body, as `less` does; with no active
    /// search, the last one runs again.
    pub(super) fn step_search(&mut self, reverse: bool) {
        let visible = self.visible_text();
        let top = self.top_text();
        if let Some(search) = self.search.active.as_mut() {
            // `n` needs every hit; a search still under way ends now (the
            // index too, from where its idle steps left it).
            self.search.index.prepare(&self.doc.text);
            search.finish(&self.doc.text, &self.search.index);
        }
        let Some(search) = self.search.active.as_mut() else {
            let Some(last) = self.search.history.last().cloned() else {
                self.view.message = Some("no search yet: / searches".into());
                return;
            };
            let mut direction = self.search.last_direction;
            if reverse {
                direction = direction.reverse();
            }
            let from = match direction {
                Direction::Forward => top,
                Direction::Backward => visible.end,
            };
            self.search.index.prepare(&self.doc.text);
            let (mut search, step) = Search::run(
                &last,
                direction,
                from,
                &self.doc.text,
                &self.search.index,
                &self.entities,
            );
            search.direction = self.search.last_direction;
            self.show_search(search, step);
            self.search.kept = Some(last);
            self.after_step(direction);
            return;
        };
        let in_view = search
            .current_range()
            .is_some_and(|r| r.start >= visible.start && r.start < visible.end);
        let direction = if reverse {
            search.direction.reverse()
        } else {
            search.direction
        };
        let step = if in_view {
            search.step(reverse)
        } else {
            let from = match direction {
                Direction::Forward => top,
                Direction::Backward => visible.end,
            };
            let s = search.hits.nearest(from, direction);
            search.current = s.map(|s| s.index).or(search.current);
            s
        };
        let Some(step) = step else {
            self.view.message = Some("no match".into());
            return;
        };
        self.search.wrapped = step.wrapped;
        if let Some(range) = search.hits.get(step.index) {
            self.reveal(range.start);
        }
        self.after_step(direction);
    }

    pub(super) fn after_step(&mut self, direction: Direction) {
        if self.search.wrapped {
            self.view.message = Some(wrapped_notice(direction));
        }
    }

    /// The text shown in the body, from the top line's start to the last
    /// visible line's end.
    fn visible_text(&self) -> Range<usize> {
        let cache = self.cache();
        let rows = self.visible_lines();
        match (
            cache.line(rows.start),
            rows.end.checked_sub(1).and_then(|i| cache.line(i)),
        ) {
            (Some(a), Some(b)) => a.range.start..b.range.end.max(a.range.start + 1),
            _ => 0..0,
        }
    }
}

/// What the status line says after going round an end (short: it must fit
/// beside the position on an 80-column line).
fn wrapped_notice(direction: Direction) -> String {
    match direction {
        Direction::Forward => "search wrapped to the top".into(),
        Direction::Backward => "search wrapped to the bottom".into(),
    }
}

mod jumps;
#[cfg(test)]
mod tests;
mod work;
#[cfg(test)]
mod work_tests;
