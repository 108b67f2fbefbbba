//! The prompt line (`/`, `?`, `:`), drawn over the status line while it is
//! open: the sigil, the input scrolled so the cursor stays in view, and on
//! the right the search's `3/17`, `no match`, the error of a bad pattern or
//! the wrapped notice. Reverse video like the status line it replaces.
//!
//! The input passes through `sanitize::clean` before it reaches a cell.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::outline::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::app::search::{Prompt, PromptKind};
use crate::sanitize;

pub struct PromptLine<'a> {
    pub app: &'a App,
    pub prompt: &'a Prompt,
    pub theme: Theme,
}

/// The right-hand note, cut to half the line so the input keeps the rest.
fn note(app: &App, prompt: &Prompt, width: u16) -> String {
    let note = full_note(app, prompt);
    truncate(&note, usize::from(width / 2).saturating_sub(1))
}

/// The right-hand note: counts or why there are none.
fn full_note(app: &App, prompt: &Prompt) -> String {
    if prompt.kind == PromptKind::GoTo {
        return "s3 section  120 line  50%".into();
    }
    let Some(search) = &app.search.active else {
        return String::new();
    };
    let status = search.status();
    if app.search.wrapped {
        format!("{status} (wrapped)")
    } else {
        status
    }
}

/// The columns the input is scrolled by, and where the cursor lands, for
/// `room` cells after the sigil.
fn scroll(prompt: &Prompt, room: usize) -> (usize, usize) {
    let before = sanitize::clean(&prompt.input[..prompt.cursor]).width();
    let skip = (before + 1).saturating_sub(room.max(1));
    (skip, before - skip)
}

impl PromptLine<'_> {
    /// Where the terminal's cursor goes: on the input's cursor.
    pub fn cursor(&self, area: Rect) -> Position {
        let room = self.room(area);
        let (_, col) = scroll(self.prompt, room);
        Position::new(
            (area.x + 1 + col as u16).min(area.right().saturating_sub(1)),
            area.y,
        )
    }

    fn room(&self, area: Rect) -> usize {
        let note = note(self.app, self.prompt, area.width).width();
        let width = usize::from(area.width).saturating_sub(1);
        match note {
            0 => width,
            n => width.saturating_sub(n + 2),
        }
    }
}

impl Widget for PromptLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let style = self.theme.status();
        buf.set_style(area, style);
        let room = self.room(area);
        let sigil = self.prompt.kind.sigil().to_string();
        buf.set_stringn(area.x, area.y, &sigil, 1, self.theme.status_key());
        let (skip, _) = scroll(self.prompt, room);
        let shown = sanitize::clean(&self.prompt.input);
        let mut skipped = 0;
        let mut text = String::new();
        let mut width = 0;
        for c in shown.chars() {
            let w = c.width().unwrap_or(0);
            if skipped < skip {
                skipped += w;
                continue;
            }
            if width + w > room {
                break;
            }
            width += w;
            text.push(c);
        }
        buf.set_stringn(area.x + 1, area.y, &text, room, style);
        let note = note(self.app, self.prompt, area.width);
        let note_width = note.width();
        if note_width > 0 && room + 1 + note_width < usize::from(area.width) {
            let x = area.right() - note_width as u16 - 1;
            let note_style = if self
                .app
                .search
                .active
                .as_ref()
                .is_some_and(|s| s.error.is_some() || s.hits.is_empty())
                || self.app.search.wrapped
            {
                style.patch(self.theme.note())
            } else {
                style
            };
            buf.set_stringn(x, area.y, &note, note_width, note_style);
        }
    }
}
