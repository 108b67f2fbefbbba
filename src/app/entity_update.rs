//! How the entity views change: the handlers of the entity actions
//! (`Action::ToggleEntities` onwards), the modes they add to the keymap, and
//! the text-entry keys of the filter prompt.
//!
//! Kept apart from `app/mod.rs` so the reader's own actions and these grow
//! independently; `App::apply` hands every action here first and this
//! module says whether it took it.

use std::borrow::Cow;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::entities::{EntityIndex, Panel};
use super::{Action, Reader};
use crate::keymap::Mode;

/// Lines of context kept above a mention the reader jumps to.
const CONTEXT_LINES: usize = 3;

impl Reader {
    /// The action for a key: the filter prompt takes printable keys before
    /// the keymap is asked.
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Action> {
        if self.entity.filtering
            && self.search.prompt.is_none()
            && self.view.overlay.is_none()
            && key.kind != KeyEventKind::Release
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            match key.code {
                KeyCode::Char(c) if !c.is_control() => return Some(Action::FilterInput(c)),
                KeyCode::Backspace => return Some(Action::FilterBackspace),
                _ => {}
            }
        }
        self.key_action(key)
    }

    /// The keymap modes of the entity views, when one has the keys.
    pub(super) fn entity_modes(&self) -> Option<Vec<Mode>> {
        match self.entity.panel {
            Some(Panel::Quotes) => return Some(vec![Mode::Quotes]),
            Some(Panel::Map) => return Some(vec![Mode::Map]),
            Some(Panel::Links) => return Some(vec![Mode::Links]),
            None => {}
        }
        if self.entity.shown && self.entity.filtering {
            return Some(vec![Mode::Filter]);
        }
        (self.entity.shown && self.entity.focused).then(|| vec![Mode::Entities, Mode::Normal])
    }

    /// The entries the pane lists now, in order (lent while no filter is
    /// typed).
    pub fn visible(&self) -> Cow<'_, [u32]> {
        self.index.visible(self.entity.order, &self.entity.filter)
    }

    /// [`Self::visible`] as an owned list.
    #[cfg(test)]
    pub fn visible_entries(&self) -> Vec<usize> {
        self.visible().iter().map(|&i| i as usize).collect()
    }

    pub(super) fn toggle_panel(&mut self, panel: Panel) {
        let e = &mut self.entity;
        if e.panel == Some(panel) {
            e.panel = None;
            return;
        }
        if panel == Panel::Links {
            self.links = super::links::links(&self.doc);
        }
        let top = self.top_text();
        let e = &mut self.entity;
        e.panel = Some(panel);
        e.filtering = false;
        // Open on the selected entity's place (map) or at the top.
        e.panel_cursor = match (panel, e.selected) {
            (Panel::Map, Some(sel)) => self
                .index
                .map_places(&self.entities)
                .iter()
                .position(|&p| p == sel)
                .unwrap_or(0),
            // The link under the cursor line, or the next one below it.
            (Panel::Links, _) => super::links::first_from(&self.links, top),
            _ => 0,
        };
    }

    pub(super) fn no_selection_note(&self) -> String {
        let key = self
            .keys
            .key_for(Action::ToggleEntities)
            .unwrap_or("the entity key");
        format!("no entity selected: press {key}, choose one, Enter")
    }

    /// Selects an entry and goes to its first mention.
    pub(super) fn select_entry(&mut self, entry: usize) {
        self.entity.selected = Some(entry);
        self.entity.mention = 0;
        if !self.panes().entities_docked {
            // The overlay would hide the body the reader is sent to.
            self.entity.shown = false;
            self.entity.focused = false;
        }
        self.go_to_mention();
    }

    pub(super) fn step_mention(&mut self, by: isize) {
        let Some(entry) = self.entity.selected.and_then(|s| self.index.entry(s)) else {
            self.view.message = Some(self.no_selection_note());
            return;
        };
        let n = entry.mentions.len();
        if n == 0 {
            return;
        }
        let cur = self.entity.mention.min(n - 1) as isize;
        let next = (cur + by).rem_euclid(n as isize) as usize;
        let wrapped = (by > 0 && next < cur as usize) || (by < 0 && next > cur as usize);
        self.entity.mention = next;
        self.go_to_mention();
        if wrapped && let Some(note) = self.view.message.as_mut() {
            // The count stays: it says where the wrap landed.
            note.push_str(" · wrapped around");
        }
    }

    /// Puts the current mention of the selection in view and says where
    /// the reader is.
    pub(super) fn go_to_mention(&mut self) {
        let Some(entry) = self.entity.selected.and_then(|s| self.index.entry(s)) else {
            return;
        };
        let i = self
            .entity
            .mention
            .min(entry.mentions.len().saturating_sub(1));
        let Some(m) = entry
            .mentions
            .get(i)
            .and_then(|&m| self.entities.mentions.get(m as usize))
        else {
            return;
        };
        let note = format!("{} {}/{}", entry.label, i + 1, entry.mentions.len());
        let start = m.start();
        self.show_offset(start);
        self.view.message = Some(note);
    }

    /// Scrolls so a text offset is in view with a few lines above it.
    pub(super) fn show_offset(&mut self, offset: usize) {
        let page = self.page_height();
        self.bring_into_view(offset, CONTEXT_LINES.min(page / 3), false);
    }

    /// After the pane appears or goes, the body's width may change: wrap
    /// again, keeping the reading position.
    pub(super) fn after_layout_change(&mut self) {
        self.apply(Action::Resize(self.view.size.0, self.view.size.1));
    }

    /// On a resize, the pane's default: shown on wide screens until the
    /// reader decides.
    pub(super) fn entity_resized(&mut self) {
        if !self.entity.chosen {
            self.entity.shown = self.view.size.0 >= super::entities::DOCK_WIDTH;
        }
    }

    /// Sections that mention the selected entry, by section index.
    pub fn sections_mentioning(&self) -> Vec<bool> {
        let mut out = vec![false; self.doc.sections.len()];
        if let Some(entry) = self.entity.selected.and_then(|s| self.index.entry(s)) {
            for m in entry
                .mentions
                .iter()
                .filter_map(|&m| self.entities.mentions.get(m as usize))
            {
                let s = self.doc.section_of_block(self.doc.block_at(m.start()));
                if let Some(slot) = out.get_mut(s) {
                    *slot = true;
                }
            }
        }
        out
    }

    /// The selected entry's mention ranges, sorted.
    pub fn selected_mentions(&self) -> Vec<std::ops::Range<usize>> {
        self.entity
            .selected
            .and_then(|s| self.index.entry(s))
            .map(|e| {
                e.mentions
                    .iter()
                    .filter_map(|&m| self.entities.mentions.get(m as usize))
                    .map(|m| m.range())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The article's quotes, in text order (found on first use).
    pub fn quotes(&self) -> &[crate::extract::quotes::Quote] {
        self.index.quotes(&self.doc, &self.entities)
    }

    /// The quotes view's order (see [`EntityIndex::quotes_by_speaker`]).
    pub fn quotes_by_speaker(&self) -> &[usize] {
        self.index.quotes_by_speaker(&self.doc, &self.entities)
    }

    pub(super) fn build_index(&mut self) {
        self.index = EntityIndex::build(&self.doc, &self.entities);
    }
}
