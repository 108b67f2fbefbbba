//! Where each action goes: the one `match` over every action, so an
//! action added to [`Action`] does not compile until it is given a meaning
//! here (there is no arm that takes the rest). The entity views' arms come
//! first (their pane or overlay takes `Esc` and `Tab` while it has the
//! keys), then the reader's own, then search and jumps; each calls into the
//! module that owns it. No drawing here.

use super::entities::{Order, Panel};
use super::reader::{WHEEL_LINES, kind_index};
use super::search::{Pending, Prompt, PromptKind};
use super::{Action, Focus, Overlay, Reader};
use crate::layout::Pos;
use crate::search::Direction;

impl Reader {
    /// Applies one action, unless it must wait for the whole article or
    /// for the entities.
    pub(super) fn apply(&mut self, action: Action) {
        if self.wait_for_document(action) {
            return;
        }
        if self.wait_for_entities(action) {
            return;
        }
        match action {
            // Entity views.
            Action::ToggleEntities => {
                self.entity.chosen = true;
                if self.entity.shown && self.entity.focused {
                    self.entity.shown = false;
                    self.entity.focused = false;
                    self.entity.filtering = false;
                } else {
                    self.entity.shown = true;
                    self.entity.focused = true;
                    self.view.focus = Focus::Body;
                }
                self.after_layout_change();
            }
            Action::Back if self.entity.panel.is_some() => self.entity.panel = None,
            Action::Back | Action::ToggleFocus if self.entity.shown && self.entity.focused => {
                self.entity.focused = false;
                if !self.panes().entities_docked {
                    self.entity.shown = false;
                }
            }
            Action::EntityMove(n) => {
                let last = self.visible().len().saturating_sub(1);
                self.entity.cursor = self
                    .entity
                    .cursor
                    .saturating_add_signed(n as isize)
                    .min(last);
            }
            Action::EntityFirst => self.entity.cursor = 0,
            Action::EntityLast => self.entity.cursor = self.visible().len().saturating_sub(1),
            Action::EntitySelect => match self.visible().get(self.entity.cursor) {
                Some(&entry) => self.select_entry(entry as usize),
                None => self.view.message = Some("no entity matches the filter".into()),
            },
            Action::EntityOrder => {
                self.entity.order = match self.entity.order {
                    Order::Count => Order::FirstSeen,
                    Order::FirstSeen => Order::Count,
                };
            }
            Action::EntityFilter => {
                self.entity.filtering = true;
                self.entity.shown = true;
                self.entity.focused = true;
            }
            Action::FilterInput(c) => {
                self.entity.filter.push(c);
                self.entity.cursor = 0;
            }
            Action::FilterBackspace => {
                self.entity.filter.pop();
                self.entity.cursor = 0;
            }
            Action::FilterDone => self.entity.filtering = false,
            Action::FilterCancel => {
                self.entity.filtering = false;
                self.entity.filter.clear();
                self.entity.cursor = 0;
            }
            Action::NextChosenMention => self.step_mention(1),
            Action::PrevChosenMention => self.step_mention(-1),
            Action::ClearSelection => {
                self.entity.selected = None;
                self.entity.focus_mode = false;
            }
            Action::ToggleFocusMode => {
                if self.entity.selected.is_none() && !self.entity.focus_mode {
                    self.view.message = Some(self.no_selection_note());
                } else {
                    self.entity.focus_mode = !self.entity.focus_mode;
                }
            }
            Action::Quotes => self.toggle_panel(Panel::Quotes),
            Action::Map => self.toggle_panel(Panel::Map),
            Action::QuoteMove(n) => {
                let last = self.quotes().len().saturating_sub(1);
                self.entity.panel_cursor = self
                    .entity
                    .panel_cursor
                    .saturating_add_signed(n as isize)
                    .min(last);
            }
            Action::QuoteJump => {
                let order = self.quotes_by_speaker();
                let start = order
                    .get(self.entity.panel_cursor)
                    .and_then(|&q| self.quotes().get(q))
                    .map(|q| q.range.start);
                if let Some(start) = start {
                    self.entity.panel = None;
                    self.show_offset(start);
                }
            }
            Action::MapMove(n) => {
                let last = self
                    .index
                    .map_places(&self.entities)
                    .len()
                    .saturating_sub(1);
                self.entity.panel_cursor = self
                    .entity
                    .panel_cursor
                    .saturating_add_signed(n as isize)
                    .min(last);
            }
            Action::MapJump => {
                let places = self.index.map_places(&self.entities);
                if let Some(&entry) = places.get(self.entity.panel_cursor) {
                    self.entity.panel = None;
                    self.select_entry(entry);
                }
            }
            Action::Links => self.toggle_panel(Panel::Links),
            Action::LinkMove(n) => {
                let last = self.links.len().saturating_sub(1);
                self.entity.panel_cursor = self
                    .entity
                    .panel_cursor
                    .saturating_add_signed(n as isize)
                    .min(last);
            }
            Action::LinkFirst => self.entity.panel_cursor = 0,
            Action::LinkLast => self.entity.panel_cursor = self.links.len().saturating_sub(1),
            Action::LinkOpen => match self.links.get(self.entity.panel_cursor) {
                Some(link) => match super::links::resolve(&link.target, &self.doc.name) {
                    Ok(to) => {
                        self.link = Some(super::links::LinkAsk::Open {
                            to,
                            text: link.text.clone(),
                        });
                        self.entity.panel = None;
                    }
                    Err(why) => self.view.message = Some(crate::sanitize::clean(&why).into_owned()),
                },
                None => self.view.message = Some("the article has no links".into()),
            },
            // The session goes back; the reader only asks.
            Action::LinkBack => self.link = Some(super::links::LinkAsk::Back),
            // The reader's own.
            Action::Scroll(n) => self.scroll(n as isize),
            Action::Page(n) => {
                let page = self.page_height().saturating_sub(2).max(1) as isize;
                self.scroll(n as isize * page);
            }
            Action::HalfPage(n) => {
                let half = (self.page_height() / 2).max(1) as isize;
                self.scroll(n as isize * half);
            }
            Action::Top => self.set_top(Pos::default()),
            Action::Bottom => self.set_top(self.max_top_pos()),
            // The search starts near the current section: an article may
            // have thousands.
            Action::NextSection => {
                let top = self.top_pos();
                let from = self.current_section().saturating_sub(1);
                let next = (from..self.doc.sections.len())
                    .filter_map(|s| self.cache.section_pos(&self.doc, s))
                    .find(|&p| p > top);
                match next {
                    Some(pos) => self.set_top(pos),
                    None => self.view.message = Some("this is the last section".into()),
                }
            }
            Action::PrevSection => {
                let top = self.top_pos();
                let to = (self.current_section() + 2).min(self.doc.sections.len());
                let prev = (0..to)
                    .rev()
                    .filter_map(|s| self.cache.section_pos(&self.doc, s))
                    .find(|&p| p < top);
                self.set_top(prev.unwrap_or_default());
            }
            Action::Section(s) => self.go_to_section(s),
            Action::SectionByDigit => {}
            Action::ToggleFocus => {
                if self.panes().narrow {
                    self.toggle_outline_overlay();
                } else if self.view.focus == Focus::Outline {
                    self.view.focus = Focus::Body;
                } else {
                    self.view.outline_shown = true;
                    self.focus_outline();
                }
            }
            Action::OutlineMove(n) => {
                let last = self.doc.sections.len().saturating_sub(1);
                self.view.selected = self
                    .view
                    .selected
                    .saturating_add_signed(n as isize)
                    .min(last);
                self.keep_selection_visible();
            }
            Action::OutlineFirst => {
                self.view.selected = 0;
                self.keep_selection_visible();
            }
            Action::OutlineLast => {
                self.view.selected = self.doc.sections.len().saturating_sub(1);
                self.keep_selection_visible();
            }
            Action::OutlineJump => {
                self.go_to_section(self.view.selected);
                if self.view.overlay == Some(Overlay::Outline) {
                    self.view.overlay = None;
                    self.view.focus = Focus::Body;
                }
            }
            Action::ToggleOutline => {
                if self.panes().narrow {
                    self.toggle_outline_overlay();
                } else {
                    self.view.outline_shown = !self.view.outline_shown;
                    if !self.view.outline_shown {
                        self.view.focus = Focus::Body;
                    }
                }
            }
            Action::ToggleFurniture => {
                self.view.show_furniture = !self.view.show_furniture;
                self.rewrap();
                if !self.view.show_furniture {
                    let max = self.max_top_pos();
                    if self.top_pos() > max {
                        self.set_top(max);
                    }
                }
            }
            Action::ToggleReveal => {
                self.view.reveal = !self.view.reveal;
                self.rewrap();
                self.view.message = Some(if self.view.reveal {
                    "reveal: every invisible character is shown".into()
                } else {
                    "reveal off".into()
                });
            }
            Action::ToggleHighlight(kind) => {
                let i = kind_index(kind);
                self.view.highlight[i] = !self.view.highlight[i];
            }
            Action::CycleHighlight => {
                self.view.level = self.view.level.next();
                self.view.message = Some(self.view.level.describe().to_string());
            }
            Action::Help => {
                self.view.overlay = match self.view.overlay {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                };
                self.view.help_scroll = 0;
            }
            Action::HelpScroll(n) => self.scroll_help(n as isize, 0),
            Action::HelpPage(n) => self.scroll_help(0, n as isize),
            Action::Back => match self.view.overlay.take() {
                Some(Overlay::Outline) => self.view.focus = Focus::Body,
                Some(Overlay::Help) => {}
                // Esc clears the highlights of a search, then the selected
                // entity, before it quits.
                None if self.clear_search() => {}
                None if self.entity.selected.is_some() || self.entity.focus_mode => {
                    self.entity.selected = None;
                    self.entity.focus_mode = false;
                }
                None => self.view.quit = true,
            },
            Action::Quit => self.view.quit = true,
            // The event loop suspends the process; nothing changes here.
            Action::Suspend => {}
            Action::Resize(w, h) => {
                self.view.size = (w, h);
                self.entity_resized();
                let panes = self.panes();
                if !panes.narrow && self.view.overlay == Some(Overlay::Outline) {
                    self.view.overlay = None;
                    if !self.view.outline_shown {
                        self.view.focus = Focus::Body;
                    }
                }
                if panes.narrow && self.view.focus == Focus::Outline && self.view.overlay.is_none()
                {
                    self.view.focus = Focus::Body;
                }
                if !panes.too_small && panes.text.width != self.cache.width() {
                    self.rewrap();
                }
                self.keep_selection_visible();
            }
            Action::MouseScroll { column, row, lines } => {
                let panes = self.panes();
                if panes.over_outline(column, row) {
                    let max = self.doc.sections.len().saturating_sub(1);
                    self.view.outline_offset = self
                        .view
                        .outline_offset
                        .saturating_add_signed(lines as isize)
                        .min(max);
                } else if panes.body.contains((column, row).into()) {
                    self.scroll((lines * WHEEL_LINES) as isize);
                }
            }
            // The session switches articles; the reader only asks.
            Action::NextFile => self.switch = Some(1),
            Action::PrevFile => self.switch = Some(-1),
            Action::Click { column, row } => {
                let panes = self.panes();
                if let Some(r) = panes.outline_row(column, row) {
                    let section = self.view.outline_offset + r;
                    if section < self.doc.sections.len() {
                        self.view.selected = section;
                        if self.view.overlay.is_none() {
                            self.view.focus = Focus::Outline;
                        }
                        self.apply(Action::OutlineJump);
                    }
                } else if panes.body.contains((column, row).into()) && self.view.overlay.is_none() {
                    self.view.focus = Focus::Body;
                }
            }
            // Search and jumps.
            Action::SearchForward => self.open_prompt(PromptKind::Search(Direction::Forward)),
            Action::SearchBackward => self.open_prompt(PromptKind::Search(Direction::Backward)),
            Action::GoToPrompt => self.open_prompt(PromptKind::GoTo),
            Action::SearchNext => self.step_search(false),
            Action::SearchPrev => self.step_search(true),
            Action::MarkPending => self.search.pending = Some(Pending::Mark),
            Action::JumpMarkPending => self.search.pending = Some(Pending::JumpMark),
            Action::SetMark(c) => self.set_mark(c),
            Action::JumpToMark(c) => self.jump_to_mark(c),
            Action::NextMention => self.mention_jump(Direction::Forward),
            Action::PrevMention => self.mention_jump(Direction::Backward),
            Action::PromptInput(c) => self.edit(|p| p.insert(c)),
            Action::PromptAccept => self.accept(),
            Action::PromptCancel => self.cancel(),
            Action::PromptBackspace => self.prompt_backspace(),
            Action::PromptDelete => self.edit(Prompt::delete),
            Action::PromptLeft => self.move_cursor(Prompt::grapheme_before),
            Action::PromptRight => self.move_cursor(Prompt::grapheme_after),
            Action::PromptHome => self.move_cursor(|_| 0),
            Action::PromptEnd => self.move_cursor(|p| p.input.len()),
            Action::PromptClear => self.edit(Prompt::clear_before),
            Action::PromptDeleteWord => self.edit(Prompt::delete_word),
            Action::PromptOlder => self.browse_history(true),
            Action::PromptNewer => self.browse_history(false),
            // The feed view takes these; an article has no list.
            Action::FeedMove(_)
            | Action::FeedFirst
            | Action::FeedLast
            | Action::FeedOpen
            | Action::FeedNextUnread
            | Action::FeedToggleRead
            | Action::FeedMarkAllRead
            | Action::FeedReload
            | Action::FeedOrder
            | Action::FeedOnly => {
                self.view.message = Some("that key works in the feed view".into());
            }
        }
    }

    /// Scrolls the help by lines and pages (a page less a line, kept for
    /// context), never past its last page: `b` right after the end counts.
    fn scroll_help(&mut self, lines: isize, pages: isize) {
        let (page, max) = crate::ui::help_scroll_room(&self.keys, self.view.size);
        let by = lines + pages * page.saturating_sub(1).max(1) as isize;
        let to = usize::from(self.view.help_scroll)
            .saturating_add_signed(by)
            .min(max);
        self.view.help_scroll = u16::try_from(to).unwrap_or(u16::MAX);
    }
}
