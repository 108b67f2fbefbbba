//! One article's reader: the document, its entities, its wrap cache and
//! everything the reader changes while reading it (scroll position, focus,
//! what is shown, search, entity views). The session (`App`) holds one per
//! open article as a value and hands it the actions that concern it; the
//! reader changes only through [`Reader::update`], which `App::update`
//! calls. No ratatui drawing here; `panes` only computes rectangles.
//!
//! The reading position is stored once, as the text at the top of the body
//! (`view.anchor`, a text offset); the top line is derived from it for the
//! width the cache has now ([`Reader::top`]), so a resize keeps the same
//! text on top and nothing has to be reconciled after an action. Moves are
//! made as cache positions (`Pos`, which wrapping other blocks does not
//! move: the cache wraps blocks as they are needed, which renumbers the
//! lines after them) and stored back as the anchor of the line they reach.

use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::{Action, Panes, SearchState, entities, loading};
use crate::document::Document;
use crate::extract::{Entities, EntityKind};
use crate::keymap::{Keymap, Mode};
use crate::layout::{Anchor, Pos, WrapCache, Wrapped};

/// Lines the mouse wheel moves per notch.
pub(super) const WHEEL_LINES: i32 = 3;

/// Bytes of text wrapped per step of idle time (a few milliseconds, so a
/// key pressed meanwhile waits no longer than that).
const IDLE_BYTES: usize = 48 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Body,
    Outline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The outline over the body, on narrow screens.
    Outline,
}

/// What the reader sees and can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// The terminal's size.
    pub size: (u16, u16),
    /// The reading position: the text at the top of the body, the one
    /// place it is kept. Re-wraps leave it alone (the line holding it goes
    /// on top), so a run of resizes never drifts.
    pub anchor: Anchor,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    /// The outline pane on wide screens.
    pub outline_shown: bool,
    /// The section chosen in the outline.
    pub selected: usize,
    /// The first outline entry drawn.
    pub outline_offset: usize,
    pub help_scroll: u16,
    pub show_furniture: bool,
    /// Reveal mode: zero-width, bidi, tag and other invisible characters
    /// and tabs are drawn as markers (`sanitize::pieces` with `reveal`).
    pub reveal: bool,
    /// Highlighting on, per entity kind, in `EntityKind::ALL` order.
    pub highlight: [bool; 3],
    /// How much of what is on is lit (`H` cycles it).
    pub level: Level,
    /// A one-line note for the status line, cleared by the next action.
    pub message: Option<String>,
    pub quit: bool,
    /// The longest body line, in columns (the config's `width`).
    pub reading_width: u16,
}

/// How an article opens: the config's panes, highlights and reading
/// width, and reveal mode (the command line's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    pub outline_shown: bool,
    pub show_furniture: bool,
    /// Highlighting on, per entity kind, in `EntityKind::ALL` order.
    pub highlight: [bool; 3],
    pub level: Level,
    pub reading_width: u16,
    pub reveal: bool,
}

/// How much of the text is lit. A dense article has a name or a number in
/// every few words: lit all at once, the page reads busy, so the default is
/// calm and the full view one key (`H`) away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Every mention of the kinds that are on.
    All,
    /// A name at its first mention in each section, and numbers but the
    /// day and year of a date (`extract::calm`).
    #[default]
    First,
    /// Only the selected entity's mentions.
    Selected,
}

impl Level {
    /// The level `H` goes to from this one.
    pub fn next(self) -> Level {
        match self {
            Level::First => Level::All,
            Level::All => Level::Selected,
            Level::Selected => Level::First,
        }
    }

    /// Its name in the config (`[highlight] level`).
    pub fn name(self) -> &'static str {
        match self {
            Level::All => "all",
            Level::First => "first",
            Level::Selected => "selected",
        }
    }

    /// What the status line says when it is chosen.
    pub fn describe(self) -> &'static str {
        match self {
            Level::All => "highlights: every mention",
            Level::First => "highlights: first mention of each name in a section",
            Level::Selected => "highlights: the selected entity only",
        }
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            outline_shown: true,
            show_furniture: false,
            highlight: [true; 3],
            level: Level::default(),
            reading_width: crate::layout::MAX_READING_WIDTH,
            reveal: false,
        }
    }
}

/// One open article and the reader's state in it.
#[derive(Debug)]
pub struct Reader {
    /// Shared with the thread that finds its entities.
    pub doc: Arc<Document>,
    pub entities: Entities,
    /// The session's keymap, shared: messages name the keys to press.
    pub(super) keys: Arc<Keymap>,
    pub view: ViewState,
    /// The prompt, the kept search, marks.
    pub search: SearchState,
    /// The entity views' state (pane, selection, focus mode, quotes, map).
    pub entity: entities::EntityView,
    /// Entries and quotes, built once from `doc` and `entities`.
    pub index: entities::EntityIndex,
    pub(super) cache: WrapCache,
    /// Set while only the start of the article is in (see `loading`).
    pub loading: Option<loading::Loading>,
    /// A switch to another article this reader was asked for (now, or
    /// when the whole article it waited for came in): the session makes it.
    pub(super) switch: Option<isize>,
    /// The article's links, listed when the link list opens.
    pub links: Vec<super::links::Link>,
    /// What the reader asked about links (open one, go back): the session
    /// does it.
    pub(super) link: Option<super::links::LinkAsk>,
}

impl Reader {
    /// A reader for an article; with `entities` `None` they are still
    /// being found and come later through [`Reader::receive`].
    pub(super) fn new(
        doc: Arc<Document>,
        entities: Option<Entities>,
        keys: Arc<Keymap>,
        prefs: Prefs,
    ) -> Reader {
        // Lines are built at the first `Resize`, for the real width: a long
        // article is wrapped once, not once for a guess and again.
        let cache = WrapCache::empty();
        let message = doc.notices.first().cloned();
        let finding = entities.is_none();
        let mut reader = Reader {
            doc,
            entities: entities.unwrap_or_default(),
            keys,
            view: ViewState {
                size: (0, 0),
                anchor: Anchor::default(),
                focus: Focus::Body,
                overlay: None,
                outline_shown: prefs.outline_shown,
                selected: 0,
                outline_offset: 0,
                help_scroll: 0,
                show_furniture: prefs.show_furniture,
                reveal: prefs.reveal,
                highlight: prefs.highlight,
                level: prefs.level,
                message,
                quit: false,
                reading_width: prefs.reading_width,
            },
            search: SearchState::default(),
            entity: entities::EntityView {
                finding,
                ..entities::EntityView::default()
            },
            index: entities::EntityIndex::default(),
            cache,
            loading: None,
            switch: None,
            links: Vec::new(),
            link: None,
        };
        if !finding {
            reader.build_index();
        }
        reader
    }

    /// Sets the view up as `prefs` say (a fresh reader, or one the config
    /// is applied to again).
    pub(super) fn set_prefs(&mut self, prefs: Prefs) {
        self.view.outline_shown = prefs.outline_shown;
        self.view.show_furniture = prefs.show_furniture;
        self.view.highlight = prefs.highlight;
        self.view.level = prefs.level;
        self.view.reading_width = prefs.reading_width;
        self.view.reveal = prefs.reveal;
    }

    /// The wrap cache with the article it lays out.
    pub fn cache(&self) -> Wrapped<'_> {
        Wrapped {
            cache: &self.cache,
            doc: &self.doc,
        }
    }

    /// The top line as a position later wrapping does not move.
    pub(super) fn top_pos(&self) -> Pos {
        self.cache.pos_of(&self.doc, self.view.anchor)
    }

    /// The visual line at the top of the body, for the current width.
    pub fn top(&self) -> usize {
        self.cache.global(self.top_pos())
    }

    /// Where the top line's text starts.
    pub(super) fn top_text(&self) -> usize {
        self.cache
            .line_of(&self.doc, self.top_pos())
            .map_or(0, |l| l.range.start)
    }

    /// Puts the line at `pos` on top.
    pub(super) fn set_top(&mut self, pos: Pos) {
        self.view.anchor = self.cache.anchor_of(&self.doc, pos);
    }

    /// Puts the line showing `offset` on top (before the first layout, the
    /// offset is kept for it).
    pub(super) fn show_text(&mut self, offset: usize) {
        if self.cache.is_empty() {
            self.view.anchor = Anchor::at(offset);
        } else {
            self.set_top(self.cache.pos_at(&self.doc, offset));
        }
    }

    /// Puts visual line `n` on top; past the end (where a number from the
    /// estimates may be), the last page.
    pub(crate) fn show_line(&mut self, n: usize) {
        let pos = match self.cache.pos(&self.doc, n) {
            Some(pos) => pos,
            None => self.max_top_pos(),
        };
        self.set_top(pos);
    }

    /// Scrolls so the line showing `offset` is in view: left alone when it
    /// already is, else `above` lines below the top (with `fill`, fewer at
    /// the end of the article, so the last page stays full). Every line
    /// between is wrapped, so the count is exact.
    pub(crate) fn bring_into_view(&mut self, offset: usize, above: usize, fill: bool) {
        let target = self.cache.pos_at(&self.doc, offset);
        if self.shows(self.top_pos(), target) {
            return;
        }
        let mut top = self.cache.walk(&self.doc, target, -(above as isize));
        if fill {
            top = top.min(self.max_top_pos());
        }
        if !self.shows(top, target) {
            top = target;
        }
        self.set_top(top);
    }

    /// Whether the line at `line` is in view with the line at `top` on top.
    fn shows(&self, top: Pos, line: Pos) -> bool {
        let (top, line) = (self.cache.global(top), self.cache.global(line));
        line >= top && line < (top + self.page_height()).min(self.cache.len())
    }

    /// Wraps a little more of the article, in order from the top, keeping
    /// the same text on top: with time, line numbers, the percentage and the
    /// scrollbar become exact. True while some is left to wrap.
    pub(super) fn wrap_some(&mut self) -> bool {
        if self.cache.is_exact() {
            return false;
        }
        !self.cache.measure(&self.doc, IDLE_BYTES)
    }

    /// The panes for the current size and view.
    pub fn panes(&self) -> Panes {
        self.panes_for(Rect::new(0, 0, self.view.size.0, self.view.size.1))
    }

    /// The panes for a given area (drawing uses the frame's own area).
    pub fn panes_for(&self, area: Rect) -> Panes {
        let mut panes = Panes::compute(
            area,
            self.view.outline_shown,
            self.view.overlay == Some(Overlay::Outline),
        );
        if self.entity.shown {
            panes = panes.with_entity_pane(entities::DOCK_WIDTH, entities::PANE_WIDTH);
        }
        // The config's reading width replaces the default column, centred
        // with the same margins `Panes` keeps (two columns each side, one
        // when the body is narrow).
        let room = panes.body.width.saturating_sub(1);
        let margin = if room >= 40 { 2 } else { 1 };
        let fit = room.saturating_sub(2 * margin).max(1);
        let width = self.view.reading_width.clamp(1, fit);
        if !panes.too_small && width != panes.text.width {
            panes.text.x = panes.body.x + (room - width) / 2;
            panes.text.width = width;
        }
        panes
    }

    /// The keymap modes that apply now, most specific first.
    pub fn modes(&self) -> Vec<Mode> {
        if self.search.prompt.is_some() {
            return vec![Mode::Prompt];
        }
        if self.view.overlay.is_none()
            && let Some(modes) = self.entity_modes()
        {
            return modes;
        }
        match self.view.overlay {
            Some(Overlay::Help) => vec![Mode::Help],
            _ if self.view.focus == Focus::Outline => vec![Mode::Outline, Mode::Normal],
            _ => vec![Mode::Body, Mode::Normal],
        }
    }

    /// The section the top line belongs to.
    pub fn current_section(&self) -> usize {
        let Some(line) = self.cache.line_of(&self.doc, self.top_pos()) else {
            return 0;
        };
        let block = line
            .block
            .unwrap_or_else(|| self.doc.block_at(line.range.start));
        self.doc.section_of_block(block)
    }

    /// How far through the article the bottom of the body is, in percent.
    /// While only its start is in, measured against the file's length, so
    /// it never says 100 before the end.
    pub fn percent(&self) -> usize {
        if let Some(loading) = &self.loading {
            let bottom = self.visible_lines().end;
            let offset = match bottom.checked_sub(1).and_then(|l| self.cache().line(l)) {
                Some(line) => line.range.end as u64,
                None => 0,
            };
            let whole = loading.expected_len().max(self.doc.text.len() as u64);
            return (offset.saturating_mul(100) / whole.max(1)).min(99) as usize;
        }
        let total = self.cache.len();
        if total == 0 {
            return 100;
        }
        let bottom = (self.top() + self.page_height()).min(total);
        bottom * 100 / total
    }

    /// The rows of text in the body.
    pub fn page_height(&self) -> usize {
        usize::from(self.panes().text.height).max(1)
    }

    /// The visual lines in view.
    pub fn visible_lines(&self) -> Range<usize> {
        let start = self.top().min(self.cache.len());
        start..(start + self.page_height()).min(self.cache.len())
    }

    /// The top line of the last full page. Wraps the blocks of that page,
    /// which moves no line before them.
    pub(super) fn max_top(&self) -> usize {
        self.cache.global(self.max_top_pos())
    }

    /// [`Reader::max_top`] as a position.
    pub(super) fn max_top_pos(&self) -> Pos {
        let Some(last) = self.cache.last_pos(&self.doc) else {
            return Pos::default();
        };
        let back = self.page_height().saturating_sub(1) as isize;
        self.cache.walk(&self.doc, last, -back)
    }

    /// Applies one action to this article.
    pub(super) fn update(&mut self, action: Action) {
        // Esc clears what the status line says, and the search it may be
        // about, before anything else: a failed search's "no match" is not
        // a reason to quit.
        if self.view.message.take().is_some()
            && action == Action::Back
            && self.view.overlay.is_none()
        {
            self.clear_search();
            return;
        }
        let section = self.current_section();
        let (from, text) = (self.view.anchor.offset, self.top_text());
        if !matches!(action, Action::Resize(..)) {
            self.search.pending = None;
        }
        self.apply(action);
        if action.traits().jump && self.top_text() != text {
            self.record_jump(from);
        }
        if self.current_section() != section && self.view.focus == Focus::Body {
            // Reading on into another section keeps its outline entry (the
            // one marked current) in view.
            self.view.selected = self.current_section();
            self.keep_selection_visible();
        }
    }

    pub(super) fn scroll(&mut self, by: isize) {
        let from = self.top_pos();
        let to = self.cache.walk(&self.doc, from, by);
        if by < 0 {
            self.set_top(to);
            return;
        }
        // A section jump may have put the top past the last full page;
        // scrolling down from there stays put rather than jumping back.
        let max = self.max_top_pos();
        self.set_top(to.min(max.max(from)));
    }

    pub(super) fn go_to_section(&mut self, section: usize) {
        if section >= self.doc.sections.len() {
            self.view.message = Some(format!(
                "there is no section {} (the article has {})",
                section + 1,
                self.doc.sections.len()
            ));
            return;
        }
        self.view.selected = section;
        self.keep_selection_visible();
        match self.cache.section_pos(&self.doc, section) {
            Some(pos) => self.set_top(pos),
            None => {
                let key = self
                    .keys
                    .key_for(Action::ToggleFurniture)
                    .unwrap_or("the furniture key");
                self.view.message = Some(format!(
                    "section {} is page furniture, hidden: press {key} to show it",
                    section + 1
                ));
            }
        }
    }

    pub(super) fn focus_outline(&mut self) {
        self.view.focus = Focus::Outline;
        self.view.selected = self.current_section();
        self.keep_selection_visible();
    }

    pub(super) fn toggle_outline_overlay(&mut self) {
        if self.view.overlay == Some(Overlay::Outline) {
            self.view.overlay = None;
            self.view.focus = Focus::Body;
        } else {
            self.view.overlay = Some(Overlay::Outline);
            self.focus_outline();
        }
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let rows = self
            .panes()
            .outline_list
            .map_or(1, |r| usize::from(r.height).max(1));
        let sel = self.view.selected;
        if sel < self.view.outline_offset {
            self.view.outline_offset = sel;
        } else if sel >= self.view.outline_offset + rows {
            self.view.outline_offset = sel + 1 - rows;
        }
    }

    /// Rebuilds the cache for the current width, furniture and reveal setting,
    /// keeping the text at the top of the body on top (the line showing it:
    /// the lines before it that show no text are not kept, their count
    /// belongs to the old width).
    pub(super) fn rewrap(&mut self) {
        let panes = self.panes();
        let width = if panes.too_small {
            self.cache.width()
        } else {
            panes.text.width
        };
        if width == 0 {
            // No width seen yet: wait for one rather than wrap to nothing.
            return;
        }
        self.cache = WrapCache::build_revealing(
            &self.doc,
            width,
            self.view.show_furniture,
            self.view.reveal,
        );
        self.view.anchor = self.view.anchor.text();
    }

    /// Shown again after another article was (or for the first time): what
    /// waited for its entities applies now, and it catches up with the
    /// terminal's size and the reveal mode the reader has now. `section`
    /// is the one the reader was in, in the article left.
    pub(super) fn shown_again(&mut self, size: (u16, u16), reveal: bool, section: usize) {
        self.apply_awaited();
        self.view.quit = false;
        self.view.reveal = reveal;
        self.apply(Action::Resize(size.0, size.1));
        if self.cache.reveals() != reveal {
            self.rewrap();
        }
        if self.current_section() != section && self.view.focus == Focus::Body {
            self.view.selected = self.current_section();
            self.keep_selection_visible();
        }
    }

    /// Whether highlighting is on for a kind.
    pub fn highlights(&self, kind: EntityKind) -> bool {
        self.view.highlight[kind_index(kind)]
    }
}

pub(super) fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Actor => 0,
        EntityKind::Place => 1,
        EntityKind::Number => 2,
    }
}
