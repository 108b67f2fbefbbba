//! The feed view: the items of one or more feeds in one list, with the
//! summary of the item under the cursor, read marks, an order (newest
//! first, or by feed), a filter by feed, and the entity pane across every
//! item (`cross`). A view of the session beside the open articles: `App`
//! holds one and shows it or an article; opening an item opens it as an
//! article, and coming back finds the list at the same item.
//!
//! The view changes only through [`FeedView::apply`] (key actions) and the
//! session's messages (a feed read, the cross-feed entities found). It
//! asks for work (fetch a feed) through the session's requests; it never
//! does I/O.

use ratatui::layout::Rect;

use super::Action;
use super::cross::CrossIndex;
use crate::feed::{Feed, Item};

/// Where a feed of the view stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Being fetched; bytes read so far.
    Loading(u64),
    Ready,
    /// Why it could not be read (one line, naming it).
    Failed(String),
}

/// One feed of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Where it is read from (a URL or a file).
    pub url: String,
    /// Its name: the config's, else its title once read, else the URL.
    pub name: String,
    /// True when the name came from the config (a title does not replace
    /// it).
    pub named: bool,
    pub status: Status,
}

/// One item of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The feed (index into the sources).
    pub feed: usize,
    pub item: Item,
    /// The key of its read mark (`read_marks::key`).
    pub key: String,
    pub read: bool,
}

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Newest first; undated items after, in feed order.
    Date,
    /// Feed by feed, each in its own order.
    Feed,
}

/// The entity pane of the feed view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityPane {
    pub shown: bool,
    pub focused: bool,
    pub cursor: usize,
    /// The name the list is filtered to (index into the cross index).
    pub selected: Option<usize>,
    /// The names across the items, once found.
    pub index: Option<CrossIndex>,
    /// Being found.
    pub finding: bool,
}

/// The feed view's state.
#[derive(Debug, Clone)]
pub struct FeedView {
    pub sources: Vec<Source>,
    pub entries: Vec<Entry>,
    /// Entries shown, in order (indexes into `entries`).
    pub shown: Vec<u32>,
    /// Position in `shown`.
    pub cursor: usize,
    /// The first row drawn.
    pub offset: usize,
    pub order: Order,
    /// Only this feed's items (index into the sources).
    pub only_feed: Option<usize>,
    pub pane: EntityPane,
    pub help: bool,
    pub help_scroll: u16,
    /// A one-line note for the status line, cleared by the next action.
    pub message: Option<String>,
    /// True once the reader has moved the cursor or opened an item; until
    /// then each feed read puts the cursor on the newest item.
    pub moved: bool,
    pub size: (u16, u16),
    /// Read marks changed this session: key -> read.
    pub changed: rustc_hash::FxHashMap<String, bool>,
}

/// What an action on the feed view asks of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    Nothing,
    /// Open the entry (index into `entries`) as an article.
    Open(usize),
    /// Fetch these feeds again (indexes into the sources).
    Reload(Vec<usize>),
    /// Find the names across the items.
    FindEntities,
    Quit,
}

/// Rows the summary of the item under the cursor takes at most (under
/// the list).
pub const SUMMARY_ROWS: u16 = 8;
/// Columns of the entity pane when it is docked beside the list.
pub const PANE_WIDTH: u16 = 34;
/// The narrowest screen the entity pane runs the whole height on, beside
/// the list and the summary; narrower, it sits beside the list only and the
/// summary below takes the full width (a summary cut to half of 80 columns
/// loses its facts line).
pub const DOCK_MIN: u16 = 100;
/// The narrowest screen the entity pane is docked on at all; below it, it
/// covers the list (a list of 40 columns beside it shows no title).
pub const DOCK_NARROW_MIN: u16 = 60;

/// Where the parts of the feed view go on a screen of `size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeedLayout {
    /// The line naming the feeds, at the top.
    pub header: Rect,
    pub list: Rect,
    /// The summary of the item under the cursor (with its rule on top).
    pub summary: Rect,
    pub entities: Option<Rect>,
    pub status: Rect,
}

/// The feed view's rectangles: one pure function drawing and scrolling
/// share.
pub fn layout(size: (u16, u16), pane_shown: bool) -> FeedLayout {
    let (w, h) = size;
    if w == 0 || h < 3 {
        return FeedLayout::default();
    }
    let header = Rect::new(0, 0, w, 1);
    let status = Rect::new(0, h - 1, w, 1);
    let middle = h - 2;
    // The summary gets up to a third of the rows, never the list's last.
    let summary_rows = SUMMARY_ROWS.min(middle / 3);
    let list_rows = middle - summary_rows;
    let pw = PANE_WIDTH.min(w / 3);
    let (list_width, summary_width, entities) = match pane_shown {
        true if w >= DOCK_MIN => (w - pw, w - pw, Some(Rect::new(w - pw, 1, pw, middle))),
        true if w >= DOCK_NARROW_MIN => (w - pw, w, Some(Rect::new(w - pw, 1, pw, list_rows))),
        true => (w, w, Some(Rect::new(0, 1, w, middle))),
        false => (w, w, None),
    };
    FeedLayout {
        header,
        list: Rect::new(0, 1, list_width, list_rows),
        summary: Rect::new(0, 1 + list_rows, summary_width, summary_rows),
        entities,
        status,
    }
}

impl FeedView {
    /// A view of feeds still to be read.
    pub fn new(sources: Vec<(String, Option<String>)>) -> FeedView {
        FeedView {
            sources: sources
                .into_iter()
                .map(|(url, name)| Source {
                    name: name.clone().unwrap_or_else(|| url.clone()),
                    named: name.is_some(),
                    url,
                    status: Status::Loading(0),
                })
                .collect(),
            entries: Vec::new(),
            shown: Vec::new(),
            cursor: 0,
            offset: 0,
            order: Order::Date,
            only_feed: None,
            pane: EntityPane::default(),
            help: false,
            help_scroll: 0,
            message: None,
            moved: false,
            size: (0, 0),
            changed: rustc_hash::FxHashMap::default(),
        }
    }

    /// Takes a feed read (or why it failed); `is_read` says which keys are
    /// marked read in the state file. The cursor stays on the same item.
    pub fn receive(
        &mut self,
        feed: usize,
        result: Result<Feed, String>,
        is_read: &dyn Fn(&str) -> bool,
    ) {
        let Some(source) = self.sources.get_mut(feed) else {
            return;
        };
        let feed_url = source.url.clone();
        match result {
            Err(e) => {
                source.status = Status::Failed(e.clone());
                self.message = Some(e);
            }
            Ok(read) => {
                source.status = Status::Ready;
                if !source.named {
                    source.name = read.title.clone();
                }
                if let Some(note) = read.notices.first() {
                    self.message = Some(format!("{}: {note}", source.name));
                }
                // Feeds arrive one by one: a later one may bring newer
                // items, and the list opens on the newest until the
                // reader has chosen one.
                let at = match self.moved {
                    true => self.current().map(|e| e.key.clone()),
                    false => None,
                };
                self.entries.retain(|e| e.feed != feed);
                for item in read.items {
                    let key = crate::read_marks::key(&feed_url, &item.id);
                    let read = match self.changed.get(&key) {
                        Some(&r) => r,
                        None => is_read(&key),
                    };
                    self.entries.push(Entry {
                        feed,
                        item,
                        key,
                        read,
                    });
                }
                // The names found belong to the old list.
                self.pane.index = None;
                self.pane.selected = None;
                self.pane.finding = false;
                self.rebuild(at.as_deref());
            }
        }
    }

    /// Progress of a feed being fetched.
    pub fn progress(&mut self, feed: usize, bytes: u64) {
        if let Some(s) = self.sources.get_mut(feed)
            && matches!(s.status, Status::Loading(_))
        {
            s.status = Status::Loading(bytes);
        }
    }

    /// True while some feed is being fetched.
    pub fn loading(&self) -> bool {
        self.sources
            .iter()
            .any(|s| matches!(s.status, Status::Loading(_)))
    }

    /// The entry under the cursor.
    pub fn current(&self) -> Option<&Entry> {
        self.shown
            .get(self.cursor)
            .and_then(|&i| self.entries.get(i as usize))
    }

    /// The entries in list order.
    pub fn visible(&self) -> impl Iterator<Item = &Entry> {
        self.shown
            .iter()
            .filter_map(|&i| self.entries.get(i as usize))
    }

    /// How many items are unread (of those shown).
    pub fn unread(&self) -> usize {
        self.visible().filter(|e| !e.read).count()
    }

    /// The position of the newest item shown (the first of equals, in list
    /// order); the first one when no item has a date.
    fn newest(&self) -> usize {
        let mut best: Option<(usize, i64)> = None;
        for (p, &i) in self.shown.iter().enumerate() {
            if let Some(d) = self.entries[i as usize].item.date
                && best.is_none_or(|(_, b)| d > b)
            {
                best = Some((p, d));
            }
        }
        best.map_or(0, |(p, _)| p)
    }

    /// Sorts and filters the list again, the cursor kept on the entry with
    /// key `at` when it is still shown, else on the newest item.
    fn rebuild(&mut self, at: Option<&str>) {
        let filter: Option<&[u32]> = self
            .pane
            .selected
            .and_then(|s| self.pane.index.as_ref()?.entries.get(s))
            .map(|e| e.items.as_slice());
        let mut shown: Vec<u32> = (0..self.entries.len() as u32)
            .filter(|&i| {
                let e = &self.entries[i as usize];
                self.only_feed.is_none_or(|f| e.feed == f)
                    && filter.is_none_or(|items| items.binary_search(&i).is_ok())
            })
            .collect();
        match self.order {
            Order::Date => shown.sort_by(|&a, &b| {
                let (a, b) = (&self.entries[a as usize], &self.entries[b as usize]);
                b.item.date.cmp(&a.item.date)
            }),
            Order::Feed => shown.sort_by_key(|&i| self.entries[i as usize].feed),
        }
        self.shown = shown;
        self.cursor = at
            .and_then(|k| {
                self.shown
                    .iter()
                    .position(|&i| self.entries[i as usize].key == k)
            })
            .unwrap_or_else(|| self.newest())
            .min(self.shown.len().saturating_sub(1));
        self.keep_cursor_visible();
    }

    /// Rows of the list on screen.
    pub fn list_rows(&self) -> usize {
        usize::from(layout(self.size, self.pane.shown).list.height).max(1)
    }

    fn keep_cursor_visible(&mut self) {
        let rows = self.list_rows();
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
    }

    fn set_read(&mut self, entry: usize, read: bool) {
        if let Some(e) = self.entries.get_mut(entry)
            && e.read != read
        {
            e.read = read;
            self.changed.insert(e.key.clone(), read);
        }
    }

    /// Marks the entry opened as read.
    pub fn opened(&mut self, entry: usize) {
        self.set_read(entry, true);
    }

    /// The read marks changed this session: (read, unread) keys.
    pub fn changes(&self) -> (Vec<String>, Vec<String>) {
        let mut read = Vec::new();
        let mut unread = Vec::new();
        for (k, &r) in &self.changed {
            if r {
                read.push(k.clone());
            } else {
                unread.push(k.clone());
            }
        }
        (read, unread)
    }

    /// Takes the names found across the items.
    pub fn entities_found(&mut self, index: CrossIndex) {
        if index.items != self.entries.len() {
            // Found for a list that has changed since; asked again.
            self.pane.finding = false;
            return;
        }
        let mut index = index;
        // The pane lists actors, then places, each group most mentioned
        // first (the sort is stable, so the index's order holds within a
        // kind); the cursor and the selection are positions in this order.
        index
            .entries
            .sort_by_key(|e| e.kind != crate::extract::EntityKind::Actor);
        self.pane.index = Some(index);
        self.pane.finding = false;
        self.pane.cursor = 0;
    }

    /// The label of the name the list is filtered to.
    pub fn selected_label(&self) -> Option<&str> {
        let index = self.pane.index.as_ref()?;
        Some(index.entries.get(self.pane.selected?)?.label.as_str())
    }

    /// Applies one key action; says what the session must do.
    pub fn apply(&mut self, action: Action) -> Asked {
        if let Action::Resize(w, h) = action {
            // A resize is no reader's action: the note stays.
            self.size = (w, h);
            self.keep_cursor_visible();
            return Asked::Nothing;
        }
        self.message = None;
        if self.help {
            match action {
                Action::Help | Action::Back => self.help = false,
                Action::HelpScroll(n) => {
                    self.help_scroll = self.help_scroll.saturating_add_signed(n as i16);
                }
                Action::Quit => return Asked::Quit,
                _ => {}
            }
            return Asked::Nothing;
        }
        if self.pane.shown
            && self.pane.focused
            && let Some(asked) = self.apply_pane(action)
        {
            return asked;
        }
        let at = self.current().map(|e| e.key.clone());
        match action {
            Action::FeedMove(n) | Action::Scroll(n) => self.move_by(n as isize),
            Action::Page(n) => {
                let page = self.list_rows().saturating_sub(1).max(1) as isize;
                self.move_by(n as isize * page);
            }
            Action::HalfPage(n) => {
                let half = (self.list_rows() / 2).max(1) as isize;
                self.move_by(n as isize * half);
            }
            Action::FeedFirst | Action::Top => self.move_to(0),
            Action::FeedLast | Action::Bottom => self.move_to(self.shown.len().saturating_sub(1)),
            Action::FeedOpen => {
                self.moved = true;
                return match self.shown.get(self.cursor) {
                    Some(&i) => Asked::Open(i as usize),
                    None => {
                        self.message = Some(self.empty_note());
                        Asked::Nothing
                    }
                };
            }
            Action::FeedNextUnread => {
                let n = self.shown.len();
                let next = (1..=n).map(|d| (self.cursor + d) % n.max(1)).find(|&p| {
                    self.shown
                        .get(p)
                        .is_some_and(|&i| !self.entries[i as usize].read)
                });
                match next {
                    Some(p) => self.move_to(p),
                    None => self.message = Some("no unread item".into()),
                }
            }
            Action::FeedToggleRead => {
                if let Some(&i) = self.shown.get(self.cursor) {
                    let read = !self.entries[i as usize].read;
                    self.set_read(i as usize, read);
                    self.move_by(1);
                }
            }
            Action::FeedMarkAllRead => {
                for p in 0..self.shown.len() {
                    let i = self.shown[p] as usize;
                    self.set_read(i, true);
                }
                self.message = Some("every item listed is marked read".into());
            }
            Action::FeedReload => {
                let feeds: Vec<usize> = match self.only_feed {
                    Some(f) => vec![f],
                    None => (0..self.sources.len()).collect(),
                };
                for &f in &feeds {
                    self.sources[f].status = Status::Loading(0);
                }
                return Asked::Reload(feeds);
            }
            Action::FeedOrder => {
                self.order = match self.order {
                    Order::Date => Order::Feed,
                    Order::Feed => Order::Date,
                };
                self.rebuild(at.as_deref());
                self.message = Some(match self.order {
                    Order::Date => "newest first".into(),
                    Order::Feed => "by feed".into(),
                });
            }
            Action::FeedOnly => {
                let n = self.sources.len();
                self.only_feed = match self.only_feed {
                    None if n > 1 => Some(0),
                    Some(f) if f + 1 < n => Some(f + 1),
                    _ => None,
                };
                self.rebuild(at.as_deref());
                self.message = Some(match self.only_feed {
                    Some(f) => format!("only {}", self.sources[f].name),
                    None if n > 1 => "every feed".into(),
                    None => "only one feed is open".into(),
                });
            }
            Action::ToggleEntities => {
                if self.pane.shown && self.pane.focused {
                    self.pane.shown = false;
                    self.pane.focused = false;
                } else {
                    self.pane.shown = true;
                    self.pane.focused = true;
                }
                self.keep_cursor_visible();
                if self.pane.shown && self.pane.index.is_none() && !self.pane.finding {
                    self.pane.finding = true;
                    return Asked::FindEntities;
                }
            }
            Action::ClearSelection => {
                self.pane.selected = None;
                self.rebuild(at.as_deref());
            }
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::Back => {
                if self.pane.selected.is_some() {
                    self.pane.selected = None;
                    self.rebuild(at.as_deref());
                } else {
                    return Asked::Quit;
                }
            }
            Action::Quit => return Asked::Quit,
            Action::MouseScroll { lines, .. } => self.move_by(lines as isize),
            _ => {
                if let Some(name) = action.name() {
                    self.message = Some(format!("{name}: not in the feed view"));
                }
            }
        }
        Asked::Nothing
    }

    /// The entity pane's keys; `None` for keys it leaves to the list.
    fn apply_pane(&mut self, action: Action) -> Option<Asked> {
        let count = self.pane.index.as_ref().map_or(0, |i| i.entries.len());
        match action {
            Action::EntityMove(n) | Action::FeedMove(n) | Action::Scroll(n) => {
                self.pane.cursor = self
                    .pane
                    .cursor
                    .saturating_add_signed(n as isize)
                    .min(count.saturating_sub(1));
            }
            Action::EntityFirst | Action::FeedFirst | Action::Top => self.pane.cursor = 0,
            Action::EntityLast | Action::FeedLast | Action::Bottom => {
                self.pane.cursor = count.saturating_sub(1);
            }
            Action::EntitySelect | Action::FeedOpen => {
                if count == 0 {
                    self.message = Some(if self.pane.finding {
                        super::arrival::FINDING.to_string()
                    } else {
                        "no names found".to_string()
                    });
                    return Some(Asked::Nothing);
                }
                self.pane.selected = Some(self.pane.cursor);
                self.pane.focused = false;
                self.rebuild(None);
                if let Some(label) = self.selected_label() {
                    self.message = Some(match self.shown.len() {
                        1 => format!("1 item mentions {label}"),
                        n => format!("{n} items mention {label}"),
                    });
                }
            }
            Action::Back | Action::ToggleFocus => self.pane.focused = false,
            _ => return None,
        }
        Some(Asked::Nothing)
    }

    fn move_by(&mut self, by: isize) {
        self.moved = true;
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(by).min(last);
        self.keep_cursor_visible();
    }

    fn move_to(&mut self, to: usize) {
        self.moved = true;
        self.cursor = to.min(self.shown.len().saturating_sub(1));
        self.keep_cursor_visible();
    }

    /// What the list says when it has nothing to open.
    pub fn empty_note(&self) -> String {
        if self.loading() {
            "the feeds are being fetched".into()
        } else {
            "no item to open".into()
        }
    }
}

#[cfg(test)]
mod tests;
